//! The poverty-rate trend: view state and the reader's actions on it.
//! [`layout`] places the marks, [`hit`] finds what is under the pointer,
//! [`describe`] puts it into words.

pub mod describe;
pub mod hit;
pub mod layout;

pub use layout::{AnnotationMark, PointMark, TrendLayout, TrendView, YearColumn};

use super::{Applied, ChartRoom, Context, Control, LegendControl, Table, Tooltip};
use crate::action::{Action, Changed, ChartKind, Key, Refusal, Request};
use crate::dataset::Trend;
use crate::mark::{fit_text, text_width, Align, Baseline, Mark, Rect};
use crate::text::Msg;

/// How far (CSS px) outside a zoom selection a year's column may be and
/// still be taken.
const ZOOM_SLOP: f64 = 2.0;

/// What the pointer (or keyboard) is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    Year(i32),
    Annotation(usize),
}

/// A trend chart's state: the view, its layout, focus and a drag in progress.
#[derive(Debug, Clone)]
pub struct TrendChart {
    view: TrendView,
    layout: TrendLayout,
    focus: Option<Focus>,
    /// The line under the pointer (or stepped to with ↑/↓): highlighted on
    /// the overlay until the pointer moves off it.
    line: Option<usize>,
    /// A zoom selection being dragged, in CSS px.
    drag: Option<(f64, f64)>,
    /// The search box's status (how many lines match, or what was highlighted).
    search_status: String,
}

fn trend(cx: &Context) -> Result<&Trend, Refusal> {
    cx.dataset
        .trend
        .as_ref()
        .ok_or(Refusal::NoSuchChart(ChartKind::Trend))
}

fn not_for_trend(action: &Action) -> Refusal {
    Refusal::NotForKind {
        action: action.name(),
        kind: ChartKind::Trend,
    }
}

impl TrendChart {
    pub fn new(cx: &Context, width: f64) -> Result<TrendChart, Refusal> {
        let view = TrendView::default();
        let layout = TrendLayout::new(cx, trend(cx)?, &view, width);
        Ok(TrendChart {
            view,
            layout,
            focus: None,
            line: None,
            drag: None,
            search_status: String::new(),
        })
    }

    /// The line under the pointer or stepped to, if any.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// Highlights series `i` or stops highlighting it; says which.
    #[inline(never)]
    fn toggle_highlight(&mut self, cx: &Context, width: f64, i: usize) -> Result<String, Refusal> {
        let name = trend(cx)?
            .series
            .get(i)
            .map(|s| s.name.clone())
            .ok_or(Refusal::NoSuchItem {
                action: "highlight",
                index: i,
            })?;
        let on = !self.view.is_highlighted(i);
        self.view.highlighted.retain(|&h| h != i);
        if on {
            self.view.highlighted.push(i);
            // A hidden line is shown to be highlighted.
            self.view.hidden.retain(|&h| h != i);
        }
        self.relayout(cx, width);
        let msg = if on {
            Msg::Highlighted
        } else {
            Msg::Unhighlighted
        };
        Ok(cx.words.fill(msg, &[&name]))
    }

    /// The overlay for a highlighted line: a veil over the others, the line
    /// in the accent colour, and its name at its end unless drawn there already.
    #[inline(never)]
    fn line_overlay(&self, cx: &Context, i: usize, marks: &mut Vec<Mark>) {
        let (l, theme) = (&self.layout, &cx.theme);
        let Some(series) = cx.dataset.trend.as_ref().and_then(|t| t.series.get(i)) else {
            return;
        };
        marks.push(Mark::Shade {
            rect: l.plot,
            fill: theme.background,
            alpha: 0.75,
        });
        let (first, last) = l.years;
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for p in series
            .points
            .iter()
            .filter(|p| p.year >= first && p.year <= last)
        {
            match (p.value, runs.last_mut()) {
                (Some(v), Some(run)) => run.push((l.x.map(p.year as f64), l.y.map(v))),
                (None, Some(run)) if !run.is_empty() => runs.push(Vec::new()),
                _ => {}
            }
        }
        for run in runs {
            for &(cx_, cy) in &run {
                marks.push(Mark::Circle {
                    cx: cx_,
                    cy,
                    r: 3.5,
                    fill: theme.highlight,
                    stroke: theme.background,
                });
            }
            if run.len() > 1 {
                marks.push(Mark::Line {
                    points: run,
                    color: theme.highlight,
                    width: 3.0,
                });
            }
        }
        let Some(trend) = cx.dataset.trend.as_ref() else {
            return;
        };
        if l.labels.iter().any(|d| d.series == i) {
            return;
        }
        let Some((px, py)) = layout::line_end(trend, i, &l.x, &l.y, l.years) else {
            return;
        };
        let name_w = text_width(&series.name, layout::LABEL_SIZE);
        let right = l.width - crate::chart::padding(l.width);
        // Beside the end where there is room, else inside the plot, ending at
        // the end point, on a patch of background.
        let rect = layout::label_box(name_w, px, py, l.plot, right, &[]).unwrap_or_else(|| {
            let w = name_w.min(px - l.plot.x - 4.0).max(0.0);
            Rect {
                x: px - 4.0 - w,
                y: (py - 22.0).max(l.plot.y),
                w,
                h: 14.0,
            }
        });
        marks.push(Mark::Rect {
            rect: Rect {
                x: rect.x - 2.0,
                w: rect.w + 4.0,
                ..rect
            },
            fill: theme.background,
        });
        marks.push(Mark::Text(
            cx.text(
                fit_text(&series.name, layout::LABEL_SIZE, rect.w),
                rect.x,
                rect.y + rect.h / 2.0,
                layout::LABEL_SIZE,
            )
            .bold()
            .align(Align::Left, Baseline::Middle),
        ));
    }

    /// The layout, for tests and hit-testing.
    pub fn layout(&self) -> &TrendLayout {
        &self.layout
    }

    pub fn view(&self) -> &TrendView {
        &self.view
    }

    fn set_years(&mut self, cx: &Context, width: f64, years: Option<(i32, i32)>) -> Option<String> {
        self.view.years = years;
        self.focus = None;
        self.relayout(cx, width);
        Some(match years {
            Some((a, b)) => cx
                .words
                .fill(Msg::Zoomed, &[&a.to_string(), &b.to_string()]),
            None => cx.words.get(Msg::ZoomReset).into(),
        })
    }

    /// Every year the data spans (with the annotations within it), for zooming.
    fn all_years(cx: &Context) -> Vec<i32> {
        let Some(trend) = cx.dataset.trend.as_ref() else {
            return Vec::new();
        };
        // Merged in place (years() is sorted): no sort, so no second copy of
        // the sort code in the wasm.
        let mut years = trend.years();
        let span = layout::data_span(trend);
        for a in &trend.annotations {
            if a.year < span.0 || a.year > span.1 {
                continue;
            }
            if let Err(at) = years.binary_search(&a.year) {
                years.insert(at, a.year);
            }
        }
        years
    }

    /// Zoom in around the focused year (or the middle): half as many years,
    /// never fewer than two. `None` when no closer view exists.
    fn zoom_in(&self, cx: &Context) -> Option<(i32, i32)> {
        let years = Self::all_years(cx);
        let shown: Vec<i32> = match self.view.years {
            Some((a, b)) => years
                .iter()
                .copied()
                .filter(|y| *y >= a && *y <= b)
                .collect(),
            None => years,
        };
        if shown.len() <= 2 {
            return None;
        }
        let keep = (shown.len() / 2).max(2);
        let centre = match self.focus {
            Some(Focus::Year(y)) => shown.iter().position(|&s| s == y),
            _ => None,
        }
        .unwrap_or(shown.len() / 2);
        let start = centre
            .saturating_sub(keep / 2)
            .min(shown.len().saturating_sub(keep));
        let first = shown.get(start)?;
        let last = shown.get(start.saturating_add(keep).saturating_sub(1))?;
        Some((*first, *last))
    }

    /// Zoom out: twice as many years, `None` (everything) when that is all.
    fn zoom_out(&self, cx: &Context) -> Option<Option<(i32, i32)>> {
        let (a, b) = self.view.years?;
        let years = Self::all_years(cx);
        let first = years.iter().position(|&y| y >= a)?;
        let last = years.iter().rposition(|&y| y <= b)?;
        let count = last.saturating_sub(first).saturating_add(1);
        let grow = (count / 2).saturating_add(1);
        let start = first.saturating_sub(grow);
        let end = last.saturating_add(grow).min(years.len().saturating_sub(1));
        if start == 0 && end == years.len().saturating_sub(1) {
            return Some(None);
        }
        Some(Some((*years.get(start)?, *years.get(end)?)))
    }
}

impl ChartRoom for TrendChart {
    fn relayout(&mut self, cx: &Context, width: f64) {
        if let Some(trend) = &cx.dataset.trend {
            self.layout = TrendLayout::new(cx, trend, &self.view, width);
        }
    }

    fn size(&self) -> (f64, f64) {
        (self.layout.width, self.layout.height)
    }

    fn marks(&self) -> &[Mark] {
        &self.layout.marks
    }

    fn overlay(&self, cx: &Context) -> Vec<Mark> {
        let l = &self.layout;
        let theme = &cx.theme;
        let mut marks = Vec::new();
        if let Some(i) = self.line {
            self.line_overlay(cx, i, &mut marks);
        }
        if let Some(Focus::Year(year)) = self.focus {
            if let Some(column) = hit::column_index(l, year).and_then(|i| l.columns.get(i)) {
                let x = column.x.round();
                marks.push(Mark::Line {
                    points: vec![(x, l.plot.y), (x, l.plot.bottom())],
                    color: theme.axis,
                    width: 1.0,
                });
                for p in &column.points {
                    // With a line highlighted, only its point (and the
                    // highlighted ones') is ringed: the others are greyed.
                    let on_top = self.line == Some(p.series) || self.view.is_highlighted(p.series);
                    let fill = if on_top {
                        theme.highlight
                    } else if self.line.is_some() || !self.view.highlighted.is_empty() {
                        continue;
                    } else {
                        l.colors.get(p.series).copied().unwrap_or(theme.axis)
                    };
                    marks.push(Mark::Circle {
                        cx: p.x,
                        cy: p.y,
                        r: 6.0,
                        fill,
                        stroke: theme.background,
                    });
                }
            }
        }
        if let Some((x0, x1)) = self.drag {
            let a = x0.min(x1).max(l.plot.x);
            let b = x0.max(x1).min(l.plot.right());
            if b > a {
                marks.push(Mark::Shade {
                    rect: Rect {
                        x: a,
                        y: l.plot.y,
                        w: b - a,
                        h: l.plot.h,
                    },
                    fill: theme.selection,
                    alpha: 0.15,
                });
            }
        }
        marks
    }

    fn tooltip(&self, cx: &Context) -> Option<Tooltip> {
        let trend = cx.dataset.trend.as_ref()?;
        let l = &self.layout;
        let tip = match self.focus? {
            Focus::Year(year) => {
                let column = l.columns.get(hit::column_index(l, year)?)?;
                let tip = describe::tooltip(cx, trend, &self.view, l, column, self.line)
                    .announced(cx.words);
                // That year's annotations are said first: "2015年：打赢脱贫攻坚战的决定；洛龙区 …".
                if let Some(notes) = describe::notes_of_year(cx, trend, year) {
                    let words = cx.words;
                    let sep = words.get(Msg::HeadingSep);
                    let mut said = words.sentence(&tip.heading, &[notes]);
                    // What the rows say, after "2015年：".
                    let from = tip.heading.len().saturating_add(sep.len());
                    if let Some(rest) = tip.announcement.get(from..).filter(|r| !r.is_empty()) {
                        said.push_str(words.get(Msg::ClauseSep));
                        said.push_str(rest);
                    }
                    return Some(Tooltip {
                        announcement: said,
                        ..tip
                    });
                }
                return Some(tip);
            }
            Focus::Annotation(i) => describe::annotation_tooltip(cx, hit::annotation(l, i)?),
        };
        Some(tip.announced(cx.words))
    }

    fn title(&self, cx: &Context) -> String {
        trend(cx)
            .map(|t| describe::title(cx, t))
            .unwrap_or_default()
    }

    fn description(&self, cx: &Context) -> String {
        trend(cx)
            .map(|t| describe::description(cx, t, &self.layout, &self.view))
            .unwrap_or_default()
    }

    fn table(&self, cx: &Context) -> Table {
        match trend(cx) {
            Ok(t) => describe::table(cx, t, &self.layout),
            Err(_) => Table::default(),
        }
    }

    fn controls(&self, cx: &Context) -> Vec<Control> {
        let words = cx.words;
        let mut controls = Vec::new();
        if let Ok(trend) = trend(cx) {
            if trend.series.len() > 1 && trend.series.len() <= layout::MAX_LEGEND {
                controls.push(self.legend_control(cx, trend));
            }
            if trend.series.len() > layout::MAX_LEGEND {
                // Too many lines for legend buttons: find one by name, and
                // the highlighted ones listed to remove them.
                controls.push(Control::Search {
                    label: words.get(Msg::SearchLines).into(),
                    placeholder: words.get(Msg::SearchPlaceholder).into(),
                    button: words.get(Msg::HighlightButton).into(),
                    status: self.search_status.clone(),
                });
            }
            if trend.series.len() > layout::MAX_LEGEND && !self.view.highlighted.is_empty() {
                controls.push(self.highlighted_control(cx, trend));
            }
        }
        self.push_zoom_controls(cx, &mut controls);
        controls
    }

    fn apply(&mut self, cx: &Context, width: f64, action: &Action) -> Applied {
        let view = |said: Option<String>| Ok((Changed::VIEW, said));
        match *action {
            Action::Pointer(x, y) => Ok((self.point_at(x, y), None)),
            Action::Leave => Ok((self.leave(), None)),
            Action::Key(key) => self.press(cx, width, key),
            Action::Click(x, y) => match hit::legend_at(&self.layout, x, y) {
                Some(series) => self.apply(cx, width, &Action::Legend(series)),
                None => Ok((Changed::NOTHING, None)),
            },
            Action::Legend(series) => view(Some(self.toggle_series(cx, width, series)?)),
            Action::Highlight(i) => view(Some(self.toggle_highlight(cx, width, i)?)),
            Action::Search(ref query) => self.count_matches(cx, query),
            Action::PinSearch(ref query) => self.highlight_match(cx, width, query),
            Action::Drag(x0, x1) => {
                self.drag = Some((x0, x1));
                self.focus = None;
                Ok((Changed::HOVER, None))
            }
            Action::ZoomTo(x0, x1) => self.zoom_to_selection(cx, width, (x0, x1)),
            Action::ZoomYears(a, b) => self.zoom_to_years(cx, width, (a, b)),
            Action::ZoomIn => match self.zoom_in(cx) {
                Some(range) => view(self.set_years(cx, width, Some(range))),
                None => Ok((Changed::NOTHING, None)),
            },
            Action::ZoomOut => match self.zoom_out(cx) {
                Some(range) => view(self.set_years(cx, width, range)),
                None => Ok((Changed::NOTHING, None)),
            },
            Action::ResetZoom => match self.view.years {
                Some(_) => view(self.set_years(cx, width, None)),
                None => Ok((Changed::NOTHING, None)),
            },
            Action::Resize(_)
            | Action::Theme(_)
            | Action::Lang(_)
            | Action::Metric(_)
            | Action::Group(_)
            | Action::ToggleOrder
            | Action::ToggleShowAll
            | Action::TogglePin(_) => Err(not_for_trend(action)),
        }
    }
}

/// The controls beside the chart (`ChartRoom::controls` lists them).
impl TrendChart {
    /// The legend's buttons: one per series, pressed while it is shown.
    fn legend_control(&self, cx: &Context, trend: &Trend) -> Control {
        Control::Legend {
            id: "legend-toggle",
            label: describe::title(cx, trend),
            items: trend
                .series
                .iter()
                .enumerate()
                .map(|(i, s)| LegendControl {
                    label: s.name.clone(),
                    color: self
                        .layout
                        .colors
                        .get(i)
                        .copied()
                        .unwrap_or(cx.theme.no_group)
                        .hex(),
                    symbol: None,
                    pressed: !self.view.is_hidden(i),
                    index: i,
                    action: Request::Legend {
                        series: Some(s.name.clone()),
                        group: None,
                    },
                })
                .collect(),
        }
    }

    /// The highlighted lines as pressed buttons, to stop highlighting one.
    fn highlighted_control(&self, cx: &Context, trend: &Trend) -> Control {
        let accent = cx.theme.highlight.hex();
        Control::Legend {
            id: "highlight-toggle",
            label: cx.words.get(Msg::HighlightedLines).into(),
            items: self
                .view
                .highlighted
                .iter()
                .filter_map(|&i| {
                    Some(LegendControl {
                        label: trend.series.get(i)?.name.clone(),
                        color: accent.clone(),
                        symbol: None,
                        pressed: true,
                        index: i,
                        action: Request::Highlight {
                            series: trend.series.get(i)?.name.clone(),
                        },
                    })
                })
                .collect(),
        }
    }

    /// The zoom buttons: in, out and reset (the last two only while zoomed).
    fn push_zoom_controls(&self, cx: &Context, controls: &mut Vec<Control>) {
        let words = cx.words;
        let zoomed = self.view.years;
        controls.push(Control::Button {
            id: "zoom-in",
            label: words.get(Msg::ZoomIn).into(),
            pressed: None,
            hidden: false,
            disabled: self.zoom_in(cx).is_none(),
            action: Request::ZoomIn,
        });
        controls.push(Control::Button {
            id: "zoom-out",
            label: words.get(Msg::ZoomOut).into(),
            pressed: None,
            hidden: zoomed.is_none(),
            disabled: false,
            action: Request::ZoomOut,
        });
        controls.push(Control::Button {
            id: "reset-zoom",
            label: match zoomed {
                Some((a, b)) => words.fill(Msg::ResetZoomRange, &[&a.to_string(), &b.to_string()]),
                None => words.get(Msg::ResetZoom).into(),
            },
            pressed: None,
            hidden: zoomed.is_none(),
            disabled: false,
            action: Request::ResetZoom,
        });
    }
}

/// The reader's actions, one function each (`ChartRoom::apply` dispatches).
impl TrendChart {
    /// Focuses the annotation or year under the pointer, and the line under
    /// it (on a legend entry, that entry's line).
    fn point_at(&mut self, x: f64, y: f64) -> Changed {
        let before = (self.focus, self.line);
        let l = &self.layout;
        (self.focus, self.line) = match hit::annotation_at(l, x, y) {
            Some(i) => (Some(Focus::Annotation(i)), None),
            None => (
                hit::nearest_year(l, x, y).map(|c| Focus::Year(c.year)),
                // A legend entry highlights its line; on the plot, the
                // line nearest the pointer.
                hit::legend_at(l, x, y).or_else(|| hit::nearest_line(l, x, y)),
            ),
        };
        if (self.focus, self.line) == before {
            Changed::NOTHING
        } else {
            Changed::HOVER
        }
    }

    /// The pointer left: no focus, no line, no drag.
    fn leave(&mut self) -> Changed {
        let before = (self.focus, self.line);
        self.focus = None;
        self.line = None;
        let had_drag = self.drag.take().is_some();
        if before != (None, None) || had_drag {
            Changed::HOVER
        } else {
            Changed::NOTHING
        }
    }

    /// A key: ←/→ and Home/End step years, ↑/↓ step lines, Enter keeps the
    /// line stepped to highlighted, Escape lets the line go.
    fn press(&mut self, cx: &Context, width: f64, key: Key) -> Applied {
        let years: Vec<i32> = self.layout.columns.iter().map(|c| c.year).collect();
        let at = match self.focus {
            Some(Focus::Year(y)) => years.iter().position(|&x| x == y),
            _ => None,
        };
        match key {
            Key::Select => {
                // Enter keeps the line stepped to highlighted (or lets it go).
                let Some(i) = self.line else {
                    return Ok((Changed::NOTHING, None));
                };
                return Ok((Changed::VIEW, Some(self.toggle_highlight(cx, width, i)?)));
            }
            Key::NextLine | Key::PreviousLine => return self.step_line(cx, key),
            Key::Clear => self.line = None,
            _ => {}
        }
        self.focus = super::step(&years, at, key).map(Focus::Year);
        let said = self.tooltip(cx).map(|t| t.announcement).unwrap_or_default();
        Ok((Changed::HOVER, Some(said)))
    }

    /// Steps to the next or previous shown line (`key`), and says which it
    /// is and where it stands ("… line 2 of 5").
    fn step_line(&mut self, cx: &Context, key: Key) -> Applied {
        let trend = trend(cx)?;
        let shown: Vec<usize> = (0..trend.series.len())
            .filter(|&i| !self.view.is_hidden(i))
            .collect();
        let at = self.line.and_then(|l| shown.iter().position(|&i| i == l));
        self.line = super::step(&shown, at, key);
        let said = self.line.and_then(|i| {
            let place = shown.iter().position(|&s| s == i)?.saturating_add(1);
            let what = describe::series_clause(cx, trend, &self.layout, i)?;
            Some(cx.words.fill(
                Msg::LineFocus,
                &[&what, &place.to_string(), &shown.len().to_string()],
            ))
        });
        Ok((Changed::HOVER, said))
    }

    /// Hides series `series` or shows it again (its legend entry); says which.
    fn toggle_series(
        &mut self,
        cx: &Context,
        width: f64,
        series: usize,
    ) -> Result<String, Refusal> {
        let trend = trend(cx)?;
        let name = trend
            .series
            .get(series)
            .map(|s| s.name.clone())
            .ok_or(Refusal::NoSuchItem {
                action: "legend",
                index: series,
            })?;
        let hidden = !self.view.is_hidden(series);
        self.view.hidden.retain(|&h| h != series);
        if hidden {
            self.view.hidden.push(series);
        }
        self.focus = None;
        self.line = None;
        self.relayout(cx, width);
        let msg = if hidden {
            Msg::SeriesHidden
        } else {
            Msg::SeriesShown
        };
        Ok(cx.words.fill(msg, &[&name]))
    }

    /// Counts the lines whose name contains `query`, for the search box's status.
    fn count_matches(&mut self, cx: &Context, query: &str) -> Applied {
        let trend = trend(cx)?;
        let found = crate::chart::search(&mut trend.series.iter().map(|s| s.name.as_str()), query);
        let changed = crate::chart::update_search_status(
            &mut self.search_status,
            cx.words,
            query,
            found.len(),
        );
        Ok((changed, None))
    }

    /// Highlights the first line whose name contains `query`; the search
    /// box's status says what happened.
    fn highlight_match(&mut self, cx: &Context, width: f64, query: &str) -> Applied {
        let trend = trend(cx)?;
        let found = crate::chart::search(&mut trend.series.iter().map(|s| s.name.as_str()), query);
        let Some(&i) = found.first() else {
            self.search_status = crate::chart::search_status(cx.words, query, 0);
            return Ok((
                Changed {
                    controls: true,
                    ..Changed::NOTHING
                },
                None,
            ));
        };
        // Found twice: it stays highlighted.
        self.search_status = if self.view.is_highlighted(i) {
            cx.words.fill(
                Msg::Highlighted,
                &[trend.series.get(i).map_or("", |s| &s.name)],
            )
        } else {
            self.toggle_highlight(cx, width, i)?
        };
        // Said once, by the search box's status (its own live region).
        Ok((Changed::VIEW, None))
    }

    /// Zooms to the years whose columns lie between two x positions (a
    /// dragged selection), if there are at least two.
    fn zoom_to_selection(&mut self, cx: &Context, width: f64, (x0, x1): (f64, f64)) -> Applied {
        self.drag = None;
        let (a, b) = (x0.min(x1), x0.max(x1));
        let mut inside = self
            .layout
            .columns
            .iter()
            // A pointer a pixel short of a year's column (a mouse
            // lands on whole pixels) still takes that year.
            .filter(|c| c.x >= a - ZOOM_SLOP && c.x <= b + ZOOM_SLOP)
            .map(|c| c.year);
        match (inside.next(), inside.next_back()) {
            (Some(first), Some(last)) if last > first => Ok((
                Changed::VIEW,
                self.set_years(cx, width, Some((first, last))),
            )),
            // Fewer than two years selected: nothing to zoom to.
            _ => Ok((Changed::HOVER, None)),
        }
    }

    /// Zooms to the data's years from `a` to `b` (either order), if there
    /// are at least two.
    fn zoom_to_years(&mut self, cx: &Context, width: f64, (a, b): (i32, i32)) -> Applied {
        let (a, b) = (a.min(b), a.max(b));
        let years = Self::all_years(cx);
        let mut inside = years.iter().copied().filter(|y| (a..=b).contains(y));
        match (inside.next(), inside.next_back()) {
            (Some(first), Some(last)) if last > first => Ok((
                Changed::VIEW,
                self.set_years(cx, width, Some((first, last))),
            )),
            // Fewer than two of the data's years: nothing to zoom to.
            _ => Ok((Changed::NOTHING, None)),
        }
    }
}
