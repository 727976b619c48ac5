//! Layout marks → plotters drawing calls, on any [`DrawingBackend`].
//!
//! The same function draws to the browser's canvas (plotters-canvas), to SVG
//! for export and tests (plotters-svg), and to a recording backend in tests.
//! Positions are CSS px; `scale` maps them to device pixels (devicePixelRatio,
//! or 2 for a 2× PNG), rounding once, here.

use plotters::prelude::{DrawingBackend, FontDesc, FontFamily, FontStyle, ShapeStyle, TextStyle};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color as _, RGBColor};
use plotters_backend::DrawingErrorKind;

use crate::error::{Error, Result};
use crate::mark::{Align, Baseline, Color, Mark, TextMark};
use crate::theme::FONT_FAMILY;

fn rgb(c: Color) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn draw_err<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> Error {
    Error::Draw(e.to_string())
}

/// A background to fill before drawing: size in CSS px and colour.
pub type Background = Option<(f64, f64, Color)>;

/// What the drawing loop asks of a backend. Object-safe, so that the loop is
/// compiled once for the canvas and the SVG export alike (it was compiled
/// once per backend: 4 KB of wasm).
trait Surface {
    fn rect(&mut self, from: (i32, i32), to: (i32, i32), style: &ShapeStyle) -> Result<()>;
    fn path(&mut self, points: &[(i32, i32)], style: &ShapeStyle) -> Result<()>;
    fn circle(&mut self, center: (i32, i32), radius: u32, style: &ShapeStyle) -> Result<()>;
    fn text(&mut self, text: &str, style: &TextStyle, at: (i32, i32)) -> Result<()>;
}

/// A plotters backend as a [`Surface`], with how its errors are reported.
struct Plot<'a, DB: DrawingBackend> {
    backend: &'a mut DB,
    error: fn(DrawingErrorKind<DB::ErrorType>) -> Error,
}

impl<DB: DrawingBackend> Surface for Plot<'_, DB> {
    fn rect(&mut self, from: (i32, i32), to: (i32, i32), style: &ShapeStyle) -> Result<()> {
        self.backend
            .draw_rect(from, to, style, true)
            .map_err(self.error)
    }
    fn path(&mut self, points: &[(i32, i32)], style: &ShapeStyle) -> Result<()> {
        self.backend
            .draw_path(points.iter().copied(), style)
            .map_err(self.error)
    }
    fn circle(&mut self, center: (i32, i32), radius: u32, style: &ShapeStyle) -> Result<()> {
        self.backend
            .draw_circle(center, radius, style, true)
            .map_err(self.error)
    }
    fn text(&mut self, text: &str, style: &TextStyle, at: (i32, i32)) -> Result<()> {
        self.backend.draw_text(text, style, at).map_err(self.error)
    }
}

/// Draws `marks` at `scale`, on `background` when set (the base canvas and
/// exports; the overlay stays transparent).
pub fn render<DB: DrawingBackend>(
    backend: &mut DB,
    marks: &[Mark],
    scale: f64,
    background: Background,
) -> Result<()> {
    render_with(backend, marks, scale, background, draw_err)
}

fn render_with<DB: DrawingBackend>(
    backend: &mut DB,
    marks: &[Mark],
    scale: f64,
    background: Background,
    error: fn(DrawingErrorKind<DB::ErrorType>) -> Error,
) -> Result<()> {
    backend.ensure_prepared().map_err(error)?;
    draw_marks(&mut Plot { backend, error }, marks, scale, background)?;
    backend.present().map_err(error)
}

fn draw_marks(
    surface: &mut dyn Surface,
    marks: &[Mark],
    scale: f64,
    background: Background,
) -> Result<()> {
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let px = |v: f64| (v * scale).round().clamp(-1e6, 1e6) as i32;
    if let Some((w, h, color)) = background {
        surface.rect((0, 0), (px(w), px(h)), &rgb(color).filled())?;
    }
    let mut points = Vec::new();
    for mark in marks {
        match mark {
            Mark::Rect { rect, fill } => surface.rect(
                (px(rect.x), px(rect.y)),
                (px(rect.right()), px(rect.bottom())),
                &rgb(*fill).filled(),
            )?,
            Mark::Shade { rect, fill, alpha } => surface.rect(
                (px(rect.x), px(rect.y)),
                (px(rect.right()), px(rect.bottom())),
                &rgb(*fill).mix(alpha.clamp(0.0, 1.0)).filled(),
            )?,
            Mark::Line {
                points: line,
                color,
                width,
            } => {
                let style = ShapeStyle {
                    color: rgb(*color).to_rgba(),
                    filled: false,
                    stroke_width: ((width * scale).round() as u32).max(1),
                };
                points.clear();
                points.extend(line.iter().map(|&(x, y)| (px(x), px(y))));
                surface.path(&points, &style)?
            }
            Mark::Circle {
                cx,
                cy,
                r,
                fill,
                stroke,
            } => {
                let center = (px(*cx), px(*cy));
                let radius = (r * scale).round().max(1.0) as u32;
                let ring = ((1.5 * scale).round() as u32).max(1);
                surface.circle(center, radius.saturating_add(ring), &rgb(*stroke).filled())?;
                surface.circle(center, radius, &rgb(*fill).filled())?;
            }
            Mark::Text(text) => draw_text(surface, text, scale, px(text.x), px(text.y))?,
        }
    }
    Ok(())
}

fn draw_text(surface: &mut dyn Surface, mark: &TextMark, scale: f64, x: i32, y: i32) -> Result<()> {
    if mark.text.is_empty() {
        return Ok(());
    }
    let style = if mark.bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let font = FontDesc::new(FontFamily::Name(FONT_FAMILY), mark.size * scale, style);
    let h = match mark.align {
        Align::Left => HPos::Left,
        Align::Center => HPos::Center,
        Align::Right => HPos::Right,
    };
    let v = match mark.baseline {
        Baseline::Top => VPos::Top,
        Baseline::Middle => VPos::Center,
        Baseline::Bottom => VPos::Bottom,
    };
    let color = rgb(mark.color);
    let text_style = TextStyle::from(font).color(&color).pos(Pos::new(h, v));
    surface.text(&mark.text, &text_style, (x, y))
}

/// The marks as a standalone SVG document `width`×`height` CSS px, for export.
/// Text is escaped by plotters-svg, so data never becomes markup.
pub fn to_svg(marks: &[Mark], width: f64, height: f64, background: Color) -> Result<String> {
    let mut out = String::new();
    {
        let size = (
            width.max(1.0).round() as u32,
            height.max(1.0).round() as u32,
        );
        let mut backend = plotters_svg::SVGBackend::with_string(&mut out, size);
        // Writing to a string cannot fail; the io error's words are not
        // linked in for a message no one would see.
        render_with(
            &mut backend,
            marks,
            1.0,
            Some((width, height, background)),
            |_| Error::Draw("the SVG could not be written".into()),
        )?;
    }
    Ok(out)
}
