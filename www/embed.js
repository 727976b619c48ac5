/* The iframe embed: a <heluo-chart> built from the query string, and its
   height posted to the parent page once the chart (or its error message) is
   laid out, then on every real change. Never a height of 0: a host that takes
   only the first message (as hosts of Datawrapper and Flourish embeds may)
   still shows the whole chart. */
"use strict";
(function () {
  var query = new URLSearchParams(location.search);
  var chart = document.createElement("heluo-chart");
  ["src", "chart", "metric", "top", "theme", "lang", "chart-title", "controls", "time", "name", "value", "group", "encoding", "recipe", "footer"].forEach(function (name) {
    var value = query.get(name);
    if (value !== null) chart.setAttribute(name, value);
  });
  /* data=<url> says the same as src=; only a file on this site. */
  var data = query.get("data");
  if (data !== null && query.get("src") === null) {
    var url = null;
    try { url = new URL(data, location.href); } catch (err) { url = null; }
    var en = /^en/i.test(query.get("lang") || document.documentElement.lang || "");
    if (url && url.origin === location.origin && location.protocol !== "file:") chart.setAttribute("src", url.href);
    else {
      var why = el("p", en ? "Could not load " + data + ": only files on this site can be loaded, and this address is on another site"
        : "无法载入 " + data + "：只能载入本网站上的文件，这个地址在另一个网站");
      why.setAttribute("role", "alert");
      why.className = "embed-refused";
      document.querySelector("main").appendChild(why);
      chart = null;
    }
  }
  function el(tag, text) {
    var node = document.createElement(tag);
    node.textContent = text;
    return node;
  }
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
  if (!chart) { laidOut = true; post(); return; }
  /* The page's title and heading name the chart (its figure's caption). */
  function named() {
    var caption = chart.shadowRoot && chart.shadowRoot.querySelector("figcaption");
    if (!caption || !caption.textContent) return;
    document.title = caption.textContent;
    document.getElementById("embed-heading").textContent = caption.textContent;
  }
  function shown() { laidOut = true; named(); post(); }
  chart.addEventListener("heluo:ready", shown);
  chart.addEventListener("heluo:error", shown);
  document.querySelector("main").appendChild(chart);
})();
