//! A JavaScript value as data: an array of records (`[{year: 2013, rate: 3.12}, …]`)
//! or an object of columns (`{year: [2013, …], rate: [3.12, …]}`), as an
//! embedder passes it to `Heluo.render`. It crosses from JavaScript through
//! serde-wasm-bindgen into [`Value`] (keys in their order, which serde's maps
//! would lose) and becomes a [`Table`] for inference, like a JSON file's
//! records, with no `JSON.stringify` on the way.

use std::fmt;

use heluo::dataset::table::{Cell, Column, Origin, Table};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Any JavaScript (or JSON) value, objects with their keys in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records or an object of columns")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            entries.push((key, value));
        }
        Ok(Value::Object(entries))
    }
}

/// Why a value is not a table.
#[derive(Debug, Clone, PartialEq)]
pub enum NotTable {
    /// `found` describes what was given instead ("a number", "an empty array").
    Shape { found: &'static str },
}

impl Value {
    /// What the value is, in Chinese, for [`NotTable`]'s message.
    pub fn describe_zh(found: &str) -> &'static str {
        match found {
            "null" => "null",
            "a boolean" => "布尔值",
            "a number" => "数字",
            "a string" => "字符串",
            "an empty array" => "空数组",
            "an array of values that are not records" => "不是记录的值组成的数组",
            "an empty object" => "空对象",
            _ => "值不全是数组的对象",
        }
    }

    fn describe(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::Text(_) => "a string",
            Value::List(l) if l.is_empty() => "an empty array",
            Value::List(_) => "an array of values that are not records",
            Value::Object(o) if o.is_empty() => "an empty object",
            Value::Object(_) => "an object whose values are not all arrays",
        }
    }
}

/// The table a value holds: records (objects, their keys flattened with
/// dots: `country.id`), or columns (an object whose every value is an array).
pub fn table(value: &Value) -> Result<Table, NotTable> {
    let mut columns: Vec<Column> = Vec::new();
    let mut rows = 0usize;
    match value {
        Value::List(records)
            if !records.is_empty() && records.iter().all(|r| matches!(r, Value::Object(_))) =>
        {
            for record in records {
                let mut flat = Vec::new();
                if let Value::Object(entries) = record {
                    flatten("", entries, &mut flat);
                }
                for (key, cell) in flat {
                    let at = match columns.iter().position(|c| c.name == key) {
                        Some(at) => at,
                        None => {
                            columns.push(Column {
                                name: key,
                                cells: vec![Cell::Empty; rows],
                            });
                            columns.len().saturating_sub(1)
                        }
                    };
                    if let Some(column) = columns.get_mut(at) {
                        column.cells.push(cell);
                    }
                }
                rows = rows.saturating_add(1);
                for column in &mut columns {
                    column.cells.resize(rows, Cell::Empty);
                }
            }
        }
        Value::Object(entries)
            if !entries.is_empty() && entries.iter().all(|(_, v)| matches!(v, Value::List(_))) =>
        {
            rows = entries
                .iter()
                .map(|(_, v)| match v {
                    Value::List(l) => l.len(),
                    _ => 0,
                })
                .max()
                .unwrap_or(0);
            for (key, v) in entries {
                let mut cells: Vec<Cell> = match v {
                    Value::List(items) => items.iter().map(cell).collect(),
                    _ => Vec::new(),
                };
                cells.resize(rows, Cell::Empty);
                columns.push(Column {
                    name: key.clone(),
                    cells,
                });
            }
        }
        other => {
            return Err(NotTable::Shape {
                found: other.describe(),
            })
        }
    }
    let count = columns.len();
    Ok(Table {
        origin: Origin::Json {
            path: String::new(),
        },
        columns,
        row_numbers: (0..rows).collect(),
        column_numbers: (1..=count).collect(),
        title_lines: Vec::new(),
        notes: Vec::new(),
        source: None,
        skipped: Vec::new(),
    })
}

/// A record's entries as cells, nested objects under dotted keys; an
/// `{id, value}` object (as the World Bank writes a country) is its value,
/// its id kept as `key.id`.
fn flatten(prefix: &str, entries: &[(String, Value)], out: &mut Vec<(String, Cell)>) {
    for (key, value) in entries {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            Value::Object(inner) => {
                let id = inner.iter().find(|(k, _)| k == "id");
                let val = inner.iter().find(|(k, _)| k == "value");
                match (id, val) {
                    (Some((_, id)), Some((_, v))) if inner.len() == 2 => {
                        out.push((name.clone(), cell(v)));
                        out.push((format!("{name}.id"), cell(id)));
                    }
                    _ => flatten(&name, inner, out),
                }
            }
            other => out.push((name, cell(other))),
        }
    }
}

fn cell(value: &Value) -> Cell {
    match value {
        Value::Null => Cell::Empty,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) if n.is_finite() => Cell::Number(*n),
        Value::Number(_) => Cell::Empty,
        Value::Text(t) if t.trim().is_empty() => Cell::Empty,
        Value::Text(t) => Cell::Text(t.clone()),
        Value::List(items) => Cell::Text(
            items
                .iter()
                .map(|i| match cell(i) {
                    Cell::Text(t) => t,
                    Cell::Number(n) => heluo::format::group_thousands(n, 6)
                        .trim_end_matches('0')
                        .trim_end_matches('.')
                        .replace(',', ""),
                    Cell::Bool(b) => b.to_string(),
                    _ => String::new(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Value::Object(_) => Cell::Empty,
    }
}
