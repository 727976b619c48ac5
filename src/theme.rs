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

/// The colours of one theme. What each must meet against what it sits on
/// (WCAG 2.2: text 4.5:1, graphics 3:1), and which colours must stay apart
/// under colour-vision deficiency, is checked by tests/suite/contrast.rs;
/// tests/suite/theme.rs checks the theme is complete.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    /// The chart's background (the canvas is filled with it; exports too).
    pub background: Color,
    /// Titles, names, values; the text of a pinned row. Text: 4.5:1 on
    /// `background` and on `pin_background`.
    pub ink: Color,
    /// Secondary text: subtitles, tick labels, notes, value labels, rank
    /// numbers. Text: 4.5:1 on `background` and on `pin_background`.
    pub muted: Color,
    /// Gridlines and an inactive legend swatch. Decoration, exempt from 3:1:
    /// the tick labels carry the values, and a hidden series' legend entry
    /// says so by its `axis`-coloured text (and, on the page, `aria-pressed`).
    pub grid: Color,
    /// Axis lines, the zero line, the crosshair (graphics), and the text of an
    /// inactive legend entry, so it is held to text's 4.5:1.
    pub axis: Color,
    /// A pinned bar, drawn on `pin_background`; on the page, the focus ring.
    /// 3:1 on both backgrounds, and apart from every palette colour in every
    /// vision type.
    pub highlight: Color,
    /// The band behind a pinned row.
    pub pin_background: Color,
    /// Villages without a group. A mark (3:1), and one of the colours used
    /// together in a ranking.
    pub no_group: Color,
    /// The zoom selection being dragged, shaded at 15% over the plot: transient
    /// feedback under the pointer, not information, so no ratio applies.
    pub selection: Color,
    /// The veil over a hovered bar (a few per cent alpha; the tooltip carries
    /// the hover's information).
    pub veil: Color,
    /// Series and group colours, in order of use: the trend's series from the
    /// first, the ranking's groups from the second. Marks: 3:1.
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

/// The light theme, on white.
///
/// The colours used together are the palette (a trend's series from the
/// first; a ranking's groups, up to seven, from the second), `no_group` and
/// the pin `highlight`. All ten, not only those one chart shows at once, are
/// every two at least ΔE00 10 apart (11 by design, a margin over the test's
/// 10) for normal vision and for simulated deuteranopia, protanopia and
/// tritanopia (Machado, Oliveira & Fernandes 2009, severity 1.0). Ten is
/// possible because the colours differ in lightness as well as hue: a
/// dichromat loses one hue axis, never lightness. The palette spans L* 38–62
/// (62 is as light as 3:1 on white allows), `no_group` is a warm grey at the
/// light end so ungrouped villages recede, and the highlight is ink, far
/// darker than any of them (L* 9), so a pinned bar stands apart from every
/// group in every vision type. Only so dark a colour (luminance under 0.018)
/// can also be the page's focus ring at 3:1 on both white (17:1) and the blue
/// file button (3.3:1); `www/style.css` uses it as `--focus`.
/// The red district and blue nation of the sample story keep their colours.
///
/// Greys from quiet to strong: `grid` (1.3:1, decoration) < `no_group`
/// (3.0) < `axis` (4.7, also inactive legend text) < `muted` (6.1) < `ink`.
pub const LIGHT: Theme = Theme {
    name: ThemeName::Light,
    background: Color(0xff, 0xff, 0xff),
    ink: Color(0x1a, 0x1a, 0x1a),
    muted: Color(0x5f, 0x63, 0x68),
    grid: Color(0xe3, 0xe5, 0xe8),
    axis: Color(0x70, 0x75, 0x7a),
    highlight: Color(0x1a, 0x1a, 0x1a),
    pin_background: Color(0xfd, 0xf3, 0xe1),
    no_group: Color(0x97, 0x94, 0x8e),
    selection: Color(0x1f, 0x6f, 0xb5),
    veil: Color(0x1a, 0x1a, 0x1a),
    palette: [
        Color(0xc0, 0x39, 0x2b), // red: the district
        Color(0x1f, 0x6f, 0xb5), // blue: the nation; the first group
        Color(0x00, 0xa5, 0xab), // teal
        Color(0x75, 0x4c, 0x7d), // plum
        Color(0xcc, 0x6c, 0x01), // orange
        Color(0x89, 0x4c, 0x49), // brown
        Color(0xa9, 0x62, 0x85), // mauve
        Color(0x7c, 0x97, 0x57), // sage
    ],
};

/// Designed for a dark page, not inverted: lighter series colours of the
/// same hues, and the same rule as [`LIGHT`]: the palette, `no_group` and
/// `highlight` pairwise ΔE00 ≥ 10 (11 by design) in all four vision types.
/// Here 3:1 on the near-black background asks for L* ≥ 43; the palette spans
/// L* 60–82, `no_group` is a grey at the dark end (L* 48, 3.7:1) so ungrouped
/// villages recede, and the highlight is the dark theme's ink (L* 94),
/// lighter than any palette colour.
///
/// Greys from quiet to strong: `grid` (1.4:1, decoration) < `no_group`
/// (3.7) < `axis` (4.8, also inactive legend text) < `muted` (8.0) < `ink`.
pub const DARK: Theme = Theme {
    name: ThemeName::Dark,
    background: Color(0x16, 0x19, 0x1d),
    ink: Color(0xec, 0xee, 0xf0),
    muted: Color(0xa9, 0xb0, 0xb8),
    grid: Color(0x2e, 0x34, 0x3b),
    axis: Color(0x7d, 0x87, 0x91),
    highlight: Color(0xec, 0xee, 0xf0),
    pin_background: Color(0x3b, 0x32, 0x1c),
    no_group: Color(0x72, 0x72, 0x72),
    selection: Color(0x6c, 0xb4, 0xff),
    veil: Color(0xff, 0xff, 0xff),
    palette: [
        Color(0xff, 0x62, 0x4a), // red
        Color(0x27, 0x93, 0xff), // blue
        Color(0x3e, 0xc5, 0xb1), // teal
        Color(0xa9, 0x83, 0xba), // lilac
        Color(0xfb, 0xc3, 0x35), // amber
        Color(0xc4, 0x92, 0x7b), // tan
        Color(0xff, 0x9a, 0xe5), // pink
        Color(0xae, 0xd1, 0x85), // sage
    ],
};

/// The font stack for every text mark; CJK faces are named so Chinese renders.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, Segoe UI, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif";
