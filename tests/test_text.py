"""Text hygiene: every named fixer on real before/after cases, the plan, explain, LaTeX."""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest
from hypothesis import given, strategies as st

from _cases import load, params
from arxivmeta.fixes import FIXERS, TEXT_PLAN, TITLE_PLAN, apply_plan
from arxivmeta.text import clean_text, clean_text_and_explain, to_plain_text

CASES = load("text_fixers.json")
# The wrap repair belongs to arxivmeta.wraps, which has its own property tests.
OWN_FIXERS = sorted(name for name in FIXERS if name != "repair_line_wraps")


@pytest.mark.parametrize("case", params(CASES))
def test_fixer_case(case: dict[str, Any]) -> None:
    assert FIXERS[case["function"]](case["original"]) == case["expected"]


def test_every_fixer_has_a_case_that_changes_text_and_one_that_does_not() -> None:
    for name in FIXERS:
        mine = [c for c in CASES if c["function"] == name]
        assert any(c["original"] != c["expected"] for c in mine), name
    assert {c["function"] for c in CASES} == set(FIXERS)


def test_plans_name_registered_fixers_and_wraps_run_before_controls_go() -> None:
    assert set(TEXT_PLAN) <= set(FIXERS)
    assert set(TITLE_PLAN) <= set(FIXERS)
    assert TEXT_PLAN.index("repair_line_wraps") < TEXT_PLAN.index("strip_control_characters")


def test_lone_surrogates_are_removed() -> None:
    assert FIXERS["strip_control_characters"]("Byzantine\ud800 networks") == "Byzantine networks"


@pytest.mark.parametrize("name", OWN_FIXERS)
@given(text=st.text())
def test_fixer_is_total_and_idempotent(name: str, text: str) -> None:
    once = FIXERS[name](text)
    assert isinstance(once, str)
    assert FIXERS[name](once) == once


@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_title_plan_is_idempotent(text: str) -> None:
    once = apply_plan(text, TITLE_PLAN)
    assert apply_plan(once, TITLE_PLAN) == once


def test_mojibake_repair_skips_ftfy_on_clean_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import ftfy

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("ftfy ran on clean text")

    monkeypatch.setattr(ftfy, "fix_text", refuse)
    for text in (
        "Partition Detection in Byzantine Networks",
        "Jérémie Decouchant, TU Delft",
        "拜占庭网络中的分区检测",
        "the question, “Can machines think?”",
    ):
        assert FIXERS["fix_mojibake"](text) == text


SEED_ABSTRACT = (
    "Current data compression methods, such as sparsification in Federated\x00Averaging "
    "(FedAvg), effectively enhance the communication efficiency of\x00Federated Learning "
    "(FL). Moreover, it achieves a\x00$3.37times$ speedup in reaching the target accuracy"
)


def test_clean_text_on_a_seed_abstract() -> None:
    assert clean_text(SEED_ABSTRACT) == (
        "Current data compression methods, such as sparsification in Federated Averaging "
        "(FedAvg), effectively enhance the communication efficiency of Federated Learning "
        "(FL). Moreover, it achieves a $3.37\\times$ speedup in reaching the target accuracy"
    )


def test_explain_steps_replay_and_chain() -> None:
    text = "FranÃ§ois TaÃ¯ani\x07  and a $3.37times$ speedup "
    fixed, steps = clean_text_and_explain(text)
    assert fixed == clean_text(text) == "François Taïani and a $3.37\\times$ speedup"
    assert [s.fixer for s in steps] == [
        "fix_mojibake",
        "strip_control_characters",
        "collapse_whitespace",
        "restore_latex_backslashes",
    ]
    assert apply_plan(text, [s.fixer for s in steps]) == fixed
    assert steps[0].before == text
    assert steps[-1].after == fixed
    for earlier, later in itertools.pairwise(steps):
        assert earlier.after == later.before
    assert all(s.before != s.after and s.field == "text" for s in steps)


def test_clean_text_leaves_clean_text_alone() -> None:
    text = "We provide a fast distributed algorithm for detecting $h$-cycles."
    assert clean_text_and_explain(text) == (text, [])


@pytest.mark.parametrize(
    ("latex", "plain"),
    [
        ("it achieves a $3.37\\times$ speedup", "it achieves a 3.37× speedup"),
        ("it achieves a $3.37times$ speedup", "it achieves a 3.37× speedup"),
        ("in the \\textsf{Congested Clique} model", "in the Congested Clique model"),
        ('Sch{\\"o}dinger and Erd\\H{o}s', "Schödinger and Erdős"),
        ("the $(k,\\ell)$-pebble game", "the (k,ℓ)-pebble game"),
        (
            "over 55% of MFU and ~20 class 0/I protostars",
            "over 55% of MFU and ~20 class 0/I protostars",
        ),
        ("R&D with 100\\% accuracy", "R&D with 100% accuracy"),
        ("no LaTeX at all", "no LaTeX at all"),
        ("an unbalanced { brace", "an unbalanced brace"),
    ],
)
def test_to_plain_text(latex: str, plain: str) -> None:
    assert to_plain_text(latex) == plain


def test_paper_abstract_plain_uses_to_plain_text() -> None:
    from arxivmeta.models import Paper

    paper = Paper(abstract="a $3.37\\times$ speedup in the \\textsf{Congested Clique} model")
    assert paper.abstract_plain == "a 3.37× speedup in the Congested Clique model"


ADVERSARIAL_MEGABYTES = pytest.mark.parametrize(
    "text",
    [
        "$" * 1_000_000,
        "$a" * 500_000,
        "textsf{" * 140_000,
        "$3.37times" * 100_000,
        "\x00 " * 500_000,
        "Ã©" * 500_000,
    ],
    ids=["dollars", "dollar-letter", "commands", "math", "nul", "mojibake"],
)


@ADVERSARIAL_MEGABYTES
def test_own_fixers_are_idempotent_on_adversarial_megabytes(text: str) -> None:
    for name in OWN_FIXERS:
        once = FIXERS[name](text)
        assert FIXERS[name](once) == once, name


@pytest.mark.slow
@ADVERSARIAL_MEGABYTES
def test_own_fixers_are_fast_on_adversarial_megabytes(text: str) -> None:
    for name in OWN_FIXERS:
        start = time.perf_counter()
        FIXERS[name](text)
        seconds = time.perf_counter() - start
        print(f"\n{name:28} {text[:8]!r:12} {seconds * 1e3:8.1f} ms")
        assert seconds < 2.0, name
