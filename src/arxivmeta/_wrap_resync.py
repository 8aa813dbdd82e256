"""Keep the chain of line ends in step where one line end is unclear.

The greedy chain of :mod:`arxivmeta._wrap_chain` takes one step per line: the best line
end it can read. Where that end is wrong by a few characters (the true break sits next to
a citation, "et al.(2007)", where no space may be inserted), every following line starts
a little off, its width points just past the true break, and the breaks of several lines
are missed until a strong cut brings the chain back. Here each line keeps its few best
ends, including an end that inserts nothing at a letter-symbol boundary, and a dynamic
program picks the sequence that reads best over the whole text.

The abstract of arXiv funct-an/9509002, whose first line ends at "Jacobi|matrices", where
the word model alone is unsure:

>>> from arxivmeta._wrap_chain import DEFAULT_PARAMS, find_cuts
>>> text = ("The known correspondence between the Kronig-Penney model and certain "
...         "Jacobimatrices is extended to a wide class of Schroedinger operators on "
...         "graphs.Examples include rectangular lattices with and without a magnetic "
...         "field, orcomb-shaped graphs leading to a Maryland-type model.")
>>> [(c.left, c.right) for c in find_cuts(text, frozenset(), DEFAULT_PARAMS)]
[('Jacobi', 'matrices'), ('graphs.', 'Examples'), ('or', 'comb-shaped')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from arxivmeta._wrap_costs import (
    MISFIT_COST,
    Chain,
    Step,
    misfit_token,
    no_fit_end,
    paragraph_end,
    space_end,
    strong_ends,
)

if TYPE_CHECKING:
    from arxivmeta._wrap_doc import Doc

_ENDS_PER_LINE = 3
_STARTS_PER_LINE = 12


def resync_chain(
    doc: Doc,
    width: int,
    *,
    first_widths: tuple[int, ...],
    start: int,
    strong: list[tuple[int, float]],
    strong_pos: list[int],
) -> Chain | None:
    """The best chain of line ends from *start* at *width* (the first line at any of
    *first_widths*), each line choosing among its best few ends."""
    options: dict[int, list[Step]] = {}
    first = [
        _line_options(doc, start, w, strong, strong_pos) for w in first_widths if doc.n - start > w
    ]
    pending = [step.target for steps in first for step in steps]
    # Wrapped text reconverges within a line or two (abstracts reach at most nine line
    # starts per line); text that keeps branching was not wrapped at this width, and
    # following every branch would cost far more per character than the greedy chain.
    budget = _STARTS_PER_LINE * ((doc.n - start) // width + 1)
    while pending:
        p = pending.pop()
        if p in options or doc.n - p <= width:
            continue
        if len(options) >= budget:
            return None
        options[p] = _line_options(doc, p, width, strong, strong_pos)
        pending.extend(step.target for step in options[p])
    # Every step moves forward, so the values can be filled from the end of the text back.
    value: dict[int, tuple[float, Step | None, int]] = {}
    for p in sorted(options, reverse=True):
        value[p] = _best_step(options[p], value)
    best: tuple[float, Step | None, int] | None = None
    for steps in first:
        found = _best_step(steps, value)
        if best is None or found[0] > best[0]:
            best = found
    if best is None or best[1] is None:
        return None
    cuts: list[tuple[int, float]] = []
    step: Step | None = best[1]
    while step is not None:
        if step.cut >= 0:
            cuts.append((step.cut, step.gain))
        step = value.get(step.target, (0.0, None, 0))[1]
    return Chain(best[0], tuple(cuts), best[2])


def _best_step(
    steps: list[Step], value: dict[int, tuple[float, Step | None, int]]
) -> tuple[float, Step | None, int]:
    best: tuple[float, Step | None, int] = (float("-inf"), None, 0)
    for step in steps:
        rest, _, lines = value.get(step.target, (0.0, None, 0))
        if step.gain + rest > best[0]:
            best = (step.gain + rest, step, lines + 1)
    return best


def _line_options(
    doc: Doc, p: int, w: int, strong: list[tuple[int, float]], strong_pos: list[int]
) -> list[Step]:
    """The best few places where the line starting at *p* can end at width *w*."""
    end = p + w
    paragraph = paragraph_end(doc, p, end)
    if paragraph is not None:
        return [paragraph]
    space = space_end(doc, p, end)
    steps = [] if space is None else [space]
    k = doc.token_at(end - 1)
    if k >= 0:
        _token_ends(doc, k, p, end, cost=0.0, steps=steps)
    prev = misfit_token(doc, k, p, end)
    if prev >= 0:
        _token_ends(doc, prev, p, end, cost=MISFIT_COST, steps=steps)
    steps.extend(strong_ends(strong, strong_pos, p, end))
    if not steps:
        return [no_fit_end(doc, p, end)]
    best: dict[int, Step] = {}
    for step in steps:
        held = best.get(step.target)
        if held is None or step.gain > held.gain:
            best[step.target] = step
    return sorted(best.values(), key=lambda s: -s.gain)[:_ENDS_PER_LINE]


def _token_ends(doc: Doc, k: int, p: int, end: int, *, cost: float, steps: list[Step]) -> None:
    a = doc.spans[k][0]
    allowed: set[int] = set()
    for off, score in doc.cuts(k):
        pos = a + off
        if p < pos <= end:
            steps.append(Step(pos, score - cost, pos))
            allowed.add(pos)
    for pos, gain in doc.quiet_ends(k):
        if p < pos <= end and pos not in allowed:
            steps.append(Step(pos, gain - cost, -1))
