"""Flat arXiv records: the project corpus (``dev.jsonl``) and any record with plain keys.

Fields: ``id``, ``title``, ``authors`` (raw string), ``abstract``, ``doi``,
``journal_ref``, ``categories``, ``authors_parsed``, ``comments``, ``report_no``,
``license``, ``authors_list`` (names only), plus provenance (``source``,
``source_format``...) which stays in ``extra``. This is also the fallback for records
that match no other format.
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
    names = record.get("authors_list")
    if isinstance(names, list) and names and all(isinstance(name, str) for name in names):
        reader.get("authors_list")
        raw.authors_names = Source("authors_list", tuple(names))
    elif names is None:
        reader.get("authors_list")
    for key in ("published", "date", "publicationDate"):
        if raw.published is None:
            raw.published = reader.text(key)
    raw.updated = reader.text("updated")
    raw.venue = reader.text("venue")
    raw.extra = reader.leftovers()
    return raw
