"""The grammar of DOIs and arXiv identifiers: text in, plain parts out, typed errors.

DOI syntax follows the DOI Handbook (https://www.doi.org/the-identifier/resources/handbook/,
section 2.2: ``10.`` + registrant code, ``/``, suffix; case-insensitive over ASCII). arXiv
identifiers follow https://info.arxiv.org/help/arxiv_identifier.html: ``YYMM.NNNN`` from
April 2007, ``YYMM.NNNNN`` from January 2015, ``archive/YYMMNNN`` before that. The models
(:mod:`arxivmeta.identifiers._types`) and the public readers are built on this module, which
imports neither.

>>> doi_value("https://doi.org/10.1145/3292500.3330701")
'10.1145/3292500.3330701'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from arxivmeta.errors import InvalidArxivId, InvalidDOI, InvalidIdentifier
from arxivmeta.identifiers._archives import (
    FIRST_OLD_MONTH,
    LAST_OLD_MONTH,
    OLD_ARCHIVES,
    yymm_key,
)
from arxivmeta.identifiers._text import (
    decode_entities,
    fold_lookalikes,
    strip_prose,
    tidy_unicode,
)

__all__ = [
    "ARXIV_DOI_PREFIX",
    "MAX_INPUT_LENGTH",
    "ArxivParts",
    "DoiParts",
    "arxiv_parts",
    "ascii_lower",
    "doi_value",
    "identifier_parts",
]

MAX_INPUT_LENGTH = 2048
"""Longer input is rejected (``too_long``): no real identifier, even as a URL, comes close."""

# "arxiv_doi": one of arXiv's own DOIs, so both a DOI and an arXiv identifier.
_Shape = Literal["doi", "arxiv", "arxiv_doi"] | None

# Every pattern below is anchored and made of character classes that cannot overlap at
# their boundaries, so matching is linear: no nested or adjacent ambiguous repetition.
_DOI_PREFIX = re.compile(r"10\.[0-9]{4,}(?:\.[0-9]+)*")
_HANDLE_LIKE = re.compile(r"[0-9]+(?:\.[0-9]+)*/")
_NEW_ID = re.compile(r"([0-9]{4})\.([0-9]+)(?:[vV]([0-9]*))?")
_OLD_ID = re.compile(r"([A-Za-z][A-Za-z-]*)(?:\.([A-Za-z][A-Za-z-]*))?/([0-9]+)(?:[vV]([0-9]*))?")
_LISTING_TAIL = re.compile(
    r"\[[A-Za-z-]+(?:\.[A-Za-z-]+)?\](?: [0-9]{1,2} [A-Za-z]{3,9} [0-9]{4})?"
    r"|(?:\[[A-Za-z-]+(?:\.[A-Za-z-]+)?\] )?(?:\((?:19|20)[0-9]{2}\)|(?:19|20)[0-9]{2})"
)
# A DOI inside a publisher's URL path: "10." and a registrant code at the start of a path
# segment (or after "doi:"), then "/" and a suffix.
_DOI_IN_PATH = re.compile(r"(?:^|[/:=])(10\.[0-9]{4,}(?:\.[0-9]+)*/[^/].*)")
# Last path segments that name a view of the landing page, not part of the DOI.
_PAGE_VIEWS = frozenset(
    {"abstract", "abs", "full", "fulltext", "pdf", "epdf", "meta", "html", "references",
     "figures", "suppl", "summary", "xml", "view", "download"}
)  # fmt: skip
# Words a reference puts before an arXiv identifier: "arXiv preprint", "CoRR abs/...".
_CITATION_LABELS = (
    "arxiv preprint",
    "arxiv e-prints",
    "arxiv e-print",
    "arxiv/corr",
    "corr",
    "oai:arxiv.org:",
)
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_SEPARATORS = re.compile(r"[ ,;|]+")

_DOI_HOSTS = frozenset(
    {
        "doi.org",
        "dx.doi.org",
        "doi.acm.org",
        "doi.wiley.com",
        "doi.ieeecomputersociety.org",
        "hdl.handle.net",
    }
)
_ARXIV_VIEWS = ("abs/", "pdf/", "ps/", "html/", "format/", "e-print/", "src/")
_GENERAL_REASONS = frozenset(
    {
        "empty",
        "bad_entity_encoding",
        "too_long",
        "not_text",
        "two_identifiers",
        "bad_percent_encoding",
        "unbalanced",
        "unsupported_url",
    }
)
ARXIV_DOI_PREFIX = "10.48550"
"""The DOI prefix DataCite gives arXiv: ``10.48550/arXiv.<id>``."""
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class _Reject(Exception):
    """Why the text is not an identifier, and which kind it looked like."""

    def __init__(self, reason: str, shape: _Shape, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.shape = shape
        self.detail = detail


@dataclass(frozen=True, slots=True)
class ArxivParts:
    id: str
    version: int | None


@dataclass(frozen=True, slots=True)
class DoiParts:
    value: str
    arxiv: ArxivParts | None = None


def ascii_lower(text: str) -> str:
    """Lower-case ASCII letters only: DOIs are case-insensitive over ASCII (DOI Handbook
    3.4), and ``str.lower`` would fold more (``"İ".lower()`` is two characters)."""
    return text.translate(_ASCII_LOWER)


def _read(text: object) -> DoiParts | ArxivParts:
    """Read one identifier from ``text`` or raise :class:`_Reject`."""
    if not isinstance(text, str):
        raise _Reject("not_text", None, f"expected str, got {type(text).__name__}")
    if len(text) > MAX_INPUT_LENGTH:
        raise _Reject("too_long", None, f"{len(text)} characters, limit {MAX_INPUT_LENGTH}")
    decoded = decode_entities(fold_lookalikes(tidy_unicode(text)))
    if decoded is None:
        raise _Reject("bad_entity_encoding", None, "HTML entities escaped more than once")
    body = strip_prose(decoded)
    if body is None:
        raise _Reject("unbalanced", None, "brackets and punctuation do not settle")
    if not body:
        raise _Reject("empty", None)
    _check_single(body)
    return _read_one(body)


def _check_single(body: str) -> None:
    """Reject text that holds two identifiers: which one was meant cannot be known."""
    if not _SEPARATORS.search(body):
        return
    found = 0
    for part in _SEPARATORS.split(body):
        # Every identifier holds a digit; skipping words like "arXiv:" or "[cs.DC]" is cheap.
        found += any(char.isdigit() for char in part) and _reads_alone(part)
        if found == 2:
            raise _Reject("two_identifiers", None, "two identifiers in one value")


def _reads_alone(part: str) -> bool:
    body = strip_prose(part)
    if not body:
        return False
    try:
        _read_one(body)
    except _Reject:
        return False
    return True


def _read_one(body: str) -> DoiParts | ArxivParts:
    """Read ``body``, already checked by :func:`_check_single`."""
    original = body
    labelled_doi = False
    decoded = False
    for _ in range(3):  # "DOI: https://doi.org/doi:10..." stacks at most this deep
        lower = ascii_lower(body)
        url = _split_url(body, lower)
        if url is not None:
            host_kind, path = url
            if host_kind == "arxiv":
                return _arxiv_from_path(path)
            body, labelled_doi, decoded = path, True, True
            continue
        label = _doi_label_length(lower)
        if label:
            body, labelled_doi = body[label:], True
            continue
        label = _citation_label_length(lower)
        if label:
            return _arxiv_from_citation(body[label:])
        break
    if not decoded:
        body = _decode(body)
    settled = strip_prose(tidy_unicode(body))
    if settled is None:
        raise _Reject("unbalanced", None, "brackets and punctuation do not settle")
    if not settled:
        raise _Reject("empty", "doi" if labelled_doi else None)
    if settled != original:
        _check_single(settled)  # again: a label hid it, or percent-decoding revealed it
    body = settled
    lower = ascii_lower(body)

    arxiv_label = _arxiv_label_length(lower)
    if arxiv_label:
        return _read_arxiv(body[arxiv_label:])
    if lower.lstrip("/").startswith(_ARXIV_VIEWS):
        return _arxiv_from_path(body.lstrip("/"))  # "abs/1706.03762", "/pdf/...v3.pdf"
    if lower.startswith("10."):
        return _read_doi(body)
    if _HANDLE_LIKE.match(lower):
        raise _Reject("bad_prefix", "doi", "a DOI prefix is 10. and a registrant code")
    if labelled_doi:
        raise _Reject("bad_prefix", "doi", "labelled as a DOI but does not start with 10.")
    if _NEW_ID.match(body) or _OLD_ID.match(body):
        return _read_arxiv(body)
    raise _Reject("not_an_identifier", None)


def _split_url(body: str, lower: str) -> tuple[Literal["doi", "arxiv"], str] | None:
    """The path of a DOI-resolver or arXiv URL, or the DOI in a publisher's URL.

    Query and fragment are cut off first. A resolver's path is returned percent-decoded
    as it is; from any other host the DOI in the decoded path (``/doi/``, ``/doi/full/``,
    ``/article/``, ``/abstract/``...) is returned, a trailing ``/`` and a last segment
    naming a page view (``/pdf``, ``/meta``, ``/abstract``...) cut off. Without one there,
    a query value that is a DOI (``?id=10.1371/...``) is taken; else ``unsupported_url``.
    """
    start = 0
    for scheme in ("https://", "http://", "//"):
        if lower.startswith(scheme):
            start = len(scheme)
            break
    slash = lower.find("/", start)
    end = slash if slash >= 0 else len(lower)
    host = lower[start:end].partition(":")[0].removeprefix("www.")
    if host in _DOI_HOSTS:
        kind: Literal["doi", "arxiv"] = "doi"
    elif _is_arxiv_host(host):
        kind = "arxiv"
    elif start or lower.startswith("www."):
        return "doi", _doi_in_publisher_url(body[end + 1 :] if slash >= 0 else "", host)
    else:
        return None
    path = body[end + 1 :] if slash >= 0 else ""
    # A "?" or "#" that belongs to a DOI is percent-encoded in a URL; a bare one starts the
    # query or fragment.
    for mark in "?#":
        path = path.partition(mark)[0]
    return kind, _decode(path) if kind == "doi" else path


def _is_arxiv_host(host: str) -> bool:
    """arXiv and its mirrors: ``export.arxiv.org``, ``xxx.lanl.gov``, ``xxx.<site>``, ar5iv."""
    return (
        host in {"arxiv.org", "ar5iv.org", "xxx.lanl.gov"}
        or host.endswith((".arxiv.org", ".ar5iv.org"))
        or (host.startswith("xxx.") and host.count(".") >= 2)
    )


def _doi_in_publisher_url(rest: str, host: str) -> str:
    path, _, query = rest.partition("#")[0].partition("?")
    found = _DOI_IN_PATH.search(_decode(path))
    if found is not None:
        doi = found[1].rstrip("/")
        head, _, last = doi.rpartition("/")
        if ascii_lower(last) in _PAGE_VIEWS and head.count("/") >= 1:
            doi = head  # ".../10.1088/1742-6596/1302/2/022095/pdf"
        return doi
    for pair in query.split("&"):
        found = _DOI_IN_PATH.search(_decode(pair.partition("=")[2]))
        if found is not None:
            return found[1]
    raise _Reject("unsupported_url", None, f"no DOI in a URL from {host!r}")


def _citation_label_length(lower: str) -> int:
    """Length of a leading "arXiv preprint", "CoRR" or OAI label (and its punctuation)."""
    for label in _CITATION_LABELS:
        follows = lower[len(label) : len(label) + 1]
        if lower.startswith(label) and (label.endswith(":") or follows in {"", " ", ",", ":"}):
            index = len(label)
            while index < len(lower) and lower[index] in " ,:":
                index += 1
            return index if index < len(lower) else 0
    return 0


def _arxiv_from_citation(rest: str) -> ArxivParts:
    lower = ascii_lower(rest)
    label = _arxiv_label_length(lower)
    if label:
        return _read_arxiv(rest[label:])
    if lower.startswith(_ARXIV_VIEWS):
        return _arxiv_from_path(rest)
    return _read_arxiv(rest)


def _decode(text: str) -> str:
    if "%" not in text:
        return text
    try:
        decoded = unquote(text, errors="strict")
    except UnicodeDecodeError as error:
        raise _Reject("bad_percent_encoding", None, "escapes are not UTF-8") from error
    if _PERCENT_ESCAPE.search(decoded):
        # Encoded twice: decoding again could corrupt a DOI that holds a literal "%".
        raise _Reject("bad_percent_encoding", None, "percent-encoded more than once")
    return decoded


def _doi_label_length(lower: str) -> int:
    """Length of a leading ``doi:``, ``DOI``, ``urn:doi:`` or ``info:doi/`` label, else 0."""
    for label in ("urn:doi:", "info:doi/", "doi"):
        if lower.startswith(label):
            break
    else:
        return 0
    if lower == label:
        return len(label)  # a bare label: the identifier itself is missing
    index = _skip_spaces(lower, len(label))
    if label == "doi" and lower.startswith((":", "="), index):
        index = _skip_spaces(lower, index + 1)
    if label == "doi" and index == 3 and not lower.startswith("10.", index):
        return 0  # "doing", "doi.org" and the like are not labels
    return index


def _arxiv_label_length(lower: str) -> int:
    """Length of a leading ``arXiv:``, ``arXiv``, ``arxiv-`` or ``arXiv.`` label, else 0."""
    if not lower.startswith("arxiv"):
        return 0
    index = _skip_spaces(lower, 5)
    if lower.startswith((":", "-", "."), index):
        return _skip_spaces(lower, index + 1)
    return index if index > 5 else 0


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] == " ":
        index += 1
    return index


def _read_doi(body: str) -> DoiParts:
    prefix, slash, suffix = body.partition("/")
    if not _DOI_PREFIX.fullmatch(prefix):
        raise _Reject("bad_prefix", "doi", "a DOI prefix is 10. and a registrant code of 4+ digits")
    if not slash or not suffix:
        raise _Reject("empty_suffix", "doi")
    if " " in suffix:
        raise _Reject("whitespace", "doi", "a DOI holds no spaces")
    lower_suffix = ascii_lower(suffix)  # for the checks below; the value keeps its case
    if prefix == ARXIV_DOI_PREFIX and lower_suffix.rstrip(".") == "arxiv":
        raise _Reject("prefix_only_doi", "arxiv_doi", "arXiv's DOI prefix, but no paper")
    if prefix == ARXIV_DOI_PREFIX and lower_suffix.startswith("arxiv."):
        # arXiv registers the paper's DOI; a version written after it names one version
        # of that paper, which the ArxivId keeps and the DOI leaves out.
        paper = _arxiv_core(suffix[6:], shape="arxiv_doi")
        return DoiParts(f"{ARXIV_DOI_PREFIX}/arXiv.{paper.id}", paper)
    # The suffix keeps the case it was written in: readers expect the DOI as registered
    # ("10.1103/PhysRevLett..."), and equality ignores ASCII case anyway (DOI Handbook 3.4).
    return DoiParts(f"{prefix}/{suffix}")


def _read_arxiv(body: str) -> ArxivParts:
    if ascii_lower(body).startswith("10."):
        raise _Reject("not_an_arxiv_id", "arxiv", "labelled arXiv but holds a DOI")
    return _arxiv_core(body, shape="arxiv")


def _arxiv_from_path(path: str) -> ArxivParts:
    lower = ascii_lower(path)
    for view in _ARXIV_VIEWS:
        if lower.startswith(view):
            return _arxiv_core(_decode(path[len(view) :]).rstrip("/"), shape="arxiv")
    raise _Reject("not_an_arxiv_id", "arxiv", "an arXiv URL that names no paper")


def _arxiv_core(text: str, *, shape: _Shape) -> ArxivParts:
    """Validate a bare identifier with optional version, ``.pdf`` and listing tail."""
    head, space, tail = text.partition(" ")
    if space:
        if not _LISTING_TAIL.fullmatch(" ".join(tail.split())):
            raise _Reject("whitespace", shape, "text after the identifier")
        text = head.removesuffix(",") if tail[:1].isdigit() else head  # "abs/1902.04043, 2019"
    if ascii_lower(text).endswith(".pdf"):
        text = text[:-4]
    new = _NEW_ID.fullmatch(text)
    if new:
        return ArxivParts(_new_style(new[1], new[2], shape), _version(new[3], shape))
    old = _OLD_ID.fullmatch(text)
    if old:
        return ArxivParts(_old_style(old[1], old[2], old[3], shape), _version(old[4], shape))
    raise _Reject("not_an_arxiv_id", shape)


def _new_style(yymm: str, number: str, shape: _Shape) -> str:
    _check_month(yymm, shape)
    if int(yymm) < 704:
        raise _Reject("bad_date", shape, "new-style identifiers start in 0704")
    width = 4 if int(yymm) <= 1412 else 5
    if len(number) != width:
        raise _Reject(
            "bad_sequence_width", shape, f"{yymm} takes a {width}-digit number, not {len(number)}"
        )
    if int(number) == 0:
        raise _Reject("bad_sequence", shape, "numbers start at 1")
    return f"{yymm}.{number}"


def _old_style(archive_text: str, subject: str | None, digits: str, shape: _Shape) -> str:
    archive = OLD_ARCHIVES.get(ascii_lower(archive_text))
    if archive is None:
        raise _Reject("unknown_archive", shape, f"no old-scheme archive {archive_text!r}")
    if subject is not None and ascii_lower(subject) not in {
        ascii_lower(code) for code in archive.subject_classes
    }:
        raise _Reject("unknown_subject_class", shape, f"{archive.name} has no class {subject!r}")
    if len(digits) != 7:
        raise _Reject("bad_sequence_width", shape, f"YYMMNNN is 7 digits, not {len(digits)}")
    yymm, number = digits[:4], digits[4:]
    _check_month(yymm, shape)
    if not yymm_key(FIRST_OLD_MONTH) <= yymm_key(yymm) <= yymm_key(LAST_OLD_MONTH):
        raise _Reject("bad_date", shape, "old-style identifiers run from 9108 to 0703")
    if number == "000":
        raise _Reject("bad_sequence", shape, "numbers start at 001")
    return f"{archive.name}/{digits}"


def _check_month(yymm: str, shape: _Shape) -> None:
    if not 1 <= int(yymm[2:]) <= 12:
        raise _Reject("bad_month", shape, f"month {yymm[2:]}")


def _version(digits: str | None, shape: _Shape) -> int | None:
    if digits is None:
        return None
    if not digits or digits[0] == "0" or len(digits) > 3:
        raise _Reject("bad_version", shape, "a version is v1, v2, ...")
    return int(digits)


def _read_as(
    text: object, error: type[InvalidIdentifier], shapes: set[str], other_reason: str
) -> DoiParts | ArxivParts:
    """:func:`_read`, its rejection raised as ``error``: text that looked like another kind
    of identifier (a shape not in ``shapes``) is ``other_reason``, not that kind's defect."""
    try:
        return _read(text)
    except _Reject as reject:
        reason = reject.reason
        if reject.shape not in shapes and reason not in _GENERAL_REASONS:
            reason = other_reason
        raise error(reason, _shown(text), reject.detail) from None


def doi_value(text: object) -> str:
    """The canonical text of the one DOI in ``text`` (its case kept, arXiv's as registered);
    raise :class:`InvalidDOI` otherwise.

    >>> doi_value("DOI:\u00a010.48550/ARXIV.2408.16978")
    '10.48550/arXiv.2408.16978'
    """
    found = _read_as(text, InvalidDOI, {"doi", "arxiv_doi"}, "not_a_doi")
    if isinstance(found, ArxivParts):
        raise InvalidDOI(
            "is_arxiv_id", _shown(text), "an arXiv identifier; read it with parse_arxiv_id"
        )
    return found.value


def arxiv_parts(text: object) -> ArxivParts:
    """The one arXiv identifier in ``text``; raise :class:`InvalidArxivId` otherwise.

    >>> arxiv_parts("arXiv:math.GT/0309136v2")
    ArxivParts(id='math/0309136', version=2)
    """
    found = _read_as(text, InvalidArxivId, {"arxiv", "arxiv_doi"}, "not_an_arxiv_id")
    if isinstance(found, DoiParts):
        if found.arxiv is None:
            raise InvalidArxivId("is_doi", _shown(text), "a DOI; read it with parse_doi")
        return found.arxiv
    return found


def identifier_parts(text: object) -> DoiParts | ArxivParts:
    """The one DOI or arXiv identifier in ``text``, arXiv's own DOIs read as arXiv ids.

    >>> identifier_parts("doi:10.48550/ARXIV.2408.16978")
    ArxivParts(id='2408.16978', version=None)
    """
    try:
        found = _read(text)
    except _Reject as reject:
        error = {"doi": InvalidDOI, "arxiv_doi": InvalidDOI, "arxiv": InvalidArxivId}.get(
            reject.shape or "", InvalidIdentifier
        )
        raise error(reject.reason, _shown(text), reject.detail) from None
    if isinstance(found, DoiParts) and found.arxiv is not None:
        return found.arxiv
    return found


def _shown(text: object) -> str:
    return text if isinstance(text, str) else repr(text)
