"""The grounded-answer assistant's pure logic: question checks, prompt building, citation
parsing and rate limiting (DESIGN §6). No model runtimes here: they arrive through ports."""
