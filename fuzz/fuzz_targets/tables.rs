//! Any bytes → `heluo::dataset::table::read_text`, as a file and as a paste:
//! tables or an error, never a panic. Every table is rectangular (each column
//! as long as the row numbers, one column number per column); a delimited
//! table's row numbers rise and stay within the text's lines, and its column
//! numbers rise; an error's message stays one short line.

#![no_main]

use heluo::dataset::table::{read_text, Origin, TextTables};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    // Lines as the reader counts them: LF, CR LF or a lone CR ends one.
    let lines = text.replace("\r\n", "\n").replace('\r', "\n").split('\n').count();
    for pasted in [false, true] {
        match read_text(&text, pasted) {
            Ok(TextTables::Tables { tables, .. }) => {
                for table in &tables {
                    assert_eq!(table.column_numbers.len(), table.columns.len());
                    for column in &table.columns {
                        assert_eq!(column.cells.len(), table.rows(), "column {:?}", column.name);
                    }
                    if matches!(table.origin, Origin::Delimited { .. }) {
                        assert!(table.row_numbers.windows(2).all(|w| w[0] < w[1]));
                        assert!(table.row_numbers.iter().all(|&r| r >= 1 && r <= lines));
                        // Rising; Eurostat's first column, split into its dimensions, shares its number.
                        assert!(table.column_numbers.windows(2).all(|w| w[0] <= w[1]));
                        assert!(table.skipped.iter().all(|s| s.row >= 1 && s.row <= lines));
                    }
                }
            }
            Ok(TextTables::FormatV1) => {}
            Err(e) => {
                let message = e.to_string();
                assert!(message.len() < 2_000, "{message}");
                assert!(!message.contains('\n'), "{message}");
            }
        }
    }
});
