"""A procedure or test that is not yet done: ordered at this visit, or only to come.

A test ordered, requested, booked or arranged at a visit ("TTE requested", "book a Holter",
"הוזמן אקו לב", "לבצע ארגומטריה") is an act of that visit, as a referral is: it is a
procedure fact with status "ordered", so "any record of an echo?" finds it, while a fact
with no status is a procedure done. One only to come later or not at all is no fact: a
repeat or recheck due later ("repeat bloods in 3 months"), one recommended, considered or
awaited, and one declined, refused, deferred or not done (docs/timeline.md)."""

from __future__ import annotations

import re
from typing import Literal

from core.timeline.text import HEB

_W = rf"(?<![\w{HEB}])"
_E = rf"(?![\w{HEB}])"
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
    r"requires|due for|awaiting|await|pending|declined|refused|deferred|לחזור על|מומלץ|"
    rf"הומלץ|ממתין ל|ממתינה ל|סירב ל|סירבה ל|שקול|לשקול){_E}",
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

Order = Literal["done", "ordered", "none"]


def order_status(near: str, after: str, done_said: bool) -> Order:
    """`near`: the few words before the procedure's name; `after`: the text after it;
    `done_said`: a word of the deed is beside it ("performed", "בוצע")."""
    if _NOT_YET_AFTER.match(after):  # before the deed's word: "ECG not done"
        return "none"
    if done_said:
        return "done"
    if _NOT_YET_BEFORE.search(near):
        return "none"
    if _ORDER_BEFORE.search(near) or _ORDER_AFTER.match(after):
        return "ordered"
    return "none" if _WILL.search(near) else "done"
