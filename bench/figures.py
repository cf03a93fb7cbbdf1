"""The figures the docs (README.md and docs/*.md) quote from bench/results/: which result,
which of its JSON paths, and the document's words around them. Read by
tests/docs/test_readme_figures.py (each figure as measured, in whichever document quotes it) and
by `make release-check` (bench/release_check.py: no quoted figure from a stale result)."""

from __future__ import annotations

# (result, its JSON paths, the document's words with one number group per path). Each number
# must be the JSON's within half a unit of the document's last digit.
FIGURES: list[tuple[str, tuple[str, ...], str]] = [
    ("store", ("import_throughput.ratio_ours_over_raw",), r"(\d+(?:\.\d+)?)× raw psycopg"),
    ("store", ("note_save.ours.p50_ms",), r"a note save p50 (\d+(?:\.\d+)?) ms"),
    ("store", ("note_save.ours.p95_ms",), r"a note save p50 [\d.]+ ms, p95 (\d+(?:\.\d+)?) ms"),
    (
        "store",
        ("import_throughput.ours_sessions_per_s",),
        r"runs at (\d+(?:,\d{3})*) sessions/s",
    ),
    ("audit", ("ratio_ours_over_raw_time",), r"(\d+(?:\.\d+)?)× a bare\s+HMAC"),
    ("audit", ("ours_verify_s",), r"100,001 events (\d+(?:\.\d+)?) s \(goal 2 s\)"),
    (
        "models",
        ("embedding.throughput_ratio", "generation.tokens_per_s_ratio"),
        r"embedding (\d+(?:\.\d+)?)× and\s+generation (\d+(?:\.\d+)?)× the raw libraries",
    ),
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
        r"hybrid recall@5 / MRR (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?) \(goal 0\.90",
    ),
    (
        "eval",
        (
            "hebrew.english_questions.modes.hybrid.recall_at_5",
            "hebrew.english_questions.modes.hybrid.mrr",
        ),
        r"English questions (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?)\s+\(goal 0\.90",
    ),
    (
        "eval_answers",
        (
            "modes.qwen.answerable.correct",
            "modes.qwen.answerable.wrong",
            "modes.qwen.answerable.refused",
        ),
        r"Qwen2\.5-Coder-1\.5B (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?), SmolLM2",
    ),
    (
        "eval_answers",
        ("modes.qwen.absent.refused",),
        r"absent questions refused: (\d+(?:\.\d+)?) by each",
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
    (
        "ask",
        (
            "generators.qwen.cache.hits.p50_ms",
            "generators.qwen.cache.speedup_p50_miss_over_hit",
        ),
        r"cached\s+answer returns in (\d+) ms \((\d+)× faster",
    ),
    (
        "ask",
        (
            "generators.qwen.cancel.after_first_pieces.p95_ms",
            "generators.qwen.cancel.during_prompt_processing.p95_ms",
        ),
        r"cancel takes effect in (\d+) ms \(p95\)\s+while the model writes and (\d+) ms",
    ),
    (
        "backup",
        ("backup_s", "verify_s", "restore_checked_s"),
        r"backed up in (\d+(?:\.\d+)?) s,\s+verified in (\d+(?:\.\d+)?) s, "
        r"restored and checked in (\d+(?:\.\d+)?) s",
    ),
    ("crash_load", ("load.saves",), r"10 s made (\d+(?:,\d{3})*) saves with none lost"),
    (
        "crash_load",
        ("db_kill.acknowledged", "app_kill.acknowledged"),
        r"(\d+) acknowledged saves all survived; killing the app, (\d+) acknowledged",
    ),
    (
        "e5_isolation",
        (
            "cases.same_process_e5_all_threads.torch_slowdown",
            "cases.same_process_e5_all_threads.e5_query_ms_p95",
            "cases.e5_alone_in_process_1_thread.e5_query_ms_p95",
        ),
        r"slowed torch (\d+(?:\.\d+)?)× and put its own query p95 at (\d+) ms \((\d+) ms alone\)",
    ),
    # docs/benchmarks.md, the timeline's measured history
    (
        "timeline",
        ("ratio_bare_over_backfill",),
        r"takes [\d.]+ s at\s+(\d+(?:\.\d+)?)× a bare run",
    ),
    ("timeline", ("brief.p95_ms",), r"with 20 visits p95 (\d+) ms"),
    # docs/benchmarks.md, documents
    (
        "eval_documents",
        ("summary.text_pdf_cer", "summary.scan_cer"),
        r"Character error (\d+(?:\.\d+)?)\s+on text PDFs \(goal 0\.01, \w+\) and "
        r"(\d+(?:\.\d+)?) on scans",
    ),
    (
        "eval_documents",
        ("summary.text_pdf_lab_number_recall", "summary.scan_lab_number_recall"),
        r"Lab numbers: recall (\d+(?:\.\d+)?) on text PDFs \(goal 0\.95, \w+\) and "
        r"(\d+(?:\.\d+)?)\s+on scans",
    ),
    (
        "eval_documents",
        ("retrieval.he.recall_at_5", "retrieval.en.recall_at_5"),
        r"(\d+(?:\.\d+)?) in a\s+workspace created in Hebrew and (\d+(?:\.\d+)?) in one",
    ),
    (
        "eval_documents",
        ("speed.scan.ours_p50_s", "speed.scan.ratio_ours_over_raw"),
        r"A scanned page takes p50 (\d+(?:\.\d+)?)\s+s \(goal 3 s\), (\d+(?:\.\d+)?)× bare",
    ),
    (
        "eval_documents",
        ("speed.text.ours_p50_ms", "speed.text.ratio_ours_over_raw"),
        r"a text page p50 (\d+(?:\.\d+)?) ms \(goal 50 ms\), (\d+(?:\.\d+)?)× bare",
    ),
    (
        "eval_timeline_holdout",
        (
            "holdout.per_kind.measurement.precision",
            "holdout.per_kind.measurement.recall",
        ),
        r"measurement \| (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?) \|",
    ),
    (
        "eval_timeline_overtime_holdout",
        ("over_time.overall.correct", "over_time.overall.wrong"),
        r"eval_timeline_overtime_holdout\.json`\): (\d+) of 118 correct, (\d+) wrong",
    ),
    # docs/dictation.md, the held-out set
    (
        "eval_dictation_holdout",
        ("wer", "key_error_rate"),
        r"held-out\s+set, as the product hears: word error rate (\d+\.\d+), drug names and"
        r"\s+numbers (\d+\.\d+)",
    ),
    (
        "eval_dictation_holdout",
        ("key_error_rate_model_alone", "key_error_rate_without_prompt"),
        r"by the model alone with the prompt (\d+\.\d+) and\s+without it (\d+\.\d+)",
    ),
    (
        "eval_dictation_holdout",
        (
            "soap_halves.dev.soap_right",
            "soap_halves.dev.soap_sentences",
            "soap_halves.test.soap_right",
            "soap_halves.test.soap_sentences",
        ),
        r"By the rules, dev half (\d+) of (\d+), test half (\d+) of (\d+)",
    ),
    (
        "eval_dictation_holdout",
        ("soap_model_unplaced_right", "soap_sentences"),
        r"With `models\.soap_model_sort` on, it placed right (\d+) of (\d+)",
    ),
    (
        "eval_dictation_holdout",
        ("soap_model_right",),
        r"Alone it placed\s+(\d+) of \d+ \(0\.\d+\)\. On the first set the model",
    ),
    (
        "eval_dictation_holdout",
        ("soap_right", "soap_sentences", "untraced_drafts", "real_time_factor"),
        r"right section by the rules (\d+) of (\d+); (\d+) drafts\s+untraced; real-time"
        r" factor (\d+\.\d+)",
    ),
    (
        "eval_dictation_holdout",
        (
            "families.espeak.wer",
            "families.espeak.key_error_rate",
            "families.espeak.key_error_rate_model_alone",
        ),
        r"\| espeak, held out \| \d+ \| \d+ s \| (\d+\.\d+) \| (\d+\.\d+) of \d+ \| (\d+\.\d+) \|",
    ),
    (
        "eval_dictation_holdout",
        (
            "families.piper.wer",
            "families.piper.key_error_rate",
            "families.piper.key_error_rate_model_alone",
        ),
        r"\| piper, held out \| \d+ \| \d+ s \| (\d+\.\d+) \| (\d+\.\d+) of \d+ \| (\d+\.\d+) \|",
    ),
    # docs/dictation.md, the first words of a take
    (
        "dictation_first_words",
        ("quiet.first_words.p50_ms", "quiet.first_words.p95_ms"),
        r"first words\s+appeared p50 (\d+(?:\.\d+)?) s / p95 (\d+(?:\.\d+)?) s after the speech",
    ),
    (
        "dictation_first_words",
        ("busy.first_words.p50_ms", "busy.first_words.p95_ms"),
        r"and p50\s+(\d+(?:\.\d+)?) s / p95 (\d+(?:\.\d+)?) s beside one spinning process",
    ),
    (
        "dictation_first_words",
        ("quiet.raw_first_1_5_s.p50_ms", "quiet.ours_over_raw_median"),
        r"first 1\.5 s took p50 (\d+(?:\.\d+)?) s; the delay is (\d+(?:\.\d+)?)× that",
    ),
]
# Where a document says which commit a result measured.
COMMITS: list[tuple[str, str]] = [
    ("store", r"Figures from `make bench` at commit ([0-9a-f]{7,})"),
    ("audit", r"`audit\.json` and `models\.json` at\s+([0-9a-f]{7,})"),
    ("models", r"`audit\.json` and `models\.json` at\s+([0-9a-f]{7,})"),
    ("index_threads", r"`index_threads\.json` at ([0-9a-f]{7,})"),
    ("backup", r"\(`backup\.json`, ([0-9a-f]{7,})\)"),
    ("crash_load", r"\(`crash_load\.json`,\s+([0-9a-f]{7,})\)"),
    ("e5_isolation", r"\(`e5_isolation\.json`, ([0-9a-f]{7,})\)"),
    ("retrieval", r"`bench/results/retrieval\.json`,\s+commit ([0-9a-f]{7,})"),
    ("eval", r"`bench/results/eval\.json`, commit ([0-9a-f]{7,})"),
    ("eval_answers", r"The current run \(packaged generators: commit ([0-9a-f]{7,})\)"),
    ("ask", r"`bench/results/ask\.json`,\s+commit ([0-9a-f]{7,})"),
    # docs/benchmarks.md, the timeline's measured history: one sentence names the three
    # results' commit
    ("eval_timeline", r"Figures at commit ([0-9a-f]{7,}) \(`bench/results/eval_timeline\.json`"),
    (
        "eval_timeline_holdout",
        r"Figures at commit ([0-9a-f]{7,}) \([^)]*`eval_timeline_holdout\.json`",
    ),
    ("timeline", r"Figures at commit ([0-9a-f]{7,}) \([^)]*`timeline\.json`"),
    (
        "eval_timeline_overtime_holdout",
        r"Held-out questions over time at commit ([0-9a-f]{7,})\s+\(",
    ),
    ("eval_documents", r"`bench/results/eval_documents\.json`, commit ([0-9a-f]{7,})"),
    ("dictation_first_words", r"`dictation_first_words\.json`, commit ([0-9a-f]{7,})"),
    ("eval_dictation_holdout", r"`eval_dictation_holdout\.json`, commit ([0-9a-f]{7,})"),
]
