// Reliability 1. Every file of the bad-input corpus (tests/fixtures/bad/,
// messages in EXPECTED.tsv, the ones heluo::parse gives natively), loaded one
// after another through the file input of one page, is reported in #alert as
// `无法载入 “NAME”：MESSAGE`, and never disturbs the charts on screen. Then the
// generated cases: a file over 256 MB is refused unread, a file of exactly
// 256 MB is read, a zero-byte file is empty.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  openPage,
  closeBrowser,
  loadAndSettle,
  screenState,
  rankingDataset,
  trendDataset,
  waitForCaption,
} from './helpers.mjs';

after(closeBrowser);

const BAD = join(ROOT, 'tests/fixtures/bad');
const MAX_BYTES = 256 * 1024 * 1024; // src/error.rs MAX_FILE_BYTES
const EMPTY = '文件是空的。请选择含有“trend”（趋势）或“ranking”（排名）数据的文件。';
const NOT_UTF8 = /^The text at line \d+, column \d+ is not UTF-8/;

/** A TSV of file and message: [{ name, message }], comment and blank lines skipped. */
function messages(file) {
  return readFileSync(join(BAD, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const tab = line.indexOf('\t');
      assert.ok(tab > 0, `${file}: no tab in ${JSON.stringify(line)}`);
      return { name: line.slice(0, tab), message: line.slice(tab + 1) };
    });
}

/** EXPECTED.tsv (English, which decides the browser's special cases) with
    each file's Chinese message from EXPECTED.zh.tsv: the page is Chinese, and
    format v1's messages follow the page's language. */
function corpus() {
  const zh = new Map(messages('EXPECTED.zh.tsv').map((r) => [r.name, r.message]));
  return messages('EXPECTED.tsv').map((r) => {
    assert.ok(zh.has(r.name), `EXPECTED.zh.tsv has no ${r.name}`);
    return { ...r, zh: zh.get(r.name) };
  });
}

/*
 * Where the page legitimately differs from the native core. heluo::parse
 * reports any text that is not UTF-8 ("The text at line L, column C is not
 * UTF-8, and the file is not GB18030/GBK either …"), but the page's
 * parse_dataset (src/web/mod.rs) first decodes such bytes as GB18030 with the
 * browser's TextDecoder (fatal) and parses the result; only if that decoding
 * fails does the native message reach the page.
 *
 * gbk.json is {"title": "洛龙区", "trend": {"unit": "%", "series": [{"name":
 *   "洛龙区", "points": [[2013, 3.12], [2014, 2.5]]}]}} saved as GBK: valid
 *   GB18030, valid JSON, a valid dataset. In the browser it LOADS: title
 *   洛龙区, one trend chart captioned 洛龙区 with 2013 3.12% and 2014 2.50%.
 * latin1.json is "Caf\xE9 R\xE9gion": the byte pair E9 20 is not a GB18030
 *   sequence (a lead byte needs a trail byte 40–7E or 80–FE), so the fatal
 *   decoder fails and the page gives the native message unchanged.
 *
 * Any other corpus file whose native message is "The text at line …" is
 * judged the same way by Node's own fatal GB18030 TextDecoder (which, like
 * the browser's, implements the WHATWG Encoding Standard): if it fails, the native
 * message exactly; if it decodes, the page must either load the file or give
 * a message about it that is not the "not UTF-8" one.
 */
const BROWSER_OUTCOME = {
  'gbk.json': {
    outcome: 'loaded',
    title: '洛龙区',
    captions: ['洛龙区'],
  },
  'latin1.json': { outcome: 'native' },
};

/* Refused by format v1 (tests/suite/bad_input.rs pins the native message) but
   read by the table importer as what it is: [year, value] rows, a trend. */
const LOADS_AS_TABLE = new Set(['top_array_of_points.json']);

function gb18030Decodes(bytes) {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

test('every bad file gives its exact message and leaves the charts alone', async (t) => {
  const rows = corpus();
  assert.ok(rows.length >= 90, `the corpus has ${rows.length} rows`);
  const started = Date.now();
  const p = await openPage('file');
  const { page } = p;
  try {
    // The page starts with the first sample (a trend and a ranking).
    let before = await screenState(page);
    assert.equal(before.length, 2, 'two charts before the first bad file');
    for (const c of before) assert.ok(c.ink > 0.01, `${c.kind} is drawn before the first bad file`);

    let loaded = 0;
    for (const { name, message, zh } of rows) {
      await t.test(name, async () => {
        const bytes = readFileSync(join(BAD, name));
        const result = await loadAndSettle(page, name, bytes);
        const native = `无法载入 “${name}”：${zh}`;
        const special = LOADS_AS_TABLE.has(name)
          ? { outcome: 'table' }
          : NOT_UTF8.test(message)
          ? BROWSER_OUTCOME[name] || { outcome: gb18030Decodes(bytes) ? 'decoded' : 'native' }
          : { outcome: 'native' };

        if (special.outcome === 'table') {
          // judged below
        } else if (special.outcome === 'native') {
          assert.equal(result.outcome, 'alert', `${name} should be refused, but ${JSON.stringify(result)}`);
          assert.equal(result.text, native);
        } else if (special.outcome === 'loaded') {
          assert.deepEqual(
            { outcome: result.outcome, title: result.title, captions: result.captions, alertHidden: result.alertHidden },
            { outcome: 'loaded', title: special.title, captions: special.captions, alertHidden: true },
            `${name} decodes as GB18030 in the browser and loads`,
          );
        } else {
          // Valid GB18030 the corpus does not describe: a load, or a message
          // about the decoded text, never the "not UTF-8" one.
          if (result.outcome === 'alert') assert.doesNotMatch(result.text, /is not UTF-8/);
          else assert.equal(result.alertHidden, true);
        }

        if (LOADS_AS_TABLE.has(name)) {
          // Whatever people have is read: refused by format v1, this file is a
          // table to the importer, and is charted. A Chinese dataset is loaded
          // after it, so the page's words stay Chinese for the next files.
          assert.equal(result.outcome, 'loaded', `${name} loads as a table: ${JSON.stringify(result)}`);
          loaded++;
          const back = await loadAndSettle(page, 'zh.json', Buffer.from(rankingDataset({ n: 7, title: '语料之中' })));
          assert.equal(back.outcome, 'loaded');
          before = await screenState(page);
          return;
        }
        const now = await screenState(page);
        if (result.outcome === 'loaded') {
          loaded++;
          for (const c of now) assert.ok(c.ink > 0.01, `${c.kind} of the decoded ${name} is drawn`);
        } else {
          // The charts on screen are the same figures, captions, and still drawn.
          assert.deepEqual(now.map((c) => [c.kind, c.caption, c.same]), before.map((c) => [c.kind, c.caption, true]));
          for (const c of now) assert.ok(c.ink > 0.01, `${c.kind} canvas blank after ${name}`);
          assert.deepEqual(now.map((c) => [c.width, c.height]), before.map((c) => [c.width, c.height]));
        }
        before = now;
        const alertRole = await page.$eval('#alert', (a) => a.getAttribute('role'));
        assert.equal(alertRole, 'alert');
      });
    }
    assert.equal(loaded, 2, 'gbk.json (GB18030) and top_array_of_points.json (a table) load');

    // A good file afterwards loads and hides the alert.
    const good = await loadAndSettle(page, 'good.json', Buffer.from(rankingDataset({ n: 7, title: '语料之后' })));
    assert.equal(good.outcome, 'loaded');
    assert.deepEqual(good.captions, ['语料之后：村集体经济收入']);
    assert.equal(good.alertHidden, true);
    // Once more, from a shown alert straight to a good file.
    const bad = await loadAndSettle(page, 'again.json', Buffer.from('{"trend":'));
    assert.equal(bad.outcome, 'alert');
    const good2 = await loadAndSettle(page, 'good2.json', Buffer.from(trendDataset({ title: '最后一个' })));
    assert.equal(good2.outcome, 'loaded');
    assert.deepEqual(good2.captions, ['最后一个']);
    assert.deepEqual(
      await page.$eval('#alert', (a) => ({ hidden: a.hidden, text: a.textContent, height: a.offsetHeight })),
      { hidden: true, text: '', height: 0 },
    );

    assert.deepEqual(p.pageErrors, [], 'no uncaught exception');
    assert.deepEqual(p.consoleErrors, [], 'a bad file is the user\'s error, not the page\'s: nothing on the console');
    const seconds = (Date.now() - started) / 1000;
    console.log(`bad corpus: ${rows.length} files in ${seconds.toFixed(1)} s`);
  } finally {
    await p.close();
  }
});

/* Counts every way a page can read a Blob: the file-size check must happen before any of them. */
function countReads() {
  window.__heluoReads = [];
  const note = (how, blob) => window.__heluoReads.push({ how, size: blob && blob.size, name: blob && blob.name });
  for (const method of ['arrayBuffer', 'text', 'stream', 'slice', 'bytes']) {
    const original = Blob.prototype[method];
    if (typeof original !== 'function') continue;
    Blob.prototype[method] = function (...args) {
      note(method, this);
      return original.apply(this, args);
    };
  }
  for (const method of ['readAsArrayBuffer', 'readAsText', 'readAsDataURL', 'readAsBinaryString']) {
    const original = FileReader.prototype[method];
    FileReader.prototype[method] = function (blob, ...args) {
      note(method, blob);
      return original.call(this, blob, ...args);
    };
  }
}

test('generated: over 256 MB is refused unread; exactly 256 MB is read; zero bytes is empty', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.evaluate(countReads);
    const before = await screenState(page);

    // 256 MiB + 1 byte: refused before a byte is read, with the size rounded up.
    // (Files this large are made in the page: the protocol cannot carry them.)
    const big = { size: MAX_BYTES + 1, fill: 0x20, head: '' };
    const tooLarge = await loadAndSettle(page, 'huge.json', big, { timeout: 60_000 });
    assert.equal(
      tooLarge.text,
      '无法载入 “huge.json”：文件大小为 256.1 MB，Heluo 最多读取 256 MB 的文件。请拆分数据，或删去不需要绘制的列。',
    );
    assert.deepEqual(await page.evaluate(() => window.__heluoReads), [], 'the page read nothing of the large file');
    const kept = await screenState(page);
    assert.deepEqual(kept.map((c) => [c.caption, c.same]), before.map((c) => [c.caption, true]));
    for (const c of kept) assert.ok(c.ink > 0.01);

    // Exactly 256 MiB is within the limit: read and parsed (a dataset padded with spaces).
    const json = rankingDataset({ n: 4, title: '正好二五六兆' });
    const exact = { size: MAX_BYTES, fill: 0x20, head: json };
    const atLimit = await loadAndSettle(page, 'exact.json', exact, { timeout: 60_000 });
    assert.equal(atLimit.outcome, 'loaded', JSON.stringify(atLimit));
    assert.deepEqual(atLimit.captions, ['正好二五六兆：村集体经济收入']);
    const reads = await page.evaluate(() => window.__heluoReads);
    assert.deepEqual(reads.map((r) => [r.name, r.size]), [['exact.json', MAX_BYTES]], 'the 256 MB file was read (once)');
    await waitForCaption(page, 'ranking', '正好二五六兆：村集体经济收入');

    // A zero-byte file: read, and reported as empty.
    const zero = await loadAndSettle(page, 'nothing.json', Buffer.alloc(0));
    assert.equal(zero.text, `无法载入 “nothing.json”：${EMPTY}`);
    const after0 = await screenState(page);
    assert.deepEqual(after0.map((c) => [c.caption, c.same]), [['正好二五六兆：村集体经济收入', true]]);

    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});
