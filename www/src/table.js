/* A chart's data table (what the view shows, as text cells) and the data's
   words under a chart. */
import { el } from "./util.js";
import { setText, say } from "./words.js";

/* Fills the chart's table box from ChartView.table(). `c` is the chart (chart.js). */
export function fillTable(c) {
  const data = c.view.table();
  const lang = c.lang;
  const cell = (tag, text, i) => {
    const node = el(tag, data.numeric[i] ? "num" : null);
    setText(node, text, lang);
    return node;
  };
  const table = el("table", "data");
  const caption = el("caption");
  setText(caption, data.caption, lang);
  caption.id = c.tableBox.id + "-caption";
  table.appendChild(caption);
  const head = el("tr");
  data.columns.forEach((column, i) => {
    const th = cell("th", column, i);
    th.scope = "col";
    head.appendChild(th);
  });
  table.appendChild(el("thead")).appendChild(head);
  const body = el("tbody");
  for (const row of data.rows) {
    const tr = el("tr");
    row.forEach((text, i) => tr.appendChild(cell("td", text, i)));
    body.appendChild(tr);
  }
  table.appendChild(body);
  c.tableBox.textContent = "";
  c.tableBox.appendChild(table);
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
