/* Heluo DOM layer: one chart as readers use it — figure, canvases, tooltip,
   controls, keyboard, touch, live region, data table, export — around one
   engine (`ChartView`). It turns DOM events into engine actions and puts what
   the engine hands back (changed bits, controls, tooltip, words) into the page
   as text, never as markup. It keeps no chart state of its own: every chart
   has its own closure, so any number of charts live on one page.

   Bundled into pkg/heluo.js by scripts/bundle.py: `mountChart(api, …)` is
   called as `Heluo.mount(container, dataset, kind, options)`. */

/* The bits of ChartView.apply's result (see src/engine.rs, Changed::bits). */
var CHANGED = { marks: 1, overlay: 2, size: 4, controls: 8, table: 16, tooltip: 32, announcement: 64, transition: 128 };

var chartCount = 0;

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
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

/* Export file names are fixed ("heluo-trend.png"): no data text in a file name. */
function fileName(kind, ext) { return "heluo-" + kind + "." + ext; }

/**
 * Mounts one chart of `dataset` (a DatasetHandle of `api`) into `container`.
 * options: { width, scale, theme: "light"|"dark", lang: ""|"zh-CN"|"en",
 *   metric, top, title, controls: "full"|"none", onError(err) }.
 * Returns a handle: { figure, view, kind, lang, resize(), redraw(), apply(name, a, b, text), destroy() }.
 */
function mountChart(api, container, dataset, kind, options) {
  options = options || {};
  var n = ++chartCount;
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var onError = options.onError || function (err) { console.error(err); };
  var figure = el("figure", "chart chart-" + kind);
  var caption = el("figcaption", "sr-only");
  caption.id = "heluo-title-" + n;
  figure.setAttribute("aria-labelledby", caption.id);
  var stage = el("div", "stage");
  var base = el("canvas", "base");
  var overlay = el("canvas", "overlay");
  overlay.setAttribute("aria-hidden", "true");
  var tip = el("div", "tooltip");
  tip.setAttribute("role", "tooltip");
  tip.id = "heluo-tip-" + n;
  tip.hidden = true;
  stage.append(base, overlay, tip);
  var keysHelp = el("p", "keys-help");
  keysHelp.id = "heluo-keys-" + n;
  var live = el("p", "sr-only live");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("role", "status");
  var bar = el("div", "chart-controls");
  var tableBox = el("div", "table-box sr-only");

  /* The container's width; `options.width` only until the container has one. */
  function width() {
    return Math.max(1, Math.floor(container.clientWidth || options.width || 320));
  }
  function scale() { return window.devicePixelRatio || 1; }

  var view = new api.ChartView(dataset, kind, base, overlay, width(), scale(),
    options.theme || "light", options.lang || "", options.metric || "",
    options.top === undefined || options.top === null ? "" : String(options.top), options.title || "");
  var lang = view.lang;
  var words = function (key, a, b) { return api.text(lang, key, a || "", b || ""); };
  var lastWidth = width();
  var tipText = null;
  var controls = {}; /* control id -> { node, update(control) } */
  var controlShape = "";

  base.setAttribute("role", "img");
  base.tabIndex = 0;
  figure.append(caption, stage, keysHelp, live);
  if (options.controls !== "none") figure.appendChild(bar);
  figure.appendChild(tableBox);
  figure.setAttribute("lang", lang);

  function guard(fn) {
    return function (event) {
      try { return fn(event); } catch (err) { onError(err); }
    };
  }

  function setHeight() {
    var h = view.height + "px";
    base.style.height = h;
    overlay.style.height = h;
  }

  /* The figure's name and the canvas' description follow the view. */
  function describe() {
    caption.textContent = view.title;
    base.setAttribute("aria-label", view.description);
    base.setAttribute("aria-roledescription", view.role);
    keysHelp.textContent = view.keys;
    if (tip.hidden) base.setAttribute("aria-describedby", keysHelp.id);
  }

  /* What the engine says changed, put into the page. */
  function handle(bits) {
    if (bits === undefined) return;
    if (bits & (CHANGED.marks | CHANGED.size)) { setHeight(); describe(); }
    if (bits & CHANGED.controls) updateControls();
    if (bits & CHANGED.table) fillTable();
    if (bits & CHANGED.tooltip) showTip(view.tooltip());
    if (bits & CHANGED.announcement) live.textContent = view.announcement;
    if (bits & CHANGED.transition) animate();
  }

  function apply(name, a, b, text) {
    return handle(view.apply(name, a || 0, b || 0, text || ""));
  }

  /* Plays a pending re-sort over 450 ms, or ends it at once for readers who
     prefer reduced motion. */
  function animate() {
    if (reducedMotion.matches) { view.transition(1); return; }
    var start = performance.now();
    (function frame(now) {
      var t = Math.min(1, (now - start) / 450);
      var more;
      try { more = view.transition(t); } catch (err) { onError(err); return; }
      if (more) requestAnimationFrame(frame);
    })(start);
  }

  function button(className, text, onClick) {
    var b = el("button", className, text);
    b.type = "button";
    b.addEventListener("click", guard(onClick));
    return b;
  }

  function swatch(color) {
    var sw = el("span", "swatch");
    sw.style.background = color;
    return sw;
  }

  /* Builds the controls the engine asks for; on later changes only their
     state and labels are updated, so focus stays where the reader left it. */
  function buildControls(list) {
    bar.textContent = "";
    controls = {};
    list.forEach(function (c) {
      if (c.type === "legend") {
        var group = el("div", "legend");
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", c.label);
        var buttons = c.items.map(function (item) {
          var b = button(c.id, "", function () { apply("legend", item.index); });
          group.appendChild(b);
          return b;
        });
        bar.appendChild(group);
        controls[c.id] = function (c2) {
          c2.items.forEach(function (item, i) {
            var b = buttons[i];
            if (!b) return;
            b.textContent = "";
            b.append(swatch(item.color), document.createTextNode(item.label));
            b.setAttribute("aria-pressed", String(item.pressed));
          });
        };
      } else if (c.type === "select") {
        var label = el("label", "metric-pick", c.label + " ");
        var select = el("select", c.id);
        c.options.forEach(function (text, i) {
          var o = el("option", null, text);
          o.value = String(i);
          select.appendChild(o);
        });
        select.addEventListener("change", guard(function () { apply(c.action, Number(select.value)); }));
        label.appendChild(select);
        bar.appendChild(label);
        controls[c.id] = function (c2) { select.value = String(c2.selected); };
      } else if (c.type === "button") {
        var b = button(c.id, c.label, function () { apply(c.action); });
        bar.appendChild(b);
        controls[c.id] = function (c2) {
          b.textContent = c2.label;
          b.hidden = c2.hidden;
          if (c2.pressed !== null && c2.pressed !== undefined) b.setAttribute("aria-pressed", String(c2.pressed));
        };
      } else if (c.type === "search") {
        bar.appendChild(buildSearch(c));
      }
    });
    var tableToggle = button("show-table", words("showTable"), function () {
      var hidden = tableBox.classList.toggle("sr-only");
      tableToggle.textContent = words(hidden ? "showTable" : "hideTable");
      tableToggle.setAttribute("aria-expanded", String(!hidden));
    });
    tableToggle.setAttribute("aria-expanded", "false");
    bar.append(
      button("export-png", words("downloadPng"), exportPng),
      button("export-svg", words("downloadSvg"), function () {
        download(new Blob([view.svg()], { type: "image/svg+xml" }), fileName(kind, "svg"));
      }),
      tableToggle);
  }

  function updateControls() {
    var list = view.controls();
    var shape = list.map(function (c) { return c.type + ":" + (c.id || "") + ":" + (c.items ? c.items.length : "") + ":" + (c.options ? c.options.join("\u0001") : ""); }).join("|") + "|" + lang;
    if (shape !== controlShape) { controlShape = shape; buildControls(list); }
    list.forEach(function (c) {
      var update = controls[c.id || c.type];
      if (update) update(c);
    });
  }

  /* Find by name: typing counts matches, Enter pins the first and scrolls to it. */
  function buildSearch(c) {
    var form = el("form", "village-search");
    form.setAttribute("role", "search");
    var input = el("input");
    input.type = "search";
    input.placeholder = c.placeholder;
    input.setAttribute("aria-label", c.label);
    var status = el("span", "search-status");
    input.addEventListener("input", guard(function () { apply("search", 0, 0, input.value); }));
    form.addEventListener("submit", guard(function (event) {
      event.preventDefault();
      apply("pinSearch", 0, 0, input.value);
      var top = view.focusTop;
      if (top !== undefined && top !== null) {
        var y = base.getBoundingClientRect().top + window.scrollY + top - window.innerHeight / 3;
        window.scrollTo({ top: Math.max(0, y), behavior: reducedMotion.matches ? "auto" : "smooth" });
      }
    }));
    form.append(input, button("search-go", c.button, function () { form.requestSubmit(); }), status);
    controls.search = function (c2) { status.textContent = c2.status; };
    return form;
  }

  function exportPng() {
    var canvas = el("canvas");
    view.drawTo(canvas, 2);
    /* toDataURL, not toBlob: toBlob waits for the browser to be idle, which
       can take seconds on a busy page. */
    var data = atob(canvas.toDataURL("image/png").split(",")[1]);
    var bytes = new Uint8Array(data.length);
    for (var i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i);
    download(new Blob([bytes], { type: "image/png" }), fileName(kind, "png"));
  }

  function fillTable() {
    var data = view.table();
    var table = el("table", "data");
    table.appendChild(el("caption", null, data.caption));
    var head = el("tr");
    data.columns.forEach(function (c, i) {
      var th = el("th", data.numeric[i] ? "num" : null, c);
      th.scope = "col";
      head.appendChild(th);
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    data.rows.forEach(function (row) {
      var tr = el("tr");
      row.forEach(function (cell, i) { tr.appendChild(el("td", data.numeric[i] ? "num" : null, cell)); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    tableBox.textContent = "";
    tableBox.appendChild(table);
  }

  function showTip(t) {
    if (!t) {
      tip.hidden = true;
      tipText = null;
      base.setAttribute("aria-describedby", keysHelp.id);
      return;
    }
    /* The same tooltip as before (the pointer moved within one year or bar):
       keep the DOM, only move it. */
    if (tip.hidden || tipText !== t.announcement) {
      tipText = t.announcement;
      tip.textContent = "";
      tip.appendChild(el("div", "heading", t.heading));
      t.rows.forEach(function (r) {
        var row = el("div", "row");
        var label = el("span", "label");
        if (r.color) label.appendChild(swatch(r.color));
        label.appendChild(document.createTextNode(r.label));
        row.append(label, el("span", "value", r.value));
        tip.appendChild(row);
      });
    }
    tip.hidden = false;
    var stageW = stage.clientWidth;
    var left = t.x + 14;
    if (left + tip.offsetWidth > stageW) left = Math.max(0, t.x - 14 - tip.offsetWidth);
    tip.style.left = left + "px";
    tip.style.top = Math.max(0, t.y - tip.offsetHeight - 10) + "px";
    base.setAttribute("aria-describedby", tip.id);
  }

  /* Pointer: hover, tap, click (legend, pin), drag to zoom (trend). */
  var drag = null;
  function at(event) {
    var rect = base.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }
  stage.addEventListener("pointerdown", guard(function (event) {
    if (event.button !== 0) return;
    var p = at(event);
    apply("pointer", p[0], p[1]);
    drag = { x0: p[0], id: event.pointerId, moved: false };
    if (event.pointerType !== "touch") stage.setPointerCapture(event.pointerId);
  }));
  stage.addEventListener("pointermove", guard(function (event) {
    var p = at(event);
    if (drag && drag.id === event.pointerId && view.kind === "trend") {
      if (Math.abs(p[0] - drag.x0) > 5) drag.moved = true;
      if (drag.moved) { apply("drag", drag.x0, p[0]); return; }
    }
    apply("pointer", p[0], p[1]);
  }));
  stage.addEventListener("pointerup", guard(function (event) {
    if (!drag || drag.id !== event.pointerId) return;
    var d = drag;
    drag = null;
    var p = at(event);
    if (d.moved) {
      apply("zoomTo", d.x0, p[0]);
    } else {
      apply("click", p[0], p[1]);
      apply("pointer", p[0], p[1]);
    }
  }));
  stage.addEventListener("pointercancel", guard(function () {
    /* The browser took the gesture (a page scroll): drop the selection. */
    drag = null;
    apply("leave");
  }));
  stage.addEventListener("dblclick", guard(function () {
    if (view.kind === "trend") apply("resetZoom");
  }));
  stage.addEventListener("pointerleave", guard(function (event) {
    if (event.pointerType === "touch" || drag) return; /* a tap keeps its tooltip */
    apply("leave");
  }));
  /* A tap outside the chart hides its tooltip. */
  var outside = guard(function (event) {
    if (!stage.contains(event.target) && !tip.hidden) apply("leave");
  });
  document.addEventListener("pointerdown", outside);

  base.addEventListener("keydown", guard(function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var bits = view.key(event.key);
    if (bits === undefined) return;
    event.preventDefault();
    handle(bits);
  }));
  base.addEventListener("blur", guard(function () { handle(view.key("Escape")); }));
  /* Escape hides the tooltip wherever focus is inside the chart (WCAG 1.4.13). */
  figure.addEventListener("keydown", guard(function (event) {
    if (event.key === "Escape" && event.target !== base && !tip.hidden) apply("leave");
  }));

  function resize() {
    var w = width();
    lastWidth = w;
    handle(view.resize(w, scale()));
  }

  var observer = new ResizeObserver(guard(function () {
    if (width() !== lastWidth) resize();
  }));
  var scaleQuery = null;
  function watchScale() {
    scaleQuery = window.matchMedia("(resolution: " + scale() + "dppx)");
    scaleQuery.addEventListener("change", onScale, { once: true });
  }
  function onScale() { guard(resize)(); watchScale(); }

  setHeight();
  describe();
  updateControls();
  fillTable();

  var handle_ = {
    figure: figure,
    view: view,
    kind: kind,
    lang: lang,
    /* Starts following the container's size; call once the figure is in the page. */
    start: function () {
      observer.observe(container);
      watchScale();
      if (width() !== lastWidth) resize();
    },
    resize: resize,
    apply: apply,
    destroy: function () {
      observer.disconnect();
      if (scaleQuery) scaleQuery.removeEventListener("change", onScale);
      document.removeEventListener("pointerdown", outside);
      figure.remove();
      try { view.free(); } catch (err) { /* an instance that trapped frees nothing */ }
    },
  };
  return handle_;
}
