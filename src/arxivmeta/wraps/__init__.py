"""Repair words glued where the line breaks of a hard-wrapped abstract were deleted.

arXiv abstracts are wrapped at about 80 columns. Aggregators that delete the line breaks
glue the last word of each line to the first word of the next ("integral tocomplex tasks",
"systems.As", "Vision(CV)"). Two cases:

* **Marked** text still shows where each break was (U+0000, ``\\n``, ``\\r``, U+2028/9,
  form feed, soft hyphen): every mark becomes one space and whitespace is collapsed. A line
  ending in a hyphen after a letter continues the same word ("long-\\nterm" → "long-term"),
  except before a conjunction ("three-\\nand four-body" → "three- and four-body"). arXiv's
  own display reads such breaks as a space ("long- term", 14 of 7,286 corpus abstracts);
  ``WrapConfig(join_hyphenated=False)`` gives that reading. A soft hyphen counts as a mark
  like the others (some exports put one where a line was broken).
* **Flattened** text has no marks: a space is inserted only where a break was lost, and no
  other character is changed. Candidate cuts are scored by a word model (wordfreq plus the
  document's own words) and by typography; the hard-wrap geometry then picks them out: for
  each plausible width, the lost breaks fall where the next word would not have fitted.
  Text of several lines that no width explains was never wrapped (or was repaired already)
  and is left alone; short texts get only the cuts with strong evidence of their own.

>>> repair_line_wraps("Large Language Models (LLMs) with long context capabilities are "
...     "integral tocomplex tasks in natural language processing and computational biology, "
...     "such astext generation.")  # doctest: +NORMALIZE_WHITESPACE
'Large Language Models (LLMs) with long context capabilities are integral to complex
 tasks in natural language processing and computational biology, such as text generation.'
>>> repair_line_wraps("are integral to\\u0000complex tasks")
'are integral to complex tasks'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arxivmeta.config import WrapConfig
from arxivmeta.errors import WrapSearchError
from arxivmeta.wraps._search import Cut, cut_positions, find_cuts

__all__ = ["WrapConfig", "WrapSplit", "explain_line_wraps", "repair_line_wraps"]

_MARKER_CHARS = "\x00\n\r\u2028\u2029\f\u00ad"
_MARKER = re.compile(r"\r\n|[\x00\n\r\u2028\u2029\f\u00ad]")
_LONGEST_REPORTED_WORD = 64
_HYPHENS = "-\u2010"
_HYPHEN_ENDS = tuple(_HYPHENS)
# A hyphen before one of these is a suspended compound ("three- and four-body"), not a
# word broken across lines.
_SUSPENDED_BEFORE = frozenset({"and", "or", "nor", "to", "versus", "vs", "vs.", "as"})


@dataclass(frozen=True, slots=True)
class WrapSplit:
    """One change: a space inserted (or a mark replaced) at ``position`` of the input.

    ``rule`` is ``"width"`` (the wrap geometry chose the cut), ``"evidence"`` (the cut reads
    as two words on its own), ``"marker"`` or ``"hyphenated"`` (a mark joined the word);
    ``score`` is the log-probability ratio of the two words against the one token.
    """

    position: int
    left: str
    right: str
    rule: str
    score: float | None = field(default=None)


_DEFAULT = WrapConfig()


def repair_line_wraps(text: str, *, config: WrapConfig | None = None) -> str:
    """Return *text* with the words that lost their line break separated again.

    Without markers, a glued pair is cut only where a hard-wrapped line can have ended:
    the first line of a text reaches at least ``config.min_width`` columns once its next
    word is counted, so a snippet shorter than that is returned unchanged.

    >>> repair_line_wraps("integral tocomplex tasks")
    'integral tocomplex tasks'
    >>> repair_line_wraps("Decentralized techniques for inference have emerged in distributed "
    ...                   "systems.As a result, each node")[-43:]
    'distributed systems. As a result, each node'
    >>> repair_line_wraps("long-\\nterm memory")
    'long-term memory'
    """
    return _repair(text, config or _DEFAULT, None)


def explain_line_wraps(
    text: str, *, config: WrapConfig | None = None
) -> tuple[str, list[WrapSplit]]:
    """Return the repaired text and one :class:`WrapSplit` per change.

    >>> fixed, splits = explain_line_wraps(
    ...     "In this paper we study distributed training at scale, and we propose a "
    ...     "modelwith two parts.")
    >>> fixed[-34:]
    'we propose a model with two parts.'
    >>> [(s.left, s.right, s.rule) for s in splits]
    [('model', 'with', 'width')]
    """
    splits: list[WrapSplit] = []
    fixed = _repair(text, config or _DEFAULT, splits)
    splits.sort(key=lambda split: split.position)
    return fixed, splits


#: Texts up to this many lines' worth of characters (a short abstract) are repaired again
#: until nothing changes; longer ones are cut only along a width's chain, after which their
#: lines, now joined by spaces, read as wrapped at no width, so a second pass rarely cuts.
_SETTLED_LINES = 4


def _repair(text: str, cfg: WrapConfig, splits: list[WrapSplit] | None) -> str:
    """The repair, appending one :class:`WrapSplit` per change to ``splits`` unless it is None.

    The result is a text the flattened search leaves alone, so the repair is idempotent:
    a marked text, once joined at its marks, has no marks left, and a second repair would
    read it as flattened; so the flattened search runs on it at once, and what it finds
    there (a stretch whose own line breaks were deleted, a glued pair) is cut now rather
    than by the second repair. A short text (up to :data:`_SETTLED_LINES` lines) is
    repaired again until nothing changes: it is cut on local evidence alone, and a cut can
    give the pieces evidence of their own.

    >>> _repair("0" * 51 + " Aa:THtHE", _DEFAULT, None)[-10:]
    'Aa: TH tHE'
    """
    if not isinstance(text, str):  # totality for callers that ignore the annotation
        text = str(text)
    # Plain substring tests: a regular-expression scan of a long text without any match
    # costs far more per character.
    marked = any(mark in text for mark in _MARKER_CHARS)
    fixed = _join_marks(text, cfg, splits) if marked else text
    explain = splits is not None
    # The first pass always runs (on a joined marked text too); each later one inserts at
    # least one space, so the loop ends within the length limit.
    first = True
    while first or len(fixed) <= _SETTLED_LINES * cfg.max_width:
        first = False
        positions, cuts = _search_pass(fixed, cfg, explain)
        if not positions:
            break
        if splits is not None:
            origin = range(len(fixed)) if fixed is text else _origin_positions(text, fixed)
            splits.extend(
                WrapSplit(origin[c.position], c.left, c.right, c.rule, c.score) for c in cuts
            )
        fixed = _insert_spaces(fixed, positions)
    return fixed


def _origin_positions(original: str, fixed: str) -> list[int]:
    """For each character of *fixed*, its position in *original* (a space inserted or kept
    maps to the position of the next character): the repair only replaces marks and
    whitespace, so the other characters come in the same order."""
    positions: list[int] = []
    j = 0
    for char in fixed:
        if char.isspace():
            positions.append(j)
            continue
        while j < len(original) and original[j] != char:
            j += 1
        positions.append(j)
        j += 1
    return positions


def _search_pass(text: str, cfg: WrapConfig, explain: bool) -> tuple[list[int], list[Cut]]:
    """Where the compiled search puts a space in ``text``, in order, and its :class:`Cut`
    records when ``explain`` (a repair that explains nothing skips building them).

    A failure of the compiled search is a bug, not the text's fault: the text is left
    unchanged, which keeps the fixer total and loses nothing.
    """
    try:
        if explain:
            cuts = find_cuts(text, cfg.extra_vocabulary, cfg.search_params)
            return [cut.position for cut in cuts], cuts
        return cut_positions(text, cfg.extra_vocabulary, cfg.search_params), []
    except WrapSearchError:
        return [], []


def _insert_spaces(text: str, positions: list[int]) -> str:
    """``text`` with a space inserted before each of ``positions`` (in order)."""
    if not positions:
        return text
    pieces: list[str] = []
    last = 0
    for position in positions:
        pieces.append(text[last:position])
        pieces.append(" ")
        last = position
    pieces.append(text[last:])
    return "".join(pieces)


def _word_before(text: str, end: int) -> str:
    start = end
    stop = max(0, end - _LONGEST_REPORTED_WORD)
    while start > stop and not text[start - 1].isspace() and text[start - 1] not in _MARKER_CHARS:
        start -= 1
    return text[start:end]


def _word_after(text: str, start: int) -> str:
    end = start
    stop = min(len(text), start + _LONGEST_REPORTED_WORD)
    while end < stop and not text[end].isspace() and text[end] not in _MARKER_CHARS:
        end += 1
    return text[start:end]


def _join_marks(text: str, cfg: WrapConfig, splits: list[WrapSplit] | None) -> str:
    """Replace each mark (U+0000, a line break, a soft hyphen) with a space, or join the word
    a line-end hyphen broke ("long-\\nterm"); record each in ``splits`` if given."""
    # String methods at C speed cut the text into lines; a regular-expression split costs
    # four times as much, and only an explanation needs to know where each mark was.
    marked = text.replace("\r\n", "\x00")
    for mark in _MARKER_CHARS[1:]:
        marked = marked.replace(mark, "\x00")
    lines = marked.split("\x00")
    marks = [match.span() for match in _MARKER.finditer(text)] if splits is not None else []
    pieces = [lines[0]]
    hyphenated = cfg.join_hyphenated
    for i in range(1, len(lines)):
        line, following = lines[i - 1], lines[i]
        # Most lines end in a letter or punctuation: the hyphen test comes first.
        joins = (
            hyphenated
            and line.endswith(_HYPHEN_ENDS)
            and _hyphen_breaks_word(line, following.lstrip(" \t"))
        )
        if joins:
            pieces.append(following.lstrip(" \t"))  # the indentation goes too
        else:
            pieces.append(" ")
            pieces.append(following)
        if splits is not None:
            start, end = marks[i - 1]
            after = end + len(following) - len(following.lstrip(" \t"))
            left, right = _word_before(text, start), _word_after(text, after)
            splits.append(WrapSplit(start, left, right, "hyphenated" if joins else "marker"))
    return " ".join("".join(pieces).split())


def _hyphen_breaks_word(line: str, rest: str) -> bool:
    """Whether ``line`` ends on a word broken at a hyphen after a letter, and the next line
    (``rest``, without its indentation) goes on with a letter that is not a conjunction: a
    suspended compound ("three- and four-body") keeps its hyphen and space."""
    if len(line) < 2 or line[-1] not in _HYPHENS or not line[-2].isalpha():
        return False
    words = rest.split(maxsplit=1)
    right = words[0] if words and not rest[:1].isspace() else ""
    return right[:1].isalpha() and right.lower().rstrip(",.;:") not in _SUSPENDED_BEFORE
