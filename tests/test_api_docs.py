"""docs/api.md lists exactly the public names: every name in the ``__all__`` of the package
and of each public module is documented there, and every name documented is importable."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

import pytest

API = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text("utf-8")
DIRECTIVE = re.compile(r"^\.\. auto(\w+):: ([\w.]+)\n((?:   :[\w-]+:.*\n)*)", re.M)
PUBLIC_MODULES = (
    "arxivmeta",
    "arxivmeta.authors",
    "arxivmeta.batch",
    "arxivmeta.categories",
    "arxivmeta.cli",
    "arxivmeta.config",
    "arxivmeta.dask",
    "arxivmeta.errors",
    "arxivmeta.explain",
    "arxivmeta.export",
    "arxivmeta.fixes",
    "arxivmeta.identifiers",
    "arxivmeta.models",
    "arxivmeta.records",
    "arxivmeta.records.formats",
    "arxivmeta.strategies",
    "arxivmeta.text",
    "arxivmeta.wraps",
)


def _resolve(dotted: str) -> object:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            found = getattr(found, part)
        return found
    raise ImportError(dotted)


def _documented() -> dict[str, object]:
    """Each documented name and its object; a module with ``:members:`` documents its
    ``__all__``, as Sphinx's autodoc does."""
    names: dict[str, object] = {}
    for kind, dotted, options in DIRECTIVE.findall(API):
        target = _resolve(dotted)
        if kind == "module":
            assert isinstance(target, ModuleType)
            if ":members:" in options:
                names.update({f"{dotted}.{n}": getattr(target, n) for n in target.__all__})
            continue
        names[dotted] = target
    return names


DOCUMENTED = _documented()


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_every_public_name_of_a_module_is_documented(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert f".. automodule:: {module_name}\n" in API, f"{module_name} has no section"
    public = [name for name in module.__all__ if name != "__version__"]
    documented = {id(value) for value in DOCUMENTED.values()}
    missing = [name for name in public if id(getattr(module, name)) not in documented]
    assert missing == [], f"{module_name}: not in docs/api.md: {missing}"


def test_every_documented_name_is_public() -> None:
    # A name the page documents lives in the __all__ of the module it is documented under.
    for dotted in DOCUMENTED:
        module_name, _, name = dotted.rpartition(".")
        module = importlib.import_module(module_name)
        assert name in getattr(module, "__all__", ()), f"{dotted} is documented but not public"


def test_the_reader_of_this_test_is_not_fooled_by_an_empty_page() -> None:
    assert len(DOCUMENTED) > 100
    assert "arxivmeta.clean_record" in DOCUMENTED
