//! The ranking's layout: horizontal bars sorted by one metric, in CSS px, plus
//! the structures hit-testing reads (bars in a band scale, the group legend).

use crate::chart::{
    footer, footer_height, header, legend, legend_note, padding, Context, LegendEntry, LegendItem,
};
use crate::dataset::Ranking;
use crate::format::ValueFormat;
use crate::mark::{fit_text, text_width, Align, Baseline, Color, Mark, Rect, TextMark};
use crate::scale::{BandScale, LinearScale};
use crate::text::Msg;
use crate::theme::Theme;

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
    /// Show every village instead of the top `top`.
    pub show_all: bool,
    /// How many rows show before "show all".
    pub top: usize,
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
            top: DEFAULT_TOP,
            pinned: Vec::new(),
            group: None,
        }
    }

    pub fn is_pinned(&self, village: usize) -> bool {
        self.pinned.contains(&village)
    }

    /// Whether villages of `group` pass the group filter.
    pub fn shows_group(&self, group: Option<&str>) -> bool {
        match &self.group {
            None => true,
            Some(want) => group.unwrap_or("") == want,
        }
    }
}

/// The groups (towns, streets) in order of first appearance; `""` stands for
/// villages without one and comes last. Empty when no village has a group.
pub fn groups(ranking: &Ranking) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // A set beside the list: a national ranking has thousands of towns, and
    // a search of the list for each village took seconds.
    let mut seen: crate::hash::FxSet<&str> = crate::hash::FxSet::default();
    let mut ungrouped = false;
    for v in &ranking.villages {
        match &v.group {
            Some(g) => {
                if seen.insert(g.as_ref()) {
                    out.push(g.to_string());
                }
            }
            None => ungrouped = true,
        }
    }
    if !out.is_empty() && ungrouped {
        out.push(String::new());
    }
    out
}

/// Shapes for the named groups, in legend order, drawn in the legend and
/// beside each bar: groups differ by shape as well as colour (WCAG 1.4.1).
/// One per palette colour a group can take, so every coloured group has one.
pub const GROUP_SYMBOLS: [&str; 7] = ["●", "▲", "■", "◆", "▼", "✚", "★"];

/// The shape of group `i` of [`groups`] (none for villages without a group,
/// or when groups are too many for colours).
pub fn group_symbol(theme: &Theme, groups: &[String], i: usize) -> Option<&'static str> {
    match groups.get(i) {
        Some(g) if !g.is_empty() && colored_groups(theme, groups) => GROUP_SYMBOLS.get(i).copied(),
        _ => None,
    }
}

/// Whether groups are told apart by colour: only while every named group
/// gets its own palette colour (never a colour twice for two towns).
pub fn colored_groups(theme: &Theme, groups: &[String]) -> bool {
    let named = groups.iter().filter(|g| !g.is_empty()).count();
    named < theme.palette.len()
}

/// The colour of group `i` of [`groups`]; the "no group" entry is grey. Groups
/// start at the palette's second colour, the first being the trend's subject.
/// With more groups than colours every bar takes that second colour, and
/// groups are chosen from a menu instead of a legend.
pub fn group_color(theme: &Theme, groups: &[String], i: usize) -> Color {
    match groups.get(i) {
        Some(g) if g.is_empty() => theme.no_group,
        _ if !colored_groups(theme, groups) => theme.palette_color(1),
        _ => theme.palette_color(i.saturating_add(1)),
    }
}

/// The villages (of the filtered group) that have a value for the view's metric,
/// in rank order, and the number left out for having none. Ties keep the
/// dataset's order.
pub fn ranked(ranking: &Ranking, view: &RankingView) -> (Vec<(usize, f64)>, usize) {
    let (mut rows, left_out) = candidates(ranking, view);
    // Ties keep the dataset's order.
    crate::dataset::sort_keyed(&mut rows, view.descending);
    (rows, left_out)
}

/// The names of the shown rows, each with its group when another shown row
/// has the same name ("王屯村（镇3）"), so that twins can be told apart.
pub fn shown_names(cx: &Context, ranking: &Ranking, rows: &[RankedRow]) -> Vec<String> {
    let names: Vec<&crate::dataset::Village> = rows
        .iter()
        .filter_map(|r| ranking.villages.get(r.village))
        .collect();
    let mut seen: crate::hash::FxMap<&str, usize> = crate::hash::FxMap::default();
    for v in &names {
        let n = seen.entry(v.name.as_str()).or_insert(0);
        *n = n.saturating_add(1);
    }
    names
        .iter()
        .map(|v| match (&v.group, seen.get(v.name.as_str())) {
            (Some(group), Some(&n)) if n > 1 => {
                cx.words.fill(Msg::NameWithGroup, &[&v.name, group])
            }
            _ => v.name.clone(),
        })
        .collect()
}

/// A row the ranking shows: its rank, the village, its value, and whether
/// another village shares that value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankedRow {
    /// Competition ranking, as news rankings print ties: 1, 1, 3. One more
    /// than the number of villages with a strictly better value.
    pub rank: usize,
    pub village: usize,
    pub value: f64,
    /// Another village (shown or not) has the same value: "并列第 1 名".
    pub tied: bool,
}

/// Whether two values tie (0 and -0 do).
fn same(a: f64, b: f64) -> bool {
    a == b
}

/// The rows the ranking shows: the top N (all of them with "show all"), then
/// pinned villages from further down, each with its true rank (ties share
/// one); with the number of villages that have a value, and the number left
/// out for having none. Without "show all" the top N are found by selection
/// and only they are sorted: a metric switch at 500,000 villages sorted all
/// of them (about 160 ms in the browser) to show 15.
pub fn top_rows(ranking: &Ranking, view: &RankingView) -> (Vec<RankedRow>, usize, usize) {
    if view.show_all {
        let (all, left_out) = ranked(ranking, view);
        let total = all.len();
        let ranks = competition_ranks(&all);
        let rows = all
            .iter()
            .zip(ranks)
            .enumerate()
            .map(|(i, (&(village, value), rank))| {
                let neighbour = |j: Option<usize>| {
                    j.and_then(|j| all.get(j))
                        .is_some_and(|&(_, x)| same(x, value))
                };
                RankedRow {
                    rank,
                    village,
                    value,
                    tied: neighbour(i.checked_sub(1)) || neighbour(i.checked_add(1)),
                }
            })
            .collect();
        return (rows, total, left_out);
    }
    let (all, left_out) = candidates(ranking, view);
    let total = all.len();
    let before = crate::dataset::keyed_order(view.descending);
    let head = best(&all, view.top, before);
    // Pinned villages below the top N.
    let last = head.last().copied();
    let mut pinned: Vec<(usize, f64)> = all
        .iter()
        .filter(|row| view.is_pinned(row.0))
        .filter(|row| last.is_some_and(|last| before(row, &last) == std::cmp::Ordering::Greater))
        .copied()
        .collect();
    pinned.sort_unstable_by(before);
    // One pass over every village: for each shown value, how many villages
    // beat it and how many share it (a rank and a tie need the rows not shown).
    let shown: Vec<f64> = head.iter().chain(&pinned).map(|&(_, x)| x).collect();
    let mut better = vec![0usize; shown.len()];
    let mut equal = vec![0usize; shown.len()];
    for &(_, x) in &all {
        for ((&value, b), e) in shown.iter().zip(&mut better).zip(&mut equal) {
            if same(x, value) {
                *e = e.saturating_add(1);
            } else if (x > value) == view.descending {
                *b = b.saturating_add(1);
            }
        }
    }
    let rows = head
        .iter()
        .chain(&pinned)
        .zip(better.iter().zip(&equal))
        .map(|(&(village, value), (&b, &e))| RankedRow {
            rank: b.saturating_add(1),
            village,
            value,
            tied: e > 1,
        })
        .collect();
    (rows, total, left_out)
}

/// Competition ranks of rows already in rank order: 1, 1, 3.
pub fn competition_ranks(rows: &[(usize, f64)]) -> Vec<usize> {
    let mut ranks: Vec<usize> = Vec::with_capacity(rows.len());
    let mut previous: Option<(f64, usize)> = None;
    for (i, &(_, value)) in rows.iter().enumerate() {
        let rank = match previous {
            Some((x, rank)) if same(x, value) => rank,
            _ => i.saturating_add(1),
        };
        previous = Some((value, rank));
        ranks.push(rank);
    }
    ranks
}

/// The first `k` of `rows` in `before` order, sorted: one pass that keeps the
/// best so far in order (a row that does not beat the k-th is one comparison).
/// At 500,000 villages and k = 15 this is a few milliseconds, against a sort
/// of them all; and it is less code in the wasm than `select_nth_unstable`.
fn best(
    rows: &[(usize, f64)],
    k: usize,
    before: impl Fn(&(usize, f64), &(usize, f64)) -> std::cmp::Ordering,
) -> Vec<(usize, f64)> {
    let mut out: Vec<(usize, f64)> = Vec::with_capacity(k.min(rows.len()).saturating_add(1));
    if k == 0 {
        return out;
    }
    for &row in rows {
        if out.len() == k
            && out
                .last()
                .is_some_and(|last| before(&row, last) != std::cmp::Ordering::Less)
        {
            continue;
        }
        let at = out.partition_point(|x| before(x, &row) == std::cmp::Ordering::Less);
        out.insert(at, row);
        out.truncate(k);
    }
    out
}

/// The first `k` villages in rank order (fewer when fewer have a value), the
/// number that have a value, and the number left out for having none.
pub fn top_k(ranking: &Ranking, view: &RankingView, k: usize) -> (Vec<(usize, f64)>, usize, usize) {
    let (rows, left_out) = candidates(ranking, view);
    let top = best(&rows, k, crate::dataset::keyed_order(view.descending));
    (top, rows.len(), left_out)
}

/// The villages (of the filtered group) that have a value for the view's
/// metric, in dataset order, and the number left out for having none.
fn candidates(ranking: &Ranking, view: &RankingView) -> (Vec<(usize, f64)>, usize) {
    let mut total = 0usize;
    let rows: Vec<(usize, f64)> = ranking
        .villages
        .iter()
        .enumerate()
        .filter(|(_, v)| view.shows_group(v.group.as_deref()))
        .inspect(|_| total = total.saturating_add(1))
        .filter_map(|(i, v)| v.values.get(view.metric).copied().flatten().map(|x| (i, x)))
        .collect();
    let left_out = total.saturating_sub(rows.len());
    (rows, left_out)
}

/// A drawn bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarMark {
    /// Index into [`Ranking::villages`].
    pub village: usize,
    /// 1-based rank under the current sort; villages with the same value
    /// share one (competition ranking: 1, 1, 3).
    pub rank: usize,
    /// Another village has the same value.
    pub tied: bool,
    pub value: f64,
    pub rect: Rect,
    /// The whole row (name, bar and label): what a pointer over the row selects.
    pub row: Rect,
    pub label: String,
    pub pinned: bool,
    /// The row's marks in [`RankingLayout::marks`], moved together in transitions.
    pub marks: std::ops::Range<usize>,
    /// The bar's own rect mark in [`RankingLayout::marks`] (it grows in transitions).
    pub bar_mark: usize,
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
    /// The rows' geometry: bar `i` is row `i`.
    pub rows: BandScale,
    /// Villages with a value that are not shown (beyond the top N).
    pub hidden: usize,
    /// Villages with no value for this metric.
    pub left_out: usize,
    pub format: ValueFormat,
    /// Group legend (empty when villages have no groups); items index `groups`.
    pub legend: Vec<LegendItem>,
    /// The groups the legend stands for (see [`groups`]).
    pub groups: Vec<String>,
}

impl RankingLayout {
    /// Lays the ranking out at `width` CSS px, in the numbered steps below.
    pub fn new(cx: &Context, ranking: &Ranking, view: &RankingView, width: f64) -> RankingLayout {
        let width = crate::chart::sane_width(width);
        let page = Page {
            cx,
            ranking,
            view,
            width,
            pad: padding(width),
        };
        let pad = page.pad;
        let metric = ranking.metrics.get(view.metric);
        let metric_label = metric.map(|m| m.label.as_str()).unwrap_or("");
        let (rows, total, left_out) = top_rows(ranking, view);
        let shown = rows.len();
        let hidden = total.saturating_sub(shown);
        let group_names = groups(ranking);
        let colored = colored_groups(&cx.theme, &group_names);
        let format = cx.metric_format(view.metric);

        // 1. Header: the ranking's title, then metric, unit and how much is
        //    shown; the group legend.
        let mut marks = Vec::new();
        let top = page.draw_header(metric_label, &format, total, &mut marks);
        let (legend, top) = page.draw_group_legend(&group_names, colored, top, &mut marks);
        let top = top + 8.0;

        // 2. Footer: who was left out, and the source.
        let notes = page.footer_notes(left_out, metric_label);
        let height = top + shown as f64 * ROW_HEIGHT + 10.0 + footer_height(notes.len()) + pad;

        // 3. Columns: rank, name, group shape, bar, value label; the value scale.
        let names = shown_names(cx, ranking, &rows);
        let labels = page.value_labels(&rows, &format);
        let symbols = colored && !group_names.is_empty();
        let (columns, labels) = page.columns(&rows, &names, labels, symbols);
        let plot = columns.plot(&page, top, shown);
        let (lo, hi) = value_range(&rows);
        let x = LinearScale::new(
            (lo, hi),
            ((plot.x + columns.left_w).min(plot.right()), plot.right()),
        );
        let band = BandScale {
            start: top,
            step: ROW_HEIGHT,
            count: shown,
        };

        // 4. Rows, and the zero line when bars go both ways.
        let plan = RowPlan {
            page: &page,
            columns: &columns,
            x,
            zero: x.map(0.0),
            plot,
            band,
            names: &names,
            groups: GroupStyle::new(&cx.theme, ranking, &group_names),
        };
        let bars = plan.draw_rows(&rows, labels, &mut marks);
        if lo < 0.0 {
            plan.draw_zero_line(&mut marks);
        }
        footer(cx, &mut marks, &notes, pad, width, height);
        RankingLayout {
            width,
            height,
            plot,
            x,
            marks,
            bars,
            rows: band,
            hidden,
            left_out,
            format,
            legend,
            groups: group_names,
        }
    }
}

/// What every step of the layout reads: the chart's context, the data, the
/// reader's view, and the width (and outer padding) it is laid out at.
struct Page<'a> {
    cx: &'a Context,
    ranking: &'a Ranking,
    view: &'a RankingView,
    width: f64,
    pad: f64,
}

/// The horizontal plan every row follows, in CSS px.
struct Columns {
    /// Room for the rank numbers.
    rank_w: f64,
    /// Room for the names: the longest, at most a third of the width.
    name_w: f64,
    /// The slot for the group's shape between the name and the bar (0 without).
    symbol_w: f64,
    /// Where the bars' area (the plot) starts.
    bars_x: f64,
    /// Room for value labels left of negative bars.
    left_w: f64,
    /// Room for value labels right of positive bars.
    right_w: f64,
}

impl Columns {
    /// The bars' area from `top`: from the bars' column to the room kept
    /// for labels on the right, a row for each of `shown` villages.
    fn plot(&self, page: &Page, top: f64, shown: usize) -> Rect {
        Rect {
            x: self.bars_x,
            y: top,
            w: (page.width - page.pad - self.right_w - self.bars_x).max(1.0),
            h: shown as f64 * ROW_HEIGHT,
        }
    }
}

/// The smallest and largest of the rows' values, with zero (bars start at zero).
fn value_range(rows: &[RankedRow]) -> (f64, f64) {
    rows.iter().fold((0.0f64, 0.0f64), |(lo, hi), r| {
        (lo.min(r.value), hi.max(r.value))
    })
}

impl Page<'_> {
    /// Draws the title and the line under it (metric, unit and how many of
    /// the `total` villages show); returns the y below them.
    fn draw_header(
        &self,
        metric_label: &str,
        format: &ValueFormat,
        total: usize,
        marks: &mut Vec<Mark>,
    ) -> f64 {
        let (cx, view, words) = (self.cx, self.view, self.cx.words);
        let top_n = if view.show_all {
            total
        } else {
            total.min(view.top)
        };
        let title = cx
            .title
            .as_deref()
            .or(self.ranking.title.as_deref())
            .unwrap_or(metric_label);
        let mut sub = String::new();
        if title != metric_label {
            sub.push_str(metric_label);
        }
        if let Some(unit) = format.unit_label() {
            sub = words.with_unit(&sub, &unit);
        }
        if !sub.is_empty() {
            sub.push_str(" · ");
        }
        let all = words.count(total, &cx.item);
        sub.push_str(&if top_n < total {
            words.fill(Msg::TopOf, &[&top_n.to_string(), &all])
        } else {
            words.fill(Msg::AllOf, &[&all])
        });
        header(cx, marks, title, Some(&sub), self.pad, self.width)
    }

    /// Draws the group legend from `top`: a swatch per town or street, the
    /// filtered one standing out; with too many groups for colours
    /// (`colored` false), one line saying how many. Returns the legend and
    /// the y below it.
    fn draw_group_legend(
        &self,
        group_names: &[String],
        colored: bool,
        top: f64,
        marks: &mut Vec<Mark>,
    ) -> (Vec<LegendItem>, f64) {
        let (cx, view, words) = (self.cx, self.view, self.cx.words);
        let (theme, pad, width) = (&cx.theme, self.pad, self.width);
        let entries: Vec<LegendEntry> = group_names
            .iter()
            .take(if colored { usize::MAX } else { 0 })
            .enumerate()
            .map(|(i, group)| LegendEntry {
                label: if group.is_empty() {
                    words.get(Msg::NoGroup).to_string()
                } else {
                    group.clone()
                },
                color: group_color(theme, group_names, i),
                active: view.group.as_ref().is_none_or(|g| g == group),
                bold: view.group.as_ref() == Some(group),
                symbol: group_symbol(theme, group_names, i),
            })
            .collect();
        let (legend, top) = legend(cx, marks, &entries, pad, width, top);
        if colored {
            return (legend, top);
        }
        let n = group_names
            .iter()
            .filter(|g| !g.is_empty())
            .count()
            .to_string();
        let line = match &view.group {
            Some(g) => words.fill(Msg::ManyGroupsFiltered, &[&n, g]),
            None => words.fill(Msg::ManyGroups, &[&n]),
        };
        (legend, legend_note(cx, marks, &line, pad, width, top))
    }

    /// The footer's lines: how many villages have no value for the metric
    /// (when any), then the credit.
    fn footer_notes(&self, left_out: usize, metric_label: &str) -> Vec<String> {
        let (cx, words) = (self.cx, self.cx.words);
        let mut notes = Vec::new();
        if left_out > 0 {
            let msg = if left_out == 1 {
                Msg::LeftOutOne
            } else {
                Msg::LeftOutMany
            };
            notes.push(words.fill(msg, &[&words.count(left_out, &cx.item), metric_label]));
        }
        notes.extend(cx.credit());
        notes
    }

    /// Each row's value label: the value, and for a pinned village its rank
    /// ("1,200元 · 第 3 名").
    fn value_labels(&self, rows: &[RankedRow], format: &ValueFormat) -> Vec<String> {
        let words = self.cx.words;
        rows.iter()
            .map(|r| {
                let value = format.format(r.value);
                if self.view.is_pinned(r.village) {
                    let msg = if r.tied {
                        Msg::PinnedValueTied
                    } else {
                        Msg::PinnedValue
                    };
                    words.fill(msg, &[&value, &r.rank.to_string()])
                } else {
                    value
                }
            })
            .collect()
    }

    /// Measures the columns for these rows, their `names` and value `labels`
    /// (with a slot for group shapes when `symbols`); returns them and the
    /// labels, cut where they would take the bars' room.
    fn columns(
        &self,
        rows: &[RankedRow],
        names: &[String],
        labels: Vec<String>,
        symbols: bool,
    ) -> (Columns, Vec<String>) {
        let (pad, width) = (self.pad, self.width);
        let last_rank = rows.last().map_or(1, |r| r.rank);
        // The estimate can be short for Latin names: 4 px more keeps ranks off them.
        let rank_w = text_width(&last_rank.to_string(), 11.5) + 12.0;
        // Names get up to a third of the width.
        let name_cap = (width * 0.34).clamp(24.0, 180.0);
        let name_w = names
            .iter()
            .map(|n| text_width(n, 13.0))
            .fold(0.0, f64::max)
            .min(name_cap);
        // Value labels sit outside each bar's end: right of positive bars,
        // left of negative ones. Each side gets room for its widest label, so
        // a negative bar's label never covers the names or leaves the chart.
        let side_w = |negative: bool| {
            rows.iter()
                .zip(&labels)
                .filter(|(r, _)| (r.value < 0.0) == negative)
                .map(|(_, l)| text_width(l, 11.5) + 6.0)
                .fold(0.0, f64::max)
        };
        let (left_w, right_w) = (side_w(true), side_w(false));
        // Labels never take the bars: a long unit or call-out is cut so the
        // plot keeps at least half the chart's width (the whole text is in the
        // tooltip, the table and the description).
        // Ordinary labels ("-800.00万元", 90 px a side) are never cut, even on
        // a 320 px phone where the plot cannot keep half.
        let room = (width / 2.0 - pad - rank_w - name_w - 8.0).max((left_w + right_w).min(180.0));
        let (labels, left_w, right_w) = if left_w + right_w > room {
            cut_labels(rows, labels, room, (left_w, right_w))
        } else {
            (labels, left_w, right_w)
        };
        let symbol_w = if symbols { 12.0 } else { 0.0 };
        let columns = Columns {
            rank_w,
            name_w,
            symbol_w,
            bars_x: pad + rank_w + name_w + 8.0 + symbol_w,
            left_w,
            right_w,
        };
        (columns, labels)
    }
}

/// The value labels cut to share `room` between the two sides in proportion
/// to their widths (`left_w`, `right_w`); with each side's new width.
fn cut_labels(
    rows: &[RankedRow],
    labels: Vec<String>,
    room: f64,
    (left_w, right_w): (f64, f64),
) -> (Vec<String>, f64, f64) {
    let share = |w: f64| room * w / (left_w + right_w);
    let (left_cap, right_cap) = (share(left_w), share(right_w));
    let labels: Vec<String> = rows
        .iter()
        .zip(labels)
        .map(|(r, l)| {
            let cap = if r.value < 0.0 { left_cap } else { right_cap };
            fit_text(&l, 11.5, (cap - 6.0).max(12.0))
        })
        .collect();
    (labels, left_w.min(left_cap), right_w.min(right_cap))
}

/// A bar's colour and shape by its group, through an index (10,000 towns
/// must not mean 10,000 comparisons per bar).
struct GroupStyle<'a> {
    theme: &'a Theme,
    ranking: &'a Ranking,
    /// The groups, in legend order (see [`groups`]).
    names: &'a [String],
    index: crate::hash::FxMap<&'a str, usize>,
}

impl<'a> GroupStyle<'a> {
    fn new(theme: &'a Theme, ranking: &'a Ranking, names: &'a [String]) -> Self {
        let index = names
            .iter()
            .enumerate()
            .map(|(i, g)| (g.as_str(), i))
            .collect();
        GroupStyle {
            theme,
            ranking,
            names,
            index,
        }
    }

    /// The colour of `village`'s bar: its group's, or the one colour of
    /// ungrouped rankings.
    fn color(&self, village: usize) -> Color {
        let group = self
            .ranking
            .villages
            .get(village)
            .map(|v| v.group.as_deref().unwrap_or_default());
        match group.and_then(|g| self.index.get(g)) {
            Some(&i) => group_color(self.theme, self.names, i),
            None => self.theme.palette_color(1),
        }
    }

    /// The shape drawn beside `village`'s name, if its group has one.
    fn symbol(&self, village: usize) -> Option<&'static str> {
        self.ranking
            .villages
            .get(village)
            .and_then(|v| self.index.get(v.group.as_deref().unwrap_or_default()))
            .and_then(|&i| group_symbol(self.theme, self.names, i))
    }
}

/// What drawing the rows reads: the page, the columns, the value scale (and
/// where zero is on it), the plot, the rows' band, the names shown and the
/// groups' colours and shapes.
struct RowPlan<'a> {
    page: &'a Page<'a>,
    columns: &'a Columns,
    x: LinearScale,
    zero: f64,
    plot: Rect,
    band: BandScale,
    names: &'a [String],
    groups: GroupStyle<'a>,
}

impl RowPlan<'_> {
    /// Draws every row, each with its value label; returns the bars.
    fn draw_rows(
        &self,
        rows: &[RankedRow],
        labels: Vec<String>,
        marks: &mut Vec<Mark>,
    ) -> Vec<BarMark> {
        let mut bars = Vec::with_capacity(rows.len());
        for (r, (row, label)) in rows.iter().zip(labels).enumerate() {
            bars.push(self.draw_row(r, row, label, marks));
        }
        bars
    }

    /// Draws row `r`: the pinned band, rank, group shape, name, bar and
    /// value label, in that order; returns the bar, with its marks' range.
    fn draw_row(&self, r: usize, row: &RankedRow, label: String, marks: &mut Vec<Mark>) -> BarMark {
        let RankedRow {
            rank,
            village,
            value,
            tied,
        } = *row;
        let (page, theme) = (self.page, &self.page.cx.theme);
        let (pad, width) = (page.pad, page.width);
        let pinned = page.view.is_pinned(village);
        let first_mark = marks.len();
        let row_y = self.band.top(r);
        let mid = self.band.middle(r);
        let rect = self.bar_rect(value, mid);
        if pinned {
            marks.push(Mark::Rect {
                rect: Rect {
                    x: pad - 4.0,
                    y: row_y + 1.0,
                    w: (width - 2.0 * pad + 8.0).max(1.0),
                    h: ROW_HEIGHT - 2.0,
                },
                fill: theme.pin_background,
            });
        }
        self.draw_rank_and_name(r, rank, village, pinned, mid, marks);
        let bar_mark = marks.len();
        marks.push(Mark::Rect {
            rect,
            fill: if pinned {
                theme.highlight
            } else {
                self.groups.color(village)
            },
        });
        self.draw_value_label(&label, (rect, mid), value < 0.0, pinned, marks);
        BarMark {
            village,
            rank,
            tied,
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
            bar_mark,
        }
    }

    /// The bar for `value` centred on `mid`, from zero to the value. A zero
    /// value still shows a sliver, so the row is not read as missing; the
    /// sliver stays inside the plot even when zero is at its right edge.
    fn bar_rect(&self, value: f64, mid: f64) -> Rect {
        let (zero, plot) = (self.zero, self.plot);
        let end = self.x.map(value);
        let w = (end - zero).abs().max(1.0).min(plot.w);
        Rect {
            x: zero.min(end).min(plot.right() - w),
            y: mid - BAR_HEIGHT / 2.0,
            w,
            h: BAR_HEIGHT,
        }
    }

    /// Draws row `r`'s rank, its group's shape and its name (bold when pinned)
    /// on the line `mid`.
    fn draw_rank_and_name(
        &self,
        r: usize,
        rank: usize,
        village: usize,
        pinned: bool,
        mid: f64,
        marks: &mut Vec<Mark>,
    ) {
        let (cx, pad, columns) = (self.page.cx, self.page.pad, self.columns);
        let bars_x = columns.bars_x;
        let rank_text = cx
            .text(rank.to_string(), pad + columns.rank_w - 8.0, mid, 11.5)
            .align(Align::Right, Baseline::Middle);
        marks.push(self.row_text(rank_text, pinned));
        let name = self.names.get(r).map_or("", String::as_str);
        let name_text = cx
            .text(
                fit_text(name, 13.0, columns.name_w),
                bars_x - 8.0 - columns.symbol_w,
                mid,
                13.0,
            )
            .align(Align::Right, Baseline::Middle);
        if let Some(symbol) = self.groups.symbol(village) {
            marks.push(Mark::Text(
                cx.text(symbol, bars_x - 9.0, mid, 10.0)
                    .color(self.groups.color(village))
                    .align(Align::Center, Baseline::Middle),
            ));
        }
        marks.push(Mark::Text(if pinned {
            name_text.bold()
        } else {
            name_text
        }));
    }

    /// Draws a bar's value label on the line `mid`, outside the bar's end:
    /// right of a positive bar, left of a `negative` one; bold and dark when
    /// `pinned`.
    fn draw_value_label(
        &self,
        label: &str,
        (rect, mid): (Rect, f64),
        negative: bool,
        pinned: bool,
        marks: &mut Vec<Mark>,
    ) {
        let cx = self.page.cx;
        let (lx, align) = if negative {
            (rect.x - 4.0, Align::Right)
        } else {
            (rect.right() + 4.0, Align::Left)
        };
        let label_text = cx.text(label, lx, mid, 11.5).align(align, Baseline::Middle);
        marks.push(self.row_text(label_text, pinned));
    }

    /// A rank or value label: grey, or bold and dark on a pinned row.
    fn row_text(&self, text: TextMark, pinned: bool) -> Mark {
        let theme = &self.page.cx.theme;
        Mark::Text(if pinned {
            text.bold().color(theme.ink)
        } else {
            text.color(theme.muted)
        })
    }

    /// Draws the zero line, for bars that go both ways.
    fn draw_zero_line(&self, marks: &mut Vec<Mark>) {
        let (zero, plot) = (self.zero.round(), self.plot);
        marks.push(Mark::Line {
            points: vec![(zero, plot.y), (zero, plot.bottom())],
            color: self.page.cx.theme.axis,
            width: 1.0,
        });
    }
}
