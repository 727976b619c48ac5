//! Any bytes → the tables they read as → `heluo::dataset::infer::infer`, with
//! no mapping and with mappings that the first bytes choose (per-year rule,
//! shape, charts, a year): a dataset or an error, never a panic. A dataset
//! made is valid format v1 (years rise within 1900–2100, values are finite and below 10¹⁵, a value per metric), its
//! explicit mapping replays to the same dataset, and the summary's words are
//! made in both languages.

#![no_main]

use heluo::dataset::infer::{infer, Chart, Mapping, PerYear, Shape};
use heluo::dataset::table::{read_text, TextTables};
use heluo::text::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (knobs, rest) = bytes.split_at(bytes.len().min(2));
    let text = String::from_utf8_lossy(rest);
    let Ok(TextTables::Tables { tables, .. }) = read_text(&text, false) else {
        return;
    };
    let k = knobs.first().copied().unwrap_or(0);
    let mut chosen = Mapping {
        per_year: [None, Some(PerYear::Mean), Some(PerYear::Sum), Some(PerYear::Last)]
            [usize::from(k & 3)],
        shape: [None, Some(Shape::Long), Some(Shape::Wide), Some(Shape::Transposed), Some(Shape::Records)]
            [usize::from((k >> 2) % 5)],
        ..Mapping::default()
    };
    if k & 0x80 != 0 {
        chosen.charts = Some(vec![Chart::Ranking]);
    }
    if let Some(&y) = knobs.get(1) {
        chosen.year = Some(1900 + i32::from(y));
    }
    for mapping in [Mapping::default(), chosen] {
        let Ok(imported) = infer(&tables, &mapping) else {
            continue;
        };
        let d = &imported.dataset;
        let fine = |v: &Option<f64>| v.is_none_or(|v| v.is_finite() && v.abs() < 1e15);
        if let Some(t) = &d.trend {
            assert!(!t.series.is_empty());
            for s in &t.series {
                assert!(!s.points.is_empty(), "{}", s.name);
                assert!(s.points.windows(2).all(|w| w[0].year < w[1].year), "{}", s.name);
                assert!(s.points.iter().all(|p| (1900..=2100).contains(&p.year)));
                assert!(s.points.iter().all(|p| fine(&p.value)));
            }
        }
        if let Some(r) = &d.ranking {
            assert!(r.default_metric < r.metrics.len());
            assert!(!r.villages.is_empty());
            for v in &r.villages {
                assert_eq!(v.values.len(), r.metrics.len(), "{}", v.name);
                assert!(v.values.iter().all(fine));
            }
        }
        let again = infer(&tables, &imported.mapping)
            .unwrap_or_else(|e| panic!("the explicit mapping does not replay: {e}"));
        assert_eq!(again.dataset, imported.dataset, "replay");
        for lang in [Lang::Zh, Lang::En] {
            let words = imported.summary.words(lang);
            assert!(!words.line.is_empty() || imported.summary.trend.is_none());
            assert!(words.skipped.len() <= heluo::dataset::infer::SKIPPED_SHOWN);
            assert_eq!(words.columns.len(), imported.summary.columns.len());
        }
    }
});
