"""`chartside backup --out FILE` and `chartside restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import files
from app.cli.context import EXIT_OK, Context
from app.cli.registry import command


def _backup_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, required=True, help="the backup file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")


@command("backup", "write an encrypted, checked backup", _backup_arguments)
def backup(ctx: Context) -> int:
    svc = ctx.svc
    with files.writing(ctx.args.out):
        r = svc.backups.backup(
            ctx.args.out, ctx.passphrase(), overwrite=ctx.args.force, progress=ctx.progress
        )
    ctx.emit(
        {"out": str(r.path), "bytes": r.size, "tables": r.manifest.tables},
        f"Backup written to {r.path} ({r.size / 2**20:.1f} MiB), checked",
    )
    return EXIT_OK


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="a backup written by `chartside backup`")


@command("restore", "restore a backup into a new, empty data dir", _restore_arguments)
def restore(ctx: Context) -> int:
    svc = ctx.svc
    m = svc.backups.restore(ctx.args.file, ctx.passphrase(), progress=ctx.progress)
    data_dir = str(svc.settings.data_dir)
    ctx.emit(
        {
            "restored": True,
            "data_dir": data_dir,
            "tables": m.tables,
            "backup_created_at": m.created_at,
        },
        f"Restored into {data_dir}; counts and content checked",
    )
    return EXIT_OK
