/* The options only the DOM layer reads (theme, controls, footer, lang, the
   mapping of a table's columns), checked with the engine's wording; the
   engine checks the rest (chart, metric, top). */

export const THEMES = ["light", "dark", "auto"];
const ALLOWED = {
  theme: [THEMES, "\"light\", \"dark\" or \"auto\""],
  controls: [["full", "none"], "\"full\" or \"none\""],
  footer: [["full", "none"], "\"full\" or \"none\""],
};
export const darkQuery = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;

/** Throws an Error naming the attribute and what it allows. */
export function checkOptions(o) {
  const bad = (name, allowed) => new Error(name + "=\"" + o[name] + "\" is not allowed: use " + allowed);
  for (const name in ALLOWED) if (o[name] && ALLOWED[name][0].indexOf(o[name]) < 0) throw bad(name, ALLOWED[name][1]);
  if (o.lang && !/^(zh|en)([-_].*)?$/i.test(o.lang)) throw bad("lang", "\"zh-CN\" or \"en\"");
}

/** Light unless the host says otherwise: "auto" follows the color-scheme the
    host page declares (CSS color-scheme on `node` or <meta name="color-scheme">),
    and the reader's setting only where the page supports both. */
export function resolvedTheme(theme, node) {
  if (theme !== "auto") return theme === "dark" ? "dark" : "light";
  let scheme = "";
  try { scheme = node && typeof getComputedStyle === "function" ? getComputedStyle(node).colorScheme || "" : ""; } catch (err) { scheme = ""; }
  if (!/dark|light/.test(scheme) && typeof document !== "undefined") {
    const meta = document.querySelector('meta[name="color-scheme"]');
    scheme = meta ? meta.content : "";
  }
  if (!/dark/.test(scheme)) return "light";
  if (!/light/.test(scheme)) return "dark";
  return darkQuery && darkQuery.matches ? "dark" : "light";
}

/** Brand colours from the element's CSS custom properties, for the canvas. */
export function brandColors(node) {
  if (!node || typeof getComputedStyle !== "function") return "";
  const style = getComputedStyle(node);
  const out = [];
  for (const name of ["background", "text", "muted", "accent", "palette"]) {
    const v = style.getPropertyValue("--heluo-" + name).trim();
    if (v) out.push(name + ":" + v.replace(/\s+/g, ""));
  }
  return out.join(";");
}

/** The options and attributes that map a table's columns. */
export const MAPPING = ["time", "name", "value", "group"];

/** The mapping an embedder gives: a recipe (the importer's mapping with every
    decision explicit, as "Save as Heluo JSON" and the embed code keep it: an
    object or its JSON text), with the options or attributes time, name,
    value, group over it; undefined to infer everything. */
export function mappingOf(o) {
  const m = {};
  let any = false;
  if (o.recipe) {
    let recipe = o.recipe;
    if (typeof recipe === "string") {
      try { recipe = JSON.parse(recipe); } catch (err) { throw new Error("recipe: not JSON (" + err.message + ")"); }
    }
    if (recipe === null || typeof recipe !== "object" || Array.isArray(recipe)) throw new Error("recipe: expected an object such as {\"time\": \"year\", \"value\": [\"rate\"]}");
    Object.assign(m, recipe);
    any = true;
  }
  for (const k of MAPPING) if (o[k] !== undefined && o[k] !== null) { m[k] = o[k]; any = true; }
  return any ? m : undefined;
}
