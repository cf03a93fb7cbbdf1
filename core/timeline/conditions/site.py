"""A condition's body site written after its name, as coded terminologies and exports write
it ("Sprain of wrist", "Malignant neoplasm of colon"): the name keeps it, so "sprain of
wrist" is not any sprain and a question about the colon finds its polyp. The sites are
data (`core/timeline/resources/en/sites.toml`); a side before the site is not part of the
name."""

from __future__ import annotations

import functools
import re

from core.timeline.resources import ROOT, RulesError, check_keys, load


@functools.cache
def _after() -> re.Pattern[str]:
    _, languages = load("sites")
    sites: list[str] = []
    for lang, rules in languages.items():
        check_keys(rules, {"sites", "adjectives"}, str(ROOT / lang / "sites.toml"))
        sites += [str(s).casefold() for s in rules.get("sites", ())]
    if not sites:
        raise RulesError(f"{ROOT / 'en' / 'sites.toml'}: no sites")
    names = "|".join(re.escape(s) for s in sorted(set(sites), key=len, reverse=True))
    return re.compile(
        rf"\s+of\s+(?:the\s+)?(?:(?:left|right|bilateral|both)\s+)?(?P<site>{names})(?![\w-])",
        re.IGNORECASE,
    )


@functools.cache
def _adjectives() -> dict[str, str]:
    _, languages = load("sites")
    return {
        str(k).casefold(): str(v).casefold()
        for rules in languages.values()
        for k, v in rules.get("adjectives", {}).items()
    }


def site_words(site: str) -> tuple[str, ...]:
    """The site as a condition's name may put it before itself: "rectum" and "rectal"."""
    adjective = _adjectives().get(site)
    return (site, adjective) if adjective and adjective != site else (site,)


def site_after(body: str, end: int) -> tuple[str, int] | None:
    """The site written right after a name ending at `end`, and where its words end."""
    m = _after().match(body, end)
    if m is None:
        return None
    return " ".join(m.group("site").casefold().split()), m.end()
