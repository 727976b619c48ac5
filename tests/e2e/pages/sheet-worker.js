/* A worker for tests/e2e/sheet.test.mjs: loads the workbook reader the way a
   worker made from heluo.js would (importScripts, next to heluo.js), reads the
   bytes it is sent and posts the transfer back. */
"use strict";
importScripts("../../../www/sheet-loader.js");
self.onmessage = function (event) {
  loadSheetReader(new URL("../../../pkg/heluo.js", self.location.href).href).then(
    function (reader) {
      var transfer = reader.read(event.data);
      self.postMessage(transfer, [transfer.buffer]);
    },
    function (error) {
      self.postMessage(String(error.message));
    },
  );
};
