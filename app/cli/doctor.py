"""`chartside doctor`: exit 1 when any check fails, with every check's result."""

from __future__ import annotations

from app.cli.context import EXIT_ERROR, EXIT_OK, Context
from app.cli.registry import command


@command("doctor", "health of database, pgvector, schema, keys and encryption")
def doctor(ctx: Context) -> int:
    checks = ctx.svc.health.doctor()
    ctx.emit(
        {
            "ok": all(c.ok for c in checks),
            "checks": {c.name: {"ok": c.ok, "detail": c.detail, **c.extra} for c in checks},
        },
        "\n".join(f"[{'ok' if c.ok else 'FAIL'}] {c.name}: {c.detail}" for c in checks),
    )
    return EXIT_OK if all(c.ok for c in checks) else EXIT_ERROR
