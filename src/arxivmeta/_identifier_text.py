"""Text clean-up shared by the identifier parsers: Unicode noise, wrappers, prose punctuation.

Every function here is total and linear in the length of its input.

>>> tidy_unicode("１０．１１４５／3292500\u200b.3330701")
'10.1145/3292500.3330701'
>>> strip_prose('(see arXiv:2408.16978v2),')
'see arXiv:2408.16978v2'
"""

from __future__ import annotations

import functools
import unicodedata

# Dashes that copy-paste and PDF extraction put where an identifier has "-".
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d\u02d7")

# Compatibility forms that only change width or font: folding them is safe (NFKC "where
# safe"). Superscripts, fractions and ligatures are left alone, as they may be real data.
_SAFE_TAGS = frozenset({"<wide>", "<narrow>", "<font>", "<noBreak>"})

_OPENERS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_QUOTE_PAIRS = {
    '"': '"',
    "'": "'",
    "`": "'",
    "\u201c": "\u201d",
    "\u201e": "\u201c",
    "\u2018": "\u2019",
    "\u00ab": "\u00bb",
    "\u2039": "\u203a",
    "\u300c": "\u300d",
}
_QUOTES = frozenset(_QUOTE_PAIRS) | frozenset(_QUOTE_PAIRS.values())
_PROSE_TAIL = frozenset(".,;:")
_LEADING = frozenset(" ") | _QUOTES | frozenset(_OPENERS)
_TRAILING = frozenset(" ") | _QUOTES | _PROSE_TAIL | frozenset(_CLOSERS)

MAX_ROUNDS = 6
"""Wrappers and punctuation peeled before the text counts as too mangled to read."""


@functools.lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """What one character becomes; cached (bounded), as identifiers repeat few characters."""
    if char in _DASHES:
        return "-"
    category = unicodedata.category(char)
    if category == "Cc":
        return " " if char in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85" else ""
    if category == "Cf":  # zero-width spaces, joiners, soft hyphens, BOM, bidi marks
        return ""
    if category in {"Zs", "Zl", "Zp"}:
        return " "
    tag = unicodedata.decomposition(char).partition(" ")[0]
    if tag in _SAFE_TAGS:
        folded = unicodedata.normalize("NFKC", char)
        return "".join("-" if c in _DASHES else c for c in folded)
    return char


def tidy_unicode(text: str) -> str:
    """Fold dashes, full-width and font variants to ASCII; drop control and zero-width marks.

    Whitespace of every kind becomes a plain space; nothing else changes.
    """
    if text.isascii():
        if text.isprintable():
            return text
        return "".join(_fold(char) if not char.isprintable() else char for char in text)
    return "".join(char if " " < char < "\x7f" else _fold(char) for char in text)


def _matching_closers(text: str) -> dict[int, int]:
    """Map the index of each bracket opener to the index of its closer, in one pass."""
    stacks: dict[str, list[int]] = {opener: [] for opener in _OPENERS}
    pairs: dict[int, int] = {}
    for index, char in enumerate(text):
        if char in _OPENERS:
            stacks[char].append(index)
        elif char in _CLOSERS:
            stack = stacks[_CLOSERS[char]]
            if stack:
                pairs[stack.pop()] = index
    return pairs


def unwrap(text: str) -> str:
    """Remove whitespace, and brackets or quotes that enclose the whole text.

    >>> unwrap(' <https://doi.org/10.1145/3292500.3330701> ')
    'https://doi.org/10.1145/3292500.3330701'
    """
    pairs: dict[int, int] | None = None  # computed only when an opener is met
    start, end = 0, len(text)
    while True:
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if end - start < 2:
            break
        first, last = text[start], text[end - 1]
        if first in _OPENERS and pairs is None:
            pairs = _matching_closers(text)
        if (pairs is not None and pairs.get(start) == end - 1) or _QUOTE_PAIRS.get(first) == last:
            start, end = start + 1, end - 1
            continue
        break
    return text[start:end]


def strip_prose(text: str) -> str | None:
    """Remove prose punctuation around an identifier, keeping balanced brackets.

    A trailing ``.`` ``,`` ``;`` ``:`` goes, as does a closing bracket or quote with no
    partner inside the text; a SICI DOI's ``(...)`` and ``<...>`` stay. ``None`` when the
    text is still shedding punctuation after :data:`MAX_ROUNDS` rounds.

    >>> strip_prose("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O).")
    '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O'
    """
    for _ in range(MAX_ROUNDS):
        stripped = _strip_prose_once(unwrap(text))
        if stripped == text:
            return text
        text = stripped
    return None


def _strip_prose_once(text: str) -> str:
    if not text or (text[0] not in _LEADING and text[-1] not in _TRAILING):
        return text
    opens = {opener: text.count(opener) for opener in _OPENERS}
    closes = {closer: text.count(closer) for closer in _CLOSERS}
    start, end = 0, len(text)
    while end > start:
        char = text[end - 1]
        if char in _PROSE_TAIL or char == " " or char in _QUOTES:
            end -= 1
        elif char in _CLOSERS and closes[char] > opens[_CLOSERS[char]]:
            closes[char] -= 1
            end -= 1
        else:
            break
    while start < end:
        char = text[start]
        if char == " " or char in _QUOTES:
            start += 1
        elif char in _OPENERS and opens[char] > closes[_OPENERS[char]]:
            opens[char] -= 1
            start += 1
        else:
            break
    return text[start:end]
