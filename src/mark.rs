//! Marks: the plain-data drawing instructions every layout produces and every
//! renderer (canvas, SVG, the test recorder) draws. A closed enum, so tests
//! compare marks with `==` and one renderer serves every device.

pub use crate::theme::Color;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether `(px, py)` lies inside, edges included.
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px <= self.right() && py >= self.y && py <= self.bottom()
    }
}

/// Horizontal placement of a text relative to its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Vertical placement of a text relative to its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// A line of text. Text is always drawn as text, never parsed as markup.
#[derive(Debug, Clone, PartialEq)]
pub struct TextMark {
    /// Shared, so copying marks (a re-rank animation frame) copies no text.
    pub text: std::rc::Rc<str>,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub bold: bool,
    pub color: Color,
    pub align: Align,
    pub baseline: Baseline,
}

/// One drawing instruction.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Rect {
        rect: Rect,
        fill: Color,
    },
    /// A translucent rectangle (a zoom selection), `alpha` in 0–1.
    Shade {
        rect: Rect,
        fill: Color,
        alpha: f64,
    },
    /// An open polyline.
    Line {
        points: Vec<(f64, f64)>,
        color: Color,
        width: f64,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: Color,
        stroke: Color,
    },
    Text(TextMark),
}

impl Mark {
    /// A text mark in `color`, left/top aligned until told otherwise.
    pub(crate) fn text(
        text: impl Into<String>,
        x: f64,
        y: f64,
        size: f64,
        color: Color,
    ) -> TextMark {
        TextMark {
            text: std::rc::Rc::from(text.into()),
            x,
            y,
            size,
            bold: false,
            color,
            align: Align::Left,
            baseline: Baseline::Top,
        }
    }
}

impl TextMark {
    pub(crate) fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub(crate) fn color(mut self, color: Color) -> Self {
        self.color = color;
        self
    }
    pub(crate) fn align(mut self, align: Align, baseline: Baseline) -> Self {
        self.align = align;
        self.baseline = baseline;
        self
    }
}

/// Estimated advance of `text` at `size` px. The same estimate is used on every
/// platform, so layout (and with it hit-testing) is identical natively and in the
/// browser: CJK and full-width characters are one em, Latin letters about half.
pub fn text_width(text: &str, size: f64) -> f64 {
    let mut em = 0.0;
    let mut prev = ' ';
    for c in text.chars() {
        em += char_em(c, prev);
        prev = c;
    }
    em * size
}

/// The ems `c` takes after `prev`: what is drawn over or joined to the glyph
/// before it (combining marks, variation selectors, a character after a
/// zero-width joiner, as in 👨‍👩‍👧) takes none.
#[inline(never)]
fn char_em(c: char, prev: char) -> f64 {
    match c {
        _ if prev == '\u{200D}' => 0.0,
        ' ' => 0.28,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
        '0'..='9' => 0.56,
        // The widest capitals (bold W is up to 1.1 em in system-ui fonts): a title of 2,000 Ws
        // is cut before the canvas' edge, its ellipsis shown.
        'W' => 1.12,
        'M' => 0.95,
        // '@' is close to an em in system-ui fonts.
        '@' => 0.95,
        'A'..='Z' | '%' | '&' => 0.66,
        'm' | 'w' => 0.8,
        c if c.is_ascii() => 0.52,
        // Combining marks draw over the letter before them (stacked ones
        // too); zero-width spaces and joiners, variation selectors, emoji
        // tags and skin tones change a glyph without taking room.
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2060}'..='\u{206F}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{FEFF}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0000}'..='\u{E0FFF}' => 0.0,
        // Dashes, arrows, maths, box drawing, shapes, dingbats: up to an em
        // wide in common fonts, so counted as one, and a cut never runs long.
        '\u{2010}'..='\u{2BFF}' => 1.0,
        // Emoji and other pictographs are drawn a little wider than an em.
        c if (c as u32) >= 0x1F000 => 1.25,
        c if (c as u32) >= 0x2E80 => 1.0,
        _ => 0.62,
    }
}

/// `text`, cut with `…` so it fits in `max_width` px at `size`.
/// `text` in lines that each fit `max_width` at `size`: broken at the last
/// space that fits (words stay whole), else between any two characters
/// (Chinese has no spaces).
pub fn wrap_text(text: &str, size: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    let mut prev = ' ';
    for c in text.chars() {
        let w = char_em(c, prev) * size;
        prev = c;
        if used + w > max_width && !line.is_empty() {
            let rest = match line.rfind(' ') {
                Some(at) if at > 0 => line.split_off(at.saturating_add(1)),
                _ => String::new(),
            };
            lines.push(line.trim_end().to_string());
            line = rest;
            used = text_width(&line, size);
        }
        line.push(c);
        used += w;
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

pub fn fit_text(text: &str, size: f64, max_width: f64) -> String {
    if text_width(text, size) <= max_width {
        return text.to_string();
    }
    let budget = max_width - text_width("…", size);
    let mut used = 0.0;
    let mut out = String::new();
    let mut prev = ' ';
    for c in text.chars() {
        used += char_em(c, prev) * size;
        prev = c;
        if used > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
