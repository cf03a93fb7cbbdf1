"""`chartside keys status | change-passphrase | reset-passphrase | new-recovery-key |
rotate | reencrypt | keyring-enable | keyring-disable`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.keyring_source import check_backend

if TYPE_CHECKING:
    from app.cli import Cli

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


def add_parser(sub: Any) -> None:
    p = sub.add_parser("keys", help="passphrase, recovery key, key rotation, OS keyring")
    ksub = p.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    for name, text in ACTIONS.items():
        ksub.add_parser(name, help=text)


def run(cli: Cli) -> tuple[dict[str, Any], str]:
    svc, action = cli.svc, cli.args.keys_command
    if action == "reset-passphrase":
        recovery = cli.secret("CHARTSIDE_RECOVERY_KEY", "Recovery key")
        new = cli.secret("CHARTSIDE_NEW_PASSPHRASE", "New passphrase", confirm=True)
        svc.change_passphrase(new, recovery_key=recovery, username=cli.args.user)
        return {"changed": True}, "Passphrase reset with the recovery key."
    if action == "change-passphrase":
        current = cli.passphrase()
        new = cli.secret("CHARTSIDE_NEW_PASSPHRASE", "New passphrase", confirm=True)
        svc.change_passphrase(new, current=current, username=cli.args.user)
        return {"changed": True}, "Passphrase changed."
    cli.unlock()
    if action == "status":
        backend = check_backend()
        payload = {
            "sources": svc.key_sources(),
            "data_key_version": svc.cipher().key_version,
            "reencrypt_pending": svc.reencrypt_pending(),
            "keyring": {
                "usable": backend.usable,
                "backend": backend.name,
                "reason": backend.reason,
            },
        }
        return payload, "\n".join(f"{k}: {v}" for k, v in payload.items())
    if action == "new-recovery-key":
        key = svc.new_recovery_key()
        return {"recovery_key": key}, f"New recovery key (write it down): {key}"
    if action == "rotate":
        version = svc.rotate_data_key(progress=cli.progress)
        return {"data_key_version": version}, f"Data key rotated to version {version}."
    if action == "reencrypt":
        rows = svc.reencrypt(progress=cli.progress)
        return {"rows": rows}, f"Re-encrypted {rows} rows."
    if action == "keyring-enable":
        backend_name = svc.enable_keyring()
        return {"keyring": backend_name}, f"The OS keyring ({backend_name}) can now unlock."
    if action == "passphrase-disable":
        svc.disable_passphrase()
        return {"passphrase": False}, "The passphrase is off; the OS keyring unlocks."
    svc.disable_keyring()
    return {"keyring": None}, "The OS keyring no longer unlocks Chartside."
