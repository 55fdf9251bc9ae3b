"""How a rule pack is written: the parts every fact kind shares, as strict pydantic models.

A pack is a YAML file a research desk writes by hand. Unknown keys are errors so a typo never
switches a rule off silently. Each fact kind adds its own model in a module of this package
named after it (``checker/schema/quantity.py`` for ``checker/kinds/quantity.py``).

Only validation imports this package (and pydantic): a check loads packs already compiled
from the cache, so the schema costs nothing when the packs have not changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Severity = Literal["error", "warning"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Source(Strict):
    """A document the pack's facts rest on."""

    id: Id
    title: Text
    url: Text | None = None
    date: dt.date | None = None
    publisher: Text | None = None


class Entity(Strict):
    """A party the story names: how it is written, and the other names it goes by."""

    id: Id
    name: Text
    aliases: list[Text] = []
    case_sensitive: bool = Field(
        True, description="Match the name and aliases only with this capitalisation."
    )


class Measure(Strict):
    """What a figure counts, as the nouns writers use for it (singular; plurals are derived)."""

    id: Id
    label: Text = Field(description="How messages name the measure, e.g. 'exchanges'.")
    nouns: list[Text] = Field(min_length=1)


class Flagged(Strict):
    """A sentence the fact must flag, with words its finding's message must contain."""

    text: Text
    expect: Text = Field(description="Words the finding's message must contain, e.g. \"which is Acme's figure\".")


class Examples(Strict):
    """Sentences the fact must let through and sentences it must flag; the tests run them."""

    passing: list[Text] = Field([], alias="pass")
    failing: list[Text | Flagged] = Field([], alias="fail")


class DateWindow(Strict):
    """Dates a document's own date must fall between (both ends included, either optional)."""

    start: dt.date | None = Field(None, alias="from")
    end: dt.date | None = Field(None, alias="to")

    @model_validator(mode="after")
    def _ordered(self) -> DateWindow:
        if self.start and self.end and self.start > self.end:
            raise ValueError("'from' must not be later than 'to'")
        return self


class Scope(Strict):
    """Which documents the pack applies to; out of scope means silent.

    Every condition given must hold: the path matches one of ``paths`` (globs); each key of
    ``front_matter`` is present and its value (or one item of a list) matches the regular
    expression; the document's own date is inside ``dates`` (a document without a date passes);
    the prose matches every pattern of ``all`` and at least ``min_any`` patterns of ``any``.
    """

    paths: list[Text] = []
    front_matter: dict[str, Text] = {}
    dates: DateWindow | None = None
    all: list[Text] = []
    any: list[Text] = []
    min_any: int = Field(1, ge=0)

    @model_validator(mode="after")
    def _reachable(self) -> Scope:
        if self.any and self.min_any > len(self.any):
            raise ValueError(f"min_any is {self.min_any} but only {len(self.any)} patterns are listed in any")
        return self


class FactBase(Strict):
    id: Id
    severity: Severity = "error"
    source: Id
    note: Text | None = None
    examples: Examples
    valid_from: dt.date | None = Field(
        None, description="The fact holds for documents dated from this day (a revised figure, say)."
    )
    superseded_by: Id | None = Field(
        None, description="The fact that replaces this one from its valid_from on; earlier documents keep this one."
    )


class Settings(Strict):
    """A configuration file (see :mod:`checker.config`)."""

    rules: list[Text] = []
    include: list[Text] = []
    exclude: list[Text] = []
    severity: dict[Id, Severity] = {}
    disable: list[Id] = []
    fail_level: Severity | None = None
    format: Literal["text", "json", "github", "sarif", "rdjsonl"] | None = None
