"""Lists of author names, one entry per author, as Semantic Scholar and arXiv's API give them.

Each entry is meant to be one author, but the lists carry what their sources could not
split: an organisation cut in two at a comma of its name ("Blekinge Institute of",
"Technology"), a company's legal form cut from the affiliation left on a name
("A. Schweiger fortiss", "GmbH"), a separator kept from the line ("Lin,"), arXiv's
corresponding-author marker ("Wei Zhang*"), the colon of a team heading
("NVIDIA", ":", "Aaron Blakeman", ...), and URLs. :func:`tidy_entries` repairs the entries
and says which it dropped; nothing is dropped without a step.

>>> [e.name for e in tidy_entries([("Blekinge Institute of", ()), ("Technology", ())])[0]]
['Blekinge Institute of Technology']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from arxivmeta.authors import _affiliations as aff, _names as names
from arxivmeta.authors._lexicon import is_institution_word, is_legal_form
from arxivmeta.explain import Step, record_step

#: Words that cannot end a name, only join it to what follows ("Institute of", "Centre for",
#: "Universidade de").
CONNECTORS = frozenset(
    {"of", "for", "and", "&", "de", "des", "du", "di", "da", "del", "della", "der", "für",
     "und", "the", "at", "on", "in", "y", "e", "et", "van", "von", "zu", "la", "le"}
)  # fmt: skip
#: Marks put on a name for its role (corresponding author, equal contribution) and separators
#: kept from the line the list was cut from.
_MARKS = "*∗⁎†‡§¶✉✝#"
_TRAILING = _MARKS + ",;: \t"
_LEADING = _MARKS + ",;:/ \t"
_URL_RE = regex.compile(r"^(?:https?://|www\.)\S*$", regex.IGNORECASE)
_LETTER_RE = regex.compile(r"\p{L}")
#: The longest entry another is joined to: the longest institution names are about 150
#: characters ("Max-Planck-Institut für ..."), and a bound keeps a chain of joins linear.
MAX_JOINED = 200


@dataclass(frozen=True, slots=True)
class Entry:
    """One author of a list after repair: the name, its affiliations, whether it is an
    organisation, and the entries it came from."""

    name: str
    affiliations: tuple[str, ...]
    raw: str
    organisation: bool = False


def is_not_a_name(entry: str) -> bool:
    """True for an entry that names nobody: punctuation only, or a URL.

    >>> is_not_a_name(":"), is_not_a_name("https://github.com/x/y"), is_not_a_name("Lin,")
    (True, True, False)
    """
    core = entry.strip()
    return _LETTER_RE.search(core) is None or _URL_RE.match(core) is not None


def strip_marks(entry: str) -> str:
    """The entry without role marks and separators around it ("Lin," → "Lin").

    >>> strip_marks("Lin,"), strip_marks("/Shubham Kumar Nigam"), strip_marks("Wei Zhang*")
    ('Lin', 'Shubham Kumar Nigam', 'Wei Zhang')
    """
    return entry.strip().rstrip(_TRAILING).lstrip(_LEADING)


def _ends_in_connector(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and words[-1] in CONNECTORS


def _completes(first: str, second: str) -> bool:
    """True when ``second`` finishes the organisation or name ``first`` leaves open."""
    if not _ends_in_connector(first) or not second[:1].isupper():
        return False
    if len(first) > MAX_JOINED:
        return False  # bounds a chain of joins, so the pass stays linear
    if any(is_institution_word(t) for t in (first + " " + second).split()):
        return True
    return len(second.split()) == 1  # "Maria de", "Souza": a lone word finishes the name


def _is_legal_form_entry(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 2 and all(is_legal_form(w) for w in words)


def is_organisation(text: str) -> bool:
    """True for an institution or collaboration rather than a person.

    An abbreviation counts only as written: "Co." names a company, "AJ Co" is a person.

    >>> is_organisation("LG AI Research"), is_organisation("Ewine van Dishoeck")
    (True, False)
    >>> is_organisation("AJ Co")
    False
    """
    if names.is_collaboration(text):
        return True
    return any(_names_institution(t) for t in text.split()) and aff.name_score(text) <= 0


def _names_institution(token: str) -> bool:
    # The institution table also matches an abbreviation without its dot ("Co" for "Co."),
    # which is right inside an affiliation but too weak to call a whole entry an institution.
    if len(token.strip(_TRAILING + ".")) <= 2:
        return is_legal_form(token)
    return is_institution_word(token)


def split_affiliation(text: str) -> tuple[str, str | None]:
    """A person's name and the affiliation written after it in the same entry.

    The affiliation starts at the first lower-case word that is not a particle ("fortiss"),
    when the words before it read as a name and the rest names an institution.

    >>> split_affiliation("A. Schweiger fortiss GmbH")
    ('A. Schweiger', 'fortiss GmbH')
    >>> split_affiliation("Ewine van Dishoeck")
    ('Ewine van Dishoeck', None)
    """
    words = text.split()
    for i in range(2, len(words)):
        word = words[i]
        if word[:1].islower() and not names.is_particle(word):
            head, tail = " ".join(words[:i]), " ".join(words[i:])
            institution = any(is_institution_word(t) or is_legal_form(t) for t in words[i:])
            if institution and aff.name_score(head) > 0:
                return head, tail
            break
    return text, None


def tidy_entries(
    entries: Sequence[tuple[str, Sequence[str]]],
    steps: list[Step] | None = None,
    path: str = "names",
) -> tuple[list[Entry], list[str]]:
    """Repair a list of (name, affiliations) entries; return the authors and what was dropped.

    Each change is a step on ``{path}[i]``, ``i`` being the entry's place in the input:
    ``strip_name_marker``, ``join_split_name`` (two entries into one) and ``drop_non_name``.

    >>> found, dropped = tidy_entries([("NVIDIA", ()), (":", ()), ("Aaron Blakeman", ())])
    >>> [(e.name, e.organisation) for e in found], dropped
    ([('NVIDIA', True), ('Aaron Blakeman', False)], [':'])
    """
    # One pass, left to right: each entry is looked at once, with the one after it.
    pending: list[tuple[int, str, str, tuple[str, ...], bool]] = []  # index, name, raw, affs, org
    dropped: list[str] = []
    for i, (raw_name, affiliations) in enumerate(entries):
        field = f"{path}[{i}]"
        if is_not_a_name(raw_name):
            record_step(steps, "drop_non_name", field, raw_name, None)
            dropped.append(raw_name)
            if ":" in raw_name and pending:
                # "NVIDIA", ":", names...: the entry before the colon heads a team.
                index, name, raw, affs, _ = pending[-1]
                pending[-1] = (index, name, raw, affs, True)
            continue
        name = record_step(steps, "strip_name_marker", field, raw_name, strip_marks(raw_name))
        label = raw_name.rstrip().endswith(":")
        affs = tuple(affiliations)
        if pending:
            index, before, raw, before_affs, org = pending[-1]
            legal_form = _is_legal_form_entry(name) and not label and len(before) <= MAX_JOINED
            if _completes(before, name) or legal_form:
                joined = f"{before} {name}"
                record_step(steps, "join_split_name", f"{path}[{index}]", [before, name], joined)
                pending[-1] = (index, joined, f"{raw}, {raw_name}", before_affs + affs, org)
                continue
        pending.append((i, name, raw_name, affs, label))
    found: list[Entry] = []
    for index, name, raw, affs, org in pending:
        person, affiliation = (name, None) if org else split_affiliation(name)
        if affiliation is not None:
            field = f"{path}[{index}]"
            record_step(steps, "unglue_affiliation", field, name, person)
            affs = (affiliation, *affs)  # noqa: PLW2901 (the entry's own, affiliation first)
        found.append(Entry(person, affs, raw, org or is_organisation(person)))
    return found, dropped
