"""Hypothesis strategies that generate the messes arxivmeta repairs, each with its truth.

Use them to test code built on arxivmeta, or to check a cleaner you wrote yourself:

>>> from hypothesis import given, settings
>>> from arxivmeta import parse_doi
>>> @settings(max_examples=20, derandomize=True)
... @given(doi_variants())
... def test_every_spelling_parses(case):
...     assert parse_doi(case.text) == parse_doi(case.canonical)
...     assert str(parse_doi(case.canonical)) == case.canonical
>>> test_every_spelling_parses()
>>> case = IdentifierCase("(doi:10.1103/PHYSREVB.75.205442).",
...                       canonical="10.1103/PhysRevB.75.205442")
>>> parse_doi(case.text) == parse_doi(case.canonical), str(parse_doi(case.text))
(True, '10.1103/PHYSREVB.75.205442')

Strategies that build a mess from a known clean value return a named tuple holding both
(``case.text`` / ``case.messy`` and ``case.canonical`` / ``case.truth``), so a test can
compare the repair with the truth instead of with a hard-coded answer. The guide in
``docs/property-testing.md`` shows each one on a real example.

Needs hypothesis (``pip install hypothesis`` or ``pip install arxivmeta[test]``).
"""

from __future__ import annotations

try:
    from hypothesis import strategies as st  # noqa: F401 (imported to fail early, with a clear message)
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "arxivmeta.strategies needs hypothesis; install it with `pip install hypothesis` "
        "(or `pip install arxivmeta[test]`)"
    ) from error

from ._authors import AuthorListCase, ExpectedAuthor, author_lists, glued_author_lists
from ._identifiers import IdentifierCase, arxiv_id_variants, doi_variants
from ._records import RECORD_FORMATS as RECORD_FORMATS, RawRecord, json_values, raw_records
from ._text import (
    TextCase,
    control_characters,
    english_words,
    glued_line_wraps,
    marked_line_wraps,
    messy_text,
    mojibake,
    paragraphs,
    sentences,
)

__all__ = [
    "AuthorListCase",
    "ExpectedAuthor",
    "IdentifierCase",
    "RawRecord",
    "TextCase",
    "arxiv_id_variants",
    "author_lists",
    "control_characters",
    "doi_variants",
    "english_words",
    "glued_author_lists",
    "glued_line_wraps",
    "json_values",
    "marked_line_wraps",
    "messy_text",
    "mojibake",
    "paragraphs",
    "raw_records",
    "sentences",
]
