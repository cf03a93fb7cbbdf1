"""Question checks and spotlighting of retrieved note text (docs/architecture.md, ask
steps 1 and 5).

The injection table is a first line of defence, not the only one: the prompt fences every
source as untrusted data, and the answer is rendered as plain text.
"""

from __future__ import annotations

import re
import unicodedata

from core.errors import QueryRejected
from core.messages import Message

# Invisible characters hide text from the clinician while the model still reads it.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# C0/C1 controls other than tab and newline; models read them, people cannot see them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# (pattern, the reason's message id). Patterns run on the sanitised, lower-cased question.
# Each one needs the shape of an instruction to the model, so clinical wording ("system
# review", "did the drug act as a sedative", "forget her previous instructions") stays clear.
_QUALIFIER = r"(?:previous|prior|above|earlier|preceding|foregoing|initial|original|system)"
_FILLER = r"(?:(?:all|any|the|of|your|my|these|those|everything)\s+){0,3}"
_INJECTION: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), reason)
    for pattern, reason in (
        (
            rf"\b(?:ignore|disregard|forget|override|bypass|skip)\s+{_FILLER}{_QUALIFIER}\s+"
            r"(?:\w+\s+)?(?:instructions?|prompts?|rules|directions|guidelines|context)\b",
            "injection.ignore_instructions",
        ),
        (
            r"\b(?:ignore|disregard|forget)\s+(?:all\s+|everything\s+)?(?:of\s+)?"
            r"(?:the\s+)?above\b(?!-)",
            "injection.ignore_instructions",
        ),
        (
            r"\b(?:ignore|disregard|forget)\s+(?:all\s+)?your\s+(?:\w+\s+)?"
            r"(?:instructions|rules|guidelines|programming)\b",
            "injection.ignore_instructions",
        ),
        (r"\bsystem\s+(?:prompt|message|instructions?)\b", "injection.system_prompt"),
        (
            r"\b(?:reveal|show|print|repeat|output|display|leak|tell\s+me|what\s+(?:are|were|is))"
            r"\s+(?:me\s+)?(?:your|the\s+(?:hidden|initial|original|secret))\s+"
            r"(?:\w+\s+)?(?:instructions|prompt|rules|guidelines|directives)\b",
            "injection.reveal_instructions",
        ),
        (r"\byou\s+are\s+now\b", "injection.new_role"),
        (
            r"(?:^|\b(?:you\s+(?:will|must|should|shall|can)|from\s+now\s+on,?|now|please)\s+)"
            r"act\s+as\b",
            "injection.new_role",
        ),
        (
            r"\bpretend\s+(?:that\s+)?you(?:'re|\s+are)\b",
            "injection.new_role",
        ),
        (r"\brole-?play\s+as\b", "injection.new_role"),
        (r"\bnew\s+instructions?\s*:", "injection.new_instructions"),
        (
            r"\b(?:don'?t|do\s+not|stop|no\s+longer)\s+follow(?:ing)?\s+your\s+"
            r"(?:\w+\s+)?(?:rules|instructions|guidelines|programming)\b",
            "injection.break_rules",
        ),
        (r"\bdev(?:eloper)?\s+mode\b", "injection.developer_mode"),
        (r"\bjailbr(?:ea|o)k", "injection.jailbreak"),
        (r"\bdo\s+anything\s+now\b", "injection.jailbreak"),
        (
            r"<\|[a-z_]+\|>|</?(?:start|end)_of_turn>|</?s>|<(?:bos|eos)>|\[/?inst\]|<</?sys>>",
            "injection.control_tokens",
        ),
        (r"#{2,}\s*(?:system|instructions?|assistant)\b", "injection.fake_prompt_section"),
        (r"^(?:system|assistant)\s*:", "injection.fake_prompt_section"),
        (
            # Imperative only: "did she email the letter to her GP" is a fair question.
            r"(?:^|[.!;:,]\s*|\b(?:please|and|then|now|also|just)\s+)"
            r"(?:send|post|upload|forward|transmit|e-?mail|leak|exfiltrate|submit)\b"
            r".{0,80}?(?:https?://|ftp://|www\.|\S+@\S+\.[a-z]{2,})",
            "injection.send_data_away",
        ),
        (r"!\[[^\]]*\]\(", "injection.remote_image"),
    )
)

# Fence and turn delimiters a note must never spell out (see `spotlight`).
_ANGLE_RUN = re.compile(r"<{2,}|>{2,}")
_PIPE_OPEN = re.compile(r"<(?=\|)")
_PIPE_CLOSE = re.compile(r"(?<=\|)>")
_CONTROL_TAG = re.compile(
    r"<(?=/?(?:s|bos|eos|pad|unk|mask|start_of_turn|end_of_turn|start_of_image|end_of_image)>)",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROL.sub(" ", text)


def sanitize_query(text: str, max_chars: int = 1000) -> str:
    """The question as the assistant will use it: NFKC, no invisible or control
    characters, whitespace collapsed. Raises `QueryRejected` rather than truncating."""
    cleaned = " ".join(_clean(text).split())
    if not cleaned:
        raise QueryRejected(
            Message("ask.question_empty"), remediation=Message("ask.type_a_question")
        )
    if len(cleaned) > max_chars:
        raise QueryRejected(
            Message("ask.question_too_long", n=len(cleaned), limit=max_chars),
            remediation=Message("ask.shorten_question"),
        )
    return cleaned


def detect_injection(text: str) -> Message | None:
    """Why the question looks like a prompt-injection attempt, or None when it does not."""
    probe = " ".join(_clean(text).split()).lower()
    for pattern, reason in _INJECTION:
        if pattern.search(probe):
            return Message("answer.question_not_run", reason=Message(reason))
    return None


def spotlight(text: str) -> str:
    """Note text made safe to place inside a source fence.

    The output never contains `<<`, `>>`, `<|`, `|>` or a chat control tag such as
    `<start_of_turn>` or `</s>`, so a note cannot close its fence or open a new turn.
    Offending angle brackets become look-alike guillemets, so the text stays readable.
    Each step only turns `<`/`>` into other characters, so no step can re-create a
    delimiter that an earlier one removed.
    """
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = _ANGLE_RUN.sub(lambda m: ("‹" if m.group()[0] == "<" else "›") * len(m.group()), text)
    text = _PIPE_OPEN.sub("‹", text)
    text = _PIPE_CLOSE.sub("›", text)
    return _CONTROL_TAG.sub("‹", text)
