"""Semantic Scholar Graph API paper objects.

Fields: ``paperId``, ``externalIds`` (``ArXiv``, ``DOI``, ``DBLP``...), ``title``,
``abstract``, ``authors`` (``[{authorId, name}]``), ``venue``, ``publicationVenue``,
``year``, ``publicationDate``, ``journal`` (``{name, volume, pages}``),
``citationCount``... https://api.semanticscholar.org/api-docs/graph

Semantic Scholar files arXiv preprints under the venue "arXiv.org" and the journal
"ArXiv"; a preprint server is not a venue, so those give ``venue=None``.

``year`` alone stays in ``extra``: ``Paper.published`` is a calendar date, and a month and
day the source does not state are never invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

from arxivmeta.records.formats._base import RawPaper, Reader, Source, blank

NAME = "semantic-scholar"
KEYS = frozenset({"paperId", "externalIds", "corpusId", "publicationVenue", "s2FieldsOfStudy"})
_ARXIV_VENUE = regex.compile(r"^\s*arxiv(?:\.org)?(?:\s*\(cornell university\))?\s*$", regex.I)


def matches(record: Mapping[str, Any]) -> bool:
    """True when the record has Semantic Scholar's field names."""
    return not KEYS.isdisjoint(record)


def is_arxiv_venue(name: str) -> bool:
    """True for the names Semantic Scholar gives arXiv (``arXiv.org``, ``ArXiv``)."""
    return _ARXIV_VENUE.match(name) is not None


def read(record: Mapping[str, Any]) -> RawPaper:
    """Find the raw values of a Semantic Scholar paper."""
    reader = Reader(record)
    raw = RawPaper()
    external = record.get("externalIds")
    if isinstance(external, Mapping):
        reader.get("externalIds")
        rest = dict(external)
        arxiv = rest.pop("ArXiv", None)
        if isinstance(arxiv, str) and arxiv.strip():
            raw.identifiers.append(Source("externalIds.ArXiv", arxiv))
        doi = rest.pop("DOI", None)
        if isinstance(doi, str) and doi.strip():
            raw.dois.append(Source("externalIds.DOI", doi))
        if rest:
            raw.extra["externalIds"] = rest
    raw.title = reader.text("title")
    raw.abstract = reader.text("abstract")
    authors = record.get("authors")
    if isinstance(authors, list) and all(
        isinstance(item, Mapping) and isinstance(item.get("name"), str) for item in authors
    ):
        reader.get("authors")
        if authors:
            raw.authors_names = Source("authors", tuple(item["name"] for item in authors))
        if any(set(item) - {"name"} for item in authors):
            raw.extra["authors"] = authors  # author ids and the like
    raw.published = reader.text("publicationDate")
    count = record.get("citationCount")
    if isinstance(count, int) and not isinstance(count, bool):
        reader.get("citationCount")
        raw.citation_count = Source("citationCount", count)
    _read_venue(reader, raw)
    for key, value in reader.leftovers().items():
        raw.extra.setdefault(key, value)
    return raw


def _read_venue(reader: Reader, raw: RawPaper) -> None:
    record = reader.record
    candidates: list[Source] = []
    venue_block = record.get("publicationVenue")
    if isinstance(venue_block, Mapping) and isinstance(venue_block.get("name"), str):
        candidates.append(Source("publicationVenue.name", venue_block["name"]))
    if isinstance(record.get("venue"), str):
        candidates.append(Source("venue", record["venue"]))
    journal = record.get("journal")
    journal_name = journal.get("name") if isinstance(journal, Mapping) else None
    if isinstance(journal_name, str):
        candidates.append(Source("journal.name", journal_name))
    for candidate in candidates:
        if not blank(candidate.value) and not is_arxiv_venue(candidate.value):
            raw.venue = candidate
            if candidate.key == "venue":
                reader.get("venue")
            break
    if (
        isinstance(journal, Mapping)
        and isinstance(journal_name, str)
        and not blank(journal_name)
        and not is_arxiv_venue(journal_name)
    ):
        pieces = [journal_name.strip()]
        for key in ("volume", "pages"):
            value = journal.get(key)
            if isinstance(value, str) and value.strip():
                pieces.append(value.strip())
        if len(pieces) > 1:
            # Kept whole in ``extra`` too: the composed reference loses which part is which.
            raw.journal_ref = Source("journal", ", ".join(pieces))
