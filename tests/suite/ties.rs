//! Ties share a rank, as news rankings print them (1, 1, 3), in the bars, the
//! tooltip, the pinned call-out, the announcement, the table and the description.

use std::rc::Rc;

use heluo::chart::ranking::RankingView;
use heluo::{Action, ChartKind};

use crate::util::{apply, dataset_str, engine, ranking_layout};

fn villages(values: &[f64]) -> heluo::Dataset {
    let villages: Vec<_> = values
        .iter()
        .enumerate()
        .map(|(i, v)| serde_json::json!({"name": format!("村{i}"), "values": {"income": v}}))
        .collect();
    dataset_str(
        &serde_json::json!({
            "locale": "zh-CN",
            "ranking": {"metrics": [{"key": "income", "label": "收入", "unit": "元"}], "villages": villages}
        })
        .to_string(),
    )
}

#[test]
fn equal_values_share_a_rank_and_the_next_skips() {
    let d = villages(&[100.0, 300.0, 300.0, 50.0, 100.0]);
    let layout = ranking_layout(&d, &RankingView::new(d.ranking.as_ref().unwrap()), 640.0);
    let ranks: Vec<(usize, bool)> = layout.bars.iter().map(|b| (b.rank, b.tied)).collect();
    assert_eq!(
        ranks,
        vec![(1, true), (1, true), (3, true), (3, true), (5, false)]
    );
}

#[test]
fn a_tie_past_the_top_n_still_counts() {
    // The 15th and 16th share a value: the 15th shown is tied with one not shown.
    let mut values: Vec<f64> = (0..20).map(|i| 1000.0 - i as f64).collect();
    values[15] = values[14];
    let d = villages(&values);
    let layout = ranking_layout(&d, &RankingView::new(d.ranking.as_ref().unwrap()), 640.0);
    let last = layout.bars.last().unwrap();
    assert_eq!((last.rank, last.tied), (15, true));
    assert!(!layout.bars[13].tied);
}

#[test]
fn a_pinned_village_below_the_top_keeps_its_shared_rank() {
    let mut values: Vec<f64> = (0..30).map(|i| 1000.0 - i as f64).collect();
    values[25] = values[24];
    let d = villages(&values);
    let mut chart = engine(Rc::new(d), ChartKind::Ranking);
    apply(&mut chart, Action::TogglePin(25));
    assert_eq!(chart.announcement(), "已标记 村25，并列第 25 名");
    let pinned = chart
        .frame()
        .marks
        .iter()
        .any(|m| matches!(m, heluo::mark::Mark::Text(t) if t.text.contains("并列第 25 名")));
    assert!(pinned, "the call-out says the rank is shared");
}

#[test]
fn the_tooltip_and_table_say_tied() {
    let d = Rc::new(villages(&[300.0, 300.0, 100.0]));
    let mut chart = engine(d, ChartKind::Ranking);
    apply(&mut chart, Action::Key(heluo::engine::Key::Next));
    let tooltip = chart.tooltip().expect("a tooltip on the focused bar");
    assert_eq!(tooltip.heading, "并列第 1 名 · 村0");
    let table = chart.table();
    let ranks: Vec<&str> = table.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ranks, ["1", "1", "3"]);
}

#[test]
fn tied_leaders_are_named_together() {
    let d = Rc::new(villages(&[300.0, 300.0, 100.0, 50.0]));
    let chart = engine(d, ChartKind::Ranking);
    let description = chart.description();
    assert!(
        description.contains("村0、村1的收入在 4 个村中并列第一，为 300 元"),
        "{description}"
    );
    assert!(!description.contains("排第一"), "{description}");
}

#[test]
fn all_equal_and_all_zero_rankings_say_so() {
    for value in [0.0, 7.0] {
        let d = Rc::new(villages(&[value; 20]));
        let chart = engine(d, ChartKind::Ranking);
        let description = chart.description();
        assert!(
            description.contains("20 个村的收入全部相同"),
            "{description}"
        );
        assert!(!description.contains("第一"), "{description}");
        let layout = chart.frame();
        assert!(!layout.marks.is_empty());
    }
    let d = Rc::new(villages(&[5.0; 3]));
    let en = heluo::Engine::new(
        d,
        &heluo::Options::new(ChartKind::Ranking).lang(heluo::text::Lang::En),
    )
    .expect("an English chart");
    assert!(
        en.description().contains("All 3 villages have the same"),
        "{}",
        en.description()
    );
}

#[test]
fn twins_are_told_apart_by_their_group() {
    let villages: Vec<_> = (0..15)
        .map(|i| serde_json::json!({"name": "王屯村", "group": format!("镇{i}"), "values": {"income": 1000 - i}}))
        .collect();
    let d = dataset_str(
        &serde_json::json!({"locale": "zh-CN", "ranking": {"metrics": [{"key": "income", "unit": "元"}], "villages": villages}})
            .to_string(),
    );
    let mut chart = engine(Rc::new(d), ChartKind::Ranking);
    let texts = crate::util::texts(chart.frame().marks);
    for i in 0..15 {
        let label = format!("王屯村（镇{i}）");
        assert!(
            texts.iter().any(|t| *t == label),
            "{label} drawn: {texts:?}"
        );
    }
    apply(&mut chart, Action::TogglePin(3));
    assert_eq!(chart.announcement(), "已标记 王屯村（镇3），第 4 名");
}

#[test]
fn a_long_unit_does_not_take_the_bars() {
    let unit = "元".repeat(2000);
    let d = dataset_str(
        &serde_json::json!({"ranking": {"metrics": [{"key": "income", "unit": unit}], "villages": [
            {"name": "甲", "values": {"income": 200000}}, {"name": "乙", "values": {"income": 1000}}]}})
        .to_string(),
    );
    let width = 860.0;
    let layout = ranking_layout(&d, &RankingView::new(d.ranking.as_ref().unwrap()), width);
    let big = layout.bars[0].rect.w;
    let small = layout.bars[1].rect.w;
    assert!(
        big >= width / 2.0 - 40.0,
        "the longest bar keeps about half the chart: {big}"
    );
    assert!(
        big > 50.0 * small,
        "200,000 and 1,000 look different: {big} vs {small}"
    );
    for mark in &layout.marks {
        if let heluo::mark::Mark::Text(t) = mark {
            let w = heluo::mark::text_width(&t.text, t.size);
            let left = match t.align {
                heluo::mark::Align::Left => t.x,
                heluo::mark::Align::Center => t.x - w / 2.0,
                heluo::mark::Align::Right => t.x - w,
            };
            assert!(
                left >= -0.5 && left + w <= width + 0.5,
                "{:?} runs outside the chart",
                t.text.chars().take(20).collect::<String>()
            );
        }
    }
}

#[test]
fn a_long_name_of_wide_glyphs_stays_in_its_column() {
    for glyph in ["@", "—", "😀", "W"] {
        let name = glyph.repeat(2000);
        let d = dataset_str(
            &serde_json::json!({"ranking": {"metrics": [{"key": "income"}], "villages": [
                {"name": name, "values": {"income": 5}}, {"name": "b", "values": {"income": 3}}]}})
            .to_string(),
        );
        let layout = ranking_layout(&d, &RankingView::new(d.ranking.as_ref().unwrap()), 640.0);
        let cut = crate::util::texts(&layout.marks)
            .into_iter()
            .find(|t| t.starts_with(glyph) && t.ends_with('…'))
            .expect("the name is cut")
            .to_string();
        let drawn: usize = cut.chars().count();
        assert!(drawn < 200, "{glyph}: {drawn} glyphs kept");
    }
}

#[test]
fn one_value_has_one_text_in_bars_tooltip_and_table() {
    let d = Rc::new(dataset_str(
        &serde_json::json!({"locale": "zh-CN", "ranking": {"metrics": [{"key": "income", "unit": "元"}], "villages": [
            {"name": "甲", "values": {"income": 2_000_000}}, {"name": "乙", "values": {"income": 1_234_500}},
            {"name": "丙", "values": {"income": 1_000_000}}]}})
        .to_string(),
    ));
    let mut chart = engine(d, ChartKind::Ranking);
    let texts: Vec<String> = crate::util::texts(chart.frame().marks)
        .iter()
        .map(|t| t.to_string())
        .collect();
    apply(&mut chart, Action::Key(heluo::engine::Key::Next));
    let tooltip = chart.tooltip().expect("a tooltip");
    let in_tooltip = tooltip
        .rows
        .iter()
        .find(|r| r.value.contains('万'))
        .expect("a value")
        .value
        .clone();
    let in_table = chart.table().rows[0].last().cloned().expect("a cell");
    assert!(
        texts.contains(&in_tooltip),
        "bar label {texts:?} vs tooltip {in_tooltip}"
    );
    assert_eq!(in_tooltip, in_table);
    assert_eq!(in_table, "200.00万元");
}
