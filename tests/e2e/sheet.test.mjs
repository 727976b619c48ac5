// The workbook reader loads only when asked (www/sheet-loader.js), from
// file:// and under the strict policy, next to heluo.js, and reads a workbook
// in the browser exactly as natively: the transfer is byte for byte the one
// the native tests decode (tests/fixtures/workbooks/*.transfer).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, closeBrowser, ROOT } from './helpers.mjs';

after(closeBrowser);

const FIXTURES = join(ROOT, 'tests/fixtures/workbooks');

async function read(page, name) {
  await page.setInputFiles('#workbook', join(FIXTURES, name));
  const result = await page.evaluate(async () => {
    const r = await window.readChosen();
    return { ...r, transfer: Array.from(r.transfer) };
  });
  return { ...result, transfer: Buffer.from(result.transfer) };
}

test('the workbook reader loads on demand from file:// and reads as natively', async () => {
  const p = await openPage('file', { path: 'tests/e2e/pages/sheet.html' });
  const { page } = p;
  try {
    assert.equal(await page.evaluate(() => typeof HeluoSheet), 'undefined', 'not loaded before a workbook arrives');
    assert.ok(!p.requests.some((url) => url.endsWith('/heluo-sheet.js')), 'not requested before');

    for (const name of ['note-then-data.xlsx', 'villages.ods', 'encrypted.xlsx']) {
      const { transfer } = await read(page, name);
      const native = await readFile(join(FIXTURES, `${name}.transfer`));
      assert.ok(transfer.equals(native), `${name}: the browser's transfer is the native one`);
    }

    // One script, next to heluo.js, loaded once; the second call reuses it.
    const scripts = await page.evaluate(() =>
      Array.from(document.scripts, (s) => s.src).filter((src) => src.endsWith('heluo-sheet.js')));
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].startsWith('file://') && scripts[0].endsWith('/pkg/heluo-sheet.js'), scripts[0]);
    assert.ok(await page.evaluate(async () => (await loadSheetReader()) === HeluoSheet));

    // Bytes that are no workbook are a failure in the transfer, not an exception.
    const kind = await page.evaluate(() => {
      const t = HeluoSheet.read(new TextEncoder().encode('year,rate\n2013,3.1\n'));
      const v = new DataView(t.buffer, t.byteOffset);
      return [String.fromCharCode(...t.subarray(0, 4)), v.getUint32(8, true), v.getUint32(12, true)];
    });
    assert.deepEqual(kind, ['HLSX', 1, 3], 'a failure transfer: unsupported format');
    assert.equal(
      await page.evaluate(() => { try { HeluoSheet.read('text'); return 'no error'; } catch (e) { return e.name; } }),
      'TypeError',
    );

    assert.deepEqual(await p.violations(), [], 'no CSP violation (the page has the strict policy)');
    assert.deepEqual(p.consoleErrors, []);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('in a worker, the reader is imported next to heluo.js (http, strict policy)', async () => {
  const { startServer, STRICT_CSP } = await import('./helpers.mjs');
  const server = await startServer({ headers: { 'Content-Security-Policy': STRICT_CSP } });
  const p = await openPage('http', { server, path: 'tests/e2e/pages/sheet.html' });
  try {
    const bytes = await readFile(join(FIXTURES, 'merged.xlsx'));
    const transfer = await p.page.evaluate(async (data) => {
      const worker = new Worker('sheet-worker.js');
      const reply = await new Promise((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(new Uint8Array(data));
      });
      worker.terminate();
      return typeof reply === 'string' ? reply : Array.from(reply);
    }, Array.from(bytes));
    assert.ok(Array.isArray(transfer), `the worker answered: ${transfer}`);
    const native = await readFile(join(FIXTURES, 'merged.xlsx.transfer'));
    assert.ok(Buffer.from(transfer).equals(native), 'the worker\'s transfer is the native one');
    assert.ok(server.requests.some((url) => url === '/pkg/heluo-sheet.js'), 'loaded from next to heluo.js');
    assert.equal(await p.page.evaluate(() => typeof HeluoSheet), 'undefined', 'the page itself did not load it');
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
    await server.close();
  }
});
