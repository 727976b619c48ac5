//! The only module that knows web-sys and `JsValue`: the wasm-bindgen API the
//! page's thin JavaScript calls. It turns JS arguments into core calls, core
//! errors into JS `Error`s (once, here), and core marks into canvas drawing.

use std::rc::Rc;

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::{Chart, ChartKind};
use crate::dataset::Dataset;
use crate::error::{Error, MAX_FILE_BYTES};
use crate::layout::Mark;
use crate::render;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

fn js_error(error: Error) -> JsError {
    JsError::new(&error.to_string())
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(value).map_err(|e| JsError::new(&e.to_string()))
}

/// Reports a panic's message on the console before the module aborts, so the
/// page can say what happened and start a fresh instance.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!("Heluo internal error: {info}"));
    }));
}

/// The largest file the page reads, in bytes; larger files are refused unread.
#[wasm_bindgen(js_name = maxFileBytes)]
pub fn max_file_bytes() -> f64 {
    MAX_FILE_BYTES as f64
}

/// The message for a file of `bytes` bytes that is over the limit.
#[wasm_bindgen(js_name = tooLargeMessage)]
pub fn too_large_message(bytes: f64) -> String {
    Error::TooLarge {
        bytes: bytes.max(0.0) as u64,
    }
    .to_string()
}

/// A parsed, validated dataset.
#[wasm_bindgen]
pub struct DatasetHandle {
    inner: Rc<Dataset>,
}

/// Parses the bytes of a dataset file; throws an `Error` whose message names
/// what is wrong and where.
#[wasm_bindgen(js_name = parseDataset)]
pub fn parse_dataset(bytes: &[u8]) -> Result<DatasetHandle, JsError> {
    crate::dataset::parse(bytes)
        .map(|d| DatasetHandle { inner: Rc::new(d) })
        .map_err(js_error)
}

#[wasm_bindgen]
impl DatasetHandle {
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
    background: Option<(f64, f64)>,
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

/// One chart on a base canvas (the chart) and an overlay canvas (hover marks),
/// so that moving the pointer never redraws the chart.
#[wasm_bindgen]
pub struct ChartView {
    chart: Chart,
    base: HtmlCanvasElement,
    overlay: HtmlCanvasElement,
    scale: f64,
}

#[wasm_bindgen]
impl ChartView {
    /// `kind` is "trend" or "ranking"; `width` in CSS px; `scale` is devicePixelRatio.
    #[wasm_bindgen(constructor)]
    pub fn new(
        dataset: &DatasetHandle,
        kind: &str,
        base: HtmlCanvasElement,
        overlay: HtmlCanvasElement,
        width: f64,
        scale: f64,
    ) -> Result<ChartView, JsError> {
        let kind = match kind {
            "trend" => ChartKind::Trend,
            "ranking" => ChartKind::Ranking,
            other => return Err(JsError::new(&format!("unknown chart kind {other:?}"))),
        };
        let chart = Chart::new(dataset.inner.clone(), kind, width)
            .ok_or_else(|| JsError::new("the dataset has no data for this chart"))?;
        let mut view = ChartView {
            chart,
            base,
            overlay,
            scale: 1.0,
        };
        view.resize(width, scale)?;
        Ok(view)
    }

    /// Lays out for `width` CSS px at `scale` and redraws; returns the height in CSS px.
    pub fn resize(&mut self, width: f64, scale: f64) -> Result<f64, JsError> {
        self.scale = if scale.is_finite() && scale > 0.0 {
            scale.min(4.0)
        } else {
            1.0
        };
        let height = self.chart.resize(width);
        self.redraw()?;
        Ok(height)
    }

    fn redraw(&self) -> Result<(), JsError> {
        let (w, h) = self.chart.size();
        size_canvas(&self.base, w, h, self.scale);
        size_canvas(&self.overlay, w, h, self.scale);
        draw(&self.base, self.chart.marks(), self.scale, Some((w, h)))?;
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
        draw(&self.overlay, &self.chart.overlay(), self.scale, None)
    }

    /// Height in CSS px.
    #[wasm_bindgen(getter)]
    pub fn height(&self) -> f64 {
        self.chart.size().1
    }

    /// The pointer is at `(x, y)` CSS px from the canvas' top left. Returns the
    /// tooltip `{heading, rows: [{label, value, color}], x, y}` or `null`.
    pub fn pointer(&mut self, x: f64, y: f64) -> Result<JsValue, JsError> {
        let tooltip = self.chart.pointer(x, y);
        self.draw_overlay()?;
        match tooltip {
            Some(t) => to_js(&t),
            None => Ok(JsValue::NULL),
        }
    }

    /// The pointer left the chart.
    pub fn leave(&mut self) -> Result<(), JsError> {
        self.chart.leave();
        self.draw_overlay()
    }

    /// The chart's data: `{caption, columns, rows}`, every cell a string.
    pub fn table(&self) -> Result<JsValue, JsError> {
        to_js(&self.chart.table())
    }

    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.chart.title()
    }

    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> String {
        self.chart.summary()
    }

    /// Ranking: show all villages or the top 15; returns the new height.
    #[wasm_bindgen(js_name = setShowAll)]
    pub fn set_show_all(&mut self, all: bool) -> Result<f64, JsError> {
        self.chart.set_show_all(all);
        self.redraw()?;
        Ok(self.height())
    }

    /// Ranking: `[villages beyond the top N, villages with no value]`; empty for a trend.
    #[wasm_bindgen(js_name = rankingCounts)]
    pub fn ranking_counts(&self) -> Vec<u32> {
        self.chart
            .ranking_counts()
            .map(|(hidden, left_out)| vec![hidden as u32, left_out as u32])
            .unwrap_or_default()
    }

    /// The current view as a standalone SVG document.
    pub fn svg(&self) -> Result<String, JsError> {
        let (w, h) = self.chart.size();
        render::to_svg(self.chart.marks(), w, h).map_err(js_error)
    }
}
