"""`chartside delete-local-data`: only once the data dir's path is typed out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from core.errors import ChartsideError


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--confirm",
        metavar="DATA_DIR",
        help="the data dir's path, typed out (asked for on a terminal when left out)",
    )


@command(
    "delete-local-data",
    "remove this computer's data dir (database, keys, drafts) and keyring entries",
    _arguments,
)
def delete_local_data(ctx: Context) -> int:
    svc = ctx.svc
    data_dir = svc.settings.data_dir
    typed = ctx.args.confirm
    if typed is None and sys.stdin.isatty():
        print(f"This deletes {data_dir} and every note, key and backup schedule in it.")
        typed = input("Type that folder's path to confirm: ")
    if typed is None or Path(typed).expanduser().absolute() != data_dir:
        raise ChartsideError(
            "not deleted: the path typed is not the data dir",
            remediation=f"Type {data_dir} exactly (on a terminal, or with --confirm).",
        )
    gone = svc.delete_local_data()
    ctx.emit({"deleted": str(gone)}, f"Deleted {gone} and its keyring entries.")
    return EXIT_OK
