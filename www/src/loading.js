/* What the DOM layer loads besides itself: the table importer and the
   workbook reader (second scripts next to heluo.js, loaded on demand), and a
   worker made from this very script that parses large files off the page's
   thread. */
/* global loadTableImporter, loadSheetReader */
import { decodeBytes, isTrap, isWorkbook } from "./util.js";

/** Where this script came from (null inline or in Node): the worker and the
    modules next to it are found from here. */
export const scriptUrl = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : null;

let pendingImporter = null;

/** The table importer (pkg/heluo-tables.js), loaded the first time data that
    is not format v1 arrives: the page's www/tables-loader.js when present,
    else a script added here. */
export function tableImporter() {
  if (typeof loadTableImporter === "function") return loadTableImporter(scriptUrl || undefined);
  /* Added already (by another loader too): ready when its WebAssembly is. */
  if (globalThis.HeluoTablesReady) return HeluoTablesReady;
  if (pendingImporter) return pendingImporter;
  const url = new URL("heluo-tables.js", scriptUrl || (typeof document !== "undefined" ? document.baseURI : "")).href;
  pendingImporter = new Promise((resolve, reject) => {
    const script = document.createElement("script");
    const fail = () => {
      pendingImporter = null;
      reject(new Error("Heluo: the table importer could not be loaded from " + url));
    };
    script.src = url;
    script.onload = () => globalThis.HeluoTablesReady ? resolve(globalThis.HeluoTablesReady) : fail();
    script.onerror = () => {
      script.remove();
      fail();
    };
    document.head.appendChild(script);
  });
  return pendingImporter;
}

/** The workbook reader, through the page's www/sheet-loader.js. */
export function sheetReader() {
  return typeof loadSheetReader === "function" ? loadSheetReader(scriptUrl || undefined) : Promise.reject(new Error("Heluo: the workbook reader (sheet-loader.js) is not on this page"));
}

/** Format v1's whole message for `bytes`, which parseDataset refused with
    `err`: the main module says only where a file fails (its words for every
    case would cost heluo.js 5 KB; src/error.rs), the table importer, which
    reads format v1 too, says what and how to fix it. Where the importer
    cannot load, `err` stands. Heluo.explain. */
export function explainV1(err, bytes, lang) {
  if (!err || !bytes || isTrap(err)) return Promise.resolve(err);
  return tableImporter().then((tables) => explainedBy(tables, err, bytes, lang), () => err);
}

export function explainedBy(tables, err, bytes, lang) {
  const words = err && bytes && tables.formatV1Message ? tables.formatV1Message(bytes, lang) : null;
  return words ? new Error(words) : err;
}

/** Parses `bytes` in a web worker made from this very script (pages served
    over http or https), so a large file does not hold the page while it is
    read: the worker posts back the dataset's snapshot, which takes a fraction
    of the parse to rebuild. Returns { promise, cancel }: the promise resolves
    with the dataset, rejects with the parse error (an Error), or rejects with
    null when no worker could start or run (file://, an inline script, a CSP
    that allows no worker, a trap in the worker): the caller parses on the
    page's thread then. Heluo.parseInWorker. */
export function parseInWorker(api, bytes, lang) {
  return inWorker({ bytes, lang }, (data) => api.datasetFromSnapshot(new Uint8Array(data.snapshot)));
}

/** Imports a table (CSV, TSV, JSON records, a workbook) in a worker made from this
    script, as parseInWorker parses format v1, so a large file does not hold
    the page: resolves with what the page shows of the import (the snapshot,
    format v1, the recipe, the columns, the summary in both languages, how the
    bytes were decoded), or with { v1: true } for format v1; rejects with the
    importer's error, or with null where no worker or importer runs.
    Heluo.importInWorker. */
export function importInWorker(bytes, lang, encoding) {
  return inWorker({ table: true, bytes, lang, encoding }, (data) => data);
}

/** A job in a worker made from this script (http/https only): `settle`
    turns its answer into the result. Copied, not transferred: the page keeps
    its bytes (to redraw, embed, or read them itself if the worker fails). */
function inWorker(message, settle) {
  let worker = null;
  try {
    if (scriptUrl && /^https?:/.test(scriptUrl) && typeof Worker === "function") worker = new Worker(scriptUrl);
  } catch (e) {
    worker = null;
  }
  if (!worker) return { promise: Promise.reject(null), cancel() {} };
  const promise = new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      worker.terminate();
      if (e.data.trap || e.data.none) return reject(null);
      if (e.data.error !== undefined) return reject(new Error(e.data.error));
      try {
        resolve(settle(e.data));
      } catch (err) {
        reject(null);
      }
    };
    worker.onerror = (e) => {
      if (e && e.preventDefault) e.preventDefault();
      worker.terminate();
      reject(null);
    };
  });
  worker.postMessage(message);
  return { promise, cancel: () => worker.terminate() };
}

/** In a worker made from this script: parses or imports what it is sent and
    posts back the dataset's snapshot (and an import's parts), or the error's
    message. */
export function serveParses(api) {
  self.onmessage = async (e) => {
    try {
      if (e.data.table) return await serveImport(e.data);
      const dataset = api.parseDataset(e.data.bytes, e.data.lang);
      const snapshot = dataset.snapshot();
      dataset.free();
      self.postMessage({ snapshot: snapshot.buffer }, [snapshot.buffer]);
    } catch (err) {
      self.postMessage({ error: (err && err.message) || String(err), trap: isTrap(err) });
    }
  };
}

/* The modules next to this script (a worker serves one file); their WebAssembly compiles after. */
async function serveImport(d) {
  const workbook = isWorkbook(d.bytes);
  let tables, sheet;
  try {
    /* Relative to the worker's own script, heluo.js. */
    importScripts("heluo-tables.js");
    if (workbook) importScripts("heluo-sheet.js");
    tables = await HeluoTablesReady;
    sheet = workbook && await HeluoSheetReady;
  } catch (err) {
    return self.postMessage({ none: true });
  }
  const decoded = workbook ? null : decodeBytes(d.bytes, d.encoding);
  const imp = workbook ? tables.Import.fromSheet(sheet.read(d.bytes), undefined, d.lang)
    : tables.Import.fromText(decoded.text, false, { encoding: decoded.encoding }, d.lang);
  try {
    if (imp.isFormatV1) return self.postMessage({ v1: true });
    const snapshot = imp.snapshot();
    self.postMessage({
      snapshot: snapshot.buffer, formatV1: imp.formatV1(), mapping: imp.mapping(), columns: imp.columns(),
      summaries: { "zh-CN": imp.summary("zh-CN"), en: imp.summary("en") },
      decoded: decoded && { encoding: decoded.encoding, bom: decoded.bom, replaced: decoded.replaced },
    }, [snapshot.buffer]);
  } finally {
    imp.free();
  }
}
