"""Procedures, referrals and visit types; and the words around them that hold no fact:
targets, future appointments, tests to repeat, examination findings, small talk."""

from __future__ import annotations

from bench.timeline.sets.holdout.base import Cycler, Piece, proc, referral, visit
from bench.timeline.sets.holdout.conditions import split
from bench.timeline.sets.holdout.meds import join_prefix

# name -> (other names that count, English phrases, Hebrew phrases), "|" between
_PROCEDURES: dict[str, tuple[str, str, str]] = {
    "ecg": (
        'ekg|electrocardiogram|12 lead ecg|12-lead ECG|אק"ג|א.ק.ג|אקג|ECG תקין',
        "ECG: sinus rhythm|12-lead ECG unremarkable|EKG done - NSR|ECG today normal",
        'בוצע אק"ג - קצב סינוס|א.ק.ג: קצב סינוס סדיר|ECG תקין',
    ),
    "echocardiogram": (
        "echo|tte|transthoracic echo|echocardiography|transthoracic echocardiogram|אקו|אקו לב",
        "echo booked|TTE requested|echocardiogram arranged|echo: EF 55%",
        "הוזמן אקו לב|אקו לב - EF 50%|לבצע אקו לב",
    ),
    "spirometry": (
        "pfts|pft|lung function test|lung function tests|ספירומטריה|תפקודי ריאות",
        "spirometry performed|spirometry today - obstructive pattern",
        "ספירומטריה בוצעה|בוצעו תפקודי ריאות",
    ),
    "steroid injection": (
        "corticosteroid injection|cortisone injection|joint injection|steroid inj|"
        "intra articular steroid injection|ia corticosteroid injection|injection|"
        "הזרקת סטרואידים|זריקת סטרואידים|זריקת קורטיזון|הזרקה",
        "steroid injection R shoulder|cortisone injection L knee given|"
        "IA corticosteroid injection to knee",
        "הזרקת סטרואידים לכתף ימין|ניתנה זריקת קורטיזון לברך",
    ),
    "dry needling": (
        "needling|dn|דיקור יבש|דיקור",
        "dry needling upper traps|DN to glutes|dry needling L calf",
        "דיקור יבש לטרפזיוס|בוצע דיקור יבש",
    ),
    "ear syringing": (
        "ear irrigation|ear wax removal|syringing|שטיפת אוזניים|שטיפת אוזן",
        "ear syringing both ears|R ear irrigated, wax cleared",
        "בוצעה שטיפת אוזניים|שטיפת אוזן ימין",
    ),
    "suture removal": (
        "removal of sutures|sutures removed|stitches removed|removal of stitches|sutures out|"
        "הוצאת תפרים|הוצאו תפרים",
        "sutures removed, wound healed|STR today|removal of sutures L hand",
        "הוצאת תפרים, הפצע החלים|הוצאו תפרים",
    ),
    "flu vaccine": (
        "influenza vaccine|flu vaccination|influenza vaccination|flu jab|flu shot|חיסון שפעת|"
        "חיסון נגד שפעת",
        "flu jab given|influenza vaccine administered L deltoid|flu shot today",
        "ניתן חיסון שפעת|חוסן נגד שפעת",
    ),
    "holter": (
        'holter monitor|24h holter|24 hour holter|holter ecg|הולטר|הולטר אק"ג',
        "24h Holter arranged|Holter monitor fitted|book Holter",
        "הוזמן הולטר|הולטר ל-24 שעות",
    ),
    "exercise stress test": (
        "stress test|exercise test|treadmill test|ett|exercise ecg|treadmill stress test|"
        "מבחן מאמץ|ארגומטריה",
        "exercise stress test requested|treadmill test booked|ETT next week",
        "הוזמן מבחן מאמץ|לבצע ארגומטריה",
    ),
    "diabetic foot exam": (
        "foot exam|foot examination|monofilament test|diabetic foot examination|foot check|"
        "בדיקת כף רגל|בדיקת כפות רגליים|בדיקת רגל סוכרתית",
        "diabetic foot exam: sensation intact|monofilament test normal bilaterally|"
        "annual foot check done",
        "בדיקת כפות רגליים: תחושה תקינה|בוצעה בדיקת רגל סוכרתית",
    ),
    "knee x-ray": (
        "x ray knee|xray knee|knee xray|knee x ray|x-ray|xray|knee radiograph|צילום ברך|"
        "צילום רנטגן ברך|צילום",
        "X-ray L knee requested|knee XR ordered|R knee x-ray",
        "הוזמן צילום ברך|צילום ברך שמאל",
    ),
    "shoulder ultrasound": (
        "ultrasound shoulder|us shoulder|shoulder us|ultrasound|אולטרסאונד כתף|US כתף",
        "US R shoulder requested|shoulder ultrasound booked",
        "הוזמן US כתף|אולטרסאונד כתף ימין",
    ),
}
PROCEDURES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    k: (split(a), split(b), split(c)) for k, (a, b, c) in _PROCEDURES.items()
}
PROC_POOLS = {
    "gp": ("ecg", "flu vaccine", "ear syringing", "suture removal", "knee x-ray", "spirometry"),
    "physio": ("dry needling", "steroid injection", "shoulder ultrasound", "knee x-ray"),
    "dm": ("diabetic foot exam", "ecg", "flu vaccine"),
    "cardio": ("ecg", "echocardiogram", "holter", "exercise stress test"),
}

# target -> (other names that count, English spellings, Hebrew spellings)
_REFERRALS: dict[str, tuple[str, str, str]] = {
    "cardiology": (
        "cardiologist|cardio|cardiology clinic|קרדיולוג|קרדיולוגיה",
        "cardiology|cardio|cardiologist",
        "קרדיולוג|מרפאה קרדיולוגית",
    ),
    "physiotherapy": (
        "physio|physiotherapist|physical therapy|pt|פיזיותרפיה|פיזיותרפיסט",
        "physio|physiotherapy|PT",
        "פיזיותרפיה",
    ),
    "dietitian": (
        "dietician|dietetics|nutritionist|דיאטנית|דיאטנית קלינית|דיאטן",
        "dietitian|dietician",
        "דיאטנית|דיאטנית קלינית",
    ),
    "endocrinology": (
        "endocrinologist|endo|אנדוקרינולוג|אנדוקרינולוגיה",
        "endocrinology|endo",
        "אנדוקרינולוג",
    ),
    "ophthalmology": (
        "ophthalmologist|eye clinic|רופא עיניים|מרפאת עיניים|אופטלמולוג",
        "ophthalmology|eye clinic",
        "רופא עיניים|מרפאת עיניים",
    ),
    "psychiatry": ("psychiatrist|psych|פסיכיאטר|פסיכיאטריה", "psychiatry|psychiatrist", "פסיכיאטר"),
    "psychology": ("psychologist|פסיכולוג|פסיכולוגיה", "psychology|psychologist", "פסיכולוג"),
    "orthopaedics": (
        "orthopedics|ortho|orthopaedic surgeon|orthopedic surgeon|אורתופד|אורתופדיה",
        "orthopaedics|ortho",
        "אורתופד",
    ),
    "podiatry": (
        "podiatrist|foot clinic|מרפאת כף רגל|מרפאת כף רגל סוכרתית|פודיאטר",
        "podiatry",
        "מרפאת כף רגל סוכרתית",
    ),
    "rheumatology": ("rheumatologist|rheum|ראומטולוג|ראומטולוגיה", "rheumatology", "ראומטולוג"),
    "pain clinic": ("pain management|pain service|מרפאת כאב", "pain clinic", "מרפאת כאב"),
    "neurology": ("neurologist|נוירולוג|נוירולוגיה", "neurology", "נוירולוג"),
    "sleep clinic": (
        "sleep lab|sleep medicine|מעבדת שינה|מרפאת שינה",
        "sleep clinic",
        "מעבדת שינה",
    ),
    "cardiac rehabilitation": ("cardiac rehab|שיקום לב", "cardiac rehab", "שיקום לב"),
}
REFERRALS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    k: (split(a), split(b), split(c)) for k, (a, b, c) in _REFERRALS.items()
}
REF_POOLS = {
    "gp": (
        "cardiology",
        "physiotherapy",
        "dietitian",
        "orthopaedics",
        "rheumatology",
        "neurology",
        "sleep clinic",
    ),
    "physio": ("orthopaedics", "pain clinic", "rheumatology"),
    "psych": ("psychiatry", "psychology", "sleep clinic"),
    "dm": ("dietitian", "ophthalmology", "podiatry", "endocrinology"),
    "cardio": ("cardiac rehabilitation", "dietitian", "sleep clinic", "neurology"),
}
REF_PHRASES = {
    "en": (
        "refer to {t}",
        "referral to {t}",
        "Ref: {t}",
        "referred to {t}",
        "letter to {t}",
        "urgent referral to {t}",
        "{t} referral sent",
    ),
    "he": (
        "הפניה {lt}",
        "הופנה {lt}",
        "מפנה {lt}",
        "להפנות {lt}",
        "הפניה דחופה {lt}",
        "ניתנה הפניה {lt}",
        "הפניה: {t}",
    ),
}

VISITS = {
    "follow-up": {
        "en": (
            "F/U visit.",
            "Follow-up appointment.",
            "FU review.",
            "Seen for follow up.",
            "Review visit.",
            "Routine f/u.",
        ),
        "he": ("ביקור מעקב.", "מעקב.", "ביקורת.", "פגישת מעקב.", "הגיע לביקור מעקב."),
    },
    "initial": {
        "en": (
            "Initial assessment.",
            "New patient visit.",
            "First session.",
            "Intake session.",
            "Initial consultation.",
        ),
        "he": ("ביקור ראשון.", "פגישה ראשונה.", "פגישת אינטייק.", "הערכה ראשונית.", "מטופל חדש."),
    },
    "telehealth": {
        "en": (
            "Telehealth consult (video).",
            "Video call.",
            "Phone consultation.",
            "Telephone appointment.",
            "Seen via Zoom.",
            "Telemedicine visit.",
        ),
        "he": (
            "שיחת וידאו.",
            "ייעוץ טלפוני.",
            "ביקור טלפוני.",
            "מפגש בזום.",
            "ביקור ברפואה מרחוק.",
        ),
    },
}

NO_FACT = {
    "future": {
        "en": (
            "F/U 3/12.",
            "Review in 6 weeks.",
            "RTC 3 months.",
            "Next appt in 2 weeks.",
            "See again in 4/52.",
            "follow up in 3 months",
        ),
        "he": (
            "חזרה לביקורת בעוד חודש.",
            "מעקב בעוד 3 חודשים.",
            "ביקורת חוזרת בעוד שבועיים.",
            "תור הבא בעוד 6 שבועות.",
        ),
    },
    "target": {
        "en": (
            "target A1c < 7%",
            "goal BP <130/80",
            "aim LDL < 70",
            "target weight 75 kg",
            "goal HbA1c 6.5-7%",
            "LDL target <55 mg/dL",
        ),
        "he": ("יעד HbA1c מתחת ל-7%", "יעד לחץ דם 130/80", "יעד LDL מתחת ל-70", 'יעד משקל 80 ק"ג'),
    },
    "lab_order": {
        "en": (
            "repeat HbA1c in 3 months",
            "bloods: lipids, U&E",
            "recheck creatinine and eGFR",
            "fasting lipid profile next visit",
        ),
        "he": (
            "לחזור על HbA1c בעוד 3 חודשים",
            "בדיקות דם: פרופיל שומנים, כימיה",
            "לבדוק קראטינין חוזר",
        ),
    },
    "exam": {
        "en": (
            "chest clear",
            "HS I+II+0",
            "abdomen soft, non-tender",
            "alert and oriented",
            "calves soft",
            "afebrile",
            "strength 4/5 hip abductors",
            "gait antalgic",
        ),
        "he": ("ריאות נקיות", "קולות לב סדירים", "בטן רכה", "ער ומתמצא", "כוח 4/5 בכופפי הירך"),
    },
    "filler": {
        "en": (
            "Feels well overall.",
            "Good adherence.",
            "Walking 30 min most days.",
            "Lives with wife.",
            "Works night shifts.",
            "Diet reviewed.",
            "Questions answered.",
            "Pt understands plan.",
            "Sleep improved.",
            "Doing HEP daily.",
            "Safety plan reviewed.",
            "Mood brighter this week.",
        ),
        "he": (
            "מרגיש טוב.",
            "היענות טובה לטיפול.",
            "הולך 30 דקות ביום.",
            "גר עם אשתו.",
            "עובד במשמרות.",
            "הוסבר על תזונה.",
            "ניתן מידע.",
            "מבצע תרגילים באופן קבוע.",
            "הוסבר על סימני אזהרה.",
            "מצב הרוח השתפר.",
        ),
    },
}


def procedure(cyc: Cycler, pool: str, lang: str, used: set[str]) -> Piece:
    free = [p for p in PROC_POOLS[pool] if p not in used]
    name = cyc.rng.choice(free)
    used.add(name)
    others, en, he = PROCEDURES[name]
    return Piece(cyc.rng.choice(he if lang == "he" else en), (proc(name, others),))


def referral_to(cyc: Cycler, pool: str, lang: str, used: set[str]) -> Piece:
    free = [t for t in REF_POOLS[pool] if t not in used]
    target = cyc.rng.choice(free)
    used.add(target)
    others, en, he = REFERRALS[target]
    t = cyc.rng.choice(he if lang == "he" else en)
    template = cyc.pick(f"ref:{lang}", REF_PHRASES[lang])
    text = template.format(t=t, lt=join_prefix("ל", t))
    return Piece(text, (referral(target, (*others, *en, *he)),))


def visit_line(cyc: Cycler, kind: str, lang: str) -> Piece:
    return Piece(cyc.pick(f"visit:{kind}:{lang}", VISITS[kind][lang]), (visit(kind),))


def no_fact(cyc: Cycler, kind: str, lang: str) -> Piece:
    return Piece(cyc.pick(f"{kind}:{lang}", NO_FACT[kind][lang]))
