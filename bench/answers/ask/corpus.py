"""The small synthetic client every part asks about, its questions, and its service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bench.answers.ask import ANSWER_TOKENS
from bench.common import PASSPHRASE, bench_settings

DAY = dt.datetime(2024, 1, 8, 9)

# (days after DAY, subjective, objective, assessment, plan).
SESSIONS = [
    (
        0,
        "Low mood and poor sleep for two months; lost interest in cycling.",
        "Flat affect, PHQ-9 score 16.",
        "Moderate depressive episode.",
        "Start sertraline 50 mg once daily; review in four weeks.",
    ),
    (
        28,
        "Mood slightly better. Mild nausea in the mornings since starting sertraline.",
        "PHQ-9 score 12. Blood pressure 128/82.",
        "Partial response; nausea is a known early side effect.",
        "Continue sertraline 50 mg, take it with breakfast; review in six weeks.",
    ),
    (
        70,
        "Right knee pain when climbing stairs after a fall while running.",
        "Mild effusion, full range of motion, tender medial joint line.",
        "Probable medial meniscus strain.",
        "Quadriceps strengthening exercises twice a day; ice after activity; no running "
        "for three weeks.",
    ),
    (
        95,
        "Lower back pain radiating down the left leg, worse after sitting at work.",
        "Positive straight leg raise on the left at 45 degrees.",
        "Suspected L5 radiculopathy.",
        "MRI of the lumbar spine requested; ibuprofen 400 mg three times daily with food.",
    ),
    (
        120,
        "Back pain improving. Anxious about deadlines at work.",
        "MRI of the lumbar spine showed a small L4-L5 disc bulge without nerve compression.",
        "Resolving radiculopathy; work-related anxiety.",
        "Physiotherapy referral; practise grounding techniques and paced breathing when "
        "anxious at work.",
    ),
    (
        150,
        "Feels tired and cold all the time; weight up 3 kg.",
        "TSH 7.9 mIU/L on the last blood test. Blood pressure 134/86.",
        "Levothyroxine dose probably too low.",
        "Increase levothyroxine to 100 mcg daily; repeat the thyroid blood test in eight weeks.",
    ),
    (
        180,
        "Sleeping seven hours a night now; mood steady. Back to cycling at weekends.",
        "PHQ-9 score 6. Blood pressure 124/80.",
        "Depression in remission.",
        "Continue sertraline 50 mg for at least six more months.",
    ),
]
HISTORY = "Hypothyroidism, on levothyroxine 75 mcg daily since 2019. Allergic to penicillin."
QUESTIONS = [
    "What dose of sertraline was started?",
    "What exercises were planned for the knee?",
    "What did the MRI of the lumbar spine show?",
    "What side effect did sertraline cause?",
    "When should the thyroid blood test be repeated?",
    "What was suggested for anxiety at work?",
    "How is her sleep now?",
    "What is she allergic to?",
]
# For the cache: a fresh question, then near-identical paraphrases of it (cosine 0.96-0.99
# with all-MiniLM-L6-v2; a hit needs 0.95). A refused answer is not stored, so fresh
# questions are tried in turn until enough answers are stored or none are left.
CACHE_SETS = [
    (QUESTIONS[0], ["Which dose of sertraline was started?", "What sertraline dose was started?"]),
    (
        QUESTIONS[1],
        ["Which exercises were planned for the knee?", "What knee exercises were planned?"],
    ),
    (QUESTIONS[2], ["What did the lumbar spine MRI show?", "What did the lumbar MRI show?"]),
    (
        QUESTIONS[3],
        ["Which side effect did sertraline cause?", "What side effect was caused by sertraline?"],
    ),
    (
        QUESTIONS[4],
        [
            "When is the thyroid blood test to be repeated?",
            "When should the thyroid test be repeated?",
        ],
    ),
    (
        QUESTIONS[5],
        ["What was advised for anxiety at work?", "What was suggested for work anxiety?"],
    ),
    (QUESTIONS[7], ["What's she allergic to?", "What is she allergic to"]),
]


def service(root: Path, name: str, generator: Any, embedder: Any) -> tuple[Any, Any]:
    """A fresh, indexed service over `root / name` holding the client; and its id."""
    from app.compose import migrations_dir
    from core.domain import ClientData, SessionData
    from core.services.service import ChartsideService

    settings = bench_settings(
        root / name,
        # No rate limit: the bench asks far faster than a clinician would.
        assistant={"max_answer_tokens": ANSWER_TOKENS, "rate_limit_per_minute": 0},
    )
    svc = ChartsideService(
        settings, migrations_dir(), embedder=embedder, generator=lambda: generator
    )
    svc.initialise(PASSPHRASE)
    client = svc.notes.create_client(
        ClientData(full_name="Noa Bench", medical_history=HISTORY, external_id="C-BENCH")
    ).id
    for days, s, o, a, p in SESSIONS:
        svc.notes.create_session(
            client,
            SessionData(
                date=DAY + dt.timedelta(days=days), subjective=s, objective=o, assessment=a, plan=p
            ),
        )
    svc.search.index_now()
    return svc, client
