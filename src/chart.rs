//! A chart on the page: dataset + view state + width → layout, and the reader's
//! actions as plain state transitions. No platform types here, so every
//! interaction is testable natively; the web layer only forwards events and
//! draws [`Chart::marks`] and [`Chart::overlay`].

use std::rc::Rc;

use crate::dataset::Dataset;
use crate::describe::{self, Table, Tooltip};
use crate::hit;
use crate::layout::{Mark, RankingLayout, RankingView, TrendLayout, TrendView, HIGHLIGHT};
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
    Bar(usize),
}

/// One chart's state.
#[derive(Debug, Clone)]
pub struct Chart {
    dataset: Rc<Dataset>,
    width: f64,
    layout: Layout,
    focus: Option<Focus>,
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
        })
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
            Layout::Trend(_, l) => hit::nearest_year(l, x, y).map(|c| Focus::Year(c.year)),
            Layout::Ranking(_, l) => hit::bar_at(l, x, y).map(|b| Focus::Bar(b.rank - 1)),
        };
        self.tooltip()
    }

    /// The pointer left the chart.
    pub fn leave(&mut self) {
        self.focus = None;
    }

    /// The tooltip for what is focused now.
    pub fn tooltip(&self) -> Option<Tooltip> {
        let dataset = &self.dataset;
        match (&self.layout, self.focus?) {
            (Layout::Trend(_, l), Focus::Year(year)) => {
                let trend = dataset.trend.as_ref()?;
                let column = l.columns.get(hit::column_index(l, year)?)?;
                Some(describe::trend_tooltip(dataset, trend, l, column))
            }
            (Layout::Ranking(_, l), Focus::Bar(row)) => {
                let ranking = dataset.ranking.as_ref()?;
                Some(describe::ranking_tooltip(
                    dataset,
                    ranking,
                    l.bars.get(row)?,
                ))
            }
            _ => None,
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
            (Layout::Ranking(_, l), Some(Focus::Bar(row))) => {
                if let Some(bar) = l.bars.get(row) {
                    marks.push(Mark::Rect {
                        rect: bar.rect,
                        fill: HIGHLIGHT,
                    });
                }
            }
            _ => {}
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
            Layout::Trend(_, l) => Some(describe::trend_table(d, d.trend.as_ref()?, &l.format)),
            Layout::Ranking(v, _) => Some(describe::ranking_table(d, d.ranking.as_ref()?, v)),
        }
    }

    /// Ranking only: show every village (`true`) or the top 15.
    pub fn set_show_all(&mut self, all: bool) {
        if let Layout::Ranking(view, _) = &mut self.layout {
            view.show_all = all;
            self.focus = None;
            self.relayout();
        }
    }

    /// Ranking only: villages not shown, and villages with no value, for the page's controls.
    pub fn ranking_counts(&self) -> Option<(usize, usize)> {
        self.ranking_layout().map(|l| (l.hidden, l.left_out))
    }
}
