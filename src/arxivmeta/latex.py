"""LaTeX in arXiv text: repair commands that lost their backslash, and render to Unicode.

arXiv keeps math as LaTeX (``$h$-cycles``), so clean text keeps it too. Some sources strip
every backslash (``$3.37times$``, ``textsf{Congested Clique}``);
:func:`restore_latex_backslashes` puts it back where the command name is certain.
:func:`latex_to_unicode` renders LaTeX as plain Unicode text with pylatexenc;
:func:`decode_accents` turns only TeX's accents and letters (``G\\"ahler``) into Unicode, the
fast path for author names.

>>> restore_latex_backslashes("a $3.37times$ speedup in the textsf{Congested Clique} model")
'a $3.37\\\\times$ speedup in the \\\\textsf{Congested Clique} model'
>>> latex_to_unicode(r"a $3.37\\times$ speedup, 55% of MFU, Erd{\\H o}s")
'a 3.37× speedup, 55% of MFU, Erdős'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import regex

__all__ = ["ACCENTS", "decode_accents", "latex_to_unicode", "restore_latex_backslashes"]


# TeX accents and letters, as author names write them: a table first, pylatexenc after.

#: Combining marks for TeX's accent commands (LaTeX2e, "Accents" in the LaTeX manual).
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


@functools.cache
def _pylatexenc_converter() -> object:
    from pylatexenc.latex2text import LatexNodes2Text  # noqa: PLC0415 (slow import, rarely needed)

    return LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)


def decode_accents(text: str) -> str:
    """Turn TeX accents and letters into Unicode; text without ``\\`` or braces is returned as is.

    >>> decode_accents("Rastislav \\\\v{S}r\\\\'amek, Bro\\\\v{n}a Brejov\\\\'a")
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


# Commands that lost their backslash.


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Commands that only ever appear as commands when followed by "{": style and font commands.
_TEXT_COMMANDS = _words(
    "textsf textbf textit texttt textrm textsc textup textmd textnormal textsl emph "
    "mathbf mathrm mathcal mathbb mathit mathsf mathtt mathfrak mathscr boldsymbol "
    "operatorname underline overline widetilde widehat sqrt frac dfrac tfrac"
)

# Names that inside $...$ are commands rather than a product of single-letter variables
# written without spaces: operators, relations, arrows, Greek letters, font commands.
_MATH_COMMANDS = _words(
    "times cdot cdots ldots dots infty approx simeq propto equiv leq geq neq ll gg "
    "leqslant geqslant pm mp sim rightarrow leftarrow Rightarrow Leftarrow to mapsto "
    "partial nabla sum prod int oint subset subseteq supset supseteq cup cap emptyset "
    "forall exists otimes oplus wedge langle rangle ell hbar log exp sin cos tan alpha "
    "beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda sigma "
    "varsigma tau upsilon phi varphi chi psi omega rho varrho Gamma Delta Theta Lambda Xi "
    "Pi Sigma Upsilon Phi Psi Omega pi mu nu xi mathbb mathcal mathrm mathbf sqrt frac"
)
# Two-letter and function names are too likely to be variables or words on their own;
# they are restored only when a digit or closing bracket sits right before them
# (``$3.37times$``, ``$2pi$``).
_AMBIGUOUS = frozenset(
    _words("to ll gg pm mp pi mu nu xi eta tau chi psi phi rho log exp sin cos tan int")
)

_TEXT_COMMAND = regex.compile(r"(?<![\\\p{L}])(" + "|".join(_TEXT_COMMANDS) + r")(?=\{)")
# Inline math: no "$" inside, and no space just inside the dollars, which tells
# "$3.37times$" from prose prices ("costs $5 times $10").
_INLINE_MATH = regex.compile(r"(?<![\\$])\$(?=[^\s$])([^$]{1,500}?)(?<=[^\s\\$])\$(?!\$)")
_MATH_COMMAND = regex.compile(
    r"(?<![\\\p{L}])(" + "|".join(sorted(_MATH_COMMANDS, key=len, reverse=True)) + r")(?!\p{L})"
)


def restore_latex_backslashes(text: str) -> str:
    """Put back the backslash a LaTeX command lost, only where the name is certain.

    A style command (``textsf``, ``mathbb``...) followed by ``{``, or a math command name
    (``times``, ``alpha``...) inside ``$...$``. Prose is never touched.

    >>> restore_latex_backslashes("three times $O(n log n)$ and $alpha$-stable, not $x$ times")
    'three times $O(n log n)$ and $\\\\alpha$-stable, not $x$ times'
    """
    has_brace, has_dollar = "{" in text, "$" in text
    if not has_brace and not has_dollar:
        return text
    if has_brace:
        text = _TEXT_COMMAND.sub(r"\\\1", text)
    if has_dollar:
        text = _INLINE_MATH.sub(_restore_math, text)
    return text


def _restore_math(match: regex.Match[str]) -> str:
    body = match.group(1)
    if len(body) < 2:  # "$h$": no command name fits
        return match.group(0)

    def put_back(command: regex.Match[str]) -> str:
        name = command.group(1)
        start = command.start()
        if name in _AMBIGUOUS and not (start > 0 and body[start - 1] in "0123456789)]}"):
            return name
        return "\\" + name

    return "$" + _MATH_COMMAND.sub(put_back, body) + "$"


# Characters that are prose in arXiv abstracts but syntax to LaTeX: "55% of MFU" would
# start a comment and "~20" would become a tie. Private-use stand-ins carry them through.
_PROTECT = {"%": "\ue000", "&": "\ue001", "~": "\ue002"}
_UNPROTECT = str.maketrans({value: key for key, value in _PROTECT.items()})
_BARE = regex.compile(r"(?<!\\)[%&~]")
_LATEX_SIGNS = regex.compile(r"[\\$^_{}]")
_SPACES = regex.compile(r"[ \t]{2,}")
_STYLE_MACROS = _words(
    "textsf texttt textsc textup textmd textnormal textsl textrm text mbox hbox mathsf "
    "mathtt mathnormal mathscr boldsymbol bm operatorname"
)


@functools.cache
def _converter() -> tuple[Any, Any]:
    # pylatexenc is imported lazily: rendering is on demand, cleaning never needs it.
    from pylatexenc import macrospec  # noqa: PLC0415
    from pylatexenc.latex2text import (  # noqa: PLC0415
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )
    from pylatexenc.latexwalker import (  # noqa: PLC0415
        get_default_latex_context_db as walker_context_db,
    )

    text_db = get_default_latex_context_db()
    text_db.add_context_category(
        "arxivmeta-style",
        macros=[MacroTextSpec(name, "%s") for name in _STYLE_MACROS]
        + [MacroTextSpec("cite", ""), MacroTextSpec("ref", "")],
        prepend=True,
    )
    walker_db = walker_context_db()
    walker_db.add_context_category(
        "arxivmeta-style",
        macros=[macrospec.MacroSpec(name, "{") for name in _STYLE_MACROS],
        prepend=True,
    )
    return LatexNodes2Text(latex_context=text_db, math_mode="text"), walker_db


def latex_to_unicode(text: str) -> str:
    """Render LaTeX as Unicode text; text with no LaTeX comes back unchanged.

    Texts up to :data:`FULL_RENDER_LIMIT` characters (every real abstract) go through
    pylatexenc; longer ones through a one-pass table renderer, so the time stays linear.

    >>> latex_to_unicode(r"We detect $h$-cycles in the \\textsf{Congested Clique} ~20% faster")
    'We detect h-cycles in the Congested Clique ~20% faster'
    """
    if _LATEX_SIGNS.search(text) is None:
        return text
    text = restore_latex_backslashes(text)
    if len(text) > FULL_RENDER_LIMIT:
        return _render_fast(text)
    from pylatexenc.latexwalker import LatexWalker  # noqa: PLC0415 (slow import: rendering only)

    converter, walker_db = _converter()
    protected = _BARE.sub(lambda m: _PROTECT[m.group(0)], text)
    try:
        nodes = LatexWalker(protected, latex_context=walker_db, tolerant_parsing=True)
        rendered: str = converter.nodelist_to_text(nodes.get_latex_nodes()[0])
    except Exception:  # a renderer failure must not lose the text
        return _render_fast(text)
    return _SPACES.sub(" ", rendered.translate(_UNPROTECT)).strip()


#: Longer texts are rendered by the linear table renderer instead of pylatexenc, whose
#: cost per character is high on dense markup (tens of microseconds per backslash).
FULL_RENDER_LIMIT = 10_000

_ACCENTED = regex.compile(
    r"""\\(['`^"~=.]|[uvHckr](?![A-Za-z]))\s*"""
    r"""(?:\{\s*(\\[ij](?![A-Za-z])|[A-Za-z])\s*\}|(\\[ij](?![A-Za-z])|[A-Za-z]))"""
)
_MACRO = regex.compile(r"\\([A-Za-z]+|.)", regex.DOTALL)
_GROUPING = str.maketrans("", "", "{}$")


@functools.cache
def _symbols() -> dict[str, str]:
    """Macro name → Unicode text, from pylatexenc's tables (``times`` → ``×``)."""
    from pylatexenc.latex2text import get_default_latex_context_db  # noqa: PLC0415 (slow import: rendering only)

    table: dict[str, str] = {}
    for spec in get_default_latex_context_db().iter_macro_specs():
        replacement = spec.simplify_repl
        if isinstance(replacement, str) and "%" not in replacement:
            table.setdefault(spec.macroname, replacement)
    table["\\"] = " "
    return table


def _render_fast(text: str) -> str:
    """Render LaTeX with tables in one linear pass: accents, symbols; other commands go."""

    def accent(match: regex.Match[str]) -> str:
        base = (match.group(2) or match.group(3)).lstrip("\\")
        return base + ACCENTS[match.group(1)]

    symbols = _symbols()
    text = _ACCENTED.sub(accent, text)
    text = _MACRO.sub(lambda m: symbols.get(m.group(1), ""), text)
    text = unicodedata.normalize("NFC", text.translate(_GROUPING))
    return _SPACES.sub(" ", text).strip()
