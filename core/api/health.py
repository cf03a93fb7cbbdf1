"""The health part's Protocol (`ChartsideApi.health`)."""

from __future__ import annotations

from typing import Protocol

from core.domain import HealthCheck


class HealthPart(Protocol):
    """The installation's health checks (`ChartsideApi.health`, `chartside doctor`)."""

    def doctor(self) -> list[HealthCheck]: ...
