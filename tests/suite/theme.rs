//! Themes: each is complete and readable. Text colours meet WCAG's 4.5:1 and
//! data marks 3:1 against the theme's background, as `src/theme.rs` promises.

use heluo::theme::{Color, Theme, ThemeName, DARK, LIGHT};

/// WCAG relative luminance of an sRGB colour.
fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// WCAG contrast ratio, 1–21.
fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn themes() -> [&'static Theme; 2] {
    [&LIGHT, &DARK]
}

#[test]
fn contrast_is_measured_as_wcag_does() {
    assert!((contrast(Color(0, 0, 0), Color(255, 255, 255)) - 21.0).abs() < 1e-9);
    assert_eq!(contrast(LIGHT.ink, LIGHT.ink), 1.0);
}

#[test]
fn names_find_their_themes() {
    assert_eq!(ThemeName::from_name("light"), Some(ThemeName::Light));
    assert_eq!(ThemeName::from_name("dark"), Some(ThemeName::Dark));
    assert_eq!(ThemeName::from_name("Dark"), None);
    assert_eq!(ThemeName::default(), ThemeName::Light);
    for theme in themes() {
        assert_eq!(theme.name.theme(), theme);
    }
    assert_eq!(LIGHT.background, Color(0xff, 0xff, 0xff));
    assert_eq!(Color(0x1f, 0x6f, 0xb5).hex(), "#1f6fb5");
}

#[test]
fn text_colours_meet_4_5_to_1() {
    for theme in themes() {
        for (what, color) in [("ink", theme.ink), ("muted", theme.muted)] {
            let ratio = contrast(color, theme.background);
            assert!(ratio >= 4.5, "{:?} {what}: {ratio:.2}:1", theme.name);
        }
        // Pinned rows put ink on a tinted band.
        let ratio = contrast(theme.ink, theme.pin_background);
        assert!(
            ratio >= 4.5,
            "{:?} ink on a pinned row: {ratio:.2}:1",
            theme.name
        );
    }
}

#[test]
fn the_dark_theme_marks_meet_3_to_1() {
    let theme = &DARK;
    for (i, &color) in theme.palette.iter().enumerate() {
        let ratio = contrast(color, theme.background);
        assert!(ratio >= 3.0, "palette[{i}] {}: {ratio:.2}:1", color.hex());
    }
    for (what, color) in [
        ("highlight", theme.highlight),
        ("no_group", theme.no_group),
        ("axis", theme.axis),
        ("selection", theme.selection),
    ] {
        let ratio = contrast(color, theme.background);
        assert!(ratio >= 3.0, "{what} {}: {ratio:.2}:1", color.hex());
    }
}

#[test]
fn the_light_theme_marks_meet_3_to_1() {
    let theme = &LIGHT;
    let mut low = Vec::new();
    for (i, &color) in theme.palette.iter().enumerate() {
        let ratio = contrast(color, theme.background);
        if ratio < 3.0 {
            low.push(format!("palette[{i}] {} {ratio:.2}:1", color.hex()));
        }
    }
    for (what, color) in [
        ("highlight", theme.highlight),
        ("no_group", theme.no_group),
        ("selection", theme.selection),
    ] {
        let ratio = contrast(color, theme.background);
        if ratio < 3.0 {
            low.push(format!("{what} {} {ratio:.2}:1", color.hex()));
        }
    }
    assert!(low.is_empty(), "{low:?}");
}

#[test]
fn grid_is_quieter_than_axis_in_both_themes() {
    for theme in themes() {
        let grid = contrast(theme.grid, theme.background);
        let axis = contrast(theme.axis, theme.background);
        assert!(
            grid < axis,
            "{:?}: grid {grid:.2} vs axis {axis:.2}",
            theme.name
        );
        assert_eq!(theme.palette_color(0), theme.palette[0]);
        assert_eq!(theme.palette_color(8), theme.palette[0], "colours cycle");
    }
}
