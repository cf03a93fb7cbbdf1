"""The drugs', conditions', procedures' and specialties' names as data:
`resources/en/NAME.toml` holds every canonical name and its English names,
`resources/he/NAME.toml` the Hebrew names of some of them. Read and checked once: a Hebrew
file's name that the English file lacks, a list that is not of strings, or a form given
twice under two names stops the start with the file and line (`RulesError`)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import cast

from core.timeline.resources import LANGUAGES, ROOT, RulesError, line_of, load

Names = dict[str, tuple[str, ...]]


@functools.cache
def names(kind: str, root: Path = ROOT, *, articles: bool = True) -> Names:
    """canonical name: its other names, English first, in the English file's order. With
    `articles`, a Hebrew name of several words also as written with the definite article
    (a drug's name takes none)."""
    _, by_lang = load(kind, root)
    out: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for lang in LANGUAGES:
        path = root / lang / f"{kind}.toml"
        for key, forms in by_lang[lang].items():
            at = line_of(path, f'"{key}" =')
            if lang != "en" and key not in out:
                raise RulesError(f"{at}: {key!r} is no name of en/{kind}.toml; add it there")
            if not isinstance(forms, list) or not all(
                isinstance(f, str) for f in cast(list[object], forms)
            ):
                raise RulesError(f"{at}: {key!r} takes a list of names, each a string")
            for form in (key, *cast(list[str], forms)):
                other = owner.setdefault(form.casefold(), key)
                if other != key:
                    raise RulesError(f"{at}: {form!r} is a name of {other!r} already")
            out.setdefault(key, []).extend(cast(list[str], forms))
    for key, forms in out.items() if articles else ():
        forms.extend(f for f in _with_article(forms) if owner.setdefault(f.casefold(), key) == key)
    return {key: tuple(forms) for key, forms in out.items()}


@functools.cache
def broader(kind: str, root: Path = ROOT) -> dict[str, str]:
    """The language-neutral `NAME.toml`'s `[broader]`: a name the notes use for a narrower
    thing (a kind of another, or a sign read under it) to that broader name. Both must be
    canonical names of the kind, and no chain of them may lead back to where it began."""
    neutral, _ = load(kind, root)
    table: object = neutral.get("broader", {})
    path = root / f"{kind}.toml"
    if not isinstance(table, dict):
        raise RulesError(f"{line_of(path, '[broader]')}: [broader] maps a name to a name")
    known = names(kind, root)
    out: dict[str, str] = {}
    for narrow, wide in cast(dict[str, object], table).items():
        at = line_of(path, f'"{narrow}" =')
        if not isinstance(wide, str) or narrow not in known or wide not in known:
            raise RulesError(
                f"{at}: {narrow!r} = {wide!r}: both must be names of {kind}.toml in en/"
            )
        out[narrow] = wide
    for start in out:
        try:
            above(out, start)
        except ValueError:
            where = line_of(path, f'"{start}" =')
            raise RulesError(f"{where}: {start!r} is broader than itself") from None
    return out


def above(table: dict[str, str], name: str) -> list[str]:
    """The names above `name` in a `[broader]` table, nearest first; ValueError where the
    chain comes back to a name it has passed."""
    out: list[str] = []
    at = table.get(name)
    while at is not None:
        if at == name or at in out:
            raise ValueError(name)
        out.append(at)
        at = table.get(at)
    return out


def _hebrew(word: str) -> bool:
    return "\u05d0" <= word[:1] <= "\u05ea"


def _with_article(forms: list[str]) -> list[str]:
    """A Hebrew name of several words as a note writes it with the definite article: on the
    last word of a construct chain ("יתר לחץ הדם"), or on every word after the first, an
    adjective agreeing ("כאב הגב התחתון", "כאבי הראש"). A form that does not occur
    matches nothing."""
    out: list[str] = []
    for form in forms:
        words = form.split()
        if len(words) < 2 or not all(_hebrew(w) for w in words[1:]):
            continue
        if any(w.startswith("ה") for w in words[1:]):
            continue
        every = " ".join([words[0], *("ה" + w for w in words[1:])])
        last = " ".join([*words[:-1], "ה" + words[-1]])
        out.extend(f for f in dict.fromkeys((every, last)) if f not in forms and f not in out)
    return out
