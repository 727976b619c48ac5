//! Step 3 of [`super::infer`], what the table is: its shape (long, wide,
//! transposed, records) and each column's role (time, name, group, values,
//! splits, left out), from the columns' profiles and the mapping.

use std::borrow::Cow;

use super::super::table::Table;
use super::super::text;
use super::cells;
use super::columns::{find_column, key_of, mapped, mapped_list, Ctx};
use super::mapping::{Chart, Mapping, PerYear, Shape};
use super::profile::{Hint, Kind, Profile};
use super::summary::{Left, Why};
use crate::error::{quote, Error, Result};
use crate::hash::{text_hash, FxMap, FxSet, HashedText};

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
    // The statistics offices' own words and codes for a total: Istat's
    // `9: totale`, INE's `Ambos sexos`, e-Stat's `男女計`, the UN SDG API's
    // `ALLAREA`, the WHO's `SEX_BTSX`, Destatis' `Insgesamt`.
    "totale",
    "ambos sexos",
    "todos",
    "todas las edades",
    "insgesamt",
    "ensemble",
    "男女計",
    "男女计",
    "総数",
    "總計",
    "合計",
    "allarea",
    "sex_btsx",
    "btsx",
    "bothsex",
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
    pub(super) splits: Vec<Split>,
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
    /// Split columns sliced to the value every name's every time has, the
    /// others being other measures of the same thing ([`Planner::throughout`]).
    pub(super) alternatives: Vec<usize>,
}

/// A column that splits a series' rows, the slice kept of it (if any), and
/// whether that slice is a total found rather than the mapping's.
pub(super) type Split = (usize, Option<String>, bool);

/// Whether a header names what each row measures (`指标`, `Series Name`,
/// `indicator`): a column of such names beside the entities' own is never
/// summed over (population and GDP do not add up) but sliced to one.
pub(super) fn is_indicator_header(label: &str) -> bool {
    matches!(
        label.trim().to_lowercase().as_str(),
        "指标"
            | "指标名称"
            | "统计指标"
            | "项目"
            | "indicator"
            | "indicator name"
            | "series"
            | "series name"
            | "measure"
            | "variable"
            | "item"
            | "element"
            | "subject"
            // JSON-stat's metric dimension as the Nordic offices label it.
            | "statistikkvariabel"
            | "tabellinnehåll"
            | "contentscode"
            | "statistical variable"
    )
}

/// Whether a header says its column is the value of a long table: `Value`,
/// `OBS_VALUE` (`OBS_VALUE: Osservazione`), `NumericValue`, in the
/// statistics offices' languages too.
fn is_value_header(label: &str) -> bool {
    let label = label.split_once(": ").map_or(label, |(code, _)| code);
    matches!(
        label.trim().to_lowercase().as_str(),
        "value"
            | "values"
            | "obs_value"
            | "numericvalue"
            | "numeric value"
            | "valor"
            | "wert"
            | "valeur"
            | "valore"
            | "waarde"
            | "数值"
            | "值"
    )
}

/// Whether a header names a column whose values are different measures of
/// one thing (what is measured, in which unit, which statistic, adjusted or
/// not): rows that differ there never add up (a rate and a count, an
/// estimate and its standard error), so one value is kept, never their sum.
pub(super) fn is_measure_header(label: &str) -> bool {
    is_indicator_header(label)
        || matches!(
            label.trim().to_lowercase().as_str(),
            "unit"
                | "units"
                | "uom"
                | "unit of measure"
                | "unit_measure"
                | "unit measure"
                | "单位"
                | "计量单位"
                | "scale"
                | "scalar_factor"
                | "statistics"
                | "statistic"
                | "data type"
                | "subject descriptor"
                | "na_item"
                | "s_adj"
                | "seasonal adjustment"
                | "adjustment"
                | "transformation"
                // UNdata: a provisional and a final figure of one year.
                | "reliability"
                | "record type"
        )
}

/// Headers of columns that split a series' rows (`age`, `sex`, `月份`).
fn is_split_header(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    matches!(
        l.as_str(),
        "age" | "age group" | "age_group" | "sex" | "gender" | "年龄" | "年龄组" | "性别"
    ) || is_period_header(label)
        || is_measure_header(label)
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

/// What the table is, in steps: the columns' roles (time, name, values,
/// group), the rest sorted into splits and columns left out, the shape and
/// the charts, then units and the day/month order.
pub(super) fn plan(ctx: &Ctx, profiles: &[Profile], mapping: &Mapping) -> Result<Plan> {
    let table = ctx.table;
    let planner = Planner {
        ctx,
        profiles,
        mapping,
        ignored: mapped_list(table, &mapping.ignore, "ignore")?.unwrap_or_default(),
    };
    let roles = planner.roles()?;
    // The rest: splits, codes, and what is left out.
    let code = roles
        .per_name
        .iter()
        .find(|(i, one)| {
            *one && profiles
                .get(*i)
                .is_some_and(|p| p.kind == Kind::Code || planner.code_like(*i))
        })
        .map(|(i, _)| *i);
    let slices = planner.slices()?;
    let (splits, left, alternatives) = planner.splits_and_left(&roles, slices.as_deref());
    // The charts.
    let shape = shape_of(table, mapping, &roles)?;
    let (trend, ranking) = planner.charts(shape, &roles)?;
    let metrics = match mapped_list(table, &mapping.metrics, "metrics")? {
        Some(m) => m,
        None => roles.values.clone(),
    };
    let units = planner.units();
    let tp = roles.time_index().and_then(|t| profiles.get(t));
    let day_first = mapping.day_first.unwrap_or_else(|| {
        !(tp.is_some_and(|p| p.month_first_at.is_some() && p.day_first_at.is_none()))
    });
    Ok(Plan {
        shape,
        time: roles.time,
        name: roles.name,
        group: roles.group,
        values: roles.values,
        metrics,
        years: if roles.transposed {
            roles.year_columns
        } else {
            Vec::new()
        },
        code,
        units,
        left,
        trend,
        ranking,
        ranking_year: mapping.year,
        day_first,
        aggregates: mapping.aggregates.clone(),
        values_why: roles.values_why,
        periods: splits
            .iter()
            .map(|(c, _, _)| *c)
            .filter(|&c| profiles.get(c).is_some_and(|p| is_period_header(&p.label)))
            .collect(),
        per_year: mapping.per_year.unwrap_or_default(),
        splits,
        alternatives,
    })
}

/// What planning reads: the table, its columns' profiles, the mapping, and
/// the columns the mapping ignores.
struct Planner<'a> {
    ctx: &'a Ctx<'a>,
    profiles: &'a [Profile],
    mapping: &'a Mapping,
    ignored: Vec<usize>,
}

/// The roles found for the columns, before the others are sorted into
/// splits and columns left out.
struct Roles {
    transposed: bool,
    /// Columns whose headers are years (the years of a transposed table).
    year_columns: Vec<(usize, i32)>,
    time: Option<(usize, Why)>,
    /// Whether the time differs on every row (a daily record), which then
    /// has no names.
    time_unique: bool,
    name: Option<(usize, Why)>,
    /// Distinct names (0 without a name column).
    name_distinct: usize,
    group: Option<(usize, Why)>,
    values: Vec<usize>,
    values_why: Why,
    /// Whole numbers with few values: splits by their header (age, sex,
    /// month), and groups of names (a cluster, a region code).
    int_splits: Vec<usize>,
    int_groups: Vec<usize>,
    /// Label and code columns other than the name and the time, and whether
    /// each says one thing per name.
    per_name: Vec<(usize, bool)>,
}

impl Roles {
    fn time_index(&self) -> Option<usize> {
        self.time.map(|(t, _)| t)
    }

    fn name_index(&self) -> Option<usize> {
        self.name.map(|(n, _)| n)
    }

    /// Whether column `i` has a role: time, name, group, a value or a year.
    fn taken(&self, i: usize) -> bool {
        Some(i) == self.time_index()
            || Some(i) == self.name_index()
            || Some(i) == self.group.map(|(g, _)| g)
            || self.values.contains(&i)
            || (self.transposed && self.year_columns.iter().any(|(c, _)| *c == i))
    }
}

impl Planner<'_> {
    fn usable(&self, i: usize) -> bool {
        !self.ignored.contains(&i)
    }

    /// Whether label column `i` writes codes: its first cells (up to 200)
    /// all 2–10 capitals, digits or `_` (`AUS`, `EU27_2020`, `OECD`).
    fn code_like(&self, i: usize) -> bool {
        let Some(column) = self.ctx.table.columns.get(i) else {
            return false;
        };
        let mut seen = false;
        for cell in column.cells.iter().take(200) {
            let Some(k) = key_of(cell) else { continue };
            let code = (2..=10).contains(&k.len())
                && k.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            if !code {
                return false;
            }
            seen = true;
        }
        seen
    }

    fn is_label(&self, i: usize) -> bool {
        self.usable(i)
            && self
                .profiles
                .get(i)
                .is_some_and(|p| matches!(p.kind, Kind::Label))
    }

    /// The time, name, value and group columns, each the mapping's or found.
    fn roles(&self) -> Result<Roles> {
        let (table, mapping) = (self.ctx.table, self.mapping);
        let year_columns = self.year_columns();
        let time_mapped = mapped(table, &mapping.time, "time")?;
        let transposed = match mapping.shape {
            Some(s) => s == Shape::Transposed,
            None => year_columns.len() >= 2 && time_mapped.is_none(),
        };
        let time = match mapping.shape {
            _ if transposed => None,
            Some(Shape::Records) => None,
            _ => self.time_column(time_mapped),
        };
        let time_unique = self.time_unique(time.map(|(t, _)| t));
        let years: Vec<usize> = if transposed {
            year_columns.iter().map(|(i, _)| *i).collect()
        } else {
            Vec::new()
        };
        let numbers = self.numbers(time.map(|(t, _)| t), &years);
        // A long table's value column, headed so (SDMX's `OBS_VALUE`, the UN
        // SDG API's and FAO's `Value`, the WHO's `NumericValue`), is the
        // value: the other numbers there are codes (`Goal` 7, `Target`
        // 7.1), never summed as values. Only with a time column: records
        // without one (`name, value, share`) keep every number a metric.
        let headed: Vec<usize> = numbers
            .iter()
            .copied()
            .filter(|&i| {
                time.is_some()
                    && self
                        .profiles
                        .get(i)
                        .is_some_and(|p| is_value_header(&p.label))
            })
            .collect();
        let (values, values_why) = match mapped_list(table, &mapping.value, "value")? {
            Some(v) => (v, Why::Mapping),
            None if !transposed && !headed.is_empty() => (headed, Why::Header),
            None => (numbers.clone(), Why::Values),
        };
        if (!transposed && values.is_empty()) || (transposed && year_columns.is_empty()) {
            return Err(no_numbers(table));
        }
        let name = match mapped(table, &mapping.name, "name")? {
            Some(n) => n.map(|n| (n, Why::Mapping)),
            None => self.name_column(time_unique, time.map(|(t, _)| t), transposed),
        };
        let time = if self.dated_once_each(name, time) {
            None
        } else {
            time
        };
        let name_index = name.map(|(n, _)| n);
        let name_distinct = name_index
            .and_then(|n| self.profiles.get(n))
            .map_or(0, |p| p.distinct);
        let first = name_index.map(|n| first_rows(self.ctx, n, name_distinct));
        let (int_splits, int_groups) = self.categories(
            &numbers,
            &values,
            values_why,
            first.as_deref(),
            name_distinct,
        );
        let mut values = values;
        values.retain(|i| !int_splits.contains(i) && !int_groups.contains(i));
        if !transposed && values.is_empty() {
            return Err(no_numbers(table));
        }
        if transposed && name_index.is_none() {
            return Err(Error::ChartNeeds {
                chart: "trend",
                needs: "a column of names (one series a row)",
            });
        }
        let per_name = self.per_name(name_index, time.map(|(t, _)| t), first.as_deref());
        let group = match mapped(table, &mapping.group, "group")? {
            Some(g) => g.map(|g| (g, Why::Mapping)),
            None => self.group_column(&per_name, name_distinct, &int_groups, first.as_deref()),
        };
        Ok(Roles {
            transposed,
            year_columns,
            time,
            time_unique,
            name,
            name_distinct,
            group,
            values,
            values_why,
            int_splits,
            int_groups,
            per_name,
        })
    }

    /// Year columns (transposed wide): headers that are times.
    fn year_columns(&self) -> Vec<(usize, i32)> {
        self.profiles
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                self.usable(*i) && matches!(p.kind, Kind::Number | Kind::Empty | Kind::Time)
            })
            .filter_map(|(i, p)| cells::time(&cells::fold(&p.header)).map(|t| (i, t.year())))
            .collect()
    }

    /// The time column: the mapping's, else the first column of times with
    /// a time header, of times, or a first column of plain years.
    fn time_column(&self, time_mapped: Option<Option<usize>>) -> Option<(usize, Why)> {
        if let Some(t) = time_mapped {
            return t.map(|t| (t, Why::Mapping));
        }
        let profiles = self.profiles;
        let kinds = profiles.iter().enumerate().filter(|(i, _)| self.usable(*i));
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
                    .filter(|p| p.kind == Kind::Number && p.plain_years && self.usable(0))
                    .filter(|p| p.times == p.filled && self.ctx.table.rows() > 1)
                    .map(|_| (0, Why::FirstColumnOfYears))
            })
    }

    /// Whether the time (not plain years) is different on every row, when
    /// the mapping names no name column.
    fn time_unique(&self, time_index: Option<usize>) -> bool {
        let (ctx, table) = (self.ctx, self.ctx.table);
        self.mapping.name.is_none()
            && time_index.is_some_and(|t| {
                self.profiles.get(t).is_some_and(|p| !p.plain_years) && {
                    let mut seen: FxSet<Cow<'_, str>> = FxSet::default();
                    table.rows() > 2
                        && (0..table.rows())
                            .all(|r| key_of(ctx.cell(r, t)).is_none_or(|k| seen.insert(k)))
                }
            })
    }

    /// The columns of numbers other than the time and the `years` of a
    /// transposed table: the values, unless the mapping names them.
    fn numbers(&self, time_index: Option<usize>, years: &[usize]) -> Vec<usize> {
        self.profiles
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                self.usable(*i)
                    && p.kind == Kind::Number
                    && Some(*i) != time_index
                    && !years.contains(i)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The name column found: the label column a header calls names, else
    /// the one of most distinct texts; codes when there is nothing else.
    fn name_column(
        &self,
        time_unique: bool,
        time_index: Option<usize>,
        transposed: bool,
    ) -> Option<(usize, Why)> {
        let profiles = self.profiles;
        // An indicator column names what is measured, not what: the name
        // only when no other label column is there (a bureau export).
        let rank = |p: &Profile| match p.hint {
            _ if is_indicator_header(&p.label) => 3,
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
                .filter(|&i| self.is_label(i) && Some(i) != time_index)
                .collect()
        };
        // Of two columns alike (OECD.Stat's `LOCATION` with its `Country`),
        // the one that writes names rather than codes (`AUS`).
        labels.sort_by_cached_key(|&i| {
            profiles
                .get(i)
                .map(|p| {
                    (
                        rank(p),
                        usize::MAX.saturating_sub(p.distinct),
                        self.code_like(i),
                        i,
                    )
                })
                .unwrap_or((3, 0, true, i))
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
            // Long names (over 40 characters on average), then codes, stand
            // in for names when there is nothing else.
            None if time_index.is_none() || transposed => profiles
                .iter()
                .enumerate()
                .find(|(i, p)| self.usable(*i) && p.kind == Kind::FreeText && !time_unique)
                .or_else(|| {
                    profiles
                        .iter()
                        .enumerate()
                        .find(|(i, p)| self.usable(*i) && p.kind == Kind::Code)
                })
                .map(|(i, _)| (i, Why::Values)),
            None => None,
        }
    }

    /// A name on (nearly) every row once, with a time found by its values:
    /// one thing a row with its date (films and their release dates), not
    /// series; the time is then no time column.
    fn dated_once_each(&self, name: Option<(usize, Why)>, time: Option<(usize, Why)>) -> bool {
        let rows = self.ctx.table.rows();
        let once_each = name
            .and_then(|(n, _)| self.profiles.get(n))
            .is_some_and(|p| rows > 20 && p.distinct.saturating_mul(10) >= rows.saturating_mul(9));
        once_each
            && self.mapping.shape.is_none()
            && self.mapping.time.is_none()
            && time.is_some_and(|(_, why)| why != Why::Mapping)
    }

    /// Whole numbers with few values are categories, not values: splits by
    /// their header (age, sex, month), or groups when each name has one of
    /// them and names repeat (a cluster, a region code).
    fn categories(
        &self,
        numbers: &[usize],
        values: &[usize],
        values_why: Why,
        first: Option<&[usize]>,
        name_distinct: usize,
    ) -> (Vec<usize>, Vec<usize>) {
        let rows = self.ctx.table.rows();
        let names_repeat = name_distinct > 0 && name_distinct.saturating_mul(2) <= rows;
        let mut int_splits: Vec<usize> = Vec::new();
        let mut int_groups: Vec<usize> = Vec::new();
        // A mapping's value columns stay values; the other numbers are looked at.
        for &i in numbers {
            if values_why == Why::Mapping && values.contains(&i) {
                continue;
            }
            let Some(p) = self.profiles.get(i) else {
                continue;
            };
            let Some(few) = p.few_integers else { continue };
            if is_split_header(&p.label) {
                int_splits.push(i);
            } else if let (Some(first), true) = (first, names_repeat) {
                // A group sorts every item: a column blank in many rows (a
                // forecast given for some days only) holds values, not groups.
                let complete = p.missing.saturating_mul(10) <= rows;
                if complete
                    && (2..=12).contains(&few)
                    && few < name_distinct
                    && one_per_name(self.ctx, first, i)
                {
                    int_groups.push(i);
                }
            }
        }
        (int_splits, int_groups)
    }

    /// Columns that say one thing per name (labels and codes other than the
    /// name and the time), and whether each does.
    fn per_name(
        &self,
        name_index: Option<usize>,
        time_index: Option<usize>,
        first: Option<&[usize]>,
    ) -> Vec<(usize, bool)> {
        match (name_index, first) {
            (Some(n), Some(first)) => (0..self.profiles.len())
                .filter(|&i| i != n && Some(i) != time_index && self.usable(i))
                .filter(|&i| {
                    self.profiles
                        .get(i)
                        .is_some_and(|p| matches!(p.kind, Kind::Label | Kind::Code))
                })
                .map(|i| (i, one_per_name(self.ctx, first, i)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The group column found: a label column with one value per name and
    /// fewer values than names (a header that says groups first), else a
    /// label column the names are nested in (the same village name in two
    /// towns is two villages), else a column of whole numbers that groups
    /// names.
    fn group_column(
        &self,
        per_name: &[(usize, bool)],
        name_distinct: usize,
        int_groups: &[usize],
        first: Option<&[usize]>,
    ) -> Option<(usize, Why)> {
        let why = |p: &Profile| {
            if p.hint == Hint::Group {
                Why::Header
            } else {
                Why::OneGroupPerName
            }
        };
        let mut candidates: Vec<(usize, Why)> = per_name
            .iter()
            .filter(|(i, one)| *one && self.is_label(*i))
            .filter_map(|(i, _)| {
                let p = self.profiles.get(*i)?;
                (p.distinct >= 2 && p.distinct < name_distinct).then_some((*i, why(p)))
            })
            .collect();
        candidates.sort_by_key(|(i, why)| (*why != Why::Header, *i));
        let nested = || {
            let first = first?;
            let mut parents: Vec<(usize, Why)> = per_name
                .iter()
                .filter(|(i, one)| !*one && self.is_label(*i))
                .filter_map(|(i, _)| {
                    let p = self.profiles.get(*i)?;
                    (p.distinct >= 2
                        && !is_split_header(&p.label)
                        && nested_in(self.ctx, first, *i, p.distinct, name_distinct))
                    .then_some((*i, why(p)))
                })
                .collect();
            parents.sort_by_key(|(i, why)| (*why != Why::Header, *i));
            parents.first().copied()
        };
        candidates
            .first()
            .copied()
            .or_else(nested)
            .or_else(|| int_groups.first().map(|&i| (i, Why::OneGroupPerName)))
    }

    /// The mapping's slices: each split column and the value kept of it.
    fn slices(&self) -> Result<Option<Vec<(usize, String)>>> {
        match &self.mapping.slice {
            Some(map) => Ok(Some(
                map.iter()
                    .map(|(c, v)| Ok((find_column(self.ctx.table, c, "slice")?, v.clone())))
                    .collect::<Result<Vec<_>>>()?,
            )),
            None => Ok(None),
        }
    }

    /// The columns without a role: splits of a series' rows (with the slice
    /// kept of each, the mapping's or a total found), or left out and why.
    fn splits_and_left(
        &self,
        roles: &Roles,
        slices: Option<&[(usize, String)]>,
    ) -> (Vec<Split>, Vec<(usize, Left)>, Vec<usize>) {
        let mut splits = Vec::new();
        let mut left = Vec::new();
        let mut alternatives = Vec::new();
        for (i, p) in self.profiles.iter().enumerate() {
            if roles.taken(i) {
                continue;
            }
            if !self.usable(i) {
                left.push((i, Left::Ignored));
                continue;
            }
            let slice =
                || slices.and_then(|s| s.iter().find(|(c, _)| *c == i).map(|(_, v)| v.clone()));
            if roles.int_splits.contains(&i) {
                splits.push((i, slice(), false));
                continue;
            }
            if roles.int_groups.contains(&i) {
                left.push((i, Left::PerName));
                continue;
            }
            let why = match p.kind {
                Kind::Empty => Left::Empty,
                // Codes that split a name's rows (SDMX's `sex` F/M/T, `unit`
                // PC_ACT/THS_PER, `age` Y15-74/Y25-74): their rows are not
                // summed (age bands overlap, units differ): the total is
                // kept where there is one, else the first value.
                Kind::Code if self.code_split(i, p, roles) => {
                    let (slice, auto) = match (slices, slice()) {
                        (_, Some(v)) => (Some(v), false),
                        (Some(_), None) => (None, false),
                        (None, None) => (
                            find_total(self.ctx, i).or_else(|| first_value(self.ctx, i)),
                            true,
                        ),
                    };
                    splits.push((i, slice, auto));
                    continue;
                }
                Kind::Code => Left::Code,
                Kind::FreeText => Left::FreeText,
                Kind::Number | Kind::Time => Left::Unused,
                Kind::Label if roles.time_unique => Left::PerName,
                Kind::Label => {
                    let one = roles.per_name.iter().any(|(c, one)| *c == i && *one);
                    let slice = slice();
                    let unplaced = roles.name.is_none() && roles.time.is_none();
                    if one && slice.is_none() || unplaced {
                        Left::PerName
                    } else {
                        let (slice, auto) = match (slices, slice) {
                            (_, Some(v)) => (Some(v), false),
                            (Some(_), None) => (None, false),
                            (None, None) => (
                                find_total(self.ctx, i)
                                    .or_else(|| {
                                        is_measure_header(&p.label)
                                            .then(|| first_value(self.ctx, i))
                                            .flatten()
                                    })
                                    .or_else(|| {
                                        let v = self.throughout(roles, i)?;
                                        alternatives.push(i);
                                        Some(v)
                                    }),
                                true,
                            ),
                        };
                        splits.push((i, slice, auto));
                        continue;
                    }
                }
            };
            left.push((i, why));
        }
        (splits, left, alternatives)
    }

    /// The value of split column `i` that every name's every time has, when
    /// the others come only in some (most names' years have one row): those
    /// are other measures of the same thing (a census count beside the
    /// yearly estimate, a revised figure beside the first), never parts of
    /// it, which come together every year. `None` without a name and a time,
    /// or when no name's year has two rows.
    fn throughout(&self, roles: &Roles, i: usize) -> Option<String> {
        let (n, t) = (roles.name_index()?, roles.time_index()?);
        let ctx = self.ctx;
        let hash = |row: usize, c: usize| key_of(ctx.cell(row, c)).map(|k| text_hash(&k));
        // Each name's time, and the values of `i` in its rows.
        let mut cells: FxMap<(u64, u64), Vec<u64>> = FxMap::default();
        // Each value: the first row with it.
        let mut first: FxMap<u64, usize> = FxMap::default();
        for row in 0..ctx.table.rows() {
            let (Some(name), Some(time), Some(v)) = (hash(row, n), hash(row, t), hash(row, i))
            else {
                continue;
            };
            first.entry(v).or_insert(row);
            let values = cells.entry((name, time)).or_default();
            if !values.contains(&v) {
                values.push(v);
            }
        }
        let several = cells.values().filter(|v| v.len() > 1).count();
        if several == 0 || several.saturating_mul(2) >= cells.len() {
            return None;
        }
        let mut rows: Vec<(usize, u64)> = first.iter().map(|(v, r)| (*r, *v)).collect();
        rows.sort_unstable();
        let (row, _) = rows
            .into_iter()
            .find(|(_, v)| cells.values().all(|vs| vs.contains(v)))?;
        key_of(ctx.cell(row, i)).map(Cow::into_owned)
    }

    /// Whether code column `i` splits the names' rows: a few codes, not an
    /// id or a flag by its header, and more than one for some name.
    fn code_split(&self, i: usize, p: &Profile, roles: &Roles) -> bool {
        p.hint != Hint::Code
            && (2..=60).contains(&p.distinct)
            && p.distinct.saturating_mul(4) <= self.ctx.table.rows()
            && roles.per_name.iter().any(|(c, one)| *c == i && !*one)
    }

    /// Which charts: the mapping's, or what the shape gives; each must have
    /// the columns it needs, and one at least is made.
    fn charts(&self, shape: Shape, roles: &Roles) -> Result<(bool, bool)> {
        let (trend, ranking) = match &self.mapping.charts {
            Some(c) => (c.contains(&Chart::Trend), c.contains(&Chart::Ranking)),
            None => match shape {
                Shape::Long => (true, roles.name_distinct >= 2),
                Shape::Wide => (true, false),
                Shape::Transposed => (
                    true,
                    roles.name_distinct >= 3
                        && !roles
                            .name_index()
                            .and_then(|n| self.profiles.get(n))
                            .is_some_and(|p| {
                                ["指标", "indicator", "series", "项目", "item"]
                                    .contains(&p.label.to_lowercase().as_str())
                            }),
                ),
                Shape::Records => (false, true),
            },
        };
        if trend && roles.time.is_none() && shape != Shape::Transposed {
            return Err(Error::ChartNeeds {
                chart: "trend",
                needs: "a time column (years or dates)",
            });
        }
        if ranking && roles.name.is_none() {
            return Err(Error::ChartNeeds {
                chart: "ranking",
                needs: "a column of names",
            });
        }
        if !trend && !ranking {
            return Err(Error::NothingToChart);
        }
        Ok((trend, ranking))
    }

    /// Units per column: the mapping's, the header's, or `%` when most
    /// numbers are written with it.
    fn units(&self) -> Vec<Option<String>> {
        self.profiles
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let header = self
                    .ctx
                    .table
                    .columns
                    .get(i)
                    .map(|c| c.name.as_str())
                    .unwrap_or("");
                match self
                    .mapping
                    .units
                    .get(&p.header)
                    .or_else(|| self.mapping.units.get(header))
                {
                    Some(u) => text::unit(u),
                    None => p
                        .header_unit
                        .clone()
                        .or_else(|| p.percent_by_cells().then(|| "%".to_string())),
                }
            })
            .collect()
    }
}

/// The table's shape: the mapping's, or by the roles found (time and names:
/// long; time: wide; names: records).
fn shape_of(table: &Table, mapping: &Mapping, roles: &Roles) -> Result<Shape> {
    Ok(match mapping.shape {
        Some(s) => s,
        None if roles.transposed => Shape::Transposed,
        None => match (roles.time, roles.name) {
            (Some(_), Some(_)) => Shape::Long,
            (Some(_), None) => Shape::Wide,
            (None, Some(_)) => Shape::Records,
            (None, None) => {
                return Err(Error::NoNameOrTime {
                    numbers: roles
                        .values
                        .iter()
                        .filter_map(|&i| table.columns.get(i))
                        .map(|c| quote(&c.name))
                        .collect(),
                })
            }
        },
    })
}

/// A table without a column of numbers (every header listed).
fn no_numbers(table: &Table) -> Error {
    Error::NoNumbers {
        columns: table.columns.iter().map(|c| quote(&c.name)).collect(),
    }
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

/// Whether the names are nested in column `other` (a town, a province)
/// rather than split by it (sex, age, urban and rural): most names appear
/// under only one of its values, or names appear on average under fewer than
/// half of its values. A split crosses the names (each name under most of
/// its values, its rows summed); a parent holds them (a name under another
/// parent is another thing).
fn nested_in(ctx: &Ctx, first_rows: &[usize], other: usize, distinct: usize, names: usize) -> bool {
    if names == 0 {
        return false;
    }
    let mut pairs: FxSet<(usize, u64)> = FxSet::default();
    for (row, &first) in first_rows.iter().enumerate() {
        if first == usize::MAX {
            continue;
        }
        if let Some(v) = key_of(ctx.cell(row, other)) {
            pairs.insert((first, crate::hash::text_hash(&v)));
        }
    }
    let pairs = pairs.len();
    // A parent holds several names: a column with as many values as names
    // (a series id, a vector number) names each series again, it holds none.
    if distinct >= names {
        return false;
    }
    let once = pairs.saturating_sub(names).saturating_mul(2) < names;
    let few = pairs.saturating_mul(2) < names.saturating_mul(distinct);
    once || few
}

/// The first value of a column, as written (the indicator an export lists first).
fn first_value(ctx: &Ctx, column: usize) -> Option<String> {
    let c = ctx.table.columns.get(column)?;
    c.cells
        .iter()
        .find_map(|cell| key_of(cell).map(Cow::into_owned))
}

/// A total among a split column's values (`Both`, `合计`), as written.
///
/// Also `Total - gender`, `Total, all ages` (Statistics Canada), `All ages`,
/// and SDMX's codes for a total (`T`, `_T`, `TOTAL`).
fn find_total(ctx: &Ctx, column: usize) -> Option<String> {
    let c = ctx.table.columns.get(column)?;
    c.cells.iter().find_map(|cell| {
        let k = key_of(cell)?;
        is_total(&k).then(|| k.into_owned())
    })
}

pub(super) fn is_total(text: &str) -> bool {
    // The .Stat Suite writes a value with its code: `9: totale`.
    let text = text.split_once(": ").map_or(text, |(_, words)| words);
    let lower = text.trim().to_lowercase();
    let after = |prefix: &str| {
        lower
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with([' ', ',', '-', '–', '(']))
    };
    TOTALS.contains(&lower.as_str())
        || matches!(text.trim(), "T" | "_T" | "TOTAL" | "_Z")
        || after("total")
        || after("all")
}
