//! Linear scales and ticks: what render and hit-testing both rely on.

use heluo::scale::{nice_step, nice_ticks, year_ticks, LinearScale};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn map_and_invert_round_trip() {
    let scales = [
        LinearScale::new((2012.0, 2019.0), (60.0, 620.0)),
        LinearScale::new((0.0, 12.0), (400.0, 80.0)), // a y axis, reversed
        LinearScale::new((-50.0, 200_000.0), (100.0, 500.0)),
        LinearScale::new((0.001, 0.002), (0.0, 1.0)),
    ];
    for s in scales {
        assert_eq!(s.map(s.domain.0), s.range.0);
        assert!(close(s.map(s.domain.1), s.range.1), "{s:?}");
        for i in 0..=20 {
            let v = s.domain.0 + (s.domain.1 - s.domain.0) * i as f64 / 20.0;
            assert!(close(s.invert(s.map(v)), v), "{s:?} at {v}");
            let px = s.range.0 + (s.range.1 - s.range.0) * i as f64 / 20.0;
            assert!(close(s.map(s.invert(px)), px), "{s:?} at pixel {px}");
        }
    }
}

#[test]
fn map_is_linear() {
    let s = LinearScale::new((2013.0, 2019.0), (100.0, 700.0));
    assert_eq!(s.map(2016.0), 400.0);
    assert_eq!(s.map(2014.0) - s.map(2013.0), 100.0);
    // Values outside the domain extrapolate rather than clamp.
    assert_eq!(s.map(2020.0), 800.0);
}

#[test]
fn inverted_domain_is_put_in_order() {
    let s = LinearScale::new((10.0, 0.0), (0.0, 100.0));
    assert_eq!(s.domain, (0.0, 10.0));
    assert_eq!(s.map(5.0), 50.0);
}

#[test]
fn degenerate_domains_never_give_nan() {
    let domains = [
        (0.0, 0.0),
        (5.0, 5.0),
        (-5.0, -5.0),
        (2019.0, 2019.0),
        (1e-12, 1e-12),
        (1e12, 1e12),
        (f64::NAN, 1.0),
        (0.0, f64::INFINITY),
        (f64::NEG_INFINITY, f64::NAN),
    ];
    for d in domains {
        let s = LinearScale::new(d, (10.0, 110.0));
        assert!(s.domain.0 < s.domain.1, "{d:?} gave {:?}", s.domain);
        for v in [s.domain.0, s.domain.1, 0.0, 5.0, 2019.0] {
            assert!(s.map(v).is_finite(), "{d:?}: map({v}) = {}", s.map(v));
        }
        for px in [10.0, 60.0, 110.0, -5.0] {
            assert!(s.invert(px).is_finite(), "{d:?}: invert({px})");
        }
        // An equal-endpoint domain is widened around its value: it maps to the middle.
        if d.0 == d.1 && d.0.is_finite() {
            assert!(close(s.map(d.0), 60.0), "{d:?}");
        }
    }
}

#[test]
fn subnormal_degenerate_domain_never_gives_nan() {
    let s = LinearScale::new((5e-324, 5e-324), (0.0, 100.0));
    assert!(s.map(5e-324).is_finite());
}

#[test]
fn degenerate_range_inverts_to_the_domain_start() {
    let s = LinearScale::new((0.0, 10.0), (50.0, 50.0));
    assert_eq!(s.map(7.0), 50.0);
    assert_eq!(s.invert(50.0), 0.0);
    assert_eq!(s.invert(80.0), 0.0);
}

#[test]
fn nice_step_is_1_2_or_5_times_a_power_of_ten() {
    assert_eq!(nice_step(10.2, 5), 2.0);
    assert_eq!(nice_step(100.0, 10), 10.0);
    assert_eq!(nice_step(3.12, 5), 0.5);
    assert_eq!(nice_step(200_000.0, 5), 50_000.0);
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(nice_step(bad, 5), 1.0, "span {bad}");
    }
    assert_eq!(nice_step(10.0, 0), 10.0, "count 0 counts as 1");
}

#[test]
fn nice_ticks_cover_the_data() {
    let cases = [
        (0.0, 10.2, 5),
        (0.0, 3.12, 5),
        (0.36, 3.12, 4),
        (0.0, 200_000.0, 5),
        (-42.0, 17.0, 5),
        (1e-3, 2e-3, 5),
        (0.0, 0.6, 5),
        (2012.0, 2019.0, 7),
    ];
    for (lo, hi, count) in cases {
        let ticks = nice_ticks(lo, hi, count);
        assert!(ticks.len() >= 2, "{lo}..{hi}: {ticks:?}");
        assert!(ticks.len() <= 2 * count + 1, "{lo}..{hi}: {ticks:?}");
        let (first, last) = (ticks[0], ticks[ticks.len() - 1]);
        assert!(
            first <= lo && last >= hi,
            "{lo}..{hi} not covered by {ticks:?}"
        );
        let step = ticks[1] - ticks[0];
        for pair in ticks.windows(2) {
            assert!(close(pair[1] - pair[0], step), "uneven {ticks:?}");
        }
    }
    assert_eq!(
        nice_ticks(0.0, 10.2, 5),
        [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]
    );
    assert_eq!(
        nice_ticks(0.0, 3.12, 5),
        [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5]
    );
}

#[test]
fn nice_ticks_of_an_empty_span() {
    for v in [0.0, 5.0, -3.0] {
        let ticks = nice_ticks(v, v, 5);
        assert!(ticks.len() >= 2, "{v}: {ticks:?}");
        assert!(
            ticks[0] <= v && ticks[ticks.len() - 1] >= v,
            "{v}: {ticks:?}"
        );
        assert!(ticks.iter().all(|t| t.is_finite()));
    }
    // Reversed bounds are treated like an empty span at `lo`.
    let ticks = nice_ticks(10.0, 0.0, 5);
    assert!(
        ticks[0] <= 10.0 && ticks[ticks.len() - 1] >= 10.0,
        "{ticks:?}"
    );
}

#[test]
fn nice_ticks_are_free_of_float_noise() {
    assert_eq!(
        nice_ticks(0.0, 1.0, 10),
        [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
    );
}

#[test]
fn year_ticks_are_whole_years_in_range() {
    for (first, last) in [
        (2012, 2019),
        (2013, 2019),
        (1949, 2021),
        (1900, 2100),
        (2015, 2016),
    ] {
        for width in [140.0, 300.0, 600.0, 1200.0] {
            let ticks = year_ticks(first, last, width, 44.0);
            assert!(!ticks.is_empty(), "{first}..{last} at {width}");
            assert!(
                ticks.iter().all(|&y| y >= first && y <= last),
                "{first}..{last} at {width}: {ticks:?}"
            );
            assert!(ticks.windows(2).all(|p| p[0] < p[1]), "{ticks:?}");
            // Labels 44 px wide never collide.
            assert!(
                ticks.len() as f64 <= (width / 44.0).floor().max(1.0),
                "{first}..{last} at {width}: {ticks:?}"
            );
            if ticks.len() > 1 && ticks != [first, last] {
                let step = ticks[1] - ticks[0];
                assert!([1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 200].contains(&step));
                assert_eq!(ticks[0] % step, 0, "ticks fall on multiples of the step");
            }
        }
    }
}

#[test]
fn year_ticks_every_year_when_there_is_room() {
    assert_eq!(
        year_ticks(2012, 2019, 600.0, 44.0),
        [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]
    );
    // A phone: three labels rather than one (issue 9, 320 px).
    assert_eq!(year_ticks(2012, 2019, 150.0, 44.0), [2013, 2016, 2019]);
    assert_eq!(year_ticks(2012, 2019, 100.0, 44.0), [2012, 2016]);
    assert_eq!(
        year_ticks(2012, 2019, 250.0, 44.0),
        [2012, 2014, 2016, 2018]
    );
    assert_eq!(
        year_ticks(2012, 2019, 300.0, 44.0),
        [2012, 2014, 2016, 2018]
    );
}

#[test]
fn year_ticks_never_leave_the_axis_bare() {
    assert!(!year_ticks(2012, 2019, 120.0, 44.0).is_empty());
    assert!(!year_ticks(2013, 2019, 130.0, 44.0).is_empty());
}

#[test]
fn year_ticks_of_one_year() {
    assert_eq!(year_ticks(2019, 2019, 600.0, 44.0), [2019]);
    assert_eq!(year_ticks(2019, 2013, 600.0, 44.0), [2019]);
    assert_eq!(year_ticks(2019, 2019, 0.0, 0.0), [2019]);
}

/// The step's power of ten is found among powers of ten, not with libm's
/// `log10` and `powf` (kept out of the wasm): the steps are the same as those
/// would give, from a millionth to 10¹⁵, and exact powers of ten land on
/// themselves.
#[test]
fn nice_step_matches_the_log10_reference() {
    use proptest::prelude::*;
    let reference = |span: f64, count: usize| {
        let raw = span / count as f64;
        let magnitude = 10f64.powf(raw.log10().floor());
        let residual = raw / magnitude;
        let nice = if residual >= 50f64.sqrt() {
            10.0
        } else if residual >= 10f64.sqrt() {
            5.0
        } else if residual >= 2f64.sqrt() {
            2.0
        } else {
            1.0
        };
        nice * magnitude
    };
    for e in -6..=15 {
        let p = 10f64.powi(e);
        assert_eq!(nice_step(p * 5.0, 5), reference(p * 5.0, 5), "10^{e}");
    }
    proptest::test_runner::TestRunner::default()
        .run(&(-6.0f64..15.0, 1usize..=10), |(exponent, count)| {
            let span = 10f64.powf(exponent) * count as f64;
            // Away from a power of ten, where log10's last bit may round up.
            let fraction = (span / count as f64).log10().fract().abs();
            prop_assume!(fraction > 1e-9 && fraction < 1.0 - 1e-9);
            prop_assert_eq!(nice_step(span, count), reference(span, count));
            Ok(())
        })
        .unwrap();
}

/// A span of 1 at 2.6e14 gives a step (0.2) below the values' precision:
/// rounding the ticks to the step's decimals must not move an end inside the
/// data (found by the layout property test: a point drawn under the plot).
#[test]
fn ticks_hold_their_data_where_the_step_is_below_the_values_precision() {
    let lo = -261_562_418_439_667.03;
    let ticks = nice_ticks(lo, lo + 1.0, 4);
    assert!(ticks.first().is_some_and(|&t| t <= lo), "{ticks:?}");
    assert!(ticks.last().is_some_and(|&t| t >= lo + 1.0), "{ticks:?}");
    for (lo, hi) in [(0.0, 1.0), (-3.0, 17.5), (1e-7, 3e-7), (2013.0, 2019.0)] {
        let ticks = nice_ticks(lo, hi, 5);
        assert!(
            ticks[0] <= lo && *ticks.last().unwrap() >= hi,
            "{lo}..{hi}: {ticks:?}"
        );
    }
}
