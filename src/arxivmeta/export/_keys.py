"""Citation keys: ``firstauthorYEARfirstword``, ASCII, unique within one export.

>>> from arxivmeta import Paper, Author
>>> paper = Paper(title="Partition Detection in Byzantine Networks",
...     authors=[Author(name="Yérom-David Bromberg", family="Bromberg")],
...     published="2024-08-27")
>>> citation_key(paper)
'bromberg2024partition'
>>> ring = KeyRing()
>>> [ring.claim("bromberg2024partition") for _ in range(3)]
['bromberg2024partition', 'bromberg2024partitiona', 'bromberg2024partitionb']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from arxivmeta.models import Paper

KeyFunction = Callable[[Paper], str]
"""Makes a paper's citation key; :class:`KeyRing` makes it unique in an export."""

# Letters NFKD does not take apart into a base and an accent.
_ASCII = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i"}
)  # fmt: skip
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_MATH = re.compile(r"\$[^$]*\$|\\[A-Za-z]+")
# Words a key skips, as arXiv's own keys do: they name no paper.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "from", "at", "by",
     "via", "towards", "toward", "is", "are", "do", "does"}
)  # fmt: skip


def ascii_key(text: str) -> str:
    """Lower-case ASCII letters and digits of ``text``.

    >>> ascii_key("Łopuszański-Næss")
    'lopuszanskinaess'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_KEY.sub("", plain.lower())


def _first_word(text: str) -> str:
    for word in text.split():
        key = ascii_key(word)
        if key and key not in _FUNCTION_WORDS:
            return key
    return ""


def citation_key(paper: Paper) -> str:
    """The default key: first author's family name, year, first word of the title.

    Absent parts are left out; a paper with none of them is keyed by its arXiv id or DOI.
    """
    author = ""
    if paper.authors:
        first = paper.authors[0]
        if first.is_collaboration or not first.family:
            author = _first_word(first.name)
        else:
            author = ascii_key(first.family)
    date = paper.published or paper.updated
    year = str(date.year) if date is not None else ""
    key = author + year + _first_word(_MATH.sub(" ", paper.title or ""))
    if key:
        return key
    if paper.arxiv_id is not None:
        return "arxiv" + ascii_key(paper.arxiv_id.id)
    if paper.doi is not None:
        return "doi" + ascii_key(paper.doi.value)
    return "paper"


def _suffix(number: int) -> str:
    """``a`` … ``z``, ``aa``, ``ab`` …: bijective base 26."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


class KeyRing:
    """The keys given out in one export; a taken key gets the next free suffix."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def claim(self, key: str) -> str:
        """``key``, or ``key`` plus the first suffix no earlier entry holds."""
        candidate = key
        number = self._next.get(key, 0)
        while candidate in self._taken:
            number += 1
            candidate = key + _suffix(number)
        self._next[key] = number
        self._taken.add(candidate)
        return candidate
