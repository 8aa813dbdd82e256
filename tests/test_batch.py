"""``clean_records``: every input gives one result, in order, and bad data never raises.

Records come from ``examples/aggregator-sample.json`` and ``tests/data/arxiv-sample.jsonl``
(real arXiv records, CC0).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from arxivmeta import InvalidRecord, Paper, Rejected, clean_records
from arxivmeta.batch import MAX_DEPTH, RAW_LIMIT, explain_records
from arxivmeta.records import clean_and_explain, clean_record

ROOT = Path(__file__).resolve().parent.parent


def sample_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(
        (ROOT / "examples" / "aggregator-sample.json").read_text(encoding="utf-8")
    )
    lines = (ROOT / "tests" / "data" / "arxiv-sample.jsonl").read_text(encoding="utf-8")
    return records + [json.loads(line) for line in lines.splitlines()]


def test_dicts_text_and_bytes_give_the_same_papers() -> None:
    records = sample_records()
    wanted = [clean_record(record) for record in records]
    assert list(clean_records(records)) == wanted
    assert list(clean_records(json.dumps(r) for r in records)) == wanted
    assert (
        list(clean_records(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records))
        == wanted
    )


BAD_INPUTS = [
    ("not json at all", "not valid JSON"),
    ('{"title": "cut', "truncated JSON"),
    ("[1, 2]", "not a JSON object (an array)"),
    ('"a string"', "not a JSON object (a string)"),
    ("null", "not a JSON object (null)"),
    ("   ", "blank line"),
    (b'{"title": "\xff"}', "not valid UTF-8"),
    ('{"n": 1' + "0" * 200 + "}", "number too large"),
    ('{"n": 1e999}', "number out of range"),
    ('{"n": NaN}', "NaN is not a JSON number"),
    ("[" * 100_000 + "]" * 100_000, "nested deeper than"),
    ('{"a": ' * 100 + "1" + "}" * 100, f"nested deeper than {MAX_DEPTH} levels"),
    ('{"a": 1} {"b": 2}', "Extra data"),
    (12, "not a JSON object or JSON text (int)"),
]


@pytest.mark.parametrize(("bad", "reason"), BAD_INPUTS)
def test_bad_input_is_rejected_in_place_with_its_position(bad: Any, reason: str) -> None:
    good = sample_records()[:2]
    results = list(clean_records([good[0], bad, good[1]], start=7))
    assert results[0] == clean_record(good[0])
    assert results[2] == clean_record(good[1])
    rejected = results[1]
    assert isinstance(rejected, Rejected)
    assert rejected.position == 8
    assert reason in rejected.reason
    assert rejected.source is None


@pytest.mark.parametrize("line", ['{"title": "cut', '{"title": "x", "n": 1'])
def test_a_line_from_a_file_is_judged_without_its_terminator(line: str) -> None:
    [bare] = clean_records([line])
    for ending in ("\n", "\r\n"):
        [read] = clean_records([line + ending])
        assert isinstance(read, Rejected)
        assert isinstance(bare, Rejected)
        assert read.reason == bare.reason


def test_deep_mapping_is_rejected_without_recursion() -> None:
    deep: dict[str, Any] = {"title": "x"}
    for _ in range(10_000):
        deep = {"nested": deep}
    [rejected] = clean_records([deep])
    assert isinstance(rejected, Rejected)
    assert "nested deeper" in rejected.reason


def test_record_the_cleaner_refuses_is_rejected_with_its_reason() -> None:
    empty = {"PeriodicalId": 501422, "platform": "Semanticscholar"}
    with pytest.raises(InvalidRecord) as refused:
        clean_record(empty)
    [rejected] = clean_records([json.dumps(empty)])
    assert isinstance(rejected, Rejected)
    assert rejected.reason == refused.value.reason
    assert json.loads(rejected.raw) == empty


def test_any_error_of_the_cleaner_becomes_a_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    import arxivmeta.batch

    def broken(record: Any, **options: Any) -> Paper:
        raise InvalidRecord(f"refused {record['title']}")

    monkeypatch.setattr(arxivmeta.batch, "clean_record", broken)
    results = list(clean_records([{"title": "one"}, {"title": "two"}]))
    assert [(r.position, r.reason) for r in results if isinstance(r, Rejected)] == [
        (1, "refused one"),
        (2, "refused two"),
    ]


def test_raw_text_is_capped() -> None:
    huge = '{"title": "' + "x" * (RAW_LIMIT * 2)
    [rejected] = clean_records([huge])
    assert isinstance(rejected, Rejected)
    assert len(rejected.raw) == RAW_LIMIT
    assert rejected.raw.endswith("…")
    assert huge.startswith(rejected.raw[:-1])


def test_rejected_is_frozen_and_picklable() -> None:
    rejected = Rejected(position=3, reason="not valid JSON", raw="{", source="a.jsonl")
    assert pickle.loads(pickle.dumps(rejected)) == rejected
    with pytest.raises(ValueError, match="frozen"):
        rejected.position = 4  # type: ignore[misc]


def test_format_is_passed_to_the_cleaner() -> None:
    record = sample_records()[0]
    [paper] = clean_records([record], format="aggregator")
    assert paper == clean_record(record, format="aggregator")
    [rejected] = clean_records([record], format="no-such-format")
    assert isinstance(rejected, Rejected)
    assert "no-such-format" in rejected.reason


def test_explain_records_pairs_papers_with_their_steps() -> None:
    records = sample_records()
    results = list(explain_records([*records, "oops"]))
    assert results[:-1] == [clean_and_explain(record) for record in records]
    assert isinstance(results[-1], Rejected)
    assert results[-1].position == len(records) + 1
