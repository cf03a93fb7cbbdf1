"""How a procedure or a referral is named when its words say more than the lexicon's name
(docs/timeline.md, "Naming procedures").

- Imaging keeps the body site written with it: "CT abdomen", "MRI lumbar spine", "X-ray
  wrist", "ultrasound kidney". The name is the modality's short name (ct, mri, x-ray,
  ultrasound) and the site as a noun ("abdominal CT" and "CT בטן" are both "ct abdomen";
  "renal US" is "ultrasound kidney"); a study with no site keeps the lexicon's name ("ct
  scan", "mri"). The scorer matches a name's words in any order, so "knee x-ray" and
  "x-ray knee" are one name.
- A referral to a service the lexicon does not know is named by the words written, lower
  case ("Refer to student counselling" is "referral: student counselling"), when they end
  in a word that names a service (clinic, service, team, nurse, therapy, a "-logy" or
  "-ist"), less a word that says only that it is one ("retina service" is "referral:
  retina"); a known service among those words names it instead ("community dietitian" is
  "referral: dietitian"), and so does a clinician's short form of one known service's
  name ("Refer gynae" is "referral: gynecology", "Refer vascular" "referral: vascular
  surgery").
"""

from __future__ import annotations

import functools
import re

from core.timeline.reading.text import HEB, Lexicon
from core.timeline.resources import WORD_END
from core.timeline.vocab.lexicon import CONDITIONS, PROCEDURES

_MODALITIES = {"ct scan": "ct", "mri": "mri", "x-ray": "x-ray", "ultrasound": "ultrasound"}
# The site's noun and the ways it is written, English adjective and Hebrew included. Longer
# sites first, so "chest abdomen pelvis" is not read as "chest".
_SITES: tuple[tuple[str, str], ...] = (
    (
        "chest abdomen pelvis",
        r"cap|chest[/, ]+abdomen(?:[/, ]+| and )pelvis|חזה[- ,/]+בטן[- ,/]+אגן",
    ),
    ("abdomen pelvis", r"abdomen(?:[/, ]+| and )pelvis|a/p|בטן(?:[- ,/]+|\s+ו-?)אגן"),
    ("internal auditory meatus", r"iams?|iacs?|internal auditory (?:meatus|meati|canals?)"),
    ("lumbar spine", r"lumbar spine|l-?spine|lumbosacral spine|lumbar|ע(?:מוד )?ש(?:דרה)? מותני"),
    ("cervical spine", r"cervical spine|c-?spine|ע(?:מוד )?ש(?:דרה)? צווארי"),
    ("thoracic spine", r"thoracic spine|t-?spine|ע(?:מוד )?ש(?:דרה)? גבי"),
    ("spine", r"spine|עמוד שדרה|עמ\"ש"),
    ("kub", r"kub"),
    ("abdomen", r"abdomen|abdominal|abdo|בטן"),
    ("pelvis", r"pelvis|pelvic|transvaginal|אגן|וגינלי"),
    ("adrenal", r"adrenals?|adrenal glands?|(?:בלוטות |בלוטת )?יותרת הכליה"),
    ("chest", r"chest|thorax|thoracic|חזה"),
    ("brain", r"brain|cerebral|מוח"),
    ("head", r"head|ראש"),
    ("sinuses", r"sinus(?:es)?|סינוסים"),
    ("neck", r"neck|צוואר"),
    ("thyroid", r"thyroid|בלוטת התריס"),
    ("kidney", r"renal|kidneys?|כליות|כליה"),
    ("liver", r"liver|hepatic|כבד"),
    ("prostate", r"prostate|ערמונית"),
    ("scrotum", r"scrot(?:um|al)|testicular|אשכים"),
    ("breast", r"breasts?|שד"),
    ("heart", r"cardiac|heart"),
    ("carotid", r"carotids?|קרוטידים"),
    ("wrist", r"wrists?|שורש כף (?:ה)?יד"),
    ("hand", r"hands?|כף (?:ה)?יד|כפות ידיים"),
    ("elbow", r"elbows?|מרפק"),
    ("shoulder", r"shoulders?|כתף"),
    ("hip", r"hips?|מפרק (?:ה)?ירך"),
    ("knee", r"knees?|ברך|ברכיים"),
    ("ankle", r"ankles?|קרסול"),
    ("foot", r"foot|feet|כף (?:ה)?רגל"),
)
_SIDE = r"(?:(?:left|right|l|r|lt|rt|bilateral|bilat|b/l|both|ימין|שמאל|ימנית|שמאלית)\s+)?"
_SITE_ALT = "|".join(f"(?P<s{i}>{words})" for i, (_, words) in enumerate(_SITES))
_E = WORD_END
_AFTER = re.compile(
    rf"^(?:\s*(?:scan|study|imaging|of(?:\s+the)?|ל|של)?)?\s*-?\s*{_SIDE}(?:ה)?(?:{_SITE_ALT}){_E}",
    re.IGNORECASE,
)
_INSIDE = re.compile(rf"(?<![\w{HEB}])(?:{_SITE_ALT}){_E}", re.IGNORECASE)
_BEFORE = re.compile(
    rf"(?<![\w{HEB}]){_SIDE}(?:{_SITE_ALT})\s*-?\s*$",
    re.IGNORECASE,
)


def _site(m: re.Match[str]) -> str:
    return next(_SITES[i][0] for i in range(len(_SITES)) if m.group(f"s{i}") is not None)


def imaging_site(name: str, body: str, start: int, end: int) -> tuple[str, int, int]:
    """`name` with the body site written beside or inside the imaging study at `start:end`
    of `body`, and the span grown to hold it; other names as they are."""
    modality = _MODALITIES.get(name)
    if modality is None:
        return name, start, end
    # "US shoulder", "CT בטן": the lexicon's name; a longer site may go on past its end
    # ("CT בטן ואגן").
    inside = _INSIDE.search(body, start)
    after = _AFTER.match(body[end:])
    if inside is not None and inside.start() < end:
        return _named(modality, _site(inside)), start, max(end, inside.end())
    if after is not None:
        return _named(modality, _site(after)), start, end + after.end()
    before = _BEFORE.search(body[max(0, start - 40) : start])
    if before is not None:
        return _named(modality, _site(before)), start - (len(before.group(0))), end
    return name, start, end


@functools.cache
def _procedures() -> Lexicon:
    return Lexicon.of(PROCEDURES)


def _named(modality: str, site: str) -> str:
    """ "x-ray" of the chest is the lexicon's chest x-ray, where it names one ("X-ray of
    chest" and "CXR" are one study); another site keeps the modality's order ("CT abdomen")."""
    return _procedures().named(f"{site} {modality}") or f"{modality} {site}"


# A referral's target as written: up to four words, to the end of its clause. "Referred by
# GP" names where the patient came from, not a referral made at this visit.
_WRITTEN = re.compile(
    r"(?!(?:by|from|in|on|at|with|the notes?|above|below)\b)(?:the\s+)?"
    r"(?P<w>[a-z][a-z'&-]*(?:\s+[a-z][a-z'&-]*){0,3}?)"
    r"(?=\s*(?:$|[.,;:()\n]|\s-\s|\s+(?:for|re|regarding|about|to|if|when|once|as|and|with|"
    r"in|at|within|urgently|today|please|same|asap|soon|routinely|this|next|via|urgent)\b))",
    re.IGNORECASE,
)
_SERVICE_WORD = re.compile(
    r"(?:clinic|service|services|team|unit|centre|center|nurse|nursing|educator|education|"
    r"specialist|therapy|therapist|rehab|rehabilitation|counselling|counseling|counsellor|"
    r"counselor|programme|program|surgery|surgeon|\w+ology|\w+ologist|\w+iatry|\w+iatrist|"
    r"\w+ics|\w+ist|dept|department|visitor|prescriber|prescribing|worker|coordinator|"
    r"navigator|advisor|adviser|practitioner|midwife|midwifery)$",
    re.IGNORECASE,
)
_NOT_SERVICE = frozenset({"list", "checklist", "history", "physics", "statistics"})
# Words that say only that it is a service: "retina service" is "retina", "the falls
# team" is "falls"; a clinic keeps its word ("TB clinic"), as the lexicon's names do.
_BARE = re.compile(r"\s+(?:service|services|team|dept|department)$", re.IGNORECASE)


def written_service(
    body: str, begin: int, known: Lexicon, named: bool = False
) -> tuple[int, str] | None:
    """(end, name) of the service written at `begin` of `body` after a word of referral
    ("Refer to student counselling", "Refer community dietitian"), or None: a service of
    `known` among its words by its canonical name, a known service's short form ("gynae",
    "vascular") by that name, else the words when their last names a service or when
    `named`, a word for a clinic or treatment before them ("לטיפול CBT-I"), says they do."""
    m = _WRITTEN.match(body, begin)
    if m is None:
        return None
    words = m.group("w")
    # A known name inside a joined word ("neuro-ophthalmology") is not that service.
    found = [
        (a, b, n)
        for a, b, n in known.find(words)
        if words[a - 1 : a] != "-" and words[b : b + 1] != "-"
    ]
    if found:
        start, end, name = found[-1]
        if _condition_before(words[:start]) or _BODY_SITE_BEFORE.search(words[:start]):
            # "epilepsy surgery team": a condition's name makes a service of its own; so
            # does a body site ("hand therapist" is no psychologist, round 7).
            return m.end("w"), _BARE.sub("", re.sub(r"\s+", " ", words.lower()))
        return m.start("w") + end, name
    short = short_form(words.split()[0], known)
    if short is not None:
        return m.start("w") + len(words.split()[0]), short
    last = words.split()[-1].lower()
    if not named and (last in _NOT_SERVICE or not _SERVICE_WORD.search(last)):
        return None
    name = _BARE.sub("", re.sub(r"\s+", " ", words.lower()))
    return m.end("w"), name


_SHORT_MIN = 4
_BODY_SITE_BEFORE = re.compile(rf"(?<![\w{HEB}])(?:{_SITE_ALT})\s+$", re.IGNORECASE)


@functools.cache
def _conditions() -> Lexicon:
    return Lexicon.of(CONDITIONS)


def _condition_before(words: str) -> bool:
    """Whether `words`, those written before a known service's name, end in a condition's."""
    found = _conditions().find(words)
    return bool(found) and not words[found[-1][1] :].strip()


def short_form(word: str, known: Lexicon) -> str | None:
    """The one known service whose name (or another name) begins with `word`, a clinician's
    short form ("gynae" for gynaecology, "vascular" for vascular surgery, "haem" for
    haematology), or None when none or more than one does."""
    w = word.casefold()
    if len(w) < _SHORT_MIN or not w.isascii() or not w.isalpha():
        return None
    names = {n for form, n in known.canonical.items() if form.startswith(w)}
    return names.pop() if len(names) == 1 else None


# "Refer to physiotherapy and pain psychology", "הפניה לפיזיותרפיה ולפסיכולוגיה של כאב".
_AND = re.compile(rf"(?:\s*(?:,|&|\+|/|and)\s*(?:to\s+)?|\s+(?=ו[{HEB}]))", re.IGNORECASE)


def more_services(body: str, end: int, known: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, name) of each service joined by "and" to a referral's that ends at
    `end` of `body`."""
    out: list[tuple[int, int, str]] = []
    while (gap := _AND.match(body, end)) is not None:
        found = known.find(body[gap.end() : gap.end() + 40])
        if not found or found[0][0] > 2:
            # "Letter to GP and health visitor": one no list knows, by its service word.
            written = written_service(body, gap.end(), known)
            if written is not None and _SERVICE_WORD.search(written[1]):
                out.append((gap.end(), written[0], written[1]))
            break
        a, b, name = found[0]
        out.append((gap.end() + a, gap.end() + b, name))
        end = gap.end() + b
    return out
