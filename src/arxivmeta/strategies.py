"""Hypothesis strategies that generate the messes arxivmeta repairs, each with its truth.

Use them to test code built on arxivmeta, or to check a cleaner you wrote yourself:

>>> from hypothesis import given, settings
>>> from arxivmeta import parse_doi
>>> @settings(max_examples=20, derandomize=True)
... @given(doi_variants())
... def test_every_spelling_parses(case):
...     assert str(parse_doi(case.text)) == case.canonical
>>> test_every_spelling_parses()
>>> case = IdentifierCase("(doi:10.1145/3292500.3330701).", canonical="10.1145/3292500.3330701")
>>> str(parse_doi(case.text)) == case.canonical
True

Strategies that build a mess from a known clean value return a named tuple holding both
(``case.text`` / ``case.messy`` and ``case.canonical`` / ``case.truth``), so a test can
compare the repair with the truth instead of with a hard-coded answer. The guide in
``docs/property-testing.md`` shows each one on a real example.

Needs hypothesis (``pip install hypothesis`` or ``pip install arxivmeta[test]``).
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "arxivmeta.strategies needs hypothesis; install it with `pip install hypothesis` "
        "(or `pip install arxivmeta[test]`)"
    ) from error

__all__ = [
    "AuthorListCase",
    "ExpectedAuthor",
    "IdentifierCase",
    "RawRecord",
    "TextCase",
    "arxiv_id_variants",
    "author_lists",
    "control_characters",
    "doi_variants",
    "english_words",
    "glued_author_lists",
    "glued_line_wraps",
    "json_values",
    "marked_line_wraps",
    "messy_text",
    "mojibake",
    "paragraphs",
    "raw_records",
    "sentences",
]

# Named as arxivmeta.records names the formats, so a case can be passed as ``format=``.
RECORD_FORMATS = ("aggregator", "arxiv-snapshot", "semantic-scholar")


class TextCase(NamedTuple):
    """A messy string and the clean text it was made from."""

    messy: str
    truth: str


class IdentifierCase(NamedTuple):
    """One spelling of an identifier and its canonical ``str()`` form."""

    text: str
    canonical: str


class ExpectedAuthor(NamedTuple):
    """The author a parser should find: display name, name parts, affiliations."""

    name: str
    given: str | None
    family: str
    suffix: str | None
    affiliations: tuple[str, ...]


class AuthorListCase(NamedTuple):
    """A raw author string and the authors in it, in order."""

    text: str
    authors: tuple[ExpectedAuthor, ...]
    et_al: bool


class RawRecord(NamedTuple):
    """A raw record as one of the supported sources serves it, and that source's name."""

    record: dict[str, Any]
    format: str


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


# --- identifiers ------------------------------------------------------------------------

_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
_DASHES = ("\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\ufe63", "\uff0d")
_BRACKETS = (("", ""), ("(", ")"), ("[", "]"), ("<", ">"), ('"', '"'))
_TRAILING = ("", ".", ",", ";", ":")
_FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _lookalikes(text: str, fullwidth: bool, dash: str) -> str:
    if fullwidth:
        text = text.translate(_FULLWIDTH)
    return text.replace("-", dash)


@st.composite
def _decorate(draw: st.DrawFn, core: str, labels: Sequence[str]) -> str:
    """Put a label or URL before ``core``, then add the noise real documents add."""
    opening, closing = draw(st.sampled_from(_BRACKETS))
    text = opening + draw(st.sampled_from(tuple(labels))) + core + closing
    text += draw(st.sampled_from(_TRAILING))
    for _ in range(draw(st.integers(0, 2))):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(_ZERO_WIDTH)) + text[cut:]
    space = st.sampled_from(("", " ", "\u00a0", "\n", "\t"))
    return draw(space) + text + draw(space)


_DOI_LABELS = (
    "", "doi:", "DOI:", "doi: ", "DOI ", "doi.org/", "https://doi.org/", "http://dx.doi.org/",
    "HTTPS://DOI.ORG/", "https://www.doi.org/",
)  # fmt: skip
_DOI_SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


@st.composite
def doi_variants(draw: st.DrawFn) -> IdentifierCase:
    """A DOI spelled as people paste it, with the canonical DOI string.

    Labels and resolver URLs, any ASCII case, trailing punctuation or brackets, fullwidth
    digits, Unicode dashes for ``-`` and zero-width characters.
    """
    prefix = f"10.{draw(st.integers(1000, 99999))}"
    chunk = st.text(st.sampled_from(_DOI_SUFFIX_CHARS), min_size=1, max_size=8)
    chunks = draw(st.lists(chunk, min_size=1, max_size=4))
    seps = [draw(st.sampled_from("./-_")) for _ in chunks[1:]]
    suffix = chunks[0] + "".join(s + c for s, c in zip(seps, chunks[1:], strict=True))
    canonical = f"{prefix}/{suffix}"
    core = canonical
    case = draw(st.sampled_from(("lower", "upper", "mixed")))
    if case == "upper":
        core = core.upper()
    elif case == "mixed":
        flips = draw(st.integers(0, 2 ** len(core) - 1))  # one draw, not one per letter
        core = "".join(c.upper() if flips >> i & 1 else c for i, c in enumerate(core))
    core = _lookalikes(core, draw(st.booleans()), draw(st.sampled_from(("-", *_DASHES))))
    return IdentifierCase(draw(_decorate(core, _DOI_LABELS)), canonical)


_ARXIV_LABELS = (
    "", "arXiv:", "arxiv:", "ARXIV:", "arXiv: ", "arXiv ", "https://arxiv.org/abs/",
    "http://arxiv.org/abs/", "https://www.arxiv.org/abs/", "https://export.arxiv.org/abs/",
    "https://arxiv.org/pdf/", "arxiv-", "https://doi.org/arxiv-",
)  # fmt: skip
# Old-scheme archives and the month each opened (arXiv category taxonomy); an identifier
# dated before its archive opened was never issued.
_OLD_ARCHIVES = MappingProxyType({
    "hep-th": 1991_08, "hep-ph": 1992_03, "hep-ex": 1994_04, "hep-lat": 1992_02,
    "astro-ph": 1992_04, "cond-mat": 1992_04, "gr-qc": 1992_07, "math-ph": 1996_09,
    "nucl-th": 1992_10, "quant-ph": 1994_12, "physics": 1996_10, "nlin": 1993_01,
    "math": 1992_02, "cs": 1993_01, "q-bio": 2003_09,
})  # fmt: skip
_LAST_OLD_MONTH = 2007_03
_SUBJECT_CLASSES = MappingProxyType(
    {"math": ("GT", "AG", "CO", "PR"), "cs": ("AI", "LG", "DS", "CC")}
)


@st.composite
def _arxiv_id(draw: st.DrawFn) -> tuple[str, str]:
    """An unversioned identifier as (canonical id, id as written)."""
    if draw(st.booleans()):
        year = draw(st.integers(7, 25))
        month = draw(st.integers(4 if year == 7 else 1, 12))
        digits = 4 if year < 15 else 5
        ident = f"{year:02d}{month:02d}.{draw(st.integers(1, 10**digits - 1)):0{digits}d}"
        return ident, ident
    archive = draw(st.sampled_from(sorted(_OLD_ARCHIVES)))
    opened = _OLD_ARCHIVES[archive]
    first = (opened // 100) * 12 + opened % 100 - 1
    last = (_LAST_OLD_MONTH // 100) * 12 + _LAST_OLD_MONTH % 100 - 1
    year, month0 = divmod(draw(st.integers(first, last)), 12)
    ident = f"{archive}/{year % 100:02d}{month0 + 1:02d}{draw(st.integers(1, 999)):03d}"
    if archive in _SUBJECT_CLASSES and draw(st.booleans()):
        subject = draw(st.sampled_from(_SUBJECT_CLASSES[archive]))
        return ident, ident.replace("/", f".{subject}/", 1)
    return ident, ident


@st.composite
def arxiv_id_variants(draw: st.DrawFn) -> IdentifierCase:
    """An arXiv identifier (either scheme, with or without version) as people write it.

    The canonical form is ``str(ArxivId)``: ``arXiv:2408.16978v2`` or ``arXiv:math/0309136``
    (a subject class such as ``math.GT/0309136`` is not part of the identifier).
    """
    ident, written = draw(_arxiv_id())
    version = draw(st.one_of(st.none(), st.integers(1, 30)))
    tail = "" if version is None else f"v{version}"
    core = _lookalikes(written + tail, draw(st.booleans()), draw(st.sampled_from(("-", *_DASHES))))
    return IdentifierCase(draw(_decorate(core, _ARXIV_LABELS)), f"arXiv:{ident}{tail}")


# --- authors ----------------------------------------------------------------------------

_GIVEN = (
    "Jinghan", "Sam", "Masahiro", "Olatunji", "Aamir", "Helena", "Anton", "Erik", "Elad",
    "Magnus", "Giovanni", "Keren", "Virginia", "Bartosz", "Jérémie", "François", "Yérom-David",
    "Zoë", "José", "Søren", "Łukasz", "Jean-Pierre", "Debra Meloy", "Rita", "Wei", "Ana",
)  # fmt: skip
_FAMILY = (
    "Yao", "Jacobs", "Tanaka", "Ruwase", "Shafi", "Subramoni", "Panda", "Rydén", "Näslund",
    "Schiller", "Almgren", "Perin", "Rossi", "Balis", "Censor-Hillel", "Decouchant", "Taïani",
    "Müller", "Gourgoulhon", "Tojeiro", "Heavens", "Krattenthaler", "Avila-Reese", "Gödel",
    "Elmegreen", "Chattaraj", "Pérez", "Çelik", "Łopuszański", "Wrónski", "Ångström",
)  # fmt: skip
_PARTICLES = ("van", "van der", "de", "de la", "von", "di", "da", "del", "dos")
_SUFFIXES = ("Jr.", "Jr", "Sr.", "II", "III", "IV")
_AFFILIATIONS = (
    "IfA, Edinburgh", "CNRS", "TU Delft", "IRISA, UR", "Universität Wien", "INAF-OAB",
    "Vassar College", "IBM T.J. Watson Research Center", "University of Oxford", "MIT",
    "Seoul National University", "Instituto de Astronomia, UNAM", "Colgate University",
    "LUTH, CNRS / Observatoire de Paris", "Queen Mary & Westfield College, University of London",
)  # fmt: skip
# How arXiv submitters type accents in TeX; each maps to one Unicode letter.
_LATEX_ACCENTS = MappingProxyType({
    "é": ("\\'e", "{\\'e}", "\\'{e}"), "è": ("\\`e",), "ë": ('\\"e',), "ü": ('\\"u', '{\\"u}'),
    "ö": ('\\"o', '{\\"o}'), "ä": ('\\"a',), "ï": ('\\"i',), "ó": ("\\'o",), "ç": ("\\c{c}",),
    "Ç": ("\\c{C}",), "ø": ("{\\o}",), "Ø": ("{\\O}",), "ł": ("{\\l}",), "Ł": ("{\\L}",),
    "ń": ("\\'n",), "Å": ("{\\AA}", "\\AA{}"), "ß": ("{\\ss}",),
})  # fmt: skip


@st.composite
def _latexify(draw: st.DrawFn, text: str) -> str:
    if not draw(st.booleans()):
        return text
    return "".join(
        draw(st.sampled_from(_LATEX_ACCENTS[c])) if c in _LATEX_ACCENTS else c for c in text
    )


@st.composite
def _author(draw: st.DrawFn, glued: bool = False) -> tuple[ExpectedAuthor, str]:
    """One author as (expected, written name without affiliations)."""
    given: str | None
    if draw(st.booleans()):
        given = draw(st.sampled_from(_GIVEN))
    else:
        letters = draw(st.lists(st.sampled_from("ABCDEFGHJKLMNPRSTVWY"), min_size=1, max_size=3))
        given = " ".join(f"{c}." for c in letters)
    family = draw(st.sampled_from(_FAMILY))
    if not glued and draw(st.integers(0, 4)) == 0:
        family = f"{draw(st.sampled_from(_PARTICLES))} {family}"
    suffix = (
        draw(st.sampled_from(_SUFFIXES)) if not glued and draw(st.integers(0, 5)) == 0 else None
    )
    name = " ".join(p for p in (given, family, suffix) if p)
    written = name if glued else draw(_latexify(name))
    return ExpectedAuthor(name, given, family, suffix, ()), written


def _join_authors(pieces: Sequence[str], final: str) -> str:
    if len(pieces) == 1:
        return pieces[0]
    return ", ".join(pieces[:-1]) + final + pieces[-1]


@st.composite
def author_lists(draw: st.DrawFn, max_authors: int = 6) -> AuthorListCase:
    """An arXiv-style author string and the authors a parser should find in it.

    Covers plain lists, ``and``/``, and`` before the last name, initials, particles
    (``van der``), suffixes (``Jr.``), accents typed as Unicode or TeX (``M\\"uller``),
    parenthesised affiliations (which, as on arXiv, also cover the authors before them that
    have none: ``A, B (MIT)`` puts both at MIT), numbered affiliations listed at the end
    (``A (1), B (1,2) ((1) MIT, (2) CNRS)``), the ``\\n  `` wraps of ``.abs`` files and a
    trailing ``et al.``.
    """
    drawn = draw(st.lists(_author(), min_size=1, max_size=max_authors))
    style = draw(st.sampled_from(("plain", "parenthesized", "numbered")))
    pool = draw(st.lists(st.sampled_from(_AFFILIATIONS), min_size=1, max_size=3, unique=True))
    expected: list[ExpectedAuthor] = []
    pieces: list[str] = []
    waiting = 0  # authors before the next parenthesised affiliation, which covers them too
    for author, written in drawn:
        if style == "plain":
            pieces.append(written)
            expected.append(author)
        elif style == "parenthesized":
            expected.append(author)
            if draw(st.booleans()):
                affiliation = draw(st.sampled_from(pool))
                pieces.append(f"{written} ({affiliation})")
                for back in range(len(expected) - waiting - 1, len(expected)):
                    expected[back] = expected[back]._replace(affiliations=(affiliation,))
                waiting = 0
            else:
                pieces.append(written)
                waiting += 1
        else:
            numbers = draw(
                st.lists(st.integers(1, len(pool)), min_size=1, max_size=len(pool), unique=True)
            )
            pieces.append(f"{written} ({','.join(map(str, numbers))})")
            expected.append(author._replace(affiliations=tuple(pool[n - 1] for n in numbers)))
    et_al = style != "numbered" and len(pieces) > 1 and draw(st.integers(0, 5)) == 0
    if et_al:
        text = ", ".join(pieces) + draw(st.sampled_from((" et al.", ", et al.", " et al")))
    else:
        text = _join_authors(pieces, draw(st.sampled_from((", ", " and ", ", and "))))
    if style == "numbered":
        # The legend numbers every affiliation, used or not, as submitters write it.
        text += " (" + ", ".join(f"({n}) {a}" for n, a in enumerate(pool, 1)) + ")"
    if draw(st.booleans()):
        # .abs files wrap long author fields at 80 columns with a two-space indent.
        text = "\n  ".join(_wrapped_lines(text, 78))
    return AuthorListCase(text, tuple(expected), et_al)


@st.composite
def glued_author_lists(draw: st.DrawFn, max_authors: int = 5) -> AuthorListCase:
    """Authors as one aggregator prints them: each affiliation glued to the family name.

    ``Yérom-David BrombergIRISA, UR, Jérémie DecouchantTU Delft``: the expected
    affiliations are the glued text (``"IRISA, UR"``), split at the commas a reader would
    split at. As in the aggregator's dumps every author has an affiliation; every family
    name ends in a lower-case letter and every affiliation starts with a capital, so the
    boundary is there to be found.
    """
    drawn = draw(st.lists(_author(glued=True), min_size=1, max_size=max_authors))
    glueable = tuple(a for a in _AFFILIATIONS if a[0].isupper() and not a.startswith("IfA"))
    expected: list[ExpectedAuthor] = []
    pieces: list[str] = []
    for author, written in drawn:
        affiliation = draw(st.sampled_from(glueable))
        pieces.append(written + affiliation)
        expected.append(author._replace(affiliations=(affiliation,)))
    return AuthorListCase(", ".join(pieces), tuple(expected), False)


# --- whole records ----------------------------------------------------------------------


def json_values(max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Any JSON value: null, booleans, finite numbers, strings, nested lists and objects."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=max_leaves,
    )


@st.composite
def _date(draw: st.DrawFn) -> str:
    year, month = draw(st.integers(1991, 2025)), draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    return f"{year}-{month:02d}-{day:02d}"


def _new_arxiv_id() -> st.SearchStrategy[str]:
    return st.builds(
        "{:02d}{:02d}.{:05d}".format, st.integers(15, 25), st.integers(1, 12), st.integers(1, 99999)
    )


# Fields every record of the aggregator's dump carries, with the values they nearly always hold.
_AGGREGATOR_CONSTANTS: Mapping[str, Any] = MappingProxyType({
    "url": None, "PeriodicalIF": 0.0, "publicationTypes": "Journal Article",
    "fieldsOfStudy": None, "openAccessPdf": "", "resultStr": None, "platform": "Semanticscholar",
    "PeriodicalName": None, "FirstCategoryId": None, "ListUrlMain": None, "RegionNum": 0,
    "RegionCategory": "", "TitleCN": None, "AbstractTextCN": None,
    "PMCID": "", "EPubDate": None, "PubModel": None, "JCR": None, "JCRName": None, "Score": None,
    "Total": 0,
})  # fmt: skip


@st.composite
def _aggregator(draw: st.DrawFn) -> dict[str, Any]:
    ident = draw(_new_arxiv_id())
    authors = draw(st.one_of(author_lists(), glued_author_lists()))
    doi = f"arxiv-{ident}"
    return {
        "title": draw(sentences()).rstrip("."),
        "authors": authors.text.replace("\n  ", " "),
        "doi": doi,
        "DOIUrl": f"https://doi.org/{doi}",
        "abstract": draw(marked_line_wraps(markers=("\x00",))).messy,
        "PeriodicalId": draw(st.integers(1, 10**6)),
        "journal": {
            "name": "arXiv - CS - Distributed, Parallel, and Cluster Computing",
            "volume": f"{draw(st.integers(1, 200))} 1",
            "pages": "",
        },
        "publicationDate": draw(_date()),
        "isOpenAccess": draw(st.booleans()),
        "citationCount": draw(st.one_of(st.none(), st.integers(0, 5000))),
        "paperid": str(draw(st.integers(10**8, 10**9))),
        "ArticlePicture": [],
        **_AGGREGATOR_CONSTANTS,
    }


@st.composite
def _kaggle(draw: st.DrawFn) -> dict[str, Any]:
    ident = draw(_arxiv_id())[0]
    authors = draw(author_lists())
    title_lines = _wrapped_lines(draw(sentences(min_words=8)).rstrip("."), 70)
    categories = draw(
        st.lists(
            st.sampled_from(("hep-ph", "math.CO", "cs.LG", "quant-ph", "cs.DC")),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    return {
        "id": ident,
        "submitter": authors.authors[0].name,
        "authors": authors.text,
        "title": "\n  ".join(title_lines),
        "comments": draw(st.sampled_from((None, "23 pages, 3 figures", "11 pages"))),
        "journal-ref": draw(st.sampled_from((None, "Phys. Rev. D 76, 013009 (2007)"))),
        "doi": draw(st.one_of(st.none(), doi_variants().map(lambda c: c.canonical))),
        "report-no": draw(st.sampled_from((None, "ANL-HEP-PR-07-12"))),
        "categories": " ".join(categories),
        "license": draw(st.sampled_from((None, "http://arxiv.org/licenses/nonexclusive-distrib/1.0/"))),
        "abstract": "  " + draw(marked_line_wraps(markers=("\n",))).messy + "\n",
        "versions": [
            {"version": f"v{n}", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}
            for n in range(1, draw(st.integers(1, 3)) + 1)
        ],
        "update_date": draw(_date()),
        "authors_parsed": [
            [a.family, a.given or "", a.suffix or "", *a.affiliations] for a in authors.authors
        ],
    }  # fmt: skip


@st.composite
def _semantic_scholar(draw: st.DrawFn) -> dict[str, Any]:
    ident = draw(_new_arxiv_id())
    names = [a.name for a in draw(author_lists()).authors]
    hex_id = st.text(st.sampled_from("0123456789abcdef"), min_size=40, max_size=40)
    paper_id = draw(hex_id)
    return {
        "paperId": paper_id,
        "externalIds": {
            "ArXiv": ident,
            "DOI": f"10.48550/arXiv.{ident}",
            "CorpusId": draw(st.integers(1, 10**9)),
        },
        "url": f"https://www.semanticscholar.org/paper/{paper_id}",
        "title": draw(sentences()).rstrip("."),
        "abstract": draw(st.one_of(st.none(), paragraphs())),
        "venue": draw(st.sampled_from(("arXiv.org", "", "Neural Information Processing Systems"))),
        "year": draw(st.integers(2015, 2025)),
        "publicationDate": draw(st.one_of(st.none(), _date())),
        "referenceCount": draw(st.integers(0, 300)),
        "citationCount": draw(st.integers(0, 5000)),
        "influentialCitationCount": draw(st.integers(0, 50)),
        "isOpenAccess": draw(st.booleans()),
        "openAccessPdf": {"url": f"https://arxiv.org/pdf/{ident}", "status": "GREEN"},
        "fieldsOfStudy": ["Computer Science"],
        "s2FieldsOfStudy": [{"category": "Computer Science", "source": "external"}],
        "publicationTypes": draw(st.sampled_from((None, ["JournalArticle"]))),
        "journal": {"name": "ArXiv", "volume": f"abs/{ident}"},
        "authors": [{"authorId": str(draw(st.integers(1, 10**10))), "name": n} for n in names],
    }


_BUILDERS = MappingProxyType(
    {"aggregator": _aggregator, "arxiv-snapshot": _kaggle, "semantic-scholar": _semantic_scholar}
)


@st.composite
def raw_records(
    draw: st.DrawFn, formats: Sequence[str] = RECORD_FORMATS, hostile: bool = False
) -> RawRecord:
    """A whole raw record in one of the supported source formats.

    ``aggregator`` is the Semantic-Scholar-derived dump of ``examples/aggregator-sample.json``,
    ``arxiv-snapshot`` one line of the Kaggle arXiv metadata snapshot and ``semantic-scholar``
    a paper from the Semantic Scholar Graph API; ``format`` names the format as
    :func:`arxivmeta.clean_record` does. With ``hostile=True`` some fields are dropped, set
    to ``null``, ``""`` or a value of the wrong type, filled with :func:`messy_text`, and
    unknown fields are added.
    """
    name = draw(st.sampled_from(tuple(formats)))
    record = draw(_BUILDERS[name]())
    if hostile:
        for key in draw(st.lists(st.sampled_from(sorted(record)), max_size=4, unique=True)):
            record[key] = draw(
                st.one_of(st.none(), st.just(""), messy_text(), json_values(max_leaves=4))
            )
        for key in draw(st.lists(st.sampled_from(sorted(record)), max_size=2, unique=True)):
            del record[key]
        record.update(
            draw(st.dictionaries(st.text(min_size=1, max_size=10), json_values(4), max_size=3))
        )
    return RawRecord(record, name)
