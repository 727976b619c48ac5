//! Helpers shared by the topic modules.

use std::path::PathBuf;
use std::rc::Rc;

use heluo::layout::Mark;
use heluo::{parse, Dataset, Error};

/// The directory of valid fixture datasets.
pub fn good_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good")
}

/// The bytes of `tests/fixtures/good/<name>`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = good_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The bytes of the sample `www/data/<name>` the page ships.
pub fn sample(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("www/data")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Parses bytes that must be valid, naming the error if they are not.
pub fn dataset(bytes: &[u8]) -> Dataset {
    parse(bytes).unwrap_or_else(|e| panic!("expected a valid dataset, got: {e}"))
}

/// Parses JSON text that must be valid.
pub fn dataset_str(json: &str) -> Dataset {
    dataset(json.as_bytes())
}

/// The error for JSON text that must be refused.
pub fn error(json: &str) -> Error {
    error_bytes(json.as_bytes())
}

/// The error for bytes that must be refused.
pub fn error_bytes(bytes: &[u8]) -> Error {
    match parse(bytes) {
        Ok(d) => panic!("expected an error, parsed: {d:?}"),
        Err(e) => e,
    }
}

/// The user-facing message for JSON text that must be refused.
pub fn message(json: &str) -> String {
    error(json).to_string()
}

/// The Luolong sample (trend with two series and an annotation, ranking of 7).
pub fn luolong() -> Rc<Dataset> {
    Rc::new(dataset(&sample("luolong.json")))
}

/// The national sample (a bare `[year, value]` trend, no ranking).
pub fn national() -> Rc<Dataset> {
    Rc::new(dataset(&sample("national.json")))
}

/// A ranking of `with_value` villages named `村01`, `村02`… whose income is
/// 1,000 × their number, plus `without_value` villages with no income.
pub fn many_villages(with_value: usize, without_value: usize) -> Rc<Dataset> {
    let mut villages: Vec<serde_json::Value> = (1..=with_value)
        .map(|i| {
            serde_json::json!({
                "name": format!("村{i:02}"),
                "group": if i % 2 == 0 { "东镇" } else { "西镇" },
                "values": { "income": 1000 * i, "dividend": 10 * i }
            })
        })
        .collect();
    villages.extend(
        (1..=without_value).map(
            |i| serde_json::json!({ "name": format!("无数村{i}"), "values": { "dividend": 5 } }),
        ),
    );
    let json = serde_json::json!({
        "source": "测试",
        "ranking": {
            "metrics": [
                { "key": "income", "label": "村集体经济收入", "unit": "元" },
                { "key": "dividend", "label": "户均分红", "unit": "元" }
            ],
            "villages": villages
        }
    });
    Rc::new(dataset_str(&json.to_string()))
}

/// The text of every text mark, in drawing order.
pub fn texts(marks: &[Mark]) -> Vec<&str> {
    marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect()
}
