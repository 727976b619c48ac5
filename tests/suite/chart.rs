//! Chart state through the engine: creation, accessors, pointer, overlay, show-all, resize.

use heluo::chart::ranking::ROW_HEIGHT;
use heluo::mark::Mark;
use heluo::theme::LIGHT;
use heluo::{Action, Changed, ChartKind, Engine, Options, Refusal};

use crate::util::{apply, engine, luolong, many_villages, national};

fn trend_chart() -> Engine {
    engine(luolong(), ChartKind::Trend)
}

fn ranking_chart() -> Engine {
    engine(luolong(), ChartKind::Ranking)
}

/// `(villages not shown, villages without a value)` of a ranking.
fn counts(e: &Engine) -> (usize, usize) {
    let l = e.ranking().expect("a ranking").layout();
    (l.hidden, l.left_out)
}

fn bars(e: &Engine) -> usize {
    e.ranking().expect("a ranking").layout().bars.len()
}

#[test]
fn new_needs_the_part_it_draws() {
    assert_eq!(
        Engine::new(national(), &Options::new(ChartKind::Ranking)).err(),
        Some(Refusal::NoSuchChart(ChartKind::Ranking))
    );
    let c = engine(national(), ChartKind::Trend);
    assert_eq!(c.kind(), ChartKind::Trend);
    assert_eq!(ranking_chart().kind(), ChartKind::Ranking);
    let ranking_only = many_villages(3, 0);
    let refused = Engine::new(ranking_only, &Options::new(ChartKind::Trend)).err();
    assert_eq!(refused, Some(Refusal::NoSuchChart(ChartKind::Trend)));
    assert_eq!(
        refused.map(|r| r.to_string()).as_deref(),
        Some("the dataset has no \"trend\" part to chart")
    );
}

#[test]
fn size_and_layout_accessors() {
    let c = trend_chart();
    assert_eq!(c.size(), (640.0, 384.0));
    assert!(c.trend().is_some() && c.ranking().is_none());
    assert_eq!(
        c.marks(),
        c.trend().expect("trend").layout().marks.as_slice()
    );
    let r = ranking_chart();
    assert!(r.ranking().is_some() && r.trend().is_none());
    assert_eq!(counts(&r), (0, 0));
    assert_eq!(
        r.marks(),
        r.ranking().expect("ranking").layout().marks.as_slice()
    );

    // The frame carries what the accessors say.
    let f = r.frame();
    assert_eq!(
        (f.kind, f.width, f.height),
        (ChartKind::Ranking, 640.0, r.size().1)
    );
    assert_eq!(f.marks, r.marks());
    assert_eq!(f.title, r.title());
    assert_eq!(f.description, r.description());
    assert_eq!(f.controls, r.controls());
    assert_eq!(f.role, "交互式条形图");
    assert!(f.overlay.is_empty() && f.tooltip.is_none() && f.announcement.is_empty());
    assert_eq!(c.frame().role, "交互式折线图");
}

#[test]
fn pointer_on_the_trend_shows_the_year_and_overlay() {
    let mut c = trend_chart();
    let (x, y, plot, column_x) = {
        let l = c.trend().expect("trend").layout();
        let column = &l.columns[1];
        (column.x + 3.0, l.plot.y + 20.0, l.plot, column.x)
    };
    assert_eq!(apply(&mut c, Action::Pointer(x, y)), Changed::HOVER);
    let tip = c.tooltip().expect("a tooltip");
    assert_eq!(tip.heading, "2013年");
    assert_eq!(tip.rows.len(), 2);
    assert_eq!(c.frame().tooltip, Some(tip));
    assert_eq!(
        apply(&mut c, Action::Pointer(x + 1.0, y)),
        Changed::NOTHING,
        "the same year: nothing to redraw"
    );

    let overlay = c.overlay();
    assert_eq!(overlay.len(), 3, "a crosshair and two highlighted points");
    assert_eq!(
        overlay[0],
        Mark::Line {
            points: vec![
                (column_x.round(), plot.y),
                (column_x.round(), plot.bottom())
            ],
            color: LIGHT.axis,
            width: 1.0
        }
    );
    let fills: Vec<_> = overlay[1..]
        .iter()
        .map(|m| match m {
            Mark::Circle {
                r, fill, stroke, ..
            } => {
                assert_eq!((*r, *stroke), (6.0, LIGHT.background));
                *fill
            }
            other => panic!("expected a circle, got {other:?}"),
        })
        .collect();
    assert_eq!(fills, [LIGHT.palette[0], LIGHT.palette[1]]);
}

#[test]
fn pointer_outside_hides_the_tooltip() {
    let mut c = trend_chart();
    apply(&mut c, Action::Pointer(300.0, 200.0));
    assert!(c.tooltip().is_some());
    assert_eq!(
        apply(&mut c, Action::Pointer(300.0, 5.0)),
        Changed::HOVER,
        "over the title: the tooltip goes"
    );
    assert!(c.tooltip().is_none());
    assert!(c.overlay().is_empty());
}

#[test]
fn leave_clears_the_focus() {
    let mut c = trend_chart();
    apply(&mut c, Action::Pointer(300.0, 200.0));
    assert!(c.tooltip().is_some());
    assert_eq!(apply(&mut c, Action::Leave), Changed::HOVER);
    assert!(c.tooltip().is_none());
    assert!(c.overlay().is_empty());
    assert_eq!(
        apply(&mut c, Action::Leave),
        Changed::NOTHING,
        "already gone"
    );
}

#[test]
fn resize_relays_out_and_drops_the_hover() {
    // The hover was where the pointer was on the old layout, so a resize drops
    // it (the chart used to keep the focused year across a resize).
    let mut c = trend_chart();
    apply(&mut c, Action::Pointer(300.0, 200.0));
    let tip = c.tooltip().expect("tooltip");
    let changed = apply(&mut c, Action::Resize(1000.0));
    assert_eq!(
        changed,
        Changed {
            tooltip: true,
            ..Changed::VIEW
        }
    );
    assert_eq!(c.size(), (1000.0, 440.0));
    assert!(c.tooltip().is_none() && c.overlay().is_empty());
    // The same year, pointed at again, is anchored on the new layout.
    let x = {
        let l = c.trend().expect("trend").layout();
        l.columns
            .iter()
            .find(|col| format!("{}年", col.year) == tip.heading)
            .expect("the year is still drawn")
            .x
    };
    apply(&mut c, Action::Pointer(x, 200.0));
    let after = c.tooltip().expect("focused again");
    assert_eq!(after.heading, tip.heading);
    assert_ne!(after.x, tip.x, "the anchor moved with the layout");
    // Without a hover, a resize changes the view but not the tooltip.
    apply(&mut c, Action::Leave);
    assert_eq!(
        apply(&mut c, Action::Resize(320.0)),
        Changed {
            tooltip: false,
            ..Changed::VIEW
        }
    );
    // 280 px by the aspect rule, taller when the header would squeeze the
    // plot below its minimum (two series, a legend, an annotation at 320 px).
    let layout = c.trend().expect("trend").layout();
    assert_eq!(c.size().0, 320.0);
    assert!(c.size().1 >= 280.0);
    assert!(layout.plot.h >= heluo::chart::trend::layout::MIN_PLOT_HEIGHT - 0.5);
}

#[test]
fn pointer_on_a_bar_highlights_it() {
    let mut c = ranking_chart();
    let bar = c.ranking().expect("ranking").layout().bars[1].clone();
    assert_eq!(
        apply(&mut c, Action::Pointer(bar.rect.x + 2.0, bar.rect.y + 2.0)),
        Changed::HOVER
    );
    let tip = c.tooltip().expect("a tooltip");
    assert_eq!(tip.heading, "第 2 名 · 夏庄村");
    assert_eq!(tip.rows[0].value, "李楼镇");
    assert_eq!(
        tip.announcement,
        "第 2 名 · 夏庄村：镇/街道 李楼镇，村集体经济收入 168,000 元，户均分红 1,200 元"
    );
    let overlay = c.overlay();
    let covers_bar = overlay.iter().any(
        |m| matches!(m, Mark::Rect { rect, .. } | Mark::Shade { rect, .. } if *rect == bar.rect),
    );
    assert!(covers_bar, "the hovered bar is marked: {overlay:?}");
    assert_eq!(
        apply(&mut c, Action::Pointer(bar.rect.x, 1.0)),
        Changed::HOVER
    );
    assert!(c.tooltip().is_none());
    assert!(c.overlay().is_empty());
}

#[test]
fn show_all_changes_the_height() {
    let mut c = engine(many_villages(40, 3), ChartKind::Ranking);
    let (_, top_height) = c.size();
    assert_eq!(counts(&c), (25, 3));
    assert_eq!(bars(&c), 15);
    let first = c.ranking().expect("ranking").layout().bars[0].rect;
    apply(&mut c, Action::Pointer(first.x + 1.0, first.y + 1.0));
    assert!(c.tooltip().is_some());

    let changed = apply(&mut c, Action::ToggleShowAll);
    assert!(changed.marks && changed.size && changed.controls && changed.announcement);
    assert!(
        !changed.transition,
        "rows keep their places: nothing slides"
    );
    assert_eq!(c.announcement(), "显示全部 40 个村");
    assert_eq!(c.size().1, top_height + 25.0 * ROW_HEIGHT);
    assert_eq!(counts(&c), (0, 3));
    assert_eq!(bars(&c), 40);
    assert!(c.ranking().expect("ranking").view().show_all);
    // The button clicked to show all took the pointer off the chart.
    assert!(c.tooltip().is_none(), "show-all drops the hover");

    apply(&mut c, Action::ToggleShowAll);
    assert_eq!(c.announcement(), "显示前 15 名，共 40 个村");
    assert_eq!(c.size().1, top_height);
}

#[test]
fn show_all_is_refused_on_a_trend() {
    let mut c = trend_chart();
    let before = c.marks().to_vec();
    assert_eq!(
        c.apply(Action::ToggleShowAll),
        Err(Refusal::NotForKind {
            action: "toggleShowAll",
            kind: ChartKind::Trend
        })
    );
    assert_eq!(c.marks(), before.as_slice());
    assert_eq!(c.size(), (640.0, 384.0));
}

#[test]
fn title_description_and_table() {
    let t = trend_chart();
    assert_eq!(t.title(), "贫困发生率");
    assert!(
        t.description()
            .starts_with("折线图，贫困发生率。洛龙区从2013年的3.12%降至2019年的0.36%"),
        "{}",
        t.description()
    );
    let table = t.table();
    assert_eq!(table.columns, ["年份", "洛龙区", "全国农村"]);
    assert_eq!(table.rows.len(), 8);

    let r = ranking_chart();
    assert_eq!(r.title(), "村集体经济：村集体经济收入");
    assert!(
        r.description().starts_with(
            "条形图，村集体经济：村集体经济收入。王屯村的村集体经济收入在 7 个村中排第一，为 200,000 元"
        ),
        "{}",
        r.description()
    );
    assert_eq!(r.table().rows.len(), 7);
}

#[test]
fn degenerate_widths_and_pointers_do_not_panic() {
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let mut c = Engine::new(luolong(), &Options::new(kind).width(f64::NAN)).expect("chart");
        for width in [0.0, 1.0, -3.0, f64::INFINITY, f64::NEG_INFINITY, 640.0] {
            apply(&mut c, Action::Resize(width));
            let (w, h) = c.size();
            assert!(w.is_finite() && w >= 1.0, "{kind:?} at {width}");
            assert!(h.is_finite() && h > 0.0, "{kind:?} at {width}");
            for (x, y) in [
                (0.0, 0.0),
                (f64::NAN, 1.0),
                (1.0, f64::NAN),
                (-1e9, 1e9),
                (5.0, 100.0),
            ] {
                apply(&mut c, Action::Pointer(x, y));
                apply(&mut c, Action::Click(x, y));
                c.overlay();
                c.frame();
            }
        }
    }
}
