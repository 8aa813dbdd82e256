"""The example cases under ``tests/cases/``, read through one schema.

Every case file is ``{"about": ..., "cases": [...]}``, and every case holds exactly:

- ``label``: its name, used as the test id;
- ``original``: the input;
- ``expected``: the answer, in the shape the file's ``about`` describes (``null`` where a
  contract, not one answer, is checked);
- ``expect``: ``"pass"``, or ``"fail"`` for a known defect, run as a strict xfail so that the
  day it is fixed the case must be moved to ``"pass"``;
- ``comment``: where the case comes from and, for a known defect, why it fails;

and, in a file that covers several functions, ``function``: the one this case is for.

>>> [case["label"] for case in load("line_wraps.json")][:1]
['marked: U+0000 for each lost break']
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CASES_DIR = Path(__file__).resolve().parent / "cases"
KEYS = frozenset({"label", "original", "expected", "expect", "comment"})
OPTIONAL_KEYS = frozenset({"function"})
EXPECTS = frozenset({"pass", "fail"})


class CaseFileError(ValueError):
    """A case file that does not follow the schema: a test that read it could pass vacuously."""


def load(name: str) -> list[dict[str, Any]]:
    """The cases of ``tests/cases/<name>``, each checked against the schema."""
    path = CASES_DIR / name
    document = json.loads(path.read_text("utf-8"))
    if not isinstance(document, dict) or set(document) != {"about", "cases"}:
        raise CaseFileError(f"{name}: a case file is an object with 'about' and 'cases'")
    cases: list[dict[str, Any]] = document["cases"]
    labels: set[str] = set()
    for position, case in enumerate(cases):
        keys = set(case)
        if not KEYS <= keys <= KEYS | OPTIONAL_KEYS:
            raise CaseFileError(f"{name}, case {position}: keys {sorted(keys)}")
        if case["expect"] not in EXPECTS:
            raise CaseFileError(f"{name}, case {position}: expect {case['expect']!r}")
        if case["expect"] == "fail" and not case["comment"]:
            raise CaseFileError(f"{name}, case {position}: a known defect says why in 'comment'")
        key = f"{case.get('function', '')}: {case['label']}"
        if key in labels:
            raise CaseFileError(f"{name}, case {position}: label {case['label']!r} twice")
        labels.add(key)
    return cases


def params(cases: list[dict[str, Any]]) -> list[Any]:
    """``cases`` as pytest parameters: named by label, a known defect as a strict xfail."""
    return [
        pytest.param(
            case,
            id=f"{case['function']}: {case['label']}" if "function" in case else case["label"],
            marks=[pytest.mark.xfail(strict=True, reason=case["comment"])]
            if case["expect"] == "fail"
            else [],
        )
        for case in cases
    ]


def case_files() -> list[str]:
    """Every case file's name relative to ``tests/cases/``."""
    return sorted(str(path.relative_to(CASES_DIR)) for path in CASES_DIR.rglob("*.json"))
