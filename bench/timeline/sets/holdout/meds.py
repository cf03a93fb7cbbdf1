"""Medication mentions: drugs by generic name with brands (English and Israeli), Hebrew
transliterations and a few misspellings; phrases for each status in English and Hebrew;
medication lists; switches (one stopped, one started); and allergies, which hold none."""

from __future__ import annotations

from dataclasses import dataclass

from bench.timeline.sets.holdout.base import Cycler, Piece, med

MAX_TYPOS = 10  # "a handful" of misspelt drug names over the whole set


@dataclass(frozen=True)
class Drug:
    brands: tuple[str, ...]
    he: tuple[str, ...]
    doses: tuple[str, ...]
    typos: tuple[str, ...] = ()


DRUGS: dict[str, Drug] = {
    "sertraline": Drug(
        ("Zoloft", "Lustral"), ("סרטרלין", "זולופט"), ("50 mg", "100 mg", "25mg"), ("sertaline",)
    ),
    "metformin": Drug(
        ("Glucophage", "Glucomin"),
        ("מטפורמין", "גלוקומין"),
        ("500 mg", "850 mg", "1 g", "1000mg"),
        ("metformine", "metfromin"),
    ),
    "lisinopril": Drug(("Zestril",), ("ליזינופריל",), ("10 mg", "20mg", "5 mg"), ("lisinipril",)),
    "amlodipine": Drug(("Norvasc",), ("אמלודיפין", "נורבסק"), ("5 mg", "10mg"), ("amlodipin",)),
    "atorvastatin": Drug(
        ("Lipitor",), ("אטורבסטטין", "ליפיטור"), ("20 mg", "40 mg", "80mg"), ("atorvastatine",)
    ),
    "rosuvastatin": Drug(("Crestor",), ("רוזובסטטין", "קרסטור"), ("10 mg", "20 mg", "5mg")),
    "ramipril": Drug(("Tritace",), ("רמיפריל", "טריטייס"), ("2.5 mg", "5 mg", "10mg")),
    "omeprazole": Drug(("Losec",), ("אומפרזול", "לוסק"), ("20 mg", "40mg"), ("omeprazol",)),
    "escitalopram": Drug(
        ("Lexapro", "Cipralex"),
        ("אסציטלופרם", "ציפרלקס"),
        ("10 mg", "5 mg", "20mg"),
        ("escitalopran",),
    ),
    "fluoxetine": Drug(("Prozac",), ("פלואוקסטין", "פרוזק"), ("20 mg", "40 mg")),
    "bisoprolol": Drug(
        ("Concor", "Cardiloc"),
        ("ביסופרולול", "קרדילוק"),
        ("2.5 mg", "5 mg", "1.25mg"),
        ("bisoprolo",),
    ),
    "empagliflozin": Drug(("Jardiance",), ("אמפגליפלוזין", "ג'ארדיאנס"), ("10 mg", "25 mg")),
    "semaglutide": Drug(
        ("Ozempic",), ("סמגלוטייד", "אוזמפיק"), ("0.25 mg weekly", "0.5 mg weekly", "1 mg weekly")
    ),
    "ibuprofen": Drug(
        ("Advil", "Nurofen"),
        ("איבופרופן", "אדוויל", "נורופן"),
        ("400 mg", "200mg", "600 mg"),
        ("ibuprofin",),
    ),
    "naproxen": Drug(("Naprosyn",), ("נפרוקסן", "נקסין"), ("500 mg", "250 mg")),
    "levothyroxine": Drug(
        ("Synthroid", "Eltroxin"), ("לבותירוקסין", "אלטרוקסין"), ("50 mcg", "75mcg", "100 mcg")
    ),
    "apixaban": Drug(("Eliquis",), ("אפיקסבן", "אליקוויס"), ("5 mg", "2.5 mg")),
    "clopidogrel": Drug(("Plavix",), ("קלופידוגרל", "פלביקס"), ("75 mg",)),
    "furosemide": Drug(("Lasix",), ("פוסיד", "פורוסמיד"), ("40 mg", "20mg")),
    "losartan": Drug(("Cozaar",), ("לוסרטן",), ("50 mg", "100mg")),
    "duloxetine": Drug(("Cymbalta",), ("דולוקסטין", "סימבלטה"), ("30 mg", "60 mg")),
    "pregabalin": Drug(("Lyrica",), ("פרגבלין", "ליריקה"), ("75 mg", "150mg")),
    "diclofenac": Drug(("Voltaren",), ("דיקלופנק", "וולטרן"), ("50 mg", "75mg")),
    "sitagliptin": Drug(("Januvia",), ("סיטגליפטין", "ג'נוביה"), ("100 mg", "50 mg")),
    "mirtazapine": Drug(("Remeron",), ("מירטזפין", "רמרון"), ("15 mg", "30 mg")),
    "bupropion": Drug(("Wellbutrin",), ("בופרופיון", "וולבוטרין"), ("150 mg", "300 mg")),
    "quetiapine": Drug(("Seroquel",), ("קווטיאפין", "סרוקוול"), ("25 mg", "50mg")),
    "simvastatin": Drug(("Zocor",), ("סימבסטטין", "סימוביל"), ("20 mg", "40 mg")),
    "allopurinol": Drug(("Zyloric",), ("אלופורינול", "זילוריק"), ("100 mg", "300 mg")),
}

POOLS: dict[str, tuple[str, ...]] = {
    "gp": (
        "lisinopril",
        "amlodipine",
        "atorvastatin",
        "omeprazole",
        "ibuprofen",
        "naproxen",
        "levothyroxine",
        "ramipril",
        "losartan",
        "simvastatin",
        "allopurinol",
        "metformin",
    ),
    "physio": ("ibuprofen", "naproxen", "diclofenac", "pregabalin", "duloxetine"),
    "psych": (
        "sertraline",
        "escitalopram",
        "fluoxetine",
        "mirtazapine",
        "bupropion",
        "quetiapine",
        "duloxetine",
    ),
    "dm": (
        "metformin",
        "empagliflozin",
        "semaglutide",
        "sitagliptin",
        "atorvastatin",
        "rosuvastatin",
        "ramipril",
        "lisinopril",
    ),
    "cardio": (
        "bisoprolol",
        "apixaban",
        "clopidogrel",
        "furosemide",
        "atorvastatin",
        "rosuvastatin",
        "amlodipine",
        "ramipril",
        "losartan",
    ),
}

FREQ = {
    "en": ("OD", "od", "BD", "bd", "BID", "daily", "once daily", "nocte", "mane", "q.d.", ""),
    "he": ("פעם ביום", "X2 ביום", "פעמיים ביום", "בערב", "x1", "בבוקר", ""),
}
AS_NEEDED = {"en": ("PRN", "prn", "TDS PRN"), "he": ("לפי הצורך", "עד 3 פעמים ביום")}
PRN_DRUGS = frozenset({"ibuprofen", "naproxen", "diclofenac"})
# Switches within a class: (from, to).
SWITCH_PAIRS = (
    ("sertraline", "escitalopram"),
    ("fluoxetine", "sertraline"),
    ("escitalopram", "bupropion"),
    ("mirtazapine", "sertraline"),
    ("lisinopril", "losartan"),
    ("ramipril", "losartan"),
    ("simvastatin", "atorvastatin"),
    ("atorvastatin", "rosuvastatin"),
    ("ibuprofen", "naproxen"),
    ("diclofenac", "naproxen"),
    ("sitagliptin", "semaglutide"),
    ("duloxetine", "pregabalin"),
)
REASONS = {
    "en": ("no longer needed", "course completed", "pt preference", "interaction", "BP at target"),
    "he": ("לבקשת המטופל", "סיום טיפול", "אין צורך", "בשל אינטראקציה"),
}

# Templates per status: {d} drug as written, {dose}, {freq}, {reason}; in Hebrew {b} is
# the drug with a joined preposition ב, {l} with ל, {h} with ה, {m} with מ.
PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "started": {
        "en": (
            "Start {d} {dose} {freq}",
            "commenced on {d} {dose} {freq}",
            "Initiated {d} {dose}",
            "New: {d} {dose} {freq}",
            "Rx {d} {dose} {freq}",
            "added {d} {dose} {freq}",
            "started {d} {dose} today",
            "{d} {dose} {freq} started",
        ),
        "he": (
            "התחלנו {d} {dose}",
            "הוחל טיפול {b} {dose}",
            "להתחיל {d} {dose} {freq}",
            "מתחיל טיפול {b} {dose}",
            "נרשם מרשם {l} {dose}",
            "הוסף {d} {dose} {freq}",
            "התחלת {d} {dose} {freq}",
        ),
    },
    "stopped": {
        "en": (
            "stop {d}",
            "d/c {d}",
            "{d} discontinued ({reason})",
            "ceased {d}",
            "pt stopped taking {d} ({reason})",
            "{d} stopped",
            "off {d} since last month",
            "STOP {d} {dose}",
        ),
        "he": (
            "הופסק {d}",
            "הפסיק ליטול {d}",
            "להפסיק {d}",
            "הפסקת טיפול {b}",
            "{d} - הופסק ({reason})",
            "הפסקנו את {h}",
            "מדווח שהפסיק ליטול {d}",
        ),
    },
    "continued": {
        "en": (
            "continue {d} {dose} {freq}",
            "cont. {d} {dose}",
            "remains on {d} {dose} {freq}",
            "c/w {d}",
            "no change to {d} {dose}",
            "{d} {dose} {freq} - continue",
            "keep {d} {dose} {freq}",
            "continues {d} {dose}",
            "increase {d} to {dose}",
        ),
        "he": (
            "ממשיך {d} {dose}",
            "להמשיך {d} {dose} {freq}",
            "ללא שינוי {b}",
            "ממשיכה טיפול {b} {dose}",
            "המשך {d} {dose}",
            "ממשיך ליטול את {h}",
            "להעלות מינון של {d} ל-{dose}",
        ),
    },
    "listed": {
        "en": ("on {d} {dose} {freq}", "takes {d} {dose} {freq}", "taking {d} {dose} {freq}"),
        "he": ("נוטל {d} {dose}", "מקבל {d} {dose} {freq}", "נוטלת {d} {dose} ביום"),
    },
}
LIST_HEADS = {
    "en": ("Meds: ", "Current medications: ", "Medications:\n- ", "Rx list: ", "On: "),
    "he": ("תרופות: ", "טיפול קבוע: ", "תרופות קבועות:\n- ", "נוטל: "),
}
SWITCHES = {
    "en": (
        "switched {a} to {b} {dose}",
        "changed from {a} to {b} {dose}",
        "{a} stopped, started {b} {dose} instead",
    ),
    "he": ("הוחלף {a} {lb} {dose}", "מעבר {ma} {lb} {dose}"),
}
DECLINED = {
    "en": (
        "discussed starting a statin, pt declined",
        "consider SGLT2i if A1c stays high",
        "offered an antidepressant - declined for now",
    ),
    "he": ("הוצע טיפול בסטטינים, המטופל סירב", "לשקול הוספת SGLT2 בהמשך"),
}
ALLERGIES = {
    "en": (
        "Allergies: penicillin",
        "NKDA",
        "allergic to sulfa",
        "ALLERGIC TO PENICILLIN",
        "Allergy: codeine",
        "Allergies: ibuprofen",
        "allergic to aspirin",
    ),
    "he": (
        "רגישות לפניצילין",
        "אלרגיה לאספירין",
        "ללא רגישויות ידועות",
        "רגיש לסולפה",
        "רגישות לאיבופרופן",
    ),
}


class Meds:
    """Drug names and phrases for one set: it counts the misspellings it has handed out."""

    def __init__(self, cyc: Cycler) -> None:
        self.cyc = cyc
        self.typos = 0
        # Brands every set must hold (twice each), handed out first.
        self.owed = {
            g: 2 for g in ("sertraline", "metformin", "atorvastatin", "amlodipine", "ibuprofen")
        }

    def word(self, generic: str, lang: str) -> str:
        """How the drug is written: generic, brand, a misspelling, Hebrew."""
        d, rng = DRUGS[generic], self.cyc.rng
        if self.owed.get(generic, 0) > 0 and lang == "en":
            self.owed[generic] -= 1
            return d.brands[0]
        if lang == "he" and rng.random() < 0.55:
            return rng.choice(d.he)
        r = rng.random()
        if d.typos and self.typos < MAX_TYPOS and r < 0.09:
            self.typos += 1
            return rng.choice(d.typos)
        if r < 0.35:
            return rng.choice(d.brands)
        return generic.capitalize() if r < 0.6 else generic

    def freq(self, generic: str, lang: str, dose: str) -> str:
        if "weekly" in dose or "בשבוע" in dose:
            return ""
        rng = self.cyc.rng
        if generic in PRN_DRUGS and rng.random() < 0.6:
            return rng.choice(AS_NEEDED[lang])
        return rng.choice(FREQ[lang])

    def dose(self, generic: str, lang: str) -> str:
        dose = self.cyc.rng.choice(DRUGS[generic].doses)
        if lang == "he" and self.cyc.rng.random() < 0.4:
            dose = dose.replace(" mg", ' מ"ג').replace("mg", " מג").replace(" weekly", " בשבוע")
        return dose

    def pick(self, pool: str, used: set[str]) -> str:
        free = [g for g in POOLS[pool] if g not in used]
        g = self.cyc.rng.choice(free)
        used.add(g)
        return g

    def phrase(self, status: str, pool: str, lang: str, used: set[str]) -> Piece:
        g = self.pick(pool, used)
        template = self.cyc.pick(f"med:{status}:{lang}", PHRASES[status][lang])
        dose = self.dose(g, lang)
        text = fill(template, self.word(g, lang), dose, self.freq(g, lang, dose), self.cyc, lang)
        return Piece(text, (med(g, status),))

    def listing(self, pool: str, lang: str, used: set[str], n: int) -> Piece:
        """A medication list: every drug on it is `listed`."""
        gs = [self.pick(pool, used) for _ in range(n)]
        items = []
        for g in gs:
            dose = self.dose(g, lang)
            parts = (self.word(g, lang), dose, self.freq(g, lang, dose))
            items.append(" ".join(x for x in parts if x))
        head = self.cyc.pick(f"medlist:{lang}", LIST_HEADS[lang])
        if head.endswith("- "):
            body = "\n- ".join(items)
        elif lang == "he" and len(items) > 1 and self.cyc.rng.random() < 0.6:
            last = items[-1]
            body = ", ".join(items[:-1]) + " " + join_prefix("ו", last)
        else:
            body = self.cyc.rng.choice((", ", "; ", ", ")).join(items)
        return Piece(head + body, tuple(med(g, "listed") for g in gs))

    def switch(self, pool: str, lang: str, used: set[str]) -> Piece | None:
        """One drug stopped for another of its class; None when the pool has no such pair."""
        pairs = [
            (a, b)
            for a, b in SWITCH_PAIRS
            if a in POOLS[pool] and b in POOLS[pool] and not {a, b} & used
        ]
        if not pairs:
            return None
        a, b = self.cyc.rng.choice(pairs)
        used.update((a, b))
        template = self.cyc.pick(f"switch:{lang}", SWITCHES[lang])
        wa, wb = self.word(a, lang), self.word(b, lang)
        text = template.format(
            a=wa, b=wb, ma=join_prefix("מ", wa), lb=join_prefix("ל", wb), dose=self.dose(b, lang)
        )
        return Piece(text, (med(a, "stopped"), med(b, "started")))


def join_prefix(letter: str, word: str) -> str:
    """A Hebrew one-letter prefix: joined to a Hebrew word, with a hyphen to a Latin one."""
    return f"{letter}{word}" if "\u05d0" <= word[0] <= "\u05ea" else f"{letter}-{word}"


def fill(template: str, word: str, dose: str, freq: str, cyc: Cycler, lang: str) -> str:
    rng = cyc.rng
    s = template.format(
        d=word,
        b=join_prefix("ב", word),
        l=join_prefix("ל", word),
        h=join_prefix("ה", word),
        dose=dose,
        freq=freq,
        reason=rng.choice(REASONS[lang]),
    )
    return " ".join(s.split())


def distractor(cyc: Cycler, kind: str, lang: str) -> Piece:
    """Words about drugs that record no medication event."""
    table = {"declined": DECLINED, "allergy": ALLERGIES}[kind]
    return Piece(cyc.pick(f"{kind}:{lang}", table[lang]))
