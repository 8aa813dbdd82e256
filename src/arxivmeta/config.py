"""Configuration of a cleaning run: one frozen :class:`CleanConfig`, accepted by every entry
point (:func:`~arxivmeta.clean_text`, :func:`~arxivmeta.clean_record`,
:func:`~arxivmeta.clean_records`, :func:`arxivmeta.dask.clean_bag` and ``arxivmeta clean
--config FILE``).

>>> config = CleanConfig.from_mapping({"wraps": {"extra_vocabulary": ["FPDT"]}})
>>> config.wraps.extra_vocabulary, config.repair_line_wraps
(frozenset({'FPDT'}), True)
>>> CleanConfig.from_mapping({"wrap": {}})
Traceback (most recent call last):
...
arxivmeta.errors.ConfigError: unknown option 'wrap'; known: fields, repair_line_wraps, wraps
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from arxivmeta.errors import ConfigError

__all__ = ["FIELD_NAMES", "CleanConfig", "SearchParams", "WrapConfig"]

FIELD_NAMES = frozenset(
    {
        "abstract",
        "arxiv_id",
        "authors",
        "categories",
        "comments",
        "doi",
        "journal_ref",
        "license",
        "published",
        "title",
        "updated",
        "venue",
    }
)
"""The :class:`~arxivmeta.Paper` fields an input key can be named for (``CleanConfig.fields``)."""


class SearchParams(NamedTuple):
    """The numbers the compiled line-wrap search takes, in its argument order.

    The thresholds are log-probability ratios of two words against the one token.
    """

    #: Cut a token outside the wrap geometry only when the evidence is at least this strong.
    local_threshold: float = 6.5
    #: A cut the wrap geometry asks for is made when its evidence is at least this.
    geometry_threshold: float = -7.0
    #: The narrowest and widest hard-wrapped line the geometry considers, in characters.
    min_width: int = 60
    max_width: int = 84
    #: Tokens longer than this (URLs, formulas) are never cut: it bounds the work per token.
    max_token_length: int = 60


_SEARCH = SearchParams()


@dataclass(frozen=True, slots=True)
class WrapConfig:
    """Options for :func:`~arxivmeta.repair_line_wraps`; frozen, so one object can be shared.

    ``extra_vocabulary`` holds words that are never split and count as words when they
    appear as one side of a cut. The numbers are :class:`SearchParams`' (defaults there).

    >>> WrapConfig(min_width=50).search_params.min_width
    50
    """

    extra_vocabulary: frozenset[str] = frozenset()
    local_threshold: float = _SEARCH.local_threshold
    geometry_threshold: float = _SEARCH.geometry_threshold
    min_width: int = _SEARCH.min_width
    max_width: int = _SEARCH.max_width
    max_token_length: int = _SEARCH.max_token_length
    #: Join "long-\\nterm" into "long-term" in marked text (``False``: "long- term").
    join_hyphenated: bool = True

    @property
    def search_params(self) -> SearchParams:
        """The numbers handed to the compiled search."""
        return SearchParams(
            self.local_threshold,
            self.geometry_threshold,
            self.min_width,
            self.max_width,
            self.max_token_length,
        )


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """How records and texts are cleaned; the default cleans as the library always has.

    ``repair_line_wraps=False`` skips the line-wrap repair (for text that was never
    hard-wrapped: the repair is most of the cost of a record).

    >>> CleanConfig(repair_line_wraps=False).wraps == WrapConfig()
    True

    ``fields`` says what an input key means, for layouts the readers do not know: a mapping
    (or ``(field, key)`` pairs) from a field of :data:`FIELD_NAMES` to a top-level key. A
    named key fills its field only when the record's own layout gave that field nothing.

    >>> CleanConfig(fields={"abstract": "summary"}).fields
    (('abstract', 'summary'),)
    >>> CleanConfig(fields={"abstrct": "summary"})
    Traceback (most recent call last):
    ...
    arxivmeta.errors.ConfigError: unknown field 'abstrct' in option 'fields'; known: abstract, \
arxiv_id, authors, categories, comments, doi, journal_ref, license, published, title, updated, venue
    """

    wraps: WrapConfig = field(default_factory=WrapConfig)
    repair_line_wraps: bool = True
    fields: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # Kept as sorted pairs, not a dict: the config stays hashable and picklable for
        # worker processes, and two spellings of one mapping compare equal.
        object.__setattr__(self, "fields", _field_pairs(self.fields))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> CleanConfig:
        """Build a config from plain data (a parsed TOML or JSON file); unknown keys and
        values of the wrong type raise :class:`~arxivmeta.errors.ConfigError`."""
        _check_keys(data, cls, "")
        wraps = data.get("wraps", {})
        if not isinstance(wraps, Mapping):
            raise ConfigError(f"option 'wraps' must be a table, not {type(wraps).__name__}")
        _check_keys(wraps, WrapConfig, "wraps.")
        wrap_options = {
            key: _typed(f"wraps.{key}", value, WrapConfig, key) for key, value in wraps.items()
        }
        fields = data.get("fields", {})
        if not isinstance(fields, Mapping):
            raise ConfigError(f"option 'fields' must be a table, not {type(fields).__name__}")
        return cls(
            wraps=WrapConfig(**wrap_options),
            repair_line_wraps=_typed(
                "repair_line_wraps", data.get("repair_line_wraps", True), cls, "repair_line_wraps"
            ),
            fields=tuple(fields.items()),
        )


def _field_pairs(given: Any) -> tuple[tuple[str, str], ...]:
    """``(field, key)`` pairs from a mapping or pairs, checked: known fields, one meaning a key."""
    items = given.items() if isinstance(given, Mapping) else given
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise ConfigError("option 'fields' must map field names to input keys")
    pairs: dict[str, str] = {}
    for item in items:
        if not isinstance(item, tuple | list) or len(item) != 2:
            raise ConfigError("option 'fields' must map field names to input keys")
        name, key = item
        if name not in FIELD_NAMES:
            known = ", ".join(sorted(FIELD_NAMES))
            raise ConfigError(f"unknown field {name!r} in option 'fields'; known: {known}")
        if not isinstance(key, str) or not key.strip():
            raise ConfigError(f"option 'fields.{name}' must name an input key")
        if name in pairs and pairs[name] != key:
            raise ConfigError(
                f"option 'fields' names two keys for {name!r}: {pairs[name]!r}, {key!r}"
            )
        meant = [other for other, its_key in pairs.items() if its_key == key and other != name]
        if meant:
            raise ConfigError(f"option 'fields' names key {key!r} for {meant[0]!r} and {name!r}")
        pairs[name] = key
    return tuple(sorted(pairs.items()))


def _check_keys(data: Mapping[str, Any], kind: type[Any], prefix: str) -> None:
    known = [f.name for f in dataclasses.fields(kind)]
    for key in data:
        if key not in known:
            raise ConfigError(
                f"unknown option {prefix + str(key)!r}; known: {', '.join(sorted(known))}"
            )


def _typed(name: str, value: Any, kind: type[Any], key: str) -> Any:
    """``value`` for option ``key`` of ``kind``, checked against the field's type."""
    wanted = {f.name: f.type for f in dataclasses.fields(kind)}[key]
    if wanted == "frozenset[str]":
        if isinstance(value, str) or not all(isinstance(v, str) for v in _iterable(name, value)):
            raise ConfigError(f"option {name!r} must be a list of strings")
        return frozenset(value)
    if wanted == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"option {name!r} must be true or false")
        return value
    if wanted == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"option {name!r} must be a positive whole number")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ConfigError(f"option {name!r} must be a finite number")
    return float(value)


def _iterable(name: str, value: Any) -> list[Any]:
    if not isinstance(value, list | tuple | set | frozenset):
        raise ConfigError(f"option {name!r} must be a list of strings")
    return list(value)
