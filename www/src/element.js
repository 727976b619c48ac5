/* <heluo-chart src="data.json" chart="trend">: the chart in an open shadow
   root, initialised when it comes near the viewport and freed when removed.
   It draws through Heluo.render (render.js). */
import { el } from "./util.js";
import { isZh, reasoned } from "./words.js";
import { darkQuery, MAPPING, resolvedTheme, THEMES } from "./options.js";
import { adoptChartSheet } from "./style.js";

const ATTRIBUTES = ["src", "chart", "metric", "top", "theme", "lang", "chart-title", "controls", "time", "name", "value", "group", "encoding", "recipe", "footer", "fallback"];
/* The largest file read from src. */
const LIMIT = 256 * 1024 * 1024;

/** Defines the element once and returns its class (undefined where there is
    no DOM: a server rendering the page). Heluo.define. */
export function defineElement() {
  if (typeof customElements === "undefined" || typeof HTMLElement === "undefined") return undefined;
  if (!customElements.get("heluo-chart")) customElements.define("heluo-chart", HeluoChart);
  return customElements.get("heluo-chart");
}

/* Without a DOM (a worker, a server) the class extends Object and is never defined. */
class HeluoChart extends (typeof HTMLElement === "undefined" ? Object : HTMLElement) {
  static get observedAttributes() { return ATTRIBUTES; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    adoptChartSheet(root);
    this._box = el("div", "heluo-root");
    this._alert = el("div", "alert");
    this._alert.setAttribute("role", "alert");
    this._alert.hidden = true;
    this._charts = el("div", "charts");
    this._box.append(this._alert, this._charts);
    root.appendChild(this._box);
    this._render = null;
    this._load = 0;
  }

  connectedCallback() {
    this._connected = true;
    if (this._observer || this._render) return;
    if (typeof IntersectionObserver === "function") {
      this._observer = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this._observer.disconnect();
        this._observer = null;
        this._start();
      }, { rootMargin: "300px" });
      this._observer.observe(this);
    } else {
      this._start();
    }
    this._onScheme = () => { if (this.getAttribute("theme") === "auto") this._setTheme(); };
    if (darkQuery) darkQuery.addEventListener("change", this._onScheme);
    /* Inline data added or changed after the element is in the page (as
       frameworks do) redraws; so does src (attributeChangedCallback). */
    if (typeof MutationObserver === "function") {
      this._mutations = new MutationObserver(() => {
        if (this.hasAttribute("src") || this._observer) return;
        const script = this.querySelector('script[type="application/json"]');
        if (script && script.textContent !== this._inline) this._start();
      });
      this._mutations.observe(this, { childList: true, subtree: true, characterData: true });
    }
  }

  disconnectedCallback() {
    this._connected = false;
    if (this._observer) { this._observer.disconnect(); this._observer = null; }
    if (this._abort) { this._abort.abort(); this._abort = null; }
    this._load++;
    if (darkQuery && this._onScheme) darkQuery.removeEventListener("change", this._onScheme);
    if (this._mutations) { this._mutations.disconnect(); this._mutations = null; }
    if (this._render) { this._render.destroy(); this._render = null; }
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this._connected || this._observer) return;
    if (name === "theme" && this._render) { this._setTheme(); return; }
    if (name === "src" || name === "encoding" || name === "recipe" || MAPPING.indexOf(name) >= 0 || !this._render) { this._start(); return; }
    this._apply();
  }

  _options() {
    const o = {};
    for (const a of ATTRIBUTES) {
      const v = this.getAttribute(a);
      if (v !== null && a !== "src") o[a === "chart-title" ? "title" : a] = v;
    }
    o.theme = THEMES.indexOf(o.theme || "light") >= 0 ? resolvedTheme(o.theme || "light", this) : o.theme;
    o.onError = (err) => this._fail(err);
    return o;
  }

  _setTheme() {
    this.setAttribute("data-theme", resolvedTheme(this.getAttribute("theme") || "light", this));
    this._apply();
  }

  /* A reader action on the chart shown ({type: "pin", village: "王屯村"}, …):
     what changed; null while no chart is shown. */
  apply(action) { return this._render ? this._render.apply(action) : null; }

  /* The attributes changed: the chart redrawn with them. */
  _apply() {
    if (!this._render) return;
    try {
      this._render.setOptions(this._options());
      this._ok();
    } catch (err) { this._fail(err); }
  }

  _fail(err) {
    const message = (err && err.message) || String(err);
    this._alert.textContent = message;
    this._alert.hidden = false;
    /* detail: { message, reason } ("wasm-blocked", "no-data", "load-failed", …, else "error"). */
    this.dispatchEvent(new CustomEvent("heluo:error", { detail: { message, reason: (err && err.reason) || "error" }, bubbles: true, composed: true }));
  }

  _ok() {
    this._alert.hidden = true;
    this._alert.textContent = "";
    this.dispatchEvent(new CustomEvent("heluo:ready", { bubbles: true, composed: true }));
  }

  /* Reads the data (src or an inline <script type="application/json">) and
     shows it; a newer start wins over an older one still loading. */
  _start() {
    const ticket = ++this._load;
    this.setAttribute("data-theme", resolvedTheme(this.getAttribute("theme") || "light", this));
    if (this._abort) { this._abort.abort(); this._abort = null; }
    const src = this.getAttribute("src");
    /* Messages in the chart's language: its lang, else the page's. */
    const zh = isZh(this);
    if (!src) {
      const script = this.querySelector('script[type="application/json"]');
      if (!script) { this._fail(reasoned(zh, "no-data")); return; }
      this._inline = script.textContent;
      this._show(ticket, new TextEncoder().encode(script.textContent));
      return;
    }
    let url;
    try { url = new URL(src, document.baseURI); } catch (err) { this._fail(reasoned(zh, "bad-src", src)); return; }
    if (url.protocol === "file:") {
      this._fail(reasoned(zh, "file-src", src));
      return;
    }
    this._fetch(ticket, url, zh);
  }

  /* Draws `bytes`, unless a newer start came since. */
  _show(ticket, bytes) {
    if (ticket !== this._load || !this.isConnected) return;
    try {
      const options = this._options();
      if (this._render) this._render.update(bytes, options);
      else this._render = globalThis.Heluo.render(this._charts, bytes, options);
      /* A table draws once the importer has read it. */
      this._render.ready.then(() => { if (ticket === this._load) this._ok(); }, () => {});
    } catch (err) { this._fail(err); }
  }

  /* Fetches src (same-origin credentials, at most 256 MB), then shows it. */
  _fetch(ticket, url, zh) {
    const abort = typeof AbortController === "function" ? new AbortController() : null;
    this._abort = abort;
    const cannot = (why) => {
      const err = new Error((zh ? "无法载入 " : "could not load ") + url.href + (zh ? "：" : ": ") + why);
      err.reason = "load-failed";
      return err;
    };
    const tooLarge = zh ? "文件大于 256 MB" : "the file is larger than 256 MB";
    fetch(url.href, { signal: abort ? abort.signal : undefined, credentials: "same-origin" }).then((response) => {
      if (!response.ok) throw cannot((zh ? "服务器回答 HTTP " : "HTTP ") + response.status + (response.statusText ? " " + response.statusText : ""));
      if (Number(response.headers.get("content-length")) > LIMIT) throw cannot(tooLarge);
      return response.arrayBuffer();
    }, (err) => {
      if (err && err.name === "AbortError") throw err;
      throw cannot(zh ? "请求失败（离线，或被 CORS 或页面的内容安全策略拦截）" : "the request failed (offline, or blocked by CORS or the page's Content-Security-Policy)");
    }).then((buffer) => {
      if (this._abort === abort) this._abort = null;
      if (buffer.byteLength > LIMIT) throw cannot(tooLarge);
      this._show(ticket, new Uint8Array(buffer));
    }).catch((err) => {
      if (err && err.name === "AbortError") return;
      if (ticket === this._load) this._fail(err);
    });
  }
}
