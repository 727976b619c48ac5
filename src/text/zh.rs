//! 中文：every word of a Chinese chart and page, with full-width punctuation.

use super::msg::Msg;

pub fn template(msg: Msg) -> &'static str {
    match msg {
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::PageTitle => "Heluo 河洛 · 脱贫数据图表",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Tagline => "脱贫数据图表 · 数据只在你的浏览器里处理，不上传",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ChooseFile => "选择数据文件（JSON、CSV、Excel）",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DropHint => "或把文件拖到页面任意位置，或粘贴表格",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Sample => "示例",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DropZone => "松开鼠标，载入这个文件",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Footer => "数据格式见 heluo.schema.json。Heluo 不向任何服务器发送数据。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoScript => "Heluo 需要 JavaScript 和 WebAssembly。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Language => "语言",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Auto => "自动",
        Msg::DownloadPng => "下载 PNG",
        Msg::DownloadSvg => "下载 SVG",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Embed => "嵌入",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::EmbedElement => "网页元素：放进文章的 HTML 里（heluo.js 放在你的网站上）",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::EmbedIframe => "iframe：自动调整高度（需要 embed.html、embed-host.js 和数据文件）",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DownloadHtml => "下载独立网页",
        Msg::ShowTable => "显示数据表",
        Msg::HideTable => "隐藏数据表",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Restarted => {
            "图表引擎出现内部错误，已重新启动；之前的图表保留。请告诉我们你做了什么。"
        }
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LoadFailed => "无法载入 “{0}”：{1}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ChartFailed => "图表出错：{0}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::FileLabel => "文件：{0}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DropFolder => "“{0}”是文件夹：请拖入一个数据文件。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::DropMany => "拖入了 {0} 个文件，只载入了第一个：“{1}”。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReadFailed => "浏览器无法读取“{0}”（文件可能已被移动或删除）。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Reading => "正在读取“{0}”：{1} 兆字节",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Drawing => "正在解析并绘制“{0}”……",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::CancelLoad => "取消",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LoadCancelled => "已取消载入“{0}”，图表未变。",
        Msg::Source => "来源：{0}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::Loaded => "已载入“{0}”：{1}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::And => "和",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LineChart => "折线图",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::BarChart => "条形图",
        Msg::Village | Msg::Villages => "村",
        Msg::CountOne | Msg::CountMany => "{0} 个{1}",
        Msg::TrendFallbackTitle => "趋势",
        Msg::UnitLine => "单位：{0}",
        Msg::Year => "{0}年",
        Msg::NoGroup => "未分组",
        Msg::GroupColumn => "镇/街道",
        Msg::YearColumn => "年份",
        Msg::RankColumn => "排名",
        Msg::WithUnit => "{0}（{1}）",
        Msg::UnitOnly => "（{0}）",
        Msg::TitleWithMetric => "{0}：{1}",
        Msg::TopOf => "前 {0} 名，共 {1}",
        Msg::AllOf => "共 {0}",
        Msg::LeftOutOne | Msg::LeftOutMany => "另有 {0}无“{1}”数据，未列入排名",
        Msg::RankHeading => "第 {0} 名 · {1}",
        Msg::PinnedValue => "{0} · 第 {1} 名",
        Msg::RankHeadingTied => "并列第 {0} 名 · {1}",
        Msg::PinnedValueTied => "{0} · 并列第 {1} 名",
        Msg::TableCut => "（表中列出前 {0} 个，共 {1} 个{3}）",
        Msg::NoData => "无数据",
        Msg::HeadingSep => "：",
        Msg::NameWithGroup => "{0}（{1}）",
        Msg::NameSep => "、",
        Msg::ListSep => "，",
        Msg::ClauseSep => "；",
        Msg::SeriesRose => "{0}从{1}的{2}升至{3}的{4}",
        Msg::SeriesFell => "{0}从{1}的{2}降至{3}的{4}",
        Msg::SeriesSame => "{0}在{1}和{3}都是{4}",
        Msg::SeriesSingle => "{0}在{1}为{2}",
        Msg::SeriesEmpty => "{0}没有数据",
        Msg::AnnotationMore => "{0} 等 {1} 条",
        Msg::AnnotationsNotShown => "未标出的注释：{0}",
        Msg::AnnotationItem => "{0}：{1}",
        Msg::AnnotationSeparator => "；",
        Msg::Notes => "注释：{0}。",
        Msg::NoDataNote => "没有数据",
        Msg::ManySeries => "共 {0} 条线：前 {1} 条着色，其余为灰色；悬停、查找或按 ↑ ↓ 键突出显示一条线",
        Msg::MoreRows => "另有 {0} 条",
        Msg::ManyGroups => "共 {0} 个镇/街道，可在下方选择一个",
        Msg::ManyGroupsFiltered => "共 {0} 个镇/街道，只显示{1}",
        Msg::AllGroups => "全部",
        Msg::TrendDescription => "折线图，{0}。{1}。",
        Msg::TrendDescriptionEmpty => "折线图，{0}，没有数据。",
        Msg::RankingDescription => "条形图，{0}。{1}的{2}在 {3}中排第一，为 {4}",
        Msg::RankingDescriptionRest => "；其后是{0}",
        Msg::RankingDescriptionTied => "条形图，{0}。{1}的{2}在 {3}中并列第一，为 {4}",
        Msg::RankingDescriptionAllEqual => "条形图，{0}。{1}的{2}全部相同，都是 {3}",
        Msg::SentenceEnd => "。",
        Msg::RankingDescriptionEmpty => "条形图，{0}，没有数据。",
        Msg::Metric => "指标",
        Msg::Descending => "从大到小 ↓",
        Msg::Ascending => "从小到大 ↑",
        Msg::ShowAll | Msg::ShowAllOne => "显示全部（另有 {0} 个{1}）",
        Msg::ShowTop => "只显示前 {0} 名",
        Msg::ResetZoom => "重置缩放",
        Msg::ResetZoomRange => "重置缩放（当前 {0}–{1}）",
        Msg::ZoomIn => "放大",
        Msg::ZoomOut => "缩小",
        Msg::SearchLabel => "查找名称并标记",
        Msg::SearchPlaceholder => "查找名称",
        Msg::SearchButton => "标记",
        Msg::NotFound => "没有找到",
        Msg::Found => "找到 {0} 个",
        Msg::KeysTrend => {
            "按键：← → 逐年查看，↑ ↓ 逐条突出显示线条，Enter 保持突出显示，Home/End 到两端，+ 和 - 放大缩小，0 重置，Esc 关闭提示。"
        }
        Msg::KeysRanking => "按键：↑ ↓ 逐项查看，Home/End 到两端，Enter 标记，Esc 关闭提示。",
        Msg::ChartRoleTrend => "交互式折线图",
        Msg::ChartRoleRanking => "交互式条形图",
        Msg::ChartTrend => "趋势图",
        Msg::ChartRanking => "排名图",
        Msg::SortedDescending => "按{0}从大到小排序",
        Msg::SortedAscending => "按{0}从小到大排序",
        Msg::ShowingAll => "显示全部 {0}",
        Msg::ShowingTop => "显示前 {0} 名，共 {1}",
        Msg::Filtered => "只显示{0}，{1}",
        Msg::Unfiltered => "显示所有分组，{0}",
        Msg::Pinned => "已标记 {0}，第 {1} 名",
        Msg::PinnedTied => "已标记 {0}，并列第 {1} 名",
        Msg::PinnedMissing => "已标记 {0}，但它没有“{1}”数据，不在图中",
        Msg::Unpinned => "已取消标记 {0}",
        Msg::Zoomed => "已放大到 {0}–{1} 年",
        Msg::ZoomReset => "已显示全部年份",
        Msg::SeriesShown => "已显示 {0}",
        Msg::SeriesHidden => "已隐藏 {0}",
        Msg::SearchLines => "查找线条并突出显示",
        Msg::HighlightButton => "突出显示",
        Msg::HighlightedLines => "突出显示的线条（点击取消）",
        Msg::Highlighted => "已突出显示 {0}",
        Msg::Unhighlighted => "已取消突出显示 {0}",
        Msg::LineFocus => "{0}（第 {1} 条，共 {2} 条）",
        // The import's words (what `dataset::infer::Summary` says) are
        // compiled only where a summary is made: the table importer
        // (pkg/heluo-tables.js) and natively. The main module never
        // makes one, and these strings cost it 1.9 KB gzipped.
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportTrend => "趋势：{0} × {1}（{2}）",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportRanking => "排名：{0}，{1}",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportGrouped => "按{0}分组",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportSep => "；",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportLine | Msg::ImportLines => "{0} 条线",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportYear | Msg::ImportYears => "{0} 年",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportMetric | Msg::ImportMetrics => "{0} 个指标",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportSkippedOne | Msg::ImportSkipped => "跳过 {0} 个单元格",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportPerYearMean => "按年平均",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportPerYearSum => "按年求和",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ImportPerYearLast => "取每年最后一期",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleTime => "时间",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleName => "名称",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleGroup => "分组",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleValue => "数值",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleSplit => "拆分",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleYear => "{0} 年的值",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::RoleLeft => "未使用",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyMapping => "映射指定了这一列。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyHeader => "列名说明了它的用途。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyValues => "单元格的值说明了它的用途。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyMostDistinct => "不同文字最多的文字列。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyOneGroupPerName => "每个名称只有一个值，且值有重复。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyHeaderIsYear => "列名是年份。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyFirstColumnOfYears => "第一列，都是 1800–2100 的整年。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhySplit => "拆分同一条线同一年的行：相加或取切片。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::WhyPeriod => "一年中的时段：按年合成一个值。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftCode => "代码或编号，不当作数字。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftFreeText => "长段文字。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftEmpty => "没有一个单元格有值。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftIgnored => "映射要求略去。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftPerName => "说明每个名称或每一行的文字，图表不用。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::LeftUnused => "所选的图表用不到。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteDayFirst => "日在前：{0}是“{1}”。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteMonthFirst => "月在前：{0}是“{1}”。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteDayMonthUnsettled => "没有日期能确定日、月的先后：按日在前读（年份不受影响）。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteDayMonthConflict => "日期的先后互相矛盾：{0}只能是日在前，{1}只能是月在前；按映射读，映射未指定时按日在前读。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSummed => "{0} 处同一条线同一年有多行（最多 {1} 行），已相加。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSummedOver => "{0} 处同一条线同一年有多行（最多 {1} 行，按{2}拆分），已相加。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSlice => "只读“{0}”为“{1}”的行，略去 {2} 行。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSliceAuto => "只读“{0}”为“{1}”（合计）的行，略去 {2} 行；可在映射中改选。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSliceFirst => "只读“{0}”为“{1}”（第一个值：不同{0}的行不能相加）的行，略去 {2} 行；可在映射中改选。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteAggregates => "排名略去了汇总项：{0}。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteRankingYear => "排名显示 {0} 的值。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteShares => "“{0}”的值都在 0–1 之间：按比例原样显示，不当作百分比。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSmallPercent => "“{0}”的单位是 %，但值都在 0–1 之间：也许是比例。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteDecimalComma => "“{0}”按小数逗号读（1.234,5）。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteUnitFromValues => "“{0}”的单位 {1} 取自单元格。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteMerged => "“{0}”和“{1}”看起来一样，作为同一个名称读。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NotePerYearMean => "按年平均：每年 {0}。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NotePerYearSum => "按年求和：每年 {0}。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NotePerYearLast => "取每年最后一期：每年 {0}。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::PeriodMonths => "{0} 个月",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::PeriodQuarters => "{0} 个季度",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::PeriodDays => "{0} 天",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteNoTimeRepeats => "没有时间列，{0} 个值来自同一名称的多行（最多 {1} 行）：已相加，请确认相加有意义，或在映射中选一个切片；其中 {2} 个每行相同的值只取一次。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonNotANumber => "不是数字",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonTooBig => "太大（10¹⁵ 或以上）",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonOutsidePercent => "百分比超出 0–100",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonNoName => "这一行没有名称",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonNoTime => "这一行没有时间",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonNotATime => "不是年份或日期",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ReasonOtherFrequency => "已有全年数据，季度或月度数据不重复计入",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NotePerYearShort => "不足的年份：{0}。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteLegendZero => "写作“{0}”的格按文件图例读作 0：“{1}”。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteAnnualColumn => "每年一行、每月一列：每年的值取自“{0}”；略去月份及半年等列（{1}）。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::NoteSliceThroughout => "只读“{0}”为“{1}”（每个名称每年都有的值）的行：其他值只在部分年份出现，是同一数量的另一种测算，不是可相加的部分；略去 {2} 行；可在映射中改选。",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ShapeLong => "长表：名称、时间、数值各一列",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ShapeWide => "宽表：一列时间，每条线一列",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ShapeTransposed => "转置宽表：每行一个名称，每年一列",
        #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
        Msg::ShapeRecords => "记录：每行一个名称，没有时间",
    }
}
