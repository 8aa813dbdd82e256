"""Publication dates as they appear in scholarly records, parsed to :class:`datetime.date`.

Handles ISO dates (``2024-08-30``), labelled ones (``Pub Date : 2024-08-30``), RFC 2822
timestamps from arXiv's version history (``Fri, 30 Aug 2024 17:59:57 GMT``), ISO
timestamps from the arXiv API (``2017-06-12T17:57:34Z``) and anything else
python-dateutil reads without guessing missing parts. Timestamps are read in UTC.

>>> parse_date("Pub Date : 2024-08-30")
datetime.date(2024, 8, 30)
"""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

import regex

__all__ = ["parse_date"]

_ISO = regex.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_LABEL = regex.compile(r"^\s*\p{L}[\p{L} .]{0,30}:\s*(?=\S)")
_RFC2822 = regex.compile(r"^\s*(?:\p{L}{3},\s*)?\d{1,2}\s+\p{L}{3}\s+\d{4}\s+\d")
_MAX_LENGTH = 100
_MIN_YEAR = 1000


def parse_date(text: object) -> dt.date | None:
    """The calendar date ``text`` names, or ``None`` when it names none (never raises).

    >>> parse_date("Fri, 30 Aug 2024 23:59:57 -0500"), parse_date("2017-06-12T17:57:34Z")
    (datetime.date(2024, 8, 31), datetime.date(2017, 6, 12))
    >>> parse_date("2024"), parse_date("soon")
    (None, None)
    """
    if isinstance(text, dt.datetime):
        return _utc_date(text)
    if isinstance(text, dt.date):
        return text
    if not isinstance(text, str) or not text.strip() or len(text) > _MAX_LENGTH:
        return None
    text = _LABEL.sub("", text, count=1).strip()
    iso = _ISO.match(text)
    if iso is not None and (len(text) == iso.end() or text[iso.end()] in "T "):
        if len(text) > iso.end():
            stamp = _fromisoformat(text)
            if stamp is not None:
                return _utc_date(stamp)
        return _date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if _RFC2822.match(text):
        try:
            return _utc_date(parsedate_to_datetime(text))
        except (TypeError, ValueError):
            pass
    return _dateutil(text)


def _fromisoformat(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _utc_date(stamp: dt.datetime) -> dt.date:
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC)
    return stamp.date()


def _dateutil(text: str) -> dt.date | None:
    from dateutil import parser  # noqa: PLC0415 - only odd formats need it

    # Two different defaults reveal a part the text does not give: a date missing its
    # day or month is not a date, and guessing one would invent data.
    first = dt.datetime(2001, 1, 1)
    second = dt.datetime(2002, 2, 2)
    try:
        one = parser.parse(text, default=first)
        two = parser.parse(text, default=second)
    except (ValueError, OverflowError, TypeError):
        return None
    if one.date() != two.date() or one.year < _MIN_YEAR:
        return None
    return _utc_date(one)
