"""Blind set #10 of the timeline extractor: 130 note fields, 558 labels, written without reading the
extractor, its lexicons and resources, its outputs or the other sets' notes (only
core/timeline/types.py, the blind scorer - bench/timeline/eval_blind.py and kit/scoring.py,
facts.py, stored.py - set #9's docstring and set.toml, and the first three records of set #9 for the
format were read). Exactly half Hebrew (65 fields: Israeli clinical shorthand, brand names in Hebrew
letters - אלטרוקסין, גלוקומין, אומניק, קלקסן, אופב - מ"ג / מק"ג / יח' / מ"ק, dates like 3.3.24,
English terms inside Hebrew: MRI, CT, BPPV, IPF, CBT, ECG), half English (UK and US spelling, lb,
stones and pounds, feet and inches, °F, g/L haemoglobin, mmol/L glucose, µmol/L creatinine, IFCC
HbA1c in mmol/mol).

Ten clinics none of the earlier sets used, several clients each over several visits, all five
fields: nephrology (CKD, ADPKD, IgA nephropathy), rheumatology (RA, gout, PMR, ankylosing
spondylitis), ENT (nasal polyps, tonsils and glue ear, BPPV, otitis externa), urology (LUTS,
recurrent UTI, stones, incontinence), gastroenterology and hepatology (ulcerative colitis,
cirrhosis, dyspepsia, colonoscopy), neurology (migraine, epilepsy, MS), respiratory (COPD, asthma,
IPF), antenatal care, community mental health and oncology survivorship follow-up. Styles: free
prose (25), SOAP headings (7), bullets (20), numbered lists (17), plain lines (30), semicolons (13),
run-on lines (5), EHR-export lines (13: "Systolic Blood Pressure: 148 mmHg", "Heart rate: 78.4
/min", "Creatinine in Blood: 1.82 mg/dL", "לחץ דם סיסטולי: 156 מ"מ כספית", "קריאטינין בדם: 3.4
מ"ג/ד"ל"); abbreviations, lay words ("waterworks trouble", "tummy ache", "chest infections", "kidney
infection", "blocked nose") and a few typos ("hesitency", "azithromicin", "propanolol", "אלטרוקסן").

Labels, by kind: diagnosis 200 (present 137, negated 25, history 38), procedure 77 (done 24, ordered
53, of them 21 referrals), measurement 135, medication 108 (started 34, stopped 7, continued 23,
listed 44), visit 38; no flags. Conventions: those of set #9, and these as this set applies them:
- a value from another time is not labelled ("Hb 121 g/L in January", "eGFR 21 אז" beside a date, a
  worst pain "8/10 at worst"); a reading's two halves ("BP 152/98") are two labels on one span, and
  a repeated reading is labelled again;
- a family member's condition ("Father had bowel cancer", "אמה סובלת מדיכאון"), an uncertain one
  ("?OSA", "?stone", "likely", "unlikely", "חשד ל") and a differential are not labelled; numbers in
  a condition's name are part of it ("CKD stage 3b", "type 2 diabetes", "stage III colon cancer",
  "שיתוק עצב 6");
- a condition is named with the most usual English clinical name for what the note says, no vaguer
  ("waterworks trouble" is lower urinary tract symptoms, "tummy ache" abdominal pain, "heartburn"
  heartburn), with aliases for its other common names, abbreviations, both spellings and, in Hebrew
  fields, sometimes the Hebrew term; a condition in the medical_history field or written as past
  ("h/o", "after", "מצב לאחר", a dated episode) is history, one denied or ruled out ("no", "denies",
  "ללא", "אין עדות ל") negated, any other present;
- scores and results that are no measure are not labelled (DAS28, IPSS, CAT, Epworth, Mayo, PSA,
  CEA, calprotectin, ESR and CRP, FEV1, FVC and DLCO, EF, post-void residual, waist, a urine
  albumin:creatinine ratio, which is no creatinine, and a fetal heart rate, which is not the
  client's); respiratory rate and TSH are labelled where written (one reading each; no sodium,
  potassium or triglycerides are written); measurement values are in the unit of MEASURES: lb x
  0.45359237, inches x 2.54, °F to °C, haemoglobin g/L / 10, creatinine µmol/L / 88.4, IFCC HbA1c
  0.09148 x + 2.152, and glucose mmol/L x 18.008 (between the x18 and x18.016 conversions and within
  the scorer's tolerance of both, for the values written here, all under 6.3 mmol/L); a range of
  motion is labelled in degrees;
- a medication's status follows its verb: "start", "add", "prescribed", "given", "להתחיל", "הוחלט
  להוסיף" started; "stop", "להפסיק" stopped; "continue", "complete the course", "להמשיך" continued;
  a drug in a list or one the client is on, takes, uses or "since starting" listed; a drug only
  discussed, offered or for use if something happens ("rescue pack ... to use if he flares", "Ajovy
  if this fails", "בטאסרק - לא נדרש") is not labelled, nor a drug level ("lithium level 0.7"); the
  dose is as written;
- a procedure done at the visit has no status, one requested, booked or to be ordered is "ordered",
  and a referral ("refer to", "הפניה ל") is "referral: <specialty>", ordered; an operation in the
  history or dated in the past (C-section, cholecystectomy 2014, CABG 2018, a stent in 2015, "last
  DEXA") is no procedure, and an examination (of the ears, PR, fundoscopy) is none either, while a
  named test or manoeuvre (Dix-Hallpike test, Epley manoeuvre, bladder scan, urea breath test) is;
- a visit label is this note's own type (follow-up, initial, telehealth); a review or call planned
  for later ("Review 3 months", "Tel review 1/52", "ביקורת טלפונית בעוד חודש") is no visit.
"""
