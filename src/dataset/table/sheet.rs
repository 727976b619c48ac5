//! Workbook sheets as tables: decodes the transfer of the workbook reader
//! (the second wasm module, `sheet/`, whose `src/transfer.rs` documents the
//! bytes) and finds the table in each sheet.
//!
//! A sheet is a grid at its real place (data that starts at B3 keeps row 3 and
//! column B). In it:
//! 1. the header is the first row with at least two cells, most of them text
//!    (or text and whole numbers 1800–2100: years typed as numbers), followed
//!    by a row with at least two cells; a sheet whose first such row is mostly
//!    numbers has no header (columns unnamed);
//! 2. every line above the header is a title line (its cells joined);
//! 3. lines of one text cell below the last data row are notes, and a
//!    "数据来源：…" / "资料来源：…" / "Source: …" note gives the source;
//! 4. merged ranges that reach the header or the data show their value in
//!    every cell they cover (a header over two columns names both; a town
//!    merged down its villages' rows groups each of them); merges above the
//!    header (titles) are left alone;
//! 5. a header row with a merged cell over text sub-headers in the next row
//!    is a two-row header: "2019年" over "城镇" names the column "2019年 城镇";
//! 6. blank rows inside the data are skipped (and listed); empty columns are
//!    left out (`column_numbers` keeps the rest's real numbers).
//!
//! Error cells (`#N/A`) arrive as their text, so inference counts them as
//! cells it could not read, with their place.

use super::{Cell, Column, Origin, SkipReason, Skipped, Table};
use crate::error::Error;

/// The first bytes of every transfer (`sheet/src/transfer.rs`).
const MAGIC: &[u8; 4] = b"HLSX";
const VERSION: u32 = 1;

/// A workbook's tables, one per sheet that holds one.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// In the workbook's order; each with `Origin::Sheet`.
    pub tables: Vec<Table>,
    /// The index in `tables` of the table to show first: the sheet the
    /// workbook opens on when it holds a table, else the first table.
    pub active: usize,
    /// The sheets that gave no table, and why (for the sheet picker's note).
    pub left_out: Vec<LeftOut>,
    /// The workbook counts dates from 1904 (its dates are already shifted).
    pub date_1904: bool,
}

/// A sheet that gave no table.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    pub name: String,
    pub reason: LeftOutReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOutReason {
    /// No cell at all.
    Empty,
    /// Cells, but no header row with rows below it (a sheet of notes).
    NoTable,
    /// A hidden sheet: not offered, as the workbook does not show it.
    Hidden,
}

/// Decodes a transfer into the workbook's tables, or the error the workbook
/// reader met (corrupt, encrypted, unsupported), or why no sheet holds a table.
pub fn decode(bytes: &[u8]) -> Result<Workbook, Error> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4)? != MAGIC || r.u32()? != VERSION {
        return Err(Error::SheetTransfer { offset: 0 });
    }
    match r.u32()? {
        0 => workbook(&mut r),
        1 => Err(failure(&mut r)?),
        _ => Err(r.fault()),
    }
}

fn failure(r: &mut Reader) -> Result<Error, Error> {
    let code = r.u32()?;
    let detail = r.string()?;
    Ok(match code {
        1 => Error::WorkbookCorrupt { detail },
        2 => Error::WorkbookEncrypted,
        3 => Error::WorkbookUnsupported { detail },
        _ => r.fault(),
    })
}

fn workbook(r: &mut Reader) -> Result<Workbook, Error> {
    let flags = r.u32()?;
    let active_sheet = r.usize()?;
    let count = r.usize()?;
    let mut strings = Vec::with_capacity(count.min(r.remaining()));
    for _ in 0..count {
        strings.push(r.string()?);
    }
    let sheets = r.usize()?;
    let mut tables = Vec::new();
    let mut left_out = Vec::new();
    let mut active = 0;
    let mut all_empty = true;
    for index in 0..sheets {
        let grid = Grid::read(r, &strings)?;
        all_empty &= grid.is_empty();
        let reason = if grid.hidden {
            Some(LeftOutReason::Hidden)
        } else if grid.is_empty() {
            Some(LeftOutReason::Empty)
        } else {
            None
        };
        let name = grid.name.clone();
        let table = match reason {
            Some(_) => None,
            None => grid.table(),
        };
        match table {
            Some(table) => {
                if index == active_sheet {
                    active = tables.len();
                }
                tables.push(table);
            }
            None => left_out.push(LeftOut {
                name,
                reason: reason.unwrap_or(LeftOutReason::NoTable),
            }),
        }
    }
    if tables.is_empty() {
        return Err(if all_empty {
            Error::WorkbookEmpty { sheets }
        } else {
            Error::WorkbookNoTable {
                sheets: left_out.into_iter().map(|l| l.name).collect(),
            }
        });
    }
    Ok(Workbook {
        tables,
        active,
        left_out,
        date_1904: flags & 1 == 1,
    })
}

/// Reads the transfer's little-endian fields; every read is bounds-checked.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn fault(&self) -> Error {
        Error::SheetTransfer { offset: self.pos }
    }

    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).ok_or_else(|| self.fault())?;
        let slice = self.bytes.get(self.pos..end).ok_or_else(|| self.fault())?;
        self.pos = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, Error> {
        let bytes = self.take(4)?;
        let array: [u8; 4] = bytes.try_into().map_err(|_| self.fault())?;
        Ok(u32::from_le_bytes(array))
    }

    fn usize(&mut self) -> Result<usize, Error> {
        let value = self.u32()?;
        usize::try_from(value).map_err(|_| self.fault())
    }

    fn f64(&mut self) -> Result<f64, Error> {
        let bytes = self.take(8)?;
        let array: [u8; 8] = bytes.try_into().map_err(|_| self.fault())?;
        Ok(f64::from_le_bytes(array))
    }

    fn string(&mut self) -> Result<String, Error> {
        let len = self.usize()?;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| self.fault())
    }

    fn text<'s>(&mut self, strings: &'s [String]) -> Result<&'s str, Error> {
        let index = self.usize()?;
        strings
            .get(index)
            .map(String::as_str)
            .ok_or_else(|| self.fault())
    }
}

/// A merged range, 0-based grid coordinates (relative to the used range), inclusive.
#[derive(Debug, Clone, Copy)]
struct Merge {
    first_row: usize,
    first_col: usize,
    last_row: usize,
    last_col: usize,
}

/// One sheet's used range, row by row.
struct Grid {
    name: String,
    hidden: bool,
    /// 1-based sheet numbers of the grid's first row and column.
    row_base: usize,
    col_base: usize,
    width: usize,
    rows: Vec<Vec<Cell>>,
    merges: Vec<Merge>,
}

mod tag {
    pub const EMPTY: u8 = 0;
    pub const NUMBER: u8 = 1;
    pub const TEXT: u8 = 2;
    pub const FALSE: u8 = 3;
    pub const TRUE: u8 = 4;
    pub const DATE: u8 = 5;
    pub const ERROR: u8 = 6;
}

impl Grid {
    fn read(r: &mut Reader, strings: &[String]) -> Result<Grid, Error> {
        let name = r.text(strings)?.to_owned();
        let hidden = r.u32()? != 0;
        let first_row = r.usize()?;
        let first_col = r.usize()?;
        let height = r.usize()?;
        let width = r.usize()?;
        let merge_count = r.usize()?;
        let mut merges = Vec::with_capacity(merge_count.min(r.remaining()));
        for _ in 0..merge_count {
            let (r0, c0, r1, c1) = (r.usize()?, r.usize()?, r.usize()?, r.usize()?);
            // Relative to the grid; a range that starts above or left of the
            // used range is clipped to it.
            let relative = |at: usize, base: usize| at.saturating_sub(base);
            if r1 < first_row || c1 < first_col {
                continue;
            }
            merges.push(Merge {
                first_row: relative(r0, first_row),
                first_col: relative(c0, first_col),
                last_row: relative(r1, first_row),
                last_col: relative(c1, first_col),
            });
        }
        let cells = height.checked_mul(width).ok_or_else(|| r.fault())?;
        let tags = r.take(cells)?;
        let mut rows = Vec::with_capacity(height.min(tags.len()));
        for row_tags in tags.chunks(width.max(1)) {
            let mut row = Vec::with_capacity(width);
            for &tag in row_tags {
                row.push(match tag {
                    tag::EMPTY => Cell::Empty,
                    tag::NUMBER => Cell::Number(r.f64()?),
                    tag::DATE => Cell::Date(r.f64()?),
                    tag::FALSE => Cell::Bool(false),
                    tag::TRUE => Cell::Bool(true),
                    tag::TEXT | tag::ERROR => Cell::Text(r.text(strings)?.to_owned()),
                    _ => return Err(r.fault()),
                });
            }
            rows.push(row);
        }
        Ok(Grid {
            name,
            hidden,
            row_base: first_row.saturating_add(1),
            col_base: first_col.saturating_add(1),
            width,
            rows,
            merges,
        })
    }

    fn is_empty(&self) -> bool {
        self.rows
            .iter()
            .all(|row| row.iter().all(|c| *c == Cell::Empty))
    }

    fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }

    /// The table in this sheet, if it holds one (steps 1–6 of the module docs).
    fn table(mut self) -> Option<Table> {
        let counts: Vec<RowCount> = self.rows.iter().map(|row| RowCount::of(row)).collect();
        // 1. The header row (or the first data row of a headerless table).
        let first = counts.iter().position(|c| c.cells >= 2)?;
        let next = counts
            .iter()
            .enumerate()
            .skip(first.saturating_add(1))
            .find(|(_, c)| c.cells > 0)
            .map(|(i, c)| (i, c.cells));
        let has_header = counts.get(first).is_some_and(RowCount::mostly_text);
        if has_header && next.is_none_or(|(_, cells)| cells < 2) {
            return None;
        }
        // 4. Merges that reach the header or the data show their value everywhere.
        self.fill_merges(first);
        // 5. A second header row under merged header cells.
        let sub_header = has_header
            && self.merges.iter().any(|m| {
                m.first_row <= first && m.last_row >= first && m.last_col > m.first_col && {
                    let sub = first.saturating_add(1);
                    m.last_row < sub
                        && (m.first_col..=m.last_col)
                            .all(|c| matches!(self.cell(sub, c), Cell::Text(_)))
                }
            });
        let header_rows = match (has_header, sub_header) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        let data_start = first.saturating_add(header_rows);
        // 3. Notes: lines of one text cell (and blank lines) at the bottom.
        let mut data_end = counts.len();
        while data_end > data_start {
            let last = data_end.saturating_sub(1);
            let note_like = counts
                .get(last)
                .is_some_and(|c| c.cells == 0 || (c.cells == 1 && c.text == 1));
            if !note_like {
                break;
            }
            data_end = last;
        }
        let title_lines: Vec<String> = (0..first).filter_map(|r| self.line(r)).collect();
        let mut notes = Vec::new();
        let mut source = None;
        for line in (data_end..counts.len()).filter_map(|r| self.line(r)) {
            match source_of(&line) {
                Some(found) if source.is_none() => source = Some(found),
                _ => notes.push(line),
            }
        }
        // 6. Columns with something in them; rows that are not blank.
        let keep: Vec<usize> = (0..self.width)
            .filter(|&c| (first..data_end).any(|r| *self.cell(r, c) != Cell::Empty))
            .collect();
        let mut columns: Vec<Column> = keep
            .iter()
            .map(|&c| Column {
                name: if has_header {
                    self.header_name(first, header_rows, c)
                } else {
                    String::new()
                },
                cells: Vec::new(),
            })
            .collect();
        let mut row_numbers = Vec::new();
        let mut skipped = Vec::new();
        for (r, count) in counts.iter().enumerate().take(data_end).skip(data_start) {
            let number = self.row_base.saturating_add(r);
            if count.cells == 0 && !self.covered(r) {
                skipped.push(Skipped {
                    row: number,
                    reason: SkipReason::Blank,
                });
                continue;
            }
            row_numbers.push(number);
            let row = self.rows.get_mut(r).map(std::mem::take).unwrap_or_default();
            let mut row = row.into_iter().enumerate();
            for (column, &c) in columns.iter_mut().zip(&keep) {
                let cell = row
                    .find(|(i, _)| *i == c)
                    .map_or(Cell::Empty, |(_, cell)| cell);
                column.cells.push(cell);
            }
        }
        Some(Table {
            origin: Origin::Sheet { name: self.name },
            column_numbers: keep
                .iter()
                .map(|c| self.col_base.saturating_add(*c))
                .collect(),
            columns,
            row_numbers,
            title_lines,
            notes,
            source,
            skipped,
        })
    }

    /// Copies each merged range's value into the empty cells it covers, in
    /// the rows from `header` down (merged titles above it stay one line).
    fn fill_merges(&mut self, header: usize) {
        for m in self.merges.clone() {
            let value = self.cell(m.first_row, m.first_col).clone();
            if value == Cell::Empty || m.last_row < header {
                continue;
            }
            for row in self
                .rows
                .iter_mut()
                .take(m.last_row.saturating_add(1))
                .skip(m.first_row.max(header))
            {
                for cell in row
                    .iter_mut()
                    .take(m.last_col.saturating_add(1))
                    .skip(m.first_col)
                {
                    if *cell == Cell::Empty {
                        *cell = value.clone();
                    }
                }
            }
        }
    }

    /// Whether a row lies inside a merged range (then it is not blank, though
    /// its cells were empty before the fill; only the fill's row counts matter).
    fn covered(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_some_and(|cells| cells.iter().any(|c| *c != Cell::Empty))
    }

    /// A column's name: its header cell, or its two header cells joined when
    /// the header has two rows (one name when a vertical merge repeats it).
    fn header_name(&self, first: usize, rows: usize, col: usize) -> String {
        let top = display(self.cell(first, col));
        if rows < 2 {
            return top;
        }
        let sub = display(self.cell(first.saturating_add(1), col));
        if sub.is_empty() || sub == top {
            top
        } else if top.is_empty() {
            sub
        } else {
            format!("{top} {sub}")
        }
    }

    /// A row's cells as one line of text, or None when it is blank.
    fn line(&self, row: usize) -> Option<String> {
        let parts: Vec<String> = self
            .rows
            .get(row)?
            .iter()
            .map(display)
            .filter(|t| !t.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// How many non-empty cells a row has, and how many of them are text.
struct RowCount {
    cells: usize,
    text: usize,
    /// Whole numbers 1800–2100: years typed as numbers in a header
    /// ("地区, 2019, 2018, 2017" in a wide table).
    years: usize,
}

impl RowCount {
    fn of(row: &[Cell]) -> RowCount {
        let cells = row.iter().filter(|c| **c != Cell::Empty).count();
        let text = row.iter().filter(|c| matches!(c, Cell::Text(_))).count();
        let years = row
            .iter()
            .filter(|c| matches!(c, Cell::Number(n) if n.fract() == 0.0 && (1800.0..=2100.0).contains(n)))
            .count();
        RowCount { cells, text, years }
    }

    /// A header: most cells text, or text and years (at least one text cell,
    /// so that a data row of a year and values is not taken for one).
    fn mostly_text(&self) -> bool {
        self.text > 0 && self.text.saturating_add(self.years).saturating_mul(2) > self.cells
    }
}

/// A cell as a title or header shows it. Numbers in headers are years or
/// codes: whole ones are written without a fraction ("2019", not "2019.0").
fn display(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) => text.trim().to_owned(),
        Cell::Number(n) | Cell::Date(n) => format!("{n}"),
        Cell::Bool(b) => b.to_string(),
    }
}

/// The source a note names: "数据来源：国家统计局" -> "国家统计局".
fn source_of(line: &str) -> Option<String> {
    const LABELS: [&str; 6] = ["数据来源", "资料来源", "来源", "Source", "source", "SOURCE"];
    let rest = LABELS.iter().find_map(|label| line.strip_prefix(label))?;
    let rest = rest
        .strip_prefix('：')
        .or_else(|| rest.strip_prefix(':'))
        .or_else(|| rest.strip_prefix("s:"))?;
    let source = rest.trim();
    (!source.is_empty()).then(|| source.to_owned())
}
