"""Tests for arxivmeta.wraps: repairing words glued where line breaks were deleted."""

from __future__ import annotations

import gc
import json
import textwrap
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

from _cases import load, params
from arxivmeta.wraps import WrapConfig, WrapSplit, explain_line_wraps, repair_line_wraps

HERE = Path(__file__).parent
MARKERS = "\x00\n\r\u2028\u2029\f\u00ad"


def _load(name: str) -> Any:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


SEED = _load("data/line_wraps_seed.json")["records"]
CASES = load("line_wraps.json")


def _truth(marked: str) -> str:
    return " ".join(marked.replace("\x00", " ").split())


def _inserted_only_spaces(before: str, after: str) -> bool:
    i = 0
    for ch in after:
        if i < len(before) and ch == before[i]:
            i += 1
        elif ch != " ":
            return False
    return i == len(before)


@cache
def _english_words() -> tuple[str, ...]:
    import wordfreq

    words = wordfreq.top_n_list("en", 3000)
    return tuple(w for w in words if w.isascii() and w.isalpha() and len(w) > 2)


# --- the seed page ---------------------------------------------------------------------


@pytest.mark.parametrize("record", SEED, ids=[r["doi"] for r in SEED])
def test_marked_seed_abstract_is_restored_exactly(record: dict[str, str]) -> None:
    assert repair_line_wraps(record["marked"]) == _truth(record["marked"])


@pytest.mark.parametrize(
    ("doi", "glued", "restored"),
    [
        ("arxiv-2408.16978", "integral tocomplex tasks", "integral to complex tasks"),
        ("arxiv-2408.16978", "LLMs directlyon extremely", "LLMs directly on extremely"),
        ("arxiv-2408.16978", "we proposeFully Pipelined", "we propose Fully Pipelined"),
        ("arxiv-2408.16978", "Our proposedFPDT is", "Our proposed FPDT is"),
        ("arxiv-2409.00287", "the CerebrasWafer Scale", "the Cerebras Wafer Scale"),
        ("arxiv-2409.00287", "Computer Vision(CV) domains", "Computer Vision (CV) domains"),
        ("arxiv-2409.00287", "using its20 PB/s", "using its 20 PB/s"),
        ("arxiv-2408.14736", "achieves a$3.37times$ speedup", "achieves a $3.37times$ speedup"),
        ("arxiv-2408.14814", "a 100%accuracy while", "a 100% accuracy while"),
    ],
)
def test_flattened_seed_examples_are_repaired(doi: str, glued: str, restored: str) -> None:
    record = next(r for r in SEED if r["doi"] == doi)
    assert glued in record["flattened"]
    assert restored in repair_line_wraps(record["flattened"])


def test_flattened_seed_abstracts_are_mostly_restored_exactly() -> None:
    exact = [repair_line_wraps(r["flattened"]) == _truth(r["marked"]) for r in SEED]
    assert sum(exact) >= 8, exact


def test_flattened_seed_has_no_false_split() -> None:
    for record in SEED:
        pieces = record["marked"].split("\x00")
        junctions = {sum(len(p) for p in pieces[:i]) for i in range(1, len(pieces))}
        _, splits = explain_line_wraps(record["flattened"])
        assert {s.position for s in splits} <= junctions


# --- example cases ---------------------------------------------------------------------


@pytest.mark.parametrize("case", params(CASES))
def test_case(case: dict[str, str]) -> None:
    assert repair_line_wraps(case["original"]) == case["expected"]


# --- the explaining twin and the configuration -----------------------------------------


def test_explain_reports_each_inserted_space() -> None:
    text = SEED[0]["flattened"]
    fixed, splits = explain_line_wraps(text)
    assert fixed == repair_line_wraps(text)
    assert splits
    assert all(isinstance(s, WrapSplit) for s in splits)
    # Replaying the reported positions gives the repaired text.
    replay = text
    for split in sorted(splits, key=lambda s: s.position, reverse=True):
        assert text[split.position - len(split.left) : split.position] == split.left
        assert text[split.position : split.position + len(split.right)] == split.right
        replay = replay[: split.position] + " " + replay[split.position :]
    assert replay == fixed
    tocomplex = next(s for s in splits if s.left.endswith("to") and s.right == "complex")
    assert tocomplex.score is not None
    assert tocomplex.score > 0


def test_explain_reports_markers() -> None:
    fixed, splits = explain_line_wraps("long-\nterm gains at\x00scale")
    assert fixed == "long-term gains at scale"
    assert [(s.left, s.right, s.rule) for s in splits] == [
        ("long-", "term", "hyphenated"),
        ("at", "scale", "marker"),
    ]


def test_marked_abstract_is_settled_in_one_repair() -> None:
    # A real abstract with its line breaks whose "fi" ligatures were lost ("ampli?cation"):
    # once joined at its marks it reads as flattened, and a second repair used to cut it.
    record = _load("data/corpus-1601.05582.jsonl")
    once, splits = explain_line_wraps(record["abstract"])
    assert repair_line_wraps(once) == once
    assert {s.rule for s in splits} >= {"marker", "width"}
    assert _inserted_only_spaces(_truth(record["abstract"]), once)


def test_marked_text_that_lost_its_marks_half_way_is_cut_in_the_same_repair() -> None:
    lines = SEED[0]["marked"].split("\x00")
    # The first lines keep their marks, the rest were flattened: both are restored at once.
    text = "\x00".join(lines[:3]) + "\x00" + "".join(lines[3:])
    once = repair_line_wraps(text)
    assert repair_line_wraps(once) == once
    assert once == repair_line_wraps(" ".join(lines[:3]) + " " + "".join(lines[3:]))
    assert "increasedmemory," in text
    assert once == _truth(SEED[0]["marked"])


@pytest.mark.parametrize("line", (HERE / "data/daily-arxiv.jsonl").read_text("utf-8").splitlines())
def test_text_never_wrapped_skips_the_width_search(line: str) -> None:
    from arxivmeta.wraps._search import DEFAULT_PARAMS, count_work

    # A real abstract on one line, as API responses and Semantic Scholar serve them.
    text = " ".join(json.loads(line)["summary"].split())
    assert repair_line_wraps(text) == text
    # The set-up and the token scores cost at most a unit per character each; the width
    # search would add a unit for every line end it tries at every width.
    assert count_work(text, frozenset(), DEFAULT_PARAMS) < 2 * len(text)


def test_extra_vocabulary_is_never_split() -> None:
    text = "results of the MonadringProtocol family are compared."
    default = repair_line_wraps("we use itsMonadring here and there in distributed systems.As such")
    assert "systems. As" in default
    cfg = WrapConfig(extra_vocabulary=frozenset({"superposition"}))
    assert repair_line_wraps("the superposition state", config=cfg) == "the superposition state"
    assert repair_line_wraps(text, config=cfg) == text


def test_extra_vocabulary_counts_as_a_word() -> None:
    # The glued pair sits where a line of 60 to 84 columns can end.
    text = (
        "Our system runs on commodity hardware, and in this paper we deploy it on "
        "theQwertyzon cluster and measure throughput"
    )
    cfg = WrapConfig(extra_vocabulary=frozenset({"Qwertyzon"}), local_threshold=4.0)
    assert "the Qwertyzon" in repair_line_wraps(text, config=cfg)
    assert "theQwertyzon" in repair_line_wraps(text)


def test_hyphen_joining_can_be_turned_off() -> None:
    cfg = WrapConfig(join_hyphenated=False)
    assert repair_line_wraps("long-\nterm", config=cfg) == "long- term"


def test_config_is_frozen() -> None:
    cfg = WrapConfig()
    with pytest.raises(AttributeError):
        cfg.local_threshold = 1.0  # type: ignore[misc]


# --- properties ------------------------------------------------------------------------

flat_text = st.text().map(lambda s: "".join(c for c in s if c not in MARKERS))


@given(flat_text)
def test_flattened_mode_only_inserts_spaces(text: str) -> None:
    assert _inserted_only_spaces(text, repair_line_wraps(text))


@given(st.text())
def test_total_and_idempotent(text: str) -> None:
    once = repair_line_wraps(text)
    assert repair_line_wraps(once) == once


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = _english_words()
    picked = draw(st.lists(st.sampled_from(words), min_size=1, max_size=60))
    return " ".join(picked) + draw(st.sampled_from(["", ".", "!"]))


@given(sentences())
def test_clean_text_is_unchanged(text: str) -> None:
    assert repair_line_wraps(text) == text


@given(sentences(), st.integers(40, 90), st.sampled_from(["\n", "\x00", "\r\n"]))
def test_marked_wrapped_text_is_restored(text: str, width: int, mark: str) -> None:
    wrapped = mark.join(textwrap.wrap(text, width, break_on_hyphens=False))
    assert repair_line_wraps(wrapped) == " ".join(text.split())


@given(sentences(), st.integers(60, 80))
def test_flattened_wrapped_text_is_idempotent(text: str, width: int) -> None:
    once = repair_line_wraps("".join(textwrap.wrap(text, width, break_on_hyphens=False)))
    assert repair_line_wraps(once) == once


# --- work per character ----------------------------------------------------------------

ADVERSARIAL_UNITS = ["a", "1", "$", "(", "$x$.", "ab" * 40 + " ", "(((a)))tocomplex$x$ "]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS)
def test_adversarial_megabyte_only_gains_spaces(unit: str) -> None:
    text = _repeat(unit, 1_000_000)
    assert repair_line_wraps(text).replace(" ", "") == text.replace(" ", "")


@pytest.mark.slow
@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS)
def test_adversarial_input_time_scales_linearly(
    unit: str, record_property: Callable[[str, object], None]
) -> None:
    small = _repeat(unit, 100_000)
    large = _repeat(unit, 1_000_000)

    def timed(text: str) -> float:
        # The garbage collector's pauses depend on the whole process; the work per
        # character is what is measured here.
        gc.disable()
        try:
            start = time.perf_counter()
            repair_line_wraps(text)
            return time.perf_counter() - start
        finally:
            gc.enable()

    t_small = min(timed(small) for _ in range(3))
    t_large = min(timed(large) for _ in range(2))
    ratio = t_large / max(t_small, 1e-3)
    record_property("time_ratio_1mb_to_100kb", round(ratio, 2))
    print(
        f"\nrepair_line_wraps {unit[:20]!r:24} {t_small * 1e3:8.1f} ms"
        f" {t_large * 1e3:8.1f} ms time x{ratio:5.1f}"
    )
    assert t_large <= 15 * max(t_small, 1e-3)


@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS)
def test_adversarial_input_work_scales_linearly(unit: str) -> None:
    from arxivmeta.wraps._search import DEFAULT_PARAMS, count_work

    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    # The compiled search counts its units of work: ten times the text, about ten times
    # the work, whatever else the machine is doing.
    work_small = count_work(small, frozenset(), DEFAULT_PARAMS)
    work_large = count_work(large, frozenset(), DEFAULT_PARAMS)
    assert work_small >= len(small)
    assert work_large <= 12 * work_small
    assert repair_line_wraps(large).replace(" ", "") == large.replace(" ", "")


@given(st.text(alphabet=st.sampled_from("ab- \t\n\r\x00\u2028\u00ad,.$(")))
def test_explained_and_plain_marked_repairs_agree(text: str) -> None:
    assert explain_line_wraps(text)[0] == repair_line_wraps(text)
