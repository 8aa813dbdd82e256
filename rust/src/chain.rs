//! Find the lost line breaks of flattened hard-wrapped text.
//!
//! Two sources of evidence are combined: each token's best cut, scored by
//! [`crate::junctions::split_score`]; and the geometry of hard wrapping: lines were filled
//! greedily up to a width *W* (60-84 columns), so a line starting at *p* ends inside the
//! token that covers column *p + W*, and the next line starts there. For every width a
//! dynamic program over line starts picks the cuts; the width whose chain reads best wins.
//! When no width explains the text, only cuts with strong evidence of their own are made.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::chars::Chars;
use crate::costs::{
    misfit_token, no_fit_end, paragraph_end, space_end, strong_ends, Chain, Step, HYPHEN_COST,
    MISFIT_COST,
};
use crate::doc::Doc;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::lexicon::English;
use crate::resync::resync_chain;

/// The geometry is only tried on abstract-sized texts; longer ones get local cuts only.
const MAX_GEOMETRY_CHARS: usize = 12_000;
const MAX_RESYNC_CHARS: i64 = 3_000; // arXiv abstracts are at most 1,920 characters
const CHUNK: usize = 8_192;
const GOOD_CUT: f64 = 2.0;
const WEAK_LINE: f64 = -4.0; // a line end scoring less reads as unclear
const RELAXED_SHARE: f64 = 0.7; // share of readable line ends that lets technical text in
const LONE_CUT: f64 = 5.0;
const MEDIUM_CUT: f64 = 3.0; // a cut that reads well on its own
const FIRST_LINE_INDENT: i64 = 2; // arXiv indents an abstract's first line by two spaces

/// The options of one search.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    pub local_threshold: f64,
    pub geometry_threshold: f64,
    pub min_width: i64,
    pub max_width: i64,
    pub max_token: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            local_threshold: 6.5,
            geometry_threshold: -7.0,
            min_width: 60,
            max_width: 84,
            max_token: 60,
        }
    }
}

/// Why a cut was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// The wrap geometry chose it.
    Width,
    /// It reads as two words on its own.
    Evidence,
}

/// A space to insert before `position`, inside the token `start..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cut {
    pub position: usize,
    pub token_start: usize,
    pub token_end: usize,
    pub rule: Rule,
    pub score: f64,
}

/// The shared inputs of one search.
pub struct Context<'a> {
    pub english: &'a English,
    pub chars: &'a Chars<'a>,
    pub extra: &'a FxHashSet<String>,
    pub params: Params,
}

/// Positions where a space restores a lost line break, in text order, and the units of
/// work the search took.
pub fn find_cuts(text: &[char], ctx: &Context) -> (Vec<Cut>, u64) {
    if text.len() <= MAX_GEOMETRY_CHARS {
        return find_cuts_in(text, ctx, true);
    }
    // A long text is repaired in pieces cut at spaces (the geometry is off anyway), which
    // keeps the work per character constant.
    let mut out = Vec::new();
    let mut work = 0;
    let n = text.len();
    let mut start = 0;
    while start < n {
        let mut end = n.min(start + CHUNK);
        if end < n {
            match text[start..end].iter().rposition(|&c| c == ' ') {
                Some(i) if start + i > start => end = start + i,
                _ => {
                    end = text[end..]
                        .iter()
                        .position(|&c| c == ' ')
                        .map_or(n, |i| end + i);
                }
            }
        }
        let piece = &text[start..end];
        if end - start <= CHUNK || has_two_tokens(ctx.chars, piece) {
            let (cuts, units) = find_cuts_in(piece, ctx, false);
            work += units;
            out.extend(cuts.into_iter().map(|c| Cut {
                position: c.position + start,
                token_start: c.token_start + start,
                token_end: c.token_end + start,
                ..c
            }));
        }
        // else: one token longer than any word, never cut
        work += (end - start) as u64;
        start = end;
    }
    (out, work)
}

fn has_two_tokens(chars: &Chars, piece: &[char]) -> bool {
    let mut tokens = 0;
    let mut in_token = false;
    for &c in piece {
        let space = chars.is_space(c);
        if !space && !in_token {
            tokens += 1;
            if tokens > 1 {
                return true;
            }
        }
        in_token = !space;
    }
    false
}

fn find_cuts_in(text: &[char], ctx: &Context, geometry: bool) -> (Vec<Cut>, u64) {
    let p = ctx.params;
    let doc = Doc::new(text, ctx.english, ctx.chars, ctx.extra, p.max_token);
    if doc.spans.is_empty() {
        return (Vec::new(), doc.work.get());
    }
    let widths = geometry && p.min_width <= doc.n && p.min_width <= p.max_width;
    if widths && doc.n > 2 * p.max_width && too_few_good_cuts(&doc, p.max_width) {
        // No width can read as wrapped without good cuts at a third of its line ends
        // (`reads_as_wrapped`), and a text of several lines that no width explains is left
        // alone: answering before the width search gives the same result for a fraction of
        // the work. Text never hard-wrapped, or repaired already, is mostly like this.
        return (Vec::new(), doc.work.get());
    }
    let mut strong: Vec<(i64, f64)> = Vec::with_capacity(doc.candidates.len());
    for &k in &doc.candidates {
        if let Some((off, score)) = doc.strong_cut(k, p.local_threshold) {
            strong.push((doc.starts[k] + off as i64, score));
        }
    }
    let mut chosen: BTreeMap<i64, (f64, Rule)> = BTreeMap::new();
    if widths {
        match Search::new(&doc, &strong).pick_chain(p.min_width, p.max_width) {
            Some(chain) => {
                for &(pos, score) in &chain.cuts {
                    if score >= p.geometry_threshold {
                        chosen.insert(pos, (score, Rule::Width));
                    }
                }
            }
            None if doc.n > 2 * p.max_width => {
                // Several lines of text and no width explains it: never wrapped, or
                // repaired already. Left alone, which keeps the repair idempotent.
                return (Vec::new(), doc.work.get());
            }
            None => {}
        }
    }
    for &(pos, score) in &strong {
        if geometry && before_first_wrap(&doc, pos, p.min_width) {
            continue;
        }
        if chosen.range(pos - 1..=pos + 1).next().is_none() {
            chosen.insert(pos, (score, Rule::Evidence));
        }
    }
    recut_pieces(&doc, &mut chosen, p.local_threshold);
    let mut out = Vec::with_capacity(chosen.len());
    for (&pos, &(score, rule)) in &chosen {
        let k = doc.token_at(pos);
        // Python's spans[-1] for a position on a space (which no cut is).
        let (a, b) = if k >= 0 {
            doc.spans[k as usize]
        } else {
            doc.spans[doc.spans.len() - 1]
        };
        out.push(Cut {
            position: pos as usize,
            token_start: a as usize,
            token_end: b as usize,
            rule,
            score,
        });
    }
    (out, doc.work.get())
}

/// Whether the text holds too few cuts that could end a line well for any width's chain to
/// read as wrapped: fewer than a third of the fewest line ends a chain can have.
///
/// A line end's gain is at most its cut's score (line-end costs are never negative), so a
/// good line end is one of the cuts scoring [`GOOD_CUT`] or more, each at its own position.
/// A line advances at most the widest width plus the token it cannot fit and the spaces
/// after it, and the last line needs no end, so a chain over `n` characters has at least
/// `(n - max_width) / (max_width + 2 + longest token + longest gap)` line ends.
fn too_few_good_cuts(doc: &Doc, max_width: i64) -> bool {
    let longest = doc.spans.iter().map(|&(a, b)| b - a).max().unwrap_or(0);
    let mut gap = doc.spans.first().map_or(0, |s| s.0);
    for pair in doc.spans.windows(2) {
        gap = gap.max(pair[1].0 - pair[0].1);
    }
    let advance = max_width + 2 + longest + gap;
    let fewest_ends = (doc.n - max_width + advance - 1) / advance;
    let mut good = 0i64;
    for &k in &doc.candidates {
        good += doc.cuts(k).iter().filter(|c| c.1 >= GOOD_CUT).count() as i64;
        if good * 3 >= fewest_ends {
            return false;
        }
    }
    true
}

/// Whether a cut at `pos` would end a first line too short to have been wrapped: greedy
/// wrapping breaks a line only when the next word would not fit.
fn before_first_wrap(doc: &Doc, pos: i64, min_width: i64) -> bool {
    let k = doc.token_at(pos);
    let end = if k >= 0 { doc.spans[k as usize].1 } else { pos };
    end + FIRST_LINE_INDENT < min_width
}

/// Cut again the pieces of cut tokens that read as glued on their own evidence
/// ("code.Aconvolutional" → "code." + "A" + "convolutional"), so that a second repair
/// finds nothing left to do.
fn recut_pieces(doc: &Doc, chosen: &mut BTreeMap<i64, (f64, Rule)>, threshold: f64) {
    let mut pending: Vec<i64> = chosen.keys().copied().collect();
    let mut seen: FxHashSet<i64> = FxHashSet::default();
    while let Some(pos) = pending.pop() {
        let k = doc.token_at(pos);
        if k < 0 || !seen.insert(k) {
            continue;
        }
        let (a, b) = doc.spans[k as usize];
        let mut bounds = vec![a];
        bounds.extend(chosen.range(a + 1..b).map(|(&p, _)| p));
        bounds.push(b);
        for pair in bounds.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let piece = &doc.text[start as usize..end as usize];
            if piece.len() < 2 || doc.is_plain_text(piece) {
                continue;
            }
            let cuts = doc.score_text(piece, doc.before(k as usize, start));
            // Python's max(): the first of the best.
            let mut best: Option<(usize, f64)> = None;
            for &cut in &cuts {
                if best.is_none_or(|b| cut.1 > b.1) {
                    best = Some(cut);
                }
            }
            if let Some((off, score)) = best {
                if score >= threshold {
                    let at = start + off as i64;
                    chosen.insert(at, (score, Rule::Evidence));
                    seen.remove(&k);
                    pending.push(at);
                }
            }
        }
    }
}

type Values = Rc<Vec<(i64, f64)>>;

/// One frame of the chain search: the line ends from `p` for `widths`.
struct Frame {
    p: i64,
    widths: Vec<i64>,
    cache: bool,
    out: Vec<(i64, f64)>,
    groups: Vec<(Step, Vec<i64>)>,
    next: usize,
}

/// The width/chain search over one prepared text.
struct Search<'d, 'a> {
    doc: &'d Doc<'a>,
    strong: &'d [(i64, f64)],
    strong_pos: Vec<i64>,
    memo: FxHashMap<(i64, i64), Step>,
    /// Chain values by line start, then by the widths followed from there: looked up by
    /// the widths' slice, without copying them into a key.
    tails: FxHashMap<i64, Vec<(Vec<i64>, Values)>>,
}

impl<'d, 'a> Search<'d, 'a> {
    fn new(doc: &'d Doc<'a>, strong: &'d [(i64, f64)]) -> Self {
        Search {
            doc,
            strong,
            strong_pos: strong.iter().map(|s| s.0).collect(),
            // About a line end per token and width group: no rehashing as the search runs.
            memo: FxHashMap::with_capacity_and_hasher(2 * doc.spans.len(), Default::default()),
            tails: FxHashMap::with_capacity_and_hasher(doc.spans.len(), Default::default()),
        }
    }

    /// Where the line starting at *p* ends when the text was wrapped at width *w*.
    fn line_end(&self, p: i64, w: i64) -> Step {
        let doc = self.doc;
        doc.add_work(1);
        let end = p + w;
        if let Some(paragraph) = paragraph_end(doc, p, end) {
            return paragraph;
        }
        let mut best = space_end(doc, p, end);
        let k = doc.token_at(end - 1);
        if k >= 0 {
            best = best_cut(doc, k as usize, p, end, 0.0, best);
        }
        if best.is_none_or(|b| b.gain < GOOD_CUT) {
            let prev = misfit_token(doc, k, p, end);
            if prev >= 0 {
                best = best_cut(doc, prev as usize, p, end, MISFIT_COST, best);
            }
        }
        for step in strong_ends(self.strong, &self.strong_pos, p, end) {
            if best.is_none_or(|b| step.gain > b.gain) {
                best = Some(step);
            }
        }
        match best {
            // A width narrower than the indentation can point before the line's start
            // (where the Python search recursed without end): resume after the next token.
            Some(step) if step.target > p => step,
            _ => no_fit_end(doc, p, end),
        }
    }

    /// Start the frame for the lines from *p*, or answer at once from the cache.
    fn open(&mut self, p: i64, widths: &[i64], indent: i64) -> Result<Values, Frame> {
        if indent == 0 {
            let held = self.tails.get(&p).and_then(|tails| {
                tails
                    .iter()
                    .find(|(followed, _)| *followed == widths)
                    .map(|(_, found)| found.clone())
            });
            if let Some(found) = held {
                return Ok(found);
            }
        }
        let mut out = Vec::with_capacity(widths.len());
        let mut groups: Vec<(Step, Vec<i64>)> = Vec::with_capacity(widths.len().min(8));
        for &width in widths {
            let w = width - indent;
            if self.doc.n - p <= w {
                out.push((width, 0.0));
                continue;
            }
            let step = match self.memo.get(&(p, w)) {
                Some(&step) => step,
                None => {
                    let step = self.line_end(p, w);
                    self.memo.insert((p, w), step);
                    step
                }
            };
            match groups.iter_mut().find(|(held, _)| *held == step) {
                Some((_, group)) => group.push(width),
                None => {
                    // Widths mostly agree on a line's end: room for all of them.
                    let mut group = Vec::with_capacity(widths.len());
                    group.push(width);
                    groups.push((step, group));
                }
            }
        }
        Err(Frame {
            p,
            widths: widths.to_vec(),
            cache: indent == 0,
            out,
            groups,
            next: 0,
        })
    }

    /// Follow the greedy line ends from *p* for all *widths* at once and return each
    /// width's chain value, in the order Python's dictionary held them; widths that agree
    /// on where a line ends share the work of the lines after it. Iterative: a text of
    /// thousands of short lines must not exhaust the stack.
    fn chains(&mut self, p: i64, widths: &[i64], indent: i64) -> Values {
        let mut stack = match self.open(p, widths, indent) {
            Ok(found) => return found,
            Err(frame) => vec![frame],
        };
        let mut result: Option<Values> = None;
        loop {
            let Some(top) = stack.last_mut() else {
                return result.unwrap_or_default();
            };
            if let Some(rest) = result.take() {
                let (step, group) = &top.groups[top.next];
                for &width in group {
                    let tail = rest.iter().find(|(w, _)| *w == width).map_or(0.0, |v| v.1);
                    top.out.push((width, step.gain + tail));
                }
                top.next += 1;
            }
            if top.next < top.groups.len() {
                let (step, group) = &top.groups[top.next];
                // The widths are copied only when they start a frame: a cached tail is
                // found by comparing them.
                match self.open(step.target, group, 0) {
                    Ok(found) => result = Some(found),
                    Err(frame) => stack.push(frame),
                }
                continue;
            }
            let Some(frame) = stack.pop() else {
                return result.unwrap_or_default();
            };
            let out = Rc::new(frame.out);
            if frame.cache {
                let tails = self.tails.entry(frame.p).or_default();
                match tails
                    .iter_mut()
                    .find(|(followed, _)| *followed == frame.widths)
                {
                    Some((_, held)) => *held = out.clone(),
                    None => tails.push((frame.widths, out.clone())),
                }
            }
            if stack.is_empty() {
                return out;
            }
            result = Some(out);
        }
    }

    /// Widths consistent with the most pairs of confident cuts one line apart.
    ///
    /// Two confident cuts *d* characters apart with no other break between them bound the
    /// width: the line fitted (`W >= d`) and the next word did not (`W < d + 1 + len`).
    fn likely_widths(&self, min_w: i64, max_w: i64, strong: &[(i64, f64)], slack: i64) -> Vec<i64> {
        let doc = self.doc;
        let size = (max_w + 2).max(0);
        let mut votes = vec![0i64; size as usize];
        // Python's negative indices count from the end of the list.
        let index = |w: i64| -> Option<usize> {
            let i = if w < 0 { w + size } else { w };
            (0..size).contains(&i).then_some(i as usize)
        };
        for pair in strong.windows(2) {
            let (x, y) = (pair[0].0, pair[1].0);
            let d = y - x;
            if d > max_w || d < min_w - 20 {
                continue;
            }
            let k = doc.token_at(y);
            let next = if k >= 0 {
                doc.spans[k as usize].1 - y
            } else {
                1
            };
            for width in d.max(min_w)..=(d + next).min(max_w) {
                if let Some(i) = index(width) {
                    votes[i] += 1;
                }
            }
        }
        let top = votes.iter().copied().max().unwrap_or(0);
        if top == 0 {
            return (min_w..=max_w).collect();
        }
        let floor = (top - slack).max(1);
        (min_w..=max_w)
            .filter(|&w| index(w).is_some_and(|i| votes[i] >= floor))
            .collect()
    }

    fn pick_chain(&mut self, min_w: i64, max_w: i64) -> Option<Chain> {
        let doc = self.doc;
        let mut widths = self.likely_widths(min_w, max_w, self.strong, 0);
        if widths.len() as i64 > max_w - min_w {
            // No two confident cuts one line apart: let cuts of medium evidence vote.
            let mut medium = Vec::new();
            for &k in &doc.candidates {
                if let Some((off, score)) = doc.strong_cut(k, MEDIUM_CUT) {
                    medium.push((doc.starts[k] + off as i64, score));
                }
            }
            // Medium cuts include more false ones: widths a vote short stay in.
            widths = self.likely_widths(min_w, max_w, &medium, 1);
        }
        let mut best: Option<(f64, i64, i64)> = None;
        for indent in [0, FIRST_LINE_INDENT] {
            let found = self.chains(0, &widths, indent);
            for &(width, value) in found.iter() {
                if best.is_none_or(|b| value > b.0) {
                    best = Some((value, width, indent));
                }
            }
        }
        let (best_value, best_width, best_indent) = best?;
        let steps = self.greedy_steps(best_width, best_indent)?;
        let greedy = Chain {
            value: best_value,
            cuts: steps
                .iter()
                .filter(|(_, s)| s.cut >= 0)
                .map(|(_, s)| (s.cut, s.gain))
                .collect(),
            lines: steps.len(),
        };
        if !reads_as_wrapped(&greedy, RELAXED_SHARE) {
            return None;
        }
        let unclear = steps.iter().position(|(_, step)| is_unclear(step));
        let Some(unclear) = unclear else {
            return Some(greedy); // every line ends in a readable cut
        };
        if doc.n > MAX_RESYNC_CHARS {
            return Some(greedy); // longer than an abstract: the resync would cost more
        }
        // From the line before the first unclear end on, the greedy chain may have lost
        // step: let each line choose among its best few ends, at the width it chose.
        let kept = &steps[..unclear.saturating_sub(1)];
        let start = steps[kept.len()].0;
        let first: Vec<i64> = if start == 0 {
            vec![best_width, best_width - FIRST_LINE_INDENT]
        } else {
            vec![best_width]
        };
        let Some(tail) = resync_chain(
            doc,
            best_width,
            &first,
            start,
            self.strong,
            &self.strong_pos,
        ) else {
            return Some(greedy); // the lines keep branching: the greedy chain stands
        };
        let mut kept_value = 0.0;
        for (_, step) in kept {
            kept_value += step.gain;
        }
        let mut cuts: Vec<(i64, f64)> = kept
            .iter()
            .filter(|(_, s)| s.cut >= 0)
            .map(|(_, s)| (s.cut, s.gain))
            .collect();
        cuts.extend_from_slice(&tail.cuts);
        let resynced = Chain {
            value: kept_value + tail.value,
            cuts,
            lines: kept.len() + tail.lines,
        };
        reads_as_wrapped(&resynced, 0.0).then_some(resynced)
    }

    /// The greedy chain's lines at *width* as (start, step), read back from the memo.
    fn greedy_steps(&self, width: i64, indent: i64) -> Option<Vec<(i64, Step)>> {
        let mut steps = Vec::with_capacity((self.doc.n / width.max(1)).max(0) as usize + 2);
        let (mut p, mut w) = (0, width - indent);
        while self.doc.n - p > w {
            let step = *self.memo.get(&(p, w))?;
            steps.push((p, step));
            p = step.target;
            w = width;
        }
        Some(steps)
    }
}

fn best_cut(
    doc: &Doc,
    k: usize,
    p: i64,
    end: i64,
    cost: f64,
    mut best: Option<Step>,
) -> Option<Step> {
    if let Some((pos, score)) = best_in_line(doc, k, p, end) {
        if best.is_none_or(|b| score - cost > b.gain) {
            best = Some(Step {
                target: pos,
                gain: score - cost,
                cut: pos,
            });
        }
    }
    if best.is_none_or(|b| b.gain < -HYPHEN_COST - cost) {
        // After a hyphen the line may end with nothing to repair; the last such place.
        for &(pos, gain) in doc.quiet_ends(k).iter() {
            if gain == -HYPHEN_COST && p < pos && pos <= end {
                best = Some(Step {
                    target: pos,
                    gain: gain - cost,
                    cut: -1,
                });
            }
        }
    }
    best
}

/// The first of token *k*'s cuts ranked best first (by score, then position) that falls
/// inside the line `p..=end`: the line's best cut, the leftmost of equals.
fn best_in_line(doc: &Doc, k: usize, p: i64, end: i64) -> Option<(i64, f64)> {
    // The cuts come in position order: one pass keeps the highest score, the first of
    // equals, without sorting them.
    let a = doc.spans[k].0;
    let mut best: Option<(i64, f64)> = None;
    for &(off, score) in doc.cuts(k).iter() {
        if score.is_nan() {
            return ranked_in_line(doc, k, p, end); // no order to scan by
        }
        let pos = a + off as i64;
        if p < pos && pos <= end && best.is_none_or(|b| score > b.1) {
            best = Some((pos, score));
        }
    }
    best
}

/// [`best_in_line`] read off the ranked list itself.
fn ranked_in_line(doc: &Doc, k: usize, p: i64, end: i64) -> Option<(i64, f64)> {
    doc.ranked_cuts(k)
        .iter()
        .map(|&(pos, score)| (pos as i64, score))
        .find(|&(pos, _)| p < pos && pos <= end)
}

fn is_unclear(step: &Step) -> bool {
    step.cut < 0 || step.gain < WEAK_LINE
}

/// Whether *chain* explains the text as hard-wrapped: enough of its lines end in a cut
/// that reads well (half of them; a third for technical text whose other lines read).
fn reads_as_wrapped(chain: &Chain, relaxed_share: f64) -> bool {
    if chain.lines == 0 {
        return false;
    }
    let lines = chain.lines;
    let good = chain.cuts.iter().filter(|c| c.1 >= GOOD_CUT).count();
    let readable = chain.cuts.iter().filter(|c| c.1 >= WEAK_LINE).count();
    let relaxed =
        lines >= 3 && readable as f64 >= relaxed_share * lines as f64 && good * 3 >= lines;
    if good == 0 || (good * 2 < lines && !relaxed) {
        return false;
    }
    // One break in a two-line text: the cut must read well on its own.
    let top = chain
        .cuts
        .iter()
        .map(|c| c.1)
        .fold(f64::NEG_INFINITY, f64::max);
    !(good == 1 && top < LONE_CUT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::testing::chars;
    use crate::lexicon::testing::english;

    const FUNCTION_WORDS: &[&str] = &[
        "in", "this", "we", "at", "and", "a", "with", "two", "of", "the", "to", "is",
    ];

    fn words() -> English {
        let common = "in this paper we study distributed training at scale and propose a model \
                      with two parts of the to is";
        english(
            &common
                .split(' ')
                .map(|w| {
                    (
                        w,
                        if FUNCTION_WORDS.contains(&w) {
                            1e-2
                        } else {
                            1e-4
                        },
                    )
                })
                .collect::<Vec<_>>(),
        )
    }

    fn search(text: &str, english: &English) -> (Vec<Cut>, u64) {
        let table = Chars::new(&english.ascii, FxHashMap::default());
        let extra = FxHashSet::default();
        let ctx = Context {
            english,
            chars: &table,
            extra: &extra,
            params: Params::default(),
        };
        find_cuts(&chars(text), &ctx)
    }

    #[test]
    fn the_wrap_geometry_finds_the_glued_pair() {
        let english = words();
        let text = "In this paper we study distributed training at scale, and we propose a \
                    modelwith two";
        let (cuts, _) = search(text, &english);
        assert_eq!(cuts.len(), 1);
        assert_eq!(cuts[0].position, text.find("with two").unwrap());
        assert_eq!(cuts[0].rule, Rule::Width);
    }

    #[test]
    fn text_without_a_good_cut_skips_the_width_search() {
        let english = words();
        // Several lines of known words, never hard-wrapped: no token can end a line well.
        let text = "In this paper we study distributed training at scale and we propose a \
                    model with two parts. "
            .repeat(4);
        let (cuts, work) = search(&text, &english);
        assert!(cuts.is_empty());
        // The document set-up and the token scores only: a unit per character and per
        // scored character, where the width search would add a unit per line end tried.
        assert!(
            work <= 2 * text.len() as u64,
            "{work} units for {}",
            text.len()
        );
    }

    #[test]
    fn short_text_is_left_alone() {
        let english = words();
        assert!(search("a modelwith two", &english).0.is_empty());
        assert!(search("", &english).0.is_empty());
    }

    #[test]
    fn many_short_lines_do_not_exhaust_the_stack() {
        let english = words();
        let text = " , ".repeat(4000);
        let (cuts, work) = search(&text, &english);
        assert!(cuts.is_empty());
        assert!(work > 0);
    }

    #[test]
    fn widths_narrower_than_the_indent_end() {
        let english = words();
        let table = Chars::new(&english.ascii, FxHashMap::default());
        let extra = FxHashSet::default();
        let params = Params {
            min_width: 1,
            max_width: 90,
            ..Params::default()
        };
        let ctx = Context {
            english: &english,
            chars: &table,
            extra: &extra,
            params,
        };
        let (_, work) = find_cuts(&chars(&"ab cd ".repeat(60)), &ctx);
        assert!(work > 0);
    }

    #[test]
    fn work_grows_linearly() {
        let english = words();
        let line = "we study distributed trainingat scale and propose a modelwith two parts ";
        let (_, small) = search(&line.repeat(20), &english);
        let (_, large) = search(&line.repeat(400), &english);
        assert!(large < small * 40, "{small} {large}");
    }

    #[test]
    fn a_line_best_cut_is_the_first_of_the_ranked_cuts() {
        let english = words();
        let table = Chars::new(&english.ascii, FxHashMap::default());
        let extra = FxHashSet::default();
        let text = chars("we propose atwoparts modelwithtwo partsofthe scale.Andtraining");
        let doc = Doc::new(&text, &english, &table, &extra, 60);
        assert!(!doc.candidates.is_empty());
        for &k in &doc.candidates {
            let (a, b) = doc.spans[k];
            for p in a - 2..b {
                for end in p..b + 2 {
                    assert_eq!(
                        best_in_line(&doc, k, p, end),
                        ranked_in_line(&doc, k, p, end),
                        "token {k}, line {p}..={end}"
                    );
                }
            }
        }
    }
}
