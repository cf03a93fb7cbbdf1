"""The conditions and symptoms of the holdout set: for each, its English and Hebrew
spellings, its kind ("chronic", "symptom", "event": which phrases fit) and other names
that count as it."""

from __future__ import annotations

from dataclasses import dataclass


def split(s: str) -> tuple[str, ...]:
    return tuple(x for x in s.split("|") if x)


@dataclass(frozen=True)
class Condition:
    en: tuple[str, ...]  # as written in English notes
    he: tuple[str, ...]  # as written in Hebrew notes (Latin abbreviations included)
    kind: str  # "chronic", "symptom" or "event": which phrases fit
    extra: tuple[str, ...] = ()  # other names that count (all spellings above count too)


# name: (kind, English spellings, Hebrew spellings, other names that count), "|" between
_TABLE: dict[str, tuple[str, str, str, str]] = {
    "type 2 diabetes": (
        "chronic",
        "T2DM|type 2 diabetes|DM2|type II DM|diabetes mellitus type 2|NIDDM",
        "סוכרת סוג 2|סוכרת|סוכרת מסוג 2|DM2",
        "diabetes|t2d",
    ),
    "hypertension": (
        "chronic",
        "HTN|hypertension|high blood pressure|essential hypertension",
        'יל"ד|יתר לחץ דם|HTN',
        "htn",
    ),
    "hyperlipidaemia": (
        "chronic",
        "hyperlipidaemia|dyslipidemia|hypercholesterolaemia|high cholesterol",
        "היפרליפידמיה|דיסליפידמיה|כולסטרול גבוה",
        "hyperlipidemia|dyslipidaemia|hypercholesterolemia|hld",
    ),
    "hypothyroidism": (
        "chronic",
        "hypothyroidism|hypothyroid",
        "תת פעילות של בלוטת התריס|היפותירואידיזם|תת פעילות תריס",
        "",
    ),
    "asthma": ("chronic", "asthma", "אסטמה|גנחת", ""),
    "copd": (
        "chronic",
        "COPD",
        "COPD|מחלת ריאות חסימתית כרונית",
        "chronic obstructive pulmonary disease",
    ),
    "gout": ("chronic", "gout", "גאוט|שיגדון", ""),
    "gastro-oesophageal reflux": (
        "chronic",
        "GORD|GERD|reflux",
        "ריפלוקס|GERD",
        "gastroesophageal reflux|gastro oesophageal reflux",
    ),
    "obesity": ("chronic", "obesity", "השמנה|השמנת יתר", ""),
    "osteoarthritis": (
        "chronic",
        "OA knee|osteoarthritis|knee OA|knee osteoarthritis",
        "אוסטאוארטריטיס|שחיקת סחוס|OA ברך",
        "oa",
    ),
    "frozen shoulder": ("chronic", "frozen shoulder|adhesive capsulitis", "כתף קפואה", ""),
    "low back pain": (
        "symptom",
        "LBP|low back pain|mechanical low back pain",
        "כאבי גב תחתון|כאב גב תחתון|LBP",
        "back pain",
    ),
    "plantar fasciitis": ("chronic", "plantar fasciitis", "דלקת בפסיה הפלנטרית|פלנטר פשיאיטיס", ""),
    "rotator cuff tendinopathy": (
        "chronic",
        "rotator cuff tendinopathy|RC tendinopathy|rotator cuff tendinitis",
        "טנדינופתיה של השרוול המסובב|דלקת בגידי השרוול המסובב",
        "rotator cuff tendonitis",
    ),
    "major depressive disorder": (
        "chronic",
        "MDD|major depressive disorder|depression|moderate depression",
        "דיכאון|דיכאון מג'ורי|הפרעת דיכאון",
        "major depression",
    ),
    "generalised anxiety disorder": (
        "chronic",
        "GAD|generalised anxiety disorder|generalized anxiety disorder|anxiety",
        "חרדה|הפרעת חרדה מוכללת|GAD",
        "",
    ),
    "ptsd": (
        "chronic",
        "PTSD|post-traumatic stress disorder",
        "PTSD|הפרעת דחק פוסט טראומטית|פוסט טראומה",
        "",
    ),
    "insomnia": ("chronic", "insomnia", "נדודי שינה|אינסומניה", ""),
    "atrial fibrillation": (
        "chronic",
        "AF|AFib|atrial fibrillation|paroxysmal AF",
        "פרפור פרוזדורים|AF",
        "af",
    ),
    "heart failure": (
        "chronic",
        "HF|heart failure|HFrEF|CHF",
        "אי ספיקת לב|CHF",
        "congestive heart failure",
    ),
    "coronary artery disease": (
        "chronic",
        "CAD|IHD|coronary artery disease|ischaemic heart disease",
        "מחלת לב כלילית|IHD|מחלת לב איסכמית",
        "ischemic heart disease",
    ),
    "chronic kidney disease": (
        "chronic",
        "CKD|CKD stage 3|chronic kidney disease",
        "אי ספיקת כליות כרונית|CKD|מחלת כליות כרונית",
        "",
    ),
    "peripheral neuropathy": (
        "chronic",
        "peripheral neuropathy|diabetic neuropathy",
        "נוירופתיה היקפית|נוירופתיה סוכרתית",
        "neuropathy",
    ),
    "chest pain": ("symptom", "chest pain|CP", "כאבים בחזה|כאב בחזה|כאבי חזה", ""),
    "shortness of breath": ("symptom", "SOB|shortness of breath|dyspnoea", "קוצר נשימה", "dyspnea"),
    "palpitations": ("symptom", "palpitations", "דפיקות לב|פלפיטציות", ""),
    "suicidal ideation": (
        "symptom",
        "SI|suicidal ideation|suicidal thoughts",
        "מחשבות אובדניות|אובדנות",
        "",
    ),
    "headache": ("symptom", "headache|headaches", "כאבי ראש|כאב ראש", ""),
    "cough": ("symptom", "cough|dry cough|productive cough", "שיעול|שיעול יבש", ""),
    "sore throat": ("symptom", "sore throat", "כאב גרון|כאבי גרון", "pharyngitis"),
    "dizziness": ("symptom", "dizziness|dizzy spells", "סחרחורת|סחרחורות", ""),
    "fatigue": ("symptom", "fatigue|tiredness", "עייפות", ""),
    "hypoglycaemia": (
        "symptom",
        "hypos|hypoglycaemia|hypoglycemic episodes",
        "היפוגליקמיה|אירועי היפו",
        "hypoglycemia|hypo",
    ),
    "ankle swelling": (
        "symptom",
        "ankle swelling|pedal oedema",
        "בצקות ברגליים|נפיחות בקרסוליים",
        "ankle oedema|pedal edema|oedema",
    ),
    "deep vein thrombosis": ("event", "DVT|deep vein thrombosis", "DVT|פקקת ורידים עמוקים", ""),
    "pulmonary embolism": ("event", "PE|pulmonary embolism", "תסחיף ריאתי|PE", ""),
    "pneumonia": ("event", "pneumonia", "דלקת ריאות", ""),
    "fracture": ("event", "fracture|bony injury", "שבר", ""),
    "acute coronary syndrome": (
        "event",
        "ACS|acute coronary syndrome",
        "ACS|תסמונת כלילית חריפה",
        "",
    ),
    "diabetic retinopathy": (
        "event",
        "retinopathy|diabetic retinopathy",
        "רטינופתיה|רטינופתיה סוכרתית",
        "",
    ),
    "psychosis": (
        "event",
        "psychotic features|psychosis",
        "סימנים פסיכוטיים|פסיכוזה",
        "psychotic symptoms",
    ),
    "myocardial infarction": (
        "event",
        "MI|myocardial infarction|NSTEMI|heart attack",
        "אוטם שריר הלב|אוטם|MI",
        "",
    ),
    "stroke": ("event", "CVA|stroke|ischaemic stroke", "שבץ|אירוע מוחי|CVA", "ischemic stroke"),
    "kidney stones": (
        "event",
        "kidney stones|renal colic|nephrolithiasis",
        "אבנים בכליות|אבן בכליה",
        "renal stones",
    ),
    "breast cancer": ("event", "breast cancer|Ca breast", "סרטן שד", "breast carcinoma"),
    "gestational diabetes": ("event", "gestational diabetes|GDM", "סוכרת הריונית", ""),
    "postnatal depression": (
        "event",
        "postnatal depression|PND",
        "דיכאון אחרי לידה|דיכאון לאחר לידה",
        "postpartum depression",
    ),
    "anorexia nervosa": ("event", "anorexia nervosa|anorexia", "אנורקסיה|אנורקסיה נרבוזה", ""),
    "self harm": ("event", "self-harm|DSH", "פגיעה עצמית", ""),
    "acl tear": (
        "event",
        "ACL tear|ACL rupture",
        "קרע ב-ACL|קרע ברצועה הצולבת",
        "anterior cruciate ligament tear",
    ),
    "ankle sprain": ("event", "ankle sprain|sprained ankle", "נקע בקרסול", ""),
}
CONDITIONS: dict[str, Condition] = {
    name: Condition(split(en), split(he), kind, split(extra))
    for name, (kind, en, he, extra) in _TABLE.items()
}
