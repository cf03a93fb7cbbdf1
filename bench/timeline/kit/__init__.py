"""The kit every eval set of the timeline shares, for writing and for scoring:

- `facts`: a labelled field and the facts expected of it, the records every set is made of;
- `markup`: labels written inline with their words (`[[words||spec]]`), so each keeps its
  span; `inline` the older `[[words|label]]` form;
- `stored`: a set as committed, its data.json read as the scorer's fields;
- `scoring`: the extractor against the labelled fields, and an answer against its question.

A set's own vocabulary and snippets live in its folder in `sets/`; what two sets would
otherwise each write again lives here.
"""
