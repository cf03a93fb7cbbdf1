"""The timeline part's Protocol (`ChartsideApi.timeline`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol
from uuid import UUID

from core.timeline.answers.brief import SummaryWords
from core.timeline.types import Brief, BriefLine, Kind, TimelineFact


class TimelinePart(Protocol):
    """The clinical timeline of one client (docs/timeline.md): facts read from every note. Each
    call is audited as a read of that client's notes."""

    def facts(
        self, client_id: UUID, kind: Kind | None = None, name: str | None = None
    ) -> list[TimelineFact]:
        """The client's facts, oldest visit first; `name` matches a measure key or a drug
        or condition name, case-insensitively."""
        ...

    def brief(self, client_id: UUID) -> Brief:
        """Since the last visit: changed values, new and stopped medications, new
        diagnoses and the last plan's items, each cited. No model; well under a second."""
        ...

    def referral_summary(
        self,
        client_id: UUID,
        render: Callable[[BriefLine], str] = ...,
        words: SummaryWords = ...,
    ) -> str:
        """The brief as plain text with its citations as footnotes (visit dates), worded by
        `render` and `words`; refused where the policy forbids exports, and audited."""
        ...
