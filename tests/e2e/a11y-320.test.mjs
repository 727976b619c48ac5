// Accessibility at 320 CSS px (issue 9, WCAG 1.4.10 reflow): in every state
// the page has no horizontal scroll (documentElement.scrollWidth <=
// innerWidth), a shown data table scrolls inside its own box, no canvas is
// stretched (its CSS width is its layout width, its backing store that width
// × devicePixelRatio), and the sample <select> stays inside the viewport.
// Screenshots of each state go to target/shots/ for a human to look at.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  openPage, closeBrowser, inFigure, chooseFile, rankingDataset, canvasSize, hoverAt, tooltipOf,
  englishDataset, unbreakableDataset, twoFrames, ROOT, rankingRows, exportFrom,
} from './helpers.mjs';

after(closeBrowser);

const SHOTS = join(ROOT, 'target', 'shots');
mkdirSync(SHOTS, { recursive: true });

/** What overflows: the page's scroll width, and every visible element that reaches past the viewport. */
function overflow(page) {
  return page.evaluate(() => {
    const inw = window.innerWidth;
    const clipped = (node) => {
      // Inside a visually hidden box, or a box that scrolls on its own.
      for (let n = node.parentElement; n; n = n.parentElement) {
        if (n.classList.contains('sr-only')) return true;
        const s = getComputedStyle(n);
        if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') {
          if (n.getBoundingClientRect().right <= inw + 0.5) return true;
        }
      }
      return false;
    };
    const wide = [];
    document.querySelectorAll('body *').forEach((n) => {
      const r = n.getBoundingClientRect();
      if (r.width === 0 || r.right <= inw + 0.5 || clipped(n)) return;
      wide.push(`${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className && typeof n.className === 'string' ? '.' + n.className.trim().replace(/\s+/g, '.') : ''} right=${Math.round(r.right)}`);
    });
    const select = document.getElementById('sample-select').getBoundingClientRect();
    return {
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
      innerWidth: inw,
      wide: wide.slice(0, 12),
      select: { left: select.left, right: select.right },
    };
  });
}

/** Per chart: the canvases' CSS, layout and backing widths. */
function canvases(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#charts figure.chart')).map((f) => {
    const stage = f.querySelector('.stage');
    return Array.from(f.querySelectorAll('canvas')).map((c) => ({
      kind: f.className,
      canvas: c.className,
      css: c.getBoundingClientRect().width,
      layout: stage.clientWidth,
      figure: f.getBoundingClientRect().width,
      charts: document.getElementById('charts').clientWidth,
      backing: c.width,
      backingHeight: c.height,
      cssHeight: c.getBoundingClientRect().height,
      dpr: window.devicePixelRatio,
    }));
  }).flat());
}

/** Asserts the state `name` has no horizontal overflow and no stretched canvas; saves a screenshot. */
async function check(page, name) {
  await twoFrames(page);
  await page.screenshot({ path: join(SHOTS, `320-${name}.png`), fullPage: true });
  const o = await overflow(page);
  assert.ok(o.scrollWidth <= o.innerWidth,
    `${name}: the page scrolls sideways (scrollWidth ${o.scrollWidth} > ${o.innerWidth}): ${o.wide.join(', ')}`);
  assert.ok(o.bodyScrollWidth <= o.innerWidth, `${name}: body.scrollWidth ${o.bodyScrollWidth}`);
  assert.deepEqual(o.wide, [], `${name}: elements reach past the viewport`);
  assert.ok(o.select.left >= 0 && o.select.right <= o.innerWidth, `${name}: the sample <select> overflows: ${JSON.stringify(o.select)}`);
  for (const c of await canvases(page)) {
    const where = `${name}: ${c.kind} canvas.${c.canvas} ${JSON.stringify(c)}`;
    assert.ok(Math.abs(c.css - c.layout) < 0.5, `stretched: CSS width ≠ layout width: ${where}`);
    assert.ok(Math.abs(c.layout - c.charts) < 0.5, `the figure is wider than the charts' column: ${where}`);
    assert.equal(c.backing, Math.round(c.css * c.dpr), `backing store ≠ CSS width × dpr: ${where}`);
    assert.equal(c.backingHeight, Math.round(c.cssHeight * c.dpr), `backing height ≠ CSS height × dpr: ${where}`);
  }
  return o;
}

async function showTable(page, kind) {
  await page.click(inFigure(kind, 'button.show-table'));
  const box = await page.$eval(inFigure(kind, '.table-box'), (b) => ({
    shown: !b.classList.contains('sr-only'),
    overflowX: getComputedStyle(b).overflowX,
    scrolls: b.scrollWidth > b.clientWidth,
    right: b.getBoundingClientRect().right,
  }));
  assert.equal(box.shown, true, `the ${kind} table is shown`);
  assert.ok(box.right <= 320, `the ${kind} table's box stays in the viewport: ${JSON.stringify(box)}`);
  if (box.scrolls) assert.ok(['auto', 'scroll'].includes(box.overflowX), `a wide table scrolls in its box: ${JSON.stringify(box)}`);
  return box;
}

const VIEWPORT = { width: 320, height: 640 };

for (const dpr of [1, 2]) {
  test(`320 px at dpr ${dpr}: sample page, tables, tooltips, zoom, without horizontal scroll`, async () => {
    const p = await openPage('file', { viewport: VIEWPORT, contextOptions: { deviceScaleFactor: dpr } });
    const { page } = p;
    const tag = dpr === 1 ? '' : `-dpr${dpr}`;
    try {
      await check(page, `initial${tag}`);
      await showTable(page, 'trend');
      await check(page, `trend-table${tag}`);
      await showTable(page, 'ranking');
      await check(page, `both-tables${tag}`);

      // Tooltips: by keys at the last year (the right edge), and by the pointer.
      await page.focus(inFigure('trend', 'canvas.base'));
      await page.keyboard.press('End');
      assert.equal((await tooltipOf(page, 'trend')).visible, true);
      await check(page, `trend-tooltip-keys${tag}`);
      const { width, height } = await canvasSize(page, 'trend');
      for (const x of [0.2, 0.5, 0.9]) {
        const tip = await hoverAt(page, 'trend', width * x, height * 0.5);
        assert.equal(tip.visible, true, `a tooltip at ${x}`);
        const o = await overflow(page);
        assert.ok(o.scrollWidth <= o.innerWidth, `trend tooltip at ${x}: ${o.wide.join(', ')}`);
      }
      await check(page, `trend-tooltip-hover${tag}`);
      const rows = await rankingRows(page);
      const r = await canvasSize(page, 'ranking');
      const tip = await hoverAt(page, 'ranking', r.width * 0.9, rows[0].y);
      assert.equal(tip.visible, true);
      await check(page, `ranking-tooltip${tag}`);
      await page.mouse.move(1, 1);

      // Zoomed in, by the key and by the button.
      await page.focus(inFigure('trend', 'canvas.base'));
      await page.keyboard.press('+');
      await page.click(inFigure('trend', 'button.zoom-in'));
      await check(page, `trend-zoomed${tag}`);
      assert.deepEqual(p.pageErrors, []);
    } finally {
      await p.close();
    }
  });
}

test('320 px: ranking "show all" with 40 villages, and a pin below the top 15', async () => {
  const p = await openPage('file', { viewport: VIEWPORT });
  const { page } = p;
  try {
    await chooseFile(page, 'forty.json', rankingDataset({ n: 40 }));
    await page.waitForFunction(() => document.getElementById('dataset-title').textContent === '测试数据集');
    await check(page, 'forty-top15');
    const input = page.locator(inFigure('ranking', 'form.village-search input[type=search]'));
    await input.fill('Village 30');
    await input.press('Enter');
    assert.match(await page.textContent(inFigure('ranking', '.search-status')), /Village 30/);
    await check(page, 'forty-pinned-below-top15');
    await page.click(inFigure('ranking', 'button.show-all'));
    await check(page, 'forty-show-all');
    await showTable(page, 'ranking');
    await check(page, 'forty-show-all-table');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('320 px: an English dataset, with its tables and tooltips', async () => {
  const p = await openPage('file', { viewport: VIEWPORT });
  const { page } = p;
  try {
    await chooseFile(page, 'english.json', englishDataset({ n: 12 }));
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await check(page, 'english');
    await showTable(page, 'trend');
    await showTable(page, 'ranking');
    await check(page, 'english-tables');
    await page.selectOption(inFigure('ranking', 'select.metric-select'), { index: 1 });
    const { width, height } = await canvasSize(page, 'trend');
    await hoverAt(page, 'trend', width * 0.9, height * 0.5);
    await check(page, 'english-dividend-tooltip');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('320 px: unbreakable names, a URL source and a long file name', async () => {
  const p = await openPage('file', { viewport: VIEWPORT });
  const { page } = p;
  try {
    const name = 'a-very-long-file-name-without-any-space-at-all-' + 'x'.repeat(80) + '.json';
    await chooseFile(page, name, unbreakableDataset({ length: 90 }));
    await page.waitForFunction(() => document.getElementById('dataset-title').textContent.length >= 90);
    await check(page, 'unbreakable');
    await showTable(page, 'trend');
    await showTable(page, 'ranking');
    await check(page, 'unbreakable-tables');
    const rows = await rankingRows(page);
    const { width } = await canvasSize(page, 'ranking');
    const tip = await hoverAt(page, 'ranking', width * 0.5, rows[0].y);
    assert.equal(tip.visible, true);
    await check(page, 'unbreakable-tooltip');
    await page.mouse.move(1, 1);
    // An error alert naming the long file.
    await chooseFile(page, name.replace('.json', '-broken.json'), '{"trend": [');
    await page.waitForSelector('#alert:not([hidden])');
    await check(page, 'unbreakable-alert');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('320 px: the trend\'s x axis shows at least three years (read from the SVG export, the same renderer)', async () => {
  const p = await openPage('file', { viewport: VIEWPORT });
  const { page } = p;
  try {
    const years = async () => {
      const svg = (await exportFrom(page, 'trend', 'export-svg')).buffer.toString('utf8');
      return [...svg.matchAll(/<text[^>]*>\s*(\d{4})\s*<\/text>/g)].map((m) => Number(m[1]));
    };
    const zh = await years();
    assert.ok(zh.length >= 3, `sample, 288 px wide: year labels ${JSON.stringify(zh)}`);
    await chooseFile(page, 'english.json', englishDataset());
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = await years();
    assert.ok(en.length >= 3, `English dataset: year labels ${JSON.stringify(en)}`);
  } finally {
    await p.close();
  }
});
