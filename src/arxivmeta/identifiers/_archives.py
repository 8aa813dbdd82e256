"""The archives of arXiv's old identifier scheme (``hep-th/9901001``, 1991 to March 2007).

arXiv names 39 archives; 34 of them issued old-style identifiers, including the 18 that
were later merged into ``math`` (``alg-geom``, ``dg-ga``, ``funct-an``, ``q-alg``), ``nlin``
(``adap-org``, ``chao-dyn``, ``comp-gas``, ``patt-sol``, ``solv-int``), ``cond-mat``
(``mtrl-th``, ``supr-con``), ``cs`` (``cmp-lg``) and ``physics`` (``acc-phys``, ``ao-sci``,
``atom-ph``, ``bayes-an``, ``chem-ph``, ``plasm-ph``). ``econ``, ``eess``, ``q-fin`` and
``stat`` opened after the new scheme began (April 2007) and ``test`` never held papers, so
an old-style identifier in any of them is invalid. Names, opening months and subject
classes follow arXiv's taxonomy (https://arxiv.org/category_taxonomy and
``arxiv/taxonomy/definitions.py`` in arXiv's ``arxiv-base`` 0.17.8, checked name by name
and month by month against its ``ARCHIVES``).

An opening month is the archive's recorded start, not a bound on its identifiers: papers
were filed back into archives after they opened (``math/9201218``, K. Ball's plank problem
of 1991, predates ``math``'s recorded start of February 1992), so identifiers are not
rejected for predating their archive.

>>> OLD_ARCHIVES["hep-th"].opened, "GT" in OLD_ARCHIVES["math"].subject_classes
('9108', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class OldArchive:
    """An archive of the old scheme: its name, opening month (``YYMM``), subject classes."""

    name: str
    opened: str
    subject_classes: frozenset[str] = frozenset()


def _classes(codes: str) -> frozenset[str]:
    return frozenset(codes.split())


_MATH = _classes(
    "AC AG AP AT CA CO CT CV DG DS FA GM GN GR GT HO IT KT LO MG MP NA NT OA OC PR QA RA RT "
    "SG SP ST"
)
_CS = _classes(
    "AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI "
    "OH OS PF PL RO SC SD SE SI SY"
)
_PHYSICS = _classes(
    "acc-ph ao-ph app-ph atm-clus atom-ph bio-ph chem-ph class-ph comp-ph data-an ed-ph "
    "flu-dyn gen-ph geo-ph hist-ph ins-det med-ph optics plasm-ph pop-ph soc-ph space-ph"
)
_COND_MAT = _classes("dis-nn mes-hall mtrl-sci other quant-gas soft stat-mech str-el supr-con")

# Opening and closing months are recorded, not enforced: rejecting a real paper (one filed
# back into an archive, or one whose archive's recorded end month is not inclusive) is
# worse than accepting an identifier that was never issued.
_TABLE: tuple[OldArchive, ...] = (
    OldArchive("acc-phys", "9411"),
    OldArchive("adap-org", "9303"),
    OldArchive("alg-geom", "9202"),
    OldArchive("ao-sci", "9502"),
    OldArchive("astro-ph", "9204", _classes("CO EP GA HE IM SR")),
    OldArchive("atom-ph", "9509"),
    OldArchive("bayes-an", "9506"),
    OldArchive("chao-dyn", "9301"),
    OldArchive("chem-ph", "9403"),
    OldArchive("cmp-lg", "9404"),
    OldArchive("comp-gas", "9302"),
    OldArchive("cond-mat", "9204", _COND_MAT),
    OldArchive("cs", "9301", _CS),
    OldArchive("dg-ga", "9406"),
    OldArchive("funct-an", "9204"),
    OldArchive("gr-qc", "9207"),
    OldArchive("hep-ex", "9404"),
    OldArchive("hep-lat", "9202"),
    OldArchive("hep-ph", "9203"),
    OldArchive("hep-th", "9108"),
    OldArchive("math", "9202", _MATH),
    OldArchive("math-ph", "9609"),
    OldArchive("mtrl-th", "9411"),
    OldArchive("nlin", "9301", _classes("AO CD CG PS SI")),
    OldArchive("nucl-ex", "9412"),
    OldArchive("nucl-th", "9210"),
    OldArchive("patt-sol", "9302"),
    OldArchive("physics", "9610", _PHYSICS),
    OldArchive("plasm-ph", "9509"),
    OldArchive("q-alg", "9412"),
    OldArchive("q-bio", "0309", _classes("BM CB GN MN NC OT PE QM SC TO")),
    OldArchive("quant-ph", "9412"),
    OldArchive("solv-int", "9304"),
    OldArchive("supr-con", "9411"),
)

OLD_ARCHIVES: MappingProxyType[str, OldArchive] = MappingProxyType(
    {archive.name: archive for archive in _TABLE}
)
"""Old-scheme archives by lower-case name."""

FIRST_OLD_MONTH = "9108"
"""``hep-th`` opened arXiv in August 1991."""

LAST_OLD_MONTH = "0703"
"""The old scheme ended in March 2007; ``0704.0001`` is the first new-style identifier."""


def yymm_key(yymm: str) -> int:
    """Order ``YYMM`` strings across the century: ``9108`` < ``0703`` < ``2408``.

    The old scheme spans 1991-2007, so two-digit years from 91 up belong to the 1900s.

    >>> yymm_key("9108") < yymm_key("0703") < yymm_key("2408")
    True
    """
    year = int(yymm[:2])
    return (1900 + year if year >= 91 else 2000 + year) * 100 + int(yymm[2:])
