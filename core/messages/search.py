# ruff: noqa: E501 (each English template on one line, to be found by grep)
"""Message ids: Search, indexing and the embedder."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "search.dimension_too_large": QT_TRANSLATE_NOOP(
        "Core", "an embedding dimension of {n} cannot be indexed (limit 4000)"
    ),
    "search.is_empty": QT_TRANSLATE_NOOP("Core", "is empty"),
    "search.must_be_between_1_and": QT_TRANSLATE_NOOP("Core", "must be between 1 and {n}"),
    "search.unknown_field": QT_TRANSLATE_NOOP("Core", "has an unknown field: {field}"),
    "search.starts_after_ends": QT_TRANSLATE_NOOP("Core", "starts after it ends"),
    "search.run_models_list_and_doctor": QT_TRANSLATE_NOOP(
        "Core", "Run `chartside models list` and `chartside doctor`."
    ),
    "search.no_other_embedder_advised": QT_TRANSLATE_NOOP(
        "Core", "No other embedder is advised for this workspace's notes."
    ),
    "search.model_not_installed": QT_TRANSLATE_NOOP(
        "Core", "{name} is not installed on this computer."
    ),
    "search.no_embedder_to_search": QT_TRANSLATE_NOOP(
        "Core", "No embedding model is available, so the notes cannot be searched."
    ),
    "search.no_embedder_to_index": QT_TRANSLATE_NOOP(
        "Core", "No embedding model is available, so notes cannot be indexed."
    ),
    "search.workspace_embedder_missing": QT_TRANSLATE_NOOP(
        "Core",
        "This workspace's notes are embedded with {name}, which is not installed on this computer, so they are searched by their words only.",
    ),
}
