"""The words of the set: drugs (generic, brands as Israeli and English prescribers write
them, misspellings, Hebrew transliterations), conditions, procedures, specialties and
visit types, each with the name its label expects and the names that count as it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Drug:
    generic: str
    en: tuple[str, ...]  # written in English notes: generic, brands, a typo
    he: tuple[str, ...]  # written in Hebrew notes (English names are common there too)
    doses: tuple[str, ...]


DRUGS: tuple[Drug, ...] = (
    Drug(
        "metformin",
        ("metformin", "Glucophage", "metfromin"),
        ("מטפורמין", "גלוקומין"),
        ("500 mg", "850 mg", "1000 mg"),
    ),
    Drug(
        "amlodipine",
        ("amlodipine", "Norvasc", "amlodipin"),
        ("אמלודיפין", "נורבסק", "אמלודיפן"),
        ("5 mg", "10 mg", "2.5mg"),
    ),
    Drug(
        "atorvastatin",
        ("atorvastatin", "Lipitor", "atrovastatin"),
        ("אטורבסטטין", "ליפיטור"),
        ("20 mg", "40mg", "80 mg"),
    ),
    Drug(
        "rosuvastatin",
        ("rosuvastatin", "Crestor"),
        ("רוסובסטטין", "קרסטור"),
        ("10 mg", "20 mg", "5 mg"),
    ),
    Drug(
        "bisoprolol",
        ("bisoprolol", "Cardiloc"),
        ("ביסופרולול", "קרדילוק"),
        ("2.5 mg", "5 mg", "1.25 mg"),
    ),
    Drug("ramipril", ("ramipril", "Tritace"), ("רמיפריל", "טריטייס"), ("2.5 mg", "5mg", "10 mg")),
    Drug("losartan", ("losartan", "Cozaar"), ("לוסרטן", "אוקסאר"), ("50 mg", "100 mg", "25 mg")),
    Drug(
        "furosemide",
        ("furosemide", "Lasix", "frusemide"),
        ("פוסיד", "פורוסמיד"),
        ("40 mg", "20 mg", "80 mg"),
    ),
    Drug(
        "levothyroxine",
        ("levothyroxine", "Eltroxin", "Euthyrox", "levothyroxin"),
        ("אלטרוקסין", "לבותירוקסין"),
        ("50 mcg", "75 mcg", "100 mcg"),
    ),
    Drug(
        "escitalopram",
        ("escitalopram", "Cipralex", "Lexapro"),
        ("אסציטלופרם", "ציפרלקס"),
        ("10 mg", "5 mg", "20 mg"),
    ),
    Drug(
        "sertraline",
        ("sertraline", "Zoloft", "Lustral", "sertaline"),
        ("סרטרלין", "זולופט"),
        ("50 mg", "100 mg", "25 mg"),
    ),
    Drug("fluoxetine", ("fluoxetine", "Prozac"), ("פלואוקסטין", "פריזמה"), ("20 mg", "40 mg")),
    Drug("quetiapine", ("quetiapine", "Seroquel"), ("קווטיאפין", "סרוקוול"), ("25 mg", "50 mg")),
    Drug(
        "omeprazole", ("omeprazole", "Losec", "omeprazol"), ("אומפרזול", "לוסק"), ("20 mg", "40 mg")
    ),
    Drug("apixaban", ("apixaban", "Eliquis"), ("אפיקסבן", "אליקוויס"), ("5 mg", "2.5 mg")),
    Drug("rivaroxaban", ("rivaroxaban", "Xarelto"), ("ריברוקסבן", "קסרלטו"), ("20 mg", "15 mg")),
    Drug(
        "empagliflozin",
        ("empagliflozin", "Jardiance"),
        ("אמפגליפלוזין", "ג'רדיאנס"),
        ("10 mg", "25 mg"),
    ),
    Drug(
        "semaglutide",
        ("semaglutide", "Ozempic"),
        ("סמגלוטייד", "אוזמפיק"),
        ("0.25 mg", "0.5 mg", "1 mg"),
    ),
    Drug("insulin glargine", ("insulin glargine", "Lantus"), ("לנטוס",), ("10 units", "14 u")),
    Drug(
        "aspirin", ("aspirin", "ASA", "Micropirin"), ("אספירין", "מיקרופירין"), ("75 mg", "100 mg")
    ),
    Drug(
        "paracetamol",
        ("paracetamol", "acetaminophen", "Acamol"),
        ("אקמול", "פרצטמול"),
        ("500 mg", "1 g"),
    ),
    Drug(
        "ibuprofen",
        ("ibuprofen", "Nurofen", "Advil"),
        ("איבופרופן", "נורופן"),
        ("400 mg", "200 mg", "600mg"),
    ),
    Drug("naproxen", ("naproxen", "Naxyn"), ("נפרוקסן", "נקסין"), ("250 mg", "500 mg")),
    Drug("diclofenac", ("diclofenac", "Voltaren"), ("דיקלופנק", "וולטרן"), ("50 mg", "75 mg")),
    Drug("pregabalin", ("pregabalin", "Lyrica"), ("פרגבלין", "ליריקה"), ("75 mg", "150 mg")),
    Drug(
        "salbutamol",
        ("salbutamol", "Ventolin", "albuterol"),
        ("ונטולין", "סלבוטמול"),
        ("100 mcg", "2 puffs"),
    ),
    Drug(
        "allopurinol", ("allopurinol", "Zyloric"), ("אלופורינול", "זילוריק"), ("100 mg", "300 mg")
    ),
    Drug(
        "spironolactone",
        ("spironolactone", "Aldactone"),
        ("ספירונולקטון", "אלדקטון"),
        ("25 mg", "50 mg"),
    ),
    Drug(
        "methylphenidate",
        ("methylphenidate", "Ritalin", "Concerta"),
        ("ריטלין", "קונצרטה"),
        ("10 mg", "18 mg", "36 mg"),
    ),
    Drug(
        "amoxicillin",
        ("amoxicillin", "Moxypen", "amoxycillin"),
        ("אמוקסיצילין", "מוקסיפן"),
        ("500 mg", "875 mg"),
    ),
    Drug("warfarin", ("warfarin", "Coumadin"), ("קומדין", "וורפרין"), ("5 mg", "3 mg")),
    Drug(
        "vitamin d",
        ("vitamin D", "cholecalciferol"),
        ("ויטמין D", "ויטמין די"),
        ("1000 IU", "2000 units"),
    ),
)
DRUG = {d.generic: d for d in DRUGS}
# Drugs a clinic writes about most (the rest appear everywhere).
CLINIC_DRUGS: dict[str, tuple[str, ...]] = {
    "gp": ("amlodipine", "ramipril", "omeprazole", "paracetamol", "ibuprofen", "amoxicillin",
           "levothyroxine", "atorvastatin", "vitamin d", "salbutamol", "losartan", "allopurinol"),
    "physio": ("ibuprofen", "naproxen", "paracetamol", "diclofenac", "pregabalin"),
    "psych": ("escitalopram", "sertraline", "fluoxetine", "quetiapine", "methylphenidate",
              "pregabalin"),
    "endo": ("metformin", "empagliflozin", "semaglutide", "insulin glargine", "levothyroxine",
             "atorvastatin", "rosuvastatin", "ramipril"),
    "cardio": ("bisoprolol", "amlodipine", "apixaban", "rivaroxaban", "furosemide", "aspirin",
               "spironolactone", "rosuvastatin", "warfarin", "losartan"),
    "paeds": ("amoxicillin", "paracetamol", "ibuprofen", "salbutamol", "methylphenidate",
              "vitamin d"),
}  # fmt: skip


@dataclass(frozen=True)
class Condition:
    name: str  # the label's name
    en: tuple[str, ...]
    he: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # other names an extractor may give it
    # A chronic condition that does not go away by itself, so one listed in the background
    # ("PMH: hypertension") is still the patient's: labelled present there (docs/timeline.md,
    # "Present or history"). False for an event or acute illness (MI, PE, pneumonia, UTI),
    # which is over once it has happened, and for what comes and goes in episodes
    # (depression, insomnia, low back pain), which a background list does not say is current.
    lasting: bool = False


CONDITIONS: tuple[Condition, ...] = (
    Condition("hypertension", ("hypertension", "HTN", "high blood pressure", "hypertenstion"),
              ("יתר לחץ דם", "יל" + '"' + "ד"), ("htn", "essential hypertension"), lasting=True),
    Condition("type 2 diabetes", ("type 2 diabetes", "T2DM", "DM2", "NIDDM"),
              ("סוכרת סוג 2", "סוכרת"), ("diabetes", "t2dm", "dm2", "diabetes type 2"),
              lasting=True),
    Condition("hyperlipidemia", ("hyperlipidaemia", "dyslipidemia", "high cholesterol"),
              ("היפרליפידמיה", "דיסליפידמיה"),
              ("dyslipidemia", "hypercholesterolemia", "hyperlipidaemia", "dyslipidaemia"),
              lasting=True),
    Condition("atrial fibrillation", ("atrial fibrillation", "AF", "paroxysmal AF"),
              ("פרפור פרוזדורים", "AF"), ("af", "afib", "paroxysmal atrial fibrillation"),
              lasting=True),
    Condition("heart failure", ("heart failure", "CHF", "HFrEF"), ("אי ספיקת לב", "CHF"),
              ("chf", "congestive heart failure", "hfref"), lasting=True),
    Condition("asthma", ("asthma", "asthma (mild intermittent)", "asthama"), ("אסתמה", "גנחת"), (),
              lasting=True),
    Condition("copd", ("COPD",), ("COPD", "מחלת ריאות חסימתית"),
              ("chronic obstructive pulmonary disease",), lasting=True),
    Condition("hypothyroidism", ("hypothyroidism", "underactive thyroid"),
              ("תת פעילות של בלוטת התריס", "היפותירואידיזם"), ("hashimoto",), lasting=True),
    Condition("depression", ("depression", "MDD", "major depressive disorder"),
              ("דיכאון", "דכאון"), ("major depression", "mdd", "depressive episode")),
    Condition("anxiety", ("generalised anxiety disorder", "GAD", "anxiety"),
              ("חרדה", "הפרעת חרדה"),
              ("generalized anxiety disorder", "gad", "anxiety disorder"), lasting=True),
    Condition("osteoarthritis", ("osteoarthritis", "OA knee", "knee OA"),
              ("אוסטאוארטריטיס", "שחיקת סחוס"), ("oa", "knee osteoarthritis"), lasting=True),
    Condition("low back pain", ("low back pain", "LBP", "mechanical LBP"),
              ("כאבי גב תחתון", "כאב גב תחתון"), ("lbp", "back pain", "lumbago")),
    Condition("gout", ("gout",), ("גאוט", "שיגדון"), ("gouty arthritis",), lasting=True),
    Condition("migraine", ("migraine", "migraine without aura"), ("מיגרנה",), ("migraines",),
              lasting=True),
    Condition("gerd", ("GERD", "reflux", "GORD"), ("ריפלוקס", "GERD"),
              ("gastroesophageal reflux", "gord", "reflux"), lasting=True),
    Condition("chronic kidney disease", ("CKD stage 3", "chronic kidney disease", "CKD"),
              ("אי ספיקת כליות כרונית", "CKD"), ("ckd", "ckd stage 3"), lasting=True),
    Condition("myocardial infarction", ("MI", "NSTEMI", "myocardial infarction"),
              ("אוטם שריר הלב", "MI"), ("mi", "nstemi", "heart attack")),
    Condition("stroke", ("CVA", "stroke"), ("אירוע מוחי", "CVA"),
              ("cva", "cerebrovascular accident")),
    Condition("pulmonary embolism", ("PE", "pulmonary embolism"), ("תסחיף ריאתי", "PE"), ("pe",)),
    Condition("deep vein thrombosis", ("DVT", "deep vein thrombosis"),
              ("פקקת ורידים עמוקים", "DVT"), ("dvt",)),
    Condition("pneumonia", ("pneumonia", "CAP"), ("דלקת ריאות",),
              ("community acquired pneumonia",)),
    Condition("urinary tract infection", ("UTI", "urinary tract infection"), ("דלקת בדרכי השתן",),
              ("uti", "cystitis")),
    Condition("ptsd", ("PTSD",), ("PTSD", "פוסט טראומה"), ("post traumatic stress disorder",),
              lasting=True),
    Condition("adhd", ("ADHD",), ("ADHD", "הפרעת קשב"), ("attention deficit hyperactivity",),
              lasting=True),
    Condition("insomnia", ("insomnia",), ("נדודי שינה", "אינסומניה"), ()),
    Condition("obesity", ("obesity",), ("השמנה", "השמנת יתר"), ("obese",), lasting=True),
    Condition("chest pain", ("chest pain", "CP"), ("כאבים בחזה", "כאב בחזה"), ("cp",)),
    Condition("shortness of breath", ("SOB", "shortness of breath", "dyspnoea"),
              ("קוצר נשימה",), ("dyspnea", "dyspnoea", "sob")),
    Condition("suicidal ideation", ("suicidal ideation", "SI"), ("מחשבות אובדניות",),
              ("si", "suicidal thoughts")),
    Condition("fever", ("fever",), ("חום",), ("pyrexia", "febrile")),
    Condition("headache", ("headache", "headaches"), ("כאבי ראש", "כאב ראש"), ("cephalgia",)),
    Condition("cough", ("cough", "dry cough"), ("שיעול",), ()),
)  # fmt: skip
COND = {c.name: c for c in CONDITIONS}
CHRONIC = ("hypertension", "type 2 diabetes", "hyperlipidemia", "atrial fibrillation",
           "heart failure", "asthma", "copd", "hypothyroidism", "depression", "anxiety",
           "osteoarthritis", "gout", "migraine", "gerd", "chronic kidney disease", "ptsd",
           "adhd", "insomnia", "obesity")  # fmt: skip
EVENTS = ("myocardial infarction", "stroke", "pulmonary embolism", "deep vein thrombosis",
          "pneumonia", "urinary tract infection")  # fmt: skip
SYMPTOMS = ("chest pain", "shortness of breath", "suicidal ideation", "fever", "headache",
            "cough")  # fmt: skip
RULED_OUT = ("pulmonary embolism", "deep vein thrombosis", "pneumonia",
             "urinary tract infection", "atrial fibrillation", "myocardial infarction")  # fmt: skip


@dataclass(frozen=True)
class Named:
    name: str
    en: tuple[str, ...]
    he: tuple[str, ...]
    aliases: tuple[str, ...] = ()


# Procedures done at the visit.
PROCEDURES: tuple[Named, ...] = (
    Named("ecg", ("ECG", "12-lead ECG", "EKG"), ("אק" + '"' + "ג", "ECG"),
          ("ekg", "electrocardiogram", "12 lead ecg")),
    Named("spirometry", ("spirometry",), ("ספירומטריה",), ("pulmonary function test",)),
    Named("joint injection", ("steroid injection", "intra-articular injection"),
          ("הזרקה למפרק", "זריקת סטרואידים"),
          ("injection", "steroid injection", "intra articular injection", "knee injection")),
    Named("dry needling", ("dry needling", "DN"), ("דיקור יבש", "dry needling"), ("needling",)),
    Named("ear syringing", ("ear syringing", "ear irrigation"), ("שטיפת אוזניים",),
          ("ear irrigation", "ear wax removal", "microsuction")),
    Named("suture removal", ("removal of sutures", "suture removal", "ROS"), ("הוצאת תפרים",),
          ("removal of sutures", "sutures removed", "stitches removed")),
    Named("flu vaccine", ("flu vaccine", "influenza vaccination", "flu jab"),
          ("חיסון שפעת",), ("influenza vaccine", "influenza vaccination", "flu shot")),
    Named("echocardiogram", ("echo", "TTE", "echocardiogram"), ("אקו לב",),
          ("echo", "tte", "echocardiography")),
    Named("holter", ("Holter", "24h Holter"), ("הולטר",), ("holter monitor", "24h holter")),
    Named("diabetic foot exam", ("diabetic foot exam", "monofilament test"),
          ("בדיקת כף רגל סוכרתית",), ("foot exam", "monofilament", "foot check")),
)  # fmt: skip
PROC = {x.name: x for x in PROCEDURES}

SPECIALTIES: tuple[Named, ...] = (
    Named("cardiology", ("cardiology", "cardiologist", "cardiac clinic"),
          ("קרדיולוג", "קרדיולוגיה")),
    Named("physiotherapy", ("physio", "physiotherapy", "PT"), ("פיזיותרפיה", "פיזיותרפיסט"),
          ("referral: physio", "referral: physical therapy", "referral: pt")),
    Named("dietitian", ("dietitian", "dietician", "dietetics"), ("דיאטנית", "תזונאית"),
          ("referral: dietician", "referral: nutrition", "referral: dietetics")),
    Named("psychiatry", ("psychiatry", "psychiatrist"), ("פסיכיאטר", "פסיכיאטריה")),
    Named("psychology", ("psychology", "psychologist", "CBT"), ("פסיכולוג", "פסיכולוגית"),
          ("referral: psychologist", "referral: psychotherapy", "referral: cbt")),
    Named("orthopaedics", ("ortho", "orthopaedics", "orthopedic surgeon"), ("אורתופד",),
          ("referral: orthopedics", "referral: orthopaedic", "referral: orthopedic")),
    Named("endocrinology", ("endocrinology", "endo", "endocrinologist"), ("אנדוקרינולוג",)),
    Named("ophthalmology", ("ophthalmology", "eye clinic", "ophthalmologist"),
          ("רופא עיניים", "אופתלמולוג")),
    Named("dermatology", ("dermatology", "derm"), ("רופא עור", "דרמטולוג")),
    Named("neurology", ("neurology", "neuro"), ("נוירולוג",)),
    Named("gastroenterology", ("gastro", "GI"), ("גסטרו", "גסטרואנטרולוג")),
    Named("ent", ("ENT",), ("אא" + '"' + "ג",), ("referral: otolaryngology",)),
)  # fmt: skip
SPEC = {x.name: x for x in SPECIALTIES}


def referral_aliases(s: Named) -> tuple[str, ...]:
    """What counts as this referral: its specialty in any written form, and its aliases."""
    return (*(f"referral: {w}" for w in (*s.en, *s.he)), *s.aliases)
