"""Export clean papers to what reference managers and documents read: BibTeX, CSL-JSON.

>>> from arxivmeta import Paper
>>> to_bibtex(Paper(arxiv_id="arxiv-2408.16978")).splitlines()[0]
'@misc{arxiv240816978,'
"""

from __future__ import annotations

from arxivmeta.export._keys import KeyFunction, KeyRing, citation_key
from arxivmeta.export.bibtex import papers_to_bibtex, to_bibtex
from arxivmeta.export.csl import csl_name, papers_to_csl_json, to_csl_json
from arxivmeta.export.writers import BibTeXWriter, CslJsonWriter, ExportWriter, writer_for

__all__ = [
    "BibTeXWriter",
    "CslJsonWriter",
    "ExportWriter",
    "KeyFunction",
    "KeyRing",
    "citation_key",
    "csl_name",
    "papers_to_bibtex",
    "papers_to_csl_json",
    "to_bibtex",
    "to_csl_json",
    "writer_for",
]
