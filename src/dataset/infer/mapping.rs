//! The recipe of an import: every decision inference makes, as data a person
//! (or an embedder, or next year's replay) can set. `None` means "infer it";
//! [`super::Imported::mapping`] gives back the recipe with every field set,
//! so replaying it makes the same charts with no guessing.
//!
//! JSON shape (camelCase; every field optional):
//! ```json
//! {"table": 0, "shape": "long", "charts": ["trend", "ranking"],
//!  "time": "year", "name": "country", "group": "continent",
//!  "value": "life_expect" | ["income", "rate"], "metrics": ["income"],
//!  "units": {"rate": "%"}, "dayFirst": true, "decimalComma": ["收入"],
//!  "ignore": ["id"], "slice": {"sex": "Both"}, "aggregates": ["World"],
//!  "year": 2019, "perYear": "mean" | "sum" | "last", "title": "…", "source": "…", "note": "…", "locale": "zh-CN",
//!  "encoding": "gb18030"}
//! ```
//! `name: ""` and `group: ""` say "no such column"; `slice: {}` says "sum
//! every row of a series and year"; `aggregates: []` keeps every name in the ranking.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// What the table is: how its rows and columns become series and villages.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum Shape {
    /// A name column, a time column and value columns (`country, year, value`).
    Long,
    /// A time column and one column per series (`year, 洛龙区, 全国`).
    Wide,
    /// A name column and one column per year (`指标, 2019年, 2018年, …`).
    Transposed,
    /// Names and numbers without time: one village a row.
    Records,
}

/// How several values of one series in one year (months, days, a month
/// split column) become the year's one value.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub enum PerYear {
    /// The mean: for levels and rates (ppm, temperature, employment).
    #[default]
    Mean,
    /// The sum: for flows counted per month (rainfall, arrivals).
    Sum,
    /// The last period's value: for stocks read at year end.
    Last,
}

/// A chart an import can make.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum Chart {
    Trend,
    Ranking,
}

/// The recipe; see the module docs for its JSON.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Mapping {
    /// Which table (sheet) of the file, 0-based.
    pub table: Option<usize>,
    pub shape: Option<Shape>,
    /// Which charts to make.
    pub charts: Option<Vec<Chart>>,
    /// The time column's header.
    pub time: Option<String>,
    /// The name column's header (`""`: none).
    pub name: Option<String>,
    /// The group column's header (`""`: none).
    pub group: Option<String>,
    /// The value columns: the trend's series (wide), or its value (long: the
    /// first), and the ranking's metrics unless `metrics` says otherwise.
    #[serde(deserialize_with = "one_or_many")]
    pub value: Option<Vec<String>>,
    /// The ranking's metric columns.
    #[serde(deserialize_with = "one_or_many")]
    pub metrics: Option<Vec<String>>,
    /// Unit per column header (`""`: none).
    pub units: BTreeMap<String, String>,
    /// `a/b/2013` is day/month (`true`) or month/day.
    pub day_first: Option<bool>,
    /// The columns whose numbers use a decimal comma (`1.234,5`).
    pub decimal_comma: Option<Vec<String>>,
    /// Columns left out.
    pub ignore: Option<Vec<String>>,
    /// Rows kept, by column = value; the rest of one series and year is summed.
    pub slice: Option<BTreeMap<String, String>>,
    /// Names left out of the ranking (the world, a region, 全国, 合计).
    pub aggregates: Option<Vec<String>>,
    /// The year a ranking from a table with time shows (default: the latest);
    /// for a transposed table (one column per year), the year its ranking ranks.
    pub year: Option<i32>,
    /// Several periods in a year (months, days): their mean (default), sum or last.
    pub per_year: Option<PerYear>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub locale: Option<String>,
    /// The text encoding the file's bytes were read in, as a `TextDecoder`
    /// label (`"utf-8"`, `"gb18030"`, `"big5"`, `"utf-16le"`, …). The browser
    /// decodes before the text reaches the core, so inference only keeps it
    /// in the recipe, for a replay to decode the next file the same way.
    pub encoding: Option<String>,
}

/// `"a"` or `["a", "b"]` (or null). Read by a visitor of its own rather than
/// an untagged enum, whose error ("data did not match any variant of untagged
/// enum") says nothing a person can act on; this one says what it expected.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    struct Names;
    impl<'de> serde::de::Visitor<'de> for Names {
        type Value = Option<Vec<String>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a column name or a list of column names")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(self)
        }
        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Self::Value, E> {
            Ok(Some(vec![name.to_string()]))
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut names = Vec::new();
            while let Some(name) = seq.next_element::<String>()? {
                names.push(name);
            }
            Ok(Some(names))
        }
    }
    d.deserialize_option(Names)
}
