"""arXiv's metadata snapshot (the Kaggle "arXiv Dataset", one JSON object per line).

Fields: ``id``, ``submitter``, ``authors`` (raw string), ``title``, ``comments``,
``journal-ref``, ``doi``, ``report-no``, ``categories`` (space-separated), ``license``,
``abstract``, ``versions`` (``[{version, created}]``, RFC 2822 dates), ``update_date``
and ``authors_parsed`` (``[keyname, forenames, suffix, affiliation...]``).
https://www.kaggle.com/datasets/Cornell-University/arxiv

The v1 date is ``published`` and the last version's date ``updated``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from arxivmeta.records.formats._base import AuthorParts, RawPaper, Reader, Source

NAME = "arxiv-snapshot"
KEYS = frozenset({"versions", "journal-ref", "report-no", "update_date", "submitter"})


def matches(record: Mapping[str, Any]) -> bool:
    """True when the record has the snapshot's hyphenated or version fields."""
    return not KEYS.isdisjoint(record)


def read(record: Mapping[str, Any]) -> RawPaper:
    """Find the raw values of a snapshot record."""
    reader = Reader(record)
    raw = RawPaper()
    read_common(reader, raw, journal_ref="journal-ref")
    versions = record.get("versions")
    if (
        isinstance(versions, list)
        and versions
        and all(isinstance(item, Mapping) for item in versions)
    ):
        reader.get("versions")
        first, last = versions[0], versions[-1]
        if isinstance(first.get("created"), str):
            raw.published = Source("versions[0].created", first["created"])
        if len(versions) > 1 and isinstance(last.get("created"), str):
            raw.updated = Source(f"versions[{len(versions) - 1}].created", last["created"])
        raw.arxiv_version = Source(f"versions[{len(versions) - 1}].version", last.get("version"))
        if set().union(*(item.keys() for item in versions)) - {"version", "created"}:
            raw.extra["versions"] = versions
    raw.extra.update(reader.leftovers())
    return raw


def read_common(reader: Reader, raw: RawPaper, *, journal_ref: str) -> None:
    """Read the fields the snapshot shares with the flat corpus records."""
    identifier = reader.text("id")
    if identifier is not None:
        raw.identifiers.append(identifier)
    doi = reader.text("doi")
    listed = reader.record.get("doi")
    if doi is not None:
        raw.dois.append(doi)
    elif isinstance(listed, list) and listed and all(isinstance(v, str) for v in listed):
        raw.dois.append(Source("doi", reader.get("doi")))  # a JSON list of DOIs
    raw.title = reader.text("title")
    raw.abstract = reader.text("abstract")
    raw.authors_text = reader.text("authors")
    parsed = reader.record.get("authors_parsed")
    parts = author_parts(parsed)
    if parts is not None:
        reader.get("authors_parsed")
        raw.authors_parts = Source("authors_parsed", parts)
    elif parsed is None:
        reader.get("authors_parsed")
    raw.categories = reader.text("categories")
    raw.journal_ref = reader.text(journal_ref)
    raw.comments = reader.text("comments")
    raw.license = reader.text("license")


def author_parts(parsed: Any) -> tuple[AuthorParts, ...] | None:
    """``[[keyname, forenames, suffix, affiliation...], ...]`` as parts, if it is that."""
    if not isinstance(parsed, list) or not parsed:
        return None
    parts = []
    for item in parsed:
        if not isinstance(item, list | tuple) or not item:
            return None
        if not all(isinstance(piece, str) for piece in item):
            return None
        padded = [*item, "", ""]
        parts.append(
            AuthorParts(padded[0], padded[1], padded[2], tuple(a for a in item[3:] if a.strip()))
        )
    return tuple(parts)
