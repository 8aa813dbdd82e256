"""Institution evidence from outside the line: words that name institutions, short names.

An affiliation glued onto a name is found from what the tail looks like. Two tables say it
without looking at the rest of the line:

- ``_data/institution_words.txt``: the words that name institutions in the languages of
  arXiv affiliations ("University", "Universität", "Istituto", "GmbH"), with stems for the
  compounds German and Dutch write ("Universitätsmedizin", "Forschungszentrum");
- ``_data/institution_short_names.txt``: the short names of universities, as the labels of
  their e-mail domains in JetBrains' public swot list ("caltech", "technion").

Their sources and licences are in their headers. Each loads once, on first use, into frozen
sets.

>>> is_institution_word("Universitätsmedizin"), is_institution_word("Dept.Phys")
(True, True)
>>> is_institution_word("Smith")
False
>>> is_short_name("Caltech"), is_short_name("caltech"), is_short_name("Ming")
(True, False, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

_TOKEN_STRIP = ".,;:()[]'\""
_PART_SEPARATORS = ("-", "/")
#: A short name is written as a word ("Caltech", "UChicago"); shorter ones ("Bhu", "Rao")
#: are as often the end of a personal name, and all-capital ones are acronyms anyway.
MIN_SHORT_NAME = 4


@dataclass(frozen=True, slots=True)
class _Words:
    words: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]


def _data_lines(name: str) -> list[str]:
    text = resources.files("arxivmeta").joinpath(f"_data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _words() -> _Words:
    words: set[str] = set()
    prefixes: list[str] = []
    suffixes: list[str] = []
    for line in _data_lines("institution_words.txt"):
        for word in line.split():
            if word.endswith("*"):
                prefixes.append(word[:-1])
            elif word.startswith("*"):
                suffixes.append(word[1:])
            else:
                words.add(word)
    return _Words(frozenset(words), tuple(prefixes), tuple(suffixes))


@cache
def _short_names() -> frozenset[str]:
    return frozenset(line.strip() for line in _data_lines("institution_short_names.txt"))


def is_institution_word(token: str) -> bool:
    """True for a word that names an institution ("University", "Univ.", "CNRS", "Institut").

    >>> [is_institution_word(t) for t in ("Universität", "Max-Planck-Institut", "Rao")]
    [True, True, False]
    """
    table = _words()
    low = token.lower()
    bare = low.strip(_TOKEN_STRIP)
    if low in table.words or bare in table.words or bare + "." in table.words:
        return True
    # "Univ.Bicocca", "Inst.Phys": an abbreviation run into the next word.
    head = low.split(".", 1)[0]
    if "." in low.strip(".") and len(head) > 1 and head + "." in table.words:
        return True
    if bare.startswith(table.prefixes) or bare.endswith(table.suffixes):
        return True
    # "INFN-Sezione", "CNRS/IN2P3": one part of a joined token is enough.
    for separator in _PART_SEPARATORS:
        if separator in bare.strip(separator):
            return any(part in table.words for part in bare.split(separator))
    return False


def is_short_name(token: str) -> bool:
    """True for a university's short name written as a word: "Caltech", "Technion", "UChicago".

    Lower-case and all-capital spellings do not count: the first is running text, the
    second an acronym, which is evidence of its own.

    >>> [is_short_name(t) for t in ("Weizmann", "Weizmann,", "WEIZMANN", "Bhu")]
    [True, True, False, False]
    """
    core = token.strip(_TOKEN_STRIP)
    if len(core) < MIN_SHORT_NAME or not core.isalpha() or not core[0].isupper():
        return False
    if core.isupper():
        return False
    return core.lower() in _short_names()


#: Company legal forms, which end an organisation's name ("fortiss GmbH", "Google LLC"). Alone
#: in a list of names, one completes the entry before it.
LEGAL_FORMS = frozenset(
    {
        "gmbh", "ag", "kg", "e.v.", "inc", "inc.", "ltd", "ltd.", "llc", "l.l.c.", "llp", "corp",
        "corp.", "co.", "plc", "s.a.", "sa", "s.p.a.", "spa", "s.l.", "sas", "s.a.s.", "b.v.",
        "bv", "n.v.", "nv", "pty", "pty.", "oy", "a/s", "aps", "k.k.", "se",
    }
)  # fmt: skip


def is_legal_form(token: str) -> bool:
    """True for a company's legal form: "GmbH", "Inc.", "Ltd", "S.A.".

    Two letters without a dot count only in capitals ("AG", not the family name "Sa").

    >>> is_legal_form("GmbH"), is_legal_form("Ltd."), is_legal_form("Lin"), is_legal_form("Sa")
    (True, True, False, False)
    """
    core = token.strip(",;:()")
    if core.lower() not in LEGAL_FORMS:
        return False
    return len(core) > 2 or core.isupper()
