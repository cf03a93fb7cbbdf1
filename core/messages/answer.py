"""Message ids: the assistant's own words on an answer — a refusal and why, the notes'
passages quoted with where they are, the warnings shown above an answer, why a question
was not run, and whether the assistant can answer at all.

A `{section}` is a note's field key ("plan", "medical_history"): English spells it as a
clinician says it (`SECTION_WORDS`), the window in its own language.
"""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

# A note's sections as a clinician names them in English ("Session of 3 June 2008, Plan").
SECTION_WORDS = {
    "subjective": "Subjective",
    "objective": "Objective",
    "assessment": "Assessment",
    "plan": "Plan",
    "medical_history": "Medical history",
    "notes": "Notes",
}


def section_words(key: str) -> str:
    """`medical_history` → `Medical history`, for a section with no name of its own too."""
    return SECTION_WORDS.get(key, key.replace("_", " ").capitalize())


ENGLISH = {
    # The answer itself, when it is the assistant's own words.
    "answer.notes_do_not_say": QT_TRANSLATE_NOOP("Core", "The notes do not say."),
    "answer.closest_passages": QT_TRANSLATE_NOOP("Core", "The closest passages in the notes:"),
    "answer.quoted_passage": QT_TRANSLATE_NOOP("Core", "- {place}: “{quote}” [{n}]"),
    # Where a passage is, in words.
    "answer.place_dated_session": QT_TRANSLATE_NOOP("Core", "Session of {date}, {section}"),
    "answer.place_session": QT_TRANSLATE_NOOP("Core", "Session, {section}"),
    "answer.place_client_record": QT_TRANSLATE_NOOP("Core", "Client record, {section}"),
    "answer.place_dated_document": QT_TRANSLATE_NOOP(
        "Core", 'Document "{title}" of {date}, page {n}'
    ),
    "answer.place_document": QT_TRANSLATE_NOOP("Core", 'Document "{title}", page {n}'),
    "answer.place_from_scan": QT_TRANSLATE_NOOP(
        "Core", "{place} (from a scan — check against the original)"
    ),
    # Why an answer was refused.
    "answer.model_found_no_answer": QT_TRANSLATE_NOOP(
        "Core", "The model found no answer in the notes."
    ),
    "answer.nothing_supports_answer": QT_TRANSLATE_NOOP(
        "Core", "Nothing in the notes supports the answer written, so it is not shown."
    ),
    "answer.answer_unlike_its_notes": QT_TRANSLATE_NOOP(
        "Core", "The closest notes, below, do not answer this clearly."
    ),
    # A model's sentence of order or status that the timeline holds otherwise.
    "answer.timeline_latest_differs": QT_TRANSLATE_NOOP(
        "Core", "The timeline's latest {measure} is {value}, on {date}: not what the answer says."
    ),
    "answer.timeline_highest_differs": QT_TRANSLATE_NOOP(
        "Core", "The timeline's highest {measure} is {value}, on {date}: not what the answer says."
    ),
    "answer.timeline_lowest_differs": QT_TRANSLATE_NOOP(
        "Core", "The timeline's lowest {measure} is {value}, on {date}: not what the answer says."
    ),
    "answer.timeline_first_differs": QT_TRANSLATE_NOOP(
        "Core", "The timeline's first {measure} is {value}, on {date}: not what the answer says."
    ),
    "answer.timeline_latest_visit_differs": QT_TRANSLATE_NOOP(
        "Core", "The timeline's latest visit is on {date}: not what the answer says."
    ),
    "answer.timeline_first_visit_differs": QT_TRANSLATE_NOOP(
        "Core", "The timeline's first visit is on {date}: not what the answer says."
    ),
    "answer.timeline_drug_stopped": QT_TRANSLATE_NOOP(
        "Core", "The notes stopped {drug} on {date}; the answer calls it still taken."
    ),
    "answer.needs_the_timeline": QT_TRANSLATE_NOOP(
        "Core",
        "This asks for the highest, a count, a change or whether a drug is still taken, and "
        "the timeline holds nothing it names. The closest notes are below.",
    ),
    "answer.nothing_close_enough": QT_TRANSLATE_NOOP(
        "Core", "Nothing in the notes is close enough."
    ),
    "answer.no_session_in_range": QT_TRANSLATE_NOOP("Core", "No session {range} is in the notes."),
    "answer.range_on": QT_TRANSLATE_NOOP("Core", "on {date}"),
    "answer.range_between": QT_TRANSLATE_NOOP("Core", "between {date} and {date_to}"),
    "answer.range_from": QT_TRANSLATE_NOOP("Core", "from {date} on"),
    "answer.range_up_to": QT_TRANSLATE_NOOP("Core", "up to {date}"),
    "answer.range_in_that_period": QT_TRANSLATE_NOOP("Core", "in that period"),
    # Warnings shown above an answer.
    "answer.index_incomplete": QT_TRANSLATE_NOOP(
        "Core",
        "Only {current} of {total} note passages are indexed yet; the answer may miss recent notes.",
    ),
    "answer.no_model_for_hebrew": QT_TRANSLATE_NOOP(
        "Core", "For a question in Hebrew, the answer is the notes' own words."
    ),
    "answer.no_model_available": QT_TRANSLATE_NOOP(
        "Core", "No language model is available: these are the notes' words."
    ),
    "answer.repeats_cut": QT_TRANSLATE_NOOP(
        "Core", "The model began repeating itself; the repeats were cut."
    ),
    "answer.sentence_not_in_notes": QT_TRANSLATE_NOOP(
        "Core", "One sentence is not found in the notes: “{quote}”"
    ),
    # A question that was not run, and why (core/assistant/safety.py).
    "answer.question_not_run": QT_TRANSLATE_NOOP(
        "Core", "The question was not run because {reason}."
    ),
    "injection.ignore_instructions": QT_TRANSLATE_NOOP(
        "Core", "it asks the assistant to ignore its instructions"
    ),
    "injection.system_prompt": QT_TRANSLATE_NOOP("Core", "it mentions the system prompt"),
    "injection.reveal_instructions": QT_TRANSLATE_NOOP(
        "Core", "it asks the assistant to reveal its instructions"
    ),
    "injection.new_role": QT_TRANSLATE_NOOP("Core", "it tries to give the assistant a new role"),
    "injection.new_instructions": QT_TRANSLATE_NOOP(
        "Core", "it tries to give the assistant new instructions"
    ),
    "injection.break_rules": QT_TRANSLATE_NOOP("Core", "it asks the assistant to break its rules"),
    "injection.developer_mode": QT_TRANSLATE_NOOP("Core", "it asks for a developer mode"),
    "injection.jailbreak": QT_TRANSLATE_NOOP("Core", "it is a jailbreak attempt"),
    "injection.control_tokens": QT_TRANSLATE_NOOP("Core", "it contains chat control tokens"),
    "injection.fake_prompt_section": QT_TRANSLATE_NOOP("Core", "it contains a fake prompt section"),
    "injection.send_data_away": QT_TRANSLATE_NOOP("Core", "it asks to send data off the machine"),
    "injection.remote_image": QT_TRANSLATE_NOOP("Core", "it contains a remote image link"),
    # Whether the assistant can answer (AssistantStatus.reason).
    "assistant.no_models_set_up": QT_TRANSLATE_NOOP(
        "Core", "No local AI models are set up in this installation."
    ),
    "assistant.runtime_not_installed": QT_TRANSLATE_NOOP(
        "Core", "The assistant is unavailable: {part} is not installed. Notes work as usual."
    ),
    "assistant.no_model_chosen": QT_TRANSLATE_NOOP(
        "Core",
        "The assistant is unavailable: no {kind} is chosen. Run `chartside models use-{command} PATH`.",
    ),
    "assistant.model_file_missing": QT_TRANSLATE_NOOP(
        "Core",
        "The assistant is unavailable: the {kind} {name} is missing from {path}. Notes work as usual.",
    ),
    "assistant.answers_with": QT_TRANSLATE_NOOP(
        "Core", "The assistant answers with {name} ({reason})."
    ),
    "assistant.models_ready": QT_TRANSLATE_NOOP(
        "Core", "The assistant's local models are ready to load."
    ),
    "assistant.embedding_runtime": QT_TRANSLATE_NOOP("Core", "the embedding runtime"),
    "assistant.llm_runtime": QT_TRANSLATE_NOOP("Core", "the LLM runtime"),
    "assistant.embedder": QT_TRANSLATE_NOOP("Core", "embedder"),
    "assistant.generator": QT_TRANSLATE_NOOP("Core", "generator"),
}
# ruff: noqa: E501 (each English template on one line, to be found by grep)
