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

>>> [c.position for c in find_cuts("the modelwith two parts", frozenset(), DEFAULT_PARAMS)]
[9]
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from arxivmeta._lexicon import Lexicon, unknown_logp
from arxivmeta._wrap_junctions import split_score

#: (local threshold, geometry threshold, min width, max width, max token length)
DEFAULT_PARAMS = (6.5, 0.5, 60, 84, 60)

# The geometry is only tried on abstract-sized texts; longer ones get local cuts only, which
# keeps the work per character constant.
_MAX_GEOMETRY_CHARS = 12_000
_SPACE_COST = 8.0  # a line that ended in a space: allowed, but it breaks the greedy pattern
_PARAGRAPH_COST = 1.0  # an indented line starts a paragraph; the line before may be short
_HYPHEN_COST = 1.0  # "long-\nterm": a break after a hyphen leaves nothing to repair
_SHORT_LINE_COST = 5.0  # a strongly evidenced cut that ends a short (paragraph) line
_GOOD_CUT = 2.0  # a cut that reads well on its own; most lines of a real chain have one
_FAR_SPACE = 25  # a line ending at a space ends near the width, not in the middle

_TOKEN = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")
_HYPHENS = "-\u2010"


class Cut(NamedTuple):
    """A space to insert before ``position``, with the words on each side and why."""

    position: int
    left: str
    right: str
    rule: str
    score: float


class _Doc:
    """One text: its tokens, word model and cached per-token cut scores."""

    def __init__(self, text: str, extra: frozenset[str], max_token: int) -> None:
        self.text = text
        self.n = len(text)
        self.spans = [m.span() for m in _TOKEN.finditer(text)]
        self.starts = [a for a, _ in self.spans]
        self.lex = Lexicon.for_text(text, extra)
        self.extra = extra
        self.max_token = max_token
        self._cuts: dict[int, list[tuple[int, float]]] = {}
        self._dollars: list[int] = []
        count = 0
        for a, b in self.spans:
            self._dollars.append(count)
            count += text.count("$", a, b)
        runs = list(_SPACES.finditer(text))
        self.space_starts = [m.start() for m in runs]
        self.space_lens = [m.end() - m.start() for m in runs]

    def token_at(self, index: int) -> int:
        """Index of the token covering character *index*, or -1 on a space."""
        k = bisect_right(self.starts, index) - 1
        if k >= 0 and index < self.spans[k][1]:
            return k
        return -1

    def cuts(self, k: int) -> list[tuple[int, float]]:
        """Allowed cuts of token *k* as (offset, score), computed once."""
        found = self._cuts.get(k)
        if found is None:
            found = self._score_token(k)
            self._cuts[k] = found
        return found

    def _score_token(self, k: int) -> list[tuple[int, float]]:
        a, b = self.spans[k]
        token = self.text[a:b]
        if len(token) > self.max_token or len(token) < 2:
            return []
        if self.extra and token.strip(".,;:!?()[]{}\"'") in self.extra:
            return []
        protected = _protected_offsets(token, self.extra) if self.extra else set()
        out: list[tuple[int, float]] = []
        for off in range(1, len(token)):
            if off in protected:
                continue
            score = split_score(token, off, self.lex, self._dollars[k])
            if score is not None:
                out.append((off, score))
        return out

    def is_plain_word(self, k: int) -> bool:
        """Whether token *k* is one known word (with outer punctuation): never cut locally."""
        a, b = self.spans[k]
        token = self.text[a:b]
        core = token.strip(".,;:!?()[]{}\"'`")
        if not core or not core.isalnum():
            return False
        if core.isdigit():
            return True
        return self.lex.logp(core, 1) > unknown_logp(0)

    def strong_cut(self, k: int, threshold: float) -> tuple[int, float] | None:
        """The best cut of token *k* if it reaches *threshold* on its own evidence."""
        if self.is_plain_word(k):
            return None
        best: tuple[int, float] | None = None
        for off, score in self.cuts(k):
            if score >= threshold and (best is None or score > best[1]):
                best = (off, score)
        return best


def _protected_offsets(token: str, extra: frozenset[str]) -> set[int]:
    """Offsets strictly inside a user word: cutting there would split it."""
    protected: set[int] = set()
    low = token.lower()
    for word in extra:
        if len(word) < 2 or len(word) > len(token):
            continue
        start = low.find(word.lower())
        while start >= 0:
            protected.update(range(start + 1, start + len(word)))
            start = low.find(word.lower(), start + 1)
    return protected


class _Step(NamedTuple):
    target: int
    gain: float
    cut: int  # position of an inserted space, or -1


def _transitions(
    doc: _Doc, p: int, w: int, strong: list[tuple[int, float]], strong_pos: list[int]
) -> list[_Step]:
    steps: list[_Step] = []
    end = p + w
    k = doc.token_at(end - 1)
    if k >= 0:
        a, _ = doc.spans[k]
        token = doc.text[a : doc.spans[k][1]]
        for off, score in doc.cuts(k):
            pos = a + off
            if p < pos <= end:
                steps.append(_Step(pos, score, pos))
        for off in range(1, len(token)):
            if token[off - 1] in _HYPHENS and token[off].isalpha() and p < a + off <= end:
                steps.append(_Step(a + off, -_HYPHEN_COST, -1))
    lo = bisect_right(doc.space_starts, p)
    hi = bisect_right(doc.space_starts, end)
    for i in range(lo, hi):
        s, length = doc.space_starts[i], doc.space_lens[i]
        if length >= 2:
            steps.append(_Step(s, -_PARAGRAPH_COST, -1))
        elif s > end - _FAR_SPACE:
            steps.append(_Step(s + 1, -_SPACE_COST, -1))
    lo = bisect_right(strong_pos, p)
    hi = bisect_right(strong_pos, end)
    for i in range(lo, hi):
        pos, score = strong[i]
        steps.append(_Step(pos, score - _SHORT_LINE_COST, pos))
    if not steps:
        # Nothing fits this width (a long formula or URL): resume after the next token.
        nxt = bisect_left(doc.starts, end)
        if nxt < len(doc.starts):
            steps.append(_Step(doc.starts[nxt], -2 * _SPACE_COST, -1))
    return steps


class _Chain(NamedTuple):
    value: float
    cuts: list[tuple[int, float]]
    lines: int


def _best_chain(
    doc: _Doc,
    width: int,
    indent: int,
    strong: list[tuple[int, float]],
    strong_pos: list[int],
    memo: dict[tuple[int, int], list[_Step]],
) -> _Chain | None:
    best: dict[int, float] = {0: 0.0}
    back: dict[int, tuple[int, int, float]] = {}
    heap = [0]
    done: set[int] = set()
    final: tuple[float, int] | None = None
    while heap:
        p = heapq.heappop(heap)
        if p in done:
            continue
        done.add(p)
        value = best[p]
        w = width - indent if p == 0 else width
        if doc.n - p <= w:
            if final is None or value > final[0]:
                final = (value, p)
            continue
        key = (p, w)
        steps = memo.get(key)
        if steps is None:
            steps = _transitions(doc, p, w, strong, strong_pos)
            memo[key] = steps
        for step in steps:
            nv = value + step.gain
            if nv > best.get(step.target, -math.inf):
                best[step.target] = nv
                back[step.target] = (p, step.cut, step.gain)
                heapq.heappush(heap, step.target)
    if final is None:
        return None
    cuts: list[tuple[int, float]] = []
    lines = 0
    p = final[1]
    while p in back:
        prev, cut, gain = back[p]
        lines += 1
        if cut >= 0:
            cuts.append((cut, gain))
        p = prev
    cuts.reverse()
    return _Chain(final[0], cuts, lines)


def find_cuts(
    text: str, extra: frozenset[str], params: tuple[float, float, int, int, int]
) -> list[Cut]:
    """Positions where a space restores a lost line break, best evidence first."""
    local_t, geometry_t, min_w, max_w, max_token = params
    doc = _Doc(text, extra, max_token)
    if not doc.spans:
        return []
    strong: list[tuple[int, float]] = []
    for k, (a, _) in enumerate(doc.spans):
        hit = doc.strong_cut(k, local_t)
        if hit is not None:
            strong.append((a + hit[0], hit[1]))
    chosen: dict[int, tuple[float, str]] = {}
    if min_w <= doc.n <= _MAX_GEOMETRY_CHARS and min_w <= max_w:
        chain = _pick_chain(doc, min_w, max_w, strong)
        if chain is not None:
            for pos, score in chain.cuts:
                if score >= geometry_t:
                    chosen[pos] = (score, "width")
    cut_tokens = {doc.token_at(pos) for pos in chosen}
    for pos, score in strong:
        if doc.token_at(pos) not in cut_tokens:
            chosen[pos] = (score, "evidence")
    out: list[Cut] = []
    for pos, (score, rule) in sorted(chosen.items()):
        k = doc.token_at(pos)
        a, b = doc.spans[k]
        out.append(Cut(pos, text[a:pos], text[pos:b], rule, round(score, 2)))
    return out


def _pick_chain(
    doc: _Doc, min_w: int, max_w: int, strong: list[tuple[int, float]]
) -> _Chain | None:
    strong_pos = [pos for pos, _ in strong]
    memo: dict[tuple[int, int], list[_Step]] = {}
    best: _Chain | None = None
    for width in range(max_w, min_w - 1, -1):
        for indent in (0, 2):
            chain = _best_chain(doc, width, indent, strong, strong_pos, memo)
            if chain is not None and (best is None or chain.value > best.value):
                best = chain
    if best is None or best.lines == 0:
        return None
    good = sum(1 for _, score in best.cuts if score >= _GOOD_CUT)
    if good == 0 or good * 2 < best.lines:
        return None
    return best
