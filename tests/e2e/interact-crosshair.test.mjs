// Interaction: the trend's crosshair and the annotation label. Hovering a year
// shows every visible series' value there; the crosshair is drawn on the
// overlay canvas, so the base canvas (the chart) never changes on hover.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, canvasHash, canvasInk, canvasSize, trendYearXs,
  hoverAt, probeTooltips, tooltipOf, canvasPoint,
} from './helpers.mjs';

after(closeBrowser);

const BASE = inFigure('trend', 'canvas.base');
const OVERLAY = inFigure('trend', 'canvas.overlay');

/** Non-transparent overlay pixels in the backing-store column at CSS x. */
function overlayColumnInk(page, x) {
  return page.$eval(OVERLAY, (c, x) => {
    const s = c.width / c.getBoundingClientRect().width;
    const col = Math.round(x * s);
    let n = 0;
    for (let dx = -1; dx <= 1; dx++) {
      const d = c.getContext('2d').getImageData(col + dx, 0, 1, c.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    }
    return n;
  }, x);
}

test('crosshair: 2013 lists both series; only the overlay is drawn on hover', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const xs = await trendYearXs(page);
    assert.deepEqual(Object.keys(xs).map(Number), [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019],
      'every year of the data has a column');
    const { height } = await canvasSize(page, 'trend');
    const y = height * 0.5;
    const baseBefore = await canvasHash(page, BASE);
    assert.equal(await canvasInk(page, OVERLAY), 0, 'the overlay is empty before hovering');

    const tip = await hoverAt(page, 'trend', xs[2013] + 3, y);
    assert.equal(tip.visible, true, 'the tooltip shows');
    assert.equal(tip.heading, '2013年');
    // rows are label + value with no separator in textContent
    assert.deepEqual(tip.rows, ['洛龙区3.12%', '全国农村8.5%']);
    const pairs = await page.$$eval(inFigure('trend', '.tooltip .row'), (rows) =>
      rows.map((r) => [r.querySelector('.label').textContent, r.querySelector('.value').textContent]));
    assert.deepEqual(pairs, [['洛龙区', '3.12%'], ['全国农村', '8.5%']]);
    assert.ok(await canvasInk(page, OVERLAY) > 0, 'the overlay has ink while hovering');
    const { height: h } = await canvasSize(page, 'trend');
    assert.ok(await overlayColumnInk(page, xs[2013]) > h * 0.4,
      'the crosshair is a vertical rule at the column of 2013');
    assert.equal(await overlayColumnInk(page, xs[2016]), 0, 'nothing is drawn at 2016 while on 2013');

    // Many moves across the plot: each year in turn, and the base never changes.
    const seen = [];
    const { width } = await canvasSize(page, 'trend');
    const origin = await canvasPoint(page, 'trend', 0, 0);
    for (let i = 0; i <= 32; i++) {
      await page.mouse.move(origin.x + (width * i) / 32, origin.y + y + ((i % 5) - 2) * 20);
      const t = await tooltipOf(page, 'trend');
      if (t.visible && seen[seen.length - 1] !== t.heading) seen.push(t.heading);
    }
    assert.deepEqual(seen, ['2012年', '2013年', '2014年', '2015年', '2016年', '2017年', '2018年', '2019年'],
      'moving left to right visits every year in order');
    const t2019 = await hoverAt(page, 'trend', xs[2019], y);
    assert.deepEqual(t2019.rows, ['洛龙区0.36%', '全国农村0.6%']);
    const t2016 = await hoverAt(page, 'trend', xs[2016], y);
    assert.deepEqual(t2016.rows, ['洛龙区—', '全国农村4.5%'], 'a year without a 洛龙区 point says so (—, announced as 无数据)');
    assert.equal(await canvasHash(page, BASE), baseBefore, 'hovering never redraws the base canvas');

    await page.mouse.move(2, 2);
    assert.equal((await tooltipOf(page, 'trend')).hidden, true, 'leaving hides the tooltip');
    assert.equal(await canvasInk(page, OVERLAY), 0, 'leaving clears the overlay');
    assert.equal(await canvasHash(page, BASE), baseBefore);
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('annotation: hovering the label above the plot at 2015 shows its full text', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const xs = await trendYearXs(page);
    const { height } = await canvasSize(page, 'trend');
    // Down the canvas just right of the 2015 rule: the label sits above the plot.
    const points = [];
    for (let y = 0; y < height / 2; y += 1) points.push([xs[2015] + 30, y]);
    const probes = await probeTooltips(page, 'trend', points);
    const hits = probes.filter((t) => t.text && t.text.includes('打赢脱贫攻坚战的决定'));
    assert.ok(hits.length >= 6, `some y right of 2015 shows the annotation (${hits.length} px)`);
    const firstYear = probes.find((t) => t.heading && !t.text.includes('打赢'));
    assert.ok(firstYear && firstYear.y > hits[hits.length - 1].y, 'the label is above where the plot picks years');
    const at = hits[Math.floor(hits.length / 2)];

    const tip = await hoverAt(page, 'trend', at.x, at.y);
    assert.equal(tip.visible, true);
    assert.equal(tip.heading, '2015年');
    assert.deepEqual(tip.rows, ['打赢脱贫攻坚战的决定'], 'the annotation tooltip holds the label, not values');
    // Left of the rule, at the same height, is not the label.
    const left = await hoverAt(page, 'trend', xs[2015] - 30, at.y);
    assert.ok(!(left.text || '').includes('打赢脱贫攻坚战的决定'), `left of the label: ${left.text}`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
