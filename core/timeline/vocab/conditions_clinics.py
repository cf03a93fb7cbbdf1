"""Conditions and symptoms of the specialty clinics, grouped by specialty, with their other
names (abbreviations, British and American spellings, lay words, Hebrew). Each group holds
the common conditions of its clinic, not only those a labelled set met. A name given here is
this table's alone (`core.timeline.vocab.lexicon.merged`): "BCC" was "skin cancer" and is
now "basal cell carcinoma", its own diagnosis. Names follow the
lexicon's American spelling ("esophagitis", "nevus"); the British are other names.

Why a curated table rather than a terminology package: ICD-10-CM (`simple-icd-10-cm`,
public-domain CMS titles) names "Polyp of nasal cavity" and "Pain in joint", with
laterality and encounter qualifiers and few of the abbreviations notes use (LUTS, OME,
CRPS, SNHL); the Human Phenotype Ontology (`hpo3`) ships its data under the HPO's own
terms of use, not a standard permissive licence, and holds rare-disease phenotypes rather
than a clinic's everyday words; neither has Hebrew (docs/timeline.md).
"""

from __future__ import annotations

CONDITIONS_CLINICS: dict[str, tuple[str, ...]] = {
    # -- ENT ------------------------------------------------------------------------------------
    "otitis media with effusion": (
        *("ome", "glue ear", "middle ear effusion", "serous otitis media"),
        *("אוזן דביקה", "נוזל באוזן התיכונה", "דלקת אוזן תיכונה עם תפליט"),
    ),
    "otitis externa": ("swimmer's ear", "דלקת אוזן חיצונית"),
    "nasal polyps": ("nasal polyp", "nasal polyposis", "פוליפים באף", "פוליפ באף"),
    "chronic rhinosinusitis with nasal polyps": ("crswnp",),
    "chronic rhinosinusitis": ("crs", "chronic sinusitis", "סינוסיטיס כרונית"),
    "sinusitis": ("rhinosinusitis", "acute sinusitis", "סינוסיטיס", "דלקת סינוסים"),
    "rhinitis medicamentosa": ("rebound congestion", "נזלת תרופתית"),
    "allergic rhinitis": ("hay fever", "hayfever", "נזלת אלרגית"),
    "post-nasal drip": ("postnasal drip", "ניקוז אחורי מהאף", "הפרשות אחוריות מהאף"),
    "sensorineural hearing loss": (
        *("snhl", "sensorineural deafness", "presbycusis", "noise-induced hearing loss"),
        *("ירידה תחושתית-עצבית בשמיעה", "ירידה עצבית בשמיעה", "ירידת שמיעה עצבית"),
    ),
    "conductive hearing loss": ("ירידת שמיעה הולכתית", "ירידה הולכתית בשמיעה"),
    "tinnitus": ("ringing in the ears", "טנטון", "צפצופים באוזניים"),
    "vertigo": ("bppv", "benign paroxysmal positional vertigo", "ורטיגו", "סחרחורת סיבובית"),
    "vocal cord nodules": (
        *("vocal fold nodules", "vocal nodules", "singer's nodules"),
        *("קשריות במיתרי הקול", "קשריות על מיתרי הקול"),
    ),
    "hoarseness": ("dysphonia", "צרידות", "דיספוניה"),
    "anosmia": ("loss of smell", "hyposmia", "אובדן חוש הריח", "אובדן ריח", "ירידה בחוש הריח"),
    "epistaxis": ("nosebleed", "nose bleed", "דימום מהאף"),
    "tonsillitis": ("דלקות שקדים", "דלקת שקדים חוזרת"),
    "obstructive sleep apnea": ("דום נשימה בשינה",),
    # -- urology --------------------------------------------------------------------------------
    "lower urinary tract symptoms": (
        *("luts", "voiding symptoms", "storage symptoms", "prostatism"),
        *("תסמיני דרכי שתן תחתונות", "תסמיני השתנה"),
    ),
    "benign prostatic hyperplasia": ("bph", "enlarged prostate", "הגדלה שפירה של הערמונית"),
    "renal colic": ("ureteric colic", "כאב כליתי", "קוליק כליתי", "קוליק כלייתי"),
    "urinary retention": ("retention of urine", "אצירת שתן"),
    "overactive bladder": ("oab", "urge incontinence", "שלפוחית רגיזה", "בריחת שתן דחיפות"),
    "erectile dysfunction": ("impotence", "אין אונות", "הפרעה בזקפה"),
    "hematuria": ("haematuria", "blood in urine", "דם בשתן", "המטוריה"),
    "prostate cancer": ("prostate carcinoma", "ca prostate", "סרטן ערמונית", "סרטן הערמונית"),
    # -- dermatology ----------------------------------------------------------------------------
    "nevus": (
        *("naevus", "naevi", "nevi", "mole", "moles", "atypical naevus", "atypical nevus"),
        *("dysplastic naevus", "dysplastic nevus", "שומה", "שומות", "נבוס"),
    ),
    "basal cell carcinoma": (
        "bcc",
        "nodular bcc",
        "superficial bcc",
        "rodent ulcer",
        "קרצינומה של תאי הבסיס",
    ),
    "squamous cell carcinoma": ("scc", "cutaneous scc", "קרצינומה של תאי הקשקש"),
    "melanoma": ("malignant melanoma", "מלנומה"),
    "actinic keratosis": (
        "actinic keratoses",
        "ak",
        "solar keratoses",
        "קרטוזות סולריות",
        "קרטוזה סולרית",
    ),
    "seborrheic dermatitis": (
        *("seborrhoeic dermatitis", "seb derm", "seborrhoeic eczema", "dandruff"),
        *("דלקת עור סבוריאית", "סבוריאה"),
    ),
    "seborrheic keratosis": ("seborrhoeic keratosis", "seborrhoeic wart", "קרטוזה סבוריאית"),
    "tinea pedis": ("athlete's foot", "פטרת כפות רגליים", "פטרת בכפות הרגליים"),
    "onychomycosis": ("fungal nail infection", "tinea unguium", "פטרת ציפורניים"),
    "rosacea": ("רוזציאה",),
    "urticaria": ("hives", "אורטיקריה", "סרפדת"),
    "warts": ("verruca", "verrucae", "wart", "viral warts", "יבלת", "יבלות"),
    "venous leg ulcer": ("venous ulcer", "leg ulcer", "כיב ורידי", "כיב ברגל"),
    "pressure ulcer": (
        *("pressure injury", "pressure sore", "decubitus ulcer", "bedsore"),
        *("פצע לחץ", "פצעי לחץ"),
    ),
    "cellulitis": ("צלוליטיס",),
    # -- oncology -------------------------------------------------------------------------------
    "neutropenia": ("febrile neutropenia", "נויטרופניה", "נוטרופניה"),
    "breast cancer": ("breast ca",),
    "lung cancer": ("lung adenocarcinoma", "nsclc", "sclc", "non-small cell lung cancer"),
    "colorectal cancer": ("bowel cancer", "colon cancer", "סרטן המעי הגס", "סרטן המעי"),
    "lymphoma": ("hodgkin lymphoma", "non-hodgkin lymphoma", "לימפומה"),
    "mucositis": ("oral mucositis", "מוקוזיטיס", "דלקת ריריות"),
    "peripheral neuropathy": ("chemotherapy-induced neuropathy", "cipn", "נוירופתיה היקפית"),
    "lymphedema": ("lymphoedema", "בצקת לימפטית"),
    # -- neurology ------------------------------------------------------------------------------
    "tremor": ("רעד",),
    "seizure": ("seizures", "פרכוס", "פרכוסים", "התקפים אפילפטיים"),
    "head injury": ("head trauma", "חבלת ראש", "חבלה בראש"),
    "medication overuse headache": (
        "moh",
        "analgesic overuse headache",
        "כאב ראש משימוש יתר בתרופות",
    ),
    "aphasia": ("dysphasia", "אפזיה"),
    "trigeminal neuralgia": ("טריגמינל נוירלגיה",),
    "bell's palsy": ("bells palsy", "facial nerve palsy", "שיתוק בל"),
    "restless legs syndrome": ("rls", "תסמונת הרגליים העצבניות"),
    # -- GI and hepatology ----------------------------------------------------------------------
    "esophagitis": (
        "oesophagitis",
        "reflux oesophagitis",
        "reflux esophagitis",
        "דלקת בוושט",
        "דלקת ושט",
    ),
    "dyspepsia": ("indigestion", "הפרעות עיכול", "דיספפסיה"),
    "epigastric pain": ("כאב אפיגסטרי", "כאבים באפיגסטריום"),
    "upper gi bleed": (
        "gi bleed",
        "upper gastrointestinal bleeding",
        "דימום ממערכת העיכול העליונה",
    ),
    "hepatosplenomegaly": ("הגדלת כבד וטחול",),
    "iron deficiency": ("חוסר ברזל", "מחסור בברזל"),
    "hemorrhoids": ("haemorrhoids", "piles", "טחורים"),
    "anal fissure": ("fissure in ano", "פיסורה", "סדק אנאלי"),
    "diverticulosis": ("diverticular disease", "דיברטיקולוזיס"),
    "cirrhosis": ("liver cirrhosis", "שחמת", "שחמת הכבד"),
    # -- pulmonology ----------------------------------------------------------------------------
    "pulmonary nodule": ("lung nodule", "קשרית בריאה", "קשרית ריאתית"),
    "pneumothorax": ("ptx", "collapsed lung", "חזה אוויר"),
    "bronchiectasis": ("ברונכיאקטזיות",),
    "interstitial lung disease": ("ild", "pulmonary fibrosis", "ipf", "פיברוזיס ריאתי"),
    "pleural effusion": ("נוזל פלאורלי", "תפליט פלאורלי"),
    # -- musculoskeletal and pain -----------------------------------------------------------------
    "joint pain": ("arthralgia", "joint pains", "joint aches", "aching joints", "כאבי מפרקים"),
    "radiculopathy": (
        "l5 radiculopathy",
        "s1 radiculopathy",
        "רדיקולופתיה",
    ),
    "disc herniation": (
        *("disc prolapse", "herniated disc", "prolapsed disc", "slipped disc", "disc bulge"),
        *("פריצת דיסק", "בלט דיסק"),
    ),
    "complex regional pain syndrome": (
        "crps",
        "reflex sympathetic dystrophy",
        "תסמונת כאב אזורית מורכבת",
    ),
    "ankle sprain": (
        "sprained ankle",
        "twisted ankle",
        "inversion injury",
        "נקע בקרסול",
        "נקע קרסול",
    ),
    "myofascial pain": ("myofascial pain syndrome", "כאב מיופשיאלי"),
    # -- speech, language and swallowing ----------------------------------------------------------
    "stuttering": ("stammering", "stammer", "stutter", "גמגום"),
    "dysarthria": ("דיסארתריה",),
    "dysphagia": ("swallowing difficulty", "קושי בבליעה", "קשיים בבליעה"),
    "aspiration": ("silent aspiration", "אספירציה"),
    "developmental language disorder": (
        "dld",
        "language delay",
        "speech delay",
        "עיכוב שפתי",
        "איחור בדיבור",
    ),
    # -- names of conditions the main lexicon holds, in other forms ----------------------------
    "hip fracture": ("#nof", "nof #", "#nof fracture", "fractured nof"),
    "anxiety": ("anxious", "feeling anxious", "חרדתי", "חרדתית"),
    "irritable bowel syndrome": ("ibs-c", "ibs-d", "ibs-m"),
    "ulcerative colitis": ("uc",),
    # -- general -------------------------------------------------------------------------------
    "lymphadenopathy": (
        "enlarged lymph nodes",
        "swollen glands",
        "בלוטות לימפה מוגדלות",
        "לימפדנופתיה",
    ),
    "wound infection": ("infected wound", "זיהום בפצע", "זיהום פצע"),
    "opioid misuse": ("שימוש לרעה באופיואידים",),
}
