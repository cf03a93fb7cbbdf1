"""The visit's type, from the subjective's first phrase that names one. Moved out of
`core.timeline.problems` unchanged."""

from __future__ import annotations

import re

from core.timeline.negation import E, W
from core.timeline.types import Fact

_VISITS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"{W}(?:{words}){E}", re.IGNORECASE))
    for name, words in (
        (
            "telehealth",
            r"telehealth|tele-health|telemedicine|tele-?visit|tele-?consult\w*|telephonic|"
            r"(?:phone|telephone|video) (?:f/u|f/up|fu|follow[- ]?up)|"
            r"e-?visit|virtual|via (?:video|zoom|teams|phone|telephone)|by (?:video|phone|"
            r"telephone)|over the (?:phone|telephone)|on zoom|zoom|(?:video|phone|telephone|"
            r"remote) (?:visit|call|consult\w*|appointment|session|review|follow[- ]?up|check-?in)|"
            r"טלרפואה|ביקור מרחוק|ייעוץ מרחוק|מפגש מרחוק|שיחת וידאו|שיחת וידיאו|בוידאו|בווידאו|"
            r"ביקור טלפוני|שיחה טלפונית|שיחת טלפון|מפגש טלפוני|מפגש וידאו|ייעוץ טלפוני|טלפונית|"
            r"בזום|זום|מפגש מקוון|פגישה מקוונת|ביקור וירטואלי|ברפואה מרחוק|רפואה מרחוק",
        ),
        (
            "initial",
            r"initial (?:assessment|visit|consult\w*|evaluation|appointment|session|review|"
            r"encounter|interview|meeting)|new patient|new client|first (?:visit|appointment|"
            r"session|consult\w*|meeting|encounter|assessment)|(?<!at )(?<!since )intake|"
            r"establish(?:ing)? care|first presentation|פנייה ראשונה|פניה ראשונה|"
            r"new to (?:clinic|practice|the clinic|the practice)|הערכה ראשונית|ביקור ראשון|"
            r"ביקור ראשוני|מפגש ראשון|מפגש ראשוני|פגישה ראשונה|פגישה ראשונית|קבלה ראשונית|"
            r"פגישת היכרות|מפגש היכרות|ביקור היכרות|פגישת אינטייק|אינטייק|מטופל חדש|מטופלת חדשה",
        ),
        (
            "follow-up",
            r"follow[- ]?up|f/u|f/up|f-up|(?-i:FU)|review visit|return visit|re-?assessment|"
            r"re-?visit|review (?:appt|appointment|consult\w*)|ביקור מעקב|מפגש מעקב|ביקורת|מעקב|"
            r"למעקב|ביקור חוזר|מפגש חוזר|פגישת מעקב|"
            r"פגישת המשך|מפגש המשך|ביקור המשך",
        ),
    )
)


def read_visit(text: str, field: str) -> list[Fact]:
    """The visit's type, from the first phrase of the subjective that names one ("Follow-up
    visit.", "Telehealth consult"). The plan's "f/u in 2 weeks" is the next visit's."""
    if field != "subjective":
        return []
    best: tuple[int, int, str] | None = None
    for name, pattern in _VISITS:
        m = pattern.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), name)
    if best is None:
        return []
    a, b, name = best
    return [Fact("visit", name, a, b, text[a:b])]
