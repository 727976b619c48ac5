/* The workbook reader's test page: reads the chosen file with the reader
   loaded on demand, and says how long each step took. */
"use strict";
window.readChosen = async function () {
  const file = document.getElementById("workbook").files[0];
  const bytes = new Uint8Array(await file.arrayBuffer());
  const t0 = performance.now();
  const reader = await loadSheetReader();
  const t1 = performance.now();
  const transfer = reader.read(bytes);
  const t2 = performance.now();
  return { loadMs: t1 - t0, readMs: t2 - t1, bytes: bytes.length, transfer: transfer };
};
document.documentElement.dataset.heluo = "ready";
