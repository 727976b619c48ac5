// A large table loads without holding the page: over http a worker made from
// heluo.js imports it (CSV, as it does format v1), the page only draws what
// the worker settled; a correction still works (it re-imports on the page).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, chooseBytes } from './helpers.mjs';

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

/** A ZIP archive of `files` ({name: text}), stored (not compressed): enough for an .xlsx. */
function zip(files) {
  const table = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); entry.writeUInt16LE(20, 4); entry.writeUInt16LE(20, 6); entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20); entry.writeUInt32LE(data.length, 24); entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** An .xlsx of `rows` villages (inline strings), over 4 MB stored. */
function bigWorkbook(rows) {
  const cells = ['<row r="1"><c r="A1" t="inlineStr"><is><t>村</t></is></c><c r="B1" t="inlineStr"><is><t>收入</t></is></c></row>'];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    cells.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>村${String(i).padStart(6, '0')}</t></is></c><c r="B${r}"><v>${(i * 7919) % 1_000_003}</v></c></row>`);
  }
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="村" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells.join('')}</sheetData></worksheet>`,
  });
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
