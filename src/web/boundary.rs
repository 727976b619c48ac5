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
/// followed by the field (`action.x`).
pub fn from_js<T: DeserializeOwned>(root: &str, value: JsValue) -> Result<T, JsError> {
    T::deserialize(serde_wasm_bindgen::Deserializer::from(value.clone())).map_err(|err| {
        let words = message(err);
        let at = match culprit::<T>(&value, &words) {
            Some(field) => [root, ".", &field].concat(),
            None => root.to_string(),
        };
        JsError::new(&[&at, ": ", &words].concat())
    })
}

/// The field of the object `value` that `T` failed on with `words`: the one
/// whose removal changes the error. Serde stops at the first wrong field, so
/// with that field gone the error is another one (or none), while without any
/// other field it stays the same. The values crossing the boundary (options,
/// actions) are flat objects, so this is the whole path. It replaced
/// serde_path_to_error, which wraps every deserializer and visitor of every
/// type it sees: 10 KB of the wasm (2.3 KB of the compressed heluo.js) for
/// one level of path. A missing field is no field's fault: the error names
/// it, and the path stays the value's.
fn culprit<T: DeserializeOwned>(value: &JsValue, words: &str) -> Option<String> {
    if words.starts_with("missing field") {
        return None;
    }
    let object = value.dyn_ref::<js_sys::Object>()?;
    js_sys::Object::keys(object).iter().find_map(|key| {
        let without = js_sys::Object::assign(&js_sys::Object::new(), object);
        js_sys::Reflect::delete_property(&without, &key).ok()?;
        let same = match T::deserialize(serde_wasm_bindgen::Deserializer::from(JsValue::from(
            without,
        ))) {
            Ok(_) => false,
            Err(err) => message(err) == words,
        };
        if same {
            None
        } else {
            key.as_string()
        }
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
