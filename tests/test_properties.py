"""Properties every public cleaner and parser must keep, on generated messes with known truth.

Totality (only documented typed errors on any text), idempotence, clean input left alone,
round trips through ``str``, explanations that replay to the result, records that keep
every field, and batches that keep order and count. Strategies: :mod:`arxivmeta.strategies`.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import example, given, settings, strategies as st

from arxivmeta import strategies as ams

# Characters a cleaner must never leave in its output (tab and newline are layout).
_CONTROLS = {chr(c) for c in range(0x20) if chr(c) not in "\t\n"} | {
    chr(c) for c in range(0x7F, 0xA0)
}

any_text = st.one_of(st.text(), ams.messy_text())
Test = TypeVar("Test", bound=Callable[..., None])


def share(fraction: float) -> settings:
    """A share of the profile's examples, for properties whose inputs are costly to build."""
    return settings(max_examples=max(10, round(settings().max_examples * fraction)))


# --- strategies module ---------------------------------------------------------------


def test_strategies_need_hypothesis_and_say_how_to_install_it() -> None:
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'hypothesis' or name.startswith('hypothesis.'):\n"
        "            raise ImportError('No module named ' + repr(name))\n"
        "sys.meta_path.insert(0, Block())\n"
        "try:\n"
        "    import arxivmeta.strategies\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    import arxivmeta

    env = {**os.environ, "PYTHONPATH": str(Path(arxivmeta.__file__).parents[1])}
    result = subprocess.run(
        [sys.executable, "-c", blocker],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        env=env,
    )
    assert "pip install hypothesis" in result.stdout


@share(0.1)
@given(ams.glued_line_wraps())
def test_glued_wraps_differ_from_truth_only_by_spaces(case: ams.TextCase) -> None:
    assert case.messy.replace(" ", "") == case.truth.replace(" ", "")


@share(0.1)
@given(ams.doi_variants())
def test_doi_variants_canonical_is_the_registered_form(case: ams.IdentifierCase) -> None:
    from arxivmeta import parse_doi

    assert str(parse_doi(case.canonical)) == case.canonical
    assert case.canonical.startswith("10.")


# --- identifiers ----------------------------------------------------------------------


@share(0.5)
@given(any_text)
@example("10.1000/\x00")
@example("arXiv:" + "9" * 5000)
def test_identifier_parsers_are_total(text: str) -> None:
    from arxivmeta import (
        InvalidArxivId,
        InvalidDOI,
        InvalidIdentifier,
        is_valid_arxiv_id,
        is_valid_doi,
        parse_arxiv_id,
        parse_doi,
        parse_identifier,
    )

    for parse, error, is_valid in (
        (parse_doi, InvalidDOI, is_valid_doi),
        (parse_arxiv_id, InvalidArxivId, is_valid_arxiv_id),
        (parse_identifier, InvalidIdentifier, None),
    ):
        try:
            parse(text)
        except error:
            valid = False
        else:
            valid = True
        if is_valid is not None:
            assert is_valid(text) is valid


@share(0.5)
@given(ams.doi_variants())
def test_every_doi_spelling_parses_to_its_canonical_form(case: ams.IdentifierCase) -> None:
    from arxivmeta import DOI, parse_doi, parse_identifier

    doi = parse_doi(case.text)
    assert doi == parse_doi(case.canonical)
    assert doi.casefolded == parse_doi(case.canonical).casefolded
    assert parse_identifier(case.text) == doi
    assert isinstance(parse_identifier(case.text), DOI)


@share(0.5)
@given(ams.arxiv_id_variants())
def test_every_arxiv_spelling_parses_to_its_canonical_form(case: ams.IdentifierCase) -> None:
    from arxivmeta import ArxivId, parse_arxiv_id, parse_identifier

    paper = parse_arxiv_id(case.text)
    assert str(paper) == case.canonical
    found = parse_identifier(case.text)
    assert isinstance(found, ArxivId)
    assert found == paper


@share(0.5)
@given(st.one_of(ams.doi_variants(), ams.arxiv_id_variants()))
def test_identifiers_round_trip_through_str_and_json(case: ams.IdentifierCase) -> None:
    from arxivmeta import parse_identifier

    value = parse_identifier(case.text)
    assert parse_identifier(str(value)) == value
    assert type(value).model_validate(value.model_dump(mode="json")) == value
    assert str(parse_identifier(case.canonical)) == case.canonical


@share(0.25)
@given(ams.arxiv_id_variants())
def test_arxiv_doi_names_the_same_paper(case: ams.IdentifierCase) -> None:
    from arxivmeta import parse_arxiv_id, parse_doi

    paper = parse_arxiv_id(case.text)
    assert parse_doi(str(paper.doi)).arxiv_id == paper.without_version()


# --- text ------------------------------------------------------------------------------


def _text_cleaners() -> list[Any]:
    from arxivmeta import clean_text, repair_line_wraps, to_plain_text

    return [clean_text, repair_line_wraps, to_plain_text]


# Marked, just over four lines' worth: past the length up to which a repair is repeated.
LONG_MARKED_TEXT = (
    "The the the the.\nThe the the the the the the the the the the the visit"
    " showing.\nThe the the the the the the people have the national the ind"
    "ependent mary presence.\nThe the please until matter weight commission."
    " The thestarted happy choice the the the the using points hands. Theth"
    "e the the the the the the the the the the the the theabout."
)


def _assert_total_and_idempotent(clean: Any, text: str) -> None:
    once = clean(text)
    assert isinstance(once, str)
    assert clean(once) == once


@share(0.5)
@given(any_text)
@example(LONG_MARKED_TEXT)  # joined at its marks, its unmarked tail is cut at once
@example("0" * 51 + "Aa:THtHE")  # a cut that gave its pieces evidence of their own
@example("Ã\x07©")  # a control character that hid the mojibake
@example("Ã\u200b©")
@example("Ã\ud800©")
@example("A\x1f\u0300")  # a control character that kept a mark from composing
@example(":" * 49 + "A:AA:AA`<")
@example("\nA!AA")
def test_clean_text_is_total_and_idempotent(text: str) -> None:
    from arxivmeta import clean_text

    _assert_total_and_idempotent(clean_text, text)


@share(0.5)
@given(any_text)
@example(LONG_MARKED_TEXT)  # joined at its marks, its unmarked tail is cut at once
@example("0" * 33 + "\r" + "0" * 22 + "Aa")  # joined at its mark, then glued on evidence
@example("\r00HE")
@example("the thethe the\n")
@example("THEA\r")
@example("\\" * 3 + "alpha")
@example("$" * 3 + "x")
def test_repair_line_wraps_is_total_and_idempotent(text: str) -> None:
    from arxivmeta import repair_line_wraps

    _assert_total_and_idempotent(repair_line_wraps, text)


@share(0.25)
@given(any_text)
@example("\\" * 3 + "alpha")
@example("$" * 3 + "x")
def test_to_plain_text_is_total_and_idempotent(text: str) -> None:
    from arxivmeta import to_plain_text

    _assert_total_and_idempotent(to_plain_text, text)


@share(0.15)
@given(ams.paragraphs())
def test_clean_text_is_left_alone(text: str) -> None:
    for clean in _text_cleaners():
        assert clean(text) == text, clean.__name__


@share(0.25)
@given(ams.marked_line_wraps())
def test_marked_line_wraps_are_joined_with_one_space(case: ams.TextCase) -> None:
    from arxivmeta import clean_text, repair_line_wraps

    assert repair_line_wraps(case.messy) == case.truth
    assert clean_text(case.messy) == case.truth


@share(0.25)
@given(ams.glued_line_wraps())
def test_glued_line_wraps_are_repaired_by_adding_spaces_only(case: ams.TextCase) -> None:
    from arxivmeta import clean_text, repair_line_wraps

    for clean in (repair_line_wraps, clean_text):
        assert clean(case.messy).replace(" ", "") == case.messy.replace(" ", ""), clean.__name__


@share(0.5)
@given(ams.mojibake())
def test_mojibake_is_decoded_back(case: ams.TextCase) -> None:
    from arxivmeta import clean_text

    assert clean_text(case.messy) == case.truth


@share(0.5)
@given(ams.control_characters())
def test_control_characters_are_removed(case: ams.TextCase) -> None:
    from arxivmeta import clean_text

    assert clean_text(case.messy) == case.truth


@share(0.25)
@given(any_text)
def test_clean_text_leaves_no_control_characters(text: str) -> None:
    from arxivmeta import clean_text

    assert not _CONTROLS & set(clean_text(text))


@share(0.25)
@given(any_text)
def test_clean_text_explanation_replays_to_the_result(text: str) -> None:
    from arxivmeta import clean_text, clean_text_and_explain

    result, steps = clean_text_and_explain(text)
    assert result == clean_text(text)
    replayed = text
    for step in steps:
        assert step.before == replayed
        assert step.after != step.before
        replayed = step.after
    assert replayed == result


@share(0.15)
@given(st.one_of(any_text, ams.glued_line_wraps().map(lambda c: c.messy)))
def test_line_wrap_explanation_matches_the_repair(text: str) -> None:
    from arxivmeta import explain_line_wraps, repair_line_wraps

    repaired, splits = explain_line_wraps(text)
    assert repaired == repair_line_wraps(text)
    assert (repaired == text) == (not splits)


@share(0.25)
@given(ams.glued_line_wraps())
def test_line_wrap_splits_replay_to_the_repair(case: ams.TextCase) -> None:
    """Inserting one space at each reported split, between its ``left`` and ``right``."""
    from arxivmeta import explain_line_wraps

    repaired, splits = explain_line_wraps(case.messy)
    text = case.messy
    for split in sorted(splits, key=lambda s: s.position, reverse=True):
        assert text[split.position - len(split.left) : split.position] == split.left
        assert text[split.position : split.position + len(split.right)] == split.right
        text = f"{text[: split.position]} {text[split.position :]}"
    assert text == repaired


# --- authors ---------------------------------------------------------------------------


@share(0.25)
@given(st.one_of(any_text, ams.author_lists().map(lambda c: c.text)))
@example("(" * 200)
@example(", and , et al., ,")
def test_author_parsers_are_total_and_agree(text: str) -> None:
    from arxivmeta import (
        ArxivMetaError,
        explain_authors,
        parse_author_list,
        parse_author_name,
        parse_authors,
    )

    listed = parse_author_list(text)
    assert parse_authors(text) == list(listed) == list(listed.authors)
    assert explain_authors(text)[0] == listed
    with contextlib.suppress(ArxivMetaError):
        parse_author_name(text)


def _names(authors: Any) -> list[str]:
    return [a.name for a in authors]


@share(0.25)
@given(ams.author_lists())
@example(
    ams.AuthorListCase(
        'A. \\AA{}ngstr\\"om',
        (ams.ExpectedAuthor("A. Ångström", "A.", "Ångström", None, ()),),
        et_al=False,
    )
)
def test_author_lists_give_the_written_names(case: ams.AuthorListCase) -> None:
    from arxivmeta import parse_author_list

    found = parse_author_list(case.text)
    assert _names(found.authors) == [a.name for a in case.authors]
    assert found.et_al == case.et_al


@share(0.25)
@given(ams.author_lists())
def test_author_lists_give_each_author_their_affiliations(case: ams.AuthorListCase) -> None:
    from arxivmeta import parse_authors

    found = parse_authors(case.text)
    assert [tuple(a.affiliations) for a in found] == [a.affiliations for a in case.authors]


@share(0.25)
@given(ams.author_lists())
@example(
    ams.AuthorListCase(
        'A. \\AA{}ngstr\\"om',
        (ams.ExpectedAuthor("A. Ångström", "A.", "Ångström", None, ()),),
        et_al=False,
    )
)
def test_author_names_split_into_their_parts(case: ams.AuthorListCase) -> None:
    from arxivmeta import parse_authors

    found = parse_authors(case.text)
    assert [(a.given, a.family, a.suffix) for a in found] == [
        (a.given, a.family, a.suffix) for a in case.authors
    ]


def test_numbered_affiliations_may_skip_a_number() -> None:
    from arxivmeta import parse_authors

    found = parse_authors("A. Yao (1), B. Rossi (3) ((1) MIT, (3) CNRS)")
    assert [(a.name, list(a.affiliations)) for a in found] == [
        ("A. Yao", ["MIT"]),
        ("B. Rossi", ["CNRS"]),
    ]


@share(0.25)
@given(ams.glued_author_lists())
def test_glued_affiliations_are_cut_from_names(case: ams.AuthorListCase) -> None:
    from arxivmeta import parse_authors

    found = parse_authors(case.text)
    assert [(a.name, ", ".join(a.affiliations)) for a in found] == [
        (a.name, ", ".join(a.affiliations)) for a in case.authors
    ]


@share(0.25)
@given(st.one_of(ams.author_lists(), ams.glued_author_lists()))
def test_parsed_names_round_trip(case: ams.AuthorListCase) -> None:
    from arxivmeta import parse_author_name, parse_authors

    names = _names(parse_authors(case.text))
    assert _names(parse_authors(", ".join(names))) == names
    for name in names:
        assert parse_author_name(name).name == name


# --- records ---------------------------------------------------------------------------


@share(0.1)
@given(ams.raw_records())
def test_clean_record_accepts_every_source_format(raw: ams.RawRecord) -> None:
    from arxivmeta import Paper, clean_record

    paper = clean_record(raw.record)
    assert isinstance(paper, Paper)
    assert paper.source_format == raw.format
    assert clean_record(raw.record, format=raw.format) == paper
    assert Paper.model_validate_json(paper.model_dump_json()) == paper


@share(0.1)
@given(
    st.one_of(
        ams.raw_records(hostile=True).map(lambda r: r.record),
        st.dictionaries(st.text(max_size=12), ams.json_values()),
    )
)
def test_clean_record_is_total_on_hostile_records(record: dict[str, Any]) -> None:
    from arxivmeta import InvalidRecord, Paper, clean_and_explain, clean_record

    try:
        paper = clean_record(record)
    except InvalidRecord:
        return
    assert isinstance(paper, Paper)
    explained, steps = clean_and_explain(record)
    assert explained == paper
    assert all(step.before != step.after for step in steps)


@share(0.1)
@given(ams.raw_records(hostile=True))
def test_record_explanation_ends_at_the_paper(raw: ams.RawRecord) -> None:
    """For each field of the paper a step names, the last such step's ``after`` is its value."""
    from arxivmeta import InvalidRecord, clean_and_explain

    try:
        paper, steps = clean_and_explain(raw.record)
    except InvalidRecord:
        return
    dumped = paper.model_dump(mode="json")
    last = {step.field: step.after for step in steps if step.field in dumped}
    assert last == {field: dumped[field] for field in last}


def _is_empty(value: Any) -> bool:
    return value is None or value in ("", [], {})


@share(0.05)
@given(ams.raw_records())
def test_clean_record_keeps_every_input_field(raw: ams.RawRecord) -> None:
    """Each field with a value is kept in ``extra`` or used: alone it changes the paper.

    Sources repeat themselves (``doi`` and ``DOIUrl``), so a field whose removal changes
    nothing is checked again with its look-alikes removed too.
    """
    from arxivmeta import clean_record

    def without(keys: set[str]) -> dict[str, Any]:
        return {k: v for k, v in raw.record.items() if k not in keys}

    paper = clean_record(raw.record)
    quiet = {
        key
        for key, value in raw.record.items()
        if key not in paper.extra and not _is_empty(value) and clean_record(without({key})) == paper
    }
    bare = clean_record(without(quiet))
    lost = [key for key in sorted(quiet) if clean_record(without(quiet - {key})) == bare]
    assert not lost, f"{raw.format}: fields neither used nor kept in extra: {lost}"


@share(0.1)
@given(ams.raw_records(hostile=True))
@example(ams.RawRecord({"title": "x", "abstract": "the thethe the\n"}, "kaggle"))
@example(  # a title is one line, never searched for wraps: its own plan is the test
    ams.RawRecord({"id": "0704.0001", "title": "0" * 51 + ".A00000"}, "arxiv-snapshot")
)
def test_clean_record_is_idempotent_on_text_fields(raw: ams.RawRecord) -> None:
    from arxivmeta import InvalidRecord, clean_record
    from arxivmeta.fixes import TEXT_PLAN, TITLE_PLAN
    from arxivmeta.text import run_plan

    try:
        paper = clean_record(raw.record)
    except InvalidRecord:
        return
    for field, plan in (("title", TITLE_PLAN), ("abstract", TEXT_PLAN)):
        value = getattr(paper, field)
        if value is not None:
            assert run_plan(value, plan, None) == value, field


# --- batch -----------------------------------------------------------------------------

_BATCH_ITEMS = st.one_of(
    ams.raw_records().map(lambda r: r.record),
    ams.raw_records(hostile=True).map(lambda r: r.record),
    ams.json_values(max_leaves=6),
    st.text(max_size=40),
)


@share(0.05)
@given(st.lists(_BATCH_ITEMS, max_size=8))
def test_clean_records_keeps_order_and_count(items: list[Any]) -> None:
    from arxivmeta import InvalidRecord, Paper, Rejected, clean_record, clean_records

    results = list(clean_records(items))
    assert len(results) == len(items)
    for position, (item, result) in enumerate(zip(items, results, strict=True), 1):
        if isinstance(result, Rejected):
            assert result.position == position
            assert not result.reason.startswith("internal error"), result.reason
            if isinstance(item, dict):
                with pytest.raises(InvalidRecord):
                    clean_record(item)
        else:
            assert isinstance(result, Paper)
            assert isinstance(item, dict | str)
            if isinstance(item, dict):
                assert result == clean_record(item)


def test_control_character_table_is_what_unicode_calls_control() -> None:
    assert all(unicodedata.category(c) == "Cc" for c in _CONTROLS)


# --- the user guide --------------------------------------------------------------------


def test_property_testing_guide_examples_run() -> None:
    """The ``{doctest}`` blocks of docs/property-testing.md pass, as sphinx-build would run them."""
    import doctest
    import re

    import arxivmeta

    page = Path(__file__).resolve().parents[1] / "docs" / "property-testing.md"
    blocks = re.findall(r"^```\{doctest\}\n(.*?)^```", page.read_text(), re.MULTILINE | re.DOTALL)
    assert blocks
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    namespace: dict[str, Any] = {"arxivmeta": arxivmeta}
    for number, block in enumerate(blocks, 1):
        test = doctest.DocTestParser().get_doctest(
            block, namespace, f"{page.name} block {number}", str(page), 0
        )
        runner.run(test, clear_globs=False)
        namespace.update(test.globs)  # later blocks see earlier names, as in sphinx's doctest
    assert runner.summarize(verbose=False).failed == 0
