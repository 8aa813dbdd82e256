"""Input formats: one reader per shape of record, and detection from a record's keys.

:data:`FORMATS` maps each format's name to its :class:`Format`; :func:`detect_format`
picks the first whose keys the record has, in this order: ``arxiv-xml`` (an XML string
or ``{"xml": ...}``), ``paper`` (arxivmeta's own output, passed through),
``semantic-scholar``, ``aggregator``, ``arxiv-snapshot``, and the flat ``corpus``
records, which also serve as the fallback.

>>> detect_format({"id": "0704.0001", "journal-ref": None, "versions": []})
'arxiv-snapshot'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from arxivmeta.errors import InvalidRecord
from arxivmeta.records.formats import aggregator, corpus, paper, semantic_scholar, snapshot, xml
from arxivmeta.records.formats._base import AuthorParts, RawPaper, Source

__all__ = ["FORMATS", "AuthorParts", "Format", "RawPaper", "Source", "detect_format"]


@dataclass(frozen=True)
class Format:
    """An input format: its name, a test on a record's keys, and its reader.

    ``read`` is None for our own :class:`~arxivmeta.Paper` layout, which is validated as a
    whole rather than read field by field.
    """

    name: str
    matches: Callable[[Any], bool]
    read: Callable[[Any], RawPaper] | None


_READERS = (xml, semantic_scholar, aggregator, snapshot, corpus)
FORMATS: MappingProxyType[str, Format] = MappingProxyType(
    {
        xml.NAME: Format(xml.NAME, xml.matches, xml.read),
        paper.NAME: Format(paper.NAME, paper.matches, None),
        **{
            module.NAME: Format(module.NAME, module.matches, module.read) for module in _READERS[1:]
        },
    }
)


def detect_format(record: Any) -> str:
    """The name of the format ``record`` is in, told from its keys.

    >>> detect_format({"title": "x", "doi": "arxiv-2408.16978", "DOIUrl": "https://doi.org/x"})
    'aggregator'
    >>> detect_format("<entry xmlns='http://www.w3.org/2005/Atom'/>")
    'arxiv-xml'
    """
    if isinstance(record, str):
        if xml.matches(record):
            return xml.NAME
        raise InvalidRecord("a record given as text must be arXiv XML")
    if not isinstance(record, Mapping):
        raise InvalidRecord(f"a record must be a mapping, not {type(record).__name__}")
    for candidate in FORMATS.values():
        if candidate.matches(record):
            return candidate.name
    raise InvalidRecord("the record matches no known format")  # unreachable: corpus matches
