"""Collection rules for the whole repository (tests and the package's doctests)."""

import importlib.util

# Optional extras: their modules' doctests run only where the extra is installed.
collect_ignore = [
    path
    for path, needs in (
        ("src/arxivmeta/dask.py", "dask"),
        ("src/arxivmeta/strategies", "hypothesis"),
    )
    if importlib.util.find_spec(needs) is None
]
