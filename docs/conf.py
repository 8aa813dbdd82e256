"""Sphinx configuration: MyST pages, furo theme, autodoc API reference, runnable examples.

Build with warnings as errors, from the repository root::

    sphinx-build -W --keep-going -b html docs docs/_build/html
    sphinx-build -W --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent

# A checkout documents its own source, even when another version is installed.
sys.path.insert(0, str(REPO / "src"))

import arxivmeta  # noqa: E402 (needs the path above)

project = "arxivmeta"
author = "arxivmeta developers"
copyright = "arxivmeta developers"
release = arxivmeta.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"arxivmeta {release}"
html_static_path = ["_static"]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# pydantic's class-level machinery is not part of the models' interface.
autodoc_default_options = {"exclude-members": "model_config, model_fields, model_computed_fields"}
# `arxivmeta.dask` imports dask, an optional extra; document it even where dask is absent.
if importlib.util.find_spec("dask") is None:
    autodoc_mock_imports = ["dask"]

# Every example on every page runs: `{doctest}` blocks in the pages are the tests. The
# docstrings' own examples run under pytest (`--doctest-modules`) with their module's names in
# scope, so they are not run a second time here.
doctest_test_doctest_blocks = ""
# Examples open `examples/...` as a reader in a checkout would: from the repository root.
doctest_global_setup = f"import os\nos.chdir({str(REPO)!r})\nimport arxivmeta"
doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
