"""The figures the docs (README.md and docs/*.md) quote from bench/results/: which result,
which of its JSON paths, and the document's words around them. Read by
tests/test_readme_figures.py (each figure as measured, in whichever document quotes it) and
by `make release-check` (bench/release_check.py: no quoted figure from a stale result)."""

from __future__ import annotations

# (result, its JSON paths, the document's words with one number group per path). Each number
# must be the JSON's within half a unit of the document's last digit.
FIGURES: list[tuple[str, tuple[str, ...], str]] = [
    ("store", ("import_throughput.ratio_ours_over_raw",), r"(\d+(?:\.\d+)?)× raw psycopg"),
    ("store", ("note_save.ours.p50_ms",), r"a note save p50 (\d+(?:\.\d+)?) ms"),
    ("audit", ("ratio_ours_over_raw_time",), r"(\d+(?:\.\d+)?)× a bare\s+HMAC"),
    (
        "index_threads",
        ("ratio_best_raw_s_over_ours_s.quiet.2", "ratio_best_raw_s_over_ours_s.busy.2"),
        r"2\s+torch threads runs at (\d+(?:\.\d+)?)× \(quiet\) and (\d+(?:\.\d+)?)× \(beside",
    ),
    (
        "retrieval",
        (
            "indexing_templated.clinosim.speedup_raw_all_s_over_ours_s",
            "indexing_templated.factories.speedup_raw_all_s_over_ours_s",
        ),
        r"\(80% distinct\) is (\d+(?:\.\d+)?)× as fast.*?\(44%\s+distinct\) (\d+(?:\.\d+)?)×",
    ),
    (
        "retrieval",
        ("indexing.ratio_raw_s_over_ours_s",),
        r"distinct notes index at (\d+(?:\.\d+)?)×",
    ),
    (
        "retrieval",
        ("recall.workspace.recall_at_10_ties_allowed",),
        r"ef_search=300: recall@10\s+(\d+(?:\.\d+)?) against exact search",
    ),
    (
        "eval",
        ("modes.hybrid.recall_at_5", "modes.hybrid.mrr"),
        r"424 questions,\s+hybrid recall@5 / MRR (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?)",
    ),
    ("eval", ("dated.recall_at_5",), r"hybrid recall@5 is (\d+(?:\.\d+)?)\s+\(goal 0\.95\)"),
    (
        "eval",
        ("hebrew.modes.hybrid.recall_at_5", "hebrew.modes.hybrid.mrr"),
        r"hybrid recall@5 / MRR (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?) \(goal 0\.85",
    ),
    (
        "eval_answers",
        (
            "modes.qwen.answerable.correct",
            "modes.qwen.answerable.wrong",
            "modes.qwen.answerable.refused",
        ),
        r"\*\*all answerable \(42\)\*\* \| [^|]+ \| "
        r"\*\*(\d+(?:\.\d+)?) / (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?)\*\*",
    ),
    (
        "eval_answers",
        ("modes.qwen.absent.refused",),
        r"absent refused ≥ 0\.90 \((\d+(?:\.\d+)?), met\)",
    ),
    (
        "ask",
        (
            "generators.qwen.end_to_end.ours_total.p50_ms",
            "generators.qwen.end_to_end.ours_total.p95_ms",
        ),
        r"`ask` with Qwen measured p50 (\d+(?:\.\d+)?) s / p95 (\d+(?:\.\d+)?) s",
    ),
    (
        "ask",
        ("generators.qwen.end_to_end.ours_ttft.p50_ms",),
        r"first word after (\d+(?:\.\d+)?) s",
    ),
]
# Where a document says which commit a result measured.
COMMITS: list[tuple[str, str]] = [
    ("store", r"Figures from `make bench` at commit ([0-9a-f]{7,})"),
    ("index_threads", r"`index_threads\.json` at ([0-9a-f]{7,})"),
    ("retrieval", r"`bench/results/retrieval\.json`,\s+commit ([0-9a-f]{7,})"),
    ("eval", r"`bench/results/eval\.json`, commit ([0-9a-f]{7,})"),
    ("eval_answers", r"All four columns: commit ([0-9a-f]{7,})"),
    ("ask", r"`bench/results/ask\.json`,\s+commit ([0-9a-f]{7,})"),
]
