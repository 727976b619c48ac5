//! Heluo: poverty-trend and village-ranking charts from a dataset.
//!
//! ```text
//!  bytes ─parse─▶ Dataset ─Engine::new(Options)─▶ Engine ◀─apply(Action) / request(Request)─ DOM · CLI · tests
//!  (JSON: dataset::parse;                           │  returns Changed: what to redraw
//!   tables: dataset::import)                        │
//!                    chart::{trend, ranking}: layout ─▶ marks() · overlay() · export()   ─▶ render: canvas · SVG · PNG
//!                                                   ├▶ hit(pointer) ─▶ tooltip() · announcement()
//!                                                   └▶ title() · description() · controls() · table()   ─▶ the DOM
//! ```
//!
//! Renderers read the parts they draw: the page's canvas `marks()` and
//! `overlay()`, exports and the command `export()` (the marks with the data's
//! words under them); [`Engine::frame`] gathers every part at once, for tests.
//!
//! [`engine`] is the one API (options, actions, what changed);
//! [`action`] its vocabulary (kinds, options, actions and the [`Request`]s
//! callers name them by, what changed, refusals), a leaf that the engine and
//! the kinds both import; [`chart`] holds each chart kind in its own rooms;
//! [`text`] every word per language, [`user_text`] how a dataset's own text is
//! cleaned, compared and quoted, and [`theme`] every colour. Everything but
//! `web` is platform-free and tested natively with `cargo test`.
//! `web` (wasm32 only) is the one module that knows web-sys and `JsValue`:
//! plain JS objects cross it as the core's serde types (`web::from_js`,
//! `web::to_js`). No two files under `src/` import each other
//! (tests/suite/house.rs).
//!
//! Words that mean one thing here: a **dataset** is what a file holds (format
//! v1, or a table once imported); a **chart** is one trend or one ranking of
//! it; the **view** is what a reader has made of a chart (zoom, pinned
//! villages, highlighted or hidden lines, the metric, the order: `TrendView`,
//! `RankingView`, and the `#v1&…` link that shares it); a **recipe** is how a
//! table was imported (`dataset::infer::Mapping`), kept so the next file
//! replays it; the import's **summary** is what was understood
//! (`Summary`), in words by `Summary::words`; the JavaScript class
//! `ChartEngine` (the DOM layer's `chart.engine`) is the engine of one chart
//! on its canvases (it was `ChartView` before the view got its one sense).

// A panic in wasm aborts the instance and kills every chart on the page, so the
// core never panics on purpose: no unwrap/expect, no unchecked indexing.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented,
    clippy::string_slice,
    clippy::arithmetic_side_effects
)]

pub mod action;
pub mod chart;
pub mod dataset;
pub mod engine;
pub mod error;
pub mod format;
pub(crate) mod hash;
pub mod mark;
pub mod render;
pub mod scale;
pub mod text;
pub mod theme;
pub mod user_text;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod web;

pub use dataset::{parse, Dataset};
pub use engine::{Action, Changed, ChartKind, Engine, Frame, Options, Refusal, Request};
pub use error::{Error, Result};
