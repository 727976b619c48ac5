/* Heluo page: file reading, drag and drop, and the DOM around the charts
   (figure, tooltip, table, controls). All data logic is in Rust (pkg/heluo.js);
   this file only moves bytes in and puts the strings it gets back into the page
   as text (textContent), never as markup. */
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var chartsEl = $("charts");
  var alertEl = $("alert");
  var figureCount = 0;
  /* What is on screen: { bytes, label, dataset, charts: [{ view, kind, ... }] }. */
  var current = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function showAlert(message) {
    alertEl.textContent = message;
    alertEl.hidden = false;
  }

  function clearAlert() {
    alertEl.textContent = "";
    alertEl.hidden = true;
  }

  function scale() { return window.devicePixelRatio || 1; }

  function chartWidth() { return Math.max(1, Math.floor(chartsEl.clientWidth || 320)); }

  /* A wasm trap (a panic) leaves the instance unusable: report it, take a fresh
     instance, and redraw what was on screen with it. */
  function recoverFromTrap(err) {
    console.error("Heluo: the chart engine stopped (" + err.message + "); starting a fresh instance.");
    window.Heluo = Heluo.fresh();
    var shown = current;
    current = null;
    if (shown) {
      chartsEl.textContent = "";
      try { show(Heluo.parseDataset(shown.bytes), shown.bytes, shown.label); } catch (e) { console.error(e); }
    }
  }

  function fail(err, name) {
    var trapped = err instanceof WebAssembly.RuntimeError;
    if (trapped) recoverFromTrap(err);
    var detail = trapped
      ? "The chart engine hit an internal error on this file and was restarted; the charts shown before are kept. Please report the file."
      : (err && err.message) || String(err);
    showAlert("无法载入 “" + name + "”：" + detail);
  }

  /* Parses and shows `bytes`. On any error the charts already shown stay. */
  function load(bytes, name, label) {
    var dataset;
    try {
      dataset = Heluo.parseDataset(bytes);
      show(dataset, bytes, label);
      clearAlert();
    } catch (err) {
      if (dataset && !(err instanceof WebAssembly.RuntimeError)) dataset.free();
      fail(err, name);
    }
  }

  function loadFile(file) {
    if (!file) return;
    if (file.size > Heluo.maxFileBytes()) {
      /* Refused before reading a byte. */
      fail(new Error(Heluo.tooLargeMessage(file.size)), file.name);
      return;
    }
    file.arrayBuffer().then(function (buffer) {
      load(new Uint8Array(buffer), file.name, "文件：" + file.name);
    }, function (err) {
      fail(err, file.name);
    });
  }

  /* Builds the new charts first, then swaps them in, so a failure midway
     leaves the old ones untouched. */
  function show(dataset, bytes, label) {
    var width = chartWidth();
    var built = [];
    try {
      dataset.charts.forEach(function (kind) { built.push(buildChart(dataset, kind, width)); });
    } catch (err) {
      built.forEach(function (c) { c.view.free(); });
      throw err;
    }
    if (current) {
      current.charts.forEach(function (c) { c.view.free(); });
      current.dataset.free();
    }
    chartsEl.textContent = "";
    built.forEach(function (c) { chartsEl.appendChild(c.figure); });
    current = { bytes: bytes, label: label, dataset: dataset, charts: built };
    $("dataset-label").textContent = label;
    $("dataset-title").textContent = dataset.title || "";
    $("dataset-subtitle").textContent = dataset.subtitle || "";
    var note = [dataset.note, dataset.source && "来源：" + dataset.source].filter(Boolean).join(" ");
    $("dataset-note").textContent = note;
    document.documentElement.lang = dataset.locale;
    /* The width may differ once the old charts are gone (a scrollbar); settle it. */
    resizeAll();
    document.documentElement.setAttribute("data-heluo", "ready");
  }

  function buildChart(dataset, kind, width) {
    var n = ++figureCount;
    var figure = el("figure", "chart chart-" + kind);
    var caption = el("figcaption", "sr-only");
    caption.id = "chart-title-" + n;
    figure.setAttribute("aria-labelledby", caption.id);
    var stage = el("div", "stage");
    var base = el("canvas", "base");
    var overlay = el("canvas", "overlay");
    overlay.setAttribute("aria-hidden", "true");
    var tip = el("div", "tooltip");
    tip.setAttribute("role", "tooltip");
    tip.id = "chart-tip-" + n;
    tip.hidden = true;
    stage.append(base, overlay, tip);
    var view = new Heluo.ChartView(dataset, kind, base, overlay, width, scale());
    var chart = { view: view, kind: kind, figure: figure, stage: stage, base: base, overlay: overlay, tip: tip };
    caption.textContent = view.title;
    base.setAttribute("role", "img");
    base.setAttribute("aria-label", view.summary);
    base.tabIndex = 0;
    setHeight(chart, view.height);
    figure.append(caption, stage);
    figure.appendChild(buildControls(chart));
    chart.tableBox = el("div", "table-box sr-only");
    figure.appendChild(chart.tableBox);
    fillTable(chart);
    wirePointer(chart);
    return chart;
  }

  function setHeight(chart, height) {
    chart.base.style.height = height + "px";
    chart.overlay.style.height = height + "px";
  }

  function buildControls(chart) {
    var bar = el("div", "chart-controls");
    if (chart.kind === "ranking") {
      var counts = chart.view.rankingCounts();
      if (counts[0] > 0) {
        var total = counts[0] + 15;
        var all = false;
        var toggle = el("button", "show-all", "显示全部 " + total + " 个村");
        toggle.type = "button";
        toggle.addEventListener("click", function () {
          all = !all;
          setHeight(chart, chart.view.setShowAll(all));
          toggle.textContent = all ? "只显示前 15 名" : "显示全部 " + total + " 个村";
          fillTable(chart);
        });
        bar.appendChild(toggle);
      }
    }
    var tableToggle = el("button", "show-table", "显示数据表");
    tableToggle.type = "button";
    tableToggle.addEventListener("click", function () {
      var hidden = chart.tableBox.classList.toggle("sr-only");
      tableToggle.textContent = hidden ? "显示数据表" : "隐藏数据表";
    });
    bar.appendChild(tableToggle);
    return bar;
  }

  function fillTable(chart) {
    var data = chart.view.table();
    var table = el("table", "data");
    table.appendChild(el("caption", null, data.caption));
    var head = el("tr");
    data.columns.forEach(function (c) {
      var th = el("th", null, c);
      th.scope = "col";
      head.appendChild(th);
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    data.rows.forEach(function (row) {
      var tr = el("tr");
      row.forEach(function (cell, i) {
        tr.appendChild(el("td", i > 0 && /^[-\d.,]/.test(cell) ? "num" : null, cell));
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    chart.tableBox.textContent = "";
    chart.tableBox.appendChild(table);
  }

  function showTip(chart, tip) {
    var box = chart.tip;
    if (!tip) {
      box.hidden = true;
      chart.base.removeAttribute("aria-describedby");
      return;
    }
    box.textContent = "";
    box.appendChild(el("div", "heading", tip.heading));
    tip.rows.forEach(function (r) {
      var row = el("div", "row");
      var label = el("span", "label");
      if (r.color) {
        var sw = el("span", "swatch");
        sw.style.background = r.color;
        label.appendChild(sw);
      }
      label.appendChild(document.createTextNode(r.label));
      row.append(label, el("span", "value", r.value));
      box.appendChild(row);
    });
    box.hidden = false;
    var stageW = chart.stage.clientWidth;
    var left = tip.x + 14;
    if (left + box.offsetWidth > stageW) left = Math.max(0, tip.x - 14 - box.offsetWidth);
    var top = Math.max(0, tip.y - box.offsetHeight - 10);
    box.style.left = left + "px";
    box.style.top = top + "px";
    chart.base.setAttribute("aria-describedby", box.id);
  }

  function wirePointer(chart) {
    function at(event) {
      var rect = chart.base.getBoundingClientRect();
      return [event.clientX - rect.left, event.clientY - rect.top];
    }
    function move(event) {
      var p = at(event);
      try { showTip(chart, chart.view.pointer(p[0], p[1])); } catch (err) { fail(err, "chart"); }
    }
    chart.stage.addEventListener("pointermove", move);
    chart.stage.addEventListener("pointerdown", move);
    chart.stage.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "touch") return; /* a tap keeps its tooltip */
      try { chart.view.leave(); } catch (err) { fail(err, "chart"); }
      showTip(chart, null);
    });
  }

  var lastWidth = 0;
  var lastScale = 0;
  function resizeAll() {
    if (!current) return;
    var width = chartWidth();
    lastWidth = width;
    lastScale = scale();
    current.charts.forEach(function (chart) {
      try {
        setHeight(chart, chart.view.resize(width, lastScale));
      } catch (err) { fail(err, "chart"); }
      showTip(chart, null);
    });
  }

  new ResizeObserver(function () {
    if (chartWidth() !== lastWidth || scale() !== lastScale) resizeAll();
  }).observe(chartsEl);

  /* devicePixelRatio changes with browser zoom and when the window moves to
     another screen; a media query on the current ratio tells us when. */
  (function watchScale() {
    var query = window.matchMedia("(resolution: " + scale() + "dppx)");
    query.addEventListener("change", function () { resizeAll(); watchScale(); }, { once: true });
  })();

  $("file-input").addEventListener("change", function (event) {
    loadFile(event.target.files[0]);
    event.target.value = "";
  });

  /* Dropping works anywhere on the page. */
  var dragDepth = 0;
  function hasFiles(event) {
    return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0;
  }
  document.addEventListener("dragenter", function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth++;
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragover", function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("dragleave", function () {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) document.body.classList.remove("dragging");
  });
  document.addEventListener("drop", function (event) {
    event.preventDefault();
    dragDepth = 0;
    document.body.classList.remove("dragging");
    if (event.dataTransfer && event.dataTransfer.files.length) loadFile(event.dataTransfer.files[0]);
  });

  var select = $("sample-select");
  HELUO_SAMPLES.forEach(function (sample, i) {
    var option = el("option", null, sample.label);
    option.value = String(i);
    select.appendChild(option);
  });
  function loadSample(i) {
    var sample = HELUO_SAMPLES[i];
    load(new TextEncoder().encode(sample.text), sample.file, sample.label);
  }
  select.addEventListener("change", function () { loadSample(Number(select.value)); });
  loadSample(0);
})();
