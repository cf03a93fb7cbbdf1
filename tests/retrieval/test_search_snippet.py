"""Core's snippet of a search hit (the CLI's `search`, a result's tooltip and the
assistant's sources table show it): cut at whole words at both ends, so that a reading is
never cut short ("6.|65") nor its unit cut from it ("70.7 /…", which a Hebrew line then
shows as "…/ 70.7…", issue 28)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.retrieval.search import snippet

VOCABULARY = [
    "LDL", "cholesterol", "105.1", "mg/dL", "heart", "rate", "70.7", "/min", "6.65",
    "דופק", "והכאב", "בברך", "knee", "pain", "120/80", "mmHg", "sertraline", "50", "mg",
]  # fmt: skip
WORDS = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=120)
# Queries of one plain word: the snippet centres on the first place any word of the query
# is, so a query of several ("mg/dL" is "mg" and "dl" too) may centre on another.
QUERIES = ["LDL", "cholesterol", "heart", "knee", "pain", "sertraline", "דופק"]


@given(words=WORDS, spaces=st.sampled_from([" ", "  ", "\n", " \n "]), data=st.data())
def test_a_snippet_holds_its_match_and_is_cut_only_between_words(
    words: list[str], spaces: str, data: st.DataObject
) -> None:
    body = spaces.join(words)
    query = data.draw(st.sampled_from([q for q in QUERIES if q in words] or ["LDL"]))
    part = snippet(body, query, width=60)
    inner = part.removeprefix("…").removesuffix("…")
    at = body.find(inner)
    assert inner and at >= 0
    end = at + len(inner)
    # Whole words: the text around the part is white space, or the part reaches the end.
    assert at == 0 or body[at - 1].isspace()
    assert end == len(body) or body[end].isspace()
    assert part.startswith("…") == (at > 0) and part.endswith("…") == (end < len(body))
    assert query not in words or query.casefold() in inner.casefold()
    assert all(word in VOCABULARY for word in inner.split())


def test_a_reading_keeps_its_unit_at_the_end_of_a_snippet() -> None:
    body = "Vital signs: heart rate " + "x " * 40 + "70.7 /min, RR 14 /min, temperature 36.8 Cel"
    for width in range(60, 130):
        part = snippet(body, "heart", width)
        assert not part.endswith("/…") and not part.rstrip("…").endswith("70."), part
        assert all(word in body.split() for word in part.strip("…").split()), part
