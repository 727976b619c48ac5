//! Bad input: broken, mis-encoded and mistaken files, each with the exact message
//! a reader sees. The committed corpus is `tests/fixtures/bad/` with its
//! `EXPECTED.tsv`; files too large to commit are generated here.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::rc::Rc;

use heluo::error::MAX_FILE_BYTES;
use heluo::{parse, ChartKind, Error};

use crate::record::RecordingBackend;
use crate::util::{engine, error_bytes};

/// The table of expected messages, kept beside the files it describes.
const EXPECTED: &str = "EXPECTED.tsv";

/// Longest message the corpus may produce: a message is read in a banner, not scrolled.
const MAX_MESSAGE_CHARS: usize = 400;

fn bad_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

/// `(file name, message)` rows of `EXPECTED.tsv`, in file order.
fn expected() -> Vec<(String, String)> {
    let path = bad_dir().join(EXPECTED);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(n, line)| match line.split_once('\t') {
            Some((name, message)) => (name.to_string(), message.to_string()),
            None => panic!("{EXPECTED} line {}: no tab in {line:?}", n + 1),
        })
        .collect()
}

/// The message for bytes that must be refused.
fn message_of(bytes: &[u8]) -> String {
    error_bytes(bytes).to_string()
}

// ---------------------------------------------------------------- the corpus

#[test]
fn every_bad_file_gives_its_exact_message() {
    let rows = expected();
    let mut wrong = Vec::new();
    for (name, want) in &rows {
        let path = bad_dir().join(name);
        let bytes =
            std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        match parse(&bytes) {
            Ok(_) => wrong.push(format!("{name}: parsed, but should say: {want}")),
            Err(e) if e.to_string() != *want => {
                wrong.push(format!("{name}:\n  expected: {want}\n  got:      {e}"))
            }
            Err(_) => {}
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} bad files gave another message:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

/// Chinese messages, one per file of `EXPECTED.tsv`, in the same order.
const EXPECTED_ZH: &str = "EXPECTED.zh.tsv";

/// Every bad file's message in Chinese, pinned word for word like the English
/// ones (`HELUO_BLESS=1 cargo test bad_input` rewrites the table, to be read
/// by a person before it is committed).
#[test]
fn every_bad_file_gives_its_exact_chinese_message() {
    let rows = expected();
    let mut got = Vec::new();
    for (name, _) in &rows {
        let bytes = std::fs::read(bad_dir().join(name)).expect("bad fixture");
        let error = parse(&bytes).expect_err("a bad file parses");
        got.push((name.clone(), error.message(heluo::text::Lang::Zh)));
    }
    let path = bad_dir().join(EXPECTED_ZH);
    if std::env::var_os("HELUO_BLESS").is_some() {
        let mut text = String::from(
            "# The Chinese message of each file in EXPECTED.tsv (tests/suite/bad_input.rs).\n",
        );
        for (name, message) in &got {
            text.push_str(&format!("{name}\t{message}\n"));
        }
        std::fs::write(&path, text).expect("writing the Chinese table");
    }
    let want: Vec<(String, String)> = std::fs::read_to_string(&path)
        .expect("reading EXPECTED.zh.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let wrong: Vec<String> = got
        .iter()
        .zip(want.iter().map(Some).chain(std::iter::repeat(None)))
        .filter(|(g, w)| Some(*g) != *w)
        .map(|(g, w)| {
            format!(
                "{}:\n  expected: {:?}\n  got:      {}",
                g.0,
                w.map(|w| &w.1),
                g.1
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(got.len(), want.len(), "EXPECTED.zh.tsv has other files");
}

/// No Chinese message carries an untranslated English phrase: outside quoted
/// text, paths and code samples, no run of three English words.
#[test]
fn chinese_messages_have_no_english_phrases() {
    for (name, _) in expected() {
        let bytes = std::fs::read(bad_dir().join(&name)).expect("bad fixture");
        let message = parse(&bytes)
            .expect_err("a bad file")
            .message(heluo::text::Lang::Zh);
        // Drop what is data or code: quoted text, {…} and […] samples, `…` spans.
        let mut plain = String::new();
        let mut depth = 0i32;
        let mut quoted = false;
        for c in message.chars() {
            match c {
                '"' => quoted = !quoted,
                '{' | '[' | '`' if !quoted => depth += 1,
                '}' | ']' if !quoted => depth -= 1,
                _ if !quoted && depth <= 0 => plain.push(c),
                _ => {}
            }
        }
        let words: Vec<&str> = plain
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
            .collect();
        let english_run = plain
            .split(|c: char| !(c.is_ascii_alphabetic() || c == ' '))
            .any(|run| run.split_whitespace().filter(|w| w.len() >= 2).count() >= 3);
        assert!(
            !english_run,
            "{name}: English left in {message:?} ({words:?})"
        );
    }
}

#[test]
fn every_bad_file_is_listed_once() {
    let rows = expected();
    let mut listed = BTreeSet::new();
    for (name, _) in &rows {
        assert!(listed.insert(name.clone()), "{name} is listed twice");
    }
    let on_disk: BTreeSet<String> = std::fs::read_dir(bad_dir())
        .expect("bad fixtures directory")
        .map(|entry| {
            let entry = entry.expect("directory entry");
            entry.file_name().to_string_lossy().into_owned()
        })
        .filter(|name| name != EXPECTED && name != EXPECTED_ZH)
        .collect();
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty(),
        "files without a row in {EXPECTED}: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "rows in {EXPECTED} without a file: {missing:?}"
    );
    assert!(rows.len() >= 40, "only {} bad files", rows.len());
}

#[test]
fn corpus_messages_are_short_plain_text() {
    for (name, message) in expected() {
        let chars = message.chars().count();
        assert!(
            chars <= MAX_MESSAGE_CHARS,
            "{name}: {chars} chars: {message}"
        );
        assert!(
            !message.chars().any(|c| c.is_control() || c == '\u{FFFD}'),
            "{name}: control or replacement character in {message:?}"
        );
    }
}

#[test]
fn files_that_are_not_text_are_named_by_kind() {
    let kinds = [
        ("image_png.json", "a PNG image"),
        ("document_pdf.json", "a PDF document"),
        (
            "spreadsheet_xlsx.json",
            "a ZIP archive or an Excel/Word file (.xlsx, .docx)",
        ),
    ];
    for (name, kind) in kinds {
        let bytes = std::fs::read(bad_dir().join(name)).expect("fixture bytes");
        assert_eq!(
            error_bytes(&bytes),
            Error::NotText { guess: kind },
            "{name}"
        );
    }
}

#[test]
fn a_bom_before_valid_json_is_not_an_error() {
    // The corpus has a BOM before invalid JSON; the same BOM before valid JSON parses,
    // so the message there is about the comma, never the BOM.
    let d = crate::util::dataset(b"\xEF\xBB\xBF{\"trend\": [[2013, 3.1]]}");
    assert!(d.trend.is_some());
}

// ---------------------------------------------------------------- generated, too large to commit

#[test]
fn nesting_100000_deep_stops_at_the_recursion_limit_and_says_where() {
    let brackets = "[".repeat(100_000);
    assert_eq!(
        message_of(brackets.as_bytes()),
        "JSON syntax error at line 1, column 128: recursion limit exceeded. The data nests deeper than 128 levels."
    );
    let objects = "{\"a\":".repeat(100_000);
    assert_eq!(
        message_of(objects.as_bytes()),
        "JSON syntax error at line 1, column 636: recursion limit exceeded. The data nests deeper than 128 levels."
    );
    // Inside a dataset, on the third line: the line is counted, and the enclosing
    // object uses one level of the limit.
    let nested = format!("{{\n  \"trend\":\n    {brackets}");
    assert_eq!(
        message_of(nested.as_bytes()),
        "JSON syntax error at line 3, column 131: recursion limit exceeded. The data nests deeper than 128 levels."
    );
}

/// Ten million bytes of one CJK character: 10 MB, and two of them still fit under the limit.
fn ten_mb_name() -> String {
    "王".repeat(10_000_000 / 3 + 1)
}

/// What `quote` shows of [`ten_mb_name`]: its first 40 characters and an ellipsis.
fn quoted_head() -> String {
    format!("\"{}…\"", "王".repeat(40))
}

#[test]
fn a_10_mb_village_name_gives_a_short_message() {
    let name = ten_mb_name();
    assert!(name.len() >= 10_000_000);
    let json = format!(
        r#"{{"ranking": {{"metrics": [{{"key": "income"}}], "villages": [
            {{"name": "{name}", "values": {{"income": 1}}}},
            {{"name": "{name}", "values": {{"income": 2}}}}]}}}}"#
    );
    assert!((json.len() as u64) < MAX_FILE_BYTES);
    assert_eq!(
        message_of(json.as_bytes()),
        format!(
            "ranking.villages[1].name: the village {} appears twice and neither has a \"group\" (first at ranking.villages[0]); merge the two entries or give each its \"group\"",
            quoted_head()
        )
    );
}

#[test]
fn other_10_mb_strings_are_quoted_short_too() {
    let big = ten_mb_name();
    let q = quoted_head();
    let cases = [
        (
            format!("\"{big}\""),
            format!("The file holds the string {q}, but a Heluo dataset is a JSON object such as {{\"trend\": […], \"ranking\": {{…}}}}."),
        ),
        (
            format!(r#"{{"trend": "{big}"}}"#),
            format!("trend: expected an object, found the string {q}"),
        ),
        (
            format!(r#"{{"trend": [["{big}", 1]]}}"#),
            format!("trend[0][0]: expected a year (a whole number), found the string {q}"),
        ),
    ];
    for (json, want) in &cases {
        let got = message_of(json.as_bytes());
        assert_eq!(&got, want);
        assert!(got.chars().count() <= MAX_MESSAGE_CHARS, "{got}");
    }
}

#[test]
fn a_10_mb_metric_key_in_a_path_gives_a_short_message() {
    let big = ten_mb_name();
    let json = format!(
        r#"{{"ranking": {{"metrics": [{{"key": "income"}}], "villages": [{{"name": "王屯村", "values": {{"{big}": 1}}}}]}}}}"#
    );
    let got = message_of(json.as_bytes());
    assert!(
        got.chars().count() <= MAX_MESSAGE_CHARS,
        "{} chars, starting {}",
        got.chars().count(),
        got.chars().take(80).collect::<String>()
    );
}

/// A ranking with `n` metrics `m0`…, one village valued on the last, the default metric.
fn many_metrics(n: usize, village_key: &str) -> String {
    let metrics: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"key": "m{i}", "label": "指标{i}", "unit": "元"}}"#))
        .collect();
    format!(
        r#"{{"ranking": {{"default_metric": "m{last}", "metrics": [{}], "villages": [{{"name": "王屯村", "values": {{"{village_key}": 7}}}}]}}}}"#,
        metrics.join(","),
        last = n - 1
    )
}

#[test]
fn a_100000_metric_ranking_parses_lays_out_and_renders() {
    let json = many_metrics(100_000, "m99999");
    let dataset = Rc::new(crate::util::dataset_str(&json));
    let ranking = dataset.ranking.as_ref().expect("ranking");
    assert_eq!(ranking.metrics.len(), 100_000);
    assert_eq!(ranking.default_metric, 99_999);
    assert_eq!(ranking.villages[0].values[99_999], Some(7.0));
    let chart = engine(dataset.clone(), ChartKind::Ranking);
    let (w, h) = chart.size();
    let mut backend = RecordingBackend::new(w as u32, h as u32);
    let background = Some((w, h, chart.theme().background));
    heluo::render::render(&mut backend, chart.marks(), 1.0, background).expect("render");
    assert_eq!(backend.rects().count(), 2, "the background and one bar");
}

#[test]
fn an_unknown_key_among_100000_metrics_says_what_and_where() {
    let message = message_of(many_metrics(100_000, "nope").as_bytes());
    assert!(
        message.starts_with(
            "ranking.villages[0].values.nope: no metric has the key \"nope\"; declared keys are \"m0\", \"m1\", "
        ),
        "{}",
        message.chars().take(200).collect::<String>()
    );
}

#[test]
fn an_unknown_key_among_100000_metrics_gives_a_short_message() {
    let message = message_of(many_metrics(100_000, "nope").as_bytes());
    assert!(
        message.chars().count() <= MAX_MESSAGE_CHARS,
        "{} chars",
        message.chars().count()
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let over = MAX_FILE_BYTES as usize + 1;
    // Valid JSON throughout: only the size is wrong.
    let mut bytes = b"{\"trend\": [[2013, 3.1]]}".to_vec();
    bytes.resize(over, b' ');
    assert_eq!(error_bytes(&bytes), Error::TooLarge { bytes: over as u64 });
    assert_eq!(
        message_of(&bytes),
        "The file is 256.1 MB; Heluo reads files up to 256 MB. Split the data or remove columns you do not chart."
    );

    let bytes = vec![b'x'; 300 * 1024 * 1024];
    assert_eq!(
        message_of(&bytes),
        "The file is 300.0 MB; Heluo reads files up to 256 MB. Split the data or remove columns you do not chart."
    );

    // Exactly at the limit is read: these spaces are an empty file, not a large one.
    let bytes = vec![b' '; MAX_FILE_BYTES as usize];
    assert_eq!(error_bytes(&bytes), Error::EmptyFile);
}

#[test]
fn a_file_just_over_the_limit_does_not_read_as_within_it() {
    let bytes = vec![b' '; MAX_FILE_BYTES as usize + 1];
    let message = message_of(&bytes);
    assert!(!message.starts_with("The file is 256.0 MB"), "{message}");
}

// ---------------------------------------------------------------- positions

#[test]
fn syntax_error_columns_count_characters() {
    // The trailing comma's closing brace is character 47 of the line (byte 65).
    let text = r#"{"title": "洛龙区脱贫攻坚成效", "trend": [[2013, 3.1]],}"#;
    assert_eq!(text.chars().count(), 47);
    assert_eq!(
        message_of(text.as_bytes()),
        "JSON syntax error at line 1, column 47: trailing comma. Remove the comma before the closing bracket."
    );
    // A file cut inside a Chinese title: it ends after character 16 (byte 26).
    assert_eq!(
        message_of("{\"title\": \"洛龙区脱贫".as_bytes()),
        "JSON syntax error at line 1, column 16: EOF while parsing a string. The file ends before everything opened is closed: it may have been cut short."
    );
}
