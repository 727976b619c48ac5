//! Format v1 as Rust types (`heluo::dataset::v1`): the committed JSON Schema
//! is what they generate, and "Save as Heluo JSON" writes a file that loads
//! back to the same dataset.

use heluo::dataset::v1::File;

use crate::util::{dataset, fixture, sample};

const SCHEMA: &str = "www/heluo.schema.json";

/// The schema as the types generate it (`HELUO_BLESS=1 cargo test schema` writes it).
fn generated() -> String {
    // Optional fields may be null: the reader takes null as absent.
    let mut schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<File>();
    schema.insert("$id".into(), "heluo.schema.json".into());
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    text.push('\n');
    text
}

#[test]
fn the_committed_schema_is_generated_from_the_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA);
    let want = generated();
    if std::env::var_os("HELUO_BLESS").is_some() {
        std::fs::write(&path, &want).expect("writing the schema");
    }
    let committed = std::fs::read_to_string(&path).expect("reading the schema");
    assert!(
        committed == want,
        "{SCHEMA} differs from what src/dataset/v1.rs generates: run HELUO_BLESS=1 cargo test schema and commit it"
    );
}

#[test]
fn a_saved_dataset_loads_back_the_same() {
    let files = [
        sample("luolong.json"),
        sample("national.json"),
        fixture("full.json"),
        fixture("gaps.json"),
        fixture("irregular_years.json"),
        fixture("ranking_only.json"),
        fixture("shorthand_pairs.json"),
        fixture("shorthand_rate.json"),
    ];
    for bytes in files {
        let original = dataset(&bytes);
        let saved = serde_json::to_string(&File::from_dataset(&original)).expect("serialises");
        let loaded = dataset(saved.as_bytes());
        assert_eq!(loaded, original, "saved as {saved}");
    }
}
