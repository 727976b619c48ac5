//! `heluo html`: the page's standalone download ("下载独立网页"), made the way
//! `standaloneHtml` in www/src/standalone.js makes it: `pkg/heluo.js`'s bundle
//! function inline (what `Heluo.source()` returns), the data inline in a
//! `<heluo-chart>` per chart, under a CSP that allows exactly that script by
//! its SHA-256. One addition: a `<noscript>` image of each chart (the
//! engine's SVG), for readers and apps that run no script.
//!
//! `pkg/heluo.js` is compiled into the binary (`include_str!`), so an
//! installed `heluo` needs no checkout; it is the committed build of the same
//! sources (scripts/test.sh checks that pkg/ is fresh).

use std::process::ExitCode;
use std::rc::Rc;

use base64::Engine as _;
use heluo::text::Lang;
use heluo::theme::ThemeName;
use heluo::ChartKind;
use sha2::Digest;

use crate::cli::HtmlArgs;
use crate::load;
use crate::render::{self, View};
use crate::Failure;

/// The page's script, as built.
const HELUO_JS: &str = include_str!("../../../pkg/heluo.js");

/// What `Heluo.source()` returns: `"(" + heluoBundle + ")();\n"`, where the
/// function's text is the one in the built file (scripts/bundle.mjs writes
/// `!function heluoBundle(){…}();`: the text from `function` to the `}`
/// before the final call).
pub fn bundle_source(built: &str) -> Option<String> {
    let start = built.find("function")?;
    let body = built.get(start..)?.trim_end();
    let body = body.strip_suffix(';').unwrap_or(body);
    let body = body.strip_suffix("()")?;
    Some(format!("({body})();\n"))
}

/// HTML-escaped text for an attribute or an element, as `escapeHtml` does.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The dataset's text, safe inside `<script type="application/json">`
/// (`jsonForHtml`): `<` only occurs inside JSON strings, where `\u003c` means the same.
fn json_for_html(bytes: &[u8]) -> String {
    load::text(bytes).replace('<', "\\u003c")
}

/// `elementMarkup`: the element with its attributes (empty ones left out) and the data inline.
fn element_markup(bytes: &[u8], attrs: &[(&str, String)]) -> String {
    let a: String = attrs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!(" {k}=\"{}\"", escape(v)))
        .collect();
    format!(
        "<heluo-chart{a}>\n<script type=\"application/json\">\n{}\n</script>\n</heluo-chart>",
        json_for_html(bytes)
    )
}

pub fn run(args: &HtmlArgs) -> Result<ExitCode, Failure> {
    let ext_ok = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    if !ext_ok {
        let out = args.output.display();
        return Err(Failure::usage(crate::say!(
            "cannot write {out}: heluo html writes an .html file",
            "无法写入 {out}：heluo html 只写 .html 文件"
        )));
    }
    let width = args.width.unwrap_or(800.0);
    if !(width.is_finite() && (120.0..=10_000.0).contains(&width)) {
        return Err(Failure::usage(crate::say!(
            "--width {width}: the width must be between 120 and 10000 CSS px",
            "--width {width}：宽度须在 120 到 10000 CSS 像素之间"
        )));
    }
    let lang = args.lang.map(|l| l.lang());
    let (bytes, dataset) = load::dataset(&args.file, lang.unwrap_or(Lang::En))?;
    let page_lang = lang.unwrap_or_else(|| Lang::from_tag(&dataset.locale));
    let dataset = Rc::new(dataset);
    let kinds: Vec<ChartKind> = match args.chart {
        Some(c) => vec![c.kind()],
        None => [
            (dataset.trend.is_some(), ChartKind::Trend),
            (dataset.ranking.is_some(), ChartKind::Ranking),
        ]
        .into_iter()
        .filter(|(has, _)| *has)
        .map(|(_, k)| k)
        .collect(),
    };
    let mut body = Vec::new();
    for kind in kinds {
        let view = View {
            kind,
            metric: if kind == ChartKind::Ranking {
                args.metric.clone()
            } else {
                None
            },
            top: None,
            pins: Vec::new(),
            highlights: Vec::new(),
            width,
            theme: ThemeName::Light,
            lang,
            title: None,
        };
        let engine = render::engine(dataset.clone(), &view)?;
        let shown = engine.current_options();
        // The page's embedAttrs: chart, metric, theme "auto", the chart's language.
        let attrs = [
            ("chart", kind.name().to_string()),
            ("metric", shown.metric.unwrap_or_default()),
            ("theme", "auto".to_string()),
            ("lang", engine.lang().tag().to_string()),
        ];
        let svg = engine
            .svg()
            .map_err(|e| Failure::data(load::error_message(&e, page_lang)))?;
        let (_, w, h) = engine.export();
        let image = format!(
            "<noscript><img src=\"data:image/svg+xml;base64,{}\" width=\"{}\" height=\"{}\" alt=\"{}\"></noscript>",
            base64::engine::general_purpose::STANDARD.encode(svg.as_bytes()),
            w.round(),
            h.round(),
            escape(&format!("{}: {}", engine.title(), engine.description()))
        );
        body.push(format!("{}\n{image}", element_markup(&bytes, &attrs)));
    }
    let title = dataset
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .or_else(|| {
            args.file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "Heluo".to_string());
    let html = standalone_html(&body.join("\n"), &title, page_lang.tag())?;
    render::write(&args.output, html.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `standaloneHtml`'s page around `body`.
fn standalone_html(body: &str, title: &str, lang: &str) -> Result<String, Failure> {
    let script = bundle_source(HELUO_JS).ok_or_else(|| {
        Failure::data(crate::say!(
            "the built pkg/heluo.js is not in the expected shape",
            "构建出的 pkg/heluo.js 格式不符合预期"
        ))
    })?;
    // "</script" cannot appear in an inline script; "<\/" means the same in JS.
    let script = replace_script_close(&script);
    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()));
    Ok(format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-{hash}' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:\">\n\
<title>{}</title>\n<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n{body}\n<script>{script}</script>\n</body>\n</html>\n",
        escape(lang),
        escape(title)
    ))
}

/// `</script` (any case) written `<\/script`, as `/<\/(script)/gi` does.
fn replace_script_close(script: &str) -> String {
    let lower = script.to_ascii_lowercase();
    let mut out = String::with_capacity(script.len());
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|s| s.find("</script")) {
        let at = from + at;
        out.push_str(script.get(from..at).unwrap_or(""));
        out.push_str("<\\/");
        out.push_str(script.get(at + 2..at + 8).unwrap_or("script"));
        from = at + 8;
    }
    out.push_str(script.get(from..).unwrap_or(""));
    out
}
