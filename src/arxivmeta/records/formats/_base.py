"""What a format reader hands the record cleaner: raw values, each with the key it came from.

A reader only finds values; it cleans nothing. The cleaner in :mod:`arxivmeta.records`
turns a :class:`RawPaper` into a :class:`~arxivmeta.Paper` and explains each change.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["AuthorParts", "RawPaper", "Reader", "Source"]


class Source(NamedTuple):
    """A raw value and the path of the input field it came from (``journal.name``)."""

    key: str
    value: Any


class AuthorParts(NamedTuple):
    """An author given as parts, as arXiv's ``authors_parsed`` and OAI ``<author>`` do."""

    family: str
    given: str
    suffix: str
    affiliations: tuple[str, ...]


@dataclass
class RawPaper:
    """The raw values a reader found, by :class:`~arxivmeta.Paper` field."""

    identifiers: list[Source] = field(default_factory=list)
    dois: list[Source] = field(default_factory=list)
    title: Source | None = None
    title_translations: dict[str, Source] = field(default_factory=dict)
    abstract: Source | None = None
    abstract_translations: dict[str, Source] = field(default_factory=dict)
    authors_text: Source | None = None
    authors_parts: Source | None = None
    authors_names: Source | None = None
    published: Source | None = None
    updated: Source | None = None
    arxiv_version: Source | None = None
    categories: Source | None = None
    category_name: Source | None = None
    journal_ref: Source | None = None
    venue: Source | None = None
    comments: Source | None = None
    license: Source | None = None
    citation_count: Source | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Reader:
    """Hands out a record's fields and remembers which were read; the rest is ``extra``."""

    def __init__(self, record: Mapping[str, Any]) -> None:
        self.record = record
        self.used: set[str] = set()

    def get(self, key: str) -> Any:
        """The value at ``key``, marked as used; ``None`` when absent."""
        if key in self.record:
            self.used.add(key)
            return self.record[key]
        return None

    def text(self, key: str) -> Source | None:
        """The non-blank string at ``key``, or ``None``; other types stay in ``extra``."""
        value = self.record.get(key)
        if isinstance(value, str):
            self.used.add(key)
            if value.strip():
                return Source(key, value)
        elif value is None and key in self.record:
            self.used.add(key)
        return None

    def leftovers(self) -> dict[str, Any]:
        """Every input field that no reader used, keyed by its original name."""
        return {key: value for key, value in self.record.items() if key not in self.used}

    def __iter__(self) -> Iterator[str]:
        return iter(self.record)


def blank(value: Any) -> bool:
    """True for ``None``, empty or whitespace-only strings, and empty containers."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict):
        return not value
    return False
