"""Find the lost line breaks of flattened hard-wrapped text.

Two sources of evidence are combined:

* each token's best cut, scored by :func:`arxivmeta._wrap_junctions.split_score`;
* the geometry of hard wrapping: lines were filled greedily up to a width *W* (60-84
  columns), so a line starting at *p* ends inside the token that covers column *p + W*,
  and the next line starts there. For every width a dynamic program over line starts
  picks the cuts (greedy breaks, paragraph breaks at indentation, or strongly evidenced
  short lines); the width whose chain of cuts reads best wins.

When no width explains the text (it was never wrapped, or was wrapped by hand), only cuts
with strong evidence on their own are made.

>>> text = "In this paper we study distributed training at scale, and we propose a modelwith two"
>>> [(c.left, c.right) for c in find_cuts(text, frozenset(), DEFAULT_PARAMS)]
[('model', 'with')]
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from arxivmeta._wrap_costs import (
    HYPHEN_COST,
    MISFIT_COST,
    Chain,
    Step,
    misfit_token,
    no_fit_end,
    paragraph_end,
    space_end,
    strong_ends,
)
from arxivmeta._wrap_doc import Doc
from arxivmeta._wrap_resync import resync_chain

#: (local threshold, geometry threshold, min width, max width, max token length)
DEFAULT_PARAMS = (6.5, -7.0, 60, 84, 60)

# The geometry is only tried on abstract-sized texts; longer ones get local cuts only, which
# keeps the work per character constant.
_MAX_GEOMETRY_CHARS = 12_000
_MAX_RESYNC_CHARS = 3_000  # arXiv abstracts are at most 1,920 characters
_CHUNK = 8_192
_GOOD_CUT = 2.0
_WEAK_LINE = -4.0  # a line end scoring less reads as unclear
_RELAXED_SHARE = 0.7  # share of readable line ends that lets technical text through
_LONE_CUT = 5.0
_MEDIUM_CUT = 3.0  # a cut that reads well on its own; most lines of a real chain have one
_FIRST_LINE_INDENT = 2  # arXiv indents an abstract's first line by two spaces


class Cut(NamedTuple):
    """A space to insert before ``position``, with the words on each side and why."""

    position: int
    left: str
    right: str
    rule: str
    score: float


def _line_end(
    doc: Doc, p: int, w: int, strong: list[tuple[int, float]], strong_pos: list[int]
) -> Step:
    """Where the line starting at *p* ends when the text was wrapped at width *w*."""
    end = p + w
    paragraph = paragraph_end(doc, p, end)
    if paragraph is not None:
        return paragraph
    best = space_end(doc, p, end)
    k = doc.token_at(end - 1)
    if k >= 0:
        best = _best_cut(doc, k, p, end, cost=0.0, best=best)
    if best is None or best.gain < _GOOD_CUT:
        prev = misfit_token(doc, k, p, end)
        if prev >= 0:
            best = _best_cut(doc, prev, p, end, cost=MISFIT_COST, best=best)
    for step in strong_ends(strong, strong_pos, p, end):
        if best is None or step.gain > best.gain:
            best = step
    return no_fit_end(doc, p, end) if best is None else best


def _best_cut(doc: Doc, k: int, p: int, end: int, *, cost: float, best: Step | None) -> Step | None:
    for pos, score in doc.ranked_cuts(k):
        if p < pos <= end:
            # The first cut in the line is the best one it can end at.
            if best is None or score - cost > best.gain:
                best = Step(pos, score - cost, pos)
            break
    if best is None or best.gain < -HYPHEN_COST - cost:
        # After a hyphen the line may end with nothing to repair; the last such place.
        for pos, gain in doc.quiet_ends(k):
            if gain == -HYPHEN_COST and p < pos <= end:
                best = Step(pos, gain - cost, -1)
    return best


def _chains(
    doc: Doc,
    p: int,
    widths: list[int],
    *,
    indent: int,
    strong: list[tuple[int, float]],
    strong_pos: list[int],
    memo: dict[tuple[int, int], Step],
    tails: dict[tuple[int, tuple[int, ...]], dict[int, float]],
) -> dict[int, float]:
    """Follow the greedy line ends from *p* for all *widths* at once and return the value
    of each width's chain; widths that agree on where a line ends share the work of the
    lines after it. The steps stay in *memo*, to read the best chain back.

    The lines are followed with a stack of open lines, not recursion: a text has as many
    lines as its length allows, and the stack depth must not depend on the input."""
    key = (p, tuple(widths))
    if indent == 0 and key in tails:
        return tails[key]
    stack = [
        _open_line(doc, p, widths, indent=indent, strong=strong, strong_pos=strong_pos, memo=memo)
    ]
    while True:
        line = stack[-1]
        if line.next_group < len(line.groups):
            step, group = line.groups[line.next_group]
            rest = tails.get((step.target, tuple(group)))
            if rest is None:
                stack.append(
                    _open_line(
                        doc,
                        step.target,
                        group,
                        indent=0,
                        strong=strong,
                        strong_pos=strong_pos,
                        memo=memo,
                    )
                )
                continue
            line.add(step, group, rest)
            continue
        stack.pop()
        if line.indent == 0:
            tails[line.key] = line.out
        if not stack:
            return line.out
        parent = stack[-1]
        step, group = parent.groups[parent.next_group]
        parent.add(step, group, line.out)


class _OpenLine:
    """A line start whose chains wait for the values of the lines after it."""

    __slots__ = ("groups", "indent", "key", "next_group", "out")

    def __init__(
        self,
        key: tuple[int, tuple[int, ...]],
        indent: int,
        out: dict[int, float],
        groups: list[tuple[Step, list[int]]],
    ) -> None:
        self.key, self.indent, self.out, self.groups = key, indent, out, groups
        self.next_group = 0

    def add(self, step: Step, group: list[int], rest: dict[int, float]) -> None:
        for width in group:
            self.out[width] = step.gain + rest[width]
        self.next_group += 1


def _open_line(
    doc: Doc,
    p: int,
    widths: list[int],
    *,
    indent: int,
    strong: list[tuple[int, float]],
    strong_pos: list[int],
    memo: dict[tuple[int, int], Step],
) -> _OpenLine:
    """The widths whose last line starts at *p*, and the others grouped by their line end."""
    out: dict[int, float] = {}
    groups: dict[Step, list[int]] = {}
    for width in widths:
        w = width - indent
        if doc.n - p <= w:
            out[width] = 0.0
            continue
        step = memo.get((p, w))
        if step is None:
            step = _line_end(doc, p, w, strong, strong_pos)
            memo[(p, w)] = step
        groups.setdefault(step, []).append(width)
    return _OpenLine((p, tuple(widths)), indent, out, list(groups.items()))


def find_cuts(
    text: str, extra: frozenset[str], params: tuple[float, float, int, int, int]
) -> list[Cut]:
    """Positions where a space restores a lost line break, in text order."""
    if len(text) <= _MAX_GEOMETRY_CHARS:
        return _find_cuts(text, extra, params)
    # A long text is repaired in pieces cut at spaces: each piece is scanned while it is
    # small, which keeps the work per character constant (scans of one huge string are
    # several times slower per character), and the wrap geometry is off anyway.
    out: list[Cut] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + _CHUNK)
        if end < n:
            space = text.rfind(" ", start, end)
            if space > start:
                end = space
            else:
                nxt = text.find(" ", end)
                end = n if nxt < 0 else nxt
        piece = text[start:end]
        if end - start <= _CHUNK or len(piece.split(maxsplit=1)) > 1:
            out.extend(
                c._replace(position=c.position + start)
                for c in _find_cuts(piece, extra, params, geometry=False)
            )
        # else: one token longer than any word, never cut
        start = end
    return out


def _find_cuts(
    text: str,
    extra: frozenset[str],
    params: tuple[float, float, int, int, int],
    *,
    geometry: bool = True,
) -> list[Cut]:
    local_t, geometry_t, min_w, max_w, max_token = params
    doc = Doc(text, extra, max_token)
    if not doc.spans:
        return []
    strong: list[tuple[int, float]] = []
    for k in doc.candidates:
        hit = doc.strong_cut(k, local_t)
        if hit is not None:
            strong.append((doc.starts[k] + hit[0], hit[1]))
    chosen: dict[int, tuple[float, str]] = {}
    if geometry and min_w <= doc.n and min_w <= max_w:
        chain = _pick_chain(doc, min_w, max_w, strong)
        if chain is not None:
            for pos, score in chain.cuts:
                if score >= geometry_t:
                    chosen[pos] = (score, "width")
        elif doc.n > 2 * max_w:
            # Several lines' worth of text and no width explains it: it was never wrapped,
            # or was repaired already (its lines joined by spaces). Left alone, which keeps
            # the repair idempotent and clean prose unchanged.
            return []
    for pos, score in strong:
        if geometry and _before_first_wrap(doc, pos, min_w):
            continue
        if not any(abs(pos - other) < 2 for other in chosen):
            chosen[pos] = (score, "evidence")
    _recut_pieces(doc, chosen, local_t)
    out: list[Cut] = []
    for pos, (score, rule) in sorted(chosen.items()):
        k = doc.token_at(pos)
        a, b = doc.spans[k]
        out.append(Cut(pos, text[a:pos], text[pos:b], rule, round(score, 2)))
    return out


def _before_first_wrap(doc: Doc, pos: int, min_w: int) -> bool:
    """Whether a cut at ``pos`` would end a first line too short to have been wrapped.

    Greedy wrapping breaks a line only when the next word would not fit, so the first line
    plus the word after it reach the width. A glued pair earlier in the text was glued by
    its writer, not by a lost line break, and repairing it would also make a second repair
    of marked text (whose lines were joined exactly) cut where the first did not.
    """
    k = doc.token_at(pos)
    end = doc.spans[k][1] if k >= 0 else pos
    return end + _FIRST_LINE_INDENT < min_w


def _recut_pieces(doc: Doc, chosen: dict[int, tuple[float, str]], threshold: float) -> None:
    """Cut again the pieces of cut tokens that read as glued on their own evidence
    ("code.Aconvolutional" → "code." + "Aconvolutional" → "A" + "convolutional"), so
    that a second repair finds nothing left to do."""
    pending = sorted(chosen)
    seen: set[int] = set()
    while pending:
        pos = pending.pop()
        k = doc.token_at(pos)
        if k < 0 or k in seen:
            continue
        seen.add(k)
        a, b = doc.spans[k]
        bounds = [a, *sorted(p for p in chosen if a < p < b), b]
        for start, end in itertools.pairwise(bounds):
            piece = doc.text[start:end]
            if len(piece) < 2 or doc.is_plain_text(piece):
                continue
            cuts = doc.score_text(piece, doc.dollars_before(k, start))
            best = max(cuts, key=lambda c: c[1], default=None)
            if best is not None and best[1] >= threshold:
                chosen[start + best[0]] = (best[1], "evidence")
                seen.discard(k)
                pending.append(start + best[0])


def _likely_widths(
    doc: Doc, min_w: int, max_w: int, strong: list[tuple[int, float]], slack: int = 0
) -> list[int]:
    """Widths consistent with the most pairs of confident cuts one line apart.

    Two confident cuts *d* characters apart with no other break between them bound the
    width: the line fitted (``W >= d``) and the next word did not (``W < d + 1 + len``).
    """
    votes = [0] * (max_w + 2)
    for (x, _), (y, _) in itertools.pairwise(strong):
        d = y - x
        if d > max_w or d < min_w - 20:
            continue
        k = doc.token_at(y)
        nxt = doc.spans[k][1] - y if k >= 0 else 1
        for width in range(max(d, min_w), min(d + nxt, max_w) + 1):
            votes[width] += 1
    top = max(votes)
    if top == 0:
        return list(range(min_w, max_w + 1))
    return [w for w in range(min_w, max_w + 1) if votes[w] >= max(1, top - slack)]


def _pick_chain(doc: Doc, min_w: int, max_w: int, strong: list[tuple[int, float]]) -> Chain | None:
    strong_pos = [pos for pos, _ in strong]
    memo: dict[tuple[int, int], Step] = {}
    tails: dict[tuple[int, tuple[int, ...]], dict[int, float]] = {}
    widths = _likely_widths(doc, min_w, max_w, strong)
    if len(widths) > max_w - min_w:
        # No two confident cuts one line apart: let cuts of medium evidence vote.
        medium = []
        for k in doc.candidates:
            hit = doc.strong_cut(k, _MEDIUM_CUT)
            if hit is not None:
                medium.append((doc.starts[k] + hit[0], hit[1]))
        # Medium cuts include more false ones: widths a vote short of the best stay in.
        widths = _likely_widths(doc, min_w, max_w, medium, slack=1)
    best_value: float | None = None
    best_width = best_indent = 0
    for indent in (0, _FIRST_LINE_INDENT):
        found = _chains(
            doc,
            0,
            widths,
            indent=indent,
            strong=strong,
            strong_pos=strong_pos,
            memo=memo,
            tails=tails,
        )
        for width, value in found.items():
            if best_value is None or value > best_value:
                best_value, best_width, best_indent = value, width, indent
    if best_value is None:
        return None
    steps = _greedy_steps(doc, memo, best_width, best_indent)
    best = Chain(best_value, tuple((s.cut, s.gain) for _, s in steps if s.cut >= 0), len(steps))
    if not _reads_as_wrapped(best, relaxed_share=_RELAXED_SHARE):
        return None
    unclear = next((i for i, (_, step) in enumerate(steps) if _unclear(step)), None)
    if unclear is None or doc.n > _MAX_RESYNC_CHARS:
        # Every line ends in a readable cut, or the text is longer than an abstract, where
        # the search over several ends per line would cost more per character.
        return best
    # From the line before the first unclear end on, the greedy chain may have lost step:
    # let each line choose among its best few ends. The width the greedy chain chose is
    # kept; trying every width again costs twice as much for little gain.
    kept = steps[: max(0, unclear - 1)]
    start = steps[len(kept)][0]
    first = (best_width, best_width - _FIRST_LINE_INDENT) if start == 0 else (best_width,)
    tail = resync_chain(
        doc, best_width, first_widths=first, start=start, strong=strong, strong_pos=strong_pos
    )
    if tail is None:
        return best  # the lines keep branching: the greedy chain stands
    resynced = Chain(
        sum(step.gain for _, step in kept) + tail.value,
        tuple((step.cut, step.gain) for _, step in kept if step.cut >= 0) + tail.cuts,
        len(kept) + tail.lines,
    )
    return resynced if _reads_as_wrapped(resynced, relaxed_share=0.0) else None


def _unclear(step: Step) -> bool:
    return step.cut < 0 or step.gain < _WEAK_LINE


def _greedy_steps(
    doc: Doc, memo: dict[tuple[int, int], Step], width: int, indent: int
) -> list[tuple[int, Step]]:
    """The greedy chain's lines at *width* as (start, step), read back from *memo*."""
    steps: list[tuple[int, Step]] = []
    p, w = 0, width - indent
    while doc.n - p > w:
        step = memo[(p, w)]
        steps.append((p, step))
        p, w = step.target, width
    return steps


def _reads_as_wrapped(chain: Chain, *, relaxed_share: float) -> bool:
    """Whether *chain* explains the text as hard-wrapped: enough of its lines end in a cut
    that reads well.

    Half the lines must end in a good cut; technical text, whose glued pairs read less
    well, passes with a third of good cuts when most other lines end in a readable cut.
    """
    if chain.lines == 0:
        return False
    good = sum(1 for _, score in chain.cuts if score >= _GOOD_CUT)
    readable = sum(1 for _, score in chain.cuts if score >= _WEAK_LINE)
    relaxed = (
        chain.lines >= 3 and readable >= relaxed_share * chain.lines and good * 3 >= chain.lines
    )
    if good == 0 or (good * 2 < chain.lines and not relaxed):
        return False
    # One break in a two-line text: almost any token near the width fits it, so the
    # geometry adds little and the cut must read well on its own.
    return not (good == 1 and max(score for _, score in chain.cuts) < _LONE_CUT)
