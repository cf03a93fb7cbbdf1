"""The retrieval eval's data set: patients from a public synthetic-patient generator.

clinosim (PyPI, MIT licence) simulates a population and a hospital forward from a seed and
writes FHIR R4: Patients, Encounters, Observations, MedicationRequests, Conditions and
Compositions whose sections are the clinician's notes. Each Encounter becomes one
chartside session (its notes' sections mapped onto S/O/A/P); the problem list, allergies
and family history become the client's fields. The questions are derived from the
structured resources alone, never from the note text, and each names the sessions (or
client fields) that hold its answer. None of the text or the questions is ours.

`clinosim` runs the generator, `patients` reads its FHIR, `document` writes the
chartside.v1 import, `questions` derives the questions (`dated`: a value asked by its
visit's date; `text`: whether a text states a value). `hebrew` writes the Hebrew twin:
the same patients' notes and questions from Hebrew templates, and the same questions asked
in English (a Hebrew practice's English-speaking clinician). Everything is
deterministic: a fixed seed and a fixed simulated period.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.retrieval.evalset.clinosim import POPULATION, SEED, dataset_info, generate, resources
from bench.retrieval.evalset.document import to_doc
from bench.retrieval.evalset.hebrew import hebrew_doc, hebrew_patients, twin_questions
from bench.retrieval.evalset.patients import Patient, patients
from bench.retrieval.evalset.questions import MAX_TARGETS, Question, Target, mentions, questions

__all__ = ["MAX_TARGETS", "EvalSet", "Question", "Target", "build", "hebrew", "mentions"]


@dataclass(frozen=True)
class EvalSet:
    doc: dict[str, Any]
    questions: list[Question]
    dataset: dict[str, Any]
    # The structured data behind the document, for the answer eval's own questions.
    patients: list[Patient] = field(default_factory=list, compare=False, repr=False)
    # The Hebrew twin's questions asked in English (`hebrew`): same facts and targets.
    english_questions: list[Question] = field(default_factory=list, compare=False, repr=False)


def build(population: int = POPULATION, seed: int = SEED) -> EvalSet:
    """Generate, convert and derive the questions. About ten seconds."""
    with tempfile.TemporaryDirectory(prefix="chartside-eval-") as tmp:
        found = patients(resources(generate(Path(tmp), population, seed)))
    doc = to_doc(found)
    qs = questions(found, seed)
    info = {
        **dataset_info(population, seed),
        "clients": len(doc["clients"]),
        "sessions": sum(len(c["sessions"]) for c in doc["clients"]),
        "questions": len(qs),
    }
    return EvalSet(doc, qs, info, found)


def hebrew(data: EvalSet, seed: int = SEED) -> EvalSet:
    """The Hebrew twin of `data`: its patients' notes and questions in Hebrew."""
    found = hebrew_patients(data.patients, seed)
    doc = hebrew_doc(found)
    qs, english = twin_questions(found, seed)
    info = {
        **data.dataset,
        "language": "he",
        "source": f"{data.dataset.get('source', '')}; notes and questions from Hebrew "
        "templates over the same structured data (bench/retrieval/evalset/hebrew.py)",
        "questions": len(qs),
    }
    return EvalSet(doc, qs, info, found, english)
