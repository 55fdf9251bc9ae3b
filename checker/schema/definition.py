"""How a ``definition`` fact is written in a pack (see :mod:`checker.kinds.definition`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checker.schema import FactBase, Strict, Text


class Roles(Strict):
    learner: list[Text] = Field(min_length=1, description="Words marking the party that learns.")
    teacher: list[Text] = Field(min_length=1, description="Words marking the party learned from.")


class Notion(Strict):
    notion: Text = Field(description="The wrong meaning in plain words, for the message.")
    words: list[Text] = Field(min_length=1, description="Words or phrases that state it.")


class Fact(FactBase):
    kind: Literal["definition"]
    term: Text
    forms: list[Text] = Field(min_length=1, description="Every form of the term: amortise, amortised, amortisation, ...")
    meaning: Text = Field(description="The canonical meaning, as messages quote it.")
    roles: Roles
    learns: list[Text] = Field(min_length=1, description="Phrases for 'the learner learns from'.")
    outputs: list[Text] = Field(min_length=1, description="What the learner learns from: outputs, answers.")
    contradicts: list[Notion] = Field(min_length=1)
