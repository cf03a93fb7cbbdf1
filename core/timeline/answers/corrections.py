"""A question that corrects itself as it is typed ("The first HR - no, sorry, I mean the
latest one", "מתי היא הפסיקה - סליחה, מתי היא התחילה?", "When did he start Januvia?
Actually, never mind that: is he still taking it?"), or that names a neighbouring ask only
to set it aside ("Rather than the highest, what was her latest weight?", "What's the latest
weight, not the one from the first visit?", "במקום תאריך ההתחלה, מתי הופסק?"). What it
takes back or sets aside is not asked; what it named still is: those words keep their
names and lose their asks.

The words that take back (`taken_back`) and set aside (`set_aside`) are data, in
resources/*/question_cues.toml. A correction is read only where a clause begins, so that
"sorry" or "I mean" inside a clause asks nothing; "not", "skip" and "לא צריך" set aside
only there too."""

from __future__ import annotations

import re

from core.timeline.answers import cues
from core.timeline.answers.asked import names_a_measure
from core.timeline.answers.named import named
from core.timeline.reading.text import HEB

_DICTATED = tuple(
    (re.compile(rf"\s*{cues.W}{cues.alternatives(name)}{cues.E}", re.IGNORECASE), mark)
    for name, mark in (
        ("dictated_question_mark", "?"),
        ("dictated_full_stop", "."),
        ("dictated_comma", ","),
    )
)


# Hebrew's vowel points and cantillation marks ("מָתַי"), which Hebrew words are matched
# without; the maqaf (U+05BE) is a hyphen.
_POINTS = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
# What formatting adds around the words: "**last five**", "`BP`", "__latest__".
_MARKUP = re.compile(r"\*+|`+|(?<!\w)_+|_+(?!\w)")
# Symbols that stand for words: "# of visits", "no. of", "Δ", "→".
_SYMBOLS = (
    (re.compile(r"(?:(?<=\s)|^)(?:#|no\.)\s*of\b", re.IGNORECASE), "number of"),
    (re.compile("[Δ∆]"), " change "),
    (re.compile("(?:→|->|⇒)"), " to "),
    (re.compile("''"), '"'),
)
# A letter held for emphasis ("עדייייין", "latesttt"): three or more as two.
_HELD = re.compile(r"([^\W\d])\1{2,}")


# A list's next line: "וכמה פעמים…", its "and" glued to the word the question opens on.
_AND_OPENS = re.compile(rf"(^\s*|[.?!;:,—–-]\s*)ו(?={cues.alternatives('opening_word')}{cues.E})")


def _short_words() -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One pattern for every language's short words, a geresh typed as either mark, and
    what each stands for."""
    table = {k: v for lang in cues.LANGUAGES for k, v in cues.shorthand(lang).items()}
    if not table:
        return None
    keys = sorted(table, key=len, reverse=True)
    alts = "|".join(re.escape(k).replace("'", "['׳]").replace('"', '["״]') for k in keys)
    pattern = re.compile(rf"(?<![\w{HEB}])({cues.HP})({alts})(?![\w{HEB}])", re.IGNORECASE)
    return pattern, {_geresh(k): v for k, v in table.items()}


def _geresh(word: str) -> str:
    return word.replace("׳", "'").replace("״", '"').casefold()


_SHORT = _short_words()


def _spelt_out(question: str) -> str:
    if _SHORT is None:
        return question
    pattern, table = _SHORT
    return pattern.sub(lambda m: m.group(1) + table[_geresh(m.group(2))], question)


# A question typed into the note as a note to self: "(?? when was duloxetine taken off his
# list)", "[check: is she still on it]", "TODO: …" in brackets. It is the question asked,
# a sentence of its own.
_NOTE_TO_SELF = re.compile(
    r"[(\[]\s*(?:\?+|check\s*:?|todo\s*:?|q\s*:|ask\s*:)\s*([^()\[\]]+?)\s*\?*\s*[)\]]",
    re.IGNORECASE,
)


def typed(question: str) -> str:
    """A question as its words read, without what typing adds: vowel points, markup,
    symbols for words, letters held for emphasis, the "ו" (and) a list's next line glues
    to the word it opens on, words written short ("ביק'"), the brackets of a note to self
    ("(?? is she still on it)")."""
    question = _POINTS.sub("", question.replace("\u05be", "-"))
    question = _spelt_out(_AND_OPENS.sub(r"\1", question))
    question = _NOTE_TO_SELF.sub(lambda m: f". {m.group(1)}?", question)
    question = _MARKUP.sub(" ", question)
    for pattern, words in _SYMBOLS:
        question = pattern.sub(words, question)
    return _HELD.sub(r"\1\1", question)


def dictated(question: str) -> str:
    """A dictated question with its spoken punctuation as the marks ("… readings question
    mark" ends in "?"), so that its sentences and clauses read as typed ones do."""
    for pattern, mark in _DICTATED:
        question = pattern.sub(mark, question)
    return question


_TAKEN_BACK = re.compile(
    rf"(?:^|(?<=[.?!;:,—–-])|(?<=[.?!;:,—–-]\s))\s*(?:no,?\s+)?"
    rf"{cues.alternatives('taken_back')}{cues.E}[\s,:.!—–-]*",
    re.IGNORECASE,
)
# What a question asks, as against what it names: set aside in the words it takes back.
_ASKS = tuple(
    cues.cue(name)
    for name in (
        "first",
        "latest",
        "last",
        "highest",
        "lowest",
        "worst",
        "best",
        "change",
        "count",
        "stopped",
        "started",
        "still",
        "when",
        "since",
        "how_long",
    )
)


_ASIDE = re.compile(
    rf"{cues.W}{cues.alternatives('set_aside')}(?:{cues.E}|(?<=מ)(?=[\w{HEB}]))", re.IGNORECASE
)
# Markers that set aside only where a clause begins: elsewhere they belong to the ask.
_AT_A_CLAUSE = re.compile(r"(?:not|skip|forget|i (?:don't|do not) need|לא)\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"(?:^|[,;:.?!—–-])\s*$")
# Where what is set aside ends: the clause's end, or the "but" that brings the ask.
_ASIDE_END = re.compile(rf"\s*(?:[,;:?!.—–]|\s-\s|\s(?:but|אלא)(?![\w{HEB}]))")


def set_aside(question: str) -> str:
    """`question` with what it sets aside stripped of its asks, and the words that set it
    aside: "Rather than the highest, the latest weight?" reads "the, the latest weight?";
    unchanged where it sets no ask aside."""
    out: list[str] = []
    cursor = 0
    for m in _ASIDE.finditer(question):
        if m.start() < cursor:
            continue
        if _AT_A_CLAUSE.match(m.group()) and not _CLAUSE_START.search(question[: m.start()]):
            continue
        end = _ASIDE_END.search(question, m.end())
        stop = end.start() if end else len(question)
        aside = without_asks(question[m.end() : stop])
        if aside == question[m.end() : stop]:
            continue  # it sets no ask aside: "worse rather than better"
        out += [question[cursor : m.start()], aside]
        cursor = stop
    if not out:
        return question
    return " ".join("".join([*out, question[cursor:]]).split())


def asks_something(words: str) -> bool:
    """Whether `words` hold an ask ("first", "last", "stopped", "when"), named or not."""
    return any(ask.search(words) for ask in _ASKS)


def without_asks(words: str) -> str:
    """`words` without what they ask ("first", "stopped", "when"): their names stay."""
    for ask in _ASKS:
        words = ask.sub(" ", words)
    return words


def taken_back(question: str) -> str:
    """`question` as it stands after its last correction: the words before it without
    their asks, a dash, then the words after it. Unchanged where nothing is taken back, or
    where the correction opens the question ("Sorry, what was her last BP?")."""
    found = list(_TAKEN_BACK.finditer(question))
    if not found:
        return question
    start, end = found[-1].span()
    for earlier in reversed(found[:-1]):  # "no, sorry, I mean": one correction
        if earlier.end() < start:
            break
        start = earlier.start()
    before, after = question[:start], question[end:]
    if not before.strip(" ,.-—–") or not _corrects(before, after):
        return question
    before = without_asks(before)
    return f"{' '.join(before.split()).strip(' ,.;:-—–')} - {after.strip()}"


def _corrects(before: str, after: str) -> bool:
    """Whether the words after a correction ask or name anew: "I mean the latest", "מתי
    היא התחילה", "I mean in kilograms" (a measure's word). Words that only say more ("I
    mean at this clinic") correct nothing, nor do words that only say again what was asked,
    naming nothing new ("When was the first visit? I mean the very first one.")."""
    asks = [ask for ask in _ASKS if ask.search(after)]
    found = named(after)  # its measures were asked above, by their own words
    names = names_a_measure(after) or bool(found.drug or found.condition or found.procedure)
    return names or (bool(asks) and not all(ask.search(before) for ask in asks))
