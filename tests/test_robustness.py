"""Every cleaner stays total, linear and idempotent on hostile shapes that once broke one.

Recursion is checked structurally: the deepest Python stack a cleaner reaches must not grow
with its input. Linear time is checked by counting work where a counter exists; wall-clock
timings live in ``benchmarks/robustness.py``, never in this suite.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import arxivmeta


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
    from arxivmeta.formats.xml import MAX_XML_CHARS

    padding = " " * (MAX_XML_CHARS - len(ATOM_ENTRY) + 1)
    assert "characters long" in rejected_reason({"xml": ATOM_ENTRY + padding})
    assert arxivmeta.clean_record({"xml": ATOM_ENTRY + padding[:-1]}).title is not None
