//! The command line's words: subcommands and options (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "heluo",
    version,
    about = "Check Heluo datasets, and draw their charts as SVG, PNG, standalone pages and per-village cards.",
    long_about = "Check Heluo datasets, and draw their charts as SVG, PNG, standalone pages and per-village cards: \
the same core and the same pictures as the page (www/), without a browser."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate datasets; print each problem as FILE:LINE:COL: message (exit 0 all valid, 1 not, 2 usage).
    Check(CheckArgs),
    /// Draw one chart as SVG (what the page's "下载 SVG" gives) or PNG.
    Render(RenderArgs),
    /// Write the standalone, self-contained page (the app's "下载独立网页"), with a <noscript> image.
    Html(HtmlArgs),
    /// One image per village of a ranking, that village pinned and its rank called out.
    Cards(CardsArgs),
}

/// A language of the chart's and the messages' words.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    #[value(name = "zh-CN", alias = "zh")]
    Zh,
    #[value(name = "en")]
    En,
}

impl LangArg {
    pub fn lang(self) -> heluo::text::Lang {
        match self {
            LangArg::Zh => heluo::text::Lang::Zh,
            LangArg::En => heluo::text::Lang::En,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartArg {
    Trend,
    Ranking,
}

impl ChartArg {
    pub fn kind(self) -> heluo::ChartKind {
        match self {
            ChartArg::Trend => heluo::ChartKind::Trend,
            ChartArg::Ranking => heluo::ChartKind::Ranking,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeArg {
    Light,
    Dark,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresetArg {
    /// 1080 px wide for a WeChat article: laid out at a phone's 360 px, drawn at 3×.
    Wechat,
    /// For print: laid out at 640 px (6.7 in), drawn at 300 dpi (2000 px wide).
    Print,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    Png,
    Svg,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Dataset files (format v1 JSON, UTF-8, UTF-16 or GB18030).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// One JSON document on standard output instead of lines.
    #[arg(long)]
    pub json: bool,
    /// Language of the messages (default: English).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// How a chart looks: shared by `render` and `cards`.
#[derive(Args, Debug, Clone)]
pub struct LookArgs {
    /// Layout width in CSS px (the page's width); default 800, or the preset's.
    #[arg(long, value_name = "PX")]
    pub width: Option<f64>,
    /// Device pixels per CSS px in a PNG (the page's "下载 PNG" is 2); default 2, or the preset's.
    #[arg(long, value_name = "FACTOR")]
    pub scale: Option<f64>,
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    /// The chart's language (default: the dataset's locale).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// A title replacing the dataset's.
    #[arg(long)]
    pub title: Option<String>,
    /// Sizes for a WeChat article (1080 px wide) or for print (300 dpi); --width and --scale override it.
    #[arg(long, value_enum)]
    pub preset: Option<PresetArg>,
}

#[derive(Args, Debug)]
pub struct RenderArgs {
    /// The dataset.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long, value_enum)]
    pub chart: ChartArg,
    /// Ranking: the metric, by key (default: the dataset's default_metric).
    #[arg(long, value_name = "KEY")]
    pub metric: Option<String>,
    /// Ranking: how many rows before the rest are left out (default 15).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Ranking: villages to pin, by name (repeat, or several after one --pin).
    #[arg(long, value_name = "NAME", num_args = 1..)]
    pub pin: Vec<String>,
    /// Trend: lines to highlight, by series name.
    #[arg(long, value_name = "NAME", num_args = 1..)]
    pub highlight: Vec<String>,
    #[command(flatten)]
    pub look: LookArgs,
    /// Where to write: a .svg or a .png file.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
}

#[derive(Args, Debug)]
pub struct HtmlArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Only this chart (default: every chart the dataset has, as the page shows them).
    #[arg(long, value_enum)]
    pub chart: Option<ChartArg>,
    /// Ranking: the metric shown, by key.
    #[arg(long, value_name = "KEY")]
    pub metric: Option<String>,
    /// Language of the page and the charts (default: the dataset's locale).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// Width in CSS px of the <noscript> image (default 800).
    #[arg(long, value_name = "PX")]
    pub width: Option<f64>,
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
}

#[derive(Args, Debug)]
pub struct CardsArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The metric the villages are ranked by, by key.
    #[arg(long, value_name = "KEY")]
    pub metric: String,
    /// Ranking: how many rows before the rest are left out (default 15).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    #[arg(long, value_enum, default_value = "png")]
    pub format: FormatArg,
    #[command(flatten)]
    pub look: LookArgs,
    /// The folder to write into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}
