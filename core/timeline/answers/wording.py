"""How a timeline answer is worded, in English and in Hebrew (a Hebrew question gets a
Hebrew answer). Values and dates are passed in already formatted; nothing here computes."""

from __future__ import annotations

from dataclasses import dataclass

from core.timeline.types import MEASURES

_MEASURE_EN = {
    "bp_systolic": "systolic blood pressure",
    "bp_diastolic": "diastolic blood pressure",
    "heart_rate": "heart rate",
    "respiratory_rate": "respiratory rate",
    "weight": "weight",
    "height": "height",
    "bmi": "BMI",
    "temperature": "temperature",
    "spo2": "SpO2",
    "pain": "pain score",
    "a1c": "A1c",
    "ldl": "LDL",
    "hdl": "HDL",
    "total_cholesterol": "total cholesterol",
    "glucose": "glucose",
    "creatinine": "creatinine",
    "egfr": "eGFR",
    "sodium": "sodium",
    "potassium": "potassium",
    "hemoglobin": "hemoglobin",
    "tsh": "TSH",
    "triglycerides": "triglycerides",
    "phq2": "PHQ-2",
    "phq9": "PHQ-9",
    "gad7": "GAD-7",
    "rom": "range of motion",
}
_MEASURE_HE = {
    "bp_systolic": "לחץ דם סיסטולי",
    "bp_diastolic": "לחץ דם דיאסטולי",
    "heart_rate": "דופק",
    "respiratory_rate": "קצב נשימה",
    "weight": "משקל",
    "height": "גובה",
    "bmi": "BMI",
    "temperature": "חום",
    "spo2": "סטורציה",
    "pain": "ציון כאב",
    "a1c": "A1c",
    "ldl": "LDL",
    "hdl": "HDL",
    "total_cholesterol": "כולסטרול כללי",
    "glucose": "גלוקוז",
    "creatinine": "קריאטינין",
    "egfr": "eGFR",
    "sodium": "נתרן",
    "potassium": "אשלגן",
    "hemoglobin": "המוגלובין",
    "tsh": "TSH",
    "triglycerides": "טריגליצרידים",
    "phq2": "PHQ-2",
    "phq9": "PHQ-9",
    "gad7": "GAD-7",
    "rom": "טווח תנועה",
}
# The stored units, as a reader writes them: questionnaire scores have none.
_UNIT_EN = {
    **MEASURES,
    "heart_rate": "bpm",
    "respiratory_rate": "breaths/min",
    "bmi": "kg/m²",
    "egfr": "mL/min/1.73m²",
    "phq2": "",
    "phq9": "",
    "gad7": "",
}
_UNIT_HE = {
    **_UNIT_EN,
    "heart_rate": "לדקה",
    "respiratory_rate": "נשימות לדקה",
    "weight": "ק״ג",
    "height": "ס״מ",
}
_GLUED = ("%", "/10", "°", "°C")  # written against the number: "97%", "6/10"


@dataclass(frozen=True)
class Words:
    hebrew: bool

    def _t(self, en: str, he: str) -> str:
        return he if self.hebrew else en

    # -- measures --------------------------------------------------------------------------
    def measure(self, names: tuple[str, ...]) -> str:
        if names == ("bp_systolic", "bp_diastolic"):
            return self._t("blood pressure", "לחץ דם")
        return (_MEASURE_HE if self.hebrew else _MEASURE_EN)[names[0]]

    def with_unit(self, value: str, name: str) -> str:
        unit = (_UNIT_HE if self.hebrew else _UNIT_EN).get(name, "")
        if not unit:
            return value
        return f"{value}{unit}" if unit in _GLUED else f"{value} {unit}"

    def value_on(self, value: str, day: str, cite: str) -> str:
        return self._t(f"{value} on {day} {cite}", f"{value} ב-{day} {cite}")

    def no_readings(self, name: str) -> str:
        return self._t(
            f"I found no note that records a {name} reading.",
            f"לא מצאתי רשומה שמתעדת מדידה של {name}.",
        )

    def no_readings_in(self, name: str, start: str | None, end: str | None) -> str:
        """No reading in a period: the period is said, since a reading outside it may be."""
        return self._t(
            f"I found no {name} reading {self.period(start, end)}.",
            f"לא מצאתי מדידה של {name} {self.period(start, end)}.",
        )

    def latest(self, name: str, item: str) -> str:
        return self._t(f"The latest {name} is {item}.", f"הערך האחרון של {name}: {item}.")

    def first(self, name: str, item: str) -> str:
        return self._t(
            f"The first recorded {name} is {item}.", f"הערך הראשון שתועד של {name}: {item}."
        )

    def last_n(self, name: str, n: int, found: int, items: list[str]) -> str:
        body = "; ".join(items)
        if found < n:
            return self._t(
                f"Only {found} {name} readings are recorded, newest first: {body}.",
                f"תועדו רק {found} מדידות של {name}, מהחדשה לישנה: {body}.",
            )
        return self._t(
            f"The last {n} {name} readings, newest first: {body}.",
            f"{n} המדידות האחרונות של {name}, מהחדשה לישנה: {body}.",
        )

    def change(self, name: str, first: str, last: str, delta: float, measure: str) -> str:
        size = self.with_unit(f"{abs(delta):g}", measure)
        if abs(delta) < 1e-9:
            how = self._t("unchanged", "ללא שינוי")
        elif delta > 0:
            how = self._t(f"up {size}", f"עלייה של {size}")
        else:
            how = self._t(f"down {size}", f"ירידה של {size}")
        return self._t(
            f"The {name} went from {first} to {last}: {how}.", f"{name}: מ-{first} ל-{last}, {how}."
        )

    def extreme(self, name: str, highest: bool, item: str, others: list[str]) -> str:
        """The highest (or lowest) reading, and every other visit that reached it too."""
        also_en = f", reached again {'; '.join(others)}" if others else ""
        also_he = f", וגם {'; '.join(others)}" if others else ""
        if highest:
            return self._t(
                f"The highest {name} on record is {item}{also_en}.",
                f"הערך הגבוה ביותר של {name}: {item}{also_he}.",
            )
        return self._t(
            f"The lowest {name} on record is {item}{also_en}.",
            f"הערך הנמוך ביותר של {name}: {item}{also_he}.",
        )

    def count(self, name: str, items: list[str], start: str | None, end: str | None) -> str:
        """How many visits recorded the measure in the period, each reading cited."""
        n = len(items)
        if start and end:
            when_en, when_he = f" between {start} and {end}", f" בין {start} ל-{end}"
        elif start:
            when_en, when_he = f" since {start}", f" מאז {start}"
        elif end:
            when_en, when_he = f" up to {end}", f" עד {end}"
        else:
            when_en = when_he = ""
        count_en = "1 reading" if n == 1 else f"{n} readings"
        count_he = "מדידה אחת" if n == 1 else f"{n} מדידות"
        return self._t(
            f"{count_en} of {name}{when_en}: {'; '.join(items)}.",
            f"{count_he} של {name}{when_he}: {'; '.join(items)}.",
        )

    def series(self, name: str, items: list[str]) -> str:
        return self._t(
            f"{name[:1].upper()}{name[1:]} readings: {'; '.join(items)}.",
            f"מדידות {name}: {'; '.join(items)}.",
        )

    # -- medications ---------------------------------------------------------------------------
    def drug_name(self, name: str) -> str:
        return name

    def drug(
        self, name: str, dose: str | None, status: str | None, cite: str, day: str | None = None
    ) -> str:
        text = f"{name} {dose}" if dose else name
        if status == "continued":
            text += self._t(" (continued)", " (המשך)")
        if day:
            text += self._t(f", last noted {day}", f", תועד לאחרונה ב-{day}")
        return f"{text} {cite}"

    def course(self, name: str, events: list[tuple[str, str | None, str, str]]) -> str:
        """Every event of a drug's course, oldest first: (status, dose, day, citation)."""
        en = {"started": "started", "stopped": "stopped", "continued": "continued"}
        he = {"started": "הותחלה", "stopped": "הופסקה", "continued": "נמשכה"}
        items: list[str] = []
        for status, dose, day, cite in events:
            how = self._t(en.get(status, "listed"), he.get(status, "ברשימת התרופות"))
            what = f"{how} {dose}" if dose else how
            items.append(self._t(f"{what} on {day} {cite}", f"{what} ב-{day} {cite}"))
        return self._t(
            f"{name} in the notes, oldest first: {'; '.join(items)}.",
            f"{name} ברשומות, מהישן לחדש: {'; '.join(items)}.",
        )

    def given_on(self, name: str, dose: str | None, day: str, cite: str) -> str:
        text = f"{name} {dose}" if dose else name
        return self._t(f"{text}, first on {day} {cite}", f"{text}, לראשונה ב-{day} {cite}")

    def prescribed_for(self, condition: str, given: list[str]) -> str:
        return self._t(
            f"Prescribed, of the drugs used for {condition}: {'; '.join(given)}.",
            f"נרשמו, מבין התרופות לטיפול ב-{condition}: {'; '.join(given)}.",
        )

    def no_visit_on(self, day: str) -> str:
        return self._t(f"No visit on {day} is in the notes.", f"אין בתיעוד מפגש בתאריך {day}.")

    def prescribed_at(self, day: str, given: list[str], stopped: list[str]) -> str:
        parts: list[str] = []
        if given:
            parts.append(
                self._t(
                    f"At the visit on {day} these were prescribed: {'; '.join(given)}.",
                    f"במפגש ב-{day} נרשמו: {'; '.join(given)}.",
                )
            )
        else:
            parts.append(
                self._t(
                    f"The note of {day} records no new prescription.",
                    f"ברשומת המפגש מ-{day} אין מרשם חדש.",
                )
            )
        if stopped:
            parts.append(
                self._t(f"Stopped: {'; '.join(stopped)}.", f"הופסקו: {'; '.join(stopped)}.")
            )
        return " ".join(parts)

    def no_current_meds(self) -> str:
        return self._t(
            "I found no note that records a current medication.",
            "לא מצאתי רשומה שמתעדת תרופה נוכחית.",
        )

    def current_meds(self, items: list[str]) -> str:
        return self._t(
            f"Current medications (not recorded as stopped): {'; '.join(items)}.",
            f"תרופות נוכחיות (שלא תועדה הפסקתן): {'; '.join(items)}.",
        )

    def med_first(self, name: str, day: str, dose: str | None, cite: str) -> str:
        dose_en, dose_he = (f" at {dose}", f" במינון {dose}") if dose else ("", "")
        return self._t(
            f"{name} was first prescribed on {day}{dose_en} {cite}.",
            f"{name} נרשמה לראשונה ב-{day}{dose_he} {cite}.",
        )

    def med_last(self, name: str, day: str, dose: str | None, cite: str) -> str:
        dose_en, dose_he = (f" at {dose}", f" במינון {dose}") if dose else ("", "")
        return self._t(
            f"{name} was last prescribed on {day}{dose_en} {cite}.",
            f"{name} נרשמה לאחרונה ב-{day}{dose_he} {cite}.",
        )

    def med_never_prescribed(self, name: str, status: str, day: str, cite: str) -> str:
        how_en = {"listed": "only listed", "stopped": "recorded as stopped"}.get(status, status)
        how_he = {"listed": "מופיעה רק ברשימת התרופות", "stopped": "תועדה כמופסקת"}.get(
            status, status
        )
        return self._t(
            f"No note records {name} as prescribed; it is {how_en}, last on {day} {cite}.",
            f"אין רשומה שבה {name} נרשמה; היא {how_he}, לאחרונה ב-{day} {cite}.",
        )

    def still_taking(
        self, name: str, status: str, day: str, dose: str | None, cite: str, last_visit: str
    ) -> str:
        """Whether the drug's last recorded event leaves it running: a stop is the end of
        its course unless a later note starts or lists it again."""
        text = f"{name} {dose}" if dose else name
        if status == "stopped":
            return self._t(
                f"No: {text} was recorded as stopped on {day} {cite}, and no later note "
                f"records it again (last visit {last_visit}).",
                f"לא: {text} תועדה כמופסקת ב-{day} {cite}, ואף רשומה מאוחרת יותר לא מתעדת "
                f"אותה שוב (ביקור אחרון {last_visit}).",
            )
        how_en = {"started": "started", "continued": "continued", "listed": "listed"}[status]
        how_he = {"started": "הותחלה", "continued": "נמשכה", "listed": "מופיעה ברשימת התרופות"}[
            status
        ]
        return self._t(
            f"Yes, as far as the notes go: {text} was last {how_en} on {day} {cite}, and no "
            f"later note stops it (last visit {last_visit}).",
            f"כן, לפי הרשומות: {text} {how_he} לאחרונה ב-{day} {cite}, ואף רשומה מאוחרת "
            f"יותר לא מפסיקה אותה (ביקור אחרון {last_visit}).",
        )

    def stopped(self, name: str, day: str, cite: str, again: tuple[str, str] | None) -> str:
        """When the drug was last recorded as stopped, and where a later note takes it up."""
        if again is None:
            return self._t(f"{name} was stopped on {day} {cite}.", f"{name} הופסקה ב-{day} {cite}.")
        return self._t(
            f"{name} was stopped on {day} {cite}, and recorded again on {again[0]} {again[1]}.",
            f"{name} הופסקה ב-{day} {cite}, ותועדה שוב ב-{again[0]} {again[1]}.",
        )

    def found_no_note(self, subject: str) -> str:
        return self._t(
            f"I found no note that mentions {subject}.", f"לא מצאתי רשומה שמזכירה את {subject}."
        )

    def nearest(self, asked: str, shown: list[tuple[str, str, str]]) -> str:
        """No note names `asked`; `shown` (name, first day, cite) are recorded names near it
        in meaning, offered for the clinician to judge, never said to be the same."""
        en = "; and ".join(f"{name}, first on {day} {cite}" for name, day, cite in shown)
        he = "; וכן ".join(f"{name}, לראשונה ב-{day} {cite}" for name, day, cite in shown)
        return self._t(
            f"I found no note that mentions {asked} by that name. Nearest in meaning, the "
            f"notes record {en}: check whether that is what you mean.",
            f"לא מצאתי רשומה שמזכירה את {asked} בשם הזה. הקרוב ביותר במשמעות שמתועד: {he}; "
            f"כדאי לבדוק אם לזה הכוונה.",
        )

    # -- diagnoses -----------------------------------------------------------------------------
    def condition(self, name: str) -> str:
        return name

    def only_negated(self, name: str, day: str, cite: str) -> str:
        return self._t(
            f"The notes mention {name} only as absent or ruled out, first on {day} {cite}.",
            f"הרשומות מזכירות {name} רק כשלילה, לראשונה ב-{day} {cite}.",
        )

    def still_has(self, name: str, status: str, day: str, cite: str) -> str:
        """A condition as the last note that names it records it."""
        if status == "present":
            return self._t(
                f"As far as the notes go, yes: the last note that names {name} records it as "
                f"present, on {day} {cite}.",
                f"לפי הרשומות, כן: הרשומה האחרונה שמזכירה את {name} מתעדת אותה כקיימת, "
                f"ב-{day} {cite}.",
            )
        how_en = {"negated": "absent", "history": "past history"}.get(status, status)
        how_he = {"negated": "שלילית", "history": "עבר"}.get(status, status)
        return self._t(
            f"Not as of the last note that names {name}: on {day} it is recorded as {how_en} "
            f"{cite}.",
            f"לא, לפי הרשומה האחרונה שמזכירה את {name}: ב-{day} היא מתועדת כ{how_he} {cite}.",
        )

    def first_diagnosed(self, name: str, day: str, cite: str) -> str:
        return self._t(
            f"{name} was first recorded on {day} {cite}.",
            f"{name} תועדה לראשונה ב-{day} {cite}.",
        )

    def onset_given(self, name: str, onset: str, cite: str, seen: tuple[str, str] | None) -> str:
        """The onset the record states, then the first visit that records the condition."""
        en = f"; first recorded at a visit on {seen[0]} {seen[1]}" if seen else ""
        he = f"; תועדה לראשונה במפגש ב-{seen[0]} {seen[1]}" if seen else ""
        return self._t(
            f"{name}: the record gives its onset as {onset} {cite}{en}.",
            f"{name}: לפי הרשומה הופיעה ב-{onset} {cite}{he}.",
        )

    # -- visits --------------------------------------------------------------------------------
    def no_visits(self) -> str:
        return self._t("No visit is recorded yet.", "עדיין לא תועד מפגש.")

    def no_visits_between(self, a: str | None, b: str | None) -> str:
        return self._t(
            f"No visit is recorded {self.period(a, b)}.", f"לא תועד מפגש {self.period(a, b)}."
        )

    # -- what the record cannot hold --------------------------------------------------------
    def period(self, start: str | None, end: str | None) -> str:
        """A period as a phrase with its preposition: "on X", "between X and Y", "since X",
        "up to Y"."""
        if start and start == end:
            return self._t(f"on {start}", f"ב-{start}")
        if start and end:
            return self._t(f"between {start} and {end}", f"בין {start} ל-{end}")
        if start:
            return self._t(f"since {start}", f"מאז {start}")
        return self._t(f"up to {end}", f"עד {end}")

    def not_yet(self, period: str, last: str, cite: str) -> str:
        return self._t(
            f"The period asked about ({period}) has not come yet: the last note is of "
            f"{last} {cite}.",
            f"התקופה שנשאלה ({period}) עוד לא הגיעה: הרישום האחרון הוא מ-{last} {cite}.",
        )

    def no_note_dated(self, period: str) -> str:
        return self._t(f"No note is dated {period}.", f"אין רישום {period}.")

    def span(self, lead: str, first: str, first_cite: str, last: str, last_cite: str) -> str:
        """`lead` (what was asked is not there), and the record's first and last notes."""
        return self._t(
            f"{lead.rstrip('.')}: the notes run from {first} {first_cite} to {last} {last_cite}.",
            f"{lead.rstrip('.')}: הרישומים הם מ-{first} {first_cite} עד {last} {last_cite}.",
        )

    def nearest_notes(self, lead: str, near: list[tuple[str, str]]) -> str:
        """`lead` (nothing on the day asked), and the notes on either side of it: `near`
        (day, cite)."""
        en = " and ".join(f"{d} {c}" for d, c in near)
        he = " ומ-".join(f"{d} {c}" for d, c in near)
        one = len(near) == 1
        return self._t(
            f"{lead.rstrip('.')}: the nearest {'note is' if one else 'notes are'} of {en}.",
            f"{lead.rstrip('.')}: "
            f"{'הרישום הקרוב ביותר הוא' if one else 'הרישומים הקרובים ביותר הם'} מ-{he}.",
        )

    def visits_between(self, items: list[str], start: str | None, end: str | None) -> str:
        n = len(items)
        when_en = f" between {start} and {end}" if start and end else ""
        when_he = f" בין {start} ל-{end}" if start and end else ""
        count_en = "1 visit" if n == 1 else f"{n} visits"
        count_he = "מפגש אחד" if n == 1 else f"{n} מפגשים"
        return self._t(
            f"{count_en}{when_en}: {'; '.join(items)}.",
            f"{count_he}{when_he}: {'; '.join(items)}.",
        )

    def since_last(self, day: str, cite: str, days: int) -> str:
        return self._t(
            f"The last visit was on {day} {cite}, {days} days ago.",
            f"המפגש האחרון היה ב-{day} {cite}, לפני {days} ימים.",
        )

    def first_visit(self, day: str, cite: str) -> str:
        return self._t(
            f"The first visit on record was on {day} {cite}.",
            f"המפגש הראשון שתועד היה ב-{day} {cite}.",
        )

    def last_visit(self, day: str, cite: str) -> str:
        return self._t(f"The last visit was on {day} {cite}.", f"המפגש האחרון היה ב-{day} {cite}.")

    # -- any record ----------------------------------------------------------------------------
    def subject(self, name: str) -> str:
        """A fact's name as a reader says it: "referral: cardiology" is a referral."""
        specialty = name.removeprefix("referral: ")
        if specialty == name:
            return name
        return self._t(f"a referral to {specialty}", f"הפניה ל-{specialty}")

    def on_day(self, day: str, cite: str, ordered: bool) -> str:
        if not ordered:
            return f"{day} {cite}"
        return self._t(f"{day} {cite} (ordered)", f"{day} {cite} (הוזמן)")

    def recorded(self, subject: str, shown: list[str], negated: bool) -> str:
        if negated:
            return self._t(
                f"The notes mention {subject} only as absent: {'; '.join(shown)}.",
                f"הרשומות מזכירות {subject} רק כשלילה: {'; '.join(shown)}.",
            )
        return self._t(
            f"Yes: {subject} is recorded on {'; '.join(shown)}.",
            f"כן: {subject} מתועד ב-{'; '.join(shown)}.",
        )


_EN, _HE = Words(False), Words(True)


def words_for(hebrew: bool) -> Words:
    return _HE if hebrew else _EN
