/* The ES module entry of the heluo package, for bundlers (Vite, webpack,
   esbuild):

     import { render, define } from "heluo";
     render(document.getElementById("chart"), data, { chart: "trend" });

   It loads the classic script (heluo.js: the WebAssembly inlined, ready
   synchronously), which sets the global `Heluo` and touches no `window` or
   `document` until a chart is drawn, so importing it while a server renders
   the page is safe: render() and define() need a browser. */
import "./heluo.js";

function api() {
  return globalThis.Heluo;
}

/** One chart in `target` (see heluo.d.ts, Heluo.render). */
export function render(target, data, options) {
  return api().render(target, data, options);
}

/** Defines <heluo-chart> (once; the classic script already does in a browser)
    and returns its class; undefined without a DOM. */
export function define() {
  return api().define();
}

/** A parsed dataset, for the lower-level ChartEngine (see heluo.d.ts). */
export function parseDataset(bytes, lang) {
  return api().parseDataset(bytes, lang);
}

/** The engine's class: new ChartEngine(dataset, options). */
export function ChartEngine(dataset, options) {
  return new (api().ChartEngine)(dataset, options);
}
