"""How a ``relation`` fact is written in a pack (see :mod:`checker.kinds.relation`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from checker.schema import FactBase, Id, Text


class Fact(FactBase):
    kind: Literal["relation"]
    relation: Literal["difference", "share", "ratio"] = Field(
        description="difference: result is the first fact of 'of' minus the second; share: part is rate "
        "(a percentage) of base; ratio: result is the first fact of 'of' divided by the second."
    )
    label: Text | None = Field(None, description="How messages name the relation; default: its result's label.")
    result: Id | None = Field(None, description="difference and ratio: the quantity fact that is the result.")
    of: Annotated[list[Id], Field(min_length=2, max_length=2)] | None = Field(
        None, description="difference and ratio: the two quantity facts it is of, in order (from which, by which)."
    )
    part: Id | None = Field(None, description="share: the quantity fact that is the part.")
    rate: Id | None = Field(None, description="share: the quantity fact in percent that the part is of the base.")
    base: Id | None = Field(None, description="share: the quantity fact the part is a share of.")

    @model_validator(mode="after")
    def _keys_of_its_relation(self) -> Fact:
        keys = ("part", "rate", "base") if self.relation == "share" else ("result", "of")
        missing = [k for k in keys if getattr(self, k) is None]
        if missing:
            raise ValueError(f"a {self.relation} needs {' and '.join(repr(k) for k in missing)}")
        stray = [k for k in ("result", "of", "part", "rate", "base") if k not in keys and getattr(self, k) is not None]
        if stray:
            raise ValueError(f"{stray[0]!r} is not a key of a {self.relation} (its keys: {', '.join(keys)})")
        return self
