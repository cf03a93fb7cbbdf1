"""Questions over time about a drug's stop, a measure's change and the time since the last
visit, in wordings of these tests' own: held, weaned, switched away from, "which visit",
"off" with no verb, "how much lower than", "what happened to … since", "מול", "נגמלה",
"הוחלף", "הפסקנו", "תאריך הפסקת", "how much time has passed"."""

from __future__ import annotations

import datetime as dt

import pytest

from core.timeline.answers.questions import read_over_time

TODAY = dt.date(2025, 9, 15)


def _read(question: str) -> tuple[str, str | None, tuple[str, ...]]:
    found = read_over_time(question, TODAY)
    assert found is not None, question
    return found.ask, found.subject, found.measures


@pytest.mark.parametrize(
    "question",
    [
        "When was her amlodipine held?",
        "When was she weaned off amlodipine?",
        "When did we switch her from amlodipine to lisinopril?",
        "When was amlodipine swapped for lisinopril?",
        "When was the amlodipine pulled?",
        "At which visit was the amlodipine stopped?",
        "Since when is she off amlodipine?",
        "מתי נגמלה מהאמלודיפין?",
        "מתי הוחלף האמלודיפין בליזינופריל?",
        "מתי הפסקנו לה את האמלודיפין?",
        "באיזה ביקור הופסק האמלודיפין?",
        "תאריך הפסקת אמלודיפין?",
    ],
)
def test_a_stop_in_other_words(question: str) -> None:
    assert _read(question)[:2] == ("med_stopped", "amlodipine")


@pytest.mark.parametrize(
    ("question", "measures"),
    [
        ("How much lower is her BP now than at the first visit?", ("bp_systolic", "bp_diastolic")),
        ("How many kilos down is she since the beginning?", ("weight",)),
        ("What has happened to her weight since 2024-03-04?", ("weight",)),
        ("מה קרה למשקל מאז הביקור הראשון?", ("weight",)),
        ("לחץ דם - ראשון מול אחרון?", ("bp_systolic", "bp_diastolic")),
        ("משקל: אז מול היום?", ("weight",)),
    ],
)
def test_a_change_in_other_words(question: str, measures: tuple[str, ...]) -> None:
    assert _read(question) == ("change", None, measures)


@pytest.mark.parametrize(
    "question",
    [
        "How much time has passed since her most recent visit?",
        "How long has she been away from the clinic?",
    ],
)
def test_the_time_since_the_last_visit_in_other_words(question: str) -> None:
    assert _read(question)[0] == "time_since_visit"


def test_the_last_dose_is_still_the_last_prescription() -> None:
    """ "When was the last dose of X?" is left as it was read: the last time it was given."""
    assert _read("When was the last dose of amlodipine?")[:2] == ("med_last", "amlodipine")


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        # The eleventh set's classes, in words of these tests' own.
        ("When was the amlodipine deprescribed?", "med_stopped"),
        ("wen did she stop amlodipine", "med_stopped"),
        ("discontinuation date for amlodipine?", "med_stopped"),
        ("Since when has amlodipine no longer been given?", "med_stopped"),
        ("עוד על אמלודיפין?", "still_taking"),
        ("How long since her last consultation?", "time_since_visit"),
        ("How recently did she have a visit?", "time_since_visit"),
        ("When did she first come to us?", "first_visit"),
    ],
)
def test_the_eleventh_sets_classes(question: str, ask: str) -> None:
    assert _read(question)[0] == ask


def test_a_count_before_the_colon_asks_it() -> None:
    assert _read("ספירה: מדידות לחץ דם ב-2024")[0] == "reading_count"


def test_the_least_in_hebrew_is_the_lowest() -> None:
    assert _read("מה הכי מעט ששקלה?")[0] == "lowest"


def test_a_date_after_the_one_on_is_where_the_change_starts() -> None:
    found = read_over_time("How much has her weight risen since the one on 18 June 2025?", TODAY)
    assert found is not None
    assert (found.ask, found.day or found.date_from) == ("change", dt.date(2025, 6, 18))


def test_an_ordinal_alone_is_no_month() -> None:
    """ "1st vs latest" had been read as January: no reading in it, and a false period."""
    found = read_over_time("PHQ-9 diff 1st vs latest?", TODAY)
    assert found is not None
    assert (found.ask, found.date_from, found.date_to) == ("change", None, None)


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        # The twelfth set's classes, in words of these tests' own.
        ("Is metformin on her active medication list?", "still_taking"),
        ("מטפורמין ברשימת התרופות הפעילות שלה?", "still_taking"),
        ("מטפורמין עדיין ברשימה נכון להיום?", "still_taking"),
        ("כמה פעמים קפץ אלינו ב-2024?", "visits_in_period"),
        ("כמה פעמים נכנסה למרפאה ב-2024?", "visits_in_period"),
        ("כמה פעמים הופיע במרפאה ב-2024?", "visits_in_period"),
        ("כמה זמן עבר מאז שהופיעה אצלנו?", "time_since_visit"),
        ("How long since he was last through our doors?", "time_since_visit"),
        ("When did we last lay eyes on him?", "last_visit"),
        ("Quite a while since he came in - when was that?", "time_since_visit"),
        ("How many consults did he have in 2024?", "visits_in_period"),
        ("His weight went from what at intake to what now?", "change"),
        ("בהשוואה לשקילה הראשונה, מה המשקל עכשיו?", "change"),
        ("ה-A1c גבוה יותר או נמוך יותר עכשיו מאשר במדידה הראשונה?", "change"),
        ("anything about a colonoscopy in his notes", "any_record"),
        ("הפניה לנפרולוגיה - יש או אין?", "any_record"),
        ("יש משהו על קולונוסקופיה?", "any_record"),
    ],
)
def test_the_twelfth_sets_classes(question: str, ask: str) -> None:
    assert _read(question)[0] == ask


def test_an_abbreviated_number_of_asks_a_count() -> None:
    assert _read("מס' שקילות ב-2024?")[0] == "reading_count"


@pytest.mark.parametrize(
    ("question", "ask", "measures"),
    [
        # The thirteenth set's classes, in words of these tests' own.
        ("Heart rate delta from first to latest?", "change", ("heart_rate",)),
        ("What was the nadir of his eGFR?", "lowest", ("egfr",)),
        ("When did she first present to me?", "first_visit", ()),
        ("מתי היה הקשר האחרון עם המטופל?", "last_visit", ()),
        ("When was her final day taking metformin?", "med_stopped", ()),
        ("Amlodipine: the appointment where it was stopped?", "med_stopped", ()),
        # "Gained or lost" is the weight only where nothing else is named.
        ("How much has she gained or lost since March 2024?", "change", ("weight",)),
        ("Her PHQ-9, gained or lost since the first one?", "change", ("phq9",)),
        ("His pain: 12 Jan 2024 versus the latest - gained or lost?", "change", ("pain",)),
        ("What's the heaviest she has been?", "highest", ("weight",)),
    ],
)
def test_the_thirteenth_sets_classes(question: str, ask: str, measures: tuple[str, ...]) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.measures) == (ask, measures)


def test_a_colon_after_a_date_leaves_the_date_read() -> None:
    """dateparser took "2025: the" along, which is no date: the period was lost."""
    found = read_over_time("Change in pulse since 29 March 2025: the value then and now?", TODAY)
    assert found is not None and (found.ask, found.date_from) == ("change", dt.date(2025, 3, 29))


@pytest.mark.parametrize(
    ("question", "ask", "measures"),
    [
        # The fourteenth set's classes, in words of these tests' own. A role or a clinic
        # before the question sets the scene: the measure named after it is what is asked,
        # never the condition or the specialty (which had been answered "no note mentions").
        (
            "As her asthma nurse I need the difference between her first and latest weight.",
            "change",
            ("weight",),
        ),
        (
            "For the diabetes clinic letter: her A1c at intake versus now, up or down, and by "
            "how much?",
            "change",
            ("a1c",),
        ),
        (
            "Heart failure nurse asking about the first ever pulse versus the latest, how much "
            "has it changed?",
            "change",
            ("heart_rate",),
        ),
        (
            "Cardiology nurse, HF clinic, first ever pulse versus the latest - how much has it "
            "changed?",
            "change",
            ("heart_rate",),
        ),
        (
            "My depression review needs the change in PHQ-9 from the first to the latest.",
            "change",
            ("phq9",),
        ),
        ("How many kilos has he put on since 3 March 2024?", "change", ("weight",)),
        ("כמה זמן הוא לא היה אצלכם?", "time_since_visit", ()),
    ],
)
def test_the_fourteenth_sets_classes(question: str, ask: str, measures: tuple[str, ...]) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.measures) == (ask, measures)


def test_a_drug_no_longer_prescribed_asks_its_stop() -> None:
    assert _read("When was ramipril no longer prescribed?")[:2] == ("med_stopped", "ramipril")


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("Has she ever seen a rheumatologist?", "any_record"),
        ("When was her diabetes first diagnosed?", "first_diagnosed"),
        ("Is her diabetes still active?", "still_has"),
    ],
)
def test_a_condition_or_a_specialty_asked_alone_is_still_the_subject(
    question: str, ask: str
) -> None:
    assert _read(question)[0] == ask


def test_a_measure_inside_a_conditions_name_is_not_asked() -> None:
    """ "יתר לחץ דם" is hypertension: it names no blood pressure reading to answer with."""
    found = read_over_time("יש איפשהו ברשומה התייחסות ליתר לחץ דם?", TODAY)
    assert found is None or not found.measures


@pytest.mark.parametrize(
    ("question", "ask", "measures"),
    [
        # The fifteenth set's classes, in words of these tests' own.
        ("How far off the first A1c is the latest one?", "change", ("a1c",)),
        ("What's the swing in his weight since 3 March 2024?", "change", ("weight",)),
        ("His PHQ-9 went from what to what since intake?", "change", ("phq9",)),
        ("Weight diff first vs latest?", "change", ("weight",)),
        ("How long a gap since she was last seen?", "time_since_visit", ()),
        ("How many weeks since his last review?", "time_since_visit", ()),
        ("מה הערך המירבי של לחץ הדם הסיסטולי?", "highest", ("bp_systolic",)),
    ],
)
def test_the_fifteenth_sets_classes(question: str, ask: str, measures: tuple[str, ...]) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.measures) == (ask, measures)


@pytest.mark.parametrize(
    ("question", "drug"),
    [
        ("Not on amlodipine any more, right?", "amlodipine"),
        ("היא כבר לא נוטלת מטפורמין?", "metformin"),
    ],
)
def test_a_drug_no_longer_taken_asks_whether_it_still_is(question: str, drug: str) -> None:
    assert _read(question)[:2] == ("still_taking", drug)


def test_a_breathing_test_is_spirometry() -> None:
    assert _read("Has he ever had a breathing test?")[:2] == ("any_record", "spirometry")


def test_a_from_that_opens_no_range_leaves_the_range_after_it() -> None:
    found = read_over_time("From the chart, all her weights between March and June 2024?", TODAY)
    assert found is not None
    assert (found.ask, found.date_from, found.date_to) == (
        "series",
        dt.date(2024, 3, 1),
        dt.date(2024, 6, 30),
    )


@pytest.mark.parametrize(
    ("question", "ask", "subject"),
    [
        # The sixteenth set's classes, in words of these tests' own: "that" or "this" after
        # the verb that asks stands for the drug the scene named; the clinic's door is a visit.
        ("Her daughter wants a refill of sertraline - is this still on her list?",
         "still_taking", "sertraline"),
        ("Renewal request for amlodipine; when was that stopped?", "med_stopped", "amlodipine"),
        ("When did she last come through the door?", "last_visit", None),
        # The seventeenth set's: a doctor or nurse saw the patient; "from" glued to the visit.
        ("כמה זמן עבר מאז שבדקה אותו האחות?", "time_since_visit", None),
        ("כמה ימים מפגישה אחרונה?", "time_since_visit", None),
    ],
)  # fmt: skip
def test_the_sixteenth_sets_classes(question: str, ask: str, subject: str | None) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.subject) == (ask, subject)


@pytest.mark.parametrize(
    ("question", "ask", "measures", "period"),
    [
        # The eighteenth set's classes, in words of these tests' own.
        ("First and newest pulse: how far apart?", "change", ("heart_rate",), None),
        ("How many consultations has he had in total?", "visits_in_period", (), None),
        ("Number of appointments overall?", "visits_in_period", (), None),
        ("Every visit date in 2024, please.", "visits_in_period", (), (2024, 2024)),
        ("Which days did he come in in 2024?", "visits_in_period", (), (2024, 2024)),
        ("כמה זמן עבר מאז שהאחות ראתה אותה?", "time_since_visit", (), None),
        ("How much time between her last review and now?", "time_since_visit", (), None),
    ],
)
def test_the_eighteenth_sets_classes(
    question: str, ask: str, measures: tuple[str, ...], period: tuple[int, int] | None
) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.measures) == (ask, measures)
    if period is not None:
        assert found.date_from == dt.date(period[0], 1, 1)
        assert found.date_to == dt.date(period[1], 12, 31)


def test_visits_named_before_has_she_had_are_counted_not_a_record_of_words() -> None:
    # "in total" is no subject: the record was searched for it ("no note mentions total").
    found = read_over_time("How many visits has she had in total?", TODAY)
    assert found is not None and (found.ask, found.subject) == ("visits_in_period", None)


def test_fibro_is_fibromyalgia_in_a_question_and_in_a_note() -> None:
    assert _read("Is fibro anywhere in her notes?")[:2] == ("any_record", "fibromyalgia")
    from core.timeline.extract import extract

    facts = extract("PMH: fibro, HTN.", "medical_history").facts
    assert ("diagnosis", "fibromyalgia") in [(f.kind, f.name) for f in facts]


@pytest.mark.parametrize(
    ("question", "ask", "subject", "since"),
    [
        # The nineteenth set's classes, in words of these tests' own: a scale offered for
        # how long ago, "X ongoing?", and a date then "and now" after it.
        ("Was his last appointment days, weeks or longer ago?", "time_since_visit", None, None),
        ("הפגישה האחרונה הייתה לפני ימים או שבועות?", "time_since_visit", None, None),
        ("From the latest letters, is the metformin ongoing?", "still_taking", "metformin", None),
        ("How has her weight changed between Jan 9, 2025 and now?", "change", None,
         dt.date(2025, 1, 9)),
    ],
)  # fmt: skip
def test_the_nineteenth_sets_classes(
    question: str, ask: str, subject: str | None, since: dt.date | None
) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.subject) == (ask, subject)
    assert found.date_from == since


def test_a_date_then_and_now_is_read_as_the_date() -> None:
    from core.retrieval.reading import read_question

    # dateparser splits "on Jan 9" from "2025 and now"; joined, the words after the year
    # are the range's other end, not part of the date.
    assert read_question("her pulse on Jan 9, 2025 and today", TODAY).date_from == dt.date(
        2025, 1, 9
    )


@pytest.mark.parametrize(
    ("question", "ask", "subject"),
    [
        # The twentieth and twenty-first sets' classes, in words of these tests' own: where
        # the question looks is not what it asks of the notes; a count of visits "recorded"
        # is a count; a number alone is an age or a room, not a year; "פרפור" is AF;
        # "תפקודי ריאה" in the singular; "מהראשון לאחרון" with the final letters.
        ("What's the date of her first appointment in these notes?", "first_visit", None),
        ("How many visits does she have in the notes?", "visits_in_period", None),
        ("כמה מפגשים נרשמו לה בסך הכול?", "visits_in_period", None),
        ("She's 91 and frail. How long has it been since she was last seen?", "time_since_visit",
         None),
        ("מיטה 7: כמה זמן עבר מאז הביקור האחרון?", "time_since_visit", None),
        ("יש תיעוד של פרפור אצלה?", "any_record", "atrial fibrillation"),
        ("האם עברה אי פעם בדיקת תפקודי ריאה?", "any_record", "spirometry"),
        ('המשקל מהראשון ועד האחרון?', "change", None),
    ],
)  # fmt: skip
def test_the_twentieth_sets_classes(question: str, ask: str, subject: str | None) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.subject) == (ask, subject), question
    assert found.date_from is None and found.date_to is None, question


def test_a_number_alone_is_no_date() -> None:
    from core.retrieval.reading import read_question

    for question in ("He's 84, lives alone", "bed 12: last BP", "חדר 12, מיטה 4"):
        reading = read_question(question, TODAY)
        assert (reading.date_from, reading.date_to, reading.day) == (None, None, None), question
    assert read_question("BP on 12 March?", TODAY).day == dt.date(2025, 3, 12)


def test_ventricular_fibrillation_in_a_note_is_not_atrial() -> None:
    from core.timeline.extract import extract

    names = [f.name for f in extract("אירוע של פרפור חדרים בעבר.", "medical_history").facts]
    assert names == ["ventricular fibrillation"]
    names = [f.name for f in extract("ברקע פרפור, מטופל באליקוויס.", "medical_history").facts]
    assert "atrial fibrillation" in names


@pytest.mark.parametrize(
    ("question", "ask", "subject", "measures"),
    [
        # The twenty-second and twenty-third sets' classes, in words of these tests' own: a
        # sentence without a question mark after one with it gives a reason, it does not
        # ask; "אני שוקלת" is the asker considering, not a weight; a count glued to "that";
        # glycated haemoglobin is the A1c alone; "has there been a referral"; a question of
        # nothing but what it names.
        ("Is she still taking metformin? The pharmacy form lists her current medicines.",
         "still_taking", "metformin", ()),
        ("מה הדופק האחרון? אני שוקלת להעלות את המינון.", "latest", None, ("heart_rate",)),
        ("חשבתי ששלוש המדידות האחרונות של הדופק היו תקינות, מה הן?", "last_n", None,
         ("heart_rate",)),
        ("What was her first glycated haemoglobin?", "first_value", None, ("a1c",)),
        ("Has there been a referral to cardiology?", "any_record", "referral: cardiology", ()),
        ("Spirometry?", "any_record", "spirometry", ()),
        ("הפניה לנוירולוגיה?", "any_record", "referral: neurology", ()),
    ],
)  # fmt: skip
def test_the_twenty_second_sets_classes(
    question: str, ask: str, subject: str | None, measures: tuple[str, ...]
) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None, question
    assert (found.ask, found.subject, found.measures) == (ask, subject, measures), question


def test_a_terse_question_about_what_the_notes_say_is_not_a_record() -> None:
    assert read_over_time("Colonoscopy results?", TODAY) is None


@pytest.mark.parametrize(
    ("question", "ask", "measures"),
    [
        # The twenty-fourth set's typing errors, in words of these tests' own: two words
        # typed as one, a Hebrew end letter not in its final form, two Hebrew letters
        # swapped, a word one letter short; and "הנמוך ביותר" with its final letter.
        ("how long since his lastvisit?", "time_since_visit", ()),
        ("howmany pulse readings in 2024?", "reading_count", ("heart_rate",)),
        ("כמהביקורים היו לה ב-2024?", "visits_in_period", ()),
        ("כמה זמנ עבר מאז הביקור האחרון?", "time_since_visit", ()),
        ("מתי היה הביקור הרשאון?", "first_visit", ()),
        ("how many encoutners in 2024?", "visits_in_period", ()),
        ("מה הדופק הנמוך ביותר?", "lowest", ("heart_rate",)),
    ],
)
def test_the_twenty_fourth_sets_classes(question: str, ask: str, measures: tuple[str, ...]) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.measures) == (ask, measures), question


def test_a_date_is_no_subject_of_a_record() -> None:
    # "did she have" asks of the record; the date and the courtesy after it name nothing
    # (they had been searched as the subject of "vists", misspelt).
    found = read_over_time("what vists did she have after 2024-11-11? dates pls", TODAY)
    assert found is not None and found.ask == "visits_in_period"
    assert found.date_from == dt.date(2024, 11, 12)


def test_a_swap_of_two_hebrew_letters_is_put_right_only_to_one_word() -> None:
    from core.timeline.answers.spelling import corrected

    assert corrected("מתי היה הביקור הרשאון?") == "מתי היה הביקור הראשון?"
    assert corrected("כמה פעמימ נמדד הדופק?") == "כמה פעמים נמדד הדופק?"


def test_a_pain_that_appears_is_no_visit() -> None:
    """ "הופיע" (turned up) is a visit only with the place: a pain "appears" too."""
    assert read_over_time("מתי הופיע הכאב?", TODAY) is None


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # A list's next line, its "and" before the ask: the ask as it reads alone.
        ("וכמה פעמים נמדד הדופק מ-25 במאי 2024 עד 30.8.2024?", ("reading_count", None)),
        ("ומתי הופנתה לראשונה לקרדיולוג?", ("any_record", "referral: cardiology")),
        ("למסירה — ומה המשקל האחרון?", ("latest", None)),
        # Onto the list is a start; on it, whether it is taken still.
        ("למסירה — ג'נוביה: מתי נכנס לרשימת התרופות שלה?", ("med_first", "sitagliptin")),
        ("מתי נוספה ג'נוביה לרשימה?", ("med_first", "sitagliptin")),
        ("Januvia: when did it go on her med list?", ("med_first", "sitagliptin")),
        ("Is sitagliptin on her med list?", ("still_taking", "sitagliptin")),
    ],
)
def test_a_lists_next_line(question: str, read: tuple[str, str | None]) -> None:
    assert _read(question)[:2] == read


def test_an_opening_and_keeps_the_period() -> None:
    """ "And before Oct 2024" had been read as the whole of 2024."""
    found = read_over_time("And before Oct 2024, how many times did he attend?", TODAY)
    assert found is not None
    assert (found.ask, found.date_from, found.date_to) == (
        "visits_in_period",
        None,
        dt.date(2024, 9, 30),
    )


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # Words written short, in a hurried note's shorthand.
        ("כמה ביק' היו למט' מאז 10.1.25?", ("visits_in_period", None)),
        ("כמה ביק׳ היו לה מאז 10.1.25?", ("visits_in_period", None)),
        ("מתמחה: כמה זמן מהביק' האחרון?", ("time_since_visit", None)),
        ("מתי היה הביק' הראשון של המט' אצלנו?", ("first_visit", None)),
        ("כמה פע' בדקו לה את ה-HbA1c ב-2024?", ("reading_count", None)),
        ("מתמחה: סה\"כ ביק' של המט' עד כה?", ("visits_in_period", None)),
        ("כמה זמן עבר מאז שהייתה המטופלת אצלנו?", ("time_since_visit", None)),
        ("Pharm: 1st body weight reading on file for this pt?", ("first_value", None)),
        ("How much has pt's pain level changed from 1st reading -> latest?", ("change", None)),
        (
            "Task: date pt was first referred to the heart specialist?",
            ("any_record", "referral: cardiology"),
        ),
    ],
)
def test_shorthand(question: str, read: tuple[str, str | None]) -> None:
    assert _read(question)[:2] == read


def test_an_ordinal_after_from_is_no_date_but_the_first_of_a_month_is() -> None:
    found = read_over_time("Change in pain from 1st reading to latest?", TODAY)
    assert found is not None and (found.date_from, found.date_to) == (None, None)
    found = read_over_time("BP on the 1st of March 2025?", TODAY)
    assert found is not None and found.day == dt.date(2025, 3, 1)
