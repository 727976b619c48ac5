// Accessibility and print (issue 9): the page printed with page.pdf() (A4,
// and a 1280 px wide page) shows both charts with ink, at the printed width,
// each on one page, with the controls left out.
//
// The PDF is rasterised with pdftoppm (Debian's poppler-utils, installed by
// scripts/setup.sh test) as 8-bit grey PGM, which is trivial to read. Where a
// chart is on paper is found by printing twice: once as is, once with that
// chart's canvases made invisible (visibility: hidden keeps the layout, so
// nothing else moves); the pixels that differ are the chart's ink. A chart
// that prints blank (the bug: the overlay canvas wiped the chart under it)
// differs in no pixel.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, closeBrowser, inFigure, hoverAt, canvasSize, ROOT } from './helpers.mjs';

after(closeBrowser);

const SHOTS = join(ROOT, 'target', 'shots');
const DPI = 48; // half of CSS px: 1 raster px = 2 CSS px
const CSS_PER_PX = 96 / DPI;

/** Reads a binary PGM (P5, maxval 255): { width, height, data }. */
function readPgm(buffer) {
  let pos = 0;
  const fields = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buffer[pos]))) pos++;
    if (buffer[pos] === 0x23) { // a comment
      while (buffer[pos] !== 0x0a) pos++;
      continue;
    }
    let start = pos;
    while (!/\s/.test(String.fromCharCode(buffer[pos]))) pos++;
    fields.push(buffer.subarray(start, pos).toString('ascii'));
  }
  pos++; // the one whitespace byte after maxval
  const [magic, w, h, max] = fields;
  assert.equal(magic, 'P5');
  assert.equal(max, '255');
  const width = Number(w);
  const height = Number(h);
  return { width, height, data: buffer.subarray(pos, pos + width * height) };
}

/** The PDF's pages as grey rasters, and its text (pdftotext); `shot` also saves colour PNGs to target/shots/. */
function rasterise(pdf, shot = null) {
  const dir = mkdtempSync(join(tmpdir(), 'heluo-print-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), pdf);
    if (shot) {
      mkdirSync(SHOTS, { recursive: true });
      execFileSync('pdftoppm', ['-r', '72', '-png', join(dir, 'page.pdf'), join(SHOTS, shot)]);
    }
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', join(dir, 'page.pdf'), join(dir, 'p')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)[1]) - Number(/(\d+)\.pgm$/.exec(b)[1]))
      .map((f) => readPgm(readFileSync(join(dir, f))));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'page.pdf'), '-']).toString('utf8');
    return { pages, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sets visibility on the canvases of the figure of `kind` (inline style: allowed under the page's CSP). */
function canvasesVisible(page, kind, visible) {
  return page.$$eval(inFigure(kind, 'canvas'), (cs, visible) => {
    cs.forEach((c) => { c.style.visibility = visible ? '' : 'hidden'; });
  }, visible);
}

/**
 * Where two prints differ, per page: { page, count, left, right, top, bottom }
 * in raster px, for pages with any difference.
 */
function difference(a, b) {
  assert.equal(a.pages.length, b.pages.length, 'hiding a chart keeps the number of pages');
  const out = [];
  a.pages.forEach((pa, i) => {
    const pb = b.pages[i];
    assert.equal(pa.width, pb.width);
    let count = 0, left = Infinity, right = -1, top = Infinity, bottom = -1;
    for (let y = 0; y < pa.height; y++) {
      for (let x = 0; x < pa.width; x++) {
        const k = y * pa.width + x;
        if (Math.abs(pa.data[k] - pb.data[k]) > 40) {
          count++;
          if (x < left) left = x;
          if (x > right) right = x;
          if (y < top) top = y;
          if (y > bottom) bottom = y;
        }
      }
    }
    if (count > 0) out.push({ page: i + 1, count, left, right, top, bottom, width: pa.width, height: pa.height });
  });
  return out;
}

/** Fraction of dark pixels (< 200) of a raster region. */
function darkFraction(p, { left, right, top, bottom }) {
  let dark = 0;
  let all = 0;
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      all++;
      if (p.data[y * p.width + x] < 200) dark++;
    }
  }
  return dark / all;
}

const FORMATS = [
  { name: 'A4', options: { format: 'A4' } },
  { name: '1280 px', options: { width: '1280px' } },
];

async function checkPrint(page, { name, options }, label) {
  const print = async (shot) => rasterise(await page.pdf({ ...options, printBackground: true }), shot);
  const full = await print(`print-${label.replace(/\W+/g, '-')}-${name.replace(/\W+/g, '')}`);
  assert.ok(full.text.includes('洛阳市洛龙区脱贫攻坚'), `${label} ${name}: the dataset's title is printed`);
  for (const word of ['下载 PNG', '下载 SVG', '显示数据表', '选择数据文件', '放大', '重置缩放', '从大到小']) {
    assert.ok(!full.text.includes(word), `${label} ${name}: the control "${word}" is not printed`);
  }
  const found = {};
  for (const kind of ['trend', 'ranking']) {
    await canvasesVisible(page, kind, false);
    const without = await print();
    await canvasesVisible(page, kind, true);
    const diff = difference(full, without);
    const where = JSON.stringify(diff);
    assert.equal(diff.length, 1, `${label} ${name}: the ${kind} chart prints, on one page: ${where}`);
    const d = diff[0];
    const rasterPage = full.pages[d.page - 1];
    // Printed width: the page less the body's 16 px padding on each side.
    const contentW = (rasterPage.width * CSS_PER_PX - 32) / CSS_PER_PX;
    const inkW = d.right - d.left + 1;
    const inkH = d.bottom - d.top + 1;
    assert.ok(d.count > 1500, `${label} ${name}: the ${kind} chart has ink (${d.count} px at ${DPI} dpi): ${where}`);
    assert.ok(inkW >= 0.85 * contentW, `${label} ${name}: the ${kind} chart spans the printed width (${inkW} of ${Math.round(contentW)} px): ${where}`);
    assert.ok(inkH >= 120 / CSS_PER_PX, `${label} ${name}: the ${kind} chart has its height (${inkH} px): ${where}`);
    const dark = darkFraction(rasterPage, d);
    assert.ok(dark > 0.02, `${label} ${name}: the ${kind} chart's box holds dark marks (${(dark * 100).toFixed(1)}%)`);
    found[kind] = d;
  }
  return found;
}

for (const format of FORMATS) {
  test(`print (${format.name}): both charts have ink at the printed width, one page each, no controls`, async () => {
    const p = await openPage('file');
    const { page } = p;
    try {
      const found = await checkPrint(page, format, 'as loaded');
      // The trend comes before the ranking.
      assert.ok(found.trend.page < found.ranking.page
        || (found.trend.page === found.ranking.page && found.trend.bottom < found.ranking.top), JSON.stringify(found));
      // The screen is as before once printed: the charts follow the window again.
      const { width } = await canvasSize(page, 'trend');
      assert.equal(width, await page.$eval('#charts', (c) => c.clientWidth));
      assert.deepEqual(p.pageErrors, []);
    } finally {
      await p.close();
    }
  });
}

test('print while a tooltip, a crosshair and a pin are shown: the charts still print, no tooltip', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    // A pin on the ranking (keyboard), then the pointer on the trend.
    await page.focus(inFigure('ranking', 'canvas.base'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const { width, height } = await canvasSize(page, 'trend');
    const tip = await hoverAt(page, 'trend', width * 0.5, height * 0.5);
    assert.equal(tip.visible, true, 'the tooltip shows on screen');
    // What print media hides (the tooltip's words are drawn in the canvas
    // too, so the PDF's text cannot tell).
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => {
      const display = (sel) => Array.from(document.querySelectorAll(sel)).map((n) => getComputedStyle(n).display);
      return {
        tooltip: display('#charts .tooltip'),
        overlay: display('#charts canvas.overlay'),
        controls: display('#charts .chart-controls'),
        keys: display('#charts .keys-help'),
        loader: display('.loader'),
        base: display('#charts canvas.base'),
        focused: document.activeElement.matches('figure.chart-ranking canvas.base'),
        focusRing: getComputedStyle(document.activeElement).outlineStyle,
        breakInside: Array.from(document.querySelectorAll('#charts figure.chart')).map((f) => getComputedStyle(f).breakInside),
      };
    });
    await page.emulateMedia({ media: null });
    assert.deepEqual(shown, {
      tooltip: ['none', 'none'],
      overlay: ['none', 'none'],
      controls: ['none', 'none'],
      keys: ['none', 'none'],
      loader: ['none'],
      base: ['block', 'block'],
      focused: true,
      focusRing: 'none',
      breakInside: ['avoid', 'avoid'],
    });
    await checkPrint(page, FORMATS[0], 'with a tooltip');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
