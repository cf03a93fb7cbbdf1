"""The written styles of each measure, read from styles_en.toml and styles_he.toml: a style
is its id, the note fields it is written in (S, O, A) and its words, `text`, with a {} for
each of its calls, the Values methods (values.py) that write and label its values."""

from __future__ import annotations

from string import Formatter
from typing import NamedTuple

from bench.timeline.kit.vocab import VocabError
from bench.timeline.sets.blind3.readers import read, table
from bench.timeline.sets.blind3.values import Arg, Values, check_call

Call = tuple[str, tuple[Arg, ...]]


class Style(NamedTuple):
    id: str
    fields: str
    text: str
    calls: tuple[Call, ...]

    def write(self, values: Values) -> str:
        """The marked words, each call drawing its values in turn."""
        return self.text.format(*(values.write(name, args) for name, args in self.calls))


def _call(where: str, value: object) -> Call:
    if not (isinstance(value, list) and value and isinstance(value[0], str)):
        raise VocabError(f"{where}: a call is [method, its arguments ...]")
    name, *args = value
    if not all(isinstance(a, str | int | float) and not isinstance(a, bool) for a in args):
        raise VocabError(f"{where}: {name}'s arguments are strings and numbers")
    why = check_call(name, args)
    if why:
        raise VocabError(f"{where}: {why}")
    return name, tuple(args)


def read_styles(lang: str) -> list[Style]:
    """styles_<lang>.toml, in the order written."""
    path, data = read(f"styles_{lang}.toml")
    out: list[Style] = []
    for sid, entry in data.items():
        where = f"{path}: {sid}"
        style = table(path, sid, entry)
        fields, text, calls = (style.get(k) for k in ("fields", "text", "calls"))
        if not isinstance(fields, str) or not fields or not set(fields) <= set("SOA"):
            raise VocabError(f"{where}: fields are some of S, O, A")
        if not isinstance(text, str) or not isinstance(calls, list):
            raise VocabError(f"{where}: a text and a list of calls")
        holes = [f for _, f, _, _ in Formatter().parse(text) if f is not None]
        if set(holes) - {""} or len(holes) != len(calls):
            raise VocabError(f"{where}: the text has a {{}} for each call, and no other braces")
        out.append(Style(sid, fields, text, tuple(_call(where, c) for c in calls)))
    return out


EN = read_styles("en")
HE = read_styles("he")
