//! The village ranking: horizontal bars sorted by one metric.

use super::{
    credit, fit_text, footer, footer_height, header, padding, text_width, Align, Baseline, Color,
    Mark, Rect, AXIS, GRID, HIGHLIGHT, INK, MUTED, PALETTE,
};
use crate::dataset::{Dataset, Ranking};
use crate::format::ValueFormat;
use crate::scale::LinearScale;

/// How many villages a ranking shows before the reader asks for all.
pub const DEFAULT_TOP: usize = 15;
/// Height of one bar's row, in CSS px: enough for a 13 px CJK name.
pub const ROW_HEIGHT: f64 = 26.0;
const BAR_HEIGHT: f64 = 16.0;
const PIN_BACKGROUND: Color = Color(0xfd, 0xf3, 0xe1);

/// What the reader has chosen about the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingView {
    /// Index into [`Ranking::metrics`].
    pub metric: usize,
    pub descending: bool,
    /// Show every village instead of the top [`DEFAULT_TOP`].
    pub show_all: bool,
    /// Pinned villages (indices into [`Ranking::villages`]): highlighted, with
    /// their rank called out, and shown even when they fall outside the top N.
    pub pinned: Vec<usize>,
    /// Only villages of this group (`Some("")` = villages without a group).
    pub group: Option<String>,
}

impl RankingView {
    pub fn new(ranking: &Ranking) -> Self {
        RankingView {
            metric: ranking.default_metric,
            descending: true,
            show_all: false,
            pinned: Vec::new(),
            group: None,
        }
    }

    pub fn is_pinned(&self, village: usize) -> bool {
        self.pinned.contains(&village)
    }

    /// Whether villages of `group` pass the group filter.
    pub fn shows_group(&self, group: &Option<String>) -> bool {
        match &self.group {
            None => true,
            Some(want) => group.as_deref().unwrap_or("") == want,
        }
    }
}

/// The groups (towns, streets) in order of first appearance; `""` stands for
/// villages without one and comes last. Empty when no village has a group.
pub fn groups(ranking: &Ranking) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut ungrouped = false;
    for v in &ranking.villages {
        match &v.group {
            Some(g) if !out.contains(g) => out.push(g.clone()),
            Some(_) => {}
            None => ungrouped = true,
        }
    }
    if !out.is_empty() && ungrouped {
        out.push(String::new());
    }
    out
}

/// The colour of group `i` of [`groups`]; the "no group" entry is grey.
pub fn group_color(groups: &[String], i: usize) -> Color {
    match groups.get(i) {
        Some(g) if g.is_empty() => NO_GROUP,
        _ => PALETTE
            .get(i.saturating_add(1).checked_rem(PALETTE.len()).unwrap_or(0))
            .copied()
            .unwrap_or(NO_GROUP),
    }
}

const NO_GROUP: Color = Color(0x8a, 0x94, 0x9e);

/// A group legend entry and the area that answers a click on it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupItem {
    /// The group's name; `""` for villages without one.
    pub group: String,
    pub label: String,
    pub color: Color,
    pub rect: Rect,
}

/// The villages (of the filtered group) that have a value for the view's metric,
/// in rank order, and the number left out for having none. Ties keep the
/// dataset's order.
pub fn ranked(ranking: &Ranking, view: &RankingView) -> (Vec<(usize, f64)>, usize) {
    let candidates = ranking.villages.iter().enumerate();
    let candidates = candidates.filter(|(_, v)| view.shows_group(&v.group));
    let total = candidates.clone().count();
    let mut rows: Vec<(usize, f64)> = candidates
        .filter_map(|(i, v)| v.values.get(view.metric).copied().flatten().map(|x| (i, x)))
        .collect();
    // Ties keep the dataset's order.
    crate::dataset::sort_keyed(&mut rows, view.descending);

    let left_out = total.saturating_sub(rows.len());
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
    pub pinned: bool,
    /// The row's marks in [`RankingLayout::marks`], moved together in transitions.
    pub marks: std::ops::Range<usize>,
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
    /// Group legend (empty when villages have no groups).
    pub legend: Vec<GroupItem>,
}

impl RankingLayout {
    pub fn new(
        dataset: &Dataset,
        ranking: &Ranking,
        view: &RankingView,
        width: f64,
    ) -> RankingLayout {
        let width = super::sane_width(width);
        let pad = padding(width);
        let zh = dataset.is_chinese();
        let metric = ranking.metrics.get(view.metric);
        let metric_label = metric.map(|m| m.label.as_str()).unwrap_or("");
        let (all_rows, left_out) = ranked(ranking, view);
        let top_n = if view.show_all {
            all_rows.len()
        } else {
            all_rows.len().min(DEFAULT_TOP)
        };
        // The top N, then pinned villages from further down, each with its true rank.
        let rows: Vec<(usize, usize, f64)> = all_rows
            .iter()
            .enumerate()
            .filter(|(r, (v, _))| *r < top_n || view.is_pinned(*v))
            .map(|(r, &(v, x))| (r.saturating_add(1), v, x))
            .collect();
        let shown = rows.len();
        let hidden = all_rows.len().saturating_sub(shown);
        let group_names = groups(ranking);
        let format = ValueFormat::for_values(
            metric.and_then(|m| m.unit.as_deref()),
            rows.iter().map(|r| r.2),
        );

        // 1. Header: the ranking's title, then metric, unit and how much is shown.
        let mut marks = Vec::new();
        let title = ranking.title.as_deref().unwrap_or(metric_label);
        let mut sub = String::new();
        if title != metric_label {
            sub.push_str(metric_label);
        }
        if let Some(unit) = format.unit_label() {
            sub.push_str(&match (zh, sub.is_empty()) {
                (true, _) => format!("（{unit}）"),
                (false, true) => format!("({unit})"),
                (false, false) => format!(" ({unit})"),
            });
        }
        let total = all_rows.len();
        let count = match (zh, top_n < total) {
            (true, true) => format!("前 {top_n} 名，共 {total} 个村"),
            (true, false) => format!("共 {total} 个村"),
            (false, true) => format!("top {top_n} of {total} villages"),
            (false, false) if total == 1 => "1 village".to_string(),
            (false, false) => format!("{total} villages"),
        };
        if !sub.is_empty() {
            sub.push_str(" · ");
        }
        sub.push_str(&count);
        let mut top = header(&mut marks, title, Some(&sub), pad, width);

        // Group legend: a swatch per town or street; the filtered one stands out.
        let mut legend = Vec::new();
        if !group_names.is_empty() {
            let (mut lx, row_h, size) = (pad, 20.0, 12.5);
            for (i, group) in group_names.iter().enumerate() {
                let label = if group.is_empty() {
                    if zh { "未分组" } else { "No group" }.to_string()
                } else {
                    fit_text(group, size, (width * 0.4).max(40.0))
                };
                let item_w = 16.0 + text_width(&label, size) + 14.0;
                if lx + item_w > width - pad && lx > pad {
                    lx = pad;
                    top += row_h;
                }
                let color = group_color(&group_names, i);
                let dimmed = view.group.as_ref().is_some_and(|g| g != group);
                marks.push(Mark::Rect {
                    rect: Rect {
                        x: lx,
                        y: top + 4.0,
                        w: 11.0,
                        h: 11.0,
                    },
                    fill: if dimmed { GRID } else { color },
                });
                let text = Mark::text(label.clone(), lx + 16.0, top + 2.0, size).color(if dimmed {
                    AXIS
                } else {
                    INK
                });
                marks.push(Mark::Text(if view.group.as_ref() == Some(group) {
                    text.bold()
                } else {
                    text
                }));
                legend.push(GroupItem {
                    group: group.clone(),
                    label,
                    color,
                    rect: Rect {
                        x: lx,
                        y: top,
                        w: item_w - 6.0,
                        h: row_h,
                    },
                });
                lx += item_w;
            }
            top += row_h;
        }
        let top = top + 8.0;

        // 2. Footer: who was left out, and the source.
        let mut notes = Vec::new();
        if left_out > 0 {
            notes.push(if zh {
                format!("另有 {left_out} 个村无“{metric_label}”数据，未列入排名")
            } else {
                match left_out {
                    1 => format!("1 village has no value for “{metric_label}” and is not ranked"),
                    n => format!(
                        "{n} villages have no value for “{metric_label}” and are not ranked"
                    ),
                }
            });
        }
        notes.extend(credit(dataset.source.as_deref(), zh));
        let height = top + shown as f64 * ROW_HEIGHT + 10.0 + footer_height(notes.len()) + pad;

        // 3. Columns: rank, name, bar, value label. Names get up to a third of the width.
        let last_rank = rows.last().map_or(1, |r| r.0);
        let rank_w = text_width(&last_rank.to_string(), 11.5) + 8.0;
        let names: Vec<&str> = rows
            .iter()
            .filter_map(|r| ranking.villages.get(r.1))
            .map(|v| v.name.as_str())
            .collect();
        let name_cap = (width * 0.34).clamp(24.0, 180.0);
        let name_w = names
            .iter()
            .map(|n| text_width(n, 13.0))
            .fold(0.0, f64::max)
            .min(name_cap);
        let labels: Vec<String> = rows
            .iter()
            .map(|&(rank, v, x)| {
                let value = format.format(x);
                match (view.is_pinned(v), zh) {
                    (true, true) => format!("{value} · 第 {rank} 名"),
                    (true, false) => format!("{value} · #{rank}"),
                    (false, _) => value,
                }
            })
            .collect();
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
            .fold((0.0f64, 0.0f64), |(lo, hi), r| (lo.min(r.2), hi.max(r.2)));
        let x = LinearScale::new((lo, hi), (plot.x, plot.right()));
        let zero = x.map(0.0);
        let single = PALETTE.get(1).copied().unwrap_or(MUTED);
        let color_of = |village: usize| {
            let group = ranking
                .villages
                .get(village)
                .map(|v| v.group.clone().unwrap_or_default());
            match group.and_then(|g| group_names.iter().position(|n| *n == g)) {
                Some(i) => group_color(&group_names, i),
                None => single,
            }
        };

        // 4. Rows.
        let mut bars = Vec::with_capacity(shown);
        for (r, (&(rank, village, value), label)) in rows.iter().zip(labels).enumerate() {
            let pinned = view.is_pinned(village);
            let first_mark = marks.len();
            let row_y = top + r as f64 * ROW_HEIGHT;
            let mid = row_y + ROW_HEIGHT / 2.0;
            let end = x.map(value);
            // A zero value still shows a sliver, so the row is not read as missing;
            // the sliver stays inside the plot even when zero is at its right edge.
            let w = (end - zero).abs().max(1.0).min(plot.w);
            let rect = Rect {
                x: zero.min(end).min(plot.right() - w),
                y: mid - BAR_HEIGHT / 2.0,
                w,
                h: BAR_HEIGHT,
            };
            if pinned {
                marks.push(Mark::Rect {
                    rect: Rect {
                        x: pad - 4.0,
                        y: row_y + 1.0,
                        w: (width - 2.0 * pad + 8.0).max(1.0),
                        h: ROW_HEIGHT - 2.0,
                    },
                    fill: PIN_BACKGROUND,
                });
            }
            let rank_text = Mark::text(rank.to_string(), pad + rank_w - 8.0, mid, 11.5)
                .align(Align::Right, Baseline::Middle);
            marks.push(Mark::Text(if pinned {
                rank_text.bold().color(INK)
            } else {
                rank_text.color(AXIS)
            }));
            let name = names.get(r).copied().unwrap_or("");
            let name_text = Mark::text(fit_text(name, 13.0, name_w), bars_x - 8.0, mid, 13.0)
                .align(Align::Right, Baseline::Middle);
            marks.push(Mark::Text(if pinned {
                name_text.bold()
            } else {
                name_text
            }));
            marks.push(Mark::Rect {
                rect,
                fill: if pinned { HIGHLIGHT } else { color_of(village) },
            });
            let (lx, align) = if value < 0.0 {
                (rect.x - 4.0, Align::Right)
            } else {
                (rect.right() + 4.0, Align::Left)
            };
            let label_text =
                Mark::text(label.clone(), lx, mid, 11.5).align(align, Baseline::Middle);
            marks.push(Mark::Text(if pinned {
                label_text.bold().color(INK)
            } else {
                label_text.color(MUTED)
            }));
            bars.push(BarMark {
                village,
                rank,
                value,
                rect,
                row: Rect {
                    x: pad,
                    y: row_y,
                    w: (width - 2.0 * pad).max(1.0),
                    h: ROW_HEIGHT,
                },
                label,
                pinned,
                marks: first_mark..marks.len(),
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
            legend,
        }
    }
}
