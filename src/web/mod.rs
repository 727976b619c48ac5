//! The only module that knows web-sys and `JsValue`: the wasm-bindgen API the
//! page's thin JavaScript calls. It turns JS arguments into core calls, core
//! errors into JS `Error`s (once, here), and core marks into canvas drawing.

use std::rc::Rc;

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::{Chart, ChartKind, Key};
use crate::dataset::Dataset;
use crate::error::{Error, MAX_FILE_BYTES};
use crate::layout::Mark;
use crate::render;

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
///
/// Text that is not UTF-8 is decoded as GB18030 (a superset of GBK, what
/// Excel and WPS write in China) by the browser's `TextDecoder`, at no cost
/// to the wasm; only if that fails too is the encoding error reported.
pub fn parse_dataset(bytes: &[u8]) -> Result<DatasetHandle, JsError> {
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
    parsed
        .map(|d| DatasetHandle { inner: Rc::new(d) })
        .map_err(js_error)
}

fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
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
            _ => {
                return Err(JsError::new(
                    "the chart kind must be \"trend\" or \"ranking\"",
                ))
            }
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
    /// Built with js-sys rather than serde: a table is plain strings, and the
    /// generic serializer for nested vectors costs the wasm kilobytes.
    pub fn table(&self) -> Result<JsValue, JsError> {
        let Some(table) = self.chart.table() else {
            return Ok(JsValue::NULL);
        };
        let strings = |cells: &[String]| {
            cells
                .iter()
                .map(|c| JsValue::from_str(c))
                .collect::<js_sys::Array>()
        };
        let rows: js_sys::Array = table.rows.iter().map(|r| strings(r)).collect();
        let out = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&out, &key.into(), value);
        set("caption", &table.caption.into())
            .and_then(|_| set("columns", &strings(&table.columns)))
            .and_then(|_| set("rows", &rows))
            .map_err(|_| JsError::new("could not build the data table"))?;
        Ok(out.into())
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

    /// A click or tap: toggles a legend entry or pins a bar. Returns whether
    /// the chart changed (it is redrawn already).
    pub fn click(&mut self, x: f64, y: f64) -> Result<bool, JsError> {
        let changed = self.chart.click(x, y);
        if changed {
            self.redraw()?;
        }
        Ok(changed)
    }

    /// A key (`KeyboardEvent.key`). Returns `undefined` when the chart does not
    /// use the key, else the tooltip now focused (or `null`).
    pub fn key(&mut self, key: &str) -> Result<JsValue, JsError> {
        let Some(key) = Key::from_dom(key, self.chart.kind()) else {
            return Ok(JsValue::UNDEFINED);
        };
        let pins = self.chart.pinned();
        let tooltip = self.chart.key(key);
        if self.chart.pinned() != pins {
            self.redraw()?;
        } else {
            self.draw_overlay()?;
        }
        match tooltip {
            Some(t) => to_js(&t),
            None => Ok(JsValue::NULL),
        }
    }

    /// Trend: previews a zoom selection from `x0` to `x1` (CSS px) on the overlay.
    #[wasm_bindgen(js_name = dragPreview)]
    pub fn drag_preview(&mut self, x0: f64, x1: f64) -> Result<(), JsError> {
        self.chart.set_drag(Some((x0, x1)));
        self.draw_overlay()
    }

    /// Trend: zooms to the years between `x0` and `x1`; false when fewer than two years lie there.
    #[wasm_bindgen(js_name = zoomTo)]
    pub fn zoom_to(&mut self, x0: f64, x1: f64) -> Result<bool, JsError> {
        let zoomed = self.chart.zoom_to(x0, x1);
        self.redraw()?;
        Ok(zoomed)
    }

    /// Trend: back to the full range; false when not zoomed.
    #[wasm_bindgen(js_name = resetZoom)]
    pub fn reset_zoom(&mut self) -> Result<bool, JsError> {
        let changed = self.chart.reset_zoom();
        if changed {
            self.redraw()?;
        }
        Ok(changed)
    }

    /// Trend: `[first, last]` zoomed years, or empty.
    #[wasm_bindgen(getter)]
    pub fn zoom(&self) -> Vec<i32> {
        self.chart
            .zoom()
            .map(|(a, b)| vec![a, b])
            .unwrap_or_default()
    }

    /// Trend: the series names; ranking: the group names (`""` = no group).
    #[wasm_bindgen(getter)]
    pub fn legend(&self) -> Vec<String> {
        let d = &self.dataset();
        match self.chart.kind() {
            ChartKind::Trend => d
                .trend
                .as_ref()
                .map(|t| t.series.iter().map(|s| s.name.clone()).collect())
                .unwrap_or_default(),
            ChartKind::Ranking => d
                .ranking
                .as_ref()
                .map(crate::layout::ranking::groups)
                .unwrap_or_default(),
        }
    }

    /// Trend: the `#rrggbb` colour of each legend entry (series or group).
    #[wasm_bindgen(getter, js_name = legendColors)]
    pub fn legend_colors(&self) -> Vec<String> {
        let names = self.legend();
        (0..names.len())
            .map(|i| match self.chart.kind() {
                ChartKind::Trend => crate::layout::trend::series_color(i).hex(),
                ChartKind::Ranking => crate::layout::ranking::group_color(&names, i).hex(),
            })
            .collect()
    }

    /// Trend: hides or shows a series.
    #[wasm_bindgen(js_name = setSeriesHidden)]
    pub fn set_series_hidden(&mut self, series: usize, hidden: bool) -> Result<(), JsError> {
        self.chart.set_series_hidden(series, hidden);
        self.redraw()
    }

    /// Trend: indices of hidden series.
    #[wasm_bindgen(getter, js_name = hiddenSeries)]
    pub fn hidden_series(&self) -> Vec<u32> {
        self.chart
            .hidden_series()
            .into_iter()
            .map(|i| i as u32)
            .collect()
    }

    /// Ranking: the metric labels, in dataset order.
    #[wasm_bindgen(getter)]
    pub fn metrics(&self) -> Vec<String> {
        self.dataset()
            .ranking
            .as_ref()
            .map(|r| r.metrics.iter().map(|m| m.label.clone()).collect())
            .unwrap_or_default()
    }

    /// Ranking: `[metric index, descending (1/0), show all (1/0)]`, and the group filter.
    #[wasm_bindgen(getter)]
    pub fn metric(&self) -> usize {
        self.chart.ranking_view().map_or(0, |v| v.metric)
    }

    #[wasm_bindgen(getter)]
    pub fn descending(&self) -> bool {
        self.chart.ranking_view().is_none_or(|v| v.descending)
    }

    #[wasm_bindgen(getter)]
    pub fn group(&self) -> Option<String> {
        self.chart.ranking_view().and_then(|v| v.group.clone())
    }

    /// Ranking: ranks by another metric. Returns the new height; call
    /// `transition(t)` to animate the re-sort, or nothing to jump.
    #[wasm_bindgen(js_name = setMetric)]
    pub fn set_metric(&mut self, metric: usize) -> Result<f64, JsError> {
        self.chart.set_metric(metric);
        self.redraw()?;
        Ok(self.height())
    }

    /// Ranking: largest first or smallest first; returns the new height.
    #[wasm_bindgen(js_name = setDescending)]
    pub fn set_descending(&mut self, descending: bool) -> Result<f64, JsError> {
        self.chart.set_descending(descending);
        self.redraw()?;
        Ok(self.height())
    }

    /// Ranking: filters to a group (`""` = villages without one), or all with `undefined`.
    #[wasm_bindgen(js_name = setGroup)]
    pub fn set_group(&mut self, group: Option<String>) -> Result<f64, JsError> {
        self.chart.set_group(group);
        self.redraw()?;
        Ok(self.height())
    }

    /// Draws frame `t` (0–1) of a pending re-sort; returns false once it is over.
    pub fn transition(&mut self, t: f64) -> Result<bool, JsError> {
        if !self.chart.has_transition() {
            return Ok(false);
        }
        let marks = self.chart.transition_marks(t);
        let (w, h) = self.chart.size();
        draw(&self.base, &marks, self.scale, Some((w, h)))?;
        Ok(self.chart.has_transition())
    }

    /// Ranking: indices of the villages whose name contains `query`.
    pub fn search(&self, query: &str) -> Vec<u32> {
        self.chart
            .search(query)
            .into_iter()
            .map(|i| i as u32)
            .collect()
    }

    /// Ranking: a village's name.
    #[wasm_bindgen(js_name = villageName)]
    pub fn village_name(&self, village: usize) -> Option<String> {
        self.dataset()
            .ranking
            .as_ref()
            .and_then(|r| r.villages.get(village))
            .map(|v| v.name.clone())
    }

    /// Ranking: pins or unpins a village; returns the new height.
    #[wasm_bindgen(js_name = togglePin)]
    pub fn toggle_pin(&mut self, village: usize) -> Result<f64, JsError> {
        self.chart.toggle_pin(village);
        self.redraw()?;
        Ok(self.height())
    }

    /// Ranking: the pinned villages.
    #[wasm_bindgen(getter)]
    pub fn pinned(&self) -> Vec<u32> {
        self.chart.pinned().into_iter().map(|i| i as u32).collect()
    }

    /// Ranking: the top of a village's row in CSS px, if shown.
    #[wasm_bindgen(js_name = rowTop)]
    pub fn row_top(&self, village: usize) -> Option<f64> {
        self.chart.row_top(village)
    }

    /// Draws the current view on `canvas` at `scale` (2 for a 2× PNG export).
    #[wasm_bindgen(js_name = drawTo)]
    pub fn draw_to(&self, canvas: HtmlCanvasElement, scale: f64) -> Result<(), JsError> {
        let (w, h) = self.chart.size();
        size_canvas(&canvas, w, h, scale);
        draw(&canvas, self.chart.marks(), scale, Some((w, h)))
    }

    /// The current view as a standalone SVG document.
    pub fn svg(&self) -> Result<String, JsError> {
        let (w, h) = self.chart.size();
        render::to_svg(self.chart.marks(), w, h).map_err(js_error)
    }
}

impl ChartView {
    fn dataset(&self) -> Rc<Dataset> {
        self.chart.dataset()
    }
}
