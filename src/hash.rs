//! The one hasher of the core's maps and sets. The standard `RandomState`
//! (SipHash with per-process keys) is not used anywhere: one hasher means one
//! copy of each table's code in the wasm, and no SipHash or key setup at all.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

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
