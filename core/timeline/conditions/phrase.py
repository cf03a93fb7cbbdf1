"""A condition's noun phrase read where a note writes one (`core.timeline.conditions.position`),
cut from the words after (or before) that place, and named by its own words.

Where the phrase ends: at a clause's punctuation, a dash between spaces, a number, a side
("L", "right", "משמאל"), or a word that opens what is said about the condition ("on",
"with", "ruled out", "בשל"), and after five words (four in Hebrew). Its name: the words
in lower case, past a leading article or a word of degree or side ("mild", "asymptomatic",
"known"). The guards say what such places also hold and is no condition: a measure, a
drug, a procedure, a plan, a state ("stable", "normal", "NAD"), a body part alone, a
questionnaire, a person; any of them, or a lexicon's name inside the phrase, and nothing
is read there (the lexicon's own reading stands)."""

from __future__ import annotations

import functools
import re

from core.timeline.reading.text import HEB, Lexicon
from core.timeline.vocab import drug_vocab
from core.timeline.vocab.lexicon import DRUGS, PROCEDURES, SPECIALTIES

_WORD = re.compile(rf"[A-Za-z{HEB}][\w{HEB}'’\"״-]*|\d[\w.,/%°-]*|\S")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A word that ends the phrase (and is not part of it).
_END_WORDS = _words(
    "on in at of from for with without due to after since but and or as per x ruled "
    "excluded unlikely resolved noted seen present absent negative positive improving "
    "improved stable worse worsening controlled partially well likely possible - – — "
    "is are was were has have had being been not no now today which vs versus "
    "confirmed suspected treated awaiting pending needs requires under by + -ve +ve "
    "stage grade class "
    "עם על של בשל עקב בגלל לאחר אחרי לפני מאז מזה מגיל ללא בלי אך אבל כעת היום או שלא נשלל נשללה "
    "חיובי חיובית שלילי שלילית יציב יציבה תקין תקינה מאוזן מאוזנת משופר בינוני בינונית "
    "קל קלה קשה בצד דו ימין שמאל מימין משמאל בעין באוזן ברגל ביד"
)
# Words of side: the phrase ends at one ("Carotid stenosis L", "cataract R eye").
_SIDE = _words("l r lt rt left right bilateral bilat both ימין שמאל מימין משמאל ימנית שמאלית")
# Dropped from a name's beginning: an article, a degree, a side, a word of time.
_LEADING = _words(
    "a an the any some mild moderate severe significant marked asymptomatic symptomatic "
    "known new recurrent ongoing early small large minor persistent worsening "
    "l r left right bilateral bilat definite isolated previous prior past old "
    "ה קל קלה בינוני בינונית קשה"
)
# What such a place also holds: a phrase with one of these words is no condition.
_STOP = _words(
    # plans, acts and talk
    "refer referral referred start started stop stopped continue continued repeat "
    "review reviewed follow f/u fu book booked arrange arranged request requested "
    "discuss discussed discussion advise advised advice plan planned consider "
    "check checked reduce increase switch return letter seen given done performed "
    "explained reassured reassurance counselled counselling education declined "
    "agreed wants would will can may should aim target goal goals "
    "prescribed prescription rx dose doses tablet tablets course treatment therapy "
    "management monitoring observation surveillance screen screening test tests testing "
    "result results level levels score scores scale questionnaire assessment exam "
    "examination study scan bloods labs lab investigations sample swab culture "
    "vaccine vaccines vaccination immunisation immunization injection "
    "igg igm antibody antibodies antigen serology pcr titre titer naat rdt stain smear "
    "function dip dipstick "
    # states and findings that are not conditions
    "stable improving improved normal abnormal unremarkable nad well good fine ok okay "
    "intact clear soft nontender non-tender regular comfortable alert oriented "
    "healthy fit active reactive sensitised sensitized controlled uncontrolled "
    "change changes progression response relief improvement deterioration "
    "concerns concern issues issue problems problem complaints complaint symptoms "
    "findings finding signs sign features evidence history record risk "
    "distress complication complications longer better else other others further more "
    "reaction reactions effect effects benefit involvement impact trigger triggers "
    "afebrile apyrexial control controls possible probable query "
    "suspected suspicion suspicious refuses refused declines "
    "radiation guarding rebound rigidity "
    # a verdict of fitness, a behaviour with a device or a course, a risk assessment's
    # items and care's events (round 7)
    "meets fulfils technique adherence compliance inhaler inhalers courses "
    "intent factors admissions admission residual כשיר כשירה "
    "impression impressions diagnosis diagnoses diagnosed dx working differential "
    "walks works lives sleeping questions answered mood presents presented "
    "intolerant intolerance allergic allergies nkda nkfa "
    "brother sister grandmother grandfather aunt uncle "
    # people, time, places
    "patient pt he she they mother father mum mom dad wife husband son daughter "
    "parents family partner carer gp doctor nurse team clinic visit appointment "
    "today yesterday week weeks month months year years day days night morning "
    "home work school hospital ward ed er "
    # social history and measures
    "smoker smoking alcohol drinks drinking units diet exercise lives living "
    "bp pulse hr rr temp temperature weight height bmi sats spo2 glucose sugar "
    "a1c hba1c ldl hdl cholesterol creatinine egfr phq gad vas nrs pain/10 last latest recent "
    # Hebrew
    "שינוי שינויים סיבוכים תזוזה ממצאים ממצא הגבלה מגבלה תלונות תלונה טיפול "
    "קושי בעיה בעיות צורך סימנים סימן עדות שיפור החמרה מעקב בדיקה בדיקות "
    "הפניה הפנייה להמשיך להפסיק להתחיל לחזור ביקור היום מטופל מטופלת "
    "תקין תקינה תקינים יציב יציבה מאוזן מאוזנת טוב טובה מצב כללי "
    "לחץ דופק משקל גובה חום סטורציה סוכר כולסטרול ציון שאלון רגישות "
    "אמא אבא בעלה אשתו בתו בנו משפחה רופא אחות מרפאה עישון אלכוהול "
    "התרשמות אבחנה אבחנות מבדלת אובחן אובחנה ידוע ידועה היסטוריה ברקע רקע אם "
    "הגיע הגיעה עובד עובדת הוסבר הוסברה רגיש רגישה רגישויות לא חשד סיכון אפשרות "
    "מרגיש מרגישה מתלונן מתלוננת מדווח מדווחת נוטל נוטלת משתמש משתמשת בן בת זוג "
    "תועלת נזק תגובה ביקורת מחושב נוספות נוספים אחרות אחרים מחלות תרופות קבועות "
    "מצוקה תכנית תוכנית מסרב מסרבת יעד אחרון"
)
# A body part alone names no condition ("Abdomen", "skin", "עור").
_BODY = _words(
    "abdomen abdo chest heart lungs lung skin eye eyes ear ears nose throat neck "
    "back head scalp face mouth tongue teeth leg legs arm arms hand hands foot feet "
    "knee knees hip hips shoulder shoulders ankle wrist elbow spine joints joint "
    "bowel bowels bladder breasts breast pelvis groin calf calves thigh "
    "בטן חזה לב ריאות עור עין עיניים אוזן אוזניים אף גרון צוואר גב ראש קרקפת "
    "פנים פה לשון רגל רגליים יד ידיים כף ברך ירך כתף קרסול"
)
# Words that name a condition only with another ("peanut allergy", not "Allergy to X").
_ALONE = _words("allergy אלרגיה disease מחלה syndrome תסמונת pain כאב כאבים")
_DIGIT = re.compile(r"\d")
_HEBREW = re.compile(rf"[{HEB}]")
MAX_WORDS = 5
MAX_WORDS_HE = 4


@functools.cache
def _lexicons() -> tuple[Lexicon, Lexicon, Lexicon]:
    return Lexicon.of(DRUGS), Lexicon.of(PROCEDURES), Lexicon.of(SPECIALTIES)


def phrase_after(body: str, start: int, stop: int | None = None) -> tuple[int, int] | None:
    """The span of the condition's phrase that begins at `start` (up to `stop`), or None."""
    limit = len(body) if stop is None else stop
    words: list[re.Match[str]] = []
    last = start
    for m in _WORD.finditer(body, start, limit):
        w = m.group(0).casefold().strip("'\"")
        if body[last : m.start()].strip():
            break
        last = m.end()
        if not words and w in _LEADING:
            continue  # "Asymptomatic carotid stenosis", "Previous L hip fracture"
        if not w or not w[0].isalpha() or w in _END_WORDS or w in _SIDE or _DIGIT.search(w):
            break
        if words and _at_site(w):
            break  # "אקנתוזיס בצוואר": the site, in Hebrew a prefixed word, is no part of it
        words.append(m)
        if len(words) > MAX_WORDS:
            return None
    if not words:
        return None
    hebrew = _HEBREW.match(words[0].group(0)) is not None
    if len(words) > (MAX_WORDS_HE if hebrew else MAX_WORDS):
        return None
    return words[0].start(), words[-1].end()


def _at_site(word: str) -> bool:
    """A Hebrew word that names a body site with "in" ("בצוואר", "בכף", "ברגל")."""
    if word[0] != "ב":
        return False
    rest = word[1:]
    return rest in _BODY or (rest[:1] == "ה" and rest[1:] in _BODY)


def phrase_before(body: str, end: int, begin: int = 0) -> tuple[int, int] | None:
    """The span of the phrase that ends at `end` ("dermographism +"), back to a clause's
    punctuation (no further than `begin`)."""
    head = body[begin:end]
    cut = max(head.rfind(c) for c in ",;:()")
    first = begin + cut + 1
    span = phrase_after(body, first, end)
    if span is None or body[span[1] : end].strip():
        return None
    return span


def procedure_named(words: str) -> bool:
    """Whether `words` name a procedure or a service."""
    _, procedures, specialties = _lexicons()
    return bool(procedures.find(words) or specialties.find(words))


_VALUE_AFTER = re.compile(r"\s*(?:[:=]\s*|of\s+|was\s+|is\s+|היה\s+)?[<>≤≥~]?\s*\d")
# A number that says how long or how large, not a value: "18 months", "5.1 ס"מ".
_SIZE_OR_TIME = re.compile(
    r"\s*(?:x\s*)?[\d.,-]+\s*(?:months?|years?|weeks?|days?|yrs?|wks?|mo|cm|mm|/12|/52|"
    r"ס\"מ|ס״מ|מ\"מ|מ״מ|שנים|שנה|חודשים|חודש|שבועות|ימים)(?![\w\u05d0-\u05ea])",
    re.IGNORECASE,
)


def labels_a_value(body: str, end: int) -> bool:
    """A phrase followed by a number labels a value ("Ferritin 12", "GFR מחושב 53")."""
    return bool(_VALUE_AFTER.match(body, end)) and not _SIZE_OR_TIME.match(body, end)


def _clause_shaped(tokens: list[str]) -> bool:
    """English words that make a clause, not a noun phrase: a participle after the first
    word ("Questions answered") or a first word in -ing before others ("Approaching end")."""
    if not tokens[0].isascii():
        return False
    if tokens[0].startswith("anti-"):
        return True  # an antibody ("anti-Ro"), a test's name
    if any(t.endswith("ed") and len(t) > 4 for t in tokens[1:]):
        return True
    return len(tokens) > 1 and tokens[0].endswith("ing")


def condition_name(words: str) -> str | None:
    """The name of the phrase `words`, or None where the guards say it names no
    condition."""
    tokens = [w.casefold().strip("'\"’״") for w in words.split()]
    while tokens and tokens[0] in _LEADING:
        tokens = tokens[1:]
    if not tokens or any(t in _STOP for t in tokens) or _clause_shaped(tokens):
        return None
    short = 3 if tokens[0].isascii() else 2  # Hebrew writes "כיב" (ulcer) in three letters
    if len(tokens) == 1 and (tokens[0] in _BODY or tokens[0] in _ALONE or len(tokens[0]) <= short):
        return None
    name = " ".join(tokens)
    drugs, procedures, specialties = _lexicons()
    # A service's name alone ("Dermatology"), but "peanut allergy" is a condition.
    service = specialties.find(name)
    if drugs.find(name) or procedures.find(name) or (service and service[0][:2] == (0, len(name))):
        return None
    if drug_vocab.find(name):
        return None
    return name
