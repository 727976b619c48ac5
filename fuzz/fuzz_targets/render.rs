//! Structure-aware: an arbitrary dataset, written as JSON, parsed, then for every
//! chart kind laid out at arbitrary widths (0, tiny, huge, NaN and friends from
//! raw bits), rendered to a `RecordingBackend`, and driven by arbitrary reader
//! actions (pointer, keys, clicks, zoom, pins, metric, order…), rendering the
//! base and overlay marks after each one. Panics are the bugs it looks for.

#![no_main]

use std::rc::Rc;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Map, Value};

use heluo::chart::Key;
use heluo::render::record::RecordingBackend;
use heluo::render::{render, to_svg};
use heluo::{Chart, ChartKind};

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

#[derive(Arbitrary, Debug)]
enum Action {
    Resize(Width),
    Pointer(Coord, Coord),
    Leave,
    Key(u8),
    Click(Coord, Coord),
    HideSeries(u8, bool),
    Group(Option<u8>),
    Pin(u8),
    Search(String),
    Drag(Option<(Coord, Coord)>),
    ZoomTo(Coord, Coord),
    ResetZoom,
    ShowAll(bool),
    Metric(u8),
    Descending(bool),
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
    actions: Vec<Action>,
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

fn draw(marks: &[heluo::layout::Mark], w: f64, h: f64, scale: f64, background: bool) {
    // The backend only reports its size; keep it sane for absurd widths.
    let side = |v: f64| (v * scale).clamp(1.0, 1e6) as u32;
    let mut backend = RecordingBackend::new(side(w), side(h));
    let background = background.then_some((w, h));
    render(&mut backend, marks, scale, background).expect("the recording backend never fails");
}

fn exercise(chart: &mut Chart, actions: &[Action]) {
    let mut scale = 1.0;
    let (w, h) = chart.size();
    assert!(
        w.is_finite() && h.is_finite() && w >= 1.0 && h > 0.0,
        "{w}×{h}"
    );
    draw(chart.marks(), w, h, scale, true);
    if w <= 4096.0 && h <= 100_000.0 {
        to_svg(chart.marks(), w, h).expect("svg");
    }
    let _ = (chart.title(), chart.summary(), chart.table());
    for action in actions {
        let (w, h) = chart.size();
        match action {
            Action::Resize(width) => {
                let h = chart.resize(width.px());
                assert!(h.is_finite() && h > 0.0, "height {h}");
            }
            Action::Pointer(x, y) => {
                if let Some(tip) = chart.pointer(x.at(w), y.at(h)) {
                    let _ = tip.sentence();
                }
            }
            Action::Leave => chart.leave(),
            Action::Key(k) => {
                let key = match k % 6 {
                    0 => Key::Next,
                    1 => Key::Previous,
                    2 => Key::First,
                    3 => Key::Last,
                    4 => Key::Select,
                    _ => Key::Clear,
                };
                let _ = chart.key(key);
            }
            Action::Click(x, y) => {
                let _ = chart.click(x.at(w), y.at(h));
            }
            Action::HideSeries(s, hidden) => chart.set_series_hidden(usize::from(*s), *hidden),
            Action::Group(g) => {
                let group = g.and_then(|g| {
                    let d = chart.dataset();
                    let villages = &d.ranking.as_ref()?.villages;
                    villages
                        .get(usize::from(g) % villages.len().max(1))?
                        .group
                        .clone()
                });
                chart.set_group(group);
            }
            Action::Pin(v) => chart.toggle_pin(usize::from(*v)),
            Action::Search(q) => {
                for v in chart.search(q) {
                    let _ = chart.row_top(v);
                }
            }
            Action::Drag(d) => chart.set_drag(d.map(|(a, b)| (a.at(w), b.at(w)))),
            Action::ZoomTo(a, b) => {
                let _ = chart.zoom_to(a.at(w), b.at(w));
            }
            Action::ResetZoom => {
                let _ = chart.reset_zoom();
            }
            Action::ShowAll(all) => chart.set_show_all(*all),
            Action::Metric(m) => chart.set_metric(usize::from(*m)),
            Action::Descending(d) => chart.set_descending(*d),
            Action::Transition(t) => {
                let (w, h) = chart.size();
                let marks = chart.transition_marks(f64::from(*t) / 32_768.0);
                draw(&marks, w, h, scale, true);
            }
            Action::Scale(s) => scale = f64::from(*s) / 32.0,
        }
        let (w, h) = chart.size();
        draw(chart.marks(), w, h, scale, true);
        draw(&chart.overlay(), w, h, scale, false);
        let _ = (chart.tooltip(), chart.zoom(), chart.ranking_counts());
    }
}

fuzz_target!(|input: Input| {
    let json = input.json();
    let Ok(dataset) = heluo::parse(json.as_bytes()) else {
        return;
    };
    let dataset = Rc::new(dataset);
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        if let Some(mut chart) = Chart::new(dataset.clone(), kind, input.width.px()) {
            exercise(&mut chart, &input.actions);
        }
    }
});
