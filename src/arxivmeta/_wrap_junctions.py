"""Evidence that a token is two words glued where a line break was deleted.

:func:`split_score` scores one cut of one token as a log-probability ratio: how much more
likely the two sides are as separate words than the whole token as one. Letter-letter cuts
use the word model; cuts next to punctuation, digits and ``$`` use the typography of
abstracts ("systems.As", "(CV)domains", "100%accuracy", "a$3.37times$"), with guards for
what legitimately looks the same ("e.g.", "U.S.", "f(x)", "1,000", "H2O", "www.arxiv.org").

>>> from arxivmeta._lexicon import Lexicon
>>> lex = Lexicon.for_text("", frozenset())
>>> split_score("tocomplex", 2, lex, 0) > 5 > split_score("integral", 5, lex, 0)
True
"""

from __future__ import annotations

from arxivmeta._lexicon import Lexicon, unknown_logp

# Cuts that punctuation makes near-certain, before the guards below veto them.
_SENTENCE_CUT = 9.0  # "systems.As"
_CLAUSE_CUT = 7.0  # "coefficient,two", "follows:we"
_CLOSE_CUT = 6.0  # "(CV)domains", "100%accuracy", "$x$and"
_OPEN_CUT = 5.0  # "Vision(CV)", "a$3.37times$", "of\\emph"
_CAMEL_BONUS = 3.0  # "proposeFully", "CerebrasWafer"
_ACRONYM_BONUS = 2.0  # "proposedFPDT"
_ONE_LETTER_PENALTY = 4.0  # "H2O", "3D": one-letter sides are rarely whole words
_FORBIDDEN = None

_OPENERS = "([{`"
_CLOSERS = ")]}'\u2019\u201d"
_CLAUSE = ",;:!?"
_ONE_LETTER_WORDS = frozenset({"a", "A", "I"})
# Suffixes and units that follow a number without a space ("20GB", "2nd", "3D", "10x").
_NUMBER_SUFFIXES = frozenset(
    "st nd rd th x k m b d g s gb mb kb tb nm um mm cm km ms ns ps fs hz khz mhz ghz thz "
    "ev kev mev gev tev w kw mw db dof fps bit bits bp kbp mbp kda mol ml mg kg".split()
)
# What follows a dot inside a web address or a file name ("arxiv.org", "data.json").
_DOT_TAILS = frozenset(
    "com org net edu gov io ai html htm pdf json py txt csv xml tex zip gz github www".split()
)


def _trailing_run(s: str) -> str:
    i = len(s)
    while i > 0 and s[i - 1].isalnum():
        i -= 1
    return s[i:]


def _leading_run(s: str) -> str:
    i = 0
    while i < len(s) and s[i].isalnum():
        i += 1
    return s[:i]


def _own(token: str, word: str) -> int:
    """How often *word* occurs as a run inside *token* (not evidence of use elsewhere)."""
    return 1 if word and word.lower() in token.lower() else 0


def _word_ratio(token: str, lw: str, rw: str, lex: Lexicon) -> float:
    joined = lw + rw
    return (
        lex.logp(lw, _own(token, lw))
        + lex.logp(rw, _own(token, rw))
        - lex.logp(joined, _own(token, joined))
    )


def _one_letter_penalty(lw: str, rw: str) -> float:
    penalty = 0.0
    if len(lw) == 1 and lw not in _ONE_LETTER_WORDS:
        penalty += _ONE_LETTER_PENALTY
    if len(rw) == 1 and rw not in _ONE_LETTER_WORDS:
        penalty += _ONE_LETTER_PENALTY
    return penalty


def _known_word(word: str, lex: Lexicon, token: str, min_len: int = 2) -> bool:
    if len(word) < min_len or not word.isalpha():
        return False
    return lex.logp(word, _own(token, word)) > unknown_logp(0) + 1.0


def split_score(token: str, cut: int, lex: Lexicon, dollars_before: int) -> float | None:
    """Log-ratio for cutting *token* before index *cut*; ``None`` when the cut is never right.

    *dollars_before* counts the ``$`` signs of the text before *token*, so that a ``$`` can
    be told apart as opening or closing inline math.
    """
    left, right = token[:cut], token[cut:]
    if not left or not right:
        return _FORBIDDEN
    lc, rc = left[-1], right[0]
    lw, rw = _trailing_run(left), _leading_run(right)
    if (dollars_before + left.count("$")) % 2 and lc != "$" and rc != "$":
        return _FORBIDDEN  # inside inline math: spacing there is not prose

    if lc.isalnum() and rc.isalnum():
        if lc.isdigit() and rc.isdigit():
            return _FORBIDDEN
        score = _word_ratio(token, lw, rw, lex) - _one_letter_penalty(lw, rw)
        if lc.isdigit() and rw.lower() in _NUMBER_SUFFIXES:
            return _FORBIDDEN
        if lc.islower() and rc.isupper():
            if len(rw) > 1 and rw[1:].islower():
                score += _CAMEL_BONUS
            elif rw.isupper() and len(rw) > 1:
                score += _ACRONYM_BONUS
        elif lc.isupper() and rc.islower():
            # "C|erebras", "LL|Ms": a capital run followed by lower case is one word.
            score -= _CAMEL_BONUS
        return score

    if lc in "-\u2010\u2011/\\_^=+*<>|~&#@" or rc in "-\u2010\u2011/_^=+*<>|~&#@":
        # Hyphens, slashes and operators join their neighbours on purpose.
        return _FORBIDDEN

    if lc == "$" or rc == "$":
        return _dollar_score(token, cut, lw, rw, lex, dollars_before)

    if not rc.isalpha() and rc not in _OPENERS and rc != "\\":
        return _FORBIDDEN

    if lc == ".":
        return _dot_score(token, left, lw, rw, lex)
    if lc in _CLAUSE:
        if lc == ":" and right.startswith("//"):
            return _FORBIDDEN
        if _known_word(rw, lex, token) and (len(lw) != 1 or lw in _ONE_LETTER_WORDS):
            return _CLAUSE_CUT
        return _FORBIDDEN
    if lc in _CLOSERS or lc == "%":
        if lc == "'" and left.endswith("'") and not left.endswith("''") and lw:
            return _FORBIDDEN  # "IBM's", "don't": an apostrophe, not a quote
        if _known_word(rw, lex, token):
            return _CLOSE_CUT
        return _FORBIDDEN
    if lc.isalnum() and (rc in _OPENERS or rc == "\\"):
        if rc == "\\" or rc == "`":
            return _OPEN_CUT if _known_word(lw, lex, token) else _FORBIDDEN
        inner = _leading_run(right[1:])
        if _known_word(lw, lex, token, 3) and (len(inner) >= 2 or not inner):
            return _OPEN_CUT
        return _FORBIDDEN
    return _FORBIDDEN


def _dot_score(token: str, left: str, lw: str, rw: str, lex: Lexicon) -> float | None:
    if not lw or not rw or not rw[0].isalpha():
        return _FORBIDDEN
    if len(lw) <= 2 and not lw.isdigit():
        return _FORBIDDEN  # "e.g.", "i.e.", "U.S.", "al.", "St."
    before_run = left[: len(left) - len(lw) - 1]
    if before_run.endswith(".") or "." in before_run[-2:]:
        return _FORBIDDEN  # dotted abbreviations and names: "Ph.D.", "J.R.R."
    if rw.lower() in _DOT_TAILS or "//" in token or token.lower().startswith("www"):
        return _FORBIDDEN
    if rw[0].isupper():
        return _SENTENCE_CUT if len(rw) >= 2 or rw in _ONE_LETTER_WORDS else _FORBIDDEN
    # A lower-case word after a full stop: only when both sides are plain words.
    if _known_word(lw, lex, token, 3) and _known_word(rw, lex, token, 2):
        return _CLAUSE_CUT - 3.0
    return _FORBIDDEN


def _dollar_score(
    token: str, cut: int, lw: str, rw: str, lex: Lexicon, dollars_before: int
) -> float | None:
    left, right = token[:cut], token[cut:]
    balanced = (dollars_before + left.count("$")) % 2 == 0
    if right[0] == "$" and balanced and left[-1].isalpha():
        # "a$3.37times$": a word followed by inline math that starts the next line.
        if _known_word(lw, lex, token, 1) or lw in _ONE_LETTER_WORDS:
            return _OPEN_CUT
        return _FORBIDDEN
    if left[-1] == "$" and balanced and right[0].isalpha():
        # "$h$cycles": the end of inline math followed by a word.
        if _known_word(rw, lex, token, 2):
            return _CLOSE_CUT
        return _FORBIDDEN
    return _FORBIDDEN
