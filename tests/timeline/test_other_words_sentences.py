"""Questions over time in the fifth development set's voices (a nurse on the phone, a
resident presenting, a belief to be checked, a reason given after the ask, a fast typist):
each class of wording tested once, in English and Hebrew where both apply."""

from __future__ import annotations

import datetime as dt

import pytest

from core.retrieval.reading import read_question
from core.timeline.answers.questions import read_over_time
from core.timeline.answers.scene import untold
from core.timeline.answers.spelling import corrected

TODAY = dt.date(2025, 9, 15)


def _read(question: str) -> tuple[str, str | None, tuple[str, ...], int]:
    found = read_over_time(question, TODAY)
    assert found is not None, question
    return found.ask, found.subject, found.measures, found.n


BP = ("bp_systolic", "bp_diastolic")


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # A sentence that sets the scene names another subject: the last one asks.
        (
            "She's on the phone feeling dizzy. What did her blood pressure read the last time?",
            ("latest", None, BP, 1),
        ),
        (
            'היא על הקו ומתלוננת על סחרחורת. כמה היה ל"ד בפעם האחרונה שנמדד?',
            ("latest", None, BP, 1),
        ),
        # A reason after the ask names nothing: the sentence before it asks.
        (
            "מה ה-eGFR הכי גרוע שהיה לה? אני צריך לדעת לפני שאני נותן תרופה שמתפנה בכליות.",
            ("lowest", None, ("egfr",), 1),
        ),
        # A sentence of words that name nothing asks no record of its own.
        (
            "Do we have a baseline b/p? I mean the oldest reading in her notes.",
            ("first_value", None, BP, 1),
        ),
        # A condition named before is the "זה" asked about.
        ("בהפניה כתוב שיגדון, זה מתועד אצלנו בכלל", ("any_record", "gout", (), 1)),
    ],
)
def test_a_sentence_that_sets_the_scene_or_gives_a_reason_does_not_choose(
    question: str, read: tuple[str, str | None, tuple[str, ...], int]
) -> None:
    assert _read(question) == read


def test_a_belief_stated_before_the_first_visit_does_not_bound_it() -> None:
    found = read_over_time("היא לא הגיעה לראשונה בסביבות 2019? מתי בדיוק היה הביקור הראשון", TODAY)
    assert found is not None and found.ask == "first_visit"
    # A period the question asks about still bounds a count asked after a belief.
    count = read_over_time(
        "Wasn't she here only once or twice throughout 2025? How many visits were there really?",
        TODAY,
    )
    assert count is not None and count.ask == "visits_in_period"
    assert (count.date_from, count.date_to) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    quarter = read_over_time("ידוע לנו מתי בדיוק נבדק ברבעון הראשון של 2025? אני צריך כל תאריך.")
    assert quarter is not None and quarter.ask == "visits_in_period"


@pytest.mark.parametrize(
    ("question", "measure"),
    [("ערך ראשון של הכאב בתיק", "pain"), ("מה הייה המשקל הכי ראשון שלה", "weight")],
)
def test_a_hebrew_ordinal_is_not_a_weekday(question: str, measure: str) -> None:
    """ "ראשון" is Sunday and first: read as last Sunday, the answer said no reading that day."""
    assert read_question(question, TODAY).date_from is None
    assert _read(question) == ("first_value", None, (measure,), 1)


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("Do we know how far her BP has shifted from baseline to the latest?", ("change", BP)),
        ("net change in b/p first to last", ("change", BP)),
        ("ידוע לנו כמה הדופק זז מה-baseline ועד המדידה האחרונה?", ("change", ("heart_rate",))),
        # A trend asked to be shown as its readings lists them.
        (
            "I want to show the trend at the family meeting, so give me every body weight result "
            "between January and June 2024, with dates.",
            ("series", ("weight",)),
        ),
        (
            "היא באה בגלל המגמה, תעבור איתי על המדידות של הדופק מאז דצמבר 2024",
            ("series", ("heart_rate",)),
        ),
        ("What are the 2 newest systolic measurements in her chart?", ("last_n", ("bp_systolic",))),
        (
            "remind me of the last four eGFRs, want to see if her kidneys are stable",
            ("last_n", ("egfr",)),
        ),
        ("אפשר להקריא לי ארבע מדידות אחרונות של הלחץ העליון?", ("last_n", ("bp_systolic",))),
        ("מה הערך הגבוה ביותר של הלחץ התחתון אי פעם", ("highest", ("bp_diastolic",))),
        ("What did his A1cs look like during 2023?", ("series", ("a1c",))),
        ("whats the least she has ever wieghed", ("lowest", ("weight",))),
        (
            "hw many times was pulse recorded prior to November 2024",
            ("reading_count", ("heart_rate",)),
        ),
        ("אני מחליפה היום, כמה נתונים של ה-PHQ-9 יש לנו מאז 2024", ("reading_count", ("phq9",))),
    ],
)
def test_measures_asked_in_these_voices(question: str, read: tuple[str, tuple[str, ...]]) -> None:
    ask, _, measures, _ = _read(question)
    assert (ask, measures) == read


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("When did she first come to see us?", ("first_visit", None)),
        ("היא מתקשרת לקבוע פולואפ. כמה זמן עבר מאז התור האחרון שלה?", ("time_since_visit", None)),
        ("בהפניה כתוב שנשר ממעקב, כמה זמן מאז שהיה פה", ("time_since_visit", None)),
        ("אממ כמה זמן היא לא היתה אצלנו", ("time_since_visit", None)),
        ("ידוע לנו מה התאריך של ראומטולוג?", ("any_record", "referral: rheumatology")),
        ("When did the cardiologist start bisoprolol?", ("med_first", "bisoprolol")),
        (
            "נדמה לי שעברה ניקור של הברך לפני כמה שנים — מתי זה נעשה?",
            ("any_record", "joint aspiration"),
        ),
        ("when was Simovil commmenced", ("med_first", "simvastatin")),
        ("מה תאריך ההתחלה לסלברקס", ("med_first", "celecoxib")),
        ("Has she continued Bisoprolol up to today?", ("still_taking", "bisoprolol")),
        ("יש לנו mirtazapine כתרופה פעילה כרגע", ("still_taking", "mirtazapine")),
        ("אני מחליף היום, הוא מקבל כרגע פנטופרזול", ("still_taking", "pantoprazole")),
        ("ממשיכה טריטייס עד היום", ("still_taking", "ramipril")),
        ("פורסיגה עדיין פעיל?", ("still_taking", "dapagliflozin")),
        ("אני מחליפה היום, מתי הורידו לה את דולוקסטין", ("med_stopped", "duloxetine")),
    ],
)
def test_visits_drugs_and_the_record_in_these_voices(
    question: str, read: tuple[str, str | None]
) -> None:
    ask, subject, _, _ = _read(question)
    assert (ask, subject) == read


def test_a_range_ends_before_the_courtesy_after_it() -> None:
    found = read_over_time("list of vist dates between Sep 28, 2024 and March 12, 2025 pls", TODAY)
    assert found is not None and found.ask == "visits_in_period"
    assert (found.date_from, found.date_to) == (dt.date(2024, 9, 28), dt.date(2025, 3, 12))
    dashed = read_question("Did he come in much between May and November 2025 - how many?", TODAY)
    assert (dashed.date_from, dashed.date_to) == (dt.date(2025, 5, 1), dt.date(2025, 11, 30))


def test_words_of_their_own_are_never_put_right() -> None:
    """ "every" is not "ever", nor "dates" "rates"; shorthand is read as meant."""
    assert corrected("give me every weight result between January and June, with dates") is None
    assert corrected("hw many visits in 2024") == "how many visits in 2024"


@pytest.mark.parametrize(
    "question",
    [
        "Does she take metformin nowadays?",
        "Is metformin part of her meds at present?",
        "Does he take metformin at the moment?",
        "Is she taking metformin now?",
        "Metformin - is that ongoing?",
        "Has she kept taking metformin?",
        "Did she carry on with metformin?",
        "היא לוקחת מטפורמין היום?",
        "האם היא נוטלת מטפורמין כיום?",
        "מטפורמין - זה בתוקף?",
        "האם המטפורמין בטיפול הנוכחי?",
        "האם היא נמצאת על מטפורמין?",
    ],
)
def test_a_drug_asked_of_now_is_whether_it_is_still_taken(question: str) -> None:
    """Read as "when was it last prescribed", a stopped drug was answered with its last
    prescription, as though it ran on."""
    assert _read(question)[:2] == ("still_taking", "metformin")


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("When was metformin last prescribed?", "med_last"),
        ("What metformin dose is she taking currently?", "med_last"),
    ],
)
def test_the_last_prescription_and_its_dose_are_still_asked_so(question: str, ask: str) -> None:
    assert _read(question)[0] == ask


@pytest.mark.parametrize(
    ("question", "measures"),
    [
        ("How much weight has she lost?", ("weight",)),
        ("How much has her A1c come down?", ("a1c",)),
        ("Did her PHQ-9 get better?", ("phq9",)),
        ("Has her pain score dropped since the first visit?", ("pain",)),
        ("האם לחץ הדם השתפר?", BP),
    ],
)
def test_a_change_in_its_verbs(question: str, measures: tuple[str, ...]) -> None:
    assert _read(question)[::2] == ("change", measures)


@pytest.mark.parametrize(
    "question",
    [
        "How long since her last check-up?",
        "How long since she last had a follow-up?",
        "מתי ראינו אותה לאחרונה וכמה זמן עבר מאז?",
    ],
)
def test_time_since_the_last_visit_in_these_words(question: str) -> None:
    assert _read(question)[0] == "time_since_visit"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("ימים מאז ביקור אחרון", ("time_since_visit", None)),
        ("לידיעתך: כמה זמן לא ראו אותה אצלנו?", ("time_since_visit", None)),
        ("FYI for tomorrow: when did she first present to this clinic?", ("first_visit", None)),
        ("Since when has she not been on Tamsulosin?", ("med_stopped", "tamsulosin")),
        ("ממתי היא כבר לא נוטלת simvastatin?", ("med_stopped", "simvastatin")),
        ("ממתי היא כבר לא על duloxetine?", ("med_stopped", "duloxetine")),
        ("ממתי היא על duloxetine?", ("med_first", "duloxetine")),
        ("Since when has she been on Tamsulosin?", ("med_first", "tamsulosin")),
        ("current buspirone? y/n", ("still_taking", "buspirone")),
        (
            "לא החידוש האחרון אלא ההתחלה: מתי התחיל ליטול בוספירון?",
            ("med_first", "buspirone"),
        ),
        (
            "Not the latest refill but the very first start: when did she begin metformin?",
            ("med_first", "metformin"),
        ),
        (
            "Handover: anything at all in the chart, even a passing mention, about referral to a "
            "urologist?",
            ("any_record", "referral: urology"),
        ),
        ("שאיבת נוזל מהברך – תאריך", ("any_record", "joint aspiration")),
    ],
)
def test_a_handover_an_audit_and_a_search_box(question: str, read: tuple[str, str | None]) -> None:
    """The sixth set's voices: what is set aside ("not the last renewal but the start") is
    not asked; "since when not on it" asks since its stop."""
    ask, subject, _, _ = _read(question)
    assert (ask, subject) == read


def test_questionnaires_filled_are_counted() -> None:
    assert _read("כמה שאלוני PHQ-9 מולאו מיולי 2025 והלאה?")[::2] == ("reading_count", ("phq9",))


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # A sentence that tells of the patient, or what the asker believes, is what is going
        # on; what it names (insulin, a cough, a rash) is not asked about.
        (
            "She is still refusing insulin. How long has it been since we last saw her?",
            ("time_since_visit", None, ()),
        ),
        (
            "הוא עדיין מסרב לאינסולין. כמה זמן עבר מאז שראינו אותו לאחרונה?",
            ("time_since_visit", None, ()),
        ),
        (
            "How long has it been since his last appointment? He has had a cough that won't shift.",
            ("time_since_visit", None, ()),
        ),
        (
            "How long ago was her last consultation? The family say she has been more confused.",
            ("time_since_visit", None, ()),
        ),
        (
            "כמה זמן עבר מאז הביקור האחרון? יש לה פריחה חדשה והיא רוצה להיבדק היום.",
            ("time_since_visit", None, ()),
        ),
        (
            "She's been feeling light-headed when getting up. Is ramipril still on her current "
            "list?",
            ("still_taking", "ramipril", ()),
        ),
        (
            "He's been more settled on the current medication. How many appointments did he "
            "attend between July and December 2024?",
            ("visits_in_period", None, ()),
        ),
        (
            "What was the A1c result on January 20, 2024? I think that was about when he first "
            "said no to insulin.",
            ("series", None, ("a1c",)),
        ),
        (
            "She thinks the new eye drops have upset things. List her PHQ-9 score readings "
            "between June and August 2025.",
            ("series", None, ("phq9",)),
        ),
        (
            "She's asking about travel insurance for a cruise. Does her record mention migraine "
            "anywhere?",
            ("any_record", "migraine", ()),
        ),
        # What the telling sentence holds is still read where the ask needs it.
        ("She was started on ramipril. When?", ("med_first", "ramipril", ())),
    ],
)
def test_a_sentence_that_tells_is_not_asked(
    question: str, read: tuple[str, str | None, tuple[str, ...]]
) -> None:
    assert _read(question)[:3] == read


def test_a_telling_sentence_with_a_date_is_the_period() -> None:
    """ "Her weight in March 2025 was 80. What is it now?" keeps March: the ask needs it."""
    found = read_over_time("She started ramipril in March 2025. How many BP readings since?", TODAY)
    assert found is not None and found.date_from == dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # A question typed into the note, as a note to self in brackets, after a heading.
        (
            "Hx: lives alone, independent, non-smoker. When did he first come to this practice?",
            ("first_visit", None, ()),
        ),
        (
            "Med rec: vitamin D, emollient cream. (?? when duloxetine was taken off his list)",
            ("med_stopped", "duloxetine", ()),
        ),
        (
            "Med rec in progress: vitamin D, emollient cream. (?? duloxetine — is he still on it)",
            ("still_taking", "duloxetine", ()),
        ),
        (
            "Psych review, background section. (?? date of her very first visit with us)",
            ("first_visit", None, ()),
        ),
        (
            "סיכום ביקור, עדכון תרופות: ויטמין D, משחת לחות. (?? סיטגליפטין — עדיין נוטלת?)",
            ("still_taking", "sitagliptin", ()),
        ),
        # English and Hebrew mixed, as Israeli clinicians write.
        ("ממתי היא off סימוביל?", ("med_stopped", "simvastatin", ())),
        ("מתי did she first come to the מרפאה?", ("first_visit", None, ())),
        ("מה מספר ה-measurements של המשקל לפני נובמבר 2024?", ("reading_count", None, ("weight",))),
    ],
)
def test_a_note_to_self_and_mixed_languages(
    question: str, read: tuple[str, str | None, tuple[str, ...]]
) -> None:
    assert _read(question)[:3] == read


def test_an_english_month_in_a_hebrew_question_is_read() -> None:
    found = read_over_time(
        "What's the difference in wt between the visit on May 16, 2024 and the latest reading"
        " — כמה זה זז?",
        TODAY,
    )
    assert found is not None and (found.ask, found.date_from) == ("change", dt.date(2024, 5, 16))
    assert read_question("מה ה-A1c ב-May 16, 2024?", TODAY).day == dt.date(2024, 5, 16)
    assert read_question("כמה ביקורים בין March ל-June 2024?", TODAY).date_from == dt.date(
        2024, 3, 1
    )


def test_a_days_note_beside_a_telling_sentence_is_no_question_over_time() -> None:
    q = "She is still refusing warfarin. What did the plan say on 25 March 2024?"
    assert read_over_time(q, TODAY) is None
    assert untold(q) == "What did the plan say on 25 March 2024?"
    # What is left of "She takes warfarin. What dose?" names nothing: it asks of warfarin.
    assert untold("She takes warfarin. What dose?") == "She takes warfarin. What dose?"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # A colleague's message: the sentences around the ask tell what others found, did
        # or plan, and name other things; a greeting or a heading opens them.
        (
            "Hi, pharmacist here. His carer collected the prescription and said he seems more "
            "confused. How long is it since he was last seen by the practice? I thought you'd want "
            "to know about the confusion.",
            ("time_since_visit", None, ()),
        ),
        (
            "Dear Dr, I saw her in the dermatology clinic and have started a steroid cream for the "
            "rash on her arms. A skin biopsy has been sent. Is she still taking citalopram? I'll "
            "write again when the result is back.",
            ("still_taking", "citalopram", ()),
        ),
        (
            "Handover from the district nurses: he is now housebound. The chest X-ray you arranged "
            "came back clear. On what date did he first attend your practice, according to the "
            "notes?",
            ("first_visit", None, ()),
        ),
        (
            "Hi, medical registrar here. The TSH and the ECG were normal. How long since she was "
            "last at your surgery? We'd like to make sure.",
            ("time_since_visit", None, ()),
        ),
        (
            'שלום רב, המטופלת מיועדת לתיקון בקע, והמרדים אישר את הניתוח. האם היא עברה בעבר אק"ג? '
            "זה חשוב לרשימת הבדיקות לפני הניתוח.",
            ("any_record", "ecg", ()),
        ),
        (
            "מסירה: היא קיבלה חיסון שפעת. האם ברשומה שלה יש אזכור כלשהו של שיגדון? אני מעדכנת את "
            "תוכנית הטיפול.",
            ("any_record", "gout", ()),
        ),
        # A sentence that asks without a question mark still asks.
        (
            "When did Dad have his last dose of duloxetine? I need to know when we stopped putting "
            "it in the pill box.",
            ("med_stopped", "duloxetine", ()),
        ),
        # Beside a question of a measure, another measure's sentence stays: the whole reads.
        ("Her BP readings. How many in 2024?", ("reading_count", None, BP)),
        ("I want the highest. What was her BP?", ("highest", None, BP)),
    ],
)
def test_a_colleagues_message(question: str, read: tuple[str, str | None, tuple[str, ...]]) -> None:
    assert _read(question)[:3] == read
