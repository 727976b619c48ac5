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

pub use crate::action::{Action, Changed, ChartKind, Key, Options, Refusal, Request, DRAG_PX};

use crate::chart::ranking::RankingChart;
use crate::chart::trend::TrendChart;
use crate::chart::{ChartRoom, Context, Control, Table, Tooltip};
use crate::dataset::Dataset;
use crate::mark::Mark;
use crate::text::{Lang, Msg};
use crate::theme::{Theme, ThemeName};

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

/// The chart of one kind, in its own rooms: the one place the engine holds a
/// kind's own type (so the kinds need not know of each other or of the engine).
enum Room {
    Trend(TrendChart),
    Ranking(RankingChart),
}

impl Room {
    fn get(&self) -> &dyn ChartRoom {
        match self {
            Room::Trend(t) => t,
            Room::Ranking(r) => r,
        }
    }

    fn get_mut(&mut self) -> &mut dyn ChartRoom {
        match self {
            Room::Trend(t) => t,
            Room::Ranking(r) => r,
        }
    }
}

/// One chart: a dataset drawn as one kind, with the reader's view of it.
pub struct Engine {
    cx: Context,
    theme: ThemeName,
    colors: Option<String>,
    kind: ChartKind,
    width: f64,
    room: Room,
    announcement: String,
    /// Where the pointer went down and whether it has moved into a drag
    /// (the gesture between a `Press` and its `Release`).
    pressed: Option<Pressed>,
}

/// A pointer held down: at `x0` CSS px; `dragging` once it moved further
/// than [`DRAG_PX`] on a chart that takes a drag.
#[derive(Debug, Clone, Copy)]
struct Pressed {
    x0: f64,
    dragging: bool,
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
        let room = match options.kind {
            ChartKind::Trend => Room::Trend(TrendChart::new(&cx, width)?),
            ChartKind::Ranking => Room::Ranking(RankingChart::new(&cx, options, width)?),
        };
        Ok(Engine {
            cx,
            theme: options.theme,
            colors: options.colors.clone(),
            kind: options.kind,
            width,
            room,
            announcement: String::new(),
            pressed: None,
        })
    }

    /// Applies a reader action and says what changed. An action that does not
    /// apply to this chart is refused, and nothing changes.
    pub fn apply(&mut self, action: Action) -> Result<Changed, Refusal> {
        let changed = match action {
            Action::Resize(width) => {
                self.width = crate::chart::sane_width(width);
                self.room.get_mut().relayout(&self.cx, self.width);
                // Hover was where the pointer was on the old layout: drop it.
                let (leave, _) = self
                    .room
                    .get_mut()
                    .apply(&self.cx, self.width, &Action::Leave)?;
                return Ok(Changed {
                    tooltip: leave.tooltip,
                    ..Changed::VIEW
                });
            }
            Action::Theme(theme) => {
                self.cx.theme = themed(theme, self.colors.as_deref())?;
                self.theme = theme;
                self.room.get_mut().relayout(&self.cx, self.width);
                return Ok(Changed {
                    controls: true,
                    ..Changed::VIEW
                });
            }
            Action::Lang(lang) => {
                let title = self.cx.title.take();
                self.cx = Context::new(self.cx.dataset.clone(), self.cx.theme.clone(), lang);
                self.cx.title = title;
                self.room.get_mut().relayout(&self.cx, self.width);
                return Ok(Changed {
                    table: true,
                    ..Changed::VIEW
                });
            }
            other => {
                let (changed, said) = self.room.get_mut().apply(&self.cx, self.width, &other)?;
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

    /// A [`Request`] (an action by the names of what it acts on) as the
    /// [`Action`] it stands for on this chart, or a refusal naming the field
    /// that is wrong (`action.key: unknown metric "incme"; known: income, dividend`).
    pub fn resolve(&self, request: Request) -> Result<Action, Refusal> {
        let dataset = &self.cx.dataset;
        let series = || -> Vec<&str> {
            dataset
                .trend
                .iter()
                .flat_map(|t| t.series.iter().map(|s| s.name.as_str()))
                .collect()
        };
        // The ranking's groups as its legend and menu list them.
        let groups = || -> Vec<&str> {
            self.ranking()
                .map(|r| r.layout().groups.iter().map(String::as_str).collect())
                .unwrap_or_default()
        };
        let find = |field, what, known: Vec<&str>, name: &str| {
            known
                .iter()
                .position(|k| *k == name)
                .ok_or_else(|| Refusal::Unknown {
                    field,
                    what,
                    value: name.to_string(),
                    known: known.iter().map(|k| k.to_string()).collect(),
                })
        };
        Ok(match request {
            Request::Resize { width } => Action::Resize(width),
            Request::Theme { theme } => Action::Theme(ThemeName::from_name(&theme).ok_or_else(
                || Refusal::Unknown {
                    field: "action.theme",
                    what: "theme",
                    value: theme,
                    known: vec!["light".into(), "dark".into()],
                },
            )?),
            Request::Lang { lang } => Action::Lang(Lang::from_tag(&lang)),
            Request::Pointer { x, y } => Action::Pointer(x, y),
            Request::Leave => Action::Leave,
            Request::Click { x, y } => Action::Click(x, y),
            // A gesture's parts as the one action each stands for alone
            // (`request` applies them as a gesture).
            Request::Press { x, y } => Action::Pointer(x, y),
            Request::Release { x, y } => Action::Click(x, y),
            Request::DoubleClick => Action::ResetZoom,
            Request::Legend { series: s, group } => match (self.kind, s, group) {
                (ChartKind::Trend, Some(name), _) => {
                    Action::Legend(find("action.series", "series", series(), &name)?)
                }
                (ChartKind::Ranking, _, Some(name)) => {
                    Action::Legend(find("action.group", "group", groups(), &name)?)
                }
                (ChartKind::Trend, None, _) => {
                    return Err(Refusal::Missing {
                        field: "action.series",
                        what: "a trend's legend names a series",
                    })
                }
                (ChartKind::Ranking, _, None) => {
                    return Err(Refusal::Missing {
                        field: "action.group",
                        what: "a ranking's legend names a group",
                    })
                }
            },
            Request::Group { group } => match group {
                None => Action::Group(0),
                Some(name) => {
                    Action::Group(find("action.group", "group", groups(), &name)?.saturating_add(1))
                }
            },
            Request::Drag { x0, x1 } => Action::Drag(x0, x1),
            Request::ZoomTo { x0, x1 } => Action::ZoomTo(x0, x1),
            // Years far outside any data clamp to it (the cast saturates).
            Request::ZoomYears { from, to } => Action::ZoomYears(from as i32, to as i32),
            Request::ZoomIn => Action::ZoomIn,
            Request::ZoomOut => Action::ZoomOut,
            Request::ResetZoom => Action::ResetZoom,
            Request::Metric { key } => {
                let keys: Vec<&str> = dataset
                    .ranking
                    .iter()
                    .flat_map(|r| r.metrics.iter().map(|m| m.key.as_str()))
                    .collect();
                Action::Metric(find("action.key", "metric", keys, &key)?)
            }
            Request::ToggleOrder => Action::ToggleOrder,
            Request::ToggleShowAll => Action::ToggleShowAll,
            Request::Pin { village } => {
                let names: Vec<&str> = dataset
                    .ranking
                    .iter()
                    .flat_map(|r| r.villages.iter().map(|v| v.name.as_str()))
                    .collect();
                Action::TogglePin(find("action.village", "village", names, &village)?)
            }
            Request::Search { text } => Action::Search(text),
            Request::PinSearch { text } => Action::PinSearch(text),
            Request::Highlight { series: name } => {
                Action::Highlight(find("action.series", "series", series(), &name)?)
            }
        })
    }

    /// [`resolve`](Self::resolve)s a request and [`apply`](Self::apply)s it.
    ///
    /// A press, the moves while it is held and its release are one gesture
    /// here, so every caller tells a click from a drag the same way: a move
    /// further than [`DRAG_PX`] is offered to the chart as a drag (a trend
    /// takes it and zooms on release; a ranking refuses it, and the move is
    /// hover); otherwise the release is a click.
    pub fn request(&mut self, request: Request) -> Result<Changed, Refusal> {
        match request {
            Request::Press { x, y } => {
                self.pressed = Some(Pressed {
                    x0: x,
                    dragging: false,
                });
                self.apply(Action::Pointer(x, y))
            }
            Request::Pointer { x, y } => match self.pressed {
                Some(p) if p.dragging || (x - p.x0).abs() > DRAG_PX => {
                    match self.apply(Action::Drag(p.x0, x)) {
                        Ok(changed) => {
                            self.pressed = Some(Pressed {
                                dragging: true,
                                ..p
                            });
                            Ok(changed)
                        }
                        Err(_) => self.apply(Action::Pointer(x, y)),
                    }
                }
                _ => self.apply(Action::Pointer(x, y)),
            },
            Request::Release { x, y } => match self.pressed.take() {
                Some(p) if p.dragging => self.apply(Action::ZoomTo(p.x0, x)),
                _ => {
                    let clicked = self.apply(Action::Click(x, y))?;
                    Ok(clicked.and(self.apply(Action::Pointer(x, y))?))
                }
            },
            // Only a chart that zooms has something to reset.
            Request::DoubleClick => Ok(self.apply(Action::ResetZoom).unwrap_or(Changed::NOTHING)),
            Request::Leave => {
                self.pressed = None;
                self.apply(Action::Leave)
            }
            other => {
                let action = self.resolve(other)?;
                self.apply(action)
            }
        }
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
        match &self.room {
            Room::Trend(t) => Some(t),
            Room::Ranking(_) => None,
        }
    }

    /// The ranking's state and layout, when this is a ranking.
    pub fn ranking(&self) -> Option<&RankingChart> {
        match &self.room {
            Room::Ranking(r) => Some(r),
            Room::Trend(_) => None,
        }
    }

    /// The context the chart is drawn in (dataset, theme, words).
    pub fn context(&self) -> &Context {
        &self.cx
    }

    /// Width and height in CSS px.
    pub fn size(&self) -> (f64, f64) {
        self.room.get().size()
    }

    pub fn marks(&self) -> &[Mark] {
        self.room.get().marks()
    }

    pub fn overlay(&self) -> Vec<Mark> {
        self.room.get().overlay(&self.cx)
    }

    pub fn tooltip(&self) -> Option<Tooltip> {
        self.room.get().tooltip(&self.cx)
    }

    pub fn title(&self) -> String {
        self.room.get().title(&self.cx)
    }

    pub fn description(&self) -> String {
        self.room.get().description(&self.cx)
    }

    pub fn controls(&self) -> Vec<Control> {
        self.room.get().controls(&self.cx)
    }

    /// The top (CSS px) of the focused item (a pinned bar), to scroll to it.
    pub fn focus_top(&self) -> Option<f64> {
        self.room.get().focus_top()
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

    /// Ranking: the pinned villages' names, in the order they were pinned
    /// (what a shared link carries).
    pub fn pinned(&self) -> Vec<String> {
        let (Some(r), Some(data)) = (self.ranking(), self.cx.dataset.ranking.as_ref()) else {
            return Vec::new();
        };
        r.view()
            .pinned
            .iter()
            .filter_map(|&i| data.villages.get(i))
            .map(|v| v.name.clone())
            .collect()
    }

    /// Trend: the years zoomed to, inclusive; `None` when every year shows.
    pub fn zoomed(&self) -> Option<(i32, i32)> {
        self.trend()?.view().years
    }

    /// The last announcement (what the last action that said something said).
    pub fn announcement(&self) -> &str {
        &self.announcement
    }

    /// The chart's data as a table (built on demand: it can be long).
    pub fn table(&self) -> Table {
        self.room.get().table(&self.cx)
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
        self.room.get_mut().transition_marks(t)
    }

    /// The current view as a standalone SVG document.
    pub fn svg(&self) -> crate::Result<String> {
        let (marks, w, h) = self.export();
        crate::render::to_svg(&marks, w, h, self.cx.theme.background)
    }

    /// The current view as exported (SVG, PNG, the command's images): the
    /// chart, and under it the dataset's words a page shows around the chart
    /// (its title when the chart shows another, subtitle, note), wrapped to
    /// the width, so a caveat such as "some values are illustrative" travels
    /// with every copy of the picture. Marks, width and height.
    pub fn export(&self) -> (Vec<Mark>, f64, f64) {
        let (w, h) = self.size();
        let mut marks = self.marks().to_vec();
        let d = &self.cx.dataset;
        let title = self.title();
        let shown = d.title.as_deref().filter(|t| !holds(&title, t.trim()));
        let pad = crate::chart::padding(w);
        let lines: Vec<String> = [shown, d.subtitle.as_deref(), d.note.as_deref()]
            .into_iter()
            .flatten()
            .flat_map(str::lines)
            .filter(|t| !t.trim().is_empty())
            .flat_map(|t| crate::mark::wrap_text(t.trim(), 11.5, (w - 2.0 * pad).max(1.0)))
            .collect();
        if lines.is_empty() {
            return (marks, w, h);
        }
        let h = h + crate::chart::footer_height(lines.len()) + 4.0;
        crate::chart::footer(&self.cx, &mut marks, &lines, pad, w, h);
        (marks, w, h)
    }
}

/// Whether `text` holds `part`: `str::contains` compared byte windows
/// instead, since core's substring searcher (two-way, 2.3 KB of the wasm)
/// served only this one check of a title against another. Valid UTF-8 cannot
/// match from inside a character: `part` starts on a character's first byte.
fn holds(text: &str, part: &str) -> bool {
    part.is_empty()
        || text
            .as_bytes()
            .windows(part.len())
            .any(|w| w == part.as_bytes())
}
