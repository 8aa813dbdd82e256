"""Benchmark: real files of each layout through ``arxivmeta clean``, as a new user runs it.

Run: ``python benchmarks/real_files.py``. Each file is a public real file copied into
``tests/data/`` (sources in ``tests/data/SOURCES.md``) or the bundled aggregator page. The
command line cleans each one, as given, with no options; the table counts records in, cleaned,
rejected and warned about (records with no abstract or author recognised), and for each
field of ``Paper`` the share of cleaned records in which it was found. A record counts as
"in" when it is cleaned or rejected: every input is one or the other.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
FILES = [
    ("Kaggle arXiv snapshot (JSON Lines)", DATA / "arxiv-snapshot.jsonl"),
    ("arXiv API Atom feed", DATA / "api-feed-all-science.xml"),
    ("arXiv API error response", DATA / "api-error-invalid-query.xml"),
    ("OAI-PMH GetRecord, arXiv format", DATA / "oai-arxiv-1601.03238.xml"),
    ("OAI-PMH GetRecord, arXivRaw format", DATA / "oai-arxivraw-1304.4214.xml"),
    ("Semantic Scholar Graph API papers (JSON array)", DATA / "semantic-scholar.json"),
    ("Semantic Scholar search, titles only (JSON Lines)", DATA / "semantic-scholar-search.jsonl"),
    ("daily-arXiv digest (JSON Lines)", DATA / "daily-arxiv.jsonl"),
    ("daily-arXiv digest author lists (JSON Lines)", DATA / "daily-author-lists.jsonl"),
    ("aggregator page (JSON array)", REPO / "examples" / "aggregator-sample.json"),
]
FIELDS = ("arxiv_id", "doi", "title", "authors", "abstract", "published", "categories", "venue")


def clean(path: Path) -> tuple[list[dict[str, object]], int, str]:
    """The cleaned records, the count of rejected ones and the command's stderr."""
    with tempfile.TemporaryDirectory() as folder:
        out, rejects = Path(folder) / "out.jsonl", Path(folder) / "rejects.jsonl"
        result = subprocess.run(
            [sys.executable, "-m", "arxivmeta", "clean", str(path), "-q", "-o", str(out),
             "--output-layout", "jsonl", "--rejects", str(rejects)],
            capture_output=True, text=True, timeout=300, check=False, cwd=REPO,
        )  # fmt: skip
        records = (
            [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
        )
        rejected = len(rejects.read_text().splitlines()) if rejects.exists() else 0
    return records, rejected, result.stderr


def warned(stderr: str) -> int:
    """The count in the command's warning about records whose text was not recognised."""
    for line in stderr.splitlines():
        if "no abstract or author" in line:
            return int(line.split(" of ")[0].split()[-1].replace(",", ""))
    return 0


def main() -> int:
    print("| file | in | cleaned | rejected | warned | " + " | ".join(FIELDS) + " |")
    print("|---|---:|---:|---:|---:|" + "---:|" * len(FIELDS))
    for label, path in FILES:
        if not path.exists():
            print(f"| {label} | missing: {path.relative_to(REPO)} |")
            continue
        records, rejected, stderr = clean(path)
        shares = [
            f"{sum(1 for r in records if r.get(field)) / len(records):.0%}" if records else "—"
            for field in FIELDS
        ]
        row = [label, len(records) + rejected, len(records), rejected, warned(stderr), *shares]
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
