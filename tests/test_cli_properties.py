"""Nothing is lost: for any mix of records, damage and encodings, out + rejected == in.

Inputs mix good records, bad lines or elements, blank lines, byte order marks, CRLF, arrays
(pretty-printed or on one line) and compression (gzip, bzip2, xz, under any name). Every
record carries its ``seq``: cleaned records must give back the good ones in order, and the
raw text of the rejects (their exact bytes, via ``raw_base64`` where they are not UTF-8)
must give back the bad ones. Most examples run in process, on the reading and cleaning
layer the command uses; a few run the real command.
"""

from __future__ import annotations

import base64
import bz2
import gzip
import io
import json
import lzma
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import given, settings, strategies as st

ROOT = Path(__file__).resolve().parent.parent
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
}

COMPRESSORS: dict[str, Any] = {
    "none": lambda data: data,
    "gzip": gzip.compress,
    "bzip2": bz2.compress,
    "xz": lzma.compress,
}


def _good(seq: int) -> bytes:
    return json.dumps({"title": f"Paper {seq}", "abstract": "Text.", "seq": seq}).encode()


# Bad records, by the layouts they can appear in. Those opening with "[" are not used as the
# first line of JSON Lines: a file holding only ``[3]`` is an array, whatever was meant.
_BAD_ANYWHERE = {
    "syntax": lambda seq: b'{"seq": %d, "title": }' % seq,
    "huge-number": lambda seq: b'{"seq": %d, "n": 1%s}' % (seq, b"0" * 5000),
    "not-utf8": lambda seq: b'{"seq": %d, "title": "caf\xe9 \xff"}' % seq,
    "not-an-object": lambda seq: b'"record %d"' % seq,
    "too-deep": lambda seq: b"[" * 100 + str(seq).encode() + b"]" * 100,
}
_BAD_ON_A_LINE = {
    "cut": lambda seq: b'{"seq": %d, "title": "cut' % seq,
    "prose": lambda seq: b"not json %d" % seq,
}


@dataclass(frozen=True)
class Case:
    data: bytes
    good: list[int]
    bad: list[bytes]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    layout = draw(st.sampled_from(["jsonl", "pretty", "compact"]))
    newline = b"\r\n" if draw(st.booleans()) else b"\n"
    count = draw(st.integers(0, 25))
    good: list[int] = []
    bad: list[bytes] = []
    texts: list[bytes] = []
    for seq in range(1, count + 1):
        kinds = ["good", *_BAD_ANYWHERE]
        if layout != "compact":  # a cut string in a one-line array swallows the rest
            kinds.append("cut")
        if layout == "jsonl":
            kinds += ["prose", "blank"]
        kind = draw(st.sampled_from(kinds))
        if kind == "good":
            good.append(seq)
            text = _good(seq)
            if layout == "jsonl" and draw(st.booleans()):
                text = b"\xef\xbb\xbf" + text  # files joined with `cat`, each with its BOM
            texts.append(text)
            continue
        if kind == "blank":
            texts.append(draw(st.sampled_from([b"", b"  ", b"\t"])))
            continue
        text = {**_BAD_ANYWHERE, **_BAD_ON_A_LINE}[kind](seq)
        if layout == "jsonl" and text.startswith(b"[") and not (good or bad):
            text = b"not json " + text
        bad.append(text)
        texts.append(text)
    if layout == "jsonl":
        data = b"".join(text + newline for text in texts)
    elif layout == "pretty":
        indent = b" " * draw(st.integers(0, 4))
        data = b"[" + newline + (b"," + newline).join(indent + t for t in texts) + newline + b"]"
    else:
        data = b"[" + b", ".join(texts) + b"]" + newline
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    compression = draw(st.sampled_from(sorted(COMPRESSORS)))
    return Case(COMPRESSORS[compression](data), good, bad)


def _rebuilt(rejected: dict[str, Any]) -> bytes:
    if rejected.get("raw_base64"):
        return base64.b64decode(rejected["raw_base64"])
    return str(rejected["raw"]).encode("utf-8")


def check(case: Case, cleaned: list[dict[str, Any]], rejected: list[dict[str, Any]]) -> None:
    assert len(cleaned) + len(rejected) == len(case.good) + len(case.bad)
    assert [record["extra"]["seq"] for record in cleaned] == case.good
    assert [_rebuilt(record) for record in rejected] == case.bad


@given(case=cases(), read_size=st.sampled_from([1, 3, 64, 1 << 20]))
def test_every_record_comes_out_cleaned_or_rejected_whole(case: Case, read_size: int) -> None:
    from arxivmeta.cli import _io
    from arxivmeta.cli._pipeline import Cleaned, process_chunk

    source = _io.InputFile.from_stream(io.BytesIO(case.data), "records.json", read_size=read_size)
    outcomes = process_chunk(list(source.items()))
    cleaned = [json.loads(o.text) for o in outcomes if isinstance(o, Cleaned)]
    rejected = [o.rejected.model_dump() for o in outcomes if not isinstance(o, Cleaned)]
    check(case, cleaned, rejected)


@settings(max_examples=6)
@given(case=cases())
def test_the_command_loses_nothing(tmp_path_factory: Any, case: Case) -> None:
    directory = tmp_path_factory.mktemp("run")
    source = directory / "records.json"
    source.write_bytes(case.data)
    out, rejects = directory / "out.jsonl", directory / "rejects.jsonl"
    command = [sys.executable, "-m", "arxivmeta", "clean", source, "-o", out]
    result = subprocess.run(
        [*command, "--rejects", rejects, "--output-layout", "jsonl"],
        capture_output=True,
        env=ENV,
        timeout=600,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert b"Traceback" not in result.stderr
    cleaned = [json.loads(line) for line in out.read_bytes().splitlines()]
    rejected = [json.loads(line) for line in rejects.read_bytes().splitlines()]
    check(case, cleaned, rejected)
    assert result.returncode == (1 if case.bad else 0)
