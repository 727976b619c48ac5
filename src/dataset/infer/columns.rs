//! The table as inference reads it: where a cell is as the person sees it
//! ([`Ctx::spot`]), a cell as text, as a name or as a key a reader compares,
//! and columns by their headers (as the mapping names them).

use std::borrow::Cow;

use super::super::table::{column_letters, Cell, Origin, Table};
use super::super::text;
use super::cells::{self, reader_key};
use super::profile;
use crate::error::{Error, Result, Spot};

/// The table and how its places are named.
pub(super) struct Ctx<'t> {
    pub(super) table: &'t Table,
}

impl Ctx<'_> {
    /// A cell's (or a column's, with `row: None`) place as the person sees it.
    pub(super) fn spot(&self, row: Option<usize>, column: Option<usize>) -> Spot {
        let t = self.table;
        let records = match &t.origin {
            Origin::Json { path } => Some(path.clone()),
            _ => None,
        };
        let letter = match (&t.origin, column) {
            (Origin::Json { .. }, _) | (_, None) => None,
            (_, Some(c)) => Some(column_letters(
                t.column_numbers
                    .get(c)
                    .copied()
                    .unwrap_or(c.saturating_add(1)),
            )),
        };
        Spot {
            row: row.and_then(|r| t.row_numbers.get(r).copied()),
            column: column
                .and_then(|c| t.columns.get(c))
                .map(|c| c.name.clone()),
            letter,
            records,
        }
    }

    pub(super) fn cell(&self, row: usize, column: usize) -> &Cell {
        self.table
            .columns
            .get(column)
            .and_then(|c| c.cells.get(row))
            .unwrap_or(&Cell::Empty)
    }
}

/// A number as a message shows it: `3.12`, `200000`, `1e20`.
pub(super) fn plain(v: f64) -> String {
    format!("{v}")
}

/// A cell as text for messages.
pub(super) fn written(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => plain(*n),
        Cell::Bool(b) => b.to_string(),
        Cell::Date(d) => plain(*d),
    }
}

/// A cell as a name: cleaned and trimmed, `None` when missing.
pub(super) fn name_of(cell: &Cell) -> Option<String> {
    name_text(cell).map(Cow::into_owned)
}

/// [`name_of`], borrowed from the cell where cleaning leaves its text as it is.
pub(super) fn name_text(cell: &Cell) -> Option<Cow<'_, str>> {
    let name = written_name(cell)?;
    // A yearbook's marks of a part under its total (`其中：男`, `#0-14岁`):
    // the part's name.
    if !name.starts_with(['#', '其']) {
        return Some(name);
    }
    let bare = name
        .strip_prefix("其中：")
        .or_else(|| name.strip_prefix("其中:"))
        .unwrap_or(&name)
        .trim_start_matches('#')
        .trim_start();
    if bare.is_empty() || bare.len() == name.len() {
        return Some(name);
    }
    Some(match name {
        Cow::Borrowed(b) => Cow::Borrowed(b.get(b.len().saturating_sub(bare.len())..).unwrap_or(b)),
        Cow::Owned(_) => Cow::Owned(bare.to_string()),
    })
}

fn written_name(cell: &Cell) -> Option<Cow<'_, str>> {
    let raw = match cell {
        Cell::Text(t) => Cow::Borrowed(t.as_str()),
        Cell::Number(_) | Cell::Date(_) | Cell::Bool(_) => Cow::Owned(written(cell)),
        Cell::Empty => return None,
    };
    let named = |trimmed: &str| {
        !reader_key(trimmed).is_empty() && !cells::is_missing(&cells::fold(trimmed))
    };
    // Plain text (see text::is_plain) is clean, trimmed of spaces alone,
    // folded as it is, and as a reader sees it unless empty.
    if let Cow::Borrowed(raw) = raw {
        if text::is_plain(raw) {
            let trimmed = text::trim_spaces(raw);
            return (!trimmed.is_empty() && !cells::is_missing(trimmed))
                .then_some(Cow::Borrowed(trimmed));
        }
    }
    match raw {
        Cow::Borrowed(raw) => match text::clean(raw, false) {
            Cow::Borrowed(cleaned) => {
                let trimmed = text::trim(cleaned);
                named(trimmed).then_some(Cow::Borrowed(trimmed))
            }
            Cow::Owned(cleaned) => {
                let trimmed = text::trim(&cleaned);
                named(trimmed).then(|| Cow::Owned(trimmed.to_string()))
            }
        },
        Cow::Owned(raw) => {
            let cleaned = text::clean(&raw, false);
            let trimmed = text::trim(&cleaned);
            named(trimmed).then(|| Cow::Owned(trimmed.to_string()))
        }
    }
}

/// A column's header, or for a column without one its letters (`C`), or
/// its number in a JSON table: what a series, a metric or the mapping calls it.
/// A header that an earlier column already has gets its letters too
/// (`value (C)`), so the mapping names each column once.
pub(super) fn header_of(table: &Table, i: usize) -> String {
    let name = table.columns.get(i).map_or("", |c| c.name.as_str());
    let number = table
        .column_numbers
        .get(i)
        .copied()
        .unwrap_or(i.saturating_add(1));
    let place = match table.origin {
        Origin::Json { .. } => number.to_string(),
        _ => column_letters(number),
    };
    let key = reader_key(name);
    if key.is_empty() {
        return place;
    }
    let repeated = table
        .columns
        .iter()
        .take(i)
        .any(|c| reader_key(&c.name) == key);
    if !repeated {
        return name.to_string();
    }
    let named = format!("{name} ({place})");
    // Another column may be headed so already (`2020 (J)` beside a second
    // `2020` in J): then the number too, so each name finds one column.
    let taken = reader_key(&named);
    if table
        .columns
        .iter()
        .enumerate()
        .any(|(j, c)| j != i && reader_key(&c.name) == taken)
    {
        format!("{name} ({place}, {})", i.saturating_add(1))
    } else {
        named
    }
}

/// A column by its header: as written, as a reader sees it, or its label.
pub(super) fn find_column(table: &Table, name: &str, field: &'static str) -> Result<usize> {
    let key = reader_key(name);
    (0..table.columns.len())
        .find(|&i| header_of(table, i) == name)
        .or_else(|| table.columns.iter().position(|c| c.name == name))
        .or_else(|| {
            table
                .columns
                .iter()
                .position(|c| reader_key(&c.name) == key)
        })
        .or_else(|| {
            table
                .columns
                .iter()
                .position(|c| reader_key(&profile::header_unit(&c.name).0) == key)
        })
        .ok_or_else(|| Error::UnknownColumn {
            field,
            name: name.to_string(),
            known: table.columns.iter().map(|c| c.name.clone()).collect(),
        })
}

/// An optional column of the mapping: `Some(None)` for `""` (none).
pub(super) fn mapped(
    table: &Table,
    name: &Option<String>,
    field: &'static str,
) -> Result<Option<Option<usize>>> {
    match name {
        None => Ok(None),
        Some(n) if n.trim().is_empty() => Ok(Some(None)),
        Some(n) => Ok(Some(Some(find_column(table, n, field)?))),
    }
}

pub(super) fn mapped_list(
    table: &Table,
    names: &Option<Vec<String>>,
    field: &'static str,
) -> Result<Option<Vec<usize>>> {
    names
        .as_ref()
        .map(|names| names.iter().map(|n| find_column(table, n, field)).collect())
        .transpose()
}

/// A cell as a reader sees its text (for comparing), `None` when missing.
pub(super) fn key_of(cell: &Cell) -> Option<Cow<'_, str>> {
    match cell {
        Cell::Text(t) => {
            let k = reader_key(t);
            (!k.is_empty() && !cells::is_missing(&k)).then_some(k)
        }
        Cell::Empty => None,
        other => Some(Cow::Owned(written(other))),
    }
}

pub(super) fn header(ctx: &Ctx, c: usize) -> String {
    header_of(ctx.table, c)
}

/// What every row measures, where a column says it once for all (the World
/// Bank's "Indicator Name", a bureau's "指标"): the title when the table has
/// none of its own.
pub(super) fn measure_of(ctx: &Ctx, profiles: &[profile::Profile]) -> Option<String> {
    profiles.iter().enumerate().find_map(|(i, p)| {
        let header = p.label.trim().to_lowercase();
        let named = matches!(
            header.as_str(),
            "indicator name"
                | "indicator"
                | "series name"
                | "series"
                | "measure"
                | "指标"
                | "指标名称"
        );
        if !named || p.distinct != 1 || p.kind != profile::Kind::Label {
            return None;
        }
        ctx.table
            .columns
            .get(i)?
            .cells
            .iter()
            .find_map(|c| match c {
                Cell::Text(t) if !t.trim().is_empty() => Some(t.clone()),
                _ => None,
            })
    })
}
