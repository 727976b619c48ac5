//! The one recording [`DrawingBackend`] of the tests, the benchmark and the
//! render fuzzer: it draws nothing and records every call with its style, in the
//! spirit of plotters' `MockedBackend`, so tests see what was drawn, where and
//! how, without pixels or fonts. It can be told to refuse the `n`th call, to
//! test how drawing errors surface.
//!
//! Test support, not shipped: include it with
//! `#[path = "…/tests/support/record.rs"] mod record;`.

// Each includer uses a different part of it.
#![allow(dead_code)]

use std::fmt;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

/// One recorded drawing call, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    Rect {
        from: BackendCoord,
        to: BackendCoord,
        rgb: (u8, u8, u8),
        fill: bool,
    },
    Path {
        points: Vec<BackendCoord>,
        rgb: (u8, u8, u8),
        width: u32,
    },
    Circle {
        center: BackendCoord,
        radius: u32,
        rgb: (u8, u8, u8),
    },
    Text {
        text: String,
        at: BackendCoord,
        size: f64,
        family: String,
        bold: bool,
        /// (horizontal, vertical): `"left"`/`"center"`/`"right"`, `"top"`/`"center"`/`"bottom"`.
        anchor: (&'static str, &'static str),
        rgb: (u8, u8, u8),
    },
    Pixel(BackendCoord),
    Line {
        from: BackendCoord,
        to: BackendCoord,
    },
}

/// The error of a backend told to refuse a call.
#[derive(Debug)]
pub struct Refused;

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("refused")
    }
}

impl std::error::Error for Refused {}

type Res = Result<(), DrawingErrorKind<Refused>>;

/// Records calls on a surface of a given size.
#[derive(Debug, Clone, Default)]
pub struct RecordingBackend {
    pub size: (u32, u32),
    pub calls: Vec<Call>,
    /// How many times drawing was prepared and presented.
    pub prepared: usize,
    pub presented: usize,
    /// Refuse the drawing call with this index (0 = the first).
    pub fail_at: Option<usize>,
}

impl RecordingBackend {
    pub fn new(width: u32, height: u32) -> Self {
        RecordingBackend {
            size: (width, height),
            ..RecordingBackend::default()
        }
    }

    /// A backend that refuses drawing call `n` (0-based) and records none after it.
    pub fn failing_at(mut self, n: usize) -> Self {
        self.fail_at = Some(n);
        self
    }

    fn push(&mut self, call: Call) -> Res {
        if self.fail_at == Some(self.calls.len()) {
            return Err(DrawingErrorKind::DrawingError(Refused));
        }
        self.calls.push(call);
        Ok(())
    }

    /// Every filled or stroked rectangle (the background included), as (from, to, rgb).
    pub fn rects(&self) -> impl Iterator<Item = (&BackendCoord, &BackendCoord, (u8, u8, u8))> {
        self.calls.iter().filter_map(|c| match c {
            Call::Rect { from, to, rgb, .. } => Some((from, to, *rgb)),
            _ => None,
        })
    }

    /// Every text drawn, in order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.calls.iter().filter_map(|c| match c {
            Call::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// Every text call, with its style.
    pub fn text_calls(&self) -> impl Iterator<Item = &Call> {
        self.calls.iter().filter(|c| matches!(c, Call::Text { .. }))
    }

    pub fn circles(&self) -> usize {
        self.count(|c| matches!(c, Call::Circle { .. }))
    }

    pub fn paths(&self) -> usize {
        self.count(|c| matches!(c, Call::Path { .. }))
    }

    pub fn count(&self, pred: impl Fn(&Call) -> bool) -> usize {
        self.calls.iter().filter(|c| pred(c)).count()
    }
}

impl DrawingBackend for RecordingBackend {
    type ErrorType = Refused;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Res {
        self.prepared += 1;
        Ok(())
    }
    fn present(&mut self) -> Res {
        self.presented += 1;
        Ok(())
    }
    fn draw_pixel(&mut self, point: BackendCoord, _: BackendColor) -> Res {
        self.push(Call::Pixel(point))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, _: &S) -> Res {
        self.push(Call::Line { from, to })
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res {
        self.push(Call::Rect {
            from,
            to,
            rgb: style.color().rgb,
            fill,
        })
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res {
        self.push(Call::Path {
            points: path.into_iter().collect(),
            rgb: style.color().rgb,
            width: style.stroke_width(),
        })
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        _fill: bool,
    ) -> Res {
        self.push(Call::Circle {
            center,
            radius,
            rgb: style.color().rgb,
        })
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Res {
        let anchor = style.anchor();
        let h = match anchor.h_pos {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        };
        let v = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "center",
            VPos::Bottom => "bottom",
        };
        self.push(Call::Text {
            text: text.to_string(),
            at,
            size: style.size(),
            family: style.family().as_str().to_string(),
            bold: matches!(style.style(), FontStyle::Bold),
            anchor: (h, v),
            rgb: style.color().rgb,
        })
    }
}
