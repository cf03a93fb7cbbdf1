"""Drug names written in Hebrew letters ("טגריסו", "פולמיקורט") read against the Latin
names of the lexicon and the drug vocabulary (`core.timeline.vocab.drug_vocab`).

Both spellings are reduced to one shape: consonants by sound (f and p alike, v and b, c
as k or s), the vowels Hebrew writes with a letter (ו for o/u, י for i/y) kept, the ones it
mostly leaves out (a, e, and א, ה, ע) dropped, doubled letters once. "טגריסו" and
"tagrisso" are both tgrIsO. A shape must be equal, not near: near shapes are too often
ordinary Hebrew words, and a shape that two drugs share names neither. Even so, an
ordinary word can share a drug's shape, so a word is read only where a drug is written:
before a dose, right after a medication verb, as an item of a medication list, or after
"stable on" / "treated with".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from core.timeline.reading.text import HEB
from core.timeline.vocab.drug_vocab import dosed, marketed, vocabulary
from core.timeline.vocab.lexicon import CONDITIONS, DRUGS, PROCEDURES, SPECIALTIES

_HEB_SOUNDS = {
    "ו": "O",
    "י": "I",
    "ב": "b",
    "ג": "g",
    "ד": "d",
    "ז": "z",
    "ט": "t",
    "כ": "k",
    "ך": "k",
    "ל": "l",
    "מ": "m",
    "ם": "m",
    "נ": "n",
    "ן": "n",
    "ס": "s",
    "פ": "p",
    "ף": "p",
    # Israeli spellings write צ for a Latin c before e or i ("ציפרלקס", "צפלקסין").
    "צ": "s",
    "ץ": "s",
    "ק": "k",
    "ר": "r",
    "ש": "s",
    "ת": "t",
}
_LATIN_PAIRS = (("ph", "p"), ("th", "t"), ("ch", "k"), ("ck", "k"), ("qu", "kv"), ("x", "ks"))
_PREFIXES = "והבלמשכ"
# Four letters or more: most three-letter Hebrew words share some drug's shape.
_WORD = re.compile(rf"(?<![\w{HEB}])[{HEB}](?:['׳]?[{HEB}]){{3,}}['׳]?(?![\w{HEB}])")
# Between a medication verb and the drug: "המשך X", "להפסיק את ה-X", "להעלות מינון X".
_AFTER_CUE = re.compile(
    r"\s*(?:-\s*)?(?:(?:את|עם)\s+)?(?:(?:טיפול|מינון|ליטול)\s+(?:ב-?|את\s+)?)?$"
)
# "יציבה על X", "מאוזן על X": stable on a drug.
_STABLE_ON = rf"(?<![\w{HEB}])ו?(?:יציב|יציבה|יציבים|מאוזן|מאוזנת|מאוזנים)\s+על\s*"
# "מטופל בX", "בטיפול (אדג'ובנטי) בX": the drug is the word with ב after it.
_TREATED_WITH = rf"(?<![\w{HEB}])ו?(?:מטופל|מטופלת|מטופלים|בטיפול)(?:\s+[{HEB}'׳\"]+)?\s+"
TREATED_ON = re.compile(f"{_STABLE_ON}|{_TREATED_WITH}ב")
_STABLE_ON_END = re.compile(_STABLE_ON + "$")
_FORM_BEFORE_END = re.compile(
    rf"(?<![\w{HEB}])[והב]?(?:טיפות|משחת|קרם|תרסיס|כדורי|טבליות|כמוסות|זריקות|נרות|"
    rf"סירופ|תמיסת|שאיפות|מדבקות|מדבקת|ג'ל|ג׳ל)\s+$"
)
_TREATED_WITH_END = re.compile(_TREATED_WITH + "$")


def hebrew_shape(word: str) -> str:
    # ז with a geresh is the soft g or j that Latin writes as g ("גלוקופאז'", Glucophage).
    word = _SOFT_G.sub("ג", word.replace("וו", "ב"))
    word = word.replace("'", "").replace("׳", "")
    return re.sub(r"(.)\1+", r"\1", "".join(_HEB_SOUNDS.get(ch, "") for ch in word))


_SOFT_G = re.compile("ז['׳]")


def latin_shape(word: str, voiced: bool = False) -> str:
    """`voiced`: an s between vowels read as z, as Hebrew often writes it ("פרדניזון")."""
    word = word.casefold()
    if voiced:
        word = _VOICED_S.sub("z", word)
    for a, b in _LATIN_PAIRS:
        if a in word:
            word = word.replace(a, b)
    word = _SOFT_C.sub("s", word).translate(_LATIN_SOUNDS)
    return _DOUBLED.sub(r"\1", word)


_VOICED_S = re.compile(r"(?<=[aeiouy])s(?=[aeiouy])")
_SOFT_C = re.compile(r"c(?=[eiy])")
# c, q as k; f as p; v, w as b; j as g; h, a, e and anything not a letter dropped; i, y
# as I and o, u as O (the vowels Hebrew writes with a letter).
_LATIN_SOUNDS = {
    **{ord(ch): None for ch in "hae"},
    **str.maketrans("cqfvwjiyou", "kkpbbgIIOO"),
}
_DOUBLED = re.compile(r"(.)\1+")


@functools.cache
def _by_shape() -> dict[str, tuple[str, bool] | None]:
    """Each shape to its generic name and whether the lexicon knows the drug, or None when
    drugs of two names share it. The lexicon's drugs, the ones clinics here write most,
    come before the vocabulary's (a shape one of them has is theirs), and of the
    vocabulary only medicines on sale count: most ordinary Hebrew words that share a
    drug's shape share it with a compound or a foreign brand no note names."""
    sold = marketed()
    vocab = [(form, name) for form, name in vocabulary().items() if form in sold]
    ours = [(form, name) for name, forms in DRUGS.items() for form in (name, *forms)]
    out: dict[str, tuple[str, bool] | None] = {}
    for table, known in ((vocab, False), (ours, True)):
        layer: dict[str, tuple[str, bool] | None] = {}
        for form, name in table:
            if not form.isascii() or not form.isalpha() or len(form) < 4:
                continue
            shapes = {latin_shape(form)}
            if _VOICED_S.search(form):
                shapes.add(latin_shape(form, voiced=True))
            for shape in shapes:
                layer[shape] = (
                    (name, known) if layer.get(shape, (name, known)) == (name, known) else None
                )
        out.update(layer)
    return out


def hebrew_name(word: str, *, dosed: bool = False) -> str | None:
    """The generic name a Hebrew-letter word spells, with a joined one-letter prefix
    ("בפמרה") tried off and a leading ו or וו tried as v; None when no drug or more than
    one has its shape (of two, a lexicon drug's is taken). A vocabulary drug of three
    consonants ("פמרה") needs a dose after it (`dosed`): so short a shape is often a word."""
    candidates = [word]
    if word[0] == "ו":
        # A loanword's v written with one ו ("ונלפקסין"), or וו as v then o ("וולטרן").
        candidates += ["ב" + word[1:], "בו" + word[2:] if word[1:2] == "ו" else ""]
    if word[0] in _PREFIXES and len(word) > 3:
        candidates.append(word[1:])
    names: dict[str, bool] = {}
    for candidate in filter(None, candidates):
        shape = hebrew_shape(candidate)
        consonants = sum(ch.islower() for ch in shape)
        found = _by_shape().get(shape) if consonants >= 3 else None
        if found is not None and (found[1] or consonants >= 4 or dosed):
            names[found[0]] = found[1]
    ours = [name for name, known in names.items() if known]
    if len(names) == 1 or len(ours) == 1:
        return ours[0] if ours else next(iter(names))
    return None


def find(
    body: str,
    taken: list[tuple[int, int]],
    cues: list[tuple[int, int]],
    *,
    item: bool = False,
    named: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int, str]]:
    """Hebrew-letter drug names in the sentence `body` where a drug is written, outside
    the spans already `taken` (names read, verbs). `cues`: the medication verbs' spans;
    `item`: the sentence is an item of a medication list, so its first word may be one;
    `named`: the drug names already read, whose "and" (a joined ו) a next name may follow."""
    found: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(body):
        start, end = m.span()
        word = m.group(0)
        if any(b == start + 1 for _, b in cues) and word[0] in "בלמ":
            # A verb's preposition joined to the name ("סיים טיפול בX", "עבר לX").
            start, word = start + 1, word[1:]
        if any(start < b and a < end for a, b in taken):
            continue
        if word in _ordinary_words() or word[1:] in _ordinary_words():
            continue  # "סרטן", "בשתן": a word of a condition's or procedure's name
        first = item and not body[:start].strip(" \t-*•·▪#0123456789.)")
        joined = word[0] == "ו" and any(
            _AND_NEXT.fullmatch(body, e, start) for _, e in (*named, *((a, b) for a, b, _ in found))
        )
        if not first and not joined and not _where_a_drug_is_written(body, start, end, cues):
            continue
        name = hebrew_name(word, dosed=dosed(body, end))
        if name is not None:
            found.append((start, end, name))
    return found


def in_question(question: str) -> list[tuple[int, int, str]]:
    """The Hebrew-letter words of a question that spell a drug's name ("עדיין לוקחת
    סלברקס?"), ordinary words aside. A question is short and asks of one drug: the caller
    reads it so only where it asks of a drug's course (still taken, started, stopped)."""
    found: list[tuple[int, int, str]] = []
    for m in _HEB_WORD.finditer(question):
        word = m.group(0)
        if len(word) < 4 or word in _ordinary_words() or word[1:] in _ordinary_words():
            continue
        name = hebrew_name(word)
        if name is not None:
            found.append((m.start(), m.end(), name))
    return found


@functools.cache
def _ordinary_words() -> frozenset[str]:
    """The Hebrew words of condition, procedure and specialty names: ordinary words, some
    of which share a drug's shape ("סרטן" and Sertan, "שתן")."""
    drugs = {w for forms in DRUGS.values() for form in forms for w in _HEB_WORD.findall(form)}
    words = {
        w
        for table in (CONDITIONS, PROCEDURES, SPECIALTIES)
        for name, forms in table.items()
        for form in (name, *forms)
        for w in _HEB_WORD.findall(form)
    }
    return frozenset(words - drugs)


_HEB_WORD = re.compile(rf"[{HEB}'׳]+")
# Between a drug (and its dose) and the next joined by ו: "נוטל X ו-Y", "X 5 מ"ג וY".
# Round 7: the dose's schedule may stand between ("X 250 מ"ג שלוש פעמים בשבוע וY").
_AND_NEXT = re.compile(
    r"(?:\s*\d+(?:\.\d+)?\s*(?:mg|mcg|מ[\"״]?ג|מק[\"״]?ג|יחידות))?"
    r"(?:\s+(?:פעם|פעמיים|(?:\d+|שלוש|ארבע|חמש) פעמים)\s+ב(?:יום|שבוע|חודש))?\s+"
)


def _where_a_drug_is_written(body: str, start: int, end: int, cues: list[tuple[int, int]]) -> bool:
    if dosed(body, end) or _STABLE_ON_END.search(body, 0, start):
        return True
    if body[start] == "ב" and _TREATED_WITH_END.search(body, 0, start):
        return True
    if any(e <= start and _AFTER_CUE.match(body, e, start) for _, e in cues):
        return True
    if _FORM_BEFORE_END.search(body, 0, start):
        return True  # Round 7: a form in construct before the name, "טיפות X", "משחת X"
    # An item of a list that a medication word opened: "תרופות: X 10 מ"ג, Y".
    return any(c < start for c, _ in cues) and bool(re.search(r"[:,]\s*$", body[:start]))
