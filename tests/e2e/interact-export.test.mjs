// Interaction: the export buttons download the chart as drawn now: a PNG at
// twice the CSS size, and an SVG document that parses as XML.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, inFigure, canvasSize, exportFrom, keepFramesRunning } from './helpers.mjs';

after(closeBrowser);

/** PNG width and height from the IHDR chunk. */
function pngSize(buffer) {
  assert.deepEqual([...buffer.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(buffer.subarray(12, 16).toString('latin1'), 'IHDR');
  return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
}

/** Decodes a PNG in the page and returns the fraction of non-white opaque pixels. */
function pngInk(page, buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0, clear = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] < 10) clear++;
      else if (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245) ink++;
    }
    const n = d.length / 4;
    return { ink: ink / n, clear: clear / n };
  }, buffer.toString('base64'));
}

/** Parses SVG text with DOMParser in the page. */
function parseSvg(page, text) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      ns: root.namespaceURI,
      width: root.getAttribute('width'),
      height: root.getAttribute('height'),
      texts: Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent.trim()),
    };
  }, text);
}

// The PNG is encoded by canvas.toBlob, which in headless Chromium waits for
// idle time that a still page does not get (1–7 s per export, see
// keepFramesRunning); the tests keep frames running so that it takes ~100 ms.
for (const { kind, scale } of [{ kind: 'trend', scale: 1 }, { kind: 'ranking', scale: 2 }]) {
  test(`PNG of the ${kind} at devicePixelRatio ${scale}: a real PNG at 2× the CSS size, drawn`, async () => {
    const p = await openPage('file', { contextOptions: { deviceScaleFactor: scale } });
    const { page } = p;
    try {
      const size = await canvasSize(page, kind);
      assert.equal(size.dpr, scale);
      await keepFramesRunning(page);
      const png = await exportFrom(page, kind, 'export-png');
      assert.equal(png.name, `heluo-${kind}.png`);
      assert.match(png.url, /^blob:/, 'downloaded from a blob: URL');
      // The export is the chart with the dataset's words under it (the
      // sample's title, subtitle and note): as wide, and taller; the SVG of
      // the same view has the same size at 1×.
      const svg = await parseSvg(page, (await exportFrom(page, kind, 'export-svg')).buffer.toString('utf8'));
      const [w, h] = pngSize(png.buffer);
      assert.deepEqual([w, h], [Math.round(Number(svg.width) * 2), Math.round(Number(svg.height) * 2)],
        `${kind} PNG at twice the exported ${svg.width}×${svg.height}, whatever the screen`);
      assert.equal(Number(svg.width), size.width, 'as wide as the chart on screen');
      assert.ok(Number(svg.height) > size.height + 3 * 16, `the note's lines under the chart (${svg.height} > ${size.height})`);
      assert.ok(svg.texts.some((t) => t.includes('示意数据')), 'the caveat "illustrative values" goes with the picture');
      const { ink, clear } = await pngInk(page, png.buffer);
      assert.equal(clear, 0, `${kind} PNG has an opaque background`);
      assert.ok(ink > 0.02, `${kind} PNG is drawn (${(ink * 100).toFixed(1)}% ink)`);
      assert.deepEqual(p.pageErrors, []);
      assert.deepEqual(p.consoleErrors, []);
    } finally {
      await p.close();
    }
  });
}

test('SVG: parses as XML, holds the names, and follows the view', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const ranking = await exportFrom(page, 'ranking', 'export-svg');
    assert.equal(ranking.name, 'heluo-ranking.svg');
    const text = ranking.buffer.toString('utf8');
    const doc = await parseSvg(page, text);
    assert.equal(doc.errors, 0, 'no parsererror');
    assert.equal(doc.root, 'svg');
    assert.equal(doc.ns, 'http://www.w3.org/2000/svg');
    const size = await canvasSize(page, 'ranking');
    assert.equal(Number(doc.width), size.width, 'the SVG has the CSS width');
    assert.ok(Number(doc.height) > size.height, 'and is taller by the dataset\'s words under the chart');
    assert.ok(doc.texts.includes('洛阳市洛龙区脱贫攻坚'), 'the dataset\'s title, which the ranking does not show');
    assert.ok(doc.texts.includes('王屯村'), 'the village names are text in the SVG');
    assert.ok(doc.texts.includes('200,000 元'));

    const trend = await exportFrom(page, 'trend', 'export-svg');
    const tdoc = await parseSvg(page, trend.buffer.toString('utf8'));
    assert.equal(tdoc.errors, 0);
    assert.ok(tdoc.texts.includes('洛龙区') && tdoc.texts.includes('全国农村'));
    assert.ok(tdoc.texts.includes('打赢脱贫攻坚战的决定'), 'the annotation label is in the SVG');
    assert.match(trend.buffer.toString('utf8'), /#1f6fb5/i, '全国农村 is drawn in blue');

    // Hide 全国农村: the export follows the view.
    await page.locator(inFigure('trend', 'button.legend-toggle')).filter({ hasText: '全国农村' }).click();
    const hidden = (await exportFrom(page, 'trend', 'export-svg')).buffer.toString('utf8');
    assert.equal((await parseSvg(page, hidden)).errors, 0);
    assert.doesNotMatch(hidden, /#1f6fb5/i, 'the hidden series is not drawn in the export');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
