"""Papers as BibTeX entries, the way arXiv writes e-prints.

An entry is ``@misc`` for a preprint and ``@article`` when a journal reference is known,
with ``eprint``, ``archivePrefix = {arXiv}`` and ``primaryClass`` (the arXiv e-print
convention), the journal's DOI or else the DOI arXiv registered (``10.48550/arXiv.…``),
``year``/``month`` of the first version and the abstract page as ``url``. Names are
``Family, Given`` joined by ``and``; a family name of several words that BibTeX would
split (``van der Waals``) and a collaboration are braced whole. Title words whose capitals
carry meaning are braced, and so is math. Non-ASCII letters are written as UTF-8, which
biber and LaTeX (since 2018) read as they are.

>>> from arxivmeta import clean_record
>>> paper = clean_record({"title": "LLMSecCode: Evaluating Large Language Models for Secure Coding",
...     "authors": "Anton Rydén, Erik Näslund", "doi": "arxiv-2408.16100",
...     "publicationDate": "2024-08-28"})
>>> print(to_bibtex(paper), end="")
@misc{ryden2024llmseccode,
  title = {{LLMSecCode}: Evaluating Large Language Models for Secure Coding},
  author = {Rydén, Anton and Näslund, Erik},
  year = {2024},
  month = aug,
  eprint = {2408.16100},
  archivePrefix = {arXiv},
  doi = {10.48550/arXiv.2408.16100},
  url = {https://arxiv.org/abs/2408.16100},
}
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from arxivmeta.export._keys import KeyFunction, KeyRing, citation_key
from arxivmeta.export._tex import to_tex
from arxivmeta.export._title_case import title_guard
from arxivmeta.models import Author, Paper

__all__ = ["papers_to_bibtex", "to_bibtex"]

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""BibTeX's month macros, which every style (and biblatex) defines."""

_AND = re.compile(r"\band\b", re.IGNORECASE)
# Characters a key must not hold: BibTeX ends a key at them, or they break the entry.
_KEY_UNSAFE = re.compile(r"[\s,{}()\"'#%~=\\]+")
# URLs and DOIs are read verbatim; only what would unbalance the entry is encoded.
_URL_UNSAFE = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"})


def _needs_whole_braces(family: str) -> bool:
    """True when BibTeX would not read ``family`` back as one family name."""
    words = family.split()
    if _AND.search(family) or "," in family:
        return True
    # BibTeX moves lower-case words to the "von" part, and reads a word starting with a
    # non-ASCII letter by the case of its next ASCII letter.
    return len(words) > 1 and any(not (w[0].isascii() and w[0].isupper()) for w in words[:-1])


def _name(author: Author) -> str:
    if author.is_collaboration or not author.family:
        return "{" + to_tex(author.name) + "}"
    family = to_tex(author.family)
    if _needs_whole_braces(author.family):
        family = "{" + family + "}"
    parts = [family]
    if author.suffix:
        parts.append(to_tex(author.suffix))
    if author.given:
        given = to_tex(author.given)
        parts.append("{" + given + "}" if _AND.search(author.given) or "," in given else given)
    elif author.suffix:
        parts.append("")
    return ", ".join(parts)


def _doi(paper: Paper) -> str | None:
    if paper.doi is not None:
        return paper.doi.value
    if paper.arxiv_id is not None:
        return paper.arxiv_id.doi.value
    return None


def _fields(paper: Paper) -> list[tuple[str, str]]:
    """``(name, value)`` in writing order; a value is written as is (braced or a macro)."""
    fields: list[tuple[str, str]] = []
    if paper.title:
        guard = title_guard(paper.title, paper.abstract)
        fields.append(("title", "{" + to_tex(paper.title, protect=guard, brace_math=True) + "}"))
    if paper.authors:
        fields.append(("author", "{" + " and ".join(map(_name, paper.authors)) + "}"))
    if paper.journal_ref:
        fields.append(("journal", "{" + to_tex(paper.journal_ref) + "}"))
    date = paper.published or paper.updated
    if date is not None:
        fields.append(("year", "{" + str(date.year) + "}"))
        fields.append(("month", MONTHS[date.month - 1]))
    if paper.arxiv_id is not None:
        fields.append(("eprint", "{" + paper.arxiv_id.id + "}"))
        fields.append(("archivePrefix", "{arXiv}"))
        if paper.primary_category:
            fields.append(("primaryClass", "{" + to_tex(paper.primary_category) + "}"))
    doi = _doi(paper)
    if doi is not None:
        fields.append(("doi", "{" + doi.translate(_URL_UNSAFE) + "}"))
    if paper.arxiv_id is not None:
        fields.append(("url", "{" + paper.arxiv_id.abs_url + "}"))
    if paper.abstract:
        fields.append(("abstract", "{" + to_tex(paper.abstract) + "}"))
    return fields


def to_bibtex(paper: Paper, *, key: str | None = None) -> str:
    """One BibTeX entry for ``paper``, keyed ``key`` or by :func:`citation_key`.

    Total: every :class:`~arxivmeta.Paper` gives an entry that BibTeX parses.
    """
    key = _KEY_UNSAFE.sub("", key if key is not None else citation_key(paper)) or "paper"
    kind = "article" if paper.journal_ref else "misc"
    lines = [f"@{kind}{{{key},"]
    lines.extend(f"  {name} = {value}," for name, value in _fields(paper))
    lines.append("}")
    return "\n".join(lines) + "\n"


def papers_to_bibtex(papers: Iterable[Paper], *, key: KeyFunction = citation_key) -> str:
    """A ``.bib`` file's text: one entry per paper, keys unique (``a``, ``b``… on collisions).

    ``key`` makes each paper's key before it is made unique, for example
    ``lambda paper: paper.arxiv_id.id if paper.arxiv_id else "paper"``.
    """
    ring = KeyRing()
    return "\n".join(to_bibtex(paper, key=ring.claim(_safe_key(key(paper)))) for paper in papers)


def _safe_key(key: str) -> str:
    return _KEY_UNSAFE.sub("", key) or "paper"
