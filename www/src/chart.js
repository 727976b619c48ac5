/* One chart as readers use it — figure, canvases, tooltip, controls,
   keyboard, touch, live region, data table, export — around one engine
   (`ChartEngine`). It turns DOM events into engine actions (plain objects
   tagged by `type`: `{type: "pointer", x, y}`) and puts what the engine hands
   back (what changed, controls, tooltip, words) into the page as text, never
   as markup. It keeps no chart state of its own: each chart's parts and engine
   live in one object (`c`) that the steps below share, so any number of
   charts live on one page. `mountChart(api, …)` is Heluo.mount. */
import { el } from "./util.js";
import { setText } from "./words.js";
import { updateControls } from "./controls.js";
import { tableView } from "./table.js";
import { listenPointer, listenKeys, showTip } from "./interact.js";

let chartCount = 0;

/**
 * Mounts one chart of `dataset` (a DatasetHandle of `api`) into `container`.
 * options: { width, scale, theme: "light"|"dark", lang: ""|"zh-CN"|"en",
 *   metric, top, title, controls: "full"|"none", onError(err), onChange() }
 *   (onChange: the view changed, by the reader or by apply: a metric, a pin, a zoom…).
 * Returns a handle: { figure, engine, kind, lang, start(), resize(), apply(action), destroy() }
 * (`action` as ChartEngine.apply takes it: `{type: "metric", key: "income"}`; apply
 * returns what changed).
 */
export function mountChart(api, container, dataset, kind, options) {
  options = options || {};
  /* 1. The figure and its parts. */
  const c = buildFigure(kind, ++chartCount);
  c.options = options;
  c.container = container;
  c.onError = options.onError || ((err) => console.error(err));
  c.reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
  c.apply = (action) => { const changed = c.engine.apply(action); handle(c, changed); return changed; };
  c.handle = (changed) => handle(c, changed);
  c.guard = (fn) => (event) => {
    try { return fn(event); } catch (err) { c.onError(err); }
  };
  /* 2. The engine, drawing on the two canvases. */
  const engine = c.engine = new api.ChartEngine(dataset, {
    chart: kind, canvas: c.base, overlay: c.overlay, width: width(c), scale: scale(), theme: options.theme,
    lang: options.lang, metric: options.metric, top: options.top === null ? undefined : options.top,
    title: options.title, colors: options.colors,
  });
  const lang = c.lang = engine.lang;
  c.dataTable = tableView(c.tableBox, () => engine.table(), lang);
  c.words = (key, a, b) => api.text(lang, key, a || "", b || "");
  c.kindWord = c.words(kind === "ranking" ? "chartRanking" : "chartTrend");
  c.lastWidth = width(c);
  assemble(c);
  /* 3. The reader's input: pointer, keyboard; the page's: size, print. */
  const stopPointer = listenPointer(c);
  listenKeys(c);
  const size = watchSize(c);
  const stopPrint = watchPrint(c);
  /* 4. What the view shows, put into the page. */
  setHeight(c);
  describe(c);
  updateControls(c);
  return {
    figure: c.figure,
    engine,
    kind,
    lang,
    /* Starts following the container's size; call once the figure is in the page. */
    start: size.start,
    resize: size.resize,
    apply: c.apply,
    destroy() {
      size.stop();
      stopPointer();
      stopPrint();
      c.figure.remove();
      try { engine.free(); } catch (err) { /* an instance that trapped frees nothing */ }
    },
  };
}

/* The figure: a caption and summary for assistive technology, the stage (two
   canvases, the tooltip, the key help), a live region, the controls' bar and
   the data table's box. Ids numbered per chart. */
function buildFigure(kind, n) {
  const c = { kind, n };
  c.figure = el("figure", "chart chart-" + kind);
  c.caption = el("figcaption", "sr-only");
  c.caption.id = "heluo-title-" + n;
  c.figure.setAttribute("aria-labelledby", c.caption.id);
  c.stage = el("div", "stage");
  c.base = el("canvas", "base");
  c.overlay = el("canvas", "overlay");
  c.overlay.setAttribute("aria-hidden", "true");
  const tip = c.tip = el("div", "tooltip");
  tip.setAttribute("role", "tooltip");
  /* What a tooltip shows, the live region says: one text per event. */
  tip.setAttribute("aria-hidden", "true");
  tip.id = "heluo-tip-" + n;
  tip.hidden = true;
  c.keysHelp = el("p", "keys-help");
  c.keysHelp.id = "heluo-keys-" + n;
  c.stage.append(c.base, c.overlay, tip, c.keysHelp);
  /* The summary as text, for browse mode (the canvas is an application). */
  c.summary = el("p", "sr-only summary");
  c.summary.id = "heluo-summary-" + n;
  c.live = el("p", "sr-only live");
  c.live.setAttribute("aria-live", "polite");
  c.live.setAttribute("role", "status");
  c.bar = el("div", "chart-controls");
  const tableBox = c.tableBox = el("div", "table-box sr-only");
  tableBox.id = "heluo-table-" + n;
  /* Collapsed, the table is hidden from assistive technology too, as its
     toggle's aria-expanded="false" says. */
  tableBox.setAttribute("aria-hidden", "true");
  return c;
}

/* An application, not an img: screen readers pass the arrow keys through to
   it (README, Accessibility). Named by the summary, described by its keys. */
function assemble(c) {
  const base = c.base;
  base.setAttribute("role", "application");
  base.setAttribute("aria-labelledby", c.summary.id);
  base.setAttribute("aria-describedby", c.keysHelp.id);
  base.tabIndex = 0;
  c.figure.append(c.caption, c.summary, c.stage, c.live);
  if (c.options.controls !== "none") c.figure.appendChild(c.bar);
  c.figure.appendChild(c.tableBox);
  c.figure.setAttribute("lang", c.lang);
}

/* The container's width; `options.width` only until the container has one. */
function width(c) {
  return Math.max(1, Math.floor(c.container.clientWidth || c.options.width || 320));
}
function scale() { return window.devicePixelRatio || 1; }

function setHeight(c) {
  const h = c.engine.height + "px";
  c.base.style.height = h;
  c.overlay.style.height = h;
}

/* The figure's name and the canvas' description follow the view. */
function describe(c) {
  const engine = c.engine;
  const d = engine.description;
  setText(c.caption, engine.title, c.lang);
  setText(c.summary, d, c.lang);
  c.base.setAttribute("aria-label", d);
  c.base.setAttribute("aria-roledescription", engine.role);
  setText(c.keysHelp, engine.keys, c.lang);
}

/* What the engine says changed, put into the page. */
function handle(c, changed) {
  if (!changed) return;
  const had = changed.controls && focusedControl(c);
  if (changed.marks || changed.size) { setHeight(c); describe(c); }
  if (changed.controls) updateControls(c);
  if (changed.table) c.dataTable.stale();
  if (changed.tooltip) showTip(c, c.engine.tooltip());
  if (changed.announcement) setText(c.live, c.engine.announcement, c.lang);
  if (changed.transition) animate(c);
  if (had) keepFocus(c, had);
  if (c.options.onChange && (changed.marks || changed.controls)) c.options.onChange();
}

/* The control with keyboard focus, if in the bar: kept there, or handed to
   its neighbour or the canvas when it disappears (WCAG 2.4.3). */
function focusables(c) {
  return Array.prototype.filter.call(c.bar.querySelectorAll("button, select, input"), (node) => node.getClientRects().length > 0);
}
function focusedControl(c) {
  const active = c.figure.getRootNode().activeElement;
  if (!active || !c.bar.contains(active)) return null;
  const list = focusables(c);
  const alike = (node) => node.className === active.className;
  return { node: active, list, at: list.indexOf(active), alike, nth: list.filter(alike).indexOf(active) };
}
function keepFocus(c, had) {
  const shown = (node) => node && node.isConnected && node.getClientRects().length > 0;
  if (shown(had.node)) return;
  /* Rebuilt: the same kind of control; else the nearest one before it still shown. */
  const same = focusables(c).filter(had.alike);
  let next = same[Math.min(had.nth, same.length - 1)];
  for (let i = had.at - 1; !next && i >= 0; i--) if (shown(had.list[i])) next = had.list[i];
  (next || focusables(c)[0] || c.base).focus();
}

/* Plays a pending re-sort over 450 ms, or ends it at once for readers who
   prefer reduced motion. */
function animate(c) {
  const engine = c.engine;
  if (c.reducedMotion.matches) { engine.transition(1); return; }
  const start = performance.now();
  const frame = (now) => {
    let more;
    try { more = engine.transition(Math.min(1, (now - start) / 450)); } catch (err) { c.onError(err); return; }
    if (more) requestAnimationFrame(frame);
  };
  frame(start);
}

/* Follows the container's width and the screen's pixel ratio: { start, resize, stop }. */
function watchSize(c) {
  const resize = () => {
    const w = width(c);
    c.lastWidth = w;
    c.handle(c.engine.resize(w, scale()));
    c.dataTable.draw();
  };
  const observer = new ResizeObserver(c.guard(() => {
    if (width(c) !== c.lastWidth) resize();
  }));
  let scaleQuery = null;
  const watchScale = () => {
    scaleQuery = matchMedia("(resolution: " + scale() + "dppx)");
    scaleQuery.addEventListener("change", onScale, { once: true });
  };
  const onScale = () => { c.guard(resize)(); watchScale(); };
  return {
    start() {
      observer.observe(c.container);
      watchScale();
      if (width(c) !== c.lastWidth) resize();
    },
    resize,
    stop() {
      observer.disconnect();
      if (scaleQuery) scaleQuery.removeEventListener("change", onScale);
    },
  };
}

/* Both themes print on white: a dark chart is redrawn light for printing.
   Returns what stops watching. */
function watchPrint(c) {
  const printQuery = matchMedia("print");
  let printed = false;
  const onPrint = c.guard((event) => {
    const type = event && event.type;
    const printing = type === "beforeprint" ? true : type === "afterprint" ? false : printQuery.matches;
    c.dataTable.print(printing);
    if ((c.options.theme || "light") !== "dark" || printing === printed) return;
    printed = printing;
    c.apply({ type: "theme", theme: printing ? "light" : "dark" });
  });
  printQuery.addEventListener("change", onPrint);
  addEventListener("beforeprint", onPrint);
  addEventListener("afterprint", onPrint);
  return () => {
    printQuery.removeEventListener("change", onPrint);
    removeEventListener("beforeprint", onPrint);
    removeEventListener("afterprint", onPrint);
  };
}
