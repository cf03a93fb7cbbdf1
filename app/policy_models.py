"""A generator the system policy fixes is the one in use. `models.default_generator` alone
only picks the generator where none is chosen yet; locked in the policy file it must hold
on a desktop where a model was chosen before the policy arrived. So the CLI and the window
make the policy's generator active at every start (`enforce_locked_generator`), and a
choice of another is refused (`require_generator_choice`)."""

from __future__ import annotations

from core.errors import ConfigError, PolicyForbids
from core.messages import Message
from core.model_info import GENERATOR_SETTING
from core.settings import Settings, locked_keys, source_of

KEY = GENERATOR_SETTING


def _why_locked() -> Message | None:
    """Where the policy locks the generator, why ("locked by … in the policy file P, line
    N"); None where it does not."""
    why = Message("settings.locked_by", setting=KEY, source=source_of(KEY))
    return why if KEY in locked_keys() else None


def generator_locked() -> bool:
    """Whether the policy fixes the generator. A policy that cannot be read stopped the app's
    start already; should it break since, `use_model` reports it, so it locks nothing here."""
    try:
        return KEY in locked_keys()
    except ConfigError:
        return False


def require_generator_choice(settings: Settings) -> None:
    """Raises PolicyForbids where the policy fixes the generator."""
    if KEY in locked_keys():
        value = settings.models.default_generator
        raise PolicyForbids(
            Message(
                "settings.turned_off_value",
                action=Message("settings.choosing_the_generator"),
                setting=KEY,
                value=value,
                source=source_of(KEY),
            )
        )


def enforce_locked_generator(settings: Settings) -> None:
    """Make the policy's packaged generator the active one, where the policy names one
    ("auto" leaves the app's own choice) and the models are registered already (on first
    use, registering the defaults applies the policy's choice)."""
    why = _why_locked()
    wanted = settings.models.default_generator
    if why is None or wanted == "auto":
        return
    from models import packaged
    from models.registry import ModelRegistry  # light: no runtime is imported

    registry = ModelRegistry(settings.models_dir)
    records = registry.records()
    if not records:
        return
    name = {
        "qwen": packaged.QWEN_NAME,
        "instruct": packaged.INSTRUCT_NAME,
    }[wanted]
    record = next(
        (
            r
            for r in records
            if r.kind == "generator" and r.name == name and r.source.startswith("package:")
        ),
        None,
    )
    if record is None:  # registered before this packaged model was: register it now
        record = registry.ensure_defaults(settings.model_cache_dir, generator=wanted)[wanted]
    active = registry.active("generator")
    if active is None or active.path != record.path or registry.why_active("generator") != why:
        registry.activate(record, why)
