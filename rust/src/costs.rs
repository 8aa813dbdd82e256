//! Line ends and their costs, shared by the greedy chain and its resynchronisation.
//!
//! A chain of line ends is scored by the sum of its steps' gains: the score of each
//! inserted space, minus a cost for line ends that break the pattern of greedy wrapping.

use crate::doc::{bisect_left, bisect_right, Doc};

pub const SPACE_COST: f64 = 8.0; // a line that ended in a space: allowed, but off-pattern
pub const HYPHEN_COST: f64 = 1.0; // "long-\nterm": nothing to repair
pub const SHORT_LINE_COST: f64 = 5.0; // a strong cut that ends a short (paragraph) line
pub const FAR_SPACE: i64 = 25; // a line ending at a space ends near the width
pub const SLACK: i64 = 12; // how far before the width a misfit line may end
pub const MISFIT_COST: f64 = 3.0; // a line that ended one word early
pub const HYPHENS: &str = "-\u{2010}";
/// A line end that inserts nothing, where a letter meets a symbol ("al.|(2007)").
pub const SILENT_END_COST: f64 = 6.0;

/// One line end: where the next line starts, what it adds, and the space it inserts.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub target: i64,
    pub gain: f64,
    pub cut: i64, // position of an inserted space, or -1
}

impl PartialEq for Step {
    fn eq(&self, other: &Self) -> bool {
        // As Python compares the tuples: 0.0 == -0.0.
        self.target == other.target && self.gain == other.gain && self.cut == other.cut
    }
}

/// Line ends from some start to the end of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Chain {
    pub value: f64,
    pub cuts: Vec<(i64, f64)>,
    pub lines: usize,
}

/// An indented line inside the width starts a paragraph: the line before ends there.
pub fn paragraph_end(doc: &Doc, p: i64, end: i64) -> Option<Step> {
    let starts = &doc.paragraph_starts;
    let i = bisect_right(starts, p);
    (i < starts.len() && starts[i] <= end).then(|| Step {
        target: starts[i],
        gain: 0.0,
        cut: -1,
    })
}

/// The line ending at its last space, when that space is near the width.
pub fn space_end(doc: &Doc, p: i64, end: i64) -> Option<Step> {
    let spaces = &doc.space_starts;
    let i = bisect_right(spaces, end) as i64 - 1;
    let last_space = if i >= 0 && spaces[i as usize] > p {
        spaces[i as usize]
    } else {
        -1
    };
    (last_space > end - FAR_SPACE).then(|| Step {
        target: last_space + 1,
        gain: -SPACE_COST,
        cut: -1,
    })
}

/// The token before token *k* (or before *end*, on a space), if a line that ended one
/// word early can end in it; else -1.
pub fn misfit_token(doc: &Doc, k: i64, p: i64, end: i64) -> i64 {
    let prev = if k >= 0 {
        k
    } else {
        bisect_right(&doc.starts, end - 1) as i64
    } - 1;
    if prev >= 0 && doc.spans[prev as usize].1 > p.max(end - SLACK) {
        prev
    } else {
        -1
    }
}

/// Strongly evidenced cuts inside the line, each ending a short (paragraph) line.
pub fn strong_ends<'s>(
    strong: &'s [(i64, f64)],
    strong_pos: &[i64],
    p: i64,
    end: i64,
) -> impl Iterator<Item = Step> + 's {
    let lo = bisect_right(strong_pos, p);
    let hi = bisect_right(strong_pos, end).max(lo);
    strong[lo..hi].iter().map(|&(pos, score)| Step {
        target: pos,
        gain: score - SHORT_LINE_COST,
        cut: pos,
    })
}

/// Nothing fits the width (a long formula or URL): resume after the next token.
pub fn no_fit_end(doc: &Doc, p: i64, end: i64) -> Step {
    let next = bisect_left(&doc.starts, end);
    let target = doc.starts.get(next).copied().unwrap_or(doc.n);
    Step {
        target: target.max(p + 1),
        gain: -2.0 * SPACE_COST,
        cut: -1,
    }
}
