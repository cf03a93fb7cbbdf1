"""The grounded-answer assistant's pure logic: question checks, prompt building, citation
parsing and rate limiting (docs/architecture.md). No model runtimes here: they arrive through
ports."""
