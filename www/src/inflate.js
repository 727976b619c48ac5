/* Unpacks the gzipped WebAssembly inlined in the modules loaded on demand
   (pkg/heluo-tables.js, heluo-sheet.js) with the browser's own
   DecompressionStream, asynchronously: they load asynchronously anyway.
   heluo.js keeps raw LZMA (www/src/lzma.js): it must be ready when its script
   ends, and its size is budgeted. For these modules the download matters
   less than the wait: the LZMA decoder in JavaScript took 120 ms for the
   importer's 645 KB (2 cores, Chromium), the browser's inflate a few ms, and
   WebAssembly.compile works off the page's thread. Measured 2026-12-07:
   BENCHMARKS.md, "Tables through the page", the cold rows. */
import { bytesOf } from "./lzma.js";

export function inflate(base64) {
  return new Response(new Response(bytesOf(base64)).body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()
    .then((wasm) => WebAssembly.compile(wasm));
}
