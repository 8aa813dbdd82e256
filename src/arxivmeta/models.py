"""Typed, frozen records: :class:`Author` and :class:`Paper` (with the identifier models,
:class:`DOI` and :class:`ArxivId`, from :mod:`arxivmeta.identifiers`).

Identifiers validate when built from text, so a model never holds an invalid one, and
serialise to plain strings in JSON (``Paper.model_dump(mode="json")``).

>>> Paper(arxiv_id="arxiv-2408.16978").model_dump(mode="json")["arxiv_id"]
'2408.16978'
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from arxivmeta.identifiers import DOI, ArxivId
from arxivmeta.identifiers._types import without_examples
from arxivmeta.text import to_plain_text

__all__ = ["DOI", "ArxivId", "Author", "Paper"]


class Author(BaseModel):
    """One author: display name, its parts, affiliations and the text it came from.

    >>> Author(name="Jérémie Decouchant", given="Jérémie", family="Decouchant",
    ...        affiliations=["TU Delft"], raw="Jérémie DecouchantTU Delft").family
    'Decouchant'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=without_examples)

    name: str
    given: str | None = None
    family: str | None = None
    suffix: str | None = None
    affiliations: tuple[str, ...] = ()
    is_collaboration: bool = False
    raw: str | None = None


class Paper(BaseModel):
    """A clean scholarly record. Absent values are ``None``; unused input lives in ``extra``.

    ``dois`` holds every DOI of the record, in order, each once (compared without case);
    ``doi`` is the first. Give either and the other follows; give both and ``doi`` comes
    first in ``dois``, the others after it in their order.

    >>> Paper(arxiv_id="arxiv-2408.16978").model_dump(mode="json")["doi"] is None
    True
    >>> paper = Paper(dois=["10.1103/PhysRevD.75.124007", "10.1103/PhysRevD.82.029901"])
    >>> paper.doi
    DOI('10.1103/PhysRevD.75.124007')
    >>> Paper(doi="10.1103/PhysRevD.82.029901", dois=paper.dois).dois
    (DOI('10.1103/PhysRevD.82.029901'), DOI('10.1103/PhysRevD.75.124007'))
    """

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=without_examples)

    arxiv_id: ArxivId | None = None
    arxiv_version: int | None = Field(default=None, ge=1)
    doi: DOI | None = None
    dois: tuple[DOI, ...] = ()
    title: str | None = None
    title_translations: dict[str, str] = Field(default_factory=dict)
    authors: tuple[Author, ...] = ()
    authors_raw: str | None = None
    authors_et_al: bool = False
    abstract: str | None = None
    abstract_translations: dict[str, str] = Field(default_factory=dict)
    published: dt.date | None = None
    updated: dt.date | None = None
    primary_category: str | None = None
    categories: tuple[str, ...] = ()
    journal_ref: str | None = None
    venue: str | None = None
    citation_count: int | None = Field(default=None, ge=0)
    comments: str | None = None
    license: str | None = None
    source_format: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _one_list_of_dois(cls, data: Any) -> Any:
        """Make ``doi`` the first of ``dois`` and ``dois`` free of repeats, from either."""
        if not isinstance(data, dict):
            return data
        doi, dois = data.get("doi"), data.get("dois")
        if not isinstance(dois, list | tuple):
            if dois is None and doi is not None:
                return {**data, "dois": (doi,)}
            return data  # absent, or a type pydantic reports as such
        listed = [doi, *dois] if doi is not None else list(dois)
        if not listed:
            return data
        # Parsed here to compare them: dict keys use DOI equality, which ignores case, and
        # keep the first spelling. An invalid DOI raises InvalidDOI, a ValueError, which
        # pydantic reports like any other invalid field.
        parsed = (v if isinstance(v, DOI) else DOI.model_validate(v) for v in listed)
        unique = tuple(dict.fromkeys(parsed))
        return {**data, "doi": unique[0], "dois": unique}

    @property
    def title_plain(self) -> str | None:
        """The title with its LaTeX rendered as Unicode text (``$\\Lambda$`` → ``Λ``)."""
        if self.title is None:
            return None
        return to_plain_text(self.title)

    @property
    def abstract_plain(self) -> str | None:
        """The abstract with its LaTeX rendered as Unicode text (``$3.37\\times$`` → ``3.37×``)."""
        if self.abstract is None:
            return None
        return to_plain_text(self.abstract)
