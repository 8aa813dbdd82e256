"""Which title words keep their capitals: acronyms, camel case, proper names.

Sentence-case BibTeX styles lower-case every title word not in braces, keeping only the
first letter and the letter after ``": "``. A word is braced when its capitals carry
meaning: a capital after its first letter (``LLMs``, ``FPDT``, ``LLMSecCode``, ``GPT-4o``);
a lone capital other than the article "A" (``Type B``, ``X-ray``); or a capitalised word
that is a proper name, which is read from the casing of the title itself (in a
sentence-case title every capital is meant), then from the paper's own abstract (a word it
writes capitalised mid-sentence and never in lower case), then from the English word list
(a word it does not hold at all).

>>> guard = title_guard("Partition Detection in Byzantine Networks",
...     "We study networks with Byzantine nodes; partition detection is hard.")
>>> [w for i, w in enumerate("Partition Detection in Byzantine Networks".split()) if guard(w, i)]
['Byzantine']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

_WORD = re.compile(r"[^\W\d_]+")
_LETTERS_ONLY = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A word after one of these starts a sentence, so its capital says nothing.
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_UNKNOWN_FREQUENCY = 1e-8


def _has_inner_capital(token: str) -> bool:
    return any(any(c.isupper() for c in word[1:]) for word in _WORD.findall(token))


def _lone_capital(token: str) -> bool:
    words = _WORD.findall(token)
    return any(len(w) == 1 and w.isupper() and w != "A" for w in words)


def _is_capitalised(token: str) -> bool:
    words = _WORD.findall(token)
    return bool(words) and words[0][0].isupper()


def _starts_after_colon(words: list[str], index: int) -> bool:
    return index == 0 or (index <= len(words) and words[index - 1].endswith(":"))


def _abstract_evidence(abstract: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words the abstract writes in lower case, and words it capitalises mid-sentence."""
    lower: set[str] = set()
    capital: set[str] = set()
    previous_end = 0
    for match in _WORD.finditer(abstract):
        word = match[0]
        if word.islower():
            lower.add(word)
        elif word[0].isupper() and word[1:].islower():
            before = abstract[max(0, previous_end - 3) : match.start()]
            if previous_end and not _SENTENCE_END.search(before):
                capital.add(word.lower())
        previous_end = match.end()
    return frozenset(lower), frozenset(capital)


@functools.cache
def english_frequencies() -> Mapping[str, float]:
    """wordfreq's English word → frequency table, loaded once and read-only."""
    import wordfreq  # noqa: PLC0415  (a third of a second of loading: only on first use)

    return MappingProxyType(wordfreq.get_frequency_dict("en"))


def title_guard(title: str, abstract: str | None = None) -> Callable[[str, int], bool]:
    """A test ``(word, index) -> bool``: does this title word need braces?"""
    words = title.split()
    candidates = [w for i, w in enumerate(words) if i > 0 and len(w) >= 4 and w.isalpha()]
    sentence_case = bool(candidates) and sum(w[0].islower() for w in candidates) * 2 >= len(
        candidates
    )
    lower, capital = _abstract_evidence(abstract or "")
    frequencies = english_frequencies()

    def is_proper_name(token: str) -> bool:
        for word in _WORD.findall(token):
            if not word[0].isupper():
                continue
            key = word.lower()
            if key in capital and key not in lower:
                return True
            if key not in lower and frequencies.get(key, 0.0) < _UNKNOWN_FREQUENCY:
                return True
        return False

    def guard(token: str, index: int) -> bool:
        if _LETTERS_ONLY.search(token) is None:
            return False
        if _has_inner_capital(token) or _lone_capital(token):
            return True
        if not _is_capitalised(token) or _starts_after_colon(words, index):
            return False
        return sentence_case or is_proper_name(token)

    return guard
