//! A [`DrawingBackend`] that draws nothing and records every call, in the spirit
//! of plotters' `MockedBackend`: tests, fuzzing and property checks see what was
//! drawn, and where, without pixels or fonts.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// One recorded drawing call, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    Rect {
        from: BackendCoord,
        to: BackendCoord,
        color: (u8, u8, u8),
    },
    Path(Vec<BackendCoord>),
    Circle {
        center: BackendCoord,
        radius: u32,
    },
    Text {
        text: String,
        at: BackendCoord,
    },
    Pixel(BackendCoord),
}

/// Records calls on a surface of a given size.
#[derive(Debug, Clone, Default)]
pub struct RecordingBackend {
    pub size: (u32, u32),
    pub calls: Vec<Call>,
}

impl RecordingBackend {
    pub fn new(width: u32, height: u32) -> Self {
        RecordingBackend {
            size: (width, height),
            calls: Vec::new(),
        }
    }

    /// Filled rectangles, excluding the background.
    pub fn rects(&self) -> impl Iterator<Item = (&BackendCoord, &BackendCoord, (u8, u8, u8))> {
        self.calls.iter().filter_map(|c| match c {
            Call::Rect { from, to, color } if *from != (0, 0) => Some((from, to, *color)),
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

    pub fn count(&self, kind: fn(&Call) -> bool) -> usize {
        self.calls.iter().filter(|c| kind(c)).count()
    }
}

/// Recording never fails.
#[derive(Debug)]
pub struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}

impl std::error::Error for Never {}

type Res = Result<(), DrawingErrorKind<Never>>;

impl DrawingBackend for RecordingBackend {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }
    fn present(&mut self) -> Res {
        Ok(())
    }
    fn draw_pixel(&mut self, point: BackendCoord, _: BackendColor) -> Res {
        self.calls.push(Call::Pixel(point));
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, _: &S) -> Res {
        self.calls.push(Call::Path(vec![from, to]));
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
        _fill: bool,
    ) -> Res {
        let c = style.color().rgb;
        self.calls.push(Call::Rect { from, to, color: c });
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> Res {
        self.calls.push(Call::Path(path.into_iter().collect()));
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        _: &S,
        _fill: bool,
    ) -> Res {
        self.calls.push(Call::Circle { center, radius });
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, _: &T, at: BackendCoord) -> Res {
        self.calls.push(Call::Text {
            text: text.to_string(),
            at,
        });
        Ok(())
    }
}
