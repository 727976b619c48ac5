//! What a chart says in words: tooltips, the data table, the accessible summary.
//!
//! All strings are plain text. The web layer puts them in the page with
//! `textContent`, never as markup.

use serde::Serialize;

use crate::dataset::{Dataset, Ranking, Trend};
use crate::format::ValueFormat;
use crate::layout::ranking::{ranked, BarMark, RankingView};
use crate::layout::trend::{AnnotationMark, YearColumn};
use crate::layout::{RankingLayout, TrendLayout};

/// A tooltip: a heading and label/value rows, anchored at a point in CSS px.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tooltip {
    pub heading: String,
    pub rows: Vec<TooltipRow>,
    pub x: f64,
    pub y: f64,
    /// The tooltip as one sentence, for an `aria-live` region (filled by [`crate::Chart`]).
    pub announcement: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TooltipRow {
    pub label: String,
    pub value: String,
    /// `#rrggbb` of the series, if the row stands for one.
    pub color: Option<String>,
}

impl Tooltip {
    /// The tooltip as one line, for an `aria-live` announcement.
    pub fn sentence(&self) -> String {
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|r| format!("{} {}", r.label, r.value).trim().to_string())
            .collect();
        format!("{}: {}", self.heading, rows.join(", "))
    }
}

/// The most rows a ranking's data table lists.
pub const TABLE_ROWS: usize = 1000;

/// A data table: what the chart shows, for screen readers and for copying.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn year_label(year: i32, zh: bool) -> String {
    if zh {
        format!("{year}年")
    } else {
        year.to_string()
    }
}

/// The crosshair tooltip: the year, then every visible series' value there.
pub fn trend_tooltip(
    dataset: &Dataset,
    trend: &Trend,
    layout: &TrendLayout,
    column: &YearColumn,
) -> Tooltip {
    let rows = column
        .points
        .iter()
        .filter_map(|p| {
            let series = trend.series.get(p.series)?;
            Some(TooltipRow {
                label: series.name.clone(),
                value: layout.series_format(p.series).format(p.value),
                color: layout.colors.get(p.series).map(|c| c.hex()),
            })
        })
        .collect();
    let top = column
        .points
        .iter()
        .map(|p| p.y)
        .fold(f64::INFINITY, f64::min);
    Tooltip {
        heading: year_label(column.year, dataset.is_chinese()),
        rows,
        x: column.x,
        y: if top.is_finite() { top } else { layout.plot.y },
        announcement: String::new(),
    }
}

/// An annotation's full label.
pub fn annotation_tooltip(dataset: &Dataset, a: &AnnotationMark) -> Tooltip {
    Tooltip {
        heading: year_label(a.year, dataset.is_chinese()),
        rows: vec![TooltipRow {
            label: a.label.clone(),
            value: String::new(),
            color: None,
        }],
        x: a.x,
        y: a.rect.bottom(),
        announcement: String::new(),
    }
}

/// A bar's tooltip: rank and village, group, and every metric's value.
pub fn ranking_tooltip(dataset: &Dataset, ranking: &Ranking, bar: &BarMark) -> Tooltip {
    let zh = dataset.is_chinese();
    let Some(village) = ranking.villages.get(bar.village) else {
        return Tooltip {
            heading: String::new(),
            rows: Vec::new(),
            x: bar.rect.right(),
            y: bar.rect.y,
            announcement: String::new(),
        };
    };
    let mut rows = Vec::new();
    if let Some(group) = &village.group {
        rows.push(TooltipRow {
            label: if zh { "镇/街道" } else { "Group" }.into(),
            value: group.clone(),
            color: None,
        });
    }
    for (m, metric) in ranking.metrics.iter().enumerate() {
        let value = village.values.get(m).copied().flatten();
        let format = ValueFormat::for_values(metric.unit.as_deref(), value);
        rows.push(TooltipRow {
            label: metric.label.clone(),
            value: value.map_or_else(|| "—".into(), |v| format.format(v)),
            color: None,
        });
    }
    Tooltip {
        heading: if zh {
            format!("第 {} 名 · {}", bar.rank, village.name)
        } else {
            format!("#{} · {}", bar.rank, village.name)
        },
        rows,
        x: bar.rect.right(),
        y: bar.rect.y,
        announcement: String::new(),
    }
}

/// The trend's data: a row per year, a column per series.
pub fn trend_table(dataset: &Dataset, trend: &Trend, layout: &TrendLayout) -> Table {
    let zh = dataset.is_chinese();
    let mut columns = vec![if zh { "年份" } else { "Year" }.to_string()];
    columns.extend(trend.series.iter().map(|s| s.name.clone()));
    let rows = trend
        .years()
        .into_iter()
        .map(|year| {
            let mut row = vec![year.to_string()];
            row.extend(trend.series.iter().enumerate().map(|(i, s)| {
                s.value_at(year)
                    .map_or_else(|| "—".into(), |v| layout.series_format(i).format(v))
            }));
            row
        })
        .collect();
    Table {
        caption: trend_title(dataset, trend),
        columns,
        rows,
    }
}

/// The ranking's data in the current order; villages without a value come last.
pub fn ranking_table(dataset: &Dataset, ranking: &Ranking, view: &RankingView) -> Table {
    let zh = dataset.is_chinese();
    let grouped = ranking.villages.iter().any(|v| v.group.is_some());
    let mut columns: Vec<String> = if zh {
        vec!["排名".into(), "村".into()]
    } else {
        vec!["Rank".into(), "Village".into()]
    };
    if grouped {
        columns.push(if zh { "镇/街道" } else { "Group" }.into());
    }
    columns.extend(ranking.metrics.iter().map(|m| match &m.unit {
        Some(u) => format!("{}（{u}）", m.label),
        None => m.label.clone(),
    }));
    let formats: Vec<ValueFormat> = ranking
        .metrics
        .iter()
        .enumerate()
        .map(|(m, metric)| {
            ValueFormat::for_values(
                metric.unit.as_deref(),
                ranking
                    .villages
                    .iter()
                    .filter_map(|v| v.values.get(m).copied().flatten()),
            )
        })
        .collect();
    let (order, _) = ranked(ranking, view);
    let ranked_ids: Vec<(Option<usize>, usize)> = order
        .iter()
        .enumerate()
        .map(|(rank, &(i, _))| (Some(rank.saturating_add(1)), i))
        .chain(
            ranking
                .villages
                .iter()
                .enumerate()
                .filter(|(_, v)| {
                    view.shows_group(&v.group)
                        && v.values.get(view.metric).copied().flatten().is_none()
                })
                .map(|(i, _)| (None, i)),
        )
        .collect();
    let total = ranked_ids.len();
    // A screen reader or a copy-paste has no use for 100,000 rows, and building
    // them would stall the page: the table stops at TABLE_ROWS and says so.
    let rows = ranked_ids
        .into_iter()
        .take(TABLE_ROWS)
        .filter_map(|(rank, i)| {
            let village = ranking.villages.get(i)?;
            let mut row = vec![
                rank.map_or_else(|| "—".into(), |r| r.to_string()),
                village.name.clone(),
            ];
            if grouped {
                row.push(village.group.clone().unwrap_or_default());
            }
            row.extend(
                village
                    .values
                    .iter()
                    .zip(&formats)
                    .map(|(v, f)| v.map_or_else(|| "—".into(), |v| f.format(v))),
            );
            Some(row)
        })
        .collect();
    let mut caption = ranking_title(ranking, view);
    if total > TABLE_ROWS {
        let (shown, all) = (
            crate::format::group_thousands(TABLE_ROWS as f64, 0),
            crate::format::group_thousands(total as f64, 0),
        );
        caption.push_str(&if zh {
            format!("（表中列出前 {shown} 个，共 {all} 个村）")
        } else {
            format!(" (the first {shown} of {all} villages)")
        });
    }
    Table {
        caption,
        columns,
        rows,
    }
}

pub fn trend_title(dataset: &Dataset, trend: &Trend) -> String {
    trend
        .title
        .clone()
        .or_else(|| dataset.title.clone())
        .unwrap_or_else(|| {
            if dataset.is_chinese() {
                "趋势"
            } else {
                "Trend"
            }
            .into()
        })
}

pub fn ranking_title(ranking: &Ranking, view: &RankingView) -> String {
    let metric = ranking
        .metrics
        .get(view.metric)
        .map(|m| m.label.clone())
        .unwrap_or_default();
    match &ranking.title {
        Some(t) if *t != metric && !metric.is_empty() => format!("{t}：{metric}"),
        Some(t) => t.clone(),
        None => metric,
    }
}

/// One sentence per series: first and last value, for the canvas' accessible name.
pub fn trend_summary(dataset: &Dataset, trend: &Trend, layout: &TrendLayout) -> String {
    let zh = dataset.is_chinese();
    let parts: Vec<String> = trend
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let mut known = s.points.iter().filter_map(|p| p.value.map(|v| (p.year, v)));
            let first = known.next()?;
            let format = layout.series_format(i);
            let f = |(y, v): (i32, f64)| format!("{} {}", year_label(y, zh), format.format(v));
            Some(match (known.next_back(), zh) {
                (None, true) => format!("{}：{}", s.name, f(first)),
                (None, false) => format!("{}: {}", s.name, f(first)),
                (Some(last), true) => format!("{}：{} 至 {}", s.name, f(first), f(last)),
                (Some(last), false) => format!("{}: {} to {}", s.name, f(first), f(last)),
            })
        })
        .collect();
    let title = trend_title(dataset, trend);
    if zh {
        format!("折线图，{title}。{}", parts.join("；"))
    } else {
        format!("Line chart: {title}. {}", parts.join("; "))
    }
}

/// The top of the ranking in words, for the canvas' accessible name.
pub fn ranking_summary(
    dataset: &Dataset,
    ranking: &Ranking,
    view: &RankingView,
    layout: &RankingLayout,
) -> String {
    let zh = dataset.is_chinese();
    let top: Vec<String> = layout
        .bars
        .iter()
        .take(3)
        .filter_map(|b| {
            let v = ranking.villages.get(b.village)?;
            Some(format!("{} {}", v.name, b.label))
        })
        .collect();
    let title = ranking_title(ranking, view);
    if zh {
        format!("条形图，{title}。前列：{}", top.join("，"))
    } else {
        format!("Bar chart: {title}. Leading: {}", top.join(", "))
    }
}
