//! The village ranking: horizontal bars sorted by one metric.

use super::{
    credit, fit_text, footer, footer_height, header, padding, text_width, Align, Baseline, Mark,
    Rect, AXIS, MUTED, PALETTE,
};
use crate::dataset::{Dataset, Ranking};
use crate::format::ValueFormat;
use crate::scale::LinearScale;

/// How many villages a ranking shows before the reader asks for all.
pub const DEFAULT_TOP: usize = 15;
/// Height of one bar's row, in CSS px: enough for a 13 px CJK name.
pub const ROW_HEIGHT: f64 = 26.0;
const BAR_HEIGHT: f64 = 16.0;

/// What the reader has chosen about the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingView {
    /// Index into [`Ranking::metrics`].
    pub metric: usize,
    pub descending: bool,
    /// Show every village instead of the top [`DEFAULT_TOP`].
    pub show_all: bool,
}

impl RankingView {
    pub fn new(ranking: &Ranking) -> Self {
        RankingView {
            metric: ranking.default_metric,
            descending: true,
            show_all: false,
        }
    }
}

/// The villages that have a value for the view's metric, in rank order, and the
/// number left out for having none. Ties keep the dataset's order.
pub fn ranked(ranking: &Ranking, view: &RankingView) -> (Vec<(usize, f64)>, usize) {
    let mut rows: Vec<(usize, f64)> = ranking
        .villages
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.values.get(view.metric).copied().flatten().map(|x| (i, x)))
        .collect();
    rows.sort_by(|a, b| {
        let order = a.1.total_cmp(&b.1);
        if view.descending {
            order.reverse()
        } else {
            order
        }
    });
    let left_out = ranking.villages.len() - rows.len();
    (rows, left_out)
}

/// A drawn bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarMark {
    /// Index into [`Ranking::villages`].
    pub village: usize,
    /// 1-based rank under the current sort.
    pub rank: usize,
    pub value: f64,
    pub rect: Rect,
    /// The whole row (name, bar and label): what a pointer over the row selects.
    pub row: Rect,
    pub label: String,
}

/// Everything needed to draw and hit-test the ranking at one size.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingLayout {
    pub width: f64,
    pub height: f64,
    pub plot: Rect,
    pub x: LinearScale,
    pub marks: Vec<Mark>,
    /// In rank order, top to bottom.
    pub bars: Vec<BarMark>,
    /// Villages with a value that are not shown (beyond the top N).
    pub hidden: usize,
    /// Villages with no value for this metric.
    pub left_out: usize,
    pub format: ValueFormat,
}

impl RankingLayout {
    pub fn new(
        dataset: &Dataset,
        ranking: &Ranking,
        view: &RankingView,
        width: f64,
    ) -> RankingLayout {
        let width = if width.is_finite() {
            width.max(1.0)
        } else {
            1.0
        };
        let pad = padding(width);
        let zh = dataset.is_chinese();
        let metric = ranking.metrics.get(view.metric);
        let metric_label = metric.map(|m| m.label.as_str()).unwrap_or("");
        let (rows, left_out) = ranked(ranking, view);
        let shown = if view.show_all {
            rows.len()
        } else {
            rows.len().min(DEFAULT_TOP)
        };
        let hidden = rows.len() - shown;
        let rows = rows.get(..shown).unwrap_or(&rows);
        let format = ValueFormat::for_values(
            metric.and_then(|m| m.unit.as_deref()),
            rows.iter().map(|r| r.1),
        );

        // 1. Header: the ranking's title, then metric, unit and how much is shown.
        let mut marks = Vec::new();
        let title = ranking.title.as_deref().unwrap_or(metric_label);
        let mut sub = String::new();
        if title != metric_label {
            sub.push_str(metric_label);
        }
        if let Some(unit) = format.unit_label() {
            sub.push_str(&if zh {
                format!("（{unit}）")
            } else {
                format!(" ({unit})")
            });
        }
        let total = rows.len() + hidden;
        let count = match (zh, hidden > 0) {
            (true, true) => format!("前 {shown} 名，共 {total} 个村"),
            (true, false) => format!("共 {total} 个村"),
            (false, true) => format!("top {shown} of {total} villages"),
            (false, false) => format!("{total} villages"),
        };
        if !sub.is_empty() {
            sub.push_str(" · ");
        }
        sub.push_str(&count);
        let top = header(&mut marks, title, Some(&sub), pad, width) + 8.0;

        // 2. Footer: who was left out, and the source.
        let mut notes = Vec::new();
        if left_out > 0 {
            notes.push(if zh {
                format!("另有 {left_out} 个村无“{metric_label}”数据，未列入排名")
            } else {
                format!("{left_out} villages have no value for “{metric_label}” and are not ranked")
            });
        }
        notes.extend(credit(dataset.source.as_deref(), zh));
        let height = top + shown as f64 * ROW_HEIGHT + 10.0 + footer_height(notes.len()) + pad;

        // 3. Columns: rank, name, bar, value label. Names get up to a third of the width.
        let rank_w = text_width(&shown.max(1).to_string(), 11.5) + 8.0;
        let names: Vec<&str> = rows
            .iter()
            .filter_map(|r| ranking.villages.get(r.0))
            .map(|v| v.name.as_str())
            .collect();
        let name_cap = (width * 0.34).clamp(24.0, 180.0);
        let name_w = names
            .iter()
            .map(|n| text_width(n, 13.0))
            .fold(0.0, f64::max)
            .min(name_cap);
        let labels: Vec<String> = rows.iter().map(|r| format.format(r.1)).collect();
        let label_w = labels
            .iter()
            .map(|l| text_width(l, 11.5))
            .fold(0.0, f64::max);
        let bars_x = pad + rank_w + name_w + 8.0;
        let plot = Rect {
            x: bars_x,
            y: top,
            w: (width - pad - label_w - 6.0 - bars_x).max(1.0),
            h: shown as f64 * ROW_HEIGHT,
        };
        let (lo, hi) = rows
            .iter()
            .fold((0.0f64, 0.0f64), |(lo, hi), r| (lo.min(r.1), hi.max(r.1)));
        let x = LinearScale::new((lo, hi), (plot.x, plot.right()));
        let zero = x.map(0.0);
        let color = PALETTE.get(1).copied().unwrap_or(MUTED);

        // 4. Rows.
        let mut bars = Vec::with_capacity(shown);
        for (r, (&(village, value), label)) in rows.iter().zip(labels).enumerate() {
            let row_y = top + r as f64 * ROW_HEIGHT;
            let mid = row_y + ROW_HEIGHT / 2.0;
            let end = x.map(value);
            let rect = Rect {
                x: zero.min(end),
                y: mid - BAR_HEIGHT / 2.0,
                // A zero value still shows a sliver, so the row is not read as missing.
                w: (end - zero).abs().max(1.0),
                h: BAR_HEIGHT,
            };
            marks.push(Mark::Text(
                Mark::text((r + 1).to_string(), pad + rank_w - 8.0, mid, 11.5)
                    .color(AXIS)
                    .align(Align::Right, Baseline::Middle),
            ));
            let name = names.get(r).copied().unwrap_or("");
            marks.push(Mark::Text(
                Mark::text(fit_text(name, 13.0, name_w), bars_x - 8.0, mid, 13.0)
                    .align(Align::Right, Baseline::Middle),
            ));
            marks.push(Mark::Rect { rect, fill: color });
            let (lx, align) = if value < 0.0 {
                (rect.x - 4.0, Align::Right)
            } else {
                (rect.right() + 4.0, Align::Left)
            };
            marks.push(Mark::Text(
                Mark::text(label.clone(), lx, mid, 11.5)
                    .color(MUTED)
                    .align(align, Baseline::Middle),
            ));
            bars.push(BarMark {
                village,
                rank: r + 1,
                value,
                rect,
                row: Rect {
                    x: pad,
                    y: row_y,
                    w: (width - 2.0 * pad).max(1.0),
                    h: ROW_HEIGHT,
                },
                label,
            });
        }
        if lo < 0.0 {
            marks.push(Mark::Line {
                points: vec![(zero.round(), plot.y), (zero.round(), plot.bottom())],
                color: AXIS,
                width: 1.0,
            });
        }
        footer(&mut marks, &notes, pad, width, height);
        RankingLayout {
            width,
            height,
            plot,
            x,
            marks,
            bars,
            hidden,
            left_out,
            format,
        }
    }
}
