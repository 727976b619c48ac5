//! Ties share a rank, as news rankings print them (1, 1, 3), in the bars, the
//! tooltip, the pinned call-out, the announcement, the table and the description;
//! and the rest of issue 20: twins, long labels measured as drawn (combining
//! marks, joiners, emoji), one value one text, far annotations listed under the chart.

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
    // The tooltip and the description name them apart too.
    apply(&mut chart, Action::Key(heluo::engine::Key::Next));
    assert_eq!(
        chart.tooltip().expect("a tooltip").heading,
        "第 1 名 · 王屯村（镇0）"
    );
    let said = chart.description();
    assert!(
        said.contains("王屯村（镇0）的") && said.contains("王屯村（镇1） "),
        "{said}"
    );
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

/// A trend of 2013–2019 with an annotation in 2015 and one in 2090.
fn far_annotation(locale: &str, far: &str) -> Rc<heluo::Dataset> {
    Rc::new(dataset_str(
        &serde_json::json!({"locale": locale, "trend": {"points": [[2013, 3.1], [2016, 2.0], [2019, 0.5]], "unit": "%",
            "annotations": [{"year": 2015, "label": "决定"}, {"year": 2090, "label": far}]}})
        .to_string(),
    ))
}

#[test]
fn a_far_annotation_is_listed_and_said_rather_than_squashing_the_data() {
    let mut chart = engine(far_annotation("zh-CN", "未来"), ChartKind::Trend);
    let layout = chart.trend().expect("a trend").layout();
    assert_eq!(layout.x.domain, (2013.0, 2019.0));
    // Under the chart, on screen and in the export.
    let note = "未标出的注释：2090年：未来";
    assert!(crate::util::texts(chart.marks()).contains(&note));
    let (marks, _, h) = chart.export();
    let exported = marks
        .iter()
        .find_map(|m| match m {
            heluo::mark::Mark::Text(t) if &*t.text == note => Some(t.y),
            _ => None,
        })
        .expect("the note in the export");
    assert!(exported < h);
    assert!(chart.svg().expect("svg").contains(note));
    // In words: the description, the table's caption.
    let said = chart.description();
    assert!(said.contains("2090年：未来"), "{said}");
    assert!(chart.table().caption.contains("2090年：未来"));
    // Zooming never reaches 2090: zoomed out as far as it goes, the axis is the data's.
    apply(&mut chart, Action::ZoomIn);
    let _ = chart.apply(Action::ZoomOut);
    let _ = chart.apply(Action::ZoomOut);
    assert_eq!(
        chart.trend().expect("a trend").layout().x.domain,
        (2013.0, 2019.0)
    );
    // Zoomed to 2016–2019, the 2015 note is left out but the far one is still said.
    let mut chart = engine(far_annotation("zh-CN", "未来"), ChartKind::Trend);
    let (x0, x1) = {
        let x = &chart.trend().expect("a trend").layout().x;
        (x.map(2016.0), x.map(2019.0))
    };
    let _ = chart.apply(Action::ZoomTo(x0, x1));
    assert_eq!(chart.trend().expect("a trend").layout().years, (2016, 2019));
    let said = chart.description();
    assert!(
        said.contains("2090年：未来") && !said.contains("决定"),
        "{said}"
    );
    // English.
    let chart = engine(far_annotation("en", "future"), ChartKind::Trend);
    assert!(chart.description().contains("2090: future"));
    assert!(crate::util::texts(chart.marks()).contains(&"Annotations not shown: 2090: future"));
}

#[test]
fn combining_marks_joiners_and_selectors_take_no_width() {
    use heluo::mark::text_width;
    let e = text_width("e", 12.0);
    for mark in [
        '\u{0300}',
        '\u{036F}',
        '\u{1AB0}',
        '\u{1AFF}',
        '\u{1DC0}',
        '\u{1DFF}',
        '\u{20D0}',
        '\u{20FF}',
        '\u{FE20}',
        '\u{FE2F}',
        '\u{200D}',
        '\u{200B}',
        '\u{FE0F}',
        '\u{FE00}',
        '\u{E0101}',
    ] {
        let s = format!("e{mark}{mark}{mark}");
        assert_eq!(
            text_width(&s, 12.0),
            e,
            "{:?}",
            s.escape_unicode().to_string()
        );
    }
    // A family joined by zero-width joiners is one emoji wide; a flag's
    // selector adds nothing.
    assert_eq!(
        text_width("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 12.0),
        text_width("\u{1F468}", 12.0)
    );
    assert_eq!(
        text_width("\u{2600}\u{FE0F}", 12.0),
        text_width("\u{2600}", 12.0)
    );
    // Emoji and wide symbols count as wide: at least an em, more than a letter.
    for wide in ["😀", "—", "→", "★", "中", "Ｗ"] {
        assert!(text_width(wide, 12.0) >= 12.0, "{wide}");
    }
}

#[test]
fn stacked_combining_marks_do_not_cut_a_name_early() {
    use heluo::mark::{fit_text, text_width};
    // Ten letters, each under thirty stacked marks (a "zalgo" name).
    let marks: String = ('\u{0300}'..='\u{031D}').collect();
    let name: String = "abcdefghij"
        .chars()
        .map(|c| format!("{c}{marks}"))
        .collect();
    let room = text_width("abcdefghij", 12.0);
    assert_eq!(fit_text(&name, 12.0, room), name);
    // Cut, a letter keeps all its marks, and only whole letters are kept.
    let cut = fit_text(&name, 12.0, room / 2.0);
    let kept = cut.strip_suffix('…').expect("cut with …");
    assert!(name.starts_with(kept));
    assert_eq!(
        kept.chars().count() % (1 + marks.chars().count()),
        0,
        "{cut}"
    );
    // Half the room less the ellipsis (an em) holds two letters of ten.
    assert_eq!(kept.chars().count(), 2 * 31, "{cut}");
    // In a ranking, such a name is drawn whole beside its bar.
    let d = dataset_str(
        &serde_json::json!({"ranking": {"metrics": [{"key": "income"}], "villages": [
            {"name": name, "values": {"income": 5}}, {"name": "b", "values": {"income": 3}}]}})
        .to_string(),
    );
    let layout = ranking_layout(&d, &RankingView::new(d.ranking.as_ref().unwrap()), 640.0);
    assert!(
        crate::util::texts(&layout.marks).contains(&name.as_str()),
        "{:?}",
        crate::util::texts(&layout.marks)
    );
}
