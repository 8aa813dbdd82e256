"""Fingerprint of the line-wrap repair: one sha1 per input set, to prove a rewrite changes
nothing.

The sets are every corpus abstract as stored (hard-wrapped, so the marked path), every
abstract flattened to single spaces (``" ".join(a.split())``) and with its line breaks
deleted (the glued words an aggregator serves; both the flattened path), and the seed page,
line by line and whole. Each output is hashed with a separator, so two runs print
the same lines exactly when :func:`arxivmeta.repair_line_wraps` returned the same text for
every input. ``--changed`` also prints how many outputs differ from a fingerprint file
written by ``--save`` (per set, with the first few inputs that differ).

Usage::

    ARXIVMETA_CORPUS=/path/to/dev.jsonl python benchmarks/wraps_fingerprint.py
    python benchmarks/wraps_fingerprint.py --save before.json   # then, after a change:
    python benchmarks/wraps_fingerprint.py --changed before.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from arxivmeta import repair_line_wraps  # noqa: E402 - after the path set-up above


def corpus_path() -> Path:
    env = os.environ.get("ARXIVMETA_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "dev.jsonl"


def seed_path() -> Path:
    return corpus_path().parent.parent / "seed"


def input_sets() -> dict[str, list[str]]:
    path = corpus_path()
    if not path.exists():
        sys.exit(f"corpus not found at {path}: set ARXIVMETA_CORPUS to its dev.jsonl")
    abstracts = [a for a in _abstracts(path) if isinstance(a, str)]
    sets = {
        "abstracts as stored": abstracts,
        "abstracts flattened": [" ".join(a.split()) for a in abstracts],
        # As the aggregators serve them: each line break deleted, the glued words left.
        "abstracts breaks deleted": [a.strip().replace("\n", "") for a in abstracts],
    }
    seed = sorted(seed_path().glob("*.txt"))
    if seed:
        page = seed[0].read_text(encoding="utf-8")
        sets["seed page lines"] = page.splitlines()
        sets["seed page whole"] = [page]
    return sets


def _abstracts(path: Path) -> Iterator[object]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line).get("abstract")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path, help="write every output to this JSON file")
    parser.add_argument("--changed", type=Path, help="count outputs that differ from a --save")
    args = parser.parse_args()
    outputs: dict[str, list[str]] = {}
    for name, texts in input_sets().items():
        fixed = [repair_line_wraps(text) for text in texts]
        outputs[name] = fixed
        digest = hashlib.sha1("\x1e".join(fixed).encode("utf-8", "surrogatepass")).hexdigest()
        print(f"{digest}  {name} ({len(texts):,} texts)")
    if args.save is not None:
        args.save.write_text(json.dumps(outputs, ensure_ascii=False), encoding="utf-8")
    if args.changed is not None:
        before: dict[str, list[str]] = json.loads(args.changed.read_text(encoding="utf-8"))
        for name, fixed in outputs.items():
            old = before.get(name, [])
            differ = [i for i, (a, b) in enumerate(zip(old, fixed, strict=False)) if a != b]
            print(f"{len(differ):,} changed  {name} (first: {differ[:5]})")


if __name__ == "__main__":
    main()
