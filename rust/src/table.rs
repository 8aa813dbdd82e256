//! The English word table: one flat array, each short word stored inside its slot.
//!
//! Two thirds of the search's look-ups in the English list find a word (the prefixes of a
//! glued token, "mo", "mod", "model", are words of wordfreq's large list), so a hit must be
//! cheap. A general hash map reads a control byte, then a bucket elsewhere, each a cache
//! miss on a table of a third of a million words. Here a word of up to [`INLINE`] bytes
//! and its level share one 16-byte slot, found by linear probing from its hash: a look-up
//! reads one slot, or its neighbours on the same cache line, and compares two machine
//! words. Longer words, and levels too large to pack, go to an ordinary map.

use crate::fxhash::FxHashMap;
use crate::words::Short;

/// The longest word (in UTF-8 bytes) stored in a slot.
pub const INLINE: usize = 14;
/// Levels below this fit in a slot beside the word.
const PACKED_LEVELS: u32 = 1 << 12;
/// The bits of a slot's second word that hold the level: byte 14 (empty in a word of at
/// most [`INLINE`] bytes) and the high half of byte 15 (a length of at most 15 needs 4 bits).
const LEVEL_MASK: u64 = (0xff << 48) | (0xf << 60);

/// A word packed as two machine words: bytes 0-7, then bytes 8-13 and the length.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    low: u64,
    high: u64,
}

impl Key {
    #[inline]
    fn of(short: &Short) -> Option<Key> {
        let bytes = short.bytes();
        let len = usize::from(bytes[15]);
        if len == 0 || len > INLINE {
            return None;
        }
        let mut low = [0u8; 8];
        let mut high = [0u8; 8];
        low.copy_from_slice(&bytes[..8]);
        high.copy_from_slice(&bytes[8..]);
        Some(Key {
            low: u64::from_le_bytes(low),
            high: u64::from_le_bytes(high),
        })
    }

    #[inline]
    fn slot(self, mask: usize) -> usize {
        let mut h = self.low.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ self
                .high
                .wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
                .rotate_left(31);
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        (h as usize) & mask
    }
}

#[inline]
fn unpack_level(high: u64) -> u32 {
    ((high >> 48) & 0xff | ((high >> 60) << 8)) as u32
}

/// Words to levels (indices into the distinct frequencies), built once, then read only.
#[derive(Debug, Clone)]
pub struct WordTable {
    /// `[low, high | level]`; all zero: empty (no word has length 0).
    slots: Vec<[u64; 2]>,
    /// Words longer than [`INLINE`] bytes.
    long: FxHashMap<String, u32>,
    /// Short words whose level does not fit in a slot (none in wordfreq's lists).
    overflow: FxHashMap<String, u32>,
    /// The empty word, which no slot can hold.
    empty: Option<u32>,
    packed: usize,
}

impl Default for WordTable {
    fn default() -> Self {
        WordTable::with_capacity(0)
    }
}

impl WordTable {
    /// A table for about *capacity* words (it grows beyond that).
    pub fn with_capacity(capacity: usize) -> Self {
        // At most five slots in eight filled: a miss ends within a few probes.
        let slots = (capacity * 8 / 5).max(16).next_power_of_two();
        WordTable {
            slots: vec![[0; 2]; slots],
            long: FxHashMap::default(),
            overflow: FxHashMap::default(),
            empty: None,
            packed: 0,
        }
    }

    /// The level of *word*.
    #[inline]
    pub fn get(&self, word: &str) -> Option<u32> {
        match Short::new(word) {
            Some(short) => self.get_short(&short),
            None => self.long.get(word).copied(),
        }
    }

    /// The level of a prepared short word.
    #[inline]
    pub fn get_short(&self, short: &Short) -> Option<u32> {
        let Some(key) = Key::of(short) else {
            return self.get_unpacked(short.as_str());
        };
        match self.find(key) {
            None if !self.overflow.is_empty() => self.overflow.get(short.as_str()).copied(),
            found => found,
        }
    }

    fn get_unpacked(&self, word: &str) -> Option<u32> {
        if word.is_empty() {
            self.empty
        } else {
            self.long.get(word).copied()
        }
    }

    /// Insert *word* unless it is present; whether it was inserted.
    pub fn insert_new(&mut self, word: &str, level: u32) -> bool {
        match Short::new(word).and_then(|short| Key::of(&short)) {
            Some(key) => {
                if !self.overflow.is_empty() && self.overflow.contains_key(word) {
                    return false;
                }
                if level >= PACKED_LEVELS {
                    if self.find(key).is_some() {
                        return false;
                    }
                    self.overflow.insert(word.to_string(), level);
                    return true;
                }
                if (self.packed + 1) * 8 > self.slots.len() * 5 {
                    self.grow();
                }
                let placed = self.place(key, level);
                self.packed += usize::from(placed);
                placed
            }
            None if word.is_empty() => {
                let new = self.empty.is_none();
                self.empty.get_or_insert(level);
                new
            }
            None if self.long.contains_key(word) => false,
            None => {
                self.long.insert(word.to_string(), level);
                true
            }
        }
    }

    /// The level in the slot of *key*, if any.
    #[inline]
    fn find(&self, key: Key) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = key.slot(mask);
        loop {
            let [low, high] = self.slots[i];
            if low == key.low && high & !LEVEL_MASK == key.high {
                return Some(unpack_level(high));
            }
            if low == 0 && high == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Put *key* in its slot unless it is there already; whether it was put.
    fn place(&mut self, key: Key, level: u32) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = key.slot(mask);
        loop {
            let [low, high] = self.slots[i];
            if low == key.low && high & !LEVEL_MASK == key.high {
                return false;
            }
            if low == 0 && high == 0 {
                let level = u64::from(level);
                self.slots[i] = [
                    key.low,
                    key.high | ((level & 0xff) << 48) | ((level >> 8) << 60),
                ];
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let doubled = vec![[0; 2]; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        for [low, high] in old {
            if low != 0 || high != 0 {
                let key = Key {
                    low,
                    high: high & !LEVEL_MASK,
                };
                self.place(key, unpack_level(high));
            }
        }
    }

    pub fn len(&self) -> usize {
        self.packed + self.long.len() + self.overflow.len() + usize::from(self.empty.is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_word_is_found() {
        let mut table = WordTable::default();
        let words = [
            "of",
            "a",
            "é",
            "fourteen-bytes",  // exactly INLINE bytes
            "fifteen-letters", // one more: the long map
            "electroencephalography",
            "",
        ];
        for (level, word) in words.iter().enumerate() {
            assert!(table.insert_new(word, level as u32 * 1000));
        }
        assert!(!table.insert_new("of", 7));
        for (level, word) in words.iter().enumerate() {
            assert_eq!(table.get(word), Some(level as u32 * 1000), "{word}");
        }
        assert_eq!(table.get("o"), None);
        assert_eq!(table.get("of\0"), None); // the length tells it apart from padding
        assert_eq!(table.len(), words.len());
    }

    #[test]
    fn the_table_grows_and_keeps_large_levels() {
        let mut table = WordTable::with_capacity(4);
        let words: Vec<String> = (0..20_000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert!(table.insert_new(w, i as u32));
        }
        assert!(words
            .iter()
            .enumerate()
            .all(|(i, w)| table.get(w) == Some(i as u32)));
        assert_eq!(
            (0..20_000)
                .filter(|i| table.get(&format!("x{i}")).is_some())
                .count(),
            0
        );
        assert_eq!(table.len(), words.len());
    }
}
