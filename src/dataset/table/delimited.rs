//! Delimited text (CSV, TSV, a paste from a spreadsheet) → one [`Table`].
//!
//! The fields are split by `csv-core` (RFC 4180 quoting: delimiters, quotes
//! and line breaks inside quoted fields; CR LF, LF or a lone CR ending a
//! line). Around it, this module decides what a person would:
//!
//! 1. the delimiter, among comma, tab, semicolon and pipe: the one whose
//!    records (quotes respected) most often have the same field count (two or
//!    more) over the first records; ties go to comma, then tab, semicolon,
//!    pipe (tab first for a paste). No delimiter at all: a single column.
//! 2. the body's width: the most frequent field count among records with at
//!    least two non-empty fields;
//! 3. the header: the first record as wide as the body (not counting the
//!    body's trailing empty fields, for rows written as `1,2,`) with two or
//!    more non-empty fields. Records above it are title lines (a bureau export's
//!    "数据库：年度数据", "时间：最近10年");
//! 4. notes below the body: trailing records that are narrower than the body
//!    with at most one non-empty field, or whose first field starts like a
//!    note or a source ("注：", "Note:", "数据来源：", "Source:"). A source line
//!    gives [`Table::source`] (its label removed) and is not kept as a note;
//! 5. blank lines (and records whose fields are all empty or spaces) are
//!    skipped and listed; a row shorter than the header is padded with
//!    [`Cell::Empty`], a row with more non-empty fields than the header is
//!    skipped and listed ([`SkipReason::TooManyFields`]);
//! 6. columns with no header and no cell are dropped, and a column with no
//!    header but data is named by its letter as a spreadsheet shows it ("C").
//!
//! A field that is empty or only spaces is [`Cell::Empty`]; every other field
//! is [`Cell::Text`] exactly as written (not trimmed). Header names are trimmed.
//!
//! The text is split once: all unescaped field bytes go to one buffer, field
//! ends to another, and a `String` is made only for each non-empty body cell.

use super::{column_letters, Cell, Column, Origin, SkipReason, Skipped, Table};
use crate::error::{Error, NoTableReason, Result};

/// The delimiters sniffed, in the order that wins a tie for a file.
pub const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// The delimiter of a single-column text (no delimiter found): a byte that
/// text without NUL bytes never holds (such text is refused as binary).
pub const NO_DELIMITER: u8 = 0;

/// How many records the delimiter is sniffed on.
const SNIFF_RECORDS: usize = 100;

/// A single column's values are short: a line longer than this is prose.
const SHORT_VALUE: usize = 100;

/// What the reader decided about a delimited text, for the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct DelimitedReport {
    /// The delimiter used, or [`NO_DELIMITER`] for a single column.
    pub delimiter: u8,
    /// The header's line (1-based).
    pub header_line: usize,
    /// How many records stood above the header (title lines).
    pub title_lines: usize,
    /// How many records below the body were notes or a source line.
    pub note_lines: usize,
    /// How many blank lines were skipped (listed in [`Table::skipped`]).
    pub blank_lines: usize,
    /// How many rows had more non-empty fields than the header.
    pub long_rows: usize,
    /// The 1-based numbers of the columns dropped because they had neither a
    /// header nor a cell.
    pub dropped_columns: Vec<usize>,
}

/// Reads delimited text (a byte order mark, if any, already removed or not).
pub fn read_delimited(text: &str, pasted: bool) -> Result<(Table, DelimitedReport)> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::EmptyText { pasted });
    }
    if let Some(line) = binary_line(text.as_bytes()) {
        return Err(Error::BinaryText { line });
    }
    let input = text.as_bytes();
    let eurostat = is_eurostat_tsv(text);
    // Excel's hint on the first line, `sep=;`: the delimiter, and no record.
    let sep = text
        .lines()
        .next()
        .and_then(|l| l.trim().strip_prefix("sep="))
        .filter(|d| d.len() == 1)
        .and_then(|d| d.bytes().next());
    let delimiter = if eurostat {
        Some(b'\t')
    } else if sep.is_some() {
        sep
    } else {
        sniff(input, pasted)
    };
    let split = Split::read(input, delimiter.unwrap_or(NO_DELIMITER))?;
    let records: Vec<&Record> = split
        .records
        .iter()
        .filter(|r| !r.blank)
        .skip(usize::from(sep.is_some()))
        .collect();
    if delimiter.is_none() {
        single_column_check(&split, &records)?;
    }
    let (mut table, report) = build(&split, &records, delimiter.unwrap_or(NO_DELIMITER), pasted)?;
    if eurostat {
        unpack_eurostat(&mut table);
    }
    Ok((table, report))
}

/// Eurostat's bulk TSV: tabs between the years, and a first column of the
/// other dimensions' codes joined by commas under a header such as
/// `freq,unit,sex,geo\TIME_PERIOD` (the row dimensions, then `\` and the
/// column dimension).
fn is_eurostat_tsv(text: &str) -> bool {
    let first = text.lines().next().unwrap_or_default();
    first
        .split('\t')
        .next()
        .is_some_and(|head| head.contains('\\') && head.contains(',') && first.contains('\t'))
}

/// Eurostat's first column split into one a dimension (`A,PC,T,DE` under
/// `freq,unit,sex,geo\TIME_PERIOD` → freq, unit, sex, geo), and its values
/// as numbers: `18.5 b` is 18.5 flagged "break in series" (the flags are
/// letters after a space), `:` is no value.
fn unpack_eurostat(table: &mut Table) {
    let Some(first) = table.columns.first() else {
        return;
    };
    let mut parts: Vec<Column> = first
        .name
        .split(',')
        .map(|n| Column {
            name: n.split('\\').next().unwrap_or(n).trim().to_string(),
            cells: Vec::with_capacity(first.cells.len()),
        })
        .collect();
    for cell in &first.cells {
        let text = match cell {
            Cell::Text(t) => t.as_str(),
            _ => "",
        };
        let mut codes = text.split(',');
        for part in &mut parts {
            part.cells.push(match codes.next().map(str::trim) {
                Some(code) if !code.is_empty() => Cell::Text(code.to_string()),
                _ => Cell::Empty,
            });
        }
    }
    let width = parts.len();
    table.columns.splice(0..1, parts);
    // The parts share the file's first column (messages name it).
    if let Some(&number) = table.column_numbers.first() {
        table
            .column_numbers
            .splice(0..1, std::iter::repeat_n(number, width));
    }
    for column in table.columns.iter_mut().skip(width) {
        column.name = column.name.trim().to_string();
        for cell in &mut column.cells {
            let Cell::Text(t) = cell else { continue };
            let trimmed = t.trim();
            // By bytes, not `rsplit_once`: its char searcher, once used
            // here, stopped being inlined in the main module (24 bytes gzipped).
            let space = trimmed.bytes().rposition(|b| b == b' ');
            let value = space
                .and_then(|at| Some((trimmed.get(..at)?, trimmed.get(at.saturating_add(1)..)?)))
                .filter(|(_, flags)| {
                    !flags.is_empty()
                        && flags.len() <= 3
                        && flags.bytes().all(|b| b.is_ascii_lowercase())
                })
                .map_or(trimmed, |(v, _)| v.trim());
            *cell = if value == ":" || value.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(value.to_string())
            };
        }
    }
}

/// The 1-based line of the first sign of binary data: any NUL byte, or C0
/// control characters (other than tab, line ends, form feed, vertical tab
/// and the DOS end-of-file mark) more than a few times in the first 64 KB.
fn binary_line(bytes: &[u8]) -> Option<usize> {
    const SAMPLE: usize = 64 * 1024;
    const TOLERATED: usize = 4;
    let control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1A);
    let at = match bytes.iter().position(|&b| b == 0) {
        Some(at) => at,
        None => {
            let sample = bytes.get(..SAMPLE.min(bytes.len())).unwrap_or(bytes);
            if sample.iter().filter(|&&b| control(b)).count() <= TOLERATED {
                return None;
            }
            sample.iter().position(|&b| control(b))?
        }
    };
    Some(line_of(bytes, at))
}

/// The 1-based line of byte `at` (lines end with LF, CR LF or a lone CR).
fn line_of(bytes: &[u8], at: usize) -> usize {
    terminators(bytes, 0, at).saturating_add(1)
}

/// How many line ends begin in `bytes[from..to]`: each LF, and each CR not
/// followed by LF (a CR LF pair counts once, at its LF).
fn terminators(bytes: &[u8], from: usize, to: usize) -> usize {
    let Some(range) = bytes.get(from..to) else {
        return 0;
    };
    // Line feeds, and whether there is a carriage return, in one pass.
    let (lf, cr) = range.iter().fold((0usize, false), |(lf, cr), &b| {
        (lf.saturating_add(usize::from(b == b'\n')), cr || b == b'\r')
    });
    if !cr {
        return lf;
    }
    let lone_cr = range
        .iter()
        .enumerate()
        .filter(|&(i, &b)| {
            b == b'\r' && bytes.get(from.saturating_add(i).saturating_add(1)) != Some(&b'\n')
        })
        .count();
    lf.saturating_add(lone_cr)
}

/// The delimiter under which the largest share of the first records has one
/// width of two or more fields (then the most such records; then the order
/// of [`DELIMITERS`], tab first for a paste). A delimiter must give two
/// records that width, or split most records (a ragged table): a comma in
/// one line of prose is not a delimiter. `None`: a single column.
fn sniff(input: &[u8], pasted: bool) -> Option<u8> {
    let order: [u8; 4] = if pasted {
        [b'\t', b',', b';', b'|']
    } else {
        DELIMITERS
    };
    let mut best: Option<((usize, usize), u8)> = None;
    for &delimiter in &order {
        if !input.contains(&delimiter) {
            continue;
        }
        let widths = sample_widths(input, delimiter);
        let Some((_, frequency)) = mode_width(&widths) else {
            continue;
        };
        let split = widths.iter().filter(|&&w| w >= 2).count();
        if frequency < 2 && split.saturating_mul(2) <= widths.len() {
            continue;
        }
        let share = frequency
            .saturating_mul(1000)
            .checked_div(widths.len())
            .unwrap_or(0);
        let score = (share, frequency);
        // A later candidate must do strictly better to win.
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, delimiter));
        }
    }
    best.map(|(_, d)| d)
}

/// The field counts of the first [`SNIFF_RECORDS`] non-blank records (the
/// records csv-core's one record reader finds, read into a scratch buffer).
fn sample_widths(input: &[u8], delimiter: u8) -> Vec<usize> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut out = vec![0u8; 4096];
    let mut ends = vec![0usize; 256];
    let mut widths = Vec::new();
    let mut rest = input;
    let (mut fields, mut blank) = (0usize, true);
    while widths.len() < SNIFF_RECORDS {
        let (result, nin, nout, nend) = reader.read_record(rest, &mut out, &mut ends);
        rest = rest.get(nin..).unwrap_or_default();
        fields = fields.saturating_add(nend);
        if out
            .get(..nout)
            .is_some_and(|f| f.iter().any(|b| !b.is_ascii_whitespace()))
        {
            blank = false;
        }
        match result {
            // The text's end (read on with no input), or a record longer
            // than the scratch buffers: keep reading.
            csv_core::ReadRecordResult::InputEmpty
            | csv_core::ReadRecordResult::OutputFull
            | csv_core::ReadRecordResult::OutputEndsFull => {}
            csv_core::ReadRecordResult::Record => {
                if !blank {
                    widths.push(fields);
                }
                (fields, blank) = (0, true);
            }
            csv_core::ReadRecordResult::End => break,
        }
    }
    widths
}

/// The most frequent width of two or more, and how often it occurs; on a
/// tie, the width that comes first (the header's, in a ragged table).
fn mode_width(widths: &[usize]) -> Option<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &width in widths.iter().filter(|&&w| w >= 2) {
        match counts.iter_mut().find(|(w, _)| *w == width) {
            Some((_, n)) => *n = n.saturating_add(1),
            None => counts.push((width, 1)),
        }
    }
    counts
        .iter()
        .fold(None, |best: Option<(usize, usize)>, &(w, n)| match best {
            Some((_, f)) if f >= n => best,
            _ => Some((w, n)),
        })
}

/// Where a record's content lies in `input[start..end]`: from its first
/// byte that is not a line end (csv-core skips empty lines) to just after
/// its last.
fn content(input: &[u8], start: usize, end: usize) -> (usize, usize) {
    let first_byte = input
        .get(start..end)
        .and_then(|r| r.iter().position(|&b| b != b'\n' && b != b'\r'))
        .map_or(end, |i| start.saturating_add(i));
    let content_end = input
        .get(first_byte..end)
        .and_then(|r| r.iter().rposition(|&b| b != b'\n' && b != b'\r'))
        .map_or(first_byte, |i| {
            first_byte.saturating_add(i).saturating_add(1)
        });
    (first_byte, content_end)
}

/// How many of a record's fields (ending at `ends` in `out`, the first
/// starting at `start`) hold more than spaces, and its width without the
/// empty fields at its end.
fn filled_fields(out: &[u8], start: usize, ends: &[usize]) -> (usize, usize) {
    let (mut filled, mut used) = (0usize, 0usize);
    let mut field_start = start;
    for (n, &end) in ends.iter().enumerate() {
        let field = out.get(field_start..end).unwrap_or_default();
        if field.iter().any(|b| !b.is_ascii_whitespace()) {
            filled = filled.saturating_add(1);
            used = n.saturating_add(1);
        }
        field_start = end;
    }
    (filled, used)
}

/// One record of the text.
struct Record {
    /// The 1-based line of its first line.
    line: usize,
    /// Index of its first field's end in [`Split::ends`].
    first: usize,
    /// How many fields.
    fields: usize,
    /// How many fields hold more than spaces.
    filled: usize,
    /// Its width without the empty fields at its end.
    used: usize,
    /// Where its fields' bytes start in [`Split::out`].
    out_start: usize,
    /// Every field empty or spaces: a blank line.
    blank: bool,
}

/// The whole text split into records: field bytes, unescaped, end to end.
struct Split {
    out: String,
    ends: Vec<usize>,
    records: Vec<Record>,
    /// Blank lines in order: lines with nothing on them (csv-core skips
    /// them) and records whose fields are all empty or spaces.
    blank_lines: Vec<usize>,
}

impl Split {
    fn read(input: &[u8], delimiter: u8) -> Result<Split> {
        let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        // Unescaped fields are never longer than the text: one buffer, no growth.
        let mut out = vec![0u8; input.len().saturating_add(1)];
        let mut ends: Vec<usize> = vec![0; 64];
        // Room for every record and field end, counted in one pass (a
        // delimiter or line end ends each field; quoted ones only overcount)
        // rather than grown: at 100,000 rows growing copied 10 MB.
        let (lines, separators) = input.iter().fold((1usize, 0usize), |(l, d), &b| {
            (
                l.saturating_add(usize::from(b == b'\n')),
                d.saturating_add(usize::from(b == delimiter)),
            )
        });
        let mut split = Split {
            out: String::new(),
            ends: Vec::with_capacity(lines.saturating_add(separators)),
            records: Vec::with_capacity(lines),
            blank_lines: Vec::new(),
        };
        let (mut pos, mut out_pos, mut end_pos) = (0usize, 0usize, 0usize);
        let (mut line, mut counted_to, mut last_line) = (1usize, 0usize, 0usize);
        let mut record_start: Option<usize> = None;
        let mut record_out = 0usize;
        loop {
            if record_start.is_none() {
                record_start = Some(pos);
                record_out = out_pos;
            }
            if ends.len().saturating_sub(end_pos) < 16 {
                ends.resize(ends.len().saturating_mul(2), 0);
            }
            let (result, nin, nout, nend) = reader.read_record(
                input.get(pos..).unwrap_or_default(),
                out.get_mut(out_pos..).unwrap_or_default(),
                ends.get_mut(end_pos..).unwrap_or_default(),
            );
            // Ends are relative to the record's first byte: make them absolute.
            for end in ends
                .get_mut(end_pos..end_pos.saturating_add(nend))
                .unwrap_or_default()
            {
                *end = end.saturating_add(record_out);
            }
            pos = pos.saturating_add(nin);
            out_pos = out_pos.saturating_add(nout);
            end_pos = end_pos.saturating_add(nend);
            match result {
                csv_core::ReadRecordResult::InputEmpty
                | csv_core::ReadRecordResult::OutputFull
                | csv_core::ReadRecordResult::OutputEndsFull => {}
                csv_core::ReadRecordResult::Record => {
                    let start = record_start.take().unwrap_or(pos);
                    let (first_byte, content_end) = content(input, start, pos);
                    line = line.saturating_add(terminators(input, counted_to, first_byte));
                    if last_line > 0 {
                        // The lines csv-core skipped since the last record.
                        let skipped = last_line.saturating_add(1)..line;
                        split.blank_lines.extend(skipped);
                    }
                    let first = split.ends.len();
                    let record_ends = ends.get(..end_pos).unwrap_or_default();
                    split.ends.extend_from_slice(record_ends);
                    let (filled, used) = filled_fields(&out, record_out, record_ends);
                    if filled == 0 {
                        split.blank_lines.push(line);
                    }
                    split.records.push(Record {
                        line,
                        first,
                        fields: end_pos,
                        filled,
                        used,
                        out_start: record_out,
                        blank: filled == 0,
                    });
                    last_line = line.saturating_add(terminators(input, first_byte, content_end));
                    line = last_line;
                    counted_to = content_end;
                    end_pos = 0;
                    if pos >= input.len() {
                        unclosed_quote(input, first_byte, delimiter, line_of_record(&split))?;
                    }
                }
                csv_core::ReadRecordResult::End => break,
            }
        }
        out.truncate(out_pos);
        // Fields are cut from UTF-8 text at ASCII bytes (delimiters, quotes,
        // line ends), so their bytes end to end are UTF-8 too: checked once
        // here, not field by field (the empty fallback is never taken, and
        // spares the wasm a lossy decoder).
        split.out = String::from_utf8(out).unwrap_or_default();
        Ok(split)
    }

    /// The text of a record's fields.
    fn fields<'a>(&'a self, record: &Record) -> impl Iterator<Item = &'a str> + 'a {
        let ends = self
            .ends
            .get(record.first..record.first.saturating_add(record.fields))
            .unwrap_or_default();
        let mut start = record.out_start;
        ends.iter().map(move |&end| {
            let field = self.out.get(start..end).unwrap_or_default();
            start = end;
            field
        })
    }

    /// The non-empty fields of a record, as text: a title or a note split at
    /// its commas is joined back with ", " ("Source: World Bank, WDI"), at
    /// semicolons with "; ", at tabs or pipes with a space.
    fn joined(&self, record: &Record, delimiter: u8) -> String {
        let separator = match delimiter {
            b',' => ", ",
            b';' => "; ",
            _ => " ",
        };
        let mut out = String::new();
        for field in self.fields(record) {
            let text = field.trim();
            if text.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str(separator);
            }
            out.push_str(text);
        }
        out
    }
}

fn line_of_record(split: &Split) -> usize {
    split.records.last().map_or(1, |r| r.line)
}

/// The last record runs to the end of the text: if a quote opened one of its
/// fields and never closed, csv-core read everything after it as one field.
/// Refused, naming the line where that quote opened.
fn unclosed_quote(input: &[u8], start: usize, delimiter: u8, line: usize) -> Result<()> {
    let bytes = input.get(start..).unwrap_or_default();
    let (mut field_start, mut quoted, mut opened) = (true, false, 0usize);
    let mut iter = bytes.iter().enumerate().peekable();
    while let Some((i, &b)) = iter.next() {
        if quoted {
            if b == b'"' {
                if iter.peek().is_some_and(|&(_, &n)| n == b'"') {
                    iter.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        if field_start && b == b'"' {
            quoted = true;
            opened = i;
        }
        field_start = b == delimiter || b == b'\n' || b == b'\r';
    }
    if quoted {
        let line = line.saturating_add(terminators(input, start, start.saturating_add(opened)));
        return Err(Error::UnclosedQuote { line });
    }
    Ok(())
}

/// A text with no delimiter is a table only as a column of short values
/// under a header: at least two lines, none of them prose.
fn single_column_check(split: &Split, records: &[&Record]) -> Result<()> {
    // A line of only separators (",,,") is as good as blank here.
    let filled = records
        .iter()
        .filter(|r| {
            split.fields(r).any(|f| {
                f.bytes()
                    .any(|b| !b.is_ascii_whitespace() && !DELIMITERS.contains(&b))
            })
        })
        .count();
    if filled < 2 {
        return Err(Error::NoTable {
            reason: NoTableReason::OneLine,
        });
    }
    let long = records.iter().any(|r| {
        split
            .fields(r)
            .any(|f| f.trim().chars().nth(SHORT_VALUE).is_some())
    });
    if long {
        return Err(Error::NoTable {
            reason: NoTableReason::NoDelimiter,
        });
    }
    Ok(())
}

/// The note and source labels a bureau export or a report puts under a table.
const NOTE_LABELS: [&str; 8] = [
    "注", "说明", "备注", "附注", "Note", "Notes", "NOTE", "NOTES",
];
const SOURCE_LABELS: [&str; 10] = [
    "数据来源",
    "资料来源",
    "来源",
    "Source",
    "Sources",
    "SOURCE",
    "Data source",
    "Data sources",
    // The World Bank DataBank's line under an export.
    "Data from database",
    "source",
];

/// Whether `label` is one of [`SOURCE_LABELS`], in any case (a field of its
/// own before the source: the World Bank's `"Data Source","WDI"`).
pub fn is_source_label(label: &str) -> bool {
    let label = label.trim();
    SOURCE_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
}

/// The source a line names (`数据来源：国家统计局` → `国家统计局`).
pub fn source_of(line: &str) -> Option<String> {
    let line = line.trim();
    SOURCE_LABELS.iter().find_map(|label| {
        let rest = line.strip_prefix(label)?.trim_start();
        let rest = rest.strip_prefix([':', '：'])?;
        Some(rest.trim().to_string())
    })
}

/// Whether a line reads as a note under a table (`注：…`, `Note: …`).
fn is_note(line: &str) -> bool {
    let line = line.trim();
    NOTE_LABELS.iter().any(|label| {
        line.strip_prefix(label).is_some_and(|rest| {
            // A colon after the label (and a note's number: "注1："), or an
            // English label's full stop ("Note."): "说明书" is not a note.
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
            rest.starts_with([':', '：']) || (label.is_ascii() && rest.starts_with('.'))
        })
    })
}

/// The keys of the lines above a UK Office for National Statistics time
/// series download (`"Title","…"`, `"CDID","ABMI"`, `"PreUnit","£"`, …).
const SERIES_KEYS: [&str; 8] = [
    "Title",
    "CDID",
    "Source dataset ID",
    "PreUnit",
    "Unit",
    "Release date",
    "Next release",
    "Important notes",
];

/// How many records at the top are a time series' metadata, two fields
/// each, key then value, as the ONS writes them above its periods and values
/// (and no header): `None` when the text does not start so.
fn series_metadata(split: &Split, records: &[&Record]) -> Option<usize> {
    let key = |r: &Record| split.fields(r).next().map(str::trim);
    if records.first().and_then(|r| key(r)) != Some("Title") {
        return None;
    }
    let n = records
        .iter()
        .take_while(|r| key(r).is_some_and(|k| SERIES_KEYS.contains(&k)))
        .count();
    let next = records.get(n).and_then(|r| key(r))?;
    (n >= 2 && next.starts_with(|c: char| c.is_ascii_digit())).then_some(n)
}

/// A series block's lines as `key: value` title lines, the unit with its
/// prefix (`PreUnit` £ and `Unit` m: `Unit: £m`).
fn series_titles(split: &Split, block: &[&Record]) -> Vec<String> {
    let pairs: Vec<(String, String)> = block
        .iter()
        .filter_map(|r| {
            let mut f = split.fields(r);
            let key = f.next()?.trim().to_string();
            let value = f.next().unwrap_or_default().trim().to_string();
            (!value.is_empty()).then_some((key, value))
        })
        .collect();
    let pre = pairs
        .iter()
        .find(|(k, _)| k == "PreUnit")
        .map_or("", |(_, v)| v.as_str());
    pairs
        .iter()
        .filter(|(k, _)| k != "PreUnit")
        .map(|(k, v)| match k.as_str() {
            "Unit" => format!("Unit: {pre}{v}"),
            _ => format!("{k}: {v}"),
        })
        .collect()
}

/// Whether a record's first field reads as a note or a source line.
fn labelled(split: &Split, record: &Record) -> bool {
    let first = split.fields(record).next().unwrap_or_default();
    // Only a field that starts as a label does can be one: the first
    // characters of NOTE_LABELS and SOURCE_LABELS (tests/suite/tables.rs
    // reads a note or source under each label). Most rows start otherwise.
    let label_start = first.trim_start().chars().next().is_some_and(|c| {
        matches!(
            c,
            '注' | '说' | '备' | '附' | 'N' | '数' | '资' | '来' | 'S' | 'D' | 's'
        )
    });
    label_start && (is_note(first) || source_of(first).is_some())
}

/// The records as a table: the body's width, the header (3), the notes
/// under the body (4), the body's rows (5), the columns kept (6).
fn build(
    split: &Split,
    records: &[&Record],
    delimiter: u8,
    pasted: bool,
) -> Result<(Table, DelimitedReport)> {
    let (body_width, used_width) = body_widths(split, records);
    let series_block = (body_width == 2)
        .then(|| series_metadata(split, records))
        .flatten();
    // 3. The header: the first record as wide as the body with two non-empty
    // fields; in a series block, its last line (renamed below).
    let header_at = if let Some(n) = series_block {
        n.saturating_sub(1)
    } else if body_width >= 2 {
        records
            .iter()
            .position(|r| r.fields >= used_width && r.filled >= 2)
            .unwrap_or(0)
    } else {
        0
    };
    let Some(header) = records.get(header_at) else {
        return Err(Error::NoTable {
            reason: NoTableReason::OneLine,
        });
    };
    let titles = records.get(..header_at).unwrap_or_default();
    let after = records
        .get(header_at.saturating_add(1)..)
        .unwrap_or_default();
    // 4. Notes: trailing records that read as notes or are narrow and nearly empty.
    let body_end = body_end(split, after, body_width);
    let body = after.get(..body_end).unwrap_or_default();
    let trailing = after.get(body_end..).unwrap_or_default();
    if body.is_empty() {
        return Err(Error::NoTable {
            reason: if records.len() < 2 {
                NoTableReason::OneLine
            } else {
                NoTableReason::HeaderOnly { line: header.line }
            },
        });
    }
    let mut rows = read_body(split, header, body, header.fields.max(body_width));
    let mut title_lines: Vec<String> = titles.iter().map(|r| split.joined(r, delimiter)).collect();
    if series_block.is_some() {
        title_lines = series_titles(split, records.get(..=header_at).unwrap_or_default());
        let title = title_lines
            .first()
            .and_then(|t| t.strip_prefix("Title: "))
            .unwrap_or("Value")
            .to_string();
        for (column, name) in rows.columns.iter_mut().zip(["Period".to_string(), title]) {
            column.name = name;
        }
    }
    second_header(&mut rows);
    let (columns, column_numbers, dropped_columns) = named_columns(rows.columns);
    let (notes, source) = notes_and_source(split, trailing, delimiter);
    let report = DelimitedReport {
        delimiter,
        header_line: header.line,
        title_lines: titles.len(),
        note_lines: trailing.len(),
        blank_lines: rows.blank_lines,
        long_rows: rows.long_rows,
        dropped_columns,
    };
    let table = Table {
        origin: Origin::Delimited { delimiter, pasted },
        columns,
        row_numbers: rows.row_numbers,
        column_numbers,
        title_lines,
        notes,
        source,
        skipped: rows.skipped,
    };
    Ok((table, report))
}

/// A second header row under the first (the US Census Bureau's downloads:
/// codes such as `B01001_001E`, then `Estimate!!Total:`): a first row of
/// text in at least two columns whose other rows are all numbers. Its texts
/// name those columns, and it is no row.
fn second_header(rows: &mut Body) {
    if rows.row_numbers.len() < 3 {
        return;
    }
    let numeric = |c: &Cell| match c {
        Cell::Text(t) => {
            let t = t.trim();
            t.bytes().any(|b| b.is_ascii_digit())
                && t.bytes()
                    .all(|b| b.is_ascii_digit() || b".,-+% ()".contains(&b))
        }
        Cell::Number(_) => true,
        _ => false,
    };
    let labelled = |c: &Column| {
        let (first, rest) = match c.cells.split_first() {
            Some(split) => split,
            None => return false,
        };
        matches!(first, Cell::Text(t) if t.chars().any(char::is_alphabetic))
            && rest
                .iter()
                .filter(|c| !matches!(c, Cell::Empty))
                .all(numeric)
            && rest.iter().any(numeric)
    };
    let numbers_labelled = rows.columns.iter().filter(|c| labelled(c)).count();
    let all_text = rows
        .columns
        .iter()
        .all(|c| c.cells.first().is_none_or(|f| !numeric(f)));
    if numbers_labelled < 2 || !all_text {
        return;
    }
    // A header of merged cells over the labels (a yearbook's `2022年` over
    // `总量（亿元）` and `增速（%）`, blank where the merge continues): each
    // label keeps the header it stands under, carried right, so the year
    // is not lost (`2022年 总量（亿元）`). A header without gaps is codes
    // the labels replace (the Census Bureau's `B01001_001E`).
    let named = |c: &Column| !c.name.trim().is_empty();
    // KOSIS writes the year again over each column instead of merging.
    let repeated = rows
        .columns
        .windows(2)
        .any(|w| matches!(w, [a, b] if named(a) && a.name.trim() == b.name.trim()));
    let merged = rows.columns.iter().filter(|c| named(c)).count() >= 2
        && (repeated
            || rows.columns.iter().skip_while(|c| !named(c)).any(|c| {
                !named(c) && matches!(c.cells.first(), Some(Cell::Text(t)) if !t.trim().is_empty())
            }));
    let mut over = String::new();
    for column in &mut rows.columns {
        let own = column.name.trim();
        if !own.is_empty() {
            over = own.to_string();
        }
        if let Some(Cell::Text(label)) = column.cells.first() {
            let label = label.trim();
            column.name = if merged && !over.is_empty() && over != label {
                format!("{over} {label}")
            } else {
                label.to_string()
            };
        }
        if !column.cells.is_empty() {
            column.cells.remove(0);
        }
    }
    rows.row_numbers.remove(0);
}

/// The body's width (its records' most common number of fields) and the
/// width its records use (without empty fields at their ends), from the
/// records with two values that are not notes (a note split at its commas
/// would vote for its own width).
fn body_widths(split: &Split, records: &[&Record]) -> (usize, usize) {
    let votes: Vec<&&Record> = records
        .iter()
        .filter(|r| r.filled >= 2 && !labelled(split, r))
        .collect();
    let counts: Vec<usize> = votes.iter().map(|r| r.fields).collect();
    let body_width = mode_width(&counts).map_or(1, |(w, _)| w);
    // Rows that end with a delimiter ("1,2,") are wider than their header.
    let used: Vec<usize> = votes.iter().map(|r| r.used).collect();
    let used_width = mode_width(&used).map_or(1, |(w, _)| w).min(body_width);
    (body_width, used_width)
}

/// Where the body ends among the records `after` the header: before the
/// trailing records that read as notes or are narrow and nearly empty.
fn body_end(split: &Split, after: &[&Record], body_width: usize) -> usize {
    let mut body_end = after.len();
    if body_width >= 2 {
        while let Some(record) = body_end.checked_sub(1).and_then(|i| after.get(i)) {
            // Nearly empty, or a table of footnotes at most half as wide
            // (UNdata's `"footnoteSeqID","Footnote"` block under its data).
            let narrow = record.fields < body_width
                && (record.filled <= 1
                    || (body_width >= 4 && record.fields.saturating_mul(2) <= body_width));
            // As wide as the body but one field said, `label: text`, or
            // none (the DataBank's `Last Updated: 06/28/2024,,,,,,`).
            let said = record.filled == 0
                || (record.filled == 1
                    && split
                        .fields(record)
                        .next()
                        .is_some_and(|f| f.contains([':', '：'])));
            if !(labelled(split, record) || narrow || said) {
                break;
            }
            body_end = body_end.saturating_sub(1);
        }
    }
    body_end
}

/// The body read into columns, and the rows skipped on the way.
struct Body {
    /// `width` columns, named by the header (unnamed past its end).
    columns: Vec<Column>,
    /// Each row's 1-based line.
    row_numbers: Vec<usize>,
    /// Blank lines and long rows, in row order.
    skipped: Vec<Skipped>,
    blank_lines: usize,
    long_rows: usize,
}

/// The body's records as `width` columns under the header's names (5):
/// a record with more non-empty fields than that is listed, not read.
fn read_body(split: &Split, header: &Record, body: &[&Record], width: usize) -> Body {
    let mut columns: Vec<Column> = split
        .fields(header)
        .map(|f| Column {
            name: f.trim().to_string(),
            cells: Vec::with_capacity(body.len()),
        })
        .collect();
    columns.resize_with(width, || Column {
        name: String::new(),
        cells: Vec::with_capacity(body.len()),
    });
    let mut row_numbers = Vec::with_capacity(body.len());
    // In the order read: lines csv-core skipped and records of empty fields.
    let skipped: Vec<Skipped> = split
        .blank_lines
        .iter()
        .map(|&row| Skipped {
            row,
            reason: SkipReason::Blank,
        })
        .collect();
    let blank_lines = skipped.len();
    let mut long_rows = 0usize;
    let mut long = Vec::new();
    for record in body {
        // 5. More non-empty fields than the header: listed, not read.
        let extra_filled = split
            .fields(record)
            .skip(width)
            .any(|f| f.bytes().any(|b| !b.is_ascii_whitespace()));
        if extra_filled {
            long_rows = long_rows.saturating_add(1);
            long.push(Skipped {
                row: record.line,
                reason: SkipReason::TooManyFields {
                    found: record.fields,
                    expected: width,
                },
            });
            continue;
        }
        row_numbers.push(record.line);
        let mut fields = split.fields(record);
        for column in columns.iter_mut() {
            column.cells.push(cell(fields.next().unwrap_or_default()));
        }
    }
    Body {
        columns,
        row_numbers,
        skipped: merge_by_row(skipped, long),
        blank_lines,
        long_rows,
    }
}

/// Empty columns dropped, nameless columns with data named by letter (6):
/// the columns kept, their 1-based numbers, and the numbers dropped.
fn named_columns(columns: Vec<Column>) -> (Vec<Column>, Vec<usize>, Vec<usize>) {
    let mut kept = Vec::with_capacity(columns.len());
    let mut column_numbers = Vec::with_capacity(columns.len());
    let mut dropped_columns = Vec::new();
    for (i, mut column) in columns.into_iter().enumerate() {
        let number = i.saturating_add(1);
        if column.name.is_empty() {
            if column.cells.iter().all(|c| *c == Cell::Empty) {
                dropped_columns.push(number);
                continue;
            }
            column.name = column_letters(number);
        }
        kept.push(column);
        column_numbers.push(number);
    }
    (kept, column_numbers, dropped_columns)
}

/// The lines under the body: the first that names a source is the source,
/// the others are notes.
fn notes_and_source(
    split: &Split,
    trailing: &[&Record],
    delimiter: u8,
) -> (Vec<String>, Option<String>) {
    let mut notes = Vec::new();
    let mut source = None;
    for record in trailing {
        let line = split.joined(record, delimiter);
        match source_of(&line) {
            Some(named) if source.is_none() => source = Some(named),
            _ => notes.push(line),
        }
    }
    (notes, source)
}

/// Two lists of skipped rows, each in row order, as one in row order.
fn merge_by_row(a: Vec<Skipped>, b: Vec<Skipped>) -> Vec<Skipped> {
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len().saturating_add(b.len()));
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.row <= y.row,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
}

/// A field as a cell: empty or spaces → [`Cell::Empty`], else its text as written.
fn cell(field: &str) -> Cell {
    if field.bytes().all(|b| b.is_ascii_whitespace()) {
        return Cell::Empty;
    }
    Cell::Text(field.to_string())
}
