"""Blind set #6 for the timeline extractor (`core.timeline.extract.extract`), issue 27: 425
note fields (42% Hebrew) of twenty clinics no earlier set keeps (an anticoagulation clinic,
a heart-failure nurse clinic, cardiac rehabilitation, stroke follow-up, a memory clinic, an
epilepsy clinic, movement disorders, pre-operative assessment, a TB clinic, sexual health
and HIV, a menopause clinic, a lipid clinic, a haemodialysis unit, transplant follow-up,
urgent care, an eating disorders service, perinatal mental health, child development and
neonatal follow-up, dental and oral surgery, and refugee health), written while round 5
tuned the extractor on set #5, without reading the extractor, its lexicons, the other
sets' generators, snippets or data; its author read only core/timeline/types.py,
docs/timeline.md, the scorer, the blind evals and set #5's docstring and markup. Keep it
out of the tuning loop: `python -m bench.timeline.eval_blind blind6` prints aggregates and counted
causes, never a text. Once fixes are made against its causes it is a development set.

data.json is the set, committed so it never drifts; `python -m bench.timeline.sets.blind6`
rewrites it from the generator (generate.py, seed SEED) and the test checks it would write
the same. Each clinic's snippets are in snippets/<clinic>.txt, one field a block, under
`## <en|he> <field>` (`#!` lines are the author's notes), labelled inline with set #5's
markup (`[[words||spec]]`, bench/timeline/kit/markup.py, through the shared walk of
bench/timeline/kit/inline.py); `{slot}` takes a measure in the next of its written styles
(measures.py with styles.txt: at least ten a measure, Hebrew lines also take the English
ones, as Israeli clinicians write "BP 130/80" in a Hebrew note), its value drawn in the
slot's range (slots.toml). generate.py lays each block out as lines, sentences as bullets
or a numbered or "#1" list, a paragraph, semicolons, a heading (S:, O/E:, Mx:, בדיקה
גופנית:, המלצות:), a block carried forward from the last visit, or a dictated run-on
joined by "..." (the marks, headings and carried-forward lines are layout.toml's;
tables.py reads both files). names.py gives diagnoses, procedures and referrals their
other names (aliases.toml).

Labelling follows docs/timeline.md where it speaks. Where it is silent this set decides:

Measurements: the value in MEASURES' unit from the number as written, to 2 decimals (lb x
0.45359237, inches x 2.54, metres x 100, ft'in" as inches, (F - 32) x 5/9, cholesterols
mmol/L x 38.67, glucose mmol/L x 18.0, creatinine umol/L / 88.4, HbA1c mmol/mol / 10.929 +
2.15); a number with no unit is in MEASURES' unit. A blood pressure is a systolic and a
diastolic fact on the same words; lying and standing, pre- and post-dialysis readings and
a recheck are each a reading, and a home weight reported now is one. A child's length is
its height. No fact: INR and a target INR range, a dry weight, a target weight, a drug's
level (tacrolimus, levetiracetam, carbamazepine), a baby's weight in the mother's note, head
circumference, exercise capacity (METs, 6MWT metres, Borg), Kt/V, CD4, viral load, Hb,
ferritin, potassium, triglycerides, Lp(a), FSH, the questionnaires that are no MEASURES key
(MoCA, MMSE, ACE-III, EPDS, HADS, PCL-5, EDE-Q, SCOFF, UPDRS, NIHSS, mRS, STOP-BANG,
Mallampati, Centor, Griffiths), a mouth opening in mm, an earlier value, a target.

Flags: an unbelievable value (BP 1620/90, a systolic not above its diastolic, HR 312, weight
4850 kg, height 1730 cm or 1.38 cm, SpO2 189%, T 397, HbA1c 71%, BMI 312, PHQ-9 41, GAD-7
35, pain 14/10) is a flag named after its measure ("bp" for a pressure) and no fact; the
recheck written beside it is a fact.

Medications: the generic name in English, lower case, whatever brand (Israeli ones too:
Fusid, Concor, Eliquis, Xarelto, Clexane, Coumadin, Lipitor, Crestor, Ezetrol, Plavix,
Brilinta, Keppra, Lamictal, Tegretol, Azilect, Requip, Aricept, Exelon, Ebixa, Prizma,
Serenada, Ritalin, Moxypen, Acamol, Nurofen, Etopan, Doxylin, Tivicay, Prograf, CellCept,
Valcyte, Eprex, Mimpara, Renvela, Alpha D3, Eltroxin, Glucophage, Estrogel, Utrogestan) or
Hebrew spelling is written; salbutamol, paracetamol, vitamin d and insulin glargine as
same_drug.toml names them, rifampicin, cephalexin and mycophenolate mofetil (the eval reads their
other official names as these). Vagifem and Evorel are estradiol, Mirena levonorgestrel,
Sytron sodium feredetate, iron drops or tablets (ברזל) ferrous sulfate, Repatha evolocumab.
Combination products are not labelled and are written only where they are talked about
(Entresto, PrEP, RHZE). Started: start, add, restart, prescribed, a plan line with no verb,
the new drug of a switch, להתחיל, להוסיף, and, as the page's verb rule reads them, a start
reported from elsewhere ("Recently started clarithromycin by GP", "Already started on
clopidogrel in ED", "since methylphenidate started"). Stopped: stop, omit, hold or withhold
(a drug held for an operation or until a result too), a switch's old drug, a course
finished, a patient who stopped or ran out, להפסיק (בהדרגה too), סיים. Continued: continue,
increase, reduce, uptitrate, a dose change reported ("since bisoprolol increased"), להמשיך,
להעלות, להפחית. Listed: taking, on, takes, uses, in a list, history or assessment, a drug
given in the room (ceftriaxone IM, inclisiran, iron sucrose on dialysis, local anaesthetic
for a procedure). No event: an allergy, an offer, a discussion, a refusal, "consider", a
plan that waits on a condition, a drug class (statin, DOAC, ART, HRT, antipsychotics,
bisphosphonates), a drug for a relative or partner, a drug's level.

Diagnoses, by the doc's present / history rule. Symptoms and complaints are present; a
finding that names a condition (oedema, corneal arcus, tendon xanthomata, warts, urethral
discharge, LBBB on an ECG) is present; a vaguer finding (tenderness, burrows, lanugo,
atrophy on a scan) is not labelled. A condition the plan gives as the reason for a dose
change ("given hallucinations") is present, as one in brackets is. A result that names a
condition ("chlamydia NAAT positive", "Hep B sAg positive") is present, "HIV negative" and
"serology negative" negated. Negated: no, denies, excluded, ruled out, "unlikely" (as NegEx
reads it), ללא, שולל(ת), נשלל(ה). History: an event with its year, "as a child", בילדות,
בעבר, "s/p" and "מצב לאחר", "resolved", "treated 2019", "settled", a condition of an earlier
pregnancy (postpartum psychosis after the first baby), prematurity in a baby's follow-up. No
diagnosis: a relative's or partner's condition, "?X", "X vs Y" and "מול", "חשד ל",
"considered", "probable", "presumed", a risk ("refeeding risk"), a screen's name
("depression screen negative"), an allergy's reaction, the operation a pre-operative visit
prepares for, and a transplant named as the patient's state ("renal transplant 2024").

Procedures: done at the visit (ECG, CXR, an x-ray, an OPG, cryotherapy, a botulinum toxin or
steroid injection, wound closure, an extraction, incision and drainage, a root canal
started, a vaccination, a flu vaccine, a CT whose result is written in the objective);
ordered with status "ordered" (requested, booked, הוזמן). Imaging is named "<modality>
<site>" by the doc. No procedure: a laboratory test sent (bloods, cultures, IGRA, genetic
testing), a result quoted in the assessment ("excluded on x-ray", "on Holter"), a past
operation (with its year, "s/p", "PSH:", ניתוחים:), the operation a pre-operative visit
prepares for, a result written as a score or a distance (Mantoux 15 mm, 6MWT 420 m), the
dialysis a dialysis unit's every visit is, dressings, a splint, a procedure offered,
declined, discussed or waiting on a condition. Referrals made at the visit are "referral:
<service>", "Letter to GP" and "health visitor" included, services joined by "and" (ו) one
each; one that waits on a condition is none.

Visits: from the subjective's opener (a new referral, first or pre-operative assessment,
a walk-in or emergency appointment or a first visit in a new unit is initial; a review,
follow-up, weigh-in or re-attendance follow-up; a phone, video, virtual or Zoom review
telehealth alone); a subjective without an opener has no visit fact.

Typos are labelled as what they mean, and Hebrew lines with English drug names as the drug.
"""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.stored import StoredSet

SEED = 20261127
DATA = Path(__file__).with_name("data.json")
_SET = StoredSet(SEED, DATA)
seed, records, fields = _SET.seed, _SET.records, _SET.fields
