"""Records of the Chinese literature aggregators that relist Semantic Scholar's arXiv feed.

Shape (``examples/aggregator-sample.json``): ``title``, an ``authors`` string whose
affiliations are glued to the names, ``doi`` as a pseudo-DOI ``arxiv-2408.16978``,
``DOIUrl``, an ``abstract`` whose deleted line breaks are U+0000, ``journal`` naming the
arXiv listing (``arXiv - CS - Distributed, Parallel, and Cluster Computing``) with an
invented ``volume`` and empty ``pages``, ``publicationDate``, ``TitleCN`` and
``AbstractTextCN`` translations, ``citationCount`` and site bookkeeping.

The listing is arXiv itself, not a journal: it gives the category and no venue; the
invented volume, pages and ``PeriodicalIF`` stay in ``extra``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from arxivmeta.categories import category_for_name
from arxivmeta.records.formats._base import RawPaper, Reader, Source

NAME = "aggregator"
KEYS = frozenset({"DOIUrl", "TitleCN", "AbstractTextCN", "PeriodicalId", "PeriodicalIF"})


def matches(record: Mapping[str, Any]) -> bool:
    """True when the record has the aggregator's own field names."""
    return not KEYS.isdisjoint(record)


def read(record: Mapping[str, Any]) -> RawPaper:
    """Find the raw values of an aggregator record."""
    reader = Reader(record)
    raw = RawPaper()
    for key in ("doi", "DOIUrl"):
        source = reader.text(key)
        if source is not None:
            raw.dois.append(source)
    url = reader.text("url")
    if url is not None:
        raw.identifiers.append(url)
    raw.title = reader.text("title")
    raw.abstract = reader.text("abstract")
    title_cn = reader.text("TitleCN")
    if title_cn is not None:
        raw.title_translations["zh"] = title_cn
    abstract_cn = reader.text("AbstractTextCN")
    if abstract_cn is not None:
        raw.abstract_translations["zh"] = abstract_cn
    raw.authors_text = reader.text("authors")
    raw.published = reader.text("publicationDate") or reader.text("EPubDate")
    count = record.get("citationCount")
    if count is None or (isinstance(count, int) and not isinstance(count, bool)):
        reader.get("citationCount")
        if count is not None:
            raw.citation_count = Source("citationCount", count)
    journal = record.get("journal")
    if isinstance(journal, Mapping) and isinstance(journal.get("name"), str):
        # The journal block names the arXiv listing; its volume and pages are the site's
        # invention, so the whole block is kept in ``extra`` as it came.
        name = journal["name"]
        if category_for_name(name) is not None:
            raw.category_name = Source("journal.name", name)
        elif name.strip():
            raw.venue = Source("journal.name", name)
    raw.extra = reader.leftovers()
    return raw
