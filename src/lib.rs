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
//! [`chart`] holds each chart kind in its own rooms; [`text`] every word per
//! language and [`theme`] every colour. Everything but [`web`] is
//! platform-free and tested natively with `cargo test`.
//! [`web`] (wasm32 only) is the one module that knows web-sys and `JsValue`.

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

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use dataset::{parse, Dataset};
pub use engine::{Action, Changed, ChartKind, Engine, Frame, Options, Refusal, Request};
pub use error::{Error, Result};
