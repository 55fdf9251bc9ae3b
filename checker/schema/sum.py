"""How a ``sum`` fact is written in a pack (see :mod:`checker.kinds.sum`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checker.schema import FactBase, Id


class Fact(FactBase):
    kind: Literal["sum"]
    total: Id = Field(description="The quantity fact that is the total.")
    parts: list[Id] = Field(min_length=2, description="The quantity facts that add up to it.")
