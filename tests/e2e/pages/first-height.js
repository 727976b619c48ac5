/* Records every heluo:height message per iframe id, and sizes #first and
   #broken from their first message alone, then listens no more for them. */
"use strict";
window.__heights = {};
window.addEventListener("message", function (event) {
  var d = event.data;
  if (!d || d.type !== "heluo:height") return;
  var seen = window.__heights[d.id] || (window.__heights[d.id] = []);
  seen.push(d.height);
  if (seen.length === 1 && (d.id === "first" || d.id === "broken")) {
    document.getElementById(d.id).style.height = d.height + "px";
  }
});
/* Tells the tests the page is ready (its iframes load on their own). */
document.documentElement.setAttribute("data-heluo", "ready");
