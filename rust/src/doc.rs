//! One text prepared for the line-wrap search: its tokens, word model and cut scores.
//!
//! A token that reads as known words is never cut on its own evidence; every other token
//! ("candidate") gets its cuts scored once, by [`crate::junctions::score_token`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::chars::{find, one_of, strip, to_string, Chars};
use crate::costs::{HYPHENS, HYPHEN_COST, SILENT_END_COST};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::junctions::{score_token, Before};
use crate::lexicon::{English, Lexicon};
use crate::words::WordKey;

/// A token this frequent is taken as a word without scoring its cuts.
const PLAIN_FREQUENCY: f64 = 1e-5;
const RARE_PLAIN_FREQUENCY: f64 = 1e-6;
const OUTER_PUNCTUATION: &str = ".,;:!?()[]{}\"'`";

pub type Cuts = Vec<(usize, f64)>;
/// Line ends inside a token that insert nothing, as (position, gain).
pub type QuietEnds = Vec<(i64, f64)>;
type Memo<T> = RefCell<Vec<Option<Rc<T>>>>;

/// One text: its tokens, word model and cached per-token cut scores.
pub struct Doc<'a> {
    pub text: &'a [char],
    pub n: i64,
    pub starts: Vec<i64>,
    pub spans: Vec<(i64, i64)>,
    pub space_starts: Vec<i64>,
    pub paragraph_starts: Vec<i64>,
    pub candidates: Vec<usize>,
    pub lex: Lexicon<'a>,
    max_token: usize,
    plain_tokens: FxHashMap<&'a [char], bool>,
    /// What the text holds before each token.
    before: Vec<Before>,
    /// The distinct lists of allowed cuts, the first empty, and each token's list: every
    /// candidate's cuts are needed (its strong cut is asked for at once), so they are
    /// scored when the text is prepared, with no cache to consult afterwards.
    cut_lists: Vec<Cuts>,
    cut_of: Vec<u32>,
    ranked: Memo<Cuts>,
    quiet: Memo<QuietEnds>,
    /// Units of work done, to check that it grows linearly with the text.
    pub work: Cell<u64>,
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a [char],
        english: &'a English,
        chars: &'a Chars<'a>,
        extra: &'a FxHashSet<String>,
        max_token: usize,
    ) -> Self {
        let n = text.len();
        // English words average under six letters and a space: room for every token
        // without growing the vectors as they fill.
        let mut spans = Vec::with_capacity(n / 5 + 1);
        let mut space_starts = Vec::with_capacity(n / 5 + 1);
        let mut paragraph_starts = Vec::new();
        let mut i = 0;
        while i < n {
            let gap = i;
            while i < n && chars.is_space(text[i]) {
                i += 1;
            }
            if i > gap {
                space_starts.push(gap as i64);
                if i - gap >= 2 {
                    paragraph_starts.push(gap as i64); // a paragraph indent
                }
            }
            if i == n {
                break;
            }
            let start = i;
            while i < n && !chars.is_space(text[i]) {
                i += 1;
            }
            spans.push((start as i64, i as i64));
        }
        let starts = spans.iter().map(|s| s.0).collect();
        let lex = Lexicon::for_text(english, chars, text, extra);
        let mut before = vec![Before::default(); spans.len()];
        if text.contains(&'$') || text.contains(&'"') {
            let mut seen = Before::default();
            for (k, &(a, b)) in spans.iter().enumerate() {
                before[k] = seen;
                let token = &text[a as usize..b as usize];
                seen = seen.then(token, token.len());
            }
        }
        let mut doc = Doc {
            text,
            n: n as i64,
            starts,
            candidates: Vec::new(),
            lex,
            max_token,
            plain_tokens: FxHashMap::default(),
            before,
            cut_lists: Vec::new(),
            cut_of: Vec::new(),
            ranked: RefCell::new(vec![None; spans.len()]),
            quiet: RefCell::new(vec![None; spans.len()]),
            spans,
            space_starts,
            paragraph_starts,
            work: Cell::new(0),
        };
        // Each distinct token is judged once.
        let mut plain_tokens =
            FxHashMap::with_capacity_and_hasher(doc.spans.len(), Default::default());
        let mut candidates = Vec::new();
        for (k, &(a, b)) in doc.spans.iter().enumerate() {
            let token = &text[a as usize..b as usize];
            let plain = *plain_tokens.entry(token).or_insert_with(|| {
                (doc.lex.chars.all_alpha(token) && doc.frequency(token) >= PLAIN_FREQUENCY)
                    || doc.is_plain(token)
            });
            if (2..=max_token).contains(&token.len()) && !plain {
                candidates.push(k);
            }
        }
        doc.add_work(text.len() as u64);
        doc.plain_tokens = plain_tokens;
        // A token repeated with the same parities of `$` signs and quotes before it scores
        // the same: it is scored once.
        let mut cut_lists: Vec<Cuts> = vec![Vec::new()];
        let mut cut_of = vec![0u32; doc.spans.len()];
        let mut by_text: FxHashMap<(&[char], i64, i64), u32> =
            FxHashMap::with_capacity_and_hasher(candidates.len(), Default::default());
        for &k in &candidates {
            let before = doc.before[k];
            let token = doc.token(k);
            let key = (token, before.dollars % 2, before.quotes % 2);
            cut_of[k] = *by_text.entry(key).or_insert_with(|| {
                cut_lists.push(doc.score_text(token, before));
                (cut_lists.len() - 1) as u32
            });
        }
        doc.cut_lists = cut_lists;
        doc.cut_of = cut_of;
        doc.candidates = candidates;
        doc
    }

    pub fn add_work(&self, units: u64) {
        self.work.set(self.work.get() + units);
    }

    pub fn token(&self, k: usize) -> &'a [char] {
        let (a, b) = self.spans[k];
        &self.text[a as usize..b as usize]
    }

    fn frequency(&self, word: &[char]) -> f64 {
        let key = WordKey::lowered(self.lex.chars, word);
        self.lex.english.get_key(&key).map_or(0.0, |(f, _)| f)
    }

    /// Index of the token covering character *index*, or -1 on a space.
    pub fn token_at(&self, index: i64) -> i64 {
        let k = bisect_right(&self.starts, index) as i64 - 1;
        if k >= 0 && index < self.spans[k as usize].1 {
            k
        } else {
            -1
        }
    }

    /// Allowed cuts of token *k* as (offset, score); none for a token that is no
    /// candidate (a known word is left whole even where the wrap geometry points at it).
    #[inline]
    pub fn cuts(&self, k: usize) -> &Cuts {
        &self.cut_lists[self.cut_of[k] as usize]
    }

    /// Allowed cuts of token *k* as (position in the text, score), best first.
    pub fn ranked_cuts(&self, k: usize) -> Rc<Cuts> {
        if let Some(found) = &self.ranked.borrow()[k] {
            return found.clone();
        }
        let a = self.spans[k].0 as usize;
        let mut ranked: Cuts = self.cuts(k).iter().map(|&(off, s)| (a + off, s)).collect();
        // Python's sort by (-score, position).
        ranked.sort_by(|x, y| {
            y.1.partial_cmp(&x.1)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(x.0.cmp(&y.0))
        });
        let found = Rc::new(ranked);
        self.ranked.borrow_mut()[k] = Some(found.clone());
        found
    }

    /// Line ends inside token *k* that insert no space, as (position, gain): after a
    /// hyphen, and where a letter or digit meets a symbol.
    pub fn quiet_ends(&self, k: usize) -> Rc<QuietEnds> {
        if let Some(found) = &self.quiet.borrow()[k] {
            return found.clone();
        }
        let chars = self.lex.chars;
        let (a, b) = self.spans[k];
        let mut found = Vec::with_capacity((b - a) as usize);
        for pos in a + 1..b {
            let (before, at) = (self.text[pos as usize - 1], self.text[pos as usize]);
            if one_of(HYPHENS, before) && chars.is_alpha(at) {
                found.push((pos, -HYPHEN_COST));
            } else if chars.is_alnum(before) != chars.is_alnum(at) {
                found.push((pos, -SILENT_END_COST));
            }
        }
        self.add_work((b - a) as u64);
        let found = Rc::new(found);
        self.quiet.borrow_mut()[k] = Some(found.clone());
        found
    }

    /// Allowed cuts of *text* (a token or a piece of one) as (offset, score); never
    /// inside a word of the user's vocabulary.
    pub fn score_text(&self, text: &[char], before: Before) -> Cuts {
        let extra = self.lex.extra;
        if !extra.is_empty()
            && extra.contains(&to_string(strip(text, ".,;:!?()[]{}\"'", true, true)))
        {
            return Vec::new();
        }
        let mut work = 0;
        let mut found = score_token(text, &self.lex, before, &mut work);
        self.add_work(work + text.len() as u64);
        if !extra.is_empty() {
            let protected = self.protected_offsets(text);
            found.retain(|(off, _)| !protected.contains(off));
        }
        found
    }

    /// Offsets strictly inside a user word: cutting there would split it.
    fn protected_offsets(&self, token: &[char]) -> FxHashSet<usize> {
        let chars = self.lex.chars;
        let mut protected = FxHashSet::default();
        let low = chars.lower(token);
        for word in self.lex.extra {
            let word: Vec<char> = word.chars().collect();
            if word.len() < 2 || word.len() > token.len() {
                continue;
            }
            let needle = chars.lower(&word);
            let mut start = find(&low, &needle, 0);
            while let Some(s) = start {
                protected.extend(s + 1..s + word.len());
                start = find(&low, &needle, s + 1);
            }
        }
        protected
    }

    /// Whether *token* (any string without spaces) is known words.
    pub fn is_plain_text(&self, token: &[char]) -> bool {
        self.plain_tokens.get(token).copied().unwrap_or(false) || self.is_plain(token)
    }

    /// What the text holds before *index*, inside token *k*.
    pub fn before(&self, k: usize, index: i64) -> Before {
        let a = self.spans[k].0;
        self.before[k].then(self.token(k), (index - a).max(0) as usize)
    }

    fn is_plain(&self, token: &[char]) -> bool {
        let chars = self.lex.chars;
        if token.len() > self.max_token {
            return false;
        }
        let core = strip(token, OUTER_PUNCTUATION, true, true);
        if chars.all_alpha(core) && self.frequency(core) >= PLAIN_FREQUENCY {
            return true; // most tokens of a text: a common word
        }
        if chars.all_alnum(core) {
            return self.plain_core(core);
        }
        if is_plain_number(chars, core) {
            return true;
        }
        is_hyphenated(chars, core) && core.split(|&c| c == '-').all(|part| self.plain_core(part))
    }

    fn plain_core(&self, core: &[char]) -> bool {
        let lex = &self.lex;
        let chars = lex.chars;
        let key = WordKey::lowered(chars, core);
        let freq = lex.english.get_key(&key).map_or(0.0, |(f, _)| f);
        if freq >= PLAIN_FREQUENCY || chars.all_digit(core) {
            return true;
        }
        let seen = lex.seen_key(&key);
        // Most tokens that get here are rare and used once, and need no lower-case copy.
        if seen < 2 && lex.extra.is_empty() && freq < RARE_PLAIN_FREQUENCY {
            return false;
        }
        let low = chars.lower(core);
        (seen >= (if low[..] != *core { 2 } else { 3 }) && !self.glued(core, &low))
            || (!lex.extra.is_empty()
                && (lex.in_extra(&to_string(core)) || lex.in_extra(&to_string(&low))))
            || (freq >= RARE_PLAIN_FREQUENCY && !lex.two_common_words(&low))
    }

    /// Whether *core* reads as a common word glued to another ("ofthe", "theSkyrme").
    fn glued(&self, core: &[char], low: &[char]) -> bool {
        let lex = &self.lex;
        let chars = lex.chars;
        if lex.two_common_words(low) {
            return true;
        }
        for i in 2..core.len().saturating_sub(1) {
            if chars.is_lower(core[i - 1]) && chars.is_upper(core[i]) {
                let left = to_string(&low[..i.min(low.len())]);
                return chars.all_alpha(&core[..i])
                    && chars.str_is_lower(&core[..i])
                    && lex.is_common(&left);
            }
        }
        false
    }

    /// The best cut of token *k* if it reaches *threshold* on its own evidence.
    pub fn strong_cut(&self, k: usize, threshold: f64) -> Option<(usize, f64)> {
        let mut best: Option<(usize, f64)> = None;
        for &(off, score) in self.cuts(k).iter() {
            if score >= threshold && best.is_none_or(|b| score > b.1) {
                best = Some((off, score));
            }
        }
        best
    }
}

/// `[+-]?\d+(?:[.,]\d+)*%?`, matched in full.
fn is_plain_number(chars: &Chars, s: &[char]) -> bool {
    let s = match s.first() {
        Some('+' | '-') => &s[1..],
        _ => s,
    };
    let s = match s.last() {
        Some('%') => &s[..s.len() - 1],
        _ => s,
    };
    crate::lexicon::is_number(chars, s)
}

/// `[^\W_]+(?:-[^\W_]+)+`, matched in full.
fn is_hyphenated(chars: &Chars, s: &[char]) -> bool {
    let mut parts = 0;
    for part in s.split(|&c| c == '-') {
        if !chars.all_alnum(part) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Python's `bisect_right`.
pub fn bisect_right(sorted: &[i64], x: i64) -> usize {
    sorted.partition_point(|&v| v <= x)
}

/// Python's `bisect_left`.
pub fn bisect_left(sorted: &[i64], x: i64) -> usize {
    sorted.partition_point(|&v| v < x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::testing::chars;
    use crate::lexicon::testing::english;

    #[test]
    fn known_words_are_not_candidates() {
        let english = english(&[
            ("we", 1e-3),
            ("train", 1e-4),
            ("on", 1e-2),
            ("a", 1e-2),
            ("model", 1e-4),
            ("with", 1e-2),
            ("two", 1e-3),
            ("parts", 1e-4),
        ]);
        let table = Chars::new(&english.ascii, FxHashMap::default());
        let extra = FxHashSet::default();
        let text = chars("We train LLMs on a modelwith two parts.");
        let doc = Doc::new(&text, &english, &table, &extra, 60);
        let candidates: Vec<String> = doc
            .candidates
            .iter()
            .map(|&k| to_string(doc.token(k)))
            .collect();
        assert_eq!(candidates, ["LLMs", "modelwith"]);
        assert_eq!(doc.token_at(3), 1);
        assert_eq!(doc.token_at(2), -1);
    }

    #[test]
    fn layout_finds_paragraph_indents() {
        let english = english(&[]);
        let table = Chars::new(&english.ascii, FxHashMap::default());
        let extra = FxHashSet::default();
        let text = chars("  one two\t three ");
        let doc = Doc::new(&text, &english, &table, &extra, 60);
        assert_eq!(doc.starts, [2, 6, 11]);
        assert_eq!(doc.space_starts, [0, 5, 9, 16]);
        assert_eq!(doc.paragraph_starts, [0, 9]);
    }

    #[test]
    fn plain_patterns_match_the_python_regexes() {
        let english = english(&[]);
        let table = Chars::new(&english.ascii, FxHashMap::default());
        assert!(is_plain_number(&table, &chars("-3.5%")));
        assert!(!is_plain_number(&table, &chars("%")));
        assert!(is_hyphenated(&table, &chars("state-of-the-art")));
        assert!(!is_hyphenated(&table, &chars("state-")));
        assert!(!is_hyphenated(&table, &chars("word")));
    }

    #[test]
    fn each_token_knows_the_quotes_and_dollars_before_it() {
        let english = english(&[]);
        let table = Chars::new(&english.ascii, FxHashMap::default());
        let extra = FxHashSet::default();
        let text = chars(r#"a "common sense localization"notion of Schr\"odinger $x$ "#);
        let doc = Doc::new(&text, &english, &table, &extra, 60);
        let quotes: Vec<i64> = (0..doc.spans.len()).map(|k| doc.before[k].quotes).collect();
        assert_eq!(quotes, [0, 0, 1, 1, 2, 2, 2]);
        assert_eq!(doc.before[6].dollars, 0);
        // Inside a token: before the closing quote of `localization"notion`, one is open.
        let k = 3;
        let quote = doc.spans[k].0 + 12;
        assert_eq!(doc.before(k, quote).quotes, 1);
        assert_eq!(doc.before(k, quote + 1).quotes, 2);
    }
}
