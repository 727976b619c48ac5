//! Tables as people have them, before inference decides what they mean.
//!
//! Every reader (CSV/TSV and pasted text, the JSON shapes that are not format
//! v1, a statistics bureau's export, a workbook's sheet) turns its input into
//! one or more [`Table`]s: named columns of raw [`Cell`]s, with where each row
//! sits in the file so that a message can point at it as the person sees it
//! ("第 14 行，“收入(元)” 列（C 列）"). Inference (`crate::dataset::infer`)
//! reads only this type, so it never knows which format a table came from,
//! except through [`Origin`] when it words a message.
//!
//! Column-major: inference decides per column (is it a time? numbers? a
//! group?), and a reader pushes one cell per column per record.
//!
//! The readers of text: [`read_text`] decides between JSON (text that starts
//! with `{` or `[`, JSON Lines included: [`json_shapes`]) and delimited text
//! ([`delimited`]: CSV, TSV, a paste), and says what it decided in a
//! [`ReadReport`]. Format v1 is not read here: [`TextTables::FormatV1`] tells
//! the caller to use [`crate::dataset::parse`]. Cells stay raw; deciding what
//! they mean is inference's job.

pub mod delimited;
pub mod json_shapes;

pub use delimited::{read_delimited, DelimitedReport};
pub use json_shapes::{read_json, JsonShape, JsonTables};

use crate::error::{Error, Result};

/// What a text was read as, for the summary ("CSV, semicolons, header on
/// line 4, 3 title lines, 2 blank lines skipped").
#[derive(Debug, Clone, PartialEq)]
pub enum Format {
    /// Delimited text: what the reader decided.
    Delimited(DelimitedReport),
    /// JSON (JSON Lines included) in one of the table shapes.
    Json(JsonShape),
}

/// The file-level decisions of [`read_text`].
#[derive(Debug, Clone, PartialEq)]
pub struct ReadReport {
    pub format: Format,
    /// The text began with a byte order mark (removed before reading).
    pub bom: bool,
}

/// What a text holds: a Heluo dataset, or tables.
#[derive(Debug, Clone, PartialEq)]
pub enum TextTables {
    /// Format v1 (a JSON object with `trend` or `ranking`): parse it with
    /// [`crate::dataset::parse`] as before.
    FormatV1,
    /// One table (several for a JSON-stat bundle), and how it was read.
    Tables {
        tables: Vec<Table>,
        report: ReadReport,
    },
}

/// Reads decoded text (a file or a paste) into tables. JSON when it starts
/// with `{` or `[` (after a byte order mark and whitespace): a syntax error
/// there is a JSON syntax error with its line and column, and several JSON
/// values one per line are JSON Lines. Anything else is delimited text.
pub fn read_text(text: &str, pasted: bool) -> Result<TextTables> {
    let bom = text.starts_with('\u{FEFF}');
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::EmptyText { pasted });
    }
    if text.trim_start().starts_with(['{', '[']) {
        return Ok(match read_json(text)? {
            JsonTables::FormatV1 => TextTables::FormatV1,
            JsonTables::Tables { tables, shape } => TextTables::Tables {
                tables,
                report: ReadReport {
                    format: Format::Json(shape),
                    bom,
                },
            },
        });
    }
    let (table, report) = read_delimited(text, pasted)?;
    Ok(TextTables::Tables {
        tables: vec![table],
        report: ReadReport {
            format: Format::Delimited(report),
            bom,
        },
    })
}

pub mod sheet;

/// One cell as the file holds it: nothing is decided yet (a CSV field is
/// always [`Cell::Text`], even "3.12").
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// An empty field, JSON `null`, an empty spreadsheet cell.
    Empty,
    /// Text as written: `"3.12%"`, `"200,000"`, `"2013年"`, `"洛龙区"`.
    Text(String),
    /// A number the file typed as one (a JSON number, a numeric sheet cell).
    Number(f64),
    /// JSON `true`/`false`, a spreadsheet boolean.
    Bool(bool),
    /// A spreadsheet date as days since 1899-12-30 (Excel's 1900 system; a
    /// workbook in the 1904 system is shifted by its reader), fraction = time of day.
    Date(f64),
}

/// One column: the name its header shows, and one cell per row.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// As the header shows it (merged header cells are filled across by the
    /// reader); may be empty when the file has no name for the column.
    pub name: String,
    /// One cell per row of the table: every column of a table is as long as
    /// [`Table::rows`].
    pub cells: Vec<Cell>,
}

/// Where a table came from: how its rows and columns are named in messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// Delimited text (a file or a paste): rows are the file's line numbers,
    /// columns are letters as a spreadsheet shows them (A, B, …, AA).
    /// `delimiter` is 0 ([`delimited::NO_DELIMITER`]) for a single column.
    Delimited { delimiter: u8, pasted: bool },
    /// A JSON document that is not format v1: rows are record indexes
    /// (`data[13]`), columns are keys. `path` is where the records are (`"data"`, `""` for the root).
    Json { path: String },
    /// A workbook's sheet: rows are the sheet's row numbers, columns letters.
    Sheet { name: String },
    /// JSON Lines (one record a line): rows are the file's 1-based line
    /// numbers, columns are keys.
    JsonLines,
}

/// A table read from a file, with what the reader learned around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub origin: Origin,
    pub columns: Vec<Column>,
    /// For each row, its number as the person sees it: the 1-based line of a
    /// CSV record's first line, the sheet's row number, or the JSON array
    /// index (0-based, written `data[13]`).
    pub row_numbers: Vec<usize>,
    /// The 1-based column number of each column in the file (for letters:
    /// 3 is C), when the reader left columns out (empty ones) or the table
    /// does not start in column A. Same length as `columns`.
    pub column_numbers: Vec<usize>,
    /// Lines above the header: a bureau export's "数据库：年度数据",
    /// "指标：…", "时间：最近10年". The first is usually the title.
    pub title_lines: Vec<String>,
    /// Lines below the data: "注：…".
    pub notes: Vec<String>,
    /// The source a "数据来源：国家统计局" line names, without its label.
    pub source: Option<String>,
    /// What the reader did that the person should know: lines skipped and
    /// why, rows shorter or longer than the header.
    pub skipped: Vec<Skipped>,
}

/// A line or row a reader did not read into the table, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// Its row number, as in [`Table::row_numbers`].
    pub row: usize,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SkipReason {
    /// A blank line inside the data.
    Blank,
    /// A row with more fields than the header: `found` fields, the extra ones
    /// not empty (a row with fewer fields is padded with empty cells, not skipped).
    TooManyFields { found: usize, expected: usize },
    /// A record that is not an object/array where records are expected (JSON).
    NotARecord { found: String },
}

impl Table {
    /// The number of rows (every column has this many cells).
    pub fn rows(&self) -> usize {
        self.row_numbers.len()
    }
}

/// "A", "B", …, "Z", "AA", …: a 1-based column number as a spreadsheet names it.
pub fn column_letters(number: usize) -> String {
    let mut n = number;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n.saturating_sub(1)) % 26;
        letters.push(char::from(b'A'.saturating_add(rem as u8)));
        n = n.saturating_sub(1) / 26;
    }
    letters.iter().rev().collect()
}
