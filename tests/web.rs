//! Browser tests: the wasm-bindgen API in headless Chromium, drawing on real canvases.
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use heluo::web::{parse_dataset, ChartEngine};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const LUOLONG: &str = include_str!("../www/data/luolong.json");

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// The canvas' RGBA pixels.
fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let (w, h) = (canvas.width() as f64, canvas.height() as f64);
    ctx.get_image_data(0.0, 0.0, w, h).unwrap().data().to_vec()
}

/// Share of pixels that are not white (or transparent) on the canvas.
fn ink(canvas: &HtmlCanvasElement) -> f64 {
    let data = pixels(canvas);
    let inked = data
        .chunks(4)
        .filter(|p| p[3] > 0 && (p[0] < 240 || p[1] < 240 || p[2] < 240))
        .count();
    inked as f64 / (data.len() / 4) as f64
}

/// A plain JS object from `(key, value)` pairs.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let out = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&out, &(*key).into(), value).unwrap();
    }
    out.into()
}

/// `new ChartEngine`'s options: the chart, its two canvases, width and scale,
/// and `more` (string options: theme, lang, …).
fn options(
    chart: &str,
    base: &HtmlCanvasElement,
    overlay: &HtmlCanvasElement,
    width: f64,
    scale: f64,
    more: &[(&str, &str)],
) -> JsValue {
    let mut pairs = vec![
        ("chart", JsValue::from_str(chart)),
        ("canvas", base.clone().into()),
        ("overlay", overlay.clone().into()),
        ("width", width.into()),
        ("scale", scale.into()),
    ];
    pairs.extend(more.iter().map(|(k, v)| (*k, JsValue::from_str(v))));
    object(&pairs)
}

/// An action from a JSON literal: `action(r#"{"type": "leave"}"#)`.
fn action(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// The message of a thrown `Error`.
fn message(err: wasm_bindgen::JsError) -> String {
    let value: JsValue = err.into();
    let error: js_sys::Error = value.dyn_into().unwrap();
    error.message().into()
}

/// A flag of what `apply` says changed.
fn flag(changed: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(changed, &name.into())
        .unwrap()
        .as_bool()
        .unwrap_or_else(|| panic!("{name} is not a boolean"))
}

fn has_color(canvas: &HtmlCanvasElement, (r, g, b): (u8, u8, u8)) -> bool {
    pixels(canvas).chunks(4).any(|p| {
        (p[0] as i32 - r as i32).abs() < 6
            && (p[1] as i32 - g as i32).abs() < 6
            && (p[2] as i32 - b as i32).abs() < 6
    })
}

#[wasm_bindgen_test]
fn bad_input_becomes_a_js_error_that_says_where() {
    let err = parse_dataset(br#"{"trend": {"series": [{"name": "a", "points": [[2013, 1], [2014, 2], [2015, 3], [2016, "3.1%"]]}]}}"#, None)
        .err()
        .expect("must fail");
    let value: wasm_bindgen::JsValue = err.into();
    let error: js_sys::Error = value.dyn_into().unwrap();
    // The main module says where; the table importer says the rest
    // (`formatV1Message`, whose words the native tests check).
    assert_eq!(
        String::from(error.message()),
        "This file is not a usable Heluo dataset (trend.series[0].points[3][1]). \
         The full explanation needs the table importer (heluo-tables.js, beside heluo.js)."
    );
}

#[wasm_bindgen_test]
fn bad_input_is_said_in_the_readers_language() {
    let err = parse_dataset(br#"{"trend": [[2013, "3.1%"]]}"#, Some("zh-CN".to_string()))
        .err()
        .expect("must fail");
    let value: wasm_bindgen::JsValue = err.into();
    let error: js_sys::Error = value.dyn_into().unwrap();
    assert_eq!(
        String::from(error.message()),
        "这个文件不是可用的 Heluo 数据集（trend[0][1]）。详细说明需要表格导入模块（heluo.js 旁的 heluo-tables.js）。"
    );
}

#[wasm_bindgen_test]
fn trend_draws_at_device_pixel_ratio() {
    let dataset = parse_dataset(LUOLONG.as_bytes(), None).unwrap();
    let (base, overlay) = (canvas(), canvas());
    let engine = ChartEngine::new(
        &dataset,
        options(
            "trend",
            &base,
            &overlay,
            600.0,
            2.0,
            &[("theme", "light"), ("lang", "")],
        ),
    )
    .unwrap();
    assert_eq!(base.width(), 1200);
    assert_eq!(base.height(), (engine.height() * 2.0).round() as u32);
    assert!(
        ink(&base) > 0.02,
        "trend canvas is nearly blank: {}",
        ink(&base)
    );
    assert!(
        has_color(&base, (0xc0, 0x39, 0x2b)),
        "洛龙区 red line missing"
    );
    assert!(
        has_color(&base, (0x1f, 0x6f, 0xb5)),
        "全国 blue line missing"
    );
    assert_eq!(ink(&overlay), 0.0, "overlay must start empty");
}

#[wasm_bindgen_test]
fn hover_draws_on_the_overlay_only_and_returns_the_tooltip() {
    let dataset = parse_dataset(LUOLONG.as_bytes(), None).unwrap();
    let (base, overlay) = (canvas(), canvas());
    let mut engine = ChartEngine::new(
        &dataset,
        options(
            "ranking",
            &base,
            &overlay,
            600.0,
            1.0,
            &[("theme", "light"), ("lang", "")],
        ),
    )
    .unwrap();
    let before = ink(&base);
    // The first bar's row starts below the header; scan down until a tooltip
    // appears. A hover changes only the overlay and the tooltip (bits 2 and 32).
    let tooltip = (0..200)
        .find_map(|y| {
            let pointer = format!(r#"{{"type": "pointer", "x": 300, "y": {y}}}"#);
            let changed = engine.apply(action(&pointer)).unwrap();
            let tip = engine.tooltip().unwrap();
            (!tip.is_null()).then(|| {
                let flags: Vec<&str> = ["marks", "overlay", "size", "controls", "table", "tooltip"]
                    .into_iter()
                    .filter(|f| flag(&changed, f))
                    .collect();
                assert_eq!(
                    flags,
                    ["overlay", "tooltip"],
                    "hover changes the overlay and the tooltip only"
                );
                tip
            })
        })
        .expect("some row answers the pointer");
    let heading = js_sys::Reflect::get(&tooltip, &"heading".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(heading, "第 1 名 · 王屯村");
    assert!(
        ink(&overlay) > 0.0,
        "hover highlight is drawn on the overlay"
    );
    assert_eq!(
        ink(&base),
        before,
        "the base canvas is not redrawn on hover"
    );
    engine.apply(action(r#"{"type": "leave"}"#)).unwrap();
    assert_eq!(ink(&overlay), 0.0, "leaving clears the overlay");
    assert_eq!(
        message(engine.apply(action(r#"{"type": "zoomIn"}"#)).unwrap_err()),
        "\"zoomIn\" does not apply to a ranking chart"
    );
}

#[wasm_bindgen_test]
fn actions_name_what_they_act_on_and_wrong_ones_say_which_field() {
    let dataset = parse_dataset(LUOLONG.as_bytes(), None).unwrap();
    let (base, overlay) = (canvas(), canvas());
    let mut engine = ChartEngine::new(
        &dataset,
        options("ranking", &base, &overlay, 600.0, 1.0, &[("top", "5")]),
    )
    .unwrap();
    let pinned = engine
        .apply(action(r#"{"type": "pin", "village": "王屯村"}"#))
        .unwrap();
    assert!(flag(&pinned, "marks") && flag(&pinned, "announcement"));
    assert!(
        engine.announcement().contains("王屯村"),
        "{}",
        engine.announcement()
    );
    let metrics = js_sys::JSON::stringify(&engine.controls().unwrap()).unwrap();
    assert!(
        String::from(metrics).contains(r#"{"type":"metric","key":"dividend"}"#),
        "the metric menu's options carry the actions they send"
    );
    engine
        .apply(action(r#"{"type": "metric", "key": "dividend"}"#))
        .unwrap();
    assert_eq!(engine.metric_key(), "dividend");
    for (bad, said) in [
        (
            r#"{"type": "metric", "key": "incme"}"#,
            r#"action.key: unknown metric "incme"; known: income, dividend"#,
        ),
        (
            r#"{"type": "pin", "village": "无名村"}"#,
            r#"action.village: unknown village "无名村"; known: "#,
        ),
        (
            r#"{"type": "pointer", "x": "1", "y": 2}"#,
            "action.x: invalid type: string \"1\"",
        ),
        (
            r#"{"type": "explode"}"#,
            "action.type: unknown variant `explode`",
        ),
        (r#"{"type": "metric"}"#, "action: missing field `key`"),
        (r#"{"x": 1}"#, "action: missing field `type`"),
    ] {
        let got = message(engine.apply(action(bad)).unwrap_err());
        assert!(got.starts_with(said), "{bad}: {got}");
    }
    let bad_option = ChartEngine::new(
        &dataset,
        options(
            "ranking",
            &canvas(),
            &canvas(),
            600.0,
            1.0,
            &[("metirc", "x")],
        ),
    )
    .err()
    .map(message)
    .unwrap();
    assert!(
        bad_option.starts_with("options.metirc: unknown option; known: chart, canvas,"),
        "{bad_option}"
    );
    let bad_top = ChartEngine::new(
        &dataset,
        options("ranking", &canvas(), &canvas(), 600.0, 1.0, &[("top", "0")]),
    )
    .err()
    .map(message)
    .unwrap();
    assert_eq!(
        bad_top,
        r#"top="0" is not allowed: use a whole number of at least 1"#
    );
}

#[wasm_bindgen_test]
fn svg_export_holds_the_chart_text() {
    let dataset = parse_dataset(LUOLONG.as_bytes(), None).unwrap();
    let engine = ChartEngine::new(
        &dataset,
        options(
            "ranking",
            &canvas(),
            &canvas(),
            500.0,
            1.0,
            &[("theme", "dark"), ("lang", "en")],
        ),
    )
    .unwrap();
    let svg = engine.svg().unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("王屯村") && svg.contains("200,000 元"));
    assert!(svg.contains("Source: "), "the chart's own words in English");
    assert!(
        svg.contains("#16191D")
            || svg.contains("#16191d")
            || svg.contains("rgb(22,25,29)")
            || svg.contains("22,25,29"),
        "a dark background"
    );
}

#[wasm_bindgen_test]
fn gbk_files_are_decoded_by_the_browser() {
    // {"title": "洛龙", "trend": [[2013, 3.12]]} saved as GBK (Excel/WPS in China).
    let bytes = b"{\"title\": \"\xC2\xE5\xC1\xFA\", \"trend\": [[2013, 3.12]]}";
    let dataset = parse_dataset(bytes, None).expect("GBK decodes as GB18030");
    assert_eq!(dataset.title().as_deref(), Some("洛龙"));
}
