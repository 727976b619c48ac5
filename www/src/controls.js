/* A chart's controls: the ones the engine asks for (legend, select, button,
   search) and the chart's own (export PNG and SVG, show the table). Built
   when their shape changes; otherwise only their state and labels are
   updated, so focus stays where the reader left it. `c` is the chart (chart.js). */
import { el, download } from "./util.js";
import { bytesOf } from "./lzma.js";
import { setText } from "./words.js";

/* Export file names are fixed ("heluo-trend.png"): no data text in a file name. */
function fileName(kind, ext) { return "heluo-" + kind + "." + ext; }

function button(c, className, text, onClick) {
  const b = el("button", className, text);
  b.type = "button";
  b.addEventListener("click", c.guard(onClick));
  return b;
}

export function swatch(color) {
  const sw = el("span", "swatch");
  sw.style.background = color;
  return sw;
}

/* A group's shape in its colour, as drawn beside its bars. */
function symbol(shape, color) {
  /* Drawn by CSS (::before) so the button's text stays the group's name. */
  const sy = el("span", "symbol");
  sy.setAttribute("data-symbol", shape);
  sy.style.color = color;
  sy.setAttribute("aria-hidden", "true");
  return sy;
}

export function updateControls(c) {
  const list = c.engine.controls();
  const shape = list.map((ctl) => ctl.type + ":" + (ctl.id || "") + ":" + (ctl.items ? ctl.items.length : "") + ":" +
    (ctl.options ? ctl.options.map((o) => o.label).join("\u0001") : "")).join("|") + "|" + c.lang;
  if (shape !== c.controlShape) { c.controlShape = shape; buildControls(c, list); }
  for (const ctl of list) {
    const update = c.controls[ctl.id || ctl.type];
    if (update) update(ctl);
  }
}

const BUILD = { legend, select, button: pressButton, search };

/* Builds the controls the engine asks for; c.controls maps each one's id to
   what updates it. */
function buildControls(c, list) {
  const bar = c.bar;
  /* The search box keeps what the reader typed and its focus across a
     rebuild (a highlight adds a button). */
  const oldInput = bar.querySelector("input[type=search]");
  const typed = oldInput ? { value: oldInput.value, focused: oldInput.matches(":focus") } : null;
  bar.textContent = "";
  c.controls = {};
  for (const ctl of list) {
    const build = BUILD[ctl.type];
    if (build) build(c, ctl);
  }
  const input = bar.querySelector("input[type=search]");
  if (typed && input) {
    input.value = typed.value;
    if (typed.focused) input.focus();
  }
  chartButtons(c);
}

function legend(c, ctl) {
  const group = el("div", "legend");
  /* A group named by anything but the chart's title (said once, by the figure). */
  if (ctl.label !== c.engine.title) {
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", ctl.label);
  }
  const buttons = ctl.items.map((item) => group.appendChild(button(c, ctl.id, "", () => c.apply(item.action))));
  c.bar.appendChild(group);
  c.controls[ctl.id] = (now) => now.items.forEach((item, i) => {
    const b = buttons[i];
    if (!b) return;
    b.textContent = "";
    const name = el("span");
    setText(name, item.label, c.lang);
    b.append(item.symbol ? symbol(item.symbol, item.color) : swatch(item.color), name);
    b.setAttribute("aria-pressed", String(item.pressed));
  });
}

/* A menu of more than a few dozen choices (a ranking of thousands of towns)
   is a box to type in, whose suggestions (the browser's own list) are the
   first 12 choices holding what was typed: the DOM does not grow with the
   data. Choosing a suggestion, or typing a choice whole, applies it. */
function typeahead(c, ctl) {
  const label = el("label", "metric-pick", ctl.label + " "), input = el("input", ctl.id), list = el("datalist"), options = ctl.options;
  let chosen = 0;
  input.setAttribute("list", list.id = "heluo-" + ctl.id + "-" + c.n);
  input.autocomplete = "off";
  const fill = (q) => {
    list.textContent = "";
    for (const o of options.filter((o) => o.label.toLowerCase().includes(q)).slice(0, 12)) list.appendChild(el("option")).value = o.label;
  };
  input.oninput = c.guard(() => {
    const i = options.findIndex((o) => o.label == input.value);
    if (i < 0) fill(input.value.trim().toLowerCase());
    else c.apply(options[i].action);
  });
  input.onfocus = c.guard(() => { input.select(); fill(""); });
  input.onblur = () => { input.value = options[chosen].label; };
  label.append(input, list);
  c.bar.appendChild(label);
  c.controls[ctl.id] = (now) => {
    chosen = now.selected;
    if (!input.matches(":focus")) input.value = options[chosen].label;
  };
}

function select(c, ctl) {
  if (ctl.options.length > 50) return typeahead(c, ctl);
  const label = el("label", "metric-pick", ctl.label + " ");
  const pick = el("select", ctl.id);
  ctl.options.forEach((choice, i) => {
    const o = el("option", null, choice.label);
    o.value = String(i);
    pick.appendChild(o);
  });
  pick.addEventListener("change", c.guard(() => {
    const choice = ctl.options[Number(pick.value)];
    if (choice) c.apply(choice.action);
  }));
  label.appendChild(pick);
  c.bar.appendChild(label);
  c.controls[ctl.id] = (now) => { pick.value = String(now.selected); };
}

function pressButton(c, ctl) {
  const b = button(c, ctl.id, ctl.label, () => { if (!b.hasAttribute("aria-disabled")) c.apply(ctl.action); });
  c.bar.appendChild(b);
  c.controls[ctl.id] = (now) => {
    b.textContent = now.label;
    b.hidden = now.hidden;
    /* Able to do nothing more: it says so, and keeps its place and focus. */
    if (now.disabled) b.setAttribute("aria-disabled", "true");
    else b.removeAttribute("aria-disabled");
    if (now.pressed !== null && now.pressed !== undefined) b.setAttribute("aria-pressed", String(now.pressed));
  };
}

/* Find by name: typing counts matches, Enter pins the first and scrolls to it. */
function search(c, ctl) {
  const form = el("form", "village-search");
  form.setAttribute("role", "search");
  const input = el("input");
  input.type = "search";
  input.placeholder = ctl.placeholder;
  /* A visible label, not only the placeholder (WCAG 3.3.2). */
  input.id = "heluo-search-" + c.n;
  const searchLabel = el("label", "search-label", ctl.label);
  searchLabel.htmlFor = input.id;
  const status = el("span", "search-status");
  status.setAttribute("role", "status");
  input.addEventListener("input", c.guard(() => c.apply({ type: "search", text: input.value })));
  form.addEventListener("submit", c.guard((event) => {
    event.preventDefault();
    c.apply({ type: "pinSearch", text: input.value });
    const top = c.engine.focusTop;
    if (top !== undefined && top !== null) {
      const y = c.base.getBoundingClientRect().top + scrollY + top - innerHeight / 3;
      scrollTo({ top: Math.max(0, y), behavior: c.reducedMotion.matches ? "auto" : "smooth" });
    }
  }));
  form.append(searchLabel, input, button(c, "search-go", ctl.button, () => form.requestSubmit()), status);
  c.bar.appendChild(form);
  c.controls.search = (now) => { status.textContent = now.status; };
}

/* The chart's own buttons, named for their chart: "下载 PNG（趋势图）" tells
   the two charts' apart. */
function chartButtons(c) {
  const { engine, kind, tableBox } = c;
  const named = (b, key) => {
    setText(b, c.words(key), c.lang);
    b.setAttribute("aria-label", c.words("withUnit", c.words(key), c.kindWord));
    return b;
  };
  const tableToggle = button(c, "show-table", "", () => {
    const hidden = tableBox.classList.toggle("sr-only");
    named(tableToggle, hidden ? "showTable" : "hideTable");
    showTableBox(tableBox, !hidden);
    c.dataTable.show(!hidden);
    tableToggle.setAttribute("aria-expanded", String(!hidden));
  });
  named(tableToggle, tableBox.classList.contains("sr-only") ? "showTable" : "hideTable");
  tableToggle.setAttribute("aria-expanded", String(!tableBox.classList.contains("sr-only")));
  tableToggle.setAttribute("aria-controls", tableBox.id);
  c.bar.append(
    named(button(c, "export-png", "", () => download(pngOf(engine), fileName(kind, "png"))), "downloadPng"),
    named(button(c, "export-svg", "", () => {
      download(new Blob([engine.svg()], { type: "image/svg+xml" }), fileName(kind, "svg"));
    }), "downloadSvg"),
    tableToggle);
}

/* Shown, the table may scroll sideways inside its box: the box is then a
   region named by the table's caption that the keyboard can reach and scroll
   (WCAG 2.1.1; axe: scrollable-region-focusable). Hidden, it is no tab stop,
   no landmark, and hidden from assistive technology too. */
function showTableBox(box, shown) {
  if (shown) {
    box.removeAttribute("aria-hidden");
    box.setAttribute("role", "region");
    box.setAttribute("aria-labelledby", box.id + "-caption");
    box.tabIndex = 0;
  } else {
    box.setAttribute("aria-hidden", "true");
    box.removeAttribute("role");
    box.removeAttribute("aria-labelledby");
    box.removeAttribute("tabindex");
  }
}

/* The chart as a PNG at twice its size. toDataURL, not toBlob: toBlob waits
   for the browser to be idle, which can take seconds on a busy page. */
function pngOf(engine) {
  const canvas = el("canvas");
  engine.drawTo(canvas, 2);
  return new Blob([bytesOf(canvas.toDataURL("image/png").split(",")[1])], { type: "image/png" });
}
