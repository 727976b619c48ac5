//! Dataset format v1: the model every chart is drawn from.
//!
//! [`parse`] turns the bytes of a file into a validated [`Dataset`]; after that
//! the rest of the core can rely on what the model promises: years are unique
//! and sorted within a series, values are finite, percentages lie in 0–100,
//! village values are indexed by metric, and at least one chart is present.
//! Texts hold no bidi controls or control characters, units are normalised
//! (`％` is `%`), and no two series, metric keys, metric labels, or villages of
//! one group look the same to a reader (see [`text`]).

pub mod import;
pub mod infer;
mod json;
mod parse;
pub mod snapshot;
/// User text as a reader sees it (clean, compare, quote): a module of its own,
/// [`crate::user_text`], which the error messages use too; `dataset::text` is
/// its old name.
pub use crate::user_text as text;
pub mod table;
pub mod v1;
mod walk;

pub use parse::parse;

/// What the ranking chart calls villages without a group, in Chinese and in
/// English. A real group may not use the name of the chart's locale.
pub fn no_group_label(zh: bool) -> &'static str {
    if zh {
        "未分组"
    } else {
        "No group"
    }
}

/// A validated dataset: optional texts, and a trend, a ranking, or both.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    /// BCP 47 tag; `zh…` selects Chinese chrome texts ("来源"), anything else English.
    pub locale: String,
    pub trend: Option<Trend>,
    pub ranking: Option<Ranking>,
}

impl Dataset {
    /// Whether chart chrome (credit line, footnotes) is written in Chinese.
    pub fn is_chinese(&self) -> bool {
        self.locale.to_ascii_lowercase().starts_with("zh")
    }
}

/// Poverty-rate trend: one or more series over the years.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub title: Option<String>,
    pub unit: Option<String>,
    pub series: Vec<Series>,
    pub annotations: Vec<Annotation>,
}

impl Trend {
    /// Every year that any series has a point for, ascending and unique.
    pub fn years(&self) -> Vec<i32> {
        // Each series is sorted already: merge them rather than sort again.
        let mut heads = vec![0usize; self.series.len()];
        let mut years = Vec::new();
        loop {
            let next = self
                .series
                .iter()
                .zip(&heads)
                .filter_map(|(s, &h)| s.points.get(h).map(|p| p.year))
                .min();
            let Some(year) = next else {
                return years;
            };
            years.push(year);
            for (s, h) in self.series.iter().zip(heads.iter_mut()) {
                if s.points.get(*h).is_some_and(|p| p.year == year) {
                    *h = h.saturating_add(1);
                }
            }
        }
    }
}

/// Sorts `(index, key)` pairs by key, ties by index, so the order is total and
/// deterministic. The one sort of the core: every sort goes through it, so the
/// wasm carries a single copy of the sorting code.
pub fn sort_keyed(rows: &mut [(usize, f64)], descending: bool) {
    rows.sort_unstable_by(keyed_order(descending));
}

/// The order of [`sort_keyed`]: by key, ties by index.
pub fn keyed_order(
    descending: bool,
) -> impl Fn(&(usize, f64), &(usize, f64)) -> std::cmp::Ordering + Copy {
    move |a, b| {
        let order = a.1.total_cmp(&b.1);
        let order = if descending { order.reverse() } else { order };
        order.then(a.0.cmp(&b.0))
    }
}

/// One line of the trend chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// Sorted by year, each year once. `value: None` is a gap in the line.
    pub points: Vec<Point>,
}

impl Series {
    /// The value at `year`, if the series has a non-null point there.
    pub fn value_at(&self, year: i32) -> Option<f64> {
        self.points
            .binary_search_by_key(&year, |p| p.year)
            .ok()
            .and_then(|i| self.points.get(i))
            .and_then(|p| p.value)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: Option<f64>,
}

/// A labelled marker at a year ("精准扶贫" in 2015).
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub year: i32,
    pub label: String,
}

/// Village rankings by one of several metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub title: Option<String>,
    /// What is ranked, singular and plural ("country", "countries"), when not
    /// villages: `ranking.item` and `ranking.items` in the file.
    pub item: Option<(String, String)>,
    pub metrics: Vec<Metric>,
    /// Index into `metrics`.
    pub default_metric: usize,
    pub villages: Vec<Village>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub key: String,
    pub label: String,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Village {
    pub name: String,
    /// Shared by every village of the group (one allocation per group, not
    /// per village: a national ranking has 500,000 villages in 40,000 towns).
    pub group: Option<std::rc::Rc<str>>,
    /// One entry per metric, in the order of [`Ranking::metrics`]; `None` = no value.
    pub values: Vec<Option<f64>>,
}

/// The lowest and highest year a dataset may hold.
pub const YEAR_RANGE: std::ops::RangeInclusive<i64> = 1800..=2100;
