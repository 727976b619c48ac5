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
  /* The view a link shares, as the page writes it (#v1&metric=…&pin=…&zoom=…,
     and a corrected mapping): what the query does not say already. Pins and
     the zoom are applied once the chart is drawn; a stale one is ignored. */
  var view = /^#v1(&|$)/.test(location.hash) ? new URLSearchParams(location.hash.slice(3)) : null;
  if (view) {
    ["metric", "time", "name", "group", "encoding"].forEach(function (name) {
      if (query.get(name) === null && view.get(name) !== null) chart.setAttribute(name, view.get(name));
    });
    /* Several value columns: a list, which only a recipe can say. */
    var values = view.getAll("value");
    if (query.get("value") === null && values.length === 1) chart.setAttribute("value", values[0]);
    else if (query.get("value") === null && values.length > 1) {
      var recipe = {};
      try { recipe = JSON.parse(chart.getAttribute("recipe") || "{}") || {}; } catch (err) { recipe = {}; }
      recipe.value = values;
      delete recipe.metrics;
      chart.setAttribute("recipe", JSON.stringify(recipe));
    }
    var kinds = (view.get("chart") || "").split(",");
    if (query.get("chart") === null && kinds.length === 1 && /^(trend|ranking)$/.test(kinds[0])) chart.setAttribute("chart", kinds[0]);
  }
  function restoreView() {
    if (!view) return;
    var actions = view.getAll("pin").map(function (pin) { return { type: "pin", village: pin }; });
    var zoom = /^(\d{1,4})-(\d{1,4})$/.exec(view.get("zoom") || "");
    if (zoom) actions.push({ type: "zoomYears", from: Number(zoom[1]), to: Number(zoom[2]) });
    view = null;
    actions.forEach(function (action) {
      try { chart.apply(action); } catch (err) { /* stale, or not this chart's: ignored */ }
    });
  }
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
  function shown() { restoreView(); laidOut = true; named(); post(); }
  chart.addEventListener("heluo:ready", shown);
  chart.addEventListener("heluo:error", shown);
  document.querySelector("main").appendChild(chart);
})();
