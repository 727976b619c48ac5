//! Pointer → the year column or annotation under it, reading the drawn layout.
//! O(log n) in the number of years, so hover cost does not grow with the data.

use super::layout::{AnnotationMark, PointMark, TrendLayout, YearColumn};

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
        // A tie (within float noise) goes left.
        (Some(b), Some(a)) => Some(if x - b.x <= a.x - x + 1e-9 { b } else { a }),
        (b, a) => b.or(a),
    }
}

/// How far (CSS px) from a line the pointer still highlights it.
pub const LINE_RADIUS: f64 = 10.0;

/// The line nearest the pointer within [`LINE_RADIUS`], as a series index.
/// Reads only the two year columns around `x` (found by binary search): each
/// line's height there is interpolated between its points in the two, so
/// the cost is the lines in two columns, whatever the width or the years,
/// and a line is found between its points as well as at them.
pub fn nearest_line(layout: &TrendLayout, x: f64, y: f64) -> Option<usize> {
    let p = &layout.plot;
    if !(x >= p.x - SLOP && x <= p.right() + SLOP && y >= p.y - SLOP && y <= p.bottom() + SLOP) {
        return None;
    }
    let cols = &layout.columns;
    let at = cols.partition_point(|c| c.x < x);
    let before = at.checked_sub(1).and_then(|i| cols.get(i));
    let after = cols.get(at);
    let mut best: Option<(f64, usize)> = None;
    let mut consider = |d: f64, series: usize| {
        if d <= LINE_RADIUS && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, series));
        }
    };
    // A point on its own (no neighbour in the other column): its distance.
    let vertex = |q: &PointMark| ((q.x - x).powi(2) + (q.y - y).powi(2)).sqrt();
    match (before, after) {
        (Some(a), Some(b)) if b.x > a.x => {
            let t = (x - a.x) / (b.x - a.x);
            // Both columns are in series order: one merge pass.
            let (mut i, mut j) = (0, 0);
            while let (Some(pa), Some(pb)) = (a.points.get(i), b.points.get(j)) {
                match pa.series.cmp(&pb.series) {
                    std::cmp::Ordering::Less => {
                        consider(vertex(pa), pa.series);
                        i = i.saturating_add(1);
                    }
                    std::cmp::Ordering::Greater => {
                        consider(vertex(pb), pb.series);
                        j = j.saturating_add(1);
                    }
                    std::cmp::Ordering::Equal => {
                        consider((pa.y + t * (pb.y - pa.y) - y).abs(), pa.series);
                        i = i.saturating_add(1);
                        j = j.saturating_add(1);
                    }
                }
            }
            for q in a.points.iter().skip(i).chain(b.points.iter().skip(j)) {
                consider(vertex(q), q.series);
            }
        }
        (a, b) => {
            for q in a.or(b).map(|c| c.points.as_slice()).unwrap_or_default() {
                consider(vertex(q), q.series);
            }
        }
    }
    best.map(|(_, series)| series)
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
