"""docs/api.md lists exactly the public names: every name in the ``__all__`` of the package
and of each public module is documented there, and every name documented is importable.

Each section also shows the signatures of its functions and classes as a plain ``python``
code block, readable without Sphinx (on GitHub); each must be what :func:`inspect.signature`
says of the real object. ``python tests/test_api_docs.py`` prints the blocks as they should
read, section by section.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, ForwardRef

import pytest

API_PATH = Path(__file__).resolve().parent.parent / "docs" / "api.md"
API = API_PATH.read_text("utf-8")
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


# --- signatures -------------------------------------------------------------------------

SECTION = re.compile(r"^## ", re.M)
SYNOPSIS = re.compile(r"^```python\n(.*?)^```\n", re.M | re.S)
WIDTH = 100  # a longer signature is written one parameter a line, as ruff formats code
_QUALIFIED = re.compile(r"\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_]\w*)")
_FORWARD = re.compile(r"ForwardRef\('([^']*)'\)")


class _Shown:
    """A value whose repr is the given text, so ``inspect`` prints it as written."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _annotation(annotation: Any) -> Any:
    """An annotation as the source spells it: ``Mapping[str, Any] | None``, without modules."""
    if annotation is inspect.Parameter.empty:
        return annotation
    if isinstance(annotation, ForwardRef):
        annotation = annotation.__forward_arg__
    text = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)
    return _Shown(_QUALIFIED.sub("", _FORWARD.sub(r"\1", text)))


def _default(default: Any) -> Any:
    """A default as a reader would write it: a public object by its name, not its repr."""
    if default is inspect.Parameter.empty:
        return default
    for dotted, value in DOCUMENTED.items():
        if value is default and not isinstance(default, int | str | bool | tuple | frozenset):
            return _Shown(dotted.rpartition(".")[2])
    if inspect.isfunction(default) or inspect.isclass(default):
        return _Shown(default.__name__)
    return default


def _kind(target: object) -> str | None:
    """How an entry is introduced: ``class``, ``exception``, ``""`` (a function); ``None``
    for data, which has no signature."""
    if inspect.isclass(target):
        return "exception" if issubclass(target, BaseException) else "class"
    if inspect.isfunction(inspect.unwrap(target)):  # type: ignore[arg-type]
        return ""  # a function, or one wrapped by functools.cache
    return None


def _parameters(target: Any) -> tuple[list[str], str] | None:
    """The parameters of ``target``, each as written, and its return annotation (``""`` for
    none); ``None`` when it takes no arguments of its own: an enum, or an exception with
    the built-in constructor."""
    if isinstance(target, enum.EnumMeta):
        return None  # an enum is not called; its members are listed
    if inspect.isclass(target) and issubclass(target, BaseException):
        own = [c for c in target.__mro__ if "__init__" in vars(c) or "__new__" in vars(c)]
        if own[0].__module__ == "builtins":  # the built-in constructor: (*args)
            return None
    signature = inspect.signature(target)
    shown: list[str] = []
    keyword_only_marked = False
    parameters = list(signature.parameters.values())
    for index, given in enumerate(parameters):
        parameter = given.replace(
            annotation=_annotation(given.annotation), default=_default(given.default)
        )
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and not keyword_only_marked:
            shown.append("*")
            keyword_only_marked = True
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            keyword_only_marked = True
        shown.append(str(parameter))
        following = parameters[index + 1].kind if index + 1 < len(parameters) else None
        if parameter.kind is inspect.Parameter.POSITIONAL_ONLY and (
            following is not inspect.Parameter.POSITIONAL_ONLY
        ):
            shown.append("/")
    returns = ""
    if not inspect.isclass(target) and signature.return_annotation is not signature.empty:
        returns = f" -> {_annotation(signature.return_annotation)!r}"
    return shown, returns


def signature_text(dotted: str, target: object) -> str | None:
    """The entry as docs/api.md writes it, wrapped past :data:`WIDTH` characters.

    >>> import arxivmeta
    >>> print(signature_text("arxivmeta.parse_doi", arxivmeta.parse_doi))
    arxivmeta.parse_doi(text: str) -> DOI
    """
    kind = _kind(target)
    if kind is None:
        return None
    head = f"{kind} {dotted}" if kind else dotted
    found = _parameters(target)
    if found is None:
        return head
    parameters, returns = found
    line = f"{head}({', '.join(parameters)}){returns}"
    if len(line) <= WIDTH:
        return line
    inner = "".join(f"    {parameter},\n" for parameter in parameters)
    return f"{head}(\n{inner}){returns}"


def _one_line(text: str) -> str:
    """A written signature with its wrapping undone."""
    joined = " ".join(line.strip() for line in text.splitlines())
    return joined.replace("( ", "(").replace(", )", ")")


def _sections() -> Iterator[tuple[str, str]]:
    """Each ``## `` section of the page: its heading and its text."""
    for part in SECTION.split(API)[1:]:
        heading, _, body = part.partition("\n")
        yield heading, body


def _section_entries(body: str) -> dict[str, object]:
    """The functions and classes a section documents, in order, by dotted name."""
    entries: dict[str, object] = {}
    for kind, dotted, options in DIRECTIVE.findall(body):
        target = _resolve(dotted)
        if kind == "module":
            if ":members:" in options:
                for name in target.__all__:  # type: ignore[attr-defined]
                    entries[f"{dotted}.{name}"] = getattr(target, name)
            continue
        entries[dotted] = target
    return {name: value for name, value in entries.items() if _kind(value) is not None}


def _written_entries(body: str) -> dict[str, str]:
    """The signatures a section's ``python`` block writes, each on one line, by dotted name."""
    written: dict[str, str] = {}
    for block in SYNOPSIS.findall(body):
        entry: list[str] = []
        for line in [*block.splitlines(), ""]:
            if entry and not line.startswith((" ", ")")):
                text = _one_line("\n".join(entry))
                name = text.removeprefix("class ").removeprefix("exception ")
                written[name.partition("(")[0]] = text
                entry = []
            if line:
                entry.append(line)
    return written


def expected_synopsis(body: str) -> str:
    """The ``python`` block a section should hold."""
    texts = [signature_text(name, value) for name, value in _section_entries(body).items()]
    return "".join(f"{text}\n" for text in texts if text is not None)


SECTIONS = list(_sections())


@pytest.mark.parametrize("section", SECTIONS, ids=[heading for heading, _ in SECTIONS])
def test_every_entry_shows_its_real_signature(section: tuple[str, str]) -> None:
    heading, body = section
    entries = _section_entries(body)
    written = _written_entries(body)
    expected = {
        name: _one_line(text)
        for name, value in entries.items()
        if (text := signature_text(name, value)) is not None
    }
    # Both ways: every function and class of the section, and nothing else, in its order.
    assert written == expected, f"{heading}: run `python tests/test_api_docs.py`"
    assert list(written) == list(expected)
    if expected:
        assert SYNOPSIS.findall(body) == [expected_synopsis(body)], heading


def test_the_signatures_are_shown_for_the_main_functions() -> None:
    lines = "".join(SYNOPSIS.findall(API)).splitlines()
    assert "arxivmeta.parse_doi(text: str) -> DOI" in lines
    assert "    dois: tuple[DOI, ...] = ()," in lines
    assert "exception arxivmeta.ArxivMetaError" in lines


if __name__ == "__main__":
    for heading, body in SECTIONS:
        sys.stdout.write(f"## {heading}\n```python\n{expected_synopsis(body)}```\n\n")
