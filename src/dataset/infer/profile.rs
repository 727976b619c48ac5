//! What one column holds, read in a single pass over its cells: how many are
//! missing, numbers (under each decimal mark), times, codes; how many
//! distinct texts; what its header says (a unit, a hint such as "year" or
//! "镇"). Inference decides the column's role from this, never cell by cell.
use super::super::table::Cell;
use super::super::text;
use super::cells::reader_key;
use super::cells::{self, Decimal, Time};
use crate::hash::{FxSet, HashedText};

/// What a header says a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Time,
    Name,
    Group,
    Code,
    None,
}

/// What a column's values are, before roles are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Nothing but missing cells.
    Empty,
    /// Years or dates.
    Time,
    /// Numbers (most cells).
    Number,
    /// Codes: digits with leading zeros, `OWID_WRL`, ISO codes, ids by header.
    Code,
    /// Long free text (descriptions, notes).
    FreeText,
    /// Short text: a name, a group or a slice.
    Label,
}

/// A column, profiled.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The header, cleaned and trimmed.
    pub header: String,
    /// The header without its unit.
    pub label: String,
    pub header_unit: Option<String>,
    pub hint: Hint,
    pub kind: Kind,
    pub filled: usize,
    pub missing: usize,
    /// Cells read as numbers under [`Profile::decimal`].
    pub numbers: usize,
    /// Numbers written with `%`.
    pub percent_cells: usize,
    pub decimal: Decimal,
    pub times: usize,
    /// Every filled cell is a whole year (typed or plain digits): a year
    /// column, or numbers that happen to lie in 1800–2100.
    pub plain_years: bool,
    /// Distinct texts as a reader sees them.
    pub distinct: usize,
    /// The first cells that settle a day/month order: `(row index, text)`.
    pub day_first_at: Option<(usize, String)>,
    pub month_first_at: Option<(usize, String)>,
    /// Whether every number lies within 0–1.
    pub unit_interval: bool,
    /// How many distinct whole numbers the column holds, when every number
    /// is whole and there are at most [`FEW`] of them (codes for ages,
    /// sexes, months, clusters).
    pub few_integers: Option<usize>,
    /// Each text cell's number under [`Profile::decimal`], parsed once here
    /// for reading too (NaN: not a text number; read again when used).
    pub parsed: Vec<f64>,
}

/// At most this many distinct whole numbers make a column of categories.
pub const FEW: usize = 24;

impl Profile {
    /// Whether most of the column's numbers are written with `%`.
    pub fn percent_by_cells(&self) -> bool {
        self.percent_cells > 0 && self.percent_cells.saturating_mul(2) >= self.numbers
    }
}

/// Tracks the distinct whole numbers of a column, up to [`FEW`].
struct Few(Option<Vec<i64>>);

impl Few {
    fn add(&mut self, v: f64) {
        let Some(seen) = &mut self.0 else { return };
        if v.fract() != 0.0 || v.abs() > 1e9 {
            self.0 = None;
            return;
        }
        let v = v as i64;
        if !seen.contains(&v) {
            if seen.len() >= FEW {
                self.0 = None;
            } else {
                seen.push(v);
            }
        }
    }
}

/// Splits a unit off a header: `收入(元)` → (`收入`, `元`), `rate (%)`,
/// `收入（万元）`, `share_pct`, `percent`.
pub fn header_unit(header: &str) -> (String, Option<String>) {
    let h = header.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        if let Some(body) = h.strip_suffix(close) {
            if let Some(at) = body.rfind(open) {
                let inner = body.get(at.saturating_add(open.len_utf8())..).unwrap_or("");
                let label = body.get(..at).unwrap_or("").trim();
                if is_unit(inner.trim()) && !label.is_empty() {
                    let lower = inner.trim().to_ascii_lowercase();
                    let unit = if matches!(
                        lower.as_str(),
                        "percent" | "per cent" | "pct" | "percentage"
                    ) {
                        Some("%".to_string())
                    } else {
                        text::unit(inner)
                    };
                    return (label.to_string(), unit);
                }
            }
        }
    }
    if let Some(label) = h.strip_suffix('%').or_else(|| h.strip_suffix('％')) {
        let label = label.trim_end_matches(['_', ' ', '-']);
        if !label.is_empty() {
            return (label.to_string(), Some("%".into()));
        }
    }
    let lower = h.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .any(|w| matches!(*w, "percent" | "percentage" | "pct"))
        || lower.contains("per cent")
    {
        return (h.to_string(), Some("%".into()));
    }
    (h.to_string(), None)
}

/// Whether a header's bracketed text is a unit rather than a qualifier such as "(historical)".
fn is_unit(inner: &str) -> bool {
    if inner.is_empty() || inner.chars().count() > 24 {
        return false;
    }
    let lower = inner.to_ascii_lowercase();
    let cjk = inner.chars().filter(|&c| cells::is_cjk(c)).count();
    // `县（市、区）`, `乡镇（街道）`, `村（社区）`: other names of the thing, no unit.
    let other_names = inner.contains('、')
        || matches!(
            inner,
            "街道" | "社区" | "市" | "区" | "县" | "镇" | "乡" | "村" | "居委会"
        );
    inner.contains(['%', '％', '$', '¥', '€', '£', '‰', '/'])
        || (cjk > 0 && inner.chars().count() <= 6 && !other_names)
        || [
            "usd", "us$", "eur", "yuan", "rmb", "cny", "years", "year", "people", "persons",
            "person", "km", "kg", "km2", "kwh", "twh", "gwh", "mw", "tonnes", "tons", "t", "m",
            "cm", "mm", "ha", "percent", "per cent", "pct", "million", "billion", "thousand",
            "days", "hours", "index", "ratio", "°c", "c", "mt", "kt",
        ]
        .iter()
        .any(|u| lower == *u)
        || lower.starts_with("constant ")
        || lower.starts_with("current ")
        || lower.starts_with("per ")
        || lower.starts_with("million")
        || lower.starts_with("thousand")
        || lower.starts_with("billion")
}

/// What a header hints, tried in order: the headers that are the word, and
/// the words a header may contain.
const HINTS: [(Hint, &[&str], &[&str]); 4] = [
    (
        Hint::Time,
        &[
            "year",
            "years",
            "yr",
            "date",
            "time",
            "period",
            "年",
            "年份",
            "年度",
            "时间",
            "日期",
            "时期",
            "统计年度",
            "month",
            "月份",
            // SDMX (OECD, Eurostat, the IMF): `TIME_PERIOD`, `Time period`.
            "time_period",
            "time period",
            // European statistics offices in their languages (JSON-stat's
            // time dimension as Statistics Norway labels it: `år`, `Tid`).
            "tid",
            "år",
            "jahr",
            "zeit",
            "année",
            "annee",
            "año",
            "anno",
            "ano",
            "jaar",
            "periode",
            "période",
            "periodo",
            "vuosi",
            // The UN SDG API's `TimePeriod`, the WHO GHO's `TimeDim`,
            // e-Stat's `時間軸`, Taiwan's `年別`, a reference year.
            "timeperiod",
            "timedim",
            "time_dim",
            "時間軸",
            "时间轴",
            "年別",
            "年别",
            "年度別",
            "ref_year",
            "refyear",
            "reference year",
            "reference period",
        ],
        &["year", "年份", "日期", "date"],
    ),
    (
        Hint::Code,
        &[
            "id",
            "code",
            "iso",
            "iso3",
            "iso2",
            "iso_code",
            "no",
            "no.",
            "#",
            "rank",
            "index",
            "代码",
            "编码",
            "编号",
            "序号",
            "区划代码",
            "行政区划代码",
            "排名",
            "名次",
            "fips",
            "geoid",
            "uid",
            // Publishers' flags, notes and bookkeeping beside the value:
            // SDMX (Eurostat, OECD), Statistics Canada, UNdata, the IMF's WEO.
            "dataflow",
            "last update",
            "obs_flag",
            "obs_status",
            "conf_status",
            "unit_mult",
            "decimals",
            "flag",
            "flags",
            "terminated",
            "vector",
            "coordinate",
            "dguid",
            "uom_id",
            "scalar_id",
            "footnote",
            "footnotes",
            "value footnotes",
            "estimates start after",
        ],
        &["代码", "编码", "_id", " id", "code", "margin of error"],
    ),
    (
        Hint::Group,
        &[
            "group",
            "cluster",
            "分组",
            "组",
            "镇",
            "乡",
            "街道",
            "乡镇",
            "镇街",
            "镇/街道",
            "乡镇/街道",
            "town",
            "township",
            "continent",
            "region",
            "大洲",
            "区域",
            "片区",
            "province",
            "省",
            "省份",
            "category",
            "类别",
            "分类",
            "sector",
            "部门",
        ],
        &[],
    ),
    (
        Hint::Name,
        &[
            "name",
            "名称",
            "名字",
            "country",
            "entity",
            "state",
            "county",
            "city",
            "地区",
            "村",
            "村名",
            "村庄",
            "县",
            "区县",
            "县区",
            "城市",
            "village",
            "location",
            "area",
            "place",
            "单位",
            "指标",
            "indicator",
            "series",
            "item",
            "项目",
            "country name",
            "country or area",
            // INSEE's and other French and Spanish offices' headers.
            "libellé",
            "municipality",
            "commune",
            "gemeinde",
            "libelle",
            "nom",
            "nombre",
            "label",
            "country or territory",
            "国家",
            "country_name",
            "district",
            "地名",
            // SDMX's reference area (the code in REF_AREA, its name here) and Eurostat's geo.
            "reference area",
            "geo",
            "geopolitical entity (reporting)",
        ],
        &["名称", "name"],
    ),
];

/// What a header's label hints its column is ([`HINTS`]).
fn hint(label: &str) -> Hint {
    let lower = label.trim().to_ascii_lowercase();
    // The .Stat Suite (Istat, the OECD's new explorer) heads a column with
    // its SDMX code and its words: `TIME_PERIOD: Periodo di riferimento`.
    if let Some((code, _)) = label.split_once(": ") {
        let sdmx = !code.is_empty()
            && code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if sdmx {
            return hint(code);
        }
    }
    HINTS
        .iter()
        .find(|(_, is, has)| {
            is.iter().any(|w| lower == *w) || has.iter().any(|w| lower.contains(w))
        })
        .map_or(Hint::None, |(hint, ..)| *hint)
}

/// Profiles one column. `decimal`: the mapping's decimal mark, or `None` to
/// decide it by the cells.
pub fn profile(header: &str, column: &[Cell], decimal: Option<Decimal>) -> Profile {
    let header = text::trim(&text::clean(header, false)).to_string();
    let (label, header_unit) = header_unit(&header);
    let hint = hint(&label);
    let mut p = Profile {
        header: header.clone(),
        label,
        header_unit,
        hint,
        kind: Kind::Empty,
        filled: 0,
        missing: 0,
        numbers: 0,
        percent_cells: 0,
        decimal: Decimal::Point,
        times: 0,
        plain_years: true,
        distinct: 0,
        day_first_at: None,
        month_first_at: None,
        unit_interval: true,
        few_integers: None,
        parsed: Vec::new(),
    };
    let mut pass = Pass::new(column.len());
    for (row, cell) in column.iter().enumerate() {
        pass.cell(&mut p, row, cell);
    }
    pass.settle(&mut p, decimal);
    p
}

/// What the pass over a column counts beside the [`Profile`]'s own fields:
/// each text cell read under both decimal marks until the cells choose one.
struct Pass<'c> {
    /// Each cell's number under a decimal point and a decimal comma (NaN: none).
    parsed_point: Vec<f64>,
    parsed_comma: Vec<f64>,
    few: Few,
    /// Text cells read as numbers under each mark, and under one mark only.
    point: usize,
    comma: usize,
    point_only: usize,
    comma_only: usize,
    /// Of those, the numbers written with `%`.
    point_pct: usize,
    comma_pct: usize,
    /// Whether every number so read lies within 0–1.
    point_unit: bool,
    comma_unit: bool,
    /// Cells the reader typed as numbers.
    typed: usize,
    /// Numbers written with leading zeros (codes).
    zero_padded: usize,
    /// Characters of the text cells that are no number, and how many of
    /// those cells look like codes.
    text_chars: usize,
    upper_codes: usize,
    distinct: FxSet<HashedText<'c>>,
}

impl<'c> Pass<'c> {
    /// A pass over a column of `rows` cells, before its first cell.
    fn new(rows: usize) -> Self {
        Pass {
            parsed_point: Vec::with_capacity(rows),
            parsed_comma: Vec::with_capacity(rows),
            few: Few(Some(Vec::new())),
            point: 0,
            comma: 0,
            point_only: 0,
            comma_only: 0,
            point_pct: 0,
            comma_pct: 0,
            point_unit: true,
            comma_unit: true,
            typed: 0,
            zero_padded: 0,
            text_chars: 0,
            upper_codes: 0,
            distinct: FxSet::default(),
        }
    }

    /// Counts one cell, at `row`.
    fn cell(&mut self, p: &mut Profile, row: usize, cell: &'c Cell) {
        self.parsed_point.push(f64::NAN);
        self.parsed_comma.push(f64::NAN);
        match cell {
            Cell::Empty => p.missing = p.missing.saturating_add(1),
            Cell::Number(n) => {
                p.filled = p.filled.saturating_add(1);
                self.typed = self.typed.saturating_add(1);
                if !(0.0..=1.0).contains(n) {
                    p.unit_interval = false;
                }
                self.few.add(*n);
                if cells::cell_time(cell).is_some() {
                    p.times = p.times.saturating_add(1);
                } else {
                    p.plain_years = false;
                }
            }
            Cell::Bool(_) => {
                p.filled = p.filled.saturating_add(1);
                p.plain_years = false;
            }
            Cell::Date(_) => {
                p.filled = p.filled.saturating_add(1);
                p.plain_years = false;
                if cells::cell_time(cell).is_some() {
                    p.times = p.times.saturating_add(1);
                }
            }
            Cell::Text(raw) => self.text(p, row, raw),
        }
    }

    /// Counts a text cell: digits alone, a missing mark, a word, or
    /// something that may be a number or a time.
    fn text(&mut self, p: &mut Profile, row: usize, raw: &'c str) {
        if let Some(value) = cells::whole(raw) {
            self.digits(p, raw, value);
            return;
        }
        let folded = cells::fold(raw);
        if cells::is_missing(&folded) {
            p.missing = p.missing.saturating_add(1);
            return;
        }
        p.filled = p.filled.saturating_add(1);
        // Numbers and times start with a digit, a sign, a point or a
        // currency: names ("村12", "Brazil") are not tried as either.
        let may_be_number = folded.starts_with(|c: char| {
            c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | '$' | '¥' | '€' | '£')
        }) || (folded.starts_with('(') && folded.ends_with(')'));
        if may_be_number {
            self.number_or_time(p, row, raw, &folded);
        } else {
            self.word(p, raw, &folded);
        }
    }

    /// Digits alone (most cells of a number or year column): what the
    /// readings of [`Pass::number_or_time`] find, without them. A whole
    /// number, the same under either decimal mark; a year when four digits
    /// in range; a code when zero-padded.
    fn digits(&mut self, p: &mut Profile, raw: &str, value: f64) {
        p.filled = p.filled.saturating_add(1);
        let year = (raw.len() == 4)
            .then_some(value as i32)
            .filter(|y| cells::TIME_YEARS.contains(y));
        match year {
            Some(_) => p.times = p.times.saturating_add(1),
            None => p.plain_years = false,
        }
        if cells::is_zero_padded(raw) {
            self.zero_padded = self.zero_padded.saturating_add(1);
        }
        if let Some(slot) = self.parsed_point.last_mut() {
            *slot = value;
        }
        if let Some(slot) = self.parsed_comma.last_mut() {
            *slot = value;
        }
        self.few.add(value);
        self.point = self.point.saturating_add(1);
        self.comma = self.comma.saturating_add(1);
        self.point_unit &= (0.0..=1.0).contains(&value);
        self.comma_unit &= (0.0..=1.0).contains(&value);
    }

    /// A text that cannot be a number: a date with a month's name ("Jan 1
    /// 2000"), or a word counted towards codes, free text and distinct names.
    fn word(&mut self, p: &mut Profile, raw: &'c str, folded: &str) {
        p.plain_years = false;
        // Times that start with a word start with a Latin letter (`Jan 2019`,
        // `Q1 2019`, `FY2015`, `Jan-22`): names (`村12`) are not tried.
        if folded.ends_with(|c: char| c.is_ascii_digit())
            && folded.starts_with(|c: char| c.is_ascii_alphabetic())
            && cells::time(folded).is_some()
        {
            p.times = p.times.saturating_add(1);
            return;
        }
        self.text_chars = self.text_chars.saturating_add(chars_in(raw));
        if looks_like_code(folded) {
            self.upper_codes = self.upper_codes.saturating_add(1);
        }
        if self.distinct.len() < 1_000_000 {
            self.distinct.insert(HashedText::new(reader_key(raw)));
        }
    }

    /// A text that may be a number or a time: read as a time, then as a
    /// number under each decimal mark.
    fn number_or_time(&mut self, p: &mut Profile, row: usize, raw: &'c str, folded: &str) {
        time_text(p, row, raw, folded);
        if cells::is_zero_padded(folded) {
            self.zero_padded = self.zero_padded.saturating_add(1);
        }
        let as_point = cells::number(folded, Decimal::Point);
        // Without a mark or a space both readings are the same.
        let as_comma = if folded
            .bytes()
            .any(|b| matches!(b, b',' | b'.' | b' ' | b'\''))
        {
            cells::number(folded, Decimal::Comma)
        } else {
            as_point
        };
        if let Some(slot) = self.parsed_point.last_mut() {
            *slot = as_point.map_or(f64::NAN, |n| n.value);
        }
        if let Some(slot) = self.parsed_comma.last_mut() {
            *slot = as_comma.map_or(f64::NAN, |n| n.value);
        }
        if let Some(n) = as_point {
            self.few.add(n.value);
            self.point = self.point.saturating_add(1);
            self.point_pct = self.point_pct.saturating_add(usize::from(n.percent));
            self.point_unit &= (0.0..=1.0).contains(&n.value);
        }
        if let Some(n) = as_comma {
            self.comma = self.comma.saturating_add(1);
            self.comma_pct = self.comma_pct.saturating_add(usize::from(n.percent));
            self.comma_unit &= (0.0..=1.0).contains(&n.value);
        }
        match (as_point.is_some(), as_comma.is_some()) {
            (true, false) => self.point_only = self.point_only.saturating_add(1),
            (false, true) => self.comma_only = self.comma_only.saturating_add(1),
            _ => {}
        }
        if as_point.is_none() && as_comma.is_none() {
            self.text_chars = self.text_chars.saturating_add(chars_in(raw));
            if looks_like_code(folded) {
                self.upper_codes = self.upper_codes.saturating_add(1);
            }
        }
        if as_point.is_none() && self.distinct.len() < 1_000_000 {
            self.distinct.insert(HashedText::new(reader_key(raw)));
        }
    }

    /// After the last cell: the decimal mark (the mapping's, or the one
    /// more cells read under alone), the counts under it, and the kind.
    fn settle(self, p: &mut Profile, decimal: Option<Decimal>) {
        p.distinct = self.distinct.len();
        p.few_integers = self.few.0.map(|v| v.len()).filter(|&n| n > 0);
        p.decimal = decimal.unwrap_or(if self.comma_only > self.point_only {
            Decimal::Comma
        } else {
            Decimal::Point
        });
        p.parsed = match p.decimal {
            Decimal::Point => self.parsed_point,
            Decimal::Comma => self.parsed_comma,
        };
        let (read, pct, unit) = match p.decimal {
            Decimal::Point => (self.point, self.point_pct, self.point_unit),
            Decimal::Comma => (self.comma, self.comma_pct, self.comma_unit),
        };
        p.numbers = self.typed.saturating_add(read);
        p.percent_cells = pct;
        p.unit_interval &= unit && p.numbers > 0;
        p.plain_years &= p.filled > 0;
        p.kind = kind_of(p, self.zero_padded, self.text_chars, self.upper_codes);
    }
}

/// A text cell read as a time, at `row`: counted, and the first cells that
/// settle a day/month order kept.
fn time_text(p: &mut Profile, row: usize, raw: &str, folded: &str) {
    match cells::time(folded) {
        Some(t) => {
            p.times = p.times.saturating_add(1);
            if !matches!(t, Time::Year(_)) || folded.len() != 4 {
                p.plain_years = false;
            }
            if let Time::DayMonth(_, a, b) = t {
                if a > 12 && p.day_first_at.is_none() {
                    p.day_first_at = Some((row, raw.to_string()));
                }
                if b > 12 && p.month_first_at.is_none() {
                    p.month_first_at = Some((row, raw.to_string()));
                }
            }
        }
        None => p.plain_years = false,
    }
}

/// What a column's values are, from its counts: empty, times, codes,
/// numbers, free text or labels.
fn kind_of(p: &Profile, zero_padded: usize, text_chars: usize, upper_codes: usize) -> Kind {
    let not_number = p.filled.saturating_sub(p.numbers);
    let words = p.filled.saturating_sub(p.numbers);
    if p.filled == 0 {
        Kind::Empty
    } else if p.times > 0
        // All but one (a `Total` row under the years) in a short table.
        && (p.times.saturating_mul(20) >= p.filled.saturating_mul(19)
            || (p.times >= 4 && p.times.saturating_add(1) == p.filled))
        && (p.hint == Hint::Time || !p.plain_years)
    {
        Kind::Time
    } else if p.hint == Hint::Code || zero_padded > 0 {
        Kind::Code
    } else if p.numbers > 0 && not_number.saturating_mul(5) <= p.filled {
        Kind::Number
    } else if words > 0 && text_chars > words.saturating_mul(40) && p.hint != Hint::Name {
        Kind::FreeText
    } else if words > 0
        && upper_codes.saturating_mul(10) >= words.saturating_mul(9)
        && p.hint != Hint::Name
        && p.hint != Hint::Group
    {
        Kind::Code
    } else {
        Kind::Label
    }
}

/// `OWID_WRL`, `USA`, `CN-41`: upper-case letters and digits, with at least a
/// digit or an underscore, or three upper-case letters exactly.
fn looks_like_code(text: &str) -> bool {
    let b = text.as_bytes();
    let ok = !b.is_empty()
        && b.len() <= 12
        && b.iter().all(|c| {
            c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'_' | b'-' | b'.')
        });
    ok && (b.iter().any(|c| c.is_ascii_digit() || *c == b'_') || b.len() == 3)
}

/// `text.chars().count()`, by its bytes: every character has one byte that
/// does not continue another.
fn chars_in(text: &str) -> usize {
    text.bytes().filter(|b| b & 0xC0 != 0x80).count()
}
