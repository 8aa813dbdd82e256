"""Every cleaner stays total, linear and idempotent on hostile shapes that once broke one.

Recursion is checked structurally: the deepest Python stack a cleaner reaches must not grow
with its input. Linear time is checked by counting work where a counter exists; wall-clock
timings live in ``benchmarks/robustness.py``, never in this suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import arxivmeta
from arxivmeta.fixes import FIXERS


def max_stack_depth(function: Callable[[Any], object], argument: Any) -> int:
    """The deepest Python call stack reached while ``function(argument)`` runs.

    The function runs once unwatched first, so lazy imports and caches are not counted.
    """
    function(argument)
    depth = deepest = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal depth, deepest
        if event == "call":
            depth += 1
            deepest = max(deepest, depth)
        elif event == "return":
            depth -= 1

    sys.setprofile(profile)
    try:
        function(argument)
    finally:
        sys.setprofile(None)
    return deepest


# --- the chain search of the line-wrap repair --------------------------------------------

# Runs of one separator between double spaces: every few characters starts a paragraph, so
# the chain of line ends is as long as the text allows.
CHAIN_SHAPES = {"comma": " , ", "ampersand": " & "}


@pytest.mark.parametrize("unit", CHAIN_SHAPES.values(), ids=CHAIN_SHAPES.keys())
@pytest.mark.parametrize(
    "function",
    [
        arxivmeta.repair_line_wraps,
        arxivmeta.clean_text,
        lambda text: arxivmeta.clean_record({"title": "T", "abstract": text}),
    ],
    ids=["repair_line_wraps", "clean_text", "clean_record"],
)
def test_chain_search_depth_does_not_grow_with_the_text(
    unit: str, function: Callable[[str], object]
) -> None:
    short, long = unit * 300, unit * 3_000  # both below the geometry limit of 12,000 chars
    assert max_stack_depth(function, long) == max_stack_depth(function, short)


def count_calls(function: Callable[[Any], object], argument: Any) -> int:
    """How many Python and C functions ``function(argument)`` calls: work, counted the same
    way on every machine (a quadratic loop of C calls shows as well as one of Python's)."""
    function(argument)
    calls = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        if event in {"call", "c_call"}:
            calls += 1

    sys.setprofile(profile)
    try:
        function(argument)
    finally:
        sys.setprofile(None)
    return calls


def work_ratio(function: Callable[[Any], object], make: Callable[[int], Any], size: int) -> float:
    """The work at ten times ``size`` over the work at ``size``: about 10 when linear."""
    return count_calls(function, make(10 * size)) / count_calls(function, make(size))


def rejected_reason(record: Any) -> str:
    """The reason :func:`arxivmeta.clean_record` gives for refusing ``record``."""
    with pytest.raises(arxivmeta.InvalidRecord) as error:
        arxivmeta.clean_record(record)
    return error.value.reason


# --- XML records -----------------------------------------------------------------------

ATOM = "http://www.w3.org/2005/Atom"
ATOM_ENTRY = (Path(__file__).parent / "data" / "atom-math-0412226.xml").read_text("utf-8")


def _feed_of_entries(count: int) -> dict[str, str]:
    return {"xml": f'<feed xmlns="{ATOM}">' + "<entry/>" * count + "</feed>"}


def test_xml_feed_of_many_entries_is_refused_in_linear_work() -> None:
    assert rejected_reason(_feed_of_entries(1_000)) == (
        "the XML holds 1000 records; pass them one at a time"
    )
    assert work_ratio(clean_record_quietly, _feed_of_entries, 200) < 15


def clean_record_quietly(record: Any) -> object:
    """:func:`arxivmeta.clean_record`, with a refusal as its result instead of an error."""
    try:
        return arxivmeta.clean_record(record)
    except arxivmeta.InvalidRecord as error:
        return error


@pytest.mark.parametrize("depth", [65, 1_000, 100_000])
def test_deeply_nested_xml_is_a_typed_rejection(depth: int) -> None:
    nested = "<x>" * depth + "</x>" * depth
    record = {"xml": ATOM_ENTRY.replace("</entry>", nested + "</entry>")}
    assert rejected_reason(record) == "the XML nests deeper than 64 elements"


def test_xml_nested_within_the_limit_is_kept_in_extra() -> None:
    record = {"xml": ATOM_ENTRY.replace("</entry>", "<x>" * 20 + "</x>" * 20 + "</entry>")}
    paper = arxivmeta.clean_record(record)
    assert paper.title is not None
    assert "x" in paper.extra
    assert arxivmeta.Paper.model_validate_json(paper.model_dump_json()) == paper


def test_xml_longer_than_the_limit_is_a_typed_rejection() -> None:
    from arxivmeta.records.formats.xml import MAX_XML_CHARS

    padding = " " * (MAX_XML_CHARS - len(ATOM_ENTRY) + 1)
    assert "characters long" in rejected_reason({"xml": ATOM_ENTRY + padding})
    assert arxivmeta.clean_record({"xml": ATOM_ENTRY + padding[:-1]}).title is not None


# --- lone surrogates, at the record boundary -------------------------------------------


def test_lone_surrogates_become_replacement_characters_in_keys_and_values() -> None:
    # JSON may spell a lone surrogate; json.loads gives it back as one.
    record = json.loads(
        '{"title": "Jos\\udce9 Mart\\udced", "abstract": "Text.", "n\\ud800te": ["\\udfff"]}'
    )
    paper, steps = arxivmeta.clean_and_explain(record)
    assert paper.title == "Jos\ufffd Mart\ufffd"
    assert paper.extra == {"n\ufffdte": ["\ufffd"]}
    assert arxivmeta.Paper.model_validate_json(paper.model_dump_json()) == paper
    replaced = [step for step in steps if step.fixer == "replace_lone_surrogates"]
    assert {step.field for step in replaced} == {"title", "'n\\ud800te' (key)", "n\ufffdte.[0]"}
    for step in replaced:
        assert FIXERS["replace_lone_surrogates"](step.before) == step.after


def test_keys_that_differ_only_by_a_lone_surrogate_are_refused() -> None:
    record = json.loads('{"title": "T", "n\\ud800te": 1, "n\\ufffdte": 2}')
    assert "differ only by a lone surrogate" in rejected_reason(record)


# --- idempotence -----------------------------------------------------------------------


@pytest.mark.parametrize("hidden", ["\x07", "\u200b", "\ud800"])
def test_a_character_that_hid_mojibake_does_not_leave_it_for_a_second_pass(hidden: str) -> None:
    assert arxivmeta.clean_text(f"Ã{hidden}©") == "é"


@pytest.mark.parametrize("text", ["\\$", "\\{x", "\\$x\\$"])
def test_to_plain_text_renders_to_a_fixed_point(text: str) -> None:
    once = arxivmeta.to_plain_text(text)
    assert arxivmeta.to_plain_text(once) == once


@pytest.mark.parametrize("text", ["0" * 51 + "Aa:THtHE", ":" * 49 + "A:AA:AA`<"])
def test_a_cut_that_gives_its_pieces_evidence_is_followed_to_the_end(text: str) -> None:
    once = arxivmeta.repair_line_wraps(text)
    assert once != text
    assert arxivmeta.repair_line_wraps(once) == once
    assert arxivmeta.clean_text(arxivmeta.clean_text(text)) == arxivmeta.clean_text(text)
    fixed, splits = arxivmeta.explain_line_wraps(text)
    assert fixed == once
    assert [split.position for split in splits] == sorted(split.position for split in splits)


def test_a_marked_text_joined_at_its_marks_is_left_as_a_second_pass_leaves_it() -> None:
    text = "0" * 33 + "\r" + "0" * 22 + "Aa"
    once = arxivmeta.repair_line_wraps(text)
    assert arxivmeta.repair_line_wraps(once) == once
    assert arxivmeta.explain_line_wraps(text)[0] == once


# --- control characters ----------------------------------------------------------------


def test_a_control_character_before_a_combining_mark_does_not_keep_it_apart() -> None:
    assert arxivmeta.clean_text("A\x1f\u0300") == "\u00c0"


def test_nul_and_escape_leave_author_names_and_the_raw_line() -> None:
    paper, steps = arxivmeta.clean_and_explain(
        {"title": "T", "authors": "Jo\x00hn Smith, Ann\x1b Lee"}
    )
    assert [a.name for a in paper.authors] == ["John Smith", "Ann Lee"]
    assert all("\x00" not in (a.raw or "") and "\x1b" not in (a.raw or "") for a in paper.authors)
    assert paper.authors_raw == "John Smith, Ann Lee"
    assert ("strip_control_characters", "authors_raw") in {(s.fixer, s.field) for s in steps}


# --- authors ---------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["SmithIRISA ", "AbAbAbAbAbAbAbAb", "x AbAbAb-CdCd "])
def test_one_long_comma_less_author_line_takes_linear_work(unit: str) -> None:
    # Each inner capital used to search back to the line's start and score all before it.
    def line(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    assert work_ratio(arxivmeta.parse_authors, line, 1_500) < 15


# --- our own Paper layout ----------------------------------------------------------------


def test_a_record_in_paper_layout_is_cleaned_like_any_other() -> None:
    clean = arxivmeta.clean_record(
        {"title": "Partition Detection", "authors": "Yérom-David BrombergIRISA, UR"}
    )
    dumped = clean.model_dump(mode="json")
    assert arxivmeta.clean_and_explain(dumped) == (clean, [])
    dumped["title"] = "Partition\x07  Detection"
    dumped["authors"][0]["name"] = "FranÃ§ois Taïani\x00"
    paper, steps = arxivmeta.clean_and_explain(dumped)
    assert paper.title == "Partition Detection"
    assert paper.authors[0].name == "François Taïani"
    assert list(paper.authors[0].affiliations) == ["IRISA, UR"]
    assert {s.field for s in steps} >= {"title", "authors[0].name"}


def test_check_reports_a_paper_layout_record_that_would_change(tmp_path: Path) -> None:
    record = arxivmeta.clean_record({"title": "Partition Detection"}).model_dump(mode="json")
    record["title"] = "Partition\x07 Detection"
    source = tmp_path / "papers.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "arxivmeta", "clean", "--check", str(source)],
        capture_output=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode != 0, result.stderr
