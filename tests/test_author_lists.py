"""Lists of names, one entry per author (Semantic Scholar, arXiv's API, daily digests).

The records in ``tests/data/daily-author-lists.jsonl`` are real daily-digest records (see
``tests/data/SOURCES.md``); the short lists below are the entries quoted in issue #21.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, strategies as st

from arxivmeta import clean_and_explain, clean_record
from arxivmeta.authors import explain_author_names, parse_author_name, parse_author_names
from arxivmeta.export import to_csl_json

DATA = Path(__file__).parent / "data"


def _record(arxiv_id: str) -> dict[str, Any]:
    for line in (DATA / "daily-author-lists.jsonl").read_text("utf-8").splitlines():
        record: dict[str, Any] = json.loads(line)
        if record["id"] == arxiv_id:
            return record
    raise LookupError(arxiv_id)


def test_a_team_heading_is_an_organisation_and_its_colon_is_kept_aside() -> None:
    # arXiv:2504.03624 lists "NVIDIA", ":", then 199 people.
    record = _record("2504.03624")
    paper = clean_record(record)
    assert len(paper.authors) == len(record["authors_list"]) - 1
    assert paper.authors[0].name == "NVIDIA"
    assert paper.authors[0].is_collaboration
    assert not any(a.is_collaboration for a in paper.authors[1:])
    assert [a.name for a in paper.authors[1:3]] == ["Aaron Blakeman", "Aarti Basant"]
    assert paper.extra["authors_list (dropped)"] == [":"]
    assert to_csl_json(paper)["author"][0] == {"literal": "NVIDIA"}


def test_a_dropped_entry_is_explained() -> None:
    paper, steps = clean_and_explain(_record("2504.03624"))
    drops = [s for s in steps if s.fixer == "drop_non_name"]
    assert [(s.field, s.before, s.after) for s in drops] == [("authors_list[1]", ":", None)]
    assert paper.authors[0].name == "NVIDIA"


def test_a_separator_glued_before_a_name_is_stripped() -> None:
    # arXiv:2508.07592 lists "/Shubham Kumar Nigam".
    paper = clean_record(_record("2508.07592"))
    nigam = paper.authors[3]
    assert (nigam.name, nigam.given, nigam.family) == (
        "Shubham Kumar Nigam",
        "Shubham Kumar",
        "Nigam",
    )
    assert nigam.raw == "/Shubham Kumar Nigam"


def test_an_organisation_split_in_two_entries_is_joined() -> None:
    found, steps = explain_author_names(["Blekinge Institute of", "Technology"])
    assert [(a.name, a.is_collaboration) for a in found.authors] == [
        ("Blekinge Institute of Technology", True)
    ]
    assert [s.fixer for s in steps] == ["join_split_name"]


def test_a_legal_form_completes_the_affiliation_left_on_a_name() -> None:
    found = parse_author_names(["A. Schweiger fortiss", "GmbH"])
    [author] = found.authors
    assert (author.name, author.family, author.affiliations) == (
        "A. Schweiger",
        "Schweiger",
        ("fortiss GmbH",),
    )
    assert not author.is_collaboration


def test_trailing_commas_and_marks_leave_the_name() -> None:
    assert parse_author_name("Lin,").name == "Lin"
    found = parse_author_names(["Lin,", "Wei Zhang*", "Knuth, Donald E."])
    assert [a.name for a in found.authors] == ["Lin", "Wei Zhang", "Donald E. Knuth"]


def test_punctuation_and_urls_are_dropped_not_lost() -> None:
    found = parse_author_names([":", "https://github.com/example/project", "Kyunghoon Bae"])
    assert [a.name for a in found.authors] == ["Kyunghoon Bae"]
    assert found.dropped == (":", "https://github.com/example/project")


def test_people_are_left_alone() -> None:
    names = ["Ewine van Dishoeck", "Maria de Souza", "Aaron Blakeman"]
    found, steps = explain_author_names(names)
    assert [a.name for a in found.authors] == names
    assert steps == []


@given(st.lists(st.text(max_size=40), max_size=8))
def test_names_are_total_and_reach_a_fixed_point(entries: list[str]) -> None:
    once = parse_author_names(entries)
    again = parse_author_names([a.name for a in once.authors])
    assert [a.name for a in again.authors] == [a.name for a in once.authors]


def test_a_two_letter_family_name_is_not_an_abbreviation() -> None:
    # arXiv:2509.20354 (EmbeddingGemma) lists "AJ Co" among its authors: a person.
    found = parse_author_names(["Aashi Jain", "AJ Co", "Andreas Doumanoglou"])
    assert [(a.name, a.family, a.is_collaboration) for a in found.authors][1] == (
        "AJ Co",
        "Co",
        False,
    )


def test_arxiv_parts_keep_a_collaboration_whole_and_drop_its_colon() -> None:
    # arXiv:1606.07538 (OAI-PMH arXiv format): authors_parsed starts
    # ["Collaboration", "Super-Kamiokande", ""], [":", "", ""], ["Abe", "K.", ""].
    line = (DATA / "corpus-1606.07538.jsonl").read_text("utf-8")
    paper, steps = clean_and_explain(json.loads(line))
    assert [(a.name, a.is_collaboration) for a in paper.authors[:2]] == [
        ("Super-Kamiokande Collaboration", True),
        ("K. Abe", False),
    ]
    assert [d[0] for d in paper.extra["authors_parsed (dropped)"]] == [":"]
    assert [s.field for s in steps if s.fixer == "drop_non_name"] == ["authors_parsed[1]"]
    assert to_csl_json(paper)["author"][0] == {"literal": "Super-Kamiokande Collaboration"}


def test_a_chain_of_open_entries_is_joined_only_up_to_a_bound() -> None:
    # Joins are bounded (so the pass is linear), and every entry is still in some raw.
    entries = ["Centre of"] * 5000 + ["GmbH"] * 5000
    found = parse_author_names(entries)
    assert max(len(a.name) for a in found.authors) <= 400
    raws = [a.raw or "" for a in found.authors]
    assert sum(r.count("Centre of") + r.count("GmbH") for r in raws) == len(entries)
