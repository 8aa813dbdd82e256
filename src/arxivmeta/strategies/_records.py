"""Strategies for whole raw records in the supported source formats, and any JSON value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from hypothesis import strategies as st

from ._authors import author_lists, glued_author_lists
from ._identifiers import _arxiv_id, doi_variants
from ._text import _wrapped_lines, marked_line_wraps, messy_text, paragraphs, sentences

# Named as arxivmeta.records names the formats, so a case can be passed as ``format=``.
RECORD_FORMATS = ("aggregator", "arxiv-snapshot", "semantic-scholar")


class RawRecord(NamedTuple):
    """A raw record as one of the supported sources serves it, and that source's name."""

    record: dict[str, Any]
    format: str


def json_values(max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Any JSON value: null, booleans, finite numbers, strings, nested lists and objects."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=max_leaves,
    )


@st.composite
def _date(draw: st.DrawFn) -> str:
    year, month = draw(st.integers(1991, 2025)), draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    return f"{year}-{month:02d}-{day:02d}"


def _new_arxiv_id() -> st.SearchStrategy[str]:
    return st.builds(
        "{:02d}{:02d}.{:05d}".format, st.integers(15, 25), st.integers(1, 12), st.integers(1, 99999)
    )


# Fields every record of the aggregator's dump carries, with the values they nearly always hold.
_AGGREGATOR_CONSTANTS: Mapping[str, Any] = MappingProxyType({
    "url": None, "PeriodicalIF": 0.0, "publicationTypes": "Journal Article",
    "fieldsOfStudy": None, "openAccessPdf": "", "resultStr": None, "platform": "Semanticscholar",
    "PeriodicalName": None, "FirstCategoryId": None, "ListUrlMain": None, "RegionNum": 0,
    "RegionCategory": "", "TitleCN": None, "AbstractTextCN": None,
    "PMCID": "", "EPubDate": None, "PubModel": None, "JCR": None, "JCRName": None, "Score": None,
    "Total": 0,
})  # fmt: skip


@st.composite
def _aggregator(draw: st.DrawFn) -> dict[str, Any]:
    ident = draw(_new_arxiv_id())
    authors = draw(st.one_of(author_lists(), glued_author_lists()))
    doi = f"arxiv-{ident}"
    return {
        "title": draw(sentences()).rstrip("."),
        "authors": authors.text.replace("\n  ", " "),
        "doi": doi,
        "DOIUrl": f"https://doi.org/{doi}",
        "abstract": draw(marked_line_wraps(markers=("\x00",))).messy,
        "PeriodicalId": draw(st.integers(1, 10**6)),
        "journal": {
            "name": "arXiv - CS - Distributed, Parallel, and Cluster Computing",
            "volume": f"{draw(st.integers(1, 200))} 1",
            "pages": "",
        },
        "publicationDate": draw(_date()),
        "isOpenAccess": draw(st.booleans()),
        "citationCount": draw(st.one_of(st.none(), st.integers(0, 5000))),
        "paperid": str(draw(st.integers(10**8, 10**9))),
        "ArticlePicture": [],
        **_AGGREGATOR_CONSTANTS,
    }


@st.composite
def _kaggle(draw: st.DrawFn) -> dict[str, Any]:
    ident = draw(_arxiv_id())[0]
    authors = draw(author_lists())
    title_lines = _wrapped_lines(draw(sentences(min_words=8)).rstrip("."), 70)
    categories = draw(
        st.lists(
            st.sampled_from(("hep-ph", "math.CO", "cs.LG", "quant-ph", "cs.DC")),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    return {
        "id": ident,
        "submitter": authors.authors[0].name,
        "authors": authors.text,
        "title": "\n  ".join(title_lines),
        "comments": draw(st.sampled_from((None, "23 pages, 3 figures", "11 pages"))),
        "journal-ref": draw(st.sampled_from((None, "Phys. Rev. D 76, 013009 (2007)"))),
        "doi": draw(st.one_of(st.none(), doi_variants().map(lambda c: c.canonical))),
        "report-no": draw(st.sampled_from((None, "ANL-HEP-PR-07-12"))),
        "categories": " ".join(categories),
        "license": draw(st.sampled_from((None, "http://arxiv.org/licenses/nonexclusive-distrib/1.0/"))),
        "abstract": "  " + draw(marked_line_wraps(markers=("\n",))).messy + "\n",
        "versions": [
            {"version": f"v{n}", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}
            for n in range(1, draw(st.integers(1, 3)) + 1)
        ],
        "update_date": draw(_date()),
        "authors_parsed": [
            [a.family, a.given or "", a.suffix or "", *a.affiliations] for a in authors.authors
        ],
    }  # fmt: skip


@st.composite
def _semantic_scholar(draw: st.DrawFn) -> dict[str, Any]:
    ident = draw(_new_arxiv_id())
    names = [a.name for a in draw(author_lists()).authors]
    hex_id = st.text(st.sampled_from("0123456789abcdef"), min_size=40, max_size=40)
    paper_id = draw(hex_id)
    return {
        "paperId": paper_id,
        "externalIds": {
            "ArXiv": ident,
            "DOI": f"10.48550/arXiv.{ident}",
            "CorpusId": draw(st.integers(1, 10**9)),
        },
        "url": f"https://www.semanticscholar.org/paper/{paper_id}",
        "title": draw(sentences()).rstrip("."),
        "abstract": draw(st.one_of(st.none(), paragraphs())),
        "venue": draw(st.sampled_from(("arXiv.org", "", "Neural Information Processing Systems"))),
        "year": draw(st.integers(2015, 2025)),
        "publicationDate": draw(st.one_of(st.none(), _date())),
        "referenceCount": draw(st.integers(0, 300)),
        "citationCount": draw(st.integers(0, 5000)),
        "influentialCitationCount": draw(st.integers(0, 50)),
        "isOpenAccess": draw(st.booleans()),
        "openAccessPdf": {"url": f"https://arxiv.org/pdf/{ident}", "status": "GREEN"},
        "fieldsOfStudy": ["Computer Science"],
        "s2FieldsOfStudy": [{"category": "Computer Science", "source": "external"}],
        "publicationTypes": draw(st.sampled_from((None, ["JournalArticle"]))),
        "journal": {"name": "ArXiv", "volume": f"abs/{ident}"},
        "authors": [{"authorId": str(draw(st.integers(1, 10**10))), "name": n} for n in names],
    }


_BUILDERS = MappingProxyType(
    {"aggregator": _aggregator, "arxiv-snapshot": _kaggle, "semantic-scholar": _semantic_scholar}
)


@st.composite
def raw_records(
    draw: st.DrawFn, formats: Sequence[str] = RECORD_FORMATS, hostile: bool = False
) -> RawRecord:
    """A whole raw record in one of the supported source formats.

    ``aggregator`` is the Semantic-Scholar-derived dump of ``examples/aggregator-sample.json``,
    ``arxiv-snapshot`` one line of the Kaggle arXiv metadata snapshot and ``semantic-scholar``
    a paper from the Semantic Scholar Graph API; ``format`` names the format as
    :func:`arxivmeta.clean_record` does. With ``hostile=True`` some fields are dropped, set
    to ``null``, ``""`` or a value of the wrong type, filled with :func:`messy_text`, and
    unknown fields are added.
    """
    name = draw(st.sampled_from(tuple(formats)))
    record = draw(_BUILDERS[name]())
    if hostile:
        for key in draw(st.lists(st.sampled_from(sorted(record)), max_size=4, unique=True)):
            record[key] = draw(
                st.one_of(st.none(), st.just(""), messy_text(), json_values(max_leaves=4))
            )
        for key in draw(st.lists(st.sampled_from(sorted(record)), max_size=2, unique=True)):
            del record[key]
        record.update(
            draw(st.dictionaries(st.text(min_size=1, max_size=10), json_values(4), max_size=3))
        )
    return RawRecord(record, name)
