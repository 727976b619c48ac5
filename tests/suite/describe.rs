//! What the charts say in words: tooltips, tables and summaries.

use heluo::dataset::Dataset;
use heluo::describe::{
    ranking_summary, ranking_table, ranking_title, ranking_tooltip, trend_summary, trend_table,
    trend_title, trend_tooltip, Tooltip,
};
use heluo::layout::{RankingLayout, RankingView, TrendLayout, TrendView};

use crate::util::{dataset, fixture, luolong, many_villages};

fn trend_layout(d: &Dataset, view: &TrendView) -> TrendLayout {
    TrendLayout::new(d, d.trend.as_ref().expect("trend"), view, 640.0)
}

fn ranking_layout(d: &Dataset, view: &RankingView) -> RankingLayout {
    RankingLayout::new(d, d.ranking.as_ref().expect("ranking"), view, 640.0)
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
    trend_tooltip(d, d.trend.as_ref().expect("trend"), &l, column)
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
    assert_eq!(tip.sentence(), "2013年: 洛龙区 3.12%, 全国农村 8.5%");
    // Anchored at the column, at its highest point.
    let l = trend_layout(&d, &TrendView::default());
    let column = &l.columns[1];
    assert_eq!(tip.x, column.x);
    assert_eq!(tip.y, l.y.map(8.5));
}

#[test]
fn trend_tooltip_only_names_series_with_a_point() {
    let d = luolong();
    let tip = trend_tip(&d, &TrendView::default(), 2015);
    assert_eq!(rows(&tip), [("全国农村", "5.7%", Some("#1f6fb5"))]);
}

#[test]
fn trend_tooltip_skips_hidden_series() {
    let d = luolong();
    let view = TrendView {
        hidden: vec![0],
        years: None,
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
            ("Collective income", "125.3万元", None),
            ("Dividend per household", "—", None)
        ]
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
    let table = trend_table(&d, trend, &l);
    assert_eq!(table.caption, "贫困发生率");
    assert_eq!(table.columns, ["年份", "洛龙区", "全国农村"]);
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
    let table = trend_table(&d, trend, &l);
    assert_eq!(table.columns, ["Year", "County"]);
    assert_eq!(table.rows[2], ["2015", "—"]);
    assert_eq!(table.rows[3], ["2016", "2.5%"]);
}

#[test]
fn ranking_table_in_rank_order_with_unranked_last() {
    let d = luolong();
    let ranking = d.ranking.as_ref().expect("ranking");
    let table = ranking_table(&d, ranking, &RankingView::new(ranking));
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
    let table = ranking_table(&d, ranking, &by_dividend);
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
    let table = ranking_table(&d, ranking, &RankingView::new(ranking));
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
    let table = ranking_table(&d, ranking, &RankingView::new(ranking));
    assert_eq!(
        table.columns,
        [
            "Rank",
            "Village",
            "Group",
            "Collective income（元）",
            "Dividend per household（元）"
        ]
    );
    assert_eq!(table.caption, "Collective income");
}

#[test]
fn titles() {
    let d = luolong();
    let trend = d.trend.as_ref().expect("trend");
    assert_eq!(trend_title(&d, trend), "贫困发生率");
    let ranking = d.ranking.as_ref().expect("ranking");
    assert_eq!(
        ranking_title(ranking, &RankingView::new(ranking)),
        "村集体经济：村集体经济收入"
    );
    let national = crate::util::national();
    assert_eq!(
        trend_title(&national, national.trend.as_ref().expect("trend")),
        "全国农村贫困发生率"
    );
}

#[test]
fn summaries() {
    let d = luolong();
    let trend = d.trend.as_ref().expect("trend");
    let l = trend_layout(&d, &TrendView::default());
    assert_eq!(
        trend_summary(&d, trend, &l),
        "折线图，贫困发生率。洛龙区：2013年 3.12% 至 2019年 0.36%；全国农村：2012年 10.2% 至 2019年 0.6%"
    );
    let ranking = d.ranking.as_ref().expect("ranking");
    let view = RankingView::new(ranking);
    let l = ranking_layout(&d, &view);
    assert_eq!(
        ranking_summary(&d, ranking, &view, &l),
        "条形图，村集体经济：村集体经济收入。前列：王屯村 200,000 元，夏庄村 168,000 元，皂角树村 152,000 元"
    );

    let en = dataset(&fixture("gaps.json"));
    let trend = en.trend.as_ref().expect("trend");
    let l = trend_layout(&en, &TrendView::default());
    assert_eq!(
        trend_summary(&en, trend, &l),
        "Line chart: Poverty rate with missing years. County: 2013 5.0% to 2017 1.5%"
    );
}

#[test]
fn a_large_ranking_table_stops_at_the_cap_and_says_so() {
    let d = many_villages(1500, 3);
    let r = d.ranking.as_ref().expect("ranking");
    let table = ranking_table(&d, r, &RankingView::new(r));
    assert_eq!(table.rows.len(), heluo::describe::TABLE_ROWS);
    assert_eq!(
        table.caption,
        "村集体经济收入（表中列出前 1,000 个，共 1,503 个村）"
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
    let table = ranking_table(&d, r, &view);
    let names: Vec<&str> = table.rows.iter().map(|row| row[1].as_str()).collect();
    assert_eq!(names, ["村06", "村04", "村02"]);
}
