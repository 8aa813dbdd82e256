"""The word model of the line-wrap search: wordfreq's English list and Python's view of
characters, handed to the compiled core.

The general-purpose list comes from `wordfreq <https://github.com/rspeer/wordfreq>`_
(Apache-2.0, data shipped in that package, read from it at run time). The compiled core
reads the package's data file once per process into an immutable
:class:`arxivmeta._native.Lexicon`, with each frequency and its natural logarithm computed
as wordfreq and :func:`math.log` compute them, so that the core scores with the very
doubles Python computes. Technical words that no general list knows ("LLMs", "FPDT")
are taken from the document itself by the core.

The core classifies characters exactly as Python does (``str.isalpha``, ``str.lower``, the
``\\w`` and ``\\d`` of :mod:`re`), from rows that Python reports: the 128 ASCII characters
once, and a text's other characters with each call.

>>> len(english_lexicon()) > 100_000
True
>>> [row[2] for row in char_rows("Σοφία İ", frozenset()) if row[0] == ord("İ")]
['i̇']
"""

from __future__ import annotations

import functools
import importlib.util
import math
from collections.abc import Iterable
from pathlib import Path

from arxivmeta.wraps._core import native as _native

# A word the document uses elsewhere is about as likely as a mid-frequency English word:
# abstracts define their acronyms and names once and then repeat them.
_DOC_LOGP_ONCE = math.log(4e-6)
_DOC_LOGP_MORE = math.log(2e-5)
_EXTRA_LOGP = math.log(1e-5)
# Numbers are plentiful in abstracts but carry no spelling: one flat probability.
_NUMBER_LOGP = math.log(1e-4)
# Short all-capital words are mostly acronyms, which abstracts are full of.
_ACRONYM_LOGP = math.log(1e-6)

# The flags of rust/src/chars.rs, bit for bit.
_ALPHA = 1
_DECIMAL = 1 << 1
_DIGIT = 1 << 2
_ALNUM = 1 << 3
_UPPER = 1 << 4
_LOWER = 1 << 5
_TITLE = 1 << 6
_SPACE = 1 << 7
_CASED = 1 << 8
_CASE_IGNORABLE = 1 << 9

_CAPITAL_SIGMA = "\u03a3"
_FINAL_SIGMA = "\u03c2"

CharRow = tuple[int, int, str]


@functools.cache
def english_lexicon() -> _native.Lexicon:
    """wordfreq's English table as the compiled core's lexicon, built once per process.

    The core reads the installed wordfreq package's own data file (the list that
    ``wordfreq.get_frequency_dict("en")`` returns), which takes a fraction of the time
    of importing wordfreq and building its dictionary in Python.
    """
    ascii_rows = [char_row(chr(i)) for i in range(128)]
    constants = (_DOC_LOGP_ONCE, _DOC_LOGP_MORE, _EXTRA_LOGP, _NUMBER_LOGP, _ACRONYM_LOGP)
    return _native.Lexicon.from_wordfreq(_wordfreq_data("large_en"), ascii_rows, constants)


def _wordfreq_data(name: str) -> Path:
    """The path of one of wordfreq's data files, found without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        message = "the wordfreq package is not installed"
        raise ImportError(message)
    return Path(next(iter(folders))) / "data" / f"{name}.msgpack.gz"


@functools.lru_cache(maxsize=8192)
def char_row(c: str) -> CharRow:
    """What Python says of one character: (code point, flags, ``c.lower()``).

    Unicode's Cased and Case_Ignorable properties, which ``str.lower`` consults for a
    final sigma, are not exposed by Python; they are read off ``str.lower`` itself.

    >>> char_row("A")
    (65, 281, 'a')
    """
    flags = 0
    for test, flag in (
        (c.isalpha(), _ALPHA),
        (c.isdecimal(), _DECIMAL),
        (c.isdigit(), _DIGIT),
        (c.isalnum(), _ALNUM),
        (c.isupper(), _UPPER),
        (c.islower(), _LOWER),
        # One character's istitle() is also true of upper case; titlecase is the rest.
        (c.istitle() and not c.isupper(), _TITLE),
        (c.isspace(), _SPACE),
    ):
        if test:
            flags |= flag
    # A capital sigma after a cased letter, across case-ignorable ones, is final.
    cased = (c + _CAPITAL_SIGMA).lower()[-1] == _FINAL_SIGMA
    after_cased = ("A" + c + _CAPITAL_SIGMA).lower()[-1] == _FINAL_SIGMA
    if cased:
        flags |= _CASED
    elif after_cased:
        flags |= _CASE_IGNORABLE
    return ord(c), flags, c.lower()


def char_rows(text: str, extra: Iterable[str]) -> list[CharRow]:
    """Rows for the non-ASCII characters of *text*, of its lower-case form and of *extra*
    (ASCII rows come with the lexicon)."""
    words = [text, *extra]
    if all(w.isascii() for w in words):
        return []
    chars: set[str] = set()
    for word in words:
        chars.update(word)
        chars.update(word.lower())
    if _CAPITAL_SIGMA in chars:
        chars.update("\u03c3\u03c2")  # a piece of a word may end in either sigma
    return [char_row(c) for c in chars if c > "\x7f"]
