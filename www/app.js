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

  /* The page's own words (www/page-words.js, written from the core's text
     tables), filled by the core: a file name loses its bidi controls there. */
  function words(key, a, b) {
    var own = HELUO_PAGE_WORDS[/^en/i.test(pageLang) ? "en" : "zh-CN"][key];
    return own === undefined ? Heluo.text(pageLang, key, a || "", b || "") : Heluo.fillText(own, a || "", b || "");
  }

  /* The words of the table import (summary panel, paste, ?data=). They belong
     in the core's text tables (src/text) with the rest; until they move there
     they are kept here, in both languages. */
  var IMPORT_WORDS = {
    "zh-CN": {
      adjust: "调整", saveJson: "保存为 Heluo JSON", charts: "图表", trend: "趋势", ranking: "排名",
      shape: "表的形状", shapeLong: "长表（名称、时间、数值各一列）", shapeWide: "宽表（时间一列，每条线一列）",
      shapeTransposed: "转置的宽表（名称一列，每年一列）", shapeRecords: "记录（每行一个名称，没有时间）",
      time: "时间列", name: "名称列", group: "分组列", none: "（无）", values: "数值列", unit: "“{0}”的单位",
      slice: "“{0}”只取（留空：相加）", aggregates: "排名中不含汇总行（{0}）", year: "排名的年份",
      table: "工作表", tableN: "第 {0} 张表", columns: "各列的用途", notes: "说明", skipped: "跳过的单元格：{0} 个",
      skippedMore: "……另有 {0} 个", remapFailed: "无法这样调整：{0}", pasted: "粘贴的表格",
      dataFailed: "无法载入 {0}：{1}", fetchFailed: "请求失败（离线，或被浏览器拦截）",
      crossOrigin: "只能载入本网站上的文件，这个地址在另一个网站", fromDisk: "从本机打开的页面（file://）不能按地址载入文件，请把文件拖到页面上",
      httpStatus: "服务器回答 HTTP {0}", tooLarge: "文件大于 256 MB", badUrl: "不是一个网址",
      decoded: "{0}，{1} 个替换字符", bom: "（有 BOM）", garbled: "；文字若是乱码，请在“调整”里换一种编码",
      encoding: "文字编码", badEncoding: "按这种编码读出的是 Heluo JSON，不是表格", detect: "自动判断（BOM、UTF-8、GB18030）",
    },
    en: {
      adjust: "Adjust", saveJson: "Save as Heluo JSON", charts: "Charts", trend: "Trend", ranking: "Ranking",
      shape: "Table shape", shapeLong: "Long (one column each for name, time, value)", shapeWide: "Wide (a time column, one column per line)",
      shapeTransposed: "Transposed wide (a name column, one column per year)", shapeRecords: "Records (one name a row, no time)",
      time: "Time column", name: "Name column", group: "Group column", none: "(none)", values: "Value columns", unit: "Unit of “{0}”",
      slice: "Only rows where “{0}” is (empty: sum them)", aggregates: "Leave aggregates out of the ranking ({0})", year: "Year of the ranking",
      table: "Sheet", tableN: "Table {0}", columns: "What each column is", notes: "Notes", skipped: "Skipped cells: {0}",
      skippedMore: "… and {0} more", remapFailed: "Cannot adjust it so: {0}", pasted: "Pasted table",
      dataFailed: "Could not load {0}: {1}", fetchFailed: "the request failed (offline, or blocked by the browser)",
      crossOrigin: "only files on this site can be loaded, and this address is on another site", fromDisk: "a page opened from disk (file://) cannot load a file by its address: drop the file on the page instead",
      httpStatus: "the server answered HTTP {0}", tooLarge: "the file is larger than 256 MB", badUrl: "not a web address",
      decoded: "{0}, {1} replacement characters", bom: " (with a byte order mark)", garbled: "; if the text looks garbled, pick another encoding under Adjust",
      encoding: "Text encoding", badEncoding: "read in this encoding it is Heluo JSON, not a table", detect: "Decide (byte order mark, UTF-8, GB18030)",
    },
  };
  function importLang() { return pageLang === "en" ? "en" : "zh-CN"; }
  function ui(key, a, b) {
    return IMPORT_WORDS[importLang()][key].replace("{0}", a === undefined ? "" : a).replace("{1}", b === undefined ? "" : b);
  }

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
  function showAlert(prefixed, detail, localized) {
    var parts = prefixed.split("\u0000");
    alertEl.textContent = "";
    alertEl.append(document.createTextNode(parts[0]));
    if (detail) {
      var span = el("span", null, detail);
      if (pageLang !== "en" && detail !== words("restarted") && !localized) span.lang = "en";
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
      try { show(Heluo.parseDataset(shown.bytes, pageLang), shown.bytes, shown.label, shown.name, shown.imp); } catch (e) { console.error(e); }
    }
  }

  /* Shows an error. `name` is the file being loaded, if any; without one the
     error came from using a chart. */
  function fail(err, name, localized) {
    var trapped = err instanceof WebAssembly.RuntimeError;
    if (trapped) recoverFromTrap(err);
    var detail = trapped ? words("restarted") : (err && err.message) || String(err);
    showAlert(name ? words("loadFailed", name, "\u0000") : words("chartFailed", "\u0000"), detail, localized);
  }

  function tryLoad(bytes, label, name) {
    var dataset;
    try {
      dataset = Heluo.parseDataset(bytes, pageLang);
    } catch (err) {
      /* Format v1's message is in the page's language. */
      if (!(err instanceof WebAssembly.RuntimeError)) err.localized = true;
      throw err;
    }
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
  function load(bytes, name, label, how) {
    /* A table (a CSV, a workbook, pasted cells) goes straight to the
       importer: format v1 would fail on its first byte, and its message
       (Heluo.explain reads the whole file again) is not the one shown. */
    if (!mayBeJson(bytes, name)) return importTable(bytes, name, label, null, how || {});
    try {
      tryLoad(bytes, label, name);
      clearAlert();
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) return importTable(bytes, name, label, err, how || {});
      recoverFromTrap(err);
      try {
        tryLoad(bytes, label, name);
        clearAlert();
      } catch (again) {
        fail(again, name);
      }
    }
  }

  /* Whether `bytes` may be format v1: named .json, or JSON by its first
     character (after a byte order mark and blanks), or UTF-16 (which the
     main module decodes). */
  function mayBeJson(bytes, name) {
    if (/\.(json|geojson)$/i.test(name || "")) return true;
    var i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
    return bytes[i] === 0x7b || bytes[i] === 0x5b;
  }

  /* A workbook (xlsx/ods: a zip; xls: an OLE compound file), by its first bytes. */
  function isWorkbook(bytes) {
    return bytes.length >= 4 && ((bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
      (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0));
  }

  /* The encodings the reader can pick in the panel: whatever the browser's
     TextDecoder reads (no decoder of ours). */
  var ENCODINGS = [["utf-8", "UTF-8"], ["gb18030", "GB18030 / GBK"], ["big5", "Big5"], ["shift_jis", "Shift_JIS"],
    ["euc-kr", "EUC-KR"], ["utf-16le", "UTF-16LE"], ["utf-16be", "UTF-16BE"], ["windows-1252", "Windows-1252"]];

  /* Text of a file and how it was read: { text, encoding, bom, replaced }.
     `forced` (a TextDecoder label) is used as it is; otherwise the evidence
     decides: a byte order mark, then strict UTF-8, then GB18030 as Chinese
     Excel and WPS write it. `replaced` counts U+FFFD, the characters the
     bytes did not make. */
  function decodeText(bytes, forced) { return Heluo.decode(bytes, forced); }

  /* How a decoding reads in the summary: "GB18030，0 个替换字符". */
  function decodedText(d) {
    var known = ENCODINGS.filter(function (e) { return e[0] === d.encoding; })[0];
    var name = known ? known[1].split(" / ")[0] : d.encoding.toUpperCase();
    var text = ui("decoded", name, String(d.replaced)) + (d.bom ? ui("bom") : "");
    if (d.replaced && importLang() === "en" && d.replaced === 1) text = text.replace("characters", "character");
    return d.replaced ? text + ui("garbled") : text;
  }

  /* Bytes that are not format v1 (`v1Error` says why): read as a table by the
     importer (pkg/heluo-tables.js, loaded now if not yet; the workbook reader
     too for a workbook) and charted. A .json file (or JSON text) the importer
     cannot read either keeps format v1's message. `how`: { pasted, progress
     (hide the progress bar when done) }. */
  function importTable(bytes, name, label, v1Error, how) {
    /* The main module says only where format v1 fails; the importer says
       what and how to fix it (Heluo.explain), for the messages below. */
    if (v1Error && !how.explained) {
      var asked = latestLoad;
      return Heluo.explain(v1Error, bytes, importLang()).then(function (full) {
        full.localized = true;
        if (asked === latestLoad) return importTable(bytes, name, label, full, Object.assign({}, how, { explained: true }));
      });
    }
    var ticket = latestLoad;
    var workbook = isWorkbook(bytes);
    var decoded = workbook || how.pasted ? null : decodeText(bytes, how.encoding);
    var text = workbook ? "" : decoded ? decoded.text : new TextDecoder().decode(bytes);
    var json = /\.(json|geojson)$/i.test(name || "") || /^\s*[[{]/.test(text);
    var shownName = name || (how.pasted ? ui("pasted") : "");
    var lang = importLang();
    var done = function () { if (how.progress && ticket === latestLoad) hideProgress(); };
    /* A .json file that is not JSON (a CSV, a PDF renamed) keeps format v1's
       message, which says what the file looks like. */
    if (/\.json$/i.test(name || "") && !/^\s*[[{]/.test(text)) {
      done();
      fail(v1Error, shownName, true);
      return Promise.resolve();
    }
    /* A JSON object with a "trend" or "ranking" means format v1: its own
       message says what to fix, and no table is looked for in it. */
    if (json && /^\s*\{/.test(text)) {
      var parsed = null;
      try { parsed = JSON.parse(text); } catch (err) { parsed = null; }
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed) && ("trend" in parsed || "ranking" in parsed)) {
        done();
        fail(v1Error, shownName, true);
        return Promise.resolve();
      }
    }
    return Promise.all([loadTableImporter(), workbook ? loadSheetReader() : null]).catch(function (err) {
      throw json ? v1Error : err;
    }).then(function (loaded) {
      if (ticket !== latestLoad) return;
      var tables = loaded[0];
      var imp;
      try {
        imp = workbook ? tables.Import.fromSheet(loaded[1].read(bytes), undefined, lang)
          : tables.Import.fromText(text, !!how.pasted, decoded ? { encoding: decoded.encoding } : undefined, lang);
      } catch (err) {
        if (json) throw v1Error;
        err.localized = true;
        throw err;
      }
      if (imp.isFormatV1) { imp.free(); throw v1Error; }
      /* The file's own bytes, to decode again in another encoding. */
      if (decoded) imp.origin = { bytes: bytes, decoded: decoded };
      done();
      showImport(imp, name, label);
      importError.hidden = true;
      clearAlert();
    }).catch(function (err) {
      if (ticket !== latestLoad) return;
      done();
      fail(err, shownName, !!(err && err.localized));
    });
  }

  /* Charts an import: its dataset from the snapshot; the bytes kept for the
     embed code, the standalone file and a change of language are the import
     as format v1 (with its recipe). */
  function showImport(imp, name, label) {
    var dataset = Heluo.datasetFromSnapshot(imp.snapshot());
    /* Written when first asked for (the embed code, the standalone file, a
       change of language): at 100,000 villages the format v1 text takes
       longer than reading the CSV did, and most loads never need it. */
    var saved = function () { return new TextEncoder().encode(JSON.stringify(imp.formatV1())); };
    try {
      show(dataset, saved, label, name, imp);
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) dataset.free();
      throw err;
    }
  }

  /* An import a worker made (Heluo.importInWorker): what the page shows of
     it, as the worker settled it. A correction imports the text again on the
     page's thread, with the importer loaded there. */
  function settledImport(r, bytes) {
    var real = null;
    var part = function (name, settled) {
      return function (a, b) { return real ? real[name](a, b) : settled(a, b); };
    };
    return {
      isFormatV1: false,
      origin: r.decoded ? { bytes: bytes, decoded: r.decoded } : undefined,
      snapshot: part("snapshot", function () { return new Uint8Array(r.snapshot); }),
      formatV1: part("formatV1", function () { return r.formatV1; }),
      summary: part("summary", function (lang) { return r.summaries[lang === "en" ? "en" : "zh-CN"]; }),
      mapping: part("mapping", function () { return structuredClone(r.mapping); }),
      columns: part("columns", function () { return r.columns.slice(); }),
      remap: function (mapping, lang) {
        if (!real) {
          if (!globalThis.HeluoTables || !(r.decoded || globalThis.HeluoSheet)) throw new Error(r.decoded ? "heluo-tables.js" : "heluo-sheet.js");
          real = r.decoded ? HeluoTables.Import.fromText(decodeText(bytes, r.decoded.encoding).text, false, { encoding: r.decoded.encoding }, lang)
            : HeluoTables.Import.fromSheet(HeluoSheet.read(bytes), { table: r.mapping.table }, lang);
        }
        real.remap(mapping, lang);
      },
      free: function () { if (real) real.free(); },
    };
  }

  /* ------------------------------------------------------------------
     What the import understood, and the panel to correct it. */
  var importBox = $("import-box");
  var importPanel = $("import-panel");
  var importForm = $("import-form");
  var importError = $("import-error");

  /* Infers again with `change` applied to the recipe, and redraws; on an
     error the panel says why and the charts stay. */
  function remap(change) {
    var shown = current;
    if (!shown || !shown.imp) return;
    var mapping = shown.imp.mapping();
    change(mapping);
    try {
      shown.imp.remap(mapping, importLang());
      shown.imp.corrected = true;
      showImport(shown.imp, shown.name, shown.label);
      importError.textContent = "";
      importError.hidden = true;
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) return fail(err);
      importError.textContent = ui("remapFailed", (err && err.message) || String(err));
      importError.hidden = false;
    }
  }

  /* Reads the import's original bytes again in `encoding` ("" decides from
     the bytes) and charts them; on an error the panel says why and the
     charts stay. */
  function redecode(encoding) {
    var shown = current;
    if (!shown || !shown.imp || !shown.imp.origin) return;
    var bytes = shown.imp.origin.bytes;
    var decoded = decodeText(bytes, encoding);
    var table = shown.imp.mapping().table;
    return loadTableImporter().then(function (tables) {
      if (shown !== current) return;
      var imp = tables.Import.fromText(decoded.text, false, { encoding: decoded.encoding, table: table || undefined }, importLang());
      if (imp.isFormatV1) { imp.free(); throw new Error(ui("badEncoding")); }
      imp.origin = { bytes: bytes, decoded: decoded };
      imp.corrected = true;
      showImport(imp, shown.name, shown.label);
      importError.textContent = "";
      importError.hidden = true;
    }).catch(function (err) {
      if (err instanceof WebAssembly.RuntimeError) return fail(err);
      importError.textContent = ui("remapFailed", (err && err.message) || String(err));
      importError.hidden = false;
      updateImportBox();
    });
  }

  function labelled(text, control) {
    var label = el("label", "import-field");
    label.append(el("span", null, text), control);
    return label;
  }

  function columnSelect(id, value, columns) {
    var select = el("select");
    select.id = id;
    var none = el("option", null, ui("none"));
    none.value = "";
    select.appendChild(none);
    columns.forEach(function (c) {
      var o = el("option", null, c);
      o.value = c;
      select.appendChild(o);
    });
    select.value = value || "";
    return select;
  }

  function without(list, names) {
    return (list || []).filter(function (x) { return names.indexOf(x) < 0; });
  }

  /* A column's role in words, where the summary gives only its kind. */
  function roleName(role) {
    var en = importLang() === "en";
    if (role && typeof role === "object" && role.year !== undefined) return en ? "year " + role.year : role.year + " 年";
    var names = en
      ? { time: "time", name: "name", group: "group", value: "values", split: "split (summed)", left: "left out" }
      : { time: "时间", name: "名称", group: "分组", value: "数值", split: "拆分（相加）", left: "未用" };
    return names[role] || String(role);
  }

  /* Where a skipped cell is, as the spreadsheet shows it. */
  function placeText(at) {
    if (typeof at === "string") return at;
    if (!at) return "";
    var en = importLang() === "en";
    var col = at.letter ? (en ? "column " + at.letter : at.letter + " 列") : "";
    var row = at.row !== null && at.row !== undefined ? (en ? "row " + at.row : "第 " + at.row + " 行") : "";
    var name = at.column ? "“" + at.column + "”" : "";
    return en ? [row, col + (name ? " (" + name + ")" : "")].filter(Boolean).join(", ")
      : [row, name + (col ? "（" + col + "）" : "")].filter(Boolean).join("，");
  }

  /* Builds the line and the panel from the import on screen. The controls
     keep their ids, so focus stays on the one just changed. */
  function updateImportBox() {
    if (!current || !current.imp) { importBox.hidden = true; return; }
    var imp = current.imp;
    var lang = importLang();
    var summary = imp.summary(lang);
    var mapping = imp.mapping();
    var columns = imp.columns();
    var focused = document.activeElement && importForm.contains(document.activeElement) ? document.activeElement.id : "";
    importBox.hidden = false;
    $("import-line").textContent = summary.line;
    var origin = imp.origin;
    $("import-decoded").textContent = origin ? " · " + decodedText(origin.decoded) : "";
    $("import-adjust").textContent = ui("adjust");
    $("save-json").textContent = ui("saveJson");
    importForm.textContent = "";

    if (summary.tables > 1) {
      var tableSelect = el("select");
      tableSelect.id = "import-table";
      for (var t = 0; t < summary.tables; t++) {
        var opt = el("option", null, ui("tableN", String(t + 1)));
        opt.value = String(t);
        tableSelect.appendChild(opt);
      }
      tableSelect.value = String(summary.table);
      tableSelect.addEventListener("change", function () {
        var n = Number(tableSelect.value);
        remap(function (m) { Object.keys(m).forEach(function (k) { delete m[k]; }); m.table = n; });
      });
      importForm.appendChild(labelled(ui("table"), tableSelect));
    }

    /* The encoding, to override: the original bytes are decoded again and
       imported afresh (the headers may read differently). */
    if (origin) {
      var encoding = el("select");
      encoding.id = "import-encoding";
      var detect = el("option", null, ui("detect"));
      detect.value = "";
      encoding.appendChild(detect);
      var choices = ENCODINGS.slice();
      if (!choices.some(function (e) { return e[0] === origin.decoded.encoding; })) choices.push([origin.decoded.encoding, origin.decoded.encoding]);
      choices.forEach(function (e) {
        var o = el("option", null, e[1]);
        o.value = e[0];
        encoding.appendChild(o);
      });
      encoding.value = origin.decoded.encoding;
      encoding.addEventListener("change", function () { redecode(encoding.value); });
      importForm.appendChild(labelled(ui("encoding"), encoding));
    }

    var charts = el("fieldset", "import-group");
    charts.appendChild(el("legend", null, ui("charts")));
    ["trend", "ranking"].forEach(function (kind) {
      var box = el("input");
      box.type = "checkbox";
      box.id = "import-chart-" + kind;
      box.checked = (mapping.charts || []).indexOf(kind) >= 0;
      box.addEventListener("change", function () {
        remap(function (m) {
          m.charts = ["trend", "ranking"].filter(function (k) { return $("import-chart-" + k).checked; });
        });
      });
      var label = el("label", "import-check");
      label.append(box, document.createTextNode(ui(kind)));
      charts.appendChild(label);
    });
    importForm.appendChild(charts);

    var shape = el("select");
    shape.id = "import-shape";
    ["long", "wide", "transposed", "records"].forEach(function (k) {
      var o = el("option", null, ui("shape" + k.charAt(0).toUpperCase() + k.slice(1)));
      o.value = k;
      shape.appendChild(o);
    });
    shape.value = mapping.shape || "";
    shape.addEventListener("change", function () {
      var v = shape.value;
      remap(function (m) { m.shape = v; delete m.value; delete m.metrics; delete m.slice; delete m.year; });
    });
    importForm.appendChild(labelled(ui("shape"), shape));

    ["time", "name", "group"].forEach(function (role) {
      var select = columnSelect("import-" + role, mapping[role], columns);
      select.addEventListener("change", function () {
        var v = select.value;
        remap(function (m) {
          m[role] = v;
          if (v) m.ignore = without(m.ignore, [v]);
          if (v) m.value = without(m.value, [v]);
          if (role !== "group") { delete m.shape; delete m.value; delete m.metrics; delete m.slice; delete m.year; }
        });
      });
      importForm.appendChild(labelled(ui(role), select));
    });

    var used = [mapping.time, mapping.name, mapping.group].filter(Boolean);
    var values = el("fieldset", "import-group");
    values.hidden = mapping.shape === "transposed";
    values.appendChild(el("legend", null, ui("values")));
    columns.forEach(function (c, i) {
      if (used.indexOf(c) >= 0) return;
      var box = el("input");
      box.type = "checkbox";
      box.id = "import-value-" + i;
      box.checked = (mapping.value || []).indexOf(c) >= 0;
      box.addEventListener("change", function () {
        var on = box.checked;
        remap(function (m) {
          var list = without(m.value, [c]);
          if (on) {
            /* In the table's order. */
            list.push(c);
            list.sort(function (a, b) { return columns.indexOf(a) - columns.indexOf(b); });
            m.ignore = without(m.ignore, [c]);
          }
          m.value = list;
          delete m.metrics;
        });
      });
      var label = el("label", "import-check");
      label.append(box, document.createTextNode(c));
      values.appendChild(label);
    });
    importForm.appendChild(values);

    (mapping.value || []).forEach(function (c) {
      var input = el("input");
      input.type = "text";
      input.id = "import-unit-" + columns.indexOf(c);
      input.value = (mapping.units || {})[c] || "";
      input.addEventListener("change", function () {
        var v = input.value.trim();
        remap(function (m) { m.units = Object.assign({}, m.units || {}); m.units[c] = v; });
      });
      importForm.appendChild(labelled(ui("unit", c), input));
    });

    /* The summing rule: a column that splits one series and year (age, sex)
       is summed unless one of its values is picked. */
    (summary.columns || []).forEach(function (col) {
      if (col.role !== "split") return;
      var c = col.header;
      var input = el("input");
      input.type = "text";
      input.id = "import-slice-" + columns.indexOf(c);
      input.value = (mapping.slice || {})[c] || "";
      input.addEventListener("change", function () {
        var v = input.value.trim();
        remap(function (m) {
          m.slice = Object.assign({}, m.slice || {});
          if (v) m.slice[c] = v; else delete m.slice[c];
        });
      });
      importForm.appendChild(labelled(ui("slice", c), input));
    });

    if (mapping.aggregates && mapping.aggregates.length) current.aggregates = mapping.aggregates;
    if (current.aggregates && current.aggregates.length) {
      var agg = el("input");
      agg.type = "checkbox";
      agg.id = "import-aggregates";
      agg.checked = !!(mapping.aggregates && mapping.aggregates.length);
      var kept = current.aggregates;
      agg.addEventListener("change", function () {
        var on = agg.checked;
        remap(function (m) { m.aggregates = on ? kept : []; });
      });
      var aggLabel = el("label", "import-check");
      aggLabel.append(agg, document.createTextNode(ui("aggregates", kept.join(", "))));
      importForm.appendChild(aggLabel);
    }

    if (mapping.year !== null && mapping.year !== undefined) {
      var year = el("input");
      year.type = "number";
      year.id = "import-year";
      year.value = String(mapping.year);
      year.addEventListener("change", function () {
        var v = Number(year.value);
        if (Number.isInteger(v)) remap(function (m) { m.year = v; });
      });
      importForm.appendChild(labelled(ui("year"), year));
    }

    /* What each column became (and why, where the core words it). */
    var roles = el("details", "import-list");
    roles.appendChild(el("summary", null, ui("columns")));
    var roleList = el("ul");
    (summary.columns || []).forEach(function (col) {
      var letter = col.letter || (col.at && col.at.letter) || "";
      var role = col.roleText || roleName(col.role);
      var en = lang === "en";
      var text = (letter ? letter + (en ? " " : " 列 ") : "") + "“" + col.header + "”" + (en ? ": " : "：") + role +
        (col.unit ? (en ? " (" + col.unit + ")" : "（" + col.unit + "）") : "") +
        (col.roleText && col.why ? " — " + col.why : "");
      roleList.appendChild(el("li", null, text));
    });
    roles.appendChild(roleList);
    importForm.appendChild(roles);

    var noteTexts = (summary.notes || []).filter(function (n) { return typeof n === "string"; });
    if (noteTexts.length) {
      var notes = el("div", "import-list");
      notes.appendChild(el("p", null, ui("notes")));
      var noteList = el("ul");
      noteTexts.forEach(function (n) { noteList.appendChild(el("li", null, n)); });
      notes.appendChild(noteList);
      importForm.appendChild(notes);
    }

    var skippedCount = summary.skippedCount || (summary.skipped || []).length + (summary.readerSkipped || 0);
    if (skippedCount) {
      var skipped = el("details", "import-list");
      skipped.id = "import-skipped";
      skipped.appendChild(el("summary", null, ui("skipped", String(skippedCount))));
      var skippedList = el("ul");
      (summary.skipped || []).forEach(function (cell) {
        skippedList.appendChild(el("li", null, placeText(cell.at) + " — " + cell.text + " — " + cell.reason));
      });
      if (skippedCount > (summary.skipped || []).length) skippedList.appendChild(el("li", null, ui("skippedMore", String(skippedCount - summary.skipped.length))));
      skipped.appendChild(skippedList);
      importForm.appendChild(skipped);
    }
    if (focused && $(focused)) $(focused).focus();
  }

  $("save-json").addEventListener("click", function () {
    if (!current || !current.imp) return;
    var json = JSON.stringify(current.imp.formatV1(), null, 1);
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    a.download = "heluo-dataset.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  });

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
    forgetLink();
    if (cancelLoad) cancelLoad(true);
    var ticket = ++latestLoad;
    if (file.size > Heluo.maxFileBytes()) {
      /* Refused before reading a byte. */
      /* The words are the importer's (heluo.js carries no file error's words). */
      loadTableImporter().then(function (tables) {
        if (ticket === latestLoad) fail(new Error(tables.tooLargeMessage(file.size, importLang())), file.name, true);
      }, function (err) { if (ticket === latestLoad) fail(err, file.name); });
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
      var job = Heluo.parseInWorker(bytes, pageLang);
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
        if (err) {
          err.localized = true; /* the worker's parse speaks the page's language */
          /* Not format v1: a worker imports it as a table too; where none
             can, or the file is not one, the page's thread reads it (and
             says why it cannot). */
          var tableJob = Heluo.importInWorker(bytes, pageLang);
          cancelLoad = function (quiet) {
            tableJob.cancel();
            if (!quiet) latestLoad++;
            hideProgress();
            if (!quiet) statusEl.textContent = words("loadCancelled", file.name);
          };
          var onThePage = function () {
            if (ticket !== latestLoad) return;
            cancelLoad = function (quiet) {
              if (!quiet) latestLoad++;
              hideProgress();
              if (!quiet) statusEl.textContent = words("loadCancelled", file.name);
            };
            importTable(bytes, file.name, null, err, { progress: true });
          };
          tableJob.promise.then(function (result) {
            if (ticket !== latestLoad) return;
            if (result.v1) return onThePage();
            hideProgress();
            showImport(settledImport(result, bytes), file.name, null);
            importError.hidden = true;
            clearAlert();
            /* Ready for a correction, which re-imports on the page's thread. */
            loadTableImporter().catch(function () {});
            if (!result.decoded) loadSheetReader().catch(function () {});
          }, onThePage);
          return;
        }
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
  function show(dataset, bytes, label, name, imp) {
    var lang = chosenLang || dataset.lang;
    var width = chartWidth();
    var built = [];
    var kinds = dataset.charts.filter(function (k) { return !onlyCharts || onlyCharts.indexOf(k) >= 0; });
    try {
      (kinds.length ? kinds : dataset.charts).forEach(function (kind) {
        built.push(Heluo.mount(chartsEl, dataset, kind, {
          width: width, lang: lang, theme: "light", onError: function (err) { fail(err); }, onChange: writeFragment,
        }));
      });
    } catch (err) {
      built.forEach(function (c) { c.destroy(); });
      throw err;
    }
    var aggregates = null;
    if (current) {
      current.charts.forEach(function (c) { c.destroy(); });
      current.dataset.free();
      if (current.imp && current.imp !== imp) current.imp.free();
      else aggregates = current.aggregates;
    }
    chartsEl.textContent = "";
    built.forEach(function (c) { chartsEl.appendChild(c.figure); });
    /* A sample comes with its label (a file the reader chose has none). */
    var sample = label !== null && name ? HELUO_SAMPLES.map(function (x) { return x.file; }).indexOf(name) : -1;
    current = { bytes: bytes, label: label, name: name, dataset: dataset, charts: built, imp: imp || null, aggregates: aggregates,
      sample: sample >= 0 ? sample : undefined };
    /* `bytes` may be a function that writes them (an import): called once, when asked. */
    if (typeof bytes === "function") {
      Object.defineProperty(current, "bytes", {
        configurable: true,
        get: function () {
          var written = bytes();
          Object.defineProperty(this, "bytes", { value: written });
          return written;
        },
      });
    }
    setPageLang(lang);
    showHeader();
    updateImportBox();
    /* The width may differ once the old charts are gone (a scrollbar); settle it. */
    built.forEach(function (c) { c.start(); });
    statusEl.textContent = words("loaded", dataset.title || name || "", dataset.charts.map(function (k) {
      return words(k === "ranking" ? "barChart" : "lineChart");
    }).join(words("and")));
    fillEmbed();
    if (linkedView) {
      var view = linkedView;
      linkedView = null;
      restoreView(view);
    }
    writeFragment();
    document.documentElement.setAttribute("data-heluo", "ready");
  }

  /* ------------------------------------------------------------------
     The view as a link: `#v1&sample=…&chart=ranking&metric=income&pin=王屯村&zoom=2014-2017`,
     and for an imported table the reader corrected, its mapping (time, name,
     group, value, encoding). Written as the reader changes the view (the
     history entry replaced, nothing reloaded), read once when the page opens
     with the data of ?data= or a sample. Parts that are unknown or no longer
     apply are ignored; the values are only ever names to look up. */
  function readFragment(hash) {
    var text = String(hash || "").replace(/^#/, "");
    return /^v1(&|$)/.test(text) ? new URLSearchParams(text.slice(2)) : null;
  }
  var linkedView = readFragment(location.hash);
  /* The charts a link asks for (null: every chart of the dataset). */
  var onlyCharts = null;
  /* A new file, sample or paste: a link's view no longer applies. */
  function forgetLink() { linkedView = null; onlyCharts = null; }

  function fragmentOf(shown) {
    var p = [];
    var put = function (key, value) { p.push(key + "=" + encodeURIComponent(value).replace(/%2C/g, ",")); };
    if (shown.sample !== undefined) put("sample", HELUO_SAMPLES[shown.sample].file);
    put("chart", shown.charts.map(function (c) { return c.kind; }).join(","));
    shown.charts.forEach(function (c) {
      if (c.kind === "ranking") {
        if (c.engine.metricKey) put("metric", c.engine.metricKey);
        c.engine.pins.forEach(function (pin) { put("pin", pin); });
      } else if (c.kind === "trend" && c.engine.zoom) {
        put("zoom", c.engine.zoom[0] + "-" + c.engine.zoom[1]);
      }
    });
    if (shown.imp && shown.imp.corrected) {
      var m = shown.imp.mapping();
      ["encoding", "time", "name", "group"].forEach(function (k) { if (typeof m[k] === "string") put(k, m[k]); });
      (m.value || []).forEach(function (v) { put("value", v); });
    }
    return "#v1&" + p.join("&");
  }

  function writeFragment() {
    if (!current || linkedView) return;
    var hash = fragmentOf(current);
    if (hash === location.hash) return;
    try { history.replaceState(history.state, "", hash); } catch (err) { /* a page where the address cannot change */ }
  }

  /* Applies a link's view to what is on screen: the mapping first (it makes
     the charts), then each chart's metric, pins and zoom. */
  function restoreView(p) {
    var shown = current;
    var imp = shown.imp;
    var charts = (p.get("chart") || "").split(",").filter(function (k) { return k === "trend" || k === "ranking"; });
    var encoding = p.get("encoding");
    var redecoded = imp && imp.origin && encoding && encoding !== imp.origin.decoded.encoding ? redecode(encoding) : null;
    Promise.resolve(redecoded).then(function () {
      if (!current || (current !== shown && !redecoded)) return;
      var now = current;
      if (now.imp) {
        var change = {};
        ["time", "name", "group"].forEach(function (k) { if (p.has(k)) change[k] = p.get(k); });
        if (p.getAll("value").length) change.value = p.getAll("value");
        var kinds = now.charts.map(function (c) { return c.kind; }).join(",");
        if (charts.length && charts.join(",") !== kinds) change.charts = charts;
        if (Object.keys(change).length) {
          var was = now.imp.mapping();
          change.encoding = was.encoding;
          change.table = was.table;
          try {
            now.imp.remap(change, importLang());
            now.imp.corrected = true;
            showImport(now.imp, now.name, now.label);
          } catch (err) {
            if (err instanceof WebAssembly.RuntimeError) throw err;
            /* A mapping this table no longer fits: the table as inferred. */
          }
        }
      } else if (charts.length && charts.join(",") !== now.charts.map(function (c) { return c.kind; }).join(",")) {
        onlyCharts = charts;
        var sample = now.sample;
        show(Heluo.parseDataset(now.bytes, pageLang), now.bytes, now.label, now.name);
        current.sample = sample;
      }
      current.charts.forEach(function (c) {
        var tries = [];
        if (c.kind === "ranking") {
          if (p.get("metric")) tries.push({ type: "metric", key: p.get("metric") });
          p.getAll("pin").forEach(function (pin) { if (c.engine.pins.indexOf(pin) < 0) tries.push({ type: "pin", village: pin }); });
        }
        var zoom = c.kind === "trend" && /^(\d{1,4})-(\d{1,4})$/.exec(p.get("zoom") || "");
        if (zoom) tries.push({ type: "zoomYears", from: Number(zoom[1]), to: Number(zoom[2]) });
        tries.forEach(function (action) {
          try { c.apply(action); } catch (err) { if (err instanceof WebAssembly.RuntimeError) throw err; /* stale: ignored */ }
        });
      });
      writeFragment();
    }).catch(function (err) { fail(err); });
  }

  function showHeader() {
    var d = current.dataset;
    $("dataset-label").textContent = current.label !== null ? current.label : words("fileLabel", current.name);
    $("dataset-title").textContent = d.title || "";
    $("dataset-subtitle").textContent = d.subtitle || "";
    $("dataset-title").title = d.title || "";
    $("dataset-subtitle").title = d.subtitle || "";
    /* The dataset's own words in its language, inside the page's (WCAG 3.1.2). */
    ["dataset-title", "dataset-subtitle"].forEach(function (id) {
      if (d.lang !== pageLang) $(id).lang = d.lang;
      else $(id).removeAttribute("lang");
    });
    var note = [d.note, d.source && words("source", d.source)].filter(Boolean).join(" ");
    $("dataset-note").textContent = note;
  }

  /* Embed code for the current dataset and view: the element form (data
     inline) and the iframe form (the data file next to embed.html). */
  function embedAttrs(chart) {
    return { chart: chart.kind, metric: chart.engine.metricKey, theme: "auto", lang: chart.lang };
  }
  /* Only while the panel is open (it fills when opened): the element code
     carries the whole dataset, which is worth writing only to be copied. */
  function fillEmbed() {
    if (!current || !$("embed-panel").open) return;
    var elements = current.charts.map(function (c) { return Heluo.elementMarkup(current.bytes, embedAttrs(c)); });
    $("embed-element").value = "<script src=\"heluo.js\"></script>\n" + elements.join("\n");
    var file = current.name || "data.json";
    /* Exactly the files to copy, and paths that work once they are copied. */
    var files = "embed.html embed.js embed.css heluo.js heluo-tables.js sheet-loader.js heluo-sheet.js embed-host.js";
    $("embed-iframe").value = (pageLang === "en"
      ? "<!-- Copy the folder pkg/embed/ (" + files + ") next to this page as heluo-embed/, and put " + file + " into it -->\n"
      : "<!-- 把 pkg/embed/ 文件夹（" + files + "）复制到本页旁边，命名为 heluo-embed/，再把 " + file + " 放进去 -->\n") + current.charts.map(function (c, i) {
      var a = embedAttrs(c);
      /* An imported table replays its recipe (the mapping with every
         decision explicit): next year's file of the same shape draws the
         same way, the corrections included. */
      var query = "src=" + encodeURIComponent(file) + "&chart=" + a.chart + (a.metric ? "&metric=" + encodeURIComponent(a.metric) : "") +
        (current.imp ? "&recipe=" + encodeURIComponent(JSON.stringify(current.imp.mapping())) : "") +
        "&theme=auto&lang=" + a.lang + "&id=heluo-" + (i + 1);
      return "<iframe id=\"heluo-" + (i + 1) + "\" title=\"" + c.engine.title.replace(/[&<>"]/g, function (ch) { return "&#" + ch.charCodeAt(0) + ";"; }) +
        "\" src=\"heluo-embed/embed.html?" + query.replace(/&/g, "&amp;") + "\" width=\"100%\" height=\"480\" frameborder=\"0\"></iframe>";
    }).join("\n") + "\n<script src=\"heluo-embed/embed-host.js\"></script>";
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

  /* The reader is about to choose a file (the chooser opens, a file is
     dragged over the page): the table importer starts loading now, while
     they pick, so a CSV does not wait for it once chosen. A JSON file never
     needs it, but the reader cannot be asked which they will pick. Its
     code is readied meanwhile too (HeluoTables.warmUp). */
  function warmImporter() {
    loadTableImporter().then(function (tables) { tables.warmUp(); }, function () {});
  }
  $("file-input").addEventListener("click", warmImporter);

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
    if (dragDepth++ === 0) warmImporter();
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
    var bytes = sample.bytesBase64 !== undefined
      ? Uint8Array.from(atob(sample.bytesBase64), function (c) { return c.charCodeAt(0); })
      : new TextEncoder().encode(sample.text);
    load(bytes, sample.file, pageLang === "en" ? sample.label_en : sample.label);
    if (current && current.name === sample.file) current.sample = i;
  }
  select.addEventListener("change", function () { forgetLink(); loadSample(Number(select.value)); });

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
      var relabel = shown.label === null || shown.sample === undefined ? shown.label : (lang === "en" ? HELUO_SAMPLES[shown.sample].label_en : HELUO_SAMPLES[shown.sample].label);
      show(Heluo.parseDataset(shown.bytes, pageLang), shown.bytes, relabel, shown.name, shown.imp);
      current.sample = shown.sample;
      current.aggregates = shown.aggregates;
      writeFragment();
      shown.charts.forEach(function (c) { c.destroy(); });
      shown.dataset.free();
    } catch (err) { current = shown; fail(err); }
  });

  /* A table pasted from a spreadsheet or a web page: Ctrl/Cmd+V anywhere
     outside a text field. */
  document.addEventListener("paste", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])")) return;
    var text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    if (!text || !text.trim()) return;
    event.preventDefault();
    if (cancelLoad) cancelLoad(true);
    forgetLink();
    latestLoad++;
    load(new TextEncoder().encode(text), null, ui("pasted"), { pasted: true });
  });

  /* index.html?data=<url>: a file on this site, linked by a newsroom. */
  function loadFromAddress(address) {
    var ticket = ++latestLoad;
    var url;
    var refuse = function (why) { if (ticket === latestLoad) showAlert(ui("dataFailed", address, "\u0000"), why, true); };
    try { url = new URL(address, location.href); } catch (err) { return refuse(ui("badUrl")); }
    if (location.protocol === "file:") return refuse(ui("fromDisk"));
    if (url.origin !== location.origin) return refuse(ui("crossOrigin"));
    var name = decodeURIComponent(url.pathname.split("/").pop() || "") || address;
    var limit = Math.min(256 * 1024 * 1024, Heluo.maxFileBytes());
    fetch(url.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(ui("httpStatus", String(response.status)));
      if (Number(response.headers.get("content-length")) > limit) throw new Error(ui("tooLarge"));
      return response.arrayBuffer();
    }, function () {
      throw new Error(ui("fetchFailed"));
    }).then(function (buffer) {
      if (ticket !== latestLoad) return;
      if (buffer.byteLength > limit) throw new Error(ui("tooLarge"));
      load(new Uint8Array(buffer), name, null);
    }).catch(function (err) { refuse(err.message); });
  }

  setPageLang(pageLang);
  var address = new URLSearchParams(location.search).get("data");
  if (address) loadFromAddress(address);
  else {
    /* A link may name the sample (by its file). */
    var linked = linkedView ? HELUO_SAMPLES.map(function (x) { return x.file; }).indexOf(linkedView.get("sample")) : -1;
    select.value = String(Math.max(0, linked));
    loadSample(Math.max(0, linked));
  }
})();
