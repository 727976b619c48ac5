//! `heluo render`: one chart as the page draws it, through the same engine
//! actions the page sends, written as the page's "下载 SVG" (`Engine::svg`)
//! or rasterised to PNG.

use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use heluo::text::Lang;
use heluo::theme::ThemeName;
use heluo::{Action, ChartKind, Dataset, Engine, Options};

use crate::cli::{LookArgs, PresetArg, RenderArgs, ThemeArg};
use crate::load::{self, io_reason};
use crate::raster::Raster;
use crate::Failure;

/// Width and scale of a picture: CSS px and device pixels per CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f64,
    pub scale: f64,
}

impl Size {
    /// `--width` and `--scale` over the preset's, over 800 px at 2×.
    pub fn from_look(look: &LookArgs) -> Result<Size, Failure> {
        let (width, scale) = match look.preset {
            None => (800.0, 2.0),
            // A phone's width, drawn at 3×: 1080 px, text at a phone's size.
            Some(PresetArg::Wechat) => (360.0, 3.0),
            // 640 CSS px is 6.7 in at 96 px per inch; 300 dpi is 300/96 device px per CSS px.
            Some(PresetArg::Print) => (640.0, 300.0 / 96.0),
        };
        let width = look.width.unwrap_or(width);
        let scale = look.scale.unwrap_or(scale);
        if !(width.is_finite() && (120.0..=10_000.0).contains(&width)) {
            return Err(Failure::usage(crate::say!(
                "--width {width}: the width must be between 120 and 10000 CSS px",
                "--width {width}：宽度须在 120 到 10000 CSS 像素之间"
            )));
        }
        if !(scale.is_finite() && scale > 0.0 && scale <= 10.0) {
            return Err(Failure::usage(crate::say!(
                "--scale {scale}: the scale must be above 0 and at most 10",
                "--scale {scale}：倍数须大于 0、不超过 10"
            )));
        }
        Ok(Size { width, scale })
    }
}

/// What to draw: the options and the actions the page would have taken.
#[derive(Debug, Clone)]
pub struct View {
    pub kind: ChartKind,
    pub metric: Option<String>,
    pub top: Option<usize>,
    pub pins: Vec<String>,
    pub highlights: Vec<String>,
    pub width: f64,
    pub theme: ThemeName,
    pub lang: Option<Lang>,
    pub title: Option<String>,
}

pub fn theme(theme: ThemeArg) -> ThemeName {
    match theme {
        ThemeArg::Light => ThemeName::Light,
        ThemeArg::Dark => ThemeName::Dark,
    }
}

/// The engine showing `view`: created with its options, then the pins and
/// highlights applied by name, as the page's clicks and search apply them.
pub fn engine(dataset: Rc<Dataset>, view: &View) -> Result<Engine, Failure> {
    let mut options = Options::new(view.kind).width(view.width).theme(view.theme);
    options.lang = view.lang;
    options.metric.clone_from(&view.metric);
    options.top = view.top;
    options.title.clone_from(&view.title);
    let mut engine = Engine::new(dataset.clone(), &options).map_err(|r| {
        Failure::data(match r {
            heluo::Refusal::NoSuchChart(kind) => {
                let kind = kind.name();
                crate::say!(
                    "the dataset has no \"{kind}\" part, so there is no {kind} chart to draw",
                    "数据中没有“{kind}”部分，无法绘制这张图"
                )
            }
            heluo::Refusal::BadOption {
                name,
                value,
                allowed,
            } => crate::say!(
                "--{name} {value}: not in the dataset; use one of {allowed}",
                "--{name} {value}：数据中没有；可用的有 {allowed}"
            ),
            other => other.to_string(),
        })
    })?;
    if !view.pins.is_empty() {
        let Some(ranking) = dataset
            .ranking
            .as_ref()
            .filter(|_| view.kind == ChartKind::Ranking)
        else {
            return Err(Failure::usage(crate::say!(
                "--pin pins villages on a ranking (--chart ranking); on a trend, use --highlight",
                "--pin 用于在排名图（--chart ranking）上标记村；趋势图请用 --highlight"
            )));
        };
        let names: Vec<Candidate> = ranking
            .villages
            .iter()
            .map(|v| Candidate {
                name: &v.name,
                group: v.group.as_deref(),
            })
            .collect();
        for pin in &view.pins {
            let i = resolve(&names, pin, "village")?;
            apply(&mut engine, Action::TogglePin(i))?;
        }
    }
    if !view.highlights.is_empty() {
        let Some(trend) = dataset
            .trend
            .as_ref()
            .filter(|_| view.kind == ChartKind::Trend)
        else {
            return Err(Failure::usage(crate::say!(
                "--highlight highlights lines on a trend (--chart trend); on a ranking, use --pin",
                "--highlight 用于突出趋势图（--chart trend）上的线；排名图请用 --pin"
            )));
        };
        let names: Vec<Candidate> = trend
            .series
            .iter()
            .map(|s| Candidate {
                name: &s.name,
                group: None,
            })
            .collect();
        for line in &view.highlights {
            let i = resolve(&names, line, "line")?;
            apply(&mut engine, Action::Highlight(i))?;
        }
    }
    Ok(engine)
}

pub fn apply(engine: &mut Engine, action: Action) -> Result<(), Failure> {
    engine
        .apply(action)
        .map(|_| ())
        .map_err(|r| Failure::data(r.to_string()))
}

/// A name to find: a village (with its group) or a line.
pub struct Candidate<'a> {
    pub name: &'a str,
    pub group: Option<&'a str>,
}

/// The index of the item called `wanted`: its name, or `GROUP/NAME` where two
/// groups have a village of that name. The one place names become the
/// engine's indices (the engine's actions take indices today), so moving to
/// actions by name changes only this. An unknown name is refused, with the
/// closest names suggested.
pub fn resolve(items: &[Candidate], wanted: &str, what: &str) -> Result<usize, Failure> {
    let wanted = wanted.trim();
    let what_zh = if what == "village" { "村" } else { "线" };
    let matches: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, c)| c.name.trim() == wanted)
        .map(|(i, _)| i)
        .collect();
    match matches.as_slice() {
        [one] => return Ok(*one),
        [] => {}
        many => {
            let groups: Vec<String> = many
                .iter()
                .filter_map(|&i| items.get(i)?.group)
                .map(|g| format!("{g}/{wanted}"))
                .collect();
            let (count, groups) = (many.len(), groups.join(", "));
            return Err(Failure::usage(crate::say!(
                "\"{wanted}\": {count} {what}s have this name; name one with its group: {groups}",
                "“{wanted}”：有 {count} 个同名的{what_zh}；请连同所属分组指明：{groups}"
            )));
        }
    }
    if let Some((group, name)) = wanted.split_once('/') {
        if let Some(i) = items.iter().position(|c| {
            c.name.trim() == name.trim() && c.group.map(str::trim) == Some(group.trim())
        }) {
            return Ok(i);
        }
    }
    let mut close: Vec<(f64, &str)> = items
        .iter()
        .map(|c| {
            let score = if c.name.contains(wanted) || wanted.contains(c.name) {
                1.0
            } else {
                strsim::normalized_levenshtein(c.name, wanted)
            };
            (score, c.name)
        })
        .filter(|(score, _)| *score >= 0.3)
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    close.dedup_by(|a, b| a.1 == b.1);
    let hint = if close.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = close
            .iter()
            .take(3)
            .map(|(_, n)| format!("\"{n}\""))
            .collect();
        let names = names.join(", ");
        crate::say!("; did you mean {names}?", "；是不是 {names}？")
    };
    Err(Failure::usage(crate::say!(
        "no {what} is called \"{wanted}\" in the data{hint}",
        "数据中没有名为“{wanted}”的{what_zh}{hint}"
    )))
}

/// What an output file's extension asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

pub fn format_of(path: &Path) -> Result<Format, Failure> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => Ok(Format::Svg),
        Some("png") => Ok(Format::Png),
        _ => {
            let path = path.display();
            Err(Failure::usage(crate::say!(
                "cannot write {path}: heluo writes .svg and .png files",
                "无法写入 {path}：heluo 只写 .svg 和 .png 文件"
            )))
        }
    }
}

/// Writes `bytes` to `path`, saying why not when it cannot.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if path.is_dir() {
        let path = path.display();
        return Err(Failure::usage(crate::say!(
            "cannot write {path}: it is a folder",
            "无法写入 {path}：这是一个文件夹"
        )));
    }
    std::fs::write(path, bytes).map_err(|e| {
        let (path, reason) = (path.display(), io_reason(&e));
        Failure::data(crate::say!(
            "cannot write {path}: {reason}",
            "无法写入 {path}：{reason}"
        ))
    })
}

pub fn run(args: &RenderArgs) -> Result<ExitCode, Failure> {
    let format = format_of(&args.output)?;
    let size = Size::from_look(&args.look)?;
    let lang = args.look.lang.map(|l| l.lang());
    let (_, dataset) = load::dataset(&args.file, lang.unwrap_or(Lang::En))?;
    let view = View {
        kind: args.chart.kind(),
        metric: args.metric.clone(),
        top: args.top,
        pins: args.pin.clone(),
        highlights: args.highlight.clone(),
        width: size.width,
        theme: theme(args.look.theme),
        lang,
        title: args.look.title.clone(),
    };
    if args.top == Some(0) {
        return Err(Failure::usage(crate::say!(
            "--top 0: show at least one row",
            "--top 0：至少显示一行"
        )));
    }
    let engine = engine(Rc::new(dataset), &view)?;
    let svg = engine
        .svg()
        .map_err(|e| Failure::data(load::error_message(&e, lang.unwrap_or(Lang::En))))?;
    let bytes = match format {
        Format::Svg => svg.into_bytes(),
        Format::Png => {
            let raster = Raster::new();
            raster.check_fonts(&engine.export().0)?;
            raster.png(&svg, size.scale)?
        }
    };
    write(&args.output, &bytes)?;
    Ok(ExitCode::SUCCESS)
}
