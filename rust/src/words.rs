//! A map keyed by words, with short words stored inside the table.
//!
//! Nearly every look-up of the search is a short word (a piece of a glued token), and a
//! `String` key sends each comparison to a heap block of its own, a cache miss on a table
//! of a third of a million words. Words of up to [`INLINE`] bytes are kept in the bucket
//! as fixed arrays, compared and hashed as two machine words; longer ones keep a `String`.
//!
//! Most look-ups ask for a string that is no word ("odelwith"): a large map can carry a
//! filter of at least 16 bits per word (a blocked Bloom filter, about a megabyte that stays in
//! the processor's cache) that turns nearly all of them away before the table is touched.

use std::hash::{Hash, Hasher};

use crate::chars::{to_string, Chars};
use crate::fxhash::FxHashMap;

/// The longest word (in UTF-8 bytes) stored inline.
pub const INLINE: usize = 15;

/// A word of at most [`INLINE`] bytes, its length in the last byte.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Short([u8; INLINE + 1]);

impl Short {
    /// The two probes of the filter: the word of *bits* and the mask inside it.
    #[inline]
    fn probe(&self, words: usize) -> (usize, u64) {
        let mut low = [0u8; 8];
        let mut high = [0u8; 8];
        low.copy_from_slice(&self.0[..8]);
        high.copy_from_slice(&self.0[8..]);
        let mut h = u64::from_le_bytes(low).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ u64::from_le_bytes(high)
                .wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
                .rotate_left(31);
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        // `words` is a power of two.
        let index = (h as usize) & (words - 1);
        let mask = (1u64 << ((h >> 52) & 63)) | (1u64 << ((h >> 58) & 63));
        (index, mask)
    }

    #[inline]
    fn new(word: &str) -> Option<Self> {
        let bytes = word.as_bytes();
        if bytes.len() > INLINE {
            return None;
        }
        let mut key = [0u8; INLINE + 1];
        key[..bytes.len()].copy_from_slice(bytes);
        key[INLINE] = bytes.len() as u8;
        Some(Short(key))
    }
}

impl Hash for Short {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        let mut low = [0u8; 8];
        let mut high = [0u8; 8];
        low.copy_from_slice(&self.0[..8]);
        high.copy_from_slice(&self.0[8..]);
        state.write_u64(u64::from_le_bytes(low));
        state.write_u64(u64::from_le_bytes(high));
    }
}

/// A word prepared for look-ups in several maps: built once, hashed by each map.
pub enum WordKey {
    Short(Short),
    Long(String),
}

impl WordKey {
    pub fn new(word: &str) -> Self {
        match Short::new(word) {
            Some(key) => WordKey::Short(key),
            None => WordKey::Long(word.to_string()),
        }
    }

    /// The key of `word.lower()`, built without an allocation when it is short.
    pub fn lowered(chars: &Chars, word: &[char]) -> Self {
        let mut key = [0u8; INLINE + 1];
        let mut len = 0;
        for i in 0..word.len() {
            let (mapped, n) = chars.lower_at(word, i);
            for &c in &mapped[..n] {
                let width = c.len_utf8();
                if len + width > INLINE {
                    return WordKey::Long(to_string(&chars.lower(word)));
                }
                c.encode_utf8(&mut key[len..len + width]);
                len += width;
            }
        }
        key[INLINE] = len as u8;
        WordKey::Short(Short(key))
    }
}

/// Words to values.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    short: FxHashMap<Short, V>,
    long: FxHashMap<String, V>,
    /// The filter of the short words (empty: none).
    filter: Vec<u64>,
}

impl std::fmt::Debug for Short {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let len = usize::from(self.0[INLINE]).min(INLINE);
        write!(f, "{:?}", String::from_utf8_lossy(&self.0[..len]))
    }
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            filter: Vec::new(),
        }
    }
}

impl<V> WordMap<V> {
    /// A map for about *capacity* words, with a filter when that is many.
    pub fn with_capacity(capacity: usize) -> Self {
        let filter = if capacity >= 4096 {
            vec![0; (capacity * 16 / 64).next_power_of_two()]
        } else {
            Vec::new()
        };
        WordMap {
            short: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
            long: FxHashMap::default(),
            filter,
        }
    }

    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        match Short::new(word) {
            Some(key) => self.get_key(&WordKey::Short(key)),
            None => self.long.get(word),
        }
    }

    /// The value of a prepared word.
    #[inline]
    pub fn get_key(&self, key: &WordKey) -> Option<&V> {
        match key {
            WordKey::Short(key) => {
                if !self.filter.is_empty() {
                    let (index, mask) = key.probe(self.filter.len());
                    if self.filter[index] & mask != mask {
                        return None;
                    }
                }
                self.short.get(key)
            }
            WordKey::Long(word) => self.long.get(word.as_str()),
        }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Set the value of *word*, replacing any earlier one.
    pub fn insert(&mut self, word: &str, value: V) {
        match Short::new(word) {
            Some(key) => {
                self.mark(&key);
                self.short.insert(key, value);
            }
            None => {
                self.long.insert(word.to_string(), value);
            }
        }
    }

    /// Insert *word* unless it is present; whether it was inserted.
    pub fn insert_new(&mut self, word: &str, value: V) -> bool {
        let before = self.len();
        self.entry_or(word, value);
        self.len() > before
    }

    /// The value of *word*, inserted as *default* first when absent.
    pub fn entry_or(&mut self, word: &str, default: V) -> &mut V {
        match Short::new(word) {
            Some(key) => {
                self.mark(&key);
                self.short.entry(key).or_insert(default)
            }
            None => self.long.entry(word.to_string()).or_insert(default),
        }
    }

    fn mark(&mut self, key: &Short) {
        if !self.filter.is_empty() {
            let (index, mask) = key.probe(self.filter.len());
            self.filter[index] |= mask;
        }
    }

    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_are_found() {
        let mut map = WordMap::default();
        map.insert("of", 1);
        map.insert("electroencephalography", 2);
        map.insert("fifteen-letters", 3); // exactly INLINE bytes
        map.insert("é", 4);
        assert_eq!(map.get("of"), Some(&1));
        assert_eq!(map.get("electroencephalography"), Some(&2));
        assert_eq!(map.get("fifteen-letters"), Some(&3));
        assert_eq!(map.get("é"), Some(&4));
        assert_eq!(map.get("o"), None);
        assert_eq!(map.get(""), None);
        assert_eq!(map.get("of\0"), None); // the length tells it apart from padding
        *map.entry_or("of", 0) += 10;
        *map.entry_or("new", 0) += 1;
        assert_eq!(map.get("of"), Some(&11));
        assert_eq!(map.get("new"), Some(&1));
        assert_eq!(map.len(), 5);
    }

    #[test]
    fn the_filter_never_hides_a_word() {
        let words: Vec<String> = (0..20_000).map(|i| format!("w{i}")).collect();
        let mut map = WordMap::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            map.insert(w, i);
        }
        assert!(words
            .iter()
            .enumerate()
            .all(|(i, w)| map.get(w) == Some(&i)));
        let strangers = (0..20_000)
            .filter(|i| map.get(&format!("x{i}")).is_some())
            .count();
        assert_eq!(strangers, 0);
    }
}
