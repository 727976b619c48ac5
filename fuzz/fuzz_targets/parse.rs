//! Any bytes → `heluo::parse`: it returns a dataset or an error, never panics,
//! and an error's message stays short whatever the input holds.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(e) = heluo::parse(bytes) {
        let message = e.to_string();
        // Quoted values and JSON paths are cut at 40 characters, so no input
        // can make a message much longer than its fixed wording.
        assert!(
            message.chars().count() <= 2_000,
            "{} chars: {}",
            message.chars().count(),
            message.chars().take(200).collect::<String>()
        );
    }
});
