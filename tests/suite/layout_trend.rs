//! Trend layout: a true year axis, lines split at gaps, legend, hidden series and zoom.

use heluo::chart::trend::layout::trend_height;
use heluo::chart::trend::{TrendLayout, TrendView};
use heluo::dataset::Dataset;
use heluo::mark::{Align, Color, Mark, Rect};
use heluo::theme::LIGHT;

use crate::util::{dataset, dataset_str, fixture, luolong, national, texts, trend_layout};

const PALETTE: [Color; 8] = LIGHT.palette;
const GRID: Color = LIGHT.grid;
const AXIS: Color = LIGHT.axis;

fn series_color(i: usize) -> Color {
    LIGHT.palette_color(i)
}

fn layout(d: &Dataset, view: &TrendView, width: f64) -> TrendLayout {
    trend_layout(d, view, width)
}

/// The colour each legend label is drawn in, in legend order.
fn legend_label_colors(l: &TrendLayout) -> Vec<Color> {
    l.legend
        .iter()
        .map(|item| {
            l.marks
                .iter()
                .find_map(|m| match m {
                    Mark::Text(t) if *t.text == *item.label && t.size == 12.5 => Some(t.color),
                    _ => None,
                })
                .expect("a label for each legend item")
        })
        .collect()
}

fn lines_of(l: &TrendLayout, color: Color) -> Vec<Vec<(f64, f64)>> {
    l.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Line {
                points,
                color: c,
                width,
            } if *c == color && *width == 2.0 => Some(points.clone()),
            _ => None,
        })
        .collect()
}

fn circles_of(l: &TrendLayout, color: Color) -> Vec<(f64, f64)> {
    l.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Circle { cx, cy, fill, .. } if *fill == color => Some((*cx, *cy)),
            _ => None,
        })
        .collect()
}

fn rects(marks: &[Mark]) -> Vec<(Rect, Color)> {
    marks
        .iter()
        .filter_map(|m| match m {
            Mark::Rect { rect, fill } => Some((*rect, *fill)),
            _ => None,
        })
        .collect()
}

fn column_years(l: &TrendLayout) -> Vec<i32> {
    l.columns.iter().map(|c| c.year).collect()
}

fn column_x(l: &TrendLayout, year: i32) -> f64 {
    l.columns
        .iter()
        .find(|c| c.year == year)
        .unwrap_or_else(|| panic!("no column for {year}"))
        .x
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn all_finite(marks: &[Mark]) -> bool {
    marks.iter().all(|m| match m {
        Mark::Rect { rect, .. } | Mark::Shade { rect, .. } => [rect.x, rect.y, rect.w, rect.h]
            .iter()
            .all(|v| v.is_finite()),
        Mark::Line { points, .. } => points.iter().all(|(x, y)| x.is_finite() && y.is_finite()),
        Mark::Circle { cx, cy, r, .. } => cx.is_finite() && cy.is_finite() && r.is_finite(),
        Mark::Text(t) => t.x.is_finite() && t.y.is_finite(),
    })
}

#[test]
fn x_is_a_true_year_scale() {
    // 2013, 2014, then nothing until 2019: the gap is five years wide, not one step.
    let d = dataset_str(r#"{"trend": [[2013, 1], [2014, 2], [2019, 3]]}"#);
    let l = layout(&d, &TrendView::default(), 640.0);
    let one_year = column_x(&l, 2014) - column_x(&l, 2013);
    assert!(one_year > 0.0);
    assert!(close(
        column_x(&l, 2019) - column_x(&l, 2014),
        5.0 * one_year
    ));
    assert_eq!(l.x.domain, (2013.0, 2019.0));
}

#[test]
fn sparse_series_sits_on_the_shared_year_axis() {
    // 洛龙区 has only 2013 and 2019; 全国农村 has every year in between.
    let d = luolong();
    let l = layout(&d, &TrendView::default(), 640.0);
    let lines = lines_of(&l, series_color(0));
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert_eq!(
        line.len(),
        2,
        "2013 → 2019 is one segment; missing years are not gaps"
    );
    assert!(close(line[0].0, column_x(&l, 2013)));
    assert!(close(line[1].0, column_x(&l, 2019)));
    let one_year = column_x(&l, 2014) - column_x(&l, 2013);
    assert!(close(line[1].0 - line[0].0, 6.0 * one_year));
    // Points are placed by value on a zero-based y scale.
    assert!(close(line[0].1, l.y.map(3.12)));
    assert!(close(line[1].1, l.y.map(0.36)));
}

#[test]
fn axes_read_from_zero_with_percent_ticks_and_every_year() {
    let d = luolong();
    let l = layout(&d, &TrendView::default(), 640.0);
    assert_eq!(l.x.domain, (2012.0, 2019.0));
    assert_eq!(l.y.domain, (0.0, 12.0));
    assert_eq!(l.y.range, (l.plot.bottom(), l.plot.y), "y grows upward");
    let t = texts(&l.marks);
    for label in ["0%", "2%", "4%", "6%", "8%", "10%", "12%"] {
        assert!(t.contains(&label), "tick {label} missing from {t:?}");
    }
    for year in 2012..=2019 {
        assert!(
            t.contains(&year.to_string().as_str()),
            "year {year} missing"
        );
    }
    // The zero line is the axis colour, the others grid lines.
    let grid = l
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Line { color, .. } if *color == GRID))
        .count();
    assert_eq!(grid, 6);
}

#[test]
fn header_unit_and_credit() {
    let d = luolong();
    let l = layout(&d, &TrendView::default(), 640.0);
    let t = texts(&l.marks);
    assert_eq!(t[0], "贫困发生率", "the trend's own title comes first");
    assert_eq!(t[1], "单位：%");
    assert_eq!(*t.last().expect("texts"), "来源：东方今报；国家统计局");

    let en = dataset(&fixture("gaps.json"));
    let l = layout(&en, &TrendView::default(), 640.0);
    let t = texts(&l.marks);
    assert_eq!(t[0], "Poverty rate with missing years");
    assert_eq!(t[1], "Unit: %");
}

#[test]
fn title_falls_back_by_locale() {
    let zh = dataset_str(r#"{"trend": [[2013, 1], [2014, 2]]}"#);
    assert_eq!(
        texts(&layout(&zh, &TrendView::default(), 640.0).marks)[0],
        "趋势"
    );
    let en = dataset_str(r#"{"locale": "en", "trend": [[2013, 1], [2014, 2]]}"#);
    assert_eq!(
        texts(&layout(&en, &TrendView::default(), 640.0).marks)[0],
        "Trend"
    );
}

#[test]
fn ticks_without_percent_are_bare_numbers() {
    let d = dataset_str(r#"{"trend": {"unit": "户", "points": [[2013, 1465], [2019, 0]]}}"#);
    let l = layout(&d, &TrendView::default(), 640.0);
    let t = texts(&l.marks);
    assert!(t.contains(&"单位：户"));
    assert!(t.contains(&"1,400") && t.contains(&"1,600"), "{t:?}");
    assert!(!t.iter().any(|s| s.ends_with(" 户")), "{t:?}");
}

#[test]
fn lines_split_at_null_gaps() {
    let d = dataset(&fixture("gaps.json"));
    let l = layout(&d, &TrendView::default(), 640.0);
    let color = series_color(0);
    let lines = lines_of(&l, color);
    assert_eq!(lines.len(), 2, "2013–2014 and 2016–2017");
    assert_eq!(lines[0].len(), 2);
    assert_eq!(lines[1].len(), 2);
    assert!(close(lines[0][1].0, column_x(&l, 2014)));
    assert!(close(lines[1][0].0, column_x(&l, 2016)));
    assert_eq!(circles_of(&l, color).len(), 4);
    assert_eq!(column_years(&l), [2013, 2014, 2016, 2017]);
    // The gap year keeps its place on the axis.
    assert_eq!(l.x.domain, (2013.0, 2017.0));
}

#[test]
fn isolated_points_get_a_marker_but_no_line() {
    let d = dataset_str(
        r#"{"trend": [[2012, null], [2013, 1], [2014, null], [2015, 2], [2016, null], [2017, 3], [2018, 4], [2019, null]]}"#,
    );
    let l = layout(&d, &TrendView::default(), 640.0);
    let color = series_color(0);
    let lines = lines_of(&l, color);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].len(), 2);
    assert_eq!(circles_of(&l, color).len(), 4);
    assert_eq!(column_years(&l), [2013, 2015, 2017, 2018]);
    assert_eq!(
        l.x.domain,
        (2012.0, 2019.0),
        "null years still span the axis"
    );
}

#[test]
fn points_lie_inside_the_plot() {
    for d in [luolong(), national()] {
        let l = layout(&d, &TrendView::default(), 640.0);
        let p = l.plot;
        for c in &l.columns {
            for pt in &c.points {
                assert!(pt.x >= p.x && pt.x <= p.right(), "{pt:?} in {p:?}");
                assert!(pt.y >= p.y && pt.y <= p.bottom(), "{pt:?} in {p:?}");
                assert_eq!(pt.x, c.x);
            }
        }
    }
}

#[test]
fn legend_only_with_more_than_one_series() {
    let one = national();
    let l = layout(&one, &TrendView::default(), 640.0);
    assert!(l.legend.is_empty());
    assert!(rects(&l.marks).is_empty(), "no legend swatches");

    let two = luolong();
    let l = layout(&two, &TrendView::default(), 640.0);
    let labels: Vec<&str> = l.legend.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["洛龙区", "全国农村"]);
    assert_eq!(l.legend[0].color, PALETTE[0]);
    assert_eq!(l.legend[1].color, PALETTE[1]);
    let indices: Vec<usize> = l.legend.iter().map(|i| i.index).collect();
    assert_eq!(indices, [0, 1], "each item answers for its series");
    assert_eq!(
        legend_label_colors(&l),
        [LIGHT.ink, LIGHT.ink],
        "shown series have dark labels"
    );
    let swatches: Vec<Color> = rects(&l.marks).iter().map(|r| r.1).collect();
    assert_eq!(swatches, [PALETTE[0], PALETTE[1]]);
    // Legend items sit above the plot and do not overlap.
    assert!(l.legend[0].rect.right() <= l.legend[1].rect.x);
    assert!(l.legend.iter().all(|i| i.rect.bottom() <= l.plot.y));
}

#[test]
fn legend_wraps_on_a_narrow_chart() {
    let series: Vec<String> = (1..=6)
        .map(|i| format!(r#"{{"name": "第{i}个比较长的系列名称", "points": [[2013, {i}]]}}"#))
        .collect();
    let json = format!(r#"{{"trend": {{"series": [{}]}}}}"#, series.join(","));
    let d = dataset_str(&json);
    let l = layout(&d, &TrendView::default(), 320.0);
    assert_eq!(l.legend.len(), 6);
    let rows: std::collections::BTreeSet<i64> = l.legend.iter().map(|i| i.rect.y as i64).collect();
    assert!(rows.len() > 1, "expected several legend rows");
    assert!(l.legend.iter().all(|i| i.rect.right() <= 320.0));
    assert!(l.legend.iter().all(|i| i.rect.bottom() <= l.plot.y));
    // Colours cycle through the palette.
    assert_eq!(series_color(8), PALETTE[0]);
}

#[test]
fn hidden_series_are_left_out_and_y_rescales() {
    let d = luolong();
    let view = TrendView {
        hidden: vec![1],
        years: None,
        ..TrendView::default()
    };
    let l = layout(&d, &view, 640.0);
    assert!(lines_of(&l, series_color(1)).is_empty());
    assert!(circles_of(&l, series_color(1)).is_empty());
    assert_eq!(lines_of(&l, series_color(0)).len(), 1);
    assert_eq!(column_years(&l), [2013, 2019]);
    assert!(l.columns.iter().all(|c| c.points.len() == 1));
    // y now fits 洛龙区's 3.12% rather than the nation's 10.2%.
    assert_eq!(l.y.domain, (0.0, 3.5));
    // The x axis keeps every year, so unhiding does not move the lines.
    assert_eq!(l.x.domain, (2012.0, 2019.0));
    // The legend still lists the hidden series, greyed out.
    assert_eq!(l.legend.len(), 2);
    assert_eq!(legend_label_colors(&l), [LIGHT.ink, AXIS]);
    assert_eq!(
        l.legend[1].color, PALETTE[1],
        "its colour is kept for unhiding"
    );
    let swatches: Vec<Color> = rects(&l.marks).iter().map(|r| r.1).collect();
    assert_eq!(swatches, [PALETTE[0], GRID]);
    let label = l.marks.iter().find_map(|m| match m {
        Mark::Text(t) if &*t.text == "全国农村" => Some(t.color),
        _ => None,
    });
    assert_eq!(label, Some(AXIS));
}

#[test]
fn every_series_hidden() {
    let d = luolong();
    let view = TrendView {
        hidden: vec![0, 1],
        years: None,
        ..TrendView::default()
    };
    let l = layout(&d, &view, 640.0);
    assert!(l.columns.is_empty());
    assert!(lines_of(&l, series_color(0)).is_empty());
    assert_eq!(l.legend.len(), 2);
    assert!(all_finite(&l.marks));
    assert!(l.y.domain.0 < l.y.domain.1);
}

#[test]
fn zoom_to_a_year_range() {
    let d = luolong();
    let view = TrendView {
        hidden: Vec::new(),
        years: Some((2014, 2017)),
        ..TrendView::default()
    };
    let l = layout(&d, &view, 640.0);
    assert_eq!(l.x.domain, (2014.0, 2017.0));
    assert_eq!(column_years(&l), [2014, 2015, 2016, 2017]);
    assert!(
        lines_of(&l, series_color(0)).is_empty(),
        "洛龙区 has no point in 2014–2017"
    );
    let national = lines_of(&l, series_color(1));
    assert_eq!(national.len(), 1);
    assert_eq!(national[0].len(), 4);
    // y fits the visible 7.2% at most.
    assert_eq!(l.y.domain, (0.0, 8.0));
    let t = texts(&l.marks);
    assert!(t.contains(&"2014") && t.contains(&"2017"));
    assert!(!t.contains(&"2013") && !t.contains(&"2018"));
    // The 2015 annotation is inside the range and stays.
    assert_eq!(l.annotations.len(), 1);
    assert_eq!(l.annotations[0].label, "打赢脱贫攻坚战的决定");
}

#[test]
fn zoom_drops_annotations_outside_the_range() {
    let d = luolong();
    let view = TrendView {
        hidden: Vec::new(),
        years: Some((2016, 2019)),
        ..TrendView::default()
    };
    let l = layout(&d, &view, 640.0);
    assert!(l.annotations.is_empty());
    assert!(!texts(&l.marks).contains(&"打赢脱贫攻坚战的决定"));
}

#[test]
fn zoom_is_clamped_to_the_data() {
    let d = luolong();
    let wide = TrendView {
        hidden: Vec::new(),
        years: Some((1990, 2030)),
        ..TrendView::default()
    };
    assert_eq!(layout(&d, &wide, 640.0).x.domain, (2012.0, 2019.0));

    let outside = TrendView {
        hidden: Vec::new(),
        years: Some((2030, 2040)),
        ..TrendView::default()
    };
    let l = layout(&d, &outside, 640.0);
    assert_eq!(column_years(&l), [2019]);
    assert!(all_finite(&l.marks));

    let reversed = TrendView {
        hidden: Vec::new(),
        years: Some((2017, 2014)),
        ..TrendView::default()
    };
    let l = layout(&d, &reversed, 640.0);
    assert!(all_finite(&l.marks));
    assert!(l.columns.len() <= 1);
}

#[test]
fn annotations_outside_the_data_are_listed_under_the_chart_not_on_the_axis() {
    // Issue 20: a 2090 annotation made 2013–2019 a sliver. Annotations
    // before or after the data's years are listed under the chart, in year
    // order with those that had no room; the axis spans the data only.
    let d = dataset_str(
        r#"{"locale": "zh-CN", "trend": {"points": [[2013, 1], [2015, 2], [2019, 3]], "annotations": [
            {"year": 2090, "label": "未来"}, {"year": 2015, "label": "决定"}, {"year": 2010, "label": "起点"}]}}"#,
    );
    let l = layout(&d, &TrendView::default(), 640.0);
    assert_eq!(l.x.domain, (2013.0, 2019.0));
    assert_eq!(l.years, (2013, 2019));
    // Only the annotation inside the data's years is drawn on the plot.
    let years: Vec<i32> = l.annotations.iter().map(|a| a.year).collect();
    assert_eq!(years, [2015]);
    assert!(l.annotations[0].rect.bottom() <= l.plot.y);
    let t = texts(&l.marks);
    assert!(t.contains(&"决定"), "{t:?}");
    assert!(!t.contains(&"未来") && !t.contains(&"起点"), "{t:?}");
    let note = "未标出的注释：2010年：起点；2090年：未来";
    assert!(t.contains(&note), "{t:?}");
    // The note is inside the chart, below the plot.
    let y = l
        .marks
        .iter()
        .find_map(|m| match m {
            Mark::Text(t) if &*t.text == note => Some(t.y),
            _ => None,
        })
        .expect("the note");
    assert!(y > l.plot.bottom() && y < l.height, "{y} in {}", l.height);
    // Zoomed in, the far annotations are still listed (they are never on the axis).
    let zoomed = TrendView {
        years: Some((2016, 2019)),
        ..TrendView::default()
    };
    let l = layout(&d, &zoomed, 640.0);
    assert_eq!(l.x.domain, (2016.0, 2019.0));
    assert!(texts(&l.marks).contains(&note));
    // In English too.
    let en = dataset_str(
        r#"{"locale": "en", "trend": {"points": [[2013, 1], [2019, 3]], "annotations": [{"year": 2090, "label": "future"}]}}"#,
    );
    let l = layout(&en, &TrendView::default(), 640.0);
    assert_eq!(l.x.domain, (2013.0, 2019.0));
    assert!(
        texts(&l.marks).contains(&"Annotations not shown: 2090: future"),
        "{:?}",
        texts(&l.marks)
    );
}

#[test]
fn an_annotation_inside_the_data_years_is_drawn_between_points() {
    // 2015 has no point but lies within 2013–2019: drawn at its place.
    let d = dataset_str(
        r#"{"trend": {"points": [[2013, 1], [2019, 2]], "annotations": [{"year": 2015, "label": "中间"}]}}"#,
    );
    let l = layout(&d, &TrendView::default(), 640.0);
    assert_eq!(l.x.domain, (2013.0, 2019.0));
    assert_eq!(l.annotations.len(), 1);
    assert!(close(l.annotations[0].x, l.x.map(2015.0).round()));
    assert!(!texts(&l.marks).iter().any(|t| t.contains("未标出")));
}

#[test]
fn a_single_point_is_centred() {
    let d = dataset_str(r#"{"trend": [[2013, 3.12]]}"#);
    let l = layout(&d, &TrendView::default(), 640.0);
    assert!(lines_of(&l, series_color(0)).is_empty());
    assert_eq!(circles_of(&l, series_color(0)).len(), 1);
    assert_eq!(column_years(&l), [2013]);
    let mid = (l.x.range.0 + l.x.range.1) / 2.0;
    assert!(close(l.columns[0].x, mid));
    assert!(texts(&l.marks).contains(&"2013"));
}

#[test]
fn negative_values_extend_y_below_zero() {
    let d = dataset_str(r#"{"trend": [[2013, -2.5], [2014, 4]]}"#);
    let l = layout(&d, &TrendView::default(), 640.0);
    assert!(l.y.domain.0 <= -2.5 && l.y.domain.1 >= 4.0);
    let zero_line = l.marks.iter().any(|m| {
        matches!(m, Mark::Line { points, color, .. }
            if *color == AXIS && points.len() == 2 && points[0].1 == points[1].1
                && close(points[0].1, l.y.map(0.0).round()))
    });
    assert!(zero_line, "the zero line is drawn in the axis colour");
}

#[test]
fn height_follows_width_within_bounds() {
    assert_eq!(trend_height(640.0), 384.0);
    assert_eq!(trend_height(200.0), 280.0);
    assert_eq!(trend_height(2000.0), 440.0);
    let d = luolong();
    assert_eq!(layout(&d, &TrendView::default(), 640.0).height, 384.0);
}

#[test]
fn degenerate_widths_do_not_panic() {
    let d = luolong();
    for width in [
        1.0,
        0.0,
        -50.0,
        f64::NAN,
        f64::INFINITY,
        0.5,
        40.0,
        100_000.0,
    ] {
        let l = layout(&d, &TrendView::default(), width);
        assert!(l.width >= 1.0 && l.width.is_finite(), "{width}");
        assert!(l.height.is_finite(), "{width}");
        assert!(l.plot.w >= 1.0 && l.plot.h >= 1.0, "{width}: {:?}", l.plot);
        assert!(all_finite(&l.marks), "{width}");
        assert_eq!(l.columns.len(), 8, "{width}");
    }
}

#[test]
fn year_labels_are_centred_under_their_points() {
    let d = luolong();
    let l = layout(&d, &TrendView::default(), 640.0);
    for m in &l.marks {
        if let Mark::Text(t) = m {
            if let Ok(year) = t.text.parse::<i32>() {
                if (2012..=2019).contains(&year) {
                    assert_eq!(t.align, Align::Center);
                    assert!((t.x - column_x(&l, year)).abs() <= 0.5, "{year}");
                    assert!(t.y >= l.plot.bottom());
                }
            }
        }
    }
}
