//! Format v1 as serde types: what "保存为 Heluo JSON / Save as Heluo JSON"
//! writes (a dataset inferred from a table, corrected, saved to be loaded
//! again), and, natively, where the JSON Schema `www/heluo.schema.json` is
//! generated from (`tests/suite/schema.rs` fails when the committed file
//! differs). Reading stays with the tape walker (`walk.rs`), which accepts
//! the same shapes and gives the exact messages; these types only describe
//! and write them.
//!
//! In the wasm only `Serialize` is compiled: the page turns the value into a
//! JavaScript object through serde-wasm-bindgen and `JSON.stringify` writes
//! it, so no JSON writer or float printer is linked.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Dataset;

/// A Heluo dataset, format v1: a poverty-rate trend over the years and/or
/// village rankings by one or more metrics. Either `trend` or `ranking` may
/// be absent, not both. Unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "Heluo dataset, format v1",
        extend("anyOf" = [{ "required": ["trend"] }, { "required": ["ranking"] }])
    )
)]
pub struct File {
    /// Dataset title, shown above the charts; also the trend chart's title when trend.title is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Credit line under each chart: 来源：… (Source: … for non-Chinese locales).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Notes shown under the charts, e.g. which values are illustrative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// BCP 47 tag; zh… gives Chinese chart texts, anything else English. Default "zh-CN".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The full form, an object with one series' points, or (shorthand) the points of one series.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend: Option<TrendField>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Ranking>,
}

/// `trend`: an object, or the points of one series.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum TrendField {
    Full(Trend),
    Points(Points),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(extend("anyOf" = [{ "required": ["series"] }, { "required": ["points"] }]))
)]
pub struct Trend {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// "%" makes every value a share within 0–100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1)))]
    pub series: Option<Vec<Series>>,
    /// Shorthand for a single series.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<Points>,
    /// Name of the single series given by "points".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub annotations: Vec<Annotation>,
}

/// Years may be irregular and in any order; each year once.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Points(
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1)))] pub Vec<Point>,
);

/// A point: `{"year": 2013, "value": 3.12}` (or `"rate"` for `"value"`), or `[2013, 3.12]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Point {
    Object(PointObject),
    Pair(Year, Value),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(extend("oneOf" = [{ "required": ["value"] }, { "required": ["rate"] }]))
)]
pub struct PointObject {
    pub year: Year,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The same as "value".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Value>,
}

/// A whole year, 1800–2100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Year(
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1800, max = 2100)))] pub i32,
);

/// A number; null is a gap in the line (or no value), not a zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Value(pub Option<f64>);

/// A name, key or label: not empty, not only spaces.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Name(
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    pub String,
);

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Series {
    pub name: Name,
    pub points: Points,
}

/// A labelled marker at a year ("精准扶贫" in 2015).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Annotation {
    pub year: Year,
    pub label: Name,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Ranking {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What is ranked, singular, when not villages: "country", "国家". Used in counts and headers ("top 15 of 142 countries").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The plural of item, when English's regular plural is wrong; Chinese uses item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<String>,
    /// Key of the metric shown first; the first metric when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_metric: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1)))]
    pub metrics: Vec<Metric>,
    /// (name, group) must be unique. A village without a value for a metric is left out of that metric's ranking, and the chart says how many were.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1)))]
    pub villages: Vec<Village>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Metric {
    pub key: Name,
    /// Defaults to the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// 元 values of a million or more are written in 万元; "%" values must be within 0–100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Village {
    pub name: Name,
    /// Town (镇) or street (街道).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Metric key → value; every key must be declared in metrics.
    pub values: BTreeMap<String, Value>,
}

impl File {
    /// The dataset written out in the full form, every value as validated.
    pub fn from_dataset(d: &Dataset) -> File {
        let text = |s: &Option<String>| s.clone();
        File {
            title: text(&d.title),
            subtitle: text(&d.subtitle),
            source: text(&d.source),
            note: text(&d.note),
            locale: Some(d.locale.clone()),
            trend: d.trend.as_ref().map(|t| {
                TrendField::Full(Trend {
                    title: t.title.clone(),
                    unit: t.unit.clone(),
                    series: Some(
                        t.series
                            .iter()
                            .map(|s| Series {
                                name: Name(s.name.clone()),
                                points: Points(
                                    s.points
                                        .iter()
                                        .map(|p| Point::Pair(Year(p.year), Value(p.value)))
                                        .collect(),
                                ),
                            })
                            .collect(),
                    ),
                    points: None,
                    name: None,
                    annotations: t
                        .annotations
                        .iter()
                        .map(|a| Annotation {
                            year: Year(a.year),
                            label: Name(a.label.clone()),
                        })
                        .collect(),
                })
            }),
            ranking: d.ranking.as_ref().map(|r| Ranking {
                title: r.title.clone(),
                item: r.item.as_ref().map(|(one, _)| one.clone()),
                items: r.item.as_ref().map(|(_, many)| many.clone()),
                default_metric: r.metrics.get(r.default_metric).map(|m| m.key.clone()),
                metrics: r
                    .metrics
                    .iter()
                    .map(|m| Metric {
                        key: Name(m.key.clone()),
                        label: (m.label != m.key).then(|| m.label.clone()),
                        unit: m.unit.clone(),
                    })
                    .collect(),
                villages: r
                    .villages
                    .iter()
                    .map(|v| Village {
                        name: Name(v.name.clone()),
                        group: v.group.as_deref().map(str::to_string),
                        values: r
                            .metrics
                            .iter()
                            .zip(&v.values)
                            .filter(|(_, x)| x.is_some())
                            .map(|(m, x)| (m.key.clone(), Value(*x)))
                            .collect(),
                    })
                    .collect(),
            }),
        }
    }
}
