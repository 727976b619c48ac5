// The page on a phone, long tasks while a big file loads, and <heluo-chart>
// against Heluo.render. Headless Chromium; prints markdown tables, asserts
// nothing. Run by `scripts/bench.sh phone` (not part of `compare`).
//
//  1. Phone profile: www/index.html opened from disk under DevTools' phone
//     profile (390×844 CSS px, devicePixelRatio 3, mobile, touch, CPU
//     throttled 4× through Emulation.setCPUThrottlingRate before the
//     navigation): from the navigation's start to both sample charts drawn
//     (html[data-heluo=ready], read in the page with performance.now(); and
//     the wall clock around page.goto), next to tests/bench/phone-chartjs.html,
//     the same two charts from the same sample with Chart.js 4 (animation
//     off). Fresh context per run. Then, for one more Heluo run, where that
//     time goes: Chromium traces (its events; V8's CPU samples) plus
//     timing marks put in by page.addInitScript around the globals heluo.js
//     calls (atob, Uint8Array.from, WebAssembly.Module/Instance) and around
//     Heluo.mount and parseDataset. Nothing in the product is changed.
//  2. Long tasks while loading: a 100,000-village format v1 file chosen
//     through #file-input, over http (served from 127.0.0.1: the page parses
//     files from 4 MB in a worker) and from file:// (the page's thread
//     parses); every main-thread long task (PerformanceObserver 'longtask',
//     buffered) from the choice until the chart shows the file's name and
//     has drawn: count, longest, sum.
//  3. <heluo-chart> against Heluo.render, in one cross-origin isolated page
//     (tests/bench/element.html): file bytes → pixels for ranking-100000,
//     through Heluo.render(box, bytes) and through the element given the same
//     data the ways an embedder can (src: a blob: URL of the bytes, or the
//     file's http URL; inline <script type="application/json">).
//
// Environment:
//   BENCH_PHONE_RUNS=7           runs per page in part 1 (median, min–max)
//   BENCH_PHONE_CPU=4            CPU throttling rate in part 1 (1: none)
//   BENCH_PHONE_MARK_RUNS=3      Heluo runs with the timing marks, for the breakdown
//   BENCH_PHONE_LOAD_RUNS=3      runs per mode in part 2
//   BENCH_PHONE_ELEMENT_RUNS=5   runs per path in part 3 (after one warm-up each)
//   BENCH_PHONE_PARTS=phone,longtasks,element   the parts to run
//   BENCH_PHONE_SHOTS=target/bench-shots        where the phone screenshots go
//   BENCH_PHONE_TRACE_OUT=file.json   also writes the traced run's marks and trace there
//   HELUO_JS=pkg/heluo.js        the Heluo build of part 3 (parts 1–2 use the page's ../pkg/heluo.js)
//   HELUO_CHROMIUM=/usr/bin/chromium
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startServer } from '../e2e/helpers.mjs';
import { ensureDatasets, DEFAULT_DIR } from './gen.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const RUNS = Math.max(1, Number(env.BENCH_PHONE_RUNS || 7));
const CPU = Math.max(1, Number(env.BENCH_PHONE_CPU || 4));
const LOAD_RUNS = Math.max(1, Number(env.BENCH_PHONE_LOAD_RUNS || 3));
const MARK_RUNS = Math.max(1, Number(env.BENCH_PHONE_MARK_RUNS || 3));
const ELEMENT_RUNS = Math.max(1, Number(env.BENCH_PHONE_ELEMENT_RUNS || 5));
const PARTS = (env.BENCH_PHONE_PARTS || 'phone,longtasks,element').split(',');
const SHOTS = path.resolve(root, env.BENCH_PHONE_SHOTS || 'target/bench-shots');
const HELUO_JS = path.resolve(root, env.HELUO_JS || 'pkg/heluo.js');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const PAGES = {
  heluo: { name: 'Heluo (www/index.html)', url: pathToFileURL(path.join(root, 'www/index.html')).href, attr: 'data-heluo' },
  chartjs: { name: 'Chart.js 4 (tests/bench/phone-chartjs.html)', url: pathToFileURL(path.join(root, 'tests/bench/phone-chartjs.html')).href, attr: 'data-chartjs' },
};

// ------------------------------------------------------------------ stats
const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  if (!xs?.length) return null;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function ms(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (x >= 100) return Math.round(x).toLocaleString('en');
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}
/** "median (min–max)" of `xs`. */
function count(xs) {
  const s = sorted(xs);
  return s.length > 1 ? `${median(s)} (${s[0]}–${s[s.length - 1]})` : String(s[0]);
}
function stat(xs) {
  xs = xs.filter((x) => x !== null && x !== undefined);
  if (!xs.length) return '–';
  const s = sorted(xs);
  return s.length > 1 ? `${ms(median(s))} (${ms(s[0])}–${ms(s[s.length - 1])})` : ms(s[0]);
}

// ------------------------------------------------------------------ browser
let browser = null;
async function launch() {
  browser = await chromium.launch({ executablePath: env.HELUO_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  return browser;
}

/* Runs in the page before its scripts (page.addInitScript): the time the
   ready attribute is set (a MutationObserver: its callback runs at the
   microtask checkpoint right after the script that set it) and the next
   animation frame, when the charts first reach the screen. */
function readyMarks(attr) {
  const marks = (window.__phone = { marks: {} }).marks;
  const mark = (name) => {
    if (!(name in marks)) marks[name] = performance.mark(`phone:${name}`).startTime;
  };
  window.__phoneMark = mark;
  new MutationObserver(() => {
    if (document.documentElement.getAttribute(attr) !== 'ready' || 'ready' in marks) return;
    mark('ready');
    requestAnimationFrame(() => {
      mark('frame');
      // Tells the benchmark (page.on('console')): nothing of Playwright's
      // runs in the page while it loads (waitForSelector would inject its
      // selector engine, 330 KB of script, into the measured time).
      console.debug('phone:frame');
    });
  }).observe(document, { attributes: true, subtree: true, attributeFilter: [attr] });
  document.addEventListener('DOMContentLoaded', () => mark('domContentLoaded'));
}

/* For the breakdown run only: marks around what heluo.js and app.js call —
   atob and Uint8Array.from (the inlined wasm's base64), the LZMA unpacking
   (from the bytes to new WebAssembly.Module), the wasm's synchronous compile
   (WebAssembly.Module) and instantiation (WebAssembly.Instance), Heluo
   assigned (the script's end, nearly), Heluo.parseDataset, Heluo.mount and
   each chart's start() (its size set: layout and drawing at the width). The
   wrappers call the originals with the same arguments. */
function heluoMarks() {
  const mark = (name) => window.__phoneMark(name);
  const spans = (window.__phone.spans = []);
  const span = (name, fn) => function (...args) {
    const s = { name, start: performance.now() };
    spans.push(s);
    try { return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args); } finally { s.end = performance.now(); }
  };
  const BIG = 100000;
  const atob0 = window.atob;
  window.atob = function (s) {
    if (typeof s === 'string' && s.length > BIG) mark('base64Start');
    return atob0.call(this, s);
  };
  const from0 = Uint8Array.from;
  Uint8Array.from = function (src, ...rest) {
    const big = src && src.length > BIG;
    const out = from0.call(this, src, ...rest);
    if (big) mark('base64End');
    return out;
  };
  // heluo.js's base64 step, where the browser has its own decoder.
  const fromB64 = Uint8Array.fromBase64;
  if (fromB64) {
    Uint8Array.fromBase64 = function (text, ...rest) {
      const big = typeof text === 'string' && text.length > BIG;
      if (big) mark('base64Start');
      const out = fromB64.call(this, text, ...rest);
      if (big) mark('base64End');
      return out;
    };
  }
  const Module0 = WebAssembly.Module;
  const Module = function (bytes) {
    mark('wasmCompileStart');
    try { return new Module0(bytes); } finally { mark('wasmCompileEnd'); }
  };
  Module.prototype = Module0.prototype;
  Object.setPrototypeOf(Module, Module0);
  WebAssembly.Module = Module;
  const Instance0 = WebAssembly.Instance;
  const Instance = function (module, imports) {
    mark('wasmInstanceStart');
    try { return new Instance0(module, imports); } finally { mark('wasmInstanceEnd'); }
  };
  Instance.prototype = Instance0.prototype;
  Object.setPrototypeOf(Instance, Instance0);
  WebAssembly.Instance = Instance;
  Object.defineProperty(window, 'Heluo', {
    configurable: true,
    set(api) {
      mark('heluoAssigned');
      if (api && api.mount) {
        api.parseDataset = span('parseDataset', api.parseDataset);
        const mount = api.mount;
        api.mount = function (container, dataset, kind, options) {
          const handle = span(`mount ${kind}`, mount).call(this, container, dataset, kind, options);
          handle.start = span(`start ${kind}`, handle.start);
          return handle;
        };
      }
      Object.defineProperty(window, 'Heluo', { value: api, writable: true, configurable: true, enumerable: true });
    },
  });
}

/** One fresh page under the phone profile; the figures of one run. */
async function phoneRun(which, { trace = false, marks = false } = {}) {
  const p = PAGES[which];
  const context = await browser.newContext({ ...PHONE, reducedMotion: 'no-preference' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let seen = null;
  const frameSeen = new Promise((resolve) => { seen = resolve; });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.text() === 'phone:frame') seen(performance.now());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await page.addInitScript(readyMarks, p.attr);
  if (marks) await page.addInitScript(heluoMarks);
  if (trace) {
    await browser.startTracing(page, {
      screenshots: false,
      // V8's sampler only when asked: it makes V8 log every compiled
      // function, which slows (and inflates) the lazy wasm compilation.
      categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'v8.wasm',
        'blink.user_timing', 'loading', ...(trace === 'samples' ? ['disabled-by-default-v8.cpu_profiler'] : [])],
    });
  }
  try {
    const t0 = performance.now();
    await page.goto(p.url, { waitUntil: 'commit' });
    const timeout = new Promise((resolve, reject) => setTimeout(() => reject(new Error(`${p.url}: no frame after ready in 60 s (${errors.join('; ')})`)), 60_000));
    const wall = (await Promise.race([frameSeen, timeout])) - t0;
    const traceBuffer = trace ? await browser.stopTracing() : null;
    const r = await page.evaluate(async () => {
      const nav = performance.getEntriesByType('navigation')[0];
      // The paint entry may come a little after the frame.
      const fcp = await new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
          if (e) resolve(e);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(null), 3000);
      });
      const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/heluo.js'));
      return {
        heluoFetch: res ? { start: res.startTime, end: res.responseEnd } : null,
        marks: window.__phone.marks, spans: window.__phone.spans || [],
        responseEnd: nav && nav.responseEnd, domInteractive: nav && nav.domInteractive,
        fcp: fcp ? fcp.startTime : null, dpr: devicePixelRatio, width: innerWidth,
      };
    });
    r.wall = wall;
    r.errors = errors;
    if (traceBuffer) r.trace = JSON.parse(traceBuffer.toString('utf8'));
    return { r, page, context };
  } catch (err) {
    await context.close();
    throw err;
  }
}

/** Share of inked pixels (not transparent, not white) of each chart's canvas (untimed). */
async function inkOf(which, page) {
  return page.evaluate((which) => {
    const share = (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] !== 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) n++;
      return n / (c.width * c.height);
    };
    if (which === 'chartjs') return window.__inked();
    return Array.from(document.querySelectorAll('#charts figure.chart canvas.base')).map(share);
  }, which);
}

// ------------------------------------------------------------------ trace
/* The renderer main thread's events between the navigation and the first
   frame after ready, on the performance.now() clock of the page (aligned by
   the phone:ready mark, which is in both). */
function traceView(trace, marks) {
  const events = trace.traceEvents || trace;
  const readyMark = events.find((e) => e.name === 'phone:ready' && e.cat.includes('blink.user_timing'));
  if (!readyMark) return null;
  const { pid, tid } = readyMark;
  const offset = readyMark.ts / 1000 - marks.ready; // trace ms - page ms
  const at = (e) => e.ts / 1000 - offset;
  const end = marks.frame + 5;
  const main = [];
  const open = new Map();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X') main.push({ name: e.name, cat: e.cat, start: at(e), dur: (e.dur || 0) / 1000, args: e.args });
    else if (e.ph === 'B') open.set(e.name, e);
    else if (e.ph === 'E' && open.has(e.name)) {
      const b = open.get(e.name);
      open.delete(e.name);
      main.push({ name: b.name, cat: b.cat, start: at(b), dur: (e.ts - b.ts) / 1000, args: { ...b.args, ...e.args } });
    }
  }
  const inWindow = main.filter((e) => e.start >= -1 && e.start < end).sort((a, b) => a.start - b.start);
  // V8's CPU samples of that thread (Profile / ProfileChunk events, by its pid and tid).
  const nodes = new Map();
  const samples = [];
  let time = null;
  for (const e of events) {
    if (e.pid !== pid || e.name !== 'ProfileChunk') continue;
    const data = e.args?.data;
    if (!data) continue;
    for (const n of data.cpuProfile?.nodes || []) nodes.set(n.id, n);
    const ids = data.cpuProfile?.samples || [];
    const deltas = data.timeDeltas || [];
    if (time === null) {
      const start = events.find((x) => x.pid === pid && x.name === 'Profile' && x.id === e.id);
      time = start ? start.args.data.startTime : e.ts;
    }
    for (let i = 0; i < ids.length; i++) {
      time += deltas[i] || 0;
      samples.push({ node: ids[i], t: time / 1000 - offset });
    }
  }
  return { events: inWindow, nodes, samples, offset };
}

/** Where two functions of pkg/heluo.js are (names are minified): the LZMA
    decoder (from the function with `% 9` before its "corrupt" message to the
    next function) and the base64 step (the function calling
    Uint8Array.from(atob(…))). {line, column} bounds, 0-based. */
function lzmaRange(js) {
  const corrupt = js.indexOf('the inlined WebAssembly is corrupt');
  const props = js.lastIndexOf('%9', corrupt);
  const start = js.lastIndexOf('function', props);
  // The base64 step: Uint8Array.fromBase64, or before it Uint8Array.from(atob(…)).
  const b64 = [js.indexOf('Uint8Array.fromBase64', corrupt), js.indexOf('Uint8Array.from(atob(', corrupt)].find((i) => i >= 0) ?? -1;
  const b64Start = js.lastIndexOf('function', b64);
  const b64End = js.indexOf('return t}', b64) >= 0 ? js.indexOf('return t}', b64) + 9 : js.indexOf('}', b64) + 1;
  if (corrupt < 0 || props < 0 || start < 0 || b64 < 0) return null;
  const pos = (i) => {
    const before = js.slice(0, i);
    const line = before.split('\n').length - 1;
    return { line, column: i - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(start), end: pos(b64Start), b64Start: pos(b64Start), b64End: pos(b64End) };
}

/* What a CPU sample's time is counted as: by its leaf frame, a native
   without a script (Uint8Array.from, appendChild, a canvas call…) counted
   with the nearest script frame under it. */
function sampleKind(view, node, lzma) {
  const before = (a, b) => a.line < b.line || (a.line === b.line && a.column < b.column);
  const within = (f, a, b) => lzma && !before({ line: f.lineNumber, column: f.columnNumber }, a) && before({ line: f.lineNumber, column: f.columnNumber }, b);
  const inLzma = (f) => within(f, lzma.start, lzma.end);
  const leaf = node.callFrame;
  if (['(program)', '(idle)', '(garbage collector)'].includes(leaf.functionName)) return leaf.functionName === '(program)' ? '(program): the browser\'s own work outside JS (HTML parsing, style, layout, paint, compiling)' : leaf.functionName;
  let n = node;
  while (n && !n.callFrame.url) n = n.parent !== undefined ? view.nodes.get(n.parent) : null;
  if (!n) return 'natives with no script under them';
  const f = n.callFrame;
  const native = n !== node ? ` (natives: ${leaf.functionName || 'anonymous'}…)` : '';
  if (f.url.startsWith('wasm://')) return 'wasm: the engine (parse, layout, drawing commands)';
  if (f.url.endsWith('/pkg/heluo.js')) {
    if (inLzma(f)) return 'heluo.js: the LZMA decoder';
    if (within(f, lzma.b64Start, lzma.b64End)) return 'heluo.js: base64 → bytes';
    let wasmBelow = false;
    for (let p = n.parent !== undefined ? view.nodes.get(n.parent) : null; p; p = p.parent !== undefined ? view.nodes.get(p.parent) : null) {
      if ((p.callFrame.url || '').startsWith('wasm://')) { wasmBelow = true; break; }
    }
    if (wasmBelow) return 'heluo.js called from wasm: the glue\'s imports (canvas 2D calls, text measuring, strings)';
    return 'heluo.js: the rest (the DOM layer building figures and controls, the glue; and the natives these call)';
  }
  if (f.url.endsWith('/www/app.js')) return 'app.js: the page (and the natives it calls: DOM, forced layout)';
  if (/\/www\/[^/]+\.js$/.test(f.url)) return 'the page\'s other scripts (samples.js, page-words.js, loaders)';
  return `other: ${f.url.slice(0, 60)}${native}`;
}

function sampleShares(view, from, to, lzma) {
  const shares = {};
  let last = null;
  for (const s of view.samples) {
    if (last && last.t >= from && last.t < to) {
      const node = view.nodes.get(last.node);
      const key = node ? sampleKind(view, node, lzma) : 'unknown';
      shares[key] = (shares[key] || 0) + Math.min(s.t, to) - last.t;
    }
    last = s;
  }
  return shares;
}

/* Marks of the untraced runs with the wrappers: median (min–max) per step. */
function marksTable(runs) {
  const steps = [
    ['heluo.js fetched (Resource Timing: start → responseEnd)', (r) => r.heluoFetch && [r.heluoFetch.start, r.heluoFetch.end]],
    ['heluo.js: base64 → bytes (Uint8Array.fromBase64, or atob and a loop)', (r) => [r.marks.base64Start, r.marks.base64End]],
    ['heluo.js: LZMA unpacking of the inlined wasm (bytes → new WebAssembly.Module)', (r) => [r.marks.base64End, r.marks.wasmCompileStart]],
    ['heluo.js: WebAssembly compilation (synchronous new WebAssembly.Module)', (r) => [r.marks.wasmCompileStart, r.marks.wasmCompileEnd]],
    ['heluo.js: instantiation (new WebAssembly.Instance)', (r) => [r.marks.wasmInstanceStart, r.marks.wasmInstanceEnd]],
    ['heluo.js: the glue and API object, up to `Heluo` assigned', (r) => [r.marks.wasmInstanceEnd, r.marks.heluoAssigned]],
    ['app.js: Heluo.parseDataset (the sample\'s JSON → dataset, in wasm)', (r) => span(r, 'parseDataset')],
    ['app.js: Heluo.mount trend (figure, controls and engine built: layout and first drawing)', (r) => span(r, 'mount trend')],
    ['app.js: Heluo.mount ranking (the same)', (r) => span(r, 'mount ranking')],
    ['app.js: trend start() (size watched; redrawn if the width changed)', (r) => span(r, 'start trend')],
    ['app.js: ranking start()', (r) => span(r, 'start ranking')],
    ['ready (app.js ends)', (r) => [r.marks.ready, r.marks.ready]],
    ['ready → next frame', (r) => [r.marks.ready, r.marks.frame]],
  ];
  function span(r, name) {
    const s = (r.spans || []).find((x) => x.name === name);
    return s && [s.start, s.end];
  }
  const lines = [`| step (median of ${runs.length} untraced Heluo runs with the marks) | starts at (ms) | takes (ms) |`, '|---|---|---|'];
  for (const [what, f] of steps) {
    const xs = runs.map(f).filter((x) => x && x[0] !== undefined && x[1] !== undefined);
    if (!xs.length) continue;
    lines.push(`| ${what} | ${stat(xs.map((x) => x[0]))} | ${what.startsWith('ready (') ? '' : stat(xs.map((x) => x[1] - x[0]))} |`);
  }
  return lines.join('\n');
}

/* One traced run: the main thread's timeline, then the CPU samples. */
function timelineTable(r) {
  const m = r.marks;
  const view = traceView(r.trace, m);
  if (!view) return 'No phone:ready mark in the trace.';
  const lines = [];
  const row = (what, start, dur, how) => lines.push(`| ${what} | ${start === null ? '–' : ms(start)} | ${ms(dur)} | ${how} |`);
  lines.push('| step (the traced run) | starts at (ms) | takes (ms) | measured by |', '|---|---|---|---|');
  const ev = view.events;
  const scripts = ev.filter((e) => e.name === 'EvaluateScript');
  const script = (suffix) => scripts.find((e) => (e.args?.data?.url || '').endsWith(suffix));
  const within = (outer, pred) => ev.filter((e) => pred(e) && e.start >= outer.start && e.start < outer.start + outer.dur);
  const sum = (xs) => xs.reduce((a, e) => a + e.dur, 0);
  /* Outermost events only (a name nested in itself counted once). */
  const outer = (xs) => xs.filter((e) => !xs.some((o) => o !== e && e.start >= o.start && e.start + e.dur <= o.start + o.dur && (e.start > o.start || e.dur < o.dur)));
  const h = script('/pkg/heluo.js');
  const a = script('/www/app.js');
  const firstScript = h ? h.start : m.ready;
  row('navigation → the HTML received', 0, r.responseEnd, 'Navigation Timing (responseEnd)');
  const parse = ev.filter((e) => e.name === 'ParseHTML' && e.start < m.ready);
  row(`HTML parsing (${parse.length} ParseHTML slices; the scripts run in them left out)`, parse[0]?.start ?? null, sum(parse) - sum(scripts.filter((s) => (s.args?.data?.url || '').startsWith('file:') && parse.some((p) => s.start >= p.start && s.start < p.start + p.dur))), 'trace');
  const early = outer(ev.filter((e) => ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'ParseAuthorStyleSheet'].includes(e.name) && e.start < firstScript));
  row('style sheets, style, layout and paint of the page before heluo.js runs (its first frame: the header)', early[0]?.start ?? null, sum(early), `trace; first contentful paint at ${ms(r.fcp)} ms`);
  const other = scripts.filter((s) => !(s.args?.data?.url || '').startsWith('file:') && s.start < m.ready);
  if (other.length) row('scripts not the page\'s (Playwright\'s init scripts and utility world)', other[0].start, sum(other), 'trace: EvaluateScript without a file: URL');
  const commit = ev.find((e) => e.name === 'DocumentLoader::CommitNavigation');
  if (commit) row('the navigation committed (the document and its JS context made)', commit.start, commit.dur, 'trace: DocumentLoader::CommitNavigation');
  const got = ev.find((e) => e.name === 'ThrottlingURLLoader::OnReceiveResponse' && (e.args?.url || '').endsWith('/pkg/heluo.js'));
  if (got) row('heluo.js\'s response reaches the page (from disk no script is fetched ahead: each when the parser reaches its tag)', got.start, 0, 'trace: ThrottlingURLLoader::OnReceiveResponse');
  const busyBefore = ev.filter((e) => e.name === 'RunTask' && e.start + e.dur > 0 && e.start < firstScript).reduce((x, e) => x + Math.min(e.start + e.dur, firstScript) - Math.max(e.start, 0), 0);
  row('the main thread busy before heluo.js runs', 0, busyBefore, `trace: RunTask; not busy ${ms(firstScript - busyBefore)} ms`);
  if (h) {
    row('**heluo.js evaluated** (compile + run)', h.start, h.dur, 'trace: EvaluateScript');
    const compile = within(h, (e) => e.name === 'v8.compile' || e.name === 'V8.CompileCode');
    row('… V8 parses and compiles the script (lazily: the outer function)', compile[0]?.start ?? null, sum(outer(compile)), 'trace: v8.compile');
    row('… base64 → bytes (Uint8Array.fromBase64, or atob and a loop)', m.base64Start, m.base64End - m.base64Start, 'marks');
    row('… LZMA unpacking of the inlined wasm', m.base64End, m.wasmCompileStart - m.base64End, 'marks (bytes → new WebAssembly.Module)');
    row('… WebAssembly compilation (new WebAssembly.Module, synchronous)', m.wasmCompileStart, m.wasmCompileEnd - m.wasmCompileStart, 'marks');
    const sync = within(h, (e) => e.name === 'wasm.SyncCompile');
    if (sync.length) row('… … of which V8\'s wasm.SyncCompile (Liftoff, lazy: functions compiled on first call)', sync[0].start, sum(sync), 'trace: v8.wasm');
    row('… instantiation (new WebAssembly.Instance)', m.wasmInstanceStart, m.wasmInstanceEnd - m.wasmInstanceStart, 'marks');
    row('… the glue and API object, up to `Heluo` assigned', m.wasmInstanceEnd, m.heluoAssigned - m.wasmInstanceEnd, 'marks');
    const gcIn = within(h, (e) => e.name === 'MinorGC' || e.name === 'MajorGC');
    if (gcIn.length) row(`… garbage collection in it (${gcIn.length}×)`, gcIn[0].start, sum(gcIn), 'trace: MinorGC, MajorGC');
  }
  for (const s of scripts) {
    const u = s.args?.data?.url || '';
    if (!u.startsWith('file:') || u.endsWith('/pkg/heluo.js') || u.endsWith('/www/app.js') || s.start > m.ready) continue;
    row(`${path.basename(new URL(u).pathname)} evaluated`, s.start, s.dur, 'trace: EvaluateScript');
  }
  if (a) {
    row('**app.js evaluated** (the page: parse the sample, mount both charts, header, embed code)', a.start, a.dur, 'trace: EvaluateScript');
    const names = {
      parseDataset: '… Heluo.parseDataset (the sample\'s JSON → dataset, in wasm)',
      'mount trend': '… Heluo.mount trend (figure, controls and engine built: layout and first drawing)',
      'mount ranking': '… Heluo.mount ranking (the same)',
      'start trend': '… trend start() (size watched; redrawn if the width changed)',
      'start ranking': '… ranking start()',
    };
    for (const sp of r.spans || []) {
      const lazy = ev.filter((e) => e.name === 'wasm.CompileLazy' && e.start >= sp.start && e.start < sp.end);
      const forced = outer(ev.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.start >= sp.start && e.start < sp.end));
      const extra = [lazy.length ? `wasm compiled lazily ${ms(sum(lazy))} ms (${lazy.length} functions)` : '', forced.length ? `forced style+layout ${ms(sum(forced))} ms` : ''].filter(Boolean).join('; ');
      row(names[sp.name] || `… ${sp.name}`, sp.start, sp.end - sp.start, `marks${extra ? `; in it: ${extra}` : ''}`);
    }
    const forced = outer(within(a, (e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree'));
    if (forced.length) row(`… forced style and layout in all of app.js (${forced.length}×)`, forced[0].start, sum(forced), 'trace: UpdateLayoutTree, Layout');
    const lazy = within(a, (e) => e.name === 'wasm.CompileLazy');
    if (lazy.length) row(`… wasm functions compiled on their first call in app.js (${lazy.length}×)`, lazy[0].start, sum(lazy), 'trace: wasm.CompileLazy');
    const gcIn = within(a, (e) => e.name === 'MinorGC' || e.name === 'MajorGC');
    if (gcIn.length) row(`… garbage collection in it (${gcIn.length}×)`, gcIn[0].start, sum(gcIn), 'trace: MinorGC, MajorGC');
  }
  row('html[data-heluo=ready] set', m.ready, 0, 'MutationObserver');
  const after = outer(ev.filter((e) => ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'].includes(e.name) && e.start >= m.ready && e.start < m.frame + 5));
  row('ready → the next frame', m.ready, m.frame - m.ready, `marks; style, layout and paint in it ${ms(sum(after))} ms (trace)`);
  const top = ev.filter((e) => e.name === 'RunTask' && e.start + e.dur > 0 && e.start < m.ready);
  const busy = top.reduce((s, e) => s + Math.min(e.start + e.dur, m.ready) - Math.max(e.start, 0), 0);
  row('the main thread busy, navigation → ready', 0, busy, `trace: RunTask; not busy ${ms(m.ready - busy)} ms`);
  return lines.join('\n');
}

/* A run traced with V8's sampler: where the CPU time before ready went. */
function sampleTables(r) {
  const m = r.marks;
  const view = traceView(r.trace, m);
  if (!view || !view.samples.length) return 'No CPU samples in the trace.';
  const out = [];
  {
    const js = fs.readFileSync(path.join(root, 'pkg/heluo.js'), 'utf8');
    const lzma = lzmaRange(js);
    const shares = sampleShares(view, 0, m.ready, lzma);
    const total = Object.values(shares).reduce((x, y) => x + y, 0);
    const t = ['| V8 CPU samples, navigation → ready (by leaf frame; natives counted with the script calling them) | ms | share |', '|---|---|---|'];
    for (const [k, v] of Object.entries(shares).sort((x, y) => y[1] - x[1])) if (v >= 0.5) t.push(`| ${k} | ${ms(v)} | ${((100 * v) / total).toFixed(0)}% |`);
    t.push(`| all samples | ${ms(total)} | 100% |`);
    out.push(t.join('\n'));
    const self = new Map();
    let last = null;
    for (const s of view.samples) {
      if (last && last.t >= 0 && last.t < m.ready) {
        const node = view.nodes.get(last.node);
        const f = node?.callFrame;
        if (f && f.url) {
          const where = `${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
          const kind = sampleKind(view, node, lzma);
          const key = `\`${f.functionName || '(anonymous)'} ${where}\` ${kind.includes('LZMA') ? '(in the LZMA decoder)' : kind.startsWith('heluo.js: base64') ? '(base64)' : kind.startsWith('heluo.js called') ? '(glue called from wasm)' : ''}`.trim();
          self.set(key, (self.get(key) || 0) + (s.t - last.t));
        }
      }
      last = s;
    }
    out.push(['| heaviest script frames before ready (self time; names minified, wasm by function index) | ms |', '|---|---|',
      ...[...self.entries()].sort((x, y) => y[1] - x[1]).slice(0, 10).map(([k, v]) => `| ${k} | ${ms(v)} |`)].join('\n'));
  }
  return out.join('\n\n');
}

async function partPhone() {
  console.log(`## 1. Phone profile: the sample page from disk, navigation → both charts drawn\n`);
  console.log(`Viewport ${PHONE.viewport.width}×${PHONE.viewport.height} CSS px, devicePixelRatio ${PHONE.deviceScaleFactor}, isMobile, hasTouch; CPU throttled ${CPU}× (CDP Emulation.setCPUThrottlingRate, set before the navigation); a fresh context per run; ${RUNS} runs per page, alternating; median (min–max) in ms since the navigation started (the page's performance.now()).\n`);
  const results = { heluo: [], chartjs: [] };
  fs.mkdirSync(SHOTS, { recursive: true });
  for (let i = 0; i < RUNS; i++) {
    for (const which of i % 2 ? ['chartjs', 'heluo'] : ['heluo', 'chartjs']) {
      const { r, page, context } = await phoneRun(which);
      if (i === 0) {
        r.ink = await inkOf(which, page);
        await page.screenshot({ path: path.join(SHOTS, `phone-${which}.png`), fullPage: true });
      }
      await context.close();
      results[which].push(r);
    }
  }
  const lines = ['| page | ready (performance.now) | next frame | first contentful paint | wall clock (page.goto → that frame reported) | charts inked (share of canvas pixels, run 1) |', '|---|---|---|---|---|---|'];
  for (const which of ['heluo', 'chartjs']) {
    const rs = results[which];
    const ink = rs[0].ink ? rs[0].ink.map((x) => `${(100 * x).toFixed(1)}%`).join(', ') : '–';
    lines.push(`| ${PAGES[which].name} | ${stat(rs.map((r) => r.marks.ready))} | ${stat(rs.map((r) => r.marks.frame))} | ${stat(rs.map((r) => r.fcp))} | ${stat(rs.map((r) => r.wall))} | ${ink} |`);
  }
  console.log(lines.join('\n'));
  const errs = [...results.heluo, ...results.chartjs].flatMap((r) => r.errors);
  if (errs.length) console.log(`\nPage errors: ${[...new Set(errs)].join('; ')}`);
  console.log(`\nScreenshots of the first runs: ${path.relative(root, SHOTS)}/phone-heluo.png, phone-chartjs.png.`);

  console.log(`\n### Where the Heluo page's time before ready goes\n`);
  console.log(`Timing marks put in by page.addInitScript (wrappers around atob, Uint8Array.from and .fromBase64, WebAssembly.Module and .Instance, Heluo.parseDataset, Heluo.mount and each chart's start(); the product unchanged), same profile.\n`);
  const markRuns = [];
  for (let i = 0; i < MARK_RUNS; i++) {
    const { r, context } = await phoneRun('heluo', { marks: true });
    await context.close();
    markRuns.push(r);
  }
  console.log(marksTable(markRuns));
  {
    const { r, context } = await phoneRun('heluo', { marks: true, trace: 'timeline' });
    await context.close();
    if (env.BENCH_PHONE_TRACE_OUT) fs.writeFileSync(env.BENCH_PHONE_TRACE_OUT, JSON.stringify({ marks: r.marks, trace: r.trace }));
    console.log(`\nOne more run, traced (Chromium trace: toplevel, devtools.timeline, v8, v8.wasm, loading; tracing slows it): ready at ${ms(r.marks.ready)} ms, next frame at ${ms(r.marks.frame)} ms.\n`);
    console.log(timelineTable(r));
  }
  {
    const { r, context } = await phoneRun('heluo', { marks: true, trace: 'samples' });
    await context.close();
    console.log(`\nAnd one traced with V8's CPU sampler too (it logs every compiled function, which slows the page more): ready at ${ms(r.marks.ready)} ms.\n`);
    console.log(sampleTables(r));
  }
}

// ------------------------------------------------------------------ part 2
/* Registered before the page's scripts: every long task, and when the file
   was chosen (the input's change event, seen first). */
function longTaskWatch() {
  const b = (window.__lt = { tasks: [], start: 0, end: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, dur: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('change', (e) => { if (e.target && e.target.id === 'file-input') b.start = performance.now(); }, true);
}

async function loadRun(mode, server, file) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 } });
  await context.addInitScript(longTaskWatch);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const url = mode === 'http' ? server.url('www/index.html') : pathToFileURL(path.join(root, 'www/index.html')).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-heluo="ready"]', { state: 'attached', timeout: 30_000 });
    // Settle: the page's own start-up tasks are over before the file comes.
    await page.waitForTimeout(300);
    const name = path.basename(file);
    const t0 = performance.now();
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction((name) => {
      const b = window.__lt;
      const shown = document.getElementById('dataset-label').textContent.includes(name)
        && document.querySelectorAll('#charts figure.chart-ranking canvas.base').length > 0;
      if (shown && !b.end) b.end = performance.now();
      return shown;
    }, name, { timeout: 600_000, polling: 'raf' });
    const wall = performance.now() - t0;
    // Long task entries come after the task: two frames and a moment later.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
    const r = await page.evaluate(() => {
      const b = window.__lt;
      const tasks = b.tasks.filter((t) => t.start + t.dur > b.start && t.start < b.end).map((t) => ({ start: t.start - b.start, dur: t.dur }));
      const c = document.querySelector('#charts figure.chart-ranking canvas.base');
      const d = c.getContext('2d').getImageData(c.width >> 1, 0, 1, c.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) ink++;
      return { ms: b.end - b.start, tasks, ink, alert: document.getElementById('alert').hidden ? '' : document.getElementById('alert').textContent,
        workers: performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'other' || /worker|blob/.test(e.name)).length };
    });
    r.wall = wall;
    r.errors = errors;
    return r;
  } finally {
    await context.close();
  }
}

async function partLongTasks() {
  const [d] = ensureDatasets(DEFAULT_DIR, { maxVillages: 100000 }).filter((x) => x.id === 'ranking-100000');
  console.log(`\n## 2. Long tasks while loading ${path.basename(d.file)} (100,000 villages, ${(d.bytes / 1048576).toFixed(1)} MB, format v1) through #file-input\n`);
  console.log(`Desktop viewport 900×1400, no throttling; from the input's change event to the file's name in #dataset-label with the ranking's canvas drawn; main-thread long tasks (PerformanceObserver 'longtask', buffered) overlapping that span; ${LOAD_RUNS} runs per mode, fresh page each; median (min–max).\n`);
  const server = await startServer();
  const lines = ['| opened from | chosen → drawn (ms) | long tasks (count) | longest (ms) | sum (ms) | sum / chosen → drawn | each run\'s tasks (ms, start after the choice +duration) |', '|---|---|---|---|---|---|---|'];
  try {
    for (const mode of ['http', 'file']) {
      const runs = [];
      for (let i = 0; i < LOAD_RUNS; i++) runs.push(await loadRun(mode, server, d.file));
      const bad = runs.find((r) => r.alert || r.errors.length || !r.ink);
      if (bad) console.log(`(${mode}: alert ${JSON.stringify(bad.alert)}, errors ${JSON.stringify(bad.errors)}, ink ${bad.ink})`);
      const sums = runs.map((r) => r.tasks.reduce((a, t) => a + t.dur, 0));
      lines.push(`| ${mode === 'http' ? `http (${server.origin})` : 'file://'} | ${stat(runs.map((r) => r.ms))} | ${count(runs.map((r) => r.tasks.length))} | ${stat(runs.map((r) => Math.max(0, ...r.tasks.map((t) => t.dur))))} | ${stat(sums)} | ${stat(runs.map((r, i) => sums[i] / r.ms))} | ${runs.map((r) => r.tasks.map((t) => `${Math.round(t.start)}+${Math.round(t.dur)}`).join(' ') || 'none').join(' / ')} |`);
    }
  } finally {
    await server.close();
  }
  console.log(lines.join('\n'));
}

// ------------------------------------------------------------------ part 3
const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json' };
/* Cross-origin isolated (COOP + COEP), as compare.mjs serves: /heluo.js, /data/, /tests/bench/. */
function serveIsolated(dataDir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const inside = (dir, rel) => {
      const f = path.join(dir, path.normalize(rel));
      return f.startsWith(dir + path.sep) ? f : null;
    };
    let file = null;
    if (url.pathname === '/heluo.js') file = HELUO_JS;
    else if (url.pathname.startsWith('/data/')) file = inside(dataDir, url.pathname.slice(6));
    else if (url.pathname.startsWith('/tests/bench/')) file = inside(root, url.pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Length': fs.statSync(file).size,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/* In the page: one path, timed from the bytes (or the URL) to pixels read back. */
async function elementPath(page, pathName, dataUrl) {
  return page.evaluate(async ({ pathName, dataUrl }) => {
    const host = document.getElementById('host');
    const bytes = window.__bytes;
    const calls0 = window.__renderCalls.length;
    const visible0 = window.__visibleAt.length;
    const readBack = (c) => c.getContext('2d').getImageData(c.width >> 1, c.height >> 1, 1, 1).data[3];
    const inked = (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) n++;
      return n / (c.width * c.height);
    };
    let t0, t1, canvas, cleanup, appendedAt = null, readyEvents = 0;
    if (pathName.startsWith('render')) {
      t0 = performance.now();
      const data = pathName === 'render-fetch' ? new Uint8Array(await (await fetch(dataUrl)).arrayBuffer()) : bytes;
      const handle = Heluo.render(host, data, { chart: 'ranking' });
      canvas = host.querySelector('heluo-render').shadowRoot.querySelector('canvas.base');
      readBack(canvas);
      t1 = performance.now();
      cleanup = () => handle.destroy();
    } else {
      // The clock starts before the element is made: its constructor builds
      // its shadow root and adopts its stylesheet (Heluo.render does the same
      // for its box inside the call).
      t0 = performance.now();
      const el = document.createElement('heluo-chart');
      el.setAttribute('chart', 'ranking');
      let url = null;
      const ready = new Promise((resolve, reject) => {
        el.addEventListener('heluo:ready', () => { readyEvents++; resolve(); });
        el.addEventListener('heluo:error', (e) => reject(new Error(e.detail.message)));
      });
      if (pathName === 'element-blob') el.setAttribute('src', (url = URL.createObjectURL(new Blob([bytes], { type: 'application/json' }))));
      else if (pathName === 'element-src') el.setAttribute('src', dataUrl);
      else {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = new TextDecoder().decode(bytes);
        el.appendChild(script);
      }
      appendedAt = performance.now();
      host.appendChild(el);
      await ready;
      canvas = el.shadowRoot.querySelector('canvas.base');
      readBack(canvas);
      t1 = performance.now();
      // A moment more, to see whether it draws again.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      cleanup = () => { el.remove(); if (url) URL.revokeObjectURL(url); };
    }
    const calls = window.__renderCalls.slice(calls0);
    const visible = window.__visibleAt.slice(visible0);
    const result = {
      ms: t1 - t0,
      prepare: appendedAt === null ? null : appendedAt - t0,
      untilVisible: visible.length && appendedAt !== null ? visible[0] - appendedAt : null,
      visibleToRender: visible.length && calls.length ? calls[0].at - visible[0] : null,
      afterRender: calls.length ? t1 - (calls[0].at + calls[0].ms) : null,
      renderCalls: calls.length,
      untilRender: calls.length ? calls[0].at - t0 : null,
      inRender: calls.length ? calls[0].ms : null,
      readyEvents,
      ink: inked(canvas),
      height: canvas.getBoundingClientRect().height,
    };
    cleanup();
    return result;
  }, { pathName, dataUrl });
}

async function partElement() {
  const [d] = ensureDatasets(DEFAULT_DIR, { maxVillages: 100000 }).filter((x) => x.id === 'ranking-100000');
  console.log(`\n## 3. <heluo-chart> against Heluo.render: ${path.basename(d.file)} (${(d.bytes / 1048576).toFixed(1)} MB) → pixels\n`);
  const server = await serveIsolated(DEFAULT_DIR);
  const base = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext({ viewport: { width: 1000, height: 1000 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  const PATHS = {
    render: 'Heluo.render(box, bytes, {chart: "ranking"})',
    'element-blob': '<heluo-chart chart="ranking" src="blob:…"> (a blob: URL of the same bytes)',
    'element-inline': '<heluo-chart chart="ranking"> with <script type="application/json"> (the bytes decoded to text, then)',
    'render-fetch': 'fetch(url) → bytes → Heluo.render (the network counted)',
    'element-src': '<heluo-chart chart="ranking" src="/data/…json"> (the network counted)',
  };
  const results = Object.fromEntries(Object.keys(PATHS).map((k) => [k, []]));
  let isolated = false;
  try {
    await page.goto(`${base}/tests/bench/element.html`);
    await page.waitForSelector('html[data-bench="ready"]', { state: 'attached' });
    const dataUrl = `${base}/data/${path.basename(d.file)}`;
    isolated = await page.evaluate(async (u) => {
      window.__bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
      return crossOriginIsolated;
    }, dataUrl);
    const keys = Object.keys(PATHS);
    for (const k of keys) await elementPath(page, k, dataUrl); // warm-up, not counted
    for (let i = 0; i < ELEMENT_RUNS; i++) {
      const order = i % 2 ? [...keys].reverse() : keys;
      for (const k of order) results[k].push(await elementPath(page, k, dataUrl));
    }
  } finally {
    await context.close();
    server.close();
  }
  console.log(`One page (tests/bench/element.html, crossOriginIsolated: ${isolated}), 800 CSS px wide at devicePixelRatio 2, no throttling; bytes fetched once before; one warm-up per path, then ${ELEMENT_RUNS} rounds alternating the order; each ends reading a pixel back; the chart removed after each. Heluo.render is wrapped by the page to count its calls. Median (min–max) in ms.\n`);
  const lines = ['| path | file → pixels | of which: before the element is appended (element made; text decoded or blob URL made) | appended → IntersectionObserver fires | → Heluo.render called (fetch, decode) | inside Heluo.render | after it (ready event, pixel read) | Heluo.render calls per chart | heluo:ready events | canvas inked | chart height (CSS px) |', '|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const [k, label] of Object.entries(PATHS)) {
    const rs = results[k];
    if (!rs.length) continue;
    const el = k.startsWith('element');
    lines.push(`| ${label.replace(/</g, '&lt;')} | ${stat(rs.map((r) => r.ms))} | ${el ? stat(rs.map((r) => r.prepare)) : '–'} | ${el ? stat(rs.map((r) => r.untilVisible)) : '–'} | ${el ? stat(rs.map((r) => r.visibleToRender)) : stat(rs.map((r) => r.untilRender))} | ${stat(rs.map((r) => r.inRender))} | ${stat(rs.map((r) => r.afterRender))} | ${[...new Set(rs.map((r) => r.renderCalls))].join(', ')} | ${k.startsWith('element') ? [...new Set(rs.map((r) => r.readyEvents))].join(', ') : '–'} | ${(100 * median(rs.map((r) => r.ink))).toFixed(1)}% | ${[...new Set(rs.map((r) => Math.round(r.height)))].join(', ')} |`);
  }
  console.log(lines.join('\n'));
}

// ------------------------------------------------------------------ main
await launch();
console.log(`# Heluo on a phone, long tasks, <heluo-chart>\n`);
console.log(`Chromium ${browser.version()}; ${os.cpus()[0]?.model || 'CPU'}, ${os.cpus().length} cores; load average at start ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}.\n`);
try {
  if (PARTS.includes('phone')) await partPhone();
  if (PARTS.includes('longtasks')) await partLongTasks();
  if (PARTS.includes('element')) await partElement();
} finally {
  await browser.close();
}
console.log(`\nLoad average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}.`);
