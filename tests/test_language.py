"""The language layer's constructions: each has examples both ways, and each example holds."""

from __future__ import annotations

import pytest

from checker.language.constructions import CONSTRUCTIONS, Construction


@pytest.mark.parametrize("construction", CONSTRUCTIONS, ids=[c.name for c in CONSTRUCTIONS])
def test_every_construction_has_examples_that_hold(construction: Construction) -> None:
    assert construction.matches and construction.misses, f"{construction.name!r} needs examples both ways"
    assert [s for s in construction.matches if not construction.found(s)] == []
    assert [s for s in construction.misses if construction.found(s)] == []
