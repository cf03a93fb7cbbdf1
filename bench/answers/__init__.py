"""The answers' evals and benchmarks: the answer eval (`eval`, the second half of `make eval`)
and the single-visit answers on held-out notes (`eval_holdout`, its set in `holdout/`); the
ask end to end (`speed`, its parts in `ask/`) and its first sign of life (`first_sign`).

`questions` derives questions with known answers from the generator's structured data (the
same clinosim patients as the retrieval eval, never the note text); `scoring` says whether
an answer is correct, wrong or a refusal; `report` sums the outcomes up per kind and mode.
"""

from __future__ import annotations

KINDS = (
    "value_on_date",  # a lab or vital sign on a visit date: the value
    "bp_on_date",  # blood pressure on a visit date: "136/80"
    "first_diagnosed",  # a problem's onset date, from the medical history
    "medication_started",  # the date of the first visit that prescribed it
    "prescribed_for",  # the medication(s) given for a condition, or at a dated visit
    "procedure_when",  # a procedure or imaging study: the date of its visit
    "latest_value",  # the value at the latest visit that measured it
    "absent",  # not in the notes at all: the right outcome is a refusal
)
ANSWERABLE = KINDS[:-1]

# Acceptance goals (issue: answer quality). For the default generator, over the answerable
# questions, and for absent ones; extractive mode is judged by what it quotes.
GOALS = {
    "correct_min": 0.80,
    "wrong_max": 0.05,
    "absent_refused_min": 0.90,
    "extractive_relevant_quoted_min": 0.90,
}
