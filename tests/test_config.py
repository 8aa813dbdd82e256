"""CleanConfig: read from plain data with clear errors, and honoured by every entry point.

The record is the first of examples/aggregator-sample.json (the seed aggregator page), its
abstract flattened as the text copy of that page has it (each U+0000 wrap mark deleted).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from arxivmeta import (
    CleanConfig,
    ConfigError,
    WrapConfig,
    clean_and_explain,
    clean_record,
    clean_records,
    clean_text,
    clean_text_and_explain,
)

ROOT = Path(__file__).resolve().parent.parent
RECORD: dict[str, Any] = json.loads((ROOT / "examples" / "aggregator-sample.json").read_text())[0]
FLAT = RECORD["abstract"].replace("\x00", "")
GLUED = "integral tocomplex tasks"
OFF = CleanConfig(repair_line_wraps=False)


def test_the_flattened_abstract_is_repaired_by_default_and_left_glued_when_off() -> None:
    assert GLUED in FLAT
    assert "integral to complex tasks" in clean_text(FLAT)
    assert GLUED in clean_text(FLAT, config=OFF)
    text, steps = clean_text_and_explain(FLAT, config=OFF)
    assert GLUED in text
    assert "repair_line_wraps" not in {s.fixer for s in steps}


def test_clean_record_clean_and_explain_and_clean_records_take_the_config() -> None:
    record = {**RECORD, "abstract": FLAT}
    assert "integral to complex tasks" in (clean_record(record).abstract or "")
    assert GLUED in (clean_record(record, config=OFF).abstract or "")
    paper, _ = clean_and_explain(record, config=OFF)
    assert GLUED in (paper.abstract or "")
    [result] = list(clean_records([json.dumps(record)], config=OFF))
    assert GLUED in (getattr(result, "abstract", "") or "")


def test_wrap_options_reach_the_search() -> None:
    # Words the caller names are never split: "tocomplex" stays as the caller wrote it.
    config = CleanConfig(wraps=WrapConfig(extra_vocabulary=frozenset({"tocomplex"})))
    assert GLUED in clean_text(FLAT, config=config)


def test_the_dask_bag_takes_the_config() -> None:
    dask_bag = pytest.importorskip("dask.bag")
    from arxivmeta.dask import clean_bag, papers

    record = {**RECORD, "abstract": FLAT}
    bag = dask_bag.from_sequence([record], npartitions=1)
    [paper] = papers(clean_bag(bag, config=OFF)).compute(scheduler="sync")
    assert GLUED in paper["abstract"]


def test_from_mapping_reads_a_table_and_rejects_what_it_does_not_know() -> None:
    config = CleanConfig.from_mapping(
        {"repair_line_wraps": True, "wraps": {"min_width": 50, "extra_vocabulary": ["FPDT"]}}
    )
    assert config == CleanConfig(
        wraps=WrapConfig(min_width=50, extra_vocabulary=frozenset({"FPDT"}))
    )
    assert CleanConfig.from_mapping({}) == CleanConfig()
    for bad, message in [
        ({"wrap": {}}, "unknown option 'wrap'"),
        ({"wraps": {"width": 3}}, "unknown option 'wraps.width'"),
        ({"wraps": []}, "must be a table"),
        ({"repair_line_wraps": "no"}, "true or false"),
        ({"wraps": {"min_width": 0}}, "positive whole number"),
        ({"wraps": {"min_width": True}}, "positive whole number"),
        ({"wraps": {"local_threshold": float("nan")}}, "finite number"),
        ({"wraps": {"extra_vocabulary": "FPDT"}}, "list of strings"),
        ({"wraps": {"extra_vocabulary": [1]}}, "list of strings"),
    ]:
        with pytest.raises(ConfigError, match=message):
            CleanConfig.from_mapping(bad)
    assert issubclass(ConfigError, ValueError)


def _clean_cli(tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({**RECORD, "abstract": FLAT}) + "\n")
    return subprocess.run(
        [sys.executable, "-m", "arxivmeta", "clean", str(source), "-q", *options],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_line_reads_a_config_file_and_a_switch(tmp_path: Path) -> None:
    config = tmp_path / "clean.toml"
    config.write_text('[wraps]\nextra_vocabulary = ["tocomplex"]\n')
    default = _clean_cli(tmp_path)
    assert "integral to complex tasks" in json.loads(default.stdout)["abstract"]
    configured = _clean_cli(tmp_path, "--config", str(config))
    assert configured.returncode == 0, configured.stderr
    assert GLUED in json.loads(configured.stdout)["abstract"]
    switched = _clean_cli(tmp_path, "--no-wrap-repair")
    assert GLUED in json.loads(switched.stdout)["abstract"]


def test_the_command_line_names_the_file_of_a_bad_config(tmp_path: Path) -> None:
    config = tmp_path / "clean.toml"
    config.write_text("[wraps]\nmin_widht = 50\n")
    result = _clean_cli(tmp_path, "--config", str(config))
    assert result.returncode == 2
    assert f"--config {config}: unknown option 'wraps.min_widht'" in result.stderr
    config.write_text("[wraps\n")
    assert "not valid TOML" in _clean_cli(tmp_path, "--config", str(config)).stderr
    assert "No such file" in _clean_cli(tmp_path, "--config", str(tmp_path / "none")).stderr


def test_the_command_line_reads_a_vocabulary_file(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# project terms\n\ntocomplex\n", encoding="utf-8")
    result = _clean_cli(tmp_path, "--vocabulary", str(words))
    assert result.returncode == 0, result.stderr
    assert GLUED in json.loads(result.stdout)["abstract"]
    missing = _clean_cli(tmp_path, "--vocabulary", str(tmp_path / "none.txt"))
    assert missing.returncode == 2
    assert "--vocabulary" in missing.stderr


SNAPSHOT = [
    json.loads(line)
    for line in (ROOT / "tests" / "data" / "arxiv-snapshot.jsonl").read_text("utf-8").splitlines()
]


def test_fields_name_what_a_key_means_and_never_replace_the_layouts_own() -> None:
    # 0704.0004 has one version, so no `updated`; its `update_date` only says so when named.
    single, double = SNAPSHOT[2], SNAPSHOT[1]
    assert clean_record(single).updated is None
    config = CleanConfig(fields={"updated": "update_date"})
    paper = clean_record(single, config=config)
    assert str(paper.updated) == "2007-05-23"
    assert "update_date" not in paper.extra
    assert paper.extra["submitter"] == "David Callan"
    assert clean_and_explain(single, config=config)[0] == paper
    # 0704.0002's versions give `updated`: the named key stays in extra, untouched.
    kept = clean_record(double, config=config)
    assert kept == clean_record(double)
    assert kept.extra["update_date"] == "2008-12-13"
    # A key whose value the field cannot take stays in extra too.
    assert clean_record(single, config=CleanConfig(fields={"title": "versions"})).title == (
        clean_record(single).title
    )


def test_fields_are_checked_and_read_from_a_table() -> None:
    assert CleanConfig.from_mapping({"fields": {"updated": "update_date"}}) == CleanConfig(
        fields=(("updated", "update_date"),)
    )
    for bad, message in [
        ({"fields": {"abstrct": "summary"}}, "unknown field 'abstrct'"),
        ({"fields": {"abstract": ""}}, "must name an input key"),
        ({"fields": {"abstract": 3}}, "must name an input key"),
        ({"fields": {"abstract": "summary", "title": "summary"}}, "names key 'summary'"),
        ({"fields": ["abstract"]}, "must be a table"),
    ]:
        with pytest.raises(ConfigError, match=message):
            CleanConfig.from_mapping(bad)


def test_the_command_line_field_option(tmp_path: Path) -> None:
    source = tmp_path / "snapshot.jsonl"
    source.write_text(json.dumps(SNAPSHOT[2]) + "\n")
    command = [sys.executable, "-m", "arxivmeta", "clean", str(source), "-q"]

    def run(*options: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *options], capture_output=True, text=True, timeout=120, check=False
        )

    named = run("--field", "updated=update_date")
    assert named.returncode == 0, named.stderr
    assert json.loads(named.stdout)["updated"] == "2007-05-23"
    config = tmp_path / "clean.toml"
    config.write_text('[fields]\nupdated = "submitter"\n')
    # The command line wins over the file for the same field.
    both = run("--config", str(config), "--field", "updated=update_date")
    assert json.loads(both.stdout)["updated"] == "2007-05-23"
    for bad, message in [
        ("abstract", "expected FIELD=KEY"),
        ("abstrct=summary", "unknown field 'abstrct'"),
    ]:
        result = run("--field", bad)
        assert result.returncode == 2
        assert message in result.stderr
