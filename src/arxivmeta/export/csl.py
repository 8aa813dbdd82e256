"""Papers as CSL-JSON items, the input of citeproc, Pandoc and Zotero.

Fields follow the CSL data schema (``csl-data.json``,
https://github.com/citation-style-language/schema): a preprint is ``type: article`` with
``publisher: arXiv`` and the arXiv id as ``number``; a paper with a journal reference is
``article-journal`` with it as ``container-title`` (and the arXiv id in ``note``, since
``number`` would read as the issue). Names are ``{family, given}`` with lower-case
particles apart (``non-dropping-particle``, ``dropping-particle``) and ``suffix``; a
collaboration is a ``literal``. Title and abstract are plain Unicode text.

>>> from arxivmeta import clean_record
>>> paper = clean_record({"title": "Partition Detection in Byzantine Networks",
...     "authors": "Yérom-David BrombergIRISA, UR", "doi": "arxiv-2408.14814",
...     "publicationDate": "2024-08-27"})
>>> item = to_csl_json(paper)
>>> item["type"], item["number"], item["issued"]
('article', 'arXiv:2408.14814', {'date-parts': [[2024, 8, 27]]})
>>> item["author"]
[{'family': 'Bromberg', 'given': 'Yérom-David'}]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from arxivmeta.export._keys import KeyFunction, KeyRing, citation_key
from arxivmeta.export._particles import split_family, split_given
from arxivmeta.models import Author, Paper
from arxivmeta.text import to_plain_text

__all__ = ["papers_to_csl_json", "to_csl_json"]


def csl_name(author: Author) -> dict[str, str]:
    """One CSL name: ``family``/``given`` and particles, or ``literal``.

    >>> from arxivmeta import parse_author_name
    >>> csl_name(parse_author_name("J. van der Waals"))
    {'family': 'Waals', 'given': 'J.', 'non-dropping-particle': 'van der'}
    """
    if author.is_collaboration or not author.family:
        return {"literal": author.name}
    particle, family = split_family(author.family)
    name = {"family": family}
    if author.given:
        given, dropping = split_given(author.given)
        if given:
            name["given"] = given
        if dropping:
            name["dropping-particle"] = dropping
    if particle:
        name["non-dropping-particle"] = particle
    if author.suffix:
        name["suffix"] = author.suffix
    return name


def to_csl_json(paper: Paper, *, key: str | None = None) -> dict[str, Any]:
    """One CSL-JSON item for ``paper``, its ``id`` being ``key`` or :func:`citation_key`."""
    item: dict[str, Any] = {"id": key if key is not None else citation_key(paper)}
    item["type"] = "article-journal" if paper.journal_ref else "article"
    if paper.title:
        item["title"] = to_plain_text(paper.title)
    if paper.authors:
        item["author"] = [csl_name(author) for author in paper.authors]
    date = paper.published or paper.updated
    if date is not None:
        item["issued"] = {"date-parts": [[date.year, date.month, date.day]]}
    doi = paper.doi or (paper.arxiv_id.doi if paper.arxiv_id is not None else None)
    if doi is not None:
        item["DOI"] = doi.value
    if paper.arxiv_id is not None:
        item["URL"] = paper.arxiv_id.abs_url
        eprint = "arXiv:" + paper.arxiv_id.id
        if paper.journal_ref:
            item["note"] = eprint
        else:
            item["number"] = eprint
            item["publisher"] = "arXiv"
    if paper.journal_ref:
        item["container-title"] = to_plain_text(paper.journal_ref)
    abstract = paper.abstract_plain
    if abstract:
        item["abstract"] = abstract
    return item


def papers_to_csl_json(
    papers: Iterable[Paper], *, key: KeyFunction = citation_key
) -> list[dict[str, Any]]:
    """CSL-JSON items for ``papers``, with ids unique as :func:`papers_to_bibtex` keys are."""
    ring = KeyRing()
    return [to_csl_json(paper, key=ring.claim(key(paper))) for paper in papers]
