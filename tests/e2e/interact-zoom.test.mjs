// Interaction: dragging across the trend zooms to the years inside the drag;
// double-click (or the reset button) goes back to every year.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, canvasHash, canvasInk, canvasSize, canvasPoint, trendYearXs,
  hoverAt, dragAcross, liveText, tooltipOf, chartTexts,
} from './helpers.mjs';

after(closeBrowser);

const BASE = inFigure('trend', 'canvas.base');
const OVERLAY = inFigure('trend', 'canvas.overlay');
const RESET = inFigure('trend', 'button.reset-zoom');

function resetState(page) {
  return page.$eval(RESET, (b) => ({ hidden: b.hidden, visible: b.offsetWidth > 0, text: b.textContent }));
}

test('drag 2014→2017 zooms; the left edge is 2014; double-click resets', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const xs = await trendYearXs(page);
    const { height } = await canvasSize(page, 'trend');
    const y = height * 0.55;
    const before = await canvasHash(page, BASE);
    assert.deepEqual(await resetState(page), { hidden: true, visible: false, text: '重置缩放' });

    // While dragging, the selection is previewed on the overlay and no tooltip shows.
    const a = await canvasPoint(page, 'trend', xs[2014], y);
    const b = await canvasPoint(page, 'trend', xs[2017], y);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, a.y, { steps: 5 });
    assert.equal((await tooltipOf(page, 'trend')).hidden, true, 'no tooltip during the drag');
    assert.ok(await canvasInk(page, OVERLAY) > 0, 'the selection is shaded on the overlay');
    assert.equal(await canvasHash(page, BASE), before, 'the preview does not touch the base canvas');
    await page.mouse.move(b.x, b.y, { steps: 5 });
    await page.mouse.up();

    const zoomed = await resetState(page);
    assert.equal(zoomed.hidden, false);
    assert.equal(zoomed.visible, true, 'the reset button shows');
    assert.ok(zoomed.text.includes('2014–2017'), `reset button: ${zoomed.text}`);
    assert.equal(await liveText(page, 'trend'), '已放大到 2014–2017 年');
    assert.notEqual(await canvasHash(page, BASE), before, 'the chart is redrawn zoomed');

    const cols = await trendYearXs(page);
    assert.deepEqual(Object.keys(cols).map(Number), [2014, 2015, 2016, 2017], 'only the zoomed years have columns');
    assert.ok(cols[2017] - cols[2014] > (xs[2019] - xs[2012]) * 0.8, 'the four years spread over the plot');
    const leftEdge = await hoverAt(page, 'trend', cols[2014] - 6, y);
    assert.equal(leftEdge.heading, '2014年', 'the left edge of the plot is now 2014');
    assert.deepEqual(leftEdge.rows, ['洛龙区—', '全国农村7.2%']);
    const rightEdge = await hoverAt(page, 'trend', cols[2017] + 6, y);
    assert.equal(rightEdge.heading, '2017年');
    // The table is the data, not the view.
    const [trend] = await chartTexts(page);
    assert.ok(trend.cells.includes('2012') && trend.cells.includes('2019'), 'the table keeps every year');

    await page.mouse.dblclick((a.x + b.x) / 2, a.y);
    assert.deepEqual(await resetState(page), { hidden: true, visible: false, text: '重置缩放' });
    assert.deepEqual(Object.keys(await trendYearXs(page)).map(Number), [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
    await page.mouse.move(1, 1);
    assert.equal(await canvasHash(page, BASE), before, 'back to the full chart');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('the reset button resets; a drag of ≤5 px or within one year does not zoom', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const xs = await trendYearXs(page);
    const y = (await canvasSize(page, 'trend')).height * 0.55;
    const before = await canvasHash(page, BASE);

    // Pressed and moved 4 px: still a hover (the tooltip follows), not a selection.
    const a = await canvasPoint(page, 'trend', xs[2013], y);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(a.x + 4, a.y, { steps: 2 });
    const tip = await tooltipOf(page, 'trend');
    assert.equal(tip.visible, true, 'a 4 px move with the button down is not a drag yet');
    assert.equal(tip.heading, '2013年');
    await page.mouse.up();
    assert.equal((await resetState(page)).hidden, true, 'a 4 px move is a click, not a zoom');
    await dragAcross(page, 'trend', xs[2015] - 30, xs[2015] + 30, y);
    assert.equal((await resetState(page)).hidden, true, 'one year inside the drag is not a range');
    await page.mouse.move(1, 1);
    assert.equal(await canvasHash(page, BASE), before);

    // Right to left works as well as left to right.
    await dragAcross(page, 'trend', xs[2018] + 10, xs[2016] - 10, y);
    const zoomed = await resetState(page);
    assert.equal(zoomed.hidden, false);
    assert.ok(zoomed.text.includes('2016–2018'), zoomed.text);
    await page.click(RESET);
    assert.equal((await resetState(page)).hidden, true, 'the reset button hides itself');
    assert.deepEqual(Object.keys(await trendYearXs(page)).map(Number), [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
    await page.mouse.move(1, 1);
    assert.equal(await canvasHash(page, BASE), before);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
