//! The page's own words (www/page-words.js) are written from the core's text
//! tables (src/text/zh.rs, en.rs), so every word still has one home; they are
//! kept out of the wasm, which every embed loads and none of them uses.

use heluo::text::{Lang, PAGE_KEYS};

const FILE: &str = "www/page-words.js";

/// The file as the text tables give it (`HELUO_BLESS=1 cargo test page_words` writes it).
fn generated() -> String {
    let mut out = String::from(
        "/* The page's own words (index.html, app.js), in both languages. Generated from\n   \
         src/text (zh.rs, en.rs) by `HELUO_BLESS=1 cargo test page_words`: edit them there.\n   \
         {0} and {1} are filled by Heluo.fillText. */\nvar HELUO_PAGE_WORDS = {\n",
    );
    for (i, (tag, lang)) in [("zh-CN", Lang::Zh), ("en", Lang::En)]
        .into_iter()
        .enumerate()
    {
        out.push_str(&format!("  {}: {{\n", serde_json::to_string(tag).unwrap()));
        for (j, (key, msg)) in PAGE_KEYS.iter().enumerate() {
            let comma = if j + 1 < PAGE_KEYS.len() { "," } else { "" };
            let words = serde_json::to_string(lang.words().get(*msg)).unwrap();
            out.push_str(&format!("    {key}: {words}{comma}\n"));
        }
        out.push_str(if i == 0 { "  },\n" } else { "  }\n" });
    }
    out.push_str("};\n");
    out
}

#[test]
fn the_committed_page_words_are_the_text_tables() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    let want = generated();
    if std::env::var_os("HELUO_BLESS").is_some() {
        std::fs::write(&path, &want).expect("writing the page's words");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == want,
        "{FILE} differs from what src/text gives: run HELUO_BLESS=1 cargo test page_words and commit it"
    );
}

#[test]
fn every_page_word_is_there_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        for (key, msg) in PAGE_KEYS {
            assert!(
                !lang.words().get(msg).trim().is_empty(),
                "{key} is empty in {lang:?}"
            );
        }
    }
}
