"""Split a translation that a listing site appended to a title or abstract.

Chinese aggregators print the English title followed by its machine translation on one
line (``Training ... Transformer 用全流水线分布式变压器训练超长语境语言模型``). The split is
made by Unicode script: Latin text, then a tail whose letters are mostly Han, Kana or
Hangul. CJK words inside an English title (``a 中文 NLP corpus``) do not split it.

>>> split_translation("Partition Detection in Byzantine Networks 拜占庭网络中的分区检测")
('Partition Detection in Byzantine Networks', {'zh': '拜占庭网络中的分区检测'})
"""

from __future__ import annotations

import regex

__all__ = ["script_language", "split_translation"]

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL = regex.compile(r"\p{Hangul}")
_LATIN_WORD = regex.compile(r"\p{Latin}{2,}")
_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"\S+")
_MIN_SOURCE_WORDS = 2
_MIN_TAIL_SHARE = 0.5
_MAX_SHARED_WORDS = 3


def _shared_lead(text: str, start: int) -> int:
    """Move ``start`` back over head words that repeat the words the text begins with."""
    words = list(_WORD.finditer(text, 0, start))
    for size in range(min(_MAX_SHARED_WORDS, len(words) // 3), 0, -1):
        lead = [word.group() for word in words[:size]]
        if [word.group() for word in words[-size:]] == lead:
            return words[-size].start()
    return start


def script_language(text: str) -> str | None:
    """The language a CJK text is written in, told from its script (``zh``, ``ja``, ``ko``).

    >>> script_language("大規模言語モデルの評価"), script_language("分区检测")
    ('ja', 'zh')
    """
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    if _CJK.search(text):
        return "zh"
    return None


def split_translation(text: str) -> tuple[str, dict[str, str]]:
    """Split ``text`` into its Latin-script source and a CJK translation appended to it.

    Returns the text unchanged and no translations when there is nothing to split.

    >>> split_translation("Benchmarking LLMs on the Cerebras Wafer Scale Engine "
    ...                   "在 Cerebras 晶圆级引擎上对大型语言模型进行基准测试")[1]
    {'zh': '在 Cerebras 晶圆级引擎上对大型语言模型进行基准测试'}
    >>> split_translation("A 中文 NLP corpus for question answering")
    ('A 中文 NLP corpus for question answering', {})
    """
    if text.isascii():
        return text, {}
    first = _CJK.search(text)
    if first is None:
        return text, {}
    # The translation begins with the whole token its first CJK letter is in
    # ("Monadring:为 AVS 节点..."), and with a name the title also begins with
    # ("LLMSecCode: Evaluating ... LLMSecCode: 评估...").
    start = first.start()
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    start = _shared_lead(text, start)
    head, tail = text[:start].rstrip(), text[start:].strip()
    if len(_LATIN_WORD.findall(head)) < _MIN_SOURCE_WORDS:
        return text, {}
    letters = _LETTER.findall(tail)
    cjk = sum(1 for letter in letters if _CJK.match(letter))
    if not letters or cjk / len(letters) < _MIN_TAIL_SHARE:
        return text, {}
    language = script_language(tail)
    if language is None:  # unreachable: the tail starts with a CJK letter
        return text, {}
    return head, {language: tail}
