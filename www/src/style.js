/* The chart CSS (www/heluo-chart.css, minified into the bundle), one
   stylesheet shared by every shadow root that shows a chart. */
import css from "heluo:css";

let sheet = null;

/** The shared stylesheet, or null where constructable stylesheets are missing. */
export function chartSheet() {
  if (!sheet && typeof CSSStyleSheet === "function") {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch (err) { sheet = null; }
  }
  return sheet;
}

/** Adopts the chart CSS into `root` (a shadow root). */
export function adoptChartSheet(root) {
  const s = chartSheet();
  if (s) root.adoptedStyleSheets = [s];
}
