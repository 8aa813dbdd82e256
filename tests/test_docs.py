"""The command lines shown in the documentation run and print what the pages say.

Python examples in ``docs/`` are doctests, run by ``sphinx-build -b doctest``. Shell examples
(```` ```console ```` blocks) cannot be, so this module runs every ``arxivmeta`` command they
show, in a scratch directory holding a copy of ``examples/``, and compares its output with the
lines printed under it in the page (``...`` matches anything). Commands of other programs
(``pip``, ``pytest``) are not run.
"""

from __future__ import annotations

import doctest
import gzip
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"

# The pages whose console blocks are checked here; each runs in a scratch directory of its own.
PAGES = ("quickstart.md", "cli.md", "schema.md", "scaling-recipes.md", "export.md")

_CONSOLE_BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
_TEXT_BLOCK = re.compile(r"^```text\n(.*?)^```", re.MULTILINE | re.DOTALL)


def console_commands(markdown: str) -> list[tuple[str, str]]:
    """Return ``(command, expected output)`` for each ``$`` line of the console blocks.

    >>> console_commands("```console\\n$ arxivmeta --version\\narxivmeta 0.1.0\\n```\\n")
    [('arxivmeta --version', 'arxivmeta 0.1.0\\n')]
    """
    commands: list[tuple[str, str]] = []
    for block in _CONSOLE_BLOCK.findall(markdown):
        for line in block.splitlines(keepends=True):
            if line.startswith("$ "):
                commands.append((line[2:].strip(), ""))
            elif commands:
                command, output = commands[-1]
                commands[-1] = (command, output + line)
    return commands


def arxivmeta_part(command: str) -> str | None:
    """The ``arxivmeta`` part of a command chained with ``&&``, run as ``python -m arxivmeta``.

    >>> arxivmeta_part("pip install '.[test]' && pytest") is None
    True
    >>> arxivmeta_part("pip install . && arxivmeta --version").split()[1:]
    ['-m', 'arxivmeta', '--version']
    """
    for part in command.split("&&"):
        words = part.strip()
        if words == "arxivmeta" or words.startswith("arxivmeta "):
            return shlex.quote(sys.executable) + " -m " + words
    return None


def _shown_records() -> str:
    """The ``records.jsonl`` the quick start shows: its one text block of JSON lines."""
    page = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    blocks = [b for b in _TEXT_BLOCK.findall(page) if b.startswith("{")]
    assert len(blocks) == 1, "the quick start should show one records.jsonl"
    return str(blocks[0])


def _scratch(directory: Path) -> None:
    """Fill ``directory`` with what the pages' commands read.

    That is a copy of ``examples/``; the quick start's ``records.jsonl``, also compressed as
    ``records.jsonl.gz``; and ``dump.jsonl.gz``, the bundled aggregator page as compressed
    JSON Lines.
    """
    shutil.copytree(REPO / "examples", directory / "examples")
    text = _shown_records()
    (directory / "records.jsonl").write_text(text, encoding="utf-8")
    (directory / "records.jsonl.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    page = json.loads((REPO / "examples" / "aggregator-sample.json").read_text(encoding="utf-8"))
    dump = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in page)
    (directory / "dump.jsonl.gz").write_bytes(gzip.compress(dump.encode("utf-8")))


@pytest.mark.parametrize("page", PAGES)
def test_console_examples_run(page: str, tmp_path: Path) -> None:
    commands = console_commands((DOCS / page).read_text(encoding="utf-8"))
    assert any(arxivmeta_part(command) for command, _ in commands), f"{page}: no command"
    _scratch(tmp_path)
    path = [str(REPO / "src"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    status: int | None = None  # of the last command run, until a page shows `echo $?`
    printed = ""
    for shown, expected in commands:
        if shown == "echo $?":
            assert status is not None, f"{page}: `echo $?` follows no arxivmeta command"
            assert expected.strip() == str(status), f"{page}: exit status {status}, not {expected}"
            status = None
            continue
        assert not status, f"{page}: exit status {status}, not shown with `echo $?`:\n{printed}"
        command = arxivmeta_part(shown)
        if command is None:
            continue
        done = subprocess.run(
            command,
            shell=True,  # the pages show shell lines, redirections included
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # a terminal shows both, in order
            text=True,
            timeout=600,
            check=False,
        )
        status, printed = done.returncode, done.stdout
        if expected.strip():
            assert checker.check_output(expected, done.stdout, flags), (
                f"{page}: `{shown}` printed\n{done.stdout}\nbut the page shows\n{expected}"
            )
    assert not status, f"{page}: the last command exited with {status}:\n{printed}"


def test_quickstart_python_examples_read_the_file_the_page_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The doctests' hidden set-up writes records.jsonl; it must be the file the reader sees.
    page = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    setup = re.search(r"^```\{testsetup\} jsonl\n(.*?)^```", page, re.MULTILINE | re.DOTALL)
    assert setup is not None
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(setup.group(1), namespace)
    written = Path(str(namespace["scratch"])) / "records.jsonl"
    assert written.read_text(encoding="utf-8") == _shown_records()
    shutil.rmtree(str(namespace["scratch"]))


def test_console_parser_keeps_output_with_its_command() -> None:
    markdown = "```console\n$ a\none\ntwo\n$ b\n```\ntext\n```console\n$ c\n```\n"
    assert console_commands(markdown) == [("a", "one\ntwo\n"), ("b", ""), ("c", "")]


def test_figure_script_plots_the_results_file(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "plot_line_wraps", REPO / "benchmarks" / "plot_line_wraps.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    results = tmp_path / "line_wraps.json"
    # The shape benchmarks/line_wraps.py writes: figures per split, then per method.
    figures = {
        "arxivmeta": {"f1": 0.975, "median_us": 2314.1, "abstracts": 1535},
        "wordninja": {"f1": 0.606, "median_us": 945.6, "abstracts": 1535},
    }
    document = {"command": "benchmarks/line_wraps.py", "dev": {}, "holdout": figures}
    results.write_text(json.dumps(document), encoding="utf-8")
    assert module.load_points(document) == {
        "arxivmeta": (2314.1, 0.975),
        "wordninja": (945.6, 0.606),
    }
    assert module.caption(document, None) == (
        "data: holdout split, 1,535 abstracts; benchmarks/line_wraps.py"
    )
    figure = tmp_path / "figure.png"
    assert module.main(["--results", str(results), "-o", str(figure)]) == 0
    assert figure.read_bytes().startswith(b"\x89PNG")
    assert module.main(["--results", str(tmp_path / "absent.json"), "-o", str(figure)]) == 0


def test_the_architecture_page_names_every_module() -> None:
    page = (REPO / "docs" / "architecture.md").read_text("utf-8")
    tree = page.split("```text\n", 1)[1].split("```", 1)[0]
    package = REPO / "src" / "arxivmeta"
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        for folder in relative.parts[:-1]:
            assert f"{folder}/" in tree, f"{folder}/ is missing from docs/architecture.md"
        assert re.search(rf"(?<![\w.]){re.escape(path.name)}\b", tree), (
            f"{relative} is missing from docs/architecture.md"
        )
