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

/// Draws `marks` at `scale`, on `background` when set (the base canvas and
/// exports; the overlay stays transparent).
pub fn render<DB: DrawingBackend>(
    backend: &mut DB,
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
    backend.ensure_prepared().map_err(draw_err)?;
    if let Some((w, h, color)) = background {
        backend
            .draw_rect((0, 0), (px(w), px(h)), &rgb(color).filled(), true)
            .map_err(draw_err)?;
    }
    for mark in marks {
        match mark {
            Mark::Rect { rect, fill } => backend
                .draw_rect(
                    (px(rect.x), px(rect.y)),
                    (px(rect.right()), px(rect.bottom())),
                    &rgb(*fill).filled(),
                    true,
                )
                .map_err(draw_err)?,
            Mark::Shade { rect, fill, alpha } => backend
                .draw_rect(
                    (px(rect.x), px(rect.y)),
                    (px(rect.right()), px(rect.bottom())),
                    &rgb(*fill).mix(alpha.clamp(0.0, 1.0)).filled(),
                    true,
                )
                .map_err(draw_err)?,
            Mark::Line {
                points,
                color,
                width,
            } => {
                let style = ShapeStyle {
                    color: rgb(*color).to_rgba(),
                    filled: false,
                    stroke_width: ((width * scale).round() as u32).max(1),
                };
                backend
                    .draw_path(points.iter().map(|&(x, y)| (px(x), px(y))), &style)
                    .map_err(draw_err)?
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
                backend
                    .draw_circle(
                        center,
                        radius.saturating_add(ring),
                        &rgb(*stroke).filled(),
                        true,
                    )
                    .map_err(draw_err)?;
                backend
                    .draw_circle(center, radius, &rgb(*fill).filled(), true)
                    .map_err(draw_err)?;
            }
            Mark::Text(text) => draw_text(backend, text, scale, px(text.x), px(text.y))?,
        }
    }
    backend.present().map_err(draw_err)
}

fn draw_text<DB: DrawingBackend>(
    backend: &mut DB,
    mark: &TextMark,
    scale: f64,
    x: i32,
    y: i32,
) -> Result<()> {
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
    backend
        .draw_text(&mark.text, &text_style, (x, y))
        .map_err(draw_err)
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
        render(&mut backend, marks, 1.0, Some((width, height, background)))?;
    }
    Ok(out)
}
