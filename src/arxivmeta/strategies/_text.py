"""Strategies for text: words, sentences, line wraps, mojibake, control characters."""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Sequence
from typing import NamedTuple

from hypothesis import strategies as st


class TextCase(NamedTuple):
    """A messy string and the clean text it was made from."""

    messy: str
    truth: str


# --- words and sentences -------------------------------------------------------------


@functools.cache
def _word_list() -> tuple[str, ...]:
    from wordfreq import top_n_list  # noqa: PLC0415 (keeps import of this module cheap)

    return tuple(w for w in top_n_list("en", 2000) if w.isascii() and w.isalpha() and len(w) > 1)


def english_words() -> st.SearchStrategy[str]:
    """Common English words (wordfreq's 2,000 most frequent, letters only)."""
    return st.sampled_from(_word_list())


@st.composite
def sentences(draw: st.DrawFn, min_words: int = 4, max_words: int = 16) -> str:
    """A capitalised sentence of common English words ending in a full stop."""
    words = draw(st.lists(english_words(), min_size=min_words, max_size=max_words))
    return _sentence_case(" ".join(words)) + "."


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


@st.composite
def paragraphs(draw: st.DrawFn, min_sentences: int = 1, max_sentences: int = 5) -> str:
    """A paragraph of :func:`sentences`, single-spaced, long enough to wrap."""
    parts = draw(st.lists(sentences(), min_size=min_sentences, max_size=max_sentences))
    return " ".join(parts)


def _wrapped_lines(text: str, width: int) -> list[str]:
    # No breaks at hyphens: a line break after "long-" has no agreed truth.
    return textwrap.wrap(text, width=width, break_on_hyphens=False, break_long_words=False)


@st.composite
def glued_line_wraps(draw: st.DrawFn) -> TextCase:
    """A paragraph hard-wrapped at 60–80 columns whose line breaks were deleted.

    Aggregators drop the break and leave ``tocomplex``; the truth has ``to complex``.
    """
    truth = draw(paragraphs(min_sentences=3))
    lines = _wrapped_lines(truth, draw(st.integers(60, 80)))
    return TextCase("".join(lines), " ".join(lines))


@st.composite
def marked_line_wraps(draw: st.DrawFn, markers: Sequence[str] = ("\n", "\x00")) -> TextCase:
    """A paragraph hard-wrapped at 60–80 columns with each break kept as a marker.

    ``"\\n"`` is how arXiv stores abstracts; ``"\\x00"`` is how one aggregator marks the
    line breaks it deleted. The truth joins the lines with one space.
    """
    truth = draw(paragraphs(min_sentences=3))
    lines = _wrapped_lines(truth, draw(st.integers(60, 80)))
    return TextCase(draw(st.sampled_from(tuple(markers))).join(lines), " ".join(lines))


# --- mojibake and control characters ---------------------------------------------------

_ACCENTED_WORDS = (
    "café", "naïve", "Müller", "Gödel", "Zürich", "Universität", "São", "Paulo", "Señor",
    "Ångström", "Øresund", "Kraków", "Erdős", "Poincaré", "Schrödinger", "Besançon", "façade",
    "résumé", "Jérémie", "Näslund", "Rydén", "Taïani", "François", "Straße", "Łódź", "élan",
)  # fmt: skip


@st.composite
def mojibake(draw: st.DrawFn) -> TextCase:
    """Text with accented words encoded as UTF-8 and decoded as cp1252 or Latin-1.

    The truth is the text before the round trip:

    >>> "Müller".encode("utf-8").decode("cp1252")
    'MÃ¼ller'
    """
    words = draw(
        st.lists(st.one_of(english_words(), st.sampled_from(_ACCENTED_WORDS)), min_size=3).filter(
            lambda ws: any(not w.isascii() for w in ws)
        )
    )
    truth = _sentence_case(" ".join(words)) + "."
    data = truth.encode("utf-8")
    codec = draw(st.sampled_from(("cp1252", "latin-1")))
    try:
        messy = data.decode(codec)
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; a real mis-decoder would fall back to Latin-1.
        messy = data.decode("latin-1")
    return TextCase(messy, truth)


# C0 controls (not tab or newline) and DEL. C1 controls are left to :func:`mojibake`: a lone
# "\x80" is far more often a Windows-1252 "€" read as Latin-1 than a real control.
_CONTROL_CHARACTERS = "".join(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))


@st.composite
def control_characters(draw: st.DrawFn) -> TextCase:
    """A sentence with C0 control characters (not tab or newline) and DEL next to its spaces.

    The truth is the sentence without them.
    """
    words = draw(st.lists(english_words(), min_size=2, max_size=12))
    controls = st.text(st.sampled_from(_CONTROL_CHARACTERS), min_size=1, max_size=3)
    pieces = [words[0]]
    for word in words[1:]:
        glue = draw(
            st.one_of(
                st.just(" "), controls.map(lambda c: f" {c}"), controls.map(lambda c: f"{c} ")
            )
        )
        pieces.append(glue + word)
    return TextCase("".join(pieces), " ".join(words))


_ODD_SPACES = ("\u00a0", "\u2009", "\u200b", "\u200c", "\u200d", "\ufeff", "\u3000", "  ", "\t")
_LATEX_BITS = (
    "$\\alpha$", "$x^2$", "$O(n\\log n)$", "\\emph{new}", "\\textbf{bold}", "\\'e", '\\"u',
    "{\\o}", "$\\sim$", "\\cite{x}", "$$", "\\", "{", "}", "~", "\\%", "$3.37\\times$",
)  # fmt: skip


@st.composite
def messy_text(draw: st.DrawFn) -> str:
    """Text mixing every kind of mess: wraps, mojibake, controls, odd spaces, LaTeX, junk."""
    parts = draw(
        st.lists(
            st.one_of(
                sentences(),
                glued_line_wraps().map(lambda c: c.messy),
                marked_line_wraps().map(lambda c: c.messy),
                mojibake().map(lambda c: c.messy),
                control_characters().map(lambda c: c.messy),
                st.sampled_from(_ODD_SPACES),
                st.sampled_from(_LATEX_BITS),
                st.text(max_size=20),
            ),
            max_size=6,
        )
    )
    return draw(st.sampled_from(("", " ", "\n"))).join(parts)
