//! The only module that knows web-sys and `JsValue`: the wasm-bindgen API the
//! page's thin JavaScript calls. It turns JS arguments into core calls, core
//! errors into JS `Error`s (once, here), and core marks into canvas drawing.

mod boundary;

use std::rc::Rc;

pub use boundary::{from_js, to_js};
use plotters_canvas::CanvasBackend;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::dataset::Dataset;
use crate::engine::{Action, Changed, ChartKind, Engine, Options, Refusal, Request};
use crate::error::{Error, MAX_FILE_BYTES};
use crate::mark::Mark;
use crate::render;
use crate::text::{Lang, CHART_KEYS};
use crate::theme::{Color, ThemeName};

/// Talc instead of the default dlmalloc: a smaller wasm (about 3 KB gzipped
/// less, measured with scripts/bench.sh) and faster allocation.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

fn js_error(error: Error) -> JsError {
    JsError::new(&error.to_string())
}

/// Reports a panic's message on the console before the module aborts, so the
/// page can say what happened and start a fresh instance.
#[wasm_bindgen(start)]
pub fn start() {
    // Written out rather than with `{info}`, whose formatting costs the wasm
    // more than these few lines.
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload_as_str().unwrap_or("a panic");
        let (file, line, column) = info
            .location()
            .map_or(("?", 0, 0), |at| (at.file(), at.line(), at.column()));
        console_error(
            &[
                "Heluo internal error: panicked at ",
                file,
                ":",
                &line.to_string(),
                ":",
                &column.to_string(),
                ":\n",
                message,
            ]
            .concat(),
        );
    }));
}

/// Panics on purpose, so the page's recovery from a crashed instance can be
/// tested end to end (a panic aborts the instance). Not for other uses.
#[wasm_bindgen(js_name = __panicForTesting)]
#[allow(clippy::panic)]
pub fn panic_for_testing() {
    panic!("deliberate panic for testing the page's recovery");
}

/// The largest file the page reads, in bytes; larger files are refused unread.
#[wasm_bindgen(js_name = maxFileBytes)]
pub fn max_file_bytes() -> f64 {
    MAX_FILE_BYTES as f64
}

/// A parsed, validated dataset.
#[wasm_bindgen]
pub struct DatasetHandle {
    inner: Rc<Dataset>,
}

/// Parses the bytes of a dataset file; throws an `Error` whose message names
/// what is wrong and where.
#[wasm_bindgen(js_name = parseDataset)]
///
/// Text that is not UTF-8 is decoded as GB18030 (a superset of GBK, what
/// Excel and WPS write in China) by the browser's `TextDecoder`, at no cost
/// to the wasm; only if that fails too is the encoding error reported.
/// `lang` ("zh-CN" or "en", English when absent) is the language of the message.
pub fn parse_dataset(bytes: &[u8], lang: Option<String>) -> Result<DatasetHandle, JsError> {
    let parsed = match crate::dataset::parse(bytes) {
        // A file cut inside a UTF-8 character is not GBK: say so rather than guess.
        Err(
            err @ Error::NotUtf8 {
                truncated: false, ..
            },
        ) => match decode_gb18030(bytes) {
            Some(text) => crate::dataset::parse(text.as_bytes()),
            None => Err(err),
        },
        other => other,
    };
    let lang = Lang::from_tag(lang.as_deref().unwrap_or("en"));
    parsed
        .map(|d| DatasetHandle { inner: Rc::new(d) })
        .map_err(|e| JsError::new(&e.message(lang)))
}

/// The dataset a worker parsed, from its snapshot ([`DatasetHandle::snapshot`]):
/// how a large file is parsed off the page's thread.
#[wasm_bindgen(js_name = datasetFromSnapshot)]
pub fn dataset_from_snapshot(bytes: &[u8]) -> Result<DatasetHandle, JsError> {
    crate::dataset::snapshot::from_bytes(bytes)
        .map(|d| DatasetHandle { inner: Rc::new(d) })
        .ok_or_else(|| JsError::new("not a dataset snapshot of this version of Heluo"))
}

fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

#[wasm_bindgen]
impl DatasetHandle {
    /// The dataset as bytes, for [`dataset_from_snapshot`] in another instance.
    pub fn snapshot(&self) -> Vec<u8> {
        crate::dataset::snapshot::to_bytes(&self.inner)
    }

    #[wasm_bindgen(getter)]
    pub fn title(&self) -> Option<String> {
        self.inner.title.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn subtitle(&self) -> Option<String> {
        self.inner.subtitle.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn source(&self) -> Option<String> {
        self.inner.source.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn note(&self) -> Option<String> {
        self.inner.note.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn locale(&self) -> String {
        self.inner.locale.clone()
    }
    /// The language the dataset's charts are written in: "zh-CN" or "en".
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        Lang::from_tag(&self.inner.locale).tag().to_string()
    }
    /// The chart kinds this dataset has, in page order: "trend", "ranking".
    #[wasm_bindgen(getter)]
    pub fn charts(&self) -> Vec<String> {
        let mut kinds = Vec::new();
        if self.inner.trend.is_some() {
            kinds.push("trend".to_string());
        }
        if self.inner.ranking.is_some() {
            kinds.push("ranking".to_string());
        }
        kinds
    }
}

fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| js_error(Error::Draw("the canvas has no 2D context".into())))
}

fn draw(
    canvas: &HtmlCanvasElement,
    marks: &[Mark],
    scale: f64,
    background: render::Background,
) -> Result<(), JsError> {
    let mut backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| js_error(Error::Draw("the canvas has no 2D context".into())))?;
    render::render(&mut backend, marks, scale, background).map_err(js_error)
}

/// Sets a canvas' backing store to `width`×`height` CSS px at `scale` device
/// pixels per CSS px. plotters-canvas draws in backing pixels and does no
/// devicePixelRatio scaling of its own (plotters issue #164), so we do it.
fn size_canvas(canvas: &HtmlCanvasElement, width: f64, height: f64, scale: f64) {
    canvas.set_width((width * scale).round().max(1.0) as u32);
    canvas.set_height((height * scale).round().max(1.0) as u32);
}

fn refused(refusal: Refusal) -> JsError {
    JsError::new(&refusal.to_string())
}

/// A word of the DOM layer, or a sentence filled with `a` and `b`, in `lang`
/// ("zh-CN", "en"): its words come from the same place as the chart's. Keys:
/// see `text::CHART_KEYS` (`downloadPng`, `withUnit` with a: label and b: unit, …).
#[wasm_bindgen]
pub fn text(lang: &str, key: &str, a: &str, b: &str) -> String {
    CHART_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|&(_, msg)| Lang::from_tag(lang).words().fill(msg, &[a, b]))
        .unwrap_or_default()
}

/// `template` (the page's own words, www/page-words.js) with `{0}` and `{1}`
/// replaced by `a` and `b`. A file name comes from the reader's disk, not
/// through `parse`: its bidi controls would reverse the words after it
/// ("无法载入 “…”：…"), so they go as they go from every text of a dataset.
/// NUL is kept: the page marks where the core's detail goes with it.
#[wasm_bindgen(js_name = fillText)]
pub fn fill_text(template: &str, a: &str, b: &str) -> String {
    crate::text::fill(template, &[&page_arg(a), &page_arg(b)])
}

/// `arg` without bidi controls, control characters (but NUL) and noncharacters.
fn page_arg(arg: &str) -> String {
    let mut out = String::with_capacity(arg.len());
    for (i, part) in arg.split('\0').enumerate() {
        if i > 0 {
            out.push('\0');
        }
        out.push_str(&crate::user_text::clean(part, false));
    }
    out
}

/// One chart on a base canvas (the chart) and an overlay canvas (hover marks),
/// so that moving the pointer never redraws the chart. Every reader action
/// goes through [`apply`](ChartEngine::apply), which draws what changed and
/// returns what [`Changed`].
#[wasm_bindgen]
pub struct ChartEngine {
    engine: Engine,
    base: HtmlCanvasElement,
    overlay: HtmlCanvasElement,
    scale: f64,
}

fn sane_scale(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        scale.min(4.0)
    } else {
        1.0
    }
}

/// What `new ChartEngine(dataset, options)` takes, as a plain JS object:
/// `{chart, canvas, overlay, width, scale, theme, lang, metric, top, title, colors}`.
/// Only `chart`, `canvas` and `overlay` are required.
#[derive(Deserialize)]
struct EngineOptions {
    /// "trend" or "ranking".
    chart: String,
    /// The chart's canvas.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    canvas: HtmlCanvasElement,
    /// The canvas over it, for hover marks.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    overlay: HtmlCanvasElement,
    /// Width in CSS px (default 640).
    width: Option<f64>,
    /// devicePixelRatio (default 1).
    scale: Option<f64>,
    /// "light" (default) or "dark".
    theme: Option<String>,
    /// "zh-CN" or "en"; absent: the dataset's.
    lang: Option<String>,
    /// Ranking: the metric shown first, by key.
    metric: Option<String>,
    /// Ranking: rows before "show all" (default 15): a number, or the text
    /// of an attribute. Read by [`top`] rather than by serde, so that a wrong
    /// value is quoted as it was given.
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    top: JsValue,
    /// Replaces the chart's title.
    title: Option<String>,
    /// Brand colours over the theme: "background:#fff; palette:#a00,#05a".
    colors: Option<String>,
}

/// The fields of [`EngineOptions`], as JavaScript names them.
const VIEW_OPTIONS: [&str; 11] = [
    "chart", "canvas", "overlay", "width", "scale", "theme", "lang", "metric", "top", "title",
    "colors",
];

/// `top` as a count of rows: absent, `null` and `""` are the default.
fn top(value: &JsValue) -> Result<Option<usize>, Refusal> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    // An integer parse of the text: a float parser would cost the wasm its
    // tables (about 10 KB), and a count has no fraction.
    let n = match (value.as_f64(), value.as_string()) {
        (Some(n), _) => n,
        (None, Some(text)) if text.trim().is_empty() => return Ok(None),
        (None, Some(text)) => text.trim().parse::<u32>().map_or(f64::NAN, f64::from),
        (None, None) => f64::NAN,
    };
    if n.is_finite() && n >= 1.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) {
        return Ok(Some(n as usize));
    }
    Err(Refusal::BadOption {
        name: "top",
        value: String::from(js_sys::JSON::stringify(value).unwrap_or_default())
            .trim_matches('"')
            .to_string(),
        allowed: "a whole number of at least 1".into(),
    })
}

/// Drops empty strings: an attribute that is there but empty means "none".
fn given(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.is_empty())
}

#[wasm_bindgen]
impl ChartEngine {
    /// One chart of `dataset` on two canvases, from one options object
    /// (see `EngineOptions`): `{chart: "ranking", canvas, overlay, width: 640,
    /// scale: devicePixelRatio, theme: "dark", lang: "en", metric: "income",
    /// top: 10, title, colors}`. Throws an `Error` naming a wrong option.
    #[wasm_bindgen(constructor)]
    pub fn new(dataset: &DatasetHandle, options: JsValue) -> Result<ChartEngine, JsError> {
        // serde-wasm-bindgen reads a struct's fields by name and never sees
        // the others: a misspelt option is caught here, not ignored.
        let keys = if options.is_object() {
            js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>())
        } else {
            js_sys::Array::new()
        };
        if let Some(key) = keys
            .iter()
            .filter_map(|k| k.as_string())
            .find(|k| !VIEW_OPTIONS.contains(&k.as_str()))
        {
            return Err(JsError::new(
                &[
                    "options.",
                    &key,
                    ": unknown option; known: ",
                    &VIEW_OPTIONS.join(", "),
                ]
                .concat(),
            ));
        }
        let o: EngineOptions = from_js("options", options)?;
        let kind = ChartKind::from_name(&o.chart).ok_or_else(|| {
            refused(Refusal::BadOption {
                name: "chart",
                value: o.chart.clone(),
                allowed: "\"trend\" or \"ranking\"".into(),
            })
        })?;
        let theme = given(o.theme).unwrap_or_else(|| "light".into());
        let theme = ThemeName::from_name(&theme).ok_or_else(|| {
            refused(Refusal::BadOption {
                name: "theme",
                value: theme.clone(),
                allowed: "\"light\", \"dark\" or \"auto\"".into(),
            })
        })?;
        let mut options = Options::new(kind)
            .width(o.width.unwrap_or(640.0))
            .theme(theme);
        options.lang = given(o.lang).map(|l| Lang::from_tag(&l));
        options.metric = given(o.metric);
        options.top = top(&o.top).map_err(refused)?;
        options.title = given(o.title);
        options.colors = given(o.colors);
        let engine = Engine::new(dataset.inner.clone(), &options).map_err(refused)?;
        let view = ChartEngine {
            engine,
            base: o.canvas,
            overlay: o.overlay,
            scale: sane_scale(o.scale.unwrap_or(1.0)),
        };
        view.redraw()?;
        Ok(view)
    }

    fn background(&self) -> (f64, f64, Color) {
        let (w, h) = self.engine.size();
        (w, h, self.engine.theme().background)
    }

    fn redraw(&self) -> Result<(), JsError> {
        let (w, h) = self.engine.size();
        size_canvas(&self.base, w, h, self.scale);
        size_canvas(&self.overlay, w, h, self.scale);
        draw(
            &self.base,
            self.engine.marks(),
            self.scale,
            Some(self.background()),
        )?;
        self.draw_overlay()
    }

    fn draw_overlay(&self) -> Result<(), JsError> {
        let ctx = context(&self.overlay)?;
        ctx.clear_rect(
            0.0,
            0.0,
            self.overlay.width() as f64,
            self.overlay.height() as f64,
        );
        draw(&self.overlay, &self.engine.overlay(), self.scale, None)
    }

    /// Draws what changed and hands it back as `{marks, overlay, size,
    /// controls, table, tooltip, announcement, transition}`, each a boolean.
    fn draw_changed(&mut self, changed: Changed) -> Result<JsValue, JsError> {
        if changed.marks || changed.size {
            self.redraw()?;
            // A re-sort starts from where the rows were, not from the end.
            if changed.transition {
                if let Some(marks) = self.engine.transition_marks(0.0) {
                    draw(&self.base, &marks, self.scale, Some(self.background()))?;
                }
            }
        } else if changed.overlay {
            self.draw_overlay()?;
        }
        to_js(&changed)
    }

    /// A reader action as a plain object tagged by `type`, naming what it
    /// acts on: `{type: "pointer", x, y}`, `{type: "pin", village: "王屯村"}`,
    /// `{type: "metric", key: "income"}`, `{type: "legend", series: "全国"}`
    /// (see `Request`). Draws what changed and returns it (an object of named
    /// flags). Throws an `Error` naming the wrong field, or saying why the
    /// action does not apply to this chart.
    pub fn apply(&mut self, action: JsValue) -> Result<JsValue, JsError> {
        let request: Request = from_js("action", action)?;
        let changed = self.engine.request(request).map_err(refused)?;
        self.draw_changed(changed)
    }

    /// A key press (`KeyboardEvent.key`): what changed, or `undefined` when
    /// the chart does not use the key.
    pub fn key(&mut self, key: &str) -> Result<JsValue, JsError> {
        let Some(action) = Action::from_key(key, self.engine.kind()) else {
            return Ok(JsValue::UNDEFINED);
        };
        let changed = self.engine.apply(action).map_err(refused)?;
        self.draw_changed(changed)
    }

    /// Lays out for `width` CSS px at `scale` and redraws; returns what changed.
    pub fn resize(&mut self, width: f64, scale: f64) -> Result<JsValue, JsError> {
        self.scale = sane_scale(scale);
        let changed = self.engine.apply(Action::Resize(width)).map_err(refused)?;
        self.redraw()?;
        to_js(&changed)
    }

    /// The metric shown, by key ("" for a trend): for embed code of this view.
    #[wasm_bindgen(getter, js_name = metricKey)]
    pub fn metric_key(&self) -> String {
        self.engine.current_options().metric.unwrap_or_default()
    }

    #[wasm_bindgen(getter)]
    pub fn kind(&self) -> String {
        self.engine.kind().name().to_string()
    }

    /// "zh-CN" or "en".
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.engine.lang().tag().to_string()
    }

    /// Height in CSS px.
    #[wasm_bindgen(getter)]
    pub fn height(&self) -> f64 {
        self.engine.size().1
    }

    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.engine.title()
    }

    /// What the chart shows, in sentences.
    #[wasm_bindgen(getter)]
    pub fn description(&self) -> String {
        self.engine.description()
    }

    /// "interactive line chart", for `aria-roledescription`.
    #[wasm_bindgen(getter)]
    pub fn role(&self) -> String {
        self.engine.role().to_string()
    }

    /// Which keys work on this chart.
    #[wasm_bindgen(getter)]
    pub fn keys(&self) -> String {
        self.engine.keys().to_string()
    }

    /// What the last action said, for the live region.
    #[wasm_bindgen(getter)]
    pub fn announcement(&self) -> String {
        self.engine.announcement().to_string()
    }

    /// The top of the focused item (a pinned bar) in CSS px, to scroll to it.
    /// Ranking: the pinned villages' names, in the order they were pinned.
    #[wasm_bindgen(getter)]
    pub fn pins(&self) -> Vec<String> {
        self.engine.pinned()
    }

    /// Trend: `[from, to]`, the years zoomed to; `undefined` when every year shows.
    #[wasm_bindgen(getter)]
    pub fn zoom(&self) -> Option<Vec<i32>> {
        self.engine.zoomed().map(|(a, b)| vec![a, b])
    }

    #[wasm_bindgen(getter, js_name = focusTop)]
    pub fn focus_top(&self) -> Option<f64> {
        self.engine.focus_top()
    }

    /// The tooltip `{heading, rows: [{label, value, color?}], x, y, announcement}` or `null`.
    pub fn tooltip(&self) -> Result<JsValue, JsError> {
        match self.engine.tooltip() {
            Some(t) => to_js(&t),
            None => Ok(JsValue::NULL),
        }
    }

    /// The controls the chart wants shown: `[{type: "legend"|"select"|"button"|"search", …}]`,
    /// each with its label, state and the action (a `Request`) it sends.
    pub fn controls(&self) -> Result<JsValue, JsError> {
        to_js(&self.engine.controls())
    }

    /// The chart's data: `{caption, columns, numeric, rows}`, every cell a string.
    pub fn table(&self) -> Result<JsValue, JsError> {
        to_js(&self.engine.table())
    }

    /// Draws frame `t` (0–1) of a pending re-sort; returns false once it is over.
    pub fn transition(&mut self, t: f64) -> Result<bool, JsError> {
        match self.engine.transition_marks(t) {
            Some(marks) => {
                draw(&self.base, &marks, self.scale, Some(self.background()))?;
                Ok(true)
            }
            None => {
                self.redraw()?;
                Ok(false)
            }
        }
    }

    /// Draws the current view on `canvas` at `scale` (2 for a 2× PNG export).
    #[wasm_bindgen(js_name = drawTo)]
    pub fn draw_to(&self, canvas: HtmlCanvasElement, scale: f64) -> Result<(), JsError> {
        let (marks, w, h) = self.engine.export();
        size_canvas(&canvas, w, h, scale);
        draw(
            &canvas,
            &marks,
            scale,
            Some((w, h, self.engine.theme().background)),
        )
    }

    /// The current view as a standalone SVG document.
    pub fn svg(&self) -> Result<String, JsError> {
        self.engine.svg().map_err(js_error)
    }
}
