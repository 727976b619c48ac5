//! The transfer: how a read workbook (or the reason it could not be read)
//! crosses from this module to the main one, as one byte buffer.
//!
//! Why bytes and not JavaScript values: a 300,000-row sheet as nested JS arrays
//! (serde-wasm-bindgen) makes 1.5 million JS values on the way out and reads
//! them back one by one on the way in; a buffer is one copy each way, and the
//! main crate decodes it with slices (`src/dataset/table/sheet.rs`).
//!
//! ## Format, version 1
//! Integers are `u32` little-endian, numbers `f64` little-endian; a *string* is
//! its UTF-8 length (`u32`) then its bytes; *str* is a `u32` index into the
//! string table.
//!
//! ```text
//! "HLSX"                      magic (4 bytes)
//! u32 version                 1
//! u32 kind                    0 = workbook, 1 = failure
//!
//! failure:  u32 reason        1 corrupt, 2 password-protected or encrypted,
//!                             3 not a workbook format this reader knows
//!           string detail     the reader's own words (English, for the log)
//!
//! workbook: u32 flags         bit 0: the workbook uses the 1904 date system
//!                             (its dates are already shifted to the 1900 system)
//!           u32 active        index of the sheet to show first (see below)
//!           u32 strings       count, then each string; every text, error and
//!                             sheet name once (repeated texts share an entry)
//!           u32 sheets        count, then each sheet:
//!             str name
//!             u32 visibility  0 visible, 1 hidden, 2 very hidden
//!             u32 first_row   0-based sheet row of the grid's first row (B3 -> 2)
//!             u32 first_col   0-based sheet column of the grid's first column (B3 -> 1)
//!             u32 height      rows in the grid (0 for an empty sheet)
//!             u32 width       columns in the grid
//!             u32 merges      count, then per merged range four u32: first row,
//!                             first column, last row, last column (0-based sheet
//!                             coordinates, inclusive); the value is in the first cell
//!             height*width    one tag byte per cell, row by row:
//!                             0 empty, 1 number, 2 text, 3 false, 4 true,
//!                             5 date, 6 error
//!             payloads        for each cell in the same order: number and date
//!                             an f64 (a date is days since 1899-12-30, the
//!                             fraction the time of day), text and error a str
//!                             (an error's text as Excel shows it: "#N/A");
//!                             empty and booleans have none
//! ```
//! `active` is the sheet the workbook opens on when it says so (xlsx) and that
//! sheet is visible and not empty; otherwise the first visible sheet with a
//! cell; 0 when no sheet has any.

use std::collections::HashMap;

/// The first bytes of every transfer.
pub const MAGIC: &[u8; 4] = b"HLSX";
/// The format described in this module's documentation.
pub const VERSION: u32 = 1;

/// Cell tags, as written in the grid.
pub mod tag {
    pub const EMPTY: u8 = 0;
    pub const NUMBER: u8 = 1;
    pub const TEXT: u8 = 2;
    pub const FALSE: u8 = 3;
    pub const TRUE: u8 = 4;
    pub const DATE: u8 = 5;
    pub const ERROR: u8 = 6;
}

/// One cell as the transfer carries it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Number(f64),
    Text(String),
    Bool(bool),
    /// Days since 1899-12-30 (Excel's 1900 system), whatever the workbook's system.
    Date(f64),
    /// An error cell, as Excel shows it ("#N/A", "#DIV/0!").
    Error(String),
}

/// Whether a sheet shows in the workbook's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Visible = 0,
    Hidden = 1,
    VeryHidden = 2,
}

/// A merged range, 0-based sheet coordinates, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

/// One sheet: its used range as a dense grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub visibility: Visibility,
    pub first_row: u32,
    pub first_col: u32,
    pub height: u32,
    pub width: u32,
    /// `height * width` cells, row by row.
    pub cells: Vec<Value>,
    pub merges: Vec<Merge>,
}

/// A workbook as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
    pub active: u32,
    pub date_1904: bool,
}

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Corrupt(String),
    Encrypted,
    Unsupported(String),
}

impl Failure {
    fn code(&self) -> u32 {
        match self {
            Failure::Corrupt(_) => 1,
            Failure::Encrypted => 2,
            Failure::Unsupported(_) => 3,
        }
    }

    fn detail(&self) -> &str {
        match self {
            Failure::Corrupt(detail) | Failure::Unsupported(detail) => detail,
            Failure::Encrypted => "",
        }
    }
}

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn u32(&mut self, value: u32) {
        self.out.extend_from_slice(&value.to_le_bytes());
    }

    fn f64(&mut self, value: f64) {
        self.out.extend_from_slice(&value.to_le_bytes());
    }

    fn len(&mut self, value: usize) {
        self.u32(u32::try_from(value).unwrap_or(u32::MAX));
    }

    fn string(&mut self, text: &str) {
        self.len(text.len());
        self.out.extend_from_slice(text.as_bytes());
    }
}

/// The string table: each distinct text once, in first-use order.
#[derive(Default)]
struct Strings<'a> {
    index: HashMap<&'a str, u32>,
    list: Vec<&'a str>,
}

impl<'a> Strings<'a> {
    fn intern(&mut self, text: &'a str) -> u32 {
        let next = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        *self.index.entry(text).or_insert_with(|| {
            self.list.push(text);
            next
        })
    }
}

/// Writes a workbook, or why it could not be read, as a transfer.
pub fn encode(result: &Result<Workbook, Failure>) -> Vec<u8> {
    let mut w = Writer { out: Vec::new() };
    w.out.extend_from_slice(MAGIC);
    w.u32(VERSION);
    match result {
        Err(failure) => {
            w.u32(1);
            w.u32(failure.code());
            w.string(failure.detail());
        }
        Ok(book) => encode_workbook(&mut w, book),
    }
    w.out
}

fn encode_workbook(w: &mut Writer, book: &Workbook) {
    let mut strings = Strings::default();
    // First pass: the string table, and each sheet's name index.
    let names: Vec<u32> = book
        .sheets
        .iter()
        .map(|sheet| {
            let name = strings.intern(&sheet.name);
            for cell in &sheet.cells {
                if let Value::Text(text) | Value::Error(text) = cell {
                    strings.intern(text);
                }
            }
            name
        })
        .collect();
    w.u32(0);
    w.u32(u32::from(book.date_1904));
    w.u32(book.active);
    w.len(strings.list.len());
    for text in &strings.list {
        w.string(text);
    }
    w.len(book.sheets.len());
    for (sheet, name) in book.sheets.iter().zip(names) {
        w.u32(name);
        w.u32(sheet.visibility as u32);
        w.u32(sheet.first_row);
        w.u32(sheet.first_col);
        w.u32(sheet.height);
        w.u32(sheet.width);
        w.len(sheet.merges.len());
        for merge in &sheet.merges {
            w.u32(merge.first_row);
            w.u32(merge.first_col);
            w.u32(merge.last_row);
            w.u32(merge.last_col);
        }
        w.out.extend(sheet.cells.iter().map(|cell| match cell {
            Value::Empty => tag::EMPTY,
            Value::Number(_) => tag::NUMBER,
            Value::Text(_) => tag::TEXT,
            Value::Bool(false) => tag::FALSE,
            Value::Bool(true) => tag::TRUE,
            Value::Date(_) => tag::DATE,
            Value::Error(_) => tag::ERROR,
        }));
        for cell in &sheet.cells {
            match cell {
                Value::Number(n) | Value::Date(n) => w.f64(*n),
                Value::Text(text) | Value::Error(text) => {
                    let index = strings.index.get(text.as_str()).copied().unwrap_or(0);
                    w.u32(index);
                }
                Value::Empty | Value::Bool(_) => {}
            }
        }
    }
}
