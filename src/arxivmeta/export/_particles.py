"""Name particles: ``van der`` before a family name, ``de la`` after given names.

The record's family name is the authority (arXiv's ``authors_parsed`` puts particles in
it); CSL wants the lower-case particles apart, as ``non-dropping-particle`` (kept when the
name is cited: *van der Waals*) and ``dropping-particle`` (trailing the given names:
``Charles de la``). Capitalised particles (``De La Hoya``) belong to the family name, as
citeproc-js reads them.

>>> split_family("van der Waals"), split_given("Charles de la")
(('van der', 'Waals'), ('Charles', 'de la'))
"""

from __future__ import annotations

from arxivmeta.authors._names import is_particle


def _is_lower_particle(word: str) -> bool:
    return word[:1].islower() and is_particle(word)


def split_family(family: str) -> tuple[str | None, str]:
    """``(particle, family)``: the leading lower-case particles, then the rest."""
    words = family.split()
    start = 0
    while start < len(words) - 1 and _is_lower_particle(words[start]):
        start += 1
    return (" ".join(words[:start]) or None), " ".join(words[start:])


def split_given(given: str) -> tuple[str | None, str | None]:
    """``(given, particle)``: the given names, then trailing lower-case particles."""
    words = given.split()
    stop = len(words)
    while stop > 1 and _is_lower_particle(words[stop - 1]):
        stop -= 1
    return (" ".join(words[:stop]) or None), (" ".join(words[stop:]) or None)
