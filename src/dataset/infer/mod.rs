//! Tables → a validated [`Dataset`]: what a table is, decided from its
//! columns, said in a [`Summary`], and kept as a [`Mapping`] the person can
//! correct and a file can replay.
//!
//! ```text
//!   tables ─1 pick─▶ table ─2 profile─▶ columns ─3 plan─▶ shape + roles
//!          ─4 read─▶ facts (name × year × value, summed or sliced; bad cells listed)
//!          ─5 build─▶ trend, ranking ─6 texts─▶ Dataset + Summary + explicit Mapping
//! ```
//!
//! Each step has its room: 2 `profile.rs`, 3 `plan.rs`, 4 `facts.rs`, 5
//! `charts.rs`; `columns.rs` holds what they share (where a cell is, a cell
//! as a name or a key, columns by header), and this file the pipeline
//! ([`infer`]), the texts, the summary and the explicit mapping. The rooms
//! import one way: columns ← plan ← facts ← charts ← here.
//!
//! Decisions where the issue is silent:
//! - Years: a time column holds 1800–2100, the years the model charts
//!   (Gapminder and Our World in Data start in 1800); other years are not
//!   times.
//! - Long form (name, time, values) gives a trend (the first value column,
//!   a line per name) and, with two names or more, a ranking of each value
//!   column at the latest year that has a value for it (the mapping's `year`
//!   picks another).
//! - Several rows for one name and year are summed; a split column holding a
//!   total (`Both`, `Total`, `合计`, `全部`) is sliced to it instead. Percent
//!   sums beyond 100 are an error naming the rows.
//! - A cell outside 0–100 in a `%` column, or of 10¹⁵ or more, is skipped and
//!   listed, as is text in a column of numbers: the rest is charted.
//! - Names a reader cannot tell apart (invisible characters, spacing) are one name.
//! - A group written as the chart's own "no group" (未分组 / No group) is no group.

pub mod cells;
mod charts;
mod columns;
mod facts;
pub mod mapping;
mod plan;
mod profile;
pub mod summary;

use std::collections::BTreeMap;

use super::table::{Cell, Column, Table};
use super::text;
use super::{Dataset, Trend};
use crate::error::{Error, Result};
use cells::reader_key;
use cells::Decimal;
use charts::{build_ranking, build_trend};
use columns::{find_column, header_of, Ctx};
use facts::{read, Facts};
pub use mapping::{Chart, Mapping, PerYear, Shape};
use plan::{plan, Plan};
use profile::Profile;
pub use summary::{
    ColumnSummary, ColumnWords, Left, Note, Period, RankingFacts, Reason, Role, SkippedCell,
    SkippedWords, Summary, SummaryWords, TrendFacts, Why, SKIPPED_SHOWN,
};

/// What an import made: the dataset, what was understood, and the recipe
/// that makes it again.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub dataset: Dataset,
    pub summary: Summary,
    /// Every decision made explicit: `infer(tables, &imported.mapping)` gives
    /// the same dataset.
    pub mapping: Mapping,
}

/// Makes a dataset from `tables` as `mapping` says, inferring what it leaves open.
///
/// Without a table in the mapping, the first that can be charted: a
/// workbook's contents sheet or notes before its data (the UK's ONS
/// workbooks) is passed over; where none can, the first one's error.
pub fn infer(tables: &[Table], mapping: &Mapping) -> Result<Imported> {
    let first = pick_table(tables, mapping)?;
    let result = infer_table(tables, first, mapping);
    if mapping.table.is_some() || result.is_ok() {
        return result;
    }
    tables
        .iter()
        .enumerate()
        .skip(first.saturating_add(1))
        .filter(|(_, t)| t.rows() > 0 && !t.columns.is_empty())
        .find_map(|(i, _)| infer_table(tables, i, mapping).ok())
        .map_or(result, Ok)
}

/// The table with a column of Taiwan's 民國 years written as plain numbers
/// (data.gov.tw's `年度`: `109`, `110`) as the years they are (2020, 2021),
/// or `None` when it has none. Only under a header that says year, and only
/// when every value is a whole number from 38 (1949) to 189.
fn roc_years(table: &Table) -> Option<Table> {
    let year_header = |c: &Column| {
        let header = text::trim(&c.name).to_string();
        matches!(
            profile::header_unit(&header).0.as_str(),
            "年度" | "年別" | "年别" | "年" | "年份" | "民國年" | "民国年" | "年度別" | "資料年度"
        )
    };
    // Each such column's cells as years, when every filled one is one.
    let years = |c: &Column| {
        let mut seen = false;
        let cells: Option<Vec<Cell>> = c
            .cells
            .iter()
            .map(|cell| {
                let written = match cell {
                    Cell::Number(n) if n.fract() == 0.0 => format!("{n}"),
                    Cell::Text(t) if !t.trim().is_empty() => t.trim().to_string(),
                    Cell::Empty | Cell::Text(_) => return Some(cell.clone()),
                    _ => return None,
                };
                seen = true;
                cells::roc_number(&written).map(|y| Cell::Text(y.to_string()))
            })
            .collect();
        cells.filter(|_| seen)
    };
    let converted: Vec<(usize, Vec<Cell>)> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| year_header(c))
        .filter_map(|(i, c)| years(c).map(|cells| (i, cells)))
        .collect();
    if converted.is_empty() {
        return None;
    }
    let mut out = table.clone();
    for (i, cells) in converted {
        if let Some(column) = out.columns.get_mut(i) {
            column.cells = cells;
        }
    }
    Some(out)
}

/// What the Australian Bureau of Statistics writes under the header of its
/// time-series spreadsheets (a `Data1` sheet, or its CSV), one row each,
/// named in the first column, before the dated rows.
const ABS_METADATA: &[&str] = &[
    "unit",
    "series type",
    "data type",
    "frequency",
    "collection month",
    "series start",
    "series end",
    "no. obs",
    "series id",
];

/// An ABS time-series sheet as the table of its dated rows, or `None` for
/// any other: its metadata rows (`Unit`, `Series Type`, …, `Series ID`,
/// three at least, `Series ID` among them) left out, each column named by
/// its series as a reader writes it (`Employed total ;  > Males ;` →
/// `Employed total; Males`) with the `Unit` row's unit (`000` is
/// thousands, `Percent` is %).
fn abs_series(table: &Table) -> Option<Table> {
    let first = table.columns.first()?;
    let key = |cell: &Cell| match cell {
        Cell::Text(t) => Some(text::trim(t).to_lowercase()),
        _ => None,
    };
    let rows = first
        .cells
        .iter()
        .take_while(|c| key(c).is_some_and(|k| ABS_METADATA.contains(&k.as_str())))
        .count();
    let named = |name: &str| {
        first
            .cells
            .iter()
            .take(rows)
            .position(|c| key(c).as_deref() == Some(name))
    };
    if rows < 3 || named("series id").is_none() {
        return None;
    }
    let unit_row = named("unit");
    let mut out = table.clone();
    for (i, column) in out.columns.iter_mut().enumerate() {
        if i > 0 {
            let series: Vec<&str> = column
                .name
                .split(';')
                .map(|part| part.trim().trim_start_matches('>').trim())
                .filter(|part| !part.is_empty())
                .collect();
            let mut name = series.join("; ");
            let unit = unit_row.and_then(|r| match column.cells.get(r) {
                Some(Cell::Text(t)) => Some(text::trim(t).to_string()),
                Some(Cell::Number(n)) if *n == 0.0 => Some("000".into()),
                _ => None,
            });
            match unit.as_deref() {
                Some("000") => name.push_str(" (thousand)"),
                Some("000,000") => name.push_str(" (million)"),
                Some(u) if !u.is_empty() && !u.eq_ignore_ascii_case("number") => {
                    name.push_str(&format!(" ({u})"));
                }
                _ => {}
            }
            column.name = name;
        }
        column.cells.drain(..rows.min(column.cells.len()));
    }
    out.row_numbers.drain(..rows.min(out.row_numbers.len()));
    Some(out)
}

/// Which month a column's header names: `Jan`, `January`, `M01`, `1月`.
fn month_header(header: &str) -> Option<u8> {
    let h = text::trim(header);
    if let Some(m) =
        cells::month_name(h).filter(|_| h.chars().all(|c| c.is_alphabetic() || c == '.'))
    {
        return Some(m);
    }
    let digits = h
        .strip_prefix(['M', 'm'])
        .or_else(|| h.strip_suffix('月'))?;
    let m: u8 = digits.parse().ok()?;
    (1..=12).contains(&m).then_some(m)
}

/// Whether a header names the year's own figure beside its months (the
/// BLS's `Annual`, an `Annual average`, `年平均`).
fn annual_header(header: &str) -> bool {
    matches!(
        text::trim(header).to_lowercase().as_str(),
        "annual"
            | "annual average"
            | "annual avg"
            | "annual avg."
            | "average"
            | "avg"
            | "年平均"
            | "全年平均"
    )
}

/// Whether a header names a part of the year other than a month (the
/// BLS's `HALF1`, `HALF2`; `Q1`–`Q4`).
fn part_of_year_header(header: &str) -> bool {
    let h = text::trim(header).to_uppercase();
    matches!(
        h.as_str(),
        "HALF1" | "HALF2" | "H1" | "H2" | "Q1" | "Q2" | "Q3" | "Q4"
    )
}

/// The table with its dash cells as 0 when its own legend says a dash is
/// zero (IBGE's SIDRA: `-; Dado numérico igual a zero não resultante de
/// arredondamento`), with the dash and the legend's words; `None` for any
/// other (a dash is no value where nothing says otherwise).
fn legend_zero(table: &Table) -> Option<(Table, String, String)> {
    let (symbol, meaning) = table.notes.iter().find_map(|line| {
        let line = text::trim(line);
        let at = line.find([';', ',', '\t', ':', '='])?;
        let symbol = line.get(..at)?.trim().trim_matches('"').trim();
        let meaning = line
            .get(at.saturating_add(1)..)?
            .trim()
            .trim_matches('"')
            .trim();
        let lower = meaning.to_lowercase();
        let zero = lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w, "zero" | "cero" | "zéro" | "null" | "nil"))
            || meaning.contains('零');
        (matches!(symbol, "-" | "–" | "—") && zero)
            .then(|| (symbol.to_string(), meaning.to_string()))
    })?;
    let mut out = table.clone();
    let mut seen = false;
    for column in &mut out.columns {
        for cell in &mut column.cells {
            if matches!(cell, Cell::Text(t) if text::trim(t) == symbol) {
                *cell = Cell::Text("0".into());
                seen = true;
            }
        }
    }
    seen.then_some((out, symbol, meaning))
}

/// The year's own column kept of a table of months, and the columns left out.
type AnnualKept = (String, Vec<String>);

/// A table of a row a year and a column a month (the BLS data viewer's
/// `Year,Jan,…,Dec,Annual,HALF1,HALF2`) as one series over the years: the
/// year's own column where there is one (its months and halves left out,
/// returned for the note), else the months as rows of their month (each
/// year then the months' mean, as monthly figures are). `None` for any
/// other table: a year column (every filled cell a year) and the twelve
/// months in order are needed.
fn month_columns(table: &Table) -> Option<(Table, Option<AnnualKept>)> {
    let year_col = table.columns.iter().position(|c| {
        let mut seen = false;
        let all = c.cells.iter().all(|cell| {
            let t = match cell {
                Cell::Empty => return true,
                Cell::Number(n) if n.fract() == 0.0 => format!("{n}"),
                Cell::Text(t) => t.trim().to_string(),
                _ => return false,
            };
            seen = true;
            matches!(cells::time(&t), Some(cells::Time::Year(_)))
        });
        all && seen
    })?;
    let months: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| month_header(&c.name).is_some())
        .map(|(i, _)| i)
        .collect();
    let in_order = months.len() == 12
        && months
            .iter()
            .zip(1u8..)
            .all(|(&i, m)| table.columns.get(i).and_then(|c| month_header(&c.name)) == Some(m));
    if !in_order {
        return None;
    }
    let parts: Vec<usize> = (0..table.columns.len())
        .filter(|&i| {
            table
                .columns
                .get(i)
                .is_some_and(|c| part_of_year_header(&c.name))
        })
        .collect();
    let annual = table.columns.iter().position(|c| annual_header(&c.name));
    let kept = |i: usize| i != year_col && !months.contains(&i) && !parts.contains(&i);
    let column_numbers = |keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
        table
            .column_numbers
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .map(|(_, n)| *n)
            .collect()
    };
    if let Some(a) = annual {
        let mut out = table.clone();
        let keep = |i: usize| i == year_col || kept(i);
        out.column_numbers = column_numbers(&keep);
        let mut left = Vec::new();
        let mut i = 0usize;
        out.columns.retain(|c| {
            let k = keep(i);
            if !k {
                left.push(c.name.clone());
            }
            i = i.saturating_add(1);
            k
        });
        let name = table
            .columns
            .get(a)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        return Some((out, Some((name, left))));
    }
    // The months as rows: the year's row once a month, `2019-01`.
    let rows = table.rows();
    let others: Vec<usize> = (0..table.columns.len()).filter(|&i| kept(i)).collect();
    let mut time = Column {
        name: table
            .columns
            .get(year_col)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        cells: Vec::with_capacity(rows.saturating_mul(12)),
    };
    let value_name = table
        .title_lines
        .first()
        .map(|t| text::trim(t).to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Value".to_string());
    let mut value = Column {
        name: value_name,
        cells: Vec::with_capacity(rows.saturating_mul(12)),
    };
    let mut rest: Vec<Column> = others
        .iter()
        .filter_map(|&i| table.columns.get(i))
        .map(|c| Column {
            name: c.name.clone(),
            cells: Vec::with_capacity(rows.saturating_mul(12)),
        })
        .collect();
    let mut row_numbers = Vec::with_capacity(rows.saturating_mul(12));
    for row in 0..rows {
        let year = match table.columns.get(year_col).and_then(|c| c.cells.get(row)) {
            Some(Cell::Number(n)) => format!("{n}"),
            Some(Cell::Text(t)) => t.trim().to_string(),
            _ => continue,
        };
        for (m, &c) in (1u8..).zip(&months) {
            time.cells.push(Cell::Text(format!("{year}-{m:02}")));
            value.cells.push(
                table
                    .columns
                    .get(c)
                    .and_then(|col| col.cells.get(row))
                    .cloned()
                    .unwrap_or(Cell::Empty),
            );
            for (out, &i) in rest.iter_mut().zip(&others) {
                out.cells.push(
                    table
                        .columns
                        .get(i)
                        .and_then(|col| col.cells.get(row))
                        .cloned()
                        .unwrap_or(Cell::Empty),
                );
            }
            row_numbers.push(table.row_numbers.get(row).copied().unwrap_or(row));
        }
    }
    let mut out = table.clone();
    let first_number = |i: usize| {
        table
            .column_numbers
            .get(i)
            .copied()
            .unwrap_or(i.saturating_add(1))
    };
    out.column_numbers = std::iter::once(first_number(year_col))
        .chain(months.first().map(|&m| first_number(m)))
        .chain(others.iter().map(|&i| first_number(i)))
        .collect();
    out.columns = [time, value].into_iter().chain(rest).collect();
    out.row_numbers = row_numbers;
    Some((out, None))
}

/// A header of a year and a measure (`2023年 总量（亿元）`, `2022 총인구수
/// (명)`): what a yearbook's merged year row over its measures, or KOSIS's
/// repeated one, makes of its two header rows (`delimited::second_header`).
fn year_measure(header: &str) -> Option<(i32, &str)> {
    // A time as a whole (`2020 Q1`, `2020 Jan`) is a column of a wide table.
    if cells::time(&cells::fold(header)).is_some() {
        return None;
    }
    let (year, measure) = text::trim(header).split_once(' ')?;
    let measure = text::trim(measure);
    match cells::time(&cells::fold(year)) {
        Some(cells::Time::Year(y)) if !measure.is_empty() && cells::time(measure).is_none() => {
            Some((y, measure))
        }
        _ => None,
    }
}

/// A table whose columns are a year and a measure each (a yearbook's `地区,
/// 2022年 总量, 2022年 增速, 2023年 总量, …`) as a long table: a row a name
/// and a year, a column a measure, so its lines run over the years and its
/// ranking has the measures of a year. `None` unless some measure comes in
/// two years or more; the other columns (the names) are kept on every row.
fn year_measures(table: &Table) -> Option<Table> {
    let headed: Vec<(usize, i32, &str)> = table
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| year_measure(&c.name).map(|(y, m)| (i, y, m)))
        .collect();
    let mut measures: Vec<&str> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    for &(_, y, m) in &headed {
        if !measures.contains(&m) {
            measures.push(m);
        }
        if !years.contains(&y) {
            years.push(y);
        }
    }
    let repeated = measures
        .iter()
        .any(|m| headed.iter().filter(|(_, _, x)| x == m).count() >= 2);
    // A row a name and a year copies each name once a year: past a million
    // such rows (a yearbook has hundreds) the table stays as it is, a
    // ranking of its year × measure columns, rather than multiply its size.
    let long_rows = table.rows().saturating_mul(years.len());
    if years.len() < 2 || !repeated || long_rows > 1_000_000 {
        return None;
    }
    years.sort_unstable();
    let others: Vec<usize> = (0..table.columns.len())
        .filter(|i| !headed.iter().any(|(c, _, _)| c == i))
        .collect();
    let rows = table.rows();
    let size = rows.saturating_mul(years.len());
    let cell = |c: usize, row: usize| {
        table
            .columns
            .get(c)
            .and_then(|col| col.cells.get(row))
            .cloned()
            .unwrap_or(Cell::Empty)
    };
    let chinese = table.columns.iter().any(|c| c.name.contains('年'));
    let mut time = Column {
        name: if chinese { "年份" } else { "Year" }.to_string(),
        cells: Vec::with_capacity(size),
    };
    let mut kept: Vec<Column> = others
        .iter()
        .filter_map(|&i| table.columns.get(i))
        .map(|c| Column {
            name: c.name.clone(),
            cells: Vec::with_capacity(size),
        })
        .collect();
    let mut values: Vec<Column> = measures
        .iter()
        .map(|m| Column {
            name: (*m).to_string(),
            cells: Vec::with_capacity(size),
        })
        .collect();
    let mut row_numbers = Vec::with_capacity(size);
    for row in 0..rows {
        for &year in &years {
            time.cells.push(Cell::Text(year.to_string()));
            for (out, &i) in kept.iter_mut().zip(&others) {
                out.cells.push(cell(i, row));
            }
            for (out, m) in values.iter_mut().zip(&measures) {
                let at = headed.iter().find(|(_, y, x)| *y == year && x == m);
                out.cells
                    .push(at.map_or(Cell::Empty, |&(c, _, _)| cell(c, row)));
            }
            row_numbers.push(table.row_numbers.get(row).copied().unwrap_or(row));
        }
    }
    let number = |i: usize| {
        table
            .column_numbers
            .get(i)
            .copied()
            .unwrap_or(i.saturating_add(1))
    };
    let first_of = |m: &str| {
        headed
            .iter()
            .find(|(_, _, x)| *x == m)
            .map_or(0, |&(c, _, _)| number(c))
    };
    let mut out = table.clone();
    out.column_numbers = others
        .iter()
        .map(|&i| number(i))
        .chain(headed.first().map(|&(c, _, _)| number(c)))
        .chain(measures.iter().map(|m| first_of(m)))
        .collect();
    out.columns = kept.into_iter().chain([time]).chain(values).collect();
    out.row_numbers = row_numbers;
    Some(out)
}

fn infer_table(tables: &[Table], index: usize, mapping: &Mapping) -> Result<Imported> {
    // 1. The table.
    let table = tables.get(index).ok_or(Error::EmptyTable)?;
    if table.rows() == 0 || table.columns.is_empty() {
        return Err(Error::EmptyTable);
    }
    let abs = abs_series(table);
    let table = abs.as_ref().unwrap_or(table);
    let roc = roc_years(table);
    let table = roc.as_ref().unwrap_or(table);
    let zero = legend_zero(table);
    let (table, dash) = match &zero {
        Some((t, symbol, meaning)) => (t, Some((symbol.clone(), meaning.clone()))),
        None => (table, None),
    };
    let long = year_measures(table);
    let table = long.as_ref().unwrap_or(table);
    let months = month_columns(table);
    let (table, annual) = match &months {
        Some((t, annual)) => (t, annual.clone()),
        None => (table, None),
    };
    let ctx = Ctx { table };
    // 2. Each column, profiled.
    let profiles = profile_columns(table, mapping)?;
    // 3. What the table is.
    let plan = plan(&ctx, &profiles, mapping)?;
    // 4. Its facts.
    let mut facts = read(&ctx, &profiles, &plan)?;
    if let Some((symbol, legend)) = dash {
        facts.notes.insert(0, Note::LegendZero { symbol, legend });
    }
    if let Some((column, left)) = annual {
        facts.notes.insert(0, Note::AnnualColumn { column, left });
    }
    // 5. The charts.
    let texts = Texts::new(&ctx, &profiles, &plan, &facts, mapping);
    let zh = texts.locale.to_ascii_lowercase().starts_with("zh");
    let mut trend = if plan.trend {
        Some(build_trend(&ctx, &profiles, &plan, &facts)?)
    } else {
        None
    };
    let (mut ranking, ranking_facts, aggregates) = if plan.ranking {
        let (r, f, a) = build_ranking(&ctx, &profiles, &plan, &mut facts, zh)?;
        (Some(r), Some(f), a)
    } else {
        (None, None, Vec::new())
    };
    // A unit the lines above the table give (`指标：地区生产总值(亿元)`,
    // `单位：万元`) where the columns give none.
    if let Some(unit) = texts.unit.as_ref() {
        if let Some(t) = trend.as_mut().filter(|t| t.unit.is_none()) {
            t.unit = Some(unit.clone());
        }
        // Every metric without one, but a rate whose header says `%` (its
        // unit dropped for values outside 0–100: `同比增长(%)` is no 万元).
        if let Some(r) = ranking.as_mut() {
            let percent = |m: &crate::dataset::Metric| {
                m.label.contains(['%', '％']) || m.key.contains(['%', '％'])
            };
            for m in r
                .metrics
                .iter_mut()
                .filter(|m| m.unit.is_none() && !percent(m))
            {
                m.unit = Some(unit.clone());
            }
        }
    }
    // 6. Texts, summary, and the recipe.
    if !aggregates.is_empty() && mapping.aggregates.is_none() {
        facts.notes.push(Note::Aggregates {
            names: aggregates.clone(),
        });
    }
    let summary = summarise(
        &ctx,
        &profiles,
        &plan,
        &facts,
        &trend,
        ranking_facts,
        index,
        tables.len(),
    );
    let dataset = Dataset {
        title: texts.title.clone(),
        subtitle: None,
        source: texts.source.clone(),
        note: texts.note.clone(),
        locale: texts.locale.clone(),
        trend,
        ranking,
    };
    let mapping = explicit(
        &profiles,
        &plan,
        &texts,
        mapping,
        index,
        aggregates,
        &summary.notes,
    );
    Ok(Imported {
        dataset,
        summary,
        mapping,
    })
}

/// The table the mapping names, or the first with rows.
fn pick_table(tables: &[Table], mapping: &Mapping) -> Result<usize> {
    match mapping.table {
        Some(i) if i < tables.len() => Ok(i),
        Some(i) => Err(Error::NoSuchTable {
            index: i,
            count: tables.len(),
        }),
        None => tables
            .iter()
            .position(|t| t.rows() > 0 && !t.columns.is_empty())
            .ok_or(Error::EmptyTable),
    }
}

/// A column in `%` whose values leave 0–100 (a growth rate of −2.8%, debt
/// of 255% of GDP) is a rate, not a share: format v1 keeps `%` for shares
/// (0–100), so its values are all read, with no unit, and its label keeps
/// the `%` its header or cells wrote.
fn rate_not_share(p: &mut Profile) {
    let percent = p.header_unit.as_deref() == Some("%") || p.percent_by_cells();
    if !percent
        || !p
            .parsed
            .iter()
            .any(|v| v.is_finite() && !(0.0..=100.0).contains(v))
    {
        return;
    }
    p.label = if p.header_unit.is_some() {
        p.header.clone()
    } else {
        format!("{} (%)", p.label)
    };
    p.header_unit = None;
    p.percent_cells = 0;
}

fn profile_columns(table: &Table, mapping: &Mapping) -> Result<Vec<Profile>> {
    let comma: Vec<usize> = match &mapping.decimal_comma {
        Some(names) => names
            .iter()
            .map(|n| find_column(table, n, "decimalComma"))
            .collect::<Result<_>>()?,
        None => Vec::new(),
    };
    Ok(table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let decimal = match &mapping.decimal_comma {
                None => None,
                Some(_) if comma.contains(&i) => Some(Decimal::Comma),
                Some(_) => Some(Decimal::Point),
            };
            let written = if reader_key(&c.name).is_empty() {
                header_of(table, i)
            } else {
                c.name.clone()
            };
            let mut p = profile::profile(&written, &c.cells, decimal);
            p.header = header_of(table, i);
            rate_not_share(&mut p);
            p
        })
        .collect())
}

/// The dataset's texts: title, source, note, locale.
struct Texts {
    title: Option<String>,
    /// The unit the lines above the table give: a `单位：万元` line, or the
    /// title's own (`地区生产总值(亿元)`, then titled `地区生产总值`).
    unit: Option<String>,
    source: Option<String>,
    note: Option<String>,
    locale: String,
}

impl Texts {
    fn new(
        ctx: &Ctx,
        profiles: &[Profile],
        plan: &Plan,
        facts: &Facts,
        mapping: &Mapping,
    ) -> Texts {
        let t = ctx.table;
        let clean = |s: &str, multiline: bool| {
            let c = text::clean(s, multiline);
            Some(text::trim(&c).to_string()).filter(|s| !s.is_empty())
        };
        // A line above the table that names its source in a field of its own
        // (the World Bank's `"Data Source","World Development Indicators"`).
        let source_line = t
            .title_lines
            .iter()
            .find_map(|line| source_field(line).and_then(|s| clean(s, false)));
        let unit_of = |line: &str| {
            let (label, value) = line.split_once(['：', ':'])?;
            matches!(
                label.trim().to_lowercase().as_str(),
                "单位" | "计量单位" | "unit" | "units"
            )
            .then(|| clean(value.trim(), false))
            .flatten()
        };
        // The line, or a part of it after spaces (a form's header line:
        // `填报单位：XX县农业农村局      单位：万元`).
        let unit_line = t.title_lines.iter().find_map(|line| {
            unit_of(line).or_else(|| {
                line.split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|part| !part.is_empty())
                    .skip(1)
                    .find_map(unit_of)
            })
        });
        // The title the lines give, and the unit in it (`地区生产总值(亿元)`),
        // the unit kept whatever title the mapping gives (a recipe replays).
        let line_title = t
            .title_lines
            .iter()
            .find_map(|line| {
                let line = line.trim();
                if source_field(line).is_some() {
                    return None;
                }
                let label = line
                    .split_once(['：', ':'])
                    .or_else(|| line.split_once(", "))
                    .map_or("", |(a, _)| a.trim());
                match label.to_lowercase().as_str() {
                    "数据库" | "时间" | "单位" | "地区" | "database" | "time"
                    | "last updated date" | "last updated" | "更新时间" => None,
                    _ => clean(
                        line.split_once(['：', ':']).map_or(line, |(_, b)| b.trim()),
                        false,
                    ),
                }
            })
            .or_else(|| columns::measure_of(ctx, profiles).and_then(|s| clean(&s, false)))
            .map(|title| match profile::header_unit(&title) {
                (label, Some(u)) if !label.is_empty() => (label, Some(u)),
                _ => (title, None),
            });
        let (line_title, title_unit) = line_title.map_or((None, None), |(t, u)| (Some(t), u));
        let title = mapping
            .title
            .as_deref()
            .and_then(|s| clean(s, false))
            .or(line_title);
        let unit = unit_line.or(title_unit);
        let source = mapping
            .source
            .as_deref()
            .or(t.source.as_deref())
            .and_then(|s| clean(s, false))
            .or(source_line);
        let note = mapping
            .note
            .as_deref()
            .and_then(|s| clean(s, true))
            .or_else(|| {
                let joined = t.notes.join("\n");
                clean(&joined, true)
            });
        let locale = mapping.locale.clone().unwrap_or_else(|| {
            let mut cjk = 0usize;
            let mut all = 0usize;
            // Han characters and kana, not Hangul: a Korean table (KOSIS)
            // gets the neutral English words ("2022", not "2022年"), as
            // the chart has no Korean ones.
            let hangul = |c: char| {
                matches!(u32::from(c), 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF)
            };
            let mut count = |s: &str| {
                all = all.saturating_add(1);
                if s.chars().any(|c| cells::is_cjk(c) && !hangul(c)) {
                    cjk = cjk.saturating_add(1);
                }
            };
            for p in profiles {
                count(&p.header);
            }
            for e in facts.entities.iter().take(1000) {
                count(&e.name);
            }
            let _ = plan;
            if cjk.saturating_mul(2) > all {
                "zh-CN".into()
            } else {
                "en".into()
            }
        });
        Texts {
            title,
            unit,
            source,
            note,
            locale,
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn summarise(
    ctx: &Ctx,
    profiles: &[Profile],
    plan: &Plan,
    facts: &Facts,
    trend: &Option<Trend>,
    ranking: Option<RankingFacts>,
    table: usize,
    tables: usize,
) -> Summary {
    let columns = profiles
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (role, why) = role_of(plan, i);
            let (read, bad) = match role {
                Role::Time => (p.times, p.filled.saturating_sub(p.times)),
                _ => facts.read_by_column.get(i).copied().unwrap_or((0, 0)),
            };
            ColumnSummary {
                header: ctx
                    .table
                    .columns
                    .get(i)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                at: ctx.spot(None, Some(i)),
                role,
                why,
                unit: plan.units.get(i).cloned().flatten(),
                decimal: p.decimal,
                read,
                missing: p.missing,
                bad,
                period: plan.periods.contains(&i),
            }
        })
        .collect();
    let trend = trend.as_ref().map(|t| {
        let years = t.years();
        TrendFacts {
            series: t.series.len(),
            years: years.len(),
            first: years.first().copied().unwrap_or(0),
            last: years.last().copied().unwrap_or(0),
            label: t.title.clone(),
            unit: t.unit.clone(),
        }
    });
    Summary {
        table,
        tables,
        shape: plan.shape,
        columns,
        rows: ctx.table.rows(),
        read: facts.read,
        missing: facts.missing,
        skipped: facts.skipped.clone(),
        reader_skipped: ctx.table.skipped.len(),
        notes: facts.notes.clone(),
        trend,
        ranking,
    }
}

fn role_of(plan: &Plan, i: usize) -> (Role, Why) {
    if let Some((_, why)) = plan.time.filter(|(t, _)| *t == i) {
        return (Role::Time, why);
    }
    if let Some((_, why)) = plan.name.filter(|(n, _)| *n == i) {
        return (Role::Name, why);
    }
    if let Some((_, why)) = plan.group.filter(|(g, _)| *g == i) {
        return (Role::Group, why);
    }
    if let Some((_, y)) = plan.years.iter().find(|(c, _)| *c == i) {
        return (Role::Year(*y), Why::HeaderIsYear);
    }
    if plan.values.contains(&i) || plan.metrics.contains(&i) {
        return (Role::Value, plan.values_why);
    }
    if plan.splits.iter().any(|(c, _, _)| *c == i) {
        return (Role::Split, Why::Values);
    }
    match plan.left.iter().find(|(c, _)| *c == i) {
        Some((_, Left::Ignored)) => (Role::Left(Left::Ignored), Why::Mapping),
        Some((_, l)) => (Role::Left(*l), Why::Values),
        None => (Role::Left(Left::Unused), Why::Values),
    }
}

/// The recipe with every decision written out.
fn explicit(
    profiles: &[Profile],
    plan: &Plan,
    texts: &Texts,
    given: &Mapping,
    table: usize,
    aggregates: Vec<String>,
    facts_notes: &[Note],
) -> Mapping {
    let h = |i: usize| {
        profiles
            .get(i)
            .map(|p| p.header.clone())
            .unwrap_or_default()
    };
    let opt = |c: Option<(usize, Why)>| Some(c.map_or(String::new(), |(i, _)| h(i)));
    let mut charts = Vec::new();
    if plan.trend {
        charts.push(Chart::Trend);
    }
    if plan.ranking {
        charts.push(Chart::Ranking);
    }
    let slice: BTreeMap<String, String> = plan
        .splits
        .iter()
        .filter_map(|(c, v, _)| v.clone().map(|v| (h(*c), v)))
        .collect();
    Mapping {
        table: Some(table),
        shape: Some(plan.shape),
        charts: Some(charts),
        time: opt(plan.time),
        name: opt(plan.name),
        group: opt(plan.group),
        value: Some(plan.values.iter().map(|&i| h(i)).collect()),
        metrics: Some(plan.metrics.iter().map(|&i| h(i)).collect()),
        units: explicit_units(profiles, plan),
        day_first: Some(plan.day_first),
        decimal_comma: Some(
            profiles
                .iter()
                .filter(|p| p.decimal == Decimal::Comma)
                .map(|p| p.header.clone())
                .collect(),
        ),
        ignore: Some(
            plan.left
                .iter()
                .filter(|(_, l)| *l == Left::Ignored)
                .map(|(i, _)| h(*i))
                .collect(),
        ),
        slice: Some(slice),
        aggregates: Some(given.aggregates.clone().unwrap_or(aggregates)),
        year: given.year,
        per_year: given.per_year.or_else(|| {
            facts_notes
                .iter()
                .any(|n| matches!(n, Note::PerYear { .. }))
                .then_some(plan.per_year)
        }),
        title: texts.title.clone(),
        source: texts.source.clone(),
        note: texts.note.clone(),
        locale: Some(texts.locale.clone()),
        encoding: given.encoding.clone(),
    }
}

/// The unit of each value, metric and year column, by header (`""`: none).
fn explicit_units(profiles: &[Profile], plan: &Plan) -> BTreeMap<String, String> {
    profiles
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            plan.values.contains(i)
                || plan.metrics.contains(i)
                || plan.years.iter().any(|(c, _)| c == i)
        })
        .map(|(i, p)| {
            (
                p.header.clone(),
                plan.units.get(i).cloned().flatten().unwrap_or_default(),
            )
        })
        .collect()
}

/// The source a line above a table names in a field of its own, as
/// `label, source` once its fields are joined (`Data Source, World
/// Development Indicators`); `数据来源：…` and `Source: …` are the reader's.
fn source_field(line: &str) -> Option<&str> {
    let (label, rest) = line.trim().split_once(", ")?;
    super::table::delimited::is_source_label(label).then_some(rest.trim())
}
