"""How a ``quantity`` fact is written in a pack (see :mod:`checker.kinds.quantity`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from checker.schema import FactBase, Id, Text

Unit = Annotated[str, Field(pattern=r"^(?:count|percent|[A-Z]{3})$")]
Qualifier = Literal["exactly", "approximately", "more than", "at least", "fewer than", "at most"]


class Fact(FactBase):
    kind: Literal["quantity"]
    label: Text | None = Field(None, description="How messages name the fact; default: owner's measure.")
    owner: Id | None = Field(None, description="The entity the figure belongs to, if any.")
    measure: Id
    value: float = Field(gt=0, allow_inf_nan=False)
    unit: Unit = Field(
        "count",
        description="What the value counts in: count (default), percent, or a currency's ISO code "
        "(USD, EUR, GBP ...). A draft's figure is compared only when written in the same unit; "
        'a bare "$" agrees with any dollar.',
    )
    qualifier: Qualifier = "exactly"
    interval: Annotated[list[float], Field(min_length=2, max_length=2)] | None = None
    tolerance: Annotated[float, Field(ge=0, lt=1)] | None = Field(
        None, description="Relative tolerance around the value, e.g. 0.05 for 5 %."
    )
    context: Text | None = Field(
        None,
        description="A regular expression the sentence must match for a figure to be compared "
        "with this fact (useful for facts without an owner).",
    )
    unless: Text | None = Field(
        None,
        description="A regular expression; a sentence that matches it is not compared with this "
        "fact (e.g. one about another company's figures).",
    )

    @model_validator(mode="after")
    def _interval_holds_value(self) -> Fact:
        if self.interval is not None:
            lo, hi = self.interval
            if lo > hi:
                raise ValueError("interval must be [low, high] with low <= high")
            if self.tolerance is not None:
                raise ValueError("give either interval or tolerance, not both")
        return self
