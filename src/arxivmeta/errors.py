"""Typed errors raised by arxivmeta's validators and parsers.

Fixers never raise; validators and parsers raise one of these. Every error is also a
:class:`ValueError`, so code written as ``except ValueError`` keeps working.

>>> from arxivmeta import parse_doi, InvalidDOI
>>> try:
...     parse_doi("arxiv-2413.00001")
... except InvalidDOI as error:
...     error.reason
'not_a_doi'
"""

from __future__ import annotations

__all__ = [
    "ArxivMetaError",
    "ConfigError",
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


class InvalidIdentifier(ArxivMetaError, ValueError):
    """Text that is not a valid scholarly identifier.

    ``reason`` is a machine-readable code (``"empty"``, ``"bad_prefix"``, ...);
    ``text`` is the offending input, truncated to 80 characters.
    """

    kind = "identifier"

    def __init__(self, reason: str, text: str, detail: str = "") -> None:
        self.reason = reason
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
