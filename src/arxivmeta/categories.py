"""arXiv's subject taxonomy: category codes, their names, archives, groups and aliases.

The table (``_data/arxiv_categories.json``) follows https://arxiv.org/category_taxonomy
and adds the archives arXiv retired or split (``solv-int``, ``supr-con``, whole
``astro-ph``), so every code found on an arXiv record since 1991 is known.

>>> category_for_name("arXiv - CS - Distributed, Parallel, and Cluster Computing")
'cs.DC'
>>> category_name("math.IT"), canonical_category("math.IT")
('Information Theory', 'cs.IT')
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import regex

__all__ = [
    "Category",
    "canonical_category",
    "category_for_name",
    "category_name",
    "known_category",
    "taxonomy",
]


@dataclass(frozen=True, slots=True)
class Category:
    """One category: ``code`` (``cs.DC``), ``name``, ``archive``, ``group``, ``successor``.

    ``successor`` names the category that replaced a retired one (``solv-int`` → ``nlin.SI``).
    """

    code: str
    name: str
    archive: str
    group: str
    successor: str | None = None
    legacy: bool = False


@dataclass(frozen=True, slots=True)
class _Taxonomy:
    by_code: MappingProxyType[str, Category]
    by_lower_code: MappingProxyType[str, str]
    aliases: MappingProxyType[str, str]
    by_name: MappingProxyType[str, tuple[str, ...]]
    groups: MappingProxyType[str, str]


# Group labels as listing sites print them ("arXiv - CS - ...", "arXiv - QuanBio - ...").
_GROUP_LABELS = {
    "cs": "cs",
    "computer science": "cs",
    "math": "math",
    "mathematics": "math",
    "phys": "physics",
    "physics": "physics",
    "stat": "stat",
    "statistics": "stat",
    "ee": "eess",
    "eess": "eess",
    "econ": "econ",
    "economics": "econ",
    "quanbio": "q-bio",
    "q-bio": "q-bio",
    "quantitative biology": "q-bio",
    "quantfin": "q-fin",
    "q-fin": "q-fin",
    "quantitative finance": "q-fin",
}

_SPACES = regex.compile(r"\s+")
_ARXIV_PREFIX = regex.compile(r"^\s*arxiv\s*[-–:]\s*", regex.IGNORECASE)
_GROUP_PREFIX = regex.compile(r"^([^-–:]{1,30}?)\s+[-–:]\s+(.+)$")


def _key(name: str) -> str:
    return _SPACES.sub(" ", name).strip().casefold()


@functools.cache
def taxonomy() -> _Taxonomy:
    """The category table, loaded once into read-only mappings."""
    raw: dict[str, Any] = json.loads(
        resources.files("arxivmeta").joinpath("_data/arxiv_categories.json").read_text("utf-8")
    )
    archives: dict[str, Any] = raw["archives"]
    by_code: dict[str, Category] = {}
    for code, info in raw["categories"].items():
        group = archives[info["archive"]]["group"]
        by_code[code] = Category(code, info["name"], info["archive"], group)
    for code, info in raw["legacy"].items():
        successor = info["successor"]
        if successor is None:
            archive, group = code, archives[code]["group"]
        else:
            archive, group = by_code[successor].archive, by_code[successor].group
        by_code[code] = Category(code, info["name"], archive, group, successor, legacy=True)
    names: dict[str, list[str]] = {}
    for category in by_code.values():
        names.setdefault(_key(category.name), []).append(category.code)
    return _Taxonomy(
        by_code=MappingProxyType(by_code),
        by_lower_code=MappingProxyType({code.casefold(): code for code in by_code}),
        aliases=MappingProxyType(dict(raw["aliases"])),
        by_name=MappingProxyType({name: tuple(codes) for name, codes in names.items()}),
        groups=MappingProxyType(dict(raw["groups"])),
    )


def known_category(code: str) -> Category | None:
    """The :class:`Category` for ``code`` (any case), or ``None`` when arXiv never used it.

    >>> known_category("CS.dc").code
    'cs.DC'
    """
    table = taxonomy()
    exact = table.by_lower_code.get(code.strip().casefold())
    return None if exact is None else table.by_code[exact]


def canonical_category(code: str) -> str | None:
    """The canonical code for ``code``: fixes case and resolves aliases (``cs.NA`` → ``math.NA``).

    >>> canonical_category("stat.th"), canonical_category("cs.XX")
    ('math.ST', None)
    """
    category = known_category(code)
    if category is None:
        return None
    return taxonomy().aliases.get(category.code, category.code)


def category_name(code: str) -> str | None:
    """The name arXiv gives ``code`` (``cs.DC`` → ``Distributed, Parallel, and Cluster Computing``).

    >>> category_name("solv-int")
    'Exactly Solvable and Integrable Systems'
    """
    category = known_category(code)
    return None if category is None else category.name


def category_for_name(name: str) -> str | None:
    """The category code a listing name stands for, or ``None`` when it is unknown or ambiguous.

    Accepts bare names, codes, and listing labels such as ``arXiv - CS - Machine Learning``,
    whose group label settles names several groups share (``cs.LG`` versus ``stat.ML``).
    Current categories win over retired ones of the same name.

    >>> category_for_name("arXiv - STAT - Machine Learning"), category_for_name("machine learning")
    ('stat.ML', None)
    >>> category_for_name("arXiv - PHYS - Quantum Physics")
    'quant-ph'
    """
    if not isinstance(name, str):
        return None
    direct = known_category(name)
    if direct is not None:
        return direct.code
    text = _ARXIV_PREFIX.sub("", name, count=1)
    group: str | None = None
    match = _GROUP_PREFIX.match(text)
    if match is not None and _key(match.group(1)) in _GROUP_LABELS:
        group = _GROUP_LABELS[_key(match.group(1))]
        text = match.group(2)
    table = taxonomy()
    codes = table.by_name.get(_key(text), ())
    if group is not None:
        codes = tuple(code for code in codes if table.by_code[code].group == group)
    current = tuple(code for code in codes if not table.by_code[code].legacy)
    if current:
        codes = current
    if len(codes) > 1:
        # Aliased pairs (cs.SY / eess.SY) are one category under two codes.
        canonical = {table.aliases.get(code, code) for code in codes}
        if len(canonical) == 1:
            return canonical.pop()
        return None
    return codes[0] if codes else None
