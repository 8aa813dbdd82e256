"""Explain: every recorded step names a fixer that replays it, or a parse, on real records.

Records: tests/data (arXiv metadata, CC0, and the Semantic Scholar sample; see SOURCES.md)
and the seed aggregator page's records in examples/aggregator-sample.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from _cases import load
from arxivmeta import clean_and_explain, explain_authors, parse_author_name
from arxivmeta.explain import PARSE_STEPS, Step, record_step
from arxivmeta.fixes import FIXERS
from arxivmeta.text import clean_text_and_explain

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def _records() -> list[dict[str, Any]]:
    records = [
        json.loads(line)
        for name in ("arxiv-sample.jsonl", "corpus-records.jsonl", "arxiv-snapshot.jsonl")
        for line in (DATA / name).read_text("utf-8").splitlines()
        if line.strip()
    ]
    records += json.loads((ROOT / "examples" / "aggregator-sample.json").read_text("utf-8"))
    return records


def _check(steps: list[Step]) -> None:
    for step in steps:
        assert step.before != step.after, step
        if step.fixer in PARSE_STEPS:
            continue
        assert step.fixer in FIXERS, f"{step.fixer} is neither a fixer nor a parse"
        assert FIXERS[step.fixer](step.before) == step.after, step


@pytest.mark.parametrize("record", _records(), ids=lambda r: str(r.get("id", r.get("title")))[:40])
def test_every_step_of_a_record_replays_or_is_a_parse(record: dict[str, Any]) -> None:
    _, steps = clean_and_explain(record)
    _check(steps)


def test_every_step_of_the_author_cases_replays_or_is_a_parse() -> None:
    for case in load("authors.json"):
        if isinstance(case["original"], str):
            _check(explain_authors(case["original"])[1])


def test_text_steps_replay_and_fixers_are_not_parses() -> None:
    for case in load("text_fixers.json"):
        _check(clean_text_and_explain(case["original"])[1])
    assert not PARSE_STEPS & set(FIXERS)


def test_a_name_gets_the_same_hygiene_as_a_title() -> None:
    # Full-width letters and ligatures are kept, as in a title (ftfy would fold them).
    for text in ("Ｔａｒｏ Ｙａｍａｄａ", "Joseﬁne Muller", "FranÃ§ois TaÃ¯ani"):
        name = parse_author_name(text).name
        assert name == clean_text_and_explain(text)[0], text
    _, steps = explain_authors("Ｔａｒｏ Ｙａｍａｄａ")
    assert steps == []


def test_record_step_appends_only_a_change() -> None:
    steps: list[Step] = []
    assert record_step(steps, "join_lines", "title", "a", "a") == "a"
    assert steps == []
    assert record_step(steps, "join_lines", "title", "a\n b", "a b") == "a b"
    assert [(s.fixer, s.before, s.after) for s in steps] == [("join_lines", "a\n b", "a b")]
    assert record_step(None, "join_lines", "title", "x", "y") == "y"
