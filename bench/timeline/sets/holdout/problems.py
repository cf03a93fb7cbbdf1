"""Diagnosis mentions: conditions and symptoms with their English and Hebrew spellings,
phrased as present, negated or history; and family history, which is no fact of the
patient's."""

from __future__ import annotations

from bench.timeline.sets.holdout.base import Cycler, Piece, dx
from bench.timeline.sets.holdout.conditions import CONDITIONS
from bench.timeline.sets.holdout.meds import join_prefix

POOLS: dict[str, dict[str, tuple[str, ...]]] = {
    "gp": {
        "present": (
            "hypertension",
            "type 2 diabetes",
            "hyperlipidaemia",
            "hypothyroidism",
            "asthma",
            "copd",
            "gout",
            "gastro-oesophageal reflux",
            "obesity",
            "headache",
            "chest pain",
            "cough",
            "sore throat",
            "dizziness",
            "fatigue",
        ),
        "negated": (
            "chest pain",
            "shortness of breath",
            "headache",
            "deep vein thrombosis",
            "pneumonia",
            "fracture",
            "palpitations",
            "cough",
        ),
        "history": (
            "myocardial infarction",
            "deep vein thrombosis",
            "pulmonary embolism",
            "stroke",
            "pneumonia",
            "kidney stones",
            "breast cancer",
        ),
    },
    "physio": {
        "present": (
            "low back pain",
            "frozen shoulder",
            "osteoarthritis",
            "plantar fasciitis",
            "rotator cuff tendinopathy",
        ),
        "negated": ("fracture", "headache"),
        "history": ("acl tear", "ankle sprain", "fracture"),
    },
    "psych": {
        "present": (
            "major depressive disorder",
            "generalised anxiety disorder",
            "ptsd",
            "insomnia",
        ),
        "negated": ("suicidal ideation", "psychosis"),
        "history": ("postnatal depression", "anorexia nervosa", "self harm"),
    },
    "dm": {
        "present": (
            "type 2 diabetes",
            "chronic kidney disease",
            "obesity",
            "hypertension",
            "hyperlipidaemia",
            "peripheral neuropathy",
        ),
        "negated": ("diabetic retinopathy", "hypoglycaemia"),
        "history": ("gestational diabetes", "myocardial infarction", "stroke"),
    },
    "cardio": {
        "present": (
            "atrial fibrillation",
            "heart failure",
            "coronary artery disease",
            "hypertension",
            "hyperlipidaemia",
        ),
        "negated": (
            "chest pain",
            "palpitations",
            "shortness of breath",
            "acute coronary syndrome",
            "ankle swelling",
        ),
        "history": ("myocardial infarction", "stroke", "deep vein thrombosis"),
    },
}

# {x}: the condition as written; in Hebrew {mx} / {lx} / {vx}: with a joined מ / ל / ו.
PHRASES: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("present", "chronic"): {
        "en": (
            "Dx: {x}",
            "{x} - stable",
            "{x}, well controlled",
            "{x} - suboptimal control",
            "Impression: {x}",
            "new diagnosis of {x}",
            "known {x}",
            "# {x}",
            "working diagnosis {x}",
        ),
        "he": (
            "אבחנה: {x}",
            "{x} - מאוזן",
            "{x}, לא מאוזן",
            "ידוע על {x}",
            "# {x}",
            "אבחנה חדשה: {x}",
            "התרשמות: {x}",
            "מטופל עם {x}",
        ),
    },
    ("present", "symptom"): {
        "en": ("c/o {x}", "presents with {x}", "complains of {x} x 3 days", "{x} since last week"),
        "he": ("מתלונן על {x}", "פונה בשל {x}", "סובל {mx}", "מתלוננת על {x} מזה שבוע"),
    },
    ("negated", "symptom"): {
        "en": ("denies {x}", "no {x}", "nil {x}", "no {x} reported"),
        "he": ("שולל {x}", "ללא {x}", "אין {x}", "שוללת {x}"),
    },
    ("negated", "event"): {
        "en": ("{x} ruled out", "no evidence of {x}", "{x} excluded", "no {x}"),
        "he": ("נשלל {x}", "אין עדות {lx}", "ללא {x}", "{x} - נשלל"),
    },
    ("history", "event"): {
        "en": (
            "h/o {x}",
            "hx of {x} ({year})",
            "previous {x}",
            "past history of {x}",
            "{x} in {year}, resolved",
            "s/p {x} ({year})",
            "remote {x}",
        ),
        "he": (
            "בעבר {x}",
            "היסטוריה של {x}",
            "{x} ב-{year}",
            "מצב לאחר {x}",
            "s/p {x} {year}",
            "{x} בעבר",
        ),
    },
}


def aliases(name: str) -> tuple[str, ...]:
    c = CONDITIONS[name]
    return tuple(dict.fromkeys((*c.en, *c.he, *c.extra)))


def phrase_kind(name: str, status: str) -> str:
    kind = CONDITIONS[name].kind
    if status == "present":
        return "symptom" if kind == "symptom" else "chronic"
    if status == "negated":
        return "symptom" if kind == "symptom" else "event"
    return "event"


def spelled(cyc: Cycler, name: str, lang: str) -> str:
    c = CONDITIONS[name]
    return cyc.rng.choice(c.he if lang == "he" else c.en)


def diagnosis(
    cyc: Cycler, pool: str, status: str, lang: str, used: set[str], kind: str | None = None
) -> Piece:
    """One condition of `pool` (of `kind` when given and the pool has one) in the next
    phrase for `status`."""
    free = [n for n in POOLS[pool][status] if n not in used]
    if kind and any(CONDITIONS[n].kind == kind for n in free):
        free = [n for n in free if CONDITIONS[n].kind == kind]
    name = cyc.rng.choice(free)
    used.add(name)
    pk = phrase_kind(name, status)
    template = cyc.pick(f"dx:{status}:{pk}:{lang}", PHRASES[(status, pk)][lang])
    x = spelled(cyc, name, lang)
    text = template.format(
        x=x,
        mx=join_prefix("מ", x),
        lx=join_prefix("ל", x),
        year=cyc.rng.randint(1998, 2022),
    )
    return Piece(text, (dx(name, status, aliases(name)),))


def in_list(cyc: Cycler, pool: str, lang: str, used: set[str], n: int) -> Piece:
    """A problem list of chronic conditions, all present ("Background: HTN, T2DM ...")."""
    free = [x for x in POOLS[pool]["present"] if x not in used and CONDITIONS[x].kind == "chronic"]
    names = cyc.rng.sample(free, min(n, len(free)))
    used.update(names)
    words = [spelled(cyc, x, lang) for x in names]
    heads = {
        "en": ("Background: ", "Problem list: ", "PMH: ", "Known: ", "Chronic conditions:\n- "),
        "he": ("רקע: ", "אבחנות: ", "ברקע: ", "רשימת בעיות:\n- "),
    }
    head = cyc.pick(f"pmh:{lang}", heads[lang])
    if head.endswith("- "):
        body = "\n- ".join(words)
    elif lang == "he" and len(words) > 1:
        body = ", ".join(words[:-1]) + " " + join_prefix("ו", words[-1])
    else:
        body = ", ".join(words)
    return Piece(head + body, tuple(dx(x, "present", aliases(x)) for x in names))


FAMILY = {
    "en": (
        "FHx: mother T2DM, father MI at 62",
        "Family history of breast cancer (sister)",
        "mother has diabetes",
        "FH: father died of stroke at 70",
        "brother with HTN",
        "FHx of IHD (father, 55)",
    ),
    "he": (
        "אמא עם סוכרת",
        "סיפור משפחתי: אב עם אוטם בגיל 60",
        'אח עם יל"ד',
        "במשפחה: סרטן שד אצל האם",
        "אביו נפטר משבץ בגיל 70",
    ),
}


def family(cyc: Cycler, lang: str) -> Piece:
    """Relatives' conditions: not the patient's, so no fact."""
    return Piece(cyc.pick(f"family:{lang}", FAMILY[lang]))
