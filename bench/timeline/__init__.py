"""The timeline's benchmarks and evals: its backfill and a question over time against the
raw cost of their parts (`speed`, `speed_questions`); facts read from notes (`eval`,
`eval_holdout`, `eval_blind`, `eval_ehr`) and questions over time (`eval_questions`,
`eval_overtime`, `eval_question_reader`), each on a set in `sets/`."""
