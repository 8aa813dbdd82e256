"""Tests for arxivmeta.identifiers: example cases from tests/cases/identifiers.json, then
properties (round trips, totality, case-insensitive DOIs) and the models' identifier forms."""

from __future__ import annotations

import contextlib
import json
import pickle
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import assume, given, strategies as st

from _cases import load, params
from arxivmeta import errors, strategies as ams
from arxivmeta.identifiers import (
    MAX_INPUT_LENGTH,
    canonical_doi_text,
    is_valid_arxiv_id,
    is_valid_doi,
    parse_arxiv_id,
    parse_doi,
    parse_identifier,
)
from arxivmeta.identifiers._archives import OLD_ARCHIVES, yymm_key
from arxivmeta.models import DOI, ArxivId, Paper

CASES = load("identifiers.json")
DATA = Path(__file__).parent / "data"


def _reason(function: Any, text: str) -> tuple[type[Exception], str]:
    with pytest.raises(errors.InvalidIdentifier) as caught:
        function(text)
    return type(caught.value), caught.value.reason


@pytest.mark.parametrize("case", params(CASES))
def test_case(case: dict[str, Any]) -> None:
    text, want = case["original"], case["expected"]
    if want["kind"] == "arxiv":
        found = parse_identifier(text)
        assert isinstance(found, ArxivId)
        assert found.versioned == want["canonical"]
        assert parse_arxiv_id(text) == found
        assert is_valid_arxiv_id(text)
        if "doi" in want:
            assert str(parse_doi(text)) == want["doi"]
            assert found.doi == parse_doi(text)
        else:
            assert _reason(parse_doi, text) == (errors.InvalidDOI, "is_arxiv_id")
            assert not is_valid_doi(text)
    elif want["kind"] == "doi":
        found = parse_identifier(text)
        assert isinstance(found, DOI)
        assert str(found) == want["canonical"]
        assert parse_doi(text) == found
        assert canonical_doi_text(text) == want["canonical"]
        assert is_valid_doi(text)
        assert _reason(parse_arxiv_id, text) == (errors.InvalidArxivId, "is_doi")
    else:
        error, reason = _reason(parse_identifier, text)
        assert (error.__name__, reason) == (want["error"], want["reason"])
        doi_error, doi_reason = _reason(parse_doi, text)
        assert doi_error is errors.InvalidDOI
        if "doi_reason" in want:
            assert doi_reason == want["doi_reason"]
        arxiv_error, arxiv_reason = _reason(parse_arxiv_id, text)
        assert arxiv_error is errors.InvalidArxivId
        if "arxiv_reason" in want:
            assert arxiv_reason == want["arxiv_reason"]
        assert not is_valid_doi(text)
        assert not is_valid_arxiv_id(text)


def test_cases_cover_every_old_archive() -> None:
    inputs = {
        case["original"].partition("/")[0] for case in CASES if case["expected"]["kind"] == "arxiv"
    }
    assert set(OLD_ARCHIVES) <= inputs
    assert len(OLD_ARCHIVES) == 34


# --- Strategies -------------------------------------------------------------------------

_MONTHS = st.integers(1, 12)


@st.composite
def new_style_ids(draw: st.DrawFn) -> str:
    year = draw(st.integers(7, 99))
    month = draw(st.integers(4 if year == 7 else 1, 12))
    width = 4 if year * 100 + month <= 1412 else 5
    number = draw(st.integers(1, 10**width - 1))
    return f"{year:02d}{month:02d}.{number:0{width}d}"


@st.composite
def old_style_ids(draw: st.DrawFn) -> str:
    archive = OLD_ARCHIVES[draw(st.sampled_from(sorted(OLD_ARCHIVES)))]
    yymm = draw(
        st.sampled_from(
            [
                f"{year % 100:02d}{month:02d}"
                for year in range(1991, 2008)
                for month in range(1, 13)
                if yymm_key(archive.opened) <= yymm_key(f"{year % 100:02d}{month:02d}")
                and (year, month) <= (2007, 3)
            ]
        )
    )
    return f"{archive.name}/{yymm}{draw(st.integers(1, 999)):03d}"


versions = st.none() | st.integers(1, 999)


@st.composite
def arxiv_texts(draw: st.DrawFn) -> tuple[str, int | None]:
    """A valid identifier (with its version) written plainly."""
    paper = draw(new_style_ids() | old_style_ids())
    version = draw(versions)
    return paper if version is None else f"{paper}v{version}", version


_DOI_CLEAN_CHARS = st.sampled_from(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/:"
)
_ALNUM = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@st.composite
def clean_dois(draw: st.DrawFn) -> str:
    """A DOI as a publisher prints it: letters, digits and ``-._/:``."""
    registrant = draw(st.integers(1000, 99999))
    sub = draw(st.none() | st.integers(0, 999))
    prefix = f"10.{registrant}" + ("" if sub is None else f".{sub}")
    middle = draw(st.text(_DOI_CLEAN_CHARS, max_size=30))
    suffix = draw(_ALNUM) + middle + (draw(_ALNUM) if middle else "")
    assume(prefix != "10.48550")
    return f"{prefix}/{suffix}"


_DOI_ANY_CHARS = st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00")


@st.composite
def any_dois(draw: st.DrawFn) -> str:
    """A DOI-shaped string with any suffix characters; not every one is valid."""
    registrant = draw(st.integers(1000, 99999))
    return f"10.{registrant}/" + draw(st.text(_DOI_ANY_CHARS, min_size=1, max_size=30))


_DECORATIONS = [
    ("{}", ""),
    (" {} ", ""),
    ("({}).", ""),
    ("[{}],", ""),
    ("\u201c{}\u201d;", ""),
    ("\u200b{}\u200b", ""),
    ("\ufeff{}\n", ""),
    ("<{}>", ""),
]


# --- Properties -------------------------------------------------------------------------


@given(arxiv_texts())
def test_arxiv_round_trip(written: tuple[str, int | None]) -> None:
    text, version = written
    paper = parse_arxiv_id(text)
    assert paper.version == version
    assert paper.versioned == text
    assert parse_arxiv_id(str(paper)) == paper
    assert parse_identifier(str(paper)) == paper
    assert parse_arxiv_id(paper.abs_url) == paper
    assert parse_arxiv_id(paper.pdf_url + ".pdf") == paper
    assert parse_identifier(str(paper.doi)) == paper.without_version()
    assert parse_doi(str(paper.doi)) == paper.doi
    assert ArxivId.model_validate(str(paper)) == paper


@given(
    arxiv_texts(),
    st.sampled_from(_DECORATIONS),
    st.sampled_from(
        [
            "arXiv:{}",
            "arxiv-{}",
            "https://doi.org/arxiv-{}",
            "https://export.arxiv.org/abs/{}",
            "{}",
        ]
    ),
)
def test_arxiv_messy_forms_read_as_clean(
    written: tuple[str, int | None], decoration: tuple[str, str], form: str
) -> None:
    text, _ = written
    messy = decoration[0].format(form.format(text))
    assert parse_arxiv_id(messy) == parse_arxiv_id(text)


@given(clean_dois())
def test_clean_doi_keeps_its_case_and_round_trips(text: str) -> None:
    doi = parse_doi(text)
    assert str(doi) == text
    assert doi.casefolded == text.lower()
    assert parse_doi(str(doi)) == doi
    assert parse_doi(doi.url) == doi
    assert parse_identifier(f"doi:{text}") == doi
    assert DOI.model_validate(text.upper()) == doi
    assert hash(DOI.model_validate(text.upper())) == hash(doi)


@given(
    clean_dois(),
    st.sampled_from(_DECORATIONS),
    st.sampled_from(["doi:{}", "DOI {}", "https://doi.org/{}", "http://dx.doi.org/{}", "{}"]),
)
def test_doi_messy_forms_read_as_clean(text: str, decoration: tuple[str, str], form: str) -> None:
    assert parse_doi(decoration[0].format(form.format(text))) == parse_doi(text)


@given(any_dois(), st.booleans())
def test_any_doi_is_idempotent(text: str, as_url: bool) -> None:
    if as_url:
        text = "https://doi.org/" + quote(text, safe="")
    try:
        doi = parse_doi(text)
    except errors.InvalidDOI:
        return
    assert canonical_doi_text(str(doi)) == str(doi)
    assert parse_doi(doi.url) == doi


def _check_total(text: str) -> None:
    for parse in (parse_doi, parse_arxiv_id, parse_identifier, canonical_doi_text):
        try:
            found = parse(text)
        except errors.InvalidIdentifier as error:
            reason, shown = error.reason, error.text
        else:
            assert parse(str(found)) == found
            continue
        assert reason
        assert len(shown) <= 80
    assert isinstance(is_valid_doi(text), bool)
    assert isinstance(is_valid_arxiv_id(text), bool)


@given(st.text())
def test_parsers_are_total(text: str) -> None:
    _check_total(text)


@given(st.text(st.sampled_from("0123456789./-:v()<>%;, arXivdoiDOI\u200b\uff10")))
def test_parsers_are_total_on_identifier_alphabet(text: str) -> None:
    _check_total(text)


_PIECES = [
    *["doi:", "DOI ", "https://doi.org/", "http://dx.doi.org/", "arXiv:", "arxiv-", "arXiv."],
    *["https://arxiv.org/abs/", "arxiv.org/pdf/", ".pdf", "v2", "v0", " [cs.DC]"],
    *["10.", "10.1234/", "10.48550/", "2408.", "16978", "1697", "hep-th/", "math.GT/"],
    *["9901001", "0309136", "(", ")", "<", ">", ".", ",", ";", " ", "%2F", "%2C", "%25"],
    *["\u200b", "\u2010", "\uff11", "\xa0", "a", "Z", "/"],
]


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_parsers_are_total_on_identifier_pieces(text: str) -> None:
    _check_total(text)


@given(st.text(), st.text())
def test_doi_equality_ignores_ascii_case(left: str, right: str) -> None:
    first = DOI.model_construct(value=f"10.1234/{left}")
    second = DOI.model_construct(value=f"10.1234/{right}")
    same = left.translate(_LOWER) == right.translate(_LOWER)
    assert (first == second) is same
    if same:
        assert hash(first) == hash(second)


_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def test_doi_case_is_ascii_only() -> None:
    assert DOI.model_validate("10.1000/ÄBC") != DOI.model_validate("10.1000/äbc")
    assert DOI.model_validate("10.1000/ÄBC") == DOI.model_validate("10.1000/Äbc")


# --- Model forms ------------------------------------------------------------------------


def test_doi_url_escapes_what_the_handbook_asks() -> None:
    doi = DOI.model_construct(value='10.1000/a b<>#%"{}^|\\/c')
    assert doi.url == "https://doi.org/10.1000/a%20b%3C%3E%23%25%22%7B%7D%5E%7C%5C/c"


def test_sici_doi_url_resolves_back() -> None:
    doi = parse_doi("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O")
    assert doi.url == (
        "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O"
    )
    assert parse_doi(doi.url) == doi
    assert (doi.prefix, doi.suffix[:6]) == ("10.1002", "(SICI)")


def test_arxiv_id_forms() -> None:
    paper = parse_arxiv_id("https://arxiv.org/pdf/2408.16978v2.pdf")
    assert (paper.id, paper.version, paper.scheme) == ("2408.16978", 2, "new")
    assert str(paper) == "arXiv:2408.16978v2"
    assert repr(paper) == "ArxivId('2408.16978v2')"
    assert paper.abs_url == "https://arxiv.org/abs/2408.16978v2"
    assert paper.pdf_url == "https://arxiv.org/pdf/2408.16978v2"
    assert str(paper.doi) == "10.48550/arXiv.2408.16978"
    assert paper.doi.url == "https://doi.org/10.48550/arXiv.2408.16978"
    assert paper.doi.arxiv_id == paper.without_version()
    old = parse_arxiv_id("math.GT/0309136")
    assert (old.id, old.version, old.scheme, old.abs_url) == (
        "math/0309136",
        None,
        "old",
        "https://arxiv.org/abs/math/0309136",
    )
    assert str(old.doi) == "10.48550/arXiv.math/0309136"


def test_paper_serialises_identifiers_as_strings() -> None:
    paper = Paper(
        arxiv_id="https://doi.org/arxiv-2408.16978",
        doi="DOI: 10.1145/3292500.3330701.",
    )
    dumped = paper.model_dump(mode="json")
    assert dumped["arxiv_id"] == "2408.16978"
    assert dumped["doi"] == "10.1145/3292500.3330701"
    assert Paper.model_validate(dumped) == paper
    assert json.loads(paper.model_dump_json())["doi"] == "10.1145/3292500.3330701"


def test_paper_rejects_a_pseudo_doi_as_doi() -> None:
    with pytest.raises(ValueError, match="is_arxiv_id"):
        Paper(doi="arxiv-2408.16978")


def test_doi_arxiv_id_of_other_dois_is_none() -> None:
    assert parse_doi("10.1145/3292500.3330701").arxiv_id is None
    assert parse_doi("10.48550/zenodo.42").arxiv_id is None


# --- Errors -----------------------------------------------------------------------------


def test_error_shows_truncated_input_and_pickles() -> None:
    text = "10.1000/" + "x" * MAX_INPUT_LENGTH
    with pytest.raises(errors.InvalidDOI) as caught:
        parse_doi(text)
    error = caught.value
    assert error.reason == "too_long"
    assert len(error.text) == 80
    assert error.text.endswith("…")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.reason, copy.text) == (errors.InvalidDOI, "too_long", error.text)
    assert isinstance(copy, ValueError)


def test_longest_accepted_input() -> None:
    text = "10.1000/" + "x" * (MAX_INPUT_LENGTH - 8)
    assert str(parse_doi(text)) == text


def test_non_text_is_rejected_not_crashed() -> None:
    with pytest.raises(errors.InvalidDOI, match="not_text"):
        parse_doi(None)  # type: ignore[arg-type]
    assert not is_valid_arxiv_id(2408.16978)  # type: ignore[arg-type]


# --- Linear time ------------------------------------------------------------------------

_ADVERSARIAL = [
    "(",
    ")",
    "0",
    "10.",
    "/",
    "10.1000/",
    "((x).)",
    "%25",
    "arXiv:",
    " 10.1000/a",
    "<",
    "\u200b",
]


def _rejection_reasons(text: str) -> set[str]:
    reasons = set()
    for parse in (parse_identifier, parse_doi, parse_arxiv_id):
        try:
            parse(text)
        except errors.InvalidIdentifier as error:
            reasons.add(error.reason)
    return reasons


@pytest.mark.parametrize("unit", _ADVERSARIAL)
@pytest.mark.parametrize("size", [MAX_INPUT_LENGTH, 1_000_000])
def test_adversarial_input_is_read_or_rejected(unit: str, size: int) -> None:
    reasons = _rejection_reasons((unit * (size // len(unit) + 1))[:size])
    if size > MAX_INPUT_LENGTH:
        assert reasons == {"too_long"}
    else:
        assert "too_long" not in reasons


@pytest.mark.slow
@pytest.mark.parametrize("unit", _ADVERSARIAL)
@pytest.mark.parametrize("size", [MAX_INPUT_LENGTH, 1_000_000])
def test_adversarial_input_is_fast(unit: str, size: int) -> None:
    text = (unit * (size // len(unit) + 1))[:size]
    started = time.perf_counter()
    _rejection_reasons(text)
    seconds = time.perf_counter() - started
    print(f"\nidentifiers {unit!r:14} {size:>9,} chars {seconds * 1e3:7.2f} ms")
    assert seconds < 0.5


# --- Forms from references and publisher pages ------------------------------------------

_PUBLISHER_PATHS = ("doi/", "doi/full/", "doi/abs/", "article/", "prl/abstract/", "doi/pdf/")
_PAGE_VIEW_TAILS = ("", "/", "/pdf", "/meta", "?af=R", "#Sec2", "/full?download=true")


@given(
    clean_dois(),
    st.sampled_from(_PUBLISHER_PATHS),
    st.sampled_from(_PAGE_VIEW_TAILS),
    st.booleans(),
)
def test_publisher_url_yields_its_doi(text: str, path: str, tail: str, encoded: bool) -> None:
    """Any publisher URL whose path holds a DOI gives that DOI, whatever view it shows."""
    assume(text.rpartition("/")[2].lower() not in {"pdf", "meta", "full", "abs"})
    assume(not text.endswith(("/", ".")))
    written = quote(text, safe="") if encoded else text
    url = f"https://journals.example.org/{path}{written}{tail}"
    assert parse_doi(url) == parse_doi(text)


@given(clean_dois())
def test_entities_are_decoded_once(text: str) -> None:
    escaped = text.replace("/", "&#x2F;", 1)
    assert parse_doi(escaped) == parse_doi(text)
    assert _reason(parse_doi, text.replace("/", "&amp;#x2F;", 1)) == (
        errors.InvalidDOI,
        "bad_entity_encoding",
    )


def test_lookalike_letters_are_folded_only_outside_a_doi_suffix() -> None:
    # "а" and "о" below are Cyrillic: read as Latin in the label, kept in the suffix.
    assert str(parse_doi("d\u043ei:10.1000/\u0430bc")) == "10.1000/\u0430bc"
    assert parse_identifier("10.48550/\u0430rXiv.2406.16171") == parse_arxiv_id("2406.16171")


@given(arxiv_texts())
def test_arxiv_datacite_doi_keeps_the_version(written: tuple[str, int | None]) -> None:
    text, version = written
    found = parse_identifier(f"10.48550/arXiv.{text}")
    assert isinstance(found, ArxivId)
    assert found.version == version
    assert str(parse_doi(f"doi:10.48550/arXiv.{text}")) == f"10.48550/arXiv.{found.id}"


def test_every_reason_the_parser_gives_is_a_member_of_the_enum() -> None:
    # Each case of tests/cases/identifiers.json that is rejected carries an IdentifierReason;
    # an unknown reason would raise ValueError where the error is made.
    reasons = []
    for case in CASES:
        with contextlib.suppress(errors.InvalidIdentifier):
            parse_identifier(case["original"])
            continue
        with pytest.raises(errors.InvalidIdentifier) as caught:
            parse_identifier(case["original"])
        reasons.append(caught.value.reason)
    assert len(set(reasons)) >= 10
    assert all(isinstance(reason, errors.IdentifierReason) for reason in reasons)
    assert all(reason == reason.value for reason in reasons)  # still plain strings
    with pytest.raises(ValueError, match="no_such_reason"):
        errors.InvalidDOI("no_such_reason", "x")


def test_a_real_doi_prints_as_registered_and_compares_without_case() -> None:
    # arXiv's metadata for 0704.0389 (tests/data/corpus-multi-doi.jsonl) writes its DOIs as
    # the American Physical Society registered them.
    record = json.loads((DATA / "corpus-multi-doi.jsonl").read_text("utf-8").splitlines()[0])
    written = record["doi"].split()[0]
    doi = parse_doi(written)
    assert str(doi) == doi.value == written == "10.1103/PhysRevD.75.124007"
    assert doi == parse_doi(written.lower()) == parse_doi(written.upper())
    assert hash(doi) == hash(parse_doi(written.lower()))
    assert doi.casefolded == str(parse_doi(written.lower())) == written.lower()
    assert {doi, parse_doi(written.upper())} == {doi}


@given(ams.doi_variants())
def test_doi_variants_parse_equal_to_the_registered_form(case: ams.IdentifierCase) -> None:
    registered = parse_doi(case.canonical)
    assert str(registered) == case.canonical
    assert parse_doi(case.text) == registered
    assert parse_doi(case.text).casefolded == registered.casefolded
