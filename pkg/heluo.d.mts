// Types of the ES module entry (heluo.mjs); the shapes are declared once, in
// heluo.d.ts, in the global namespace `Heluo` that the classic script sets.
/// <reference path="./heluo.d.ts" />

/** One chart in `target` from data (JSON text, bytes or a plain object). Throws an Error naming what is wrong and where. */
export declare function render(
  target: Element,
  data: string | Uint8Array | ArrayBuffer | object,
  options?: Heluo.RenderOptions,
): Heluo.ChartHandle;
/** Defines <heluo-chart> (once) and returns its class; undefined without a DOM (server rendering). */
export declare function define(): CustomElementConstructor | undefined;
/** Parses a dataset; throws an Error with the JSON path of the problem. */
export declare function parseDataset(bytes: Uint8Array, lang?: string): Heluo.DatasetHandle;
/** The engine on two canvases (see README "The engine API"). */
export declare function ChartEngine(dataset: Heluo.DatasetHandle, options: Heluo.EngineOptions): Heluo.ChartEngine;
