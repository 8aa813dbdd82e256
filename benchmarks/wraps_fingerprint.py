"""Fingerprint of the line-wrap repair: one sha1 per input set, to prove a rewrite changes
no output.

Usage::

    ARXIVMETA_CORPUS=/path/to/dev.jsonl python benchmarks/wraps_fingerprint.py

It prints the sha1 of ``repair_line_wraps`` over every corpus abstract as it is (line
breaks kept), over every abstract flattened as the aggregator does (stripped, every
``"\\n"`` deleted), and over the seed page's marked and flattened abstracts. Two versions
of the library that print the same three lines give the same output on all of them.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if os.environ.get("ARXIVMETA_INSTALLED") != "1":  # measure this checkout, not an install
    sys.path.insert(0, str(REPO / "src"))

SEED = REPO / "tests" / "data" / "line_wraps_seed.json"


def corpus_path() -> Path:
    env = os.environ.get("ARXIVMETA_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "dev.jsonl"


def flatten(abstract: str) -> str:
    return abstract.strip().replace("\n", "")


def fingerprint(texts: Iterable[str]) -> tuple[str, int]:
    from arxivmeta.wraps import repair_line_wraps

    digest = hashlib.sha1()
    count = 0
    for text in texts:
        digest.update(repair_line_wraps(text).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")  # a record separator, so that outputs cannot run together
        count += 1
    return digest.hexdigest(), count


def main() -> int:
    path = corpus_path()
    if not path.exists():
        print(f"corpus not found at {path}; set ARXIVMETA_CORPUS", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as lines:
        abstracts = [json.loads(line).get("abstract") or "" for line in lines if line.strip()]
    seed = json.loads(SEED.read_text(encoding="utf-8"))["records"]
    seed_texts = [r[key] for r in seed for key in ("marked", "flattened")]
    for name, texts in (
        ("as-is", abstracts),
        ("flattened", [flatten(a) for a in abstracts]),
        ("seed", seed_texts),
    ):
        sha, count = fingerprint(texts)
        print(f"{name:10} {count:6} texts  sha1 {sha}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
