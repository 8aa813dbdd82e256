"""Text as BibTeX reads it: LaTeX specials escaped, math kept as math, braces balanced.

Clean arXiv text is LaTeX-flavoured: it carries math (``$h$-cycles``), commands
(``\\textsf{...}``) and TeX accents (``Schr\\"odinger``). In a BibTeX field the math and
commands stay as written, TeX accents become the UTF-8 letters they stand for (the one
spelling of non-ASCII letters in this export), and characters that are literal text
(``&``, ``%``, ``#``, ``_``, ``^``, ``~``, a lone ``$`` or ``\\``) are escaped. BibTeX counts
every brace, escaped or not, so a brace without its partner is written as a command.

>>> to_tex("Dungeons & Dragons at 27.6% for $O(n^2)$, Schr\\\\\\"odinger's z~2.56")
"Dungeons \\\\& Dragons at 27.6\\\\% for $O(n^2)$, Schrödinger's z\\\\~{}2.56"
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from arxivmeta.latex import ACCENTS

# Math spans: a "$" pair with no "$" inside, not escaped, at most a few hundred characters
# (longer "spans" are prose prices with two dollar signs, left as text).
_MATH = re.compile(r"(?<!\\)\$(?!\$)([^$]{1,500})(?<!\\)\$")
_BASE = r"(?:\\[ij](?![A-Za-z])|[^\W\d_])"
# One accent command with its base letter, the whole braced or not, braces always paired.
_ACCENT = re.compile(
    r"(?P<open>\{)?\\(?:(?P<sym>['`^\"~=.])\s*|(?P<let>[uvHckrdb])(?:\s+|(?=\{)))"
    r"(?:\{\s*(?P<b1>" + _BASE + r")\s*\}|(?P<b2>" + _BASE + r"))(?(open)\})"
)
_LETTERS = {
    "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å",
    "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
}  # fmt: skip
_LETTER = re.compile(
    r"(?P<open>\{)?\\(?P<name>ss|ae|AE|oe|OE|aa|AA|[oOlLij])(?![A-Za-z])(?:\{\}|[ \t])?(?(open)\})"
)
_ESCAPES = {
    "&": "\\&",
    "%": "\\%",
    "#": "\\#",
    "_": "\\_",
    "$": "\\$",
    "^": "\\^{}",
    "~": "\\~{}",
    "{": "\\textbraceleft{}",
    "}": "\\textbraceright{}",
}
_ESCAPED_BRACE = re.compile(r"\\[{}]")
_MATH_BRACES = {"\\{": "\\lbrace ", "\\}": "\\rbrace "}
_ESCAPED = frozenset("&%#_${}")  # "\&" and friends in the record are already LaTeX
_ACCENT_SYMBOLS = frozenset("'`^\"~=.")
_SPACE = re.compile(r"\s+")


def _accent(match: re.Match[str]) -> str:
    base = match["b1"] or match["b2"]
    if base.startswith("\\"):
        base = base[1]  # \i and \j are dotless only so an accent can sit on them
    return unicodedata.normalize("NFC", base + ACCENTS[match["sym"] or match["let"]])


def accents_to_unicode(text: str) -> str:
    """Turn TeX accent and letter commands into Unicode letters; nothing else changes.

    >>> accents_to_unicode("Gr\\\\\\"obner, {\\\\it tritronqu\\\\'ee}, Bj\\\\o rn")
    'Gröbner, {\\\\it tritronquée}, Bjørn'
    """
    if "\\" not in text:
        return text
    text = _ACCENT.sub(_accent, text)
    return _LETTER.sub(lambda match: _LETTERS[match["name"]], text)


def split_math(text: str) -> Iterator[tuple[bool, str]]:
    """Yield ``(is_math, piece)`` in order; a math piece keeps its dollars.

    >>> list(split_math("the $h$-cycles cost $5"))
    [(False, 'the '), (True, '$h$'), (False, '-cycles cost $5')]
    >>> list(split_math(r"sets $\\{x\\}$"))
    [(False, 'sets '), (True, '$\\\\lbrace x\\\\rbrace $')]
    """
    start = 0
    for match in _MATH.finditer(text):
        # Readers disagree on "\{" (BibTeX counts it, bibtexparser skips it): math says
        # \lbrace instead, and what is still unbalanced is not math.
        math = _ESCAPED_BRACE.sub(lambda brace: _MATH_BRACES[brace[0]], match[0])
        if not _balanced(math):
            continue
        if match.start() > start:
            yield False, text[start : match.start()]
        yield True, math
        start = match.end()
    if start < len(text):
        yield False, text[start:]


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _paired_braces(text: str) -> set[int]:
    """Positions of the braces that have a partner (a stack scan, linear)."""
    paired: set[int] = set()
    stack: list[int] = []
    for index, char in enumerate(text):
        if index and text[index - 1] == "\\":
            continue  # an escaped brace is written as a command, never paired
        if char == "{":
            stack.append(index)
        elif char == "}" and stack:
            paired.update((stack.pop(), index))
    return paired


def escape_text(text: str) -> str:
    """Escape the characters of ``text`` that LaTeX would not print as themselves.

    Commands (``\\it``, ``\\sqrt``), escaped specials (``\\&``) and paired braces stay.

    >>> escape_text("Q&A for {GPT} and f_D_{S^+}}")
    'Q\\\\&A for {GPT} and f\\\\_D\\\\_{S\\\\^{}+}\\\\textbraceright{}'
    """
    paired = _paired_braces(text)
    out: list[str] = []
    index, end = 0, len(text)
    while index < end:
        char = text[index]
        if char == "\\":
            following = text[index + 1] if index + 1 < end else ""
            if following.isascii() and following.isalpha():
                stop = index + 1
                while stop < end and text[stop].isascii() and text[stop].isalpha():
                    stop += 1
                out.append(text[index:stop])
                index = stop
                continue
            if following in _ESCAPED or following in _ACCENT_SYMBOLS:
                if following in "{}":
                    # BibTeX counts "\{" as a brace: write it as a command instead.
                    out.append(_ESCAPES[following])
                else:
                    out.append(char + following)
                index += 2
                continue
            out.append("\\textbackslash{}")
        elif char in "{}" and index in paired:
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        else:
            out.append(char)
        index += 1
    return "".join(out)


_CORE = re.compile(r"[^\W_](?:.*[^\W_])?")


def _brace_core(token: str) -> str:
    """Brace a word from its first to its last letter or digit: ``{LLMSecCode}:``."""
    match = _CORE.search(token)
    if match is None:
        return "{" + token + "}"
    return token[: match.start()] + "{" + match[0] + "}" + token[match.end() :]


def to_tex(
    text: str, *, protect: Callable[[str, int], bool] | None = None, brace_math: bool = False
) -> str:
    """``text`` as a BibTeX field value: one line, escaped, math kept (braced if asked).

    ``protect(word, index)`` says whether a word (its ``index`` among the words of the
    text) gets braces, which keep BibTeX styles from changing its case.
    """
    text = _SPACE.sub(" ", text).strip()
    out: list[str] = []
    word_index = 0
    depth = 0
    for is_math, piece in split_math(text):
        if is_math:
            out.append("{" + piece + "}" if brace_math and depth == 0 else piece)
            word_index += 1
            continue
        escaped = escape_text(accents_to_unicode(piece))
        for word in re.split(r"( )", escaped):
            token = word
            if token and token != " ":
                if (
                    protect is not None
                    and depth == 0
                    and "\\" not in token
                    and "{" not in token
                    and "}" not in token
                    and protect(token, word_index)
                ):
                    token = _brace_core(token)
                word_index += 1
                depth += token.count("{") - token.count("}")
            out.append(token)
    return "".join(out)
