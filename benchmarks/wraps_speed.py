"""Speed of ``repair_line_wraps`` on flattened abstracts: this checkout, the previous
release and wordninja, in alternating rounds.

Usage::

    ARXIVMETA_CORPUS=/path/to/dev.jsonl python benchmarks/wraps_speed.py \\
        [--ref 2ca424f] [--repo /path/to/git/checkout] [--rounds 5] [--limit N]

Every corpus abstract is flattened as the aggregator does (stripped, every ``"\\n"``
deleted). Each round times one pass over all of them by each side, one after the other:
this checkout in this process; the previous release (installed by
``benchmarks/differential_wraps.py``'s venv under /tmp, or installed here on first use)
in a child process that times itself; and the peer, ``wordninja.split`` on every token
missing from wordninja's vocabulary (what a pipeline built by hand does). Times are CPU
seconds of the process doing the work, so other load on the shared machine counts less.
The table gives each side's best pass and the median and range of the per-round ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

_CHILD = r"""
import json, sys, time
from arxivmeta.wraps import repair_line_wraps
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for text in texts[:20]:
    repair_line_wraps(text)
for line in sys.stdin:
    start = time.process_time()
    for text in texts:
        repair_line_wraps(text)
    print(time.process_time() - start, flush=True)
"""

_PUNCT = ".,;:!?()[]{}\"'`$%"


def corpus_path() -> Path:
    env = os.environ.get("ARXIVMETA_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ref", default="2ca424f")
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    path = corpus_path()
    if not path.exists():
        print(f"corpus not found at {path}; set ARXIVMETA_CORPUS", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as lines:
        abstracts = [json.loads(line).get("abstract") or "" for line in lines if line.strip()]
    texts = [a.strip().replace("\n", "") for a in abstracts if a.strip()]
    if args.limit:
        texts = texts[:: max(1, len(texts) // args.limit)][: args.limit]
    import wordninja

    from arxivmeta.wraps import repair_line_wraps
    from differential_wraps import old_python

    vocab = wordninja.DEFAULT_LANGUAGE_MODEL._wordcost

    def peer(text: str) -> None:
        for token in text.split():
            core = token.strip(_PUNCT)
            if core and core.lower() not in vocab:
                wordninja.split(token)

    def timed(function: object) -> float:
        start = time.process_time()
        for text in texts:
            function(text)  # type: ignore[operator]
        return time.process_time() - start

    data = Path("/tmp") / f"arxivmeta-wraps-speed-{os.getpid()}.json"
    data.write_text(json.dumps(texts), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    child = subprocess.Popen(
        [str(old_python(args.ref, args.repo)), "-c", _CHILD, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd="/tmp",
        env=env,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    for text in texts[:20]:
        repair_line_wraps(text)
        peer(text)
    times: dict[str, list[float]] = {"this checkout": [], args.ref: [], "wordninja": []}
    try:
        for _ in range(args.rounds):
            times["this checkout"].append(timed(repair_line_wraps))
            times["wordninja"].append(timed(peer))
            child.stdin.write("go\n")
            child.stdin.flush()
            times[args.ref].append(float(child.stdout.readline()))
    finally:
        child.stdin.close()
        child.wait()
        data.unlink()
    ours = times["this checkout"]
    print(f"{len(texts)} flattened abstracts, {args.rounds} alternating rounds\n")
    print("| side | best pass, s | µs / abstract | time ÷ ours (bests) | per round |")
    print("|---|---:|---:|---:|---|")
    for name, values in times.items():
        ratios = [v / o for v, o in zip(values, ours, strict=True)]
        per_round = (
            f"median {statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f}×)"
        )
        print(
            f"| {name} | {min(values):.3f} | {1e6 * min(values) / len(texts):.0f} "
            f"| {min(values) / min(ours):.2f}× | {per_round} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
