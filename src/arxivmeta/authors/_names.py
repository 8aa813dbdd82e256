"""Personal-name grammar: given / family / suffix, particles, initials, collaborations.

Names are split the way arXiv's own ``authors_parsed`` does (the family name is the last
word plus any particles before it), so the display form "Given Family Suffix" is the name
as written, with initials spaced ("P.A. Evans" → "P. A. Evans").

>>> split_name("Ewine van Dishoeck")
('Ewine', 'van Dishoeck', None)
>>> split_name("Martin Luther King, Jr.")
('Martin Luther', 'King', 'Jr.')
"""

from __future__ import annotations

from functools import cache

import regex

SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V", "2nd", "3rd", "Jnr."})

# Family-name particles (lower case as written in running text; capitalised forms count
# too when they are not the first word, as in "B. De Marco").
PARTICLES = frozenset(
    {
        "van", "der", "den", "de", "la", "le", "les", "del", "della", "delle", "dei", "degli",
        "von", "vom", "zu", "di", "da", "das", "dos", "do", "du", "des", "ter", "ten", "te",
        "bin", "binti", "ibn", "al", "el", "y", "e", "lo", "st", "st.", "mac", "vander", "vanden",
    }
)  # fmt: skip

# Beginnings of family names that are followed by a capital (McDonald, DeWitt, LeCun,
# DiVincenzo, MacKay, O'Neil is split by the apostrophe anyway).
CAMEL_PREFIXES = frozenset(
    {
        "mc", "mac", "fitz", "de", "di", "da", "du", "le", "la", "lo", "van", "von", "der",
        "den", "des", "del", "della", "dal", "dos", "das", "st", "ste", "ten", "ter", "al",
        "el", "ben", "abu", "bin", "ibn", "san", "santa", "vander", "vanden", "ver", "ní", "ó",
    }
)  # fmt: skip

COLLABORATION_RE = regex.compile(
    r"\b(?:(?P<strong>collaborations?|consortium|consortia|collab\.)|team|group|project|"
    r"working\s+group|survey|networks?)\s*$",
    regex.IGNORECASE,
)
_LEADING_FOR_RE = regex.compile(r"^(?:for|on\s+behalf\s+of)\s+the\s+", regex.IGNORECASE)
_ET_AL_RE = regex.compile(r"^(?:et\.?\s*al(?:ii|\.|ia)?\.?|and\s+others|others)$", regex.IGNORECASE)
_INITIAL_DOT_RE = regex.compile(r"(?<=[^\W\d_]\.)(?=[^\W\d_])")
_WORD_RE = regex.compile(r"[^\W\d_]+")


def is_et_al(piece: str) -> bool:
    """True for "et al.", "et al", "and others".

    >>> is_et_al("et al."), is_et_al("Alvarez")
    (True, False)
    """
    return _ET_AL_RE.match(piece.strip()) is not None


def is_suffix(piece: str) -> bool:
    """True for a generational suffix on its own ("Jr.", "III")."""
    return piece.strip() in SUFFIXES


def is_collaboration(name: str) -> bool:
    """True for "ATLAS Collaboration", "The LIGO Scientific Collaboration", "X Consortium".

    >>> is_collaboration("The LIGO Scientific Collaboration"), is_collaboration("Ann Group")
    (True, False)
    """
    m = COLLABORATION_RE.search(name[-80:])  # the keyword ends the name; skip long texts
    if m is None:
        return False
    words = name.split()
    if m.group("strong"):
        return len(words) >= 2
    # "Ann Group" is a person; a collaboration's name has an acronym or three words.
    return len(words) >= 3 or any(sum(c.isupper() for c in w) >= 2 for w in words)


def is_collaboration_word(word: str) -> bool:
    """True for the word that makes a name a collaboration's: "Collaboration", "Consortium".

    arXiv's ``authors_parsed`` files "Super-Kamiokande Collaboration" with this word as the
    family name, which no person's is.

    >>> is_collaboration_word("Collaboration"), is_collaboration_word("Group")
    (True, False)
    """
    m = COLLABORATION_RE.fullmatch(word.strip())
    return m is not None and m.group("strong") is not None


def collaboration_name(name: str) -> str:
    """Drop "for the" / "on behalf of" before a collaboration's name."""
    return _LEADING_FOR_RE.sub("", name.strip())


def space_initials(name: str) -> str:
    """Put a space after each initial's dot, as arXiv prints names ("P.A." → "P. A.").

    >>> space_initials("V.N. Ivanov"), space_initials("J.-L. Jestin"), space_initials("Th.Henning")
    ('V. N. Ivanov', 'J.-L. Jestin', 'Th. Henning')
    """
    return _INITIAL_DOT_RE.sub(" ", name)


def is_initial(token: str) -> bool:
    """True for "A.", "J.-L.", "Th.", "A" (one capital)."""
    letters = _WORD_RE.findall(token)
    if not letters:
        return False
    return all(len(w) <= 2 and w[0].isupper() for w in letters) and (
        token.endswith(".") or len(token) == 1
    )


def is_particle(token: str) -> bool:
    """True for family-name particles (van, der, de la, von, di, bin, ...)."""
    return token.lower() in PARTICLES and not (len(token) > 1 and token.isupper())


def split_name(name: str) -> tuple[str | None, str | None, str | None]:
    """Split a personal name into (given, family, suffix); absent parts are ``None``.

    >>> split_name("Guy Trambly De Laissardière")
    ('Guy Trambly', 'De Laissardière', None)
    >>> split_name("Knuth, Donald E.")
    ('Donald E.', 'Knuth', None)
    """
    name = " ".join(name.split())
    if not name:
        return None, None, None
    suffix: str | None = None
    if name.count(",") == 1 or name.count(",") == 2:
        parts = [p.strip() for p in name.split(",")]
        if len(parts) == 2 and is_suffix(parts[1]):
            name, suffix = parts[0], parts[1]
        elif len(parts) == 2 and parts[0] and parts[1]:
            # "Family, Given" (BibTeX order)
            return _bibtex_order(parts[0], parts[1], None)
        elif len(parts) == 3 and is_suffix(parts[1]):
            return _bibtex_order(parts[0], parts[2], parts[1])
    tokens = name.split()
    if suffix is None and len(tokens) >= 2 and is_suffix(tokens[-1]):
        suffix = tokens.pop()
        if tokens[-1].endswith(","):
            tokens[-1] = tokens[-1][:-1]
    if not tokens:
        return None, None, suffix
    if len(tokens) == 1:
        return None, tokens[0], suffix
    start = len(tokens) - 1
    while start > 1 and is_particle(tokens[start - 1]):
        start -= 1
    given = " ".join(tokens[:start]) or None
    family = " ".join(tokens[start:])
    return given, family, suffix


def _bibtex_order(
    family: str, given: str, suffix: str | None
) -> tuple[str | None, str | None, str | None]:
    return (given or None), (family or None), suffix


def display_name(given: str | None, family: str | None, suffix: str | None) -> str:
    """The name as people write it: "Given Family Suffix".

    >>> display_name("Martin Luther", "King", "Jr.")
    'Martin Luther King Jr.'
    """
    return " ".join(p for p in (given, family, suffix) if p)


@cache
def _syllables() -> frozenset[str]:
    # Hanyu Pinyin and common Korean romanised syllables: the parts of camel-cased given
    # names like "HongSheng", "XiaoMing", "YoungJu", which must never be read as a name
    # with an affiliation glued on.
    initials = [
        "",
        "b",
        "p",
        "m",
        "f",
        "d",
        "t",
        "n",
        "l",
        "g",
        "k",
        "h",
        "j",
        "q",
        "x",
        "zh",
        "ch",
        "sh",
        "r",
        "z",
        "c",
        "s",
        "y",
        "w",
        "hs",
        "ts",
        "tz",
    ]  # fmt: skip  (the last three: Wade-Giles, "HsiangTao")
    finals = ["a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang",
              "eng", "ong", "er", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing",
              "iong", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ueng", "ue", "ve",
              "yu", "yun", "yuan", "yue", "ieh", "ien", "ung", "iung", "ueh", "ih"]  # fmt: skip
    # Revised Romanisation of Korean plus the McCune-Reischauer spellings names keep.
    k_initials = ["", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp",
                  "s", "ss", "sh", "j", "jj", "ch", "h"]  # fmt: skip
    k_vowels = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
                "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i", "oo", "ee", "ou",
                "ou", "eon", "yeon"]  # fmt: skip
    k_finals = ["", "k", "g", "n", "t", "l", "m", "p", "b", "ng", "ck", "ok"]
    korean = [i + v + f for i in k_initials for v in k_vowels for f in k_finals]
    pinyin = [i + f for i in initials for f in finals]
    return frozenset(w for w in pinyin + korean if len(w) <= 6)


def is_syllable(word: str) -> bool:
    """True for one Pinyin (or common Korean) syllable: "Sheng", "Ming", "Ju"."""
    return word.lower() in _syllables()
