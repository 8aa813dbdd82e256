"""Benchmark: author-line parsing on real arXiv author strings, parenthesised and glued.

Run: ``python benchmarks/authors.py [--show N]``. Reads ``$ARXIVMETA_CORPUS`` or
``<repo>/../shared/corpus/dev.jsonl``.

Compares, on the same strings in one run:
- ``arxivmeta.parse_author_list``;
- arXiv's own ``parse_author_affil_utf`` (``arxiv-base``, module ``arxiv.util.authors``);
- ``nameparser`` and ``probablepeople`` on a naive split (names only: they take one name).

Truth is arXiv's ``authors_parsed`` ([keyname, forenames, suffix, affiliation...]) where
the corpus has it. Lines with numbered affiliations are scored on names and counts only,
because ``authors_parsed`` leaves the footnote numbers unresolved there. "Glued" strings are
the same lines with every top-level parenthesised group unwrapped and stuck to the text
before it, as the aggregator does ("A (X, Y), B (Z)" → "AX, Y, BZ"). Lines without
``authors_parsed`` are scored for consistency: does gluing change arxivmeta's answer?
A hash of the arXiv id splits the lines in halves: "tune" (looked at while tuning) and
"holdout" (only measured).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from arxivmeta.authors import parse_author_list

Parsed = list[tuple[str, tuple[str, ...]]]  # (display name, affiliations) per author


def corpus_path() -> Path:
    env = os.environ.get("ARXIVMETA_CORPUS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


def held_out(record_id: str) -> bool:
    return int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0


def glue(line: str) -> str:
    """Strip the parentheses of each top-level group and the space before it."""
    out: list[str] = []
    depth = 0
    for ch in line:
        if ch == "(":
            if depth == 0:
                while out and out[-1].isspace():
                    out.pop()
                depth += 1
                continue
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                continue
        out.append(ch)
    return "".join(out)


def glue_all(line: str) -> str:
    """The harsher variant: every group unwrapped, innermost first ("((1) X)" → "1 X")."""
    previous = None
    while previous != line:
        previous, line = line, _INNERMOST.sub(r"\1", line)
    return line


_INNERMOST = re.compile(r"\s*\(([^()]*)\)")


def squash(text: str) -> str:
    return " ".join(text.split())


def numbered(line: str) -> bool:
    return (
        re.search(r"\(\s*\(\s*1\s*\)|\(\s*1\s*[-:]?\s+[A-Z]|\(\s*\d+\s*(,|and)", line) is not None
    )


def truth_of(parsed: list[list[str]]) -> Parsed:
    out = []
    for entry in parsed:
        keyname, forenames, suffix, *affiliations = entry
        name = squash(" ".join(p for p in (forenames, keyname.rstrip(","), suffix) if p))
        # arXiv's tidy step spaces "J.-N." as "J. -N."; the line itself has no such space.
        name = name.replace(". -", ".-")
        out.append((name, tuple(squash(a) for a in affiliations)))
    return out


def ours(line: str) -> Parsed:
    return [(a.name, tuple(a.affiliations)) for a in parse_author_list(line).authors]


def arxiv_parser() -> Callable[[str], Parsed] | None:
    try:
        from arxiv.util.authors import parse_author_affil_utf
    except ImportError:
        return None

    def run(line: str) -> Parsed:
        out = []
        for entry in parse_author_affil_utf(line):
            keyname, forenames, suffix, *affiliations = entry
            name = squash(" ".join(p for p in (forenames, keyname.rstrip(","), suffix) if p))
            out.append((name, tuple(squash(a) for a in affiliations)))
        return out

    return run


_NAIVE_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|;|\s+and\s+|&)\s*")


def _naive_pieces(line: str) -> list[str]:
    line = re.sub(r"\([^()]*\)", " ", squash(line))
    line = re.sub(r"\([^()]*\)", " ", line)
    return [p for p in (_NAIVE_SPLIT.split(line)) if p.strip() and not p.startswith("et al")]


def nameparser_parser() -> Callable[[str], Parsed] | None:
    try:
        from nameparser import HumanName
    except ImportError:
        return None

    def run(line: str) -> Parsed:
        out = []
        for piece in _naive_pieces(line):
            n = HumanName(piece)
            parts = (n.first, n.middle, n.last, n.suffix)
            out.append((squash(" ".join(p for p in parts if p)), ()))
        return out

    return run


def probablepeople_parser() -> Callable[[str], Parsed] | None:
    try:
        import probablepeople
    except ImportError:
        return None

    def run(line: str) -> Parsed:
        out = []
        for piece in _naive_pieces(line):
            try:
                tagged, _ = probablepeople.tag(piece)
                out.append((squash(" ".join(tagged.values())), ()))
            except Exception:
                out.append((piece, ()))
        return out

    return run


class Score:
    def __init__(self) -> None:
        self.lines = self.count_ok = self.authors = 0
        self.name_ok = self.affil_ok = self.both_ok = self.affil_authors = 0
        self.seconds: list[float] = []
        self.misses: list[tuple[str, Parsed, Parsed]] = []

    def add(self, line: str, got: Parsed, want: Parsed, seconds: float, *, affil: bool) -> None:
        self.lines += 1
        self.authors += len(want)
        self.seconds.append(seconds)
        if affil:
            self.affil_authors += len(want)
        if len(got) != len(want):
            self.misses.append((line, got, want))
            return
        self.count_ok += 1
        wrong = False
        for (gname, gaff), (wname, waff) in zip(got, want, strict=True):
            name_ok = gname == wname
            aff_ok = gaff == waff
            self.name_ok += name_ok
            if affil:
                self.affil_ok += aff_ok
                self.both_ok += name_ok and aff_ok
            wrong |= not name_ok or (affil and not aff_ok)
        if wrong:
            self.misses.append((line, got, want))

    def row(self, label: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}%" if b else "  n/a"

        us = statistics.median(self.seconds) * 1e6 if self.seconds else 0.0
        return (
            f"| {label:<44} | {self.lines:5d} | {pct(self.count_ok, self.lines)} | "
            f"{pct(self.name_ok, self.authors)} | {pct(self.affil_ok, self.affil_authors)} | "
            f"{pct(self.both_ok, self.affil_authors)} | {us:8.0f} |"
        )


def timed(fn: Callable[[str], Parsed], line: str) -> tuple[Parsed, float]:
    start = time.perf_counter()
    try:
        got = fn(line)
    except Exception:
        got = []
    return got, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print N mistakes of arxivmeta")
    ap.add_argument("--split", choices=("all", "tune", "holdout"), default="all")
    args = ap.parse_args()
    path = corpus_path()
    if not path.exists():
        print(f"corpus not found at {path}; set ARXIVMETA_CORPUS. Nothing to do.")
        return 0
    records: list[dict[str, Any]] = [json.loads(x) for x in path.open(encoding="utf-8")]
    records = [r for r in records if r.get("authors")]
    parsers: dict[str, Callable[[str], Parsed] | None] = {
        "arxivmeta": ours,
        "arXiv parse_author_affil_utf": arxiv_parser(),
        "nameparser (naive split)": nameparser_parser(),
        "probablepeople (naive split)": probablepeople_parser(),
    }
    for fn in parsers.values():
        if fn is not None:  # load word lists and models before timing
            timed(fn, "A. SmithMIT, B. JonesOxford, C. Li, Ewine van DishoeckLeiden")
    scores: dict[str, Score] = {}
    consistency = dict.fromkeys(
        ("lines", "same", "authors", "same_authors", "same_all", "authors_all"), 0
    )
    consistency_misses: list[tuple[str, Parsed, Parsed]] = []
    for record in records:
        split = "holdout" if held_out(record["id"]) else "tune"
        if args.split not in ("all", split):
            continue
        line = record["authors"]
        if record.get("authors_parsed"):
            want = truth_of(record["authors_parsed"])
            has_affil = not numbered(line)
            forms = (("parenthesised", line), ("glued", glue(line)), ("glued-all", glue_all(line)))
            for form, text in forms:
                if form != "parenthesised" and "(" not in line:
                    continue
                for label, fn in parsers.items():
                    if fn is None:
                        continue
                    got, seconds = timed(fn, text)
                    key = f"{form}: {label}"
                    scores.setdefault(key, Score()).add(text, got, want, seconds, affil=has_affil)
        elif "(" in line:
            consistency["lines"] += 1
            paren, glued = ours(line), ours(glue(line))
            glued_all = ours(glue_all(line))
            consistency["authors_all"] += (
                sum(a == b for a, b in zip(paren, glued_all, strict=False))
                if len(paren) == len(glued_all)
                else 0
            )
            consistency["same_all"] += paren == glued_all
            consistency["authors"] += len(paren)
            if len(paren) == len(glued):
                consistency["same_authors"] += sum(
                    a == b for a, b in zip(paren, glued, strict=True)
                )
            if paren == glued:
                consistency["same"] += 1
            else:
                consistency_misses.append((glue(line), glued, paren))
    print(f"corpus: {path} (split: {args.split})")
    print(
        "| parser | lines | count right | name exact | affiliations exact "
        "| name+affil exact | median µs/line |"
    )
    print("|---|---|---|---|---|---|---|")
    for key, score in scores.items():
        print(score.row(key))
    c = consistency
    print(
        f"\nlines without authors_parsed, with parentheses: {c['lines']}; arxivmeta gives "
        f"the same authors for the glued form on {c['same']} "
        f"({100 * c['same'] / max(c['lines'], 1):.1f}%)"
    )
    print(
        f"glued-all form: same on {c['same_all']} lines, {c['authors_all']} of "
        f"{c['authors']} authors"
    )
    print(
        f"authors: {c['same_authors']} of {c['authors']} identical "
        f"({100 * c['same_authors'] / max(c['authors'], 1):.1f}%)"
    )
    if args.show:
        misses = [m for k, v in scores.items() if k.endswith(": arxivmeta") for m in v.misses]
        for line, got, want in misses[: args.show]:
            print("\nLINE", repr(line[:300]))
            print("  got ", got)
            print("  want", want)
        for line, got, want in consistency_misses[: args.show]:
            print("\nGLUED", repr(line[:300]))
            print("  glued", got)
            print("  paren", want)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
