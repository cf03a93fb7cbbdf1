"""Alembic environment: takes an injected connection (cookbook, "Sharing a Connection")."""

from __future__ import annotations

from alembic import context

from core.db.schema import metadata

target_metadata = metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations run through core.db.migrate with a shared connection")
    # The caller owns the transaction: the whole upgrade commits or rolls back as one.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        transaction_per_migration=False,
        compare_type=True,
    )
    context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
