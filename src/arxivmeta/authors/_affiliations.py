"""Telling affiliations from names, and finding an affiliation glued onto a name.

An aggregator that drops arXiv's parentheses turns "Jérémie Decouchant (TU Delft)" into
"Jérémie DecouchantTU Delft". The cue is a lower-case letter followed by a capital inside
the last name, with an affiliation-like tail: institution vocabulary, an acronym, a
university's short name (both tables in :mod:`arxivmeta.authors._lexicon`), several words,
the same institution glued to another name of the line, or (once the string has shown it is
glued) one capitalised word. Camel-cased names ("McDonald", "LeCun", "HongSheng") are
recognised by their known beginnings and syllables.

>>> find_glue("Jérémie DecouchantTU Delft")
(18, 2.0)
>>> find_glue("Yann LeCun") is None
True
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from arxivmeta.authors._lexicon import MIN_SHORT_NAME, is_institution_word, is_short_name
from arxivmeta.authors._names import (
    CAMEL_PREFIXES,
    is_collaboration,
    is_initial,
    is_particle,
    is_suffix,
    is_syllable,
    space_initials,
)

# Countries and regions that end affiliations ("..., Italy").
_PLACES = """
usa u.s.a. uk u.k. france germany italy spain portugal china japan korea india brazil canada
mexico russia poland netherlands belgium switzerland austria sweden norway denmark finland
israel iran turkey greece australia argentina chile taiwan singapore egypt hungary czech
ireland scotland england wales
""".split()  # noqa: SIM905 (a word list reads best as words)

_ACRONYM_RE = regex.compile(r"^[\p{Lu}\d][\p{L}\d*&'./\-]*$")
_CAMEL_RE = regex.compile(r"(?<=\p{Ll}|\b[JS]r\.)(?=\p{Lu})")
_REFS_TAIL_RE = regex.compile(r"(?<=[\p{Ll}.'])(\d{1,3}(?:\s*[,&]\s*\d{1,3})*)\s*$")
_WORD_SPLIT_RE = regex.compile(r"[\s\-]")
# "U.C.Berkeley", "U.Chicago", "U. Hawaii": "U." for University before the name of the place.
# Glued to a name, "U." cannot be an initial: initials follow a space ("Mark U. SubbaRao").
_UNIVERSITY_U_RE = regex.compile(r"^U\.(?: ?\p{Lu}\.)* ?\p{Lu}\p{Ll}")
_FOR_THE_RE = regex.compile(r"(?<=\p{Ll})(?=(?:for|on\s+behalf\s+of)\s+the\s)")
_LANGUAGES = ("en", "de", "fr", "es", "it")
_TOKEN_STRIP = ".,;:()[]'\""


@cache
def _places() -> frozenset[str]:
    return frozenset(_PLACES)


def _bare(token: str) -> str:
    return token.strip(_TOKEN_STRIP).lower()


@lru_cache(maxsize=65536)
def _flags(token: str) -> tuple[bool, bool, bool, bool, bool, bool, bool]:
    """(vocabulary, acronym, initial, particle, suffix, place, has digit) for one token."""
    return (
        is_vocabulary(token),
        is_acronym(token),
        is_initial(token),
        is_particle(token),
        is_suffix(token),
        _bare(token) in _places(),
        any(c.isdigit() for c in token),
    )


def is_vocabulary(token: str) -> bool:
    """True for an institution word ("University", "Univ.", "Lab", "CNRS", "Universität")."""
    return is_institution_word(token)


def is_acronym(token: str) -> bool:
    """True for a token with two or more capitals and no run of lower case before them.

    >>> [is_acronym(t) for t in ("IRISA", "TU", "CfA", "INAF-IASF", "McDonald", "Smith")]
    [True, True, True, True, False, False]
    """
    core = token.strip(",;:()")
    if "-" in core.strip("-") and is_acronym(core.split("-")[0]):
        return True  # "CMLS-EcolePolytechnique", "INAF-OABrera"
    if "/" in core.strip("/"):
        # "CEA/Saclay", "Caltech/IPAC": institutions joined by a slash. One level deep:
        # the parts hold no slash.
        return any(is_acronym(part) for part in core.split("/") if part)
    if _ACRONYM_RE.match(core) is None:
        return False
    letters = [c for c in core if c.isalpha()]
    uppers = sum(c.isupper() for c in letters)
    if uppers < 2 or uppers * 2 < len(letters):
        return False
    # Roman numerals are suffixes, not acronyms.
    return not is_suffix(core)


def affiliation_score(text: str) -> float:
    """How much ``text`` looks like (part of) an affiliation rather than a person's name.

    >>> affiliation_score("University of London") > 1 > affiliation_score("Tomasz Plewa")
    True
    """
    tokens = text.split()
    if not tokens:
        return -5.0
    flags = [_flags(t) for t in tokens]
    score = 0.0
    if any(f[0] for f in flags) or _university_abbreviation(tokens):
        score += 2.5
    if any(f[5] for f in flags):
        score += 1.5
    if any(f[1] for f in flags):
        score += 1.2
    if any(f[6] for f in flags):
        score += 1.0
    if any(t.islower() and not f[3] for t, f in zip(tokens, flags, strict=True)):
        score += 0.8  # "of", "for", "und": running words, not name parts
    if len(tokens) == 1:
        score += 1.0
    elif len(tokens) > 4:
        score += 0.5 * (len(tokens) - 4)
    return score


def name_score(text: str) -> float:
    """How much ``text`` looks like one person's name ("A. B. Smith", "Ewine van Dishoeck").

    >>> name_score("Jérémie Decouchant") > 0 > name_score("UR")
    True
    """
    tokens = (space_initials(text) if "." in text else text).split()
    if not tokens:
        return -5.0
    score = 1.0
    if len(tokens) == 1:
        score -= 2.5
    words = [t for t in tokens if not _flags(t)[2] and not _flags(t)[3]]
    if len(words) > 4:
        score -= 1.0 * (len(words) - 4)
    all_caps = all(t.isupper() or not any(c.isalpha() for c in t) for t in tokens)
    if _university_abbreviation(tokens):
        score -= 3.0
    for t in tokens:
        vocabulary, acronym, initial, particle, suffix, place, digit = _flags(t)
        if vocabulary:
            score -= 3.0
        elif digit:
            score -= 2.0
        elif particle or suffix or initial:
            continue
        elif t[0].islower():
            score -= 1.5
        elif t in ("The", "THE"):
            score -= 2.0
        elif not all_caps and acronym:
            score -= 1.2
        elif place:
            score -= 0.5
    if all(_flags(t)[2] for t in tokens):
        score -= 2.0
    return score


def _university_abbreviation(tokens: list[str]) -> bool:
    # "Mainz U.", "Valencia U.": a place and "U." read as University, unlike "U. Schmidt".
    return len(tokens) >= 2 and tokens[-1] == "U." and not is_initial(tokens[-2])


def camel_penalty(text: str) -> float:
    """Penalty for a name whose later words have an unexplained inner capital."""
    if next(_split_points(text), None) is not None:
        return -0.7
    # "Yilun DuHarvard": a short name after a prefix that is a family name too.
    for pos in _split_points(text, prefix_surnames=True):
        if pos > MAX_NAME_LENGTH:
            break
        if is_short_name(_lead_word(text[pos : pos + MAX_NAME_LENGTH])):
            return -0.7
    return 0.0


#: Family-name prefixes that are whole East Asian family names too (Du 杜, Lê, Lo 羅): after
#: one of them a university's short name can still start ("Yilun DuHarvard").
_PREFIX_SURNAMES = frozenset({"Du", "Le", "Lo"})


def _split_points(text: str, *, prefix_surnames: bool = False) -> Iterator[int]:
    """Offsets where a glued affiliation could start: inner capitals after the first word.

    With ``prefix_surnames``, only the offsets after a word that is both a family-name
    prefix and a family name ("Du", "Le", "Lo"), which the plain pass skips ("DuBois").

    One left-to-right pass: the start of the current word is carried along, not searched
    back for at every capital, so a long run of capitals costs linear time.
    """
    first_space = text.find(" ")
    if first_space < 0:
        return
    word_start = first_space + 1
    scanned = word_start
    for m in _CAMEL_RE.finditer(text, first_space):
        pos = m.start()
        for offset in range(scanned, pos):
            if text[offset] in " -":
                word_start = offset + 1
        scanned = pos
        head_part = text[word_start:pos]
        if head_part.lower().rstrip("'’") in CAMEL_PREFIXES:
            if prefix_surnames and head_part in _PREFIX_SURNAMES:
                yield pos
            continue
        if prefix_surnames:
            continue
        if head_part[:1].islower() and len(head_part) <= 3:
            continue  # "al-", "d'", "deWitt"
        yield pos


def tail_score(head: str, tail: str, *, glued_context: bool) -> float:
    """How likely ``tail`` is an affiliation glued after the name ``head``."""
    tail_tokens = tail.split()
    if not tail_tokens:
        return -5.0
    first = tail_tokens[0]
    head_word = head.rsplit(maxsplit=1)[-1] if head.split() else ""
    head_part = _WORD_SPLIT_RE.split(head)[-1]
    camel_parts = _CAMEL_RE.split(head_part)
    if is_vocabulary(first) or any(is_vocabulary(t) for t in tail_tokens):
        return 2.5
    if _UNIVERSITY_U_RE.match(tail, len(tail) - len(tail.lstrip())):
        return 2.5
    if is_collaboration(tail) or _university_abbreviation(tail_tokens):
        return 2.5
    if is_acronym(first):
        return 2.0
    if camel_parts and is_syllable(camel_parts[-1]) and is_syllable(first):
        return -3.0  # "ByungHoon", "HongSheng": one given name in two syllables
    if head_word and len(camel_parts[-1]) >= 2 and is_short_name(_lead_word(tail)):
        # A university's short name ("Caltech", "Technion"): evidence from outside the line,
        # even after a two-letter surname ("Jiajun WuStanford").
        return SHORT_NAME_SCORE
    if len(tail_tokens) >= 2:
        return 1.0 if glued_context else 0.2
    if is_suffix(tail) or len(tail.strip(".")) < 3:
        return -3.0
    if len(camel_parts[-1]) < 3:
        return -3.0
    if not head_word:
        return -3.0
    if _bare(tail) in _places():
        return 1.0
    if glued_context:
        return 0.4
    # Alone, one capitalised word is split off only when it is a common word or place
    # ("Leiden", "Oxford", "Google") and not a name part; rare words stay in the name.
    # A common word before the capital too makes a compound ("DeepMind", "JeanPaul").
    if _common_word(tail) and not _common_word(camel_parts[-1]):
        return 0.3
    return -0.8


#: The score of a tail glued to two or more names of the line: enough to split those names,
#: just under an acronym's 2.0, so that it does not on its own mark the whole line as glued.
REPEATED_SCORE = 1.9
#: The same for one capitalised word that no table names an institution ("Culham" twice):
#: enough in a short line ("A. SmithCulham, B. JonesCulham"), too little in a long list of
#: names, where camel-cased surnames can share an ending ("SubbaRaman", "VenkataRaman").
LONE_REPEATED_SCORE = 0.35


def _repeated_score(tail: str) -> float:
    """The score a tail earns by being glued to other names of the line too."""
    core = tail.strip()
    lone_word = " " not in core and "/" not in core and not is_acronym(core)
    if lone_word and not is_short_name(core) and _bare(core) not in _places():
        return LONE_REPEATED_SCORE
    return REPEATED_SCORE


#: The score of a tail that starts with a university's short name: a place's, enough to split
#: a lone name ("Lynne A. HillenbrandCaltech") but less than an acronym or institution word.
SHORT_NAME_SCORE = 1.0


def _lead_word(tail: str) -> str:
    """The first word of a tail, before any slash: "Caltech/IPAC" and "Caltech, JPL" → "Caltech"."""
    tokens = tail.split(maxsplit=1)
    if not tokens:
        return ""
    return tokens[0].split("/", 1)[0].strip(_TOKEN_STRIP)


def _is_short_word(tail: str) -> bool:
    """True for a one-word tail in title case of fewer than four letters ("Rao", "Bhu")."""
    core = tail.strip(_TOKEN_STRIP)
    return (
        " " not in core and len(core) < MIN_SHORT_NAME and core[:1].isupper() and core[1:].islower()
    )


def _repeatable(head: str, tail: str) -> bool:
    """True for a tail that may count as shared with other names: not a given name's syllable,
    a suffix or an initial.
    """
    if tail_score(head, tail, glued_context=True) > -3.0:
        return True
    # After a two-letter surname ("Jiajun WuStanford") only the shortness of the name stood
    # against the tail; the same word glued to another name of the line outweighs that.
    head_part = _CAMEL_RE.split(_WORD_SPLIT_RE.split(head)[-1])[-1]
    lead = _lead_word(tail)
    return (
        len(head_part) == 2
        and len(lead) >= MIN_SHORT_NAME
        and lead[:1].isupper()
        and not is_syllable(lead)
        and not is_suffix(lead)
    )


@lru_cache(maxsize=4096)
def _common_word(word: str) -> bool:
    from wordfreq import zipf_frequency  # noqa: PLC0415 (large tables, load on demand)

    low = word.strip(_TOKEN_STRIP).lower()
    return max(zipf_frequency(low, lang, wordlist="small") for lang in _LANGUAGES) >= 3.0


#: The longest name a glued affiliation is looked for after: the longest of the 12,751
#: distinct names in the corpus's parsed author lists has 52 characters (and that one is
#: two names glued together).
MAX_NAME_LENGTH = 200


def repeated_tails(pieces: list[str]) -> frozenset[str]:
    """Tails that could be glued affiliations and follow the names of two or more pieces.

    The same word stuck to different names ("HillenbrandCaltech", "CarpenterCaltech") is
    an affiliation shared by co-authors: surnames do not repeat as camel-cased endings. A
    tail that reads as a syllable of a given name, a suffix or an initial never counts
    ("Kim ByungHoon, Lee JaeHoon" keeps both names whole).

    >>> sorted(repeated_tails(["Lynne A. HillenbrandCaltech", "John M. CarpenterCaltech"]))
    ['Caltech']
    >>> repeated_tails(["Kim ByungHoon", "Lee JaeHoon"])
    frozenset()

    A tail's first word counts too, and a two-letter surname does not hide it:

    >>> "Caltech" in repeated_tails(["L. A. HillenbrandCaltech", "J. M. CarpenterCaltech/IPAC"])
    True
    >>> sorted(repeated_tails(["Yanjie ZeStanford", "Jiajun WuStanford"]))
    ['Stanford']
    """
    seen: dict[str, int] = {}
    for piece in pieces:
        tails = set()
        for pos in _split_points(piece):
            if pos > MAX_NAME_LENGTH:
                break  # no name is this long; the bound keeps the search linear
            head, tail = piece[:pos], piece[pos:].strip()
            if name_score(head) > 0 and _repeatable(head, tail):
                if _is_short_word(tail):
                    continue  # "Rao", "Lee": three letters end personal names as often
                tails.add(tail)
                # Its first word too: "Caltech" and "Caltech/IPAC" are the same institution.
                if (lead := _lead_word(tail)) and len(lead) >= 3:
                    tails.add(lead)
        for tail in tails:
            seen[tail] = seen.get(tail, 0) + 1
    return frozenset(tail for tail, count in seen.items() if count >= 2)


def find_glue(
    piece: str, *, glued_context: bool = False, repeated: frozenset[str] = frozenset()
) -> tuple[int, float] | None:
    """The best offset where an affiliation is glued onto the name in ``piece``, and its score.

    ``repeated`` holds tails glued to other names of the line (:func:`repeated_tails`);
    one of them is evidence for this name (:data:`REPEATED_SCORE`).

    >>> find_glue("Yérom-David BrombergIRISA")
    (20, 2.0)
    >>> find_glue("Kevin McDonald") is None, find_glue("Xiaolin Li") is None
    (True, True)
    >>> find_glue("Lynne A. HillenbrandCaltech", repeated=frozenset({"Caltech"}))
    (20, 1.9)
    >>> find_glue("Yilun DuHarvard"), find_glue("Anne-Marie DuBois")
    ((8, 1.0), None)
    """
    m = _FOR_THE_RE.search(piece) if "the " in piece else None
    if m is not None and name_score(piece[: m.start()]) > 0:
        return m.start(), 2.5
    fallback: tuple[int, float] | None = None
    for pos in _split_points(piece):
        if pos > MAX_NAME_LENGTH:
            break  # no name is this long; the bound keeps the search linear in the piece
        head, tail = piece[:pos], piece[pos:]
        if name_score(head) <= 0:
            continue
        score = tail_score(head, tail, glued_context=glued_context)
        if repeated and (tail.strip() in repeated or _lead_word(tail) in repeated):
            score = max(score, _repeated_score(tail))
        if score > 0:
            return pos, score  # the earliest plausible point: affiliations have capitals too
        if score > -1.5 and fallback is None:
            fallback = (pos, score)  # weak: taken only if what follows is an affiliation
    if fallback is None:
        # Last, after a prefix that is a family name too, a short name only ("DuHarvard";
        # "DuBois", "LeCun" and "LeBlanc" stay whole: no university is called so).
        for pos in _split_points(piece, prefix_surnames=True):
            if pos > MAX_NAME_LENGTH:
                break
            head, tail = piece[:pos], piece[pos:]
            if name_score(head) > 0 and is_short_name(_lead_word(tail)):
                return pos, SHORT_NAME_SCORE
    return fallback


def split_refs(piece: str) -> tuple[str, list[str]]:
    """Split footnote numbers glued after a name: "Krauss1,2" → ("Krauss", ["1", "2"]).

    >>> split_refs("Lawrence M. Krauss1,2")
    ('Lawrence M. Krauss', ['1', '2'])
    """
    offset = max(0, len(piece) - 40)  # the numbers end the piece; a long one is no name
    m = _REFS_TAIL_RE.search(piece, offset)
    if m is None:
        return piece, []
    return piece[: m.start()].rstrip(), regex.findall(r"\d+", m.group(1))
