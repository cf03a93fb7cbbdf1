"""The measures the extractor reads: for each, its labels (English and Hebrew), the shape
of its value, its units and the values that are believable. Data, kept apart from the
reading in measures.py."""

from __future__ import annotations

from dataclasses import dataclass

HEB = "\u05d0-\u05ea"
# Hebrew glues one-letter prefixes to a word ("ולחץ דם", "במשקל"), two at times
# ("שהסוכר", "וה-LDL").
HEB_PREFIX = "(?:[ושכ][הבלמ]|[והבלמשכ])?"
# "82.5", and "82,5" as much of Europe and Israel writes it (a comma before one or two
# digits; "1,000" is a thousand and "80, 72" a list).
_NUM = r"\d{1,4}(?:\.\d{1,3}|,\d{1,2}(?![\d]))?"
# Words between a label and its value. Kept short: a value further away is another's.
_BRIDGE_WORDS = (
    r"is|was|were|of|at|now|today|measured|measures|reading|read|recorded|remains|remained|"
    r"came back|came in at|checked|level|value|result|score|scored|rated|rating|"
    r"sitting|standing|seated|resting|repeat|recheck|on recheck|on repeat|fasting|"
    r"down to|up to|increased to|decreased to|improved to|dropped to|rose to|"
    r"total|total score|screen|screening|score of|r arm|l arm|right arm|left arm|arm|"
    r"readings?|around|approximately|approx|about|~|ckd-epi|mdrd|to|limited to|only|reaches|"
    r"reached|achieves|achieved|just|active|passive|lying|supine|averaged|averaging|average|"
    r"avg|mean|est|estimated|calculated|improved|worsened|increased|decreased|changed|went|"
    r"elevated|raised|high|low|borderline|stable|ifcc|ngsp|dcct|fell|rose|dropped|climbed|"
    r"עומד על|עמד על|היה|הייתה|של|כעת|היום|נמדד|נמדדה|ירד ל|עלה ל|בצום|ערך|בעוצמה של|בעוצמה|"
    r"מוערך|ציון|בציון|בדרגה|בדרגת|דרגה|טוטאלי|כולל|עד|ל-|הינו|הינה|הוא|היא|קיבל|קיבלה|"
    r"נקודות|בבדיקה|במדידה|מחושב|מחושבת|at home|home|בבית|log|this am|this morning|"
    r"in the morning|this pm|בבוקר|בערב|סביב|בממוצע"
)
_SIDE = r"(?:left|right|l|r|lt|rt|bilateral|bilat)"
_JOINT = (
    r"(?:knee|hip|shoulder|elbow|ankle|wrist|neck|cervical|lumbar|thoracic|trunk|spine|finger|"
    r"thumb|toe|hallux)"
)
_MOTION = (
    r"a?rom|prom|range of motion|flexion|flex|extension|ext|abduction|abd|adduction|"
    r"(?:internal |external |int\.? |ext\.? )?rotation|(?:int|ext)\.? rot|ir|er|df|pf|"
    r"horizontal abduction|horiz\.? abd|fwd flex|ff|"
    r"dorsi-?flexion|plantar-?flexion|plantar flexion|"
    r"forward flexion|lateral flexion|side bending|forward elevation|elevation|flexes|extends|"
    r"abducts|bends|bend|dorsiflexes|rotates|flexed|extended|abducted|bent"
)
_HEB_MOTION = (
    r"פלקסיה|אקסטנציה|אבדוקציה|אדוקציה|רוטציה|"
    r"כיפו[ףפ]|כפיפ[הת]|יישור|ישור|פשיט[הת]|הרחק[הת]|קירוב|סיבוב|הרמ[הת]|טווח (?:ה)?תנועה|"
    r"מתכופפ(?:ת|ים|ות)?|מתכופף|מתיישר(?:ת)?|מכופפ(?:ת)?|מכופף|מרחיק(?:ה)?|מיישר(?:ת)?"
)
_LAB_UNITS = r"mg/dl|mg%|mmol/l|mmol|מ[\"״]?ג/ד[\"״]?ל|ממול/ל"
# "A1c improved from 8.1 to 7.3": the reading is the value it came to.
_FROM_TO = (
    r"from\s+\d{1,4}(?:[.,]\d{1,3})?\s*(?:%|°|kg|lbs?|mg/dl|mmol/l|deg(?:rees)?|מעלות)?\s*"
    r"(?:to|->|→|ל-?)"
)
# "A1c (03/2024): 7.1", "A1c on 3/5: 7.1%": the day of the result, before it.
_DATE = (
    r"(?:on\s+|dated\s+)?(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}/\d{4}|"
    r"\d{4}-\d{2}(?:-\d{2})?)(?![\d])"
)
# "Glucose, fasting (mg/dL): 110": the unit, in brackets, before the value.
_UNIT_NOTE = r"\((?:mg/dl|mmol/l|mmol/mol|%|kg|lbs?|cm|mm\s?hg|bpm|°\s?[cf]|ml/min[^)]{0,12})\)"
# A label's value is on its line: "GAD-7\nscored 26 on the PHQ-9" is no GAD-7 of 26.
BRIDGE = (
    rf"(?:[^\S\n]|[:=\-–,()|]|\b(?:{_BRIDGE_WORDS})\b|(?:{_BRIDGE_WORDS})|{_FROM_TO}|{_DATE}|"
    rf"{_UNIT_NOTE})*?"
)
# A threshold right before the value makes it a target, not a reading.


@dataclass(frozen=True)
class Spec:
    names: tuple[str, ...]  # one per value group: BP has two
    labels: tuple[str, ...]  # regex alternatives, English and Hebrew
    value: str  # regex with one group per name
    units: str  # regex of the units this measure is written in (may be empty)
    plausible: tuple[tuple[float, float], ...]  # per name, in the stored unit


SPECS: tuple[Spec, ...] = (
    Spec(
        ("bp_systolic", "bp_diastolic"),
        (
            r"b/?p",
            r"b\.p\.?",
            r"orthostatics?",
            r"blood pressure",
            r"t/a",
            r"ta",
            r"rr",
            r"bld press",
            r"nibp",
            r"(?:home )?cuff",
            rf"{HEB_PREFIX}לחץ[- ]?(?:ה)?דם",
            rf"{HEB_PREFIX}לח?[\"״'׳]ד",
            rf"{HEB_PREFIX}ל\.ד\.?",
        ),
        r"(\d{2,4})\s*(?:/|over|\\|על)\s*(\d{2,4})",
        r"mm\s?hg|ממ\"כ|מ\"מ כספית",
        ((50, 260), (25, 160)),
    ),
    Spec(
        ("heart_rate",),
        (
            *(r"hr", r"heart rate", r"heart-rate", r"heartrate", r"pulse(?: rate)?"),
            r"(?<!\.)p",  # not the P of "B.P."
            *(
                r"apical pulse",
                r"ventricular rate",
                rf"{HEB_PREFIX}דופק",
                rf"{HEB_PREFIX}קצב (?:ה)?לב",
            ),
        ),
        r"(\d{2,3})",
        r"bpm|beats per minute|beats/min|/\s?min|לדקה|פעימות לדקה",
        ((20, 250),),
    ),
    Spec(
        ("weight",),
        (
            r"wt",
            r"wgt",
            r"wght",
            r"bw",
            r"body wt",
            r"bodyweight",
            r"weight",
            r"body weight",
            r"weighs",
            r"weighed",
            rf"{HEB_PREFIX}משקל(?:ו|ה)?",
            r"שוקל",
            r"שוקלת",
        ),
        rf"({_NUM})",
        r"kgs?|kilograms?|kilos?|lbs?|pounds?|#|ק[\"״]?ג|קילו(?:גרם)?",
        ((1, 350),),
    ),
    Spec(
        ("height",),
        (r"ht", r"height", r"stature", r"stands", rf"{HEB_PREFIX}גובה(?:ו|ה)?"),
        rf"({_NUM})",
        r"cm|centimet(?:er|re)s?|m|met(?:er|re)s?|in|inches|\"|”|''|ס[\"״]?מ|מטר",
        ((40, 230),),
    ),
    Spec(
        ("bmi",),
        (
            r"bmi",
            r"body mass index",
            r"body-mass index",
            rf"{HEB_PREFIX}מדד מסת (?:ה)?גוף",
            rf"{HEB_PREFIX}מסת (?:ה)?גוף",
            rf"{HEB_PREFIX}מדד (?:ה)?השמנה",
        ),
        rf"({_NUM})",
        r"kg/m2|kg/m²|kg/m\^2",
        ((10, 80),),
    ),
    Spec(
        ("temperature",),
        (
            r"(?<!\.)t",
            r"temp",
            r"temperature",
            r"tmax",
            r"t\s?°",
            r"afebrile",
            r"oral temp",
            rf"{HEB_PREFIX}חום(?: גוף)?",
            r"body temp(?:erature)?",
            rf"{HEB_PREFIX}טמפרטורה",
            rf"{HEB_PREFIX}טמפ'",
        ),
        rf"({_NUM})",
        r"°\s?c|°\s?f|degrees? c(?:elsius)?|degrees? f(?:ahrenheit)?|celsius|fahrenheit|c|f|°|"
        r"מעלות",
        ((30, 45),),
    ),
    Spec(
        ("spo2",),
        (
            r"spo2",
            r"spo₂",
            r"sao₂",
            r"sp02",
            r"sao2",
            r"o2 sat(?:uration)?s?",
            r"sats?",
            r"saturating",
            r"satting",
            r"sating",
            r"saturation",
            r"o2 saturation",
            rf"{HEB_PREFIX}רוויה",
            r"oxygen saturation",
            r"pulse ox(?:imetry)?",
            rf"{HEB_PREFIX}סטורציה",
            rf"{HEB_PREFIX}רוויון(?: חמצן)?",
            rf"{HEB_PREFIX}ריווי חמצן",
            rf"{HEB_PREFIX}רוויית חמצן",
            rf"{HEB_PREFIX}סטורציית חמצן",
        ),
        r"(\d{2,3})",
        r"%",
        ((50, 100),),
    ),
    Spec(
        ("pain",),
        (
            r"pain",
            r"pain score",
            r"pain level",
            r"pain rating",
            r"nrs",
            r"nprs",
            r"vas",
            r"pain intensity",
            rf"{HEB_PREFIX}כאב",
            rf"{HEB_PREFIX}כאבים",
            rf"{HEB_PREFIX}רמת כאב",
            rf"{HEB_PREFIX}עוצמת כאב",
            rf"{HEB_PREFIX}עוצמת הכאב",
        ),
        r"(\d{1,2}(?:\.\d)?)(?:\s*(?:/|out of|מתוך)\s*10)?",
        r"",
        ((0, 10),),
    ),
    Spec(
        ("a1c",),
        (
            r"(?:hb|hgb)?\s?a1c",
            r"hemoglobin a1c",
            r"haemoglobin a1c",
            r"glycated ha?emoglobin",
            r"glycosylated ha?emoglobin",
            r"glycated hb",
            r"glycosylated hb",
            r"glyco-?ha?emoglobin",
            r"hba1",
            rf"{HEB_PREFIX}המוגלובין סוכרתי",
            rf"{HEB_PREFIX}סוכר ממוצע",
            # Plain "המוגלובין 12.8" is a haemoglobin, not an A1c.
            rf"{HEB_PREFIX}המוגלובין(?: ה?מסוכרר(?:\s?a1c)?|\s?a1c)",
            rf"{HEB_PREFIX}המוגלובין מסוכרר",
        ),
        rf"({_NUM})",
        r"%|mmol/mol",
        ((3, 20),),
    ),
    Spec(
        ("ldl",),
        (
            r"ldl(?:[- ]?c)?",
            r"ldl[- ]chol(?:esterol)?",
            r"low-density lipoprotein",
            rf"{HEB_PREFIX}כולסטרול ldl",
            rf"{HEB_PREFIX}כולסטרול רע",
        ),
        rf"({_NUM})",
        _LAB_UNITS,
        ((10, 400),),
    ),
    Spec(
        ("hdl",),
        (
            r"hdl(?:[- ]?c)?",
            r"hdl[- ]chol(?:esterol)?",
            r"high-density lipoprotein",
            rf"{HEB_PREFIX}כולסטרול hdl",
            rf"{HEB_PREFIX}כולסטרול טוב",
        ),
        rf"({_NUM})",
        _LAB_UNITS,
        ((5, 150),),
    ),
    Spec(
        ("total_cholesterol",),
        (
            r"total cholesterol",
            r"total chol",
            r"t\.\s?chol",
            r"cholesterol,? total",
            r"tc",
            r"(?<!hdl )(?<!ldl )(?<!hdl-)(?<!ldl-)chol",
            r"(?<!hdl )(?<!ldl )(?<!hdl-)(?<!ldl-)cholesterol",
            rf"{HEB_PREFIX}כולסטרול כללי",
            rf"{HEB_PREFIX}כולסטרול כולל",
            rf"{HEB_PREFIX}כולסטרול",
        ),
        rf"({_NUM})",
        _LAB_UNITS,
        ((50, 600),),
    ),
    Spec(
        ("glucose",),
        (
            r"glucose",
            r"fasting glucose",
            r"fbg",
            r"fpg",
            r"fbs",
            r"blood sugar",
            r"bg",
            r"bgl",
            r"fasting blood sugar",
            r"fasting plasma glucose",
            r"random glucose",
            r"glu",
            r"rbs",
            r"bsl",
            r"cbg",
            r"fsbs",
            r"fsbg",
            r"blood glucose",
            r"capillary (?:blood )?glucose",
            r"finger-?stick(?: glucose| sugar| bg)?",
            r"random (?:blood )?(?:sugar|glucose)",
            r"fasting (?:blood )?sugar",
            r"sugar",
            r"glucometer(?: reading)?",
            r"bs",
            r"hgt",
            r"glyc(?:a)?emia",
            r"dextro(?:stix)?",
            rf"{HEB_PREFIX}גלוקוזה?(?: בדם| בצום)?",
            rf"{HEB_PREFIX}רמת (?:ה)?(?:סוכר|גלוקוז)(?: בדם| בצום)?",
            rf"{HEB_PREFIX}בדיקת סוכר",
            rf"{HEB_PREFIX}סוכר(?: בדם| בצום| אקראי)?",
        ),
        rf"({_NUM})",
        _LAB_UNITS,
        ((20, 1000),),
    ),
    Spec(
        ("creatinine",),
        (
            r"creatinine",
            r"creat",
            r"cr",
            r"scr",
            r"serum creatinine",
            rf"{HEB_PREFIX}קרי?אטי?נין",
            rf"{HEB_PREFIX}קראטי?נין",
        ),
        rf"({_NUM})",
        r"mg/dl|[uµμ]mol/l|מ[\"״]?ג/ד[\"״]?ל|מיקרומול/ל",
        ((0.1, 20),),
    ),
    Spec(
        ("egfr",),
        (
            r"e?gfr",
            r"estimated gfr",
            r"est\.? gfr",
            rf"{HEB_PREFIX}(?:קצב )?(?:ה)?סינון (?:ה)?(?:כלי?יתי|גלומרולרי)(?: (?:ה)?משוער)?",
        ),
        rf"(?:[>≥]\s*)?({_NUM})",  # "eGFR >90": the laboratory's highest reported value
        r"ml/min(?:/1\.73\s?m2|/1\.73\s?m²)?",
        ((1, 150),),
    ),
    Spec(("phq2",), (r"phq[- ]?2",), r"(\d{1,2})(?:\s*/\s*6)?", r"", ((0, 6),)),
    Spec(("phq9",), (r"phq[- ]?9",), r"(\d{1,2})(?:\s*/\s*27)?", r"", ((0, 27),)),
    Spec(("gad7",), (r"gad[- ]?7",), r"(\d{1,2})(?:\s*/\s*21)?", r"", ((0, 21),)),
    Spec(
        ("rom",),
        (
            rf"(?:{_SIDE}\s+)?(?:{_JOINT}\s+)?(?:{_SIDE}\s+)?(?:active\s+|passive\s+)?"
            rf"(?:{_MOTION})(?:(?:\s*[:(]\s*|\s+)(?:(?:of the|of|at the|at|in the|in|the|his|her)"
            rf"\s+)?(?:{_SIDE}\s+)?{_JOINT}(?:\s*\))?)?",
            rf"{HEB_PREFIX}(?:{_HEB_MOTION})(?: (?:של |ב)?[{HEB}]+){{0,2}}?",
        ),
        # "0-120": a range's end is the reach; "R 120", "AROM 120", "R/L 120/115" name a side
        # or a kind of motion first; "ext -5" (a minus after a space) is short of neutral.
        rf"(?:(?:{_SIDE}|a?rom|prom|r/l|l/r)\s*:?\s*)?(?:-?\d{{1,3}}\s*°?\s*(?:-|–|—|to|עד|ל-?)\s*)?"
        r"((?:(?<=[\s:=(])-)?\d{1,4})",
        r"°|deg(?:rees?)?|מעלות",
        ((-45, 200),),
    ),
)
