"""Tests for :mod:`arxivmeta.authors`: real cases, round-trip properties, robustness.

Cases in ``tests/cases/authors.json`` come from the aggregator seed page, from arXiv records
(CC0; each case names its arXiv id, and "glued" cases are the same line with its
parentheses stripped as the aggregator strips them), and from the forms arXiv lines use.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import given, strategies as st

from _cases import load, params
from arxivmeta.authors import (
    AuthorList,
    author_from_parts,
    explain_authors,
    parse_author_list,
    parse_author_name,
    parse_authors,
)

CASES = load("authors.json")


@pytest.mark.parametrize("case", params(CASES))
def test_case(case: dict[str, Any]) -> None:
    result = parse_author_list(case["original"])
    authors = case["expected"]["authors"]
    got = [{"name": a.name, "affiliations": list(a.affiliations)} for a in result.authors]
    want = [{"name": a["name"], "affiliations": a["affiliations"]} for a in authors]
    assert got == want
    for author, expected in zip(result.authors, authors, strict=True):
        for key in ("given", "family", "suffix", "is_collaboration"):
            if key in expected:
                assert getattr(author, key) == expected[key], key
    if "et_al" in case["expected"]:
        assert result.et_al is case["expected"]["et_al"]


def test_raw_keeps_each_author_source() -> None:
    authors = parse_authors("Yérom-David BrombergIRISA, UR, Jérémie DecouchantTU Delft")
    assert [a.raw for a in authors] == [
        "Yérom-David BrombergIRISA, UR",
        "Jérémie DecouchantTU Delft",
    ]
    assert parse_author_list("A. Smith, B. Jones").raw == "A. Smith, B. Jones"


def test_author_list_is_frozen() -> None:
    result = parse_author_list("A. Smith")
    with pytest.raises(ValueError, match="frozen"):
        result.et_al = True


def test_parse_author_name_single_names() -> None:
    assert parse_author_name('Franz G\\"ahler', ['Universit\\"at Stuttgart']).model_dump(
        mode="json"
    ) == {
        "name": "Franz Gähler",
        "given": "Franz",
        "family": "Gähler",
        "suffix": None,
        "affiliations": ["Universität Stuttgart"],
        "is_collaboration": False,
        "raw": 'Franz G\\"ahler',
    }
    assert parse_author_name("Lamport, Leslie").name == "Leslie Lamport"
    assert parse_author_name("ATLAS Collaboration").is_collaboration
    assert parse_author_name("Martin Luther King Jr.").suffix == "Jr."


def test_author_from_parts_matches_arxiv_triples() -> None:
    # arXiv:0704.0163 authors_parsed
    author = author_from_parts('G\\"ahler', "Franz", "", ['Universit\\"at Stuttgart'])
    assert (author.name, author.family, author.affiliations) == (
        "Franz Gähler",
        "Gähler",
        ("Universität Stuttgart",),
    )
    assert author_from_parts("King", "Martin Luther", "Jr.").name == "Martin Luther King Jr."
    assert author_from_parts("The BABAR Collaboration", "").is_collaboration
    assert author_from_parts("Ferraro", "F.R.").given == "F. R."


def test_explain_steps_account_for_changes() -> None:
    result, steps = explain_authors(
        "G. Worseck (1), C. Fechner (2,3) ((1) AIP Potsdam, (2) Hamburger Sternwarte, "
        "(3) Univ. Potsdam)"
    )
    assert result == parse_author_list(result.raw)
    resolved = [s for s in steps if s.fixer == "resolve_numbered_affiliations"]
    assert [(s.field, s.before, s.after) for s in resolved] == [
        ("authors[0].affiliations", ["1"], ["AIP Potsdam"]),
        ("authors[1].affiliations", ["2", "3"], ["Hamburger Sternwarte", "Univ. Potsdam"]),
    ]
    _, steps = explain_authors("Fran\\c{c}ois TaïaniIRISA, UR")
    assert [(s.fixer, s.field) for s in steps] == [
        ("decode_accents", "authors"),
        ("unglue_affiliation", "authors[0].name"),
        ("unglue_affiliation", "authors[0].affiliations"),
    ]
    # Each step's "after" is what the result holds for that field.
    final = {"authors[0].name": "François Taïani", "authors[0].affiliations": ["IRISA, UR"]}
    for step in steps[1:]:
        assert step.after == final[step.field]
    assert explain_authors("A. Smith, B. Jones")[1] == []


def test_institution_tables_name_their_source_and_stay_small() -> None:
    from importlib import resources

    from arxivmeta.authors._lexicon import MIN_SHORT_NAME
    from arxivmeta.authors._names import is_syllable

    data = resources.files("arxivmeta").joinpath("_data")
    budgets = {"institution_words.txt": 10_000, "institution_short_names.txt": 100_000}
    for name, budget in budgets.items():
        text = data.joinpath(name).read_text("utf-8")
        header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
        assert "Licence" in header or "licence" in header, name
        assert len(text.encode("utf-8")) <= budget, name
    labels = [
        line
        for line in data.joinpath("institution_short_names.txt").read_text("utf-8").splitlines()
        if not line.startswith("#")
    ]
    assert "JetBrains swot" in data.joinpath("institution_short_names.txt").read_text("utf-8")
    assert labels == sorted(set(labels))
    assert all(label.isascii() and label.isalpha() and label.islower() for label in labels)
    assert all(len(label) >= MIN_SHORT_NAME and not is_syllable(label) for label in labels)


# --- properties -------------------------------------------------------------------------

GIVEN = ["Anna", "Jérémie", "Yérom-David", "Olatunji", "Xiao-Lin", "Søren", "Maria José",
         "Hong", "Dhabaleswar K.", "A.", "J. P.", "Émile", "Zoë", "Bartosz", "Nceba"]  # fmt: skip
FAMILY = ["Bromberg", "Decouchant", "Taïani", "Kowalska", "Ruwase", "Näslund", "Li", "Wu",
          "Abu-Shammala", "Gähler", "Šrámek", "Nowak", "Schiller", "Ng", "McDonald",
          "LeCun", "DiVincenzo", "O'Neil", "MacKay"]  # fmt: skip
PARTICLE = ["", "", "", "van", "van der", "de la", "von", "di", "bin"]
SUFFIX = ["", "", "", "", "Jr.", "Sr."]
PLACE = ["Delft", "Warsaw", "Potsdam", "Oxford", "Lagos", "Kyoto", "Leiden", "Toronto"]

names_st = st.builds(
    lambda g, p, f, s: " ".join(x for x in (g, p, f, s) if x),
    st.sampled_from(GIVEN),
    st.sampled_from(PARTICLE),
    st.sampled_from(FAMILY),
    st.sampled_from(SUFFIX),
)
acronym_st = st.text(alphabet="ABCDEFGHIJKLMNOPRSTUVWXYZ", min_size=2, max_size=5).filter(
    lambda s: s not in {"II", "III", "IV", "VI", "VII", "XI"}
)
affiliation_st = st.one_of(
    st.sampled_from(PLACE).map(lambda p: f"University of {p}"),
    st.sampled_from(PLACE).map(lambda p: f"Univ. {p}"),
    acronym_st,
    st.tuples(acronym_st, st.sampled_from(PLACE)).map(" ".join),
    st.sampled_from(PLACE).map(lambda p: f"{p} Institute of Technology"),
    st.sampled_from(PLACE).map(lambda p: f"{p} Labs Inc."),
)
group_st = st.lists(affiliation_st, min_size=1, max_size=3).map(", ".join)
author_st = st.tuples(names_st, st.one_of(st.none(), group_st))
# The last author has a group, as in every arXiv line with affiliations.
authors_st = st.builds(
    lambda xs, last: [*xs, last], st.lists(author_st, max_size=5), st.tuples(names_st, group_st)
)


def expected(authors: list[tuple[str, str | None]]) -> list[tuple[str, list[str]]]:
    """arXiv's rule: a name without a group takes the next group after it."""
    out: list[tuple[str, list[str]]] = []
    following: list[str] = []
    for name, group in reversed(authors):
        if group is not None:
            following = [group]
        out.append((name, list(following)))
    return out[::-1]


def _pairs(text: str) -> list[tuple[str, list[str]]]:
    return [(a.name, list(a.affiliations)) for a in parse_authors(text)]


@given(authors_st)
def test_parenthesised_lines_parse_back(authors: list[tuple[str, str | None]]) -> None:
    text = ", ".join(n if g is None else f"{n} ({g})" for n, g in authors)
    assert _pairs(text) == expected(authors)


@given(authors_st)
def test_glued_lines_parse_back(authors: list[tuple[str, str | None]]) -> None:
    text = ", ".join(n if g is None else f"{n}{g}" for n, g in authors)
    assert _pairs(text) == expected(authors)


@given(authors_st, st.booleans())
def test_numbered_lines_parse_back(authors: list[tuple[str, str | None]], glued: bool) -> None:
    groups = list(dict.fromkeys(g for _, g in authors if g is not None))
    number = {g: str(i + 1) for i, g in enumerate(groups)}
    refs = [n if g is None else f"{n} ({number[g]})" for n, g in authors]
    block = ", ".join(f"({number[g]}) {g}" for g in groups)
    text = f"{', '.join(refs)} ({block})"
    if glued:
        text = f"{', '.join(r.replace(' (', '').replace(')', '') for r in refs)}{block}"
    assert _pairs(text) == expected(authors)


@given(st.lists(names_st, min_size=1, max_size=8), st.sampled_from([", ", "; ", " and ", "\n  "]))
def test_plain_lists_keep_every_name(names: list[str], sep: str) -> None:
    if sep == "\n  ":
        sep = ",\n  "
    assert [a.name for a in parse_authors(sep.join(names))] == names


@given(st.text(max_size=200))
def test_total_and_idempotent_on_display_form(text: str) -> None:
    result = parse_author_list(text)
    assert isinstance(result, AuthorList)
    names = [a.name for a in result.authors]
    again = [a.name for a in parse_authors(", ".join(names))]
    if all(n and "," not in n and "(" not in n for n in names):
        assert again == names


@pytest.mark.parametrize(
    "junk", ["", "\x00", "(((", ")))", "()", ",,,", " and and ", "et al.", "🙂" * 50, "\\", "{"]
)
def test_junk_never_raises(junk: str) -> None:
    parse_author_list(junk)
    explain_authors(junk)
    parse_author_name(junk)


def _large_inputs() -> tuple[str, str, str]:
    many = ", ".join(f"Anna Kowalska{i}" for i in range(5_000))
    return many, "(" * 1_000_000, "A. B (" + "1, " * 100_000


def test_large_inputs_are_parsed_whole() -> None:
    many, parentheses, numbered = _large_inputs()
    assert len(parse_authors(many)) == 5_000
    assert parse_authors(parentheses) == []
    assert [author.name for author in parse_authors(numbered)][:1] == ["A. B"]


@pytest.mark.slow
def test_linear_time_on_large_inputs() -> None:
    many, parentheses, numbered = _large_inputs()
    start = time.perf_counter()
    parse_authors(many)
    names_seconds = time.perf_counter() - start
    start = time.perf_counter()
    parse_authors(parentheses)
    parse_authors(numbered)
    hostile_seconds = time.perf_counter() - start
    print(f"\nparse_authors: 5,000 names {names_seconds:.2f} s, hostile {hostile_seconds:.2f} s")
    assert names_seconds < 10
    assert hostile_seconds < 5


def test_an_author_list_is_a_sequence_of_its_authors() -> None:
    # The seed aggregator page's first author line (examples/aggregator-sample.json).
    listing = parse_author_list("Yérom-David BrombergIRISA, UR, Jérémie DecouchantTU Delft")
    assert [author.name for author in listing] == ["Yérom-David Bromberg", "Jérémie Decouchant"]
    assert len(listing) == 2
    assert listing[1].affiliations == ("TU Delft",)
    assert isinstance(listing.authors, tuple)
    assert listing.model_dump(mode="json")["authors"][0]["name"] == "Yérom-David Bromberg"
