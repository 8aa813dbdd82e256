"""The compiled line-wrap core, ``arxivmeta._native`` (the crate in ``rust/src``).

An installed arxivmeta has the extension beside its modules. A source checkout put on
``sys.path`` ahead of the installed package (``pytest`` with ``pythonpath = ["src"]``
after ``pip install .``) has the Python modules but not the extension, which
``pip install .`` built into site-packages: it is loaded from there.

>>> native.__name__
'arxivmeta._native'
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

__all__ = ["native"]


def _installed_extension() -> ModuleType:
    here = Path(__file__).resolve().parent.parent  # the arxivmeta package folder
    for entry in sys.path:
        folder = Path(entry or ".").resolve() / "arxivmeta"
        if folder == here:
            continue
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = folder / f"_native{suffix}"
            spec = importlib.util.spec_from_file_location("arxivmeta._native", path)
            if path.is_file() and spec is not None and spec.loader is not None:
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                sys.modules["arxivmeta._native"] = module
                return module
    message = "arxivmeta's compiled core is not built: run `pip install .` (needs cargo)"
    raise ImportError(message)


try:
    from arxivmeta import _native as native
except ImportError:  # a source checkout ahead of the installed package
    native = _installed_extension()
