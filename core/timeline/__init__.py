"""The clinical timeline (docs/timeline.md): facts read from every note, each with its session,
field and span, stored encrypted beside the note, and the questions over time answered
from them."""
