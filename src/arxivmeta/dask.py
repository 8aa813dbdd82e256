"""Clean records on Dask: ``read_jsonl`` → ``clean_bag`` → ``to_textfiles``.

Needs Dask (``pip install 'arxivmeta[dask]'``). Each partition is cleaned by
:func:`arxivmeta.clean_records`, so results match the command line record for record.
Every item of the cleaned bag is a JSON-ready dict with one key saying what it is:
``{"paper": Paper.model_dump(mode="json")}`` or ``{"rejected": Rejected.model_dump()}``;
:func:`papers` and :func:`rejects` split them. The whole recipe::

    import json
    from arxivmeta.dask import clean_bag, papers, read_jsonl, rejects

    cleaned = clean_bag(read_jsonl("dump/*.jsonl.gz"))
    papers(cleaned).map(json.dumps).to_textfiles("clean/*.jsonl.gz")
    rejects(cleaned).map(json.dumps).to_textfiles("rejects/*.jsonl")

Positions count inputs within a partition; :func:`read_jsonl` makes one partition per file,
so there a position is the line number in that file (blank lines are rejected as such,
keeping the count exact).

>>> import dask.bag as db
>>> bag = clean_bag(db.from_sequence(['{"title": "A"}', "not json"], npartitions=1))
>>> [sorted(item) for item in bag.compute(scheduler="sync")]
[['paper'], ['rejected']]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

try:
    import dask.bag as db
except ImportError as error:  # pragma: no cover (exercised without dask installed)
    raise ImportError(
        "arxivmeta.dask needs Dask; install it with: pip install 'arxivmeta[dask]'"
    ) from error

from arxivmeta.batch import Rejected, clean_records
from arxivmeta.config import CleanConfig

__all__ = ["clean_bag", "is_paper", "is_rejected", "papers", "read_jsonl", "rejects"]


def _clean_partition(
    items: Iterable[Mapping[str, Any] | str | bytes],
    format: str | None,
    config: CleanConfig | None,
) -> list[dict[str, Any]]:
    # A list, not a generator: partitions cross process boundaries and generators do not pickle.
    return [
        {"rejected": result.model_dump(mode="json")}
        if isinstance(result, Rejected)
        else {"paper": result.model_dump(mode="json")}
        for result in clean_records(items, format=format, config=config)
    ]


def _strip_newline(line: str) -> str:
    return line.rstrip("\r\n")


def clean_bag(
    bag: db.Bag, *, format: str | None = None, config: CleanConfig | None = None
) -> db.Bag:
    """Clean a bag of records (dicts, or JSON text such as lines) into tagged dicts.

    ``format`` and ``config`` are passed to :func:`~arxivmeta.clean_record`.
    """
    return cast(db.Bag, cast(Any, bag).map_partitions(_clean_partition, format, config))


def read_jsonl(paths: str | Sequence[str], *, blocksize: int | str | None = None) -> db.Bag:
    """Read JSON Lines files (``.gz``, ``.bz2``, ``.xz`` too) into a bag of lines.

    With the default ``blocksize=None`` each file is one partition, so positions from
    :func:`clean_bag` are line numbers. A ``blocksize`` (such as ``"64MiB"``) splits large
    uncompressed files for more parallelism; positions then count within each block.
    """
    lines = cast(Any, db).read_text(paths, blocksize=blocksize, compression="infer")
    return cast(db.Bag, lines.map(_strip_newline))


def is_paper(item: Mapping[str, Any]) -> bool:
    """Whether a :func:`clean_bag` item is a cleaned record."""
    return "paper" in item


def is_rejected(item: Mapping[str, Any]) -> bool:
    """Whether a :func:`clean_bag` item is a rejected input."""
    return "rejected" in item


def _paper(item: Mapping[str, Any]) -> Any:
    return item["paper"]


def _rejected(item: Mapping[str, Any]) -> Any:
    return item["rejected"]


def papers(cleaned: db.Bag) -> db.Bag:
    """The cleaned records of a :func:`clean_bag` result, as ``Paper`` JSON dicts."""
    return cast(db.Bag, cast(Any, cleaned).filter(is_paper).map(_paper))


def rejects(cleaned: db.Bag) -> db.Bag:
    """The rejected inputs of a :func:`clean_bag` result, as ``Rejected`` JSON dicts."""
    return cast(db.Bag, cast(Any, cleaned).filter(is_rejected).map(_rejected))
