"""Where a condition's name is no diagnosis of the patient, or where a word before it is no
trigger, in ways the first ConText reading (`core.timeline.conditions.reader`) did not know.

- "RA" after a saturation is room air ("sats 91% RA", "98% on RA"), not rheumatoid arthritis.
- "GAD 7 = 9": an abbreviation with its questionnaire's number is the questionnaire.
- "Mood low, affect congruent", "מצב רוח ירוד, אפקט תואם": a mental state examination's
  line, which describes the mood seen, as the examination's other lines do (the earlier
  sets' convention); a low mood the patient reports is a symptom.
- "Bipolar disorder considered", "Fibroids vs adenomyosis", "דליריום לעומת החמרה של
  הדמנציה": a name followed by a word of doubt is only a possibility (ConText's uncertainty,
  written after the name), and so is a differential written in Hebrew ("אבחנה מבדלת:").
- "PSH: cataract surgery", "ניתוחים: קטרקט": what a surgical history lists are operations,
  not the patient's conditions now.
- "Brought in by daughter, more confusion", "בליווי בתה, לדבריה בלבול": a relative who
  brings the patient or speaks for them is the informant; the condition is the patient's.
- "Yellow fever vaccine given", "ניתן חיסון נגד צהבת", "Hep B surface antibody 8": a
  disease named by the vaccine against it or the antibody measured for it is no diagnosis.
- "Target weight loss 5-10%", "יעד ירידה במשקל 7%": a goal, as a target value is no
  measurement.
- "CAP 310" (a Fibroscan's attenuation): an abbreviation with a bare number of two digits or
  more that is no year names a measure ("CKD 3" is a stage).
- "Chest pain, ACS ruled out", "כאב בחזה, תסמונת כלילית חריפה נשללה": a verb of exclusion
  right after a name is that name's only, where "Nausea, vomiting: denied" is the list's.
- "JVP not raised, chest clear, trace oedema", "הליכה לא יציבה, בצקות": a "not" that
  negates the one word after it closes its own scope at the comma.
"""

from __future__ import annotations

import re

from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
_ROOM_AIR = re.compile(r"(?:%|\bon|\bsats?|\bsaturating|\bspo2)\s*$", re.IGNORECASE)
_QUESTIONNAIRE_NUMBER = re.compile(r"^[ -]?\d(?!\d)")
_QUESTIONNAIRES = frozenset({"GAD", "PHQ", "EPDS", "AUDIT", "DASS"})
# "CAP 310 dB/m" (a Fibroscan's attenuation), "PE 12 mm": an abbreviation with a measured
# value and its unit names a measure, not a condition. A year after one ("PE 2019") dates it.
_MEASURED = re.compile(
    r"^\s*[:=]?\s*\d+(?:\.\d+)?\s*(?:db/m|kpa|mm|cm|ml|mmhg|mg|%|ms|bpm|/min)(?![a-z])",
    re.IGNORECASE,
)
_MSE_MOOD = re.compile(
    rf"^[\s,;:'\"]*(?:affect|אפקט){_E}|^[\s'\"]*(?:low|depressed)?[\s'\"]*,\s*(?:affect|אפקט){_E}",
    re.IGNORECASE,
)
_MOOD_NAMES = frozenset({"low mood", "depression"})
_DOUBT_AFTER = re.compile(
    # "Raynaud's of the nipple vs vasospasm": a site of the name's may stand before the doubt.
    r"^\s*(?:[,(]\s*)?(?:(?:of|in|on) (?:the |his |her )?[\w-]+\s+)?"
    rf"(?:considered|suspected|queried|vs\.?|versus|לעומת|בחשד){_E}|^\s*\?",
    re.IGNORECASE,
)
_VACCINE_BEFORE = re.compile(
    rf"{_W}(?:חיסון|חיסונים|חוסן|חוסנה|vaccinated|immunised|immunized)\s*(?:נגד|ל-?|against)?\s*$",
    re.IGNORECASE,
)
_VACCINE_AFTER = re.compile(
    rf"^\s*[A-E]?\s*(?:surface\s+)?(?:vaccines?|vaccination|immuni[sz]ation|booster|jab|"
    rf"antibody|antibodies|serology|ab|sag|igg|igm){_E}",
    re.IGNORECASE,
)
_TARGET_BEFORE = re.compile(
    rf"{_W}(?:target|goal|aim|aiming for|יעד|מטרה|המטרה)\s*(?:of|for|:|-|ל-?)?\s*$", re.IGNORECASE
)
# Two digits or more: "CKD 3", "CKD 3a" give a stage.
_BARE_NUMBER = re.compile(r"^\s*[:=]?\s*(?!(?:19|20)\d\d(?!\d))\d{2,}(?:\.\d+)?(?![\d/\w])")
_DIFFERENTIAL_HE = re.compile(rf"{_W}(?:אבחנה מבדלת|אבחנות מבדלות|ד\"ד|ד״ד){_E}")
_SURGERY_HEADING = re.compile(
    rf"{_W}(?:psh|pshx|past surgical history|surgical history|surgeries|operations|ניתוחים|"
    rf"ניתוחים בעבר|היסטוריה ניתוחית)\s*:[^.;\n]*$",
    re.IGNORECASE,
)
# The relative who brings the patient, joins the call or tells the story.
_INFORMANT = re.compile(
    r"(?:brought in by|accompanied by|came with|attended with|here with|with)\s+(?:her|his|the)?"
    r"\s*(?:daughter|son|wife|husband|partner|mother|father|carer|family)|"
    r"(?:daughter|son|wife|husband|partner|carer|mother|father|parents?)\s+(?:joined|present|"
    r"reports|reported|says|said|states|notes|noted|noticed|has noticed|observed|witnessed|"
    r"describes)|(?:אשתו|בעלה|בתה|בנה|בתו|בנו|אמו|אמה|אביו|אביה|ההורים)\s+(?:מדווח|מדווחת|"
    r"מדווחים|שם לב|שמה לב|שמו לב|מספר|מספרת|מתאר|מתארת)|"
    r"בליווי\s+(?:בתה|בנה|בתו|בנו|אשתו|בעלה|בת זוגו|בן זוגה)|לדבריה|לדבריו|"
    r"לדברי\s+(?:הבן|הבת|האישה|הבעל|בתה|בנה|בתו|בנו|אשתו|בעלה)|הגיע(?:ה)?\s+עם\s+(?:אשתו|בעלה|"
    r"בתה|בנה|בתו|בנו)",
    re.IGNORECASE,
)


def no_diagnosis(body: str, start: int, end: int, name: str) -> bool:
    """Whether the condition `name` at `start:end` of the sentence `body` is no diagnosis:
    room air, a questionnaire, a measure's abbreviation, an examination's mood, a
    possibility, an operation."""
    word = body[start:end]
    if word == "RA" and _ROOM_AIR.search(body[max(0, start - 12) : start]):
        return True
    if word.upper() in _QUESTIONNAIRES and _QUESTIONNAIRE_NUMBER.match(body[end:]):
        return True
    if word.isupper() and len(word) <= 4 and _MEASURED.match(body[end:]):
        return True
    if word.isupper() and len(word) <= 4 and _BARE_NUMBER.match(body[end:]):
        return True
    if _TARGET_BEFORE.search(body[max(0, start - 16) : start]):
        return True
    if name in _MOOD_NAMES and _MSE_MOOD.match(body[end:]):
        return True
    if _DOUBT_AFTER.match(body[end:]) or _DIFFERENTIAL_HE.search(body[:start]):
        return True
    if _VACCINE_BEFORE.search(body[max(0, start - 24) : start]) or _VACCINE_AFTER.match(
        body[end : end + 40]
    ):
        return True
    return bool(_SURGERY_HEADING.search(body[:start]))


def without_informant(scope: str) -> str:
    """`scope` with the relatives named only as informants blanked out."""
    return _INFORMANT.sub(lambda m: " " * len(m.group(0)), scope)


_OWN_NEGATION = re.compile(
    r"^\s*(?:was |is |has been |been )?(?:ruled out|excluded|unlikely|נשלל|נשללה|נשללו)",
    re.IGNORECASE,
)


def own_negation(after: str) -> bool:
    """Whether the negation at the start of `after` is its name's own, not its list's."""
    return bool(_OWN_NEGATION.match(after))
