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

  /* Shows an error. `name` is the file being loaded, if any; without one the
     error came from using a chart. */
  function fail(err, name) {
    var trapped = err instanceof WebAssembly.RuntimeError;
    if (trapped) recoverFromTrap(err);
    var detail = trapped
      ? "The chart engine hit an internal error and was restarted; the charts shown before are kept. Please report what you did."
      : (err && err.message) || String(err);
    showAlert(name ? "无法载入 “" + name + "”：" + detail : "图表出错：" + detail);
  }

  function tryLoad(bytes, label) {
    var dataset = Heluo.parseDataset(bytes);
    try {
      show(dataset, bytes, label);
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) dataset.free();
      throw err;
    }
  }

  /* Parses and shows `bytes`. On any error the charts already shown stay. A
     trap may come from an instance an earlier call broke, so the file is tried
     once more on a fresh instance before it is blamed. */
  function load(bytes, name, label) {
    try {
      tryLoad(bytes, label);
      clearAlert();
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) return fail(err, name);
      recoverFromTrap(err);
      try {
        tryLoad(bytes, label);
        clearAlert();
      } catch (again) {
        fail(again, name);
      }
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
    /* Only on change: every write restyles the page (and Chromium keeps a little of each). */
    if (document.documentElement.lang !== dataset.locale) document.documentElement.lang = dataset.locale;
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
    var chart = { view: view, kind: kind, figure: figure, caption: caption, stage: stage, base: base, overlay: overlay, tip: tip };
    base.setAttribute("role", "img");
    describeChart(chart);
    base.tabIndex = 0;
    setHeight(chart, view.height);
    chart.live = el("p", "sr-only live");
    chart.live.setAttribute("aria-live", "polite");
    figure.append(caption, stage, chart.live);
    figure.appendChild(buildControls(chart));
    chart.tableBox = el("div", "table-box sr-only");
    figure.appendChild(chart.tableBox);
    fillTable(chart);
    wirePointer(chart);
    wireKeys(chart);
    return chart;
  }

  function announce(chart, text) { chart.live.textContent = text || ""; }

  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  /* Plays a pending re-sort (metric, order, filter) over 450 ms, or ends it at
     once for readers who prefer reduced motion. */
  function animate(chart) {
    if (reducedMotion.matches) { chart.view.transition(1); return; }
    var start = performance.now();
    (function frame(now) {
      var t = Math.min(1, (now - start) / 450);
      var more;
      try { more = chart.view.transition(t); } catch (err) { fail(err); return; }
      if (more) requestAnimationFrame(frame);
    })(start);
  }

  /* After a change of state: size, table, controls, and no stale tooltip. */
  /* `reorder`: the ranking's order or filter changed, so the table must be
     rebuilt (pins, legend toggles and zoom leave the data table as it is). */
  function refresh(chart, height, reorder) {
    setHeight(chart, height === undefined ? chart.view.height : height);
    describeChart(chart);
    if (reorder) fillTable(chart);
    chart.update();
  }

  /* The figure's name and the canvas' description follow the view (metric, filter). */
  function describeChart(chart) {
    chart.caption.textContent = chart.view.title;
    chart.base.setAttribute("aria-label", chart.view.summary);
  }

  function setHeight(chart, height) {
    chart.base.style.height = height + "px";
    chart.overlay.style.height = height + "px";
  }

  function button(className, text, onClick) {
    var b = el("button", className, text);
    b.type = "button";
    b.addEventListener("click", function () {
      try { onClick(); } catch (err) { fail(err); }
    });
    return b;
  }

  function download(blob, name) {
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  function buildControls(chart) {
    var view = chart.view;
    var bar = el("div", "chart-controls");
    var updaters = [];
    var legend = view.legend;
    var colors = view.legendColors;

    if (chart.kind === "trend") {
      if (legend.length > 1) {
        legend.forEach(function (name, i) {
          var b = button("legend-toggle", name, function () {
            view.setSeriesHidden(i, view.hiddenSeries.indexOf(i) < 0);
            refresh(chart);
          });
          var sw = el("span", "swatch");
          sw.style.background = colors[i];
          b.prepend(sw);
          updaters.push(function () { b.setAttribute("aria-pressed", String(view.hiddenSeries.indexOf(i) < 0)); });
          bar.appendChild(b);
        });
      }
      var reset = button("reset-zoom", "重置缩放", function () { view.resetZoom(); refresh(chart); });
      updaters.push(function () {
        var z = view.zoom;
        reset.hidden = z.length === 0;
        reset.textContent = z.length ? "重置缩放（当前 " + z[0] + "–" + z[1] + "）" : "重置缩放";
      });
      bar.appendChild(reset);
    } else {
      var metrics = view.metrics;
      if (metrics.length > 1) {
        var label = el("label", "metric-pick", "指标 ");
        var select = el("select", "metric-select");
        metrics.forEach(function (m, i) {
          var o = el("option", null, m);
          o.value = String(i);
          select.appendChild(o);
        });
        select.addEventListener("change", function () {
          try {
            refresh(chart, view.setMetric(Number(select.value)), true);
            animate(chart);
            announce(chart, "按" + metrics[view.metric] + "排序");
          } catch (err) { fail(err); }
        });
        updaters.push(function () { select.value = String(view.metric); });
        label.appendChild(select);
        bar.appendChild(label);
      }
      var order = button("sort-order", "", function () {
        refresh(chart, view.setDescending(!view.descending), true);
        animate(chart);
      });
      updaters.push(function () { order.textContent = view.descending ? "从大到小 ↓" : "从小到大 ↑"; });
      bar.appendChild(order);
      var all = false;
      var toggle = button("show-all", "", function () {
        all = !all;
        refresh(chart, view.setShowAll(all));
      });
      updaters.push(function () {
        var counts = view.rankingCounts();
        toggle.hidden = !all && counts[0] === 0;
        toggle.textContent = all ? "只显示前 15 名" : "显示全部（另有 " + counts[0] + " 个村）";
      });
      bar.appendChild(toggle);
      if (legend.length > 0) {
        legend.forEach(function (group, i) {
          var b = button("group-filter", group || "未分组", function () {
            refresh(chart, view.setGroup(view.group === group ? undefined : group), true);
            animate(chart);
          });
          var sw = el("span", "swatch");
          sw.style.background = colors[i];
          b.prepend(sw);
          updaters.push(function () { b.setAttribute("aria-pressed", String(view.group === group)); });
          bar.appendChild(b);
        });
      }
      bar.appendChild(buildSearch(chart));
    }

    bar.appendChild(button("export-png", "下载 PNG", function () {
      var canvas = el("canvas");
      view.drawTo(canvas, 2);
      /* toDataURL, not toBlob: toBlob waits for the browser to be idle, which
         can take seconds on a busy page. */
      var data = atob(canvas.toDataURL("image/png").split(",")[1]);
      var bytes = new Uint8Array(data.length);
      for (var i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i);
      download(new Blob([bytes], { type: "image/png" }), "heluo-" + chart.kind + ".png");
    }));
    bar.appendChild(button("export-svg", "下载 SVG", function () {
      download(new Blob([view.svg()], { type: "image/svg+xml" }), "heluo-" + chart.kind + ".svg");
    }));
    var tableToggle = button("show-table", "显示数据表", function () {
      var hidden = chart.tableBox.classList.toggle("sr-only");
      tableToggle.textContent = hidden ? "显示数据表" : "隐藏数据表";
    });
    bar.appendChild(tableToggle);
    chart.update = function () { updaters.forEach(function (u) { u(); }); };
    chart.update();
    return bar;
  }

  /* Finds villages by part of their name; Enter pins the first match and
     scrolls it into view. */
  function buildSearch(chart) {
    var view = chart.view;
    var form = el("form", "village-search");
    form.setAttribute("role", "search");
    var input = el("input");
    input.type = "search";
    input.placeholder = "查找村名";
    input.setAttribute("aria-label", "查找村名并标记");
    var status = el("span", "search-status");
    status.setAttribute("aria-live", "polite");
    input.addEventListener("input", function () {
      var q = input.value.trim();
      var found = q ? view.search(q) : [];
      status.textContent = q ? (found.length ? "找到 " + found.length + " 个" : "没有找到") : "";
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      try {
        var found = view.search(input.value);
        if (!found.length) { status.textContent = "没有找到"; return; }
        var village = found[0];
        if (view.pinned.indexOf(village) < 0) refresh(chart, view.togglePin(village));
        var top = view.rowTop(village);
        if (top === undefined && view.group !== undefined) {
          /* Filtered out by the group filter: show every group again. */
          refresh(chart, view.setGroup(undefined), true);
          top = view.rowTop(village);
        }
        var name = view.villageName(village);
        var said = top === undefined
          ? "已标记 " + name + "，但它没有“" + view.metrics[view.metric] + "”数据，不在图中"
          : "已标记 " + name;
        status.textContent = said;
        announce(chart, said);
        if (top !== undefined) {
          var y = chart.base.getBoundingClientRect().top + window.scrollY + top - window.innerHeight / 3;
          window.scrollTo({ top: Math.max(0, y), behavior: reducedMotion.matches ? "auto" : "smooth" });
        }
      } catch (err) { fail(err); }
    });
    form.append(input, button("search-go", "标记", function () { form.requestSubmit(); }), status);
    return form;
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
    /* The same tooltip as before (the pointer moved within one year or bar):
       keep the DOM, only move it. */
    if (box.hidden || chart.tipText !== tip.announcement) {
      chart.tipText = tip.announcement;
      fillTip(box, tip);
    }
    box.hidden = false;
    placeTip(chart, box, tip);
  }

  function fillTip(box, tip) {
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
  }

  function placeTip(chart, box, tip) {
    var stageW = chart.stage.clientWidth;
    var left = tip.x + 14;
    if (left + box.offsetWidth > stageW) left = Math.max(0, tip.x - 14 - box.offsetWidth);
    var top = Math.max(0, tip.y - box.offsetHeight - 10);
    box.style.left = left + "px";
    box.style.top = top + "px";
    chart.base.setAttribute("aria-describedby", box.id);
  }

  function wirePointer(chart) {
    var view = chart.view;
    var drag = null; /* {x0, id} while a zoom selection is being dragged */
    function at(event) {
      var rect = chart.base.getBoundingClientRect();
      return [event.clientX - rect.left, event.clientY - rect.top];
    }
    function hover(p) {
      var tip = view.pointer(p[0], p[1]);
      showTip(chart, tip);
      return tip;
    }
    var stage = chart.stage;
    stage.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      var p = at(event);
      try {
        hover(p);
        drag = { x0: p[0], y0: p[1], id: event.pointerId, moved: false };
        if (event.pointerType !== "touch") stage.setPointerCapture(event.pointerId);
      } catch (err) { fail(err); }
    });
    stage.addEventListener("pointermove", function (event) {
      var p = at(event);
      try {
        if (drag && drag.id === event.pointerId && chart.kind === "trend") {
          if (Math.abs(p[0] - drag.x0) > 5) drag.moved = true;
          if (drag.moved) { view.dragPreview(drag.x0, p[0]); showTip(chart, null); return; }
        }
        hover(p);
      } catch (err) { fail(err); }
    });
    stage.addEventListener("pointerup", function (event) {
      if (!drag || drag.id !== event.pointerId) return;
      var d = drag;
      drag = null;
      var p = at(event);
      try {
        if (d.moved) {
          if (view.zoomTo(d.x0, p[0])) announce(chart, "已放大到 " + view.zoom[0] + "–" + view.zoom[1] + " 年");
          refresh(chart);
        } else {
          var group = view.group;
          if (!view.click(p[0], p[1])) return;
          refresh(chart, undefined, view.group !== group);
          hover(p);
        }
      } catch (err) { fail(err); }
    });
    stage.addEventListener("pointercancel", function () {
      /* The browser took the gesture (a page scroll): drop the selection. */
      drag = null;
      try { view.leave(); } catch (err) { fail(err); }
      showTip(chart, null);
    });
    stage.addEventListener("dblclick", function () {
      try { if (view.resetZoom()) refresh(chart); } catch (err) { fail(err); }
    });
    stage.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "touch" || drag) return; /* a tap keeps its tooltip */
      try { view.leave(); } catch (err) { fail(err); }
      showTip(chart, null);
    });
  }

  /* A tap outside a chart hides that chart's tooltip. */
  document.addEventListener("pointerdown", function (event) {
    if (!current) return;
    current.charts.forEach(function (chart) {
      if (!chart.stage.contains(event.target) && !chart.tip.hidden) {
        try { chart.view.leave(); } catch (err) { fail(err); }
        showTip(chart, null);
      }
    });
  });

  function wireKeys(chart) {
    chart.base.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var pins = chart.view.pinned.length;
      var tip;
      try { tip = chart.view.key(event.key); } catch (err) { fail(err); return; }
      if (tip === undefined) return;
      event.preventDefault();
      if (chart.view.pinned.length !== pins) refresh(chart);
      showTip(chart, tip);
      announce(chart, tip ? tip.announcement : "");
    });
    chart.base.addEventListener("blur", function () {
      try { chart.view.key("Escape"); } catch (err) { fail(err); }
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
        /* Hover is where the pointer was on the old layout: drop it with its tooltip. */
        chart.view.leave();
        setHeight(chart, chart.view.resize(width, lastScale));
      } catch (err) { fail(err); }
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
