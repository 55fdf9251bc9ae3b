"""How a ``spelling`` fact is written in a pack (see :mod:`checker.kinds.spelling`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checker.kinds.spelling import WINDOW
from checker.schema import FactBase, Id, Text


class Fact(FactBase):
    kind: Literal["spelling"]
    entity: Id
    wrong: list[Text] = Field(min_length=1, description="Wrong forms, exactly as they are misspelt.")
    unless: Text | None = Field(
        None,
        description="A regular expression; a wrong form with a match within "
        f"{WINDOW} characters means something else and is left alone.",
    )
