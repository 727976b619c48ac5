//! The vocabulary every part of the core speaks about a chart: which kind
//! ([`ChartKind`]), how it is made ([`Options`]), what a reader does to it
//! ([`Action`], and [`Request`]: an action as a caller outside the core names
//! it), what that changed ([`Changed`]) and why something was refused
//! ([`Refusal`]). A leaf: it imports nothing of the engine or the chart kinds,
//! which both import it.
//!
//! The types that cross the JavaScript boundary derive serde's traits; their
//! JavaScript shapes (camelCase, `type` tags) are what `src/web` hands out.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::Lang;
use crate::theme::ThemeName;

/// Which of the two charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
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
    /// Trend: zoom to the years from one to another (inclusive; what a shared
    /// link says), or to the data's years inside them.
    ZoomYears(i32, i32),
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

    /// The action's name, for refusals (as [`Request`]'s `type` names it).
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
            Action::ZoomYears(..) => "zoomYears",
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

/// What an action changed, so callers redraw only that. Crosses to
/// JavaScript as an object of named flags (`{marks: true, tooltip: false, …}`).
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
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
    /// A re-sort transition is pending (animate with [`Engine::transition_marks`](crate::engine::Engine::transition_marks)).
    pub transition: bool,
}

/// A press that moves further than this (CSS px) is a drag, not a click.
pub const DRAG_PX: f64 = 5.0;

impl Changed {
    /// What changed in either.
    pub fn and(self, other: Changed) -> Changed {
        Changed {
            marks: self.marks || other.marks,
            overlay: self.overlay || other.overlay,
            size: self.size || other.size,
            controls: self.controls || other.controls,
            table: self.table || other.table,
            tooltip: self.tooltip || other.tooltip,
            announcement: self.announcement || other.announcement,
            transition: self.transition || other.transition,
        }
    }

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

    pub fn any(self) -> bool {
        self != Changed::NOTHING
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
    // zh: {field}：未知的{what} “{value}”；已知：{known}
    /// A [`Request`] names something the chart does not have: `field` is
    /// where (`action.key`), `known` what there is (the first few).
    Unknown {
        field: &'static str,
        what: &'static str,
        value: String,
        known: Vec<String>,
    },
    // zh: {field}：缺少{what}
    /// A [`Request`] lacks a field this chart needs (a trend's legend names a series).
    Missing {
        field: &'static str,
        what: &'static str,
    },
}

/// How many known names an [`Refusal::Unknown`] lists before "…".
const KNOWN_LISTED: usize = 12;

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
            Refusal::Unknown {
                field,
                what,
                value,
                known,
            } => {
                write!(f, "{field}: unknown {what} \"{value}\"; known: ")?;
                if known.is_empty() {
                    return f.write_str("none");
                }
                let listed: Vec<&str> = known
                    .iter()
                    .take(KNOWN_LISTED)
                    .map(String::as_str)
                    .collect();
                f.write_str(&listed.join(", "))?;
                if known.len() > KNOWN_LISTED {
                    f.write_str(", …")?;
                }
                Ok(())
            }
            Refusal::Missing { field, what } => write!(f, "{field}: missing ({what})"),
        }
    }
}

impl std::error::Error for Refusal {}

/// An action as a caller outside the core names it: tagged by `type`, and
/// naming what it acts on (a village, a series, a group, a metric's key)
/// rather than an index. In JavaScript: `{type: "pin", village: "王屯村"}`,
/// `{type: "metric", key: "income"}`, `{type: "pointer", x, y}`,
/// `{type: "legend", series: "全国"}` or `{type: "legend", group: "东部"}`.
/// [`crate::engine::Engine::resolve`] turns it into an [`Action`], or into a
/// [`Refusal`] that names the wrong field.
///
/// It is read as one flat object ([`WireRequest`]) and written field by field
/// rather than through serde's internally tagged enums, whose buffering cost
/// the wasm about 8 KB gzipped; the shapes are the same.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "WireRequest")]
pub enum Request {
    /// A new width in CSS px.
    Resize {
        width: f64,
    },
    /// `"light"` or `"dark"`.
    Theme {
        theme: String,
    },
    /// `"zh-CN"` or `"en"`.
    Lang {
        lang: String,
    },
    /// The pointer moved to `(x, y)` CSS px from the canvas' top left.
    Pointer {
        x: f64,
        y: f64,
    },
    /// The pointer left; hides the tooltip.
    Leave,
    /// A click or tap at `(x, y)`: a legend entry, a bar (pin), or nothing.
    Click {
        x: f64,
        y: f64,
    },
    /// The pointer went down at `(x, y)`: a click begins, or a drag. The
    /// engine tells them apart ([`Engine::request`](crate::engine::Engine::request)):
    /// moved further than [`DRAG_PX`] on a chart that zooms, it is a drag.
    Press {
        x: f64,
        y: f64,
    },
    /// The pointer went up at `(x, y)`: the click where it went down, or the
    /// drag's end (zoom to the dragged years).
    Release {
        x: f64,
        y: f64,
    },
    /// A double click: a trend shows every year again; elsewhere nothing.
    DoubleClick,
    /// A legend entry: a trend's `series` (show/hide) or a ranking's
    /// `group` (filter to it, or back to every group).
    Legend {
        series: Option<String>,
        group: Option<String>,
    },
    /// Ranking: the group menu's choice; `null` for every group.
    Group {
        group: Option<String>,
    },
    /// Trend: a zoom selection being dragged from `x0` to `x1` (CSS px).
    Drag {
        x0: f64,
        x1: f64,
    },
    /// Trend: zoom to the years between two x positions.
    ZoomTo {
        x0: f64,
        x1: f64,
    },
    /// Trend: zoom to the years `from`–`to` (inclusive).
    ZoomYears {
        from: f64,
        to: f64,
    },
    ZoomIn,
    ZoomOut,
    ResetZoom,
    /// Ranking: rank by the metric with this key.
    Metric {
        key: String,
    },
    /// Ranking: largest first ⇄ smallest first.
    ToggleOrder,
    /// Ranking: every row ⇄ the top N.
    ToggleShowAll,
    /// Ranking: pins or unpins the village of this name.
    Pin {
        village: String,
    },
    /// Counts what matches the text (the search box's status).
    Search {
        text: String,
    },
    /// Pins (ranking) or highlights (trend) the first match of the text.
    PinSearch {
        text: String,
    },
    /// Trend: highlights the series of this name, or stops highlighting it.
    Highlight {
        series: String,
    },
}

/// In a schema (the TypeScript declarations are generated from these types,
/// tests/suite/typescript.rs), a [`Request`] is the named union `Action`,
/// whose members the generator reads from the requests themselves: each
/// type's fields as they serialize, and which of them deserializing needs.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Request {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Action".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "description": "A reader action (see `Action`)." })
    }
}

/// A [`Request`]'s `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestType {
    Resize,
    Theme,
    Lang,
    Pointer,
    Leave,
    Click,
    Press,
    Release,
    DoubleClick,
    Legend,
    Group,
    Drag,
    ZoomTo,
    ZoomYears,
    ZoomIn,
    ZoomOut,
    ResetZoom,
    Metric,
    ToggleOrder,
    ToggleShowAll,
    Pin,
    Search,
    PinSearch,
    Highlight,
}

impl RequestType {
    /// Every type, in the order of [`RequestType::NAMES`].
    pub const ALL: [RequestType; 24] = [
        RequestType::Resize,
        RequestType::Theme,
        RequestType::Lang,
        RequestType::Pointer,
        RequestType::Leave,
        RequestType::Click,
        RequestType::Press,
        RequestType::Release,
        RequestType::DoubleClick,
        RequestType::Legend,
        RequestType::Group,
        RequestType::Drag,
        RequestType::ZoomTo,
        RequestType::ZoomYears,
        RequestType::ZoomIn,
        RequestType::ZoomOut,
        RequestType::ResetZoom,
        RequestType::Metric,
        RequestType::ToggleOrder,
        RequestType::ToggleShowAll,
        RequestType::Pin,
        RequestType::Search,
        RequestType::PinSearch,
        RequestType::Highlight,
    ];

    /// What `type` says in JavaScript.
    pub const NAMES: [&'static str; 24] = [
        "resize",
        "theme",
        "lang",
        "pointer",
        "leave",
        "click",
        "press",
        "release",
        "doubleClick",
        "legend",
        "group",
        "drag",
        "zoomTo",
        "zoomYears",
        "zoomIn",
        "zoomOut",
        "resetZoom",
        "metric",
        "toggleOrder",
        "toggleShowAll",
        "pin",
        "search",
        "pinSearch",
        "highlight",
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES.get(self as usize).copied().unwrap_or_default()
    }

    pub fn from_name(name: &str) -> Option<RequestType> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Self::ALL.get(i).copied()
    }
}

impl<'de> Deserialize<'de> for RequestType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RequestType, D::Error> {
        let name = String::deserialize(d)?;
        RequestType::from_name(&name)
            .ok_or_else(|| serde::de::Error::unknown_variant(&name, &RequestType::NAMES))
    }
}

/// A field's value as a [`Request`] is written.
enum Field<'a> {
    Number(f64),
    Text(&'a str),
    Null,
}

impl Serialize for Field<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Number(n) => s.serialize_f64(*n),
            Field::Text(t) => s.serialize_str(t),
            Field::Null => s.serialize_none(),
        }
    }
}

impl Request {
    /// The request's type and fields, as they cross.
    fn fields(&self) -> (RequestType, Vec<(&'static str, Field<'_>)>) {
        use Field::{Number, Text};
        use RequestType as T;
        fn text(t: &Option<String>) -> Field<'_> {
            t.as_deref().map_or(Field::Null, Field::Text)
        }
        match self {
            Request::Resize { width } => (T::Resize, vec![("width", Number(*width))]),
            Request::Theme { theme } => (T::Theme, vec![("theme", Text(theme))]),
            Request::Lang { lang } => (T::Lang, vec![("lang", Text(lang))]),
            Request::Pointer { x, y } => (T::Pointer, vec![("x", Number(*x)), ("y", Number(*y))]),
            Request::Leave => (T::Leave, vec![]),
            Request::Click { x, y } => (T::Click, vec![("x", Number(*x)), ("y", Number(*y))]),
            Request::Press { x, y } => (T::Press, vec![("x", Number(*x)), ("y", Number(*y))]),
            Request::Release { x, y } => (T::Release, vec![("x", Number(*x)), ("y", Number(*y))]),
            Request::DoubleClick => (T::DoubleClick, vec![]),
            Request::Legend { series, group } => {
                let mut fields = Vec::new();
                if series.is_some() {
                    fields.push(("series", text(series)));
                }
                if group.is_some() {
                    fields.push(("group", text(group)));
                }
                (T::Legend, fields)
            }
            Request::Group { group } => (T::Group, vec![("group", text(group))]),
            Request::Drag { x0, x1 } => (T::Drag, vec![("x0", Number(*x0)), ("x1", Number(*x1))]),
            Request::ZoomTo { x0, x1 } => {
                (T::ZoomTo, vec![("x0", Number(*x0)), ("x1", Number(*x1))])
            }
            Request::ZoomYears { from, to } => (
                T::ZoomYears,
                vec![("from", Number(*from)), ("to", Number(*to))],
            ),
            Request::ZoomIn => (T::ZoomIn, vec![]),
            Request::ZoomOut => (T::ZoomOut, vec![]),
            Request::ResetZoom => (T::ResetZoom, vec![]),
            Request::Metric { key } => (T::Metric, vec![("key", Text(key))]),
            Request::ToggleOrder => (T::ToggleOrder, vec![]),
            Request::ToggleShowAll => (T::ToggleShowAll, vec![]),
            Request::Pin { village } => (T::Pin, vec![("village", Text(village))]),
            Request::Search { text } => (T::Search, vec![("text", Text(text))]),
            Request::PinSearch { text } => (T::PinSearch, vec![("text", Text(text))]),
            Request::Highlight { series } => (T::Highlight, vec![("series", Text(series))]),
        }
    }
}

impl Serialize for Request {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (kind, fields) = self.fields();
        let mut out = s.serialize_struct("Request", fields.len().saturating_add(1))?;
        out.serialize_field("type", kind.name())?;
        for (key, value) in &fields {
            out.serialize_field(key, value)?;
        }
        out.end()
    }
}

/// A [`Request`] as it crosses: `type` and whichever fields it has.
/// (Fields it does not know are ignored: serde-wasm-bindgen reads a
/// struct's own fields by name.)
#[derive(Debug, Clone, Default, Deserialize)]
pub struct WireRequest {
    #[serde(rename = "type")]
    kind: Option<RequestType>,
    x: Option<f64>,
    y: Option<f64>,
    x0: Option<f64>,
    x1: Option<f64>,
    width: Option<f64>,
    from: Option<f64>,
    to: Option<f64>,
    theme: Option<String>,
    lang: Option<String>,
    series: Option<String>,
    /// `null` in a `group` request is every group: kept apart from absent.
    #[serde(default, deserialize_with = "nullable")]
    group: Option<Option<String>>,
    key: Option<String>,
    village: Option<String>,
    text: Option<String>,
}

/// A field that may be absent (`None`, by `default`), `null`, or a value.
fn nullable<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// Why a [`WireRequest`] is no [`Request`]: a field its type needs is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingField(pub &'static str);

impl fmt::Display for MissingField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "missing field `{}`", self.0)
    }
}

impl TryFrom<WireRequest> for Request {
    type Error = MissingField;

    fn try_from(w: WireRequest) -> Result<Request, MissingField> {
        fn need<T>(v: Option<T>, name: &'static str) -> Result<T, MissingField> {
            v.ok_or(MissingField(name))
        }
        use RequestType as T;
        Ok(match need(w.kind, "type")? {
            T::Resize => Request::Resize {
                width: need(w.width, "width")?,
            },
            T::Theme => Request::Theme {
                theme: need(w.theme, "theme")?,
            },
            T::Lang => Request::Lang {
                lang: need(w.lang, "lang")?,
            },
            T::Pointer => Request::Pointer {
                x: need(w.x, "x")?,
                y: need(w.y, "y")?,
            },
            T::Leave => Request::Leave,
            T::Click => Request::Click {
                x: need(w.x, "x")?,
                y: need(w.y, "y")?,
            },
            T::Press => Request::Press {
                x: need(w.x, "x")?,
                y: need(w.y, "y")?,
            },
            T::Release => Request::Release {
                x: need(w.x, "x")?,
                y: need(w.y, "y")?,
            },
            T::DoubleClick => Request::DoubleClick,
            T::Legend => Request::Legend {
                series: w.series,
                group: w.group.flatten(),
            },
            T::Group => Request::Group {
                group: need(w.group, "group")?,
            },
            T::Drag => Request::Drag {
                x0: need(w.x0, "x0")?,
                x1: need(w.x1, "x1")?,
            },
            T::ZoomTo => Request::ZoomTo {
                x0: need(w.x0, "x0")?,
                x1: need(w.x1, "x1")?,
            },
            T::ZoomYears => Request::ZoomYears {
                from: need(w.from, "from")?,
                to: need(w.to, "to")?,
            },
            T::ZoomIn => Request::ZoomIn,
            T::ZoomOut => Request::ZoomOut,
            T::ResetZoom => Request::ResetZoom,
            T::Metric => Request::Metric {
                key: need(w.key, "key")?,
            },
            T::ToggleOrder => Request::ToggleOrder,
            T::ToggleShowAll => Request::ToggleShowAll,
            T::Pin => Request::Pin {
                village: need(w.village, "village")?,
            },
            T::Search => Request::Search {
                text: need(w.text, "text")?,
            },
            T::PinSearch => Request::PinSearch {
                text: need(w.text, "text")?,
            },
            T::Highlight => Request::Highlight {
                series: need(w.series, "series")?,
            },
        })
    }
}
