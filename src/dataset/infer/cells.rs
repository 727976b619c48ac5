//! One cell's text read as people write numbers and times: `"3.12%"`,
//! `"200,000"`, `"20万"`, `"３．１２"`, `"1.234,5"`, `"2013年"`,
//! `"2013-06"`, `"26/06/2013"`. These functions decide nothing about a
//! column: the caller tries each cell under each reading and decides per
//! column by what most cells fit ([`super::profile`]).

use std::borrow::Cow;

use super::super::table::Cell;
use super::super::YEAR_RANGE;

/// Which mark separates a number's fraction: `1,234.5` or `1.234,5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Decimal {
    Point,
    Comma,
}

/// A number read from text: its value and whether it was written with `%`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub percent: bool,
}

/// Full-width digits and punctuation as their ASCII forms, the minus sign as
/// `-`, every space as an ordinary space; trimmed. Borrowed when there is
/// nothing to fold (most cells).
pub fn fold(text: &str) -> Cow<'_, str> {
    // Printable ASCII and CJK ideographs: nothing to fold (most cells).
    if super::super::text::is_plain(text) {
        return Cow::Borrowed(super::super::text::trim_spaces(text));
    }
    // Chinese names and the like: nothing to fold either.
    let folds = |c: char| {
        matches!(
            c,
            '\u{FF01}'
                ..='\u{FF5E}'
                    | '\u{2212}'
                    | '\u{2010}'
                    | '\u{2011}'
                    | '\u{FE63}'
                    | '\u{3002}'
                    | '\u{FE6A}'
        ) || (c.is_whitespace() && c != ' ')
            || super::super::text::is_invisible(c)
    };
    if !text.chars().any(folds) {
        return Cow::Borrowed(super::super::text::trim_spaces(text));
    }
    let folded: String = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => {
                char::from_u32(u32::from(c).saturating_sub(0xFEE0)).unwrap_or(c)
            }
            '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{FE63}' => '-',
            '\u{3002}' => '.',
            '\u{FE6A}' => '%',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    Cow::Owned(super::super::text::trim(&folded).to_string())
}

/// [`super::super::text::reader_key`], first by bytes for the plain text of
/// most cells (see `text::is_plain`): kept as it is when no space is at
/// either end and none twice. Here rather than there so the main module,
/// which compares few names, keeps its one path.
pub fn reader_key(text: &str) -> Cow<'_, str> {
    let mut last = b' ';
    let plain = text.bytes().all(|b| {
        let ok =
            matches!(b, 0x21..=0x7E | 0x80..=0xBF | 0xE4..=0xE9) || (b == b' ' && last != b' ');
        last = b;
        ok
    });
    if plain && last != b' ' {
        return Cow::Borrowed(text);
    }
    super::super::text::reader_key(text)
}

/// Whether `text` (folded) is how people write "no value": empty, a dash,
/// `NA`, `N/A`, `..`, `…`, `null`, `NaN`.
pub fn is_missing(text: &str) -> bool {
    let t = super::super::text::trim_white(text);
    if t.is_empty() {
        return true;
    }
    // Each missing word and dash starts with one of these bytes (`—` E2 80
    // 94, `–` E2 80 93, `…` E2 80 A6, `―` E2 80 95, `─` E2 94 80, `无` E6 97
    // A0, `暂` E6 9A 82, `－` EF BC 8D): most cells start otherwise.
    let may_be = match t.as_bytes() {
        [b'n' | b'N' | b'#' | b'-' | b'.', ..] => true,
        [0xE2, b, ..] => matches!(b, 0x80 | 0x94),
        [0xE6, b, ..] => matches!(b, 0x97 | 0x9A),
        [0xEF, b, ..] => *b == 0xBC,
        _ => false,
    };
    if !may_be {
        return false;
    }
    if t.chars()
        .all(|c| matches!(c, '-' | '—' | '–' | '－' | '…' | '.' | '―' | '─'))
    {
        return true;
    }
    [
        "na",
        "n/a",
        "n.a.",
        "nan",
        "null",
        "none",
        "nil",
        "#n/a",
        "无数据",
        "暂无",
    ]
    .iter()
    .any(|w| t.eq_ignore_ascii_case(w))
}

const MAGNITUDES: [(&str, f64); 4] = [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3)];

/// The multiplier a Chinese magnitude at the end of a cell stands for (`20万`).
pub fn suffix_magnitude(text: &str) -> Option<f64> {
    MAGNITUDES
        .into_iter()
        .find(|(m, _)| text.ends_with(m))
        .map(|(_, f)| f)
}

/// The multiplier a unit starts with (`万元`, `亿元`, `千人`).
pub fn unit_magnitude(unit: &str) -> Option<f64> {
    MAGNITUDES
        .into_iter()
        .find(|(m, _)| unit.starts_with(m))
        .map(|(_, f)| f)
}

/// The multiplier a Chinese magnitude suffix stands for, and the text before it.
fn magnitude(text: &str) -> (f64, &str) {
    for (suffix, factor) in MAGNITUDES {
        if let Some(rest) = text.strip_suffix(suffix) {
            return (factor, rest.trim_end());
        }
    }
    (1.0, text)
}

/// The multiplier a Latin magnitude suffix stands for, as Gapminder's
/// downloads and newsrooms write large numbers (`1.41B`, `331k`, `10M`,
/// `2T`, `$1.2bn`, `3.5mn`), and the text before it: only right after a
/// digit, so a code such as `B` or `IBM` is no number.
fn latin_magnitude(text: &str) -> (f64, &str) {
    let (factor, suffix) = match text.as_bytes() {
        [.., b'b', b'n'] => (1e9, 2),
        [.., b'm', b'n'] => (1e6, 2),
        [.., b't', b'n'] => (1e12, 2),
        [.., b'k' | b'K'] => (1e3, 1),
        [.., b'M'] => (1e6, 1),
        [.., b'B'] => (1e9, 1),
        [.., b'T'] => (1e12, 1),
        _ => return (1.0, text),
    };
    match text
        .get(..text.len().saturating_sub(suffix))
        .map(str::trim_end)
    {
        Some(rest) if rest.as_bytes().last().is_some_and(u8::is_ascii_digit) => (factor, rest),
        _ => (1.0, text),
    }
}

/// `text` (folded) as a number under `decimal`, or `None` when it is not
/// one written that way. Thousands are grouped by threes with one kind of
/// separator (`,` or a space or `'` with a decimal point; `.` or a space or
/// `'` with a decimal comma).
pub fn number(text: &str, decimal: Decimal) -> Option<Number> {
    let mut t = super::super::text::trim_white(text);
    let mut negative = false;
    // A footnote's mark after the number (`916.4*`, `990 (a)`, `12.3†`): the
    // number is read (the mark is the publisher's note on it).
    if let Some(rest) = t.strip_suffix(['*', '†', '‡']) {
        t = rest.trim_end_matches(['*', '†', '‡']).trim_end();
    } else if let Some(rest) = t.strip_suffix(')') {
        if let Some((body, mark)) = rest.rsplit_once(" (") {
            if (1..=2).contains(&mark.len()) && mark.bytes().all(|b| b.is_ascii_lowercase()) {
                t = body.trim_end();
            }
        }
    }
    // An accountant's negative: `(1,234)`, `(8.2 %)`.
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        if inner.starts_with(|c: char| c.is_ascii_digit()) {
            negative = true;
            t = inner.trim();
        }
    }
    match t.as_bytes().first() {
        Some(b'-') => {
            negative = true;
            t = t.get(1..).unwrap_or("").trim_start();
        }
        Some(b'+') => t = t.get(1..).unwrap_or("").trim_start(),
        _ => {}
    }
    // The currencies and the magnitudes are not ASCII: only a text that
    // starts (ends) with a byte above ASCII can have one.
    if t.as_bytes()
        .first()
        .is_some_and(|&b| b == b'$' || b >= 0x80)
    {
        for currency in ['$', '¥', '€', '£'] {
            if let Some(rest) = t.strip_prefix(currency) {
                t = rest.trim_start();
            }
        }
    }
    let mut percent = false;
    if t.as_bytes().last() == Some(&b'%') {
        percent = true;
        t = t.get(..t.len().saturating_sub(1)).unwrap_or("").trim_end();
    }
    let (factor, body) = match t.as_bytes().last() {
        _ if percent => (1.0, t),
        Some(&b) if b >= 0x80 => magnitude(t),
        Some(b'k' | b'K' | b'M' | b'B' | b'T' | b'n') => latin_magnitude(t),
        _ => (1.0, t),
    };
    let value = plain(body, decimal)? * factor;
    if !value.is_finite() {
        return None;
    }
    Some(Number {
        value: if negative { -value } else { value },
        percent,
    })
}

/// Digits with optional grouping, fraction and exponent.
fn plain(body: &str, decimal: Decimal) -> Option<f64> {
    let (mark, groups): (char, &[char]) = match decimal {
        Decimal::Point => ('.', &[',', ' ', '\'']),
        Decimal::Comma => (',', &['.', ' ', '\'']),
    };
    // The common case, "3.12" or "200000" with a decimal point: read as it is.
    if decimal == Decimal::Point {
        if let Some(v) = plain_decimal(body) {
            return v;
        }
    }
    let (mantissa, exponent) = match body.bytes().position(|b| b == b'e' || b == b'E') {
        Some(at) => (body.get(..at)?, Some(body.get(at.saturating_add(1)..)?)),
        None => (body, None),
    };
    let mut parts = mantissa.split(mark);
    let whole = parts.next()?;
    let fraction = parts.next();
    if parts.next().is_some() {
        return None;
    }
    // The common case, "3.12" or "200000": read as it is.
    if mark == '.'
        && exponent.is_none()
        && !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
    {
        return mantissa.parse::<f64>().ok();
    }
    let mut digits = String::with_capacity(body.len());
    match whole.chars().find(|c| groups.contains(c)) {
        None => {
            if !whole.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            digits.push_str(whole);
        }
        Some(sep) => {
            if exponent.is_some() {
                return None;
            }
            for (i, group) in whole.split(sep).enumerate() {
                let ok = group.chars().all(|c| c.is_ascii_digit())
                    && if i == 0 {
                        (1..=3).contains(&group.len())
                    } else {
                        group.len() == 3
                    };
                if !ok {
                    return None;
                }
                digits.push_str(group);
            }
        }
    }
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.push('.');
        digits.push_str(fraction);
    }
    if digits.is_empty() || digits == "." {
        return None;
    }
    if let Some(e) = exponent {
        let e_digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        if e_digits.is_empty()
            || e_digits.len() > 4
            || !e_digits.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        digits.push('e');
        digits.push_str(e);
    }
    digits.parse::<f64>().ok()
}

/// One to fifteen ASCII digits and nothing else, as the number they write
/// (exact: below 2^53).
pub fn whole(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    if b.is_empty() || b.len() > 15 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = b.iter().fold(0u64, |n, c| {
        n.wrapping_mul(10)
            .wrapping_add(u64::from(c.wrapping_sub(b'0')))
    });
    Some(n as f64)
}

/// Exact powers of ten.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Digits, then optionally a point and digits (`200000`, `3.12`): `Some` of
/// what `str::parse` gives; `None` for any other text.
fn plain_decimal(body: &str) -> Option<Option<f64>> {
    let b = body.as_bytes();
    let whole = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let fraction: &[u8] = match b.get(whole) {
        None => &[],
        Some(b'.') => b.get(whole.saturating_add(1)..).unwrap_or(&[]),
        Some(_) => return None,
    };
    if whole == 0
        || (b.len() > whole && fraction.is_empty())
        || !fraction.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    // At most 15 digits are an exact integer, and the powers of ten up to
    // 10^15 are exact: their quotient, rounded once, is the correctly
    // rounded value `parse` gives (Clinger's fast path).
    if whole.saturating_add(fraction.len()) <= 15 {
        let mantissa = b.iter().filter(|c| c.is_ascii_digit()).fold(0u64, |m, c| {
            m.wrapping_mul(10)
                .wrapping_add(u64::from(c.wrapping_sub(b'0')))
        });
        let scale = POW10.get(fraction.len()).copied().unwrap_or(f64::NAN);
        return Some(Some(mantissa as f64 / scale));
    }
    Some(body.parse::<f64>().ok())
}

/// Whether `text` (folded) is a code rather than a quantity: digits with a
/// leading zero (`01`, `007`), which a number would lose.
pub fn is_zero_padded(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('0') && text.len() > 1 && text.chars().all(|c| c.is_ascii_digit())
}

/// A time as a cell writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Time {
    /// `2013`, `"2013年"`.
    Year(i32),
    /// `"2013-06"`, `"2013年6月"`.
    Month(i32, u8),
    /// `"2013-06-26"`, an Excel date, `"26/06/2013"` once the order is known.
    Date(i32, u8, u8),
    /// `"a/b/2013"`, where `a` and `b` are a day and a month in an order the
    /// column decides.
    DayMonth(i32, u8, u8),
    /// `"2013Q2"`, `"2013-Q2"`, `"Q2 2013"`, `"2013年第二季度"`: quarter 1–4.
    Quarter(i32, u8),
}

impl Time {
    pub fn year(self) -> i32 {
        match self {
            Time::Year(y)
            | Time::Month(y, _)
            | Time::Date(y, _, _)
            | Time::DayMonth(y, _, _)
            | Time::Quarter(y, _) => y,
        }
    }
}

/// The years a time column may hold: those the model charts.
pub const TIME_YEARS: std::ops::RangeInclusive<i32> =
    (*YEAR_RANGE.start() as i32)..=(*YEAR_RANGE.end() as i32);

fn year_of(digits: &str) -> Option<i32> {
    let [a, b, c, d] = *digits.as_bytes() else {
        return None;
    };
    if ![a, b, c, d].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y = [a, b, c, d].iter().fold(0i32, |y, &digit| {
        y.wrapping_mul(10)
            .wrapping_add(i32::from(digit.wrapping_sub(b'0')))
    });
    Some(y).filter(|y| TIME_YEARS.contains(y))
}

/// A year of the Republic of China's calendar, as Taiwan's statistics
/// write them (`108年`, `民國108年`, `107年底`, `112年(p)`, `109年度`):
/// year 1 is 1912. Only 38 (1949) to 189: a smaller number before 年 is
/// more likely a count of years than a year.
fn roc_year(t: &str) -> Option<i32> {
    let t = t
        .strip_prefix("民國")
        .or_else(|| t.strip_prefix("民国"))
        .unwrap_or(t)
        .trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = t.split_at_checked(digits)?;
    let tail = rest.strip_prefix('年')?.trim();
    let marked = matches!(
        tail,
        "" | "度" | "底" | "末" | "p" | "(p)" | "（p）" | "r" | "(r)" | "（r）" | "e" | "(e)" | "*"
    );
    if !marked {
        return None;
    }
    roc_number(number)
}

/// A 民國 year's number alone (`108`) as the year it is (2019): two or
/// three digits, 38 to 189. Also read under a year header by itself
/// (data.gov.tw's `年度` column of `109`, `110`).
pub(super) fn roc_number(number: &str) -> Option<i32> {
    if !(2..=3).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = number.parse().ok()?;
    let year = n.checked_add(1911)?;
    ((38..=189).contains(&n) && TIME_YEARS.contains(&year)).then_some(year)
}

fn small(digits: &str, max: u8) -> Option<u8> {
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|v| (1..=max).contains(v))
}

/// `text` (folded) as a time, or `None`.
pub fn time(text: &str) -> Option<Time> {
    let trimmed = super::super::text::trim_white(text);
    let t = trimmed;
    if let Some(y) = roc_year(t) {
        return Some(Time::Year(y));
    }
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return quarter(t)
            .or_else(|| named_month(t))
            .or_else(|| fiscal(t))
            .or_else(|| month_short_year(t));
    }
    // Digits alone (most cells of a number or year column): a year or nothing.
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return year_of(t).map(Time::Year);
    }
    // A time of day after a date: "2013-01-01T00:00:00", "2013/1/1 0:00".
    let t = match t.bytes().position(|b| b == b'T' || b == b' ') {
        Some(at) if at >= 8 => t.get(..at)?,
        _ => t,
    };
    if let Some(y) = year_of(t) {
        return Some(Time::Year(y));
    }
    if let Some(q) = quarter(t) {
        return Some(q);
    }
    // A year marked provisional, revised or estimated (`2022p`, `2023*`,
    // `2021r`, `2023e`), a year-end (`2018年末`, `2018年底`), a fiscal year
    // as India's and Australia's budgets write it (`2019-20`, by its first
    // year).
    if let Some(head) = t.get(..4).filter(|h| h.bytes().all(|b| b.is_ascii_digit())) {
        let rest = t.get(4..).unwrap_or_default().trim();
        let marked = matches!(
            rest,
            "p" | "P" | "*" | "r" | "R" | "e" | "E" | "(p)" | "(r)" | "(e)"
        ) || matches!(rest, "年末" | "年底");
        if marked {
            return year_of(head).map(Time::Year);
        }
        if let Some(next) = rest.strip_prefix(['-', '/', '–']) {
            let next = next.split([' ', '(']).next().unwrap_or_default();
            let y = year_of(head)?;
            // `2011-12` stays December 2011: a fiscal year only where the
            // two digits cannot be a month.
            let follows = next.len() == 2
                && next.parse::<i32>().is_ok_and(|n| n > 12)
                && next.parse::<i32>().ok() == y.checked_add(1).and_then(|n| n.checked_rem(100));
            if follows {
                return Some(Time::Year(y));
            }
        }
    }
    // The World Bank DataBank's year headers: `2019 [YR2019]`.
    if let Some((y, code)) = t.split_once(" [YR") {
        return (code.strip_suffix(']') == Some(y))
            .then(|| year_of(y))
            .flatten()
            .map(Time::Year);
    }
    if let Some(month) = named_month(t) {
        return Some(month);
    }
    // The UK's accessible spreadsheets mark a header with its note:
    // `2022 [note 1]`, `2021 [x]`.
    if let Some((y, note)) = t.split_once(" [") {
        if note.ends_with(']') && !note.contains('[') {
            return time(y);
        }
    }
    if let Some(rest) = t.strip_suffix("年度").or_else(|| t.strip_suffix('年')) {
        return year_of(rest.trim()).map(Time::Year);
    }
    if let Some((y, rest)) = t.split_once('年') {
        let y = year_of(y.trim())?;
        let rest = rest.trim();
        if let Some(m) = rest.strip_suffix('月') {
            return small(m.trim(), 12).map(|m| Time::Month(y, m));
        }
        let (m, d) = rest.split_once('月')?;
        let d = d.trim().strip_suffix('日')?;
        return Some(Time::Date(y, small(m.trim(), 12)?, small(d.trim(), 31)?));
    }
    let Some(sep) = t.chars().find(|c| matches!(c, '-' | '/' | '.')) else {
        return named_month(trimmed);
    };
    // Two or three parts, taken without collecting them: every decimal
    // number of a column (`12.24`) comes this way.
    let mut parts = t.split(sep);
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), None, _) if y.len() == 4 => {
            Some(Time::Month(year_of(y)?, small(m, 12)?))
        }
        (Some(y), Some(m), Some(d), None) if y.len() == 4 => {
            Some(Time::Date(year_of(y)?, small(m, 12)?, small(d, 31)?))
        }
        (Some(a), Some(b), Some(y), None) if y.len() == 4 => {
            Some(Time::DayMonth(year_of(y)?, small(a, 31)?, small(b, 31)?))
        }
        _ => None,
    }
}

/// A quarter as statistics offices write one: `2013Q2`, `2013-Q2`, `2013T2`,
/// `2013 Q2`, `2013/q2`, `Q2 2013`, `Q2-2013`, `2013年第二季度`, `2013年2季度`,
/// `2013年二季`.
fn quarter(t: &str) -> Option<Time> {
    let number = |q: &str| match q.trim() {
        "1" | "一" => Some(1),
        "2" | "二" => Some(2),
        "3" | "三" => Some(3),
        "4" | "四" => Some(4),
        _ => None,
    };
    let seps: &[char] = &['-', '/', ' ', '_', '.'];
    if let Some(rest) = t.strip_prefix(['Q', 'q']) {
        let (q, y) = rest.split_once(seps)?;
        return Some(Time::Quarter(year_of(y.trim())?, number(q)?));
    }
    let y = year_of(t.get(..4)?)?;
    let rest = t.get(4..)?.trim_start_matches(seps);
    // `2023T4`: a trimestre, as Spain's INE and Portugal's INE write one.
    if let Some(q) = rest.strip_prefix(['Q', 'q', 'T']) {
        return Some(Time::Quarter(y, number(q)?));
    }
    let rest = rest.strip_prefix('年')?.trim();
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let q = rest
        .strip_suffix("季度")
        .or_else(|| rest.strip_suffix('季'))?;
    Some(Time::Quarter(y, number(q)?))
}

/// A month by its English name or abbreviation (`Jan`, `January`, `Sept`).
pub(super) fn month_name(word: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let at = NAMES
        .iter()
        .position(|n| n.starts_with(w.as_str()) || (w == "sept" && n.starts_with("sep")))?;
    u8::try_from(at).ok()?.checked_add(1)
}

/// Dates with a month's name: `Jan 1 2000`, `Jan 1, 2000`, `1 Jan 2000`,
/// `January 2000`.
pub fn named_month(text: &str) -> Option<Time> {
    let b = text.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_alphabetic) && !b.contains(&b' ') {
        return None;
    }
    let words: Vec<&str> = text
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    match words.as_slice() {
        // The ONS's monthly periods: `2022 JAN`.
        [y, m] if y.starts_with(|c: char| c.is_ascii_digit()) => {
            Some(Time::Month(year_of(y)?, month_name(m)?))
        }
        [m, y] => Some(Time::Month(year_of(y)?, month_name(m)?)),
        [m, d, y] if month_name(m).is_some() => {
            Some(Time::Date(year_of(y)?, month_name(m)?, small(d, 31)?))
        }
        [d, m, y] => Some(Time::Date(year_of(y)?, month_name(m)?, small(d, 31)?)),
        _ => None,
    }
}

/// A fiscal year written `FY2015`, `FY 2015` or `FY15`: that year.
fn fiscal(t: &str) -> Option<Time> {
    let rest = t
        .strip_prefix("FY")
        .or_else(|| t.strip_prefix("fy"))?
        .trim_start();
    match rest.len() {
        4 => year_of(rest).map(Time::Year),
        2 if rest.bytes().all(|b| b.is_ascii_digit()) => {
            year_of(&format!("20{rest}")).map(Time::Year)
        }
        _ => None,
    }
}

/// `Jan-22`, as Excel's `mmm-yy` format shows a month: 2022-01 (a year
/// in 50–99 is 19xx); `Jan-2023` with the year whole.
fn month_short_year(t: &str) -> Option<Time> {
    let (m, y) = t.split_once(['-', ' ', '\''])?;
    let m = month_name(m)?;
    if !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // `Jan-2023` (the ABS's months): the year whole.
    if y.len() == 4 {
        return Some(Time::Month(year_of(y)?, m));
    }
    if y.len() != 2 {
        return None;
    }
    let century = if y.as_bytes().first().is_some_and(|&d| d >= b'5') {
        "19"
    } else {
        "20"
    };
    Some(Time::Month(year_of(&format!("{century}{y}"))?, m))
}

/// An Excel date (days since 1899-12-30) as a calendar date.
pub fn excel_date(days: f64) -> Option<Time> {
    if !days.is_finite() || !(1.0..=2_958_465.0).contains(&days) {
        return None;
    }
    // Days since 1970-01-01, then the civil calendar (Howard Hinnant's algorithm).
    let z = (days.floor() as i64)
        .checked_sub(25_569)?
        .checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let doe = z.checked_sub(era.checked_mul(146_097)?)?;
    let yoe = doe
        .checked_sub(doe / 1460)?
        .checked_add(doe / 36_524)?
        .checked_sub(doe / 146_096)?
        / 365;
    let doy = doe.checked_sub(
        yoe.checked_mul(365)?
            .checked_add(yoe / 4)?
            .checked_sub(yoe / 100)?,
    )?;
    let mp = (doy.checked_mul(5)?.checked_add(2)?) / 153;
    let day = doy
        .checked_sub((mp.checked_mul(153)?.checked_add(2)?) / 5)?
        .checked_add(1)?;
    let month = if mp < 10 {
        mp.checked_add(3)?
    } else {
        mp.checked_sub(9)?
    };
    let year = yoe
        .checked_add(era.checked_mul(400)?)?
        .checked_add(i64::from(month <= 2))?;
    let year = i32::try_from(year)
        .ok()
        .filter(|y| TIME_YEARS.contains(y))?;
    Some(Time::Date(
        year,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    ))
}

/// A cell as a time: a typed number that is a whole year, an Excel date, or text.
pub fn cell_time(cell: &Cell) -> Option<Time> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (1800.0..=2100.0).contains(n) => {
            Some(Time::Year(*n as i32))
        }
        Cell::Date(days) => excel_date(*days),
        Cell::Text(t) => time(&fold(t)),
        _ => None,
    }
}

/// Whether a character is CJK (ideographs, kana, hangul, CJK punctuation).
pub fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}
