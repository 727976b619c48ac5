//! The hand-written JSON reader (`src/dataset/json.rs`) against serde_json,
//! which it replaced: on any text, the same verdict (a syntax error or not)
//! and, for a syntax error, the same words at the same line and column.
//! The texts are the sample datasets with a few edits at random places: the
//! bytes JSON's grammar turns on, escapes, surrogates, numbers at the edges
//! of their grammar and range, and multi-byte characters (columns count
//! characters, so `洛` before an error moves it).

use proptest::prelude::*;
use proptest::test_runner::Config;

/// What serde_json says about `text`: `None` when it reads, else the start
/// of the message heluo must give (`JSON syntax error at line L, column C: detail`).
fn serde_verdict(text: &str) -> Option<String> {
    let err = serde_json::from_str::<serde_json::Value>(text).err()?;
    let line_text = text
        .split('\n')
        .nth(err.line().saturating_sub(1))
        .unwrap_or("");
    let column = line_text
        .char_indices()
        .take_while(|(i, _)| *i < err.column())
        .count()
        .max(1);
    let full = err.to_string();
    let detail = full
        .get(..full.rfind(" at line ").unwrap_or(full.len()))
        .unwrap_or(&full);
    Some(format!(
        "JSON syntax error at line {}, column {column}: {detail}.",
        err.line()
    ))
}

/// Checks heluo against serde_json on one text (which the early checks, BOM,
/// binary signatures, emptiness and lone CRs, leave to the JSON reader).
fn agree(text: &str) -> Result<(), String> {
    let ours = heluo::parse(text.as_bytes()).err().map(|e| e.to_string());
    let theirs = serde_verdict(text);
    match (&ours, &theirs) {
        (Some(message), Some(expected)) if message.starts_with(expected.as_str()) => Ok(()),
        (Some(message), None) if !message.starts_with("JSON syntax error") => Ok(()),
        (None, None) => Ok(()),
        _ => Err(format!(
            "text {text:?}\n  heluo:      {ours:?}\n  serde_json: {theirs:?}"
        )),
    }
}

const PIECES: &[&str] = &[
    ",",
    "]",
    "}",
    "[",
    "{",
    "\"",
    ":",
    "\\",
    "\\u",
    "\\uD800",
    "\\uDC00",
    "\\uD83D\\uDE00",
    "\\uD800\\u0041",
    "\\x",
    "1e400",
    "-1e400",
    "1e-400",
    "-",
    "0",
    "01",
    "-0",
    ".",
    "1.",
    "e",
    "1e",
    "1e+",
    "tru",
    "nul",
    "null",
    "true",
    " ",
    "\n",
    "\t",
    "\u{1}",
    "洛",
    "\u{feff}",
    "18446744073709551617",
    "999999999999999.9",
    "0.1e1",
    "\"a\":1,\"a\":2",
    "[[[[",
    "]]]]",
];

fn base_texts() -> Vec<String> {
    let mut texts = vec![
        include_str!("../../www/data/luolong.json").replace('\r', ""),
        r#"{"trend":[[2013,3.12],[2019,0.36]],"title":"洛龙区 \u0041\ud83d\ude00"}"#.to_string(),
        r#"{"ranking":{"metrics":[{"key":"income"}],"villages":[{"name":"王屯村","values":{"income":-1.5e3}}]}}"#.to_string(),
    ];
    texts.retain(|t| !t.is_empty());
    texts
}

/// A text with up to four edits: a piece inserted, or a run of characters
/// deleted, at a character boundary.
fn edited() -> impl Strategy<Value = String> {
    let bases = base_texts();
    let edits = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            0..PIECES.len(),
            0usize..4,
            any::<bool>(),
        ),
        1..5,
    );
    (0..bases.len(), edits).prop_map(move |(b, edits)| {
        let mut text: Vec<char> = bases
            .get(b)
            .map(|t| t.chars().collect())
            .unwrap_or_default();
        for (at, piece, delete, insert) in edits {
            let i = at.index(text.len().max(1)).min(text.len());
            if insert {
                let piece: Vec<char> = PIECES.get(piece).unwrap_or(&"").chars().collect();
                text.splice(i..i, piece);
            } else {
                let end = (i + delete + 1).min(text.len());
                text.drain(i..end);
            }
        }
        text.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(Config { cases: 3_000, ..Config::default() })]

    #[test]
    fn edited_samples_get_serde_jsons_verdict(text in edited()) {
        // The early checks answer these before any JSON is read.
        prop_assume!(!text.trim().is_empty() && !text.starts_with('\u{feff}'));
        prop_assert!(agree(&text).is_ok(), "{}", agree(&text).err().unwrap_or_default());
    }
}

#[test]
fn every_piece_alone_and_in_a_value_gets_serde_jsons_verdict() {
    for piece in PIECES {
        for text in [
            piece.to_string(),
            format!("[{piece}]"),
            format!("{{\"a\":{piece}}}"),
            format!("\"{piece}\""),
            format!("{{{piece}}}"),
            format!("[1{piece}"),
            format!("{{\"a\"{piece}"),
        ] {
            if text.trim().is_empty() || text.starts_with('\u{feff}') {
                continue;
            }
            if let Err(e) = agree(&text) {
                panic!("{e}");
            }
        }
    }
}

#[test]
fn nesting_at_and_past_the_limit_gets_serde_jsons_verdict() {
    for depth in [126, 127, 128, 129, 200] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            if let Err(e) = agree(&text) {
                panic!("depth {depth}: {e}");
            }
        }
    }
}

#[test]
fn escapes_read_as_serde_json_reads_them() {
    for written in [
        r#""\u0041\ud83d\ude00 \u6d1b\u9f99\/\"\\ \uDBC0\uDC00""#,
        r#""plain 洛龙区""#,
        r#""tab\tand\\n""#,
        r#""\u00e9\u0301 caf\u00E9""#,
    ] {
        let text = format!(r#"{{"title": {written}, "trend": [[2013, 1]]}}"#);
        let ours = heluo::parse(text.as_bytes()).map(|d| d.title);
        let theirs: String = serde_json::from_str(written).unwrap_or_default();
        // Tabs become spaces on load (text rule 1).
        assert_eq!(ours, Ok(Some(theirs.replace('\t', " "))), "{written}");
    }
}

#[test]
fn numbers_at_the_edge_of_f64_get_serde_jsons_verdict() {
    for n in [
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.797693134862316e308",
        "17976931348623157e292",
        "0.00017976931348623157e312",
        "1.8e308",
        "4.9e-324",
        "2.2250738585072014e-308",
        "123456789012345678901234567890",
        "0.1234567890123456789012345",
    ] {
        if let Err(e) = agree(&format!("[{n}]")) {
            panic!("{e}");
        }
    }
}

/// Numbers as datasets write them (a sign, up to 15 digits, up to 22 of them
/// after the point, leading zeros) read as the correctly rounded value,
/// which the reader's one-pass arithmetic gives for every such number.
#[test]
fn numbers_of_up_to_15_digits_read_correctly_rounded() {
    let value_of = |written: &str| {
        let text = format!(
            r#"{{"trend": {{"series": [{{"name": "a", "points": [[2013, {written}]]}}]}}}}"#
        );
        let dataset = heluo::parse(text.as_bytes()).map_err(|e| format!("{written}: {e}"))?;
        dataset
            .trend
            .and_then(|t| {
                t.series
                    .first()
                    .and_then(|s| s.points.first().and_then(|p| p.value))
            })
            .ok_or_else(|| format!("{written}: no value"))
    };
    let mut runner = proptest::test_runner::TestRunner::new(Config::with_cases(2000));
    runner
        .run(
            &(
                any::<bool>(),
                0u64..1_000_000_000_000,
                0usize..=14,
                0usize..=3,
            ),
            |(negative, digits, decimals, zeros)| {
                // `digits` with `decimals` of them after the point, and
                // `zeros` more zeros in front of those.
                let mut text = format!("{digits:0>width$}", width = decimals + 1);
                let point = text.len() - decimals;
                if decimals > 0 {
                    text.insert(point, '.');
                    text.insert_str(point + 1, &"0".repeat(zeros));
                }
                let written = if negative { format!("-{text}") } else { text };
                let expected: f64 = written
                    .parse()
                    .map_err(|e| TestCaseError::fail(format!("{e}")))?;
                let ours = value_of(&written).map_err(TestCaseError::fail)?;
                prop_assert_eq!(ours.to_bits(), expected.to_bits(), "{}", written);
                Ok(())
            },
        )
        .unwrap();
}
