"""What the explaining twins return: one :class:`Step` per change a fixer made.

A step is recorded only when its fixer changed the value, so the list of steps is a
complete account of how the clean value differs from the raw one.

Every step is made by :func:`record_step`, which appends only on a change.

>>> steps: list[Step] = []
>>> record_step(steps, "strip_control_characters", "title", "A\\x00B", "AB")
'AB'
>>> steps
[Step(fixer='strip_control_characters', field='title', before='A\\x00B', after='AB')]
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

__all__ = ["PARSE_STEPS", "Step", "record_step"]

_Value = TypeVar("_Value")

#: Steps that read a value into another form (a string into a date, authors into
#: records) rather than fix text: they do not replay through ``arxivmeta.fixes.FIXERS``.
PARSE_STEPS = frozenset(
    {
        "author_from_parts",
        "drop_blank",
        "drop_non_name",
        "join_split_name",
        "parse_author_list",
        "parse_author_name",
        "parse_date",
        "parse_identifier",
        "parse_version",
        "primary_category",
        "resolve_numbered_affiliations",
        "share_group_affiliation",
        "split_categories",
        "split_translation",
        "strip_name_marker",
        "unglue_affiliation",
    }
)


class Step(BaseModel):
    """One change: which fixer changed which field, from what to what."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fixer: str
    field: str
    before: Any
    after: Any

    def __repr__(self) -> str:
        return (
            f"Step(fixer={self.fixer!r}, field={self.field!r}, "
            f"before={self.before!r}, after={self.after!r})"
        )


def record_step(
    steps: list[Step] | None, fixer: str, field: str, before: object, after: _Value
) -> _Value:
    """Append the step ``before`` → ``after`` to ``steps`` when they differ; return ``after``.

    ``steps`` is None when nobody asked for an explanation: nothing is recorded.
    """
    if steps is not None and before != after:
        steps.append(Step(fixer=fixer, field=field, before=before, after=after))
    return after
