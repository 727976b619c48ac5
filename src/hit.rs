//! Pointer → the mark under it, reading the same layout that was drawn.
//!
//! Every lookup is O(log n) or O(1) in the number of marks, so hover cost does
//! not grow with the data.

use crate::layout::ranking::{BarMark, ROW_HEIGHT};
use crate::layout::trend::{AnnotationMark, YearColumn};
use crate::layout::{RankingLayout, TrendLayout};

/// How far outside the plot (CSS px) the pointer still picks a year.
const SLOP: f64 = 12.0;

/// The year column nearest the pointer's x, if the pointer is over the plot.
/// Only x counts, as in Observable Plot's `pointerX`: on a trend chart the
/// reader asks "what happened in this year", wherever the lines are.
pub fn nearest_year(layout: &TrendLayout, x: f64, y: f64) -> Option<&YearColumn> {
    let p = &layout.plot;
    if !(x >= p.x - SLOP && x <= p.right() + SLOP && y >= p.y - SLOP && y <= p.bottom() + SLOP) {
        return None;
    }
    let cols = &layout.columns;
    let at = cols.partition_point(|c| c.x < x);
    let after = cols.get(at);
    let before = at.checked_sub(1).and_then(|i| cols.get(i));
    match (before, after) {
        (Some(b), Some(a)) => Some(if x - b.x <= a.x - x { b } else { a }),
        (b, a) => b.or(a),
    }
}

/// The position of `year` among the drawn columns, for keyboard stepping.
pub fn column_index(layout: &TrendLayout, year: i32) -> Option<usize> {
    layout.columns.binary_search_by_key(&year, |c| c.year).ok()
}

/// The legend entry under the pointer, as a series index.
pub fn legend_at(layout: &TrendLayout, x: f64, y: f64) -> Option<usize> {
    layout
        .legend
        .iter()
        .find(|item| item.rect.contains(x, y))
        .map(|item| item.series)
}

/// The annotation whose label is under the pointer.
pub fn annotation_at(layout: &TrendLayout, x: f64, y: f64) -> Option<&AnnotationMark> {
    layout.annotations.iter().find(|a| a.rect.contains(x, y))
}

/// The bar whose row is under the pointer. Rows have one height, so the row is
/// found by division rather than search.
pub fn bar_at(layout: &RankingLayout, x: f64, y: f64) -> Option<&BarMark> {
    if y < layout.plot.y || !x.is_finite() {
        return None;
    }
    let row = ((y - layout.plot.y) / ROW_HEIGHT).floor();
    if !(row >= 0.0 && row < layout.bars.len() as f64) {
        return None;
    }
    layout
        .bars
        .get(row as usize)
        .filter(|bar| bar.row.contains(x, y))
}

/// The group legend entry under the pointer, as the group's name.
pub fn group_at(layout: &RankingLayout, x: f64, y: f64) -> Option<&str> {
    layout
        .legend
        .iter()
        .find(|item| item.rect.contains(x, y))
        .map(|item| item.group.as_str())
}
