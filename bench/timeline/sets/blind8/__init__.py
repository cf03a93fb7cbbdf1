"""Blind set #8 for the timeline extractor (`core.timeline.extract.extract`), issue 27: note
fields of fourteen clinics no earlier set keeps (a falls clinic, an osteoporosis and bone
health clinic, a continence nurse clinic, a stop smoking service, a lymphoedema clinic, a
burns and dressing clinic, amputee rehabilitation and prosthetics, a post-COVID clinic,
pulmonary rehabilitation, a clinical pharmacist's medication review, a rural general
practice, neonatal follow-up of preterm babies, a community mental health team and a
postnatal clinic), written while round 7 tuned the extractor on set #5, without reading the
extractor, its lexicons, the other sets' generators, snippets or data; its author read only
core/timeline/types.py, docs/timeline.md, the scorer, the blind evals, the shared loaders
and sets #5's to #7's docstrings and set #5's markup. Keep it out of the tuning loop:
`python -m bench.timeline.eval_blind blind8` prints aggregates and counted causes, never a text or a
name. Once fixes are made against its causes it is a development set.

data.json is the set, committed so it never drifts; `python -m bench.timeline.sets.blind8`
rewrites it from the generator (generate.py, seed SEED) and the test checks it would write
the same. Each clinic's lines are in snippets/<clinic>.txt under `## <en|he> <field>` (`#!`
lines are the author's notes; a subjective's opener starts with `^`), labelled inline with
set #5's markup (`[[words||spec]]`, bench/timeline/kit/markup.py, through the shared
walk of bench/timeline/kit/inline.py). generate.py deals each section's lines into fields
of one to three lines (a subjective mostly led by an opener; one without has no visit
fact), so a line is used about twice, each time among other lines and laid out anew: lines,
bullets, a numbered or "#1" list, a paragraph, semicolons, a heading (S:, O/E:, Imp:, Mx:,
PMH:, אנמנזה:, בדיקה גופנית:, התרשמות:, המלצות:, רקע:) or a dictated run-on joined by
"..."; a plan is never joined by semicolons or dots (a verb would reach the next drug), nor
a field that negates (a semicolon may not end a negation's scope). A slot takes a measure
in the next of its written styles (`{bp}`, `{weight}`, ...; styles.toml, eleven a measure,
a Hebrew note taking the Hebrew ones first and then the English ones, as Israeli clinicians
write "BP 130/80" in Hebrew; its value drawn in ranges.toml's range) or a group
(`{vitals}`, `{labs}`, `{lipids}`, `{body}`, `{mood}`; groups.toml), or an unbelievable
value (`{flag}`; flags.toml). The headings and a list's marks are layout.toml's;
the kit's VocabFile reads these files. names.py gives diagnoses, procedures and
referrals their other names; a diagnosis also takes its words as written, and a Hebrew
procedure its Hebrew words.

Labelling follows docs/timeline.md where it speaks. Where it is silent this set decides:

Measurements: the value in MEASURES' unit from the number as written, to 2 decimals (lb x
0.45359237, inches x 2.54, metres x 100, (F - 32) x 5/9, cholesterols mmol/L x 38.67,
glucose mmol/L x 18.0, creatinine umol/L / 88.4, HbA1c mmol/mol / 10.929 + 2.15); a number
with no unit is in MEASURES' unit. A blood pressure is a systolic and a diastolic fact on
the same words; lying and standing are a reading each, and so are a supine and a standing
heart rate. A baby in the neonatal clinic is the patient: its weight (kg), length (as
height) and heart rate are facts. No fact: a head circumference, a limb volume or girth, a
T-score, carbon monoxide in ppm, EPDS, MoCA, Centor, Fagerström, MRC grade, Borg, walk and
stand tests and their nadir saturations, a heart rate's rise on standing, FEV1, QTc,
potassium, calcium, vitamin D, ferritin, TSH, PTH, Hb, an earlier value ("was 165 cm at
30", "was 31 at baseline"), a weight gained or lost.

Flags: an unbelievable value (BP 1460/88, a systolic not above its diastolic, HR 318,
weight 7650 kg, SpO2 187%, T 398, HbA1c 71%, PHQ-9 41, GAD-7 29, pain 14/10, BMI 312,
height 1720 cm, and Hebrew ones) is a flag named after its measure ("bp" for a pressure)
and no fact.

Medications: the generic name in English, lower case, whatever brand (Betmiga, Vagifem,
Spiriva, Daxas, Clenil, Flamazine, Silverol, Fosalan, Prolia, Eltroxin, Omepradex, Simovil,
Normiten, Fusid, Eliquis, Cipralex, Lyrica, Champix, Risperdal, Abilify, Acamol, Ventolin,
Bondormin) or Hebrew spelling is written; vitamin d, paracetamol, salbutamol, insulin
glargine, cephalexin and ferrous sulfate as earlier sets name them, alendronic acid,
phenoxymethylpenicillin, silver sulfadiazine and beclometasone, whose other official names
the eval reads as these. Started: start, add, a plan line with no verb, the new drug of a
switch, להתחיל, and a start reported from elsewhere ("GP started Betmiga 3 wks ago",
"Started gabapentin ... in hospital"). Stopped: stop, a switch's old drug, a course
complete, a patient who stopped ("Stopped taking atorvastatin 2 months ago", הפסיקה
לקחת), להפסיק. Continued: continue, increase, reduce, להמשיך, להעלות, להפחית. Listed:
taking, on, using, buys, in a list, the history or the assessment, the subjective without
a verb, and a depot "given today" (the doc's rule for a dose given in the room). No event:
an allergy, an offer, "considered", a declined drug, a plan that waits on a condition (a
rescue pack "to start only if"), a class (statin, ACEi, anticholinergics, NSAIDs, steroids,
abx, aromatase inhibitor, HRT, the pill), a combination product, a drug of the baby's in
the mother's note or of the mother's in the baby's, a past course with no drug named.

Diagnoses, by the doc's present / history rule. Symptoms and complaints are present; a
finding that names a condition (oedema, wheeze, kyphosis, a cystocele, an umbilical
hernia, a murmur, a knee effusion, tonsillar exudate, hypergranulation) is present; a
vaguer finding and a mental state line are not labelled. Negated: no, denies, excluded,
ruled out, "unlikely" (as NegEx reads it), ללא, שולל, נשלל(ה) after the name. History: an
event with its year or "last year", "as a child", בעבר, "in remission", "resolved",
"cured", שנספג, a condition of an earlier pregnancy or of this one now resolved, the COVID
infection a post-COVID clinic dates from. A lasting condition with its year or "since" is
present. No diagnosis: a relative's, the baby's (in the mother's note) or the mother's (in
the baby's) condition, "?X", "probable", "considered", a risk, smoking and drinking, social
problems, a questionnaire's name, an allergy's reaction, a condition named only inside a
condition of the plan ("if reflux worse"), and what a new drug is for ("cetirizine for
itch", "as cellulitis prophylaxis"), as what an order or referral is for is none; a reason
the plan gives for a stop after a dash is present, as set #7 reads it.

Procedures: done at the visit (ECG, a DEXA, a bladder scan or ultrasound reported in the
examination, a hip ultrasound, suturing, a cervical smear, a tetanus booster and the
baby's immunisations as "vaccination"); ordered with status "ordered" (requested, booked,
arranged, הוזמן). Imaging is "<modality> <site>" by the doc ("x-ray knee", "mri spine",
"ct chest", "ultrasound leg" for an arterial duplex). No procedure: bloods sent, a urine
dip, a result quoted ("excluded on Holter", "נשללה באקו", "spirometry 2022"), a past
operation (PMH, "post TTA", a hysterectomy with its year), an amputation, manual
lymphatic drainage, compression garments, dressings, inhaler technique, mirror therapy at
home, a procedure or referral that waits on a condition, a test due later. Referrals made
at the visit are "referral: <service>" ("Letter to GP" is "referral: gp"); "referred by"
and "הופנה ע"י" are where the patient came from, no referral.

Visits: from the subjective's opener: a new patient or referral, first or initial
assessment, intake (פגישת קליטה), a walk-in or urgent visit with no booking (ביקור דחוף ללא
תור) is initial; a review, follow-up, a numbered week's review, a depot clinic review, a
postnatal review, ביקור חוזר / מעקב is follow-up; a phone, telephone, video, virtual or
remote appointment is telehealth alone.

Typos are labelled as what they mean, and Hebrew lines with English drug names as the drug.
"""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.stored import StoredSet

SEED = 20261127
DATA = Path(__file__).with_name("data.json")
_SET = StoredSet(SEED, DATA)
seed, records, fields = _SET.seed, _SET.records, _SET.fields
