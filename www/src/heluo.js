/* The entry of pkg/heluo.js, a classic script (scripts/bundle.mjs wraps this
   bundle in `!function heluoBundle(){…}();`), so the page works from
   file:// where module scripts and wasm fetches are blocked, and under a
   strict Content-Security-Policy. The WebAssembly is inlined (raw LZMA,
   base64) and compiled synchronously: Heluo is ready when the script ends.
   It defines:

     Heluo          the API (the engine's exports), instantiated and ready
     Heluo.fresh()  a new instance of the same compiled module: the page calls it
                    after a wasm trap (a panic aborts an instance), so the next file works
     Heluo.mount()  one chart as readers use it (chart.js)
     Heluo.render() one chart from data and options, for developers (render.js)
     Heluo.parseInWorker(bytes, lang)  a large file parsed in a worker made from this
                    script (http/https); in such a worker, the script serves those parses
     Heluo.explain(err, bytes, lang)  -> Promise<Error>: format v1's whole message for a
                    file parseDataset refused, from the table importer
     Heluo.importInWorker(bytes, lang, encoding)  a table imported in such a worker
     Heluo.decode(bytes, encoding)  a file's text, and how it was decoded
     Heluo.source(), .standalone(), .elementMarkup(), .define()
     <heluo-chart>  the custom element, styled by www/heluo-chart.css in its shadow root
   Where the wasm cannot compile (a policy without 'wasm-unsafe-eval'),
   Heluo.blocked says why, and Heluo.render and <heluo-chart> show the data's
   table instead (fallback.js). */
/* global heluoBundle */
import { packed, props, size } from "heluo:wasm";
import glue from "heluo:glue";
import { unpack } from "./lzma.js";
import { mountChart } from "./chart.js";
import { renderChart } from "./render.js";
import { defineElement } from "./element.js";
import { elementMarkup, standaloneHtml } from "./standalone.js";
import { explainV1, importInWorker, parseInWorker, serveParses } from "./loading.js";
import { decodeBytes } from "./util.js";

let module = null;
let blocked = null;
try { module = new WebAssembly.Module(unpack(packed, props, size)); } catch (err) { blocked = typeof WebAssembly === "undefined" ? "wasm-unsupported" : "wasm-blocked"; }

/* This very script, for the standalone HTML download. */
function source() { return "(" + heluoBundle + ")();\n"; }

function instantiate() {
  const api = glue();
  api.initSync({ module });
  return Object.assign(api, {
    fresh: instantiate,
    mount: (container, dataset, kind, options) => mountChart(api, container, dataset, kind, options),
    parseInWorker: (bytes, lang) => parseInWorker(api, bytes, lang),
    explain: explainV1,
    importInWorker,
    decode: decodeBytes,
    render: (target, data, options) => renderChart(api, target, data, options),
    source,
    elementMarkup,
    /* Defines <heluo-chart> (once) and returns its class: the ES module's define(). */
    define: defineElement,
    standalone: (bytes, charts, title, lang) => standaloneHtml(source(), bytes, charts, title, lang),
  });
}

if (blocked) {
  const api = globalThis.Heluo = { blocked, define: defineElement, elementMarkup };
  api.render = (target, data, options) => renderChart(api, target, data, options);
} else {
  globalThis.Heluo = instantiate();
  if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) serveParses(globalThis.Heluo);
}
defineElement();
