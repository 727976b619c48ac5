/* Loads the workbook reader (pkg/heluo-sheet.js) when a workbook arrives, so
   pages that never see one never download it (it is about three times the
   size of heluo.js). The reader is a classic script with its WebAssembly
   inlined, found next to heluo.js: it loads from file:// and under the strict
   policy (script-src 'self' 'wasm-unsafe-eval') as heluo.js does. In a worker
   made from heluo.js it is imported synchronously from the same folder.

   loadSheetReader([heluoUrl]) -> Promise<HeluoSheet>
     heluoUrl: where heluo.js was loaded from; by default the page's
     <script src=".../heluo.js"> (or the worker's own script).
   HeluoSheet.read(bytes: Uint8Array) -> Uint8Array: the transfer that the
     main module decodes (the workbook's sheets, or why it could not be read:
     damaged, password-protected, not a workbook). */
function loadSheetReader(heluoUrl) {
  "use strict";
  if (globalThis.HeluoSheet) return Promise.resolve(globalThis.HeluoSheet);
  var fail = function (url) {
    return new Error("Heluo: the workbook reader could not be loaded from " + url);
  };
  if (typeof document === "undefined") {
    /* A worker: its own script is heluo.js. */
    var workerUrl = new URL("heluo-sheet.js", heluoUrl || self.location.href).href;
    try {
      importScripts(workerUrl);
    } catch (e) {
      return Promise.reject(fail(workerUrl));
    }
    return globalThis.HeluoSheetReady || Promise.reject(fail(workerUrl));
  }
  if (loadSheetReader.pending) return loadSheetReader.pending;
  var base = heluoUrl || sheetReaderBase();
  var url = new URL("heluo-sheet.js", base).href;
  loadSheetReader.pending = new Promise(function (resolve, reject) {
    var script = document.createElement("script");
    script.src = url;
    /* The script defines HeluoSheetReady: its WebAssembly compiles after it ran. */
    script.onload = function () {
      if (globalThis.HeluoSheetReady) resolve(globalThis.HeluoSheetReady);
      else {
        loadSheetReader.pending = null;
        reject(fail(url));
      }
    };
    script.onerror = function () {
      /* A later workbook tries again (the file may have been missing for a moment). */
      loadSheetReader.pending = null;
      script.remove();
      reject(fail(url));
    };
    document.head.appendChild(script);
  });
  return loadSheetReader.pending;
}

/* The URL of the page's heluo.js (or heluo.min.js), which the reader sits next to. */
function sheetReaderBase() {
  "use strict";
  var scripts = document.getElementsByTagName("script");
  for (var i = 0; i < scripts.length; i++) {
    var src = scripts[i].src;
    if (src && /\/heluo(\.min)?\.js([?#]|$)/.test(src)) return src;
  }
  return new URL("pkg/heluo.js", document.baseURI).href;
}
