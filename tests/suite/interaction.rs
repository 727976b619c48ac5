//! The reader's actions on a Chart: keys, clicks, pins, group filter, zoom and re-sort transitions.

use std::rc::Rc;

use heluo::chart::Key;
use heluo::hit::group_at;
use heluo::layout::Mark;
use heluo::{Chart, ChartKind, Dataset};

use crate::util::{dataset_str, luolong, many_villages};

fn trend() -> Chart {
    Chart::new(luolong(), ChartKind::Trend, 640.0).expect("trend")
}

fn ranking() -> Chart {
    Chart::new(luolong(), ChartKind::Ranking, 640.0).expect("ranking")
}

fn heading(t: Option<heluo::describe::Tooltip>) -> Option<String> {
    t.map(|t| t.heading)
}

fn column_x(c: &Chart, year: i32) -> f64 {
    c.trend_layout()
        .expect("trend")
        .columns
        .iter()
        .find(|col| col.year == year)
        .unwrap_or_else(|| panic!("no column for {year}"))
        .x
}

fn shown(c: &Chart) -> Vec<String> {
    let d = c.dataset();
    let ranking = d.ranking.as_ref().expect("ranking");
    c.ranking_layout()
        .expect("ranking")
        .bars
        .iter()
        .map(|b| ranking.villages[b.village].name.clone())
        .collect()
}

#[test]
fn keys_from_the_dom() {
    use ChartKind::{Ranking, Trend};
    assert_eq!(Key::from_dom("ArrowRight", Trend), Some(Key::Next));
    assert_eq!(Key::from_dom("ArrowLeft", Trend), Some(Key::Previous));
    assert_eq!(Key::from_dom("ArrowDown", Ranking), Some(Key::Next));
    assert_eq!(Key::from_dom("ArrowUp", Ranking), Some(Key::Previous));
    assert_eq!(Key::from_dom("ArrowDown", Trend), None);
    assert_eq!(Key::from_dom("ArrowRight", Ranking), None);
    assert_eq!(Key::from_dom("Home", Ranking), Some(Key::First));
    assert_eq!(Key::from_dom("End", Trend), Some(Key::Last));
    assert_eq!(Key::from_dom("Enter", Trend), Some(Key::Select));
    assert_eq!(Key::from_dom(" ", Ranking), Some(Key::Select));
    assert_eq!(Key::from_dom("Escape", Trend), Some(Key::Clear));
    assert_eq!(Key::from_dom("a", Trend), None);
}

#[test]
fn keys_step_through_years() {
    let mut c = trend();
    assert_eq!(heading(c.key(Key::Next)).as_deref(), Some("2012年"));
    assert_eq!(heading(c.key(Key::Next)).as_deref(), Some("2013年"));
    assert_eq!(heading(c.key(Key::Previous)).as_deref(), Some("2012年"));
    assert_eq!(
        heading(c.key(Key::Previous)).as_deref(),
        Some("2012年"),
        "stops at the first"
    );
    assert_eq!(heading(c.key(Key::Last)).as_deref(), Some("2019年"));
    assert_eq!(
        heading(c.key(Key::Next)).as_deref(),
        Some("2019年"),
        "stops at the last"
    );
    let tip = c.key(Key::First).expect("tooltip");
    assert_eq!(tip.announcement, "2012年: 全国农村 10.2%");
    assert_eq!(c.overlay().len(), 2, "crosshair and one point");
    assert!(c.key(Key::Clear).is_none());
    assert!(c.overlay().is_empty());
    assert_eq!(
        heading(c.key(Key::Previous)).as_deref(),
        Some("2019年"),
        "from nothing, ← goes to the end"
    );
}

#[test]
fn keys_step_through_bars_and_select_pins() {
    let mut c = ranking();
    assert!(
        c.key(Key::Select).is_none(),
        "nothing focused, nothing pinned"
    );
    assert!(c.pinned().is_empty());
    assert_eq!(
        heading(c.key(Key::Next)).as_deref(),
        Some("第 1 名 · 王屯村")
    );
    assert_eq!(
        heading(c.key(Key::Next)).as_deref(),
        Some("第 2 名 · 夏庄村")
    );
    assert_eq!(
        heading(c.key(Key::Last)).as_deref(),
        Some("第 7 名 · 分金沟村")
    );
    let tip = c.key(Key::Select).expect("still focused");
    assert_eq!(tip.heading, "第 7 名 · 分金沟村");
    assert_eq!(c.pinned(), [6]);
    assert!(c.ranking_layout().expect("layout").bars[6].pinned);
    c.key(Key::Select);
    assert!(c.pinned().is_empty(), "select again unpins");
}

#[test]
fn pointer_on_an_annotation_shows_its_whole_label() {
    let mut c = trend();
    let r = c.trend_layout().expect("trend").annotations[0].rect;
    let tip = c
        .pointer(r.x + r.w / 2.0, r.y + r.h / 2.0)
        .expect("a tooltip");
    assert_eq!(tip.heading, "2015年");
    assert_eq!(tip.rows.len(), 1);
    assert_eq!(tip.rows[0].label, "打赢脱贫攻坚战的决定");
    assert_eq!(tip.announcement, "2015年: 打赢脱贫攻坚战的决定");
}

#[test]
fn clicking_the_legend_hides_and_shows_a_series() {
    let mut c = trend();
    let item = c.trend_layout().expect("trend").legend[1].rect;
    let (x, y) = (item.x + 2.0, item.y + 2.0);
    assert!(c.click(x, y));
    assert_eq!(c.hidden_series(), [1]);
    let l = c.trend_layout().expect("trend");
    assert_eq!(l.y.domain, (0.0, 3.5), "y rescales to 洛龙区");
    assert!(l.legend[1].hidden);
    assert!(c.click(x, y));
    assert!(c.hidden_series().is_empty());
    assert_eq!(c.trend_layout().expect("trend").y.domain, (0.0, 12.0));
    assert!(
        !c.click(300.0, 200.0),
        "a click on the plot changes nothing"
    );
}

#[test]
fn set_series_hidden_is_idempotent_and_clears_focus() {
    let mut c = trend();
    assert!(c.pointer(300.0, 200.0).is_some());
    c.set_series_hidden(0, true);
    c.set_series_hidden(0, true);
    assert_eq!(c.hidden_series(), [0]);
    assert!(c.tooltip().is_none());
    c.set_series_hidden(0, false);
    assert!(c.hidden_series().is_empty());
    // Ranking charts have no series.
    let mut r = ranking();
    r.set_series_hidden(0, true);
    assert!(r.hidden_series().is_empty());
}

#[test]
fn clicking_a_group_filters_and_clicking_again_clears() {
    let mut c = ranking();
    let item = c.ranking_layout().expect("ranking").legend[0].clone();
    let (x, y) = (item.rect.x + 2.0, item.rect.y + 2.0);
    assert_eq!(
        group_at(c.ranking_layout().expect("ranking"), x, y),
        Some("科技园街道")
    );
    assert!(c.click(x, y));
    assert_eq!(
        c.ranking_view().expect("view").group.as_deref(),
        Some("科技园街道")
    );
    assert_eq!(shown(&c), ["王屯村", "溢坡村"]);
    assert!(c.click(x, y));
    assert_eq!(c.ranking_view().expect("view").group, None);
    assert_eq!(shown(&c).len(), 7);
}

#[test]
fn clicking_a_bar_pins_it() {
    let mut c = ranking();
    let bar = c.ranking_layout().expect("ranking").bars[2].rect;
    assert!(c.click(bar.x + 1.0, bar.y + 1.0));
    assert_eq!(c.pinned(), [2]);
    assert_eq!(
        c.ranking_layout().expect("ranking").bars[2].label,
        "152,000 元 · 第 3 名"
    );
    assert!(c.click(bar.x + 1.0, bar.y + 1.0));
    assert!(c.pinned().is_empty());
    assert!(!c.click(bar.x, 2.0), "the title is not a bar");
}

#[test]
fn search_then_pin_brings_a_village_into_view() {
    let mut c = Chart::new(many_villages(40, 0), ChartKind::Ranking, 640.0).expect("ranking");
    assert_eq!(c.search("村05"), [4]);
    assert_eq!(c.search(" 村0 ").len(), 9);
    assert!(c.search("   ").is_empty());
    assert!(c.search("不存在").is_empty());
    assert_eq!(c.row_top(4), None, "36th: not among the top 15");
    let height = c.size().1;
    c.toggle_pin(4);
    let top = c.row_top(4).expect("pinned rows are shown");
    let l = c.ranking_layout().expect("ranking");
    assert_eq!(top, l.plot.y + 15.0 * 26.0);
    assert_eq!(c.size().1, height + 26.0, "one more row");
    assert_eq!(c.ranking_counts(), Some((24, 0)));
}

#[test]
fn search_ignores_case() {
    let d: Rc<Dataset> = Rc::new(dataset_str(
        r#"{"ranking": {"metrics": [{"key": "v"}], "villages": [
            {"name": "Wangtun", "values": {"v": 1}}, {"name": "王屯村", "values": {"v": 2}}]}}"#,
    ));
    let c = Chart::new(d, ChartKind::Ranking, 640.0).expect("ranking");
    assert_eq!(c.search("WANG"), [0]);
    assert_eq!(c.search("屯"), [1]);
    assert_eq!(c.search("tun"), [0]);
}

#[test]
fn drag_previews_a_shade_then_zooms() {
    let mut c = trend();
    let (x14, x17) = (column_x(&c, 2014), column_x(&c, 2017));
    c.set_drag(Some((x17 + 5.0, x14 - 5.0)));
    let plot = c.trend_layout().expect("trend").plot;
    let shade = c.overlay().into_iter().find_map(|m| match m {
        Mark::Shade { rect, alpha, .. } => Some((rect, alpha)),
        _ => None,
    });
    let (rect, alpha) = shade.expect("a selection shade");
    assert_eq!((rect.x, rect.right()), (x14 - 5.0, x17 + 5.0));
    assert_eq!((rect.y, rect.h), (plot.y, plot.h));
    assert!(alpha > 0.0 && alpha < 1.0);

    assert!(c.zoom_to(x17 + 5.0, x14 - 5.0));
    assert_eq!(c.zoom(), Some((2014, 2017)));
    assert!(c.overlay().is_empty(), "zooming ends the drag");
    let years: Vec<i32> = c
        .trend_layout()
        .expect("trend")
        .columns
        .iter()
        .map(|col| col.year)
        .collect();
    assert_eq!(years, [2014, 2015, 2016, 2017]);

    assert!(c.reset_zoom());
    assert_eq!(c.zoom(), None);
    assert!(!c.reset_zoom(), "nothing to reset");
    assert_eq!(c.trend_layout().expect("trend").columns.len(), 8);
}

#[test]
fn drag_shade_is_clipped_to_the_plot() {
    let mut c = trend();
    let plot = c.trend_layout().expect("trend").plot;
    c.set_drag(Some((-100.0, 10_000.0)));
    let rect = c.overlay().into_iter().find_map(|m| match m {
        Mark::Shade { rect, .. } => Some(rect),
        _ => None,
    });
    let rect = rect.expect("a shade");
    assert_eq!((rect.x, rect.right()), (plot.x, plot.right()));
    c.set_drag(None);
    assert!(c.overlay().is_empty());
}

#[test]
fn zoom_needs_two_years() {
    let mut c = trend();
    let x = column_x(&c, 2015);
    assert!(!c.zoom_to(x - 5.0, x + 5.0), "one year is not a range");
    assert!(!c.zoom_to(1.0, 2.0), "no year at all");
    assert_eq!(c.zoom(), None);
    assert_eq!(c.trend_layout().expect("trend").columns.len(), 8);
}

#[test]
fn rankings_ignore_drag_and_zoom() {
    let mut c = ranking();
    c.set_drag(Some((0.0, 600.0)));
    assert!(c.overlay().is_empty());
    assert!(!c.zoom_to(0.0, 600.0));
    assert!(!c.reset_zoom());
    assert_eq!(c.zoom(), None);
}

#[test]
fn annotation_focus_survives_a_zoom_reset() {
    let d: Rc<Dataset> = Rc::new(dataset_str(
        r#"{"trend": {"points": [[2012, 9], [2013, 8], [2014, 7], [2015, 6], [2016, 5], [2017, 4], [2018, 3], [2019, 2]],
            "annotations": [{"year": 2013, "label": "早期政策"}, {"year": 2017, "label": "后期政策"}]}}"#,
    ));
    let mut c = Chart::new(d, ChartKind::Trend, 640.0).expect("trend");
    let (x15, x19) = (column_x(&c, 2015), column_x(&c, 2019));
    assert!(c.zoom_to(x15 - 1.0, x19 + 1.0));
    let r = c.trend_layout().expect("trend").annotations[0].rect;
    let tip = c
        .pointer(r.x + 2.0, r.y + r.h / 2.0)
        .expect("the 2017 label");
    assert_eq!(tip.rows[0].label, "后期政策");
    assert!(c.reset_zoom());
    // Either the same annotation, or nothing; never a different one.
    if let Some(tip) = c.tooltip() {
        assert_eq!(tip.rows[0].label, "后期政策");
    }
}

#[test]
fn set_metric_and_order_re_sort_with_a_transition() {
    let mut c = ranking();
    assert!(!c.has_transition());
    c.set_metric(0);
    assert!(!c.has_transition(), "the same metric changes nothing");
    c.set_metric(9);
    assert!(!c.has_transition(), "an unknown metric changes nothing");
    assert_eq!(c.ranking_view().expect("view").metric, 0);

    c.set_metric(1);
    assert!(c.has_transition());
    assert_eq!(c.ranking_view().expect("view").metric, 1);
    assert_eq!(shown(&c), ["王屯村", "夏庄村", "皂角树村", "溢坡村"]);
    assert_eq!(c.ranking_counts(), Some((0, 3)));
    assert_eq!(c.title(), "村集体经济：户均分红");
    let done = c.transition_marks(1.0);
    assert_eq!(done, c.marks());
    assert!(!c.has_transition(), "t = 1 ends the transition");

    c.set_descending(false);
    assert!(c.has_transition());
    assert_eq!(shown(&c), ["溢坡村", "皂角树村", "夏庄村", "王屯村"]);
    c.set_descending(false);
    assert!(c.has_transition(), "still the pending one");
}

#[test]
fn transition_starts_where_rows_were() {
    let mut c = ranking();
    let before = c.ranking_layout().expect("ranking").bars[0].clone(); // 王屯村, first
    c.set_descending(false);
    let after = c
        .ranking_layout()
        .expect("ranking")
        .bars
        .iter()
        .find(|b| b.village == before.village)
        .cloned()
        .expect("still shown");
    assert_eq!(after.rank, 7);

    let start = c.transition_marks(0.0);
    assert_eq!(start.len(), c.marks().len());
    let bar_at_start = start[after.marks.clone()]
        .iter()
        .find_map(|m| match m {
            Mark::Rect { rect, .. } if rect.h == 16.0 => Some(*rect),
            _ => None,
        })
        .expect("the bar");
    assert!(
        (bar_at_start.y - before.rect.y).abs() < 1e-9,
        "starts in its old row"
    );
    assert!((bar_at_start.w - before.rect.w).abs() < 1e-9);

    let mid = c.transition_marks(0.5);
    let bar_mid = mid[after.marks.clone()]
        .iter()
        .find_map(|m| match m {
            Mark::Rect { rect, .. } if rect.h == 16.0 => Some(*rect),
            _ => None,
        })
        .expect("the bar");
    assert!(
        bar_mid.y > before.rect.y && bar_mid.y < after.rect.y,
        "half-way down"
    );
    assert!(c.has_transition());

    assert_eq!(c.transition_marks(f64::NAN), c.marks(), "NaN ends it");
    assert!(!c.has_transition());
    // Without a transition, the final marks.
    assert_eq!(c.transition_marks(0.0), c.marks());
}

#[test]
fn trend_charts_have_no_ranking_state() {
    let mut c = trend();
    c.set_metric(1);
    c.set_descending(false);
    c.set_group(Some("x".into()));
    c.toggle_pin(0);
    assert!(!c.has_transition());
    assert!(c.ranking_view().is_none());
    assert!(c.pinned().is_empty());
    assert_eq!(c.row_top(0), None);
}
