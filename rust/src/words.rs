//! A map keyed by words, with short words stored inside the table.
//!
//! Nearly every look-up of the search is a short word (a piece of a glued token), and a
//! `String` key sends each comparison to a heap block of its own, a cache miss on a table
//! of a third of a million words. Words of up to [`INLINE`] bytes are kept in the bucket
//! as fixed arrays, compared and hashed as two machine words; longer ones keep a `String`.
//! The English list itself has a flatter table of its own, [`crate::table::WordTable`];
//! these maps hold one text's words and the lists derived from English.

use std::hash::{Hash, Hasher};

use crate::chars::{to_string, Chars};
use crate::fxhash::FxHashMap;

/// The longest word (in UTF-8 bytes) stored inline.
pub const INLINE: usize = 15;

/// A word of at most [`INLINE`] bytes, its length in the last byte.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Short([u8; INLINE + 1]);

impl Short {
    /// The word's bytes, zero-padded, its length in the last byte.
    #[inline]
    pub fn bytes(&self) -> &[u8; INLINE + 1] {
        &self.0
    }

    /// The word.
    pub fn as_str(&self) -> &str {
        let len = usize::from(self.0[INLINE]).min(INLINE);
        // Built from a `str` or from `char`s: always UTF-8.
        std::str::from_utf8(&self.0[..len]).unwrap_or("")
    }

    /// The word of *chars*, unless it is longer than [`INLINE`] bytes.
    #[inline]
    pub fn from_chars(chars: &[char]) -> Option<Self> {
        let mut key = [0u8; INLINE + 1];
        let mut len = 0;
        for &c in chars {
            let width = c.len_utf8();
            if len + width > INLINE {
                return None;
            }
            c.encode_utf8(&mut key[len..len + width]);
            len += width;
        }
        key[INLINE] = len as u8;
        Some(Short(key))
    }

    #[inline]
    pub fn new(word: &str) -> Option<Self> {
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
            if let Some(byte) = chars.ascii_lower(word[i]) {
                if len == INLINE {
                    return WordKey::Long(to_string(&chars.lower(word)));
                }
                key[len] = byte;
                len += 1;
                continue;
            }
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
        }
    }
}

impl<V> WordMap<V> {
    /// A map for about *capacity* words.
    pub fn with_capacity(capacity: usize) -> Self {
        WordMap {
            short: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
            long: FxHashMap::default(),
        }
    }

    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        match Short::new(word) {
            Some(key) => self.get_key(&WordKey::Short(key)),
            None => self.long.get(word),
        }
    }

    /// The value of a prepared short word.
    #[inline]
    pub fn get_short(&self, key: &Short) -> Option<&V> {
        self.short.get(key)
    }

    /// The value of a prepared word.
    #[inline]
    pub fn get_key(&self, key: &WordKey) -> Option<&V> {
        match key {
            WordKey::Short(key) => self.short.get(key),
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

    /// [`WordMap::entry_or`] of a word given as characters.
    pub fn entry_chars(&mut self, word: &[char], default: V) -> &mut V {
        match Short::from_chars(word) {
            Some(key) => self.short.entry(key).or_insert(default),
            None => self.long.entry(to_string(word)).or_insert(default),
        }
    }

    /// [`WordMap::entry_or`] of `word.lower()`.
    pub fn entry_lowered(&mut self, chars: &Chars, word: &[char], default: V) -> &mut V {
        match WordKey::lowered(chars, word) {
            WordKey::Short(key) => self.short.entry(key).or_insert(default),
            WordKey::Long(word) => self.long.entry(word).or_insert(default),
        }
    }

    /// The value of *word*, inserted as *default* first when absent.
    pub fn entry_or(&mut self, word: &str, default: V) -> &mut V {
        match Short::new(word) {
            Some(key) => self.short.entry(key).or_insert(default),
            None => self.long.entry(word.to_string()).or_insert(default),
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
}
