"""Many rows in one round trip, for imports and chunk rewrites."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table

INSERT = "INSERT INTO {t} ({cols}) VALUES ({vals})"
UPDATE = "UPDATE {t} SET ({cols}, updated_at) = ({vals}, now()) WHERE id = %s"


def bulk(conn: Connection, table: Table, rows: list[dict[str, Any]], template: str) -> None:
    """Straight to psycopg's pipelined executemany with positional tuples: SQLAlchemy's
    per-parameter processing, and even psycopg's named placeholders, cost more than the
    database itself on 10,000-row imports (bench/store/speed.py). COPY is no option:
    PostgreSQL refuses COPY FROM on tables under row-level security.

    With `UPDATE`, each row's `_id` names the row to change."""
    if not rows:
        return
    cols = [c for c in rows[0] if c != "_id"]
    unknown = set(cols) - set(table.c.keys())
    if unknown:  # never build SQL from a name the schema does not know
        raise ValueError(f"unknown columns for {table.name}: {sorted(unknown)}")
    keys = [*cols, "_id"] if "_id" in rows[0] else cols
    sql = template.format(t=table.name, cols=", ".join(cols), vals=", ".join(["%s"] * len(cols)))
    conn.exec_driver_sql(sql, [tuple(r[k] for k in keys) for r in rows])
