// Side-by-side benchmark: Heluo, Chart.js 4 and ECharts 5 in one headless
// Chromium run, on the same generated datasets, the same 800×500 CSS px canvas
// at devicePixelRatio 2. Prints the table and writes BENCHMARKS.md.
// Run by `scripts/bench.sh compare` (see BENCHMARKS.md for the settings).
//
// Environment:
//   BENCH_RUNS=5                 runs per scenario (medians of these)
//   BENCH_MAX_VILLAGES=500000    largest ranking dataset (85, 10000, 100000, 500000)
//   BENCH_ENGINES=chartjs,echarts,heluo
//   BENCH_HOVER_MOVES=60         pointer moves per hover run (fewer if a run passes
//   BENCH_HOVER_BUDGET_MS=2000     this budget, at least 5)
//   BENCH_OUT=BENCHMARKS.md      where the report goes ('-' for none)
//   HELUO_JS=pkg/heluo.js        the Heluo build to measure
//   HELUO_CHROMIUM=/usr/bin/chromium
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { ensureDatasets, DEFAULT_DIR, GENERATOR_VERSION } from './gen.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const RUNS = Math.max(1, Number(env.BENCH_RUNS || 5));
const MAX_VILLAGES = Number(env.BENCH_MAX_VILLAGES || 500000);
const ENGINES = (env.BENCH_ENGINES || 'chartjs,echarts,heluo').split(',');
const HOVER_MOVES = Number(env.BENCH_HOVER_MOVES || 60);
const HOVER_BUDGET_MS = Number(env.BENCH_HOVER_BUDGET_MS || 2000);
const OUT = env.BENCH_OUT || path.join(root, 'BENCHMARKS.md');
/** BENCHMARKS.md from this line on is measured by hand and kept by a rerun. */
const KEPT = '<!-- Measured by hand below this line: scripts/bench.sh compare keeps it. -->';
const HELUO_JS = path.resolve(root, env.HELUO_JS || 'pkg/heluo.js');
const SIZE = { width: 800, height: 500, dpr: 2 };
const QUERY = '王屯';
const NAMES = { chartjs: 'Chart.js', echarts: 'ECharts', heluo: 'Heluo' };
const PEERS = ENGINES.filter((e) => e !== 'heluo');

// ------------------------------------------------------------------ server
// Cross-origin isolated (COOP + COEP), so performance.now() has its fine resolution.
const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json' };
function serve(dataDir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = null;
    const inside = (dir, rel) => {
      const f = path.join(dir, path.normalize(rel));
      return f.startsWith(dir + path.sep) ? f : null;
    };
    if (url.pathname === '/heluo.js') file = HELUO_JS;
    else if (url.pathname.startsWith('/data/')) file = inside(dataDir, url.pathname.slice(6));
    else if (url.pathname.startsWith('/tests/bench/') || url.pathname.startsWith('/node_modules/')) file = inside(root, url.pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ------------------------------------------------------------------ stats
const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  if (!xs?.length) return null;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function ms(x) {
  if (x === null || x === undefined) return '–';
  if (x >= 100) return Math.round(x).toLocaleString('en');
  if (x >= 10) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toFixed(3);
}
const mb = (b) => (b === null || b === undefined ? '–' : `${(b / 1048576).toFixed(1)} MB`);
// File sizes as Heluo's messages give them (MB of 1,048,576 bytes).
const size = (b) => (b < 1048576 ? `${Math.max(1, Math.round(b / 1024))} KB` : mb(b));

/** `{ text, value }` for one engine's cell of one scenario. */
function cell(result, field, unit = 'ms') {
  if (!result) return { text: '–', value: null };
  if (result.refused) return { text: `refused: ${result.refused}`, value: null };
  const xs = result[field];
  if (result.failed && !xs?.length) return { text: `failed: ${result.failed.split('\n')[0]}`, value: null };
  if (!xs?.length) return { text: '–', value: null };
  const m = median(xs);
  const s = sorted(xs);
  const range = s.length > 1 ? ` (${ms(s[0])}–${ms(s[s.length - 1])})` : '';
  // Hover moves that showed no tooltip (known for Chart.js and Heluo) are cheaper: say so.
  const missed = field.startsWith('hover') && result.hoverMissed
    ? ` [tooltip on ${result.hoverShown} of ${result.hoverMoves} moves]` : '';
  // Not comparable when no move showed a tooltip.
  const value = field.startsWith('hover') && result.hoverMissed && !result.hoverShown ? null : m;
  return { text: `${ms(m)}${range}${missed}`, value, unit };
}
function memoryCell(result) {
  if (!result) return { text: '–', value: null };
  if (result.refused) return { text: `refused: ${result.refused}`, value: null };
  if (!result.memory) return { text: result.failed ? `failed: ${result.failed.split('\n')[0]}` : '–', value: null };
  const { jsHeap, wasm, wasmBefore } = result.memory;
  if (!wasm) return { text: mb(jsHeap), value: jsHeap };
  // The ratio compares growth (the peers' library code is not counted either);
  // the text also gives the whole linear memory, what the issue's target is about.
  const growth = (jsHeap ?? 0) + wasm - (wasmBefore ?? 0);
  return { text: `${mb(growth)} (wasm ${mb(wasm)}, grown ${mb(wasm - (wasmBefore ?? 0))}; JS ${mb(jsHeap)})`, value: growth };
}
function ratio(heluo, peers) {
  const best = peers.filter((p) => p.value !== null && p.value > 0).map((p) => p.value);
  if (heluo.value === null || !best.length) return '—';
  const r = heluo.value / Math.min(...best);
  return r >= 1 ? `**${r.toFixed(2)}**` : r.toFixed(2);
}

const SCENARIOS = [
  { key: 'load', title: 'File bytes → pixels (ms)', note: 'parse (Chart.js, ECharts: TextDecoder + JSON.parse; Heluo: parseDataset) + a new chart + pixels read back' },
  { key: 'rerender', title: 'Re-render of the parsed dataset (ms)', note: 'a new chart from the already parsed data (peers: building their data arrays, top 15 included), to pixels. Heluo: `Heluo.render` again from the bytes, its only public path, so its parse is counted again' },
  { key: 'hoverP50', title: 'Hover, median move (ms)', note: 'one pointer move dispatched in the page: hit test, tooltip, redraw, pixels; per run the p50 of the moves' },
  { key: 'hoverP95', title: 'Hover, p95 move (ms)', note: 'per run the p95 of the moves' },
  { key: 'metric', title: 'Metric switch (ms)', note: 'ranking by another metric, top 15 redrawn, to pixels', ranking: true },
  { key: 'search', title: `Search "${QUERY}" (ms)`, note: 'villages whose name contains the query (peers: a plain filter on the names)', ranking: true },
  { key: 'memory', title: 'Memory after the first load', note: 'JS heap growth after GC (performance.memory, precise) plus, for Heluo, the whole wasm linear memory; the file bytes themselves are not counted' },
];

function table(datasets, results, scenario) {
  const lines = [
    `| dataset | ${ENGINES.map((e) => NAMES[e]).join(' | ')} | Heluo / best peer |`,
    `|---|${ENGINES.map(() => '---').join('|')}|---|`,
  ];
  for (const d of datasets) {
    if (scenario.ranking && d.kind !== 'ranking') continue;
    const cells = Object.fromEntries(ENGINES.map((e) => {
      const r = results[d.id]?.[e];
      return [e, scenario.key === 'memory' ? memoryCell(r) : cell(r, scenario.key)];
    }));
    const r = ENGINES.includes('heluo') ? ratio(cells.heluo, PEERS.map((p) => cells[p])) : '—';
    lines.push(`| ${d.label} (${size(d.bytes)}) | ${ENGINES.map((e) => cells[e].text).join(' | ')} | ${r} |`);
  }
  return lines.join('\n');
}

function headline(datasets, results) {
  const pick = (id, key, label) => {
    const d = datasets.find((x) => x.id === id);
    if (!d) return null;
    const cells = Object.fromEntries(ENGINES.map((e) => [e, cell(results[id]?.[e], key)]));
    const r = ENGINES.includes('heluo') ? ratio(cells.heluo, PEERS.map((p) => cells[p])) : '—';
    return `| ${label} (${size(d.bytes)}) | ${ENGINES.map((e) => cells[e].text).join(' | ')} | ${r} |`;
  };
  return [
    `| scenario (median ms, min–max) | ${ENGINES.map((e) => NAMES[e]).join(' | ')} | Heluo / best peer |`,
    `|---|${ENGINES.map(() => '---').join('|')}|---|`,
    pick('trend-3000', 'load', 'trend, 3,000 series × 20 years, file → pixels'),
    pick('ranking-100000', 'load', 'ranking, 100,000 villages, 3 metrics, file → pixels'),
    pick('ranking-100000-towns', 'load', 'ranking, 100,000 villages in 7,693 towns (groups), file → pixels'),
    pick('ranking-500000', 'load', 'ranking, 500,000 villages, file → pixels'),
    pick('trend-3000', 'hoverP50', 'hover over the 3,000-series trend, median move (in-page)'),
    pick('ranking-500000', 'metric', 'metric switch, 500,000 villages'),
    pick('ranking-500000', 'search', 'search, 500,000 villages'),
  ].filter(Boolean).join('\n');
}

// ------------------------------------------------------------------ machine
function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (cpuinfo.match(/model name\s*:\s*(.*)/) || [])[1] || os.cpus()[0]?.model || 'unknown CPU';
  const meminfo = fs.readFileSync('/proc/meminfo', 'utf8');
  const memKb = Number((meminfo.match(/MemTotal:\s*(\d+)/) || [])[1] || 0);
  const git = (args) => { try { return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim(); } catch { return '?'; } };
  const heluoBytes = fs.readFileSync(HELUO_JS);
  const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(root, file)), { level: 9 }).length;
  return {
    cpu: `${model}, ${os.cpus().length} logical cores`,
    ram: `${(memKb / 1048576).toFixed(1)} GiB`,
    kernel: os.release(),
    node: process.version,
    commit: `${git(['rev-parse', '--short', 'HEAD'])} (${git(['log', '-1', '--format=%cs'])})${git(['status', '--porcelain', '--', 'pkg', 'tests/bench']) ? ', with uncommitted changes' : ''}`,
    heluoJs: `${path.relative(root, HELUO_JS)} (${(heluoBytes.length / 1024).toFixed(0)} KB, ${(zlib.gzipSync(heluoBytes, { level: 9 }).length / 1024).toFixed(0)} KB gzipped)`,
    chartjs: `${pkgVersion('chart.js')} (chart.umd.min.js, ${(gz('node_modules/chart.js/dist/chart.umd.min.js') / 1024).toFixed(0)} KB gzipped)`,
    echarts: `${pkgVersion('echarts')} (echarts.min.js, ${(gz('node_modules/echarts/dist/echarts.min.js') / 1024).toFixed(0)} KB gzipped)`,
  };
}

// ------------------------------------------------------------------ main
const dataDir = env.BENCH_DATA_DIR || DEFAULT_DIR;
process.stdout.write(`generating datasets in ${path.relative(root, dataDir) || dataDir} … `);
const datasets = ensureDatasets(dataDir, { maxVillages: MAX_VILLAGES });
console.log('done');
const server = await serve(dataDir);
const base = `http://127.0.0.1:${server.address().port}`;
const launchArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  // Only for measuring: exact (not bucketed) heap sizes, and gc() between steps.
  '--enable-precise-memory-info', '--js-flags=--expose-gc'];
// chromium.launch gives every run a fresh temporary profile.
const browser = await chromium.launch({
  executablePath: env.HELUO_CHROMIUM || '/usr/bin/chromium',
  args: launchArgs, headless: true,
});
const browserVersion = `Chromium ${browser.version()}`;
const load0 = os.loadavg();
const started = Date.now();
const results = {};
const shotDir = path.join(root, 'target/bench-shots');
fs.mkdirSync(shotDir, { recursive: true });
console.log(`${browserVersion}; ${RUNS} runs per scenario; canvas ${SIZE.width}×${SIZE.height} CSS px at devicePixelRatio ${SIZE.dpr}\n`);
try {
  for (const d of datasets) {
    results[d.id] = {};
    for (const engine of ENGINES) {
      // A fresh context per page: nothing (heap, wasm memory, caches) carries over.
      const context = await browser.newContext({ viewport: { width: 1000, height: 1000 }, deviceScaleFactor: SIZE.dpr, reducedMotion: 'reduce' });
      const page = await context.newPage();
      page.setDefaultTimeout(0);
      const t = Date.now();
      let r;
      try {
        await page.goto(`${base}/tests/bench/page.html`);
        await page.waitForSelector('html[data-bench="ready"]', { state: 'attached' });
        r = await page.evaluate((cfg) => window.bench.run(cfg), {
          engine, url: `${base}/data/${path.basename(d.file)}`, kind: d.kind, runs: RUNS, size: SIZE,
          hoverMoves: HOVER_MOVES, hoverBudgetMs: HOVER_BUDGET_MS, query: QUERY,
        });
      } catch (e) {
        r = { engine, failed: String(e.message || e).split('\n')[0] };
      }
      await context.close();
      for (const [i, url] of (r.shots || []).entries()) {
        fs.writeFileSync(path.join(shotDir, `${d.id}-${engine}${i ? `-${i}` : ''}.png`), Buffer.from(url.split(',')[1], 'base64'));
      }
      delete r.shots;
      results[d.id][engine] = r;
      const status = r.refused ? `refused: ${r.refused}` : r.failed ? `FAILED: ${r.failed.split('\n')[0]}` : [
        `load ${ms(median(r.load))}`, `re-render ${ms(median(r.rerender))}`,
        `hover p50/p95 ${ms(median(r.hoverP50))}/${ms(median(r.hoverP95))} (${r.hoverMoves} moves${r.hoverShown + r.hoverMissed ? `, tooltip on ${r.hoverShown}` : ''})`,
        r.metric.length ? `metric ${ms(median(r.metric))}` : '', r.search.length ? `search ${ms(median(r.search))} (${r.searchHits} hits)` : '',
        `mem ${memoryCell(r).text}`, r.inked === 0 ? 'BLANK CANVAS' : '',
      ].filter(Boolean).join(', ');
      console.log(`${d.id.padEnd(15)} ${NAMES[engine].padEnd(8)} ${status}  [${((Date.now() - t) / 1000).toFixed(0)} s]`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
const load1 = os.loadavg();
const minutes = ((Date.now() - started) / 60000).toFixed(1);
fs.mkdirSync(path.join(root, 'target'), { recursive: true });
fs.writeFileSync(path.join(root, 'target/bench-results.json'), JSON.stringify({ datasets, results }, null, 1));

console.log(`\n${headline(datasets, results)}\n`);
for (const s of SCENARIOS) console.log(`${s.title}\n${table(datasets, results, s)}\n`);

if (OUT !== '-') {
  const m = machine();
  const blank = [];
  for (const d of datasets) for (const e of ENGINES) if (results[d.id][e]?.inked === 0) blank.push(`${NAMES[e]} on ${d.id}`);
  const noTooltip = [];
  for (const d of datasets) for (const e of ENGINES) {
    const r = results[d.id][e];
    if (r?.hoverMissed && !r.hoverShown) noTooltip.push(`${NAMES[e]} on ${d.id}`);
  }
  const heluoHeights = datasets.filter((d) => results[d.id].heluo?.box)
    .map((d) => `${d.id} ${Math.round(results[d.id].heluo.box.height).toLocaleString('en')}`);
  const throughput = datasets.map((d) => {
    const r = results[d.id].heluo;
    const p = median(r?.parseOnly?.length ? r.parseOnly : r?.parse);
    return p ? `${d.id} ${((d.bytes / 1e6) / (p / 1000)).toFixed(0)} MB/s` : null;
  }).filter(Boolean);
  const wasmRatio = datasets.filter((d) => d.kind === 'ranking').map((d) => {
    const w = results[d.id].heluo?.memory?.wasm;
    return w ? `${d.id} ${(w / d.bytes).toFixed(1)}×` : null;
  }).filter(Boolean);
  const fullRun = RUNS >= 5 && MAX_VILLAGES >= 500000 && ENGINES.length === 3;
  const md = `# Benchmarks

Heluo next to Chart.js 4 and ECharts 5, measured by \`scripts/bench.sh compare\`
(tests/bench/). Generated ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${minutes} minutes.

**The machine is shared (compilers run alongside), so the numbers are noisy:**
every cell is the median of ${RUNS} runs with the min–max in brackets; read
ratios, and rerun before trusting a small difference. Load average at the start
${load0.map((x) => x.toFixed(1)).join(' / ')}, at the end ${load1.map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min).${fullRun ? '' : `

**This was a reduced run:** ${RUNS} runs, rankings up to ${MAX_VILLAGES.toLocaleString('en')} villages, engines ${ENGINES.join(', ')}.`}

## Headline

Heluo / best peer: below 1 Heluo is faster than the faster of Chart.js and
ECharts in the same run; **bold** when it is slower. The issue's target is at
most 0.5 for file → pixels.

${headline(datasets, results)}

## Machine and versions

- CPU: ${m.cpu}; RAM: ${m.ram}; Linux ${m.kernel}
- Browser: ${browserVersion} (headless, \`--disable-gpu\`: software canvas), driven by playwright-core
- Heluo: ${m.heluoJs}, commit ${m.commit}
- Chart.js ${m.chartjs}
- ECharts ${m.echarts}
- Node ${m.node}; datasets: tests/bench/gen.mjs, generator v${GENERATOR_VERSION} (seeded, identical on every machine)

## How it is measured

- One headless Chromium, one fresh page per (dataset, engine), the engines in
  turn for each dataset. Each chart is 800 CSS px wide at devicePixelRatio 2
  (a 1600-px-wide backing store). Chart.js and ECharts get 800×500 CSS px;
  Heluo chooses its height from the width and the data, as in its page (its
  legend lists every series or group; CSS px here:
  ${heluoHeights.join(', ') || '–'}).
- The clock starts with the file's bytes in a \`Uint8Array\` (as a dropped file
  gives) and stops after one pixel of every canvas of the chart has been read
  back with \`getImageData\` (which forces the drawing to be rasterised), for all
  three alike. All clocks are read in the page (cross-origin isolated, so
  \`performance.now()\` is fine-grained); no driver round trip is included.
- Chart.js and ECharts get \`TextDecoder\` + \`JSON.parse\`, the top 15 by a plain
  filter and sort, and their documented fast settings: Chart.js \`animation:
  false\`, \`parsing: false\`, \`normalized: true\`, decimation (lines), no point
  markers, \`spanGaps\`; ECharts canvas renderer, \`animation: false\`, no
  symbols, \`sampling: 'lttb'\` (lines), \`large\` / \`progressive\` (bars),
  tooltip without transition. Heluo is timed through its public path,
  \`Heluo.render(box, bytes, {chart})\`, what \`<heluo-chart>\`, the page and
  every embedder call: it parses the bytes itself and builds the whole chart
  (canvases, controls, the data table, the footer). Every engine-specific
  call is in tests/bench/engines.mjs; Heluo's are all in its \`heluo\` adapter
  there. Every page runs with reduced motion (Heluo's re-ranking is then drawn
  at once, as the peers' with animation off).
- Hover: ${HOVER_MOVES} moves per run (fewer when a run passes ${HOVER_BUDGET_MS} ms, at least 5),
  each to a different year or bar. Chart.js: its event handler (what its
  requestAnimationFrame-throttled DOM listener calls); ECharts: a \`mousemove\`
  on its root element, then \`getZr().flush()\`; Heluo: a \`pointermove\` event
  on its canvas (the page's own handler: the overlay and the tooltip element).
  The trend tooltip lists every series at the year in all three (Chart.js
  \`mode: 'index'\`, ECharts \`trigger: 'axis'\`).
- Between timed steps the page runs \`gc()\` and waits a frame, outside the clock.
- After the first load each chart's canvases are saved to target/bench-shots/
  (untimed), to check what each engine really drew.
- Memory: the JS heap growth from before parsing to after the first chart
  (after GC) plus, for Heluo, its whole wasm linear memory (it never shrinks).
- Chromium runs with \`--enable-precise-memory-info --js-flags=--expose-gc\` in
  addition to the project's usual flags.
- Datasets (target/bench-data/, not committed): trends of 1, 100 and 3,000
  series × 20 years (2000–2019, %); rankings of 85, 10,000, 100,000 and 500,000
  villages with 3 metrics (about 3% of villages have no value for one of them),
  in groups of about 13 villages up to 40 groups (85 villages: 7 groups); and
  100,000 villages with every town of about 13 villages its own group (7,693
  groups), since Heluo colours and lists groups and the peers colour only the
  15 bars shown. Search query: "${QUERY}".
${blank.length ? `\n**Blank canvas** (nothing but background drawn, check the adapter): ${blank.join(', ')}.\n` : ''}${noTooltip.length ? `\n**No tooltip on any hover move** (nothing to hover in the plot: see target/bench-shots/; those hover times measure a miss): ${noTooltip.join(', ')}.\n` : ''}
## All scenarios

Median (min–max) of ${RUNS} runs; ratio = Heluo median / the better peer's median.

${SCENARIOS.map((s) => `### ${s.title}\n\n${s.note}.\n\n${table(datasets, results, s)}\n`).join('\n')}
Heluo's parse in the browser (bytes → validated dataset, \`Heluo.parseDataset\` timed apart from the load, median): ${throughput.join(', ') || '–'}.
Heluo's wasm memory after loading, relative to the file: ${wasmRatio.join(', ') || '–'}.

## How to rerun

\`\`\`sh
scripts/bench.sh compare      # this file: generates the datasets, runs the three engines, rewrites BENCHMARKS.md
scripts/bench.sh              # and also sizes, native core timings and the page's own timings
BENCH_RUNS=3 BENCH_MAX_VILLAGES=100000 scripts/bench.sh compare   # a quicker run
\`\`\`

Settings (environment): \`BENCH_RUNS\` (default 5), \`BENCH_MAX_VILLAGES\`
(default 500000), \`BENCH_ENGINES\` (default chartjs,echarts,heluo),
\`BENCH_HOVER_MOVES\` (60), \`BENCH_HOVER_BUDGET_MS\` (2000), \`HELUO_JS\` (the
build to measure, default pkg/heluo.js), \`BENCH_OUT\` (default BENCHMARKS.md,
\`-\` for none), \`HELUO_CHROMIUM\` (default /usr/bin/chromium). Raw results:
target/bench-results.json.
`;
  // What is measured by hand (sizes, the command's cards) sits below a marker
  // and is kept as it is.
  const previous = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  const at = previous.indexOf(KEPT);
  fs.writeFileSync(OUT, md + (at >= 0 ? `\n${previous.slice(at)}` : ''));
  console.log(`wrote ${path.relative(root, OUT) || OUT}`);
}
