"""The conditions', procedures' and specialties' names as data: `resources/en/NAME.toml` holds
every canonical name and its English names, `resources/he/NAME.toml` the Hebrew names of some
of them. Read and checked once: a Hebrew file's name that the English file lacks, a list
that is not of strings, or a form given twice under two names stops the start with the file
and line (`RulesError`)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import cast

from core.timeline.resources import LANGUAGES, ROOT, RulesError, line_of, load

Names = dict[str, tuple[str, ...]]


@functools.cache
def names(kind: str, root: Path = ROOT) -> Names:
    """canonical name: its other names, English first, in the English file's order."""
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
    return {key: tuple(forms) for key, forms in out.items()}
