// 6. Hovering a year of the trend or a bar of the ranking shows a tooltip with
// the values; moving out hides it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, hoverUntil, tooltipOf } from './helpers.mjs';

after(closeBrowser);

function overlayInk(page, kind) {
  return page.$eval(`#charts figure.chart-${kind} canvas.overlay`, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
}

test('trend tooltip for 2013 and ranking tooltip for the first bar', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const trendTip = await page.$eval('#charts figure.chart-trend .tooltip', (t) => ({ hidden: t.hidden, role: t.getAttribute('role') }));
    assert.deepEqual(trendTip, { hidden: true, role: 'tooltip' }, 'no tooltip before hovering');
    assert.equal(await overlayInk(page, 'trend'), 0, 'the overlay is empty before hovering');

    const tip = await hoverUntil(page, 'trend', '2013年');
    assert.ok(tip, 'some x over the trend plot shows the tooltip of 2013');
    assert.equal(tip.visible, true);
    assert.equal(tip.role, 'tooltip');
    assert.ok(tip.text.includes('3.12%'), tip.text);
    // The national series is 8.5 in the data; the chart writes all its values
    // with the decimals each series needs: 3.12% beside 8.5%.
    assert.ok(tip.text.includes('8.5%'), tip.text);
    assert.deepEqual(tip.rows, ['洛龙区3.12%', '全国农村8.5%']);
    // One text per event (issue 22): the live region says what a tooltip
    // shows; the tooltip is hidden from assistive technology, and the canvas
    // stays described by its key help.
    const describedBy = await page.$eval('#charts figure.chart-trend canvas.base', (c) => c.getAttribute('aria-describedby'));
    assert.equal(describedBy, await page.$eval('#charts figure.chart-trend .keys-help', (k) => k.id));
    assert.equal(await page.$eval('#charts figure.chart-trend .tooltip', (t) => t.getAttribute('aria-hidden')), 'true');
    assert.ok(await overlayInk(page, 'trend') > 0, 'the overlay marks the hovered year');
    // The tooltip stays inside the chart stage.
    const inside = await page.$eval('#charts figure.chart-trend .stage', (stage) => {
      const s = stage.getBoundingClientRect();
      const t = stage.querySelector('.tooltip').getBoundingClientRect();
      return t.left >= s.left - 1 && t.right <= s.right + 1 && t.top >= s.top - 1;
    });
    assert.ok(inside, 'tooltip within the stage');

    // Top to bottom: the first row that shows a tooltip is the first bar.
    const bar = await hoverUntil(page, 'ranking', () => true, { vertical: true, xFrac: 0.5, steps: 120 });
    assert.ok(bar, 'some y over the ranking shows a tooltip');
    assert.equal(bar.visible, true);
    assert.equal(bar.role, 'tooltip');
    assert.ok(bar.heading.includes('王屯村'), `first bar's tooltip: ${bar.heading}`);
    assert.ok(bar.text.includes('200,000 元'), bar.text);
    assert.ok(await overlayInk(page, 'ranking') > 0, 'the overlay highlights the bar');
    // Only one chart shows a tooltip at a time.
    assert.equal((await tooltipOf(page, 'trend')).hidden, true, 'leaving the trend hid its tooltip');

    // Move out of the charts altogether.
    await page.mouse.move(2, 2);
    const trendAfter = await tooltipOf(page, 'trend');
    const rankingAfter = await tooltipOf(page, 'ranking');
    assert.equal(rankingAfter.hidden, true, 'moving out hides the ranking tooltip');
    assert.equal(rankingAfter.visible, false);
    assert.equal(trendAfter.hidden, true);
    assert.equal(await overlayInk(page, 'ranking'), 0, 'the overlay is cleared');
    // Without a tooltip the canvas is described by its key help.
    const keysId = await page.$eval('#charts figure.chart-ranking .keys-help', (k) => k.id);
    assert.equal(await page.$eval('#charts figure.chart-ranking canvas.base', (c) => c.getAttribute('aria-describedby')), keysId);
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});
