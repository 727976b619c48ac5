// Accessibility (issue 22): forced colours (Windows high contrast), emulated
// with page.emulateMedia({ forcedColors: 'active' }). A colour that says which
// line or group a button stands for keeps it (forced-color-adjust: none, with
// an outline); the page's file button and the charts' controls keep a box.
// Checked on the computed styles and on screenshots' pixels.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, inFigure, twoFrames } from './helpers.mjs';
import { decodePng, countColor } from '../engines/png.mjs';

after(closeBrowser);

const rgb = (css) => (css.match(/\d+(\.\d+)?/g) || []).slice(0, 3).map(Number);

test('forced colours: legend swatches and group symbols keep their colours; buttons keep their boxes', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.emulateMedia({ forcedColors: 'active' });
    await twoFrames(page);
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);

    // The trend's legend: each swatch is painted in its line's colour, outlined.
    const swatches = await page.$$eval(inFigure('trend', 'button.legend-toggle .swatch'), (list) => list.map((s) => {
      const c = getComputedStyle(s);
      return { inline: s.style.backgroundColor, painted: c.backgroundColor, adjust: c.forcedColorAdjust, outline: c.outlineStyle, w: s.getBoundingClientRect().width };
    }));
    assert.equal(swatches.length, 2);
    for (const s of swatches) {
      assert.equal(s.adjust, 'none');
      assert.deepEqual(rgb(s.painted), rgb(s.inline), `the swatch keeps its colour: ${JSON.stringify(s)}`);
      assert.equal(s.outline, 'solid');
      assert.ok(s.w >= 8);
    }
    // On screen: the swatch's colour is there in the button's pixels.
    for (let i = 0; i < swatches.length; i++) {
      const shot = decodePng(await page.locator(inFigure('trend', 'button.legend-toggle')).nth(i).screenshot());
      const n = countColor(shot, rgb(swatches[i].inline), 16);
      assert.ok(n >= 40, `legend button ${i}: ${n} pixels of its line's colour`);
    }

    // The ranking's group buttons: the symbol keeps its group's colour.
    const symbols = await page.$$eval(inFigure('ranking', 'button.group-filter .symbol'), (list) => list.map((s) => {
      const c = getComputedStyle(s);
      return { inline: s.style.color, painted: c.color, adjust: c.forcedColorAdjust, shape: s.getAttribute('data-symbol') };
    }));
    assert.ok(symbols.length >= 2, JSON.stringify(symbols));
    for (const s of symbols) {
      assert.equal(s.adjust, 'none');
      assert.deepEqual(rgb(s.painted), rgb(s.inline), `the symbol keeps its colour: ${JSON.stringify(s)}`);
    }

    // Boxes: the file button (a label whose background forced colours drop) and the charts' buttons.
    const boxes = await page.evaluate(() => Array.from(document.querySelectorAll('.file-button, #charts .chart-controls button, #charts .chart-controls select'))
      .filter((b) => b.getClientRects().length)
      .map((b) => { const c = getComputedStyle(b); return [b.className, c.borderTopStyle, parseFloat(c.borderTopWidth), c.borderLeftStyle]; }));
    assert.ok(boxes.length >= 15, `${boxes.length} boxes`);
    for (const [what, style, width, left] of boxes) {
      assert.equal(style, 'solid', `${what} has a border`);
      assert.equal(left, 'solid', `${what} has a border`);
      assert.ok(width >= 1, `${what}: ${width}px`);
    }
    // The file button's box is drawn: its edge has ink where its (dropped) background was.
    const fileShot = decodePng(await page.locator('.file-button').screenshot());
    const { width, height, rgb: data } = fileShot;
    let edge = 0;
    for (let x = 0; x < width; x++) {
      // The bottom border, in one of the last three rows (it may straddle two).
      let dark = false;
      for (let y = Math.max(0, height - 3); y < height; y++) {
        const i = (y * width + x) * 3;
        if (data[i] < 160 && data[i + 1] < 160 && data[i + 2] < 160) dark = true;
      }
      if (dark) edge++;
    }
    assert.ok(edge > width * 0.8, `the file button's bottom edge is drawn (${edge} of ${width} px dark)`);
    await page.screenshot({ path: process.env.HELUO_SHOT || '/tmp/heluo-forced.png', fullPage: true });

    // Off again: the normal look, no border on the file button.
    await page.emulateMedia({ forcedColors: 'none' });
    assert.equal(await page.$eval('.file-button', (b) => getComputedStyle(b).borderTopStyle), 'none');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
