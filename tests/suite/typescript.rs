//! The package's TypeScript declarations (scripts/pkg/heluo.d.ts, copied to
//! pkg/ by the build) against the Rust types that cross the boundary: every
//! field those types serialize, and every action type, is declared, so the
//! declarations cannot drift from the code unnoticed. (The declarations are
//! still written by hand; generating them is issue 16's step 3.)

use heluo::action::RequestType;
use heluo::{ChartKind, Request};
use serde_json::Value;

use crate::util::{engine, luolong};

fn declarations() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/pkg/heluo.d.ts"
    ))
    .expect("scripts/pkg/heluo.d.ts")
}

/// The text of a declaration, from `start` to the next blank line.
fn block<'a>(text: &'a str, start: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} is declared"));
    let rest = &text[from..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

/// Every key of `value`'s objects, at any depth.
fn keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                keys(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

fn declared(block: &str, key: &str) -> bool {
    block.contains(&format!("{key}:")) || block.contains(&format!("{key}?:"))
}

/// One request of every type.
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
        Request::Legend {
            series: Some("a".into()),
            group: None,
        },
        Request::Legend {
            series: None,
            group: Some("b".into()),
        },
        Request::Group { group: None },
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

#[test]
fn every_action_type_and_its_fields_are_declared() {
    let text = declarations();
    let union = block(&text, "type Action =");
    let requests = one_of_each();
    for name in RequestType::NAMES {
        assert!(
            requests
                .iter()
                .any(|r| serde_json::to_value(r).expect("json")["type"] == name),
            "{name}: no request of this type in the test"
        );
    }
    for request in requests {
        let value = serde_json::to_value(&request).expect("json");
        let name = value["type"].as_str().expect("a type");
        // The union member that names the type declares its fields.
        let member = union
            .lines()
            .find(|line| {
                line.contains(&format!("\"{name}\""))
                    && value
                        .as_object()
                        .expect("an object")
                        .keys()
                        .all(|k| declared(line, k))
            })
            .unwrap_or_else(|| panic!("{value} is not declared in heluo.d.ts's Action"));
        assert!(member.contains("type:"), "{member}");
    }
}

#[test]
fn what_the_view_hands_out_is_declared() {
    let text = declarations();
    let changed = serde_json::to_value(heluo::Changed::VIEW).expect("json");
    let mut names = Vec::new();
    keys(&changed, &mut names);
    assert_eq!(names.len(), 8, "{names:?}");
    let declared_changed = block(&text, "interface Changed");
    for k in &names {
        assert!(declared(declared_changed, k), "Changed.{k} is not declared");
    }
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        let mut e = engine(luolong(), kind);
        e.apply(heluo::Action::Key(heluo::engine::Key::First))
            .expect("a key");
        let tooltip = serde_json::to_value(e.tooltip().expect("a tooltip")).expect("json");
        let table = serde_json::to_value(e.table()).expect("json");
        let controls = serde_json::to_value(e.controls()).expect("json");
        for (value, start) in [
            (tooltip, "interface Tooltip"),
            (table, "interface Table"),
            (controls, "type Control ="),
        ] {
            let mut names = Vec::new();
            keys(&value, &mut names);
            let decl = block(&text, start);
            for k in names {
                // An action inside a control is declared as `Action`.
                if matches!(k.as_str(), "series" | "group" | "key" | "village") {
                    continue;
                }
                assert!(
                    declared(decl, &k),
                    "{kind:?}: {k} is not declared in {start}"
                );
            }
        }
    }
}
