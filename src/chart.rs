//! A chart on the page: dataset + view state + width → layout, and the reader's
//! actions as plain state transitions. No platform types here, so every
//! interaction is testable natively; the web layer only forwards events and
//! draws [`Chart::marks`] and [`Chart::overlay`].

use std::rc::Rc;

use crate::dataset::Dataset;
use crate::describe::{self, Table, Tooltip};
use crate::hit;
use crate::layout::{Mark, RankingLayout, RankingView, TrendLayout, TrendView};
use crate::layout::{AXIS, WHITE};

/// Which of the two charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Trend,
    Ranking,
}

#[derive(Debug, Clone, PartialEq)]
enum Layout {
    Trend(TrendView, TrendLayout),
    Ranking(RankingView, RankingLayout),
}

/// What the pointer (or keyboard) is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    Year(i32),
    /// A village, by index into the dataset (stable across re-sorts).
    Village(usize),
    Annotation(usize),
}

/// A key the chart understands (the web layer maps `KeyboardEvent.key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
    Select,
    Clear,
}

impl Key {
    /// ←/→ step years on a trend, ↑/↓ step bars on a ranking.
    pub fn from_dom(key: &str, kind: ChartKind) -> Option<Key> {
        Some(match (key, kind) {
            ("ArrowRight", ChartKind::Trend) | ("ArrowDown", ChartKind::Ranking) => Key::Next,
            ("ArrowLeft", ChartKind::Trend) | ("ArrowUp", ChartKind::Ranking) => Key::Previous,
            ("Home", _) => Key::First,
            ("End", _) => Key::Last,
            ("Enter", _) | (" ", _) => Key::Select,
            ("Escape", _) => Key::Clear,
            _ => return None,
        })
    }
}

/// Where each shown village's row was before a re-sort, for the transition.
#[derive(Debug, Clone, PartialEq)]
struct Transition {
    /// (village, row top y, bar rect) in the previous layout.
    from: Vec<(usize, f64, crate::layout::Rect)>,
}

/// One chart's state.
#[derive(Debug, Clone)]
pub struct Chart {
    dataset: Rc<Dataset>,
    width: f64,
    layout: Layout,
    focus: Option<Focus>,
    /// A zoom selection being dragged, in CSS px.
    drag: Option<(f64, f64)>,
    transition: Option<Transition>,
}

impl Chart {
    /// The chart of `kind` for `dataset`, or `None` when the dataset has no such part.
    pub fn new(dataset: Rc<Dataset>, kind: ChartKind, width: f64) -> Option<Chart> {
        let layout = match kind {
            ChartKind::Trend => {
                let trend = dataset.trend.as_ref()?;
                let view = TrendView::default();
                let layout = TrendLayout::new(&dataset, trend, &view, width);
                Layout::Trend(view, layout)
            }
            ChartKind::Ranking => {
                let ranking = dataset.ranking.as_ref()?;
                let view = RankingView::new(ranking);
                let layout = RankingLayout::new(&dataset, ranking, &view, width);
                Layout::Ranking(view, layout)
            }
        };
        Some(Chart {
            dataset,
            width,
            layout,
            focus: None,
            drag: None,
            transition: None,
        })
    }

    /// The dataset this chart draws.
    pub fn dataset(&self) -> Rc<Dataset> {
        self.dataset.clone()
    }

    pub fn kind(&self) -> ChartKind {
        match self.layout {
            Layout::Trend(..) => ChartKind::Trend,
            Layout::Ranking(..) => ChartKind::Ranking,
        }
    }

    fn relayout(&mut self) {
        let dataset = &self.dataset;
        match &mut self.layout {
            Layout::Trend(view, layout) => {
                if let Some(trend) = &dataset.trend {
                    *layout = TrendLayout::new(dataset, trend, view, self.width);
                }
            }
            Layout::Ranking(view, layout) => {
                if let Some(ranking) = &dataset.ranking {
                    *layout = RankingLayout::new(dataset, ranking, view, self.width);
                }
            }
        }
    }

    /// Lays the chart out for a new width (CSS px); returns the new height.
    pub fn resize(&mut self, width: f64) -> f64 {
        self.width = width;
        self.relayout();
        self.size().1
    }

    /// Width and height in CSS px.
    pub fn size(&self) -> (f64, f64) {
        match &self.layout {
            Layout::Trend(_, l) => (l.width, l.height),
            Layout::Ranking(_, l) => (l.width, l.height),
        }
    }

    /// What the base canvas shows.
    pub fn marks(&self) -> &[Mark] {
        match &self.layout {
            Layout::Trend(_, l) => &l.marks,
            Layout::Ranking(_, l) => &l.marks,
        }
    }

    pub fn trend_layout(&self) -> Option<&TrendLayout> {
        match &self.layout {
            Layout::Trend(_, l) => Some(l),
            Layout::Ranking(..) => None,
        }
    }

    pub fn ranking_layout(&self) -> Option<&RankingLayout> {
        match &self.layout {
            Layout::Ranking(_, l) => Some(l),
            Layout::Trend(..) => None,
        }
    }

    /// The pointer moved to `(x, y)` (CSS px from the canvas' top left).
    /// Returns the tooltip to show, or `None` to hide it.
    pub fn pointer(&mut self, x: f64, y: f64) -> Option<Tooltip> {
        self.focus = match &self.layout {
            Layout::Trend(_, l) => match hit::annotation_at(l, x, y) {
                Some(a) => l
                    .annotations
                    .iter()
                    .position(|b| std::ptr::eq(a, b))
                    .map(Focus::Annotation),
                None => hit::nearest_year(l, x, y).map(|c| Focus::Year(c.year)),
            },
            Layout::Ranking(_, l) => hit::bar_at(l, x, y).map(|b| Focus::Village(b.village)),
        };
        self.tooltip()
    }

    /// The pointer left the chart.
    pub fn leave(&mut self) {
        self.focus = None;
        self.drag = None;
    }

    /// The tooltip for what is focused now, with its announcement filled in.
    pub fn tooltip(&self) -> Option<Tooltip> {
        self.focused_tooltip().map(|mut t| {
            t.announcement = t.sentence();
            t
        })
    }

    fn focused_tooltip(&self) -> Option<Tooltip> {
        let dataset = &self.dataset;
        match (&self.layout, self.focus?) {
            (Layout::Trend(_, l), Focus::Year(year)) => {
                let trend = dataset.trend.as_ref()?;
                let column = l.columns.get(hit::column_index(l, year)?)?;
                Some(describe::trend_tooltip(dataset, trend, l, column))
            }
            (Layout::Trend(_, l), Focus::Annotation(i)) => {
                let a = l.annotations.get(i)?;
                Some(describe::annotation_tooltip(dataset, a))
            }
            (Layout::Ranking(_, l), Focus::Village(v)) => {
                let ranking = dataset.ranking.as_ref()?;
                let bar = l.bars.iter().find(|b| b.village == v)?;
                Some(describe::ranking_tooltip(dataset, ranking, bar))
            }
            _ => None,
        }
    }

    /// A key press; returns the tooltip for what is focused afterwards (its
    /// sentence is announced), or `None` when nothing is.
    pub fn key(&mut self, key: Key) -> Option<Tooltip> {
        match &self.layout {
            Layout::Trend(_, l) => {
                let years: Vec<i32> = l.columns.iter().map(|c| c.year).collect();
                let at = match self.focus {
                    Some(Focus::Year(y)) => years.iter().position(|&x| x == y),
                    _ => None,
                };
                self.focus = step(&years, at, key).map(Focus::Year);
            }
            Layout::Ranking(_, l) => {
                let villages: Vec<usize> = l.bars.iter().map(|b| b.village).collect();
                let at = match self.focus {
                    Some(Focus::Village(v)) => villages.iter().position(|&x| x == v),
                    _ => None,
                };
                if key == Key::Select {
                    if let Some(v) = at.and_then(|i| villages.get(i)).copied() {
                        self.toggle_pin(v);
                    }
                } else {
                    self.focus = step(&villages, at, key).map(Focus::Village);
                }
            }
        }
        self.tooltip()
    }

    /// A click or tap at `(x, y)`: a legend entry toggles its series (trend) or
    /// filters to its group (ranking); a bar toggles its village's pin.
    /// Returns whether the chart changed (and must be redrawn).
    pub fn click(&mut self, x: f64, y: f64) -> bool {
        match &mut self.layout {
            Layout::Trend(view, l) => match hit::legend_at(l, x, y) {
                Some(series) => {
                    let hidden = !view.is_hidden(series);
                    self.set_series_hidden(series, hidden);
                    true
                }
                None => false,
            },
            Layout::Ranking(view, l) => {
                if let Some(group) = hit::group_at(l, x, y) {
                    let next = match &view.group {
                        Some(g) if g == group => None,
                        _ => Some(group.to_string()),
                    };
                    self.set_group(next);
                    return true;
                }
                match hit::bar_at(l, x, y).map(|b| b.village) {
                    Some(v) => {
                        self.toggle_pin(v);
                        true
                    }
                    None => false,
                }
            }
        }
    }

    /// Trend: hides or shows series `series`; the y axis rescales to what is visible.
    pub fn set_series_hidden(&mut self, series: usize, hidden: bool) {
        if let Layout::Trend(view, _) = &mut self.layout {
            view.hidden.retain(|&h| h != series);
            if hidden {
                view.hidden.push(series);
            }
            self.focus = None;
            self.relayout();
        }
    }

    /// Trend: which series are hidden.
    pub fn hidden_series(&self) -> Vec<usize> {
        match &self.layout {
            Layout::Trend(view, _) => view.hidden.clone(),
            Layout::Ranking(..) => Vec::new(),
        }
    }

    /// Ranking: only villages of `group` (`Some("")`: those without one), or all.
    pub fn set_group(&mut self, group: Option<String>) {
        if let Layout::Ranking(view, _) = &mut self.layout {
            if view.group != group {
                view.group = group;
                self.begin_transition();
                self.relayout();
            }
        }
    }

    /// Ranking: pins or unpins a village (index into the dataset's villages).
    pub fn toggle_pin(&mut self, village: usize) {
        if let Layout::Ranking(view, _) = &mut self.layout {
            match view.pinned.iter().position(|&p| p == village) {
                Some(i) => {
                    view.pinned.remove(i);
                }
                None => view.pinned.push(village),
            }
            self.relayout();
        }
    }

    /// Ranking: the pinned villages.
    pub fn pinned(&self) -> Vec<usize> {
        match &self.layout {
            Layout::Ranking(view, _) => view.pinned.clone(),
            Layout::Trend(..) => Vec::new(),
        }
    }

    /// Ranking: villages whose name contains `query` (case-insensitive), in
    /// dataset order. Chinese names match by characters.
    pub fn search(&self, query: &str) -> Vec<usize> {
        // ASCII folding only: Chinese has no case, and full Unicode case tables
        // would cost the wasm several kilobytes.
        let query = query.trim().to_ascii_lowercase();
        match (&self.dataset.ranking, query.is_empty()) {
            (Some(r), false) => r
                .villages
                .iter()
                .enumerate()
                .filter(|(_, v)| v.name.to_ascii_lowercase().contains(&query))
                .map(|(i, _)| i)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Ranking: the top y (CSS px) of a village's row, if it is shown.
    pub fn row_top(&self, village: usize) -> Option<f64> {
        self.ranking_layout()?
            .bars
            .iter()
            .find(|b| b.village == village)
            .map(|b| b.row.y)
    }

    /// Trend: a drag across the plot from `x0` to `x1` (CSS px), previewed on
    /// the overlay; `None` ends the preview.
    pub fn set_drag(&mut self, drag: Option<(f64, f64)>) {
        self.drag = drag.filter(|_| self.kind() == ChartKind::Trend);
    }

    /// Trend: zooms to the years between two x positions. Returns false (and
    /// changes nothing) when fewer than two drawn years lie between them.
    pub fn zoom_to(&mut self, x0: f64, x1: f64) -> bool {
        self.drag = None;
        let Layout::Trend(view, l) = &mut self.layout else {
            return false;
        };
        let (a, b) = (x0.min(x1), x0.max(x1));
        let inside: Vec<i32> = l
            .columns
            .iter()
            .filter(|c| c.x >= a && c.x <= b)
            .map(|c| c.year)
            .collect();
        match (inside.first(), inside.last()) {
            (Some(&first), Some(&last)) if last > first => {
                view.years = Some((first, last));
                self.focus = None;
                self.relayout();
                true
            }
            _ => false,
        }
    }

    /// Trend: back to every year.
    pub fn reset_zoom(&mut self) -> bool {
        if let Layout::Trend(view, _) = &mut self.layout {
            if view.years.take().is_some() {
                self.focus = None;
                self.relayout();
                return true;
            }
        }
        false
    }

    /// Trend: the zoomed year range, if zoomed.
    pub fn zoom(&self) -> Option<(i32, i32)> {
        match &self.layout {
            Layout::Trend(view, _) => view.years,
            Layout::Ranking(..) => None,
        }
    }

    /// What the overlay canvas shows: the crosshair and highlighted points, or
    /// the highlighted bar. Cheap: it never walks the data.
    pub fn overlay(&self) -> Vec<Mark> {
        let mut marks = Vec::new();
        match (&self.layout, self.focus) {
            (Layout::Trend(_, l), Some(Focus::Year(year))) => {
                let Some(column) = hit::column_index(l, year).and_then(|i| l.columns.get(i)) else {
                    return marks;
                };
                let x = column.x.round();
                marks.push(Mark::Line {
                    points: vec![(x, l.plot.y), (x, l.plot.bottom())],
                    color: AXIS,
                    width: 1.0,
                });
                for p in &column.points {
                    let color = l.colors.get(p.series).copied().unwrap_or(AXIS);
                    marks.push(Mark::Circle {
                        cx: p.x,
                        cy: p.y,
                        r: 6.0,
                        fill: color,
                        stroke: WHITE,
                    });
                }
            }
            (Layout::Ranking(_, l), Some(Focus::Village(v))) => {
                if let Some(bar) = l.bars.iter().find(|b| b.village == v) {
                    // A dark veil over the bar, so hover reads on pinned bars too.
                    marks.push(Mark::Shade {
                        rect: bar.row,
                        fill: crate::layout::INK,
                        alpha: 0.06,
                    });
                    marks.push(Mark::Shade {
                        rect: bar.rect,
                        fill: crate::layout::INK,
                        alpha: 0.25,
                    });
                }
            }
            _ => {}
        }
        if let (Layout::Trend(_, l), Some((x0, x1))) = (&self.layout, self.drag) {
            let a = x0.min(x1).max(l.plot.x);
            let b = x0.max(x1).min(l.plot.right());
            if b > a {
                marks.push(Mark::Shade {
                    rect: crate::layout::Rect {
                        x: a,
                        y: l.plot.y,
                        w: b - a,
                        h: l.plot.h,
                    },
                    fill: crate::layout::Color(0x1f, 0x6f, 0xb5),
                    alpha: 0.15,
                });
            }
        }
        marks
    }

    /// The chart's title, for the figure's accessible name.
    pub fn title(&self) -> String {
        match &self.layout {
            Layout::Trend(..) => self
                .dataset
                .trend
                .as_ref()
                .map(|t| describe::trend_title(&self.dataset, t))
                .unwrap_or_default(),
            Layout::Ranking(view, _) => self
                .dataset
                .ranking
                .as_ref()
                .map(|r| describe::ranking_title(r, view))
                .unwrap_or_default(),
        }
    }

    /// A sentence describing what the chart shows.
    pub fn summary(&self) -> String {
        let d = &self.dataset;
        match (&self.layout, &d.trend, &d.ranking) {
            (Layout::Trend(_, l), Some(t), _) => describe::trend_summary(d, t, l),
            (Layout::Ranking(v, l), _, Some(r)) => describe::ranking_summary(d, r, v, l),
            _ => String::new(),
        }
    }

    /// The chart's data as a table.
    pub fn table(&self) -> Option<Table> {
        let d = &self.dataset;
        match &self.layout {
            Layout::Trend(_, l) => Some(describe::trend_table(d, d.trend.as_ref()?, l)),
            Layout::Ranking(v, _) => Some(describe::ranking_table(d, d.ranking.as_ref()?, v)),
        }
    }

    /// Ranking only: show every village (`true`) or the top 15.
    pub fn set_show_all(&mut self, all: bool) {
        if let Layout::Ranking(view, _) = &mut self.layout {
            view.show_all = all;
            self.relayout();
        }
    }

    /// Ranking only: rank by metric `metric` (index into the dataset's metrics).
    pub fn set_metric(&mut self, metric: usize) {
        let count = self.dataset.ranking.as_ref().map_or(0, |r| r.metrics.len());
        if let Layout::Ranking(view, _) = &mut self.layout {
            if metric < count && metric != view.metric {
                view.metric = metric;
                self.begin_transition();
                self.relayout();
            }
        }
    }

    /// Ranking only: largest first (`true`) or smallest first.
    pub fn set_descending(&mut self, descending: bool) {
        if let Layout::Ranking(view, _) = &mut self.layout {
            if view.descending != descending {
                view.descending = descending;
                self.begin_transition();
                self.relayout();
            }
        }
    }

    /// Ranking only: the current view (metric, order, pins, filter).
    pub fn ranking_view(&self) -> Option<&RankingView> {
        match &self.layout {
            Layout::Ranking(view, _) => Some(view),
            Layout::Trend(..) => None,
        }
    }

    /// Remembers where rows are now, so the next layout can move them from there.
    fn begin_transition(&mut self) {
        if let Layout::Ranking(_, l) = &self.layout {
            self.transition = Some(Transition {
                from: l
                    .bars
                    .iter()
                    .map(|b| (b.village, b.row.y, b.rect))
                    .collect(),
            });
        }
    }

    /// Whether a re-sort transition is pending (the web layer animates it
    /// unless the reader prefers reduced motion).
    pub fn has_transition(&self) -> bool {
        self.transition.is_some()
    }

    /// The base marks `t` (0–1) of the way through the transition: each row
    /// slides from its old place to its new one and its bar grows or shrinks.
    /// At `t >= 1` the transition ends and the final marks are returned.
    pub fn transition_marks(&mut self, t: f64) -> Vec<Mark> {
        let (Some(tr), Layout::Ranking(_, l)) = (&self.transition, &self.layout) else {
            return self.marks().to_vec();
        };
        if t >= 1.0 || t.is_nan() {
            self.transition = None;
            return self.marks().to_vec();
        }
        let e = ease(t.max(0.0));
        let mut marks = l.marks.clone();
        for bar in &l.bars {
            let old = tr.from.iter().find(|f| f.0 == bar.village);
            // Rows that were not shown come in from below the last row.
            let (old_y, old_rect) = match old {
                Some(&(_, y, r)) => (y, r),
                None => (l.plot.bottom(), bar.rect),
            };
            let dy = (old_y - bar.row.y) * (1.0 - e);
            for mark in marks.get_mut(bar.marks.clone()).into_iter().flatten() {
                if let Mark::Rect { rect, .. } = mark {
                    if *rect == bar.rect {
                        rect.w = old_rect.w + (bar.rect.w - old_rect.w) * e;
                        rect.x = old_rect.x + (bar.rect.x - old_rect.x) * e;
                    }
                }
                shift(mark, dy);
            }
        }
        marks
    }

    /// Ranking only: villages not shown, and villages with no value, for the page's controls.
    pub fn ranking_counts(&self) -> Option<(usize, usize)> {
        self.ranking_layout().map(|l| (l.hidden, l.left_out))
    }
}

/// The item after, before, first or last in `items` from position `at`.
fn step<T: Copy>(items: &[T], at: Option<usize>, key: Key) -> Option<T> {
    let last = items.len().checked_sub(1)?;
    let i = match (key, at) {
        (Key::Clear, _) => return None,
        (Key::First, _) | (Key::Next, None) => 0,
        (Key::Last, _) | (Key::Previous, None) => last,
        (Key::Next, Some(i)) => i.saturating_add(1).min(last),
        (Key::Previous, Some(i)) => i.saturating_sub(1),
        (Key::Select, at) => at?,
    };
    items.get(i).copied()
}

/// Ease-in-out, so rows start and settle gently.
fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
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
