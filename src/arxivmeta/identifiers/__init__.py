"""Read DOIs and arXiv identifiers in the forms real metadata holds them.

DOI syntax follows the DOI Handbook (https://www.doi.org/the-identifier/resources/handbook/,
section 2.2: ``10.`` + registrant code, ``/``, suffix; case-insensitive over ASCII, so a
:class:`DOI` keeps the case it was written in and compares ignoring it). arXiv
identifiers follow https://info.arxiv.org/help/arxiv_identifier.html: ``YYMM.NNNN`` from
April 2007, ``YYMM.NNNNN`` from January 2015, ``archive/YYMMNNN`` before that.

Labels (``doi:``, ``arXiv:``), resolver and arXiv URLs, percent-encoding, Unicode dashes
and full-width digits, zero-width characters and prose punctuation are read through; an
aggregator's pseudo-DOI ``arxiv-2408.16978`` is read as the arXiv identifier it is. Nothing
is guessed: text that could mean two things, or nothing, raises a typed error whose
``reason`` says why.

>>> parse_identifier("https://doi.org/arxiv-2408.16978")
ArxivId('2408.16978')
>>> parse_doi("DOI: 10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O.")
DOI('10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O')
>>> parse_arxiv_id("arXiv:math.GT/0309136v2 [math.GT]")
ArxivId('math/0309136v2')
>>> parse_arxiv_id("arxiv-2413.00001")
Traceback (most recent call last):
...
arxivmeta.errors.InvalidArxivId: not a valid arXiv identifier (bad_month): ...
"""

from __future__ import annotations

from arxivmeta.errors import InvalidIdentifier
from arxivmeta.identifiers._grammar import (
    MAX_INPUT_LENGTH,
    ArxivParts,
    arxiv_parts,
    doi_value,
    identifier_parts,
)
from arxivmeta.identifiers._types import DOI, ArxivId

__all__ = [
    "DOI",
    "MAX_INPUT_LENGTH",
    "ArxivId",
    "canonical_doi_text",
    "is_valid_arxiv_id",
    "is_valid_doi",
    "parse_arxiv_id",
    "parse_doi",
    "parse_identifier",
]


def _arxiv_model(paper: ArxivParts) -> ArxivId:
    return ArxivId.model_construct(id=paper.id, version=paper.version)


def parse_doi(text: str) -> DOI:
    """Read a DOI; raise :class:`InvalidDOI` with a ``reason`` when ``text`` holds none.

    >>> parse_doi("https://dx.doi.org/10.1175%2F1520-0469(1996)053<0946:ASTFHH>2.0.CO;2")
    DOI('10.1175/1520-0469(1996)053<0946:ASTFHH>2.0.CO;2')
    >>> parse_doi("https://doi.org/arxiv-2408.16978")
    Traceback (most recent call last):
    ...
    arxivmeta.errors.InvalidDOI: not a valid DOI (is_arxiv_id): ...
    """
    return DOI.model_construct(value=doi_value(text))


def canonical_doi_text(text: str) -> str:
    """The canonical text of the DOI in ``text``: as written, arXiv's own DOIs as registered.

    >>> canonical_doi_text("https://doi.org/10.1103/PhysRevB.75.205442?via=ihub")
    '10.1103/PhysRevB.75.205442'
    >>> canonical_doi_text("DOI:\u00a010.48550/ARXIV.2408.16978")
    '10.48550/arXiv.2408.16978'
    """
    return doi_value(text)


def parse_arxiv_id(text: str) -> ArxivId:
    """Read an arXiv identifier; raise :class:`InvalidArxivId` with a ``reason`` otherwise.

    >>> parse_arxiv_id("http://export.arxiv.org/pdf/hep\u2010th/9901001v3.pdf")
    ArxivId('hep-th/9901001v3')
    """
    return _arxiv_model(arxiv_parts(text))


def parse_identifier(text: str) -> DOI | ArxivId:
    """Read a DOI or an arXiv identifier; arXiv's own DOIs come back as :class:`ArxivId`.

    >>> parse_identifier("doi:10.48550/ARXIV.2408.16978")
    ArxivId('2408.16978')
    >>> parse_identifier("10.1103/PhysRevD.75.124007 10.1103/PhysRevD.82.029901")
    Traceback (most recent call last):
    ...
    arxivmeta.errors.InvalidIdentifier: not a valid identifier (two_identifiers): ...
    """
    found = identifier_parts(text)
    if isinstance(found, ArxivParts):
        return _arxiv_model(found)
    return DOI.model_construct(value=found.value)


def is_valid_doi(text: str) -> bool:
    """Whether ``text`` holds exactly one DOI (an arXiv pseudo-DOI does not count).

    >>> is_valid_doi("doi:10.1016/0370-2693(92)90710-L."), is_valid_doi("arxiv-2408.16978")
    (True, False)
    """
    try:
        parse_doi(text)
    except InvalidIdentifier:
        return False
    return True


def is_valid_arxiv_id(text: str) -> bool:
    """Whether ``text`` holds exactly one valid arXiv identifier.

    >>> is_valid_arxiv_id("arXiv:2408.1697"), is_valid_arxiv_id("ａｒＸｉｖ：２４０８．１６９７８")
    (False, True)
    """
    try:
        parse_arxiv_id(text)
    except InvalidIdentifier:
        return False
    return True
