"""What every command gets: its arguments, the settings and the service (each opened on
first use), the passphrase sources, and output as text or --json (docs/usage.md)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.errors import KeyringUnavailable, WrongPassphrase
from core.services.service import ChartsideService
from core.settings import Settings

EXIT_OK = 0
EXIT_ERROR = 1  # a command failed: one line on stderr (and a JSON object with --json)
EXIT_USAGE = 2  # the command line itself was wrong (argparse's own code)

OpenSettings = Callable[[Path | None], Settings]
OpenService = Callable[[Settings], ChartsideService]


class Context:
    """Handed to each command's handler. Settings and service open lazily: a command that
    needs neither database nor models (`policy`, `models`, `server-setup`) starts none. A
    handler touches `settings` or `svc` before it prompts, so a data dir that cannot be
    used is reported before anyone types a passphrase."""

    def __init__(
        self, args: argparse.Namespace, open_settings: OpenSettings, open_service: OpenService
    ) -> None:
        self.args = args
        self._open_settings = open_settings
        self._open_service = open_service
        self._settings: Settings | None = None
        self._svc: ChartsideService | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = self._open_settings(self.args.data_dir)
        return self._settings

    @property
    def svc(self) -> ChartsideService:
        if self._svc is None:
            self._svc = self._open_service(self.settings)
        return self._svc

    @property
    def data_dir(self) -> Path | None:
        """The data dir as far as it is known, for naming it in an error: once the
        settings are read, theirs; before, the one given with --data-dir, if any."""
        return self._settings.data_dir if self._settings is not None else self.args.data_dir

    @property
    def json(self) -> bool:
        return bool(self.args.json)

    def close(self) -> None:
        """Stops the service (and its embedded database) if the command opened it."""
        if self._svc is not None:
            self._svc.close()

    # -- output ------------------------------------------------------------------------
    def emit(self, payload: dict[str, Any], human: str) -> None:
        print(json.dumps(payload, default=str) if self.json else human)

    def progress(self, fraction: float, message: str) -> None:
        if sys.stderr.isatty() and not self.json:
            print(f"\r{message}: {fraction:4.0%}", end="", file=sys.stderr, flush=True)

    # -- secrets -----------------------------------------------------------------------
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
        svc = self.svc
        given = self.args.passphrase_stdin or bool(os.environ.get("CHARTSIDE_PASSPHRASE"))
        if not given and svc.keyring_ready():
            try:
                svc.unlock_with_keyring(username=self.args.user)
                return
            except KeyringUnavailable:
                if not sys.stdin.isatty():
                    raise  # its remediation names the passphrase and the recovery key
        svc.unlock(self.passphrase(), username=self.args.user)
