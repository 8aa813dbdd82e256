"""arxivmeta: turn messy scholarly metadata into clean, typed records.

>>> import arxivmeta
>>> arxivmeta.parse_identifier("https://doi.org/arxiv-2408.16978")
ArxivId('2408.16978')

Names load lazily on first use, so ``import arxivmeta`` stays fast and each cleaner pulls
in only the data it needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from arxivmeta.authors import (
        AuthorList,
        author_from_parts,
        explain_authors,
        parse_author_list,
        parse_author_name,
        parse_authors,
    )
    from arxivmeta.batch import Rejected, clean_records
    from arxivmeta.categories import category_for_name, category_name
    from arxivmeta.errors import (
        ArxivMetaError,
        InvalidArxivId,
        InvalidDOI,
        InvalidIdentifier,
        InvalidRecord,
    )
    from arxivmeta.explain import Step
    from arxivmeta.export import papers_to_bibtex, papers_to_csl_json, to_bibtex, to_csl_json
    from arxivmeta.identifiers import (
        is_valid_arxiv_id,
        is_valid_doi,
        parse_arxiv_id,
        parse_doi,
        parse_identifier,
    )
    from arxivmeta.models import DOI, ArxivId, Author, Paper
    from arxivmeta.records import clean_and_explain, clean_record, detect_format
    from arxivmeta.text import clean_text, clean_text_and_explain, to_plain_text
    from arxivmeta.wraps import WrapConfig, explain_line_wraps, repair_line_wraps

__version__ = "0.1.0"

_HOME_OF = {
    "AuthorList": "authors",
    "author_from_parts": "authors",
    "explain_authors": "authors",
    "parse_author_list": "authors",
    "parse_author_name": "authors",
    "parse_authors": "authors",
    "Rejected": "batch",
    "clean_records": "batch",
    "category_for_name": "categories",
    "category_name": "categories",
    "ArxivMetaError": "errors",
    "InvalidArxivId": "errors",
    "InvalidDOI": "errors",
    "InvalidIdentifier": "errors",
    "InvalidRecord": "errors",
    "Step": "explain",
    "papers_to_bibtex": "export",
    "papers_to_csl_json": "export",
    "to_bibtex": "export",
    "to_csl_json": "export",
    "is_valid_arxiv_id": "identifiers",
    "is_valid_doi": "identifiers",
    "parse_arxiv_id": "identifiers",
    "parse_doi": "identifiers",
    "parse_identifier": "identifiers",
    "DOI": "models",
    "ArxivId": "models",
    "Author": "models",
    "Paper": "models",
    "clean_and_explain": "records",
    "clean_record": "records",
    "detect_format": "records",
    "clean_text": "text",
    "clean_text_and_explain": "text",
    "to_plain_text": "text",
    "WrapConfig": "wraps",
    "explain_line_wraps": "wraps",
    "repair_line_wraps": "wraps",
}

__all__ = [
    "DOI",
    "ArxivId",
    "ArxivMetaError",
    "Author",
    "AuthorList",
    "InvalidArxivId",
    "InvalidDOI",
    "InvalidIdentifier",
    "InvalidRecord",
    "Paper",
    "Rejected",
    "Step",
    "WrapConfig",
    "__version__",
    "author_from_parts",
    "category_for_name",
    "category_name",
    "clean_and_explain",
    "clean_record",
    "clean_records",
    "clean_text",
    "clean_text_and_explain",
    "detect_format",
    "explain_authors",
    "explain_line_wraps",
    "is_valid_arxiv_id",
    "is_valid_doi",
    "papers_to_bibtex",
    "papers_to_csl_json",
    "parse_arxiv_id",
    "parse_author_list",
    "parse_author_name",
    "parse_authors",
    "parse_doi",
    "parse_identifier",
    "repair_line_wraps",
    "to_bibtex",
    "to_csl_json",
    "to_plain_text",
]


def __getattr__(name: str) -> Any:
    home = _HOME_OF.get(name)
    if home is None:
        raise AttributeError(f"module 'arxivmeta' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"arxivmeta.{home}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
