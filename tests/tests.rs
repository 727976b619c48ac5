//! Heluo's native integration tests: one binary, a module per topic.
//!
//! Fixtures live in `tests/fixtures/`; the two sample datasets the page ships
//! are read from `www/data/`. Run with `cargo test`.

// Shared helpers: fixture loading, parsing shortcuts, generated datasets, engines.
#[path = "suite/util.rs"]
mod util;

// The one recording drawing backend (also used by examples/bench.rs and the render fuzzer).
#[path = "support/record.rs"]
mod record;

// The JSON reader against serde_json: the same verdict and words on edited texts.
#[path = "suite/json_reader.rs"]
mod json_reader;

// Dataset snapshots (worker → page): round trips, and refusal of foreign bytes.
#[path = "suite/snapshot.rs"]
mod snapshot;

// Format v1: shorthands, validation, and the exact text of every parse error.
#[path = "suite/dataset.rs"]
mod dataset;

// Numbers as readers see them: units, 万, thousands separators, signs.
#[path = "suite/format.rs"]
mod format;

// Linear scales and ticks: round trips, degenerate domains, tick coverage.
#[path = "suite/scale.rs"]
mod scale;

// Trend layout: a true year axis, gaps, legend, hidden series and zoom.
#[path = "suite/layout_trend.rs"]
mod layout_trend;

// Ranking layout: sort order, top-N cut, left-out villages, degenerate sizes.
#[path = "suite/layout_ranking.rs"]
mod layout_ranking;

// Hit-testing: the pointer finds what was drawn under it, and nothing elsewhere.
#[path = "suite/hit.rs"]
mod hit;

// Words for the charts: tooltips, tables, titles and descriptions.
#[path = "suite/describe.rs"]
mod describe;

// Chart state through the engine: creation, accessors, pointer, overlay, show-all, resize.
#[path = "suite/chart.rs"]
mod chart;

// The reader's actions: keys, clicks, pins, search, group filter, zoom, re-sort transitions.
#[path = "suite/interaction.rs"]
mod interaction;

// The engine API: options, refusals, what changed, independent engines, themes as input.
#[path = "suite/engine.rs"]
mod engine;

// Many series: names at line ends, highlight by search, buttons, hover and keys.
#[path = "suite/many_series.rs"]
mod many_series;

// Languages: no Chinese in an English chart, no English in a Chinese one.
#[path = "suite/language.rs"]
mod language;

// Themes: complete and readable (WCAG contrast).
#[path = "suite/theme.rs"]
mod theme;

// Contrast and colour vision: WCAG ratios, and ΔE00 under simulated dichromacy.
#[path = "suite/contrast.rs"]
mod contrast;

// Rendering through plotters: SVG structure, escaping, and a recording backend.
#[path = "suite/render.rs"]
mod render;

// Bad input: a corpus of broken, mis-encoded and mistaken files, and generated huge ones.
#[path = "suite/bad_input.rs"]
mod bad_input;

// Properties over generated datasets: any valid dataset lays out, renders and hit-tests.
#[path = "suite/properties.rs"]
mod properties;

// Issue 8 audit: bidi and controls in every written word, many series, negative 万元 bars.
#[path = "suite/integrity.rs"]
mod integrity;

// Ties share a rank (1, 1, 3) in every place a rank is written.
#[path = "suite/ties.rs"]
mod ties;

// Format v1 as Rust types: the generated JSON Schema, and saved datasets that load back.
#[path = "suite/schema.rs"]
mod schema;

// Table readers: CSV/TSV/paste and the JSON shapes, inline and as publishers write them.
#[path = "suite/tables.rs"]
mod tables;
// Inference: tables into trend and ranking, the summary, the mapping and its replay.
#[path = "suite/infer.rs"]
mod infer;
// Workbook sheets as tables: the workbook reader's transfers (tests/fixtures/workbooks/) decoded.
#[path = "suite/sheet.rs"]
mod sheet;

// The house has no circles: the files under src/ import one another acyclically.
#[path = "suite/house.rs"]
mod house;

// The page's own words, written from the text tables to www/page-words.js.
#[path = "suite/page_words.rs"]
mod page_words;

// The package's TypeScript declarations declare every field the boundary's types serialize.
#[path = "suite/typescript.rs"]
mod typescript;

// The `heluo` command as a process: check, render, html, cards, and its failures.
#[path = "suite/cli.rs"]
mod cli;

// Public datasets as published (vega-datasets from npm, not in the repository) load into the expected charts.
#[path = "suite/public.rs"]
mod public;

// Public data as published: the charts a reader expects, and the correction panel's words.
#[path = "suite/public_data.rs"]
mod public_data;
