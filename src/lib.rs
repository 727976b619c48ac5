//! Heluo: poverty-trend and village-ranking charts from a JSON dataset.
//!
//! ```text
//!   bytes ──parse──▶ Dataset ──Engine::new(Options)──▶ Engine ◀──apply(Action)── DOM / CLI / tests
//!                                                        │ frame()
//!                      chart::{trend, ranking}: layout ──▶ marks + hit structures
//!                                                        │            │
//!                                              render(DrawingBackend) hit(pointer)
//!                                              canvas · SVG · tests   tooltip
//! ```
//!
//! [`engine`] is the one API (options, actions, what changed, one frame);
//! [`action`] its vocabulary (kinds, options, actions and the [`Request`]s
//! callers name them by, what changed, refusals), a leaf that the engine and
//! the kinds both import; [`chart`] holds each chart kind in its own rooms;
//! [`text`] every word per language, [`user_text`] how a dataset's own text is
//! cleaned, compared and quoted, and [`theme`] every colour. Everything but
//! [`web`] is platform-free and tested natively with `cargo test`.
//! [`web`] (wasm32 only) is the one module that knows web-sys and `JsValue`:
//! plain JS objects cross it as the core's serde types (`web::from_js`,
//! `web::to_js`). No two files under `src/` import each other
//! (tests/suite/house.rs).

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
