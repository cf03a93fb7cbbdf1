"""One exception hierarchy. Every error carries a user-facing message and a remediation.

Both are `Message`s (core/messages): an id and its values. `message`, `remediation` and
`str()` are their English renderings, for logs and the CLI; the window renders the ids in
its own language. The CLI (app/cli/), models/' checks of its own callers and, for now, the
speech model's modules still pass English text, which then has no id (`msg` is None) and is
shown as it is (tests/ui/test_core_errors_he.py lists them).

Messages name records and fields, never their contents: exception text ends up in logs.
"""

from __future__ import annotations

from typing import ClassVar

from core.messages import Message, render


class ChartsideError(Exception):
    """Base of every error the app shows to a user."""

    remedy: ClassVar[Message | None] = None  # a class's remediation; an instance's may differ
    remediation: str = ""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "remedy" in cls.__dict__:
            cls.remediation = render(cls.remedy) if cls.remedy is not None else ""
        elif "remediation" in cls.__dict__:
            cls.remedy = None  # English of its own (models/, app/): no id

    def __init__(self, message: Message | str, remediation: Message | str | None = None) -> None:
        self.msg: Message | None = message if isinstance(message, Message) else None
        self.message = render(message) if isinstance(message, Message) else message
        super().__init__(self.message)
        if isinstance(remediation, Message):
            self.remedy = remediation  # pyright: ignore[reportAttributeAccessIssue]
            self.remediation = render(remediation)
        elif remediation is not None:
            self.remedy = None  # pyright: ignore[reportAttributeAccessIssue]
            self.remediation = remediation

    def __str__(self) -> str:
        if self.remediation:
            return f"{self.message} ({self.remediation})"
        return self.message


class ConfigError(ChartsideError):
    remedy = Message("remedy.config_error")


class PolicyForbids(ChartsideError):
    """The system policy turns this action off; only its administrator can change that."""

    remedy = Message("remedy.policy_forbids")


class ValidationError(ChartsideError):
    """Input that does not fit. `field` and `record` say where, never what."""

    remedy = Message("remedy.validation_error")

    def __init__(self, message: Message | str, *, field: str, record: str | None = None) -> None:
        super().__init__(message)
        where = f"{record}: " if record else ""
        self.message = f"{where}{field}: {self.message}"  # for logs; the window shows the label
        self.args = (self.message,)
        self.detail = message  # a Message in core; text from a layer outside it
        self.field = field
        self.record = record


class CryptoError(ChartsideError):
    remedy = Message("remedy.crypto_error")


class IntegrityError(CryptoError):
    """A ciphertext failed authentication (bit flip, swap, wrong key)."""


class WrongPassphrase(ChartsideError):
    remedy = Message("remedy.wrong_passphrase")


class WeakKdfParameters(CryptoError):
    remedy = Message("remedy.weak_kdf_parameters")


class Locked(ChartsideError):
    remedy = Message("remedy.locked")

    def __init__(self, message: Message | None = None) -> None:
        super().__init__(message or Message("errors.locked"))


class Cancelled(ChartsideError):
    """`done` counts what a job that commits as it goes had finished when it stopped, so its
    caller can record that without counting again."""

    def __init__(self, message: Message | None = None, *, done: int = 0) -> None:
        super().__init__(message or Message("errors.cancelled"), remediation="")
        self.done = done


class NotFound(ChartsideError):
    remedy = Message("remedy.not_found")


class NotInitialised(ChartsideError):
    remedy = Message("remedy.not_initialised")


class AlreadyInitialised(ChartsideError):
    remedy = Message("remedy.already_initialised")


class DatabaseError(ChartsideError):
    remedy = Message("remedy.database_error")


class ConnectionLost(DatabaseError):
    """The database server stopped answering (a clinic's server restarting, the network
    down). Work that was not acknowledged may not have been saved; nothing acknowledged is
    lost. The app keeps reconnecting on its own."""

    remedy = Message("remedy.connection_lost")


class MigrationError(DatabaseError):
    remedy = Message("remedy.migration_error")


class ImportFormatError(ValidationError):
    remedy = Message("remedy.import_format_error")


class ModelError(ChartsideError):
    """A local model could not be used. Core catches this without importing `models`."""

    remedy = Message("remedy.model_error")


class EmbedderChanged(ModelError):
    """The workspace now uses another embedder than the one this indexer holds."""

    remedy = Message("remedy.embedder_changed")

    def __init__(self, model_id: str) -> None:
        super().__init__(Message("errors.embedder_changed"))
        self.model_id = model_id


class PromptTooLong(ModelError):
    remedy = Message("remedy.prompt_too_long")


class GenerationTimeout(ModelError):
    remedy = Message("remedy.generation_timeout")


class QueryRejected(ChartsideError):
    """A question the assistant will not run: empty, too long, or an injection attempt."""

    remedy = Message("remedy.query_rejected")


class RateLimited(ChartsideError):
    """Too many questions in a short time. `retry_after_s` says when the next one may run."""

    remedy = Message("remedy.rate_limited")

    def __init__(self, message: Message, *, retry_after_s: float) -> None:
        wait = max(1, -int(-retry_after_s // 1))  # whole seconds, rounded up
        remediation = (
            Message("errors.wait_one_second")
            if wait == 1
            else Message("errors.wait_and_try_again", n=wait, unit=Message("errors.seconds"))
        )
        super().__init__(message, remediation=remediation)
        self.retry_after_s = retry_after_s


# -- keys ---------------------------------------------------------------------------
class KeyringUnavailable(ChartsideError):
    remedy = Message("remedy.keyring_unavailable")


# -- backup and restore -------------------------------------------------------------
class BackupError(ChartsideError):
    remedy = Message("remedy.backup_error")


class BackupDamaged(BackupError):
    """The file fails a checksum or an authentication tag: damaged, truncated or altered."""

    remedy = Message("remedy.backup_damaged")


class BackupVersionUnsupported(BackupError):
    remedy = Message("remedy.backup_version_unsupported")


class BackupUnsupported(BackupError):
    remedy = Message("remedy.backup_unsupported")


class RestoreTargetNotEmpty(BackupError):
    remedy = Message("remedy.restore_target_not_empty")


class RestoreVerificationFailed(BackupError):
    remedy = Message("remedy.restore_verification_failed")
