// Interaction: hiding a trend series, from the legend button under the chart
// and from the legend drawn in the canvas. A hidden series leaves the tooltip
// and the plot (whose y axis rescales to what is left), but not the data table.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, canvasHash, canvasSize, canvasStats, trendYearXs, hoverAt,
  clickAt, topmostColorBox, chartTexts, RED, BLUE,
} from './helpers.mjs';

after(closeBrowser);

const BASE = inFigure('trend', 'canvas.base');

function toggle(page, name) {
  return page.locator(inFigure('trend', 'button.legend-toggle')).filter({ hasText: name });
}

async function pressed(page) {
  return page.$$eval(inFigure('trend', 'button.legend-toggle'), (bs) =>
    bs.map((b) => [b.textContent, b.getAttribute('aria-pressed')]));
}

/** The top of the red (洛龙区) line, in CSS px, between its first and last year. */
async function redTop(page, xs) {
  const box = await topmostColorBox(page, BASE, RED, { xMin: xs[2013] + 4, xMax: xs[2019] - 4, band: 1 });
  return box && box.y;
}

/** The state every test checks after hiding 全国农村. */
async function assertNationalHidden(page, xs, y) {
  assert.deepEqual(await pressed(page), [['洛龙区', 'true'], ['全国农村', 'false']]);
  const tip = await hoverAt(page, 'trend', xs[2013], y);
  assert.equal(tip.heading, '2013年');
  assert.deepEqual(tip.rows, ['洛龙区3.12%'], 'the tooltip lists only the visible series');
  const cols = await trendYearXs(page);
  assert.deepEqual(Object.keys(cols).map(Number), [2013, 2019], 'only 洛龙区 years have columns');
  const stats = await canvasStats(page, BASE, { blue: BLUE });
  assert.equal(stats.counts.blue, 0, 'nothing blue (全国农村) is drawn, not even its legend swatch');
  const [trend] = await chartTexts(page);
  assert.ok(trend.table.includes('全国农村'), 'the data table keeps the hidden series');
  assert.ok(trend.cells.includes('8.5%') && trend.cells.includes('10.2%'), 'with its values');
  await page.mouse.move(1, 1);
}

test('the legend button hides 全国农村; the y axis rescales; the table keeps it', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const xs = await trendYearXs(page);
    const y = (await canvasSize(page, 'trend')).height * 0.5;
    assert.deepEqual(await pressed(page), [['洛龙区', 'true'], ['全国农村', 'true']]);
    const before = await canvasHash(page, BASE);
    const topBefore = await redTop(page, xs);

    await toggle(page, '全国农村').click();
    await assertNationalHidden(page, xs, y);
    assert.notEqual(await canvasHash(page, BASE), before, 'the base canvas is redrawn');
    const topAfter = await redTop(page, xs);
    // 3.12 was a quarter of the way up a 0–12 axis; alone it reaches the top.
    assert.ok(topAfter < topBefore - 80, `the 洛龙区 line rises as the axis rescales: top ${topBefore} → ${topAfter}`);

    await toggle(page, '全国农村').click();
    assert.deepEqual(await pressed(page), [['洛龙区', 'true'], ['全国农村', 'true']]);
    const tip = await hoverAt(page, 'trend', xs[2013], y);
    assert.deepEqual(tip.rows, ['洛龙区3.12%', '全国农村8.5%']);
    await page.mouse.move(1, 1);
    assert.equal(await canvasHash(page, BASE), before, 'showing it again draws the original chart');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('clicking the legend entry inside the canvas toggles the series too', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const xs = await trendYearXs(page);
    const y = (await canvasSize(page, 'trend')).height * 0.5;
    const before = await canvasHash(page, BASE);
    // The legend is above the plot: the topmost blue is the 全国农村 swatch.
    const swatch = await topmostColorBox(page, BASE, BLUE);
    assert.ok(swatch && swatch.w <= 14 && swatch.h <= 14, `a swatch-sized blue box: ${JSON.stringify(swatch)}`);
    assert.ok(swatch.cy < y / 2, `the swatch is in the header, above the plot (y ${swatch.cy})`);

    await clickAt(page, 'trend', swatch.cx + 20, swatch.cy); // on the entry's text
    await assertNationalHidden(page, xs, y);

    await clickAt(page, 'trend', swatch.cx, swatch.cy); // the (now grey) swatch
    assert.deepEqual(await pressed(page), [['洛龙区', 'true'], ['全国农村', 'true']]);
    await page.mouse.move(1, 1);
    assert.equal(await canvasHash(page, BASE), before);

    // Clicking the plot itself toggles nothing.
    await clickAt(page, 'trend', xs[2016], y);
    assert.deepEqual(await pressed(page), [['洛龙区', 'true'], ['全国农村', 'true']]);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
