"""Message ids: why a model is the one in use (models/registry.py, app/models_setup.py,
app/policy_models.py), shown beside it on the Models screen and in the status bar."""

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
}
