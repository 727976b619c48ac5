// Large files (4 MB and more) are read in steps: the page shows what is read
// of how much, a cancel button that keeps the charts on screen, and a note
// while the file is parsed; a newer choice (a sample, another file) wins over
// a read still in progress. The read is slowed in the page (each chunk of
// the file's stream held back) so the steps can be seen.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, rankingDataset, waitForCaption } from './helpers.mjs';

after(closeBrowser);

const MB = 1024 * 1024;

/* Holds each chunk of every Blob stream back `ms` milliseconds, in 1 MB chunks. */
function slowStreams(ms) {
  const original = Blob.prototype.stream;
  Blob.prototype.stream = function () {
    const inner = original.call(this).getReader();
    let buffered = new Uint8Array(0);
    return new ReadableStream({
      async pull(controller) {
        while (buffered.length < 1024 * 1024) {
          const { done, value } = await inner.read();
          if (done) break;
          const joined = new Uint8Array(buffered.length + value.length);
          joined.set(buffered);
          joined.set(value, buffered.length);
          buffered = joined;
        }
        if (buffered.length === 0) { controller.close(); return; }
        const chunk = buffered.subarray(0, 1024 * 1024);
        buffered = buffered.subarray(chunk.length);
        await new Promise((r) => setTimeout(r, window.__heluoChunkDelay));
        controller.enqueue(chunk);
      },
      cancel(reason) { window.__heluoStreamCancelled = (window.__heluoStreamCancelled || 0) + 1; return inner.cancel(reason); },
    });
  };
  window.__heluoChunkDelay = ms;
}

/* Chooses an in-page file of `size` bytes: `head` (a dataset) padded with spaces. */
function choosePadded(page, name, head, size) {
  return page.evaluate(({ name, head, size }) => {
    const bytes = new Uint8Array(size).fill(0x20);
    bytes.set(new TextEncoder().encode(head));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: 'application/json' }));
    const input = document.getElementById('file-input');
    input.files = transfer.files;
    window.__heluoLoadStart = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { name, head, size });
}

function progressState(page) {
  return page.evaluate(() => ({
    hidden: document.getElementById('load-progress').hidden,
    label: document.getElementById('load-label').textContent,
    value: document.getElementById('load-bar').value,
    max: document.getElementById('load-bar').max,
    cancelHidden: document.getElementById('load-cancel').hidden,
    cancelText: document.getElementById('load-cancel').textContent,
    status: document.getElementById('page-status').textContent,
  }));
}

function captions(page) {
  return page.$$eval('#charts figure', (figures) => figures.map((f) => document.getElementById(f.getAttribute('aria-labelledby')).textContent));
}

test('a 12 MB file shows its progress and can be cancelled; the charts stay', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const before = await captions(page);
    assert.ok(before.length > 0);
    await page.evaluate(slowStreams, 150);
    await choosePadded(page, 'big.json', rankingDataset({ n: 5, title: '大文件' }), 12 * MB);

    await page.waitForFunction(() => document.getElementById('load-bar').value >= 2 * 1024 * 1024);
    const reading = await progressState(page);
    assert.equal(reading.hidden, false, 'the progress shows');
    assert.match(reading.label, /^正在读取“big\.json”：\d+\.\d \/ 12\.0 兆字节$/);
    assert.equal(reading.max, 12 * MB);
    assert.ok(reading.value > 0 && reading.value < 12 * MB, `read ${reading.value}`);
    assert.equal(reading.cancelHidden, false);
    assert.equal(reading.cancelText, '取消');

    await page.click('#load-cancel');
    const cancelled = await progressState(page);
    assert.equal(cancelled.hidden, true, 'the progress goes');
    assert.equal(cancelled.status, '已取消载入“big.json”，图表未变。');
    assert.ok(await page.evaluate(() => window.__heluoStreamCancelled >= 1), 'the read is stopped');
    // Long after the read would have ended, the old charts are still there.
    await page.waitForTimeout(2500);
    assert.deepEqual(await captions(page), before);
    assert.equal((await progressState(page)).hidden, true);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a 12 MB file read to the end is parsed and drawn, with a note while it is', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.evaluate(slowStreams, 20);
    // Records the label the moment the read is done and parsing begins.
    await page.evaluate(() => {
      window.__heluoLabels = [];
      new MutationObserver(() => window.__heluoLabels.push(document.getElementById('load-label').textContent))
        .observe(document.getElementById('load-label'), { childList: true, characterData: true, subtree: true });
    });
    await choosePadded(page, 'big.json', rankingDataset({ n: 5, title: '大文件' }), 12 * MB);
    await waitForCaption(page, 'ranking', '大文件：村集体经济收入', 30_000);
    const labels = await page.evaluate(() => window.__heluoLabels);
    assert.ok(labels.includes('正在读取“big.json”：12.0 / 12.0 兆字节'), labels.join(' | '));
    assert.equal(labels[labels.length - 1], '正在解析并绘制“big.json”……');
    assert.equal((await progressState(page)).hidden, true, 'the progress goes once the charts are drawn');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a sample chosen while a large file is read wins; the read stops', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.evaluate(slowStreams, 150);
    await choosePadded(page, 'big.json', rankingDataset({ n: 5, title: '大文件' }), 12 * MB);
    await page.waitForFunction(() => !document.getElementById('load-progress').hidden);
    const sample = await page.$eval('#sample-select', (s) => s.options[s.options.length - 1].value);
    const statusBefore = (await progressState(page)).status;
    await page.selectOption('#sample-select', sample);
    assert.equal((await progressState(page)).hidden, true);
    /* The last sample is a table: it is drawn once the on-demand importer
       has read it, so the captions are taken when the page says it loaded. */
    await page.waitForFunction((before) => {
      const status = document.getElementById('page-status').textContent;
      return status !== before && status.startsWith('已载入');
    }, statusBefore);
    const shown = await captions(page);
    assert.ok(!shown.some((c) => c.includes('大文件')), `the sample is shown, not the large file: ${shown}`);
    await page.waitForTimeout(2500);
    assert.deepEqual(await captions(page), shown, 'the older file never replaces the sample');
    const status = (await progressState(page)).status;
    assert.ok(status.startsWith('已载入') && !status.includes('取消'), `the sample is announced, no "cancelled": ${status}`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('in English the progress speaks English', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.selectOption('#lang-select', 'en');
    await page.evaluate(slowStreams, 150);
    await choosePadded(page, 'big.json', rankingDataset({ n: 5, title: 'Big' }), 6 * MB);
    await page.waitForFunction(() => document.getElementById('load-bar').value >= 1024 * 1024);
    const state = await progressState(page);
    assert.match(state.label, /^Reading “big\.json”: \d+\.\d \/ 6\.0 MB$/);
    assert.equal(state.cancelText, 'Cancel');
    await page.click('#load-cancel');
    assert.equal((await progressState(page)).status, 'Stopped loading “big.json”; the charts are unchanged.');
  } finally {
    await p.close();
  }
});

/* Counts the workers the page makes, and ticks a timer every 10 ms: a page
   that parses on its own thread misses the ticks for as long as it parses. */
function watchWorkersAndTicks() {
  window.__heluoWorkers = 0;
  const Original = window.Worker;
  window.Worker = function (...args) { window.__heluoWorkers++; return new Original(...args); };
  window.Worker.prototype = Original.prototype;
  window.__heluoTicks = [];
  setInterval(() => window.__heluoTicks.push(performance.now()), 10);
}

/* A ranking of `n` villages (about 90 bytes each), as JSON text. */
function bigRanking(n, title) {
  const villages = [];
  for (let i = 0; i < n; i++) {
    villages.push({ name: `村${i}`, group: `镇${i % 40}`, values: { income: (i * 7919) % 1000003, dividend: i % 977 } });
  }
  return JSON.stringify({
    title: '大数据集',
    ranking: { title, metrics: [{ key: 'income', label: '村集体经济收入', unit: '元' }, { key: 'dividend', label: '户均分红', unit: '元' }], villages },
  });
}

test('over http a large file is parsed in a worker: the page keeps ticking while it parses', async () => {
  const p = await openPage('http');
  const { page } = p;
  try {
    await page.evaluate(watchWorkersAndTicks);
    const json = bigRanking(100_000, '十万个村');
    await choosePadded(page, 'big.json', json, Buffer.byteLength(json));
    await waitForCaption(page, 'ranking', '十万个村：村集体经济收入', 60_000);
    const { workers, ticks, done, started } = await page.evaluate(() => ({
      workers: window.__heluoWorkers, ticks: window.__heluoTicks, done: performance.now(), started: window.__heluoLoadStart,
    }));
    assert.equal(workers, 1, 'one worker parsed the file');
    // The longest gap between ticks while the file loaded: with the parse in
    // the worker, the page's own work (reading, rebuilding, the first layout)
    // comes in short steps.
    const during = ticks.filter((t) => t >= started && t <= done);
    const gaps = during.slice(1).map((t, i) => t - during[i]);
    const longest = Math.max(...gaps);
    console.log(`100,000 villages over http: ${during.length} ticks in ${(done - started).toFixed(0)} ms, longest gap ${longest.toFixed(0)} ms`);
    assert.ok(during.length >= 10, `the page ticked ${during.length} times while loading`);
    // The table (built when opened) has the 1,000 rows the core gives.
    await page.click('#charts figure.chart-ranking button.show-table');
    const table = await page.$eval('#charts figure.chart-ranking table.data', (t) => Number(t.getAttribute('aria-rowcount')) - 1);
    assert.equal(table, 1000, 'the table of the dataset rebuilt from the worker');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('over http a bad large file gets the same message from the worker', async () => {
  const p = await openPage('http');
  const { page } = p;
  try {
    const before = await captions(page);
    // The last village takes the name of another in its group (镇39).
    const json = bigRanking(60_000, '坏文件').replace('"村59999"', '"村39"');
    const bytes = Buffer.byteLength(json);
    await choosePadded(page, 'bad.json', json, bytes);
    await page.waitForFunction(() => !document.getElementById('alert').hidden, null, { timeout: 60_000 });
    const alert = await page.textContent('#alert');
    assert.equal(alert, '无法载入 “bad.json”：ranking.villages[59999].name：村 "村39" 在分组 "镇39" 中出现了两次（第一次在 ranking.villages[39]）；请合并这两条');
    assert.deepEqual(await captions(page), before, 'the charts on screen stay');
    assert.equal((await progressState(page)).hidden, true);
  } finally {
    await p.close();
  }
});

test('over http a worker parse can be cancelled', async () => {
  const p = await openPage('http');
  const { page } = p;
  try {
    const before = await captions(page);
    const json = bigRanking(200_000, '取消我');
    await choosePadded(page, 'big.json', json, Buffer.byteLength(json));
    await page.waitForFunction(() => document.getElementById('load-label').textContent.startsWith('正在解析'), null, { timeout: 30_000 });
    assert.equal((await progressState(page)).cancelHidden, false, 'the parse in a worker can be cancelled');
    await page.click('#load-cancel');
    assert.equal((await progressState(page)).status, '已取消载入“big.json”，图表未变。');
    await page.waitForTimeout(3000);
    assert.deepEqual(await captions(page), before);
  } finally {
    await p.close();
  }
});

test('a file the browser cannot read gets the page\'s own words, and the charts stay', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const before = await captions(page);
    // Every way of reading a Blob fails, as when a file is moved or deleted
    // after it was chosen.
    await page.evaluate(() => {
      const fail = () => Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError'));
      Blob.prototype.arrayBuffer = fail;
      Blob.prototype.stream = function () { return new ReadableStream({ pull(c) { c.error(new DOMException('gone', 'NotReadableError')); } }); };
    });
    for (const [name, size] of [['small.json', 1000], ['big.json', 6 * MB]]) {
      await choosePadded(page, name, rankingDataset({ n: 3 }), size);
      await page.waitForFunction((name) => document.getElementById('alert').textContent.includes(name), name);
      assert.equal(await page.textContent('#alert'), `浏览器无法读取“${name}”（文件可能已被移动或删除）。`);
      assert.deepEqual(await captions(page), before);
      assert.equal((await progressState(page)).hidden, true);
    }
  } finally {
    await p.close();
  }
});
