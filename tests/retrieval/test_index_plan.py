"""The indexer's batch plan: full batches, then halving down to a small last batch, whose
write nothing overlaps (core.retrieval.indexer._Plan)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from core.retrieval.indexer import TAIL_BATCH, _Plan  # pyright: ignore[reportPrivateUsage]


@given(stale=st.integers(0, 5000), full=st.integers(TAIL_BATCH, 512))
def test_the_plan_covers_the_stale_chunks_and_ends_small(stale: int, full: int) -> None:
    plan = _Plan(stale, full)
    sizes = []
    while plan.left > 0:
        sizes.append(plan.next())
    assert sum(sizes) == stale
    assert all(0 < n <= full for n in sizes)
    if sizes:
        assert sizes[-1] <= TAIL_BATCH
    # Each write hides behind the next batch's embedding: never more than halving.
    assert all(b >= a // 2 or b == sizes[-1] for a, b in itertools.pairwise(sizes))
    assert plan.next() == full  # afterwards, whatever became stale, in full batches


def test_a_workspace_s_worth_tapers_from_full_batches() -> None:
    plan = _Plan(450, 256)
    assert [plan.next() for _ in range(6)] == [225, 112, 56, 28, 16, 13]
