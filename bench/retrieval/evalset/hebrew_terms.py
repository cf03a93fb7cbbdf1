"""Hebrew names for the generator's concepts, for the Hebrew twin of the eval set.

Each concept has the form a note writes and a second form a clinician may ask with ("יתר
לחץ דם" in the chart, "לחץ דם גבוה" in the question), so the paraphrased ("semantic")
questions stay paraphrases in Hebrew too. Drug, lab and imaging names stay in Latin
letters, as Israeli notes write them.
"""

from __future__ import annotations

# English display (or alias) -> (as the note writes it, as a question paraphrases it)
CONCEPTS: dict[str, tuple[str, str]] = {
    "Essential (primary) hypertension": ("יתר לחץ דם", "לחץ דם גבוה"),
    "Hypertension (HTN)": ("יתר לחץ דם", "לחץ דם גבוה"),
    "Encounter for general adult medical examination without abnormal findings": (
        "בדיקה תקופתית למבוגר ללא ממצאים חריגים",
        "בדיקה כללית שגרתית",
    ),
    "Encounter for immunization": ("מתן חיסון", "זריקת חיסון"),
    "Hyperlipidemia, unspecified": ("היפרליפידמיה", "שומנים גבוהים בדם"),
    "Dyslipidemia": ("היפרליפידמיה", "שומנים גבוהים בדם"),
    "Chronic obstructive pulmonary disease, unspecified": (
        "מחלת ריאות חסימתית כרונית",
        "COPD",
    ),
    "COPD": ("מחלת ריאות חסימתית כרונית", "COPD"),
    "Chronic obstructive pulmonary disease with acute exacerbation": (
        "החמרה חריפה של מחלת ריאות חסימתית",
        "התלקחות של COPD",
    ),
    "Type 2 diabetes mellitus without complications": ("סוכרת סוג 2 ללא סיבוכים", "סוכרת"),
    "Type 2 diabetes (DM)": ("סוכרת סוג 2 ללא סיבוכים", "סוכרת"),
    "Malignant neoplasm of bladder, unspecified": (
        "גידול ממאיר של שלפוחית השתן",
        "סרטן שלפוחית",
    ),
    "Age-related osteoporosis without current pathological fracture": (
        "אוסטאופורוזיס הקשורה לגיל",
        "דלדול עצם",
    ),
    "Osteoporosis": ("אוסטאופורוזיס הקשורה לגיל", "דלדול עצם"),
    "Encounter for screening for eye and ear disorders": (
        "בדיקת סקר עיניים ואוזניים",
        "בדיקת ראייה ושמיעה",
    ),
    "Encounter for screening mammogram for malignant neoplasm of breast": (
        "ממוגרפיה לסקר סרטן שד",
        "צילום שדיים",
    ),
    "Encounter for follow-up examination after completed treatment for conditions other "
    "than malignant neoplasm": ("ביקור מעקב לאחר סיום טיפול", "מעקב אחרי הטיפול"),
    "Other chest pain": ("כאבים בחזה", "לחץ בחזה"),
    "Unspecified fracture of unspecified wrist and hand, initial encounter for closed fracture": (
        "שבר סגור בשורש כף היד",
        "יד שבורה",
    ),
    "Encounter for screening for malignant neoplasm of colon": (
        "בדיקת סקר לסרטן המעי הגס",
        "קולונוסקופיה",
    ),
    "Bacterial foodborne intoxication, unspecified": ("הרעלת מזון חיידקית", "קלקול קיבה"),
    "Acute upper respiratory infection, unspecified": (
        "זיהום חריף בדרכי הנשימה העליונות",
        "הצטננות",
    ),
    "Encounter for supervision of normal pregnancy, unspecified, unspecified trimester": (
        "מעקב הריון תקין",
        "ביקור הריון",
    ),
    "Low back pain, unspecified": ("כאבי גב תחתון", "כאב במותניים"),
    "Injury, unspecified, initial encounter": ("חבלה", "פציעה"),
    "Fracture of neck of femur": ("שבר בצוואר הירך", "ירך שבורה"),
    "Acute tubulo-interstitial nephritis": ("דלקת כליות טובולו-אינטרסטיציאלית חריפה", "נפריטיס"),
    "Person injured in unspecified motor-vehicle accident, traffic, initial encounter": (
        "נפגע בתאונת דרכים",
        "תאונת רכב",
    ),
    "Syncope and collapse": ("סינקופה והתמוטטות", "התעלפות"),
    "Obesity, unspecified": ("השמנה", "השמנת יתר"),
    "Overweight": ("עודף משקל", "משקל יתר"),
    "Unspecified asthma, uncomplicated": ("אסתמה ללא סיבוכים", "קצרת"),
    "Asthma": ("אסתמה ללא סיבוכים", "קצרת"),
    "Osteoarthritis of knee, unspecified": ("אוסטאוארתריטיס של הברך", "שחיקת סחוס בברך"),
    "Knee OA": ("אוסטאוארתריטיס של הברך", "שחיקת סחוס בברך"),
    "Nicotine dependence, cigarettes, uncomplicated": ("תלות בניקוטין, סיגריות", "עישון"),
    "Chronic kidney disease, unspecified": ("מחלת כליות כרונית", "אי ספיקת כליות"),
    "CKD": ("מחלת כליות כרונית", "אי ספיקת כליות"),
    "Gastro-esophageal reflux disease without esophagitis": (
        "מחלת ריפלוקס קיבתי-ושטי",
        "צרבת",
    ),
    "GERD": ("מחלת ריפלוקס קיבתי-ושטי", "צרבת"),
    "Unspecified dementia, unspecified severity, without behavioral disturbance, psychotic "
    "disturbance, mood disturbance, and anxiety": ("דמנציה", "שיטיון"),
    "Malignant neoplasm of unspecified site of unspecified female breast": (
        "גידול ממאיר של השד",
        "סרטן שד",
    ),
    "Major depressive disorder, single episode, unspecified": (
        "הפרעת דיכאון מז'ורי, אפיזודה בודדת",
        "דיכאון",
    ),
    "Major depressive disorder, recurrent, unspecified": (
        "הפרעת דיכאון מז'ורי חוזרת",
        "דיכאון חוזר",
    ),
    "Alcohol dependence, uncomplicated": ("תלות באלכוהול", "אלכוהוליזם"),
    "Generalized anxiety disorder": ("הפרעת חרדה מוכללת", "חרדה"),
    "Morbid (severe) obesity due to excess calories": ("השמנת יתר חולנית", "השמנה קיצונית"),
    "Atherosclerotic heart disease of native coronary artery without angina pectoris": (
        "טרשת עורקים כליליים",
        "מחלת לב איסכמית",
    ),
    "Chronic ischemic heart disease (IHD)": ("טרשת עורקים כליליים", "מחלת לב איסכמית"),
    "Unspecified atrial fibrillation": ("פרפור פרוזדורים", "פרפור עליות"),
    "Atrial fibrillation (AF)": ("פרפור פרוזדורים", "פרפור עליות"),
    "Cerebral infarction": ("אוטם מוחי", "שבץ"),
    "Cerebral infarction, unspecified": ("אוטם מוחי", "שבץ"),
    "Cerebral infarction (stroke)": ("אוטם מוחי", "שבץ"),
    "Malignant neoplasm of colon, unspecified": ("גידול ממאיר של המעי הגס", "סרטן המעי"),
    "Malignant neoplasm of prostate": ("גידול ממאיר של הערמונית", "סרטן ערמונית"),
    "Malignant neoplasm of unspecified part of unspecified bronchus or lung": (
        "גידול ממאיר של הריאה",
        "סרטן ריאות",
    ),
    # allergens
    "House dust mite": ("קרדית אבק הבית", "קרדית אבק הבית"),
    "Tree pollen": ("אבקת עצים", "אבקת עצים"),
    "Sulfonamide": ("סולפונאמידים", "סולפונאמידים"),
    "Aspirin": ("Aspirin", "Aspirin"),
}
RELATIVES = {"father": "אב", "mother": "אם", "natural sibling": "אח או אחות"}
VITALS = {
    "Heart rate": "דופק",
    "Oxygen saturation": "סטורציה",
    "Body temperature": "חום גוף",
    "Respiratory rate": "קצב נשימה",
}


def note_form(english: str) -> str:
    """The Hebrew a note writes; an unknown concept stays in English (as a code would)."""
    return CONCEPTS.get(english, (english, english))[0]


def asked_form(english: str) -> str:
    return CONCEPTS.get(english, (english, english))[1]
