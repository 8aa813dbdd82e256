"""Strategies for identifiers: DOIs and arXiv ids spelled as people paste them."""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType
from typing import NamedTuple

from hypothesis import strategies as st


class IdentifierCase(NamedTuple):
    """One spelling of an identifier and its canonical form (for a DOI, as registered)."""

    text: str
    canonical: str


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
_DOI_SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@st.composite
def doi_variants(draw: st.DrawFn) -> IdentifierCase:
    """A DOI spelled as people paste it, with the DOI as registered.

    ``canonical`` is the registered form, in the case the registrant chose
    (``10.1103/PhysRevB.75.205442``); ``str(parse_doi(canonical)) == canonical``. The text
    adds labels and resolver URLs, trailing punctuation or brackets, fullwidth digits,
    Unicode dashes for ``-``, zero-width characters, and may change the DOI's ASCII case:
    it parses to a DOI *equal* to the canonical one (DOIs compare case-insensitively), which
    prints in the case the text wrote it in.
    """
    # arXiv's prefix 10.48550 is left out: its DOIs print as arXiv registers them.
    prefix = f"10.{draw(st.integers(1000, 99999).filter(lambda n: n != 48550))}"
    chunk = st.text(st.sampled_from(_DOI_SUFFIX_CHARS), min_size=1, max_size=8)
    chunks = draw(st.lists(chunk, min_size=1, max_size=4))
    seps = [draw(st.sampled_from("./-_")) for _ in chunks[1:]]
    suffix = chunks[0] + "".join(s + c for s, c in zip(seps, chunks[1:], strict=True))
    canonical = f"{prefix}/{suffix}"
    core = canonical
    case = draw(st.sampled_from(("registered", "lower", "upper", "mixed")))
    if case == "lower":
        core = core.lower()
    elif case == "upper":
        core = core.upper()
    elif case == "mixed":
        flips = draw(st.integers(0, 2 ** len(core) - 1))  # one draw, not one per letter
        core = "".join(c.swapcase() if flips >> i & 1 else c for i, c in enumerate(core))
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
