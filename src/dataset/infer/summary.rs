//! What an import understood, as data the page shows and a person corrects:
//! each column's role and why, every cell read, missing or skipped (with its
//! place as the person sees it), and notes on what was decided ("day first:
//! row 14 is 26/06", "summed 4 rows per series and year").
//! [`Summary::line`] says it in one line, in the reader's language.

use serde::Serialize;

use super::cells::Decimal;
use super::mapping::{PerYear, Shape};
use crate::error::Spot;
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
use crate::text::{Item, Lang, Msg};

/// What a column was taken as.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// The years of a trend.
    Time,
    /// Names: of the series (long form) or of the ranked villages.
    Name,
    /// The ranking's group (镇, region, continent).
    Group,
    /// A series of the trend (wide form) or the value of the trend (long form)
    /// and a metric of the ranking.
    Value,
    /// A column of values for one year (transposed wide form).
    Year(i32),
    /// A column that splits a series' rows (sex, age): summed over, or sliced.
    Split,
    /// Left out, and why.
    Left(Left),
}

/// Why a column was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Left {
    /// Codes and ids (`410311`, `OWID_WRL`): text, never numbers.
    Code,
    /// Long free text.
    FreeText,
    /// No cell has a value.
    Empty,
    /// The mapping says so.
    Ignored,
    /// Text that says one thing per name (a second name, a label).
    PerName,
    /// Numbers or text the chosen charts do not use.
    Unused,
}

/// Why a column was given its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Why {
    /// The mapping says so.
    Mapping,
    /// Its header says so ("year", "镇", "code").
    Header,
    /// Its values do (years, numbers, codes with leading zeros).
    Values,
    /// The text column with the most distinct values.
    MostDistinct,
    /// Each name has one value of it, and it repeats.
    OneGroupPerName,
    /// Its header is a year (`2019年`).
    HeaderIsYear,
    /// The first column, of whole years in 1800–2100.
    FirstColumnOfYears,
}

/// One column, as understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnSummary {
    pub header: String,
    /// The column as messages name it (its letter, when the file has letters).
    pub at: Spot,
    pub role: Role,
    pub why: Why,
    pub unit: Option<String>,
    pub decimal: Decimal,
    /// Cells read as numbers (or times, for the time column).
    pub read: usize,
    pub missing: usize,
    /// Cells that are neither a value nor missing.
    pub bad: usize,
    /// A split that is a period within a year (month, quarter).
    pub period: bool,
}

/// Why a cell or row was not read into a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    /// Text in a column of numbers (`"约二十万"`).
    NotANumber,
    /// 10¹⁵ or more.
    TooBig,
    /// Outside 0–100 in a column in `%`.
    OutsidePercent,
    /// The row has no name.
    NoName,
    /// The row has no time.
    NoTime,
    /// The time cell is not a year or date.
    NotATime,
    /// A quarter or month among yearly figures (the ONS's series list the
    /// years, then the quarters, then the months).
    OtherFrequency,
}

/// A cell (or a row, with `at.column` the column that decided) not read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkippedCell {
    pub at: Spot,
    /// The cell as written.
    pub text: String,
    pub reason: Reason,
}

/// Something decided that the person should know.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[serde(rename_all_fields = "camelCase")]
pub enum Note {
    /// Dates are day/month, settled by `at` (`26/06/2013`).
    DayFirst { at: Spot, text: String },
    /// Dates are month/day, settled by `at`.
    MonthFirst { at: Spot, text: String },
    /// No date settles the order: day first assumed (the years are the same either way).
    DayMonthUnsettled,
    /// Dates settle both orders: the mapping's or day first is used.
    DayMonthConflict { day: Spot, month: Spot },
    /// Several rows for one series and year were summed: `groups` series-years
    /// of up to `most` rows, split by `over`.
    Summed {
        groups: usize,
        most: usize,
        over: Vec<String>,
    },
    /// Only the rows where `column` is `value` were read (`auto`: chosen
    /// without being asked; `total`: as the total, else as the first value
    /// of a column whose rows do not add up).
    Slice {
        column: String,
        value: String,
        auto: bool,
        total: bool,
        rows_left: usize,
    },
    /// Only the rows where `column` is `value`, the value every name's every
    /// year has, were read: the others, in some years only, measure the
    /// same thing another way (a census beside the estimates).
    SliceThroughout {
        column: String,
        value: String,
        rows_left: usize,
    },
    /// A row a year and a column a month: `column` gives each year, the
    /// months (and halves) `left` out.
    AnnualColumn { column: String, left: Vec<String> },
    /// Cells written `symbol` were read as 0, as the file's legend says.
    LegendZero { symbol: String, legend: String },
    /// Names left out of the ranking as aggregates (the world, regions, 全国).
    Aggregates { names: Vec<String> },
    /// The ranking shows this year's values (a table with time).
    RankingYear { year: i32 },
    /// Values within 0–1 without `%`: shares, shown as they are.
    Shares { column: String },
    /// A column in `%` whose values all lie within 0–1: perhaps shares.
    SmallPercent { column: String },
    /// A column read with a decimal comma (`1.234,5`).
    DecimalComma { column: String },
    /// The unit came from the values (`3.12%`).
    UnitFromValues { column: String, unit: String },
    /// Two names could not be told apart by a reader and were read as one.
    Merged { name: String, other: String },
    /// Several periods a year (up to `most` months, days or quarters) made
    /// one value a year, as `how` says.
    PerYear {
        how: PerYear,
        most: usize,
        period: Period,
        /// Years some series has fewer periods of (the fewest), in order:
        /// a year begun or ended partway (`2024 (2)`), its value of those.
        short: Vec<(i32, usize)>,
    },
    /// Names with several rows and no time: `groups` values of up to `most`
    /// rows were summed, except `same` that repeat one value on every row
    /// (taken once).
    NoTimeRepeats {
        groups: usize,
        most: usize,
        same: usize,
    },
}

/// The periods within a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Period {
    Month,
    Quarter,
    Day,
}

/// The trend made, in numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrendFacts {
    pub series: usize,
    pub years: usize,
    pub first: i32,
    pub last: i32,
    pub label: Option<String>,
    pub unit: Option<String>,
}

/// The ranking made, in numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RankingFacts {
    pub items: usize,
    pub item: Option<(String, String)>,
    /// The item in Chinese, for a Chinese summary of a table in English.
    pub item_zh: Option<String>,
    pub metrics: usize,
    /// The group column's label.
    pub group: Option<String>,
    pub year: Option<i32>,
}

/// What an import understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Which table of the file (0-based), of how many.
    pub table: usize,
    pub tables: usize,
    pub shape: Shape,
    pub columns: Vec<ColumnSummary>,
    /// Rows of the table.
    pub rows: usize,
    /// Values read into the charts.
    pub read: usize,
    /// Cells written as missing (empty, "—", "NA").
    pub missing: usize,
    /// Cells and rows not read, in table order.
    pub skipped: Vec<SkippedCell>,
    /// Lines the table reader left out (blank lines, long rows).
    pub reader_skipped: usize,
    pub notes: Vec<Note>,
    pub trend: Option<TrendFacts>,
    pub ranking: Option<RankingFacts>,
}

impl Summary {
    /// How periods within a year were made one value, when there were several.
    pub fn per_year(&self) -> Option<PerYear> {
        self.notes.iter().find_map(|n| match n {
            Note::PerYear { how, .. } => Some(*how),
            _ => None,
        })
    }

    /// What the correction panel shows, worded in `lang`.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    pub fn words(&self, lang: Lang) -> SummaryWords {
        let w = lang.words();
        let zh = lang == Lang::Zh;
        let fix = |t: String| if zh { crate::text::spaced(&t) } else { t };
        let place = |at: &Spot| if zh { at.zh() } else { at.to_string() };
        let columns = self
            .columns
            .iter()
            .map(|c| {
                let (role, role_text) = match &c.role {
                    Role::Time => ("time", w.get(Msg::RoleTime).to_string()),
                    Role::Name => ("name", w.get(Msg::RoleName).to_string()),
                    Role::Group => ("group", w.get(Msg::RoleGroup).to_string()),
                    Role::Value => ("value", w.get(Msg::RoleValue).to_string()),
                    Role::Split => ("split", w.get(Msg::RoleSplit).to_string()),
                    Role::Year(y) => ("year", w.fill(Msg::RoleYear, &[&y.to_string()])),
                    Role::Left(_) => ("left", w.get(Msg::RoleLeft).to_string()),
                };
                let why = match (&c.role, c.why) {
                    (_, Why::Mapping) => Msg::WhyMapping,
                    (Role::Left(l), _) => match l {
                        Left::Code => Msg::LeftCode,
                        Left::FreeText => Msg::LeftFreeText,
                        Left::Empty => Msg::LeftEmpty,
                        Left::Ignored => Msg::LeftIgnored,
                        Left::PerName => Msg::LeftPerName,
                        Left::Unused => Msg::LeftUnused,
                    },
                    (Role::Split, _) if c.period => Msg::WhyPeriod,
                    (Role::Split, _) => Msg::WhySplit,
                    (_, Why::Header) => Msg::WhyHeader,
                    (_, Why::Values) => Msg::WhyValues,
                    (_, Why::MostDistinct) => Msg::WhyMostDistinct,
                    (_, Why::OneGroupPerName) => Msg::WhyOneGroupPerName,
                    (_, Why::HeaderIsYear) => Msg::WhyHeaderIsYear,
                    (_, Why::FirstColumnOfYears) => Msg::WhyFirstColumnOfYears,
                };
                ColumnWords {
                    header: c.header.clone(),
                    letter: c.at.letter.clone(),
                    role,
                    role_text,
                    why: w.get(why).to_string(),
                    unit: c.unit.clone(),
                    read: c.read,
                    missing: c.missing,
                    bad: c.bad,
                }
            })
            .collect();
        let notes = self
            .notes
            .iter()
            .map(|n| fix(note_text(n, lang, &place)))
            .collect();
        let skipped = self
            .skipped
            .iter()
            .take(SKIPPED_SHOWN)
            .map(|s| SkippedWords {
                at: place(&s.at),
                text: s.text.clone(),
                reason: w
                    .get(match s.reason {
                        Reason::NotANumber => Msg::ReasonNotANumber,
                        Reason::TooBig => Msg::ReasonTooBig,
                        Reason::OutsidePercent => Msg::ReasonOutsidePercent,
                        Reason::NoName => Msg::ReasonNoName,
                        Reason::NoTime => Msg::ReasonNoTime,
                        Reason::NotATime => Msg::ReasonNotATime,
                        Reason::OtherFrequency => Msg::ReasonOtherFrequency,
                    })
                    .to_string(),
            })
            .collect();
        let shape = match self.shape {
            Shape::Long => ("long", Msg::ShapeLong),
            Shape::Wide => ("wide", Msg::ShapeWide),
            Shape::Transposed => ("transposed", Msg::ShapeTransposed),
            Shape::Records => ("records", Msg::ShapeRecords),
        };
        SummaryWords {
            line: self.line(lang),
            shape: shape.0,
            shape_text: w.get(shape.1).to_string(),
            columns,
            notes,
            skipped,
            skipped_count: self.skipped.len(),
            tables: self.tables,
            table: self.table,
        }
    }

    /// One line: "趋势：3 条线 × 7 年（2013–2019），贫困发生率（%）；排名：85 个村，3 个指标，按镇分组".
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    pub fn line(&self, lang: Lang) -> String {
        let w = lang.words();
        let count = |n: usize, one: Msg, many: Msg| {
            w.fill(if n == 1 { one } else { many }, &[&n.to_string()])
        };
        let mut parts = Vec::new();
        if let Some(t) = &self.trend {
            let span = if t.first == t.last {
                w.year(t.first)
            } else {
                format!("{}–{}", t.first, t.last)
            };
            let mut s = w.fill(
                Msg::ImportTrend,
                &[
                    &count(t.series, Msg::ImportLine, Msg::ImportLines),
                    &count(t.years, Msg::ImportYear, Msg::ImportYears),
                    &span,
                ],
            );
            let label = match (&t.label, &t.unit) {
                (Some(l), Some(u)) => Some(w.with_unit(l, u)),
                (Some(l), None) => Some(l.clone()),
                (None, Some(u)) => Some(w.with_unit("", u)),
                (None, None) => None,
            };
            if let Some(label) = label {
                s.push_str(w.get(Msg::ListSep));
                s.push_str(&label);
            }
            if let Some(how) = self.per_year() {
                s.push_str(w.get(Msg::ListSep));
                s.push_str(w.get(match how {
                    PerYear::Mean => Msg::ImportPerYearMean,
                    PerYear::Sum => Msg::ImportPerYearSum,
                    PerYear::Last => Msg::ImportPerYearLast,
                }));
            }
            parts.push(s);
        }
        if let Some(r) = &self.ranking {
            let item = match (lang, &r.item_zh) {
                (Lang::Zh, Some(zh)) => Some((zh.clone(), zh.clone())),
                _ => r.item.clone(),
            };
            let item = item
                .map(|(one, many)| Item { one, many })
                .unwrap_or_else(|| Item {
                    one: w.get(Msg::Village).into(),
                    many: w.get(Msg::Villages).into(),
                });
            let mut s = w.fill(
                Msg::ImportRanking,
                &[
                    &w.count(r.items, &item),
                    &count(r.metrics, Msg::ImportMetric, Msg::ImportMetrics),
                ],
            );
            if let Some(group) = &r.group {
                s.push_str(w.get(Msg::ListSep));
                s.push_str(&w.fill(Msg::ImportGrouped, &[group]));
            }
            parts.push(s);
        }
        if !self.skipped.is_empty() {
            parts.push(count(
                self.skipped.len(),
                Msg::ImportSkippedOne,
                Msg::ImportSkipped,
            ));
        }
        let line = parts.join(w.get(Msg::ImportSep));
        match lang {
            Lang::Zh => crate::text::spaced(&line),
            Lang::En => line,
        }
    }
}

/// At most this many skipped cells are listed in a [`SummaryWords`].
pub const SKIPPED_SHOWN: usize = 200;

/// What the page's correction panel shows: every word decided here, in the
/// reader's language. Serialized in camelCase.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SummaryWords {
    /// [`Summary::line`].
    pub line: String,
    /// `"long"`, `"wide"`, `"transposed"` or `"records"`.
    pub shape: &'static str,
    /// The shape in words.
    pub shape_text: String,
    pub columns: Vec<ColumnWords>,
    /// Every note, worded.
    pub notes: Vec<String>,
    /// The first [`SKIPPED_SHOWN`] skipped cells.
    pub skipped: Vec<SkippedWords>,
    /// How many were skipped in all.
    pub skipped_count: usize,
    pub tables: usize,
    pub table: usize,
}

/// One column in the correction panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnWords {
    pub header: String,
    /// The column's letters (`C`), when the file has letters.
    pub letter: Option<String>,
    /// `"time"`, `"name"`, `"group"`, `"value"`, `"split"`, `"year"` or `"left"`.
    pub role: &'static str,
    pub role_text: String,
    /// Why, in a short sentence.
    pub why: String,
    pub unit: Option<String>,
    pub read: usize,
    pub missing: usize,
    pub bad: usize,
}

/// One skipped cell, worded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkippedWords {
    /// Its place: `第 14 行，“收入(元)” 列（C 列）` / `row 14, column C ("收入(元)")`.
    pub at: String,
    /// The cell as written.
    pub text: String,
    pub reason: String,
}

/// A note in words.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn note_text(note: &Note, lang: Lang, place: &dyn Fn(&Spot) -> String) -> String {
    let w = lang.words();
    let list = |names: &[String]| {
        names.join(match lang {
            Lang::Zh => "、",
            Lang::En => ", ",
        })
    };
    match note {
        Note::DayFirst { at, text } => w.fill(Msg::NoteDayFirst, &[&place(at), text]),
        Note::MonthFirst { at, text } => w.fill(Msg::NoteMonthFirst, &[&place(at), text]),
        Note::DayMonthUnsettled => w.get(Msg::NoteDayMonthUnsettled).to_string(),
        Note::DayMonthConflict { day, month } => {
            w.fill(Msg::NoteDayMonthConflict, &[&place(day), &place(month)])
        }
        Note::Summed { groups, most, over } if over.is_empty() => {
            w.fill(Msg::NoteSummed, &[&groups.to_string(), &most.to_string()])
        }
        Note::Summed { groups, most, over } => w.fill(
            Msg::NoteSummedOver,
            &[&groups.to_string(), &most.to_string(), &list(over)],
        ),
        Note::Slice {
            column,
            value,
            auto,
            total,
            rows_left,
        } => w.fill(
            if *auto && *total {
                Msg::NoteSliceAuto
            } else if *auto {
                Msg::NoteSliceFirst
            } else {
                Msg::NoteSlice
            },
            &[column, value, &rows_left.to_string()],
        ),
        Note::SliceThroughout {
            column,
            value,
            rows_left,
        } => w.fill(
            Msg::NoteSliceThroughout,
            &[column, value, &rows_left.to_string()],
        ),
        Note::AnnualColumn { column, left } => {
            w.fill(Msg::NoteAnnualColumn, &[column, &list(left)])
        }
        Note::LegendZero { symbol, legend } => w.fill(Msg::NoteLegendZero, &[symbol, legend]),
        Note::Aggregates { names } => w.fill(Msg::NoteAggregates, &[&list(names)]),
        Note::RankingYear { year } => w.fill(Msg::NoteRankingYear, &[&w.year(*year)]),
        Note::Shares { column } => w.fill(Msg::NoteShares, &[column]),
        Note::SmallPercent { column } => w.fill(Msg::NoteSmallPercent, &[column]),
        Note::DecimalComma { column } => w.fill(Msg::NoteDecimalComma, &[column]),
        Note::UnitFromValues { column, unit } => w.fill(Msg::NoteUnitFromValues, &[column, unit]),
        Note::Merged { name, other } => w.fill(Msg::NoteMerged, &[name, other]),
        Note::PerYear {
            how,
            most,
            period,
            short,
        } => {
            let periods = w.fill(
                match period {
                    Period::Month => Msg::PeriodMonths,
                    Period::Quarter => Msg::PeriodQuarters,
                    Period::Day => Msg::PeriodDays,
                },
                &[&most.to_string()],
            );
            let said = w.fill(
                match how {
                    PerYear::Mean => Msg::NotePerYearMean,
                    PerYear::Sum => Msg::NotePerYearSum,
                    PerYear::Last => Msg::NotePerYearLast,
                },
                &[&periods],
            );
            if short.is_empty() {
                return said;
            }
            let years: Vec<String> = short
                .iter()
                .map(|(y, n)| match lang {
                    Lang::Zh => format!("{}（{n}）", w.year(*y)),
                    Lang::En => format!("{} ({n})", w.year(*y)),
                })
                .collect();
            let space = if lang == Lang::Zh { "" } else { " " };
            let short = w.fill(Msg::NotePerYearShort, &[&list(&years)]);
            format!("{said}{space}{short}")
        }
        Note::NoTimeRepeats { groups, most, same } => w.fill(
            Msg::NoteNoTimeRepeats,
            &[&groups.to_string(), &most.to_string(), &same.to_string()],
        ),
    }
}
