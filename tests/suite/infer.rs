//! Inference: tables (built here as a reader would) into the same charts a
//! format v1 file gives, each rule with its ambiguous cases, the summary,
//! the mapping and its replay, and typed errors naming the place.

use heluo::dataset::infer::cells::{self, Decimal, Time};
use heluo::dataset::infer::{
    infer, Chart, Imported, Left, Mapping, Note, PerYear, Period, Reason, Role, Shape, Why,
};
use heluo::dataset::table::{Cell, Column, Origin, Table};
use heluo::error::Spot;
use heluo::text::Lang;
use heluo::{parse, Dataset, Error};
use serde_json::{json, Value};

/// A table from lines split on `sep`; the first line is the header. An empty
/// field is [`Cell::Empty`], every other one text, as a CSV reader gives.
/// Rows are numbered as lines of a file (the header is line 1).
pub fn table(sep: char, text: &str) -> Table {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().expect("a header").split(sep).collect();
    let mut columns: Vec<Column> = header
        .iter()
        .map(|h| Column {
            name: h.trim().to_string(),
            cells: Vec::new(),
        })
        .collect();
    let mut row_numbers = Vec::new();
    for (i, line) in lines.enumerate() {
        let fields: Vec<&str> = line.split(sep).collect();
        for (c, column) in columns.iter_mut().enumerate() {
            let field = fields.get(c).map_or("", |f| f.trim());
            column.cells.push(if field.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(field.to_string())
            });
        }
        row_numbers.push(i + 2);
    }
    let n = columns.len();
    Table {
        origin: Origin::Delimited {
            delimiter: sep as u8,
            pasted: false,
        },
        columns,
        row_numbers,
        column_numbers: (1..=n).collect(),
        title_lines: Vec::new(),
        notes: Vec::new(),
        source: None,
        skipped: Vec::new(),
    }
}

fn csv(text: &str) -> Table {
    table(',', text)
}

fn ok(t: &Table) -> Imported {
    ok_with(t, &Mapping::default())
}

fn ok_with(t: &Table, m: &Mapping) -> Imported {
    let imported = infer(std::slice::from_ref(t), m).unwrap_or_else(|e| panic!("infer: {e}"));
    // The same validation as format v1: written out and read back, unchanged.
    let back = parse(to_v1(&imported.dataset).as_bytes())
        .unwrap_or_else(|e| panic!("the inferred dataset breaks format v1: {e}"));
    assert_eq!(back, imported.dataset, "format v1 round trip");
    // The explicit mapping replays to the same result.
    let again = infer(std::slice::from_ref(t), &imported.mapping)
        .unwrap_or_else(|e| panic!("replaying {:?}: {e}", imported.mapping));
    assert_eq!(again.dataset, imported.dataset, "replay");
    assert_eq!(again.mapping, imported.mapping, "replay is a fixed point");
    imported
}

fn err(t: &Table, m: &Mapping) -> Error {
    match infer(std::slice::from_ref(t), m) {
        Ok(i) => panic!("expected an error, got {:?}", i.summary),
        Err(e) => e,
    }
}

/// A dataset as format v1 JSON.
pub fn to_v1(d: &Dataset) -> String {
    let mut root = json!({"locale": d.locale});
    for (k, v) in [
        ("title", &d.title),
        ("subtitle", &d.subtitle),
        ("source", &d.source),
        ("note", &d.note),
    ] {
        if let Some(v) = v {
            root[k] = json!(v);
        }
    }
    if let Some(t) = &d.trend {
        let series: Vec<Value> = t
            .series
            .iter()
            .map(|s| {
                json!({"name": s.name, "points": s.points.iter().map(|p| json!({"year": p.year, "value": p.value})).collect::<Vec<_>>()})
            })
            .collect();
        root["trend"] = json!({"series": series, "unit": t.unit, "title": t.title});
    }
    if let Some(r) = &d.ranking {
        let metrics: Vec<Value> = r
            .metrics
            .iter()
            .map(|m| json!({"key": m.key, "label": m.label, "unit": m.unit}))
            .collect();
        let villages: Vec<Value> = r
            .villages
            .iter()
            .map(|v| {
                let mut values = serde_json::Map::new();
                for (m, x) in r.metrics.iter().zip(&v.values) {
                    if let Some(x) = x {
                        values.insert(m.key.clone(), json!(x));
                    }
                }
                let mut o = json!({"name": v.name, "values": values});
                if let Some(g) = &v.group {
                    o["group"] = json!(g.as_ref());
                }
                o
            })
            .collect();
        let mut o = json!({"metrics": metrics, "villages": villages,
            "default_metric": r.metrics[r.default_metric].key, "title": r.title});
        if let Some((one, many)) = &r.item {
            o["item"] = json!(one);
            o["items"] = json!(many);
        }
        root["ranking"] = o;
    }
    root.to_string()
}

fn series(d: &Dataset, name: &str) -> Vec<(i32, Option<f64>)> {
    d.trend
        .as_ref()
        .expect("a trend")
        .series
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no series {name}"))
        .points
        .iter()
        .map(|p| (p.year, p.value))
        .collect()
}

fn names(d: &Dataset) -> Vec<String> {
    d.trend
        .as_ref()
        .map(|t| t.series.iter().map(|s| s.name.clone()).collect())
        .unwrap_or_default()
}

fn villages(d: &Dataset) -> Vec<(String, Option<String>, Vec<Option<f64>>)> {
    d.ranking
        .as_ref()
        .expect("a ranking")
        .villages
        .iter()
        .map(|v| {
            (
                v.name.clone(),
                v.group.as_deref().map(str::to_string),
                v.values.clone(),
            )
        })
        .collect()
}

fn role(i: &Imported, header: &str) -> (Role, Why) {
    let c = i
        .summary
        .columns
        .iter()
        .find(|c| c.header == header)
        .unwrap_or_else(|| panic!("no column {header}"));
    (c.role.clone(), c.why)
}

// ---------------------------------------------------------------- cells

#[test]
fn numbers_as_people_write_them() {
    let n = |t: &str, d| cells::number(&cells::fold(t), d).map(|n| (n.value, n.percent));
    assert_eq!(n("3.12", Decimal::Point), Some((3.12, false)));
    assert_eq!(n("3.12%", Decimal::Point), Some((3.12, true)));
    assert_eq!(n("200,000", Decimal::Point), Some((200_000.0, false)));
    assert_eq!(n("20万", Decimal::Point), Some((200_000.0, false)));
    assert_eq!(n("1.2亿", Decimal::Point), Some((120_000_000.0, false)));
    assert_eq!(n("３．１２", Decimal::Point), Some((3.12, false)));
    assert_eq!(n("－５", Decimal::Point), Some((-5.0, false)));
    assert_eq!(n("1,234.5", Decimal::Point), Some((1234.5, false)));
    assert_eq!(n("1.234,5", Decimal::Comma), Some((1234.5, false)));
    assert_eq!(n("1 234,5", Decimal::Comma), Some((1234.5, false)));
    assert_eq!(n("1e3", Decimal::Point), Some((1000.0, false)));
    // Latin magnitudes, as Gapminder's downloads and newsrooms write them.
    assert_eq!(n("1.41B", Decimal::Point), Some((1_410_000_000.0, false)));
    assert_eq!(n("331k", Decimal::Point), Some((331_000.0, false)));
    assert_eq!(n("11.2K", Decimal::Point), Some((11_200.0, false)));
    assert_eq!(n("10 M", Decimal::Point), Some((10_000_000.0, false)));
    assert_eq!(n("$1.2bn", Decimal::Point), Some((1_200_000_000.0, false)));
    assert_eq!(n("3.5mn", Decimal::Point), Some((3_500_000.0, false)));
    assert_eq!(n("2T", Decimal::Point), Some((2e12, false)));
    assert_eq!(n("1,5M", Decimal::Comma), Some((1_500_000.0, false)));
    // Not numbers, whatever the mark.
    assert_eq!(n("1.234,5", Decimal::Point), None);
    assert_eq!(
        n("3,12", Decimal::Point),
        None,
        "3,12 is not grouped by threes"
    );
    assert_eq!(n("12,34,567", Decimal::Point), None);
    assert_eq!(n("约二十万", Decimal::Point), None);
    assert_eq!(n("3.1.2", Decimal::Point), None);
    for code in ["B", "IBM", "k", "12 kB", "Mn", "5GB"] {
        assert_eq!(n(code, Decimal::Point), None, "{code}");
    }
    for missing in ["", "—", "-", "NA", "N/A", "..", "…", "null", "－－"] {
        assert!(
            cells::is_missing(&cells::fold(missing)),
            "{missing:?} is missing"
        );
    }
    assert!(!cells::is_missing("0"));
}

#[test]
fn times_as_people_write_them() {
    let t = |s: &str| cells::time(&cells::fold(s));
    assert_eq!(t("2013"), Some(Time::Year(2013)));
    assert_eq!(t("2013年"), Some(Time::Year(2013)));
    assert_eq!(t("２０１３年"), Some(Time::Year(2013)));
    assert_eq!(t("1850"), Some(Time::Year(1850)));
    assert_eq!(t("1799"), None);
    assert_eq!(t("2013-06"), Some(Time::Month(2013, 6)));
    assert_eq!(t("2013-12-31"), Some(Time::Date(2013, 12, 31)));
    assert_eq!(t("2013-01-01T00:00:00Z"), Some(Time::Date(2013, 1, 1)));
    assert_eq!(t("2013年6月"), Some(Time::Month(2013, 6)));
    assert_eq!(t("26/06/2013"), Some(Time::DayMonth(2013, 26, 6)));
    assert_eq!(t("2013-13"), None);
    assert_eq!(t("洛龙区"), None);
    // Quarters, as Eurostat, the OECD, FRED and the NBS write them.
    for q2 in [
        "2013Q2",
        "2013-Q2",
        "2013 Q2",
        "2013q2",
        "Q2 2013",
        "Q2-2013",
        "2013年第二季度",
        "2013年2季度",
        "2013年二季",
    ] {
        assert_eq!(t(q2), Some(Time::Quarter(2013, 2)), "{q2}");
    }
    assert_eq!(
        t("2013 [YR2013]"),
        Some(Time::Year(2013)),
        "the DataBank's headers"
    );
    assert_eq!(t("2013 [YR2014]"), None);
    assert_eq!(t("2013Q5"), None);
    assert_eq!(t("Q0 2013"), None);
    assert_eq!(t("Queens"), None);
    // Excel's 1900 system: 41275 is 2013-01-01, 43830 is 2019-12-31.
    assert_eq!(cells::excel_date(41_275.0), Some(Time::Date(2013, 1, 1)));
    assert_eq!(cells::excel_date(43_830.5), Some(Time::Date(2019, 12, 31)));
    assert_eq!(cells::excel_date(-1.0), None);
}

// ---------------------------------------------------------------- shapes

const LONG: &str = "县,年份,贫困发生率(%)
洛龙区,2013,3.12
洛龙区,2014,2.5
洛龙区,2015,1.1
栾川县,2013,10.5
栾川县,2014,
栾川县,2015,6.25
嵩县,2013,12
嵩县,2015,8";

#[test]
fn long_form_gives_a_line_per_name_and_a_ranking_of_the_latest_year() {
    let i = ok(&csv(LONG));
    let d = &i.dataset;
    assert_eq!(i.summary.shape, Shape::Long);
    assert_eq!(names(d), ["洛龙区", "栾川县", "嵩县"]);
    assert_eq!(
        series(d, "栾川县"),
        [(2013, Some(10.5)), (2014, None), (2015, Some(6.25))]
    );
    assert_eq!(series(d, "嵩县"), [(2013, Some(12.0)), (2015, Some(8.0))]);
    let trend = d.trend.as_ref().unwrap();
    assert_eq!(trend.unit.as_deref(), Some("%"));
    assert_eq!(trend.title.as_deref(), Some("贫困发生率"));
    assert_eq!(d.locale, "zh-CN");
    let r = d.ranking.as_ref().unwrap();
    assert_eq!(r.title.as_deref(), Some("2015年"));
    assert_eq!(r.item, Some(("县".into(), "县".into())));
    assert_eq!(
        villages(d),
        [
            ("洛龙区".into(), None, vec![Some(1.1)]),
            ("栾川县".into(), None, vec![Some(6.25)]),
            ("嵩县".into(), None, vec![Some(8.0)]),
        ]
    );
    assert_eq!(role(&i, "年份"), (Role::Time, Why::Header));
    assert_eq!(role(&i, "县"), (Role::Name, Why::Header));
    assert_eq!(role(&i, "贫困发生率(%)"), (Role::Value, Why::Values));
    assert_eq!(
        i.summary.line(Lang::Zh),
        "趋势：3 条线 × 3 年（2013–2015），贫困发生率（%）；排名：3 个县，1 个指标"
    );
    assert_eq!(
        i.summary.line(Lang::En),
        "Trend: 3 lines × 3 years (2013–2015), 贫困发生率 (%); Ranking: 3 县, 1 metric"
    );
    assert_eq!(i.summary.read, 7);
    assert_eq!(i.summary.missing, 1);
    assert!(i.summary.skipped.is_empty());
}

#[test]
fn wide_form_gives_a_line_per_column() {
    let i = ok(&csv(
        "year,洛龙区,全国\n2013,3.12,8.5\n2014,2.1,7.2\n2019,0.36,0.6",
    ));
    let d = &i.dataset;
    assert_eq!(i.summary.shape, Shape::Wide);
    assert_eq!(names(d), ["洛龙区", "全国"]);
    assert_eq!(
        series(d, "全国"),
        [(2013, Some(8.5)), (2014, Some(7.2)), (2019, Some(0.6))]
    );
    assert!(d.ranking.is_none(), "no names, no ranking");
    assert_eq!(i.mapping.shape, Some(Shape::Wide));
    assert_eq!(i.mapping.name.as_deref(), Some(""));
}

#[test]
fn a_first_column_of_years_without_a_header_hint_is_the_time() {
    let i = ok(&csv("t,a,b\n2013,1,2\n2014,3,4"));
    assert_eq!(role(&i, "t"), (Role::Time, Why::FirstColumnOfYears));
    // Elsewhere, numbers that happen to lie in 1800–2100 stay numbers.
    let i = ok(&csv("村,收入\n甲,2013\n乙,2050\n丙,1990"));
    assert_eq!(i.summary.shape, Shape::Records);
    assert_eq!(role(&i, "收入"), (Role::Value, Why::Values));
}

#[test]
fn a_bureau_export_is_read_transposed_with_its_title_notes_and_source() {
    let mut t = csv("指标,2019年,2018年,2017年,2016年
        农村贫困发生率(%),0.6,1.7,3.1,4.5
        农村贫困人口(万人),551,1660,3046,4335");
    t.title_lines = vec![
        "数据库：年度数据".into(),
        "指标：农村贫困状况".into(),
        "时间：最近4年".into(),
    ];
    t.notes = vec!["注：按现行农村贫困标准。".into()];
    t.source = Some("国家统计局".into());
    let i = ok(&t);
    let d = &i.dataset;
    assert_eq!(i.summary.shape, Shape::Transposed);
    assert_eq!(d.title.as_deref(), Some("农村贫困状况"));
    assert_eq!(d.source.as_deref(), Some("国家统计局"));
    assert_eq!(d.note.as_deref(), Some("注：按现行农村贫困标准。"));
    assert_eq!(names(d), ["农村贫困发生率", "农村贫困人口"]);
    assert_eq!(
        series(d, "农村贫困发生率"),
        [
            (2016, Some(4.5)),
            (2017, Some(3.1)),
            (2018, Some(1.7)),
            (2019, Some(0.6))
        ]
    );
    // Two units: the trend has none of its own.
    assert_eq!(d.trend.as_ref().unwrap().unit, None);
    assert!(d.ranking.is_none(), "indicators are not ranked");
    assert_eq!(role(&i, "2019年"), (Role::Year(2019), Why::HeaderIsYear));
}

#[test]
fn one_indicator_transposed_keeps_its_unit_and_percent_rule() {
    let t = csv("指标,2019年,2018年\n农村贫困发生率(%),0.6,101");
    let i = ok(&t);
    let d = &i.dataset;
    assert_eq!(d.trend.as_ref().unwrap().unit.as_deref(), Some("%"));
    assert_eq!(
        series(d, "农村贫困发生率"),
        [(2018, None), (2019, Some(0.6))]
    );
    assert_eq!(i.summary.skipped.len(), 1);
    assert_eq!(i.summary.skipped[0].reason, Reason::OutsidePercent);
    assert_eq!(
        i.summary.skipped[0].at.to_string(),
        "row 2, column C (\"2018年\")"
    );
}

#[test]
fn regions_by_year_columns_give_a_trend_and_a_ranking_of_each_year() {
    let i = ok(&csv("地区,2018,2019\n洛龙区,1.5,0.4\n栾川县,3,2\n嵩县,5,4"));
    let r = i.dataset.ranking.as_ref().unwrap();
    assert_eq!(r.metrics.len(), 1, "one metric: a year, not one per year");
    assert_eq!(r.metrics[0].key, "2019", "the latest year");
    assert_eq!(r.title.as_deref(), Some("2019年"));
    assert_eq!(names(&i.dataset).len(), 3);
    let m = Mapping {
        year: Some(2018),
        ..Mapping::default()
    };
    let i = ok_with(
        &csv("地区,2018,2019\n洛龙区,1.5,0.4\n栾川县,3,2\n嵩县,5,4"),
        &m,
    );
    let r = i.dataset.ranking.as_ref().unwrap();
    assert_eq!(r.metrics.len(), 1);
    assert_eq!(r.metrics[0].key, "2018", "the mapping's year");
    assert_eq!(r.villages[0].values, [Some(1.5)]);
}

const VILLAGES: &str = "代码,村,镇,收入(元),人口
410311001,王屯村,白马寺镇,200000,1200
410311002,李村,白马寺镇,150000,800
410311003,张庄,龙门镇,\"约二十万\",950
410311004,刘湾,龙门镇,180000,
010311005,河洛村,龙门镇,90000,700";

#[test]
fn names_and_numbers_give_a_ranking_grouped_by_a_repeating_column() {
    let t = table(',', &VILLAGES.replace('"', ""));
    let i = ok(&t);
    let d = &i.dataset;
    assert_eq!(i.summary.shape, Shape::Records);
    assert!(d.trend.is_none());
    let r = d.ranking.as_ref().unwrap();
    assert_eq!(r.item, None, "村: the chart's own villages");
    assert_eq!(
        r.metrics
            .iter()
            .map(|m| (m.key.as_str(), m.label.as_str(), m.unit.as_deref()))
            .collect::<Vec<_>>(),
        [("收入(元)", "收入", Some("元")), ("人口", "人口", None)]
    );
    assert_eq!(
        villages(d)[0],
        (
            "王屯村".into(),
            Some("白马寺镇".into()),
            vec![Some(200000.0), Some(1200.0)]
        )
    );
    assert_eq!(
        villages(d)[2].2,
        vec![None, Some(950.0)],
        "the bad cell is skipped, the rest kept"
    );
    assert_eq!(villages(d)[3].2, vec![Some(180000.0), None]);
    assert_eq!(role(&i, "镇"), (Role::Group, Why::Header));
    assert_eq!(role(&i, "代码"), (Role::Left(Left::Code), Why::Values));
    // The one bad cell, where the person sees it.
    let skipped = &i.summary.skipped;
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].reason, Reason::NotANumber);
    assert_eq!(skipped[0].text, "约二十万");
    assert_eq!(skipped[0].at.to_string(), "row 4, column D (\"收入(元)\")");
    assert_eq!(skipped[0].at.zh(), "第 4 行，“收入(元)” 列（D 列）");
    assert_eq!(
        i.summary.line(Lang::Zh),
        "排名：5 个村，2 个指标，按镇分组；跳过 1 个单元格"
    );
    assert_eq!(
        i.summary.line(Lang::En),
        "Ranking: 5 villages, 2 metrics, grouped by 镇; 1 cell skipped"
    );
}

#[test]
fn codes_keep_their_leading_zeros_and_are_never_numbers() {
    let i = ok(&csv("编号,值\n01,5\n02,6\n03,7"));
    // The code is the only text: it names the villages, as text.
    assert_eq!(
        villages(&i.dataset)
            .iter()
            .map(|v| v.0.as_str())
            .collect::<Vec<_>>(),
        ["01", "02", "03"]
    );
}

#[test]
fn a_column_with_many_bad_cells_is_not_numeric() {
    let i = ok(&csv("村,收入,备注\n甲,1,好\n乙,2,差\n丙,3,中\n丁,4,好"));
    assert_eq!(i.dataset.ranking.as_ref().unwrap().metrics.len(), 1);
    let e = err(&csv("村,备注\n甲,好\n乙,3"), &Mapping::default());
    assert_eq!(
        e.to_string(),
        "No column holds numbers (\"村\", \"备注\"). A chart needs a column of values such as 3.12, 200,000 or 20万."
    );
}

#[test]
fn decimal_marks_are_decided_per_column_by_what_most_cells_fit() {
    let i = ok(&table(
        ';',
        "name;a;b;c
        x;1.234,5;1,234.5;1 234,5
        y;3,12;200,000;2,5
        z;7;1.5;12",
    ));
    assert_eq!(
        villages(&i.dataset)
            .iter()
            .map(|v| v.2.clone())
            .collect::<Vec<_>>(),
        [
            vec![Some(1234.5), Some(1234.5), Some(1234.5)],
            vec![Some(3.12), Some(200000.0), Some(2.5)],
            vec![Some(7.0), Some(1.5), Some(12.0)],
        ]
    );
    assert_eq!(i.mapping.decimal_comma, Some(vec!["a".into(), "c".into()]));
    assert!(i
        .summary
        .notes
        .contains(&Note::DecimalComma { column: "a".into() }));
    // An ambiguous column ("200,000" fits both) reads with a decimal point.
    let i = ok(&table(';', "name;v\nx;200,000\ny;1,500"));
    assert_eq!(villages(&i.dataset)[0].2, vec![Some(200000.0)]);
    // A mapping reads it with a comma instead.
    let m = Mapping {
        decimal_comma: Some(vec!["v".into()]),
        ..Mapping::default()
    };
    let i = ok_with(&table(';', "name;v\nx;200,000\ny;1,500"), &m);
    assert_eq!(villages(&i.dataset)[0].2, vec![Some(200.0)]);
}

#[test]
fn units_from_headers_and_values() {
    let i = ok(&table(
        ';',
        "name;收入（万元）;rate (%);Share of people (percent);b;share
        x;3;3.12%;5;1%;0.2
        y;4;4%;6;2%;0.5",
    ));
    let r = i.dataset.ranking.as_ref().unwrap();
    let units: Vec<_> = r
        .metrics
        .iter()
        .map(|m| (m.label.as_str(), m.unit.as_deref()))
        .collect();
    assert_eq!(
        units,
        [
            ("收入", Some("万元")),
            ("rate", Some("%")),
            ("Share of people", Some("%")),
            ("b", Some("%")),
            ("share", None),
        ]
    );
    assert_eq!(villages(&i.dataset)[0].2[1], Some(3.12));
    assert!(i.summary.notes.contains(&Note::UnitFromValues {
        column: "b".into(),
        unit: "%".into()
    }));
    assert!(
        i.summary.notes.contains(&Note::Shares {
            column: "share".into()
        }),
        "0–1 is not shown as %"
    );
    // A qualifier in brackets is not a unit.
    let i = ok(&csv("country,Life expectancy (historical)\nA,50\nB,60"));
    let m = &i.dataset.ranking.as_ref().unwrap().metrics[0];
    assert_eq!(
        (m.label.as_str(), m.unit.as_deref()),
        ("Life expectancy (historical)", None)
    );
    assert_eq!(
        i.dataset.ranking.as_ref().unwrap().item,
        Some(("country".into(), "countries".into()))
    );
    assert_eq!(i.dataset.locale, "en");
}

// ---------------------------------------------------------------- time

#[test]
fn iso_dates_and_excel_dates_give_years() {
    let i = ok(&csv("date,v\n2013-01-01,1\n2014-12-31,2"));
    assert_eq!(
        series(&i.dataset, "v"),
        [(2013, Some(1.0)), (2014, Some(2.0))]
    );
    let mut t = csv("date,v\nx,1\ny,2");
    t.columns[0].cells = vec![Cell::Date(41_275.0), Cell::Date(41_640.0)];
    let i = ok(&t);
    assert_eq!(
        series(&i.dataset, "v"),
        [(2013, Some(1.0)), (2014, Some(2.0))]
    );
}

#[test]
fn day_and_month_order_is_settled_by_a_value_and_said() {
    let i = ok(&csv("date,v\n01/02/2013,1\n26/06/2014,2\n03/04/2015,3"));
    assert_eq!(series(&i.dataset, "v").len(), 3);
    assert!(i.summary.notes.contains(&Note::DayFirst {
        at: Spot {
            row: Some(3),
            column: Some("date".into()),
            letter: Some("A".into()),
            records: None
        },
        text: "26/06/2014".into()
    }));
    assert_eq!(i.mapping.day_first, Some(true));
    let i = ok(&csv("date,v\n06/26/2014,2\n01/02/2015,1"));
    assert!(matches!(i.summary.notes[0], Note::MonthFirst { .. }));
    assert_eq!(i.mapping.day_first, Some(false));
    let i = ok(&csv("date,v\n01/02/2014,2\n03/04/2015,1"));
    assert!(i.summary.notes.contains(&Note::DayMonthUnsettled));
}

#[test]
fn months_are_read_as_years_and_several_a_year_give_their_mean() {
    let i = ok(&csv("month,v\n2013-06,1\n2014-06,2"));
    assert_eq!(
        series(&i.dataset, "v"),
        [(2013, Some(1.0)), (2014, Some(2.0))]
    );
    assert_eq!(i.summary.per_year(), None, "one a year: nothing to say");
    let t = csv("month,v\n2013-06,1\n2013-07,2\n2014-01,5");
    let i = ok(&t);
    assert_eq!(
        series(&i.dataset, "v"),
        [(2013, Some(1.5)), (2014, Some(5.0))]
    );
    assert!(i.summary.notes.contains(&Note::PerYear {
        how: PerYear::Mean,
        most: 2,
        period: Period::Month,
        short: vec![(2014, 1)],
    }));
    assert_eq!(i.mapping.per_year, Some(PerYear::Mean));
    for (how, want) in [("sum", 3.0), ("last", 2.0), ("mean", 1.5)] {
        let m: Mapping = serde_json::from_value(json!({ "perYear": how })).unwrap();
        let i = ok_with(&t, &m);
        assert_eq!(series(&i.dataset, "v")[0], (2013, Some(want)), "{how}");
    }
}

#[test]
fn quarters_are_read_as_years_and_give_their_mean() {
    let t = csv("TIME,GEO,Value\n2019Q1,Germany,3.25\n2019Q2,Germany,3\n2019Q3,Germany,3.5\n2019Q4,Germany,3.25\n2020Q1,Germany,3.5\n2019Q1,France,8\n2019Q2,France,9\n2019Q3,France,8\n2019Q4,France,9\n2020Q1,France,7.5");
    let i = ok(&t);
    let germany = series(&i.dataset, "Germany");
    assert_eq!(germany.len(), 2);
    assert_eq!(germany[0].0, 2019);
    assert_eq!(germany[0].1, Some(3.25), "{germany:?}");
    assert!(i.summary.notes.contains(&Note::PerYear {
        how: PerYear::Mean,
        most: 4,
        period: Period::Quarter,
        short: vec![(2020, 1)],
    }));
    let m: Mapping = serde_json::from_value(json!({ "perYear": "sum" })).unwrap();
    let summed = ok_with(&t, &m);
    assert!((series(&summed.dataset, "France")[0].1.unwrap() - 34.0).abs() < 1e-9);
}

#[test]
fn years_from_1800_are_charted() {
    // Gapminder's and Our World in Data's series start in 1800.
    let i = ok(&csv("year,v\n1800,1\n1899,2\n1900,3\n1950,4"));
    assert_eq!(
        series(&i.dataset, "v"),
        [
            (1800, Some(1.0)),
            (1899, Some(2.0)),
            (1900, Some(3.0)),
            (1950, Some(4.0))
        ]
    );
    assert!(i.summary.skipped.is_empty(), "{:?}", i.summary.skipped);
}

// ---------------------------------------------------------------- sums, slices, aggregates

const SPLIT: &str = "county,year,sex,poor
A,2013,Male,10
A,2013,Female,12
A,2014,Male,8
A,2014,Female,9
B,2013,Male,5
B,2013,Female,6
B,2014,Male,4
B,2014,Female,4";

#[test]
fn several_rows_for_one_series_and_year_are_summed_and_said() {
    let i = ok(&csv(SPLIT));
    assert_eq!(
        series(&i.dataset, "A"),
        [(2013, Some(22.0)), (2014, Some(17.0))]
    );
    assert!(i.summary.notes.contains(&Note::Summed {
        groups: 4,
        most: 2,
        over: vec!["sex".into()]
    }));
    assert_eq!(role(&i, "sex").0, Role::Split);
    // A slice instead.
    let m = Mapping {
        slice: Some([("sex".to_string(), "Female".to_string())].into()),
        ..Mapping::default()
    };
    let i = ok_with(&csv(SPLIT), &m);
    assert_eq!(
        series(&i.dataset, "A"),
        [(2013, Some(12.0)), (2014, Some(9.0))]
    );
    assert!(!i
        .summary
        .notes
        .iter()
        .any(|n| matches!(n, Note::Summed { .. })));
}

#[test]
fn a_split_with_a_total_is_sliced_to_it() {
    let text = format!("{SPLIT}\nA,2013,Both,22\nA,2014,Both,17\nB,2013,Both,11\nB,2014,Both,8");
    let i = ok(&csv(&text));
    assert_eq!(
        series(&i.dataset, "A"),
        [(2013, Some(22.0)), (2014, Some(17.0))]
    );
    assert!(i.summary.notes.contains(&Note::Slice {
        column: "sex".into(),
        value: "Both".into(),
        auto: true,
        total: true,
        rows_left: 8
    }));
    assert_eq!(
        i.mapping.slice,
        Some([("sex".to_string(), "Both".to_string())].into())
    );
    // `slice: {}` sums everything instead.
    let m = Mapping {
        slice: Some(Default::default()),
        ..Mapping::default()
    };
    let i = ok_with(&csv(&text), &m);
    assert_eq!(series(&i.dataset, "A")[0], (2013, Some(44.0)));
}

/// Counties have villages of the same name (王庄村 in two towns): the town
/// the names are nested in is the group, and each village is its own bar.
#[test]
fn a_village_name_in_two_towns_is_two_villages() {
    let t = csv("村,镇,收入(元)\n王庄村,龙门镇,120000\n河洛村,龙门镇,90000\n王庄村,李楼镇,80000\n夏庄村,李楼镇,168000\n大西村,安乐镇,96000\n张庄村,安乐镇,50000");
    let i = ok(&t);
    let d = &i.dataset;
    assert_eq!(role(&i, "镇"), (Role::Group, Why::Header));
    let mut v = villages(d);
    v.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    assert_eq!(v.len(), 6, "{v:?}");
    let wangzhuang: Vec<_> = v.iter().filter(|x| x.0 == "王庄村").collect();
    assert_eq!(
        wangzhuang,
        [
            &("王庄村".into(), Some("李楼镇".into()), vec![Some(80000.0)]),
            &("王庄村".into(), Some("龙门镇".into()), vec![Some(120000.0)]),
        ]
    );
    assert!(!i
        .summary
        .notes
        .iter()
        .any(|n| matches!(n, Note::Summed { .. })));
    assert_eq!(i.summary.line(Lang::Zh), "排名：6 个村，1 个指标，按镇分组");
}

/// Names reused across many parents (generated village names, three towns
/// each on average out of forty) are still nested, with no header hint.
#[test]
fn names_reused_across_many_parents_are_nested_not_summed() {
    let mut text = String::from("name,parent,value\n");
    for i in 0..400 {
        text.push_str(&format!("v{},p{},{}\n", i % 130, i % 40, i + 1));
    }
    let i = ok(&csv(&text));
    assert_eq!(role(&i, "parent").0, Role::Group);
    assert_eq!(villages(&i.dataset).len(), 400);
}

/// A column every name appears under each value of (urban and rural, with
/// no header that says so) splits the rows, which are summed, as before.
#[test]
fn a_column_that_crosses_every_name_is_a_split_not_a_group() {
    let mut text = String::from("county,year,area,people\n");
    for c in ["A", "B", "C", "D"] {
        for y in [2013, 2014] {
            text.push_str(&format!("{c},{y},urban,10\n{c},{y},rural,5\n"));
        }
    }
    let i = ok(&csv(&text));
    assert_eq!(role(&i, "area").0, Role::Split);
    assert_eq!(
        series(&i.dataset, "A"),
        [(2013, Some(15.0)), (2014, Some(15.0))]
    );
}

/// Two columns headed `v` and a third headed `v (C)`, which is how the
/// mapping names the second `v` (in column C): each name still finds its
/// one column, so the mapping replays (found by fuzzing `infer`).
#[test]
fn a_header_like_another_columns_mapping_name_still_replays() {
    let t = csv("name,v,v,v (C)\nA,1,x,100\nB,2,y,200\nC,3,z,300");
    let i = ok(&t);
    let r = i.dataset.ranking.as_ref().expect("a ranking");
    let a = r.villages.iter().find(|v| v.name == "A").expect("A");
    assert!(
        a.values.contains(&Some(100.0)),
        "column D is read: {:?}",
        r.metrics
    );
    let t = csv("name,v,v,v (C)\nA,1,5,100\nB,2,6,200\nC,3,7,300");
    let i = ok(&t);
    assert_eq!(i.dataset.ranking.as_ref().map(|r| r.metrics.len()), Some(3));
}

#[test]
fn percentages_that_sum_beyond_100_are_an_error_naming_the_rows() {
    let e = err(
        &csv("county,year,sex,rate (%)\nA,2013,M,60\nA,2013,F,50\nB,2013,M,1"),
        &Mapping::default(),
    );
    assert_eq!(
        e.to_string(),
        "row 2, column D (\"rate (%)\"): the 2 rows of \"A\" in 2013 add up to 110%, outside 0–100: percentages do not add up, so pick one slice in the mapping (such as sex = Both)."
    );
}

const OWID: &str = "Entity,Code,Year,Life expectancy (years)
Africa,,2018,63
Africa,,2019,63.5
China,CHN,2018,76.7
China,CHN,2019,77
India,IND,2018,69.4
India,IND,2019,69.7
World,OWID_WRL,2018,72.6
World,OWID_WRL,2019,72.8";

#[test]
fn aggregates_are_left_out_of_the_ranking_listed_and_restorable() {
    let i = ok(&csv(OWID));
    let d = &i.dataset;
    assert_eq!(
        names(d),
        ["Africa", "China", "India", "World"],
        "the trend keeps them"
    );
    assert_eq!(
        villages(d).iter().map(|v| v.0.as_str()).collect::<Vec<_>>(),
        ["China", "India"]
    );
    assert!(i.summary.notes.contains(&Note::Aggregates {
        names: vec!["Africa".into(), "World".into()]
    }));
    assert_eq!(role(&i, "Code").0, Role::Left(Left::Code));
    let r = d.ranking.as_ref().unwrap();
    assert_eq!(r.metrics[0].unit.as_deref(), Some("years"));
    assert_eq!(
        r.item,
        Some(("country".into(), "countries".into())),
        "entity: countries, not villages"
    );
    assert_eq!(i.summary.line(Lang::Zh).matches("2 个国家").count(), 1);
    assert_eq!(
        i.mapping.aggregates,
        Some(vec!["Africa".into(), "World".into()])
    );
    let m = Mapping {
        aggregates: Some(Vec::new()),
        ..Mapping::default()
    };
    let i = ok_with(&csv(OWID), &m);
    assert_eq!(villages(&i.dataset).len(), 4);
}

#[test]
fn a_gapminder_table_gives_lines_and_a_ranking_grouped_by_continent() {
    let t = csv("year,country,cluster,pop,life_expect,fertility,continent
        1955,Afghanistan,0,8891209,30.332,7.7,Asia
        2005,Afghanistan,0,29928987,43.828,7.07,Asia
        1955,Argentina,3,18927821,64.399,3.1265,Americas
        2005,Argentina,3,39537943,75.32,2.35,Americas
        1955,Brazil,3,61773546,53.285,6.15,Americas
        2005,Brazil,3,186112794,72.39,2.25,Americas");
    let m: Mapping = serde_json::from_value(
        json!({"time": "year", "name": "country", "value": "life_expect", "group": "continent"}),
    )
    .unwrap();
    let i = ok_with(&t, &m);
    let d = &i.dataset;
    assert_eq!(
        series(d, "Brazil"),
        [(1955, Some(53.285)), (2005, Some(72.39))]
    );
    assert_eq!(
        villages(d)[1],
        (
            "Argentina".into(),
            Some("Americas".into()),
            vec![Some(75.32)]
        )
    );
    assert_eq!(d.ranking.as_ref().unwrap().title.as_deref(), Some("2005"));
    // Inferred without a mapping: the same roles, and every number a metric.
    let i = ok(&t);
    assert_eq!(role(&i, "country").0, Role::Name);
    assert_eq!(role(&i, "continent").0, Role::Group);
    assert_eq!(names(&i.dataset), ["Afghanistan", "Argentina", "Brazil"]);
    assert_eq!(
        i.dataset.trend.as_ref().unwrap().title.as_deref(),
        Some("pop"),
        "cluster (0–5, one per country) is a category, not the value"
    );
    assert_eq!(role(&i, "cluster").0, Role::Left(Left::PerName));
    assert_eq!(i.dataset.ranking.as_ref().unwrap().metrics.len(), 3);
}

// ---------------------------------------------------------------- the mapping

#[test]
fn the_mapping_reads_from_json_as_embedders_write_it() {
    let m: Mapping = serde_json::from_value(json!({"time": "year", "name": "country", "value": ["a", "b"], "group": "continent", "charts": ["ranking"], "dayFirst": false, "units": {"a": "%"}})).unwrap();
    assert_eq!(m.value, Some(vec!["a".into(), "b".into()]));
    assert_eq!(m.charts, Some(vec![Chart::Ranking]));
    assert_eq!(m.day_first, Some(false));
    assert_eq!(m.units.get("a").map(String::as_str), Some("%"));
    let m: Mapping = serde_json::from_value(json!({})).unwrap();
    assert_eq!(m, Mapping::default());
    // And writes back in the same words.
    let i = ok(&csv(LONG));
    let written = serde_json::to_value(&i.mapping).unwrap();
    assert_eq!(written["time"], "年份");
    assert_eq!(written["name"], "县");
    assert_eq!(written["value"], json!(["贫困发生率(%)"]));
    assert_eq!(written["shape"], "long");
    assert_eq!(written["charts"], json!(["trend", "ranking"]));
    assert_eq!(written["dayFirst"], true);
    let back: Mapping = serde_json::from_value(written).unwrap();
    assert_eq!(back, i.mapping);
}

#[test]
fn the_encoding_the_page_decoded_with_stays_in_the_recipe() {
    // The browser decodes the bytes; the core keeps the choice so that a
    // saved file or an embed decodes next year's file the same way.
    let m: Mapping = serde_json::from_value(json!({"encoding": "gb18030"})).unwrap();
    assert_eq!(m.encoding.as_deref(), Some("gb18030"));
    let i = ok_with(&csv(LONG), &m);
    assert_eq!(i.mapping.encoding.as_deref(), Some("gb18030"));
    assert_eq!(
        serde_json::to_value(&i.mapping).unwrap()["encoding"],
        "gb18030"
    );
    // Not given, not invented: the page records the encoding it used.
    assert_eq!(ok(&csv(LONG)).mapping.encoding, None);
}

#[test]
fn the_mapping_corrects_roles_units_and_charts() {
    let m = Mapping {
        charts: Some(vec![Chart::Ranking]),
        units: [("贫困发生率(%)".to_string(), "".to_string())].into(),
        year: Some(2013),
        title: Some("我的标题".into()),
        ..Mapping::default()
    };
    let i = ok_with(&csv(LONG), &m);
    assert!(i.dataset.trend.is_none());
    assert_eq!(i.dataset.title.as_deref(), Some("我的标题"));
    let r = i.dataset.ranking.as_ref().unwrap();
    assert_eq!(r.metrics[0].unit, None);
    assert_eq!(villages(&i.dataset)[0].2, vec![Some(3.12)]);
    // Ignoring the value column leaves no numbers.
    let m = Mapping {
        ignore: Some(vec!["贫困发生率(%)".into()]),
        ..Mapping::default()
    };
    assert!(matches!(err(&csv(LONG), &m), Error::NoNumbers { .. }));
    let m = Mapping {
        name: Some("county".into()),
        ..Mapping::default()
    };
    assert_eq!(
        err(&csv(LONG), &m).to_string(),
        "The mapping's \"name\" is \"county\", but the table has no such column; its columns are \"县\", \"年份\", \"贫困发生率(%)\"."
    );
    let m = Mapping {
        table: Some(3),
        ..Mapping::default()
    };
    assert_eq!(
        err(&csv(LONG), &m),
        Error::NoSuchTable { index: 3, count: 1 }
    );
}

// ---------------------------------------------------------------- errors

#[test]
fn tables_that_cannot_be_charted_say_why() {
    let e = err(&csv("a,b\n1,2\n3,4"), &Mapping::default());
    assert!(matches!(e, Error::NoNameOrTime { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "The table has numbers (\"a\", \"b\") but neither a time column (2013, 2013年, 2013-01-01) nor a column of names: add a column of years for a trend, or of names (villages, counties, countries) for a ranking."
    );
    let e = err(&csv("村,收入\n甲,—\n乙,NA"), &Mapping::default());
    assert!(
        matches!(e, Error::NoNumbers { .. }),
        "all missing is not numbers: {e}"
    );
    let e = err(
        &csv("村,收入\n甲,1\n乙,2"),
        &Mapping {
            charts: Some(vec![Chart::Trend]),
            ..Mapping::default()
        },
    );
    assert_eq!(
        e,
        Error::ChartNeeds {
            chart: "trend",
            needs: "a time column (years or dates)"
        }
    );
    assert_eq!(err(&csv("a,b"), &Mapping::default()), Error::EmptyTable);
    // Years before 1800 are not times: two columns of numbers.
    let e = err(&csv("year,v\n1750,1\n1760,2"), &Mapping::default());
    assert!(matches!(e, Error::NoNameOrTime { .. }), "{e}");
}

#[test]
fn json_records_are_named_by_index_and_key() {
    let mut t = csv("country,year,rate\nA,2013,1\nA,2014,x\nA,2015,3\nA,2016,4\nA,2017,5");
    t.origin = Origin::Json {
        path: "data".into(),
    };
    t.row_numbers = (0..5).collect();
    let i = ok(&t);
    assert_eq!(
        i.summary.skipped[0].at.to_string(),
        "data[1], column \"rate\""
    );
}

#[test]
fn look_alike_names_are_one_name_and_no_group_is_no_group() {
    let i = ok(&csv(
        "村,镇,v\n王屯村,未分组,1\n王\u{200B}屯村,未分组,2\n李村,甲镇,3\n张村,甲镇,3",
    ));
    let v = villages(&i.dataset);
    assert_eq!(v[0], ("王屯村".into(), None, vec![Some(3.0)]));
    assert!(i
        .summary
        .notes
        .iter()
        .any(|n| matches!(n, Note::Merged { .. })));
}

// ---------------------------------------------------------------- properties

mod properties {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::Config;

    fn config() -> Config {
        Config {
            cases: std::env::var("PROPTEST_CASES")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(64),
            failure_persistence: None,
            ..Config::default()
        }
    }

    const HEADERS: &[&str] = &[
        "year",
        "name",
        "镇",
        "value",
        "rate (%)",
        "2019年",
        "2018",
        "code",
        "",
        "sex",
        "收入(元)",
        "date",
    ];
    const CELLS: &[&str] = &[
        "",
        "2013",
        "2014",
        "2019年",
        "1899",
        "3.12",
        "3.12%",
        "200,000",
        "1.234,5",
        "3,12",
        "-",
        "NA",
        "洛龙区",
        "王\u{200B}屯",
        "王屯",
        "未分组",
        "No group",
        "0.5",
        "120",
        "-5",
        "01",
        "OWID_WRL",
        "1e20",
        "Both",
        "Male",
        "26/06/2013",
        "06/26/2013",
        "2013-06",
        "2013-07",
        "20万",
        "World",
        "甲镇",
    ];

    /// A series as (name, points).
    type Line = (String, Vec<(i32, Option<f64>)>);

    const STEMS: &[&str] = &[
        "洛龙区",
        "王屯村",
        "Ada",
        "Bergen",
        "São Paulo",
        "河洛 村",
        "Côte",
    ];

    /// Values written with two decimals at most, so text reads back exactly.
    fn value() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            1 => Just(None),
            6 => (-100_000_000i64..100_000_000).prop_map(|c| Some(c as f64 / 100.0)),
        ]
    }

    /// Series names, years shared by every series, and one value per
    /// series and year (at least one a series).
    fn trend() -> impl Strategy<Value = (Vec<String>, Vec<i32>, Vec<Vec<Option<f64>>>)> {
        (
            1usize..6,
            proptest::collection::btree_set(1900i32..=2100, 1..12),
        )
            .prop_flat_map(|(n, years)| {
                let years: Vec<i32> = years.into_iter().collect();
                let cols = years.len();
                (
                    Just(
                        (0..n)
                            .map(|i| format!("{}{i}", STEMS[i % STEMS.len()]))
                            .collect::<Vec<_>>(),
                    ),
                    Just(years),
                    proptest::collection::vec(
                        (proptest::collection::vec(value(), cols), 0..cols).prop_map(
                            |(mut v, at)| {
                                v[at] = Some(v[at].unwrap_or(1.5));
                                v
                            },
                        ),
                        n,
                    ),
                )
            })
    }

    fn expected(names: &[String], years: &[i32], values: &[Vec<Option<f64>>]) -> Vec<Line> {
        names
            .iter()
            .zip(values)
            .map(|(n, v)| {
                (
                    n.clone(),
                    years.iter().copied().zip(v.iter().copied()).collect(),
                )
            })
            .collect()
    }

    fn got(d: &Dataset) -> Vec<Line> {
        d.trend
            .as_ref()
            .expect("a trend")
            .series
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    s.points.iter().map(|p| (p.year, p.value)).collect(),
                )
            })
            .collect()
    }

    fn text(v: Option<f64>) -> String {
        v.map(|v| v.to_string()).unwrap_or_default()
    }

    proptest! {
        #![proptest_config(config())]

        /// Any table: an error, or a dataset that format v1 accepts as it
        /// is and that the explicit mapping makes again.
        #[test]
        fn any_table_gives_a_valid_dataset_or_an_error(
            headers in proptest::collection::vec(proptest::sample::select(HEADERS), 1..6),
            rows in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(CELLS), 6), 0..14),
        ) {
            let n = headers.len();
            let t = Table {
                origin: Origin::Delimited { delimiter: b',', pasted: false },
                columns: headers
                    .iter()
                    .enumerate()
                    .map(|(c, h)| Column {
                        name: h.to_string(),
                        cells: rows
                            .iter()
                            .map(|r| if r[c].is_empty() { Cell::Empty } else { Cell::Text(r[c].to_string()) })
                            .collect(),
                    })
                    .collect(),
                row_numbers: (2..rows.len() + 2).collect(),
                column_numbers: (1..=n).collect(),
                title_lines: Vec::new(),
                notes: Vec::new(),
                source: None,
                skipped: Vec::new(),
            };
            if let Ok(i) = infer(std::slice::from_ref(&t), &Mapping::default()) {
                let back = parse(to_v1(&i.dataset).as_bytes());
                prop_assert_eq!(back.as_ref(), Ok(&i.dataset), "format v1 round trip");
                let again = infer(std::slice::from_ref(&t), &i.mapping).map(|a| a.dataset);
                prop_assert_eq!(again.as_ref(), Ok(&i.dataset), "replay");
            }
        }

        #[test]
        fn a_trend_written_long_is_read_back((names, years, values) in trend()) {
            let mut csv_text = String::from("name|year|value\n");
            for (n, row) in names.iter().zip(&values) {
                for (y, v) in years.iter().zip(row) {
                    csv_text.push_str(&format!("{n}|{y}|{}\n", text(*v)));
                }
            }
            let i = ok(&table('|', &csv_text));
            prop_assert_eq!(i.summary.shape, Shape::Long);
            prop_assert_eq!(got(&i.dataset), expected(&names, &years, &values));
        }

        #[test]
        fn a_trend_written_wide_is_read_back((names, years, values) in trend()) {
            let mut csv_text = format!("year|{}\n", names.join("|"));
            for (k, y) in years.iter().enumerate() {
                let row: Vec<String> = values.iter().map(|v| text(v[k])).collect();
                csv_text.push_str(&format!("{y}|{}\n", row.join("|")));
            }
            let i = ok(&table('|', &csv_text));
            prop_assert_eq!(i.summary.shape, Shape::Wide);
            prop_assert_eq!(got(&i.dataset), expected(&names, &years, &values));
        }

        #[test]
        fn a_ranking_written_as_records_is_read_back(
            villages in proptest::collection::vec((0usize..40, 0usize..3, value(), value()), 1..30)
        ) {
            // Distinct (name, group) pairs, each metric with a value somewhere.
            let mut seen = std::collections::BTreeSet::new();
            let mut rows: Vec<(String, String, Option<f64>, Option<f64>)> = villages
                .into_iter()
                .filter(|(n, g, _, _)| seen.insert((*n, *g)))
                .map(|(n, g, a, b)| (format!("{}{n}", STEMS[n % STEMS.len()]), format!("镇{g}"), a, b))
                .collect();
            rows[0].2 = Some(rows[0].2.unwrap_or(2.0));
            rows[0].3 = Some(rows[0].3.unwrap_or(3.0));
            let cell = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);
            let t = Table {
                origin: Origin::Json { path: String::new() },
                columns: vec![
                    Column { name: "name".into(), cells: rows.iter().map(|r| Cell::Text(r.0.clone())).collect() },
                    Column { name: "group".into(), cells: rows.iter().map(|r| Cell::Text(r.1.clone())).collect() },
                    Column { name: "income".into(), cells: rows.iter().map(|r| cell(r.2)).collect() },
                    Column { name: "rate".into(), cells: rows.iter().map(|r| cell(r.3)).collect() },
                ],
                row_numbers: (0..rows.len()).collect(),
                column_numbers: vec![1, 2, 3, 4],
                title_lines: Vec::new(),
                notes: Vec::new(),
                source: None,
                skipped: Vec::new(),
            };
            let m = Mapping { group: Some("group".into()), ..Mapping::default() };
            let i = ok_with(&t, &m);
            let r = i.dataset.ranking.as_ref().expect("a ranking");
            prop_assert_eq!(r.metrics.iter().map(|m| m.key.as_str()).collect::<Vec<_>>(), ["income", "rate"]);
            let want: Vec<_> = rows.iter().map(|(n, g, a, b)| (n.clone(), Some(g.clone()), vec![*a, *b])).collect();
            prop_assert_eq!(super::villages(&i.dataset), want);
        }
    }
}

#[test]
fn the_summary_crosses_to_javascript_as_plain_data() {
    let t = table(',', &VILLAGES.replace('"', ""));
    let i = ok(&t);
    let s = serde_json::to_value(&i.summary).unwrap();
    assert_eq!(s["shape"], "records");
    assert_eq!(
        s["skipped"][0],
        json!({"at": {"row": 4, "column": "收入(元)", "letter": "D", "records": null}, "text": "约二十万", "reason": "notANumber"})
    );
    assert_eq!(s["columns"][0]["role"], json!({"left": "code"}));
    assert_eq!(s["columns"][2]["role"], "group");
    assert_eq!(s["ranking"]["items"], 5);
    let i = ok(&csv(SPLIT));
    let s = serde_json::to_value(&i.summary).unwrap();
    assert_eq!(
        s["notes"][0],
        json!({"summed": {"groups": 4, "most": 2, "over": ["sex"]}})
    );
}

#[test]
fn a_wrong_value_mapping_says_what_it_expected() {
    // One name or a list of names; null or absent is "infer it".
    for (given, want) in [
        (json!({"value": "a"}), Some(vec!["a".to_string()])),
        (
            json!({"value": ["a", "b"]}),
            Some(vec!["a".to_string(), "b".to_string()]),
        ),
        (json!({"value": null}), None),
        (json!({}), None),
    ] {
        let m: Mapping =
            serde_json::from_value(given.clone()).unwrap_or_else(|e| panic!("{given}: {e}"));
        assert_eq!(m.value, want, "{given}");
    }
    for wrong in [
        json!({"value": 3}),
        json!({"value": {"a": 1}}),
        json!({"value": [1, 2]}),
    ] {
        let err = serde_json::from_value::<Mapping>(wrong.clone())
            .expect_err("refused")
            .to_string();
        assert!(!err.contains("untagged"), "{wrong}: {err}");
        assert!(
            err.contains("a column name or a list of column names")
                || err.contains("expected a string"),
            "{wrong}: says what it expected: {err}"
        );
    }
}

#[test]
fn a_column_blank_in_many_rows_is_values_not_groups() {
    // vega-datasets' weekly-weather: a forecast only for the later days. Its
    // few whole numbers, one per day where given, are measurements.
    let t = csv("day,actual,forecast
        M,48,
        T,50,
        W,55,
        T,51,
        F,50,
        S,52,49
        S,49,49
        M,47,49
        T,46,46
        W,50,46");
    let i = ok(&t);
    assert_eq!(role(&i, "day").0, Role::Name);
    assert_ne!(
        role(&i, "forecast").0,
        Role::Group,
        "a half-empty column is no group"
    );
    assert!(
        villages(&i.dataset)
            .iter()
            .all(|(_, group, _)| group.is_none()),
        "no village is grouped by a forecast"
    );
}
