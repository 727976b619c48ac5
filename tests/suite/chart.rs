//! Chart state: the reader's actions as plain state transitions.

use heluo::layout::ranking::ROW_HEIGHT;
use heluo::layout::trend::series_color;
use heluo::layout::{Mark, AXIS, WHITE};
use heluo::{Chart, ChartKind};

use crate::util::{luolong, many_villages, national};

fn trend_chart() -> Chart {
    Chart::new(luolong(), ChartKind::Trend, 640.0).expect("a trend chart")
}

fn ranking_chart() -> Chart {
    Chart::new(luolong(), ChartKind::Ranking, 640.0).expect("a ranking chart")
}

#[test]
fn new_needs_the_part_it_draws() {
    assert!(Chart::new(national(), ChartKind::Ranking, 640.0).is_none());
    let c = Chart::new(national(), ChartKind::Trend, 640.0).expect("trend");
    assert_eq!(c.kind(), ChartKind::Trend);
    assert_eq!(ranking_chart().kind(), ChartKind::Ranking);
    let ranking_only = many_villages(3, 0);
    assert!(Chart::new(ranking_only, ChartKind::Trend, 640.0).is_none());
}

#[test]
fn size_and_layout_accessors() {
    let c = trend_chart();
    assert_eq!(c.size(), (640.0, 384.0));
    assert!(c.trend_layout().is_some() && c.ranking_layout().is_none());
    assert_eq!(
        c.marks(),
        c.trend_layout().expect("layout").marks.as_slice()
    );
    let r = ranking_chart();
    assert!(r.ranking_layout().is_some() && r.trend_layout().is_none());
    assert_eq!(r.ranking_counts(), Some((0, 0)));
    assert_eq!(c.ranking_counts(), None);
}

#[test]
fn pointer_on_the_trend_shows_the_year_and_overlay() {
    let mut c = trend_chart();
    let (x, y, plot) = {
        let l = c.trend_layout().expect("layout");
        let column = &l.columns[1];
        (column.x + 3.0, l.plot.y + 20.0, l.plot)
    };
    let tip = c.pointer(x, y).expect("a tooltip");
    assert_eq!(tip.heading, "2013年");
    assert_eq!(tip.rows.len(), 2);
    assert_eq!(c.tooltip(), Some(tip));

    let overlay = c.overlay();
    assert_eq!(overlay.len(), 3, "a crosshair and two highlighted points");
    let column_x = c.trend_layout().expect("layout").columns[1].x;
    assert_eq!(
        overlay[0],
        Mark::Line {
            points: vec![
                (column_x.round(), plot.y),
                (column_x.round(), plot.bottom())
            ],
            color: AXIS,
            width: 1.0
        }
    );
    let fills: Vec<_> = overlay[1..]
        .iter()
        .map(|m| match m {
            Mark::Circle {
                r, fill, stroke, ..
            } => {
                assert_eq!((*r, *stroke), (6.0, WHITE));
                *fill
            }
            other => panic!("expected a circle, got {other:?}"),
        })
        .collect();
    assert_eq!(fills, [series_color(0), series_color(1)]);
}

#[test]
fn pointer_outside_hides_the_tooltip() {
    let mut c = trend_chart();
    assert!(c.pointer(300.0, 200.0).is_some());
    assert!(c.pointer(300.0, 5.0).is_none(), "over the title");
    assert!(c.tooltip().is_none());
    assert!(c.overlay().is_empty());
}

#[test]
fn leave_clears_the_focus() {
    let mut c = trend_chart();
    assert!(c.pointer(300.0, 200.0).is_some());
    c.leave();
    assert!(c.tooltip().is_none());
    assert!(c.overlay().is_empty());
}

#[test]
fn focus_follows_the_year_across_a_resize() {
    let mut c = trend_chart();
    let tip = c.pointer(300.0, 200.0).expect("tooltip");
    let height = c.resize(1000.0);
    assert_eq!(height, 440.0);
    assert_eq!(c.size(), (1000.0, 440.0));
    let after = c.tooltip().expect("still focused");
    assert_eq!(after.heading, tip.heading);
    assert_ne!(after.x, tip.x, "the anchor moved with the layout");
    assert_eq!(c.resize(320.0), 280.0);
}

#[test]
fn pointer_on_a_bar_highlights_it() {
    let mut c = ranking_chart();
    let bar = c.ranking_layout().expect("layout").bars[1].clone();
    let tip = c
        .pointer(bar.rect.x + 2.0, bar.rect.y + 2.0)
        .expect("a tooltip");
    assert_eq!(tip.heading, "第 2 名 · 夏庄村");
    assert_eq!(tip.rows[0].value, "李楼镇");
    assert_eq!(tip.announcement, tip.sentence());
    assert_eq!(
        tip.announcement,
        "第 2 名 · 夏庄村: 镇/街道 李楼镇, 村集体经济收入 168,000 元, 户均分红 1,200 元"
    );
    let overlay = c.overlay();
    let covers_bar = overlay.iter().any(
        |m| matches!(m, Mark::Rect { rect, .. } | Mark::Shade { rect, .. } if *rect == bar.rect),
    );
    assert!(covers_bar, "the hovered bar is marked: {overlay:?}");
    assert!(c.pointer(bar.rect.x, 1.0).is_none());
    assert!(c.overlay().is_empty());
}

#[test]
fn set_show_all_changes_the_height() {
    let mut c = Chart::new(many_villages(40, 3), ChartKind::Ranking, 640.0).expect("ranking");
    let (_, top_height) = c.size();
    assert_eq!(c.ranking_counts(), Some((25, 3)));
    assert_eq!(c.ranking_layout().expect("layout").bars.len(), 15);
    let first = c.ranking_layout().expect("layout").bars[0].rect;
    assert!(c.pointer(first.x + 1.0, first.y + 1.0).is_some());

    c.set_show_all(true);
    assert_eq!(c.size().1, top_height + 25.0 * ROW_HEIGHT);
    assert_eq!(c.ranking_counts(), Some((0, 3)));
    assert_eq!(c.ranking_layout().expect("layout").bars.len(), 40);
    let tip = c.tooltip().expect("the focused village is still shown");
    assert_eq!(tip.heading, "第 1 名 · 村40");

    c.set_show_all(false);
    assert_eq!(c.size().1, top_height);
}

#[test]
fn set_show_all_does_nothing_to_a_trend() {
    let mut c = trend_chart();
    let before = c.marks().to_vec();
    c.set_show_all(true);
    assert_eq!(c.marks(), before.as_slice());
    assert_eq!(c.size(), (640.0, 384.0));
}

#[test]
fn title_summary_and_table() {
    let t = trend_chart();
    assert_eq!(t.title(), "贫困发生率");
    assert!(t
        .summary()
        .starts_with("折线图，贫困发生率。洛龙区：2013年 3.12%"));
    let table = t.table().expect("table");
    assert_eq!(table.columns, ["年份", "洛龙区", "全国农村"]);
    assert_eq!(table.rows.len(), 8);

    let r = ranking_chart();
    assert_eq!(r.title(), "村集体经济：村集体经济收入");
    assert!(r
        .summary()
        .starts_with("条形图，村集体经济：村集体经济收入。前列：王屯村 200,000 元"));
    assert_eq!(r.table().expect("table").rows.len(), 7);
}

#[test]
fn degenerate_widths_and_pointers_do_not_panic() {
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let mut c = Chart::new(luolong(), kind, f64::NAN).expect("chart");
        for width in [0.0, 1.0, -3.0, f64::INFINITY, 640.0] {
            let h = c.resize(width);
            assert!(h.is_finite() && h > 0.0, "{kind:?} at {width}");
            for (x, y) in [
                (0.0, 0.0),
                (f64::NAN, 1.0),
                (1.0, f64::NAN),
                (-1e9, 1e9),
                (5.0, 100.0),
            ] {
                c.pointer(x, y);
                c.overlay();
            }
        }
    }
}
