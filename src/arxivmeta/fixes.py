"""The named text fixers: small pure ``str -> str`` functions and the registry that names them.

Each fixer does one thing, never raises, and returns its input unchanged when it has
nothing to do. :data:`FIXERS` maps names to fixers; :data:`TEXT_PLAN` is the order
:func:`arxivmeta.text.clean_text` runs them in; :func:`apply_plan` replays a plan.

>>> apply_plan("Detecting network\\x00partitions  in  graphs", TEXT_PLAN)
'Detecting network partitions in graphs'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import regex

from arxivmeta.config import CleanConfig
from arxivmeta.latex import decode_accents, restore_latex_backslashes
from arxivmeta.wraps import repair_line_wraps

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

__all__ = [
    "FIXERS",
    "NAME_PLAN",
    "TEXT_PLAN",
    "TITLE_PLAN",
    "apply_plan",
    "collapse_whitespace",
    "decode_accents",
    "fix_mojibake",
    "fixers_for",
    "join_lines",
    "normalize_nfc",
    "repair_line_wraps",
    "replace_lone_surrogates",
    "restore_latex_backslashes",
    "strip_control_characters",
]

Fixer = Callable[[str], str]

# UTF-8 read as Latin-1 or Windows-1252 leaves a lead byte (Â..ô) before a continuation
# byte (0x80..0xBF, or what cp1252 shows for 0x80..0x9F); C1 controls and U+FFFD are
# the other traces. Text without any of them skips ftfy, which is slow.
_MOJIBAKE_HINT = regex.compile(
    "[\u0080-\u009f\ufffd]|[\u00c2-\u00f4]"
    "[\u00a0-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
    "\u0153\u017e\u0178]"
)
# U+0000 and the other C0/C1 controls break PostgreSQL and XML loads; soft hyphens,
# zero-width spaces and stray byte-order marks are invisible noise. ZWJ/ZWNJ stay:
# they carry meaning in Persian, Indic scripts and emoji.
_CONTROL_CHARS = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\ufeff\ufffe\uffff\ud800-\udfff]"
_CONTROL = re.compile(_CONTROL_CHARS)
_CONTROLS = re.compile(_CONTROL_CHARS + "+")
# Plain ``re`` is faster than ``regex`` on these simple classes, and they run on every field.
_OTHER_SPACE = re.compile(r"[^\S ]")
_LINE_END = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_HSPACE = re.compile(r"[^\S\n]+")
_AROUND_NEWLINE = re.compile(r" ?\n[\n ]*")
_NEWLINES = regex.compile(r"\s*[\n\r\u2028\u2029]\s*")


def fix_mojibake(text: str) -> str:
    """Repair text decoded with the wrong encoding (ftfy), leaving everything else alone.

    Quotes stay curly, full-width CJK stays full width, ligatures and line breaks stay.

    >>> fix_mojibake("FranÃ§ois TaÃ¯ani â€” IRISA")
    'François Taïani — IRISA'
    """
    if text.isascii() or _MOJIBAKE_HINT.search(text) is None:
        return text
    import ftfy  # noqa: PLC0415 - loaded only for text that shows mojibake

    return ftfy.fix_text(text, _ftfy_config())


@functools.cache
def _ftfy_config() -> TextFixerConfig:
    import ftfy  # noqa: PLC0415 - as above

    return ftfy.TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        # U+0000 marks a deleted line break until the wrap repair has read it.
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def normalize_nfc(text: str) -> str:
    """Compose characters (NFC), so ``e`` + combining acute equals ``é``.

    >>> normalize_nfc("Jérémie") == "Jérémie", len(normalize_nfc("Jérémie"))
    (True, 7)
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def strip_control_characters(text: str) -> str:
    """Remove control characters, lone surrogates and invisible format characters.

    >>> strip_control_characters("Byzan\\u00adtine\\x07 fault\\u200b tolerance")
    'Byzantine fault tolerance'
    """
    # Printable text has none of them; the check is far cheaper than a search.
    if text.isprintable() or _CONTROL.search(text) is None:
        return text
    return _CONTROLS.sub("", text)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """Replace each lone surrogate (valid in JSON as ``"\\ud800"``, never in UTF-8) with
    U+FFFD, the replacement character, so the text can be written out again.

    >>> replace_lone_surrogates("Jos\\udce9 Mart\\udced")
    'Jos\\ufffd Mart\\ufffd'
    """
    if text.isascii() or _LONE_SURROGATE.search(text) is None:
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)


def collapse_whitespace(text: str) -> str:
    """Collapse runs of spaces to one, keep single line breaks, strip the ends.

    >>> collapse_whitespace("  The evolution of the\\n  Earth-Moon   system \\r\\n")
    'The evolution of the\\nEarth-Moon system'
    """
    if (
        "  " not in text
        and not text[:1].isspace()
        and not text[-1:].isspace()
        and _OTHER_SPACE.search(text) is None
    ):
        return text
    text = _LINE_END.sub("\n", text)
    text = _HSPACE.sub(" ", text)
    if "\n" in text:
        text = _AROUND_NEWLINE.sub("\n", text)
    return text.strip()


def join_lines(text: str) -> str:
    """Join a one-line field's continuation lines (arXiv titles indent them by two spaces).

    >>> join_lines("The evolution of the Earth-Moon system based on the dark matter field\\n"
    ...            "  fluid model")
    'The evolution of the Earth-Moon system based on the dark matter field fluid model'
    """
    if _NEWLINES.search(text) is None:
        return text
    return _NEWLINES.sub(" ", text).strip()


_DEFAULT_CONFIG = CleanConfig()

FIXERS: MappingProxyType[str, Fixer] = MappingProxyType(
    {
        "fix_mojibake": fix_mojibake,
        "normalize_nfc": normalize_nfc,
        "repair_line_wraps": repair_line_wraps,
        "strip_control_characters": strip_control_characters,
        "collapse_whitespace": collapse_whitespace,
        "join_lines": join_lines,
        "restore_latex_backslashes": restore_latex_backslashes,
        "replace_lone_surrogates": replace_lone_surrogates,
        "decode_accents": decode_accents,
    }
)

# Wraps run before control characters go: U+0000 in abstracts marks a deleted line break.
TEXT_PLAN: tuple[str, ...] = (
    "fix_mojibake",
    "normalize_nfc",
    "repair_line_wraps",
    "strip_control_characters",
    "collapse_whitespace",
    "restore_latex_backslashes",
)
# Short one-line fields (titles, names, venues): a line break there is never a paragraph.
TITLE_PLAN: tuple[str, ...] = (
    "fix_mojibake",
    "normalize_nfc",
    "strip_control_characters",
    "join_lines",
    "collapse_whitespace",
    "restore_latex_backslashes",
)

# Names: controls first (U+0000 or ESC inside a name breaks every later reading of it),
# then TeX accents (a backslash command can hide what ftfy would see), then the title's
# hygiene, so a string comes out the same as a name and as a title.
NAME_PLAN: tuple[str, ...] = (
    "strip_control_characters",
    "decode_accents",
    "fix_mojibake",
    "normalize_nfc",
    "join_lines",
    "collapse_whitespace",
)


def _unchanged(text: str) -> str:
    return text


@functools.cache
def fixers_for(config: CleanConfig | None) -> Mapping[str, Fixer]:
    """:data:`FIXERS` as ``config`` sets them: the wrap repair with its options, or off.

    A fixer switched off leaves its text unchanged, so it is never recorded as a step and
    the plans keep one order.

    >>> fixers_for(CleanConfig(repair_line_wraps=False))["repair_line_wraps"]("tocomplex")
    'tocomplex'
    >>> fixers_for(None) is FIXERS
    True
    """
    if config is None or config == _DEFAULT_CONFIG:
        return FIXERS
    wraps = config.wraps
    repair: Fixer = (
        functools.partial(repair_line_wraps, config=wraps)
        if config.repair_line_wraps
        else _unchanged
    )
    return MappingProxyType({**FIXERS, "repair_line_wraps": repair})


def apply_plan(text: str, plan: Iterable[str]) -> str:
    """Run the fixers named in ``plan`` in order; replays a list of explained steps.

    >>> apply_plan("Faster  Cycle\\nDetection", ["join_lines", "collapse_whitespace"])
    'Faster Cycle Detection'
    """
    for name in plan:
        text = FIXERS[name](text)
    return text
