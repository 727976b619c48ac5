//! JSON text → [`Json`], a tree that refuses duplicate keys.
//!
//! serde_json reads the text (so a syntax error names its line and column), but
//! into this tree rather than `serde_json::Value`, through a `DeserializeSeed`
//! that carries the JSON path down: when an object holds the same key twice,
//! the first such key is reported with its path once the text is read (a
//! syntax error anywhere is reported first). `serde_json::Value` keeps the last
//! value silently (`"income": 1, "income": 999999` would chart 999,999), and
//! reading into it and checking afterwards is impossible, since the first
//! value is gone by then. The tree and its seed cost about 0.4 KB of wasm more
//! than `Value` did.
//!
//! Numbers are kept as `f64` with their position among the file's numbers, so a
//! message can quote the number as it was written (`18446744073709551617`, not
//! `1.8446744073709552e19`) by finding it again in the text: no arbitrary
//! precision and no float printer in the wasm.

use std::cell::{Cell, RefCell};
use std::collections::btree_map::{BTreeMap, Entry};
use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::text::needs_code_point;
use crate::error::quote;

/// A JSON value. Objects are ordered by key, as `serde_json::Value`'s are.
#[derive(Debug)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

/// A number as read, and which number of the file it is (0 for the first).
#[derive(Debug, Clone, Copy)]
pub struct Number {
    pub value: f64,
    pub nth: u32,
}

/// What stopped a reading.
pub enum ReadError {
    Syntax(serde_json::Error),
    /// The path of the second occurrence, and the key.
    DuplicateKey {
        path: String,
        key: String,
    },
}

/// Reads `text` (one JSON value, serde_json's recursion limit of 128 applies).
pub fn read(text: &str) -> Result<Json, ReadError> {
    let state = State {
        numbers: Cell::new(0),
        duplicate: RefCell::new(None),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Seed {
        state: &state,
        at: &Step::Root,
    }
    .deserialize(&mut de)
    .and_then(|value| de.end().map(|()| value));
    // A syntax error anywhere wins: it is what the reader must fix first, and
    // its line and column are exact.
    match (result, state.duplicate.into_inner()) {
        (Err(e), _) => Err(ReadError::Syntax(e)),
        (Ok(_), Some((path, key))) => Err(ReadError::DuplicateKey { path, key }),
        (Ok(value), None) => Ok(value),
    }
}

/// The text of the `nth` number in `text`, as written. `text` is valid JSON
/// (it was read), so a number is any run of number characters that starts with
/// `-` or a digit outside a string.
pub fn number_text(text: &str, nth: u32) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut count = 0u32;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                // Skip the string, escapes included.
                i = i.saturating_add(1);
                while let Some(&s) = bytes.get(i) {
                    i = i.saturating_add(if s == b'\\' { 2 } else { 1 });
                    if s == b'"' {
                        break;
                    }
                }
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|c| matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                {
                    i = i.saturating_add(1);
                }
                if count == nth {
                    return text.get(start..i);
                }
                count = count.saturating_add(1);
            }
            _ => i = i.saturating_add(1),
        }
    }
    None
}

/// Shared by every seed of one reading.
struct State {
    numbers: Cell<u32>,
    duplicate: RefCell<Option<(String, String)>>,
}

/// Where a value sits, as a chain up to the root; turned into a path string
/// only when a duplicate is found.
enum Step<'a> {
    Root,
    Key(&'a str, &'a Step<'a>),
    Index(usize, &'a Step<'a>),
}

impl Step<'_> {
    fn path(&self) -> String {
        match self {
            Step::Root => String::new(),
            Step::Key(key, parent) => join(&parent.path(), key),
            Step::Index(i, parent) => index(&parent.path(), *i),
        }
    }
}

/// `path.key`. A key a reader could misread (empty, with spaces or invisible
/// characters, or with `.`, `[`, `]`, `"`) is written quoted: `values[" income "]`.
/// A key longer than 40 characters is cut, so a path never repeats a huge key.
pub fn join(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && !key
            .chars()
            .any(|c| c == ' ' || matches!(c, '.' | '[' | ']' | '"') || needs_code_point(c));
    if !plain {
        return format!("{path}[{}]", quote(key));
    }
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

/// `path[i]`.
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

struct Seed<'a> {
    state: &'a State,
    at: &'a Step<'a>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Json;

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<Json, D::Error> {
        de.deserialize_any(self)
    }
}

impl Seed<'_> {
    fn number(&self, value: f64) -> Json {
        let nth = self.state.numbers.get();
        self.state.numbers.set(nth.saturating_add(1));
        Json::Number(Number { value, nth })
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(self.number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(self.number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
        Ok(self.number(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Seed {
            state: self.state,
            at: &Step::Index(items.len(), self.at),
        })? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match out.entry(key) {
                Entry::Vacant(slot) => {
                    let value = map.next_value_seed(Seed {
                        state: self.state,
                        at: &Step::Key(slot.key(), self.at),
                    })?;
                    slot.insert(value);
                }
                Entry::Occupied(slot) => {
                    // Noted, and the reading goes on: a serde error here would
                    // bring serde_json's message parser into the wasm (1 KB).
                    // The value is read (for syntax errors after it) and dropped.
                    let key = slot.key();
                    let step = Step::Key(key, self.at);
                    map.next_value_seed(Seed {
                        state: self.state,
                        at: &step,
                    })?;
                    let mut duplicate = self.state.duplicate.borrow_mut();
                    if duplicate.is_none() {
                        *duplicate = Some((step.path(), key.clone()));
                    }
                }
            }
        }
        Ok(Json::Object(out))
    }
}
