"""Streamed exports: the text before, between and after entries, one paper at a time.

A writer keeps the keys it has given out, so keys stay unique over a whole run however
the papers arrive; the CLI writes each entry as soon as its record is cleaned.

>>> from arxivmeta import Paper
>>> writer = CslJsonWriter()
>>> text = writer.start() + writer.entry(Paper(title="Walks")) + writer.entry(Paper(title="Walks"))
>>> import json; [item["id"] for item in json.loads(text + writer.finish())]
['walks', 'walksa']
"""

from __future__ import annotations

import json

from arxivmeta.export._keys import KeyFunction, KeyRing, citation_key
from arxivmeta.export.bibtex import to_bibtex
from arxivmeta.export.csl import to_csl_json
from arxivmeta.models import Paper

__all__ = ["EXPORT_FORMATS", "BibTeXWriter", "CslJsonWriter", "ExportWriter", "writer_for"]


class ExportWriter:
    """Writes papers one by one; ``start() + entry()… + finish()`` is the whole file."""

    def __init__(self, key: KeyFunction = citation_key) -> None:
        self._key = key
        self._ring = KeyRing()
        self.count = 0

    def claim_key(self, paper: Paper) -> str:
        """The paper's key, made unique among the keys this writer gave out."""
        return self._ring.claim(self._key(paper))

    def start(self) -> str:
        """The text before the first entry."""
        return ""

    def entry(self, paper: Paper) -> str:
        """One paper's text, with what separates it from the entry before."""
        raise NotImplementedError

    def finish(self) -> str:
        """The text after the last entry."""
        return ""


class BibTeXWriter(ExportWriter):
    """A ``.bib`` file: entries separated by a blank line."""

    def entry(self, paper: Paper) -> str:
        """One ``@misc``/``@article`` entry."""
        text = ("\n" if self.count else "") + to_bibtex(paper, key=self.claim_key(paper))
        self.count += 1
        return text


class CslJsonWriter(ExportWriter):
    """A CSL-JSON array, one item a line, so it can be written as records arrive."""

    def start(self) -> str:
        """The opening bracket."""
        return "["

    def entry(self, paper: Paper) -> str:
        """One item, compact, on its own line."""
        item = to_csl_json(paper, key=self.claim_key(paper))
        text = ("\n" if self.count == 0 else ",\n") + json.dumps(item, ensure_ascii=False)
        self.count += 1
        return text

    def finish(self) -> str:
        """The closing bracket, so the file is valid JSON even when cut short."""
        return "]\n" if self.count == 0 else "\n]\n"


EXPORT_FORMATS = {"bibtex": BibTeXWriter, "csl-json": CslJsonWriter}
"""The writer of each ``arxivmeta clean --to`` format beside our own JSON."""


def writer_for(name: str, key: KeyFunction = citation_key) -> ExportWriter:
    """A new writer for ``name`` (``"bibtex"`` or ``"csl-json"``)."""
    return EXPORT_FORMATS[name](key)
