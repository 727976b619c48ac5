/* Heluo DOM layer: one chart as readers use it — figure, canvases, tooltip,
   controls, keyboard, touch, live region, data table, export — around one
   engine (`ChartView`). It turns DOM events into engine actions (plain
   objects tagged by `type`: `{type: "pointer", x, y}`) and puts what the
   engine hands back (what changed, controls, tooltip, words) into the page
   as text, never as markup. It keeps no chart state of its own: every chart
   has its own closure, so any number of charts live on one page.

   Bundled into pkg/heluo.js by scripts/bundle.py: `mountChart(api, …)` is
   called as `Heluo.mount(container, dataset, kind, options)`. */

var chartCount = 0;
var LEAVE = { type: "leave" };

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

/* Text in `node`, with each run in the other script marked with its language
   (WCAG 3.1.2): in an English chart, Chinese names ("洛龙区") get lang="zh-CN";
   in a Chinese one, Latin words ("Village", "PNG") get lang="en". Text only. */
var OTHER_SCRIPT = {
  en: [/[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef](?:[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\d.,% ]*[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])?/g, "zh-CN"],
  "zh-CN": [/[A-Za-z][A-Za-z'’-]*(?:[ .,&\d]+[A-Za-z][A-Za-z'’-]*)*/g, "en"],
};
function setText(node, text, lang) {
  var other = OTHER_SCRIPT[lang];
  node.textContent = "";
  var at = 0;
  text = text || "";
  if (other) {
    other[0].lastIndex = 0;
    for (var m; (m = other[0].exec(text));) {
      if (m.index > at) node.append(text.slice(at, m.index));
      var span = el("span", null, m[0]);
      span.lang = other[1];
      node.append(span);
      at = m.index + m[0].length;
    }
  }
  if (at < text.length) node.append(text.slice(at));
}

/* Export file names are fixed ("heluo-trend.png"): no data text in a file name. */
function fileName(kind, ext) { return "heluo-" + kind + "." + ext; }

/**
 * Mounts one chart of `dataset` (a DatasetHandle of `api`) into `container`.
 * options: { width, scale, theme: "light"|"dark", lang: ""|"zh-CN"|"en",
 *   metric, top, title, controls: "full"|"none", onError(err), onChange() }
 *   (onChange: the view changed, by the reader or by apply: a metric, a pin, a zoom…).
 * Returns a handle: { figure, view, kind, lang, resize(), apply(action), destroy() }
 * (`action` as ChartView.apply takes it: `{type: "metric", key: "income"}`).
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
  /* What a tooltip shows, the live region says: one text per event. */
  tip.setAttribute("aria-hidden", "true");
  tip.id = "heluo-tip-" + n;
  tip.hidden = true;
  var keysHelp = el("p", "keys-help");
  keysHelp.id = "heluo-keys-" + n;
  stage.append(base, overlay, tip, keysHelp);
  /* The summary as text, for browse mode (the canvas is an application). */
  var summary = el("p", "sr-only summary");
  summary.id = "heluo-summary-" + n;
  var live = el("p", "sr-only live");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("role", "status");
  var bar = el("div", "chart-controls");
  var tableBox = el("div", "table-box sr-only");
  tableBox.id = "heluo-table-" + n;
  /* Collapsed, the table is hidden from assistive technology too, as its
     toggle's aria-expanded="false" says. */
  tableBox.setAttribute("aria-hidden", "true");

  /* The container's width; `options.width` only until the container has one. */
  function width() {
    return Math.max(1, Math.floor(container.clientWidth || options.width || 320));
  }
  function scale() { return window.devicePixelRatio || 1; }

  var view = new api.ChartView(dataset, {
    chart: kind, canvas: base, overlay: overlay, width: width(), scale: scale(),
    theme: options.theme, lang: options.lang, metric: options.metric,
    top: options.top === null ? undefined : options.top, title: options.title, colors: options.colors,
  });
  var lang = view.lang;
  var words = function (key, a, b) { return api.text(lang, key, a || "", b || ""); };
  var lastWidth = width();
  var tipText = null;
  var controls = {}; /* control id -> { node, update(control) } */
  var controlShape = "";

  /* An application, not an img: screen readers pass the arrow keys through
     to it (README, Accessibility). Named by the summary, described by its keys. */
  base.setAttribute("role", "application");
  base.setAttribute("aria-labelledby", summary.id);
  base.setAttribute("aria-describedby", keysHelp.id);
  base.tabIndex = 0;
  var kindWord = words(kind === "ranking" ? "chartRanking" : "chartTrend");
  figure.append(caption, summary, stage, live);
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
    var d = view.description;
    setText(caption, view.title, lang);
    setText(summary, d, lang);
    base.setAttribute("aria-label", d);
    base.setAttribute("aria-roledescription", view.role);
    setText(keysHelp, view.keys, lang);
  }

  /* The control with keyboard focus, if in the bar: kept there, or handed to
     its neighbour or the canvas when it disappears (WCAG 2.4.3). */
  function focusables() {
    return Array.prototype.filter.call(bar.querySelectorAll("button, select, input"), function (c) {
      return c.getClientRects().length > 0;
    });
  }
  function focusedControl() {
    var active = figure.getRootNode().activeElement;
    if (!active || !bar.contains(active)) return null;
    var list = focusables();
    var alike = function (c) { return c.className === active.className; };
    return { node: active, list: list, at: list.indexOf(active), alike: alike, nth: list.filter(alike).indexOf(active) };
  }
  function keepFocus(had) {
    var shown = function (c) { return c && c.isConnected && c.getClientRects().length > 0; };
    if (shown(had.node)) return;
    /* Rebuilt: the same kind of control; else the nearest one before it still shown. */
    var same = focusables().filter(had.alike);
    var next = same[Math.min(had.nth, same.length - 1)];
    for (var i = had.at - 1; !next && i >= 0; i--) if (shown(had.list[i])) next = had.list[i];
    (next || focusables()[0] || base).focus();
  }

  /* What the engine says changed, put into the page. */
  function handle(changed) {
    if (!changed) return;
    var had = changed.controls && focusedControl();
    if (changed.marks || changed.size) { setHeight(); describe(); }
    if (changed.controls) updateControls();
    if (changed.table) fillTable();
    if (changed.tooltip) showTip(view.tooltip());
    if (changed.announcement) setText(live, view.announcement, lang);
    if (changed.transition) animate();
    if (had) keepFocus(had);
    if (options.onChange && (changed.marks || changed.controls)) options.onChange();
  }

  function apply(action) {
    return handle(view.apply(action));
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

  /* A group's shape in its colour, as drawn beside its bars. */
  function symbol(shape, color) {
    /* Drawn by CSS (::before) so the button's text stays the group's name. */
    var sy = el("span", "symbol");
    sy.setAttribute("data-symbol", shape);
    sy.style.color = color;
    sy.setAttribute("aria-hidden", "true");
    return sy;
  }

  /* Builds the controls the engine asks for; on later changes only their
     state and labels are updated, so focus stays where the reader left it. */
  function buildControls(list) {
    /* The search box keeps what the reader typed and its focus across a
       rebuild (a highlight adds a button). */
    var oldInput = bar.querySelector("input[type=search]");
    var typed = oldInput ? { value: oldInput.value, focused: oldInput.matches(":focus") } : null;
    bar.textContent = "";
    controls = {};
    list.forEach(function (c) {
      if (c.type === "legend") {
        var group = el("div", "legend");
        /* A group named by anything but the chart's title (said once, by the figure). */
        if (c.label !== view.title) {
          group.setAttribute("role", "group");
          group.setAttribute("aria-label", c.label);
        }
        var buttons = c.items.map(function (item) {
          var b = button(c.id, "", function () { apply(item.action); });
          group.appendChild(b);
          return b;
        });
        bar.appendChild(group);
        controls[c.id] = function (c2) {
          c2.items.forEach(function (item, i) {
            var b = buttons[i];
            if (!b) return;
            b.textContent = "";
            var name = el("span");
            setText(name, item.label, lang);
            b.append(item.symbol ? symbol(item.symbol, item.color) : swatch(item.color), name);
            b.setAttribute("aria-pressed", String(item.pressed));
          });
        };
      } else if (c.type === "select") {
        var label = el("label", "metric-pick", c.label + " ");
        var select = el("select", c.id);
        c.options.forEach(function (choice, i) {
          var o = el("option", null, choice.label);
          o.value = String(i);
          select.appendChild(o);
        });
        select.addEventListener("change", guard(function () {
          var choice = c.options[Number(select.value)];
          if (choice) apply(choice.action);
        }));
        label.appendChild(select);
        bar.appendChild(label);
        controls[c.id] = function (c2) { select.value = String(c2.selected); };
      } else if (c.type === "button") {
        var b = button(c.id, c.label, function () { if (!b.hasAttribute("aria-disabled")) apply(c.action); });
        bar.appendChild(b);
        controls[c.id] = function (c2) {
          b.textContent = c2.label;
          b.hidden = c2.hidden;
          /* Able to do nothing more: it says so, and keeps its place and focus. */
          if (c2.disabled) b.setAttribute("aria-disabled", "true");
          else b.removeAttribute("aria-disabled");
          if (c2.pressed !== null && c2.pressed !== undefined) b.setAttribute("aria-pressed", String(c2.pressed));
        };
      } else if (c.type === "search") {
        bar.appendChild(buildSearch(c));
        var input = bar.querySelector("input[type=search]");
        if (typed && input) {
          input.value = typed.value;
          if (typed.focused) input.focus();
        }
      }
    });
    /* Named for their chart: "下载 PNG（趋势图）" tells the two charts' apart. */
    var named = function (b, key) {
      setText(b, words(key), lang);
      b.setAttribute("aria-label", words("withUnit", words(key), kindWord));
      return b;
    };
    var tableToggle = button("show-table", "", function () {
      var hidden = tableBox.classList.toggle("sr-only");
      named(tableToggle, hidden ? "showTable" : "hideTable");
      tableToggle.setAttribute("aria-expanded", String(!hidden));
      if (hidden) tableBox.setAttribute("aria-hidden", "true");
      else tableBox.removeAttribute("aria-hidden");
      /* Shown, the table may scroll sideways inside its box: the box is then a
         region named by the table's caption that the keyboard can reach and
         scroll (WCAG 2.1.1; axe: scrollable-region-focusable). Hidden, it is
         no tab stop and no landmark. */
      if (hidden) {
        tableBox.removeAttribute("role");
        tableBox.removeAttribute("aria-labelledby");
        tableBox.removeAttribute("tabindex");
      } else {
        tableBox.setAttribute("role", "region");
        tableBox.setAttribute("aria-labelledby", tableBox.id + "-caption");
        tableBox.tabIndex = 0;
      }
    });
    named(tableToggle, tableBox.classList.contains("sr-only") ? "showTable" : "hideTable");
    tableToggle.setAttribute("aria-expanded", String(!tableBox.classList.contains("sr-only")));
    tableToggle.setAttribute("aria-controls", tableBox.id);
    bar.append(
      named(button("export-png", "", exportPng), "downloadPng"),
      named(button("export-svg", "", function () {
        download(new Blob([view.svg()], { type: "image/svg+xml" }), fileName(kind, "svg"));
      }), "downloadSvg"),
      tableToggle);
  }

  function updateControls() {
    var list = view.controls();
    var shape = list.map(function (c) { return c.type + ":" + (c.id || "") + ":" + (c.items ? c.items.length : "") + ":" + (c.options ? c.options.map(function (o) { return o.label; }).join("\u0001") : ""); }).join("|") + "|" + lang;
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
    /* A visible label, not only the placeholder (WCAG 3.3.2). */
    input.id = "heluo-search-" + n;
    var searchLabel = el("label", "search-label", c.label);
    searchLabel.htmlFor = input.id;
    var status = el("span", "search-status");
    status.setAttribute("role", "status");
    input.addEventListener("input", guard(function () { apply({ type: "search", text: input.value }); }));
    form.addEventListener("submit", guard(function (event) {
      event.preventDefault();
      apply({ type: "pinSearch", text: input.value });
      var top = view.focusTop;
      if (top !== undefined && top !== null) {
        var y = base.getBoundingClientRect().top + window.scrollY + top - window.innerHeight / 3;
        window.scrollTo({ top: Math.max(0, y), behavior: reducedMotion.matches ? "auto" : "smooth" });
      }
    }));
    form.append(searchLabel, input, button("search-go", c.button, function () { form.requestSubmit(); }), status);
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
    var tableCaption = el("caption");
    setText(tableCaption, data.caption, lang);
    tableCaption.id = tableBox.id + "-caption";
    table.appendChild(tableCaption);
    var head = el("tr");
    data.columns.forEach(function (c, i) {
      var th = el("th", data.numeric[i] ? "num" : null);
      setText(th, c, lang);
      th.scope = "col";
      head.appendChild(th);
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    data.rows.forEach(function (row) {
      var tr = el("tr");
      row.forEach(function (cell, i) {
        var td = el("td", data.numeric[i] ? "num" : null);
        setText(td, cell, lang);
        tr.appendChild(td);
      });
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
        /* A number (as the core writes it: "-1,234.5万元", "0.6%") never
           wraps; a text value (a group's name) may. */
        row.append(label, el("span", /^[-−+]?\d/.test(r.value) ? "value num" : "value", r.value));
        tip.appendChild(row);
      });
    }
    tip.hidden = false;
    var stageW = stage.clientWidth;
    var left = t.x + 14;
    if (left + tip.offsetWidth > stageW) left = Math.max(0, t.x - 14 - tip.offsetWidth);
    tip.style.left = left + "px";
    tip.style.top = Math.max(0, t.y - tip.offsetHeight - 10) + "px";
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
    apply({ type: "pointer", x: p[0], y: p[1] });
    drag = { x0: p[0], id: event.pointerId, moved: false };
    if (event.pointerType !== "touch") stage.setPointerCapture(event.pointerId);
  }));
  stage.addEventListener("pointermove", guard(function (event) {
    var p = at(event);
    if (drag && drag.id === event.pointerId && view.kind === "trend") {
      if (Math.abs(p[0] - drag.x0) > 5) drag.moved = true;
      if (drag.moved) { apply({ type: "drag", x0: drag.x0, x1: p[0] }); return; }
    }
    apply({ type: "pointer", x: p[0], y: p[1] });
  }));
  stage.addEventListener("pointerup", guard(function (event) {
    if (!drag || drag.id !== event.pointerId) return;
    var d = drag;
    drag = null;
    var p = at(event);
    if (d.moved) {
      apply({ type: "zoomTo", x0: d.x0, x1: p[0] });
    } else {
      apply({ type: "click", x: p[0], y: p[1] });
      apply({ type: "pointer", x: p[0], y: p[1] });
    }
  }));
  stage.addEventListener("pointercancel", guard(function () {
    /* The browser took the gesture (a page scroll): drop the selection. */
    drag = null;
    apply(LEAVE);
  }));
  stage.addEventListener("dblclick", guard(function () {
    if (view.kind === "trend") apply({ type: "resetZoom" });
  }));
  stage.addEventListener("pointerleave", guard(function (event) {
    if (event.pointerType === "touch" || drag) return; /* a tap keeps its tooltip */
    apply(LEAVE);
  }));
  /* A tap outside the chart hides its tooltip. */
  var outside = guard(function (event) {
    if (!stage.contains(event.target) && !tip.hidden) apply(LEAVE);
  });
  document.addEventListener("pointerdown", outside);
  /* Escape hides a hover tooltip wherever the focus is (WCAG 1.4.13). */
  var escape = guard(function (event) {
    if (event.key === "Escape" && !tip.hidden && event.target !== base) apply(LEAVE);
  });
  document.addEventListener("keydown", escape);

  base.addEventListener("keydown", guard(function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var changed = view.key(event.key);
    if (changed === undefined) return;
    event.preventDefault();
    handle(changed);
  }));
  base.addEventListener("blur", guard(function () { handle(view.key("Escape")); }));


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

  /* Both themes print on white: a dark chart is redrawn light for printing. */
  var printQuery = window.matchMedia("print");
  var printed = false;
  var onPrint = guard(function (event) {
    var type = event && event.type;
    var printing = type === "beforeprint" ? true : type === "afterprint" ? false : printQuery.matches;
    if ((options.theme || "light") !== "dark" || printing === printed) return;
    printed = printing;
    apply({ type: "theme", theme: printing ? "light" : "dark" });
  });
  printQuery.addEventListener("change", onPrint);
  window.addEventListener("beforeprint", onPrint);
  window.addEventListener("afterprint", onPrint);

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
      document.removeEventListener("keydown", escape);
      printQuery.removeEventListener("change", onPrint);
      window.removeEventListener("beforeprint", onPrint);
      window.removeEventListener("afterprint", onPrint);
      figure.remove();
      try { view.free(); } catch (err) { /* an instance that trapped frees nothing */ }
    },
  };
  return handle_;
}

/* ------------------------------------------------------------------------
   Embedding: Heluo.render(target, data, options) and <heluo-chart>.
   Both mount the same chart as above; nothing a reader sees is written twice. */

/* Bytes from text, bytes or a plain object. */
function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (typeof data === "string") return new TextEncoder().encode(data);
  return new TextEncoder().encode(JSON.stringify(data));
}

var THEMES = ["light", "dark", "auto"];
var CONTROLS = ["full", "none"];
var FOOTERS = ["full", "none"];
var darkQuery = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;

/* Checks the options only the DOM layer reads (theme "auto", controls,
   lang); the engine checks the rest (chart, metric, top) with the same wording.
   Throws an Error naming the attribute and what it allows. */
function checkOptions(o) {
  function bad(name, value, allowed) {
    return new Error(name + "=\"" + value + "\" is not allowed: use " + allowed);
  }
  if (o.theme && THEMES.indexOf(o.theme) < 0) throw bad("theme", o.theme, "\"light\", \"dark\" or \"auto\"");
  if (o.controls && CONTROLS.indexOf(o.controls) < 0) throw bad("controls", o.controls, "\"full\" or \"none\"");
  if (o.footer && FOOTERS.indexOf(o.footer) < 0) throw bad("footer", o.footer, "\"full\" or \"none\"");
  if (o.lang && !/^(zh|en)([-_].*)?$/i.test(o.lang)) throw bad("lang", o.lang, "\"zh-CN\" or \"en\"");
}

/* Light unless the host says otherwise: "auto" follows the color-scheme the
   host page declares (CSS color-scheme on `node` or <meta name="color-scheme">),
   and the reader's setting only where the page supports both. */
function resolvedTheme(theme, node) {
  if (theme !== "auto") return theme === "dark" ? "dark" : "light";
  var scheme = "";
  try { scheme = node && typeof getComputedStyle === "function" ? getComputedStyle(node).colorScheme || "" : ""; } catch (err) { scheme = ""; }
  if (!/dark|light/.test(scheme) && typeof document !== "undefined") {
    var meta = document.querySelector('meta[name="color-scheme"]');
    scheme = meta ? meta.content : "";
  }
  if (!/dark/.test(scheme)) return "light";
  if (!/light/.test(scheme)) return "dark";
  return darkQuery && darkQuery.matches ? "dark" : "light";
}

/* Messages of the embedding layer, [zh, en]: they must be said even where the
   engine (and its texts) cannot run. */
var SAY = {
  "wasm-blocked": ["图表需要网站的内容安全策略（Content-Security-Policy）在 script-src 中允许 'wasm-unsafe-eval'；用 iframe 嵌入则文章页的策略无需改动。",
    "The chart needs 'wasm-unsafe-eval' in the site's Content-Security-Policy (script-src); the iframe embed needs no change to the article's policy."],
  "wasm-unsupported": ["这个浏览器不能运行 WebAssembly，无法绘图。", "This browser cannot run WebAssembly: no chart."],
  "no-target": ["Heluo.render：没有放图表的元素（{0}）", "Heluo.render: no element for the chart ({0})"],
  detached: ["Heluo.render：元素不在页面中", "Heluo.render: the element is not in the page"],
  "no-data": ["<heluo-chart> 没有数据：需要 src 或 <script type=\"application/json\">", "<heluo-chart> has no data: give it src or a <script type=\"application/json\">"],
  "bad-src": ["src=\"{0}\" 不是网址", "src=\"{0}\" is not a URL"],
  "file-src": ["本机（file://）网页读不到 src=\"{0}\"：请把数据放进元素，或用独立网页", "a file:// page cannot read src=\"{0}\": put the data inside the element, or use the standalone file"],
  source: ["来源：{0}", "Source: {0}"],
  note: ["注：{0}", "Note: {0}"],
};
function say(zh, key, a) { return SAY[key][zh ? 0 : 1].replace("{0}", a); }

/* An Error with a machine-readable reason (heluo:error's detail.reason). */
function reasoned(zh, reason, a) {
  var err = new Error(say(zh, reason, a));
  err.reason = reason;
  return err;
}

/* Chinese when the options, the nearest lang attribute or the page say so
   (else `fallback`, e.g. the data's locale). */
function isZh(node, o, fallback) {
  var n = node && node.closest ? node.closest("[lang]") : null;
  var lang = (o && o.lang) || (n && n.getAttribute("lang")) || (typeof document !== "undefined" && document.documentElement.lang) || fallback || "";
  return /^zh/i.test(lang);
}

/* The data's words under a chart: title, subtitle, source, note (format v1's
   fields; `d` a DatasetHandle or the parsed JSON). Text, never markup. Under
   a drawn chart (`drawn`: its title) neither the source (the canvas' credit
   line) nor a title the chart already has. */
function footOf(d, zh, drawn) {
  /* A div: a <footer> outside sectioning content would be a contentinfo landmark per chart. */
  var foot = el("div", "chart-foot");
  [["foot-title", d.title !== drawn && d.title], ["foot-subtitle", d.subtitle], ["foot-source", !drawn && d.source && say(zh, "source", d.source)],
    ["foot-note", d.note && say(zh, "note", d.note)]].forEach(function (pair) {
    if (pair[1]) foot.appendChild(el("p", pair[0], pair[1]));
  });
  return foot.firstChild ? foot : null;
}

/* Format v1 read in JavaScript, for the fallback table only: one table per
   chart, as plain text cells. */
function fallbackTables(d, zh, kind) {
  var tables = [];
  function num(v) { return typeof v === "number" ? v.toLocaleString(zh ? "zh-CN" : "en") : v === null || v === undefined ? "" : String(v); }
  function table(caption, columns, rows) {
    var t = el("table", "data");
    t.appendChild(el("caption", null, caption));
    var head = el("tr");
    columns.forEach(function (c) { var th = el("th", null, c); th.scope = "col"; head.appendChild(th); });
    t.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    rows.forEach(function (row) {
      var tr = el("tr");
      row.forEach(function (cell) { tr.appendChild(el("td", typeof cell === "number" ? "num" : null, num(cell))); });
      body.appendChild(tr);
    });
    t.appendChild(body);
    tables.push(t);
  }
  var trend = kind !== "ranking" && d.trend;
  if (trend) {
    var series = Array.isArray(trend) ? [{ name: d.title || "", points: trend }] : trend.series || [{ name: trend.name || trend.title || "", points: trend.points || [] }];
    var years = Object.create(null);
    var values = series.map(function (s) {
      var byYear = Object.create(null);
      (s.points || []).forEach(function (p) {
        var year = Array.isArray(p) ? p[0] : p.year;
        byYear[year] = Array.isArray(p) ? p[1] : p.value !== undefined ? p.value : p.rate;
        years[year] = true;
      });
      return byYear;
    });
    var unit = trend.unit ? " (" + trend.unit + ")" : "";
    table((trend.title || d.title || "") + unit, [zh ? "年份" : "Year"].concat(series.map(function (s) { return s.name || ""; })),
      Object.keys(years).sort(function (a, b) { return a - b; }).map(function (y) {
        return [y].concat(values.map(function (v) { return v[y]; }));
      }));
  }
  var ranking = kind !== "trend" && d.ranking;
  if (ranking && Array.isArray(ranking.villages)) {
    var metrics = ranking.metrics || [];
    var groups = ranking.villages.some(function (v) { return v.group; });
    table(ranking.title || d.title || "", [ranking.item || (zh ? "名称" : "Name")].concat(groups ? [zh ? "分组" : "Group"] : [],
      metrics.map(function (m) { return (m.label || m.key) + (m.unit ? " (" + m.unit + ")" : ""); })),
    ranking.villages.map(function (v) {
      return [v.name].concat(groups ? [v.group || ""] : [], metrics.map(function (m) { return (v.values || {})[m.key]; }));
    }));
  }
  return tables;
}

/* Where the wasm cannot run: an image when one is given (fallback="chart.png"),
   the data as tables and the data's words, in `box`. */
function renderFallback(reason, box, data, options, ownAlert) {
  var d = null;
  try { d = data !== null && typeof data === "object" && !(data instanceof Uint8Array) && !(data instanceof ArrayBuffer) ? data : JSON.parse(decodeText(toBytes(data))); } catch (err) { d = null; }
  var zh = isZh(box, options, d && d.locale);
  var err = reasoned(zh, reason);
  var wrap = el("div", "fallback");
  if (ownAlert) {
    var alert = el("p", "alert", err.message);
    alert.setAttribute("role", "alert");
    wrap.appendChild(alert);
  }
  if (options.fallback) {
    var img = el("img");
    img.src = options.fallback;
    img.alt = (d && (d.title || (d.trend && d.trend.title) || (d.ranking && d.ranking.title))) || "";
    wrap.appendChild(img);
  }
  if (d && typeof d === "object") {
    fallbackTables(d, zh, options.chart).forEach(function (t) { wrap.appendChild(el("div", "table-box")).appendChild(t); });
    var foot = options.footer !== "none" && footOf(d, zh);
    if (foot) wrap.appendChild(foot);
  }
  box.textContent = "";
  box.appendChild(wrap);
  return err;
}

/* Where Heluo.render draws: inside <heluo-chart> (a .heluo-root) the target
   itself; elsewhere a box in its own shadow root with the element's
   stylesheet, so it looks the same and the host's CSS cannot break it. */
function chartBox(target) {
  if (target.closest(".heluo-root")) return { host: null, box: target };
  var host = document.createElement("heluo-render");
  host.style.setProperty("display", "block", "important");
  var root = host.attachShadow({ mode: "open" });
  var sheet = chartSheet();
  if (sheet) root.adoptedStyleSheets = [sheet];
  var box = el("div", "heluo-root");
  root.appendChild(box);
  target.appendChild(host);
  return { host: host, box: box };
}

/* Brand colours from the element's CSS custom properties, for the canvas. */
function brandColors(node) {
  if (!node || typeof getComputedStyle !== "function") return "";
  var style = getComputedStyle(node);
  var out = [];
  [["background", "--heluo-background"], ["text", "--heluo-text"], ["muted", "--heluo-muted"],
    ["accent", "--heluo-accent"], ["palette", "--heluo-palette"]].forEach(function (pair) {
    var v = style.getPropertyValue(pair[1]).trim();
    if (v) out.push(pair[0] + ":" + v.replace(/\s+/g, ""));
  });
  return out.join(";");
}

/* The table importer (pkg/heluo-tables.js, a second module next to heluo.js),
   loaded the first time data that is not format v1 arrives: the page's
   www/tables-loader.js when present, else a script added here. */
function tableImporter() {
  if (typeof loadTableImporter === "function") return loadTableImporter(typeof scriptUrl !== "undefined" ? scriptUrl || undefined : undefined);
  if (globalThis.HeluoTables) return Promise.resolve(globalThis.HeluoTables);
  if (tableImporter.pending) return tableImporter.pending;
  var base = (typeof scriptUrl !== "undefined" && scriptUrl) || (typeof document !== "undefined" ? document.baseURI : "");
  var url = new URL("heluo-tables.js", base).href;
  tableImporter.pending = new Promise(function (resolve, reject) {
    var script = document.createElement("script");
    script.src = url;
    script.onload = function () {
      if (globalThis.HeluoTables) return resolve(globalThis.HeluoTables);
      tableImporter.pending = null;
      reject(new Error("Heluo: the table importer could not be loaded from " + url));
    };
    script.onerror = function () {
      tableImporter.pending = null;
      script.remove();
      reject(new Error("Heluo: the table importer could not be loaded from " + url));
    };
    document.head.appendChild(script);
  });
  return tableImporter.pending;
}

/* Format v1's whole message for `bytes`, which parseDataset refused with
   `err`: the main module says only where a file fails (its words for every
   case would cost heluo.js 5 KB; src/error.rs), the table importer, which
   reads format v1 too, says what and how to fix it. Where the importer cannot
   load, `err` stands. */
function explainV1(err, bytes, lang) {
  if (!err || !bytes || err instanceof WebAssembly.RuntimeError) return Promise.resolve(err);
  return tableImporter().then(function (tables) { return explainedBy(tables, err, bytes, lang); }, function () { return err; });
}

function explainedBy(tables, err, bytes, lang) {
  var words = err && bytes && tables.formatV1Message ? tables.formatV1Message(bytes, lang) : null;
  return words ? new Error(words) : err;
}

/* A file's text: in `forced` (a TextDecoder label) when given, else by its
   byte order mark, else UTF-8, else GB18030 as Chinese Excel and WPS write
   it; with the encoding read and how many characters could not be (U+FFFD). */
function decodeBytes(bytes, forced) {
  var bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "utf-8"
    : bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "";
  var text, decoder;
  try { decoder = new TextDecoder(forced || bom || "utf-8", { fatal: !forced && !bom }); } catch (err) { decoder = new TextDecoder("utf-8"); }
  try { text = decoder.decode(bytes); } catch (err) { decoder = new TextDecoder("gb18030"); text = decoder.decode(bytes); }
  var replaced = 0;
  for (var i = text.indexOf("\ufffd"); i >= 0; i = text.indexOf("\ufffd", i + 1)) replaced++;
  return { text: text, encoding: decoder.encoding, bom: bom === decoder.encoding, replaced: replaced };
}

function decodeText(bytes, encoding) { return decodeBytes(bytes, encoding).text; }

/* A workbook (xlsx/ods: a zip; xls: an OLE compound file), by its first bytes. */
function isWorkbook(bytes) {
  return bytes.length >= 4 && ((bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
    (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0));
}

/* The mapping an embedder gives: a recipe (the importer's mapping with every
   decision explicit, as "Save as Heluo JSON" and the embed code keep it: an
   object or its JSON text), with the options or attributes time, name, value,
   group over it; undefined to infer everything. */
function mappingOf(o) {
  var m = {};
  var any = false;
  if (o.recipe) {
    var recipe = o.recipe;
    if (typeof recipe === "string") {
      try { recipe = JSON.parse(recipe); } catch (err) { throw new Error("recipe: not JSON (" + err.message + ")"); }
    }
    if (recipe === null || typeof recipe !== "object" || Array.isArray(recipe)) throw new Error("recipe: expected an object such as {\"time\": \"year\", \"value\": [\"rate\"]}");
    Object.assign(m, recipe);
    any = true;
  }
  ["time", "name", "value", "group"].forEach(function (k) {
    if (o[k] !== undefined && o[k] !== null) { m[k] = o[k]; any = true; }
  });
  return any ? m : undefined;
}

/* The language of messages from the importer. */
function importLang(o) {
  var lang = o.lang || (typeof document !== "undefined" && document.documentElement.lang) || "zh-CN";
  return /^en/i.test(lang) ? "en" : "zh-CN";
}

/**
 * Heluo.render(target, data, options): one chart in `target`.
 * data: format v1 as JSON text, bytes or a plain object; or a table: a JS
 * array of records or object of columns, CSV/TSV text or bytes, a workbook's
 * bytes. Tables go through the table importer (loaded on demand), so they
 * draw asynchronously: `handle.ready` resolves once the chart is drawn (or
 * rejects with the error, also given to options.onError).
 * options as <heluo-chart>'s attributes: { chart, metric, top, theme, lang,
 * title, controls, colors } and the mapping { time, name, value, group,
 * encoding, recipe } (encoding: a TextDecoder label for a table's bytes;
 * recipe: an import's whole mapping, as saved, replayed on this data).
 * Returns { ready, update(data), setOptions(options), toSVG(), toPNG(scale), destroy(), chart }.
 */
function renderChart(api, target, data, options) {
  options = Object.assign({}, options || {});
  if (!target || typeof target.appendChild !== "function") throw reasoned(isZh(null, options), "no-target", String(target));
  if (!target.isConnected) throw reasoned(isZh(null, options), "detached");
  var where = chartBox(target);
  var box = where.box;
  if (api.blocked) {
    var fallback = { chart: null, blocked: api.blocked,
      update: function (next, nextOptions) {
        if (nextOptions) options = Object.assign({}, nextOptions);
        var err = renderFallback(api.blocked, box, next, options, !!where.host);
        if (options.onError) options.onError(err);
        fallback.ready = Promise.reject(err);
        fallback.ready.catch(function () {});
        return fallback;
      },
      setOptions: function () { return fallback; },
      destroy: function () { if (where.host) where.host.remove(); else box.textContent = ""; } };
    return fallback.update(data);
  }
  var state = { dataset: null, chart: null, bytes: null, ticket: 0 };
  function draw(dataset, bytes, opts) {
    var chart;
    var theme = resolvedTheme(opts.theme, target);
    try {
      var kind = opts.chart || dataset.charts[0];
      chart = mountChart(api, box, dataset, kind, {
        theme: theme, lang: opts.lang, metric: opts.metric,
        top: opts.top, title: opts.title || opts["chart-title"], controls: opts.controls,
        colors: opts.colors !== undefined ? opts.colors : brandColors(target), onError: opts.onError,
      });
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) dataset.free();
      throw err;
    }
    /* The data's words under the chart, unless footer="none" says not. */
    var foot = opts.footer !== "none" && footOf(dataset, /^zh/i.test(chart.lang), chart.view.title);
    if (foot) chart.figure.appendChild(foot);
    if (where.host) where.host.setAttribute("data-theme", theme);
    /* Swap only once the new chart exists: a failure keeps the old one. */
    if (state.chart) state.chart.destroy();
    if (state.dataset) state.dataset.free();
    box.appendChild(chart.figure);
    chart.start();
    state.dataset = dataset;
    state.chart = chart;
    state.bytes = bytes;
    handle.chart = chart;
  }
  /* Format v1 draws at once; anything else is imported as a table. */
  function mount(data, opts) {
    checkOptions(opts);
    var ticket = ++state.ticket;
    var mapping = mappingOf(opts);
    var value = data !== null && typeof data === "object" && !(data instanceof Uint8Array) && !(data instanceof ArrayBuffer) ? data : null;
    var bytes = value && (Array.isArray(value) || mapping) ? null : toBytes(data);
    var v1Error = null;
    var lang = importLang(opts);
    if (bytes && !mapping && !isWorkbook(bytes)) {
      try {
        draw(api.parseDataset(bytes, lang), bytes, opts);
        return Promise.resolve(handle);
      } catch (err) {
        if (err instanceof WebAssembly.RuntimeError) throw err;
        v1Error = err;
      }
    }
    /* Where the importer cannot load (a standalone file's policy allows only
       its own script), format v1's message stands. */
    var ready = tableImporter().catch(function (err) { throw v1Error || err; }).then(function (tables) {
      if (ticket !== state.ticket) return handle;
      v1Error = explainedBy(tables, v1Error, bytes, lang);
      var imp;
      if (value && !bytes) imp = tables.Import.fromValue(value, mapping, lang);
      else if (isWorkbook(bytes)) {
        var sheetReader = typeof loadSheetReader === "function" ? loadSheetReader(typeof scriptUrl !== "undefined" ? scriptUrl || undefined : undefined) : Promise.reject(new Error("Heluo: the workbook reader (sheet-loader.js) is not on this page"));
        return sheetReader.then(function (reader) {
          if (ticket !== state.ticket) return handle;
          return finish(tables.Import.fromSheet(reader.read(bytes), mapping, lang));
        });
      } else {
        var encoding = opts.encoding || (mapping && mapping.encoding);
        var text = decodeText(bytes, encoding);
        try { imp = tables.Import.fromText(text, false, encoding ? Object.assign({}, mapping, { encoding: encoding }) : mapping, lang); } catch (err) { throw v1Error && /^\s*[[{]/.test(text) ? v1Error : err; }
      }
      return finish(imp);
    });
    function finish(imp) {
      try {
        if (imp.isFormatV1) throw v1Error || new Error("Heluo: not a table");
        var saved = new TextEncoder().encode(JSON.stringify(imp.formatV1()));
        draw(api.datasetFromSnapshot(imp.snapshot()), saved, opts);
        return handle;
      } finally {
        imp.free();
      }
    }
    ready.catch(function (err) { if (ticket === state.ticket && opts.onError) opts.onError(err); });
    return ready;
  }
  var handle = {
    chart: null,
    ready: null,
    /* `next` data; `nextOptions` (optional) replace the options, the mapping included. */
    update: function (next, nextOptions) {
      var opts = nextOptions ? Object.assign({}, nextOptions) : options;
      handle.ready = mount(next, opts);
      options = opts;
      return handle;
    },
    setOptions: function (next) {
      var merged = Object.assign({}, options, next || {});
      handle.ready = mount(state.bytes, Object.assign({}, merged, { time: undefined, name: undefined, value: undefined, group: undefined, encoding: undefined, recipe: undefined }));
      options = merged;
      return handle;
    },
    toSVG: function () { return state.chart.view.svg(); },
    toPNG: function (scale) {
      var canvas = document.createElement("canvas");
      state.chart.view.drawTo(canvas, scale || 2);
      return new Promise(function (resolve) { canvas.toBlob(resolve, "image/png"); });
    },
    destroy: function () {
      state.ticket++;
      if (state.chart) state.chart.destroy();
      if (state.dataset) state.dataset.free();
      state.chart = state.dataset = null;
      handle.chart = null;
      if (where.host) where.host.remove();
    },
  };
  handle.ready = mount(data, options);
  return handle;
}

var sharedSheet = null;
function chartSheet() {
  if (!sharedSheet && typeof CSSStyleSheet === "function") {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(HELUO_CSS);
    } catch (err) { sharedSheet = null; }
  }
  return sharedSheet;
}

var MAPPING_ATTRIBUTES = ["time", "name", "value", "group", "encoding", "recipe"];
var ATTRIBUTES = ["src", "chart", "metric", "top", "theme", "lang", "chart-title", "controls", "time", "name", "value", "group", "encoding", "recipe", "footer", "fallback"];

/* <heluo-chart src="data.json" chart="trend">: the chart in an open shadow
   root, initialised when it comes near the viewport and freed when removed.
   Defines the element once and returns its class (undefined where there is no
   DOM: a server rendering the page). */
function defineElement() {
  if (typeof customElements === "undefined" || typeof HTMLElement === "undefined") return undefined;
  if (customElements.get("heluo-chart")) return customElements.get("heluo-chart");
  var HeluoChart = function () {
    var self = Reflect.construct(HTMLElement, [], HeluoChart);
    var root = self.attachShadow({ mode: "open" });
    var sheet = chartSheet();
    if (sheet) root.adoptedStyleSheets = [sheet];
    self._box = document.createElement("div");
    self._box.className = "heluo-root";
    self._alert = el("div", "alert");
    self._alert.setAttribute("role", "alert");
    self._alert.hidden = true;
    self._charts = el("div", "charts");
    self._box.append(self._alert, self._charts);
    root.appendChild(self._box);
    self._render = null;
    self._load = 0;
    return self;
  };
  HeluoChart.prototype = Object.create(HTMLElement.prototype);
  HeluoChart.prototype.constructor = HeluoChart;
  HeluoChart.observedAttributes = ATTRIBUTES;

  HeluoChart.prototype.connectedCallback = function () {
    var self = this;
    self._connected = true;
    if (self._observer || self._render) return;
    if (typeof IntersectionObserver === "function") {
      self._observer = new IntersectionObserver(function (entries) {
        if (!entries.some(function (e) { return e.isIntersecting; })) return;
        self._observer.disconnect();
        self._observer = null;
        self._start();
      }, { rootMargin: "300px" });
      self._observer.observe(self);
    } else {
      self._start();
    }
    self._onScheme = function () { if (self.getAttribute("theme") === "auto") self._setTheme(); };
    if (darkQuery) darkQuery.addEventListener("change", self._onScheme);
    /* Inline data added or changed after the element is in the page (as
       frameworks do) redraws; so does src (attributeChangedCallback). */
    if (typeof MutationObserver === "function") {
      self._mutations = new MutationObserver(function () {
        if (self.hasAttribute("src") || self._observer) return;
        var script = self.querySelector('script[type="application/json"]');
        if (script && script.textContent !== self._inline) self._start();
      });
      self._mutations.observe(self, { childList: true, subtree: true, characterData: true });
    }
  };

  HeluoChart.prototype.disconnectedCallback = function () {
    this._connected = false;
    if (this._observer) { this._observer.disconnect(); this._observer = null; }
    if (this._abort) { this._abort.abort(); this._abort = null; }
    this._load++;
    if (darkQuery && this._onScheme) darkQuery.removeEventListener("change", this._onScheme);
    if (this._mutations) { this._mutations.disconnect(); this._mutations = null; }
    if (this._render) { this._render.destroy(); this._render = null; }
  };

  HeluoChart.prototype.attributeChangedCallback = function (name, old, value) {
    if (old === value || !this._connected || this._observer) return;
    if (name === "theme" && this._render) { this._setTheme(); return; }
    if (name === "src" || MAPPING_ATTRIBUTES.indexOf(name) >= 0 || !this._render) { this._start(); return; }
    this._apply(function (r, o) { r.setOptions(o); });
  };

  HeluoChart.prototype._options = function () {
    var o = {};
    var self = this;
    ATTRIBUTES.forEach(function (a) {
      var v = self.getAttribute(a);
      if (v !== null && a !== "src") o[a === "chart-title" ? "title" : a] = v;
    });
    o.theme = THEMES.indexOf(o.theme || "light") >= 0 ? resolvedTheme(o.theme || "light", self) : o.theme;
    o.onError = function (err) { self._fail(err); };
    return o;
  };

  HeluoChart.prototype._setTheme = function () {
    var theme = resolvedTheme(this.getAttribute("theme") || "light", this);
    this.setAttribute("data-theme", theme);
    this._apply(function (r, o) { r.setOptions(o); });
  };

  HeluoChart.prototype._apply = function (fn) {
    if (!this._render) return;
    try {
      fn(this._render, this._options());
      this._ok();
    } catch (err) { this._fail(err); }
  };

  HeluoChart.prototype._fail = function (err) {
    var message = (err && err.message) || String(err);
    this._alert.textContent = message;
    this._alert.hidden = false;
    /* detail: { message, reason } ("wasm-blocked", "no-data", "load-failed", …, else "error"). */
    this.dispatchEvent(new CustomEvent("heluo:error", { detail: { message: message, reason: (err && err.reason) || "error" }, bubbles: true, composed: true }));
  };

  HeluoChart.prototype._ok = function () {
    this._alert.hidden = true;
    this._alert.textContent = "";
    this.dispatchEvent(new CustomEvent("heluo:ready", { bubbles: true, composed: true }));
  };

  /* Reads the data (src or an inline <script type="application/json">) and
     shows it; a newer start wins over an older one still loading. */
  HeluoChart.prototype._start = function () {
    var self = this;
    var ticket = ++self._load;
    self.setAttribute("data-theme", resolvedTheme(self.getAttribute("theme") || "light", self));
    if (self._abort) { self._abort.abort(); self._abort = null; }
    var show = function (bytes) {
      if (ticket !== self._load || !self.isConnected) return;
      try {
        var api = globalThis.Heluo;
        if (self._render) self._render.update(bytes, self._options());
        else self._render = api.render(self._charts, bytes, self._options());
        /* A table draws once the importer has read it. */
        self._render.ready.then(function () { if (ticket === self._load) self._ok(); }, function () {});
      } catch (err) { self._fail(err); }
    };
    var src = self.getAttribute("src");
    /* Messages in the chart's language: its lang, else the page's. */
    var zh = isZh(self);
    if (!src) {
      var script = self.querySelector('script[type="application/json"]');
      if (!script) { self._fail(reasoned(zh, "no-data")); return; }
      self._inline = script.textContent;
      show(new TextEncoder().encode(script.textContent));
      return;
    }
    var url;
    try { url = new URL(src, document.baseURI); } catch (err) { self._fail(reasoned(zh, "bad-src", src)); return; }
    if (url.protocol === "file:") {
      self._fail(reasoned(zh, "file-src", src));
      return;
    }
    var abort = typeof AbortController === "function" ? new AbortController() : null;
    self._abort = abort;
    var cannot = function (why) {
      var err = new Error((zh ? "无法载入 " : "could not load ") + url.href + (zh ? "：" : ": ") + why);
      err.reason = "load-failed";
      return err;
    };
    var limit = 256 * 1024 * 1024;
    var tooLarge = zh ? "文件大于 256 MB" : "the file is larger than 256 MB";
    fetch(url.href, { signal: abort ? abort.signal : undefined, credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw cannot((zh ? "服务器回答 HTTP " : "HTTP ") + response.status + (response.statusText ? " " + response.statusText : ""));
      if (Number(response.headers.get("content-length")) > limit) throw cannot(tooLarge);
      return response.arrayBuffer();
    }, function (err) {
      if (err && err.name === "AbortError") throw err;
      throw cannot(zh ? "请求失败（离线，或被 CORS 或页面的内容安全策略拦截）" : "the request failed (offline, or blocked by CORS or the page's Content-Security-Policy)");
    }).then(function (buffer) {
      if (self._abort === abort) self._abort = null;
      if (buffer.byteLength > limit) throw cannot(tooLarge);
      show(new Uint8Array(buffer));
    }).catch(function (err) {
      if (err && err.name === "AbortError") return;
      if (ticket === self._load) self._fail(err);
    });
  };

  customElements.define("heluo-chart", HeluoChart);
  return HeluoChart;
}

/* ------------------------------------------------------------------------
   Embed code and the standalone HTML file. */

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
  });
}

/* Dataset bytes as JSON text that is safe inside <script type="application/json">:
   "<" only occurs inside JSON strings, where \u003c means the same. */
function jsonForHtml(bytes) {
  var text;
  try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (err) { text = new TextDecoder("gb18030").decode(bytes); }
  return text.replace(/^\ufeff/, "").replace(/</g, "\\u003c");
}

/** `<heluo-chart …><script type="application/json">…</script></heluo-chart>` for data and attributes. */
function elementMarkup(bytes, attrs) {
  var a = Object.keys(attrs).filter(function (k) { return attrs[k] !== undefined && attrs[k] !== null && attrs[k] !== ""; })
    .map(function (k) { return " " + k + "=\"" + escapeHtml(attrs[k]) + "\""; }).join("");
  return "<heluo-chart" + a + ">\n<script type=\"application/json\">\n" + jsonForHtml(bytes) + "\n</script>\n</heluo-chart>";
}

/**
 * One self-contained HTML file: this script and the data inline, charts as
 * <heluo-chart> elements, under a strict CSP (<meta>) that allows exactly this
 * script by its SHA-256. Works offline by double-click. Resolves to the text.
 */
function standaloneHtml(api, bytes, charts, title, lang) {
  /* "</script" cannot appear in an inline script; "<\/" means the same in JS. */
  var script = api.source().replace(/<\/(script)/gi, "<\\/$1");
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(script)).then(function (digest) {
    var hash = btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
    var body = charts.map(function (attrs) { return elementMarkup(bytes, attrs); }).join("\n");
    return "<!doctype html>\n<html lang=\"" + escapeHtml(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-" + hash +
      "' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:\">\n" +
      "<title>" + escapeHtml(title) + "</title>\n<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n" + body +
      "\n<script>" + script + "</script>\n</body>\n</html>\n";
  });
}

/* Parses `bytes` in a web worker made from this very script (pages served
   over http or https), so a large file does not hold the page while it is
   read: the worker posts back the dataset's snapshot, which takes a fraction
   of the parse to rebuild. Returns { promise, cancel }: the promise resolves
   with the dataset, rejects with the parse error (an Error), or rejects with
   null when no worker could start or run (file://, an inline script, a CSP
   that allows no worker, a trap in the worker): the caller parses on the
   page's thread then. */
function parseInWorker(api, url, bytes, lang) {
  return inWorker(url, { bytes: bytes, lang: lang }, function (data) {
    return api.datasetFromSnapshot(new Uint8Array(data.snapshot));
  });
}

/* Imports a table (CSV, TSV, JSON records…) in a worker made from this
   script, as parseInWorker parses format v1, so a large file does not hold
   the page: resolves with what the page shows of the import (the snapshot,
   format v1, the recipe, the columns, the summary in both languages, how the
   bytes were decoded), or with { v1: true } for format v1; rejects with the
   importer's error, or with null where no worker or importer runs. */
function importInWorker(url, bytes, lang, encoding) {
  return inWorker(url, { table: true, bytes: bytes, lang: lang, encoding: encoding }, function (data) { return data; });
}

/* A job in a worker made from this script (http/https only): `settle` turns
   its answer into the result. Copied, not transferred: the page keeps its
   bytes (to redraw, embed, or read them itself if the worker fails). */
function inWorker(url, message, settle) {
  var worker = null;
  try {
    if (url && /^https?:/.test(url) && typeof Worker === "function") worker = new Worker(url);
  } catch (e) {
    worker = null;
  }
  if (!worker) return { promise: Promise.reject(null), cancel: function () {} };
  var promise = new Promise(function (resolve, reject) {
    worker.onmessage = function (e) {
      worker.terminate();
      if (e.data.trap || e.data.none) return reject(null);
      if (e.data.error !== undefined) return reject(new Error(e.data.error));
      try {
        resolve(settle(e.data));
      } catch (err) {
        reject(null);
      }
    };
    worker.onerror = function (e) {
      if (e && e.preventDefault) e.preventDefault();
      worker.terminate();
      reject(null);
    };
  });
  worker.postMessage(message);
  return { promise: promise, cancel: function () { worker.terminate(); } };
}

/* In a worker made from this script: parses or imports what it is sent and
   posts back the dataset's snapshot (and an import's parts), or the error's
   message. */
function serveParses(api) {
  self.onmessage = function (e) {
    try {
      if (e.data.table) return serveImport(e.data);
      var dataset = api.parseDataset(e.data.bytes, e.data.lang);
      var snapshot = dataset.snapshot();
      dataset.free();
      self.postMessage({ snapshot: snapshot.buffer }, [snapshot.buffer]);
    } catch (err) {
      self.postMessage({ error: (err && err.message) || String(err), trap: err instanceof WebAssembly.RuntimeError });
    }
  };
}

function serveImport(d) {
  try {
    if (!globalThis.HeluoTables) importScripts(new URL("heluo-tables.js", self.location.href).href);
  } catch (err) {
    return self.postMessage({ none: true });
  }
  var decoded = decodeBytes(d.bytes, d.encoding);
  var imp = HeluoTables.Import.fromText(decoded.text, false, { encoding: decoded.encoding }, d.lang);
  try {
    if (imp.isFormatV1) return self.postMessage({ v1: true });
    var snapshot = imp.snapshot();
    self.postMessage({
      snapshot: snapshot.buffer, formatV1: imp.formatV1(), mapping: imp.mapping(), columns: imp.columns(),
      summaries: { "zh-CN": imp.summary("zh-CN"), en: imp.summary("en") },
      decoded: { encoding: decoded.encoding, bom: decoded.bom, replaced: decoded.replaced },
    }, [snapshot.buffer]);
  } finally {
    imp.free();
  }
}
