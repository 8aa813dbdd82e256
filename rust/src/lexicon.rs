//! Word probabilities: the English table (built once per process) plus one text's words.
//!
//! The English table holds wordfreq's frequencies and their natural logarithms, both
//! computed by Python, so every score is the same IEEE double the Python model computed.

use crate::chars::{eq, to_string, CharInfo, Chars};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::table::WordTable;
use crate::words::{Short, WordKey, WordMap};

/// An unknown string costs a fixed amount plus a little per character.
pub const UNKNOWN_BASE: f64 = -16.0;
pub const UNKNOWN_PER_CHAR: f64 = 0.7;
/// Words at least this frequent are "common" (glued by mistake in web text).
pub const COMMON: f64 = 1e-4;

/// Log-probabilities given to words the English list does not settle.
#[derive(Clone, Copy, Debug)]
pub struct LogConstants {
    pub doc_once: f64,
    pub doc_more: f64,
    pub extra: f64,
    pub number: f64,
    pub acronym: f64,
}

/// The shared, immutable English model.
#[derive(Debug)]
pub struct English {
    /// word → index into `levels`: wordfreq has a few hundred distinct frequencies, and
    /// a small value keeps the table's buckets small.
    words: WordTable,
    /// (frequency, ln frequency), each distinct pair once.
    levels: Vec<(f64, f64)>,
    common: WordMap<()>,
    common_prefixes: WordMap<()>,
    longest_common: usize,
    pub ascii: [CharInfo; 128],
    pub constants: LogConstants,
}

impl English {
    /// Build the model; *rows* are the words with their frequency and its logarithm (a
    /// word given twice keeps its first row).
    pub fn new<W: AsRef<str>>(
        rows: impl IntoIterator<Item = (W, f64, f64)>,
        ascii: [CharInfo; 128],
        constants: LogConstants,
    ) -> Self {
        let rows = rows.into_iter();
        let mut words = WordTable::with_capacity(rows.size_hint().0);
        let mut levels = Vec::new();
        let mut level_of: FxHashMap<(u64, u64), u32> = FxHashMap::default();
        let mut common = WordMap::default();
        let mut common_prefixes = WordMap::default();
        let mut longest_common = 0;
        for (word, freq, log) in rows {
            let word = word.as_ref();
            let level = *level_of
                .entry((freq.to_bits(), log.to_bits()))
                .or_insert_with(|| {
                    levels.push((freq, log));
                    (levels.len() - 1) as u32
                });
            if !words.insert_new(word, level) {
                continue;
            }
            let length = word.chars().count();
            // Single letters other than "a" and "i" are not words to glue.
            if freq >= COMMON && (length > 1 || word == "a" || word == "i") {
                longest_common = longest_common.max(length);
                for (i, c) in word.char_indices() {
                    common_prefixes.insert(&word[..i + c.len_utf8()], ());
                }
                common.insert(word, ());
            }
        }
        English {
            words,
            levels,
            common,
            common_prefixes,
            longest_common,
            ascii,
            constants,
        }
    }

    /// The frequency and its logarithm of a (lower-case) word.
    #[inline]
    pub fn get(&self, word: &str) -> Option<(f64, f64)> {
        self.words
            .get(word)
            .map(|level| self.levels[level as usize])
    }

    /// [`English::get`] of a prepared short word.
    #[inline]
    pub fn get_short(&self, short: &Short) -> Option<(f64, f64)> {
        self.words
            .get_short(short)
            .map(|level| self.levels[level as usize])
    }

    /// [`English::get`] of a prepared word.
    #[inline]
    pub fn get_key(&self, key: &WordKey) -> Option<(f64, f64)> {
        let level = match key {
            WordKey::Short(short) => self.words.get_short(short),
            WordKey::Long(word) => self.words.get(word),
        };
        level.map(|level| self.levels[level as usize])
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Whether a string is `\d+(?:[.,]\d+)*` (Python's `\d`: decimal digits).
pub fn is_number(chars: &Chars, s: &[char]) -> bool {
    let mut digits = 0;
    for &c in s {
        if chars.is_decimal(c) {
            digits += 1;
        } else if (c == '.' || c == ',') && digits > 0 {
            digits = 0;
        } else {
            return false;
        }
    }
    digits > 0
}

/// Whether a string is `[A-Z]{2,7}s?`.
pub fn is_acronym(s: &[char]) -> bool {
    let caps = s.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let rest = &s[caps..];
    (2..=7).contains(&caps) && (rest.is_empty() || (rest.len() == 1 && rest[0] == 's'))
}

/// The word model of one text: English, the user's words, and the text's own words.
pub struct Lexicon<'a> {
    pub english: &'a English,
    pub chars: &'a Chars<'a>,
    doc_counts: WordMap<i64>,
    pub extra: &'a FxHashSet<String>,
}

impl<'a> Lexicon<'a> {
    /// The lexicon of *text*: its letter-and-digit runs counted case-insensitively.
    pub fn for_text(
        english: &'a English,
        chars: &'a Chars<'a>,
        text: &[char],
        extra: &'a FxHashSet<String>,
    ) -> Self {
        let mut doc_counts: WordMap<i64> = WordMap::with_capacity(text.len() / 8);
        if text.iter().all(char::is_ascii) {
            // Each character lowers on its own: the runs are counted straight from the text
            // (split where the lower-case character is a space or no letter or digit).
            let apart = |&c: &char| {
                let low = chars.ascii_lower(c).map_or(c, char::from);
                low == ' ' || !chars.is_alnum(low)
            };
            for run in text.split(apart) {
                if !run.is_empty() {
                    *doc_counts.entry_lowered(chars, run, 0) += 1;
                }
            }
        } else {
            // A capital sigma lowers by what surrounds it: the whole text is lowered first.
            let low = chars.lower(text);
            let mut start = 0;
            for (i, &c) in low.iter().chain(std::iter::once(&' ')).enumerate() {
                if c != ' ' && chars.is_alnum(c) {
                    continue;
                }
                if i > start {
                    *doc_counts.entry_chars(&low[start..i], 0) += 1;
                }
                start = i + 1;
            }
        }
        Lexicon {
            english,
            chars,
            doc_counts,
            extra,
        }
    }

    /// English frequency and log of a lower-case word.
    #[inline]
    pub fn known(&self, low: &str) -> Option<(f64, f64)> {
        self.english.get(low)
    }

    /// [`Lexicon::known`] and [`Lexicon::seen`] of one word, prepared once for both.
    #[inline]
    pub fn known_seen(&self, low: &str) -> (Option<(f64, f64)>, i64) {
        match Short::new(low) {
            Some(short) => (
                self.english.get_short(&short),
                self.doc_counts.get_short(&short).copied().unwrap_or(0),
            ),
            None => (self.known(low), self.seen(low)),
        }
    }

    /// [`Lexicon::seen`] of a prepared word.
    #[inline]
    pub fn seen_key(&self, key: &WordKey) -> i64 {
        self.doc_counts.get_key(key).copied().unwrap_or(0)
    }

    /// How often the text uses a lower-case word (0 when never).
    #[inline]
    pub fn seen(&self, low: &str) -> i64 {
        self.doc_counts.get(low).copied().unwrap_or(0)
    }

    pub fn in_extra(&self, word: &str) -> bool {
        !self.extra.is_empty() && self.extra.contains(word)
    }

    pub fn is_common(&self, low: &str) -> bool {
        self.english.common.contains(low)
    }

    /// Whether a lower-case string reads as two common words ("ofthe", "isa", "wecan").
    pub fn two_common_words(&self, low: &[char]) -> bool {
        let limit = low.len().min(self.english.longest_common + 1);
        if limit < 2 {
            return false;
        }
        // The pieces are slices of one string, cut at its character boundaries.
        let text = to_string(low);
        for (at, _) in text.char_indices().skip(1).take(limit - 1) {
            let (left, right) = text.split_at(at);
            if !self.english.common_prefixes.contains(left) {
                return false;
            }
            if self.english.common.contains(left) && self.is_common(right) {
                return true;
            }
        }
        false
    }

    /// Log-probability of *word*; *own* of its uses in the text are not counted.
    pub fn logp(&self, word: &[char], own: i64) -> f64 {
        let chars = self.chars;
        let key = WordKey::lowered(chars, word);
        let f = self.english.get_key(&key);
        let mut seen = self.doc_counts.get_key(&key).copied().unwrap_or(0) - own;
        if own != 0 && seen == 1 && chars.lower(word) == word {
            // A lower-case string seen just twice may be the same two words glued twice.
            seen = 0;
        }
        let k = &self.english.constants;
        if f.is_none() && seen <= 0 && self.extra.is_empty() {
            let first = word.first().copied();
            if first.is_some_and(|c| chars.is_digit(c)) && is_number(chars, word) {
                return k.number;
            }
            if first.is_some_and(|c| chars.is_upper(c)) && is_acronym(word) {
                return k.acronym;
            }
            return UNKNOWN_BASE - UNKNOWN_PER_CHAR * word.len() as f64;
        }
        let mut best = match f {
            Some((_, log)) => log,
            None => f64::NEG_INFINITY,
        };
        if !self.extra.is_empty()
            && (self.extra.contains(&to_string(word))
                || self.extra.contains(&to_string(&chars.lower(word))))
        {
            best = max(best, k.extra);
        }
        if seen >= 2 {
            best = max(best, k.doc_more);
        } else if seen == 1 {
            best = max(best, k.doc_once);
        }
        if best > f64::NEG_INFINITY {
            return best;
        }
        if is_number(chars, word) {
            return k.number;
        }
        if is_acronym(word) {
            return k.acronym;
        }
        UNKNOWN_BASE - UNKNOWN_PER_CHAR * word.len() as f64
    }

    /// Whether the lower-case form of *word* equals *word* (no upper-case letter).
    pub fn is_own_lower(&self, word: &[char]) -> bool {
        self.chars.lower(word) == word
    }
}

/// Python's `max(a, b)`: the first when they tie.
#[inline]
pub fn max(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

/// `word == literal` after lowering, for small fixed word lists.
pub fn lower_in(chars: &Chars, word: &[char], list: &[&str]) -> bool {
    // Lowering never shortens a string, and the lists hold short ASCII words: most words
    // are told apart by their length, without building the lower-case copy.
    if list.iter().all(|w| w.len() < word.len()) {
        return false;
    }
    // A word whose characters each lower to one ASCII byte is compared as bytes, without
    // a lower-case copy; the lists' words are at most this long.
    let mut low = [0u8; 16];
    if word.len() <= low.len() {
        let mut ascii = true;
        for (byte, &c) in low.iter_mut().zip(word) {
            match chars.ascii_lower(c) {
                Some(lowered) => *byte = lowered,
                None => {
                    ascii = false;
                    break;
                }
            }
        }
        if ascii {
            let low = &low[..word.len()];
            return list.iter().any(|w| w.as_bytes() == low);
        }
    }
    let low = chars.lower(word);
    list.iter().any(|w| eq(&low, w))
}

#[cfg(test)]
pub mod testing {
    //! A tiny English model, for tests without Python.
    use super::*;
    use crate::chars::testing::ascii_table;

    pub fn constants() -> LogConstants {
        LogConstants {
            doc_once: 4e-6f64.ln(),
            doc_more: 2e-5f64.ln(),
            extra: 1e-5f64.ln(),
            number: 1e-4f64.ln(),
            acronym: 1e-6f64.ln(),
        }
    }

    pub fn english(words: &[(&str, f64)]) -> English {
        English::new(
            words.iter().map(|&(w, f)| (w.to_string(), f, f.ln())),
            ascii_table(),
            constants(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::chars::testing::chars;

    #[test]
    fn the_text_own_words_raise_their_probability() {
        let english = english(&[("we", 1e-3), ("train", 1e-4)]);
        let table = Chars::new(&english.ascii, FxHashMap::default());
        let extra = FxHashSet::default();
        let text = chars("We train LLMs. Our LLMs scale.");
        let lex = Lexicon::for_text(&english, &table, &text, &extra);
        assert_eq!(lex.seen("llms"), 2);
        assert!(lex.logp(&chars("LLMs"), 0) > lex.logp(&chars("LLMsdirectly"), 0));
        assert_eq!(lex.logp(&chars("1,000"), 0), constants().number);
        assert_eq!(lex.logp(&chars("FPDT"), 0), constants().acronym);
    }

    #[test]
    fn patterns_match_the_python_regexes() {
        let english = english(&[]);
        let table = Chars::new(&english.ascii, FxHashMap::default());
        assert!(is_number(&table, &chars("1,000.5")));
        assert!(!is_number(&table, &chars("1,")));
        assert!(!is_number(&table, &chars(",1")));
        assert!(is_acronym(&chars("GPUs")));
        assert!(!is_acronym(&chars("G")));
        assert!(!is_acronym(&chars("ABCDEFGH")));
        assert!(is_acronym(&chars("ABCDEFGs")));
    }

    #[test]
    fn common_pairs_are_found() {
        let english = english(&[("of", 1e-2), ("the", 1e-2), ("a", 1e-2), ("d", 1e-3)]);
        let table = Chars::new(&english.ascii, FxHashMap::default());
        let extra = FxHashSet::default();
        let lex = Lexicon::for_text(&english, &table, &[], &extra);
        assert!(lex.two_common_words(&chars("ofthe")));
        assert!(!lex.two_common_words(&chars("ofd")));
    }
}
