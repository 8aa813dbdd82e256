"""BibTeX and CSL-JSON exports, read back by real consumers: bibtexparser and citeproc-py.

Records: the aggregator page of ``examples/aggregator-sample.json`` and the real arXiv
records of ``tests/data/export-records.jsonl`` (see ``tests/data/SOURCES.md``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, strategies as st

from arxivmeta import (
    ArxivId,
    Author,
    Paper,
    clean_record,
    papers_to_bibtex,
    papers_to_csl_json,
    parse_authors,
    to_bibtex,
    to_csl_json,
)
from arxivmeta.strategies import author_lists

bibtexparser = pytest.importorskip("bibtexparser")
citeproc = pytest.importorskip("citeproc")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "aggregator-sample.json"
RECORDS = ROOT / "tests" / "data" / "export-records.jsonl"
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
}


def seed_papers() -> list[Paper]:
    return [clean_record(record) for record in json.loads(SAMPLE.read_text(encoding="utf-8"))]


def corpus_papers() -> list[Paper]:
    lines = RECORDS.read_text(encoding="utf-8").splitlines()
    return [clean_record(json.loads(line)) for line in lines]


def parse_bibtex(text: str) -> Any:
    from bibtexparser import middlewares

    library = bibtexparser.parse_string(
        text, append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]
    )
    assert library.failed_blocks == []
    return library


def unbraced(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def bibtex_names(entry: Any) -> list[tuple[str, str | None, str | None]]:
    """(family, given, suffix) of each author, as a BibTeX reader splits them."""
    names = []
    for parts in entry["author"]:
        family = unbraced(" ".join(parts.von + parts.last))
        names.append((family, " ".join(parts.first) or None, " ".join(parts.jr) or None))
    return names


def csl_names(item: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    names = []
    for name in item["author"]:
        if "literal" in name:
            names.append((name["literal"], None, None))
            continue
        family = " ".join(filter(None, [name.get("non-dropping-particle"), name["family"]]))
        given = " ".join(filter(None, [name.get("given"), name.get("dropping-particle")]))
        names.append((family, given or None, name.get("suffix")))
    return names


def expected_names(paper: Paper) -> list[tuple[str, str | None, str | None]]:
    return [
        (a.name, None, None) if a.is_collaboration else (a.family or a.name, a.given, a.suffix)
        for a in paper.authors
    ]


def render_bibliography(items: list[dict[str, Any]]) -> list[str]:
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about fields no style uses
        source = CiteProcJSON(items)
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
        return [str(entry) for entry in bibliography.bibliography()]


def test_seed_records_read_back_by_bibtexparser() -> None:
    papers = seed_papers()
    library = parse_bibtex(papers_to_bibtex(papers))
    assert len(library.entries) == len(papers) == 10
    for paper, entry in zip(papers, library.entries, strict=True):
        assert paper.arxiv_id is not None
        assert entry.entry_type == "misc"
        assert entry["eprint"] == paper.arxiv_id.id
        assert entry["archivePrefix"] == "arXiv"
        assert entry["primaryClass"] == paper.primary_category
        assert entry["doi"] == f"10.48550/arXiv.{paper.arxiv_id.id}"
        assert entry["url"] == paper.arxiv_id.abs_url
        assert paper.published is not None
        assert entry["year"] == str(paper.published.year)
        assert unbraced(entry["title"]) == paper.title
        assert bibtex_names(entry) == expected_names(paper)


def test_seed_records_render_with_citeproc() -> None:
    papers = seed_papers()
    items = papers_to_csl_json(papers)
    rendered = render_bibliography(items)
    assert len(rendered) == 10
    for paper in papers:
        assert paper.title is not None
        assert paper.published is not None
        (text,) = [text for text in rendered if paper.title in text]
        assert text.startswith(f"{paper.authors[0].family}, ")
        assert f"({paper.published.year})" in text


def test_csl_items_follow_the_schema_fields() -> None:
    for paper, item in zip(seed_papers(), papers_to_csl_json(seed_papers()), strict=True):
        assert paper.arxiv_id is not None
        assert item["type"] == "article"
        assert item["number"] == f"arXiv:{paper.arxiv_id.id}"
        assert item["publisher"] == "arXiv"
        assert item["DOI"] == str(paper.arxiv_id.doi)
        assert item["issued"]["date-parts"][0][0] == paper.published.year  # type: ignore[union-attr]
        assert csl_names(item) == expected_names(paper)
        assert item["abstract"] == paper.abstract_plain


def test_real_titles_keep_math_and_escape_specials() -> None:
    papers = {str(p.arxiv_id.id): p for p in corpus_papers() if p.arxiv_id is not None}
    library = parse_bibtex(papers_to_bibtex(papers.values()))
    entries = {entry["eprint"]: entry for entry in library.entries}
    assert set(entries) == set(papers)
    assert "{Dungeons} \\& {Dragons}" in entries["2505.22809"]["title"]
    assert "27.6\\%" in entries["quant-ph/0205060"]["title"]
    assert "Gröbner" in entries["0704.0019"]["title"]
    assert "z\\~{}2.56" in entries["0704.0133"]["title"]
    # The stray closing brace of the record becomes a command; the math stays math.
    stray = "Elativistic treatment in\\textbraceright{}{$D$}"
    assert entries["0704.0573"]["title"].startswith(stray)
    assert "f\\_D\\_{S\\^{}+}" in entries["0704.0437"]["title"]


def test_journal_references_make_articles_with_the_journal_doi() -> None:
    paper = next(p for p in corpus_papers() if p.arxiv_id == ArxivId.model_validate("0704.0170"))
    assert paper.journal_ref is not None
    entry = parse_bibtex(to_bibtex(paper)).entries[0]
    assert entry.entry_type == "article"
    assert entry["journal"] == paper.journal_ref
    assert entry["doi"] == str(paper.doi or paper.arxiv_id.doi)
    assert "van Loosdrecht" in [family for family, _, _ in bibtex_names(entry)]
    item = to_csl_json(paper)
    assert item["type"] == "article-journal"
    assert item["container-title"] == paper.journal_ref
    assert item["note"] == "arXiv:0704.0170"
    assert {"family": "Loosdrecht", "given": "Paul H. M.", "non-dropping-particle": "van"} in item[
        "author"
    ]


def test_collaborations_are_one_braced_name() -> None:
    paper = next(p for p in corpus_papers() if any(a.is_collaboration for a in p.authors))
    collaboration = next(a for a in paper.authors if a.is_collaboration)
    assert f"{{{collaboration.name}}} and" in to_bibtex(paper)
    assert {"literal": collaboration.name} in to_csl_json(paper)["author"]
    assert render_bibliography([to_csl_json(paper)])[0].startswith(collaboration.name)


def test_keys_are_unique_within_one_export_and_configurable() -> None:
    twice = seed_papers() * 2
    keys = [entry.key for entry in parse_bibtex(papers_to_bibtex(twice)).entries]
    assert keys[:10] == [entry.key for entry in parse_bibtex(papers_to_bibtex(twice[:10])).entries]
    assert keys[10:] == [key + "a" for key in keys[:10]]
    ids = [item["id"] for item in papers_to_csl_json(twice)]
    assert ids == keys
    by_id = papers_to_bibtex(twice[:2], key=lambda p: str(p.arxiv_id))
    assert [e.key for e in parse_bibtex(by_id).entries] == ["arXiv:2408.16978", "arXiv:2409.00287"]
    assert to_bibtex(twice[0], key="mine").startswith("@misc{mine,")


COLLABORATIONS = st.sampled_from(
    ["ATLAS Collaboration", "The LIGO Scientific Collaboration", "Fermi-LAT Collaboration"]
)


@given(author_lists(), st.lists(COLLABORATIONS, max_size=2))
def test_author_names_round_trip_through_both_formats(case: Any, collaborations: list[str]) -> None:
    authors: list[Author] = [*parse_authors(case.text)]
    authors += [Author(name=name, family=name, is_collaboration=True) for name in collaborations]
    paper = Paper(title="Quantum walks", authors=authors)
    entry = parse_bibtex(to_bibtex(paper)).entries[0]
    assert bibtex_names(entry) == expected_names(paper)
    item = to_csl_json(paper)
    assert csl_names(item) == expected_names(paper)
    assert len(render_bibliography([item])) == 1


@given(st.text(max_size=200), st.text(max_size=60))
@example(title="pairs ${| \\psi> \\} $ and a \\{Lambda} in {\\}text", name="A \\} B")
def test_any_text_gives_an_entry_bibtexparser_reads(title: str, name: str) -> None:
    paper = Paper(title=title or None, authors=[Author(name=name or "x", family=name or "x")])
    library = parse_bibtex(to_bibtex(paper))
    assert len(library.entries) == 1
    json.dumps(to_csl_json(paper))


def run_export(to: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "arxivmeta", "clean", str(SAMPLE), "--to", to],
        capture_output=True,
        env=ENV,
        check=False,
    )


def test_cli_exports_bibtex() -> None:
    result = run_export("bibtex")
    assert result.returncode == 0, result.stderr
    entries = parse_bibtex(result.stdout.decode("utf-8")).entries
    assert len(entries) == 10
    for entry in entries:
        assert entry["eprint"]
        assert entry["doi"] == f"10.48550/arXiv.{entry['eprint']}"
        assert entry["author"]
        assert entry["year"]
        assert entry["month"]


def test_cli_exports_csl_json() -> None:
    result = run_export("csl-json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert len(items) == 10
    for item in items:
        assert item["DOI"] == "10.48550/arXiv." + item["number"].removeprefix("arXiv:")
        assert item["author"]
        assert item["issued"]["date-parts"]
    assert len(render_bibliography(items)) == 10


def test_cli_refuses_to_replace_records_with_an_export(tmp_path: Path) -> None:
    target = tmp_path / "sample.json"
    target.write_bytes(SAMPLE.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "arxivmeta", "clean", str(target), "--in-place", "--to", "bibtex"],
        capture_output=True,
        env=ENV,
        check=False,
    )
    assert result.returncode == 2
    assert target.read_bytes() == SAMPLE.read_bytes()


def test_the_export_page_shows_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest
    import re

    page = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\{doctest\}\n(.*?)^```", page, re.MULTILINE | re.DOTALL)
    assert blocks
    monkeypatch.chdir(ROOT)  # the page opens examples/ as a reader in a checkout would
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, "export.md", None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0
    assert runner.tries >= 4
