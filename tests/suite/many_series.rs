//! Many series, the newsroom pattern "all counties in grey, a few
//! highlighted": names at line ends, and a line highlighted by search, the
//! highlight buttons, hover (through the year columns, at 150 and 5,000
//! lines) and the keys, announced in words.

use std::rc::Rc;

use heluo::chart::trend::layout::MAX_LEGEND;
use heluo::chart::Control;
use heluo::engine::Key;
use heluo::mark::{Mark, Rect};
use heluo::text::Lang;
use heluo::{Action, ChartKind, Dataset, Engine, Options};

use crate::util::{apply, dataset_str, luolong, texts};

/// `n` counties over 2013, 2016 and 2019, each at its own height, falling.
fn counties(n: usize) -> Rc<Dataset> {
    let series: Vec<String> = (0..n)
        .map(|i| {
            let top = 2.0 + 20.0 * i as f64 / n as f64;
            format!(
                r#"{{"name": "区县{i}", "points": [[2013, {:.4}], [2016, {:.4}], [2019, {:.4}]]}}"#,
                top,
                top * 0.6,
                top * 0.3
            )
        })
        .collect();
    Rc::new(dataset_str(&format!(
        r#"{{"title": "各区县贫困发生率", "trend": {{"unit": "%", "series": [{}]}}}}"#,
        series.join(", ")
    )))
}

fn trend_at(d: Rc<Dataset>, width: f64) -> Engine {
    Engine::new(d, &Options::new(ChartKind::Trend).width(width)).expect("a trend")
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// Where series `i` is drawn at `year`.
fn point_of(e: &Engine, i: usize, year: i32) -> (f64, f64) {
    let l = e.trend().expect("a trend").layout();
    let p = l
        .columns
        .iter()
        .find(|c| c.year == year)
        .and_then(|c| c.points.iter().find(|p| p.series == i))
        .expect("a point");
    (p.x, p.y)
}

#[test]
fn a_few_lines_are_named_at_their_ends_beside_the_legend() {
    let e = trend_at(luolong(), 640.0);
    let l = e.trend().expect("a trend").layout();
    let names: Vec<&str> = l.labels.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        names,
        ["洛龙区", "全国农村"],
        "both lines named at their ends"
    );
    assert_eq!(
        l.legend.len(),
        2,
        "the legend stays (the show/hide control)"
    );
    for d in &l.labels {
        let (x, y) = point_of(&e, d.series, 2019);
        assert!(d.rect.x > x, "{d:?} starts right of its line's end at {x}");
        assert!(
            (d.rect.y + d.rect.h / 2.0 - y).abs() <= 14.0,
            "{d:?} beside its end at {y}"
        );
        assert!(d.rect.right() <= l.width, "{d:?} inside the chart");
        assert!(texts(e.marks()).contains(&d.text.as_str()));
    }
}

#[test]
fn names_that_would_overprint_are_dropped() {
    // Ten lines ending on the same value: at most the names that fit beside
    // one another, never two on top of each other.
    let series: Vec<String> = (0..10)
        .map(|i| format!(r#"{{"name": "线{i}", "points": [[2013, {i}], [2019, 5]]}}"#))
        .collect();
    let d = Rc::new(dataset_str(&format!(
        r#"{{"trend": {{"series": [{}]}}}}"#,
        series.join(", ")
    )));
    let e = trend_at(d, 640.0);
    let labels = &e.trend().expect("a trend").layout().labels;
    assert!(!labels.is_empty() && labels.len() < 10, "{labels:?}");
    for (k, a) in labels.iter().enumerate() {
        for b in labels.iter().skip(k + 1) {
            assert!(!overlaps(&a.rect, &b.rect), "{a:?} overprints {b:?}");
        }
    }
}

#[test]
fn beyond_the_legend_only_highlighted_lines_are_named_and_drawn_on_top() {
    let mut e = trend_at(counties(150), 900.0);
    let theme = e.theme().clone();
    assert!(e.trend().expect("a trend").layout().labels.is_empty());
    let said = apply(&mut e, Action::Highlight(37));
    assert!(said.marks && said.controls && said.announcement);
    assert_eq!(e.announcement(), "已突出显示 区县37");
    let l = e.trend().expect("a trend").layout();
    let names: Vec<&str> = l.labels.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(names, ["区县37"]);
    // The highlighted line is the last line drawn, in the accent colour; the
    // others are grey.
    let lines: Vec<_> = e
        .marks()
        .iter()
        .filter_map(|m| match m {
            Mark::Line { points, color, .. } if points.len() == 3 => Some(*color),
            _ => None,
        })
        .collect();
    assert_eq!(lines.len(), 150);
    assert_eq!(lines.last(), Some(&theme.highlight));
    assert!(lines.iter().rev().skip(1).all(|c| *c == theme.grid));
    // The highlight buttons list it, and send "highlight" to remove it.
    let buttons = e.controls().into_iter().find_map(|c| match c {
        Control::Legend {
            id: "highlight-toggle",
            items,
            ..
        } => Some(items),
        _ => None,
    });
    let items = buttons.expect("the highlight buttons");
    assert_eq!(items.len(), 1);
    assert_eq!((items[0].label.as_str(), items[0].index), ("区县37", 37));
    assert_eq!(
        items[0].action,
        heluo::Request::Highlight {
            series: "区县37".into()
        }
    );
    e.request(items[0].action.clone()).expect("a highlight");
    assert_eq!(e.announcement(), "已取消突出显示 区县37");
    assert!(e.trend().expect("a trend").layout().labels.is_empty());
}

#[test]
fn hovering_near_a_line_highlights_it_with_150_and_5000_lines() {
    for n in [150, 5000] {
        let mut e = trend_at(counties(n), 900.0);
        let theme = e.theme().clone();
        let k = n / 3;
        // At a point, and halfway between two points of the line.
        let (x0, y0) = point_of(&e, k, 2013);
        let (x1, y1) = point_of(&e, k, 2016);
        for (x, y, off) in [(x0, y0 + 2.0, 2.0), ((x0 + x1) / 2.0, (y0 + y1) / 2.0, 0.0)] {
            let changed = apply(&mut e, Action::Pointer(x, y));
            assert!(
                changed.overlay && !changed.marks,
                "hover redraws the overlay only"
            );
            let line = e.trend().expect("a trend").line().expect("a line");
            // The line found is at least as near as line k (with 5,000 lines
            // several are within a pixel).
            let ((a, ay), (b, by)) = (point_of(&e, line, 2013), point_of(&e, line, 2016));
            let at = ay + (x - a) / (b - a) * (by - ay);
            assert!(
                (at - y).abs() <= off + 1e-6,
                "{n} lines: at ({x}, {y}) line {line} is {at}, line {k} {off} px away"
            );
            let name = format!("区县{line}");
            let overlay = e.overlay();
            assert!(
                overlay.iter().any(
                    |m| matches!(m, Mark::Line { color, points, .. } if *color == theme.highlight && points.len() == 3)
                ),
                "the line in the accent colour"
            );
            assert!(
                texts(&overlay).contains(&name.as_str()),
                "its name at its end: {:?}",
                texts(&overlay)
            );
            let tip = e.tooltip().expect("a tooltip");
            assert_eq!(
                tip.rows.first().map(|r| r.label.as_str()),
                Some(name.as_str())
            );
        }
        // Far from every line: nothing highlighted, the year still read.
        let plot = e.trend().expect("a trend").layout().plot;
        apply(&mut e, Action::Pointer(x0, plot.y + 1.0));
        assert_eq!(e.trend().expect("a trend").line(), None);
        assert!(e.tooltip().is_some());
        apply(&mut e, Action::Leave);
        assert!(e.overlay().is_empty());
    }
}

#[test]
fn hovering_a_legend_entry_highlights_its_line() {
    let mut e = trend_at(luolong(), 640.0);
    let item = e.trend().expect("a trend").layout().legend[1].rect;
    apply(
        &mut e,
        Action::Pointer(item.x + item.w / 2.0, item.y + item.h / 2.0),
    );
    assert_eq!(e.trend().expect("a trend").line(), Some(1));
}

#[test]
fn search_finds_and_highlights_a_line_and_says_so_in_the_status() {
    let mut e = trend_at(counties(150), 900.0);
    let status = |e: &Engine| {
        e.controls()
            .into_iter()
            .find_map(|c| match c {
                Control::Search { status, button, .. } => Some((status, button)),
                _ => None,
            })
            .expect("a search box")
    };
    assert_eq!(status(&e).1, "突出显示");
    let changed = apply(&mut e, Action::Search("区县12".into()));
    assert!(changed.controls && !changed.marks);
    assert_eq!(status(&e).0, "找到 11 个", "区县12 and 区县120–129");
    apply(&mut e, Action::Search("没有这个".into()));
    assert_eq!(status(&e).0, "没有找到");
    apply(&mut e, Action::PinSearch("区县12".into()));
    assert_eq!(e.trend().expect("a trend").view().highlighted, [12]);
    assert_eq!(status(&e).0, "已突出显示 区县12");
    // Found again: it stays highlighted.
    apply(&mut e, Action::PinSearch("区县12".into()));
    assert_eq!(e.trend().expect("a trend").view().highlighted, [12]);
    // A few lines have a legend, not a search box.
    let few = trend_at(luolong(), 640.0);
    assert!(!few
        .controls()
        .iter()
        .any(|c| matches!(c, Control::Search { .. })));
    let more = trend_at(counties(MAX_LEGEND + 1), 640.0);
    assert!(more
        .controls()
        .iter()
        .any(|c| matches!(c, Control::Search { .. })));
}

#[test]
fn keys_step_through_lines_and_enter_keeps_one_highlighted() {
    let mut e = trend_at(counties(150), 900.0);
    let changed = apply(&mut e, Action::Key(Key::NextLine));
    assert!(changed.overlay && changed.announcement);
    assert_eq!(e.trend().expect("a trend").line(), Some(0));
    assert!(
        e.announcement().starts_with("区县0从2013年的")
            && e.announcement().ends_with("（第 1 条，共 150 条）"),
        "{}",
        e.announcement()
    );
    apply(&mut e, Action::Key(Key::PreviousLine));
    assert_eq!(
        e.trend().expect("a trend").line(),
        Some(0),
        "stays at the first"
    );
    apply(&mut e, Action::Key(Key::NextLine));
    apply(&mut e, Action::Key(Key::Select));
    assert_eq!(e.trend().expect("a trend").view().highlighted, [1]);
    assert_eq!(e.announcement(), "已突出显示 区县1");
    apply(&mut e, Action::Key(Key::Clear));
    assert_eq!(e.trend().expect("a trend").line(), None);

    // In English, in English words.
    let mut e = Engine::new(
        counties(150),
        &Options::new(ChartKind::Trend).width(900.0).lang(Lang::En),
    )
    .expect("a trend");
    apply(&mut e, Action::Key(Key::PreviousLine));
    assert!(
        e.announcement().ends_with("(line 150 of 150)"),
        "{}",
        e.announcement()
    );
    apply(&mut e, Action::Key(Key::Select));
    assert_eq!(e.announcement(), "Highlighted 区县149");
}

#[test]
fn the_description_of_many_lines_counts_them_and_names_the_highlighted_ones() {
    let mut e = trend_at(counties(5_000), 900.0);
    let before = e.frame().description;
    assert_eq!(
        before,
        "折线图，各区县贫困发生率。共 5000 条线：前 8 条着色，其余为灰色；悬停、查找或按 ↑ ↓ 键突出显示一条线。"
    );
    apply(&mut e, Action::Highlight(42));
    let after = e.frame().description;
    assert!(
        after.ends_with("；区县42从2013年的2.17%降至2019年的0.65%。"),
        "{after}"
    );
    // A few lines: a clause each, as before.
    let few = trend_at(counties(3), 900.0).frame().description;
    assert_eq!(few.matches("从2013年的").count(), 3, "{few}");
}

/// Point markers only where they can be told apart: a few lines, years a
/// marker's width apart. Highlighted lines keep theirs; hover reads every point.
#[test]
fn markers_only_where_they_do_not_touch() {
    let circles = |e: &Engine| {
        e.marks()
            .iter()
            .filter(|m| matches!(m, Mark::Circle { .. }))
            .count()
    };
    let few = Engine::new(counties(5), &Options::new(ChartKind::Trend).width(800.0)).unwrap();
    assert!(circles(&few) > 0, "5 lines keep their markers");
    let mut many =
        Engine::new(counties(150), &Options::new(ChartKind::Trend).width(800.0)).unwrap();
    assert_eq!(circles(&many), 0, "150 lines: no markers");
    apply(&mut many, Action::Highlight(3));
    assert!(circles(&many) > 0, "a highlighted line keeps its markers");
    // Hover still finds a value on every line's column.
    let (w, h) = many.size();
    apply(&mut many, Action::Pointer(w / 2.0, h / 2.0));
    assert!(many.tooltip().is_some());
}
