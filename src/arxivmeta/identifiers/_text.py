"""Text clean-up shared by the identifier parsers: Unicode noise, wrappers, prose punctuation.

Every function here is total and linear in the length of its input.

>>> tidy_unicode("１０．１１４５／3292500\u200b.3330701")
'10.1145/3292500.3330701'
>>> strip_prose('(see arXiv:2408.16978v2),')
'see arXiv:2408.16978v2'
>>> fold_lookalikes("\u0430rXiv:2201.02177")  # a Cyrillic "а" for the Latin "a"
'arXiv:2201.02177'
"""

from __future__ import annotations

import functools
import html
import unicodedata

import regex

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

# The entities HTML and XML writers put in an identifier: the five XML ones and numeric
# references. Other named entities never stand for a character a DOI or arXiv id holds.
_ENTITY = regex.compile(r"&(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_LETTER_RUN = regex.compile(r"\p{L}+")
_FIRST_DIGIT = regex.compile(r"[0-9]")
_LOOKALIKE_SCRIPTS = frozenset({"CYRILLIC", "GREEK"})


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


def decode_entities(text: str) -> str | None:
    """Decode HTML/XML character references once; ``None`` if the result still holds one.

    A reference left after one decoding means the text was escaped twice; decoding again
    could corrupt an identifier that holds a literal ``&``.

    >>> decode_entities("10.1002/(SICI)1522-2586(199909)10:3&lt;477::AID-JMRI33&gt;3.0.CO;2-E")
    '10.1002/(SICI)1522-2586(199909)10:3<477::AID-JMRI33>3.0.CO;2-E'
    >>> decode_entities("10.1002/x&amp;lt;1") is None
    True
    """
    if "&" not in text:
        return text
    decoded = _ENTITY.sub(lambda match: html.unescape(match[0]), text)
    if decoded != text and _ENTITY.search(decoded):
        return None
    return decoded


@functools.lru_cache(maxsize=1024)
def _latin_lookalike(char: str) -> str:
    """The ASCII letter a Cyrillic or Greek letter is confusable with (Unicode TR39), or itself."""
    # Imported on first use: the confusables table is large and most text never needs it.
    from confusable_homoglyphs import categories, confusables  # noqa: PLC0415

    if categories.alias(char) not in _LOOKALIKE_SCRIPTS:
        return char
    found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"])
    for entry in found or ():
        for glyph in entry["homoglyphs"]:
            if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha():
                return str(glyph["c"])
    return char


def _fold_run(run: str) -> str:
    return "".join(char if char.isascii() else _latin_lookalike(char) for char in run)


def fold_lookalikes(text: str) -> str:
    """Replace Cyrillic and Greek letters that look like Latin ones where only Latin can be.

    Two places qualify: everything before the first digit (labels, URL schemes and hosts,
    archive names: ASCII by their grammar) and a word that then reads "arXiv" (the
    ``10.48550/arXiv.`` of arXiv's DOIs). The rest of a DOI's suffix is never touched, as
    a DOI may hold any character.
    """
    if text.isascii():
        return text
    first_digit = _FIRST_DIGIT.search(text)
    split = first_digit.start() if first_digit else len(text)
    head = _fold_run(text[:split]) if not text[:split].isascii() else text[:split]

    def fold_arxiv(match: regex.Match[str]) -> str:
        folded = _fold_run(match[0])
        return folded if folded.lower() == "arxiv" else match[0]

    return head + _LETTER_RUN.sub(fold_arxiv, text[split:])


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
