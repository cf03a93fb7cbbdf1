"""The timeline's quality eval: labelled note fields for the extractor, and patients with
questions over time, from a generator of our own (independent of bench/retrieval/evalset/ and
clinosim, and unseen by the extractor's author).

`fields` writes the labelled fields (its docstring states what counts as a fact and how
facts match), `questions` the patients and questions over time, `scoring` scores both;
`bench/timeline/eval.py` runs them.
"""

from __future__ import annotations

from bench.timeline.kit.facts import Lang

# The languages every table of the set is written in, in the order the generator takes them.
LANGS: tuple[Lang, ...] = ("en", "he")
