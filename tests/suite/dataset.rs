//! Format v1: what parses, into what, and the exact message for what does not.

use heluo::dataset::{Point, Series, YEAR_RANGE};
use heluo::error::SyntaxHint;
use heluo::error::MAX_FILE_BYTES;
use heluo::{parse, Error};

use crate::util::{dataset, dataset_str, error, error_bytes, fixture, good_dir, message, sample};

fn points(pairs: &[(i32, Option<f64>)]) -> Vec<Point> {
    pairs
        .iter()
        .map(|&(year, value)| Point { year, value })
        .collect()
}

// ---------------------------------------------------------------- valid files

#[test]
fn every_good_fixture_parses() {
    let mut seen = 0;
    for entry in std::fs::read_dir(good_dir()).expect("fixtures directory") {
        let path = entry.expect("directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("fixture bytes");
        if let Err(e) = parse(&bytes) {
            panic!("{}: {e}", path.display());
        }
        seen += 1;
    }
    assert!(seen >= 8, "only {seen} fixtures found");
}

#[test]
fn both_samples_parse() {
    let luolong = dataset(&sample("luolong.json"));
    let trend = luolong.trend.as_ref().expect("trend");
    assert_eq!(trend.series.len(), 2);
    assert_eq!(trend.unit.as_deref(), Some("%"));
    assert_eq!(trend.annotations.len(), 1);
    let ranking = luolong.ranking.as_ref().expect("ranking");
    assert_eq!(ranking.villages.len(), 7);
    assert_eq!(ranking.default_metric, 0);

    let national = dataset(&sample("national.json"));
    assert!(national.ranking.is_none());
    let trend = national.trend.expect("trend");
    assert_eq!(trend.series.len(), 1);
    assert_eq!(trend.series[0].name, "全国农村贫困发生率");
    assert_eq!(trend.series[0].points.len(), 8);
}

#[test]
fn full_format_fills_every_field() {
    let d = dataset(&fixture("full.json"));
    assert_eq!(d.title.as_deref(), Some("示例县脱贫攻坚"));
    assert_eq!(d.subtitle.as_deref(), Some("全部字段的写法"));
    assert_eq!(d.source.as_deref(), Some("示例县统计局"));
    assert_eq!(d.note.as_deref(), Some("测试用数据，不是真实数字。"));
    assert_eq!(d.locale, "zh-CN");
    assert!(d.is_chinese());

    let trend = d.trend.expect("trend");
    assert_eq!(trend.title.as_deref(), Some("贫困发生率"));
    assert_eq!(trend.series[0].name, "示例县");
    assert_eq!(trend.series[1].name, "全省农村");
    assert_eq!(trend.series[1].value_at(2016), Some(5.2));
    assert_eq!(trend.annotations[0].year, 2016);
    assert_eq!(trend.annotations[0].label, "易地扶贫搬迁");

    let ranking = d.ranking.expect("ranking");
    assert_eq!(ranking.title.as_deref(), Some("村集体经济"));
    assert_eq!(
        ranking.default_metric, 1,
        "default_metric names \"dividend\""
    );
    let keys: Vec<&str> = ranking.metrics.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["income", "dividend", "households"]);
    assert_eq!(ranking.metrics[2].unit, None);
    // Values are indexed by metric, in the order metrics are declared.
    assert_eq!(
        ranking.villages[0].values,
        [Some(120000.0), Some(800.0), Some(35.0)]
    );
    assert_eq!(
        ranking.villages[2].values,
        [Some(150000.0), None, Some(41.0)]
    );
    assert_eq!(
        ranking.villages[3].values,
        [Some(60000.0), Some(400.0), None]
    );
    assert_eq!(ranking.villages[3].group, None);
}

#[test]
fn locale_defaults_to_chinese() {
    let d = dataset_str(r#"{"trend": [[2013, 1]]}"#);
    assert_eq!(d.locale, "zh-CN");
    assert!(d.is_chinese());
    assert!(!dataset_str(r#"{"locale": "en-US", "trend": [[2013, 1]]}"#).is_chinese());
    assert!(dataset_str(r#"{"locale": "ZH-hant", "trend": [[2013, 1]]}"#).is_chinese());
}

// ----------------------------------------------------------------- shorthands

#[test]
fn four_spellings_of_one_series_agree() {
    let expected = points(&[
        (2012, Some(10.2)),
        (2013, Some(8.5)),
        (2014, Some(7.2)),
        (2015, Some(5.7)),
    ]);
    for name in [
        "shorthand_pairs.json",
        "shorthand_objects.json",
        "shorthand_rate.json",
        "shorthand_points.json",
    ] {
        let d = dataset(&fixture(name));
        let trend = d.trend.unwrap_or_else(|| panic!("{name}: no trend"));
        assert_eq!(trend.series.len(), 1, "{name}");
        assert_eq!(trend.series[0].points, expected, "{name}");
        // A lone series is named after the dataset.
        assert_eq!(trend.series[0].name, "全国农村贫困发生率", "{name}");
    }
}

#[test]
fn bare_array_without_title_is_series_1_in_the_locale() {
    let d = dataset_str(r#"{"trend": [[2013, 3.12]]}"#);
    let trend = d.trend.expect("trend");
    assert_eq!(trend.series[0].name, "系列 1");
    let en = dataset_str(r#"{"locale": "en", "trend": [[2013, 3.12]]}"#);
    assert_eq!(en.trend.expect("trend").series[0].name, "Series 1");
    assert_eq!(trend.unit, None);
    assert!(trend.annotations.is_empty());
}

#[test]
fn points_shorthand_takes_its_name_and_unit() {
    let d = dataset_str(
        r#"{"title": "Ignored", "trend": {"name": "洛龙区", "unit": "%", "points": [{"year": 2013, "rate": 3.12}]}}"#,
    );
    let trend = d.trend.expect("trend");
    assert_eq!(trend.series[0].name, "洛龙区");
    assert_eq!(trend.unit.as_deref(), Some("%"));
    assert_eq!(trend.series[0].points, points(&[(2013, Some(3.12))]));
}

#[test]
fn value_wins_over_rate() {
    let d = dataset_str(r#"{"trend": [{"year": 2013, "value": 1.5, "rate": 9}]}"#);
    assert_eq!(d.trend.expect("trend").series[0].points[0].value, Some(1.5));
}

#[test]
fn year_written_with_a_point_zero_is_whole() {
    let d = dataset_str(r#"{"trend": [[2013.0, 1]]}"#);
    assert_eq!(d.trend.expect("trend").series[0].points[0].year, 2013);
}

#[test]
fn null_is_a_gap() {
    let d = dataset(&fixture("gaps.json"));
    let series: &Series = &d.trend.as_ref().expect("trend").series[0];
    assert_eq!(
        series.points,
        points(&[
            (2013, Some(5.0)),
            (2014, Some(4.0)),
            (2015, None),
            (2016, Some(2.5)),
            (2017, Some(1.5)),
        ])
    );
    assert_eq!(series.value_at(2015), None);
    assert_eq!(series.value_at(2016), Some(2.5));
    assert_eq!(series.value_at(2020), None, "a year the series never had");
    // The gap year still counts as one of the trend's years.
    assert_eq!(
        d.trend.expect("trend").years(),
        [2013, 2014, 2015, 2016, 2017]
    );
}

#[test]
fn irregular_years_are_sorted() {
    let d = dataset(&fixture("irregular_years.json"));
    let trend = d.trend.expect("trend");
    let years: Vec<i32> = trend.series[0].points.iter().map(|p| p.year).collect();
    assert_eq!(years, [2010, 2013, 2016, 2019]);
    assert_eq!(trend.series[0].value_at(2010), Some(17.2));
    assert_eq!(trend.series[0].value_at(2019), Some(0.6));
}

#[test]
fn trend_years_merge_every_series() {
    let d = dataset(&sample("luolong.json"));
    assert_eq!(
        d.trend.expect("trend").years(),
        [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]
    );
}

#[test]
fn year_range_bounds_are_accepted() {
    assert_eq!(YEAR_RANGE, 1800..=2100);
    let d = dataset_str(r#"{"trend": [[1800, 1], [2100, 2]]}"#);
    let years: Vec<i32> = d.trend.expect("trend").series[0]
        .points
        .iter()
        .map(|p| p.year)
        .collect();
    assert_eq!(years, [1800, 2100]);
}

#[test]
fn utf8_bom_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fixture("shorthand_pairs.json"));
    let d = dataset(&bytes);
    assert_eq!(d.title.as_deref(), Some("全国农村贫困发生率"));
}

#[test]
fn same_village_name_in_different_groups_is_fine() {
    let d = dataset(&fixture("ranking_only.json"));
    let ranking = d.ranking.expect("ranking");
    let names: Vec<(&str, Option<&str>)> = ranking
        .villages
        .iter()
        .map(|v| (v.name.as_str(), v.group.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("Wangtun", Some("Tech Park")),
            ("Xiazhuang", Some("Lilou")),
            ("Xiazhuang", Some("Tech Park")),
            ("Daxi", None),
        ]
    );
}

#[test]
fn names_are_trimmed_and_blank_groups_dropped() {
    let d = dataset_str(
        r#"{"ranking": {"metrics": [{"key": " income "}],
            "villages": [{"name": "  王屯村 ", "group": "  ", "values": {"income": 1}}]}}"#,
    );
    let ranking = d.ranking.expect("ranking");
    assert_eq!(ranking.metrics[0].key, "income");
    assert_eq!(
        ranking.metrics[0].label, "income",
        "label defaults to the key"
    );
    assert_eq!(ranking.villages[0].name, "王屯村");
    assert_eq!(ranking.villages[0].group, None);
}

#[test]
fn null_texts_are_absent() {
    let d =
        dataset_str(r#"{"title": null, "source": null, "trend": [[2013, 1]], "ranking": null}"#);
    assert_eq!(d.title, None);
    assert_eq!(d.source, None);
    assert!(d.ranking.is_none());
}

// ------------------------------------------------------- bytes before JSON

#[test]
fn empty_file() {
    let expected = "The file is empty. Choose a JSON file with \"trend\" and/or \"ranking\" data.";
    for bytes in [
        &b""[..],
        b"   \n\t\r\n",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF  \n",
    ] {
        let e = error_bytes(bytes);
        assert_eq!(e, Error::EmptyFile, "{bytes:?}");
        assert_eq!(e.to_string(), expected);
    }
}

#[test]
fn too_large() {
    let bytes = vec![b' '; 300 * 1024 * 1024];
    let e = error_bytes(&bytes);
    assert_eq!(
        e,
        Error::TooLarge {
            bytes: 300 * 1024 * 1024
        }
    );
    assert_eq!(
        e.to_string(),
        "The file is 300.0 MB; Heluo reads files up to 256 MB. Split the data or remove columns you do not chart."
    );
}

#[test]
fn exactly_the_limit_is_not_too_large() {
    let bytes = vec![b' '; MAX_FILE_BYTES as usize];
    assert_eq!(error_bytes(&bytes), Error::EmptyFile);
}

#[test]
fn binary_files_are_named() {
    let cases: [(&[u8], &str); 6] = [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image"),
        (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", "a PDF document"),
        (
            b"PK\x03\x04\x14\0\x06\0[Content_Types].xml",
            "a ZIP archive or an Excel/Word file (.xlsx, .docx)",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Excel or Word file (.xls, .doc)",
        ),
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\0\x01\0", "a GIF image"),
    ];
    for (bytes, guess) in cases {
        let e = error_bytes(bytes);
        assert_eq!(e, Error::NotText { guess }, "{bytes:?}");
        assert_eq!(
            e.to_string(),
            format!(
                "This is not a data file Heluo reads: it looks like {guess}. Save the data as JSON or CSV (UTF-8), or as an Excel workbook, and try again."
            )
        );
    }
}

#[test]
fn gbk_text_is_not_utf8() {
    // {"title": "洛龙"} saved as GBK.
    let bytes = b"{\"title\": \"\xC2\xE5\xC1\xFA\"}";
    // The core reports it; in the browser the web layer first decodes GB18030.
    assert_eq!(
        error_bytes(bytes),
        Error::NotUtf8 {
            line: 1,
            column: 12,
            truncated: false
        }
    );
    assert_eq!(
        error_bytes(bytes).to_string(),
        "The text at line 1, column 12 is not UTF-8, and the file is not GB18030/GBK either. Save it as UTF-8 (in Excel or WPS: Save As → UTF-8) and load it again."
    );
    // Cut inside a character (the first two bytes of 洛): no GBK guess then.
    assert_eq!(
        error_bytes(b"{\"title\": \"\xE6\xB4").to_string(),
        "The file ends in the middle of a character: it may have been cut short. Save or download it again."
    );
}

// ------------------------------------------------------------- JSON syntax

#[test]
fn syntax_error_names_line_and_column() {
    let e = error("{\"trend\" [[2013, 1]]}");
    assert_eq!(
        e,
        Error::Syntax {
            line: 1,
            column: 10,
            detail: "expected `:`".into(),
            hint: SyntaxHint::General
        }
    );
    assert_eq!(
        e.to_string(),
        "JSON syntax error at line 1, column 10: expected `:`. Check for a missing or extra comma, bracket or quote there."
    );
}

#[test]
fn syntax_error_on_a_later_line() {
    let json = "{\n  \"trend\": [\n    [2013, 3.12],\n  ]\n}";
    assert_eq!(
        message(json),
        "JSON syntax error at line 4, column 3: trailing comma. Remove the comma before the closing bracket."
    );
}

#[test]
fn syntax_error_for_unquoted_percent() {
    assert_eq!(
        message(r#"{"trend": [[2013, 3.12%]]}"#),
        "JSON syntax error at line 1, column 23: expected `,` or `]`. Check for a missing or extra comma, bracket or quote there."
    );
}

#[test]
fn huge_number_is_a_syntax_error() {
    assert_eq!(
        message(r#"{"trend": [[2013, 1e400]]}"#),
        "JSON syntax error at line 1, column 23: number out of range. Check for a missing or extra comma, bracket or quote there."
    );
}

#[test]
fn syntax_error_column_counts_characters_not_bytes() {
    // `{"title": "洛龙区" "x": 1}`: the stray `"` is the 17th character
    // (an editor's column 17), but the 23rd byte.
    assert_eq!(
        error(r#"{"title": "洛龙区" "x": 1}"#),
        Error::Syntax {
            line: 1,
            column: 17,
            detail: "expected `,` or `}`".into(),
            hint: SyntaxHint::General
        }
    );
}

#[test]
fn syntax_error_column_is_one_based() {
    match error("{\n  \"trend\": [\n    [2013, 3.12]\n") {
        Error::Syntax { line, column, .. } => {
            assert_eq!(line, 4);
            assert_eq!(column, 1, "columns start at 1");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

// --------------------------------------------------------------- top level

#[test]
fn top_level_must_be_an_object() {
    let cases = [
        ("[1, 2]", "an array"),
        ("[]", "an empty array"),
        ("\"trend\"", "the string \"trend\""),
        ("42", "the number 42"),
        ("true", "the boolean true"),
        ("null", "null"),
    ];
    for (json, found) in cases {
        let e = error(json);
        assert_eq!(
            e,
            Error::TopLevel {
                found: found.into()
            },
            "{json}"
        );
        assert_eq!(
            e.to_string(),
            format!("The file holds {found}, but a Heluo dataset is a JSON object such as {{\"trend\": […], \"ranking\": {{…}}}}.")
        );
    }
}

#[test]
fn nothing_to_chart() {
    let expected = "Nothing to chart: the dataset needs a \"trend\" (years and values) or a \"ranking\" (villages and metrics), or both.";
    for json in [
        "{}",
        r#"{"title": "洛龙区"}"#,
        r#"{"trend": null, "ranking": null}"#,
        r#"{"Trend": [[2013, 1]]}"#,
    ] {
        let e = error(json);
        assert_eq!(e, Error::NothingToChart, "{json}");
        assert_eq!(e.to_string(), expected);
    }
}

// -------------------------------------------------------------- wrong types

#[test]
fn canonical_string_value() {
    let json = r#"{
      "trend": {
        "unit": "%",
        "series": [{
          "name": "洛龙区",
          "points": [
            {"year": 2013, "value": 3.12},
            {"year": 2014, "value": 2.5},
            {"year": 2015, "value": 2.0},
            {"year": 2016, "value": "3.1%"}
          ]
        }]
      }
    }"#;
    let e = error(json);
    assert_eq!(
        e,
        Error::Type {
            path: "trend.series[0].points[3].value".into(),
            expected: "a number",
            found: "the string \"3.1%\"".into(),
        }
    );
    assert_eq!(
        e.to_string(),
        "trend.series[0].points[3].value: expected a number, found the string \"3.1%\""
    );
}

#[test]
fn wrong_types_name_path_expected_and_found() {
    let cases = [
        (
            r#"{"title": 5, "trend": [[2013, 1]]}"#,
            "title: expected a string, found the number 5",
        ),
        (
            r#"{"locale": true, "trend": [[2013, 1]]}"#,
            "locale: expected a string, found the boolean true",
        ),
        (
            r#"{"source": {}, "trend": [[2013, 1]]}"#,
            "source: expected a string, found an empty object",
        ),
        (
            r#"{"trend": "2013: 3.12"}"#,
            "trend: expected an object, found the string \"2013: 3.12\"",
        ),
        (
            r#"{"trend": 3.12}"#,
            "trend: expected an object, found the number 3.12",
        ),
        (
            r#"{"trend": {"series": {"name": "a"}}}"#,
            "trend.series: expected an array, found an object",
        ),
        (
            r#"{"trend": {"series": ["洛龙区"]}}"#,
            "trend.series[0]: expected an object, found the string \"洛龙区\"",
        ),
        (
            r#"{"trend": {"series": [{"name": 1, "points": []}]}}"#,
            "trend.series[0].name: expected a non-empty string, found the number 1",
        ),
        (
            r#"{"trend": {"series": [{"name": "  ", "points": []}]}}"#,
            "trend.series[0].name: expected a non-empty string, found the string \"  \"",
        ),
        (
            r#"{"trend": {"series": [{"name": "", "points": []}]}}"#,
            "trend.series[0].name: expected a non-empty string, found an empty string",
        ),
        (
            r#"{"trend": {"unit": 1, "points": [[2013, 1]]}}"#,
            "trend.unit: expected a string, found the number 1",
        ),
        (
            r#"{"trend": {"series": [{"name": "a", "points": "none"}]}}"#,
            "trend.series[0].points: expected an array, found the string \"none\"",
        ),
        (
            r#"{"trend": [[2013, true]]}"#,
            "trend[0][1]: expected a number, found the boolean true",
        ),
        (
            r#"{"trend": [{"year": 2013, "rate": "3.12"}]}"#,
            "trend[0].rate: expected a number, found the string \"3.12\"",
        ),
        (
            r#"{"trend": [["2013", 3.12]]}"#,
            "trend[0][0]: expected a year (a whole number), found the string \"2013\"",
        ),
        (
            r#"{"trend": [{"year": null, "value": 1}]}"#,
            "trend[0].year: expected a year (a whole number), found null",
        ),
        (
            r#"{"trend": {"points": [[2013, 1]], "annotations": {"year": 2013}}}"#,
            "trend.annotations: expected an array, found an object",
        ),
        (
            r#"{"trend": {"points": [[2013, 1]], "annotations": [2013]}}"#,
            "trend.annotations[0]: expected an object, found the number 2013",
        ),
        (
            r#"{"ranking": [1]}"#,
            "ranking: expected an object, found an array",
        ),
        (
            r#"{"ranking": {"metrics": "income"}}"#,
            "ranking.metrics: expected an array, found the string \"income\"",
        ),
        (
            r#"{"ranking": {"metrics": [{"key": "income", "unit": 1}], "villages": []}}"#,
            "ranking.metrics[0].unit: expected a string, found the number 1",
        ),
        (
            r#"{"ranking": {"metrics": [{"key": "income"}], "default_metric": 0, "villages": []}}"#,
            "ranking.default_metric: expected a string, found the number 0",
        ),
        (
            r#"{"ranking": {"metrics": [{"key": "income"}], "villages": {}}}"#,
            "ranking.villages: expected an array, found an empty object",
        ),
        (
            r#"{"ranking": {"metrics": [{"key": "income"}], "villages": [{"name": "王屯村", "values": [200000]}]}}"#,
            "ranking.villages[0].values: expected an object, found an array",
        ),
        (
            r#"{"ranking": {"metrics": [{"key": "income"}], "villages": [{"name": "王屯村", "values": {"income": "20万"}}]}}"#,
            "ranking.villages[0].values.income: expected a number, found the string \"20万\"",
        ),
        (
            r#"{"ranking": {"metrics": [{"key": "income"}], "villages": [{"name": "王屯村", "group": 3, "values": {}}]}}"#,
            "ranking.villages[0].group: expected a string, found the number 3",
        ),
    ];
    for (json, expected) in cases {
        let e = error(json);
        assert!(matches!(e, Error::Type { .. }), "{json}: {e:?}");
        assert_eq!(e.to_string(), expected, "{json}");
    }
}

#[test]
fn long_strings_are_cut_when_quoted() {
    let long = "很".repeat(100);
    let json = format!(r#"{{"trend": [[2013, "{long}"]]}}"#);
    assert_eq!(
        message(&json),
        format!(
            "trend[0][1]: expected a number, found the string \"{}…\"",
            "很".repeat(40)
        )
    );
}

// ------------------------------------------------------------ missing parts

#[test]
fn missing_fields_name_path_and_hint() {
    let cases = [
        (r#"{"trend": {}}"#, "trend.series: missing; add a list of series, each with a \"name\" and \"points\""),
        (r#"{"trend": {"unit": "%"}}"#, "trend.series: missing; add a list of series, each with a \"name\" and \"points\""),
        (r#"{"trend": {"series": [{"points": [[2013, 1]]}]}}"#, "trend.series[0].name: missing; give each series a \"name\""),
        (r#"{"trend": {"series": [{"name": "洛龙区"}]}}"#, "trend.series[0].points: missing; add the series' points, e.g. [{\"year\": 2013, \"value\": 3.12}]"),
        (r#"{"trend": [{"value": 3.12}]}"#, "trend[0].year: missing; each point needs a \"year\""),
        (r#"{"trend": [{"year": 2013}]}"#, "trend[0].value: missing; each point needs a \"value\" (use null for a missing year)"),
        (r#"{"trend": [{"year": 2013, "vale": 3.12}]}"#, "trend[0].value: missing; each point needs a \"value\" (use null for a missing year)"),
        (r#"{"trend": {"points": [[2013, 1]], "annotations": [{"label": "精准扶贫"}]}}"#, "trend.annotations[0].year: missing; say which year the annotation marks"),
        (r#"{"trend": {"points": [[2013, 1]], "annotations": [{"year": 2015}]}}"#, "trend.annotations[0].label: missing; give the annotation a \"label\""),
        (r#"{"ranking": {}}"#, "ranking.metrics: missing; declare the metrics, e.g. [{\"key\": \"income\", \"label\": \"村集体经济收入\", \"unit\": \"元\"}]"),
        (r#"{"ranking": {"metrics": [{"label": "收入"}]}}"#, "ranking.metrics[0].key: missing; give each metric a \"key\""),
        (r#"{"ranking": {"metrics": [{"key": "income"}]}}"#, "ranking.villages: missing; add the villages, e.g. [{\"name\": \"王屯村\", \"values\": {\"income\": 200000}}]"),
        (r#"{"ranking": {"metrics": [{"key": "income"}], "villages": [{"values": {}}]}}"#, "ranking.villages[0].name: missing; give each village a \"name\""),
        (r#"{"ranking": {"metrics": [{"key": "income"}], "villages": [{"name": "王屯村"}]}}"#, "ranking.villages[0].values: missing; give the village's values by metric key, e.g. {\"income\": 200000}"),
    ];
    for (json, expected) in cases {
        let e = error(json);
        assert!(matches!(e, Error::Missing { .. }), "{json}: {e:?}");
        assert_eq!(e.to_string(), expected, "{json}");
    }
}

#[test]
fn empty_lists() {
    let cases = [
        (r#"{"trend": []}"#, "trend: empty; add at least one point"),
        (
            r#"{"trend": {"series": []}}"#,
            "trend.series: empty; add at least one series",
        ),
        (
            r#"{"trend": {"points": []}}"#,
            "trend.points: empty; add at least one point",
        ),
        (
            r#"{"trend": {"series": [{"name": "a", "points": []}]}}"#,
            "trend.series[0].points: empty; add at least one point",
        ),
        (
            r#"{"ranking": {"metrics": []}}"#,
            "ranking.metrics: empty; add at least one metric",
        ),
        (
            r#"{"ranking": {"metrics": [{"key": "income"}], "villages": []}}"#,
            "ranking.villages: empty; add at least one village",
        ),
    ];
    for (json, expected) in cases {
        let e = error(json);
        assert!(matches!(e, Error::Empty { .. }), "{json}: {e:?}");
        assert_eq!(e.to_string(), expected, "{json}");
    }
}

// ---------------------------------------------------------- years and points

#[test]
fn years_outside_the_range_or_fractional() {
    let cases = [
        (r#"{"trend": [[1799, 1]]}"#, "trend[0][0]: expected a whole year between 1800 and 2100, found the number 1799"),
        (r#"{"trend": [[2101, 1]]}"#, "trend[0][0]: expected a whole year between 1800 and 2100, found the number 2101"),
        (r#"{"trend": [[13, 1]]}"#, "trend[0][0]: expected a whole year between 1800 and 2100, found the number 13"),
        (r#"{"trend": [[-2013, 1]]}"#, "trend[0][0]: expected a whole year between 1800 and 2100, found the number -2013"),
        (r#"{"trend": [[2013.5, 1]]}"#, "trend[0][0]: expected a whole year between 1800 and 2100, found the number 2013.5"),
        (r#"{"trend": [[18446744073709551615, 1]]}"#, "trend[0][0]: expected a whole year between 1800 and 2100, found the number 18446744073709551615"),
        (r#"{"trend": [{"year": 20130, "value": 1}]}"#, "trend[0].year: expected a whole year between 1800 and 2100, found the number 20130"),
        (r#"{"trend": {"points": [[2013, 1]], "annotations": [{"year": 2015.5, "label": "x"}]}}"#, "trend.annotations[0].year: expected a whole year between 1800 and 2100, found the number 2015.5"),
    ];
    for (json, expected) in cases {
        let e = error(json);
        assert!(matches!(e, Error::Year { .. }), "{json}: {e:?}");
        assert_eq!(e.to_string(), expected, "{json}");
    }
}

#[test]
fn duplicate_years() {
    let e = error(r#"{"trend": [[2013, 3.12], [2014, 2.5], [2013, 3.0]]}"#);
    assert_eq!(
        e,
        Error::DuplicateYear {
            path: "trend[2][0]".into(),
            year: 2013,
            first: "trend[0]".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "trend[2][0]: the year 2013 appears twice in this series (first at trend[0]); keep one value per year"
    );
    assert_eq!(
        message(r#"{"trend": {"series": [{"name": "a", "points": [[2013, 1]]}, {"name": "b", "points": [{"year": 2013, "value": 1}, {"year": 2013, "value": null}]}]}}"#),
        "trend.series[1].points[1].year: the year 2013 appears twice in this series (first at trend.series[1].points[0]); keep one value per year"
    );
}

#[test]
fn same_year_in_two_series_is_fine() {
    let d = dataset_str(
        r#"{"trend": {"series": [{"name": "a", "points": [[2013, 1]]}, {"name": "b", "points": [[2013, 2]]}]}}"#,
    );
    assert_eq!(d.trend.expect("trend").years(), [2013]);
}

#[test]
fn point_shapes() {
    let cases = [
        (r#"{"trend": [[2013]]}"#, "an array of 1 item"),
        (r#"{"trend": [[2013, 3.12, 1]]}"#, "an array of 3 items"),
        (r#"{"trend": [[]]}"#, "an array of 0 items"),
        (r#"{"trend": [3.12]}"#, "the number 3.12"),
        (r#"{"trend": ["2013: 3.12"]}"#, "the string \"2013: 3.12\""),
        (r#"{"trend": [null]}"#, "null"),
    ];
    for (json, found) in cases {
        let e = error(json);
        assert_eq!(
            e,
            Error::PointShape {
                path: "trend[0]".into(),
                found: found.into()
            },
            "{json}"
        );
        assert_eq!(
            e.to_string(),
            format!("trend[0]: expected a point such as {{\"year\": 2013, \"value\": 3.12}} or [2013, 3.12], found {found}")
        );
    }
}

#[test]
fn percentages_must_lie_in_0_to_100() {
    let cases = [
        (r#"{"trend": {"unit": "%", "points": [[2013, 312]]}}"#, "trend.points[0][1]: 312 is not a percentage between 0 and 100 (the unit is \"%\"); write 3.12 for 3.12%"),
        (r#"{"trend": {"unit": "%", "points": [{"year": 2013, "rate": 100.5}]}}"#, "trend.points[0].rate: 100.5 is not a percentage between 0 and 100 (the unit is \"%\"); write 3.12 for 3.12%"),
        (r#"{"trend": {"unit": "%", "series": [{"name": "a", "points": [[2012, 1], {"year": 2013, "value": -0.5}]}]}}"#, "trend.series[0].points[1].value: -0.5 is not a percentage between 0 and 100 (the unit is \"%\"): a share cannot be negative"),
    ];
    for (json, expected) in cases {
        let e = error(json);
        assert!(matches!(e, Error::Percent { .. }), "{json}: {e:?}");
        assert_eq!(e.to_string(), expected, "{json}");
    }
    // The bounds themselves, and gaps, are fine; other units are not checked.
    dataset_str(r#"{"trend": {"unit": "%", "points": [[2012, 0], [2013, 100], [2014, null]]}}"#);
    dataset_str(r#"{"trend": {"unit": "元", "points": [[2013, 312]]}}"#);
    dataset_str(r#"{"trend": [[2013, 312]]}"#);
}

#[test]
fn ranking_percentages_must_lie_in_0_to_100() {
    let e = error(
        r#"{"ranking": {"metrics": [{"key": "income", "unit": "元"}, {"key": "rate", "unit": "%"}], "villages": [
            {"name": "王屯村", "values": {"income": 312, "rate": 3.12}},
            {"name": "夏庄村", "values": {"income": 5, "rate": 312}}]}}"#,
    );
    assert!(matches!(e, Error::Percent { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "ranking.villages[1].values.rate: 312 is not a percentage between 0 and 100 (the unit is \"%\"); write 3.12 for 3.12%"
    );
    dataset_str(
        r#"{"ranking": {"metrics": [{"key": "rate", "unit": "%"}], "villages": [{"name": "王屯村", "values": {"rate": null}}, {"name": "夏庄村", "values": {"rate": 100}}]}}"#,
    );
}

// ----------------------------------------------------------------- rankings

#[test]
fn duplicate_village_in_one_group() {
    let json = r#"{"ranking": {"metrics": [{"key": "income"}], "villages": [
        {"name": "王屯村", "group": "科技园街道", "values": {"income": 1}},
        {"name": "夏庄村", "values": {"income": 2}},
        {"name": "王屯村", "group": "科技园街道", "values": {"income": 3}}
    ]}}"#;
    let e = error(json);
    assert_eq!(
        e,
        Error::DuplicateVillage {
            path: "ranking.villages[2].name".into(),
            name: "王屯村".into(),
            group: Some("科技园街道".into()),
            first: "ranking.villages[0]".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "ranking.villages[2].name: the village \"王屯村\" appears twice in the group \"科技园街道\" (first at ranking.villages[0]); merge the two entries"
    );
}

#[test]
fn duplicate_village_without_groups() {
    // No group, a blank group and padded names all count as the same village.
    let json = r#"{"ranking": {"metrics": [{"key": "income"}], "villages": [
        {"name": "王屯村", "values": {"income": 1}},
        {"name": " 王屯村 ", "group": "", "values": {"income": 3}}
    ]}}"#;
    assert_eq!(
        message(json),
        "ranking.villages[1].name: the village \"王屯村\" appears twice and neither has a \"group\" (first at ranking.villages[0]); merge the two entries or give each its \"group\""
    );
}

#[test]
fn duplicate_metric_key() {
    let json = r#"{"ranking": {"metrics": [{"key": "income"}, {"key": "dividend"}, {"key": "income", "label": "收入"}], "villages": []}}"#;
    let e = error(json);
    assert_eq!(
        e,
        Error::DuplicateMetric {
            path: "ranking.metrics[2].key".into(),
            key: "income".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "ranking.metrics[2].key: the metric key \"income\" is declared twice"
    );
}

#[test]
fn unknown_metric_in_village_values() {
    let json = r#"{"ranking": {"metrics": [{"key": "income"}, {"key": "dividend"}], "villages": [
        {"name": "王屯村", "values": {"income": 1, "dividend": 2}},
        {"name": "夏庄村", "values": {"Income": 2}}
    ]}}"#;
    let e = error(json);
    assert_eq!(
        e,
        Error::UnknownMetric {
            path: "ranking.villages[1].values.Income".into(),
            key: "Income".into(),
            known: vec!["income".into(), "dividend".into()]
        }
    );
    assert_eq!(
        e.to_string(),
        "ranking.villages[1].values.Income: no metric has the key \"Income\"; declared keys are \"income\", \"dividend\""
    );
}

#[test]
fn unknown_default_metric() {
    let json = r#"{"ranking": {"default_metric": "收入", "metrics": [{"key": "income"}], "villages": [{"name": "王屯村", "values": {"income": 1}}]}}"#;
    assert_eq!(
        message(json),
        "ranking.default_metric: no metric has the key \"收入\"; declared keys are \"income\""
    );
}

#[test]
fn first_problem_wins() {
    // A bad trend is reported before a bad ranking; within a series, the
    // first bad point in document order.
    let json = r#"{"trend": [[2013, "x"], [1800, 1]], "ranking": {}}"#;
    assert_eq!(
        message(json),
        "trend[0][1]: expected a number, found the string \"x\""
    );
}

#[test]
fn utf16_files_are_decoded() {
    // Notepad's "Unicode" and some exports write UTF-16, with or without a byte order mark.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encodings");
    for name in [
        "utf16le_bom.json",
        "utf16be_bom.json",
        "utf16le_no_bom.json",
    ] {
        let d = parse(&std::fs::read(dir.join(name)).expect("fixture")).expect(name);
        assert_eq!(d.title.as_deref(), Some("洛龙区"), "{name}");
        let trend = d.trend.expect("trend");
        assert_eq!(trend.series[0].value_at(2013), Some(3.12), "{name}");
    }
    let d = parse(&std::fs::read(dir.join("utf16le_no_bom_ascii.json")).expect("fixture"))
        .expect("ascii utf-16");
    assert_eq!(d.trend.expect("trend").series[0].value_at(2013), Some(3.1));
    // An odd number of bytes after a UTF-16 byte order mark is broken UTF-16.
    assert_eq!(
        error_bytes(b"\xFF\xFE{\x00}").to_string(),
        "This is not a data file Heluo reads: it looks like UTF-16 text with broken characters. Save the data as JSON or CSV (UTF-8), or as an Excel workbook, and try again."
    );
}

// ------------------------------------------- integrity: text a reader can trust

/// A ranking of one metric (`income`, 元) with the given villages' JSON.
fn ranking_of(villages: &str) -> String {
    format!(
        r#"{{"ranking": {{"metrics": [{{"key": "income", "label": "村集体经济收入", "unit": "元"}}], "villages": [{villages}]}}}}"#
    )
}

#[test]
fn bidi_controls_are_removed_from_every_text() {
    // U+202E in a label reversed the chart's own words after it ("共 12 个村" → "村个 21 共").
    let d = dataset_str(
        r#"{"title": "洛龙区\u202e脱贫", "subtitle": "\u2066副\u2069", "source": "东方\u200f今报",
            "note": "\u202a注\u202c", "locale": "zh-CN\u200e",
            "trend": {"title": "贫困\u061c发生率", "unit": "%\u202e", "series": [{"name": "\u202e洛龙区", "points": [[2013, 3.12]]}],
                      "annotations": [{"year": 2013, "label": "精准\u202d扶贫"}]},
            "ranking": {"title": "\u2067收入", "metrics": [{"key": "inc\u202eome", "label": "村集体\u202e经济收入", "unit": "\u202e元"}],
                        "villages": [{"name": "王屯村\u202e", "group": "\u2068白马寺镇", "values": {"income": 1}}]}}"#,
    );
    assert_eq!(d.title.as_deref(), Some("洛龙区脱贫"));
    assert_eq!(d.subtitle.as_deref(), Some("副"));
    assert_eq!(d.source.as_deref(), Some("东方今报"));
    assert_eq!(d.note.as_deref(), Some("注"));
    assert_eq!(d.locale, "zh-CN");
    let trend = d.trend.expect("trend");
    assert_eq!(trend.title.as_deref(), Some("贫困发生率"));
    assert_eq!(trend.unit.as_deref(), Some("%"));
    assert_eq!(trend.series[0].name, "洛龙区");
    assert_eq!(trend.annotations[0].label, "精准扶贫");
    let ranking = d.ranking.expect("ranking");
    assert_eq!(ranking.title.as_deref(), Some("收入"));
    assert_eq!(ranking.metrics[0].key, "income");
    assert_eq!(ranking.metrics[0].label, "村集体经济收入");
    assert_eq!(ranking.metrics[0].unit.as_deref(), Some("元"));
    assert_eq!(ranking.villages[0].name, "王屯村");
    assert_eq!(ranking.villages[0].group.as_deref(), Some("白马寺镇"));
}

#[test]
fn control_characters_are_removed_and_line_breaks_become_spaces() {
    // They made the SVG export invalid XML.
    let d = dataset_str(
        r#"{"title": "洛龙区\u0000\u0007\u001b\u007f\u0085\u009f脱贫\ufffe\uffff\ufdd0",
            "subtitle": "一\t二\n三\r四", "note": "第一行\r\n第二行\r第三行\n\t完",
            "trend": [[2013, 3.12]]}"#,
    );
    assert_eq!(d.title.as_deref(), Some("洛龙区脱贫"));
    assert_eq!(d.subtitle.as_deref(), Some("一 二 三 四"));
    assert_eq!(
        d.note.as_deref(),
        Some("第一行\n第二行\n第三行\n 完"),
        "the note keeps its line breaks"
    );
    assert_eq!(d.trend.expect("trend").series[0].name, "洛龙区脱贫");
}

#[test]
fn no_text_of_a_dataset_holds_a_control_or_bidi_character() {
    let all: String = (0u32..0x20)
        .chain(0x7F..0xA0)
        .chain([0x200E, 0x200F, 0x061C, 0xFFFE, 0xFFFF])
        .chain(0x202A..0x202F)
        .chain(0x2066..0x206A)
        .filter_map(char::from_u32)
        .map(|c| format!("\\u{:04x}", u32::from(c)))
        .collect();
    let json = format!(
        r#"{{"title": "a{all}b", "ranking": {{"metrics": [{{"key": "k{all}", "label": "l{all}"}}],
            "villages": [{{"name": "v{all}", "group": "g{all}", "values": {{"k": 1}}}}]}}}}"#
    );
    let d = dataset_str(&json);
    let ranking = d.ranking.expect("ranking");
    for text in [
        d.title.as_deref().unwrap_or(""),
        &ranking.metrics[0].key,
        &ranking.metrics[0].label,
        &ranking.villages[0].name,
        ranking.villages[0].group.as_deref().unwrap_or(""),
    ] {
        assert!(
            !text.chars().any(|c| c.is_control()
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}')),
            "{text:?}"
        );
    }
    assert_eq!(
        d.title.as_deref(),
        Some("a   b"),
        "tab, LF and CR are spaces, runs kept as written"
    );
}

#[test]
fn messages_show_invisible_characters_as_code_points() {
    // A U+202E in a quoted value cannot reverse the message after it.
    assert_eq!(
        message(r#"{"trend": [[2013, "3.1\u202e%"]]}"#),
        "trend[0][1]: expected a number, found the string \"3.1<U+202E>%\""
    );
    assert_eq!(
        message(r#"{"trend": [[2013, "a\u0000b\u200bc\u00a0d\u3000e"]]}"#),
        "trend[0][1]: expected a number, found the string \"a<U+0000>b<U+200B>c<U+00A0>d<U+3000>e\""
    );
    // A message stays short however many invisible characters are quoted.
    let json = format!(r#"{{"trend": [[2013, "{}"]]}}"#, "\\u200b".repeat(1000));
    assert!(message(&json).chars().count() < 200, "{}", message(&json));
}

#[test]
fn units_are_normalised_before_the_percent_check() {
    // "% " and "％" skipped the 0–100 check: 312%, 250%, -30% were charted.
    for unit in ["% ", " %", "％", "﹪", "\u{200b}%", "%\u{202e}"] {
        let json = format!(
            r#"{{"trend": {{"unit": "{unit}", "series": [{{"name": "a", "points": [[2013, 312]]}}]}}}}"#
        );
        assert_eq!(
            message(&json),
            "trend.series[0].points[0][1]: 312 is not a percentage between 0 and 100 (the unit is \"%\"); write 3.12 for 3.12%",
            "{unit:?}"
        );
        let json = format!(r#"{{"trend": {{"unit": "{unit}", "points": [[2013, 3.12]]}}}}"#);
        assert_eq!(
            dataset_str(&json).trend.expect("trend").unit.as_deref(),
            Some("%"),
            "{unit:?}"
        );
        let json = format!(
            r#"{{"ranking": {{"metrics": [{{"key": "rate", "unit": "{unit}"}}], "villages": [{{"name": "王屯村", "values": {{"rate": -30}}}}]}}}}"#
        );
        assert_eq!(
            message(&json),
            "ranking.villages[0].values.rate: -30 is not a percentage between 0 and 100 (the unit is \"%\"): a share cannot be negative",
            "{unit:?}"
        );
    }
    let d = dataset_str(
        &ranking_of(r#"{"name": "王屯村", "values": {"income": 1}}"#)
            .replace("\"元\"", "\" 元　\""),
    );
    assert_eq!(
        d.ranking.expect("ranking").metrics[0].unit.as_deref(),
        Some("元")
    );
    let d = dataset_str(r#"{"trend": {"unit": "  ", "points": [[2013, 312]]}}"#);
    assert_eq!(
        d.trend.expect("trend").unit,
        None,
        "a blank unit is no unit"
    );
}

// --------------------------------------------------------- duplicate keys

#[test]
fn duplicate_keys_are_refused_with_key_and_path() {
    // serde_json's Value kept the last one silently.
    assert_eq!(
        message(r#"{"trend": "garbage", "trend": [[2013, 3.12]]}"#),
        "trend: the key \"trend\" is written twice in the same object; keep one of the two"
    );
    assert_eq!(
        message(&ranking_of(r#"{"name": "王屯村", "values": {"income": 1, "income": 999999}}"#)),
        "ranking.villages[0].values.income: the key \"income\" is written twice in the same object; keep one of the two"
    );
    assert_eq!(
        message(r#"{"trend": [{"year": 2013, "year": 2014, "value": 3.1}]}"#),
        "trend[0].year: the key \"year\" is written twice in the same object; keep one of the two"
    );
    assert_eq!(
        message(r#"{"trend": {"series": [{"name": "a", "points": [[2013, 1]]}, {"name": "b", "name": "c", "points": [[2013, 1]]}]}}"#),
        "trend.series[1].name: the key \"name\" is written twice in the same object; keep one of the two"
    );
    // In a part the chart does not read, too: the file is ambiguous.
    assert_eq!(
        message(r#"{"extra": {"a": {"x": 1, "x": 2}}, "trend": [[2013, 3.12]]}"#),
        "extra.a.x: the key \"x\" is written twice in the same object; keep one of the two"
    );
    // A key a reader could misread is quoted in the path.
    assert_eq!(
        message(r#"{"trend": [[2013, 1]], "a b": {" k": 1, " k": 2}}"#),
        "[\"a b\"][\" k\"]: the key \" k\" is written twice in the same object; keep one of the two"
    );
}

#[test]
fn a_syntax_error_wins_over_a_duplicate_key() {
    assert!(matches!(
        error(r#"{"trend": 1, "trend": [[2013, 3.12]], }"#),
        Error::Syntax { .. }
    ));
}

// ------------------------------------------------------------- look-alikes

#[test]
fn village_names_that_look_the_same_are_refused_showing_the_difference() {
    for (written, shown) in [
        ("王屯村\\u200d", "王屯村<U+200D>"),
        ("王\\u200b屯村", "王<U+200B>屯村"),
        ("\\ufeff王屯村", "<U+FEFF>王屯村"),
        ("王屯村\\u2060", "王屯村<U+2060>"),
        ("王屯村\\u202e", "王屯村<U+202E>"),
        ("王\\u3000屯村", "王<U+3000>屯村"),
    ] {
        let json = ranking_of(&format!(
            r#"{{"name": "王 屯村", "values": {{}}}}, {{"name": "王屯村", "values": {{}}}}, {{"name": "{written}", "values": {{}}}}"#
        ));
        let want = format!("ranking.villages[2].name: the village \"{shown}\" looks the same as \"王屯村\" (first at ranking.villages[1]); they differ only in invisible characters or spaces, so rename one or merge the two");
        // "王 屯村" (with a space) is another name, except for the ideographic space.
        let want = if written.contains("3000") {
            "ranking.villages[2].name: the village \"王<U+3000>屯村\" looks the same as \"王 屯村\" (first at ranking.villages[0]); they differ only in invisible characters or spaces, so rename one or merge the two".to_string()
        } else {
            want
        };
        assert_eq!(message(&json), want, "{written}");
    }
}

#[test]
fn look_alike_villages_in_different_groups_are_fine() {
    let d = dataset_str(&ranking_of(
        r#"{"name": "王屯村", "group": "甲镇", "values": {}}, {"name": "王屯村\u200b", "group": "乙镇", "values": {}}"#,
    ));
    assert_eq!(d.ranking.expect("ranking").villages.len(), 2);
}

#[test]
fn names_of_only_invisible_characters_are_empty() {
    // They drew bars with no label.
    for c in [
        "200b",
        "2800",
        "3164",
        "115f",
        "1160",
        "ffa0",
        "200b\\u200d\\ufeff",
        "202e",
    ] {
        let json = ranking_of(&format!(r#"{{"name": "\u{c}", "values": {{}}}}"#));
        let shown: String = c
            .split("\\u")
            .map(|h| format!("<U+{}>", h.to_uppercase()))
            .collect();
        assert_eq!(
            message(&json),
            format!("ranking.villages[0].name: expected a non-empty string, found the string \"{shown}\", which has only invisible characters"),
            "{c}"
        );
    }
    assert_eq!(
        message(r#"{"trend": {"series": [{"name": "\u3164", "points": [[2013, 1]]}]}}"#),
        "trend.series[0].name: expected a non-empty string, found the string \"<U+3164>\", which has only invisible characters"
    );
    assert_eq!(
        message(r#"{"trend": {"points": [[2013, 1]], "annotations": [{"year": 2013, "label": "\u200b"}]}}"#),
        "trend.annotations[0].label: expected a non-empty string, found the string \"<U+200B>\", which has only invisible characters"
    );
    assert_eq!(
        message(r#"{"ranking": {"metrics": [{"key": "\u2800"}], "villages": [{"name": "a", "values": {}}]}}"#),
        "ranking.metrics[0].key: expected a non-empty string, found the string \"<U+2800>\", which has only invisible characters"
    );
    // Blank optional texts are absent.
    let d = dataset_str(r#"{"title": "\u200b\u3164 ", "trend": [[2013, 1]]}"#);
    assert_eq!(d.title, None);
}

#[test]
fn group_names_are_compared_as_a_reader_sees_them() {
    // "白马寺镇" and "白马寺镇 " were two legend entries.
    let d = dataset_str(&ranking_of(
        r#"{"name": "a", "group": "白马寺镇", "values": {}}, {"name": "b", "group": "白马寺镇 ", "values": {}},
           {"name": "c", "group": " 白马寺镇\u200b", "values": {}}, {"name": "d", "group": "\u202e白马寺镇", "values": {}}"#,
    ));
    let groups: Vec<_> = d
        .ranking
        .expect("ranking")
        .villages
        .iter()
        .map(|v| v.group.as_deref().map(str::to_string))
        .collect();
    assert_eq!(groups, vec![Some("白马寺镇".to_string()); 4]);
    // So the same village twice in one group is found whatever the spelling of the group.
    assert_eq!(
        message(&ranking_of(
            r#"{"name": "王屯村", "group": "白马寺镇", "values": {}}, {"name": "王屯村", "group": "白马寺镇\u200b", "values": {}}"#
        )),
        "ranking.villages[1].name: the village \"王屯村\" appears twice in the group \"白马寺镇\" (first at ranking.villages[0]); merge the two entries"
    );
}

#[test]
fn a_group_named_like_the_no_group_entry_is_refused() {
    assert_eq!(
        message(&ranking_of(r#"{"name": "a", "group": "未分组", "values": {}}, {"name": "b", "values": {}}"#)),
        "ranking.villages[0].group: \"未分组\" is what the chart calls villages without a group, so a group cannot have that name; rename the group, or leave \"group\" out for villages that have none"
    );
    let en = ranking_of(r#"{"name": "a", "group": "no  group ", "values": {}}"#).replacen(
        '{',
        r#"{"locale": "en", "#,
        1,
    );
    assert_eq!(
        message(&en),
        "ranking.villages[0].group: \"no  group\" is what the chart calls villages without a group, so a group cannot have that name; rename the group, or leave \"group\" out for villages that have none"
    );
    // The other language's label is an ordinary name.
    let d = dataset_str(&ranking_of(
        r#"{"name": "a", "group": "No group", "values": {}}"#,
    ));
    assert_eq!(
        d.ranking.expect("ranking").villages[0].group.as_deref(),
        Some("No group")
    );
    assert_eq!(heluo::dataset::no_group_label(true), "未分组");
    assert_eq!(heluo::dataset::no_group_label(false), "No group");
}

#[test]
fn two_series_with_one_name_are_refused() {
    assert_eq!(
        message(r#"{"trend": {"series": [{"name": "洛龙区", "points": [[2013, 1]]}, {"name": "洛龙区", "points": [[2013, 2]]}]}}"#),
        "trend.series[1].name: the series name \"洛龙区\" is used twice (first at trend.series[0]); a reader could not tell the two apart, so give each its own"
    );
    assert_eq!(
        message(r#"{"trend": {"series": [{"name": "洛龙区", "points": [[2013, 1]]}, {"name": "洛龙区\u2060", "points": [[2013, 2]]}]}}"#),
        "trend.series[1].name: the series name \"洛龙区<U+2060>\" looks the same as \"洛龙区\" (first at trend.series[0]); they differ only in invisible characters or spaces, so rename one or merge the two"
    );
}

#[test]
fn two_metrics_with_one_label_are_refused() {
    assert_eq!(
        message(r#"{"ranking": {"metrics": [{"key": "a", "label": "收入"}, {"key": "b", "label": "收入"}], "villages": [{"name": "v", "values": {}}]}}"#),
        "ranking.metrics[1].label: the metric label \"收入\" is used twice (first at ranking.metrics[0]); a reader could not tell the two apart, so give each its own"
    );
    // A label defaults to the key.
    assert_eq!(
        message(r#"{"ranking": {"metrics": [{"key": "收入"}, {"key": "b", "label": "收入\u200b"}], "villages": [{"name": "v", "values": {}}]}}"#),
        "ranking.metrics[1].label: the metric label \"收入<U+200B>\" looks the same as \"收入\" (first at ranking.metrics[0]); they differ only in invisible characters or spaces, so rename one or merge the two"
    );
    assert_eq!(
        message(r#"{"ranking": {"metrics": [{"key": "income"}, {"key": "income\u200b", "label": "x"}], "villages": [{"name": "v", "values": {}}]}}"#),
        "ranking.metrics[1].key: the metric key \"income<U+200B>\" looks the same as \"income\" (first at ranking.metrics[0]); they differ only in invisible characters or spaces, so rename one or merge the two"
    );
}

#[test]
fn value_keys_are_matched_as_metric_keys_are() {
    // A key declared " income " was trimmed, but the same key in the values was not found.
    let d = dataset_str(
        r#"{"ranking": {"metrics": [{"key": " income "}], "villages": [{"name": "v", "values": {" income ": 5}}]}}"#,
    );
    assert_eq!(
        d.ranking.expect("ranking").villages[0].values,
        vec![Some(5.0)]
    );
    assert_eq!(
        message(&ranking_of(r#"{"name": "v", "values": {" incom ": 5}}"#)),
        "ranking.villages[0].values[\" incom \"]: no metric has the key \" incom \"; declared keys are \"income\""
    );
    assert_eq!(
        message(&ranking_of(r#"{"name": "v", "values": {"income": 1, " income ": 2}}"#)),
        "ranking.villages[0].values.income: the metric key \"income\" looks the same as \" income \" (first at ranking.villages[0].values[\" income \"]); they differ only in invisible characters or spaces, so rename one or merge the two"
    );
}

// ------------------------------------------------- numbers as the user wrote them

#[test]
fn a_value_just_under_the_limit_is_accepted() {
    // serde_json's fast float reading rounds 999999999999999.9 to 1e15.
    for written in [
        "999999999999999.9",
        "-999999999999999.99",
        "9.999999999999999999e14",
        "99999999999999999e-2",
    ] {
        let d = dataset_str(&ranking_of(&format!(
            r#"{{"name": "v", "values": {{"income": {written}}}}}"#
        )));
        let v = d.ranking.expect("ranking").villages[0].values[0].expect("a value");
        assert!(
            v.abs() < 1e15 && v.abs() > 999_999_999_999_999.0,
            "{written}: {v}"
        );
    }
    for (written, message_text) in [
        ("1000000000000000", "1000000000000000"),
        ("1e15", "1e15"),
        ("-1.0E+15", "-1.0E+15"),
        ("999999999999999.99e1", "999999999999999.99e1"),
        (
            "0.0000000000000000000000000000001e46",
            "0.0000000000000000000000000000001e46",
        ),
    ] {
        assert_eq!(
            message(&ranking_of(&format!(r#"{{"name": "v", "values": {{"income": {written}}}}}"#))),
            format!("ranking.villages[0].values.income: {message_text} is too large to chart; values must stay below 1,000,000,000,000,000")
        );
    }
}

#[test]
fn numbers_are_quoted_as_written() {
    assert_eq!(
        message(r#"{"trend": [[18446744073709551617, 3.12]]}"#),
        "trend[0][0]: expected a whole year between 1800 and 2100, found the number 18446744073709551617"
    );
    assert_eq!(
        message(r#"{"trend": [[2.0135e3, 3.12]]}"#),
        "trend[0][0]: expected a whole year between 1800 and 2100, found the number 2.0135e3"
    );
    assert_eq!(
        message(r#"{"trend": {"unit": "%", "points": [[2013, 1.0E2], [2014, 100.50]]}}"#),
        "trend.points[1][1]: 100.50 is not a percentage between 0 and 100 (the unit is \"%\"); write 3.12 for 3.12%"
    );
    // Numbers inside strings and keys do not confuse the count.
    assert_eq!(
        message(r#"{"12": "3 4 -5", "trend": [["2013", 1], [1, 2]], "x": [5e3]}"#),
        "trend[0][0]: expected a year (a whole number), found the string \"2013\""
    );
    assert_eq!(
        message(r#"{"n\"1": "\"2", "trend": [[2013, 1], [-0.5e1, 2]]}"#),
        "trend[1][0]: expected a whole year between 1800 and 2100, found the number -0.5e1"
    );
    let long = "1".repeat(300);
    assert_eq!(
        message(&format!(r#"{{"trend": [[{long}, 1]]}}"#)),
        format!(
            "trend[0][0]: expected a whole year between 1800 and 2100, found the number {}…",
            "1".repeat(40)
        )
    );
}

// --------------------------------------------------------- error positions

#[test]
fn cr_only_line_ends_give_the_right_line() {
    // Old Mac and some Excel exports end lines with a lone CR.
    assert_eq!(
        message("{\r\"trend\": [\r[2013, 3.12],\r[2014 3.1]\r]\r}\r"),
        "JSON syntax error at line 4, column 7: expected `,` or `]`. Check for a missing or extra comma, bracket or quote there."
    );
    assert_eq!(
        message("{\r\n\"trend\": [\r\n[2013, 3.12],\r\n[2014 3.1]\r\n]\r\n}\r\n"),
        "JSON syntax error at line 4, column 7: expected `,` or `]`. Check for a missing or extra comma, bracket or quote there."
    );
    // And so does text that is not UTF-8.
    assert_eq!(
        error_bytes(b"{\r\"title\": \"\xC0\xC1\"}"),
        Error::NotUtf8 {
            line: 2,
            column: 11,
            truncated: false
        }
    );
    assert!(dataset(b"{\r\"trend\": [[2013, 3.12]]\r}").trend.is_some());
}

#[test]
fn byte_order_marks_where_a_value_should_be_are_named() {
    let bom = "There is an invisible byte order mark (U+FEFF) there, often left when files are joined: delete it, or save the file again as UTF-8.";
    assert_eq!(
        error_bytes(b"\xEF\xBB\xBF\xEF\xBB\xBF{\"trend\": [[2013, 3.12]], \"x\": 1}").to_string(),
        format!("JSON syntax error at line 1, column 1: expected value. {bom}"),
        "two byte order marks: not the CSV hint"
    );
    assert_eq!(
        message("{\"title\": \"a\",\u{feff}\"trend\": [[2013, 3.12]]}"),
        format!("JSON syntax error at line 1, column 15: key must be a string. {bom}")
    );
    assert_eq!(
        message("{\"trend\":\u{a0}[[2013, 3.12]]}"),
        "JSON syntax error at line 1, column 10: expected value. There is an invisible character (U+00A0) there: delete it, or type an ordinary space; JSON allows only spaces and line breaks between values."
    );
}
