//! A JavaScript value (here written as JSON) becomes the table inference reads,
//! and the charts a reader expects.

use heluo::dataset::import::{load_tables, Loaded};
use heluo::dataset::table::Cell;
use heluo_tables::value::{table, Value};

fn value(json: &str) -> Value {
    serde_json::from_str(json).expect("JSON")
}

#[test]
fn records_keep_their_key_order_and_types() {
    let t = table(&value(r#"[{"year": 2013, "county": "洛龙区", "rate": 3.12}, {"year": 2019, "county": "洛龙区", "rate": null}, {"county": "全国", "year": 2013, "rate": "8.5", "extra": true}]"#)).unwrap();
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["year", "county", "rate", "extra"]);
    assert_eq!(
        t.columns[2].cells,
        [Cell::Number(3.12), Cell::Empty, Cell::Text("8.5".into())]
    );
    assert_eq!(
        t.columns[3].cells,
        [Cell::Empty, Cell::Empty, Cell::Bool(true)]
    );
    assert_eq!(t.row_numbers, [0, 1, 2]);
}

#[test]
fn columns_and_world_bank_objects() {
    let t = table(&value(r#"{"year": [2013, 2019], "rate": [3.12, 0.36]}"#)).unwrap();
    assert_eq!(t.columns.len(), 2);
    let t = table(&value(
        r#"[{"country": {"id": "CN", "value": "China"}, "date": "2019", "value": 0.6}]"#,
    ))
    .unwrap();
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["country", "country.id", "date", "value"]);
}

#[test]
fn not_a_table_says_what_it_is() {
    assert!(table(&value("3")).is_err());
    assert!(table(&value("[]")).is_err());
    assert!(table(&value("[1, 2]")).is_err());
}

#[test]
fn an_embedders_array_becomes_a_trend_and_a_ranking() {
    let t = table(&value(r#"[{"year": 2013, "county": "洛龙区", "rate": 3.12}, {"year": 2019, "county": "洛龙区", "rate": 0.36},
        {"year": 2013, "county": "全国农村", "rate": 8.5}, {"year": 2019, "county": "全国农村", "rate": 0.6}]"#)).unwrap();
    let loaded = load_tables(vec![t], &Default::default()).expect("inferred");
    let Loaded::Tables(import) = loaded else {
        panic!("tables")
    };
    let trend = import.imported.dataset.trend.as_ref().expect("a trend");
    assert_eq!(trend.series.len(), 2);
    assert_eq!(trend.series[0].points.len(), 2);
}
