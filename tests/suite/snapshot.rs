//! Dataset snapshots (`src/dataset/snapshot.rs`), how a dataset parsed in a
//! web worker crosses to the page: every dataset comes back equal, and bytes
//! it did not write (cut, altered, random) give `None`, never a panic.

use heluo::dataset::snapshot::{from_bytes, to_bytes};
use proptest::prelude::*;

use crate::util::{dataset, good_dir, sample};

fn every_good_dataset() -> Vec<heluo::Dataset> {
    let mut out = vec![
        dataset(&sample("luolong.json")),
        dataset(&sample("national.json")),
    ];
    let mut files: Vec<_> = std::fs::read_dir(good_dir())
        .map(|dir| dir.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        if let Ok(d) = heluo::parse(&std::fs::read(&path).unwrap_or_default()) {
            out.push(d);
        }
    }
    out
}

#[test]
fn every_good_dataset_comes_back_equal() {
    let all = every_good_dataset();
    assert!(all.len() > 5, "{} datasets", all.len());
    for d in all {
        assert_eq!(from_bytes(&to_bytes(&d)).as_ref(), Some(&d));
    }
}

#[test]
fn a_snapshot_cut_anywhere_or_with_a_byte_more_is_refused() {
    let d = dataset(&sample("luolong.json"));
    let bytes = to_bytes(&d);
    for cut in 0..bytes.len() {
        assert_eq!(
            from_bytes(bytes.get(..cut).unwrap_or_default()),
            None,
            "cut at {cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(from_bytes(&longer), None);
}

proptest! {
    #[test]
    fn altered_or_random_bytes_never_panic(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        random in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let mut bytes = to_bytes(&dataset(&sample("luolong.json")));
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            if let Some(b) = bytes.get_mut(i) {
                *b = byte;
            }
        }
        // Whatever comes back is a dataset; nothing panics.
        let _ = from_bytes(&bytes);
        let _ = from_bytes(&random);
        let mut prefixed = b"heluo\x00\x00\x01".to_vec();
        prefixed.extend_from_slice(&random);
        let _ = from_bytes(&prefixed);
    }
}
