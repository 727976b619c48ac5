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

/// Words that only an error's whole message says (a hint, what a file looks
/// like): empty in the page's main module, which says only where a file fails
/// (see the end of this file), so that the words are not in its wasm.
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub(crate) const fn said(_words: &'static str) -> &'static str {
    ""
}

/// Words that only an error's whole message says (a hint, what a file looks like).
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
pub(crate) const fn said(words: &'static str) -> &'static str {
    words
}

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
    /// A year outside 1800–2100 or with a fraction.
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
    /// A workbook the reader could not open: cut short, damaged, or not what
    /// its name says; `detail` is the workbook reader's own words.
    // zh: 工作簿已损坏，无法读取（{detail}）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再试。
    WorkbookCorrupt { detail: String },
    /// A workbook protected by a password (an encrypted .xlsx, or an .xls/.ods
    /// with a password to open).
    // zh: 这个工作簿有密码保护，无法读取。请在 Excel 或 WPS 中打开它，取消密码后另存，再试一次。
    WorkbookEncrypted,
    /// Bytes sent to the workbook reader that are no workbook format it knows.
    // zh: 这不是 Heluo 能读取的工作簿格式（{detail}）。支持 .xlsx、.xlsm、.xlsb、.xls 和 .ods。
    WorkbookUnsupported { detail: String },
    /// A workbook whose sheets hold no cell at all.
    // zh: 这个工作簿的 {sheets} 个工作表都是空的，没有可作图的数据。
    WorkbookEmpty { sheets: usize },
    /// A workbook with cells but no table: no sheet has a row of headers (at
    /// least two columns) with rows below it. `sheets` names the sheets looked at.
    // zh: 工作簿中没有找到表格：工作表 {sheets} 中没有一行至少两列的表头及其下方的数据。请把数据整理成一行表头加若干数据行。
    WorkbookNoTable { sheets: Vec<String> },
    /// The workbook reader's output could not be decoded at byte `offset`: a
    /// fault of Heluo's, not of the file.
    // zh: 工作簿读取模块的输出在第 {offset} 字节处无法解读。这是 Heluo 的错误，不是文件的问题，请报告。
    SheetTransfer { offset: usize },
    // zh: 表格是空的：没有一行数据。请选择带表头和数据行的表格或工作表。
    /// The table (sheet) has no rows or no columns.
    EmptyTable,
    // zh: 没有数字列：{columns} 里都不是数字。图表需要一列数值，例如 3.12、200,000 或 20万。
    /// No column holds numbers; `columns` are the headers, quoted.
    NoNumbers { columns: Vec<String> },
    // zh: 表格里有数字（{numbers}），但既没有时间列（如 2013、2013年、2013-01-01），也没有名称列：加一列年份可画趋势，加一列名称（村、县、国家）可画排名。
    /// Numbers, but neither a time column nor a column of names.
    NoNameOrTime { numbers: Vec<String> },
    // zh: 数字列 {columns} 没有一个值：所有单元格都是空的或写作缺失（“—”、“NA”）。
    /// Every value of the value columns is missing.
    AllMissing { columns: Vec<String> },
    // zh: 映射的 “{field}” 写的是 {name}，表中没有这一列；表中的列有 {known}。
    /// The mapping names a column the table does not have.
    UnknownColumn {
        field: &'static str,
        name: String,
        known: Vec<String>,
    },
    // zh: 映射要第 {index} 个表（从 0 数起），但文件只有 {count} 个表。
    /// The mapping names a table the file does not have (0-based).
    NoSuchTable { index: usize, count: usize },
    // zh: 映射要画{chart}，但它需要{needs}：请在映射中指定。
    /// The mapping asks for a chart the table cannot give.
    ChartNeeds {
        chart: &'static str,
        needs: &'static str,
    },
    // zh: {at}：{name} 在 {year} 年有不止一个日期（{first} 和 {second}）；图表每年一个值：请只保留每年一行，或在映射中选一个切片。
    /// Two different dates in one year for one series: the chart has one value a year.
    NotYearly {
        at: Box<Spot>,
        name: String,
        year: i32,
        first: String,
        second: String,
    },
    // zh: {at}：{name} {year} 年的 {rows} 行相加得 {total}%，超出 0–100：百分比不能相加，请在映射中选一个切片（例如 性别 = 合计）。
    /// Percentages of several rows summed beyond 0–100.
    SummedPercent {
        at: Box<Spot>,
        name: String,
        year: i32,
        rows: usize,
        total: String,
    },
    // zh: {at}：两个指标标签 {name} 相同（第一个在 {first}）；请在映射中改掉其中一个列的名字或忽略它。
    /// Two value columns whose labels a reader could not tell apart.
    SameColumn {
        at: Box<Spot>,
        name: String,
        first: Box<Spot>,
    },
    // Table readers (src/dataset/table/): CSV/TSV, pasted text, JSON tables.
    /// Text with nothing in it but whitespace, given as a table (a file or a paste).
    // zh: 文件是空的。/ 粘贴的内容是空的。请选择或粘贴一个表格（CSV、TSV、JSON 或 Excel）。
    EmptyText { pasted: bool },
    /// A quoted field whose closing quote never comes: the rest of the text
    /// would be one cell. `line` is where the quote opened (1-based).
    // zh: 第 {line} 行的引号（"）没有闭合，后面的内容会全部读成一个单元格。请补上闭合的引号，或删去这个引号。
    UnclosedQuote { line: usize },
    /// NUL bytes or other control characters: binary data with a text name.
    // zh: 第 {line} 行含有 NUL 字节或其他控制字符：这是二进制数据，不是 CSV 或文本表格。请把表格导出为 CSV（UTF-8）后再试。
    BinaryText { line: usize },
    /// Text that holds no table; `reason` says what was found instead.
    // zh: （OneLine）只有一行文字，不是表格：表格需要一行表头和至少一行数据，值之间用逗号、分号、制表符或 | 分隔。
    // zh: （HeaderOnly）只有表头（第 {line} 行），没有数据行。
    // zh: （NoDelimiter）这不是表格：没有一行用逗号、分号、制表符或 | 分隔值，各行也不是一列简短的值。
    NoTable { reason: NoTableReason },
    /// Valid JSON that is neither format v1 nor any table shape the readers
    /// know; `found` describes the top level ("the number 3").
    // zh: 这个 JSON 是{found}，既不是 Heluo 数据集，也不是表格。可读的形式有：记录数组 [{…}, …]、某个键下的记录 {"data": […]}、按列 {"year": […], …}、{"columns": […], "data": […]}、JSON-stat 和世界银行 API 的返回。
    NotATable { found: String },
    /// A JSON-stat dataset whose `value` does not have one entry per cell of
    /// its dimensions (`expected` = the product of `size`).
    // zh: {path}：JSON-stat 数据集各维度共有 {expected} 个单元格，但这里有 {found} 个值。
    JsonStatSize {
        path: String,
        expected: usize,
        found: usize,
    },
}

/// Why a text holds no table ([`Error::NoTable`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTableReason {
    /// One line of text.
    OneLine,
    /// A header (on this 1-based line) and no row of data under it.
    HeaderOnly { line: usize },
    /// Several lines with no delimiter, and not a column of short values.
    NoDelimiter,
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

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
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
                "This is not a data file Heluo reads: it looks like {guess}. Save the data as JSON or CSV (UTF-8), or as an Excel workbook, and try again."
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
                "{path}: expected a whole year between 1800 and 2100, found {found}"
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
            other => other.import_en(f),
        }
    }
}

/// A place in a table as the person sees it in their spreadsheet or file:
/// `row 14, column C ("收入(元)")` / `第 14 行，“收入(元)” 列（C 列）`, or for
/// JSON records `data[13], "rate"`.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Spot {
    /// The row's number as the file shows it (a line, a sheet row, a record index).
    pub row: Option<usize>,
    /// The column's header.
    pub column: Option<String>,
    /// The column's letters (`C`), for text files and sheets.
    pub letter: Option<String>,
    /// For JSON records, where the records are (`"data"`, `""` for the root).
    pub records: Option<String>,
}

impl Spot {
    /// The place in Chinese: `第 14 行，“收入(元)” 列（C 列）`.
    pub fn zh(&self) -> String {
        let mut parts = Vec::new();
        match (&self.records, self.row) {
            (Some(path), Some(row)) => parts.push(format!("{path}[{row}]")),
            (None, Some(row)) => parts.push(format!("第 {row} 行")),
            _ => {}
        }
        if let Some(column) = &self.column {
            let quoted = quote(column);
            let inner = quoted.trim_matches('"');
            parts.push(match &self.letter {
                Some(letter) => format!("“{inner}” 列（{letter} 列）"),
                None => format!("“{inner}” 列"),
            });
        }
        parts.join("，")
    }
}

impl fmt::Display for Spot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        match (&self.records, self.row) {
            (Some(path), Some(row)) => parts.push(format!("{path}[{row}]")),
            (None, Some(row)) => parts.push(format!("row {row}")),
            _ => {}
        }
        if let Some(column) = &self.column {
            parts.push(match &self.letter {
                Some(letter) => format!("column {letter} ({})", quote(column)),
                None => format!("column {}", quote(column)),
            });
        }
        f.write_str(&parts.join(", "))
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

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
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

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
impl Error {
    /// The message in the reader's language: English is [`Display`](fmt::Display),
    /// Chinese is written here beside it, so the two stay together. Paths,
    /// quoted text and numbers as written are the same in both.
    pub fn message(&self, lang: crate::text::Lang) -> String {
        match lang {
            crate::text::Lang::En => self.to_string(),
            crate::text::Lang::Zh => self.zh(),
        }
    }

    fn zh(&self) -> String {
        match self {
            Error::EmptyFile => "文件是空的。请选择含有“trend”（趋势）或“ranking”（排名）数据的文件。".into(),
            Error::TooLarge { bytes } => format!(
                "文件大小为 {} MB，Heluo 最多读取 {} MB 的文件。请拆分数据，或删去不需要绘制的列。",
                crate::format::group_thousands((*bytes as f64 / 104_857.6).ceil() / 10.0, 1),
                MAX_FILE_BYTES / 1_048_576
            ),
            Error::NotText { guess } => format!(
                "这不是 Heluo 能读取的数据文件，看起来是{}。请将数据另存为 JSON 或 CSV（UTF-8），或 Excel 工作簿后再试。",
                zh_guess(guess)
            ),
            Error::NotUtf8 {
                truncated: true, ..
            } => "文件在一个字符的中间结束，可能不完整。请重新保存或下载。".into(),
            Error::NotUtf8 { line, column, .. } => format!(
                "第 {line} 行第 {column} 列的文字既不是 UTF-8，也不是 GB18030/GBK。请另存为 UTF-8（Excel 或 WPS：另存为 → UTF-8）后重新载入。"
            ),
            Error::Syntax {
                line,
                column,
                detail,
                hint,
            } => format!(
                "JSON 语法错误，位于第 {line} 行第 {column} 列：{}。{}",
                zh_syntax_detail(detail),
                hint.zh()
            ),
            Error::TooBig { path, value } => {
                format!("{path}：{value} 太大，无法绘制；数值须小于 1,000,000,000,000,000")
            }
            Error::TopLevel { found } => format!(
                "文件中是{}，但 Heluo 数据集是一个 JSON 对象，例如 {{\"trend\": […], \"ranking\": {{…}}}}。",
                zh_found(found)
            ),
            Error::Type {
                path,
                expected,
                found,
            } => format!(
                "{path}：应为{}，实为{}",
                zh_fragment(expected),
                zh_found(found)
            ),
            Error::Missing { path, hint } => format!("{path}：缺少此项；{}", zh_fragment(hint)),
            Error::NothingToChart => "没有可绘制的内容：数据集需要“trend”（年份与数值）或“ranking”（村与指标），或两者都有。".into(),
            Error::Empty { path, what } => {
                format!("{path}：为空；请至少添加一个{}", zh_fragment(what))
            }
            Error::Year { path, found } => format!(
                "{path}：应为 1800 至 2100 之间的整数年份，实为{}",
                zh_found(found)
            ),
            Error::DuplicateYear { path, year, first } => format!(
                "{path}：{year} 年在这条线中出现了两次（第一次在 {first}）；每年只保留一个数值"
            ),
            Error::Percent { path, value } if value.starts_with('-') => format!(
                "{path}：{value} 不是 0 到 100 之间的百分比（单位为“%”）：占比不能为负"
            ),
            Error::Percent { path, value } => format!(
                "{path}：{value} 不是 0 到 100 之间的百分比（单位为“%”）；3.12% 请写作 3.12"
            ),
            Error::DuplicateVillage {
                path,
                name,
                group: None,
                first,
            } => format!(
                "{path}：村 {} 出现了两次，且都没有“group”（第一次在 {first}）；请合并这两条，或为每条写明“group”",
                quote(name)
            ),
            Error::DuplicateVillage {
                path,
                name,
                group: Some(group),
                first,
            } => format!(
                "{path}：村 {} 在分组 {} 中出现了两次（第一次在 {first}）；请合并这两条",
                quote(name),
                quote(group)
            ),
            Error::DuplicateMetric { path, key } => {
                format!("{path}：指标键 {} 声明了两次", quote(key))
            }
            Error::UnknownMetric { path, key, known } => {
                const LISTED: usize = 10;
                let mut list: Vec<String> = known.iter().take(LISTED).map(|k| quote(k)).collect();
                if known.len() > LISTED {
                    list.push(format!("另有 {} 个", known.len().saturating_sub(LISTED)));
                }
                format!(
                    "{path}：没有键为 {} 的指标；已声明的键为 {}",
                    quote(key),
                    list.join("、")
                )
            }
            Error::DuplicateKey { path, key } => format!(
                "{path}：同一个对象中键 {} 写了两次；请只保留一个",
                quote(key)
            ),
            Error::Invisible { path, found } => format!(
                "{path}：应为非空字符串，实为字符串 {found}，其中只有不可见字符"
            ),
            Error::LookAlike {
                path,
                what,
                name,
                other,
                first,
            } => format!(
                "{path}：{} {} 看起来与 {} 相同（第一次在 {first}）；两者只差不可见字符或空格，请改名或合并",
                zh_fragment(what),
                quote(name),
                quote(other)
            ),
            Error::SameName {
                path,
                what,
                name,
                first,
            } => format!(
                "{path}：{} {} 用了两次（第一次在 {first}）；读者无法区分二者，请各起一个名字",
                zh_fragment(what),
                quote(name)
            ),
            Error::NoGroupName { path, name } => format!(
                "{path}：{} 是图表对没有分组的村的称呼，分组不能用这个名字；请给分组改名，或对没有分组的村省略“group”",
                quote(name)
            ),
            Error::PointShape { path, found } => format!(
                "{path}：应为数据点，例如 {{\"year\": 2013, \"value\": 3.12}} 或 [2013, 3.12]，实为{}",
                zh_found(found)
            ),
            Error::Draw(detail) => format!("图表无法绘制：{detail}"),
            other => other.import_zh(),
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
impl SyntaxHint {
    /// The advice in Chinese.
    pub fn zh(&self) -> String {
        if let SyntaxHint::Invisible(c) = self {
            return format!(
                "那里有一个不可见字符（U+{:04X}）：请删除它，或换成普通空格；JSON 的值之间只允许空格和换行。",
                u32::from(*c)
            );
        }
        match self {
            SyntaxHint::Comment => "JSON 不允许注释，请删除。",
            SyntaxHint::NotANumber => "NaN 和 Infinity 不是 JSON 数字；缺失的值请写 null。",
            SyntaxHint::CurlyQuote => "这是弯引号；JSON 需要直引号（\"）。",
            SyntaxHint::FullWidth => "这是全角（中文）标点；JSON 需要英文输入的 , : { } [ ]。",
            SyntaxHint::Html => "这看起来是网页（HTML），不是 JSON。",
            SyntaxHint::Csv => "这看起来是 CSV 或纯文本，不是 JSON。",
            SyntaxHint::CutShort => "文件在所有括号闭合之前就结束了，可能不完整。",
            SyntaxHint::TrailingComma => "请删除右括号前的逗号。",
            SyntaxHint::Trailing => "数据集结束后还有内容；一个文件只能有一个 JSON 对象。",
            SyntaxHint::TooDeep => "数据嵌套超过 128 层。",
            SyntaxHint::LineBreak => "一段文字跨了行；请合并成一行，或写作 \\n。",
            SyntaxHint::Bom => "那里有一个不可见的字节顺序标记（U+FEFF），常在拼接文件时留下：请删除它，或重新另存为 UTF-8。",
            SyntaxHint::Invisible(_) | SyntaxHint::General => "请检查那里是否缺少或多了逗号、括号或引号。",
        }
        .into()
    }
}

/// The JSON reader's description of a syntax error (serde_json's words), in Chinese.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn zh_syntax_detail(detail: &str) -> String {
    let zh = match detail {
        "EOF while parsing a list" => "数组未结束文件就结束了",
        "EOF while parsing an object" => "对象未结束文件就结束了",
        "EOF while parsing a string" => "字符串未结束文件就结束了",
        "EOF while parsing a value" => "应有一个值时文件结束了",
        "expected `:`" => "应为 `:`",
        "expected `,` or `]`" => "应为 `,` 或 `]`",
        "expected `,` or `}`" => "应为 `,` 或 `}`",
        "expected ident" => "应为 true、false 或 null",
        "expected value" => "应为一个值",
        "invalid escape" => "无效的转义",
        "invalid number" => "无效的数字",
        "number out of range" => "数字超出范围",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "字符串中有控制字符（\\u0000-\\u001F）"
        }
        "key must be a string" => "键必须是字符串",
        "lone leading surrogate in hex escape" => "十六进制转义中有落单的代理项",
        "unexpected end of hex escape" => "十六进制转义意外结束",
        "trailing comma" => "多余的逗号",
        "trailing characters" => "多余的字符",
        "recursion limit exceeded" => "嵌套层数超出限制",
        other => return other.to_string(),
    };
    zh.to_string()
}

/// A file-type guess of [`Error::NotText`] ("a PNG image"), in Chinese.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn zh_guess(guess: &str) -> String {
    let stripped = guess
        .strip_prefix("an ")
        .or_else(|| guess.strip_prefix("a "))
        .unwrap_or(guess);
    let zh = match stripped {
        "PNG image" => " PNG 图片",
        "JPEG image" => " JPEG 图片",
        "GIF image" => " GIF 图片",
        "PDF document" => " PDF 文档",
        "ZIP archive or an Excel/Word file (.xlsx, .docx)" => {
            " ZIP 压缩包或 Excel/Word 文件（.xlsx、.docx）"
        }
        "old Excel or Word file (.xls, .doc)" => "旧版 Excel 或 Word 文件（.xls、.doc）",
        "UTF-16 text with broken characters" => "含有损坏字符的 UTF-16 文本",
        other => return format!(" {other}"),
    };
    zh.to_string()
}

/// What was found, as [`Walk::describe`](crate::dataset) words it in
/// English ("the string \"3.1%\"", "an array"), in Chinese.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn zh_found(found: &str) -> String {
    if let Some(text) = found.strip_prefix("the string ") {
        return format!("字符串 {text}");
    }
    if let Some(number) = found.strip_prefix("the number ") {
        return format!("数字 {number}");
    }
    if let Some(b) = found.strip_prefix("the boolean ") {
        return format!("布尔值 {b}");
    }
    if let Some(n) = found.strip_prefix("an array of ").and_then(|rest| {
        rest.strip_suffix(" items")
            .or_else(|| rest.strip_suffix(" item"))
    }) {
        return format!("含 {n} 项的数组");
    }
    match found {
        "null" => " null".into(),
        "an empty string" => "空字符串".into(),
        "an empty array" => "空数组".into(),
        "an array" => "数组".into(),
        "an empty object" => "空对象".into(),
        "an object" => "对象".into(),
        other => other.into(),
    }
}

/// The fixed English fragments messages carry (what was expected, what kind
/// of thing, the hint), in Chinese. A fragment not listed stays English; the
/// bad-input corpus test pins every Chinese message, so a new fragment shows.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn zh_fragment(fragment: &str) -> String {
    let zh = match fragment {
        "a string" => "字符串",
        "a non-empty string" => "非空字符串",
        "an array" => "数组",
        "an object" => "对象",
        "a number" => "数字",
        "a finite number" => "有限的数字",
        "a year (a whole number)" => "年份（整数）",
        "series" => "系列",
        "point" => "数据点",
        "metric" => "指标",
        "village" => "村",
        "metric key" => "指标键",
        "series name" => "系列名称",
        "metric label" => "指标名称",
        "give each series a \"name\"" => "请为每个系列写明“name”",
        "a column of names (one series a row)" => "一列名称（每行一个系列）",
        "a time column (years or dates)" => "一个时间列（年份或日期）",
        "a column of names" => "一列名称",
        "names that are not aggregates (the mapping's \"aggregates\" says which are)" => {
            "不是汇总项的名称（映射中的“aggregates”指明哪些是汇总项）"
        }
        "give the annotation a \"label\"" => "请为标注写明“label”",
        "give each metric a \"key\"" => "请为每个指标写明“key”",
        "give each village a \"name\"" => "请为每个村写明“name”",
        "add the series' points, e.g. [{\"year\": 2013, \"value\": 3.12}]" => {
            "请添加这个系列的数据点，例如 [{\"year\": 2013, \"value\": 3.12}]"
        }
        "add a list of series, each with a \"name\" and \"points\"" => {
            "请添加系列列表，每个系列有“name”和“points”"
        }
        "say which year the annotation marks" => "请写明标注所在的年份",
        "each point needs a \"year\"" => "每个数据点都需要“year”",
        "each point needs a \"value\" (use null for a missing year)" => {
            "每个数据点都需要“value”（缺失的年份写 null）"
        }
        "declare the metrics, e.g. [{\"key\": \"income\", \"label\": \"村集体经济收入\", \"unit\": \"元\"}]" => {
            "请声明指标，例如 [{\"key\": \"income\", \"label\": \"村集体经济收入\", \"unit\": \"元\"}]"
        }
        "add the villages, e.g. [{\"name\": \"王屯村\", \"values\": {\"income\": 200000}}]" => {
            "请添加村，例如 [{\"name\": \"王屯村\", \"values\": {\"income\": 200000}}]"
        }
        "give the village's values by metric key, e.g. {\"income\": 200000}" => {
            "请按指标键写出村的数值，例如 {\"income\": 200000}"
        }
        other => return other.to_string(),
    };
    zh.to_string()
}

/// The messages of the table readers, inference and the workbook reader: only
/// the table importer (tables/, built without the `web` feature) and native
/// code can raise them, so the main module (pkg/heluo.js, whose size is
/// budgeted) does not carry their words.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
impl Error {
    fn import_en(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyText { pasted: false } => write!(
                f,
                "The file is empty. Choose a table (CSV, TSV, JSON or Excel)."
            ),
            Error::EmptyText { pasted: true } => write!(
                f,
                "The pasted text is empty. Copy a table (cells from a spreadsheet, or CSV text) and paste again."
            ),
            Error::UnclosedQuote { line } => write!(
                f,
                "Line {line}: a quote (\") opens a field there and is never closed, so everything after it would be one cell. Add the closing quote, or remove this one."
            ),
            Error::BinaryText { line } => write!(
                f,
                "Line {line} holds a NUL byte or other control characters: this is binary data, not a CSV or text table. Export the table as CSV (UTF-8) and try again."
            ),
            Error::NoTable {
                reason: NoTableReason::OneLine,
            } => write!(
                f,
                "The text is one line, not a table: a table needs a header row and at least one row of data, with values separated by commas, semicolons, tabs or |."
            ),
            Error::NoTable {
                reason: NoTableReason::HeaderOnly { line },
            } => write!(
                f,
                "The table has a header (line {line}) but no row of data under it."
            ),
            Error::NoTable {
                reason: NoTableReason::NoDelimiter,
            } => write!(
                f,
                "The text is not a table: no line separates values with commas, semicolons, tabs or |, and the lines are not a single column of short values."
            ),
            Error::NotATable { found } => write!(
                f,
                "The JSON holds {found}, which is neither a Heluo dataset nor a table. Heluo reads an array of records ([{{…}}, …]), records under one key ({{\"data\": […]}}), columns ({{\"year\": […], …}}), {{\"columns\": […], \"data\": […]}}, JSON-stat and World Bank API replies."
            ),
            Error::JsonStatSize {
                path,
                expected,
                found,
            } => write!(
                f,
                "{path}: the JSON-stat dataset's dimensions have {expected} cells, but {found} values are given"
            ),
            Error::EmptyTable => write!(
                f,
                "The table is empty: it has no rows of data. Choose a table or sheet with a header row and rows below it."
            ),
            Error::NoNumbers { columns } => write!(
                f,
                "No column holds numbers ({}). A chart needs a column of values such as 3.12, 200,000 or 20万.",
                columns.join(", ")
            ),
            Error::NoNameOrTime { numbers } => write!(
                f,
                "The table has numbers ({}) but neither a time column (2013, 2013年, 2013-01-01) nor a column of names: add a column of years for a trend, or of names (villages, counties, countries) for a ranking.",
                numbers.join(", ")
            ),
            Error::AllMissing { columns } => write!(
                f,
                "The value columns {} hold no value: every cell is empty or written as missing (\"—\", \"NA\").",
                columns.join(", ")
            ),
            Error::UnknownColumn { field, name, known } => write!(
                f,
                "The mapping's \"{field}\" is {}, but the table has no such column; its columns are {}.",
                quote(name),
                known.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ")
            ),
            Error::NoSuchTable { index, count } => write!(
                f,
                "The mapping asks for table {index} (counting from 0), but the file has {count}."
            ),
            Error::ChartNeeds { chart, needs } => write!(
                f,
                "The mapping asks for a {chart} chart, which needs {needs}: name it in the mapping."
            ),
            Error::NotYearly {
                at,
                name,
                year,
                first,
                second,
            } => write!(
                f,
                "{at}: {} has more than one date in {year} ({first} and {second}); the chart has one value a year, so keep one row a year or pick a slice in the mapping.",
                quote(name)
            ),
            Error::SummedPercent {
                at,
                name,
                year,
                rows,
                total,
            } => write!(
                f,
                "{at}: the {rows} rows of {} in {year} add up to {total}%, outside 0–100: percentages do not add up, so pick one slice in the mapping (such as sex = Both).",
                quote(name)
            ),
            Error::SameColumn { at, name, first } => write!(
                f,
                "{at}: two value columns are labelled {} (the first at {first}); rename or ignore one of them in the mapping.",
                quote(name)
            ),
            Error::WorkbookCorrupt { detail } => write!(
                f,
                "The workbook is damaged and cannot be read ({detail}). Open it in Excel or WPS, save it as .xlsx and try again."
            ),
            Error::WorkbookEncrypted => write!(
                f,
                "The workbook is protected by a password and cannot be read. Open it in Excel or WPS, remove the password, save it and try again."
            ),
            Error::WorkbookUnsupported { detail } => write!(
                f,
                "This is not a workbook format Heluo reads ({detail}). Heluo reads .xlsx, .xlsm, .xlsb, .xls and .ods."
            ),
            Error::WorkbookEmpty { sheets } => write!(
                f,
                "All {sheets} sheet(s) of the workbook are empty: there is nothing to chart."
            ),
            Error::WorkbookNoTable { sheets } => write!(
                f,
                "No table found in the workbook: no sheet ({}) has a header row of at least two columns with rows below it. Arrange the data as one header row and rows of values.",
                sheets.iter().map(|name| quote(name)).collect::<Vec<_>>().join(", ")
            ),
            Error::SheetTransfer { offset } => write!(
                f,
                "The workbook reader's output could not be decoded at byte {offset}. This is a fault in Heluo, not in the file: please report it."
            ),
            _ => Ok(()),
        }
    }

    fn import_zh(&self) -> String {
        match self {
            Error::EmptyTable => {
                "表格是空的：没有一行数据。请选择带表头和数据行的表格或工作表。".into()
            }
            Error::NoNumbers { columns } => format!(
                "没有数字列：{} 里都不是数字。图表需要一列数值，例如 3.12、200,000 或 20万。",
                columns.join("、")
            ),
            Error::NoNameOrTime { numbers } => format!(
                "表格里有数字（{}），但既没有时间列（如 2013、2013年、2013-01-01），也没有名称列：加一列年份可画趋势，加一列名称（村、县、国家）可画排名。",
                numbers.join("、")
            ),
            Error::AllMissing { columns } => format!(
                "数字列 {} 没有一个值：所有单元格都是空的或写作缺失（“—”、“NA”）。",
                columns.join("、")
            ),
            Error::UnknownColumn { field, name, known } => format!(
                "映射的“{field}”写的是 {}，表中没有这一列；表中的列有 {}。",
                quote(name),
                known.iter().map(|k| quote(k)).collect::<Vec<_>>().join("、")
            ),
            Error::NoSuchTable { index, count } => {
                format!("映射要第 {index} 个表（从 0 数起），但文件只有 {count} 个表。")
            }
            Error::ChartNeeds { chart, needs } => format!(
                "映射要画{}，但它需要{}：请在映射中指定。",
                if *chart == "trend" { "趋势图" } else { "排名图" },
                zh_fragment(needs)
            ),
            Error::NotYearly {
                at,
                name,
                year,
                first,
                second,
            } => format!(
                "{}：{} 在 {year} 年有不止一个日期（{first} 和 {second}）；图表每年一个值：请只保留每年一行，或在映射中选一个切片。",
                at.zh(),
                quote(name)
            ),
            Error::SummedPercent {
                at,
                name,
                year,
                rows,
                total,
            } => format!(
                "{}：{} {year} 年的 {rows} 行相加得 {total}%，超出 0–100：百分比不能相加，请在映射中选一个切片（例如 性别 = 合计）。",
                at.zh(),
                quote(name)
            ),
            Error::SameColumn { at, name, first } => format!(
                "{}：两个数值列的标签都是 {}（第一个在 {}）；请在映射中改掉其中一列的名字或忽略它。",
                at.zh(),
                quote(name),
                first.zh()
            ),
            Error::EmptyText { pasted: false } => {
                "文件是空的。请选择一个表格（CSV、TSV、JSON 或 Excel）。".into()
            }
            Error::EmptyText { pasted: true } => {
                "粘贴的内容是空的。请从电子表格复制单元格或 CSV 文字后再粘贴。".into()
            }
            Error::UnclosedQuote { line } => format!(
                "第 {line} 行的引号（\"）没有闭合，后面的内容会全部读成一个单元格。请补上闭合的引号，或删去这个引号。"
            ),
            Error::BinaryText { line } => format!(
                "第 {line} 行含有 NUL 字节或其他控制字符：这是二进制数据，不是 CSV 或文本表格。请把表格导出为 CSV（UTF-8）后再试。"
            ),
            Error::NoTable {
                reason: NoTableReason::OneLine,
            } => "只有一行文字，不是表格：表格需要一行表头和至少一行数据，值之间用逗号、分号、制表符或 | 分隔。".into(),
            Error::NoTable {
                reason: NoTableReason::HeaderOnly { line },
            } => format!("只有表头（第 {line} 行），没有数据行。"),
            Error::NoTable {
                reason: NoTableReason::NoDelimiter,
            } => "这不是表格：没有一行用逗号、分号、制表符或 | 分隔值，各行也不是一列简短的值。".into(),
            Error::NotATable { found } => format!(
                "这个 JSON 是{}，既不是 Heluo 数据集，也不是表格。可读的形式有：记录数组 [{{…}}, …]、某个键下的记录 {{\"data\": […]}}、按列 {{\"year\": […], …}}、{{\"columns\": […], \"data\": […]}}、JSON-stat 和世界银行 API 的返回。",
                zh_found(found)
            ),
            Error::JsonStatSize {
                path,
                expected,
                found,
            } => format!(
                "{path}：JSON-stat 数据集各维度共有 {expected} 个单元格，但这里有 {found} 个值。"
            ),
            Error::WorkbookCorrupt { detail } => format!(
                "工作簿已损坏，无法读取（{detail}）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再试。"
            ),
            Error::WorkbookEncrypted => {
                "这个工作簿有密码保护，无法读取。请在 Excel 或 WPS 中打开它，取消密码后另存，再试一次。".into()
            }
            Error::WorkbookUnsupported { detail } => format!(
                "这不是 Heluo 能读取的工作簿格式（{detail}）。支持 .xlsx、.xlsm、.xlsb、.xls 和 .ods。"
            ),
            Error::WorkbookEmpty { sheets } => {
                format!("这个工作簿的 {sheets} 个工作表都是空的，没有可作图的数据。")
            }
            Error::WorkbookNoTable { sheets } => format!(
                "工作簿中没有找到表格：工作表 {} 中没有一行至少两列的表头及其下方的数据。请把数据整理成一行表头加若干数据行。",
                sheets.iter().map(|name| quote(name)).collect::<Vec<_>>().join("、")
            ),
            Error::SheetTransfer { offset } => format!(
                "工作簿读取模块的输出在第 {offset} 字节处无法解读。这是 Heluo 的错误，不是文件的问题，请报告。"
            ),
            _ => String::new(),
        }
    }
}

/// Errors in the page's main module (pkg/heluo.js, whose size is budgeted):
/// where, in the reader's language, and not yet what and how to fix it. A
/// file that fails there goes on to the table importer (pkg/heluo-tables.js,
/// loaded on demand), which reads format v1 too and gives the whole message
/// (`HeluoTables.formatV1Message`); these words are all a reader sees only
/// where the importer cannot load. The whole words of every format v1 error,
/// in both languages, cost heluo.js 5.4 KB gzipped.
#[cfg(all(target_arch = "wasm32", feature = "web"))]
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.brief(crate::text::Lang::En))
    }
}

#[cfg(all(target_arch = "wasm32", feature = "web"))]
impl Error {
    /// The message in the reader's language (see the `Display` above).
    pub fn message(&self, lang: crate::text::Lang) -> String {
        self.brief(lang)
    }

    fn brief(&self, lang: crate::text::Lang) -> String {
        let zh = lang == crate::text::Lang::Zh;
        match self {
            Error::Draw(detail) if zh => format!("图表无法绘制：{detail}"),
            Error::Draw(detail) => format!("The chart could not be drawn: {detail}"),
            _ => {
                let at = match (self.line_column(), self.path()) {
                    (Some((line, column)), _) if zh => format!("（第 {line} 行第 {column} 列）"),
                    (Some((line, column)), _) => format!(" (line {line}, column {column})"),
                    (None, Some(path)) if zh => format!("（{path}）"),
                    (None, Some(path)) => format!(" ({path})"),
                    (None, None) => String::new(),
                };
                if zh {
                    format!("这个文件不是可用的 Heluo 数据集{at}。详细说明需要表格导入模块（heluo.js 旁的 heluo-tables.js）。")
                } else {
                    format!("This file is not a usable Heluo dataset{at}. The full explanation needs the table importer (heluo-tables.js, beside heluo.js).")
                }
            }
        }
    }

    /// The line and column of a text error.
    fn line_column(&self) -> Option<(usize, usize)> {
        match self {
            Error::Syntax { line, column, .. } | Error::NotUtf8 { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }

    /// The JSON path of an error about one value.
    fn path(&self) -> Option<&str> {
        match self {
            Error::TooBig { path, .. }
            | Error::Type { path, .. }
            | Error::Missing { path, .. }
            | Error::Empty { path, .. }
            | Error::Year { path, .. }
            | Error::DuplicateYear { path, .. }
            | Error::Percent { path, .. }
            | Error::DuplicateVillage { path, .. }
            | Error::DuplicateMetric { path, .. }
            | Error::UnknownMetric { path, .. }
            | Error::DuplicateKey { path, .. }
            | Error::Invisible { path, .. }
            | Error::LookAlike { path, .. }
            | Error::SameName { path, .. }
            | Error::NoGroupName { path, .. }
            | Error::PointShape { path, .. }
            | Error::JsonStatSize { path, .. } => Some(path),
            _ => None,
        }
    }
}
