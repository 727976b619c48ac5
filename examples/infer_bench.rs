//! Speed of table inference: `cargo run --release --example infer_bench`.
//! Builds tables of 100,000 rows × 5 columns as a CSV reader would give them
//! (every cell text) and times `infer` on each shape. Numbers, not pass/fail.
use std::time::Instant;

use heluo::dataset::infer::{infer, Mapping};
use heluo::dataset::table::{Cell, Column, Origin, Table};

fn table(headers: &[&str], rows: usize, cell: impl Fn(usize, usize) -> String) -> Table {
    let columns = headers
        .iter()
        .enumerate()
        .map(|(c, h)| Column {
            name: h.to_string(),
            cells: (0..rows).map(|r| Cell::Text(cell(r, c))).collect(),
        })
        .collect();
    Table {
        origin: Origin::Delimited {
            delimiter: b',',
            pasted: false,
        },
        columns,
        row_numbers: (2..rows + 2).collect(),
        column_numbers: (1..=headers.len()).collect(),
        title_lines: Vec::new(),
        notes: Vec::new(),
        source: None,
        skipped: Vec::new(),
    }
}

/// This process's CPU time in seconds (Linux; 0 elsewhere): the machine
/// may be shared, and wall time then says more about the neighbours.
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after = s.rsplit_once(')')?.1.to_string();
            let fields: Vec<&str> = after.split_whitespace().collect();
            let user: f64 = fields.get(11)?.parse().ok()?;
            let system: f64 = fields.get(12)?.parse().ok()?;
            Some((user + system) / 100.0)
        })
        .unwrap_or(0.0)
}

fn time(what: &str, t: &Table) {
    let start = Instant::now();
    let cpu_start = cpu();
    let runs = 5;
    let mut line = String::new();
    for _ in 0..runs {
        let i = infer(std::slice::from_ref(t), &Mapping::default()).expect("inferred");
        line = i.summary.line(heluo::text::Lang::En);
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    let cpu_ms = (cpu() - cpu_start) * 1000.0 / runs as f64;
    println!("{what:<48} {ms:>7.0} ms wall {cpu_ms:>6.0} ms cpu   {line}");
}

fn main() {
    let n = 100_000;
    // A village ranking: code, village, town, income "200,000", rate "3.12%".
    let records = table(
        &["代码", "村", "镇", "收入(元)", "贫困发生率"],
        n,
        |r, c| match c {
            0 => format!("{:012}", 410_311_000_000u64 + r as u64),
            1 => format!("村{r}"),
            2 => format!("镇{}", r % 400),
            3 => {
                let v = 50_000 + (r * 7919) % 300_000;
                format!("{},{:03}", v / 1000, v % 1000)
            }
            _ => format!("{}.{:02}%", (r * 31) % 40, r % 100),
        },
    );
    time("records: 100,000 villages × 5 columns", &records);
    // Long form: 5,000 counties × 20 years, region as group.
    let long = table(
        &["country", "region", "year", "life_expect", "pop"],
        n,
        |r, c| match c {
            0 => format!("Country {}", r / 20),
            1 => format!("Region {}", (r / 20) % 7),
            2 => (2000 + r % 20).to_string(),
            3 => format!("{}.{}", 40 + (r * 13) % 45, r % 10),
            _ => ((r * 7919) % 10_000_000).to_string(),
        },
    );
    time("long: 5,000 names × 20 years × 2 values", &long);
    // Wide form: 100,000 dates... one row a year is the rule, so 200 years × 4 series
    // is tiny; instead a wide table of 100,000 rows split by a column (summed).
    let wide = table(&["year", "part", "a", "b", "c"], n, |r, c| match c {
        0 => (1901 + r % 200).to_string(),
        1 => format!("p{}", r / 200),
        _ => format!("{}", (r * (c + 3)) % 1000),
    });
    time("wide: 200 years × 3 series, 500 rows summed each", &wide);
}
