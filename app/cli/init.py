"""`chartside init`: the data dir, database, keys and first workspace."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import files
from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from core.errors import ChartsideError


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--non-interactive",
        action="store_true",
        help="never prompt (fleet set-up): the passphrase from CHARTSIDE_PASSPHRASE or "
        "--passphrase-stdin, the recovery key to --recovery-key-file",
    )
    p.add_argument(
        "--recovery-key-file",
        type=Path,
        help="write the recovery key to this new file (mode 0600) instead of printing it",
    )


@command("init", "create the data dir, database, keys and first workspace", _arguments)
def init(ctx: Context) -> int:
    svc = ctx.svc
    key_file: Path | None = ctx.args.recovery_key_file
    if ctx.args.non_interactive and key_file is None:
        raise ChartsideError(
            "--non-interactive needs --recovery-key-file",
            remediation="Name a new file for the recovery key: it is shown only once.",
        )
    passphrase = ctx.passphrase(confirm=True)
    if key_file is None:
        recovery = svc.initialise(passphrase)
        shown: dict[str, str] = {"recovery_key": recovery}
        told = f"Recovery key: {recovery}\nWrite it down and keep it away from this computer."
    else:
        files.into_new_secret_file(key_file, lambda: svc.initialise(passphrase))
        shown = {"recovery_key_file": str(key_file)}
        told = f"Recovery key written to {key_file}. Move it away from this computer."
    data_dir = str(svc.settings.data_dir)
    # The one time the recovery key is shown: it opens the data without the passphrase.
    ctx.emit(
        {
            "initialised": True,
            "data_dir": data_dir,
            "workspace_id": str(svc.workspace_id),
            **shown,
        },
        f"Initialised Chartside in {data_dir}\n{told} It is shown only now, and it "
        "opens your notes if the passphrase is lost.",
    )
    return EXIT_OK
