//! Structure-aware: an arbitrary dataset, written as JSON, parsed, then for every
//! chart kind made into an `Engine` at arbitrary widths (0, tiny, huge, NaN and
//! friends from raw bits), themes and languages, rendered to the recording
//! backend, and driven by arbitrary reader actions (pointer, keys, clicks, zoom,
//! pins, search, metric, order, theme, language…), rendering the base and overlay
//! marks and reading the whole frame after each one. Panics are the bugs it
//! looks for; a refused action that changes the chart is one too.

#![no_main]

use std::rc::Rc;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Map, Value};

use heluo::engine::Key;
use heluo::mark::Mark;
use heluo::render::{render, to_svg};
use heluo::text::Lang;
use heluo::theme::ThemeName;
use heluo::{ChartKind, Engine, Options};

#[path = "../../tests/support/record.rs"]
mod record;

use record::RecordingBackend;

#[derive(Arbitrary, Debug)]
enum Unit {
    None,
    Percent,
    Yuan,
    WanYuan,
    People,
    Other(String),
}

impl Unit {
    fn json(&self) -> Value {
        match self {
            Unit::None => Value::Null,
            Unit::Percent => json!("%"),
            Unit::Yuan => json!("元"),
            Unit::WanYuan => json!("万元"),
            Unit::People => json!("人"),
            Unit::Other(s) => json!(s),
        }
    }
}

/// A number as JSON can hold it; `Bits` reaches every finite f64.
#[derive(Arbitrary, Debug)]
enum Number {
    Null,
    Small(i8),
    Share(u8),
    Int(i64),
    Bits(u64),
}

impl Number {
    fn json(&self) -> Value {
        match *self {
            Number::Null => Value::Null,
            Number::Small(v) => json!(v),
            Number::Share(v) => json!(f64::from(v) / 2.55),
            Number::Int(v) => json!(v),
            // serde_json writes NaN and infinities as null.
            Number::Bits(b) => json!(f64::from_bits(b)),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct SeriesIn {
    name: String,
    /// Years as offsets from 1890, so some fall outside 1900–2100.
    points: Vec<(u8, Number)>,
    pairs: bool,
}

#[derive(Arbitrary, Debug)]
struct TrendIn {
    unit: Unit,
    title: Option<String>,
    series: Vec<SeriesIn>,
    annotations: Vec<(u8, String)>,
}

#[derive(Arbitrary, Debug)]
struct MetricIn {
    key: String,
    label: Option<String>,
    unit: Unit,
}

#[derive(Arbitrary, Debug)]
struct VillageIn {
    name: String,
    group: Option<String>,
    /// (metric index, value).
    values: Vec<(u8, Number)>,
}

#[derive(Arbitrary, Debug)]
struct RankingIn {
    title: Option<String>,
    metrics: Vec<MetricIn>,
    default_metric: Option<u8>,
    villages: Vec<VillageIn>,
}

/// A width as the page might send it, or never would.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Width {
    Zero,
    Tiny(u8),
    Page(u16),
    Huge(u32),
    Bits(u64),
}

impl Width {
    fn px(self) -> f64 {
        match self {
            Width::Zero => 0.0,
            Width::Tiny(v) => f64::from(v) / 16.0,
            Width::Page(v) => f64::from(v),
            Width::Huge(v) => f64::from(v) * 1e3,
            Width::Bits(b) => f64::from_bits(b),
        }
    }
}

/// A pointer coordinate: on the chart (a fraction of its size) or anywhere.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Coord {
    Fraction(u16),
    Bits(u64),
}

impl Coord {
    fn at(self, size: f64) -> f64 {
        match self {
            Coord::Fraction(f) => f64::from(f) / 50_000.0 * size,
            Coord::Bits(b) => f64::from_bits(b),
        }
    }
}

/// A reader's action; most map to one `heluo::Action`.
#[derive(Arbitrary, Debug)]
enum Step {
    Resize(Width),
    Pointer(Coord, Coord),
    Leave,
    Key(u8),
    /// A `KeyboardEvent.key` as the DOM layer would pass it.
    DomKey(String),
    Click(Coord, Coord),
    Legend(u8),
    Pin(u8),
    Search(String),
    PinSearch(String),
    Drag(Coord, Coord),
    ZoomTo(Coord, Coord),
    ZoomIn,
    ZoomOut,
    ResetZoom,
    ShowAll,
    Metric(u8),
    Order,
    Theme(bool),
    Lang(bool),
    /// An action as JavaScript sends it: JSON text read as a `Request` and
    /// resolved against the chart (what does not parse or resolve is skipped).
    Named(String),
    Transition(u16),
    Scale(u8),
}

#[derive(Arbitrary, Debug)]
struct Input {
    title: Option<String>,
    source: Option<String>,
    chinese: bool,
    /// Keep the data as generated (duplicates, out-of-range years and shares)
    /// instead of making it valid: both the errors and the charts get fuzzed.
    raw: bool,
    trend: Option<TrendIn>,
    ranking: Option<RankingIn>,
    width: Width,
    dark: bool,
    /// The chart's language: the dataset's, or forced.
    lang: Option<bool>,
    /// Rows before "show all".
    top: Option<u8>,
    /// The metric to start with, by index into the generated metrics.
    metric: Option<u8>,
    /// A title that replaces the dataset's.
    chart_title: Option<String>,
    /// Brand colours over the theme (`background:#fff; palette:#a00,#05a`).
    colors: Option<String>,
    steps: Vec<Step>,
}

impl Input {
    fn json(&self) -> String {
        let mut root = Map::new();
        root.insert(
            "locale".into(),
            json!(if self.chinese { "zh-CN" } else { "en" }),
        );
        if let Some(t) = &self.title {
            root.insert("title".into(), json!(t));
        }
        if let Some(s) = &self.source {
            root.insert("source".into(), json!(s));
        }
        let percent = |unit: &Unit| matches!(unit, Unit::Percent);
        if let Some(t) = &self.trend {
            let series: Vec<Value> = t
                .series
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let mut seen = [false; 256];
                    let points: Vec<Value> = s
                        .points
                        .iter()
                        .filter(|(y, _)| {
                            let keep = self.raw || !seen[usize::from(*y)];
                            seen[usize::from(*y)] = true;
                            keep
                        })
                        .map(|(y, v)| {
                            let year = if self.raw {
                                1890 + i32::from(*y)
                            } else {
                                1900 + i32::from(*y) % 201
                            };
                            let mut value = v.json();
                            if !self.raw && percent(&t.unit) {
                                value = share(value);
                            }
                            if s.pairs {
                                json!([year, value])
                            } else {
                                json!({ "year": year, "value": value })
                            }
                        })
                        .collect();
                    // Series names must differ as a reader sees them: an
                    // index ended by `:` keeps them apart whatever follows.
                    let name = if self.raw {
                        s.name.clone()
                    } else {
                        format!("S{i}:{}", s.name)
                    };
                    json!({ "name": name, "points": points })
                })
                .collect();
            let annotations: Vec<Value> = t
                .annotations
                .iter()
                .map(|(y, label)| json!({ "year": 1890 + i32::from(*y), "label": label }))
                .filter(|_| self.raw)
                .collect();
            root.insert(
                "trend".into(),
                json!({ "unit": t.unit.json(), "title": t.title, "series": series, "annotations": annotations }),
            );
        }
        if let Some(r) = &self.ranking {
            let key = |i: usize, m: &MetricIn| {
                if self.raw {
                    m.key.clone()
                } else {
                    format!("k{i}:{}", m.key.trim())
                }
            };
            let metrics: Vec<Value> = r
                .metrics
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    // Labels too must differ as a reader sees them.
                    let label = match (&m.label, self.raw) {
                        (Some(label), false) => Some(format!("L{i}:{label}")),
                        (label, _) => label.clone(),
                    };
                    json!({ "key": key(i, m), "label": label, "unit": m.unit.json() })
                })
                .collect();
            let villages: Vec<Value> = r
                .villages
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let mut values = Map::new();
                    for (m, x) in &v.values {
                        let Some(metric) = r.metrics.get(usize::from(*m) % r.metrics.len().max(1))
                        else {
                            continue;
                        };
                        let index = usize::from(*m) % r.metrics.len().max(1);
                        let mut value = x.json();
                        if !self.raw && percent(&metric.unit) {
                            value = share(value);
                        }
                        values.insert(key(index, metric), value);
                    }
                    let name = if self.raw {
                        v.name.clone()
                    } else {
                        format!("{i}:{}", v.name)
                    };
                    json!({ "name": name, "group": v.group, "values": values })
                })
                .collect();
            let mut ranking = json!({ "title": r.title, "metrics": metrics, "villages": villages });
            if let (Some(d), Some(obj)) = (r.default_metric, ranking.as_object_mut()) {
                let i = usize::from(d) % r.metrics.len().max(1);
                if let Some(m) = r.metrics.get(i) {
                    obj.insert("default_metric".into(), json!(key(i, m)));
                }
            }
            root.insert("ranking".into(), ranking);
        }
        Value::Object(root).to_string()
    }
}

/// A number folded into 0–100, so that a `%` unit validates.
fn share(value: Value) -> Value {
    match value.as_f64() {
        Some(v) if v.is_finite() => json!(v.abs() % 100.0),
        _ => Value::Null,
    }
}

fn draw(marks: &[Mark], w: f64, h: f64, scale: f64, background: Option<heluo::theme::Color>) {
    // The backend only reports its size; keep it sane for absurd widths.
    let side = |v: f64| (v * scale).clamp(1.0, 1e6) as u32;
    let mut backend = RecordingBackend::new(side(w), side(h));
    let background = background.map(|color| (w, h, color));
    render(&mut backend, marks, scale, background).expect("the recording backend never fails");
}

/// Reads everything a page would: the frame, the table, the focus.
fn read(chart: &Engine) {
    let frame = chart.frame();
    assert!(frame.width.is_finite() && frame.height.is_finite());
    if let Some(tip) = &frame.tooltip {
        assert!(!tip.announcement.is_empty(), "a tooltip says something");
    }
    let _ = (chart.table(), chart.focus_top());
}

fn action(step: &Step, w: f64, h: f64) -> Option<heluo::Action> {
    use heluo::Action as A;
    Some(match step {
        Step::Resize(width) => A::Resize(width.px()),
        Step::Pointer(x, y) => A::Pointer(x.at(w), y.at(h)),
        Step::Leave => A::Leave,
        Step::Key(k) => A::Key(match k % 6 {
            0 => Key::Next,
            1 => Key::Previous,
            2 => Key::First,
            3 => Key::Last,
            4 => Key::Select,
            _ => Key::Clear,
        }),
        Step::DomKey(_) | Step::Named(..) | Step::Transition(_) | Step::Scale(_) => return None,
        Step::Click(x, y) => A::Click(x.at(w), y.at(h)),
        Step::Legend(i) => A::Legend(usize::from(*i)),
        Step::Pin(v) => A::TogglePin(usize::from(*v)),
        Step::Search(q) => A::Search(q.clone()),
        Step::PinSearch(q) => A::PinSearch(q.clone()),
        Step::Drag(a, b) => A::Drag(a.at(w), b.at(w)),
        Step::ZoomTo(a, b) => A::ZoomTo(a.at(w), b.at(w)),
        Step::ZoomIn => A::ZoomIn,
        Step::ZoomOut => A::ZoomOut,
        Step::ResetZoom => A::ResetZoom,
        Step::ShowAll => A::ToggleShowAll,
        Step::Metric(m) => A::Metric(usize::from(*m)),
        Step::Order => A::ToggleOrder,
        Step::Theme(dark) => A::Theme(if *dark {
            ThemeName::Dark
        } else {
            ThemeName::Light
        }),
        Step::Lang(en) => A::Lang(if *en { Lang::En } else { Lang::Zh }),
    })
}

fn exercise(chart: &mut Engine, steps: &[Step]) {
    let mut scale = 1.0;
    let (w, h) = chart.size();
    assert!(
        w.is_finite() && h.is_finite() && w >= 1.0 && h > 0.0,
        "{w}×{h}"
    );
    let background = Some(chart.theme().background);
    draw(chart.marks(), w, h, scale, background);
    if w <= 4096.0 && h <= 100_000.0 {
        to_svg(chart.marks(), w, h, chart.theme().background).expect("svg");
        chart.svg().expect("svg");
    }
    read(chart);
    for step in steps {
        let (w, h) = chart.size();
        let next = match step {
            Step::DomKey(key) => heluo::Action::from_key(key, chart.kind()),
            Step::Named(json) => serde_json::from_str::<heluo::Request>(json)
                .ok()
                .and_then(|request| chart.resolve(request).ok()),
            Step::Transition(t) => {
                if let Some(marks) = chart.transition_marks(f64::from(*t) / 32_768.0) {
                    draw(&marks, w, h, scale, Some(chart.theme().background));
                }
                None
            }
            Step::Scale(s) => {
                scale = f64::from(*s) / 32.0;
                None
            }
            other => action(other, w, h),
        };
        if let Some(next) = next {
            let before = chart.marks().to_vec();
            let announced = chart.announcement().to_string();
            match chart.apply(next) {
                Ok(changed) => {
                    if !changed.marks {
                        assert_eq!(chart.marks(), before.as_slice(), "marks changed unsaid");
                    }
                }
                Err(_) => {
                    assert_eq!(
                        chart.marks(),
                        before.as_slice(),
                        "a refusal changed the marks"
                    );
                    assert_eq!(chart.announcement(), announced, "a refusal said something");
                }
            }
        }
        let (w, h) = chart.size();
        assert!(
            w.is_finite() && h.is_finite() && w >= 1.0 && h > 0.0,
            "{w}×{h}"
        );
        draw(chart.marks(), w, h, scale, Some(chart.theme().background));
        draw(&chart.overlay(), w, h, scale, None);
        read(chart);
    }
}

fuzz_target!(|input: Input| {
    let json = input.json();
    let Ok(dataset) = heluo::parse(json.as_bytes()) else {
        return;
    };
    let dataset = Rc::new(dataset);
    let metric = input.metric.and_then(|m| {
        let metrics = &dataset.ranking.as_ref()?.metrics;
        let i = usize::from(m) % metrics.len().max(1);
        metrics.get(i).map(|metric| metric.key.clone())
    });
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let options = Options {
            kind,
            width: input.width.px(),
            theme: if input.dark {
                ThemeName::Dark
            } else {
                ThemeName::Light
            },
            lang: input.lang.map(|en| if en { Lang::En } else { Lang::Zh }),
            metric: metric.clone(),
            top: input.top.map(usize::from),
            title: input.chart_title.clone(),
            colors: input.colors.clone(),
        };
        // A refusal (no such part, top = 0) is an answer, not a bug.
        if let Ok(mut chart) = Engine::new(dataset.clone(), &options) {
            exercise(&mut chart, &input.steps);
        }
    }
});
