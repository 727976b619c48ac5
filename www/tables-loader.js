/* Loads the table importer (pkg/heluo-tables.js) when a file that is not
   format v1 arrives (CSV, TSV, a pasted table, JSON records or columns, a
   workbook's sheets), so pages that only ever see Heluo's own JSON never
   download it. Like the workbook reader (www/sheet-loader.js) it is a classic
   script with its WebAssembly inlined, found next to heluo.js: it loads from
   file:// and under the strict policy (script-src 'self' 'wasm-unsafe-eval').
   In a worker made from heluo.js it is imported synchronously from the same
   folder.

   loadTableImporter([heluoUrl]) -> Promise<HeluoTables>
     heluoUrl: where heluo.js was loaded from; by default the page's
     <script src=".../heluo.js"> (or the worker's own script).
   HeluoTables.Import.fromText(text, pasted, mapping, lang)
   HeluoTables.Import.fromSheet(transfer, mapping, lang)
   HeluoTables.Import.fromValue(value, mapping, lang)
     -> an Import: isFormatV1, snapshot(), summary(lang), mapping(),
        remap(mapping, lang), columns(), formatV1(), free(). */
function loadTableImporter(heluoUrl) {
  "use strict";
  if (globalThis.HeluoTables) return Promise.resolve(globalThis.HeluoTables);
  var fail = function (url) {
    return new Error("Heluo: the table importer could not be loaded from " + url);
  };
  if (typeof document === "undefined") {
    /* A worker: its own script is heluo.js. */
    var workerUrl = new URL("heluo-tables.js", heluoUrl || self.location.href).href;
    try {
      importScripts(workerUrl);
    } catch (e) {
      return Promise.reject(fail(workerUrl));
    }
    return globalThis.HeluoTablesReady || Promise.reject(fail(workerUrl));
  }
  if (loadTableImporter.pending) return loadTableImporter.pending;
  var url = new URL("heluo-tables.js", heluoUrl || tableImporterBase()).href;
  loadTableImporter.pending = new Promise(function (resolve, reject) {
    var script = document.createElement("script");
    script.src = url;
    /* The script defines HeluoTablesReady: its WebAssembly compiles after it ran. */
    script.onload = function () {
      if (globalThis.HeluoTablesReady) resolve(globalThis.HeluoTablesReady);
      else {
        loadTableImporter.pending = null;
        reject(fail(url));
      }
    };
    script.onerror = function () {
      /* A later file tries again (the script may have been missing for a moment). */
      loadTableImporter.pending = null;
      script.remove();
      reject(fail(url));
    };
    document.head.appendChild(script);
  });
  return loadTableImporter.pending;
}

/* The URL of the page's heluo.js (or heluo.min.js), which the importer sits next to. */
function tableImporterBase() {
  "use strict";
  var scripts = document.getElementsByTagName("script");
  for (var i = 0; i < scripts.length; i++) {
    var src = scripts[i].src;
    if (src && /\/heluo(\.min)?\.js([?#]|$)/.test(src)) return src;
  }
  return new URL("pkg/heluo.js", document.baseURI).href;
}
