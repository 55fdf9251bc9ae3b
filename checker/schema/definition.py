"""How a ``definition`` fact is written in a pack (see :mod:`checker.kinds.definition`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from checker.schema import FactBase, Strict, Text


class Roles(Strict):
    learner: list[Text] = Field(min_length=1, description="Words marking the party that learns.")
    teacher: list[Text] = Field(min_length=1, description="Words marking the party learned from.")


class Role(Strict):
    name: Text = Field(description="How messages name the role: 'short seller'.")
    words: list[Text] = Field(min_length=1, description="Words that mark a party in this role.")


class Relation(Strict):
    """What the term relates, in any story: the subject role does (``verbs``) something to, or
    with, the object role: a short seller *borrows shares from* a lender."""

    subject: Role
    verbs: list[Text] = Field(min_length=1, description="Phrases for what the subject does to or takes from the object.")
    object: Role


class Notion(Strict):
    notion: Text = Field(description="The wrong meaning in plain words, for the message.")
    words: list[Text] = Field(min_length=1, description="Words or phrases that state it.")


class Fact(FactBase):
    """A term's meaning: what it is (``is_a``), the relation between its roles that must hold
    (``relation``, or for a learner and what it learns from, ``roles``, ``learns`` and
    ``outputs``), and the notions that contradict it."""

    kind: Literal["definition"]
    term: Text
    forms: list[Text] = Field(min_length=1, description="Every form of the term: amortise, amortised, amortisation, ...")
    meaning: Text = Field(description="The canonical meaning, as messages quote it.")
    is_a: list[Text] = Field([], description="What the term is, its class: a technique, a fee, a trading strategy.")
    relation: Relation | None = Field(None, description="The relation between two roles the meaning states.")
    roles: Roles | None = Field(None, description="A learner and the party it learns from (with learns and outputs).")
    learns: list[Text] = Field([], description="Phrases for 'the learner learns from'.")
    outputs: list[Text] = Field([], description="What the learner learns from: outputs, answers.")
    contradicts: list[Notion] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_relation(self) -> Fact:
        learning = (self.roles is not None, bool(self.learns), bool(self.outputs))
        if any(learning) and not all(learning):
            raise ValueError("give roles, learns and outputs together (a learner and what it learns from)")
        if all(learning) and self.relation is not None:
            raise ValueError("give either relation or roles with learns and outputs, not both")
        return self
