//! Values across the JavaScript boundary: plain JS objects in and out as the
//! core's serde types, through serde-wasm-bindgen. Every value that enters
//! goes through [`from_js`], whose errors name the wrong field by its path
//! (`options.top: invalid type: string "x", expected usize`), so a caller's
//! mistake is an `Error` they can read, never a trap.
//!
//! To take a new kind of value from JavaScript: derive `Deserialize` on a Rust
//! type (camelCase fields, `#[serde(tag = "type")]` for a choice of shapes)
//! and call `from_js::<T>("name", value)`; to hand one back, derive
//! `Serialize` and call [`to_js`].

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsError, JsValue};

/// `value` as a `T`, or an error that starts with where in `value` it went
/// wrong: `root` (what the caller calls the value: "options", "action")
/// followed by the field path.
pub fn from_js<T: DeserializeOwned>(root: &str, value: JsValue) -> Result<T, JsError> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let at = if path == "." {
            root.to_string()
        } else {
            [root, ".", &path].concat()
        };
        JsError::new(&[&at, ": ", &message(err.into_inner())].concat())
    })
}

/// `value` as a plain JS value (objects, arrays, strings, numbers; `None` is
/// `undefined`).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(|err| JsError::new(&message(err)))
}

/// The words of a serde-wasm-bindgen error (a JS `Error`), without the
/// "Error: " its `toString` starts with.
fn message(err: serde_wasm_bindgen::Error) -> String {
    JsValue::from(err)
        .unchecked_into::<js_sys::Error>()
        .message()
        .into()
}
