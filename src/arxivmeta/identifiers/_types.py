"""The identifier models, :class:`DOI` and :class:`ArxivId`: valid by construction.

Built from text, each goes through :mod:`arxivmeta.identifiers._grammar`, so a model never
holds an invalid identifier; in JSON each is a plain string.

>>> ArxivId.model_validate("arxiv-2408.16978").doi
DOI('10.48550/arXiv.2408.16978')
>>> DOI.model_validate("https://doi.org/10.1145/3292500.3330701").url
'https://doi.org/10.1145/3292500.3330701'
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, model_serializer, model_validator
from pydantic.config import JsonDict

from arxivmeta.errors import InvalidIdentifier
from arxivmeta.identifiers._grammar import ARXIV_DOI_PREFIX, arxiv_parts, ascii_lower, doi_value

__all__ = ["ARXIV_ABS", "ARXIV_PDF", "DOI", "DOI_RESOLVER", "ArxivId", "without_examples"]

DOI_RESOLVER = "https://doi.org/"
ARXIV_ABS = "https://arxiv.org/abs/"
ARXIV_PDF = "https://arxiv.org/pdf/"

# The DOI Handbook (section 2.5.2.4) asks URLs to escape these; "/" stays readable.
_DOI_URL_SAFE = "/:;()[]-._~!$'*+,="


# How an identifier looks in JSON output, for the schema `arxivmeta schema` prints: a string.
_DOI_JSON: JsonDict = {
    "type": "string",
    "pattern": r"^10\.[0-9]+(\.[0-9]+)*/\S+$",
    "description": (
        "A DOI in the case it was written in (arXiv's as 10.48550/arXiv.<id>); "
        "DOIs compare case-insensitively."
    ),
    "examples": ["10.1145/3292500.3330701", "10.48550/arXiv.2408.16978"],
}
_ARXIV_ID_JSON: JsonDict = {
    "type": "string",
    "pattern": r"^([0-9]{4}\.[0-9]{4,5}|[a-z]+(-[a-z]+)*/[0-9]{7})(v[1-9][0-9]*)?$",
    "description": "An arXiv identifier, new or old scheme, with its version when known.",
    "examples": ["2408.16978", "2408.16978v2", "hep-th/9901001"],
}


def without_examples(schema: JsonDict, model: type[Any]) -> None:
    """Keep a schema's description to the docstring's prose, without its doctests."""
    description = schema.get("description")
    if isinstance(description, str):
        prose = [part for part in description.split("\n\n") if not part.startswith(">>>")]
        schema["description"] = "\n\n".join(prose)


class DOI(BaseModel):
    """A Digital Object Identifier, in the case it was written in.

    ``value`` and ``str()`` keep the letters' case as the input had it, once resolvers,
    labels, entities and percent-encoding are read through: readers expect the DOI as it
    was registered (``10.1103/PhysRevLett.98.186808``). arXiv's DataCite DOIs print as
    arXiv registers them (``10.48550/arXiv.2408.16978``) however they were written. DOIs
    are case-insensitive over ASCII (DOI Handbook 3.4), so equality and hashing compare
    :attr:`casefolded`.

    >>> doi = DOI.model_validate("https://doi.org/10.1103/PhysRevLett.98.186808")
    >>> str(doi), doi.prefix, doi.suffix
    ('10.1103/PhysRevLett.98.186808', '10.1103', 'PhysRevLett.98.186808')
    >>> doi == DOI.model_validate("10.1103/physrevlett.98.186808"), doi.casefolded
    (True, '10.1103/physrevlett.98.186808')
    >>> DOI.model_validate("10.48550/ARXIV.2408.16978")
    DOI('10.48550/arXiv.2408.16978')
    """

    model_config = ConfigDict(frozen=True, json_schema_extra=without_examples)

    value: str

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"value": doi_value(data)}
        if isinstance(data, DOI):
            return {"value": data.value}
        if isinstance(data, dict) and isinstance(data.get("value"), str):
            # A dict goes through the same parser, so no DOI model holds an invalid value.
            return {**data, "value": doi_value(data["value"])}
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
    def casefolded(self) -> str:
        """The comparison key: the DOI with its ASCII letters in lower case.

        >>> DOI.model_validate("10.1007/JHEP04(2019)063").casefolded
        '10.1007/jhep04(2019)063'
        """
        return ascii_lower(self.value)

    @property
    def url(self) -> str:
        """The resolver URL, percent-encoded where the DOI Handbook requires."""
        return DOI_RESOLVER + quote(self.value, safe=_DOI_URL_SAFE)

    @property
    def arxiv_id(self) -> ArxivId | None:
        """The arXiv paper this DOI names, for arXiv's own DOIs; otherwise ``None``."""
        if self.prefix != ARXIV_DOI_PREFIX:
            return None
        try:
            parts = arxiv_parts(self.suffix)
        except InvalidIdentifier:  # a 10.48550 DOI that arXiv did not mint for a paper
            return None
        return ArxivId.model_construct(id=parts.id, version=parts.version)

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"DOI({self.value!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DOI):
            return self.casefolded == other.casefolded
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.casefolded)


class ArxivId(BaseModel):
    """An arXiv identifier: ``2408.16978`` (new scheme) or ``hep-th/9901001`` (old scheme).

    >>> paper = ArxivId.model_validate("https://arxiv.org/abs/math.GT/0309136v2")
    >>> paper.id, paper.version, paper.scheme, str(paper)
    ('math/0309136', 2, 'old', 'arXiv:math/0309136v2')
    """

    model_config = ConfigDict(frozen=True, json_schema_extra=without_examples)

    id: str
    version: int | None = Field(default=None, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            parsed = arxiv_parts(data)
            return {"id": parsed.id, "version": parsed.version}
        if isinstance(data, ArxivId):
            return {"id": data.id, "version": data.version}
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            # A dict goes through the same parser, so no model holds an invalid identifier.
            parsed = arxiv_parts(data["id"])
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
