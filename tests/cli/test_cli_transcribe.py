"""`chartside transcribe AUDIO [--client ID]` (issue 29, point 3) through the real console
entry point: the packaged speech model, WAV and FLAC, and the client's own drug names from
the timeline of a real workspace as the recogniser's prompt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import soundfile

from core.dictation.wer import words
from tests.cli.test_cli import cli, ok

DATA = Path(__file__).parents[1] / "data" / "dictation"

CLIENT: dict[str, Any] = {
    "format": "chartside.v1",
    "clients": [
        {
            "external_id": "c-29",
            "full_name": "Dana Levi",
            "medical_history": "Type 2 diabetes.",
            "notes": "",
            "sessions": [
                {
                    "external_id": "v-1",
                    "date": "2024-03-01T09:00:00",
                    "subjective": "Headaches.",
                    "objective": "BP 150/95.",
                    "assessment": "Hypertension.",
                    "plan": "Start lisinopril 10 mg daily. Continue metformin 500 mg bid.",
                }
            ],
        }
    ],
}


def _words(out: dict[str, Any]) -> list[str]:
    return [w["text"].strip(".,").lower() for w in out["words"]]


def test_a_wav_recording_is_printed_as_json_with_word_times_and_nothing_is_kept(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    out = ok(cli(data_dir, "transcribe", str(DATA / "knee.wav")))
    assert out["language"] == "en" and out["model_id"].startswith("whisper-base@")
    assert 10.5 < out["duration_s"] < 12.5
    assert {"ibuprofen", "400", "mg", "knee"} <= set(words(out["text"]))  # mg: either spelling
    assert out["text"] == " ".join(w["text"] for w in out["words"])
    for w in out["words"]:
        assert set(w) == {"text", "start", "end", "confidence", "review"}
        assert 0 <= w["start"] <= w["end"] <= out["duration_s"] and 0 <= w["confidence"] <= 1
    # No workspace: the transcript went to stdout only; not even a model registry was made.
    assert not data_dir.exists()


def test_the_clients_drugs_from_the_timeline_steer_the_spelling(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    ok(cli(data_dir, "init"))
    src = tmp_path / "in.json"
    src.write_text(json.dumps(CLIENT), encoding="utf-8")
    ok(cli(data_dir, "import", str(src)))
    recording = str(DATA / "chest_pain.wav")
    plain = ok(cli(data_dir, "transcribe", recording))
    steered = ok(cli(data_dir, "transcribe", recording, "--client", "c-29", "--soap"))
    assert "lisinopril" not in _words(plain)  # "listing April" without the client's lists
    assert "lisinopril" in _words(steered)
    # What the recogniser was unsure of is marked for review: numbers and drug names below
    # 0.7, any word below 0.4; nothing else.
    flagged = [w for w in plain["words"] if w["review"]]
    assert any(w["review"] == "number" for w in flagged)
    for w in plain["words"]:
        has_digit = any(c.isdigit() for c in w["text"])
        assert (w["review"] == "number") == (has_digit and w["confidence"] < 0.7)
        if not has_digit and w["review"] is None:
            assert w["confidence"] >= 0.4
    soap = steered["soap"]
    assert soap["traced"] is True
    sections = {name: " ".join(s["text"] for s in rows) for name, rows in soap["sections"].items()}
    assert "chest pain" in sections["subjective"] and "Blood pressure" in sections["objective"]
    assert "likely" in sections["assessment"] and "lisinopril" in sections["plan"]
    for rows in soap["sections"].values():
        for row in rows:
            first, last = row["words"]
            spoken = steered["words"][first:last]
            assert row["text"] == " ".join(w["text"] for w in spoken)
            assert (row["start"], row["end"]) == (spoken[0]["start"], spoken[-1]["end"])
    audit = ok(cli(data_dir, "audit", "verify"))
    assert audit["ok"] is True


def test_flac_is_read_too(tmp_path: Path) -> None:
    out = ok(cli(tmp_path / "data", "transcribe", str(DATA / "breathing.flac")))
    assert {"shortness", "breath", "72", "98", "percent"} <= set(words(out["text"]))


def test_a_missing_or_unreadable_recording_is_one_line_without_its_contents(
    tmp_path: Path,
) -> None:
    missing = cli(tmp_path / "data", "transcribe", str(tmp_path / "nothing.wav"))
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
    ogg = tmp_path / "Dana Levi visit.ogg"
    soundfile.write(ogg, np.zeros(1600, dtype=np.float32), 16000, format="OGG")
    refused = cli(tmp_path / "data", "transcribe", str(ogg))
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert "WAV or FLAC" in refused.stderr and "Dana" not in refused.stderr
