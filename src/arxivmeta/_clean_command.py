"""The ``arxivmeta clean`` run: read, clean in order, write, report.

Kept apart from :mod:`arxivmeta.cli` so that ``arxivmeta --version`` and usage errors
answer without importing the cleaners.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import lzma
import sys
from collections import Counter
from typing import IO

from arxivmeta._export_sink import export_sink
from arxivmeta._io import Destination, InputError, Shape, Sink, Source, compressing
from arxivmeta._pipeline import Cleaned, Failed, Settings, chunked, run, worker_count
from arxivmeta._progress import Progress

MAX_MESSAGES = 20
"""Rejections printed on stderr one by one; the rest are only counted."""

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _error(message: str) -> int:
    print(f"arxivmeta: error: {message}", file=sys.stderr)
    return EXIT_USAGE


class CleanRun:
    """One ``arxivmeta clean`` run: its files, counters and messages."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.read = self.cleaned = self.changed = 0
        self.rejected_count = 0
        self.fixers: Counter[str] = Counter()
        self._files: list[IO[bytes]] = []

    def execute(self) -> int:
        args = self.args
        shape: Shape | None = None if args.format == "auto" else args.format
        try:
            if args.input == "-" and sys.stdin.isatty():
                print(
                    "arxivmeta: reading records from the terminal; end with Ctrl-D", file=sys.stderr
                )
            source = Source.open(args.input, shape=shape, stdin=sys.stdin.buffer)
        except InputError as error:
            return _error(str(error))
        self.source = source
        destination: Destination | None = None
        try:
            try:
                out, destination = self._open_output()
                rejects = self._open(args.rejects)
                explain = self._open(args.explain)
            except InputError as error:
                return _error(str(error))
            output_shape: Shape = (
                source.shape if args.output_format == "auto" else args.output_format
            )
            if output_shape == "object" and args.format == "jsonl":
                output_shape = "jsonl"
            sink = export_sink(out, output_shape, args.to) if out is not None else None
            status = self._clean(sink, rejects, explain)
            if destination is not None:
                if status in (EXIT_INTERRUPTED, EXIT_USAGE):
                    destination.discard()
                elif self.rejected_count and not args.rejects:
                    # Replacing the file would drop the rejected records from it for good.
                    destination.discard()
                    print(
                        f"{source.name}: left unchanged because records were rejected; "
                        "add --rejects FILE to keep them and replace it anyway",
                        file=sys.stderr,
                    )
                else:
                    destination.commit()
                destination = None
            return status
        finally:
            if destination is not None:
                destination.discard()
            for file in self._files:
                with contextlib.suppress(OSError):
                    file.close()
            source.close()

    def _open(self, path: str | None) -> IO[bytes] | None:
        if path is None:
            return None
        try:
            raw = open(path, "wb")  # noqa: SIM115 (closed at the end of the run)
        except OSError as error:
            raise InputError(f"{path}: cannot write: {error.strerror or error}") from None
        stream = compressing(raw, path)
        self._files.extend([stream, raw] if stream is not raw else [raw])
        return stream

    def _open_output(self) -> tuple[IO[bytes] | None, Destination | None]:
        args = self.args
        if args.check:
            return None, None
        if args.in_place:
            destination = Destination(args.input)
            return destination.stream, destination
        if args.output == "-":
            return sys.stdout.buffer, None
        return self._open(args.output), None

    def _clean(
        self, sink: Sink | None, rejects: IO[bytes] | None, explain: IO[bytes] | None
    ) -> int:
        args = self.args
        source = self.source
        settings = Settings(
            format=args.input_format, explain=bool(args.explain or args.summary), check=args.check
        )
        progress: Progress | None = None
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
                    else:
                        self._reject(outcome, rejects)
                if sink is not None:
                    sink.write(texts)
                if progress is not None:
                    progress.update(len(outcomes))
            for line, rejected in source.errors:
                self._reject(Failed(line, rejected), rejects)
        except KeyboardInterrupt:
            self._finish(sink, progress)
            print(f"arxivmeta: interrupted after {self.read:,} records", file=sys.stderr)
            return EXIT_INTERRUPTED
        except (OSError, EOFError, lzma.LZMAError) as error:
            if isinstance(error, BrokenPipeError):
                raise
            self._finish(sink, progress)
            return _error(f"{source.name}: stopped after {self.read:,} records: {error}")
        self._finish(sink, progress)
        return self._report()

    def _finish(self, sink: Sink | None, progress: Progress | None) -> None:
        if progress is not None:
            progress.close()
        if sink is not None:
            sink.finish()

    def _steps(self, outcome: Cleaned, explain: IO[bytes] | None) -> None:
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

    def _reject(self, failed: Failed, rejects: IO[bytes] | None) -> None:
        rejected = failed.rejected
        if rejected.source is None:
            rejected = rejected.model_copy(update={"source": self.source.name})
        self.rejected_count += 1
        if rejects is not None:
            rejects.write(rejected.model_dump_json().encode("utf-8") + b"\n")
        if self.rejected_count <= MAX_MESSAGES:
            where = f"{self.source.name}:{failed.line}"
            if self.source.shape == "json":
                where += f": record {rejected.position}"
            print(f"{where}: {rejected.reason}", file=sys.stderr)

    def _report(self) -> int:
        args = self.args
        name = self.source.name
        if self.rejected_count:
            hidden = self.rejected_count - MAX_MESSAGES
            more = f" ({hidden:,} not shown)" if hidden > 0 else ""
            kept = f"; see {args.rejects}" if args.rejects else "; keep them with --rejects FILE"
            print(
                f"{name}: {self.rejected_count:,} of {self.read:,} records rejected{more}{kept}",
                file=sys.stderr,
            )
        if args.summary:
            self._summary()
        if args.check:
            if self.changed:
                print(
                    f"{name}: {self.changed:,} of {self.read:,} records would change",
                    file=sys.stderr,
                )
            return EXIT_REJECTED if self.changed or self.rejected_count else EXIT_OK
        return EXIT_REJECTED if self.rejected_count else EXIT_OK

    def _summary(self) -> None:
        lines = [
            f"{self.read:,} records: {self.cleaned:,} cleaned, {self.rejected_count:,} rejected, "
            f"{self.changed:,} changed"
        ]
        width = max((len(fixer) for fixer in self.fixers), default=0)
        for fixer, count in sorted(self.fixers.items(), key=lambda pair: (-pair[1], pair[0])):
            lines.append(f"  {fixer:<{width}}  {count:>9,}")
        print("\n".join(lines), file=sys.stderr)
