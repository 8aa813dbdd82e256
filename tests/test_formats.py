"""Each input format on real records: detection, the clean fields, and nothing dropped.

Sources of the records in ``tests/data`` are listed in ``tests/data/SOURCES.md``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from arxivmeta.errors import InvalidRecord
from arxivmeta.records import FORMATS, clean_record, detect_format

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parents[1]


def jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]


def xml(name: str) -> str:
    return (DATA / name).read_text("utf-8")


AGGREGATOR = json.loads((ROOT / "examples/aggregator-sample.json").read_text("utf-8"))
SNAPSHOT = jsonl("arxiv-snapshot.jsonl")
SEMANTIC = json.loads((DATA / "semantic-scholar.json").read_text("utf-8"))
CORPUS = jsonl("corpus-records.jsonl")


@pytest.mark.parametrize(
    ("record", "name"),
    [
        (AGGREGATOR[0], "aggregator"),
        (SNAPSHOT[0], "arxiv-snapshot"),
        (SEMANTIC[0], "semantic-scholar"),
        (CORPUS[0], "corpus"),
        (xml("oai-arxiv-1601.03238.xml"), "arxiv-xml"),
        ({"xml": xml("atom-funct-an-9501006.xml")}, "arxiv-xml"),
    ],
)
def test_detect_format(record: Any, name: str) -> None:
    assert detect_format(record) == name
    assert clean_record(record).source_format == name
    assert clean_record(record, format=name) == clean_record(record)


def test_formats_registry_names_every_reader() -> None:
    assert set(FORMATS) == {
        "aggregator",
        "arxiv-snapshot",
        "semantic-scholar",
        "arxiv-xml",
        "paper",
        "corpus",
    }


def test_aggregator_keeps_what_it_does_not_use() -> None:
    record = AGGREGATOR[0]
    paper = clean_record(record)
    used = {
        "title",
        "authors",
        "doi",
        "DOIUrl",
        "url",
        "abstract",
        "publicationDate",
        "TitleCN",
        "AbstractTextCN",
        "citationCount",
    }
    assert set(paper.extra) == set(record) - used
    # The listing's invented volume and empty pages stay as they came.
    assert paper.extra["journal"] == {
        "name": "arXiv - CS - Distributed, Parallel, and Cluster Computing",
        "volume": "14 1",
        "pages": "",
    }
    assert paper.extra["PeriodicalIF"] == 0.0
    assert paper.venue is None
    assert paper.journal_ref is None


def test_snapshot_record() -> None:
    paper = clean_record(SNAPSHOT[0])
    assert str(paper.arxiv_id) == "arXiv:0704.0001"
    assert paper.arxiv_version == 2
    assert str(paper.doi) == "10.1103/PhysRevD.76.013009"
    assert paper.title == (
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    )
    assert [a.family for a in paper.authors] == ["Balázs", "Berger", "Nadolsky", "Yuan"]
    assert paper.authors_raw == "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan"
    assert paper.published == dt.date(2007, 4, 2)
    assert paper.updated == dt.date(2007, 7, 24)
    assert (paper.primary_category, paper.categories) == ("hep-ph", ("hep-ph",))
    assert paper.journal_ref == "Phys.Rev.D76:013009,2007"
    assert paper.comments == "37 pages, 15 figures; published version"
    assert paper.abstract is not None
    assert paper.abstract.startswith("A fully differential calculation in perturbative quantum")
    assert "\n" not in paper.abstract
    assert "  " not in paper.abstract
    # The raw author line wins over arXiv's own parts, which stay in ``extra``.
    assert paper.extra.pop("authors_parsed")[3][:2] == ["Yuan", "C. -P."]
    assert [a.given for a in paper.authors][3] == "C.-P."
    assert paper.extra == {
        "submitter": "Pavel Nadolsky",
        "report-no": "ANL-HEP-PR-07-12",
        "update_date": "2008-11-26",
    }


def test_snapshot_suffix_and_single_version() -> None:
    paper = clean_record(SNAPSHOT[3])
    evans = paper.authors[5]
    assert (evans.given, evans.family, evans.suffix) == ("Neal J.", "Evans", "II")
    assert paper.published == dt.date(2007, 4, 2)
    assert paper.updated is None
    assert paper.arxiv_version == 1
    assert clean_record(SNAPSHOT[1]).categories == ("math.CO", "cs.CG")


def test_semantic_scholar_paper() -> None:
    paper = clean_record(SEMANTIC[0])
    assert paper.arxiv_id is None
    assert str(paper.doi) == "10.1093/MIND/LIX.236.433"
    assert paper.title == "Computing Machinery and Intelligence"
    assert [a.name for a in paper.authors] == ["A. Turing"]
    assert paper.citation_count == 9754
    assert paper.published == dt.date(1950, 10, 1)
    assert paper.journal_ref == "Mind, LIX, 433-460"
    assert paper.abstract is not None
    assert "“Can machines think?”♣" in paper.abstract
    assert paper.extra["externalIds"] == {
        "DBLP": "journals/x/Turing50",
        "MAG": "2145482038",
        "CorpusId": 14636783,
    }
    assert paper.extra["authors"][0]["authorId"] == "2262347"
    assert paper.extra["year"] == 1950


def test_semantic_scholar_arxiv_is_not_a_venue() -> None:
    record = {
        **SEMANTIC[1],
        "venue": "arXiv.org",
        "publicationVenue": None,
        "journal": {"name": "ArXiv", "volume": "abs/2408.16978"},
        "externalIds": {"ArXiv": "2408.16978", "DOI": "10.48550/arXiv.2408.16978"},
    }
    paper = clean_record(record)
    assert paper.venue is None
    assert paper.journal_ref is None
    assert str(paper.arxiv_id) == "arXiv:2408.16978"
    assert str(paper.doi) == "10.48550/arXiv.2408.16978"
    assert clean_record(SEMANTIC[1]).venue == "BJHS Themes"


def test_oai_arxiv_record() -> None:
    paper = clean_record(xml("oai-arxiv-1601.03238.xml"))
    assert str(paper.arxiv_id) == "arXiv:1601.03238"
    assert str(paper.doi) == "10.1103/PhysRevD.93.016005"
    # Every DOI the record lists, in its order, as registered; none is left in extra.
    assert [str(doi) for doi in paper.dois] == [
        "10.1103/PhysRevD.93.016005",
        "10.1103/PhysRevD.98.079901",
        "10.1103/PhysRevD.98.079903",
    ]
    assert "arXiv.doi" not in paper.extra
    assert paper.authors[0].is_collaboration
    assert [a.family for a in paper.authors[1:]] == ["Wang", "Tian", "Jing", "Fan"]
    assert paper.published == dt.date(2016, 1, 13)
    assert list(paper.categories) == ["quant-ph", "gr-qc", "hep-th", "chao-dyn", "nlin.CD"]
    assert paper.license == "https://creativecommons.org/licenses/by/3.0/"
    assert paper.extra["report-no"] == "YITP-2016-26"
    assert paper.extra["header"]["datestamp"] == "2016-01-14"


def test_oai_arxivraw_record() -> None:
    paper = clean_record({"xml": xml("oai-arxivraw-1304.4214.xml")})
    assert str(paper.arxiv_id) == "arXiv:1304.4214"
    assert paper.arxiv_version == 1
    assert [a.name for a in paper.authors] == ["Igor A. Zaliznyak", "John M. Tranquada"]
    assert paper.published == dt.date(2013, 4, 15)
    assert paper.comments == (
        '31 pages, chapter for "Strongly Correlated Systems: Experimental Techniques", '
        "edited by A. Avella and F. Mancini"
    )
    assert paper.extra["submitter"] == "John M. Tranquada"
    assert paper.extra["version"][0]["size"] == "609kb"


def test_atom_entries() -> None:
    paper = clean_record(xml("atom-funct-an-9501006.xml"))
    assert paper.arxiv_id is not None
    assert paper.arxiv_id.id == "funct-an/9501006"
    assert paper.arxiv_version == 2
    assert paper.published == dt.date(1995, 1, 25)
    assert paper.updated == dt.date(1995, 3, 11)
    assert paper.primary_category == "funct-an"
    assert list(paper.categories) == ["funct-an", "math.FA", "math.RT"]
    assert list(paper.authors[1].affiliations) == [
        "Mathematics Dept., University of Illinois, Urbana"
    ]
    other = clean_record(xml("atom-math-0412226.xml"))
    assert other.title == (
        "Some combinatorial aspects of movies and movie-moves in the theory of smoothly "
        "knotted surfaces in R4"
    )
    # MSC classes listed as Atom categories are not arXiv categories; they stay in extra.
    assert list(other.categories) == ["math.GT", "math.CT", "math.QA"]
    assert "57Q45; 18D05" in other.extra["entry.category"]


def test_corpus_records() -> None:
    kaggle, abs_file, oai_dc, oai_arxiv, digest = (clean_record(r) for r in CORPUS)
    assert list(abs_file.authors[2].affiliations) == ["Penn State"]
    assert abs_file.authors[5].name == "Svetozar A. Zhekov"
    assert list(abs_file.authors[5].affiliations) == ["Space Res Inst"]
    assert oai_dc.authors == ()
    assert oai_dc.categories == ()
    assert oai_dc.extra["oai_set"] == "physics:quant-ph"
    assert oai_arxiv.categories[:2] == ("math.AP", "hep-th")
    assert [a.name for a in digest.authors][:2] == ["Habib Hajimolahoseini", "Walid Ahmed"]
    assert kaggle.extra["source_format"] == "kaggle-jsonl"
    for paper in (kaggle, abs_file, oai_dc, oai_arxiv, digest):
        assert paper.source_format == "corpus"
        assert paper.title is not None
        assert "\n" not in paper.title


DIGEST = jsonl("daily-arxiv.jsonl")


def test_daily_arxiv_digest_lists_and_atom_names() -> None:
    # Authors and categories as JSON lists, the abstract as `summary` and the comments as
    # `comment`, as the arXiv API's Atom feed names them.
    papers = [clean_record(record) for record in DIGEST]
    first, no_comment, maths = papers
    assert [a.family for a in first.authors] == ["Harmse", "Iqbal", "Parkinson", "McLaughlin"]
    assert first.abstract is not None
    assert first.abstract.startswith("EMBL-EBI created OxO to enable users to map between datasets")
    assert first.comments == (
        "11 pages, 2 figures and 2 tables. Also submitted to FOIS Demonstration track and "
        "awaiting feedback"
    )
    assert (first.primary_category, first.categories) == ("cs.DB", ("cs.DB",))
    assert maths.categories == ("cs.DS", "cs.DM", "math.PR")
    assert no_comment.comments is None
    for paper, record in zip(papers, DIGEST, strict=True):
        assert paper.source_format == "corpus"
        assert paper.arxiv_id is not None
        assert paper.arxiv_id.id == record["id"]
        assert set(paper.extra) == {"abs", "pdf"}  # the links, which the id already gives
    # A record's own `abstract` and `comments` win; the Atom-named ones are kept aside.
    record = {**DIGEST[2], "abstract": "Rumor spreading.", "comments": "12 pages"}
    paper = clean_record(record)
    assert (paper.abstract, paper.comments) == ("Rumor spreading.", "12 pages")
    assert paper.extra["summary"] == DIGEST[2]["summary"]
    assert paper.extra["comment"] == "11 pages"


@pytest.mark.parametrize(
    "record",
    [
        "<!DOCTYPE x [<!ENTITY a 'b'>]><arXiv><id>1601.03238</id></arXiv>",
        "<arXiv><id>1601.03238</id>",
        "<feed xmlns='http://www.w3.org/2005/Atom'><entry/><entry/></feed>",
        "<html><body/></html>",
        {"xml": 42},
        "not xml",
        42,
        ["title"],
        {},
        {"title": None, "abstract": "   ", "doi": "not a doi"},
    ],
)
def test_records_that_cannot_be_cleaned(record: Any) -> None:
    with pytest.raises(InvalidRecord) as error:
        clean_record(record)
    assert error.value.reason


def test_unknown_format_name() -> None:
    with pytest.raises(InvalidRecord, match="unknown format"):
        clean_record(AGGREGATOR[0], format="bibtex")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024-08-30", dt.date(2024, 8, 30)),
        ("Pub Date : 2024-08-30", dt.date(2024, 8, 30)),
        ("Fri, 30 Aug 2024 17:59:57 GMT", dt.date(2024, 8, 30)),
        ("Mon, 2 Apr 2007 19:18:42 GMT", dt.date(2007, 4, 2)),
        ("Fri, 30 Aug 2024 23:59:57 -0500", dt.date(2024, 8, 31)),
        ("2017-06-12T17:57:34Z", dt.date(2017, 6, 12)),
        ("30 August 2024", dt.date(2024, 8, 30)),
        ("2024/08/30", dt.date(2024, 8, 30)),
        ("2024", None),
        ("Aug 2024", None),
        ("2024-13-01", None),
        ("", None),
        ("soon", None),
        ("\x00" * 1000, None),
    ],
)
def test_parse_date(text: str, date: dt.date | None) -> None:
    from arxivmeta.records.dates import parse_date

    assert parse_date(text) == date


def test_unreadable_dates_stay_in_extra() -> None:
    paper = clean_record({**AGGREGATOR[0], "publicationDate": "sometime in 2024"})
    assert paper.published is None
    assert paper.extra["publicationDate"] == "sometime in 2024"


def test_an_arxiv_api_error_entry_is_not_a_paper() -> None:
    # export.arxiv.org's HTTP 400 answer to a query with an unclosed parenthesis: a feed
    # whose one entry is titled "Error", by "arXiv api core", with the message as summary.
    with pytest.raises(InvalidRecord) as caught:
        clean_record(xml("api-error-invalid-query.xml"))
    assert caught.value.reason == (
        "an arXiv API error: Invalid query string: 'all:TREM2 AND (all:microglia'"
    )
