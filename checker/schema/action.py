"""How an ``action`` fact is written in a pack (see :mod:`checker.kinds.action`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from checker.schema import FactBase, Id, Text


class Fact(FactBase):
    kind: Literal["action"]
    owner: Id | list[Id] | None = Field(
        None,
        description="The party (or parties) the property or action belongs to; none: a statement about the story itself.",
    )
    label: Text = Field(description="How messages name the property, e.g. 'What the bid offered'.")
    property: Id | None = Field(
        None,
        description="What the fact says of its owner, shared by the facts that say it of other parties (e.g. "
        "offer): a draft that gives another party's phrase to this owner is told what the pack says of it.",
    )
    says: Text | None = Field(None, description="The property in the desk's words, as messages quote it; default: the phrases.")
    phrases: list[Text] = Field([], description="Words or phrases that state the property (dredging, hull welding).")
    contradicts: list[Text] = Field(
        [], description="Words or phrases that state what the pack says is not so (bribed officials, rigged the tender)."
    )
    context: Text | None = Field(
        None,
        description="A regular expression the sentence (or the lead-in of its list or table) must match for a "
        "phrase in it to be read as this fact.",
    )
    unless: Text | None = Field(
        None, description="A regular expression; a sentence that matches it is not read as this fact."
    )

    @model_validator(mode="after")
    def _something_to_find(self) -> Fact:
        if not self.phrases and not self.contradicts:
            raise ValueError("give phrases, contradicts, or both")
        if not self.phrases and self.says is None:
            raise ValueError("says: a fact without phrases must say in words what the pack holds")
        if self.owner == []:
            raise ValueError("owner: give an entity, a list of entities, or leave it out")
        if self.property is not None and self.owner is None:
            raise ValueError("property: only a fact with an owner can share a property with other parties")
        return self
