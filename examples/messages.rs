//! Prints the message each file gets: `cargo run --example messages -- FILE…`
//! (`HELUO_LANG=zh` for the Chinese one). For reviewing changes to the
//! wording against tests/fixtures/bad/EXPECTED.tsv and EXPECTED.zh.tsv.
fn main() {
    for path in std::env::args().skip(1) {
        let name = std::path::Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match std::fs::read(&path) {
            Ok(bytes) => match heluo::parse(&bytes) {
                Ok(_) => println!("{name}\t(valid)"),
                Err(e) if std::env::var("HELUO_LANG").is_ok_and(|l| l.starts_with("zh")) => {
                    println!("{name}\t{}", e.message(heluo::text::Lang::Zh))
                }
                Err(e) => println!("{name}\t{e}"),
            },
            Err(e) => println!("{name}\t(unreadable: {e})"),
        }
    }
}
