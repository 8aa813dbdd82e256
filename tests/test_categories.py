"""arXiv's category taxonomy: codes, names, aliases, retired archives, listing labels."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from arxivmeta.categories import (
    canonical_category,
    category_for_name,
    category_name,
    known_category,
    taxonomy,
)

CORPUS = Path(
    os.environ.get("ARXIVMETA_CORPUS", Path(__file__).parents[2] / "shared/corpus/dev.jsonl")
)
# How listing sites label each group ("arXiv - CS - ...").
GROUP_LABELS = {
    "cs": "CS",
    "math": "MATH",
    "physics": "PHYS",
    "stat": "STAT",
    "eess": "EE",
    "econ": "ECON",
    "q-bio": "QuanBio",
    "q-fin": "QuantFin",
}


def current() -> list[str]:
    return [c.code for c in taxonomy().by_code.values() if not c.legacy]


def test_the_current_taxonomy_has_155_categories_in_8_groups() -> None:
    assert len(current()) == 155
    assert set(taxonomy().groups) == set(GROUP_LABELS)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("cs.DC", "Distributed, Parallel, and Cluster Computing"),
        ("hep-th", "High Energy Physics - Theory"),
        ("quant-ph", "Quantum Physics"),
        ("cond-mat.mes-hall", "Mesoscale and Nanoscale Physics"),
        ("q-bio.NC", "Neurons and Cognition"),
        ("econ.GN", "General Economics"),
        ("solv-int", "Exactly Solvable and Integrable Systems"),
        ("astro-ph", "Astrophysics"),
    ],
)
def test_category_name(code: str, name: str) -> None:
    assert category_name(code) == name
    assert category_name(code.upper()) == name


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("math.IT", "cs.IT"),
        ("math.MP", "math-ph"),
        ("stat.TH", "math.ST"),
        ("q-fin.EC", "econ.GN"),
        ("cs.SY", "eess.SY"),
        ("cs.NA", "math.NA"),
        ("cs.IT", "cs.IT"),
        ("CS.dc", "cs.DC"),
    ],
)
def test_aliases_resolve(alias: str, canonical: str) -> None:
    assert canonical_category(alias) == canonical


def test_retired_archives_name_their_successor() -> None:
    assert known_category("solv-int").successor == "nlin.SI"  # type: ignore[union-attr]
    assert known_category("funct-an").successor == "math.FA"  # type: ignore[union-attr]
    assert known_category("funct-an").group == "math"  # type: ignore[union-attr]
    assert known_category("cmp-lg").successor == "cs.CL"  # type: ignore[union-attr]


@pytest.mark.parametrize("junk", ["", " ", "cs", "cs.XX", "57Q45", "\x00", "💥" * 3, "a" * 10_000])
def test_unknown_codes(junk: str) -> None:
    assert known_category(junk) is None
    assert category_name(junk) is None
    assert canonical_category(junk) is None


@pytest.mark.parametrize("code", current())
def test_listing_label_names_the_category(code: str) -> None:
    category = known_category(code)
    assert category is not None
    label = f"arXiv - {GROUP_LABELS[category.group]} - {category.name}"
    assert canonical_category(category_for_name(label) or "") == canonical_category(code)
    assert category_for_name(label.lower()) == category_for_name(label)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("arXiv - CS - Distributed, Parallel, and Cluster Computing", "cs.DC"),
        ("Distributed,  Parallel, and Cluster Computing", "cs.DC"),
        ("arXiv - STAT - Machine Learning", "stat.ML"),
        ("arXiv - CS - Machine Learning", "cs.LG"),
        ("arXiv - PHYS - Quantum Physics", "quant-ph"),
        ("arXiv - MATH - Numerical Analysis", "math.NA"),
        ("Systems and Control", "eess.SY"),
        ("Superconductivity", "cond-mat.supr-con"),
        ("hep-th", "hep-th"),
        ("Machine Learning", None),
        ("arXiv - CS - Cooking", None),
        ("", None),
    ],
)
def test_category_for_name(name: str, code: str | None) -> None:
    assert category_for_name(name) == code


@pytest.mark.skipif(not CORPUS.exists(), reason="corpus not available")
def test_every_category_code_in_the_corpus_is_known() -> None:
    unknown = set()
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            for code in (json.loads(line).get("categories") or "").split():
                if known_category(code) is None:
                    unknown.add(code)
    assert not unknown
