//! The one error type of the core. Every message a user can read is written here,
//! so wording stays consistent and tests can assert the exact text.
//!
//! Messages name *what* is wrong, *where* (a JSON path such as
//! `trend.series[0].points[3].value`, or a line and column) and, where it helps,
//! *how to fix it*.

use std::fmt;

/// Largest file the page accepts, in bytes. Checked before a file is read.
/// 256 MiB: a national ranking of 500,000 villages is about 50 MB; loading
/// takes about four times the file's size of wasm memory (the text, its tape
/// and the dataset: `cargo run --release --example bench`), so a file at the
/// limit needs about 1 GiB, within what a browser tab (wasm32: 4 GiB at most)
/// holds on a phone-class machine too. The tape addresses up to 512 MiB of text.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Everything that can go wrong between the bytes of a file and pixels on a canvas.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The file is empty (zero bytes or only whitespace).
    EmptyFile,
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: u64 },
    /// The bytes are not UTF-8 text; `guess` names what they look like.
    NotText { guess: &'static str },
    /// Text that is not UTF-8 (in China usually GBK or GB18030). The browser
    /// layer decodes GB18030 itself before giving up with this message.
    NotUtf8 {
        line: usize,
        column: usize,
        /// The file ends inside a character (cut short), rather than holding a bad byte.
        truncated: bool,
    },
    /// The bytes are UTF-8 but not valid JSON.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
        hint: SyntaxHint,
    },
    /// A number too large to chart.
    TooBig { path: String, value: String },
    /// The top level is valid JSON but not an object.
    TopLevel { found: String },
    /// A value has the wrong JSON type.
    Type {
        path: String,
        expected: &'static str,
        found: String,
    },
    /// A required field is absent.
    Missing { path: String, hint: &'static str },
    /// Neither `trend` nor `ranking` is present.
    NothingToChart,
    /// A list that must hold at least one item is empty.
    Empty { path: String, what: &'static str },
    /// A year outside 1900–2100 or with a fraction.
    Year { path: String, found: String },
    /// The same year twice in one series.
    DuplicateYear {
        path: String,
        year: i32,
        first: String,
    },
    /// A percentage outside 0–100; `value` as written.
    Percent { path: String, value: String },
    /// Two villages with the same name and group.
    DuplicateVillage {
        path: String,
        name: String,
        group: Option<String>,
        first: String,
    },
    /// Two metrics with the same key.
    DuplicateMetric { path: String, key: String },
    /// A village value (or `default_metric`) refers to a metric no metric declares.
    UnknownMetric {
        path: String,
        key: String,
        known: Vec<String>,
    },
    /// The same key twice in one JSON object; `path` is the second one's.
    DuplicateKey { path: String, key: String },
    /// A name, key or label made only of characters that draw nothing
    /// (U+200B, U+3164…); `found` is the string quoted.
    Invisible { path: String, found: String },
    /// Two names a reader could not tell apart that differ only in invisible
    /// characters or spacing. `what` names the kind ("village", "series name").
    LookAlike {
        path: String,
        what: &'static str,
        name: String,
        other: String,
        first: String,
    },
    /// Two series with the same name, or two metrics with the same label.
    SameName {
        path: String,
        what: &'static str,
        name: String,
        first: String,
    },
    /// A group named like the chart's entry for villages without a group.
    NoGroupName { path: String, name: String },
    /// A point is neither `{"year":…, "value":…}` nor `[year, value]`.
    PointShape { path: String, found: String },
    /// A canvas or drawing call failed (not caused by the data).
    Draw(String),
}

impl std::error::Error for Error {}

/// Quotes text back to the user: shortened so that a 10 MB string stays
/// readable (40 characters, and at most 80 once invisible characters are
/// written as code points), and with every character a reader could not see
/// written as its code point (`"王屯村<U+200D>"`), so that a message shows the
/// difference between look-alike names and a U+202E cannot reverse it.
pub fn quote(text: &str) -> String {
    const MAX: usize = 40;
    const MAX_WRITTEN: usize = 80;
    let mut out = String::from("\"");
    let mut chars = text.chars();
    for c in chars.by_ref().take(MAX) {
        crate::user_text::push_visible(&mut out, c);
        if out.chars().nth(MAX_WRITTEN).is_some() {
            break;
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyFile => write!(
                f,
                "The file is empty. Choose a JSON file with \"trend\" and/or \"ranking\" data."
            ),
            Error::TooLarge { bytes } => write!(
                f,
                "The file is {} MB; Heluo reads files up to {} MB. Split the data or remove columns you do not chart.",
                // Rounded up, so a file just over the limit never reads as within it.
                crate::format::group_thousands((*bytes as f64 / 104_857.6).ceil() / 10.0, 1),
                MAX_FILE_BYTES / 1_048_576
            ),
            Error::NotText { guess } => write!(
                f,
                "This is not a JSON text file: it looks like {guess}. Export the data as JSON (UTF-8) and try again."
            ),
            Error::NotUtf8 {
                truncated: true, ..
            } => write!(
                f,
                "The file ends in the middle of a character: it may have been cut short. Save or download it again."
            ),
            Error::NotUtf8 { line, column, .. } => write!(
                f,
                "The text at line {line}, column {column} is not UTF-8, and the file is not GB18030/GBK either. Save it as UTF-8 (in Excel or WPS: Save As → UTF-8) and load it again."
            ),
            Error::Syntax {
                line,
                column,
                detail,
                hint,
            } => write!(f, "JSON syntax error at line {line}, column {column}: {detail}. {hint}"),
            Error::TooBig { path, value } => write!(
                f,
                "{path}: {value} is too large to chart; values must stay below 1,000,000,000,000,000"
            ),
            Error::TopLevel { found } => write!(
                f,
                "The file holds {found}, but a Heluo dataset is a JSON object such as {{\"trend\": […], \"ranking\": {{…}}}}."
            ),
            Error::Type {
                path,
                expected,
                found,
            } => write!(f, "{path}: expected {expected}, found {found}"),
            Error::Missing { path, hint } => write!(f, "{path}: missing; {hint}"),
            Error::NothingToChart => write!(
                f,
                "Nothing to chart: the dataset needs a \"trend\" (years and values) or a \"ranking\" (villages and metrics), or both."
            ),
            Error::Empty { path, what } => write!(f, "{path}: empty; add at least one {what}"),
            Error::Year { path, found } => write!(
                f,
                "{path}: expected a whole year between 1900 and 2100, found {found}"
            ),
            Error::DuplicateYear { path, year, first } => write!(
                f,
                "{path}: the year {year} appears twice in this series (first at {first}); keep one value per year"
            ),
            Error::Percent { path, value } if value.starts_with('-') => write!(
                f,
                "{path}: {value} is not a percentage between 0 and 100 (the unit is \"%\"): a share cannot be negative"
            ),
            Error::Percent { path, value } => write!(
                f,
                "{path}: {value} is not a percentage between 0 and 100 (the unit is \"%\"); write 3.12 for 3.12%"
            ),
            Error::DuplicateVillage {
                path,
                name,
                group: None,
                first,
            } => write!(
                f,
                "{path}: the village {} appears twice and neither has a \"group\" (first at {first}); merge the two entries or give each its \"group\"",
                quote(name)
            ),
            Error::DuplicateVillage {
                path,
                name,
                group: Some(group),
                first,
            } => write!(
                f,
                "{path}: the village {} appears twice in the group {} (first at {first}); merge the two entries",
                quote(name),
                quote(group)
            ),
            Error::DuplicateMetric { path, key } => {
                write!(f, "{path}: the metric key {} is declared twice", quote(key))
            }
            Error::UnknownMetric { path, key, known } => {
                const LISTED: usize = 10;
                let mut list: Vec<String> = known.iter().take(LISTED).map(|k| quote(k)).collect();
                if known.len() > LISTED {
                    list.push(format!("and {} more", known.len().saturating_sub(LISTED)));
                }
                write!(
                    f,
                    "{path}: no metric has the key {}; declared keys are {}",
                    quote(key),
                    list.join(", ")
                )
            }
            Error::DuplicateKey { path, key } => write!(
                f,
                "{path}: the key {} is written twice in the same object; keep one of the two",
                quote(key)
            ),
            Error::Invisible { path, found } => write!(
                f,
                "{path}: expected a non-empty string, found the string {found}, which has only invisible characters"
            ),
            Error::LookAlike {
                path,
                what,
                name,
                other,
                first,
            } => write!(
                f,
                "{path}: the {what} {} looks the same as {} (first at {first}); they differ only in invisible characters or spaces, so rename one or merge the two",
                quote(name),
                quote(other)
            ),
            Error::SameName {
                path,
                what,
                name,
                first,
            } => write!(
                f,
                "{path}: the {what} {} is used twice (first at {first}); a reader could not tell the two apart, so give each its own",
                quote(name)
            ),
            Error::NoGroupName { path, name } => write!(
                f,
                "{path}: {} is what the chart calls villages without a group, so a group cannot have that name; rename the group, or leave \"group\" out for villages that have none",
                quote(name)
            ),
            Error::PointShape { path, found } => write!(
                f,
                "{path}: expected a point such as {{\"year\": 2013, \"value\": 3.12}} or [2013, 3.12], found {found}"
            ),
            Error::Draw(detail) => write!(f, "The chart could not be drawn: {detail}"),
        }
    }
}

/// A convenient alias used throughout the core.
pub type Result<T> = std::result::Result<T, Error>;

/// The advice after a JSON syntax error, chosen from what stands at the error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxHint {
    Comment,
    NotANumber,
    CurlyQuote,
    FullWidth,
    Html,
    Csv,
    CutShort,
    TrailingComma,
    Trailing,
    TooDeep,
    LineBreak,
    /// A byte order mark (U+FEFF) where a value should be: two at the start of
    /// the file, or one in the middle (files joined together).
    Bom,
    /// Some other character a reader cannot see, such as a no-break space.
    Invisible(char),
    General,
}

impl SyntaxHint {
    /// `detail` is serde_json's description, `at` the text from the error on,
    /// `whole` the file's text.
    pub fn classify(detail: &str, at: &str, whole: &str) -> SyntaxHint {
        let start = whole.trim_start();
        let first_line = start.lines().next().unwrap_or("");
        if at.starts_with("//") || at.starts_with("/*") {
            SyntaxHint::Comment
        } else if ["NaN", "Infinity", "-Infinity", "-NaN"]
            .iter()
            .any(|w| at.starts_with(w))
        {
            SyntaxHint::NotANumber
        } else if at.starts_with(['“', '”', '‘', '’']) {
            SyntaxHint::CurlyQuote
        } else if at.starts_with(['，', '：', '｛', '｝', '［', '］']) {
            SyntaxHint::FullWidth
        } else if at.starts_with('\u{FEFF}') {
            SyntaxHint::Bom
        } else if let Some(c) = at
            .chars()
            .next()
            .filter(|&c| crate::user_text::needs_code_point(c) && !matches!(c, '\t' | '\n' | '\r'))
        {
            SyntaxHint::Invisible(c)
        } else if start.starts_with('<') {
            SyntaxHint::Html
        } else if !start.starts_with(['{', '[']) && first_line.contains(',') {
            SyntaxHint::Csv
        } else if detail.starts_with("EOF while parsing") {
            SyntaxHint::CutShort
        } else if detail == "trailing comma" {
            SyntaxHint::TrailingComma
        } else if detail == "trailing characters" {
            SyntaxHint::Trailing
        } else if detail == "recursion limit exceeded" {
            SyntaxHint::TooDeep
        } else if detail.starts_with("control character") {
            SyntaxHint::LineBreak
        } else {
            SyntaxHint::General
        }
    }
}

impl fmt::Display for SyntaxHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let SyntaxHint::Invisible(c) = self {
            return write!(
                f,
                "There is an invisible character (U+{:04X}) there: delete it, or type an ordinary space; JSON allows only spaces and line breaks between values.",
                u32::from(*c)
            );
        }
        f.write_str(match self {
            SyntaxHint::Comment => "JSON does not allow comments; remove them.",
            SyntaxHint::NotANumber => "NaN and Infinity are not JSON numbers; write null for a missing value.",
            SyntaxHint::CurlyQuote => "That is a curly quote; JSON needs straight quotes (\").",
            SyntaxHint::FullWidth => "That is a full-width (Chinese) punctuation mark; JSON needs , : { } [ ] typed in English.",
            SyntaxHint::Html => "This looks like a web page (HTML), not JSON.",
            SyntaxHint::Csv => "This looks like CSV or plain text, not JSON.",
            SyntaxHint::CutShort => "The file ends before everything opened is closed: it may have been cut short.",
            SyntaxHint::TrailingComma => "Remove the comma before the closing bracket.",
            SyntaxHint::Trailing => "There is more after the end of the dataset; a file holds one JSON object.",
            SyntaxHint::TooDeep => "The data nests deeper than 128 levels.",
            SyntaxHint::LineBreak => "A text value breaks across lines; join it onto one line or write \\n.",
            SyntaxHint::Bom => "There is an invisible byte order mark (U+FEFF) there, often left when files are joined: delete it, or save the file again as UTF-8.",
            SyntaxHint::Invisible(_) | SyntaxHint::General => "Check for a missing or extra comma, bracket or quote there.",
        })
    }
}
