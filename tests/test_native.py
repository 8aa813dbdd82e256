"""Tests of the compiled line-wrap core's boundary: errors, surrogates, threads, the lexicon."""

from __future__ import annotations

import gzip
import json
import math
from array import array
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from arxivmeta import ArxivMetaError, explain_line_wraps, repair_line_wraps
from arxivmeta.errors import WrapSearchError
from arxivmeta.wraps._core import native
from arxivmeta.wraps._lexicon import char_row, english_lexicon
from arxivmeta.wraps._search import DEFAULT_PARAMS, count_work, find_cuts

HERE = Path(__file__).parent
SEED = json.loads((HERE / "data/line_wraps_seed.json").read_text(encoding="utf-8"))["records"]
FLATTENED = [r["flattened"] for r in SEED]

# Any code point, lone surrogates included (which UTF-8 cannot carry).
ANY_CHARACTER = st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr))


def test_a_panic_in_the_core_becomes_a_typed_error() -> None:
    with pytest.raises(native.NativeError, match="panicked"):
        native._panic_inside_guard()
    assert issubclass(WrapSearchError, ArxivMetaError)


def test_a_failing_core_leaves_the_text_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    import arxivmeta.wraps._search

    def failing(*_: object) -> None:
        raise WrapSearchError("the compiled line-wrap search panicked: test")

    # The one call into the core, under the repair and its explaining twin alike.
    monkeypatch.setattr(arxivmeta.wraps._search, "_call", failing)
    text = FLATTENED[0]
    assert repair_line_wraps(text) == text
    assert explain_line_wraps(text) == (text, [])


@given(st.lists(ANY_CHARACTER, max_size=300).map("".join))
def test_the_repair_is_total_on_any_code_points(text: str) -> None:
    fixed = repair_line_wraps(text)
    assert isinstance(fixed, str)


@pytest.mark.parametrize("surrogate", [chr(0xD800), chr(0xDFFF), chr(0xDC80) + chr(0xD83D)])
def test_lone_surrogates_do_not_move_the_cuts(surrogate: str) -> None:
    # A surrogate is a symbol of no typographic meaning, as the currency sign is: the
    # cuts are those of the text with currency signs in its place.
    text = next(t for t in FLATTENED if "100%accuracy" in t)
    with_symbol = text.replace("100%accuracy", "100" + "\u00a4" * len(surrogate) + "accuracy")
    with_surrogate = text.replace("100%accuracy", "100" + surrogate + "accuracy")
    expected = [c.position for c in find_cuts(with_symbol, frozenset(), DEFAULT_PARAMS)]
    found = [c.position for c in find_cuts(with_surrogate, frozenset(), DEFAULT_PARAMS)]
    assert found == expected
    assert surrogate in repair_line_wraps(with_surrogate)


def test_the_lexicon_is_built_once_and_is_read_only() -> None:
    lexicon = english_lexicon()
    assert english_lexicon() is lexicon
    assert len(lexicon) > 100_000
    with pytest.raises(AttributeError):
        lexicon.words = []  # type: ignore[attr-defined]


def test_the_lexicon_holds_wordfreq_s_very_numbers() -> None:
    # The core reads wordfreq's data file itself: every word, its frequency and the
    # logarithm of that must be the doubles wordfreq and math.log give in Python.
    import wordfreq

    table = wordfreq.get_frequency_dict("en")
    lexicon = english_lexicon()
    assert len(lexicon) == len(table)
    assert all(lexicon.frequency(w) == (f, math.log(f)) for w, f in table.items())
    assert lexicon.frequency("modelwith") is None


def test_a_lexicon_keeps_every_word_however_many_its_frequencies() -> None:
    # The table packs a word's frequency level beside it when there are few levels
    # (wordfreq has a few hundred); a list with more, words up to and past the 14 bytes
    # kept inside a slot, and a repeated word (its first row wins) read back exactly.
    words = [f"w{i}" for i in range(5_000)] + ["fourteen-bytes", "fifteen-letters", "w7"]
    frequencies = [1.0 / (i + 2) for i in range(len(words))]
    logs = [math.log(f) for f in frequencies]
    rows = [char_row(chr(i)) for i in range(128)]
    lexicon = native.Lexicon(
        "\n".join(words),
        array("d", frequencies).tobytes(),
        array("d", logs).tobytes(),
        rows,
        (0.0, 0.0, 0.0, 0.0, 0.0),
    )
    assert len(lexicon) == len(words) - 1
    firsts = {w: (f, g) for w, f, g in reversed(list(zip(words, frequencies, logs, strict=True)))}
    assert all(lexicon.frequency(w) == row for w, row in firsts.items())
    assert lexicon.frequency("w5000") is None


def test_a_file_that_is_no_word_list_is_refused(tmp_path: Path) -> None:
    rows = [char_row(chr(i)) for i in range(128)]
    constants = (0.0, 0.0, 0.0, 0.0, 0.0)
    (tmp_path / "plain.txt").write_text("the of and", encoding="utf-8")
    with pytest.raises(ValueError, match="gzip"):
        native.Lexicon.from_wordfreq(tmp_path / "plain.txt", rows, constants)
    (tmp_path / "other.gz").write_bytes(gzip.compress(b"\x92\x81\xa1a\x01\x90"))
    with pytest.raises(ValueError, match="cBpack"):
        native.Lexicon.from_wordfreq(tmp_path / "other.gz", rows, constants)
    with pytest.raises(FileNotFoundError):
        native.Lexicon.from_wordfreq(tmp_path / "missing.gz", rows, constants)


def test_threads_get_the_same_repairs() -> None:
    expected = [repair_line_wraps(t) for t in FLATTENED]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(repair_line_wraps, FLATTENED * 4)) == expected * 4


def test_character_rows_follow_python() -> None:
    # Titlecase letters are neither upper nor lower case; the dotted capital I lowers to
    # two characters; the apostrophe is case-ignorable, so "ΑΣ'" ends in a final sigma.
    assert char_row("ǅ")[1] & (1 << 6)
    assert char_row("İ")[2] == "i\u0307"
    assert char_row("'")[1] & (1 << 9)
    assert not char_row("'")[1] & (1 << 8)


def test_the_work_is_linear_on_flattened_abstracts() -> None:
    one = FLATTENED[0]
    many = " ".join(FLATTENED[:1] * 8)  # longer than the geometry's limit: local cuts
    assert count_work(many, frozenset(), DEFAULT_PARAMS) <= 12 * count_work(
        one, frozenset(), DEFAULT_PARAMS
    )


def test_user_vocabulary_with_other_scripts_is_protected() -> None:
    text = FLATTENED[0] + " Σοφίαmodel"
    cuts = find_cuts(text, frozenset({"Σοφίαmodel"}), DEFAULT_PARAMS)
    assert all(c.left + c.right != "Σοφίαmodel" for c in cuts)
