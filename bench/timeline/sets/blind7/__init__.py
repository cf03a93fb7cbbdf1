"""Blind set #7 for the timeline extractor (`core.timeline.extract.extract`), issue 27: note
fields of sixteen clinics no earlier set keeps (an MS clinic, colorectal surgery follow-up,
a breast clinic, plastic and hand surgery, spinal surgery, post-ICU follow-up, a
hypertension clinic, a COPD nurse clinic, adult cystic fibrosis, prison healthcare,
osteopathy and chiropractic, audiology and balance, a lactation clinic, military and
veterans' health, aviation and diving medicals, and psychotherapy intake, counselling and
social work), written while round 6 tuned the extractor on set #6, without reading the
extractor, its lexicons, the other sets' generators, snippets or data; its author read only
core/timeline/types.py, docs/timeline.md, the scorer, the blind evals, the shared loaders
and set #5's and #6's docstrings and markup. Keep it out of the tuning loop:
`python -m bench.timeline.eval_blind blind7` prints aggregates and counted causes, never a text or a
name. Once fixes are made against its causes it is a development set.

data.json is the set, committed so it never drifts; `python -m bench.timeline.sets.blind7`
rewrites it from the generator (generate.py, seed SEED) and the test checks it would write
the same. Each clinic's snippets are in snippets/<clinic>.txt, one field a block under
`## <en|he> <field>` (`#!` lines are the author's notes), labelled inline with set #5's
markup (`[[words||spec]]`, bench/timeline/kit/markup.py, through the shared walk of
bench/timeline/kit/inline.py). A slot takes a measure in the next of its written styles
(`{bp}`, `{weight}`, ...; styles.txt, at least ten a measure; a Hebrew note also takes the
English ones, as Israeli clinicians write "BP 130/80" in Hebrew; its value drawn in
values.toml's ranges) or a few of a group (`{vitals}`, `{labs}`, `{lipids}`, `{renal}`,
`{mood}`, `{size}`; groups.toml), or an unbelievable value (`{flag}`; flags.toml).
generate.py lays each block out as lines, bullets, a numbered or "#1" list, a paragraph,
semicolons, a heading (S:, O/E:, Imp:, Mx:, בדיקה גופנית:, המלצות:) or a dictated run-on
joined by "..." (which a field kind may take, and the marks and headings, layout.toml
says); blocks with a heading of their own keep their lines. The kit's VocabFile reads them.
aliases.toml gives diagnoses, procedures and referrals their other names; a diagnosis also
takes its words as written, and a Hebrew procedure its Hebrew words.

Labelling follows docs/timeline.md where it speaks. Where it is silent this set decides:

Measurements: the value in MEASURES' unit from the number as written, to 2 decimals (lb x
0.45359237, inches x 2.54, metres x 100, ft'in" as inches, (F - 32) x 5/9, cholesterols
mmol/L x 38.67, glucose mmol/L x 18.0, creatinine umol/L / 88.4, HbA1c mmol/mol / 10.929 +
2.15); a number with no unit is in MEASURES' unit. A blood pressure is a systolic and a
diastolic fact on the same words; both arms, seated and standing, a recheck and a home or
ambulatory average reported now are each a reading. No fact: a baby's weight in the
mother's note, a weight lost, FEV1, PEFR, 6MWT, grip strength, EDSS, timed walks, MoCA,
CORE-10, WSAS, PCL-5, AUDIT, CAT, COWS, hearing thresholds in dB, visual acuity, potassium,
CEA, a walk test's nadir saturation, an earlier value, a target, a threshold ("not to dive
below 150"); a saturation after exertion at the visit is a reading.

Flags: an unbelievable value (BP 1460/88, a systolic not above its diastolic, HR 318,
weight 7650 kg, SpO2 179%, T 386, HbA1c 69%, PHQ-9 38, GAD-7 31, pain 16/10, BMI 289,
height 1680 cm) is a flag named after its measure ("bp" for a pressure) and no fact.

Medications: the generic name in English, lower case, whatever brand (Israeli ones too:
Norvasc, Tritace, Disothiazide, Cardiloc, Aldactone, Crestor, Lipitor, Micropirin, Fusid,
Eliquis, Spiriva, Ventolin, Daxas, Pulmozyme, Creon, Lyrica, Tramadex, Optalgin, Naxyn,
Etopan, Nurofen, Acamol, Cipralex, Seroxat, Cymbalta, Remeron, Zyprexa, Ritalin, Tecfidera,
Gilenya, Ocrevus, Lioresal, Fampyra, Eltroxin, Glucophage, Januvia, Novorapid, Clenil) or
Hebrew spelling is written; salbutamol, paracetamol, levothyroxine, vitamin d, insulin
glargine and mesalazine as same_drug.toml names them, and pancreatin (Creon), metamizole
(Optalgin), glyceryl trinitrate (GTN), chlortalidone, beclometasone, cephalexin, fampridine
and ferrous sulfate, whose other official names the eval reads as these. Combination
products (Kaftrio, Janumet, rescue packs, the pill) are written only as classes or not at
all. Started: start, add, prescribed, a plan line with no verb, the new drug of a switch,
"agreed to try", להתחיל, להוסיף, and a start reported from elsewhere ("GP started naproxen
last week", "Started spironolactone 4 weeks ago", "מאז התחלת רמרון"), as the page's verb
rule and set #6 read them. Stopped: stop, hold (before an injection too), a switch's old
drug, "instead of", a course finished, a patient who stopped, להפסיק, במקום. Continued:
continue, increase, reduce, "complete the course", a dose change reported ("since
amlodipine was increased"), להמשיך, להעלות, להפחית. Listed: taking, on, uses, in a list,
history or assessment, in the subjective without a verb (a past rescue course too), a drug
given in the room and written in the examination (triamcinolone and lidocaine for an
injection, lidocaine for an incision). No event: an allergy, an offer, a discussion, a
refusal, "consider", a plan that waits on a condition (a rescue pack "to start only if"),
a drug class (statin, SSRI, modulator therapy, COCP), a drug for the baby or a relative,
illicit drug use.

Diagnoses, by the doc's present / history rule. Symptoms and complaints are present; a
finding that names a condition (oedema, crackles, wheeze, thenar wasting, hyperreflexia,
nasal polyps, a parastomal hernia) is present; a vaguer finding (tenderness, crepitus,
track marks, a shallow latch) and a mental state line are not labelled. A condition the
plan gives as the reason for a stop or a dose change, in brackets or after a dash, is
present; one named only as what an order or referral is for is none (the doc). Negated: no,
denies, excluded, ruled out, "unlikely" (as NegEx reads it), "not supported", ללא, שולל,
נשלל. History: an event with its year, "as a child", בילדות, בעבר, "s/p", "resolved",
"fully recovered", a condition of an earlier pregnancy, a past ICU illness. A lasting
condition with its year is present (the year is its onset). No diagnosis: a relative's,
the baby's or a partner's condition, "?X", "X vs Y", "probable", "considered", "to be
excluded", "חשד ל", a risk ("risk of self-harm raised"), smoking and alcohol intake,
social problems (isolation, debts), a questionnaire's name, an allergy's reaction.

Procedures: done at the visit (ECG, spirometry, audiometry, tympanometry, microsuction, an
Epley manoeuvre, proctoscopy's banding, rigid sigmoidoscopy, a core biopsy, a cyst
aspiration, an ultrasound or mammogram reported in the examination, an x-ray read today,
incision and drainage, a steroid injection, suture removal, vaccinations and the flu
vaccine); ordered with status "ordered" (requested, booked, listed for an operation, הוזמן),
a test ordered for two weeks' time included. Imaging is named "<modality> <site>" by the
doc. No procedure: bloods and cultures sent, a result quoted in the assessment ("excluded on
CTPA", "on home sleep study"), a past operation (a week ago included, "s/p", "PSH:",
ניתוחים:), a procedure offered, declined, discussed or waiting on a condition, a test due
later ("repeat audiogram in 6 months"), manual therapy (mobilisation, HVLA, soft tissue
work), hearing aid fitting and adjustment, splints, dressings and compression, talking
treatments given by the clinic itself (CBT sessions, a brief intervention).
Referrals made at the visit are "referral: <service>", "Letter to GP" included; one that
waits on a condition, one made by someone else, and one for the baby or a relative are
none.

Visits: from the subjective's opener (a new referral, first or initial assessment, intake,
reception screen, a drop-in or a healthcare application is initial; a review, revalidation,
renewal, follow-up or a numbered session follow-up; a phone, video, remote or virtual
appointment telehealth alone); a subjective without an opener has no visit fact.

Typos are labelled as what they mean, and Hebrew lines with English drug names as the drug.
"""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.stored import StoredSet

SEED = 20261126
DATA = Path(__file__).with_name("data.json")
_SET = StoredSet(SEED, DATA)
seed, records, fields = _SET.seed, _SET.records, _SET.fields
