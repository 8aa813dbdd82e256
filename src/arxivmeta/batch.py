"""Clean many records at once, turning bad input into :class:`Rejected` values.

:func:`clean_records` is the loop behind the command line, the Dask bag and the Spark or
Ray recipes: it takes parsed records or raw JSON text, keeps the input order, and never
raises for bad data. A line that is not JSON, a value that is not an object and a record
that cannot be cleaned each come out as a :class:`Rejected` saying where and why.

>>> from arxivmeta.batch import clean_records
>>> lines = ['{"title": "Quantum  walks"}', '{"title": "Cut off', '[1, 2]']
>>> for result in clean_records(lines):
...     print(type(result).__name__, getattr(result, "position", ""))
Paper
Rejected 2
Rejected 3
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from arxivmeta._json import MAX_DEPTH, decode_json, nests_deeper_than
from arxivmeta.config import CleanConfig
from arxivmeta.errors import ArxivMetaError, InvalidRecord
from arxivmeta.explain import Step
from arxivmeta.models import Paper
from arxivmeta.records import clean_and_explain, clean_record

__all__ = ["RAW_LIMIT", "Rejected", "clean_one", "clean_records", "explain_records"]

RAW_LIMIT = 65_536
"""Characters of raw text kept in :attr:`Rejected.raw`; longer text is cut and ends in ``…``.

Large enough that almost every rejected record can be repaired and fed back as it is,
small enough that one runaway line cannot fill the rejects file.
"""


class Rejected(BaseModel):
    """An input that could not be cleaned: where it was, why, and its raw text.

    ``position`` is the 1-based line number in JSON Lines, or the 1-based index in an
    array; ``raw`` is the text as read (a parsed record is shown re-encoded as JSON),
    cut to :data:`RAW_LIMIT` characters; ``source`` names the file when known. The
    command line keeps ``raw`` whole, and where the input was not valid UTF-8 it adds
    ``raw_base64``, the exact bytes, so the input can always be rebuilt.

    >>> Rejected(position=3, reason="not valid JSON", raw='{"title": ').model_dump()
    {'position': 3, 'reason': 'not valid JSON', 'raw': '{"title": ', 'source': None,
     'raw_base64': None}
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    position: int
    reason: str
    raw: str
    source: str | None = None
    raw_base64: str | None = None


def shorten_raw(text: str) -> str:
    """Cut ``text`` to :data:`RAW_LIMIT` characters, marking a cut with ``…``."""
    return text if len(text) <= RAW_LIMIT else text[: RAW_LIMIT - 1] + "…"


def raw_text(item: Any) -> str:
    """The text of an input as a :class:`Rejected` shows it, cut to :data:`RAW_LIMIT`."""
    if isinstance(item, bytes):
        return shorten_raw(item[: RAW_LIMIT * 4].decode("utf-8", "replace").rstrip("\r\n"))
    if isinstance(item, str):
        return shorten_raw(item.rstrip("\r\n"))
    try:
        return shorten_raw(json.dumps(item, ensure_ascii=False, default=repr))
    except (ValueError, TypeError, RecursionError):
        pass
    try:
        return shorten_raw(repr(item))
    except RecursionError:
        return f"<{type(item).__name__} nested too deep to show>"
    except ValueError:  # an integer too long for str() (sys.get_int_max_str_digits)
        return f"<{type(item).__name__} holding a number too long to show>"


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


def to_record(item: Mapping[str, Any] | str | bytes, position: int) -> Mapping[str, Any] | Rejected:
    """Turn one input (a record, or JSON text) into a record, or say why it is not one."""
    if isinstance(item, bytes | bytearray):
        try:
            text = bytes(item).decode("utf-8")
        except UnicodeDecodeError as error:
            return Rejected(
                position=position,
                reason=f"not valid UTF-8 (byte {error.start})",
                raw=raw_text(bytes(item)),
            )
    elif isinstance(item, str):
        text = item
    elif isinstance(item, Mapping):
        if nests_deeper_than(item, MAX_DEPTH):
            return Rejected(
                position=position,
                reason=f"nested deeper than {MAX_DEPTH} levels",
                raw=raw_text(item),
            )
        return item
    else:
        return Rejected(
            position=position,
            reason=f"not a JSON object or JSON text ({type(item).__name__})",
            raw=raw_text(item),
        )
    if not text.strip():
        return Rejected(position=position, reason="blank line (no record)", raw="")
    # A line read from a file keeps its terminator; it is not part of the record, and
    # leaving it in would make a truncated line report a different place than the CLI.
    text = text.removesuffix("\n").removesuffix("\r")
    try:
        value = decode_json(text)
    except json.JSONDecodeError as error:
        where = (
            f"column {error.colno}"
            if error.lineno == 1
            else f"line {error.lineno} column {error.colno}"
        )
        cut_short = error.msg.startswith("Unterminated") or error.pos >= len(text.rstrip())
        kind = "truncated JSON" if cut_short else "not valid JSON"
        return Rejected(
            position=position,
            reason=f"{kind}: {error.msg.removesuffix(' at')} at {where}",
            raw=raw_text(text),
        )
    except RecursionError:
        return Rejected(
            position=position, reason=f"nested deeper than {MAX_DEPTH} levels", raw=raw_text(text)
        )
    except ValueError as error:
        return Rejected(position=position, reason=str(error), raw=raw_text(text))
    if not isinstance(value, dict):
        return Rejected(
            position=position,
            reason=f"not a JSON object ({_json_type(value)})",
            raw=raw_text(text),
        )
    if nests_deeper_than(value, MAX_DEPTH):
        return Rejected(
            position=position, reason=f"nested deeper than {MAX_DEPTH} levels", raw=raw_text(text)
        )
    return value


def failure_reason(error: Exception) -> str:
    """Say in words why cleaning raised ``error``."""
    if isinstance(error, InvalidRecord):
        return error.reason
    if isinstance(error, ArxivMetaError):
        return str(error) or type(error).__name__
    if isinstance(error, ValueError):
        return f"cannot clean: {str(error).splitlines()[0] if str(error) else type(error).__name__}"
    # Not a data problem but a defect; rejecting keeps a long run alive and the record findable.
    return f"internal error ({type(error).__name__}: {error}); please report it"


def clean_one(
    item: Mapping[str, Any] | str | bytes,
    position: int,
    *,
    format: str | None = None,
    config: CleanConfig | None = None,
    explain: bool = False,
) -> tuple[Paper, list[Step]] | Rejected:
    """Clean one input (a record or its JSON text) at ``position``: the paper and its steps
    (listed when ``explain``), or why it was rejected. Never raises for bad data.

    Every batch in the library (:func:`clean_records`, the command line's workers, the Dask
    bag) cleans its records through this function (or, with the input already decoded,
    :func:`clean_decoded`).

    >>> paper, steps = clean_one('{"title": "Faster  Cycle\\\\n  Detection"}', 1, explain=True)
    >>> paper.title, [s.fixer for s in steps]
    ('Faster Cycle Detection', ['join_lines', 'collapse_whitespace'])
    >>> clean_one("[]", 2).reason
    'not a JSON object (an array)'
    """
    record = to_record(item, position)
    if isinstance(record, Rejected):
        return record
    return clean_decoded(record, item, position, format=format, config=config, explain=explain)


def clean_decoded(
    record: Mapping[str, Any],
    item: Mapping[str, Any] | str | bytes,
    position: int,
    *,
    format: str | None = None,
    config: CleanConfig | None = None,
    explain: bool = False,
) -> tuple[Paper, list[Step]] | Rejected:
    """:func:`clean_one` for an input ``item`` that :func:`to_record` already decoded into
    ``record`` (the command line keeps the record, to compare it with the paper)."""
    try:
        if explain:
            return clean_and_explain(record, format=format, config=config)
        return clean_record(record, format=format, config=config), []
    except Exception as error:  # every failure is reported as a rejection
        return Rejected(position=position, reason=failure_reason(error), raw=raw_text(item))


def clean_records(
    records: Iterable[Mapping[str, Any] | str | bytes],
    *,
    format: str | None = None,
    config: CleanConfig | None = None,
    start: int = 1,
) -> Iterator[Paper | Rejected]:
    """Clean each record in turn, yielding a :class:`Paper` or a :class:`Rejected` per input.

    Items may be parsed records or JSON text (``str`` or ``bytes``, such as lines of a JSON
    Lines file). Results keep the input order, one per input; ``start`` is the position of
    the first input (a line number). ``format`` and ``config`` are passed to
    :func:`~arxivmeta.clean_record`. Never raises for bad data.

    >>> [type(r).__name__ for r in clean_records([{"title": "A"}, "{oops}", b"null"], start=10)]
    ['Paper', 'Rejected', 'Rejected']
    """
    for position, item in enumerate(records, start):
        result = clean_one(item, position, format=format, config=config)
        yield result if isinstance(result, Rejected) else result[0]


def explain_records(
    records: Iterable[Mapping[str, Any] | str | bytes],
    *,
    format: str | None = None,
    config: CleanConfig | None = None,
    start: int = 1,
) -> Iterator[tuple[Paper, list[Step]] | Rejected]:
    """Like :func:`clean_records`, but yield ``(paper, steps)`` for each cleaned record.

    >>> [type(r).__name__ for r in explain_records(['{"title": "A"}', "[]"])]
    ['tuple', 'Rejected']
    """
    for position, item in enumerate(records, start):
        yield clean_one(item, position, format=format, config=config, explain=True)
