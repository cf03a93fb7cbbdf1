"""The timeline's quality eval: labelled note fields for the extractor, and patients with
questions over time, from a generator of our own (independent of bench/retrieval/evalset/ and
clinosim, and unseen by the extractor's author).

`fields` writes the labelled fields (its docstring states what counts as a fact and how
facts match), `questions` the patients and questions over time, `scoring` scores both;
`bench/timeline/eval.py` runs them.
"""
