"""Line ends and their costs, shared by the greedy chain and its resynchronisation.

A chain of line ends is scored by the sum of its steps' gains: the score of each inserted
space, minus a cost for line ends that break the pattern of greedy hard wrapping.

>>> Step(target=61, gain=7.5, cut=61).cut
61
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from arxivmeta._wrap_doc import Doc

SPACE_COST = 8.0  # a line that ended in a space: allowed, but it breaks the greedy pattern
HYPHEN_COST = 1.0  # "long-\nterm": a break after a hyphen leaves nothing to repair
SHORT_LINE_COST = 5.0  # a strongly evidenced cut that ends a short (paragraph) line
FAR_SPACE = 25  # a line ending at a space ends near the width, not in the middle
SLACK = 12  # how far before the width a misfit line may end
MISFIT_COST = 3.0  # a line that ended one word early (text edited after wrapping)
HYPHENS = "-\u2010"
# A line end that inserts nothing, where a letter meets a symbol: it lets the chain pass a
# break where no space may go ("al.|(2007)") without losing step. Costlier than a hyphen.
SILENT_END_COST = 6.0


class Step(NamedTuple):
    """One line end: where the next line starts, what it adds, and the space it inserts."""

    target: int
    gain: float
    cut: int  # position of an inserted space, or -1


class Chain(NamedTuple):
    """Line ends from some start to the end of the text."""

    value: float
    cuts: tuple[tuple[int, float], ...]
    lines: int


def paragraph_end(doc: Doc, p: int, end: int) -> Step | None:
    """An indented line inside the width starts a paragraph: the line before ends there,
    however short."""
    i = bisect_right(doc.paragraph_starts, p)
    if i < len(doc.paragraph_starts) and doc.paragraph_starts[i] <= end:
        return Step(doc.paragraph_starts[i], 0.0, -1)
    return None


def space_end(doc: Doc, p: int, end: int) -> Step | None:
    """The line ending at its last space, when that space is near the width."""
    i = bisect_right(doc.space_starts, end) - 1
    last_space = doc.space_starts[i] if i >= 0 and doc.space_starts[i] > p else -1
    return Step(last_space + 1, -SPACE_COST, -1) if last_space > end - FAR_SPACE else None


def misfit_token(doc: Doc, k: int, p: int, end: int) -> int:
    """The token before token *k* (or before *end*, on a space), if a line that ended one
    word early (text edited after wrapping, a wider last word) can end in it; else -1."""
    prev = (k if k >= 0 else bisect_right(doc.starts, end - 1)) - 1
    return prev if prev >= 0 and doc.spans[prev][1] > max(p, end - SLACK) else -1


def strong_ends(
    strong: list[tuple[int, float]], strong_pos: list[int], p: int, end: int
) -> Iterator[Step]:
    """Strongly evidenced cuts inside the line, each ending a short (paragraph) line."""
    for j in range(bisect_right(strong_pos, p), bisect_right(strong_pos, end)):
        pos, score = strong[j]
        yield Step(pos, score - SHORT_LINE_COST, pos)


def no_fit_end(doc: Doc, p: int, end: int) -> Step:
    """Nothing fits the width (a long formula or URL): resume after the next token."""
    nxt = bisect_left(doc.starts, end)
    target = doc.starts[nxt] if nxt < len(doc.starts) else doc.n
    return Step(max(target, p + 1), -2 * SPACE_COST, -1)
