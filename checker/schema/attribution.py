"""How a ``attribution`` fact is written in a pack (see :mod:`checker.kinds.attribution`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checker.schema import FactBase, Id, Text


class Fact(FactBase):
    kind: Literal["attribution"]
    label: Text = Field(description="What must be attributed, e.g. 'the regulator's allegations'.")
    accuser: Text = Field(description="Who makes the allegation, for the message.")
    parties: list[Id] = Field(min_length=1, description="Entities the allegation is about.")
    group: Text | None = Field(None, description="A regular expression for the parties as a group.")
    target: Text = Field(description="A regular expression for what was allegedly taken or wronged.")
    claims: list[Text] = Field(min_length=1, description="Verbs and nouns that state the allegation.")
    cues: list[Text] = Field(min_length=1, description="Words that attribute it: alleged, said, according to.")
