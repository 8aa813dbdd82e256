"""The flattened-text search of :mod:`arxivmeta.wraps`, run by the compiled core.

The core (``rust/src``) tokenizes the text, scores each candidate cut with the word model
and the typography of abstracts, and searches the hard-wrap geometry; this module hands it
the text and the configuration and turns its answer into :class:`Cut` records.

Python strings may hold lone surrogates, which UTF-8 cannot carry. Each is passed as the
private-use character U+F0000 + (surrogate - U+D800): a symbol to Python's string methods
exactly as a surrogate is (not a letter, digit or space, no case), so the search sees the
same classes at the same offsets, and the cuts are applied to the original text.

>>> text = "In this paper we study distributed training at scale, and we propose a modelwith two"
>>> [(c.left, c.right, c.rule) for c in find_cuts(text, frozenset(), DEFAULT_PARAMS)]
[('model', 'with', 'width')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from arxivmeta.config import SearchParams
from arxivmeta.errors import WrapSearchError
from arxivmeta.wraps._core import native as _native
from arxivmeta.wraps._lexicon import char_rows, english_lexicon

__all__ = ["DEFAULT_PARAMS", "Cut", "count_work", "cut_positions", "find_cuts"]

DEFAULT_PARAMS = SearchParams()

_SURROGATE = re.compile("[\ud800-\udfff]")
_PRIVATE_USE = 0xF0000 - 0xD800
# Widths and token lengths beyond any text's length change nothing; clamping keeps them
# inside the core's integer types.
_LARGEST = 1 << 40


# A Cut built from its tuple of fields, without the keyword handling of Cut(...): a
# flattened abstract has a dozen cuts, and each call counts.
_new_cut = tuple.__new__
_RULES = ("evidence", "width")  # indexed by "chosen by the width"


class Cut(NamedTuple):
    """A space to insert before ``position``, with the words on each side and why."""

    position: int
    left: str
    right: str
    rule: str
    score: float


def find_cuts(text: str, extra: frozenset[str], params: SearchParams) -> list[Cut]:
    """Positions where a space restores a lost line break, in text order.

    Raises :class:`~arxivmeta.errors.WrapSearchError` if the core fails (a bug).
    """
    found, _ = _search(text, extra, params)
    return [
        _new_cut(Cut, (pos, text[a:pos], text[pos:b], _RULES[by_width], round(score, 2)))
        for pos, a, b, by_width, score in found
    ]


def cut_positions(text: str, extra: frozenset[str], params: SearchParams) -> list[int]:
    """The positions of :func:`find_cuts` alone, for a repair that explains nothing.

    >>> text = "In this paper we study distributed training at scale, and we propose a modelwith"
    >>> cut_positions(text + " two", frozenset(), DEFAULT_PARAMS) == [text.index("with")]
    True
    """
    return [row[0] for row in _search(text, extra, params)[0]]


def count_work(text: str, extra: frozenset[str], params: SearchParams) -> int:
    """Units of work the core spends on *text*: a clock-free measure of its running time.

    >>> count_work("a modelwith two", frozenset(), DEFAULT_PARAMS) > 0
    True
    """
    return _search(text, extra, params)[1]


def _search(
    text: str, extra: frozenset[str], params: SearchParams
) -> tuple[list[tuple[int, int, int, bool, float]], int]:
    words = sorted(extra)
    try:
        return _call(text, words, params)
    except UnicodeEncodeError:
        # Lone surrogates: the rare case pays for the substitution.
        return _call(_without_surrogates(text), [_without_surrogates(w) for w in words], params)


def _call(
    text: str, words: list[str], params: SearchParams
) -> tuple[list[tuple[int, int, int, bool, float]], int]:
    local_t, geometry_t, min_w, max_w, max_token = params
    try:
        return _native.find_cuts(
            english_lexicon(),
            text,
            char_rows(text, words),
            words,
            float(local_t),
            float(geometry_t),
            _clamp(min_w),
            _clamp(max_w),
            max(0, min(int(max_token), _LARGEST)),
        )
    except _native.NativeError as error:
        raise WrapSearchError(str(error)) from error


def _clamp(value: int) -> int:
    return max(-_LARGEST, min(int(value), _LARGEST))


def _without_surrogates(text: str) -> str:
    return _SURROGATE.sub(lambda m: chr(ord(m.group()) + _PRIVATE_USE), text)
