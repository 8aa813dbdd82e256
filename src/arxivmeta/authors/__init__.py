"""Parse author lines into :class:`~arxivmeta.models.Author` records, affiliations included.

Handles arXiv's author field (names separated by ``,`` ``;`` ``and`` ``&``, affiliations in
parentheses, shared by a group or numbered as footnotes), BibTeX's "Family, Given and ..."
lists, and the same lines after an aggregator stripped the parentheses and glued each
affiliation onto its name. Affiliations shared by a group go back to every name of the
group, as arXiv's own parser does; numbered footnotes are resolved to their text.

>>> [(a.name, a.affiliations) for a in parse_authors(
...     "Yérom-David BrombergIRISA, UR, Jérémie DecouchantTU Delft")]
[('Yérom-David Bromberg', ('IRISA, UR',)), ('Jérémie Decouchant', ('TU Delft',))]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import regex
from pydantic import BaseModel, ConfigDict

from arxivmeta.authors import (
    _affiliations as aff,
    _lists as lists,
    _names as names,
    _segments as seg,
)
from arxivmeta.explain import Step, record_step
from arxivmeta.fixes import NAME_PLAN
from arxivmeta.models import Author
from arxivmeta.text import run_plan

__all__ = [
    "AuthorList",
    "NameList",
    "author_from_parts",
    "explain_author_names",
    "explain_authors",
    "is_not_a_name",
    "parse_author_list",
    "parse_author_name",
    "parse_author_names",
    "parse_authors",
]

_TRAILING_ET_AL_RE = regex.compile(r"[\s,]+et\.?\s*al(?:ii)?\.?\s*$", regex.IGNORECASE)
_INNER_ET_AL_RE = regex.compile(
    r"\s+et\.?\s*al(?:ii)?\b\.?\s*|\s*\d*\s*additional\s+authors(?:\s+not\s+shown)?\s*$",
    regex.IGNORECASE,
)
_LEADING_INITIALS_RE = regex.compile(r"^((?:\p{Lu}\.\s?){1,4})(?=\p{Lu}\p{Ll})")
_BIBTEX_PART_RE = regex.compile(r"^[^,]+,[^,]+(?:,[^,]+)?$")


class AuthorList(BaseModel):
    """The authors of one line, whether it ended in "et al.", and the line as given.

    It is a sequence of its authors: iterating, ``len`` and indexing give the authors.

    >>> listing = parse_author_list("Anna Bromberg, Jinghan Yao et al.")
    >>> [author.name for author in listing], len(listing), listing.et_al
    (['Anna Bromberg', 'Jinghan Yao'], 2, True)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    authors: tuple[Author, ...] = ()
    et_al: bool = False
    raw: str = ""

    # A list of authors is read as its authors (pydantic's own iteration, over field names
    # and values, is what model_dump() gives).
    def __iter__(self) -> Iterator[Author]:  # type: ignore[override]
        return iter(self.authors)

    def __len__(self) -> int:
        return len(self.authors)

    def __getitem__(self, index: int) -> Author:
        return self.authors[index]


class NameList(BaseModel):
    """The authors of a list of names, and the entries dropped because they name nobody."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    authors: tuple[Author, ...] = ()
    dropped: tuple[str, ...] = ()


@dataclass(slots=True)
class _Draft:
    text: str
    raw: str
    entries: list[str] = field(default_factory=list)  # affiliations and "#n" footnote refs
    glued: bool = False
    collaboration: bool = False


def _clean_text(text: str, steps: list[Step] | None, path: str) -> str:
    """The hygiene of a name: :data:`~arxivmeta.fixes.NAME_PLAN`, each change recorded."""
    return run_plan(text, NAME_PLAN, steps, path)


def clean_author(author: Author, steps: list[Step] | None = None, path: str = "author") -> Author:
    """The same author with the text of each field cleaned as a parsed name's is.

    For authors that arrive already split (a :class:`~arxivmeta.Paper` read back): their
    fields get the hygiene a parsed name gets, and nothing is re-split.

    >>> clean_author(Author(name="FranÃ§ois TaÃ¯ani\\x00")).name
    'François Taïani'
    """
    update: dict[str, object] = {}
    for part in ("name", "given", "family", "suffix", "raw"):
        value = getattr(author, part)
        if isinstance(value, str):
            update[part] = _clean_text(value, steps, f"{path}.{part}")
    update["affiliations"] = tuple(
        cleaned
        for i, text in enumerate(author.affiliations)
        if (cleaned := _clean_text(text, steps, f"{path}.affiliations[{i}]"))
    )
    return author.model_copy(update=update)


def _bibtex_pieces(text: str) -> list[str] | None:
    """The names of a "Knuth, Donald E. and Lamport, Leslie" list, or None for other forms."""
    if "(" in text or "," not in text:
        return None
    for separator in (" and ", "; "):
        parts = [p.strip() for p in text.split(separator)]
        if len(parts) >= 2 and all(_is_family_first(p) for p in parts):
            return parts
    if text.count(",") == 1 and " " not in text.split(",", maxsplit=1)[0].strip():
        family, given = (p.strip() for p in text.split(","))
        if family and given and not names.is_suffix(given) and len(given.split()) <= 3:
            first = given.split()[0]
            if names.is_initial(first) and aff.name_score(given + " " + family) > 0:
                return [text]
    return None


def _is_family_first(part: str) -> bool:
    """True for "Knuth, Donald E.", "van der Berg, Jan": one family word (and particles) first."""
    if _BIBTEX_PART_RE.match(part) is None:
        return False
    family, given = part.split(",", 1)[0].split(), part.rsplit(",", maxsplit=1)[-1].split()
    return (
        bool(family)
        and all(names.is_particle(t) for t in family[:-1])
        and not names.is_initial(family[-1])
        and 1 <= len(given) <= 4
    )


def _label(pieces: list[seg.Piece]) -> list[tuple[str, int]]:
    """Label each piece N (name), G (name with glued affiliation at offset) or C (continuation).

    A Viterbi pass: a continuation must follow a glued name or another continuation, so
    "..., Sao Paulo, SP, Brazil" after a glued name reads as one affiliation.
    """
    # Once a line shows it is glued (an institution or acronym stuck to a name, or two
    # names ending in a capitalised word), a lone capitalised word after a name counts too.
    repeated = aff.repeated_tails([p.text for p in pieces]) if len(pieces) > 1 else frozenset()
    glues = [aff.find_glue(p.text, glued_context=True, repeated=repeated) for p in pieces]
    # Out of context only a lone-word tail scores differently ("Leiden" yes, "DeepMind" no).
    alone = [
        aff.find_glue(p.text, glued_context=False, repeated=repeated)
        if g is not None and 0 < g[1] < 2
        else g
        for p, g in zip(pieces, glues, strict=True)
    ]
    strong = sum(g is not None and g[1] >= 2.0 for g in glues)
    weak = sum(g is not None and g[1] > 0 for g in alone)
    if not strong and (weak < 2 or 3 * weak < len(pieces)):
        # No sign the line is glued: a capitalised word ending a name stays in it
        # ("Mark U. SubbaRao") unless an affiliation-like piece follows ("BiryukovSerpukhov, IHEP").
        glues = [(g[0], g[1] - 1.1) if g is not None and 0 < g[1] < 2 else g for g in alone]
    if all(g is None for g in glues):
        return [("N", -1)] * len(pieces)  # nothing glued anywhere: every piece is a name
    neg = -1e9
    labels = ("N", "G", "C")
    best: list[dict[str, float]] = []
    back: list[dict[str, str]] = []
    for i, piece in enumerate(pieces):
        emit = {
            "N": aff.name_score(piece.text) + aff.camel_penalty(piece.text),
            "G": neg,
            "C": aff.affiliation_score(piece.text) - 1.0 if i else neg,
        }
        glue = glues[i]
        if glue is None and names.is_collaboration(piece.text):
            emit["N"] += 3.0
        if glue is not None:
            emit["G"] = aff.name_score(piece.text[: glue[0]]) + glue[1]
            if glue[1] >= 2.0:
                emit["C"] -= 3.0  # a name with an institution glued on starts a new author
        row: dict[str, float] = {}
        ptr: dict[str, str] = {}
        for label in labels:
            if i == 0:
                row[label], ptr[label] = emit[label], ""
                continue
            allowed = ("G", "C") if label == "C" else labels
            prev = max(allowed, key=lambda lab: best[-1][lab])
            row[label], ptr[label] = best[-1][prev] + emit[label], prev
        best.append(row)
        back.append(ptr)
    if not pieces:
        return []
    label = max(labels, key=lambda lab: best[-1][lab])
    out: list[tuple[str, int]] = []
    for i in range(len(pieces) - 1, -1, -1):
        glue = glues[i]
        out.append((label, glue[0] if label == "G" and glue is not None else -1))
        label = back[i][label]
    out.reverse()
    return out


def _drafts_glued(pieces: list[seg.Piece]) -> list[_Draft]:
    merged: list[seg.Piece] = []
    refs: list[list[str]] = []
    for piece in pieces:
        text, numbers = aff.split_refs(piece.text)
        if merged and text.isdigit() and refs[-1]:
            refs[-1].append(text)
            continue
        merged.append(seg.Piece(text, piece.sep))
        refs.append(numbers)
    drafts: list[_Draft] = []
    for (label, pos), piece, numbers in zip(_label(merged), merged, refs, strict=True):
        if label == "C" and drafts:
            last = drafts[-1]
            last.entries[-1] += piece.sep + piece.text
            last.raw += piece.sep + piece.text
            continue
        entries = ["#" + n for n in numbers]
        if label == "G":
            drafts.append(_Draft(piece.text[:pos].rstrip(), piece.text, entries, glued=True))
            drafts[-1].entries.append(piece.text[pos:].strip())
        else:
            drafts.append(_Draft(piece.text, piece.text, entries))
    return drafts


def _strip_et_al(text: str) -> tuple[str, bool]:
    """Drop an "et al." inside a piece ("A. Abulencia et al.CDF Collaboration")."""
    low = text.lower()
    m = _INNER_ET_AL_RE.search(text) if " et" in low or "additional" in low else None
    if m is None:
        return text, False
    return (text[: m.start()] + text[m.end() :]).strip(), True


def _drafts(pieces: list[seg.Piece]) -> list[_Draft]:
    """Drafts for the pieces: labelled when names may carry glued affiliations."""
    with_groups = sum(bool(p.groups) for p in pieces)
    if with_groups:
        strong = sum(
            (g := aff.find_glue(p.text, glued_context=True)) is not None and g[1] >= 2.0
            for p in pieces
        )
        if with_groups >= strong:
            return _drafts_parenthesized(pieces)
    for piece in pieces:
        # Groups left in a glued line belong to the text around them: "Espacio (IAFE)".
        refs = [g for g in piece.groups if seg.is_refs(g)]
        others = [g for g in piece.groups if not seg.is_refs(g)]
        piece.text = " ".join([piece.text, *(f"({g})" for g in others)])
        piece.text += "".join(f"{','.join(seg.ref_numbers(g))}" for g in refs[:1])
        piece.groups = []
        piece.text = _LEADING_INITIALS_RE.sub(
            lambda m: " ".join(m.group(1).replace(" ", "").replace(".", ". ").split()) + " ",
            piece.text,
        )
    return _drafts_glued(pieces)


def _drafts_parenthesized(pieces: list[seg.Piece]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for piece in pieces:
        entries: list[str] = []
        for group in piece.groups:
            if seg.is_refs(group):
                entries.extend("#" + n for n in seg.ref_numbers(group))
            elif group:
                entries.append(group)
        raw = piece.text + "".join(f" ({g})" for g in piece.groups)
        drafts.append(_Draft(piece.text, raw, entries))
    return drafts


def _parse(text: str, steps: list[Step] | None) -> AuthorList:
    raw = text
    if not isinstance(text, str):
        return AuthorList(raw="")
    clean = _clean_text(text, steps, "authors")
    et_al = False
    stripped = _TRAILING_ET_AL_RE.sub("", clean) if "al" in clean[-12:].lower() else clean
    if stripped != clean:
        et_al = True
        clean = stripped
    bibtex = _bibtex_pieces(clean)
    if bibtex is not None:
        drafts = [_Draft(p, p) for p in bibtex]
        affiliations_by_number: dict[str, str] = {}
    else:
        segs = seg.segment(clean)
        et_al |= any(
            k == "group" and seg.is_comment(v) for k, v in zip(segs.kinds, segs.values, strict=True)
        )
        start = seg.find_numbered_block(segs)
        block = seg.block_text(segs, start) if start is not None else ""
        if start is None and "group" not in segs.kinds:
            offset = seg.find_bare_block(clean)
            if offset is not None:
                block, clean = clean[offset:], clean[:offset]
                segs = seg.segment(clean)
        affiliations_by_number = seg.numbered_affiliations(block) if block else {}
        kept: list[seg.Piece] = []
        for piece in seg.split_pieces(clean, segs, start):
            piece.text, dropped = _strip_et_al(piece.text)
            et_al |= dropped
            if not piece.text or names.is_et_al(piece.text):
                et_al = True
            elif names.is_suffix(piece.text) and kept and not kept[-1].groups:
                kept[-1].text += " " + piece.text
            else:
                kept.append(piece)
        drafts = _drafts(kept)
    authors = _finish(drafts, affiliations_by_number, steps)
    return AuthorList(authors=authors, et_al=et_al, raw=raw)


def _finish(
    drafts: list[_Draft], numbered: dict[str, str], steps: list[Step] | None
) -> list[Author]:
    for draft in drafts:
        draft.collaboration = names.is_collaboration(draft.text)
    # A group's affiliation belongs to every name before it that has none of its own.
    inherited: list[bool] = [False] * len(drafts)
    following: list[str] = []
    for i in range(len(drafts) - 1, -1, -1):
        draft = drafts[i]
        if draft.entries:
            following = draft.entries
        elif following and not draft.collaboration:
            draft.entries = list(following)
            inherited[i] = True
    authors: list[Author] = []
    for i, draft in enumerate(drafts):
        path = f"authors[{i}]"
        affiliations: list[str] = []
        for entry in draft.entries:
            if entry.startswith("#"):
                resolved = numbered.get(entry[1:])
                if resolved is not None and resolved not in affiliations:
                    affiliations.append(resolved)
            elif entry and entry not in affiliations:
                affiliations.append(entry)
        refs = [e[1:] for e in draft.entries if e.startswith("#")]
        field_path = path + ".affiliations"
        if refs:
            record_step(steps, "resolve_numbered_affiliations", field_path, refs, affiliations)
        elif inherited[i]:
            record_step(steps, "share_group_affiliation", field_path, [], affiliations)
        author = _make_author(draft.text, affiliations, draft.raw, draft.collaboration)
        if draft.glued:
            record_step(steps, "unglue_affiliation", path + ".name", draft.raw, author.name)
            record_step(steps, "unglue_affiliation", field_path, [], affiliations)
        authors.append(author)
    return authors


def _make_author(
    text: str, affiliations: Sequence[str], raw: str | None, collaboration: bool | None = None
) -> Author:
    if collaboration is None:
        collaboration = names.is_collaboration(text)
    if collaboration:
        name = names.collaboration_name(text)
        return Author(
            name=name, family=name, affiliations=list(affiliations), is_collaboration=True, raw=raw
        )
    given, family, suffix = names.split_name(names.space_initials(text))
    name = names.display_name(given, family, suffix) or text
    return Author(
        name=name,
        given=given,
        family=family,
        suffix=suffix,
        affiliations=list(affiliations),
        raw=raw,
    )


def parse_author_list(text: str) -> AuthorList:
    """Parse an author line into an :class:`AuthorList` (authors, "et al." flag, raw line).

    >>> parse_author_list("The BABAR Collaboration, B. Aubert, et al").et_al
    True
    """
    return _parse(text, None)


def parse_authors(text: str) -> list[Author]:
    """Parse an author line into authors with their affiliations.

    >>> [(a.name, a.affiliations) for a in parse_authors(
    ...     "Arthur Jaffe (1) and Gordon Ritter (1) ((1) Harvard University)")]
    [('Arthur Jaffe', ('Harvard University',)), ('Gordon Ritter', ('Harvard University',))]
    """
    return list(_parse(text, None).authors)


def explain_authors(text: str) -> tuple[AuthorList, list[Step]]:
    """Parse like :func:`parse_author_list` and list the fixes that were made.

    >>> result, steps = explain_authors("Manon SourisseauIRISA, UR")
    >>> [(s.fixer, s.field, s.after) for s in steps]
    [('unglue_affiliation', 'authors[0].name', 'Manon Sourisseau'), \
('unglue_affiliation', 'authors[0].affiliations', ['IRISA, UR'])]
    """
    steps: list[Step] = []
    return _parse(text, steps), steps


def parse_author_name(name: str, affiliations: Sequence[str] = ()) -> Author:
    r"""One person's (or collaboration's) name, as Semantic Scholar gives them.

    >>> parse_author_name(r'Fran\c{c}ois Ta\"{\i}ani').family
    'Taïani'
    >>> parse_author_name("Knuth, Donald E.").name
    'Donald E. Knuth'

    Marks and separators left on the name go; an institution is an organisation:

    >>> parse_author_name("Lin,").name, parse_author_name("LG AI Research").is_collaboration
    ('Lin', True)
    """
    if not isinstance(name, str):
        return Author(name="", raw=None)
    clean = lists.strip_marks(_clean_text(name, None, "name"))
    clean_affiliations = [_clean_text(a, None, "affiliation") for a in affiliations]
    organisation = lists.is_organisation(clean) or None
    return _make_author(clean, [a for a in clean_affiliations if a], name, organisation)


_NameEntry = str | tuple[str, Sequence[str]]
is_not_a_name = lists.is_not_a_name  # public: records drop arXiv's [":", "", ""] parts with it


def _parse_names(
    entries: Sequence[_NameEntry], steps: list[Step] | None, path: str = "names"
) -> NameList:
    pairs: list[tuple[str, Sequence[str]]] = []
    for i, entry in enumerate(entries):
        name, affiliations = (entry, ()) if isinstance(entry, str) else entry
        if not isinstance(name, str):
            continue
        clean = _clean_text(name, steps, f"{path}[{i}]")
        pairs.append((clean, [a for a in affiliations if isinstance(a, str)]))
    found, dropped = lists.tidy_entries(pairs, steps, path)
    authors = []
    for kept in found:
        affs = [a for a in (_clean_text(a, None, "affiliation") for a in kept.affiliations) if a]
        author = _make_author(kept.name, affs, kept.raw, kept.organisation or None)
        if author.name:
            authors.append(author)
    return NameList(authors=authors, dropped=dropped)


def parse_author_names(entries: Sequence[_NameEntry]) -> NameList:
    """Authors from a list of names, one per entry (or ``(name, affiliations)`` pairs).

    Semantic Scholar's and arXiv's lists: an organisation cut in two is joined again,
    marks and separators left on a name are stripped, a team heading is an organisation,
    and entries that name nobody (punctuation, URLs) are dropped into ``dropped``.

    >>> found = parse_author_names(["LG AI Research", ":", "Kyunghoon Bae", "Eunbi Choi"])
    >>> [(a.name, a.is_collaboration) for a in found.authors], found.dropped
    ([('LG AI Research', True), ('Kyunghoon Bae', False), ('Eunbi Choi', False)], (':',))
    """
    return _parse_names(entries, None)


def explain_author_names(
    entries: Sequence[_NameEntry], *, path: str = "names"
) -> tuple[NameList, list[Step]]:
    """Parse like :func:`parse_author_names` and list the changes, drops included.

    A step's field is ``{path}[i]``, ``i`` being the entry's place in ``entries``.

    >>> found, steps = explain_author_names(["Blekinge Institute of", "Technology"])
    >>> [(s.fixer, s.field, s.before, s.after) for s in steps]
    [('join_split_name', 'names[0]', ['Blekinge Institute of', 'Technology'], \
'Blekinge Institute of Technology')]
    """
    steps: list[Step] = []
    return _parse_names(entries, steps, path), steps


def author_from_parts(
    family: str, given: str, suffix: str = "", affiliations: Sequence[str] = ()
) -> Author:
    r"""An author from arXiv's ``authors_parsed`` triple ``[keyname, forenames, suffix, ...]``.

    >>> author_from_parts(r'G\"ahler', "Franz", "", [r'Universit\"at Stuttgart']).name
    'Franz Gähler'
    >>> author_from_parts("Collaboration", "Super-Kamiokande", "").is_collaboration
    True
    """
    fam = _clean_text(family or "", None, "family")
    giv = _clean_text(given or "", None, "given")
    suf = _clean_text(suffix or "", None, "suffix")
    clean_affiliations = [_clean_text(a, None, "affiliation") for a in affiliations]
    clean_affiliations = [a for a in clean_affiliations if a]
    raw = ", ".join(p for p in (family, given, suffix) if p)
    if not giv and names.is_collaboration(fam):
        return _make_author(fam, clean_affiliations, raw, collaboration=True)
    if giv and names.is_collaboration_word(fam):
        # ["Collaboration", "Super-Kamiokande", ""]: arXiv cut the name at its last word.
        return _make_author(f"{giv} {fam}", clean_affiliations, raw, collaboration=True)
    giv = names.space_initials(giv)
    name = names.display_name(giv or None, fam or None, suf or None)
    return Author(
        name=name,
        given=giv or None,
        family=fam or None,
        suffix=suf or None,
        affiliations=clean_affiliations,
        raw=raw,
    )
