/* The entry of pkg/heluo-tables.js, the table importer (tables/: CSV, TSV,
   pasted cells, JSON tables, workbook sheets), a classic script with its
   WebAssembly inlined like heluo.js, so it works from file:// and under the
   page's strict policy (script-src 'self' 'wasm-unsafe-eval'). The page adds
   it when a file that is not format v1 arrives (www/tables-loader.js). It
   defines HeluoTablesReady, a promise of HeluoTables, which is defined once
   the WebAssembly is compiled:

     HeluoTables.formatV1Message(bytes, lang)  format v1's whole message for a file
                            the main module refused (it says only where)
     HeluoTables.tooLargeMessage(size, lang)  the message for a file over the limit
     HeluoTables.Import     the importer (tables/src/web.rs): fromText, fromSheet,
                            fromValue; summary, mapping, remap, snapshot, formatV1. */
import { packed } from "heluo:wasm";
import { initSync, Import, formatV1Message, tooLargeMessage } from "heluo:glue-module";
import { inflate } from "./inflate.js";

globalThis.HeluoTablesReady = inflate(packed).then((module) => {
  initSync({ module });
  return (globalThis.HeluoTables = { Import, formatV1Message, tooLargeMessage });
});
