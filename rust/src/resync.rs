//! Keep the chain of line ends in step where one line end is unclear.
//!
//! The greedy chain takes one step per line: the best line end it can read. Where that end
//! is wrong by a few characters (the true break sits next to a citation, "et al.(2007)",
//! where no space may be inserted), every following line starts a little off. Here each
//! line keeps its few best ends, including an end that inserts nothing at a letter-symbol
//! boundary, and a dynamic program picks the sequence that reads best over the whole text.

use crate::costs::{
    misfit_token, no_fit_end, paragraph_end, space_end, strong_ends, Chain, Step, MISFIT_COST,
};
use crate::doc::Doc;
use crate::fxhash::{FxHashMap, FxHashSet};

const ENDS_PER_LINE: usize = 3;
const STARTS_PER_LINE: i64 = 12;

type Value = (f64, Option<Step>, usize);

/// The best chain of line ends from *start* at *width* (the first line at any of
/// *first_widths*), each line choosing among its best few ends.
pub fn resync_chain(
    doc: &Doc,
    width: i64,
    first_widths: &[i64],
    start: i64,
    strong: &[(i64, f64)],
    strong_pos: &[i64],
) -> Option<Chain> {
    let mut options: FxHashMap<i64, Vec<Step>> = FxHashMap::default();
    let first: Vec<Vec<Step>> = first_widths
        .iter()
        .filter(|&&w| doc.n - start > w)
        .map(|&w| line_options(doc, start, w, strong, strong_pos))
        .collect();
    let mut pending: Vec<i64> = first.iter().flatten().map(|s| s.target).collect();
    // Wrapped text reconverges within a line or two; text that keeps branching was not
    // wrapped at this width, and following every branch would cost far more.
    let budget = STARTS_PER_LINE * ((doc.n - start).div_euclid(width.max(1)) + 1);
    while let Some(p) = pending.pop() {
        if options.contains_key(&p) || doc.n - p <= width {
            continue;
        }
        if options.len() as i64 >= budget {
            return None;
        }
        let steps = line_options(doc, p, width, strong, strong_pos);
        pending.extend(steps.iter().map(|s| s.target));
        options.insert(p, steps);
        doc.add_work(1);
    }
    // Every step moves forward, so the values can be filled from the end of the text back.
    let mut order: Vec<i64> = options.keys().copied().collect();
    order.sort_unstable_by(|a, b| b.cmp(a));
    let mut value: FxHashMap<i64, Value> = FxHashMap::default();
    for p in order {
        let found = best_step(&options[&p], &value);
        value.insert(p, found);
    }
    let mut best: Option<Value> = None;
    for steps in &first {
        let found = best_step(steps, &value);
        if best.is_none_or(|b| found.0 > b.0) {
            best = Some(found);
        }
    }
    let (total, first_step, lines) = best?;
    let mut step = first_step?;
    let mut cuts = Vec::new();
    let mut visited = FxHashSet::default();
    loop {
        if step.cut >= 0 {
            cuts.push((step.cut, step.gain));
        }
        match value.get(&step.target).and_then(|v| v.1) {
            // Targets only move forward; the guard keeps a broken invariant from looping.
            Some(next) if visited.insert(next.target) => step = next,
            _ => break,
        }
    }
    Some(Chain {
        value: total,
        cuts,
        lines,
    })
}

fn best_step(steps: &[Step], value: &FxHashMap<i64, Value>) -> Value {
    let mut best: Value = (f64::NEG_INFINITY, None, 0);
    for &step in steps {
        let (rest, _, lines) = value.get(&step.target).copied().unwrap_or((0.0, None, 0));
        if step.gain + rest > best.0 {
            best = (step.gain + rest, Some(step), lines + 1);
        }
    }
    best
}

/// The best few places where the line starting at *p* can end at width *w*.
fn line_options(doc: &Doc, p: i64, w: i64, strong: &[(i64, f64)], strong_pos: &[i64]) -> Vec<Step> {
    let end = p + w;
    if let Some(paragraph) = paragraph_end(doc, p, end) {
        return vec![paragraph];
    }
    let mut steps: Vec<Step> = Vec::with_capacity(16);
    steps.extend(space_end(doc, p, end));
    let k = doc.token_at(end - 1);
    if k >= 0 {
        token_ends(doc, k as usize, p, end, 0.0, &mut steps);
    }
    let prev = misfit_token(doc, k, p, end);
    if prev >= 0 {
        token_ends(doc, prev as usize, p, end, MISFIT_COST, &mut steps);
    }
    steps.extend(strong_ends(strong, strong_pos, p, end));
    if steps.is_empty() {
        return vec![no_fit_end(doc, p, end)];
    }
    // The best step per target, in the order the targets first appear.
    let mut best: Vec<Step> = Vec::with_capacity(steps.len());
    for step in steps {
        match best.iter_mut().find(|held| held.target == step.target) {
            Some(held) => {
                if step.gain > held.gain {
                    *held = step;
                }
            }
            None => best.push(step),
        }
    }
    // A stable sort, best gain first, as Python's `sorted(key=-gain)`.
    best.sort_by(|a, b| {
        b.gain
            .partial_cmp(&a.gain)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    best.truncate(ENDS_PER_LINE);
    best
}

fn token_ends(doc: &Doc, k: usize, p: i64, end: i64, cost: f64, steps: &mut Vec<Step>) {
    let a = doc.spans[k].0;
    let mut allowed: Vec<i64> = Vec::with_capacity(16);
    for &(off, score) in doc.cuts(k).iter() {
        let pos = a + off as i64;
        if p < pos && pos <= end {
            steps.push(Step {
                target: pos,
                gain: score - cost,
                cut: pos,
            });
            allowed.push(pos);
        }
    }
    for &(pos, gain) in doc.quiet_ends(k).iter() {
        if p < pos && pos <= end && !allowed.contains(&pos) {
            steps.push(Step {
                target: pos,
                gain: gain - cost,
                cut: -1,
            });
        }
    }
}
