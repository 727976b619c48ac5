//! Every word the core and the page show a reader, in one place per language
//! (Vega-Lite's `log/message.ts` is the model): [`zh`] and [`en`] each map
//! every [`Msg`] to a template, punctuation included, so an English chart
//! never gets a Chinese colon and a Chinese one never gets an English word.
//! Data (names, labels, units) is never translated. Error messages about a
//! file live in `crate::error`.
//!
//! Templates are plain strings with `{0}`, `{1}`… filled by [`Words::fill`]:
//! one code path for every sentence keeps the wasm small (a method per
//! sentence and language cost about 15 KB gzipped).

mod en;
mod zh;

/// The language of a chart's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh…` is Chinese; every other BCP 47 tag is English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn words(self) -> Words {
        Words(self)
    }
}

/// Every sentence and label, by name. The comment gives the arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    // The page (the DOM layer asks for these by `key`).
    PageTitle,
    Tagline,
    ChooseFile,
    DropHint,
    Sample,
    DropZone,
    Footer,
    NoScript,
    Language,
    /// The language switch's "as the dataset says".
    Auto,
    DownloadPng,
    DownloadSvg,
    Embed,
    EmbedElement,
    EmbedIframe,
    DownloadHtml,
    ShowTable,
    HideTable,
    Restarted,
    /// {0} file name, {1} detail.
    LoadFailed,
    /// {0} detail.
    ChartFailed,
    /// {0} file name.
    FileLabel,
    /// A folder was dropped: {0} its name.
    DropFolder,
    /// Several files were dropped: {0} how many, {1} the first's name.
    DropMany,
    /// The browser could not read a file: {0} its name.
    ReadFailed,
    /// A large file being read: {0} its name, {1} "read / total" in MB.
    Reading,
    /// A large file read, being parsed and drawn: {0} its name.
    Drawing,
    /// The button that stops reading a large file.
    CancelLoad,
    /// A load the reader stopped: {0} the file's name.
    LoadCancelled,
    /// {0} the source.
    Source,
    /// {0} title, {1} the chart kinds joined.
    Loaded,
    /// Joins two chart kinds.
    And,
    LineChart,
    BarChart,
    // Chart chrome and tables.
    /// The default ranked item, singular and plural.
    Village,
    Villages,
    /// {0} count, {1} singular, {2} plural.
    CountOne,
    CountMany,
    TrendFallbackTitle,
    /// {0} unit.
    UnitLine,
    /// {0} year.
    Year,
    NoGroup,
    GroupColumn,
    YearColumn,
    RankColumn,
    /// {0} label, {1} unit.
    WithUnit,
    /// {0} unit (no label).
    UnitOnly,
    /// {0} title, {1} metric.
    TitleWithMetric,
    /// {0} shown, {1} the count of all.
    TopOf,
    /// Every item shown: {0} the count of all.
    AllOf,
    /// {0} count, {1} metric.
    LeftOutOne,
    LeftOutMany,
    /// {0} rank, {1} name.
    RankHeading,
    /// {0} value, {1} rank.
    PinnedValue,
    /// {0} rank shared with another, {1} name.
    RankHeadingTied,
    /// {0} value, {1} rank shared with another.
    PinnedValueTied,
    /// {0} shown, {1} total, {2} plural, {3} singular.
    TableCut,
    NoData,
    /// Between a heading and what follows.
    HeadingSep,
    /// Between items of a list.
    /// A name told apart from its twin by its group: {0} name, {1} group.
    NameWithGroup,
    /// Between names listed together ("村0、村1").
    NameSep,
    ListSep,
    /// Between clauses.
    ClauseSep,
    // Descriptions.
    /// {0} series, {1} first year, {2} first value, {3} last year, {4} last value.
    SeriesRose,
    SeriesFell,
    SeriesSame,
    /// {0} series, {1} year, {2} value.
    SeriesSingle,
    /// {0} series.
    SeriesEmpty,
    /// An annotation label standing for several: {0} the first, {1} how many more.
    AnnotationMore,
    /// Under a static chart, the annotations with no room for their words:
    /// {0} the list of [`Msg::AnnotationItem`]s.
    AnnotationsNotShown,
    /// One annotation in that list: {0} its year, {1} its label.
    AnnotationItem,
    /// Between the items of that list.
    AnnotationSeparator,
    /// After a description or a table's caption, the annotations of the
    /// years shown: {0} the list of [`Msg::AnnotationItem`]s.
    Notes,
    /// Inside a plot with nothing to draw.
    NoDataNote,
    /// {0} how many series, {1} how many are coloured.
    ManySeries,
    /// A tooltip's last row when rows were left out: {0} how many.
    MoreRows,
    /// {0} how many groups.
    ManyGroups,
    /// {0} how many groups, {1} the one shown.
    ManyGroupsFiltered,
    /// The group menu's first choice.
    AllGroups,
    /// {0} title, {1} clauses.
    TrendDescription,
    /// {0} title.
    TrendDescriptionEmpty,
    /// {0} title, {1} leader, {2} metric, {3} count of all, {4} value.
    RankingDescription,
    /// {0} the next ones.
    RankingDescriptionRest,
    /// {0} title, {1} the leaders, {2} metric, {3} count of all, {4} value.
    RankingDescriptionTied,
    /// Every value is the same: {0} title, {1} count of all, {2} metric, {3} value.
    RankingDescriptionAllEqual,
    SentenceEnd,
    /// {0} title.
    RankingDescriptionEmpty,
    // Controls.
    Metric,
    Descending,
    Ascending,
    /// {0} how many more, {1} singular, {2} plural.
    ShowAll,
    ShowAllOne,
    /// {0} n.
    ShowTop,
    ResetZoom,
    /// {0} first year, {1} last year.
    ResetZoomRange,
    ZoomIn,
    ZoomOut,
    SearchLabel,
    SearchPlaceholder,
    SearchButton,
    NotFound,
    /// {0} count.
    Found,
    KeysTrend,
    KeysRanking,
    ChartRoleTrend,
    ChartRoleRanking,
    /// Which chart a control acts on, to tell the two charts' apart.
    ChartTrend,
    ChartRanking,
    // Announcements.
    /// {0} metric.
    SortedDescending,
    SortedAscending,
    /// {0} the count of all.
    ShowingAll,
    /// {0} n, {1} the count of all.
    ShowingTop,
    /// {0} group, {1} the count.
    Filtered,
    /// {0} the count.
    Unfiltered,
    /// {0} name, {1} rank (as `Rank`).
    Pinned,
    /// {0} name, {1} rank shared with another (as `Rank`).
    PinnedTied,
    /// {0} name, {1} metric.
    PinnedMissing,
    /// {0} name.
    Unpinned,
    /// {0} first year, {1} last year.
    Zoomed,
    ZoomReset,
    /// {0} series.
    SeriesShown,
    SeriesHidden,
    /// The trend's search box.
    SearchLines,
    HighlightButton,
    /// The buttons listing highlighted lines.
    HighlightedLines,
    /// {0} series.
    Highlighted,
    Unhighlighted,
    /// A line stepped to by key: {0} what it did, {1} its place, {2} how many lines.
    LineFocus,
    // What an import understood (`dataset::infer::Summary::line`).
    /// {0} lines, {1} years, {2} their span.
    ImportTrend,
    /// {0} items, {1} metrics.
    ImportRanking,
    /// {0} the group column.
    ImportGrouped,
    /// Between the trend's and the ranking's part.
    ImportSep,
    /// {0} a count.
    ImportLine,
    ImportLines,
    ImportYear,
    ImportYears,
    ImportMetric,
    ImportMetrics,
    ImportSkippedOne,
    ImportSkipped,
    // The correction panel's words (`dataset::infer::Summary::view`).
    ImportPerYearMean,
    ImportPerYearSum,
    ImportPerYearLast,
    RoleTime,
    RoleName,
    RoleGroup,
    RoleValue,
    RoleSplit,
    RoleYear,
    RoleLeft,
    WhyMapping,
    WhyHeader,
    WhyValues,
    WhyMostDistinct,
    WhyOneGroupPerName,
    WhyHeaderIsYear,
    WhyFirstColumnOfYears,
    WhySplit,
    WhyPeriod,
    LeftCode,
    LeftFreeText,
    LeftEmpty,
    LeftIgnored,
    LeftPerName,
    LeftUnused,
    NoteDayFirst,
    NoteMonthFirst,
    NoteDayMonthUnsettled,
    NoteDayMonthConflict,
    NoteSummed,
    NoteSummedOver,
    NoteSlice,
    NoteSliceAuto,
    NoteAggregates,
    NoteRankingYear,
    NoteShares,
    NoteSmallPercent,
    NoteDecimalComma,
    NoteUnitFromValues,
    NoteMerged,
    NotePerYearMean,
    NotePerYearSum,
    NotePerYearLast,
    PeriodMonths,
    PeriodQuarters,
    PeriodDays,
    NoteNoTimeRepeats,
    ReasonNotANumber,
    ReasonTooBig,
    ReasonOutsidePercent,
    ReasonNoName,
    ReasonNoTime,
    ReasonNotATime,
    ReasonBefore1900,
    ShapeLong,
    ShapeWide,
    ShapeTransposed,
    ShapeRecords,
}

/// What a ranking ranks (villages unless the dataset names it): the singular
/// and the plural, in the chart's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub one: String,
    pub many: String,
}

/// The words of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words(pub Lang);

impl Words {
    /// A template or a fixed string.
    pub fn get(self, msg: Msg) -> &'static str {
        match self.0 {
            Lang::Zh => zh::template(msg),
            Lang::En => en::template(msg),
        }
    }

    /// A template with `{0}`, `{1}`… replaced by `args`.
    pub fn fill(self, msg: Msg, args: &[&str]) -> String {
        fill(self.get(msg), args)
    }

    /// "85 个村", "1 village", "142 countries".
    pub fn count(self, n: usize, item: &Item) -> String {
        let msg = if n == 1 {
            Msg::CountOne
        } else {
            Msg::CountMany
        };
        self.fill(msg, &[&n.to_string(), &item.one, &item.many])
    }

    /// "2013年" / "2013".
    pub fn year(self, year: i32) -> String {
        self.fill(Msg::Year, &[&year.to_string()])
    }

    /// A rank as said in a sentence: "3" in Chinese (第 3 名), "3rd" in English.
    pub fn rank(self, rank: usize) -> String {
        match self.0 {
            Lang::Zh => rank.to_string(),
            Lang::En => en::ordinal(rank),
        }
    }

    /// A heading and its parts as one sentence: "2013年：洛龙区 3.12%，全国 8.5%".
    pub fn sentence(self, heading: &str, parts: &[String]) -> String {
        if parts.is_empty() {
            return heading.to_string();
        }
        let mut out = String::from(heading);
        out.push_str(self.get(Msg::HeadingSep));
        out.push_str(&parts.join(self.get(Msg::ListSep)));
        out
    }

    /// "label（unit）" / "label (unit)"; just the unit in brackets without a label.
    pub fn with_unit(self, label: &str, unit: &str) -> String {
        if label.is_empty() {
            self.fill(Msg::UnitOnly, &[unit])
        } else {
            self.fill(Msg::WithUnit, &[label, unit])
        }
    }
}

/// `template` with `{0}`…`{9}` replaced by `args` (a missing argument is empty).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len().saturating_add(16));
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        // `get`, not `split_at`: `split_at`'s panic path would bring core's
        // Debug formatting of chars and its Unicode tables (4 KB gzipped) into
        // the wasm. `at` is a char boundary, so neither `get` fails.
        let (Some(before), Some(after)) = (rest.get(..at), rest.get(at..)) else {
            break;
        };
        out.push_str(before);
        let mut chars = after.chars();
        chars.next();
        match (chars.next(), chars.next()) {
            (Some(d), Some('}')) if d.is_ascii_digit() => {
                let i = (d as usize).saturating_sub('0' as usize);
                out.push_str(args.get(i).copied().unwrap_or_default());
                rest = chars.as_str();
            }
            _ => {
                out.push('{');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// The keys the DOM layer asks `Heluo.text` for, and their messages.
pub const PAGE_KEYS: [(&str, Msg); 37] = [
    ("pageTitle", Msg::PageTitle),
    ("tagline", Msg::Tagline),
    ("chooseFile", Msg::ChooseFile),
    ("dropHint", Msg::DropHint),
    ("sample", Msg::Sample),
    ("dropZone", Msg::DropZone),
    ("footer", Msg::Footer),
    ("noScript", Msg::NoScript),
    ("language", Msg::Language),
    ("auto", Msg::Auto),
    ("downloadPng", Msg::DownloadPng),
    ("downloadSvg", Msg::DownloadSvg),
    ("embed", Msg::Embed),
    ("embedElement", Msg::EmbedElement),
    ("embedIframe", Msg::EmbedIframe),
    ("downloadHtml", Msg::DownloadHtml),
    ("showTable", Msg::ShowTable),
    ("hideTable", Msg::HideTable),
    ("restarted", Msg::Restarted),
    ("loadFailed", Msg::LoadFailed),
    ("chartFailed", Msg::ChartFailed),
    ("fileLabel", Msg::FileLabel),
    ("dropFolder", Msg::DropFolder),
    ("dropMany", Msg::DropMany),
    ("readFailed", Msg::ReadFailed),
    ("reading", Msg::Reading),
    ("drawing", Msg::Drawing),
    ("cancelLoad", Msg::CancelLoad),
    ("loadCancelled", Msg::LoadCancelled),
    ("source", Msg::Source),
    ("zoomIn", Msg::ZoomIn),
    ("zoomOut", Msg::ZoomOut),
    ("keysTrend", Msg::KeysTrend),
    ("keysRanking", Msg::KeysRanking),
    ("withUnit", Msg::WithUnit),
    ("chartTrend", Msg::ChartTrend),
    ("chartRanking", Msg::ChartRanking),
];

/// A Chinese sentence with a space where a Han character meets a Latin
/// letter ("62 个country" → "62 个 country", "按cluster分组" → "按 cluster
/// 分组"); digits keep to their Chinese (`2013年`).
pub fn spaced(text: &str) -> String {
    let han = |c: char| matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF);
    let mut out = String::with_capacity(text.len().saturating_add(8));
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev {
            if (han(p) && c.is_ascii_alphabetic()) || (p.is_ascii_alphabetic() && han(c)) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}
