//! The re-rank transition: after a metric switch, a sort or a filter, each row
//! slides from its old place to its new one and its bar grows or shrinks.
//! Linear in the number of bars: old rows are found through a sorted index,
//! and each bar's rect is found by its mark index, not by comparing floats.

use super::layout::RankingLayout;
use crate::mark::{Mark, Rect};

/// Where each shown village's row was before a re-sort.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    /// Per village of the dataset: its old bar's position in `from`, or
    /// `u32::MAX` when it was not shown. A direct index, so finding a row's
    /// old place is O(1) (no sort, and no second copy of the sort code in the wasm).
    slot: Vec<u32>,
    /// (row top y, bar rect) of each old bar.
    from: Vec<(f64, Rect)>,
}

impl Transition {
    /// Remembers where the rows of `layout` are now; `villages` is how many
    /// villages the dataset has.
    pub fn from_layout(layout: &RankingLayout, villages: usize) -> Transition {
        let mut slot = vec![u32::MAX; villages];
        let mut from = Vec::with_capacity(layout.bars.len());
        for bar in &layout.bars {
            if let Some(s) = slot.get_mut(bar.village) {
                *s = u32::try_from(from.len()).unwrap_or(u32::MAX);
                from.push((bar.row.y, bar.rect));
            }
        }
        Transition { slot, from }
    }

    fn old(&self, village: usize) -> Option<(f64, Rect)> {
        let at = *self.slot.get(village)?;
        self.from.get(usize::try_from(at).ok()?).copied()
    }

    /// The marks of `layout` `t` (0–1) of the way from the old rows.
    pub fn marks(&self, layout: &RankingLayout, t: f64) -> Vec<Mark> {
        let e = ease(t);
        let mut marks = layout.marks.clone();
        for bar in &layout.bars {
            // Rows that were not shown come in from below the last row.
            let (old_y, old_rect) = self
                .old(bar.village)
                .unwrap_or((layout.plot.bottom(), bar.rect));
            let dy = (old_y - bar.row.y) * (1.0 - e);
            if let Some(Mark::Rect { rect, .. }) = marks.get_mut(bar.bar_mark) {
                rect.w = old_rect.w + (bar.rect.w - old_rect.w) * e;
                rect.x = old_rect.x + (bar.rect.x - old_rect.x) * e;
            }
            for mark in marks.get_mut(bar.marks.clone()).into_iter().flatten() {
                shift(mark, dy);
            }
        }
        marks
    }
}

/// Ease-in-out, so rows start and settle gently.
fn ease(t: f64) -> f64 {
    let t = if t.is_nan() { 1.0 } else { t.clamp(0.0, 1.0) };
    t * t * (3.0 - 2.0 * t)
}

fn shift(mark: &mut Mark, dy: f64) {
    match mark {
        Mark::Rect { rect, .. } | Mark::Shade { rect, .. } => rect.y += dy,
        Mark::Text(t) => t.y += dy,
        Mark::Circle { cy, .. } => *cy += dy,
        Mark::Line { points, .. } => points.iter_mut().for_each(|p| p.1 += dy),
    }
}
