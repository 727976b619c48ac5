//! What the charts say in words: tooltips, tables, titles and descriptions.

use heluo::chart::ranking::describe::{
    description as ranking_description, table as ranking_table, title as ranking_title,
    tooltip as ranking_tooltip_of,
};
use heluo::chart::ranking::{BarMark, RankingLayout, RankingView};
use heluo::chart::trend::describe::{
    description as trend_description, table as trend_table, title as trend_title,
    tooltip as trend_tooltip_of,
};
use heluo::chart::trend::{TrendLayout, TrendView, YearColumn};
use heluo::chart::{Table, Tooltip, TABLE_ROWS};
use heluo::dataset::{Dataset, Ranking, Trend};
use heluo::{Action, ChartKind};

use crate::util::{apply, context, dataset, dataset_str, engine, fixture, luolong, many_villages};

fn trend_layout(d: &Dataset, view: &TrendView) -> TrendLayout {
    crate::util::trend_layout(d, view, 640.0)
}

fn ranking_layout(d: &Dataset, view: &RankingView) -> RankingLayout {
    crate::util::ranking_layout(d, view, 640.0)
}

fn trend_tooltip_with(
    d: &Dataset,
    trend: &Trend,
    view: &TrendView,
    l: &TrendLayout,
    column: &YearColumn,
) -> Tooltip {
    trend_tooltip_of(&context(d), trend, view, l, column, None)
}

fn ranking_tooltip(d: &Dataset, ranking: &Ranking, bar: &BarMark) -> Tooltip {
    ranking_tooltip_of(&context(d), ranking, bar).expect("the bar's village exists")
}

fn ranking_table_of(d: &Dataset, ranking: &Ranking, view: &RankingView) -> Table {
    ranking_table(&context(d), ranking, view)
}

/// The announcement of the tooltip an engine shows with the pointer at `(x, y)`.
fn announced_at(d: &Dataset, kind: ChartKind, x: f64, y: f64) -> String {
    let mut e = engine(std::rc::Rc::new(d.clone()), kind);
    apply(&mut e, Action::Pointer(x, y));
    e.tooltip().expect("a tooltip").announcement
}

fn rows(t: &Tooltip) -> Vec<(&str, &str, Option<&str>)> {
    t.rows
        .iter()
        .map(|r| (r.label.as_str(), r.value.as_str(), r.color.as_deref()))
        .collect()
}

fn trend_tip(d: &Dataset, view: &TrendView, year: i32) -> Tooltip {
    let l = trend_layout(d, view);
    let column = l
        .columns
        .iter()
        .find(|c| c.year == year)
        .expect("a column for the year");
    trend_tooltip_with(d, d.trend.as_ref().expect("trend"), view, &l, column)
}

#[test]
fn trend_tooltip_lists_every_visible_series() {
    let d = luolong();
    let tip = trend_tip(&d, &TrendView::default(), 2013);
    assert_eq!(tip.heading, "2013年");
    assert_eq!(
        rows(&tip),
        [
            ("洛龙区", "3.12%", Some("#c0392b")),
            ("全国农村", "8.5%", Some("#1f6fb5")),
        ]
    );
    // Anchored at the column, at its highest point.
    let l = trend_layout(&d, &TrendView::default());
    let column = &l.columns[1];
    assert_eq!(tip.x, column.x);
    assert_eq!(tip.y, l.y.map(8.5));
    // Announced as one sentence, with Chinese punctuation.
    assert_eq!(
        announced_at(&d, ChartKind::Trend, column.x, l.plot.y + 10.0),
        "2013年：洛龙区 3.12%，全国农村 8.5%"
    );
}

#[test]
fn trend_tooltip_says_a_missing_value_is_missing() {
    // 洛龙区 has no 2015 value: listed with "—", announced as 无数据 (issue 9).
    let d = luolong();
    let tip = trend_tip(&d, &TrendView::default(), 2015);
    assert_eq!(
        rows(&tip),
        [
            ("洛龙区", "—", Some("#c0392b")),
            ("全国农村", "5.7%", Some("#1f6fb5"))
        ]
    );
}

#[test]
fn trend_tooltip_skips_hidden_series() {
    let d = luolong();
    let view = TrendView {
        hidden: vec![0],
        years: None,
        ..TrendView::default()
    };
    let tip = trend_tip(&d, &view, 2019);
    assert_eq!(rows(&tip), [("全国农村", "0.6%", Some("#1f6fb5"))]);
}

#[test]
fn trend_tooltip_in_english() {
    let d = dataset(&fixture("gaps.json"));
    let tip = trend_tip(&d, &TrendView::default(), 2016);
    assert_eq!(tip.heading, "2016");
    assert_eq!(rows(&tip), [("County", "2.5%", Some("#c0392b"))]);
    let l = trend_layout(&d, &TrendView::default());
    assert_eq!(
        announced_at(&d, ChartKind::Trend, tip.x, l.plot.y + 10.0),
        "2016: County 2.5%"
    );
}

#[test]
fn ranking_tooltip_has_rank_village_group_and_every_metric() {
    let d = luolong();
    let ranking = d.ranking.as_ref().expect("ranking");
    let l = ranking_layout(&d, &RankingView::new(ranking));
    let tip = ranking_tooltip(&d, ranking, &l.bars[0]);
    assert_eq!(tip.heading, "第 1 名 · 王屯村");
    assert_eq!(
        rows(&tip),
        [
            ("镇/街道", "科技园街道", None),
            ("村集体经济收入", "200,000 元", None),
            ("户均分红", "2,000 元", None),
        ]
    );
    assert_eq!(tip.x, l.bars[0].rect.right());
    assert_eq!(tip.y, l.bars[0].rect.y);

    // 大西村: no group, no dividend.
    let tip = ranking_tooltip(&d, ranking, &l.bars[3]);
    assert_eq!(tip.heading, "第 4 名 · 大西村");
    assert_eq!(
        rows(&tip),
        [
            ("村集体经济收入", "96,000 元", None),
            ("户均分红", "—", None)
        ]
    );
    // A missing value is shown as a dash but said as "no data".
    let bar = l.bars[3].rect;
    assert_eq!(
        announced_at(&d, ChartKind::Ranking, bar.x + 1.0, bar.y + 1.0),
        "第 4 名 · 大西村：村集体经济收入 96,000 元，户均分红 无数据"
    );
}

#[test]
fn ranking_tooltip_in_english() {
    let d = dataset(&fixture("ranking_only.json"));
    let ranking = d.ranking.as_ref().expect("ranking");
    let l = ranking_layout(&d, &RankingView::new(ranking));
    let tip = ranking_tooltip(&d, ranking, &l.bars[0]);
    assert_eq!(tip.heading, "#1 · Daxi");
    assert_eq!(
        rows(&tip),
        [
            ("Collective income", "1,253,000 元", None),
            ("Dividend per household", "—", None)
        ]
    );
    let bar = l.bars[0].rect;
    assert_eq!(
        announced_at(&d, ChartKind::Ranking, bar.x + 1.0, bar.y + 1.0),
        "#1 · Daxi: Collective income 1,253,000 元, Dividend per household no data"
    );
    let tip = ranking_tooltip(&d, ranking, &l.bars[1]);
    assert_eq!(tip.heading, "#2 · Wangtun");
    assert_eq!(
        rows(&tip),
        [
            ("Group", "Tech Park", None),
            ("Collective income", "200,000 元", None),
            ("Dividend per household", "2,000 元", None),
        ]
    );
}

#[test]
fn trend_table_has_a_row_per_year_and_a_column_per_series() {
    let d = luolong();
    let trend = d.trend.as_ref().expect("trend");
    let l = trend_layout(&d, &TrendView::default());
    let table = trend_table(&context(&d), trend, &l);
    // The annotations, drawn on the chart only, are in words in the caption (issue 22).
    assert_eq!(
        table.caption,
        "贫困发生率。注释：2015年：打赢脱贫攻坚战的决定。"
    );
    assert_eq!(table.columns, ["年份", "洛龙区", "全国农村"]);
    assert_eq!(table.numeric, [false, true, true], "the year is a label");
    assert_eq!(table.rows.len(), 8);
    assert_eq!(table.rows[0], ["2012", "—", "10.2%"]);
    assert_eq!(table.rows[1], ["2013", "3.12%", "8.5%"]);
    assert_eq!(table.rows[7], ["2019", "0.36%", "0.6%"]);
}

#[test]
fn trend_table_shows_gaps() {
    let d = dataset(&fixture("gaps.json"));
    let trend = d.trend.as_ref().expect("trend");
    let l = trend_layout(&d, &TrendView::default());
    let table = trend_table(&context(&d), trend, &l);
    assert_eq!(table.columns, ["Year", "County"]);
    assert_eq!(table.rows[2], ["2015", "—"]);
    assert_eq!(table.rows[3], ["2016", "2.5%"]);
}

#[test]
fn ranking_table_in_rank_order_with_unranked_last() {
    let d = luolong();
    let ranking = d.ranking.as_ref().expect("ranking");
    let table = ranking_table_of(&d, ranking, &RankingView::new(ranking));
    assert_eq!(table.caption, "村集体经济：村集体经济收入");
    assert_eq!(
        table.columns,
        [
            "排名",
            "村",
            "镇/街道",
            "村集体经济收入（元）",
            "户均分红（元）"
        ]
    );
    assert_eq!(table.numeric, [true, false, false, true, true]);
    assert_eq!(table.rows.len(), 7);
    assert_eq!(
        table.rows[0],
        ["1", "王屯村", "科技园街道", "200,000 元", "2,000 元"]
    );
    assert_eq!(table.rows[3], ["4", "大西村", "", "96,000 元", "—"]);

    let by_dividend = RankingView {
        metric: 1,
        ..RankingView::new(ranking)
    };
    let table = ranking_table_of(&d, ranking, &by_dividend);
    assert_eq!(table.caption, "村集体经济：户均分红");
    let order: Vec<(&str, &str)> = table
        .rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("1", "王屯村"),
            ("2", "夏庄村"),
            ("3", "皂角树村"),
            ("4", "溢坡村"),
            ("—", "大西村"),
            ("—", "王山村"),
            ("—", "分金沟村"),
        ]
    );
}

#[test]
fn ranking_table_lists_every_village_beyond_the_top_15() {
    let d = many_villages(40, 3);
    let ranking = d.ranking.as_ref().expect("ranking");
    let table = ranking_table_of(&d, ranking, &RankingView::new(ranking));
    assert_eq!(table.rows.len(), 43);
    assert_eq!(table.rows[0][..2], ["1", "村40"]);
    assert_eq!(table.rows[39][..2], ["40", "村01"]);
    assert_eq!(table.rows[42][..2], ["—", "无数村3"]);
    assert_eq!(table.columns[..3], ["排名", "村", "镇/街道"]);
}

#[test]
fn english_table_columns() {
    let d = dataset(&fixture("ranking_only.json"));
    let ranking = d.ranking.as_ref().expect("ranking");
    let table = ranking_table_of(&d, ranking, &RankingView::new(ranking));
    assert_eq!(
        table.columns,
        [
            "Rank",
            "Village",
            "Group",
            "Collective income (元)",
            "Dividend per household (元)"
        ]
    );
    assert_eq!(table.numeric, [true, false, false, true, true]);
    assert_eq!(table.caption, "Collective income");
}

#[test]
fn titles() {
    let d = luolong();
    let trend = d.trend.as_ref().expect("trend");
    let cx = context(&d);
    assert_eq!(trend_title(&cx, trend), "贫困发生率");
    let ranking = d.ranking.as_ref().expect("ranking");
    assert_eq!(
        ranking_title(&cx, ranking, &RankingView::new(ranking)),
        "村集体经济：村集体经济收入"
    );
    let national = crate::util::national();
    assert_eq!(
        trend_title(&context(&national), national.trend.as_ref().expect("trend")),
        "全国农村贫困发生率"
    );
    // English joins the title and the metric with an English colon.
    let en = dataset(
        br#"{"locale": "en", "ranking": {"title": "Villages", "metrics": [{"key": "v", "label": "Income"}],
            "villages": [{"name": "A", "values": {"v": 1}}]}}"#,
    );
    let r = en.ranking.as_ref().expect("ranking");
    assert_eq!(
        ranking_title(&context(&en), r, &RankingView::new(r)),
        "Villages: Income"
    );
}

#[test]
fn descriptions() {
    let d = luolong();
    let cx = context(&d);
    let trend = d.trend.as_ref().expect("trend");
    let l = trend_layout(&d, &TrendView::default());
    assert_eq!(
        trend_description(&cx, trend, &l, &TrendView::default()),
        "折线图，贫困发生率。洛龙区从2013年的3.12%降至2019年的0.36%；全国农村从2012年的10.2%降至2019年的0.6%。注释：2015年：打赢脱贫攻坚战的决定。"
    );
    let ranking = d.ranking.as_ref().expect("ranking");
    let view = RankingView::new(ranking);
    let l = ranking_layout(&d, &view);
    assert_eq!(
        ranking_description(&cx, ranking, &view, &l),
        "条形图，村集体经济：村集体经济收入。王屯村的村集体经济收入在 7 个村中排第一，为 200,000 元；其后是夏庄村 168,000 元，皂角树村 152,000 元。"
    );

    let en = dataset(&fixture("gaps.json"));
    let trend = en.trend.as_ref().expect("trend");
    let l = trend_layout(&en, &TrendView::default());
    assert_eq!(
        trend_description(&context(&en), trend, &l, &TrendView::default()),
        "Line chart: Poverty rate with missing years. County fell from 5.0% in 2013 to 1.5% in 2017."
    );
    let en = dataset(&fixture("ranking_only.json"));
    let ranking = en.ranking.as_ref().expect("ranking");
    let view = RankingView::new(ranking);
    let l = ranking_layout(&en, &view);
    assert_eq!(
        ranking_description(&context(&en), ranking, &view, &l),
        "Bar chart: Collective income. Daxi ranks first of 4 villages by Collective income, 1,253,000 元; then Wangtun 200,000 元, Xiazhuang (Lilou) 168,000 元."
    );
}

#[test]
fn descriptions_of_rises_flat_lines_single_points_and_empty_series() {
    let d = dataset_str(
        r#"{"trend": {"series": [
            {"name": "甲", "points": [[2013, 1], [2019, 2]]},
            {"name": "乙", "points": [[2013, 2], [2019, 2]]},
            {"name": "丙", "points": [[2015, 4]]},
            {"name": "丁", "points": [[2015, null]]}]}}"#,
    );
    let trend = d.trend.as_ref().expect("trend");
    let l = trend_layout(&d, &TrendView::default());
    assert_eq!(
        trend_description(&context(&d), trend, &l, &TrendView::default()),
        "折线图，趋势。甲从2013年的1升至2019年的2；乙在2013年和2019年都是2；丙在2015年为4；丁没有数据。"
    );
    // A ranking where nobody has a value for the metric.
    let r = dataset_str(
        r#"{"ranking": {"metrics": [{"key": "a", "label": "甲"}], "villages": [{"name": "一村", "values": {}}]}}"#,
    );
    let ranking = r.ranking.as_ref().expect("ranking");
    let view = RankingView::new(ranking);
    let l = ranking_layout(&r, &view);
    assert_eq!(
        ranking_description(&context(&r), ranking, &view, &l),
        "条形图，甲，没有数据。"
    );
}

#[test]
fn a_large_ranking_table_stops_at_the_cap_and_says_so() {
    let d = many_villages(1500, 3);
    let r = d.ranking.as_ref().expect("ranking");
    let table = ranking_table_of(&d, r, &RankingView::new(r));
    assert_eq!(table.rows.len(), TABLE_ROWS);
    assert_eq!(
        table.caption,
        "村集体经济收入（表中列出前 1,000 个，共 1,503 个村）"
    );
    let en = heluo::parse(
        serde_json::json!({
            "locale": "en",
            "ranking": {
                "item": "country", "items": "countries",
                "metrics": [{"key": "v", "label": "Income"}],
                "villages": (0..1200).map(|i| serde_json::json!({"name": format!("C{i}"), "values": {"v": i}})).collect::<Vec<_>>()
            }
        })
        .to_string()
        .as_bytes(),
    )
    .expect("valid");
    let r = en.ranking.as_ref().expect("ranking");
    assert_eq!(
        ranking_table_of(&en, r, &RankingView::new(r)).caption,
        "Income (the first 1,000 of 1,200 countries)"
    );
    assert_eq!(table.rows[0][1], "村1500", "the table follows the ranking");
}

#[test]
fn the_table_under_a_group_filter_lists_only_that_group() {
    // Villages without an income have no group here; filtering to 东镇 must not list them.
    let d = many_villages(6, 2);
    let r = d.ranking.as_ref().expect("ranking");
    let view = RankingView {
        group: Some("东镇".into()),
        ..RankingView::new(r)
    };
    let table = ranking_table_of(&d, r, &view);
    let names: Vec<&str> = table.rows.iter().map(|row| row[1].as_str()).collect();
    assert_eq!(names, ["村06", "村04", "村02"]);
}

#[test]
fn the_trend_description_follows_zoom_and_hidden_lines_and_says_the_annotations() {
    let d = luolong();
    let cx = context(&d);
    let trend = d.trend.as_ref().expect("trend");
    // Zoomed to 2016–2019: the clauses start there, and 2015's annotation is left out.
    let view = TrendView {
        years: Some((2016, 2019)),
        ..TrendView::default()
    };
    let l = trend_layout(&d, &view);
    assert_eq!(
        trend_description(&cx, trend, &l, &view),
        "折线图，贫困发生率。洛龙区在2019年为0.36%；全国农村从2016年的4.5%降至2019年的0.6%。"
    );
    // A hidden line is not described.
    let view = TrendView {
        hidden: vec![1],
        ..TrendView::default()
    };
    let l = trend_layout(&d, &view);
    assert_eq!(
        trend_description(&cx, trend, &l, &view),
        "折线图，贫困发生率。洛龙区从2013年的3.12%降至2019年的0.36%。注释：2015年：打赢脱贫攻坚战的决定。"
    );
    // Many annotations: ten said, then how many more.
    let notes: Vec<String> = (0..25)
        .map(|i| format!(r#"{{"year": {}, "label": "注{i}"}}"#, 2013 + i % 5))
        .collect();
    let d = dataset_str(&format!(
        r#"{{"trend": {{"series": [{{"name": "甲", "points": [[2013, 1], [2019, 2]]}}], "annotations": [{}]}}}}"#,
        notes.join(",")
    ));
    let trend = d.trend.as_ref().expect("trend");
    let l = trend_layout(&d, &TrendView::default());
    let said = trend_description(&context(&d), trend, &l, &TrendView::default());
    assert!(said.ends_with(" 等 15 条。"), "{said}");
    assert_eq!(said.matches("注").count(), 11, "{said}");
}
