"""Robustness of ``arxivmeta clean``: records in/out/rejected per input shape, and what signals,
full disks and closed pipes do — for two source trees side by side (before and after).

    python benchmarks/robustness_cli.py --before /path/to/old/src [--after src]

Each shape is built from ``good(n)`` records (``{"title": "Paper i", "abstract": "Text.",
"seq": i}``), run through the real command in a scratch directory, and counted: records out
(lines of ``-o``), rejected (lines of ``--rejects``), and the input's size after
``--in-place --rejects``. Prints Markdown tables for ``benchmarks/README.md``. No corpus is
needed: the shapes are the point, not the records.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def good(count: int, first: int = 1) -> bytes:
    return b"".join(
        json.dumps({"title": f"Paper {i}", "abstract": "Text.", "seq": i}).encode() + b"\n"
        for i in range(first, first + count)
    )


def _array_with_bad_elements() -> bytes:
    elements = list(good(1000).splitlines())
    elements[99] = b'{"title": }'
    elements[299] = b'{"n": 1' + b"0" * 5000 + b"}"
    elements[499] = b"[" * 5000 + b"]" * 5000
    elements[699] = b'{"title": "caf\xe9"}'
    return b"[\n" + b",\n".join(b"  " + e for e in elements) + b"\n]\n"


SHAPES: list[tuple[str, int, Callable[[], bytes]]] = [
    (
        "JSON Lines, 5 broken first lines + 1,000 good",
        1005,
        lambda: b'{"t": "cut\n' * 5 + good(1000),
    ),
    ("JSON Lines whose first line is `[1]`, + 1,000 good", 1001, lambda: b"[1]\n" + good(1000)),
    (
        "JSON array of 1,000, 4 bad elements (syntax, 5,000 digits, 5,000 deep, byte 0xE9)",
        1000,
        _array_with_bad_elements,
    ),
    ("gzip JSON Lines named `.json` (1,000)", 1000, lambda: gzip.compress(good(1000))),
    (
        "JSON Lines with BOM, CRLF and blank lines (1,000)",
        1000,
        lambda: b"\xef\xbb\xbf" + good(1000).replace(b"\n", b"\r\n\r\n"),
    ),
    ("JSON array cut short inside record 3", 3, lambda: b'[{"title": "A"}, {"title": "B"}, {"t'),
    ("one pretty-printed object", 1, lambda: b'{\n  "title": "A",\n  "abstract": "B"\n}\n'),
]


def run(src: Path, args: list[str], **options: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [sys.executable, "-m", "arxivmeta", *args],
        env=env,
        capture_output="stdout" not in options,
        timeout=300,
        check=False,
        **options,  # type: ignore[call-overload]
    )


def lines(path: Path) -> int:
    return len(path.read_bytes().splitlines()) if path.exists() else 0


def shape_row(src: Path, make: Callable[[], bytes]) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        source = directory / "records.json"
        data = make()
        source.write_bytes(data)
        out, rejects = directory / "out.jsonl", directory / "rejects.jsonl"
        result = run(
            src,
            [
                "clean",
                str(source),
                "-o",
                str(out),
                "--rejects",
                str(rejects),
                "--output-layout",
                "jsonl",
            ],
        )
        run(src, ["clean", str(source), "--in-place", "--rejects", str(directory / "r2.jsonl")])
        after = source.stat().st_size
        kept = "unchanged" if source.read_bytes() == data else f"{after:,} B"
        return f"{lines(out):,} / {lines(rejects):,} (exit {result.returncode}; in place: {kept})"


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in {"Z", "X"}


def _signal_run(src: Path, how: signal.Signals) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        source = directory / "records.jsonl"
        source.write_bytes(good(30_000))
        env = {**os.environ, "PYTHONPATH": str(src)}
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "arxivmeta",
                "clean",
                str(source),
                "-o",
                str(directory / "out.jsonl"),
                "--jobs",
                "2",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        workers: set[int] = set()
        for _ in range(3000):
            workers = _children(process.pid) if process.poll() is None else set()
            if len(workers) >= 2:
                break
            time.sleep(0.01)
        time.sleep(0.5)
        process.send_signal(how)
        process.wait(timeout=120)
        time.sleep(2)
        alive = [w for w in workers if _alive(w)]
        for worker in alive:  # clean up after the old behaviour
            os.kill(worker, signal.SIGKILL)
        left = sorted(n for n in os.listdir(directory) if n != "records.jsonl")
        return (
            f"exit {process.returncode}; workers alive after 2 s: {len(alive)} of "
            f"{len(workers)}; files left: {', '.join(left) or 'none'}"
        )


def _disk_full(src: Path) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        source = directory / "records.jsonl"
        source.write_bytes(good(300))
        out = directory / "out.json"
        result = run(
            src,
            ["clean", str(source), "-o", str(out), "--output-layout", "json"],
            preexec_fn=_limit_file_size,
        )
        left = sorted(n for n in os.listdir(directory) if n != "records.jsonl")
        traceback = "traceback" if b"Traceback" in result.stderr else "no traceback"
        return f"exit {result.returncode}, {traceback}; files left: {', '.join(left) or 'none'}"


def _dev_full(src: Path) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "records.jsonl"
        source.write_bytes(good(300))
        with open("/dev/full", "wb") as full:
            result = run(
                src,
                ["clean", str(source), "--output-layout", "json"],
                stdout=full,
                stderr=subprocess.PIPE,
            )
        traceback = "traceback" if b"Traceback" in result.stderr else "no traceback"
        return f"exit {result.returncode}, {traceback}"


def _broken_pipe(src: Path) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "records.jsonl"
        source.write_bytes(good(5000))
        env = {**os.environ, "PYTHONPATH": str(src)}
        process = subprocess.Popen(
            [sys.executable, "-m", "arxivmeta", "clean", str(source)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        process.stdout.readline()
        process.stdout.close()
        _, stderr = process.communicate(timeout=120)
        return f"exit {process.returncode}, {len(stderr)} bytes on stderr"


def _rejects_is_input(src: Path) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "records.jsonl"
        source.write_bytes(good(100) + b"broken\n")
        result = run(src, ["clean", str(source), "--rejects", str(source)])
        return f"exit {result.returncode}; input after: {lines(source)} of 101 lines"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="src/ of the old tree")
    parser.add_argument("--after", type=Path, default=HERE.parent / "src", help="src/ to test")
    args = parser.parse_args()
    trees = [args.before.resolve(), args.after.resolve()]
    print("| input shape | records in | before: out / rejected | after: out / rejected |")
    print("|---|---:|---|---|")
    for name, count, make in SHAPES:
        before, after = (shape_row(tree, make) for tree in trees)
        print(f"| {name} | {count:,} | {before} | {after} |")
    print("\n| event | before | after |")
    print("|---|---|---|")
    events: list[tuple[str, Callable[[Path], str]]] = [
        ("`kill -9` of a `--jobs 2` run", lambda tree: _signal_run(tree, signal.SIGKILL)),
        ("`SIGTERM` to a `--jobs 2` run", lambda tree: _signal_run(tree, signal.SIGTERM)),
        ("`-o out.json` (array) on a full disk (20 kB file-size limit)", _disk_full),
        ("standard output is `/dev/full`", _dev_full),
        ("reader of standard output closes it after one line", _broken_pipe),
        ("`--rejects INPUT`", _rejects_is_input),
    ]
    for name, measure in events:
        print(f"| {name} | {measure(trees[0])} | {measure(trees[1])} |")


if __name__ == "__main__":
    main()
