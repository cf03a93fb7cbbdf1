"""`chartside keys status | change-passphrase | reset-passphrase | new-recovery-key |
rotate | reencrypt | keyring-enable | keyring-disable`."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from core.security.keyring_source import check_backend

ACTIONS = {
    "status": "key sources, data key version, pending re-encryption, keyring",
    "change-passphrase": "new passphrase (current one first)",
    "reset-passphrase": "new passphrase, proven with the recovery key",
    "new-recovery-key": "replace the recovery key (the old one stops working)",
    "rotate": "new data key, then re-encrypt everything",
    "reencrypt": "finish an interrupted re-encryption",
    "keyring-enable": "also unlock from the OS keyring",
    "keyring-disable": "stop using the OS keyring",
    "passphrase-disable": "keyring only: stop accepting this practitioner's passphrase",
}


def _arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    for name, text in ACTIONS.items():
        sub.add_parser(name, help=text)


@command("keys", "passphrase, recovery key, key rotation, OS keyring", _arguments)
def keys(ctx: Context) -> int:
    ctx.emit(*_run(ctx))
    return EXIT_OK


def _run(ctx: Context) -> tuple[dict[str, Any], str]:
    svc, action = ctx.svc, ctx.args.keys_command
    if action == "reset-passphrase":
        recovery = ctx.secret("CHARTSIDE_RECOVERY_KEY", "Recovery key")
        new = ctx.secret("CHARTSIDE_NEW_PASSPHRASE", "New passphrase", confirm=True)
        svc.keys.change_passphrase(new, recovery_key=recovery, username=ctx.args.user)
        return {"changed": True}, "Passphrase reset with the recovery key."
    if action == "change-passphrase":
        current = ctx.passphrase()
        new = ctx.secret("CHARTSIDE_NEW_PASSPHRASE", "New passphrase", confirm=True)
        svc.keys.change_passphrase(new, current=current, username=ctx.args.user)
        return {"changed": True}, "Passphrase changed."
    ctx.unlock()
    if action == "status":
        backend = check_backend()
        payload = {
            "sources": svc.keys.key_sources(),
            "data_key_version": svc.cipher().key_version,
            "reencrypt_pending": svc.keys.reencrypt_pending(),
            "keyring": {
                "usable": backend.usable,
                "backend": backend.name,
                "reason": backend.reason,
            },
        }
        return payload, "\n".join(f"{k}: {v}" for k, v in payload.items())
    if action == "new-recovery-key":
        key = svc.keys.new_recovery_key()
        return {"recovery_key": key}, f"New recovery key (write it down): {key}"
    if action == "rotate":
        version = svc.keys.rotate_data_key(progress=ctx.progress)
        return {"data_key_version": version}, f"Data key rotated to version {version}."
    if action == "reencrypt":
        rows = svc.keys.reencrypt(progress=ctx.progress)
        return {"rows": rows}, f"Re-encrypted {rows} rows."
    if action == "keyring-enable":
        backend_name = svc.keys.enable_keyring()
        return {"keyring": backend_name}, f"The OS keyring ({backend_name}) can now unlock."
    if action == "passphrase-disable":
        svc.keys.disable_passphrase()
        return {"passphrase": False}, "The passphrase is off; the OS keyring unlocks."
    svc.keys.disable_keyring()
    return {"keyring": None}, "The OS keyring no longer unlocks Chartside."
