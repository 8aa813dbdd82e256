"""Split a stream of JSON text into the raw bytes of its records, deciding the layout first.

The layout — JSON Lines (https://jsonlines.org), one JSON array, or one JSON object — is
decided from the structure of the text, never from whether the first lines happen to parse:

- a first value that closes on its first line and is followed by more text is a JSON Lines
  file (``[1]`` then objects is JSON Lines whose first line is an array);
- a value broken on its first lines (a line break inside a string, a bracket closing the
  wrong thing, a later line opening a new record at column 0) is JSON Lines when it began
  with ``{``, and an array with a damaged element when it began with ``[``;
- a file that is one value is a document: an array, or one (pretty-printed) object.

An array is split at its top-level commas by a linear scanner that tracks strings, escapes
and brackets, so a bad element (bad syntax, a huge number, deep nesting, bytes that are not
UTF-8) is one item that the cleaner rejects, and the elements after it are read as usual.
When an element's brackets or quotes are broken, reading resumes at the next line that
starts a value at the element's own indentation (pretty-printed arrays put elements there).
Text after the end of an array is read line by line. Every byte of the input ends up in
exactly one item, or is whitespace between items.

>>> items, damage = split(iter([b'[{"title": "A"}, {"title": 1e99999}\\n, {"title": "C"}]']))
>>> [(item.position, item.raw) for item in items], damage
([(1, b'{"title": "A"}'), (2, b'{"title": 1e99999}'), (3, b'{"title": "C"}')], [])
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Shape = Literal["json", "jsonl", "object"]
"""``json``: an array of records; ``jsonl``: one record per line; ``object``: one record."""

DETECTION_LIMIT = 16 << 20
"""Bytes of an unfinished first value read at most before the layout is decided."""

BOM = b"\xef\xbb\xbf"
_WHITESPACE = b" \t\r\n"
_SKIP_SPACE = re.compile(rb"[ \t\r\n]*")
_SKIP_SEPARATORS = re.compile(rb"[ \t\r\n,]*")
_OUTSIDE = re.compile(rb'[^"\[\]{},]*')
_OUTSIDE_TO_NEWLINE = re.compile(rb'[^"\[\]{},\n]*')
_IN_STRING = re.compile(rb'[^"\\\n]*')
_LINE_OPENING_VALUE = re.compile(rb'\n([ \t\r]*)([\[\]{"\-0-9tfn])')

_QUOTE, _BACKSLASH, _NEWLINE, _COMMA = b'"'[0], b"\\"[0], b"\n"[0], b","[0]
_OPENS = frozenset(b"{[")
_OPENER_OF = {b"}"[0]: b"{"[0], b"]"[0]: b"["[0]}
_ARRAY_END = b"]"[0]

_CLOSED, _DELIMITER, _BROKEN, _LINE_END, _END_OF_DATA, _TOO_LONG = range(6)


@dataclass(frozen=True, slots=True)
class Item:
    """The raw text of one record: its position (line or index), first line, and text."""

    position: int
    line: int
    raw: bytes | str


class _Window:
    """The bytes of a stream from the oldest one still needed, read in chunks as scanning goes.

    ``start`` is the first byte still needed and ``pos`` the scanning position, both indexes
    into ``buffer``; ``line`` is the line number at byte ``counted``.
    """

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.buffer = bytearray()
        self.base = 0
        self.pos = self.start = self.counted = 0
        self.line = 1
        self.line_start = 0
        self.stack = bytearray()
        self.in_string = False
        self._chunks = chunks

    def more(self) -> bool:
        """Drop what is no longer needed and append the next chunk; ``False`` at the end."""
        keep = self.start
        if keep:
            if self.counted < keep:
                self.count_lines(keep)
            del self.buffer[:keep]
            self.base += keep
            self.pos -= keep
            self.counted -= keep
            self.start = 0
        chunk = next(self._chunks, b"")
        if not chunk:
            return False
        self.buffer += chunk
        return True

    def count_lines(self, upto: int) -> None:
        """Bring :attr:`line` and :attr:`line_start` up to byte ``upto``."""
        newlines = self.buffer.count(b"\n", self.counted, upto)
        if newlines:
            self.line += newlines
            self.line_start = self.base + self.buffer.rfind(b"\n", self.counted, upto) + 1
        self.counted = upto

    def column(self, index: int) -> int:
        self.count_lines(index)
        return self.base + index - self.line_start

    def skip(self, pattern: re.Pattern[bytes]) -> int:
        """Move past what ``pattern`` matches; return the next byte, or -1 at the end."""
        while True:
            self.pos = pattern.match(self.buffer, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self.more():
                return -1

    def ensure(self, count: int) -> None:
        """Read on until ``count`` bytes from :attr:`pos` are buffered, or the data ends."""
        while len(self.buffer) - self.pos < count and self.more():
            pass

    def scan(self, *, until_closed: bool, stop_at_newline: bool, limit: int | None = None) -> int:
        """Scan a value on from :attr:`pos`; say why scanning stopped.

        Stops when the outermost bracket closes (``until_closed``), at a ``,`` or ``]`` that
        is not nested, at a break in the structure, at a line break outside strings
        (``stop_at_newline``), when more than ``limit`` bytes are held, or at the end.
        """
        buffer = self.buffer
        outside = _OUTSIDE_TO_NEWLINE if stop_at_newline else _OUTSIDE
        stack = self.stack
        while True:
            pos = self.pos
            if pos >= len(buffer):
                if limit is not None and pos - self.start > limit:
                    return _TOO_LONG
                if not self.more():
                    return _END_OF_DATA
                continue
            if self.in_string:
                pos = _IN_STRING.match(buffer, pos).end()  # type: ignore[union-attr]
                if pos >= len(buffer):
                    self.pos = pos
                    continue
                char = buffer[pos]
                if char == _QUOTE:
                    self.in_string = False
                    self.pos = pos + 1
                elif char == _NEWLINE:  # JSON strings hold no raw line break
                    self.pos = pos
                    return _BROKEN
                elif pos + 1 >= len(buffer):  # a backslash at the end of the buffer
                    self.pos = pos
                    if not self.more():
                        return _END_OF_DATA
                elif buffer[pos + 1] == _NEWLINE:
                    self.pos = pos + 1
                    return _BROKEN
                else:
                    self.pos = pos + 2
                continue
            pos = outside.match(buffer, pos).end()  # type: ignore[union-attr]
            self.pos = pos
            if pos >= len(buffer):
                continue
            char = buffer[pos]
            if char == _QUOTE:
                self.in_string = True
                self.pos = pos + 1
            elif char in _OPENS:
                stack.append(char)
                self.pos = pos + 1
            elif char == _NEWLINE:
                return _LINE_END
            elif char == _COMMA:
                if not stack:
                    return _DELIMITER
                self.pos = pos + 1
            elif stack and stack[-1] == _OPENER_OF[char]:
                stack.pop()
                self.pos = pos + 1
                if until_closed and not stack:
                    return _CLOSED
            elif not stack and char == _ARRAY_END:
                return _DELIMITER
            else:
                return _BROKEN

    def resynchronise(self, column: int) -> int:
        """Find the next line opening a value (or closing the array) at ``column`` or left of it.

        Returns the byte found there (:attr:`pos` is on it), or -1 at the end of the data
        (:attr:`pos` is then at the end).
        """
        searched = self.buffer.find(b"\n", self.start)
        while True:
            if searched >= 0:
                found = _LINE_OPENING_VALUE.search(self.buffer, searched)
                while found is not None and len(found.group(1)) > column:
                    found = _LINE_OPENING_VALUE.search(self.buffer, found.end())
                if found is not None:
                    self.pos = found.start(2)
                    return self.buffer[self.pos]
                # Look again from the last line break: its line may continue in the next chunk.
                searched = self.buffer.rfind(b"\n", searched)
            offset = searched - self.start if searched >= 0 else -1
            self.pos = len(self.buffer)
            if not self.more():
                return -1
            searched = self.start + offset if offset >= 0 else self.buffer.find(b"\n", self.start)


def _trimmed(data: bytearray | bytes) -> bytes:
    return bytes(data).strip(_WHITESPACE)


def detect(window: _Window) -> Shape | None:
    """Decide the layout from the first value; ``None`` for a file holding only whitespace.

    Leaves :attr:`_Window.pos` where the first value starts.
    """
    window.ensure(len(BOM))
    if window.buffer.startswith(BOM):
        window.pos = len(BOM)
    first = window.skip(_SKIP_SPACE)
    if first < 0:
        return None
    if first not in _OPENS:
        return "jsonl"
    window.start = window.pos
    opened_with_brace = first == b"{"[0]
    window.stack.clear()
    window.in_string = False
    several_lines = False
    while True:
        status = window.scan(until_closed=True, stop_at_newline=True, limit=DETECTION_LIMIT)
        if status == _LINE_END:
            if not opened_with_brace:
                shape: Shape = "json"  # an array spanning lines: elements follow
                break
            # A line that opens a new record at column 0 while the first is still open: the
            # first was cut short. Pretty-printed objects put nested objects on lines of
            # their own, as a bare ``{``.
            window.pos += 1
            window.ensure(2)
            if window.buffer[window.pos : window.pos + 2] == b'{"':
                shape = "jsonl"
                break
            several_lines = True
            continue
        if status == _CLOSED:
            more = window.skip(_SKIP_SPACE) >= 0
            if not more:
                shape = "object" if opened_with_brace and several_lines else first_shape(first)
            else:
                shape = "jsonl" if opened_with_brace or not several_lines else "json"
            break
        if status == _END_OF_DATA:
            shape = "object" if opened_with_brace and several_lines else first_shape(first)
            break
        # Broken, or too long to be the one object of a document.
        shape = "jsonl" if opened_with_brace else "json"
        break
    window.pos = window.start
    return shape


def first_shape(first: int) -> Shape:
    """The layout of a file whose one line opens with ``first``."""
    return "jsonl" if first == b"{"[0] else "json"


def array_items(window: _Window, damage: list[str]) -> Iterator[Item]:
    """Yield the elements of the array starting at :attr:`_Window.pos` (on its ``[``)."""
    window.pos += 1
    index = 0
    while True:
        window.start = window.pos
        char = window.skip(_SKIP_SEPARATORS)
        if char < 0:
            damage.append("the array is not closed: the file is cut short")
            return
        if char == _ARRAY_END:
            window.pos += 1
            break
        index += 1
        start = window.start = window.pos
        column = window.column(start)
        line = window.line
        window.stack.clear()
        window.in_string = False
        status = window.scan(until_closed=False, stop_at_newline=False)
        if status == _DELIMITER:
            yield Item(index, line, _trimmed(window.buffer[window.start : window.pos]))
            if window.buffer[window.pos] == _ARRAY_END:
                window.pos += 1
                break
            window.pos += 1
            continue
        if status == _END_OF_DATA:
            yield Item(index, line, _trimmed(window.buffer[window.start :]))
            damage.append(f"the array is not closed: the file is cut short in record {index}")
            return
        found = window.resynchronise(column)
        raw = _trimmed(window.buffer[window.start : window.pos])
        # The comma before the next element most likely separated this one from it.
        yield Item(index, line, raw[:-1].rstrip(_WHITESPACE) if raw.endswith(b",") else raw)
        damage.append(
            f"record {index} (line {line}) is damaged; reading went on at the next line "
            "that starts a record"
        )
        if found < 0:
            damage.append("the array is not closed: the file is cut short")
            return
        if found == _ARRAY_END:
            window.pos += 1
            break
    window.start = window.pos
    if window.skip(_SKIP_SPACE) < 0:
        return
    window.count_lines(window.pos)
    damage.append(f"text after the end of the array (line {window.line}) was read line by line")
    yield from line_items(window, first_position=index + 1)


def line_items(window: _Window, *, first_position: int | None = None) -> Iterator[Item]:
    """Yield each non-blank line from :attr:`_Window.pos` on; a line's position is its number.

    With ``first_position``, positions count records from there instead.
    """
    window.count_lines(window.pos)
    number = window.line
    position = first_position
    searched = window.pos
    while True:
        end = window.buffer.find(b"\n", searched)
        if end < 0:
            window.start = window.pos
            unsearched = len(window.buffer) - window.pos
            if not window.more():
                break
            searched = window.pos + unsearched
            continue
        text = bytes(window.buffer[window.pos : end])
        if text.strip(_WHITESPACE):
            yield Item(position or number, number, text.removeprefix(BOM))
            position = position and position + 1
        window.pos = searched = end + 1
        window.counted = window.pos
        number += 1
    text = bytes(window.buffer[window.pos :])
    if text.strip(_WHITESPACE):
        yield Item(position or number, number, text.removeprefix(BOM))


def object_item(window: _Window) -> Iterator[Item]:
    """Yield the rest of the data as one record."""
    window.start = window.pos
    window.count_lines(window.pos)
    line = window.line
    while window.more():
        pass
    yield Item(1, line, _trimmed(window.buffer[window.start :]))


def items(window: _Window, shape: Shape, damage: list[str]) -> Iterator[Item]:
    """Yield the records of a stream whose layout is ``shape``."""
    if shape == "jsonl":
        return line_items(window)
    if shape == "object" or window.skip(_SKIP_SPACE) != b"["[0]:
        return object_item(window)
    return array_items(window, damage)


def split(chunks: Iterator[bytes], shape: Shape | None = None) -> tuple[list[Item], list[str]]:
    """Split a whole stream at once (for tests and small inputs): its items and damage."""
    window = _Window(chunks)
    found = detect(window)
    if found is None:
        return [], []
    damage: list[str] = []
    return list(items(window, shape or found, damage)), damage
