"""Diagnoses and problems with their context, procedures, referrals and the visit's type.

Negation and history follow ConText (Harkema et al., 2009), the algorithm behind
medspaCy's `medspacy_context`: a trigger phrase ("denies", "no history of", "h/o") opens a
scope that runs forward (or, for "ruled out", backward) to the end of the sentence or to a
terminating word ("but", "however"). medspaCy itself is not used: its dependencies pin
spaCy 3.7 and numpy < 2 against this project's numpy 2, and its sentence splitter logs
every token, the note's words included, at DEBUG (docs/timeline.md)."""

from __future__ import annotations

import functools
import re

from core.timeline.course import ongoing, over_by_date, over_later, status_in_background
from core.timeline.dx_context import no_diagnosis, without_closed_not, without_informant
from core.timeline.dx_reason import order_reason
from core.timeline.dx_typos import misspelt_conditions
from core.timeline.experiencer import allergy_reaction, relatives_condition
from core.timeline.lexicon import CONDITIONS, PROCEDURES, SPECIALTIES
from core.timeline.lexicon_conditions import ICD10
from core.timeline.orders import later_or_heading, only_considered, order_status
from core.timeline.proc_context import (
    home_advice,
    only_a_score,
    past_operation,
    referral_reason,
    waits_on_condition,
)
from core.timeline.proc_history import not_an_act, told_not_done
from core.timeline.proc_names import imaging_site, more_services, written_service
from core.timeline.proc_verbs import DONE_VERBS
from core.timeline.sections import headings, section_at
from core.timeline.text import HEB, Lexicon, sentences
from core.timeline.types import DxStatus, Fact

_W = rf"(?<![\w{HEB}])"
_E = rf"(?![\w{HEB}])"
# "(-) fever, (-) chills": a review of systems marks a negative before the name.
_MINUS_BEFORE = re.compile(r"(?:\(\s*-\s*\)|\(neg\)|ø|Ø)\s*$", re.IGNORECASE)
_PRE_NEGATION = re.compile(
    rf"{_W}(?:no|not|non-?|nil|denies|denied|denying|without|w/o|negative for|free of|free from|"
    r"unlikely|doubt|doubtful(?: for)?|not consistent with|inconsistent with|no sign of|"
    r"no signs of|no features of|"
    r"no clinical signs of|no longer|-ve for|neg for|בלי|לא סובל מ|לא סובלת מ|אין סימני|"
    r"ללא סימני|לא נצפה|"
    r"לא נצפתה|לא נמצאו|ללא ממצאים של|"
    r"no evidence of|without evidence of|no signs? of|no symptoms of|no complaints? of|"
    r"no c/o|no history of|no hx of|no h/o|no prior|no known|absence of|absent|never had|"
    r"never diagnosed with|ruled out|rules out|resolved|שולל|שוללת|שוללים|ללא|אין|לא|נשלל|"
    r"נשללה|שלילי ל|אין עדות ל|ללא עדות ל|אין היסטוריה של|אין סימנים של|ללא סימנים של|אינו|"
    r"אינה|אינם|אינן|מכחיש|מכחישה|מכחישים|לא נמצא|לא נמצאה|לא קיים|לא קיימת|לא דווח|"
    rf"לא דווחה|לא מתלונן על|לא מתלוננת על|ללא תלונות על|לא הודגם|לא הודגמה){_E}",
    re.IGNORECASE,
)
_POST_NEGATION = re.compile(
    rf"^[\s,:]*(?:was |is |has been |been |were |are )?"
    r"(?:(?:considered|suspected|queried|raised),? (?:but|and) (?:was |then )?)?"
    rf"(?:ruled out|excluded|unlikely|negative|"
    r"resolved|absent|not present|denied|not reported|not noted|not seen|not found|not detected|"
    r"not observed|not identified|not appreciated|not elicited|none noted|none seen|"
    r"נשלל|נשללה|נשללו|שלילי|שלילית|לא נמצא|לא נמצאה|"
    rf"אינו קיים|אינה קיימת|לא קיים|לא קיימת)(?![\w{HEB}])|^\s*[:\-–—=]\s*(?:no|none|nil|neg|"
    r"negative|denies|denied|absent|not present|ruled out|excluded|resolved|nkda|"
    rf"אין|ללא|לא|שולל|שוללת|שלילי|שלילית|נשלל|נשללה)(?![\w{HEB}])|^\s*[:\-–—=]?\s*\(-\)|"
    rf"^\s*[:=]?\s*(?:neg|negative|-ve)(?![\w{HEB}])|^\s*[-–—](?=\s*(?:[,;.]|$))",
    re.IGNORECASE,
)
# "fever: absent, cough: present": a negation that is a previous name's value reaches back
# to that name only, not forward to the next.
_NEGATIVE_VALUE = re.compile(
    r"[:\-–—=]\s*(?:absent|negative|neg|none|no|nil|denied|denies|not present|ruled out|"
    r"אין|שולל|שוללת|שלילי|שלילית|ללא)\s*(?=[,;]|$)",
    re.IGNORECASE,
)
# Between two names of one list: "Nausea/vomiting: denies", "Chest pain, SOB: denied".
_LIST_GAP = re.compile(r"^\s*(?:[,/&+]|and|or|ו)?\s*$", re.IGNORECASE)
# ConText's experiencer: a condition of a relative ("mother has", "FHx: MI") is no fact of
# the patient's. Its scope ends where the patient is named again.
_FAMILY = re.compile(
    rf"{_W}(?:family history|family hx|fam hx|fhx|fh|mother|mother's|mom|mum|father|"
    r"father's|dad|sister|sister's|brother|brother's|sibling|siblings|parent|parents|"
    r"grandmother|grandfather|grandparent|aunt|uncle|cousin|son|daughter|maternal|paternal|"
    r"wife|husband|spouse|אשתו|בעלה|בן זוגה|בת זוגו|"
    r"relatives?|אמו|אמה|אביו|אביה|אחותו|אחותה|אחיו|אחיה|סבתו|סבתה|סבו|סבה|בנו|בנה|בתו|בתה|"
    r"הוריו|הוריה|דודו|דודה|דודתו|היסטוריה משפחתית|סיפור משפחתי|רקע משפחתי|במשפחה|בן משפחה|"
    rf"בני משפחה|אמא שלו|אמא שלה|אבא שלו|אבא שלה){_E}",
    re.IGNORECASE,
)
_FAMILY_AFTER = re.compile(
    rf"^[\s,]*(?:in|of)?\s*(?:his|her|the|a)?\s*(?:family|mother|father|sister|brother|parents?|"
    rf"siblings?|relatives?|במשפחה|אצל האם|אצל האב|אצל אמו|אצל אביו|אצל אמה|אצל אביה){_E}",
    re.IGNORECASE,
)
_PATIENT = re.compile(
    rf"{_W}(?:patient|pt|he|she|himself|herself|client|המטופל|המטופלת|הוא|היא|עצמו|עצמה){_E}",
    re.IGNORECASE,
)
_HISTORY = re.compile(
    rf"{_W}(?:history of|hx of|h/o|pmh|pmhx|past medical history|past history|"
    r"remote history of|background of|known history of|ברקע|רקע|היסטוריה של|רקע של|"
    rf"רקע רפואי|עבר רפואי){_E}",
    re.IGNORECASE,
)
# Weaker signs of the past, that reach only the few words after them: "previously treated
# for depression", but not "prior labs ... now hypothyroidism".
_HISTORY_NEAR = re.compile(
    rf"{_W}(?:previous|previously|prior|past|in the past|childhood|as a child|years ago|"
    r"formerly|s/p|status post|episode of|bout of|suffered from|was treated for|treated for|"
    rf"remote|בעבר|בילדות|לפני שנים|בעברו|בעברה|לאחר|אחרי|סבל בעבר מ|סבלה בעבר מ){_E}"
    rf"(?:[^\w{HEB},;]+[\w{HEB}'/-]+){{0,4}}?[^\w{HEB},;]*$",
    re.IGNORECASE,
)
# "Asthma as a child", "migraine in childhood", "MI 2015", "בילדות": the past after the name.
# After a comma the words must end the clause: in "HTN, בעבר pneumonia" they are the next
# name's.
_HISTORY_AFTER_WORDS = (
    r"(?:as a child|in childhood|in the past|years ago|in remission|בילדות|בעבר|לפני שנים|"
    rf"בהפוגה)(?![\w{HEB}])"
)
_HISTORY_AFTER = re.compile(
    rf"^[\s(]*{_HISTORY_AFTER_WORDS}|^[\s(]*,[\s(]*{_HISTORY_AFTER_WORDS}\s*(?=[,;.)]|$)",
    re.IGNORECASE,
)
# "ex-smoker", "quit smoking", "former drinker": the past, of the very next word only.
_HISTORY_JUST_BEFORE = re.compile(
    rf"{_W}(?:ex-?|former|quit|stopped|gave up|מעשן לשעבר|הפסיק|הפסיקה)\s*-?\s*$", re.IGNORECASE
)
# Phrases that hold a trigger's word but are no trigger (ConText's pseudo-triggers).
_PSEUDO = re.compile(
    rf"{_W}(?:(?:history|hx) of (?:the )?present(?:ing)? (?:illness|complaint)|hpi|prior to|"
    r"(?:in|over|during|for|within) the (?:past|last) (?:\d+|few|several|couple|week|month|day|"
    r"year)\w*|על רקע|על-רקע|מחלות רקע|מחלות הרקע|לאחר מכן|אחרי זה|אחר כך|afterwards|"
    r"after that|past \d+ (?:days?|weeks?|months?|years?)|remote (?:visit|consult\w*|session|"
    r"appointment|review|monitoring|follow-?up|assessment)|"
    r"(?:previous|prior|last|past) (?:visit|appointment|session|consultation|encounter|note|"
    r"review|labs?|results?|bloods|week|month|year|few|several)|no change in|no significant "
    r"change in|not only|no increase in|past (?:week|weeks|month|months|year|"
    r"day|days|few)|not been (?:ruled out|excluded)|not ruled out|not excluded|not certain|"
    rf"ביקור הקודם|בביקור הקודם|לא שולל|לא שוללת|לא נשלל|לא נשללה){_E}",
    re.IGNORECASE,
)
_UNCERTAIN = re.compile(
    rf"{_W}(?:r/o|rule out|to rule out|possible|possibly|suspected|suspect|suspicion of|query|"
    r"question of|concern for|concerning for|suspicious for|worrisome for|worried about|"
    r"differential|ddx|vs\.?|versus|may be|may have|might be|might have|could be|cannot "
    r"rule out|can't rule out|cannot exclude|can't exclude|not ruled out|not excluded|"
    r"not been ruled out|questionable|evaluate for|eval for|evaluation for|assess for|"
    r"screen for|screening for|check for|to exclude|to evaluate|w/u for|workup for|"
    r"work-up for|at risk for|at risk of|risk of|risk for|risk factors? for|prevention of|"
    r"to prevent|prophylaxis|if|in case of|should|return if|חשד ל|חשד|אפשרות של|לשלול|"
    rf"ייתכן|יתכן|אולי|לבירור|בירור|סיכון ל|במקרה של|אם){_E}|(?:^|(?<=[\s(]))\?\s*$",
    re.IGNORECASE,
)
# How many words before a procedure a word of the future reaches ("will arrange an MRI"):
# "Plan discussed with the patient, knee injection performed" was done.
_PLAN_REACH = 3
# "Came for her scheduled knee injection", "as planned": what was planned, now done.
_DONE_AS_PLANNED = re.compile(
    r"(?:for|to)\s+(?:a|an|the|her|his|their)?\s*(?:scheduled|planned|booked|arranged)|"
    r"as (?:planned|scheduled|arranged|booked)|כמתוכנן|כפי שתוכנן|לפי התוכנית",
    re.IGNORECASE,
)
# "Plan: knee injection performed": a word of the deed outweighs the plan's.
_DONE_WORDS = re.compile(
    r"^(?:\s+[\w-]+){0,3}?[\s,:\-–]*(?:was |were )?(?:performed|done|given|completed|"
    rf"administered|carried out|בוצע|בוצעה|נעשה|נעשתה|ניתן|ניתנה)(?![\w{HEB}])",
    re.IGNORECASE,
)
_DONE_WORDS_BEFORE = re.compile(
    rf"{_W}(?:performed|did|underwent|had|בוצע|בוצעה|נעשה|נעשתה|עבר|עברה){_E}", re.IGNORECASE
)
# "depression screen", "שאלון דיכאון PHQ-9": a condition naming a questionnaire.
_SCREENING = re.compile(
    r"(?:שאלון|ציון|סולם|מדד|screen(?:ing)? for|score(?: of)?)\s*$", re.IGNORECASE
)
_SCREENED = re.compile(
    r"^\s*[(:\-]?\s*(?:screen(?:ing)?|questionnaire|scale|inventory|score|scores|scored|"
    r"rating|index|phq|gad|שאלון|ציון|סולם)",
    re.IGNORECASE,
)
# "חום 38.2", "חום גוף תקין": the Hebrew word for fever also labels a temperature.
_TEMPERATURE = re.compile(
    r"[והבלמשכ]?חום(?:\s+גוף)?(?:\s+(?:בבית|בערב|בבוקר|בלילה|היום))?\s*[:=\-]?\s*(?:של\s*)?"
    r"(?:\d|תקין|נמדד|ערך|עומד|היה|בטווח|"
    r"ללא שינוי)"
)
# Ends a trigger's scope: what follows is asserted again.
_TERMINATE = re.compile(
    rf"{_W}(?:but|however|although|though|except|aside from|apart from|presents with|reports|"
    r"complains of|c/o|which|now has|now|currently|presents|presenting|presented|here for|"
    r"here with|here today|seen for|seen today|today|complicated by|at present|at this time|"
    r"this visit|new diagnosis of|(?<!never )(?<!not )(?<!been )(?:diagnosed with|dx with)|"
    r"(?<!no )(?<!not )(?:new[- ]onset|newly diagnosed|newly developed)|מגיע|מגיעה|"
    r"פונה|פנה|פנתה|כעת עם|"
    r"אבל|אך|למעט|מלבד|כעת|מתלונן על|מתלוננת על|היום|פונה בשל|פנה בשל|פנתה בשל|הגיע בשל|"
    rf"הגיעה בשל){_E}",
    re.IGNORECASE,
)
_CLOSED_ASIDE = re.compile(r"\)\s*[,;]")
# "asthma 2011", "HTN, dx 2014", "Hyperlipidemia, unspecified [E78.5], diagnosed
# 2013-08-23": the onset as written (a year, a month or a day), past a qualifier that ends
# in a bracketed code (a coded problem list's form).
_ONSET = re.compile(
    r"^[\s,(]*(?:[^.\n\[\]]{0,40}\[[A-Z0-9.]{1,10}\]\s*,?\s*)?(?:onset|diagnosed|dx|dx'd)?\s*"
    r"(?:in|since|from|on|,)?\s*(?P<year>(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?)(?![\d-])",
    re.IGNORECASE,
)
_REFERRAL = re.compile(
    rf"{_W}[וש]?(?:(?:referred|refer|referring|sent|send)\s+(?:him|her|them|the patient|"
    r"patient|pt|the client|client)|(?:הפניתי|הפנינו|שלחנו|שלחתי)\s+(?:אותו|אותה|את המטופל|"
    r"את המטופלת)|referred|referral|refer|ref|refd|sent|referring|re-?referred|consult|"
    r"consulted|consultation|e-?consult|request(?:ed)? (?:a )?consult(?:ation)? (?:from|with)|"
    r"(?:referral )?letter|wrote|written|מכתב|מכתב הפניה|"
    r"ייעוץ|יעוץ|לייעוץ|קונסולטציה|הפניה|הפנייה|הופנה|"
    r"הופנתה|מפנה|מפנים|הפנייתו|הפנייתה|הפניתי|הפנינו|מופנה|מופנית|מופנים|יופנה|תופנה|"
    r"להפנות|נשלח|נשלחה|נשלחו|ישלח|יישלח|תישלח)(?:\s+(?:on|back|made|sent|placed|letter|"
    r"written|done|given|faxed|submitted))?(?:\s*:\s*|\s+(?:to|for)\s+(?:an?\s+)?(?:urgent\s+|"
    r"routine\s+)?|\s+)(?:the\s+|a\s+|an\s+)?(?:(?:urgent|routine|דחופה|דחוף|בהולה)\s+)?ל?-?",
    re.IGNORECASE,
)
# "הופנה למרפאת אורתופדיה": a word for a clinic or doctor between the verb and the specialty.
_CLINIC_WORD = re.compile(r"^(?:ל|ה|לה)?(?:רופא|רופאת|מרפאת|מרפאה|ייעוץ|יעוץ|מומחה)\s+(?:ל|ה)?")
# "ENT referral", "cardiology referral placed": the specialty before the word.
_REFERRAL_AFTER = re.compile(
    r"^\s*(?:referral|ref|consult|consultation|e-?consult|opinion)(?![\w])", re.IGNORECASE
)
_VISITS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"{_W}(?:{words}){_E}", re.IGNORECASE))
    for name, words in (
        (
            "telehealth",
            r"telehealth|tele-health|telemedicine|tele-?visit|tele-?consult\w*|telephonic|"
            r"(?:phone|telephone|video) (?:f/u|f/up|fu|follow[- ]?up)|"
            r"e-?visit|virtual|via (?:video|zoom|teams|phone|telephone)|by (?:video|phone|"
            r"telephone)|over the (?:phone|telephone)|on zoom|zoom|(?:video|phone|telephone|"
            r"remote) (?:visit|call|consult\w*|appointment|session|review|follow[- ]?up|check-?in)|"
            r"טלרפואה|ביקור מרחוק|ייעוץ מרחוק|מפגש מרחוק|שיחת וידאו|שיחת וידיאו|בוידאו|בווידאו|"
            r"ביקור טלפוני|שיחה טלפונית|שיחת טלפון|מפגש טלפוני|מפגש וידאו|ייעוץ טלפוני|טלפונית|"
            r"בזום|זום|מפגש מקוון|פגישה מקוונת|ביקור וירטואלי|ברפואה מרחוק|רפואה מרחוק",
        ),
        (
            "initial",
            r"initial (?:assessment|visit|consult\w*|evaluation|appointment|session|review|"
            r"encounter|interview|meeting)|new patient|new client|first (?:visit|appointment|"
            r"session|consult\w*|meeting|encounter|assessment)|(?<!at )(?<!since )intake|"
            r"establish(?:ing)? care|first presentation|פנייה ראשונה|פניה ראשונה|"
            r"new to (?:clinic|practice|the clinic|the practice)|הערכה ראשונית|ביקור ראשון|"
            r"ביקור ראשוני|מפגש ראשון|מפגש ראשוני|פגישה ראשונה|פגישה ראשונית|קבלה ראשונית|"
            r"פגישת היכרות|מפגש היכרות|ביקור היכרות|פגישת אינטייק|אינטייק|מטופל חדש|מטופלת חדשה",
        ),
        (
            "follow-up",
            r"follow[- ]?up|f/u|f/up|f-up|(?-i:FU)|review visit|return visit|re-?assessment|"
            r"re-?visit|review (?:appt|appointment|consult\w*)|ביקור מעקב|מפגש מעקב|ביקורת|מעקב|"
            r"למעקב|ביקור חוזר|מפגש חוזר|פגישת מעקב|"
            r"פגישת המשך|מפגש המשך|ביקור המשך",
        ),
    )
)


@functools.cache
def _lexicons() -> tuple[Lexicon, Lexicon, Lexicon]:
    return Lexicon.of(CONDITIONS), Lexicon.of(PROCEDURES), Lexicon.of(SPECIALTIES)


def read_problems(text: str, field: str) -> list[Fact]:
    conditions, procedures, specialties = _lexicons()
    heads = headings(text)
    facts: list[Fact] = []
    for sentence in sentences(text):
        body, base = sentence.text, sentence.start

        def cut(at: int, base: int = base) -> int:
            """Where a trigger's reach begins for a mention at `at`: the last heading of
            the sentence before it ("h/o MI, Assessment: angina")."""
            inside = [h.start - base for h in heads if base <= h.start and h.end <= base + at]
            return inside[-1] if inside else 0

        def told(at: int, base: int = base, body: str = body) -> bool:
            """Whether a procedure or referral at `at` is the patient's account or past."""
            section = section_at(text, heads, base + at)
            history = section is not None and section.kind == "history"
            return told_not_done(body, field, history)

        referral_spans: list[tuple[int, int]] = []
        for m in _REFERRAL.finditer(body):
            begin = m.end()
            found = _whole(specialties.find(body[begin : begin + 40]), body[begin : begin + 40])
            if not (found and found[0][0] <= 2):
                # Sliced: "^" does not match at a pos given to match().
                clinic = _CLINIC_WORD.match(body[begin:])
                begin = begin + clinic.end() if clinic else begin
                found = specialties.find(body[begin : begin + 40]) if clinic else []
            if not (found and found[0][0] <= 2):
                written = written_service(body, begin, specialties)
                found = [(0, written[0] - begin, written[1])] if written else found
            considered = only_considered(_last_words(body[: m.start()], _PLAN_REACH))
            if (
                found
                and found[0][0] <= 2
                and not _negated(body, m.start(), m.end())
                and not considered
            ):
                _, e0, first = found[0]
                end = begin + e0
                joined = more_services(body, end, specialties)
                for start, stop, name in [(m.start(), end, first), *joined]:
                    referral_spans.append((start, stop))
                    if waits_on_condition(body, m.start(), stop) or told(start):
                        continue
                    a, b = base + start, base + stop
                    facts.append(Fact("procedure", f"referral: {name}", a, b, text[a:b]))
        for start, end, name in specialties.find(body):
            after = _REFERRAL_AFTER.match(body[end:])
            if after is None or _within(start, referral_spans) or _negated(body, start, end):
                continue
            stop = end + after.end()
            referral_spans.append((start, stop))
            if waits_on_condition(body, start, stop) or told(start):
                continue
            a, b = base + start, base + stop
            facts.append(Fact("procedure", f"referral: {name}", a, b, text[a:b]))
        # What a verb says ("injection into the R knee") first, then names elsewhere.
        done: list[tuple[int, int, str]] = []
        for pattern, name in DONE_VERBS:
            for m in pattern.finditer(body):
                if all(m.end() <= x or m.start() >= y for x, y, _ in done):
                    done.append((m.start(), m.end(), name))
        done += [
            (a, b, n)
            for a, b, n in procedures.find(body)
            if all(b <= x or a >= y for x, y, _ in done)
        ]
        proc_spans: list[tuple[int, int]] = []
        for start, end, name in sorted(done):
            scope = _scope_before(body, start, cut(start))
            if _within(start, referral_spans):
                continue
            name, start, end = imaging_site(name, body, start, end)
            proc_spans.append((start, end))  # a condition in its name is no diagnosis
            near = _last_words(_DONE_AS_PLANNED.sub(" ", scope), _PLAN_REACH)
            done_said = bool(_DONE_WORDS.match(body[end:]) or _DONE_WORDS_BEFORE.search(near))
            order = order_status(near, body[end:], done_said)
            if _PRE_NEGATION.search(re.split(r"[,;:]", near)[-1]) or order == "none":
                continue
            if later_or_heading(name, body[end:]) or only_a_score(name, body[end:]):
                continue
            if (
                waits_on_condition(body, start, end)
                or referral_reason(body, start, end, referral_spans)
                or past_operation(body, start, end)
                or home_advice(body[start:end], field, done_said)
                or told(start)
                or not_an_act(body, start, end, field)
            ):
                continue
            a, b = base + start, base + end
            status = "ordered" if order == "ordered" else None
            facts.append(Fact("procedure", name, a, b, text[a:b], status=status))
        found = _with_codes(body, conditions.find(body))
        found = sorted([*found, *misspelt_conditions(body, found)])
        list_ends = _list_ends(body, found)
        for (start, end, name), list_end in zip(found, list_ends, strict=True):
            c = cut(start)
            if (
                _within(start, referral_spans)
                or _within(start, proc_spans)
                or _UNCERTAIN.search(_scope_before(body, start, c))
                or _SCREENING.search(body[max(0, start - 8) : start])
                or _SCREENED.match(body[end:])
                or _TEMPERATURE.match(body, start, len(body))
                or _family(body, start, end, c)
                or relatives_condition(body[c:], start - c)
                or allergy_reaction(body, start)
                or no_diagnosis(body, start, end, name)
                or order_reason(body, start, field)
            ):
                continue
            section = section_at(text, heads, base + start)
            if section is not None and (
                section.kind == "uncertain"
                or (
                    section.kind == "family"
                    and not _PATIENT.search(text, section.end, base + start)
                )
            ):
                continue
            status = _status(body, start, end, c, name)
            if status != "negated" and list_end > end and _POST_NEGATION.match(body[list_end:]):
                status = "negated"
            if (
                status == "present"
                and section is not None
                and section.kind == "history"
                and not _TERMINATE.search(text, max(section.end, base), base + start)
                and not ongoing(body[end:])
            ):
                status = status_in_background(name)
            onset = _ONSET.match(body[end:])
            a, b = base + start, base + end
            last = facts[-1] if facts else None
            if (  # "No numbness or tingling": two names of one list for one condition
                last is not None
                and (last.kind, last.name, last.status) == ("diagnosis", name, status)
                and _LIST_GAP.match(text[last.end : a])
            ):
                continue
            detail = f"onset {onset.group('year')}" if onset else None
            facts.append(Fact("diagnosis", name, a, b, text[a:b], status=status, detail=detail))
    facts.extend(_visit(text, field))
    return facts


_CODE = re.compile(r"(?<![\w.])([A-Z]\d{2}(?:\.\d{1,4})?)(?![\w]|\.\d)")


def _icd10(code: str) -> str | None:
    """The condition an ICD-10 code names: its longest known beginning ("M54.5" before
    "M54")."""
    for n in range(len(code), 2, -1):
        name = ICD10.get(code[:n].rstrip("."))
        if name is not None:
            return name
    return None


def _with_codes(body: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names of `body` and the conditions written as codes alone ("Dx: E11.9"); a code
    beside its name ("E11.9 Type 2 diabetes") is the name's."""
    named = {n for _, _, n in names}
    codes = [
        (m.start(), m.end(), name)
        for m in _CODE.finditer(body)
        if (name := _icd10(m.group(1))) is not None and name not in named
    ]
    return sorted([*names, *codes])


def _status(body: str, start: int, end: int, cut: int, name: str) -> DxStatus:
    """Negated, over (a word of the past, or a dated event), or under a background cue
    ("h/o", "ברקע"), which makes history only what does not last (`core.timeline.course`)."""
    if _negated(body, start, end, cut):
        return "negated"
    own = _own_scope(body, start, cut)
    # "past history of": the background cue's own "past" says no more than "history of".
    rest = _HISTORY.sub(lambda m: " " * len(m.group(0)), own)
    if (
        _HISTORY_NEAR.search(rest)
        or _HISTORY_JUST_BEFORE.search(rest)
        or _HISTORY_AFTER.match(body[end:])
        or over_by_date(name, body[end:])
        or over_later(body[cut:start], body[end:])
    ):
        return "history"
    if _HISTORY.search(own) and not ongoing(body[end:]):
        return status_in_background(name)
    return "present"


def _scope_before(body: str, start: int, cut: int = 0) -> str:
    """The part of the sentence before `start` that a trigger there would still reach: from
    its last heading (`cut`) or terminating word on, pseudo-triggers blanked out. A
    parenthesis closed before a comma ends its own words' reach: in "stopped X (no longer
    needed), letter to neurology" the "no longer" is the parenthesis's."""
    head = _PSEUDO.sub(lambda m: " " * len(m.group(0)), body[cut:start])
    ends = [*_TERMINATE.finditer(head), *_CLOSED_ASIDE.finditer(head)]
    return head[max(m.end() for m in ends) :] if ends else head


def _negated(body: str, start: int, end: int, cut: int = 0) -> bool:
    scope = _NEGATIVE_VALUE.sub(lambda m: " " * len(m.group(0)), _scope_before(body, start, cut))
    scope = without_closed_not(scope)
    return bool(
        _PRE_NEGATION.search(scope)
        or _MINUS_BEFORE.search(body[max(0, start - 6) : start])
        or _POST_NEGATION.match(body[end:])
    )


def _list_ends(body: str, spans: list[tuple[int, int, str]]) -> list[int]:
    """For each name, where the list it belongs to ends: a negation written after the
    list ("Nausea/vomiting: denies") is every name's."""
    ends = [e for _, e, _ in spans]
    for i in range(len(spans) - 2, -1, -1):
        if _LIST_GAP.match(body[spans[i][1] : spans[i + 1][0]]):
            ends[i] = ends[i + 1]
    return ends


def _family(body: str, start: int, end: int, cut: int = 0) -> bool:
    """A relative's condition: a family trigger in scope before it, with no mention of the
    patient between, or "in his mother" after it."""
    head = without_informant(_scope_before(body, start, cut))
    found = list(_FAMILY.finditer(head))
    if found and not _PATIENT.search(head, found[-1].end()):
        return True
    return bool(_FAMILY_AFTER.match(body[end:]))


def _own_scope(body: str, start: int, cut: int = 0) -> str:
    """The scope before `start`, from the patient's own mention on where a relative's came
    before it ("FHx of colon cancer in father, he has HTN")."""
    head = _scope_before(body, start, cut)
    if _FAMILY.search(head):
        own = list(_PATIENT.finditer(head))
        return head[own[-1].end() :] if own else head
    return head


def _last_words(scope: str, n: int) -> str:
    words = list(re.finditer(rf"[\w{HEB}'/-]+", scope))
    return scope[words[-n].start() :] if len(words) >= n else scope


def _whole(found: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """`found` less names that are part of a hyphenated word ("neuro-ophthalmology")."""
    return [(a, b, n) for a, b, n in found if text[b : b + 1] != "-"]


def _within(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def _visit(text: str, field: str) -> list[Fact]:
    """The visit's type, from the first phrase of the subjective that names one ("Follow-up
    visit.", "Telehealth consult"). The plan's "f/u in 2 weeks" is the next visit's."""
    if field != "subjective":
        return []
    best: tuple[int, int, str] | None = None
    for name, pattern in _VISITS:
        m = pattern.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), name)
    if best is None:
        return []
    a, b, name = best
    return [Fact("visit", name, a, b, text[a:b])]
