//! The workbook reader on the fixtures of tests/fixtures/workbooks/ (written by
//! its generate.py), and the transfers the root crate's tests decode.

use heluo_sheet::transfer::{self, Failure, Merge, Value, Visibility, Workbook};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../tests/fixtures/workbooks/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn book(name: &str) -> Workbook {
    heluo_sheet::read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}

/// The cell at a 1-based sheet row and a column letter's number, as Excel names it.
fn at(book: &Workbook, sheet: usize, row: u32, col: u32) -> Value {
    let s = &book.sheets[sheet];
    let (r, c) = (row - 1 - s.first_row, col - 1 - s.first_col);
    s.cells[(r * s.width + c) as usize].clone()
}

#[test]
fn a_note_sheet_first_and_the_data_at_b3_keep_their_places() {
    let book = book("note-then-data.xlsx");
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["说明", "数据"]);
    // The workbook opens on its note: that is what it says, the main crate
    // then shows the first sheet with a table.
    assert_eq!(book.active, 0);
    assert!(!book.date_1904);
    let data = &book.sheets[1];
    // The used range starts at B1 (the title), so column B is column 1 (0-based).
    assert_eq!(
        (data.first_row, data.first_col, data.height, data.width),
        (0, 1, 10, 3)
    );
    assert_eq!(at(&book, 1, 1, 2), text("某县农村贫困发生率"));
    assert_eq!(at(&book, 1, 3, 2), text("年份"));
    assert_eq!(at(&book, 1, 3, 4), text("全国"));
    assert_eq!(at(&book, 1, 4, 2), Value::Number(2013.0));
    assert_eq!(at(&book, 1, 4, 3), Value::Number(3.12));
    assert_eq!(at(&book, 1, 2, 2), Value::Empty);
    assert_eq!(at(&book, 1, 10, 2), text("数据来源：国家统计局"));
}

#[test]
fn dates_are_serial_days_and_errors_booleans_and_blanks_are_typed() {
    let book = book("dates.xlsx");
    // 2013-01-01 is day 41275 of the 1900 system.
    assert_eq!(at(&book, 0, 2, 1), Value::Date(41275.0));
    assert_eq!(at(&book, 0, 3, 1), Value::Date(41455.5));
    // 1900-03-01: after Excel's phantom 1900-02-29, day 61.
    assert_eq!(at(&book, 0, 4, 1), Value::Date(61.0));
    assert_eq!(at(&book, 0, 3, 2), Value::Error("#N/A".into()));
    assert_eq!(at(&book, 0, 4, 2), Value::Empty);
    assert_eq!(at(&book, 0, 2, 3), Value::Bool(true));
    assert_eq!(at(&book, 0, 3, 3), Value::Bool(false));
}

#[test]
fn a_1904_workbook_is_shifted_to_the_1900_system() {
    let book = book("date-1904.xlsx");
    assert!(book.date_1904);
    assert_eq!(at(&book, 0, 2, 1), Value::Date(41275.0));
    // 2019-12-31.
    assert_eq!(at(&book, 0, 3, 1), Value::Date(43830.0));
    // Plain numbers are not dates and are not shifted.
    assert_eq!(at(&book, 0, 2, 2), Value::Number(1.0));
}

#[test]
fn merged_ranges_are_reported_with_their_value_in_the_first_cell() {
    let book = book("merged.xlsx");
    let mut merges = book.sheets[0].merges.clone();
    merges.sort_by_key(|m| (m.first_row, m.first_col));
    let m = |first_row, first_col, last_row, last_col| Merge {
        first_row,
        first_col,
        last_row,
        last_col,
    };
    assert_eq!(merges, [m(0, 0, 0, 3), m(1, 2, 1, 3), m(2, 0, 3, 0)]);
    assert_eq!(at(&book, 0, 2, 3), text("发生率(%)"));
    assert_eq!(at(&book, 0, 2, 4), Value::Empty);
}

#[test]
fn numbers_stored_as_text_stay_text() {
    let book = book("text-numbers.xlsx");
    assert_eq!(at(&book, 0, 2, 1), text("01"));
    assert_eq!(at(&book, 0, 2, 3), text("205,000"));
    assert_eq!(at(&book, 0, 3, 3), text("3.12"));
    assert_eq!(at(&book, 0, 4, 3), Value::Number(1200.0));
}

#[test]
fn an_ods_is_read_with_its_iso_dates_as_serials() {
    let book = book("villages.ods");
    assert_eq!(book.sheets[0].name, "村");
    assert_eq!(at(&book, 0, 2, 2), Value::Date(41275.0));
    assert_eq!(at(&book, 0, 3, 2), Value::Date(43646.5));
    assert_eq!(at(&book, 0, 2, 3), Value::Number(12000.0));
    assert_eq!(at(&book, 0, 3, 3), text("3.12"));
}

#[test]
fn an_empty_workbook_reads_as_sheets_without_cells() {
    let book = book("empty.xlsx");
    assert_eq!(book.sheets.len(), 2);
    assert!(book
        .sheets
        .iter()
        .all(|s| s.height == 0 && s.cells.is_empty()));
    assert_eq!(book.sheets[0].visibility, Visibility::Visible);
}

#[test]
fn encrypted_corrupt_and_foreign_files_are_failures_not_traps() {
    assert_eq!(
        heluo_sheet::read(&fixture("encrypted.xlsx")),
        Err(Failure::Encrypted)
    );
    assert!(matches!(
        heluo_sheet::read(&fixture("corrupt.xlsx")),
        Err(Failure::Corrupt(_))
    ));
    assert!(matches!(
        heluo_sheet::read(b"year,rate\n2013,3.1\n"),
        Err(Failure::Unsupported(_))
    ));
    assert!(matches!(
        heluo_sheet::read(b""),
        Err(Failure::Unsupported(_))
    ));
    // A compound file that is neither an xls nor an encrypted package.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(4096, 0);
    assert!(matches!(heluo_sheet::read(&cfb), Err(Failure::Corrupt(_))));
    // Every prefix of a good workbook fails cleanly (the reader never panics).
    let good = fixture("merged.xlsx");
    for cut in (0..good.len()).step_by(97) {
        let _ = heluo_sheet::read(good.get(..cut).unwrap_or_default());
    }
}

#[test]
fn iso_dates_convert_like_excel() {
    use heluo_sheet::read::iso_serial;
    assert_eq!(iso_serial("1899-12-30"), Some(0.0));
    assert_eq!(iso_serial("1970-01-01"), Some(25569.0));
    assert_eq!(iso_serial("2013-01-01T06:00:00"), Some(41275.25));
    assert_eq!(iso_serial("2013-13-01"), None);
    assert_eq!(iso_serial("soon"), None);
}

#[test]
fn the_transfer_starts_with_its_magic_and_encodes_a_failure() {
    let bytes = transfer::encode(&Err(Failure::Corrupt("cut".into())));
    assert_eq!(&bytes[..4], b"HLSX");
    assert_eq!(
        bytes[4..],
        [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, b'c', b'u', b't']
    );
}

/// The transfers the root crate's tests decode (tests/suite/sheet.rs) are the
/// encoder's output for the fixtures: this fails when they drift apart, and
/// `HELUO_WRITE_TRANSFERS=1 cargo test` rewrites them.
#[test]
fn committed_transfers_match_the_encoder() {
    let dir = format!("{}/../tests/fixtures/workbooks", env!("CARGO_MANIFEST_DIR"));
    let write = std::env::var_os("HELUO_WRITE_TRANSFERS").is_some();
    for name in [
        "note-then-data.xlsx",
        "dates.xlsx",
        "date-1904.xlsx",
        "merged.xlsx",
        "text-numbers.xlsx",
        "villages.ods",
        "empty.xlsx",
        "encrypted.xlsx",
        "corrupt.xlsx",
    ] {
        let fresh = heluo_sheet::read_to_transfer(&fixture(name));
        let path = format!("{dir}/{name}.transfer");
        if write {
            std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else {
            let committed = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("{path}: {e} (HELUO_WRITE_TRANSFERS=1 writes it)"));
            assert!(
                committed == fresh,
                "{path} is stale: run HELUO_WRITE_TRANSFERS=1 cargo test in sheet/"
            );
        }
    }
}
