//! Hit-testing: the pointer finds what was drawn under it, and nothing elsewhere.

use heluo::chart::ranking::hit::{bar_at, bar_of, group_at};
use heluo::chart::ranking::{RankingLayout, RankingView};
use heluo::chart::trend::hit::{annotation, annotation_at, column_index, legend_at, nearest_year};
use heluo::chart::trend::{TrendLayout, TrendView};

use crate::util::{luolong, many_villages, ranking_layout, trend_layout};

fn trend(view: &TrendView) -> TrendLayout {
    trend_layout(&luolong(), view, 640.0)
}

fn ranking(d: &heluo::Dataset) -> RankingLayout {
    let r = d.ranking.as_ref().expect("ranking");
    ranking_layout(d, &RankingView::new(r), 640.0)
}

fn year_at(l: &TrendLayout, x: f64, y: f64) -> Option<i32> {
    nearest_year(l, x, y).map(|c| c.year)
}

fn x_of(l: &TrendLayout, year: i32) -> f64 {
    l.columns.iter().find(|c| c.year == year).expect("column").x
}

#[test]
fn nearest_year_picks_the_closest_column_by_x() {
    let l = trend(&TrendView::default());
    let mid_y = l.plot.y + l.plot.h / 2.0;
    for c in &l.columns {
        assert_eq!(year_at(&l, c.x, mid_y), Some(c.year));
    }
    let (x13, x14) = (x_of(&l, 2013), x_of(&l, 2014));
    let gap = x14 - x13;
    assert_eq!(year_at(&l, x13 + 0.4 * gap, mid_y), Some(2013));
    assert_eq!(year_at(&l, x13 + 0.6 * gap, mid_y), Some(2014));
    assert_eq!(
        year_at(&l, x13 + 0.5 * gap, mid_y),
        Some(2013),
        "a tie goes left"
    );
    // Only x counts: top and bottom of the plot pick the same year.
    assert_eq!(year_at(&l, x14, l.plot.y), Some(2014));
    assert_eq!(year_at(&l, x14, l.plot.bottom()), Some(2014));
}

#[test]
fn nearest_year_within_a_little_slop_of_the_plot() {
    let l = trend(&TrendView::default());
    let p = l.plot;
    let mid_y = p.y + p.h / 2.0;
    assert_eq!(year_at(&l, p.x - 11.0, mid_y), Some(2012));
    assert_eq!(year_at(&l, p.right() + 11.0, mid_y), Some(2019));
    assert_eq!(year_at(&l, x_of(&l, 2015), p.bottom() + 11.0), Some(2015));
}

#[test]
fn nearest_year_is_none_outside_the_plot() {
    let l = trend(&TrendView::default());
    let p = l.plot;
    let mid_y = p.y + p.h / 2.0;
    let x = x_of(&l, 2015);
    assert_eq!(year_at(&l, p.x - 13.0, mid_y), None);
    assert_eq!(year_at(&l, p.right() + 13.0, mid_y), None);
    assert_eq!(year_at(&l, x, p.y - 13.0), None);
    assert_eq!(year_at(&l, x, p.bottom() + 13.0), None);
    assert_eq!(year_at(&l, x, 0.0), None, "the title");
    assert_eq!(year_at(&l, f64::NAN, mid_y), None);
    assert_eq!(year_at(&l, x, f64::NAN), None);
    assert_eq!(year_at(&l, f64::INFINITY, mid_y), None);
}

#[test]
fn nearest_year_skips_hidden_series_and_zoomed_out_years() {
    let hidden = trend(&TrendView {
        hidden: vec![1],
        years: None,
        ..TrendView::default()
    });
    let full = trend(&TrendView::default());
    let mid_y = hidden.plot.y + hidden.plot.h / 2.0;
    // With only 洛龙区 shown, 2015 has no point: the pointer there snaps to 2013.
    assert_eq!(year_at(&hidden, x_of(&full, 2015), mid_y), Some(2013));
    assert_eq!(year_at(&hidden, x_of(&full, 2017), mid_y), Some(2019));

    let none = trend(&TrendView {
        hidden: vec![0, 1],
        years: None,
        ..TrendView::default()
    });
    assert_eq!(year_at(&none, x_of(&full, 2015), mid_y), None);
}

#[test]
fn column_index_finds_drawn_years() {
    let l = trend(&TrendView::default());
    assert_eq!(column_index(&l, 2012), Some(0));
    assert_eq!(column_index(&l, 2019), Some(7));
    assert_eq!(column_index(&l, 2011), None);
    assert_eq!(column_index(&l, 2020), None);
}

#[test]
fn legend_at_finds_the_entry() {
    let l = trend(&TrendView::default());
    for item in &l.legend {
        let (cx, cy) = (
            item.rect.x + item.rect.w / 2.0,
            item.rect.y + item.rect.h / 2.0,
        );
        assert_eq!(legend_at(&l, cx, cy), Some(item.index));
        assert_eq!(
            legend_at(&l, item.rect.x + 1.0, item.rect.y + 1.0),
            Some(item.index)
        );
    }
    let (a, b) = (&l.legend[0].rect, &l.legend[1].rect);
    assert!(a.right() < b.x, "a gap between entries");
    let mid = a.y + a.h / 2.0;
    assert_eq!(legend_at(&l, (a.right() + b.x) / 2.0, mid), None);
    assert_eq!(legend_at(&l, b.right() + 5.0, mid), None);
    assert_eq!(legend_at(&l, a.x + 5.0, a.bottom() + 5.0), None);
    assert_eq!(legend_at(&l, f64::NAN, mid), None);
}

#[test]
fn legend_at_still_finds_a_hidden_series() {
    let l = trend(&TrendView {
        hidden: vec![0],
        years: None,
        ..TrendView::default()
    });
    let r = &l.legend[0].rect;
    assert_eq!(legend_at(&l, r.x + 2.0, r.y + 2.0), Some(0), "to unhide it");
}

#[test]
fn annotation_at_finds_the_label() {
    let l = trend(&TrendView::default());
    let r = l.annotations[0].rect;
    let hit = annotation_at(&l, r.x + r.w / 2.0, r.y + r.h / 2.0).expect("annotation");
    assert_eq!(hit, 0);
    let a = annotation(&l, hit).expect("annotation 0");
    assert_eq!(a.label, "打赢脱贫攻坚战的决定");
    assert!(annotation(&l, 1).is_none());
    assert!(annotation_at(&l, r.x - 2.0, r.y + r.h / 2.0).is_none());
    assert!(annotation_at(&l, r.x + 2.0, r.bottom() + 2.0).is_none());
}

#[test]
fn bar_at_returns_the_row_under_the_pointer() {
    let d = luolong();
    let l = ranking(&d);
    for b in &l.bars {
        let (cx, cy) = (b.rect.x + b.rect.w / 2.0, b.rect.y + b.rect.h / 2.0);
        assert_eq!(bar_at(&l, cx, cy).map(|h| h.rank), Some(b.rank));
        // The whole row answers: over the name, and in the space above the bar.
        assert_eq!(bar_at(&l, b.row.x + 1.0, cy).map(|h| h.rank), Some(b.rank));
        assert_eq!(bar_at(&l, cx, b.row.y + 1.0).map(|h| h.rank), Some(b.rank));
        assert_eq!(
            bar_at(&l, b.row.right() - 1.0, b.row.bottom() - 1.0).map(|h| h.rank),
            Some(b.rank)
        );
    }
}

#[test]
fn bar_at_is_none_outside_the_rows() {
    let d = luolong();
    let l = ranking(&d);
    let first = &l.bars[0];
    let last = &l.bars[l.bars.len() - 1];
    let cy = first.rect.y + first.rect.h / 2.0;
    assert!(
        bar_at(&l, first.rect.x + 1.0, l.plot.y - 1.0).is_none(),
        "above"
    );
    assert!(
        bar_at(&l, first.rect.x + 1.0, last.row.bottom() + 1.0).is_none(),
        "below"
    );
    assert!(
        bar_at(&l, first.row.x - 1.0, cy).is_none(),
        "left of the row"
    );
    assert!(
        bar_at(&l, first.row.right() + 1.0, cy).is_none(),
        "right of the row"
    );
    assert!(bar_at(&l, f64::NAN, cy).is_none());
    assert!(bar_at(&l, first.rect.x + 1.0, f64::NAN).is_none());
    assert!(bar_at(&l, f64::INFINITY, cy).is_none());
    assert!(bar_at(&l, 100.0, 0.0).is_none(), "the title");
}

#[test]
fn bar_at_ignores_rows_beyond_the_top_15() {
    let d = many_villages(40, 0);
    let l = ranking(&d);
    let last = &l.bars[14];
    let x = last.rect.x + 1.0;
    assert_eq!(bar_at(&l, x, last.row.y + 5.0).map(|b| b.rank), Some(15));
    assert!(bar_at(&l, x, last.row.bottom() + 5.0).is_none());
    assert!(bar_at(&l, x, last.row.bottom() + 100.0 * 26.0).is_none());
}

#[test]
fn bar_of_finds_a_shown_village_and_group_at_its_legend_entry() {
    let d = many_villages(40, 0);
    let l = ranking(&d);
    // 村40 (index 39) is first; 村05 (index 4) is 36th, beyond the top 15.
    assert_eq!(bar_of(&l, 39).map(|b| b.rank), Some(1));
    assert!(bar_of(&l, 4).is_none(), "not shown");
    assert!(bar_of(&l, 1000).is_none(), "no such village");
    for item in &l.legend {
        let (x, y) = (item.rect.x + 2.0, item.rect.y + 2.0);
        assert_eq!(group_at(&l, x, y), Some(l.groups[item.index].as_str()));
        assert!(bar_at(&l, x, y).is_none(), "the legend is not a bar");
    }
    assert_eq!(
        l.groups,
        ["西镇", "东镇"].map(String::from),
        "order of first appearance: 村01 is 西镇, 村02 东镇"
    );
}
