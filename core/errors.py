"""One exception hierarchy. Every error carries a user-facing message and a remediation.

Messages name records and fields, never their contents: exception text ends up in logs.
"""

from __future__ import annotations


class ChartsideError(Exception):
    """Base of every error the app shows to a user."""

    remediation: str = ""

    def __init__(self, message: str, remediation: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if remediation is not None:
            self.remediation = remediation

    def __str__(self) -> str:
        if self.remediation:
            return f"{self.message} ({self.remediation})"
        return self.message


class ConfigError(ChartsideError):
    remediation = "Fix the setting in config.toml, the environment or the policy file."


class PolicyForbids(ChartsideError):
    """The system policy turns this action off; only its administrator can change that."""

    remediation = "Ask the administrator who manages this computer's Chartside policy."


class ValidationError(ChartsideError):
    """Input that does not fit. `field` and `record` say where, never what."""

    remediation = "Correct the named field and try again."

    def __init__(self, message: str, *, field: str, record: str | None = None) -> None:
        where = f"{record}: " if record else ""
        super().__init__(f"{where}{field}: {message}")
        self.detail = message
        self.field = field
        self.record = record


class CryptoError(ChartsideError):
    remediation = "The stored value was altered or belongs to another record; restore from backup."


class IntegrityError(CryptoError):
    """A ciphertext failed authentication (bit flip, swap, wrong key)."""


class WrongPassphrase(ChartsideError):
    remediation = "Check the passphrase (and keyboard layout) and try again."


class WeakKdfParameters(CryptoError):
    remediation = "The stored key-derivation parameters are below the security floor."


class Locked(ChartsideError):
    remediation = "Unlock Chartside with your passphrase."

    def __init__(self, message: str = "Chartside is locked.") -> None:
        super().__init__(message)


class Cancelled(ChartsideError):
    """`done` counts what a job that commits as it goes had finished when it stopped, so its
    caller can record that without counting again."""

    def __init__(self, message: str = "The operation was cancelled.", *, done: int = 0) -> None:
        super().__init__(message, remediation="")
        self.done = done


class NotFound(ChartsideError):
    remediation = "Refresh the list; the record may have been deleted."


class NotInitialised(ChartsideError):
    remediation = "Run `chartside init` (or start the app) to create the data directory."


class AlreadyInitialised(ChartsideError):
    remediation = "Use the existing data directory, or choose another with --data-dir."


class DatabaseError(ChartsideError):
    remediation = "Run `chartside doctor` for details."


class ConnectionLost(DatabaseError):
    """The database server stopped answering (a clinic's server restarting, the network
    down). Work that was not acknowledged may not have been saved; nothing acknowledged is
    lost. The app keeps reconnecting on its own."""

    remediation = "Chartside is reconnecting to the database server; try again in a moment."


class MigrationError(DatabaseError):
    remediation = "The database was left unchanged. Run `chartside doctor` and report the error."


class ImportFormatError(ValidationError):
    remediation = "Fix the named record in the import file; nothing was imported."


class ModelError(ChartsideError):
    """A local model could not be used. Core catches this without importing `models`."""

    remediation = "Run `chartside models verify`, or choose another model in the settings."


class EmbedderChanged(ModelError):
    """The workspace now uses another embedder than the one this indexer holds."""

    remediation = "The app switches to the workspace's embedder by itself."

    def __init__(self, model_id: str) -> None:
        super().__init__("The workspace switched to another embedding model.")
        self.model_id = model_id


class PromptTooLong(ModelError):
    remediation = "Ask a narrower question or choose fewer sources."


class GenerationTimeout(ModelError):
    remediation = "Try a shorter question, or raise the generation timeout in the settings."


class QueryRejected(ChartsideError):
    """A question the assistant will not run: empty, too long, or an injection attempt."""

    remediation = "Rephrase the question and try again."


class RateLimited(ChartsideError):
    """Too many questions in a short time. `retry_after_s` says when the next one may run."""

    remediation = "Wait a moment and try again."

    def __init__(self, message: str, *, retry_after_s: float) -> None:
        wait = max(1, -int(-retry_after_s // 1))  # whole seconds, rounded up
        unit = "second" if wait == 1 else "seconds"
        super().__init__(message, remediation=f"Wait {wait} {unit} and try again.")
        self.retry_after_s = retry_after_s


# -- keys ---------------------------------------------------------------------------
class KeyringUnavailable(ChartsideError):
    remediation = "Unlock with your passphrase or your recovery key; no data was deleted."


# -- backup and restore -------------------------------------------------------------
class BackupError(ChartsideError):
    remediation = "See the message; the data directory was left unchanged."


class BackupDamaged(BackupError):
    """The file fails a checksum or an authentication tag: damaged, truncated or altered."""

    remediation = "Use another copy of this backup; this file cannot be restored."


class BackupVersionUnsupported(BackupError):
    remediation = "Restore it with the Chartside version that made it, or a newer one."


class BackupUnsupported(BackupError):
    remediation = "Use pg_dump or the clinic's own backup system on the database server."


class RestoreTargetNotEmpty(BackupError):
    remediation = "Choose a new or empty folder (--data-dir); nothing was changed."


class RestoreVerificationFailed(BackupError):
    remediation = (
        "The restored copy was removed. Try another copy of the backup, "
        "and run `chartside doctor` on the machine that made it."
    )
