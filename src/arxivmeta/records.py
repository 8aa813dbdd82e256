"""Raw record → :class:`~arxivmeta.Paper` (placeholder until the record cleaner lands)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from arxivmeta.errors import InvalidRecord
from arxivmeta.explain import Step
from arxivmeta.models import Paper


def clean_record(record: Mapping[str, Any]) -> Paper:
    """Clean one raw record."""
    return clean_and_explain(record)[0]


def clean_and_explain(record: Mapping[str, Any]) -> tuple[Paper, list[Step]]:
    """Clean one raw record and list the changes."""
    if not isinstance(record, Mapping):
        raise InvalidRecord(f"a record must be a JSON object, not {type(record).__name__}")
    title = record.get("title")
    return Paper(title=title if isinstance(title, str) else None, extra=dict(record)), []
