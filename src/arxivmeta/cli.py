"""The ``arxivmeta`` command: ``arxivmeta clean FILE`` and ``arxivmeta schema``.

``clean`` reads JSON (one object or an array) or JSON Lines, plain or ``.gz``/``.bz2``/``.xz``,
cleans every record and writes the same shape back: one :class:`~arxivmeta.Paper` per
record as ``Paper.model_dump(mode="json")``, UTF-8. Bad input never stops the run: each
rejected record is reported on stderr as ``FILE:LINE: reason`` and, with ``--rejects``,
written to a JSON Lines file with its raw text.

Exit status: 0 when every record was cleaned, 1 when some were rejected (or, with
``--check``, would change), 2 for usage errors and unreadable files, 130 on Ctrl-C (the
output written so far is flushed and stays valid JSON; ``--in-place`` leaves the original).
SIGTERM is handled like Ctrl-C. ``--in-place`` also leaves the original when records were
rejected and ``--rejects`` is not given, since replacing it would lose them.

An empty input (0 bytes, or only whitespace) holds no records: the output is empty, or
``[]`` when the output is a JSON array (``--format json`` or ``--output-format json``).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from arxivmeta import __version__

SCHEMA_PATH = Path(__file__).parent / "_data" / "paper.schema.json"

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C so the output is left valid."""


def paper_schema_text() -> str:
    """The JSON Schema of :class:`~arxivmeta.Paper`, as ``arxivmeta schema`` prints it."""
    from arxivmeta.models import Paper  # noqa: PLC0415 (keeps --version fast)

    return json.dumps(Paper.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``arxivmeta`` command."""
    parser = argparse.ArgumentParser(
        prog="arxivmeta", description="Clean messy scholarly metadata into typed records."
    )
    parser.add_argument("--version", action="version", version=f"arxivmeta {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = commands.add_parser(
        "clean",
        help="clean records from a JSON or JSON Lines file",
        description="Clean records from a JSON or JSON Lines file (.gz, .bz2, .xz too).",
        epilog="Exit status: 0 all cleaned, 1 some rejected (or would change with --check), "
        "2 usage error or unreadable input, 130 interrupted.",
    )
    clean.add_argument(
        "input", nargs="?", default="-", metavar="INPUT", help="file, or - for stdin"
    )
    target = clean.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", default="-", metavar="FILE", help="default: stdout")
    target.add_argument(
        "--in-place", action="store_true", help="replace INPUT (atomically) with the result"
    )
    clean.add_argument(
        "--format",
        choices=["auto", "json", "jsonl"],
        default="auto",
        help="input layout: a JSON array/object or JSON Lines (default: detect)",
    )
    clean.add_argument(
        "--output-format",
        choices=["auto", "json", "jsonl"],
        default="auto",
        help="output layout (default: same as the input)",
    )
    clean.add_argument(
        "--to",
        choices=["json", "bibtex", "csl-json"],
        default="json",
        help="what to write: our JSON records (default), BibTeX entries or a CSL-JSON array",
    )
    clean.add_argument(
        "--input-format",
        metavar="NAME",
        help="record format, such as aggregator or kaggle (default: detect per record)",
    )
    clean.add_argument("--rejects", metavar="FILE", help="write rejected records here (JSON Lines)")
    clean.add_argument("--explain", metavar="FILE", help="write one JSON line per change made")
    clean.add_argument("--summary", action="store_true", help="print changes per fixer on stderr")
    clean.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any record would change"
    )
    clean.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (0: all cores)"
    )
    clean.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    schema = commands.add_parser("schema", help="print the JSON Schema of a clean record")
    schema.add_argument(
        "--check", action="store_true", help="exit 1 if the shipped schema file is out of date"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "schema":
        return _schema(args.check)
    if args.in_place and args.input == "-":
        parser.error("--in-place needs an input file, not stdin")
    if (
        not args.in_place
        and "-" not in (args.input, args.output)
        and _same_file(args.input, args.output)
    ):
        parser.error(f"{args.output} is the input file; use --in-place to replace it")
    if args.to != "json" and (args.in_place or args.output_format != "auto"):
        # An export holds less than the records (no affiliations, no raw text): it must
        # never replace them, and it has one layout of its own.
        parser.error(f"--to {args.to} cannot be combined with --in-place or --output-format")
    if args.input_format is not None:
        from arxivmeta.records import FORMATS  # noqa: PLC0415 (keeps --version fast)

        if args.input_format not in FORMATS:
            parser.error(
                f"unknown --input-format {args.input_format!r}; choose from {', '.join(FORMATS)}"
            )
    from arxivmeta._clean_command import CleanRun  # noqa: PLC0415 (keeps --version fast)

    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: leave signals to the caller
        previous = None
    try:
        return CleanRun(args).execute()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`arxivmeta clean big.jsonl | head`): stop quietly, and keep
        # Python from complaining when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_REJECTED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.abspath(first) == os.path.abspath(second)


def _schema(check: bool) -> int:
    text = paper_schema_text()
    if not check:
        sys.stdout.write(text)
        return EXIT_OK
    if SCHEMA_PATH.read_text(encoding="utf-8") == text:
        return EXIT_OK
    print(
        f"arxivmeta: {SCHEMA_PATH} is out of date; regenerate it with `arxivmeta schema`",
        file=sys.stderr,
    )
    return EXIT_REJECTED
