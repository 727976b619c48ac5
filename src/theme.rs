//! Every colour the core draws with, as one value per theme. Layouts read the
//! theme they are given; nothing else in the core names a colour.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// `#rrggbb`, for the DOM layer's legend swatches and the tooltip.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Which theme: the reader's choice, or the page's `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
}

impl ThemeName {
    /// `"light"` or `"dark"`; anything else is `None`.
    pub fn from_name(name: &str) -> Option<ThemeName> {
        match name {
            "light" => Some(ThemeName::Light),
            "dark" => Some(ThemeName::Dark),
            _ => None,
        }
    }

    pub fn theme(self) -> &'static Theme {
        match self {
            ThemeName::Light => &LIGHT,
            ThemeName::Dark => &DARK,
        }
    }
}

/// The colours of one theme. Text colours meet 4.5:1 and marks 3:1 against
/// `background` (checked by tests/suite/theme.rs).
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    /// The chart's background (the canvas is filled with it; exports too).
    pub background: Color,
    /// Titles, names, values.
    pub ink: Color,
    /// Secondary text: subtitles, tick labels, notes, value labels.
    pub muted: Color,
    /// Gridlines (decoration: the tick labels carry the values).
    pub grid: Color,
    /// Axis lines, the zero line, the crosshair, inactive legend swatches' text.
    pub axis: Color,
    /// A pinned bar, and the focus ring.
    pub highlight: Color,
    /// The band behind a pinned row.
    pub pin_background: Color,
    /// Villages without a group.
    pub no_group: Color,
    /// The zoom selection being dragged.
    pub selection: Color,
    /// The veil over a hovered bar.
    pub veil: Color,
    /// Series and group colours, in order of use.
    pub palette: [Color; 8],
}

impl Theme {
    /// The colour of item `i` (a series, a group), cycling through the palette.
    pub fn palette_color(&self, i: usize) -> Color {
        i.checked_rem(self.palette.len())
            .and_then(|j| self.palette.get(j))
            .copied()
            .unwrap_or(self.muted)
    }
}

pub const LIGHT: Theme = Theme {
    name: ThemeName::Light,
    background: Color(0xff, 0xff, 0xff),
    ink: Color(0x1a, 0x1a, 0x1a),
    muted: Color(0x5f, 0x63, 0x68),
    grid: Color(0xe3, 0xe5, 0xe8),
    axis: Color(0x9a, 0xa0, 0xa6),
    highlight: Color(0xf5, 0xa6, 0x23),
    pin_background: Color(0xfd, 0xf3, 0xe1),
    no_group: Color(0x8a, 0x94, 0x9e),
    selection: Color(0x1f, 0x6f, 0xb5),
    veil: Color(0x1a, 0x1a, 0x1a),
    palette: [
        Color(0xc0, 0x39, 0x2b),
        Color(0x1f, 0x6f, 0xb5),
        Color(0x2a, 0x9d, 0x8f),
        Color(0x8e, 0x5e, 0xa2),
        Color(0xe0, 0x8e, 0x0b),
        Color(0x4b, 0x5d, 0x67),
        Color(0xd6, 0x5d, 0xb1),
        Color(0x6a, 0x8d, 0x1f),
    ],
};

/// Designed for a dark page, not inverted: lighter, less saturated series
/// colours, and greys that keep their roles (grid quieter than axis).
pub const DARK: Theme = Theme {
    name: ThemeName::Dark,
    background: Color(0x16, 0x19, 0x1d),
    ink: Color(0xec, 0xee, 0xf0),
    muted: Color(0xa9, 0xb0, 0xb8),
    grid: Color(0x2e, 0x34, 0x3b),
    axis: Color(0x7d, 0x87, 0x91),
    highlight: Color(0xff, 0xc2, 0x4d),
    pin_background: Color(0x3b, 0x32, 0x1c),
    no_group: Color(0x8f, 0x98, 0xa1),
    selection: Color(0x6c, 0xb4, 0xff),
    veil: Color(0xff, 0xff, 0xff),
    palette: [
        Color(0xff, 0x7a, 0x6b),
        Color(0x5f, 0xab, 0xff),
        Color(0x3f, 0xc7, 0xb6),
        Color(0xc4, 0x92, 0xe6),
        Color(0xf2, 0xb1, 0x34),
        Color(0xa3, 0xb6, 0xc2),
        Color(0xf0, 0x7e, 0xc9),
        Color(0x9c, 0xcf, 0x3a),
    ],
};

/// The font stack for every text mark; CJK faces are named so Chinese renders.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, Segoe UI, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif";
