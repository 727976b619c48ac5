//! JSON that is not format v1 → tables, read with the core's own JSON reader
//! ([`crate::dataset::json::Tape`]; no serde_json in the wasm).
//!
//! The shapes, tried in this order on the top level:
//!
//! | shape | example | table |
//! | --- | --- | --- |
//! | format v1 | `{"trend": …}` / `{"ranking": …}` | none: [`JsonTables::FormatV1`], the caller parses it as today |
//! | JSON-stat | `{"class": "dataset", "id": […], "size": […], "dimension": {…}, "value": […]}` (2.0; 1.0 bundles too) | long: one column per dimension (category labels), then `value` (and `status` when given) |
//! | pandas `orient=table` | `{"schema": {"fields": […]}, "data": [{…}]}` | the fields in order |
//! | split | `{"columns": […], "data"\|"rows": [[…]], "index": […]}` | the columns; the index as a first column `index` unless it is 0, 1, 2, … |
//! | World Bank | `[{"page": 1, …}, [{"country": {"id", "value"}, "date", "value"}]]` | the records of the second element |
//! | columns | `{"year": [2013, …], "rate": [3.12, …]}` | one column per key (shorter ones padded with empty cells) |
//! | keyed maps | `{"洛龙区": {"2013": 3.12, "2019": 0.36}}` | wide: a first column `key` with the outer keys, one column per inner key (pandas `orient=index`); when the inner keys are 0, 1, 2, … (pandas `orient=columns`), the outer keys are the columns |
//! | SDMX CompactData | `{"CompactData": {"DataSet": {"Series": [{"@REF_AREA": "US", "Obs": [{"@TIME_PERIOD": "2019", "@OBS_VALUE": "3.7"}]}]}}}` (the IMF's replies) | long: a row per observation, the series' and the observation's attributes without `@` |
//! | records | `[{…}, …]`, or the largest array of objects under keys up to 3 deep (`{"data": […]}`, `{"result": {"records": […]}}`) | one column per key, in order of first appearance |
//! | rows | `[["year", "rate"], [2013, 3.12]]`, also under a key (`{"values": [[…]]}`) | the first row is the header when it is all text, else columns are named A, B, … |
//! | JSON Lines | one object per line | as records; rows are line numbers |
//!
//! Cells stay raw: a number is [`Cell::Number`], a string [`Cell::Text`] (an
//! empty string [`Cell::Empty`]), `null` [`Cell::Empty`], `true`/`false`
//! [`Cell::Bool`], an array the text of its compact JSON. Nested objects are
//! flattened with dotted keys (`{"a": {"b": 1}}` → `a.b`), except an object
//! with an `id` and a `value` (the World Bank's `{"id": "CN", "value":
//! "China"}`), which gives two columns: `country` (the value) and `country.id`
//! (codes mark aggregates such as `WLD`).

use std::borrow::Cow;

use super::{Cell, Column, Origin, SkipReason, Skipped, Table};
use crate::dataset::json::Json;
use crate::dataset::json::{join, List, Map, ReadError, Tape};
use crate::error::{Error, Result};

/// Which shape a JSON text had.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonShape {
    /// An array of objects (at the root or under a key: [`Origin::Json`]'s path).
    Records,
    /// An array of arrays, the first row the header when it is all text.
    Rows,
    /// `{"columns": […], "data": [[…]]}` (pandas `orient=split`).
    Split,
    /// `{"schema": {"fields": […]}, "data": […]}` (pandas `orient=table`).
    PandasTable,
    /// `{"year": […], "rate": […]}`.
    Columns,
    /// `{"洛龙区": {"2013": 3.12}}`, or pandas `orient=index`/`columns`.
    KeyedMaps,
    /// The World Bank API's `[{page…}, [records]]`.
    WorldBank,
    /// JSON-stat datasets; `time` names the column of the dimension whose
    /// role is time, when the dataset says so.
    JsonStat { time: Option<String> },
    /// One JSON object per line.
    JsonLines,
    /// SDMX 2.0 CompactData as JSON (the IMF's `CompactData` API):
    /// `DataSet.Series[{"@REF_AREA": …, "Obs": [{"@TIME_PERIOD": …,
    /// "@OBS_VALUE": …}]}]`.
    SdmxCompact,
}

/// What a JSON text holds.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonTables {
    /// A Heluo dataset (an object with `trend` or `ranking`): parse it with
    /// [`crate::dataset::parse`] as before.
    FormatV1,
    Tables {
        tables: Vec<Table>,
        shape: JsonShape,
    },
}

/// Keys under which APIs and portals put their records; an array of objects
/// under one of these wins over others (a CKAN reply's `fields`).
const RECORD_KEYS: [&str; 12] = [
    "data",
    "records",
    "rows",
    "items",
    "results",
    "result",
    "values",
    "observations",
    "entries",
    "list",
    "dataset",
    "series",
];

/// How deep under keys an array of records is looked for.
const SEARCH_DEPTH: usize = 3;

/// The most cells a JSON-stat dataset may expand to.
const MAX_JSON_STAT_CELLS: usize = 20_000_000;

/// Reads a JSON text (the caller has seen `{` or `[` first). A syntax error
/// is the JSON reader's, with its line and column; a text that is several
/// JSON values one per line is read as JSON Lines.
pub fn read_json(text: &str) -> Result<JsonTables> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match Tape::read(text) {
        Ok(tape) => shape(&tape),
        Err(ReadError::Syntax { detail, at }) if detail == "trailing characters" => {
            // Lines as JSON Lines splits them: a lone CR ends one too.
            let lines = crate::dataset::parse::line_feeds(Cow::Borrowed(text));
            read_json_lines(&lines).map_err(|e| e.unwrap_or_else(|| read_error(detail, at, text)))
        }
        Err(e) => Err(convert(e, 0, text)),
    }
}

fn read_error(detail: &'static str, at: usize, text: &str) -> Error {
    crate::dataset::parse::syntax_error(detail, at, text)
}

/// A reader error as the core's error; `offset` is where the read text starts in `whole`.
fn convert(e: ReadError, offset: usize, whole: &str) -> Error {
    match e {
        ReadError::Syntax { detail, at } => read_error(detail, offset.saturating_add(at), whole),
        ReadError::DuplicateKey { path, key } => Error::DuplicateKey { path, key },
        ReadError::TooLong => Error::TooLarge {
            bytes: whole.len() as u64,
        },
    }
}

/// JSON Lines: every non-blank line one object. `Err(None)` when the first
/// line is not an object on its own (then the whole text's error stands).
fn read_json_lines(text: &str) -> std::result::Result<JsonTables, Option<Error>> {
    let mut builder = Records::default();
    let mut skipped = Vec::new();
    let mut offset = 0usize;
    let mut first = true;
    for (number, line) in text.split('\n').enumerate() {
        let start = offset;
        offset = offset.saturating_add(line.len()).saturating_add(1);
        let number = number.saturating_add(1);
        if line.trim().is_empty() {
            continue;
        }
        let tape = match Tape::read(line) {
            Ok(tape) => tape,
            Err(_) if first => return Err(None),
            Err(e) => return Err(Some(convert(e, start, text))),
        };
        match tape.root() {
            Json::Object(map) => builder.push(&tape, &map, number),
            _ if first => return Err(None),
            other => skipped.push(Skipped {
                row: number,
                reason: SkipReason::NotARecord {
                    found: describe(&tape, &other),
                },
            }),
        }
        first = false;
    }
    let mut table = builder.finish(Origin::JsonLines);
    table.skipped = skipped;
    Ok(JsonTables::Tables {
        tables: vec![table],
        shape: JsonShape::JsonLines,
    })
}

fn tables(table: Table, shape: JsonShape) -> Result<JsonTables> {
    Ok(JsonTables::Tables {
        tables: vec![table],
        shape,
    })
}

/// Decides the shape of a read text (see the module's table).
fn shape(tape: &Tape) -> Result<JsonTables> {
    match tape.root() {
        Json::Object(map) => {
            if map.get("trend").is_some() || map.get("ranking").is_some() {
                return Ok(JsonTables::FormatV1);
            }
            object_shape(tape, &map)
        }
        Json::Array(list) => {
            if let Some(records) = world_bank(&list) {
                return tables(
                    world_bank_table(records_table(tape, &records, "[1]")),
                    JsonShape::WorldBank,
                );
            }
            if list.iter().any(|item| matches!(item, Json::Object(_))) {
                return tables(records_table(tape, &list, ""), JsonShape::Records);
            }
            if !list.is_empty() && list.iter().all(|item| matches!(item, Json::Array(_))) {
                return tables(rows_table(tape, &list, ""), JsonShape::Rows);
            }
            Err(Error::NotATable {
                found: describe(tape, &Json::Array(list)),
            })
        }
        other => Err(Error::NotATable {
            found: describe(tape, &other),
        }),
    }
}

fn object_shape(tape: &Tape, map: &Map) -> Result<JsonTables> {
    if let Some(table) = sdmx_compact(tape, map) {
        return tables(table, JsonShape::SdmxCompact);
    }
    // JSON-stat: a dataset, or (1.0) a bundle of them under their names.
    if is_json_stat(map) {
        let (table, time) = json_stat(tape, map, "")?;
        return tables(table, JsonShape::JsonStat { time });
    }
    let bundle: Vec<(String, Map)> = map
        .iter()
        .filter_map(|(k, v)| match v {
            Json::Object(m) if is_json_stat(&m) => Some((k.text().into_owned(), m)),
            _ => None,
        })
        .collect();
    if !bundle.is_empty() {
        let mut out = Vec::with_capacity(bundle.len());
        let mut first_time = None;
        for (key, dataset) in &bundle {
            let (table, time) = json_stat(tape, dataset, key)?;
            first_time = first_time.or(time);
            out.push(table);
        }
        return Ok(JsonTables::Tables {
            tables: out,
            shape: JsonShape::JsonStat { time: first_time },
        });
    }
    if let (Some(Json::Object(schema)), Some(Json::Array(data))) =
        (map.get("schema"), map.get("data"))
    {
        if let Some(Json::Array(fields)) = schema.get("fields") {
            return tables(pandas_table(tape, &fields, &data), JsonShape::PandasTable);
        }
    }
    if let Some(Json::Array(columns)) = map.get("columns") {
        let data = map.get("data").or_else(|| map.get("rows"));
        if let Some(Json::Array(data)) = data {
            let index = match map.get("index") {
                Some(Json::Array(index)) => Some(index),
                _ => None,
            };
            let path = if map.get("data").is_some() {
                "data"
            } else {
                "rows"
            };
            return tables(
                split_table(tape, &columns, &data, index, path),
                JsonShape::Split,
            );
        }
    }
    let all = |f: fn(&Json) -> bool| !map.is_empty() && map.iter().all(|(_, v)| f(&v));
    if all(|v| match v {
        Json::Array(items) => items
            .iter()
            .all(|i| !matches!(i, Json::Object(_) | Json::Array(_))),
        _ => false,
    }) {
        return tables(columns_table(tape, map), JsonShape::Columns);
    }
    // The IMF DataMapper API: `{"values": {"NGDP_RPCH": {"USA": {"2019":
    // 2.5, …}, …}}, "api": {…}}`: each indicator's keyed maps a table,
    // titled by its code (the reply's `api` is no country).
    if let Some(Json::Object(values)) = map.get("values") {
        let indicators: Vec<(String, Map)> = values
            .iter()
            .filter_map(|(key, v)| match v {
                Json::Object(inner)
                    if !inner.is_empty()
                        && inner.iter().all(|(_, c)| matches!(c, Json::Object(_))) =>
                {
                    Some((key.text().into_owned(), inner))
                }
                _ => None,
            })
            .collect();
        if !indicators.is_empty() && indicators.len() == values.iter().count() {
            let out = indicators
                .iter()
                .map(|(code, inner)| {
                    let mut table = keyed_table(tape, inner);
                    table.title_lines.push(code.clone());
                    table
                })
                .collect();
            return Ok(JsonTables::Tables {
                tables: out,
                shape: JsonShape::KeyedMaps,
            });
        }
    }
    if all(|v| matches!(v, Json::Object(_))) {
        return tables(keyed_table(tape, map), JsonShape::KeyedMaps);
    }
    nested_array(tape, map)
}

/// SDMX 2.0 CompactData as JSON (the IMF's `CompactData` replies, XML
/// turned into JSON: attributes as `@` keys): a row per observation, the
/// series' attributes (`REF_AREA`, `INDICATOR`, `FREQ`) beside the
/// observation's (`TIME_PERIOD`, `OBS_VALUE`), without the `@`. A lone
/// series or observation is an object rather than an array. Titled by the
/// indicator all series share, else by the data set's id.
fn sdmx_compact(tape: &Tape, map: &Map) -> Option<Table> {
    let Some(Json::Object(message)) = map.get("CompactData") else {
        return None;
    };
    let Some(Json::Object(data_set)) = message.get("DataSet") else {
        return None;
    };
    fn items(value: Option<Json<'_>>) -> Vec<Map<'_>> {
        match value {
            Some(Json::Array(list)) => list
                .iter()
                .filter_map(|i| match i {
                    Json::Object(m) => Some(m),
                    _ => None,
                })
                .collect(),
            Some(Json::Object(one)) => vec![one],
            _ => Vec::new(),
        }
    }
    let series = items(data_set.get("Series"));
    if series.is_empty() {
        return None;
    }
    let mut builder = Records::default();
    let mut indicators: Vec<String> = Vec::new();
    let attributes = |m: &Map, builder: &mut Records, hint: &mut usize| {
        for (key, value) in m.iter() {
            let key = key.text();
            if let Some(name) = key.strip_prefix('@') {
                if !name.starts_with("xmlns") && !matches!(value, Json::Object(_) | Json::Array(_))
                {
                    builder.set(name, hint, cell(tape, &value));
                }
            }
        }
    };
    let mut row = 0usize;
    for one in &series {
        if let Some(Json::String(code)) = one.get("@INDICATOR") {
            let code = code.text().into_owned();
            if !indicators.contains(&code) {
                indicators.push(code);
            }
        }
        for obs in items(one.get("Obs")) {
            let mut hint = 0usize;
            attributes(one, &mut builder, &mut hint);
            attributes(&obs, &mut builder, &mut hint);
            builder.row_numbers.push(row);
            row = row.saturating_add(1);
            let rows = builder.row_numbers.len();
            for column in &mut builder.columns {
                if column.cells.len() < rows {
                    column.cells.push(Cell::Empty);
                }
            }
        }
    }
    if builder.row_numbers.is_empty() {
        return None;
    }
    let mut table = builder.finish(json_origin("CompactData.DataSet.Series"));
    let id = match message.get("Header") {
        Some(Json::Object(h)) => match h.get("DataSetID") {
            Some(Json::String(id)) => Some(id.text().into_owned()),
            _ => None,
        },
        _ => None,
    };
    match indicators.as_slice() {
        [one] => table.title_lines.push(one.clone()),
        _ => table.title_lines.extend(id),
    }
    Some(table)
}

/// An object of none of the known shapes: the table of the array of records
/// (or else of rows) found inside it, up to [`SEARCH_DEPTH`] levels down.
fn nested_array(tape: &Tape, map: &Map) -> Result<JsonTables> {
    let mut found = Vec::new();
    find_arrays(map, "", SEARCH_DEPTH, &mut found);
    // The array under a records-like key wins, then the longest, then the first.
    let rank = |(path, list, _): &(String, List, bool)| {
        let key = path.rsplit(['.', '[']).next().unwrap_or(path);
        let named = RECORD_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k));
        (named, list.len())
    };
    let best = |objects: bool| {
        found.iter().filter(|(_, _, o)| *o == objects).fold(
            None::<&(String, List, bool)>,
            |best, c| match best {
                Some(b) if rank(b) >= rank(c) => Some(b),
                _ => Some(c),
            },
        )
    };
    if let Some((path, list, _)) = best(true) {
        return tables(records_table(tape, list, path), JsonShape::Records);
    }
    if let Some((path, list, _)) = best(false) {
        return tables(rows_table(tape, list, path), JsonShape::Rows);
    }
    Err(Error::NotATable {
        found: describe(tape, &Json::Object(*map)),
    })
}

/// Arrays of objects (`true`) or of arrays (`false`) under `map`, with their paths.
fn find_arrays<'a>(
    map: &Map<'a>,
    path: &str,
    depth: usize,
    found: &mut Vec<(String, List<'a>, bool)>,
) {
    for (key, value) in map.iter() {
        let here = join(path, &key.text());
        match value {
            Json::Array(list) => {
                let first = list.iter().find(|i| !matches!(i, Json::Null));
                match first {
                    Some(Json::Object(_)) => found.push((here, list, true)),
                    Some(Json::Array(_)) => found.push((here, list, false)),
                    _ => {}
                }
            }
            Json::Object(inner) if depth > 1 => {
                find_arrays(&inner, &here, depth.saturating_sub(1), found)
            }
            _ => {}
        }
    }
}

/// The World Bank's records as a person means them: `value` is named by the
/// indicator when the reply holds one (its name carries the unit: "… (% of
/// population)"), and `decimal`, the API's count of decimals to display, is
/// not data (a number column, it would become a metric of its own).
fn world_bank_table(mut table: Table) -> Table {
    let column = |table: &Table, name: &str| table.columns.iter().position(|c| c.name == name);
    let metadata = |c: &Column| {
        c.cells
            .iter()
            .all(|c| matches!(c, Cell::Number(_) | Cell::Empty))
    };
    if let Some(at) = column(&table, "decimal") {
        if table.columns.get(at).is_some_and(metadata) {
            table.columns.remove(at);
            if at < table.column_numbers.len() {
                table.column_numbers.remove(at);
            }
        }
    }
    let indicator = column(&table, "indicator")
        .and_then(|at| table.columns.get(at))
        .and_then(|c| {
            let mut names = c.cells.iter().filter_map(|c| match c {
                Cell::Text(t) if !t.trim().is_empty() => Some(t.trim()),
                _ => None,
            });
            let first = names.next()?;
            names.all(|n| n == first).then(|| first.to_string())
        });
    if let Some(name) = indicator {
        if column(&table, &name).is_none() {
            if let Some(value) = table.columns.iter_mut().find(|c| c.name == "value") {
                value.name = name;
            }
        }
    }
    table
}

/// The World Bank's `[{"page": …, "pages": …}, [records]]`: the records.
fn world_bank<'a>(list: &List<'a>) -> Option<List<'a>> {
    if list.len() != 2 {
        return None;
    }
    let Some(Json::Object(meta)) = list.get(0) else {
        return None;
    };
    meta.get("page")?;
    match list.get(1) {
        Some(Json::Array(records)) => Some(records),
        _ => None,
    }
}

/// A short description of a JSON value for messages ("an array", "the number 3").
pub(crate) fn describe(tape: &Tape, value: &Json) -> String {
    match value {
        Json::Null => "null".into(),
        Json::Bool(b) => format!("the boolean {b}"),
        Json::Number(n) => {
            let raw = tape.number_text(n);
            let raw: String = raw.chars().take(40).collect();
            format!("the number {raw}")
        }
        Json::String(s) => match s.text() {
            s if s.is_empty() => "an empty string".into(),
            s => format!("the string {}", crate::error::quote(&s)),
        },
        Json::Array(a) if a.is_empty() => "an empty array".into(),
        Json::Array(a) => match a.get(0) {
            Some(Json::Object(_)) => "an array of objects".into(),
            Some(Json::Array(_)) => "an array of arrays".into(),
            _ => "an array of values".into(),
        },
        Json::Object(o) if o.is_empty() => "an empty object".into(),
        Json::Object(_) => "an object with no array of records".into(),
    }
}

/// A scalar as a cell; arrays as their compact JSON text (objects are
/// flattened by [`Records`] before this).
fn cell(tape: &Tape, value: &Json) -> Cell {
    match value {
        Json::Null => Cell::Empty,
        Json::Bool(b) => Cell::Bool(*b),
        Json::Number(n) => Cell::Number(n.value),
        Json::String(s) => {
            let text = s.text();
            if text.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(text.into_owned())
            }
        }
        Json::Array(_) | Json::Object(_) => {
            let mut out = String::new();
            compact(tape, value, &mut out);
            Cell::Text(out)
        }
    }
}

/// A value written back as compact JSON.
fn compact(tape: &Tape, value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(tape.number_text(n)),
        Json::String(s) => quote_json(&s.text(), out),
        Json::Array(list) => {
            out.push('[');
            for (i, item) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                compact(tape, &item, out);
            }
            out.push(']');
        }
        Json::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                quote_json(&key.text(), out);
                out.push(':');
                compact(tape, &item, out);
            }
            out.push('}');
        }
    }
}

fn quote_json(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Records read into columns, in order of first appearance of each key.
#[derive(Default)]
struct Records {
    columns: Vec<Column>,
    row_numbers: Vec<usize>,
}

impl Records {
    /// The column named `name`, made (padded for the rows before) if new.
    fn column(&mut self, name: &str, hint: usize) -> usize {
        if self.columns.get(hint).is_some_and(|c| c.name == name) {
            return hint;
        }
        if let Some(at) = self.columns.iter().position(|c| c.name == name) {
            return at;
        }
        let at = self.columns.len();
        let mut cells = Vec::with_capacity(self.row_numbers.len().saturating_add(1));
        cells.resize(self.row_numbers.len(), Cell::Empty);
        self.columns.push(Column {
            name: name.to_string(),
            cells,
        });
        at
    }

    /// Sets a cell of the row being read (the first value for a name wins).
    fn set(&mut self, name: &str, hint: &mut usize, value: Cell) {
        let at = self.column(name, *hint);
        *hint = at.saturating_add(1);
        let row = self.row_numbers.len();
        if let Some(column) = self.columns.get_mut(at) {
            if column.cells.len() == row {
                column.cells.push(value);
            }
        }
    }

    fn push(&mut self, tape: &Tape, record: &Map, row: usize) {
        let mut hint = 0usize;
        self.flatten(tape, record, None, &mut hint);
        self.row_numbers.push(row);
        let rows = self.row_numbers.len();
        for column in &mut self.columns {
            if column.cells.len() < rows {
                column.cells.push(Cell::Empty);
            }
        }
    }

    fn flatten(&mut self, tape: &Tape, record: &Map, prefix: Option<&str>, hint: &mut usize) {
        for (key, value) in record.iter() {
            let key = key.text();
            let name: Cow<str> = match prefix {
                Some(p) => Cow::Owned(format!("{p}.{key}")),
                None => key,
            };
            match value {
                Json::Object(inner) => match (inner.get("id"), inner.get("value")) {
                    // {"id": "CN", "value": "China"}: the value, and the id beside it.
                    (Some(id), Some(shown)) if !matches!(shown, Json::Object(_)) => {
                        self.set(&name, hint, cell(tape, &shown));
                        self.set(&format!("{name}.id"), hint, cell(tape, &id));
                    }
                    _ if inner.is_empty() => self.set(&name, hint, Cell::Empty),
                    _ => self.flatten(tape, &inner, Some(&name), hint),
                },
                other => self.set(&name, hint, cell(tape, &other)),
            }
        }
    }

    fn finish(self, origin: Origin) -> Table {
        let column_numbers = (1..=self.columns.len()).collect();
        Table {
            origin,
            columns: self.columns,
            row_numbers: self.row_numbers,
            column_numbers,
            title_lines: Vec::new(),
            notes: Vec::new(),
            source: None,
            skipped: Vec::new(),
        }
    }
}

fn json_origin(path: &str) -> Origin {
    Origin::Json {
        path: path.to_string(),
    }
}

/// An array of records; items that are not objects are listed as skipped.
fn records_table(tape: &Tape, list: &List, path: &str) -> Table {
    let mut builder = Records::default();
    let mut skipped = Vec::new();
    for (i, item) in list.iter().enumerate() {
        match item {
            Json::Object(map) => builder.push(tape, &map, i),
            other => skipped.push(Skipped {
                row: i,
                reason: SkipReason::NotARecord {
                    found: describe(tape, &other),
                },
            }),
        }
    }
    let mut table = builder.finish(json_origin(path));
    table.skipped = skipped;
    table
}

/// A column's name from a JSON value: a string as is, a MultiIndex level list
/// joined by spaces, anything else its JSON.
fn name_of(tape: &Tape, value: &Json) -> String {
    match value {
        Json::String(s) => s.text().trim().to_string(),
        Json::Array(parts) => parts
            .iter()
            .map(|p| name_of(tape, &p))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        Json::Null => String::new(),
        other => {
            let mut out = String::new();
            compact(tape, other, &mut out);
            out
        }
    }
}

/// Rows of cells by position under `names` (a nameless or missing name is
/// the column's letter); rows that are objects are read by key, anything
/// else is skipped. Row numbers are the index in `rows`; the first `skip`
/// rows (a header) are not read.
fn positional(tape: &Tape, names: Vec<String>, rows: &List, skip: usize, path: &str) -> Table {
    let letter = |n: usize, name: String| {
        if name.is_empty() {
            super::column_letters(n.saturating_add(1))
        } else {
            name
        }
    };
    let mut columns: Vec<Column> = names
        .into_iter()
        .enumerate()
        .map(|(n, name)| Column {
            name: letter(n, name),
            cells: Vec::with_capacity(rows.len()),
        })
        .collect();
    let mut row_numbers = Vec::with_capacity(rows.len());
    let mut skipped = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(skip) {
        let done = row_numbers.len();
        let new_column = |name: String| {
            let mut cells = Vec::with_capacity(rows.len());
            cells.resize(done, Cell::Empty);
            Column { name, cells }
        };
        match row {
            Json::Array(items) => {
                for (n, item) in items.iter().enumerate() {
                    if n >= columns.len() {
                        columns.push(new_column(letter(n, String::new())));
                    }
                    if let Some(column) = columns.get_mut(n) {
                        column.cells.push(cell(tape, &item));
                    }
                }
            }
            Json::Object(map) => {
                for (key, item) in map.iter() {
                    let key = key.text();
                    let at = match columns.iter().position(|c| c.name == key) {
                        Some(at) => at,
                        None => {
                            columns.push(new_column(key.into_owned()));
                            columns.len().saturating_sub(1)
                        }
                    };
                    if let Some(column) = columns.get_mut(at).filter(|c| c.cells.len() == done) {
                        column.cells.push(cell(tape, &item));
                    }
                }
            }
            other => {
                skipped.push(Skipped {
                    row: i,
                    reason: SkipReason::NotARecord {
                        found: describe(tape, &other),
                    },
                });
                continue;
            }
        }
        row_numbers.push(i);
        let rows_now = row_numbers.len();
        for column in &mut columns {
            column.cells.resize(rows_now, Cell::Empty);
        }
    }
    Table {
        origin: json_origin(path),
        column_numbers: (1..=columns.len()).collect(),
        columns,
        row_numbers,
        title_lines: Vec::new(),
        notes: Vec::new(),
        source: None,
        skipped,
    }
}

impl Records {
    fn finish_row(&mut self, row: usize) {
        self.row_numbers.push(row);
        let rows = self.row_numbers.len();
        for column in &mut self.columns {
            if column.cells.len() < rows {
                column.cells.push(Cell::Empty);
            }
        }
    }
}

/// An array of arrays: a header row when the first row is all text.
fn rows_table(tape: &Tape, list: &List, path: &str) -> Table {
    let header = match list.get(0) {
        Some(Json::Array(first))
            if !first.is_empty() && first.iter().all(|c| matches!(c, Json::String(_))) =>
        {
            Some(first.iter().map(|c| name_of(tape, &c)).collect::<Vec<_>>())
        }
        _ => None,
    };
    match header {
        Some(names) => positional(tape, names, list, 1, path),
        None => positional(tape, Vec::new(), list, 0, path),
    }
}

/// Whether an index is pandas' default (0, 1, 2, …), which carries nothing.
fn default_index(cells: &[Cell]) -> bool {
    cells.iter().enumerate().all(|(i, c)| match c {
        Cell::Number(n) => *n == i as f64,
        Cell::Text(t) => t.parse::<usize>().ok() == Some(i),
        _ => false,
    })
}

fn split_table(tape: &Tape, columns: &List, data: &List, index: Option<List>, path: &str) -> Table {
    let names = columns.iter().map(|c| name_of(tape, &c)).collect();
    let mut table = positional(tape, names, data, 0, path);
    if let Some(index) = index {
        let cells: Vec<Cell> = index.iter().map(|c| cell(tape, &c)).collect();
        if cells.len() == table.rows() && !default_index(&cells) {
            table.columns.insert(
                0,
                Column {
                    name: "index".into(),
                    cells,
                },
            );
            table.column_numbers = (1..=table.columns.len()).collect();
        }
    }
    table
}

fn pandas_table(tape: &Tape, fields: &List, data: &List) -> Table {
    let names: Vec<String> = fields
        .iter()
        .map(|f| match f {
            Json::Object(field) => field
                .get("name")
                .map_or(String::new(), |n| name_of(tape, &n)),
            other => name_of(tape, &other),
        })
        .collect();
    let mut table = positional(tape, names, data, 0, "data");
    // pandas writes its default index as a field "index": 0, 1, 2, …
    if let Some(at) = table.columns.iter().position(|c| c.name == "index") {
        if table
            .columns
            .get(at)
            .is_some_and(|c| default_index(&c.cells))
        {
            table.columns.remove(at);
            table.column_numbers = (1..=table.columns.len()).collect();
        }
    }
    table
}

/// One column per key: the items of an array, or the values of an object
/// keyed 0, 1, 2, … (pandas `orient=columns`), in order.
fn columns_table(tape: &Tape, map: &Map) -> Table {
    let mut columns: Vec<Column> = map
        .iter()
        .map(|(key, value)| Column {
            name: key.text().trim().to_string(),
            cells: match value {
                Json::Array(items) => items.iter().map(|i| cell(tape, &i)).collect(),
                Json::Object(inner) => inner.iter().map(|(_, v)| cell(tape, &v)).collect(),
                _ => Vec::new(),
            },
        })
        .collect();
    let rows = columns.iter().map(|c| c.cells.len()).max().unwrap_or(0);
    for column in &mut columns {
        column.cells.resize(rows, Cell::Empty);
    }
    Table {
        origin: json_origin(""),
        column_numbers: (1..=columns.len()).collect(),
        columns,
        row_numbers: (0..rows).collect(),
        title_lines: Vec::new(),
        notes: Vec::new(),
        source: None,
        skipped: Vec::new(),
    }
}

/// `{"洛龙区": {"2013": 3.12}}`: rows are the outer keys (a first column
/// `key`), columns the inner keys; when every inner map is keyed 0, 1, 2, …
/// (pandas `orient=columns`) the outer keys are the columns instead.
fn keyed_table(tape: &Tape, map: &Map) -> Table {
    let inner_default = map.iter().all(|(_, v)| match v {
        Json::Object(inner) => inner
            .iter()
            .enumerate()
            .all(|(i, (k, _))| k.text().parse::<usize>().ok() == Some(i)),
        _ => false,
    });
    if inner_default {
        // Each inner map is a column, its values in order (one pass each).
        return columns_table(tape, map);
    }
    let mut builder = Records::default();
    let outer_default = map
        .iter()
        .enumerate()
        .all(|(i, (k, _))| k.text().parse::<usize>().ok() == Some(i));
    for (i, (key, value)) in map.iter().enumerate() {
        if let Json::Object(inner) = value {
            let mut hint = 0usize;
            if !outer_default {
                builder.set("key", &mut hint, Cell::Text(key.text().into_owned()));
            }
            builder.flatten(tape, &inner, None, &mut hint);
            builder.finish_row(i);
        }
    }
    builder.finish(json_origin(""))
}

/// (index, cell) pairs in index order: as written when they are (the usual
/// case), else put in order by the core's one sort ([`crate::dataset::sort_keyed`]).
fn in_order(values: Vec<(usize, Cell)>) -> Vec<(usize, Cell)> {
    if values.is_sorted_by_key(|(i, _)| *i) {
        return values;
    }
    let mut order: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .map(|(n, (at, _))| (n, *at as f64))
        .collect();
    crate::dataset::sort_keyed(&mut order, false);
    let mut slots: Vec<Option<(usize, Cell)>> = values.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|(n, _)| slots.get_mut(*n).and_then(Option::take))
        .collect()
}

fn is_json_stat(map: &Map) -> bool {
    matches!(map.get("dimension"), Some(Json::Object(_))) && map.get("value").is_some()
}

/// A string's text, or `None` for any other value.
fn text_of(value: Option<Json>) -> Option<String> {
    match value {
        Some(Json::String(s)) => Some(s.text().into_owned()),
        _ => None,
    }
}

/// One dimension of a JSON-stat dataset: its column name and its categories' labels in order.
struct Dimension {
    name: String,
    labels: Vec<String>,
}

fn json_stat_dimension(map: &Map, id: &str, size: usize, path: &str) -> Result<Dimension> {
    let path = join(&join(path, "dimension"), id);
    let Some(Json::Object(dim)) = map.get(id) else {
        return Err(Error::Missing {
            path,
            hint: "each id of a JSON-stat dataset has its dimension",
        });
    };
    let name = text_of(dim.get("label")).unwrap_or_else(|| id.to_string());
    let category = match dim.get("category") {
        Some(Json::Object(c)) => Some(c),
        _ => None,
    };
    let label_map = match category.and_then(|c| c.get("label")) {
        Some(Json::Object(l)) => Some(l),
        _ => None,
    };
    let label = |code: &str| {
        label_map
            .and_then(|l| text_of(l.get(code)))
            .unwrap_or_else(|| code.to_string())
    };
    let codes: Vec<Option<String>> = match category.and_then(|c| c.get("index")) {
        Some(Json::Array(index)) => index.iter().map(|code| text_of(Some(code))).collect(),
        // {"AT": 0, "BE": 1}: each code at its position.
        Some(Json::Object(index)) => {
            let mut codes = vec![None; index.iter().count()];
            for (code, at) in index.iter() {
                let slot = match at {
                    Json::Number(n) if n.value >= 0.0 => codes.get_mut(n.value as usize),
                    _ => None,
                };
                if let Some(slot) = slot {
                    *slot = Some(code.text().into_owned());
                }
            }
            codes
        }
        // No index: a single category, or the labels in the order written.
        _ => label_map
            .map(|l| l.iter().map(|(k, _)| Some(k.text().into_owned())).collect())
            .unwrap_or_default(),
    };
    let found = codes.iter().filter(|c| c.is_some()).count();
    if codes.len() != size || found != size {
        return Err(Error::JsonStatSize {
            path: join(&path, "category"),
            expected: size,
            found,
        });
    }
    let labels = codes.iter().flatten().map(|code| label(code)).collect();
    Ok(Dimension { name, labels })
}

/// A JSON-stat dataset (2.0, or 1.0 with `id`/`size` inside `dimension`)
/// flattened to a long table, and the name of its time column when `role` says.
fn json_stat(tape: &Tape, map: &Map, path: &str) -> Result<(Table, Option<String>)> {
    let Some(Json::Object(dims)) = map.get("dimension") else {
        return Err(Error::Missing {
            path: join(path, "dimension"),
            hint: "a JSON-stat dataset describes its dimensions",
        });
    };
    let (ids, sizes) = json_stat_ids(map, &dims, path)?;
    let dimensions = ids
        .iter()
        .zip(&sizes)
        .map(|(id, &size)| json_stat_dimension(&dims, id, size, path))
        .collect::<Result<Vec<_>>>()?;
    let total = json_stat_total(&sizes, path)?;
    let value_path = join(path, "value");
    let values = json_stat_values(tape, map, total, &value_path)?;
    let status_column = map
        .get("status")
        .map(|status| json_stat_statuses(tape, status, values.iter().map(|(at, _)| *at)));
    let (mut columns, value_column, row_numbers) = json_stat_rows(&dimensions, values);
    columns.push(Column {
        name: json_stat_value_name(map, &dims),
        cells: value_column,
    });
    if let Some(cells) = status_column {
        columns.push(Column {
            name: "status".into(),
            cells,
        });
    }
    let time = json_stat_time(map, dims, &ids, &dimensions);
    let notes = match map.get("note") {
        Some(Json::Array(notes)) => notes.iter().filter_map(|n| text_of(Some(n))).collect(),
        Some(Json::String(s)) => vec![s.text().into_owned()],
        _ => Vec::new(),
    };
    let table = Table {
        origin: json_origin(&value_path),
        column_numbers: (1..=columns.len()).collect(),
        columns,
        row_numbers,
        title_lines: text_of(map.get("label")).into_iter().collect(),
        notes,
        source: text_of(map.get("source")),
        skipped: Vec::new(),
    };
    Ok((table, time))
}

/// A JSON-stat dataset's dimension ids and sizes (at the top in 2.0, inside
/// `dimension` in 1.0), one size an id.
fn json_stat_ids(map: &Map, dims: &Map, path: &str) -> Result<(Vec<String>, Vec<usize>)> {
    let ids_value = map.get("id").or_else(|| dims.get("id"));
    let sizes_value = map.get("size").or_else(|| dims.get("size"));
    let ids: Vec<String> = match ids_value {
        Some(Json::Array(ids)) => ids
            .iter()
            .map(|i| text_of(Some(i)).unwrap_or_default())
            .collect(),
        _ => {
            return Err(Error::Missing {
                path: join(path, "id"),
                hint: "a JSON-stat dataset lists its dimensions' ids",
            })
        }
    };
    let sizes: Vec<usize> = match sizes_value {
        Some(Json::Array(sizes)) => sizes
            .iter()
            .map(|s| match s {
                Json::Number(n) if n.value >= 0.0 => n.value as usize,
                _ => 0,
            })
            .collect(),
        _ => {
            return Err(Error::Missing {
                path: join(path, "size"),
                hint: "a JSON-stat dataset gives each dimension's size",
            })
        }
    };
    if sizes.len() != ids.len() {
        return Err(Error::JsonStatSize {
            path: join(path, "size"),
            expected: ids.len(),
            found: sizes.len(),
        });
    }
    Ok((ids, sizes))
}

/// How many cells the dimensions' sizes make, refused beyond [`MAX_JSON_STAT_CELLS`].
fn json_stat_total(sizes: &[usize], path: &str) -> Result<usize> {
    sizes
        .iter()
        .try_fold(1usize, |acc, &s| acc.checked_mul(s))
        .filter(|&t| t <= MAX_JSON_STAT_CELLS)
        .ok_or_else(|| Error::JsonStatSize {
            path: join(path, "size"),
            expected: MAX_JSON_STAT_CELLS,
            found: usize::MAX,
        })
}

/// A JSON-stat dataset's values as (flat index, cell) in index order: an
/// array of one value a cell, or an object of some cells by index.
fn json_stat_values(
    tape: &Tape,
    map: &Map,
    total: usize,
    value_path: &str,
) -> Result<Vec<(usize, Cell)>> {
    match map.get("value") {
        Some(Json::Array(list)) => {
            if list.len() != total {
                return Err(Error::JsonStatSize {
                    path: value_path.to_string(),
                    expected: total,
                    found: list.len(),
                });
            }
            Ok(list
                .iter()
                .enumerate()
                .map(|(i, v)| (i, cell(tape, &v)))
                .collect())
        }
        Some(Json::Object(sparse)) => {
            let mut values = Vec::new();
            for (key, v) in sparse.iter() {
                let at = key.text().parse::<usize>().ok().filter(|&i| i < total);
                let Some(at) = at else {
                    return Err(Error::Type {
                        path: join(value_path, &key.text()),
                        expected: "a cell index below the product of the sizes",
                        found: crate::error::quote(&key.text()),
                    });
                };
                values.push((at, cell(tape, &v)));
            }
            Ok(in_order(values))
        }
        other => Err(Error::Type {
            path: value_path.to_string(),
            expected: "an array or an object of values",
            found: other.map_or("nothing".into(), |v| describe(tape, &v)),
        }),
    }
}

/// The status of each cell at the flat indices `cells` (in order): an
/// array has one per cell, an object some, a string all.
fn json_stat_statuses(tape: &Tape, status: Json, cells: impl Iterator<Item = usize>) -> Vec<Cell> {
    // Statuses walked beside the values (one pass, not a lookup per cell).
    let statuses: Vec<(usize, Cell)> = match status {
        Json::Array(list) => list.iter().map(|v| cell(tape, &v)).enumerate().collect(),
        Json::Object(m) => in_order(
            m.iter()
                .filter_map(|(k, v)| Some((k.text().parse::<usize>().ok()?, cell(tape, &v))))
                .collect(),
        ),
        _ => Vec::new(),
    };
    let every = match status {
        Json::String(s) => Some(cell(tape, &Json::String(s))),
        _ => None,
    };
    let mut statuses = statuses.into_iter().peekable();
    let status_of = |at: usize| -> Cell {
        if let Some(all) = &every {
            return all.clone();
        }
        while statuses.next_if(|(i, _)| *i < at).is_some() {}
        statuses
            .next_if(|(i, _)| *i == at)
            .map_or(Cell::Empty, |(_, c)| c)
    };
    cells.map(status_of).collect()
}

/// The values as the rows of a long table: a column of each dimension's
/// category labels, the column of values, and each row's flat index.
fn json_stat_rows(
    dimensions: &[Dimension],
    values: Vec<(usize, Cell)>,
) -> (Vec<Column>, Vec<Cell>, Vec<usize>) {
    let mut columns: Vec<Column> = dimensions
        .iter()
        .map(|d| Column {
            name: d.name.clone(),
            cells: Vec::with_capacity(values.len()),
        })
        .collect();
    let mut value_column = Vec::with_capacity(values.len());
    let mut row_numbers = Vec::with_capacity(values.len());
    for (at, value) in values {
        // Row-major: the last dimension varies fastest.
        let mut rest = at;
        for (dimension, column) in dimensions.iter().zip(columns.iter_mut()).rev() {
            let size = dimension.labels.len().max(1);
            let category = rest.checked_rem(size).unwrap_or(0);
            rest = rest.checked_div(size).unwrap_or(0);
            let label = dimension.labels.get(category).cloned().unwrap_or_default();
            column.cells.push(Cell::Text(label));
        }
        value_column.push(value);
        row_numbers.push(at);
    }
    (columns, value_column, row_numbers)
}

/// The name of a JSON-stat dataset's value column: what the dataset calls
/// itself ("Population by sex (thousands)", whose parenthesis the inference
/// reads as the unit), with the unit of its one measure when a dimension
/// gives one (`category.unit: {"x": {"label": "%"}}`); `value` without a label.
fn json_stat_value_name(map: &Map, dims: &Map) -> String {
    let units: Vec<String> = dims
        .iter()
        .filter_map(|(_, d)| match d {
            Json::Object(d) => match d.get("category") {
                Some(Json::Object(c)) => match c.get("unit") {
                    Some(Json::Object(u)) => Some(u),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .flat_map(|u| {
            u.iter()
                .filter_map(|(_, v)| match v {
                    Json::Object(v) => text_of(v.get("label")).or_else(|| text_of(v.get("symbol"))),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let label = text_of(map.get("label")).unwrap_or_else(|| "value".to_string());
    match units.as_slice() {
        [unit] if !label.contains(&format!("({unit})")) => format!("{label} ({unit})"),
        _ => label,
    }
}

/// The column of the dimension `role.time` names (2.0 at the top, 1.0 inside `dimension`).
fn json_stat_time(
    map: &Map,
    dims: Map,
    ids: &[String],
    dimensions: &[Dimension],
) -> Option<String> {
    let role = match map.get("role").or_else(|| dims.get("role")) {
        Some(Json::Object(role)) => role,
        _ => return None,
    };
    let Some(Json::Array(time)) = role.get("time") else {
        return None;
    };
    let id = text_of(time.get(0))?;
    let at = ids.iter().position(|i| *i == id)?;
    dimensions.get(at).map(|d| d.name.clone())
}
