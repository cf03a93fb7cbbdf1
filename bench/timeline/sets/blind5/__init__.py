"""Blind set #5 for the timeline extractor (`core.timeline.extract.extract`), issue 27: 400
note fields (46% Hebrew) of seventeen clinics no earlier set keeps (ophthalmology,
allergy and immunology, an infectious diseases and travel clinic, haematology, hepatology,
vascular surgery follow-up, a fracture clinic, sleep medicine, antenatal care, fertility,
palliative care, occupational health, podiatry, wound care, a bariatric clinic, gender
health and a school nurse), written without reading the extractor, its lexicons, the other
sets' generators or their data; its author read only core/timeline/types.py,
docs/timeline.md, the scorer's matching and the blind evals' loaders. Keep it out of the
tuning loop: `python -m bench.timeline.eval_blind blind5`
prints aggregates and counted causes, never a
text. Once fixes are made against its causes it is a development set, as set #4 became.

data.json is the set, committed so it never drifts; `python -m bench.timeline.sets.blind5`
rewrites it from the generator (generate.py, seed SEED) and the test checks it would write
the same. Each clinic's snippets are in snippets/<clinic>.txt, by language and field
(`@en plan`), labelled inline (`[[words||spec]]`, markup.py) so each label keeps its span;
`{measure}` slots take a measure in one of its written styles (measures.py and
styles.toml; values.py draws the values in values.toml's ranges),
and snippets/_shared.txt holds what any clinic writes: vitals and lab lines, scores, home
readings, earlier values, targets, flags, switches, refusals and conditional plans.
A block carried forward is labelled like the rest of the field: the clinician signs it again
with the note. generate.py lays a field out: lines, bullets, numbered or "#1" problems, a paragraph,
semicolons, a heading (S:, O/E:, Impression:, בדיקה גופנית:, המלצות:), a block carried
forward from the last visit, or a dictated run-on joined by "..."; the headings and that
block's first line are layout.toml's, and each field kind's share of the set and how many
lines it takes compose.toml's (each read through the kit's VocabFile).

Labelling follows docs/timeline.md where it speaks. Where it is silent this set decides:

Measurements: the value in MEASURES' unit from the number as written, to 2 decimals (lb x
0.45359237, inches x 2.54, metres x 100, ft'in" as inches, (°F - 32) x 5/9, cholesterols
mmol/L x 38.67, glucose mmol/L x 18.0, creatinine µmol/L / 88.4, HbA1c mmol/mol / 10.929 +
2.15); a number with no unit is in MEASURES' unit. A blood pressure is a systolic and a
diastolic fact on the same words; a recheck is a second reading; a home reading reported
now ("Home BP readings averaging", "מדידות ל"ד בבית סביב", "Home glucose this morning") is
a fact. No fact: a target, an earlier value, a threshold, a sleep study's nadir saturation,
a fetal heart rate ("FHR 140", "דופק עובר"), a fundal height, a weight lost ("Wt loss 31
kg", "ירידה של 28 ק"ג"), a highest weight, IOP, visual acuity, ABPI, PEFR, Epworth, RR,
Hb, ferritin and the other labs that are no MEASURES key, a compression pressure ("40
mmHg") and a dB or kPa.

Flags: an unbelievable value (BP 1520/84, a systolic not above its diastolic, HR 720, weight
7800 kg, SpO2 186%, T 391, HbA1c 74%, PHQ-9 33, GAD-7 28, pain 13/10, BMI 296, height 1720
cm) is a flag named after its measure ("bp" for a pressure) and no fact.

Medications: the generic name in English, lower case, whatever brand (Israeli ones too) or
Hebrew spelling is written, named as bench/timeline/kit/same_drug.toml reads them
(paracetamol, salbutamol, levothyroxine, vitamin d, insulin glargine); an epinephrine
auto-injector (EpiPen, אפיפן) is epinephrine, iron tablets (Ferrograd, ברזל) ferrous
sulfate, Estrogel estradiol, Nebido and Sustanon testosterone, Movicol macrogol, Trusopt
dorzolamide, Pred Forte prednisolone, Cyclogest and Utrogestan progesterone, Ovitrelle
choriogonadotropin alfa, Gonal-f follitropin alfa, Ursolit ursodeoxycholic acid. Combination
products are not labelled (ART, Malarone, Materna, co-amoxiclav are written only as
distractors or unnamed). Started: start, add, a plan line with no verb, "prescribed", a
prophylaxis chosen "to start before travel", להתחיל, להוסיף. Stopped: stop, a switch's old
drug, a course completed or finished, a patient who stopped, הפסיק(ה), סיים(ה). Continued:
continue, renew, increase, reduce, wean, taper, extend the interval, להמשיך, להעלות,
להפחית, חידוש. Listed: taking, on, using, uses, a drug in a list, history or assessment,
a drug given in the room or running in a syringe driver ("morphine + midazolam over 24 h",
"fentanyl patch in situ", ferric carboxymaltose given as an iron infusion), a request for a
repeat. No event: an allergy, an offer, a discussion, a refusal, "consider", a plan that
waits on a condition ("if swab grows MRSA", a standby antibiotic "if severe diarrhoea
abroad"), a self-corrected drug in a dictated line
("Restart propranolol ... actually start carvedilol" keeps only carvedilol), a drug class
(statin, NSAID, GnRH analogue, antihistamine) and a drug for the partner.

Diagnoses, by the doc's present / history rule. Symptoms and complaints are present
(headache, nausea, pain at a site, numbness, snoring, itch); a finding that names a
condition (ascites, oedema, splenomegaly, drusen, dermographism, erythema migrans) is
present; a vaguer finding ("pale conjunctivae", "fissured heels", "tender snuffbox") is
not labelled. Lasting conditions are present in any list; an event with its year, "as a
child", "in remission", "treated 2015", "previous", "resolved", "settled", a condition of
an earlier pregnancy (GDM, pre-eclampsia, breech) is history. Negated: no, denies, ruled
out, excluded, "not seen", נשלל, ללא, שולל(ת), "none on US". No diagnosis: a family member's
or a partner's condition, "?X", "X vs Y", DDx, "לשלול", a risk ("VTE risk low"), smoking
and alcohol, an allergy's reaction, an ordinary pregnancy, and an assessment of fitness
for work. An allergy named as the patient's diagnosis in an allergy clinic ("peanut
allergy", "אלרגיה לבוטנים") is a diagnosis; a drug allergy in an allergy list is not.

Procedures: done at the visit (skin prick test, spirometry, audiometry, Mantoux read,
vaccinations, intravitreal injection, paracentesis, venesection, iron infusion, bone marrow
biopsy, egg collection, embryo transfer, debridement, nail avulsion, monofilament test,
vision and hearing screening, x-ray, duplex, elastography, sleep study, a syringe driver set
up, a cast removed, a bedside malaria test); ordered with status "ordered" (requested,
booked, listed for, הוזמן, לבצע). Laboratory tests sent (bloods, cultures, films,
tryptase) are no procedure, nor a result quoted in an assessment ("CXR clear", "ED x-ray
negative"); nor a past operation, a screening result written as a score,
a home programme, compression stockings, dressings, a mattress, a test due later, and a
procedure considered or waiting on a condition. Referrals made at the visit are
"referral: <specialty>", including "Letter to GP"; a letter to the parents is none. The
patient's condition named as what a referral is for ("Refer gynae for menorrhagia", "Letter
to GP re osteoporosis treatment") is a present diagnosis; a question ("re screen result") is
none.

Visits: from the subjective's opener (a first visit, booking or pre-travel consultation is
initial; a review or follow-up, a home visit of a known patient, a school nurse seeing a
known asthmatic are follow-up; a phone, video, virtual or remote review is telehealth
alone); a subjective without an opener has no visit fact.

Typos are labelled as what they mean ("Hypertenstion", "Hypothyroidsm", "metfromin",
"Omeprazol", "סכרת"), and Hebrew lines with English drug names as the drug.

Names: diagnoses, procedures and referrals carry aliases (names.py).
"""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.stored import StoredSet

SEED = 20261126
DATA = Path(__file__).with_name("data.json")
_SET = StoredSet(SEED, DATA)
seed, records, fields = _SET.seed, _SET.records, _SET.fields
