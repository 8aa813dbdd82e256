"""Typed, frozen records: :class:`DOI`, :class:`ArxivId`, :class:`Author`, :class:`Paper`.

Identifiers validate when built from text, so a model never holds an invalid one, and
serialise to plain strings in JSON (``Paper.model_dump(mode="json")``).

>>> from arxivmeta import ArxivId, DOI
>>> ArxivId.model_validate("arxiv-2408.16978").doi
DOI('10.48550/arXiv.2408.16978')
>>> DOI.model_validate("https://doi.org/10.1145/3292500.3330701").url
'https://doi.org/10.1145/3292500.3330701'
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import quote

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_serializer,
    model_validator,
)
from pydantic.config import JsonDict

from arxivmeta.errors import InvalidIdentifier

ARXIV_DOI_PREFIX = "10.48550"
DOI_RESOLVER = "https://doi.org/"
ARXIV_ABS = "https://arxiv.org/abs/"
ARXIV_PDF = "https://arxiv.org/pdf/"

# The DOI Handbook (section 2.5.2.4) asks URLs to escape these; "/" stays readable.
_DOI_URL_SAFE = "/:;()[]-._~!$'*+,="


# How an identifier looks in JSON output, for the schema `arxivmeta schema` prints: a string.
_DOI_JSON: JsonDict = {
    "type": "string",
    "pattern": r"^10\.[0-9]+(\.[0-9]+)*/\S+$",
    "description": "A DOI in canonical form: lower case, except arXiv's 10.48550/arXiv.<id>.",
    "examples": ["10.1145/3292500.3330701", "10.48550/arXiv.2408.16978"],
}
_ARXIV_ID_JSON: JsonDict = {
    "type": "string",
    "pattern": r"^([0-9]{4}\.[0-9]{4,5}|[a-z]+(-[a-z]+)*/[0-9]{7})(v[1-9][0-9]*)?$",
    "description": "An arXiv identifier, new or old scheme, with its version when known.",
    "examples": ["2408.16978", "2408.16978v2", "hep-th/9901001"],
}


def _without_examples(schema: JsonDict, model: type[Any]) -> None:
    """Keep a schema's description to the docstring's prose, without its doctests."""
    description = schema.get("description")
    if isinstance(description, str):
        prose = [part for part in description.split("\n\n") if not part.startswith(">>>")]
        schema["description"] = "\n\n".join(prose)


class DOI(BaseModel):
    """A Digital Object Identifier in canonical form.

    Canonical case: the whole DOI in lower case, as DOIs are case-insensitive over ASCII,
    except arXiv's DataCite DOIs, which print as arXiv registers them
    (``10.48550/arXiv.2408.16978``). Equality and hashing ignore ASCII case.

    >>> doi = DOI.model_validate("doi:10.1145/3292500.3330701")
    >>> str(doi), doi.prefix, doi.suffix
    ('10.1145/3292500.3330701', '10.1145', '3292500.3330701')
    >>> DOI.model_validate("10.48550/ARXIV.2408.16978") == DOI.model_validate(
    ...     "10.48550/arxiv.2408.16978")
    True
    """

    model_config = ConfigDict(frozen=True, json_schema_extra=_without_examples)

    value: str

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            from arxivmeta.identifiers import canonical_doi_text  # noqa: PLC0415 (cycle)

            return {"value": canonical_doi_text(data)}
        if isinstance(data, DOI):
            return {"value": data.value}
        if isinstance(data, dict) and isinstance(data.get("value"), str):
            # A dict goes through the same parser, so no DOI model holds an invalid value.
            from arxivmeta.identifiers import canonical_doi_text  # noqa: PLC0415 (cycle)

            return {**data, "value": canonical_doi_text(data["value"])}
        return data

    @model_serializer
    def _to_text(self) -> Annotated[str, WithJsonSchema(_DOI_JSON)]:
        return self.value

    @property
    def prefix(self) -> str:
        """The registrant part before the first ``/`` (``10.1145``)."""
        return self.value.partition("/")[0]

    @property
    def suffix(self) -> str:
        """The item part after the first ``/``."""
        return self.value.partition("/")[2]

    @property
    def url(self) -> str:
        """The resolver URL, percent-encoded where the DOI Handbook requires."""
        return DOI_RESOLVER + quote(self.value, safe=_DOI_URL_SAFE)

    @property
    def arxiv_id(self) -> ArxivId | None:
        """The arXiv paper this DOI names, for arXiv's own DOIs; otherwise ``None``."""
        if self.prefix != ARXIV_DOI_PREFIX:
            return None
        from arxivmeta.identifiers import parse_arxiv_id  # noqa: PLC0415 (cycle)

        try:
            return parse_arxiv_id(self.suffix)
        except InvalidIdentifier:  # a 10.48550 DOI that arXiv did not mint for a paper
            return None

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"DOI({self.value!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DOI):
            return _ascii_lower(self.value) == _ascii_lower(other.value)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_ascii_lower(self.value))


def _ascii_lower(text: str) -> str:
    # DOIs are case-insensitive over ASCII only (DOI Handbook 3.4), so str.lower is wrong here.
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class ArxivId(BaseModel):
    """An arXiv identifier: ``2408.16978`` (new scheme) or ``hep-th/9901001`` (old scheme).

    >>> paper = ArxivId.model_validate("https://arxiv.org/abs/math.GT/0309136v2")
    >>> paper.id, paper.version, paper.scheme, str(paper)
    ('math/0309136', 2, 'old', 'arXiv:math/0309136v2')
    """

    model_config = ConfigDict(frozen=True, json_schema_extra=_without_examples)

    id: str
    version: int | None = Field(default=None, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            from arxivmeta.identifiers import parse_arxiv_id  # noqa: PLC0415 (cycle)

            parsed = parse_arxiv_id(data)
            return {"id": parsed.id, "version": parsed.version}
        if isinstance(data, ArxivId):
            return {"id": data.id, "version": data.version}
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            # A dict goes through the same parser, so no model holds an invalid identifier.
            from arxivmeta.identifiers import parse_arxiv_id  # noqa: PLC0415 (cycle)

            parsed = parse_arxiv_id(data["id"])
            if parsed.version is not None and data.get("version") is None:
                return {**data, "id": parsed.id, "version": parsed.version}
            return {**data, "id": parsed.id}
        return data

    @model_serializer
    def _to_text(self) -> Annotated[str, WithJsonSchema(_ARXIV_ID_JSON)]:
        return self.versioned

    @property
    def scheme(self) -> Literal["new", "old"]:
        """``"old"`` for ``archive/YYMMNNN`` identifiers (before April 2007), else ``"new"``."""
        return "old" if "/" in self.id else "new"

    @property
    def versioned(self) -> str:
        """The identifier with its version suffix when it has one (``2408.16978v2``)."""
        return self.id if self.version is None else f"{self.id}v{self.version}"

    @property
    def doi(self) -> DOI:
        """The DataCite DOI arXiv registers for the paper (``10.48550/arXiv.<id>``)."""
        return DOI.model_construct(value=f"{ARXIV_DOI_PREFIX}/arXiv.{self.id}")

    @property
    def abs_url(self) -> str:
        """The abstract page, versioned when this identifier is."""
        return ARXIV_ABS + self.versioned

    @property
    def pdf_url(self) -> str:
        """The PDF, versioned when this identifier is."""
        return ARXIV_PDF + self.versioned

    def without_version(self) -> ArxivId:
        """The same paper with no version."""
        return ArxivId.model_construct(id=self.id, version=None)

    def __str__(self) -> str:
        return f"arXiv:{self.versioned}"

    def __repr__(self) -> str:
        return f"ArxivId({self.versioned!r})"


class Author(BaseModel):
    """One author: display name, its parts, affiliations and the text it came from.

    >>> Author(name="Jérémie Decouchant", given="Jérémie", family="Decouchant",
    ...        affiliations=["TU Delft"], raw="Jérémie DecouchantTU Delft").family
    'Decouchant'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_without_examples)

    name: str
    given: str | None = None
    family: str | None = None
    suffix: str | None = None
    affiliations: list[str] = Field(default_factory=list)
    is_collaboration: bool = False
    raw: str | None = None


class Paper(BaseModel):
    """A clean scholarly record. Absent values are ``None``; unused input lives in ``extra``.

    >>> Paper(arxiv_id="arxiv-2408.16978").model_dump(mode="json")["doi"] is None
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_without_examples)

    arxiv_id: ArxivId | None = None
    arxiv_version: int | None = Field(default=None, ge=1)
    doi: DOI | None = None
    title: str | None = None
    title_translations: dict[str, str] = Field(default_factory=dict)
    authors: list[Author] = Field(default_factory=list)
    authors_raw: str | None = None
    authors_et_al: bool = False
    abstract: str | None = None
    abstract_translations: dict[str, str] = Field(default_factory=dict)
    published: dt.date | None = None
    updated: dt.date | None = None
    primary_category: str | None = None
    categories: list[str] = Field(default_factory=list)
    journal_ref: str | None = None
    venue: str | None = None
    citation_count: int | None = Field(default=None, ge=0)
    comments: str | None = None
    license: str | None = None
    source_format: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)

    @property
    def abstract_plain(self) -> str | None:
        """The abstract with its LaTeX rendered as Unicode text (``$3.37\\times$`` → ``3.37×``)."""
        if self.abstract is None:
            return None
        from arxivmeta.text import to_plain_text  # noqa: PLC0415 (cycle)

        return to_plain_text(self.abstract)
