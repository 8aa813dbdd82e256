"""Word probabilities for splitting glued words: wordfreq's English list plus the document.

The general-purpose list comes from `wordfreq <https://github.com/rspeer/wordfreq>`_
(Apache-2.0, data shipped in the package). It is loaded once, on first use, into a read-only
mapping. Technical words that no general list knows ("LLMs", "FPDT", "Kubernetes") are taken
from the document itself: a word the text uses elsewhere is a word.

>>> lex = Lexicon.for_text("We train LLMs. Our LLMs scale.", frozenset())
>>> lex.logp("LLMs") > lex.logp("LLMsdirectly")
True
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType

# A word the document uses elsewhere is about as likely as a mid-frequency English word:
# abstracts define their acronyms and names once and then repeat them.
_DOC_LOGP_ONCE = math.log(4e-6)
_DOC_LOGP_MORE = math.log(2e-5)
_EXTRA_LOGP = math.log(1e-5)
# Numbers are plentiful in abstracts but carry no spelling: one flat probability.
_NUMBER_LOGP = math.log(1e-4)
# Short all-capital words are mostly acronyms, which abstracts are full of.
_ACRONYM_LOGP = math.log(1e-6)
# An unknown string costs a fixed amount plus a little per character, so splitting an
# unknown word into two unknown halves never pays.
UNKNOWN_BASE = -16.0
UNKNOWN_PER_CHAR = 0.7

_RUN = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ACRONYM = re.compile(r"[A-Z]{2,7}s?")


@functools.cache
def _english_table() -> dict[str, float]:
    # Private and never mutated; a plain dict is looked up several times faster than a
    # read-only proxy, and look-ups are the inner loop of the splitter.
    import wordfreq  # noqa: PLC0415  (half a second of loading: only on first use)

    table: dict[str, float] = wordfreq.get_frequency_dict("en")
    return table


@functools.cache
def common_words(threshold: float = 1e-4) -> tuple[frozenset[str], int]:
    """English words at least *threshold* frequent, and the length of the longest.

    Single letters other than "a" and "i" are left out: the list has them as often as
    words, but "couple" + "d" is not two words.

    >>> words, longest = common_words()
    >>> "the" in words, "a" in words, "d" in words, "photoassociation" in words
    (True, True, False, False)
    >>> 5 < longest < 20
    True
    """
    words = frozenset(
        w for w, f in _english_table().items() if f >= threshold and (len(w) > 1 or w in ("a", "i"))
    )
    return words, max(map(len, words), default=0)


@functools.cache
def common_prefixes(threshold: float = 1e-4) -> frozenset[str]:
    """Every prefix of the words of :func:`common_words`, to stop a scan early.

    >>> "th" in common_prefixes(), "thx" in common_prefixes()
    (True, False)
    """
    words, _ = common_words(threshold)
    return frozenset(w[:i] for w in words for i in range(1, len(w) + 1))


def english_frequencies() -> Mapping[str, float]:
    """Return wordfreq's English word → frequency table, loaded once and read-only."""
    return MappingProxyType(_english_table())


def unknown_logp(length: int) -> float:
    """Log-probability of a string no word list knows, by its length."""
    return UNKNOWN_BASE - UNKNOWN_PER_CHAR * length


def word_runs(text: str) -> list[str]:
    """Letter-and-digit runs of *text*, the units the word model scores.

    >>> word_runs("(LLMs) state-of-the-art, 1,000")
    ['LLMs', 'state', 'of', 'the', 'art', '1', '000']
    """
    return _RUN.findall(text)


class Lexicon:
    """Word log-probabilities for one document: general English plus the text's own words.

    Built per call from the shared (never mutated) English table and the text's counts.
    """

    __slots__ = ("doc_counts", "extra", "freq")

    def __init__(self, freq: dict[str, float], doc_counts: dict[str, int], extra: frozenset[str]):
        self.freq = freq
        self.doc_counts = doc_counts
        self.extra = extra

    @classmethod
    def for_text(cls, text: str, extra: frozenset[str]) -> Lexicon:
        """Build the lexicon of *text* (its own words counted case-insensitively)."""
        counts = Counter(_RUN.findall(text.lower()))
        return cls(_english_table(), counts, extra)

    def is_word(self, word: str) -> bool:
        """Whether *word* is a known word: English, user-supplied, or repeated in the text."""
        low = word.lower()
        return (
            low in self.freq
            or word in self.extra
            or low in self.extra
            or self.doc_counts.get(low, 0) >= 2
        )

    def logp(self, word: str, own: int = 0) -> float:
        """Log-probability of *word*; *own* occurrences in the text are not counted as use."""
        low = word.lower()
        f = self.freq.get(low)
        seen = self.doc_counts.get(low, 0) - own
        if own and seen == 1 and word == low:
            # A lower-case string seen just twice may be the same two words glued twice
            # ("maximally entangled" broken at the same place in two sentences).
            seen = 0
        if f is None and seen <= 0 and not self.extra:
            first = word[:1]
            if first.isdigit() and _NUMBER.fullmatch(word):
                return _NUMBER_LOGP
            if first.isupper() and _ACRONYM.fullmatch(word):
                return _ACRONYM_LOGP
            return UNKNOWN_BASE - UNKNOWN_PER_CHAR * len(word)
        best = -math.inf if f is None else math.log(f)
        if self.extra and (word in self.extra or low in self.extra):
            best = max(best, _EXTRA_LOGP)
        if seen >= 2:
            best = max(best, _DOC_LOGP_MORE)
        elif seen == 1:
            best = max(best, _DOC_LOGP_ONCE)
        if best > -math.inf:
            return best
        if _NUMBER.fullmatch(word):
            return _NUMBER_LOGP
        if _ACRONYM.fullmatch(word):
            return _ACRONYM_LOGP
        return unknown_logp(len(word))
