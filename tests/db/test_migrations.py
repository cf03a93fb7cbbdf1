"""Alembic: the schema of core/db/schema.py, reversible, and all-or-nothing on start."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.compose import migrations_dir
from core.db import migrate
from core.db.schema import WORKSPACE_TABLES, metadata
from core.domain import ClientData
from core.errors import MigrationError
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE, make_settings


def _tables(svc: ChartsideService) -> set[str]:
    return set(inspect(svc.db.owner).get_table_names())


def _forced_rls(svc: ChartsideService) -> set[str]:
    with svc.db.owner.connect() as conn:
        return set(
            conn.execute(
                text("SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity")
            ).scalars()
        )


def test_upgrade_creates_the_design_schema(service: ChartsideService) -> None:
    assert {t.name for t in metadata.sorted_tables} <= _tables(service)
    assert set(WORKSPACE_TABLES) <= _forced_rls(service)
    with service.db.owner.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM pg_extension WHERE extname = 'vector'")
            ).scalar_one()
            == 1
        )
        # What the migrations built is exactly what core's schema module describes.
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_upgrade_downgrade_upgrade(service: ChartsideService) -> None:
    engine = service.db.owner
    head = migrate.head_revision(migrations_dir())
    assert migrate.current_revision(engine) == head
    migrate.downgrade(engine, migrations_dir(), "base")
    assert migrate.current_revision(engine) is None
    assert _tables(service) <= {"alembic_version"}
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM pg_extension WHERE extname = 'vector'")
            ).scalar_one()
            == 0
        )
    migrate.upgrade(engine, migrations_dir())
    assert migrate.current_revision(engine) == head
    assert set(WORKSPACE_TABLES) <= _forced_rls(service)


BAD_MIGRATION = """
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE half_done (id int)")
    op.execute("ALTER TABLE clients ADD COLUMN also_half_done int")
    op.execute("SELECT * FROM no_such_table")


def downgrade():
    pass
"""


def test_a_failed_migration_changes_nothing(
    service: ChartsideService,
    tmp_path: Path,
) -> None:
    client = service.notes.create_client(ClientData(full_name="A B"))
    service.close()
    broken = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), broken, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision(migrations_dir())
    (broken / "versions" / "9999_bad.py").write_text(BAD_MIGRATION.format(head=head))

    failing = ChartsideService(make_settings(service.settings.data_dir), broken)
    try:
        with pytest.raises(MigrationError, match=r"no_such_table.*no change was made"):
            failing.unlock(PASSPHRASE)
    finally:
        failing.close()

    again = ChartsideService(make_settings(service.settings.data_dir), migrations_dir())
    try:
        again.unlock(PASSPHRASE)
        assert migrate.current_revision(again.db.owner) == head
        assert "half_done" not in _tables(again)
        cols = {c["name"] for c in inspect(again.db.owner).get_columns("clients")}
        assert "also_half_done" not in cols
        assert again.notes.get_client(client.id).data.full_name == "A B"
    finally:
        again.close()


def test_start_up_migrates_an_old_schema(service_factory: Callable[..., ChartsideService]) -> None:
    svc = service_factory()
    svc.initialise(PASSPHRASE)
    migrate.downgrade(svc.db.owner, migrations_dir(), "base")
    svc.close()
    again = service_factory()
    assert again.is_initialised() is False  # an empty, freshly migrated schema
    assert migrate.current_revision(again.db.owner) == migrate.head_revision(migrations_dir())
