// Issue 8, "numbers you can publish", on the page: a trend of 150 and 5,000
// counties read as the newsroom pattern "all in grey, a few highlighted" —
// hover highlights the line under the pointer (its row first in the tooltip,
// drawn in the accent colour on the overlay), the search box highlights a
// line (the box keeps its text and focus, a button lists the line to remove
// it), ↑/↓ and Enter do the same from the keyboard and are announced; and
// long text (2,000 × "W", a long URL as source) at 375 px neither widens the
// page nor stretches the canvas, while tooltip numbers never wrap.
// Screenshots go to target/shots/ for a human to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  openPage, closeBrowser, inFigure, chooseFile, waitForCaption, canvasHash, canvasStats, hoverUntil,
  liveText, exportFrom, tooltipOf, ROOT,
} from './helpers.mjs';

after(closeBrowser);

const SHOTS = join(ROOT, 'target', 'shots');
mkdirSync(SHOTS, { recursive: true });
const TITLE = '各区县贫困发生率';
/** The light theme's accent (theme.highlight): a highlighted line. */
const ACCENT = [0x1a, 0x1a, 0x1a];

/** `n` counties over 2013–2019, each at its own height, falling. */
function counties(n) {
  const series = [];
  for (let i = 0; i < n; i++) {
    const top = 2 + (20 * i) / n;
    series.push({ name: `区县${i}`, points: [[2013, +top.toFixed(3)], [2016, +(top * 0.6).toFixed(3)], [2019, +(top * 0.3).toFixed(3)]] });
  }
  return JSON.stringify({ title: TITLE, source: '测试数据', trend: { title: TITLE, unit: '%', series } });
}

async function load(page, n) {
  await chooseFile(page, `counties-${n}.json`, counties(n));
  await waitForCaption(page, 'trend', TITLE, 20_000);
}

/** Hovers down the plot at `xFrac` until a line is highlighted: the tooltip's first row is no longer 区县0. */
function hoverALine(page, xFrac) {
  return hoverUntil(page, 'trend', (t) => t.rows.length > 0 && !t.rows[0].startsWith('区县0'),
    { vertical: true, xFrac, steps: 120 });
}

test('150 counties at 900 px: hover, search, the highlight button and the keys highlight a line', async () => {
  const p = await openPage('file', { viewport: { width: 900, height: 1200 } });
  const { page } = p;
  try {
    await load(page, 150);
    await page.screenshot({ path: join(SHOTS, 'many-series-150-900.png'), fullPage: true });

    // Hover: the line nearest the pointer comes first in the tooltip, and
    // the overlay draws it in the accent colour.
    const tip = await hoverALine(page, 0.3);
    assert.ok(tip, 'hovering down the plot highlights a line');
    assert.match(tip.rows[0], /^区县\d+\d/);
    const overlay = await canvasStats(page, inFigure('trend', 'canvas.overlay'), { accent: ACCENT });
    assert.ok(overlay.counts.accent > 200, `the hovered line is drawn in the accent colour (${overlay.counts.accent} px)`);
    await page.screenshot({ path: join(SHOTS, 'many-series-150-900-hover.png') });
    await page.mouse.move(1, 1);

    // Search: counts as the reader types, Enter highlights the line.
    const input = page.locator(inFigure('trend', 'form.village-search input[type=search]'));
    const status = inFigure('trend', '.search-status');
    const base = inFigure('trend', 'canvas.base');
    const before = await canvasHash(page, base);
    await input.fill('区县4');
    assert.equal(await page.textContent(status), '找到 11 个');
    await input.fill('区县42');
    await input.press('Enter');
    assert.equal(await page.textContent(status), '已突出显示 区县42');
    assert.notEqual(await canvasHash(page, base), before, 'the base canvas is redrawn with the line on top');
    const kept = await input.evaluate((el) => ({ value: el.value, focused: el.matches(':focus') }));
    assert.deepEqual(kept, { value: '区县42', focused: true }, 'the search box keeps its text and focus');
    const button = page.locator(inFigure('trend', 'button.highlight-toggle'));
    assert.equal(await button.count(), 1);
    assert.equal(await button.textContent(), '区县42');
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    const stats = await canvasStats(page, base, { accent: ACCENT });
    assert.ok(stats.counts.accent > 200, 'the highlighted line is drawn in the accent colour');
    await page.screenshot({ path: join(SHOTS, 'many-series-150-900-search.png'), fullPage: true });
    const svg = (await exportFrom(page, 'trend', 'export-svg')).buffer.toString('utf8');
    assert.match(svg, />\s*区县42\s*</, 'the export names the highlighted line at its end');

    // The button removes it, said in the live region.
    await button.click();
    assert.equal(await liveText(page, 'trend'), '已取消突出显示 区县42');
    assert.equal(await page.locator(inFigure('trend', 'button.highlight-toggle')).count(), 0);
    assert.equal(await canvasHash(page, base), before, 'the chart is as before');

    // Keys: ↓ steps to a line and says which, Enter keeps it highlighted.
    await page.focus(base);
    await page.keyboard.press('ArrowDown');
    assert.match(await liveText(page, 'trend'), /^区县0从2013年的.*（第 1 条，共 150 条）$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await liveText(page, 'trend'), '已突出显示 区县1');
    assert.equal(await page.locator(inFigure('trend', 'button.highlight-toggle')).textContent(), '区县1');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('150 counties at 375 px: the plot keeps its height and hover highlights a line', async () => {
  const p = await openPage('file', { viewport: { width: 375, height: 900 } });
  const { page } = p;
  try {
    await load(page, 150);
    const tip = await hoverALine(page, 0.5);
    assert.ok(tip, 'hovering down the plot highlights a line');
    await page.screenshot({ path: join(SHOTS, 'many-series-150-375-hover.png'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `the page scrolls sideways: ${width}`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('5,000 counties: hover answers and highlights a line quickly', async () => {
  const p = await openPage('file', { viewport: { width: 900, height: 1200 } });
  const { page } = p;
  try {
    await load(page, 5000);
    const tip = await hoverALine(page, 0.6);
    assert.ok(tip, 'hovering down the plot highlights a line');
    // A hover through the engine (no DOM work in the timing).
    const ms = await page.evaluate(() => {
      const canvas = document.querySelector('#charts figure.chart-trend canvas.base');
      const r = canvas.getBoundingClientRect();
      const t0 = performance.now();
      for (let i = 0; i < 50; i++) {
        canvas.dispatchEvent(new PointerEvent('pointermove', {
          bubbles: true, clientX: r.left + r.width * (0.2 + i * 0.012), clientY: r.top + r.height * 0.5,
        }));
      }
      return (performance.now() - t0) / 50;
    });
    assert.ok(ms < 50, `a hover over 5,000 lines takes ${ms.toFixed(1)} ms`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('375 px: a 2,000 × "W" title and a URL source neither widen the page nor stretch the canvas; numbers never wrap', async () => {
  const p = await openPage('file', { viewport: { width: 375, height: 900 } });
  const { page } = p;
  try {
    const title = 'W'.repeat(2000);
    const data = {
      title, subtitle: 'W'.repeat(2000), source: 'https://example.org/' + 'averylongpathsegment/'.repeat(20),
      trend: {
        title, unit: '人',
        series: [{ name: 'Seriesnamewithoutspaces'.repeat(8), points: [[2013, 123456789], [2016, 98765432], [2019, 87654321]] }],
      },
    };
    await chooseFile(page, 'long.json', JSON.stringify(data));
    await waitForCaption(page, 'trend', title, 10_000);
    const o = await page.evaluate(() => {
      const c = document.querySelector('#charts figure.chart-trend canvas.base');
      return {
        scrollWidth: document.documentElement.scrollWidth,
        css: c.getBoundingClientRect().width,
        layout: c.parentElement.clientWidth,
        backing: c.width / window.devicePixelRatio,
      };
    });
    assert.ok(o.scrollWidth <= 375, `the page scrolls sideways: ${o.scrollWidth}`);
    assert.ok(Math.abs(o.css - o.layout) < 0.5 && Math.abs(o.backing - o.layout) < 1, `the canvas is stretched: ${JSON.stringify(o)}`);
    // The title is cut before the canvas' right padding (its "…" is seen), not at its edge.
    const edgeInk = await page.evaluate(() => {
      const c = document.querySelector('#charts figure.chart-trend canvas.base');
      const dpr = window.devicePixelRatio;
      const x0 = Math.floor(c.width - 6 * dpr);
      const d = c.getContext('2d').getImageData(x0, 0, c.width - x0, Math.round(40 * dpr)).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 10 && d[i] < 160) ink++;
      return ink;
    });
    assert.equal(edgeInk, 0, 'the title runs to the canvas\' edge');
    await page.screenshot({ path: join(SHOTS, 'long-text-375.png'), fullPage: true });

    // The SVG export: every text inside the width, the title cut with "…".
    const svg = (await exportFrom(page, 'trend', 'export-svg')).buffer.toString('utf8');
    const width = Number(/<svg[^>]*width="([\d.]+)/.exec(svg)[1]);
    assert.ok(width <= 375, `the SVG is ${width} px wide`);
    assert.ok(!svg.includes('W'.repeat(200)), 'the title is cut in the SVG');
    assert.ok(svg.includes('W…'), 'with an ellipsis');

    // A tooltip with a long name: its number stays on one line.
    const tip = await hoverUntil(page, 'trend', (t) => t.rows.length > 0, { yFrac: 0.5, steps: 60 });
    assert.ok(tip, 'a tooltip');
    const lines = await page.$$eval(inFigure('trend', '.tooltip .value'), (vs) => vs.map((v) => {
      const range = document.createRange();
      range.selectNodeContents(v);
      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      return [v.textContent, tops.size];
    }));
    assert.ok(lines.length > 0);
    for (const [value, n] of lines) assert.equal(n, 1, `"${value}" wraps onto ${n} lines`);
    const box = await page.$eval(inFigure('trend', '.tooltip'), (t) => t.getBoundingClientRect().right);
    assert.ok(box <= 375, `the tooltip reaches past the viewport: ${box}`);
    assert.ok((await tooltipOf(page, 'trend')).visible);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
