//! Ranking layout: sort order, the top-N cut, left-out villages and degenerate sizes.

use heluo::chart::ranking::layout::group_color;
use heluo::chart::ranking::{groups, ranked, RankingLayout, RankingView, DEFAULT_TOP, ROW_HEIGHT};
use heluo::dataset::Dataset;
use heluo::mark::{Align, Color, Mark};
use heluo::theme::LIGHT;

use crate::util::{
    dataset, dataset_str, fixture, luolong, many_villages, ranking_layout, texts, zh_all_shown,
};

const PALETTE: [Color; 8] = LIGHT.palette;
const GRID: Color = LIGHT.grid;
const AXIS: Color = LIGHT.axis;
const HIGHLIGHT: Color = LIGHT.highlight;
const INK: Color = LIGHT.ink;

fn layout(d: &Dataset, view: &RankingView, width: f64) -> RankingLayout {
    ranking_layout(d, view, width)
}

fn default_view(d: &Dataset) -> RankingView {
    RankingView::new(d.ranking.as_ref().expect("a ranking"))
}

fn names(d: &Dataset, l: &RankingLayout) -> Vec<String> {
    let ranking = d.ranking.as_ref().expect("a ranking");
    l.bars
        .iter()
        .map(|b| ranking.villages[b.village].name.clone())
        .collect()
}

/// The fill of each bar, top to bottom.
fn bar_fills(l: &RankingLayout) -> Vec<Color> {
    l.bars
        .iter()
        .map(|b| {
            assert!(
                b.marks.contains(&b.bar_mark),
                "the bar's mark is one of its row's"
            );
            match &l.marks[b.bar_mark] {
                Mark::Rect { rect, fill } if *rect == b.rect => *fill,
                other => panic!("bar {} is drawn as {other:?}", b.rank),
            }
        })
        .collect()
}

fn assert_bars_inside(l: &RankingLayout) {
    let p = l.plot;
    for b in &l.bars {
        assert!(
            b.rect.x >= p.x - 1e-9 && b.rect.right() <= p.right() + 1e-9,
            "{b:?} outside {p:?}"
        );
        assert!(
            b.rect.y >= p.y && b.rect.bottom() <= p.bottom() + 1e-9,
            "{b:?} outside {p:?}"
        );
        assert!(b.rect.w >= 1.0, "every bar shows at least a sliver");
    }
}

#[test]
fn bars_sorted_descending() {
    let d = luolong();
    let l = layout(&d, &default_view(&d), 640.0);
    assert_eq!(
        names(&d, &l),
        [
            "王屯村",
            "夏庄村",
            "皂角树村",
            "大西村",
            "溢坡村",
            "王山村",
            "分金沟村"
        ]
    );
    let values: Vec<f64> = l.bars.iter().map(|b| b.value).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    let ranks: Vec<usize> = l.bars.iter().map(|b| b.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(l.bars[0].label, "200,000 元");
    assert_eq!(l.bars[6].label, "35,000 元");
    assert_eq!((l.hidden, l.left_out), (0, 0));
}

#[test]
fn bar_lengths_are_proportional_from_zero() {
    let d = luolong();
    let l = layout(&d, &default_view(&d), 640.0);
    assert_eq!(l.x.domain, (0.0, 200_000.0));
    for b in &l.bars {
        assert!((b.rect.x - l.plot.x).abs() < 1e-9, "bars start at zero");
    }
    assert!((l.bars[0].rect.right() - l.plot.right()).abs() < 1e-9);
    let ratio = l.bars[1].rect.w / l.bars[0].rect.w;
    assert!((ratio - 168.0 / 200.0).abs() < 1e-9, "{ratio}");
    assert_bars_inside(&l);
}

#[test]
fn rows_are_stacked_one_row_height_apart() {
    let d = luolong();
    let l = layout(&d, &default_view(&d), 640.0);
    assert_eq!(l.plot.h, 7.0 * ROW_HEIGHT);
    assert_eq!(
        (l.rows.start, l.rows.step, l.rows.count),
        (l.plot.y, ROW_HEIGHT, 7)
    );
    for (i, b) in l.bars.iter().enumerate() {
        assert_eq!(b.row.y, l.plot.y + i as f64 * ROW_HEIGHT);
        assert_eq!(b.row.y, l.rows.top(i), "the band scale places row {i}");
        assert_eq!(b.row.h, ROW_HEIGHT);
        assert!((b.rect.y + b.rect.h / 2.0 - (b.row.y + ROW_HEIGHT / 2.0)).abs() < 1e-9);
    }
}

#[test]
fn header_and_row_texts() {
    let d = luolong();
    let l = layout(&d, &default_view(&d), 640.0);
    let t = texts(&l.marks);
    assert_eq!(t[0], "村集体经济");
    assert_eq!(t[1], format!("村集体经济收入（元） · {}", zh_all_shown(7)));
    // Each named group has a shape as well as a colour, in the legend and
    // beside its bars (WCAG 1.4.1); villages without a group have none.
    assert_eq!(
        &t[2..7],
        ["●", "科技园街道", "▲", "李楼镇", "未分组"],
        "the group legend"
    );
    assert_eq!(&t[7..12], ["1", "●", "王屯村", "200,000 元", "2"]);
    assert_eq!(*t.last().expect("texts"), "来源：东方今报；国家统计局");
    let bars = l
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Rect { rect, .. } if rect.h == 16.0))
        .count();
    assert_eq!(bars, 7);
    // Each bar's marks: rank, the group's shape (grouped villages only), name, bar, value.
    let d_ranking = d.ranking.as_ref().expect("ranking");
    for b in &l.bars {
        let grouped = d_ranking.villages[b.village].group.is_some();
        assert_eq!(b.marks.len(), if grouped { 5 } else { 4 }, "{b:?}");
    }
    // Rank numbers and value labels are secondary text, names primary; the
    // shape takes its group's colour.
    let colors: Vec<Color> = l.marks[l.bars[0].marks.clone()]
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) => Some(t.color),
            _ => None,
        })
        .collect();
    assert_eq!(colors, [LIGHT.muted, PALETTE[1], INK, LIGHT.muted]);
}

#[test]
fn groups_in_order_of_appearance_with_no_group_last() {
    let d = luolong();
    let ranking = d.ranking.as_ref().expect("ranking");
    assert_eq!(groups(ranking), ["科技园街道", "李楼镇", ""]);
    let g = groups(ranking);
    assert_eq!(group_color(&LIGHT, &g, 0), PALETTE[1]);
    assert_eq!(group_color(&LIGHT, &g, 1), PALETTE[2]);
    assert_eq!(
        group_color(&LIGHT, &g, 2),
        LIGHT.no_group,
        "no group is grey"
    );
    let Color(r, gr, b) = LIGHT.no_group;
    assert!(
        r.abs_diff(gr) < 12 && gr.abs_diff(b) < 12,
        "a grey: {:?}",
        LIGHT.no_group
    );

    let l = layout(&d, &default_view(&d), 640.0);
    let legend: Vec<(&str, &str)> = l
        .legend
        .iter()
        .map(|i| (l.groups[i.index].as_str(), i.label.as_str()))
        .collect();
    assert_eq!(
        legend,
        [
            ("科技园街道", "科技园街道"),
            ("李楼镇", "李楼镇"),
            ("", "未分组")
        ]
    );
    assert!(l.legend.iter().all(|i| i.rect.bottom() <= l.plot.y));
    // Bars take their group's colour.
    assert_eq!(
        l.groups, g,
        "the layout carries the groups its legend stands for"
    );
    let grey = group_color(&LIGHT, &g, 2);
    assert_eq!(
        bar_fills(&l),
        [PALETTE[1], PALETTE[2], grey, grey, PALETTE[1], grey, grey]
    );
}

#[test]
fn no_groups_no_legend_one_colour() {
    let d = dataset_str(
        r#"{"locale": "en", "ranking": {"metrics": [{"key": "v"}], "villages": [
            {"name": "A", "values": {"v": 2}}, {"name": "B", "values": {"v": 1}}]}}"#,
    );
    assert!(groups(d.ranking.as_ref().expect("ranking")).is_empty());
    let l = layout(&d, &default_view(&d), 640.0);
    assert!(l.legend.is_empty());
    assert_eq!(bar_fills(&l), [PALETTE[1], PALETTE[1]]);

    let en = dataset(&fixture("ranking_only.json"));
    let l = layout(&en, &default_view(&en), 640.0);
    let labels: Vec<&str> = l.legend.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["Tech Park", "Lilou", "No group"]);
}

#[test]
fn group_filter_ranks_within_the_group() {
    let d = luolong();
    let view = RankingView {
        group: Some("科技园街道".into()),
        ..default_view(&d)
    };
    let l = layout(&d, &view, 640.0);
    assert_eq!(names(&d, &l), ["王屯村", "溢坡村"]);
    let ranks: Vec<usize> = l.bars.iter().map(|b| b.rank).collect();
    assert_eq!(ranks, [1, 2]);
    assert_eq!((l.hidden, l.left_out), (0, 0));
    let t = texts(&l.marks);
    assert_eq!(t[1], format!("村集体经济收入（元） · {}", zh_all_shown(2)));
    // Every group stays in the legend; the others are dimmed, the chosen one bold.
    assert_eq!(l.legend.len(), 3);
    // Named groups' shapes are text marks; the no-group swatch a square.
    let swatches: Vec<Color> = l
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Rect { rect, fill } if rect.w == 11.0 => Some(*fill),
            Mark::Text(t)
                if t.size == 12.0
                    && heluo::chart::ranking::layout::GROUP_SYMBOLS.contains(&&*t.text) =>
            {
                Some(t.color)
            }
            _ => None,
        })
        .collect();
    assert_eq!(swatches, [PALETTE[1], GRID, GRID]);
    let bold: Vec<&str> = l
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) if t.bold && t.size == 12.5 => Some(&*t.text),
            _ => None,
        })
        .collect();
    assert_eq!(bold, ["科技园街道"]);

    let ungrouped = RankingView {
        group: Some(String::new()),
        ..default_view(&d)
    };
    let l = layout(&d, &ungrouped, 640.0);
    assert_eq!(names(&d, &l), ["皂角树村", "大西村", "王山村", "分金沟村"]);
}

#[test]
fn group_filter_counts_left_out_within_the_group() {
    let d = luolong();
    let view = RankingView {
        metric: 1,
        group: Some(String::new()),
        ..default_view(&d)
    };
    let l = layout(&d, &view, 640.0);
    assert_eq!(names(&d, &l), ["皂角树村"]);
    assert_eq!(
        l.left_out, 3,
        "大西村, 王山村 and 分金沟村 have no dividend"
    );
    assert!(texts(&l.marks).contains(&"另有 3 个村无“户均分红”数据，未列入排名"));
}

#[test]
fn a_pinned_village_beyond_the_top_15_is_shown_with_its_rank() {
    let d = many_villages(40, 0);
    let view = RankingView {
        pinned: vec![4], // 村05: 5,000 元, 36th of 40
        ..default_view(&d)
    };
    let l = layout(&d, &view, 640.0);
    assert_eq!(l.bars.len(), 16);
    assert_eq!(l.hidden, 24);
    let pinned = &l.bars[15];
    assert_eq!(names(&d, &l)[15], "村05");
    assert_eq!((pinned.rank, pinned.pinned), (36, true));
    assert_eq!(pinned.label, "5,000 元 · 第 36 名");
    assert_eq!(
        pinned.row.y,
        l.plot.y + 15.0 * ROW_HEIGHT,
        "a row after the top 15"
    );
    assert_eq!(bar_fills(&l)[15], HIGHLIGHT);
    assert!(l.bars[..15].iter().all(|b| !b.pinned));
    let t = texts(&l.marks);
    assert_eq!(t[1], "（元） · 前 15 名，共 40 个村");
    assert!(t.contains(&"36"));
    // The pinned row: a tinted background, bold dark texts, the group's shape.
    assert_eq!(pinned.marks.len(), 6);
    let bold = l.marks[pinned.marks.clone()]
        .iter()
        .filter(|m| matches!(m, Mark::Text(t) if t.bold && t.color == INK))
        .count();
    assert_eq!(bold, 3);
    assert_bars_inside(&l);
}

#[test]
fn a_pinned_village_in_the_top_15_keeps_its_place() {
    let d = many_villages(40, 0);
    let view = RankingView {
        pinned: vec![39], // 村40, first
        ..default_view(&d)
    };
    let l = layout(&d, &view, 640.0);
    assert_eq!(l.bars.len(), 15);
    assert!(l.bars[0].pinned);
    assert_eq!(l.bars[0].label, "40,000 元 · 第 1 名");
    let en = dataset(&fixture("ranking_only.json"));
    let view = RankingView {
        pinned: vec![0],
        ..default_view(&en)
    };
    let l = layout(&en, &view, 640.0);
    assert_eq!(l.bars[1].label, "200,000 元 · #2");
}

#[test]
fn top_15_by_default_with_a_hidden_count() {
    let d = many_villages(40, 0);
    let l = layout(&d, &default_view(&d), 640.0);
    assert_eq!(DEFAULT_TOP, 15);
    assert_eq!(l.bars.len(), 15);
    assert_eq!(l.hidden, 25);
    assert_eq!(l.left_out, 0);
    assert_eq!(names(&d, &l)[0], "村40");
    assert_eq!(names(&d, &l)[14], "村26");
    let t = texts(&l.marks);
    assert_eq!(
        t[0], "村集体经济收入",
        "no ranking title: the metric is the title"
    );
    assert_eq!(t[1], "（元） · 前 15 名，共 40 个村");
    assert_bars_inside(&l);
}

#[test]
fn show_all_lists_every_village() {
    let d = many_villages(40, 0);
    let top = layout(&d, &default_view(&d), 640.0);
    let view = RankingView {
        show_all: true,
        ..default_view(&d)
    };
    let all = layout(&d, &view, 640.0);
    assert_eq!(all.bars.len(), 40);
    assert_eq!(all.hidden, 0);
    assert_eq!(all.bars[39].rank, 40);
    assert_eq!(
        texts(&all.marks)[1],
        format!("（元） · {}", zh_all_shown(40))
    );
    assert_eq!(all.height - top.height, 25.0 * ROW_HEIGHT);
    assert_bars_inside(&all);
}

#[test]
fn villages_without_a_value_are_left_out_with_a_footnote() {
    let d = many_villages(40, 3);
    let l = layout(&d, &default_view(&d), 640.0);
    assert_eq!((l.bars.len(), l.hidden, l.left_out), (15, 25, 3));
    let t = texts(&l.marks);
    assert_eq!(t[1], "（元） · 前 15 名，共 40 个村");
    let n = t.len();
    assert_eq!(
        &t[n - 2..],
        [
            "另有 3 个村无“村集体经济收入”数据，未列入排名",
            "来源：测试"
        ]
    );
    // Footnotes sit below the bars.
    let footnote_y = l.marks.iter().find_map(|m| match m {
        Mark::Text(t) if t.text.starts_with("另有") => Some(t.y),
        _ => None,
    });
    assert!(footnote_y.expect("footnote") >= l.plot.bottom());
}

#[test]
fn left_out_for_the_sample_second_metric() {
    let d = luolong();
    let view = RankingView {
        metric: 1,
        ..default_view(&d)
    };
    let l = layout(&d, &view, 640.0);
    assert_eq!(names(&d, &l), ["王屯村", "夏庄村", "皂角树村", "溢坡村"]);
    assert_eq!(l.left_out, 3);
    let t = texts(&l.marks);
    assert_eq!(t[1], format!("户均分红（元） · {}", zh_all_shown(4)));
    assert!(
        t.contains(&"另有 3 个村无“户均分红”数据，未列入排名"),
        "{t:?}"
    );
}

#[test]
fn english_footnote_credit_and_whole_yuan() {
    let d = dataset(&fixture("ranking_only.json"));
    let l = layout(&d, &default_view(&d), 640.0);
    let labels: Vec<&str> = l.bars.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        ["1,253,000 元", "200,000 元", "168,000 元", "91,000 元"]
    );
    let view = RankingView {
        metric: 1,
        ..default_view(&d)
    };
    let l = layout(&d, &view, 640.0);
    let t = texts(&l.marks);
    let n = t.len();
    assert_eq!(
        &t[n - 2..],
        [
            "2 villages have no value for “Dividend per household” and are not ranked",
            "Source: County office"
        ]
    );
}

#[test]
fn english_subtitle_has_no_leading_space() {
    let d = dataset(&fixture("ranking_only.json"));
    let l = layout(&d, &default_view(&d), 640.0);
    assert_eq!(texts(&l.marks)[1], "(元) · 4 villages");
}

#[test]
fn ascending_order() {
    let d = luolong();
    let view = RankingView {
        descending: false,
        ..default_view(&d)
    };
    let l = layout(&d, &view, 640.0);
    assert_eq!(names(&d, &l)[0], "分金沟村");
    assert_eq!(names(&d, &l)[6], "王屯村");
    assert_eq!(l.bars[0].rank, 1);
}

#[test]
fn ties_keep_the_dataset_order() {
    let d = dataset_str(
        r#"{"ranking": {"metrics": [{"key": "v"}], "villages": [
            {"name": "甲", "values": {"v": 5}}, {"name": "乙", "values": {"v": 9}},
            {"name": "丙", "values": {"v": 5}}, {"name": "丁", "values": {"v": 5}}]}}"#,
    );
    let ranking = d.ranking.as_ref().expect("ranking");
    let (rows, left_out) = ranked(ranking, &RankingView::new(ranking));
    assert_eq!(rows, [(1, 9.0), (0, 5.0), (2, 5.0), (3, 5.0)]);
    assert_eq!(left_out, 0);
    let asc = RankingView {
        descending: false,
        ..RankingView::new(ranking)
    };
    let (rows, _) = ranked(ranking, &asc);
    assert_eq!(rows, [(0, 5.0), (2, 5.0), (3, 5.0), (1, 9.0)]);
}

#[test]
fn negative_values_grow_left_of_zero() {
    let d = dataset_str(
        r#"{"ranking": {"metrics": [{"key": "change", "unit": "元"}], "villages": [
            {"name": "甲", "values": {"change": 3000}}, {"name": "乙", "values": {"change": -1000}},
            {"name": "丙", "values": {"change": 0}}]}}"#,
    );
    let l = layout(&d, &default_view(&d), 640.0);
    assert_eq!(l.x.domain, (-1000.0, 3000.0));
    let zero = l.x.map(0.0);
    let negative = l.bars.iter().find(|b| b.value < 0.0).expect("negative bar");
    assert!((negative.rect.right() - zero).abs() < 1e-9);
    assert_eq!(negative.label, "-1,000 元");
    let label_align = l.marks.iter().find_map(|m| match m {
        Mark::Text(t) if &*t.text == "-1,000 元" => Some(t.align),
        _ => None,
    });
    assert_eq!(
        label_align,
        Some(Align::Right),
        "negative labels sit left of the bar"
    );
    let zero_bar = l.bars.iter().find(|b| b.value == 0.0).expect("zero bar");
    assert_eq!(zero_bar.rect.w, 1.0);
    let zero_line = l.marks.iter().any(|m| {
        matches!(m, Mark::Line { points, color, .. } if *color == AXIS && points[0].0 == zero.round())
    });
    assert!(zero_line);
    assert_bars_inside(&l);
}

#[test]
fn all_zero_values_still_draw_slivers() {
    let d = dataset_str(
        r#"{"ranking": {"metrics": [{"key": "v"}], "villages": [
            {"name": "甲", "values": {"v": 0}}, {"name": "乙", "values": {"v": 0}}]}}"#,
    );
    let l = layout(&d, &default_view(&d), 640.0);
    assert_eq!(l.bars.len(), 2);
    assert!(l
        .bars
        .iter()
        .all(|b| b.rect.w == 1.0 && b.rect.x.is_finite()));
    assert_bars_inside(&l);
}

#[test]
fn a_metric_nobody_has() {
    let d = dataset_str(
        r#"{"ranking": {"metrics": [{"key": "a", "label": "甲"}, {"key": "b", "label": "乙"}], "villages": [
            {"name": "一村", "values": {"a": 1}}, {"name": "二村", "values": {"a": 2, "b": null}}]}}"#,
    );
    let view = RankingView {
        metric: 1,
        ..default_view(&d)
    };
    let l = layout(&d, &view, 640.0);
    assert!(l.bars.is_empty());
    assert_eq!(l.left_out, 2);
    assert!(l.height.is_finite() && l.height > 0.0);
    let t = texts(&l.marks);
    assert!(t.contains(&"另有 2 个村无“乙”数据，未列入排名"), "{t:?}");
}

#[test]
fn a_metric_index_out_of_range_does_not_panic() {
    let d = luolong();
    let view = RankingView {
        metric: 9,
        ..default_view(&d)
    };
    let l = layout(&d, &view, 640.0);
    assert!(l.bars.is_empty());
    assert_eq!(l.left_out, 7);
}

#[test]
fn long_names_are_cut() {
    let long = "很长很长很长很长很长很长很长很长很长很长的村名";
    let json = format!(
        r#"{{"ranking": {{"metrics": [{{"key": "v"}}], "villages": [{{"name": "{long}", "values": {{"v": 1}}}}]}}}}"#
    );
    let d = dataset_str(&json);
    let l = layout(&d, &default_view(&d), 640.0);
    let name = texts(&l.marks)
        .into_iter()
        .find(|t| t.starts_with("很长"))
        .expect("the name");
    assert!(name.ends_with('…'), "{name}");
    assert!(name.chars().count() < long.chars().count());
}

#[test]
fn degenerate_widths_do_not_panic() {
    let d = many_villages(20, 2);
    for width in [1.0, 0.0, -1.0, f64::NAN, f64::INFINITY, 10.0, 100_000.0] {
        let l = layout(&d, &default_view(&d), width);
        assert!(l.width >= 1.0 && l.width.is_finite(), "{width}");
        assert!(l.height.is_finite() && l.height > 0.0, "{width}");
        assert_eq!(l.bars.len(), 15, "{width}");
        assert!(l.plot.w >= 1.0, "{width}");
        for b in &l.bars {
            assert!(
                [b.rect.x, b.rect.y, b.rect.w, b.rect.h]
                    .iter()
                    .all(|v| v.is_finite()),
                "{width}: {b:?}"
            );
        }
        assert_bars_inside(&l);
    }
}

#[test]
fn english_counts_are_singular_for_one() {
    let d = heluo::parse(
        br#"{"locale": "en", "ranking": {"metrics": [{"key": "a", "label": "Income"}],
            "villages": [{"name": "X", "values": {"a": 1}}, {"name": "Y", "values": {}}]}}"#,
    )
    .expect("valid");
    let l = layout(&d, &default_view(&d), 640.0);
    let texts = texts(&l.marks);
    assert!(texts.contains(&"1 village"), "{texts:?}");
    assert!(
        texts.contains(&"1 village has no value for “Income” and is not ranked"),
        "{texts:?}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 300, ..Default::default() })]

    /// The top N found by selection (`top_rows`) are the first N of the full
    /// sort, and a pinned village further down gets its rank in the full sort:
    /// with ties, missing values, a group filter, either direction.
    #[test]
    fn the_top_n_by_selection_agree_with_the_full_sort(
        values in proptest::collection::vec(proptest::option::of(0i32..20), 1..80),
        top in 1usize..30,
        pins in proptest::collection::vec(0usize..80, 0..4),
        descending in proptest::bool::ANY,
        show_all in proptest::bool::ANY,
        filter in proptest::bool::ANY,
    ) {
        let villages: Vec<serde_json::Value> = values
            .iter()
            .enumerate()
            .map(|(i, v)| serde_json::json!({
                "name": format!("村{i}"),
                "group": if i % 3 == 0 { "甲镇" } else { "乙镇" },
                "values": { "income": v },
            }))
            .collect();
        let json = serde_json::json!({"ranking": {"metrics": [{"key": "income"}], "villages": villages}});
        let d = crate::util::dataset_str(&json.to_string());
        let Some(ranking) = d.ranking.as_ref() else { panic!("a ranking") };
        let mut view = RankingView::new(ranking);
        view.top = top;
        view.descending = descending;
        view.show_all = show_all;
        view.pinned = pins.into_iter().filter(|&p| p < values.len()).collect();
        if filter {
            view.group = Some("乙镇".into());
        }
        let (all, left_out) = ranked(ranking, &view);
        let shown = if show_all { all.len() } else { all.len().min(top) };
        // Competition ranks: one more than the villages with a better value.
        let better = |x: f64| all.iter().filter(|&&(_, y)| if descending { y > x } else { y < x }).count();
        let mut expected: Vec<(usize, usize, f64)> = all
            .iter()
            .enumerate()
            .filter(|(r, (v, _))| *r < shown || view.is_pinned(*v))
            .map(|(_, &(v, x))| (better(x) + 1, v, x))
            .collect();
        let (got, total, got_left_out) = heluo::chart::ranking::layout::top_rows(ranking, &view);
        let mut got: Vec<(usize, usize, f64)> = got.iter().map(|r| (r.rank, r.village, r.value)).collect();
        expected.sort_by_key(|row| (row.0, row.1));
        got.sort_by_key(|row| (row.0, row.1));
        proptest::prop_assert_eq!(got, expected);
        proptest::prop_assert_eq!(total, all.len());
        proptest::prop_assert_eq!(got_left_out, left_out);
        // The table's first rows, by the same selection.
        let (first, with_value, left) = heluo::chart::ranking::layout::top_k(ranking, &view, top);
        proptest::prop_assert_eq!(&first[..], &all[..top.min(all.len())]);
        proptest::prop_assert_eq!((with_value, left), (all.len(), left_out));
    }
}
