"""The costs of line ends, shared by the greedy chain and its resynchronisation.

A chain of line ends is scored by the sum of its steps' gains: the score of each inserted
space, minus a cost for line ends that break the pattern of greedy hard wrapping.

>>> Step(target=61, gain=7.5, cut=61).cut
61
"""

from __future__ import annotations

from typing import NamedTuple

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
