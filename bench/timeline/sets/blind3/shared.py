"""What every clinic writes: how a subjective opens (the visit's type), unbelievable values
(flags), what is no fact (targets, earlier values, a family's illnesses, conditional plans,
drugs offered or declined, tests still to come) and the headings of each field."""

from __future__ import annotations

OPENERS: dict[str, list[str]] = {
    "en": [
        "⟦Follow-up|v:follow-up⟧ visit",
        "⟦New patient|v:initial⟧, referred by GP",
        "⟦Telephone consultation|v:telehealth⟧, patient at home",
        "⟦Video visit|v:telehealth⟧ (Zoom), daughter joined",
        "⟦Initial assessment|v:initial⟧",
        "Seen today for ⟦routine follow up|v:follow-up⟧",
        "⟦First visit|v:initial⟧ to this clinic",
        "⟦Phone f/u|v:telehealth⟧",
        "⟦F/U|v:follow-up⟧ appt, came alone",
        "⟦Telehealth|v:telehealth⟧ consult",
        "pt returns for ⟦follow-up|v:follow-up⟧ after 3 months",
        "⟦Intake|v:initial⟧ appointment",
    ],
    "he": [
        "⟦ביקור מעקב|v:follow-up⟧",
        "⟦ביקור ראשון|v:initial⟧ במרפאה",
        "⟦שיחת וידאו|v:telehealth⟧",
        "⟦ייעוץ טלפוני|v:telehealth⟧",
        "⟦מעקב|v:follow-up⟧ לאחר 3 חודשים",
        '⟦פנייה ראשונה|v:initial⟧, הופנה ע"י רופאת המשפחה',
        "⟦ביקור חוזר|v:follow-up⟧, הגיע עם אשתו",
        "⟦ביקור טלפוני|v:telehealth⟧",
        "⟦קבלה ראשונית|v:initial⟧",
    ],
}

FLAGS: dict[str, list[tuple[str, str]]] = {  # (field code, marked text)
    "en": [
        ("O", "BP ⟦1460/88|fl:bp⟧"),
        ("O", "HR ⟦720|fl:heart_rate⟧"),
        ("O", "Wt ⟦7300 kg|fl:weight⟧"),
        ("O", "SpO2 ⟦199%|fl:spo2⟧"),
        ("O", "T ⟦373|fl:temperature⟧"),
        ("O", "Ht ⟦1680 cm|fl:height⟧"),
        ("O", "BP ⟦78/96|fl:bp⟧ L arm"),
        ("A", "PHQ-9 ⟦34|fl:phq9⟧"),
        ("S", "GAD-7 ⟦29|fl:gad7⟧"),
        ("S", "pain ⟦15/10|fl:pain⟧"),
        ("O", "BMI ⟦274|fl:bmi⟧"),
        ("A", "HbA1c ⟦71%|fl:a1c⟧"),
    ],
    "he": [
        ("O", 'ל"ד ⟦1380/84|fl:bp⟧'),
        ("O", "דופק ⟦640|fl:heart_rate⟧"),
        ("O", 'משקל ⟦6900 ק"ג|fl:weight⟧'),
        ("O", "סטורציה ⟦189%|fl:spo2⟧"),
        ("O", "חום ⟦3.7|fl:temperature⟧"),
        ("O", "לחץ דם ⟦70/110|fl:bp⟧"),
        ("A", "PHQ-9 ⟦41|fl:phq9⟧"),
        ("S", "כאב ⟦13/10|fl:pain⟧"),
        ("O", 'גובה ⟦1710 ס"מ|fl:height⟧'),
    ],
}

DISTRACT: dict[str, dict[str, list[str]]] = {
    "en": {
        "S": [
            "Wife has COPD, he is her main carer",
            "Last visit BP was 152/94 on no treatment",
            "Was 84 kg at the start of the year",
            "Her pain was 8/10 before the injection",
        ],
        "A": [
            "Differential: cellulitis, DVT, ruptured Baker's cyst",
            "r/o hypothyroidism - TSH pending",
            "concerning for early cognitive decline, needs formal testing",
            "Goal A1c under 7.5% given age",
            "Target LDL < 55",
        ],
        "P": [
            "If BP remains > 140/90 at next visit, start amlodipine 5 mg",
            "Consider statin if LDL stays above 130",
            "Discussed starting semaglutide, prefers diet first",
            "Recommend DEXA",
            "Repeat lipids and A1c in 3 months",
            "Colonoscopy declined",
            "ECG not done today (machine down)",
            "Return if chest pain or shortness of breath",
            "F/U 4/52",
            "Target BP < 130/80",
            "Offered nicotine patches, declined",
        ],
        "H": [
            "FHx: father MI at 55, mother T2DM",
            "Allergies: NKDA",
            "Allergic to aspirin (angioedema)",
            "Not on any anticoagulant",
            "Lives with husband, independent in ADLs",
        ],
    },
    "he": {
        "S": [
            "אשתו חולת COPD, הוא המטפל העיקרי",
            'בביקור הקודם ל"ד 150/95 ללא טיפול',
            'בתחילת השנה שקל 84 ק"ג',
        ],
        "A": [
            "אבחנה מבדלת: צלוליטיס, DVT",
            "לשלול תת פעילות של בלוטת התריס",
            "חשד לירידה קוגניטיבית - להשלים הערכה",
            "יעד LDL מתחת ל-55",
        ],
        "P": [
            'אם ל"ד מעל 140/90 בביקור הבא - להתחיל Norvasc 5 מ"ג',
            "לשקול סטטין אם LDL נשאר מעל 130",
            "הומלץ על DEXA",
            "בדיקות דם חוזרות בעוד 3 חודשים",
            "סירב לקולונוסקופיה",
            "לפנות למיון אם כאבים בחזה",
            "ביקור חוזר בעוד חודש",
            'יעד ל"ד מתחת ל-130/80',
        ],
        "H": [
            "היסטוריה משפחתית: אבא אוטם בגיל 55, אמא סוכרת",
            "ללא רגישות ידועה לתרופות",
            "רגישות לאספירין",
            "לא נוטל נוגדי קרישה",
        ],
    },
}

HEADINGS: dict[str, dict[str, list[str]]] = {
    "en": {
        "S": ["S:", "Subjective:", "HPI:", "CC/HPI -", "SUBJ"],
        "O": ["O:", "O/E:", "Exam:", "Objective -", "OBJECTIVE"],
        "A": ["A:", "Imp:", "Assessment:", "Dx:", "Problems:"],
        "P": ["P:", "Plan:", "Rx/Plan:", "Recs:", "To do:"],
        "H": ["PMH:", "Background:", "Past history:", "Problem list (carried forward):"],
    },
    "he": {
        "S": ["תלונות:", "אנמנזה:", "סיבת הפנייה:", "ס:"],
        "O": ["בבדיקה:", "בדיקה גופנית:", "ממצאים:", "O:"],
        "A": ["אבחנות:", "התרשמות:", "הערכה:", "A:"],
        "P": ["המלצות:", "תכנית:", "המל':", "טיפול והמלצות:"],
        "H": ["רקע:", "ברקע:", "רקע רפואי:", "רשימת בעיות (מועתק מביקור קודם):"],
    },
}

# Vitals lines put their measures on one line.
VITALS = {"en": ["Vitals: ", "VS ", "", "Obs: "], "he": ["מדדים: ", "סימנים חיוניים: ", ""]}
