"""How a ``date`` fact is written in a pack (see :mod:`checker.kinds.date`)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from checker.schema import DateWindow, FactBase, Id, Text


class Fact(FactBase):
    kind: Literal["date"]
    event: Text = Field(description="The event in plain words, for the message.")
    date: dt.date | None = Field(None, description="The day of the event.")
    between: DateWindow | None = Field(None, description="Or the days it may have been, when sources say 'earlier that month'.")
    actor: Id = Field(description="The entity whose act the event is.")
    about: Text = Field(description="A regular expression a sentence must match to be about this event.")
    cues: list[Text] = Field(min_length=1, description="Words that describe the event.")
    others: Text | None = Field(
        None, description="A regular expression for anchors of other events (their dates are not this one's)."
    )

    @model_validator(mode="after")
    def _one_date(self) -> Fact:
        if (self.date is None) == (self.between is None or not (self.between.start and self.between.end)):
            raise ValueError("give either date or between (with both from and to)")
        return self
