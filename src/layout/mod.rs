//! Dataset + view state + size → every mark's geometry, in CSS pixels.
//!
//! A layout is a flat list of [`Mark`]s (what render draws, in order) plus the
//! structures hit-testing reads (point columns, bar rows). Both come from one
//! computation, so what the pointer finds is always what was drawn.

pub mod ranking;
pub mod trend;

pub use ranking::{GroupItem, RankingLayout, RankingView};
pub use trend::{TrendLayout, TrendView};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// `#rrggbb`, for the web layer's legend swatches and the tooltip.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

pub const INK: Color = Color(0x1a, 0x1a, 0x1a);
pub const MUTED: Color = Color(0x5f, 0x63, 0x68);
pub const GRID: Color = Color(0xe3, 0xe5, 0xe8);
pub const AXIS: Color = Color(0x9a, 0xa0, 0xa6);
pub const WHITE: Color = Color(0xff, 0xff, 0xff);
pub const HIGHLIGHT: Color = Color(0xf5, 0xa6, 0x23);

/// Series and bar colours: distinct in hue and lightness, readable on white,
/// ordered so the first two (a district and its nation) contrast most.
pub const PALETTE: [Color; 8] = [
    Color(0xc0, 0x39, 0x2b),
    Color(0x1f, 0x6f, 0xb5),
    Color(0x2a, 0x9d, 0x8f),
    Color(0x8e, 0x5e, 0xa2),
    Color(0xe0, 0x8e, 0x0b),
    Color(0x4b, 0x5d, 0x67),
    Color(0xd6, 0x5d, 0xb1),
    Color(0x6a, 0x8d, 0x1f),
];

/// The font stack for every text mark; CJK faces are named so Chinese renders.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, Segoe UI, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif";

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
    pub text: String,
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
    pub(crate) fn text(text: impl Into<String>, x: f64, y: f64, size: f64) -> TextMark {
        TextMark {
            text: text.into(),
            x,
            y,
            size,
            bold: false,
            color: INK,
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
    text.chars().map(char_em).sum::<f64>() * size
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.28,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
        '0'..='9' => 0.56,
        'A'..='Z' | '%' | '@' | '&' => 0.66,
        'm' | 'w' => 0.8,
        c if c.is_ascii() => 0.52,
        c if (c as u32) >= 0x2E80 => 1.0,
        _ => 0.6,
    }
}

/// `text`, cut with `…` so it fits in `max_width` px at `size`.
pub fn fit_text(text: &str, size: f64, max_width: f64) -> String {
    if text_width(text, size) <= max_width {
        return text.to_string();
    }
    let budget = max_width - text_width("…", size);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += char_em(c) * size;
        if used > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Header texts shared by both charts: a bold title and an optional grey subtitle,
/// each cut to the width. Returns the y just below them.
pub(crate) fn header(
    marks: &mut Vec<Mark>,
    title: &str,
    subtitle: Option<&str>,
    pad: f64,
    width: f64,
) -> f64 {
    let inner = (width - 2.0 * pad).max(0.0);
    let mut y = pad;
    marks.push(Mark::Text(
        Mark::text(fit_text(title, 17.0, inner), pad, y, 17.0).bold(),
    ));
    y += 24.0;
    if let Some(sub) = subtitle {
        marks.push(Mark::Text(
            Mark::text(fit_text(sub, 13.0, inner), pad, y, 13.0).color(MUTED),
        ));
        y += 19.0;
    }
    y
}

/// Footer lines (footnotes, then the source credit) at the bottom of a chart of
/// `height`. Returns the y where the footer begins.
pub(crate) fn footer(
    marks: &mut Vec<Mark>,
    lines: &[String],
    pad: f64,
    width: f64,
    height: f64,
) -> f64 {
    let inner = (width - 2.0 * pad).max(0.0);
    let top = height - pad - lines.len() as f64 * 16.0;
    for (i, line) in lines.iter().enumerate() {
        marks.push(Mark::Text(
            Mark::text(
                fit_text(line, 11.5, inner),
                pad,
                top + i as f64 * 16.0,
                11.5,
            )
            .color(MUTED),
        ));
    }
    top
}

/// Height the footer will take for `lines` lines.
pub(crate) fn footer_height(lines: usize) -> f64 {
    lines as f64 * 16.0
}

/// A usable width: at least 1 px, at most 100,000 px (no screen or export is
/// wider, and beyond that label positions lose precision), and 1 for NaN.
pub(crate) fn sane_width(width: f64) -> f64 {
    if width.is_nan() {
        1.0
    } else {
        width.clamp(1.0, 100_000.0)
    }
}

/// The outer padding: tighter on phones.
pub(crate) fn padding(width: f64) -> f64 {
    if width < 480.0 {
        8.0
    } else {
        12.0
    }
}

/// The credit line under a chart, in the dataset's language.
pub(crate) fn credit(source: Option<&str>, chinese: bool) -> Option<String> {
    source.map(str::trim).filter(|s| !s.is_empty()).map(|s| {
        if chinese {
            format!("来源：{s}")
        } else {
            format!("Source: {s}")
        }
    })
}
