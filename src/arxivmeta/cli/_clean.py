"""The ``arxivmeta clean`` run: read, clean in order, write, report.

Kept apart from :mod:`arxivmeta.cli` so that ``arxivmeta --version`` and usage errors
answer without importing the cleaners.

Nothing is lost: every record read comes out cleaned or rejected with its complete raw
text, and files are written whole or not at all. Every output file is opened (as a
temporary file beside it) before anything is cleaned, and they are renamed into place
only at the end of a run that finished — the rejects before the records, so that
``--in-place`` never replaces the input before the records it drops are safe.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections import Counter
from concurrent.futures import BrokenExecutor

from arxivmeta.cli._exit import EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE
from arxivmeta.cli._export_sink import export_sink
from arxivmeta.cli._io import InputError, InputFile, Output, OutputError, OutputFile, Shape, Sink
from arxivmeta.cli._pipeline import Cleaned, Failed, Settings, chunked, run, worker_count
from arxivmeta.cli._progress import Progress

MAX_MESSAGES = 20
"""Rejections printed on stderr one by one; the rest are only counted."""

MAX_KEYS_SHOWN = 12
"""Keys of an unrecognised record named in the warning; the rest are only counted."""


STDOUT_LABEL = "standard output"


def _error(message: str) -> int:
    print(f"arxivmeta: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _say(message: str) -> None:
    print(message, file=sys.stderr)


class CleanRun:
    """One ``arxivmeta clean`` run: its files, counters and messages."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.read = self.cleaned = self.changed = 0
        self.rejected_count = 0
        self.unread_count = 0
        self.unread_example: tuple[int, tuple[str, ...]] | None = None
        """The line and unread keys of the first record with no abstract or author recognised."""
        self.fixers: Counter[str] = Counter()
        self.records_file: OutputFile | None = None
        self.stdout_failed = False
        """Whether writing to standard output failed (its buffer then cannot be flushed)."""

    def execute(self) -> int:
        args = self.args
        shape: Shape | None = None if args.layout == "auto" else args.layout
        try:
            if args.input == "-" and sys.stdin.isatty():
                _say("arxivmeta: reading records from the terminal; end with Ctrl-D")
            source = InputFile.open(args.input, shape=shape, stdin=sys.stdin.buffer)
        except InputError as error:
            return _error(str(error))
        self.source = source
        if args.in_place and source.shape == "xml":
            source.close()
            return _error(
                f"{source.name}: an XML document is not replaced by JSON Lines; "
                "write the records with -o FILE"
            )
        files: list[OutputFile] = []
        try:
            try:
                out = self._open_output(files)
                rejects = self._open_file(args.rejects, files)
                explain = self._open_file(args.explain, files)
            except OutputError as error:
                return _error(str(error))
            if source.empty:
                _say(f"{source.name}: holds no records (the file is empty)")
            output_shape: Shape = (
                ("jsonl" if source.shape == "xml" else source.shape)
                if args.output_layout == "auto"
                else args.output_layout
            )
            if output_shape == "object" and args.layout == "jsonl":
                output_shape = "jsonl"
            sink = export_sink(out, output_shape, args.to) if out is not None else None
            status = self._clean(sink, rejects, explain)
            if status in (EXIT_OK, EXIT_REJECTED):
                status = self._settle(files, status)
            elif files:
                _say(f"arxivmeta: nothing written to {', '.join(f.path for f in files)}")
            return status
        finally:
            for file in files:
                file.discard()
            source.close()

    def _open_file(self, path: str | None, files: list[OutputFile]) -> OutputFile | None:
        if path is None:
            return None
        file = OutputFile(path)
        files.append(file)
        return file

    def _open_output(self, files: list[OutputFile]) -> Output | None:
        args = self.args
        if args.check:
            return None
        if args.output == "-" and not args.in_place:
            return Output(sys.stdout.buffer, STDOUT_LABEL)
        self.records_file = self._open_file(
            args.in_place_target if args.in_place else args.output, files
        )
        return self.records_file

    def _settle(self, files: list[OutputFile], status: int) -> int:
        """Rename the finished files into place, or leave the input alone; the exit status."""
        args = self.args
        name = self.source.name
        if args.in_place and not args.check:
            if self.source.damage:
                _say(
                    f"{name}: left unchanged because its structure is damaged; write the "
                    "result elsewhere with -o FILE --rejects FILE and check it"
                )
                return EXIT_REJECTED
            if self.rejected_count and not args.allow_rejects:
                _say(
                    f"{name}: left unchanged because {self.rejected_count:,} records were "
                    "rejected; add --rejects FILE --allow-rejects to replace it anyway"
                )
                return EXIT_REJECTED
            if self.source.empty:
                return status
        # The rejects first: a replaced input must never have dropped records not yet saved.
        try:
            for file in sorted(files, key=lambda file: file is self.records_file):
                file.commit()
        except OutputError as error:
            return _error(f"{error}; the run's other files that were not yet renamed were removed")
        return status

    def _clean(self, sink: Sink | None, rejects: Output | None, explain: Output | None) -> int:
        args = self.args
        source = self.source
        settings = Settings(
            format=args.format,
            explain=bool(args.explain or args.summary),
            check=args.check,
            config=args.clean_config,
            plain=args.plain,
        )
        progress: Progress | None = None
        try:
            try:
                if sink is not None:
                    sink.start()
                batches = run(chunked(source.items()), settings, worker_count(args.jobs))
                if not args.quiet and sys.stderr.isatty():
                    progress = Progress(
                        sys.stderr, total_bytes=source.size, bytes_read=source.bytes_read
                    )
                for outcomes in batches:
                    texts: list[str] = []
                    for outcome in outcomes:
                        self.read += 1
                        if isinstance(outcome, Cleaned):
                            self.cleaned += 1
                            self.changed += outcome.changed
                            texts.append(outcome.text)
                            self._steps(outcome, explain)
                            self._unread(outcome)
                        else:
                            self._reject(outcome, rejects)
                    if sink is not None:
                        sink.write(texts)
                    if progress is not None:
                        progress.update(len(outcomes))
                if sink is not None:
                    sink.finish()
            finally:
                if progress is not None:
                    progress.close()
        except KeyboardInterrupt:
            self._close_stdout_array(sink)
            _say(f"arxivmeta: interrupted after {self.read:,} records")
            return EXIT_INTERRUPTED
        except InputError as error:
            self._close_stdout_array(sink)
            return _error(f"{error}; stopped after {self.read:,} records")
        except OutputError as error:
            self.stdout_failed = str(error).startswith(STDOUT_LABEL)
            return _error(f"{error}; stopped after {self.read:,} records")
        except BrokenExecutor:
            self._close_stdout_array(sink)
            return _error(f"a worker process was stopped; stopped after {self.read:,} records")
        return self._report()

    def _close_stdout_array(self, sink: Sink | None) -> None:
        """Leave standard output valid JSON after a stop; files are discarded instead."""
        if sink is None or self.args.in_place or self.args.output != "-":
            return
        with contextlib.suppress(OutputError, BrokenPipeError):
            sink.finish()

    def _steps(self, outcome: Cleaned, explain: Output | None) -> None:
        for step in outcome.steps:
            self.fixers[step.fixer] += 1
        if explain is None or not outcome.steps:
            return
        lines = [
            json.dumps(
                {"position": outcome.position, **step.model_dump(mode="json")},
                ensure_ascii=False,
                default=str,
            )
            for step in outcome.steps
        ]
        explain.write(("\n".join(lines) + "\n").encode("utf-8"))

    def _unread(self, outcome: Cleaned) -> None:
        if not outcome.unread:
            return
        self.unread_count += 1
        if self.unread_example is None:
            self.unread_example = (outcome.line, outcome.unread)

    def _warn_unread(self) -> None:
        if self.unread_example is None:
            return
        line, keys = self.unread_example
        shown = ", ".join(keys[:MAX_KEYS_SHOWN])
        if len(keys) > MAX_KEYS_SHOWN:
            shown += f" and {len(keys) - MAX_KEYS_SHOWN:,} more"
        print(
            f"{self.source.name}: warning: {self.unread_count:,} of {self.read:,} records had "
            f"no abstract or author arxivmeta recognised, so their fields went to extra "
            f"(line {line}: {shown}); say which key holds what with --field FIELD=KEY, "
            "such as --field abstract=KEY",
            file=sys.stderr,
        )

    def _reject(self, failed: Failed, rejects: Output | None) -> None:
        rejected = failed.rejected
        if rejected.source is None:
            rejected = rejected.model_copy(update={"source": self.source.name})
        self.rejected_count += 1
        if rejects is not None:
            rejects.write(rejected.model_dump_json(exclude_none=True).encode("utf-8") + b"\n")
        if self.rejected_count <= MAX_MESSAGES:
            where = f"{self.source.name}:{failed.line}"
            if self.source.shape in ("json", "xml"):
                where += f": record {rejected.position}"
            print(f"{where}: {rejected.reason}", file=sys.stderr)

    def _report(self) -> int:
        args = self.args
        name = self.source.name
        for problem in self.source.damage[:MAX_MESSAGES]:
            _say(f"{name}: {problem}")
        if self.rejected_count:
            hidden = self.rejected_count - MAX_MESSAGES
            more = f" ({hidden:,} not shown)" if hidden > 0 else ""
            kept = f"; see {args.rejects}" if args.rejects else "; keep them with --rejects FILE"
            print(
                f"{name}: {self.rejected_count:,} of {self.read:,} records rejected{more}{kept}",
                file=sys.stderr,
            )
        self._warn_unread()
        if args.summary:
            self._summary()
        if args.check and self.changed:
            print(
                f"{name}: {self.changed:,} of {self.read:,} records would change",
                file=sys.stderr,
            )
        troubled = (
            self.rejected_count
            or self.source.damage
            or (args.check and self.changed)
            or (args.strict and self.unread_count)
        )
        return EXIT_REJECTED if troubled else EXIT_OK

    def _summary(self) -> None:
        lines = [
            f"{self.read:,} records: {self.cleaned:,} cleaned, {self.rejected_count:,} rejected, "
            f"{self.changed:,} changed"
        ]
        width = max((len(fixer) for fixer in self.fixers), default=0)
        for fixer, count in sorted(self.fixers.items(), key=lambda pair: (-pair[1], pair[0])):
            lines.append(f"  {fixer:<{width}}  {count:>9,}")
        print("\n".join(lines), file=sys.stderr)
