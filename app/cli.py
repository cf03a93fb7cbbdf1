"""Headless commands for IT, automation and tests (DESIGN §7).

Output is JSON with --json. Failures print one line to stderr and exit non-zero.
Nothing here prints PHI except `export`, whose file the user asked for.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app import audit_file, cli_ask, cli_files, cli_keys, cli_models, cli_policy, cli_search
from core import transfer
from core.errors import ChartsideError, KeyringUnavailable, WrongPassphrase
from core.service import ChartsideService

EXIT_ERROR = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chartside", description="Local clinical-notes assistant.")
    p.add_argument("--data-dir", type=Path, help="data directory (env CHARTSIDE_DATA_DIR)")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.add_argument("--user", help="practitioner username (default: the only one, or yours)")
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the passphrase from the first line of standard input",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    ini = sub.add_parser("init", help="create the data dir, database, keys and first workspace")
    ini.add_argument(
        "--non-interactive",
        action="store_true",
        help="never prompt (fleet set-up): the passphrase from CHARTSIDE_PASSPHRASE or "
        "--passphrase-stdin, the recovery key to --recovery-key-file",
    )
    ini.add_argument(
        "--recovery-key-file",
        type=Path,
        help="write the recovery key to this new file (mode 0600) instead of printing it",
    )
    imp = sub.add_parser("import", help="load clients and sessions (chartside.v1 JSON)")
    imp.add_argument("file", type=Path)
    exp = sub.add_parser("export", help="write clients and sessions as chartside.v1 JSON")
    exp.add_argument("--client", help="external id (or internal id) of one client")
    exp.add_argument("--out", type=Path, required=True)
    sub.add_parser("doctor", help="health of database, pgvector, schema, keys and encryption")
    bk = sub.add_parser("backup", help="write an encrypted, checked backup")
    bk.add_argument("--out", type=Path, required=True)
    bk.add_argument("--force", action="store_true", help="replace an existing file")
    rs = sub.add_parser("restore", help="restore a backup into a new, empty data dir")
    rs.add_argument("file", type=Path)
    au = sub.add_parser("audit", help="check or export the audit log")
    asub = au.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    asub.add_parser("verify", help="check the hash chain and the anchor")
    ae = asub.add_parser("export", help="write the audit log for an auditor")
    ae.add_argument("--out", type=Path, required=True)
    ae.add_argument(
        "--format",
        choices=("json", "csv"),
        default=None,
        help="default: from the file name (.csv), else json",
    )
    dl = sub.add_parser(
        "delete-local-data",
        help="remove this computer's data dir (database, keys, drafts) and keyring entries",
    )
    dl.add_argument(
        "--confirm",
        metavar="DATA_DIR",
        help="the data dir's path, typed out (asked for on a terminal when left out)",
    )
    cli_search.add_parsers(sub)
    cli_ask.add_parser(sub)
    cli_models.add_parser(sub)
    cli_keys.add_parser(sub)
    cli_policy.add_parser(sub)
    return p


class Cli:
    def __init__(self, args: argparse.Namespace, svc: ChartsideService) -> None:
        self.args = args
        self.svc = svc

    def emit(self, payload: dict[str, Any], human: str) -> None:
        print(json.dumps(payload, default=str) if self.args.json else human)

    def passphrase(self, *, confirm: bool = False) -> str:
        return self.secret("CHARTSIDE_PASSPHRASE", "Passphrase", confirm=confirm)

    def secret(self, env_name: str, label: str, *, confirm: bool = False) -> str:
        """From the next line of stdin (--passphrase-stdin), the environment, or a prompt."""
        if self.args.passphrase_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        env = os.environ.get(env_name)
        if env:
            return env
        if not sys.stdin.isatty() or getattr(self.args, "non_interactive", False):
            raise WrongPassphrase(
                f"No {label.lower()} given.",
                remediation=f"Use a terminal, --passphrase-stdin or {env_name}.",
            )
        first = getpass.getpass(f"{label}: ")
        if confirm and getpass.getpass(f"Repeat {label.lower()}: ") != first:
            raise WrongPassphrase(
                f"The two entries for the {label.lower()} differ.", remediation="Try again."
            )
        return first

    def unlock(self) -> None:
        """With the passphrase when one is given (--passphrase-stdin, CHARTSIDE_PASSPHRASE);
        else from the OS keyring where it is set up; else the passphrase prompt."""
        given = self.args.passphrase_stdin or bool(os.environ.get("CHARTSIDE_PASSPHRASE"))
        if not given and self.svc.keyring_ready():
            try:
                self.svc.unlock_with_keyring(username=self.args.user)
                return
            except KeyringUnavailable:
                if not sys.stdin.isatty():
                    raise  # its remediation names the passphrase and the recovery key
        self.svc.unlock(self.passphrase(), username=self.args.user)

    # -- commands ----------------------------------------------------------------------
    def cmd_init(self) -> None:
        key_file: Path | None = self.args.recovery_key_file
        if self.args.non_interactive and key_file is None:
            raise ChartsideError(
                "--non-interactive needs --recovery-key-file",
                remediation="Name a new file for the recovery key: it is shown only once.",
            )
        passphrase = self.passphrase(confirm=True)
        if key_file is None:
            recovery = self.svc.initialise(passphrase)
            shown: dict[str, str] = {"recovery_key": recovery}
            told = f"Recovery key: {recovery}\nWrite it down and keep it away from this computer."
        else:
            cli_files.into_new_secret_file(key_file, lambda: self.svc.initialise(passphrase))
            shown = {"recovery_key_file": str(key_file)}
            told = f"Recovery key written to {key_file}. Move it away from this computer."
        data_dir = str(self.svc.settings.data_dir)
        # The one time the recovery key is shown: it opens the data without the passphrase.
        self.emit(
            {
                "initialised": True,
                "data_dir": data_dir,
                "workspace_id": str(self.svc.workspace_id),
                **shown,
            },
            f"Initialised Chartside in {data_dir}\n{told} It is shown only now, and it "
            "opens your notes if the passphrase is lost.",
        )

    def cmd_import(self) -> None:
        self.unlock()
        summary = self.svc.import_file(self.args.file, progress=self.progress)
        self.emit(
            asdict(summary),
            "Imported: "
            + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in asdict(summary).items()),
        )

    def cmd_delete_local_data(self) -> None:
        data_dir = self.svc.settings.data_dir
        typed = self.args.confirm
        if typed is None and sys.stdin.isatty():
            print(f"This deletes {data_dir} and every note, key and backup schedule in it.")
            typed = input("Type that folder's path to confirm: ")
        if typed is None or Path(typed).expanduser().absolute() != data_dir:
            raise ChartsideError(
                "not deleted: the path typed is not the data dir",
                remediation=f"Type {data_dir} exactly (on a terminal, or with --confirm).",
            )
        gone = self.svc.delete_local_data()
        self.emit({"deleted": str(gone)}, f"Deleted {gone} and its keyring entries.")

    def cmd_policy(self) -> None:
        given = {"data_dir": "from --data-dir"} if self.args.data_dir else {}
        self.emit(*cli_policy.show(self.svc.settings, given))

    def cmd_export(self) -> None:
        self.unlock()
        doc = self.svc.export_doc(self.args.client)
        cli_files.write_atomically(self.args.out, lambda part: transfer.dump(doc, part))
        sessions = sum(len(c["sessions"]) for c in doc["clients"])
        self.emit(
            {"out": str(self.args.out), "clients": len(doc["clients"]), "sessions": sessions},
            f"Exported {len(doc['clients'])} clients, {sessions} sessions",
        )

    def cmd_doctor(self) -> int:
        checks = self.svc.doctor()
        self.emit(
            {
                "ok": all(c.ok for c in checks),
                "checks": {c.name: {"ok": c.ok, "detail": c.detail, **c.extra} for c in checks},
            },
            "\n".join(f"[{'ok' if c.ok else 'FAIL'}] {c.name}: {c.detail}" for c in checks),
        )
        return 0 if all(c.ok for c in checks) else EXIT_ERROR

    def cmd_backup(self) -> None:
        with cli_files.writing(self.args.out):
            r = self.svc.backup(
                self.args.out, self.passphrase(), overwrite=self.args.force, progress=self.progress
            )
        self.emit(
            {"out": str(r.path), "bytes": r.size, "tables": r.manifest.tables},
            f"Backup written to {r.path} ({r.size / 2**20:.1f} MiB), checked",
        )

    def cmd_restore(self) -> None:
        m = self.svc.restore(self.args.file, self.passphrase(), progress=self.progress)
        data_dir = str(self.svc.settings.data_dir)
        self.emit(
            {
                "restored": True,
                "data_dir": data_dir,
                "tables": m.tables,
                "backup_created_at": m.created_at,
            },
            f"Restored into {data_dir}; counts and content checked",
        )

    def cmd_audit(self) -> int:
        self.unlock()
        if self.args.audit_command == "verify":
            r = self.svc.audit_verify()
            human = (
                f"Audit log intact: {r.count} events"
                if r.ok
                else "Audit log FAILED:\n" + "\n".join(r.problems)
            )
            self.emit({"ok": r.ok, "count": r.count, "problems": r.problems}, human)
            return 0 if r.ok else EXIT_ERROR
        rows = self.svc.audit_export()
        fmt = self.args.format or ("csv" if self.args.out.suffix == ".csv" else "json")
        cli_files.write_atomically(self.args.out, lambda part: audit_file.write(rows, part, fmt))
        self.emit(
            {"out": str(self.args.out), "events": len(rows), "format": fmt},
            f"Wrote {len(rows)} audit events to {self.args.out}",
        )
        return 0

    def cmd_keys(self) -> int:
        payload, human = cli_keys.run(self)
        self.emit(payload, human)
        return 0

    def cmd_index(self) -> int:
        return cli_search.run_index(self)

    def cmd_search(self) -> int:
        return cli_search.run_search(self)

    def cmd_ask(self) -> int:
        return cli_ask.run_ask(self)

    def cmd_models(self) -> int:
        payload, human, code = cli_models.run(self.args, self.svc.settings)
        self.emit(payload, human)
        return code

    def progress(self, fraction: float, message: str) -> None:
        if sys.stderr.isatty() and not self.args.json:
            print(f"\r{message}: {fraction:4.0%}", end="", file=sys.stderr, flush=True)


def run_cli(argv: list[str], make_service: Callable[[Path | None], ChartsideService]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    svc: ChartsideService | None = None
    try:
        svc = make_service(args.data_dir)
        handler = getattr(Cli(args, svc), f"cmd_{args.command.replace('-', '_')}")
        code = handler()
        return int(code or 0)
    except ChartsideError as exc:
        _fail(args, exc)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("chartside: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader left early (`chartside search ... | head`): no traceback for that.
        # stdout now points at /dev/null so the flush at exit cannot raise it again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + int(signal.SIGPIPE)  # what a shell reports for a writer killed by SIGPIPE
    except OSError as exc:
        # A file or folder the command could not use (an unreadable data dir, a missing input
        # file): one line naming the path and the reason, not a traceback.
        data_dir = svc.settings.data_dir if svc is not None else args.data_dir
        _fail(args, cli_files.from_os_error(exc, data_dir))
        return EXIT_ERROR
    finally:
        if svc is not None:
            svc.close()


def _fail(args: argparse.Namespace, exc: ChartsideError) -> None:
    line = str(exc).replace("\n", " ")
    if args.json:
        print(
            json.dumps(
                {
                    "error": type(exc).__name__,
                    "message": exc.message,
                    "remediation": exc.remediation,
                }
            )
        )
    print(f"chartside: error: {line}", file=sys.stderr)
