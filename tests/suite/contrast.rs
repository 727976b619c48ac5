//! Contrast and colour vision over the themes' colours: every text and mark
//! meets its WCAG 2.2 ratio against what it sits on, and the colours used
//! together stay apart (ΔE00 ≥ 10) for normal vision and for simulated
//! deuteranopia, protanopia and tritanopia.
//!
//! The colour science is here in full, so the rule can be read and checked:
//! WCAG relative luminance; the Machado, Oliveira & Fernandes (2009) dichromacy
//! matrices at severity 1.0, applied to linear sRGB; sRGB → XYZ → CIELAB (D65);
//! and CIEDE2000 as Sharma, Wu & Dalal (2005) spell it out.
//!
//! Run `cargo test contrast -- --nocapture` to see the worst case of each rule.

use heluo::theme::{Color, Theme, DARK, LIGHT};

fn themes() -> [(&'static str, &'static Theme); 2] {
    [("LIGHT", &LIGHT), ("DARK", &DARK)]
}

// ---- WCAG contrast -------------------------------------------------------

/// An sRGB channel (0–255) in linear light, as WCAG and CIE both define it.
fn linear(v: u8) -> f64 {
    let v = f64::from(v) / 255.0;
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG relative luminance.
fn luminance(c: Color) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

/// WCAG contrast ratio, 1–21.
fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

// ---- Colour vision ---------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Vision {
    Normal,
    Deuteranopia,
    Protanopia,
    Tritanopia,
}

const VISIONS: [Vision; 4] = [
    Vision::Normal,
    Vision::Deuteranopia,
    Vision::Protanopia,
    Vision::Tritanopia,
];

type Matrix = [[f64; 3]; 3];

// Machado, Oliveira & Fernandes (2009), severity 1.0, for linear RGB.
const PROTANOPIA: Matrix = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const DEUTERANOPIA: Matrix = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const TRITANOPIA: Matrix = [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.303900],
];

/// Linear sRGB to CIE XYZ, D65 white.
const SRGB_TO_XYZ: Matrix = [
    [0.4124564, 0.3575761, 0.1804375],
    [0.2126729, 0.7151522, 0.0721750],
    [0.0193339, 0.1191920, 0.9503041],
];

fn apply(m: &Matrix, v: [f64; 3]) -> [f64; 3] {
    m.map(|row| row[0] * v[0] + row[1] * v[1] + row[2] * v[2])
}

/// The CIELAB (D65) coordinates of `c` as seen with `vision`: the simulation
/// acts on linear RGB and its result is clipped to the display's gamut.
fn lab(c: Color, vision: Vision) -> [f64; 3] {
    let rgb = [linear(c.0), linear(c.1), linear(c.2)];
    let seen = match vision {
        Vision::Normal => rgb,
        Vision::Deuteranopia => apply(&DEUTERANOPIA, rgb),
        Vision::Protanopia => apply(&PROTANOPIA, rgb),
        Vision::Tritanopia => apply(&TRITANOPIA, rgb),
    }
    .map(|v| v.clamp(0.0, 1.0));
    let xyz = apply(&SRGB_TO_XYZ, seen);
    // The white point is the matrix's own white, so #ffffff is exactly L* 100.
    let white = apply(&SRGB_TO_XYZ, [1.0; 3]);
    let f = |t: f64| {
        const D: f64 = 6.0 / 29.0;
        if t > D * D * D {
            t.cbrt()
        } else {
            t / (3.0 * D * D) + 4.0 / 29.0
        }
    };
    let [fx, fy, fz] = [0, 1, 2].map(|i| f(xyz[i] / white[i]));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 colour difference (kL = kC = kH = 1), following the equations
/// and the hue conventions of Sharma, Wu & Dalal (2005).
fn ciede2000(lab1: [f64; 3], lab2: [f64; 3]) -> f64 {
    let [l1, a1, b1] = lab1;
    let [l2, a2, b2] = lab2;
    let pow25_7 = 25f64.powi(7);
    let c_mean = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (c_mean.powi(7) / (c_mean.powi(7) + pow25_7)).sqrt());
    let (a1, a2) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1, c2) = (a1.hypot(b1), a2.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1, h2) = (hue(b1, a1), hue(b2, a2));
    let chromatic = c1 * c2 != 0.0;

    let dl = l2 - l1;
    let dc = c2 - c1;
    let dh = match h2 - h1 {
        _ if !chromatic => 0.0,
        d if d > 180.0 => d - 360.0,
        d if d < -180.0 => d + 360.0,
        d => d,
    };
    let dh_big = 2.0 * (c1 * c2).sqrt() * (dh / 2.0).to_radians().sin();

    let l_mean = (l1 + l2) / 2.0;
    let c_mean = (c1 + c2) / 2.0;
    let h_mean = if !chromatic {
        h1 + h2
    } else if (h1 - h2).abs() <= 180.0 {
        (h1 + h2) / 2.0
    } else if h1 + h2 < 360.0 {
        (h1 + h2 + 360.0) / 2.0
    } else {
        (h1 + h2 - 360.0) / 2.0
    };
    let cos = |deg: f64| deg.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_mean - 30.0) + 0.24 * cos(2.0 * h_mean) + 0.32 * cos(3.0 * h_mean + 6.0)
            - 0.20 * cos(4.0 * h_mean - 63.0);
    let d_theta = 30.0 * (-((h_mean - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (c_mean.powi(7) / (c_mean.powi(7) + pow25_7)).sqrt();
    let s_l = 1.0 + 0.015 * (l_mean - 50.0).powi(2) / (20.0 + (l_mean - 50.0).powi(2)).sqrt();
    let s_c = 1.0 + 0.045 * c_mean;
    let s_h = 1.0 + 0.015 * c_mean * t;
    let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
    let (l, c, h) = (dl / s_l, dc / s_c, dh_big / s_h);
    (l * l + c * c + h * h + r_t * c * h).sqrt()
}

fn delta_e(a: Color, b: Color, vision: Vision) -> f64 {
    ciede2000(lab(a, vision), lab(b, vision))
}

// ---- The rules ---------------------------------------------------------------

const TEXT: f64 = 4.5;
const MARK: f64 = 3.0;
const APART: f64 = 10.0;

/// One foreground on one background, with the ratio it must meet.
struct Pair {
    what: String,
    fg: Color,
    bg: Color,
    min: f64,
}

/// Every pair the charts draw: text on the background and on a pinned row;
/// marks on the background; the pinned bar on its band. Gridlines are
/// decoration (the tick labels carry the values) and the zoom selection and
/// hover veil are transient feedback, so they have no pair here.
fn pairs(theme: &Theme) -> Vec<Pair> {
    let pair = |what: &str, fg: Color, bg: Color, min: f64| Pair {
        what: what.to_string(),
        fg,
        bg,
        min,
    };
    let (bg, pin) = (theme.background, theme.pin_background);
    let mut out = vec![
        pair("ink text on background", theme.ink, bg, TEXT),
        pair("muted text on background", theme.muted, bg, TEXT),
        // An inactive legend entry's label is drawn in the axis colour.
        pair("axis text on background", theme.axis, bg, TEXT),
        pair("ink text on pin_background", theme.ink, pin, TEXT),
        pair("muted text on pin_background", theme.muted, pin, TEXT),
        pair("axis line on background", theme.axis, bg, MARK),
        pair("no_group on background", theme.no_group, bg, MARK),
        pair("highlight on background", theme.highlight, bg, MARK),
        pair("highlight on pin_background", theme.highlight, pin, MARK),
    ];
    for (i, &c) in theme.palette.iter().enumerate() {
        let what = format!("palette[{i}] on background");
        out.push(pair(&what, c, bg, MARK));
    }
    out
}

/// The colours that can be on screen together and must be told apart: the
/// palette (a trend's series from the first, a ranking's groups from the
/// second), the grey of villages without a group, and the pinned bar. All ten
/// pairwise: a superset of what any one chart shows, so the rule holds however
/// many series or groups a dataset has.
fn used_together(theme: &Theme) -> Vec<(String, Color)> {
    let mut out: Vec<(String, Color)> = theme
        .palette
        .iter()
        .enumerate()
        .map(|(i, &c)| (format!("palette[{i}]"), c))
        .collect();
    out.push(("no_group".to_string(), theme.no_group));
    out.push(("highlight".to_string(), theme.highlight));
    out
}

/// The closest two colours of `theme`'s [`used_together`] set under `vision`.
fn closest(theme: &Theme, vision: Vision) -> (f64, String) {
    let set = used_together(theme);
    let mut worst = (f64::INFINITY, String::new());
    for (i, (name_a, a)) in set.iter().enumerate() {
        for (name_b, b) in set.iter().skip(i + 1) {
            let d = delta_e(*a, *b, vision);
            if d < worst.0 {
                worst = (d, format!("{name_a} {} / {name_b} {}", a.hex(), b.hex()));
            }
        }
    }
    worst
}

// ---- The measures checked ------------------------------------------------------

#[test]
fn contrast_is_measured_as_wcag_does() {
    let white = Color(0xff, 0xff, 0xff);
    let ratio = contrast(Color(0x77, 0x77, 0x77), white);
    assert!((ratio - 4.48).abs() < 0.005, "#777 on white: {ratio:.4}");
    assert!((contrast(Color(0, 0, 0), white) - 21.0).abs() < 1e-9);
    assert_eq!(
        contrast(white, Color(0, 0, 0)),
        contrast(Color(0, 0, 0), white)
    );
}

#[test]
fn ciede2000_matches_sharma_wu_dalal() {
    // Pairs 1, 7, 17, 19, 25 and 34 of Table 1 in Sharma, Wu & Dalal (2005):
    // a blue pair, a grey against a near-grey (the hue of an achromatic colour),
    // large differences, a green pair and two near-blacks.
    let table = [
        ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
        ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
        ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
        ([50.0, 2.5, 0.0], [56.0, -27.0, -3.0], 31.9030),
        (
            [60.2574, -34.0099, 36.2677],
            [60.4626, -34.1751, 39.4387],
            1.2644,
        ),
        (
            [2.0776, 0.0795, -1.1350],
            [0.9033, -0.0636, -0.5514],
            0.9082,
        ),
    ];
    for (a, b, expected) in table {
        let d = ciede2000(a, b);
        assert!(
            (d - expected).abs() < 5e-5,
            "{a:?} / {b:?}: {d:.4}, expected {expected}"
        );
        assert!((ciede2000(b, a) - d).abs() < 1e-9, "symmetric");
    }
}

#[test]
fn the_simulations_keep_greys_and_lose_a_hue_axis() {
    // Each Machado matrix maps white to white (its rows sum to 1), so greys are
    // seen as they are, and lightness survives.
    for vision in VISIONS {
        let [l, a, b] = lab(Color(0xff, 0xff, 0xff), vision);
        assert!(
            (l - 100.0).abs() < 0.01 && a.abs() < 0.1 && b.abs() < 0.1,
            "{vision:?}: {l} {a} {b}"
        );
    }
    // The confusion each one is known for: far apart for normal vision, close
    // for that type. The first two are the old palette's, as issue 9 found them.
    let pairs = [
        (
            "teal / grey",
            Color(0x2a, 0x9d, 0x8f),
            Color(0x8a, 0x94, 0x9e),
            Vision::Deuteranopia,
        ),
        (
            "blue / purple",
            Color(0x1f, 0x6f, 0xb5),
            Color(0x8e, 0x5e, 0xa2),
            Vision::Protanopia,
        ),
        (
            "periwinkle / sea green",
            Color(0x80, 0xa0, 0xff),
            Color(0x70, 0xb0, 0xa0),
            Vision::Tritanopia,
        ),
    ];
    for (what, a, b, vision) in pairs {
        let (normal, seen) = (delta_e(a, b, Vision::Normal), delta_e(a, b, vision));
        assert!(
            normal > 20.0 && seen < 9.0,
            "{what}: {normal:.2} normal, {seen:.2} {vision:?}"
        );
    }
}

// ---- The themes checked ----------------------------------------------------------

#[test]
fn every_text_and_mark_meets_its_contrast_ratio() {
    let mut failures = Vec::new();
    let mut report = String::from("worst contrast (text needs 4.5:1, graphics 3:1):\n");
    for (name, theme) in themes() {
        let pairs = pairs(theme);
        for min in [TEXT, MARK] {
            let worst = pairs
                .iter()
                .filter(|p| p.min == min)
                .map(|p| (contrast(p.fg, p.bg), p))
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((ratio, p)) = worst {
                report += &format!(
                    "  {name:5} {:>5}  {ratio:5.2}:1  {} ({} on {})\n",
                    format!("{min}:1"),
                    p.what,
                    p.fg.hex(),
                    p.bg.hex()
                );
            }
        }
        for p in &pairs {
            let ratio = contrast(p.fg, p.bg);
            if ratio < p.min {
                failures.push(format!(
                    "{name} {}: {} on {} is {ratio:.2}:1, needs {}:1",
                    p.what,
                    p.fg.hex(),
                    p.bg.hex(),
                    p.min
                ));
            }
        }
    }
    println!("{report}");
    assert!(failures.is_empty(), "{report}\n{}", failures.join("\n"));
}

#[test]
fn colours_used_together_stay_apart_in_every_vision() {
    let mut failures = Vec::new();
    let mut report = String::from("closest two colours used together (ΔE00, needs 10):\n");
    for (name, theme) in themes() {
        for vision in VISIONS {
            let (d, which) = closest(theme, vision);
            report += &format!("  {name:5} {:12} {d:5.2}  {which}\n", format!("{vision:?}"));
        }
        let set = used_together(theme);
        for (i, (name_a, a)) in set.iter().enumerate() {
            for (name_b, b) in set.iter().skip(i + 1) {
                for vision in VISIONS {
                    let d = delta_e(*a, *b, vision);
                    if d < APART {
                        failures.push(format!(
                            "{name} {name_a} {} / {name_b} {} under {vision:?}: ΔE00 {d:.2} < {APART}",
                            a.hex(),
                            b.hex()
                        ));
                    }
                }
            }
        }
    }
    println!("{report}");
    assert!(failures.is_empty(), "{report}\n{}", failures.join("\n"));
}

#[test]
fn the_pin_highlight_is_apart_from_every_group_colour() {
    // Also inside the rule above; said on its own because a pinned bar replaces
    // its group's colour, and the old amber pin was ΔE00 6.7 from the orange group.
    let mut failures = Vec::new();
    let mut report = String::from("closest colour to the pin highlight (ΔE00, needs 10):\n");
    for (name, theme) in themes() {
        let others = theme.palette.iter().chain([&theme.no_group]);
        for vision in VISIONS {
            let nearest = others
                .clone()
                .map(|&c| (delta_e(theme.highlight, c, vision), c))
                .min_by(|a, b| a.0.total_cmp(&b.0));
            let Some((d, c)) = nearest else { continue };
            let line = format!(
                "{name:5} {:12} {d:5.2}  highlight {} / {}",
                format!("{vision:?}"),
                theme.highlight.hex(),
                c.hex()
            );
            if d < APART {
                failures.push(line.clone());
            }
            report += &format!("  {line}\n");
        }
    }
    println!("{report}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
