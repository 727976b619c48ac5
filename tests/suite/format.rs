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
    assert_eq!(f.format(1e-9), "0.00%", "below 6 decimals, zero");
    let f = fmt(None, &[1465.0]);
    assert_eq!(f.format(0.3), "0.3");
    assert_eq!(f.format(-0.3), "-0.3");
}

/// The integer writing agrees with std's float formatting wherever the two
/// round alike (away from an exact tie of the binary value).
#[test]
fn fixed_agrees_with_std_formatting() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(
            &prop_oneof![
                (-1e6f64..1e6, 0usize..=6),
                (-1.0f64..1.0, 0usize..=6),
                (-1e15f64..1e15, Just(0usize)),
            ],
            |(value, decimals)| {
                let scaled = value.abs() * 10f64.powi(decimals as i32);
                // Where `value × 10^decimals` is exact enough to round alike:
                // away from a tie, and below 10¹² (a dataset's values with
                // decimals; larger ones are written with none).
                prop_assume!((scaled.fract() - 0.5).abs() > 1e-3);
                prop_assume!(scaled < 1e12 || decimals == 0);
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
