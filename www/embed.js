/* The iframe embed: a <heluo-chart> built from the query string, and its
   height posted to the parent page once the chart (or its error message) is
   laid out, then on every real change. Never a height of 0: a host that takes
   only the first message (as hosts of Datawrapper and Flourish embeds may)
   still shows the whole chart. */
"use strict";
(function () {
  var query = new URLSearchParams(location.search);
  var chart = document.createElement("heluo-chart");
  ["src", "chart", "metric", "top", "theme", "lang", "chart-title", "controls"].forEach(function (name) {
    var value = query.get(name);
    if (value !== null) chart.setAttribute(name, value);
  });
  if (query.get("lang")) document.documentElement.lang = query.get("lang");
  var id = query.get("id") || "";
  var last = -1;
  var laidOut = false; /* a chart or its error is in the page */
  function post() {
    if (!laidOut || window.parent === window) return;
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!(height > 0) || height === last) return;
    last = height;
    window.parent.postMessage({ type: "heluo:height", id: id, height: height }, "*");
  }
  new ResizeObserver(post).observe(document.documentElement);
  function shown() { laidOut = true; post(); }
  chart.addEventListener("heluo:ready", shown);
  chart.addEventListener("heluo:error", shown);
  document.body.appendChild(chart);
})();
