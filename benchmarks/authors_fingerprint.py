"""Fingerprint of the author parser: one sha1 over :func:`arxivmeta.parse_author_list` of
every corpus author line (the ``authors`` strings, and the ``authors_list`` names joined by
commas), to prove a rewrite changes no output.

Each line's result is dumped as JSON (authors, "et al." flag) and hashed with a separator,
so two runs print the same sha1 exactly when every line parsed the same. ``--save`` writes
the outputs and ``--changed`` counts the lines whose output differs from such a file.

Usage::

    ARXIVMETA_CORPUS=/path/to/dev.jsonl python benchmarks/authors_fingerprint.py
    python benchmarks/authors_fingerprint.py --save before.json   # then, after a change:
    python benchmarks/authors_fingerprint.py --changed before.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from arxivmeta import parse_author_list  # noqa: E402 - after the path set-up above


def corpus_path() -> Path:
    env = os.environ.get("ARXIVMETA_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "dev.jsonl"


def author_lines(path: Path) -> list[str]:
    if not path.exists():
        sys.exit(f"corpus not found at {path}: set ARXIVMETA_CORPUS to its dev.jsonl")
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    lines = [r["authors"] for r in records if isinstance(r.get("authors"), str)]
    # The daily digests list names one by one; joined, they read as an arXiv author line.
    lists = [r["authors_list"] for r in records if isinstance(r.get("authors_list"), list)]
    return lines + [", ".join(str(name) for name in names) for names in lists]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path, help="write every output to this JSON file")
    parser.add_argument("--changed", type=Path, help="count outputs that differ from a --save")
    args = parser.parse_args()
    lines = author_lines(corpus_path())
    outputs = []
    for line in lines:
        parsed = parse_author_list(line)
        outputs.append(
            json.dumps([parsed.model_dump(mode="json", exclude={"raw"})], ensure_ascii=False)
        )
    digest = hashlib.sha1("\x1e".join(outputs).encode("utf-8")).hexdigest()
    longest = max(map(len, lines), default=0)
    print(f"{digest}  parse_author_list ({len(lines):,} lines, longest {longest:,} chars)")
    if args.save is not None:
        args.save.write_text(json.dumps(outputs, ensure_ascii=False), encoding="utf-8")
    if args.changed is not None:
        before: list[str] = json.loads(args.changed.read_text(encoding="utf-8"))
        differ = [i for i, (a, b) in enumerate(zip(before, outputs, strict=False)) if a != b]
        print(f"{len(differ):,} changed (first: {differ[:5]})")


if __name__ == "__main__":
    main()
