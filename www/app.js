/* Heluo page: what belongs to the page only — the file picker, drag and drop,
   the samples, the language switch, alerts and the dataset's header. Each
   chart is mounted with Heluo.mount (the DOM layer in pkg/heluo.js); every
   word comes from the core (Heluo.text), and data goes into the page as text
   (textContent), never as markup. */
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var chartsEl = $("charts");
  var alertEl = $("alert");
  var statusEl = $("page-status");
  var langSelect = $("lang-select");
  /* What is on screen: { bytes, label, name, dataset, charts: [handle] }. */
  var current = null;
  /* The reader's language choice ("" follows the dataset) and the page's language now. */
  var chosenLang = "";
  var pageLang = document.documentElement.lang || "zh-CN";
  /* Every load gets a number; a load that finishes after a newer one started is dropped. */
  var latestLoad = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function words(key, a, b) { return Heluo.text(pageLang, key, a || "", b || ""); }

  /* Puts the page's own words in its language: every element with data-ui. */
  function setPageLang(lang) {
    pageLang = lang;
    /* Only on change: every write restyles the page (and Chromium keeps a little of each). */
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    document.title = words("pageTitle");
    document.querySelectorAll("[data-ui]").forEach(function (node) {
      node.textContent = words(node.getAttribute("data-ui"));
    });
    Array.prototype.forEach.call($("sample-select").options, function (o) {
      var sample = HELUO_SAMPLES[Number(o.value)];
      o.textContent = lang === "en" ? sample.label_en : sample.label;
    });
  }

  /* An alert in the page's language; the core's detail (English) is marked as such. */
  function showAlert(prefixed, detail) {
    var parts = prefixed.split("\u0000");
    alertEl.textContent = "";
    alertEl.append(document.createTextNode(parts[0]));
    if (detail) {
      var span = el("span", null, detail);
      if (pageLang !== "en" && detail !== words("restarted")) span.lang = "en";
      alertEl.append(span);
    }
    alertEl.append(document.createTextNode(parts.slice(1).join("")));
    alertEl.hidden = false;
  }

  function clearAlert() {
    alertEl.textContent = "";
    alertEl.hidden = true;
  }

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
      try { show(Heluo.parseDataset(shown.bytes), shown.bytes, shown.label, shown.name); } catch (e) { console.error(e); }
    }
  }

  /* Shows an error. `name` is the file being loaded, if any; without one the
     error came from using a chart. */
  function fail(err, name) {
    var trapped = err instanceof WebAssembly.RuntimeError;
    if (trapped) recoverFromTrap(err);
    var detail = trapped ? words("restarted") : (err && err.message) || String(err);
    showAlert(name ? words("loadFailed", name, "\u0000") : words("chartFailed", "\u0000"), detail);
  }

  function tryLoad(bytes, label, name) {
    var dataset = Heluo.parseDataset(bytes);
    try {
      show(dataset, bytes, label, name);
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
      tryLoad(bytes, label, name);
      clearAlert();
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) return fail(err, name);
      recoverFromTrap(err);
      try {
        tryLoad(bytes, label, name);
        clearAlert();
      } catch (again) {
        fail(again, name);
      }
    }
  }

  /* Files from this size on are read in steps, with what is read of how much
     shown and a cancel button; smaller ones read in one go, faster than a
     reader could see a bar. */
  var PROGRESS_FROM = 4 * 1024 * 1024;
  var progressEl = $("load-progress");
  var progressBar = $("load-bar");
  var progressLabel = $("load-label");
  var cancelButton = $("load-cancel");
  /* Stops the load in progress, if any. */
  var cancelLoad = null;

  function megabytes(n) { return (n / 1048576).toFixed(1); }

  function hideProgress() {
    progressEl.hidden = true;
    cancelLoad = null;
  }

  cancelButton.addEventListener("click", function () { if (cancelLoad) cancelLoad(false); });

  /* Reads `file` chunk by chunk into one buffer, showing progress. Resolves
     with the bytes, or with null when the reader cancelled or chose
     something newer (`ticket` is no longer the latest load). */
  function readInSteps(file, ticket) {
    var bytes = new Uint8Array(file.size);
    var at = 0;
    var reader = file.stream().getReader();
    var stopped = false;
    progressBar.max = Math.max(1, file.size);
    progressBar.value = 0;
    progressLabel.textContent = words("reading", file.name, megabytes(0) + " / " + megabytes(file.size));
    cancelButton.hidden = false;
    progressEl.hidden = false;
    /* `quiet`: superseded by the reader's next choice rather than cancelled. */
    cancelLoad = function (quiet) {
      stopped = true;
      if (!quiet) latestLoad++;
      reader.cancel().catch(function () {});
      hideProgress();
      if (!quiet) statusEl.textContent = words("loadCancelled", file.name);
    };
    function step() {
      return reader.read().then(function (chunk) {
        if (stopped) return null;
        if (ticket !== latestLoad) { reader.cancel().catch(function () {}); return null; }
        if (chunk.done) return at === bytes.length ? bytes : bytes.subarray(0, at);
        if (at + chunk.value.length > bytes.length) {
          /* The file grew while it was read: keep all of it. */
          var larger = new Uint8Array(Math.max(bytes.length * 2, at + chunk.value.length));
          larger.set(bytes.subarray(0, at));
          bytes = larger;
        }
        bytes.set(chunk.value, at);
        at += chunk.value.length;
        progressBar.value = Math.min(at, progressBar.max);
        progressLabel.textContent = words("reading", file.name, megabytes(at) + " / " + megabytes(file.size));
        return step();
      });
    }
    return step();
  }

  /* Shows a dataset parsed elsewhere (a worker); on a trap, the bytes are
     loaded again on a fresh instance. */
  function showParsed(dataset, bytes, name) {
    try {
      show(dataset, bytes, null, name);
      clearAlert();
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) { dataset.free(); fail(err, name); return; }
      recoverFromTrap(err);
      load(bytes, name, null);
    }
  }

  /* `notice`: said after the file loads (several files dropped). */
  function loadFile(file, notice) {
    if (!file) return;
    if (cancelLoad) cancelLoad(true);
    var ticket = ++latestLoad;
    if (file.size > Heluo.maxFileBytes()) {
      /* Refused before reading a byte. */
      fail(new Error(Heluo.tooLargeMessage(file.size)), file.name);
      return;
    }
    var inSteps = file.size >= PROGRESS_FROM && typeof file.stream === "function";
    var whole = function () { return file.arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); }); };
    /* A stream that fails (Chromium refuses to stream a blob it holds in
       memory when memory is short) gets one more try, read whole. */
    var read = inSteps ? readInSteps(file, ticket).catch(function () {
      return ticket === latestLoad ? whole() : null;
    }) : whole();
    function finish(bytes) {
      if (ticket !== latestLoad) return; /* the reader has chosen something newer */
      if (inSteps) hideProgress();
      load(bytes, file.name, null);
      if (notice && alertEl.hidden) { alertEl.textContent = notice; alertEl.hidden = false; }
    }
    read.then(function (bytes) {
      if (!bytes || ticket !== latestLoad) return;
      if (!inSteps) return finish(bytes);
      progressLabel.textContent = words("drawing", file.name);
      progressBar.removeAttribute("value"); /* indeterminate: parsing has no byte count */
      /* Over http a worker parses, and the page stays responsive (and the
         load can still be cancelled); where no worker runs, the page parses. */
      var job = Heluo.parseInWorker(bytes);
      cancelLoad = function (quiet) {
        job.cancel();
        if (!quiet) latestLoad++;
        hideProgress();
        if (!quiet) statusEl.textContent = words("loadCancelled", file.name);
      };
      job.promise.then(function (dataset) {
        if (ticket !== latestLoad) { dataset.free(); return; }
        hideProgress();
        showParsed(dataset, bytes, file.name);
        if (notice && alertEl.hidden) { alertEl.textContent = notice; alertEl.hidden = false; }
      }, function (err) {
        if (ticket !== latestLoad) return;
        if (err) { hideProgress(); fail(err, file.name); return; }
        /* Parsing holds the main thread: no cancel then; let the words paint first. */
        cancelButton.hidden = true;
        requestAnimationFrame(function () { setTimeout(function () { finish(bytes); }, 0); });
      });
    }, function () {
      if (ticket !== latestLoad) return;
      if (inSteps) hideProgress();
      /* The browser's own words are English and technical: say it in the page's language. */
      showAlert(words("readFailed", file.name), "");
    });
  }

  /* Builds the new charts first, then swaps them in, so a failure midway
     leaves the old ones untouched. */
  function show(dataset, bytes, label, name) {
    var lang = chosenLang || dataset.lang;
    var width = chartWidth();
    var built = [];
    try {
      dataset.charts.forEach(function (kind) {
        built.push(Heluo.mount(chartsEl, dataset, kind, {
          width: width, lang: lang, theme: "light", onError: function (err) { fail(err); },
        }));
      });
    } catch (err) {
      built.forEach(function (c) { c.destroy(); });
      throw err;
    }
    if (current) {
      current.charts.forEach(function (c) { c.destroy(); });
      current.dataset.free();
    }
    chartsEl.textContent = "";
    built.forEach(function (c) { chartsEl.appendChild(c.figure); });
    current = { bytes: bytes, label: label, name: name, dataset: dataset, charts: built };
    setPageLang(lang);
    showHeader();
    /* The width may differ once the old charts are gone (a scrollbar); settle it. */
    built.forEach(function (c) { c.start(); });
    statusEl.textContent = words("loaded", dataset.title || name || "", dataset.charts.join(","));
    fillEmbed();
    document.documentElement.setAttribute("data-heluo", "ready");
  }

  function showHeader() {
    var d = current.dataset;
    $("dataset-label").textContent = current.label !== null ? current.label : words("fileLabel", current.name);
    $("dataset-title").textContent = d.title || "";
    $("dataset-subtitle").textContent = d.subtitle || "";
    $("dataset-title").title = d.title || "";
    $("dataset-subtitle").title = d.subtitle || "";
    var note = [d.note, d.source && words("source", d.source)].filter(Boolean).join(" ");
    $("dataset-note").textContent = note;
  }

  /* Embed code for the current dataset and view: the element form (data
     inline) and the iframe form (the data file next to embed.html). */
  function embedAttrs(chart) {
    return { chart: chart.kind, metric: chart.view.metricKey, theme: "auto", lang: chart.lang };
  }
  function fillEmbed() {
    if (!current) return;
    var elements = current.charts.map(function (c) { return Heluo.elementMarkup(current.bytes, embedAttrs(c)); });
    $("embed-element").value = "<script src=\"heluo.js\"></script>\n" + elements.join("\n");
    var file = current.name || "data.json";
    $("embed-iframe").value = current.charts.map(function (c, i) {
      var a = embedAttrs(c);
      var query = "src=" + encodeURIComponent(file) + "&chart=" + a.chart + (a.metric ? "&metric=" + encodeURIComponent(a.metric) : "") +
        "&theme=auto&lang=" + a.lang + "&id=heluo-" + (i + 1);
      return "<iframe id=\"heluo-" + (i + 1) + "\" title=\"" + c.view.title.replace(/[&<>"]/g, function (ch) { return "&#" + ch.charCodeAt(0) + ";"; }) +
        "\" src=\"embed.html?" + query.replace(/&/g, "&amp;") + "\" width=\"100%\" height=\"480\" frameborder=\"0\"></iframe>";
    }).join("\n") + "\n<script src=\"embed-host.js\"></script>";
  }
  $("embed-panel").addEventListener("toggle", function () { try { fillEmbed(); } catch (err) { fail(err); } });
  $("download-html").addEventListener("click", function () {
    if (!current) return;
    var shown = current;
    Heluo.standalone(shown.bytes, shown.charts.map(embedAttrs), shown.dataset.title || shown.name || "Heluo", pageLang).then(function (html) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([html], { type: "text/html" }));
      a.download = "heluo-chart.html";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    }, function (err) { fail(err); });
  });

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
    var dt = event.dataTransfer;
    if (!dt || !dt.files.length) return;
    var first = dt.files[0];
    var entry = dt.items && dt.items[0] && dt.items[0].webkitGetAsEntry ? dt.items[0].webkitGetAsEntry() : null;
    if (entry && entry.isDirectory) {
      latestLoad++;
      showAlert(words("dropFolder", first.name), "");
      return;
    }
    loadFile(first, dt.files.length > 1 ? words("dropMany", String(dt.files.length), first.name) : null);
  });

  var select = $("sample-select");
  HELUO_SAMPLES.forEach(function (sample, i) {
    var option = el("option", null, sample.label);
    option.value = String(i);
    select.appendChild(option);
  });
  function loadSample(i) {
    if (cancelLoad) cancelLoad(true);
    latestLoad++;
    var sample = HELUO_SAMPLES[i];
    load(new TextEncoder().encode(sample.text), sample.file, pageLang === "en" ? sample.label_en : sample.label);
  }
  select.addEventListener("change", function () { loadSample(Number(select.value)); });

  /* The language switch: the page and its charts in Chinese or English, or as the dataset says. */
  langSelect.addEventListener("change", function () {
    chosenLang = langSelect.value;
    if (!current) return;
    var shown = current;
    var lang = chosenLang || shown.dataset.lang;
    setPageLang(lang);
    try {
      /* Re-mount with the same dataset: the charts are rebuilt in the new language. */
      current = null;
      show(Heluo.parseDataset(shown.bytes), shown.bytes, shown.label === null ? null : (lang === "en" ? HELUO_SAMPLES[Number(select.value)].label_en : HELUO_SAMPLES[Number(select.value)].label), shown.name);
      shown.charts.forEach(function (c) { c.destroy(); });
      shown.dataset.free();
    } catch (err) { current = shown; fail(err); }
  });

  setPageLang(pageLang);
  loadSample(0);
})();
