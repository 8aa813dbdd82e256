"""The command line never loses or destroys records: every shape of damaged input, path clash,
signal and write error found so far, run for real in a subprocess.

``good(n)`` records are ``{"title": "Paper i", "abstract": "Text.", "seq": i}``: the ``seq``
field comes out in ``extra``, so each cleaned record can be traced to its input.
"""

from __future__ import annotations

import base64
import bz2
import gzip
import json
import lzma
import os
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
}


def arxivmeta(
    *args: str | Path, stdin: bytes | None = None, **options: object
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "arxivmeta", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=ENV,
        timeout=600,
        check=False,
        **options,  # type: ignore[call-overload]
    )


def good(count: int, first: int = 1) -> bytes:
    return b"".join(
        json.dumps({"title": f"Paper {i}", "abstract": "Text.", "seq": i}).encode() + b"\n"
        for i in range(first, first + count)
    )


def seqs(output: bytes) -> list[int]:
    return [json.loads(line)["extra"]["seq"] for line in output.splitlines()]


def rejects(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


# Shapes that were read as something else -----------------------------------------------


def test_json_lines_whose_first_lines_are_broken_stay_json_lines(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl"
    original = b'{"title": "cut\n' * 5 + good(1000)
    source.write_bytes(original)
    out, rejected = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = arxivmeta("clean", source, "-o", out, "--rejects", rejected)
    assert result.returncode == 1
    assert seqs(out.read_bytes()) == list(range(1, 1001))
    assert [r["raw"] for r in rejects(rejected)] == ['{"title": "cut'] * 5
    in_place = arxivmeta("clean", source, "--in-place", "--rejects", rejected)
    assert in_place.returncode == 1
    assert source.read_bytes() == original


def test_json_lines_whose_first_line_is_an_array_stay_json_lines(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl"
    source.write_bytes(b"[1]\n" + good(1000))
    result = arxivmeta("clean", source)
    assert result.returncode == 1
    assert seqs(result.stdout) == list(range(1, 1001))
    assert "1 of 1,001 records rejected" in result.stderr.decode()


def _array(elements: list[bytes]) -> bytes:
    return b"[\n" + b",\n".join(b"  " + element for element in elements) + b"\n]\n"


def test_one_bad_array_element_is_one_reject_and_the_rest_are_cleaned(tmp_path: Path) -> None:
    bad = [
        b'{"seq": 2, "title": }',
        b'{"seq": 4, "n": 1' + b"0" * 5000 + b"}",
        b"[" * 5000 + b"]" * 5000,
        b'{"seq": 8, "title": "caf\xe9"}',
        b'{"seq": 10, "title": "cut',
    ]
    elements = [good(1, i).strip() if i % 2 else bad[i // 2 - 1] for i in range(1, 12)]
    source = tmp_path / "records.json"
    source.write_bytes(_array(elements))
    rejected = tmp_path / "rejects.jsonl"
    result = arxivmeta("clean", source, "--rejects", rejected, "--output-layout", "jsonl")
    assert result.returncode == 1
    assert seqs(result.stdout) == [1, 3, 5, 7, 9, 11]
    kept = rejects(rejected)
    assert [r["position"] for r in kept] == [2, 4, 6, 8, 10]
    rebuilt = [
        base64.b64decode(str(r["raw_base64"])) if "raw_base64" in r else str(r["raw"]).encode()
        for r in kept
    ]
    assert rebuilt == bad
    assert "5 of 11 records rejected" in result.stderr.decode()


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress, lzma.compress])
def test_compressed_data_is_recognised_by_content_not_by_name(
    tmp_path: Path, compress: object
) -> None:
    data = compress(good(50))  # type: ignore[operator]
    source = tmp_path / "records.json"
    source.write_bytes(data)
    result = arxivmeta("clean", source)
    assert (result.returncode, seqs(result.stdout)) == (0, list(range(1, 51)))
    piped = arxivmeta("clean", stdin=data)
    assert (piped.returncode, seqs(piped.stdout)) == (0, list(range(1, 51)))
    in_place = arxivmeta("clean", source, "--in-place")
    assert in_place.returncode == 0
    assert seqs(source.read_bytes()) == list(range(1, 51))


def test_zstd_data_is_refused_with_advice_not_read_as_text(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl.zst"
    source.write_bytes(b"\x28\xb5\x2f\xfd" + b"\x00" * 20)
    result = arxivmeta("clean", source)
    assert result.returncode == 2
    assert "zstd -d" in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_an_empty_file_says_so(tmp_path: Path) -> None:
    source = tmp_path / "empty.jsonl"
    source.write_bytes(b"\xef\xbb\xbf \r\n\n")
    result = arxivmeta("clean", source)
    assert result.returncode == 0
    assert "holds no records" in result.stderr.decode()


def test_counts_include_a_record_cut_short_at_the_end_of_an_array(tmp_path: Path) -> None:
    source = tmp_path / "cut.json"
    source.write_bytes(b'[{"title": "A"}, {"title": "B"')
    rejected = tmp_path / "rejects.jsonl"
    result = arxivmeta("clean", source, "--rejects", rejected)
    assert result.returncode == 1
    assert "1 of 2 records rejected" in result.stderr.decode()
    assert rejects(rejected)[0]["raw"] == '{"title": "B"'


# Paths that are one file ----------------------------------------------------------------


@pytest.mark.parametrize(
    "how", ["rejects-is-input", "explain-is-input", "output-is-rejects", "hard-link", "symlink"]
)
def test_no_output_may_overwrite_the_input_or_another_output(tmp_path: Path, how: str) -> None:
    source = tmp_path / "records.jsonl"
    original = good(10) + b"broken\n"
    source.write_bytes(original)
    other = tmp_path / "other.jsonl"
    other.write_bytes(b"keep me\n")
    if how == "hard-link":
        os.link(source, tmp_path / "alias.jsonl")
    if how == "symlink":
        (tmp_path / "alias.jsonl").symlink_to(source)
    args = {
        "rejects-is-input": ["--rejects", source],
        "explain-is-input": ["-o", tmp_path / "out.jsonl", "--explain", source],
        "output-is-rejects": ["-o", other, "--rejects", other],
        "hard-link": ["--in-place", "--rejects", tmp_path / "alias.jsonl"],
        "symlink": ["-o", tmp_path / "alias.jsonl"],
    }[how]
    result = arxivmeta("clean", source, *args)
    assert result.returncode == 2
    assert source.read_bytes() == original
    assert other.read_bytes() == b"keep me\n"


def test_an_unwritable_rejects_file_leaves_the_output_file_untouched(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl"
    source.write_bytes(good(10))
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"yesterday's result\n")
    result = arxivmeta("clean", source, "-o", out, "--rejects", tmp_path / "no" / "rejects.jsonl")
    assert result.returncode == 2
    assert out.read_bytes() == b"yesterday's result\n"


def test_in_place_keeps_a_symlink_and_replaces_its_target(tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    target.write_bytes(good(5))
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    result = arxivmeta("clean", link, "--in-place")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert seqs(target.read_bytes()) == list(range(1, 6))


def test_in_place_refuses_when_the_structure_is_damaged(tmp_path: Path) -> None:
    source = tmp_path / "records.json"
    original = _array([good(1, 1).strip(), b'{"title": "cut', good(1, 3).strip()])[:-3]
    source.write_bytes(original)
    rejected = tmp_path / "rejects.jsonl"
    result = arxivmeta("clean", source, "--in-place", "--rejects", rejected, "--allow-rejects")
    assert result.returncode == 1
    assert source.read_bytes() == original
    assert "structure is damaged" in result.stderr.decode()


# Write errors, pipes and signals --------------------------------------------------------


def _limit_file_size() -> None:
    # A file-size limit fails writes the way a full disk does (EFBIG instead of ENOSPC).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_a_full_disk_leaves_no_torn_file_and_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl"
    source.write_bytes(good(300))
    out = tmp_path / "out.json"
    result = arxivmeta(
        "clean", source, "-o", out, "--output-layout", "json", preexec_fn=_limit_file_size
    )
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert b"cannot write" in result.stderr
    assert sorted(os.listdir(tmp_path)) == ["records.jsonl"]


def test_a_full_standard_output_exits_2_without_a_traceback(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl"
    source.write_bytes(good(300))
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "arxivmeta", "clean", str(source), "--output-layout", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            env=ENV,
            timeout=600,
            check=False,
        )
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert b"Exception ignored" not in result.stderr


def test_a_closed_pipe_ends_the_run_quietly_with_141(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl"
    source.write_bytes(good(3000))
    process = subprocess.Popen(
        [sys.executable, "-m", "arxivmeta", "clean", str(source)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    _, stderr = process.communicate(timeout=600)
    assert (process.returncode, stderr) == (141, b"")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        with open(task / "children", encoding="ascii") as file:
            found |= {int(child) for child in file.read().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in {"Z", "X"}


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_their_parent(tmp_path: Path, how: signal.Signals) -> None:
    source = tmp_path / "records.jsonl"
    source.write_bytes(good(20_000))
    command = [sys.executable, "-m", "arxivmeta", "clean", str(source)]
    process = subprocess.Popen(
        [*command, "-o", str(tmp_path / "o.jsonl"), "--jobs", "2"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: set[int] = set()
    for _ in range(3000):  # bounded: 30 s of 10 ms naps at most
        workers = _children(process.pid) if process.poll() is None else set()
        if len(workers) >= 2 or process.poll() is not None:
            break
        time.sleep(0.01)
    if len(workers) < 2:
        pytest.skip("the run ended before its workers could be seen")
    process.send_signal(how)
    process.communicate(timeout=600)
    for _ in range(1000):
        if not any(_alive(worker) for worker in workers):
            break
        time.sleep(0.01)
    assert not any(_alive(worker) for worker in workers)
    if how == signal.SIGTERM:
        assert process.returncode == 130
        assert sorted(os.listdir(tmp_path)) == ["records.jsonl"]


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl"
    source.write_bytes(good(20_000))
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "arxivmeta", "clean", str(source), "-o", str(out)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(3000):
        if process.poll() is not None or any(n.endswith(".tmp") for n in os.listdir(tmp_path)):
            break
        time.sleep(0.01)
    process.kill()
    process.wait(timeout=600)
    (tmp_path / "records.jsonl").write_bytes(good(3))
    result = arxivmeta("clean", source, "-o", out)
    assert result.returncode == 0
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl", "records.jsonl"]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_worker_stopped_by_sigterm_ends_the_run_with_2_and_no_partial_file(
    tmp_path: Path,
) -> None:
    source = tmp_path / "records.jsonl"
    source.write_bytes(good(20_000))
    command = [sys.executable, "-m", "arxivmeta", "clean", str(source)]
    process = subprocess.Popen(
        [*command, "-o", str(tmp_path / "o.jsonl"), "--jobs", "2"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: set[int] = set()
    for _ in range(3000):
        workers = _children(process.pid) if process.poll() is None else set()
        if len(workers) >= 2 or process.poll() is not None:
            break
        time.sleep(0.01)
    if len(workers) < 2:
        pytest.skip("the run ended before its workers could be seen")
    os.kill(min(workers), signal.SIGTERM)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode in (0, 2)
    assert b"Traceback" not in stderr
    if process.returncode == 2:
        assert sorted(os.listdir(tmp_path)) == ["records.jsonl"]


# Help ------------------------------------------------------------------------------------


def test_help_suggests_only_record_formats_that_exist() -> None:
    from arxivmeta.records import FORMATS

    result = arxivmeta("clean", "--help")
    text = " ".join(result.stdout.decode().split())
    suggested = re.search(r"record format, such as (\S+) or (\S+)", text)
    assert suggested is not None
    assert set(suggested.groups()) <= set(FORMATS)
