// Issue 17, "the encoding decided with evidence, shown, and overridable": the
// import line says which encoding the page read a table in and how many
// characters the bytes did not make ("GB18030，0 个替换字符"; a byte order
// mark noted); the Adjust panel's encoding menu (any TextDecoder encoding)
// decodes the original bytes again and re-imports; the choice is kept in the
// recipe of "Save as Heluo JSON", and Heluo.render takes it as `encoding`.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, closeBrowser, chooseBytes, runAxe, readTable, ROOT } from './helpers.mjs';

after(closeBrowser);

const TABLES = join(ROOT, 'www/data/tables');
const ENCODINGS = join(ROOT, 'tests/fixtures/encodings');

async function names(page) {
  return (await readTable(page, 'trend')).head.slice(1);
}

async function loaded(page, name) {
  await page.waitForFunction((n) => document.querySelector('#dataset-label').textContent.includes(n), name, { timeout: 15_000 });
}

/* Picks an option of the encoding menu with the keyboard, as a reader does:
   focus, then the arrow keys until `value` is chosen. */
async function pickEncoding(page, value) {
  await page.focus('#import-encoding');
  const options = await page.$$eval('#import-encoding option', (o) => o.map((x) => x.value));
  const want = options.indexOf(value);
  assert.ok(want >= 0, `${value} is offered: ${options}`);
  const at = options.indexOf(await page.$eval('#import-encoding', (s) => s.value));
  const key = want > at ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(want - at); i++) await page.keyboard.press(key);
  await page.waitForFunction((v) => document.querySelector('#import-encoding') && document.querySelector('#import-encoding').value === v, value);
}

test('a GB18030 export says so, with no replacement characters; read as UTF-8 it shows how many, and back', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    // Chinese whatever the text turns into (garbled, it reads as English).
    await page.selectOption('#lang-select', 'zh-CN');
    await chooseBytes(page, 'national-nbs.csv', await readFile(join(TABLES, 'national-nbs.csv')), 'text/csv');
    await loaded(page, 'national-nbs.csv');
    assert.equal(await page.textContent('#import-decoded'), ' · GB18030，0 个替换字符');
    assert.deepEqual(await names(page), ['农村贫困发生率']);

    await page.click('#import-adjust');
    // The menu is labelled, in the page's language.
    const label = await page.$eval('#import-encoding', (s) => s.closest('label').textContent);
    assert.match(label, /^文字编码/);
    assert.equal(await page.$eval('#import-encoding', (s) => s.value), 'gb18030');

    await pickEncoding(page, 'utf-8');
    await page.waitForFunction(() => /UTF-8/.test(document.querySelector('#import-decoded').textContent));
    const garbled = await page.textContent('#import-decoded');
    const count = Number(/UTF-8，(\d+) 个替换字符/.exec(garbled)[1]);
    assert.ok(count > 10, `the GB18030 bytes make many U+FFFD in UTF-8: ${garbled}`);
    assert.match(garbled, /换一种编码/, 'says what to do about it');
    assert.equal(await page.isVisible('#import-error'), false);
    // Focus stays on the menu for the next key press.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'import-encoding');

    await pickEncoding(page, 'gb18030');
    await page.waitForFunction(() => /GB18030，0/.test(document.querySelector('#import-decoded').textContent));
    assert.deepEqual(await names(page), ['农村贫困发生率']);
    assert.deepEqual(await runAxe(page), [], 'the panel passes axe');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a UTF-8 file with a byte order mark notes it; in English the words are English', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.selectOption('#lang-select', 'en');
    await chooseBytes(page, 'luolong-villages.csv', await readFile(join(TABLES, 'luolong-villages.csv')), 'text/csv');
    await loaded(page, 'luolong-villages.csv');
    assert.equal(await page.textContent('#import-decoded'), ' · UTF-8, 0 replacement characters (with a byte order mark)');
    await page.click('#import-adjust');
    assert.match(await page.$eval('#import-encoding', (s) => s.closest('label').textContent), /^Text encoding/);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a Windows-1252 export (a German district table, as Western Excel writes it) is read as Windows-1252, not as Chinese', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.selectOption('#lang-select', 'en');
    const bytes = await readFile(join(ENCODINGS, 'bayern-kreise-cp1252.csv'));
    await chooseBytes(page, 'bayern-kreise-cp1252.csv', bytes, 'text/csv');
    await loaded(page, 'bayern-kreise-cp1252.csv');
    // Not UTF-8, and its bytes above ASCII stand alone (ü, ö, ²): one-byte
    // letters, not GB18030's pairs, which would read them without a
    // replacement character as Chinese.
    assert.equal(await page.textContent('#import-decoded'), ' · Windows-1252, 0 replacement characters');
    const names = (await readTable(page, 'ranking')).rows.map((r) => r[1]);
    for (const n of ['Landeshauptstadt München', 'Nürnberg', 'Fürth', 'Bad Tölz-Wolfratshausen', 'Mühldorf a.Inn']) {
      assert.ok(names.includes(n), `${n} among ${names}`);
    }
    assert.equal(await page.textContent('#import-line'), 'Ranking: 8 items, 2 metrics');
    // Its German numbers read whole: 1.510.378 inhabitants, 310,7 km².
    const top = (await readTable(page, 'ranking')).rows[0];
    assert.deepEqual(top.slice(1), ['Landeshauptstadt München', '1,510,378', '310.7']);
    await page.click('#import-adjust');
    assert.equal(await page.$eval('#import-encoding', (s) => s.value), 'windows-1252');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('Big5 is told from GB18030 by its bytes; GB18030 picked garbles it, Big5 picked again fixes it, and the recipe keeps it', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    // The table's words are English (its headers); the page stays Chinese as chosen.
    await page.selectOption('#lang-select', 'zh-CN');
    const bytes = await readFile(join(ENCODINGS, 'big5-long.csv'));
    await chooseBytes(page, 'big5-long.csv', bytes, 'text/csv');
    await loaded(page, 'big5-long.csv');
    // The evidence (not UTF-8; pairs that end in 40–7E, none that lead
    // below A1) picks Big5.
    assert.match(await page.textContent('#import-decoded'), /Big5，0 个替换字符/);
    const names = ['臺北縣', '臺南縣', '高雄縣'].sort();
    assert.deepEqual((await readTable(page, 'ranking')).rows.map((r) => r[1]).sort(), names);

    // GB18030 reads these bytes without a replacement character, but as the
    // wrong characters.
    await page.click('#import-adjust');
    await pickEncoding(page, 'gb18030');
    await page.waitForFunction(() => /GB18030/.test(document.querySelector('#import-decoded').textContent));
    const garbled = (await readTable(page, 'ranking')).rows.map((r) => r[1]);
    assert.ok(!garbled.includes('臺北縣'), `garbled: ${garbled}`);

    await pickEncoding(page, 'big5');
    await page.waitForFunction(() => /Big5，0 个替换字符/.test(document.querySelector('#import-decoded').textContent));
    const after = (await readTable(page, 'ranking')).rows.map((r) => r[1]);
    assert.deepEqual([...after].sort(), names, `Big5 names: ${after}`);

    // Saved as format v1, the recipe says how to decode next year's file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-json')]);
    const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(saved.recipe.encoding, 'big5');

    // An embedder gives the same: Heluo.render with `encoding`.
    const embedded = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const box = document.createElement('div');
      box.style.width = '600px';
      document.body.appendChild(box);
      const h = Heluo.render(box, bytes, { chart: 'ranking', encoding: 'big5' });
      await h.ready;
      h.chart.figure.querySelector('button.show-table').click();
      const rows = Array.from(h.chart.figure.querySelectorAll('table.data tr[aria-rowindex]')).slice(1).map((r) => r.cells[1].textContent);
      h.destroy();
      box.remove();
      return rows;
    }, bytes.toString('base64'));
    assert.deepEqual([...embedded].sort(), ['臺北縣', '臺南縣', '高雄縣'].sort());
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('the page tells Shift_JIS, EUC-KR, Big5, Windows-1252 and GB18030 apart as the command line does', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const files = {
      'estat-population-shift-jis.csv': ['shift_jis', '東京都'],
      'kosis-population-cp949.csv': ['euc-kr', '서울특별시'],
      'big5-long.csv': ['big5', '臺北縣'],
      'bayern-kreise-cp1252.csv': ['windows-1252', 'München'],
    };
    for (const [file, [encoding, word]] of Object.entries(files)) {
      const bytes = await readFile(join(ENCODINGS, file));
      const got = await page.evaluate((b64) => {
        const d = Heluo.decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
        return { encoding: d.encoding, text: d.text, replaced: d.replaced };
      }, bytes.toString('base64'));
      assert.equal(got.encoding, encoding, file);
      assert.ok(got.text.includes(word), `${file}: ${got.text.slice(0, 80)}`);
      assert.equal(got.replaced, 0, file);
    }
    const nbs = await readFile(join(TABLES, 'national-nbs.csv'));
    const gbk = await page.evaluate((b64) => Heluo.decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))).encoding, nbs.toString('base64'));
    assert.equal(gbk, 'gb18030');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
