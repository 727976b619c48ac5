//! The package's TypeScript declarations of what crosses the boundary are
//! generated from the Rust types: `Changed`, `Tooltip`, `Control` and `Table`
//! from their JSON Schemas (schemars, as their values serialize), and the
//! `Action` union from the requests themselves (each type's fields as they
//! serialize, which of them deserializing needs, and which may be null). The
//! generated block sits between two marker lines in scripts/pkg/heluo.d.ts
//! (copied to pkg/ by the build); the rest of that file (the high-level API,
//! `render`, `<heluo-chart>`) is written by hand and type-checked against the
//! README by tests/e2e/types-readme.test.mjs. `HELUO_BLESS=1 cargo test
//! typescript` rewrites the block.

use std::collections::BTreeMap;

use heluo::action::RequestType;
use heluo::Request;
use schemars::generate::{Contract, SchemaSettings};
use serde_json::{Map, Value};

const FILE: &str = "scripts/pkg/heluo.d.ts";
const BEGIN: &str =
    "  // ---- generated from the Rust types by tests/suite/typescript.rs (HELUO_BLESS=1 cargo test typescript); do not edit";
const END: &str = "  // ---- end of the generated declarations";

/// One request of every shape.
fn one_of_each() -> Vec<Request> {
    vec![
        Request::Resize { width: 1.0 },
        Request::Theme {
            theme: "dark".into(),
        },
        Request::Lang { lang: "en".into() },
        Request::Pointer { x: 1.0, y: 2.0 },
        Request::Leave,
        Request::Click { x: 1.0, y: 2.0 },
        Request::Press { x: 1.0, y: 2.0 },
        Request::Release { x: 1.0, y: 2.0 },
        Request::DoubleClick,
        Request::Legend {
            series: Some("a".into()),
            group: None,
        },
        Request::Legend {
            series: None,
            group: Some("b".into()),
        },
        Request::Group {
            group: Some("b".into()),
        },
        Request::Drag { x0: 1.0, x1: 2.0 },
        Request::ZoomTo { x0: 1.0, x1: 2.0 },
        Request::ZoomYears {
            from: 2014.0,
            to: 2017.0,
        },
        Request::ZoomIn,
        Request::ZoomOut,
        Request::ResetZoom,
        Request::Metric { key: "k".into() },
        Request::ToggleOrder,
        Request::ToggleShowAll,
        Request::Pin {
            village: "v".into(),
        },
        Request::Search { text: "t".into() },
        Request::PinSearch { text: "t".into() },
        Request::Highlight { series: "s".into() },
    ]
}

fn reads(value: &Map<String, Value>) -> bool {
    serde_json::from_value::<Request>(Value::Object(value.clone())).is_ok()
}

/// `Action`: one member per shape, the types that share a shape together.
fn action() -> String {
    let mut shapes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for request in one_of_each() {
        let value = serde_json::to_value(&request).expect("a request is JSON");
        let object = value.as_object().expect("an object");
        assert!(reads(object), "{value} reads back");
        let name = object["type"].as_str().expect("a type").to_string();
        let mut fields = Vec::new();
        for (key, v) in object.iter().filter(|(k, _)| *k != "type") {
            let mut without = object.clone();
            without.remove(key);
            let optional = reads(&without);
            let mut nulled = object.clone();
            nulled.insert(key.clone(), Value::Null);
            let ty = match v {
                Value::Number(_) => "number",
                Value::String(_) => "string",
                other => panic!("{name}.{key}: {other} is neither a number nor a string"),
            };
            let ty = if reads(&nulled) {
                format!("{ty} | null")
            } else {
                ty.to_string()
            };
            fields.push(format!("{key}{}: {ty}", if optional { "?" } else { "" }));
        }
        let shape = fields.iter().map(|f| format!("; {f}")).collect::<String>();
        if !shapes.contains_key(&shape) {
            order.push(shape.clone());
        }
        let names = shapes.entry(shape).or_default();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let mut out = String::from("  /** A reader action, naming what it acts on (src/action.rs, Request). */\n  type Action =\n");
    for shape in order {
        let names: Vec<String> = shapes[&shape].iter().map(|n| format!("\"{n}\"")).collect();
        out.push_str(&format!("    | {{ type: {}{shape} }}\n", names.join(" | ")));
    }
    out.pop();
    out.push_str(";\n");
    out
}

/// The TypeScript of a schema (the subset schemars writes for these types).
fn ts(schema: &Value, defs: &Map<String, Value>, indent: &str) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        if name == "Action" {
            return "Action".into();
        }
        return ts(&defs[name], defs, indent);
    }
    if let Some(c) = schema.get("const") {
        return c.to_string();
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        return options
            .iter()
            .map(|o| format!("\n{indent}  | {}", ts(o, defs, &format!("{indent}  "))))
            .collect();
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => panic!("no type in {schema}"),
    };
    let one = |t: &str| match t {
        "string" => "string".to_string(),
        "integer" | "number" => "number".to_string(),
        "boolean" => "boolean".to_string(),
        "null" => "null".to_string(),
        "array" => {
            let item = ts(&schema["items"], defs, indent);
            if item.contains(' ') && !item.starts_with('{') {
                format!("({item})[]")
            } else {
                format!("{item}[]")
            }
        }
        "object" => object(schema, defs),
        other => panic!("type {other}"),
    };
    types.into_iter().map(one).collect::<Vec<_>>().join(" | ")
}

/// An object type on one line: `{ a: T; b?: U }`, in the order serde writes.
fn object(schema: &Value, defs: &Map<String, Value>) -> String {
    let fields: Vec<String> = fields(schema, defs).into_iter().map(|(_, f)| f).collect();
    format!("{{ {} }}", fields.join("; "))
}

/// Each field of an object schema: its name and `name?: Type`.
fn fields(schema: &Value, defs: &Map<String, Value>) -> Vec<(String, String)> {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let properties = schema["properties"].as_object().expect("properties");
    let mut keys: Vec<&String> = properties.keys().collect();
    // `type` first, then the rest in the order `required` lists them (serde's).
    keys.sort_by_key(|k| {
        (
            k.as_str() != "type",
            required.iter().position(|r| r == k).unwrap_or(usize::MAX),
        )
    });
    keys.into_iter()
        .map(|k| {
            let optional = !required.contains(&k.as_str());
            let mut ty = ts(&properties[k], defs, "");
            if optional {
                ty = ty.trim_end_matches(" | null").to_string();
            }
            (
                k.clone(),
                format!("{k}{}: {ty}", if optional { "?" } else { "" }),
            )
        })
        .collect()
}

/// `interface Name { … }` (or `type Name = …` for a union), with the type's
/// first doc paragraph and each field's doc.
fn declaration<T: schemars::JsonSchema>(name: &str) -> String {
    let mut settings = SchemaSettings::draft2020_12();
    settings.contract = Contract::Serialize;
    let root = settings.into_generator().into_root_schema_for::<T>();
    let value = serde_json::to_value(&root).expect("a schema is JSON");
    let defs = value
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut out = String::new();
    if let Some(doc) = value.get("description").and_then(Value::as_str) {
        let first = doc
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .replace('\n', " ");
        out.push_str(&format!("  /** {first} */\n"));
    }
    if value.get("oneOf").is_some() {
        out.push_str(&format!("  type {name} ={};\n", ts(&value, &defs, "  ")));
        return out;
    }
    out.push_str(&format!("  interface {name} {{\n"));
    let properties = value["properties"].as_object().expect("properties");
    for (key, field) in fields(&value, &defs) {
        if let Some(doc) = properties[&key].get("description").and_then(Value::as_str) {
            out.push_str(&format!("    /** {} */\n", doc.replace('\n', " ")));
        }
        out.push_str(&format!("    {field};\n"));
    }
    out.push_str("  }\n");
    out
}

fn generated() -> String {
    [
        action(),
        declaration::<heluo::Changed>("Changed"),
        declaration::<heluo::chart::Tooltip>("Tooltip"),
        declaration::<heluo::chart::Control>("Control"),
        declaration::<heluo::chart::Table>("Table"),
    ]
    .join("\n")
}

#[test]
fn every_action_type_has_a_request_in_the_generator() {
    let requests: Vec<Value> = one_of_each()
        .iter()
        .map(|r| serde_json::to_value(r).expect("json"))
        .collect();
    for name in RequestType::NAMES {
        assert!(
            requests.iter().any(|r| r["type"] == name),
            "{name}: add a request of this type to one_of_each()"
        );
    }
}

#[test]
fn the_committed_declarations_are_generated_from_the_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    let text = std::fs::read_to_string(&path).expect("reading heluo.d.ts");
    let begin = text.find(BEGIN).expect("the begin marker") + BEGIN.len() + 1;
    let end = text.find(END).expect("the end marker");
    let want = generated();
    if std::env::var_os("HELUO_BLESS").is_some() {
        let blessed = format!("{}{want}{}", &text[..begin], &text[end..]);
        std::fs::write(&path, blessed).expect("writing heluo.d.ts");
        return;
    }
    assert!(
        text[begin..end] == want,
        "{FILE} differs from what the Rust types generate: run HELUO_BLESS=1 cargo test typescript and commit it\n--- generated:\n{want}"
    );
}

#[test]
fn generated_types_say_what_crosses() {
    let text = generated();
    // Spot checks of the generator itself, against what the code does.
    assert!(
        text.contains(
            "{ type: \"pointer\" | \"click\" | \"press\" | \"release\"; x: number; y: number }"
        ),
        "{text}"
    );
    assert!(
        text.contains("{ type: \"group\"; group: string | null }"),
        "{text}"
    );
    assert!(text.contains("{ type: \"leave\" | \"doubleClick\" | \"zoomIn\" | \"zoomOut\" | \"resetZoom\" | \"toggleOrder\" | \"toggleShowAll\" }"), "{text}");
    assert!(
        text.contains("numeric: boolean"),
        "a tooltip row says whether its value is a number: {text}"
    );
    assert!(
        text.contains("pressed: boolean | null"),
        "a button's pressed is written even when null: {text}"
    );
    assert!(
        text.contains("color?: string"),
        "a row's colour is left out when none: {text}"
    );
    assert!(text.contains("action: Action"), "{text}");
}
