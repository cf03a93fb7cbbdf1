"""How the clinician asks: wording families per operation, in English and Hebrew, and the
names a question may use for what it asks about (clinical, lay, brand, abbreviated).

A family is one template: `"tags::text"` or just `"text"`. Tags restrict what the family
can be asked about or fix a variant of the operation:
- a measure key (bp, bp_sys, bp_dia, weight, a1c, egfr, phq9, gad7, pain, heart_rate):
  only these measures;
- `visit`: the subject is the visits themselves (first, list);
- `max` / `min`: the extreme asked for;
- `since`: a change since a dated visit (without it: first reading to latest);
- `yn` / `when`: any record, yes/no only or also when it was first;
- `cond`, `proc`, `ref`: any record, only conditions, procedures or referrals.

Placeholders: `{a|b}` is the female | male form; `{m}` a measure's name (Hebrew: with the
article), `{m0}` its bare Hebrew name, `{b_m0}` / `{l_m0}` with a one-letter preposition;
`{qn}` a questionnaire's short name (PHQ-9, GAD-7); `{drug}`, `{l_drug}`, `{m_drug}`,
`{b_drug}`; `{x}` / `{a_x}` / `{l_x}` what any record asks about (bare / with an article /
with ל); `{d}` a date (Hebrew: with ב), `{d0}` a bare Hebrew date; `{period}`; `{n}` a
count of readings, `{nf}` / `{nm}` its Hebrew words for a feminine / masculine noun.

Written for this set only: none of these is a wording of the app's own templates or of the
other eval sets' generators (the generator checks the finished questions against the
questions of every other set in bench/). Written blind for dev14 only, weighted to change,
in the voices of a heart-failure clinic cardiology nurse specialist, a diabetes educator, a
weight-management dietitian, a psychiatrist reviewing mood scores, a renal nurse watching
eGFR, a paediatric-to-adult transition clinic doctor, a formal medico-legal report writer,
a pain clinic physiotherapist, a telehealth nurse reading from a screen and a non-native
English speaker; in Hebrew, a dietitian, a diabetes nurse, a psychiatrist, a social worker
writing a report, a family member's informal register and a formal legal/insurance opinion
(חוות דעת).
"""

# ruff: noqa: E501
from __future__ import annotations

EN14: dict[str, tuple[str, ...]] = {
    "latest": (
        "Heart failure clinic, quick one: what's {her|his} most recent {m}?",
        "Current {m} going by the last reading on the chart?",
        "a1c::Diabetes education review: the latest {m} result we have for {her|him}?",
        "For the purposes of this report, please state the claimant's most recently documented {m}.",
        "What is the {m} of {her|him} in the last time you measure?",
        "phq9,gad7::Where does {her|his} {qn} stand now, going by the most recent score?",
    ),
    "first": (
        "visit::Transition clinic: on what date did {she|he} first come to our adult service?",
        "visit::Please state the date of the claimant's earliest recorded attendance at this clinic.",
        "What was {her|his} {m} at intake, the very first one written down?",
        "weight::Starting {m} when {she|he} joined the weight programme, i.e. the first weigh-in?",
        "Baseline {m} please, the first reading on file for {her|him}.",
        "pain,phq9,gad7::Pain and mood intake: what was the first {m} reading recorded for {her|him}?",
    ),
    "last_n": (
        "Read me the last {n} {m} readings, in order, with dates.",
        "HF nurse here: list {her|his} {n} most recent {m} values and when each was taken.",
        "weight::Dietitian check: the final {n} weigh-ins on record, {m} with dates?",
        "phq9,gad7::The {n} latest {qn} scores, oldest to newest, please.",
        "Please show me the {m} from last {n} times.",
        "Telehealth call, I can't scroll: what were the {n} most recent entries for {m}?",
    ),
    "extreme": (
        "max::Highest {m} ever recorded for {her|him}, and on what date?",
        "min::What's the lowest {m} on file, and at which visit or visits?",
        "max,phq9,gad7::Psychiatry review: {her|his} worst, meaning highest, {qn} score so far, and when was it?",
        "min,weight::The lightest {she|he} has been in the programme: lowest {m} and the date?",
        "max,bp_sys,bp_dia::Peak {m} anywhere in the record, with the date it was taken?",
        "min,egfr::Renal nurse: the lowest {m} we have seen, and the visit date?",
        "max::Kindly identify the highest {m} documented in the records and the date or dates on which it was recorded.",
    ),
    "change": (
        # from the first reading to the latest
        "weight::Heart failure clinic weight check: from {her|his} first weigh-in with us to the latest one, how many kilos has {she|he} gained or lost?",
        "weight::For the diuretic review: what's the net gain or loss in {m} from the very first reading on file to the most recent?",
        "bp,bp_sys::By how many mmHg has {her|his} {m} moved between the first reading we have and the current one?",
        "a1c::Diabetes education follow-up: {her|his} {m} at intake versus now, up or down, and by how much?",
        "a1c,weight::As {her|his} diabetes educator I need the difference between the initial {m} and the most recent one, with both numbers.",
        "weight::Weight-management programme: net change in {m} from the first reading when {she|he} enrolled to the latest reading?",
        "phq9,gad7::How many points has {her|his} {qn} shifted from the very first time it was scored here to the latest score, up or down?",
        "phq9,gad7::Mood review: on the {qn}, is {she|he} better or worse than at baseline, and by how many points?",
        "egfr::Renal nurse. Change in {m} from the earliest result to the most recent one, please: both values and the difference.",
        "Transition clinic handover: how has {her|his} {m} changed from the start of care with us to the last visit, in numbers?",
        "For the purposes of this report, kindly state the change in the claimant's {m} between the first recorded measurement and the most recent measurement, giving both values and the net difference.",
        "pain::Pain clinic physio: {her|his} {m} at the initial assessment compared with now, how many points better or worse?",
        "Reading off the screen: first {m} on record and the latest {m}, what's the difference between then and now?",
        "How much is changed the {m} from first time until now?",
        "weight::The weight of {her|him} go up or go down from the beginning, and how many kilo?",
        "Increase or decrease in {m} overall, from the first reading to the latest, and by what amount?",
        "Trend in {her|his} {m} since {she|he} started with us, in numbers please: first value, latest value, change.",
        "heart_rate,weight::Cardiology nurse, HF clinic, because the consultant is asking: first ever {m} versus the most recent, how much has it changed?",
        "Because the family is asking: has {her|his} {m} gone up or down since the very first measurement, and by how much?",
        "First reading to latest, how much has it changed, the {m} I mean?",
        "egfr,a1c,phq9,gad7,pain::How much better or worse is the {m} currently than at the start of care?",
        # from the dated visit to the latest
        "since,weight::Since the visit on {d}, how many kilos has {she|he} put on or taken off? I want the {m} then and the latest.",
        "since,bp,bp_sys::Relative to the reading taken on {d}, how many mmHg has {her|his} {m} gone up or down by the last visit?",
        "since,a1c::Compared with the {m} from {d}, is the most recent one higher or lower, and by how much?",
        "since,phq9,gad7::Mood scores: how many points has the {qn} moved between {d} and the latest questionnaire?",
        "since,egfr::What's the difference in {m} between the result from the appointment of {d} and the current one?",
        "since,pain::Against the {m} recorded on {d}, how much better or worse is {she|he} now, in points?",
        "since,weight::Net gain or loss of {m} from {d} to the most recent weigh-in?",
        "since::Please set out, for the medico-legal file, the change in {m} from the consultation dated {d} to the latest consultation at which it was recorded, stating both readings and the difference.",
        "since::I've got {her|his} chart open: {m} on {d} versus the latest entry, up or down, and by how much?",
        "since::From {d} until the last visit, how much the {m} is changed?",
        "since::Increase or decrease since {d}: {m}?",
        "since::By what amount has the {m} changed since the visit on {d}? The family is asking.",
        "since,phq9::Since {d}, has the {m} improved or worsened, and by how many points to the most recent score?",
        "since::Comparing the visit on {d} with the last visit, what was the change in {m}?",
        "since,heart_rate,bp::Before I call the cardiologist: how has {her|his} {m} changed from {d} to the most recent reading? Give me the two numbers and the difference.",
        "since,weight::Weight-management check-in: since we weighed {her|him} on {d}, what's the difference to now, in kilos?",
        "since::Between {d} and now, by how much has it gone up or down: the {m}?",
        "since,egfr,bp_sys::Renal clinic, because the nephrologist wants the trend: {m} on {d} against the most recent value, and the difference.",
        "since,gad7,pain::Relative to {d}, how many points has {her|his} {m} gone up or down as of the last visit?",
    ),
    "visit_count": (
        "How many visits did {she|he} have {period}?",
        "Number of appointments {period}, please?",
        "Please state the number of attendances recorded {period}.",
        "How many times {she|he} come to clinic {period}?",
        "Telehealth nurse: count of encounters with {her|him} {period}?",
        "Transition clinic audit: how many times was {she|he} seen {period}?",
    ),
    "reading_count": (
        "How many {m} readings were taken {period}?",
        "How many times was {her|his} {m} measured altogether?",
        "weight::Number of weigh-ins recorded {period}?",
        "phq9,gad7::How many {qn} questionnaires did {she|he} complete {period}?",
        "Count of {m} measurements on record, all time?",
        "egfr::Renal nurse: how many {m} results do we have {period}?",
    ),
    "list_period": (
        "List {her|his} {m} readings {period}.",
        "visit::Which dates was {she|he} seen {period}?",
        "What were the {m} values {period}, with dates?",
        "visit::Give me the visit dates {period}, please.",
        "weight::Weigh-ins {period}: the {m} values, please.",
        "Please enumerate each {m} recorded {period}, together with the date of each.",
    ),
    "value_on_date": (
        "What was {her|his} {m} on {d}?",
        "HF nurse: the {m} recorded at the visit of {d}, please.",
        "Please state the {m} documented at the consultation dated {d}.",
        "How much was the {m} in the day {d}?",
        "phq9,gad7::What did {she|he} score on the {qn} on {d}?",
        "Telehealth nurse checking the screen: {m} from the {d} appointment?",
    ),
    "med_started": (
        "On what date was {drug} first commenced?",
        "Which visit did {she|he} start {drug} at?",
        "For the report, please state the date on which {drug} was initiated for the claimant.",
        "When {she|he} begin to take {drug}?",
        "Diabetes educator asking: when did {drug} first get added for {her|him}?",
        "{drug}: start date, please?",
    ),
    "med_stopped": (
        "Heart failure clinic: on what date was {drug} discontinued for {her|him}?",
        "Diabetes educator asking: when did {she|he} come off {drug}?",
        "Which appointment was {drug} ceased at?",
        "For the report, please state the date on which {drug} was withdrawn from the claimant's treatment.",
        "At what point was {drug} deprescribed? The date, please.",
        "Telehealth call: the screen shows {drug} gone from the list, what date did it come off?",
        "When is {drug} stopped for {her|him}, which date?",
        "Renal nurse: on which visit did we take {her|him} off {drug}?",
        "{drug}: the date it was dropped from {her|his} regimen?",
        "The date {drug} was no longer prescribed, please; the family wants to know.",
        "Psychiatry review: when did we cut {drug}?",
        "At which appointment did we stop {drug}, and what was the date?",
        "Pain clinic physio checking meds: when did {her|his} {drug} end?",
    ),
    "still_taking": (
        "Is {drug} still going?",
        "Is {drug} current for {her|him}?",
        "{drug}: continuing?",
        "Has {drug} been stopped, or is {she|he} still on it?",
        "Do we still have {her|him} on {drug}?",
        "{drug} still on the chart?",
        "Telehealth check: as of {her|his} last visit, is {she|he} still taking {drug}, yes or no?",
        "Please confirm whether the claimant remained on {drug} as at the most recent consultation.",
        "{She|He} is still take the {drug} or not anymore?",
        "HF nurse, before titrating: is {drug} part of {her|his} current regimen?",
        "Diabetes educator: is {she|he} on {drug} at present?",
        "Is {drug} still an active prescription for {her|him} as of the last appointment?",
        "Psychiatry: has {drug} carried on, or did it get stopped along the way?",
    ),
    "time_since": (
        "How long ago was {she|he} last here?",
        "Days since {her|his} last review?",
        "When was {her|his} last appointment, and how long ago is that?",
        "What's the gap since {her|his} last visit?",
        "Please state the date of the claimant's most recent attendance and the interval that has elapsed since.",
        "Screen's loading slowly: how long has it been since {she|he} was last seen, in days?",
        "How many time is passed from the last visit of {her|him}?",
        "Heart failure clinic: how many days since {she|he} last had a visit with us?",
        "Dietitian: how long since {her|his} last programme session?",
        "How long has it been since {she|he} last attended clinic?",
        "Last visit: how many days ago was it?",
        "{She|He} hasn't been in for a while: when was the most recent visit, and how long back is that?",
        "Renal nurse: time elapsed since {her|his} latest appointment?",
    ),
    "any_record": (
        "yn::Has {she|he} ever had {a_x} documented?",
        "when::Is there any record of {x}, and if so when was it first noted?",
        "yn,ref::Was {she|he} ever referred to {x}?",
        "when,proc::Has {she|he} had {a_x}? If yes, when was the first?",
        "yn,cond::Please confirm whether there is any documented history of {x} in the claimant's records.",
        "when,cond::Any mention of {x} in {her|his} notes, and the first date it appears?",
        "yn::There is something about {x} in the notes of {her|him}, yes or no?",
    ),
}

HE14: dict[str, tuple[str, ...]] = {
    "latest": (
        "weight::דיאטנית: מה המדידה העדכנית ביותר של {m} {אצלה|אצלו}?",
        "a1c::אחות סוכרת: מה התוצאה האחרונה של {m}?",
        "נא לציין את הערך האחרון המתועד של {m}.",
        "מה יצא {b_m0} בפעם האחרונה שבדקו?",
    ),
    "first": (
        "visit::מתי {הגיעה|הגיע} אלינו לראשונה? צריך את תאריך הביקור הראשון.",
        "מה היה הערך של {m} במדידה הראשונה שנעשתה אצלנו?",
        "visit::נא לציין את מועד הביקור הראשון המתועד בתיק.",
        "weight::עם איזה משקל {התחילה|התחיל} אצלנו בתוכנית, בשקילה הראשונה?",
    ),
    "last_n": (
        "{nf} המדידות האחרונות של {m}, לפי הסדר?",
        "אפשר את {nm} הערכים האחרונים של {m} עם התאריכים?",
        "phq9,gad7::מה היו {nm} הציונים האחרונים בשאלון {qn}?",
        "weight::{nf} השקילות האחרונות, מה יצא בכל אחת?",
    ),
    "extreme": (
        "max::מה הערך הגבוה ביותר של {m} שנמדד אי פעם, ומתי?",
        "min::הערך הנמוך ביותר של {m}: כמה, ובאיזה תאריך?",
        "max,phq9,gad7::הציון הגבוה ביותר בשאלון {qn} עד היום, ומתי זה היה?",
        "min,weight::המשקל הנמוך ביותר שנרשם לאורך המעקב, ומתי?",
    ),
    "change": (
        # מהמדידה הראשונה ועד האחרונה
        "weight::כמה קילו {עלתה|עלה} או {ירדה|ירד} מהשקילה הראשונה אצלנו ועד השקילה האחרונה?",
        "weight::מה השינוי נטו {b_m0} מאז תחילת המעקב: הערך הראשון, הערך האחרון וההפרש?",
        "a1c::לגבי {m}: בכמה השתנה הערך מהבדיקה הראשונה ועד הבדיקה האחרונה, ולאיזה כיוון?",
        "phq9,gad7::בכמה נקודות השתנה הציון בשאלון {qn} מהשאלון הראשון ועד האחרון? {השתפרה|השתפר} או {החמירה|החמיר}?",
        "לצורך הדוח הסוציאלי: מה ההבדל בין הערך הראשון של {m} לבין הערך העדכני ביותר?",
        "רק שאלה, {b_m0} יש עלייה או ירידה מאז הפעם הראשונה שמדדו, ובכמה?",
        "בחוות הדעת נדרש לפרט את השינוי {b_m0} בין המדידה הראשונה המתועדת לבין המדידה האחרונה, לרבות שני הערכים וההפרש ביניהם.",
        'bp,bp_sys::בכמה מ"מ כספית השתנה הערך של {m} מהמדידה הראשונה ועד היום?',
        "השוואה מול הבסיס: {m}, הערך ההתחלתי מול הערך הנוכחי. מה ההפרש?",
        "weight::בסוף, מההתחלה ועד עכשיו, כמה קילו זה? עלייה או ירידה?",
        # מביקור מתוארך ועד האחרון
        "since,weight::מאז השקילה {d}, כמה קילו {עלתה|עלה} או {ירדה|ירד} עד השקילה האחרונה?",
        "since,a1c::לעומת הבדיקה {d}, האם הערך של {m} בבדיקה האחרונה גבוה או נמוך יותר, ובכמה?",
        "since,phq9,gad7::מהשאלון {d} ועד השאלון האחרון: בכמה נקודות זז הציון בשאלון {qn}?",
        "since::מה השינוי {b_m0} מאז הביקור {d} ועד המדידה האחרונה?",
        "since::לצורך הדוח: הערך של {m} בביקור {d} בהשוואה לערך העדכני, וההפרש ביניהם.",
        "since::מאז {d0}, המספרים של {m} עלו או ירדו? ובכמה בדיוק?",
        "since::נבקש לציין את השינוי {b_m0} מהמדידה שבוצעה {d} ועד למדידה האחרונה, תוך פירוט שני הערכים.",
        "since,egfr,bp::בין הביקור {d} לבין היום, מה ההפרש בערך של {m}?",
        "since,pain::ביחס לדירוג הכאב {d}, בכמה נקודות השתנה הדירוג עד הביקור האחרון?",
        "since,weight,a1c::ההורים שואלים, אז אני בודקת: בכמה השתנה הערך של {m} מאז הביקור {d}?",
    ),
    "visit_count": (
        "כמה ביקורים היו {לה|לו} {period}?",
        "נא לפרט את מספר הביקורים שתועדו {period}.",
        "כמה פעמים {היא|הוא} {הייתה|היה} אצלכם {period}?",
    ),
    "reading_count": (
        "כמה מדידות של {m} היו {period}?",
        "מספר המדידות של {m} בסך הכול, מההתחלה?",
        "phq9,gad7::כמה פעמים {מילאה|מילא} את שאלון {qn} {period}?",
    ),
    "list_period": (
        "מה היו הערכים של {m} {period}, עם תאריכים?",
        "visit::אילו תאריכי ביקורים רשומים {period}?",
        "weight::פירוט השקילות {period}, כל משקל עם התאריך שלו.",
    ),
    "value_on_date": (
        "מה היה הערך של {m} {d}?",
        "כמה יצא {b_m0} בביקור מיום {d0}?",
        "נא לציין את ערך {m0} שתועד בביקור מיום {d0}.",
    ),
    "med_started": (
        "מתי {התחילה|התחיל} לקחת את {drug}?",
        "באיזה ביקור הוחל הטיפול {b_drug}?",
        "נא לציין את המועד שבו נפתח הטיפול {b_drug}.",
    ),
    "med_stopped": (
        "אחות סוכרת: באיזה תאריך הופסק הטיפול {b_drug}?",
        "מתי הורידו {אותה|אותו} {m_drug}?",
        "באיזה ביקור הפסקנו את {drug}?",
        "נא לציין את המועד שבו הופסק מתן {drug} {לנבדקת|לנבדק}.",
        "{drug}: מתי הפסקנו?",
        "לצורך הדוח, מתי הוצא {drug} מרשימת התרופות {שלה|שלו}?",
        "באיזה תאריך {הפסיקה|הפסיק} ליטול את {drug}?",
        "מתי בוטל המרשם {l_drug}?",
        "מתי נעצר הטיפול {b_drug}, באיזה ביקור?",
    ),
    "still_taking": (
        "{היא|הוא} עדיין {נוטלת|נוטל} את {drug}?",
        "{drug} עדיין ברשימת התרופות הפעילות {שלה|שלו}?",
        "האם הטיפול {b_drug} נמשך, או שהופסק?",
        "{היא|הוא} עוד {לוקחת|לוקח} את {drug} או שהפסיקו?",
        "נא לאשר האם, נכון לביקור האחרון, {הנבדקת|הנבדק} {ממשיכה|ממשיך} בטיפול {b_drug}.",
        "{drug}: {ממשיכה|ממשיך} או שהופסק?",
        "האם {drug} עדיין חלק מהטיפול הנוכחי {שלה|שלו}?",
        "האם {היא|הוא} עדיין {מקבלת|מקבל} {drug} נכון לביקור האחרון?",
        "עדיין {מטופלת|מטופל} {b_drug}? כן או לא.",
    ),
    "time_since": (
        "לפני כמה זמן {הייתה|היה} כאן בפעם האחרונה?",
        "כמה ימים עברו מאז הביקור האחרון {שלה|שלו}?",
        "מתי {הייתה|היה} הפגישה האחרונה, וכמה זמן עבר מאז?",
        "נא לציין את מועד הביקור האחרון ואת משך הזמן שחלף ממנו.",
        "כמה זמן {היא|הוא} לא {הייתה|היה} אצלכם?",
        "לצורך הדוח: מה פרק הזמן שעבר מאז הביקור האחרון?",
        "כמה זמן עבר מהמפגש האחרון שלנו {איתה|איתו}?",
        "מתי ראינו {אותה|אותו} לאחרונה, וכמה זמן זה?",
        "כמה שבועות עברו מאז הביקור האחרון במרפאה?",
    ),
    "any_record": (
        "yn::האם יש בתיק תיעוד כלשהו של {x}?",
        "when::האם יש אזכור של {x} ברשומות, ואם כן, מתי לראשונה?",
        "yn,ref::האם {הופנתה|הופנה} אי פעם {l_x}?",
        "when,cond::נא לציין האם קיים תיעוד של {x}, ואם כן, את מועד התיעוד הראשון.",
    ),
}
