//! The two chart kinds, each in its own rooms ([`trend`], [`ranking`]: view
//! state, layout, hit-testing, description), and what they share: the
//! [`Context`] a chart is drawn in (dataset, theme, words), the chrome
//! (header, footer, one legend layout), and the word types (tooltip, table,
//! controls) the DOM layer shows. [`crate::engine`] is the one place that
//! dispatches on the kind.

pub mod ranking;
pub mod trend;

use std::rc::Rc;

use crate::dataset::Dataset;
use serde::Serialize;

use crate::action::{Action, Changed, Refusal, Request};
use crate::mark::{fit_text, text_width, Mark, Rect, TextMark};
use crate::text::{Item, Lang, Msg, Words};
use crate::theme::{Color, Theme};

/// What a chart is drawn with: its data, colours and words.
#[derive(Clone)]
pub struct Context {
    pub dataset: Rc<Dataset>,
    pub theme: Theme,
    pub lang: Lang,
    pub words: Words,
    /// What a ranking ranks, in the chart's language.
    pub item: Item,
    /// A title that replaces the dataset's (an embed's `chart-title`).
    pub title: Option<String>,
    /// Each ranking metric's number format, made once from all its values
    /// when first asked for, so that the bars, the tooltip, the table and the
    /// exports write one value with one text.
    metric_formats: Vec<std::cell::OnceCell<crate::format::ValueFormat>>,
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("theme", &self.theme.name)
            .field("lang", &self.lang)
            .field("item", &self.item)
            .finish()
    }
}

impl Context {
    pub fn new(dataset: Rc<Dataset>, theme: Theme, lang: Lang) -> Context {
        let words = lang.words();
        let item = dataset
            .ranking
            .as_ref()
            .and_then(|r| r.item.clone())
            .map(|(one, many)| Item { one, many })
            .unwrap_or_else(|| Item {
                one: words.get(Msg::Village).into(),
                many: words.get(Msg::Villages).into(),
            });
        let metrics = dataset.ranking.as_ref().map_or(0, |r| r.metrics.len());
        Context {
            dataset,
            theme,
            lang,
            words,
            item,
            title: None,
            metric_formats: vec![std::cell::OnceCell::new(); metrics],
        }
    }

    /// How metric `m`'s values are written everywhere: decimals and 万 as all
    /// of its values need (not only the rows shown).
    pub fn metric_format(&self, m: usize) -> crate::format::ValueFormat {
        let make = || {
            let ranking = self.dataset.ranking.as_ref();
            crate::format::ValueFormat::for_values_in(
                ranking
                    .and_then(|r| r.metrics.get(m))
                    .and_then(|metric| metric.unit.as_deref()),
                ranking
                    .into_iter()
                    .flat_map(|r| &r.villages)
                    .filter_map(|v| v.values.get(m).copied().flatten()),
                self.lang == Lang::Zh,
            )
        };
        match self.metric_formats.get(m) {
            Some(cell) => cell.get_or_init(make).clone(),
            None => make(),
        }
    }

    /// A text mark in the theme's ink.
    pub(crate) fn text(&self, text: impl Into<String>, x: f64, y: f64, size: f64) -> TextMark {
        self.ink_text(text.into(), x, y, size)
    }

    /// [`Context::text`]'s work, compiled once rather than at each of its
    /// two dozen callers.
    #[inline(never)]
    fn ink_text(&self, text: String, x: f64, y: f64, size: f64) -> TextMark {
        Mark::text(text, x, y, size, self.theme.ink)
    }

    /// The credit line under a chart.
    pub(crate) fn credit(&self) -> Option<String> {
        self.dataset
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| self.words.fill(Msg::Source, &[s]))
    }
}

/// What a reader action did: what changed and what to announce, or why it
/// was refused.
pub(crate) type Applied = Result<(Changed, Option<String>), Refusal>;

/// What one chart kind does. Each kind lives in its own module and answers
/// only the actions that apply to it; the rest are refused with a reason.
pub(crate) trait ChartRoom {
    /// Lays the chart out again (new width, theme or words).
    fn relayout(&mut self, cx: &Context, width: f64);
    /// Width and height in CSS px.
    fn size(&self) -> (f64, f64);
    /// What the base canvas shows.
    fn marks(&self) -> &[Mark];
    /// What the overlay shows: hover and selection, cheap to compute.
    fn overlay(&self, cx: &Context) -> Vec<Mark>;
    /// The tooltip for what is focused now.
    fn tooltip(&self, cx: &Context) -> Option<Tooltip>;
    /// The figure's accessible name.
    fn title(&self, cx: &Context) -> String;
    /// What the chart shows, in sentences.
    fn description(&self, cx: &Context) -> String;
    /// The chart's data.
    fn table(&self, cx: &Context) -> Table;
    /// The controls the chart wants shown, with their state and labels.
    fn controls(&self, cx: &Context) -> Vec<Control>;
    /// A reader action; `Ok(changed, announcement)` or a refusal.
    fn apply(&mut self, cx: &Context, width: f64, action: &Action) -> Applied;
    /// The top (CSS px) of what is focused, to scroll it into view.
    fn focus_top(&self) -> Option<f64> {
        None
    }
    /// The base marks `t` (0–1) through a pending transition, `None` when none is.
    fn transition_marks(&mut self, _t: f64) -> Option<Vec<Mark>> {
        None
    }
}

/// A tooltip: a heading and label/value rows, anchored at a point in CSS px.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tooltip {
    pub heading: String,
    pub rows: Vec<TooltipRow>,
    pub x: f64,
    pub y: f64,
    /// The tooltip as one sentence, for the chart's live region.
    pub announcement: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TooltipRow {
    pub label: String,
    pub value: String,
    /// `#rrggbb` of the series, if the row stands for one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// The value is a number (shown whole, never wrapped), not a text such as
    /// a group's name or "—".
    pub numeric: bool,
}

impl Tooltip {
    /// Fills in the announcement: the tooltip as one sentence, with missing
    /// values said to be missing.
    pub(crate) fn announced(mut self, words: Words) -> Tooltip {
        let parts: Vec<String> = self
            .rows
            .iter()
            .map(|r| {
                let value = if r.value == MISSING {
                    words.get(Msg::NoData)
                } else {
                    r.value.as_str()
                };
                format!("{} {}", r.label, value).trim().to_string()
            })
            .collect();
        self.announcement = words.sentence(&self.heading, &parts);
        self
    }
}

/// How a missing value is written in tooltips and tables.
pub const MISSING: &str = "—";

/// The most rows a ranking's data table lists.
pub const TABLE_ROWS: usize = 1000;

/// A data table: what the chart shows, for screen readers and for copying.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<String>,
    /// Which columns hold numbers (right-aligned, never wrapped).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

/// A control the chart wants shown under it. Each carries the [`Request`]
/// it sends, so the DOM layer draws controls without knowing the chart kind.
/// Crosses to JavaScript tagged by `type` (`"legend"`, `"select"`, …).
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Control {
    /// Toggle buttons with a swatch: series (trend) or groups (ranking).
    Legend {
        id: &'static str,
        label: String,
        items: Vec<LegendControl>,
    },
    /// A choice of one (the metric, a group); `selected` is the position of
    /// the chosen option.
    Select {
        id: &'static str,
        label: String,
        options: Vec<Choice>,
        selected: usize,
    },
    /// A button; `pressed` for toggles.
    Button {
        id: &'static str,
        label: String,
        pressed: Option<bool>,
        hidden: bool,
        /// Shown but able to do nothing more (zoomed in as far as it goes):
        /// `aria-disabled`, still focusable.
        disabled: bool,
        action: Request,
    },
    /// Find by name: typing sends [`Request::Search`], submitting
    /// [`Request::PinSearch`], each with the text typed.
    Search {
        label: String,
        placeholder: String,
        button: String,
        status: String,
    },
}

/// One option of a [`Control::Select`] and what choosing it sends.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub label: String,
    pub action: Request,
}

/// One legend toggle and what a press sends.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendControl {
    pub label: String,
    pub color: String,
    /// The group's shape, when it has one (see [`LegendEntry::symbol`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<&'static str>,
    pub pressed: bool,
    /// The series' or group's position, for native callers (not sent to JS:
    /// `action` names it).
    #[serde(skip)]
    pub index: usize,
    pub action: Request,
}

/// A legend entry to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub color: Color,
    /// Drawn in full colour (else dimmed: a hidden series, a filtered-out group).
    pub active: bool,
    /// Drawn bold (the group filtered to).
    pub bold: bool,
    /// A shape drawn instead of the square swatch, so entries differ by more
    /// than colour (WCAG 1.4.1): the ranking's groups.
    pub symbol: Option<&'static str>,
}

/// A laid-out legend entry and the area that answers a click on it.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    /// Index of the entry (series or group).
    pub index: usize,
    pub label: String,
    pub color: Color,
    pub rect: Rect,
}

/// The one legend layout: swatch and label per entry, wrapping into rows.
/// Returns the items and the y below the legend.
pub(crate) fn legend(
    cx: &Context,
    marks: &mut Vec<Mark>,
    entries: &[LegendEntry],
    pad: f64,
    width: f64,
    top: f64,
) -> (Vec<LegendItem>, f64) {
    let (mut lx, mut top, row_h, size) = (pad, top, 20.0, 12.5);
    let mut items = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        let label = fit_text(&entry.label, size, (width * 0.4).max(40.0));
        let item_w = 16.0 + text_width(&label, size) + 14.0;
        if lx + item_w > width - pad && lx > pad {
            lx = pad;
            top += row_h;
        }
        let theme = &cx.theme;
        let (swatch, ink) = if entry.active {
            (entry.color, theme.ink)
        } else {
            (theme.grid, theme.axis)
        };
        match entry.symbol {
            Some(symbol) => marks.push(Mark::Text(
                cx.text(symbol, lx + 5.5, top + 10.0, 12.0)
                    .color(swatch)
                    .align(crate::mark::Align::Center, crate::mark::Baseline::Middle),
            )),
            None => marks.push(Mark::Rect {
                rect: Rect {
                    x: lx,
                    y: top + 4.0,
                    w: 11.0,
                    h: 11.0,
                },
                fill: swatch,
            }),
        }
        let text = cx
            .text(label.clone(), lx + 16.0, top + 2.0, size)
            .color(ink);
        marks.push(Mark::Text(if entry.bold { text.bold() } else { text }));
        items.push(LegendItem {
            index,
            label,
            color: entry.color,
            rect: Rect {
                x: lx,
                y: top,
                w: item_w - 6.0,
                h: row_h,
            },
        });
        lx += item_w;
    }
    if !entries.is_empty() {
        top += row_h;
    }
    (items, top)
}

/// The legend entry under the pointer.
pub(crate) fn legend_at(items: &[LegendItem], x: f64, y: f64) -> Option<usize> {
    items
        .iter()
        .find(|item| item.rect.contains(x, y))
        .map(|item| item.index)
}

/// A grey line under the legend, cut to the width, where a legend cannot say
/// it all (too many series, too many groups). Returns the y below it.
pub(crate) fn legend_note(
    cx: &Context,
    marks: &mut Vec<Mark>,
    text: &str,
    pad: f64,
    width: f64,
    top: f64,
) -> f64 {
    marks.push(Mark::Text(
        cx.text(
            fit_text(text, 12.5, width - 2.0 * pad),
            pad,
            top + 2.0,
            12.5,
        )
        .color(cx.theme.muted),
    ));
    top + 20.0
}

/// Header texts shared by both charts: a bold title and an optional grey subtitle,
/// each cut to the width. Returns the y just below them.
pub(crate) fn header(
    cx: &Context,
    marks: &mut Vec<Mark>,
    title: &str,
    subtitle: Option<&str>,
    pad: f64,
    width: f64,
) -> f64 {
    let inner = (width - 2.0 * pad).max(0.0);
    let mut y = pad;
    marks.push(Mark::Text(
        cx.text(fit_text(title, 17.0, inner), pad, y, 17.0).bold(),
    ));
    y += 24.0;
    if let Some(sub) = subtitle {
        marks.push(Mark::Text(
            cx.text(fit_text(sub, 13.0, inner), pad, y, 13.0)
                .color(cx.theme.muted),
        ));
        y += 19.0;
    }
    y
}

/// Footer lines (footnotes, then the source credit) at the bottom of a chart of
/// `height`. Returns the y where the footer begins.
pub(crate) fn footer(
    cx: &Context,
    marks: &mut Vec<Mark>,
    lines: &[String],
    pad: f64,
    width: f64,
    height: f64,
) -> f64 {
    let inner = (width - 2.0 * pad).max(0.0);
    let top = height - pad - footer_height(lines.len());
    for (i, line) in lines.iter().enumerate() {
        marks.push(Mark::Text(
            cx.text(
                fit_text(line, 11.5, inner),
                pad,
                top + i as f64 * 16.0,
                11.5,
            )
            .color(cx.theme.muted),
        ));
    }
    top
}

/// Height the footer will take for `lines` lines.
pub(crate) fn footer_height(lines: usize) -> f64 {
    lines as f64 * 16.0
}

/// A usable width: at least 1 px, at most 100,000 px (no screen or export is
/// wider, and beyond that label positions lose precision), and 1 for NaN.
pub(crate) fn sane_width(width: f64) -> f64 {
    if width.is_nan() {
        1.0
    } else {
        width.clamp(1.0, 100_000.0)
    }
}

/// The outer padding: tighter on phones.
pub(crate) fn padding(width: f64) -> f64 {
    if width < 480.0 {
        8.0
    } else {
        12.0
    }
}

/// Items whose name contains `query` (ASCII case folded), in order: the
/// ranking's villages, the trend's lines.
/// (A `dyn` iterator: one copy of the code in the wasm for both charts.)
pub(crate) fn search(names: &mut dyn Iterator<Item = &str>, query: &str) -> Vec<usize> {
    // ASCII folding only: Chinese has no case, and full Unicode case tables
    // would cost the wasm several kilobytes.
    let query = query.trim().to_ascii_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let query = query.as_bytes();
    let Some(&first) = query.first() else {
        return Vec::new();
    };
    // Compared in place, byte windows against the query: no lowered copy of
    // each name (at 500,000 villages, a copy per name per keystroke was most
    // of a search's time). A byte window of a UTF-8 name matches the UTF-8
    // query only where a whole character sequence does. The first byte is
    // checked inline; only a window that starts alike is compared whole.
    names
        .enumerate()
        .filter(|(_, name)| {
            name.as_bytes().windows(query.len()).any(|w| {
                w.first().is_some_and(|b| b.to_ascii_lowercase() == first)
                    && w.eq_ignore_ascii_case(query)
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// The search box's status: empty, "not found" or how many match.
pub(crate) fn search_status(words: Words, query: &str, found: usize) -> String {
    match (query.trim().is_empty(), found) {
        (true, _) => String::new(),
        (false, 0) => words.get(Msg::NotFound).into(),
        (false, n) => words.fill(Msg::Found, &[&n.to_string()]),
    }
}

/// Sets the search box's `status` for `found` matches of `query`: the
/// controls changed when the status did. (Both charts' search.)
pub(crate) fn update_search_status(
    status: &mut String,
    words: Words,
    query: &str,
    found: usize,
) -> crate::action::Changed {
    let new = search_status(words, query, found);
    if new == *status {
        return crate::action::Changed::NOTHING;
    }
    *status = new;
    crate::action::Changed {
        controls: true,
        ..crate::action::Changed::NOTHING
    }
}

/// The item after, before, first or last in `items` from position `at`.
pub(crate) fn step<T: Copy>(items: &[T], at: Option<usize>, key: crate::action::Key) -> Option<T> {
    use crate::action::Key;
    let last = items.len().checked_sub(1)?;
    let i = match (key, at) {
        (Key::Clear, _) => return None,
        (Key::First, _) | (Key::Next, None) => 0,
        (Key::Last, _) | (Key::Previous, None) => last,
        (Key::Next | Key::NextLine, Some(i)) => i.saturating_add(1).min(last),
        (Key::Previous | Key::PreviousLine, Some(i)) => i.saturating_sub(1),
        (Key::NextLine, None) => 0,
        (Key::PreviousLine, None) => last,
        (Key::Select, at) => at?,
    };
    items.get(i).copied()
}
