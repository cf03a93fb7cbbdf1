"""A condition written as one medical term is named by that term.

The lexicon joins synonyms to one name, and some of its joins put one term for another:
"dyslipidaemia" under hyperlipidemia. (A kind of a condition is a name of its own, set
under the broader one as data: resources/conditions.toml's [broader].) A clinician who
writes one of two such terms says which condition it is, so a one-word term of medicine's
own shape (a Greek or Latin ending: -emia, -itis, -osis, -pathy, ...) that the lexicon
names by another such term is named by itself, in the lexicon's American spelling
("dyslipidemia"); a term the lexicon names in plain words keeps them ("arthralgia"
is joint pain), and so does an abbreviation. A term read by its place (no lexicon's) is
spelt the American way too ("hyperphosphataemia" is "hyperphosphatemia"). The status is
still the lexicon's name's: a lasting condition stays one."""

from __future__ import annotations

import re

_TERM = re.compile(
    r"^[a-z]{4,}(?:emia|itis|osis|oma|pathy|algia|esthesia|penia|rrhea|plegia|paresis|"
    r"trophy|megaly|uria|ectasia|spasm|plasia)$"
)
# British to American, as the lexicon names conditions: "anaemia", "oedema", "haem-".
_BRITISH = ((re.compile(r"ae"), "e"), (re.compile(r"oe(?=[a-z])"), "e"))


def american(word: str) -> str:
    """`word` in American spelling ("hypercholesterolaemia" is "hypercholesterolemia")."""
    for pattern, repl in _BRITISH:
        word = pattern.sub(repl, word)
    return word


_INFLECTION = re.compile(r"(?:ing|es|s)$")


def _base_of(written: str, name: str) -> bool:
    """Whether `written` is `name` word for word but one word, which `name` inflects
    ("wheeze" for "wheezing", "kidney stone" for "kidney stones")."""
    a, b = written.split(), name.split()
    if len(a) != len(b) or a == b:
        return False
    odd = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(odd) != 1:
        return False
    x, y = odd[0]
    stem = _INFLECTION.sub("", y)
    return len(y) > len(x) and len(stem) >= 3 and x.rstrip("e") == stem.rstrip("e")


def term_name(written: str, name: str) -> str:
    """The name of a lexicon's condition `name` written as `written`: the written term
    itself where it is one word of medicine's shape that the lexicon names otherwise, or
    the base form the lexicon's name inflects (round 7: a condition is named in the
    singular, by the noun written)."""
    word = american(written.casefold())
    if _base_of(" ".join(word.split()), name):
        return " ".join(word.split())
    if not _TERM.match(word) or not _TERM.match(american(name)) or word == name:
        return name
    return word


def disease_shaped(words: str) -> bool:
    """Whether the phrase `words` ends in a one-word term of medicine's shape ("Irreversible
    pulpitis"): a number after such a phrase is a site or a grade ("pulpitis 46", a tooth),
    not the value of a measure ("Ferritin 14")."""
    last = words.split()[-1].casefold() if words.split() else ""
    return bool(_TERM.match(american(last)))
