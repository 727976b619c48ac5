//! Public data as it is published (excerpts of the vega-datasets collection,
//! a widely used set of example data for chart libraries, and the project's
//! own bureau export): the charts a reader expects, and the words the
//! correction panel shows ([`Summary::words`]) in both languages.

use heluo::dataset::import::{load, Loaded};
use heluo::dataset::infer::{
    Imported, Left, Mapping, Note, PerYear, Period, Reason, Role, Shape, SummaryWords,
    SKIPPED_SHOWN,
};
use heluo::text::Lang;
use heluo::Dataset;
use serde_json::json;

fn imported(text: &str, m: &Mapping) -> Imported {
    match load(text.as_bytes(), m).unwrap_or_else(|e| panic!("load: {e}")) {
        Loaded::Tables(t) => {
            // The explicit mapping replays to the same charts.
            let again = match load(text.as_bytes(), &t.imported.mapping) {
                Ok(Loaded::Tables(a)) => a.imported,
                other => panic!("replay: {other:?}"),
            };
            assert_eq!(again.dataset, t.imported.dataset, "replay");
            t.imported
        }
        Loaded::V1(_) => panic!("read as format v1"),
    }
}

fn of(text: &str) -> Imported {
    imported(text, &Mapping::default())
}

fn role(i: &Imported, header: &str) -> Role {
    i.summary
        .columns
        .iter()
        .find(|c| c.header == header)
        .map(|c| c.role.clone())
        .unwrap_or_else(|| panic!("no column {header}"))
}

fn line(d: &Dataset, name: &str) -> Vec<(i32, Option<f64>)> {
    let t = d.trend.as_ref().expect("a trend");
    let s = t
        .series
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no line {name}"));
    s.points.iter().map(|p| (p.year, p.value)).collect()
}

/// The ranking's names, in order.
fn ranked(d: &Dataset) -> Vec<&str> {
    let r = d.ranking.as_ref().expect("a ranking");
    r.villages.iter().map(|v| v.name.as_str()).collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

const GAPMINDER: &str = r#"[
{"year": 1955, "country": "Afghanistan", "cluster": 0, "pop": 7971931, "life_expect": 43.88, "fertility": 7.42},
{"year": 1960, "country": "Afghanistan", "cluster": 0, "pop": 8622466, "life_expect": 45.03, "fertility": 7.38},
{"year": 1955, "country": "Argentina", "cluster": 3, "pop": 18927821, "life_expect": 64.399, "fertility": 3.13},
{"year": 1960, "country": "Argentina", "cluster": 3, "pop": 20616009, "life_expect": 65.142, "fertility": 3.09},
{"year": 1955, "country": "Australia", "cluster": 4, "pop": 9277087, "life_expect": 70.33, "fertility": 3.41},
{"year": 1960, "country": "Australia", "cluster": 4, "pop": 10361273, "life_expect": 70.93, "fertility": 3.45},
{"year": 1955, "country": "Brazil", "cluster": 3, "pop": 61773546, "life_expect": 53.285, "fertility": 6.15},
{"year": 1960, "country": "Brazil", "cluster": 3, "pop": 72493585, "life_expect": 55.665, "fertility": 6.15}
]"#;

#[test]
fn gapminder_cluster_is_the_group_not_the_value() {
    let i = of(GAPMINDER);
    let d = &i.dataset;
    let t = d.trend.as_ref().unwrap();
    assert_eq!(t.title.as_deref(), Some("pop"));
    assert_eq!(t.series.len(), 4);
    assert_eq!(role(&i, "cluster"), Role::Group);
    let r = d.ranking.as_ref().unwrap();
    assert_eq!(
        r.metrics.iter().map(|m| m.key.as_str()).collect::<Vec<_>>(),
        ["pop", "life_expect", "fertility"]
    );
    assert_eq!(r.item, Some(("country".into(), "countries".into())));
    let brazil = r.villages.iter().find(|v| v.name == "Brazil").unwrap();
    assert_eq!(brazil.group.as_deref(), Some("3"));
    assert_eq!(
        i.summary.line(Lang::Zh),
        "趋势：4 条线 × 2 年（1955–1960），pop；排名：4 个国家，3 个指标，按 cluster 分组"
    );
    assert_eq!(
        i.summary.line(Lang::En),
        "Trend: 4 lines × 2 years (1955–1960), pop; Ranking: 4 countries, 3 metrics, grouped by cluster"
    );
}

const POPULATION: &str = r#"[
{"year":1900,"age":0,"sex":1,"people":4619544},
{"year":1900,"age":0,"sex":2,"people":4589196},
{"year":1900,"age":5,"sex":1,"people":4465783},
{"year":1900,"age":5,"sex":2,"people":4390483},
{"year":1910,"age":0,"sex":1,"people":5296823},
{"year":1910,"age":0,"sex":2,"people":5287477},
{"year":1910,"age":5,"sex":1,"people":4991803},
{"year":1910,"age":5,"sex":2,"people":4866139}
]"#;

#[test]
fn population_sums_people_per_year_over_age_and_sex() {
    let i = of(POPULATION);
    let t = i.dataset.trend.as_ref().unwrap();
    assert_eq!(t.series.len(), 1, "one line: people, not age/sex/people");
    assert_eq!(t.title.as_deref(), Some("people"));
    let p = line(&i.dataset, "people");
    assert!(close(p[0].1, 4619544.0 + 4589196.0 + 4465783.0 + 4390483.0));
    assert_eq!(role(&i, "age"), Role::Split);
    assert_eq!(role(&i, "sex"), Role::Split);
    assert!(i.summary.notes.contains(&Note::Summed {
        groups: 2,
        most: 4,
        over: vec!["age".into(), "sex".into()]
    }));
    let zh = i.summary.words(Lang::Zh);
    assert!(
        zh.notes
            .contains(&"2 处同一条线同一年有多行（最多 4 行，按 age、sex 拆分），已相加。".into()),
        "{:?}",
        zh.notes
    );
}

const CO2: &str = "Date,CO2,adjusted CO2
1958-03-01,315.70,314.44
1958-04-01,317.46,315.16
1958-05-01,317.51,314.71
1959-01-01,315.62,315.37
1959-02-01,316.38,315.42";

#[test]
fn monthly_levels_become_the_yearly_mean_and_say_so() {
    let i = of(CO2);
    let co2 = line(&i.dataset, "CO2");
    assert!(close(co2[0].1, (315.70 + 317.46 + 317.51) / 3.0));
    assert!(close(co2[1].1, (315.62 + 316.38) / 2.0));
    assert!(i.summary.notes.contains(&Note::PerYear {
        how: PerYear::Mean,
        most: 3,
        period: Period::Month,
        short: vec![(1959, 2)],
    }));
    assert_eq!(
        i.summary.line(Lang::Zh),
        "趋势：2 条线 × 2 年（1958–1959），按年平均"
    );
    assert_eq!(
        i.summary.line(Lang::En),
        "Trend: 2 lines × 2 years (1958–1959), yearly mean"
    );
    assert!(i
        .summary
        .words(Lang::Zh)
        .notes
        .contains(&"按年平均：每年 3 个月。不足的年份：1959年（2）。".into()));
    assert!(i
        .summary
        .words(Lang::En)
        .notes
        .contains(&"Yearly mean of 3 months. Years with fewer: 1959 (2).".into()));
    // The mapping chooses the sum, or the last month, instead.
    let m: Mapping = serde_json::from_value(json!({"perYear": "sum"})).unwrap();
    let sum = imported(CO2, &m);
    assert!(close(line(&sum.dataset, "CO2")[1].1, 315.62 + 316.38));
    assert!(sum.summary.line(Lang::En).contains("yearly sum"));
    let m: Mapping = serde_json::from_value(json!({"perYear": "last"})).unwrap();
    let last = imported(CO2, &m);
    assert!(close(line(&last.dataset, "CO2")[0].1, 317.51));
}

const SEATTLE: &str = "date,precipitation,temp_max,temp_min,wind,weather
2012-01-01,0.0,12.8,5.0,4.7,drizzle
2012-01-02,10.9,10.6,2.8,4.5,rain
2012-01-03,0.8,11.7,7.2,2.3,rain
2013-01-01,0.0,5.0,-2.8,2.7,sun
2013-01-02,0.0,6.1,-1.1,3.2,sun";

#[test]
fn daily_weather_gives_yearly_means_and_the_weather_is_no_name() {
    let i = of(SEATTLE);
    let t = i.dataset.trend.as_ref().unwrap();
    assert_eq!(
        t.series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["precipitation", "temp_max", "temp_min", "wind"]
    );
    assert!(close(
        line(&i.dataset, "temp_max")[0].1,
        (12.8 + 10.6 + 11.7) / 3.0
    ));
    assert_eq!(role(&i, "weather"), Role::Left(Left::PerName));
    assert!(i.summary.notes.contains(&Note::PerYear {
        how: PerYear::Mean,
        most: 3,
        period: Period::Day,
        short: vec![(2013, 2)],
    }));
    assert!(i
        .summary
        .words(Lang::Zh)
        .notes
        .contains(&"按年平均：每年 3 天。不足的年份：2013年（2）。".into()));
}

#[test]
fn month_name_dates_are_time() {
    let i = of("symbol,date,price
MSFT,Jan 1 2000,39.81
MSFT,Feb 1 2000,36.35
MSFT,Jan 1 2001,28.22
AMZN,Jan 1 2000,64.56
AMZN,Feb 1 2000,68.87
AMZN,Jan 1 2001,17.31");
    assert_eq!(role(&i, "date"), Role::Time);
    assert!(close(line(&i.dataset, "MSFT")[0].1, (39.81 + 36.35) / 2.0));
    assert_eq!(line(&i.dataset, "AMZN")[1], (2001, Some(17.31)));
    for (text, y, m, d) in [
        ("Jan 1 2000", 2000, 1, 1),
        ("Sep 30, 2015", 2015, 9, 30),
        ("1 March 2013", 2013, 3, 1),
    ] {
        assert_eq!(
            heluo::dataset::infer::cells::time(text),
            Some(heluo::dataset::infer::cells::Time::Date(y, m, d)),
            "{text}"
        );
    }
    assert_eq!(
        heluo::dataset::infer::cells::time("December 2019"),
        Some(heluo::dataset::infer::cells::Time::Month(2019, 12))
    );
    assert_eq!(heluo::dataset::infer::cells::time("Maybe 2019 x"), None);
}

#[test]
fn a_month_column_is_a_period_averaged_not_summed() {
    let i = of(r#"[
{"series":"Government","year":2000,"month":1,"count":430,"rate":2.1},
{"series":"Government","year":2000,"month":2,"count":409,"rate":2.0},
{"series":"Government","year":2001,"month":1,"count":300,"rate":1.5},
{"series":"Mining","year":2000,"month":1,"count":19,"rate":3.9},
{"series":"Mining","year":2000,"month":2,"count":25,"rate":5.5},
{"series":"Mining","year":2001,"month":1,"count":20,"rate":4.0}
]"#);
    assert_eq!(role(&i, "month"), Role::Split);
    assert!(close(
        line(&i.dataset, "Government")[0].1,
        (430.0 + 409.0) / 2.0
    ));
    let words = i.summary.words(Lang::En);
    let month = words.columns.iter().find(|c| c.header == "month").unwrap();
    assert_eq!(month.role, "split");
    assert_eq!(month.why, "Periods within a year: made one value a year.");
    // 2001 has January only: its mean is of one month, and the note says so.
    assert!(
        words
            .notes
            .contains(&"Yearly mean of 2 months. Years with fewer: 2001 (1).".into()),
        "{:?}",
        words.notes
    );
    let zh = i.summary.words(Lang::Zh);
    assert!(
        zh.notes
            .contains(&"按年平均：每年 2 个月。不足的年份：2001年（1）。".into()),
        "{:?}",
        zh.notes
    );
    // 年, 月 in Chinese too.
    let i = of("地区,年份,月份,降水\n甲,2019,1,10\n甲,2019,2,20\n乙,2019,1,4\n乙,2019,2,6");
    assert!(close(line(&i.dataset, "甲")[0].1, 15.0));
}

#[test]
fn a_transposed_table_ranks_one_year() {
    let i = of(r#"[
{"Agency name": "Treasury", "Bureau name": "IRS", "1962": "100", "1963": "110", "1964": "120"},
{"Agency name": "Treasury", "Bureau name": "Mint", "1962": "5", "1963": "6", "1964": "7"},
{"Agency name": "Defense", "Bureau name": "Army", "1962": "50", "1963": "55", "1964": "40"}
]"#);
    let r = i.dataset.ranking.as_ref().unwrap();
    assert_eq!(r.metrics.len(), 1);
    assert_eq!(r.metrics[0].key, "1964");
    let m = Mapping {
        year: Some(1963),
        ..Mapping::default()
    };
    let text = r#"[{"name": "A", "1962": 1, "1963": 2}, {"name": "B", "1962": 3, "1963": 4}, {"name": "C", "1962": 5, "1963": 6}]"#;
    let r = imported(text, &m).dataset.ranking.unwrap();
    assert_eq!(r.metrics[0].key, "1963");
}

#[test]
fn repeated_names_without_time_are_said_and_repeated_totals_taken_once() {
    let i = of(r#"[
{"name": "Alabama", "region": "south", "id": 1, "pct": 0.102, "total": 1837292, "group": "<10000"},
{"name": "Alabama", "region": "south", "id": 1, "pct": 0.072, "total": 1837292, "group": "10000 to 14999"},
{"name": "Alaska", "region": "west", "id": 2, "pct": 0.05, "total": 250000, "group": "<10000"},
{"name": "Alaska", "region": "west", "id": 2, "pct": 0.04, "total": 250000, "group": "10000 to 14999"}
]"#);
    let r = i.dataset.ranking.as_ref().unwrap();
    let total = r.metrics.iter().position(|m| m.key == "total").unwrap();
    let alabama = r.villages.iter().find(|v| v.name == "Alabama").unwrap();
    assert_eq!(
        alabama.values[total],
        Some(1837292.0),
        "taken once, not twice"
    );
    assert!(i.summary.notes.iter().any(|n| matches!(
        n,
        Note::NoTimeRepeats {
            groups: 4,
            most: 2,
            same: 2
        }
    )));
    let zh = i.summary.words(Lang::Zh);
    assert!(zh
        .notes
        .iter()
        .any(|n| n.starts_with("没有时间列，4 个值来自同一名称的多行")));
}

#[test]
fn what_is_ranked_is_named_by_the_header_or_a_neutral_word() {
    let owid = "Entity,Code,Year,Share (%)\nChina,CHN,2019,1\nChina,CHN,2020,2\nIndia,IND,2019,3\nIndia,IND,2020,4";
    let i = of(owid);
    assert!(i.summary.line(Lang::Zh).contains("排名：2 个国家"));
    assert!(i.summary.line(Lang::En).contains("Ranking: 2 countries"));
    let i = of("symbol,price\nMSFT,1\nIBM,2\nAAPL,3");
    assert_eq!(
        i.dataset.ranking.as_ref().unwrap().item,
        Some(("item".into(), "items".into()))
    );
    assert_eq!(i.summary.line(Lang::Zh), "排名：3 个对象，1 个指标");
    let i = of("县,人口\n洛宁县,1\n栾川县,2");
    assert_eq!(i.summary.line(Lang::Zh), "排名：2 个县，1 个指标");
    let i = of("村,人口\n王屯村,1\n李村,2");
    assert_eq!(i.summary.line(Lang::Zh), "排名：2 个村，1 个指标");
    assert_eq!(
        heluo::text::spaced("62 个country，按cluster分组"),
        "62 个 country，按 cluster 分组"
    );
    assert_eq!(heluo::text::spaced("2013年"), "2013年");
}

#[test]
fn a_bureau_export_titles_its_trend_with_the_indicator() {
    let bytes = std::fs::read("www/data/tables/national-nbs.csv").unwrap();
    let Loaded::Tables(t) = load(&bytes, &Mapping::default()).unwrap() else {
        panic!("a table");
    };
    let trend = t.imported.dataset.trend.as_ref().unwrap();
    assert_eq!(trend.title.as_deref(), Some("农村贫困发生率"));
    assert!(t
        .imported
        .summary
        .line(Lang::Zh)
        .ends_with("，农村贫困发生率（%）"));
    let bytes = std::fs::read("www/data/tables/luolong-trend-records.json").unwrap();
    let d = load(&bytes, &Mapping::default()).unwrap().into_dataset();
    assert_eq!(d.trend.unwrap().title.as_deref(), Some("贫困发生率"));
}

#[test]
fn the_words_say_every_column_note_and_skipped_cell_in_both_languages() {
    let mut text = String::from("代码,村,镇,收入(元)\n");
    for k in 0..250 {
        let cell = if k % 5 == 0 {
            "约二十万".to_string()
        } else {
            (1000 + k).to_string()
        };
        text.push_str(&format!("4103110{k:02},村{k},镇{},{cell}\n", k % 3));
    }
    let i = of(&text);
    let zh: SummaryWords = i.summary.words(Lang::Zh);
    let en = i.summary.words(Lang::En);
    assert_eq!(zh.skipped_count, 50);
    assert_eq!(zh.skipped.len(), 50);
    assert_eq!(zh.skipped[0].at, "第 2 行，“收入(元)” 列（D 列）");
    assert_eq!(zh.skipped[0].text, "约二十万");
    assert_eq!(zh.skipped[0].reason, "不是数字");
    assert_eq!(en.skipped[0].at, "row 2, column D (\"收入(元)\")");
    assert_eq!(en.skipped[0].reason, "not a number");
    assert_eq!(zh.shape, "records");
    assert_eq!(zh.shape_text, "记录：每行一个名称，没有时间");
    let code = &zh.columns[0];
    assert_eq!((code.role, code.letter.as_deref()), ("left", Some("A")));
    assert_eq!(code.why, "代码或编号，不当作数字。");
    assert_eq!(en.columns[1].role_text, "name");
    assert_eq!(zh.columns[1].role_text, "名称");
    assert_eq!(zh.columns[2].role, "group");
    assert_eq!(zh.columns[3].unit.as_deref(), Some("元"));
    assert_eq!((zh.columns[3].read, zh.columns[3].bad), (200, 50));
    assert_eq!((zh.tables, zh.table), (1, 0));
    assert!(zh.line.ends_with("；跳过 50 个单元格"), "{}", zh.line);
    // The JSON the page reads.
    let v = serde_json::to_value(&zh).unwrap();
    let mut keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "columns",
            "line",
            "notes",
            "shape",
            "shapeText",
            "skipped",
            "skippedCount",
            "table",
            "tables"
        ]
    );
    let mut keys: Vec<_> = v["columns"][0]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        ["bad", "header", "letter", "missing", "read", "role", "roleText", "unit", "why"]
    );
    // More than 200 skipped: 200 listed, all counted.
    let mut text = String::from("name,v\n");
    for k in 0..300 {
        text.push_str(&format!("n{k},x\n"));
    }
    text.push_str("last,1\n");
    let m: Mapping = serde_json::from_value(json!({"value": "v"})).unwrap();
    let words = imported(&text, &m).summary.words(Lang::En);
    assert_eq!(
        (words.skipped.len(), words.skipped_count),
        (SKIPPED_SHOWN, 300)
    );
}

#[test]
fn every_note_is_worded_in_both_languages_with_its_punctuation() {
    let t = "county,year,sex,rate (%)\nA,2013,Both,10\nA,2013,Male,11\nB,2013,Both,5\nB,2013,Male,6\nWorld,2013,Both,7\nWorld,2013,Male,7";
    let i = of(t);
    let zh = i.summary.words(Lang::Zh);
    let en = i.summary.words(Lang::En);
    assert_eq!(zh.notes.len(), i.summary.notes.len());
    assert!(
        zh.notes
            .contains(&"只读“sex”为“Both”（合计）的行，略去 3 行；可在映射中改选。".into()),
        "{:?}",
        zh.notes
    );
    assert!(en.notes.contains(&"Only rows where \"sex\" is \"Both\" (the total) were read; 3 rows left out; the mapping can pick another.".into()), "{:?}", en.notes);
    assert!(
        zh.notes.contains(&"排名略去了汇总项：World。".into()),
        "{:?}",
        zh.notes
    );
    for n in &zh.notes {
        assert!(n.ends_with('。'), "{n}");
    }
    for n in &en.notes {
        assert!(n.ends_with('.'), "{n}");
    }
}

/// The World Bank's CSV download as published (API_SP.POP.TOTL_DS2_en_csv):
/// a source line and an update line above the header, one indicator a file
/// in a column of its own, years as columns with a trailing comma, and
/// aggregates (World, Africa Eastern and Southern) among the countries.
#[test]
fn a_world_bank_download_names_its_indicator_and_source_and_ranks_countries_only() {
    let text = "\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",\"2024-06-28\",\n\n\
\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2018\",\"2019\",\"2020\",\n\
\"Aruba\",\"ABW\",\"Population, total\",\"SP.POP.TOTL\",\"105962\",\"106442\",\"106585\",\n\
\"Africa Eastern and Southern\",\"AFE\",\"Population, total\",\"SP.POP.TOTL\",\"639073436\",\"656161420\",\"673533975\",\n\
\"China\",\"CHN\",\"Population, total\",\"SP.POP.TOTL\",\"1402760000\",\"1407745000\",\"1411100000\",\n\
\"World\",\"WLD\",\"Population, total\",\"SP.POP.TOTL\",\"7683789828\",\"7764951032\",\"7840952880\",\n\
\"Zimbabwe\",\"ZWE\",\"Population, total\",\"SP.POP.TOTL\",\"15052184\",\"15354608\",\"15669666\",\n";
    let i = of(text);
    let d = &i.dataset;
    assert_eq!(d.title.as_deref(), Some("Population, total"));
    assert_eq!(d.source.as_deref(), Some("World Development Indicators"));
    assert_eq!(d.trend.as_ref().map(|t| t.series.len()), Some(5));
    assert_eq!(
        line(d, "China").last(),
        Some(&(2020, Some(1_411_100_000.0)))
    );
    let ranked: Vec<&str> = d
        .ranking
        .as_ref()
        .map(|r| r.villages.iter().map(|v| v.name.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        ranked.len(),
        3,
        "the aggregates are left out of the ranking: {ranked:?}"
    );
    assert!(!ranked.contains(&"World"));
}

/// The World Bank DataBank's CSV export as downloaded: `2019 [YR2019]` year
/// headers, then blank rows as wide as the table, and the database and the
/// update date under it (`label: text,,,,,,`).
#[test]
fn a_databank_export_reads_its_years_and_its_lines_under_the_table() {
    let text = "\u{feff}Country Name,Country Code,Series Name,Series Code,2017 [YR2017],2018 [YR2018],2019 [YR2019]\n\
China,CHN,\"Population, total\",SP.POP.TOTL,1396215000,1402760000,1407745000\n\
India,IND,\"Population, total\",SP.POP.TOTL,1354195680,1369003306,1383112050\n\
Brazil,BRA,\"Population, total\",SP.POP.TOTL,207833831,209469333,211049527\n\
,,,,,,\n,,,,,,\n\
Data from database: World Development Indicators,,,,,,\n\
Last Updated: 06/28/2024,,,,,,\n";
    let i = of(text);
    let d = &i.dataset;
    assert_eq!(i.summary.shape, Shape::Transposed);
    assert_eq!(d.title.as_deref(), Some("Population, total"));
    assert_eq!(d.source.as_deref(), Some("World Development Indicators"));
    assert_eq!(d.note.as_deref(), Some("Last Updated: 06/28/2024"));
    let names: Vec<&str> = d
        .trend
        .as_ref()
        .map(|t| t.series.iter().map(|s| s.name.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["China", "India", "Brazil"]);
    assert_eq!(line(d, "India")[2], (2019, Some(1_383_112_050.0)));
}

/// A DataBank export of two series (population and GDP, a row each per
/// country): the series are never added up; the first is kept and said,
/// and the mapping's slice picks the other.
#[test]
fn an_export_of_several_indicators_keeps_one_never_their_sum() {
    let text = "Country Name,Country Code,Series Name,Series Code,2018 [YR2018],2019 [YR2019]\n\
China,CHN,\"Population, total\",SP.POP.TOTL,1402760000,1407745000\n\
China,CHN,GDP (current US$),NY.GDP.MKTP.CD,13894907857880,14279968501850\n\
India,IND,\"Population, total\",SP.POP.TOTL,1369003306,1383112050\n\
India,IND,GDP (current US$),NY.GDP.MKTP.CD,2702929641648,2835606256558\n";
    let i = of(text);
    let d = &i.dataset;
    assert_eq!(
        line(d, "China"),
        [(2018, Some(1_402_760_000.0)), (2019, Some(1_407_745_000.0))]
    );
    assert_eq!(
        d.trend.as_ref().and_then(|t| t.title.as_deref()),
        Some("Population, total")
    );
    assert!(i.summary.notes.iter().any(|n| matches!(n,
        Note::Slice { column, value, auto: true, .. } if column == "Series Name" && value == "Population, total")),
        "{:?}", i.summary.notes);
    let m: Mapping =
        serde_json::from_value(json!({"slice": {"Series Name": "GDP (current US$)"}})).unwrap();
    let gdp = imported(text, &m);
    assert_eq!(
        line(&gdp.dataset, "India")[1],
        (2019, Some(2_835_606_256_558.0))
    );
    assert_eq!(
        gdp.dataset.trend.as_ref().and_then(|t| t.unit.as_deref()),
        Some("current US$")
    );

    // Long, with the indicator in a column: the regions are the names.
    let long = "region,indicator,year,value\nBeijing,GDP (亿元),2019,35445.1\nBeijing,GDP (亿元),2020,35943.3\n\
Tianjin,GDP (亿元),2019,14055.5\nTianjin,GDP (亿元),2020,14008\nBeijing,Population (万人),2019,2190\n\
Beijing,Population (万人),2020,2189\nTianjin,Population (万人),2019,1385\nTianjin,Population (万人),2020,1387\n";
    let i = of(long);
    assert_eq!(role(&i, "region"), Role::Name);
    assert_eq!(
        line(&i.dataset, "Tianjin"),
        [(2019, Some(14055.5)), (2020, Some(14008.0))]
    );
    let r = i.dataset.ranking.as_ref().expect("a ranking");
    assert_eq!(
        (r.metrics[0].label.as_str(), r.metrics[0].unit.as_deref()),
        ("GDP", Some("亿元"))
    );
}

/// FAOSTAT's bulk download: two indicator columns (Element, Item) with their
/// codes, the year twice, a column of units and flags. The first element
/// is kept (never area plus production), with the unit its rows say.
#[test]
fn a_faostat_download_keeps_one_element_with_its_unit() {
    let rows = [
        (
            "156",
            "China",
            "5312",
            "Area harvested",
            "2019",
            "ha",
            "23727300",
        ),
        (
            "156",
            "China",
            "5510",
            "Production",
            "2019",
            "t",
            "133596300",
        ),
        (
            "156",
            "China",
            "5312",
            "Area harvested",
            "2020",
            "ha",
            "23380110",
        ),
        (
            "156",
            "China",
            "5510",
            "Production",
            "2020",
            "t",
            "134254710",
        ),
        (
            "356",
            "India",
            "5312",
            "Area harvested",
            "2019",
            "ha",
            "29318790",
        ),
        (
            "356",
            "India",
            "5510",
            "Production",
            "2019",
            "t",
            "103596230",
        ),
        (
            "356",
            "India",
            "5312",
            "Area harvested",
            "2020",
            "ha",
            "31357000",
        ),
        (
            "356",
            "India",
            "5510",
            "Production",
            "2020",
            "t",
            "107590000",
        ),
    ];
    let mut text = String::from("\"Domain Code\",\"Domain\",\"Area Code (M49)\",\"Area\",\"Element Code\",\"Element\",\"Item Code (CPC)\",\"Item\",\"Year Code\",\"Year\",\"Unit\",\"Value\",\"Flag\",\"Flag Description\"\n");
    for (code, area, ecode, element, year, unit, value) in rows {
        text.push_str(&format!("\"QCL\",\"Crops and livestock products\",\"{code}\",\"{area}\",\"{ecode}\",\"{element}\",\"0111\",\"Wheat\",\"{year}\",\"{year}\",\"{unit}\",\"{value}\",\"A\",\"Official figure\"\n"));
    }
    let i = of(&text);
    let d = &i.dataset;
    assert_eq!(
        line(d, "China"),
        [(2019, Some(23_727_300.0)), (2020, Some(23_380_110.0))]
    );
    let trend = d.trend.as_ref().expect("a trend");
    assert_eq!(
        (trend.title.as_deref(), trend.unit.as_deref()),
        (Some("Area harvested"), Some("ha"))
    );
    let production: Mapping =
        serde_json::from_value(json!({"slice": {"Element": "Production"}})).unwrap();
    let p = imported(&text, &production);
    assert_eq!(
        p.dataset.trend.as_ref().and_then(|t| t.unit.as_deref()),
        Some("t")
    );
    assert_eq!(line(&p.dataset, "India")[1], (2020, Some(107_590_000.0)));
}

/// The OECD Data Explorer's SDMX CSV ("with labels"): codes and their
/// words side by side, `TIME_PERIOD` and `OBS_VALUE`, empty label columns
/// for the time and the value.
#[test]
fn an_oecd_sdmx_csv_gives_a_line_per_country_with_its_measure_and_unit() {
    let mut text = String::from("STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,MEASURE,Measure,UNIT_MEASURE,Unit of measure,TIME_PERIOD,Time period,OBS_VALUE,Observation value\n");
    for (code, name, a, b) in [
        ("DEU", "Germany", "3.1", "3.7"),
        ("FRA", "France", "8.4", "8.0"),
        ("JPN", "Japan", "2.4", "2.8"),
    ] {
        for (year, v) in [("2019", a), ("2020", b)] {
            text.push_str(&format!("DATAFLOW,OECD.SDD.TPS:DSD_LFS@DF_IALFS_UNE_M(1.0),Unemployment rate,I,{code},{name},UNE_LF,Unemployment rate,PT_LF,Percentage of labour force,{year},,{v},\n"));
        }
    }
    let i = of(&text);
    let d = &i.dataset;
    assert_eq!(role(&i, "Reference area"), Role::Name);
    assert_eq!(line(d, "France"), [(2019, Some(8.4)), (2020, Some(8.0))]);
    let trend = d.trend.as_ref().expect("a trend");
    assert_eq!(trend.title.as_deref(), Some("Unemployment rate"));
    assert_eq!(trend.unit.as_deref(), Some("Percentage of labour force"));
}

/// Eurostat's bulk TSV download: the row dimensions' codes joined by commas
/// in the first column (`freq,unit,sex,geo\TIME_PERIOD`), the years across
/// with tabs, flags after the values (`18.5 b`) and `:` for no value.
#[test]
fn a_eurostat_tsv_gives_a_line_per_country_with_flags_dropped_and_colons_missing() {
    let text = "freq,unit,sex,geo\\TIME_PERIOD\t2019 \t2020 \t2021 \n\
A,PC,T,DE\t17.3 \t18.5 b\t16.0 \n\
A,PC,T,FR\t13.6 \t: \t14.4 \n\
A,PC,T,NL\t13.2 \t13.4 \t14.4 p\n";
    let i = of(text);
    let d = &i.dataset;
    assert_eq!(
        line(d, "DE"),
        [(2019, Some(17.3)), (2020, Some(18.5)), (2021, Some(16.0))]
    );
    assert_eq!(line(d, "FR")[1], (2020, None));
    assert_eq!(line(d, "NL")[2], (2021, Some(14.4)));
    assert!(i.summary.skipped.is_empty(), "{:?}", i.summary.skipped);
}

/// Eurostat's SDMX-CSV as its data browser writes it: every dimension as a
/// code column. Rates and thousands of persons (`unit`), overlapping age
/// bands (`age`) and the sexes with their total (`sex` T) are never added
/// up: the total is kept, else each code column's first value, and said.
#[test]
fn a_sdmx_csv_keeps_one_unit_one_age_band_and_the_total_sex_never_their_sum() {
    let mut text =
        String::from("DATAFLOW,LAST UPDATE,freq,age,unit,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n");
    for (geo, rate) in [("AT", 5.6), ("DE", 3.0), ("FR", 8.4)] {
        for age in ["Y15-74", "Y25-74"] {
            for (unit, scale) in [("PC_ACT", 1.0), ("THS_PER", 40.0)] {
                for (sex, part) in [("F", 0.9), ("M", 1.1), ("T", 1.0)] {
                    for (year, drift) in [("2022", 0.0), ("2023", -0.5)] {
                        let v =
                            (rate + drift) * scale * part * if age == "Y15-74" { 1.0 } else { 0.8 };
                        text.push_str(&format!("ESTAT:UNE_RT_A(1.0),22/04/24 23:00:00,A,{age},{unit},{sex},{geo},{year},{v:.1},\n"));
                    }
                }
            }
        }
    }
    let i = of(&text);
    let d = &i.dataset;
    assert_eq!(line(d, "AT"), [(2022, Some(5.6)), (2023, Some(5.1))]);
    assert_eq!(line(d, "FR"), [(2022, Some(8.4)), (2023, Some(7.9))]);
    let slices: Vec<(&str, &str, bool)> = i
        .summary
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Slice {
                column,
                value,
                total,
                ..
            } => Some((column.as_str(), value.as_str(), *total)),
            _ => None,
        })
        .collect();
    assert!(slices.contains(&("sex", "T", true)), "{slices:?}");
    assert!(slices.contains(&("unit", "PC_ACT", false)), "{slices:?}");
    assert!(slices.contains(&("age", "Y15-74", false)), "{slices:?}");
    assert!(
        !i.summary
            .notes
            .iter()
            .any(|n| matches!(n, Note::Summed { .. })),
        "nothing summed: {:?}",
        i.summary.notes
    );
    // The flags and the bookkeeping are left out, listed.
    for header in ["DATAFLOW", "LAST UPDATE", "OBS_FLAG"] {
        assert!(matches!(role(&i, header), Role::Left(_)), "{header}");
    }
    let words = i.summary.words(Lang::En);
    assert!(
        words
            .notes
            .iter()
            .any(|n| n.contains("\"unit\" is \"PC_ACT\" (its first value")),
        "{:?}",
        words.notes
    );
}

/// Statistics Canada's full-table CSV: `Total - gender` and `All ages` are
/// the totals; the vector and coordinate columns name each series again
/// (never a group), and DECIMALS, UOM_ID and the flags are bookkeeping.
#[test]
fn a_statistics_canada_table_keeps_its_totals_and_leaves_its_bookkeeping_out() {
    let mut text = String::from("\u{feff}\"REF_DATE\",\"GEO\",\"DGUID\",\"Gender\",\"Age group\",\"UOM\",\"UOM_ID\",\"SCALAR_FACTOR\",\"SCALAR_ID\",\"VECTOR\",\"COORDINATE\",\"VALUE\",\"STATUS\",\"SYMBOL\",\"TERMINATED\",\"DECIMALS\"\n");
    let mut vector = 466668;
    for (g, geo, pop) in [
        (1, "Canada", 36_000_000.0),
        (2, "Ontario", 14_500_000.0),
        (3, "Quebec", 8_500_000.0),
    ] {
        for (s, gender, share) in [
            (1, "Total - gender", 1.0),
            (2, "Men+", 0.49),
            (3, "Women+", 0.51),
        ] {
            for (a, age, part) in [
                (1, "All ages", 1.0),
                (2, "0 to 14 years", 0.16),
                (3, "15 to 64 years", 0.65),
                (4, "65 years and over", 0.19),
            ] {
                vector += 1;
                for (year, growth) in [("2019", 1.0_f64), ("2020", 1.01)] {
                    let v: f64 = (pop * share * part * growth).round();
                    text.push_str(&format!("\"{year}\",\"{geo}\",\"2021A00001{g}\",\"{gender}\",\"{age}\",\"Persons\",\"249\",\"units\",\"0\",\"v{vector}\",\"{g}.{s}.{a}\",\"{v}\",\"\",\"\",\"\",\"0\"\n"));
                }
            }
        }
    }
    let i = of(&text);
    let d = &i.dataset;
    assert_eq!(d.trend.as_ref().unwrap().series.len(), 3, "a line per GEO");
    assert_eq!(
        line(d, "Ontario"),
        [(2019, Some(14_500_000.0)), (2020, Some(14_645_000.0))]
    );
    let r = d.ranking.as_ref().expect("a ranking");
    assert_eq!(r.metrics.len(), 1, "VALUE alone: {:?}", r.metrics);
    assert!(
        r.villages.iter().all(|v| v.group.is_none()),
        "no group from VECTOR"
    );
    for header in ["VECTOR", "COORDINATE", "DECIMALS", "UOM_ID", "STATUS"] {
        assert!(
            matches!(role(&i, header), Role::Left(_)),
            "{header}: {:?}",
            role(&i, header)
        );
    }
}

/// UNdata's population table: the country is in `Country or Area` (`Area`
/// is total, urban or rural), a provisional and a final figure of one year
/// are never added, and the footnotes column is no value.
#[test]
fn an_undata_table_names_countries_and_keeps_one_figure_a_year() {
    let text = "\"Country or Area\",\"Year\",\"Area\",\"Sex\",\"Record Type\",\"Reliability\",\"Source Year\",\"Value\",\"Value Footnotes\"
\"Albania\",\"2021\",\"Total\",\"Both Sexes\",\"Estimate - de jure\",\"Final figure, complete\",\"2022\",\"2838600\",
\"Albania\",\"2021\",\"Urban\",\"Both Sexes\",\"Estimate - de jure\",\"Final figure, complete\",\"2022\",\"1760000\",
\"Albania\",\"2021\",\"Total\",\"Male\",\"Estimate - de jure\",\"Final figure, complete\",\"2022\",\"1390914\",
\"Albania\",\"2020\",\"Total\",\"Both Sexes\",\"Estimate - de jure\",\"Final figure, complete\",\"2021\",\"2827200\",
\"Albania\",\"2020\",\"Total\",\"Both Sexes\",\"Estimate - de jure\",\"Provisional figure\",\"2020\",\"2855472\",1
\"Armenia\",\"2021\",\"Total\",\"Both Sexes\",\"Estimate - de jure\",\"Final figure, complete\",\"2022\",\"2948160\",
\"Armenia\",\"2021\",\"Rural\",\"Both Sexes\",\"Estimate - de jure\",\"Final figure, complete\",\"2022\",\"1060000\",
\"Armenia\",\"2020\",\"Total\",\"Both Sexes\",\"Estimate - de jure\",\"Final figure, complete\",\"2021\",\"2936320\",
\"Austria\",\"2021\",\"Total\",\"Both Sexes\",\"Estimate - de jure\",\"Final figure, complete\",\"2022\",\"8951520\",
\"Austria\",\"2020\",\"Total\",\"Both Sexes\",\"Estimate - de jure\",\"Final figure, complete\",\"2021\",\"8916864\",

\"footnoteSeqID\",\"Footnote\"
1,\"Provisional: census results pending.\"
";
    let i = of(text);
    let d = &i.dataset;
    assert_eq!(role(&i, "Country or Area"), Role::Name);
    assert_eq!(d.trend.as_ref().unwrap().series.len(), 3);
    assert_eq!(
        line(d, "Albania"),
        [(2020, Some(2827200.0)), (2021, Some(2838600.0))]
    );
    assert_eq!(d.ranking.as_ref().unwrap().metrics.len(), 1, "Value alone");
}

/// A district's table of villages as a spreadsheet exports it: the town
/// written once beside its villages (merged cells), a subtotal row per
/// town, and `12.5万` in a column in 万元.
#[test]
fn a_district_table_fills_its_towns_down_skips_subtotals_and_reads_wan_in_wanyuan() {
    let text = "乡镇（街道）,村（社区）,2023年村集体经济收入（万元）,脱贫户数（户）
城关镇,东关村,12.5万,36
,西关村,8.2,41
,南街社区,25.6,12
,城关镇小计,46.3,89
河口镇,河口村,6.8,58
,柳树湾村,5.15,73
,河口镇小计,11.95,131
合计,,58.25,220
";
    let i = of(text);
    let r = i.dataset.ranking.as_ref().expect("a ranking");
    let names: Vec<(&str, Option<&str>, Option<f64>)> = r
        .villages
        .iter()
        .map(|v| (v.name.as_str(), v.group.as_deref(), v.values[0]))
        .collect();
    assert_eq!(
        names,
        [
            ("东关村", Some("城关镇"), Some(12.5)),
            ("西关村", Some("城关镇"), Some(8.2)),
            ("南街社区", Some("城关镇"), Some(25.6)),
            ("河口村", Some("河口镇"), Some(6.8)),
            ("柳树湾村", Some("河口镇"), Some(5.15)),
        ]
    );
}

/// Our World in Data marks its aggregates with `OWID_` codes; Kosovo, which
/// has no ISO code, is `OWID_KOS` and a country.
#[test]
fn kosovo_is_a_country_not_an_aggregate() {
    let text = "Entity,Code,Year,GDP per capita\nKosovo,OWID_KOS,2022,11000\nSerbia,SRB,2022,21000\nWorld,OWID_WRL,2022,20000\nAlbania,ALB,2022,16000\n";
    let i = of(text);
    let ranked = ranked(&i.dataset);
    assert!(ranked.contains(&"Kosovo"), "{ranked:?}");
    assert!(!ranked.contains(&"World"), "{ranked:?}");
}

/// The NBS's monthly export (月度数据): months as columns, newest first.
/// An index of each month is averaged over the year, never summed to 1,200.
#[test]
fn an_nbs_monthly_export_gives_yearly_means_of_its_month_columns() {
    let mut header = String::from("指标");
    let mut cpi = String::from("居民消费价格指数(上年同月=100)");
    for year in [2023, 2022] {
        for month in (1..=12).rev() {
            header.push_str(&format!(",{year}年{month}月"));
            let v = if year == 2023 {
                100.0 + f64::from(month) / 10.0
            } else {
                101.0
            };
            cpi.push_str(&format!(",{v}"));
        }
    }
    let text =
        format!("数据库：月度数据\n时间：最近24个月\n{header}\n{cpi}\n数据来源：国家统计局\n");
    let i = of(&text);
    let l = line(&i.dataset, "居民消费价格指数(上年同月=100)");
    assert_eq!(l.len(), 2, "{l:?}");
    assert!(close(l[0].1, 101.0), "{l:?}");
    assert!(close(l[1].1, 100.65), "the mean of 100.1 … 101.2: {l:?}");
    assert!(
        i.summary
            .notes
            .iter()
            .any(|n| matches!(n, Note::PerYear { .. })),
        "{:?}",
        i.summary.notes
    );
}

/// The unit a bureau export gives above its table (`指标：地区生产总值(亿元)`,
/// `单位：万元`) is the chart's when the columns give none, and the title
/// is the indicator without it.
#[test]
fn a_unit_above_the_table_is_the_charts() {
    let text = "数据库：分省年度数据\n指标：地区生产总值(亿元)\n时间：最近3年\n地区,2023年,2022年,2021年\n北京市,43760.7,41610.9,41045.6\n天津市,16737.3,16311.3,15685.1\n河北省,43944.1,42370.4,40397.1\n数据来源：国家统计局\n";
    let d = of(text).dataset;
    assert_eq!(d.title.as_deref(), Some("地区生产总值"));
    assert_eq!(d.trend.as_ref().unwrap().unit.as_deref(), Some("亿元"));
    assert_eq!(
        d.ranking.as_ref().unwrap().metrics[0].unit.as_deref(),
        Some("亿元")
    );
    let text = "单位：万元\n村,收入\n甲村,12\n乙村,30\n丙村,7\n";
    let d = of(text).dataset;
    assert_eq!(
        d.ranking.as_ref().unwrap().metrics[0].unit.as_deref(),
        Some("万元")
    );
}

/// Statistics Norway's JSON-stat: the time dimension labelled `år`, the
/// metric dimension (`statistikkvariabel`) of two measures that never add
/// up, and the whole country (`Heile landet`) among the regions.
#[test]
fn a_statistics_norway_json_stat_gives_a_line_per_region_of_one_measure() {
    let text = r#"{"version": "2.0", "class": "dataset", "label": "07459: Befolkning, etter region, statistikkvariabel og år", "source": "Statistisk sentralbyrå",
"id": ["Region", "ContentsCode", "Tid"], "size": [3, 2, 2],
"role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
"dimension": {
 "Region": {"label": "region", "category": {"index": {"0": 0, "03": 1, "11": 2}, "label": {"0": "Heile landet", "03": "Oslo", "11": "Rogaland"}}},
 "ContentsCode": {"label": "statistikkvariabel", "category": {"index": {"Folkemengde": 0, "Endring": 1}, "label": {"Folkemengde": "Folkemengde", "Endring": "Folketilvekst"}}},
 "Tid": {"label": "år", "category": {"index": {"2023": 0, "2024": 1}}}},
"value": [5551200, 5589000, 38885, 1972, 719600, 724500, 11500, 3254, 493440, 496799, 17383, 24668]}"#;
    let i = of(text);
    let d = &i.dataset;
    assert_eq!(role(&i, "år"), Role::Time);
    assert_eq!(role(&i, "region"), Role::Name);
    assert_eq!(
        line(d, "Oslo"),
        [(2023, Some(719600.0)), (2024, Some(724500.0))]
    );
    let ranked = ranked(d);
    assert_eq!(
        ranked,
        ["Oslo", "Rogaland"],
        "the whole country is an aggregate"
    );
}

/// The UK's accessible spreadsheets mark headers with their notes
/// (`2022 [note 1]`): still a year.
#[test]
fn a_year_header_with_its_note_is_a_year() {
    let i = of("Region,2021,2022 [note 1]\nNorth East,1,2\nNorth West,3,4\nLondon,5,6\n");
    assert_eq!(
        line(&i.dataset, "London"),
        [(2021, Some(5.0)), (2022, Some(6.0))]
    );
}

/// The ONS's time series CSV: key and value lines above the periods (no
/// header), then the years, the quarters and the months of one series. The
/// years are charted; the quarters and months beside them are skipped and
/// listed, never averaged in with the years.
#[test]
fn an_ons_time_series_charts_its_years_titled_and_in_its_unit() {
    let text =
        "\"Title\",\"Gross Domestic Product: chained volume measures: Seasonally adjusted £m\"
\"CDID\",\"ABMI\"
\"Source dataset ID\",\"PN2\"
\"PreUnit\",\"£\"
\"Unit\",\"m\"
\"Release date\",\"12-08-2024\"
\"Next release\",\"30 September 2024\"
\"Important notes\",\"\"
\"2021\",\"2200000\"
\"2022\",\"2300000\"
\"2021 Q1\",\"540000\"
\"2021 Q2\",\"550000\"
\"2022 Q1\",\"570000\"
\"2022 JAN\",\"190000\"
\"2022 FEB\",\"191000\"
";
    let i = of(text);
    let d = &i.dataset;
    let t = d.trend.as_ref().expect("a trend");
    assert_eq!(t.series.len(), 1);
    assert_eq!(
        t.series[0]
            .points
            .iter()
            .map(|p| (p.year, p.value))
            .collect::<Vec<_>>(),
        [(2021, Some(2_200_000.0)), (2022, Some(2_300_000.0))]
    );
    assert_eq!(t.unit.as_deref(), Some("£m"));
    assert_eq!(
        d.title.as_deref(),
        Some("Gross Domestic Product: chained volume measures: Seasonally adjusted £m")
    );
    let other: Vec<_> = i
        .summary
        .skipped
        .iter()
        .filter(|s| s.reason == Reason::OtherFrequency)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        other,
        ["2021 Q1", "2021 Q2", "2022 Q1", "2022 JAN", "2022 FEB"]
    );
}

/// Growth rates and ratios in `%` leave 0–100 (−2.8% in 2020, debt of 255%
/// of GDP): every value is read, none skipped; the label keeps its `%`
/// (format v1's `%` is a share, 0–100).
#[test]
fn a_rate_in_percent_outside_0_to_100_keeps_every_value() {
    let i = of("Year,United States,Japan\n2019,2.3%,-0.4%\n2020,-2.8%,-4.1%\n2021,5.9%,2.6%\n");
    assert!(i.summary.skipped.is_empty(), "{:?}", i.summary.skipped);
    assert_eq!(line(&i.dataset, "United States (%)")[1], (2020, Some(-2.8)));
    let i = of("Country,Debt to GDP (%)\nJapan,255.2\nItaly,144.4\nGermany,66.1\n");
    assert!(i.summary.skipped.is_empty(), "{:?}", i.summary.skipped);
    let r = i.dataset.ranking.as_ref().unwrap();
    assert_eq!(r.metrics[0].label, "Debt to GDP (%)");
    assert_eq!(r.villages[0].values[0], Some(255.2));
}

/// Times as everyday spreadsheets and budgets write them: fiscal years
/// (`FY2015`, `2019-20`), provisional and year-end years (`2022p`, `2023*`,
/// `2018年末`), Excel's `Jan-22`, and a `Total` row under the years.
#[test]
fn fiscal_provisional_and_short_month_times_are_times() {
    let years = |text: &str| -> Vec<i32> {
        let d = of(text).dataset;
        let t = d.trend.expect("a trend");
        t.series[0].points.iter().map(|p| p.year).collect()
    };
    assert_eq!(
        years("Fiscal Year,Receipts ($bn)\nFY2015,3250\nFY2016,3268\nFY2017,3316\n"),
        [2015, 2016, 2017]
    );
    assert_eq!(
        years("Year,Outlay\n2019-20,10\n2020-21,12\n2021-22,15\n"),
        [2019, 2020, 2021]
    );
    assert_eq!(
        years("Year,GDP\n2020,10\n2021,12\n2022p,15\n2023*,16\n"),
        [2020, 2021, 2022, 2023]
    );
    assert_eq!(
        years("指标,2020年末,2019年末,2018年末\n年末总人口(万人),141212,141008,140541\n"),
        [2018, 2019, 2020]
    );
    assert_eq!(
        years("Month,Rate\nJan-22,4.0\nFeb-22,3.8\nJan-23,3.4\n"),
        [2022, 2023]
    );
    // `2011-12` is December 2011, never a fiscal year.
    assert_eq!(
        years("Month,Rate\n2011-11,4.0\n2011-12,3.8\n2012-01,3.4\n"),
        [2011, 2012]
    );
    let i = of("Year,A,B\n2019,1,2\n2020,2,3\n2021,3,4\n2022,4,5\nTotal,10,14\n");
    assert_eq!(line(&i.dataset, "A").len(), 4);
    assert_eq!(i.summary.skipped.len(), 1, "the Total row, listed");
}

/// Numbers as accountants and statistical tables mark them: `(1,234)` is
/// negative, `916.4*` and `990 (a)` carry a footnote's mark; the Census
/// API's -666666666 is no estimate.
#[test]
fn accounting_negatives_footnote_marks_and_census_annotations() {
    let i = of(
        "Company,Net income ($m),Margin\nA,\"(1,234)\",(8.2 %)\nB,567,4.1 %\nC,\"1,020\",6.0 %\n",
    );
    let r = i.dataset.ranking.as_ref().unwrap();
    let a = r.villages.iter().find(|v| v.name == "A").unwrap();
    assert_eq!(a.values, [Some(-1234.0), Some(-8.2)]);
    let i =
        of("State,2020,2021\nAlaska,\"916.4*\",990 (a)\nColorado,800.1,812.5\nIdaho,700.2,701.3\n");
    assert!(i.summary.skipped.is_empty(), "{:?}", i.summary.skipped);
    assert_eq!(
        line(&i.dataset, "Alaska"),
        [(2020, Some(916.4)), (2021, Some(990.0))]
    );
    let i = of(
        r#"[["NAME","B19013_001E","state"],["Alabama","59609","01"],["Alaska","86370","02"],["Puerto Rico","-666666666","72"]]"#,
    );
    let r = i.dataset.ranking.as_ref().unwrap();
    let pr = r.villages.iter().find(|v| v.name == "Puerto Rico").unwrap();
    assert_eq!(pr.values[0], None);
}

/// Excel's `sep=;` first line says the delimiter and is no title.
#[test]
fn excels_sep_line_is_the_delimiter_not_a_title() {
    let i = of("sep=;\nJahr;Umsatz;Beschäftigte\n2020;10,5;100\n2021;11,2;104\n2022;12,0;110\n");
    assert_eq!(i.dataset.title, None);
    assert_eq!(line(&i.dataset, "Umsatz")[0], (2020, Some(10.5)));
}

/// The Census Bureau's table download: a row of codes, then a row of
/// labels; the margins of error are left out.
#[test]
fn a_census_table_is_named_by_its_second_header_row() {
    let text = "\"GEO_ID\",\"NAME\",\"B01001_001E\",\"B01001_001M\",\"B01001_002E\",\"B01001_002M\",
\"Geography\",\"Geographic Area Name\",\"Estimate!!Total:\",\"Margin of Error!!Total:\",\"Estimate!!Total:!!Male:\",\"Margin of Error!!Total:!!Male:\",
\"0400000US01\",\"Alabama\",\"5074296\",\"*****\",\"2506702\",\"2303\",
\"0400000US02\",\"Alaska\",\"733583\",\"*****\",\"362390\",\"3142\",
\"0400000US04\",\"Arizona\",\"7359197\",\"*****\",\"3635443\",\"2571\",
";
    let i = of(text);
    let r = i.dataset.ranking.as_ref().expect("a ranking");
    let labels: Vec<&str> = r.metrics.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["Estimate!!Total:", "Estimate!!Total:!!Male:"]);
    assert_eq!(r.villages.len(), 3, "no row of labels among the states");
    assert!(matches!(
        role(&i, "Margin of Error!!Total:!!Male:"),
        Role::Left(_)
    ));
}

/// A yearbook's parts under their total (`  其中：男`, `#0-14岁`) are named
/// as the parts; `县（市、区）` names its column, it is no unit.
#[test]
fn yearbook_part_marks_are_not_names_and_other_names_are_no_unit() {
    let i = of("指标,2021,2022\n年末总人口（万人）,141260,141175\n  其中：男,72311,72206\n        女,68949,68969\n#0-14岁,24678,23908\n");
    let names: Vec<&str> = i
        .dataset
        .trend
        .as_ref()
        .unwrap()
        .series
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["年末总人口", "男", "女", "0-14岁"]);
    let i = of("县（市、区）,贫困人口（万人）\n东乡县,1.2\n临夏县,0.8\n积石山县,1.5\n");
    let c = i
        .summary
        .columns
        .iter()
        .find(|c| c.header == "县（市、区）")
        .unwrap();
    assert_eq!(c.unit, None);
}

/// Text that is not UTF-8 is GB18030 (a bureau export) unless its bytes
/// above ASCII stand alone, as a one-byte code page's letters do: a German
/// district table saved by Western Excel (Windows-1252) keeps `München`,
/// the bureau export stays Chinese, Big5 (pairs too) is not taken for it.
#[test]
fn windows_1252_is_told_from_gb18030_by_its_lone_bytes() {
    use heluo::dataset::import::single_bytes;
    let root = env!("CARGO_MANIFEST_DIR");
    let file =
        |p: &str| std::fs::read(format!("{root}/{p}")).unwrap_or_else(|e| panic!("{p}: {e}"));
    let german = file("tests/fixtures/encodings/bayern-kreise-cp1252.csv");
    assert!(single_bytes(&german));
    assert_eq!(
        heluo::dataset::import::legacy_encoding(&german),
        "windows-1252"
    );
    assert!(!single_bytes(&file("www/data/tables/national-nbs.csv")));
    assert!(!single_bytes(&file(
        "tests/fixtures/encodings/big5-long.csv"
    )));
    let d = match load(&german, &Mapping::default()) {
        Ok(Loaded::Tables(t)) => t.imported.dataset,
        other => panic!("{other:?}"),
    };
    let names = ranked(&d);
    assert_eq!(names.first(), Some(&"Landeshauptstadt München"));
    assert!(names.contains(&"Bad Tölz-Wolfratshausen"), "{names:?}");
}

/// OECD.Stat's CSV export writes each dimension twice, as a code and as a
/// label (`LOCATION` `AUS`, `Country` `Australia`): the label names the
/// lines, and the code marks the OECD's own total as an aggregate, left out
/// of the ranking.
#[test]
fn oecd_stat_names_countries_by_label_and_leaves_its_total_out() {
    let mut csv = String::from("\"LOCATION\",\"Country\",\"SUBJECT\",\"Subject\",\"TIME\",\"Time\",\"Unit Code\",\"Unit\",\"Value\",\"Flag Codes\",\"Flags\"\n");
    for (code, name, values) in [
        ("AUS", "Australia", [5.2, 5.1, 6.5]),
        ("AUT", "Austria", [4.8, 4.5, 6.0]),
        ("CAN", "Canada", [5.8, 5.7, 9.7]),
        ("OECD", "OECD - Total", [5.6, 5.4, 7.2]),
    ] {
        for (year, v) in (2018..).zip(values) {
            csv.push_str(&format!("\"{code}\",\"{name}\",\"HUR\",\"Harmonised unemployment rate (HUR)\",\"{year}\",\"{year}\",\"PC\",\"Percentage\",\"{v}\",\"\",\"\"\n"));
        }
    }
    let i = of(&csv);
    assert_eq!(role(&i, "Country"), Role::Name);
    let names: Vec<&str> = i
        .dataset
        .trend
        .as_ref()
        .unwrap()
        .series
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Australia", "Austria", "Canada", "OECD - Total"]);
    assert_eq!(
        line(&i.dataset, "Canada"),
        [(2018, Some(5.8)), (2019, Some(5.7)), (2020, Some(9.7))]
    );
    assert_eq!(ranked(&i.dataset), ["Australia", "Austria", "Canada"]);
}

/// A yearbook table with a merged header: the year over each pair of
/// columns (blank where the merge continues), the measures under it. Read
/// as a row a place and a year: the first measure's lines over the years,
/// and a ranking of the latest year's measures.
#[test]
fn yearbook_merged_year_header_keeps_each_columns_year() {
    let i = of("表3-9 各地区生产总值（2022—2023年）,,,,\n,,,,\n地区,2022年,,2023年,\n,总量（亿元）,增速（%）,总量（亿元）,增速（%）\n全国,1204724.0,3.0,1260582.1,5.2\n北京,41610.9,0.7,43760.7,5.2\n天津,16311.3,1.0,16737.3,4.3\n河北,42370.4,3.8,43944.1,5.5\n吉林,13070.2,-1.9,13531.2,6.3\n注：全国数据为初步核算数。\n数据来源：国家统计局\n");
    let t = i.dataset.trend.as_ref().expect("a trend");
    assert_eq!(t.title.as_deref(), Some("总量"));
    assert_eq!(t.unit.as_deref(), Some("亿元"));
    assert_eq!(
        line(&i.dataset, "北京"),
        [(2022, Some(41610.9)), (2023, Some(43760.7))]
    );
    assert_eq!(
        line(&i.dataset, "全国"),
        [(2022, Some(1204724.0)), (2023, Some(1260582.1))]
    );
    let r = i.dataset.ranking.as_ref().expect("a ranking");
    let labels: Vec<&str> = r.metrics.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["总量", "增速（%）"]);
    assert_eq!(r.metrics[0].unit.as_deref(), Some("亿元"));
    assert_eq!(r.title.as_deref(), Some("2023年"), "the latest year's");
    assert_eq!(ranked(&i.dataset), ["北京", "天津", "河北", "吉林"]);
    let beijing = &r.villages[0];
    assert_eq!(beijing.values, [Some(43760.7), Some(5.2)]);
}

/// A country's total among its regions under a name no list knows: the row
/// that is the sum of all the others (or of two levels under it) is left
/// out of the ranking and said; Taiwan's 民國 years are years; a
/// traditional-character 總計 is a total.
#[test]
fn totals_by_their_sum_and_roc_years() {
    let i = of("GeoName,2021,2022\nUnited States,1000,1100\nCalifornia,400,440\nTexas,300,330\nNew York,200,220\nFlorida,60,66\nOhio,40,44\n");
    assert_eq!(
        ranked(&i.dataset),
        ["California", "Texas", "New York", "Florida", "Ohio"]
    );
    assert!(i.summary.notes.iter().any(
        |n| matches!(n, Note::Aggregates { names } if names == &["United States".to_string()])
    ));
    // No row is the others' sum: every one is ranked. Cloud is a third of
    // the segments' sum to 0.15%, by chance: a segment, not a total.
    let i = of("村,收入\n甲,10\n乙,20\n丙,30\n丁,45\n戊,50\n");
    assert_eq!(ranked(&i.dataset).len(), 5);
    let i = of("Segment,Revenue 2022\nCloud,75251\nProductivity,63364\nPersonal Computing,59655\nGaming,16230\nSearch & news,11591\n");
    assert_eq!(ranked(&i.dataset).len(), 5);
    let i = of("縣市別,107年底,108年底,112年(p)\n總計,300,310,320\n新北市,100,110,120\n臺北市,200,200,200\n");
    assert_eq!(
        line(&i.dataset, "新北市"),
        [
            (2018, Some(100.0)),
            (2019, Some(110.0)),
            (2023, Some(120.0))
        ]
    );
    assert_eq!(ranked(&i.dataset), ["新北市", "臺北市"]);
}

/// Long tables whose value column is headed so: the UN SDG API (numeric
/// `Goal` and `Target` codes beside `Value`, `Location` with its
/// `ALLAREA` total), the .Stat Suite (`TIME_PERIOD: Periodo di
/// riferimento`, `9: totale`), Spain's INE (`2023T4` quarters, `Ambos
/// sexos`).
#[test]
fn value_headed_long_tables_and_statistics_offices_totals() {
    let mut sdg = String::from(
        "Goal,Target,Indicator,GeoAreaCode,GeoAreaName,TimePeriod,Value,Location,Units\n",
    );
    for (code, name, all) in [
        (566, "Nigeria", 55.4),
        (404, "Kenya", 69.7),
        (288, "Ghana", 85.9),
        (231, "Ethiopia", 51.1),
    ] {
        for year in [2019, 2020] {
            for (location, v) in [
                ("ALLAREA", all),
                ("URBAN", all + 20.0),
                ("RURAL", all - 20.0),
            ] {
                sdg.push_str(&format!(
                    "7,7.1,7.1.1,{code},{name},{year},{v},{location},PERCENT\n"
                ));
            }
        }
    }
    let i = of(&sdg);
    assert_eq!(role(&i, "Value"), Role::Value);
    assert_eq!(role(&i, "TimePeriod"), Role::Time);
    assert_eq!(role(&i, "GeoAreaName"), Role::Name);
    assert_eq!(
        line(&i.dataset, "Nigeria"),
        [(2019, Some(55.4)), (2020, Some(55.4))]
    );
    let mut istat = String::from(
        "REF_AREA: Territorio,SEX: Sesso,TIME_PERIOD: Periodo di riferimento,OBS_VALUE\n",
    );
    for (area, total) in [
        ("IT: Italia", 9.5),
        ("ITC4: Lombardia", 5.9),
        ("ITF3: Campania", 19.3),
        ("ITI4: Lazio", 9.2),
    ] {
        for (year, drop) in [(2021, 0.0), (2022, 1.4)] {
            for (sex, v) in [
                ("1: maschi", total - 1.2),
                ("2: femmine", total + 1.5),
                ("9: totale", total),
            ] {
                istat.push_str(&format!("{area},{sex},{year},{:.1}\n", v - drop));
            }
        }
    }
    let i = of(&istat);
    assert_eq!(role(&i, "TIME_PERIOD: Periodo di riferimento"), Role::Time);
    assert_eq!(
        line(&i.dataset, "IT: Italia"),
        [(2021, Some(9.5)), (2022, Some(8.1))]
    );
    let i = of("Sexo;Comunidades y Ciudades Autónomas;Periodo;Total\nAmbos sexos;Total Nacional;2023T4;11,76\nAmbos sexos;Total Nacional;2023T3;11,84\nHombres;Total Nacional;2023T4;10,4\nAmbos sexos;01 Andalucía;2023T4;18,03\nAmbos sexos;01 Andalucía;2023T3;17,9\nHombres;01 Andalucía;2023T4;15,1\nAmbos sexos;09 Cataluña;2023T4;8,9\nAmbos sexos;09 Cataluña;2023T3;9,1\n");
    assert_eq!(role(&i, "Periodo"), Role::Time);
    let andalucia = line(&i.dataset, "01 Andalucía");
    assert!(close(andalucia[0].1, (18.03 + 17.9) / 2.0), "{andalucia:?}");
    assert!(!ranked(&i.dataset).contains(&"Total Nacional"));
}

/// Headers of a year and words are a measure over the years only when the
/// whole is not a time: `2020 Q1` is a quarter of a wide table (averaged a
/// year), `2020 Census population` a measure of 2020.
#[test]
fn a_year_and_a_measure_in_a_header_but_not_a_quarter() {
    let i =
        of("region,2020 Q1,2020 Q2,2021 Q1,2021 Q2\nNorth,1,2,3,4\nSouth,5,6,7,8\nEast,2,3,4,5\n");
    assert_eq!(
        line(&i.dataset, "North"),
        [(2020, Some(1.5)), (2021, Some(3.5))],
        "the quarters' mean, as before"
    );
    let i = of("State,2010 Census population,2020 Census population\nOhio,11536504,11799448\nTexas,25145561,29145505\nIowa,3046355,3190369\n");
    assert_eq!(
        line(&i.dataset, "Texas"),
        [(2010, Some(25145561.0)), (2020, Some(29145505.0))]
    );
    let r = i.dataset.ranking.as_ref().expect("a ranking");
    assert_eq!(ranked(&i.dataset), ["Ohio", "Texas", "Iowa"]);
    assert_eq!(r.villages[1].values, [Some(29145505.0)], "2020's");
}

/// A header row that repeats its year over each column (KOSIS) names the
/// columns with the row under it, read as a row a place and a year; a form's header
/// line (`填报单位：…      单位：万元`) gives the unit of every metric but
/// the rate in %.
#[test]
fn repeated_year_headers_and_a_unit_on_a_forms_line() {
    let i = of("\"행정구역(시군구)별\",\"2021\",\"2021\",\"2022\",\"2022\"\n\"행정구역(시군구)별\",\"총인구수 (명)\",\"남자인구수 (명)\",\"총인구수 (명)\",\"남자인구수 (명)\"\n\"전국\",\"51638809\",\"25746796\",\"51439038\",\"25637710\"\n\"서울특별시\",\"9509458\",\"4615829\",\"9428372\",\"4570619\"\n\"부산광역시\",\"3350380\",\"1638200\",\"3317812\",\"1620808\"\n\"경기도\",\"13565450\",\"6818738\",\"13589432\",\"6828915\"\n");
    assert_eq!(
        line(&i.dataset, "서울특별시"),
        [(2021, Some(9509458.0)), (2022, Some(9428372.0))]
    );
    let r = i.dataset.ranking.as_ref().expect("a ranking");
    let labels: Vec<&str> = r.metrics.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["총인구수", "남자인구수"]);
    assert_eq!(r.metrics[0].unit.as_deref(), Some("명"));
    assert_eq!(
        r.villages[0].values,
        [Some(9428372.0), Some(4570619.0)],
        "2022's"
    );
    assert_eq!(
        r.title.as_deref(),
        Some("2022"),
        "no Chinese words for a Korean table"
    );
    assert_eq!(i.dataset.locale, "en");
    assert!(!ranked(&i.dataset).contains(&"전국"));
    let i = of("2022年度村级集体经济收入情况统计表\n填报单位：XX县农业农村局          单位：万元\n乡镇,村,2022年总收入,同比增长(%)\n城关镇,东关村,68.35,18.75\n城关镇,西关村,40.22,11.06\n石桥镇,新村,28.90,25.81\n石桥镇,河口村,33.10,-4.20\n");
    let r = i.dataset.ranking.as_ref().expect("a ranking");
    assert_eq!(r.metrics[0].unit.as_deref(), Some("万元"));
    assert_ne!(r.metrics[1].unit.as_deref(), Some("万元"));
}

/// The IMF DataMapper API's reply: the keyed maps of each indicator under
/// `values`, beside the reply's `api` (no country): a line per country,
/// titled by the indicator's code, the IMF's groups out of the ranking.
#[test]
fn imf_datamapper_reply_is_a_line_per_country() {
    let i = of(
        r#"{"values": {"NGDP_RPCH": {"USA": {"2021": 5.8, "2022": 1.9}, "CHN": {"2021": 8.4, "2022": 3}, "DEU": {"2021": 3.2, "2022": 1.8}, "WEOWORLD": {"2021": 6.5, "2022": 3.5}}}, "api": {"version": "1", "output-method": "json"}}"#,
    );
    assert_eq!(
        line(&i.dataset, "USA"),
        [(2021, Some(5.8)), (2022, Some(1.9))]
    );
    assert_eq!(i.dataset.title.as_deref(), Some("NGDP_RPCH"));
    assert_eq!(ranked(&i.dataset), ["USA", "CHN", "DEU"]);
}

/// data.gov.tw writes 民國 years as plain numbers under `年度`: `109` is
/// 2020, and the years are a time, not a value summed over the years.
#[test]
fn roc_years_as_plain_numbers_under_a_year_header() {
    let i = of("年度,縣市別,平均每戶可支配所得(元)\n109,臺北市,1557627\n110,臺北市,1593207\n111,臺北市,1602539\n109,新北市,1200385\n110,新北市,1221870\n111,新北市,1239823\n");
    assert_eq!(role(&i, "年度"), Role::Time);
    assert_eq!(
        line(&i.dataset, "臺北市"),
        [
            (2020, Some(1557627.0)),
            (2021, Some(1593207.0)),
            (2022, Some(1602539.0))
        ]
    );
    // Another header, or a number outside 38–189: no years made up.
    let i = of("序号,村,收入\n109,甲,10\n110,乙,20\n111,丙,30\n");
    assert!(i.dataset.trend.is_none());
}

/// Aggregates among the places ranked: the BEA's FIPS codes of zeros (the
/// United States) and of its regions (`91000`–`98000`: New England,
/// Southwest), and IBGE's regions each the sum of the states under it.
#[test]
fn regions_among_states_by_code_and_by_sum() {
    let i = of(
        r#""GeoFips","GeoName","Region","TableName","LineCode","IndustryClassification","Description","Unit","2019","2020","2021","2022"
"00000","United States","","SAGDP2N","1","...","All industry total ","Millions of current dollars","21540325","21354125","23681171","26006893"
"00000","United States","","SAGDP2N","3","11","Agriculture, forestry, fishing and hunting ","Millions of current dollars","163289","154622","209214","255226"
"09000","Connecticut","1","SAGDP2N","1","...","All industry total ","Millions of current dollars","289534","283419","305990","321845"
"09000","Connecticut","1","SAGDP2N","3","11","Agriculture, forestry, fishing and hunting ","Millions of current dollars","1185","1176","1437","(D)"
"01000","Alabama","5","SAGDP2N","1","...","All industry total ","Millions of current dollars","230750","229707","253005","277817"
"01000","Alabama","5","SAGDP2N","3","11","Agriculture, forestry, fishing and hunting ","Millions of current dollars","2902","2780","3462","4032"
"06000","California","6","SAGDP2N","1","...","All industry total ","Millions of current dollars","3184450","3171474","3564330","3641643"
"06000","California","6","SAGDP2N","3","11","Agriculture, forestry, fishing and hunting ","Millions of current dollars","45127","44283","51487","59402"
"48000","Texas","6","SAGDP2N","1","...","All industry total ","Millions of current dollars","1845254","1763055","2069666","2355960"
"48000","Texas","6","SAGDP2N","3","11","Agriculture, forestry, fishing and hunting ","Millions of current dollars","12087","10543","15621","17906"
"50000","Vermont","1","SAGDP2N","1","...","All industry total ","Millions of current dollars","35082","33967","37075","40617"
"50000","Vermont","1","SAGDP2N","3","11","Agriculture, forestry, fishing and hunting ","Millions of current dollars","(D)","712","868","(D)"
"91000","New England","","SAGDP2N","1","...","All industry total ","Millions of current dollars","1227468","1212106","1343225","1460329"
"91000","New England","","SAGDP2N","3","11","Agriculture, forestry, fishing and hunting ","Millions of current dollars","5087","5038","6076","7218"
"96000","Southwest","","SAGDP2N","1","...","All industry total ","Millions of current dollars","2643779","2525434","2939208","3321047"
"96000","Southwest","","SAGDP2N","3","11","Agriculture, forestry, fishing and hunting ","Millions of current dollars","20367","17820","25217","29188"
"Note: See the included footnote file."
"CAGDP2: Gross domestic product (GDP) by county and metropolitan area"
"(D) Not shown to avoid disclosure of confidential information; estimates are included in higher-level totals."
"Last updated: December 8, 2023-- new statistics for 2022; revised statistics for 2017-2021."
"Source: U.S. Bureau of Economic Analysis"
"#,
    );
    assert_eq!(
        ranked(&i.dataset),
        ["Connecticut", "Alabama", "California", "Texas", "Vermont"]
    );
    assert_eq!(
        line(&i.dataset, "New England"),
        [
            (2019, Some(1227468.0)),
            (2020, Some(1212106.0)),
            (2021, Some(1343225.0)),
            (2022, Some(1460329.0))
        ]
    );
    let i = of(
        r#""Tabela 1612 - Área plantada, área colhida, quantidade produzida, rendimento médio e valor da produção das lavouras temporárias"
"Variável - Área plantada (Hectares)"
"Produto das lavouras temporárias - Trigo (em grão)"
"Brasil, Grande Região e Unidade da Federação";"2018";"2019";"2020";"2021";"2022"
"Brasil";"2070436";"2059101";"2375063";"2763476";"3149452"
"Norte";"-";"-";"-";"-";"-"
"Nordeste";"-";"-";"-";"1155";"2630"
"Bahia";"-";"-";"-";"1155";"2580"
"Sudeste";"84226";"88560";"102955";"124980";"152307"
"Minas Gerais";"70316";"78760";"88900";"103360";"128602"
"São Paulo";"13910";"9800";"14055";"21620";"23705"
"Sul";"1887465";"1871941";"2148158";"2489681";"2830115"
"Paraná";"1054185";"1030540";"1127680";"1173690";"1163870"
"Santa Catarina";"56300";"53441";"62878";"101991";"135245"
"Rio Grande do Sul";"776980";"787960";"957600";"1214000";"1531000"
"Centro-Oeste";"98745";"98600";"123950";"147660";"164400"
"Mato Grosso do Sul";"32130";"24710";"30950";"39160";"44500"
"Mato Grosso";"-";"...";"...";"...";"..."
"Goiás";"25360";"26710";"33850";"42400";"52300"
"Distrito Federal";"4255";"2180";"1950";"2600";"3100"

"Fonte: IBGE - Produção Agrícola Municipal"
"Notas"
"1 - Os municípios sem informação para pelo menos um produto da lavoura temporária não aparecem nas listas"
"2 - A partir do ano de 2001 as quantidades produzidas dos produtos melancia, melão, abacaxi e coco-da-baía passam a ser expressas em mil frutos"
"Legenda"
"Símbolo";"Significado"
"-";"Dado numérico igual a zero não resultante de arredondamento"
"..";"Não se aplica dado numérico"
"...";"Dado numérico não disponível"
"X";"Dado numérico omitido a fim de evitar a individualização da informação"
"#,
    );
    let names = ranked(&i.dataset);
    assert!(
        !names.contains(&"Sudeste") && !names.contains(&"Sul"),
        "{names:?}"
    );
    for state in ["Minas Gerais", "São Paulo", "Paraná", "Rio Grande do Sul"] {
        assert!(names.contains(&state), "{names:?}");
    }
    // A long list of villages holds rows near the sum of their neighbours
    // by chance (within 0.1%, 37 of 200,000 like these): none is a region.
    let mut csv = String::from("village,town,income,dividend\n");
    for i in 0..20_000usize {
        csv.push_str(&format!(
            "村{i:06},镇{:04},{},{}\n",
            i % 2000,
            (i * 7919) % 1_000_003,
            (i * 31) % 997
        ));
    }
    let i = of(&csv);
    assert_eq!(
        i.dataset.ranking.as_ref().map(|r| r.villages.len()),
        Some(20_000)
    );
    // Two rows that are each the sum of the rows beside them, or none: one
    // is chance, left in.
    let i = of("name,2022\na,30\nb,10\nc,20\nd,7\ne,8\nf,9\n");
    assert_eq!(ranked(&i.dataset), ["a", "b", "c", "d", "e", "f"]);
}

/// CBS StatLine marks a region's level on its name (`Groningen (PV)`): the
/// provinces are ranked by their names, and not among the country or the
/// parts of the country (`(LD)`).
#[test]
fn statline_levels_are_not_ranked_together() {
    let i = of(r#""Regio's";"Perioden";"Bevolking op 1 januari (aantal)"
"Nederland";"2019";"17407585"
"Nederland";"2020";"17475415"
"Nederland";"2021";"17590672"
"Nederland";"2022";"17811291"
"Nederland";"2023*";"17942942"
"Groningen (PV)";"2019";"585866"
"Groningen (PV)";"2020";"586937"
"Groningen (PV)";"2021";"590170"
"Groningen (PV)";"2022";"596075"
"Groningen (PV)";"2023*";"601179"
"Friesland (PV)";"2019";"649957"
"Friesland (PV)";"2020";"651435"
"Friesland (PV)";"2021";"654015"
"Friesland (PV)";"2022";"659551"
"Friesland (PV)";"2023*";"661872"
"Noord-Holland (PV)";"2019";"2879527"
"Noord-Holland (PV)";"2020";"2887906"
"Noord-Holland (PV)";"2021";"2904446"
"Noord-Holland (PV)";"2022";"2952622"
"Noord-Holland (PV)";"2023*";"2977051"
"Zuid-Holland (PV)";"2019";"3708696"
"Zuid-Holland (PV)";"2020";"3726173"
"Zuid-Holland (PV)";"2021";"3753999"
"Zuid-Holland (PV)";"2022";"3804906"
"Zuid-Holland (PV)";"2023*";"3834373"
"Limburg (PV)";"2019";"1117201"
"Limburg (PV)";"2020";"1115872"
"Limburg (PV)";"2021";"1117545"
"Limburg (PV)";"2022";"1127805"
"Limburg (PV)";"2023*";"1132227"
"Flevoland (PV)";"2019";"423021"
"Flevoland (PV)";"2020";"428226"
"Flevoland (PV)";"2021";"432861"
"Flevoland (PV)";"2022";"444701"
"Flevoland (PV)";"2023*";"452417"
"#);
    assert_eq!(
        ranked(&i.dataset),
        [
            "Groningen",
            "Friesland",
            "Noord-Holland",
            "Zuid-Holland",
            "Limburg",
            "Flevoland"
        ]
    );
    assert_eq!(
        line(&i.dataset, "Groningen (PV)").last(),
        Some(&(2023, Some(601179.0)))
    );
    let i = of("\"Regio's\";\"Perioden\";\"Bevolking op 1 januari (aantal)\"\n\"Nederland\";\"2023\";\"17942942\"\n\"Noord-Nederland (LD)\";\"2023\";\"1789127\"\n\"West-Nederland (LD)\";\"2023\";\"8357315\"\n\"Groningen (PV)\";\"2023\";\"601179\"\n\"Friesland (PV)\";\"2023\";\"661872\"\n\"Drenthe (PV)\";\"2023\";\"502051\"\n\"Utrecht (PV)\";\"2023\";\"1387643\"\n");
    assert_eq!(
        ranked(&i.dataset),
        ["Groningen", "Friesland", "Drenthe", "Utrecht"]
    );
}

/// Two kinds of estimate of one quantity are not added: Socrata's New York
/// population estimates give the census count beside the postcensal
/// estimate in 2020 only; the estimate, there every year, is read.
#[test]
fn alternative_estimates_are_not_summed() {
    let i = of(r#"FIPS Code,Geography,Year,Program Type,Population
36,New York State,2019,Postcensal Population Estimate,19453561
36,New York State,2020,Postcensal Population Estimate,20108296
36,New York State,2020,Census Base Population,20201249
36,New York State,2021,Postcensal Population Estimate,19835913
36,New York State,2022,Postcensal Population Estimate,19677151
36001,Albany County,2019,Postcensal Population Estimate,305506
36001,Albany County,2020,Postcensal Population Estimate,314848
36001,Albany County,2020,Census Base Population,314848
36001,Albany County,2021,Postcensal Population Estimate,314679
36001,Albany County,2022,Postcensal Population Estimate,315041
36005,Bronx County,2019,Postcensal Population Estimate,1418207
36005,Bronx County,2020,Postcensal Population Estimate,1472654
36005,Bronx County,2020,Census Base Population,1472654
36005,Bronx County,2021,Postcensal Population Estimate,1424948
36005,Bronx County,2022,Postcensal Population Estimate,1379946
36047,Kings County,2019,Postcensal Population Estimate,2559903
36047,Kings County,2020,Postcensal Population Estimate,2736074
36047,Kings County,2020,Census Base Population,2736074
36047,Kings County,2021,Postcensal Population Estimate,2641052
36047,Kings County,2022,Postcensal Population Estimate,2590516
36061,New York County,2019,Postcensal Population Estimate,1628706
36061,New York County,2020,Postcensal Population Estimate,1694251
36061,New York County,2020,Census Base Population,1694251
36061,New York County,2021,Postcensal Population Estimate,1576876
36061,New York County,2022,Postcensal Population Estimate,1596273
36029,Erie County,2019,Postcensal Population Estimate,918702
36029,Erie County,2020,Postcensal Population Estimate,954236
36029,Erie County,2020,Census Base Population,954236
36029,Erie County,2021,Postcensal Population Estimate,951696
36029,Erie County,2022,Postcensal Population Estimate,950683
"#);
    assert_eq!(
        line(&i.dataset, "Albany County"),
        [
            (2019, Some(305506.0)),
            (2020, Some(314848.0)),
            (2021, Some(314679.0)),
            (2022, Some(315041.0))
        ]
    );
    assert!(i.summary.notes.iter().any(|n| matches!(n,
        Note::SliceThroughout { column, value, rows_left: 6 }
            if column == "Program Type" && value == "Postcensal Population Estimate")));
    // The state's FIPS code (36) heads its counties' (36001): not ranked among them.
    assert_eq!(
        ranked(&i.dataset),
        [
            "Albany County",
            "Bronx County",
            "Kings County",
            "New York County",
            "Erie County"
        ]
    );
    // Parts that come together every year are still added.
    let i = of("Geography,Year,Sex,Population\nA,2020,Male,10\nA,2020,Female,12\nA,2021,Male,11\nA,2021,Female,13\nB,2020,Male,5\nB,2020,Female,6\nB,2021,Male,7\nB,2021,Female,8\n");
    assert_eq!(
        line(&i.dataset, "A"),
        [(2020, Some(22.0)), (2021, Some(24.0))]
    );
}

/// The IMF's CompactData replies (SDMX 2.0 as JSON, attributes as `@`
/// keys): a line per series (`@REF_AREA`), over `@TIME_PERIOD`, titled by
/// the indicator; a lone series is an object, not an array.
#[test]
fn imf_compact_data_is_a_line_per_series() {
    let i = of(
        r##"{"CompactData": {"@xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "@xmlns:xsd": "http://www.w3.org/2001/XMLSchema", "@xsi:schemaLocation": "http://www.SDMX.org/resources/SDMXML/schemas/v2_0/message https://registry.sdmx.org/schemas/v2_0/SDMXMessage.xsd http://dataservices.imf.org/compact/IFS http://dataservices.imf.org/compact/IFS.xsd", "@xmlns": "http://www.SDMX.org/resources/SDMXML/schemas/v2_0/message", "Header": {"ID": "c5a0b6c6-6e48-4ac7-9c8f-0ff4a6a5e6c1", "Test": "false", "Prepared": "2024-03-11T10:21:47", "Sender": {"@id": "1C0", "Name": {"@xml:lang": "en", "#text": "IMF"}, "Contact": {"URI": "http://www.imf.org", "Telephone": "+ 1 (202) 623-6220"}}, "Receiver": {"@id": "ZZZ"}, "DataSetID": "IFS"}, "DataSet": {"@xmlns": "http://dataservices.imf.org/compact/IFS", "Series": [{"@FREQ": "A", "@REF_AREA": "US", "@INDICATOR": "LUR_PT", "@UNIT_MULT": "0", "@TIME_FORMAT": "P1Y", "Obs": [{"@TIME_PERIOD": "2019", "@OBS_VALUE": "3.7"}, {"@TIME_PERIOD": "2020", "@OBS_VALUE": "8.1"}, {"@TIME_PERIOD": "2021", "@OBS_VALUE": "5.4"}, {"@TIME_PERIOD": "2022", "@OBS_VALUE": "3.6"}, {"@TIME_PERIOD": "2023", "@OBS_VALUE": "3.6"}]}, {"@FREQ": "A", "@REF_AREA": "GB", "@INDICATOR": "LUR_PT", "@UNIT_MULT": "0", "@TIME_FORMAT": "P1Y", "Obs": [{"@TIME_PERIOD": "2019", "@OBS_VALUE": "3.8"}, {"@TIME_PERIOD": "2020", "@OBS_VALUE": "4.6"}, {"@TIME_PERIOD": "2021", "@OBS_VALUE": "4.5"}, {"@TIME_PERIOD": "2022", "@OBS_VALUE": "3.7"}, {"@TIME_PERIOD": "2023", "@OBS_VALUE": "4.0"}]}, {"@FREQ": "A", "@REF_AREA": "JP", "@INDICATOR": "LUR_PT", "@UNIT_MULT": "0", "@TIME_FORMAT": "P1Y", "Obs": [{"@TIME_PERIOD": "2019", "@OBS_VALUE": "2.4"}, {"@TIME_PERIOD": "2020", "@OBS_VALUE": "2.8"}, {"@TIME_PERIOD": "2021", "@OBS_VALUE": "2.8"}, {"@TIME_PERIOD": "2022", "@OBS_VALUE": "2.6"}, {"@TIME_PERIOD": "2023", "@OBS_VALUE": "2.6"}]}, {"@FREQ": "A", "@REF_AREA": "DE", "@INDICATOR": "LUR_PT", "@UNIT_MULT": "0", "@TIME_FORMAT": "P1Y", "Obs": [{"@TIME_PERIOD": "2019", "@OBS_VALUE": "3.1"}, {"@TIME_PERIOD": "2020", "@OBS_VALUE": "3.8"}, {"@TIME_PERIOD": "2021", "@OBS_VALUE": "3.6"}, {"@TIME_PERIOD": "2022", "@OBS_VALUE": "3.1"}, {"@TIME_PERIOD": "2023", "@OBS_VALUE": "3.0"}]}, {"@FREQ": "A", "@REF_AREA": "FR", "@INDICATOR": "LUR_PT", "@UNIT_MULT": "0", "@TIME_FORMAT": "P1Y", "Obs": [{"@TIME_PERIOD": "2019", "@OBS_VALUE": "8.4"}, {"@TIME_PERIOD": "2020", "@OBS_VALUE": "8.0"}, {"@TIME_PERIOD": "2021", "@OBS_VALUE": "7.9"}, {"@TIME_PERIOD": "2022", "@OBS_VALUE": "7.3"}, {"@TIME_PERIOD": "2023", "@OBS_VALUE": "7.3"}]}]}}}"##,
    );
    assert_eq!(
        line(&i.dataset, "US"),
        [
            (2019, Some(3.7)),
            (2020, Some(8.1)),
            (2021, Some(5.4)),
            (2022, Some(3.6)),
            (2023, Some(3.6))
        ]
    );
    assert_eq!(i.dataset.trend.as_ref().map(|t| t.series.len()), Some(5));
    assert_eq!(i.dataset.title.as_deref(), Some("LUR_PT"));
    assert_eq!(ranked(&i.dataset), ["US", "GB", "JP", "DE", "FR"]);
    let i = of(
        r#"{"CompactData": {"Header": {"DataSetID": "IFS"}, "DataSet": {"Series": {"@FREQ": "A", "@REF_AREA": "JP", "@INDICATOR": "LUR_PT", "Obs": [{"@TIME_PERIOD": "2022", "@OBS_VALUE": "2.6"}, {"@TIME_PERIOD": "2023", "@OBS_VALUE": "2.5"}]}}}}"#,
    );
    let t = i.dataset.trend.as_ref().expect("a trend");
    let points: Vec<(i32, Option<f64>)> = t.series[0]
        .points
        .iter()
        .map(|p| (p.year, p.value))
        .collect();
    assert_eq!(points, [(2022, Some(2.6)), (2023, Some(2.5))]);
}

/// An ABS time-series spreadsheet saved as CSV: the rows under the header
/// (`Unit`, `Series Type`, …, `Series ID`) describe each series, the dated
/// rows (`Jan-2023`) follow: a line per series over the years (the months'
/// mean), named as a reader writes it, with the `Unit` row's unit.
#[test]
fn abs_time_series_sheet_is_read_under_its_metadata_rows() {
    let i = of(
        r#",Employed total ;  Persons ;,Employed total ;  > Males ;,Unemployment rate ;  Persons ;,Unemployment rate ;  > Males ;
Unit,000,000,Percent,Percent
Series Type,Seasonally Adjusted,Seasonally Adjusted,Seasonally Adjusted,Seasonally Adjusted
Data Type,STOCK,STOCK,PERCENT,PERCENT
Frequency,Month,Month,Month,Month
Collection Month,1,1,1,1
Series Start,Feb-1978,Feb-1978,Feb-1978,Feb-1978
Series End,Mar-2024,Mar-2024,Mar-2024,Mar-2024
No. Obs,554,554,554,554
Series ID,A84423043C,A84423035C,A84423050A,A84423036F
Jan-2023,13871.1,7304.8,3.7,3.6
Feb-2023,13934.3,7330.1,3.5,3.4
Mar-2023,13988.0,7351.7,3.5,3.5
Apr-2023,13974.9,7344.9,3.7,3.7
May-2023,14061.7,7385.1,3.6,3.5
Jun-2023,14094.6,7399.5,3.5,3.5
Jul-2023,14092.5,7393.3,3.7,3.7
Aug-2023,14147.1,7423.3,3.7,3.8
Sep-2023,14144.5,7418.2,3.6,3.6
Oct-2023,14209.2,7451.8,3.8,3.8
Nov-2023,14280.0,7485.3,3.9,3.9
Dec-2023,14267.0,7476.4,3.9,4.0
Jan-2024,14265.8,7472.5,4.1,4.1
Feb-2024,14382.9,7525.9,3.7,3.7
Mar-2024,14387.7,7528.4,3.8,3.9
"#,
    );
    let t = i.dataset.trend.as_ref().expect("a trend");
    let names: Vec<&str> = t.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Employed total; Persons",
            "Employed total; Males",
            "Unemployment rate; Persons",
            "Unemployment rate; Males"
        ]
    );
    let persons = line(&i.dataset, "Employed total; Persons");
    assert_eq!(persons.len(), 2);
    let near = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-6);
    assert!(near(persons[0].1, 169064.9 / 12.0), "{persons:?}");
    assert!(
        near(persons[1].1, (14265.8 + 14382.9 + 14387.7) / 3.0),
        "{persons:?}"
    );
    let units: Vec<Option<String>> = i
        .summary
        .columns
        .iter()
        .skip(1)
        .map(|c| c.unit.clone())
        .collect();
    assert_eq!(
        units,
        [
            Some("thousand".to_string()),
            Some("thousand".to_string()),
            Some("%".to_string()),
            Some("%".to_string())
        ]
    );
}

/// The BLS data viewer's layout, a row a year and a column a month (with
/// `Annual` and the halves): one series over the years, the year's own
/// `Annual` where there is one, else the months' mean; never a line a month.
#[test]
fn a_row_a_year_and_a_column_a_month_is_one_series() {
    let i = of(r#"CPI for All Urban Consumers (CPI-U)
Original Data Value

Series Id:,CUUR0000SA0
Not Seasonally Adjusted
Series Title:,All items in U.S. city average, all urban consumers, not seasonally adjusted
Area:,U.S. city average
Item:,All items
Base Period:,1982-84=100
Years:,2019 to 2023

Year,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Annual,HALF1,HALF2
2019,251.712,252.776,254.202,255.548,256.092,256.143,256.571,256.558,256.759,257.346,257.208,256.974,255.657,254.412,256.903
2020,257.971,258.678,258.115,256.389,256.394,257.797,259.101,259.918,260.280,260.388,260.229,260.474,258.811,257.557,260.065
2021,261.582,263.014,264.877,267.054,269.195,271.696,273.003,273.567,274.310,276.589,277.948,278.802,270.970,266.236,275.703
2022,281.148,283.716,287.504,289.109,292.296,296.311,296.276,296.171,296.808,298.012,297.711,296.797,292.655,288.347,296.963
2023,299.170,300.840,301.836,303.363,304.127,305.109,305.691,307.026,307.789,307.671,307.051,306.746,304.702,302.391,307.012
"#);
    let t = i.dataset.trend.as_ref().expect("a trend");
    assert_eq!(t.series.len(), 1);
    assert_eq!(
        line(&i.dataset, "Annual"),
        [
            (2019, Some(255.657)),
            (2020, Some(258.811)),
            (2021, Some(270.970)),
            (2022, Some(292.655)),
            (2023, Some(304.702))
        ]
    );
    assert!(i.summary.notes.iter().any(|n| matches!(n,
        Note::AnnualColumn { column, left } if column == "Annual" && left.len() == 14)));
    // Without the year's own column: the months' mean, said as for monthly rows.
    let i = of("Year,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec\n2022,1,2,3,4,5,6,7,8,9,10,11,12\n2023,2,2,2,2,2,2,2,2,2,2,2,\n");
    let t = i.dataset.trend.as_ref().expect("a trend");
    assert_eq!(t.series.len(), 1);
    assert_eq!(
        t.series[0]
            .points
            .iter()
            .map(|p| (p.year, p.value))
            .collect::<Vec<_>>(),
        [(2022, Some(6.5)), (2023, Some(2.0))]
    );
    assert!(i.summary.notes.iter().any(|n| matches!(
        n,
        Note::PerYear {
            how: PerYear::Mean,
            ..
        }
    )));
}

/// A dash is no value, unless the file's own legend says it is zero (IBGE's
/// SIDRA: `-; Dado numérico igual a zero …`, beside `..` and `...`, which
/// stay no value).
#[test]
fn a_dash_is_zero_where_the_files_legend_says_so() {
    let i = of(
        r#""Tabela 1612 - Área plantada, área colhida, quantidade produzida, rendimento médio e valor da produção das lavouras temporárias"
"Variável - Área plantada (Hectares)"
"Produto das lavouras temporárias - Trigo (em grão)"
"Brasil, Grande Região e Unidade da Federação";"2018";"2019";"2020";"2021";"2022"
"Brasil";"2070436";"2059101";"2375063";"2763476";"3149452"
"Norte";"-";"-";"-";"-";"-"
"Nordeste";"-";"-";"-";"1155";"2630"
"Bahia";"-";"-";"-";"1155";"2580"
"Sudeste";"84226";"88560";"102955";"124980";"152307"
"Minas Gerais";"70316";"78760";"88900";"103360";"128602"
"São Paulo";"13910";"9800";"14055";"21620";"23705"
"Sul";"1887465";"1871941";"2148158";"2489681";"2830115"
"Paraná";"1054185";"1030540";"1127680";"1173690";"1163870"
"Santa Catarina";"56300";"53441";"62878";"101991";"135245"
"Rio Grande do Sul";"776980";"787960";"957600";"1214000";"1531000"
"Centro-Oeste";"98745";"98600";"123950";"147660";"164400"
"Mato Grosso do Sul";"32130";"24710";"30950";"39160";"44500"
"Mato Grosso";"-";"...";"...";"...";"..."
"Goiás";"25360";"26710";"33850";"42400";"52300"
"Distrito Federal";"4255";"2180";"1950";"2600";"3100"

"Fonte: IBGE - Produção Agrícola Municipal"
"Notas"
"1 - Os municípios sem informação para pelo menos um produto da lavoura temporária não aparecem nas listas"
"2 - A partir do ano de 2001 as quantidades produzidas dos produtos melancia, melão, abacaxi e coco-da-baía passam a ser expressas em mil frutos"
"Legenda"
"Símbolo";"Significado"
"-";"Dado numérico igual a zero não resultante de arredondamento"
"..";"Não se aplica dado numérico"
"...";"Dado numérico não disponível"
"X";"Dado numérico omitido a fim de evitar a individualização da informação"
"#,
    );
    assert_eq!(
        line(&i.dataset, "Bahia"),
        [
            (2018, Some(0.0)),
            (2019, Some(0.0)),
            (2020, Some(0.0)),
            (2021, Some(1155.0)),
            (2022, Some(2580.0))
        ]
    );
    assert_eq!(
        line(&i.dataset, "Mato Grosso"),
        [
            (2018, Some(0.0)),
            (2019, None),
            (2020, None),
            (2021, None),
            (2022, None)
        ]
    );
    assert!(i
        .summary
        .notes
        .iter()
        .any(|n| matches!(n, Note::LegendZero { symbol, .. } if symbol == "-")));
    // No legend: a dash is no value.
    let i = of("name,2021,2022\nBahia,-,2580\nGoiás,42400,52300\n");
    assert_eq!(
        line(&i.dataset, "Bahia"),
        [(2021, None), (2022, Some(2580.0))]
    );
}

/// Japanese, Korean and Taiwanese bureaus still publish in their legacy code
/// pages (e-Stat in Shift_JIS, KOSIS in CP949, the Ministry of the Interior
/// in Big5). Each reads as GB18030 without a replacement character but as
/// the wrong characters; told apart by the shape of their byte pairs, each
/// file's names come out as written, while Chinese in GBK, even a name
/// repeated down a long column, stays GB18030.
#[test]
fn shift_jis_cp949_and_big5_are_told_from_gbk_by_their_byte_pairs() {
    use heluo::dataset::import::legacy_encoding;
    let encode = |label: &str, text: &str| {
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).expect("a label");
        let (bytes, _, bad) = encoding.encode(text);
        assert!(!bad, "{label} holds {text}");
        bytes.into_owned()
    };
    let estat = "\"表章項目\",\"男女別\",\"全国・都道府県\",\"時間軸（年）\",\"unit\",\"value\"\n\
        \"人口\",\"男女計\",\"北海道\",\"2022年\",\"千人\",\"5140\"\n\
        \"人口\",\"男女計\",\"青森県\",\"2022年\",\"千人\",\"1204\"\n\
        \"人口\",\"男女計\",\"東京都\",\"2022年\",\"千人\",\"14038\"\n\
        \"人口\",\"男女計\",\"大阪府\",\"2022年\",\"千人\",\"8782\"\n\
        \"人口\",\"男女計\",\"沖縄県\",\"2022年\",\"千人\",\"1468\"\n";
    let kosis = "\"행정구역(시군구)별\",\"2022\"\n\"행정구역(시군구)별\",\"총인구수 (명)\"\n\
        \"서울특별시\",\"9428372\"\n\"부산광역시\",\"3317812\"\n\"대구광역시\",\"2363691\"\n\
        \"인천광역시\",\"2967314\"\n\"광주광역시\",\"1431050\"\n\"대전광역시\",\"1446072\"\n";
    let moi = "\"縣市別\",\"111年底\",\"112年底\"\n\"新北市\",\"3,995,551\",\"4,045,654\"\n\
        \"臺北市\",\"2,494,813\",\"2,510,441\"\n\"桃園市\",\"2,290,310\",\"2,306,131\"\n\
        \"臺中市\",\"2,813,490\",\"2,845,909\"\n\"臺南市\",\"1,859,135\",\"1,859,628\"\n\
        \"高雄市\",\"2,736,367\",\"2,740,090\"\n";
    let mut long = String::from("地区,年份,贫困发生率(%)\n");
    for year in 1980..=2019 {
        long.push_str(&format!("洛龙区,{year},3.12\n"));
    }
    for (label, text, expected, name) in [
        ("shift_jis", estat, "shift_jis", "東京都"),
        ("euc-kr", kosis, "euc-kr", "서울특별시"),
        ("big5", moi, "big5", "臺北市"),
        ("gbk", long.as_str(), "gb18030", "洛龙区"),
    ] {
        let bytes = encode(label, text);
        assert_eq!(legacy_encoding(&bytes), expected, "{label}");
        let d = match load(&bytes, &Mapping::default()) {
            Ok(Loaded::Tables(t)) => t.imported.dataset,
            other => panic!("{label}: {other:?}"),
        };
        let names: Vec<&str> = d
            .trend
            .iter()
            .flat_map(|t| t.series.iter().map(|s| s.name.as_str()))
            .chain(
                d.ranking
                    .iter()
                    .flat_map(|r| r.villages.iter().map(|v| v.name.as_str())),
            )
            .collect();
        assert!(names.contains(&name), "{label}: {names:?}");
    }
    // The samples of format v1 and the bureau export, in GBK, stay Chinese.
    let root = env!("CARGO_MANIFEST_DIR");
    let nbs =
        std::fs::read(format!("{root}/www/data/tables/national-nbs.csv")).expect("the sample");
    if std::str::from_utf8(&nbs).is_err() {
        assert_eq!(legacy_encoding(&nbs), "gb18030");
    }
    for (file, expected) in [
        ("estat-population-shift-jis.csv", "shift_jis"),
        ("kosis-population-cp949.csv", "euc-kr"),
        ("big5-long.csv", "big5"),
    ] {
        let bytes = std::fs::read(format!("{root}/tests/fixtures/encodings/{file}")).expect(file);
        assert_eq!(legacy_encoding(&bytes), expected, "{file}");
    }
    let luolong =
        std::fs::read_to_string(format!("{root}/www/data/luolong.json")).expect("the sample");
    assert_eq!(legacy_encoding(&encode("gbk", &luolong)), "gb18030");
}
