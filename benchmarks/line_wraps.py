"""Benchmark: restoring lost line breaks in flattened arXiv abstracts.

Each abstract of the corpus keeps its original hard-wrapped lines. It is flattened exactly
as the aggregator did (strip, then delete every "\\n", keeping the indentation of
continuation lines), repaired, and compared with the truth (every line break read as one
space, whitespace collapsed). Peers (wordninja, wordsegment, symspellpy) are applied to the
tokens missing from their own vocabularies; their segmentations are mapped back to offsets
in the original token so that only boundaries are compared.

Usage::

    python benchmarks/line_wraps.py                     # whole corpus, all methods
    python benchmarks/line_wraps.py --split holdout     # the held-back 20 % only
    python benchmarks/line_wraps.py --limit 500 --methods arxivmeta

Splits are by a hash of the arXiv id: ``dev`` (80 %) is for tuning, ``holdout`` (20 %) is
reported and never looked at case by case.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import itertools
import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

_PUNCT = ".,;:!?()[]{}\"'`$%"
RESULTS = REPO / "benchmarks" / "results" / "line_wraps.json"


def corpus_path() -> Path:
    env = os.environ.get("ARXIVMETA_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "dev.jsonl"


def split_of(arxiv_id: str) -> str:
    digest = hashlib.sha1(arxiv_id.encode()).digest()
    return "holdout" if digest[0] % 5 == 0 else "dev"


def flatten(abstract: str) -> tuple[str, set[int]]:
    """The aggregator's text and the offsets where a break was lost between two non-spaces."""
    stripped = abstract.strip()
    flat = stripped.replace("\n", "")
    junctions: set[int] = set()
    pos = 0
    for line in stripped.split("\n")[:-1]:
        pos += len(line)
        if 0 < pos < len(flat) and not flat[pos - 1].isspace() and not flat[pos].isspace():
            junctions.add(pos)
    return flat, junctions


def inserted_positions(flat: str, out: str) -> list[int] | None:
    """Offsets of *flat* before which *out* inserts a space; None if anything else changed."""
    positions: list[int] = []
    i = j = 0
    while j < len(out):
        if i < len(flat) and out[j] == flat[i]:
            i += 1
        elif out[j] == " ":
            positions.append(i)
        else:
            return None
        j += 1
    return positions if i == len(flat) else None


def map_pieces(token: str, pieces: list[str]) -> list[tuple[int, int]] | None:
    """(start, end) offsets of each piece's letters and digits inside *token*."""
    spans: list[tuple[int, int]] = []
    i = 0
    low = token.lower()
    for piece in pieces:
        chars = [c for c in piece.lower() if c.isalnum()]
        if not chars:
            continue
        while i < len(low) and low[i] != chars[0]:
            i += 1
        if i == len(low):
            return None
        start = i
        for c in chars:
            while i < len(low) and not low[i].isalnum():
                i += 1
            if i == len(low) or low[i] != c:
                return None
            i += 1
        spans.append((start, i))
    return spans


def peer_repair(
    flat: str,
    junctions: set[int],
    segment: Callable[[str], list[str]],
    vocab: Callable[[str], bool],
) -> list[int]:
    cuts: list[int] = []
    pos = 0
    for token in flat.split(" "):
        if token:
            core = token.strip(_PUNCT)
            if core and not vocab(core.lower()):
                spans = map_pieces(token, segment(token))
                if spans:
                    for (_, end), (start, _) in itertools.pairwise(spans):
                        gap = [pos + x for x in range(end, start + 1) if pos + x in junctions]
                        if gap:
                            cuts.append(gap[0])
                        elif start == end:
                            # A boundary at punctuation ("state-of-the-art") is only the
                            # peer dropping characters it cannot keep: not counted.
                            cuts.append(pos + start)
        pos += len(token) + 1
    return cuts


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tokens: int = 0
    exact: int = 0
    docs: int = 0
    changed_other: int = 0
    times: list[float] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "false_splits_per_1k_tokens": round(1000 * self.fp / max(self.tokens, 1), 3),
            "exact": round(self.exact / max(self.docs, 1), 4),
            "median_us": round(statistics.median(self.times) * 1e6, 1) if self.times else 0.0,
            "abstracts": self.docs,
        }

    def row(self, name: str, fastest: float) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        med = statistics.median(self.times) * 1e6 if self.times else 0.0
        return (
            f"| {name} | {p:.3f} | {r:.3f} | {f1:.3f} | {1000 * self.fp / max(self.tokens, 1):.2f}"
            f" | {100 * self.exact / max(self.docs, 1):.1f}% | {med:.0f} µs"
            f" | {med / fastest if fastest else 0:.2f}× |"
        )


Method = Callable[[str, set[int]], "list[int] | str"]


def _ours() -> Method:
    from arxivmeta.wraps import repair_line_wraps

    return lambda flat, junctions: repair_line_wraps(flat)


def _wordninja() -> Method:
    import wordninja

    vocab = wordninja.DEFAULT_LANGUAGE_MODEL._wordcost
    return functools.partial(peer_repair, segment=wordninja.split, vocab=vocab.__contains__)


def _wordsegment() -> Method:
    import wordsegment

    wordsegment.load()
    return functools.partial(
        peer_repair, segment=wordsegment.segment, vocab=wordsegment.UNIGRAMS.__contains__
    )


def _symspellpy() -> Method:
    from importlib.resources import files

    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=0, prefix_length=7)
    path = files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    sym.load_dictionary(str(path), term_index=0, count_index=1)

    def seg(token: str) -> list[str]:
        return str(sym.word_segmentation(token, max_edit_distance=0).segmented_string).split()

    return functools.partial(peer_repair, segment=seg, vocab=sym.words.__contains__)


FACTORIES: dict[str, Callable[[], Method]] = {
    "arxivmeta": _ours,
    "wordninja": _wordninja,
    "wordsegment": _wordsegment,
    "symspellpy": _symspellpy,
}


def methods(names: list[str]) -> Iterator[tuple[str, Method]]:
    for name in names:
        yield name, FACTORIES[name]()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="first N abstracts of the split")
    parser.add_argument("--split", choices=["all", "dev", "holdout"], default="all")
    parser.add_argument(
        "--repeat", type=int, default=3, help="time each repair N times, keep the fastest"
    )
    parser.add_argument(
        "--methods", default="arxivmeta,wordninja,wordsegment,symspellpy", help="comma list"
    )
    args = parser.parse_args()
    path = corpus_path()
    if not path.exists():
        print(f"corpus not found at {path}; set ARXIVMETA_CORPUS to run this benchmark")
        return 0
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    records = [r for r in records if r.get("abstract")]
    if args.split != "all":
        records = [r for r in records if split_of(r["id"]) == args.split]
    if args.limit:
        records = records[: args.limit]
    data = []
    for rec in records:
        flat, junctions = flatten(rec["abstract"])
        data.append((rec["id"], flat, junctions, " ".join(rec["abstract"].split())))
    groups = ["dev", "holdout"] if args.split == "all" else [args.split]
    fns = dict(methods(args.methods.split(",")))
    results = {name: {g: Score() for g in [*groups, "all"]} for name in fns}
    # Methods take turns on each abstract, so a busy machine slows them all alike.
    for arxiv_id, flat, junctions, truth in data:
        for name, fn in fns.items():
            elapsed = math.inf
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                result = fn(flat, junctions)
                elapsed = min(elapsed, time.perf_counter() - t0)
            cuts = inserted_positions(flat, result) if isinstance(result, str) else result
            for g in {split_of(arxiv_id) if args.split == "all" else args.split, "all"}:
                s = results[name][g]
                s.docs += 1
                s.times.append(elapsed)
                s.tokens += len(truth.split())
                if cuts is None:
                    s.changed_other += 1
                    s.fn += len(junctions)
                    continue
                got = set(cuts)
                s.tp += len(got & junctions)
                s.fp += len(got - junctions)
                s.fn += len(junctions - got)
                out = flat
                for c in sorted(got, reverse=True):
                    out = out[:c] + " " + out[c:]
                s.exact += " ".join(out.split()) == truth
    header = (
        "| method | precision | recall | F1 | false splits / 1k tokens | exact | median / abstract"
        " | × fastest peer |\n|---|---|---|---|---|---|---|---|"
    )
    for g in [*groups, "all"] if len(groups) > 1 else groups:
        peers = [results[m][g] for m in results if m != "arxivmeta"]
        fastest = min((statistics.median(s.times) * 1e6 for s in peers), default=0.0)
        n = next(iter(results.values()))[g].docs if results else 0
        print(f"\n{g} ({n} abstracts)\n{header}")
        for name, per in results.items():
            print(per[g].row(name, fastest))
            if per[g].changed_other:
                print(f"  ! {name} changed other characters in {per[g].changed_other} abstracts")
    if "arxivmeta" in results:
        from arxivmeta.wraps import repair_line_wraps

        marked_nul = marked_nl = 0
        for rec in records:
            truth = " ".join(rec["abstract"].split())
            marked_nul += repair_line_wraps(rec["abstract"].strip().replace("\n", "\x00")) == truth
            marked_nl += repair_line_wraps(rec["abstract"]) == truth
        n = len(records)
        print(
            f"\nmarked mode exact: U+0000 {100 * marked_nul / n:.2f}%  "
            f'"\\n" kept {100 * marked_nl / n:.2f}%  ({n} abstracts)'
        )
    if not args.limit:
        # Read by benchmarks/plot_line_wraps.py.
        out = {g: {m: results[m][g].figures() for m in results} for g in [*groups, "all"]}
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps({"command": " ".join(sys.argv), **out}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
