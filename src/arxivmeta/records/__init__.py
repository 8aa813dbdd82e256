"""Raw record → :class:`~arxivmeta.Paper`, in any of the formats people have.

The format is told from the record's keys (:func:`detect_format`, :data:`FORMATS`) or
chosen with ``format=``; its reader finds the raw values, and this module cleans them:
identifiers, text hygiene, translations split off, authors, dates, categories. Every
input field no clean field uses lands in ``Paper.extra`` under its original name.

Decisions a user can rely on:

* ``arxiv_id`` carries no version; the version goes to ``arxiv_version``.
* ``dois`` are the DOIs the source states, in its order, each once (a paper's and its
  errata's, as arXiv lists them); ``doi`` is the first. An aggregator's pseudo-DOI
  ``arxiv-2408.16978`` names arXiv's DataCite DOI ``10.48550/arXiv.2408.16978``.
* ``venue`` is ``None`` for arXiv listings and Semantic Scholar's "arXiv.org": a preprint
  server is not a venue. The listing's name gives the category instead.
* ``published`` is the v1 date and ``updated`` the last version's date.

>>> paper = clean_record({
...     "title": "Faster Cycle Detection in the Congested Clique",
...     "authors": "Keren Censor-Hillel, Tomer Even, Virginia Vassilevska Williams",
...     "doi": "arxiv-2408.15132", "DOIUrl": "https://doi.org/arxiv-2408.15132",
...     "abstract": "for detecting $h$-cycles in the\\u0000textsf{Congested Clique} model",
...     "journal": {"name": "arXiv - CS - Distributed, Parallel, and Cluster Computing",
...                 "volume": "50 1", "pages": ""},
...     "PeriodicalIF": 0.0, "publicationDate": "2024-08-27"})
>>> paper.arxiv_id, paper.doi, paper.primary_category, paper.published
(ArxivId('2408.15132'), DOI('10.48550/arXiv.2408.15132'), 'cs.DC', datetime.date(2024, 8, 27))
>>> paper.abstract
'for detecting $h$-cycles in the \\\\textsf{Congested Clique} model'
>>> paper.venue, paper.extra["journal"]["volume"]
(None, '50 1')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import regex

from arxivmeta import authors as parser
from arxivmeta._json import first_unsafe_value
from arxivmeta.categories import category_for_name, known_category
from arxivmeta.config import CleanConfig
from arxivmeta.errors import InvalidRecord
from arxivmeta.explain import Step, record_step
from arxivmeta.fixes import (
    FIXERS,
    TEXT_PLAN,
    TITLE_PLAN,
    Fixer,
    fixers_for,
    replace_lone_surrogates,
    strip_control_characters,
)
from arxivmeta.models import Author, Paper
from arxivmeta.records._identifiers import read_identifiers
from arxivmeta.records.dates import parse_date
from arxivmeta.records.formats import (
    FORMATS,
    AuthorParts,
    RawPaper,
    Source,
    detect_format,
)
from arxivmeta.records.formats.paper import PLAIN_KEYS
from arxivmeta.records.translations import split_translation
from arxivmeta.text import run_plan

__all__ = ["FORMATS", "clean_and_explain", "clean_record", "detect_format"]

_LIST_SEPARATORS = regex.compile(r"[\s,;]+")
# What an arXiv category code looks like, known or not ("cs.XX", "hep-th"); MSC and ACM
# classes that the Atom feed lists as categories ("57Q45") are not codes.
_CODE_SHAPE = regex.compile(r"^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$")
_VERSION = regex.compile(r"^\s*v?(\d{1,4})\s*$", regex.IGNORECASE)
# Fields whose line breaks are wraps, never paragraphs.
_ONE_LINE_PLAN = TITLE_PLAN
# Translations are not hard-wrapped arXiv text: the wrap repair's word model has nothing to
# say about Chinese, and would space out "证实,NECTAR".
_TRANSLATION_PLAN = TITLE_PLAN


def clean_record(
    record: Mapping[str, Any] | str,
    *,
    format: str | None = None,
    config: CleanConfig | None = None,
) -> Paper:
    """Clean one raw record into a :class:`~arxivmeta.Paper`.

    ``format`` names an entry of :data:`FORMATS`; by default it is detected. ``config``
    sets the cleaning options (:class:`~arxivmeta.CleanConfig`). Raises
    :class:`~arxivmeta.InvalidRecord` for a record that cannot be cleaned.

    >>> clean_record({"id": "0704.0004", "title": "A determinant of Stirling cycle numbers "
    ...               "counts unlabeled acyclic\\n  single-source automata"}).title
    'A determinant of Stirling cycle numbers counts unlabeled acyclic single-source automata'
    """
    return _clean(record, format, None, fixers_for(config), _named(config))


def clean_and_explain(
    record: Mapping[str, Any] | str,
    *,
    format: str | None = None,
    config: CleanConfig | None = None,
) -> tuple[Paper, list[Step]]:
    """Clean like :func:`clean_record` and list every change, field by field.

    >>> paper, steps = clean_and_explain({"doi": "arxiv-2408.16978", "title": "FPDT"})
    >>> [(s.fixer, s.field, s.before, s.after) for s in steps]
    [('parse_identifier', 'arxiv_id', 'arxiv-2408.16978', '2408.16978'), \
('parse_identifier', 'doi', 'arxiv-2408.16978', '10.48550/arXiv.2408.16978')]
    """
    steps: list[Step] = []
    return _clean(record, format, steps, fixers_for(config), _named(config)), steps


def _named(config: CleanConfig | None) -> tuple[tuple[str, str], ...]:
    return () if config is None else config.fields


def _clean(
    record: Any,
    format: str | None,
    steps: list[Step] | None,
    fixers: Mapping[str, Fixer],
    named: Sequence[tuple[str, str]] = (),
) -> Paper:
    record = _without_lone_surrogates(record, steps)
    name = detect_format(record) if format is None else format
    reader = FORMATS.get(name)
    if reader is None:
        known = ", ".join(FORMATS)
        raise InvalidRecord(f"unknown format {name!r}; known formats: {known}")
    if not isinstance(record, Mapping) and not (name == "arxiv-xml" and isinstance(record, str)):
        raise InvalidRecord(f"a record must be a mapping, not {type(record).__name__}")
    if reader.read is None:  # our own Paper layout (a mapping, checked above): validated whole
        return _validated_paper(cast("Mapping[str, Any]", record), steps, fixers)
    raw = reader.read(record)
    _read_named_keys(raw, named)
    extra = dict(raw.extra)
    fields: dict[str, Any] = {"source_format": name, "extra": extra}

    arxiv_id, version, dois = read_identifiers(raw.identifiers, raw.dois, steps, extra)
    fields["arxiv_id"], fields["dois"] = arxiv_id, dois
    fields["doi"] = dois[0] if dois else None
    fields["arxiv_version"] = _version(raw.arxiv_version, version, extra)
    if fields["arxiv_version"] is not None:
        origin = raw.arxiv_version or (raw.identifiers[0] if raw.identifiers else None)
        if origin is not None:
            record_step(
                steps, "parse_version", "arxiv_version", origin.value, fields["arxiv_version"]
            )

    for field, source, plan in (
        ("title", raw.title, _ONE_LINE_PLAN),
        ("abstract", raw.abstract, TEXT_PLAN),
    ):
        text, translations = _text_with_translations(
            source=source,
            given=getattr(raw, f"{field}_translations"),
            plan=plan,
            field=field,
            steps=steps,
            extra=extra,
            fixers=fixers,
        )
        fields[field], fields[f"{field}_translations"] = text, translations

    authors, authors_raw, et_al = _authors(raw, steps, extra)
    fields["authors"], fields["authors_raw"], fields["authors_et_al"] = authors, authors_raw, et_al

    fields["published"] = _date(raw.published, "published", steps, extra)
    fields["updated"] = _date(raw.updated, "updated", steps, extra)
    fields["primary_category"], fields["categories"] = _categories(raw, steps, extra)
    for field, plan in (
        ("journal_ref", _ONE_LINE_PLAN),
        ("venue", _ONE_LINE_PLAN),
        ("comments", _ONE_LINE_PLAN),
        ("license", _ONE_LINE_PLAN),
    ):
        fields[field] = _text(getattr(raw, field), plan, field, steps, fixers)
    fields["citation_count"] = _count(raw.citation_count, extra)

    problem = first_unsafe_value(extra)
    if problem is not None:
        raise InvalidRecord(f"field {problem}")
    if not any(fields[key] for key in ("arxiv_id", "dois", "title", "abstract", "authors")):
        raise InvalidRecord(
            f"the {name} record has no usable identifier, title, abstract or authors"
        )
    return Paper(**fields)


def _read_named_keys(raw: RawPaper, named: Sequence[tuple[str, str]]) -> None:
    """Fill each field the reader left empty from the key ``CleanConfig.fields`` names for it.

    Only a key the reader did not use (one still in ``extra``) is taken, and only for a field
    it found nothing for: the record's own layout always wins, and a value of a type the
    field cannot take stays in ``extra``.
    """
    for field, key in named:
        if key not in raw.extra:
            continue
        value = raw.extra[key]
        source = Source(key, value)
        if field == "authors":
            if raw.authors_text or raw.authors_parts or raw.authors_names:
                continue
            if isinstance(value, str):
                raw.authors_text = source
            elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                raw.authors_names = Source(key, tuple(value))
            else:
                continue
        elif field in ("arxiv_id", "doi"):
            found = raw.identifiers if field == "arxiv_id" else raw.dois
            if found or not isinstance(value, str):
                continue
            found.append(source)
        elif field in ("published", "updated", "categories"):
            # Their cleaners keep a value they cannot read in ``extra``, under this key.
            if getattr(raw, field) is not None:
                continue
            setattr(raw, field, source)
        else:
            if getattr(raw, field) is not None or not isinstance(value, str):
                continue
            setattr(raw, field, source)
        del raw.extra[key]


def _without_lone_surrogates(record: Any, steps: list[Step] | None) -> Any:
    """``record`` with every lone surrogate in its keys and strings replaced by U+FFFD.

    JSON may spell a lone surrogate (``"\\ud800"``), UTF-8 cannot: a Paper holding one could
    not be written out, so the one rule applies at the boundary, to keys and values alike,
    and each change is a ``replace_lone_surrogates`` step. Containers are copied only where
    something changed; the walk is a loop, as the nesting depth is the input's to choose.
    """
    if isinstance(record, str):
        fixed = replace_lone_surrogates(record)
        record_step(steps, "replace_lone_surrogates", "xml", record, fixed)
        return fixed
    if not isinstance(record, Mapping) or not _has_lone_surrogate(record):
        return record
    root: dict[str, Any] = {}
    pending: list[tuple[Any, dict[Any, Any] | list[Any], str]] = [(record, root, "")]
    while pending:
        source, target, path = pending.pop()
        items = source.items() if isinstance(source, Mapping) else enumerate(source)
        for raw_key, raw_value in items:
            key = raw_key
            if isinstance(raw_key, str):
                key = replace_lone_surrogates(raw_key)
                record_step(
                    steps, "replace_lone_surrogates", f"{path}{raw_key!r} (key)", raw_key, key
                )
                if key != raw_key and key in source:
                    raise InvalidRecord(
                        f"keys {raw_key!r} and {key!r} differ only by a lone surrogate"
                    )
            where = f"{path}{key}" if isinstance(key, str) else f"{path}[{key}]"
            value = raw_value
            if isinstance(raw_value, str):
                value = replace_lone_surrogates(raw_value)
                record_step(steps, "replace_lone_surrogates", where, raw_value, value)
            elif isinstance(raw_value, Mapping | list | tuple):
                value = {} if isinstance(raw_value, Mapping) else [None] * len(raw_value)
                pending.append((raw_value, value, where + "."))
            if isinstance(target, list):
                target[int(key)] = value
            else:
                target[key] = value
    return root


def _has_lone_surrogate(record: Mapping[str, Any]) -> bool:
    pending: list[Any] = [record]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if not value.isascii() and replace_lone_surrogates(value) != value:
                return True
        elif isinstance(value, Mapping):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list | tuple):
            pending.extend(value)
    return False


def _validated_paper(
    record: Mapping[str, Any], steps: list[Step] | None, fixers: Mapping[str, Fixer]
) -> Paper:
    """Read a record in our own Paper layout and clean its text like any other record's.

    A file of our output may have been edited by hand or come from an older version:
    validation checks its shape, the fixers its text. Clean output comes back unchanged,
    since every fixer is idempotent.
    """
    # The plain text --plain adds is computed from the fields, never read back.
    fields = {key: value for key, value in record.items() if key not in PLAIN_KEYS}
    try:
        paper = Paper.model_validate(fields)
    except ValueError as error:
        raise InvalidRecord(f"not a valid arxivmeta Paper: {error}") from None
    update: dict[str, Any] = {}
    for field, plan in (
        ("title", _ONE_LINE_PLAN),
        ("abstract", TEXT_PLAN),
        ("journal_ref", _ONE_LINE_PLAN),
        ("venue", _ONE_LINE_PLAN),
        ("comments", _ONE_LINE_PLAN),
        ("license", _ONE_LINE_PLAN),
    ):
        value = getattr(paper, field)
        if value is not None:
            update[field] = _text(Source(field, value), plan, field, steps, fixers)
    for field in ("title_translations", "abstract_translations"):
        translations: dict[str, str] = getattr(paper, field)
        update[field] = {
            language: cleaned
            for language, text in translations.items()
            if (cleaned := run_plan(text, _TRANSLATION_PLAN, steps, f"{field}.{language}"))
        }
    update["authors"] = tuple(
        parser.clean_author(author, steps, f"authors[{i}]")
        for i, author in enumerate(paper.authors)
    )
    if paper.authors_raw is not None:
        kept = strip_control_characters(paper.authors_raw)
        record_step(steps, "strip_control_characters", "authors_raw", paper.authors_raw, kept)
        update["authors_raw"] = kept
    return paper.model_copy(update=update)


def _keep(extra: dict[str, Any], source: Source) -> None:
    """Keep a value no clean field could take, under the key it came from."""
    extra.setdefault(source.key, source.value)


def _version(source: Source | None, from_id: int | None, extra: dict[str, Any]) -> int | None:
    if source is not None:
        value = source.value
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        match = _VERSION.match(value) if isinstance(value, str) else None
        if match is not None and int(match.group(1)) >= 1:
            return int(match.group(1))
        if value is not None:
            _keep(extra, source)
    return from_id


def _text(
    source: Source | None,
    plan: Sequence[str],
    field: str,
    steps: list[Step] | None,
    fixers: Mapping[str, Fixer] = FIXERS,
) -> str | None:
    if source is None or not isinstance(source.value, str):
        return None
    text = run_plan(source.value, plan, steps, field, fixers=fixers)
    if not text:
        record_step(steps, "drop_blank", field, text, None)
        return None
    return text


def _text_with_translations(
    *,
    source: Source | None,
    given: Mapping[str, Source],
    plan: Sequence[str],
    field: str,
    steps: list[Step] | None,
    extra: dict[str, Any],
    fixers: Mapping[str, Fixer],
) -> tuple[str | None, dict[str, str]]:
    translations: dict[str, str] = {}
    for language, translation in given.items():
        text = _text(translation, _TRANSLATION_PLAN, f"{field}_translations.{language}", steps)
        if text is not None:
            translations[language] = text
    if source is None or not isinstance(source.value, str):
        return None, translations
    head, tails = split_translation(source.value)
    if tails:
        record_step(steps, "split_translation", field, source.value, head)
        for language, tail in tails.items():
            path = f"{field}_translations.{language}"
            if language in translations:
                # The record's own translation field wins; an appended one that differs
                # is kept rather than lost.
                cleaned = run_plan(tail, _TRANSLATION_PLAN, None, path)
                if cleaned != translations[language]:
                    extra.setdefault(f"{field} (appended {language})", tail)
                continue
            record_step(steps, "split_translation", path, None, tail)
            translations[language] = run_plan(tail, _TRANSLATION_PLAN, steps, path)
        source = Source(source.key, head)
    return _text(source, plan, field, steps, fixers), translations


def _authors(
    raw: RawPaper, steps: list[Step] | None, extra: dict[str, Any]
) -> tuple[list[Author], str | None, bool]:
    text = raw.authors_text.value if raw.authors_text is not None else None
    if text is not None:
        # The raw line is kept as given, except for what no file or database can hold.
        kept = strip_control_characters(text)
        record_step(steps, "strip_control_characters", "authors_raw", text, kept)
        text = kept
    if raw.authors_parts is not None and text is not None:
        # The raw line is the source of truth: its parse resolves numbered affiliations and
        # TeX accents that arXiv's own parts leave as they were, so the parts are kept aside.
        parts_kept: Iterable[AuthorParts] = raw.authors_parts.value
        extra.setdefault(
            raw.authors_parts.key,
            [[p.family, p.given, p.suffix, *p.affiliations] for p in parts_kept],
        )
    elif raw.authors_parts is not None:
        parts: Iterable[AuthorParts] = raw.authors_parts.value
        parts = tuple(parts)
        before: Any = [[p.family, p.given, p.suffix, *p.affiliations] for p in parts]
        found = []
        dropped: list[Any] = []
        for i, part in enumerate(parts):
            author = parser.author_from_parts(*part)
            if parser.is_not_a_name(author.raw or ""):
                # [":", "", ""] after a collaboration's name: no author, kept aside.
                field = f"{raw.authors_parts.key}[{i}]"
                record_step(steps, "drop_non_name", field, before[i], None)
                dropped.append(before[i])
            else:
                found.append(author)
        if dropped:
            extra.setdefault(f"{raw.authors_parts.key} (dropped)", dropped)
        record_step(steps, "author_from_parts", "authors", before, _dump(found))
        return found, text, False
    if text is not None:
        if steps is None:
            listed = parser.parse_author_list(text)
        else:
            listed, detail = parser.explain_authors(text)
            steps.extend(detail)
        record_step(steps, "parse_author_list", "authors", text, _dump(listed.authors))
        return list(listed.authors), text, listed.et_al
    if raw.authors_names is not None:
        names: Sequence[Any] = tuple(raw.authors_names.value)
        if steps is None:
            listed_names = parser.parse_author_names(names)
        else:
            key = raw.authors_names.key
            listed_names, detail = parser.explain_author_names(names, path=key)
            steps.extend(detail)
        found = list(listed_names.authors)
        if listed_names.dropped:
            # Entries that name nobody (a team heading's colon, a URL) are kept, not lost.
            extra.setdefault(f"{raw.authors_names.key} (dropped)", list(listed_names.dropped))
        before = [e if isinstance(e, str) else [e[0], *e[1]] for e in names]
        record_step(steps, "parse_author_name", "authors", before, _dump(found))
        return found, None, False
    return [], None, False


def _dump(authors: Iterable[Author]) -> list[dict[str, Any]]:
    return [author.model_dump(mode="json") for author in authors]


def _date(
    source: Source | None, field: str, steps: list[Step] | None, extra: dict[str, Any]
) -> Any:
    if source is None:
        return None
    parsed = parse_date(source.value)
    if parsed is None:
        _keep(extra, source)
        return None
    record_step(steps, "parse_date", field, source.value, parsed.isoformat())
    return parsed


def _categories(
    raw: RawPaper, steps: list[Step] | None, extra: dict[str, Any]
) -> tuple[str | None, list[str]]:
    codes: list[str] = []
    source = raw.categories
    if source is not None:
        value = source.value
        tokens = _LIST_SEPARATORS.split(value) if isinstance(value, str) else value
        others: list[Any] = []
        if isinstance(tokens, list | tuple):
            for token in tokens:
                if not isinstance(token, str) or not token:
                    continue
                category = known_category(token)
                if category is None and _CODE_SHAPE.match(token) is None:
                    others.append(token)
                    continue
                code = token if category is None else category.code
                if code not in codes:
                    codes.append(code)
        if not codes or others:
            _keep(extra, source)
    if not codes and raw.category_name is not None:
        source = raw.category_name
        named = category_for_name(source.value)
        if named is not None:
            codes = [named]
        else:
            _keep(extra, source)
    if not codes or source is None:
        return None, []
    record_step(steps, "split_categories", "categories", source.value, codes)
    record_step(steps, "primary_category", "primary_category", source.value, codes[0])
    return codes[0], codes


def _count(source: Source | None, extra: dict[str, Any]) -> int | None:
    if source is None:
        return None
    value = source.value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    _keep(extra, source)
    return None
