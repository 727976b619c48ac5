//! The one API every user of the core calls: the page, the `<heluo-chart>`
//! element, the command line and the tests.
//!
//! ```text
//!   Engine::new(dataset, Options) ──▶ Engine ──apply(Action)──▶ Changed
//!                                       │
//!                                     frame() ──▶ Frame: marks, overlay, controls,
//!                                                 title, description, tooltip,
//!                                                 announcement (+ table())
//! ```
//!
//! A chart is created from a dataset and [`Options`]; every reader action goes
//! in as one [`Action`] and returns what [`Changed`], so callers never compare
//! before and after; an action that does not apply to the chart's kind is
//! refused with a [`Refusal`] saying why, never silently ignored. This is the
//! only place that dispatches on the chart kind; each kind's behaviour lives in
//! its own rooms under [`crate::chart`].

use std::fmt;
use std::rc::Rc;

use crate::chart::ranking::RankingChart;
use crate::chart::trend::TrendChart;
use crate::chart::{ChartRoom, Context, Control, Table, Tooltip};
use crate::dataset::Dataset;
use crate::mark::Mark;
use crate::text::{Lang, Msg};
use crate::theme::{Theme, ThemeName};

/// Which of the two charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Trend,
    Ranking,
}

impl ChartKind {
    /// `"trend"` or `"ranking"`; anything else is `None`.
    pub fn from_name(name: &str) -> Option<ChartKind> {
        match name {
            "trend" => Some(ChartKind::Trend),
            "ranking" => Some(ChartKind::Ranking),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Trend => "trend",
            ChartKind::Ranking => "ranking",
        }
    }
}

/// How a chart is made: everything but the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub kind: ChartKind,
    /// Width in CSS px.
    pub width: f64,
    pub theme: ThemeName,
    /// The chart's language; `None` follows the dataset's locale.
    pub lang: Option<Lang>,
    /// Ranking: the metric shown first, by key; `None` is the dataset's default.
    pub metric: Option<String>,
    /// Ranking: how many rows show before "show all" (default 15).
    pub top: Option<usize>,
    /// A title that replaces the dataset's.
    pub title: Option<String>,
    /// Brand colours over the theme: `background:#fff; text:#222; accent:#c00;
    /// palette:#a00,#05a,…` (what `<heluo-chart>` reads from its CSS custom properties).
    pub colors: Option<String>,
}

impl Options {
    pub fn new(kind: ChartKind) -> Options {
        Options {
            kind,
            width: 640.0,
            theme: ThemeName::Light,
            lang: None,
            metric: None,
            top: None,
            title: None,
            colors: None,
        }
    }

    pub fn width(mut self, width: f64) -> Options {
        self.width = width;
        self
    }

    pub fn theme(mut self, theme: ThemeName) -> Options {
        self.theme = theme;
        self
    }

    pub fn lang(mut self, lang: Lang) -> Options {
        self.lang = Some(lang);
        self
    }
}

/// A key the chart understands (the DOM layer maps `KeyboardEvent.key` with
/// [`Action::from_key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
    Select,
    Clear,
    /// Trend: highlight the next line (↓) or the previous one (↑).
    NextLine,
    PreviousLine,
}

/// Everything a reader (or a host page) can do to a chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A new width in CSS px.
    Resize(f64),
    Theme(ThemeName),
    Lang(Lang),
    /// The pointer moved to `(x, y)` CSS px from the canvas' top left.
    Pointer(f64, f64),
    /// The pointer left; hides the tooltip.
    Leave,
    /// A click or tap: a legend entry, a bar (pin), or nothing.
    Click(f64, f64),
    Key(Key),
    /// Legend entry `i`: shows/hides series `i` (trend) or filters to group `i` (ranking).
    Legend(usize),
    /// Ranking: the group menu's choice `i` (0: every group, `i`: group `i - 1`).
    Group(usize),
    /// Trend: a zoom selection being dragged from `x0` to `x1` (CSS px).
    Drag(f64, f64),
    /// Trend: zoom to the years between two x positions.
    ZoomTo(f64, f64),
    ZoomIn,
    ZoomOut,
    ResetZoom,
    /// Ranking: rank by metric `i`.
    Metric(usize),
    /// Ranking: largest first ⇄ smallest first.
    ToggleOrder,
    /// Ranking: every row ⇄ the top N.
    ToggleShowAll,
    /// Ranking: pins or unpins a village (index into the dataset's villages).
    TogglePin(usize),
    /// Counts the villages (ranking) or lines (trend) whose name contains the
    /// text (the search box's status).
    Search(String),
    /// Ranking: pins the first village whose name contains the text; trend:
    /// highlights the first line whose name does.
    PinSearch(String),
    /// Trend: highlights line `i` (drawn on top in the accent colour, others
    /// greyed, its name at its end), or stops highlighting it.
    Highlight(usize),
}

impl Action {
    /// The action the DOM layer names: controls carry these names.
    /// `a`, `b` are numbers (coordinates, an index), `text` a search.
    pub fn from_parts(name: &str, a: f64, b: f64, text: &str) -> Option<Action> {
        let index = || (a.is_finite() && a >= 0.0).then_some(a as usize);
        Some(match name {
            "resize" => Action::Resize(a),
            "pointer" => Action::Pointer(a, b),
            "leave" => Action::Leave,
            "click" => Action::Click(a, b),
            "legend" => Action::Legend(index()?),
            "group" => Action::Group(index()?),
            "drag" => Action::Drag(a, b),
            "zoomTo" => Action::ZoomTo(a, b),
            "zoomIn" => Action::ZoomIn,
            "zoomOut" => Action::ZoomOut,
            "resetZoom" => Action::ResetZoom,
            "metric" => Action::Metric(index()?),
            "toggleOrder" => Action::ToggleOrder,
            "toggleShowAll" => Action::ToggleShowAll,
            "togglePin" => Action::TogglePin(index()?),
            "search" => Action::Search(text.to_string()),
            "pinSearch" => Action::PinSearch(text.to_string()),
            "highlight" => Action::Highlight(index()?),
            "theme" => Action::Theme(ThemeName::from_name(text)?),
            "lang" => Action::Lang(Lang::from_tag(text)),
            _ => return None,
        })
    }

    /// The action for a key press (`KeyboardEvent.key`) on a chart of `kind`:
    /// ←/→ step years on a trend, ↑/↓ its lines (bars on a ranking); + and − zoom a trend.
    pub fn from_key(key: &str, kind: ChartKind) -> Option<Action> {
        use ChartKind::{Ranking, Trend};
        Some(Action::Key(match (key, kind) {
            ("ArrowRight", Trend) | ("ArrowDown", Ranking) => Key::Next,
            ("ArrowLeft", Trend) | ("ArrowUp", Ranking) => Key::Previous,
            ("ArrowDown", Trend) => Key::NextLine,
            ("ArrowUp", Trend) => Key::PreviousLine,
            ("Home", _) => Key::First,
            ("End", _) => Key::Last,
            ("Enter", _) | (" ", _) => Key::Select,
            ("Escape", _) => Key::Clear,
            ("+" | "=" | "PageUp", Trend) => return Some(Action::ZoomIn),
            ("-" | "_" | "PageDown", Trend) => return Some(Action::ZoomOut),
            ("0", Trend) => return Some(Action::ResetZoom),
            _ => return None,
        }))
    }

    /// The action's name, for refusals.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Resize(_) => "resize",
            Action::Theme(_) => "theme",
            Action::Lang(_) => "lang",
            Action::Pointer(..) => "pointer",
            Action::Leave => "leave",
            Action::Click(..) => "click",
            Action::Key(_) => "key",
            Action::Legend(_) => "legend",
            Action::Group(_) => "group",
            Action::Drag(..) => "drag",
            Action::ZoomTo(..) => "zoomTo",
            Action::ZoomIn => "zoomIn",
            Action::ZoomOut => "zoomOut",
            Action::ResetZoom => "resetZoom",
            Action::Metric(_) => "metric",
            Action::ToggleOrder => "toggleOrder",
            Action::ToggleShowAll => "toggleShowAll",
            Action::TogglePin(_) => "togglePin",
            Action::Search(_) => "search",
            Action::PinSearch(_) => "pinSearch",
            Action::Highlight(_) => "highlight",
        }
    }
}

/// What an action changed, so callers redraw only that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changed {
    /// The base marks (redraw the chart).
    pub marks: bool,
    /// The overlay marks (hover, selection).
    pub overlay: bool,
    /// The chart's height.
    pub size: bool,
    /// The controls' state or labels.
    pub controls: bool,
    /// The data table (order, filter, language).
    pub table: bool,
    /// The tooltip (shown, hidden or different).
    pub tooltip: bool,
    /// A new announcement for the live region.
    pub announcement: bool,
    /// A re-sort transition is pending (animate with [`Engine::transition_marks`]).
    pub transition: bool,
}

impl Changed {
    pub const NOTHING: Changed = Changed {
        marks: false,
        overlay: false,
        size: false,
        controls: false,
        table: false,
        tooltip: false,
        announcement: false,
        transition: false,
    };

    /// Only the overlay and tooltip (hover).
    pub const HOVER: Changed = Changed {
        overlay: true,
        tooltip: true,
        ..Changed::NOTHING
    };

    /// Everything the view shows (a new layout).
    pub const VIEW: Changed = Changed {
        marks: true,
        overlay: true,
        size: true,
        controls: true,
        tooltip: true,
        ..Changed::NOTHING
    };

    /// One bit per field, for the wasm boundary (in field order).
    pub fn bits(self) -> u32 {
        [
            self.marks,
            self.overlay,
            self.size,
            self.controls,
            self.table,
            self.tooltip,
            self.announcement,
            self.transition,
        ]
        .iter()
        .enumerate()
        .fold(0, |bits, (i, &on)| if on { bits | (1 << i) } else { bits })
    }

    pub fn any(self) -> bool {
        self.bits() != 0
    }
}

/// Why a chart or an action was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The dataset has no data for this kind of chart.
    NoSuchChart(ChartKind),
    /// The action does not apply to this kind of chart.
    NotForKind {
        action: &'static str,
        kind: ChartKind,
    },
    /// An option's value is not one of those allowed.
    BadOption {
        name: &'static str,
        value: String,
        allowed: String,
    },
    /// An index (series, group, metric, village) beyond the data.
    NoSuchItem { action: &'static str, index: usize },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NoSuchChart(kind) => {
                write!(f, "the dataset has no \"{}\" part to chart", kind.name())
            }
            Refusal::NotForKind { action, kind } => {
                write!(f, "\"{action}\" does not apply to a {} chart", kind.name())
            }
            Refusal::BadOption {
                name,
                value,
                allowed,
            } => write!(f, "{name}=\"{value}\" is not allowed: use {allowed}"),
            Refusal::NoSuchItem { action, index } => {
                write!(f, "\"{action}\": there is no item {index}")
            }
        }
    }
}

impl std::error::Error for Refusal {}

/// Everything a chart shows at one moment, for any renderer to read.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame<'a> {
    pub kind: ChartKind,
    pub lang: Lang,
    pub theme: &'a Theme,
    pub width: f64,
    pub height: f64,
    pub marks: &'a [Mark],
    pub overlay: Vec<Mark>,
    pub title: String,
    pub description: String,
    /// "interactive line chart", for `aria-roledescription`.
    pub role: &'static str,
    /// Which keys work, for the key help and the canvas' description.
    pub keys: &'static str,
    pub controls: Vec<Control>,
    pub tooltip: Option<Tooltip>,
    pub announcement: &'a str,
}

/// `name`'s theme with brand colours from `colors` laid over it:
/// `background`, `text`, `muted`, `accent` (the pin and the zoom selection)
/// and `palette` (comma-separated), each a `#rgb` or `#rrggbb` colour.
fn themed(name: ThemeName, colors: Option<&str>) -> Result<Theme, Refusal> {
    let mut theme = name.theme().clone();
    let bad = |value: &str| Refusal::BadOption {
        name: "colors",
        value: value.trim().to_string(),
        allowed:
            "\"name: #rrggbb\" pairs separated by \";\" (background, text, muted, accent, palette)"
                .into(),
    };
    for part in colors.unwrap_or_default().split(';') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (key, value) = part.split_once(':').ok_or_else(|| bad(part))?;
        let color = |v: &str| parse_color(v).ok_or_else(|| bad(part));
        match key.trim() {
            "background" => theme.background = color(value)?,
            "text" => theme.ink = color(value)?,
            "muted" => theme.muted = color(value)?,
            "accent" => {
                theme.highlight = color(value)?;
                theme.selection = theme.highlight;
            }
            "palette" => {
                let colors: Vec<_> = value.split(',').map(color).collect::<Result<_, _>>()?;
                // Fewer colours than the palette holds repeat in order.
                for (i, slot) in theme.palette.iter_mut().enumerate() {
                    if let Some(c) = i.checked_rem(colors.len()).and_then(|j| colors.get(j)) {
                        *slot = *c;
                    }
                }
            }
            _ => return Err(bad(part)),
        }
    }
    Ok(theme)
}

/// `#rgb` or `#rrggbb`.
fn parse_color(text: &str) -> Option<crate::theme::Color> {
    let hex = text.trim().strip_prefix('#')?;
    let digit = |c: u8| (c as char).to_digit(16).and_then(|d| u8::try_from(d).ok());
    let b = hex.as_bytes();
    let pair = |hi: u8, lo: u8| digit(hi)?.checked_mul(16)?.checked_add(digit(lo)?);
    match *b {
        [r, g, bl] => Some(crate::theme::Color(pair(r, r)?, pair(g, g)?, pair(bl, bl)?)),
        [r1, r2, g1, g2, b1, b2] => Some(crate::theme::Color(
            pair(r1, r2)?,
            pair(g1, g2)?,
            pair(b1, b2)?,
        )),
        _ => None,
    }
}

/// One chart: a dataset drawn as one kind, with the reader's view of it.
pub struct Engine {
    cx: Context,
    theme: ThemeName,
    colors: Option<String>,
    kind: ChartKind,
    width: f64,
    room: Box<dyn ChartRoom>,
    announcement: String,
}

impl fmt::Debug for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("kind", &self.kind)
            .field("width", &self.width)
            .field("cx", &self.cx)
            .finish()
    }
}

impl Engine {
    /// The chart of `options.kind` for `dataset`, or why there is none.
    pub fn new(dataset: Rc<Dataset>, options: &Options) -> Result<Engine, Refusal> {
        let lang = options
            .lang
            .unwrap_or_else(|| Lang::from_tag(&dataset.locale));
        let theme = themed(options.theme, options.colors.as_deref())?;
        let mut cx = Context::new(dataset, theme, lang);
        cx.title = options.title.clone().filter(|t| !t.trim().is_empty());
        let width = crate::chart::sane_width(options.width);
        let room: Box<dyn ChartRoom> = match options.kind {
            ChartKind::Trend => Box::new(TrendChart::new(&cx, width)?),
            ChartKind::Ranking => Box::new(RankingChart::new(&cx, options, width)?),
        };
        Ok(Engine {
            cx,
            theme: options.theme,
            colors: options.colors.clone(),
            kind: options.kind,
            width,
            room,
            announcement: String::new(),
        })
    }

    /// Applies a reader action and says what changed. An action that does not
    /// apply to this chart is refused, and nothing changes.
    pub fn apply(&mut self, action: Action) -> Result<Changed, Refusal> {
        let changed = match action {
            Action::Resize(width) => {
                self.width = crate::chart::sane_width(width);
                self.room.relayout(&self.cx, self.width);
                // Hover was where the pointer was on the old layout: drop it.
                let (leave, _) = self.room.apply(&self.cx, self.width, &Action::Leave)?;
                return Ok(Changed {
                    tooltip: leave.tooltip,
                    ..Changed::VIEW
                });
            }
            Action::Theme(theme) => {
                self.cx.theme = themed(theme, self.colors.as_deref())?;
                self.theme = theme;
                self.room.relayout(&self.cx, self.width);
                return Ok(Changed {
                    controls: true,
                    ..Changed::VIEW
                });
            }
            Action::Lang(lang) => {
                let title = self.cx.title.take();
                self.cx = Context::new(self.cx.dataset.clone(), self.cx.theme.clone(), lang);
                self.cx.title = title;
                self.room.relayout(&self.cx, self.width);
                return Ok(Changed {
                    table: true,
                    ..Changed::VIEW
                });
            }
            other => {
                let (changed, said) = self.room.apply(&self.cx, self.width, &other)?;
                if let Some(said) = said {
                    self.announcement = said;
                    Changed {
                        announcement: true,
                        ..changed
                    }
                } else {
                    changed
                }
            }
        };
        Ok(changed)
    }

    pub fn kind(&self) -> ChartKind {
        self.kind
    }

    pub fn lang(&self) -> Lang {
        self.cx.lang
    }

    pub fn theme(&self) -> &Theme {
        &self.cx.theme
    }

    /// Which theme the chart is drawn in (before brand colours).
    pub fn theme_name(&self) -> ThemeName {
        self.theme
    }

    pub fn dataset(&self) -> &Rc<Dataset> {
        &self.cx.dataset
    }

    /// The trend's state and layout, when this is a trend chart.
    pub fn trend(&self) -> Option<&TrendChart> {
        self.room.as_trend()
    }

    /// The ranking's state and layout, when this is a ranking.
    pub fn ranking(&self) -> Option<&RankingChart> {
        self.room.as_ranking()
    }

    /// The context the chart is drawn in (dataset, theme, words).
    pub fn context(&self) -> &Context {
        &self.cx
    }

    /// Width and height in CSS px.
    pub fn size(&self) -> (f64, f64) {
        self.room.size()
    }

    pub fn marks(&self) -> &[Mark] {
        self.room.marks()
    }

    pub fn overlay(&self) -> Vec<Mark> {
        self.room.overlay(&self.cx)
    }

    pub fn tooltip(&self) -> Option<Tooltip> {
        self.room.tooltip(&self.cx)
    }

    pub fn title(&self) -> String {
        self.room.title(&self.cx)
    }

    pub fn description(&self) -> String {
        self.room.description(&self.cx)
    }

    pub fn controls(&self) -> Vec<Control> {
        self.room.controls(&self.cx)
    }

    /// The top (CSS px) of the focused item (a pinned bar), to scroll to it.
    pub fn focus_top(&self) -> Option<f64> {
        self.room.focus_top()
    }

    /// The chart's current view as options (kind, theme, language, the metric
    /// shown, top N, title): what an embed of this view is made from.
    pub fn current_options(&self) -> Options {
        let ranking = self.ranking();
        Options {
            kind: self.kind,
            width: self.width,
            theme: self.theme,
            lang: Some(self.cx.lang),
            metric: ranking.and_then(|r| {
                self.cx
                    .dataset
                    .ranking
                    .as_ref()?
                    .metrics
                    .get(r.view().metric)
                    .map(|m| m.key.clone())
            }),
            top: ranking
                .map(|r| r.view().top)
                .filter(|&t| t != crate::chart::ranking::DEFAULT_TOP),
            title: self.cx.title.clone(),
            colors: self.colors.clone(),
        }
    }

    /// The last announcement (what the last action that said something said).
    pub fn announcement(&self) -> &str {
        &self.announcement
    }

    /// The chart's data as a table (built on demand: it can be long).
    pub fn table(&self) -> Table {
        self.room.table(&self.cx)
    }

    /// "interactive line chart" / "交互式条形图", for `aria-roledescription`.
    pub fn role(&self) -> &'static str {
        self.cx.words.get(match self.kind {
            ChartKind::Trend => Msg::ChartRoleTrend,
            ChartKind::Ranking => Msg::ChartRoleRanking,
        })
    }

    /// Which keys work on this chart.
    pub fn keys(&self) -> &'static str {
        self.cx.words.get(match self.kind {
            ChartKind::Trend => Msg::KeysTrend,
            ChartKind::Ranking => Msg::KeysRanking,
        })
    }

    /// Everything the chart shows now.
    pub fn frame(&self) -> Frame<'_> {
        let (width, height) = self.size();
        Frame {
            kind: self.kind,
            lang: self.cx.lang,
            theme: &self.cx.theme,
            width,
            height,
            marks: self.marks(),
            overlay: self.overlay(),
            title: self.title(),
            description: self.description(),
            role: self.role(),
            keys: self.keys(),
            controls: self.controls(),
            tooltip: self.tooltip(),
            announcement: &self.announcement,
        }
    }

    /// The base marks `t` (0–1) of the way through a pending re-sort: rows
    /// slide from their old places. `None` once it is over (or when none is
    /// pending): draw [`marks`](Self::marks).
    pub fn transition_marks(&mut self, t: f64) -> Option<Vec<Mark>> {
        self.room.transition_marks(t)
    }

    /// The current view as a standalone SVG document.
    pub fn svg(&self) -> crate::Result<String> {
        let (w, h) = self.size();
        crate::render::to_svg(self.marks(), w, h, self.cx.theme.background)
    }
}
