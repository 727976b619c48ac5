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
//! Decisions where the issue is silent:
//! - Years: a time column holds 1800–2100; the model charts 1900–2100, so
//!   rows before 1900 are skipped and listed ([`Reason::Before1900`]).
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
pub mod mapping;
mod profile;
pub mod summary;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::table::{column_letters, Cell, Origin, Table};
use super::text;
use super::{no_group_label, Dataset, Metric, Point, Ranking, Series, Trend, Village, YEAR_RANGE};
use crate::error::{quote, Error, Result, Spot};
use crate::hash::{FxMap, FxSet, HashedText};
use cells::reader_key;
use cells::{Decimal, Time};
pub use mapping::{Chart, Mapping, PerYear, Shape};
use profile::{Hint, Kind, Profile};
pub use summary::{
    ColumnSummary, ColumnView, Left, Note, Period, RankingFacts, Reason, Role, SkippedCell,
    SkippedView, Summary, SummaryView, TrendFacts, Why, SKIPPED_SHOWN,
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

/// Values at or beyond this are refused, as in format v1.
const MAX_VALUE: f64 = 1e15;

/// Texts that name a total among a split's values.
const TOTALS: &[&str] = &[
    "both",
    "both sexes",
    "total",
    "all",
    "all ages",
    "all sexes",
    "合计",
    "总计",
    "全部",
    "总体",
    "总",
    "小计",
    "两性",
    "全体",
];

/// Names of aggregates left out of a ranking by default.
const AGGREGATE_NAMES: &[&str] = &[
    "world",
    "全国",
    "合计",
    "总计",
    "全省",
    "全市",
    "全县",
    "全区",
    "全镇",
    "小计",
    "总体",
    "全球",
    "世界",
    "high income",
    "low income",
    "middle income",
    "upper middle income",
    "lower middle income",
    "low & middle income",
    "low and middle income",
    "european union",
    "euro area",
    "oecd members",
    "sub-saharan africa",
    "east asia & pacific",
    "europe & central asia",
    "latin america & caribbean",
    "middle east & north africa",
    "south asia",
    "north america",
    "arab world",
    "ida total",
    "ibrd only",
    "ida only",
    "ida blend",
    "ida & ibrd total",
    "least developed countries: un classification",
    "fragile and conflict affected situations",
    "heavily indebted poor countries (hipc)",
    "small states",
    "other small states",
    "pacific island small states",
    "caribbean small states",
    "africa eastern and southern",
    "africa western and central",
    "central europe and the baltics",
    "early-demographic dividend",
    "late-demographic dividend",
    "pre-demographic dividend",
    "post-demographic dividend",
];

/// World Bank aggregate codes.
const AGGREGATE_CODES: &[&str] = &[
    "WLD", "HIC", "LIC", "MIC", "LMC", "UMC", "LMY", "EUU", "EMU", "OED", "SSF", "SSA", "EAS",
    "EAP", "ECS", "ECA", "LCN", "LAC", "MEA", "MNA", "SAS", "NAC", "ARB", "IDA", "IBD", "IDX",
    "IDB", "IBT", "LDC", "FCS", "HPC", "SST", "OSS", "PSS", "CSS", "AFE", "AFW", "CEB", "EAR",
    "LTE", "PRE", "PST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "INX",
];

/// Makes a dataset from `tables` as `mapping` says, inferring what it leaves open.
pub fn infer(tables: &[Table], mapping: &Mapping) -> Result<Imported> {
    // 1. The table.
    let index = pick_table(tables, mapping)?;
    let table = tables.get(index).ok_or(Error::EmptyTable)?;
    if table.rows() == 0 || table.columns.is_empty() {
        return Err(Error::EmptyTable);
    }
    let ctx = Ctx { table };
    // 2. Each column, profiled.
    let profiles = profile_columns(table, mapping)?;
    // 3. What the table is.
    let plan = plan(&ctx, &profiles, mapping)?;
    // 4. Its facts.
    let mut facts = read(&ctx, &profiles, &plan)?;
    // 5. The charts.
    let texts = Texts::new(&ctx, &profiles, &plan, &facts, mapping);
    let zh = texts.locale.to_ascii_lowercase().starts_with("zh");
    let trend = if plan.trend {
        Some(build_trend(&ctx, &profiles, &plan, &facts)?)
    } else {
        None
    };
    let (ranking, ranking_facts, aggregates) = if plan.ranking {
        let (r, f, a) = build_ranking(&ctx, &profiles, &plan, &mut facts, zh)?;
        (Some(r), Some(f), a)
    } else {
        (None, None, Vec::new())
    };
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

/// The table and how its places are named.
struct Ctx<'t> {
    table: &'t Table,
}

impl Ctx<'_> {
    /// A cell's (or a column's, with `row: None`) place as the person sees it.
    fn spot(&self, row: Option<usize>, column: Option<usize>) -> Spot {
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

    fn cell(&self, row: usize, column: usize) -> &Cell {
        self.table
            .columns
            .get(column)
            .and_then(|c| c.cells.get(row))
            .unwrap_or(&Cell::Empty)
    }
}

/// A number as a message shows it: `3.12`, `200000`, `1e20`.
fn plain(v: f64) -> String {
    format!("{v}")
}

/// A cell as text for messages.
fn written(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => plain(*n),
        Cell::Bool(b) => b.to_string(),
        Cell::Date(d) => plain(*d),
    }
}

/// A cell as a name: cleaned and trimmed, `None` when missing.
fn name_of(cell: &Cell) -> Option<String> {
    name_text(cell).map(Cow::into_owned)
}

/// [`name_of`], borrowed from the cell where cleaning leaves its text as it is.
fn name_text(cell: &Cell) -> Option<Cow<'_, str>> {
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
            p
        })
        .collect())
}

/// A column's header, or for a column without one its letters (`C`), or
/// its number in a JSON table: what a series, a metric or the mapping calls it.
/// A header that an earlier column already has gets its letters too
/// (`value (C)`), so the mapping names each column once.
fn header_of(table: &Table, i: usize) -> String {
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
    if repeated {
        format!("{name} ({place})")
    } else {
        name.to_string()
    }
}

/// A column by its header: as written, as a reader sees it, or its label.
fn find_column(table: &Table, name: &str, field: &'static str) -> Result<usize> {
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
fn mapped(
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

fn mapped_list(
    table: &Table,
    names: &Option<Vec<String>>,
    field: &'static str,
) -> Result<Option<Vec<usize>>> {
    names
        .as_ref()
        .map(|names| names.iter().map(|n| find_column(table, n, field)).collect())
        .transpose()
}

/// What the table is: its shape, and each column's role.
struct Plan {
    shape: Shape,
    time: Option<(usize, Why)>,
    name: Option<(usize, Why)>,
    group: Option<(usize, Why)>,
    /// Value columns: the trend's value first (long), series (wide), metrics (records).
    values: Vec<usize>,
    /// The ranking's metric columns (long, records).
    metrics: Vec<usize>,
    /// Transposed: each year column and its year.
    years: Vec<(usize, i32)>,
    /// Columns that split a series' rows, and the slice kept of each, if any.
    splits: Vec<(usize, Option<String>, bool)>,
    /// A code column that says which names are aggregates.
    code: Option<usize>,
    units: Vec<Option<String>>,
    left: Vec<(usize, Left)>,
    trend: bool,
    ranking: bool,
    ranking_year: Option<i32>,
    day_first: bool,
    aggregates: Option<Vec<String>>,
    values_why: Why,
    /// Split columns that are periods within a year (month, quarter):
    /// their rows are averaged (or summed, or the last taken), not summed.
    periods: Vec<usize>,
    per_year: PerYear,
}

/// Headers of columns that split a series' rows (`age`, `sex`, `月份`).
fn is_split_header(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    matches!(
        l.as_str(),
        "age" | "age group" | "age_group" | "sex" | "gender" | "年龄" | "年龄组" | "性别"
    ) || is_period_header(label)
}

/// Headers of columns that are periods within a year.
fn is_period_header(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    matches!(
        l.as_str(),
        "month"
            | "months"
            | "quarter"
            | "qtr"
            | "week"
            | "day"
            | "月"
            | "月份"
            | "季度"
            | "季"
            | "周"
    )
}

fn plan(ctx: &Ctx, profiles: &[Profile], mapping: &Mapping) -> Result<Plan> {
    let table = ctx.table;
    let ignored = mapped_list(table, &mapping.ignore, "ignore")?.unwrap_or_default();
    let usable = |i: usize| !ignored.contains(&i);
    // Year columns (transposed wide): headers that are times.
    let year_columns: Vec<(usize, i32)> = profiles
        .iter()
        .enumerate()
        .filter(|(i, p)| usable(*i) && matches!(p.kind, Kind::Number | Kind::Empty | Kind::Time))
        .filter_map(|(i, p)| cells::time(&cells::fold(&p.header)).map(|t| (i, t.year())))
        .filter(|(_, y)| i64::from(*y) >= *YEAR_RANGE.start())
        .collect();
    let time_mapped = mapped(table, &mapping.time, "time")?;
    let transposed = match mapping.shape {
        Some(s) => s == Shape::Transposed,
        None => year_columns.len() >= 2 && time_mapped.is_none(),
    };
    let is_label = |i: usize| {
        usable(i)
            && profiles
                .get(i)
                .is_some_and(|p| matches!(p.kind, Kind::Label))
    };
    // The time column.
    let time = if transposed {
        None
    } else {
        match time_mapped {
            Some(t) => t.map(|t| (t, Why::Mapping)),
            None => {
                let kinds = profiles.iter().enumerate().filter(|(i, _)| usable(*i));
                let mut times = kinds.clone().filter(|(_, p)| p.kind == Kind::Time);
                let first_hinted = kinds
                    .clone()
                    .filter(|(_, p)| p.kind == Kind::Time && p.hint == Hint::Time)
                    .map(|(i, _)| (i, Why::Header))
                    .next();
                first_hinted
                    .or_else(|| times.next().map(|(i, _)| (i, Why::Values)))
                    .or_else(|| {
                        profiles
                            .first()
                            .filter(|p| p.kind == Kind::Number && p.plain_years && usable(0))
                            .filter(|p| p.times == p.filled && table.rows() > 1)
                            .map(|_| (0, Why::FirstColumnOfYears))
                    })
            }
        }
    };
    let time = match mapping.shape {
        Some(Shape::Records) => None,
        _ => time,
    };
    let time_index = time.map(|(t, _)| t);
    let time_unique = mapping.name.is_none()
        && time_index.is_some_and(|t| {
            profiles.get(t).is_some_and(|p| !p.plain_years) && {
                let mut seen: FxSet<Cow<'_, str>> = FxSet::default();
                table.rows() > 2
                    && (0..table.rows())
                        .all(|r| key_of(ctx.cell(r, t)).is_none_or(|k| seen.insert(k)))
            }
        });
    let year_set: Vec<usize> = year_columns.iter().map(|(i, _)| *i).collect();
    // The value columns.
    let numbers: Vec<usize> = profiles
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            usable(*i)
                && p.kind == Kind::Number
                && Some(*i) != time_index
                && !(transposed && year_set.contains(i))
        })
        .map(|(i, _)| i)
        .collect();
    let (values, values_why) = match mapped_list(table, &mapping.value, "value")? {
        Some(v) => (v, Why::Mapping),
        None => (numbers.clone(), Why::Values),
    };
    if !transposed && values.is_empty() {
        return Err(Error::NoNumbers {
            columns: table.columns.iter().map(|c| quote(&c.name)).collect(),
        });
    }
    if transposed && year_columns.is_empty() {
        return Err(Error::NoNumbers {
            columns: table.columns.iter().map(|c| quote(&c.name)).collect(),
        });
    }
    // The name column.
    let name = match mapped(table, &mapping.name, "name")? {
        Some(n) => n.map(|n| (n, Why::Mapping)),
        None => {
            let rank = |p: &Profile| match p.hint {
                Hint::Name => 0,
                Hint::None => 1,
                _ => 2,
            };
            // A time that is different on every row (a daily record) has
            // no names: its text columns describe each row (the weather).
            let mut labels: Vec<usize> = if time_unique {
                Vec::new()
            } else {
                (0..profiles.len())
                    .filter(|&i| is_label(i) && Some(i) != time_index)
                    .collect()
            };
            labels.sort_by_key(|&i| {
                profiles
                    .get(i)
                    .map(|p| (rank(p), usize::MAX.saturating_sub(p.distinct), i))
                    .unwrap_or((3, 0, i))
            });
            match labels.first() {
                Some(&i) => Some((
                    i,
                    if profiles.get(i).is_some_and(|p| p.hint == Hint::Name) {
                        Why::Header
                    } else {
                        Why::MostDistinct
                    },
                )),
                // Codes stand in for names when there is nothing else.
                None if time_index.is_none() || transposed => profiles
                    .iter()
                    .enumerate()
                    .find(|(i, p)| usable(*i) && p.kind == Kind::Code)
                    .map(|(i, _)| (i, Why::Values)),
                None => None,
            }
        }
    };
    let name_index = name.map(|(n, _)| n);
    // A name on (nearly) every row once, with a time found by its values: one
    // thing a row with its date (films and their release dates), not series.
    let once_each = name_index.and_then(|n| profiles.get(n)).is_some_and(|p| {
        table.rows() > 20 && p.distinct.saturating_mul(10) >= table.rows().saturating_mul(9)
    });
    let (time, time_index) = if once_each
        && mapping.shape.is_none()
        && mapping.time.is_none()
        && time.is_some_and(|(_, why)| why != Why::Mapping)
    {
        (None, None)
    } else {
        (time, time_index)
    };
    // Whole numbers with few values are categories, not values: splits by
    // their header (age, sex, month), or groups when each name has one of
    // them and names repeat (a cluster, a region code).
    let name_distinct = name_index
        .and_then(|n| profiles.get(n))
        .map_or(0, |p| p.distinct);
    let first = name_index.map(|n| first_rows(ctx, n, name_distinct));
    let names_repeat = name_distinct > 0 && name_distinct.saturating_mul(2) <= table.rows();
    let mut int_splits: Vec<usize> = Vec::new();
    let mut int_groups: Vec<usize> = Vec::new();
    {
        // A mapping's value columns stay values; the other numbers are looked at.
        for &i in &numbers {
            if values_why == Why::Mapping && values.contains(&i) {
                continue;
            }
            let Some(p) = profiles.get(i) else { continue };
            let Some(few) = p.few_integers else { continue };
            if is_split_header(&p.label) {
                int_splits.push(i);
            } else if let (Some(first), true) = (&first, names_repeat) {
                // A group sorts every item: a column blank in many rows (a
                // forecast given for some days only) holds values, not groups.
                let complete = p.missing.saturating_mul(10) <= table.rows();
                if complete
                    && (2..=12).contains(&few)
                    && few < name_distinct
                    && one_per_name(ctx, first, i)
                {
                    int_groups.push(i);
                }
            }
        }
    }
    let mut values = values;
    values.retain(|i| !int_splits.contains(i) && !int_groups.contains(i));
    if !transposed && values.is_empty() {
        return Err(Error::NoNumbers {
            columns: table.columns.iter().map(|c| quote(&c.name)).collect(),
        });
    }
    if transposed && name_index.is_none() {
        return Err(Error::ChartNeeds {
            chart: "trend",
            needs: "a column of names (one series a row)",
        });
    }
    // Columns that say one thing per name, and the group among them.
    let per_name: Vec<(usize, bool)> = match (name_index, &first) {
        (Some(n), Some(first)) => (0..profiles.len())
            .filter(|&i| i != n && Some(i) != time_index && usable(i))
            .filter(|&i| {
                profiles
                    .get(i)
                    .is_some_and(|p| matches!(p.kind, Kind::Label | Kind::Code))
            })
            .map(|i| (i, one_per_name(ctx, first, i)))
            .collect(),
        _ => Vec::new(),
    };
    let group = match mapped(table, &mapping.group, "group")? {
        Some(g) => g.map(|g| (g, Why::Mapping)),
        None => {
            let mut candidates: Vec<(usize, Why)> = per_name
                .iter()
                .filter(|(i, one)| *one && is_label(*i))
                .filter_map(|(i, _)| {
                    let p = profiles.get(*i)?;
                    (p.distinct >= 2 && p.distinct < name_distinct).then_some((
                        *i,
                        if p.hint == Hint::Group {
                            Why::Header
                        } else {
                            Why::OneGroupPerName
                        },
                    ))
                })
                .collect();
            candidates.sort_by_key(|(i, why)| (*why != Why::Header, *i));
            candidates
                .first()
                .copied()
                .or_else(|| int_groups.first().map(|&i| (i, Why::OneGroupPerName)))
        }
    };
    let group_index = group.map(|(g, _)| g);
    // The rest: splits, codes, and what is left out.
    let code = per_name
        .iter()
        .find(|(i, one)| *one && profiles.get(*i).is_some_and(|p| p.kind == Kind::Code))
        .map(|(i, _)| *i);
    let slices = match &mapping.slice {
        Some(map) => Some(
            map.iter()
                .map(|(c, v)| Ok((find_column(table, c, "slice")?, v.clone())))
                .collect::<Result<Vec<_>>>()?,
        ),
        None => None,
    };
    let mut splits = Vec::new();
    let mut left = Vec::new();
    for (i, p) in profiles.iter().enumerate() {
        let role_taken = Some(i) == time_index
            || Some(i) == name_index
            || Some(i) == group_index
            || values.contains(&i)
            || (transposed && year_set.contains(&i));
        if role_taken {
            continue;
        }
        if !usable(i) {
            left.push((i, Left::Ignored));
            continue;
        }
        if int_splits.contains(&i) {
            let slice = slices
                .as_ref()
                .and_then(|s| s.iter().find(|(c, _)| *c == i).map(|(_, v)| v.clone()));
            splits.push((i, slice, false));
            continue;
        }
        if int_groups.contains(&i) {
            left.push((i, Left::PerName));
            continue;
        }
        let why = match p.kind {
            Kind::Empty => Left::Empty,
            Kind::Code => Left::Code,
            Kind::FreeText => Left::FreeText,
            Kind::Number | Kind::Time => Left::Unused,
            Kind::Label if time_unique => Left::PerName,
            Kind::Label => {
                let one = per_name.iter().any(|(c, one)| *c == i && *one);
                let slice = slices
                    .as_ref()
                    .and_then(|s| s.iter().find(|(c, _)| *c == i).map(|(_, v)| v.clone()));
                if one && slice.is_none() || (name_index.is_none() && time_index.is_none()) {
                    Left::PerName
                } else {
                    let (slice, auto) = match (&slices, slice) {
                        (_, Some(v)) => (Some(v), false),
                        (Some(_), None) => (None, false),
                        (None, None) => (find_total(ctx, i), true),
                    };
                    splits.push((i, slice, auto));
                    continue;
                }
            }
        };
        left.push((i, why));
    }
    // The charts.
    let shape = match mapping.shape {
        Some(s) => s,
        None if transposed => Shape::Transposed,
        None => match (time_index, name_index) {
            (Some(_), Some(_)) => Shape::Long,
            (Some(_), None) => Shape::Wide,
            (None, Some(_)) => Shape::Records,
            (None, None) => {
                return Err(Error::NoNameOrTime {
                    numbers: values
                        .iter()
                        .filter_map(|&i| table.columns.get(i))
                        .map(|c| quote(&c.name))
                        .collect(),
                })
            }
        },
    };
    let (trend, ranking) = match &mapping.charts {
        Some(c) => (c.contains(&Chart::Trend), c.contains(&Chart::Ranking)),
        None => match shape {
            Shape::Long => (true, name_distinct >= 2),
            Shape::Wide => (true, false),
            Shape::Transposed => (
                true,
                name_distinct >= 3
                    && !name_index.and_then(|n| profiles.get(n)).is_some_and(|p| {
                        ["指标", "indicator", "series", "项目", "item"]
                            .contains(&p.label.to_lowercase().as_str())
                    }),
            ),
            Shape::Records => (false, true),
        },
    };
    if trend && time_index.is_none() && shape != Shape::Transposed {
        return Err(Error::ChartNeeds {
            chart: "trend",
            needs: "a time column (years or dates)",
        });
    }
    if ranking && name_index.is_none() {
        return Err(Error::ChartNeeds {
            chart: "ranking",
            needs: "a column of names",
        });
    }
    if !trend && !ranking {
        return Err(Error::NothingToChart);
    }
    let metrics = match mapped_list(table, &mapping.metrics, "metrics")? {
        Some(m) => m,
        None => values.clone(),
    };
    // Units per column.
    let units = profiles
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let header = table.columns.get(i).map(|c| c.name.as_str()).unwrap_or("");
            match mapping
                .units
                .get(&p.header)
                .or_else(|| mapping.units.get(header))
            {
                Some(u) => text::unit(u),
                None => p.header_unit.clone().or_else(|| {
                    (p.percent_cells > 0 && p.percent_cells.saturating_mul(2) >= p.numbers)
                        .then(|| "%".to_string())
                }),
            }
        })
        .collect();
    let tp = time_index.and_then(|t| profiles.get(t));
    let day_first = mapping.day_first.unwrap_or_else(|| {
        !(tp.is_some_and(|p| p.month_first_at.is_some() && p.day_first_at.is_none()))
    });
    Ok(Plan {
        shape,
        time,
        name,
        group,
        values,
        metrics,
        years: if transposed { year_columns } else { Vec::new() },
        code,
        units,
        left,
        trend,
        ranking,
        ranking_year: mapping.year,
        day_first,
        aggregates: mapping.aggregates.clone(),
        values_why,
        periods: splits
            .iter()
            .map(|(c, _, _)| *c)
            .filter(|&c| profiles.get(c).is_some_and(|p| is_period_header(&p.label)))
            .collect(),
        per_year: mapping.per_year.unwrap_or_default(),
        splits,
    })
}

/// For each row, the first row with the same name (as a reader sees it), or
/// `usize::MAX` for a row without a name: one hashing pass over the names,
/// shared by every column's [`one_per_name`].
fn first_rows(ctx: &Ctx, name: usize, distinct: usize) -> Vec<usize> {
    let mut first: FxMap<HashedText<'_>, usize> = FxMap::default();
    first.reserve(distinct.min(ctx.table.rows()));
    (0..ctx.table.rows())
        .map(|row| match key_of(ctx.cell(row, name)) {
            Some(k) => *first.entry(HashedText::new(k)).or_insert(row),
            None => usize::MAX,
        })
        .collect()
}

/// Whether each name has one value of column `other` (missing cells aside).
fn one_per_name(ctx: &Ctx, first_rows: &[usize], other: usize) -> bool {
    // The value each name's first row with a value gives.
    let mut given: Vec<Option<usize>> = vec![None; first_rows.len()];
    for (row, &first) in first_rows.iter().enumerate() {
        if first == usize::MAX {
            continue;
        }
        let Some(v) = key_of(ctx.cell(row, other)) else {
            continue;
        };
        match given.get(first).copied().flatten() {
            Some(at) => {
                if key_of(ctx.cell(at, other)).as_deref() != Some(v.as_ref()) {
                    return false;
                }
            }
            None => {
                if let Some(slot) = given.get_mut(first) {
                    *slot = Some(row);
                }
            }
        }
    }
    true
}

/// A cell as a reader sees its text (for comparing), `None` when missing.
fn key_of(cell: &Cell) -> Option<Cow<'_, str>> {
    match cell {
        Cell::Text(t) => {
            let k = reader_key(t);
            (!k.is_empty() && !cells::is_missing(&k)).then_some(k)
        }
        Cell::Empty => None,
        other => Some(Cow::Owned(written(other))),
    }
}

/// A total among a split column's values (`Both`, `合计`), as written.
fn find_total(ctx: &Ctx, column: usize) -> Option<String> {
    let c = ctx.table.columns.get(column)?;
    c.cells.iter().find_map(|cell| {
        let k = key_of(cell)?;
        let lower = k.to_lowercase();
        TOTALS.contains(&lower.as_str()).then(|| k.into_owned())
    })
}

/// A group cell as the ranking's group: one `Rc` per group as a reader sees
/// it; none for a missing cell or one written as the chart's "no group".
fn group_of(cell: &Cell, names: &mut FxMap<String, Rc<str>>) -> Option<Rc<str>> {
    let written = name_of(cell)?;
    let key = reader_key(&written).into_owned();
    if key.eq_ignore_ascii_case(no_group_label(true))
        || key.eq_ignore_ascii_case(no_group_label(false))
    {
        return None;
    }
    Some(
        names
            .entry(key)
            .or_insert_with(|| Rc::from(written.as_str()))
            .clone(),
    )
}

/// One name (a series, a village) and what is known of it.
struct Entity {
    name: String,
    group: Option<Rc<str>>,
    code: Option<String>,
    first_row: usize,
    unit: Option<String>,
    /// The next entity whose key hashes as this one's does (`usize::MAX`: none).
    next: usize,
}

/// One name × one year, per value column.
#[derive(Clone, Copy)]
struct Acc {
    sum: f64,
    rows: u32,
    values: u32,
    row: usize,
    /// Distinct periods within the year (months, days) with a value.
    periods: u32,
    /// The latest period with a value, and the sum of its rows.
    last_period: u64,
    last_sum: f64,
    /// The first value, and whether every value equals it.
    first: f64,
    same: bool,
}

const EMPTY_ACC: Acc = Acc {
    sum: 0.0,
    rows: 0,
    values: 0,
    row: 0,
    periods: 0,
    last_period: 0,
    last_sum: 0.0,
    first: 0.0,
    same: true,
};

impl Acc {
    /// The year's value: one value a period (the rows of a period summed),
    /// then the periods' mean, sum or last; without periods, the sum. In a
    /// table without time (`once`), a value repeated on every row of a
    /// name is taken once.
    fn value(&self, per_year: PerYear, once: bool) -> f64 {
        if once && self.same {
            return self.first;
        }
        if self.periods <= 1 {
            return self.sum;
        }
        match per_year {
            PerYear::Sum => self.sum,
            PerYear::Last => self.last_sum,
            PerYear::Mean => self.sum / f64::from(self.periods),
        }
    }
}

/// What one period (within a year) of a row is, as a key ordered in time:
/// the month and day of its date, then its period columns' numbers.
fn period_of(ctx: &Ctx, plan: &Plan, time: Option<Time>, row: usize) -> u64 {
    let within = match time {
        Some(Time::Month(_, m)) => u64::from(m).saturating_mul(32),
        Some(Time::Date(_, m, d)) => u64::from(m).saturating_mul(32).saturating_add(u64::from(d)),
        _ => 0,
    };
    let mut key = within.wrapping_shl(32);
    for &c in &plan.periods {
        let part = match ctx.cell(row, c) {
            Cell::Number(n) if n.fract() == 0.0 && (0.0..65_536.0).contains(n) => *n as u64,
            cell => key_of(cell).map_or(0, |k| {
                use std::hash::{Hash, Hasher};
                let mut h = crate::hash::Fx::default();
                k.hash(&mut h);
                h.finish() & 0xffff
            }),
        };
        key = key.wrapping_mul(65_536).wrapping_add(part);
    }
    key
}

/// What the rows say: names × years × value columns, summed.
struct Facts {
    entities: Vec<Entity>,
    /// The hash of a key (a name as a reader sees it, `\0`, its group's) →
    /// the first entity with a key of that hash, the others chained by
    /// [`Entity::next`]: each name is hashed once, and no key is kept.
    by_hash: FxMap<u64, usize>,
    /// Per entity, its first slot's year and slot (`usize::MAX`: none yet);
    /// a slot holds one [`Acc`] per value column. Most entities of records
    /// have no other.
    first_slots: Vec<(i32, usize)>,
    /// (entity, year) → slot, for the slots after an entity's first.
    slots: FxMap<(usize, i32), usize>,
    /// Slot → (entity, year), in the order the slots were made.
    slot_keys: Vec<(usize, i32)>,
    accs: Vec<Acc>,
    width: usize,
    skipped: Vec<SkippedCell>,
    read: usize,
    missing: usize,
    notes: Vec<Note>,
    /// Per column: values read, bad cells.
    read_by_column: Vec<(usize, usize)>,
    /// (value slot, period) pairs seen, for counting periods within years.
    periods_seen: FxSet<(usize, u64)>,
    /// Whether some date is not a month's first day (the periods are days).
    days: bool,
    /// [`Facts::entity`]'s keys, built in place.
    key: String,
    other_key: String,
}

/// An entity's key: its name as a reader sees it, `\0`, its group's.
fn entity_key(out: &mut String, name: &str, group: Option<&str>) {
    out.clear();
    out.push_str(&reader_key(name));
    out.push('\u{0}');
    if let Some(g) = group {
        out.push_str(&reader_key(g));
    }
}

impl Facts {
    fn entity(&mut self, name: &str, group: Option<Rc<str>>, row: usize) -> usize {
        // The keys in buffers kept between rows: nothing is allocated.
        let mut key = std::mem::take(&mut self.key);
        let mut other = std::mem::take(&mut self.other_key);
        entity_key(&mut key, name, group.as_deref());
        let hash = crate::hash::text_hash(&key);
        let mut found = None;
        let mut last = None;
        let mut at = self.by_hash.get(&hash).copied().unwrap_or(usize::MAX);
        while let Some(candidate) = self.entities.get(at) {
            entity_key(&mut other, &candidate.name, candidate.group.as_deref());
            if other == key {
                found = Some(at);
                break;
            }
            last = Some(at);
            at = candidate.next;
        }
        self.key = key;
        self.other_key = other;
        if let Some(e) = found {
            if let Some(first) = self.entities.get(e) {
                if first.name != name
                    && !self
                        .notes
                        .iter()
                        .any(|n| matches!(n, Note::Merged { name: m, .. } if *m == name))
                {
                    self.notes.push(Note::Merged {
                        name: name.to_string(),
                        other: first.name.clone(),
                    });
                }
            }
            return e;
        }
        let e = self.entities.len();
        self.entities.push(Entity {
            name: name.to_string(),
            group,
            code: None,
            first_row: row,
            unit: None,
            next: usize::MAX,
        });
        match last.and_then(|l| self.entities.get_mut(l)) {
            Some(previous) => previous.next = e,
            None => {
                self.by_hash.insert(hash, e);
            }
        }
        e
    }

    fn slot(&mut self, entity: usize, year: i32) -> usize {
        let next = self.slot_keys.len();
        if self.first_slots.len() <= entity {
            self.first_slots
                .resize(entity.saturating_add(1), (0, usize::MAX));
        }
        let slot = match self.first_slots.get_mut(entity) {
            Some(first) if first.1 == usize::MAX => {
                *first = (year, next);
                next
            }
            Some(&mut (y, slot)) if y == year => slot,
            _ => *self.slots.entry((entity, year)).or_insert(next),
        };
        if slot == next {
            self.slot_keys.push((entity, year));
            self.accs.extend(std::iter::repeat_n(EMPTY_ACC, self.width));
        }
        slot
    }

    /// The slot of an entity's year, if it has one.
    fn find_slot(&self, entity: usize, year: i32) -> Option<usize> {
        match self.first_slots.get(entity) {
            Some(&(y, slot)) if y == year && slot != usize::MAX => Some(slot),
            _ => self.slots.get(&(entity, year)).copied(),
        }
    }

    fn acc(&self, slot: usize, m: usize) -> Option<&Acc> {
        self.accs
            .get(slot.saturating_mul(self.width).saturating_add(m))
    }

    fn acc_mut(&mut self, slot: usize, m: usize) -> Option<&mut Acc> {
        self.accs
            .get_mut(slot.saturating_mul(self.width).saturating_add(m))
    }
}

/// A value cell read: a number, missing, or skipped with a reason.
fn value(
    cell: &Cell,
    decimal: Decimal,
    percent: bool,
    parsed: Option<f64>,
) -> std::result::Result<Option<f64>, Reason> {
    let v = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => *n,
        // The profile's number, parsed once.
        Cell::Text(_) if parsed.is_some_and(|v| !v.is_nan()) => parsed.unwrap_or(f64::NAN),
        Cell::Text(t) => {
            let folded = cells::fold(t);
            if cells::is_missing(&folded) {
                return Ok(None);
            }
            cells::number(&folded, decimal)
                .ok_or(Reason::NotANumber)?
                .value
        }
        Cell::Bool(_) | Cell::Date(_) => return Err(Reason::NotANumber),
    };
    if !v.is_finite() || v.abs() >= MAX_VALUE {
        return Err(Reason::TooBig);
    }
    if percent && !(0.0..=100.0).contains(&v) {
        return Err(Reason::OutsidePercent);
    }
    Ok(Some(v))
}

fn read(ctx: &Ctx, profiles: &[Profile], plan: &Plan) -> Result<Facts> {
    // The columns read as values: the trend's and the ranking's (long,
    // records), the series (wide), the years (transposed).
    let value_columns: Vec<usize> = match plan.shape {
        Shape::Long | Shape::Records => {
            let mut v = plan.values.clone();
            for m in &plan.metrics {
                if !v.contains(m) {
                    v.push(*m);
                }
            }
            v
        }
        Shape::Wide => plan.values.clone(),
        Shape::Transposed => plan.years.iter().map(|(c, _)| *c).collect(),
    };
    let width = match plan.shape {
        Shape::Long | Shape::Records => value_columns.len().max(1),
        Shape::Wide | Shape::Transposed => 1,
    };
    let mut facts = Facts {
        entities: Vec::new(),
        by_hash: FxMap::default(),
        first_slots: Vec::new(),
        slots: FxMap::default(),
        slot_keys: Vec::new(),
        accs: Vec::new(),
        width,
        skipped: Vec::new(),
        read: 0,
        missing: 0,
        notes: Vec::new(),
        read_by_column: vec![(0, 0); profiles.len()],
        periods_seen: FxSet::default(),
        days: false,
        key: String::new(),
        other_key: String::new(),
    };
    // At least an entity and a slot per distinct name (exactly, in records):
    // reserved once rather than grown.
    if matches!(plan.shape, Shape::Long | Shape::Records) {
        let names = plan
            .name
            .and_then(|(n, _)| profiles.get(n))
            .map_or(0, |p| p.distinct)
            .min(ctx.table.rows());
        facts.entities.reserve(names);
        facts.by_hash.reserve(names);
        facts.first_slots.reserve(names);
        facts.slot_keys.reserve(names);
        facts.accs.reserve(names.saturating_mul(width));
    }
    // Periods within a year are counted only where a time has months or
    // days, or a period column splits the rows.
    let sub_yearly = !plan.periods.is_empty()
        || plan
            .time
            .and_then(|(t, _)| profiles.get(t))
            .is_some_and(|p| !p.plain_years);
    let percent = |c: usize| plan.units.get(c).and_then(|u| u.as_deref()) == Some("%");
    let decimal = |c: usize| profiles.get(c).map_or(Decimal::Point, |p| p.decimal);
    // Wide: one entity per value column, in order.
    if plan.shape == Shape::Wide {
        for &c in &plan.values {
            let Some(p) = profiles.get(c) else { continue };
            // The label, or the whole header where two labels meet.
            let taken = facts
                .entities
                .iter()
                .any(|e| e.group.is_none() && reader_key(&e.name) == reader_key(&p.label));
            let name = if taken {
                p.header.clone()
            } else {
                p.label.clone()
            };
            let e = facts.entity(&name, None, 0);
            if let Some(entity) = facts.entities.get_mut(e) {
                entity.unit = plan.units.get(c).cloned().flatten();
            }
        }
    }
    let split_keys: Vec<(usize, Option<String>)> = plan
        .splits
        .iter()
        .map(|(c, v, _)| (*c, v.as_deref().map(|v| reader_key(v).into_owned())))
        .collect();
    let mut left_by_slice = 0usize;
    // Groups by their cell as written (borrowed): most rows repeat one.
    let mut group_cache: FxMap<&str, Option<Rc<str>>> = FxMap::default();
    let mut group_names: FxMap<String, Rc<str>> = FxMap::default();
    'rows: for row in 0..ctx.table.rows() {
        // The slice.
        for (c, want) in &split_keys {
            if let Some(want) = want {
                let have = key_of(ctx.cell(row, *c));
                if have.as_deref() != Some(want.as_str()) {
                    left_by_slice = left_by_slice.saturating_add(1);
                    continue 'rows;
                }
            }
        }
        // The time.
        let time = match plan.time {
            None => None,
            Some((t, _)) => {
                let cell = ctx.cell(row, t);
                let skip = |reason| SkippedCell {
                    at: ctx.spot(Some(row), Some(t)),
                    text: written(cell),
                    reason,
                };
                match cells::cell_time(cell) {
                    Some(time) if i64::from(time.year()) < *YEAR_RANGE.start() => {
                        facts.skipped.push(skip(Reason::Before1900));
                        continue;
                    }
                    Some(time) => Some(time),
                    None if key_of(cell).is_none() => {
                        facts.skipped.push(skip(Reason::NoTime));
                        continue;
                    }
                    None => {
                        facts.skipped.push(skip(Reason::NotATime));
                        continue;
                    }
                }
            }
        };
        let time = time.map(|t| match t {
            Time::DayMonth(y, a, b) if plan.day_first => Time::Date(y, b, a),
            Time::DayMonth(y, a, b) => Time::Date(y, a, b),
            t => t,
        });
        let year = time.map_or(0, Time::year);
        let period = if sub_yearly {
            period_of(ctx, plan, time, row)
        } else {
            0
        };
        if let Some(Time::Date(_, _, d)) = time {
            facts.days |= d != 1;
        }
        // The name.
        let entity = match (plan.shape, plan.name) {
            (Shape::Wide, _) => None,
            (_, Some((n, _))) => {
                let Some(name) = name_text(ctx.cell(row, n)) else {
                    facts.skipped.push(SkippedCell {
                        at: ctx.spot(Some(row), Some(n)),
                        text: String::new(),
                        reason: Reason::NoName,
                    });
                    continue;
                };
                let group = match plan.group {
                    None => None,
                    Some((g, _)) => match ctx.cell(row, g) {
                        Cell::Text(raw) => match group_cache.get(raw.as_str()) {
                            Some(group) => group.clone(),
                            None => {
                                let group = group_of(ctx.cell(row, g), &mut group_names);
                                group_cache.insert(raw.as_str(), group.clone());
                                group
                            }
                        },
                        other => group_of(other, &mut group_names),
                    },
                };
                let (name, unit) = if plan.shape == Shape::Transposed {
                    let (label, unit) = profile::header_unit(&name);
                    (
                        if unit.is_some() {
                            Cow::Owned(label)
                        } else {
                            name
                        },
                        unit,
                    )
                } else {
                    (name, None)
                };
                let e = facts.entity(&name, group, row);
                if let Some(entity) = facts.entities.get_mut(e) {
                    if entity.first_row == row {
                        entity.unit = unit;
                        entity.code = plan.code.and_then(|c| name_of(ctx.cell(row, c)));
                    }
                }
                Some(e)
            }
            (_, None) => None,
        };
        // The values (one slot a row, except in wide and transposed tables).
        let mut last_slot: Option<((usize, i32), usize)> = None;
        for (k, &c) in value_columns.iter().enumerate() {
            let (e, y, m) = match plan.shape {
                Shape::Wide => (k, year, 0),
                Shape::Transposed => (
                    entity.unwrap_or(0),
                    plan.years.get(k).map_or(0, |(_, y)| *y),
                    0,
                ),
                _ => (entity.unwrap_or(0), year, k),
            };
            let cell = ctx.cell(row, c);
            let pct = if plan.shape == Shape::Transposed {
                facts.entities.get(e).and_then(|x| x.unit.as_deref()) == Some("%")
            } else {
                percent(c)
            };
            let parsed = profiles.get(c).and_then(|p| p.parsed.get(row)).copied();
            let v = match value(cell, decimal(c), pct, parsed) {
                Ok(v) => v,
                Err(reason) => {
                    facts.skipped.push(SkippedCell {
                        at: ctx.spot(Some(row), Some(c)),
                        text: written(cell),
                        reason,
                    });
                    if let Some(r) = facts.read_by_column.get_mut(c) {
                        r.1 = r.1.saturating_add(1);
                    }
                    None
                }
            };
            match v {
                Some(_) => {
                    facts.read = facts.read.saturating_add(1);
                    if let Some(r) = facts.read_by_column.get_mut(c) {
                        r.0 = r.0.saturating_add(1);
                    }
                }
                None => facts.missing = facts.missing.saturating_add(1),
            }
            let slot = match last_slot {
                Some((key, slot)) if key == (e, y) => slot,
                _ => {
                    let slot = facts.slot(e, y);
                    last_slot = Some(((e, y), slot));
                    slot
                }
            };
            let index = slot.saturating_mul(facts.width).saturating_add(m);
            let new_period = v.is_some()
                && (period == 0 && facts.accs.get(index).is_some_and(|a| a.periods == 0)
                    || period != 0 && facts.periods_seen.insert((index, period)));
            let Some(acc) = facts.acc_mut(slot, m) else {
                continue;
            };
            if acc.rows == 0 {
                acc.row = row;
            }
            acc.rows = acc.rows.saturating_add(1);
            if let Some(v) = v {
                if acc.values == 0 {
                    acc.first = v;
                } else if v != acc.first {
                    acc.same = false;
                }
                acc.sum += v;
                acc.values = acc.values.saturating_add(1);
                if new_period {
                    acc.periods = acc.periods.saturating_add(1);
                }
                if acc.values == 1 || period > acc.last_period {
                    acc.last_period = period;
                    acc.last_sum = v;
                } else if period == acc.last_period {
                    acc.last_sum += v;
                }
            }
        }
    }
    // Notes: the slice, the sums, the day/month order, shares.
    for (c, v, auto) in &plan.splits {
        if let Some(v) = v {
            facts.notes.push(Note::Slice {
                column: header(ctx, *c),
                value: v.clone(),
                auto: *auto,
                rows_left: left_by_slice,
            });
        }
    }
    let mut groups = 0usize;
    let mut most = 0u32;
    let mut most_periods = 0u32;
    for acc in &facts.accs {
        let periods = acc.periods.max(1);
        most_periods = most_periods.max(acc.periods);
        let rows = if acc.periods > 1 {
            acc.values
        } else {
            acc.rows
        };
        if rows > periods {
            groups = groups.saturating_add(1);
            most = most.max(rows.div_ceil(periods));
        }
    }
    if most_periods > 1 {
        let period = if plan.periods.iter().any(|&c| {
            profiles.get(c).is_some_and(|p| {
                matches!(
                    p.label.trim().to_lowercase().as_str(),
                    "quarter" | "qtr" | "季度" | "季"
                )
            })
        }) {
            Period::Quarter
        } else if facts.days {
            Period::Day
        } else {
            Period::Month
        };
        facts.notes.push(Note::PerYear {
            how: plan.per_year,
            most: most_periods as usize,
            period,
        });
    }
    let once = plan.shape == Shape::Records;
    if once && groups > 0 {
        let same = facts.accs.iter().filter(|a| a.values > 1 && a.same).count();
        facts.notes.push(Note::NoTimeRepeats {
            groups,
            most: most as usize,
            same,
        });
        groups = 0;
    }
    if groups > 0 {
        let over = plan
            .splits
            .iter()
            .filter(|(_, v, _)| v.is_none())
            .map(|(c, _, _)| header(ctx, *c))
            .collect();
        facts.notes.push(Note::Summed {
            groups,
            most: most as usize,
            over,
        });
    }
    if let Some((t, _)) = plan.time {
        if let Some(p) = profiles.get(t) {
            match (&p.day_first_at, &p.month_first_at) {
                (Some((r, text)), None) => facts.notes.push(Note::DayFirst {
                    at: ctx.spot(Some(*r), Some(t)),
                    text: text.clone(),
                }),
                (None, Some((r, text))) => facts.notes.push(Note::MonthFirst {
                    at: ctx.spot(Some(*r), Some(t)),
                    text: text.clone(),
                }),
                (Some((d, _)), Some((m, _))) => facts.notes.push(Note::DayMonthConflict {
                    day: ctx.spot(Some(*d), Some(t)),
                    month: ctx.spot(Some(*m), Some(t)),
                }),
                (None, None) => {}
            }
            let ambiguous = (0..ctx.table.rows())
                .any(|r| matches!(cells::cell_time(ctx.cell(r, t)), Some(Time::DayMonth(..))));
            if ambiguous && p.day_first_at.is_none() && p.month_first_at.is_none() {
                facts.notes.push(Note::DayMonthUnsettled);
            }
        }
    }
    for &c in &value_columns {
        let Some(p) = profiles.get(c) else { continue };
        let unit = plan.units.get(c).cloned().flatten();
        let h = header(ctx, c);
        if p.decimal == Decimal::Comma {
            facts.notes.push(Note::DecimalComma { column: h.clone() });
        }
        if p.header_unit.is_none() && unit.is_some() && p.percent_cells > 0 {
            facts.notes.push(Note::UnitFromValues {
                column: h.clone(),
                unit: unit.clone().unwrap_or_default(),
            });
        }
        // A transposed table's units are in its rows' labels, not its year
        // columns: a column of 0–1 values there says nothing about shares.
        if p.unit_interval && p.numbers > 0 && plan.shape != Shape::Transposed {
            if unit.as_deref() == Some("%") {
                facts.notes.push(Note::SmallPercent { column: h });
            } else if unit.is_none() {
                facts.notes.push(Note::Shares { column: h });
            }
        }
    }
    if facts.read == 0 {
        return Err(Error::AllMissing {
            columns: value_columns
                .iter()
                .map(|&c| quote(&header(ctx, c)))
                .collect(),
        });
    }
    Ok(facts)
}

fn header(ctx: &Ctx, c: usize) -> String {
    header_of(ctx.table, c)
}

/// One year's value of a slot, or an error for sums a chart cannot hold.
#[allow(clippy::too_many_arguments)]
fn settled(
    ctx: &Ctx,
    plan: &Plan,
    facts: &Facts,
    acc: &Acc,
    entity: usize,
    year: i32,
    percent: bool,
    column: Option<usize>,
) -> Result<Option<f64>> {
    if acc.values == 0 {
        return Ok(None);
    }
    let name = || {
        facts
            .entities
            .get(entity)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    };
    let v = acc.value(plan.per_year, plan.shape == Shape::Records);
    if percent && acc.values > 1 && !(0.0..=100.0).contains(&v) {
        return Err(Error::SummedPercent {
            at: Box::new(ctx.spot(Some(acc.row), column.or(plan.name.map(|(n, _)| n)))),
            name: name(),
            year,
            rows: acc.values as usize,
            total: plain(v),
        });
    }
    if v.abs() >= MAX_VALUE {
        return Err(Error::TooBig {
            path: ctx.spot(Some(acc.row), column).to_string(),
            value: plain(v),
        });
    }
    Ok(Some(v))
}

/// Per entity, its slots sorted by year.
fn slots_by_entity(facts: &Facts) -> Vec<Vec<(usize, f64)>> {
    let mut by: Vec<Vec<(usize, f64)>> = vec![Vec::new(); facts.entities.len()];
    for (slot, &(e, y)) in facts.slot_keys.iter().enumerate() {
        if let Some(list) = by.get_mut(e) {
            list.push((slot, f64::from(y)));
        }
    }
    for list in &mut by {
        super::sort_keyed(list, false);
    }
    by
}

fn build_trend(ctx: &Ctx, profiles: &[Profile], plan: &Plan, facts: &Facts) -> Result<Trend> {
    let value_column = match plan.shape {
        Shape::Long => plan.values.first().copied(),
        _ => None,
    };
    let unit: Option<String> = match plan.shape {
        Shape::Long => value_column.and_then(|c| plan.units.get(c).cloned().flatten()),
        _ => common(facts.entities.iter().map(|e| e.unit.clone())),
    };
    let by = slots_by_entity(facts);
    let mut series: Vec<Series> = Vec::with_capacity(facts.entities.len());
    let mut names: FxMap<String, usize> = FxMap::default();
    for (e, (entity, slots)) in facts.entities.iter().zip(&by).enumerate() {
        let percent = match plan.shape {
            Shape::Long => unit.as_deref() == Some("%"),
            _ => entity.unit.as_deref() == Some("%"),
        };
        let mut points = Vec::with_capacity(slots.len());
        for &(slot, _) in slots {
            let Some(&(_, year)) = facts.slot_keys.get(slot) else {
                continue;
            };
            let Some(acc) = facts.acc(slot, 0) else {
                continue;
            };
            if acc.rows == 0 {
                continue;
            }
            points.push(Point {
                year,
                value: settled(ctx, plan, facts, acc, e, year, percent, value_column)?,
            });
        }
        if points.is_empty() {
            continue;
        }
        // Two villages of one name in two groups: the group tells the lines apart.
        let mut name = entity.name.clone();
        if names.contains_key(reader_key(&name).as_ref()) {
            if let Some(g) = &entity.group {
                name = format!("{name} ({g})");
            }
        }
        let key = reader_key(&name).into_owned();
        if names.contains_key(&key) {
            continue;
        }
        names.insert(key, e);
        series.push(Series { name, points });
    }
    if series
        .iter()
        .all(|s| s.points.iter().all(|p| p.value.is_none()))
    {
        return Err(Error::AllMissing {
            columns: value_column
                .map(|c| vec![quote(&header(ctx, c))])
                .unwrap_or_default(),
        });
    }
    let title = match plan.shape {
        Shape::Long => value_column
            .and_then(|c| profiles.get(c))
            .map(|p| p.label.clone()),
        _ => None,
    };
    // One line: its name (an indicator's label) is the trend's title.
    let title = title.or_else(|| match series.as_slice() {
        [one] => Some(one.name.clone()),
        _ => None,
    });
    Ok(Trend {
        title,
        unit,
        series,
        annotations: Vec::new(),
    })
}

/// The one value all give, if they agree.
fn common(mut all: impl Iterator<Item = Option<String>>) -> Option<String> {
    let first = all.next()??;
    all.all(|u| u.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// What a ranking's names are, by the name column's header: (English one,
/// English many, Chinese), for the headers that name what is ranked.
const ITEMS: &[(&[&str], &str, &str, &str)] = &[
    (
        &[
            "country",
            "countries",
            "country name",
            "country_name",
            "entity",
            "nation",
            "国家",
            "国家/地区",
        ],
        "country",
        "countries",
        "国家",
    ),
    (
        &["state", "states", "state name", "州"],
        "state",
        "states",
        "州",
    ),
    (
        &["county", "counties", "县", "区县", "县区", "县（区）"],
        "county",
        "counties",
        "县",
    ),
    (&["city", "cities", "城市", "市"], "city", "cities", "城市"),
    (
        &["province", "provinces", "省", "省份"],
        "province",
        "provinces",
        "省",
    ),
    (
        &["region", "regions", "地区", "区域"],
        "region",
        "regions",
        "地区",
    ),
    (
        &["district", "districts", "区"],
        "district",
        "districts",
        "区",
    ),
    (
        &[
            "town",
            "towns",
            "township",
            "镇",
            "乡镇",
            "乡",
            "街道",
            "镇/街道",
        ],
        "town",
        "towns",
        "乡镇",
    ),
    (
        &["company", "companies", "firm", "公司", "企业"],
        "company",
        "companies",
        "企业",
    ),
    (&["school", "schools", "学校"], "school", "schools", "学校"),
    (
        &["airport", "airports", "机场"],
        "airport",
        "airports",
        "机场",
    ),
    (
        &["person", "people", "人", "姓名"],
        "person",
        "people",
        "人",
    ),
    (
        &["job", "jobs", "occupation", "职业"],
        "job",
        "jobs",
        "职业",
    ),
    (&["species", "物种"], "species", "species", "物种"),
    (&["team", "teams", "球队"], "team", "teams", "球队"),
    (&["player", "players", "球员"], "player", "players", "球员"),
    (
        &["product", "products", "产品"],
        "product",
        "products",
        "产品",
    ),
    (
        &["industry", "industries", "行业"],
        "industry",
        "industries",
        "行业",
    ),
    (
        &["movie", "movies", "film", "电影"],
        "movie",
        "movies",
        "电影",
    ),
    (&["car", "cars", "model", "车型"], "model", "models", "车型"),
];

/// What a ranking ranks, from the name column's header: countries, states,
/// 县; villages (`None`) only for a header that says villages; a neutral
/// word ("items", 对象) for a header that names nothing ranked.
fn item_of(label: &str, zh: bool) -> Option<(String, String)> {
    let lower = label.trim().to_lowercase();
    if matches!(
        lower.as_str(),
        "village" | "villages" | "village name" | "村" | "村名" | "村庄" | "行政村" | "村委会"
    ) {
        return None;
    }
    if let Some((_, one, many, chinese)) = ITEMS.iter().find(|(k, ..)| k.contains(&lower.as_str()))
    {
        return Some(if zh {
            ((*chinese).into(), (*chinese).into())
        } else {
            ((*one).into(), (*many).into())
        });
    }
    // A short Chinese noun names what is ranked (社区, 单位).
    let n = label.chars().count();
    if zh && (1..=3).contains(&n) && label.chars().all(cells::is_cjk) && !label.ends_with("名称")
    {
        return Some((label.to_string(), label.to_string()));
    }
    Some(if zh {
        ("对象".into(), "对象".into())
    } else {
        ("item".into(), "items".into())
    })
}

fn is_aggregate(entity: &Entity, coded: bool) -> bool {
    let name = reader_key(&entity.name);
    // Length first: most names are no aggregate's.
    if AGGREGATE_NAMES
        .iter()
        .any(|a| a.len() == name.len() && a.eq_ignore_ascii_case(&name))
    {
        return true;
    }
    match &entity.code {
        Some(code) => code.starts_with("OWID_") || AGGREGATE_CODES.contains(&code.as_str()),
        None => coded,
    }
}

/// A ranking metric and where its values come from: label, key, unit,
/// value index, year, column.
type MetricSource = (String, String, Option<String>, usize, i32, Option<usize>);

fn build_ranking(
    ctx: &Ctx,
    profiles: &[Profile],
    plan: &Plan,
    facts: &mut Facts,
    zh: bool,
) -> Result<(Ranking, RankingFacts, Vec<String>)> {
    // The metrics: (label, key, unit, value index, year).
    let mut metrics: Vec<MetricSource> = Vec::new();
    let mut shown_year = None;
    match plan.shape {
        Shape::Transposed => {
            // One metric: the latest year's column, or the mapping's year.
            let unit = common(facts.entities.iter().map(|e| e.unit.clone()));
            let pick = plan
                .ranking_year
                .and_then(|want| plan.years.iter().find(|(_, y)| *y == want))
                .or_else(|| plan.years.iter().max_by_key(|(_, y)| *y));
            if let Some(&(c, y)) = pick {
                let label = profiles
                    .get(c)
                    .map_or_else(|| header(ctx, c), |p| p.label.clone());
                metrics.push((label, header(ctx, c), unit, 0, y, Some(c)));
                shown_year = Some(Some(y));
            }
        }
        _ => {
            let index_of = |c: usize| {
                let mut v = plan.values.clone();
                for m in &plan.metrics {
                    if !v.contains(m) {
                        v.push(*m);
                    }
                }
                v.iter().position(|&x| x == c).unwrap_or(0)
            };
            for &c in &plan.metrics {
                let m = index_of(c);
                let year = match (plan.shape, plan.ranking_year) {
                    (Shape::Records, _) => 0,
                    (_, Some(y)) => y,
                    _ => facts
                        .slot_keys
                        .iter()
                        .enumerate()
                        .filter(|(s, _)| facts.acc(*s, m).is_some_and(|a| a.values > 0))
                        .map(|(_, &(_, y))| y)
                        .max()
                        .unwrap_or(0),
                };
                if plan.shape != Shape::Records {
                    shown_year = match shown_year {
                        None => Some(Some(year)),
                        Some(Some(y)) if y == year => Some(Some(y)),
                        _ => Some(None),
                    };
                }
                let p = profiles.get(c);
                let label = p.map(|p| p.label.clone()).unwrap_or_default();
                metrics.push((
                    label,
                    header(ctx, c),
                    plan.units.get(c).cloned().flatten(),
                    m,
                    year,
                    Some(c),
                ));
            }
        }
    }
    // Labels a reader can tell apart: the whole header where two labels meet.
    let mut labels: FxMap<String, usize> = FxMap::default();
    let mut out_metrics = Vec::with_capacity(metrics.len());
    for (i, (label, key, unit, _, _, c)) in metrics.iter().enumerate() {
        let mut label = label.clone();
        if labels.contains_key(reader_key(&label).as_ref()) {
            label = key.clone();
        }
        if let Some(&first) = labels.get(reader_key(&label).as_ref()) {
            return Err(Error::SameColumn {
                at: Box::new(ctx.spot(None, *c)),
                name: label,
                first: Box::new(ctx.spot(None, metrics.get(first).and_then(|m| m.5))),
            });
        }
        labels.insert(reader_key(&label).into_owned(), i);
        out_metrics.push(Metric {
            key: key.clone(),
            label,
            unit: unit.clone(),
        });
    }
    let coded = plan.code.is_some()
        && facts
            .entities
            .iter()
            .filter(|e| e.code.is_some())
            .count()
            .saturating_mul(2)
            > facts.entities.len();
    // Aggregates by name as a reader sees it: what the mapping lists, or
    // what is detected (a name detected once is left out wherever it is).
    let aggregate_keys: FxSet<String> = match &plan.aggregates {
        Some(a) => a.iter().map(|n| reader_key(n).into_owned()).collect(),
        None => facts
            .entities
            .iter()
            .filter(|e| is_aggregate(e, coded))
            .map(|e| reader_key(&e.name).into_owned())
            .collect(),
    };
    let mut left_out = Vec::new();
    let mut left_seen: FxSet<String> = FxSet::default();
    let mut villages = Vec::with_capacity(facts.entities.len());
    let mut owners = Vec::with_capacity(facts.entities.len());
    for (e, entity) in facts.entities.iter().enumerate() {
        if !aggregate_keys.is_empty() {
            let key = reader_key(&entity.name);
            if aggregate_keys.contains(key.as_ref()) {
                if left_seen.insert(key.into_owned()) {
                    left_out.push(entity.name.clone());
                }
                continue;
            }
        }
        let mut values = Vec::with_capacity(metrics.len());
        // Metrics of one year share a slot: looked up once.
        let mut last_slot: Option<(i32, Option<usize>)> = None;
        for (_, _, unit, m, year, c) in &metrics {
            let slot = match last_slot {
                Some((y, slot)) if y == *year => slot,
                _ => {
                    let slot = facts.find_slot(e, *year);
                    last_slot = Some((*year, slot));
                    slot
                }
            };
            let v = match slot.and_then(|s| facts.acc(s, *m)) {
                Some(acc) => settled(
                    ctx,
                    plan,
                    facts,
                    acc,
                    e,
                    *year,
                    unit.as_deref() == Some("%"),
                    *c,
                )?,
                None => None,
            };
            values.push(v);
        }
        villages.push(Village {
            name: String::new(),
            group: entity.group.clone(),
            values,
        });
        owners.push(e);
    }
    // The names, moved: nothing reads an entity's name after the ranking.
    for (village, &e) in villages.iter_mut().zip(&owners) {
        if let Some(entity) = facts.entities.get_mut(e) {
            village.name = std::mem::take(&mut entity.name);
        }
    }
    if villages.is_empty() {
        return Err(Error::ChartNeeds {
            chart: "ranking",
            needs: "names that are not aggregates (the mapping's \"aggregates\" says which are)",
        });
    }
    let default_metric = 0;
    let name_label = plan
        .name
        .and_then(|(n, _)| profiles.get(n))
        .map(|p| p.label.clone())
        .unwrap_or_default();
    let item = item_of(&name_label, zh);
    let item_zh = item_of(&name_label, true).map(|(_, many)| many);
    let year = shown_year.flatten();
    let words = if zh {
        crate::text::Lang::Zh
    } else {
        crate::text::Lang::En
    }
    .words();
    let ranking = Ranking {
        title: year.map(|y| words.year(y)),
        item: item.clone(),
        metrics: out_metrics,
        default_metric,
        villages,
    };
    let facts_out = RankingFacts {
        items: ranking.villages.len(),
        item,
        item_zh,
        metrics: ranking.metrics.len(),
        group: plan
            .group
            .and_then(|(g, _)| profiles.get(g))
            .map(|p| p.label.clone()),
        year,
    };
    Ok((ranking, facts_out, left_out))
}

/// The dataset's texts: title, source, note, locale.
struct Texts {
    title: Option<String>,
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
        let title = mapping
            .title
            .as_deref()
            .and_then(|s| clean(s, false))
            .or_else(|| {
                t.title_lines.iter().find_map(|line| {
                    let line = line.trim();
                    let (label, rest) = line
                        .split_once(['：', ':'])
                        .map_or(("", line), |(a, b)| (a.trim(), b.trim()));
                    match label {
                        "数据库" | "时间" | "单位" | "地区" | "database" | "time" => None,
                        _ => clean(rest, false),
                    }
                })
            });
        let source = mapping
            .source
            .as_deref()
            .or(t.source.as_deref())
            .and_then(|s| clean(s, false));
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
            let mut count = |s: &str| {
                all = all.saturating_add(1);
                if s.chars().any(cells::is_cjk) {
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
    let units = profiles
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            plan.values.contains(i)
                || plan.metrics.contains(i)
                || plan.years.iter().any(|(c, _)| c == i)
        })
        .map(|(i, _)| {
            (
                h(i),
                plan.units.get(i).cloned().flatten().unwrap_or_default(),
            )
        })
        .collect();
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
        units,
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
