"""`chartside transcribe AUDIO [--soap] [--client ID]`: a WAV or FLAC recording,
heard by the local speech model, printed as JSON: the transcript, each word with its time
and confidence, the numbers and drug names to check marked `review`. With `--client`, the
client's own medications and problems (from the timeline) are the recogniser's prompt, so
drug names come out spelled right. With `--soap`, the transcript's sentences sorted into a
SOAP draft, each with the time it was said and nothing that was not said."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli.context import EXIT_OK, Context
from app.cli.errors import FileAccessError
from app.cli.registry import command
from core.dictation.prompt import Vocabulary, initial_prompt, vocabulary_from_facts
from core.dictation.review import to_review
from core.dictation.soap import SECTIONS, SoapDraft, traces_to
from core.dictation.types import Transcript


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("audio", type=Path, help="a WAV or FLAC recording (read without FFmpeg)")
    p.add_argument(
        "--client",
        help="external id (or internal id) of the client whose medications and problems "
        "the recogniser is told to expect (unlocks the workspace)",
    )
    p.add_argument(
        "--soap",
        action="store_true",
        help="also sort the sentences into a SOAP draft, each with the time it was said",
    )


def transcript_json(t: Transcript, vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    review = to_review(t.words, vocabulary or Vocabulary())
    return {
        "text": t.text,
        "language": t.language,
        "duration_s": t.duration_s,
        "model_id": t.model_id,
        "words": [
            {
                "text": w.text,
                "start": w.start,
                "end": w.end,
                "confidence": round(w.confidence, 3),
                "review": review.get(i),
            }
            for i, w in enumerate(t.words)
        ],
    }


def soap_json(draft: SoapDraft, t: Transcript) -> dict[str, Any]:
    """Each section's sentences with their times and the words they are (indices into
    `words`); `traced` says every sentence is the transcript's own words."""
    return {
        "traced": traces_to(draft, t),
        "sections": {
            name: [
                {"text": s.text, "start": s.start, "end": s.end, "words": [s.first, s.last],
                 "why": s.why}
                for s in draft.section(name)
            ]
            for name in SECTIONS
        },
    }  # fmt: skip


@command(
    "transcribe",
    "speech to text on this computer: a WAV or FLAC recording as JSON, with word times "
    "and, with --soap, a SOAP draft",
    _arguments,
    description="Transcribes an English recording with the packaged Whisper model; nothing "
    "leaves the computer and nothing is written. Prints one JSON object: the text, and each "
    "word with its start and end (seconds), confidence (0-1) and whether to review it; "
    "with --soap, the sentences sorted into subjective, objective, assessment and plan, each "
    "with its time (the rules, and the local model where no rule places a sentence; no "
    "sentence is written that was not said).",
)
def transcribe(ctx: Context) -> int:
    from models.factory import open_transcriber
    from models.speech_audio import read_audio

    a = ctx.args
    vocabulary = Vocabulary()
    if a.client:
        ctx.unlock()
        client_id = ctx.svc.notes.resolve_client(a.client)
        vocabulary = vocabulary_from_facts(ctx.svc.timeline.facts(client_id))
    path: Path = a.audio
    if not path.is_file():
        raise FileAccessError(f"{path}: no such recording.")
    audio = read_audio(path)
    transcriber = open_transcriber(ctx.settings.models_dir, ctx.settings.model_cache_dir)
    try:
        transcript = transcriber.transcribe(
            audio, prompt=initial_prompt(vocabulary), progress=ctx.progress
        )
    finally:
        transcriber.close()
    out = transcript_json(transcript, vocabulary)
    if a.soap:
        out["soap"] = soap_json(ctx.svc.dictation.draft(transcript), transcript)
    print(json.dumps(out, ensure_ascii=False))
    return EXIT_OK
