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
mod msg;
mod zh;

/// The names of the sentences live in their own file, which both language
/// tables read and which reads nothing: no two files import each other.
pub use msg::Msg;

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

/// The keys the DOM layer (heluo.js) asks `Heluo.text` for, and their messages.
pub const CHART_KEYS: [(&str, Msg); 7] = [
    ("downloadPng", Msg::DownloadPng),
    ("downloadSvg", Msg::DownloadSvg),
    ("showTable", Msg::ShowTable),
    ("hideTable", Msg::HideTable),
    ("withUnit", Msg::WithUnit),
    ("chartTrend", Msg::ChartTrend),
    ("chartRanking", Msg::ChartRanking),
];

/// The page's own words (www/index.html and app.js), by the key app.js uses.
/// They are not in the wasm, which every embed loads: a test writes them to
/// www/page-words.js (tests/suite/page_words.rs), where the page reads them.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
pub const PAGE_KEYS: [(&str, Msg); 30] = [
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
    ("embed", Msg::Embed),
    ("embedElement", Msg::EmbedElement),
    ("embedIframe", Msg::EmbedIframe),
    ("downloadHtml", Msg::DownloadHtml),
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
    ("loaded", Msg::Loaded),
    ("lineChart", Msg::LineChart),
    ("barChart", Msg::BarChart),
    ("and", Msg::And),
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
