//! The one hasher of the core's maps and sets. The standard `RandomState`
//! (SipHash with per-process keys) is not used anywhere: one hasher means one
//! copy of each table's code in the wasm, and no SipHash or key setup at all.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A map hashed with [`Fx`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
/// A set hashed with [`Fx`].
pub type FxSet<T> = HashSet<T, BuildHasherDefault<Fx>>;

/// A multiply-rotate hash in the manner of rustc's FxHash, several times
/// faster than the standard SipHash on short names. Its weakness, collisions
/// an attacker can craft, costs nothing here: every key hashed comes from a
/// file the reader chose, in the reader's own browser tab.
#[derive(Default)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    // A word as one word: what `write` does with its eight bytes on a
    // little-endian machine (wasm32, x86), without the loop. The hashes are
    // the same, so no table's order changes.
    fn write_u64(&mut self, word: u64) {
        self.add(word);
    }

    #[cfg(target_pointer_width = "64")]
    fn write_usize(&mut self, word: usize) {
        self.add(word as u64);
    }

    fn finish(&self) -> u64 {
        // A final mix: the multiply leaves the low bits (the table's bucket
        // index) depending on the low bits of the last word only, so names
        // that differ in their last digits ("村12345", "镇17") crowded a few
        // buckets: 100,000 such names hit 9,846 of 131,072 buckets, and
        // 69,817 (as random keys do) with the mix.
        let h = (self.0 ^ (self.0 >> 32)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        h ^ (h >> 32)
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A text and its hash, computed once (eight bytes at a time): a table
/// that grows rehashes the number, not the text again.
#[derive(Debug, Clone)]
pub struct HashedText<'a>(u64, Cow<'a, str>);

impl<'a> HashedText<'a> {
    pub fn new(text: Cow<'a, str>) -> Self {
        HashedText(text_hash(&text), text)
    }
}

/// A text's hash, eight bytes at a time (the last ones padded, with how many they are).
pub fn text_hash(text: &str) -> u64 {
    let mut h = Fx::default();
    let mut chunks = text.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h.add(u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    let mut word = [0u8; 8];
    if let Some(head) = word.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    word[7] = rest.len() as u8;
    h.add(u64::from_le_bytes(word));
    h.finish()
}

impl PartialEq for HashedText<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 && self.1 == other.1
    }
}

impl Eq for HashedText<'_> {}

impl Hash for HashedText<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
    }
}
