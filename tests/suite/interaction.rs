//! The reader's actions on an engine: keys, clicks, pins, search, group filter,
//! zoom and re-sort transitions, each with what it changed and what it said.

use std::rc::Rc;

use heluo::chart::ranking::hit::group_at;
use heluo::chart::ranking::RankingChart;
use heluo::chart::Control;
use heluo::engine::Key;
use heluo::mark::Mark;
use heluo::{Action, Changed, ChartKind, Dataset, Engine, Refusal, Request};

use crate::util::{apply, dataset_str, engine, luolong, many_villages};

fn trend() -> Engine {
    engine(luolong(), ChartKind::Trend)
}

fn ranking() -> Engine {
    engine(luolong(), ChartKind::Ranking)
}

/// Presses `key` and returns the heading of the tooltip afterwards.
fn key(e: &mut Engine, key: Key) -> Option<String> {
    apply(e, Action::Key(key));
    e.tooltip().map(|t| t.heading)
}

fn column_x(c: &Engine, year: i32) -> f64 {
    c.trend()
        .expect("trend")
        .layout()
        .columns
        .iter()
        .find(|col| col.year == year)
        .unwrap_or_else(|| panic!("no column for {year}"))
        .x
}

fn shown(c: &Engine) -> Vec<String> {
    let d = c.dataset();
    let ranking = d.ranking.as_ref().expect("ranking");
    c.ranking()
        .expect("ranking")
        .layout()
        .bars
        .iter()
        .map(|b| ranking.villages[b.village].name.clone())
        .collect()
}

fn pinned(c: &Engine) -> Vec<usize> {
    c.ranking().expect("ranking").view().pinned.clone()
}

fn hidden_series(c: &Engine) -> Vec<usize> {
    c.trend().expect("trend").view().hidden.clone()
}

fn zoom(c: &Engine) -> Option<(i32, i32)> {
    c.trend().expect("trend").view().years
}

fn counts(c: &Engine) -> (usize, usize) {
    let l = c.ranking().expect("ranking").layout();
    (l.hidden, l.left_out)
}

/// Whether a re-sort transition is pending (asking for its first frame does not end it).
fn has_transition(c: &mut Engine) -> bool {
    c.transition_marks(0.0).is_some()
}

pub fn search_status(c: &Engine) -> String {
    c.controls()
        .into_iter()
        .find_map(|control| match control {
            Control::Search { status, .. } => Some(status),
            _ => None,
        })
        .expect("a search box")
}

#[test]
fn keys_from_the_dom() {
    use ChartKind::{Ranking, Trend};
    let k = |name: &str, kind| Action::from_key(name, kind);
    assert_eq!(k("ArrowRight", Trend), Some(Action::Key(Key::Next)));
    assert_eq!(k("ArrowLeft", Trend), Some(Action::Key(Key::Previous)));
    assert_eq!(k("ArrowDown", Ranking), Some(Action::Key(Key::Next)));
    assert_eq!(k("ArrowUp", Ranking), Some(Action::Key(Key::Previous)));
    assert_eq!(k("ArrowDown", Trend), Some(Action::Key(Key::NextLine)));
    assert_eq!(k("ArrowUp", Trend), Some(Action::Key(Key::PreviousLine)));
    assert_eq!(k("ArrowRight", Ranking), None);
    assert_eq!(k("Home", Ranking), Some(Action::Key(Key::First)));
    assert_eq!(k("End", Trend), Some(Action::Key(Key::Last)));
    assert_eq!(k("Enter", Trend), Some(Action::Key(Key::Select)));
    assert_eq!(k(" ", Ranking), Some(Action::Key(Key::Select)));
    assert_eq!(k("Escape", Trend), Some(Action::Key(Key::Clear)));
    assert_eq!(k("a", Trend), None);
    // Zoom keys zoom a trend and mean nothing on a ranking.
    for name in ["+", "=", "PageUp"] {
        assert_eq!(k(name, Trend), Some(Action::ZoomIn), "{name}");
        assert_eq!(k(name, Ranking), None, "{name}");
    }
    for name in ["-", "_", "PageDown"] {
        assert_eq!(k(name, Trend), Some(Action::ZoomOut), "{name}");
        assert_eq!(k(name, Ranking), None, "{name}");
    }
    assert_eq!(k("0", Trend), Some(Action::ResetZoom));
    assert_eq!(k("0", Ranking), None);
}

/// A request as JavaScript sends it (JSON here; a plain object there).
fn request(json: &str) -> Result<Request, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn requests_name_what_they_act_on() {
    let trend = engine(luolong(), ChartKind::Trend);
    let ranking = engine(luolong(), ChartKind::Ranking);
    let on = |e: &Engine, json: &str| e.resolve(request(json).expect(json));
    assert_eq!(
        on(&trend, r#"{"type": "pointer", "x": 1, "y": 2.5}"#),
        Ok(Action::Pointer(1.0, 2.5))
    );
    assert_eq!(on(&trend, r#"{"type": "leave"}"#), Ok(Action::Leave));
    assert_eq!(
        on(&trend, r#"{"type": "legend", "series": "全国农村"}"#),
        Ok(Action::Legend(1))
    );
    assert_eq!(
        on(&ranking, r#"{"type": "metric", "key": "dividend"}"#),
        Ok(Action::Metric(1))
    );
    assert_eq!(
        on(&ranking, r#"{"type": "pin", "village": "王屯村"}"#),
        Ok(Action::TogglePin(0))
    );
    assert_eq!(
        on(&ranking, r#"{"type": "pinSearch", "text": "王屯"}"#),
        Ok(Action::PinSearch("王屯".into()))
    );
    assert_eq!(
        on(&trend, r#"{"type": "theme", "theme": "dark"}"#),
        Ok(Action::Theme(heluo::theme::ThemeName::Dark))
    );
    // A wrong name says which field, what it is not, and what there is.
    let said = |e: &Engine, json: &str| on(e, json).expect_err(json).to_string();
    assert_eq!(
        said(&ranking, r#"{"type": "metric", "key": "incme"}"#),
        r#"action.key: unknown metric "incme"; known: income, dividend"#
    );
    assert_eq!(
        said(&trend, r#"{"type": "legend", "series": "省"}"#),
        r#"action.series: unknown series "省"; known: 洛龙区, 全国农村"#
    );
    assert_eq!(
        said(&trend, r#"{"type": "legend", "group": "东部"}"#),
        "action.series: missing (a trend's legend names a series)"
    );
    assert_eq!(
        said(&trend, r#"{"type": "theme", "theme": "sepia"}"#),
        r#"action.theme: unknown theme "sepia"; known: light, dark"#
    );
    // Shapes serde refuses: an unknown type, a missing or a stray field.
    for (json, said) in [
        (r#"{"type": "explode"}"#, "unknown variant `explode`"),
        (r#"{"type": "metric"}"#, "missing field `key`"),
        (r#"{"key": "income"}"#, "missing field `type`"),
        (
            r#"{"type": "pointer", "x": "1", "y": 2}"#,
            "invalid type: string \"1\"",
        ),
    ] {
        let got = request(json).unwrap_err();
        assert!(got.starts_with(said), "{json}: {got}");
    }
    // `null` in a group request is every group; absent is an error.
    assert_eq!(
        request(r#"{"type": "group", "group": null}"#),
        Ok(Request::Group { group: None })
    );
    assert!(request(r#"{"type": "group"}"#).is_err());
    // Every control carries a request that its chart accepts.
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let e = engine(luolong(), kind);
        for control in e.controls() {
            let sent: Vec<Request> = match control {
                Control::Select { options, .. } => options.into_iter().map(|o| o.action).collect(),
                Control::Button { action, .. } => vec![action],
                Control::Legend { items, .. } => items.into_iter().map(|i| i.action).collect(),
                Control::Search { .. } => vec![Request::Search { text: "x".into() }],
            };
            for r in sent {
                assert!(e.resolve(r.clone()).is_ok(), "{kind:?}: {r:?}");
                // And it crosses as JSON and back unchanged.
                let json = serde_json::to_string(&r).expect("json");
                assert_eq!(request(&json), Ok(r), "{json}");
            }
        }
    }
}

#[test]
fn keys_step_through_years() {
    let mut c = trend();
    assert_eq!(key(&mut c, Key::Next).as_deref(), Some("2012年"));
    assert_eq!(key(&mut c, Key::Next).as_deref(), Some("2013年"));
    assert_eq!(key(&mut c, Key::Previous).as_deref(), Some("2012年"));
    assert_eq!(
        key(&mut c, Key::Previous).as_deref(),
        Some("2012年"),
        "stops at the first"
    );
    assert_eq!(key(&mut c, Key::Last).as_deref(), Some("2019年"));
    assert_eq!(
        key(&mut c, Key::Next).as_deref(),
        Some("2019年"),
        "stops at the last"
    );
    let changed = apply(&mut c, Action::Key(Key::First));
    assert_eq!(
        changed,
        Changed {
            announcement: true,
            ..Changed::HOVER
        }
    );
    assert_eq!(c.announcement(), "2012年：洛龙区 无数据，全国农村 10.2%");
    assert_eq!(c.overlay().len(), 2, "crosshair and one point");
    assert!(key(&mut c, Key::Clear).is_none());
    assert!(c.overlay().is_empty());
    assert_eq!(
        key(&mut c, Key::Previous).as_deref(),
        Some("2019年"),
        "from nothing, ← goes to the end"
    );
    assert_eq!(
        apply(&mut c, Action::Key(Key::Select)),
        Changed::NOTHING,
        "a year has nothing to select"
    );
}

#[test]
fn keys_step_through_bars_and_select_pins() {
    let mut c = ranking();
    assert_eq!(
        apply(&mut c, Action::Key(Key::Select)),
        Changed::NOTHING,
        "nothing focused, nothing pinned"
    );
    assert!(pinned(&c).is_empty());
    assert_eq!(key(&mut c, Key::Next).as_deref(), Some("第 1 名 · 王屯村"));
    assert_eq!(key(&mut c, Key::Next).as_deref(), Some("第 2 名 · 夏庄村"));
    assert_eq!(
        key(&mut c, Key::Last).as_deref(),
        Some("第 7 名 · 分金沟村")
    );
    let changed = apply(&mut c, Action::Key(Key::Select));
    assert!(changed.marks && changed.announcement);
    assert_eq!(c.announcement(), "已标记 分金沟村，第 7 名");
    let tip = c.tooltip().expect("still focused");
    assert_eq!(tip.heading, "第 7 名 · 分金沟村");
    assert_eq!(pinned(&c), [6]);
    assert!(c.ranking().expect("ranking").layout().bars[6].pinned);
    apply(&mut c, Action::Key(Key::Select));
    assert!(pinned(&c).is_empty(), "select again unpins");
    assert_eq!(c.announcement(), "已取消标记 分金沟村");
}

#[test]
fn pointer_on_an_annotation_shows_its_whole_label() {
    let mut c = trend();
    let r = c.trend().expect("trend").layout().annotations[0].rect;
    apply(&mut c, Action::Pointer(r.x + r.w / 2.0, r.y + r.h / 2.0));
    let tip = c.tooltip().expect("a tooltip");
    assert_eq!(tip.heading, "2015年");
    assert_eq!(tip.rows.len(), 1);
    assert_eq!(tip.rows[0].label, "打赢脱贫攻坚战的决定");
    assert_eq!(tip.announcement, "2015年：打赢脱贫攻坚战的决定");
}

#[test]
fn clicking_the_legend_hides_and_shows_a_series() {
    let mut c = trend();
    let item = c.trend().expect("trend").layout().legend[1].rect;
    let (x, y) = (item.x + 2.0, item.y + 2.0);
    let changed = apply(&mut c, Action::Click(x, y));
    assert!(changed.marks && changed.controls && changed.announcement);
    assert_eq!(c.announcement(), "已隐藏 全国农村");
    assert_eq!(hidden_series(&c), [1]);
    let l = c.trend().expect("trend").layout();
    assert_eq!(l.y.domain, (0.0, 3.5), "y rescales to 洛龙区");
    // The legend control shows the series as not pressed.
    let pressed: Vec<bool> = c
        .controls()
        .into_iter()
        .find_map(|control| match control {
            Control::Legend { items, .. } => Some(items.iter().map(|i| i.pressed).collect()),
            _ => None,
        })
        .expect("a legend control");
    assert_eq!(pressed, [true, false]);
    apply(&mut c, Action::Click(x, y));
    assert_eq!(c.announcement(), "已显示 全国农村");
    assert!(hidden_series(&c).is_empty());
    assert_eq!(c.trend().expect("trend").layout().y.domain, (0.0, 12.0));
    assert_eq!(
        apply(&mut c, Action::Click(300.0, 200.0)),
        Changed::NOTHING,
        "a click on the plot changes nothing"
    );
}

#[test]
fn the_legend_action_toggles_a_series_and_clears_focus() {
    let mut c = trend();
    apply(&mut c, Action::Pointer(300.0, 200.0));
    assert!(c.tooltip().is_some());
    apply(&mut c, Action::Legend(0));
    assert_eq!(hidden_series(&c), [0]);
    assert!(c.tooltip().is_none());
    apply(&mut c, Action::Legend(0));
    assert!(
        hidden_series(&c).is_empty(),
        "a second press shows it again"
    );
    let before = c.marks().to_vec();
    assert_eq!(
        c.apply(Action::Legend(2)),
        Err(Refusal::NoSuchItem {
            action: "legend",
            index: 2
        }),
        "the sample has two series"
    );
    assert_eq!(c.marks(), before.as_slice());
}

#[test]
fn clicking_a_group_filters_and_clicking_again_clears() {
    let mut c = ranking();
    let item = c.ranking().expect("ranking").layout().legend[0].clone();
    let (x, y) = (item.rect.x + 2.0, item.rect.y + 2.0);
    assert_eq!(
        group_at(c.ranking().expect("ranking").layout(), x, y),
        Some("科技园街道")
    );
    let changed = apply(&mut c, Action::Click(x, y));
    assert!(changed.marks && changed.table && changed.transition && changed.announcement);
    assert_eq!(c.announcement(), "只显示科技园街道，2 个村");
    assert_eq!(
        c.ranking().expect("ranking").view().group.as_deref(),
        Some("科技园街道")
    );
    assert_eq!(shown(&c), ["王屯村", "溢坡村"]);
    apply(&mut c, Action::Click(x, y));
    assert_eq!(c.announcement(), "显示所有分组，7 个村");
    assert_eq!(c.ranking().expect("ranking").view().group, None);
    assert_eq!(shown(&c).len(), 7);
    // The "no group" entry filters to villages without one.
    apply(&mut c, Action::Legend(2));
    assert_eq!(c.announcement(), "只显示未分组，4 个村");
    assert_eq!(shown(&c), ["皂角树村", "大西村", "王山村", "分金沟村"]);
    assert_eq!(
        c.apply(Action::Legend(3)),
        Err(Refusal::NoSuchItem {
            action: "legend",
            index: 3
        })
    );
}

#[test]
fn clicking_a_bar_pins_it() {
    let mut c = ranking();
    let bar = c.ranking().expect("ranking").layout().bars[2].rect;
    let changed = apply(&mut c, Action::Click(bar.x + 1.0, bar.y + 1.0));
    assert!(changed.marks && changed.announcement);
    assert_eq!(c.announcement(), "已标记 皂角树村，第 3 名");
    assert_eq!(pinned(&c), [2]);
    assert_eq!(
        c.ranking().expect("ranking").layout().bars[2].label,
        "152,000 元 · 第 3 名"
    );
    apply(&mut c, Action::Click(bar.x + 1.0, bar.y + 1.0));
    assert!(pinned(&c).is_empty());
    assert_eq!(
        apply(&mut c, Action::Click(bar.x, 2.0)),
        Changed::NOTHING,
        "the title is not a bar"
    );
}

#[test]
fn search_then_pin_brings_a_village_into_view() {
    let d = many_villages(40, 0);
    let ranking = d.ranking.as_ref().expect("ranking");
    assert_eq!(RankingChart::search(ranking, "村05"), [4]);
    assert_eq!(RankingChart::search(ranking, " 村0 ").len(), 9);
    assert!(RankingChart::search(ranking, "   ").is_empty());
    assert!(RankingChart::search(ranking, "不存在").is_empty());

    let mut c = engine(d.clone(), ChartKind::Ranking);
    let row_top = |c: &Engine, v: usize| c.ranking().expect("ranking").row_top(v);
    assert_eq!(row_top(&c, 4), None, "36th: not among the top 15");
    let height = c.size().1;
    let changed = apply(&mut c, Action::TogglePin(4));
    assert!(changed.size && changed.announcement);
    assert_eq!(c.announcement(), "已标记 村05，第 36 名");
    let top = row_top(&c, 4).expect("pinned rows are shown");
    let l = c.ranking().expect("ranking").layout();
    assert_eq!(top, l.plot.y + 15.0 * 26.0);
    assert_eq!(c.size().1, height + 26.0, "one more row");
    assert_eq!(counts(&c), (24, 0));
    assert_eq!(
        c.apply(Action::TogglePin(40)),
        Err(Refusal::NoSuchItem {
            action: "togglePin",
            index: 40
        })
    );
}

#[test]
fn the_search_box_counts_then_pins_and_focuses() {
    let mut c = engine(many_villages(40, 0), ChartKind::Ranking);
    let changed = apply(&mut c, Action::Search("村0".into()));
    assert_eq!(
        changed,
        Changed {
            controls: true,
            ..Changed::NOTHING
        }
    );
    assert_eq!(search_status(&c), "找到 9 个");
    assert_eq!(
        apply(&mut c, Action::Search("村0 ".into())),
        Changed::NOTHING,
        "the same status"
    );
    apply(&mut c, Action::Search("不存在".into()));
    assert_eq!(search_status(&c), "没有找到");
    apply(&mut c, Action::Search(" ".into()));
    assert_eq!(search_status(&c), "");

    let changed = apply(&mut c, Action::PinSearch("村05".into()));
    // Said once, by the search box's status (its own live region), not again
    // by the chart's.
    assert!(changed.marks && changed.size && changed.controls && !changed.announcement);
    assert_eq!(search_status(&c), "已标记 村05，第 36 名");
    assert_eq!(pinned(&c), [4]);
    assert_eq!(
        c.tooltip().map(|t| t.heading).as_deref(),
        Some("第 36 名 · 村05"),
        "the found village is focused"
    );
    assert_eq!(
        c.focus_top(),
        c.ranking().expect("ranking").row_top(4),
        "the page scrolls to it"
    );
    let changed = apply(&mut c, Action::PinSearch("不存在".into()));
    assert!(changed.controls && !changed.marks);
    assert_eq!(search_status(&c), "没有找到");
    assert_eq!(pinned(&c), [4], "a failed search unpins nothing");
}

#[test]
fn pin_search_clears_a_group_filter_that_hides_the_village() {
    let mut c = ranking();
    apply(&mut c, Action::Legend(1)); // 李楼镇: 夏庄村 only
    assert_eq!(shown(&c), ["夏庄村"]);
    let changed = apply(&mut c, Action::PinSearch("王屯".into()));
    assert!(changed.transition && changed.table, "the filter is lifted");
    assert_eq!(c.ranking().expect("ranking").view().group, None);
    assert_eq!(shown(&c).len(), 7);
    assert_eq!(search_status(&c), "已标记 王屯村，第 1 名");
}

#[test]
fn pinning_a_village_without_a_value_says_why_it_is_not_shown() {
    let mut c = ranking();
    apply(&mut c, Action::Metric(1)); // 大西村 has no dividend
    apply(&mut c, Action::PinSearch("大西".into()));
    assert_eq!(
        search_status(&c),
        "已标记 大西村，但它没有“户均分红”数据，不在图中"
    );
}

#[test]
fn search_ignores_case() {
    let d: Rc<Dataset> = Rc::new(dataset_str(
        r#"{"ranking": {"metrics": [{"key": "v"}], "villages": [
            {"name": "Wangtun", "values": {"v": 1}}, {"name": "王屯村", "values": {"v": 2}}]}}"#,
    ));
    let ranking = d.ranking.as_ref().expect("ranking");
    assert_eq!(RankingChart::search(ranking, "WANG"), [0]);
    assert_eq!(RankingChart::search(ranking, "屯"), [1]);
    assert_eq!(RankingChart::search(ranking, "tun"), [0]);
}

#[test]
fn drag_previews_a_shade_then_zooms() {
    let mut c = trend();
    let (x14, x17) = (column_x(&c, 2014), column_x(&c, 2017));
    assert_eq!(
        apply(&mut c, Action::Drag(x17 + 5.0, x14 - 5.0)),
        Changed::HOVER
    );
    let plot = c.trend().expect("trend").layout().plot;
    let shade = c.overlay().into_iter().find_map(|m| match m {
        Mark::Shade { rect, alpha, .. } => Some((rect, alpha)),
        _ => None,
    });
    let (rect, alpha) = shade.expect("a selection shade");
    assert_eq!((rect.x, rect.right()), (x14 - 5.0, x17 + 5.0));
    assert_eq!((rect.y, rect.h), (plot.y, plot.h));
    assert!(alpha > 0.0 && alpha < 1.0);

    let changed = apply(&mut c, Action::ZoomTo(x17 + 5.0, x14 - 5.0));
    assert!(changed.marks && changed.controls && changed.announcement);
    assert_eq!(c.announcement(), "已放大到 2014–2017 年");
    assert_eq!(zoom(&c), Some((2014, 2017)));
    assert!(c.overlay().is_empty(), "zooming ends the drag");
    let years: Vec<i32> = c
        .trend()
        .expect("trend")
        .layout()
        .columns
        .iter()
        .map(|col| col.year)
        .collect();
    assert_eq!(years, [2014, 2015, 2016, 2017]);

    let changed = apply(&mut c, Action::ResetZoom);
    assert!(changed.marks && changed.announcement);
    assert_eq!(c.announcement(), "已显示全部年份");
    assert_eq!(zoom(&c), None);
    assert_eq!(
        apply(&mut c, Action::ResetZoom),
        Changed::NOTHING,
        "nothing to reset"
    );
    assert_eq!(c.trend().expect("trend").layout().columns.len(), 8);
}

#[test]
fn drag_shade_is_clipped_to_the_plot() {
    let mut c = trend();
    let plot = c.trend().expect("trend").layout().plot;
    apply(&mut c, Action::Drag(-100.0, 10_000.0));
    let rect = c.overlay().into_iter().find_map(|m| match m {
        Mark::Shade { rect, .. } => Some(rect),
        _ => None,
    });
    let rect = rect.expect("a shade");
    assert_eq!((rect.x, rect.right()), (plot.x, plot.right()));
    assert_eq!(
        apply(&mut c, Action::Leave),
        Changed::HOVER,
        "leaving ends the drag"
    );
    assert!(c.overlay().is_empty());
}

#[test]
fn zoom_needs_two_years() {
    let mut c = trend();
    let x = column_x(&c, 2015);
    let changed = apply(&mut c, Action::ZoomTo(x - 5.0, x + 5.0));
    assert!(!changed.marks, "one year is not a range");
    let changed = apply(&mut c, Action::ZoomTo(1.0, 2.0));
    assert!(!changed.marks, "no year at all");
    assert_eq!(zoom(&c), None);
    assert_eq!(c.trend().expect("trend").layout().columns.len(), 8);
}

#[test]
fn rankings_refuse_drag_and_zoom() {
    let mut c = ranking();
    let before = c.marks().to_vec();
    for action in [
        Action::Drag(0.0, 600.0),
        Action::ZoomTo(0.0, 600.0),
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ResetZoom,
    ] {
        let name = action.name();
        assert_eq!(
            c.apply(action),
            Err(Refusal::NotForKind {
                action: name,
                kind: ChartKind::Ranking
            })
        );
    }
    assert!(c.overlay().is_empty());
    assert_eq!(c.marks(), before.as_slice());
    assert_eq!(
        c.apply(Action::ZoomIn)
            .err()
            .map(|r| r.to_string())
            .as_deref(),
        Some("\"zoomIn\" does not apply to a ranking chart")
    );
}

#[test]
fn annotation_focus_survives_a_zoom_reset() {
    let d: Rc<Dataset> = Rc::new(dataset_str(
        r#"{"trend": {"points": [[2012, 9], [2013, 8], [2014, 7], [2015, 6], [2016, 5], [2017, 4], [2018, 3], [2019, 2]],
            "annotations": [{"year": 2013, "label": "早期政策"}, {"year": 2017, "label": "后期政策"}]}}"#,
    ));
    let mut c = engine(d, ChartKind::Trend);
    let (x15, x19) = (column_x(&c, 2015), column_x(&c, 2019));
    assert!(apply(&mut c, Action::ZoomTo(x15 - 1.0, x19 + 1.0)).marks);
    let r = c.trend().expect("trend").layout().annotations[0].rect;
    apply(&mut c, Action::Pointer(r.x + 2.0, r.y + r.h / 2.0));
    let tip = c.tooltip().expect("the 2017 label");
    assert_eq!(tip.rows[0].label, "后期政策");
    assert!(apply(&mut c, Action::ResetZoom).marks);
    // Either the same annotation, or nothing; never a different one.
    if let Some(tip) = c.tooltip() {
        assert_eq!(tip.rows[0].label, "后期政策");
    }
}

#[test]
fn metric_and_order_re_sort_with_a_transition() {
    let mut c = ranking();
    assert!(!has_transition(&mut c));
    assert_eq!(
        apply(&mut c, Action::Metric(0)),
        Changed::NOTHING,
        "the same metric changes nothing"
    );
    assert!(!has_transition(&mut c));
    assert_eq!(
        c.apply(Action::Metric(9)),
        Err(Refusal::NoSuchItem {
            action: "metric",
            index: 9
        }),
        "an unknown metric is refused"
    );
    assert!(!has_transition(&mut c));
    assert_eq!(c.ranking().expect("ranking").view().metric, 0);

    apply(&mut c, Action::Metric(1));
    assert!(has_transition(&mut c));
    assert_eq!(c.announcement(), "按户均分红从大到小排序");
    assert_eq!(c.ranking().expect("ranking").view().metric, 1);
    assert_eq!(shown(&c), ["王屯村", "夏庄村", "皂角树村", "溢坡村"]);
    assert_eq!(counts(&c), (0, 3));
    assert_eq!(c.title(), "村集体经济：户均分红");
    assert_eq!(c.transition_marks(1.0), None, "t = 1 ends it: draw marks()");
    assert!(!has_transition(&mut c));

    apply(&mut c, Action::ToggleOrder);
    assert!(has_transition(&mut c));
    assert_eq!(c.announcement(), "按户均分红从小到大排序");
    assert_eq!(shown(&c), ["溢坡村", "皂角树村", "夏庄村", "王屯村"]);
    // A second toggle before the first ends starts again from the rows as they are.
    apply(&mut c, Action::ToggleOrder);
    assert!(has_transition(&mut c));
    assert_eq!(shown(&c), ["王屯村", "夏庄村", "皂角树村", "溢坡村"]);
}

#[test]
fn transition_starts_where_rows_were() {
    let mut c = ranking();
    let before = c.ranking().expect("ranking").layout().bars[0].clone(); // 王屯村, first
    apply(&mut c, Action::ToggleOrder);
    let after = c
        .ranking()
        .expect("ranking")
        .layout()
        .bars
        .iter()
        .find(|b| b.village == before.village)
        .cloned()
        .expect("still shown");
    assert_eq!(after.rank, 7);

    let bar_in = |marks: &[Mark]| match &marks[after.bar_mark] {
        Mark::Rect { rect, .. } => *rect,
        other => panic!("the bar is drawn as {other:?}"),
    };
    let start = c.transition_marks(0.0).expect("a transition");
    assert_eq!(start.len(), c.marks().len());
    let bar_at_start = bar_in(&start);
    assert!(
        (bar_at_start.y - before.rect.y).abs() < 1e-9,
        "starts in its old row"
    );
    assert!((bar_at_start.w - before.rect.w).abs() < 1e-9);
    // The row's texts move with its bar.
    let name_y = |marks: &[Mark]| {
        marks[after.marks.clone()]
            .iter()
            .find_map(|m| match m {
                Mark::Text(t) if &*t.text == "王屯村" => Some(t.y),
                _ => None,
            })
            .expect("the name")
    };
    assert!((name_y(&start) - (before.row.y + 13.0)).abs() < 1e-9);

    let mid = c.transition_marks(0.5).expect("still running");
    let bar_mid = bar_in(&mid);
    assert!(
        bar_mid.y > before.rect.y && bar_mid.y < after.rect.y,
        "half-way down"
    );
    assert!(has_transition(&mut c));

    assert_eq!(c.transition_marks(f64::NAN), None, "NaN ends it");
    assert!(!has_transition(&mut c));
    assert_eq!(
        c.transition_marks(0.0),
        None,
        "without a transition, draw marks()"
    );
}

#[test]
fn rows_new_to_the_view_slide_in_from_below() {
    // Filtering to a group and back: rows that were hidden come in from the bottom.
    let mut c = ranking();
    apply(&mut c, Action::Legend(0));
    apply(&mut c, Action::Legend(0));
    let l = c.ranking().expect("ranking").layout().clone();
    let start = c.transition_marks(0.0).expect("a transition");
    let newcomer = l
        .bars
        .iter()
        .find(|b| b.village == 1)
        .expect("夏庄村 is back");
    match &start[newcomer.bar_mark] {
        Mark::Rect { rect, .. } => assert!(
            (rect.y - (l.plot.bottom() + (newcomer.rect.y - newcomer.row.y))).abs() < 1e-9,
            "{rect:?} starts below the last row ({})",
            l.plot.bottom()
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn trend_charts_refuse_ranking_actions() {
    let mut c = trend();
    let before = c.marks().to_vec();
    for action in [
        Action::Metric(1),
        Action::ToggleOrder,
        Action::ToggleShowAll,
        Action::TogglePin(0),
    ] {
        let name = action.name();
        assert_eq!(
            c.apply(action),
            Err(Refusal::NotForKind {
                action: name,
                kind: ChartKind::Trend
            })
        );
    }
    assert!(!has_transition(&mut c));
    assert!(c.ranking().is_none());
    assert_eq!(c.marks(), before.as_slice());
    assert_eq!(c.announcement(), "");
}

#[test]
fn a_drag_ending_a_pixel_short_of_a_year_takes_that_year() {
    let mut c = trend();
    let (a, b) = (column_x(&c, 2014), column_x(&c, 2017));
    apply(&mut c, Action::ZoomTo(a + 1.5, b - 1.5));
    assert_eq!(zoom(&c), Some((2014, 2017)));
}

#[test]
fn the_engine_tells_a_drag_from_a_click() {
    // A trend: a press, moves past DRAG_PX and a release zoom to the dragged years.
    let mut c = trend();
    let (x14, x17) = (column_x(&c, 2014), column_x(&c, 2017));
    let y = 100.0;
    c.request(Request::Press { x: x14 - 5.0, y })
        .expect("press");
    c.request(Request::Pointer { x: x14 - 2.0, y })
        .expect("a move within DRAG_PX");
    assert!(
        !c.overlay().iter().any(|m| matches!(m, Mark::Shade { .. })),
        "no selection yet: it may still be a click"
    );
    c.request(Request::Pointer { x: x17 + 5.0, y })
        .expect("a drag");
    assert!(
        c.overlay().iter().any(|m| matches!(m, Mark::Shade { .. })),
        "the selection shows"
    );
    let changed = c
        .request(Request::Release { x: x17 + 5.0, y })
        .expect("release");
    assert!(changed.marks && changed.announcement);
    assert_eq!(zoom(&c), Some((2014, 2017)));
    // A double click shows every year again; on a ranking it does nothing, refusing nothing.
    c.request(Request::DoubleClick).expect("double click");
    assert_eq!(zoom(&c), None);
    let mut r = ranking();
    assert_eq!(r.request(Request::DoubleClick), Ok(Changed::NOTHING));

    // A ranking refuses the drag, so the same gesture is hover and then a click:
    // a press and release on a bar pins its village, even after a move.
    let bar = r.ranking().expect("ranking").layout().bars[0].rect;
    let (bx, by) = (bar.x + bar.w / 2.0, bar.y + bar.h / 2.0);
    r.request(Request::Press { x: bx - 8.0, y: by })
        .expect("press");
    r.request(Request::Pointer { x: bx, y: by })
        .expect("hover, not a drag");
    r.request(Request::Release { x: bx, y: by })
        .expect("a click");
    assert_eq!(r.pinned().len(), 1, "the bar's village is pinned");
    // Leaving ends a press: the next move is hover, not a drag.
    let mut t = trend();
    t.request(Request::Press { x: x14, y }).expect("press");
    t.request(Request::Leave).expect("leave");
    t.request(Request::Pointer { x: x17, y }).expect("hover");
    assert!(!t.overlay().iter().any(|m| matches!(m, Mark::Shade { .. })));
}
