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
                            fromValue; summary, mapping, remap, snapshot, formatV1.
     HeluoTables.warmUp()   readies the import's code while the reader chooses a file */
import { packed } from "heluo:wasm";
import { initSync, Import, formatV1Message, tooLargeMessage } from "heluo:glue-module";
import { inflate } from "./inflate.js";

/* Readies the importer's code while the reader is still choosing a file
   (the page calls it when the chooser opens or a file is dragged over).
   V8 first runs WebAssembly as its baseline compiler wrote it and swaps in
   optimised code for a function only from its next call (there is no
   on-stack replacement), so the first real import runs baseline code
   throughout: 100,000 villages of CSV took 290 ms on their first import and
   145 ms on their second. A few imports of a small made-up table, one every
   50 ms (about 30 ms of work in all, on a thread that is idle while the
   reader picks), get the import's functions optimised: the first real import
   then took 190 ms. Each step is one short task, so a file that arrives
   meanwhile waits at most for the step under way. */
let warming = false;
function warmUp() {
  if (warming) return;
  warming = true;
  const rows = ["村,镇,年份,收入(元),比例(%)"];
  for (let i = 0; i < 500; i++) rows.push(`村${i},镇${i % 9},${2013 + (i % 7)},${(i * 7919) % 100003},${(i % 97) / 4}`);
  const ranking = rows.join("\n");
  const trend = rows.map((r) => r.split(",").filter((_, c) => c !== 1).join(",")).join("\n");
  let left = 8;
  const step = () => {
    try { Import.fromText(left % 2 ? trend : ranking, false, undefined, "zh-CN").free(); } catch (err) { left = 0; }
    if (--left > 0) setTimeout(step, 50);
  };
  setTimeout(step, 50);
}

globalThis.HeluoTablesReady = inflate(packed).then((module) => {
  initSync({ module });
  return (globalThis.HeluoTables = { Import, formatV1Message, tooLargeMessage, warmUp });
});
