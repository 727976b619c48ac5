// A large table loads without holding the page: over http a worker made from
// heluo.js imports it (CSV, as it does format v1), the page only draws what
// the worker settled; a correction still works (it re-imports on the page).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, chooseBytes } from './helpers.mjs';
import { workbook } from './xlsx.mjs';

after(closeBrowser);

/** About 6 MB of CSV: 200,000 villages in 2,000 towns, two metrics. */
function bigCsv() {
  const lines = ['village,town,income,dividend'];
  for (let i = 0; i < 200_000; i++) {
    lines.push(`村${String(i).padStart(6, '0')},镇${String(i % 2000).padStart(4, '0')},${(i * 7919) % 1_000_003},${(i * 31) % 997}`);
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

test('a 6 MB CSV is imported in a worker, and a correction still redraws', async () => {
  const p = await openPage('http');
  const { page } = p;
  try {
    // Count the page thread's own imports: the importer, if the page loads it, is wrapped.
    await page.evaluate(() => {
      window.pageImports = 0;
      let tables;
      Object.defineProperty(globalThis, 'HeluoTables', {
        configurable: true,
        get() { return tables; },
        set(t) {
          const fromText = t.Import.fromText;
          t.Import.fromText = function (...args) { window.pageImports++; return fromText.apply(this, args); };
          tables = t;
        },
      });
    });
    const bytes = bigCsv();
    assert.ok(bytes.length > 4 * 1024 * 1024, `${bytes.length} bytes: large enough for the worker path`);
    await chooseBytes(page, 'villages-200k.csv', bytes, 'text/csv');
    // The page first shows its sample; the import's summary line says the file arrived.
    await page.waitForFunction(() => /200000|200,000/.test(document.getElementById('import-line').textContent), null, { timeout: 120_000 });
    assert.equal(await page.evaluate(() => window.pageImports), 0, 'the page thread did not import the table');
    assert.match(await page.textContent('#import-line'), /200000 个村，2 个指标，按 town 分组/);
    assert.ok(await page.evaluate(() => document.querySelector('#charts figure.chart-ranking').textContent.includes('income')));
    // A correction: only the dividend. The page imports the text itself now.
    await page.click('#import-adjust');
    await page.getByRole('checkbox', { name: 'income', exact: true }).uncheck();
    await page.waitForFunction(() => window.pageImports === 1 && !document.querySelector('#charts figure.chart-ranking').textContent.includes('income'), null, { timeout: 120_000 });
    assert.ok(await page.evaluate(() => document.querySelector('#charts figure.chart-ranking').textContent.includes('dividend')), 'the ranking is of the dividend');
    assert.equal(await page.isHidden('#import-error'), true);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

/** An .xlsx of `rows` villages, entries stored (not deflated): over 4 MB for 40,000. */
function bigWorkbook(rows) {
  const table = [['村', '收入']];
  for (let i = 0; i < rows; i++) table.push([`村${String(i).padStart(6, '0')}`, (i * 7919) % 1_000_003]);
  return workbook(table, { sheet: '村', deflate: false });
}

test('a large workbook is read and imported in a worker too', async () => {
  const p = await openPage('http');
  const { page } = p;
  try {
    await page.evaluate(() => {
      window.pageReads = 0;
      let sheet;
      Object.defineProperty(globalThis, 'HeluoSheet', {
        configurable: true,
        get() { return sheet; },
        set(s) {
          const read = s.read;
          s.read = function (...args) { window.pageReads++; return read.apply(this, args); };
          sheet = s;
        },
      });
    });
    const bytes = bigWorkbook(40_000);
    assert.ok(bytes.length > 4 * 1024 * 1024, `${bytes.length} bytes: large enough for the worker path`);
    await chooseBytes(page, 'villages.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.waitForFunction(() => /40000/.test(document.getElementById('import-line').textContent), null, { timeout: 120_000 });
    assert.equal(await page.evaluate(() => window.pageReads), 0, 'the page thread did not read the workbook');
    assert.match(await page.textContent('#import-line'), /40000 个村/);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
