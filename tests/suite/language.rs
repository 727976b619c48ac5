//! Languages: every word a chart shows comes from its language. An English
//! chart walked through every action shows no Chinese character or full-width
//! punctuation; a Chinese one shows no English word. Only the data's own text
//! may differ.

use std::collections::BTreeSet;
use std::rc::Rc;

use heluo::chart::{Control, Table, Tooltip};
use heluo::engine::Key;
use heluo::mark::Mark;
use heluo::text::{Item, Lang, Msg};
use heluo::theme::ThemeName;
use heluo::{Action, ChartKind, Dataset, Engine};

use crate::util::{apply, dataset_str, engine, luolong, texts};

// ---------------------------------------------------------------- datasets

const COUNTRIES: [(&str, Option<&str>); 24] = [
    ("Afghanistan", Some("Asia")),
    ("Albania", Some("Europe")),
    ("Algeria", Some("Africa")),
    ("Argentina", Some("Americas")),
    ("Australia", Some("Oceania")),
    ("Austria", Some("Europe")),
    ("Bangladesh", Some("Asia")),
    ("Belgium", Some("Europe")),
    ("Bolivia", Some("Americas")),
    ("Botswana", Some("Africa")),
    ("Brazil", Some("Americas")),
    ("Bulgaria", Some("Europe")),
    ("Cambodia", Some("Asia")),
    ("Canada", Some("Americas")),
    ("Chile", Some("Americas")),
    ("China", Some("Asia")),
    ("Colombia", Some("Americas")),
    ("Croatia", Some("Europe")),
    ("Denmark", Some("Europe")),
    ("Egypt", Some("Africa")),
    ("Ethiopia", Some("Africa")),
    ("Finland", Some("Europe")),
    ("Kosovo", None),
    ("Taiwan", None),
];

/// A gapminder-like English dataset: life expectancy over the years, and
/// countries ranked by GDP per capita, life expectancy and population.
fn gapminder() -> Rc<Dataset> {
    let villages: Vec<serde_json::Value> = COUNTRIES
        .iter()
        .enumerate()
        .map(|(i, (name, continent))| {
            let i = i as f64;
            let mut values = serde_json::json!({
                "gdp": 500.0 + (i * 7919.0) % 40_000.0,
                "life": 40.0 + (i * 13.0) % 42.0,
                "pop": 1_000_000.0 + i * 3_500_000.0,
            });
            if *name == "Kosovo" {
                values["gdp"] = serde_json::Value::Null;
            }
            serde_json::json!({ "name": name, "group": continent, "values": values })
        })
        .collect();
    let series = |name: &str, start: f64| {
        let points: Vec<serde_json::Value> = (0..12)
            .map(|i| serde_json::json!([1952 + 5 * i, start + 2.1 * i as f64]))
            .collect();
        serde_json::json!({ "name": name, "points": points })
    };
    let json = serde_json::json!({
        "title": "Gapminder",
        "locale": "en",
        "source": "Gapminder Foundation",
        "trend": {
            "title": "Life expectancy at birth",
            "unit": "years",
            "series": [series("World", 49.0), series("Africa", 39.0), series("Europe", 64.0)],
            "annotations": [{ "year": 1990, "label": "End of the Cold War" }]
        },
        "ranking": {
            "title": "Countries",
            "item": "country",
            "items": "countries",
            "default_metric": "gdp",
            "metrics": [
                { "key": "gdp", "label": "GDP per capita", "unit": "US$" },
                { "key": "life", "label": "Life expectancy", "unit": "years" },
                { "key": "pop", "label": "Population" }
            ],
            "villages": villages
        }
    });
    Rc::new(dataset_str(&json.to_string()))
}

// ---------------------------------------------------------------- every word a chart shows

fn tooltip_words(t: &Tooltip, out: &mut Vec<String>) {
    out.push(t.heading.clone());
    out.push(t.announcement.clone());
    for row in &t.rows {
        out.push(row.label.clone());
        out.push(row.value.clone());
    }
}

fn table_words(t: &Table, out: &mut Vec<String>) {
    out.push(t.caption.clone());
    out.extend(t.columns.iter().cloned());
    out.extend(t.rows.iter().flatten().cloned());
}

fn control_words(c: &Control, out: &mut Vec<String>) {
    match c {
        Control::Legend { label, items, .. } => {
            out.push(label.clone());
            out.extend(items.iter().map(|i| i.label.clone()));
        }
        Control::Select { label, options, .. } => {
            out.push(label.clone());
            out.extend(options.iter().map(|o| o.label.clone()));
        }
        Control::Button { label, .. } => out.push(label.clone()),
        Control::Search {
            label,
            placeholder,
            button,
            status,
        } => out.extend([
            label.clone(),
            placeholder.clone(),
            button.clone(),
            status.clone(),
        ]),
    }
}

fn mark_words(marks: &[Mark], out: &mut Vec<String>) {
    out.extend(texts(marks).into_iter().map(String::from));
}

/// Every string the chart shows now: canvas, overlay, title, description,
/// role, key help, controls, tooltip, announcement, table.
fn words_shown(e: &Engine) -> Vec<String> {
    let mut out = Vec::new();
    let frame = e.frame();
    mark_words(frame.marks, &mut out);
    mark_words(&frame.overlay, &mut out);
    out.extend([
        frame.title.clone(),
        frame.description.clone(),
        frame.role.to_string(),
        frame.keys.to_string(),
        frame.announcement.to_string(),
    ]);
    for c in &frame.controls {
        control_words(c, &mut out);
    }
    if let Some(t) = &frame.tooltip {
        tooltip_words(t, &mut out);
    }
    table_words(&e.table(), &mut out);
    out
}

/// Points over the whole chart, a grid of `n` × `n`.
fn grid(e: &Engine, n: usize) -> Vec<(f64, f64)> {
    let (w, h) = e.size();
    (0..n)
        .flat_map(|i| (0..n).map(move |j| (i, j)))
        .map(|(i, j)| {
            (
                w * (i as f64 + 0.5) / n as f64,
                h * (j as f64 + 0.5) / n as f64,
            )
        })
        .collect()
}

/// Drives the chart through every action a reader has, collecting every string
/// shown after each. Actions for the other kind are refused and skipped.
fn walk(e: &mut Engine, search: &str) -> Vec<String> {
    let mut shown = words_shown(e);
    let mut act = |e: &mut Engine, action: Action| {
        if e.apply(action).is_ok() {
            shown.extend(words_shown(e));
            if let Some(marks) = e.transition_marks(0.5) {
                mark_words(&marks, &mut shown);
            }
        }
    };
    for (x, y) in grid(e, 16) {
        act(e, Action::Pointer(x, y));
    }
    act(e, Action::Leave);
    for key in [
        Key::Next,
        Key::Next,
        Key::Previous,
        Key::Last,
        Key::Select,
        Key::First,
        Key::Select,
        Key::Select,
        Key::Clear,
    ] {
        act(e, Action::Key(key));
    }
    for name in ["ArrowDown", "ArrowRight", "+", "-", "0", "Enter", "Escape"] {
        if let Some(action) = Action::from_key(name, e.kind()) {
            act(e, action);
        }
    }
    for i in 0..8 {
        act(e, Action::Legend(i));
        act(e, Action::Legend(i));
    }
    let (w, _) = e.size();
    act(e, Action::Drag(w * 0.3, w * 0.7));
    act(e, Action::ZoomTo(w * 0.3, w * 0.7));
    for action in [
        Action::ZoomIn,
        Action::ZoomIn,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomIn,
        Action::ResetZoom,
    ] {
        act(e, action);
    }
    for m in [1, 2, 0] {
        act(e, Action::Metric(m));
    }
    act(e, Action::ToggleOrder);
    act(e, Action::ToggleOrder);
    act(e, Action::ToggleShowAll);
    act(e, Action::ToggleShowAll);
    for v in [0, 3, 22, 23, 3] {
        act(e, Action::TogglePin(v));
    }
    for q in [search, "zzz", ""] {
        act(e, Action::Search(q.into()));
        act(e, Action::PinSearch(q.into()));
    }
    // Clicks on every legend entry and every row, then a pin seen with show-all.
    for (x, y) in grid(e, 24) {
        act(e, Action::Click(x, y));
    }
    act(e, Action::ToggleShowAll);
    act(e, Action::Theme(ThemeName::Dark));
    act(e, Action::Resize(320.0));
    act(e, Action::Resize(1000.0));
    for (x, y) in grid(e, 8) {
        act(e, Action::Pointer(x, y));
    }
    shown
}

// ---------------------------------------------------------------- what must not appear

/// A Chinese (CJK) character or full-width punctuation.
fn is_chinese(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // radicals
        | 0x3000..=0x303F    // CJK punctuation: 、。「」（）…
        | 0x3040..=0x30FF    // kana
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFF00..=0xFFEF) // full-width forms: ：，（）
}

/// Every message, to read each language's vocabulary whole.
const EVERY_MSG: [Msg; 203] = [
    Msg::PageTitle,
    Msg::Tagline,
    Msg::ChooseFile,
    Msg::DropHint,
    Msg::Sample,
    Msg::DropZone,
    Msg::Footer,
    Msg::NoScript,
    Msg::Language,
    Msg::Auto,
    Msg::DownloadPng,
    Msg::DownloadSvg,
    Msg::Notes,
    Msg::ChartTrend,
    Msg::ChartRanking,
    Msg::Embed,
    Msg::EmbedElement,
    Msg::EmbedIframe,
    Msg::DownloadHtml,
    Msg::ShowTable,
    Msg::HideTable,
    Msg::Restarted,
    Msg::LoadFailed,
    Msg::ChartFailed,
    Msg::FileLabel,
    Msg::Source,
    Msg::Loaded,
    Msg::And,
    Msg::LineChart,
    Msg::BarChart,
    Msg::Village,
    Msg::Villages,
    Msg::CountOne,
    Msg::CountMany,
    Msg::TrendFallbackTitle,
    Msg::UnitLine,
    Msg::Year,
    Msg::NoGroup,
    Msg::GroupColumn,
    Msg::YearColumn,
    Msg::RankColumn,
    Msg::WithUnit,
    Msg::UnitOnly,
    Msg::TitleWithMetric,
    Msg::TopOf,
    Msg::LeftOutOne,
    Msg::LeftOutMany,
    Msg::RankHeading,
    Msg::PinnedValue,
    Msg::RankHeadingTied,
    Msg::PinnedValueTied,
    Msg::RankingDescriptionTied,
    Msg::RankingDescriptionAllEqual,
    Msg::PinnedTied,
    Msg::NameSep,
    Msg::NameWithGroup,
    Msg::TableCut,
    Msg::NoData,
    Msg::HeadingSep,
    Msg::ListSep,
    Msg::ClauseSep,
    Msg::SeriesRose,
    Msg::SeriesFell,
    Msg::SeriesSame,
    Msg::SeriesSingle,
    Msg::SeriesEmpty,
    Msg::TrendDescription,
    Msg::TrendDescriptionEmpty,
    Msg::RankingDescription,
    Msg::RankingDescriptionRest,
    Msg::SentenceEnd,
    Msg::RankingDescriptionEmpty,
    Msg::Metric,
    Msg::Descending,
    Msg::Ascending,
    Msg::ShowAll,
    Msg::ShowAllOne,
    Msg::ShowTop,
    Msg::ResetZoom,
    Msg::ResetZoomRange,
    Msg::ZoomIn,
    Msg::ZoomOut,
    Msg::SearchLabel,
    Msg::SearchPlaceholder,
    Msg::SearchButton,
    Msg::NotFound,
    Msg::Found,
    Msg::KeysTrend,
    Msg::KeysRanking,
    Msg::ChartRoleTrend,
    Msg::ChartRoleRanking,
    Msg::SortedDescending,
    Msg::SortedAscending,
    Msg::ShowingAll,
    Msg::ShowingTop,
    Msg::Filtered,
    Msg::Unfiltered,
    Msg::Pinned,
    Msg::PinnedMissing,
    Msg::Unpinned,
    Msg::Zoomed,
    Msg::ZoomReset,
    Msg::SeriesShown,
    Msg::SeriesHidden,
    Msg::AllOf,
    Msg::AnnotationMore,
    Msg::AnnotationsNotShown,
    Msg::AnnotationItem,
    Msg::AnnotationSeparator,
    Msg::NoDataNote,
    Msg::ManySeries,
    Msg::MoreRows,
    Msg::DropFolder,
    Msg::DropMany,
    Msg::ReadFailed,
    Msg::Reading,
    Msg::Drawing,
    Msg::CancelLoad,
    Msg::LoadCancelled,
    Msg::ManyGroups,
    Msg::ManyGroupsFiltered,
    Msg::AllGroups,
    Msg::SearchLines,
    Msg::HighlightButton,
    Msg::HighlightedLines,
    Msg::Highlighted,
    Msg::Unhighlighted,
    Msg::LineFocus,
    Msg::ImportTrend,
    Msg::ImportRanking,
    Msg::ImportGrouped,
    Msg::ImportSep,
    Msg::ImportLine,
    Msg::ImportLines,
    Msg::ImportYear,
    Msg::ImportYears,
    Msg::ImportMetric,
    Msg::ImportMetrics,
    Msg::ImportSkippedOne,
    Msg::ImportSkipped,
    Msg::ImportPerYearMean,
    Msg::ImportPerYearSum,
    Msg::ImportPerYearLast,
    Msg::RoleTime,
    Msg::RoleName,
    Msg::RoleGroup,
    Msg::RoleValue,
    Msg::RoleSplit,
    Msg::RoleYear,
    Msg::RoleLeft,
    Msg::WhyMapping,
    Msg::WhyHeader,
    Msg::WhyValues,
    Msg::WhyMostDistinct,
    Msg::WhyOneGroupPerName,
    Msg::WhyHeaderIsYear,
    Msg::WhyFirstColumnOfYears,
    Msg::WhySplit,
    Msg::WhyPeriod,
    Msg::LeftCode,
    Msg::LeftFreeText,
    Msg::LeftEmpty,
    Msg::LeftIgnored,
    Msg::LeftPerName,
    Msg::LeftUnused,
    Msg::NoteDayFirst,
    Msg::NoteMonthFirst,
    Msg::NoteDayMonthUnsettled,
    Msg::NoteDayMonthConflict,
    Msg::NoteSummed,
    Msg::NoteSummedOver,
    Msg::NoteSlice,
    Msg::NoteSliceAuto,
    Msg::NoteSliceFirst,
    Msg::NoteAggregates,
    Msg::NoteRankingYear,
    Msg::NoteShares,
    Msg::NoteSmallPercent,
    Msg::NoteDecimalComma,
    Msg::NoteUnitFromValues,
    Msg::NoteMerged,
    Msg::NotePerYearMean,
    Msg::NotePerYearSum,
    Msg::NotePerYearLast,
    Msg::PeriodMonths,
    Msg::PeriodQuarters,
    Msg::PeriodDays,
    Msg::NoteNoTimeRepeats,
    Msg::ReasonNotANumber,
    Msg::ReasonTooBig,
    Msg::ReasonOutsidePercent,
    Msg::ReasonNoName,
    Msg::ReasonNoTime,
    Msg::ReasonNotATime,
    Msg::ReasonOtherFrequency,
    Msg::NotePerYearShort,
    Msg::NoteLegendZero,
    Msg::NoteAnnualColumn,
    Msg::NoteSliceThroughout,
    Msg::ShapeLong,
    Msg::ShapeWide,
    Msg::ShapeTransposed,
    Msg::ShapeRecords,
];

/// Fails to compile when a message is added and not listed in [`EVERY_MSG`].
#[allow(dead_code)]
fn listed(msg: Msg) {
    match msg {
        Msg::PageTitle => {}
        Msg::Tagline => {}
        Msg::ChooseFile => {}
        Msg::DropHint => {}
        Msg::Sample => {}
        Msg::DropZone => {}
        Msg::Footer => {}
        Msg::NoScript => {}
        Msg::Language => {}
        Msg::Auto => {}
        Msg::DownloadPng => {}
        Msg::Notes => {}
        Msg::ChartTrend => {}
        Msg::ChartRanking => {}
        Msg::DownloadSvg => {}
        Msg::Embed => {}
        Msg::EmbedElement => {}
        Msg::EmbedIframe => {}
        Msg::DownloadHtml => {}
        Msg::ShowTable => {}
        Msg::HideTable => {}
        Msg::Restarted => {}
        Msg::LoadFailed => {}
        Msg::ChartFailed => {}
        Msg::FileLabel => {}
        Msg::Source => {}
        Msg::Loaded => {}
        Msg::AllOf => {}
        Msg::AnnotationMore => {}
        Msg::AnnotationsNotShown => {}
        Msg::AnnotationItem => {}
        Msg::AnnotationSeparator => {}
        Msg::NoDataNote => {}
        Msg::ManySeries => {}
        Msg::MoreRows => {}
        Msg::DropFolder => {}
        Msg::DropMany => {}
        Msg::ReadFailed => {}
        Msg::Reading => {}
        Msg::Drawing => {}
        Msg::CancelLoad => {}
        Msg::LoadCancelled => {}
        Msg::ManyGroups => {}
        Msg::SearchLines => {}
        Msg::HighlightButton => {}
        Msg::HighlightedLines => {}
        Msg::Highlighted => {}
        Msg::Unhighlighted => {}
        Msg::LineFocus => {}
        Msg::ImportTrend => {}
        Msg::ImportRanking => {}
        Msg::ImportGrouped => {}
        Msg::ImportSep => {}
        Msg::ImportLine => {}
        Msg::ImportLines => {}
        Msg::ImportYear => {}
        Msg::ImportYears => {}
        Msg::ImportMetric => {}
        Msg::ImportMetrics => {}
        Msg::ImportSkippedOne => {}
        Msg::ImportSkipped => {}
        Msg::ImportPerYearMean => {}
        Msg::ImportPerYearSum => {}
        Msg::ImportPerYearLast => {}
        Msg::RoleTime => {}
        Msg::RoleName => {}
        Msg::RoleGroup => {}
        Msg::RoleValue => {}
        Msg::RoleSplit => {}
        Msg::RoleYear => {}
        Msg::RoleLeft => {}
        Msg::WhyMapping => {}
        Msg::WhyHeader => {}
        Msg::WhyValues => {}
        Msg::WhyMostDistinct => {}
        Msg::WhyOneGroupPerName => {}
        Msg::WhyHeaderIsYear => {}
        Msg::WhyFirstColumnOfYears => {}
        Msg::WhySplit => {}
        Msg::WhyPeriod => {}
        Msg::LeftCode => {}
        Msg::LeftFreeText => {}
        Msg::LeftEmpty => {}
        Msg::LeftIgnored => {}
        Msg::LeftPerName => {}
        Msg::LeftUnused => {}
        Msg::NoteDayFirst => {}
        Msg::NoteMonthFirst => {}
        Msg::NoteDayMonthUnsettled => {}
        Msg::NoteDayMonthConflict => {}
        Msg::NoteSummed => {}
        Msg::NoteSummedOver => {}
        Msg::NoteSlice => {}
        Msg::NoteSliceAuto => {}
        Msg::NoteSliceFirst => {}
        Msg::NoteAggregates => {}
        Msg::NoteRankingYear => {}
        Msg::NoteShares => {}
        Msg::NoteSmallPercent => {}
        Msg::NoteDecimalComma => {}
        Msg::NoteUnitFromValues => {}
        Msg::NoteMerged => {}
        Msg::NotePerYearMean => {}
        Msg::NotePerYearSum => {}
        Msg::NotePerYearLast => {}
        Msg::PeriodMonths => {}
        Msg::PeriodQuarters => {}
        Msg::PeriodDays => {}
        Msg::NoteNoTimeRepeats => {}
        Msg::ReasonNotANumber => {}
        Msg::ReasonTooBig => {}
        Msg::ReasonOutsidePercent => {}
        Msg::ReasonNoName => {}
        Msg::ReasonNoTime => {}
        Msg::ReasonNotATime => {}
        Msg::ReasonOtherFrequency => {}
        Msg::NotePerYearShort => {}
        Msg::NoteLegendZero => {}
        Msg::NoteAnnualColumn => {}
        Msg::NoteSliceThroughout => {}
        Msg::ShapeLong => {}
        Msg::ShapeWide => {}
        Msg::ShapeTransposed => {}
        Msg::ShapeRecords => {}

        Msg::ManyGroupsFiltered => {}
        Msg::AllGroups => {}
        Msg::And => {}
        Msg::LineChart => {}
        Msg::BarChart => {}
        Msg::Village => {}
        Msg::Villages => {}
        Msg::CountOne => {}
        Msg::CountMany => {}
        Msg::TrendFallbackTitle => {}
        Msg::UnitLine => {}
        Msg::Year => {}
        Msg::NoGroup => {}
        Msg::GroupColumn => {}
        Msg::YearColumn => {}
        Msg::RankColumn => {}
        Msg::WithUnit => {}
        Msg::UnitOnly => {}
        Msg::TitleWithMetric => {}
        Msg::TopOf => {}
        Msg::LeftOutOne => {}
        Msg::LeftOutMany => {}
        Msg::RankHeading => {}
        Msg::PinnedValue => {}
        Msg::RankHeadingTied => {}
        Msg::PinnedValueTied => {}
        Msg::RankingDescriptionTied => {}
        Msg::RankingDescriptionAllEqual => {}
        Msg::PinnedTied => {}
        Msg::NameSep => {}
        Msg::NameWithGroup => {}
        Msg::TableCut => {}
        Msg::NoData => {}
        Msg::HeadingSep => {}
        Msg::ListSep => {}
        Msg::ClauseSep => {}
        Msg::SeriesRose => {}
        Msg::SeriesFell => {}
        Msg::SeriesSame => {}
        Msg::SeriesSingle => {}
        Msg::SeriesEmpty => {}
        Msg::TrendDescription => {}
        Msg::TrendDescriptionEmpty => {}
        Msg::RankingDescription => {}
        Msg::RankingDescriptionRest => {}
        Msg::SentenceEnd => {}
        Msg::RankingDescriptionEmpty => {}
        Msg::Metric => {}
        Msg::Descending => {}
        Msg::Ascending => {}
        Msg::ShowAll => {}
        Msg::ShowAllOne => {}
        Msg::ShowTop => {}
        Msg::ResetZoom => {}
        Msg::ResetZoomRange => {}
        Msg::ZoomIn => {}
        Msg::ZoomOut => {}
        Msg::SearchLabel => {}
        Msg::SearchPlaceholder => {}
        Msg::SearchButton => {}
        Msg::NotFound => {}
        Msg::Found => {}
        Msg::KeysTrend => {}
        Msg::KeysRanking => {}
        Msg::ChartRoleTrend => {}
        Msg::ChartRoleRanking => {}
        Msg::SortedDescending => {}
        Msg::SortedAscending => {}
        Msg::ShowingAll => {}
        Msg::ShowingTop => {}
        Msg::Filtered => {}
        Msg::Unfiltered => {}
        Msg::Pinned => {}
        Msg::PinnedMissing => {}
        Msg::Unpinned => {}
        Msg::Zoomed => {}
        Msg::ZoomReset => {}
        Msg::SeriesShown => {}
        Msg::SeriesHidden => {}
    }
}

/// The English words of the chart vocabulary: every word of every English
/// message, with the data left out (arguments are filled with Chinese).
fn english_vocabulary() -> BTreeSet<String> {
    let en = Lang::En.words();
    let data = ["数据"; 6];
    let mut said: Vec<String> = EVERY_MSG.iter().map(|&m| en.fill(m, &data)).collect();
    said.extend((1..=24).map(|r| en.rank(r)));
    // Names of keys and file formats are written the same in Chinese.
    let same_in_chinese = [
        "home",
        "end",
        "esc",
        "enter",
        "png",
        "svg",
        "json",
        "csv",
        "excel",
        "schema",
        "html",
        "iframe",
        "heluo",
        "javascript",
        "webassembly",
    ];
    said.iter()
        .flat_map(|s| ascii_words(s))
        .filter(|w| w.len() >= 2 && !same_in_chinese.contains(&w.as_str()))
        .collect()
}

/// Runs of ASCII letters, lower-cased, leaving out file names
/// (`heluo.schema.json`, `embed-host.js`): they are written the same in every language.
fn ascii_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .map(|token| token.trim_end_matches('.'))
        .filter(|token| !token.contains('.'))
        .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

// ---------------------------------------------------------------- tests

#[test]
fn an_english_chart_shows_no_chinese_anywhere() {
    let d = gapminder();
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let mut e = engine(d.clone(), kind);
        assert_eq!(e.lang(), Lang::En, "the dataset's locale decides");
        let mut shown = walk(&mut e, "an");
        assert!(shown.len() > 1000, "{kind:?}: only {} strings", shown.len());
        shown.push(e.svg().expect("an SVG"));
        let bad: BTreeSet<&String> = shown.iter().filter(|s| s.chars().any(is_chinese)).collect();
        assert!(
            bad.is_empty(),
            "{kind:?}: Chinese in an English chart: {bad:?}"
        );
    }
    let en = Lang::En.words();
    for msg in EVERY_MSG {
        let said = en.get(msg);
        assert!(!said.chars().any(is_chinese), "{msg:?}: {said}");
    }
}

#[test]
fn an_english_ranking_names_what_it_ranks() {
    let d = gapminder();
    let mut e = engine(d.clone(), ChartKind::Ranking);
    let shown = walk(&mut e, "an");
    let said = shown.join("\n");
    for word in ["village", "Village", "villages"] {
        assert!(!said.contains(word), "{word:?} in a ranking of countries");
    }
    let mut e = engine(d, ChartKind::Ranking);
    assert_eq!(
        texts(e.marks())[1],
        "GDP per capita (US$) · top 15 of 23 countries"
    );
    assert_eq!(e.table().columns[..3], ["Rank", "Country", "Group"]);
    assert_eq!(show_all_label(&e), "Show all (8 more countries)");
    apply(&mut e, Action::ToggleShowAll);
    assert_eq!(e.announcement(), "Showing all 23 countries");
    assert!(
        texts(e.marks()).contains(&"1 country has no value for “GDP per capita” and is not ranked")
    );
    apply(&mut e, Action::PinSearch("kosovo".into()));
    assert_eq!(
        crate::interaction::search_status(&e),
        "Pinned Kosovo, but it has no value for “GDP per capita” and is not in the chart"
    );
    apply(&mut e, Action::PinSearch("chile".into()));
    let status = crate::interaction::search_status(&e);
    assert!(status.starts_with("Pinned Chile, ranked "), "{status}");
    assert!(
        e.description()
            .starts_with("Bar chart: Countries: GDP per capita. "),
        "{}",
        e.description()
    );
}

#[test]
fn english_punctuation_in_english_titles_and_units() {
    let d = gapminder();
    let e = engine(d.clone(), ChartKind::Ranking);
    assert_eq!(e.title(), "Countries: GDP per capita");
    assert_eq!(e.table().columns[3], "GDP per capita (US$)");
    let t = engine(d, ChartKind::Trend);
    assert_eq!(
        texts(t.marks())[..2],
        ["Life expectancy at birth", "Unit: years"]
    );
    assert_eq!(
        *texts(t.marks()).last().expect("credit"),
        "Source: Gapminder Foundation"
    );
    assert!(
        t.description()
            .starts_with("Line chart: Life expectancy at birth. World rose from 49.0 years in 1952 to 72.1 years in 2007; "),
        "{}",
        t.description()
    );
}

#[test]
fn a_chinese_chart_shows_no_english_word() {
    let vocabulary = english_vocabulary();
    for word in [
        "village", "villages", "source", "unit", "rank", "top", "group", "year",
    ] {
        assert!(
            vocabulary.contains(word),
            "{word} missing from {vocabulary:?}"
        );
    }
    let d = luolong();
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let mut e = engine(d.clone(), kind);
        assert_eq!(e.lang(), Lang::Zh);
        let shown = walk(&mut e, "王");
        assert!(shown.len() > 1000, "{kind:?}: only {} strings", shown.len());
        let english: BTreeSet<(String, &String)> = shown
            .iter()
            .flat_map(|s| {
                ascii_words(s)
                    .into_iter()
                    .filter(|w| vocabulary.contains(w))
                    .map(move |w| (w, s))
            })
            .collect();
        assert!(
            english.is_empty(),
            "{kind:?}: English in a Chinese chart: {english:?}"
        );
        // English punctuation: a comma, colon or semicolon followed by a space.
        let punctuated: BTreeSet<&String> = shown
            .iter()
            .filter(|s| [", ", ": ", "; ", "("].iter().any(|p| s.contains(p)))
            .collect();
        assert!(punctuated.is_empty(), "{kind:?}: {punctuated:?}");
    }
    let zh = Lang::Zh.words();
    for msg in EVERY_MSG {
        let said = zh.get(msg);
        let english: Vec<String> = ascii_words(said)
            .into_iter()
            .filter(|w| vocabulary.contains(w))
            .collect();
        assert!(english.is_empty(), "{msg:?}: {said} has {english:?}");
        // Chinese messages use Chinese punctuation.
        for p in [", ", ": ", "; ", "("] {
            assert!(!said.contains(p), "{msg:?}: {said} has {p:?}");
        }
    }
}

#[test]
fn switching_language_changes_the_words_not_the_data() {
    let mut e = engine(luolong(), ChartKind::Ranking);
    let zh = words_shown(&e);
    apply(&mut e, Action::Lang(Lang::En));
    assert_eq!(e.lang(), Lang::En);
    assert_eq!(
        texts(e.marks())[..2],
        ["村集体经济", "村集体经济收入 (元) · 7 villages"]
    );
    assert!(e.description().starts_with("Bar chart: 村集体经济: 村集体经济收入. 王屯村 ranks first of 7 villages by 村集体经济收入, 200,000 元"), "{}", e.description());
    apply(&mut e, Action::Lang(Lang::Zh));
    assert_eq!(words_shown(&e), zh, "back to Chinese: every word as before");
}

#[test]
fn what_is_ranked_defaults_to_villages_in_each_language() {
    let d = dataset_str(
        r#"{"locale": "en", "ranking": {"item": "farm", "metrics": [{"key": "v", "label": "Size"}],
            "villages": [{"name": "A", "values": {"v": 2}}, {"name": "B", "values": {"v": 1}}]}}"#,
    );
    let e = engine(Rc::new(d), ChartKind::Ranking);
    assert_eq!(
        e.context().item,
        Item {
            one: "farm".into(),
            many: "farms".into()
        },
        "the plural defaults to the singular plus s"
    );
    assert_eq!(Lang::Zh.words().get(Msg::Village), "村");
    assert_eq!(Lang::En.words().get(Msg::Villages), "villages");
    assert_eq!(Lang::from_tag("zh-TW"), Lang::Zh);
    assert_eq!(Lang::from_tag(" ZH "), Lang::Zh);
    assert_eq!(Lang::from_tag("fr"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
}

fn show_all_label(e: &Engine) -> String {
    e.controls()
        .into_iter()
        .find_map(|c| match c {
            Control::Button {
                id: "show-all",
                label,
                ..
            } => Some(label),
            _ => None,
        })
        .expect("a show-all button")
}

// ---------------------------------------------------------------- wording, kept bugs (reported)

#[test]
fn show_all_says_more_before_the_noun() {
    let e = engine(gapminder(), ChartKind::Ranking);
    assert_eq!(show_all_label(&e), "Show all (8 more countries)");
}

#[test]
fn bug_all_shown_says_gong() {
    let e = engine(luolong(), ChartKind::Ranking);
    assert_eq!(texts(e.marks())[1], "村集体经济收入（元） · 共 7 个村");
}

#[test]
fn no_space_between_a_chinese_count_and_what_follows() {
    let mut e = engine(luolong(), ChartKind::Ranking);
    assert!(
        e.description()
            .contains("王屯村的村集体经济收入在 7 个村中排第一，为 200,000 元"),
        "{}",
        e.description()
    );
    apply(&mut e, Action::Metric(1));
    assert!(
        texts(e.marks()).contains(&"另有 3 个村无“户均分红”数据，未列入排名"),
        "{:?}",
        texts(e.marks())
    );
}

#[test]
fn an_english_chart_never_writes_wan() {
    // Yuan in the millions: 万元 in Chinese, whole yuan in English.
    let json = r#"{"locale": "en", "ranking": {"metrics": [{"key": "income", "label": "Income", "unit": "元"}],
        "villages": [{"name": "Wangtun", "values": {"income": 1253000}}, {"name": "Xiazhuang", "values": {"income": 40}}]}}"#;
    let d = std::rc::Rc::new(crate::util::dataset_str(json));
    let en = crate::util::engine(d.clone(), ChartKind::Ranking);
    let texts: Vec<String> = crate::util::texts(en.marks())
        .into_iter()
        .map(String::from)
        .collect();
    assert!(texts.iter().any(|t| t == "1,253,000 元"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains('万')), "{texts:?}");
    let zh = Engine::new(d, &heluo::Options::new(ChartKind::Ranking).lang(Lang::Zh)).expect("zh");
    let zh_texts = crate::util::texts(zh.marks());
    assert!(zh_texts.contains(&"125.30万元"), "{zh_texts:?}");
}
