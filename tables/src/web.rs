//! The importer's wasm-bindgen API: `HeluoTables.Import` (see pkg/heluo.d.ts).
//! Values cross as plain JavaScript objects through serde-wasm-bindgen: the
//! mapping (the recipe) in and out, the summary's words out, and an
//! embedder's array of records or object of columns in.

use heluo::dataset::import::{load_tables, load_text, Loaded, TableImport};
use heluo::dataset::infer::Mapping;
use heluo::dataset::table::sheet;
use heluo::dataset::v1::File;
use heluo::error::Error;
use heluo::text::Lang;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::value::{table, NotTable, Value};

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Errors in the reader's language.
fn error(e: Error, lang: &str) -> JsError {
    JsError::new(&e.message(Lang::from_tag(lang)))
}

/// The mapping from JavaScript: `undefined`/`null` infers everything; a wrong
/// field is named ("mapping.value: invalid type: number, expected a string…").
fn mapping(value: JsValue) -> Result<Mapping, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Mapping::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("mapping: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Format v1's whole message for `bytes` in `lang`, or `undefined` when they
/// are a good dataset. The main module (pkg/heluo.js) says only where a file
/// fails, to keep its size: the page asks here for what and how to fix it.
/// The message for a file of `bytes` bytes, over the limit: the page says it
/// before reading a byte (`Heluo.maxFileBytes`), in `lang`.
#[wasm_bindgen(js_name = tooLargeMessage)]
pub fn too_large_message(bytes: f64, lang: &str) -> String {
    Error::TooLarge {
        bytes: bytes.max(0.0) as u64,
    }
    .message(Lang::from_tag(lang))
}

/// Bytes that are not UTF-8 are read as GB18030 when the browser's decoder
/// takes them, as the main module reads them.
#[wasm_bindgen(js_name = formatV1Message)]
pub fn format_v1_message(bytes: &[u8], lang: &str) -> Option<String> {
    let parsed = match heluo::dataset::parse(bytes) {
        Err(
            err @ Error::NotUtf8 {
                truncated: false, ..
            },
        ) => match decode_gb18030(bytes) {
            Some(text) => heluo::dataset::parse(text.as_bytes()),
            None => Err(err),
        },
        other => other,
    };
    parsed.err().map(|e| e.message(Lang::from_tag(lang)))
}

/// `bytes` as GB18030, or `None` where they are not that either.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// A file's tables and what inference made of them. `format` is true when the
/// text is format v1 after all (the page then shows the main module's own
/// message for it).
#[wasm_bindgen]
pub struct Import {
    inner: Option<Box<TableImport>>,
}

#[wasm_bindgen]
impl Import {
    /// Reads decoded text (a file, or a paste when `pasted`).
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(
        text: &str,
        pasted: bool,
        map: JsValue,
        lang: &str,
    ) -> Result<Import, JsError> {
        let mapping = mapping(map)?;
        match load_text(text, pasted, &mapping).map_err(|e| error(e, lang))? {
            Loaded::V1(_) => Ok(Import { inner: None }),
            Loaded::Tables(t) => Ok(Import { inner: Some(t) }),
        }
    }

    /// Reads a workbook's transfer (from `HeluoSheet.read`).
    #[wasm_bindgen(js_name = fromSheet)]
    pub fn from_sheet(transfer: &[u8], map: JsValue, lang: &str) -> Result<Import, JsError> {
        let mapping = mapping(map)?;
        let workbook = sheet::decode(transfer).map_err(|e| error(e, lang))?;
        let mut tables = workbook.tables;
        // The sheet the workbook opens on comes first unless the recipe picks one.
        if mapping.table.is_none() && workbook.active > 0 && workbook.active < tables.len() {
            let active = tables.remove(workbook.active);
            tables.insert(0, active);
        }
        Self::tables(tables, &mapping, lang)
    }

    /// Reads a JavaScript array of records or object of columns.
    #[wasm_bindgen(js_name = fromValue)]
    pub fn from_value(data: JsValue, map: JsValue, lang: &str) -> Result<Import, JsError> {
        let mapping = mapping(map)?;
        let value: Value = serde_wasm_bindgen::from_value(data)
            .map_err(|e| JsError::new(&format!("data: {e}")))?;
        let table = table(&value).map_err(|NotTable::Shape { found }| {
            let zh = Lang::from_tag(lang) == Lang::Zh;
            JsError::new(&if zh {
                format!(
                    "data：应为记录数组（[{{…}}, …]）或按列的对象（{{列名: […]}}），实为{}",
                    Value::describe_zh(found)
                )
            } else {
                format!("data: expected an array of records ([{{…}}, …]) or an object of columns ({{name: […]}}), found {found}")
            })
        })?;
        Self::tables(vec![table], &mapping, lang)
    }

    fn tables(
        tables: Vec<heluo::dataset::table::Table>,
        mapping: &Mapping,
        lang: &str,
    ) -> Result<Import, JsError> {
        match load_tables(tables, mapping).map_err(|e| error(e, lang))? {
            Loaded::V1(_) => Ok(Import { inner: None }),
            Loaded::Tables(t) => Ok(Import { inner: Some(t) }),
        }
    }

    /// True when the text was format v1: nothing to import.
    #[wasm_bindgen(getter, js_name = isFormatV1)]
    pub fn is_format_v1(&self) -> bool {
        self.inner.is_none()
    }

    /// Infers again under a corrected mapping; on error nothing changes.
    pub fn remap(&mut self, map: JsValue, lang: &str) -> Result<(), JsError> {
        let mapping = mapping(map)?;
        match &mut self.inner {
            Some(t) => t.remap(&mapping).map_err(|e| error(e, lang)),
            None => Ok(()),
        }
    }

    /// The dataset as a snapshot for the main module (`Heluo.datasetFromSnapshot`).
    pub fn snapshot(&self) -> Vec<u8> {
        self.inner
            .as_ref()
            .map(|t| heluo::dataset::snapshot::to_bytes(&t.imported.dataset))
            .unwrap_or_default()
    }

    /// What was understood, in `lang`: the one line, the columns and their
    /// roles, the notes and the cells skipped (see the importer's d.ts).
    pub fn summary(&self, lang: &str) -> Result<JsValue, JsError> {
        match &self.inner {
            Some(t) => to_js(&t.imported.summary.words(Lang::from_tag(lang))),
            None => Ok(JsValue::NULL),
        }
    }

    /// The recipe with every decision explicit: replaying it gives the same charts.
    pub fn mapping(&self) -> Result<JsValue, JsError> {
        match &self.inner {
            Some(t) => to_js(&t.imported.mapping),
            None => Ok(JsValue::NULL),
        }
    }

    /// The headers of the table shown, for the correction panel's choices.
    pub fn columns(&self) -> Vec<String> {
        self.inner
            .as_ref()
            .and_then(|t| {
                let index = t.imported.summary.table;
                t.tables.get(index)
            })
            .map(|table| table.columns.iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default()
    }

    /// The dataset as format v1 ("Save as Heluo JSON"), with the recipe under
    /// `"recipe"` so that next year's table replays the same way.
    #[wasm_bindgen(js_name = formatV1)]
    pub fn format_v1(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Saved<'a> {
            #[serde(flatten)]
            file: File,
            recipe: &'a Mapping,
        }
        match &self.inner {
            Some(t) => to_js(&Saved {
                file: File::from_dataset(&t.imported.dataset),
                recipe: &t.imported.mapping,
            }),
            None => Ok(JsValue::NULL),
        }
    }
}
