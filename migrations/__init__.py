"""Alembic environment and versions. Run through core.db.migrate, never the alembic CLI alone."""
