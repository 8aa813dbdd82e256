"""The structure of an arXiv author line: pieces, separators, parentheses, numbered footnotes.

arXiv's author field is a list of names separated by ``,`` ``;`` ``and`` ``&``, each
optionally followed by a parenthesised affiliation or by footnote numbers that a final
group ``((1) Univ. A, (2) Univ. B)`` resolves. This module only cuts the line up; deciding
which piece is a name is :mod:`arxivmeta.authors._affiliations`' job.

>>> [(p.sep, p.text, p.groups) for p in split_pieces("A. Smith (MIT) and B. Jones")]
[('', 'A. Smith', ['MIT']), (' and ', 'B. Jones', [])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

_SEPARATOR_RE = regex.compile(r"\s*(?:,\s*(?:and|&)\s+|[,;:]|&|\s+and\s+)\s*")
_COMMENT_RE = regex.compile(
    r"additional\s+authors|authors?\s+not\s+shown|^\s*(?:et\s*al|and\s+\d*\s*others)",
    regex.IGNORECASE,
)
_REFS_RE = regex.compile(r"^\s*\d{1,3}\s*(?:(?:,|&|and|-|–)\s*\d{1,3}\s*)*[,.]?\s*$")
_REF_NUMBER_RE = regex.compile(r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?")
# Where a final block of numbered affiliations starts: "((1) ...", "(1 Dip. ...", "(1 - X",
# and, once parentheses were stripped, "(1) Case Western ..." after the last name.
_BLOCK_START_RE = regex.compile(
    r"^\s*(?:\(\s*\d{1,3}\s*\)|1\s*[-–:.)]?\s+(?=\p{L})|1\s*[-–:)]\s*(?=\p{L}))"
)
_MARKER_RE = regex.compile(
    r"\(\s*(\d{1,3})\s*\)\s*:?|(?<!\d)(\d{1,3})(?:\s*[-–:)]\s*|\s+|(?=\p{Lu}))(?=\p{L})"
)
_ABBREVIATED_END_RE = regex.compile(
    r"(?:\b\p{L}|Univ|Inst|Dept|Dep|Dip|Lab|Co|Inc|Ltd|Corp|Natl|Nat'l|Sci|Astr|Astron|"
    r"Phys|Tech|Res|Obs|Osserv|Oss|Ctr|Cent|Fac|Acad|Ist|St|Math|Ave|Rd|Soc|Div)\.$"
)


_PAREN_RE = re.compile(r"[()]+")
# How many unused footnote numbers may lie between two bracketed markers.
_MAX_GAP = 5


@dataclass(slots=True)
class Piece:
    """One stretch of a line between separators, with the parenthesised groups after it."""

    text: str
    sep: str = ""
    groups: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Segments:
    """A line cut into text and parenthesised groups (``kind`` is "text" or "group")."""

    kinds: list[str]
    values: list[str]


def segment(text: str) -> Segments:
    """Cut at top-level parentheses; an unclosed group runs to the end, a stray ``)`` is dropped.

    >>> segment("A (X (Y)) B").values
    ['A ', 'X (Y)', ' B']
    """
    kinds: list[str] = []
    values: list[str] = []
    depth = 0
    start = 0
    for m in _PAREN_RE.finditer(text):
        run, first = m[0], m.start()
        if ")" not in run:  # a run of openings: one step however deep it goes
            if depth == 0:
                kinds.append("text")
                values.append(text[start:first])
                start = first + 1
            depth += len(run)
            continue
        if "(" not in run:  # a run of closings; those with nothing open are dropped
            close = min(depth, len(run))
            if close:
                depth -= close
                if depth == 0:
                    kinds.append("group")
                    values.append(text[start : first + close - 1])
                    start = first + close
            if close < len(run):
                kinds.append("text")
                values.append(text[start : first + close])
                start = m.end()
            continue
        for i, ch in enumerate(run, first):
            if ch == "(":
                if depth == 0:
                    kinds.append("text")
                    values.append(text[start:i])
                    start = i + 1
                depth += 1
            elif depth == 0:  # a stray ")" is dropped
                kinds.append("text")
                values.append(text[start:i])
                start = i + 1
            else:
                depth -= 1
                if depth == 0:
                    kinds.append("group")
                    values.append(text[start:i])
                    start = i + 1
    kinds.append("group" if depth else "text")
    values.append(text[start:])
    keep = [(k, v) for k, v in zip(kinds, values, strict=True) if k == "group" or v]
    return Segments([k for k, _ in keep], [v for _, v in keep])


def is_refs(group: str) -> bool:
    """True for a group of footnote numbers: "1", "1,2", "1 and 3", "2-4"."""
    return _REFS_RE.match(group) is not None


def ref_numbers(group: str) -> list[str]:
    """The footnote numbers in a refs group, ranges expanded ("2-4" → 2, 3, 4)."""
    out: list[str] = []
    for m in _REF_NUMBER_RE.finditer(group):
        bounds = regex.split(r"\s*[-–]\s*", m.group())
        lo, hi = int(bounds[0]), int(bounds[-1])
        if hi < lo or hi - lo > 50:
            hi = lo
        out.extend(str(n) for n in range(lo, hi + 1))
    return out


def _trim_affiliation(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(" ,;")
    if text.endswith(".") and _ABBREVIATED_END_RE.search(text) is None:
        text = text[:-1].rstrip(" ,;")
    return text


def numbered_affiliations(block: str) -> dict[str, str]:
    """Parse "(1) AIP Potsdam, (2) Hamburger Sternwarte" into {"1": ..., "2": ...}.

    Markers must count up from 1, so numbers inside an affiliation ("Paris 7", a postcode)
    are not taken for markers.

    >>> numbered_affiliations("1 Dip. Astro., Bologna; 2 INAF, Bologna, 3 Univ. Paris 7")
    {'1': 'Dip. Astro., Bologna', '2': 'INAF, Bologna', '3': 'Univ. Paris 7'}
    """
    marks: list[tuple[int, int, str]] = []
    # Markers count up from the first one, usually 1 ("((2) CNRS)" when 1 went unused).
    head = _MARKER_RE.match(block, len(block) - len(block.lstrip()))
    expected = int(head.group(1) or head.group(2)) if head is not None else 1
    for m in _MARKER_RE.finditer(block):
        number = m.group(1) or m.group(2)
        # A bracketed "(3)" is a marker even after a gap (footnote 2 unused); a bare number
        # must be the next one, as bare numbers also occur inside affiliations.
        skipped = m.group(1) is not None and expected < int(number) <= expected + _MAX_GAP
        if int(number) == expected or skipped:
            marks.append((m.start(), m.end(), number))
            expected = int(number) + 1
    out: dict[str, str] = {}
    for i, (_, end, number) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(block)
        affiliation = _trim_affiliation(block[end:stop])
        if affiliation:
            out[number] = affiliation
    return out


def find_numbered_block(segs: Segments) -> int | None:
    """Index of the segment where a final numbered-affiliation block starts, if any."""
    last_group = max((i for i, k in enumerate(segs.kinds) if k == "group"), default=None)
    if last_group is None:
        return None
    trailing = "".join(segs.values[last_group + 1 :]).strip(" .,;)")
    if (
        not trailing
        and _BLOCK_START_RE.match(segs.values[last_group])
        and numbered_affiliations(segs.values[last_group])
    ):
        return last_group
    # Parentheses stripped: "...Scherrer2(1) Case Western Reserve University, (2) Vanderbilt"
    for i, kind in enumerate(segs.kinds):
        if kind != "group" or segs.values[i].strip() != "1" or i + 1 >= len(segs.kinds):
            continue
        after = segs.values[i + 1].lstrip(" :")
        if (
            segs.kinds[i + 1] == "text"
            and after[:1].isalpha()
            and not regex.match(r"(?:and|&)\b", after)
        ):
            return i
    return None


def block_text(segs: Segments, start: int) -> str:
    """The text of the numbered block from segment ``start`` on."""
    alone = all(not v.strip(" .,;)") for v in segs.values[start + 1 :])
    if alone and _BLOCK_START_RE.match(segs.values[start]) and segs.values[start].strip() != "1":
        return segs.values[start]
    return "".join(
        f"({v})" if k == "group" else v
        for k, v in zip(segs.kinds[start:], segs.values[start:], strict=True)
    )


def split_pieces(text: str, segs: Segments | None = None, stop: int | None = None) -> list[Piece]:
    """Split a line into pieces at separators outside parentheses; groups join the piece before."""
    segs = segs if segs is not None else segment(text)
    end = len(segs.kinds) if stop is None else stop
    pieces: list[Piece] = []
    pending_sep = ""
    open_piece = False  # the last group sat inside a name: "Zhe (Rita) Liang"
    for kind, value in zip(segs.kinds[:end], segs.values[:end], strict=True):
        if kind == "group":
            group = " ".join(value.split())
            if pieces and group and not is_comment(group):
                pieces[-1].groups.append(group)
                open_piece = True
            continue
        pos = 0
        # Each separator ends a chunk; the text after the last one is the final chunk.
        for m in [*_SEPARATOR_RE.finditer(value), None]:
            chunk = value[pos : len(value) if m is None else m.start()].strip()
            if chunk and open_piece and pos == 0:
                _continue_piece(pieces[-1], chunk)
            elif chunk:
                pieces.append(Piece(chunk, pending_sep))
                pending_sep = ""
            open_piece = False
            if m is not None:
                pending_sep += m.group()
                pos = m.end()
    return pieces


def _continue_piece(piece: Piece, chunk: str) -> None:
    # Text right after a group with no separator continues the same piece: a nickname
    # inside a name, or an affiliation with an acronym in parentheses.
    group = piece.groups.pop()
    piece.text = f"{piece.text} ({group}){'' if chunk[:1] in '.,;:' else ' '}{chunk}"


def is_comment(group: str) -> bool:
    """True for a group that is a note, not an affiliation: "(750 additional authors not shown)"."""
    return _COMMENT_RE.search(group) is not None


_BARE_TWO_RE = regex.compile(r"[,;]?\s*2\s*[-–:.)]?\s*(?!and\b|et\b)(?=\p{Lu})")
_BARE_ONE_RE = regex.compile(r"1\s*[-–:.)]?\s*(?!and\b|et\b)(?=\p{Lu})")


def find_bare_block(text: str) -> int | None:
    """Offset of a numbered block whose parentheses were stripped ("...Sigurdsson81 Dip. ...").

    >>> text = "A. Smith1, B. Jones2;1 - Swarthmore College; 2 - Vanderbilt"
    >>> text[find_bare_block(text):]
    '1 - Swarthmore College; 2 - Vanderbilt'
    """
    for two in _BARE_TWO_RE.finditer(text):
        ones = list(_BARE_ONE_RE.finditer(text, 0, two.start()))
        if not ones:
            continue
        start = ones[-1].start()
        if start > 0 and len(numbered_affiliations(text[start:])) >= 2:
            return start
    # One affiliation: "Gordon Ritter11 Harvard University" (footnote 1, then affiliation 1).
    ones = list(_BARE_ONE_RE.finditer(text))
    if not ones or ones[-1].start() == 0:
        return None
    start = ones[-1].start()
    before = text[:start].rstrip(" ,;")
    # Only when names before it carry footnote numbers: "Tovmassian1, S.V. Zharikov11 Inst..."
    if (
        before[-1:].isdigit()
        and _GLUED_REF_RE.search(before)
        and numbered_affiliations(text[start:])
    ):
        return start
    return None


_GLUED_REF_RE = regex.compile(r"\p{L}\d{1,3}\s*(?:[,;&]|and\b|$)")
