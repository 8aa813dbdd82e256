"""A record's identifiers: its arXiv id and version, and every DOI it states, in order.

A DOI field may list several DOIs: arXiv's metadata gives a paper's DOI and its errata's in
one field (``"10.1103/PhysRevD.75.124007 10.1103/PhysRevD.82.029901"``), and a field may be
a JSON list of them. All are kept, in the order the record gives them, each once (DOIs
compare case-insensitively, and the first spelling is kept). An arXiv id that disagrees
with another one of the record is not guessed between: its field stays in ``extra``.

>>> found = read_identifiers(
...     [], [Source("doi", "10.1103/PhysRevD.75.124007 10.1103/physrevd.75.124007,"
...          " 10.1103/PhysRevD.82.029901")], None, {})
>>> found.dois
(DOI('10.1103/PhysRevD.75.124007'), DOI('10.1103/PhysRevD.82.029901'))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import regex

from arxivmeta.errors import InvalidIdentifier
from arxivmeta.explain import Step, record_step
from arxivmeta.identifiers import parse_doi, parse_identifier
from arxivmeta.models import DOI, ArxivId
from arxivmeta.records.formats import Source

__all__ = ["Identifiers", "read_identifiers"]

_LIST_SEPARATORS = regex.compile(r"[\s,;]+")


class Identifiers(NamedTuple):
    """The arXiv id (without version), the version it carried, and the DOIs, in order."""

    arxiv_id: ArxivId | None
    version: int | None
    dois: tuple[DOI, ...]


def read_identifiers(
    identifiers: Sequence[Source],
    dois: Sequence[Source],
    steps: list[Step] | None,
    extra: dict[str, Any],
) -> Identifiers:
    """Read the identifier and DOI sources a reader found; keep what cannot be read in
    ``extra`` and record a ``parse_identifier`` step for each field read."""
    arxiv: ArxivId | None = None
    arxiv_source: Source | None = None
    found_dois: dict[DOI, Source] = {}  # insertion-ordered; a DOI's key is its casefolded text
    for source, role in [(s, "id") for s in identifiers] + [(s, "doi") for s in dois]:
        found, complete = _read_source(source, role)
        if not found:
            extra.setdefault(source.key, source.value)
            continue
        agrees = complete  # a piece that reads as nothing is kept with its field
        for value in found:
            if isinstance(value, DOI):
                paper = value.arxiv_id
                found_dois.setdefault(value, source)
            else:
                paper = value
                if role == "doi":
                    # A pseudo-DOI ("arxiv-2408.16978") in a DOI field names arXiv's DOI.
                    found_dois.setdefault(value.doi, source)
            if paper is not None:
                if arxiv is None:
                    arxiv, arxiv_source = paper, source
                elif paper.id != arxiv.id:
                    agrees = False
        if not agrees:
            extra.setdefault(source.key, source.value)
    version = None
    if arxiv is not None and arxiv_source is not None:
        version = arxiv.version
        arxiv = arxiv.without_version()
        record_step(steps, "parse_identifier", "arxiv_id", arxiv_source.value, arxiv.id)
    listed = tuple(found_dois)
    if listed:
        first = found_dois[listed[0]]
        record_step(steps, "parse_identifier", "doi", first.value, str(listed[0]))
    if len(listed) > 1:
        sources: list[Source] = []
        for source in found_dois.values():
            if not any(source is seen for seen in sources):
                sources.append(source)
        before = sources[0].value if len(sources) == 1 else [s.value for s in sources]
        record_step(steps, "parse_identifier", "dois", before, [str(doi) for doi in listed])
    return Identifiers(arxiv, version, listed)


def _read_source(source: Source, role: str) -> tuple[list[ArxivId | DOI], bool]:
    """Every identifier in one field, in order, and whether every piece of it was one."""
    value = source.value
    if isinstance(value, str):
        texts = [value]
    elif role == "doi" and isinstance(value, list | tuple) and value:
        if not all(isinstance(text, str) for text in value):
            return [], False
        texts = list(value)
    else:
        return [], False
    found: list[ArxivId | DOI] = []
    complete = True
    for text in texts:
        for piece in _split_identifiers(text, role):
            try:
                found.append(
                    parse_doi(piece)
                    if role == "doi" and "10." in piece
                    else parse_identifier(piece)
                )
            except InvalidIdentifier:
                complete = False
    return found, complete


def _split_identifiers(text: str, role: str) -> list[str]:
    # arXiv's doi field may list several DOIs ("10.1103/A, 10.1103/B;10.1103/C").
    if role == "doi" and text.count("10.") > 1:
        return [piece for piece in _LIST_SEPARATORS.split(text) if piece]
    return [text.strip()]
