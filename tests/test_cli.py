"""The ``arxivmeta`` command, run for real in a subprocess on real files.

Records come from ``examples/aggregator-sample.json`` (an aggregator page) and
``tests/data/arxiv-sample.jsonl`` (15 arXiv records, three per source format, copied from
the project's development corpus; arXiv metadata is CC0).
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARRAY = ROOT / "examples" / "aggregator-sample.json"
SAMPLE_LINES = ROOT / "tests" / "data" / "arxiv-sample.jsonl"
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
}


def arxivmeta(
    *args: str | Path, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the command line as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "arxivmeta", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=ENV,
        cwd=cwd,
        timeout=600,
        check=False,
    )


def sample_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(SAMPLE_ARRAY.read_text(encoding="utf-8"))
    lines = SAMPLE_LINES.read_text(encoding="utf-8").splitlines()
    return records + [json.loads(line) for line in lines]


def expected(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from arxivmeta.records import clean_record

    return [clean_record(record).model_dump(mode="json") for record in records]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def read_jsonl(data: bytes) -> list[Any]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# Input shapes -------------------------------------------------------------------------


def test_array_in_array_out() -> None:
    result = arxivmeta("clean", SAMPLE_ARRAY)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    records = json.loads(SAMPLE_ARRAY.read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == expected(records)


def test_json_lines_to_file_match_the_library(tmp_path: Path) -> None:
    out = tmp_path / "clean.jsonl"
    result = arxivmeta("clean", SAMPLE_LINES, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    records = [json.loads(line) for line in SAMPLE_LINES.read_text(encoding="utf-8").splitlines()]
    assert read_jsonl(out.read_bytes()) == expected(records)


def test_stdin_to_stdout_keeps_non_ascii_text_unescaped() -> None:
    records = sample_records()
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    result = arxivmeta("clean", stdin=data)
    assert result.returncode == 0, result.stderr
    assert read_jsonl(result.stdout) == expected(records)
    wanted = "".join(json.dumps(r, ensure_ascii=False) for r in expected(records))
    assert ("\\u" in result.stdout.decode("utf-8")) == ("\\u" in wanted)


@pytest.mark.parametrize(("suffix", "opener"), [(".gz", gzip.open), (".bz2", bz2.open)])
def test_compressed_input_and_output(tmp_path: Path, suffix: str, opener: Any) -> None:
    records = sample_records()
    source = tmp_path / f"records.jsonl{suffix}"
    with opener(source, "wt", encoding="utf-8") as file:
        file.writelines(json.dumps(r) + "\n" for r in records)
    out = tmp_path / f"clean.jsonl{suffix}"
    result = arxivmeta("clean", source, "-o", out)
    assert result.returncode == 0, result.stderr
    with opener(out, "rb") as file:
        assert read_jsonl(file.read()) == expected(records)


def test_pretty_printed_single_object_gives_one_object(tmp_path: Path) -> None:
    record = sample_records()[0]
    source = tmp_path / "one.json"
    source.write_text(json.dumps(record, indent=2), encoding="utf-8")
    result = arxivmeta("clean", source)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected([record])[0]


def test_output_format_turns_json_lines_into_an_array() -> None:
    result = arxivmeta("clean", SAMPLE_LINES, "--output-layout", "json")
    assert result.returncode == 0, result.stderr
    lines = SAMPLE_LINES.read_text(encoding="utf-8").splitlines()
    assert json.loads(result.stdout) == expected([json.loads(line) for line in lines])


def test_empty_file_has_no_records(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    result = arxivmeta("clean", empty)
    assert (result.returncode, result.stdout) == (0, b"")
    assert result.stderr.decode() == f"{empty}: holds no records (the file is empty)\n"
    as_array = arxivmeta("clean", empty, "--output-layout", "json")
    assert (as_array.returncode, json.loads(as_array.stdout)) == (0, [])


# Bad input ----------------------------------------------------------------------------


def test_corrupt_lines_are_rejected_with_line_numbers_and_the_rest_cleaned(tmp_path: Path) -> None:
    good = sample_records()[:4]
    lines = [
        json.dumps(good[0]).encode(),
        b"this is not JSON",
        json.dumps(good[1]).encode(),
        b"[1, 2, 3]",
        b"",
        b'{"title": "\xff\xfe broken bytes"}',
        json.dumps(good[2]).encode(),
        b'{"citationCount": 1' + b"0" * 400 + b"}",
        b"[" * 5000 + b"]" * 5000,
        json.dumps(good[3]).encode(),
    ]
    source = tmp_path / "corrupt.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    rejects = tmp_path / "rejects.jsonl"
    out = tmp_path / "out.jsonl"
    result = arxivmeta("clean", source, "-o", out, "--rejects", rejects)
    assert result.returncode == 1
    assert read_jsonl(out.read_bytes()) == expected(good)
    rejected = read_jsonl(rejects.read_bytes())
    assert [r["position"] for r in rejected] == [2, 4, 6, 8, 9]
    assert rejected[0]["raw"] == "this is not JSON"
    assert {r["source"] for r in rejected} == {str(source)}
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    for position in (2, 4, 6, 8, 9):
        assert f"{source}:{position}: " in stderr
    assert "5 of 9 records rejected" in stderr


def test_truncated_last_line_is_rejected(tmp_path: Path) -> None:
    records = sample_records()[:3]
    text = "".join(json.dumps(r) + "\n" for r in records)
    source = tmp_path / "cut.jsonl"
    source.write_text(text[: -len(json.dumps(records[-1])) // 2 - 1], encoding="utf-8")
    result = arxivmeta("clean", source)
    assert result.returncode == 1
    assert read_jsonl(result.stdout) == expected(records[:2])
    assert f"{source}:3: truncated JSON" in result.stderr.decode()


def test_truncated_array_keeps_complete_records(tmp_path: Path) -> None:
    text = SAMPLE_ARRAY.read_text(encoding="utf-8")
    source = tmp_path / "cut.json"
    source.write_text(text[: len(text) // 2], encoding="utf-8")
    result = arxivmeta("clean", source)
    assert result.returncode == 1
    cleaned = json.loads(result.stdout)
    records = json.loads(text)
    assert 0 < len(cleaned) < len(records)
    assert cleaned == expected(records[: len(cleaned)])
    assert f"record {len(cleaned) + 1}: " in result.stderr.decode()


def test_many_rejections_are_capped_on_stderr(tmp_path: Path) -> None:
    source = tmp_path / "junk.jsonl"
    source.write_text("nope\n" * 100, encoding="utf-8")
    result = arxivmeta("clean", source)
    assert result.returncode == 1
    stderr = result.stderr.decode().splitlines()
    assert len(stderr) == 21
    assert "100 of 100 records rejected (80 not shown)" in stderr[-1]


# Writing in place ---------------------------------------------------------------------


def test_in_place_replaces_the_file_with_the_clean_records(tmp_path: Path) -> None:
    source = tmp_path / "records.json"
    shutil.copy(SAMPLE_ARRAY, source)
    result = arxivmeta("clean", "--in-place", source)
    assert result.returncode == 0, result.stderr
    assert json.loads(source.read_text(encoding="utf-8")) == expected(
        json.loads(SAMPLE_ARRAY.read_text(encoding="utf-8"))
    )
    assert os.listdir(tmp_path) == ["records.json"]


def test_in_place_keeps_the_file_when_rejects_would_be_lost(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl"
    original = SAMPLE_LINES.read_bytes() + b"not json\n"
    source.write_bytes(original)
    result = arxivmeta("clean", "--in-place", source)
    assert result.returncode == 1
    assert source.read_bytes() == original
    rejects = tmp_path / "rejects.jsonl"
    kept = arxivmeta("clean", "--in-place", source, "--rejects", rejects)
    assert kept.returncode == 1
    assert source.read_bytes() == original
    assert not rejects.exists()
    allowed = arxivmeta("clean", "--in-place", source, "--rejects", rejects, "--allow-rejects")
    assert allowed.returncode == 1
    assert len(source.read_bytes().splitlines()) == 15
    assert read_jsonl(rejects.read_bytes())[0]["raw"] == "not json"


def _big_input(path: Path, copies: int) -> bytes:
    lines = [json.dumps(r, ensure_ascii=False) for r in sample_records()]
    data = ("\n".join(lines * copies) + "\n").encode("utf-8")
    path.write_bytes(data)
    return data


# Polling takes a bounded number of short naps, not a clock reading: the test then waits at
# most about 30 s for the command to get going, and no reading of time decides its outcome.
POLLS, NAP = 3000, 0.01


def _size(path: Path) -> int:
    """Bytes in ``path``, 0 once it is gone: the command renames its temporary file when done."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _wait_for_temporary(directory: Path, process: subprocess.Popen[bytes]) -> None:
    """Wait, in a bounded number of short naps, until a temporary file holds data."""
    for _ in range(POLLS):
        if process.poll() is not None:
            return
        if any(name.endswith(".tmp") and _size(directory / name) for name in os.listdir(directory)):
            return
        time.sleep(NAP)


@pytest.fixture
def interruptible() -> Iterator[None]:
    """Let Ctrl-C reach the commands this test starts.

    A shell starts a background job with SIGINT ignored and every child inherits that, so a
    suite run as ``bash .ci/run &`` would send SIGINT to a command that cannot receive it and
    quietly test an uninterrupted run. A handler in this process resets to the default in a
    child at ``exec``.
    """
    previous = signal.getsignal(signal.SIGINT)
    if previous == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("interruptible")
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_in_place_never_leaves_a_partial_file(
    tmp_path: Path, how: signal.Signals
) -> None:
    source = tmp_path / "big.jsonl"
    original = _big_input(source, 800)
    process = subprocess.Popen(
        [sys.executable, "-m", "arxivmeta", "clean", "--in-place", str(source)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_for_temporary(tmp_path, process)
    process.send_signal(how)
    process.communicate(timeout=600)
    after = source.read_bytes()
    if after != original:  # the run finished before the signal: then it must be complete
        assert process.returncode == 0
        assert len(after.splitlines()) == len(original.splitlines())
    else:
        assert process.returncode == (130 if how == signal.SIGINT else -signal.SIGKILL)
    if how == signal.SIGINT:
        assert os.listdir(tmp_path) == ["big.jsonl"]


@pytest.mark.usefixtures("interruptible")
def test_interrupted_run_leaves_valid_json_on_stdout_and_no_partial_file(tmp_path: Path) -> None:
    source = tmp_path / "big.jsonl"
    _big_input(source, 800)
    shown = tmp_path / "stdout.json"
    with shown.open("wb") as stdout:
        process = subprocess.Popen(
            [sys.executable, "-m", "arxivmeta", "clean", str(source), "--output-layout", "json"],
            env=ENV,
            stdout=stdout,
            stderr=subprocess.PIPE,
        )
        for _ in range(POLLS):
            if process.poll() is not None or shown.stat().st_size > 100_000:
                break
            time.sleep(NAP)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=600)
    assert process.returncode in (0, 130)
    assert "Traceback" not in stderr.decode()
    assert len(json.loads(shown.read_bytes())) > 0
    out = tmp_path / "out.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "arxivmeta", "clean", str(source), "-o", str(out)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_for_temporary(tmp_path, process)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=600)
    if process.returncode == 130:
        assert sorted(os.listdir(tmp_path)) == ["big.jsonl", "stdout.json"]
    else:  # the run finished before the signal: then the output is complete
        assert process.returncode == 0
        assert len(out.read_bytes().splitlines()) == len(source.read_bytes().splitlines())


# Options ------------------------------------------------------------------------------


def test_jobs_keep_input_order(tmp_path: Path) -> None:
    records = [
        {**r, "title": f"{r.get('title')} #{i}"} for i, r in enumerate(sample_records() * 24)
    ]
    source = write_jsonl(tmp_path / "many.jsonl", records)
    with source.open("a", encoding="utf-8") as file:
        file.write("broken line\n")
    one = arxivmeta("clean", source, "--rejects", tmp_path / "r1.jsonl")
    two = arxivmeta("clean", source, "--jobs", "2", "--rejects", tmp_path / "r2.jsonl")
    assert (one.returncode, two.returncode) == (1, 1)
    assert two.stdout == one.stdout
    cleaned = read_jsonl(two.stdout)
    assert len(cleaned) == len(records)
    assert cleaned[::97] == expected(records[::97])
    assert (tmp_path / "r1.jsonl").read_bytes() == (tmp_path / "r2.jsonl").read_bytes()


def test_check_writes_nothing_and_exits_1_when_records_would_change(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = arxivmeta("clean", "--check", SAMPLE_ARRAY, "-o", out)
    assert result.returncode == 1
    assert result.stdout == b""
    assert not out.exists()
    assert "10 of 10 records would change" in result.stderr.decode()


def test_explain_and_summary_account_for_every_change(tmp_path: Path) -> None:
    from arxivmeta.records import clean_and_explain

    records = sample_records()
    source = write_jsonl(tmp_path / "records.jsonl", records)
    explain = tmp_path / "explain.jsonl"
    result = arxivmeta("clean", source, "--explain", explain, "--summary")
    assert result.returncode == 0, result.stderr
    steps = read_jsonl(explain.read_bytes())
    wanted = [
        (position, step.fixer, step.field)
        for position, record in enumerate(records, 1)
        for step in clean_and_explain(record)[1]
    ]
    assert [(s["position"], s["fixer"], s["field"]) for s in steps] == wanted
    assert all({"before", "after"} <= set(s) for s in steps)
    summary = result.stderr.decode()
    assert f"{len(records)} records: {len(records)} cleaned, 0 rejected" in summary
    for fixer, count in Counter(fixer for _, fixer, _ in wanted).items():
        assert any(line.split() == [fixer, f"{count:,}"] for line in summary.splitlines())


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    source = write_jsonl(tmp_path / "records.jsonl", sample_records())
    import fcntl
    import struct
    import termios

    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        process = subprocess.run(
            [sys.executable, "-m", "arxivmeta", "clean", str(source)],
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=secondary,
            timeout=600,
            check=False,
        )
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
    assert process.returncode == 0
    assert b"records" in shown
    assert read_jsonl(process.stdout) == expected(sample_records())


def test_plain_progress_line_shows_rate_and_eta() -> None:
    from arxivmeta.cli._progress import Progress

    stream = io.StringIO()
    progress = Progress(stream, total_bytes=1000, bytes_read=lambda: 250, use_tqdm=False)
    progress.update(1234)
    progress.close()
    shown = stream.getvalue()
    assert "1,234 records" in shown
    assert "records/s" in shown
    assert "25%" in shown
    assert "ETA " in shown
    assert shown.endswith("\n")


def test_records_with_no_abstract_or_author_recognised_are_reported(tmp_path: Path) -> None:
    # A Graph API search asked only for titles: the records clean, but hold no text to clean.
    search = (ROOT / "tests" / "data" / "semantic-scholar-search.jsonl").read_text("utf-8")
    digest = (ROOT / "tests" / "data" / "daily-arxiv.jsonl").read_text("utf-8")
    source = tmp_path / "mixed.jsonl"
    source.write_text(digest + search, encoding="utf-8")
    result = arxivmeta("clean", source, "-o", tmp_path / "out.jsonl", "-j", "2")
    assert result.returncode == 0, result.stderr
    warning = result.stderr.decode()
    assert "warning: 2 of 5 records had no abstract or author arxivmeta recognised" in warning
    assert "(line 4: paperId)" in warning
    assert "--field FIELD=KEY" in warning
    assert len(read_jsonl((tmp_path / "out.jsonl").read_bytes())) == 5
    strict = arxivmeta("clean", source, "-o", tmp_path / "out.jsonl", "--strict")
    assert strict.returncode == 1
    assert b"warning: 2 of 5" in strict.stderr
    # The digest alone is recognised (authors and categories as lists, `summary`, `comment`).
    recognised = arxivmeta("clean", ROOT / "tests" / "data" / "daily-arxiv.jsonl", "--strict")
    assert recognised.returncode == 0, recognised.stderr
    assert recognised.stderr == b""


# Other commands and usage errors ------------------------------------------------------


def test_schema_matches_the_shipped_file_and_the_model() -> None:
    from arxivmeta.cli import SCHEMA_PATH, paper_schema_text
    from arxivmeta.models import Paper

    result = arxivmeta("schema")
    assert result.returncode == 0
    shipped = SCHEMA_PATH.read_text(encoding="utf-8")
    assert result.stdout.decode("utf-8") == shipped == paper_schema_text(), (
        "the shipped schema is out of date: run `python -m arxivmeta schema > "
        "src/arxivmeta/_data/paper.schema.json`"
    )
    assert json.loads(shipped) == Paper.model_json_schema(mode="serialization")
    assert arxivmeta("schema", "--check").returncode == 0


def test_version() -> None:
    import arxivmeta as package

    result = arxivmeta("--version")
    assert (result.returncode, result.stdout.decode().strip()) == (
        0,
        f"arxivmeta {package.__version__}",
    )


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("clean", "--no-such-option"),
        ("clean", "--jobs", "-3"),
        ("clean", "--in-place"),
        ("clean", "--in-place", "x.json", "-o", "y.json"),
        ("clean", "--format", "xml"),
        ("clean", "--input-format", "no-such-format", "x.json"),
        ("clean", "--layout", "xml", "x.json"),
        ("clean", "--format", "json", "--layout", "json", "x.json"),
        ("clean", "--output-format", "json", "--output-layout", "json", "x.json"),
        ("clean", "--in-place", "x.json", "--allow-rejects"),
        ("clean", "x.json", "--rejects", "-"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = arxivmeta(*args)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert b"usage:" in result.stderr


def test_unreadable_input_exits_2_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    result = arxivmeta("clean", missing)
    assert result.returncode == 2
    assert str(missing) in result.stderr.decode()
    assert b"Traceback" not in result.stderr
    directory = arxivmeta("clean", tmp_path)
    assert directory.returncode == 2


def test_refuses_to_write_onto_its_input(tmp_path: Path) -> None:
    source = tmp_path / "records.jsonl"
    shutil.copy(SAMPLE_LINES, source)
    result = arxivmeta("clean", source, "-o", source, cwd=tmp_path)
    assert result.returncode == 2
    assert source.read_bytes() == SAMPLE_LINES.read_bytes()


def test_installed_console_script() -> None:
    script = shutil.which("arxivmeta")
    if script is None:
        pytest.skip("arxivmeta is not installed as a console script")
    result = subprocess.run(
        [script, "clean", str(SAMPLE_ARRAY)], capture_output=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 10


# The reader, in process ---------------------------------------------------------------


@pytest.mark.parametrize("read_size", [1, 7, 64, 1 << 20])
def test_array_scanner_finds_every_element_across_read_boundaries(read_size: int) -> None:
    from arxivmeta.cli import _io

    records = sample_records()
    text = json.dumps(records, indent=1, ensure_ascii=False)
    data = io.BytesIO(text.encode("utf-8"))
    source = _io.InputFile.from_stream(data, "x.json", read_size=read_size)
    items = list(source.items())
    assert source.shape == "json"
    assert source.damage == []
    assert [json.loads(item.raw) for item in items] == records
    assert [item.position for item in items] == list(range(1, len(records) + 1))
    lines = text.splitlines()
    assert all(lines[item.line - 1].strip() == "{" for item in items)


def test_json_lines_reader_counts_blank_lines_and_keeps_long_lines() -> None:
    from arxivmeta.cli import _io

    data = b'{"a": 1}\n\n   \n{"b": "' + b"x" * 50 + b'"}\n{"c": 3}'
    items = list(_io.InputFile.from_stream(io.BytesIO(data), "x.jsonl", read_size=5).items())
    assert [(item.position, json.loads(item.raw)) for item in items] == [
        (1, {"a": 1}),
        (4, {"b": "x" * 50}),
        (5, {"c": 3}),
    ]


def test_reader_skips_a_byte_order_mark_and_sniffs_long_first_lines() -> None:
    from arxivmeta.cli import _io

    record = {"title": "x" * 100}
    data = b"\xef\xbb\xbf" + (json.dumps(record) + "\n").encode() * 2
    source = _io.InputFile.from_stream(io.BytesIO(data), "bom.jsonl", read_size=16)
    assert source.shape == "jsonl"
    assert [json.loads(item.raw) for item in source.items()] == [record, record]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (("--format", "json"), ("--layout", "json")),
        (("--output-format", "jsonl"), ("--output-layout", "jsonl")),
        (("--input-format", "aggregator"), ("--format", "aggregator")),
    ],
)
def test_the_old_option_spellings_still_work_and_say_they_are_deprecated(
    old: tuple[str, str], new: tuple[str, str]
) -> None:
    before = arxivmeta("clean", SAMPLE_ARRAY, "-q", *old)
    after = arxivmeta("clean", SAMPLE_ARRAY, "-q", *new)
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout
    assert f"{old[0]}".encode() in before.stderr
    assert f"is deprecated and will be removed in 0.3; use {new[0]}".encode() in before.stderr
    assert b"deprecated" not in after.stderr


def test_format_names_the_record_format_and_layout_the_file_layout() -> None:
    as_lines = arxivmeta(
        "clean", SAMPLE_ARRAY, "-q", "--format", "aggregator", "--output-layout", "jsonl"
    )
    assert as_lines.returncode == 0, as_lines.stderr
    records = [json.loads(line) for line in as_lines.stdout.splitlines()]
    assert len(records) == 10
    assert {record["source_format"] for record in records} == {"aggregator"}


DATA = ROOT / "tests" / "data"
ATOM_FEED = DATA / "api-feed-all-science.xml"


def test_an_arxiv_api_feed_is_cleaned_entry_by_entry() -> None:
    from arxivmeta.records import clean_record

    result = arxivmeta("clean", ATOM_FEED)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()  # JSON Lines, whatever the input's layout
    papers = [json.loads(line) for line in lines]
    assert [paper["arxiv_id"] for paper in papers] == [
        "1501.05039",
        "quant-ph/0210005",
        "0808.0631",
    ]
    # Each entry cleans as the library cleans it alone (the feed's namespaces carried along).
    text = ATOM_FEED.read_text("utf-8")
    entries = [
        "<entry" + part.split("</entry>")[0] + "</entry>" for part in text.split("<entry")[1:]
    ]
    alone = [clean_record(entry).model_dump(mode="json") for entry in entries]
    assert papers == alone
    assert papers[2]["doi"] == "10.1214/07-STS246B"
    assert papers[2]["authors"][0]["name"] == "Hans R. Künsch"


def test_an_arxiv_api_error_feed_is_rejected_with_its_whole_entry(tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"

    result = arxivmeta("clean", DATA / "api-error-invalid-query.xml", "--rejects", rejects)

    assert result.returncode == 1
    assert result.stdout == b""
    (rejected,) = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert rejected["position"] == 1
    assert rejected["reason"] == (
        "an arXiv API error: Invalid query string: 'all:TREM2 AND (all:microglia'"
    )
    # The entry's own text, its start tag given the feed's namespace declarations.
    assert rejected["raw"].startswith("<entry xmlns:opensearch=")
    assert "<name>arXiv api core</name>" in rejected["raw"]
    assert rejected["raw"].endswith("</entry>")
    assert b"api-error-invalid-query.xml:9: record 1: an arXiv API error" in result.stderr


def test_an_oai_pmh_response_is_cleaned_by_record() -> None:
    # The arXiv element's xsi:schemaLocation uses a prefix declared on the OAI-PMH root.
    result = arxivmeta("clean", DATA / "oai-arxiv-1601.03238.xml")

    assert result.returncode == 0, result.stderr
    (paper,) = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert paper["arxiv_id"] == "1601.03238"
    assert paper["extra"]["header"]["identifier"] == "oai:arXiv.org:1601.03238"


def test_an_xml_feed_is_split_the_same_whatever_the_chunks() -> None:
    from arxivmeta.cli._layout import split

    data = ATOM_FEED.read_bytes()
    whole, damage = split(iter([data]))
    assert damage == []
    assert [(item.position, item.line, item.xml) for item in whole] == [
        (1, 10, True),
        (2, 33, True),
        (3, 52, True),
    ]
    byte_by_byte, _ = split(iter(data[i : i + 1] for i in range(len(data))))
    assert byte_by_byte == whole


def test_a_feed_cut_short_keeps_its_broken_end_as_one_record(tmp_path: Path) -> None:
    data = ATOM_FEED.read_bytes()
    cut = data[: data.index(b"<arxiv:doi")]  # inside the third entry
    feed = tmp_path / "cut.xml"
    feed.write_bytes(cut)
    rejects = tmp_path / "rejects.jsonl"

    result = arxivmeta("clean", feed, "--rejects", rejects)

    assert result.returncode == 1
    assert len(result.stdout.decode().splitlines()) == 2
    (rejected,) = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert rejected["position"] == 3
    assert rejected["reason"].startswith("the XML is not well-formed")
    assert (
        rejected["raw"]
        == cut[cut.index(b"<entry>\n    <id>http://arxiv.org/abs/0808") :].decode().strip()
    )
    assert b"the XML is not well-formed (line" in result.stderr


def test_an_xml_document_without_records_is_one_rejected_record(tmp_path: Path) -> None:
    # The head of a real feed, with no entry: nothing is silently dropped.
    data = ATOM_FEED.read_bytes()
    empty = tmp_path / "empty.xml"
    empty.write_bytes(data[: data.index(b"  <entry>")] + b"</feed>\n")
    rejects = tmp_path / "rejects.jsonl"

    result = arxivmeta("clean", empty, "--rejects", rejects)

    assert result.returncode == 1
    (rejected,) = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert rejected["reason"] == "the XML holds no arXiv, arXivRaw, oai_dc or Atom entry record"
    assert rejected["raw"].startswith("<?xml")
    assert rejected["raw"].endswith("</feed>")


def test_an_xml_document_is_never_replaced_in_place(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    shutil.copy(ATOM_FEED, feed)

    result = arxivmeta("clean", "--in-place", feed)

    assert result.returncode == 2
    assert b"an XML document is not replaced by JSON Lines" in result.stderr
    assert feed.read_bytes() == ATOM_FEED.read_bytes()


def test_plain_adds_the_latex_free_title_and_abstract(tmp_path: Path) -> None:
    # arXiv's record 0704.0005 (tests/data/arxiv-sample.jsonl): LaTeX in title and abstract.
    from arxivmeta import clean_record, to_plain_text

    [line] = [
        line
        for line in SAMPLE_LINES.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"] == "0704.0005"
    ]
    source = tmp_path / "in.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    plain = arxivmeta("clean", "-q", "--plain", source)
    assert plain.returncode == 0, plain.stderr
    [record] = [json.loads(text) for text in plain.stdout.decode("utf-8").splitlines()]
    paper = clean_record(json.loads(line))
    assert "\\Lambda" in paper.title
    assert record["title_plain"] == to_plain_text(paper.title) == "From dyadic Λ_α to Λ_α"
    assert record["abstract_plain"] == to_plain_text(paper.abstract)
    assert "$" not in record["abstract_plain"]
    assert "$" in paper.abstract
    # Only the two fields are added; without --plain the record is as before.
    assert list(record)[-2:] == ["title_plain", "abstract_plain"]
    written = arxivmeta("clean", "-q", source).stdout.decode("utf-8").splitlines()
    assert {k: v for k, v in record.items() if not k.endswith("_plain")} == json.loads(written[0])
    # Its own output is clean: read back as a paper, unchanged, with or without --plain.
    again = tmp_path / "plain.jsonl"
    again.write_bytes(plain.stdout)
    assert arxivmeta("clean", "-q", "--plain", "--check", again).returncode == 0
    assert arxivmeta("clean", "-q", "--plain", again).stdout == plain.stdout
    assert arxivmeta("clean", "-q", again).stdout.decode("utf-8").splitlines() == written
    refused = arxivmeta("clean", "-q", "--plain", "--to", "bibtex", source)
    assert refused.returncode == 2
    assert b"--plain" in refused.stderr
