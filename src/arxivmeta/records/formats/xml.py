"""arXiv records as XML: OAI-PMH ``arXiv``, ``arXivRaw`` and ``oai_dc``, and API Atom entries.

A record is the XML string itself or ``{"xml": "<...>"}``; a whole OAI-PMH response or
Atom feed is accepted when it holds exactly one record. Documents with a DTD or entity
declarations are refused (no entity expansion, no external fetches), and so are documents
longer than :data:`MAX_XML_CHARS` or nested deeper than :data:`MAX_XML_DEPTH`: both raise
:class:`~arxivmeta.InvalidRecord`, so a batch reports them as rejected.
https://info.arxiv.org/help/oa/index.html, https://info.arxiv.org/help/api/user-manual.html

Elements no field uses land in ``extra`` under their local name. An arXiv API error entry
(its id under ``http://arxiv.org/api/errors``) is not a paper: it is refused with the
API's message.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

import regex

from arxivmeta._json import MAX_DEPTH
from arxivmeta.errors import InvalidRecord
from arxivmeta.records.formats._base import AuthorParts, RawPaper, Source

NAME = "arxiv-xml"
_RECORD_TAGS = ("arXiv", "arXivRaw", "dc", "entry")
_UNSAFE = regex.compile(r"<!(?:DOCTYPE|ENTITY)", regex.IGNORECASE)
_COMMENT = regex.compile(r"^\s*Comment:\s*", regex.IGNORECASE)
#: The arXiv API reports a bad query as a feed whose one entry has an id here (title
#: "Error", author "arXiv api core", the message as its summary).
#: https://info.arxiv.org/help/api/user-manual.html#_errors
_API_ERROR_ID = regex.compile(r"^\s*https?://(?:export\.)?arxiv\.org/api/errors(?:[#/?]|\s*$)")
_DOI = regex.compile(r"^\s*(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+", regex.I)

#: Longest XML text accepted: one arXiv record is a few kilobytes, an OAI-PMH page of a
#: thousand records a few megabytes.
MAX_XML_CHARS = 10_000_000
#: Deepest element nesting accepted, the JSON records' limit: the elements no field uses
#: become nested ``extra`` values.
MAX_XML_DEPTH = MAX_DEPTH


def matches(record: Any) -> bool:
    """True for an XML string or a mapping whose only field is ``xml``."""
    if isinstance(record, str):
        return record.lstrip().startswith("<")
    return isinstance(record, Mapping) and len(record) == 1 and "xml" in record


def xml_text(record: Any) -> str:
    """The XML text of a record given as a string or as ``{"xml": ...}``."""
    text = record if isinstance(record, str) else record.get("xml")
    if not isinstance(text, str):
        raise InvalidRecord("the 'xml' field must hold the record's XML text")
    return text


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext())
    return text if text.strip() else None


def _value(element: ET.Element) -> Any:
    """An element as plain data: text, or a mapping of attributes and children.

    It recurses once per level, which :func:`parse` has bounded by :data:`MAX_XML_DEPTH`.
    """
    children = list(element)
    if not children and not element.attrib:
        return (element.text or "").strip()
    value: dict[str, Any] = {f"@{_local(k)}": v for k, v in element.attrib.items()}
    for child in children:
        key = _local(child.tag)
        item = _value(child)
        if key in value:
            if not isinstance(value[key], list):
                value[key] = [value[key]]
            value[key].append(item)
        else:
            value[key] = item
    if element.text and element.text.strip():
        value["#text"] = element.text.strip()
    return value


def parse(record: Any) -> tuple[ET.Element, ET.Element]:
    """Parse the XML safely; return the document root and the one record element in it."""
    text = xml_text(record)
    if _UNSAFE.search(text):
        raise InvalidRecord("XML with a DTD or entity declarations is refused")
    if len(text) > MAX_XML_CHARS:
        raise InvalidRecord(
            f"the XML is {len(text):,} characters long; at most {MAX_XML_CHARS:,} are read"
        )
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise InvalidRecord(f"the XML is not well-formed: {error}") from None
    found = _outermost_records(root)
    if not found:
        raise InvalidRecord("the XML holds no arXiv, arXivRaw, oai_dc or Atom entry record")
    if len(found) > 1:
        raise InvalidRecord(f"the XML holds {len(found)} records; pass them one at a time")
    return root, found[0]


def _outermost_records(root: ET.Element) -> list[ET.Element]:
    """The record elements not inside another record (an arXivRaw element inside an OAI
    record, Atom entries in a feed), in document order, in one walk of the tree.

    The walk keeps its own stack, so the nesting depth costs no Python recursion; a tree
    nested deeper than :data:`MAX_XML_DEPTH` is refused.
    """
    found: list[ET.Element] = []
    pending: list[tuple[ET.Element, int, bool]] = [(root, 1, False)]
    while pending:
        element, depth, inside = pending.pop()
        if depth > MAX_XML_DEPTH:
            raise InvalidRecord(f"the XML nests deeper than {MAX_XML_DEPTH} elements")
        is_record = _local(element.tag) in _RECORD_TAGS
        if is_record and not inside:
            found.append(element)
        # Children go on the stack in reverse, so they come off in document order.
        pending.extend((child, depth + 1, inside or is_record) for child in reversed(element))
    return found


def read(record: Any) -> RawPaper:
    """Find the raw values of an XML record."""
    root, element = parse(record)
    kind = _local(element.tag)
    raw = RawPaper()
    header = next((el for el in root.iter() if _local(el.tag) == "header"), None)
    if header is not None:
        raw.extra["header"] = _value(header)
    used: set[int] = set()

    def take(name: str) -> Source | None:
        for child in element:
            if _local(child.tag) == name and id(child) not in used:
                used.add(id(child))
                text = _text(child)
                return None if text is None else Source(f"{kind}.{name}", text)
        return None

    def take_all(name: str) -> list[ET.Element]:
        found = [child for child in element if _local(child.tag) == name]
        used.update(id(child) for child in found)
        return found

    if kind == "entry":
        _refuse_api_error(element)
        _read_atom(element, raw, take, take_all)
    elif kind == "dc":
        _read_dc(raw, take_all)
    else:
        identifier = take("id")
        if identifier is not None:
            raw.identifiers.append(identifier)
        raw.title = take("title")
        raw.abstract = take("abstract")
        raw.categories = take("categories")
        raw.comments = take("comments")
        raw.journal_ref = take("journal-ref")
        raw.license = take("license")
        doi = take("doi")
        if doi is not None:
            raw.dois.append(doi)
        if kind == "arXiv":
            raw.published = take("created")
            raw.updated = take("updated")
            authors = take_all("authors")
            if authors:
                parts = tuple(_author_parts(author) for author in authors[0])
                raw.authors_parts = Source("arXiv.authors", parts)
        else:
            raw.authors_text = take("authors")
            _read_versions(raw, take_all("version"))
    for child in element:
        if id(child) not in used:
            key = _local(child.tag)
            value = _value(child)
            if key in raw.extra:
                previous = raw.extra[key]
                raw.extra[key] = (
                    [*previous, value]
                    if isinstance(previous, list)
                    else [
                        previous,
                        value,
                    ]
                )
            else:
                raw.extra[key] = value
    return raw


def _author_parts(author: ET.Element) -> AuthorParts:
    fields: dict[str, list[str]] = {}
    for child in author:
        fields.setdefault(_local(child.tag), []).append(_text(child) or "")
    return AuthorParts(
        " ".join(fields.get("keyname", [])),
        " ".join(fields.get("forenames", [])),
        " ".join(fields.get("suffix", [])),
        tuple(a for a in fields.get("affiliation", []) if a.strip()),
    )


def _read_versions(raw: RawPaper, versions: list[ET.Element]) -> None:
    dated = [(v.get("version"), _text(v.find("{*}date"))) for v in versions]
    if not dated:
        return
    if dated[0][1] is not None:
        raw.published = Source("arXivRaw.version[0].date", dated[0][1])
    last = len(dated) - 1
    if last > 0 and dated[last][1] is not None:
        raw.updated = Source(f"arXivRaw.version[{last}].date", dated[last][1])
    raw.arxiv_version = Source(f"arXivRaw.version[{last}]@version", dated[last][0])
    extra = [_value(v) for v in versions]
    if any(set(item) - {"@version", "date"} for item in extra if isinstance(item, dict)):
        raw.extra["version"] = extra


def _refuse_api_error(entry: ET.Element) -> None:
    """Raise :class:`~arxivmeta.InvalidRecord` for an arXiv API error entry: not a paper."""
    identifier = _text(entry.find("{*}id"))
    if identifier is None or not _API_ERROR_ID.match(identifier):
        return
    message = _text(entry.find("{*}summary"))
    shown = " ".join(message.split()) if message is not None else identifier.strip()
    raise InvalidRecord(f"an arXiv API error: {shown}")


def _read_atom(element: ET.Element, raw: RawPaper, take: Any, take_all: Any) -> None:
    identifier = take("id")
    if identifier is not None:
        raw.identifiers.append(identifier)
    raw.title = take("title")
    raw.abstract = take("summary")
    raw.published = take("published")
    raw.updated = take("updated")
    raw.comments = take("comment")
    raw.journal_ref = take("journal_ref")
    doi = take("doi")
    if doi is not None:
        raw.dois.append(doi)
    authors = take_all("author")
    if authors:
        parts = []
        for author in authors:
            name = _text(author.find("{*}name")) or ""
            affiliations = tuple(
                text for a in author.findall("{*}affiliation") if (text := _text(a)) is not None
            )
            parts.append((name.strip(), affiliations))
        raw.authors_names = Source("entry.author", tuple(parts))
    codes: list[str] = []
    for primary in take_all("primary_category"):
        term = primary.get("term")
        if term:
            codes.append(term)
    for category in take_all("category"):
        term = category.get("term")
        if term and term not in codes:
            codes.append(term)
    if codes:
        raw.categories = Source("entry.category", " ".join(codes))


def _read_dc(raw: RawPaper, take_all: Any) -> None:
    titles = [t for el in take_all("title") if (t := _text(el)) is not None]
    if titles:
        raw.title = Source("dc.title", titles[0])
    creators = [t for el in take_all("creator") if (t := _text(el)) is not None]
    if creators:
        parts = []
        for creator in creators:
            family, _, given = creator.partition(",")
            parts.append(AuthorParts(family.strip(), given.strip(), "", ()))
        raw.authors_parts = Source("dc.creator", tuple(parts))
    descriptions = [t for el in take_all("description") if (t := _text(el)) is not None]
    for description in descriptions:
        if _COMMENT.match(description):
            if raw.comments is None:
                raw.comments = Source("dc.description", _COMMENT.sub("", description, count=1))
        elif raw.abstract is None:
            raw.abstract = Source("dc.description", description)
        else:
            raw.extra.setdefault("description", []).append(description)
    dates = [t for el in take_all("date") if (t := _text(el)) is not None]
    if dates:
        raw.published = Source("dc.date[0]", dates[0])
        if len(dates) > 1:
            raw.updated = Source(f"dc.date[{len(dates) - 1}]", dates[-1])
    rest: list[str] = []
    for text in (t for el in take_all("identifier") if (t := _text(el)) is not None):
        if "arxiv.org/abs/" in text and not raw.identifiers:
            raw.identifiers.append(Source("dc.identifier", text))
        elif _DOI.match(text):
            raw.dois.append(Source("dc.identifier", text))
        else:
            rest.append(text)
    if rest:
        raw.extra["identifier"] = rest
    subjects = [t for el in take_all("subject") if (t := _text(el)) is not None]
    if subjects:
        raw.extra["subject"] = subjects
