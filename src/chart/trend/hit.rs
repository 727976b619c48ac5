//! Pointer → the year column or annotation under it, reading the drawn layout.
//! O(log n) in the number of years, so hover cost does not grow with the data.

use super::layout::{AnnotationMark, TrendLayout, YearColumn};

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
    crate::chart::legend_at(&layout.legend, x, y)
}

/// The annotation whose label is under the pointer, by index.
pub fn annotation_at(layout: &TrendLayout, x: f64, y: f64) -> Option<usize> {
    layout
        .annotations
        .iter()
        .position(|a| a.rect.contains(x, y))
}

/// An annotation by index.
pub fn annotation(layout: &TrendLayout, i: usize) -> Option<&AnnotationMark> {
    layout.annotations.get(i)
}
