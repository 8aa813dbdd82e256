"""arxivmeta's own output: a :class:`~arxivmeta.Paper` in its JSON form.

Cleaning a record twice must change nothing, so a record that already is a clean
``Paper`` (it carries every key ``Paper.model_dump`` writes) is validated, not re-read.

>>> from arxivmeta import Paper
>>> matches(Paper(title="FPDT").model_dump(mode="json"))
True
>>> matches({"title": "FPDT", "doi": "arxiv-2408.16978"})
False
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from arxivmeta.models import Paper

NAME = "paper"


PLAIN_KEYS = ("title_plain", "abstract_plain")
"""The LaTeX-free text ``arxivmeta clean --plain`` adds to a record: computed from the
record's own fields, so they are dropped when it is read and computed again when written."""

# Keys a dumped Paper of an older version lacks: the record is still our own output.
_ADDED_KEYS = frozenset({"dois"})


def matches(record: Any) -> bool:
    """Whether ``record`` has the keys of a dumped :class:`~arxivmeta.Paper` (of this
    version, or of an older one, without ``dois``), with or without :data:`PLAIN_KEYS`.

    >>> matches({**Paper(title="FPDT").model_dump(mode="json"), "title_plain": "FPDT"})
    True
    """
    if not isinstance(record, Mapping):
        return False
    keys = Paper.model_fields.keys()
    given = record.keys() - PLAIN_KEYS
    return given == keys or given == keys - _ADDED_KEYS
