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
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
