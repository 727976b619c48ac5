//! Numbers as readers see them: `200,000 元`, `3.12%`, `125.3万元`.
//!
//! What a value label promises: a non-zero value is never written as zero and
//! never loses its sign. When a chart's yuan reach a million it is written in
//! 万元, but a value below 1万 (10,000 元) keeps its 元 (`-40 元`, `9,500 元`
//! beside `125.3万元`), where 万元 would have written 40 元 as `0.00万元`. Any
//! other value that would round to zero at the chart's decimals gets the
//! decimals it needs to show, up to 6 (`0.004%`), and a smaller one is written
//! with a power of ten (`1×10⁻⁹ 元`, `-2.5×10⁻³⁰⁰`). Only zero is written as 0.
//!
//! Formatting lives in the core (not in `Intl.NumberFormat`) because the same
//! labels must appear in the canvas, the SVG export, the tooltip and the data
//! table, and native tests must see them.

/// How the values of one axis are written. Chosen once per chart so that every
/// label of a chart uses the same style.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueFormat {
    unit: Option<String>,
    /// Divide by 10,000 and write `万` before the unit (for large 元 values).
    wan: bool,
    /// Decimal places, enough to tell the data's values apart.
    decimals: usize,
}

impl ValueFormat {
    /// A format for `values` in `unit`: decimals as the data needs (at most 2,
    /// or 3 for values below 1), and 万 when yuan figures reach a million.
    pub fn for_values(unit: Option<&str>, values: impl IntoIterator<Item = f64>) -> Self {
        Self::for_values_in(unit, values, true)
    }

    /// As [`for_values`](Self::for_values), with 万 only when `wan_allowed`:
    /// an English chart writes `1,253,000 元`, never `125.3万元`.
    pub fn for_values_in(
        unit: Option<&str>,
        values: impl IntoIterator<Item = f64>,
        wan_allowed: bool,
    ) -> Self {
        let values: Vec<f64> = values.into_iter().filter(|v| v.is_finite()).collect();
        Self::from_finite(unit, &values, wan_allowed)
    }

    /// The work of [`for_values_in`](Self::for_values_in), compiled once for
    /// every caller's kind of iterator.
    fn from_finite(unit: Option<&str>, values: &[f64], wan_allowed: bool) -> Self {
        let unit = unit.map(str::trim).filter(|u| !u.is_empty());
        let max_abs = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let wan = wan_allowed
            && unit.is_some_and(|u| u.ends_with('元') && !u.starts_with('万'))
            && max_abs >= 1_000_000.0;
        let scaled = |v: f64| if wan { v / 10_000.0 } else { v };
        let cap = if max_abs < 1.0 { 3 } else { 2 };
        let decimals = values
            .iter()
            .map(|&v| decimals_needed(scaled(v), cap))
            .max()
            .unwrap_or(0);
        ValueFormat {
            unit: unit.map(str::to_string),
            wan,
            decimals,
        }
    }

    /// The same style with a fixed number of decimals (axis ticks use the tick step's).
    pub fn with_decimals(&self, decimals: usize) -> Self {
        ValueFormat {
            decimals,
            ..self.clone()
        }
    }

    /// Decimal places used for values.
    pub fn decimals(&self) -> usize {
        self.decimals
    }

    /// The divisor applied before writing (10,000 with 万).
    pub fn divisor(&self) -> f64 {
        if self.wan {
            10_000.0
        } else {
            1.0
        }
    }

    /// `200,000 元`, `3.12%`, `125.3万元`, `1,465`. A non-zero value never
    /// reads as zero: below 1万 a 万元 chart writes the value in 元 (`-40 元`),
    /// and a value that would round to zero gets more decimals (see the module docs).
    pub fn format(&self, value: f64) -> String {
        if self.wan && value != 0.0 && value.abs() < 10_000.0 {
            let yuan = ValueFormat {
                unit: self.unit.clone(),
                wan: false,
                decimals: decimals_needed(value, 2),
            };
            return yuan.format(value);
        }
        let scaled = value / self.divisor();
        let zero = |d: usize| {
            fixed(scaled, d)
                .bytes()
                .all(|b| matches!(b, b'0' | b'.' | b'-'))
        };
        let number = if value != 0.0 && zero(self.decimals) {
            match (self.decimals..=6).find(|&d| !zero(d)) {
                Some(decimals) => group_thousands(scaled, decimals),
                None => scientific(scaled),
            }
        } else {
            group_thousands(scaled, self.decimals)
        };
        match (&self.unit, self.wan) {
            (Some(unit), true) => format!("{number}万{unit}"),
            (Some(unit), false) if unit == "%" || unit == "‰" => format!("{number}{unit}"),
            (Some(unit), false) => format!("{number} {unit}"),
            (None, _) => number,
        }
    }

    /// The number alone, without the unit (axis ticks when the unit is in the
    /// title), at the format's decimals: ticks are exact at their step's, and
    /// stay in 万 under a 万元 axis title.
    /// A non-zero value that would read as 0 at those decimals is written
    /// [`scientific`]ally, so no tick but the zero line reads "0".
    pub fn number(&self, value: f64) -> String {
        let scaled = value / self.divisor();
        let text = group_thousands(scaled, self.decimals);
        if scaled != 0.0 && text.bytes().all(|b| matches!(b, b'0' | b'.' | b'-')) {
            return scientific(scaled);
        }
        text
    }

    /// The unit as written after numbers (`万元` when scaled).
    pub fn unit_label(&self) -> Option<String> {
        match (&self.unit, self.wan) {
            (Some(u), true) => Some(format!("万{u}")),
            (Some(u), false) => Some(u.clone()),
            (None, _) => None,
        }
    }
}

/// Fewest decimals (≤ `cap`) that write `value` without losing digits.
fn decimals_needed(value: f64, cap: usize) -> usize {
    (0..cap)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            ((value * f).round() - value * f).abs() < 1e-6 * f.max(1.0)
        })
        .unwrap_or(cap)
}

/// Decimal places that write a tick step exactly (0.5 → 1, 0.25 → 2, 100 → 0).
pub fn decimals_for_step(step: f64) -> usize {
    decimals_needed(step.abs(), 6)
}

/// `value` rounded to `decimals` places (at most 6), as digits: the exact
/// binary value rounded half to even, as std's `{:.N}` does, so the last digit
/// is right (`-999999999999999.9`, not `…999.8`). Written through integers,
/// because core's float formatting costs the wasm about 9 KB gzipped (the
/// plotters backends are patched for the same reason: `vendor/README.md`).
pub fn fixed(value: f64, decimals: usize) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    if value.is_infinite() {
        return format!("{sign}inf");
    }
    let decimals = decimals.min(6);
    // Past 10¹⁷ an f64's binary digits are no reader's data (1e25 is
    // 10000000000000000905969664 exactly): written as its 17 digits and zeros.
    let exact = (value.abs() < 1e17)
        .then(|| exact_scaled(value.abs(), decimals))
        .flatten();
    let mut digits = match exact {
        Some(scaled) => scaled.to_string(),
        None => approximate_scaled(value.abs(), decimals),
    };
    if decimals == 0 {
        return format!("{sign}{digits}");
    }
    while digits.len() <= decimals {
        digits.insert(0, '0');
    }
    let (int, frac) = digits
        .split_at_checked(digits.len().saturating_sub(decimals))
        .unwrap_or(("0", ""));
    format!("{sign}{int}.{frac}")
}

/// `abs × 10^decimals`, rounded half to even from the exact binary value:
/// `abs` is `m × 2^e` with `m < 2^53`, and `m × 10^6 < 2^73`, so the product
/// and the shift fit in a u128. `None` when the value is too large for that.
fn exact_scaled(abs: f64, decimals: usize) -> Option<u128> {
    let bits = abs.to_bits();
    let exponent_bits = ((bits >> 52) & 0x7ff) as i32;
    let fraction = u128::from(bits & ((1u64 << 52) - 1));
    let (mantissa, exponent) = if exponent_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u128 << 52), exponent_bits.checked_sub(1075)?)
    };
    let scaled = mantissa.checked_mul(10u128.checked_pow(decimals as u32)?)?;
    if exponent >= 0 {
        let shifted = scaled.checked_shl(exponent as u32)?;
        // The shift must not have pushed digits out of the top.
        return (shifted.checked_shr(exponent as u32) == Some(scaled)).then_some(shifted);
    }
    let shift = exponent.unsigned_abs();
    if shift >= 127 {
        // Below 2^73 / 2^127: less than half a unit of the last place.
        return Some(0);
    }
    let quotient = scaled.checked_shr(shift)?;
    // `shift` is 1..=126 here, so neither shift nor subtraction can overflow.
    let unit = 1u128.checked_shl(shift)?;
    let remainder = scaled & unit.wrapping_sub(1);
    let half = unit.checked_shr(1)?;
    let round_up = remainder > half || (remainder == half && quotient & 1 == 1);
    Some(if round_up {
        quotient.checked_add(1)?
    } else {
        quotient
    })
}

/// Digits of `abs × 10^decimals` for values beyond [`exact_scaled`]'s range:
/// the first 19 digits from the float, the rest written as zeros.
fn approximate_scaled(abs: f64, decimals: usize) -> String {
    let mut shift = 0i32;
    let mut scaled = (abs * 10f64.powi(decimals as i32)).round();
    while scaled >= 1e19 {
        shift = shift.saturating_add(1);
        scaled = (abs * 10f64.powi((decimals as i32).saturating_sub(shift))).round();
    }
    let mut digits = (scaled as u64).to_string();
    digits.extend(std::iter::repeat_n('0', shift.unsigned_abs() as usize));
    digits
}

/// A non-zero value too small for [`fixed`]'s 6 decimals, written so that
/// it still reads as non-zero and keeps its sign: `1×10⁻⁹`, `-2.5×10⁻³⁰⁰`
/// (up to 3 significant digits). The same in Chinese and English.
pub fn scientific(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return fixed(value, 0);
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let mut mantissa = value.abs();
    let mut exponent = 0i32;
    // Scaled in steps that keep the error far below the 3 digits written.
    while mantissa < 1e-16 {
        mantissa *= 1e16;
        exponent = exponent.saturating_sub(16);
    }
    while mantissa < 1.0 {
        mantissa *= 10.0;
        exponent = exponent.saturating_sub(1);
    }
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent = exponent.saturating_add(1);
    }
    let mut digits = fixed(mantissa, 2);
    if digits.starts_with("10") {
        // 9.996 rounds up to 10.00: one more power of ten.
        digits = fixed(mantissa / 10.0, 2);
        exponent = exponent.saturating_add(1);
    }
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    let mut out = format!("{sign}{digits}×10");
    if exponent < 0 {
        out.push('⁻');
    }
    for d in exponent.unsigned_abs().to_string().bytes() {
        out.push(match d {
            b'0' => '⁰',
            b'1' => '¹',
            b'2' => '²',
            b'3' => '³',
            b'4' => '⁴',
            b'5' => '⁵',
            b'6' => '⁶',
            b'7' => '⁷',
            b'8' => '⁸',
            _ => '⁹',
        });
    }
    out
}

/// `1234567.891` with 2 decimals → `1,234,567.89`.
pub fn group_thousands(value: f64, decimals: usize) -> String {
    let text = fixed(value, decimals);
    let (sign, digits) = match text.strip_prefix('-') {
        // "-0.00" is written without its sign.
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => ("", rest),
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len().saturating_add(int.len() / 3));
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && int.len().saturating_sub(i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}
