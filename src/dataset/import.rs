//! The front door: whatever a person has (format v1, a CSV or TSV, pasted
//! cells, JSON records or columns, a workbook's sheets) becomes a dataset.
//!
//! ```text
//!   bytes ─decode─▶ text ─table::read_text─▶ format v1 ──parse──────────────▶ Dataset
//!                                         └▶ tables ──infer(mapping)─▶ Dataset + Summary + Mapping
//!   workbook ─(heluo-sheet.js)─▶ transfer ─table::sheet::decode─▶ tables ─┘
//! ```
//!
//! A table import keeps its tables, so a correction (a new [`Mapping`]) is
//! inferred again without reading the file again.

use super::infer::{infer, Imported, Mapping};
use super::table::{read_text, ReadReport, Table, TextTables};
use super::Dataset;
use crate::error::Result;

/// A file as loaded: a format v1 dataset, or an import of tables.
// One value a load, moved once: the size difference costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Loaded {
    V1(Box<Dataset>),
    Tables(Box<TableImport>),
}

/// Tables, how they were read, and what inference made of them.
#[derive(Debug, Clone)]
pub struct TableImport {
    pub tables: Vec<Table>,
    /// How the text was read (delimiter, JSON shape); `None` for a workbook.
    pub report: Option<ReadReport>,
    pub imported: Imported,
}

impl Loaded {
    /// The dataset to chart.
    pub fn dataset(&self) -> &Dataset {
        match self {
            Loaded::V1(d) => d,
            Loaded::Tables(t) => &t.imported.dataset,
        }
    }

    /// The dataset, owned.
    pub fn into_dataset(self) -> Dataset {
        match self {
            Loaded::V1(d) => *d,
            Loaded::Tables(t) => t.imported.dataset,
        }
    }
}

impl TableImport {
    /// The same tables under a corrected mapping. On error nothing changes,
    /// so the charts already shown stay.
    pub fn remap(&mut self, mapping: &Mapping) -> Result<()> {
        self.imported = infer(&self.tables, mapping)?;
        Ok(())
    }
}

/// Loads the bytes of a file: format v1 as [`super::parse`] reads it (the
/// same messages), anything else as tables inferred under `mapping`.
pub fn load(bytes: &[u8], mapping: &Mapping) -> Result<Loaded> {
    #[cfg(not(target_arch = "wasm32"))]
    if is_workbook(bytes) {
        return load_workbook(bytes, mapping);
    }
    let text = match super::parse::decode(bytes) {
        Ok(text) => text,
        // Natively, GBK/GB18030 as Excel and WPS write it in China (the
        // browser layer decodes it with TextDecoder before calling in).
        #[cfg(not(target_arch = "wasm32"))]
        Err(
            err @ crate::error::Error::NotUtf8 {
                truncated: false, ..
            },
        ) => {
            let code_page = encoding_rs::Encoding::for_label(legacy_encoding(bytes).as_bytes())
                .unwrap_or(encoding_rs::GB18030);
            let (text, _, bad) = code_page.decode(bytes);
            // A JSON object is format v1's to read, and the page's main
            // module tries GB18030 alone there (src/web): its message.
            let object =
                code_page == encoding_rs::WINDOWS_1252 && text.trim_start().starts_with('{');
            if bad || object {
                return Err(err);
            }
            return load_text(&text, false, mapping);
        }
        Err(err) => return Err(err),
    };
    load_text_or_v1(&text, false, mapping, || super::parse(bytes))
}

/// Whether text that is not UTF-8 is in a one-byte code page (Windows-1252,
/// as Western Excel writes) rather than GB18030: most of its bytes above
/// ASCII stand alone (é, ü in `Müller`), where a two-byte character is a
/// pair (its second byte may be ASCII, `@` to `~`, before the next
/// character). The page's rule (www/src/util.js, `decodeBytes`), said again
/// here for the command line: Windows-1252 read as GB18030 shows Chinese
/// with nothing replaced to say it is wrong.
#[cfg(not(target_arch = "wasm32"))]
pub fn single_bytes(bytes: &[u8]) -> bool {
    let mut alone = 0i64;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b > 127 {
            let next = bytes.get(i.saturating_add(1)).copied().unwrap_or(0);
            let after = bytes.get(i.saturating_add(2)).copied().unwrap_or(0);
            if next > 127 || ((64..127).contains(&next) && after > 127) {
                alone = alone.saturating_sub(1);
                i = i.saturating_add(1);
            } else {
                alone = alone.saturating_add(1);
            }
        }
        i = i.saturating_add(1);
    }
    alone > 0
}

/// The encoding of text that is not UTF-8, by the shape of its bytes (the
/// page's rule, www/src/util.js `decodeBytes`, said again here for the
/// command line), as a WHATWG label:
/// - `windows-1252` where most bytes above ASCII stand alone ([`single_bytes`]);
/// - else, its characters taken as pairs (a byte above ASCII and the next),
///   each pair counted once (a name repeated down a column counts once):
///   - `shift_jis` when most pairs lead with 81–9F, where Shift_JIS puts
///     kana and the common kanji and where GBK and Big5 put almost nothing;
///   - `big5` when no pair leads with 81–A0 and more than a quarter end in
///     40–7E: Big5's common characters do, GB2312's never;
///   - `euc-kr` for 20 pairs or more, nine in ten Hangul syllables (lead
///     B0–C8, end A1–FE) and at most one in fifty past C8 (Hanja): Chinese
///     spreads over B0–F7 by its characters' readings;
///   - `gb18030` otherwise, as Excel and WPS write in China.
///
/// Read as GB18030 each of the others shows Chinese characters with no
/// replacement character to say it is wrong; the page's menu still lets a
/// reader choose another.
#[cfg(not(target_arch = "wasm32"))]
pub fn legacy_encoding(bytes: &[u8]) -> &'static str {
    if single_bytes(bytes) {
        return "windows-1252";
    }
    let mut pairs = std::collections::BTreeSet::new();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead > 127 {
            let end = bytes.get(i.saturating_add(1)).copied().unwrap_or(0);
            pairs.insert((lead, end));
            i = i.saturating_add(1);
        }
        i = i.saturating_add(1);
    }
    let count = |f: &dyn Fn(u8, u8) -> bool| pairs.iter().filter(|&&(l, e)| f(l, e)).count();
    let n = pairs.len();
    let kana = count(&|l, _| (0x81..=0x9F).contains(&l));
    let below_a1 = count(&|l, _| (0x81..=0xA0).contains(&l));
    let ascii_end = count(&|_, e| (0x40..=0x7E).contains(&e));
    let hangul = count(&|l, e| (0xB0..=0xC8).contains(&l) && e >= 0xA1);
    let past = count(&|l, _| l > 0xC8);
    if kana.saturating_mul(2) > n {
        "shift_jis"
    } else if below_a1 == 0 && ascii_end.saturating_mul(4) > n {
        "big5"
    } else if n >= 20
        && hangul.saturating_mul(10) >= n.saturating_mul(9)
        && past.saturating_mul(50) <= n
    {
        "euc-kr"
    } else {
        "gb18030"
    }
}

/// Loads a file by its name and bytes, as the page does. A file named `.json`
/// that is not JSON, or is a format v1 object (with `trend` or `ranking`)
/// with a problem, gets format v1's message (a JSON syntax error at its line
/// and column, the JSON path of the problem); JSON that is not a dataset
/// object (records, columns, a World Bank reply) is read as tables. Any
/// other file that reads as no table and opens like JSON gets format v1's
/// message too.
pub fn load_file(bytes: &[u8], name: &str, mapping: &Mapping) -> Result<Loaded> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".json") || lower.ends_with(".geojson") {
        match super::parse(bytes) {
            Ok(d) => return Ok(Loaded::V1(Box::new(d))),
            Err(crate::error::Error::TopLevel { .. } | crate::error::Error::NothingToChart) => {}
            Err(
                e @ (crate::error::Error::NotUtf8 { .. }
                | crate::error::Error::NotText { .. }
                | crate::error::Error::TooLarge { .. }),
            ) if is_workbook(bytes) || !matches!(e, crate::error::Error::NotUtf8 { .. }) => {
                return Err(e)
            }
            Err(crate::error::Error::NotUtf8 { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    match load(bytes, mapping) {
        Err(table_error) if looks_like_json(name, bytes) => match super::parse(bytes) {
            Ok(d) => Ok(Loaded::V1(Box::new(d))),
            Err(v1_error) => Err(match table_error {
                // The reader's own words about the bytes (empty, binary, too
                // large) are the same either way.
                crate::error::Error::NotText { .. }
                | crate::error::Error::TooLarge { .. }
                | crate::error::Error::NotUtf8 { .. } => table_error,
                _ => v1_error,
            }),
        },
        other => other,
    }
}

/// A `.json` name, or text that opens as JSON does.
pub fn looks_like_json(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".json") || lower.ends_with(".geojson") {
        return true;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .and_then(|i| body.get(i..));
    start.is_some_and(|s| {
        s.starts_with(b"{") || s.starts_with(b"[") || s.starts_with(b"//") || s.starts_with(b"/*")
    })
}

/// Loads text that is already decoded (a paste, or a file the browser decoded
/// from GB18030); `pasted` words the messages for a paste.
pub fn load_text(text: &str, pasted: bool, mapping: &Mapping) -> Result<Loaded> {
    load_text_or_v1(text, pasted, mapping, || super::parse(text.as_bytes()))
}

fn load_text_or_v1(
    text: &str,
    pasted: bool,
    mapping: &Mapping,
    v1: impl FnOnce() -> Result<Dataset>,
) -> Result<Loaded> {
    match read_text(text, pasted)? {
        TextTables::FormatV1 => v1().map(|d| Loaded::V1(Box::new(d))),
        TextTables::Tables { tables, report } => {
            let imported = infer(&tables, mapping)?;
            Ok(Loaded::Tables(Box::new(TableImport {
                tables,
                report: Some(report),
                imported,
            })))
        }
    }
}

/// Loads tables read elsewhere (a workbook's sheets).
pub fn load_tables(tables: Vec<Table>, mapping: &Mapping) -> Result<Loaded> {
    let imported = infer(&tables, mapping)?;
    Ok(Loaded::Tables(Box::new(TableImport {
        tables,
        report: None,
        imported,
    })))
}

/// An Excel or OpenDocument workbook: a ZIP archive (.xlsx, .ods) or a
/// compound file (.xls), by their first bytes.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0")
}

/// Natively (the command line), a workbook is read by the same reader the
/// page loads as its own module (`sheet/`), through the same transfer, so
/// its tables and messages are the page's.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_workbook(bytes: &[u8], mapping: &Mapping) -> Result<Loaded> {
    let transfer = heluo_sheet::read_to_transfer(bytes);
    let workbook = super::table::sheet::decode(&transfer)?;
    let mut tables = workbook.tables;
    if mapping.table.is_none() && workbook.active > 0 && workbook.active < tables.len() {
        let active = tables.remove(workbook.active);
        tables.insert(0, active);
    }
    load_tables(tables, mapping)
}
