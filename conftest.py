"""Collection rules for the whole repository (tests and the package's doctests).

Tests marked ``slow`` measure wall-clock time or run for minutes; a busy machine can fail
the first kind by chance, so the default run skips both. They run with ``-m slow`` (only
them) or ``--run-slow`` (with everything else).
"""

from __future__ import annotations

import importlib.util

import pytest

# Optional extras: their modules' doctests run only where the extra is installed.
collect_ignore = [
    path
    for path, needs in (
        ("src/arxivmeta/dask.py", "dask"),
        ("src/arxivmeta/strategies", "hypothesis"),
    )
    if importlib.util.find_spec(needs) is None
]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        help="also run tests marked slow (timing checks, adversarial sizes)",
    )


def _slow_selected(config: pytest.Config) -> bool:
    # A -m expression that names the marker is an explicit request: `-m slow` runs them, and
    # `-m "not slow"` has deselected them before this matters.
    return bool(config.getoption("--run-slow")) or "slow" in (config.getoption("markexpr") or "")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _slow_selected(config):
        return
    skip = pytest.mark.skip(reason="slow: runs with -m slow or --run-slow")
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(skip)
