// Type declarations for pkg/heluo.js: the classic script defines the global
// `Heluo` (and the <heluo-chart> element) and nothing else on `window`.

declare namespace Heluo {
  /** Options as <heluo-chart>'s attributes. */
  interface RenderOptions {
    /** Which chart; default: the first the data has. */
    chart?: "trend" | "ranking";
    /** Ranking: the metric shown first, by key. */
    metric?: string;
    /** Ranking: rows shown before "show all" (default 15). */
    top?: number | string;
    /** Default "light"; "auto" follows the host page's declared color-scheme (CSS or <meta name="color-scheme">), and the reader's setting only where the page supports both. */
    theme?: "light" | "dark" | "auto";
    /** Default: the dataset's locale. */
    lang?: "zh-CN" | "en";
    /** Replaces the chart's title. */
    title?: string;
    /** The same as `title` (the element's attribute name). */
    "chart-title"?: string;
    /** "none" hides the footer with the data's title, subtitle, source and note (shown by default). */
    footer?: "full" | "none";
    /** An image shown with the data table where the WebAssembly cannot run (a policy without 'wasm-unsafe-eval'). */
    fallback?: string;
    /** Table data: the columns to use (inferred when absent). */
    time?: string;
    name?: string;
    value?: string;
    group?: string;
    /** Table bytes: the text encoding, a TextDecoder label ("gb18030", "big5", "utf-16le"…); decided from the bytes when absent. */
    encoding?: string;
    /** An import's whole mapping (the recipe "Save as Heluo JSON" keeps), as an object or its JSON text, replayed on this data; time, name, value and group override it. */
    recipe?: string | Record<string, unknown>;
    /** "none": no buttons; hover, keys and the data table still work. */
    controls?: "full" | "none";
    /** Brand colours: "background:#fff; text:#222; accent:#c00; palette:#a00,#05a". Default: the element's --heluo-* CSS custom properties. */
    colors?: string;
    /** Called with errors that happen while the reader uses the chart. */
    onError?: (error: Error) => void;
  }

  /** What Heluo.render returns. */
  interface ChartHandle {
    /** Resolves once the chart is drawn (a table is imported first); rejects with the error. */
    ready: Promise<ChartHandle>;
    /** New data (and options, when given); on error the chart shown stays and the error is thrown. */
    update(data: string | Uint8Array | ArrayBuffer | object, options?: RenderOptions): ChartHandle;
    /** New options (same data). */
    setOptions(options: RenderOptions): ChartHandle;
    /** A reader action on the chart shown ({type: "pin", village: "王屯村"}): what changed; null while no chart is shown. Throws an Error naming a wrong field. */
    apply(action: Action): Changed | null;
    /** The current view as a standalone SVG document. */
    toSVG(): string;
    /** The current view as a PNG at `scale` (default 2). */
    toPNG(scale?: number): Promise<Blob>;
    /** Removes the chart and frees its memory. */
    destroy(): void;
  }

  /** A parsed, validated dataset (free it when done). */
  class DatasetHandle {
    readonly title?: string;
    readonly subtitle?: string;
    readonly source?: string;
    readonly note?: string;
    readonly locale: string;
    /** "zh-CN" or "en". */
    readonly lang: string;
    /** The chart kinds the dataset holds: "trend", "ranking". */
    readonly charts: string[];
    /** The dataset as bytes, for datasetFromSnapshot in another instance (a worker's). */
    snapshot(): Uint8Array;
    free(): void;
  }

  /** What `new ChartEngine` takes (src/web/mod.rs, EngineOptions). */
  interface EngineOptions {
    chart: "trend" | "ranking";
    canvas: HTMLCanvasElement;
    overlay: HTMLCanvasElement;
    /** CSS px; default 640. */
    width?: number;
    /** devicePixelRatio; default 1. */
    scale?: number;
    theme?: "light" | "dark";
    lang?: string;
    metric?: string;
    top?: number | string;
    title?: string;
    colors?: string;
  }

  // ---- generated from the Rust types by tests/suite/typescript.rs (HELUO_BLESS=1 cargo test typescript); do not edit
  /** A reader action, naming what it acts on (src/action.rs, Request). */
  type Action =
    | { type: "resize"; width: number }
    | { type: "theme"; theme: string }
    | { type: "lang"; lang: string }
    | { type: "pointer" | "click" | "press" | "release"; x: number; y: number }
    | { type: "leave" | "doubleClick" | "zoomIn" | "zoomOut" | "resetZoom" | "toggleOrder" | "toggleShowAll" }
    | { type: "legend"; series?: string | null }
    | { type: "legend"; group?: string | null }
    | { type: "group"; group: string | null }
    | { type: "drag" | "zoomTo"; x0: number; x1: number }
    | { type: "zoomYears"; from: number; to: number }
    | { type: "metric"; key: string }
    | { type: "pin"; village: string }
    | { type: "search" | "pinSearch"; text: string }
    | { type: "highlight"; series: string };

  /** What an action changed, so callers redraw only that. Crosses to JavaScript as an object of named flags (`{marks: true, tooltip: false, …}`). */
  interface Changed {
    /** The base marks (redraw the chart). */
    marks: boolean;
    /** The overlay marks (hover, selection). */
    overlay: boolean;
    /** The chart's height. */
    size: boolean;
    /** The controls' state or labels. */
    controls: boolean;
    /** The data table (order, filter, language). */
    table: boolean;
    /** The tooltip (shown, hidden or different). */
    tooltip: boolean;
    /** A new announcement for the live region. */
    announcement: boolean;
    /** A re-sort transition is pending (animate with [`Engine::transition_marks`](crate::engine::Engine::transition_marks)). */
    transition: boolean;
  }

  /** A tooltip: a heading and label/value rows, anchored at a point in CSS px. */
  interface Tooltip {
    heading: string;
    rows: { label: string; value: string; numeric: boolean; color?: string }[];
    x: number;
    y: number;
    /** The tooltip as one sentence, for the chart's live region. */
    announcement: string;
  }

  /** A control the chart wants shown under it. Each carries the [`Request`] it sends, so the DOM layer draws controls without knowing the chart kind. Crosses to JavaScript tagged by `type` (`"legend"`, `"select"`, …). */
  type Control =
    | { type: "legend"; id: string; label: string; items: { label: string; color: string; pressed: boolean; action: Action; symbol?: string }[] }
    | { type: "select"; id: string; label: string; options: { label: string; action: Action }[]; selected: number }
    | { type: "button"; id: string; label: string; pressed: boolean | null; hidden: boolean; disabled: boolean; action: Action }
    | { type: "search"; label: string; placeholder: string; button: string; status: string };

  /** A data table: what the chart shows, for screen readers and for copying. */
  interface Table {
    caption: string;
    columns: string[];
    /** Which columns hold numbers (right-aligned, never wrapped). */
    numeric: boolean[];
    rows: string[][];
  }
  // ---- end of the generated declarations

  /** One chart's engine on a base and an overlay canvas (see README "The engine API"). */
  class ChartEngine {
    constructor(dataset: DatasetHandle, options: EngineOptions);
    /** A reader action; draws and returns what changed. Throws an Error naming a wrong field. */
    apply(action: Action): Changed;
    /** A key press: what changed, or undefined for a key the chart does not use. */
    key(key: string): Changed | undefined;
    resize(width: number, devicePixelRatio: number): Changed;
    transition(t: number): boolean;
    tooltip(): Tooltip | null;
    controls(): Control[];
    table(): Table;
    svg(): string;
    drawTo(canvas: HTMLCanvasElement, scale: number): void;
    readonly kind: string;
    readonly lang: string;
    readonly height: number;
    readonly title: string;
    readonly description: string;
    readonly role: string;
    readonly keys: string;
    readonly announcement: string;
    readonly metricKey: string;
    readonly focusTop?: number;
    /** Ranking: the pinned villages' names, in the order they were pinned. */
    readonly pins: string[];
    /** Trend: the years zoomed to, [from, to] inclusive; undefined when every year shows. */
    readonly zoom?: Int32Array;
    free(): void;
  }

  /** Set where the WebAssembly could not be compiled ("wasm-blocked": a policy without 'wasm-unsafe-eval'; "wasm-unsupported"): then render() and <heluo-chart> show that, and the data's table. */
  const blocked: "wasm-blocked" | "wasm-unsupported" | undefined;
  /** An Error of the embedding layer, with a machine-readable reason. */
  interface EmbedError { message: string; reason: "wasm-blocked" | "wasm-unsupported" | "no-data" | "load-failed" | "bad-src" | "file-src" | "error" | string }
  /** One chart in `target` (an element in the page; null or a detached element throws) from data (JSON text, bytes or a plain object). Throws an Error naming what is wrong and where. */
  function render(target: Element, data: string | Uint8Array | ArrayBuffer | object, options?: RenderOptions): ChartHandle;
  /** Defines <heluo-chart> (once; the script already does in a browser) and returns its class; undefined without a DOM. */
  function define(): CustomElementConstructor | undefined;
  /** Parses a dataset; throws an Error that says where the problem is (the JSON
   *  path, or the line and column). `lang` ("zh-CN" or "en", English by default)
   *  is the language of the message; `explain` gives the whole one. */
  function parseDataset(bytes: Uint8Array, lang?: string): DatasetHandle;
  /** Format v1's whole message (what is wrong and how to fix it) for bytes that
   *  parseDataset refused with `error`, from the table importer (heluo-tables.js,
   *  loaded next to this script); `error` itself where the importer cannot load. */
  function explain(error: Error, bytes: Uint8Array, lang?: string): Promise<Error>;
  /** Parses in a web worker made from this script (pages served over http or
   *  https). The promise rejects with the parse error, or with null where no
   *  worker could run: then call parseDataset. */
  function parseInWorker(bytes: Uint8Array, lang?: string): { promise: Promise<DatasetHandle>; cancel(): void };
  /** A dataset from DatasetHandle.snapshot() of the same build. */
  function datasetFromSnapshot(bytes: Uint8Array): DatasetHandle;
  /** A word of the DOM layer in "zh-CN" or "en" (see text::CHART_KEYS in src/text). */
  function text(lang: string, key: string, a: string, b: string): string;
  /** A template ({0}, {1}) filled with a and b, their bidi and control characters removed. */
  function fillText(template: string, a: string, b: string): string;
  /** The largest file read, in bytes. */
  function maxFileBytes(): number;
  /** A <heluo-chart> element with the data inline. */
  function elementMarkup(bytes: Uint8Array, attributes: Record<string, string>): string;
  /** A self-contained HTML file of charts (script and data inline, strict CSP). */
  function standalone(bytes: Uint8Array, charts: Record<string, string>[], title: string, lang: string): Promise<string>;
}

interface HTMLElementTagNameMap {
  "heluo-chart": HTMLElement & {
    /** A reader action on the chart shown ({type: "pin", village: "王屯村"}): what changed; null while no chart is shown. Throws an Error naming a wrong field. */
    apply(action: Heluo.Action): Heluo.Changed | null;
  };
}

interface HTMLElementEventMap {
  "heluo:ready": CustomEvent<void>;
  "heluo:error": CustomEvent<Heluo.EmbedError>;
}
