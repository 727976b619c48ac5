//! Bytes → validated [`Dataset`]: decoding, then JSON, then the walk.
//!
//! The bytes are decoded (UTF-8 or UTF-16) and the text read into a [`Json`] tree (so a syntax error names its line and column
//! and a duplicate key its path); [`super::walk`] then turns the tree into a
//! dataset with the JSON path of every problem.

use std::borrow::Cow;

use super::json::{Json, ReadError, Tape};
use super::Dataset;
use crate::error::{Error, Result, SyntaxHint, MAX_FILE_BYTES};

/// Parses and validates the bytes of a dataset file.
pub fn parse(bytes: &[u8]) -> Result<Dataset> {
    let text = decode(bytes)?;
    let text = text.as_ref();
    let tape = Tape::read(text).map_err(|e| match e {
        ReadError::Syntax { detail, at } => syntax_error(detail, at, text),
        ReadError::DuplicateKey { path, key } => Error::DuplicateKey { path, key },
        ReadError::TooLong => Error::TooLarge {
            bytes: text.len() as u64,
        },
    })?;
    let walk = super::walk::Walk::new(&tape);
    match tape.root() {
        Json::Object(root) => walk.dataset(&root),
        other => Err(Error::TopLevel {
            found: walk.describe(&other),
        }),
    }
}

/// Old Mac and some Excel exports end lines with a lone CR: those become LF,
/// byte for byte, for a reader that splits lines (JSON Lines). (CR is
/// whitespace between JSON tokens, and a raw CR inside a string is an error
/// either way.)
pub(crate) fn line_feeds(text: Cow<'_, str>) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone_cr = bytes
        .iter()
        .zip(bytes.iter().skip(1).chain([&0]))
        .any(|(&c, &next)| c == b'\r' && next != b'\n');
    if !lone_cr {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Checks size and encoding: UTF-8 (a byte order mark is dropped) or UTF-16
/// (what Windows' Notepad and some exports write), which is decoded.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let text = match utf16_order(bytes) {
        Some((little, body)) => Cow::Owned(decode_utf16(body, little)?),
        None => {
            if let Some(guess) = sniff_binary(bytes) {
                return Err(Error::NotText { guess });
            }
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            Cow::Borrowed(std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, &e))?)
        }
    };
    if text.trim().is_empty() {
        return Err(Error::EmptyFile);
    }
    Ok(text)
}

/// UTF-16 by its byte order mark, or, without one, by the zero bytes that
/// ASCII characters such as `{` and `"` have in UTF-16. Returns (little endian, body).
fn utf16_order(bytes: &[u8]) -> Option<(bool, &[u8])> {
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some((true, body));
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some((false, body));
    }
    match bytes {
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => Some((true, bytes)),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => Some((false, bytes)),
        _ => None,
    }
}

fn decode_utf16(body: &[u8], little: bool) -> Result<String> {
    let units = body.chunks(2).map(|pair| match (pair, little) {
        ([lo, hi], true) => u16::from_le_bytes([*lo, *hi]),
        ([hi, lo], false) => u16::from_be_bytes([*hi, *lo]),
        // An odd last byte: not UTF-16 after all; decoding fails below.
        _ => 0xD800,
    });
    char::decode_utf16(units)
        .collect::<std::result::Result<String, _>>()
        .map_err(|_| Error::NotText {
            guess: crate::error::said("UTF-16 text with broken characters"),
        })
}

/// Where UTF-8 decoding failed, as a line and column of the text before it.
fn not_utf8(bytes: &[u8], err: &std::str::Utf8Error) -> Error {
    let valid = bytes.get(..err.valid_up_to()).unwrap_or_default();
    let valid = std::str::from_utf8(valid).unwrap_or_default();
    // Lines end with LF, CR LF or a lone CR.
    let (mut line, mut column, mut after_cr) = (1usize, 1usize, false);
    for c in valid.chars() {
        match c {
            '\n' if after_cr => {}
            '\n' | '\r' => (line, column) = (line.saturating_add(1), 1),
            _ => column = column.saturating_add(1),
        }
        after_cr = c == '\r';
    }
    Error::NotUtf8 {
        line,
        column,
        truncated: err.error_len().is_none(),
    }
}

/// Recognises the files people drop by mistake, by their first bytes.
fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", crate::error::said("a PNG image")),
        (b"%PDF", crate::error::said("a PDF document")),
        (
            b"PK\x03\x04",
            crate::error::said("a ZIP archive or an Excel/Word file (.xlsx, .docx)"),
        ),
        (
            b"\xD0\xCF\x11\xE0",
            crate::error::said("an old Excel or Word file (.xls, .doc)"),
        ),
        (b"\xFF\xD8\xFF", crate::error::said("a JPEG image")),
        (b"GIF8", crate::error::said("a GIF image")),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, guess)| *guess)
}

/// The reader names a byte offset, as serde_json did: its line, and its
/// column counted in bytes from 0 at the line's start. Editors count
/// characters from 1; this converts, so `洛龙区` counts as three columns.
///
/// A lone CR (old Mac and some Excel exports) ends a line as LF does; counted
/// here, on the error's way only, rather than rewritten in every file read.
pub(crate) fn syntax_error(detail: &'static str, at: usize, text: &str) -> Error {
    let bytes = text.as_bytes();
    let before = bytes.get(..at).unwrap_or_default();
    let ends_line = |i: usize, c: u8| {
        c == b'\n' || (c == b'\r' && bytes.get(i.saturating_add(1)) != Some(&b'\n'))
    };
    let line_start = (0..before.len())
        .rev()
        .find(|&i| before.get(i).is_some_and(|&c| ends_line(i, c)))
        .map_or(0, |i| i.saturating_add(1));
    let line = before
        .iter()
        .enumerate()
        .filter(|&(i, &c)| ends_line(i, c))
        .count()
        .saturating_add(1);
    let byte_column = at.saturating_sub(line_start);
    let line_text = text.get(line_start..).unwrap_or("");
    let line_text = line_text.split(['\n', '\r']).next().unwrap_or("");
    let column = line_text
        .char_indices()
        .take_while(|(i, _)| *i < byte_column)
        .count()
        .max(1);
    let detail = crate::error::said(detail).to_string();
    let rest: String = line_text
        .chars()
        .skip(column.saturating_sub(1))
        .take(12)
        .collect();
    // The hint is the whole message's (src/error.rs), which the page's main module leaves to the importer.
    let hint = if cfg!(all(target_arch = "wasm32", feature = "web")) {
        SyntaxHint::General
    } else {
        SyntaxHint::classify(&detail, &rest, text)
    };
    Error::Syntax {
        line,
        column,
        detail,
        hint,
    }
}
