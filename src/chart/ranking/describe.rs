//! The ranking in words: title, tooltips, data table and description.

use super::layout::{top_k, BarMark, RankingLayout, RankingView};
use crate::chart::{Context, Table, Tooltip, TooltipRow, MISSING, TABLE_ROWS};
use crate::dataset::Ranking;
use crate::format::{group_thousands, ValueFormat};
use crate::text::Msg;

/// The label of the view's metric.
pub fn metric_label<'a>(ranking: &'a Ranking, view: &RankingView) -> &'a str {
    ranking
        .metrics
        .get(view.metric)
        .map(|m| m.label.as_str())
        .unwrap_or_default()
}

/// The figure's title: the ranking's title with the metric shown.
pub fn title(cx: &Context, ranking: &Ranking, view: &RankingView) -> String {
    let metric = metric_label(ranking, view);
    match cx.title.as_ref().or(ranking.title.as_ref()) {
        Some(t) if t != metric && !metric.is_empty() => {
            cx.words.fill(Msg::TitleWithMetric, &[t, metric])
        }
        Some(t) => t.clone(),
        None => metric.to_string(),
    }
}

/// Village `village`'s name as sentences and tooltips say it: with its group
/// when another village has the same name ("王屯村（镇3）").
#[inline(never)]
pub fn name(cx: &Context, ranking: &Ranking, village: usize) -> String {
    let Some(v) = ranking.villages.get(village) else {
        return String::new();
    };
    let twin = ranking
        .villages
        .iter()
        .filter(|other| other.name == v.name)
        .nth(1)
        .is_some();
    match &v.group {
        Some(group) if twin => cx.words.fill(Msg::NameWithGroup, &[&v.name, group]),
        _ => v.name.clone(),
    }
}

/// A bar's tooltip: rank and village, group, and every metric's value.
pub fn tooltip(cx: &Context, ranking: &Ranking, bar: &BarMark) -> Option<Tooltip> {
    let village = ranking.villages.get(bar.village)?;
    let mut rows = Vec::new();
    if let Some(group) = &village.group {
        rows.push(TooltipRow {
            label: cx.words.get(Msg::GroupColumn).into(),
            value: group.to_string(),
            color: None,
            numeric: false,
        });
    }
    for (m, metric) in ranking.metrics.iter().enumerate() {
        let value = village.values.get(m).copied().flatten();
        let format = cx.metric_format(m);
        rows.push(TooltipRow {
            label: metric.label.clone(),
            value: value.map_or_else(|| MISSING.into(), |v| format.format(v)),
            color: None,
            numeric: value.is_some(),
        });
    }
    Some(Tooltip {
        heading: cx.words.fill(
            if bar.tied {
                Msg::RankHeadingTied
            } else {
                Msg::RankHeading
            },
            &[&bar.rank.to_string(), &name(cx, ranking, bar.village)],
        ),
        rows,
        x: bar.rect.right(),
        y: bar.rect.y,
        announcement: String::new(),
    })
}

/// The ranking's data in the current order; villages without a value come last.
pub fn table(cx: &Context, ranking: &Ranking, view: &RankingView) -> Table {
    let words = cx.words;
    let grouped = ranking.villages.iter().any(|v| v.group.is_some());
    let item = &cx.item;
    let mut columns: Vec<String> = vec![words.get(Msg::RankColumn).into(), capitalised(&item.one)];
    if grouped {
        columns.push(words.get(Msg::GroupColumn).into());
    }
    columns.extend(ranking.metrics.iter().map(|m| match &m.unit {
        Some(u) => words.with_unit(&m.label, u),
        None => m.label.clone(),
    }));
    let numeric = columns
        .iter()
        .enumerate()
        .map(|(i, _)| i == 0 || i >= if grouped { 3 } else { 2 })
        .collect();
    let formats: Vec<ValueFormat> = (0..ranking.metrics.len())
        .map(|m| cx.metric_format(m))
        .collect();
    // A screen reader or a copy-paste has no use for 100,000 rows, and building
    // them would stall the page: the table stops at TABLE_ROWS and says so.
    // Only those rows are sorted (a table follows every metric switch).
    let (order, with_value, left_out) = top_k(ranking, view, TABLE_ROWS);
    let total = with_value.saturating_add(left_out);
    let ranks = crate::chart::ranking::layout::competition_ranks(&order);
    let ranked_ids = order
        .iter()
        .zip(ranks)
        .map(|(&(i, _), rank)| (Some(rank), i))
        .chain(
            ranking
                .villages
                .iter()
                .enumerate()
                .filter(|(_, v)| {
                    view.shows_group(v.group.as_deref())
                        && v.values.get(view.metric).copied().flatten().is_none()
                })
                .map(|(i, _)| (None, i)),
        );
    let rows = ranked_ids
        .take(TABLE_ROWS)
        .filter_map(|(rank, i)| {
            let village = ranking.villages.get(i)?;
            let mut row = vec![
                rank.map_or_else(|| MISSING.into(), |r| r.to_string()),
                village.name.clone(),
            ];
            if grouped {
                row.push(village.group.as_deref().unwrap_or_default().to_string());
            }
            row.extend(
                village
                    .values
                    .iter()
                    .zip(&formats)
                    .map(|(v, f)| v.map_or_else(|| MISSING.into(), |v| f.format(v))),
            );
            Some(row)
        })
        .collect();
    let mut caption = title(cx, ranking, view);
    if total > TABLE_ROWS {
        caption.push_str(&words.fill(
            Msg::TableCut,
            &[
                &group_thousands(TABLE_ROWS as f64, 0),
                &group_thousands(total as f64, 0),
                &item.many,
                &item.one,
            ],
        ));
    }
    Table {
        caption,
        columns,
        numeric,
        rows,
    }
}

/// "Village" from "village"; Chinese is unchanged.
fn capitalised(word: &str) -> String {
    // ASCII only: full Unicode case tables would cost the wasm kilobytes.
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => std::iter::once(c.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

/// The leader in a sentence, then the next two: "王屯村的村集体经济收入在 7 个村中
/// 排第一，为 200,000 元；其后是…".
pub fn description(
    cx: &Context,
    ranking: &Ranking,
    view: &RankingView,
    layout: &RankingLayout,
) -> String {
    let name_value = |b: &BarMark| -> Option<(String, String)> {
        ranking.villages.get(b.village)?;
        Some((name(cx, ranking, b.village), layout.format.format(b.value)))
    };
    let total = layout.bars.len().saturating_add(layout.hidden);
    let words = cx.words;
    let title = title(cx, ranking, view);
    let Some(first) = layout.bars.first() else {
        return words.fill(Msg::RankingDescriptionEmpty, &[&title]);
    };
    // Every village with a value has the same one: no village is first.
    let reversed = RankingView {
        descending: !view.descending,
        ..view.clone()
    };
    let (last, with_value, _) = top_k(ranking, &reversed, 1);
    if with_value > 1 && last.first().is_some_and(|&(_, x)| x == first.value) {
        let mut out = words.fill(
            Msg::RankingDescriptionAllEqual,
            &[
                &title,
                &words.count(with_value, &cx.item),
                metric_label(ranking, view),
                &layout.format.format(first.value),
            ],
        );
        out.push_str(words.get(Msg::SentenceEnd));
        return out;
    }
    // Leaders that tie are named together; then the next two.
    let leaders: Vec<&BarMark> = layout.bars.iter().take_while(|b| b.rank == 1).collect();
    let leader_names: Vec<String> = leaders
        .iter()
        .take(3)
        .map(|b| name(cx, ranking, b.village))
        .collect();
    let rest: Vec<String> = layout
        .bars
        .iter()
        .skip(leaders.len())
        .take(2)
        .filter_map(name_value)
        .map(|(n, v)| format!("{n} {v}"))
        .collect();
    let (msg, name) = if leaders.len() > 1 {
        (
            Msg::RankingDescriptionTied,
            leader_names.join(words.get(Msg::NameSep)),
        )
    } else {
        (
            Msg::RankingDescription,
            leader_names.into_iter().next().unwrap_or_default(),
        )
    };
    let mut out = words.fill(
        msg,
        &[
            &title,
            &name,
            metric_label(ranking, view),
            &words.count(total, &cx.item),
            &layout.format.format(first.value),
        ],
    );
    if !rest.is_empty() {
        out.push_str(&words.fill(
            Msg::RankingDescriptionRest,
            &[&rest.join(words.get(Msg::ListSep))],
        ));
    }
    out.push_str(words.get(Msg::SentenceEnd));
    out
}
