//! Number formatting: the labels readers see in the canvas, SVG, tooltip and table.

use heluo::format::{decimals_for_step, group_thousands, ValueFormat};

fn fmt(unit: Option<&str>, values: &[f64]) -> ValueFormat {
    ValueFormat::for_values(unit, values.iter().copied())
}

#[test]
fn yuan_below_a_million_is_written_in_full() {
    let f = fmt(Some("元"), &[200_000.0, 168_000.0, 35_000.0]);
    assert_eq!(f.format(200_000.0), "200,000 元");
    assert_eq!(f.format(35_000.0), "35,000 元");
    assert_eq!(f.unit_label().as_deref(), Some("元"));
    assert_eq!(f.divisor(), 1.0);
    assert_eq!(f.decimals(), 0);
    assert_eq!(f.number(200_000.0), "200,000");
}

#[test]
fn percent_sticks_to_the_number() {
    let f = fmt(Some("%"), &[3.12, 0.36]);
    assert_eq!(f.format(3.12), "3.12%");
    assert_eq!(f.format(0.36), "0.36%");
    assert_eq!(f.number(3.12), "3.12");
    assert_eq!(f.unit_label().as_deref(), Some("%"));
    let permille = fmt(Some("‰"), &[4.5]);
    assert_eq!(permille.format(4.5), "4.5‰");
}

#[test]
fn one_chart_uses_one_number_of_decimals() {
    let f = fmt(Some("%"), &[10.2, 8.5, 3.12]);
    assert_eq!(f.decimals(), 2);
    assert_eq!(f.format(10.2), "10.20%");
    assert_eq!(f.format(8.0), "8.00%");
}

#[test]
fn decimals_as_the_data_needs() {
    assert_eq!(fmt(None, &[1465.0, 5477.0]).decimals(), 0);
    assert_eq!(fmt(None, &[7.5, 2.0]).decimals(), 1);
    assert_eq!(
        fmt(None, &[1.23456]).decimals(),
        2,
        "at most 2 at or above 1"
    );
    assert_eq!(fmt(None, &[0.125]).decimals(), 3, "3 for values below 1");
    assert_eq!(fmt(None, &[0.12345]).decimals(), 3);
    assert_eq!(fmt(None, &[]).decimals(), 0);
    assert_eq!(fmt(None, &[f64::NAN, f64::INFINITY]).decimals(), 0);
    assert_eq!(fmt(None, &[1.23456]).format(1.23456), "1.23");
}

#[test]
fn wan_when_yuan_reach_a_million() {
    let f = fmt(Some("元"), &[1_253_000.0, 200_000.0]);
    assert_eq!(f.divisor(), 10_000.0);
    assert_eq!(f.unit_label().as_deref(), Some("万元"));
    assert_eq!(f.format(1_253_000.0), "125.3万元");
    assert_eq!(f.format(200_000.0), "20.0万元");
    assert_eq!(f.number(1_253_000.0), "125.3");

    let exact = fmt(Some("元"), &[1_000_000.0]);
    assert_eq!(exact.format(1_000_000.0), "100万元");
    let big = fmt(Some("元"), &[123_456_789_000.0]);
    assert_eq!(big.format(123_456_789_000.0), "12,345,678.9万元");
}

#[test]
fn no_wan_just_below_a_million_or_for_other_units() {
    assert_eq!(
        fmt(Some("元"), &[999_999.0]).format(999_999.0),
        "999,999 元"
    );
    assert_eq!(
        fmt(Some("万元"), &[1_253_000.0]).format(1_253_000.0),
        "1,253,000 万元",
        "already in 万"
    );
    assert_eq!(
        fmt(Some("人"), &[1_253_000.0]).format(1_253_000.0),
        "1,253,000 人"
    );
    assert_eq!(fmt(None, &[1_253_000.0]).format(1_253_000.0), "1,253,000");
}

#[test]
fn negative_values() {
    let f = fmt(Some("元"), &[-200_000.0, 50_000.0]);
    assert_eq!(f.format(-200_000.0), "-200,000 元");
    let wan = fmt(Some("元"), &[-1_500_000.0]);
    assert_eq!(
        wan.format(-1_500_000.0),
        "-150万元",
        "万 counts the magnitude"
    );
    assert_eq!(fmt(Some("%"), &[-1.5]).format(-1.5), "-1.5%");
}

#[test]
fn unit_is_trimmed_and_blank_unit_dropped() {
    assert_eq!(fmt(Some(" 元 "), &[5.0]).format(5.0), "5 元");
    assert_eq!(fmt(Some("  "), &[5.0]).format(5.0), "5");
    assert_eq!(fmt(Some(""), &[5.0]).unit_label(), None);
}

#[test]
fn with_decimals_keeps_unit_and_wan() {
    let f = fmt(Some("元"), &[1_253_000.0]).with_decimals(0);
    assert_eq!(f.decimals(), 0);
    assert_eq!(f.format(1_200_000.0), "120万元");
    let pct = fmt(Some("%"), &[3.12]).with_decimals(0);
    assert_eq!(pct.format(4.0), "4%");
}

#[test]
fn group_thousands_edges() {
    let cases = [
        (0.0, 0, "0"),
        (7.0, 0, "7"),
        (999.0, 0, "999"),
        (1000.0, 0, "1,000"),
        (12345.0, 0, "12,345"),
        (123456.0, 0, "123,456"),
        (1234567.891, 2, "1,234,567.89"),
        (999999.999, 2, "1,000,000.00"),
        (999.5, 0, "1,000"),
        (-1000.0, 0, "-1,000"),
        (-999.0, 0, "-999"),
        (-1234.5, 1, "-1,234.5"),
        (-0.001, 2, "0.00"),
        (-0.0, 0, "0"),
        (0.5, 3, "0.500"),
        (1e15, 0, "1,000,000,000,000,000"),
        // Past u64 once scaled: the digits an f64 holds, then zeros.
        (1e15, 6, "1,000,000,000,000,000.000000"),
        (1e25, 0, "10,000,000,000,000,000,000,000,000"),
        (0.000004, 6, "0.000004"),
        (0.0000004, 6, "0.000000"),
        (0.04, 1, "0.0"),
        (0.05, 1, "0.1"),
        (f64::NAN, 2, "NaN"),
        (f64::INFINITY, 0, "inf"),
        (f64::NEG_INFINITY, 2, "-inf"),
    ];
    for (value, decimals, expected) in cases {
        assert_eq!(
            group_thousands(value, decimals),
            expected,
            "{value} with {decimals}"
        );
    }
}

#[test]
fn decimals_for_tick_steps() {
    assert_eq!(decimals_for_step(100.0), 0);
    assert_eq!(decimals_for_step(2.0), 0);
    assert_eq!(decimals_for_step(0.5), 1);
    assert_eq!(decimals_for_step(0.25), 2);
    assert_eq!(decimals_for_step(0.1), 1);
    assert_eq!(
        decimals_for_step(0.30000000000000004 - 0.2),
        1,
        "float noise"
    );
    assert_eq!(decimals_for_step(-0.2), 1);
}

#[test]
fn a_wan_chart_never_writes_a_non_zero_value_as_zero() {
    // 40 元 and −40 元 were "0.00万元", the minus sign lost, while the tooltip said "-40 元".
    let f = fmt(Some("元"), &[1_253_000.0, 40.0, -40.0, 9_500.0]);
    assert_eq!(f.unit_label().as_deref(), Some("万元"));
    assert_eq!(f.format(40.0), "40 元");
    assert_eq!(f.format(-40.0), "-40 元");
    assert_eq!(f.format(9_500.0), "9,500 元", "below 1万, 元");
    assert_eq!(f.format(-9_999.5), "-9,999.5 元");
    assert_eq!(f.format(0.5), "0.5 元");
    assert_eq!(f.format(10_000.0), "1.00万元", "from 1万, 万元");
    assert_eq!(f.format(-12_345.0), "-1.23万元");
    assert_eq!(f.format(1_253_000.0), "125.30万元");
    assert_eq!(f.format(0.0), "0.00万元", "zero is zero");
    // Tick labels without a unit stay in 万 (the axis title says 万元).
    assert_eq!(f.with_decimals(1).number(5_000.0), "0.5");
}

#[test]
fn a_non_zero_value_gets_the_decimals_it_needs_to_show() {
    let f = fmt(Some("%"), &[3.12, 0.004]);
    assert_eq!(f.format(0.004), "0.004%");
    let f = fmt(Some("%"), &[3.12, 12.5]);
    assert_eq!(f.decimals(), 2);
    assert_eq!(f.format(-0.004), "-0.004%", "the sign stays");
    assert_eq!(f.format(0.0004), "0.0004%");
    assert_eq!(f.format(3.12), "3.12%", "others keep the chart's decimals");
    assert_eq!(
        f.format(1e-9),
        "1×10⁻⁹%",
        "below 6 decimals, a power of ten"
    );
    let f = fmt(None, &[1465.0]);
    assert_eq!(f.format(0.3), "0.3");
    assert_eq!(f.format(-0.3), "-0.3");
}

/// The integer writing is correctly rounded: it agrees with std's float
/// formatting (which rounds the exact binary value, half to even) at every
/// magnitude up to the 10¹⁵ limit and every number of decimals, ties included.
#[test]
fn fixed_agrees_with_std_formatting() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(
            &prop_oneof![
                (-1e6f64..1e6, 0usize..=6),
                (-1.0f64..1.0, 0usize..=6),
                (-1e15f64..1e15, 0usize..=6),
                // Exact ties of the binary value: k / 2^n.
                ((-4_000_000i64..4_000_000), 1u32..12, 0usize..=6)
                    .prop_map(|(k, n, d)| (k as f64 / f64::from(1u32 << n), d)),
                (
                    any::<f64>().prop_filter("finite", |v| v.is_finite() && v.abs() < 1e15),
                    0usize..=6
                ),
            ],
            |(value, decimals)| {
                // A zero is compared without its sign ("-0.00" and "0.00").
                let unsigned_zero = |text: String| {
                    let digits = text.trim_start_matches('-');
                    if digits.bytes().all(|b| matches!(b, b'0' | b'.')) {
                        digits.to_string()
                    } else {
                        text
                    }
                };
                let ours = unsigned_zero(heluo::format::fixed(value, decimals));
                let std = unsigned_zero(format!("{value:.decimals$}"));
                prop_assert_eq!(ours, std);
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn the_last_digit_is_right() {
    assert_eq!(
        heluo::format::fixed(-999_999_999_999_999.9, 1),
        "-999999999999999.9"
    );
    assert_eq!(
        group_thousands(-999_999_999_999_999.9, 1),
        "-999,999,999,999,999.9"
    );
    assert_eq!(
        heluo::format::fixed(0.125, 2),
        "0.12",
        "a tie rounds to even"
    );
    assert_eq!(heluo::format::fixed(0.375, 2), "0.38");
    assert_eq!(heluo::format::fixed(2.5, 0), "2");
}

/// Reads back what [`ValueFormat::format`] wrote: thousands separators, a
/// power of ten, 万 and a unit.
fn read_back(text: &str) -> f64 {
    let mut number = text.replace(',', "");
    let mut factor = 1.0;
    if let Some(i) = number.find('万') {
        factor = 10_000.0;
        number.truncate(i);
    }
    let number = number
        .trim_end_matches(|c: char| !(c.is_ascii_digit() || "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c)))
        .trim();
    match number.split_once("×10") {
        Some((mantissa, power)) => {
            let power: String = power
                .chars()
                .map(|c| match c {
                    '⁻' => '-',
                    c => char::from_digit(
                        "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|d| d == c).unwrap() as u32,
                        10,
                    )
                    .unwrap(),
                })
                .collect();
            let mantissa: f64 = mantissa.parse().unwrap();
            let power: i32 = power.parse().unwrap();
            // Through a decimal string, so that 10^-320 does not underflow on the way.
            format!("{mantissa}e{power}").parse::<f64>().unwrap() * factor
        }
        None => number.parse::<f64>().unwrap() * factor,
    }
}

#[test]
fn small_is_not_zero() {
    let f = fmt(Some("元"), &[1e-300, 2e-300, 3e-300]);
    assert_eq!(f.format(1e-300), "1×10⁻³⁰⁰ 元");
    assert_eq!(f.format(2.5e-300), "2.5×10⁻³⁰⁰ 元");
    let f = fmt(Some("元"), &[5e-324, 0.0]);
    assert_eq!(f.format(5e-324), "4.94×10⁻³²⁴ 元");
    assert_eq!(f.format(0.0), "0 元");
    assert_eq!(f.format(-0.0), "0 元", "negative zero is 0");
    let f = fmt(Some("元"), &[-1e-9, 1e-9]);
    assert_eq!(f.format(-1e-9), "-1×10⁻⁹ 元", "the sign stays");
    assert_eq!(f.format(1e-9), "1×10⁻⁹ 元");
    let trend = fmt(None, &[1e-25, 2e-25]);
    assert_eq!(trend.format(1e-25), "1×10⁻²⁵");
    assert_eq!(trend.number(1e-25), "1×10⁻²⁵", "a tick is not 0 either");
    assert_eq!(trend.number(0.0), "0");
    assert_eq!(heluo::format::scientific(9.9996e-8), "1×10⁻⁷");
}

/// Over the whole f64 range, subnormals included: the text reads back as a
/// number with the same sign, non-zero when the value is, in every unit style.
#[test]
fn every_written_value_keeps_its_sign_and_is_not_zero() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::default();
    let units = [None, Some("元"), Some("%"), Some("户")];
    runner
        .run(
            &(
                prop_oneof![
                    any::<f64>().prop_filter("finite", |v| v.is_finite()),
                    (-1e-6f64..1e-6),
                    (any::<u64>().prop_map(|b| f64::from_bits(b & 0x000F_FFFF_FFFF_FFFF))),
                ],
                proptest::collection::vec(-1e15f64..1e15, 0..4),
                0usize..4,
            ),
            |(value, others, unit)| {
                let mut values = others.clone();
                values.push(value);
                let f = ValueFormat::for_values(units[unit], values.iter().copied());
                let text = f.format(value);
                let back = read_back(&text);
                prop_assert_eq!(back == 0.0, value == 0.0, "{} written {:?}", value, text);
                if value != 0.0 {
                    prop_assert_eq!(back < 0.0, value < 0.0, "{} written {:?}", value, text);
                }
                Ok(())
            },
        )
        .unwrap();
}
