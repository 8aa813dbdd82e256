"""The JSON Schema that ``arxivmeta schema`` prints accepts every record arxivmeta writes.

Records come from every real input under ``tests/data/`` and ``examples/`` (arXiv metadata is
CC0; see ``tests/data/SOURCES.md``), and from hypothesis-made raw records of each format.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

from arxivmeta import Paper, clean_record, clean_records, strategies as ams
from arxivmeta.cli import paper_schema_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
VALIDATOR = Draft202012Validator(
    json.loads(paper_schema_text()), format_checker=Draft202012Validator.FORMAT_CHECKER
)


def _real_records() -> list[Any]:
    records: list[Any] = []
    for name in ("arxiv-sample.jsonl", "arxiv-snapshot.jsonl", "corpus-records.jsonl"):
        lines = (DATA / name).read_text("utf-8").splitlines()
        records.extend(json.loads(line) for line in lines if line.strip())
    records.extend(json.loads((DATA / "semantic-scholar.json").read_text("utf-8")))
    records.extend(json.loads((ROOT / "examples" / "aggregator-sample.json").read_text("utf-8")))
    # Whole arXiv API answers (``api-*.xml``: a feed of several entries, an error) are not
    # one record each.
    records.extend(
        {"xml": path.read_text("utf-8")}
        for path in sorted(DATA.glob("*.xml"))
        if not path.name.startswith("api-")
    )
    return records


def _errors(document: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(VALIDATOR.schema)


def test_every_real_record_written_validates() -> None:
    records = _real_records()
    papers = [p for p in clean_records(records) if isinstance(p, Paper)]
    assert len(papers) == len(records) == 40
    for paper in papers:
        assert _errors(paper.model_dump(mode="json")) == [], paper.arxiv_id


def test_the_command_line_output_validates() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "arxivmeta", "clean", str(ROOT / "examples/aggregator-sample.json")],
        capture_output=True,
        check=True,
        timeout=600,
    )
    records = json.loads(result.stdout)  # an array in, an array out
    assert len(records) == 10
    for record in records:
        assert _errors(record) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("arxiv_id", {"id": "2408.16978", "version": None}),
        ("doi", {"value": "10.1145/3292500.3330701"}),
        ("arxiv_id", "arxiv-2408.16978"),
        ("doi", "https://doi.org/10.1145/3292500.3330701"),
    ],
)
def test_identifiers_in_any_form_but_the_written_one_are_refused(field: str, value: Any) -> None:
    seed = json.loads((ROOT / "examples" / "aggregator-sample.json").read_text("utf-8"))[0]
    paper = clean_record(seed)
    assert _errors(paper.model_dump(mode="json")) == []
    written = {**paper.model_dump(mode="json"), field: value}
    assert _errors(written), field


@given(ams.raw_records(hostile=True))
def test_every_record_made_from_hostile_input_validates(raw: ams.RawRecord) -> None:
    for result in clean_records([raw.record]):
        if isinstance(result, Paper):
            assert _errors(result.model_dump(mode="json")) == []
