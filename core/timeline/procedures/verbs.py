"""Procedures said by their verb rather than their name ("injected the R knee", "knee
aspirated", "dressing changed"), moved out of `core.timeline.conditions.reader` unchanged."""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
_SIDE = r"(?:left|right|l|r|lt|rt|bilateral)"
_INJECTION = (
    r"(?:steroid |cortisone |corticosteroid |kenalog |triamcinolone |depo-medrol |"
    r"intra-articular |joint )*injection"
)
# Procedures said by their verb: "injected the R knee", "knee aspirated", "dressing changed".
DONE_VERBS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"{_W}(?:{words}){_E}", re.IGNORECASE), name)
    for words, name in (
        (
            rf"injected (?:[\w.-]+ ){{0,5}}?(?:into |in )?(?:the )?(?:{_SIDE} )?knee|"
            rf"(?:{_SIDE} )?knee (?:joint )?(?:was )?injected|{_INJECTION} (?:in|into|to|of) "
            rf"(?:the )?(?:{_SIDE} )?knee|הוזרק(?:ה|ו)? (?:[{HEB}\w]+ ){{0,2}}?(?:ל|אל )?(?:ה)?ברך|"
            rf"הזרקנו (?:[{HEB}\w]+ ){{0,2}}?לברך|הזרקת [{HEB}]+ ל(?:ה)?ברך",
            "knee injection",
        ),
        (
            rf"injected (?:[\w.-]+ ){{0,5}}?(?:into |in )?(?:the )?(?:{_SIDE} )?shoulder|"
            rf"(?:{_SIDE} )?shoulder (?:joint )?(?:was )?injected|{_INJECTION} (?:in|into|to|of) "
            rf"(?:the )?(?:{_SIDE} )?shoulder|הוזרק(?:ה|ו)? (?:[{HEB}\w]+ ){{0,2}}?(?:ל|אל )?"
            rf"(?:ה)?כתף|הזרקת [{HEB}]+ ל(?:ה)?כתף",
            "shoulder injection",
        ),
        (
            rf"(?:{_SIDE} )?(?:knee|elbow|ankle|shoulder|joint|effusion)(?: joint)? (?:was )?"
            rf"aspirated|aspirated (?:the )?(?:{_SIDE} )?(?:knee|elbow|ankle|shoulder|joint)|"
            rf"aspiration of (?:the )?(?:{_SIDE} )?(?:knee|elbow|ankle|shoulder|joint|effusion)|"
            r"(?:נשאב|נשאבו|בוצעה שאיבה|שאיבה|שאיבת נוזל) (?:נוזל )?מ(?:ה)?(?:ברך|מפרק|כתף)",
            "joint aspiration",
        ),
        (
            r"dressings? (?:was |were )?changed|changed (?:the )?dressings?|wound (?:was )?"
            r"(?:re)?dressed|redressed|הוחלפה חבישה|הוחלפו חבישות|חבישה הוחלפה",
            "wound dressing",
        ),
        (
            r"ears? (?:was |were )?(?:syringed|irrigated|microsuctioned)|(?:syringed|irrigated) "
            r"(?:the |both |his |her )?ears?|wax (?:was )?removed|נשטפו אוזניים|נשטפה אוזן",
            "ear irrigation",
        ),
        (
            r"bloods? (?:was |were )?(?:taken|drawn|sent)|drew bloods?|נלקחו דמים",
            "blood test",
        ),
        (
            r"vaccinated|immuni[sz]ed|(?<!flu )(?<!influenza )vaccine (?:was )?administered|חוסן|"
            r"חוסנה|קיבל חיסון|"
            r"קיבלה חיסון",
            "vaccination",
        ),
        (
            r"(?:sutures?|stitches) (?:were |was )?removed|removed (?:the )?(?:sutures|stitches)|"
            r"הוצאו תפרים|הוסרו תפרים",
            "suture removal",
        ),
        (r"(?:wound|laceration|cut) (?:was )?sutured|sutured|נתפר|נתפרה", "laceration repair"),
        (
            r"(?:mole|lesion|skin tag|cyst|naevus|nevus) (?:was )?(?:excised|removed)|"
            r"excised (?:a |the )?(?:mole|lesion|skin tag|cyst)",
            "excision",
        ),
    )
)
