//! Rendering through plotters: SVG structure, text escaping, and a recording backend.

use std::rc::Rc;

use heluo::mark::{Align, Baseline, Mark, Rect, TextMark};
use heluo::render::{render, to_svg};
use heluo::theme::{FONT_FAMILY, LIGHT};
use heluo::{ChartKind, Dataset, Engine, Error};

use crate::record::{Call, RecordingBackend};
use crate::util::{dataset_str, engine, luolong, national, texts, zh_all_shown};

// ------------------------------------------------------------ SVG helpers

fn svg_of(chart: &Engine) -> String {
    let svg = chart.svg().expect("an SVG");
    let (marks, w, h) = chart.export();
    assert_eq!(
        svg,
        to_svg(&marks, w, h, chart.theme().background).expect("an SVG"),
        "the engine's SVG is its exported marks on its background"
    );
    svg
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

/// The text content of every `<text>` element (plotters-svg writes it on its own line).
fn svg_texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = svg.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("<text") {
            out.push(lines.next().unwrap_or_default().to_string());
        }
    }
    out
}

/// The value of attribute `name` in a one-line tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag.get(start..)?.find('"')?;
    tag.get(start..start + len)
}

/// `(stroke, stroke-width, number of points)` of every polyline.
fn polylines(svg: &str) -> Vec<(String, String, usize)> {
    svg.lines()
        .filter(|l| l.starts_with("<polyline"))
        .map(|l| {
            (
                attr(l, "stroke").unwrap_or_default().to_string(),
                attr(l, "stroke-width").unwrap_or_default().to_string(),
                attr(l, "points")
                    .unwrap_or_default()
                    .split_whitespace()
                    .count(),
            )
        })
        .collect()
}

// ------------------------------------------------------------------- SVG

#[test]
fn ranking_sample_svg_structure() {
    let chart = engine(luolong(), ChartKind::Ranking);
    let svg = svg_of(&chart);
    let (_, w, h) = chart.export();
    assert!(
        svg.starts_with(&format!(
            r#"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}""#
        )),
        "{}",
        &svg[..80.min(svg.len())]
    );
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(
        count(&svg, "<rect"),
        9,
        "background, the no-group swatch (named groups have shapes), 7 bars"
    );
    assert_eq!(count(&svg, r#" height="16" "#), 7, "bars are 16 px high");
    assert_eq!(
        count(&svg, r#" width="11" height="11" "#),
        1,
        "one square legend swatch: villages without a group"
    );
    assert_eq!(count(&svg, r##"<rect x="0" y="0" width="640""##), 1);
    assert_eq!(count(&svg, "<polyline"), 0);
    assert_eq!(count(&svg, "<circle"), 0);

    let texts = svg_texts(&svg);
    let words = chart.export().0.len() - chart.marks().len();
    assert!(
        words > 0,
        "the sample's title, subtitle and note go under the exported chart"
    );
    assert_eq!(
        texts.len(),
        32 + words,
        "title, subtitle, 3 groups and 2 shapes, 7 × (rank, name, value), 3 bar shapes, credit, the dataset's words"
    );
    for expected in [
        "村集体经济",
        "科技园街道",
        "未分组",
        &format!("村集体经济收入（元） · {}", zh_all_shown(7)),
        "王屯村",
        "分金沟村",
        "200,000 元",
        "35,000 元",
        "7",
        "来源：东方今报；国家统计局",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing from {texts:?}"
        );
    }
    assert_eq!(
        count(&svg, r#"font-weight="bold""#),
        1,
        "only the title is bold"
    );
}

#[test]
fn ranking_bar_geometry_in_the_svg() {
    let chart = engine(luolong(), ChartKind::Ranking);
    let svg = svg_of(&chart);
    let bar = chart.ranking().expect("ranking").layout().bars[0].rect;
    let (x0, y0) = (bar.x.round() as i32, bar.y.round() as i32);
    let (x1, y1) = (bar.right().round() as i32, bar.bottom().round() as i32);
    let tag = format!(
        r#"<rect x="{x0}" y="{y0}" width="{}" height="{}""#,
        x1 - x0,
        y1 - y0
    );
    assert_eq!(count(&svg, &tag), 1, "{tag} not in the SVG");
}

#[test]
fn trend_sample_svg_structure() {
    let chart = engine(luolong(), ChartKind::Trend);
    let svg = svg_of(&chart);
    assert_eq!(
        count(&svg, "<rect"),
        3,
        "background and two legend swatches"
    );
    // Each point marker is a white ring under a coloured disc.
    assert_eq!(count(&svg, "<circle"), 2 * 10);
    let white_rings = svg
        .lines()
        .filter(|l| l.starts_with("<circle") && l.contains(r##"fill="#FFFFFF""##))
        .count();
    assert_eq!(white_rings, 10, "one white ring per point");

    // Series lines are drawn last-first, so the first series (洛龙区) ends on top.
    let lines = polylines(&svg);
    let series: Vec<&(String, String, usize)> = lines.iter().filter(|l| l.1 == "2").collect();
    assert_eq!(
        series,
        [
            &("#1F6FB5".to_string(), "2".to_string(), 8),
            &("#C0392B".to_string(), "2".to_string(), 2),
        ]
    );
    let marks = chart
        .marks()
        .iter()
        .filter(|m| matches!(m, Mark::Line { .. }))
        .count();
    assert_eq!(lines.len(), marks, "one polyline per line mark");

    let texts = svg_texts(&svg);
    for expected in [
        "贫困发生率",
        "单位：%",
        "洛龙区",
        "全国农村",
        "0%",
        "12%",
        "打赢脱贫攻坚战的决定",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing from {texts:?}"
        );
    }
    for year in 2012..=2019 {
        assert!(texts.contains(&year.to_string()), "{year} missing");
    }
}

#[test]
fn national_sample_svg_structure() {
    let chart = engine(national(), ChartKind::Trend);
    let svg = svg_of(&chart);
    assert_eq!(count(&svg, "<rect"), 1, "no legend for one series");
    assert_eq!(count(&svg, "<circle"), 16);
    let series: Vec<_> = polylines(&svg).into_iter().filter(|l| l.1 == "2").collect();
    assert_eq!(series, [("#C0392B".to_string(), "2".to_string(), 8)]);
    let texts = svg_texts(&svg);
    assert_eq!(texts[0], "全国农村贫困发生率");
    assert!(texts.iter().any(|t| t == "来源：国家统计局"));
    // The sample declares unit "%": the unit line and ticks with the sign.
    assert!(texts.iter().any(|t| t == "单位：%"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "10%"), "{texts:?}");
}

fn wide(d: Rc<Dataset>, kind: ChartKind) -> Engine {
    Engine::new(d, &heluo::Options::new(kind).width(900.0)).expect("chart")
}

#[test]
fn markup_in_data_is_escaped() {
    let evil = "<img src=x onerror=alert(1)>";
    let json = serde_json::json!({
        "title": "<script>alert(1)</script>",
        "trend": {"series": [
            {"name": evil, "points": [[2013, 1], [2014, 2]]},
            {"name": "b&b \"quoted\" 'single'", "points": [[2013, 2]]}
        ]},
        "ranking": {
            "metrics": [{"key": "v", "label": "</text><script>x</script>"}],
            "villages": [{"name": evil, "values": {"v": 1}}, {"name": "王屯村", "values": {"v": 2}}]
        }
    });
    let d: Rc<Dataset> = Rc::new(dataset_str(&json.to_string()));
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let svg = svg_of(&wide(d.clone(), kind));
        assert!(svg.contains("&lt;img"), "{kind:?}: {svg}");
        assert!(!svg.contains("<img"), "{kind:?}: raw tag in the SVG");
        assert!(!svg.contains("<script"), "{kind:?}: raw tag in the SVG");
        let tags: usize = [
            "<svg",
            "<rect",
            "<polyline",
            "<circle",
            "<text",
            "</text>",
            "</svg>",
        ]
        .iter()
        .map(|t| count(&svg, t))
        .sum();
        assert_eq!(
            tags,
            count(&svg, "<"),
            "{kind:?}: only the renderer's own tags"
        );
    }
    let trend = svg_of(&wide(d, ChartKind::Trend));
    assert!(
        trend.contains("b&amp;b &quot;quoted&quot; &apos;single&apos;"),
        "{trend}"
    );
}

#[test]
fn svg_of_degenerate_sizes() {
    let chart = engine(luolong(), ChartKind::Ranking);
    for (w, h) in [(0.0, 0.0), (1.0, 1.0), (f64::NAN, 10.0), (-5.0, -5.0)] {
        let svg = to_svg(chart.marks(), w, h, LIGHT.background).expect("an SVG");
        assert!(svg.starts_with("<svg"));
    }
    let empty = to_svg(&[], 10.0, 10.0, LIGHT.background).expect("an SVG");
    assert_eq!(count(&empty, "<rect"), 1);
}

// ------------------------------------------------------- recording backend

fn record(marks: &[Mark], scale: f64, background: Option<(f64, f64)>) -> RecordingBackend {
    let mut backend = RecordingBackend::new(640, 480);
    let background = background.map(|(w, h)| (w, h, LIGHT.background));
    render(&mut backend, marks, scale, background).expect("render");
    backend
}

fn text_mark(text: &str) -> Mark {
    Mark::Text(TextMark {
        text: text.into(),
        x: 10.0,
        y: 20.0,
        size: 12.0,
        bold: false,
        color: LIGHT.ink,
        align: Align::Left,
        baseline: Baseline::Top,
    })
}

#[test]
fn recorder_counts_the_ranking_sample() {
    let chart = engine(luolong(), ChartKind::Ranking);
    let (w, h) = chart.size();
    let rec = record(chart.marks(), 1.0, Some((w, h)));
    assert_eq!((rec.prepared, rec.presented), (1, 1));
    assert_eq!(rec.rects().count(), 9);
    // 2 header, 2 legend shapes and 3 legend labels, 7 × (rank, name, value),
    // the shapes beside the 3 grouped bars, then the credit line.
    assert_eq!(rec.texts().count(), 2 + 5 + 21 + 3 + 1);
    assert_eq!(rec.circles(), 0);
    assert_eq!(rec.paths(), 0);
    assert_eq!(
        rec.count(|c| matches!(c, Call::Pixel(_) | Call::Line { .. })),
        0
    );
    assert_eq!(
        rec.calls[0],
        Call::Rect {
            from: (0, 0),
            to: (640, h.round() as i32),
            rgb: (255, 255, 255),
            fill: true
        },
        "the background comes first"
    );
    let Call::Text {
        text,
        bold,
        family,
        size,
        ..
    } = &rec.calls[1]
    else {
        panic!("expected the title, got {:?}", rec.calls[1]);
    };
    assert_eq!(text, "村集体经济");
    assert!(*bold);
    assert_eq!(family, FONT_FAMILY);
    assert_eq!(*size, 17.0);
    // Rank numbers are right-aligned and vertically centred on their row.
    let rank = rec
        .text_calls()
        .find(|c| matches!(c, Call::Text { text, .. } if text == "1"))
        .cloned();
    assert!(
        matches!(
            rank,
            Some(Call::Text {
                anchor: ("right", "center"),
                ..
            })
        ),
        "{rank:?}"
    );
}

#[test]
fn recorder_counts_the_trend_sample() {
    let chart = engine(luolong(), ChartKind::Trend);
    let rec = record(chart.marks(), 1.0, None);
    let marks = chart.marks();
    let n = |pred: fn(&Mark) -> bool| marks.iter().filter(|m| pred(m)).count();
    assert_eq!(rec.rects().count(), n(|m| matches!(m, Mark::Rect { .. })));
    assert_eq!(
        rec.rects().count(),
        2,
        "legend swatches; no background was asked for"
    );
    assert_eq!(rec.paths(), n(|m| matches!(m, Mark::Line { .. })));
    assert_eq!(rec.circles(), 2 * 10, "ring and disc per point");
    assert_eq!(rec.texts().count(), n(|m| matches!(m, Mark::Text(_))));
    let thick = rec.count(|c| matches!(c, Call::Path { width: 2, .. }));
    assert_eq!(thick, 2, "one line per series");
    let year_labels = rec
        .text_calls()
        .filter(|c| {
            matches!(
                c,
                Call::Text {
                    anchor: ("center", "top"),
                    ..
                }
            )
        })
        .count();
    assert_eq!(year_labels, 8);
}

#[test]
fn scale_multiplies_device_pixels() {
    let marks = vec![
        Mark::Rect {
            rect: Rect {
                x: 10.25,
                y: 20.0,
                w: 30.0,
                h: 5.5,
            },
            fill: LIGHT.palette[0],
        },
        Mark::Circle {
            cx: 5.0,
            cy: 6.0,
            r: 3.5,
            fill: LIGHT.palette[1],
            stroke: LIGHT.background,
        },
        Mark::Line {
            points: vec![(1.0, 2.0), (3.0, 4.0)],
            color: LIGHT.axis,
            width: 1.0,
        },
        text_mark("2013"),
    ];
    let rec = record(&marks, 2.0, Some((100.0, 50.0)));
    assert_eq!(
        rec.calls,
        [
            Call::Rect {
                from: (0, 0),
                to: (200, 100),
                rgb: (255, 255, 255),
                fill: true
            },
            Call::Rect {
                from: (21, 40),
                to: (81, 51),
                rgb: (0xc0, 0x39, 0x2b),
                fill: true
            },
            Call::Circle {
                center: (10, 12),
                radius: 10,
                rgb: (255, 255, 255)
            },
            Call::Circle {
                center: (10, 12),
                radius: 7,
                rgb: (0x1f, 0x6f, 0xb5)
            },
            Call::Path {
                points: vec![(2, 4), (6, 8)],
                rgb: (LIGHT.axis.0, LIGHT.axis.1, LIGHT.axis.2),
                width: 2
            },
            Call::Text {
                text: "2013".into(),
                at: (20, 40),
                size: 24.0,
                family: FONT_FAMILY.into(),
                bold: false,
                anchor: ("left", "top"),
                rgb: (0x1a, 0x1a, 0x1a)
            },
        ]
    );
}

#[test]
fn a_bad_scale_counts_as_one() {
    let marks = vec![text_mark("x")];
    for scale in [0.0, -2.0, f64::NAN, f64::INFINITY] {
        let rec = record(&marks, scale, None);
        assert!(
            matches!(&rec.calls[..], [Call::Text { at: (10, 20), size, .. }] if *size == 12.0),
            "{scale}: {:?}",
            rec.calls
        );
    }
}

#[test]
fn empty_texts_are_not_drawn() {
    let rec = record(&[text_mark(""), text_mark("a")], 1.0, None);
    assert_eq!(rec.texts().count(), 1);
}

#[test]
fn a_failing_backend_gives_a_draw_error() {
    let chart = engine(luolong(), ChartKind::Ranking);
    let mut backend = RecordingBackend::new(640, 480).failing_at(3);
    let e = render(&mut backend, chart.marks(), 1.0, None).expect_err("refused");
    assert_eq!(e, Error::Draw("Drawing backend error: refused".into()));
    assert_eq!(
        e.to_string(),
        "The chart could not be drawn: Drawing backend error: refused"
    );
    assert_eq!(backend.calls.len(), 3, "drawing stops at the failure");
    assert_eq!(backend.presented, 0);
}

#[test]
fn the_recorder_sees_every_mark() {
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let chart = engine(luolong(), kind);
        let (w, h) = chart.size();
        let marks = chart.marks();
        let rec = record(marks, 1.0, Some((w, h)));
        let n = |pred: fn(&Mark) -> bool| marks.iter().filter(|m| pred(m)).count();
        let drawn: Vec<&str> = rec.texts().collect();
        let laid_out: Vec<&str> = texts(marks).into_iter().filter(|t| !t.is_empty()).collect();
        assert_eq!(drawn, laid_out, "{kind:?}: every text, in order");
        assert_eq!(
            rec.rects().count(),
            n(|m| matches!(m, Mark::Rect { .. } | Mark::Shade { .. })) + 1,
            "{kind:?}: every rect, and the background"
        );
        assert_eq!(
            rec.circles(),
            2 * n(|m| matches!(m, Mark::Circle { .. })),
            "{kind:?}: ring and disc"
        );
        assert_eq!(
            rec.paths(),
            n(|m| matches!(m, Mark::Line { .. })),
            "{kind:?}"
        );
        assert_eq!(rec.size, (640, 480));
    }
}

// ------------------------------------------------------------ exports carry the data's words

#[test]
fn exports_carry_the_subtitle_and_the_note_wrapped_under_the_chart() {
    let note = "洛龙区部分村的数值为示意数据，仅用于演示图表；正式报道请以区统计局公布的数字为准，并注明来源和统计口径。";
    let data = format!(
        r#"{{"title": "洛龙区脱贫", "subtitle": "2013—2019 年", "note": "{note}",
            "trend": {{"title": "贫困发生率", "unit": "%", "series": [{{"name": "洛龙区", "points": [[2013, 3.12], [2019, 0.36]]}}]}}}}"#
    );
    let dataset = Rc::new(dataset_str(&data));
    for width in [320.0, 900.0] {
        let mut options = heluo::Options::new(ChartKind::Trend);
        options.width = width;
        let chart = Engine::new(dataset.clone(), &options).expect("a trend");
        let (marks, w, h) = chart.export();
        let (_, shown_h) = chart.size();
        assert_eq!(w, chart.size().0);
        let extra: Vec<String> = marks[chart.marks().len()..]
            .iter()
            .filter_map(|m| match m {
                Mark::Text(t) => Some(t.text.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(
            extra.first().map(String::as_str),
            Some("洛龙区脱贫"),
            "the dataset's title, which the chart does not show"
        );
        assert_eq!(extra.get(1).map(String::as_str), Some("2013—2019 年"));
        assert_eq!(
            extra[2..].concat(),
            note,
            "the note whole, in lines, nothing cut: {extra:?}"
        );
        if width < 400.0 {
            assert!(extra.len() > 3, "a phone's width wraps the note: {extra:?}");
        }
        assert!(extra.iter().all(|l| !l.contains('…')));
        assert!(
            h >= shown_h + 16.0 * extra.len() as f64,
            "the picture grows to hold them"
        );
        let svg = svg_of(&chart);
        assert!(
            svg_texts(&svg).iter().any(|t| t.contains("示意数据")),
            "the SVG says the values are illustrative"
        );
    }
    // Without such words the export is the chart as shown.
    let plain = Rc::new(dataset_str(
        r#"{"trend": {"title": "贫困发生率", "series": [{"name": "洛龙区", "points": [[2013, 3.12], [2019, 0.36]]}]}}"#,
    ));
    let plain = engine(plain, ChartKind::Trend);
    let (marks, w, h) = plain.export();
    assert_eq!(
        (marks.len(), w, h),
        (plain.marks().len(), plain.size().0, plain.size().1)
    );
}

#[test]
fn wrapping_keeps_english_words_whole() {
    let lines = heluo::mark::wrap_text(
        "Values for some villages are illustrative only",
        11.5,
        120.0,
    );
    assert!(lines.len() > 1, "{lines:?}");
    assert_eq!(
        lines.join(" "),
        "Values for some villages are illustrative only"
    );
    assert!(
        lines
            .iter()
            .all(|l| !l.starts_with(' ') && !l.ends_with(' ')),
        "{lines:?}"
    );
}
