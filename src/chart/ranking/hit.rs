//! Pointer → the bar or group legend entry under it, reading the drawn layout.
//! Rows come from the layout's band scale, so the row under the pointer is
//! found by division, O(1).

use super::layout::{BarMark, RankingLayout};

/// The bar whose row is under the pointer.
pub fn bar_at(layout: &RankingLayout, x: f64, y: f64) -> Option<&BarMark> {
    if !x.is_finite() {
        return None;
    }
    layout
        .bars
        .get(layout.rows.index_at(y)?)
        .filter(|bar| bar.row.contains(x, y))
}

/// The group legend entry under the pointer, as the group's name (`""`: no group).
pub fn group_at(layout: &RankingLayout, x: f64, y: f64) -> Option<&str> {
    let i = crate::chart::legend_at(&layout.legend, x, y)?;
    layout.groups.get(i).map(String::as_str)
}

/// The shown bar of `village`, if it is shown.
pub fn bar_of(layout: &RankingLayout, village: usize) -> Option<&BarMark> {
    layout.bars.iter().find(|b| b.village == village)
}
