"""The written styles of each measure, read from styles_en.toml and styles_he.toml: a style
is its id, the note fields it is written in (S, O, A) and its words, `text`, with a {} for
each of its calls, the Values methods (values.py) that write and label its values."""

from __future__ import annotations

from string import Formatter
from typing import NamedTuple

from bench.timeline.kit.vocab import Key, VocabFile
from bench.timeline.sets.blind3 import HERE
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


def _call(words: VocabFile, *keys: Key) -> Call:
    """The call at `keys`: a Values method this set writes with, and arguments it takes."""
    value = words.at(*keys)
    if not (isinstance(value, list) and value and isinstance(value[0], str)):
        raise words.wrong(keys, "a call is [method, its arguments ...]")
    name, *args = value
    if not all(isinstance(a, str | int | float) and not isinstance(a, bool) for a in args):
        raise words.wrong(keys, f"{name}'s arguments are strings and numbers")
    why = check_call(name, args)
    if why:
        raise words.wrong(keys, why)
    return name, tuple(args)


def read_styles(lang: str) -> list[Style]:
    """styles_<lang>.toml, in the order written."""
    words = VocabFile(HERE / f"styles_{lang}.toml")
    out: list[Style] = []
    for sid in words.data:
        fields, text = words.text(sid, "fields"), words.text(sid, "text")
        if not fields or not set(fields) <= set("SOA"):
            raise words.wrong((sid, "fields"), "some of S, O, A")
        calls = words.at(sid, "calls")
        if not isinstance(calls, list):
            raise words.wrong((sid, "calls"), "a list of calls")
        holes = [f for _, f, _, _ in Formatter().parse(text) if f is not None]
        if set(holes) - {""} or len(holes) != len(calls):
            raise words.wrong((sid, "text"), "a {} for each call, and no other braces")
        taken = tuple(_call(words, sid, "calls", i) for i in range(len(calls)))
        out.append(Style(sid, fields, text, taken))
    return out


EN = read_styles("en")
HE = read_styles("he")
