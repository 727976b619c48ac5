/* Where the wasm cannot run (a Content-Security-Policy without
   'wasm-unsafe-eval', a browser without WebAssembly): the reason, an image
   when one is given, the data as tables and the data's words. */
import { el, decodeText, plainValue, toBytes } from "./util.js";
import { isZh, reasoned } from "./words.js";
import { footOf, tableView } from "./table.js";

/** Shows the fallback in `box` (with its own alert when `ownAlert`) and
    returns the error that says why (reason "wasm-blocked" or "wasm-unsupported"). */
export function renderFallback(reason, box, data, options, ownAlert) {
  let d = null;
  let tables = [];
  try { d = plainValue(data) || JSON.parse(decodeText(toBytes(data))); } catch (err) { d = null; }
  const zh = isZh(box, options, d && d.locale);
  const err = reasoned(zh, reason);
  const wrap = el("div", "fallback");
  if (ownAlert) {
    const alert = el("p", "alert", err.message);
    alert.setAttribute("role", "alert");
    wrap.appendChild(alert);
  }
  if (options.fallback) {
    const img = el("img");
    img.src = options.fallback;
    img.alt = (d && (d.title || (d.trend && d.trend.title) || (d.ranking && d.ranking.title))) || "";
    wrap.appendChild(img);
  }
  if (d && typeof d === "object") {
    tables = fallbackTables(d, zh, options.chart);
    for (const t of tables) wrap.appendChild(t.box);
    const foot = options.footer !== "none" && footOf(d, zh);
    if (foot) wrap.appendChild(foot);
  }
  box.textContent = "";
  box.appendChild(wrap);
  /* Built once in the page, where they can measure what is in view. */
  for (const t of tables) t.show(true);
  return err;
}

/* Format v1 read in JavaScript, for the fallback table only: one table per
   chart, as plain text cells, shown as a chart's table is (table.js). */
function fallbackTables(d, zh, kind) {
  const tables = [];
  const num = (v) => typeof v === "number" ? v.toLocaleString(zh ? "zh-CN" : "en") : v === null || v === undefined ? "" : String(v);
  const table = (caption, columns, rows) => {
    const box = el("div", "table-box");
    const data = { caption, columns, numeric: columns.map((_, i) => rows.some((r) => typeof r[i] === "number")), rows: rows.map((r) => r.map(num)) };
    tables.push(tableView(box, () => data, zh ? "zh-CN" : "en"));
  };
  const trend = kind !== "ranking" && d.trend;
  if (trend) trendTable(trend, d, zh, table);
  const ranking = kind !== "trend" && d.ranking;
  if (ranking && Array.isArray(ranking.villages)) rankingTable(ranking, d, zh, table);
  return tables;
}

/* Years down, one column per series. */
function trendTable(trend, d, zh, table) {
  const series = Array.isArray(trend) ? [{ name: d.title || "", points: trend }] : trend.series || [{ name: trend.name || trend.title || "", points: trend.points || [] }];
  const years = Object.create(null);
  const values = series.map((s) => {
    const byYear = Object.create(null);
    (s.points || []).forEach((p) => {
      const year = Array.isArray(p) ? p[0] : p.year;
      byYear[year] = Array.isArray(p) ? p[1] : p.value !== undefined ? p.value : p.rate;
      years[year] = true;
    });
    return byYear;
  });
  const unit = trend.unit ? " (" + trend.unit + ")" : "";
  table((trend.title || d.title || "") + unit, [zh ? "年份" : "Year"].concat(series.map((s) => s.name || "")),
    Object.keys(years).sort((a, b) => a - b).map((y) => [y].concat(values.map((v) => v[y]))));
}

/* One row per item (village), a column per metric. */
function rankingTable(ranking, d, zh, table) {
  const metrics = ranking.metrics || [];
  const groups = ranking.villages.some((v) => v.group);
  table(ranking.title || d.title || "", [ranking.item || (zh ? "名称" : "Name")].concat(groups ? [zh ? "分组" : "Group"] : [],
    metrics.map((m) => (m.label || m.key) + (m.unit ? " (" + m.unit + ")" : ""))),
  ranking.villages.map((v) => [v.name].concat(groups ? [v.group || ""] : [], metrics.map((m) => (v.values || {})[m.key]))));
}
