"""The ``arxivmeta`` command: ``arxivmeta clean FILE`` and ``arxivmeta schema``.

``clean`` reads JSON (one object or an array) or JSON Lines, plain or compressed with gzip,
bzip2 or xz (recognised by content, whatever the name), cleans every record and writes the
same layout back: one :class:`~arxivmeta.Paper` per record as
``Paper.model_dump(mode="json")``, UTF-8. Bad input never stops the run: each rejected
record is reported on stderr as ``FILE:LINE: reason`` and, with ``--rejects``, written to a
JSON Lines file with its complete raw text.

Exit status: 0 when every record was cleaned, 1 when some were rejected or the file's
structure is damaged (or, with ``--check``, records would change; with ``--strict``, some
had no abstract or author recognised), 2 for usage errors and
files that cannot be read or written, 130 on Ctrl-C, SIGTERM or SIGHUP, 141 when the reader
of standard output went away. Output files are written whole or not at all: a run that
stops leaves them as they were. ``--in-place`` leaves the input unchanged when records were
rejected (unless ``--rejects FILE --allow-rejects``) or its structure is damaged.

An empty input (0 bytes, or only whitespace) holds no records, and the command says so: the
output is empty, or ``[]`` when the output is a JSON array (``--format json`` or
``--output-format json``).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import signal
import stat
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from arxivmeta import __version__
from arxivmeta.cli._exit import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REJECTED,
)

if TYPE_CHECKING:
    from arxivmeta.config import CleanConfig

SCHEMA_PATH = Path(__file__).parent.parent / "_data" / "paper.schema.json"


_STOP_SIGNALS = ("SIGTERM", "SIGHUP")


__all__ = ["main"]


class _Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, handled like Ctrl-C so temporary files are removed."""


def paper_schema_text() -> str:
    """The JSON Schema of :class:`~arxivmeta.Paper`, as ``arxivmeta schema`` prints it."""
    from arxivmeta.models import Paper  # noqa: PLC0415 (keeps --version fast)

    # The schema of what the command writes: identifiers are strings there, not the objects
    # that the models accept as input.
    schema = Paper.model_json_schema(mode="serialization")
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
    return value


def _field(text: str) -> tuple[str, str]:
    name, equals, key = text.partition("=")
    if not equals or not name.strip() or not key.strip():
        raise argparse.ArgumentTypeError(f"expected FIELD=KEY, such as abstract=summary: {text!r}")
    return name.strip(), key.strip()


#: File layouts: a JSON array or object, JSON Lines, or detected from the content.
LAYOUTS = ("auto", "json", "jsonl")


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
        epilog="Exit status: 0 all cleaned, 1 some rejected or damaged (or would change with "
        "--check, or unrecognised with --strict), 2 usage error or a file that cannot be read "
        "or written, 130 interrupted, 141 output pipe closed.",
    )
    clean.add_argument(
        "input", nargs="?", default="-", metavar="INPUT", help="file, or - for stdin"
    )
    target = clean.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", default="-", metavar="FILE", help="default: stdout")
    target.add_argument(
        "--in-place",
        action="store_true",
        help="replace INPUT (atomically) with the result; never when records were rejected, "
        "unless --allow-rejects",
    )
    clean.add_argument(
        "--layout",
        choices=LAYOUTS,
        default=None,
        help="the file's layout: a JSON array/object or JSON Lines (default: detect)",
    )
    clean.add_argument(
        "--output-layout",
        choices=LAYOUTS,
        default=None,
        help="the output's layout (default: that of the input)",
    )
    clean.add_argument(
        "--to",
        choices=["json", "bibtex", "csl-json"],
        default="json",
        help="what to write: our JSON records (default), BibTeX entries or a CSL-JSON array",
    )
    clean.add_argument(
        "--plain",
        action="store_true",
        help="add title_plain and abstract_plain to each record: the text with its LaTeX "
        "rendered as Unicode (with --to json only)",
    )
    clean.add_argument(
        "--format",
        metavar="NAME",
        help="record format, such as aggregator or arxiv-snapshot (default: detect per record)",
    )
    # The spellings of 0.1.0, kept for one release: --format meant the layout then.
    clean.add_argument("--input-format", help=argparse.SUPPRESS)
    clean.add_argument("--output-format", choices=LAYOUTS, help=argparse.SUPPRESS)
    clean.add_argument(
        "--config",
        metavar="FILE",
        help="cleaning options as TOML (see arxivmeta.CleanConfig), e.g. [wraps] min_width = 50",
    )
    clean.add_argument(
        "--field",
        action="append",
        default=[],
        type=_field,
        metavar="FIELD=KEY",
        help="the input key KEY holds FIELD, e.g. abstract=summary (repeatable); used only "
        "when the record's own layout gives FIELD nothing",
    )
    clean.add_argument(
        "--no-wrap-repair",
        action="store_true",
        help="leave glued words alone (text that was never hard-wrapped; much faster)",
    )
    clean.add_argument(
        "--vocabulary",
        metavar="FILE",
        help="words never split by the wrap repair, one a line (added to the config's)",
    )
    clean.add_argument(
        "--rejects", metavar="FILE", help="write rejected records, whole, here (JSON Lines)"
    )
    clean.add_argument(
        "--allow-rejects",
        action="store_true",
        help="with --in-place and --rejects: replace INPUT even when records were rejected",
    )
    clean.add_argument("--explain", metavar="FILE", help="write one JSON line per change made")
    clean.add_argument("--summary", action="store_true", help="print changes per fixer on stderr")
    clean.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any record would change"
    )
    clean.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if any record had no abstract or author recognised (a layout to name "
        "with --field)",
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
    _old_spellings(args, parser)
    if args.to != "json" and (args.in_place or args.output_layout != "auto"):
        # An export holds less than the records (no affiliations, no raw text): it must
        # never replace them, and it has one layout of its own.
        parser.error(f"--to {args.to} cannot be combined with --in-place or --output-layout")
    if args.plain and args.to != "json":
        # BibTeX and CSL-JSON have fields of their own for the title and the abstract.
        parser.error(f"--plain adds fields to our JSON records; it cannot go with --to {args.to}")
    if args.allow_rejects and not (args.in_place and args.rejects):
        parser.error("--allow-rejects goes with --in-place and --rejects FILE")
    conflict = output_conflict(args)
    if conflict is not None:
        parser.error(conflict)
    args.in_place_target = os.path.realpath(args.input) if args.in_place else None
    if args.format is not None:
        from arxivmeta.records import FORMATS  # noqa: PLC0415 (keeps --version fast)

        if args.format not in FORMATS:
            parser.error(f"unknown --format {args.format!r}; choose from {', '.join(FORMATS)}")
    try:
        args.clean_config = read_config(
            args.config,
            no_wrap_repair=args.no_wrap_repair,
            vocabulary=args.vocabulary,
            fields=args.field,
        )
    except ValueError as error:
        parser.error(str(error))
    from arxivmeta.cli._clean import CleanRun  # noqa: PLC0415 (keeps --version fast)

    previous = _handle_stop_signals()
    run = CleanRun(args)
    try:
        return run.execute()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`arxivmeta clean big.jsonl | head`): stop quietly, as other
        # tools do (a shell reports 141 for a process killed by SIGPIPE).
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    finally:
        if run.stdout_failed:
            _silence_stdout()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _old_spellings(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Read the option spellings of 0.1.0 (``--format`` for the layout, ``--output-format``,
    ``--input-format``) as today's, with a deprecation message on stderr."""
    renamed: list[tuple[str, str]] = []
    if args.format in LAYOUTS:  # 0.1.0's --format auto|json|jsonl was the layout
        renamed.append((f"--format {args.format}", f"--layout {args.format}"))
        if args.layout is not None:
            parser.error("--format auto|json|jsonl (the old spelling of --layout) and --layout")
        args.layout, args.format = args.format, None
    if args.output_format is not None:
        renamed.append(("--output-format", "--output-layout"))
        if args.output_layout is not None:
            parser.error("--output-format (old spelling of --output-layout) and --output-layout")
        args.output_layout = args.output_format
    if args.input_format is not None:
        renamed.append(("--input-format", "--format"))
        if args.format is not None:
            parser.error("--input-format (the old spelling of --format) and --format")
        args.format = args.input_format
    for old, new in renamed:
        print(
            f"arxivmeta: {old} is deprecated and will be removed in 0.3; use {new}",
            file=sys.stderr,
        )
    args.layout = args.layout or "auto"
    args.output_layout = args.output_layout or "auto"


def read_config(
    path: str | None,
    *,
    no_wrap_repair: bool = False,
    vocabulary: str | None = None,
    fields: Sequence[tuple[str, str]] = (),
) -> CleanConfig | None:
    """The :class:`~arxivmeta.CleanConfig` of ``--config FILE`` (TOML) and the flags; None for
    the defaults. Raises ValueError (a :class:`~arxivmeta.errors.ConfigError` for bad options)
    with a message that names the file. A ``--field`` overrides the file's ``[fields]`` entry
    for the same field."""
    from arxivmeta.config import CleanConfig  # noqa: PLC0415 (keeps --version fast)

    if path is None and not no_wrap_repair and vocabulary is None and not fields:
        return None
    data: dict[str, Any] = {}
    if path is not None:
        try:
            with open(path, "rb") as file:
                data = tomllib.load(file)
        except OSError as error:
            raise ValueError(f"--config {path}: {error.strerror or error}") from None
        except tomllib.TOMLDecodeError as error:
            raise ValueError(f"--config {path}: not valid TOML: {error}") from None
    if no_wrap_repair:
        data["repair_line_wraps"] = False
    if vocabulary is not None:
        wraps = dict(data.get("wraps") or {})
        words = list(wraps.get("extra_vocabulary") or [])
        wraps["extra_vocabulary"] = words + _read_words(vocabulary)
        data["wraps"] = wraps
    try:
        config = CleanConfig.from_mapping(data)
    except ValueError as error:
        raise ValueError(f"--config {path}: {error}" if path else str(error)) from None
    if not fields:
        return config
    named = dict(config.fields)
    for name, key in fields:
        # The command line is read last, so it wins over the file (and a repeated --field
        # over an earlier one).
        named = {other: its_key for other, its_key in named.items() if other != name}
        named[name] = key
    try:
        return dataclasses.replace(config, fields=tuple(named.items()))
    except ValueError as error:
        raise ValueError(f"--field: {error}") from None


def _read_words(path: str) -> list[str]:
    """The words of a vocabulary file: one a line, blank lines and ``#`` comments skipped."""
    try:
        with open(path, encoding="utf-8") as file:
            lines = file.read().splitlines()
    except OSError as error:
        raise ValueError(f"--vocabulary {path}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise ValueError(f"--vocabulary {path}: not UTF-8 text ({error.reason})") from None
    words = [line.strip() for line in lines]
    return [word for word in words if word and not word.startswith("#")]


def _handle_stop_signals() -> dict[int, Any]:
    """Turn SIGTERM and SIGHUP into :class:`_Terminated`; return the handlers replaced."""
    previous: dict[int, Any] = {}
    for name in _STOP_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            previous[signum] = signal.signal(signum, _on_stop_signal)
        except ValueError:  # not the main thread: leave signals to the caller
            break
    return previous


def _silence_stdout() -> None:
    """Point standard output at the null device, so Python's flush at exit cannot fail."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _on_stop_signal(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


def output_conflict(args: argparse.Namespace) -> str | None:
    """Say which two of the run's files are one, if any: no output may overwrite another file.

    Files are compared by device and inode (so symbolic and hard links are seen through),
    or by resolved path when they do not exist yet.
    """
    named = [("INPUT", args.input)]
    if args.in_place:
        named.append(("--in-place", args.input))
    elif not args.check:
        named.append(("-o", args.output))
    named += [("--rejects", args.rejects), ("--explain", args.explain)]
    paths = [(option, path) for option, path in named if path is not None and path != "-"]
    for later, (option, path) in enumerate(paths):
        for other_option, other in paths[:later]:
            if {option, other_option} == {"INPUT", "--in-place"}:
                continue
            if _same_file(path, other) and not _is_device(path):
                if other_option == "INPUT" and option == "-o":
                    return f"{path} is the input file; use --in-place to replace it"
                return f"{option} {path} is the same file as {other_option} {other}"
    for option in ("--rejects", "--explain"):
        if getattr(args, option[2:]) == "-":
            return f"{option} needs a file name, not -"
    return None


def _is_device(path: str) -> bool:
    """Whether ``path`` is a device such as /dev/null, which any number of outputs may share."""
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except OSError:
        return False


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.realpath(first) == os.path.realpath(second)


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
