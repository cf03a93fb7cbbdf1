"""Benchmarks and evals: each benchmark compares our path with the raw library doing the same
work, in one run; each eval scores quality on data the code was not tuned on.

Grouped by what they measure, one folder each: `store`, `runtime` (the model runtimes),
`retrieval`, `timeline`, `answers`, `dictation` and `documents`. At the top: the runner
(`python -m bench`), what writes each result (`producers`), the shared helpers (`common`),
and the tools that read the results (`quick`, `compare`, `stale`, `figures`,
`release_check`)."""
