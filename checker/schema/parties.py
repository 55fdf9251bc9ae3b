"""How a ``parties`` fact is written in a pack (see :mod:`checker.kinds.parties`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checker.schema import FactBase, Id, Text


class Fact(FactBase):
    kind: Literal["parties"]
    members: list[Id] = Field(min_length=2, description="The entities of the set, all of them.")
    label: Text = Field(description="How messages name the set, e.g. 'the firms the regulator fined'.")
    nouns: list[Text] = Field(min_length=1, description="Singular nouns for a member: lab, company.")
    context: Text = Field(description="A regular expression a sentence must match to be checked.")
    unless: Text | None = Field(
        None, description="A regular expression; a sentence matching it is about another set of parties."
    )
    marks: list[Text] = Field(
        [], description="Words a count must carry to be a count of this set ('four Dutch banks'); none: any count."
    )
    accusing: list[Text] = Field(
        ["accused", "accuses", "accusing", "named", "names", "naming", "identified", "identifies",
         "blamed", "blames", "singled out", "pointed to", "pointed the finger at", "alleged that",
         "alleges that"],
        description="Verbs after which a list of parties is the set itself.",
    )
