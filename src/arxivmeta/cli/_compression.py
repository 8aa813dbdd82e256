"""Compressed files: recognised by their first bytes when read, chosen by suffix when written.

A reader trusts the content, not the name: gzip data called ``records.json`` is still gzip,
and standard input is sniffed the same way. The magic numbers are those of the formats'
specifications (RFC 1952 for gzip, the bzip2 and xz file formats, RFC 8878 for zstd).

>>> import gzip, io
>>> stream, kind = open_decompressed(io.BytesIO(gzip.compress(b'{"title": "A"}')))
>>> kind, stream.read()
('gzip', b'{"title": "A"}')
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
from typing import IO, cast

_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
_LONGEST_MAGIC = max(len(magic) for magic, _ in _MAGIC)

DECOMPRESSION_ERRORS = (OSError, EOFError, lzma.LZMAError)
"""What a damaged compressed stream raises while it is read."""


class UnsupportedCompression(OSError):
    """Data compressed in a format this installation cannot read; the message says what to do."""


def sniff_compression(head: bytes) -> str | None:
    """The compression format whose magic number starts ``head``, or ``None`` for plain data.

    >>> sniff_compression(b"BZh91AY&SY"), sniff_compression(b'{"title": "BZh"}')
    ('bzip2', None)
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic) and (kind != "bzip2" or head[3:4].isdigit()):
            return kind
    return None


class _Replayed(io.RawIOBase):
    """A binary stream that first gives back bytes already read from it, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def open_decompressed(raw: IO[bytes]) -> tuple[IO[bytes], str | None]:
    """Wrap ``raw`` so it reads decompressed data, as its first bytes say; also the format.

    Raises :class:`UnsupportedCompression` for zstd, which needs a module not installed.
    """
    head = raw.read(_LONGEST_MAGIC)
    kind = sniff_compression(head)
    replayed = cast(IO[bytes], io.BufferedReader(_Replayed(head, raw), 1 << 16))
    if kind == "gzip":
        return cast(IO[bytes], gzip.GzipFile(fileobj=replayed, mode="rb")), kind
    if kind == "bzip2":
        return cast(IO[bytes], bz2.BZ2File(replayed, mode="rb")), kind
    if kind == "xz":
        return cast(IO[bytes], lzma.LZMAFile(replayed, mode="rb")), kind
    if kind == "zstd":
        raise UnsupportedCompression(
            "zstd-compressed data cannot be read here; decompress it first (zstd -d)"
        )
    return replayed, None


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def compressing(raw: IO[bytes], path: str) -> IO[bytes]:
    """Wrap ``raw`` so what is written to it is compressed as ``path``'s suffix says.

    >>> import io
    >>> compressing(io.BytesIO(), "clean.jsonl.gz").__class__.__name__
    'GzipFile'
    """
    suffix = _suffix(path)
    if suffix == ".gz":
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0))
    if suffix == ".bz2":
        return cast(IO[bytes], bz2.BZ2File(raw, mode="wb"))
    if suffix == ".xz":
        return cast(IO[bytes], lzma.LZMAFile(raw, mode="wb"))
    return raw
