// Times the workbook reader in Chromium on a large workbook:
//   python3 tests/fixtures/workbooks/generate.py --big /tmp/big.xlsx
//   node tests/bench/sheet.mjs /tmp/big.xlsx
// Prints the time to load pkg/heluo-sheet.js (unpack and compile its wasm) and
// to read the workbook into a transfer, on the main thread of the test page
// (tests/e2e/pages/sheet.html, opened from file://), and what turning the
// transfer into nested JS arrays (the shape serde-wasm-bindgen would hand
// over) costs on top, decoded in JS.
import { openPage, closeBrowser } from '../e2e/helpers.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tests/bench/sheet.mjs FILE.xlsx');
  process.exit(2);
}
const p = await openPage('file', { path: 'tests/e2e/pages/sheet.html' });
try {
  await p.page.setInputFiles('#workbook', file);
  const r = await p.page.evaluate(async () => {
    const out = await window.readChosen();
    const t = out.transfer;
    // Rebuild the first sheet as nested arrays from the transfer, as a JS
    // consumer of serde-wasm-bindgen output would hold it.
    const t0 = performance.now();
    const v = new DataView(t.buffer, t.byteOffset, t.byteLength);
    let pos = 16;
    const u32 = () => { const x = v.getUint32(pos, true); pos += 4; return x; };
    pos += 4; // active
    const dec = new TextDecoder();
    const strings = new Array(u32());
    for (let i = 0; i < strings.length; i++) { const n = u32(); strings[i] = dec.decode(t.subarray(pos, pos + n)); pos += n; }
    u32(); u32(); u32(); u32(); u32();
    const height = u32(), width = u32();
    pos += 16 * u32();
    const tags = t.subarray(pos, pos + height * width); pos += height * width;
    const rows = [];
    for (let r = 0; r < height; r++) {
      const row = [];
      for (let c = 0; c < width; c++) {
        const tag = tags[r * width + c];
        if (tag === 1 || tag === 5) { row.push(v.getFloat64(pos, true)); pos += 8; }
        else if (tag === 2 || tag === 6) row.push(strings[u32()]);
        else row.push(tag === 0 ? null : tag === 4);
      }
      rows.push(row);
    }
    const nestedMs = performance.now() - t0;
    return { loadMs: out.loadMs, readMs: out.readMs, bytes: out.bytes, transferBytes: t.length, rows: rows.length, nestedMs };
  });
  console.log(JSON.stringify(r));
} finally {
  await p.close();
  await closeBrowser();
}
