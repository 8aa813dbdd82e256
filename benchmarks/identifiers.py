"""Benchmark: reading messy DOIs and arXiv identifiers, side by side.

Run: ``python benchmarks/identifiers.py [--write-readme] [--show]``.

Compares, on the same inputs in one run:
- ``arxivmeta.parse_identifier``;
- ``idutils`` (``is_doi``/``normalize_doi``, then ``is_arxiv``/``normalize_arxiv``);
- arXiv's own identifier code from ``arxiv-base`` (``arxiv.identifier``): the extractor
  ``parse_arxiv_id`` and the full-match validator ``ARXIV_REGEX``. Both read arXiv ids only.

Inputs are passed exactly as written, as a caller would. Part 0 scores the forms found in
public files (``benchmarks/data/identifiers_wild.json``), per class. Part 1 scores the hand-labelled
forms in ``benchmarks/data/messy_identifiers.json`` (expected answer or "reject"). Part 2
reads ``$ARXIVMETA_CORPUS`` or ``<repo>/../shared/corpus/dev.jsonl`` (skipped with a note
when absent): every record's arXiv id written three ways, and every ``doi`` field.

Outcomes: *right* (accepted with the expected answer, or correctly rejected), *wrongly
accepted* (a reject accepted, or a wrong answer), *wrongly rejected*, *crash* (an exception
the tool does not document). DOIs compare case-insensitively, as DOIs do.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from arxivmeta.errors import InvalidIdentifier  # noqa: E402
from arxivmeta.identifiers import parse_identifier  # noqa: E402
from arxivmeta.models import DOI  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "messy_identifiers.json"
WILD = ROOT / "benchmarks" / "data" / "identifiers_wild.json"
README = ROOT / "benchmarks" / "README.md"
HEADING = "## Identifiers"

Reader = Callable[[str], "str | None"]  # "arxiv:<id>", "doi:<doi>" or None for a rejection


class Rejected(Exception):
    """A tool's documented way of saying no."""


def corpus_path() -> Path:
    env = os.environ.get("ARXIVMETA_CORPUS")
    if env:
        return Path(env)
    return ROOT.parent / "shared" / "corpus" / "dev.jsonl"


def read_arxivmeta(text: str) -> str | None:
    try:
        found = parse_identifier(text)
    except InvalidIdentifier:
        return None
    if isinstance(found, DOI):
        return f"doi:{found.value}"
    return f"arxiv:{found.versioned}"


def make_idutils() -> Reader | None:
    try:
        import idutils
    except ImportError:
        return None

    def read(text: str) -> str | None:
        if idutils.is_doi(text):
            return f"doi:{idutils.normalize_doi(text)}"
        if idutils.is_arxiv(text):
            return "arxiv:" + idutils.normalize_arxiv(text).removeprefix("arXiv:")
        return None

    return read


def make_arxiv_base() -> tuple[Reader, Reader] | None:
    try:
        from arxiv.identifier import ARXIV_REGEX, parse_arxiv_id
    except ImportError:
        return None
    pattern = re.compile(ARXIV_REGEX)

    def extract(text: str) -> str | None:
        try:
            return "arxiv:" + parse_arxiv_id(text)
        except ValueError:  # documented: "Raises ... if no arXiv ID"
            return None

    def validate(text: str) -> str | None:
        match = pattern.match(text)
        return None if match is None else "arxiv:" + match.group(2)

    return extract, validate


def tools() -> tuple[dict[str, Reader], list[str]]:
    found: dict[str, Reader] = {"arxivmeta": read_arxivmeta}
    notes: list[str] = []
    idutils_reader = make_idutils()
    if idutils_reader is None:
        notes.append("idutils is not installed: `pip install idutils`.")
    else:
        found["idutils"] = idutils_reader
        found["idutils, input stripped"] = lambda text: idutils_reader(text.strip())
    arxiv_base = make_arxiv_base()
    if arxiv_base is None:
        notes.append("arxiv-base is not installed: `pip install arxiv-base`.")
    else:
        found["arxiv-base parse_arxiv_id"], found["arxiv-base ARXIV_REGEX"] = arxiv_base
    return found, notes


def same(answer: str, expected: str) -> bool:
    # DOIs are case-insensitive; arXiv archives and the version "v" are written in any case.
    return answer.lower() == expected.lower()


@dataclass
class Score:
    right: int = 0
    wrongly_accepted: int = 0
    wrongly_rejected: int = 0
    crashes: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.right + self.wrongly_accepted + self.wrongly_rejected + self.crashes


def score(read: Reader, items: list[dict[str, Any]], repeat: int = 5) -> Score:
    result = Score()
    for item in items:
        expected = [item["expect"], *([item["also"]] if "also" in item else [])]
        try:
            answer = read(item["input"])
        except Exception as error:  # any undocumented exception counts
            result.crashes += 1
            result.examples.append(f"crash {type(error).__name__}: {item['input'][:60]!r}")
            continue
        if answer is None:
            if item["expect"] == "reject":
                result.right += 1
            else:
                result.wrongly_rejected += 1
                result.examples.append(f"rejected: {item['input'][:60]!r}")
        elif any(same(answer, want) for want in expected if want != "reject"):
            result.right += 1
        else:
            result.wrongly_accepted += 1
            result.examples.append(f"accepted {answer[:50]!r}: {item['input'][:60]!r}")
    result.seconds = _time_per_input(read, [item["input"] for item in items], repeat)
    return result


def _time_per_input(read: Reader, inputs: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in inputs:
            try:
                read(text)
            except Exception:  # crashes are scored in score()
                continue
        best = min(best, time.perf_counter() - started)
    return best / max(len(inputs), 1)


def table(rows: dict[str, Score], title: str) -> str:
    lines = [
        f"**{title}**",
        "",
        "| tool | right | accuracy | wrongly accepted | wrongly rejected | crashes | µs/input |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, result in rows.items():
        lines.append(
            f"| {name} | {result.right}/{result.total} | {100 * result.right / result.total:.1f}% "
            f"| {result.wrongly_accepted} | {result.wrongly_rejected} | {result.crashes} "
            f"| {result.seconds * 1e6:.1f} |"
        )
    return "\n".join(lines)


def messy_tables(readers: dict[str, Reader], show: bool) -> list[str]:
    items = json.loads(DATA.read_text(encoding="utf-8"))["items"]
    groups = {
        "All messy forms": items,
        "arXiv forms": [i for i in items if i["expect"].startswith("arxiv:")],
        "DOI forms": [i for i in items if i["expect"].startswith("doi:")],
        "Must reject": [i for i in items if i["expect"] == "reject"],
    }
    out = []
    for title, group in groups.items():
        rows = {name: score(read, group) for name, read in readers.items()}
        out.append(table(rows, f"{title} ({len(group)})"))
        if show and title.startswith("All"):
            for name, result in rows.items():
                print(f"\n{name}:", *result.examples, sep="\n  ")
    return out


def wild_tables(readers: dict[str, Reader], show: bool) -> list[str]:
    items = json.loads(WILD.read_text(encoding="utf-8"))["items"]
    classes: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        classes.setdefault(item["class"], []).append(item)
    scores = {name: {c: score(read, group, repeat=1) for c, group in classes.items()}
              for name, read in readers.items()}  # fmt: skip
    totals = {name: score(read, items, repeat=1) for name, read in readers.items()}
    names = list(readers)
    lines = [
        f"**Forms found in public files, per class ({len(items)})**",
        "",
        "| class | inputs | " + " | ".join(names) + " |",
        "|---|---:|" + "---:|" * len(names),
    ]
    for cls, group in classes.items():
        cells = [f"{100 * scores[n][cls].right / len(group):.1f}%" for n in names]
        lines.append(f"| {cls} | {len(group)} | " + " | ".join(cells) + " |")
    cells = [f"**{100 * totals[n].right / len(items):.1f}%**" for n in names]
    lines.append(f"| all | {len(items)} | " + " | ".join(cells) + " |")
    if show:
        for name, result in totals.items():
            print(f"\n{name} (wild):", *result.examples, sep="\n  ")
    return ["\n".join(lines)]


def corpus_tables(readers: dict[str, Reader]) -> list[str]:
    path = corpus_path()
    if not path.exists():
        message = f"Corpus not found at {path}; set ARXIVMETA_CORPUS to score real records."
        print(message)
        return [message]
    ids: list[str] = []
    doi_fields: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            ids.append(record["id"])
            if record.get("doi"):
                doi_fields.append(record["doi"])
    id_items = [
        {"input": text, "expect": f"arxiv:{want}"}
        for paper in ids
        for text, want in (
            (paper, paper),
            (f"arXiv:{paper}", paper),
            (f"https://arxiv.org/abs/{paper}v1", f"{paper}v1"),
        )
    ]
    # Truth for doi fields is a rule, stated here: a field with whitespace inside holds
    # several DOIs (reject); otherwise the field itself, if it starts "10.", is the answer.
    doi_items = [
        {
            "input": text,
            "expect": "reject"
            if len(text.split()) != 1 or not text.startswith("10.")
            else f"doi:{text.strip()}",
        }
        for text in doi_fields
    ]
    return [
        table(
            {name: score(read, id_items, repeat=1) for name, read in readers.items()},
            f"Real arXiv ids from the corpus, bare, labelled and as abs URLs ({len(id_items)})",
        ),
        table(
            {name: score(read, doi_items, repeat=1) for name, read in readers.items()},
            f"Real arXiv `doi` fields from the corpus ({len(doi_items)}; "
            f"{sum(i['expect'] == 'reject' for i in doi_items)} hold several DOIs or a handle)",
        ),
    ]


def write_readme(section: str) -> None:
    """Replace (or add) this benchmark's section of benchmarks/README.md, leaving the rest."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == HEADING), None)
    new = HEADING + "\n\n" + section.rstrip() + "\n\n"
    if start is None:
        text = text.rstrip() + "\n\n" + new
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        text = "".join(lines[:start]) + new + "".join(lines[end:])
    README.write_text(text.rstrip() + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-readme", action="store_true", help="update benchmarks/README.md")
    parser.add_argument("--show", action="store_true", help="list every miss per tool")
    args = parser.parse_args()
    readers, notes = tools()
    parts = wild_tables(readers, args.show) + messy_tables(readers, args.show)
    parts += corpus_tables(readers)
    section = "\n\n".join(
        [
            "`python benchmarks/identifiers.py --write-readme` scores each tool on the same "
            "inputs, passed as written. *right*: the expected answer, or a correct rejection. "
            "`idutils, input stripped` gives idutils `text.strip()`, as a careful caller "
            "would. arXiv's `arxiv-base` 0.17.8 (the newest on PyPI; it has no `Identifier` "
            "class) reads arXiv ids only, so it rejects every DOI form by design: compare "
            "its arXiv rows. Time is the best of several runs per input, on a shared machine, "
            "so read it as an order of magnitude. The messy forms were written alongside "
            "arxivmeta's parser, so its score there shows coverage of known mess, not how it "
            "generalises; the corpus rows are real metadata values. The forms found in public "
            "files (`benchmarks/data/identifiers_wild.json`: reference lists, BibTeX, README "
            "links and code comments, each with where it was found) were collected for the "
            "classes named in the table and the parser was extended for those classes at the "
            "same time, so read arxivmeta's column there as coverage of each class, and the "
            "peers' columns as how common the class is beyond them. Run with "
            "`ARXIVMETA_CORPUS=../shared/corpus/dev.jsonl` from a worktree, and with "
            "`arxiv-base` 0.17.8 importable for arXiv's rows. The parser of the previous "
            "commit read 58 of the 132 found forms (old_archive 36/41, publisher_url 1/32, "
            "encoded_doi 7/13, citation 1/22, mirror 11/12, homoglyph 0/3, datacite 2/9).",
            *parts,
            *notes,
        ]
    )
    print(section)
    if args.write_readme:
        write_readme(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
