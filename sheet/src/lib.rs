//! Heluo's workbook reader: Excel and OpenDocument workbooks read by calamine,
//! compiled to its own WebAssembly module (pkg/heluo-sheet.js) that the page
//! loads only when a workbook arrives.
//!
//! ```text
//! bytes --read::read--> Workbook | Failure --transfer::encode--> transfer bytes
//!                                                  (decoded by the main crate:
//!                                                   src/dataset/table/sheet.rs)
//! ```
//! What a cell *means* (a header, a year, a unit) is decided in the main crate;
//! this module only says what the file holds: each sheet's cells as a grid at
//! their real row and column, merged ranges, dates in one system.
//!
//! It never traps on purpose: every problem with the file is a [`Failure`]
//! encoded in the transfer, so the main crate words it in the reader's language.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod read;
pub mod transfer;

pub use read::read;
pub use transfer::{encode, Failure, Value, Workbook};

/// Reads a workbook and returns its transfer (a workbook, or why it could not be read).
pub fn read_to_transfer(bytes: &[u8]) -> Vec<u8> {
    encode(&read(bytes))
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Talc, as in the main module (src/web/mod.rs).
    #[global_allocator]
    static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

    /// `HeluoSheet.read(bytes)`: the transfer of a workbook (a Uint8Array).
    #[wasm_bindgen]
    pub fn read(bytes: &[u8]) -> Vec<u8> {
        super::read_to_transfer(bytes)
    }

    /// A "corrupt workbook" transfer with `detail`: what the script returns
    /// when the reader stopped on a fault it could not report itself.
    #[wasm_bindgen]
    pub fn corrupt(detail: &str) -> Vec<u8> {
        super::encode(&Err(super::Failure::Corrupt(detail.into())))
    }
}
