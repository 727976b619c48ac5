//! Speed of the table readers: `cargo run --release --example bench_tables`.
//!
//! 100,000 villages × 5 columns (name, group, year, income, dividend) as CSV,
//! as JSON records, and the same villages as format v1 JSON through
//! `heluo::parse` (the reference the issue sets: CSV within 1.2× of it).
//! Numbers, not pass/fail.

use std::time::Instant;

use heluo::dataset::table::{read_text, TextTables};

const ROWS: usize = 100_000;

fn village(i: usize) -> (String, String, usize, usize, usize) {
    let income = (i * 7919) % 1_000_003;
    (
        format!("村{i}"),
        format!("镇{}", i % 40),
        2013 + i % 7,
        income,
        income / 100,
    )
}

fn csv() -> String {
    let mut out = String::from("村名,所属镇,年份,村集体经济收入（元）,户均分红（元）\n");
    for i in 0..ROWS {
        let (name, group, year, income, dividend) = village(i);
        out.push_str(&format!("{name},{group},{year},{income},{dividend}\n"));
    }
    out
}

fn records() -> String {
    let mut out = String::from("[");
    for i in 0..ROWS {
        let (name, group, year, income, dividend) = village(i);
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            r#"{{"name":"{name}","group":"{group}","year":{year},"income":{income},"dividend":{dividend}}}"#
        ));
    }
    out.push(']');
    out
}

fn format_v1() -> String {
    let mut out = String::from(
        r#"{"ranking":{"metrics":[{"key":"year"},{"key":"income","unit":"元"},{"key":"dividend","unit":"元"}],"villages":["#,
    );
    for i in 0..ROWS {
        let (name, group, year, income, dividend) = village(i);
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            r#"{{"name":"{name}","group":"{group}","values":{{"year":{year},"income":{income},"dividend":{dividend}}}}}"#
        ));
    }
    out.push_str("]}}");
    out
}

/// Milliseconds per run (best of `runs`), and the last result.
fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = f();
    for _ in 0..runs {
        let start = Instant::now();
        out = f();
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    (best, out)
}

fn rows(result: &heluo::Result<TextTables>) -> usize {
    match result {
        Ok(TextTables::Tables { tables, .. }) => tables.iter().map(|t| t.rows()).sum(),
        _ => 0,
    }
}

fn main() {
    let (csv, records, v1) = (csv(), records(), format_v1());
    let (v1_ms, parsed) = time(5, || heluo::parse(v1.as_bytes()));
    let villages = parsed
        .ok()
        .and_then(|d| d.ranking)
        .map_or(0, |r| r.villages.len());
    println!(
        "format v1 JSON, {villages} villages ({} KB): heluo::parse {v1_ms:.1} ms",
        v1.len() / 1024
    );
    let (csv_ms, read) = time(5, || read_text(&csv, false));
    println!(
        "CSV, {} rows × 5 ({} KB): read_text {csv_ms:.1} ms = {:.0} rows/s, {:.2}× the JSON parse",
        rows(&read),
        csv.len() / 1024,
        rows(&read) as f64 / csv_ms * 1000.0,
        csv_ms / v1_ms
    );
    // File to chart: bytes → tables → inferred dataset (the whole import).
    let mapping = heluo::dataset::infer::Mapping::default();
    let (load_ms, loaded) = time(5, || heluo::dataset::import::load(csv.as_bytes(), &mapping));
    println!(
        "CSV file to chart (read + infer): {load_ms:.1} ms, {:.2}× the JSON parse ({})",
        load_ms / v1_ms,
        loaded.map_or_else(
            |e| e.to_string(),
            |l| match l {
                heluo::dataset::import::Loaded::Tables(t) =>
                    t.imported.summary.line(heluo::text::Lang::En),
                heluo::dataset::import::Loaded::V1(_) => "format v1".into(),
            }
        )
    );
    let (json_ms, read) = time(5, || read_text(&records, false));
    println!(
        "JSON records, {} rows × 5 ({} KB): read_text {json_ms:.1} ms = {:.0} rows/s, {:.2}× the JSON parse",
        rows(&read),
        records.len() / 1024,
        rows(&read) as f64 / json_ms * 1000.0,
        json_ms / v1_ms
    );
}
