"""Linear time and bounded memory on hostile input, and batches that reject what they cannot read.

Each public function runs on inputs built to trip backtracking regexes and recursive
parsers (runs of one character, nesting, 100k authors). By default a selection of them
(:data:`DEFAULT_PAIRS`) runs once at 1 MB in a forked child, whose peak memory must stay
bounded per input character: a check that no machine's load can change.

Time is checked only on demand (``pytest -m slow -s`` prints the measured ratios), because
a busy machine can make any timing fail: every function on every input at 100 kB and at
1 MB, where a linear function takes about ten times as long and the test allows a factor
of 15, compared within one run on one machine; and 10 MB against 1 MB for the main entry
points. Both sizes run in a forked child with a time limit, so a quadratic function fails
quickly instead of hanging the suite.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import re
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pytest

from _cases import load, params

SMALL, LARGE, HUGE = 100_000, 1_000_000, 10_000_000
MAX_RATIO = 15.0
# A run this quick is well inside the one-second budget for 1 MB whatever its shape, and too
# quick to time fairly: a 100 kB input fits in the CPU cache where 1 MB does not, which alone
# can make a linear scan look 40x slower.
TIMING_FLOOR = 0.25
# Peak memory is read from the resident set, whose small peaks hide in reused arenas; so it is
# checked per character at the large size, where a super-linear structure cannot hide.
MAX_BYTES_PER_CHAR = 200
# No 1 MB run may take longer than this (ten times as long for 10 MB), whatever its 100 kB
# run took: past it the suite would stall rather than fail.
LARGE_RUN_CAP = 60.0

_SENTENCE = (
    "Large Language Models (LLMs) with long context capabilities are integral to complex "
    "tasks in natural language processing and computational biology, such as $O(n^2)$ text "
    "generation and protein sequence analysis with 2.6 trillion transistors at 850,000 cores. "
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _nested(size: int) -> str:
    depth = size // 6
    return "([{" * depth + "}])" * depth


def _abstract(size: int) -> str:
    # A hard-wrapped abstract: the line breaks are what the wrap repairer works on.
    words = _repeat(_SENTENCE, size).split(" ")
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) > 78:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "letters": lambda n: "a" * n,
    "open_parens": lambda n: "(" * n,
    "dollars": lambda n: "$" * n,
    "digits_dots": lambda n: _repeat("10.1234.", n),
    "backslashes": lambda n: "\\" * n,
    "authors": lambda n: _repeat("J. Smith, ", n),
    "nested_brackets": _nested,
    "abstract": _abstract,
}


def _swallow(fn: Callable[[str], Any], errors: tuple[type[Exception], ...]) -> Callable[[str], Any]:
    def call(text: str) -> Any:
        try:
            return fn(text)
        except errors:
            return None

    return call


def _functions() -> dict[str, Callable[[str], Any]]:
    import arxivmeta as am

    def record(text: str) -> dict[str, Any]:
        return {"title": text, "authors": text, "abstract": text, "doi": text}

    def records(text: str) -> list[Any]:
        return list(am.clean_records([record(text), json.dumps(record(text))]))

    identifier_error = (am.InvalidIdentifier,)
    record_error = (am.InvalidRecord,)
    return {
        "parse_doi": _swallow(am.parse_doi, identifier_error),
        "parse_arxiv_id": _swallow(am.parse_arxiv_id, identifier_error),
        "parse_identifier": _swallow(am.parse_identifier, identifier_error),
        "is_valid_doi": am.is_valid_doi,
        "is_valid_arxiv_id": am.is_valid_arxiv_id,
        "repair_line_wraps": am.repair_line_wraps,
        "explain_line_wraps": am.explain_line_wraps,
        "clean_text": am.clean_text,
        "clean_text_and_explain": am.clean_text_and_explain,
        "to_plain_text": am.to_plain_text,
        "parse_authors": am.parse_authors,
        "parse_author_list": am.parse_author_list,
        "explain_authors": am.explain_authors,
        "parse_author_name": _swallow(am.parse_author_name, (am.ArxivMetaError,)),
        "clean_record": _swallow(lambda t: am.clean_record(record(t)), record_error),
        "clean_and_explain": _swallow(lambda t: am.clean_and_explain(record(t)), record_error),
        "clean_records": records,
    }


FUNCTION_NAMES = (
    "parse_doi", "parse_arxiv_id", "parse_identifier", "is_valid_doi", "is_valid_arxiv_id",
    "repair_line_wraps", "explain_line_wraps", "clean_text", "clean_text_and_explain",
    "to_plain_text", "parse_authors", "parse_author_list", "explain_authors",
    "parse_author_name", "clean_record", "clean_and_explain", "clean_records",
)  # fmt: skip


def _kib(status: str, field: str) -> int:
    found = re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) * 1024 if found else 0


def _peak_growth(run: Callable[[], object]) -> int:
    """Bytes the resident set grew by, at its peak, while ``run`` ran (Linux; else 0)."""
    status = Path("/proc/self/status")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets the peak to the current size
        before = _kib(status.read_text(), "VmRSS")
    except OSError:
        run()
        return 0
    run()
    return max(0, _kib(status.read_text(), "VmHWM") - before)


# Clock readings below serve only the slow tests (via _measure); the default run reads none.
def _timer(fn: Callable[[str], Any], text: str, timings: list[float]) -> Callable[[], None]:
    def timed() -> None:
        started = time.perf_counter()
        fn(text)
        timings.append(time.perf_counter() - started)

    return timed


def _child(conn: Connection, name: str, kind: str, small: int, large: int) -> None:
    """Time ``small`` alone, report it, then time ``large`` and ``small`` in turns.

    Taking turns exposes both sizes to the same background load, and the best of several
    runs of each discards the time other processes took: they only ever add to it.
    """
    try:
        fn = _functions()[name]
        small_times: list[float] = []
        large_times: list[float] = []
        run_small = _timer(fn, INPUTS[kind](small), small_times)
        run_large = _timer(fn, INPUTS[kind](large), large_times)
        while len(small_times) < 3 or (sum(small_times) < 0.3 and len(small_times) < 7):
            run_small()
        conn.send(("small", min(small_times), 0))
        growth = _peak_growth(run_large)
        for _ in range(2 if large_times[0] < 2.0 else 0):
            run_small()
            run_large()
        conn.send(("ok", (min(small_times), min(large_times)), growth))
    except BaseException as error:
        conn.send(("error", f"{type(error).__name__}: {str(error)[:200]}", 0))
    finally:
        conn.close()


def _fork(target: Callable[..., None], *args: object) -> tuple[BaseProcess, Connection]:
    """Start ``target(send, *args)`` in a forked child; return it and the receiving end."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=target, args=(send, *args))
    gc.collect()
    gc.freeze()  # the child's collector then leaves the parent's objects (and pages) alone
    try:
        child.start()
    finally:
        gc.unfreeze()
    send.close()
    return child, receive


def _measure(name: str, kind: str, small: int, large: int) -> tuple[float, float, int]:
    """Best seconds at each size and peak memory growth at ``large``, in a forked child.

    The child is killed when the small runs take longer than a third of the cap, or the large
    ones longer than a linear function could (with room to spare) or than the cap.
    """
    cap = LARGE_RUN_CAP * large / LARGE
    child, receive = _fork(_child, name, kind, small, large)
    where = f"{name} on {kind}"
    try:
        if not receive.poll(cap / 3):
            pytest.fail(f"{where}: {small:,} characters still running after {cap / 3:.0f} s")
        status, value, growth = receive.recv()
        if status == "small":
            limit = min(cap, max(5.0, 2 * MAX_RATIO * value)) * 3
            if not receive.poll(limit):
                pytest.fail(f"{where}: {large:,} characters still running after {limit:.0f} s")
            status, value, growth = receive.recv()
    finally:
        child.kill()
        child.join()
    if status != "ok":
        pytest.fail(f"{where} raised: {value}")
    seconds_small, seconds_large = value
    return seconds_small, seconds_large, growth


# How many times the input text a function's call holds: records repeat it in four fields,
# and the batch cleans the record twice (as a dict and as JSON text).
VOLUME = {"clean_record": 4, "clean_and_explain": 4, "clean_records": 8}


def _check_scaling(
    name: str, kind: str, small: int, large: int, record_property: Callable[[str, object], None]
) -> None:
    fn = _functions()[name]
    fn(INPUTS[kind](1000))  # loads word lists and compiles patterns before the fork
    seconds_small, seconds_large, memory_large = _measure(name, kind, small, large)
    ratio = seconds_large / max(seconds_small, 1e-9)
    per_char = memory_large / (large * VOLUME.get(name, 1))
    record_property("time_ratio", round(ratio, 2))
    print(
        f"\n{name:24} {kind:16} {seconds_small * 1e3:9.1f} ms {seconds_large * 1e3:9.1f} ms "
        f"time x{ratio:6.1f}  peak {memory_large / 2**20:6.1f} MiB ({per_char:.0f} B/char)"
    )
    if seconds_large >= TIMING_FLOOR:
        assert ratio <= MAX_RATIO, (
            f"{where(name, kind)}: {large:,} chars took {ratio:.1f}x {small:,}"
        )
    assert per_char <= MAX_BYTES_PER_CHAR, (
        f"{where(name, kind)}: peak memory {memory_large / 2**20:.0f} MiB at {large:,} characters"
    )


def where(name: str, kind: str) -> str:
    return f"{name} on {kind}"


# The pairs whose memory is checked by default: each function on inputs that stress its own
# parsing, a selection that keeps this file within its time budget and leaves out the
# 100k-author runs, which take seconds. Every pair is timed with -m slow.
DEFAULT_PAIRS = frozenset(
    [(name, kind) for name in FUNCTION_NAMES[:5] for kind in INPUTS]
    + [
        ("repair_line_wraps", "abstract"),
        ("repair_line_wraps", "digits_dots"),
        ("explain_line_wraps", "abstract"),
        ("clean_text", "abstract"),
        ("clean_text", "dollars"),
        ("clean_text_and_explain", "abstract"),
        ("to_plain_text", "dollars"),
        ("to_plain_text", "nested_brackets"),
        ("parse_authors", "dollars"),
        ("parse_authors", "open_parens"),
        ("parse_author_list", "letters"),
        ("explain_authors", "dollars"),
        ("parse_author_name", "digits_dots"),
        ("clean_record", "open_parens"),
        ("clean_record", "backslashes"),
        ("clean_and_explain", "backslashes"),
        ("clean_records", "backslashes"),
    ]
)


# A guard against a hang, not a measure of speed: the slowest default pair takes well under a
# second, so only a function that never returns reaches it.
HANG_GUARD = 300.0


def _memory_child(conn: Connection, name: str, kind: str, size: int) -> None:
    try:
        fn = _functions()[name]
        text = INPUTS[kind](size)
        conn.send(("ok", _peak_growth(lambda: fn(text))))
    except BaseException as error:
        conn.send(("error", f"{type(error).__name__}: {str(error)[:200]}"))
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("name", "kind"), sorted(DEFAULT_PAIRS), ids=[f"{n}-{k}" for n, k in sorted(DEFAULT_PAIRS)]
)
def test_bounded_memory_at_one_megabyte(name: str, kind: str) -> None:
    _functions()[name](INPUTS[kind](1000))  # loads word lists and compiles patterns before the fork
    child, receive = _fork(_memory_child, name, kind, LARGE)
    try:
        if not receive.poll(HANG_GUARD):
            pytest.fail(f"{where(name, kind)}: no result after {HANG_GUARD:.0f} s")
        status, value = receive.recv()
    finally:
        child.kill()
        child.join()
    assert status == "ok", f"{where(name, kind)} raised: {value}"
    per_char = value / (LARGE * VOLUME.get(name, 1))
    assert per_char <= MAX_BYTES_PER_CHAR, (
        f"{where(name, kind)}: peak memory {value / 2**20:.0f} MiB at {LARGE:,} characters"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        pytest.param(name, kind, id=f"{name}-{kind}")
        for name in FUNCTION_NAMES
        for kind in sorted(INPUTS)
    ],
)
def test_linear_time_and_memory(
    name: str, kind: str, record_property: Callable[[str, object], None]
) -> None:
    _check_scaling(name, kind, SMALL, LARGE, record_property)


@pytest.mark.slow
@pytest.mark.timeout(3600)  # a 10 MB run may take minutes before it counts as hung
@pytest.mark.parametrize("kind", ["letters", "authors", "abstract", "nested_brackets"])
@pytest.mark.parametrize(
    "name", ["clean_text", "parse_authors", "clean_record", "parse_identifier"]
)
def test_ten_megabytes_scale_like_one(
    name: str, kind: str, record_property: Callable[[str, object], None]
) -> None:
    _check_scaling(name, kind, LARGE, HUGE, record_property)


# --- batches: records no parser could read come back as Rejected ------------------------


def _deep_json(depth: int) -> str:
    return '{"title": "x", "journal": ' + "[" * depth + "]" * depth + "}"


def _deep_dict(depth: int) -> dict[str, Any]:
    value: Any = "leaf"
    for _ in range(depth):
        value = {"a": [value]}
    return {"title": "x", "journal": value}


HOSTILE_LINES = {
    "deep_json_100k": _deep_json(100_000),
    "deep_json_1000": _deep_json(1_000),
    "huge_integer": '{"title": "x", "citationCount": 1' + "0" * 100_000 + "}",
    "huge_float": '{"title": "x", "citationCount": 1e999}',
    "long_mantissa": '{"title": "x", "PeriodicalIF": 0.' + "1" * 100_000 + "}",
    "nan": '{"title": "x", "citationCount": NaN}',
    "deep_string_escapes": '{"title": "' + "\\\\" * 200_000 + '"}',
}


@pytest.mark.parametrize("label", sorted(HOSTILE_LINES))
def test_hostile_json_text_is_rejected_not_raised(label: str) -> None:
    from arxivmeta import Paper, Rejected, clean_records

    line = HOSTILE_LINES[label]
    results = list(clean_records([line, '{"title": "Quantum walks"}']))
    assert len(results) == 2
    assert isinstance(results[1], Paper)
    if label == "deep_string_escapes":  # valid JSON: a title of backslashes is a paper
        assert isinstance(results[0], Paper)
    else:
        assert isinstance(results[0], Rejected), label
        assert not results[0].reason.startswith("internal error"), results[0].reason
        assert len(results[0].raw) <= len(line)


@pytest.mark.parametrize(
    "record",
    [
        _deep_dict(100_000),
        _deep_dict(1_000),
        {"title": "x", "citationCount": 10**5000},
        {"title": "x", "citationCount": float("inf")},
        {"title": "x", "citationCount": float("nan")},
        {"title": "x", "authors": [{"name": "A"}] * 100_000},
    ],
    ids=["deep_100k", "deep_1000", "huge_int", "inf", "nan", "many_author_objects"],
)
def test_hostile_records_are_rejected_or_clean(record: dict[str, Any]) -> None:
    from arxivmeta import Paper, Rejected, clean_records

    (result,) = list(clean_records([record]))
    if isinstance(result, Rejected):
        assert not result.reason.startswith("internal error"), result.reason
    else:
        assert isinstance(result, Paper)
        assert Paper.model_validate_json(result.model_dump_json()) == result


# --- fuzz regressions: inputs that once broke a fuzz target's contract ---------------------

FUZZ_DIR = Path(__file__).resolve().parents[1] / "fuzz"
REGRESSIONS = load("fuzz_regressions.json")


def _fuzz_check(target: str) -> Callable[[Any], None]:
    """The ``check`` function of ``fuzz/fuzz_<target>.py``, loaded without atheris."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"fuzz_{target}", FUZZ_DIR / f"fuzz_{target}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    check: Callable[[Any], None] = module.check
    return check


@pytest.mark.parametrize("case", params(REGRESSIONS))
def test_fuzz_regressions_stay_fixed(case: dict[str, Any]) -> None:
    _fuzz_check(case["function"])(case["original"])
