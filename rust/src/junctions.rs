//! Evidence that a token is two words glued where a line break was deleted.
//!
//! [`split_score`] scores one cut of one token as a log-probability ratio: how much more
//! likely the two sides are as separate words than the whole token as one. Letter-letter
//! cuts use the word model; cuts next to punctuation, digits and `$` use the typography of
//! abstracts ("systems.As", "(CV)domains", "100%accuracy", "a$3.37times$"), with guards
//! for what legitimately looks the same ("e.g.", "U.S.", "f(x)", "1,000", "H2O").

use crate::chars::{contains, count, eq, one_of, strip, to_string, Chars};
use crate::lexicon::{lower_in, Lexicon, UNKNOWN_BASE, UNKNOWN_PER_CHAR};
use crate::literals::{ends_code_span, inside_mask, literal_spans};

const SENTENCE_CUT: f64 = 9.0; // "systems.As"
const CLAUSE_CUT: f64 = 7.0; // "coefficient,two", "follows:we"
const CLOSE_CUT: f64 = 7.0; // "(CV)domains", "100%accuracy", "$x$and"
const OPEN_CUT: f64 = 5.0; // "Vision(CV)", "a$3.37times$", "of\emph"
const CAMEL_BONUS: f64 = 3.0; // "proposeFully"
const CAMEL_COMPOUND: f64 = 4.0; // "InAs", "CerebrasWafer": left to the wrap geometry
const ACRONYM_BONUS: f64 = 2.0; // "proposedFPDT"
const ONE_LETTER_PENALTY: f64 = 4.0; // "H2O", "3D": one-letter sides are rarely words
const PREFIX_PENALTY: f64 = 6.0; // "super|current": a bound prefix, not a word
                                 // "\"weak\"bimodality": below the local threshold, as whether a quote closes can rest on
                                 // counting the quotes before it, which one stray quote throws.
const QUOTE_CUT: f64 = 5.0;
const WEAK: f64 = -1.0; // plausible only where the wrap geometry points
const NEVER: f64 = f64::NEG_INFINITY; // a typography verdict: this cut is never right
const KNOWN_FLOOR: f64 = UNKNOWN_BASE - UNKNOWN_PER_CHAR * 0.0;
const IGNORE_TEXT: i64 = 1 << 30; // an "own" count that discounts every use in the text

const OPENERS: &str = "([{`";
const JOINERS: &str = "-\u{2010}\u{2011}/_^=+*<>|~&#@";
const CLOSERS: &str = ")]}'\u{2019}\u{201d}";
const CLAUSE: &str = ",;:!?";
const ACCENTS: &str = "`'\"^~=.";
const ONE_LETTER_WORDS: [&str; 3] = ["a", "A", "I"];
const NUMBER_SUFFIXES: &[&str] = &[
    "st", "nd", "rd", "th", "x", "k", "m", "b", "d", "g", "s", "gb", "mb", "kb", "tb", "nm", "um",
    "mm", "cm", "km", "ms", "ns", "ps", "fs", "hz", "khz", "mhz", "ghz", "thz", "ev", "kev", "mev",
    "gev", "tev", "w", "kw", "mw", "db", "dof", "fps", "bit", "bits", "bp", "kbp", "mbp", "kda",
    "mol", "ml", "mg", "kg",
];
const PREFIXES: &[&str] = &[
    "anti", "super", "multi", "photo", "non", "semi", "quasi", "pseudo", "micro", "nano", "hyper",
    "inter", "intra", "sub", "re", "un", "pre", "post", "over", "under", "self", "co", "bi", "tri",
    "poly", "mono", "electro", "magneto", "thermo", "opto", "spectro", "meta", "macro", "ultra",
    "counter", "cross", "auto", "geo", "bio", "neuro", "astro", "cyber", "hetero", "homo", "iso",
    "para", "ortho",
];
const SUFFIXES: &[&str] = &[
    "al",
    "ally",
    "ly",
    "ity",
    "ities",
    "ic",
    "ics",
    "ed",
    "ing",
    "ings",
    "er",
    "ers",
    "ness",
    "ment",
    "ments",
    "able",
    "ably",
    "ability",
    "abilities",
    "ise",
    "ize",
];
const FUNCTIONS: &[&str] = &[
    "min", "max", "exp", "log", "ln", "sin", "cos", "tan", "sinh", "cosh", "tanh", "det", "tr",
    "dim", "ker", "span", "sup", "inf", "lim", "arg", "deg", "gcd", "lcm", "mod", "diag", "rank",
    "sgn", "sign", "var", "cov", "erf", "poly",
];
const COLON_LABELS: &[&str] = &[
    "arxiv", "doi", "http", "https", "ftp", "isbn", "issn", "pmid", "urn", "mailto", "hdl",
];
const DOT_TAILS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "io", "ai", "html", "htm", "pdf", "json", "py", "txt",
    "csv", "xml", "tex", "zip", "gz", "github", "www",
];

fn one_letter_word(s: &[char]) -> bool {
    ONE_LETTER_WORDS.iter().any(|w| eq(s, w))
}

/// `s in _PREFIXES`, as one `match` (the inner loop of the scoring asks it per cut).
fn is_prefix(s: &str) -> bool {
    matches!(
        s,
        "anti"
            | "super"
            | "multi"
            | "photo"
            | "non"
            | "semi"
            | "quasi"
            | "pseudo"
            | "micro"
            | "nano"
            | "hyper"
            | "inter"
            | "intra"
            | "sub"
            | "re"
            | "un"
            | "pre"
            | "post"
            | "over"
            | "under"
            | "self"
            | "co"
            | "bi"
            | "tri"
            | "poly"
            | "mono"
            | "electro"
            | "magneto"
            | "thermo"
            | "opto"
            | "spectro"
            | "meta"
            | "macro"
            | "ultra"
            | "counter"
            | "cross"
            | "auto"
            | "geo"
            | "bio"
            | "neuro"
            | "astro"
            | "cyber"
            | "hetero"
            | "homo"
            | "iso"
            | "para"
            | "ortho"
    )
}

/// `s in _SUFFIXES`.
fn is_suffix(s: &str) -> bool {
    matches!(
        s,
        "al" | "ally"
            | "ly"
            | "ity"
            | "ities"
            | "ic"
            | "ics"
            | "ed"
            | "ing"
            | "ings"
            | "er"
            | "ers"
            | "ness"
            | "ment"
            | "ments"
            | "able"
            | "ably"
            | "ability"
            | "abilities"
            | "ise"
            | "ize"
    )
}

fn trailing_run<'s>(chars: &Chars, s: &'s [char]) -> &'s [char] {
    let mut i = s.len();
    while i > 0 && chars.is_alnum(s[i - 1]) {
        i -= 1;
    }
    &s[i..]
}

fn leading_run<'s>(chars: &Chars, s: &'s [char]) -> &'s [char] {
    let mut i = 0;
    while i < s.len() && chars.is_alnum(s[i]) {
        i += 1;
    }
    &s[..i]
}

/// `s[-2:-1]`: the character before the last, if any.
fn second_last(s: &[char]) -> Option<char> {
    (s.len() >= 2).then(|| s[s.len() - 2])
}

/// How often *word* occurs inside *token* (1 or 0): not evidence of use elsewhere.
fn own(chars: &Chars, token: &[char], word: &[char]) -> i64 {
    i64::from(!word.is_empty() && contains(&chars.lower(token), &chars.lower(word)))
}

fn known_word(word: &[char], lex: &Lexicon, token: &[char], min_len: usize) -> bool {
    if word.len() < min_len || !lex.chars.all_alpha(word) {
        return false;
    }
    lex.logp(word, own(lex.chars, token, word)) > KNOWN_FLOOR + 1.0
}

/// What the text before a token holds that changes how the token's cuts read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Before {
    /// `$` signs: whether a `$` opens or closes inline math.
    pub dollars: i64,
    /// Straight double quotes (not `\"`, an accent): whether a `"` opens or closes.
    pub quotes: i64,
}

impl Before {
    /// The counts before `piece[..end]`, given those before *piece*.
    pub fn then(self, piece: &[char], end: usize) -> Before {
        let seen = &piece[..end.min(piece.len())];
        Before {
            dollars: self.dollars + count(seen, '$') as i64,
            quotes: self.quotes + count_quotes(seen) as i64,
        }
    }
}

/// The straight double quotes of *s* that are quote marks, not the accent `\"`.
fn count_quotes(s: &[char]) -> usize {
    let mut found = 0;
    for (i, &c) in s.iter().enumerate() {
        if c == '"' && (i == 0 || s[i - 1] != '\\') {
            found += 1;
        }
    }
    found
}

/// Whether the straight double quote at `token[i]` closes a quotation (`Some(true)`) or
/// opens one (`Some(false)`); `None` if it is no quote mark ("Schr\"odinger").
///
/// A quote after a space or an opening bracket opens, one before a space or closing
/// punctuation closes; one glued on both sides ("\"weak\"bimodality") closes if an odd
/// number of quotes come before it in the text.
fn quote_closes(token: &[char], i: usize, quotes_before: i64) -> Option<bool> {
    if token[i] != '"' || (i > 0 && token[i - 1] == '\\') {
        return None;
    }
    let previous = i.checked_sub(1).map(|j| token[j]);
    if previous.is_none_or(|c| "([{\u{201c}".contains(c)) {
        return Some(false);
    }
    if token.get(i + 1).is_none_or(|&c| ".,;:!?)]}".contains(c)) {
        return Some(true);
    }
    Some((quotes_before + count_quotes(&token[..i]) as i64) % 2 == 1)
}

/// Log-ratio for cutting *token* before index *cut*; `None` when the cut is never right.
///
/// *before* counts the `$` signs and quotes of the text before *token*, so that a `$` can
/// be told apart as opening or closing inline math, and a `"` as opening or closing a
/// quotation.
pub fn split_score(token: &[char], cut: usize, lex: &Lexicon, before: Before) -> Option<f64> {
    let chars = lex.chars;
    if cut == 0 || cut >= token.len() {
        return None;
    }
    let (left, right) = token.split_at(cut);
    let (lc, rc) = (left[left.len() - 1], right[0]);
    let lw = trailing_run(chars, left);
    let rw = leading_run(chars, right);
    if (before.dollars + count(left, '$') as i64) % 2 != 0 && lc != '$' && rc != '$' {
        return None; // inside inline math: spacing there is not prose
    }
    if chars.is_alnum(lc) && chars.is_alnum(rc) {
        return alnum_score(lw, rw, lc, rc, lex, None);
    }
    if one_of(JOINERS, lc) || one_of(JOINERS, rc) || lc == '\\' {
        return None; // hyphens, slashes and operators join on purpose
    }
    // No space goes just inside a quotation: not `"recipes "provide`, nor `a(" racemic")`.
    if (rc == '"' && quote_closes(token, cut, before.quotes) == Some(true))
        || (lc == '"' && quote_closes(token, cut - 1, before.quotes) == Some(false))
    {
        return None;
    }
    if lc == '$' || rc == '$' {
        return dollar_score(token, cut, lw, rw, lex, before.dollars);
    }
    if chars.is_alnum(lc) {
        return open_score(token, left, right, lw, lex);
    }
    if !(chars.is_alnum(rc) || OPENERS.contains(rc) || "\"\u{201c}\\".contains(rc)) {
        return None; // "),", ".)": punctuation runs belong together
    }
    if chars.is_digit(rc) && second_last(left).is_some_and(|c| chars.is_digit(c)) {
        return None; // "1,000", "3.14"
    }
    // The word before the punctuation: "systems" in "systems.As", "disks" in "disks).The".
    let stripped = strip(left, ")]}'\u{2019}\u{201d},;:!?.%\"", false, true);
    let lw = trailing_run(chars, stripped);
    let score = if lc == '.' {
        dot_score(token, left, lw, rw, lex)
    } else if CLAUSE.contains(lc) {
        clause_score(token, left, right, lw, rw, lex)
    } else if CLOSERS.contains(lc) || "%\"".contains(lc) || (lc == '`' && ends_code_span(left)) {
        close_score(token, left, lw, rw, lex)
    } else {
        return None;
    };
    // Punctuation followed by a word is where lines often end: even when the typography
    // is ambiguous ("K.Hentschel"), the wrap geometry may still pick it.
    match score {
        None => Some(WEAK),
        Some(s) if s == NEVER => None,
        other => other,
    }
}

fn open_score(
    token: &[char],
    left: &[char],
    right: &[char],
    lw: &[char],
    lex: &Lexicon,
) -> Option<f64> {
    let chars = lex.chars;
    let rc = right[0];
    if left[..left.len() - lw.len()].last() == Some(&'\\') {
        // A command's name, then the next command or its argument: "\bar\theta",
        // "\textbf{ACM}", "\href{https://...}".
        return None;
    }
    if rc == '\\' {
        // "of\emph{...}", but not an accent ("Omn\`es").
        if right.get(1).is_some_and(|&c| ACCENTS.contains(c)) {
            return None;
        }
        return Some(if known_word(lw, lex, token, 3) {
            OPEN_CUT
        } else {
            WEAK
        });
    }
    if "`\"\u{201c}".contains(rc) {
        return Some(if known_word(lw, lex, token, 2) {
            OPEN_CUT
        } else {
            WEAK
        });
    }
    if !"([{".contains(rc) {
        return None;
    }
    let inner = leading_run(chars, &right[1..]);
    if lower_in(chars, lw, FUNCTIONS) || lw.len() == 1 {
        return None; // "min(x)", "f(x)"
    }
    if chars.all_digit(inner)
        && (chars.all_digit(lw) || (lw.len() >= 3 && chars.all_alpha(lw) && chars.str_is_lower(lw)))
    {
        // "ranges(1.7-1.8)", "331(2003)": a value or a citation; the geometry may pick it.
        return Some(WEAK);
    }
    if inner.len() >= 2 && chars.all_alpha(inner) && known_word(lw, lex, token, 3) {
        return Some(OPEN_CUT);
    }
    if inner.len() == 1 || !(chars.str_is_lower(lw) && known_word(lw, lex, token, 3)) {
        return None; // "procedure(s)", "SU(5)", "ringR[x_1]": an argument
    }
    Some(WEAK)
}

fn clause_score(
    token: &[char],
    left: &[char],
    right: &[char],
    lw: &[char],
    rw: &[char],
    lex: &Lexicon,
) -> Option<f64> {
    let lc = left[left.len() - 1];
    if lc == ':' && lower_in(lex.chars, lw, COLON_LABELS) {
        return Some(NEVER); // "arXiv:quant-ph/0702144"
    }
    if (count(left, '(') > count(left, ')') && right.contains(&')'))
        || (count(left, '[') > count(left, ']') && right.contains(&']'))
    {
        return Some(NEVER); // "(In,Ga)As", "f(x,y)": a list inside brackets
    }
    let bracketed = matches!(second_last(left), Some(')' | ']'));
    if known_word(rw, lex, token, 2) && (lw.len() >= 2 || one_letter_word(lw) || bracketed) {
        return Some(CLAUSE_CUT);
    }
    None
}

/// A cut between two letters or digits: the word model, with casing cues.
fn alnum_score(
    lw: &[char],
    rw: &[char],
    lc: char,
    rc: char,
    lex: &Lexicon,
    joined: Option<f64>,
) -> Option<f64> {
    let chars = lex.chars;
    if chars.is_digit(lc) && chars.is_digit(rc) {
        return None;
    }
    if chars.is_digit(lc)
        && (lower_in(chars, rw, NUMBER_SUFFIXES) || rw.len() == 1 || chars.str_is_upper(rw))
    {
        return None; // "20GB", "2nd", "3D", "5GHz"
    }
    let joined = match joined {
        Some(j) => j,
        None => {
            let whole: Vec<char> = lw.iter().chain(rw).copied().collect();
            lex.logp(&whole, 1)
        }
    };
    let mut score = lex.logp(lw, 0) + lex.logp(rw, 0) - joined;
    if joined < KNOWN_FLOOR && (lower_in(chars, lw, PREFIXES) || lower_in(chars, rw, SUFFIXES)) {
        score -= PREFIX_PENALTY;
    }
    if lw.first().is_some_and(|&c| chars.is_upper(c))
        && rw.first().is_some_and(|&c| chars.is_upper(c))
        && chars.str_is_lower(&lw[1.min(lw.len())..])
    {
        score -= CAMEL_COMPOUND; // "InAs", "GaAs", "YouTube": one camel-case name
    }
    if lw.len() == 1 && !one_letter_word(lw) {
        score -= ONE_LETTER_PENALTY;
    }
    if rw.len() == 1 && !one_letter_word(rw) {
        score -= ONE_LETTER_PENALTY;
    }
    if chars.is_lower(lc) && chars.is_upper(rc) {
        if rw.len() > 1 && chars.str_is_lower(&rw[1..]) && chars.str_is_lower(lw) {
            score += CAMEL_BONUS; // "proposeFully"
        } else if rw.len() > 1 && chars.str_is_upper(rw) {
            score += ACRONYM_BONUS;
        } else if lw.len() > 1
            && chars.str_is_lower(lw)
            && chars.str_is_lower(&rw[1..2.min(rw.len())])
        {
            // "usingDataFrames": a lower-case word, then a camel-case name.
            score += CAMEL_BONUS;
        }
    } else if chars.is_upper(lc)
        && chars.is_lower(rc)
        && !(lw.len() >= 2 && chars.str_is_upper(lw) && rw.len() >= 3)
    {
        // "C|erebras", "LL|Ms": a capital run followed by lower case is one word.
        score -= CAMEL_BONUS;
    }
    Some(score)
}

/// The cuts inside one run of letters and digits, appended to *out* as (offset, score).
fn score_run(
    run: &[char],
    start: usize,
    lex: &Lexicon,
    out: &mut Vec<(usize, f64)>,
    work: &mut u64,
) {
    let chars = lex.chars;
    let low = chars.lower(run);
    let n = run.len();
    // Plain lower-case (or capitalised) letters: no casing cue can apply, so the word model
    // is inlined; anything else goes through alnum_score.
    let plain_case = lex.extra.is_empty()
        && chars.all_alpha(run)
        && (chars.str_is_lower(run) || chars.str_is_lower(&run[1..]));
    let low_key = to_string(&low);
    let joined = if plain_case && lex.known(&low_key).is_none() && lex.seen(&low_key) <= 1 {
        // The usual glued token, used once and in no list: an unknown string.
        UNKNOWN_BASE - UNKNOWN_PER_CHAR * n as f64
    } else {
        lex.logp(run, 1)
    };
    // Where both halves are English words, the whole is judged by the English list alone.
    let mut joined_english: Option<f64> = None;
    let prefix_penalty = if joined < KNOWN_FLOOR {
        PREFIX_PENALTY
    } else {
        0.0
    };
    // Byte offsets of the lower-case string's characters: its pieces are sliced from it
    // without building a string per cut.
    let ascii = low_key.len() == low.len();
    let at: Vec<usize> = if ascii {
        Vec::new()
    } else {
        low_key.char_indices().map(|(i, _)| i).collect()
    };
    for off in 1..n {
        *work += 1;
        if !plain_case {
            if let Some(score) = alnum_score(
                &run[..off],
                &run[off..],
                run[off - 1],
                run[off],
                lex,
                Some(joined),
            ) {
                out.push((start + off, score));
            }
            continue;
        }
        // Python slices the lower-case string by the run's offsets.
        let split = off.min(low.len());
        let byte = if ascii {
            split
        } else {
            at.get(split).copied().unwrap_or(low_key.len())
        };
        let Some((lw_key, rw_key)) = low_key.split_at_checked(byte) else {
            continue; // never: `at` holds the character boundaries
        };
        let (fl, sl) = lex.known_seen(lw_key);
        let (fr, sr) = lex.known_seen(rw_key);
        let lw_is_a = lw_key == "a";
        let rw_is_a = rw_key == "a";
        if ((off == 1 && !lw_is_a) || (fl.is_none() && sl == 0))
            && ((off == n - 1 && !rw_is_a) || (fr.is_none() && sr == 0))
        {
            // Two unknown halves never beat one unknown whole, and a lone letter other
            // than "a" is hardly a word: such cuts are not worth scoring.
            continue;
        }
        let whole = if fl.is_some() && fr.is_some() && (off > 1 || lw_is_a) && off < n - 1 {
            *joined_english.get_or_insert_with(|| lex.logp(run, IGNORE_TEXT))
        } else {
            joined
        };
        let left = if sl != 0 {
            lex.logp(&run[..off], 0)
        } else {
            match fl {
                None => UNKNOWN_BASE - UNKNOWN_PER_CHAR * off as f64,
                Some((_, log)) => log,
            }
        };
        let right = if sr != 0 {
            lex.logp(&run[off..], 0)
        } else {
            match fr {
                None => UNKNOWN_BASE - UNKNOWN_PER_CHAR * (n - off) as f64,
                Some((_, log)) => log,
            }
        };
        let mut score = left + right - whole;
        if is_prefix(lw_key) || is_suffix(rw_key) {
            score -= prefix_penalty;
        }
        if off == 1 && !(lw_key == "a" || lw_key == "i" || lw_key.is_empty()) {
            score -= ONE_LETTER_PENALTY;
            if chars.is_upper(run[0]) {
                score -= CAMEL_BONUS; // "C|erebras"
            }
        }
        if off == n - 1 && !rw_is_a {
            score -= ONE_LETTER_PENALTY;
        }
        out.push((start + off, score));
    }
}

/// Every allowed cut of *token* as (offset, score), in offset order.
///
/// Cuts inside a run of letters and digits, the common case, share one look-up of the
/// whole run. None falls inside an address, a file name or a code span
/// ([`crate::literals`]).
pub fn score_token(
    token: &[char],
    lex: &Lexicon,
    before: Before,
    work: &mut u64,
) -> Vec<(usize, f64)> {
    let chars = lex.chars;
    // At most about one cut per offset: the vector never grows.
    let mut out = Vec::with_capacity(token.len() + 1);
    let mut inside_math = before.dollars.rem_euclid(2) == 1;
    let literals = literal_spans(chars, token);
    if literals
        .iter()
        .any(|&(start, end)| start == 0 && end == token.len())
    {
        *work += token.len() as u64;
        return out; // an address or a file name: nothing in it is cut
    }
    if chars.all_alnum(token) {
        if !inside_math && token.len() >= 2 {
            score_run(token, 0, lex, &mut out, work);
        }
        return out;
    }
    let mut previous_end = 0;
    let mut i = 0;
    while i < token.len() {
        if !chars.is_alnum(token[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < token.len() && chars.is_alnum(token[j]) {
            j += 1;
        }
        if count(&token[previous_end..i], '$') % 2 == 1 {
            inside_math = !inside_math;
        }
        previous_end = j;
        let command = i > 0 && "\\^_".contains(token[i - 1]);
        if !inside_math && !command && j - i >= 2 {
            score_run(&token[i..j], i, lex, &mut out, work);
        }
        i = j;
    }
    // Cuts with a symbol on either side are judged by typography; none falls inside the
    // opening brackets or the closing punctuation of a token ("(word", "word).").
    let first = token.len() - strip(token, "([{", true, false).len();
    let last = strip(token, ".,;:!?)]}", false, true).len();
    let mut offsets: Vec<usize> = Vec::new();
    for (s, &c) in token.iter().enumerate() {
        if !chars.is_alnum(c) {
            if offsets.last() != Some(&s) {
                offsets.push(s);
            }
            offsets.push(s + 1);
        }
    }
    for off in offsets {
        *work += 1;
        if first < off && off < last {
            if let Some(score) = split_score(token, off, lex, before) {
                out.push((off, score));
            }
        }
    }
    if !literals.is_empty() {
        let inside = inside_mask(&literals, token.len());
        out.retain(|&(off, _)| !inside[off]);
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    out
}

fn close_score(
    token: &[char],
    left: &[char],
    lw: &[char],
    rw: &[char],
    lex: &Lexicon,
) -> Option<f64> {
    let chars = lex.chars;
    let lc = left[left.len() - 1];
    let before = second_last(left);
    if before == Some('\\') {
        return Some(NEVER); // "Yndur\'ain", "Schr\"odinger": an accent
    }
    // `left[-2:-1] in "-\u2010"` is also true of the empty string.
    if lc == '}' || before.is_none_or(|c| c == '-' || c == '\u{2010}') {
        return Some(NEVER); // "\textbf{NOT}gate", "(non-)Abelian"
    }
    if "'\u{2019}".contains(lc) && before.is_some_and(|c| chars.is_alnum(c) && c != 's') {
        return Some(NEVER); // "IBM's", "don't": an apostrophe inside a word
    }
    if lc == ')' {
        let inner: &[char] = match left.iter().rposition(|&c| c == '(') {
            Some(opened) if opened < left.len() - 1 => &left[opened + 1..left.len() - 1],
            Some(_) => &[],
            None => lw,
        };
        let unspaced: Vec<char> = inner.iter().copied().filter(|&c| c != ' ').collect();
        if inner.len() < 2 || !chars.all_alpha(&unspaced) {
            return None; // "Y(t)dt", "(2003)]": an argument or a citation
        }
    }
    if rw.is_empty() || !known_word(rw, lex, token, 2) || (chars.is_upper(rw[0]) && rw.len() < 3) {
        return None; // "(In,Ga)As"
    }
    if "'\u{2019}".contains(lc) {
        return None; // an apostrophe closes a quotation as often as it ends a word
    }
    if lc == '"' || lc == '`' {
        return Some(QUOTE_CUT); // a closing quote or code span, as split_score found
    }
    Some(CLOSE_CUT)
}

fn dot_score(
    token: &[char],
    left: &[char],
    lw: &[char],
    rw: &[char],
    lex: &Lexicon,
) -> Option<f64> {
    let chars = lex.chars;
    if lw.is_empty() || rw.is_empty() || !chars.is_alpha(rw[0]) {
        return None;
    }
    let low_token = chars.lower(token);
    if lower_in(chars, rw, DOT_TAILS) || low_token.starts_with(&['w', 'w', 'w']) {
        return Some(NEVER); // "arxiv.org", "data.json"
    }
    if lw.len() <= 2 && !chars.all_digit(lw) {
        if rw.len() == 1 && token.get(left.len() + 1) == Some(&'.') {
            return Some(NEVER); // "i.e.", "e.g.", "U.S."
        }
        return None; // "al.", "St.", "K.Hentschel"
    }
    let before_run = &left[..left.len().saturating_sub(lw.len() + 1)];
    let tail = &before_run[before_run.len().saturating_sub(2)..];
    if before_run.last() == Some(&'.') || tail.contains(&'.') {
        return None; // dotted abbreviations and names: "Ph.D.", "J.R.R."
    }
    if chars.is_upper(rw[0]) {
        return (rw.len() >= 2 || one_letter_word(rw)).then_some(SENTENCE_CUT);
    }
    // A lower-case word after a full stop: only when both sides are plain words.
    if known_word(lw, lex, token, 3) && known_word(rw, lex, token, 2) {
        return Some(CLAUSE_CUT - 3.0);
    }
    None
}

fn dollar_score(
    token: &[char],
    cut: usize,
    lw: &[char],
    rw: &[char],
    lex: &Lexicon,
    dollars_before: i64,
) -> Option<f64> {
    let chars = lex.chars;
    let (left, right) = token.split_at(cut);
    let balanced = (dollars_before + count(left, '$') as i64) % 2 == 0;
    let lc = left[left.len() - 1];
    if right[0] == '$' && balanced && chars.is_alpha(lc) {
        // "a$3.37times$": a word, then inline math that starts the next line; not
        // "Fr$\ddot o$hlich", where the math sits inside a word.
        if let Some(close) = right[1..].iter().position(|&c| c == '$').map(|i| i + 1) {
            if right.get(close + 1).is_some_and(|&c| chars.is_alpha(c)) {
                return None;
            }
        }
        if one_letter_word(lw) || (lw.len() >= 2 && known_word(lw, lex, token, 2)) {
            return Some(OPEN_CUT);
        }
        return None;
    }
    if right[0] == '$' && balanced && ",;:.)".contains(lc) {
        return Some(WEAK); // "$T_i$'s,$i=1$": a list of formulas
    }
    if lc == '$' && balanced && chars.is_alpha(right[0]) {
        // "$h$cycles": the end of inline math, then a word; not "CeAg$_2$Ge$_2$", where
        // the math is a subscript inside a formula.
        let opened = left[..left.len() - 1].iter().rposition(|&c| c == '$');
        if let Some(opened) = opened {
            if matches!(left.get(opened + 1), None | Some('_' | '^')) {
                return None;
            }
        }
        if rw.first().is_some_and(|&c| chars.is_lower(c)) && known_word(rw, lex, token, 2) {
            return Some(CLOSE_CUT);
        }
        return None;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::testing::chars;
    use crate::chars::Chars;
    use crate::fxhash::{FxHashMap, FxHashSet};
    use crate::lexicon::testing::english;

    fn with_lexicon(f: impl FnOnce(&Lexicon)) {
        let english = english(&[
            ("to", 1e-2),
            ("complex", 1e-4),
            ("integral", 2e-5),
            ("systems", 1e-4),
            ("as", 1e-2),
            ("accuracy", 3e-5),
            ("model", 1e-4),
            ("with", 1e-2),
            ("page", 1e-4),
            ("https", 1e-4),
            ("pre", 1e-5),
            ("training", 1e-4),
            ("achieved", 3e-5),
        ]);
        let table = Chars::new(&english.ascii, FxHashMap::default());
        let extra = FxHashSet::default();
        let lex = Lexicon::for_text(&english, &table, &[], &extra);
        f(&lex);
    }

    #[test]
    fn the_prefix_and_suffix_matches_hold_the_lists() {
        assert!(PREFIXES.iter().all(|w| is_prefix(w)));
        assert!(SUFFIXES.iter().all(|w| is_suffix(w)));
        assert!(!is_prefix("supe") && !is_suffix("ness2"));
    }

    #[test]
    fn a_glued_pair_scores_above_a_word() {
        with_lexicon(|lex| {
            let glued = split_score(&chars("tocomplex"), 2, lex, Before::default()).unwrap();
            let word = split_score(&chars("integral"), 5, lex, Before::default()).unwrap();
            assert!(glued > 5.0 && 5.0 > word, "{glued} {word}");
        });
    }

    #[test]
    fn typography_scores_sentence_ends_and_vetoes_numbers() {
        with_lexicon(|lex| {
            assert_eq!(
                split_score(&chars("systems.As"), 8, lex, Before::default()),
                Some(SENTENCE_CUT)
            );
            assert_eq!(
                split_score(&chars("1,000"), 2, lex, Before::default()),
                None
            );
            assert_eq!(
                split_score(&chars("100%accuracy"), 4, lex, Before::default()),
                Some(CLOSE_CUT)
            );
            assert_eq!(split_score(&chars("e.g."), 2, lex, Before::default()), None);
        });
    }

    #[test]
    fn score_token_lists_cuts_in_offset_order() {
        with_lexicon(|lex| {
            let mut work = 0;
            let cuts = score_token(&chars("modelwith"), lex, Before::default(), &mut work);
            assert!(cuts.windows(2).all(|w| w[0].0 < w[1].0));
            let best = cuts.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
            assert_eq!(best.0, 5);
            assert!(work > 0);
            // Inside inline math nothing is cut.
            let math = Before {
                dollars: 1,
                quotes: 0,
            };
            assert!(score_token(&chars("modelwith"), lex, math, &mut work).is_empty());
        });
    }

    #[test]
    fn no_cut_falls_inside_an_address_or_a_code_span() {
        with_lexicon(|lex| {
            let mut work = 0;
            // "x-pretraining.github.io" read as "x-pre training.github.io" before.
            let token = chars("page:https://x-pretraining.github.io/");
            let cuts = score_token(&token, lex, Before::default(), &mut work);
            assert!(cuts.iter().all(|&(off, _)| off <= 5), "{cuts:?}");
            // The start of the address is where a line can have ended (arXiv 2504.20042).
            assert!(cuts.iter().any(|&(off, _)| off == 5), "{cuts:?}");
            let token = chars("x-pretraining.github.io");
            assert!(score_token(&token, lex, Before::default(), &mut work).is_empty());
            // arXiv 2505.12000: "`claude-3.7-sonnet|`achieved".
            let token = chars("`claude-3.7-sonnet`achieved");
            let cuts = score_token(&token, lex, Before::default(), &mut work);
            assert!(cuts.iter().all(|&(off, _)| off >= 19), "{cuts:?}");
        });
    }

    #[test]
    fn a_latex_command_keeps_its_argument() {
        with_lexicon(|lex| {
            // arXiv 2506.08849, 2505.14009: "at\href|{https://...}", "\textbf|{ACM}".
            for (token, cut) in [("\\textbf{ACM}", 7), ("at\\href{https://x.org}", 7)] {
                assert_eq!(
                    split_score(&chars(token), cut, lex, Before::default()),
                    None,
                    "{token}"
                );
            }
            assert!(split_score(&chars("with\\emph{model}"), 4, lex, Before::default()).is_some());
        });
    }

    #[test]
    fn no_space_goes_just_inside_a_quotation() {
        with_lexicon(|lex| {
            let none = Before::default();
            // `"recipes"provide` read as `"recipes "provide`: the space goes after the quote.
            let token = chars("\"model\"with");
            assert_eq!(split_score(&token, 6, lex, none), None);
            assert_eq!(split_score(&token, 7, lex, none), Some(QUOTE_CUT));
            // Just inside an opening quote: "a(\" racemic\")" (arXiv quant-ph/0211178).
            assert_eq!(split_score(&chars("a(\"model\")"), 3, lex, none), None);
            // A quote opened in an earlier token closes here (arXiv 1606.03286).
            let opened = Before {
                dollars: 0,
                quotes: 1,
            };
            let token = chars("model\"with");
            assert_eq!(split_score(&token, 5, lex, opened), None);
            assert_eq!(split_score(&token, 6, lex, opened), Some(QUOTE_CUT));
            // With no quote open, the same `"` opens: the space goes before it.
            assert!(split_score(&token, 5, lex, none).is_some());
            assert_eq!(split_score(&token, 6, lex, none), None);
            // "Schr\"odinger" holds an accent, not a quote, and is not counted.
            assert_eq!(count_quotes(&chars(r#"Schr\"odinger "a""#)), 2);
        });
    }

    #[test]
    fn a_code_span_closes_like_a_quote() {
        with_lexicon(|lex| {
            // arXiv 2505.12000: "`claude-3.7-sonnet`|achieved".
            let token = chars("`claude-3.7-sonnet`achieved");
            let cuts = score_token(&token, lex, Before::default(), &mut 0);
            assert_eq!(cuts, [(19, QUOTE_CUT)]);
        });
    }
}
