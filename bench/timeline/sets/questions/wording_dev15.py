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
questions of every other set in bench/). Written for dev15 only, in these voices: English,
a locum GP in a rush, a nurse practitioner who hedges, an elderly-care consultant, a school
nurse, a prison-service doctor, a military medic, an Australian GP, an Indian-English
register, a US-style chart reviewer and an auditor checking the record; Hebrew, an ICU
nurse's handover, a kibbutz clinic nurse, a new immigrant from France writing simple
Hebrew, a pharmacist, a young doctor's slang and a formal hospital-administration register.
"""

# ruff: noqa: E501
from __future__ import annotations

EN15: dict[str, tuple[str, ...]] = {
    "latest": (
        "pt's most recent {m}? need it for the referral letter",
        "I was wondering whether you could tell me what {her|his} {m} was at the most recent reading we have?",
        "Per the chart, what is the {m} as of the most recent encounter?",
        "Kindly let me know the current {m} reading of this patient.",
        "Confirm from the record the last documented {m}.",
        "What'd {her|his} {m} come in at the last time it was checked? Reckon you can pull that up?",
    ),
    "first": (
        "first {m} on file for this pt?",
        "visit::When did {she|he} first attend this clinic? The date of the very first visit, please.",
        "Going back to the beginning of {her|his} notes, what was the {m} at the earliest reading?",
        "visit::Confirm from the record the date of the patient's first documented visit.",
        "What was the very first {m} recorded in {her|his} notes, from reception onwards?",
        "Kindly provide the initial {m} value documented for this patient.",
    ),
    "last_n": (
        "last {n} {m} readings for pt pls, in date order",
        "I was wondering whether you could list {her|his} {n} most recent {m} readings, with their dates?",
        "Pull up the last {n} {m} measurements per the chart, in chronological order.",
        "Kindly share the {n} latest readings of {m} with dates.",
        "For the handover brief: the previous {n} {m} readings, up to and including the latest one.",
    ),
    "extreme": (
        "max::highest {m} on record for this pt + date?",
        "min::What's the lowest {m} {she|he}'s ever clocked, and when was that?",
        "max::Confirm from the record the peak {m} value and the date or dates it was recorded.",
        "min::I was wondering whether you could find the lowest {m} in {her|his} record, and at which visit it was taken?",
        "max::Kindly tell the maximum {m} recorded till date for this patient, with the date.",
        "bp_sys,max::Per the chart, what is the highest {m} documented, and on what date?",
    ),
    "change": (
        "weight::pt's wt, first recorded vs now: net change?",
        "{m}: how much has it shifted from the first reading to the latest one?",
        "I was wondering whether {her|his} {m} has gone up or down overall since the very first reading, and by how much?",
        "Compared with {her|his} baseline {m}, where does the latest reading sit? What's the difference?",
        "How far off {her|his} first {m} is the most recent one?",
        "Reckon {her|his} {m} has moved much since we first measured it? What's the swing from first to latest?",
        "Kindly tell the status of {m}: change from the initial reading to the latest reading.",
        "Per the chart, how has the {m} changed from intake to the most recent reading?",
        "Confirm from the record the {m} at the first reading and at the latest, and the net difference between them.",
        "a1c::Has {her|his} {m} got better or worse since the first result, and by how much?",
        "From first reading to last, {m} went from what to what?",
        "phq9::Has {her|his} {qn} dropped or climbed since the first one, and what's the net?",
        "since::{m} diff between {d} and latest?",
        "since::How much has {her|his} {m} shifted since the visit on {d}?",
        "since::I was wondering whether {her|his} {m} has improved or worsened since {d}? Could you give me the change to the latest reading?",
        "since::Compared with the visit on {d}, is {her|his} {m} up or down now, and by how much?",
        "since::Kindly provide the delta in {m} from {d} to the most recent reading.",
        "since::Per the chart, what is the net change in {m} from the {d} encounter to the latest value on file?",
        "since::Confirm from the record the {m} recorded on {d}, the most recent one, and the difference.",
        "since::Went from what to what, {her|his} {m}, between {d} and now?",
        "since::If we take {d} as the starting point, how far has {her|his} {m} moved to date?",
        "since,weight::Has {she|he} put on or lost weight since {d}, and how many kilos?",
        "since::How much progress has {she|he} made on {m} since {d}, going by the latest reading?",
        "since::Since the reading taken on {d}, what's the swing in {her|his} {m} up to now?",
    ),
    "visit_count": (
        "no. of visits {period} for this pt?",
        "I was wondering how many times {she|he} was seen in clinic {period}?",
        "Per the chart, how many encounters did this patient have {period}?",
        "Kindly tell the number of visits this patient made {period}.",
        "Confirm from the record the total count of visits {period}.",
        "How many times did {she|he} report to the medical centre {period}?",
    ),
    "reading_count": (
        "how many {m} readings on file {period}?",
        "How many times was {her|his} {m} checked {period}?",
        "Confirm from the record how many {m} measurements were taken {period}.",
        "In total, how many times has {m} been recorded for {her|him} so far?",
        "Kindly tell the count of {m} readings {period}.",
    ),
    "list_period": (
        "list pt's {m} readings {period} pls",
        "I was wondering whether you could list all {her|his} {m} readings {period}, with dates?",
        "visit::Per the chart, what were the dates of this patient's encounters {period}?",
        "visit::Kindly share the list of visit dates {period}.",
        "Confirm from the record every {m} value documented {period}.",
        "What {m} numbers did we get {period}? Need them all, with dates.",
    ),
    "value_on_date": (
        "pt's {m} at the {d} visit?",
        "I was wondering what {her|his} {m} was when {she|he} was seen on {d}?",
        "Per the chart, what {m} was documented at the encounter on {d}?",
        "Kindly provide the {m} reading taken on {d}.",
        "Confirm from the record the {m} at the visit dated {d}.",
    ),
    "med_started": (
        "when was {drug} started? date pls",
        "I was wondering when {drug} was first prescribed for {her|him}?",
        "Per the chart, on what date was {drug} initiated?",
        "Kindly tell from which date the patient has been on {drug}: the start date.",
        "Confirm from the record the visit at which {drug} was commenced.",
        "When'd {she|he} go on {drug} in the first place?",
    ),
    "med_stopped": (
        "when was {drug} d/c'd?",
        "{drug}: date stopped?",
        "I was wondering whether you could tell me when {drug} was discontinued?",
        "On what date was {she|he} taken off {drug}?",
        "When did {she|he} come off {drug}? The school needs to update {her|his} care plan.",
        "The wing says {her|his} {drug} was pulled: at which visit was it stopped?",
        "When was {drug} ceased, and at which visit?",
        "Reckon you can find when {drug} got dropped?",
        "Kindly tell the date on which {drug} was stopped.",
        "Per the chart, which encounter documents {drug} being discontinued?",
        "Confirm from the record the date {drug} was withdrawn.",
        "{drug} was deprescribed at some point. When exactly?",
        "At which visit was {drug} halted?",
        "{She|He}'s not on {drug} anymore, so when did we stop it?",
    ),
    "still_taking": (
        "pt still on {drug}?",
        "Is {drug} still on {her|his} active med list, or was it stopped?",
        "I was wondering whether {she|he} is still taking {drug}, or has it been stopped?",
        "Is {she|he} on {drug} currently, yes or no?",
        "Is {she|he} still on {drug}, or has {she|he} come off it? Which is it?",
        "Confirm from the record whether {drug} is still active as of the last visit.",
        "Per the chart, is {drug} an active medication as of the most recent encounter?",
        "Kindly confirm the status of {drug}: continuing or stopped?",
        "Does {drug} still feature in {her|his} current regimen?",
        "Reckon {she|he}'s still taking {drug}, or was it binned?",
        "If {she|he}'s still on {drug} I need to flag it for the school trip: is {she|he}, yes or no?",
        "For the reception meds check: is {drug} ongoing, or has it been discontinued?",
        "Is {drug} still on {her|his} list as of today?",
        "{She|He}'s not on {drug} anymore, right? Or is it still going?",
    ),
    "time_since": (
        "pt last seen how long ago?",
        "How long has it been since {her|his} last visit?",
        "I was wondering how long it's been since {she|he} was last reviewed in clinic?",
        "How many weeks since {she|he} last attended?",
        "How many months since {her|his} last review?",
        "How many days since the patient's most recent encounter, per the chart?",
        "Kindly tell how much time has passed since the last visit of this patient.",
        "Confirm from the record the date of the last visit and how long ago that was.",
        "What's the gap since {she|he} was last seen? Reckon it's been a while?",
        "When did we last see {her|him}, and how long ago is that?",
        "Time elapsed since {her|his} last attendance at the medical centre?",
        "How long ago was {her|his} last healthcare appointment on the wing?",
        "As of today, how long since {she|he} was last in to see us?",
        "{Her|His} last review: how long ago?",
    ),
    "any_record": (
        "yn,cond::any hx of {x} in the notes?",
        "when::Has {she|he} ever had {a_x} on record, and if so, when was it first noted?",
        "yn::Confirm from the record whether {a_x} has ever been documented for this patient.",
        "when,proc::Per the chart, has the patient undergone {a_x}? If yes, when first?",
        "yn,ref::Was {she|he} ever referred to {x}?",
        "when,cond::Kindly check if {x} is documented anywhere, and from which date.",
    ),
}

HE15: dict[str, tuple[str, ...]] = {
    "latest": (
        "למסירת משמרת: מה הערך האחרון שנמדד של {m}?",
        "אחי, תגיד, מה יצא במדידה האחרונה של {m}?",
        "נא לציין את הערך העדכני ביותר של {m} כפי שמתועד ברשומה.",
        "מה היה {m} בפעם האחרונה שמדדו?",
    ),
    "first": (
        "visit::מתי {הגיעה|הגיע} בפעם הראשונה למרפאה?",
        "מה היה הערך הראשון של {m} שנרשם בתיק?",
        "נא לציין את המדידה הראשונה של {m} המתועדת ברשומה.",
        "visit::אני רוצה לדעת את התאריך של הביקור הראשון {שלה|שלו}.",
    ),
    "last_n": (
        "תן לי את {nf} המדידות האחרונות של {m}, לפי הסדר.",
        "מה היו {nm} הערכים האחרונים של {m}, עם תאריכים?",
        "אחי, {nf} המדידות האחרונות של {m}, מה יצא בהן?",
    ),
    "extreme": (
        "max::מה הערך הכי גבוה של {m} שנמדד אי פעם, ומתי?",
        "min::מה היה הערך הנמוך ביותר של {m}, ובאיזה תאריך?",
        "max::נא לציין את הערך המרבי של {m} ברשומה ואת מועד המדידה.",
    ),
    "change": (
        "בכמה השתנה הערך של {m} מהמדידה הראשונה ועד האחרונה?",
        "מה ההפרש בין המדידה הראשונה של {m} למדידה האחרונה?",
        "אחי, תגיד, הערך של {m} עלה או ירד מאז המדידה הראשונה? בכמה?",
        "weight::{המטופלת עלתה|המטופל עלה} או {ירדה|ירד} במשקל מאז השקילה הראשונה? בכמה קילו?",
        "נא לציין את השינוי {b_m0} בין המדידה הראשונה למדידה האחרונה, כולל כיוון השינוי.",
        "בהתחלה, מה היה {m}? ועכשיו? מה ההבדל?",
        "since::מה השינוי {b_m0} מאז הביקור {d} ועד המדידה האחרונה?",
        "since::בהשוואה לביקור {d}, הערך של {m} עלה או ירד? בכמה?",
        "since::אחי, כמה זז הערך של {m} מאז {d0}?",
        "since::נא לפרט את ההפרש בין הערך של {m} שנמדד {d} לבין הערך העדכני ביותר.",
        "since::למסירה: {m}, מה היה {d} ומה עכשיו, ומה ההפרש?",
        "since,weight::כמה קילו {עלתה|עלה} או {ירדה|ירד} מאז השקילה {d}?",
        "since::מאז {d0}, יש שיפור או החמרה בערך של {m}? בכמה?",
    ),
    "visit_count": (
        "כמה פעמים {ביקרה|ביקר} במרפאה {period}?",
        "נא לציין את מספר הביקורים של {המטופלת|המטופל} {period}.",
        "אחי, כמה פעמים ראינו {אותה|אותו} {period}?",
    ),
    "reading_count": (
        "כמה פעמים מדדו את {m} {period}?",
        "כמה מדידות של {m} יש בתיק עד היום?",
        "נא לציין את מספר המדידות של {m} שתועדו {period}.",
    ),
    "list_period": (
        "תן לי את כל המדידות של {m} {period}, עם תאריכים.",
        "visit::באילו תאריכים {ביקרה|ביקר} במרפאה {period}?",
        "מה היו הערכים של {m} {period}?",
    ),
    "value_on_date": (
        "מה היה הערך של {m} בביקור {d}?",
        "אחי, מה יצא במדידה של {m} {d}?",
        "נא לציין את ערך {m} שנמדד {d}.",
    ),
    "med_started": (
        "מתי {התחילה|התחיל} ליטול את {drug}?",
        "באיזה ביקור הותחל הטיפול {b_drug}?",
        "מתי {היא התחילה|הוא התחיל} לקחת את {drug}?",
    ),
    "med_stopped": (
        "מתי הופסק הטיפול {b_drug}?",
        "באיזה ביקור {הפסיקה|הפסיק} לקחת את {drug}?",
        "אחי, תגיד, מתי הורידו {אותה|אותו} {m_drug}?",
        "למסירת משמרת: מתי הפסיקו את {drug}?",
        "נא לציין את מועד הפסקת הטיפול {b_drug}.",
        "מתי {היא הפסיקה|הוא הפסיק} את {drug}?",
        "מתי הוציאו את {drug} מרשימת התרופות {שלה|שלו}?",
        "באיזה תאריך הופסקה התרופה {drug}?",
    ),
    "still_taking": (
        "{היא עדיין נוטלת|הוא עדיין נוטל} את {drug}, או שהטיפול הופסק?",
        "האם {drug} עדיין ברשימת התרופות הפעילות, כן או לא?",
        "אחי, תגיד, {היא|הוא} עדיין על {drug} או שהפסיקו?",
        "נא לאשר האם הטיפול {b_drug} עדיין בתוקף נכון לביקור האחרון.",
        "למסירה: {drug}, ממשיכים או שהפסיקו?",
        "{היא לוקחת|הוא לוקח} עוד {drug} היום? כן או לא?",
        "האם {drug} עדיין חלק מהטיפול הקבוע {שלה|שלו}?",
        "לא {נוטלת|נוטל} יותר את {drug}, נכון? או שעדיין כן?",
    ),
    "time_since": (
        "מתי היה הביקור האחרון {שלה|שלו}, וכמה זמן עבר מאז?",
        "כמה זמן עבר מאז {שראינו אותה|שראינו אותו} לאחרונה?",
        "אחי, תגיד, כמה זמן עבר מהביקור האחרון {שלה|שלו}?",
        "נא לציין את משך הזמן שחלף מאז הביקור האחרון של {המטופלת|המטופל}.",
        "כמה חודשים עברו מאז {שהגיעה|שהגיע} למרפאה בפעם האחרונה?",
        "כמה ימים עברו מאז הביקור האחרון, נכון להיום?",
        "פעם אחרונה {שהיא באה|שהוא בא} לרופא, לפני כמה זמן?",
        "לפני כמה שבועות {נבדקה|נבדק} לאחרונה במרפאה?",
    ),
    "any_record": (
        "yn::האם יש בתיק תיעוד כלשהו של {x}?",
        "when::יש אזכור של {x} בתיק? אם כן, מאיזה תאריך לראשונה?",
        "yn,ref::האם {הופנתה|הופנה} אי פעם {l_x}?",
        "when,cond::נא לציין אם קיימת ברשומה אבחנה של {x}, ואם כן, את מועד התיעוד הראשון.",
    ),
}
