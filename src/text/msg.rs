//! Every sentence and label of the core and the page, by name: what
//! `en.rs` and `zh.rs` each give a template for.

/// Every sentence and label, by name. The comment gives the arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    // The page (the DOM layer asks for these by `key`).
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    PageTitle,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Tagline,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ChooseFile,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    DropHint,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Sample,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    DropZone,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Footer,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoScript,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Language,
    /// The language switch's "as the dataset says".
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Auto,
    DownloadPng,
    DownloadSvg,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Embed,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    EmbedElement,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    EmbedIframe,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    DownloadHtml,
    ShowTable,
    HideTable,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Restarted,
    /// {0} file name, {1} detail.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    LoadFailed,
    /// {0} detail.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ChartFailed,
    /// {0} file name.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    FileLabel,
    /// A folder was dropped: {0} its name.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    DropFolder,
    /// Several files were dropped: {0} how many, {1} the first's name.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    DropMany,
    /// The browser could not read a file: {0} its name.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ReadFailed,
    /// A large file being read: {0} its name, {1} "read / total" in MB.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Reading,
    /// A large file read, being parsed and drawn: {0} its name.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Drawing,
    /// The button that stops reading a large file.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    CancelLoad,
    /// A load the reader stopped: {0} the file's name.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    LoadCancelled,
    /// {0} the source.
    Source,
    /// {0} title, {1} the chart kinds joined.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    Loaded,
    /// Joins two chart kinds.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    And,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    LineChart,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
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
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportTrend,
    /// {0} items, {1} metrics.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportRanking,
    /// {0} the group column.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportGrouped,
    /// Between the trend's and the ranking's part.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportSep,
    /// {0} a count.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportLine,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportLines,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportYear,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportYears,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportMetric,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportMetrics,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportSkippedOne,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportSkipped,
    // The correction panel's words (`dataset::infer::Summary::words`).
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportPerYearMean,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportPerYearSum,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ImportPerYearLast,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    RoleTime,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    RoleName,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    RoleGroup,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    RoleValue,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    RoleSplit,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    RoleYear,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    RoleLeft,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    WhyMapping,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    WhyHeader,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    WhyValues,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    WhyMostDistinct,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    WhyOneGroupPerName,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    WhyHeaderIsYear,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    WhyFirstColumnOfYears,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    WhySplit,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    WhyPeriod,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    LeftCode,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    LeftFreeText,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    LeftEmpty,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    LeftIgnored,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    LeftPerName,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    LeftUnused,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteDayFirst,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteMonthFirst,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteDayMonthUnsettled,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteDayMonthConflict,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteSummed,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteSummedOver,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteSlice,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteSliceAuto,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteAggregates,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteRankingYear,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteShares,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteSmallPercent,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteDecimalComma,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteUnitFromValues,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteMerged,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NotePerYearMean,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NotePerYearSum,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NotePerYearLast,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    PeriodMonths,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    PeriodQuarters,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    PeriodDays,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteNoTimeRepeats,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ReasonNotANumber,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ReasonTooBig,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ReasonOutsidePercent,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ReasonNoName,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ReasonNoTime,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ReasonNotATime,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ShapeLong,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ShapeWide,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ShapeTransposed,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ShapeRecords,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteSliceFirst,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    ReasonOtherFrequency,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NotePerYearShort,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteSliceThroughout,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteAnnualColumn,
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    NoteLegendZero,
}
