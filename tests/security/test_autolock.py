"""Idle auto-lock, driven by a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.compose import migrations_dir
from core.domain import ClientData
from core.errors import ConfigError, Locked
from core.security.autolock import IdleTimer
from core.services.service import ChartsideService
from core.settings import load_settings
from tests.conftest import PASSPHRASE, make_settings


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


def test_idle_timer() -> None:
    clock = FakeClock()
    t = IdleTimer(15 * 60, clock)
    clock.advance(14.9)
    assert not t.expired
    t.touch()
    clock.advance(14.9)
    assert not t.expired
    clock.advance(0.2)
    assert t.expired


@pytest.fixture
def clocked(tmp_path: Path) -> Callable[..., tuple[ChartsideService, FakeClock]]:
    made: list[ChartsideService] = []

    def make(**settings: object) -> tuple[ChartsideService, FakeClock]:
        clock = FakeClock()
        svc = ChartsideService(
            make_settings(tmp_path / "data", **settings), migrations_dir(), clock=clock
        )
        made.append(svc)
        return svc, clock

    yield make
    for svc in made:
        svc.close()


def test_default_fifteen_minutes_then_keys_are_dropped(clocked: Callable[..., tuple]) -> None:
    svc, clock = clocked()
    svc.initialise(PASSPHRASE)
    c = svc.notes.create_client(ClientData(full_name="Idle Test"))
    clock.advance(14)
    assert svc.notes.get_client(c.id).data.full_name == "Idle Test"  # activity resets the timer
    clock.advance(14)
    svc.touch()  # typing in the GUI counts too
    clock.advance(14)
    assert svc.check_idle() is False
    clock.advance(1.1)
    with pytest.raises(Locked):
        svc.notes.get_client(c.id)
    assert not svc.unlocked and not svc.session.keys.unlocked  # the keys left memory
    with pytest.raises(Locked):
        svc.notes.list_clients()
    svc.unlock(PASSPHRASE)
    assert svc.notes.get_client(c.id).data.full_name == "Idle Test"
    locks = [e for e in svc.health.audit_export() if e["action"] == "lock"]
    assert locks[-1]["details"] == {"reason": "idle"}


def test_check_idle_locks_without_any_access(clocked: Callable[..., tuple]) -> None:
    svc, clock = clocked(security={"auto_lock_minutes": 5})
    svc.initialise(PASSPHRASE)
    clock.advance(4.9)
    assert svc.check_idle() is False and svc.unlocked
    clock.advance(0.2)
    assert svc.check_idle() is True and not svc.unlocked


def test_auto_lock_is_capped_at_thirty_minutes_and_policy_can_fix_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert load_settings().security.auto_lock_minutes == 15
    assert load_settings(security={"auto_lock_minutes": 30}).security.auto_lock_minutes == 30
    with pytest.raises(ConfigError, match=r"security\.auto_lock_minutes"):
        load_settings(security={"auto_lock_minutes": 31})
    policy = tmp_path / "policy.toml"
    policy.write_text("[security]\nauto_lock_minutes = 10\n")
    monkeypatch.setenv("CHARTSIDE_POLICY_FILE", str(policy))
    monkeypatch.setenv("CHARTSIDE_SECURITY__AUTO_LOCK_MINUTES", "25")
    assert load_settings().security.auto_lock_minutes == 10
