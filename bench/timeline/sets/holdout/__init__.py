"""A held-out labelled set for the timeline extractor
(`core.timeline.extract.extract(text, field)`): about 250 note fields (39% Hebrew) as GP,
physiotherapy, psychotherapy, diabetes-clinic and cardiology clinicians type them, each
labelled with the facts it holds. Written apart from the extractor and its lexicons and
from the main set (bench/timeline/sets/labelled/), whose author tunes on that one: this one says
whether the extractor generalises. Keep its texts out of the extractor's tuning loop;
`bench/timeline/eval_holdout.py` scores it and prints only aggregates.

`fields()` returns the fields (deterministic: one seeded random.Random); `labelled()` the
same with the implausible numbers each holds (for the tests). The data types
(LabelledField, ExpectedFact) and the scorer are the main set's
(`bench.timeline.kit.scoring.score_extraction`), so both sets are scored alike:

- a measurement matches on name, unit (the MEASURES unit) and value within 0.051;
- a medication on its generic name in lower case and its status;
- a diagnosis on its status and its name, one's words a subset of the other's, any listed
  spelling (English or Hebrew) counting as the name;
- a procedure, referral or visit on its name or a listed spelling, exactly (after
  normalisation);
- a flag on the measure's name ("bp" for a blood pressure).

Where those rules are silent, this set decides:

Measurements
- Values are converted to the MEASURES unit and rounded to 2 decimals: lb x 0.45359237,
  feet and inches x 2.54, metres x 100, (°F - 32) x 5/9, LDL/HDL/total cholesterol
  mmol/L x 38.67, glucose mmol/L x 18.0, creatinine µmol/L / 88.4, HbA1c mmol/mol /
  10.929 + 2.15. A value in mmol is always written with its unit (on the item or the
  panel's heading); bare lipid and glucose values are mg/dL; "cholesterol 210" alone is
  total cholesterol.
- Each blood-pressure reading gives a systolic and a diastolic fact; a repeat reading
  gives two more. A "T P R BP" line gives temperature, heart rate and blood pressure
  (respiratory rate is no MEASURES key). An HbA1c written in mmol/mol with the percentage
  beside it is one fact. Each range-of-motion angle is a fact (AROM and PROM of one joint
  are two); the joint is not scored.
- Not facts: targets and goals ("target A1c < 7%", "יעד LDL מתחת ל-70"), changes and
  earlier values given for comparison ("down 2 kg", "ירידה של 3 ק"ג"), tests to be done
  ("repeat HbA1c in 3 months"), numbers that are no MEASURES key (TG, EF, muscle power
  "4/5", respiratory rate).
- An implausible value (about 25, e.g. a dropped decimal point) is a flag named after
  its measure, and no fact: for a blood pressure neither half is a fact.

Medications
- started: start, commence, initiate, new, Rx, add, "התחלנו", "הוחל טיפול", "להתחיל";
  stopped: stop, d/c, discontinue, cease, "off X since ...", "הופסק", "להפסיק";
  continued: continue, cont., c/w, remains on, keep, no change to, "ממשיך", "ללא שינוי",
  and a dose change ("increase X to ...": the drug goes on); listed: a medication list or
  "on / takes / נוטל / מקבל X".
- A switch ("switched X to Y", "הוחלף X ל-Y") is X stopped and Y started.
- Brands, Israeli brands (Glucomin, Cardiloc, Fusid ...), misspellings and Hebrew
  transliterations all expect the generic name in English.
- Not medication events: allergies ("allergic to penicillin", "רגישות לאיבופרופן", even
  of a drug the extractor knows), and drugs offered, considered or declined.

Diagnoses
- present: a condition the patient has now, including chronic conditions on a problem
  list, a background list ("רקע:") or in the medical-history field; and a symptom given
  as the complaint ("c/o headache", "מתלונן על שיעול").
- negated: denied or ruled out ("denies SI", "no evidence of DVT", "נשלל שבר", "שולל
  כאבים בחזה").
- history: a past, resolved condition or event ("h/o MI", "previous PE", "s/p CVA
  (2015)", "בעבר", "מצב לאחר").
- Family history ("mother has diabetes", "אמא עם סוכרת") is not the patient's: no fact.
  Allergies are not diagnoses. Examination findings ("afebrile", "chest clear", "NSR")
  are not diagnoses.

Procedures, referrals, visits
- A procedure counts whether done at the visit or ordered/booked in the plan (ECG, echo,
  Holter, stress test, spirometry, injections, dry needling, ear syringing, suture
  removal, flu vaccine, diabetic foot exam, X-ray, ultrasound); a test ordered is a
  procedure, not a referral. A referral is "referral: <specialty>" (also a referral to a
  dietitian or cardiac rehabilitation).
- A visit fact is the type of the visit the note records: "follow-up", "initial" or
  "telehealth" (a telephone or video visit is "telehealth", once). A future appointment
  ("F/U 3/12", "RTC 3 months", "מעקב בעוד 3 חודשים") is not a visit fact.
"""

from bench.timeline.sets.holdout.fields import SEED, Holdout, fields, labelled

__all__ = ["SEED", "Holdout", "fields", "labelled"]
