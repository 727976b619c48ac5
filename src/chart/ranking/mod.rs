//! The village ranking: view state and the reader's actions on it.
//! [`layout`] places the bars, [`hit`] finds what is under the pointer,
//! [`describe`] puts it into words, [`transition`] animates a re-rank.

pub mod describe;
pub mod hit;
pub mod layout;
pub mod transition;

pub use layout::{groups, ranked, BarMark, RankingLayout, RankingView, DEFAULT_TOP, ROW_HEIGHT};

use super::{Applied, ChartRoom, Choice, Context, Control, LegendControl, Table, Tooltip};
use crate::action::{Action, Changed, ChartKind, Key, Options, Refusal, Request};
use crate::dataset::Ranking;
use crate::mark::Mark;
use crate::text::Msg;
use transition::Transition;

/// A ranking's state: the view, its layout, the focused village, a pending
/// re-rank transition and the search box's status.
#[derive(Debug, Clone)]
pub struct RankingChart {
    view: RankingView,
    layout: RankingLayout,
    /// The focused village (index into the dataset, stable across re-sorts).
    focus: Option<usize>,
    transition: Option<Transition>,
    search_status: String,
}

fn ranking(cx: &Context) -> Result<&Ranking, Refusal> {
    cx.dataset
        .ranking
        .as_ref()
        .ok_or(Refusal::NoSuchChart(ChartKind::Ranking))
}

impl RankingChart {
    pub fn new(cx: &Context, options: &Options, width: f64) -> Result<RankingChart, Refusal> {
        let ranking = ranking(cx)?;
        let mut view = RankingView::new(ranking);
        if let Some(key) = &options.metric {
            view.metric = ranking
                .metrics
                .iter()
                .position(|m| m.key == *key)
                .ok_or_else(|| Refusal::BadOption {
                    name: "metric",
                    value: key.clone(),
                    allowed: ranking
                        .metrics
                        .iter()
                        .map(|m| format!("\"{}\"", m.key))
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
        }
        if let Some(top) = options.top {
            if top == 0 {
                return Err(Refusal::BadOption {
                    name: "top",
                    value: top.to_string(),
                    allowed: "a whole number of at least 1".into(),
                });
            }
            view.top = top;
        }
        let layout = RankingLayout::new(cx, ranking, &view, width);
        Ok(RankingChart {
            view,
            layout,
            focus: None,
            transition: None,
            search_status: String::new(),
        })
    }

    pub fn layout(&self) -> &RankingLayout {
        &self.layout
    }

    pub fn view(&self) -> &RankingView {
        &self.view
    }

    /// Relayouts after a change of order or filter, remembering the old rows
    /// for the transition.
    fn reorder(&mut self, cx: &Context, width: f64) -> Changed {
        let villages = cx.dataset.ranking.as_ref().map_or(0, |r| r.villages.len());
        self.transition = Some(Transition::from_layout(&self.layout, villages));
        self.focus = None;
        self.relayout(cx, width);
        Changed {
            table: true,
            transition: true,
            ..Changed::VIEW
        }
    }

    /// The village's name as sentences say it ([`describe::name`]).
    fn village_name(cx: &Context, village: usize) -> String {
        cx.dataset
            .ranking
            .as_ref()
            .map(|r| describe::name(cx, r, village))
            .unwrap_or_default()
    }

    /// Pins or unpins; says what happened, with the rank or why it is not shown.
    fn toggle_pin(&mut self, cx: &Context, width: f64, village: usize) -> Result<String, Refusal> {
        let ranking = ranking(cx)?;
        if village >= ranking.villages.len() {
            return Err(Refusal::NoSuchItem {
                action: "togglePin",
                index: village,
            });
        }
        let name = Self::village_name(cx, village);
        if let Some(i) = self.view.pinned.iter().position(|&p| p == village) {
            self.view.pinned.remove(i);
            self.relayout(cx, width);
            return Ok(cx.words.fill(Msg::Unpinned, &[&name]));
        }
        self.view.pinned.push(village);
        self.relayout(cx, width);
        Ok(self.pinned_sentence(cx, ranking, village, &name))
    }

    fn pinned_sentence(
        &self,
        cx: &Context,
        ranking: &Ranking,
        village: usize,
        name: &str,
    ) -> String {
        match hit::bar_of(&self.layout, village) {
            Some(bar) => cx.words.fill(
                if bar.tied {
                    Msg::PinnedTied
                } else {
                    Msg::Pinned
                },
                &[name, &cx.words.rank(bar.rank)],
            ),
            None => cx.words.fill(
                Msg::PinnedMissing,
                &[name, describe::metric_label(ranking, &self.view)],
            ),
        }
    }

    /// Villages whose name contains `query` (ASCII case folded), in dataset order.
    pub fn search(ranking: &Ranking, query: &str) -> Vec<usize> {
        crate::chart::search(&mut ranking.villages.iter().map(|v| v.name.as_str()), query)
    }

    fn sorted_sentence(&self, cx: &Context, ranking: &Ranking) -> String {
        let msg = if self.view.descending {
            Msg::SortedDescending
        } else {
            Msg::SortedAscending
        };
        cx.words
            .fill(msg, &[describe::metric_label(ranking, &self.view)])
    }

    fn shown_count(&self) -> usize {
        self.layout.bars.len().saturating_add(self.layout.hidden)
    }
}

impl ChartRoom for RankingChart {
    fn relayout(&mut self, cx: &Context, width: f64) {
        if let Some(ranking) = &cx.dataset.ranking {
            self.layout = RankingLayout::new(cx, ranking, &self.view, width);
        }
    }

    fn size(&self) -> (f64, f64) {
        (self.layout.width, self.layout.height)
    }

    fn marks(&self) -> &[Mark] {
        &self.layout.marks
    }

    fn overlay(&self, cx: &Context) -> Vec<Mark> {
        let mut marks = Vec::new();
        if let Some(bar) = self.focus.and_then(|v| hit::bar_of(&self.layout, v)) {
            // A veil over the row and the bar, so hover reads on pinned bars too.
            marks.push(Mark::Shade {
                rect: bar.row,
                fill: cx.theme.veil,
                alpha: 0.06,
            });
            marks.push(Mark::Shade {
                rect: bar.rect,
                fill: cx.theme.veil,
                alpha: 0.25,
            });
        }
        marks
    }

    fn tooltip(&self, cx: &Context) -> Option<Tooltip> {
        let ranking = cx.dataset.ranking.as_ref()?;
        let bar = hit::bar_of(&self.layout, self.focus?)?;
        describe::tooltip(cx, ranking, bar).map(|t| t.announced(cx.words))
    }

    fn title(&self, cx: &Context) -> String {
        ranking(cx)
            .map(|r| describe::title(cx, r, &self.view))
            .unwrap_or_default()
    }

    fn description(&self, cx: &Context) -> String {
        ranking(cx)
            .map(|r| describe::description(cx, r, &self.view, &self.layout))
            .unwrap_or_default()
    }

    fn table(&self, cx: &Context) -> Table {
        match ranking(cx) {
            Ok(r) => describe::table(cx, r, &self.view),
            Err(_) => Table::default(),
        }
    }

    fn controls(&self, cx: &Context) -> Vec<Control> {
        let words = cx.words;
        let mut controls = Vec::new();
        let Ok(ranking) = ranking(cx) else {
            return controls;
        };
        if ranking.metrics.len() > 1 {
            controls.push(Control::Select {
                id: "metric-select",
                label: words.get(Msg::Metric).into(),
                options: ranking
                    .metrics
                    .iter()
                    .map(|m| Choice {
                        label: m.label.clone(),
                        action: Request::Metric { key: m.key.clone() },
                    })
                    .collect(),
                selected: self.view.metric,
            });
        }
        controls.push(Control::Button {
            id: "sort-order",
            label: words
                .get(if self.view.descending {
                    Msg::Descending
                } else {
                    Msg::Ascending
                })
                .into(),
            pressed: None,
            hidden: false,
            disabled: false,
            action: Request::ToggleOrder,
        });
        controls.push(self.show_all_control(cx));
        if let Some(groups) = self.group_control(cx) {
            controls.push(groups);
        }
        controls.push(Control::Search {
            label: words.get(Msg::SearchLabel).into(),
            placeholder: words.get(Msg::SearchPlaceholder).into(),
            button: words.get(Msg::SearchButton).into(),
            status: self.search_status.clone(),
        });
        controls
    }

    fn apply(&mut self, cx: &Context, width: f64, action: &Action) -> Applied {
        let ranking = ranking(cx)?;
        match action {
            Action::Pointer(x, y) => Ok((self.point_at(*x, *y), None)),
            Action::Leave => {
                let before = self.focus.take();
                let changed = if before.is_some() {
                    Changed::HOVER
                } else {
                    Changed::NOTHING
                };
                Ok((changed, None))
            }
            Action::Key(key) => self.press(cx, width, *key),
            Action::Click(x, y) => self.click(cx, width, (*x, *y)),
            Action::Legend(_) | Action::Group(_) => self.filter_group(cx, width, action),
            Action::Metric(metric) => self.rank_by(cx, width, ranking, *metric),
            Action::ToggleOrder => {
                self.view.descending = !self.view.descending;
                let changed = self.reorder(cx, width);
                let said = self.sorted_sentence(cx, ranking);
                Ok((changed, Some(said)))
            }
            Action::ToggleShowAll => self.toggle_show_all(cx, width),
            Action::TogglePin(village) => {
                let said = self.toggle_pin(cx, width, *village)?;
                Ok((Changed::VIEW, Some(said)))
            }
            Action::Search(query) => {
                let found = Self::search(ranking, query).len();
                let changed = crate::chart::update_search_status(
                    &mut self.search_status,
                    cx.words,
                    query,
                    found,
                );
                Ok((changed, None))
            }
            Action::PinSearch(query) => self.pin_match(cx, width, ranking, query),
            Action::Drag(..)
            | Action::ZoomTo(..)
            | Action::ZoomYears(..)
            | Action::ZoomIn
            | Action::ZoomOut
            | Action::ResetZoom
            | Action::Highlight(_)
            | Action::Resize(_)
            | Action::Theme(_)
            | Action::Lang(_) => Err(Refusal::NotForKind {
                action: action.name(),
                kind: ChartKind::Ranking,
            }),
        }
    }

    fn focus_top(&self) -> Option<f64> {
        self.focus.and_then(|v| self.row_top(v))
    }

    fn transition_marks(&mut self, t: f64) -> Option<Vec<Mark>> {
        let transition = self.transition.as_ref()?;
        if t >= 1.0 || t.is_nan() {
            self.transition = None;
            return None;
        }
        Some(transition.marks(&self.layout, t))
    }
}

/// The controls beside the chart (`ChartRoom::controls` lists them).
impl RankingChart {
    /// "Show all N" (or "show the top N" again), hidden when all show anyway.
    fn show_all_control(&self, cx: &Context) -> Control {
        let words = cx.words;
        Control::Button {
            id: "show-all",
            label: if self.view.show_all {
                words.fill(Msg::ShowTop, &[&self.view.top.to_string()])
            } else {
                let more = self.layout.hidden;
                let msg = if more == 1 {
                    Msg::ShowAllOne
                } else {
                    Msg::ShowAll
                };
                words.fill(msg, &[&more.to_string(), &cx.item.one, &cx.item.many])
            },
            pressed: Some(self.view.show_all),
            hidden: !self.view.show_all && self.layout.hidden == 0,
            disabled: false,
            action: Request::ToggleShowAll,
        }
    }

    /// The group filter: a button per group, or a menu when groups are too
    /// many for colours; none when villages have no groups.
    fn group_control(&self, cx: &Context) -> Option<Control> {
        if self.layout.groups.is_empty() {
            return None;
        }
        Some(if layout::colored_groups(&cx.theme, &self.layout.groups) {
            self.group_buttons(cx)
        } else {
            self.group_menu(cx)
        })
    }

    /// Too many groups for buttons: a menu, "every group" first.
    fn group_menu(&self, cx: &Context) -> Control {
        let words = cx.words;
        let selected = self
            .view
            .group
            .as_ref()
            .and_then(|g| self.layout.groups.iter().position(|n| n == g))
            .map_or(0, |i| i.saturating_add(1));
        Control::Select {
            id: "group-select",
            label: words.get(Msg::GroupColumn).into(),
            options: std::iter::once(Choice {
                label: words.get(Msg::AllGroups).to_string(),
                action: Request::Group { group: None },
            })
            .chain(self.layout.groups.iter().map(|g| Choice {
                label: if g.is_empty() {
                    words.get(Msg::NoGroup).to_string()
                } else {
                    g.clone()
                },
                action: Request::Group {
                    group: Some(g.clone()),
                },
            }))
            .collect(),
            selected,
        }
    }

    /// A button per group, in the group's colour and shape, pressed when
    /// filtered to.
    fn group_buttons(&self, cx: &Context) -> Control {
        let words = cx.words;
        Control::Legend {
            id: "group-filter",
            label: words.get(Msg::GroupColumn).into(),
            items: self
                .layout
                .groups
                .iter()
                .enumerate()
                .map(|(i, g)| LegendControl {
                    label: if g.is_empty() {
                        words.get(Msg::NoGroup).into()
                    } else {
                        g.clone()
                    },
                    color: layout::group_color(&cx.theme, &self.layout.groups, i).hex(),
                    symbol: layout::group_symbol(&cx.theme, &self.layout.groups, i),
                    pressed: self.view.group.as_ref() == Some(g),
                    index: i,
                    action: Request::Legend {
                        series: None,
                        group: Some(g.clone()),
                    },
                })
                .collect(),
        }
    }
}

/// The reader's actions, one function each (`ChartRoom::apply` dispatches).
impl RankingChart {
    /// Focuses the bar under the pointer.
    fn point_at(&mut self, x: f64, y: f64) -> Changed {
        let before = self.focus;
        self.focus = hit::bar_at(&self.layout, x, y).map(|b| b.village);
        if self.focus == before {
            Changed::NOTHING
        } else {
            Changed::HOVER
        }
    }

    /// A key: ↑/↓ and Home/End step bars, Enter pins or unpins the bar
    /// stepped to, Escape lets it go.
    fn press(&mut self, cx: &Context, width: f64, key: Key) -> Applied {
        let villages: Vec<usize> = self.layout.bars.iter().map(|b| b.village).collect();
        let at = self
            .focus
            .and_then(|v| villages.iter().position(|&x| x == v));
        if key == Key::Select {
            let Some(village) = at.and_then(|i| villages.get(i)).copied() else {
                return Ok((Changed::NOTHING, None));
            };
            let said = self.toggle_pin(cx, width, village)?;
            self.focus = Some(village);
            return Ok((Changed::VIEW, Some(said)));
        }
        self.focus = super::step(&villages, at, key);
        let said = self.tooltip(cx).map(|t| t.announcement).unwrap_or_default();
        Ok((Changed::HOVER, Some(said)))
    }

    /// A click or tap: a legend entry filters to its group, a bar is pinned
    /// or unpinned.
    fn click(&mut self, cx: &Context, width: f64, (x, y): (f64, f64)) -> Applied {
        if let Some(i) = crate::chart::legend_at(&self.layout.legend, x, y) {
            return self.apply(cx, width, &Action::Legend(i));
        }
        match hit::bar_at(&self.layout, x, y).map(|b| b.village) {
            Some(v) => {
                let said = self.toggle_pin(cx, width, v)?;
                // The pointer is still over the bar.
                self.focus = Some(v);
                Ok((Changed::VIEW, Some(said)))
            }
            None => Ok((Changed::NOTHING, None)),
        }
    }

    /// A legend button (`Action::Legend`) toggles its group; the menu
    /// (`Action::Group`, 0: every group) sets one. Says how many villages show.
    fn filter_group(&mut self, cx: &Context, width: f64, action: &Action) -> Applied {
        let (i, toggle) = match action {
            Action::Legend(i) => (Some(*i), true),
            Action::Group(i) => (i.checked_sub(1), false),
            _ => (None, false),
        };
        let chosen = match i {
            None => None,
            Some(i) => Some(
                self.layout
                    .groups
                    .get(i)
                    .cloned()
                    .ok_or(Refusal::NoSuchItem {
                        action: action.name(),
                        index: i,
                    })?,
            ),
        };
        self.view.group = match (&self.view.group, chosen) {
            (Some(g), Some(c)) if *g == c && toggle => None,
            (_, chosen) => chosen,
        };
        let group = self.view.group.clone().unwrap_or_default();
        let changed = self.reorder(cx, width);
        let n = self.shown_count();
        let count = cx.words.count(n, &cx.item);
        let said = match &self.view.group {
            Some(_) if group.is_empty() => cx
                .words
                .fill(Msg::Filtered, &[cx.words.get(Msg::NoGroup), &count]),
            Some(g) => cx.words.fill(Msg::Filtered, &[g, &count]),
            None => cx.words.fill(Msg::Unfiltered, &[&count]),
        };
        Ok((changed, Some(said)))
    }

    /// Ranks by metric `metric`, and says so.
    fn rank_by(&mut self, cx: &Context, width: f64, ranking: &Ranking, metric: usize) -> Applied {
        if metric >= ranking.metrics.len() {
            return Err(Refusal::NoSuchItem {
                action: "metric",
                index: metric,
            });
        }
        if metric == self.view.metric {
            return Ok((Changed::NOTHING, None));
        }
        self.view.metric = metric;
        let changed = self.reorder(cx, width);
        let said = self.sorted_sentence(cx, ranking);
        Ok((changed, Some(said)))
    }

    /// Shows every village, or the top N again; says how many show.
    fn toggle_show_all(&mut self, cx: &Context, width: f64) -> Applied {
        self.view.show_all = !self.view.show_all;
        self.focus = None;
        self.relayout(cx, width);
        let total = self.shown_count();
        let all = cx.words.count(total, &cx.item);
        let said = if self.view.show_all {
            cx.words.fill(Msg::ShowingAll, &[&all])
        } else {
            let top = self.view.top.min(total).to_string();
            cx.words.fill(Msg::ShowingTop, &[&top, &all])
        };
        Ok((Changed::VIEW, Some(said)))
    }

    /// Pins the first village whose name contains `query` (showing every
    /// group again if its own is filtered out) and focuses it; the search
    /// box's status says what happened.
    fn pin_match(&mut self, cx: &Context, width: f64, ranking: &Ranking, query: &str) -> Applied {
        let Some(&village) = Self::search(ranking, query).first() else {
            self.search_status = cx.words.get(Msg::NotFound).into();
            return Ok((
                Changed {
                    controls: true,
                    ..Changed::NOTHING
                },
                None,
            ));
        };
        let mut changed = Changed::VIEW;
        if !self.view.is_pinned(village) {
            self.view.pinned.push(village);
        }
        // Filtered out by the group filter: show every group again.
        let group = ranking.villages.get(village).and_then(|v| v.group.clone());
        if !self.view.shows_group(group.as_deref()) {
            self.view.group = None;
            changed = self.reorder(cx, width);
        } else {
            self.relayout(cx, width);
        }
        self.focus = Some(village);
        let name = Self::village_name(cx, village);
        // Said once, by the search box's status (a live region of its
        // own, which also counts matches as the reader types), not a
        // second time by the chart's.
        self.search_status = self.pinned_sentence(cx, ranking, village, &name);
        Ok((changed, None))
    }
}

impl RankingChart {
    /// The top of a village's row in CSS px, if it is shown (to scroll to it).
    pub fn row_top(&self, village: usize) -> Option<f64> {
        hit::bar_of(&self.layout, village).map(|b| b.row.y)
    }
}
