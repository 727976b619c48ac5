//! Times the reader natively on a workbook: `cargo run --release --example time -- FILE.xlsx [OUT.transfer]`
//! (tests/fixtures/workbooks/generate.py --big writes a 300,000-row one).

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: time FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let start = std::time::Instant::now();
    let book = heluo_sheet::read(&bytes);
    let read = start.elapsed();
    let transfer = heluo_sheet::encode(&book);
    let total = start.elapsed();
    println!(
        "{path}: {} bytes, read {:.0} ms, transfer {} bytes, read+encode {:.0} ms",
        bytes.len(),
        read.as_secs_f64() * 1e3,
        transfer.len(),
        total.as_secs_f64() * 1e3
    );
    if let Some(out) = std::env::args().nth(2) {
        std::fs::write(&out, &transfer).unwrap_or_else(|e| panic!("{out}: {e}"));
    }
}
