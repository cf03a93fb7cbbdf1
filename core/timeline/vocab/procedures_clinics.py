"""Procedures and referral targets of the specialty clinics (ENT, urology, dermatology, GI and
hepatology, pulmonology, neurology, speech and swallowing, pain, oncology, diabetes), with
their other names, English and Hebrew.

Naming rule (docs/timeline.md, "Naming procedures"): a procedure is named by its common
clinical name in English, lower case and singular ("nasendoscopy", "videofluoroscopy"),
the test itself rather than its device or result ("transient elastography", not
"fibroscan"); a test with a plural name in use keeps it ("pulmonary function tests").
A name given here is this table's alone: `core.timeline.vocab.lexicon.merged` takes it off the
key that had it before ("epidural" was a nerve block; it is its own injection).
"""

from __future__ import annotations

PROCEDURES_CLINICS: dict[str, tuple[str, ...]] = {
    # -- ENT and audiology ----------------------------------------------------------------
    "nasendoscopy": (
        *("flexible nasendoscopy", "nasal endoscopy", "fibreoptic nasendoscopy", "fne"),
        *("flexible nasolaryngoscopy", "nasolaryngoscopy", "אנדוסקופיה של האף", "אנדוסקופיה אפית"),
        "נזואנדוסקופיה",
    ),
    "laryngoscopy": (
        *("flexible laryngoscopy", "indirect laryngoscopy", "videostroboscopy", "stroboscopy"),
        *("לרינגוסקופיה", "סטרובוסקופיה"),
    ),
    "tympanometry": ("טימפנומטריה",),
    "audiometry": ("pure tone audiometry", "אודיוגרם"),
    "grommet insertion": (
        *("grommets", "ventilation tubes", "tympanostomy tubes", "myringotomy"),
        *("הכנסת צינוריות", "צינוריות אוורור"),
    ),
    "nasal cautery": ("silver nitrate cautery", "cautery", "צריבת אף", "צריבה באף"),
    "epley manoeuvre": ("epley maneuver", "epley", "canalith repositioning", "תמרון אפלי"),
    # -- speech and swallowing ----------------------------------------------------------------
    "fees": ("fiberoptic endoscopic evaluation of swallowing", "fibreoptic endoscopic evaluation"),
    "videofluoroscopy": (
        *("vfss", "videofluoroscopic swallow study", "modified barium swallow"),
        *("בדיקת בליעה וידאופלואורוסקופית", "וידאופלואורוסקופיה"),
    ),
    "swallow assessment": (
        *("bedside swallow assessment", "bedside swallow", "swallow screen"),
        *("swallowing assessment", "clinical swallow evaluation", "הערכת בליעה", "אבחון בליעה"),
    ),
    # -- urology -------------------------------------------------------------------------------
    "bladder scan": ("post-void residual", "pvr scan", "bladder ultrasound", "סריקת שלפוחית"),
    "urinary catheter change": (
        *("catheter change", "catheter changed", "catheter was changed", "ipc change"),
        *("suprapubic catheter change", "החלפת קטטר", "הוחלף קטטר", "החלפת צנתר שתן"),
    ),
    "urinary catheterisation": (
        *("catheterisation", "catheterization", "catheter inserted", "foley inserted"),
        *("הוכנס קטטר", "הכנסת קטטר", "צנתור שלפוחית"),
    ),
    "uroflowmetry": ("flow rate test", "urine flow study", "אורופלומטריה"),
    "urodynamics": ("urodynamic studies", "urodynamic study", "אורודינמיקה"),
    "prostate biopsy": ("trus biopsy", "transperineal biopsy", "ביופסיה של הערמונית"),
    # -- dermatology ---------------------------------------------------------------------------
    "dermoscopy": ("dermatoscopy", "דרמוסקופיה", "דרמטוסקופיה"),
    "skin biopsy": ("ביופסיית פאנץ'", "ביופסיית פאנץ", "ביופסיית גילוח"),
    "cryotherapy": ("cryo", "cryosurgery", "קריותרפיה", "הקפאה"),
    "curettage": ("curettage and cautery", "c&c", "ed&c", "גרידה"),
    "mohs surgery": ("mohs", "mohs micrographic surgery", "ניתוח מוס"),
    "phototherapy": ("nbuvb", "narrowband uvb", "uvb phototherapy", "puva", "פוטותרפיה"),
    # -- GI and hepatology ---------------------------------------------------------------------
    "transient elastography": (
        *("fibroscan", "elastography", "liver elastography", "shear wave elastography"),
        *("פיברוסקן", "אלסטוגרפיה"),
    ),
    "paracentesis": ("ascitic tap", "ascitic drain", "פרצנטזיס", "ניקור בטן"),
    "capsule endoscopy": ("pillcam", "video capsule endoscopy", "קפסולה אנדוסקופית"),
    "breath test": ("urea breath test", "hydrogen breath test", "בדיקת נשיפה"),
    "ercp": ("endoscopic retrograde cholangiopancreatography",),
    # -- pulmonology ---------------------------------------------------------------------------
    "pulmonary function tests": (
        *("pfts", "pft", "full pfts", "lung function tests", "full lung function tests"),
        *("בדיקת תפקודי ריאות מלאה", "תפקודי ריאות מלאים"),
    ),
    "6-minute walk test": (
        *("6mwt", "six minute walk test", "6 minute walk test", "6-min walk test", "6mwd"),
        *("מבחן הליכה 6 דקות", "מבחן הליכה של 6 דקות"),
    ),
    "bronchoscopy": ("ebus", "bronchoscopy with bal", "ברונכוסקופיה"),
    "sleep study": ("polysomnography", "psg", "home sleep study", "בדיקת שינה", "פוליסומנוגרפיה"),
    "overnight oximetry": ("oximetry study", "אוקסימטריה לילית"),
    "fractional exhaled nitric oxide": ("feno", "exhaled nitric oxide"),
    # -- neurology and pain --------------------------------------------------------------------
    "epidural steroid injection": (
        *("epidural injection", "epidural", "esi", "tfesi", "transforaminal epidural"),
        *("caudal epidural", "interlaminar epidural", "הזרקה אפידורלית", "אפידורל"),
    ),
    "facet joint injection": ("facet injection", "medial branch block", "הזרקה למפרקים פצטליים"),
    "radiofrequency ablation": ("rfa", "radiofrequency denervation", "רדיו-תדר", "צריבה ברדיו תדר"),
    "trigger point injection": ("זריקות לנקודות טריגר", "זריקה לנקודת טריגר"),
    "tilt table test": ("tilt test", "מבחן הטיה"),
    # -- oncology ------------------------------------------------------------------------------
    "bone marrow biopsy": ("bone marrow aspirate", "bmat", "ביופסיית מח עצם"),
    "port insertion": ("portacath insertion", "picc insertion", "picc line", "השתלת פורט"),
}

SPECIALTIES_CLINICS: dict[str, tuple[str, ...]] = {
    "pulmonary rehabilitation": (
        *("pulmonary rehab", "pulm rehab", "respiratory rehab", "respiratory rehabilitation"),
        *("שיקום ריאתי", "שיקום ריאות"),
    ),
    "mohs surgery": ("mohs", "mohs surgeon", "mohs clinic"),
    "psycho-oncology": ("psychooncology", "psycho oncology", "פסיכו-אונקולוגיה", "פסיכואונקולוגיה"),
    "pain psychology": ("pain psychologist", "פסיכולוגיה של כאב", "פסיכולוג כאב"),
    "diabetes education": (
        *("diabetes educator", "diabetes nurse", "diabetes nurse educator", "dsme"),
        *("diabetes education programme", "אחות סוכרת", "מדריכת סוכרת", "הדרכת סוכרת"),
    ),
    "psychology": ("פסיכולוגיה", "פסיכולוגי"),
    "dietitian": ("community dietitian", "community dietician", "תזונה"),
    "continence service": ("continence nurse", "continence clinic", "bladder and bowel service"),
    "hepatology": ("hepatologist", "liver clinic", "הפטולוג", "הפטולוגיה", "מרפאת כבד"),
    "colorectal surgery": ("colorectal surgeon", "colorectal clinic", "כירורגיה קולורקטלית"),
    "breast surgery": ("breast clinic", "breast surgeon", "מרפאת שד", "כירורגיית שד"),
    "plastic surgery": ("plastic surgeon", "plastics", "כירורגיה פלסטית", "כירורג פלסטי"),
    "palliative care": ("palliative care team", "hospice", "טיפול תומך", "פליאטיבי"),
    "radiation oncology": ("radiation oncologist", "radiotherapy clinic", "רדיותרפיה"),
    "audiology": ("hearing clinic", "מכון שמיעה"),
    "vestibular rehabilitation": ("vestibular physio", "vestibular rehab", "שיקום וסטיבולרי"),
    "voice therapy": ("voice clinic", "טיפול בקול"),
    "stoma nurse": ("stoma care", "אחות סטומה"),
    "lymphoedema clinic": ("lymphedema clinic", "lymphoedema service", "מרפאת לימפאדמה"),
}
