// Loading tables through the page, as a reader does (the file chooser), in
// headless Chromium. Prints numbers; asserts nothing. Run by
// `scripts/bench.sh import` (not part of `compare`):
//   - 100,000 villages as CSV and as format v1 JSON (issue #17: the CSV within
//     1.2× the JSON's time), from file:// (the page's thread parses) and over
//     http (files from 4 MB are read in steps and parsed in a worker);
//   - a 50 MB CSV (a data portal's long table: entity, code, year, four
//     indicators) and a 300,000-row workbook, over http.
// CSVs are timed warm (a file dragged over the page first, which starts
// loading the table importer, as a reader's drag or the file chooser does,
// and dropped a second later, BENCH_IMPORT_CHOOSING_MS)
// and for 100,000 villages cold too (the importer loads when the file arrives).
// BENCH_IMPORT_MODE=file or http times one mode's cases only.
// For each: the time from the file chosen to both charts drawn (median of
// BENCH_IMPORT_RUNS, default 3), the page thread's longest task while it
// loaded (Long Tasks API) and the longest gap between animation frames (what
// a reader feels as a freeze), and whether the progress bar showed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPage, closeBrowser, startServer } from '../e2e/helpers.mjs';
import { workbook } from '../e2e/xlsx.mjs';
import { rankingDataset, DEFAULT_DIR } from './gen.mjs';

const RUNS = Number(process.env.BENCH_IMPORT_RUNS || 3);
/** Warm: the time from the drag's start to the drop. */
const CHOOSING_MS = Number(process.env.BENCH_IMPORT_CHOOSING_MS ?? 1000);
const dir = path.join(DEFAULT_DIR, 'import');
fs.mkdirSync(dir, { recursive: true });

const csvCell = (v) => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** Writes `file` with `make()` unless it is there; returns its path. */
function ensure(name, make) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(`${file}.tmp`, make());
    fs.renameSync(`${file}.tmp`, file);
  }
  return file;
}

const villages = rankingDataset(100_000, 40);
const villagesJson = ensure('villages-100000.json', () => JSON.stringify(villages));
const villagesCsv = ensure('villages-100000.csv', () => {
  const lines = ['村,镇,村集体经济收入(元),户均分红(元),户数(户)'];
  for (const v of villages.ranking.villages) {
    lines.push([v.name, v.group, v.values.income, v.values.dividend, v.values.households].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
});

/* A long table as data portals publish one: 4,900 entities (a few of them
   aggregates, with an OWID_ code) × 200 years, four indicators. */
const portalCsv = ensure('portal-50mb.csv', () => {
  const lines = ['Entity,Code,Year,GDP per capita (int.-$),Population,Life expectancy (years),Poverty rate (%)'];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let e = 0; e < 4900; e++) {
    const entity = e % 100 === 99 ? `Region ${e}` : `Country ${String(e).padStart(4, '0')}`;
    const code = e % 100 === 99 ? `OWID_R${e}` : `C${String(e).padStart(4, '0')}`;
    let gdp = 500 + rand() * 2000;
    for (let year = 1820; year < 2020; year++) {
      gdp *= 1 + (rand() - 0.45) * 0.05;
      lines.push(`${entity},${code},${year},${gdp.toFixed(2)},${Math.round(1e5 + rand() * 1e8)},${(30 + (year - 1820) * 0.2 + rand() * 5).toFixed(3)},${(rand() * 60).toFixed(2)}`);
    }
  }
  return lines.join('\n') + '\n';
});

const sheet = ensure('villages-300000.xlsx', () => {
  const rows = [['村', '镇', '村集体经济收入(元)', '户均分红(元)', '户数(户)']];
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 300_000; i++) {
    rows.push([`村${String(i).padStart(6, '0')}`, `镇${String(i % 2300).padStart(4, '0')}`, Math.round(5000 * Math.exp(rand() * rand() * 7)), Math.round(rand() * 500000) / 100, 40 + Math.floor(rand() * 900)]);
  }
  return workbook(rows, { sheet: '村' });
});

/** Loads `file` through #file-input on a fresh page; the figures of one run. */
async function loadOnce(mode, server, file, warm) {
  const p = await openPage(mode, { server });
  const { page } = p;
  try {
    await page.evaluate(() => {
      const b = (window.__bench = { tasks: [], frames: [], start: 0, progress: false });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (b.start && e.startTime >= b.start) b.tasks.push(e.duration);
      }).observe({ type: 'longtask' });
      const tick = (now) => {
        b.frames.push(now);
        if (b.start && !b.end && !document.getElementById('load-progress').hidden) b.progress = true;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.getElementById('file-input').addEventListener('change', () => { b.start = performance.now(); }, { capture: true });
    });
    if (warm) {
      // The reader drags a file over the page before dropping it (or opens
      // the chooser): the importer loads then, before the clock starts.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['x'], 'x.csv', { type: 'text/csv' }));
        document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
        document.body.dispatchEvent(new DragEvent('dragleave', { bubbles: true, dataTransfer: dt }));
      });
      await page.waitForFunction(() => typeof HeluoTables === 'object', null, { timeout: 30_000 });
      // The drop comes a second later: a drag across the page, or the
      // chooser's dialog, takes a reader at least that (the page readies the
      // importer's code meanwhile: HeluoTables.warmUp).
      await page.waitForTimeout(CHOOSING_MS);
    }
    const name = path.basename(file);
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction((name) => {
      const b = window.__bench;
      const shown = document.getElementById('dataset-label').textContent.includes(name)
        && document.querySelectorAll('#charts figure.chart canvas.base').length > 0;
      if (shown && !b.end) b.end = performance.now();
      return shown;
    }, name, { timeout: 600_000, polling: 'raf' });
    const alert = await page.evaluate(() => { const a = document.getElementById('alert'); return a.hidden ? '' : a.textContent; });
    if (alert) throw new Error(`${name}: ${alert}`);
    // A last frame, then the figures.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const r = await page.evaluate(() => {
      const b = window.__bench;
      // The longest wait between frames from the choice to the first frame
      // after the charts showed.
      let gap = 0;
      let last = b.start;
      for (const f of b.frames) {
        if (f <= b.start) continue;
        gap = Math.max(gap, f - last);
        last = f;
        if (f > b.end) break;
      }
      return {
        ms: b.end - b.start,
        task: Math.max(0, ...b.tasks),
        gap,
        progress: b.progress,
        line: document.getElementById('import-line').textContent,
        charts: Array.from(document.querySelectorAll('#charts figure.chart')).map((f) => f.className.replace('chart ', '')),
      };
    });
    if (p.pageErrors.length) throw new Error(`${name}: ${p.pageErrors.join('; ')}`);
    return r;
  } finally {
    await p.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (file) => (fs.statSync(file).size / 1048576).toFixed(1);
const server = await startServer();
const results = {};
try {
  // [label, mode, file, warm]: warm, the importer was loaded by a drag
  // over the page before the file was chosen; cold, it loads on arrival.
  const cases = [
    ['villages-100000.json', 'file', villagesJson, false],
    ['villages-100000.json', 'file', villagesJson, true],
    ['villages-100000.csv', 'file', villagesCsv, false],
    ['villages-100000.csv', 'file', villagesCsv, true],
    ['villages-100000.json', 'http', villagesJson, false],
    ['villages-100000.json', 'http', villagesJson, true],
    ['villages-100000.csv', 'http', villagesCsv, false],
    ['villages-100000.csv', 'http', villagesCsv, true],
    ['portal-50mb.csv', 'http', portalCsv, true],
    ['villages-300000.xlsx', 'http', sheet, true],
  ];
  console.log(`${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; median of ${RUNS} runs`);
  // BENCH_IMPORT_MODE=file (or http) times only the cases of that mode.
  const only = process.env.BENCH_IMPORT_MODE;
  for (const [label, mode, file, warm] of cases) {
    if (only && mode !== only) continue;
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(mode, mode === 'http' ? server : null, file, warm));
    const r = {
      ms: median(runs.map((x) => x.ms)), task: median(runs.map((x) => x.task)), gap: median(runs.map((x) => x.gap)),
      runs: runs.map((x) => Math.round(x.ms)), progress: runs.every((x) => x.progress), line: runs[0].line, charts: runs[0].charts,
    };
    results[`${label} ${mode}${warm ? ' warm' : ''}`] = r;
    console.log(`${label.padEnd(22)} ${mb(file).padStart(5)} MB ${mode.padEnd(4)} ${warm ? 'drag' : '    '}  chosen → charts ${String(Math.round(r.ms)).padStart(6)} ms (${r.runs.join(', ')})  longest task ${String(Math.round(r.task)).padStart(5)} ms  longest frame gap ${String(Math.round(r.gap)).padStart(5)} ms  progress ${r.progress ? 'shown' : 'no'}`);
    console.log(`${''.padEnd(38)}${r.line} [${r.charts.join(', ')}]`);
  }
  for (const mode of ['file', 'http']) {
    if (only && mode !== only) continue;
    // Each CSV against the JSON chosen the same way (dragged first or not).
    const cold = results[`villages-100000.csv ${mode}`].ms / results[`villages-100000.json ${mode}`].ms;
    const warm = results[`villages-100000.csv ${mode} warm`].ms / results[`villages-100000.json ${mode} warm`].ms;
    console.log(`100,000 villages, ${mode}: CSV / JSON = ${warm.toFixed(2)}× dragged over the page before the drop (the importer loaded and readied while the reader chose), ${cold.toFixed(2)}× chosen with no drag (it loads on arrival) (issue #17 target: at most 1.2×)`);
  }
} finally {
  await server.close();
  await closeBrowser();
}
