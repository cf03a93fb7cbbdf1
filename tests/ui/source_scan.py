"""Reading core's English out of its source, for the tests that check it all reads in
Hebrew (test_i18n_he: the assistant's words; test_core_errors_he: every error)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

HEBREW = re.compile(r"[\u0590-\u05ff]")


def sample(node: ast.expr | None) -> Iterator[str]:
    """The English text `node` writes, each value in it replaced by "X": a constant, an
    f-string, both sides of a conditional, each operand of an `or` (`self.missing or
    "No model…"`), and each element of a list, tuple or list comprehension."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        yield "".join(v.value if isinstance(v, ast.Constant) else "X" for v in node.values)
    elif isinstance(node, ast.IfExp):
        yield from sample(node.body)
        yield from sample(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from sample(value)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from sample(element)
    elif isinstance(node, ast.ListComp):
        yield from sample(node.elt)


def called_name(node: ast.expr) -> str:
    """The name of `X` in `X(…)` and `module.X(…)` (of `x` in `x.y`, `y`)."""
    return getattr(node, "id", getattr(node, "attr", ""))
