/* The entry of pkg/heluo-sheet.js, the workbook reader (sheet/: .xlsx, .xls,
   .ods), a classic script with its WebAssembly inlined like heluo.js, so it
   works from file:// and under the page's strict policy. The page adds it
   when a workbook arrives (www/sheet-loader.js). It defines HeluoSheetReady,
   a promise of HeluoSheet, which is defined once the WebAssembly is compiled:

     HeluoSheet.read(bytes)  a Uint8Array of a workbook -> a Uint8Array transfer
                             (sheet/src/transfer.rs): the workbook's sheets, or
                             why it could not be read. Throws only a TypeError
                             when `bytes` is not a Uint8Array.
     HeluoSheet.version      the transfer's format version (1) */
import { packed } from "heluo:wasm";
import glue from "heluo:glue";
import { inflate } from "./inflate.js";

let module, reader;

function instantiate() {
  const fresh = glue();
  fresh.initSync({ module });
  return fresh;
}

globalThis.HeluoSheetReady = inflate(packed).then((compiled) => {
  module = compiled;
  reader = instantiate();
  return (globalThis.HeluoSheet = sheet);
});

const sheet = {
  version: 1,
  read(bytes) {
    if (!(bytes instanceof Uint8Array)) throw new TypeError("HeluoSheet.read: expected the workbook as a Uint8Array");
    try {
      return reader.read(bytes);
    } catch (e) {
      /* A trap (a fault of the reader on this file) ends the instance: a
         fresh one serves the next file, and this one reads as corrupt. */
      reader = instantiate();
      return reader.corrupt(String((e && e.message) || e));
    }
  },
};
