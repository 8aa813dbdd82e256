"""LaTeX accent commands in author strings → Unicode (``G\\"ahler`` → ``Gähler``).

arXiv author lines are TeX: accents are written ``\\'e``, ``\\'{e}``, ``{\\'e}``, ``\\c{c}``,
``\\v{s}``, ``{\\o}``, ``\\ss``. A table covers what names use; anything else with a
backslash left over goes through :mod:`pylatexenc`, which is complete but about fifty times
slower, so the table handles the common case.

>>> latex_to_unicode('Fran\\\\c{c}ois Golse, Mikkel {\\\\O}bro, G\\\\"ahler')
'François Golse, Mikkel Øbro, Gähler'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Combining marks for TeX's accent commands (LaTeX2e, "Accents" in the LaTeX manual).
ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}

# Letters TeX spells as commands.
_LETTERS = {
    "o": "ø",
    "O": "Ø",
    "ss": "ß",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "dh": "ð",
    "DH": "Ð",
    "th": "þ",
    "TH": "Þ",
    "ng": "ŋ",
    "NG": "Ŋ",
}

_SYMBOL_ACCENT = r"['`^\"~=.]"
_LETTER_ACCENT = r"[uvHckrdb]"
_BASE = r"(?:\\[ij](?![A-Za-z])|[^\W\d_])"

# One accent, its base letter braced or not, the whole thing optionally braced:
# \'e  \'{e}  {\'e}  {\'{e}}  \c{c}  \c c  \v{\i}
_ACCENT_RE = re.compile(
    r"\{?\\(?:(?P<sym>" + _SYMBOL_ACCENT + r")\s*|(?P<let>" + _LETTER_ACCENT + r")(?:\s+|(?=\{)))"
    r"(?:\{\s*(?P<b1>" + _BASE + r")\s*\}|(?P<b2>" + _BASE + r"))\}?"
)
_LETTER_RE = re.compile(
    r"\{?\\(?P<name>ss|ae|AE|oe|OE|aa|AA|dh|DH|th|TH|ng|NG|[oOlLij])(?![A-Za-z])(?:\{\}|\s)?\}?"
)
_QUOTES = (("``", "\u201c"), ("''", "\u201d"), ("--", "\u2013"), ("\\&", "&"), ("~", "\u00a0"))
_PYLATEXENC_MAX_COMMANDS = 32
_COMMAND_RE = re.compile(r"\\[A-Za-z'`^\"~=.]")
_BRACED_LETTERS = re.compile(r"(\\[A-Za-z]+\s*)?\{([^\W\d_]+)\}")


def _accent(match: re.Match[str]) -> str:
    command = match["sym"] or match["let"]
    base = match["b1"] or match["b2"]
    if base.startswith("\\"):
        base = base[1]  # \i and \j are dotless only so an accent can sit on them
    return unicodedata.normalize("NFC", base + ACCENTS[command])


def _unbrace(match: re.Match[str]) -> str:
    # "{é}" loses its braces; "\\textit{X}" keeps them for pylatexenc.
    return match[0] if match[1] else match[2]


def _letter(match: re.Match[str]) -> str:
    return _LETTERS[match["name"]]


@cache
def _pylatexenc_converter() -> object:
    from pylatexenc.latex2text import LatexNodes2Text  # noqa: PLC0415 (slow import, rarely needed)

    return LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)


def latex_to_unicode(text: str) -> str:
    """Turn TeX accents and letters into Unicode; text without ``\\`` or braces is returned as is.

    >>> latex_to_unicode("Rastislav \\\\v{S}r\\\\'amek, Bro\\\\v{n}a Brejov\\\\'a")
    'Rastislav Šrámek, Broňa Brejová'
    """
    if "\\" not in text and "{" not in text and "``" not in text:
        return text
    out = text
    if _COMMAND_RE.search(out) is not None:
        out = _ACCENT_RE.sub(_accent, out)
        out = _LETTER_RE.sub(_letter, out)
    for tex, uni in _QUOTES:
        if tex == "~" and "\\" in out:
            continue  # a tilde may still be an accent pylatexenc has to see
        out = out.replace(tex, uni)
    out = _BRACED_LETTERS.sub(_unbrace, out)
    # pylatexenc is complete but slow (~0.1 ms a command): only for a few leftover commands.
    if 0 < out.count("\\") <= _PYLATEXENC_MAX_COMMANDS:
        try:
            converter = _pylatexenc_converter()
            out = converter.latex_to_text(out)  # type: ignore[attr-defined]
        except Exception:
            return unicodedata.normalize("NFC", out)
    return unicodedata.normalize("NFC", out)
