/* A chart's data table (what the view shows, as text cells), built when
   opened and only what is in view, and the data's words under a chart. */
import { el } from "./util.js";
import { setText, say } from "./words.js";

/* The data table (issue 21). Built when the reader opens it (data that
   changes while it is closed only marks it stale), and then only what is in
   view: a large table keeps the rows, and for a wide one the columns, of its
   scrolling box plus a margin in the DOM, so a chart holds a few hundred
   nodes whatever its data. It stays a table to assistive technology:
   aria-rowcount (and aria-colcount) say the whole, each rendered row its
   aria-rowindex (each cell of a wide one its aria-colindex). A small table is
   rendered whole, where a screen reader's own table commands reach every cell.

   Keys on the box (a focusable region when shown): ↑ ↓ PageUp PageDown Home
   End move the current row through every row, render it and scroll it into
   view. The current row takes the focus (tabindex=-1, so a click makes a row
   current too), and a screen reader reads the focused row with its position:
   aria-activedescendant is not allowed on a table or a region (ARIA 1.2 gives
   it to composite widgets), and a grid would make the data a widget, moving
   screen readers into focus mode and away from their table commands. ← →
   scroll the box as the browser does; the columns in view follow. */

const TABLE_WHOLE = 400; /* cells: a table with no more is rendered whole */
const TABLE_WIDE = 12; /* columns: beyond, only those in view, TABLE_COLUMN px each */
const TABLE_COLUMN = 96;
const TABLE_MARGIN = 4; /* rows and columns rendered beyond each edge of the box */

/* The table of one chart, in `box`; `read()` gives its data as
   ChartEngine.table does ({caption, columns, numeric, rows}, text cells).
   Returns { show(open), stale(), print(printing), draw() }. */
export function tableView(box, read, lang) {
  var data; /* undefined: not built yet, or stale */
  var open, printing, big, wide, head, body, shown, at;
  var rowH = 24;
  var cur = -1; /* the current row: none yet */
  var frame = 0;

  /* An empty cell for the `k` columns left out of a row of a wide table. */
  function gap(tr, k) {
    var c = tr.appendChild(el("td"));
    c.setAttribute("aria-hidden", "true");
    c.style.width = k * TABLE_COLUMN + "px";
    c.hidden = !k;
  }

  /* A row: the first column (the year, the rank), then columns c0 to c1,
     with a gap for the columns left out on either side. */
  function row(tr, cells, tag, c0, c1) {
    for (var j = 0; j < c1; j = j ? j + 1 : c0) {
      var c = tr.appendChild(el(tag, data.numeric[j] ? "num" : null));
      setText(c, cells[j], lang);
      if (tag == "th") c.scope = "col";
      if (wide) {
        c.setAttribute("aria-colindex", j + 1);
        c.style.width = TABLE_COLUMN + "px";
        if (!j) gap(tr, c0 - 1);
      }
    }
    if (wide) gap(tr, cells.length - c1);
    return tr;
  }

  function build() {
    data = read();
    var n = data.rows.length;
    var cols = data.columns.length;
    big = n * cols > TABLE_WHOLE;
    wide = big && cols > TABLE_WIDE;
    var table = el("table", wide ? "data wide" : "data");
    var caption = table.appendChild(el("caption"));
    setText(caption, data.caption, lang);
    caption.id = box.id + "-caption";
    head = table.appendChild(el("thead"));
    body = table.appendChild(el("tbody"));
    table.setAttribute("aria-rowcount", n + 1);
    if (wide) {
      table.setAttribute("aria-colcount", cols);
      table.style.width = cols * TABLE_COLUMN + "px";
    }
    box.classList.toggle("virtual", big);
    box.textContent = "";
    box.appendChild(table);
    at = "";
  }

  /* Renders the rows and columns in view (every row when printing), with
     a spacer row above and below for the height of the rows left out. */
  function render() {
    frame = 0;
    if (!open || !data) return;
    var rows = data.rows;
    var n = rows.length;
    var cols = data.columns.length;
    /* From `lo`, the `unit`s from `start` over `size` px, and a margin. */
    var inView = function (start, size, unit, lo, hi) {
      var a = Math.max(lo, Math.floor(start / unit) - TABLE_MARGIN);
      return [a, Math.max(a, Math.min(hi, Math.ceil((start + size) / unit) + TABLE_MARGIN))];
    };
    var r = big && !printing ? inView(box.getBoundingClientRect().top - body.getBoundingClientRect().top, box.clientHeight, rowH, 0, n) : [0, n];
    var c = wide ? inView(box.scrollLeft, box.clientWidth, TABLE_COLUMN, 1, cols) : [1, cols];
    var r0 = r[0], r1 = r[1], c0 = c[0], c1 = c[1];
    if (at == (at = r + ";" + c)) return;
    var had = rowFocused();
    head.textContent = body.textContent = "";
    row(head.appendChild(el("tr")), data.columns, "th", c0, c1).setAttribute("aria-rowindex", 1);
    var spacer = function (k) {
      var tr = body.appendChild(el("tr"));
      tr.setAttribute("aria-hidden", "true");
      tr.style.height = k * rowH + "px";
      tr.hidden = !k;
    };
    spacer(r0);
    shown = {};
    for (var i = r0; i < r1; i++) {
      var tr = shown[i] = row(body.appendChild(el("tr")), rows[i], "td", c0, c1);
      tr.tabIndex = -1;
      tr.setAttribute("aria-rowindex", i + 2);
    }
    spacer(n - r1);
    /* The focus stays on the current row, or in the box when it left the view. */
    if (had) (shown[cur] || box).focus({ preventScroll: true });
    if (r1 > r0) rowH = shown[r0].offsetHeight;
    box.style.scrollPaddingTop = head.offsetHeight + "px";
  }

  function rowFocused() {
    var focused = box.getRootNode().activeElement;
    return focused != box && box.contains(focused);
  }

  function draw() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  box.addEventListener("scroll", draw);
  box.addEventListener("focusin", function (event) {
    var i = event.target.getAttribute("aria-rowindex");
    if (i > 1) cur = i - 2;
  });
  box.addEventListener("keydown", function (event) {
    var n = data && data.rows.length;
    var page = Math.max(1, Math.floor(Math.min(box.clientHeight, innerHeight) / rowH) - 2);
    var i = { ArrowDown: cur + 1, ArrowUp: cur - 1, PageDown: cur + page, PageUp: cur - page, Home: 0, End: n - 1 }[event.key];
    if (i === undefined || !n || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    /* Row i current: rendered (the box scrolled to it first if it was not),
       focused, in view below the sticky header (scroll-padding-top). */
    cur = i = Math.max(0, Math.min(n - 1, i));
    if (!shown[i]) {
      box.scrollTop += body.getBoundingClientRect().top - box.getBoundingClientRect().top + i * rowH - box.clientHeight / 2;
      render();
    }
    var tr = shown[i] || box;
    tr.focus({ preventScroll: true });
    tr.scrollIntoView({ block: "nearest" });
  });

  return {
    box,
    show: function (on) {
      open = on;
      if (on && !data) build();
      /* Twice: the second pass sees the row height the first one measured. */
      render();
      render();
    },
    /* The data changed: rebuilt if open (the focus kept in it), else only
       marked stale. */
    stale: function () {
      var had = rowFocused();
      data = null;
      box.textContent = "";
      if (open) this.show(open);
      if (had) (shown[cur] || box).focus({ preventScroll: true });
    },
    /* Printed, an open table prints all its rows (and the columns in view). */
    print: function (on) {
      if (printing != on) {
        printing = on;
        render();
      }
    },
    draw: draw,
  };
}

/** The data's words under a chart: title, subtitle, source, note (format v1's
    fields; `d` a DatasetHandle or the parsed JSON). Text, never markup. Under
    a drawn chart (`drawn`: its title) neither the source (the canvas' credit
    line) nor a title the chart already has. */
export function footOf(d, zh, drawn) {
  /* A div: a <footer> outside sectioning content would be a contentinfo landmark per chart. */
  const foot = el("div", "chart-foot");
  for (const [className, text] of [["foot-title", d.title !== drawn && d.title], ["foot-subtitle", d.subtitle],
    ["foot-source", !drawn && d.source && say(zh, "source", d.source)], ["foot-note", d.note && say(zh, "note", d.note)]]) {
    if (text) foot.appendChild(el("p", className, text));
  }
  return foot.firstChild ? foot : null;
}
