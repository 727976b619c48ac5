//! Any bytes → `heluo::parse`: it returns a dataset or an error, never panics,
//! and an error's message stays short whatever the input holds. Neither a
//! message nor any text of a dataset holds a bidi control or a control
//! character (they reorder the chart's words and break the SVG export).

#![no_main]

use libfuzzer_sys::fuzz_target;

/// No bidi control, control character or noncharacter (a note may keep `\n`).
fn clean(text: &str) -> bool {
    !text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}')
    })
}

/// serde_json's verdict on `text`, which heluo's reader must give word for
/// word: `None` when it reads, else the start of heluo's message.
fn serde_verdict(text: &str) -> Option<String> {
    let err = serde_json::from_str::<serde_json::Value>(text).err()?;
    let line_text = text.split('\n').nth(err.line().saturating_sub(1)).unwrap_or("");
    let column = line_text
        .char_indices()
        .take_while(|(i, _)| *i < err.column())
        .count()
        .max(1);
    let full = err.to_string();
    let detail = full.get(..full.rfind(" at line ").unwrap_or(full.len())).unwrap_or(&full);
    Some(format!("JSON syntax error at line {}, column {column}: {detail}.", err.line()))
}

fuzz_target!(|bytes: &[u8]| {
    // Texts the early checks leave to the JSON reader: the reader and
    // serde_json (which it replaced) agree on what is a syntax error, and say
    // it in the same words at the same place.
    if let Ok(text) = std::str::from_utf8(bytes) {
        let early = text.trim().is_empty()
            || text.starts_with('\u{feff}')
            || text.contains('\r')
            || ["%PDF", "GIF8", "PK\u{3}\u{4}"].iter().any(|m| text.starts_with(m))
            // UTF-16 without a byte order mark, told by its zero bytes.
            || matches!(bytes, [_, 0, _, 0, ..] | [0, _, 0, _, ..]);
        if !early {
            let ours = heluo::parse(bytes).err().map(|e| e.to_string());
            match (ours, serde_verdict(text)) {
                (Some(message), Some(expected)) => {
                    assert!(message.starts_with(&expected), "{message} / {expected}")
                }
                (Some(message), None) => assert!(!message.starts_with("JSON syntax"), "{message}"),
                (None, Some(expected)) => panic!("accepted, serde_json: {expected}"),
                (None, None) => {}
            }
        }
    }
    match heluo::parse(bytes) {
        Err(e) => {
            let message = e.to_string();
            // Quoted values and JSON paths are cut at 40 characters (80 once
            // invisible characters are written as code points), so no input
            // can make a message much longer than its fixed wording.
            assert!(
                message.chars().count() <= 2_000,
                "{} chars: {}",
                message.chars().count(),
                message.chars().take(200).collect::<String>()
            );
            assert!(clean(&message) && !message.contains('\n'), "{message:?}");
        }
        Ok(d) => {
            let mut texts: Vec<&str> = [&d.title, &d.subtitle, &d.source, &d.note]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            texts.push(&d.locale);
            if let Some(t) = &d.trend {
                texts.extend(t.title.as_deref());
                texts.extend(t.unit.as_deref());
                texts.extend(t.series.iter().map(|s| s.name.as_str()));
                texts.extend(t.annotations.iter().map(|a| a.label.as_str()));
            }
            if let Some(r) = &d.ranking {
                texts.extend(r.title.as_deref());
                for m in &r.metrics {
                    texts.extend([m.key.as_str(), m.label.as_str()]);
                    texts.extend(m.unit.as_deref());
                }
                for v in &r.villages {
                    texts.push(&v.name);
                    texts.extend(v.group.as_deref());
                }
            }
            for text in texts {
                assert!(clean(text), "{text:?}");
            }
        }
    }
});
