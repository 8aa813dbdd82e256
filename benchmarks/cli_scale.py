"""Benchmark: ``arxivmeta clean`` on big JSON Lines files — time and peak memory.

Writes N records (corpus records repeated, each with a distinct id, in the aggregator's
shape) to a temporary JSON Lines file, runs the real command on it, and reports wall time,
records/s and peak resident memory. Memory must not grow with the file: 1M records should
peak where 10k records do.

Peak memory is measured two ways: the largest single process (``ru_maxrss`` from
``wait4``, which includes reaped workers) and the whole process tree, sampled from
``/proc`` every 50 ms (Linux only).

Usage::

    python benchmarks/cli_scale.py                       # 10k and 100k records, --jobs 1
    python benchmarks/cli_scale.py --sizes 10000,1000000 # the 1M run takes minutes
    python benchmarks/cli_scale.py --jobs 2 --format json

The corpus is read from ``$ARXIVMETA_CORPUS`` or ``../shared/corpus/dev.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import aggregator_shape, corpus_path  # noqa: E402 (after the path set-up)

SEED = REPO / "examples" / "aggregator-sample.json"


def write_input(path: Path, count: int, *, as_array: bool, shape: str) -> int:
    """Write ``count`` records to ``path``; return its size in bytes."""
    template = json.loads(SEED.read_text(encoding="utf-8"))[0]
    with corpus_path().open(encoding="utf-8") as file:
        records = [json.loads(line) for line in file]
    if shape == "aggregator":
        records = [aggregator_shape(record, template) for record in records]
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    key = '"title": "'

    with path.open("w", encoding="utf-8") as out:
        if as_array:
            out.write("[\n")
        for n in range(count):
            line = lines[n % len(lines)]
            if n >= len(lines):  # a distinct title, so no two records are the same
                line = line.replace(key, f"{key}Copy {n // len(lines)}: ", 1)
            out.write(line)
            out.write(",\n" if as_array and n < count - 1 else "\n")
        if as_array:
            out.write("]\n")
    return path.stat().st_size


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its descendants."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children") as children:
                pending.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(source: Path, jobs: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "arxivmeta", "clean", str(source), "-o", os.devnull]
    command += ["--quiet", "--jobs", str(jobs), "--rejects", os.devnull]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if sys.platform == "linux":
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    done.set()
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode() if process.stderr else ""
    return {
        "exit": process.returncode,
        "seconds": elapsed,
        "max_rss_mib": usage.ru_maxrss / 1024,
        "tree_rss_mib": peak / 2**20,
        "stderr": stderr.strip().splitlines()[-1:] if stderr else [],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Time and memory of arxivmeta clean at scale.")
    parser.add_argument("--sizes", default="10000,100000", help="record counts, comma-separated")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    parser.add_argument(
        "--shape",
        choices=["aggregator", "corpus"],
        default="aggregator",
        help="records as the aggregator serves them (flattened abstracts) or as stored",
    )
    args = parser.parse_args()
    if not corpus_path().exists():
        print(f"corpus not found at {corpus_path()}; set ARXIVMETA_CORPUS to run this benchmark")
        return 0
    print(f"# arxivmeta clean at scale (--jobs {args.jobs}, {args.format}, {args.shape} shape)\n")
    print(
        "| records | input MiB | seconds | rec/s "
        "| peak RSS, largest process | peak RSS, all processes | exit |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as directory:
        for count in (int(size) for size in args.sizes.split(",")):
            source = Path(directory) / f"records-{count}.{args.format}"
            size = write_input(source, count, as_array=args.format == "json", shape=args.shape)
            result = run(source, args.jobs)
            print(
                f"| {count:,} | {size / 2**20:,.0f} | {result['seconds']:,.1f} "
                f"| {count / result['seconds']:,.0f} | {result['max_rss_mib']:,.0f} MiB "
                f"| {result['tree_rss_mib']:,.0f} MiB | {result['exit']} |",
                flush=True,
            )
            source.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
