/* Embed code (a <heluo-chart> with its data inline) and the standalone HTML
   file (this script, the data and the charts in one file). */
import { decodeText } from "./util.js";

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]);
}

/* Dataset bytes as JSON text that is safe inside <script type="application/json">:
   "<" only occurs inside JSON strings, where \u003c means the same. */
function jsonForHtml(bytes) {
  /* Decoded as the page reads a file (util.js): UTF-8, UTF-16, GB18030, Windows-1252. */
  return decodeText(bytes).replace(/^\ufeff/, "").replace(/</g, "\\u003c");
}

/** `<heluo-chart …><script type="application/json">…</script></heluo-chart>` for data and attributes. Heluo.elementMarkup. */
export function elementMarkup(bytes, attrs) {
  const a = Object.keys(attrs).filter((k) => attrs[k] !== undefined && attrs[k] !== null && attrs[k] !== "")
    .map((k) => " " + k + "=\"" + escapeHtml(attrs[k]) + "\"").join("");
  return "<heluo-chart" + a + ">\n<script type=\"application/json\">\n" + jsonForHtml(bytes) + "\n</script>\n</heluo-chart>";
}

/**
 * One self-contained HTML file: this script (`source`, api.source()) and the
 * data inline, charts as <heluo-chart> elements, under a strict CSP (<meta>)
 * that allows exactly this script by its SHA-256. Works offline by
 * double-click. Resolves to the text. Heluo.standalone.
 */
export function standaloneHtml(source, bytes, charts, title, lang) {
  /* "</script" cannot appear in an inline script; "<\/" means the same in JS. */
  const script = source.replace(/<\/(script)/gi, "<\\/$1");
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(script)).then((digest) => {
    const hash = btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
    const body = charts.map((attrs) => elementMarkup(bytes, attrs)).join("\n");
    return "<!doctype html>\n<html lang=\"" + escapeHtml(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-" + hash +
      "' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:\">\n" +
      "<title>" + escapeHtml(title) + "</title>\n<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n" + body +
      "\n<script>" + script + "</script>\n</body>\n</html>\n";
  });
}
