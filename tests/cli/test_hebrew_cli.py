"""Hebrew notes through the real console entry point: `models use-embedder
multilingual-e5-small`, then index, search and an extractive answer."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import cli, ok

SESSIONS = [
    (
        "s-mood",
        "2025-03-02T10:00:00",
        "מצב רוח ירוד ונדודי שינה מזה חודש.",
        "הוחל Sertraline 50 מ״ג.",
    ),
    ("s-knee", "2025-04-01T10:00:00", "כאבים בברך ימין בעליה במדרגות.", "הפניה לפיזיותרפיה."),
    ("s-bp", "2025-05-01T10:00:00", 'לחץ דם 150/95 ממ"כ.', "הוחל Amlodipine 5 מ״ג."),
]


def test_use_embedder_multilingual_then_hebrew_search_and_quote(tmp_path: Path) -> None:
    d = tmp_path / "data"
    ok(cli(d, "init"))
    sessions = [
        {
            "external_id": i,
            "date": day,
            "subjective": s,
            "objective": "",
            "assessment": "",
            "plan": p,
        }
        for i, day, s, p in SESSIONS
    ]
    doc = {
        "format": "chartside.v1",
        "clients": [{"external_id": "c1", "full_name": "דנה לוי", "sessions": sessions}],
    }
    (tmp_path / "he.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    ok(cli(d, "import", str(tmp_path / "he.json")))

    chosen = ok(cli(d, "models", "use-embedder", "multilingual-e5-small"))
    assert chosen["active"] and chosen["model_id"].startswith("multilingual-e5-small@")
    assert chosen["workspace"] is True  # recorded for the workspace, not only this desktop
    status = ok(cli(d, "index", "--wait"))
    assert status["complete"] and status["index"]["model"] == chosen["model_id"]

    hits = ok(cli(d, "search", "מתי התחילו הכאבים בברך?", "--k", "3"))
    assert hits[0]["session_external_id"] == "s-knee"
    hits = ok(cli(d, "search", "איזו תרופה קיבלה ליתר לחץ דם?", "--k", "3"))
    assert hits[0]["session_external_id"] == "s-bp"
    answer = ok(cli(d, "ask", "איזה מינון של Sertraline נקבע?", "--extractive"))
    assert not answer["refused"] and "Sertraline 50" in answer["answer"]
