// Interaction state survives a resize: a narrower window or a new
// devicePixelRatio re-lays the charts out and redraws them at the right
// backing-store size, keeping the trend's zoom and the ranking's pins.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, canvasSize, trendYearXs, rankingRows, clickAt, dragAcross,
  exportFrom,
} from './helpers.mjs';

after(closeBrowser);

/** Pins 夏庄村 (a click on its bar) and zooms the trend to 2014–2017 (a drag). */
async function pinAndZoom(page) {
  const rows = await rankingRows(page);
  const xia = rows.find((r) => r.heading.includes('夏庄村'));
  await clickAt(page, 'ranking', (await canvasSize(page, 'ranking')).width * 0.5, xia.y);
  const xs = await trendYearXs(page);
  await dragAcross(page, 'trend', xs[2014], xs[2017], (await canvasSize(page, 'trend')).height * 0.55);
  await page.mouse.move(1, 1);
  await assertState(page);
}

async function assertState(page) {
  const reset = await page.$eval(inFigure('trend', 'button.reset-zoom'), (b) => ({ hidden: b.hidden, text: b.textContent }));
  assert.equal(reset.hidden, false, 'the trend is still zoomed');
  assert.ok(reset.text.includes('2014–2017'), reset.text);
  assert.deepEqual(Object.keys(await trendYearXs(page)).map(Number), [2014, 2015, 2016, 2017],
    'the zoomed years are what the pointer finds');
  const rows = await rankingRows(page);
  assert.equal(rows[1].heading, '第 2 名 · 夏庄村');
  const svg = (await exportFrom(page, 'ranking', 'export-svg')).buffer.toString('utf8');
  assert.ok(svg.includes('168,000 元 · 第 2 名'), 'the pin callout is still drawn');
}

/* In the page: every base canvas is narrower than `below` CSS px and has been
   redrawn for it (the ResizeObserver runs after layout, so a frame may pass). */
function resized(below) {
  return Array.from(document.querySelectorAll('#charts canvas.base')).every((c) => {
    const w = c.getBoundingClientRect().width;
    return w < below && c.width === Math.round(w * devicePixelRatio);
  });
}

/** Both canvases of both figures: backing store = CSS size × dpr, overlay = base. */
async function assertBacking(page, dpr) {
  const sizes = await page.$$eval('#charts .stage', (stages) =>
    stages.map((s) => {
      const [base, overlay] = [s.querySelector('canvas.base'), s.querySelector('canvas.overlay')];
      const r = base.getBoundingClientRect();
      const o = overlay.getBoundingClientRect();
      return { css: [r.width, r.height], back: [base.width, base.height], ocss: [o.width, o.height], oback: [overlay.width, overlay.height], dpr: devicePixelRatio };
    }));
  for (const s of sizes) {
    assert.equal(s.dpr, dpr);
    assert.deepEqual(s.back, [Math.round(s.css[0] * dpr), Math.round(s.css[1] * dpr)], `backing store ${JSON.stringify(s)}`);
    assert.deepEqual(s.oback, s.back, 'the overlay matches the base');
    assert.deepEqual(s.ocss, s.css, 'and covers it');
  }
  return sizes;
}

test('a narrower viewport re-lays out both charts and keeps zoom and pin', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await pinAndZoom(page);
    const wide = await assertBacking(page, 1);
    await page.setViewportSize({ width: 560, height: 1400 });
    await page.waitForFunction(resized, wide[0].css[0] - 100);
    const narrow = await assertBacking(page, 1);
    assert.ok(narrow[0].css[0] <= 530, `the trend is narrower: ${narrow[0].css[0]}`);
    assert.ok(narrow[0].css[1] < wide[0].css[1], 'and lower (its height follows its width)');
    await assertState(page);
    const svg = (await exportFrom(page, 'ranking', 'export-svg')).buffer.toString('utf8');
    assert.match(svg, new RegExp(`^<svg width="${narrow[1].css[0]}"`), 'the export has the new width');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('a devicePixelRatio change redraws at 2× and keeps zoom and pin', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await pinAndZoom(page);
    await assertBacking(page, 1);
    // As when the window moves to a 2× screen. The width changes a little too:
    // headless Chromium fires no media-query change when only the device scale
    // factor is emulated (matchMedia(...).matches flips, no 'change' event),
    // so a scale-only override cannot stand for a real screen change here.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 880, height: 1400, deviceScaleFactor: 2, mobile: false });
    await page.waitForFunction(() => devicePixelRatio === 2 &&
      document.querySelector('#charts canvas.base').width === Math.round(document.querySelector('#charts canvas.base').getBoundingClientRect().width * 2),
    null, { timeout: 5000 });
    await assertBacking(page, 2);
    await assertState(page);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('at deviceScaleFactor 2 from the start, zoom and pin redraw at 2×', async () => {
  const p = await openPage('file', { contextOptions: { deviceScaleFactor: 2 } });
  const { page } = p;
  try {
    await assertBacking(page, 2);
    await pinAndZoom(page);
    await assertBacking(page, 2);
    await page.setViewportSize({ width: 600, height: 1400 });
    await page.waitForFunction(resized, 600);
    await assertBacking(page, 2);
    await assertState(page);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('after a resize the crosshair and the tooltip agree', {
}, async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const overlay = inFigure('trend', 'canvas.overlay');
    await page.focus(inFigure('trend', 'canvas.base'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal((await page.$eval(inFigure('trend', '.tooltip'), (t) => t.hidden)), false);
    await page.setViewportSize({ width: 600, height: 1400 });
    await page.waitForFunction(resized, 600);
    const ink = await page.$eval(overlay, (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
    const tipHidden = await page.$eval(inFigure('trend', '.tooltip'), (t) => t.hidden);
    assert.ok(ink === 0 || !tipHidden,
      `a crosshair (${ink} px on the overlay) is drawn for 2013 while its tooltip is hidden`);
  } finally {
    await p.close();
  }
});
