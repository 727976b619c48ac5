//! Bytes → validated [`Dataset`].
//!
//! The JSON is first read into a `serde_json::Value` (so a syntax error names its
//! line and column), then walked by hand with the JSON path of every value in
//! hand, so that each problem is reported where the user wrote it. A derived
//! `Deserialize` would give neither the paths nor the shorthands, and costs more
//! wasm than this walk.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{Annotation, Dataset, Metric, Point, Ranking, Series, Trend, Village, YEAR_RANGE};
use crate::error::{quote, Error, Result, SyntaxHint, MAX_FILE_BYTES};

/// Parses and validates the bytes of a dataset file.
pub fn parse(bytes: &[u8]) -> Result<Dataset> {
    let text = decode(bytes)?;
    let text = text.as_ref();
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(e, text))?;
    let root = match &value {
        Value::Object(map) => map,
        other => {
            return Err(Error::TopLevel {
                found: describe(other),
            })
        }
    };
    dataset(root)
}

/// Checks size and encoding; strips a UTF-8 byte order mark.
/// Checks size and encoding: UTF-8 (a byte order mark is dropped) or UTF-16
/// (what Windows' Notepad and some exports write), which is decoded.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let text = match utf16_order(bytes) {
        Some((little, body)) => Cow::Owned(decode_utf16(body, little)?),
        None => {
            if let Some(guess) = sniff_binary(bytes) {
                return Err(Error::NotText { guess });
            }
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            Cow::Borrowed(std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, &e))?)
        }
    };
    if text.trim().is_empty() {
        return Err(Error::EmptyFile);
    }
    Ok(text)
}

/// UTF-16 by its byte order mark, or, without one, by the zero bytes that
/// ASCII characters such as `{` and `"` have in UTF-16. Returns (little endian, body).
fn utf16_order(bytes: &[u8]) -> Option<(bool, &[u8])> {
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some((true, body));
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some((false, body));
    }
    match bytes {
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => Some((true, bytes)),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => Some((false, bytes)),
        _ => None,
    }
}

fn decode_utf16(body: &[u8], little: bool) -> Result<String> {
    let units = body.chunks(2).map(|pair| match (pair, little) {
        ([lo, hi], true) => u16::from_le_bytes([*lo, *hi]),
        ([hi, lo], false) => u16::from_be_bytes([*hi, *lo]),
        // An odd last byte: not UTF-16 after all; decoding fails below.
        _ => 0xD800,
    });
    char::decode_utf16(units)
        .collect::<std::result::Result<String, _>>()
        .map_err(|_| Error::NotText {
            guess: "UTF-16 text with broken characters",
        })
}

/// Where UTF-8 decoding failed, as a line and column of the text before it.
fn not_utf8(bytes: &[u8], err: &std::str::Utf8Error) -> Error {
    let valid = bytes.get(..err.valid_up_to()).unwrap_or_default();
    let valid = std::str::from_utf8(valid).unwrap_or_default();
    let line = valid.matches('\n').count().saturating_add(1);
    let column = valid
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
        .saturating_add(1);
    Error::NotUtf8 {
        line,
        column,
        truncated: err.error_len().is_none(),
    }
}

/// Recognises the files people drop by mistake, by their first bytes.
fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"%PDF", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive or an Excel/Word file (.xlsx, .docx)",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Excel or Word file (.xls, .doc)",
        ),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, guess)| *guess)
}

/// serde_json counts columns in bytes from 0 at a line start; editors count
/// characters from 1. This converts, so `洛龙区` counts as three columns.
fn syntax_error(err: serde_json::Error, text: &str) -> Error {
    let line_text = text.lines().nth(err.line().saturating_sub(1)).unwrap_or("");
    let column = line_text
        .char_indices()
        .take_while(|(i, _)| *i < err.column())
        .count()
        .max(1);
    let full = err.to_string();
    // serde_json appends " at line L column C"; we say where in our own words.
    let detail = match full.rfind(" at line ") {
        Some(cut) => full.get(..cut).unwrap_or(&full).to_string(),
        None => full,
    };
    let rest: String = line_text
        .chars()
        .skip(column.saturating_sub(1))
        .take(12)
        .collect();
    let hint = SyntaxHint::classify(&detail, &rest, text);
    Error::Syntax {
        line: err.line(),
        column,
        detail,
        hint,
    }
}

/// How a JSON value is named in messages: `the string "3.1%"`, `null`, `an array`.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {}", number_text(n)),
        Value::String(s) if s.is_empty() => "an empty string".into(),
        Value::String(s) => format!("the string {}", quote(s)),
        Value::Array(a) if a.is_empty() => "an empty array".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(o) if o.is_empty() => "an empty object".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A JSON number as the user wrote it, near enough: integers exactly, others
/// through f64 (serde_json's own `Display` would add its float printer to the wasm).
fn number_text(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    match n.as_f64() {
        Some(v) if v.abs() < 1e15 => format!("{v}"),
        Some(v) => format!("{v:e}"),
        None => String::new(),
    }
}

fn type_error(path: &str, expected: &'static str, found: &Value) -> Error {
    Error::Type {
        path: path.to_string(),
        expected,
        found: describe(found),
    }
}

/// `path.key`; a key longer than 40 characters is cut, so that a path never
/// repeats a huge key in full.
fn join(path: &str, key: &str) -> String {
    let key: String = if key.chars().nth(40).is_some() {
        key.chars().take(40).chain(['…']).collect()
    } else {
        key.to_string()
    };
    if path.is_empty() {
        key
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// An optional string field: absent or `null` gives `None`.
fn opt_string(map: &Map<String, Value>, path: &str, key: &str) -> Result<Option<String>> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(type_error(&join(path, key), "a string", other)),
    }
}

/// A required string field (names, keys): present, a string, not blank.
fn req_string(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    hint: &'static str,
) -> Result<String> {
    match map.get(key) {
        None => Err(Error::Missing {
            path: join(path, key),
            hint,
        }),
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_string()),
        Some(other) => Err(type_error(&join(path, key), "a non-empty string", other)),
    }
}

fn array<'a>(value: &'a Value, path: &str, what: &'static str) -> Result<&'a Vec<Value>> {
    match value {
        Value::Array(items) if items.is_empty() => Err(Error::Empty {
            path: path.to_string(),
            what,
        }),
        Value::Array(items) => Ok(items),
        other => Err(type_error(path, "an array", other)),
    }
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(type_error(path, "an object", other)),
    }
}

/// A finite number or `null`. `serde_json` cannot produce NaN or infinities,
/// and it rejects `1e400` as out of range, but the check stays as a guarantee.
fn number_or_null(value: &Value, path: &str) -> Result<Option<f64>> {
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => match n.as_f64() {
            Some(v) if v.abs() < MAX_VALUE => Ok(Some(v)),
            Some(v) if v.is_finite() => Err(Error::TooBig {
                path: path.to_string(),
                value: number_text(n),
            }),
            _ => Err(type_error(path, "a finite number", value)),
        },
        other => Err(type_error(path, "a number", other)),
    }
}

/// Values at or beyond a thousand trillion are refused: no poverty rate or
/// village income is that large, and axes computed near the float limit overflow.
const MAX_VALUE: f64 = 1e15;

fn year(value: &Value, path: &str) -> Result<i32> {
    let whole = match value {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|v| v.fract() == 0.0).map(|v| v as i64)),
        other => return Err(type_error(path, "a year (a whole number)", other)),
    };
    match whole {
        Some(y) if YEAR_RANGE.contains(&y) => Ok(y as i32),
        _ => Err(Error::Year {
            path: path.to_string(),
            found: describe(value),
        }),
    }
}

fn dataset(root: &Map<String, Value>) -> Result<Dataset> {
    let title = opt_string(root, "", "title")?;
    let locale = opt_string(root, "", "locale")?.unwrap_or_else(|| "zh-CN".into());
    let trend = match root.get("trend") {
        None | Some(Value::Null) => None,
        Some(value) => {
            let zh = locale.to_ascii_lowercase().starts_with("zh");
            let unnamed = if zh { "系列 1" } else { "Series 1" };
            Some(trend(value, title.as_deref().unwrap_or(unnamed))?)
        }
    };
    let ranking = match root.get("ranking") {
        None | Some(Value::Null) => None,
        Some(value) => Some(ranking(value)?),
    };
    if trend.is_none() && ranking.is_none() {
        return Err(Error::NothingToChart);
    }
    Ok(Dataset {
        subtitle: opt_string(root, "", "subtitle")?,
        source: opt_string(root, "", "source")?,
        note: opt_string(root, "", "note")?,
        title,
        locale,
        trend,
        ranking,
    })
}

/// `trend` in its three spellings: the full object, an object with `points`
/// (one series), or a bare array of points (one series).
fn trend(value: &Value, fallback: &str) -> Result<Trend> {
    let fallback_name = || fallback.to_string();
    let map = match value {
        Value::Array(_) => {
            return Ok(Trend {
                title: None,
                unit: None,
                series: vec![series_points(value, "trend", fallback_name(), false)?],
                annotations: Vec::new(),
            })
        }
        other => object(other, "trend")?,
    };
    let unit = opt_string(map, "trend", "unit")?;
    let percent = unit.as_deref() == Some("%");
    let series = match (map.get("series"), map.get("points")) {
        (Some(series), _) => {
            let items = array(series, "trend.series", "series")?;
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let path = index("trend.series", i);
                let obj = object(item, &path)?;
                let name = req_string(obj, &path, "name", "give each series a \"name\"")?;
                let points = obj.get("points").ok_or_else(|| Error::Missing {
                    path: join(&path, "points"),
                    hint: "add the series' points, e.g. [{\"year\": 2013, \"value\": 3.12}]",
                })?;
                out.push(series_points(
                    points,
                    &join(&path, "points"),
                    name,
                    percent,
                )?);
            }
            out
        }
        (None, Some(points)) => vec![series_points(
            points,
            "trend.points",
            opt_string(map, "trend", "name")?.unwrap_or_else(fallback_name),
            percent,
        )?],
        (None, None) => {
            return Err(Error::Missing {
                path: "trend.series".into(),
                hint: "add a list of series, each with a \"name\" and \"points\"",
            })
        }
    };
    let annotations = match map.get("annotations") {
        None | Some(Value::Null) => Vec::new(),
        Some(value) => {
            let items = match value {
                Value::Array(items) => items,
                other => return Err(type_error("trend.annotations", "an array", other)),
            };
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let path = index("trend.annotations", i);
                let obj = object(item, &path)?;
                let at = obj.get("year").ok_or_else(|| Error::Missing {
                    path: join(&path, "year"),
                    hint: "say which year the annotation marks",
                })?;
                out.push(Annotation {
                    year: year(at, &join(&path, "year"))?,
                    label: req_string(obj, &path, "label", "give the annotation a \"label\"")?,
                });
            }
            out
        }
    };
    Ok(Trend {
        title: opt_string(map, "trend", "title")?,
        unit,
        series,
        annotations,
    })
}

/// The points of one series, in either shape; sorted by year, duplicates refused.
fn series_points(value: &Value, path: &str, name: String, percent: bool) -> Result<Series> {
    let items = array(value, path, "point")?;
    let mut points = Vec::with_capacity(items.len());
    let mut seen: HashMap<i32, usize> = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let here = index(path, i);
        let (year_path, year_value, value_path, value) = match item {
            Value::Object(obj) => {
                let at = obj.get("year").ok_or_else(|| Error::Missing {
                    path: join(&here, "year"),
                    hint: "each point needs a \"year\"",
                })?;
                let (key, v) = match (obj.get("value"), obj.get("rate")) {
                    (Some(v), _) => ("value", v),
                    (None, Some(v)) => ("rate", v),
                    (None, None) => {
                        return Err(Error::Missing {
                            path: join(&here, "value"),
                            hint: "each point needs a \"value\" (use null for a missing year)",
                        })
                    }
                };
                (join(&here, "year"), at, join(&here, key), v)
            }
            Value::Array(pair) if pair.len() == 2 => match (pair.first(), pair.get(1)) {
                (Some(at), Some(v)) => (index(&here, 0), at, index(&here, 1), v),
                _ => unreachable_pair(&here, item)?,
            },
            other => {
                return Err(Error::PointShape {
                    path: here,
                    found: match other {
                        Value::Array(a) if a.len() == 1 => "an array of 1 item".to_string(),
                        Value::Array(a) => format!("an array of {} items", a.len()),
                        v => describe(v),
                    },
                })
            }
        };
        let year = year(year_value, &year_path)?;
        let value = number_or_null(value, &value_path)?;
        if let (Some(v), true) = (value, percent) {
            check_percent(v, &value_path)?;
        }
        if let Some(first) = seen.insert(year, i) {
            return Err(Error::DuplicateYear {
                path: year_path,
                year,
                first: index(path, first),
            });
        }
        points.push(Point { year, value });
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

/// Values in the unit `%` are shares: 0 to 100.
fn check_percent(value: f64, path: &str) -> Result<()> {
    if (0.0..=100.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::Percent {
            path: path.to_string(),
            value,
        })
    }
}

/// A two-item array always has both items; this keeps the match total without a panic.
fn unreachable_pair<T>(path: &str, item: &Value) -> Result<T> {
    Err(Error::PointShape {
        path: path.to_string(),
        found: describe(item),
    })
}

fn ranking(value: &Value) -> Result<Ranking> {
    let map = object(value, "ranking")?;
    let metrics_value = map.get("metrics").ok_or_else(|| Error::Missing {
        path: "ranking.metrics".into(),
        hint: "declare the metrics, e.g. [{\"key\": \"income\", \"label\": \"村集体经济收入\", \"unit\": \"元\"}]",
    })?;
    let mut metrics: Vec<Metric> = Vec::new();
    let mut metric_index: HashMap<String, usize> = HashMap::new();
    for (i, item) in array(metrics_value, "ranking.metrics", "metric")?
        .iter()
        .enumerate()
    {
        let path = index("ranking.metrics", i);
        let obj = object(item, &path)?;
        let key = req_string(obj, &path, "key", "give each metric a \"key\"")?;
        if metric_index.insert(key.clone(), i).is_some() {
            return Err(Error::DuplicateMetric {
                path: join(&path, "key"),
                key,
            });
        }
        metrics.push(Metric {
            label: opt_string(obj, &path, "label")?.unwrap_or_else(|| key.clone()),
            unit: opt_string(obj, &path, "unit")?,
            key,
        });
    }
    let known = || metrics.iter().map(|m| m.key.clone()).collect::<Vec<_>>();
    let default_metric = match opt_string(map, "ranking", "default_metric")? {
        None => 0,
        Some(key) => match metric_index.get(&key) {
            Some(&i) => i,
            None => {
                return Err(Error::UnknownMetric {
                    path: "ranking.default_metric".into(),
                    key,
                    known: known(),
                })
            }
        },
    };

    let villages_value = map.get("villages").ok_or_else(|| Error::Missing {
        path: "ranking.villages".into(),
        hint: "add the villages, e.g. [{\"name\": \"王屯村\", \"values\": {\"income\": 200000}}]",
    })?;
    let items = array(villages_value, "ranking.villages", "village")?;
    let mut villages = Vec::with_capacity(items.len());
    let mut seen: HashMap<(String, Option<String>), usize> = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = index("ranking.villages", i);
        let obj = object(item, &path)?;
        let name = req_string(obj, &path, "name", "give each village a \"name\"")?;
        let group = opt_string(obj, &path, "group")?.filter(|g| !g.trim().is_empty());
        let values_path = join(&path, "values");
        let values_map = match obj.get("values") {
            None => {
                return Err(Error::Missing {
                    path: values_path,
                    hint: "give the village's values by metric key, e.g. {\"income\": 200000}",
                })
            }
            Some(v) => object(v, &values_path)?,
        };
        let mut values = vec![None; metrics.len()];
        for (key, v) in values_map {
            let value_path = join(&values_path, key);
            let m = *metric_index.get(key).ok_or_else(|| Error::UnknownMetric {
                path: value_path.clone(),
                key: key.clone(),
                known: known(),
            })?;
            let value = number_or_null(v, &value_path)?;
            let percent = metrics.get(m).and_then(|x| x.unit.as_deref()) == Some("%");
            if let (Some(v), true) = (value, percent) {
                check_percent(v, &value_path)?;
            }
            if let Some(slot) = values.get_mut(m) {
                *slot = value;
            }
        }
        if let Some(first) = seen.insert((name.clone(), group.clone()), i) {
            return Err(Error::DuplicateVillage {
                path: join(&path, "name"),
                group,
                name,
                first: index("ranking.villages", first),
            });
        }
        villages.push(Village {
            name,
            group,
            values,
        });
    }
    // The plural defaults to the singular plus "s" (Chinese uses the singular).
    let items = opt_string(map, "ranking", "items")?;
    let item = opt_string(map, "ranking", "item")?.map(|one| {
        let many = items.unwrap_or_else(|| format!("{one}s"));
        (one, many)
    });
    Ok(Ranking {
        title: opt_string(map, "ranking", "title")?,
        item,
        metrics,
        default_metric,
        villages,
    })
}
