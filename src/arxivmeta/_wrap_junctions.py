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

import math
import re

from arxivmeta._lexicon import UNKNOWN_BASE, UNKNOWN_PER_CHAR, Lexicon, unknown_logp

# Cuts that punctuation makes near-certain, before the guards below veto them.
_SENTENCE_CUT = 9.0  # "systems.As"
_CLAUSE_CUT = 7.0  # "coefficient,two", "follows:we"
_CLOSE_CUT = 7.0  # "(CV)domains", "100%accuracy", "$x$and"
_OPEN_CUT = 5.0  # "Vision(CV)", "a$3.37times$", "of\\emph"
_CAMEL_BONUS = 3.0  # "proposeFully"
_CAMEL_COMPOUND = 4.0  # "InAs", "CerebrasWafer": left to the wrap geometry
_ACRONYM_BONUS = 2.0  # "proposedFPDT"
_ONE_LETTER_PENALTY = 4.0  # "H2O", "3D": one-letter sides are rarely whole words
_PREFIX_PENALTY = 6.0  # "super|current", "photo|association": a bound prefix, not a word
_WEAK = -1.0  # plausible only where the wrap geometry points
_NEVER = -math.inf  # what the typography helpers return for a cut that is never right
_FORBIDDEN = None
_KNOWN_FLOOR = unknown_logp(0)
_IGNORE_TEXT = 1 << 30  # an "own" count that discounts every use of a word in the text

_OPENERS = "([{`"
_JOINERS = "-\u2010\u2011/_^=+*<>|~&#@"
_CLOSERS = ")]}'\u2019\u201d"
_CLAUSE = ",;:!?"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ACCENTS = frozenset("`'\"^~=.")
_ONE_LETTER_WORDS = frozenset({"a", "A", "I"})
# Suffixes and units that follow a number without a space ("20GB", "2nd", "3D", "10x").
_NUMBER_SUFFIXES = _words(
    "st nd rd th x k m b d g s gb mb kb tb nm um mm cm km ms ns ps fs hz khz mhz ghz thz "
    "ev kev mev gev tev w kw mw db dof fps bit bits bp kbp mbp kda mol ml mg kg"
)
# Prefixes that English glues to the next word without a space or hyphen; a cut right
# after one usually splits a compound ("superconducting", "photoassociation").
_PREFIXES = _words(
    "anti super multi photo non semi quasi pseudo micro nano hyper inter intra sub re un "
    "pre post over under self co bi tri poly mono electro magneto thermo opto spectro "
    "meta macro ultra counter cross auto geo bio neuro astro cyber hetero homo iso para "
    "ortho"
)
# Suffixes that make a rare word from a common one: a cut before one usually splits a
# derived word ("teleportation|al", "viscoplastic|ity").
_SUFFIXES = _words(
    "al ally ly ity ities ic ics ed ing ings er ers ness ment ments able ably ability "
    "abilities ise ize"
)
# Function names written before their argument: "min(", "exp(", "sin(" are not glued words.
_FUNCTIONS = _words(
    "min max exp log ln sin cos tan sinh cosh tanh det tr dim ker span sup inf lim arg "
    "deg gcd lcm mod diag rank sgn sign var cov erf poly"
)
# Labels that end in a colon and continue without a space: "arXiv:quant-ph/0702144".
_COLON_LABELS = frozenset(
    ["arxiv", "doi", "http", "https", "ftp", "isbn", "issn", "pmid", "urn", "mailto", "hdl"]
)
# What follows a dot inside a web address or a file name ("arxiv.org", "data.json").
_DOT_TAILS = _words(
    "com org net edu gov io ai html htm pdf json py txt csv xml tex zip gz github www"
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
        return _alnum_score(lw, rw, lc, rc, lex)
    if lc in _JOINERS or rc in _JOINERS or lc == "\\" or "//" in token:
        # Hyphens, slashes and operators join their neighbours on purpose; URLs never wrap.
        return _FORBIDDEN
    if lc == "$" or rc == "$":
        return _dollar_score(token, cut, lw, rw, lex=lex, dollars_before=dollars_before)
    if lc.isalnum():
        return _open_score(token, left, right, lw, lex)
    if not (rc.isalnum() or rc in _OPENERS or rc in '"\u201c\\'):
        return _FORBIDDEN  # "),", ".)": punctuation runs belong together
    if rc.isdigit() and left[-2:-1].isdigit():
        return _FORBIDDEN  # "1,000", "3.14"
    # The word before the punctuation: "systems" in "systems.As", "disks" in "disks).The".
    lw = _trailing_run(left.rstrip(_CLOSERS + _CLAUSE + '.%"'))
    if lc == ".":
        score = _dot_score(token, left, lw, rw, lex)
    elif lc in _CLAUSE:
        score = _clause_score(token, left, right, lw, rw, lex=lex)
    elif lc in _CLOSERS or lc in '%"':
        score = _close_score(token, left, right, lw, rw, lex=lex)
    else:
        return _FORBIDDEN
    # Punctuation followed by a word is where lines often end: even when the typography is
    # ambiguous ("K.Hentschel", "Duffie,Filipovic"), the wrap geometry may still pick it.
    if score is None:
        return _WEAK
    return _FORBIDDEN if score == _NEVER else score


def _open_score(token: str, left: str, right: str, lw: str, lex: Lexicon) -> float | None:
    """A word followed by an opening bracket, quote or LaTeX command."""
    rc = right[0]
    if rc == "\\":
        # "of\\emph{...}", but not an accent ("Omn\\`es") or a command ("\\bar\\theta").
        if right[1:2] in _ACCENTS or left[: len(left) - len(lw)].endswith("\\"):
            return _FORBIDDEN
        return _OPEN_CUT if _known_word(lw, lex, token, 3) else _WEAK
    if rc in '`"\u201c':
        return _OPEN_CUT if _known_word(lw, lex, token, 2) else _WEAK
    if rc not in "([{":
        return _FORBIDDEN
    inner = _leading_run(right[1:])
    if lw.lower() in _FUNCTIONS or len(lw) == 1:
        return _FORBIDDEN  # "min(x)", "f(x)"
    if inner.isdigit() and (lw.isdigit() or (len(lw) >= 3 and lw.isalpha() and lw.islower())):
        # "ranges(1.7-1.8)", "331(2003)": a number in brackets after a word or a page is
        # a value or a citation, spaced in prose; the wrap geometry may pick it.
        return _WEAK
    if len(inner) >= 2 and inner.isalpha() and _known_word(lw, lex, token, 3):
        return _OPEN_CUT
    if len(inner) == 1 or not (lw.islower() and _known_word(lw, lex, token, 3)):
        return _FORBIDDEN  # "procedure(s)", "SU(5)", "ringR[x_1]": an argument
    return _WEAK


def _clause_score(
    token: str, left: str, right: str, lw: str, rw: str, *, lex: Lexicon
) -> float | None:
    lc = left[-1]
    if lc == ":" and lw.lower() in _COLON_LABELS:
        return _NEVER  # "arXiv:quant-ph/0702144"
    if (left.count("(") > left.count(")") and ")" in right) or (
        left.count("[") > left.count("]") and "]" in right
    ):
        return _NEVER  # "(In,Ga)As", "f(x,y)": a list inside brackets
    bracketed = left[-2:-1] in (")", "]")  # "procedure(s),each", "swapping[3-6],but"
    if _known_word(rw, lex, token) and (len(lw) >= 2 or lw in _ONE_LETTER_WORDS or bracketed):
        return _CLAUSE_CUT
    return None


def _alnum_score(
    lw: str, rw: str, lc: str, rc: str, lex: Lexicon, *, joined: float | None = None
) -> float | None:
    """A cut between two letters or digits: the word model, with casing cues."""
    if lc.isdigit() and rc.isdigit():
        return _FORBIDDEN
    if lc.isdigit() and (rw.lower() in _NUMBER_SUFFIXES or len(rw) == 1 or rw.isupper()):
        return _FORBIDDEN  # "20GB", "2nd", "3D", "5GHz"
    if joined is None:
        joined = lex.logp(lw + rw, 1)
    score = lex.logp(lw) + lex.logp(rw) - joined
    if joined < _KNOWN_FLOOR and (lw.lower() in _PREFIXES or rw.lower() in _SUFFIXES):
        score -= _PREFIX_PENALTY
    if lw[:1].isupper() and rw[:1].isupper() and lw[1:].islower():
        score -= _CAMEL_COMPOUND  # "InAs", "GaAs", "YouTube": one camel-case name
    if len(lw) == 1 and lw not in _ONE_LETTER_WORDS:
        score -= _ONE_LETTER_PENALTY
    if len(rw) == 1 and rw not in _ONE_LETTER_WORDS:
        score -= _ONE_LETTER_PENALTY
    if lc.islower() and rc.isupper():
        if len(rw) > 1 and rw[1:].islower() and lw.islower():
            # "proposeFully"; not "DataFrames", "HyperFlow": a capitalised left part makes
            # a camel-case name.
            score += _CAMEL_BONUS
        elif len(rw) > 1 and rw.isupper():
            score += _ACRONYM_BONUS
        elif len(lw) > 1 and lw.islower() and rw[1:2].islower():
            # "usingDataFrames": a lower-case word, then a camel-case name. A one-letter
            # left part stays whole ("iPhone", "eBay").
            score += _CAMEL_BONUS
    elif lc.isupper() and rc.islower() and not (len(lw) >= 2 and lw.isupper() and len(rw) >= 3):
        # "C|erebras", "LL|Ms": a capital run followed by lower case is one word, unless
        # it is an acronym followed by a word ("SLAC|cores").
        score -= _CAMEL_BONUS
    return score


def _score_run(run: str, start: int, lex: Lexicon, out: list[tuple[int, float]]) -> None:
    low = run.lower()
    n = len(run)
    # Plain lower-case (or capitalised) letters: no casing cue can apply, so the word
    # model is inlined; anything else goes through _alnum_score.
    plain_case = not lex.extra and run.isalpha() and (run.islower() or run[1:].islower())
    if plain_case and low not in lex.freq and lex.doc_counts.get(low, 0) <= 1:
        # The usual glued token, used once and in no list: an unknown string (the letters
        # of such a run are never a number or an acronym).
        joined = UNKNOWN_BASE - UNKNOWN_PER_CHAR * n
    else:
        joined = lex.logp(run, 1)
    # Where both halves are English words, the whole is judged by the English list alone:
    # the text repeating a glued pair ("theoutradius" twice) is no evidence that it is one
    # word, and a repair must not depend on how many such pairs it has already split.
    joined_english: float | None = None  # looked up when first needed
    known = lex.freq.get
    seen = lex.doc_counts.get
    logp = lex.logp
    log = math.log
    prefix_penalty = _PREFIX_PENALTY if joined < _KNOWN_FLOOR else 0.0
    for off in range(1, n):
        if not plain_case:
            score = _alnum_score(run[:off], run[off:], run[off - 1], run[off], lex, joined=joined)
            if score is not None:
                out.append((start + off, score))
            continue
        lw, rw = low[:off], low[off:]
        fl, sl = known(lw), seen(lw)
        if (off == 1 and lw != "a") or (fl is None and not sl):
            fr, sr = known(rw), seen(rw)
            if (off == n - 1 and rw != "a") or (fr is None and not sr):
                # Two unknown halves never beat one unknown whole (by the unknown-word
                # cost, at least 16 nats), and a lone letter other than "a" is hardly a
                # word: such cuts are not worth scoring.
                continue
        else:
            fr, sr = known(rw), seen(rw)
        if fl is not None and fr is not None and (off > 1 or lw == "a") and off < n - 1:
            if joined_english is None:
                joined_english = lex.logp(run, _IGNORE_TEXT)
            whole = joined_english
        else:
            whole = joined
        # A half that neither list knows is a plain unknown string: the letters of a
        # lower-case or capitalised run are never a number or an acronym.
        if sl:
            left = logp(run[:off])
        elif fl is None:
            left = UNKNOWN_BASE - UNKNOWN_PER_CHAR * off
        else:
            left = log(fl)
        if sr:
            right = logp(run[off:])
        elif fr is None:
            right = UNKNOWN_BASE - UNKNOWN_PER_CHAR * (n - off)
        else:
            right = log(fr)
        score = left + right - whole
        if lw in _PREFIXES or rw in _SUFFIXES:
            score -= prefix_penalty
        if off == 1 and lw not in "ai":
            score -= _ONE_LETTER_PENALTY
            if run[0].isupper():
                score -= _CAMEL_BONUS  # "C|erebras"
        if off == n - 1 and rw != "a":
            score -= _ONE_LETTER_PENALTY
        out.append((start + off, score))


_ALNUM_RUN = re.compile(r"[^\W_]+")  # exactly the characters str.isalnum accepts
_SYMBOL = re.compile(r"[\W_]")


def score_token(token: str, lex: Lexicon, dollars_before: int) -> list[tuple[int, float]]:
    """Every allowed cut of *token* as (offset, score), in offset order.

    Cuts inside a run of letters and digits, the common case, share one look-up of the
    whole run and of each prefix and suffix.
    """
    out: list[tuple[int, float]] = []
    inside_math = dollars_before % 2 == 1
    if token.isalnum():
        # The common case, one run of letters and digits: its cuts come out in order.
        if not inside_math and len(token) >= 2:
            _score_run(token, 0, lex, out)
        return out
    previous_end = 0
    for match in _ALNUM_RUN.finditer(token):
        i, j = match.span()
        if token.count("$", previous_end, i) % 2:
            inside_math = not inside_math
        previous_end = j
        command = i > 0 and token[i - 1] in "\\^_"
        if not inside_math and not command and j - i >= 2:
            _score_run(match.group(), i, lex, out)
    # Cuts with a symbol on either side are judged by typography; none falls inside the
    # opening brackets or the closing punctuation of a token ("(word", "word).").
    first = len(token) - len(token.lstrip("([{"))
    last = len(token.rstrip(".,;:!?)]}"))
    offsets = {o for m in _SYMBOL.finditer(token) for o in (m.start(), m.start() + 1)}
    for off in sorted(offsets):
        if first < off < last:
            score = split_score(token, off, lex, dollars_before)
            if score is not None:
                out.append((off, score))
    out.sort()
    return out


def _close_score(
    token: str, left: str, right: str, lw: str, rw: str, *, lex: Lexicon
) -> float | None:
    lc = left[-1]
    if left[-2:-1] == "\\":
        return _NEVER  # "Yndur\\'ain", "Schr\\"odinger": an accent
    if lc in "}" or left[-2:-1] in "-\u2010":
        return _NEVER  # "\\textbf{NOT}gate", "(non-)Abelian"
    if lc in "'\u2019" and left[-2:-1].isalnum() and left[-2:-1] != "s":
        return _NEVER  # "IBM's", "don't": an apostrophe inside a word
    if lc == ")":
        opened = left.rfind("(")
        inner = left[opened + 1 : -1] if opened >= 0 else lw
        if len(inner) < 2 or not inner.replace(" ", "").isalpha():
            return None  # "Y(t)dt", "(2003)]": an argument or a citation
    if not rw or not _known_word(rw, lex, token) or (rw[0].isupper() and len(rw) < 3):
        return None  # "(In,Ga)As"
    if lc in "'\u2019\"":
        return None  # quotes open as often as they close
    return _CLOSE_CUT


def _dot_score(token: str, left: str, lw: str, rw: str, lex: Lexicon) -> float | None:
    if not lw or not rw or not rw[0].isalpha():
        return None
    if rw.lower() in _DOT_TAILS or token.lower().startswith("www"):
        return _NEVER  # "arxiv.org", "data.json"
    if len(lw) <= 2 and not lw.isdigit():
        if len(rw) == 1 and token[len(left) + 1 : len(left) + 2] == ".":
            return _NEVER  # "i.e.", "e.g.", "U.S."
        return None  # "al.", "St.", "K.Hentschel"
    before_run = left[: len(left) - len(lw) - 1]
    if before_run.endswith(".") or "." in before_run[-2:]:
        return None  # dotted abbreviations and names: "Ph.D.", "J.R.R."
    if rw[0].isupper():
        return _SENTENCE_CUT if len(rw) >= 2 or rw in _ONE_LETTER_WORDS else None
    # A lower-case word after a full stop: only when both sides are plain words.
    if _known_word(lw, lex, token, 3) and _known_word(rw, lex, token, 2):
        return _CLAUSE_CUT - 3.0
    return None


def _dollar_score(
    token: str, cut: int, lw: str, rw: str, *, lex: Lexicon, dollars_before: int
) -> float | None:
    left, right = token[:cut], token[cut:]
    balanced = (dollars_before + left.count("$")) % 2 == 0
    if right[0] == "$" and balanced and left[-1].isalpha():
        # "a$3.37times$": a word followed by inline math that starts the next line; not
        # "Fr$\\ddot o$hlich", where the math sits inside a word.
        close = right.find("$", 1)
        if close > 0 and right[close + 1 : close + 2].isalpha():
            return _FORBIDDEN
        if lw in _ONE_LETTER_WORDS or (len(lw) >= 2 and _known_word(lw, lex, token, 2)):
            return _OPEN_CUT
        return _FORBIDDEN
    if right[0] == "$" and balanced and left[-1] in ",;:.)":
        return _WEAK  # "$T_i$'s,$i=1$": a list of formulas
    if left[-1] == "$" and balanced and right[0].isalpha():
        # "$h$cycles": the end of inline math followed by a word; not "CeAg$_2$Ge$_2$" or
        # "$^{132}$Sn", where the math is a subscript or superscript inside a formula.
        opened = left.rfind("$", 0, len(left) - 1)
        if opened >= 0 and left[opened + 1 : opened + 2] in ("_", "^", ""):
            return _FORBIDDEN
        if rw[0].islower() and _known_word(rw, lex, token, 2):
            return _CLOSE_CUT
        return _FORBIDDEN
    return _FORBIDDEN
