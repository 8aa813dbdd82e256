"""Plot line-wrap repair accuracy against speed, for arxivmeta and the word segmenters.

Reads the results that ``benchmarks/line_wraps.py`` writes (``benchmarks/results/line_wraps.json``:
per method, ``{"f1": ..., "median_us": ...}``) and draws junction F1 against the median time per
abstract on a log scale, into ``docs/_static/line-wraps-accuracy-speed.png``::

    pip install '.[bench]'
    python benchmarks/line_wraps.py          # measures, writes the results file
    python benchmarks/plot_line_wraps.py     # draws the figure

Without a results file it prints how to produce one and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "line_wraps.json"
FIGURE = HERE.parent / "docs" / "_static" / "line-wraps-accuracy-speed.png"

# Method names as the results file spells them → how the figure labels them.
LABELS = {
    "arxivmeta": "arxivmeta",
    "wordsegment": "wordsegment",
    "symspellpy": "symspellpy",
    "wordninja": "wordninja",
}
HIGHLIGHT = "arxivmeta"


def load_points(
    results: Mapping[str, Any], group: str | None = None
) -> dict[str, tuple[float, float]]:
    """Return ``{method: (median_us, f1)}`` from a results document.

    Accepts the methods at the top level, under ``"methods"``/``"results"``, as a list of
    objects naming their ``"method"``, or one level further down by split (``"holdout"`` is
    preferred, then ``"all"``, unless ``group`` names one); methods lacking either figure are
    skipped.

    >>> load_points({"methods": {"wordninja": {"f1": 0.863, "median_us": 969.0}}})
    {'wordninja': (969.0, 0.863)}
    >>> load_points({"holdout": {"x": {"f1": 0.9, "median_us": 5}}, "dev": {}})
    {'x': (5.0, 0.9)}
    >>> load_points({"results": [{"method": "x", "f1": 0.5}]})
    {}
    """
    body = select(results, group)[1]
    if isinstance(body, list):
        body = {
            str(item.get("method") or item.get("name")): item
            for item in body
            if isinstance(item, Mapping)
        }
    points: dict[str, tuple[float, float]] = {}
    if not isinstance(body, Mapping):
        return points
    for method, figures in body.items():
        if not isinstance(figures, Mapping):
            continue
        f1, median_us = figures.get("f1"), figures.get("median_us")
        if isinstance(f1, int | float) and isinstance(median_us, int | float) and median_us > 0:
            points[str(method)] = (float(median_us), float(f1))
    return points


def select(results: Mapping[str, Any], group: str | None = None) -> tuple[str | None, Any]:
    """Return the split chosen (``None`` when the file has no splits) and its methods.

    >>> select({"command": "x", "dev": {}, "holdout": {"m": {"f1": 1}}})
    ('holdout', {'m': {'f1': 1}})
    """
    body: Any = results
    for key in ("methods", "results"):
        if isinstance(body, Mapping) and key in body:
            body = body[key]
    if isinstance(body, Mapping) and not _has_methods(body):
        for split in (group, "holdout", "all", "dev"):
            if split is not None and isinstance(body.get(split), Mapping):
                return split, body[split]
    return None, body


def _has_methods(body: Mapping[str, Any]) -> bool:
    return any(isinstance(value, Mapping) and "f1" in value for value in body.values())


def plot(points: Mapping[str, tuple[float, float]], out: Path, *, note: str = "") -> None:
    """Draw F1 against median microseconds per abstract (log x) and save a PNG to ``out``."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed; keeps the output identical everywhere
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.0, 4.2), dpi=150)
    for method, (median_us, f1) in sorted(points.items()):
        ours = method == HIGHLIGHT
        ax.scatter(
            [median_us],
            [f1],
            s=90 if ours else 55,
            marker="*" if ours else "o",
            color="#c0392b" if ours else "#34495e",
            zorder=3,
        )
        ax.annotate(
            LABELS.get(method, method),
            (median_us, f1),
            xytext=(7, 5),
            textcoords="offset points",
            fontsize=10,
            fontweight="bold" if ours else "normal",
        )
    ax.set_xscale("log")
    ax.set_xlabel("median time per abstract (µs, log scale) — left is faster")
    ax.set_ylabel("junction F1 — higher is better")
    ax.set_title("Repairing words glued at deleted line breaks")
    ax.grid(True, which="both", alpha=0.3)
    f1s = [f1 for _, f1 in points.values()]
    ax.set_ylim(max(0.0, min(f1s) - 0.03), min(1.02, max(f1s) + 0.04))
    times = [us for us, _ in points.values()]
    ax.set_xlim(min(times) / 2.5, max(times) * 2.5)
    if note:
        fig.text(0.01, 0.01, note, fontsize=7.5, color="#555555")
    fig.tight_layout(rect=(0, 0.04 if note else 0, 1, 1))
    out.parent.mkdir(parents=True, exist_ok=True)
    # Fixed metadata, so re-running on the same results writes the same bytes.
    fig.savefig(out, metadata={"Software": None})
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    """Read the results file and write the figure; exit 0 with a message if there is none."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS, help="results JSON to read")
    parser.add_argument("-o", "--out", type=Path, default=FIGURE, help="PNG to write")
    parser.add_argument("--group", help="the split to plot when the file has several")
    args = parser.parse_args(argv)
    if not args.results.exists():
        print(
            f"no results at {args.results}; run `python benchmarks/line_wraps.py` first",
            file=sys.stderr,
        )
        return 0
    document = json.loads(args.results.read_text(encoding="utf-8"))
    points = load_points(document, args.group)
    if not points:
        print(f"{args.results} holds no method with both f1 and median_us", file=sys.stderr)
        return 1
    note = caption(document, args.group)
    plot(points, args.out, note=note)
    for method, (median_us, f1) in sorted(points.items(), key=lambda item: -item[1][1]):
        print(f"{method:12} F1 {f1:.3f}  {median_us:10.1f} µs/abstract")
    print(f"wrote {args.out}")
    return 0


def caption(document: Any, group: str | None) -> str:
    """Say under the figure what was measured: the split, its size, the command."""
    if not isinstance(document, Mapping):
        return ""
    split, body = select(document, group)
    parts = []
    sizes = {f.get("abstracts") for f in body.values() if isinstance(f, Mapping)}
    sizes.discard(None)
    if split or sizes:
        size = f"{next(iter(sizes)):,} abstracts" if len(sizes) == 1 else ""
        parts.append(", ".join(p for p in (f"{split} split" if split else "", size) if p))
    for key in ("dataset", "corpus", "command"):
        if isinstance(document.get(key), str):
            parts.append(str(document[key]))
    return "data: " + "; ".join(parts) if parts else ""


if __name__ == "__main__":
    sys.exit(main())
