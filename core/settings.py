"""Layered settings (docs/usage.md): defaults < user config.toml < CHARTSIDE_* env < system policy.

Keys set by the policy file are locked: they win over everything and the UI shows them locked.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
import tomllib
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, cast

import platformdirs
import pydantic
import tomlkit
from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from core.errors import ConfigError, PolicyForbids
from core.messages import Message, render

APP_NAME = "Chartside"

# OWASP's minimum for Argon2id: m=19 MiB, t=2, p=1. Stored parameters are checked against it.
ARGON2_FLOOR_MEMORY_KIB = 19 * 1024
ARGON2_FLOOR_ITERATIONS = 2
ARGON2_FLOOR_LANES = 1


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_file() -> Path:
    override = os.environ.get("CHARTSIDE_CONFIG_FILE")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_policy_file(platform: str = sys.platform) -> Path:
    """Where IT puts the machine's policy: a path only administrators can write on each
    system, the one the .deb ships as a conffile and the MSI installs (docs/packaging.md)."""
    if platform == "win32":
        program_data = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(program_data) / APP_NAME / "policy.toml"
    if platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "policy.toml"
    return Path("/etc/chartside/policy.toml")


def policy_file() -> Path:
    override = os.environ.get("CHARTSIDE_POLICY_FILE")
    return Path(override) if override else default_policy_file()


class _Section(BaseModel):
    # A misspelt key ("auto_lok_minutes") must stop start-up, not leave the setting it
    # meant at its default: in a policy file that would unlock what it meant to lock.
    model_config = ConfigDict(extra="forbid")


class DatabaseSettings(_Section):
    # Empty means the embedded server. A URL points at a clinic's PostgreSQL with pgvector;
    # `url` runs migrations (the owner), `runtime_url` (if set) is used for everyday work.
    url: SecretStr | None = None
    runtime_url: SecretStr | None = None
    connect_timeout_s: int = Field(default=10, ge=1, le=300)
    # A clinic's server only: how long a desktop keeps reconnecting ("reconnecting") to a
    # server that went away before an action fails; a restart takes seconds.
    reconnect_s: int = Field(default=60, ge=0, le=3600)


class CryptoSettings(_Section):
    argon2_memory_kib: int = 64 * 1024
    argon2_iterations: int = 3
    argon2_lanes: int = 1

    @field_validator("argon2_memory_kib")
    @classmethod
    def _memory_floor(cls, v: int) -> int:
        if v < ARGON2_FLOOR_MEMORY_KIB:
            raise ValueError(f"must be at least {ARGON2_FLOOR_MEMORY_KIB} KiB (OWASP minimum)")
        return v

    @field_validator("argon2_iterations")
    @classmethod
    def _iterations_floor(cls, v: int) -> int:
        if v < ARGON2_FLOOR_ITERATIONS:
            raise ValueError(f"must be at least {ARGON2_FLOOR_ITERATIONS} (OWASP minimum)")
        return v

    @field_validator("argon2_lanes")
    @classmethod
    def _lanes_floor(cls, v: int) -> int:
        if v < ARGON2_FLOOR_LANES:
            raise ValueError(f"must be at least {ARGON2_FLOOR_LANES}")
        return v


class ModelSettings(_Section):
    """Thread counts were measured on 2 cores (docs/benchmarks.md): one torch thread keeps a
    query at ~14 ms where two degrade to 50-280 ms under load; one llama.cpp thread decodes
    faster than two when anything else runs."""

    embedder_query_threads: int = Field(default=1, ge=1, le=64)
    embedder_batch_threads: int = Field(default=1, ge=1, le=64)
    # `chartside index` is a foreground job: measured on 2 cores, idle and under load, in
    # bench/results/index_threads.json. The window's background indexer keeps the above.
    embedder_index_threads: int = Field(default=2, ge=1, le=64)
    generator_threads: int = Field(default=1, ge=1, le=64)
    # Reading the prompt is one batched pass that two threads share well: it is 88-94% of
    # an answer's time, and 2 threads cut Gemma's from 1.29 s to 0.69 s (bench/answers/speed.py).
    generator_batch_threads: int = Field(default=2, ge=1, le=64)
    generator_context: int = Field(default=4096, ge=512, le=131072)
    generation_timeout_s: int = Field(default=120, ge=1, le=3600)
    # auto: Qwen2.5-Coder-1.5B-Instruct where its RAM fits, else SmolLM2-135M (the only
    # packaged models that answered grounded questions at all; `make eval` says how well).
    default_generator: str = Field(default="auto", pattern=r"^(auto|qwen|instruct)$")
    # A dictated visit's SOAP draft is sorted by the rules alone unless this is on; then
    # the local model places what no rule does. Off: on dictations the rules were not
    # fixed against, the default model placed those clauses worse than the rules'
    # fallback (704 of 820 sentences right against 782; docs/dictation.md).
    soap_model_sort: bool = False


class AssistantSettings(_Section):
    """Answering (docs/architecture.md). The similarity thresholds are for all-MiniLM-L6-v2 cosines:
    correct cited sentences measured 0.92-1.0 against their source, invented ones 0.25-0.36."""

    sources: int = Field(default=6, ge=1, le=30)  # passages offered to the model
    # ...within this many tokens of their own (the best first, at least one): a 1.5B model
    # reads ~25-55 tokens/s on 2 cores, so the sources are most of the wait.
    source_tokens: int = Field(default=360, ge=32, le=100_000)
    # text: sentences with [n] markers; json: llama.cpp's grammar holds the model to one
    # entry per sentence with its sources (compared on `make eval`, docs/benchmarks.md).
    answer_format: str = Field(default="text", pattern=r"^(text|json)$")
    max_answer_tokens: int = Field(default=256, ge=16, le=4096)
    max_question_chars: int = Field(default=1000, ge=50, le=10000)
    relevance_floor: float = Field(default=0.25, ge=0.0, le=1.0)  # below: refuse
    weak_support: float = Field(default=0.5, ge=0.0, le=1.0)  # below: flag the sentence
    rate_limit_per_minute: int = Field(default=20, ge=0, le=10000)  # 0: no limit
    cache_ttl_hours: float = Field(default=24.0, gt=0, le=24 * 365)
    cache_max_entries: int = Field(default=200, ge=1, le=100000)  # per workspace, LRU
    cache_similarity: float = Field(default=0.95, ge=0.5, le=1.0)


class SecuritySettings(_Section):
    # Idle minutes before the keys are dropped. 30 is the ceiling any setting may reach; a
    # clinic's policy file can fix a lower value.
    auto_lock_minutes: int = Field(default=15, ge=1, le=30)
    # A clinic's policy may forbid writing notes out (export) or keeping a key in the OS
    # keyring (a shared workstation's keyring is the next user's too).
    export_allowed: bool = True
    keyring_allowed: bool = True


class BackupSettings(_Section):
    # Scheduled backups: off (0) by default; the folder should be another disk.
    every_hours: int = Field(default=0, ge=0, le=24 * 30)
    keep: int = Field(default=7, ge=1, le=1000)
    folder: Path | None = None


class UiSettings(_Section):
    language: str = Field(default="en", pattern=r"^(en|he)$")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CHARTSIDE_",
        env_nested_delimiter="__",
        extra="forbid",
        validate_default=True,
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    log_level: str = Field(default="INFO", pattern=r"^(DEBUG|INFO|WARNING|ERROR)$")
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    crypto: CryptoSettings = Field(default_factory=CryptoSettings)
    models: ModelSettings = Field(default_factory=ModelSettings)
    assistant: AssistantSettings = Field(default_factory=AssistantSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    backup: BackupSettings = Field(default_factory=BackupSettings)
    ui: UiSettings = Field(default_factory=UiSettings)

    @field_validator("data_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        # The server runs with another working directory: a relative socket path breaks.
        return value.expanduser().absolute()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # First wins. Explicit arguments (CLI flags) beat env and the user file, never policy.
        candidate = _candidate.get()
        user_file: PydanticBaseSettingsSource = (
            TomlConfigSettingsSource(settings_cls, toml_file=user_config_file())
            if candidate is None
            else InitSettingsSource(settings_cls, init_kwargs=tomllib.loads(candidate))
        )
        return (
            TomlConfigSettingsSource(settings_cls, toml_file=policy_file()),
            init_settings,
            env_settings,
            user_file,
        )

    @property
    def pg_dir(self) -> Path:
        return self.data_dir / "pg"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def model_cache_dir(self) -> Path:
        """Where packaged models are assembled (public weights, no PHI): one copy per
        computer, not one per data dir."""
        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "models"

    @property
    def embedded(self) -> bool:
        return self.database.url is None


def locked_keys() -> set[str]:
    """Dotted keys that the system policy fixes, e.g. {"crypto.argon2_memory_kib"}."""
    path = policy_file()
    if not path.is_file():
        return set()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            Message("settings.policy_file_not_valid_toml", path=str(path), detail=str(exc)),
            remediation=_ASK_ADMIN,
        ) from None
    return set(_flatten(data))


def _flatten(data: dict[str, Any], prefix: str = "") -> list[str]:
    keys: list[str] = []
    for k, v in data.items():
        dotted = f"{prefix}{k}"
        table = cast("dict[str, Any]", v) if isinstance(v, dict) else None
        keys.extend(_flatten(table, dotted + ".") if table is not None else [dotted])
    return keys


_SECRET_KEYS = {"database.url", "database.runtime_url"}
# A clinician cannot edit the policy: its errors send them to whoever manages it.
_ASK_ADMIN = Message("settings.ask_admin")


def load_settings(**overrides: Any) -> Settings:
    """Build and validate settings; an error names the key, the value, where it was set
    (the file and line, or the variable) and the fix. A bad policy stops start-up: there is
    no falling back to defaults the policy meant to lock."""
    try:
        return Settings(**overrides)
    except pydantic.ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        value = "<hidden>" if key in _SECRET_KEYS else repr(err.get("input"))
        where = source_of(key)
        raise ConfigError(
            Message(
                "settings.setting_invalid",
                setting=key,
                value=value,
                source=where,
                detail=err["msg"],
            ),
            remediation=Message(
                "settings.set_in_config", setting=key, variable=key.upper().replace(".", "__")
            )
            if where.id != "settings.in_policy_file"
            else _ASK_ADMIN,
        ) from None
    except tomllib.TOMLDecodeError as exc:
        where, is_policy = _unreadable_file()
        raise ConfigError(
            Message("settings.not_valid_toml", source=where, detail=str(exc)),
            remediation=_ASK_ADMIN if is_policy else None,
        ) from None


def setting_source(key: str) -> str:
    """Where `key` got its value, in English: "in the policy file P, line N", "in
    config.toml P, line N", "from CHARTSIDE_X" or "by default"."""
    return render(source_of(key))


def source_of(key: str) -> Message:
    """Where `key` got its value (first wins, as in `settings_customise_sources`)."""
    for in_file, path in (
        ("settings.in_policy_file", policy_file()),
        ("settings.in_config_file", user_config_file()),
    ):
        line = _line_of(path, key)
        if line is not None:
            return Message(in_file, path=str(path), n=line)
    env = key.upper().replace(".", "__")
    if f"CHARTSIDE_{env}" in os.environ:
        return Message("settings.from_variable", variable=env)
    return Message("settings.by_default")


def _settings_files() -> tuple[tuple[str, Path], ...]:
    """The files settings are read from, as messages name them (ids), first-wins order."""
    return (
        ("settings.the_policy_file", policy_file()),
        ("settings.config_file", user_config_file()),
    )


_TABLE = re.compile(r"^\s*\[\s*([\w.-]+)\s*\]")
_ASSIGN = re.compile(r"^\s*([\w.-]+)\s*=")


def _line_of(path: Path, key: str) -> int | None:
    """The line of a TOML file that sets the dotted `key`, or None."""
    try:
        lines = _read_text(path).splitlines()
    except OSError:
        return None
    table = ""
    for number, line in enumerate(lines, 1):
        if m := _TABLE.match(line):
            table = m.group(1) + "."
        elif (m := _ASSIGN.match(line)) and f"{table}{m.group(1)}" == key:
            return number
    return None


def _unreadable_file() -> tuple[Message, bool]:
    """The first settings file that is not TOML, named for a message, and whether it is the
    policy file."""
    for label, path in _settings_files():
        try:
            tomllib.loads(_read_text(path))
        except OSError:
            continue
        except tomllib.TOMLDecodeError:
            return Message(label, path=str(path)), path == policy_file()
    return Message("settings.a_settings_file"), False


def require_allowed(settings: Settings, key: str, action: Message) -> None:
    """Raise `PolicyForbids` when the boolean setting `key` ("security.export_allowed") is
    off. Only a policy is expected to turn these off, so the message says where it was."""
    section, name = key.split(".")
    if not getattr(getattr(settings, section), name):
        raise PolicyForbids(
            Message("settings.turned_off_false", action=action, setting=key, source=source_of(key))
        )


def effective(
    settings: Settings, given: dict[str, str] | None = None
) -> list[tuple[str, Any, str, bool]]:
    """Every setting as (dotted key, value, where it came from, locked by the policy).
    `given`: keys the caller set itself (a command-line flag), with their source."""
    locked = locked_keys()
    out: list[tuple[str, Any, str, bool]] = []

    def walk(data: dict[str, Any], prefix: str) -> None:
        for name, value in data.items():
            key = f"{prefix}{name}"
            if isinstance(value, dict):
                walk(cast("dict[str, Any]", value), key + ".")
            else:
                shown = "<hidden>" if key in _SECRET_KEYS and value is not None else value
                source = (given or {}).get(key) if key not in locked else None
                out.append((key, shown, source or setting_source(key), key in locked))

    walk(settings.model_dump(mode="json"), "")
    return out


# -- writing config.toml (the settings screen) -------------------------------------------------

# The text of a config.toml about to be written, read in place of the file while it is
# checked: the checks, the messages and their line numbers are the start-up's own.
_candidate: ContextVar[str | None] = ContextVar("chartside_candidate_config", default=None)


def _read_text(path: Path) -> str:
    candidate = _candidate.get()
    if candidate is not None and path == user_config_file():
        return candidate
    return path.read_text(encoding="utf-8")


def check_user_config(text: str) -> Settings:
    """The settings Chartside would start with if config.toml held `text` (the policy and
    CHARTSIDE_* still on top); `ConfigError` with `load_settings`' message otherwise."""
    token = _candidate.set(text)
    try:
        return load_settings()
    finally:
        _candidate.reset(token)


def edit_user_config(text: str, changes: Mapping[str, Any]) -> str:
    """`text` (a config.toml) with each dotted key of `changes` set to its value, or taken
    out where the value is None; comments and the order of what is there are kept."""
    doc = tomlkit.parse(text)
    for key, value in changes.items():
        *sections, name = key.split(".")
        table: Any = doc
        for section in sections:
            if section not in table:
                if value is None:
                    break
                table[section] = tomlkit.table()
            table = table[section]
        else:
            if value is None:
                table.pop(name, None)
            else:
                table[name] = str(value) if isinstance(value, Path) else value
    return tomlkit.dumps(doc)


def write_user_config(changes: Mapping[str, Any]) -> Path:
    """Apply `changes` (dotted key -> value, None to remove) to the user's config.toml.
    Checked first as start-up would check it (`ConfigError`, nothing written); then written
    to a file beside it and renamed over it, so a crash leaves the old file or the new one,
    never half of one. Keys the policy locks are refused (`PolicyForbids`)."""
    locked = sorted(set(changes) & locked_keys())
    if locked:
        raise PolicyForbids(
            Message("settings.locked_policy_file", setting=", ".join(locked), path=policy_file())
        )
    path = user_config_file()
    try:
        old = path.read_text(encoding="utf-8")
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        old, mode = "", 0o600  # it may come to hold a database password
    new = edit_user_config(old, changes)
    check_user_config(new)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(new)
            out.flush()
            os.fsync(out.fileno())
        tmp.chmod(mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
