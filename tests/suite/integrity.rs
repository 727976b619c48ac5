//! Issue 8, cases the other modules did not pin down: a U+202E in a label
//! leaves the chart's own words in order everywhere the core writes them (and
//! the SVG stays XML); many series keep a plot, a legend inside the chart and
//! distinct colours; negative bars in 万元 keep their labels off the names
//! and inside the chart, with a zero line.

use std::collections::BTreeSet;
use std::rc::Rc;

use heluo::chart::trend::layout::MIN_PLOT_HEIGHT;
use heluo::mark::{text_width, Align, Mark};
use heluo::{Action, ChartKind, Dataset, Engine, Options};

use crate::util::{apply, dataset_str, texts};

/// Bidi formatting characters, C0/C1 controls (tab and line feed too: no text
/// of a chart holds one) and noncharacters: what may not reach a reader.
fn unsafe_char(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FFFE}'
            | '\u{FFFF}'
    ) || c.is_control()
}

fn assert_clean(what: &str, text: &str) {
    assert!(
        !text.chars().any(unsafe_char),
        "{what}: {:?}",
        text.escape_unicode().to_string()
    );
}

fn at(d: &Rc<Dataset>, kind: ChartKind, width: f64) -> Engine {
    Engine::new(d.clone(), &Options::new(kind).width(width)).expect("an engine")
}

#[test]
fn a_right_to_left_override_in_a_label_leaves_every_written_word_in_order() {
    let villages: Vec<String> = (0..12)
        .map(|i| {
            format!(
                r#"{{"name": "村\u202e{i}\u0007", "group": "{}", "values": {{"income": {}}}}}"#,
                if i % 2 == 0 {
                    "李楼镇\\u202e"
                } else {
                    "白马寺镇\\u0001"
                },
                1000 * (i + 1)
            )
        })
        .collect();
    let json = format!(
        r#"{{"title": "反转\u202e测试\ufffe", "source": "东方\u202e今报",
            "trend": {{"title": "贫困\u202e发生率", "unit": "%\u202e",
                "series": [{{"name": "洛龙\u202e区\u0000", "points": [[2013, 3.12], [2016, 1.5], [2019, 0.36]]}}],
                "annotations": [{{"year": 2016, "label": "精准\u202e扶贫\u0008"}}]}},
            "ranking": {{"metrics": [{{"key": "income", "label": "收入\u202e", "unit": "元"}}],
                "villages": [{}]}}}}"#,
        villages.join(", ")
    );
    let d = Rc::new(dataset_str(&json));
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let mut e = at(&d, kind, 640.0);
        for t in texts(e.marks()) {
            assert_clean(&format!("{kind:?} mark"), t);
        }
        assert_clean("description", &e.description());
        let table = e.table();
        assert_clean("table caption", &table.caption);
        for cell in table.columns.iter().chain(table.rows.iter().flatten()) {
            assert_clean("table cell", cell);
        }
        // A tooltip and an announcement: hover the middle of the plot, then a key.
        let (w, h) = e.size();
        apply(&mut e, Action::Pointer(w / 2.0, h / 2.0));
        if kind == ChartKind::Ranking {
            let bar = e.ranking().expect("ranking").layout().bars[0].rect;
            apply(&mut e, Action::Pointer(bar.x + 1.0, bar.y + 1.0));
        }
        let tip = e.tooltip().expect("a tooltip");
        assert_clean("tooltip heading", &tip.heading);
        assert_clean("tooltip announcement", &tip.announcement);
        for row in &tip.rows {
            assert_clean("tooltip row", &format!("{}{}", row.label, row.value));
        }
        apply(&mut e, Action::Key(heluo::engine::Key::Next));
        assert!(
            !e.announcement().is_empty(),
            "{kind:?}: a key says something"
        );
        assert_clean("announcement", e.announcement());
        let svg = e.svg().expect("an SVG");
        // XML 1.0 allows tab, LF and CR of the C0 controls; the renderer writes
        // none, and no data text may bring one.
        assert!(
            !svg.chars()
                .any(|c| unsafe_char(c) && !matches!(c, '\t' | '\n' | '\r')),
            "{kind:?}: the SVG holds a character XML or a reader cannot take"
        );
        if kind == ChartKind::Ranking {
            let shown = texts(e.marks());
            assert!(
                shown.iter().any(|t| t.contains("共 12 个村")),
                "the count reads in order: {shown:?}"
            );
            assert!(svg.contains("共 12 个村"));
            assert!(shown.contains(&"村11"), "{shown:?}");
        }
    }
}

/// `n` series over 2013–2019, each at its own height.
fn counties(n: usize) -> Rc<Dataset> {
    let series: Vec<String> = (0..n)
        .map(|i| {
            let v = 1.0 + 20.0 * i as f64 / n as f64;
            format!(
                r#"{{"name": "区县{i}", "points": [[2013, {v:.3}], [2019, {:.3}]]}}"#,
                v / 2.0
            )
        })
        .collect();
    Rc::new(dataset_str(&format!(
        r#"{{"trend": {{"unit": "%", "series": [{}]}}}}"#,
        series.join(", ")
    )))
}

#[test]
fn many_series_keep_their_plot_and_every_word_inside_the_chart() {
    for (n, width) in [(25, 375.0), (150, 900.0), (150, 375.0), (5_000, 900.0)] {
        let e = at(&counties(n), ChartKind::Trend, width);
        let l = e.trend().expect("a trend").layout();
        assert!(
            l.plot.h >= MIN_PLOT_HEIGHT - 0.5,
            "{n} series at {width} px: the plot is {} px tall",
            l.plot.h
        );
        let (w, h) = e.size();
        for m in e.marks() {
            if let Mark::Text(t) = m {
                let tw = text_width(&t.text, t.size);
                let left = match t.align {
                    Align::Left => t.x,
                    Align::Center => t.x - tw / 2.0,
                    Align::Right => t.x - tw,
                };
                assert!(
                    left >= -0.5 && left + tw <= w + 0.5 && t.y >= -0.5 && t.y <= h + 0.5,
                    "{n} series at {width} px: {:?} at ({left}, {}) outside {w}×{h}",
                    t.text,
                    t.y
                );
            }
        }
        // The y labels (right-aligned, left of the plot) never overlap.
        let mut ys: Vec<f64> = e
            .marks()
            .iter()
            .filter_map(|m| match m {
                Mark::Text(t) if t.align == Align::Right && t.x < l.plot.x => Some(t.y),
                _ => None,
            })
            .collect();
        ys.sort_by(f64::total_cmp);
        assert!(ys.len() >= 3, "{n} series at {width} px: y labels {ys:?}");
        for pair in ys.windows(2) {
            assert!(
                pair[1] - pair[0] >= 11.0,
                "{n} series at {width} px: y labels overlap {ys:?}"
            );
        }
    }
}

#[test]
fn no_two_coloured_lines_look_the_same() {
    // 区县0, 区县8 and 区县16 shared a colour: the palette repeated every 8.
    for n in [9, 12, 16, 25, 150] {
        let e = at(&counties(n), ChartKind::Trend, 900.0);
        let greys = [e.theme().grid, e.theme().no_group];
        let mut colours = Vec::new();
        for m in e.marks() {
            if let Mark::Line { points, color, .. } = m {
                if points.len() == 2 && points[0].0 < points[1].0 && points[0].1 != points[1].1 {
                    colours.push(*color);
                }
            }
        }
        assert_eq!(colours.len(), n, "{n} series: one line each");
        let coloured: Vec<_> = colours.iter().filter(|c| !greys.contains(c)).collect();
        let distinct: BTreeSet<_> = coloured.iter().map(|c| (c.0, c.1, c.2)).collect();
        assert_eq!(
            distinct.len(),
            coloured.len(),
            "{n} series: a colour is used twice"
        );
        assert!(!coloured.is_empty(), "{n} series: some lines keep a colour");
    }
}

#[test]
fn negative_bars_in_wan_keep_their_labels_off_the_names_and_in_the_chart() {
    let json = r#"{"ranking": {"metrics": [{"key": "v", "label": "收入变化", "unit": "元"}], "villages": [
        {"name": "甲村", "values": {"v": 5000000}}, {"name": "乙村", "values": {"v": 1200000}},
        {"name": "丙村", "values": {"v": -40}}, {"name": "丁村", "values": {"v": -2500000}},
        {"name": "戊村", "values": {"v": -8000000}}]}}"#;
    let d = Rc::new(dataset_str(json));
    for width in [320.0, 640.0] {
        let e = at(&d, ChartKind::Ranking, width);
        let l = e.ranking().expect("ranking").layout();
        let shown = texts(e.marks());
        assert!(
            shown.iter().any(|t| t.ends_with("万元")),
            "the chart is in 万元: {shown:?}"
        );
        assert!(
            shown.contains(&"-40 元"),
            "-40 元 keeps its sign: {shown:?}"
        );
        assert!(shown.contains(&"-800.00万元"), "{shown:?}");
        let names_right = l.plot.x - 8.0;
        for m in e.marks() {
            if let Mark::Text(t) = m {
                if t.text.contains('元') && t.align == Align::Right {
                    let left = t.x - text_width(&t.text, t.size);
                    assert!(
                        left >= names_right && left >= 0.0,
                        "{width} px: {:?} starts at {left}, over the names (which end at {names_right})",
                        t.text
                    );
                }
            }
        }
        // A zero line: a vertical line at x(0), inside the plot.
        let zero = l.x.map(0.0);
        assert!(zero > l.plot.x && zero < l.plot.right());
        assert!(
            e.marks().iter().any(|m| matches!(m, Mark::Line { points, .. }
                if points.len() == 2 && (points[0].0 - zero).abs() < 1.0 && (points[1].0 - zero).abs() < 1.0
                    && points[0].1 != points[1].1)),
            "{width} px: no zero line at {zero}"
        );
    }
}
