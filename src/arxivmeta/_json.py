"""JSON as records may hold it: strict decoding, one depth limit, one number limit.

A record is metadata, so a number of hundreds of digits or containers nested thousands deep
are attacks or accidents, never data: both are refused on the way in (:func:`decode_json`,
:func:`nests_deeper_than`), and a value that JSON cannot carry back out is found before a
record is built (:func:`first_unsafe_value`).

>>> decode_json('{"citationCount": 12}')
{'citationCount': 12}
>>> first_unsafe_value({"year": float("nan")})
"'year' holds nan, which JSON cannot represent"
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "BadNumber",
    "decode_json",
    "first_unsafe_value",
    "nests_deeper_than",
]

MAX_DEPTH = 64
"""Deepest nesting of arrays and objects (or XML elements) accepted in a record; real
records nest less than 10 deep."""

MAX_NUMBER_DIGITS = 100
"""Longest number accepted: JSON readers (pydantic's among them) refuse longer ones, so a
record holding one could not be read back, and they are a denial-of-service risk."""

_TOO_LARGE = 10**MAX_NUMBER_DIGITS


class BadNumber(ValueError):
    """A number that cannot be kept as metadata (too long, or not finite)."""


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise BadNumber(f"number too large ({len(text)} digits)")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise BadNumber(f"number too large ({len(text)} characters)")
    value = float(text)
    if not math.isfinite(value):
        raise BadNumber(f"number out of range: {text}")
    return value


def _parse_constant(text: str) -> float:
    raise BadNumber(f"{text} is not a JSON number")


_DECODER = json.JSONDecoder(
    parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant
)


def decode_json(text: str) -> Any:
    """Decode one JSON value strictly: no NaN, no infinities, no numbers over 100 digits.

    Raises :class:`ValueError` (``json.JSONDecodeError`` for bad syntax, :class:`BadNumber`
    for numbers) or :class:`RecursionError` for absurd nesting.

    >>> decode_json('[1e999]')
    Traceback (most recent call last):
    ...
    arxivmeta._json.BadNumber: number out of range: 1e999
    """
    return _DECODER.decode(text)


def nests_deeper_than(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``value`` nests containers more than ``limit`` deep (a loop, no recursion).

    >>> nests_deeper_than([[[]]], 2), nests_deeper_than([[[]]], 3)
    (True, False)
    """
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend(
            (child, depth + 1) for child in children if isinstance(child, Mapping | list | tuple)
        )
    return False


def first_unsafe_value(values: Mapping[str, Any]) -> str | None:
    """Describe the first value in ``values`` that JSON cannot carry, or ``None``: a float
    that is not finite, or an integer of more than :data:`MAX_NUMBER_DIGITS` digits."""
    pending: list[tuple[str, Any]] = list(values.items())
    while pending:  # a loop, not recursion: nesting depth is the input's to choose
        path, value = pending.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return f"{path!r} holds {value!r}, which JSON cannot represent"
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _TOO_LARGE:
            return f"{path!r} holds a number of more than {MAX_NUMBER_DIGITS} digits"
        if isinstance(value, Mapping):
            pending.extend((f"{path}.{key}", item) for key, item in value.items())
        elif isinstance(value, list | tuple):
            pending.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
    return None
