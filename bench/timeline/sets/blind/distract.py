"""Numbers and words that are no fact: targets, earlier values quoted for comparison,
values of things the timeline does not track, and examination findings."""

from __future__ import annotations

from bench.timeline.sets.blind.seg import Pick, Seg

TARGETS = {
    "en": ("Target BP < 130/80", "goal A1c <7%", "aim LDL < 70", "target weight 75 kg",
           "LDL goal <55 mg/dL", "BP target 140/90 (home)", "Goal: HbA1c below 7.5%",
           "aim for pain < 3/10 with activity", "target FBG 80-130"),
    "he": ("יעד ל\"ד מתחת ל-130/80", "יעד HbA1c פחות מ-7%", "יעד LDL < 70", "משקל יעד 70 ק\"ג",
           "יעד: LDL מתחת ל-55", "יעד לחץ דם 130/80"),
}  # fmt: skip
# Earlier values: they belong to another day, so a fact of this note would misdate them.
PAST = {
    "en": ("last month's pain 7/10", "HbA1c was 8.2% in March", "wt 3 months ago 92 kg",
           "BP at last visit 150/95", "pain was 8/10 before the injection",
           "previous LDL 141 (2023)", "PHQ-9 at intake was 19", "last year's eGFR 71"),
    "he": ("בביקור הקודם ל\"ד 150/95", "HbA1c קודם 8.4%", "לפני חודש כאב 8/10",
           "משקל לפני חצי שנה 88 ק\"ג", "PHQ-9 בפגישה הראשונה היה 17"),
}  # fmt: skip
# Measured, but not a MEASURES key.
UNTRACKED = {
    "en": ("RR 16", "EF 55%", "TG 180", "K 4.4", "Hb 13.1", "TSH 2.3", "power 4/5 hip abd",
           "FEV1/FVC 0.68", "Na 139", "sit-to-stand 14 s", "TUG 11 sec", "Alb 4.1",
           "Oswestry 34%", "grip 24 kg"),
    "he": ("נשימות 18", "EF 60%", "טריגליצרידים 210", "אשלגן 4.2", "המוגלובין 12.8",
           "TSH 1.9", "כוח שריר 4/5", "נתרן 138"),
}  # fmt: skip
EXAM = {
    "en": ("Chest clear.", "HS I+II.", "Abdo soft, NT.", "Alert and oriented.",
           "Calves soft.", "TMs pearly.", "Gait antalgic.", "Mood low, affect congruent.",
           "Tender over medial joint line.", "Good eye contact.", "Warm peripheries."),
    "he": ("ריאות: כניסת אוויר טובה דו\"צ.", "לב: קולות I+II.", "בטן רכה.",
           "בהכרה מלאה, מתמצא.", "הליכה צולעת.", "מצב רוח ירוד, אפקט תואם.",
           "רגישות בקו המפרק המדיאלי.", "קשר עין טוב."),
}  # fmt: skip


def target(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"target/{lang}", TARGETS[lang]))


def past(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"past/{lang}", PAST[lang]))


def untracked(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"untracked/{lang}", UNTRACKED[lang]))


def exam(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"exam/{lang}", EXAM[lang]))
