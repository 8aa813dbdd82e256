"""End to end: the seed aggregator records come out right, and the steps explain every change.

Expected values are written out in ``tests/cases/records/seed.json``. These tests exercise
the whole pipeline: identifiers, the wrap repair and the author parser as well as the
record cleaner.
"""

from __future__ import annotations

import functools
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from _cases import load
from arxivmeta.explain import Step
from arxivmeta.models import Paper
from arxivmeta.records import clean_and_explain, clean_record

ROOT = Path(__file__).parents[1]
RECORDS: list[dict[str, Any]] = json.loads(
    (ROOT / "examples/aggregator-sample.json").read_text("utf-8")
)
CASES = load("records/seed.json")
EXPECTED: list[dict[str, Any]] = [case["expected"] for case in CASES]
SEED = list(zip(RECORDS, EXPECTED, strict=True))
IDS = [f"record{n + 1}" for n in range(len(SEED))]


def test_the_bundled_example_is_the_seed_cases_input() -> None:
    # The README's first command cleans examples/; the cases say what it must print.
    assert [case["original"] for case in CASES] == RECORDS


def flattened(record: dict[str, Any]) -> dict[str, Any]:
    """The record as the page's text copy gives it: every U+0000 removed."""
    return {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in record.items()}


@functools.cache
def explained(n: int, flat: bool) -> tuple[Paper, list[Step]]:
    """Each seed record is cleaned once: the wrap repair of flattened text is slow."""
    record = flattened(RECORDS[n]) if flat else RECORDS[n]
    return clean_and_explain(record)


def check(paper: Paper, expected: dict[str, Any], *, abstract: bool = True) -> None:
    assert paper.arxiv_id is not None
    assert paper.arxiv_id.versioned == expected["arxiv_id"]
    assert str(paper.doi) == expected["doi"]
    assert paper.title == expected["title"]
    assert [
        {"name": a.name, "affiliations": list(a.affiliations)} for a in paper.authors
    ] == expected["authors"]
    assert paper.published is not None
    assert paper.published.isoformat() == expected["published"]
    assert paper.primary_category == expected["primary_category"]
    assert list(paper.categories) == expected["categories"]
    assert paper.venue is expected["venue"] is None
    assert paper.journal_ref is expected["journal_ref"] is None
    assert paper.citation_count is expected["citation_count"] is None
    assert paper.source_format == "aggregator"
    if abstract:
        assert paper.abstract == expected["abstract"]


@pytest.mark.parametrize("n", range(len(SEED)), ids=IDS)
def test_seed_record(n: int) -> None:
    paper = clean_record(RECORDS[n])
    check(paper, EXPECTED[n])
    assert explained(n, False)[0] == paper


@pytest.mark.parametrize("n", range(len(SEED)), ids=IDS)
def test_seed_record_flattened(n: int) -> None:
    check(explained(n, True)[0], EXPECTED[n], abstract=False)


@pytest.mark.parametrize("n", range(len(SEED)), ids=IDS)
def test_seed_abstract_flattened(n: int) -> None:
    assert explained(n, True)[0].abstract == EXPECTED[n]["abstract"]


@pytest.mark.parametrize(("record", "expected"), SEED, ids=IDS)
def test_page_title_translation_is_split_off(
    record: dict[str, Any], expected: dict[str, Any]
) -> None:
    paper = clean_record({**record, "title": expected["page_title"]})
    assert paper.title == expected["title"]
    assert paper.title_translations == {"zh": expected["title_zh"]}


def test_translation_fields_feed_translations() -> None:
    record, expected = SEED[9]
    paper = clean_record(
        {
            **record,
            "TitleCN": expected["title_zh"],
            "AbstractTextCN": "检测和处理网络分区是分布式系统的基本要求。",
        }
    )
    assert paper.title == expected["title"]
    assert paper.title_translations == {"zh": "拜占庭网络中的分区检测"}
    assert paper.abstract_translations == {"zh": "检测和处理网络分区是分布式系统的基本要求。"}
    assert "TitleCN" not in paper.extra


def chains(steps: list[Step]) -> dict[str, list[Step]]:
    by_field: dict[str, list[Step]] = {}
    for step in steps:
        by_field.setdefault(step.field, []).append(step)
    return by_field


# Where each clean field of an aggregator record comes from.
RAW_FIELD = {
    "title": "title",
    "abstract": "abstract",
    "authors": "authors",
    "published": "publicationDate",
    "arxiv_id": "doi",
    "doi": "doi",
}


@pytest.mark.parametrize(
    ("n", "flat"),
    [(n, False) for n in range(len(SEED))] + [(n, True) for n in range(len(SEED))],
    ids=IDS + [f"{name}-flattened" for name in IDS],
)
def test_steps_account_for_every_change(n: int, flat: bool) -> None:
    record = flattened(RECORDS[n]) if flat else RECORDS[n]
    paper, steps = explained(n, flat)
    clean = paper.model_dump(mode="json")
    by_field = chains(steps)
    for field, key in RAW_FIELD.items():
        mine = by_field.get(field, [])
        if not mine:
            assert clean[field] == record[key], field
            continue
        assert mine[0].before == record[key], field
        for earlier, later in itertools.pairwise(mine):
            assert earlier.after == later.before, field
        assert mine[-1].after == clean[field], field
    assert all(step.before != step.after for step in steps)
    assert by_field["primary_category"][0].after == "cs.DC"


def test_author_steps_name_the_author_path() -> None:
    _, steps = explained(9, False)
    fields = {step.field for step in steps}
    assert {"authors[0].name", "authors[0].affiliations", "authors[3].name"} <= fields


def test_text_steps_replay_onto_raw_values() -> None:
    from arxivmeta.fixes import FIXERS

    for n, record in enumerate(RECORDS):
        paper, steps = explained(n, False)
        for field in ("title", "abstract"):
            value = record[field]
            for step in (s for s in steps if s.field == field):
                value = FIXERS[step.fixer](value)
            assert value == getattr(paper, field)


@pytest.mark.parametrize("n", range(len(SEED)), ids=IDS)
def test_appended_abstract_translation_is_split_off(n: int) -> None:
    record, expected = SEED[n]
    paper = clean_record({**record, "abstract": record["abstract"] + " " + expected["abstract_zh"]})
    assert paper.abstract == expected["abstract"]
    # The translation keeps the source's mangled LaTeX repaired like the abstract's.
    assert paper.abstract_translations == {
        "zh": expected["abstract_zh"].replace("textsf{", "\\textsf{")
    }


def test_clean_output_passes_through_unchanged() -> None:
    # Cleaning arxivmeta's own JSON output again must be a no-op, so `--check` can pass.
    import json
    from pathlib import Path

    from arxivmeta import clean_and_explain, clean_record

    sample = Path(__file__).resolve().parents[1] / "examples" / "aggregator-sample.json"
    for record in json.loads(sample.read_text(encoding="utf-8")):
        dumped = clean_record(record).model_dump(mode="json")
        again, steps = clean_and_explain(dumped)
        assert steps == []
        assert again.model_dump(mode="json") == dumped


def test_invalid_paper_json_is_rejected_with_reason() -> None:
    import pytest

    from arxivmeta import InvalidRecord, Paper, clean_record

    broken = Paper(title="x").model_dump(mode="json") | {"doi": "not a doi"}
    with pytest.raises(InvalidRecord, match="not a valid arxivmeta Paper"):
        clean_record(broken)


def test_a_paper_is_immutable_all_the_way_down() -> None:
    # Seed record 1 of examples/aggregator-sample.json: two authors with glued affiliations.
    paper = clean_record(RECORDS[0])
    assert isinstance(paper.authors, tuple)
    assert isinstance(paper.categories, tuple)
    assert all(isinstance(author.affiliations, tuple) for author in paper.authors)
    with pytest.raises(AttributeError):
        paper.authors.append(paper.authors[0])  # type: ignore[attr-defined]
    # Built from lists (as read back from JSON), it holds tuples and equals the original.
    again = Paper.model_validate(paper.model_dump(mode="json"))
    assert again == paper
    assert isinstance(again.authors[0].affiliations, tuple)
