// In-page side of the side-by-side benchmark: times one engine on one dataset.
// tests/bench/compare.mjs opens page.html once per (dataset, engine) and calls
// `window.bench.run(config)`. Every clock is read in the page, so no driver
// round trip is in any number. Every timed step ends by reading back pixels
// from each of the engine's canvases (getImageData forces the drawing to be
// rasterised), for all engines alike.
import { engines } from './engines.mjs';

const now = () => performance.now();
const gc = () => globalThis.gc?.();
const heap = () => performance.memory?.usedJSHeapSize ?? null;
const idle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(s);
  });
}

let sink = 0;
/** Reads one pixel of each canvas, in the middle of the chart. */
function pixels(engine, chart) {
  for (const canvas of engine.canvases(chart)) {
    if (!canvas.width || !canvas.height) continue;
    const d = canvas.getContext('2d').getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data;
    sink += d[0] + d[3];
  }
}

/** Share of the first canvas' pixels that are neither transparent nor white (untimed). */
function inked(engine, chart) {
  const canvas = engine.canvases(chart)[0];
  if (!canvas || !canvas.width) return 0;
  const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4 * 7) if (d[i + 3] > 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) n++;
  return n / (d.length / (4 * 7));
}

function quantile(sorted, q) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Pointer positions in the plot: consecutive moves land on different years / bars. */
function hoverPoint(kind, area, k) {
  const w = area.right - area.left;
  const h = area.bottom - area.top;
  if (kind === 'trend') {
    const slot = ((k * 7) % 20) + 0.5;
    return [area.left + (w * slot) / 20, area.top + h * (0.3 + 0.2 * (k % 3))];
  }
  const slot = ((k * 7) % 15) + 0.5;
  return [area.left + w * (0.1 + 0.1 * (k % 3)), area.top + (h * slot) / 15];
}

async function run(cfg) {
  const engine = engines[cfg.engine];
  await loadScript(engine.script);
  const bytes = new Uint8Array(await (await fetch(cfg.url)).arrayBuffer());
  const host = document.getElementById('host');
  const out = {
    engine: cfg.engine, version: engine.version(), bytes: bytes.length,
    load: [], parse: [], parseOnly: [], rerender: [], hoverP50: [], hoverP95: [], hoverMoves: 0, hoverShown: 0, hoverMissed: 0, shots: null,
    metric: [], search: [], searchHits: null, memory: null, box: null, inked: null,
    refused: null, failed: null,
  };
  let parsed = null;
  let chart = null;
  const clear = () => {
    if (chart) engine.destroy(chart);
    chart = null;
    host.textContent = '';
  };
  const step = async () => {
    gc();
    await idle();
  };
  try {
    await step();
    await step();
    const heap0 = heap();
    const wasm0 = engine.memory();
    // File bytes to pixels.
    for (let i = 0; i < cfg.runs; i++) {
      clear();
      if (parsed) engine.drop?.(parsed);
      parsed = null;
      await step();
      const t0 = now();
      try {
        parsed = engine.parse(bytes);
      } catch (e) {
        out.refused = String(e?.message ?? e);
        return out;
      }
      const t1 = now();
      chart = engine.render(parsed, cfg.kind, host, cfg.size);
      pixels(engine, chart);
      const t2 = now();
      out.parse.push(t1 - t0);
      out.load.push(t2 - t0);
      if (i === 0) {
        gc();
        out.memory = { jsHeap: heap0 === null ? null : heap() - heap0, wasm: engine.memory(), wasmBefore: wasm0 };
        out.box = engine.box(chart);
        out.inked = inked(engine, chart);
        out.shots = engine.canvases(chart).map((c) => c.toDataURL('image/png'));
      }
    }
    // The parse alone (an engine whose parse() only hands the bytes on
    // times its own reader here, apart from the load).
    if (engine.parseOnly) {
      for (let i = 0; i < cfg.runs; i++) {
        await step();
        out.parseOnly.push(engine.parseOnly(bytes));
      }
    }
    // Re-render of the parsed dataset: a new chart from it, to pixels.
    for (let i = 0; i < cfg.runs; i++) {
      clear();
      await step();
      const t0 = now();
      chart = engine.render(parsed, cfg.kind, host, cfg.size);
      pixels(engine, chart);
      out.rerender.push(now() - t0);
    }
    // Hover: moves dispatched in the page; per run, p50 and p95 of the moves.
    const area = engine.plotArea(chart);
    out.plotArea = area;
    for (let r = 0; r < cfg.runs; r++) {
      await step();
      const times = [];
      const start = now();
      for (let k = 0; k < cfg.hoverMoves; k++) {
        const [x, y] = hoverPoint(cfg.kind, area, k + r * cfg.hoverMoves);
        const t0 = now();
        const shown = engine.hover(chart, x, y);
        pixels(engine, chart);
        times.push(now() - t0);
        if (shown === true) out.hoverShown++;
        else if (shown === false) out.hoverMissed++;
        if (k >= 4 && now() - start > cfg.hoverBudgetMs) break;
      }
      times.sort((a, b) => a - b);
      out.hoverP50.push(quantile(times, 0.5));
      out.hoverP95.push(quantile(times, 0.95));
      out.hoverMoves += times.length;
    }
    if (cfg.kind === 'ranking') {
      // Metric switch: 0 → 1, 1 → 0, … (top 15 re-ranked and redrawn).
      for (let i = 0; i < cfg.runs; i++) {
        await step();
        const t0 = now();
        engine.switchMetric(chart, (i + 1) % 2);
        pixels(engine, chart);
        out.metric.push(now() - t0);
      }
      // Search by part of a name.
      for (let i = 0; i < cfg.runs; i++) {
        await step();
        const t0 = now();
        const hits = engine.search(chart, cfg.query);
        out.search.push(now() - t0);
        out.searchHits = hits;
      }
    }
  } catch (e) {
    out.failed = String(e?.stack ?? e?.message ?? e).slice(0, 500);
  } finally {
    clear();
  }
  out.sink = sink;
  return out;
}

window.bench = { run };
document.documentElement.dataset.bench = 'ready';
