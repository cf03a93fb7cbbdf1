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


def run_migrations_offline() -> None:
    # The SQL script a clinic's DBA runs (core.db.server_setup): one transaction.
    context.configure(
        dialect_name="postgresql",
        target_metadata=target_metadata,
        literal_binds=True,
        # A script has no parameters: with psycopg's pyformat, '%' would print as '%%'.
        dialect_opts={"paramstyle": "named"},
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
