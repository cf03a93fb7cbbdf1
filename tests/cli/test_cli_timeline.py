"""`chartside timeline`, `chartside brief` and ask JSON's `path` (issue 27, point 5),
through the real console entry point on the embedded database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import cli, ok

DOC: dict[str, Any] = {
    "format": "chartside.v1",
    "clients": [
        {
            "external_id": "c-7",
            "full_name": "Yael Cohen",
            "medical_history": "h/o asthma.",
            "notes": "",
            "sessions": [
                {
                    "external_id": "v-1",
                    "date": "2024-01-10T09:00:00",
                    "subjective": "Initial assessment.",
                    "objective": "BP 142/90. Wt 88.2 kg",
                    "assessment": "Hypertension.",
                    "plan": "Start lisinopril 10 mg daily. Ibuprofen 400 mg prn.",
                },
                {
                    "external_id": "v-2",
                    "date": "2024-02-09T09:00:00",
                    "subjective": "Follow-up visit.",
                    "objective": "BP 131/84, Wt 86.0 kg",
                    "assessment": "Hypertension, improving. Denies chest pain.",
                    "plan": "Continue lisinopril. Stop ibuprofen.\nRecheck BP in 4 weeks.",
                },
            ],
        }
    ],
}


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    ok(cli(d, "init"))
    src = tmp_path / "in.json"
    src.write_text(json.dumps(DOC), encoding="utf-8")
    ok(cli(d, "import", str(src)))
    return d


def test_timeline_prints_every_fact_with_its_session_date_field_and_span(imported: Path) -> None:
    facts = ok(cli(imported, "timeline", "--client", "c-7"))
    weights = [f for f in facts if f["name"] == "weight"]
    assert [(f["value"], f["session_external_id"], f["session_date"][:10]) for f in weights] == [
        (88.2, "v-1", "2024-01-10"),
        (86.0, "v-2", "2024-02-09"),
    ]
    w = weights[0]
    assert (w["field"], w["unit"], w["text"], w["line"]) == (
        "objective", "kg", "Wt 88.2 kg", "BP 142/90. Wt 88.2 kg",
    )  # fmt: skip
    start, end = w["span"]
    assert DOC["clients"][0]["sessions"][0]["objective"][start:end] == "Wt 88.2 kg"
    only = ok(cli(imported, "timeline", "--client", "c-7", "--kind", "medication"))
    assert {(f["name"], f["status"], f["session_external_id"]) for f in only} == {
        ("lisinopril", "started", "v-1"),
        ("ibuprofen", "started", "v-1"),
        ("lisinopril", "continued", "v-2"),
        ("ibuprofen", "stopped", "v-2"),
    }
    named = ok(cli(imported, "timeline", "--client", "c-7", "--name", "asthma"))
    # A lasting condition under "h/o" is still the patient's (docs/timeline.md).
    assert [(f["status"], f["session_external_id"]) for f in named] == [("present", None)]
    bad = cli(imported, "timeline", "--client", "c-7", "--kind", "vitamins")
    assert bad.returncode == 2


def test_brief_lists_what_the_last_visit_changed_each_line_cited(imported: Path) -> None:
    brief = ok(cli(imported, "brief", "--client", "c-7"))
    assert (brief["last_visit"][:10], brief["previous_visit"][:10]) == ("2024-02-09", "2024-01-10")
    texts = [line["text"] for line in brief["lines"]]
    assert "Systolic BP down 11 mmHg: 142 → 131" in texts
    assert "Weight down 2.2 kg: 88.2 → 86.0" in texts
    assert "Stopped ibuprofen" in texts
    assert "Plan: Recheck BP in 4 weeks" in texts
    changed = next(line for line in brief["lines"] if line["params"].get("name") == "weight")
    assert [s["session_external_id"] for s in changed["sources"]] == ["v-1", "v-2"]
    # No new diagnosis: hypertension was recorded before, chest pain only denied.
    assert not [line for line in brief["lines"] if line["kind"] == "new_diagnosis"]


def test_ask_json_says_which_path_answered(imported: Path) -> None:
    out = ok(cli(imported, "ask", "--client", "c-7", "What was the latest weight?"))
    assert out["path"] == "timeline"
    assert "86.0 kg on 2024-02-09 [1]" in out["answer"]
    assert [(s["n"], s["session_external_id"], s["used"]) for s in out["sources"]] == [
        (1, "v-2", True)
    ]


def test_brief_exports_a_referral_summary_with_dated_footnotes(
    imported: Path, tmp_path: Path
) -> None:
    out = tmp_path / "referral.txt"
    assert ok(cli(imported, "brief", "--client", "c-7", "--out", str(out))) == {"written": str(out)}
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Yael Cohen: since the last visit (2024-02-09)")
    assert "- Weight down 2.2 kg: 88.2 → 86.0 [1][2]" in text
    assert "[1] 2024-01-10, objective: BP 142/90. Wt 88.2 kg" in text
    assert "[2] 2024-02-09, objective: BP 131/84, Wt 86.0 kg" in text
    assert out.stat().st_mode & 0o077 == 0  # PHI: readable by its owner alone
    ok(cli(imported, "audit", "export", "--out", str(tmp_path / "a.json")))
    events = json.loads((tmp_path / "a.json").read_text())["events"]
    assert [e["action"] for e in events].count("brief.export") == 1
