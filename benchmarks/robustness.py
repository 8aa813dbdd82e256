"""Benchmark: linear time of every public cleaning function on hostile shapes.

For each function and input shape, the time at ten times the size over the time at the
base size: about 10 when the work is linear, about 100 when it is quadratic. The two sizes
run in alternating rounds and each side keeps its best time, so a busy machine slows both
alike. No corpus is needed: the shapes are built here.

Usage::

    python benchmarks/robustness.py               # every function and shape, 5 rounds
    python benchmarks/robustness.py --rounds 3 --only parse_authors
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import arxivmeta  # noqa: E402 - after the path set-up above

ATOM = "http://www.w3.org/2005/Atom"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _quietly(function: Callable[[Any], object]) -> Callable[[Any], object]:
    def run(argument: Any) -> object:
        try:
            return function(argument)
        except arxivmeta.InvalidRecord as error:  # a refusal is a result here
            return error

    return run


SHAPES: dict[str, Callable[[int], Any]] = {
    "separators ' , '": lambda n: _repeat(" , ", n),
    "separators ' & '": lambda n: _repeat(" & ", n),
    "mixed tokens, no commas": lambda n: _repeat("Smith MIT J. de la 1 Lab ", n),
    "glued words": lambda n: _repeat("modelwith twoparts integraltocomplex ", n),
}

FUNCTIONS: dict[str, Callable[[Any], object]] = {
    "clean_text": arxivmeta.clean_text,
    "repair_line_wraps": arxivmeta.repair_line_wraps,
    "explain_line_wraps": arxivmeta.explain_line_wraps,
    "to_plain_text": arxivmeta.to_plain_text,
    "parse_authors": arxivmeta.parse_authors,
    "clean_record (abstract)": _quietly(lambda t: arxivmeta.clean_record({"abstract": t})),
    "clean_record (authors)": _quietly(
        lambda t: arxivmeta.clean_record({"title": "T", "authors": t})
    ),
}

XML_CASES: dict[str, Callable[[int], Any]] = {
    "feed of <entry/>": lambda n: {
        "xml": f'<feed xmlns="{ATOM}">' + "<entry/>" * (n // 8) + "</feed>"
    },
    "nesting <x>": lambda n: {
        "xml": f'<entry xmlns="{ATOM}"><title>T</title>'
        + "<x>" * (n // 7)
        + "</x>" * (n // 7)
        + "</entry>"
    },
}


def best_times(function: Callable[[Any], object], inputs: list[Any], rounds: int) -> list[float]:
    best = [float("inf")] * len(inputs)
    for _ in range(rounds):
        for i, argument in enumerate(inputs):  # alternate the sizes within each round
            start = time.perf_counter()
            function(argument)
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--size", type=int, default=10_000, help="base size in characters")
    parser.add_argument("--only", help="run only the functions whose name contains this")
    args = parser.parse_args()
    cases: list[tuple[str, str, Callable[[Any], object], Callable[[int], Any]]] = [
        (name, shape, function, make)
        for name, function in FUNCTIONS.items()
        for shape, make in SHAPES.items()
    ]
    record = _quietly(arxivmeta.clean_record)
    cases += [("clean_record (XML)", shape, record, make) for shape, make in XML_CASES.items()]
    print(f"| function | input shape | {args.size:,} chars | {10 * args.size:,} chars | ratio |")
    print("|---|---|---:|---:|---:|")
    for name, shape, function, make in cases:
        if args.only and args.only not in name:
            continue
        small, large = make(args.size), make(10 * args.size)
        function(small)  # warm: lazy imports and caches are not timed
        t_small, t_large = best_times(function, [small, large], args.rounds)
        print(
            f"| {name} | {shape} | {t_small * 1e3:,.1f} ms | {t_large * 1e3:,.1f} ms "
            f"| {t_large / t_small:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
