"""Read back the BibTeX and CSL-JSON export of every corpus record with real consumers.

Run: ``python benchmarks/export_readback.py``. Reads the corpus from ``$ARXIVMETA_CORPUS``
or ``<repo>/../shared/corpus/dev.jsonl``; needs the test extra (bibtexparser, citeproc-py).
Counts entries bibtexparser parses, failed blocks, authors whose name parts do not read back
as the record holds them (through BibTeX and through CSL), and the bibliography entries
citeproc-py renders with its bundled style.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    corpus = Path(os.environ.get("ARXIVMETA_CORPUS", REPO.parent / "shared/corpus/dev.jsonl"))
    if not corpus.exists():
        print(f"corpus not found at {corpus}; set ARXIVMETA_CORPUS to run this benchmark")
        return 0
    sys.path.insert(0, str(REPO / "src"))
    sys.path.insert(0, str(REPO / "tests"))
    import bibtexparser
    from bibtexparser import middlewares
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    from arxivmeta import clean_record, papers_to_bibtex, papers_to_csl_json
    from test_export import bibtex_names, csl_names, expected_names

    lines = corpus.read_text("utf-8").splitlines()
    papers = [clean_record(json.loads(line)) for line in lines if line]
    library = bibtexparser.parse_string(
        papers_to_bibtex(papers),
        append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()],
    )
    items = papers_to_csl_json(papers)
    authors = sum(len(p.authors) for p in papers)
    bibtex_misread = csl_misread = 0
    entries = {entry.key: entry for entry in library.entries}
    for paper, item in zip(papers, items, strict=True):
        if not paper.authors:
            continue
        expected = expected_names(paper)
        read = bibtex_names(entries[item["id"]])
        bibtex_misread += sum(a != b for a, b in zip(read, expected, strict=True))
        csl_misread += sum(a != b for a, b in zip(csl_names(item), expected, strict=True))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
        rendered = [str(entry) for entry in bibliography.bibliography()]
    print(f"{len(papers):,} records, {authors:,} authors")
    print(f"BibTeX: {len(library.entries):,} entries parsed, {len(library.failed_blocks)} failed")
    print(f"  keys unique: {len(entries) == len(papers)}")
    print(f"  authors read back differently: {bibtex_misread}")
    print(f"CSL-JSON: {len(rendered):,} bibliography entries rendered")
    print(f"  authors read back differently: {csl_misread}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
