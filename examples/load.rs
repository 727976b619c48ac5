//! Loads files as the page would and prints what was understood:
//! `cargo run --example load -- FILE…` (a quick look at public data).
use heluo::dataset::import::{load, Loaded};
use heluo::text::Lang;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                println!("{path}: {e}");
                continue;
            }
        };
        match load(&bytes, &Default::default()) {
            Ok(Loaded::V1(d)) => println!(
                "{path}: format v1, trend {} ranking {}",
                d.trend.is_some(),
                d.ranking.is_some()
            ),
            Ok(Loaded::Tables(t)) => {
                let d = &t.imported.dataset;
                println!(
                    "{path}: {}\n    title {:?} source {:?} note {:?}\n    trend: {:?}\n    ranking: {:?}\n    skipped {} cells",
                    t.imported.summary.line(Lang::Zh),
                    d.title,
                    d.source,
                    d.note,
                    d.trend.as_ref().map(|t| (t.title.clone(), t.unit.clone(), t.series.len(), t.series.iter().take(3).map(|s| s.name.clone()).collect::<Vec<_>>())),
                    d.ranking.as_ref().map(|r| (r.metrics.iter().map(|m| (m.label.clone(), m.unit.clone())).collect::<Vec<_>>(), r.villages.len(), r.villages.first().map(|v| (v.name.clone(), v.group.as_deref().map(str::to_string))))),
                    t.imported.summary.skipped.len()
                )
            }
            Err(e) => println!("{path}: ERROR {}", e.message(Lang::Zh)),
        }
    }
}
