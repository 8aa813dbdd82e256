//! Python's character classes and case mapping, as a table read off Python itself.
//!
//! The search must classify characters exactly as CPython's `str` methods do
//! (`isalpha`, `isdigit`, `islower`, `lower`, ...) and as its `re` module's `\w` and `\d`
//! do, on all of Unicode. Rather than re-derive those from another Unicode database (whose
//! version and definitions differ), Python reports the properties of every character a
//! text holds ([`CharInfo`] rows), and this module answers from the table.

use crate::fxhash::FxHashMap;

/// `str.isalpha()` of the character.
pub const ALPHA: u16 = 1;
/// `str.isdecimal()`: what `\d` matches in Python's `re`.
pub const DECIMAL: u16 = 1 << 1;
/// `str.isdigit()`.
pub const DIGIT: u16 = 1 << 2;
/// `str.isalnum()`: what `[^\W_]` matches in Python's `re`.
pub const ALNUM: u16 = 1 << 3;
/// `Py_UNICODE_ISUPPER`.
pub const UPPER: u16 = 1 << 4;
/// `Py_UNICODE_ISLOWER`.
pub const LOWER: u16 = 1 << 5;
/// `Py_UNICODE_ISTITLE`.
pub const TITLE: u16 = 1 << 6;
/// `str.isspace()`: what `str.split()` splits on.
pub const SPACE: u16 = 1 << 7;
/// Unicode "Cased", for the final-sigma rule of `str.lower()`.
pub const CASED: u16 = 1 << 8;
/// Unicode "Case_Ignorable", for the final-sigma rule of `str.lower()`.
pub const CASE_IGNORABLE: u16 = 1 << 9;

const CAPITAL_SIGMA: char = '\u{3a3}';
const SMALL_SIGMA: char = '\u{3c3}';
const FINAL_SIGMA: char = '\u{3c2}';

/// What Python says of one character: its class flags and `c.lower()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharInfo {
    pub flags: u16,
    lower: [char; 2],
    lower_len: u8,
}

impl CharInfo {
    /// A row of the table; `lower` is `c.lower()` (one or two characters in CPython; a
    /// longer mapping keeps its first two).
    pub fn new(flags: u16, lower: &[char]) -> Self {
        let mut mapped = ['\0'; 2];
        let len = lower.len().min(2);
        mapped[..len].copy_from_slice(&lower[..len]);
        CharInfo {
            flags,
            lower: mapped,
            lower_len: len as u8,
        }
    }

    fn unknown(c: char) -> Self {
        // A character Python did not describe (a caller's mistake) reads as a symbol.
        CharInfo::new(0, &[c])
    }
}

/// The table for one text: ASCII (shared) plus the text's other characters.
#[derive(Debug)]
pub struct Chars<'a> {
    ascii: &'a [CharInfo; 128],
    /// For each ASCII character, its lower case as a byte when that is one ASCII
    /// character (always, with Python's table), else [`NOT_ASCII`]: the common case of
    /// lowering without the general path.
    ascii_lower: [u8; 128],
    other: FxHashMap<char, CharInfo>,
}

/// An entry of `ascii_lower`: the general path decides.
const NOT_ASCII: u8 = 0xff;

impl<'a> Chars<'a> {
    pub fn new(ascii: &'a [CharInfo; 128], other: FxHashMap<char, CharInfo>) -> Self {
        let mut ascii_lower = [NOT_ASCII; 128];
        for (byte, info) in ascii_lower.iter_mut().zip(ascii) {
            if info.lower_len == 1 && info.lower[0].is_ascii() {
                *byte = info.lower[0] as u8;
            }
        }
        Chars {
            ascii,
            ascii_lower,
            other,
        }
    }

    /// `c.lower()` as one ASCII byte, when *c* is ASCII and its lower case is too.
    #[inline]
    pub fn ascii_lower(&self, c: char) -> Option<u8> {
        let byte = *self.ascii_lower.get(c as usize)?;
        (byte != NOT_ASCII).then_some(byte)
    }

    #[inline]
    pub fn info(&self, c: char) -> CharInfo {
        if (c as u32) < 128 {
            self.ascii[c as usize]
        } else {
            self.other
                .get(&c)
                .copied()
                .unwrap_or_else(|| CharInfo::unknown(c))
        }
    }

    #[inline]
    pub fn has(&self, c: char, flag: u16) -> bool {
        self.info(c).flags & flag != 0
    }

    #[inline]
    pub fn is_alpha(&self, c: char) -> bool {
        self.has(c, ALPHA)
    }

    #[inline]
    pub fn is_alnum(&self, c: char) -> bool {
        self.has(c, ALNUM)
    }

    #[inline]
    pub fn is_digit(&self, c: char) -> bool {
        self.has(c, DIGIT)
    }

    #[inline]
    pub fn is_decimal(&self, c: char) -> bool {
        self.has(c, DECIMAL)
    }

    #[inline]
    pub fn is_upper(&self, c: char) -> bool {
        self.has(c, UPPER)
    }

    #[inline]
    pub fn is_lower(&self, c: char) -> bool {
        self.has(c, LOWER)
    }

    #[inline]
    pub fn is_space(&self, c: char) -> bool {
        self.has(c, SPACE)
    }

    /// `s.isalpha()`.
    pub fn all_alpha(&self, s: &[char]) -> bool {
        !s.is_empty() && s.iter().all(|&c| self.is_alpha(c))
    }

    /// `s.isalnum()`.
    pub fn all_alnum(&self, s: &[char]) -> bool {
        !s.is_empty() && s.iter().all(|&c| self.is_alnum(c))
    }

    /// `s.isdigit()`.
    pub fn all_digit(&self, s: &[char]) -> bool {
        !s.is_empty() && s.iter().all(|&c| self.is_digit(c))
    }

    /// `s.isupper()`, as CPython computes it (one character: its own flag).
    pub fn str_is_upper(&self, s: &[char]) -> bool {
        self.cased_as(s, UPPER, LOWER | TITLE)
    }

    /// `s.islower()`, as CPython computes it.
    pub fn str_is_lower(&self, s: &[char]) -> bool {
        self.cased_as(s, LOWER, UPPER | TITLE)
    }

    fn cased_as(&self, s: &[char], wanted: u16, spoiling: u16) -> bool {
        if s.len() == 1 {
            return self.has(s[0], wanted);
        }
        let mut cased = false;
        for &c in s {
            let flags = self.info(c).flags;
            if flags & spoiling != 0 {
                return false;
            }
            if flags & wanted != 0 {
                cased = true;
            }
        }
        cased
    }

    /// `s.lower()`, final sigma included.
    pub fn lower(&self, s: &[char]) -> Vec<char> {
        let mut out = Vec::with_capacity(s.len());
        self.lower_into(s, &mut out);
        out
    }

    /// `s.lower()` appended to *out*.
    pub fn lower_into(&self, s: &[char], out: &mut Vec<char>) {
        out.reserve(s.len());
        for i in 0..s.len() {
            if let Some(byte) = self.ascii_lower(s[i]) {
                out.push(char::from(byte));
                continue;
            }
            let (mapped, len) = self.lower_at(s, i);
            out.extend_from_slice(&mapped[..len]);
        }
    }

    /// What `s.lower()` makes of `s[i]` (one or two characters), final sigma included.
    #[inline]
    pub fn lower_at(&self, s: &[char], i: usize) -> ([char; 2], usize) {
        let c = s[i];
        if c == CAPITAL_SIGMA {
            let sigma = if self.final_sigma(s, i) {
                FINAL_SIGMA
            } else {
                SMALL_SIGMA
            };
            return ([sigma, '\0'], 1);
        }
        let info = self.info(c);
        (info.lower, info.lower_len as usize)
    }

    /// CPython's `handle_capital_sigma`: a cased letter before (across case-ignorable
    /// characters) and none after.
    fn final_sigma(&self, s: &[char], i: usize) -> bool {
        let before = s[..i].iter().rev().find(|&&c| !self.has(c, CASE_IGNORABLE));
        let final_sigma = before.is_some_and(|&c| self.has(c, CASED));
        if !final_sigma || i + 1 >= s.len() {
            return final_sigma;
        }
        let after = s[i + 1..].iter().find(|&&c| !self.has(c, CASE_IGNORABLE));
        after.is_none_or(|&c| !self.has(c, CASED))
    }
}

/// `needle in hay` for character slices.
pub fn contains(hay: &[char], needle: &[char]) -> bool {
    find(hay, needle, 0).is_some()
}

/// `hay.find(needle, start)`, as an index.
pub fn find(hay: &[char], needle: &[char], start: usize) -> Option<usize> {
    if needle.is_empty() {
        return (start <= hay.len()).then_some(start);
    }
    if needle.len() > hay.len() {
        return None;
    }
    (start..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// `s.count(c)` for one character.
pub fn count(s: &[char], c: char) -> usize {
    s.iter().filter(|&&x| x == c).count()
}

/// `s == literal`.
pub fn eq(s: &[char], literal: &str) -> bool {
    s.iter().copied().eq(literal.chars())
}

/// `c in set`, for a short literal set of characters.
#[inline]
pub fn one_of(set: &str, c: char) -> bool {
    if c.is_ascii() {
        // A character outside ASCII is encoded in bytes of 0x80 and above: an ASCII byte
        // of the set is an ASCII member, found without decoding the set.
        set.as_bytes().contains(&(c as u8))
    } else {
        set.contains(c)
    }
}

/// `s.strip(chars)`, `s.lstrip(chars)` or `s.rstrip(chars)`.
pub fn strip<'s>(s: &'s [char], chars: &str, left: bool, right: bool) -> &'s [char] {
    let mut a = 0;
    let mut b = s.len();
    if left {
        while a < b && one_of(chars, s[a]) {
            a += 1;
        }
    }
    if right {
        while b > a && one_of(chars, s[b - 1]) {
            b -= 1;
        }
    }
    &s[a..b]
}

/// The characters as a `String`, for a look-up.
pub fn to_string(s: &[char]) -> String {
    s.iter().collect()
}

/// The ASCII rows as Python's string methods give them, computed here for what runs without
/// Python: the crate's tests and the profiling driver (the bindings receive Python's own).
pub fn ascii_table_by_hand() -> [CharInfo; 128] {
    let mut table = [CharInfo::new(0, &['\0']); 128];
    for (i, row) in table.iter_mut().enumerate() {
        let c = char::from(i as u8);
        let mut flags = 0;
        if c.is_ascii_alphabetic() {
            flags |= ALPHA | ALNUM | CASED;
        }
        if c.is_ascii_digit() {
            flags |= DECIMAL | DIGIT | ALNUM;
        }
        if c.is_ascii_uppercase() {
            flags |= UPPER;
        }
        if c.is_ascii_lowercase() {
            flags |= LOWER;
        }
        if matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ') {
            flags |= SPACE;
        }
        if matches!(c, '\'' | '.' | ':' | '^' | '`') {
            flags |= CASE_IGNORABLE;
        }
        *row = CharInfo::new(flags, &[c.to_ascii_lowercase()]);
    }
    table
}

#[cfg(test)]
pub mod testing {
    //! An ASCII table computed by hand, for tests that run without Python.
    use super::*;

    pub fn ascii_table() -> [CharInfo; 128] {
        ascii_table_by_hand()
    }

    pub fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn case_predicates_follow_cpython() {
        let ascii = ascii_table();
        let t = Chars::new(&ascii, FxHashMap::default());
        assert!(t.str_is_upper(&chars("LLM")));
        assert!(t.str_is_upper(&chars("H2O")));
        assert!(!t.str_is_upper(&chars("LLMs")));
        assert!(!t.str_is_upper(&chars("20")));
        assert!(t.str_is_lower(&chars("model2")));
        assert!(!t.str_is_lower(&chars("")));
    }

    #[test]
    fn final_sigma_depends_on_context() {
        let ascii = ascii_table();
        let mut other = FxHashMap::default();
        let cased = ALPHA | ALNUM | CASED;
        other.insert(CAPITAL_SIGMA, CharInfo::new(cased | UPPER, &[SMALL_SIGMA]));
        other.insert('\u{391}', CharInfo::new(cased | UPPER, &['\u{3b1}']));
        let t = Chars::new(&ascii, other);
        assert_eq!(t.lower(&chars("\u{391}\u{3a3}")), chars("\u{3b1}\u{3c2}"));
        assert_eq!(t.lower(&chars("\u{3a3}\u{391}")), chars("\u{3c3}\u{3b1}"));
        assert_eq!(
            t.lower(&chars("\u{391}.\u{3a3}.")),
            chars("\u{3b1}.\u{3c2}.")
        );
        assert_eq!(
            t.lower(&chars("\u{391}\u{3a3}.\u{391}")),
            chars("\u{3b1}\u{3c3}.\u{3b1}")
        );
    }

    #[test]
    fn set_membership_reads_whole_characters() {
        assert!(one_of(")]}'\u{2019}", '\u{2019}'));
        assert!(one_of(")]}'\u{2019}", ']'));
        assert!(!one_of(")]}'\u{2019}", '\u{2018}')); // shares two bytes with U+2019
        assert!(!one_of("\u{2019}", '\u{19}'));
    }

    #[test]
    fn substring_helpers_match_python() {
        assert_eq!(find(&chars("abcabc"), &chars("bc"), 2), Some(4));
        assert_eq!(find(&chars("ab"), &chars(""), 2), Some(2));
        assert!(!contains(&chars("ab"), &chars("abc")));
        assert_eq!(
            strip(&chars("((word).,"), "([{", true, false),
            &chars("word).,")[..]
        );
        assert_eq!(
            strip(&chars("((word).,"), ".,)", false, true),
            &chars("((word")[..]
        );
    }
}
