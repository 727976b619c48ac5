//! English: every word of an English chart and page.

use super::msg::Msg;

pub fn template(msg: Msg) -> &'static str {
    match msg {
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::PageTitle => "Heluo · poverty data charts",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Tagline => "Poverty data charts · your data stays in your browser, nothing is uploaded",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ChooseFile => "Choose a data file (JSON, CSV, Excel)",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DropHint => "or drop a file anywhere on the page, or paste a table",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Sample => "Sample",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DropZone => "Release to load this file",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Footer => "The data format is described in heluo.schema.json. Heluo sends no data to any server.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoScript => "Heluo needs JavaScript and WebAssembly.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Language => "Language",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Auto => "Auto",
        Msg::DownloadPng => "Download PNG",
        Msg::DownloadSvg => "Download SVG",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Embed => "Embed",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::EmbedElement => "Element: paste into the article's HTML (host heluo.js on your site)",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::EmbedIframe => "iframe: sizes itself (needs embed.html, embed-host.js and the data file)",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DownloadHtml => "Download standalone HTML",
        Msg::ShowTable => "Show data table",
        Msg::HideTable => "Hide data table",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Restarted => "The chart engine hit an internal error and was restarted; the charts shown before are kept. Please report what you did.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LoadFailed => "Could not load “{0}”: {1}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ChartFailed => "Chart error: {0}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::FileLabel => "File: {0}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DropFolder => "“{0}” is a folder: drop one data file.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DropMany => "{0} files were dropped; only the first, “{1}”, was loaded.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReadFailed => "The browser could not read “{0}” (it may have been moved or deleted).",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Reading => "Reading “{0}”: {1} MB",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Drawing => "Reading and drawing “{0}”…",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::CancelLoad => "Cancel",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LoadCancelled => "Stopped loading “{0}”; the charts are unchanged.",
        Msg::Source => "Source: {0}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Loaded => "Loaded “{0}”: {1}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::And => " and ",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LineChart => "a line chart",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::BarChart => "a bar chart",
        Msg::Village => "village",
        Msg::Villages => "villages",
        Msg::CountOne => "1 {1}",
        Msg::CountMany => "{0} {2}",
        Msg::TrendFallbackTitle => "Trend",
        Msg::UnitLine => "Unit: {0}",
        Msg::Year => "{0}",
        Msg::NoGroup => "No group",
        Msg::GroupColumn => "Group",
        Msg::YearColumn => "Year",
        Msg::RankColumn => "Rank",
        Msg::WithUnit => "{0} ({1})",
        Msg::UnitOnly => "({0})",
        Msg::TitleWithMetric => "{0}: {1}",
        Msg::TopOf => "top {0} of {1}",
        Msg::AllOf => "{0}",
        Msg::LeftOutOne => "{0} has no value for “{1}” and is not ranked",
        Msg::LeftOutMany => "{0} have no value for “{1}” and are not ranked",
        Msg::RankHeading => "#{0} · {1}",
        Msg::PinnedValue => "{0} · #{1}",
        Msg::RankHeadingTied => "tied #{0} · {1}",
        Msg::PinnedValueTied => "{0} · tied #{1}",
        Msg::TableCut => " (the first {0} of {1} {2})",
        Msg::NoData => "no data",
        Msg::HeadingSep => ": ",
        Msg::NameWithGroup => "{0} ({1})",
        Msg::NameSep => ", ",
        Msg::ListSep => ", ",
        Msg::ClauseSep => "; ",
        Msg::SeriesRose => "{0} rose from {2} in {1} to {4} in {3}",
        Msg::SeriesFell => "{0} fell from {2} in {1} to {4} in {3}",
        Msg::SeriesSame => "{0} was {4} in both {1} and {3}",
        Msg::SeriesSingle => "{0} was {2} in {1}",
        Msg::SeriesEmpty => "{0} has no data",
        Msg::AnnotationMore => "{0} +{1}",
        Msg::AnnotationsNotShown => "Annotations not shown: {0}",
        Msg::AnnotationItem => "{0}: {1}",
        Msg::AnnotationSeparator => "; ",
        Msg::Notes => " Notes: {0}.",
        Msg::NoDataNote => "No data",
        Msg::ManySeries => "{0} lines: the first {1} in colour, the rest grey; hover, search or press ↑ ↓ to highlight one",
        Msg::MoreRows => "{0} more",
        Msg::ManyGroups => "{0} groups: choose one below",
        Msg::ManyGroupsFiltered => "{0} groups, showing {1} only",
        Msg::AllGroups => "All",
        Msg::TrendDescription => "Line chart: {0}. {1}.",
        Msg::TrendDescriptionEmpty => "Line chart: {0}, no data.",
        Msg::RankingDescription => "Bar chart: {0}. {1} ranks first of {3} by {2}, {4}",
        Msg::RankingDescriptionRest => "; then {0}",
        Msg::RankingDescriptionTied => "Bar chart: {0}. {1} tie for first of {3} by {2}, {4}",
        Msg::RankingDescriptionAllEqual => "Bar chart: {0}. All {1} have the same {2}, {3}",
        Msg::SentenceEnd => ".",
        Msg::RankingDescriptionEmpty => "Bar chart: {0}, no data.",
        Msg::Metric => "Metric",
        Msg::Descending => "Largest first ↓",
        Msg::Ascending => "Smallest first ↑",
        Msg::ShowAll => "Show all ({0} more {2})",
        Msg::ShowAllOne => "Show all (1 more {1})",
        Msg::ShowTop => "Show the top {0} only",
        Msg::ResetZoom => "Reset zoom",
        Msg::ResetZoomRange => "Reset zoom (now {0}–{1})",
        Msg::ZoomIn => "Zoom in",
        Msg::ZoomOut => "Zoom out",
        Msg::SearchLabel => "Find by name and pin",
        Msg::SearchPlaceholder => "Find by name",
        Msg::SearchButton => "Pin",
        Msg::NotFound => "Not found",
        Msg::Found => "{0} found",
        Msg::KeysTrend => "Keys: ← → step through the years, ↑ ↓ highlight one line after another, Enter keeps it highlighted, Home/End jump to the ends, + and - zoom, 0 resets, Esc closes the tooltip.",
        Msg::KeysRanking => "Keys: ↑ ↓ step through the bars, Home/End jump to the ends, Enter pins, Esc closes the tooltip.",
        Msg::ChartRoleTrend => "interactive line chart",
        Msg::ChartRoleRanking => "interactive bar chart",
        Msg::ChartTrend => "trend",
        Msg::ChartRanking => "ranking",
        Msg::SortedDescending => "Sorted by {0}, largest first",
        Msg::SortedAscending => "Sorted by {0}, smallest first",
        Msg::ShowingAll => "Showing all {0}",
        Msg::ShowingTop => "Showing the top {0} of {1}",
        Msg::Filtered => "Showing {0} only, {1}",
        Msg::Unfiltered => "Showing every group, {0}",
        Msg::Pinned => "Pinned {0}, ranked {1}",
        Msg::PinnedTied => "Pinned {0}, tied {1}",
        Msg::PinnedMissing => "Pinned {0}, but it has no value for “{1}” and is not in the chart",
        Msg::Unpinned => "Unpinned {0}",
        Msg::Zoomed => "Zoomed to {0}–{1}",
        Msg::ZoomReset => "Showing every year",
        Msg::SeriesShown => "Showing {0}",
        Msg::SeriesHidden => "Hid {0}",
        Msg::SearchLines => "Find a line and highlight it",
        Msg::HighlightButton => "Highlight",
        Msg::HighlightedLines => "Highlighted lines (click to remove)",
        Msg::Highlighted => "Highlighted {0}",
        Msg::Unhighlighted => "{0} no longer highlighted",
        Msg::LineFocus => "{0} (line {1} of {2})",
        // The import's words (what `dataset::infer::Summary` says) are
        // compiled only where a summary is made: the table importer
        // (pkg/heluo-tables.js) and natively. The main module never
        // makes one, and these strings cost it 1.9 KB gzipped.
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportTrend => "Trend: {0} × {1} ({2})",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportRanking => "Ranking: {0}, {1}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportGrouped => "grouped by {0}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportSep => "; ",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportLine => "{0} line",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportLines => "{0} lines",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportYear => "{0} year",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportYears => "{0} years",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportMetric => "{0} metric",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportMetrics => "{0} metrics",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportSkippedOne => "{0} cell skipped",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportSkipped => "{0} cells skipped",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportPerYearMean => "yearly mean",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportPerYearSum => "yearly sum",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportPerYearLast => "last of each year",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleTime => "time",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleName => "name",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleGroup => "group",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleValue => "value",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleSplit => "split",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleYear => "values of {0}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleLeft => "left out",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyMapping => "The mapping says so.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyHeader => "Its header says so.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyValues => "Its values say so.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyMostDistinct => "The text column with the most distinct values.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyOneGroupPerName => "Each name has one value of it, and the values repeat.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyHeaderIsYear => "Its header is a year.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyFirstColumnOfYears => "The first column, of whole years in 1800–2100.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhySplit => "Splits a series' rows in a year: summed or sliced.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyPeriod => "Periods within a year: made one value a year.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftCode => "Codes or ids, never numbers.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftFreeText => "Long free text.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftEmpty => "No cell has a value.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftIgnored => "The mapping leaves it out.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftPerName => "Text that describes each name or row; the charts do not use it.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftUnused => "The charts chosen do not use it.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteDayFirst => "Day first: {0} is \"{1}\".",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteMonthFirst => "Month first: {0} is \"{1}\".",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteDayMonthUnsettled => "No date settles the day/month order: read day first (the years are the same either way).",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteDayMonthConflict => "Dates disagree: {0} can only be day first, {1} only month first; read as the mapping says, or day first.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSummed => "{0} series-years had several rows (up to {1}) and were summed.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSummedOver => "{0} series-years had several rows (up to {1}, split by {2}) and were summed.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSlice => "Only rows where \"{0}\" is \"{1}\" were read; {2} rows left out.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSliceAuto => "Only rows where \"{0}\" is \"{1}\" (the total) were read; {2} rows left out; the mapping can pick another.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSliceFirst => "Only rows where \"{0}\" is \"{1}\" (its first value: rows of different {0} do not add up) were read; {2} rows left out; the mapping can pick another.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteAggregates => "Left out of the ranking as aggregates: {0}.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteRankingYear => "The ranking shows {0}.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteShares => "\"{0}\" lies within 0–1: shown as shares, not as per cent.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSmallPercent => "\"{0}\" is in % but lies within 0–1: perhaps shares.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteDecimalComma => "\"{0}\" was read with a decimal comma (1.234,5).",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteUnitFromValues => "The unit of \"{0}\", {1}, comes from its cells.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteMerged => "\"{0}\" and \"{1}\" look the same and were read as one name.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NotePerYearMean => "Yearly mean of {0}.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NotePerYearSum => "Yearly sum of {0}.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NotePerYearLast => "The last of {0} each year.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::PeriodMonths => "{0} months",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::PeriodQuarters => "{0} quarters",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::PeriodDays => "{0} days",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteNoTimeRepeats => "No time column, and {0} values come from several rows of one name (up to {1}): they were summed (check that a sum means something, or pick a slice in the mapping), except {2} that repeat one value on every row, taken once.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonNotANumber => "not a number",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonTooBig => "too big (10¹⁵ or more)",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonOutsidePercent => "a per cent outside 0–100",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonNoName => "the row has no name",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonNoTime => "the row has no time",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonNotATime => "not a year or date",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonOtherFrequency => "a quarter or month beside the yearly figures, which are charted",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NotePerYearShort => "Years with fewer: {0}.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteLegendZero => "Cells written \"{0}\" were read as 0, as the file's legend says: \"{1}\".",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteAnnualColumn => "A row a year and a column a month: \"{0}\" gives each year; the months and parts of the year ({1}) were left out.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSliceThroughout => "Only rows where \"{0}\" is \"{1}\", the value every name has in every year, were read: the others come in some years only, other measures of the same thing, not parts to add; {2} rows left out; the mapping can pick another.",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ShapeLong => "Long: a name, a time and value columns",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ShapeWide => "Wide: a time column and a column per series",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ShapeTransposed => "Transposed: a name a row and a column per year",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ShapeRecords => "Records: a name a row, no time",
    }
}

/// "1st", "2nd", "3rd", "11th", "22nd".
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
