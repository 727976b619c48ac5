//! The engine API: options checked, actions refused when they do not apply,
//! what changed said right, engines independent of each other, themes as input.

use std::rc::Rc;

use heluo::chart::{Control, Tooltip};
use heluo::engine::Key;
use heluo::mark::Mark;
use heluo::theme::{ThemeName, DARK, LIGHT};
use heluo::{Action, Changed, ChartKind, Dataset, Engine, Options, Refusal, Request};

use crate::util::{apply, engine, luolong, many_villages, national, texts};

/// Everything a reader can see of a chart, to compare before and after.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    size: (f64, f64),
    marks: Vec<Mark>,
    overlay: Vec<Mark>,
    tooltip: Option<Tooltip>,
    title: String,
    description: String,
    controls: Vec<Control>,
    announcement: String,
    table: (String, Vec<String>, Vec<Vec<String>>),
}

fn seen(e: &Engine) -> Seen {
    let table = e.table();
    Seen {
        size: e.size(),
        marks: e.marks().to_vec(),
        overlay: e.overlay(),
        tooltip: e.tooltip(),
        title: e.title(),
        description: e.description(),
        controls: e.controls(),
        announcement: e.announcement().to_string(),
        table: (table.caption, table.columns, table.rows),
    }
}

/// One of every action, with arguments that are valid for the sample.
fn every_action() -> Vec<Action> {
    vec![
        Action::Resize(500.0),
        Action::Theme(ThemeName::Dark),
        Action::Lang(heluo::text::Lang::En),
        Action::Pointer(300.0, 200.0),
        Action::Leave,
        Action::Click(300.0, 200.0),
        Action::Key(Key::Next),
        Action::Legend(0),
        Action::Drag(100.0, 400.0),
        Action::ZoomTo(100.0, 400.0),
        Action::ZoomYears(2014, 2017),
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ResetZoom,
        Action::Metric(1),
        Action::ToggleOrder,
        Action::ToggleShowAll,
        Action::TogglePin(0),
        Action::Group(0),
        Action::Search("王".into()),
        Action::PinSearch("王".into()),
        Action::Highlight(0),
    ]
}

/// Which kinds an action applies to.
fn applies_to(action: &Action, kind: ChartKind) -> bool {
    match action {
        Action::Resize(_)
        | Action::Theme(_)
        | Action::Lang(_)
        | Action::Pointer(..)
        | Action::Leave
        | Action::Click(..)
        | Action::Key(_)
        | Action::Search(_)
        | Action::PinSearch(_)
        | Action::Legend(_) => true,
        Action::Drag(..)
        | Action::ZoomTo(..)
        | Action::ZoomYears(..)
        | Action::ZoomIn
        | Action::ZoomOut
        | Action::ResetZoom
        | Action::Highlight(_) => kind == ChartKind::Trend,
        Action::Metric(_)
        | Action::Group(_)
        | Action::ToggleOrder
        | Action::ToggleShowAll
        | Action::TogglePin(_) => kind == ChartKind::Ranking,
    }
}

/// A chart with some state worth keeping: a hover, and a zoom or a pin.
fn busy(kind: ChartKind) -> Engine {
    let mut e = engine(luolong(), kind);
    match kind {
        ChartKind::Trend => {
            apply(&mut e, Action::ZoomIn);
        }
        ChartKind::Ranking => {
            apply(&mut e, Action::TogglePin(3));
        }
    }
    apply(&mut e, Action::Key(Key::First));
    assert!(e.tooltip().is_some());
    e
}

// ---------------------------------------------------------------- a shared view

#[test]
fn a_link_s_view_applies_by_years_and_names_and_reads_back() {
    let mut trend = engine(national(), ChartKind::Trend);
    assert_eq!(trend.zoomed(), None);
    trend
        .request(Request::ZoomYears {
            from: 2017.0,
            to: 2014.0,
        })
        .expect("zoom by years");
    assert_eq!(trend.zoomed(), Some((2014, 2017)), "either order");
    // Years the data does not have zoom to the data's years inside them;
    // fewer than two change nothing.
    let changed = trend
        .request(Request::ZoomYears {
            from: 1900.0,
            to: 1901.0,
        })
        .expect("not refused");
    assert_eq!(changed, Changed::NOTHING);
    assert_eq!(trend.zoomed(), Some((2014, 2017)));
    trend
        .request(Request::ZoomYears {
            from: f64::NAN,
            to: 1e12,
        })
        .expect("saturates, no panic");
    assert!(trend.pinned().is_empty());

    let mut ranking = engine(luolong(), ChartKind::Ranking);
    assert!(ranking.pinned().is_empty());
    for village in ["夏庄村", "王屯村"] {
        ranking
            .request(Request::Pin {
                village: village.into(),
            })
            .expect("pin");
    }
    assert_eq!(
        ranking.pinned(),
        vec!["夏庄村", "王屯村"],
        "in the order pinned"
    );
    assert_eq!(ranking.zoomed(), None);
    assert!(ranking
        .request(Request::ZoomYears {
            from: 2014.0,
            to: 2017.0
        })
        .is_err());
}

// ---------------------------------------------------------------- refusals

#[test]
fn an_action_on_the_wrong_kind_is_refused_and_changes_nothing() {
    let mut refused = 0;
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        for action in every_action() {
            let mut e = busy(kind);
            let before = seen(&e);
            let result = e.apply(action.clone());
            if applies_to(&action, kind) {
                assert!(result.is_ok(), "{kind:?}: {action:?} refused: {result:?}");
                continue;
            }
            refused += 1;
            assert_eq!(
                result,
                Err(Refusal::NotForKind {
                    action: action.name(),
                    kind
                }),
                "{kind:?}: {action:?}"
            );
            assert_eq!(seen(&e), before, "{kind:?}: {action:?} changed the chart");
            assert_eq!(e.transition_marks(0.0), None, "{kind:?}: {action:?}");
        }
    }
    assert_eq!(
        refused,
        5 + 7,
        "five ranking-only and seven trend-only actions"
    );
}

#[test]
fn refusals_say_why_in_words() {
    let mut t = engine(luolong(), ChartKind::Trend);
    let r = t
        .apply(Action::Metric(1))
        .expect_err("a trend has no metrics");
    assert_eq!(r.to_string(), "\"metric\" does not apply to a trend chart");
    let mut r = engine(luolong(), ChartKind::Ranking);
    let refusal = r.apply(Action::TogglePin(99)).expect_err("7 villages");
    assert_eq!(refusal.to_string(), "\"togglePin\": there is no item 99");
}

#[test]
fn an_index_beyond_the_data_is_refused_and_changes_nothing() {
    for (kind, action) in [
        (ChartKind::Trend, Action::Legend(2)),
        (ChartKind::Ranking, Action::Legend(3)),
        (ChartKind::Ranking, Action::Metric(2)),
        (ChartKind::Ranking, Action::TogglePin(7)),
        (ChartKind::Ranking, Action::TogglePin(usize::MAX)),
    ] {
        let mut e = busy(kind);
        let before = seen(&e);
        let result = e.apply(action.clone());
        assert!(
            matches!(result, Err(Refusal::NoSuchItem { action: name, .. }) if name == action.name()),
            "{kind:?}: {action:?} gave {result:?}"
        );
        assert_eq!(seen(&e), before, "{kind:?}: {action:?}");
    }
}

// ---------------------------------------------------------------- what changed

#[test]
fn hover_changes_only_the_overlay_and_tooltip() {
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let mut e = engine(luolong(), kind);
        let (x, y) = match kind {
            ChartKind::Trend => {
                let l = e.trend().expect("trend").layout();
                (l.columns[3].x, l.plot.y + l.plot.h / 2.0)
            }
            ChartKind::Ranking => {
                let b = e.ranking().expect("ranking").layout().bars[3].rect;
                (b.x + 1.0, b.y + 1.0)
            }
        };
        let before = seen(&e);
        let changed = apply(&mut e, Action::Pointer(x, y));
        assert_eq!(
            changed,
            Changed {
                overlay: true,
                tooltip: true,
                ..Changed::NOTHING
            },
            "{kind:?}"
        );
        let after = seen(&e);
        assert_eq!(after.marks, before.marks, "{kind:?}: the base canvas stays");
        assert_eq!(after.controls, before.controls, "{kind:?}");
        assert_eq!(
            after.announcement, before.announcement,
            "{kind:?}: hover says nothing"
        );
        assert_ne!(after.overlay, before.overlay, "{kind:?}");
        assert!(after.tooltip.is_some(), "{kind:?}");
        assert_eq!(
            apply(&mut e, Action::Pointer(x, y)),
            Changed::NOTHING,
            "{kind:?}"
        );
        assert_eq!(apply(&mut e, Action::Leave), Changed::HOVER, "{kind:?}");
        assert_eq!(seen(&e), before, "{kind:?}: leaving restores the view");
    }
}

#[test]
fn a_metric_switch_changes_the_view_the_table_and_starts_a_transition() {
    let mut e = engine(many_villages(40, 3), ChartKind::Ranking);
    let before = seen(&e);
    let changed = apply(&mut e, Action::Metric(1));
    assert!(changed.marks, "{changed:?}");
    assert!(changed.size, "{changed:?}");
    assert!(changed.controls, "{changed:?}");
    assert!(changed.table, "{changed:?}");
    assert!(changed.transition, "{changed:?}");
    assert!(changed.announcement, "{changed:?}");
    assert_eq!(e.announcement(), "按户均分红从大到小排序");
    let after = seen(&e);
    assert_ne!(after.marks, before.marks);
    assert_ne!(after.table, before.table);
    assert_ne!(
        after.size, before.size,
        "three more villages have a dividend"
    );
    let selected = after.controls.iter().find_map(|c| match c {
        Control::Select { selected, .. } => Some(*selected),
        _ => None,
    });
    assert_eq!(selected, Some(1), "the metric control follows");
    assert!(e.transition_marks(0.5).is_some());
}

#[test]
fn a_pin_says_pinned_with_the_rank() {
    let mut e = engine(luolong(), ChartKind::Ranking);
    let changed = apply(&mut e, Action::TogglePin(2));
    assert!(changed.announcement && changed.marks, "{changed:?}");
    assert!(!changed.transition, "a pin moves no row");
    assert!(e.announcement().contains("已标记"), "{}", e.announcement());
    assert!(e.announcement().contains("第 3 名"), "{}", e.announcement());
    assert_eq!(e.frame().announcement, e.announcement());
}

#[test]
fn show_all_changes_the_view_and_the_button() {
    let mut e = engine(many_villages(40, 0), ChartKind::Ranking);
    let button = |e: &Engine| {
        e.controls()
            .into_iter()
            .find_map(|c| match c {
                Control::Button {
                    id: "show-all",
                    label,
                    pressed,
                    hidden,
                    ..
                } => Some((label, pressed, hidden)),
                _ => None,
            })
            .expect("a show-all button")
    };
    assert_eq!(
        button(&e),
        ("显示全部（另有 25 个村）".into(), Some(false), false)
    );
    let changed = apply(&mut e, Action::ToggleShowAll);
    assert!(
        changed.marks && changed.size && changed.controls && changed.announcement,
        "{changed:?}"
    );
    assert_eq!(button(&e), ("只显示前 15 名".into(), Some(true), false));
    assert_eq!(e.announcement(), "显示全部 40 个村");
    // Seven villages fit: the button hides.
    let small = engine(luolong(), ChartKind::Ranking);
    assert!(button(&small).2, "nothing more to show");
}

/// A zoomed year range, and the three zoom buttons' (label, hidden).
type ZoomState = (Option<(i32, i32)>, Vec<(String, bool)>);

fn zoom_state(e: &Engine) -> ZoomState {
    let buttons = e
        .controls()
        .into_iter()
        .filter_map(|c| match c {
            Control::Button { label, hidden, .. } => Some((label, hidden)),
            _ => None,
        })
        .collect();
    (e.trend().expect("trend").view().years, buttons)
}

#[test]
fn zoom_in_out_and_reset_by_actions_and_keys() {
    let by_key = |name: &str| Action::from_key(name, ChartKind::Trend).expect("a zoom key");
    for (zoom_in, zoom_out, reset) in [
        (Action::ZoomIn, Action::ZoomOut, Action::ResetZoom),
        (by_key("+"), by_key("-"), by_key("0")),
    ] {
        let mut e = engine(luolong(), ChartKind::Trend);
        let shown = |label: &str| (label.to_string(), false);
        let hidden = |label: &str| (label.to_string(), true);
        assert_eq!(
            zoom_state(&e),
            (
                None,
                vec![shown("放大"), hidden("缩小"), hidden("重置缩放")]
            )
        );
        assert_eq!(
            apply(&mut e, zoom_out.clone()),
            Changed::NOTHING,
            "not zoomed"
        );
        assert_eq!(apply(&mut e, reset.clone()), Changed::NOTHING, "not zoomed");

        // Half the years, around the middle.
        let changed = apply(&mut e, zoom_in.clone());
        assert!(
            changed.marks && changed.controls && changed.announcement,
            "{changed:?}"
        );
        assert_eq!(e.announcement(), "已放大到 2014–2017 年");
        assert_eq!(
            zoom_state(&e),
            (
                Some((2014, 2017)),
                vec![
                    shown("放大"),
                    shown("缩小"),
                    shown("重置缩放（当前 2014–2017）")
                ]
            )
        );
        apply(&mut e, zoom_in.clone());
        assert_eq!(zoom_state(&e).0, Some((2015, 2016)));
        assert_eq!(
            apply(&mut e, zoom_in.clone()),
            Changed::NOTHING,
            "two years is as close as it gets"
        );
        // Twice as many years; everything once it reaches the ends.
        apply(&mut e, zoom_out.clone());
        assert_eq!(zoom_state(&e).0, Some((2013, 2018)));
        apply(&mut e, zoom_out.clone());
        assert_eq!(zoom_state(&e).0, None);
        assert_eq!(e.announcement(), "已显示全部年份");

        apply(&mut e, zoom_in.clone());
        let changed = apply(&mut e, reset.clone());
        assert!(
            changed.marks && changed.controls && changed.announcement,
            "{changed:?}"
        );
        assert_eq!(zoom_state(&e).0, None);
        assert_eq!(e.trend().expect("trend").layout().columns.len(), 8);
    }
}

#[test]
fn zoom_in_centres_on_the_focused_year() {
    let mut e = engine(luolong(), ChartKind::Trend);
    apply(&mut e, Action::Key(Key::Last));
    apply(&mut e, Action::ZoomIn);
    assert_eq!(e.trend().expect("trend").view().years, Some((2016, 2019)));
    assert!(e.tooltip().is_none(), "a zoom drops the focus");
}

#[test]
fn changed_says_whether_anything_did() {
    assert!(!Changed::NOTHING.any());
    assert!(Changed::HOVER.any());
    assert!(Changed {
        transition: true,
        ..Changed::NOTHING
    }
    .any());
    assert!(Changed::VIEW.any());
}

// ---------------------------------------------------------------- independence

#[test]
fn two_engines_of_two_datasets_are_independent() {
    let a_data = luolong();
    let b_data = many_villages(40, 3);
    for (a_kind, b_kind, b_data) in [
        (ChartKind::Ranking, ChartKind::Ranking, b_data.clone()),
        (ChartKind::Trend, ChartKind::Trend, national()),
        (ChartKind::Trend, ChartKind::Ranking, b_data),
    ] {
        let mut a = engine(a_data.clone(), a_kind);
        let mut b = engine(b_data.clone(), b_kind);
        let b_before = seen(&b);
        for action in every_action() {
            let _ = a.apply(action);
            assert_eq!(seen(&b), b_before, "{a_kind:?} → {b_kind:?}");
        }
        // And the other way round.
        let a_before = seen(&a);
        for action in every_action() {
            let _ = b.apply(action);
        }
        assert_eq!(seen(&a), a_before, "{b_kind:?} → {a_kind:?}");
        assert_ne!(seen(&b), b_before, "b did change");
    }
}

#[test]
fn two_engines_of_one_dataset_are_independent() {
    let d = luolong();
    let mut a = engine(d.clone(), ChartKind::Ranking);
    let b = engine(d.clone(), ChartKind::Ranking);
    let before = seen(&b);
    apply(&mut a, Action::Metric(1));
    apply(&mut a, Action::Theme(ThemeName::Dark));
    apply(&mut a, Action::TogglePin(0));
    assert_eq!(seen(&b), before);
    assert!(Rc::ptr_eq(a.dataset(), b.dataset()), "shared, not copied");
}

// ---------------------------------------------------------------- options

fn ranking_with(options: Options) -> Result<Engine, Refusal> {
    Engine::new(luolong(), &options)
}

#[test]
fn an_unknown_metric_is_refused_naming_the_allowed_keys() {
    let options = Options {
        metric: Some("nope".into()),
        ..Options::new(ChartKind::Ranking)
    };
    let refusal = ranking_with(options).expect_err("no such metric");
    assert_eq!(
        refusal,
        Refusal::BadOption {
            name: "metric",
            value: "nope".into(),
            allowed: "\"income\", \"dividend\"".into()
        }
    );
    assert_eq!(
        refusal.to_string(),
        "metric=\"nope\" is not allowed: use \"income\", \"dividend\""
    );
    let by_dividend = ranking_with(Options {
        metric: Some("dividend".into()),
        ..Options::new(ChartKind::Ranking)
    })
    .expect("a known metric");
    assert_eq!(by_dividend.ranking().expect("ranking").view().metric, 1);
    assert_eq!(by_dividend.title(), "村集体经济：户均分红");
}

#[test]
fn top_must_be_at_least_one() {
    let refusal = ranking_with(Options {
        top: Some(0),
        ..Options::new(ChartKind::Ranking)
    })
    .expect_err("no rows");
    assert!(
        matches!(&refusal, Refusal::BadOption { name: "top", value, .. } if value == "0"),
        "{refusal:?}"
    );
}

#[test]
fn top_three_shows_three_rows() {
    let mut e = ranking_with(Options {
        top: Some(3),
        ..Options::new(ChartKind::Ranking)
    })
    .expect("top 3");
    let l = e.ranking().expect("ranking").layout();
    assert_eq!((l.bars.len(), l.hidden), (3, 4));
    assert_eq!(
        texts(e.marks())[1],
        "村集体经济收入（元） · 前 3 名，共 7 个村"
    );
    apply(&mut e, Action::ToggleShowAll);
    assert_eq!(e.ranking().expect("ranking").layout().bars.len(), 7);
    apply(&mut e, Action::ToggleShowAll);
    assert_eq!(e.announcement(), "显示前 3 名，共 7 个村");
    assert_eq!(e.ranking().expect("ranking").layout().bars.len(), 3);
}

#[test]
fn a_title_option_replaces_the_title() {
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let e = Engine::new(
            luolong(),
            &Options {
                title: Some("我的图表".into()),
                ..Options::new(kind)
            },
        )
        .expect("chart");
        let expected = match kind {
            ChartKind::Trend => "我的图表",
            ChartKind::Ranking => "我的图表：村集体经济收入",
        };
        assert_eq!(e.title(), expected, "{kind:?}");
        assert_eq!(texts(e.marks())[0], "我的图表", "{kind:?}: the drawn title");
        assert!(e.description().contains(expected), "{kind:?}");
        // The trend's caption goes on with its annotations (issue 22).
        assert!(e.table().caption.starts_with(expected), "{kind:?}");
        // A blank title is no title.
        let blank = Engine::new(
            luolong(),
            &Options {
                title: Some("  ".into()),
                ..Options::new(kind)
            },
        )
        .expect("chart");
        assert_eq!(blank.title(), engine(luolong(), kind).title(), "{kind:?}");
    }
    // The title survives a change of language.
    let mut e = Engine::new(
        luolong(),
        &Options {
            title: Some("My chart".into()),
            ..Options::new(ChartKind::Trend)
        },
    )
    .expect("chart");
    apply(&mut e, Action::Lang(heluo::text::Lang::En));
    assert_eq!(e.title(), "My chart");
}

#[test]
fn width_and_language_options() {
    let e = Engine::new(luolong(), &Options::new(ChartKind::Trend).width(1000.0)).expect("chart");
    assert_eq!(e.size(), (1000.0, 440.0));
    let en = Engine::new(
        luolong(),
        &Options::new(ChartKind::Trend).lang(heluo::text::Lang::En),
    )
    .expect("chart");
    assert_eq!(en.lang(), heluo::text::Lang::En);
    assert_eq!(texts(en.marks())[1], "Unit: %");
    assert_eq!(en.context().lang.tag(), "en");
}

// ---------------------------------------------------------------- themes

fn background_rect(svg: &str) -> &str {
    svg.lines()
        .find(|l| l.starts_with("<rect"))
        .expect("a background rect")
}

fn colors_of(marks: &[Mark]) -> Vec<heluo::theme::Color> {
    marks
        .iter()
        .flat_map(|m| match m {
            Mark::Rect { fill, .. } | Mark::Shade { fill, .. } => vec![*fill],
            Mark::Line { color, .. } => vec![*color],
            Mark::Circle { fill, stroke, .. } => vec![*fill, *stroke],
            Mark::Text(t) => vec![t.color],
        })
        .collect()
}

#[test]
fn the_dark_theme_changes_the_background_and_every_colour() {
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let mut e = engine(luolong(), kind);
        let light = seen(&e);
        assert!(background_rect(&e.svg().expect("svg")).contains(r##"fill="#FFFFFF""##));

        let changed = apply(&mut e, Action::Theme(ThemeName::Dark));
        assert!(changed.marks && changed.controls, "{kind:?}: {changed:?}");
        assert_eq!(e.theme().name, ThemeName::Dark);
        let svg = e.svg().expect("svg");
        assert!(
            background_rect(&svg).contains(r##"fill="#16191D""##),
            "{kind:?}: {}",
            background_rect(&svg)
        );
        assert_eq!(DARK.background.hex(), "#16191d");
        // Nothing is drawn in a light-only colour: the dark page gets dark-theme ink.
        let dark_colors = colors_of(e.marks());
        for c in [LIGHT.ink, LIGHT.muted, LIGHT.grid, LIGHT.background] {
            assert!(!dark_colors.contains(&c), "{kind:?}: {c:?} on a dark chart");
        }
        assert!(dark_colors.contains(&DARK.ink), "{kind:?}");
        assert_eq!(e.size(), light.size, "{kind:?}: same geometry");
        // The same texts in the same places.
        assert_eq!(texts(e.marks()), texts(&light.marks), "{kind:?}");
        // Legend swatches in the page follow the theme.
        for c in e.controls() {
            if let Control::Legend { items, .. } = c {
                for item in items {
                    let mut hexes: Vec<String> = DARK.palette.iter().map(|c| c.hex()).collect();
                    hexes.push(DARK.no_group.hex());
                    assert!(hexes.contains(&item.color), "{kind:?}: {}", item.color);
                }
            }
        }
        // Back to light: exactly as before.
        apply(&mut e, Action::Theme(ThemeName::Light));
        assert_eq!(seen(&e), light, "{kind:?}");
    }
}

#[test]
fn a_chart_made_dark_draws_dark_from_the_start() {
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let dark =
            Engine::new(luolong(), &Options::new(kind).theme(ThemeName::Dark)).expect("chart");
        let mut switched = engine(luolong(), kind);
        apply(&mut switched, Action::Theme(ThemeName::Dark));
        assert_eq!(dark.marks(), switched.marks(), "{kind:?}");
        let svg = dark.svg().expect("svg");
        assert!(
            background_rect(&svg).contains(r##"fill="#16191D""##),
            "{kind:?}"
        );
        assert_eq!(dark.frame().theme.name, ThemeName::Dark);
    }
    // The hover ring is cut out in the background colour.
    let mut t = Engine::new(
        luolong(),
        &Options::new(ChartKind::Trend).theme(ThemeName::Dark),
    )
    .expect("trend");
    apply(&mut t, Action::Key(Key::First));
    let strokes: Vec<_> = t
        .overlay()
        .iter()
        .filter_map(|m| match m {
            Mark::Circle { stroke, .. } => Some(*stroke),
            _ => None,
        })
        .collect();
    assert_eq!(strokes, [DARK.background]);
}

#[test]
fn brand_colours_lie_over_the_theme() {
    let options = |colors: &str| Options {
        colors: Some(colors.into()),
        ..Options::new(ChartKind::Trend)
    };
    let mut e = Engine::new(
        luolong(),
        &options("background: #fafafa; text:#222; palette: #123456, #abc"),
    )
    .expect("valid colours");
    assert!(background_rect(&e.svg().expect("svg")).contains(r##"fill="#FAFAFA""##));
    let theme = e.theme().clone();
    assert_eq!(theme.ink, heluo::theme::Color(0x22, 0x22, 0x22));
    assert_eq!(theme.palette[0], heluo::theme::Color(0x12, 0x34, 0x56));
    assert_eq!(theme.palette[1], heluo::theme::Color(0xaa, 0xbb, 0xcc));
    assert_eq!(theme.palette[2], theme.palette[0], "fewer colours repeat");
    assert_eq!(texts_colored(e.marks(), theme.ink)[0], "贫困发生率");
    // The brand stays over a change of theme.
    apply(&mut e, Action::Theme(ThemeName::Dark));
    assert_eq!(e.theme().background, heluo::theme::Color(0xfa, 0xfa, 0xfa));
    assert_eq!(e.theme().grid, DARK.grid);

    for bad in [
        "background",
        "background: red",
        "colour: #fff",
        "palette: #12",
    ] {
        let refusal = Engine::new(luolong(), &options(bad)).expect_err(bad);
        assert!(
            matches!(&refusal, Refusal::BadOption { name: "colors", .. }),
            "{bad}: {refusal:?}"
        );
    }
}

/// The texts drawn in `color`.
fn texts_colored(marks: &[Mark], color: heluo::theme::Color) -> Vec<&str> {
    marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) if t.color == color => Some(&*t.text),
            _ => None,
        })
        .collect()
}

#[test]
fn theme_language_and_resize_apply_to_both_kinds() {
    let d: Rc<Dataset> = luolong();
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let mut e = engine(d.clone(), kind);
        for action in [
            Action::Theme(ThemeName::Dark),
            Action::Lang(heluo::text::Lang::En),
            Action::Resize(800.0),
        ] {
            let changed = e.apply(action.clone());
            assert!(
                changed.is_ok_and(|c| c.marks && c.size && c.controls),
                "{kind:?}: {action:?}"
            );
        }
        assert_eq!(e.lang(), heluo::text::Lang::En);
        assert_eq!(e.size().0, 800.0);
    }
}

/// A ranking of `villages` villages spread over `groups` towns.
fn towns(groups: usize, villages: usize) -> Rc<Dataset> {
    let villages: Vec<serde_json::Value> = (0..villages)
        .map(|i| serde_json::json!({"name": format!("村{i}"), "group": format!("镇{}", i % groups), "values": {"income": 1000 + i}}))
        .collect();
    let json = serde_json::json!({"ranking": {"metrics": [{"key": "income", "label": "收入", "unit": "元"}], "villages": villages}});
    Rc::new(crate::util::dataset_str(&json.to_string()))
}

#[test]
fn many_groups_get_a_menu_and_one_colour_not_a_repeating_legend() {
    // 7 towns: a legend of buttons, each its own colour.
    let few = engine(towns(7, 30), ChartKind::Ranking);
    assert!(few.controls().iter().any(
        |c| matches!(c, Control::Legend { id: "group-filter", items, .. } if items.len() == 7)
    ));
    // 20 towns: colours would repeat, so a menu and one bar colour.
    let mut many = engine(towns(20, 60), ChartKind::Ranking);
    let controls = many.controls();
    assert!(
        !controls.iter().any(|c| matches!(c, Control::Legend { .. })),
        "no legend buttons"
    );
    let menu = controls
        .iter()
        .find_map(|c| match c {
            Control::Select {
                id: "group-select",
                options,
                selected,
                ..
            } => Some((options.clone(), *selected)),
            _ => None,
        })
        .expect("a group menu");
    assert_eq!(menu.0.len(), 21, "全部 and 20 towns");
    assert_eq!((menu.0[0].label.as_str(), menu.1), ("全部", 0));
    assert_eq!(menu.0[0].action, Request::Group { group: None });
    assert!(texts(many.marks()).contains(&"共 20 个镇/街道，可在下方选择一个"));
    let bar_colors: std::collections::BTreeSet<_> = many
        .marks()
        .iter()
        .filter_map(|m| match m {
            Mark::Rect { rect, fill } if rect.h == 16.0 => Some((fill.0, fill.1, fill.2)),
            _ => None,
        })
        .collect();
    assert_eq!(
        bar_colors.len(),
        1,
        "one colour for every bar: {bar_colors:?}"
    );
    // Choosing a town in the menu filters to it; choice 0 shows all again.
    let changed = apply(&mut many, Action::Group(4));
    assert!(changed.marks && changed.table && changed.announcement);
    assert_eq!(many.announcement(), "只显示镇3，3 个村");
    assert!(texts(many.marks()).contains(&"共 20 个镇/街道，只显示镇3"));
    apply(&mut many, Action::Group(0));
    assert_eq!(many.announcement(), "显示所有分组，60 个村");
    assert!(matches!(
        many.apply(Action::Group(99)),
        Err(Refusal::NoSuchItem { .. })
    ));
    // Choosing a town from the menu filters to it, by its name.
    let town = menu.0[3].clone();
    assert!(many.request(town.action).expect("a group").marks);
    assert_eq!(
        many.ranking().expect("a ranking").view().group.as_deref(),
        Some(town.label.as_str())
    );
}

#[test]
fn annotations_in_one_year_are_stacked_and_hover_lists_them_all() {
    let json = r#"{"trend": {"series": [{"name": "A", "points": [[2013, 3], [2019, 1]]}],
        "annotations": [{"year": 2015, "label": "一"}, {"year": 2015, "label": "二"}, {"year": 2015, "label": "三"}, {"year": 2016, "label": "四"}]}}"#;
    let mut e = engine(Rc::new(crate::util::dataset_str(json)), ChartKind::Trend);
    let layout = e.trend().expect("trend").layout().clone();
    assert_eq!(layout.annotations.len(), 2, "one mark per pixel column");
    let first = &layout.annotations[0];
    assert_eq!(
        (first.label.as_str(), first.others.clone()),
        ("一", vec!["二".to_string(), "三".to_string()])
    );
    // A picture cannot be hovered: three in one year are stacked, each whole.
    let all = texts(e.marks());
    for label in ["一", "二", "三", "四"] {
        assert!(all.contains(&label), "{label} is not drawn: {all:?}");
    }
    assert!(!all.iter().any(|t| t.contains('等')), "{all:?}");
    // No two annotation labels overlap.
    let boxes: Vec<_> = layout.annotations.iter().map(|a| a.rect).collect();
    for (i, a) in boxes.iter().enumerate() {
        for b in boxes.iter().skip(i + 1) {
            assert!(
                a.right() <= b.x || b.right() <= a.x,
                "labels overprint: {a:?} {b:?}"
            );
        }
    }
    let r = first.rect;
    apply(&mut e, Action::Pointer(r.x + r.w / 2.0, r.y + r.h / 2.0));
    let tip = e.tooltip().expect("the annotation's tooltip");
    let rows: Vec<&str> = tip.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(rows, ["一", "二", "三"]);
}

#[test]
fn annotations_beyond_the_stack_share_its_last_row_and_are_listed_under_the_chart() {
    let json = r#"{"trend": {"series": [{"name": "A", "points": [[2013, 3], [2019, 1]]}],
        "annotations": [{"year": 2015, "label": "一"}, {"year": 2015, "label": "二"}, {"year": 2015, "label": "三"},
                        {"year": 2015, "label": "四"}, {"year": 2015, "label": "五"}]}}"#;
    let e = engine(Rc::new(crate::util::dataset_str(json)), ChartKind::Trend);
    let all = texts(e.marks());
    for label in [
        "一",
        "二",
        "三 等 2 条",
        "未标出的注释：2015年：四；2015年：五",
    ] {
        assert!(all.contains(&label), "{label} is not drawn: {all:?}");
    }
    // Stacked rows do not overprint: three baselines 13 px apart.
    let ys: Vec<f64> = e
        .marks()
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) if ["一", "二", "三 等 2 条"].contains(&&*t.text) => Some(t.y),
            _ => None,
        })
        .collect();
    assert_eq!(ys.len(), 3);
    assert!(
        ys.windows(2).all(|w| (w[1] - w[0] - 13.0).abs() < 1e-9),
        "{ys:?}"
    );
    // The note sits above the credit line, inside the chart.
    let (_, h) = e.size();
    assert!(e.marks().iter().all(|m| match m {
        Mark::Text(t) => t.y < h,
        _ => true,
    }));
}

#[test]
fn thousands_of_annotations_draw_at_most_one_rule_per_pixel_column() {
    let annotations: Vec<serde_json::Value> = (0..60_000)
        .map(|i| serde_json::json!({"year": 2000 + i % 20, "label": format!("注{i}")}))
        .collect();
    let json = serde_json::json!({"trend": {"series": [{"name": "A", "points": [[2000, 3], [2019, 1]]}], "annotations": annotations}});
    let e = engine(
        Rc::new(crate::util::dataset_str(&json.to_string())),
        ChartKind::Trend,
    );
    let layout = e.trend().expect("trend").layout();
    assert_eq!(layout.annotations.len(), 20);
    assert!(
        e.marks().len() < 2_000,
        "{} marks for 60,000 annotations",
        e.marks().len()
    );
    let svg = e.svg().expect("svg");
    assert!(svg.len() < 500_000, "the SVG export is {} bytes", svg.len());
}

#[test]
fn negative_value_labels_never_cover_the_names() {
    let json = r#"{"ranking": {"metrics": [{"key": "v", "label": "变化", "unit": "元"}], "villages": [
        {"name": "甲村", "values": {"v": 5000}}, {"name": "乙村", "values": {"v": -40}}, {"name": "丙村", "values": {"v": -123456}}]}}"#;
    let e = engine(Rc::new(crate::util::dataset_str(json)), ChartKind::Ranking);
    let layout = e.ranking().expect("ranking").layout();
    let names_right = layout.plot.x - 8.0;
    for m in e.marks() {
        if let Mark::Text(t) = m {
            if t.text.contains('元') && t.align == heluo::mark::Align::Right {
                let left = t.x - heluo::mark::text_width(&t.text, t.size);
                assert!(
                    left >= names_right,
                    "the label {:?} starts at {left}, over the names (which end at {names_right})",
                    t.text
                );
            }
        }
    }
    assert!(
        texts(e.marks()).contains(&"-40 元"),
        "a small negative value keeps its sign: {:?}",
        texts(e.marks())
    );
}

#[test]
fn tiny_values_get_one_zero_label_and_an_empty_trend_says_no_data() {
    let tiny = r#"{"trend": {"series": [{"name": "A", "points": [[2013, 1e-300], [2014, 2e-300], [2019, 1e-300]]}]}}"#;
    let e = engine(Rc::new(crate::util::dataset_str(tiny)), ChartKind::Trend);
    let zeros = texts(e.marks()).into_iter().filter(|t| *t == "0").count();
    assert!(
        zeros <= 1,
        "{zeros} \"0\" labels on the axis: {:?}",
        texts(e.marks())
    );

    let empty = r#"{"trend": {"series": [{"name": "A", "points": [[2013, null], [2019, null]]}]}}"#;
    let e = engine(Rc::new(crate::util::dataset_str(empty)), ChartKind::Trend);
    assert!(
        texts(e.marks()).contains(&"没有数据"),
        "{:?}",
        texts(e.marks())
    );
    assert!(
        e.description().ends_with("A没有数据。"),
        "{}",
        e.description()
    );
}

/// The horizontal lines across the plot (gridlines and the zero line).
fn gridlines(e: &Engine) -> usize {
    let Some(plot) = e.trend().map(|t| t.layout().plot) else {
        return 0;
    };
    e.marks()
        .iter()
        .filter(|m| {
            matches!(m, Mark::Line { points, .. } if points.len() == 2
                && points[0].1 == points[1].1
                && points[0].0 == plot.x && points[1].0 == plot.right())
        })
        .count()
}

#[test]
fn values_too_small_to_write_keep_gridlines_with_distinct_labels() {
    for json in [
        r#"{"trend": {"series": [{"name": "A", "points": [[2013, 1e-300], [2014, 2e-300], [2019, 1e-300]]}]}}"#,
        r#"{"trend": {"series": [{"name": "A", "points": [[2013, -1e-9], [2014, 1e-9], [2019, 0]]}]}}"#,
        r#"{"trend": {"unit": "%", "series": [{"name": "A", "points": [[2013, 1e-9], [2019, 1e-300]]}]}}"#,
    ] {
        let e = engine(Rc::new(crate::util::dataset_str(json)), ChartKind::Trend);
        let plot = e.trend().map(|t| t.layout().plot).expect("a trend");
        // The y labels: right-aligned texts left of the plot.
        let labels: Vec<&str> = e
            .marks()
            .iter()
            .filter_map(|m| match m {
                Mark::Text(t) if t.align == heluo::mark::Align::Right && t.x < plot.x => {
                    Some(&*t.text)
                }
                _ => None,
            })
            .collect();
        let mut distinct = labels.clone();
        distinct.dedup();
        assert_eq!(distinct, labels, "labels repeat: {labels:?} ({json})");
        assert!(labels.len() >= 3, "too few y labels: {labels:?} ({json})");
        assert!(
            gridlines(&e) >= 3,
            "{} gridlines ({json}): {labels:?}",
            gridlines(&e)
        );
    }
}

#[test]
fn an_all_null_trend_invents_no_scale() {
    let empty = r#"{"trend": {"title": "贫困发生率", "series": [{"name": "A", "points": [[2013, null], [2019, null]]}, {"name": "B", "points": [[2013, null], [2019, null]]}]}}"#;
    let e = engine(Rc::new(crate::util::dataset_str(empty)), ChartKind::Trend);
    let shown = texts(e.marks());
    assert!(shown.contains(&"没有数据"), "{shown:?}");
    assert!(
        !shown
            .iter()
            .any(|t| t.starts_with("0.") || *t == "1.0" || *t == "1"),
        "an invented 0–1 scale: {shown:?}"
    );
    assert_eq!(gridlines(&e), 0);
    assert!(
        !e.description().ends_with("趋势。") && e.description().ends_with("B没有数据。"),
        "{}",
        e.description()
    );
}

#[test]
fn a_year_with_an_annotation_says_it_first_and_zoom_in_says_when_it_can_do_no_more() {
    let mut e = engine(luolong(), ChartKind::Trend);
    let right = Action::from_key("ArrowRight", ChartKind::Trend).expect("a key");
    for _ in 0..4 {
        apply(&mut e, right.clone());
    }
    assert_eq!(
        e.announcement(),
        "2015年：打赢脱贫攻坚战的决定；洛龙区 无数据，全国农村 5.7%"
    );
    apply(&mut e, right);
    assert!(
        e.announcement().starts_with("2016年：洛龙区"),
        "{}",
        e.announcement()
    );
    let zoom_in = |e: &Engine| {
        e.controls()
            .into_iter()
            .find_map(|c| match c {
                Control::Button {
                    id: "zoom-in",
                    disabled,
                    ..
                } => Some(disabled),
                _ => None,
            })
            .expect("a zoom-in button")
    };
    assert!(!zoom_in(&e));
    apply(&mut e, Action::ZoomIn);
    apply(&mut e, Action::ZoomIn);
    assert!(zoom_in(&e), "two years shown: 放大 can do no more");
    apply(&mut e, Action::ResetZoom);
    assert!(!zoom_in(&e));
}
