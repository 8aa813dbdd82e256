"""One text prepared for the line-wrap search: its tokens, word model and cut scores.

A token that reads as known words is never cut on its own evidence; every other token
("candidate") gets its cuts scored once, by :func:`arxivmeta._wrap_junctions.score_token`.

>>> doc = Doc("We train LLMs on a modelwith two parts.", frozenset(), 60)
>>> [doc.tokens[k] for k in doc.candidates]
['LLMs', 'modelwith']
"""

from __future__ import annotations

import itertools
import operator
import re
from bisect import bisect_right

from arxivmeta._lexicon import Lexicon, common_prefixes, common_words
from arxivmeta._wrap_costs import HYPHEN_COST, HYPHENS, SILENT_END_COST
from arxivmeta._wrap_junctions import score_token

# A token this frequent is taken as a word without scoring its cuts. Rarer entries of the
# English list include glued pairs that web text misspells ("ofthe", "isa"), so they are
# scored like unknown strings.
_PLAIN_FREQUENCY = 1e-5
_RARE_PLAIN_FREQUENCY = 1e-6
_COMMON = 1e-4  # "of", "the", "is", "can": words that web text often glues by mistake


def _two_common_words(low: str) -> bool:
    """Whether *low* reads as two common words ("ofthe", "isa", "wecan")."""
    common, longest = common_words(_COMMON)
    prefixes = common_prefixes(_COMMON)
    for i in range(1, min(len(low), longest + 1)):
        left = low[:i]
        if left not in prefixes:
            return False  # no common word starts this way, nor with anything longer
        if left in common and low[i:] in common:
            return True
    return False


def _glued(core: str, low: str) -> bool:
    """Whether *core* reads as a common word glued to another ("ofthe", "theSkyrme"): a
    text that repeats such a token has lost the same break twice, not coined a word."""
    if _two_common_words(low):
        return True
    for i in range(2, len(core) - 1):
        if core[i - 1].islower() and core[i].isupper():
            left = low[:i]
            return core[:i].isalpha() and core[:i].islower() and left in common_words(_COMMON)[0]
    return False


_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")
_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
_OUTER_PUNCTUATION = ".,;:!?()[]{}\"'`"


def _layout(
    text: str, tokens: list[str]
) -> tuple[list[int], list[tuple[int, int]], list[int], list[int]]:
    """Token starts and spans, and the starts of space runs and of runs of two or more
    spaces (paragraph indents), from the token list of *text*."""
    if tokens and " ".join(tokens) == text:
        # Single spaces only, the common case: the offsets are running sums.
        lengths = list(map(len, tokens))
        starts = list(itertools.accumulate([n + 1 for n in lengths[:-1]], initial=0))
        ends = list(map(operator.add, starts, lengths))
        return starts, list(zip(starts, ends, strict=True)), ends[:-1], []
    # A scan with ``find`` is several times cheaper than a regular expression's matches.
    starts = []
    spans = []
    space_starts = []
    paragraph_starts = []
    pos = 0
    for token in tokens:
        start = text.find(token, pos)
        if start > pos:
            space_starts.append(pos)
            if start - pos >= 2:
                paragraph_starts.append(pos)
        pos = start + len(token)
        starts.append(start)
        spans.append((start, pos))
    if pos < len(text):
        space_starts.append(pos)
        if len(text) - pos >= 2:
            paragraph_starts.append(pos)
    return starts, spans, space_starts, paragraph_starts


def _best_first(cut: tuple[int, float]) -> tuple[float, int]:
    return (-cut[1], cut[0])


class Doc:
    """One text: its tokens, word model and cached per-token cut scores."""

    def __init__(self, text: str, extra: frozenset[str], max_token: int) -> None:
        self.text = text
        self.n = len(text)
        self.tokens = tokens = text.split()
        starts, spans, space_starts, paragraph_starts = _layout(text, tokens)
        self.starts = starts
        self.spans = spans
        self.space_starts = space_starts
        self.paragraph_starts = paragraph_starts
        self.lex = Lexicon.for_text(text, extra)
        self.extra = extra
        self.max_token = max_token
        self._cuts: dict[int, list[tuple[int, float]]] = {}
        self._by_text: dict[tuple[str, int], list[tuple[int, float]]] = {}
        self._quiet_ends: dict[int, list[tuple[int, float]]] = {}
        self._ranked: dict[int, list[tuple[int, float]]] = {}
        self._frequency = self.lex.freq.get
        # Each distinct token is judged once.
        frequency = self._frequency
        self._plain = {
            t
            for t in set(tokens)
            # A common word settles most tokens in one look-up, without a method call.
            if (t.isalpha() and frequency(t.lower(), 0.0) >= _PLAIN_FREQUENCY) or self._is_plain(t)
        }
        self.candidates = [
            k for k, t in enumerate(tokens) if 2 <= len(t) <= max_token and t not in self._plain
        ]
        self._dollars: list[int] = [0] * len(spans)
        if "$" in text:
            count = 0
            for k, (a, b) in enumerate(spans):
                self._dollars[k] = count
                count += text.count("$", a, b)

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
            # A token repeated with the same math parity scores the same: score it once.
            key = (self.tokens[k], self._dollars[k] % 2)
            found = self._by_text.get(key)
            if found is None:
                found = self._score_token(k)
                self._by_text[key] = found
            self._cuts[k] = found
        return found

    def ranked_cuts(self, k: int) -> list[tuple[int, float]]:
        """Allowed cuts of token *k* as (position in the text, score), best first."""
        found = self._ranked.get(k)
        if found is None:
            a = self.spans[k][0]
            found = self._ranked[k] = sorted(
                ((a + off, score) for off, score in self.cuts(k)), key=_best_first
            )
        return found

    def quiet_ends(self, k: int) -> list[tuple[int, float]]:
        """Line ends inside token *k* that insert no space, as (position, gain): after a
        hyphen, and where a letter or digit meets a symbol."""
        found = self._quiet_ends.get(k)
        if found is None:
            found = self._quiet_ends[k] = []
            a, b = self.spans[k]
            text = self.text
            for pos in range(a + 1, b):
                if text[pos - 1] in HYPHENS and text[pos].isalpha():
                    found.append((pos, -HYPHEN_COST))
                elif text[pos - 1].isalnum() != text[pos].isalnum():
                    found.append((pos, -SILENT_END_COST))
        return found

    def _score_token(self, k: int) -> list[tuple[int, float]]:
        token = self.tokens[k]
        if len(token) > self.max_token or len(token) < 2 or token in self._plain:
            # A known word is left whole even where the wrap geometry points at it: the
            # geometry then reads the line as ending at a space, which costs a penalty.
            return []
        return self.score_text(token, self._dollars[k])

    def score_text(self, text: str, dollars_before: int) -> list[tuple[int, float]]:
        """Allowed cuts of *text* (a token or a piece of one) as (offset, score); never
        inside a word of the user's vocabulary."""
        if self.extra and text.strip(".,;:!?()[]{}\"'") in self.extra:
            return []
        found = score_token(text, self.lex, dollars_before)
        if self.extra:
            protected = _protected_offsets(text, self.extra)
            found = [(off, score) for off, score in found if off not in protected]
        return found

    def is_plain_text(self, token: str) -> bool:
        """Whether *token* (any string without spaces) is known words."""
        return token in self._plain or self._is_plain(token)

    def dollars_before(self, k: int, index: int) -> int:
        """How many ``$`` signs the text has before *index*, inside token *k*."""
        return self._dollars[k] + self.text.count("$", self.spans[k][0], index)

    def is_plain_word(self, k: int) -> bool:
        """Whether token *k* is known words (with outer punctuation, maybe hyphenated, like
        "state-of-the-art,"): it is never cut on its own evidence."""
        return self.tokens[k] in self._plain

    def _is_plain(self, token: str) -> bool:
        if len(token) > self.max_token:
            return False
        core = token.strip(_OUTER_PUNCTUATION)
        if core.isalpha() and self._frequency(core.lower(), 0.0) >= _PLAIN_FREQUENCY:
            return True  # most tokens of a text: a common word, settled by one look-up
        if core.isalnum():
            return self._plain_core(core)
        if _PLAIN_NUMBER.fullmatch(core):
            return True
        parts = _HYPHENATED.fullmatch(core)
        return parts is not None and all(self._plain_core(part) for part in core.split("-"))

    def _plain_core(self, core: str) -> bool:
        low = core.lower()
        lex = self.lex
        freq = lex.freq.get(low, 0.0)
        return (
            freq >= _PLAIN_FREQUENCY
            or core.isdigit()
            or (lex.doc_counts.get(low, 0) >= (2 if low != core else 3) and not _glued(core, low))
            or (bool(lex.extra) and (core in lex.extra or low in lex.extra))
            or (freq >= _RARE_PLAIN_FREQUENCY and not _two_common_words(low))
        )

    def strong_cut(self, k: int, threshold: float) -> tuple[int, float] | None:
        """The best cut of token *k* if it reaches *threshold* on its own evidence."""
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
