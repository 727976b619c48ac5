//! Table readers: delimited text and the JSON shapes that are not format v1,
//! each rule on small inline data and on files written the way publishers
//! write them (tests/fixtures/tables/).

use std::path::PathBuf;

use heluo::dataset::table::{
    read_text, Cell, DelimitedReport, Format, JsonShape, Origin, SkipReason, Skipped, Table,
    TextTables,
};
use heluo::error::{Error, NoTableReason};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tables")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The one table of a text, and its format.
fn one(text: &str, pasted: bool) -> (Table, Format) {
    match read_text(text, pasted) {
        Ok(TextTables::Tables { mut tables, report }) => {
            assert_eq!(tables.len(), 1, "one table");
            (tables.remove(0), report.format)
        }
        Ok(TextTables::FormatV1) => panic!("read as format v1"),
        Err(e) => panic!("expected a table, got: {e}"),
    }
}

fn csv(text: &str) -> (Table, DelimitedReport) {
    match one(text, false) {
        (table, Format::Delimited(report)) => (table, report),
        (_, other) => panic!("read as {other:?}"),
    }
}

fn json(text: &str) -> (Table, JsonShape) {
    match one(text, false) {
        (table, Format::Json(shape)) => (table, shape),
        (_, other) => panic!("read as {other:?}"),
    }
}

fn error(text: &str) -> Error {
    match read_text(text, false) {
        Err(e) => e,
        Ok(other) => panic!("expected an error, got {other:?}"),
    }
}

fn names(table: &Table) -> Vec<&str> {
    table.columns.iter().map(|c| c.name.as_str()).collect()
}

fn t(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn n(v: f64) -> Cell {
    Cell::Number(v)
}

/// Column `name`'s cells.
fn col<'a>(table: &'a Table, name: &str) -> &'a [Cell] {
    &table
        .columns
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no column {name:?} in {:?}", names(table)))
        .cells
}

/// Every column is as long as the table.
fn rectangular(table: &Table) {
    for c in &table.columns {
        assert_eq!(c.cells.len(), table.rows(), "column {:?}", c.name);
    }
    assert_eq!(table.column_numbers.len(), table.columns.len());
}

// ---- delimited: delimiter, quotes, line ends ----

#[test]
fn comma_csv_reads_raw_text_cells_with_line_numbers() {
    let (table, report) = csv("year,county,rate\n2013,洛龙区,3.12\n2019,洛龙区,0.36\n");
    assert_eq!(report.delimiter, b',');
    assert_eq!(report.header_line, 1);
    assert_eq!(names(&table), ["year", "county", "rate"]);
    assert_eq!(col(&table, "rate"), [t("3.12"), t("0.36")]);
    assert_eq!(table.row_numbers, [2, 3]);
    assert_eq!(table.column_numbers, [1, 2, 3]);
    assert_eq!(
        table.origin,
        Origin::Delimited {
            delimiter: b',',
            pasted: false
        }
    );
    assert!(table.skipped.is_empty());
}

#[test]
fn delimiter_is_sniffed_by_consistent_field_counts() {
    for (delimiter, text) in [
        (
            b';',
            "Land;Wert\nDeutschland;1,5\nFrankreich;2,25\nItalien;3\n",
        ),
        (b'\t', "a\tb\tc\n1,5\t2\t3\n4\t5,5\t6\n"),
        (b'|', "name|value\nx, y|1\nz|2\n"),
        (b',', "a,b\n\"1;2;3\",4\n5,6\n"),
    ] {
        let (table, report) = csv(text);
        assert_eq!(report.delimiter, delimiter, "{text:?}");
        assert_eq!(table.columns.len(), 2.max(names(&table).len()));
        rectangular(&table);
    }
}

#[test]
fn quoted_fields_keep_delimiters_quotes_and_line_breaks() {
    let (table, _) = csv("name,note,v\n\"Korea, North\",\"said \"\"hi\"\"\nthen left\",1\nx,y,2\n");
    assert_eq!(col(&table, "name"), [t("Korea, North"), t("x")]);
    assert_eq!(col(&table, "note"), [t("said \"hi\"\nthen left"), t("y")]);
    // The second record starts on line 4: the first spans lines 2 and 3.
    assert_eq!(table.row_numbers, [2, 4]);
}

#[test]
fn bom_and_crlf_and_lone_cr_line_ends() {
    for text in [
        "\u{feff}a,b\r\n1,2\r\n3,4\r\n",
        "a,b\r1,2\r3,4\r",
        "a,b\n1,2\n3,4",
    ] {
        let (table, _) = csv(text);
        assert_eq!(names(&table), ["a", "b"], "{text:?}");
        assert_eq!(col(&table, "b"), [t("2"), t("4")]);
        assert_eq!(table.row_numbers, [2, 3], "{text:?}");
    }
    match read_text("\u{feff}a,b\n1,2\n", false) {
        Ok(TextTables::Tables { report, .. }) => assert!(report.bom),
        other => panic!("{other:?}"),
    }
}

#[test]
fn blank_lines_are_skipped_and_listed_with_their_line() {
    let (table, report) = csv("a,b\n1,2\n\n3,4\r\n\r\n,\n5,6\n");
    assert_eq!(col(&table, "a"), [t("1"), t("3"), t("5")]);
    assert_eq!(table.row_numbers, [2, 4, 7]);
    assert_eq!(
        table.skipped,
        [3, 5, 6].map(|row| Skipped {
            row,
            reason: SkipReason::Blank
        })
    );
    assert_eq!(report.blank_lines, 3);
}

#[test]
fn short_rows_are_padded_and_long_rows_listed() {
    let (table, report) = csv("a,b,c\n1,2\n3,4,5,6\n7,8,9,,\n");
    assert_eq!(col(&table, "c"), [Cell::Empty, t("9")]);
    assert_eq!(table.row_numbers, [2, 4]);
    assert_eq!(
        table.skipped,
        [Skipped {
            row: 3,
            reason: SkipReason::TooManyFields {
                found: 4,
                expected: 3
            }
        }]
    );
    assert_eq!(report.long_rows, 1);
}

#[test]
fn rows_ending_with_a_delimiter_keep_their_header() {
    let (table, report) = csv("a,b\n1,2,\n3,4,\n");
    assert_eq!(report.header_line, 1);
    assert_eq!(names(&table), ["a", "b"]);
    assert_eq!(report.dropped_columns, [3]);
    assert_eq!(table.row_numbers, [2, 3]);
}

#[test]
fn empty_fields_are_empty_cells_and_text_is_not_trimmed() {
    let (table, _) = csv("a,b\n  ,\" 3.12 \"\n\"\",x\n");
    assert_eq!(col(&table, "a"), [Cell::Empty, Cell::Empty]);
    assert_eq!(col(&table, "b"), [t(" 3.12 "), t("x")]);
}

#[test]
fn empty_columns_are_dropped_and_nameless_ones_named_by_letter() {
    // Column B has neither header nor cells; column D has data but no name.
    let (table, report) = csv("name,,value,\n王屯村,,1,x\n夏庄村,,2,\n");
    assert_eq!(names(&table), ["name", "value", "D"]);
    assert_eq!(table.column_numbers, [1, 3, 4]);
    assert_eq!(report.dropped_columns, [2]);
    assert_eq!(col(&table, "D"), [t("x"), Cell::Empty]);
    rectangular(&table);
}

#[test]
fn a_single_column_of_values_is_a_table() {
    let (table, report) = csv("村名\n王屯村\n夏庄村\n");
    assert_eq!(report.delimiter, 0);
    assert_eq!(names(&table), ["村名"]);
    assert_eq!(col(&table, "村名"), [t("王屯村"), t("夏庄村")]);
}

#[test]
fn a_paste_prefers_tabs_on_a_tie() {
    // One comma and one tab per line: a tie that the paste settles.
    let text = "a,x\tb\n1,5\t2\n";
    let (table, format) = one(text, true);
    assert!(matches!(format, Format::Delimited(ref r) if r.delimiter == b'\t'));
    assert_eq!(names(&table), ["a,x", "b"]);
    assert_eq!(
        table.origin,
        Origin::Delimited {
            delimiter: b'\t',
            pasted: true
        }
    );
    let (_, format) = one(text, false);
    assert!(matches!(format, Format::Delimited(ref r) if r.delimiter == b','));
}

// ---- delimited: bureau exports ----

#[test]
fn bureau_export_title_lines_header_notes_and_source() {
    let text = "数据库：年度数据\n指标：农村贫困人口\n时间：最近10年\n指标,2019年,2018年\n农村贫困人口(万人),551,1660\n农村贫困发生率(%),0.6,1.7\n注：2013年以前数据为推算数。\n数据来源：国家统计局\n";
    let (table, report) = csv(text);
    assert_eq!(
        table.title_lines,
        ["数据库：年度数据", "指标：农村贫困人口", "时间：最近10年"]
    );
    assert_eq!(names(&table), ["指标", "2019年", "2018年"]);
    assert_eq!(report.header_line, 4);
    assert_eq!(report.title_lines, 3);
    assert_eq!(table.row_numbers, [5, 6]);
    assert_eq!(table.notes, ["注：2013年以前数据为推算数。"]);
    assert_eq!(table.source.as_deref(), Some("国家统计局"));
    assert_eq!(report.note_lines, 2);
}

#[test]
fn bureau_export_padded_by_excel_keeps_title_and_note_out_of_the_table() {
    // Excel pads every line to the table's width when it saves a CSV.
    let text = "数据库：年度数据,,\n指标,2019年,2018年\n农村贫困人口(万人),551,1660\n王村,,\n注：单位为万人,,\nSource: NBS,,\n";
    let (table, _) = csv(text);
    assert_eq!(table.title_lines, ["数据库：年度数据"]);
    // A padded row with only its name is data, not a note.
    assert_eq!(col(&table, "指标"), [t("农村贫困人口(万人)"), t("王村")]);
    assert_eq!(table.notes, ["注：单位为万人"]);
    assert_eq!(table.source.as_deref(), Some("NBS"));
}

#[test]
fn every_note_and_source_label_is_read_under_a_padded_table() {
    // Padded to the table's width, a note or source line is told from a
    // row by its label alone (the reader looks only at lines that start
    // with a label's first character).
    for label in [
        "注", "说明", "备注", "附注", "Note", "Notes", "NOTE", "NOTES",
    ] {
        let text = format!("村,2019,2020\n王村,1,2\n{label}：样例,,\n");
        let (table, _) = csv(&text);
        assert_eq!(col(&table, "村"), [t("王村")], "{label}");
        assert_eq!(table.notes, [format!("{label}：样例")], "{label}");
    }
    for label in [
        "数据来源",
        "资料来源",
        "来源",
        "Source",
        "Sources",
        "SOURCE",
        "Data source",
        "Data sources",
        "source",
    ] {
        let text = format!("村,2019,2020\n王村,1,2\n {label}: 国家统计局,,\n");
        let (table, _) = csv(&text);
        assert_eq!(col(&table, "村"), [t("王村")], "{label}");
        assert_eq!(table.source.as_deref(), Some("国家统计局"), "{label}");
    }
    // A name that shares a label's first bytes (村 and 来 both open with
    // E6 9D) is a row.
    let (table, _) = csv("村,2019,2020\n来源村,1,2\n村：样例,3,4\n");
    assert_eq!(col(&table, "村"), [t("来源村"), t("村：样例")]);
}

#[test]
fn english_titles_and_notes_split_at_commas_are_joined_back() {
    let text = "Table 1. Poverty, by county\ncounty,2013,2019,2020\nLuolong,3.12,0.36,0\nNote: 2020 is provisional, revised later\nSource: NBS, Henan survey team\n";
    let (table, _) = csv(text);
    assert_eq!(table.title_lines, ["Table 1. Poverty, by county"]);
    assert_eq!(table.notes, ["Note: 2020 is provisional, revised later"]);
    assert_eq!(table.source.as_deref(), Some("NBS, Henan survey team"));
    assert_eq!(table.rows(), 1);
    // A last row whose name begins like a label is data.
    let (table, _) = csv("名称,销量\n说明书,3\n注,4\n");
    assert_eq!(col(&table, "名称"), [t("说明书"), t("注")]);
    assert!(table.notes.is_empty());
}

#[test]
fn nbs_fixture_with_crlf_and_a_blank_line_before_the_notes() {
    let (table, report) = csv(&fixture("nbs-annual.csv"));
    assert_eq!(table.title_lines.len(), 3);
    assert_eq!(report.header_line, 4);
    assert_eq!(names(&table)[1], "2019年");
    assert_eq!(table.rows(), 3);
    assert_eq!(table.row_numbers, [5, 6, 7]);
    assert_eq!(col(&table, "2013年")[2], Cell::Empty);
    assert_eq!(
        table.notes,
        [
            "注：1.本表数据为现行农村贫困标准下的数据。",
            "2.2013年以前数据为推算数。"
        ]
    );
    assert_eq!(table.source.as_deref(), Some("国家统计局"));
    assert_eq!(
        table.skipped,
        [Skipped {
            row: 8,
            reason: SkipReason::Blank
        }]
    );
}

// ---- delimited: publishers' files ----

#[test]
fn vega_disasters_csv() {
    let (table, _) = csv(&fixture("disasters.csv"));
    assert_eq!(names(&table), ["Entity", "Year", "Deaths"]);
    assert_eq!(table.rows(), 7);
    assert_eq!(col(&table, "Deaths")[5], Cell::Empty);
    assert_eq!(col(&table, "Entity")[0], t("All natural disasters"));
}

#[test]
fn owid_grapher_csv_keeps_empty_codes_and_quoted_names() {
    let (table, _) = csv(&fixture("owid-life-expectancy.csv"));
    assert_eq!(
        names(&table),
        [
            "Entity",
            "Code",
            "Year",
            "Life expectancy at birth (historical)"
        ]
    );
    assert_eq!(col(&table, "Code")[0], Cell::Empty);
    assert_eq!(col(&table, "Entity")[5], t("Korea, North"));
    assert_eq!(col(&table, "Code")[6], t("OWID_WRL"));
}

#[test]
fn semicolon_csv_with_decimal_commas() {
    let (table, report) = csv(&fixture("destatis-semicolon.csv"));
    assert_eq!(report.delimiter, b';');
    assert_eq!(col(&table, "Arbeitslosenquote in %")[0], t("3,5"));
    assert_eq!(col(&table, "Bundesland")[2], t("Berlin; Stadt"));
    assert_eq!(col(&table, "Einwohner")[0], t("11.280.257"));
}

#[test]
fn excel_paste_with_a_multi_line_cell() {
    let (table, format) = one(&fixture("excel-paste.tsv"), true);
    assert!(matches!(format, Format::Delimited(ref r) if r.delimiter == b'\t'));
    assert_eq!(
        names(&table),
        ["村名", "所属镇", "村集体经济收入（元）", "备注"]
    );
    assert_eq!(col(&table, "备注")[0], t("2019年新建\r\n光伏电站"));
    assert_eq!(col(&table, "村集体经济收入（元）")[0], t("205,000"));
    assert_eq!(table.row_numbers, [2, 4, 5]);
}

// ---- delimited: errors ----

#[test]
fn unclosed_quote_names_the_line_it_opened() {
    let e = error("a,b\n1,2\n3,\"oops\n4,5\n6,7\n");
    assert_eq!(e, Error::UnclosedQuote { line: 3 });
    assert_eq!(
        e.to_string(),
        "Line 3: a quote (\") opens a field there and is never closed, so everything after it would be one cell. Add the closing quote, or remove this one."
    );
    // A quote inside an unquoted field is a character, not an opening.
    let (table, _) = csv("a,b\n5\" screen,2\n");
    assert_eq!(col(&table, "a"), [t("5\" screen")]);
}

#[test]
fn binary_data_is_refused_with_its_line() {
    assert_eq!(
        error("a,b\n1,2\n\u{0}\u{0}\u{3}PK"),
        Error::BinaryText { line: 3 }
    );
    assert_eq!(
        error("a,b\n\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\n"),
        Error::BinaryText { line: 2 }
    );
}

#[test]
fn empty_texts_and_texts_with_no_table() {
    assert_eq!(error(""), Error::EmptyText { pasted: false });
    assert_eq!(error("\u{feff} \n\t\n"), Error::EmptyText { pasted: false });
    assert!(matches!(
        read_text("  ", true),
        Err(Error::EmptyText { pasted: true })
    ));
    assert_eq!(
        error("just one line of text"),
        Error::NoTable {
            reason: NoTableReason::OneLine
        }
    );
    assert_eq!(
        error("year,rate\n"),
        Error::NoTable {
            reason: NoTableReason::OneLine
        }
    );
    assert_eq!(
        error("year,rate\n\n,\n"),
        Error::NoTable {
            reason: NoTableReason::OneLine
        }
    );
    let prose = "This paragraph is a letter and not a table at all, even though it runs on for quite a long while before it ends.\nAnd this is another.\n";
    assert_eq!(
        error(prose),
        Error::NoTable {
            reason: NoTableReason::NoDelimiter
        }
    );
    assert_eq!(
        error("指标,2019年,2018年\n,,\n注：无数据,,\n"),
        Error::NoTable {
            reason: NoTableReason::HeaderOnly { line: 1 }
        }
    );
}

// ---- JSON shapes ----

#[test]
fn format_v1_is_left_to_the_dataset_parser() {
    for text in [r#"{"trend": []}"#, r#"{"title": "x", "ranking": {}}"#] {
        assert_eq!(read_text(text, false), Ok(TextTables::FormatV1));
    }
}

#[test]
fn records_keep_json_types_as_cells() {
    let (table, shape) = json(
        r#"[{"year": 2013, "county": "洛龙区", "rate": "3.12%", "ok": true, "x": null, "e": ""},
            {"county": "全国", "year": 2019, "extra": [1, "a"]}]"#,
    );
    assert_eq!(shape, JsonShape::Records);
    assert_eq!(
        names(&table),
        ["year", "county", "rate", "ok", "x", "e", "extra"]
    );
    assert_eq!(col(&table, "year"), [n(2013.0), n(2019.0)]);
    assert_eq!(col(&table, "rate"), [t("3.12%"), Cell::Empty]);
    assert_eq!(col(&table, "ok"), [Cell::Bool(true), Cell::Empty]);
    assert_eq!(col(&table, "e"), [Cell::Empty, Cell::Empty]);
    assert_eq!(col(&table, "extra"), [Cell::Empty, t(r#"[1,"a"]"#)]);
    assert_eq!(table.row_numbers, [0, 1]);
    assert_eq!(table.origin, Origin::Json { path: "".into() });
    rectangular(&table);
}

#[test]
fn nested_objects_are_flattened_and_non_records_listed() {
    let (table, _) = json(r#"[{"a": {"b": 1, "c": {"d": "x"}}}, 5, {"a": {"b": 2}}]"#);
    assert_eq!(names(&table), ["a.b", "a.c.d"]);
    assert_eq!(col(&table, "a.b"), [n(1.0), n(2.0)]);
    assert_eq!(table.row_numbers, [0, 2]);
    assert_eq!(
        table.skipped,
        [Skipped {
            row: 1,
            reason: SkipReason::NotARecord {
                found: "the number 5".into()
            }
        }]
    );
}

#[test]
fn records_under_a_key_at_any_depth_up_to_three() {
    for (text, path) in [
        (r#"{"data": [{"a": 1}]}"#, "data"),
        (r#"{"records": [{"a": 1}], "meta": {"n": 1}}"#, "records"),
        (
            r#"{"ok": true, "result": {"rows": [{"a": 1}]}}"#,
            "result.rows",
        ),
    ] {
        let (table, shape) = json(text);
        assert_eq!(shape, JsonShape::Records);
        assert_eq!(table.origin, Origin::Json { path: path.into() });
        assert_eq!(col(&table, "a"), [n(1.0)]);
    }
    let (table, _) = json(&fixture("ckan-records.json"));
    assert_eq!(
        table.origin,
        Origin::Json {
            path: "result.records".into()
        }
    );
    assert_eq!(col(&table, "rate"), [t("3.12"), t("0.36")]);
}

#[test]
fn json_lines_rows_are_line_numbers() {
    let (table, shape) = json(&fixture("records.jsonl"));
    assert_eq!(shape, JsonShape::JsonLines);
    assert_eq!(table.origin, Origin::JsonLines);
    assert_eq!(table.row_numbers, [1, 2, 4]);
    assert_eq!(
        col(&table, "note"),
        [Cell::Empty, Cell::Empty, t("provisional")]
    );
    // A broken line names its own line.
    let e = error("{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3,}\n");
    assert!(
        e.to_string()
            .starts_with("JSON syntax error at line 3, column 9: trailing comma"),
        "{e}"
    );
}

#[test]
fn json_syntax_errors_stay_json_errors() {
    let e = error("[{\"a\": 1},\n {\"a\": 2]\n");
    assert!(
        e.to_string()
            .starts_with("JSON syntax error at line 2, column 9"),
        "{e}"
    );
    assert!(matches!(
        error(r#"[{"a": 1, "a": 2}]"#),
        Error::DuplicateKey { .. }
    ));
}

#[test]
fn pandas_outputs_read_to_the_same_table() {
    let expected_names = ["year", "county", "rate"];
    for name in [
        "pandas-split.json",
        "pandas-table.json",
        "pandas-columns.json",
        "pandas-records.json",
    ] {
        let (table, _) = json(&fixture(name));
        assert_eq!(names(&table), expected_names, "{name}");
        assert_eq!(
            col(&table, "year"),
            [n(2013.0), n(2019.0), n(2013.0)],
            "{name}"
        );
        assert_eq!(col(&table, "county")[2], t("全国"), "{name}");
        assert_eq!(col(&table, "rate")[1], n(0.36), "{name}");
        rectangular(&table);
    }
}

#[test]
fn split_with_a_meaningful_index_keeps_it_and_rows_work_too() {
    let (table, shape) =
        json(r#"{"columns": ["rate"], "index": ["洛龙区", "全国"], "data": [[3.12], [8.5]]}"#);
    assert_eq!(shape, JsonShape::Split);
    assert_eq!(names(&table), ["index", "rate"]);
    assert_eq!(col(&table, "index"), [t("洛龙区"), t("全国")]);
    let (table, _) = json(r#"{"columns": ["a", "", "c"], "rows": [[1, 2, 3], [4, 5]]}"#);
    assert_eq!(names(&table), ["a", "B", "c"]);
    assert_eq!(col(&table, "c"), [n(3.0), Cell::Empty]);
}

#[test]
fn arrays_of_arrays_with_and_without_a_header_row() {
    let (table, shape) = json(
        r#"{"range": "A1:B3", "values": [["year", "rate"], ["2013", "3.12"], ["2019", "0.36"]]}"#,
    );
    assert_eq!(shape, JsonShape::Rows);
    assert_eq!(names(&table), ["year", "rate"]);
    assert_eq!(table.row_numbers, [1, 2]);
    let (table, _) = json("[[2013, 3.12], [2019, 0.36, 1]]");
    assert_eq!(names(&table), ["A", "B", "C"]);
    assert_eq!(col(&table, "C"), [Cell::Empty, n(1.0)]);
}

#[test]
fn a_record_of_columns() {
    let (table, shape) = json(r#"{"year": [2013, 2019], "rate": [3.12, null], "note": ["a"]}"#);
    assert_eq!(shape, JsonShape::Columns);
    assert_eq!(col(&table, "rate"), [n(3.12), Cell::Empty]);
    assert_eq!(col(&table, "note"), [t("a"), Cell::Empty]);
    assert_eq!(table.row_numbers, [0, 1]);
}

#[test]
fn maps_keyed_by_name_then_year_are_a_wide_table() {
    let (table, shape) =
        json(r#"{"洛龙区": {"2013": 3.12, "2019": 0.36}, "全国": {"2013": 8.5, "2016": 4.5}}"#);
    assert_eq!(shape, JsonShape::KeyedMaps);
    assert_eq!(names(&table), ["key", "2013", "2019", "2016"]);
    assert_eq!(col(&table, "key"), [t("洛龙区"), t("全国")]);
    assert_eq!(col(&table, "2016"), [Cell::Empty, n(4.5)]);
    // pandas orient=index: the default index is not a column.
    let (table, _) = json(r#"{"0": {"year": 2013}, "1": {"year": 2019}}"#);
    assert_eq!(names(&table), ["year"]);
}

const INDICATOR: &str = "Poverty headcount ratio at $2.15 a day (2017 PPP) (% of population)";

#[test]
fn world_bank_reply_reads_id_value_objects_as_value_and_id() {
    let (table, shape) = json(&fixture("worldbank.json"));
    assert_eq!(shape, JsonShape::WorldBank);
    assert_eq!(table.origin, Origin::Json { path: "[1]".into() });
    assert_eq!(
        names(&table),
        [
            "indicator",
            "indicator.id",
            "country",
            "country.id",
            "countryiso3code",
            "date",
            INDICATOR,
            "unit",
            "obs_status",
        ],
        "the value is named by its indicator; `decimal` (display decimals) is not data"
    );
    assert_eq!(col(&table, "country")[2], t("World"));
    assert_eq!(col(&table, "countryiso3code")[2], t("WLD"));
    assert_eq!(col(&table, "date")[0], t("2019"));
    assert_eq!(
        col(&table, INDICATOR),
        [n(0.1), n(0.4), n(8.9), Cell::Empty]
    );
}

#[test]
fn json_stat_eurostat_array_values_with_role_time_and_status() {
    let (table, shape) = json(&fixture("jsonstat-eurostat.json"));
    assert_eq!(
        shape,
        JsonShape::JsonStat {
            time: Some("Time".into())
        }
    );
    assert_eq!(
        names(&table),
        [
            "Time frequency",
            "Unit of measure",
            "Geopolitical entity (reporting)",
            "Time",
            "Unemployment by sex and age - annual data",
            "status"
        ]
    );
    assert_eq!(table.rows(), 6);
    assert_eq!(
        col(&table, "Geopolitical entity (reporting)")[3],
        t("Germany")
    );
    assert_eq!(
        col(&table, "Time"),
        ["2021", "2022", "2023", "2021", "2022", "2023"].map(t)
    );
    assert_eq!(
        col(&table, "Unemployment by sex and age - annual data")[2],
        Cell::Empty
    );
    assert_eq!(col(&table, "status")[2], t(":"));
    assert_eq!(
        table.title_lines,
        ["Unemployment by sex and age - annual data"]
    );
    assert_eq!(table.source.as_deref(), Some("ESTAT"));
}

#[test]
fn json_stat_ssb_array_index_and_sparse_values() {
    let (table, shape) = json(&fixture("jsonstat-ssb.json"));
    assert_eq!(shape, JsonShape::JsonStat { time: None });
    assert_eq!(
        names(&table),
        [
            "region",
            "sex",
            "year",
            "07459: Population, by region, sex and year"
        ]
    );
    assert_eq!(table.row_numbers, [0, 1, 3]);
    assert_eq!(col(&table, "region"), [t("Oslo"), t("Oslo"), t("Bergen")]);
    assert_eq!(col(&table, "year"), [t("2023"), t("2024"), t("2024")]);
    assert_eq!(
        col(&table, "07459: Population, by region, sex and year")[2],
        n(144882.0)
    );
}

#[test]
fn json_stat_out_of_order_index_and_sparse_values_and_a_1_0_bundle() {
    // Category index as an object written out of order; sparse values out of order.
    let text = r#"{"version": "2.0", "class": "dataset", "id": ["geo", "year"], "size": [2, 2],
        "dimension": {"geo": {"category": {"index": {"B": 1, "A": 0}, "label": {"A": "Anyang", "B": "Boai"}}},
                      "year": {"label": "year", "category": {"index": ["2019", "2020"]}}},
        "value": {"3": 4.5, "0": 1.5}}"#;
    let (table, _) = json(text);
    assert_eq!(names(&table), ["geo", "year", "value"]);
    assert_eq!(table.row_numbers, [0, 3]);
    assert_eq!(col(&table, "geo"), [t("Anyang"), t("Boai")]);
    assert_eq!(col(&table, "year"), [t("2019"), t("2020")]);
    assert_eq!(col(&table, "value"), [n(1.5), n(4.5)]);
    // JSON-stat 1.0: datasets under their names, id and size inside dimension.
    let bundle = r#"{"pop": {"label": "Population", "value": [10, 20],
        "dimension": {"id": ["year"], "size": [2], "role": {"time": ["year"]},
                      "year": {"label": "Year", "category": {"index": {"2019": 0, "2020": 1}}}}}}"#;
    match read_text(bundle, false) {
        Ok(TextTables::Tables { tables, report }) => {
            assert_eq!(
                report.format,
                Format::Json(JsonShape::JsonStat {
                    time: Some("Year".into())
                })
            );
            assert_eq!(tables.len(), 1);
            assert_eq!(col(&tables[0], "Year"), [t("2019"), t("2020")]);
            assert_eq!(
                tables[0].origin,
                Origin::Json {
                    path: "pop.value".into()
                }
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn json_stat_with_the_wrong_number_of_values_is_refused() {
    let text = r#"{"class": "dataset", "id": ["t"], "size": [2], "dimension": {"t": {"category": {"index": ["2019", "2020"]}}}, "value": [1]}"#;
    assert_eq!(
        error(text),
        Error::JsonStatSize {
            path: "value".into(),
            expected: 2,
            found: 1
        }
    );
    assert_eq!(
        error(text).to_string(),
        "value: the JSON-stat dataset's dimensions have 2 cells, but 1 values are given"
    );
}

#[test]
fn vega_obesity_records() {
    let (table, _) = json(&fixture("obesity.json"));
    assert_eq!(names(&table), ["id", "rate", "state"]);
    assert_eq!(col(&table, "rate")[0], n(0.32));
}

#[test]
fn json_that_is_no_table_says_what_it_holds() {
    assert_eq!(
        error("[1, 2, 3]"),
        Error::NotATable {
            found: "an array of values".into()
        }
    );
    assert_eq!(
        error(r#"{"a": 1}"#),
        Error::NotATable {
            found: "an object with no array of records".into()
        }
    );
}

// ---- properties ----

fn field() -> impl Strategy<Value = String> {
    // Delimiters, quotes, line breaks, spaces and Chinese among letters.
    proptest::string::string_regex("[a-z0-9,;|\t\"\n\r 洛龙区.%-]{0,8}")
        .unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any table of strings written by the csv crate's writer, with any of the
    /// four delimiters, reads back to the same cells (an empty or blank field
    /// reads as an empty cell). The header is distinct letters so the table
    /// has a header the reader finds; every row has a letter in its first cell
    /// so no row is blank, and every row is full width.
    #[test]
    fn csv_writer_output_reads_back(
        rows in proptest::collection::vec(proptest::collection::vec(field(), 3), 1..12),
        delimiter in proptest::sample::select(vec![b',', b';', b'\t', b'|']),
    ) {
        let header = ["h1", "h2", "h3"];
        let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
        writer.write_record(header).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|mut row| {
                row[0] = format!("r{}", row[0]);
                row[2] = format!("{}z", row[2]);
                row
            })
            .collect();
        for row in &rows {
            writer.write_record(row).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        let bytes = writer.into_inner().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (table, report) = csv(&text);
        prop_assert_eq!(report.delimiter, delimiter);
        prop_assert_eq!(names(&table), header);
        prop_assert_eq!(table.rows(), rows.len());
        for (c, column) in table.columns.iter().enumerate() {
            for (r, cell) in column.cells.iter().enumerate() {
                let written = &rows[r][c];
                let expected = if written.trim().is_empty() { Cell::Empty } else { Cell::Text(written.clone()) };
                prop_assert_eq!(cell, &expected);
            }
        }
    }

    /// Whatever the text, the reader returns tables or an error, and every
    /// table is rectangular.
    #[test]
    fn any_text_reads_or_fails_cleanly(text in "[a-c0-9,;\t|\"\n\r{}\\[\\]: ]{0,60}") {
        if let Ok(TextTables::Tables { tables, .. }) = read_text(&text, false) {
            for table in &tables {
                for c in &table.columns {
                    prop_assert_eq!(c.cells.len(), table.rows());
                }
            }
        }
    }
}

#[test]
fn json_stat_values_are_named_by_the_dataset_and_its_unit() {
    // The dataset's label names the values; one measure's unit joins it.
    let with_unit = r#"{"version": "2.0", "class": "dataset", "label": "Poverty rate",
        "id": ["measure", "year"], "size": [1, 2],
        "dimension": {"measure": {"category": {"index": ["rate"], "unit": {"rate": {"label": "%", "decimals": 2}}}},
                      "year": {"category": {"index": ["2013", "2019"]}}},
        "value": [3.12, 0.36]}"#;
    let (table, _) = json(with_unit);
    assert_eq!(names(&table), ["measure", "year", "Poverty rate (%)"]);
    let unlabelled = r#"{"version": "2.0", "class": "dataset", "id": ["year"], "size": [2],
        "dimension": {"year": {"category": {"index": ["2013", "2019"]}}}, "value": [1, 2]}"#;
    let (table, _) = json(unlabelled);
    assert_eq!(names(&table), ["year", "value"]);
}
