// Reliability 3. Soak: 200 files in a row through the file input of one page,
// good and bad mixed (rankings of 5–300 villages, trends of 2–8 series, files
// of the bad corpus and broken variants of good files), with 10,000 hover moves
// spread over the good ones. Nothing may pile up: the JS heap after a full GC,
// the wasm memory, the DOM; and the page must still answer at the end.
//
// Rules (stated here, printed with the numbers):
//  - JS heap: the page shows the same file (A) at the baseline and at the end,
//    both measured after two full GCs (DevTools HeapProfiler.collectGarbage,
//    Runtime.getHeapUsage). Final ≤ max(base × 1.10, base + 1 MiB): the base
//    is small (about 2.3 MiB), and a run adds about 0.25 MiB that is not the
//    page's (V8 code warming up, and Blink's StyleEngine keeping a few
//    MediaQuerySets each time the page sets <html lang>); leaking 5 KB a file
//    (one table, one dataset) would break it.
//  - wasm-bindgen wrappers alive after GC (Runtime.queryObjects): exactly the
//    ChartViews on screen and one DatasetHandle, at the base and at the end:
//    the page frees every view and dataset it replaces.
//  - wasm memory (the instance's WebAssembly.Memory, captured by an init
//    script; it never shrinks): the largest file is loaded second; final ≤
//    size after the largest file × 1.10. The 198 files after it may reuse that
//    memory but not keep growing it.
//  - DOM (Memory.getDOMCounters after GC, same file on screen): nodes and JS
//    event listeners ≤ base × 1.10.
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
  addInitScriptAndReload,
  captureWasmInstances,
  wasmMemoryBytes,
  heapAfterGc,
  liveObjects,
  hoverAt,
  rankingRows,
} from './helpers.mjs';

after(closeBrowser);

const FILES = 200;
const HOVERS = 10_000;
const MiB = 1024 * 1024;

/** A small deterministic PRNG (mulberry32), so that every run loads the same 200 files. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20201123);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[int(0, list.length - 1)];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const PLACES = ['屯', '庄', '寨', '沟', '坡', '岭', '湾', '营', '店', '桥'];
const TOWNS = ['白马寺镇', '城关镇', '河口镇', '李楼镇', '安乐镇', ''];
const SERIES = ['洛龙区', '全国农村', '河南省', '洛阳市', '偃师区', '孟津区', '伊川县', '嵩县'];

function trendPart(title, series, years = int(3, 30)) {
  const from = int(1990, 2010);
  return {
    title,
    unit: '%',
    series: Array.from({ length: series }, (_, s) => ({
      name: SERIES[s],
      points: Array.from({ length: years }, (_, i) => [from + i, rand() < 0.05 ? null : Math.round(rand() * 3000) / 100]),
    })),
    annotations: rand() < 0.5 ? [{ year: from + int(0, years - 1), label: '政策调整' }] : [],
  };
}

function rankingPart(title, villages, metrics = int(1, 3)) {
  const keys = ['income', 'dividend', 'households'].slice(0, metrics);
  const labels = { income: '村集体经济收入', dividend: '户均分红', households: '脱贫户数' };
  const units = { income: '元', dividend: '元', households: undefined };
  return {
    title,
    metrics: keys.map((key) => ({ key, label: labels[key], ...(units[key] ? { unit: units[key] } : {}) })),
    villages: Array.from({ length: villages }, (_, i) => {
      const town = pick(TOWNS);
      return {
        // Unique names: the index makes sure of it.
        name: `${pick(SURNAMES)}${pick(PLACES)}${i}村`,
        ...(town ? { group: town } : {}),
        values: Object.fromEntries(keys.map((k) => [k, rand() < 0.04 ? null : int(0, 2_000_000)])),
      };
    }),
  };
}

/** A good file: { name, bytes, captions } (captions the page must show, in order). */
function goodFile(i, { villages, series, both, metrics, years } = {}) {
  const title = `浸泡${i}`;
  const kind = both ? 'both' : pick(['trend', 'ranking', 'both', 'both']);
  const data = { title: `数据集${i}`, locale: 'zh-CN' };
  const captions = [];
  if (kind !== 'ranking') {
    data.trend = trendPart(`${title}趋势`, series || int(2, 8), years);
    captions.push(`${title}趋势`);
  }
  if (kind !== 'trend') {
    data.ranking = rankingPart(`${title}排名`, villages || int(5, 300), metrics);
    captions.push(`${title}排名：村集体经济收入`);
  }
  return { name: `soak-${i}.json`, bytes: Buffer.from(JSON.stringify(data)), good: true, captions };
}

/* Bad files: the corpus (without the three whose outcome differs in the
   browser, see reliability-bad-corpus.test.mjs) and broken good files. */
const BAD_DIR = join(ROOT, 'tests/fixtures/bad');
/* The page is Chinese: its messages are those of EXPECTED.zh.tsv. */
const ZH = new Map(readFileSync(join(BAD_DIR, 'EXPECTED.zh.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t')));
const CORPUS = readFileSync(join(BAD_DIR, 'EXPECTED.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t'))
  .filter(([, message]) => !message.startsWith('The text at line'))
  .map(([file]) => [file, ZH.get(file)])
  // Refused by format v1 but read by the table importer as the trend it is.
  .filter(([file]) => file !== 'top_array_of_points.json');

function badFile(i) {
  const name = `soak-${i}-bad.json`;
  const r = rand();
  if (r < 0.5) {
    const [file, message] = pick(CORPUS);
    return { name, bytes: readFileSync(join(BAD_DIR, file)), good: false, message };
  }
  const json = JSON.stringify({ title: 'x', ranking: rankingPart('坏', int(5, 300)) });
  if (r < 0.75) {
    // Cut short somewhere in the middle.
    return { name, bytes: Buffer.from(json.slice(0, int(10, json.length - 2))), good: false, message: null };
  }
  // A village value that is a string.
  return { name, bytes: Buffer.from(json.replace(/"income":(\d+)/, '"income":"$1元"')), good: false, message: null };
}

/** Dispatches `count` pointer moves over the charts on screen, in the page; returns how many showed a tooltip. */
function hover(page, count, seed) {
  return page.evaluate(
    ([count, seed]) => {
      const figures = Array.from(document.querySelectorAll('#charts figure.chart'));
      let shown = 0;
      for (let i = 0; i < count; i++) {
        const figure = figures[i % figures.length];
        const base = figure.querySelector('canvas.base');
        const tip = figure.querySelector('.tooltip');
        const r = base.getBoundingClientRect();
        // A path that sweeps the plot: across for a trend, down for a ranking.
        const f = (((i + seed) * 0.6180339887) % 1);
        const g = (((i + seed) * 0.3819660113) % 1);
        const trend = figure.classList.contains('chart-trend');
        const x = trend ? f * r.width : (0.2 + 0.6 * g) * r.width;
        const y = trend ? (0.2 + 0.6 * g) * r.height : f * r.height;
        base.dispatchEvent(new PointerEvent('pointermove', {
          bubbles: true, cancelable: true, composed: true, clientX: r.left + x, clientY: r.top + y,
          pointerId: 1, pointerType: 'mouse', isPrimary: true,
        }));
        if (!tip.hidden) shown++;
      }
      for (const figure of figures) {
        figure.querySelector('.stage').dispatchEvent(new PointerEvent('pointerleave', { pointerId: 1, pointerType: 'mouse' }));
      }
      return shown;
    },
    [count, seed],
  );
}

async function wrappers(cdp) {
  return {
    ChartEngine: await liveObjects(cdp, 'Heluo.ChartEngine.prototype'),
    DatasetHandle: await liveObjects(cdp, 'Heluo.DatasetHandle.prototype'),
  };
}

const mb = (bytes) => (bytes / MiB).toFixed(2) + ' MiB';

test(`soak: ${FILES} files and ${HOVERS} hovers without growth`, async () => {
  const started = Date.now();
  const p = await openPage('file');
  const { page } = p;
  try {
    await addInitScriptAndReload(page, captureWasmInstances);
    const cdp = await p.context.newCDPSession(page);
    const wasmAtStart = await wasmMemoryBytes(page);
    assert.ok(wasmAtStart > 0, 'the wasm memory is reachable');

    // The plan: A (baseline), the largest file, 197 mixed, A again.
    const fileA = { ...goodFile('A', { villages: 60, series: 4, both: true }), name: 'soak-A.json' };
    const plan = [fileA, goodFile('largest', { villages: 300, series: 8, both: true, metrics: 3, years: 30 })];
    for (let i = 2; i < FILES - 1; i++) plan.push(rand() < 0.7 ? goodFile(i) : badFile(i));
    plan.push({ ...fileA, name: 'soak-A-again.json' });
    assert.equal(plan.length, FILES);
    const goods = plan.filter((f) => f.good).length;
    const perGood = Math.floor(HOVERS / goods);
    let hoversLeft = HOVERS;
    let tooltips = 0;
    let biggest = 0;

    let base = null;
    let wasmAfterLargest = null;
    const wasmTrail = [];
    for (let i = 0; i < plan.length; i++) {
      const file = plan[i];
      biggest = Math.max(biggest, file.bytes.length);
      const result = await loadAndSettle(page, file.name, file.bytes);
      if (file.good) {
        assert.equal(result.outcome, 'loaded', `${file.name}: ${JSON.stringify(result)}`);
        assert.deepEqual(result.captions, file.captions, file.name);
        assert.equal(result.alertHidden, true, file.name);
        const count = i === plan.length - 1 ? hoversLeft : Math.min(perGood, hoversLeft);
        tooltips += await hover(page, count, i * 7919);
        hoversLeft -= count;
      } else {
        assert.equal(result.outcome, 'alert', `${file.name} should be refused: ${JSON.stringify(result)}`);
        if (file.message) assert.equal(result.text, `无法载入 “${file.name}”：${file.message}`);
      }
      if (i === 0) {
        base = { heap: await heapAfterGc(cdp), wasm: await wasmMemoryBytes(page), live: await wrappers(cdp) };
      }
      if (i === 1) wasmAfterLargest = await wasmMemoryBytes(page);
      if (i % 50 === 49) wasmTrail.push(await wasmMemoryBytes(page));
    }
    assert.equal(hoversLeft, 0, 'all hovers dispatched');
    const final = { heap: await heapAfterGc(cdp), wasm: await wasmMemoryBytes(page), live: await wrappers(cdp) };
    const seconds = (Date.now() - started) / 1000;

    const heapLimit = Math.max(base.heap.used * 1.1, base.heap.used + 1 * MiB);
    const wasmLimit = wasmAfterLargest * 1.1;
    console.log(`soak: ${FILES} files (${goods} good, ${FILES - goods} bad, largest ${mb(biggest)}), ${HOVERS} hovers (${tooltips} showed a tooltip) in ${seconds.toFixed(1)} s`);
    console.log(`JS heap after GC: base ${mb(base.heap.used)} (total ${mb(base.heap.total)}), final ${mb(final.heap.used)} (total ${mb(final.heap.total)}); limit max(base × 1.10, base + 1 MiB) = ${mb(heapLimit)}`);
    console.log(`wasm memory: at start ${mb(wasmAtStart)}, after file A ${mb(base.wasm)}, after the largest ${mb(wasmAfterLargest)}, after files 50/100/150/200 ${wasmTrail.map(mb).join(' / ')}, final ${mb(final.wasm)}; limit ${mb(wasmLimit)}`);
    console.log(`DOM after GC: base ${JSON.stringify(base.heap.dom)}, final ${JSON.stringify(final.heap.dom)}`);
    console.log(`wasm-bindgen wrappers alive after GC: base ${JSON.stringify(base.live)}, final ${JSON.stringify(final.live)}`);
    console.log(`wasm instances created: ${await page.evaluate(() => window.__heluoWasmInstances.length)}`);

    assert.ok(tooltips > HOVERS * 0.3, `most hovers land on data: ${tooltips} of ${HOVERS}`);
    assert.deepEqual(base.live, { ChartEngine: 2, DatasetHandle: 1 }, 'file A: two views, one dataset');
    assert.deepEqual(final.live, { ChartEngine: 2, DatasetHandle: 1 }, 'no view or dataset of the 199 files before is kept');
    assert.ok(final.heap.used <= heapLimit, `JS heap ${mb(final.heap.used)} > ${mb(heapLimit)}`);
    assert.ok(final.wasm <= wasmLimit, `wasm memory ${mb(final.wasm)} > ${mb(wasmLimit)}`);
    // One engine instance, never restarted; the table importer (its own
    // module, pkg/heluo-tables.js) is instantiated once when a JSON array or a
    // non-dataset object arrives and says it is no table either.
    assert.ok(await page.evaluate(() => window.__heluoWasmInstances.length) <= 2, 'no restart happened');
    if (base.heap.dom && final.heap.dom) {
      assert.ok(final.heap.dom.nodes <= base.heap.dom.nodes * 1.1, 'DOM nodes do not pile up');
      assert.ok(final.heap.dom.jsEventListeners <= base.heap.dom.jsEventListeners * 1.1, 'event listeners do not pile up');
      assert.ok(final.heap.dom.documents <= base.heap.dom.documents, 'no stray documents');
    }

    // The page still answers: the charts are drawn, the real mouse over the
    // first bar shows its tooltip, and another file loads.
    const state = await screenState(page);
    assert.deepEqual(state.map((c) => c.caption), fileA.captions);
    for (const c of state) assert.ok(c.ink > 0.01, `${c.kind} is drawn`);
    const rows = await rankingRows(page);
    assert.ok(rows.length >= 10, `${rows.length} ranking rows`);
    const tip = await hoverAt(page, 'ranking', (await page.$eval('#charts figure.chart-ranking canvas.base', (c) => c.clientWidth)) / 2, rows[0].y);
    assert.equal(tip.visible, true);
    assert.equal(tip.heading, rows[0].heading);
    const last = goodFile('last', { villages: 5, series: 2, both: true });
    const loaded = await loadAndSettle(page, last.name, last.bytes);
    assert.equal(loaded.outcome, 'loaded');
    assert.deepEqual(loaded.captions, last.captions);

    assert.deepEqual(p.pageErrors, [], 'no uncaught exception');
    assert.deepEqual(p.consoleErrors, [], 'nothing on the console');
  } finally {
    await p.close();
  }
});
