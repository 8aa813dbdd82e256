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

An XML document (an arXiv API Atom feed, an OAI-PMH response) is told by its first bytes
and split by :func:`xml_items` into one item per ``entry`` or ``record`` element; there,
the text around the records (the feed's own title, an OAI-PMH resumption token) is not
a record and is left out.

>>> items, damage = split(iter([b'[{"title": "A"}, {"title": 1e99999}\\n, {"title": "C"}]']))
>>> [(item.position, item.raw) for item in items], damage
([(1, b'{"title": "A"}'), (2, b'{"title": 1e99999}'), (3, b'{"title": "C"}')], [])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, NamedTuple
from xml.parsers import expat

Shape = Literal["json", "jsonl", "object"]
"""``json``: an array of records; ``jsonl``: one record per line; ``object``: one record."""

InputShape = Literal["json", "jsonl", "object", "xml"]
"""The layouts read: a :data:`Shape`, or ``xml``: an XML document (an arXiv API Atom feed,
an OAI-PMH response), one record per ``entry`` or ``record`` element."""

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
_TAG_OPEN, _TAG_CLOSE, _SLASH = b"<"[0], b">"[0], b"/"[0]

_CLOSED, _DELIMITER, _BROKEN, _LINE_END, _END_OF_DATA, _TOO_LONG = range(6)


@dataclass(frozen=True, slots=True)
class Item:
    """The raw text of one record: its position (line or index), first line, and text.

    ``xml`` says the text is an XML record (an element of an XML document), not JSON.
    """

    position: int
    line: int
    raw: bytes | str
    xml: bool = False


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


def detect(window: _Window) -> InputShape | None:
    """Decide the layout from the first value; ``None`` for a file holding only whitespace.

    A file opening with an XML declaration, an Atom ``<feed`` or an ``<OAI-PMH`` element is
    an XML document.

    Leaves :attr:`_Window.pos` where the first value starts.
    """
    window.ensure(len(BOM))
    if window.buffer.startswith(BOM):
        window.pos = len(BOM)
    first = window.skip(_SKIP_SPACE)
    if first < 0:
        return None
    if first == _TAG_OPEN and _is_xml(window):
        return "xml"
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


def items(window: _Window, shape: InputShape, damage: list[str]) -> Iterator[Item]:
    """Yield the records of a stream whose layout is ``shape``."""
    if shape == "xml":
        return xml_items(window, damage)
    if shape == "jsonl":
        return line_items(window)
    if shape == "object" or window.skip(_SKIP_SPACE) != b"["[0]:
        return object_item(window)
    return array_items(window, damage)


def split(chunks: Iterator[bytes], shape: InputShape | None = None) -> tuple[list[Item], list[str]]:
    """Split a whole stream at once (for tests and small inputs): its items and damage."""
    window = _Window(chunks)
    found = detect(window)
    if found is None:
        return [], []
    damage: list[str] = []
    return list(items(window, shape or found, damage)), damage


_XML_START = re.compile(rb"<(?:\?xml[ \t\r\n?]|(?:[A-Za-z_][\w.\-]*:)?(?:feed|OAI-PMH)[ \t\r\n/>])")
_XML_PEEK = 64
_XML_ITEM_TAGS = frozenset({"entry", "record", "arXiv", "arXivRaw", "dc"})
"""Elements each of which is one record: an Atom ``entry`` of an arXiv API feed, an OAI-PMH
``record`` (its header and metadata), or a record element that is the whole document."""
_QUOTES = frozenset(b"\"'")


def _is_xml(window: _Window) -> bool:
    """Whether the text at :attr:`_Window.pos` opens an XML declaration, an Atom feed or an
    OAI-PMH response."""
    window.ensure(_XML_PEEK)
    return _XML_START.match(window.buffer, window.pos) is not None


def _quoted(value: str) -> bytes:
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return f'"{escaped}"'.encode()


def _start_tag_end(data: bytearray, start: int) -> int:
    """The index past the ``>`` of the tag at ``start``; quoted values may hold ``>``."""
    quote = 0
    for index in range(start, len(data)):
        char = data[index]
        if quote:
            quote = 0 if char == quote else quote
        elif char in _QUOTES:
            quote = char
        elif char == _TAG_CLOSE:
            return index + 1
    return len(data)


class _DoctypeFound(Exception):
    """The document has a DTD; it is not split, so no entity is ever expanded."""


class _Found(NamedTuple):
    start: int
    end: int
    line: int
    name: str
    inherited: dict[str, str]


class _XmlSplitter:
    """Expat callbacks noting where each record element starts and ends (byte offsets from
    the start of the document), and the namespaces declared around it.

    Namespace processing stays off, so ``xmlns`` declarations arrive as attributes: each
    element's scope is its parent's plus its own.
    """

    def __init__(self) -> None:
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.scopes: list[dict[str, str]] = [{}]
        self.open: _Found | None = None
        self.open_depth = 0
        self.finished: list[_Found] = []
        self.settled = 0
        """An offset before which no record starts: expat may hold a tag it has read only
        partly, so the bytes it was given are not all settled."""

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rsplit(":", 1)[-1]
        scope = self.scopes[-1]
        declared = {k: v for k, v in attributes.items() if k == "xmlns" or k[:6] == "xmlns:"}
        if self.open is None and local in _XML_ITEM_TAGS:
            inherited = {k: v for k, v in scope.items() if k not in declared}
            here = self.parser.CurrentByteIndex
            self.open = _Found(here, here, self.parser.CurrentLineNumber, name, inherited)
            self.open_depth = len(self.scopes)
        self.scopes.append({**scope, **declared} if declared else scope)

    def _end(self, name: str) -> None:
        self.scopes.pop()
        if self.open is not None and self.open_depth == len(self.scopes):
            self.finished.append(self.open._replace(end=self.parser.CurrentByteIndex))
            self.open = None
        if self.open is None:
            self.settled = self.parser.CurrentByteIndex

    def _doctype(self, *_: object) -> None:
        raise _DoctypeFound


def xml_items(window: _Window, damage: list[str]) -> Iterator[Item]:
    """Yield each record element of the XML document at :attr:`_Window.pos`, in order.

    Expat reads the document a chunk at a time without building a tree, so memory holds
    one record (and the document's start, until the first record). A record's text is its
    own bytes, its start tag given the namespace declarations of its ancestors that it
    does not make itself, so that it stands alone; its position is its index. The XML
    reader's limits (length, depth) apply to each record as it is cleaned. Nothing is
    dropped: a document with a DTD (never expanded here) or without any record (an empty
    feed, an OAI-PMH error) is one item, which the cleaner accepts or rejects with its
    reason, and at a syntax error the rest of the document, from the record it broke in,
    is one last item.

    >>> feed = b'<feed xmlns="http://www.w3.org/2005/Atom">\\n<entry><id>1</id></entry></feed>'
    >>> [(item.position, item.line, item.raw) for item in split(iter([feed]))[0]]
    [(1, 2, b'<entry xmlns="http://www.w3.org/2005/Atom"><id>1</id></entry>')]
    """
    window.count_lines(window.pos)
    first_line = window.line
    origin = window.base + window.pos  # the stream offset of the document's first byte
    window.start = window.pos
    splitter = _XmlSplitter()
    index = 0
    done = origin  # the stream offset past the last record yielded

    def item(found: _Found) -> Item:
        start = origin + found.start - window.base
        tag_end = _start_tag_end(window.buffer, start)
        if window.buffer[tag_end - 2] == _SLASH:  # an empty element, <entry/>
            end = tag_end
        else:  # expat reports the end at the ``<`` of the end tag
            end = window.buffer.index(b">", origin + found.end - window.base) + 1
        raw = bytes(window.buffer[start:end])
        nonlocal done
        done = window.base + end
        declarations = b"".join(
            b" " + key.encode() + b"=" + _quoted(value) for key, value in found.inherited.items()
        )
        if declarations:
            cut = 1 + len(found.name.encode())
            raw = raw[:cut] + declarations + raw[cut:]
        return Item(index, first_line + found.line - 1, raw, xml=True)

    def rest(offset: int) -> bytes:
        window.start = max(window.start, origin + offset - window.base)
        while window.more():
            pass
        return _trimmed(window.buffer[window.start :])

    chunk = bytes(window.buffer[window.pos :])
    while True:
        failure: expat.ExpatError | None = None
        try:
            splitter.parser.Parse(chunk, not chunk)
        except _DoctypeFound:  # met before any element, so no record was found yet
            yield Item(1, first_line, rest(0), xml=True)
            return
        except expat.ExpatError as error:
            failure = error
        # The records completed before a syntax error are whole: they come out first.
        for found in splitter.finished:
            index += 1
            yield item(found)
        splitter.finished.clear()
        if failure is not None:
            yield from _broken_rest(
                failure,
                splitter,
                index=index,
                done=done - origin,
                first_line=first_line,
                rest=rest,
                damage=damage,
            )
            return
        if not chunk:
            break
        # Kept: the open record, or the document's start until a record is found.
        keep = splitter.settled if index else 0
        if splitter.open is not None:
            keep = splitter.open.start
        window.start = origin + keep - window.base
        window.pos = len(window.buffer)
        chunk = bytes(window.buffer[window.pos :]) if window.more() else b""
    if not index:
        yield Item(1, first_line, rest(0), xml=True)


def _broken_rest(
    error: expat.ExpatError,
    splitter: _XmlSplitter,
    *,
    index: int,
    done: int,
    first_line: int,
    rest: Callable[[int], bytes],
    damage: list[str],
) -> Iterator[Item]:
    """The rest of a document after a syntax error, as one record: from the record it
    broke in, or else from the end of the last complete record (``done``)."""
    if splitter.open is not None:
        broken, line = splitter.open.start, splitter.open.line
    else:
        broken, line = (max(splitter.settled, done) if index else 0), error.lineno
    text = rest(broken)
    damage.append(
        f"the XML is not well-formed (line {first_line + error.lineno - 1}, column "
        f"{error.offset + 1}): {expat.ErrorString(error.code)}; the rest of the file "
        f"from line {first_line + line - 1} is one record"
    )
    if text:
        yield Item(index + 1, first_line + line - 1, text, xml=True)
