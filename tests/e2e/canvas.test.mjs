// 2. The canvases hold a drawn chart (not a blank or white rectangle) in the
// series colours, and their backing store is devicePixelRatio × CSS size.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, canvasStats, RED, BLUE } from './helpers.mjs';

after(closeBrowser);

const TREND = '#charts figure.chart-trend canvas.base';
const RANKING = '#charts figure.chart-ranking canvas.base';

function assertBacking(stats, dpr, what) {
  assert.equal(stats.dpr, dpr, `${what}: devicePixelRatio`);
  assert.ok(stats.cssWidth > 100 && stats.cssHeight > 100, `${what}: CSS size ${stats.cssWidth}×${stats.cssHeight}`);
  assert.ok(Math.abs(stats.width - Math.round(stats.cssWidth * dpr)) <= 1,
    `${what}: backing width ${stats.width} for CSS width ${stats.cssWidth} at ${dpr}×`);
  assert.ok(Math.abs(stats.height - Math.round(stats.cssHeight * dpr)) <= 1,
    `${what}: backing height ${stats.height} for CSS height ${stats.cssHeight} at ${dpr}×`);
}

function assertDrawn(trend, ranking) {
  // The trend is mostly white plot area with lines, the ranking mostly bars.
  assert.ok(trend.transparent < 0.01, `trend canvas has an opaque background (${trend.transparent} transparent)`);
  assert.ok(trend.nonWhite > 0.02, `trend canvas: ${(trend.nonWhite * 100).toFixed(1)}% non-white pixels`);
  assert.ok(ranking.nonWhite > 0.08, `ranking canvas: ${(ranking.nonWhite * 100).toFixed(1)}% non-white pixels`);
  const px = trend.width * trend.height;
  // Two series: 洛龙区 in red (#c0392b), 全国农村 in blue (#1f6fb5).
  assert.ok(trend.counts.red > px * 0.0005, `trend has red (#c0392b) pixels: ${trend.counts.red}`);
  assert.ok(trend.counts.blue > px * 0.0005, `trend has blue (#1f6fb5) pixels: ${trend.counts.blue}`);
  assert.ok(ranking.counts.blue > ranking.width * ranking.height * 0.05, `ranking bars are blue: ${ranking.counts.blue}`);
}

test('canvases are drawn, in the series colours, at 1× backing store', async () => {
  const p = await openPage('file');
  try {
    const trend = await canvasStats(p.page, TREND, { red: RED, blue: BLUE });
    const ranking = await canvasStats(p.page, RANKING, { blue: BLUE });
    assertBacking(trend, 1, 'trend');
    assertBacking(ranking, 1, 'ranking');
    assertDrawn(trend, ranking);
  } finally {
    await p.close();
  }
});

test('at devicePixelRatio 2 the backing store is twice the CSS size and still drawn', async () => {
  const p = await openPage('file', { contextOptions: { deviceScaleFactor: 2 } });
  try {
    const trend = await canvasStats(p.page, TREND, { red: RED, blue: BLUE });
    const ranking = await canvasStats(p.page, RANKING, { blue: BLUE });
    assertBacking(trend, 2, 'trend');
    assertBacking(ranking, 2, 'ranking');
    assertDrawn(trend, ranking);
    const overlay = await p.page.$eval('#charts figure.chart-trend canvas.overlay', (c) => [c.width, c.height]);
    assert.deepEqual(overlay, [trend.width, trend.height], 'overlay canvas matches the base canvas');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});
