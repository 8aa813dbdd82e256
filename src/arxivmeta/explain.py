"""What the explaining twins return: one :class:`Step` per change a fixer made.

A step is recorded only when its fixer changed the value, so the list of steps is a
complete account of how the clean value differs from the raw one.

>>> Step(fixer="strip_control_characters", field="title", before="A\\x00B", after="A B")
Step(fixer='strip_control_characters', field='title', before='A\\x00B', after='A B')
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


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
