"""Diagnoses (present, negated, history, as docs/timeline.md reads them after ConText),
procedures done, referrals, the visit's type, and what looks like them but is none: a
family member's illness, a differential, a "?", a test still to come, a future visit."""

from __future__ import annotations

from bench.timeline.sets.blind.meds import _fill
from bench.timeline.sets.blind.seg import Label, Pick, Seg, cat, join, mark
from bench.timeline.sets.blind.vocab import (
    CHRONIC,
    COND,
    EVENTS,
    PROCEDURES,
    RULED_OUT,
    SPECIALTIES,
    SYMPTOMS,
    Condition,
    Named,
    referral_aliases,
)

PRESENT = {
    "en": ("{C}", "Dx: {C}", "{C} - stable", "known {C}", "{C}, well controlled",
           "new diagnosis of {C}", "Impression: {C}", "{C} - suboptimal control",
           "ongoing {C}"),
    "he": ("{C}", "אבחנה: {C}", "{C} - מאוזן", "ידוע כסובל מ{C}", "{C} לא מאוזן",
           "אובחן היום {C}", "התרשמות: {C}"),
}  # fmt: skip
COMPLAINT = {
    "en": ("c/o {C}", "presents with {C}", "complaining of {C} x 3/7", "PC: {C}"),
    "he": ("מתלונן על {C}", "פונה בשל {C}", "תלונה עיקרית: {C}", "מתלוננת על {C} מזה שבוע"),
}  # fmt: skip
NEGATED = {
    "en": ("denies {C}", "no {C}", "{C} ruled out", "no evidence of {C}", "negative for {C}",
           "no hx of {C}", "{C} excluded"),
    "he": ("שולל {C}", "ללא {C}", "נשלל {C}", "אין עדות ל{C}", "לא נמצאו סימנים ל{C}",
           "שוללת {C}"),
}  # fmt: skip
TWO_NEGATED = {
    "en": ("denies {C} or {E}", "no {C}, no {E}"),
    "he": ("ללא {C} או {E}", "שולל {C} ו{E}"),
}  # fmt: skip
# A negation ended by "but": the first negated, the second present.
BUT = {
    "en": ("denies {C} but reports {E}", "no {C}; however {E} since Tuesday"),
    "he": ("שולל {C} אבל מתלונן על {E}", "ללא {C}, אבל עם {E} מזה יומיים"),
}  # fmt: skip
HISTORY = {
    "en": ("h/o {C}", "previous {C} (2016)", "s/p {C} 2019", "past hx {C}",
           "{C} in 2014, resolved", "remote history of {C}", "hx of {C} years ago"),
    "he": ("ברקע {C}", "{C} בעבר", "מצב לאחר {C} (2017)", "עבר {C} ב-2015",
           "{C} בעבר, חלף"),
}  # fmt: skip
# No diagnosis at all: a family member's, a question, a differential, a screen.
NOT_DX = {
    "en": ("FHx: mother {C}, father {E} at 58", "Family history of {C}",
           "Mum has {C}", "?{C} - urine sent", "r/o {C}", "DDx: {C} vs {E}",
           "concerning for {C} - to investigate", "brother with {C}", "return if {C}"),
    "he": ("אמא עם {C}, אבא {E} בגיל 60", "היסטוריה משפחתית: {C}", "אח עם {C}",
           "חשד ל{C}", "לשלול {C}", "אבחנה מבדלת: {C} מול {E}", "סבא - {C}"),
}  # fmt: skip


def _names(c: Condition) -> tuple[str, ...]:
    return (*c.aliases, *c.en, *c.he)


class Problems:
    def __init__(self, p: Pick) -> None:
        self.p = p
        self.used: set[str] = set()  # a field names each condition once

    def written(self, c: Condition, lang: str) -> str:
        return self.p.cycle(f"{lang}/{c.name}", c.he if lang == "he" else c.en)

    def cond(self, status: str, lang: str, c: Condition) -> Seg:
        text = self.written(c, lang)
        return mark(text, Label("diagnosis", c.name, status=status, aliases=_names(c)))

    def pick(self, pool: tuple[str, ...], key: str) -> Condition:
        name = self.p.cycle(key, pool)
        for _ in range(20):
            if name not in self.used:
                break
            name = self.p.cycle(key, pool)
        self.used.add(name)
        return COND[name]

    def present(self, lang: str, pool: tuple[str, ...] = CHRONIC) -> Seg:
        c = self.pick(pool, "present")
        t = self.p.cycle(f"present/{lang}", PRESENT[lang])
        return _fill(t, {"C": self.cond("present", lang, c)})

    def complaint(self, lang: str) -> Seg:
        c = self.pick(SYMPTOMS, "complaint")
        t = self.p.cycle(f"complaint/{lang}", COMPLAINT[lang])
        return _fill(t, {"C": self.cond("present", lang, c)})

    def negated(self, lang: str) -> Seg:
        r = self.p.rng.random()
        if r < 0.2:
            a, b = self._two(SYMPTOMS, "neg2")
            t = self.p.cycle(f"neg2/{lang}", TWO_NEGATED[lang])
            return _fill(
                t, {"C": self.cond("negated", lang, a), "E": self.cond("negated", lang, b)}
            )
        if r < 0.35:
            a, b = self._two(SYMPTOMS, "but")
            t = self.p.cycle(f"but/{lang}", BUT[lang])
            return _fill(
                t, {"C": self.cond("negated", lang, a), "E": self.cond("present", lang, b)}
            )
        pool = RULED_OUT if r < 0.7 else SYMPTOMS
        c = self.pick(pool, f"neg/{pool[0]}")
        t = self.p.cycle(f"neg/{lang}", NEGATED[lang])
        return _fill(t, {"C": self.cond("negated", lang, c)})

    def history(self, lang: str) -> Seg:
        c = self.pick(EVENTS, "history")
        t = self.p.cycle(f"history/{lang}", HISTORY[lang])
        return _fill(t, {"C": self.cond("history", lang, c)})

    def not_dx(self, lang: str) -> Seg:
        a, b = self._two((*CHRONIC, *EVENTS), "notdx")
        t = self.p.cycle(f"notdx/{lang}", NOT_DX[lang])
        return _fill(t, {"C": Seg(self.written(a, lang)), "E": Seg(self.written(b, lang))})

    def _two(self, pool: tuple[str, ...], key: str) -> tuple[Condition, Condition]:
        a = self.pick(pool, key)
        b = self.pick(pool, key)
        while b.name == a.name:
            b = COND[self.p.one(pool)]
        self.used.add(b.name)
        return a, b

    def section(self, lang: str, heading: str, status: str, n: int) -> Seg:
        """A heading ("PMH:", "Active problems:") and the list it reaches."""
        pool = CHRONIC if status == "present" else (*EVENTS, *CHRONIC)
        chosen: list[Condition] = []
        for _ in range(n * 4):
            c = self.pick(pool, f"sec/{status}")
            if c.name not in {x.name for x in chosen}:
                chosen.append(c)
            if len(chosen) == n:
                break
        items: list[Seg] = []
        for c in chosen:
            year = f" ({self.p.rng.randint(1998, 2023)})" if self.p.chance(0.35) else ""
            # Under a background heading a lasting condition is still the patient's, its
            # year the onset; an event or an episodic condition is history.
            now = "present" if status == "history" and c.lasting else status
            items.append(cat(self.cond(now, lang, c), year))
        sep = self.p.one((", ", "; ", "\n- ", "\n"))
        lead = "\n- " if sep == "\n- " else (" " if sep != "\n" else "\n")
        head = heading.rstrip()
        return cat(head, lead, join(items, sep))


PROC_DONE = {
    "en": ("{P} today - normal", "{P} performed", "{P} done in clinic",
           "{P} carried out", "{P} - completed without complication", "Performed {P}"),
    "he": ("בוצע {P}", "{P} בוצע היום", "ביצענו {P}", "{P} - בוצע, ללא סיבוכים"),
}  # fmt: skip
PROC_LATER = {
    "en": ("{P} at next visit", "book {P}", "{P} to be arranged", "plan {P} in 6/52",
           "repeat bloods in 3 months"),
    "he": ("{P} בביקור הבא", "לתאם {P}", "לבצע {P} בהמשך", "בדיקות דם חוזרות בעוד 3 חודשים"),
}  # fmt: skip
# Of those, a test booked or arranged at this visit is ordered there (docs/timeline.md,
# "Procedures ordered"): a procedure fact with status "ordered". The rest is due later.
ORDERED = frozenset({"book {P}", "{P} to be arranged", "לתאם {P}"})
REFERRAL = {
    "en": ("Refer to {S}", "Referral to {S} sent", "Referred to {S} for assessment",
           "{S} referral done", "Ref {S}", "Referral: {S}", "Letter to {S}"),
    "he": ("הפניה ל{S}", "הופנה ל{S}", "מפנה ל{S}", "הפניה ל{S} ניתנה", "להפנות ל{S}"),
}  # fmt: skip
REFERRAL_LATER = {
    "en": ("consider referral to {S} if no improvement", "may need {S} input down the track"),
    "he": ("לשקול הפניה ל{S} אם לא ישתפר", "בהמשך אולי {S}"),
}  # fmt: skip


class Care:
    """Procedures, referrals and visit types."""

    def __init__(self, p: Pick) -> None:
        self.p = p

    def _word(self, x: Named, lang: str) -> str:
        return self.p.cycle(f"{lang}/{x.name}", x.he if lang == "he" else x.en)

    def procedure(self, lang: str, pool: tuple[str, ...] | None = None) -> Seg:
        items = [x for x in PROCEDURES if pool is None or x.name in pool]
        x = self.p.cycle(f"proc/{pool}", items)
        label = Label("procedure", x.name, aliases=(*x.aliases, *x.en, *x.he))
        t = self.p.cycle(f"procdone/{lang}", PROC_DONE[lang])
        return _fill(t, {"P": mark(self._word(x, lang), label)})

    def later(self, lang: str) -> Seg:
        x = self.p.one(PROCEDURES)
        t = self.p.cycle(f"proclater/{lang}", PROC_LATER[lang])
        word = self._word(x, lang)
        if t not in ORDERED:
            return _fill(t, {"P": Seg(word)})
        label = Label("procedure", x.name, status="ordered", aliases=(*x.aliases, *x.en, *x.he))
        return _fill(t, {"P": mark(word, label)})

    def referral(self, lang: str, pool: tuple[str, ...] | None = None) -> Seg:
        items = [x for x in SPECIALTIES if pool is None or x.name in pool]
        x = self.p.cycle(f"ref/{pool}", items)
        word = self._word(x, lang)
        label = Label("procedure", f"referral: {x.name}", aliases=referral_aliases(x))
        t = self.p.cycle(f"ref/{lang}", REFERRAL[lang])
        # The span is the whole phrase: the referral is the act, not the specialty's name.
        filled = _fill(t, {"S": Seg(word)})
        return mark(filled.text, label)

    def referral_later(self, lang: str) -> Seg:
        x = self.p.one(SPECIALTIES)
        t = self.p.cycle(f"reflater/{lang}", REFERRAL_LATER[lang])
        return _fill(t, {"S": Seg(self._word(x, lang))})


VISITS = {
    "en": (("initial", "New patient."), ("initial", "Initial assessment."),
           ("initial", "First visit -"), ("initial", "Intake session."),
           ("follow-up", "F/U visit."), ("follow-up", "Follow-up:"),
           ("follow-up", "Seen today for follow up."), ("follow-up", "Review appt."),
           ("telehealth", "Telephone consult."), ("telehealth", "Video consultation (pt at home)."),
           ("telehealth", "Phone review."), ("telehealth", "Telehealth session via Zoom.")),
    "he": (("initial", "ביקור ראשון."), ("initial", "פגישה ראשונה (אינטייק)."),
           ("initial", "פנייה ראשונה למרפאה."), ("follow-up", "ביקור חוזר."),
           ("follow-up", "בא למעקב."), ("follow-up", "ביקור מעקב -"),
           ("follow-up", "פגישת המשך."), ("telehealth", "שיחה טלפונית."),
           ("telehealth", "ייעוץ טלפוני."), ("telehealth", "מפגש בווידאו.")),
}  # fmt: skip
NEXT_VISIT = {
    "en": ("F/U 2/52", "RTC 6 weeks", "Review in 3 months", "see again 1/12", "next appt 4 wks"),
    "he": ("מעקב בעוד חודש", "ביקור חוזר בעוד 3 חודשים", "לחזור לביקורת בעוד שבועיים",
           "פגישה הבאה בעוד שבוע"),
}  # fmt: skip


def visit(p: Pick, lang: str) -> Seg:
    kind, text = p.cycle(f"visit/{lang}", VISITS[lang])
    aliases = {"follow-up": ("follow up", "followup", "review"), "telehealth": ("telephone",)}
    return mark(text, Label("visit", kind, aliases=aliases.get(kind, ())))


def next_visit(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"next/{lang}", NEXT_VISIT[lang]))
