/* Heluo.render(target, data, options): one chart in `target`, from format v1
   (drawn at once) or a table (through the table importer, loaded on demand).
   <heluo-chart> draws through it too; nothing a reader sees is written twice. */
import { el, decodeText, isTrap, isWorkbook, mayBeJson, plainValue, toBytes } from "./util.js";
import { isZh, reasoned, importLang } from "./words.js";
import { brandColors, checkOptions, mappingOf, resolvedTheme } from "./options.js";
import { mountChart } from "./chart.js";
import { footOf } from "./table.js";
import { renderFallback } from "./fallback.js";
import { explainedBy, sheetReader, tableImporter } from "./loading.js";
import { adoptChartSheet } from "./style.js";

/**
 * data: format v1 as JSON text, bytes or a plain object; or a table: a JS
 * array of records or object of columns, CSV/TSV text or bytes, a workbook's
 * bytes. Tables go through the table importer (loaded on demand), so they
 * draw asynchronously: `handle.ready` resolves once the chart is drawn (or
 * rejects with the error, also given to options.onError).
 * options as <heluo-chart>'s attributes: { chart, metric, top, theme, lang,
 * title, controls, colors } and the mapping { time, name, value, group,
 * encoding, recipe } (encoding: a TextDecoder label for a table's bytes;
 * recipe: an import's whole mapping, as saved, replayed on this data).
 * Returns { ready, update(data), setOptions(options), toSVG(), toPNG(scale), destroy(), chart }.
 */
export function renderChart(api, target, data, options) {
  options = Object.assign({}, options || {});
  if (!target || typeof target.appendChild !== "function") throw reasoned(isZh(null, options), "no-target", String(target));
  if (!target.isConnected) throw reasoned(isZh(null, options), "detached");
  const where = chartBox(target);
  if (api.blocked) return fallbackHandle(api.blocked, where, data, options);
  /* The chart shown and its data; `ticket` tells the latest mount from older ones still loading. */
  const state = { api, target, where, dataset: null, chart: null, bytes: null, ticket: 0 };
  const handle = state.handle = {
    chart: null,
    ready: null,
    /* `next` data; `nextOptions` (optional) replace the options, the mapping included. */
    update(next, nextOptions) {
      const opts = nextOptions ? Object.assign({}, nextOptions) : options;
      handle.ready = mount(state, next, opts);
      options = opts;
      return handle;
    },
    setOptions(next) {
      const merged = Object.assign({}, options, next || {});
      handle.ready = mount(state, state.bytes, Object.assign({}, merged, { time: undefined, name: undefined, value: undefined, group: undefined, encoding: undefined, recipe: undefined }));
      options = merged;
      return handle;
    },
    /* A reader action on the chart shown: what changed; null while none is. */
    apply: (action) => state.chart ? state.chart.apply(action) : null,
    toSVG: () => state.chart.engine.svg(),
    toPNG(scale) {
      const canvas = el("canvas");
      state.chart.engine.drawTo(canvas, scale || 2);
      return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
    },
    destroy() {
      state.ticket++;
      if (state.chart) state.chart.destroy();
      if (state.dataset) state.dataset.free();
      state.chart = state.dataset = null;
      handle.chart = null;
      if (where.host) where.host.remove();
    },
  };
  handle.ready = mount(state, data, options);
  return handle;
}

/* Where Heluo.render draws: inside <heluo-chart> (a .heluo-root) the target
   itself; elsewhere a box in its own shadow root with the element's
   stylesheet, so it looks the same and the host's CSS cannot break it. */
function chartBox(target) {
  if (target.closest(".heluo-root")) return { host: null, box: target };
  const host = el("heluo-render");
  host.style.setProperty("display", "block", "important");
  const root = host.attachShadow({ mode: "open" });
  adoptChartSheet(root);
  const box = el("div", "heluo-root");
  root.appendChild(box);
  target.appendChild(host);
  return { host, box };
}

/* Where the wasm cannot run: the fallback (fallback.js) with the handle's
   shape; `ready` rejects with the reason. */
function fallbackHandle(blocked, where, data, options) {
  const handle = {
    chart: null,
    blocked,
    update(next, nextOptions) {
      if (nextOptions) options = Object.assign({}, nextOptions);
      const err = renderFallback(blocked, where.box, next, options, !!where.host);
      if (options.onError) options.onError(err);
      handle.ready = Promise.reject(err);
      handle.ready.catch(() => {});
      return handle;
    },
    setOptions: () => handle,
    apply: () => null,
    destroy() { if (where.host) where.host.remove(); else where.box.textContent = ""; },
  };
  return handle.update(data);
}

/* Format v1 draws at once; anything else is imported as a table. Returns `ready`. */
function mount(state, data, opts) {
  checkOptions(opts);
  const ticket = ++state.ticket;
  /* An import drawn before (its snapshot, marked), drawn again with other options. */
  if (data && data.heluoImport) {
    draw(state, state.api.datasetFromSnapshot(data), data, opts);
    return Promise.resolve(state.handle);
  }
  const mapping = mappingOf(opts);
  const value = plainValue(data);
  const job = { state, ticket, opts, mapping, value, lang: importLang(opts), v1Error: null,
    bytes: value && (Array.isArray(value) || mapping) ? null : toBytes(data) };
  const bytes = job.bytes;
  if (bytes && !mapping && mayBeJson(bytes)) {
    try {
      draw(state, state.api.parseDataset(bytes, job.lang), bytes, opts);
      return Promise.resolve(state.handle);
    } catch (err) {
      if (isTrap(err)) throw err;
      job.v1Error = err;
    }
  }
  /* Where the importer cannot load (a standalone file's policy allows only
     its own script), format v1's message stands. */
  const ready = tableImporter().catch((err) => { throw job.v1Error || err; }).then((tables) => importTable(job, tables));
  ready.catch((err) => { if (ticket === state.ticket && opts.onError) opts.onError(err); });
  return ready;
}

/* The table importer reads the data (a value, a workbook's sheets or text) as
   a table, then draws it. */
function importTable(job, tables) {
  const { state, ticket, bytes, mapping, lang, opts } = job;
  if (ticket !== state.ticket) return state.handle;
  job.v1Error = explainedBy(tables, job.v1Error, bytes, lang);
  if (job.value && !bytes) return drawImport(job, tables.Import.fromValue(job.value, mapping, lang));
  if (isWorkbook(bytes)) {
    return sheetReader().then((reader) => ticket !== state.ticket ? state.handle : drawImport(job, tables.Import.fromSheet(reader.read(bytes), mapping, lang)));
  }
  const encoding = opts.encoding || (mapping && mapping.encoding);
  const text = decodeText(bytes, encoding);
  let imp;
  try { imp = tables.Import.fromText(text, false, encoding ? Object.assign({}, mapping, { encoding }) : mapping, lang); } catch (err) { throw job.v1Error && /^\s*[[{]/.test(text) ? job.v1Error : err; }
  return drawImport(job, imp);
}

/* Draws what the importer read. Its snapshot in the main module's terms is
   kept to draw again with other options (setOptions): format v1's text would
   take longer to write than the table took to read. */
function drawImport(job, imp) {
  try {
    if (imp.isFormatV1) throw job.v1Error || new Error("Heluo: not a table");
    const saved = imp.snapshot();
    saved.heluoImport = true;
    draw(job.state, job.state.api.datasetFromSnapshot(saved), saved, job.opts);
    return job.state.handle;
  } finally {
    imp.free();
  }
}

/* Mounts the chart of `dataset` and swaps it for the one shown. */
function draw(state, dataset, bytes, opts) {
  const { target, where } = state;
  const theme = resolvedTheme(opts.theme, target);
  let chart;
  try {
    chart = mountChart(state.api, where.box, dataset, opts.chart || dataset.charts[0], {
      theme, lang: opts.lang, metric: opts.metric, top: opts.top, title: opts.title || opts["chart-title"],
      controls: opts.controls, colors: opts.colors !== undefined ? opts.colors : brandColors(target), onError: opts.onError,
    });
  } catch (err) {
    if (!isTrap(err)) dataset.free();
    throw err;
  }
  /* The data's words under the chart, unless footer="none" says not. */
  const foot = opts.footer !== "none" && footOf(dataset, /^zh/i.test(chart.lang), chart.engine.title);
  if (foot) chart.figure.appendChild(foot);
  if (where.host) where.host.setAttribute("data-theme", theme);
  /* Swap only once the new chart exists: a failure keeps the old one. */
  if (state.chart) state.chart.destroy();
  if (state.dataset) state.dataset.free();
  where.box.appendChild(chart.figure);
  chart.start();
  state.dataset = dataset;
  state.chart = chart;
  state.bytes = bytes;
  state.handle.chart = chart;
}
