"""Strategies for author strings and the authors a parser should find in them."""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType
from typing import NamedTuple

from hypothesis import strategies as st

from ._text import _wrapped_lines


class ExpectedAuthor(NamedTuple):
    """The author a parser should find: display name, name parts, affiliations."""

    name: str
    given: str | None
    family: str
    suffix: str | None
    affiliations: tuple[str, ...]


class AuthorListCase(NamedTuple):
    """A raw author string and the authors in it, in order."""

    text: str
    authors: tuple[ExpectedAuthor, ...]
    et_al: bool


_GIVEN = (
    "Jinghan", "Sam", "Masahiro", "Olatunji", "Aamir", "Helena", "Anton", "Erik", "Elad",
    "Magnus", "Giovanni", "Keren", "Virginia", "Bartosz", "Jérémie", "François", "Yérom-David",
    "Zoë", "José", "Søren", "Łukasz", "Jean-Pierre", "Debra Meloy", "Rita", "Wei", "Ana",
)  # fmt: skip
_FAMILY = (
    "Yao", "Jacobs", "Tanaka", "Ruwase", "Shafi", "Subramoni", "Panda", "Rydén", "Näslund",
    "Schiller", "Almgren", "Perin", "Rossi", "Balis", "Censor-Hillel", "Decouchant", "Taïani",
    "Müller", "Gourgoulhon", "Tojeiro", "Heavens", "Krattenthaler", "Avila-Reese", "Gödel",
    "Elmegreen", "Chattaraj", "Pérez", "Çelik", "Łopuszański", "Wrónski", "Ångström",
)  # fmt: skip
_PARTICLES = ("van", "van der", "de", "de la", "von", "di", "da", "del", "dos")
_SUFFIXES = ("Jr.", "Jr", "Sr.", "II", "III", "IV")
_AFFILIATIONS = (
    "IfA, Edinburgh", "CNRS", "TU Delft", "IRISA, UR", "Universität Wien", "INAF-OAB",
    "Vassar College", "IBM T.J. Watson Research Center", "University of Oxford", "MIT",
    "Seoul National University", "Instituto de Astronomia, UNAM", "Colgate University",
    "LUTH, CNRS / Observatoire de Paris", "Queen Mary & Westfield College, University of London",
)  # fmt: skip
# How arXiv submitters type accents in TeX; each maps to one Unicode letter.
_LATEX_ACCENTS = MappingProxyType({
    "é": ("\\'e", "{\\'e}", "\\'{e}"), "è": ("\\`e",), "ë": ('\\"e',), "ü": ('\\"u', '{\\"u}'),
    "ö": ('\\"o', '{\\"o}'), "ä": ('\\"a',), "ï": ('\\"i',), "ó": ("\\'o",), "ç": ("\\c{c}",),
    "Ç": ("\\c{C}",), "ø": ("{\\o}",), "Ø": ("{\\O}",), "ł": ("{\\l}",), "Ł": ("{\\L}",),
    "ń": ("\\'n",), "Å": ("{\\AA}", "\\AA{}"), "ß": ("{\\ss}",),
})  # fmt: skip


@st.composite
def _latexify(draw: st.DrawFn, text: str) -> str:
    if not draw(st.booleans()):
        return text
    return "".join(
        draw(st.sampled_from(_LATEX_ACCENTS[c])) if c in _LATEX_ACCENTS else c for c in text
    )


@st.composite
def _author(draw: st.DrawFn, glued: bool = False) -> tuple[ExpectedAuthor, str]:
    """One author as (expected, written name without affiliations)."""
    given: str | None
    if draw(st.booleans()):
        given = draw(st.sampled_from(_GIVEN))
    else:
        letters = draw(st.lists(st.sampled_from("ABCDEFGHJKLMNPRSTVWY"), min_size=1, max_size=3))
        given = " ".join(f"{c}." for c in letters)
    family = draw(st.sampled_from(_FAMILY))
    if not glued and draw(st.integers(0, 4)) == 0:
        family = f"{draw(st.sampled_from(_PARTICLES))} {family}"
    suffix = (
        draw(st.sampled_from(_SUFFIXES)) if not glued and draw(st.integers(0, 5)) == 0 else None
    )
    name = " ".join(p for p in (given, family, suffix) if p)
    written = name if glued else draw(_latexify(name))
    return ExpectedAuthor(name, given, family, suffix, ()), written


def _join_authors(pieces: Sequence[str], final: str) -> str:
    if len(pieces) == 1:
        return pieces[0]
    return ", ".join(pieces[:-1]) + final + pieces[-1]


@st.composite
def author_lists(draw: st.DrawFn, max_authors: int = 6) -> AuthorListCase:
    """An arXiv-style author string and the authors a parser should find in it.

    Covers plain lists, ``and``/``, and`` before the last name, initials, particles
    (``van der``), suffixes (``Jr.``), accents typed as Unicode or TeX (``M\\"uller``),
    parenthesised affiliations (which, as on arXiv, also cover the authors before them that
    have none: ``A, B (MIT)`` puts both at MIT), numbered affiliations listed at the end
    (``A (1), B (1,2) ((1) MIT, (2) CNRS)``), the ``\\n  `` wraps of ``.abs`` files and a
    trailing ``et al.``.
    """
    drawn = draw(st.lists(_author(), min_size=1, max_size=max_authors))
    style = draw(st.sampled_from(("plain", "parenthesized", "numbered")))
    pool = draw(st.lists(st.sampled_from(_AFFILIATIONS), min_size=1, max_size=3, unique=True))
    expected: list[ExpectedAuthor] = []
    pieces: list[str] = []
    waiting = 0  # authors before the next parenthesised affiliation, which covers them too
    for author, written in drawn:
        if style == "plain":
            pieces.append(written)
            expected.append(author)
        elif style == "parenthesized":
            expected.append(author)
            if draw(st.booleans()):
                affiliation = draw(st.sampled_from(pool))
                pieces.append(f"{written} ({affiliation})")
                for back in range(len(expected) - waiting - 1, len(expected)):
                    expected[back] = expected[back]._replace(affiliations=(affiliation,))
                waiting = 0
            else:
                pieces.append(written)
                waiting += 1
        else:
            numbers = draw(
                st.lists(st.integers(1, len(pool)), min_size=1, max_size=len(pool), unique=True)
            )
            pieces.append(f"{written} ({','.join(map(str, numbers))})")
            expected.append(author._replace(affiliations=tuple(pool[n - 1] for n in numbers)))
    et_al = style != "numbered" and len(pieces) > 1 and draw(st.integers(0, 5)) == 0
    if et_al:
        text = ", ".join(pieces) + draw(st.sampled_from((" et al.", ", et al.", " et al")))
    else:
        text = _join_authors(pieces, draw(st.sampled_from((", ", " and ", ", and "))))
    if style == "numbered":
        # The legend numbers every affiliation, used or not, as submitters write it.
        text += " (" + ", ".join(f"({n}) {a}" for n, a in enumerate(pool, 1)) + ")"
    if draw(st.booleans()):
        # .abs files wrap long author fields at 80 columns with a two-space indent.
        text = "\n  ".join(_wrapped_lines(text, 78))
    return AuthorListCase(text, tuple(expected), et_al)


@st.composite
def glued_author_lists(draw: st.DrawFn, max_authors: int = 5) -> AuthorListCase:
    """Authors as one aggregator prints them: each affiliation glued to the family name.

    ``Yérom-David BrombergIRISA, UR, Jérémie DecouchantTU Delft``: the expected
    affiliations are the glued text (``"IRISA, UR"``), split at the commas a reader would
    split at. As in the aggregator's dumps every author has an affiliation; every family
    name ends in a lower-case letter and every affiliation starts with a capital, so the
    boundary is there to be found.
    """
    drawn = draw(st.lists(_author(glued=True), min_size=1, max_size=max_authors))
    glueable = tuple(a for a in _AFFILIATIONS if a[0].isupper() and not a.startswith("IfA"))
    expected: list[ExpectedAuthor] = []
    pieces: list[str] = []
    for author, written in drawn:
        affiliation = draw(st.sampled_from(glueable))
        pieces.append(written + affiliation)
        expected.append(author._replace(affiliations=(affiliation,)))
    return AuthorListCase(", ".join(pieces), tuple(expected), False)
