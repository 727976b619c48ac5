/* The embedding layer's own words, the language they are said in, and text put
   into the page with each run in the other script marked with its language. */
import { el } from "./util.js";

/* Text in `node`, with each run in the other script marked with its language
   (WCAG 3.1.2): in an English chart, Chinese names ("洛龙区") get lang="zh-CN";
   in a Chinese one, Latin words ("Village", "PNG") get lang="en". Text only. */
const OTHER_SCRIPT = {
  en: [/[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef](?:[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\d.,% ]*[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])?/g, "zh-CN"],
  "zh-CN": [/[A-Za-z][A-Za-z'’-]*(?:[ .,&\d]+[A-Za-z][A-Za-z'’-]*)*/g, "en"],
};
export function setText(node, text, lang) {
  const other = OTHER_SCRIPT[lang];
  node.textContent = "";
  let at = 0;
  text = text || "";
  if (other) {
    other[0].lastIndex = 0;
    for (let m; (m = other[0].exec(text));) {
      if (m.index > at) node.append(text.slice(at, m.index));
      const span = el("span", null, m[0]);
      span.lang = other[1];
      node.append(span);
      at = m.index + m[0].length;
    }
  }
  if (at < text.length) node.append(text.slice(at));
}

/* Messages of the embedding layer, [zh, en]: they must be said even where the
   engine (and its texts) cannot run. */
const SAY = {
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
export function say(zh, key, a) { return SAY[key][zh ? 0 : 1].replace("{0}", a); }

/** An Error with a machine-readable reason (heluo:error's detail.reason). */
export function reasoned(zh, reason, a) {
  const err = new Error(say(zh, reason, a));
  err.reason = reason;
  return err;
}

/** The page's language (<html lang>), or "" without a document. */
export function pageLang() {
  return (typeof document !== "undefined" && document.documentElement.lang) || "";
}

/** Chinese when the options, the nearest lang attribute or the page say so
    (else `fallback`, e.g. the data's locale). */
export function isZh(node, o, fallback) {
  const n = node && node.closest ? node.closest("[lang]") : null;
  return /^zh/i.test((o && o.lang) || (n && n.getAttribute("lang")) || pageLang() || fallback || "");
}

/** The language of messages from the importer. */
export function importLang(o) {
  return /^en/i.test(o.lang || pageLang() || "zh-CN") ? "en" : "zh-CN";
}
