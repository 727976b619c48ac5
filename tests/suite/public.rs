//! Public datasets as they are published, which this repository does not
//! hold: the vega-datasets collection (a widely used set of example data for
//! chart libraries, installed from the npm registry by `npm ci`, pinned in
//! package-lock.json). Each loads with no error into the charts a reader
//! expects, through the same front door as the page (`dataset::import`).

use std::path::PathBuf;

use heluo::dataset::import::{load_file, Loaded};
use heluo::Dataset;

fn public(name: &str) -> Dataset {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/vega-datasets/data");
    let path = dir.join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; the public datasets come from npm: run `npm ci` (scripts/setup.sh does)",
            path.display()
        )
    });
    match load_file(&bytes, name, &Default::default()) {
        Ok(Loaded::Tables(t)) => t.imported.dataset,
        Ok(Loaded::V1(_)) => panic!("{name}: read as format v1"),
        Err(e) => panic!("{name}: {e}"),
    }
}

fn trend(d: &Dataset) -> (usize, i32, i32) {
    let t = d.trend.as_ref().expect("a trend");
    let years = t.years();
    (
        t.series.len(),
        *years.first().expect("years"),
        *years.last().expect("years"),
    )
}

fn series(d: &Dataset) -> Vec<String> {
    d.trend
        .as_ref()
        .map(|t| t.series.iter().map(|s| s.name.clone()).collect())
        .unwrap_or_default()
}

fn ranking(d: &Dataset) -> (usize, Vec<String>) {
    let r = d.ranking.as_ref().expect("a ranking");
    (
        r.villages.len(),
        r.metrics.iter().map(|m| m.label.clone()).collect(),
    )
}

#[test]
fn life_expectancy_by_country_and_year() {
    let d = public("gapminder.json");
    let (lines, first, last) = trend(&d);
    assert!(lines >= 60, "{lines} lines");
    assert_eq!((first, last), (1955, 2005));
    let (countries, metrics) = ranking(&d);
    assert!(countries >= 60);
    assert!(
        metrics.iter().any(|m| m.contains("life_expect")),
        "{metrics:?}"
    );
    assert!(
        !metrics.iter().any(|m| m == "cluster"),
        "cluster is a group, not a value: {metrics:?}"
    );
}

#[test]
fn electricity_by_source_and_year() {
    let d = public("iowa-electricity.csv");
    assert_eq!(trend(&d), (3, 2001, 2017));
    assert_eq!(series(&d), ["Fossil Fuels", "Nuclear Energy", "Renewables"]);
}

#[test]
fn disasters_by_kind_and_year() {
    let d = public("disasters.csv");
    let (lines, first, last) = trend(&d);
    assert!(lines >= 10, "{lines}");
    assert_eq!((first, last), (1900, 2017));
    assert!(series(&d).iter().any(|s| s == "Drought"));
}

#[test]
fn states_with_three_metrics() {
    let d = public("population_engineers_hurricanes.csv");
    assert!(d.trend.is_none());
    let (states, metrics) = ranking(&d);
    assert!(states >= 50, "{states}");
    assert_eq!(metrics, ["population", "engineers", "hurricanes"]);
}

#[test]
fn obesity_by_state() {
    let d = public("obesity.json");
    let (states, metrics) = ranking(&d);
    assert!(states >= 50);
    assert_eq!(metrics.len(), 1);
}

#[test]
fn countries_with_a_region() {
    let d = public("gapminder-health-income.csv");
    let (countries, metrics) = ranking(&d);
    assert!(countries >= 180, "{countries}");
    assert!(metrics.iter().any(|m| m == "income") && metrics.iter().any(|m| m == "health"));
    let r = d.ranking.as_ref().unwrap();
    assert!(
        r.villages.iter().all(|v| v.group.is_some()),
        "grouped by region"
    );
}

#[test]
fn budget_by_agency_with_years_as_columns() {
    let d = public("budget.json");
    let (lines, first, last) = trend(&d);
    assert!(lines >= 40);
    assert_eq!((first, last), (1962, 2020));
    let (_, metrics) = ranking(&d);
    assert_eq!(
        metrics.len(),
        1,
        "one year ranked, not every year: {metrics:?}"
    );
}

#[test]
fn monthly_and_daily_series_become_yearly() {
    for name in [
        "co2-concentration.csv",
        "seattle-weather.csv",
        "us-employment.csv",
        "stocks.csv",
    ] {
        let d = public(name);
        let (lines, first, last) = trend(&d);
        assert!(
            lines >= 1 && first >= 1800 && last > first,
            "{name}: {lines} {first}–{last}"
        );
    }
    assert_eq!(trend(&public("stocks.csv")).0, 5, "a line per symbol");
}

#[test]
fn population_by_age_and_sex_is_summed_per_year() {
    let d = public("population.json");
    let (lines, first, last) = trend(&d);
    assert_eq!(lines, 1, "{:?}", series(&d));
    assert!(first == 1850 && last == 2000, "{first}–{last}");
}

/// The bureau export as the page's sample ships it (GB18030): a trend of the
/// indicator, its unit from the row's label, and no note calling its 0.6%
/// a share (a transposed table's year columns carry no unit of their own).
#[test]
fn the_bureau_export_sample() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/data/tables/national-nbs.csv");
    let bytes = std::fs::read(path).expect("the sample");
    let Ok(Loaded::Tables(t)) = load_file(&bytes, "national-nbs.csv", &Default::default()) else {
        panic!("a table")
    };
    let d = &t.imported.dataset;
    assert_eq!(trend(d), (1, 2012, 2019));
    assert_eq!(d.trend.as_ref().unwrap().unit.as_deref(), Some("%"));
    assert_eq!(d.source.as_deref(), Some("国家统计局"));
    let notes = t.imported.summary.words(heluo::text::Lang::Zh).notes;
    assert!(!notes.iter().any(|n| n.contains("0–1")), "{notes:?}");
}
