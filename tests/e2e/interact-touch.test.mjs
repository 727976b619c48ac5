// Interaction on a touch screen: a tap on the plot shows the tooltip (and it
// stays after the finger lifts); a tap elsewhere on the page hides it. The
// stage lets the page scroll vertically and pinch-zoom.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, canvasInk, canvasPoint, trendYearXs, rankingRows, canvasSize,
  tooltipOf, exportFrom,
} from './helpers.mjs';

after(closeBrowser);

test('tap shows the tooltip, a tap elsewhere hides it; touch-action is pan-y pinch-zoom', async () => {
  const p = await openPage('file', { contextOptions: { hasTouch: true, isMobile: true } });
  const { page } = p;
  try {
    const touchAction = await page.$$eval('#charts .stage', (stages) => stages.map((s) => getComputedStyle(s).touchAction));
    assert.deepEqual(touchAction, ['pan-y pinch-zoom', 'pan-y pinch-zoom']);
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'a touch device is emulated');

    const xs = await trendYearXs(page);
    const y = (await canvasSize(page, 'trend')).height * 0.5;
    const at = await canvasPoint(page, 'trend', xs[2015], y);
    await page.touchscreen.tap(at.x, at.y);
    let tip = await tooltipOf(page, 'trend');
    assert.equal(tip.visible, true, 'the tap shows the tooltip');
    assert.equal(tip.heading, '2015年');
    assert.deepEqual(tip.rows, ['洛龙区—', '全国农村5.7%']);
    await page.waitForTimeout(100);
    assert.equal((await tooltipOf(page, 'trend')).visible, true, 'the tooltip stays after the finger lifts');
    assert.ok(await canvasInk(page, inFigure('trend', 'canvas.overlay')) > 0);

    // A tap on the page outside the chart (the heading) hides it.
    const h1 = await page.locator('h1').boundingBox();
    await page.touchscreen.tap(h1.x + 10, h1.y + h1.height / 2);
    tip = await tooltipOf(page, 'trend');
    assert.equal(tip.hidden, true, 'a tap elsewhere hides the tooltip');
    assert.equal(await canvasInk(page, inFigure('trend', 'canvas.overlay')), 0, 'and clears the crosshair');

    // A tap on a bar shows its tooltip and pins the village; the trend's goes away.
    await page.touchscreen.tap(at.x, at.y);
    assert.equal((await tooltipOf(page, 'trend')).visible, true);
    const rows = await rankingRows(page);
    const xia = rows.find((r) => r.heading.includes('夏庄村'));
    const bar = await canvasPoint(page, 'ranking', (await canvasSize(page, 'ranking')).width * 0.5, xia.y);
    await page.touchscreen.tap(bar.x, bar.y);
    assert.equal((await tooltipOf(page, 'trend')).hidden, true, 'tapping the ranking hides the trend tooltip');
    tip = await tooltipOf(page, 'ranking');
    assert.equal(tip.visible, true);
    assert.equal(tip.heading, '第 2 名 · 夏庄村');
    const svg = (await exportFrom(page, 'ranking', 'export-svg')).buffer.toString('utf8');
    assert.ok(svg.includes('168,000 元 · 第 2 名'), 'the tap pinned 夏庄村');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});
