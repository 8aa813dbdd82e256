"""Read records from JSON or JSON Lines files and write them back, in bounded memory.

Input is split into raw items (the text of one record) without decoding them, so worker
processes do the decoding. JSON Lines (https://jsonlines.org) is read line by line; a JSON
array is scanned element by element with :meth:`json.JSONDecoder.raw_decode`, so neither
needs the whole file in memory (one record at a time, plus a read buffer of about 1 MiB).
``.gz``, ``.bz2`` and ``.xz`` files are (de)compressed on the fly, chosen by suffix.

>>> import io
>>> source = Source.from_stream(io.BytesIO(b'[{"title": "A"},\\n {"title": "B"}]'), "x.json")
>>> source.shape, [(item.position, item.line, item.raw) for item in source.items()]
('json', [(1, 1, '{"title": "A"}'), (2, 2, '{"title": "B"}')])
"""

from __future__ import annotations

import bz2
import codecs
import contextlib
import gzip
import json
import lzma
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Literal, cast

from arxivmeta.batch import Rejected, shorten_raw

Shape = Literal["json", "jsonl", "object"]
"""``json``: an array of records; ``jsonl``: one record per line; ``object``: one record."""

READ_SIZE = 1 << 20
_WHITESPACE = b" \t\r\n"
_BOM = codecs.BOM_UTF8
_SNIFF_LINES = 5
_SNIFF_LIMIT = 64 << 20  # bytes read at most before deciding


class InputError(Exception):
    """An input or output file that cannot be opened or read; the message names it."""


@dataclass(frozen=True, slots=True)
class Item:
    """The raw text of one record: its position (line or index), first line, and text."""

    position: int
    line: int
    raw: bytes | str


def _compression(path: str) -> str | None:
    suffix = os.path.splitext(path)[1].lower()
    return suffix if suffix in {".gz", ".bz2", ".xz"} else None


def _decompressing(raw: IO[bytes], path: str) -> IO[bytes]:
    kind = _compression(path)
    if kind == ".gz":
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))
    if kind == ".bz2":
        return cast(IO[bytes], bz2.BZ2File(raw, mode="rb"))
    if kind == ".xz":
        return cast(IO[bytes], lzma.LZMAFile(raw, mode="rb"))
    return raw


def compressing(raw: IO[bytes], path: str) -> IO[bytes]:
    """Wrap ``raw`` so what is written to it is compressed as ``path``'s suffix says."""
    kind = _compression(path)
    if kind == ".gz":
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0))
    if kind == ".bz2":
        return cast(IO[bytes], bz2.BZ2File(raw, mode="wb"))
    if kind == ".xz":
        return cast(IO[bytes], lzma.LZMAFile(raw, mode="wb"))
    return raw


def _is_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _sniff(head: bytes) -> Shape:
    """Guess the shape from the first bytes: an array, one object, or JSON Lines.

    >>> _sniff(b'{"a": 1}\\n{"a": 2}\\n'), _sniff(b'{\\n  "a": 1\\n}\\n'), _sniff(b' [{}]')
    ('jsonl', 'object', 'json')
    """
    text = head.lstrip(_WHITESPACE)
    if text.startswith(b"["):
        return "json"
    if not text.startswith(b"{"):
        return "jsonl"
    # A line holding a whole object marks JSON Lines, even when the first line is damaged; a
    # pretty-printed object never has one (its lines are braces and "key": value pairs).
    lines = text.split(b"\n", _SNIFF_LINES)[:_SNIFF_LINES]
    if any(_is_object(line) for line in lines if line.strip(_WHITESPACE)):
        return "jsonl"
    return "object"


class Source:
    """One input file (or stdin): its shape, its raw items, and how much of it was read."""

    def __init__(
        self,
        stream: IO[bytes],
        name: str,
        *,
        raw: IO[bytes] | None = None,
        size: int | None = None,
        shape: Shape | None = None,
    ) -> None:
        self.name = name
        self.size = size
        self._stream = stream
        self._raw = raw if raw is not None else stream
        self._head = self._read_head()
        self.shape: Shape = shape or _sniff(self._head)
        self.errors: list[tuple[int, Rejected]] = []
        """Damage that stopped the reading of an array: (line, rejection)."""

    @classmethod
    def open(
        cls, path: str, *, shape: Shape | None = None, stdin: IO[bytes] | None = None
    ) -> Source:
        """Open ``path`` (``-``: ``stdin``); raise :class:`InputError` if it is unreadable."""
        if path == "-":
            if stdin is None:
                raise InputError("no standard input")
            return cls(stdin, "<stdin>", shape=shape)
        try:
            raw = open(path, "rb")  # noqa: SIM115 (closed by Source.close)
        except OSError as error:
            raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
        info = os.fstat(raw.fileno())
        if stat.S_ISDIR(info.st_mode):
            raw.close()
            raise InputError(f"{path}: is a directory")
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        try:
            return cls(_decompressing(raw, path), path, raw=raw, size=size, shape=shape)
        except (OSError, EOFError, lzma.LZMAError) as error:
            raw.close()
            raise InputError(f"{path}: cannot read: {error}") from None

    @classmethod
    def from_stream(cls, stream: IO[bytes], name: str, *, shape: Shape | None = None) -> Source:
        """Read from an already open binary stream."""
        return cls(stream, name, shape=shape)

    def _read_head(self) -> bytes:
        parts: list[bytes] = []
        size = newlines = 0
        first = b""
        # Read on while only whitespace has arrived, or while an object has not yet shown a
        # complete line, so the sniffer sees real content (first lines can be long).
        while size < _SNIFF_LIMIT:
            more = self._stream.read(READ_SIZE)
            if not more:
                break
            if not parts:
                more = more.removeprefix(_BOM)
            parts.append(more)
            size += len(more)
            newlines += more.count(b"\n")
            first = first or more.lstrip(_WHITESPACE)[:1]
            if first and (first != b"{" or newlines >= 2):
                break
        return b"".join(parts)

    def bytes_read(self) -> int | None:
        """Bytes consumed from the file so far (compressed bytes for compressed files)."""
        try:
            return self._raw.tell()
        except (OSError, ValueError):
            return None

    def close(self) -> None:
        """Close the file (never standard input)."""
        if self._raw is not self._stream:
            self._stream.close()
        if self.name != "<stdin>":
            self._raw.close()

    def _chunks(self) -> Iterator[bytes]:
        if self._head:
            yield self._head
        while chunk := self._stream.read(READ_SIZE):
            yield chunk

    def items(self) -> Iterator[Item]:
        """Yield the raw items in order. Structural damage is recorded in :attr:`errors`."""
        if self.shape == "jsonl":
            return self._lines()
        if self.shape == "object":
            return self._object()
        return self._array()

    def _lines(self) -> Iterator[Item]:
        tail: list[bytes] = []
        number = 0
        for chunk in self._chunks():
            if b"\n" not in chunk:
                tail.append(chunk)  # one long line: join once, not once per chunk
                continue
            lines = chunk.split(b"\n")
            if tail:
                lines[0] = b"".join((*tail, lines[0]))
            tail = [lines.pop()]
            for line in lines:
                number += 1
                if line.strip(_WHITESPACE):
                    yield Item(number, number, line)
        last = b"".join(tail)
        if last.strip(_WHITESPACE):
            yield Item(number + 1, number + 1, last)

    def _object(self) -> Iterator[Item]:
        data = b"".join(self._chunks())
        if data.strip(_WHITESPACE):
            first = len(data) - len(data.lstrip(_WHITESPACE))
            yield Item(1, data.count(b"\n", 0, first) + 1, data)

    def _array(self) -> Iterator[Item]:
        scanner = _ArrayScanner(self._chunks(), self.name)
        yield from scanner
        self.errors.extend(scanner.errors)


_SCAN = json.JSONDecoder()


class _ArrayScanner:
    """Split a JSON array into the raw text of its elements, reading as little as needed."""

    def __init__(self, chunks: Iterator[bytes], name: str) -> None:
        self._chunks = chunks
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._name = name
        self._buffer = ""
        self._pos = 0
        self._line = 1
        self._eof = False
        self._index = 0
        self.errors: list[tuple[int, Rejected]] = []

    def _more(self, at_least: int = READ_SIZE) -> bool:
        """Append at least ``at_least`` characters (or the rest) to the buffer."""
        if self._eof:
            return False
        if self._pos > READ_SIZE and self._pos * 2 > len(self._buffer):
            self._buffer = self._buffer[self._pos :]
            self._pos = 0
        added = 0
        parts = [self._buffer]
        while added < at_least:
            chunk = next(self._chunks, b"")
            text = self._decoder.decode(chunk, final=not chunk)
            parts.append(text)
            added += len(text)
            if not chunk:
                self._eof = True
                break
        self._buffer = "".join(parts)
        return added > 0 or not self._eof

    def _skip_space(self) -> str:
        """Move past whitespace and return the next character ('' at the end)."""
        while True:
            buffer = self._buffer
            pos = self._pos
            while pos < len(buffer) and buffer[pos] in " \t\r\n":
                if buffer[pos] == "\n":
                    self._line += 1
                pos += 1
            self._pos = pos
            if pos < len(buffer):
                return buffer[pos]
            if not self._more():
                return ""

    def _fail(self, index: int, reason: str) -> None:
        rest = self._buffer[self._pos : self._pos + 4096]
        rejected = Rejected(position=index, reason=reason, raw=shorten_raw(rest), source=self._name)
        self.errors.append((self._line, rejected))

    def __iter__(self) -> Iterator[Item]:
        try:
            yield from self._scan()
        except UnicodeDecodeError as error:
            self._fail(
                self._index + 1,
                f"not valid UTF-8 ({error.reason}); the rest of the file was not read",
            )

    def _scan(self) -> Iterator[Item]:
        if self._skip_space() != "[":
            self._fail(1, "not a JSON array")
            return
        self._pos += 1
        index = self._index = 0
        while True:
            char = self._skip_space()
            if char == "]":
                break
            if char == "":
                self._fail(index + 1, "truncated JSON: the array is not closed")
                return
            index = self._index = index + 1
            start, line = self._pos, self._line
            wanted = READ_SIZE
            while True:
                try:
                    _, end = _SCAN.raw_decode(self._buffer, self._pos)
                    break
                except json.JSONDecodeError as error:
                    if self._more(wanted):
                        wanted *= 2  # retries re-scan the element: grow to stay linear
                        start = self._pos
                        continue
                    self._fail(
                        index, f"not valid JSON: {error.msg}; the rest of the array was not read"
                    )
                    return
                except (ValueError, RecursionError) as error:
                    self._fail(
                        index, f"unreadable element ({error}); the rest of the array was not read"
                    )
                    return
            text = self._buffer[start:end]
            self._line += text.count("\n")
            self._pos = end
            yield Item(index, line, text)
            char = self._skip_space()
            if char == ",":
                self._pos += 1
            elif char == "]":
                break
            elif char == "":
                self._fail(index + 1, "truncated JSON: the array is not closed")
                return
            else:
                self._fail(index + 1, f"not valid JSON: expected ',' or ']', found {char!r}")
                return
        self._pos += 1
        if self._skip_space() != "":
            self._fail(index + 1, "not valid JSON: extra data after the array")


class Sink:
    """Write cleaned records as JSON Lines, a JSON array or a single object."""

    def __init__(self, stream: IO[bytes], shape: Shape) -> None:
        self._stream = stream
        self.shape = shape
        self.count = 0
        self.closed = False

    def start(self) -> None:
        """Write what comes before the first record."""
        if self.shape == "json":
            self._stream.write(b"[")

    def write(self, texts: list[str]) -> None:
        """Write records, each already encoded as compact JSON text."""
        if not texts:
            return
        if self.shape == "jsonl":
            self._stream.write(("\n".join(texts) + "\n").encode("utf-8"))
        elif self.shape == "json":
            lead = "\n" if self.count == 0 else ",\n"
            self._stream.write((lead + ",\n".join(texts)).encode("utf-8"))
        else:
            for text in texts:
                value = json.loads(text)
                self._stream.write(
                    (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode()
                )
        self.count += len(texts)

    def finish(self) -> None:
        """Close the array, so the output is valid JSON even after an interruption."""
        if self.closed:
            return
        self.closed = True
        if self.shape == "json":
            self._stream.write(b"]\n" if self.count == 0 else b"\n]\n")
        self._stream.flush()


class Destination:
    """An output file written whole or not at all: a temporary file beside it, then a rename."""

    def __init__(self, path: str) -> None:
        self.path = path
        directory = os.path.dirname(os.path.abspath(path))
        try:
            fd, self._temporary = tempfile.mkstemp(
                dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
            )
        except OSError as error:
            raise InputError(f"{path}: cannot write beside it: {error.strerror or error}") from None
        self._raw = os.fdopen(fd, "wb")
        self.stream = compressing(self._raw, path)

    def commit(self) -> None:
        """Flush to disk and replace the target in one step."""
        if self.stream is not self._raw:
            self.stream.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        with contextlib.suppress(OSError):  # a new file keeps mkstemp's private mode
            os.chmod(self._temporary, stat.S_IMODE(os.stat(self.path).st_mode))
        os.replace(self._temporary, self.path)
        # The rename itself lives in the directory: sync it too, so a crash cannot undo it.
        with contextlib.suppress(OSError, AttributeError):
            directory = os.open(os.path.dirname(os.path.abspath(self.path)), os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)

    def discard(self) -> None:
        """Remove the temporary file, leaving the target untouched."""
        with contextlib.suppress(OSError):
            if self.stream is not self._raw:
                self.stream.close()
            self._raw.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._temporary)
