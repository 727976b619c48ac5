//! [`Json`] → validated [`Dataset`], walked by hand with the JSON path of every
//! value in hand, so that each problem is reported where the user wrote it. A
//! derived `Deserialize` would give neither the paths nor the shorthands, and
//! costs more wasm than this walk.
//!
//! Text is cleaned and names compared as described in [`super::text`]; units
//! are normalised before the rules that read them (the 0–100 check of `%`).

use std::borrow::Cow;
use std::rc::Rc;

use super::json::{index, join, Json, List, Map, Number, Tape};
use super::text::{self, reader_key};
use super::{
    no_group_label, Annotation, Dataset, Metric, Point, Ranking, Series, Trend, Village, YEAR_RANGE,
};
use crate::error::{quote, Error, Result};
use crate::hash::{Fx, FxMap};
use std::hash::Hasher;

/// Values at or beyond a thousand trillion are refused: no poverty rate or
/// village income is that large, and axes computed near the float limit overflow.
const MAX_VALUE: f64 = 1e15;

/// The largest `f64` below [`MAX_VALUE`]: what a number written just below the
/// limit is kept as when serde_json's fast (not correctly rounded) float
/// reading rounded it up to the limit itself (the literal is rounded by rustc,
/// correctly, to 999,999,999,999,999.875).
const JUST_BELOW_MAX: f64 = 999_999_999_999_999.9;

/// The walk over one file's tree; `text` is the JSON it was read from, where
/// numbers are found again to be quoted as written.
pub struct Walk<'t> {
    tape: &'t Tape<'t>,
}

impl<'t> Walk<'t> {
    pub fn new(tape: &'t Tape<'t>) -> Self {
        Walk { tape }
    }

    /// How a JSON value is named in messages: `the string "3.1%"`, `null`, `an array`.
    pub fn describe(&self, value: &Json) -> String {
        // What was found is the whole message's (src/error.rs): not in the page's main module.
        if cfg!(all(target_arch = "wasm32", feature = "web")) {
            return String::new();
        }
        match value {
            Json::Null => "null".into(),
            Json::Bool(b) => format!("the boolean {b}"),
            Json::Number(n) => format!("the number {}", self.written(n)),
            Json::String(s) => match s.text() {
                s if s.is_empty() => "an empty string".into(),
                s => format!("the string {}", quote(&s)),
            },
            Json::Array(a) if a.is_empty() => "an empty array".into(),
            Json::Array(_) => "an array".into(),
            Json::Object(o) if o.is_empty() => "an empty object".into(),
            Json::Object(_) => "an object".into(),
        }
    }

    /// A number as the user wrote it (cut after 40 characters).
    fn written(&self, n: &Number) -> String {
        let raw = self.tape.number_text(n);
        if raw.chars().nth(40).is_some() {
            raw.chars().take(40).chain(['…']).collect()
        } else {
            raw.to_string()
        }
    }

    fn type_error(&self, path: &dyn Place, expected: &'static str, found: &Json) -> Error {
        Error::Type {
            path: path.path(),
            expected: crate::error::said(expected),
            found: self.describe(found),
        }
    }

    /// An optional text field: absent, `null` or blank gives `None`; otherwise
    /// the text cleaned (see [`text::clean`]) and trimmed.
    fn opt_text(
        &self,
        map: &Map,
        path: &dyn Place,
        key: &str,
        multiline: bool,
    ) -> Result<Option<String>> {
        Ok(self
            .opt_text_ref(map, path, key, multiline)?
            .map(Cow::into_owned))
    }

    /// [`Walk::opt_text`], borrowed from the text when nothing had to be
    /// cleaned (a village's group is compared before it is copied).
    fn opt_text_ref<'a>(
        &self,
        map: &Map<'a>,
        path: &dyn Place,
        key: &str,
        multiline: bool,
    ) -> Result<Option<Cow<'a, str>>> {
        let written = match map.get(key) {
            None | Some(Json::Null) => return Ok(None),
            Some(Json::String(s)) => s.text(),
            Some(other) => {
                return Err(self.type_error(&join(&path.path(), key), "a string", &other))
            }
        };
        let cleaned: Cow<'a, str> = match written {
            Cow::Borrowed(raw) => match text::clean(raw, multiline) {
                Cow::Borrowed(clean) => Cow::Borrowed(text::trim(clean)),
                Cow::Owned(clean) => Cow::Owned(text::trim(&clean).to_string()),
            },
            Cow::Owned(raw) => Cow::Owned(text::trim(&text::clean(&raw, multiline)).to_string()),
        };
        Ok((!cleaned.is_empty()).then_some(cleaned))
    }

    /// A required name (series and village names, metric keys, annotation
    /// labels): present, a string, and showing something once cleaned.
    fn name(&self, map: &Map, path: &dyn Place, key: &str, hint: &'static str) -> Result<String> {
        let here = || join(&path.path(), key);
        match map.get(key) {
            None => Err(Error::Missing { path: here(), hint }),
            Some(Json::String(written)) => {
                let s = written.text();
                let cleaned = text::clean(&s, false);
                let name = text::trim(&cleaned);
                if !reader_key(name).is_empty() {
                    Ok(name.to_string())
                } else if s.trim().is_empty() {
                    Err(self.type_error(&here(), "a non-empty string", &Json::String(written)))
                } else {
                    Err(Error::Invisible {
                        path: here(),
                        found: quote(&s),
                    })
                }
            }
            Some(other) => Err(self.type_error(&here(), "a non-empty string", &other)),
        }
    }

    /// An optional unit, normalised: `"% "` and `"％"` are `%`.
    fn unit(&self, map: &Map, path: &dyn Place) -> Result<Option<String>> {
        match map.get("unit") {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(s)) => Ok(text::unit(&s.text())),
            Some(other) => Err(self.type_error(&join(&path.path(), "unit"), "a string", &other)),
        }
    }

    fn array<'a>(
        &self,
        value: &Json<'a>,
        path: &dyn Place,
        what: &'static str,
    ) -> Result<List<'a>> {
        match value {
            Json::Array(items) if items.is_empty() => Err(Error::Empty {
                path: path.path(),
                what,
            }),
            Json::Array(items) => Ok(*items),
            other => Err(self.type_error(path, "an array", other)),
        }
    }

    fn object<'a>(&self, value: &Json<'a>, path: &dyn Place) -> Result<Map<'a>> {
        match value {
            Json::Object(map) => Ok(*map),
            other => Err(self.type_error(path, "an object", other)),
        }
    }

    /// A finite number below 10¹⁵ in magnitude, or `null`. The limit is checked
    /// on the number as written: serde_json's fast float reading rounds
    /// `999999999999999.9` up to `1e15`, which must not be refused.
    fn number_or_null(&self, value: &Json, path: &dyn Place) -> Result<Option<f64>> {
        match value {
            Json::Null => Ok(None),
            Json::Number(n) if n.value.abs() < MAX_VALUE => Ok(Some(n.value)),
            Json::Number(n) if n.value.is_finite() => {
                let written = self.tape.number_text(n);
                if below_limit(written) {
                    Ok(Some(JUST_BELOW_MAX.copysign(n.value)))
                } else {
                    Err(Error::TooBig {
                        path: path.path(),
                        value: self.written(n),
                    })
                }
            }
            // serde_json refuses `1e400` itself; the guarantee stays.
            Json::Number(_) => Err(self.type_error(path, "a finite number", value)),
            other => Err(self.type_error(path, "a number", other)),
        }
    }

    /// Values in the unit `%` are shares: 0 to 100.
    fn check_percent(&self, value: f64, number: &Json, path: &dyn Place) -> Result<()> {
        match number {
            Json::Number(n) if !(0.0..=100.0).contains(&value) => Err(Error::Percent {
                path: path.path(),
                value: self.written(n),
            }),
            _ => Ok(()),
        }
    }

    fn year(&self, value: &Json, path: &dyn Place) -> Result<i32> {
        let whole = match value {
            Json::Number(n) => Some(n.value).filter(|v| v.fract() == 0.0),
            other => return Err(self.type_error(path, "a year (a whole number)", other)),
        };
        let (first, last) = (*YEAR_RANGE.start() as f64, *YEAR_RANGE.end() as f64);
        match whole {
            Some(y) if (first..=last).contains(&y) => Ok(y as i32),
            _ => Err(Error::Year {
                path: path.path(),
                found: self.describe(value),
            }),
        }
    }

    pub fn dataset(&self, root: &Map<'_>) -> Result<Dataset> {
        let title = self.opt_text(root, &"", "title", false)?;
        let locale = self
            .opt_text(root, &"", "locale", false)?
            .unwrap_or_else(|| "zh-CN".into());
        let zh = locale.to_ascii_lowercase().starts_with("zh");
        let trend = match root.get("trend") {
            None | Some(Json::Null) => None,
            Some(value) => {
                let unnamed = if zh { "系列 1" } else { "Series 1" };
                Some(self.trend(&value, title.as_deref().unwrap_or(unnamed))?)
            }
        };
        let ranking = match root.get("ranking") {
            None | Some(Json::Null) => None,
            Some(value) => Some(self.ranking(&value, zh)?),
        };
        if trend.is_none() && ranking.is_none() {
            return Err(Error::NothingToChart);
        }
        Ok(Dataset {
            subtitle: self.opt_text(root, &"", "subtitle", false)?,
            source: self.opt_text(root, &"", "source", false)?,
            note: self.opt_text(root, &"", "note", true)?,
            title,
            locale,
            trend,
            ranking,
        })
    }

    /// `trend` in its three spellings: the full object, an object with `points`
    /// (one series), or a bare array of points (one series).
    fn trend(&self, value: &Json, fallback: &str) -> Result<Trend> {
        let fallback_name = || fallback.to_string();
        let map = match value {
            Json::Array(_) => {
                return Ok(Trend {
                    title: None,
                    unit: None,
                    series: vec![self.series_points(value, &"trend", fallback_name(), false)?],
                    annotations: Vec::new(),
                })
            }
            other => self.object(other, &"trend")?,
        };
        let map = &map;
        let unit = self.unit(map, &"trend")?;
        let percent = unit.as_deref() == Some("%");
        let series = match (map.get("series"), map.get("points")) {
            (Some(series), _) => {
                let items = self.array(&series, &"trend.series", "series")?;
                let mut out: Vec<Series> = Vec::with_capacity(items.len());
                let mut names = Names::default();
                for (i, item) in items.iter().enumerate() {
                    let path = index("trend.series", i);
                    let obj = &self.object(&item, &path)?;
                    let name = self.name(
                        obj,
                        &path,
                        "name",
                        crate::error::said("give each series a \"name\""),
                    )?;
                    if let Some(first) = names.seen(&name, i) {
                        return Err(same_name(
                            join(&path, "name"),
                            "series name",
                            name,
                            written_pair(items, (i, "name"), (first, "name")),
                            index("trend.series", first),
                        ));
                    }
                    let points = obj.get("points").ok_or_else(|| Error::Missing {
                        path: join(&path, "points"),
                        hint: crate::error::said(
                            "add the series' points, e.g. [{\"year\": 2013, \"value\": 3.12}]",
                        ),
                    })?;
                    out.push(self.series_points(&points, &join(&path, "points"), name, percent)?);
                }
                out
            }
            (None, Some(points)) => vec![self.series_points(
                &points,
                &"trend.points",
                self.opt_text(map, &"trend", "name", false)?
                    .unwrap_or_else(fallback_name),
                percent,
            )?],
            (None, None) => {
                return Err(Error::Missing {
                    path: "trend.series".into(),
                    hint: crate::error::said(
                        "add a list of series, each with a \"name\" and \"points\"",
                    ),
                })
            }
        };
        let annotations = match map.get("annotations") {
            None | Some(Json::Null) => Vec::new(),
            Some(value) => {
                let items = match value {
                    Json::Array(items) => items,
                    other => return Err(self.type_error(&"trend.annotations", "an array", &other)),
                };
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let path = index("trend.annotations", i);
                    let obj = &self.object(&item, &path)?;
                    let at = obj.get("year").ok_or_else(|| Error::Missing {
                        path: join(&path, "year"),
                        hint: crate::error::said("say which year the annotation marks"),
                    })?;
                    out.push(Annotation {
                        year: self.year(&at, &join(&path, "year"))?,
                        label: self.name(
                            obj,
                            &path,
                            "label",
                            crate::error::said("give the annotation a \"label\""),
                        )?,
                    });
                }
                out
            }
        };
        Ok(Trend {
            title: self.opt_text(map, &"trend", "title", false)?,
            unit,
            series,
            annotations,
        })
    }

    /// The points of one series, in either shape; sorted by year, duplicates refused.
    fn series_points(
        &self,
        value: &Json,
        path: &dyn Place,
        name: String,
        percent: bool,
    ) -> Result<Series> {
        let items = self.array(value, path, "point")?;
        let mut points = Vec::with_capacity(items.len());
        // Where each year of YEAR_RANGE was first seen.
        const YEAR_SLOTS: usize = (*YEAR_RANGE.end() - *YEAR_RANGE.start() + 1) as usize;
        let mut seen = vec![usize::MAX; YEAR_SLOTS];
        for (i, item) in items.iter().enumerate() {
            let here = At::Index(path, i);
            let (year_step, year_value, value_step, value) = match item {
                Json::Object(obj) => {
                    let at = obj.get("year").ok_or_else(|| Error::Missing {
                        path: join(&here.path(), "year"),
                        hint: crate::error::said("each point needs a \"year\""),
                    })?;
                    let (key, v) =
                        match (obj.get("value"), obj.get("rate")) {
                            (Some(v), _) => ("value", v),
                            (None, Some(v)) => ("rate", v),
                            (None, None) => return Err(Error::Missing {
                                path: join(&here.path(), "value"),
                                hint: crate::error::said(
                                    "each point needs a \"value\" (use null for a missing year)",
                                ),
                            }),
                        };
                    (At::Key(&here, "year"), at, At::Key(&here, key), v)
                }
                Json::Array(pair) if pair.len() == 2 => {
                    let mut two = pair.iter();
                    match (two.next(), two.next()) {
                        (Some(at), Some(v)) => (At::Index(&here, 0), at, At::Index(&here, 1), v),
                        _ => return Err(self.point_shape(here.path(), &item)),
                    }
                }
                other => return Err(self.point_shape(here.path(), &other)),
            };
            let year = self.year(&year_value, &year_step)?;
            let number = self.number_or_null(&value, &value_step)?;
            if let (Some(v), true) = (number, percent) {
                self.check_percent(v, &value, &value_step)?;
            }
            let slot = usize::try_from(i64::from(year).saturating_sub(*YEAR_RANGE.start()))
                .ok()
                .and_then(|y| seen.get_mut(y));
            if let Some(first) = slot {
                if *first != usize::MAX {
                    return Err(Error::DuplicateYear {
                        path: year_step.path(),
                        year,
                        first: index(&path.path(), *first),
                    });
                }
                *first = i;
            }
            points.push(Point {
                year,
                value: number,
            });
        }
        if !points.is_sorted_by_key(|p| p.year) {
            let mut order: Vec<(usize, f64)> = points
                .iter()
                .enumerate()
                .map(|(i, p)| (i, p.year as f64))
                .collect();
            super::sort_keyed(&mut order, false);
            points = order
                .iter()
                .filter_map(|&(i, _)| points.get(i).copied())
                .collect();
        }
        Ok(Series { name, points })
    }

    /// A point that is neither `{"year":…, "value":…}` nor `[year, value]`.
    fn point_shape(&self, path: String, found: &Json) -> Error {
        Error::PointShape {
            path,
            found: match found {
                _ if cfg!(all(target_arch = "wasm32", feature = "web")) => String::new(),
                Json::Array(a) if a.len() == 1 => "an array of 1 item".to_string(),
                Json::Array(a) => format!("an array of {} items", a.len()),
                v => self.describe(v),
            },
        }
    }

    /// `ranking`: its metrics, the metric shown first, its villages, and
    /// what it ranks when not villages.
    ///
    /// Its steps, each called once, are inlined (`#[inline(always)]`): kept
    /// apart, or left to the compiler, they cost the wasm 0.3–0.6 KB gzipped
    /// in results and errors moved between frames.
    fn ranking(&self, value: &Json, zh: bool) -> Result<Ranking> {
        let map = &self.object(value, &"ranking")?;
        // Metric keys as a reader sees them → the metric's index.
        let mut keys = Names::default();
        let metrics = self.metrics(map, &mut keys)?;
        let default_metric = match self.opt_text(map, &"ranking", "default_metric", false)? {
            None => 0,
            Some(key) => keys.get(&key).ok_or_else(|| Error::UnknownMetric {
                path: "ranking.default_metric".into(),
                key,
                known: metric_keys(&metrics),
            })?,
        };
        let villages = self.villages(map, &metrics, &keys, zh)?;
        // What is ranked, when not villages: `item` and `items` (the plural;
        // by default English's regular plural of `item`).
        let items = self.opt_text(map, &"ranking", "items", false)?;
        let item = self.opt_text(map, &"ranking", "item", false)?.map(|one| {
            let many = items.unwrap_or_else(|| plural(&one));
            (one, many)
        });
        Ok(Ranking {
            title: self.opt_text(map, &"ranking", "title", false)?,
            item,
            metrics,
            default_metric,
            villages,
        })
    }

    /// `ranking.metrics`, with their keys as a reader sees them → each
    /// metric's index; keys and labels a reader cannot tell apart refused.
    #[inline(always)]
    fn metrics(&self, map: &Map, keys: &mut Names) -> Result<Vec<Metric>> {
        let metrics_value = map.get("metrics").ok_or_else(|| Error::Missing {
            path: "ranking.metrics".into(),
            hint: crate::error::said("declare the metrics, e.g. [{\"key\": \"income\", \"label\": \"村集体经济收入\", \"unit\": \"元\"}]"),
        })?;
        let mut metrics: Vec<Metric> = Vec::new();
        // Metric labels as a reader sees them → the metric's index.
        let mut labels = Names::default();
        // Where each metric's label was written: "label", or "key" without one.
        let mut label_keys: Vec<&'static str> = Vec::new();
        let items = self.array(&metrics_value, &"ranking.metrics", "metric")?;
        for (i, item) in items.iter().enumerate() {
            let path = index("ranking.metrics", i);
            let obj = &self.object(&item, &path)?;
            let key = self.name(
                obj,
                &path,
                "key",
                crate::error::said("give each metric a \"key\""),
            )?;
            if let Some(first) = keys.seen(&key, i) {
                return Err(same_metric_key(items, i, first, &path, key));
            }
            let (label, label_key) = match self.opt_text(obj, &path, "label", false)? {
                Some(label) => (label, "label"),
                None => (key.clone(), "key"),
            };
            if let Some(first) = labels.seen(&label, i) {
                let first_key = label_keys.get(first).copied().unwrap_or("key");
                return Err(same_name(
                    join(&path, label_key),
                    "metric label",
                    label,
                    written_pair(items, (i, label_key), (first, first_key)),
                    index("ranking.metrics", first),
                ));
            }
            label_keys.push(label_key);
            metrics.push(Metric {
                label,
                unit: self.unit(obj, &path)?,
                key,
            });
        }
        Ok(metrics)
    }

    /// `ranking.villages`: each with its name, group and values; two
    /// villages a reader cannot tell apart within a group refused.
    #[inline(always)]
    fn villages(
        &self,
        map: &Map,
        metrics: &[Metric],
        keys: &Names,
        zh: bool,
    ) -> Result<Vec<Village>> {
        let villages_value = map.get("villages").ok_or_else(|| Error::Missing {
            path: "ranking.villages".into(),
            hint: crate::error::said(
                "add the villages, e.g. [{\"name\": \"王屯村\", \"values\": {\"income\": 200000}}]",
            ),
        })?;
        let items = self.array(&villages_value, &"ranking.villages", "village")?;
        let mut villages: Vec<Village> = Vec::with_capacity(items.len());
        let mut groups = Groups {
            by_key: Names::default(),
            resolved: FxMap::default(),
            no_group: no_group_label(zh),
        };
        // Village names as a reader sees them, within their group.
        let mut seen = Seen::default();
        // Which key of a village's values gave each metric its value.
        let mut given: Vec<Option<usize>> = Vec::with_capacity(metrics.len());
        for (i, item) in items.iter().enumerate() {
            let here = At::Index(&"ranking.villages", i);
            let obj = &self.object(&item, &here)?;
            let name = self.name(
                obj,
                &here,
                "name",
                crate::error::said("give each village a \"name\""),
            )?;
            let group =
                match self.opt_text_ref(obj, &here, "group", false)? {
                    None => None,
                    Some(written) => groups.resolve(written, i, &villages).map_err(|name| {
                        Error::NoGroupName {
                            path: join(&here.path(), "group"),
                            name,
                        }
                    })?,
                };
            let values = self.village_values(obj, &here, metrics, keys, &mut given)?;
            let earlier = seen.first(&name, group.as_deref(), i, |first| {
                villages
                    .get(first)
                    .map(|v| (v.name.as_str(), v.group.as_deref()))
            });
            if let Some(first) = earlier {
                return Err(same_village(items, i, first, &here, name, group));
            }
            villages.push(Village {
                name,
                group,
                values,
            });
        }
        Ok(villages)
    }

    /// A village's `values`, one per metric (`None`: not given); keys that
    /// name no metric, or two keys for one metric, refused. `given` is a
    /// buffer kept between villages.
    #[inline(always)]
    fn village_values<'a>(
        &self,
        obj: &Map<'a>,
        here: &dyn Place,
        metrics: &[Metric],
        keys: &Names,
        given: &mut Vec<Option<usize>>,
    ) -> Result<Vec<Option<f64>>> {
        let values_at = At::Key(here, "values");
        let values_map = match obj.get("values") {
            None => {
                return Err(Error::Missing {
                    path: values_at.path(),
                    hint: crate::error::said(
                        "give the village's values by metric key, e.g. {\"income\": 200000}",
                    ),
                })
            }
            Some(v) => self.object(&v, &values_at)?,
        };
        let mut values = vec![None; metrics.len()];
        given.clear();
        given.resize(metrics.len(), None);
        for (j, (key, v)) in values_map.iter().enumerate() {
            let key = key.text();
            let value_at = At::Key(&values_at, &key);
            // Most keys are written as declared; the others are compared
            // as a reader sees them.
            let m = match metrics.iter().position(|m| m.key == key) {
                Some(m) => m,
                None => keys.get(&key).ok_or_else(|| Error::UnknownMetric {
                    path: value_at.path(),
                    key: key.to_string(),
                    known: metric_keys(metrics),
                })?,
            };
            if let Some(&Some(other)) = given.get(m) {
                let other = values_map.iter().nth(other).map(|(k, _)| k.text());
                return Err(same_value_key(&values_at, &key, &other.unwrap_or_default()));
            }
            let value = self.number_or_null(&v, &value_at)?;
            let percent = metrics.get(m).and_then(|x| x.unit.as_deref()) == Some("%");
            if let (Some(x), true) = (value, percent) {
                self.check_percent(x, &v, &value_at)?;
            }
            if let (Some(slot), Some(from)) = (values.get_mut(m), given.get_mut(m)) {
                *slot = value;
                *from = Some(j);
            }
        }
        Ok(values)
    }
}

/// A ranking's groups as its villages meet them: one group, one legend
/// entry, spelled as the group's first village wrote it.
struct Groups {
    /// A group as a reader sees it → the first village in it.
    by_key: Names,
    /// Each group as written (cleaned) → as resolved: a lookup of the
    /// written text for all but a group's first village. The keys are
    /// copies, side by side in memory: keys borrowed from the file were
    /// spread over it, and comparing with them missed the cache once a
    /// village (100,000 villages in 7,693 towns: a tenth of the reading).
    resolved: FxMap<String, Option<Rc<str>>>,
    /// The chart's own "no group", which no group may be called.
    no_group: &'static str,
}

impl Groups {
    /// Village `i`'s group, written `written`: spelled as the first village
    /// of the group wrote it. A group written as the chart's own "no group"
    /// is refused (the error is its name).
    #[inline(always)]
    fn resolve(
        &mut self,
        written: Cow<'_, str>,
        i: usize,
        villages: &[Village],
    ) -> std::result::Result<Option<Rc<str>>, String> {
        if let Some(resolved) = self.resolved.get(written.as_ref()) {
            return Ok(resolved.clone());
        }
        let group = written.to_string();
        let key = reader_key(&group);
        if key.eq_ignore_ascii_case(self.no_group) {
            return Err(group);
        }
        let resolved = match self
            .by_key
            .first(key.into_owned(), i)
            .and_then(|first| villages.get(first))
        {
            Some(first) => first.group.clone(),
            None => Some(Rc::from(group.as_str())),
        };
        self.resolved.insert(written.into_owned(), resolved.clone());
        Ok(resolved)
    }
}

/// The keys of the metrics, as an unknown key's message lists them.
fn metric_keys(metrics: &[Metric]) -> Vec<String> {
    metrics.iter().map(|m| m.key.clone()).collect()
}

/// Metric `i`'s key is one a reader cannot tell from metric `first`'s.
#[inline(always)]
fn same_metric_key(items: List<'_>, i: usize, first: usize, path: &str, key: String) -> Error {
    let written = written_pair(items, (i, "key"), (first, "key"));
    let path = join(path, "key");
    let first = index("ranking.metrics", first);
    match written {
        Some((name, other)) => Error::LookAlike {
            path,
            what: "metric key",
            name,
            other,
            first,
        },
        None => Error::DuplicateMetric { path, key },
    }
}

/// Two keys of one village's values, `key` and `other`, name one metric.
#[inline(always)]
fn same_value_key(values_at: &dyn Place, key: &str, other: &str) -> Error {
    // Named in the keys' sorted order, the order messages always had: the
    // later key is the one to rename.
    let (name, other) = if other <= key {
        (key, other)
    } else {
        (other, key)
    };
    let values_path = values_at.path();
    Error::LookAlike {
        path: join(&values_path, name),
        what: "metric key",
        name: name.to_string(),
        other: other.to_string(),
        first: join(&values_path, other),
    }
}

/// Village `i` (at `here`) is one a reader cannot tell from village `first`
/// in its group.
#[inline(always)]
fn same_village(
    items: List<'_>,
    i: usize,
    first: usize,
    here: &dyn Place,
    name: String,
    group: Option<Rc<str>>,
) -> Error {
    let written = written_pair(items, (i, "name"), (first, "name"));
    let first = index("ranking.villages", first);
    let path = join(&here.path(), "name");
    match written {
        Some((name, other)) => Error::LookAlike {
            path,
            what: "village",
            name,
            other,
            first,
        },
        None => Error::DuplicateVillage {
            path,
            group: group.as_deref().map(str::to_string),
            name,
            first,
        },
    }
}

/// Where a value is: a JSON path, made into text only when a message needs it
/// (a file of 100,000 villages would otherwise format a million paths).
trait Place {
    fn path(&self) -> String;
}

impl Place for &str {
    fn path(&self) -> String {
        (*self).to_string()
    }
}

impl Place for String {
    fn path(&self) -> String {
        self.clone()
    }
}

/// A place under another: `up[i]` or `up.key`.
enum At<'a> {
    Index(&'a dyn Place, usize),
    Key(&'a dyn Place, &'a str),
}

impl Place for At<'_> {
    fn path(&self) -> String {
        match self {
            At::Index(up, i) => index(&up.path(), *i),
            At::Key(up, key) => join(&up.path(), key),
        }
    }
}

/// Names as a reader sees them ([`reader_key`]) → where each was first seen.
#[derive(Default)]
struct Names(FxMap<String, usize>);

impl Names {
    /// Records `name` at `at`; if a reader could not tell it from an earlier
    /// name, returns where that one is instead.
    fn seen(&mut self, name: &str, at: usize) -> Option<usize> {
        self.first(reader_key(name).into_owned(), at)
    }

    /// [`Names::seen`] for a key already made.
    fn first(&mut self, key: String, at: usize) -> Option<usize> {
        match self.0.entry(key) {
            std::collections::hash_map::Entry::Occupied(first) => Some(*first.get()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(at);
                None
            }
        }
    }

    fn get(&self, name: &str) -> Option<usize> {
        self.0.get(reader_key(name).as_ref()).copied()
    }
}

/// Villages by name and group as a reader sees them, for the duplicate
/// check: 16 bytes a village (a hash and an index) rather than a copy of both
/// names, which at 500,000 villages was most of the walk's memory. Equal
/// hashes are confirmed on the names themselves; the rare different names
/// with one hash are kept, by name, beside.
#[derive(Default)]
struct Seen {
    by_hash: FxMap<u64, usize>,
    collided: Names,
}

impl Seen {
    /// Records village `at`; returns an earlier village a reader could not
    /// tell from it (`village(i)` gives village i's name and group).
    fn first<'v>(
        &mut self,
        name: &str,
        group: Option<&str>,
        at: usize,
        village: impl Fn(usize) -> Option<(&'v str, Option<&'v str>)>,
    ) -> Option<usize> {
        let key = |name: &str, group: Option<&str>| {
            // U+0000 cannot occur in a reader key: it separates the two.
            let mut key = reader_key(name).into_owned();
            key.push('\u{0}');
            key.push_str(&reader_key(group.unwrap_or("")));
            key
        };
        let mut hasher = Fx::default();
        hasher.write(reader_key(name).as_bytes());
        hasher.write(&[0]);
        hasher.write(reader_key(group.unwrap_or("")).as_bytes());
        match self.by_hash.entry(hasher.finish()) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(at);
                None
            }
            std::collections::hash_map::Entry::Occupied(slot) => {
                let first = *slot.get();
                let same = village(first).is_some_and(|(n, g)| key(n, g) == key(name, group));
                if same {
                    Some(first)
                } else {
                    self.collided.first(key(name, group), at)
                }
            }
        }
    }
}

/// Two names a reader cannot tell apart: the same text, or a look-alike
/// (`written`: both as written, when they differ).
fn same_name(
    path: String,
    what: &'static str,
    name: String,
    written: Option<(String, String)>,
    first: String,
) -> Error {
    match written {
        Some((name, other)) => Error::LookAlike {
            path,
            what,
            name,
            other,
            first,
        },
        None => Error::SameName {
            path,
            what,
            name,
            first,
        },
    }
}

/// The strings written at two `(item, field)` places of a list of objects,
/// trimmed, when they differ: what a look-alike message shows (cleaning may
/// have made the stored names equal). Names that differ only in surrounding
/// spaces are plain duplicates, as they always were.
fn written_pair(
    items: List<'_>,
    (a, a_key): (usize, &str),
    (b, b_key): (usize, &str),
) -> Option<(String, String)> {
    let at = |i: usize, key: &str| match items.get(i) {
        Some(Json::Object(obj)) => match obj.get(key) {
            Some(Json::String(s)) => s.text().trim().to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    };
    let (x, y) = (at(a, a_key), at(b, b_key));
    (x != y).then_some((x, y))
}

/// Whether a number, as written, lies below 10¹⁵ in magnitude. A number is
/// `digits × 10^e` with the digits' leading zeros dropped; it reaches 10¹⁵
/// when the digits and the exponent place its first digit 16 places up.
fn below_limit(written: &str) -> bool {
    let unsigned = written.strip_prefix('-').unwrap_or(written);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, e),
        None => (unsigned, "0"),
    };
    // Saturating, so an exponent of a thousand digits is merely huge.
    let magnitude = exponent
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0i64, |e, d| {
            e.saturating_mul(10)
                .saturating_add(i64::from(d.saturating_sub(b'0')))
        });
    let exponent = if exponent.starts_with('-') {
        magnitude.saturating_neg()
    } else {
        magnitude
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = whole.len().saturating_add(fraction.len());
    let leading_zeros = whole
        .chars()
        .chain(fraction.chars())
        .take_while(|&c| c == '0')
        .count();
    let significant = digits.saturating_sub(leading_zeros) as i64;
    if significant == 0 {
        return true;
    }
    // The first significant digit stands for 10^(significant + e − 1), e
    // counting the fraction's digits down.
    let place = significant
        .saturating_add(exponent)
        .saturating_sub(fraction.len() as i64);
    place < 16
}

/// English's regular plural: country → countries, village → villages,
/// box → boxes. Irregular ones are written by the dataset (`items`).
fn plural(one: &str) -> String {
    let lower = one.to_ascii_lowercase();
    let before_y = lower
        .len()
        .checked_sub(2)
        .and_then(|i| lower.as_bytes().get(i));
    if lower.ends_with('y') && before_y.is_some_and(|c| !b"aeiou".contains(c)) {
        format!(
            "{}ies",
            one.get(..one.len().saturating_sub(1)).unwrap_or(one)
        )
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{one}es")
    } else {
        format!("{one}s")
    }
}
