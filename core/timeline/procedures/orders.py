"""A procedure or test that is not yet done: ordered at this visit, or only to come.

A test ordered, requested, booked or arranged at a visit ("TTE requested", "book a Holter",
"הוזמן אקו לב", "לבצע ארגומטריה") is an act of that visit, as a referral is: it is a
procedure fact with status "ordered", so "any record of an echo?" finds it, while a fact
with no status is a procedure done. One only to come later or not at all is no fact: a
repeat or recheck due later ("repeat bloods in 3 months"), one recommended, considered or
awaited, one only discussed, offered or explained ("Botox discussed - will think about
it"), and one declined, refused, deferred or not done (docs/timeline.md)."""

from __future__ import annotations

import re
from typing import Literal

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
# Before the procedure, within a few words: the clinician orders it now.
_ORDER_BEFORE = re.compile(
    rf"{_W}(?:order|ordered|request|requested|schedule|scheduled|book|booked|arrange|arranged|"
    r"plan\s*:|plan to|plan for|planned|to have|send for|sent for|להזמין|יבוצע|תבוצע|לבצע|"
    rf"לתאם|הוזמנה|הוזמן|נשלח ל|נשלחה ל){_E}",
    re.IGNORECASE,
)
# Before the procedure: it is not ordered now (or not at all).
_NOT_YET_BEFORE = re.compile(
    rf"{_W}(?:repeat|recheck|recommend|recommended|advise|advised|consider|needs|will need|"
    r"requires|due for|awaiting|await|pending|declined|refused|deferred|discussed|discuss|"
    r"offered|offer|explained|wait for|waiting for|לחזור על|מומלץ|הומלץ|ממתין ל|ממתינה ל|"
    r"סירב ל|סירבה ל|מסרב ל|מסרבת ל|מסרבים ל|הוסבר על|הוסברה|הוצע|הוצעה|שוחח על|"
    rf"שקול|לשקול){_E}",
    re.IGNORECASE,
)
# "will" alone says only the future: with an order word it orders ("will arrange an MRI").
_WILL = re.compile(rf"{_W}(?:will|plan){_E}", re.IGNORECASE)
_AFTER_WORDS = r"^(?:\s+(?!done|performed|completed|given|and|with|today)[\w-]+){0,3}?[\s,:\-–]*"
_ORDER_AFTER = re.compile(
    _AFTER_WORDS + r"(?:was |were |is |are |to be |has been )?(?:ordered|requested|scheduled|"
    r"booked|planned|arranged|to be arranged|next week|tomorrow|הוזמן|הוזמנה|מתוכנן|"
    rf"מתוכננת|יבוצע|תבוצע|בשבוע הבא|מחר)(?![\w{HEB}])",
    re.IGNORECASE,
)
_NOT_YET_AFTER = re.compile(
    _AFTER_WORDS + r"(?:was |were |is |are |to be |has been )?(?:not done|not performed|"
    r"deferred|declined|refused|cancelled|canceled|pending|recommended|advised|to follow|"
    rf"awaited|הומלץ|נדחה|נדחתה|בוטל|בוטלה)(?![\w{HEB}])",
    re.IGNORECASE,
)
# Only talked of, in its own clause ("Botox for chronic migraine discussed"): after a comma
# the word is another clause's ("book Holter, offered an antidepressant").
_TALKED_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,4}?\s*[-–]?\s*(?:was |were |is |are )?(?:discussed|offered|explained|"
    rf"mentioned|הוסבר|הוסברה|הוצע|הוצעה)(?![\w{HEB}])",
    re.IGNORECASE,
)

# Right after the procedure: it is due at a later visit or after a while ("spirometry at
# next visit", "plan X in 6/52", "לבצע אק"ג בהמשך", "בדיקות דם חוזרות בעוד 3 חודשים").
_LATER_AFTER = re.compile(
    rf"^(?:\s+(?:and|or|ו|ו?שתן|urine|[\w{HEB}]+ים))?[\s,\-–]*(?:at (?:the )?next (?:visit|"
    r"appointment|review|session)|next (?:visit|time)|due|(?:before|prior to) (?:the )?next "
    r"(?:visit|appointment|review)|לפני הביקור הבא|לקראת הביקור הבא|"
    r"in \d+\s*/\s*(?:52|12)|in \d+ (?:days?|weeks?|months?)|in a (?:week|month|year)|"
    r"later|בביקור הבא|בפגישה הבאה|בהמשך|בעוד|חוזרת|חוזרות|חוזר|חוזרים)(?![\w\u05d0-\u05ea])",
    re.IGNORECASE,
)
# A results heading ("בדיקות דם: כולסטרול 210", "Bloods: Hb 13.1") lists values read at
# some time; it says no more than that the blood was taken once.
_RESULTS_HEADING = re.compile(r"^\s*:\s*\S")
_RESULTS = frozenset({"blood test"})

Order = Literal["done", "ordered", "none"]


# "Stress test in 2 months - booked", "מבחן מאמץ בעוד חודשיים - הוזמן": the booking is made
# at this visit, whenever the test is; an order said in the clause outweighs its date.
_BOOKED_IN_CLAUSE = re.compile(
    rf"^[^.;\n]{{0,40}}?(?<![\w{HEB}])(?:ordered|requested|booked|arranged|הוזמן|הוזמנה|"
    rf"הוזמנו)(?![\w{HEB}])",
    re.IGNORECASE,
)


def later_or_heading(name: str, after: str) -> bool:
    """Whether the procedure `name` with `after` after it is due later (and not booked now),
    or heads results."""
    later = bool(_LATER_AFTER.match(after)) and not _BOOKED_IN_CLAUSE.match(after)
    return later or (name in _RESULTS and bool(_RESULTS_HEADING.match(after)))


def only_considered(near: str) -> bool:
    """Whether a referral with `near` before it is only recommended or considered."""
    return bool(_NOT_YET_BEFORE.search(near))


def order_status(near: str, after: str, done_said: bool) -> Order:
    """`near`: the few words before the procedure's name; `after`: the text after it;
    `done_said`: a word of the deed is beside it ("performed", "בוצע")."""
    if _NOT_YET_AFTER.match(after) or _TALKED_AFTER.match(after):  # "ECG not done"
        return "none"
    if done_said:
        return "done"
    if _NOT_YET_BEFORE.search(near):
        return "none"
    if _ORDER_BEFORE.search(near) or _ORDER_AFTER.match(after):
        return "ordered"
    return "none" if _WILL.search(near) else "done"
