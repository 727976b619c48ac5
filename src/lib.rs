//! Heluo: poverty-trend and village-ranking charts from a JSON dataset.
//!
//! ```text
//!   bytes ──parse──▶ Dataset ──layout(view, width)──▶ marks + hit structures
//!                                                        │            │
//!                                              render(DrawingBackend) hit(pointer)
//!                                              canvas · SVG · tests   tooltip
//! ```
//!
//! Everything but [`web`] is platform-free and tested natively with `cargo test`.
//! [`web`] (wasm32 only) is the one module that knows web-sys and `JsValue`.

pub mod chart;
pub mod dataset;
pub mod describe;
pub mod error;
pub mod format;
pub mod hit;
pub mod layout;
pub mod render;
pub mod scale;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use chart::{Chart, ChartKind};
pub use dataset::{parse, Dataset};
pub use error::{Error, Result};
