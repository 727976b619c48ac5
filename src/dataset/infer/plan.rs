//! Step 3 of [`super::infer`], what the table is: its shape (long, wide,
//! transposed, records) and each column's role (time, name, group, values,
//! splits, left out), from the columns' profiles and the mapping.

use std::borrow::Cow;

use super::super::text;
use super::super::YEAR_RANGE;
use super::cells;
use super::columns::{find_column, key_of, mapped, mapped_list, Ctx};
use super::mapping::{Chart, Mapping, PerYear, Shape};
use super::profile::{Hint, Kind, Profile};
use super::summary::{Left, Why};
use crate::error::{quote, Error, Result};
use crate::hash::{FxMap, FxSet, HashedText};

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

/// What the table is: its shape, and each column's role.
pub(super) struct Plan {
    pub(super) shape: Shape,
    pub(super) time: Option<(usize, Why)>,
    pub(super) name: Option<(usize, Why)>,
    pub(super) group: Option<(usize, Why)>,
    /// Value columns: the trend's value first (long), series (wide), metrics (records).
    pub(super) values: Vec<usize>,
    /// The ranking's metric columns (long, records).
    pub(super) metrics: Vec<usize>,
    /// Transposed: each year column and its year.
    pub(super) years: Vec<(usize, i32)>,
    /// Columns that split a series' rows, and the slice kept of each, if any.
    pub(super) splits: Vec<(usize, Option<String>, bool)>,
    /// A code column that says which names are aggregates.
    pub(super) code: Option<usize>,
    pub(super) units: Vec<Option<String>>,
    pub(super) left: Vec<(usize, Left)>,
    pub(super) trend: bool,
    pub(super) ranking: bool,
    pub(super) ranking_year: Option<i32>,
    pub(super) day_first: bool,
    pub(super) aggregates: Option<Vec<String>>,
    pub(super) values_why: Why,
    /// Split columns that are periods within a year (month, quarter):
    /// their rows are averaged (or summed, or the last taken), not summed.
    pub(super) periods: Vec<usize>,
    pub(super) per_year: PerYear,
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

pub(super) fn plan(ctx: &Ctx, profiles: &[Profile], mapping: &Mapping) -> Result<Plan> {
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

/// A total among a split column's values (`Both`, `合计`), as written.
fn find_total(ctx: &Ctx, column: usize) -> Option<String> {
    let c = ctx.table.columns.get(column)?;
    c.cells.iter().find_map(|cell| {
        let k = key_of(cell)?;
        let lower = k.to_lowercase();
        TOTALS.contains(&lower.as_str()).then(|| k.into_owned())
    })
}
