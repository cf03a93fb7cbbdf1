"""The records every eval set of the timeline is made of: a labelled note field and the
facts a correct extractor reads from it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from typing import Any, Literal

Lang = Literal["en", "he"]
FieldName = Literal["subjective", "objective", "assessment", "plan", "medical_history"]
FIELD_NAMES: tuple[FieldName, ...] = (
    "subjective",
    "objective",
    "assessment",
    "plan",
    "medical_history",
)


@dataclass(frozen=True)
class ExpectedFact:
    """A fact a correct extractor reads from the field. Values are in MEASURES units.
    `style` is the measure mention's written style (per-style recall); `aliases` are other
    names that count as this one (Hebrew forms, abbreviations)."""

    kind: str
    name: str
    value: float | None = None
    unit: str | None = None
    status: str | None = None
    style: str | None = None
    aliases: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "name": self.name}
        for key in ("value", "unit", "status", "style"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True)
class LabelledField:
    id: str
    language: Lang
    field: FieldName
    text: str
    expected: list[ExpectedFact]
    expected_flags: list[str] = dc_field(default_factory=list[str])

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "language": self.language,
            "field": self.field,
            "text": self.text,
            "expected": [f.to_json() for f in self.expected],
            "expected_flags": list(self.expected_flags),
        }


@dataclass(frozen=True)
class OverTimeQuestion:
    id: str
    client_external_id: str
    question: str
    kind: str
    expected_values: list[str]
    expected_sessions: list[str]
    absent: bool = False
    language: Lang = "en"
    measure: str | None = None  # last_n: the measure whose other values count as extra
    today: str | None = None  # time_since: the day the question is asked

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
