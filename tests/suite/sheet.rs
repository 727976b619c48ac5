//! The workbook transfer decoded into tables (src/dataset/table/sheet.rs).
//!
//! The transfers in tests/fixtures/workbooks/*.transfer are the workbook
//! reader's output for the workbooks beside them (sheet/tests/read.rs fails
//! when they drift apart), so these tests see what the browser would hand over.

use heluo::dataset::table::sheet::{decode, LeftOut, LeftOutReason, Workbook};
use heluo::dataset::table::{Cell, Origin, SkipReason, Skipped, Table};
use heluo::Error;

fn transfer(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/workbooks/{name}.transfer",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn workbook(name: &str) -> Workbook {
    decode(&transfer(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn names(table: &Table) -> Vec<&str> {
    table.columns.iter().map(|c| c.name.as_str()).collect()
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

#[test]
fn the_note_sheet_is_left_out_and_the_data_keeps_its_sheet_places() {
    let book = workbook("note-then-data.xlsx");
    assert_eq!(book.tables.len(), 1);
    assert_eq!(book.active, 0);
    assert_eq!(
        book.left_out,
        [LeftOut {
            name: "说明".into(),
            reason: LeftOutReason::NoTable
        }]
    );
    let table = &book.tables[0];
    assert_eq!(
        table.origin,
        Origin::Sheet {
            name: "数据".into()
        }
    );
    assert_eq!(names(table), ["年份", "洛龙区", "全国"]);
    // The header is in row 3, the data in rows 4-7, columns B-D.
    assert_eq!(table.row_numbers, [4, 5, 6, 7]);
    assert_eq!(table.column_numbers, [2, 3, 4]);
    assert_eq!(table.title_lines, ["某县农村贫困发生率"]);
    assert_eq!(table.notes, ["注：2016年为初步数。"]);
    assert_eq!(table.source.as_deref(), Some("国家统计局"));
    assert_eq!(table.columns[0].cells[0], Cell::Number(2013.0));
    assert_eq!(table.columns[1].cells[3], Cell::Number(1.1));
    assert!(table.skipped.is_empty());
}

#[test]
fn dates_booleans_errors_and_blanks_become_cells() {
    let table = &workbook("dates.xlsx").tables[0];
    assert_eq!(names(table), ["date", "value", "ok"]);
    assert_eq!(
        table.columns[0].cells,
        [Cell::Date(41275.0), Cell::Date(41455.5), Cell::Date(61.0)]
    );
    // The error cell is its text: inference counts it as unreadable, at its place.
    assert_eq!(
        table.columns[1].cells,
        [Cell::Number(3.5), text("#N/A"), Cell::Empty]
    );
    assert_eq!(
        table.columns[2].cells,
        [Cell::Bool(true), Cell::Bool(false), Cell::Bool(true)]
    );
    assert_eq!(table.row_numbers, [2, 3, 4]);
}

#[test]
fn a_1904_workbook_arrives_in_the_1900_system() {
    let book = workbook("date-1904.xlsx");
    assert!(book.date_1904);
    assert_eq!(
        book.tables[0].columns[0].cells,
        [Cell::Date(41275.0), Cell::Date(43830.0)]
    );
}

#[test]
fn merged_header_cells_name_every_column_they_cover_and_merged_groups_fill_down() {
    let table = &workbook("merged.xlsx").tables[0];
    // The merged title (A1:D1) stays one title line, not a header.
    assert_eq!(table.title_lines, ["各镇贫困情况"]);
    assert_eq!(names(table), ["镇", "村", "发生率(%)", "发生率(%)"]);
    // "城关镇" merged over A3:A4 groups both of its villages.
    assert_eq!(
        table.columns[0].cells,
        [text("城关镇"), text("城关镇"), text("白马寺镇")]
    );
    assert_eq!(
        table.columns[3].cells,
        [Cell::Number(2.5), Cell::Number(1.0), Cell::Number(4.0)]
    );
    assert_eq!(table.row_numbers, [3, 4, 5]);
}

#[test]
fn numbers_stored_as_text_stay_text_for_inference() {
    let table = &workbook("text-numbers.xlsx").tables[0];
    assert_eq!(
        table.columns[0].cells,
        [text("01"), text("02"), text("410311")]
    );
    assert_eq!(
        table.columns[2].cells,
        [text("205,000"), text("3.12"), Cell::Number(1200.0)]
    );
}

#[test]
fn an_ods_sheet_reads_like_an_xlsx_one() {
    let table = &workbook("villages.ods").tables[0];
    assert_eq!(table.origin, Origin::Sheet { name: "村".into() });
    assert_eq!(names(table), ["村", "日期", "收入(元)"]);
    assert_eq!(
        table.columns[1].cells,
        [Cell::Date(41275.0), Cell::Date(43646.5)]
    );
}

#[test]
fn the_reader_s_failures_become_the_core_s_errors() {
    assert_eq!(
        decode(&transfer("encrypted.xlsx")),
        Err(Error::WorkbookEncrypted)
    );
    let corrupt = decode(&transfer("corrupt.xlsx"));
    assert!(
        matches!(corrupt, Err(Error::WorkbookCorrupt { .. })),
        "{corrupt:?}"
    );
    assert_eq!(
        decode(&transfer("empty.xlsx")),
        Err(Error::WorkbookEmpty { sheets: 2 })
    );
    assert_eq!(
        Error::WorkbookEncrypted.message(heluo::text::Lang::Zh),
        "这个工作簿有密码保护，无法读取。请在 Excel 或 WPS 中打开它，取消密码后另存，再试一次。"
    );
    assert_eq!(
        Error::WorkbookEncrypted.to_string(),
        "The workbook is protected by a password and cannot be read. Open it in Excel or WPS, remove the password, save it and try again."
    );
}

// Transfers built by hand below: the same format (sheet/src/transfer.rs).

struct Builder {
    strings: Vec<String>,
    sheets: Vec<u8>,
    count: u32,
}

enum V<'a> {
    E,
    N(f64),
    T(&'a str),
}

impl Builder {
    fn new() -> Builder {
        Builder {
            strings: Vec::new(),
            sheets: Vec::new(),
            count: 0,
        }
    }

    fn string(&mut self, s: &str) -> u32 {
        match self.strings.iter().position(|x| x == s) {
            Some(i) => i as u32,
            None => {
                self.strings.push(s.into());
                (self.strings.len() - 1) as u32
            }
        }
    }

    /// A sheet whose grid starts at (first_row, first_col), 0-based, with merges.
    fn sheet(
        mut self,
        name: &str,
        hidden: bool,
        at: (u32, u32),
        rows: &[&[V]],
        merges: &[[u32; 4]],
    ) -> Builder {
        let name = self.string(name);
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(0) as u32;
        let mut out = Vec::new();
        for v in [
            name,
            hidden as u32,
            at.0,
            at.1,
            rows.len() as u32,
            width,
            merges.len() as u32,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for m in merges {
            for v in m {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let mut payload = Vec::new();
        for row in rows {
            for i in 0..width as usize {
                match row.get(i).unwrap_or(&V::E) {
                    V::E => out.push(0),
                    V::N(n) => {
                        out.push(1);
                        payload.extend_from_slice(&n.to_le_bytes());
                    }
                    V::T(t) => {
                        out.push(2);
                        let index = self.string(t);
                        payload.extend_from_slice(&index.to_le_bytes());
                    }
                }
            }
        }
        out.extend(payload);
        self.sheets.extend(out);
        self.count += 1;
        self
    }

    fn build(self, active: u32) -> Vec<u8> {
        let mut out = b"HLSX".to_vec();
        for v in [1u32, 0, 0, active, self.strings.len() as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for s in &self.strings {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        }
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend(self.sheets);
        out
    }
}

use V::{E, N, T};

#[test]
fn a_bureau_export_gives_titles_a_header_notes_and_a_source() {
    let bytes = Builder::new()
        .sheet(
            "年度数据",
            false,
            (0, 0),
            &[
                &[T("数据库：年度数据")],
                &[T("时间：最近5年")],
                &[T("指标"), T("2019年"), T("2018年")],
                &[T("农村贫困发生率(%)"), N(0.6), N(1.7)],
                &[],
                &[T("贫困人口(万人)"), N(551.0), N(1660.0)],
                &[],
                &[T("注：按现行标准。")],
                &[T("数据来源：国家统计局")],
            ],
            &[],
        )
        .build(0);
    let table = &decode(&bytes).unwrap().tables[0];
    assert_eq!(table.title_lines, ["数据库：年度数据", "时间：最近5年"]);
    assert_eq!(names(table), ["指标", "2019年", "2018年"]);
    assert_eq!(table.row_numbers, [4, 6]);
    assert_eq!(
        table.skipped,
        [Skipped {
            row: 5,
            reason: SkipReason::Blank
        }]
    );
    assert_eq!(table.notes, ["注：按现行标准。"]);
    assert_eq!(table.source.as_deref(), Some("国家统计局"));
}

#[test]
fn a_two_row_header_under_merged_cells_joins_its_names() {
    // A1:A2 "地区" merged down, B1:C1 "2019年" merged across over 城镇/农村.
    let bytes = Builder::new()
        .sheet(
            "s",
            false,
            (0, 0),
            &[
                &[T("地区"), T("2019年"), E, T("2018年"), E],
                &[E, T("城镇"), T("农村"), T("城镇"), T("农村")],
                &[T("洛龙区"), N(1.0), N(2.0), N(3.0), N(4.0)],
            ],
            &[[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 0, 4]],
        )
        .build(0);
    let table = &decode(&bytes).unwrap().tables[0];
    assert_eq!(
        names(table),
        [
            "地区",
            "2019年 城镇",
            "2019年 农村",
            "2018年 城镇",
            "2018年 农村"
        ]
    );
    assert_eq!(table.row_numbers, [3]);
}

#[test]
fn a_headerless_sheet_hidden_sheets_and_the_active_sheet() {
    let bytes = Builder::new()
        .sheet(
            "hidden",
            true,
            (0, 0),
            &[&[T("a"), T("b")], &[N(1.0), N(2.0)]],
            &[],
        )
        .sheet(
            "numbers",
            false,
            (9, 2),
            &[&[N(2013.0), N(1.5)], &[N(2014.0), N(1.2)]],
            &[],
        )
        .sheet(
            "named",
            false,
            (0, 0),
            &[&[T("year"), T("rate")], &[N(2013.0), N(1.5)]],
            &[],
        )
        .build(2);
    let book = decode(&bytes).unwrap();
    assert_eq!(
        book.left_out,
        [LeftOut {
            name: "hidden".into(),
            reason: LeftOutReason::Hidden
        }]
    );
    // The workbook opens on its third sheet: the second table.
    assert_eq!(book.active, 1);
    let numbers = &book.tables[0];
    assert_eq!(names(numbers), ["", ""]);
    assert_eq!(numbers.row_numbers, [10, 11]);
    assert_eq!(numbers.column_numbers, [3, 4]);
}

#[test]
fn a_workbook_of_notes_says_no_sheet_holds_a_table() {
    let bytes = Builder::new()
        .sheet(
            "说明",
            false,
            (0, 0),
            &[&[T("只有说明")], &[T("第二行")]],
            &[],
        )
        .build(0);
    let error = decode(&bytes).unwrap_err();
    assert_eq!(
        error,
        Error::WorkbookNoTable {
            sheets: vec!["说明".into()]
        }
    );
    assert_eq!(
        error.to_string(),
        "No table found in the workbook: no sheet (\"说明\") has a header row of at least two columns with rows below it. Arrange the data as one header row and rows of values."
    );
    assert_eq!(
        error.message(heluo::text::Lang::Zh),
        "工作簿中没有找到表格：工作表 \"说明\" 中没有一行至少两列的表头及其下方的数据。请把数据整理成一行表头加若干数据行。"
    );
}

#[test]
fn every_cut_or_flipped_transfer_is_an_error_not_a_panic() {
    let good = transfer("merged.xlsx");
    assert!(decode(&good).is_ok());
    for cut in 0..good.len() {
        assert!(decode(&good[..cut]).is_err(), "cut at {cut}");
    }
    for at in 0..good.len() {
        let mut bad = good.clone();
        bad[at] ^= 0xFF;
        let _ = decode(&bad);
    }
    assert_eq!(
        decode(b"HLSX\x02\0\0\0"),
        Err(Error::SheetTransfer { offset: 0 })
    );
}

#[test]
fn workbook_errors_say_what_happened_and_what_to_do() {
    let cases = [
        (
            Error::WorkbookCorrupt { detail: "xlsx: invalid Zip archive".into() },
            "The workbook is damaged and cannot be read (xlsx: invalid Zip archive). Open it in Excel or WPS, save it as .xlsx and try again.",
        ),
        (
            Error::WorkbookUnsupported { detail: "neither a zip (xlsx, ods) nor a compound file (xls)".into() },
            "This is not a workbook format Heluo reads (neither a zip (xlsx, ods) nor a compound file (xls)). Heluo reads .xlsx, .xlsm, .xlsb, .xls and .ods.",
        ),
        (
            Error::WorkbookEmpty { sheets: 2 },
            "All 2 sheet(s) of the workbook are empty: there is nothing to chart.",
        ),
        (
            Error::SheetTransfer { offset: 17 },
            "The workbook reader's output could not be decoded at byte 17. This is a fault in Heluo, not in the file: please report it.",
        ),
    ];
    for (error, text) in cases {
        assert_eq!(error.to_string(), text);
    }
    // A foreign file handed to the reader arrives as "unsupported".
    let foreign = b"HLSX\x01\0\0\0\x01\0\0\0\x03\0\0\0\x02\0\0\0no";
    assert_eq!(
        decode(foreign),
        Err(Error::WorkbookUnsupported {
            detail: "no".into()
        })
    );
}

#[test]
fn years_typed_as_numbers_in_a_header_are_still_a_header() {
    let bytes = Builder::new()
        .sheet(
            "wide",
            false,
            (0, 0),
            &[
                &[T("地区"), N(2019.0), N(2018.0), N(2017.0)],
                &[T("洛龙区"), N(0.6), N(1.7), N(3.1)],
            ],
            &[],
        )
        .sheet(
            "long",
            false,
            (0, 0),
            &[&[N(2013.0), N(3.12)], &[N(2014.0), N(2.4)]],
            &[],
        )
        .build(0);
    let book = decode(&bytes).unwrap();
    assert_eq!(names(&book.tables[0]), ["地区", "2019", "2018", "2017"]);
    assert_eq!(book.tables[0].row_numbers, [2]);
    // A year and a value are data, not a header.
    assert_eq!(names(&book.tables[1]), ["", ""]);
    assert_eq!(book.tables[1].row_numbers, [1, 2]);
}
