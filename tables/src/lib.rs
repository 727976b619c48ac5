//! The table importer as a WebAssembly module of its own (see Cargo.toml for
//! why): [`Import`] holds a file's tables and what inference made of them; the
//! page shows its summary, sends corrections, and hands the dataset to the
//! main module as a snapshot.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[cfg(target_arch = "wasm32")]
mod web;

pub mod value;
