//! The trend in words: title, tooltips, data table and description.

use super::layout::{AnnotationMark, TrendLayout, TrendView, YearColumn};
use crate::chart::{Context, Table, Tooltip, TooltipRow, MISSING};
use crate::dataset::Trend;
use crate::text::Msg;

/// The chart's title: laid out by the layout, said by the description.
pub use super::layout::title;

/// The most series a trend tooltip lists.
pub const TOOLTIP_ROWS: usize = 12;

/// The crosshair tooltip: the year, then every visible series' value there.
pub fn tooltip(
    cx: &Context,
    trend: &Trend,
    view: &TrendView,
    layout: &TrendLayout,
    column: &YearColumn,
    line: Option<usize>,
) -> Tooltip {
    // Every shown series, in order: its value that year, or "—" (announced as
    // 无数据 / no data) where it has none, so a gap is said, not skipped. At
    // most TOOLTIP_ROWS rows (the rest counted): 3,000 counties stay readable.
    // When rows are left out, the line under the pointer and the highlighted
    // ones come first (with a few lines, the rows keep the legend's order).
    let cut = trend.series.len().saturating_sub(view.hidden.len()) > TOOLTIP_ROWS;
    let mut shown = Vec::with_capacity(trend.series.len());
    for pass in [true, false] {
        for i in 0..trend.series.len() {
            let first = cut && (Some(i) == line || view.is_highlighted(i));
            if !view.is_hidden(i) && first == pass {
                shown.push(i);
            }
        }
        // The line under the pointer before the highlighted ones.
        if let (true, true, Some(l)) = (cut, pass, line) {
            if let Some(at) = shown.iter().position(|&i| i == l) {
                shown.remove(at);
                shown.insert(0, l);
            }
        }
    }
    let mut rows: Vec<TooltipRow> = shown
        .iter()
        .take(TOOLTIP_ROWS)
        .filter_map(|&i| {
            let series = trend.series.get(i)?;
            let point = column
                .points
                .binary_search_by_key(&i, |p| p.series)
                .ok()
                .and_then(|at| column.points.get(at));
            Some(TooltipRow {
                label: series.name.clone(),
                value: point.map_or_else(
                    || MISSING.into(),
                    |p| layout.series_format(i).format(p.value),
                ),
                color: layout.colors.get(i).map(|c| c.hex()),
                numeric: point.is_some(),
            })
        })
        .collect();
    if shown.len() > TOOLTIP_ROWS {
        let more = shown.len().saturating_sub(TOOLTIP_ROWS).to_string();
        rows.push(TooltipRow {
            label: cx.words.fill(Msg::MoreRows, &[&more]),
            value: String::new(),
            color: None,
            numeric: false,
        });
    }
    let top = column
        .points
        .iter()
        .map(|p| p.y)
        .fold(f64::INFINITY, f64::min);
    Tooltip {
        heading: cx.words.year(column.year),
        rows,
        x: column.x,
        y: if top.is_finite() { top } else { layout.plot.y },
        announcement: String::new(),
    }
}

/// An annotation's full label.
pub fn annotation_tooltip(cx: &Context, a: &AnnotationMark) -> Tooltip {
    let label = |l: &String| TooltipRow {
        label: l.clone(),
        value: String::new(),
        color: None,
        numeric: false,
    };
    Tooltip {
        heading: cx.words.year(a.year),
        rows: std::iter::once(&a.label)
            .chain(&a.others)
            .take(20)
            .map(label)
            .collect(),
        x: a.x,
        y: a.rect.bottom(),
        announcement: String::new(),
    }
}

/// The trend's data: a row per year, a column per series.
pub fn table(cx: &Context, trend: &Trend, layout: &TrendLayout) -> Table {
    let mut columns = vec![cx.words.get(Msg::YearColumn).to_string()];
    columns.extend(trend.series.iter().map(|s| s.name.clone()));
    let numeric = (0..columns.len()).map(|i| i > 0).collect();
    let rows = trend
        .years()
        .into_iter()
        .map(|year| {
            let mut row = vec![year.to_string()];
            row.extend(trend.series.iter().enumerate().map(|(i, s)| {
                s.value_at(year)
                    .map_or_else(|| MISSING.into(), |v| layout.series_format(i).format(v))
            }));
            row
        })
        .collect();
    // The annotations in words (the chart draws them only): after the title.
    let mut caption = title(cx, trend);
    let notes = notes(cx, trend, (i32::MIN, i32::MAX));
    if !notes.is_empty() {
        caption.push_str(cx.words.get(Msg::SentenceEnd));
        caption.push_str(&notes);
    }
    Table {
        caption,
        columns,
        numeric,
        rows,
    }
}

/// One clause per series, as a journalist would write it: "洛龙区从2013年的
/// 3.12%降至2019年的0.36%".
///
/// Beyond [`super::layout::MAX_LEGEND`] lines a clause each would be a label
/// of thousands of clauses: the description says how many lines there are
/// and gives the clauses of the highlighted ones (the table holds them all).
/// It follows the view: the years shown (zoomed or all), without the lines
/// the reader hid, and the annotations of those years.
pub fn description(cx: &Context, trend: &Trend, layout: &TrendLayout, view: &TrendView) -> String {
    let words = cx.words;
    let n = trend.series.len();
    let highlighted = &view.highlighted;
    let parts: Vec<String> = if n > super::layout::MAX_LEGEND {
        std::iter::once(words.fill(
            Msg::ManySeries,
            &[&n.to_string(), &cx.theme.palette.len().to_string()],
        ))
        .chain(
            highlighted
                .iter()
                .filter_map(|&i| series_clause(cx, trend, layout, i)),
        )
        .collect()
    } else {
        (0..n)
            .filter(|&i| !view.is_hidden(i))
            .filter_map(|i| series_clause(cx, trend, layout, i))
            .collect()
    };
    let title = title(cx, trend);
    let mut out = if parts.is_empty() {
        words.fill(Msg::TrendDescriptionEmpty, &[&title])
    } else {
        words.fill(
            Msg::TrendDescription,
            &[&title, &parts.join(words.get(Msg::ClauseSep))],
        )
    };
    out.push_str(&notes(cx, trend, layout.years));
    out
}

/// The annotations of the years `shown` (inclusive), and those outside the
/// data's years (listed under the chart whatever the zoom), in a sentence:
/// "注释：2015年：打赢脱贫攻坚战的决定。"; empty without any.
/// At most [`NOTES`] of them, then how many more ("… 等 N 条").
pub fn notes(cx: &Context, trend: &Trend, shown: (i32, i32)) -> String {
    let words = cx.words;
    let span = super::layout::data_span(trend);
    let items = listed(
        cx,
        trend
            .annotations
            .iter()
            .filter(|a| {
                (a.year >= shown.0 && a.year <= shown.1) || a.year < span.0 || a.year > span.1
            })
            .map(|a| words.fill(Msg::AnnotationItem, &[&words.year(a.year), &a.label]))
            .collect(),
        Msg::AnnotationSeparator,
    );
    if items.is_empty() {
        return items;
    }
    words.fill(Msg::Notes, &[&items])
}

/// The most annotations said in one sentence.
pub const NOTES: usize = 10;

/// The first [`NOTES`] of `items` joined by `sep`, and how many more.
fn listed(cx: &Context, items: Vec<String>, sep: Msg) -> String {
    let words = cx.words;
    let out = items.get(..NOTES).unwrap_or(&items).join(words.get(sep));
    if items.len() > NOTES {
        let more = items.len().saturating_sub(NOTES).to_string();
        return words.fill(Msg::AnnotationMore, &[&out, &more]);
    }
    out
}

/// The labels of year `year`'s annotations, joined ("打赢脱贫攻坚战的决定").
pub fn notes_of_year(cx: &Context, trend: &Trend, year: i32) -> Option<String> {
    let labels = listed(
        cx,
        trend
            .annotations
            .iter()
            .filter(|a| a.year == year)
            .map(|a| a.label.clone())
            .collect(),
        Msg::NameSep,
    );
    (!labels.is_empty()).then_some(labels)
}

/// Series `i` in one clause: "洛龙区从2013年的3.12%降至2019年的0.36%".
pub fn series_clause(
    cx: &Context,
    trend: &Trend,
    layout: &TrendLayout,
    i: usize,
) -> Option<String> {
    let words = cx.words;
    let s = trend.series.get(i)?;
    // The years shown (zoomed, or all).
    let (first, last) = layout.years;
    let mut known = s
        .points
        .iter()
        .filter(|p| p.year >= first && p.year <= last)
        .filter_map(|p| p.value.map(|v| (p.year, v)));
    let format = layout.series_format(i);
    Some(match (known.next(), known.next_back()) {
        (None, _) => words.fill(Msg::SeriesEmpty, &[&s.name]),
        (Some((y, v)), None) => words.fill(
            Msg::SeriesSingle,
            &[&s.name, &words.year(y), &format.format(v)],
        ),
        (Some((y0, v0)), Some((y1, v1))) => {
            let (from, to) = (format.format(v0), format.format(v1));
            let msg = match (from == to, v1 > v0) {
                (true, _) => Msg::SeriesSame,
                (false, true) => Msg::SeriesRose,
                (false, false) => Msg::SeriesFell,
            };
            words.fill(
                msg,
                &[&s.name, &words.year(y0), &from, &words.year(y1), &to],
            )
        }
    })
}
