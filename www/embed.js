/* The iframe embed: a <heluo-chart> built from the query string, and its
   height posted to the parent page on load and on every size change. */
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
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    window.parent.postMessage({ type: "heluo:height", id: id, height: height }, "*");
  }
  new ResizeObserver(post).observe(document.documentElement);
  chart.addEventListener("heluo:ready", post);
  chart.addEventListener("heluo:error", post);
  document.body.appendChild(chart);
})();
