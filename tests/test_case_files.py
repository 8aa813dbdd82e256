"""Every example case file under ``tests/cases/`` follows the one schema of ``_cases``."""

from __future__ import annotations

import pytest

from _cases import case_files, load


def test_there_are_case_files_for_every_capability() -> None:
    assert set(case_files()) >= {
        "authors.json",
        "fuzz_regressions.json",
        "identifiers.json",
        "line_wraps.json",
        "records/seed.json",
        "text_fixers.json",
    }


@pytest.mark.parametrize("name", case_files())
def test_case_file_follows_the_schema(name: str) -> None:
    cases = load(name)
    assert cases, name
