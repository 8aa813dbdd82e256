"""Flat arXiv records: the project corpus (``dev.jsonl``) and any record with plain keys.

Fields: ``id``, ``title``, ``authors`` (a raw string, or a list of names), ``abstract``,
``doi``, ``journal_ref``, ``categories`` (space-separated, or a list of codes),
``authors_parsed``, ``comments``, ``report_no``, ``license``, ``authors_list`` (names only),
plus provenance (``source``, ``source_format``...) which stays in ``extra``. This is also
the fallback for records that match no other format.

Daily-arXiv digests (JSON Lines written from the arXiv API by the ``daily-arXiv`` family
of scripts) spell two fields the way the arXiv API's Atom feed does: ``summary`` for the
abstract and ``comment`` for the comments (``<summary>``, ``<arxiv:comment>``,
https://info.arxiv.org/help/api/user-manual.html). Either is read only when the record
has no ``abstract`` or ``comments`` of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from arxivmeta.records.formats._base import RawPaper, Reader, Source
from arxivmeta.records.formats.snapshot import read_common

NAME = "corpus"
KEYS = frozenset({"journal_ref", "report_no", "authors_list", "oai_set", "authors_parsed"})


def matches(record: Mapping[str, Any]) -> bool:
    """True for flat records; the fallback format, so any mapping matches."""
    return True


def read(record: Mapping[str, Any]) -> RawPaper:
    """Find the raw values of a flat record."""
    reader = Reader(record)
    raw = RawPaper()
    read_common(reader, raw, journal_ref="journal_ref")
    for key in ("authors", "authors_list"):
        if raw.authors_text is None and raw.authors_names is None:
            raw.authors_names = _names(reader, key)
    if reader.record.get("authors_list") is None:
        reader.get("authors_list")
    if raw.categories is None:
        raw.categories = _codes(reader, "categories")
    if raw.abstract is None:
        raw.abstract = reader.text("summary")
    if raw.comments is None:
        raw.comments = reader.text("comment")
    for key in ("published", "date", "publicationDate"):
        if raw.published is None:
            raw.published = reader.text(key)
    raw.updated = reader.text("updated")
    raw.venue = reader.text("venue")
    raw.extra = reader.leftovers()
    return raw


def _names(reader: Reader, key: str) -> Source | None:
    """A non-empty list of name strings at ``key``; anything else stays where it is."""
    names = reader.record.get(key)
    if isinstance(names, list) and names and all(isinstance(name, str) for name in names):
        reader.get(key)
        return Source(key, tuple(names))
    return None


def _codes(reader: Reader, key: str) -> Source | None:
    """A list of category strings at ``key`` (the cleaner tells codes from other terms)."""
    codes = reader.record.get(key)
    if isinstance(codes, list) and codes and all(isinstance(code, str) for code in codes):
        reader.get(key)
        return Source(key, codes)
    return None
