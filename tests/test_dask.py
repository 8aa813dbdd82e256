"""``arxivmeta.dask``: the read → clean → write recipe, in one process and in two workers.

Records come from ``examples/aggregator-sample.json`` and ``tests/data/arxiv-sample.jsonl``
(real arXiv records, CC0).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")

import dask.bag as db

from arxivmeta.dask import clean_bag, papers, read_jsonl, rejects
from arxivmeta.records import clean_record

ROOT = Path(__file__).resolve().parent.parent


def sample_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(
        (ROOT / "examples" / "aggregator-sample.json").read_text(encoding="utf-8")
    )
    lines = (ROOT / "tests" / "data" / "arxiv-sample.jsonl").read_text(encoding="utf-8")
    return records + [json.loads(line) for line in lines.splitlines()]


def write_files(directory: Path) -> tuple[list[Path], list[dict[str, Any]]]:
    records = sample_records()
    first = directory / "part-1.jsonl"
    first.write_text(
        "".join(json.dumps(r) + "\n" for r in records[:12]) + "not json\n", encoding="utf-8"
    )
    second = directory / "part-2.jsonl.gz"
    with gzip.open(second, "wt", encoding="utf-8") as file:
        file.write("[1]\n" + "".join(json.dumps(r) + "\n" for r in records[12:]))
    return [first, second], records


def test_clean_bag_matches_clean_record_and_splits_rejects(tmp_path: Path) -> None:
    paths, records = write_files(tmp_path)
    cleaned = clean_bag(read_jsonl([str(p) for p in paths]))
    good = papers(cleaned).compute(scheduler="sync")
    bad = rejects(cleaned).compute(scheduler="sync")
    assert good == [clean_record(r).model_dump(mode="json") for r in records]
    assert [(r["position"], r["reason"][:14]) for r in bad] == [
        (13, "not valid JSON"),
        (1, "not a JSON obj"),
    ]


@pytest.mark.timeout(300)  # a stuck worker pool fails this test, not the whole run
def test_two_worker_processes_give_the_same_result(tmp_path: Path) -> None:
    paths, records = write_files(tmp_path)
    cleaned = clean_bag(read_jsonl([str(p) for p in paths]))
    parallel = cleaned.compute(scheduler="processes", num_workers=2)
    assert parallel == cleaned.compute(scheduler="sync")
    assert [item["paper"] for item in parallel if "paper" in item] == [
        clean_record(r).model_dump(mode="json") for r in records
    ]


def test_to_textfiles_recipe(tmp_path: Path) -> None:
    records = sample_records()
    cleaned = clean_bag(db.from_sequence(records, npartitions=3), format=None)
    papers(cleaned).map(json.dumps).to_textfiles(str(tmp_path / "out-*.jsonl"), compute=True)
    written = [
        json.loads(line)
        for path in sorted(tmp_path.glob("out-*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert written == [clean_record(r).model_dump(mode="json") for r in records]


def test_import_without_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import sys

    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.delitem(sys.modules, "arxivmeta.dask")
    with pytest.raises(ImportError, match=r"arxivmeta\[dask\]"):
        importlib.import_module("arxivmeta.dask")
