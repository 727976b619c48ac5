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
