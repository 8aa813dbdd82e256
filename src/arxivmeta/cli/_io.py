"""Read records from JSON or JSON Lines files and write them back, without losing any.

Input is sniffed for compression by its first bytes (:mod:`arxivmeta.cli._compression`) and
split into raw items by :mod:`arxivmeta.cli._layout`, in bounded memory and without decoding
them, so worker processes do the decoding. Output files are written whole or not at all:
into a hidden temporary file beside the target, renamed over it at the end.

>>> import io
>>> source = InputFile.from_stream(io.BytesIO(b'[{"title": "A"},\\n {"title": "B"}]'), "x.json")
>>> source.shape, [(item.position, item.line, item.raw) for item in source.items()]
('json', [(1, 1, b'{"title": "A"}'), (2, 2, b'{"title": "B"}')])
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from typing import IO

from arxivmeta.cli._compression import DECOMPRESSION_ERRORS, compressing, open_decompressed
from arxivmeta.cli._layout import (
    InputShape,
    Item,
    Shape,
    _Window,
    detect,
    items as layout_items,
)

__all__ = [
    "InputError",
    "InputFile",
    "InputShape",
    "Item",
    "Output",
    "OutputError",
    "OutputFile",
    "Shape",
    "Sink",
]

READ_SIZE = 1 << 20


class InputError(Exception):
    """An input file that cannot be opened or read; the message names it."""


class OutputError(Exception):
    """An output that cannot be written (a full disk, a closed pipe...); the message names it."""


class InputFile:
    """One input file (or stdin): its layout, its raw items, and how much of it was read.

    :attr:`damage` lists problems with the structure of the file (an array cut short, text
    after its end, an element whose brackets are broken), found while reading the items.
    """

    def __init__(
        self,
        stream: IO[bytes],
        name: str,
        *,
        raw: IO[bytes] | None = None,
        size: int | None = None,
        shape: InputShape | None = None,
        compression: str | None = None,
        read_size: int = READ_SIZE,
    ) -> None:
        self.name = name
        self._read_size = read_size
        self.size = size
        self.compression = compression
        self._stream = stream
        self._raw = raw if raw is not None else stream
        self.damage: list[str] = []
        self._window = _Window(self._chunks())
        found = detect(self._window)
        self.empty = found is None
        """Whether the input holds nothing but whitespace."""
        self.shape: InputShape = shape or found or "jsonl"

    @classmethod
    def open(
        cls, path: str, *, shape: InputShape | None = None, stdin: IO[bytes] | None = None
    ) -> InputFile:
        """Open ``path`` (``-``: ``stdin``); raise :class:`InputError` if it is unreadable."""
        if path == "-":
            if stdin is None:
                raise InputError("no standard input")
            return cls.from_stream(stdin, "<stdin>", shape=shape)
        try:
            raw = open(path, "rb")  # noqa: SIM115 (closed by InputFile.close)
        except OSError as error:
            raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
        info = os.fstat(raw.fileno())
        if stat.S_ISDIR(info.st_mode):
            raw.close()
            raise InputError(f"{path}: is a directory")
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        try:
            stream, compression = open_decompressed(raw)
            return cls(stream, path, raw=raw, size=size, shape=shape, compression=compression)
        except InputError:
            raw.close()
            raise
        except DECOMPRESSION_ERRORS as error:
            raw.close()
            raise InputError(f"{path}: cannot read: {error}") from None

    @classmethod
    def from_stream(
        cls,
        stream: IO[bytes],
        name: str,
        *,
        shape: InputShape | None = None,
        read_size: int = READ_SIZE,
    ) -> InputFile:
        """Read from an already open binary stream (compressed or not), ``read_size`` bytes
        at a time."""
        try:
            decompressed, compression = open_decompressed(stream)
            return cls(
                decompressed,
                name,
                raw=stream,
                shape=shape,
                compression=compression,
                read_size=read_size,
            )
        except DECOMPRESSION_ERRORS as error:
            raise InputError(f"{name}: cannot read: {error}") from None

    def bytes_read(self) -> int | None:
        """Bytes consumed from the file so far (compressed bytes for compressed files)."""
        try:
            return self._raw.tell()
        except (OSError, ValueError):
            return None

    def close(self) -> None:
        """Close the file (never standard input)."""
        if self.name != "<stdin>":
            with contextlib.suppress(*DECOMPRESSION_ERRORS):
                self._stream.close()
            self._raw.close()

    def _chunks(self) -> Iterator[bytes]:
        while True:
            try:
                chunk = self._stream.read(self._read_size)
            except DECOMPRESSION_ERRORS as error:
                raise InputError(f"{self.name}: cannot read on: {error}") from None
            if not chunk:
                return
            yield chunk

    def items(self) -> Iterator[Item]:
        """Yield the raw items in order; structural problems go to :attr:`damage`."""
        if self.empty:
            return iter(())
        return layout_items(self._window, self.shape, self.damage)


class Output:
    """A binary stream whose write errors come out as :class:`OutputError` naming it.

    A closed pipe stays a :class:`BrokenPipeError`: the reader left, nothing went wrong.
    """

    def __init__(self, stream: IO[bytes], label: str) -> None:
        self.stream = stream
        self.label = label

    def _failed(self, error: OSError) -> OutputError:
        return OutputError(f"{self.label}: cannot write: {error.strerror or error}")

    def write(self, data: bytes) -> None:
        try:
            self.stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error) from None


class OutputFile(Output):
    """A file written whole or not at all: a temporary file beside it, then a rename.

    The temporary file is hidden (``.NAME.PID.xxxx.tmp``) and removed on any error or stop
    signal; one left by ``SIGKILL``, which no process can answer, is removed by the next run
    writing the same file. A path that is not a regular file (``/dev/null``, a named pipe)
    is written directly.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._temporary: str | None = None
        try:
            info: os.stat_result | None = os.stat(path)
        except OSError:
            info = None
        try:
            if info is not None and not stat.S_ISREG(info.st_mode):
                if stat.S_ISDIR(info.st_mode):
                    raise IsADirectoryError(21, "Is a directory")
                fd = os.open(path, os.O_WRONLY)
            else:
                fd = self._open_temporary(os.path.dirname(os.path.abspath(path)))
        except OSError as error:
            raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None
        self._raw = os.fdopen(fd, "wb")
        super().__init__(compressing(self._raw, path), path)

    def _open_temporary(self, directory: str) -> int:
        base = os.path.basename(self.path)
        _remove_orphans(directory, base)
        fd, self._temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{base}.{os.getpid()}.", suffix=".tmp"
        )
        with contextlib.suppress(OSError):  # mkstemp's private mode, relaxed as umask allows
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
        return fd

    def commit(self) -> None:
        """Flush to disk and replace the target in one step; raise :class:`OutputError`."""
        try:
            if self.stream is not self._raw:
                self.stream.close()
            self._raw.flush()
            if self._temporary is None:
                self._raw.close()
                return
            os.fsync(self._raw.fileno())
            with contextlib.suppress(OSError):  # keep the mode of the file replaced
                os.fchmod(self._raw.fileno(), stat.S_IMODE(os.stat(self.path).st_mode))
            self._raw.close()
            os.replace(self._temporary, self.path)
            self._temporary = None
        except OSError as error:
            self.discard()
            raise self._failed(error) from None
        # The rename itself lives in the directory: sync it too, so a crash cannot undo it.
        with contextlib.suppress(OSError, AttributeError):
            directory = os.open(os.path.dirname(os.path.abspath(self.path)), os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)

    def discard(self) -> None:
        """Remove the temporary file, leaving the target untouched."""
        with contextlib.suppress(*DECOMPRESSION_ERRORS):
            if self.stream is not self._raw:
                self.stream.close()
        with contextlib.suppress(OSError):
            self._raw.close()
        if self._temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._temporary)
            self._temporary = None


def _remove_orphans(directory: str, base: str) -> None:
    """Remove temporary files of ``base`` left by runs that were killed (``SIGKILL``).

    Their names hold the id of the process that made them; one no longer running cannot
    finish its file.
    """
    prefix = f".{base}."
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            pid = entry.name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and not _running(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to someone else
        return True
    return True


class Sink:
    """Write cleaned records as JSON Lines, a JSON array or a single object."""

    def __init__(self, output: Output, shape: Shape) -> None:
        self._output = output
        self.shape = shape
        self.count = 0
        self.closed = False

    def start(self) -> None:
        """Write what comes before the first record."""
        if self.shape == "json":
            self._output.write(b"[")

    def write(self, texts: list[str]) -> None:
        """Write records, each already encoded as compact JSON text."""
        if not texts:
            return
        if self.shape == "jsonl":
            self._output.write(("\n".join(texts) + "\n").encode("utf-8"))
        elif self.shape == "json":
            lead = "\n" if self.count == 0 else ",\n"
            self._output.write((lead + ",\n".join(texts)).encode("utf-8"))
        else:
            for text in texts:
                value = json.loads(text)
                self._output.write(
                    (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode()
                )
        self.count += len(texts)

    def finish(self) -> None:
        """Close the array, so the output is valid JSON even after an interruption."""
        if self.closed:
            return
        self.closed = True
        if self.shape == "json":
            self._output.write(b"]\n" if self.count == 0 else b"\n]\n")
        self._output.flush()
