"""Blind set #9 of the timeline extractor: 134 note fields, 516 labels, written without
reading the extractor, its lexicons, its outputs or the other sets (only core/timeline/types.py,
docs/timeline.md, the blind scorer and set #8's record format were read). Exactly half Hebrew
(67 fields: Hebrew clinical shorthand with Israeli brand names in Hebrew letters, מ"ג / מק"ג /
יח', dates like 3.3.24), half English (UK and US spelling, lb, feet and inches, °F, mmol/L
and µmol/L, IFCC HbA1c).

Ten clinics outside the usual GP and physiotherapy notes: dermatology, sleep clinic, speech
and language therapy (swallowing, voice, child language), dietetics (weight, renal,
gestational diabetes, coeliac), occupational health, geriatrics, fertility (IVF cycles),
pain clinic, diabetes specialist nurse and cardiac rehabilitation. Styles: free prose, SOAP
headings, bullets, numbered lists, semicolons, one run-on line, EHR-export lines
("Systolic Blood Pressure: 146 mmHg", "לחץ דם סיסטולי: 118 מ"מ כספית"), abbreviations and a
few typos ("sertralin").

Labels, by kind: measurement 140, diagnosis 186 (present, negated, history), medication 95
(started, stopped, continued, listed), procedure 52 (done, ordered, referrals), visit 43; no
flags. Measurement values are in the unit of MEASURES (lb, °F, mmol/L, µmol/L and mmol/mol
converted); respiratory rate is labelled where written (two readings). Conventions, as the
types and docs state them:
- a value from another time (an intake weight in 2019, "בביקור הקודם לחץ דם 150/90",
  "HbA1c (last month)", a lab dated before the visit, a value "at diagnosis", a worst-ever
  pain score, a pre-pregnancy weight) is not labelled: the types have no way to mark a
  reading as earlier, and a fact is dated by its note;
- a family member's condition, an uncertain one ("probable", "likely", "?", "חשד ל") and a
  differential are not labelled; the numbers of "type 2 diabetes", "CKD stage 3b", "L5/S1"
  are part of the name;
- scores that are no measure (itch NRS, ESS, MoCA, monofilament 10/10, power 5/5, tender
  points 14/18, LVEF %, BSA %) and ranges of home readings are not labelled;
- a drug only discussed, offered, conditional or for a later pregnancy is not labelled, nor a
  drug of an allergy; an operation in the history or dated in the past is no procedure.
"""
