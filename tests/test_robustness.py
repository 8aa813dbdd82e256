"""Every cleaner stays total, linear and idempotent on hostile shapes that once broke one.

Recursion is checked structurally: the deepest Python stack a cleaner reaches must not grow
with its input. Linear time is checked by counting work where a counter exists; wall-clock
timings live in ``benchmarks/robustness.py``, never in this suite.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
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
