"""The words that give a medication its status, and its dose: a verb or list word before
the drug ("Start", "D/c", "cont.", "Meds:", "הפסיק", "ממשיך"), a participle or an
order after it ("ibuprofen stopped", "Amlodipine 5 mg - continue"), and the dose right
after the name. Read by `core.timeline.medications.reader`."""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START
from core.timeline.types import MedStatus

_W = WORD_START
_E = WORD_END


def _cues(words: str) -> str:
    """Alternatives longest first: "stopped taking" is one cue, not "stopped" and "taking"."""
    return "|".join(sorted((w.strip() for w in words.split("|")), key=len, reverse=True))


# Each cue: a pattern and the status it gives the drugs after it.
CUES: tuple[tuple[MedStatus, str], ...] = (
    (
        "stopped",
        _cues(
            r"stop|stopped|stopping|stops|d/c|d/c'd|d/ced|dc'd|dced|discontinue|discontinued|"
            r"discontinuing|cease|ceased|held|hold|holding|taper off|tapered off|tapering off|"
            r"came off|come off|no longer taking|no longer on|switched from|changed from|"
            r"switch from|change from|withdraw|withdrawn|withdrew|withhold|withheld|withholding|"
            r"suspend|suspended|pause|paused|pausing|put on hold|off|wean off|weaned off|"
            r"weaning off|stop taking|stopped taking|"
            r"cut out|deprescribe|deprescribed|ran out of|self-discontinued|trial off|"
            # A dose left out ("Omit X on the morning of surgery", "לא ליטול X ביום הניתוח").
            r"omit|omitted|omitting|do not take|don't take|לא ליטול|לא לקחת|"
            r"הפסיק|הפסיקה|להפסיק|הופסק|הופסקה|הפסקנו|הפסקת|"
            r"מפסיק|מפסיקה|הפסקה של|הופסק הטיפול ב|הפסקת טיפול ב|לעצור|נעצר|נעצרה|הושהה|"
            r"הושהתה|להשהות|יופסק|תופסק|הפסיקו|הפסק|הפסיק ליטול|הפסיקה ליטול|ירד מ|ירדה מ|"
            # "הורדנו X" takes a drug off; "הורדנו (את ה)מינון של X" lowers its dose (no "|"
            # inside a cue: the list is split on it).
            r"הורדנו(?!\s+(?:את\s+)?ה?מינון)(?!\s+במינון)|"
            # Future and first person: "יפסיק ליטול", "הפסקתי"; "no longer taking" in Hebrew.
            r"יפסיק|תפסיק|נפסיק|יפסיקו|הפסקתי|יפסיק ליטול|תפסיק ליטול|לא לוקח יותר|"
            r"לא לוקחת יותר|לא נוטל יותר|לא נוטלת יותר|כבר לא נוטל|כבר לא נוטלת|כבר לא לוקח|"
            r"כבר לא לוקחת|"
            # A course finished is over: "Finished amoxicillin course", "סיימה את המוקסיפן".
            r"finished|completed|finished the course of|completed the course of|סיים|סיימה|"
            r"סיים את|סיימה את|סיים טיפול ב|סיימה טיפול ב"
        ),
    ),
    (
        "started",
        _cues(
            r"start|started|starting|starts|begin|began|begun|beginning|initiate|initiated|"
            r"restart|restarted|re-start|re-started|resume|resumed|reintroduce|reintroduced|"
            r"given|administered|ניתן|ניתנה|"
            # Round 7: a drug received is one given, the past of "מקבל" as of "given".
            r"received|קיבל|קיבלה|קיבלו|"
            r"initiating|commence|commenced|commencing|add|added|adding|new rx|new prescription|"
            r"prescribe|prescribed|prescribing|rx(?!\s+list)|rx'd|trial of|put on|placed on|"
            r"switched to|"
            r"switch to|changed to|change to|given a prescription for|script for|"
            r"התחיל|התחילה|להתחיל|התחלת|התחלנו|מתחיל|מתחילה|הותחל|הותחלה|נרשם|נרשמה|רשמתי|"
            r"ניתן מרשם ל|מרשם ל|הוסף|הוספנו|להוסיף|נתתי מרשם ל|try|new:|new -|new –|"
            r"new med|new meds|new medication|new medications|new drug|new script|newly started|"
            r"newly prescribed|newly added|תרופה חדשה|תרופות חדשות|חדש:|חדשה:|עבר ל|עברה ל|"
            r"לעבור ל|יתחיל|תתחיל|נתחיל|יתחילו|התחלתי|הוחלט להתחיל|יעבור ל|תעבור ל"
        ),
    ),
    (
        "continued",
        _cues(
            r"continue|continued|continues|continuing|cont\.?|c/w|maintain|maintained|remain on|"
            r"remains on|stay on|stays on|refill|refilled|refills|renew|renewed|same dose|"
            # "X 10 mg daily, titrate per protocol" or "titrate to two soft stools a day": the
            # new drug's schedule, no dose change ("titrate to 40 mg" is one: a unit's letter).
            r"increase|increased|increasing|decrease|decreased|reduce|reduced|titrated|"
            r"titrate(?!\s+per\b)(?!\s+as\b)(?!\s+to\s+(?!\d[\d.]*\s*[mugi]))|"
            r"uptitrate|up-titrate|adjust|adjusted|ממשיך|ממשיכה|להמשיך|המשך|המשיך|המשיכה|"
            r"העלאת מינון|הורדת מינון|הורדנו מינון|הורדנו את המינון|הורדנו במינון|חידוש מרשם|"
            r"חידשתי|keep|keeps|kept|carry on with|carry on|"
            r"carries on with|continue with|no change to|no change in|no changes to|no change|"
            r"unchanged|as before|as usual|ongoing|raise|raised|raising|lower|lowered|lowering|"
            # "Prednisone 40 mg, taper over 6 weeks": a new course's schedule, no change to one.
            r"wean|weaning|weaned|taper(?!\s+over\b)|tapering(?!\s+over\b)|tapered|↑|↓|double|"
            r"doubled|halve|halved|bump|"
            r"bumped|uptitrated|up-titrated|dose increased|dose reduced|dose decreased|"
            r"ממשיכים|ממשיך ליטול|ממשיכה ליטול|להמשיך ליטול|ממשיך עם|ממשיכה עם|ללא שינוי ב|"
            r"ללא שינוי|ללא שינויים|אותו מינון|באותו מינון|כרגיל|הועלה|הועלתה|הוגדל|הוגדלה|"
            r"הופחת|הופחתה|להעלות|להוריד|להפחית|העלינו|הפחתנו|הגדלת מינון|הפחתת מינון|"
            r"ירידה במינון|עלייה במינון|שינוי מינון|חידוש|חידוש מרשם ל|"
            r"ימשיך|תמשיך|נמשיך|ימשיכו|המשכתי|ימשיך ליטול|תמשיך ליטול|להגדיל|להקטין|הגדלנו|"
            # ("לחדש X" stays a prescription written anew; "חודש" is also "month".)
            r"הקטנו|הוגדל|הוקטן|הוקטנה|יחודש|יחודשו|יועלה|יופחת|יחודש מרשם ל|"
            # Round 7: a course to be completed goes on to its end ("Complete the X course");
            # one "completed" is over, and that is no continuation.
            r"complete the|complete his|complete her|finish the|finish his|finish her|"
            r"להשלים את"
        ),
    ),
    (
        "listed",
        _cues(
            r"meds|medications|medication list|med list|rx list|current meds|current medications|"
            r"home meds|takes|taking|uses|using|is on|currently on|already on|been on|"
            r"תרופות|תרופות קבועות|נוטל|נוטלת|לוקח|לוקחת|לוקחים|מקבל|מקבלת|מטופל ב|מטופלת ב|"
            r"regimen|current regimen|"
            r"medication regimen|current treatment|usual meds|usual medications|active meds|"
            r"active medications|med rec|טיפול קבוע|טיפול תרופתי|הטיפול הנוכחי|טיפול תרופתי קבוע|"
            # Asking for a renewal is no renewal yet: the drug is one the patient takes.
            r"needs repeat of|needs a repeat of|requests a repeat of|requests repeat of|"
            r"requests a refill of|requesting a refill of|מבקש חידוש מרשם|מבקשת חידוש מרשם|"
            r"מבקש חידוש|מבקשת חידוש"
        ),
    ),
)
# A Hebrew verb may carry a joined "ש" or "ו" ("שהפסיק", "והתחיל").
# One that ends in a preposition ("עבר ל", "מטופל ב") is joined to the drug after it.
CUE = re.compile(
    "|".join(
        rf"(?P<{status}>{_W}(?:[וש](?=[{HEB}]))?(?:{words})(?:(?<= [לבמ])(?=[{HEB}])|{_E}))"
        for status, words in CUES
    ),
    re.IGNORECASE,
)
# What voids a mention: an allergy, a refusal, "not on".
NOT_TAKEN = re.compile(
    rf"{_W}(?:allerg\w*|nkda|intoleran\w*|declined|declines|refused|refuses|not on|not taking|"
    rf"never took|never taken|avoid|avoids|contraindicated|no|אלרגי\w*|רגישות ל|רגישות|רגיש|"
    rf"רגישה|סירב\w*|לא נוטל\w*|"
    rf"ללא|אין){_E}",
    re.IGNORECASE,
)
# After the drug: a past participle ("ibuprofen stopped", "metformin unchanged"), or an
# imperative set off by a dash or colon ("Amlodipine 5 mg - continue"); a bare imperative
# begins the next order.
AFTER_WORDS: tuple[tuple[MedStatus, str, str], ...] = (
    (
        "stopped",
        r"stopped|discontinued|d/c'?d|held|on hold|ceased|withdrawn|withheld|suspended|paused|"
        r"הופסק|"
        r"הופסקה|"
        r"נעצר|נעצרה|הושהה",
        r"stop|stopped|hold|held|d/c|dc|discontinue|discontinued|cease|להפסיק|הפסקה|הופסק|"
        r"הופסקה",
    ),
    (
        "started",
        r"started|initiated|commenced|new|\(new\)|הותחל|הותחלה|נוסף|נוספה",
        r"start|new|begin|להתחיל",
    ),
    (
        "continued",
        r"continued|continues|refilled|renewed|unchanged|as before|as usual|ongoing|no change|"
        r"same dose|at the same dose|increased|decreased|reduced|raised|lowered|titrated|"
        r"uptitrated|tapered|weaned|↑|↓|dose (?:increased|decreased|reduced|raised|lowered|"
        r"adjusted|changed)|ללא שינוי|כרגיל|באותו מינון|ממשיך|ממשיכה|נמשך|הועלה|הופחת",
        # "X - change to XL 18 mg": a new dose or form of the same drug (a change to another
        # drug is a switch, read between the two names).
        r"change(?:\s+to)?(?=\s+(?:(?:xl|xr|sr|mr|cr|er|la|tabs?|tablets?|caps|capsules?|"
        r"liquid|patch|patches)\s+)?\d)|"
        r"continue|cont|keep|same|unchanged|no change|increase|decrease|reduce|taper|wean|"
        r"ongoing|as before|as is|as usual|refill|renew|same dose|להמשיך|ממשיך|ממשיכה|ללא שינוי|"
        r"כרגיל|המשך|הפחתה|הפחתה הדרגתית|העלאה|הורדה|הגדלה|חידוש",
    ),
)
AFTER = re.compile(
    r"^[\s,(]*(?:(?:was|were|has been|is|have been|to be|will be|should be|הייתה|היה)?\s*(?:"
    + "|".join(f"(?P<{status}>{words})" for status, words, _ in AFTER_WORDS)
    + r")|[-–:]\s*(?:"
    + "|".join(f"(?P<{status}_order>{words})" for status, _, words in AFTER_WORDS)
    + r"))(?![\w])",
    re.IGNORECASE,
)
DOSE = re.compile(
    # "fentanyl patch 12 mcg/h", "X tabs 500 mg": the form may stand before the dose.
    r"^\s*(?:(?:patch|patches|tabs?|tablets?|caps|capsules?|gel|cream|inhaler|spray|drops|"
    r"xl|xr|sr|mr|cr|er|la|cd)\s+)?"
    # "from 5 to 10 mg", "מ-75 ל-100 מק"ג": the dose is the new one.
    r"(?:(?:from|מ-?)\s*\d+(?:\.\d+)?\s*(?:mg|mcg|מ[\"״]?ג|מק[\"״]?ג)?\s+(?=to\b|ל))?"
    # "20,000 units": a thousands comma is part of the number.
    r"(?:to\s+|at\s+|ל-?\s*)?(?P<dose>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*"
    r"(?:mg|mcg|µg|ug|g|ml|units?|iu|"
    r"מ[\"״]?ג|מק[\"״]?ג|יחידות|מ\"ל)(?![\w]))(?:\s*(?:po|daily|once daily|twice daily|bid|tid|"
    r"qid|qd|od|prn|nocte|qhs|at night|in the morning|bd|mane|qam|qpm|weekly|פעם ביום|"
    r"פעמיים ביום|בבוקר|בערב|בלילה|ביום))*",
    re.IGNORECASE,
)


def after_status(m: re.Match[str]) -> MedStatus:
    for status, _, _ in AFTER_WORDS:
        if m.group(status) is not None or m.group(f"{status}_order") is not None:
            return status
    raise AssertionError("an after-word matched no group")


def cue_status(m: re.Match[str]) -> MedStatus:
    for status, _ in CUES:
        if m.group(status) is not None:
            return status
    raise AssertionError("a cue matched no group")
