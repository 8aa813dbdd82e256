"""Typed errors raised by arxivmeta's validators and parsers.

Fixers never raise; validators and parsers raise one of these. Every error is also a
:class:`ValueError`, so code written as ``except ValueError`` keeps working.

>>> from arxivmeta import parse_doi, InvalidDOI
>>> try:
...     parse_doi("arxiv-2413.00001")
... except InvalidDOI as error:
...     error.reason
<IdentifierReason.NOT_A_DOI: 'not_a_doi'>
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "ArxivMetaError",
    "ConfigError",
    "IdentifierReason",
    "InvalidArxivId",
    "InvalidDOI",
    "InvalidIdentifier",
    "InvalidRecord",
    "WrapSearchError",
]

_SHOWN_INPUT_LIMIT = 80


def _shorten(text: str, limit: int = _SHOWN_INPUT_LIMIT) -> str:
    """Return ``text`` cut to ``limit`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ArxivMetaError(Exception):
    """Base class of every error arxivmeta raises on purpose."""


class IdentifierReason(StrEnum):
    """Why a text is not a valid identifier: the ``reason`` of :class:`InvalidIdentifier`.

    Each member is also its string (``IdentifierReason.EMPTY == "empty"``), so code that
    compares reasons with strings keeps working.
    """

    #: The input is not a ``str``.
    NOT_TEXT = "not_text"
    #: Longer than any identifier, even as a URL (``identifiers.MAX_INPUT_LENGTH``).
    TOO_LONG = "too_long"
    #: Nothing left once labels, brackets and prose punctuation are read through.
    EMPTY = "empty"
    #: Brackets, quotes and punctuation around the identifier do not settle.
    UNBALANCED = "unbalanced"
    #: HTML entities escaped more than once (``&amp;lt;``).
    BAD_ENTITY_ENCODING = "bad_entity_encoding"
    #: Percent-escapes that are not UTF-8, or text percent-encoded more than once.
    BAD_PERCENT_ENCODING = "bad_percent_encoding"
    #: Whitespace inside a DOI, or text after an arXiv identifier.
    WHITESPACE = "whitespace"
    #: Two identifiers in one text.
    TWO_IDENTIFIERS = "two_identifiers"
    #: A URL of a site that is neither a DOI resolver, arXiv nor a publisher page with a DOI.
    UNSUPPORTED_URL = "unsupported_url"
    #: Text that looks like neither a DOI nor an arXiv identifier.
    NOT_AN_IDENTIFIER = "not_an_identifier"
    #: A DOI was asked for, and the text is no DOI.
    NOT_A_DOI = "not_a_doi"
    #: An arXiv identifier was asked for, and the text is none.
    NOT_AN_ARXIV_ID = "not_an_arxiv_id"
    #: A DOI was asked for, and the text is an arXiv identifier.
    IS_ARXIV_ID = "is_arxiv_id"
    #: An arXiv identifier was asked for, and the text is a DOI of another registrant.
    IS_DOI = "is_doi"
    #: A DOI prefix that is not ``10.`` and a registrant code of four or more digits.
    BAD_PREFIX = "bad_prefix"
    #: A DOI that is only a prefix (``10.48550/arXiv``), with no item after it.
    PREFIX_ONLY_DOI = "prefix_only_doi"
    #: A DOI whose suffix is empty.
    EMPTY_SUFFIX = "empty_suffix"
    #: An arXiv identifier whose month is not 01-12.
    BAD_MONTH = "bad_month"
    #: An arXiv identifier dated outside its scheme (old: 9108-0703, new: from 0704).
    BAD_DATE = "bad_date"
    #: A sequence number of zero (numbers start at 1).
    BAD_SEQUENCE = "bad_sequence"
    #: A number of the wrong width: 4 digits before 2015, 5 after; YYMMNNN in the old scheme.
    BAD_SEQUENCE_WIDTH = "bad_sequence_width"
    #: A version that is not v1, v2, ...
    BAD_VERSION = "bad_version"
    #: An old-scheme identifier whose archive never existed.
    UNKNOWN_ARCHIVE = "unknown_archive"
    #: An old-scheme identifier whose subject class its archive never had.
    UNKNOWN_SUBJECT_CLASS = "unknown_subject_class"


class InvalidIdentifier(ArxivMetaError, ValueError):
    """Text that is not a valid scholarly identifier.

    ``reason`` is an :class:`IdentifierReason` (a string, such as ``"bad_prefix"``);
    ``text`` is the offending input, truncated to 80 characters.
    """

    kind = "identifier"

    def __init__(self, reason: str, text: str, detail: str = "") -> None:
        # An unknown reason is a bug of ours: it raises ValueError here, where it is made.
        self.reason = IdentifierReason(reason)
        self.text = _shorten(text)
        self.detail = detail
        message = f"not a valid {self.kind} ({reason}): {self.text!r}"
        if detail:
            message += f": {detail}"
        super().__init__(message)

    def __reduce__(self) -> tuple[type[InvalidIdentifier], tuple[str, str, str]]:
        # Keeps the error picklable across worker processes.
        return (type(self), (self.reason, self.text, self.detail))


class InvalidDOI(InvalidIdentifier):
    """Text that is not a valid DOI."""

    kind = "DOI"


class InvalidArxivId(InvalidIdentifier):
    """Text that is not a valid arXiv identifier."""

    kind = "arXiv identifier"


class InvalidRecord(ArxivMetaError, ValueError):
    """A raw record that cannot be turned into a :class:`~arxivmeta.Paper`.

    ``reason`` says why in words a log reader can act on.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)

    def __reduce__(self) -> tuple[type[InvalidRecord], tuple[str]]:
        return (type(self), (self.reason,))


class WrapSearchError(ArxivMetaError):
    """The compiled line-wrap search failed on a text (a bug, never the text's fault).

    :func:`arxivmeta.repair_line_wraps` catches it and returns the text unchanged, so a
    fixer stays total; the error exists so that the failure has a type of its own.
    """


class ConfigError(ArxivMetaError, ValueError):
    """A configuration that names an unknown option or gives one a value of the wrong type."""
