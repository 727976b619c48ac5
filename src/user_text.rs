//! User text as a reader sees it: what is removed on load, how names are
//! compared, how units are normalised, and how text is quoted in messages.
//!
//! Three rules, applied to every text a dataset holds (titles, names, labels,
//! keys, units, groups, notes, source, annotation labels, locale):
//!
//! 1. **Removed on load** ([`clean`]): explicit bidi formatting characters
//!    (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), control
//!    characters (U+0000–U+001F, U+007F–U+009F; tab and line breaks become a
//!    space, except line breaks in the note) and noncharacters (U+FFFE, U+FFFF,
//!    U+FDD0–U+FDEF). They are removed rather than refused because they arrive
//!    by copy-paste from Word, web pages and spreadsheets, where the person
//!    preparing the data cannot see them to delete them; none of them carries
//!    meaning in a chart's words, and left in they reorder the chart's own text
//!    ("共 12 个村" drawn as "村个 21 共") or make the SVG export invalid XML.
//! 2. **Compared as a reader sees it** ([`reader_key`]): names, keys, labels and
//!    groups are compared after trimming, dropping invisible format characters
//!    (zero-width spaces and joiners, word joiner, byte order mark, variation
//!    selectors…) and folding every run of spaces, including blank-looking
//!    letters such as U+3164 and U+2800, into one space. Those invisible
//!    characters are kept in the stored text (a zero-width joiner builds emoji)
//!    but can no longer make two names that look the same count as two.
//!    Canonical equivalence (NFC: `é` as one or two code points) is not folded:
//!    the Unicode normalisation tables would add tens of KB to the wasm, and the
//!    Chinese names this tool charts do not have composed forms.
//! 3. **Quoted safely** ([`visible`]): a message shows every invisible, format,
//!    control or unusual space character as its code point (`王屯村<U+200D>`),
//!    so it can neither hide a difference nor be reordered by a U+202E.

use std::borrow::Cow;

/// Explicit bidi formatting characters: embeddings, overrides, isolates and marks.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Code points that are not text at all.
fn is_noncharacter(c: char) -> bool {
    let u = u32::from(c);
    u & 0xFFFE == 0xFFFE || (0xFDD0..=0xFDEF).contains(&u)
}

/// Characters that draw nothing: format characters, joiners, variation
/// selectors, tags. Dropped when names are compared.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    ) || is_bidi_control(c)
}

/// Letters that draw as blank space (Hangul fillers, the blank Braille
/// pattern) and every Unicode space: compared as one ordinary space.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{115F}' | '\u{1160}' | '\u{2800}' | '\u{3164}' | '\u{FFA0}'
        )
}

/// Whether every character of `text` is printable ASCII (a space included)
/// or a CJK ideograph in U+4000–U+9FFF: the text of most cells and names,
/// none of whose characters is a control, bidi, invisible, noncharacter or
/// blank one (the space aside), so the rules below have nothing to do but
/// trim and fold spaces. One pass over the bytes, no decoding: in valid
/// UTF-8 every continuation byte then belongs to a lead byte E4–E9.
pub fn is_plain(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, 0x20..=0x7E | 0x80..=0xBF | 0xE4..=0xE9))
}

/// Whether `text` is [plain](is_plain) and already its own [`reader_key`]:
/// no space at either end, none after another. One pass over the bytes.
fn is_plain_key(text: &str) -> bool {
    let b = text.as_bytes();
    if matches!(b, [b' ', ..] | [.., b' ']) {
        return false;
    }
    let mut after_space = false;
    b.iter().all(|&c| {
        let ok =
            matches!(c, 0x21..=0x7E | 0x80..=0xBF | 0xE4..=0xE9) || (c == b' ' && !after_space);
        after_space = c == b' ';
        ok
    })
}

/// Whether a message must show `c` as its code point rather than as itself.
pub fn needs_code_point(c: char) -> bool {
    c.is_control() || is_invisible(c) || is_noncharacter(c) || (is_blank(c) && c != ' ')
}

/// `text` with every character a reader could not see written as `<U+XXXX>`.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_code_point) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().saturating_add(8));
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Appends `c`, or its code point in angle brackets if it cannot be seen.
pub fn push_visible(out: &mut String, c: char) {
    if needs_code_point(c) {
        out.push_str(&format!("<U+{:04X}>", u32::from(c)));
    } else {
        out.push(c);
    }
}

/// `text` without bidi controls, control characters and noncharacters (see the
/// module docs). Tabs and line breaks become spaces, or, when `multiline`, line
/// breaks stay (`\r\n` and `\r` become `\n`).
pub fn clean(text: &str, multiline: bool) -> Cow<'_, str> {
    if is_plain(text) {
        return Cow::Borrowed(text);
    }
    let removed = |c: char| c.is_control() || is_bidi_control(c) || is_noncharacter(c);
    if !text.chars().any(removed) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if multiline => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' if multiline => out.push('\n'),
            '\t' | '\n' | '\r' => out.push(' '),
            c if removed(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` without ordinary spaces at either end (`trim_matches(' ')`, by bytes).
pub fn trim_spaces(text: &str) -> &str {
    let b = text.as_bytes();
    let start = b.iter().take_while(|&&c| c == b' ').count();
    let end = b
        .len()
        .saturating_sub(b.iter().rev().take_while(|&&c| c == b' ').count());
    text.get(start..end.max(start)).unwrap_or("")
}

/// `text.trim()` (Unicode white space off both ends), without decoding a
/// text that starts and ends with printable ASCII or a CJK ideograph (see
/// [`is_plain`]), none of which is white space.
pub fn trim_white(text: &str) -> &str {
    let b = text.as_bytes();
    let start = matches!(b.first(), Some(0x21..=0x7E | 0xE4..=0xE9));
    let end = matches!(b, [.., 0x21..=0x7E] | [.., 0xE4..=0xE9, _, _]);
    if start && end {
        text
    } else {
        text.trim()
    }
}

/// `text` without what a reader cannot see at either end.
pub fn trim(text: &str) -> &str {
    if is_plain(text) {
        return trim_spaces(text);
    }
    text.trim_matches(|c| is_blank(c) || is_invisible(c))
}

/// The text a reader sees, for comparing names: invisible characters dropped,
/// runs of spaces and blank letters folded into one space, trimmed. Empty when
/// the text shows nothing.
pub fn reader_key(text: &str) -> Cow<'_, str> {
    // Most names are already as a reader sees them: kept as they are. The
    // rest are built again, plain or not.
    if is_plain_key(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if is_invisible(c) || c.is_control() || is_noncharacter(c) {
            continue;
        }
        if is_blank(c) {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    Cow::Owned(out)
}

/// A unit as the rules read it: cleaned, full-width ASCII folded (`％` → `%`,
/// `ｋｍ` → `km`), the small percent sign `﹪` folded to `%`, spaces folded,
/// trimmed. `None` when nothing is left.
pub fn unit(text: &str) -> Option<String> {
    let folded: String = clean(text, false)
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => {
                char::from_u32(u32::from(c).saturating_sub(0xFEE0)).unwrap_or(c)
            }
            '\u{FE6A}' => '%',
            c => c,
        })
        .collect();
    Some(reader_key(&folded).into_owned()).filter(|u| !u.is_empty())
}
