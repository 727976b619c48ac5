//! The poverty-rate trend: view state and the reader's actions on it.
//! [`layout`] places the marks, [`hit`] finds what is under the pointer,
//! [`describe`] puts it into words.

pub mod describe;
pub mod hit;
pub mod layout;

pub use layout::{AnnotationMark, PointMark, TrendLayout, TrendView, YearColumn};

use super::{ChartRoom, Context, Control, LegendControl, Table, Tooltip};
use crate::dataset::Trend;
use crate::engine::{Action, Changed, ChartKind, Key, Refusal};
use crate::mark::{Mark, Rect};
use crate::text::Msg;

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
    /// A zoom selection being dragged, in CSS px.
    drag: Option<(f64, f64)>,
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
            drag: None,
        })
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

    /// Every year the data spans (annotations included), for zooming.
    fn all_years(cx: &Context) -> Vec<i32> {
        let Some(trend) = cx.dataset.trend.as_ref() else {
            return Vec::new();
        };
        // Merged in place (years() is sorted): no sort, so no second copy of
        // the sort code in the wasm.
        let mut years = trend.years();
        for a in &trend.annotations {
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
    fn as_trend(&self) -> Option<&TrendChart> {
        Some(self)
    }

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
        if let Some(Focus::Year(year)) = self.focus {
            if let Some(column) = hit::column_index(l, year).and_then(|i| l.columns.get(i)) {
                let x = column.x.round();
                marks.push(Mark::Line {
                    points: vec![(x, l.plot.y), (x, l.plot.bottom())],
                    color: theme.axis,
                    width: 1.0,
                });
                for p in &column.points {
                    marks.push(Mark::Circle {
                        cx: p.x,
                        cy: p.y,
                        r: 6.0,
                        fill: l.colors.get(p.series).copied().unwrap_or(theme.axis),
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
                describe::tooltip(cx, trend, &self.view, l, column)
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
            .map(|t| describe::description(cx, t, &self.layout))
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
                controls.push(Control::Legend {
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
                        })
                        .collect(),
                });
            }
        }
        let zoomed = self.view.years;
        controls.push(Control::Button {
            id: "zoom-in",
            label: words.get(Msg::ZoomIn).into(),
            pressed: None,
            hidden: false,
            action: "zoomIn",
        });
        controls.push(Control::Button {
            id: "zoom-out",
            label: words.get(Msg::ZoomOut).into(),
            pressed: None,
            hidden: zoomed.is_none(),
            action: "zoomOut",
        });
        controls.push(Control::Button {
            id: "reset-zoom",
            label: match zoomed {
                Some((a, b)) => words.fill(Msg::ResetZoomRange, &[&a.to_string(), &b.to_string()]),
                None => words.get(Msg::ResetZoom).into(),
            },
            pressed: None,
            hidden: zoomed.is_none(),
            action: "resetZoom",
        });
        controls
    }

    fn apply(
        &mut self,
        cx: &Context,
        width: f64,
        action: &Action,
    ) -> Result<(Changed, Option<String>), Refusal> {
        let before = self.focus;
        let view = |said: Option<String>| Ok((Changed::VIEW, said));
        match *action {
            Action::Pointer(x, y) => {
                let l = &self.layout;
                self.focus = match hit::annotation_at(l, x, y) {
                    Some(i) => Some(Focus::Annotation(i)),
                    None => hit::nearest_year(l, x, y).map(|c| Focus::Year(c.year)),
                };
                let changed = if self.focus == before {
                    Changed::NOTHING
                } else {
                    Changed::HOVER
                };
                Ok((changed, None))
            }
            Action::Leave => {
                self.focus = None;
                let had_drag = self.drag.take().is_some();
                let changed = if before.is_some() || had_drag {
                    Changed::HOVER
                } else {
                    Changed::NOTHING
                };
                Ok((changed, None))
            }
            Action::Key(key) => {
                let years: Vec<i32> = self.layout.columns.iter().map(|c| c.year).collect();
                let at = match self.focus {
                    Some(Focus::Year(y)) => years.iter().position(|&x| x == y),
                    _ => None,
                };
                if key == Key::Select {
                    return Ok((Changed::NOTHING, None));
                }
                self.focus = super::step(&years, at, key).map(Focus::Year);
                let said = self.tooltip(cx).map(|t| t.announcement).unwrap_or_default();
                Ok((Changed::HOVER, Some(said)))
            }
            Action::Click(x, y) => match hit::legend_at(&self.layout, x, y) {
                Some(series) => self.apply(cx, width, &Action::Legend(series)),
                None => Ok((Changed::NOTHING, None)),
            },
            Action::Legend(series) => {
                let trend = trend(cx)?;
                let name = trend.series.get(series).map(|s| s.name.clone()).ok_or(
                    Refusal::NoSuchItem {
                        action: action.name(),
                        index: series,
                    },
                )?;
                let hidden = !self.view.is_hidden(series);
                self.view.hidden.retain(|&h| h != series);
                if hidden {
                    self.view.hidden.push(series);
                }
                self.focus = None;
                self.relayout(cx, width);
                let msg = if hidden {
                    Msg::SeriesHidden
                } else {
                    Msg::SeriesShown
                };
                view(Some(cx.words.fill(msg, &[&name])))
            }
            Action::Drag(x0, x1) => {
                self.drag = Some((x0, x1));
                self.focus = None;
                Ok((Changed::HOVER, None))
            }
            Action::ZoomTo(x0, x1) => {
                self.drag = None;
                let (a, b) = (x0.min(x1), x0.max(x1));
                let mut inside = self
                    .layout
                    .columns
                    .iter()
                    .filter(|c| c.x >= a && c.x <= b)
                    .map(|c| c.year);
                match (inside.next(), inside.next_back()) {
                    (Some(first), Some(last)) if last > first => {
                        view(self.set_years(cx, width, Some((first, last))))
                    }
                    // Fewer than two years selected: nothing to zoom to.
                    _ => Ok((Changed::HOVER, None)),
                }
            }
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
            | Action::TogglePin(_)
            | Action::Search(_)
            | Action::PinSearch(_) => Err(not_for_trend(action)),
        }
    }
}
