"""Every DOI of a record, in order: ``Paper.dois``, with ``Paper.doi`` its first.

The records are arXiv's own metadata for 0704.0389 (an ``.abs`` file: the paper's DOI and
two errata's, across a wrapped line) and 0704.0033 (a Kaggle snapshot line: the paper's DOI
and its erratum's), copied into ``tests/data/corpus-multi-doi.jsonl`` (see SOURCES.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from arxivmeta import DOI, Paper, clean_and_explain, clean_record, to_bibtex, to_csl_json
from arxivmeta.cli import paper_schema_text
from arxivmeta.records import detect_format

DATA = Path(__file__).parent / "data"
RECORDS = [
    json.loads(line)
    for line in (DATA / "corpus-multi-doi.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


def _written(record: dict[str, Any]) -> list[str]:
    """The DOIs of the record's field as arXiv wrote them (whitespace-separated there)."""
    return record["doi"].split()


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_every_doi_of_the_field_is_kept_in_order(record: dict[str, Any]) -> None:
    paper = clean_record(record)
    assert len(_written(record)) >= 2
    assert [str(doi) for doi in paper.dois] == _written(record)
    assert paper.doi == paper.dois[0]
    assert "doi" not in paper.extra  # nothing of the field was left unread


def test_the_steps_record_that_several_dois_were_read() -> None:
    record = RECORDS[0]
    paper, steps = clean_and_explain(record)
    [step] = [s for s in steps if s.field == "dois"]
    assert (step.fixer, step.before) == ("parse_identifier", record["doi"])
    assert step.after == [str(doi) for doi in paper.dois]
    single, steps = clean_and_explain({**record, "doi": _written(record)[0]})
    assert single.dois == (single.doi,)
    assert not [s for s in steps if s.field == "dois"]


def test_a_doi_repeated_in_another_case_is_listed_once_as_first_written() -> None:
    first, second = _written(RECORDS[1])
    paper = clean_record({**RECORDS[1], "doi": f"{first}, {second.lower()} {first.upper()}"})
    assert [str(doi) for doi in paper.dois] == [first, second.lower()]


def test_a_json_list_of_dois_is_read_like_a_string_of_them() -> None:
    record = RECORDS[1]
    listed = clean_record({**record, "doi": _written(record)})
    assert listed.dois == clean_record(record).dois
    assert "doi" not in listed.extra


def test_a_field_with_a_piece_that_is_no_doi_is_kept_beside_the_dois() -> None:
    record = RECORDS[1]
    text = f"{record['doi']} hdl:2027/mdp.39015"
    paper = clean_record({**record, "doi": text})
    assert [str(doi) for doi in paper.dois] == _written(record)
    assert paper.extra["doi"] == text


def test_doi_and_dois_follow_each_other() -> None:
    first, second, third = (DOI.model_validate(d) for d in _written(RECORDS[0]))
    assert Paper(doi=first).dois == (first,)
    assert Paper(dois=[first, second]).doi == first
    assert Paper(dois=[first, second.value.lower(), second]).dois == (first, second)
    # Both given and disagreeing: doi comes first, the rest keep their order.
    both = Paper(doi=third, dois=[first, second, third])
    assert (both.doi, both.dois) == (third, (third, first, second))
    assert Paper().dois == ()
    assert Paper().doi is None


def test_a_clean_paper_round_trips_and_an_older_one_without_dois_is_still_a_paper() -> None:
    paper = clean_record(RECORDS[0])
    dumped = paper.model_dump(mode="json")
    assert dumped["dois"] == _written(RECORDS[0])
    assert clean_record(dumped) == paper
    older = {key: value for key, value in dumped.items() if key != "dois"}
    assert detect_format(older) == "paper"
    again = clean_record(older)
    assert (again.doi, again.dois) == (paper.doi, (paper.doi,))


def test_the_schema_accepts_several_dois() -> None:
    validator = Draft202012Validator(json.loads(paper_schema_text()))
    for record in RECORDS:
        assert list(validator.iter_errors(clean_record(record).model_dump(mode="json"))) == []


def test_export_keeps_the_first_doi() -> None:
    paper = clean_record(RECORDS[0])
    bibtex = to_bibtex(paper)
    assert f"doi = {{{paper.dois[0]}}}" in bibtex
    assert all(str(doi) not in bibtex for doi in paper.dois[1:])
    assert to_csl_json(paper)["DOI"] == str(paper.dois[0])
