"""Whether a condition named in a note's background is still the patient's now.

A diagnosis's status says what a clinician reading the timeline would take it to mean
(docs/timeline.md, "Present or history"): **present** is a condition the patient has now,
**history** one that is over. A background cue ("PMH:", "h/o", "history of", "ברקע") does
not by itself say a condition is over: "PMH: hypertension" and "h/o type 2 diabetes" are
conditions the patient still has, since they do not go away, while "PMH: MI" and "h/o
DVT" are events that are past. So under such a cue a lasting condition is present and
anything else is history. Words that say a condition is over ("previous", "in the past",
"resolved", "as a child", "בעבר", "s/p") make any condition history, and an event given
with its year ("MI in 2017", "DVT ב-2011") is history too: the year dates an event that
is over, where for a lasting condition it dates the onset."""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.types import DxStatus
from core.timeline.vocab.lexicon import broader_names

# Conditions that, once diagnosed, the patient is taken to still have unless the note says
# otherwise: chronic diseases that do not resolve by themselves.
LASTING: frozenset[str] = frozenset(
    {
        *("hypertension", "type 2 diabetes", "type 1 diabetes", "prediabetes"),
        *("hyperlipidemia", "hypertriglyceridemia", "metabolic syndrome", "obesity"),
        *("hypothyroidism", "hyperthyroidism", "asthma", "copd", "obstructive sleep apnea"),
        *("heart failure", "atrial fibrillation", "coronary artery disease", "cardiomyopathy"),
        *("peripheral artery disease", "heart disease", "aortic stenosis", "aortic aneurysm"),
        *("mitral regurgitation", "chronic kidney disease", "benign prostatic hyperplasia"),
        *("osteoarthritis", "rheumatoid arthritis", "psoriatic arthritis", "osteoporosis"),
        *("osteopenia", "ankylosing spondylitis", "lupus", "gout", "fibromyalgia"),
        *("gerd", "irritable bowel syndrome", "crohn's disease", "ulcerative colitis"),
        *("celiac disease", "fatty liver", "cirrhosis", "epilepsy", "migraine"),
        *("parkinson's disease", "multiple sclerosis", "peripheral neuropathy", "dementia"),
        *("mild cognitive impairment", "essential tremor", "restless legs syndrome"),
        *("anxiety", "bipolar disorder", "schizophrenia", "ptsd", "ocd", "adhd"),
        *("autism spectrum disorder", "psoriasis", "eczema", "hiv", "glaucoma"),
        *("macular degeneration", "hearing loss", "thalassemia", "g6pd deficiency"),
        *("familial mediterranean fever", "polycystic ovary syndrome", "endometriosis"),
        *("chronic pain", "scoliosis", "spinal stenosis", "degenerative disc disease"),
        *("sjogren's syndrome", "polymyalgia rheumatica", "opioid use disorder"),
        "alcohol use disorder",
    }
)
# Events and acute illnesses: over once they have happened, so a year given with one
# ("MI 2017", "PE ב-2017") dates the past.
EVENTS: frozenset[str] = frozenset(
    {
        *("myocardial infarction", "acute coronary syndrome", "stroke"),
        *("transient ischemic attack", "deep vein thrombosis", "pulmonary embolism"),
        *("pneumonia", "fracture", "kidney stones", "gestational diabetes", "acl tear"),
        *("meniscal tear", "ankle sprain", "concussion", "appendicitis", "cholecystitis"),
        *("pancreatitis", "covid-19", "influenza", "cellulitis", "shingles", "sepsis"),
        *("pyelonephritis", "acute kidney injury", "self-harm", "postpartum depression"),
        *("cancer", "breast cancer", "prostate cancer", "colorectal cancer", "lung cancer"),
        *("skin cancer", "melanoma", "lymphoma", "leukemia", "thyroid cancer"),
        *("whiplash", "pericarditis", "diverticulitis", "eating disorder"),
        *("diabetic ketoacidosis", "pre-eclampsia", "stress fracture", "distal radius fracture"),
        *("hip fracture", "overdose", "upper respiratory tract infection"),
    }
)
# The year after an event's name: "MI 2017", "(2015)", "in 2014", "ב-2011", "בשנת 2000",
# and after the site it names: "stress fracture L 2nd metatarsal 2022", "שבר במטטרסל 2 ב-2022".
_DATED = re.compile(
    rf"^(?:[\s,(\-–]*[\w{HEB}'.]+){{0,4}}?[\s,(\-–]*(?:in\s+|since\s+|ב-?|בשנת\s+)?"
    r"(?:19|20)\d\d(?!\d)",
    re.IGNORECASE,
)
# Later in the name's clause, words that say it is over: "in early remission", "fully
# recovered", "treated 2019, SVR", "שטופלה ב-2019", "ברמיסיה"; and a condition of an earlier
# pregnancy ("pre-eclampsia first pregnancy 2016", "סוכרת הריונית בהריון הקודם").
_OVER_LATER = re.compile(
    rf"^[^.;\n]{{0,40}}?(?<![\w{HEB}])(?:(?:fully |completely )?recovered|in (?:early |sustained |"
    r"full |partial |complete |clinical |biochemical |endoscopic |deep |stable )?remission|"
    r"ברמיסיה|בהפוגה|ש?החלים|ש?החלימה|full recovery|(?:treated|excised|removed|resected|"
    r"operated|repaired) (?:in )?(?:19|20)\d\d|ש?נכרת(?:ה)? ב-?(?:19|20)\d\d|"
    r"ש?טופל(?:ה)? ב-?(?:19|20)\d\d|(?:in |during )?(?:her |the )?(?:first|"
    r"previous|last|prior|earlier) pregnancy|בהריון (?:ה)?(?:קודם|ראשון)|בהיריון (?:ה)?"
    rf"(?:קודם|ראשון))(?![\w{HEB}])",
    re.IGNORECASE,
)
# "Post distal radius fracture", at the start of a clause or a list's item: status post.
_POST = re.compile(
    r"(?:^|[\n:;•*\-]|#\d*|\d[.)])\s*[Pp]ost\s+(?:[\w'-]+\s+){0,3}$",
)
# "in 2014, resolved", "(2000) - resolved": a dated condition said to be over.
_DATED_RESOLVED = re.compile(
    rf"^[\s,(\-–]*(?:in\s+|ב-?)?(?:19|20)\d\d\)?[\s,;\-–]*(?:resolved|נפתר|חלף|חלפה)(?![\w{HEB}])",
    re.IGNORECASE,
)


def _in(name: str, group: frozenset[str]) -> bool:
    """`name`, or a name the vocabulary sets it under, is in `group`: hypercholesterolemia
    lasts as hyperlipidemia does."""
    return name in group or any(n in group for n in broader_names(name))


def status_in_background(name: str) -> DxStatus:
    """The status of `name` under a background cue with no word of the past."""
    return "present" if _in(name, LASTING) else "history"


# "Depression since teens", "דיכאון מגיל ההתבגרות", "RA since 2018": a condition the patient
# has had from then until now, which a background cue does not make past; so is one said
# to be chronic after its name ("כאבי גב כרוניים", round 7).
_SINCE = re.compile(
    rf"^[\s,(\-–]*(?:since|מאז|מגיל|משנת|מ-?(?:19|20)\d\d)(?![\w{HEB}])"
    # "chronic" as the name's own last word, not the next name's first ("insomnia, chronic
    # kidney disease").
    rf"|^\s*,?\s*(?:chronic|כרוני|כרונית|כרוניים|כרוניות)\s*(?:[,.;)\n]|$)",
    re.IGNORECASE,
)


def ongoing(after: str) -> bool:
    """Whether the words right after the name say it has lasted until now ("since ...")."""
    return bool(_SINCE.match(after))


def over_later(before: str, after: str) -> bool:
    """Whether words later in the clause say the condition is over, or "Post" opens it."""
    return bool(_OVER_LATER.match(after) or _POST.search(before))


def over_by_date(name: str, after: str) -> bool:
    """Whether the words right after the name date it as over: an event with its year, or
    any condition dated and said to be resolved."""
    return bool(_DATED_RESOLVED.match(after) or (is_event(name) and _DATED.match(after)))


# An event by its name's shape, for conditions no list holds: an infection, an injury, a
# wound, a tear or a clot happens and is over ("gunshot wound 2022", "tendon rupture 2019").
_EVENT_SHAPE = re.compile(
    r"(?:^|\s)(?:\w+\s)*(?:infection|injury|wound|laceration|fracture|tear|rupture|sprain|"
    r"dislocation|bleed|haemorrhage|hemorrhage|embolism|thrombosis|infarct|infarction|"
    r"episode|attack|psychosis|overdose|abscess)$"
)


def is_event(name: str) -> bool:
    """Whether `name` is an event or acute illness: listed, or shaped like one."""
    return _in(name, EVENTS) or bool(_EVENT_SHAPE.search(name))


# "rash resolved", "nausea settled", "פריחה חלפה": said to be over right after its name. A
# condition that has resolved is history (it was the patient's), not negated (never was).
_RESOLVED = re.compile(
    rf"^[\s,\-–]*(?:which |that |ש)?(?:has |have |had )?(?:now |since |all )?(?:resolved|settled|"
    rf"gone|gone away|went away|cleared|נפתר|נפתרה|חלף|חלפה|חלפו|נעלם|נעלמה|נעלמו)(?![\w{HEB}])",
    re.IGNORECASE,
)


def said_resolved(after: str) -> bool:
    """Whether the words right after the name say it has resolved."""
    return bool(_RESOLVED.match(after))
