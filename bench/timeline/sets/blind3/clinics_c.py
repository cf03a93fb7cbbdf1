# ruff: noqa: E501 (each snippet on one line, as a clinician typed it and as it is labelled)
"""Addiction and psychiatry follow-up, the diabetes nurse clinic and a telehealth GP (see
clinics_a.py)."""

from __future__ import annotations

from bench.timeline.sets.blind3.clinic import Clinic

ADDICTION = Clinic(
    "addiction psychiatry",
    en={
        "S": [
            "Abstinent from alcohol 4 months, attending AA twice weekly. Cravings 3-4x/wk",
            "Reports ⟦low mood|dx:low mood:present⟧ and ⟦poor sleep|dx:insomnia:present⟧ since losing his job. Denies ⟦suicidal ideation|dx:suicidal ideation:negated⟧",
            "Stopped ⟦sertraline|rx:sertraline:stopped:⟧ 2 weeks ago on his own, 'felt flat'",
            "Used heroin once last month (lapse). No ⟦overdose|dx:overdose:negated⟧",
            "Sleeping 5h, ⟦anxiety|dx:anxiety:present⟧ worse in the mornings, no ⟦panic attacks|dx:panic attacks:negated⟧",
        ],
        "O": [
            "Casually dressed, good rapport, speech normal rate. Mood 'ok', affect reactive",
            "No ⟦psychotic features|dx:psychosis:negated⟧. Insight fair",
        ],
        "A": [
            "⟦Alcohol use disorder|dx:alcohol use disorder:history⟧, in early remission",
            "⟦Opioid use disorder|dx:opioid use disorder:present⟧ on OST, stable",
            "⟦Major depressive disorder|dx:major depressive disorder:present⟧, recurrent, moderate",
            "⟦GAD|dx:generalized anxiety disorder:present⟧",
            "Risk: low, no current ⟦SI|dx:suicidal ideation:negated⟧ or plan. Protective: daughter",
            "Bipolar disorder considered but no history of ⟦mania|dx:mania:negated⟧",
        ],
        "P": [
            "Continue ⟦buprenorphine 16 mg|rx:buprenorphine:continued:16 mg⟧ SL daily, weekly pick-up",
            "Start ⟦escitalopram 10 mg|rx:escitalopram:started:10 mg⟧ mane",
            "⟦Naltrexone 50 mg|rx:naltrexone:started:50 mg⟧ od - LFTs normal last month",
            "Acamprosate offered, declined",
            "Taper ⟦diazepam|rx:diazepam:continued:⟧ by 2 mg every 2 weeks",
            "⟦Refer to psychology|ref:psychology⟧ for CBT",
            "Safety plan reviewed. Crisis line number given",
            "If relapses, discuss residential rehab",
        ],
        "H": [
            "⟦Hepatitis C|dx:hepatitis c:history⟧ treated 2019, SVR",
            "⟦Depression|dx:depression:present⟧ since teens, 2 admissions",
            "Past ⟦overdose|dx:overdose:history⟧ 2017 (opioids)",
            "Meds: ⟦Subutex 16mg|rx:buprenorphine:listed:16mg⟧, ⟦quetiapine 25mg|rx:quetiapine:listed:25mg⟧ nocte",
            "Father alcohol dependence. Allergy: none",
        ],
    },
    he={
        "S": [
            "נמנע מאלכוהול 4 חודשים, משתתף בקבוצות AA",
            "מדווח על ⟦מצב רוח ירוד|dx:low mood:present⟧ ו⟦נדודי שינה|dx:insomnia:present⟧ מאז פוטר. שולל ⟦מחשבות אובדניות|dx:suicidal ideation:negated⟧",
            "הפסיק ⟦Cipralex|rx:escitalopram:stopped:⟧ על דעת עצמו לפני שבועיים",
            "⟦חרדה|dx:anxiety:present⟧ בעיקר בבקרים, ללא ⟦התקפי פאניקה|dx:panic attacks:negated⟧",
        ],
        "O": [
            "לבוש מסודר, קשר עין טוב, דיבור תקין. אפקט תואם",
            "ללא ⟦סימנים פסיכוטיים|dx:psychosis:negated⟧. תובנה חלקית",
        ],
        "A": [
            "⟦הפרעת שימוש באלכוהול|dx:alcohol use disorder:history⟧ ברמיסיה מוקדמת",
            "⟦הפרעת שימוש באופיואידים|dx:opioid use disorder:present⟧, יציב על טיפול תחליפי",
            "⟦דיכאון מז'ורי|dx:major depressive disorder:present⟧, חוזר, בינוני",
            "סיכון אובדני נמוך, ללא תכנית",
        ],
        "P": [
            'להמשיך ⟦בופרנורפין 16 מ"ג|rx:buprenorphine:continued:16 מ"ג⟧ תת לשוני',
            'להתחיל ⟦Cipralex 10 מ"ג|rx:escitalopram:started:10 מ"ג⟧ בבוקר',
            "הוצע Campral, סירב",
            "⟦הפניה לפסיכולוג|ref:psychology⟧ לטיפול CBT",
            "⟦Vaben|rx:oxazepam:continued:⟧ - הפחתה הדרגתית",
        ],
        "H": [
            "⟦הפטיטיס C|dx:hepatitis c:history⟧ שטופלה ב-2019",
            "⟦דיכאון|dx:depression:present⟧ מגיל ההתבגרות",
            'מקבל ⟦סובוטקס 16 מ"ג|rx:buprenorphine:listed:16 מ"ג⟧, ⟦Seroquel 25 מ"ג|rx:quetiapine:listed:25 מ"ג⟧ בלילה',
            "אבא - תלות באלכוהול",
        ],
    },
)

DIABETES_NURSE = Clinic(
    "diabetes nurse",
    en={
        "S": [
            "Checking sugars twice daily. 2 ⟦hypos|dx:hypoglycemia:present⟧ last week, both before lunch",
            "Missed ⟦metformin|rx:metformin:listed:⟧ doses most evenings",
            "Started ⟦Ozempic 0.25 mg|rx:semaglutide:started:0.25 mg⟧ 3 weeks ago via endo",
            "No ⟦foot ulcers|dx:foot ulcer:negated⟧, no ⟦numbness|dx:numbness:negated⟧ in feet",
            "Diet: cut sugary drinks, walking 30 min most days",
        ],
        "O": [
            "⟦Diabetic foot exam|pr:diabetic foot exam⟧: monofilament 10/10 bilat, pulses palpable",
            "Injection sites rotated, no ⟦lipohypertrophy|dx:lipohypertrophy:negated⟧",
            "Meter download reviewed with patient",
        ],
        "A": [
            "⟦T2DM|dx:type 2 diabetes:present⟧ - suboptimal control",
            "⟦Hypoglycaemia|dx:hypoglycemia:present⟧ on ⟦gliclazide|rx:gliclazide:listed:⟧",
            "No ⟦retinopathy|dx:retinopathy:negated⟧ on last screen",
            "Target A1c < 7%",
        ],
        "P": [
            "Stop ⟦gliclazide|rx:gliclazide:stopped:⟧, start ⟦empagliflozin 10 mg|rx:empagliflozin:started:10 mg⟧",
            "⟦Lantus|rx:insulin glargine:continued:⟧ increase to 26 units; titrate by 2 units every 3 days if FBG > 130",
            "Continue ⟦metformin 1 g|rx:metformin:continued:1 g⟧ bd",
            "⟦Glucagon kit|rx:glucagon:started:⟧ prescribed, husband shown how to use",
            "⟦Retinal screening booked|pr:retinal screening:ordered⟧",
            "⟦Referral to podiatry|ref:podiatry⟧",
            "Next review 3 months with bloods",
        ],
        "H": [
            "⟦Type 2 diabetes|dx:type 2 diabetes:present⟧ dx 2012, ⟦dyslipidaemia|dx:dyslipidemia:present⟧",
            "h/o ⟦DKA|dx:diabetic ketoacidosis:history⟧ 2020",
            "Medications: ⟦Glucomin 850|rx:metformin:listed:850⟧ x2, ⟦Lipitor 20mg|rx:atorvastatin:listed:20mg⟧, ⟦Trulicity 1.5 mg|rx:dulaglutide:listed:1.5 mg⟧ weekly",
            "Mother and brother T2DM",
        ],
    },
    he={
        "S": [
            "מודדת סוכר פעמיים ביום. 2 ⟦היפוגליקמיות|dx:hypoglycemia:present⟧ בשבוע האחרון",
            "שוכחת לעתים את ⟦הגלוקומין|rx:metformin:listed:⟧ בערב",
            'התחילה ⟦אוזמפיק 0.25 מ"ג|rx:semaglutide:started:0.25 מ"ג⟧ לפני 3 שבועות דרך האנדוקרינולוג',
            "שוללת ⟦פצעים בכפות הרגליים|dx:foot ulcer:negated⟧",
        ],
        "O": [
            "⟦בדיקת כף רגל סוכרתית|pr:diabetic foot exam⟧: מונופילמנט תקין דו צדדי, דפקים נמושים",
            "אתרי הזרקה תקינים",
        ],
        "A": [
            "⟦סוכרת סוג 2|dx:type 2 diabetes:present⟧ לא מאוזנת",
            "⟦היפוגליקמיה|dx:hypoglycemia:present⟧ על רקע ⟦Diamicron|rx:gliclazide:listed:⟧",
            "יעד HbA1c מתחת ל-7%",
            "ללא ⟦רטינופתיה|dx:retinopathy:negated⟧ בבדיקה האחרונה",
        ],
        "P": [
            'להפסיק ⟦Diamicron|rx:gliclazide:stopped:⟧, להתחיל ⟦ג\'רדיאנס 10 מ"ג|rx:empagliflozin:started:10 מ"ג⟧',
            "⟦Toujeo|rx:insulin glargine:continued:⟧ - העלאה ל-26 יח'",
            'ממשיכה ⟦Glucophage 1000 מ"ג|rx:metformin:continued:1000 מ"ג⟧ פעמיים ביום',
            "⟦הפניה לפודיאטר|ref:podiatry⟧",
            "⟦נקבע תור לבדיקת קרקעית עין|pr:retinal screening:ordered⟧",
        ],
        "H": [
            "ברקע: ⟦סוכרת סוג 2|dx:type 2 diabetes:present⟧ מ-2012, ⟦דיסליפידמיה|dx:dyslipidemia:present⟧",
            "⟦DKA|dx:diabetic ketoacidosis:history⟧ ב-2020",
            'תרופות: ⟦Glucomin 850|rx:metformin:listed:850⟧ פעמיים, ⟦Lipitor 20 מ"ג|rx:atorvastatin:listed:20 מ"ג⟧',
            "אמא ואח עם סוכרת",
        ],
    },
)

TELEHEALTH = Clinic(
    "telehealth gp",
    en={
        "S": [
            "3 days of ⟦sore throat|dx:sore throat:present⟧ and ⟦cough|dx:cough:present⟧, no ⟦shortness of breath|dx:dyspnea:negated⟧",
            "⟦Dysuria|dx:dysuria:present⟧ and ⟦frequency|dx:urinary frequency:present⟧ x2 days, no ⟦fever|dx:fever:negated⟧, no ⟦flank pain|dx:flank pain:negated⟧",
            "Needs repeat of ⟦amlodipine|rx:amlodipine:listed:⟧, BP fine at home",
            "⟦Rash|dx:rash:present⟧ on forearms after gardening, ⟦itchy|dx:pruritus:present⟧",
            "Finished ⟦amoxicillin|rx:amoxicillin:stopped:⟧ course yesterday, feels better",
        ],
        "O": [
            "Observed on video: speaking full sentences, no distress",
            "Photo of ⟦rash|dx:rash:present⟧ reviewed: erythematous papules",
            "Unable to examine - phone consult",
        ],
        "A": [
            "⟦Viral URTI|dx:upper respiratory tract infection:present⟧",
            "⟦Uncomplicated cystitis|dx:cystitis:present⟧",
            "⟦Contact dermatitis|dx:contact dermatitis:present⟧",
            "⟦HTN|dx:hypertension:present⟧ - controlled per home readings",
            "⟦COVID-19|dx:covid-19:negated⟧ ruled out - home antigen negative x2",
        ],
        "P": [
            "⟦Nitrofurantoin 100 mg|rx:nitrofurantoin:started:100 mg⟧ bd x 5 days",
            "⟦Hydrocortisone 1% cream|rx:hydrocortisone:started:1%⟧ bd x 7d",
            "Renew ⟦amlodipine 5 mg|rx:amlodipine:continued:5 mg⟧ x 3 months",
            "Safety net: return if fever, flank pain or vomiting",
            "No antibiotics needed; fluids, ⟦paracetamol|rx:paracetamol:started:⟧ prn",
            "Face to face visit if not better in a week",
            "Allergic to penicillin - avoid amoxicillin",
        ],
        "H": [
            "PMH: ⟦HTN|dx:hypertension:present⟧, ⟦GERD|dx:gerd:present⟧",
            "⟦Pyelonephritis|dx:pyelonephritis:history⟧ 2019",
            "Regular meds: ⟦Amlow 5mg|rx:amlodipine:listed:5mg⟧, ⟦Omepradex 20mg|rx:omeprazole:listed:20mg⟧",
            "Allergy: penicillin (rash)",
        ],
    },
    he={
        "S": [
            "3 ימים ⟦כאב גרון|dx:sore throat:present⟧ ו⟦שיעול|dx:cough:present⟧, ללא ⟦קוצר נשימה|dx:dyspnea:negated⟧",
            "⟦צריבה במתן שתן|dx:dysuria:present⟧ יומיים, ללא ⟦חום|dx:fever:negated⟧",
            'מבקשת חידוש מרשם ⟦Amlow|rx:amlodipine:listed:⟧, ל"ד תקין בבית',
            "סיימה את ⟦המוקסיפן|rx:amoxicillin:stopped:⟧ אתמול, מרגישה טוב יותר",
        ],
        "O": [
            "בשיחת וידאו: מדברת במשפטים מלאים, ללא מצוקה",
            "לא ניתן לבדוק - שיחה טלפונית",
        ],
        "A": [
            "⟦זיהום ויראלי בדרכי הנשימה העליונות|dx:upper respiratory tract infection:present⟧",
            "⟦דלקת בשלפוחית השתן|dx:cystitis:present⟧",
            '⟦יל"ד|dx:hypertension:present⟧ מאוזן',
            "נשלל ⟦COVID-19|dx:covid-19:negated⟧ - 2 בדיקות אנטיגן שליליות",
        ],
        "P": [
            '⟦Macrodantin 100 מ"ג|rx:nitrofurantoin:started:100 מ"ג⟧ פעמיים ביום ל-5 ימים',
            'חידוש ⟦Amlow 5 מ"ג|rx:amlodipine:continued:5 מ"ג⟧ ל-3 חודשים',
            "לחזור אם חום או כאבי מותניים",
            "אם אין שיפור תוך שבוע - ביקור פרונטלי",
            "רגישה לפניצילין",
        ],
        "H": [
            'ברקע: ⟦יל"ד|dx:hypertension:present⟧, ⟦ריפלוקס|dx:gerd:present⟧',
            "⟦פיילונפריטיס ב-2019|dx:pyelonephritis:history⟧",
            'נוטלת ⟦Amlow 5 מ"ג|rx:amlodipine:listed:5 מ"ג⟧, ⟦אומפרדקס 20 מ"ג|rx:omeprazole:listed:20 מ"ג⟧',
        ],
    },
)
