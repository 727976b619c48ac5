//! File names made from village names: safe on Linux, macOS and Windows
//! whatever the name, and distinct from each other.
//!
//! A name keeps its letters (Chinese included) and loses what a file system
//! or a reader could trip on: path separators and `..` (no way out of the
//! folder), characters Windows refuses (`<>:"/\|?*`), control and bidi
//! formatting characters (a U+202E would show `gnp.exe` for `exe.png`),
//! leading dots and trailing dots and spaces. Windows' reserved device names
//! (CON, NUL, COM1, …) get a `_` after the name (`CON_`, `NUL_.txt`). A name is cut to 100 bytes of
//! UTF-8 at a character boundary (file systems allow 255 bytes, and the
//! extension and a number must fit). Names that come out the same, compared
//! without case (macOS and Windows do not tell `A` from `a`), are numbered:
//! `王屯村`, `王屯村-2`.

use std::collections::HashSet;

/// The longest stem, in bytes of UTF-8.
pub const MAX_STEM_BYTES: usize = 100;

/// A safe file stem for `name` (without extension); `fallback` when nothing
/// of the name is left (a name of only dots or invisible characters).
pub fn safe_stem(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut last_dash = false;
    for c in name.chars() {
        let keep = if bidi_or_invisible(c) || c.is_control() {
            None
        } else if matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*')
            || c.is_whitespace()
        {
            Some('-')
        } else {
            Some(c)
        };
        let Some(k) = keep else { continue };
        if k == '-' {
            if last_dash {
                continue;
            }
            last_dash = true;
        } else {
            last_dash = false;
        }
        if out.len() + k.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        out.push(k);
    }
    let trimmed = out
        .trim_start_matches(['.', '-', ' '])
        .trim_end_matches(['.', '-', ' ']);
    let mut stem = if trimmed.is_empty() {
        fallback.to_string()
    } else {
        trimmed.to_string()
    };
    if is_reserved(&stem) {
        // After the device name itself: `NUL.txt` is as reserved as `NUL`.
        let base = stem.find('.').unwrap_or(stem.len());
        stem.insert(base, '_');
    }
    stem
}

/// Windows' device names, reserved with any extension: `CON.png` opens the console.
fn is_reserved(stem: &str) -> bool {
    let base = stem
        .split('.')
        .next()
        .unwrap_or(stem)
        .trim_end()
        .to_ascii_uppercase();
    matches!(
        base.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || ((base.starts_with("COM") || base.starts_with("LPT"))
        && base.len() == 4
        && base
            .chars()
            .nth(3)
            .is_some_and(|d| d.is_ascii_digit() || matches!(d, '¹' | '²' | '³')))
}

/// Characters that reorder or hide text: bidi controls, zero-width
/// characters, the byte order mark, and other format characters.
fn bidi_or_invisible(c: char) -> bool {
    matches!(u32::from(c),
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0x061C | 0xFEFF | 0x00AD
        | 0xFFF9..=0xFFFB | 0xFFFE | 0xFFFF | 0x180E)
}

/// Distinct safe file names (`stem.ext`) for `names`, in order: the second
/// name that comes out as `X` is `X-2`, and so on, compared without case.
pub fn file_names<'a>(names: impl IntoIterator<Item = &'a str>, ext: &str) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let stem = safe_stem(name, &format!("village-{}", i + 1));
        let mut candidate = stem.clone();
        let mut n = 1usize;
        while taken.contains(&candidate.to_lowercase()) {
            n += 1;
            candidate = format!("{stem}-{n}");
        }
        taken.insert(candidate.to_lowercase());
        out.push(format!("{candidate}.{ext}"));
    }
    out
}
