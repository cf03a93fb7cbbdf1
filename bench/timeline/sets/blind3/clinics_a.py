# ruff: noqa: E501 (each snippet on one line, as a clinician typed it and as it is labelled)
"""Geriatrics, nephrology and rheumatology: what each writes in each field (S subjective,
O objective beyond the measures, A assessment, P plan, H medical history), in English and
Hebrew, labelled inline (markup.py). Measures are added by the composer from the styles."""

from __future__ import annotations

from bench.timeline.sets.blind3.clinic import Clinic

GERIATRICS = Clinic(
    "geriatrics",
    en={
        "S": [
            "Brought in by daughter, more ⟦confusion|dx:confusion:present⟧ over the past 2 weeks, 2 ⟦falls|dx:falls:present⟧ at home",
            "c/o ⟦dizziness|dx:dizziness:present⟧ on standing, no ⟦syncope|dx:syncope:negated⟧",
            "Daughter reports she stopped taking her ⟦donepezil|rx:donepezil:stopped:⟧ a month ago, 'it made her sick'",
            "Lives alone, walks with a frame, home help 3x/wk. Denies ⟦chest pain|dx:chest pain:negated⟧ or ⟦palpitations|dx:palpitations:negated⟧",
            "pt reports ⟦urinary incontinence|dx:urinary incontinence:present⟧, worse at night, no ⟦dysuria|dx:dysuria:negated⟧",
            "son says she has been sleeping most of the day, eating less, no ⟦fever|dx:fever:negated⟧. ?UTI vs meds",
        ],
        "O": [
            "Alert, oriented to person only. MMSE 21/30",
            "TUG 18 sec with frame. Mild bilateral ankle ⟦oedema|dx:edema:present⟧",
            "Orthostatic: lying then standing after 3 min, see vitals. ⟦ECG|pr:ecg⟧: sinus rhythm, no acute changes",
            "Skin intact. Gait broad based, unsteady",
        ],
        "A": [
            "⟦Orthostatic hypotension|dx:orthostatic hypotension:present⟧, likely med-related",
            "⟦Alzheimer's dementia|dx:dementia:present⟧, moderate, progression since last year",
            "Recurrent ⟦falls|dx:falls:present⟧ - multifactorial (vision, meds, deconditioning)",
            "Ddx delirium vs progression of dementia - bloods and urine before labelling",
            "⟦Polypharmacy|dx:polypharmacy:present⟧ - 11 regular meds",
            "No evidence of ⟦delirium|dx:delirium:negated⟧ today",
        ],
        "P": [
            "Stop ⟦doxazosin|rx:doxazosin:stopped:⟧ (⟦postural drop|dx:orthostatic hypotension:present⟧)",
            "Reduce ⟦amlodipine|rx:amlodipine:continued:⟧ to 5 mg",
            "⟦Memantine 10 mg|rx:memantine:started:10 mg⟧ daily, titrate per protocol",
            "D/C ⟦zopiclone|rx:zopiclone:stopped:⟧ - too sedating, sleep hygiene discussed",
            "Refer ⟦falls clinic|ref:falls clinic⟧. Home OT visit next month",
            "Consider rivastigmine patch if donepezil not tolerated again",
            "Bloods (CBC, lytes, B12, TSH) before next visit. F/U 6 wks with daughter",
            "⟦Vit D 1000 IU|rx:vitamin d:continued:1000 IU⟧ daily continues. Declined flu vaccine this year",
        ],
        "H": [
            "PMH: ⟦HTN|dx:hypertension:present⟧, ⟦osteoporosis|dx:osteoporosis:present⟧, ⟦hip fracture 2019|dx:hip fracture:history⟧",
            "⟦Parkinson's disease|dx:parkinson's disease:present⟧ dx 2016",
            "s/p ⟦TIA|dx:tia:history⟧ x2",
            "Meds: ⟦Aricept 10mg|rx:donepezil:listed:10mg⟧ nocte, ⟦Amlodipine 10mg|rx:amlodipine:listed:10mg⟧ od, ⟦Alendronate 70mg|rx:alendronate:listed:70mg⟧ weekly",
            "Allergies: codeine (vomiting). PSH: bilateral cataract surgery",
            "⟦previous pneumonia|dx:pneumonia:history⟧ 2021 requiring admission",
        ],
    },
    he={
        "S": [
            "הגיעה בליווי בתה, לדבריה ⟦בלבול|dx:confusion:present⟧ מזה שבועיים, ⟦נפילה|dx:falls:present⟧ בבית לפני 5 ימים",
            "מתלונן על ⟦סחרחורת|dx:dizziness:present⟧ בקימה, שולל ⟦איבוד הכרה|dx:syncope:negated⟧",
            "לדברי הבן הפסיקה ליטול ⟦אריספט|rx:donepezil:stopped:⟧ לפני חודש בגלל תופעות לוואי",
            "גר לבד עם מטפלת, ניידות עם הליכון. ללא ⟦כאבים בחזה|dx:chest pain:negated⟧",
            "מדווחת על ⟦בריחת שתן|dx:urinary incontinence:present⟧, בעיקר בלילה",
        ],
        "O": [
            "ער, מתמצא חלקית. MMSE 22/30",
            "הליכה לא יציבה, ⟦בצקות|dx:edema:present⟧ קלות בקרסוליים",
            'בוצע ⟦אק"ג|pr:ecg⟧ - קצב סינוס, ללא שינויים חריפים',
        ],
        "A": [
            "⟦תת לחץ דם תנוחתי|dx:orthostatic hypotension:present⟧, כנראה על רקע תרופתי",
            "⟦דמנציה|dx:dementia:present⟧ בדרגה בינונית",
            "⟦נפילות חוזרות|dx:falls:present⟧ - רב גורמי",
            "אבחנה מבדלת: דליריום לעומת החמרה של הדמנציה",
            "אין עדות ל⟦דליריום|dx:delirium:negated⟧ כרגע",
        ],
        "P": [
            "להפסיק ⟦Cardura|rx:doxazosin:stopped:⟧",
            '⟦Ebixa 10 מ"ג|rx:memantine:started:10 מ"ג⟧ פעם ביום',
            "הופסק ⟦Bondormin|rx:brotizolam:stopped:⟧ בשל גילה",
            "⟦הפניה למרפאת נפילות|ref:falls clinic⟧",
            "לשקול מדבקת Exelon בהמשך. בדיקות דם לפני הביקור הבא",
            "ביקור חוזר בעוד 6 שבועות",
        ],
        "H": [
            'ברקע: ⟦יל"ד|dx:hypertension:present⟧, ⟦אוסטאופורוזיס|dx:osteoporosis:present⟧, ⟦שבר בצוואר הירך 2019|dx:hip fracture:history⟧',
            "⟦מחלת פרקינסון|dx:parkinson's disease:present⟧ משנת 2016",
            "מצב לאחר ⟦TIA|dx:tia:history⟧",
            'תרופות: ⟦Aricept 10 מ"ג|rx:donepezil:listed:10 מ"ג⟧, ⟦Norvasc 5 מ"ג|rx:amlodipine:listed:5 מ"ג⟧, ⟦Fosalan 70 מ"ג|rx:alendronate:listed:70 מ"ג⟧ פעם בשבוע',
            "רגישות: אקמול? לא ברור. ניתוחים: קטרקט דו צדדי",
        ],
    },
)

NEPHROLOGY = Clinic(
    "nephrology",
    en={
        "S": [
            "Feels well, no ⟦oedema|dx:edema:negated⟧, no ⟦haematuria|dx:hematuria:negated⟧",
            "c/o ⟦pruritus|dx:pruritus:present⟧ and ⟦fatigue|dx:fatigue:present⟧, ⟦nocturia|dx:nocturia:present⟧ x3",
            "Stopped ⟦ibuprofen|rx:ibuprofen:stopped:⟧ as advised last time, using ⟦paracetamol|rx:paracetamol:listed:⟧ for his knees",
            "No ⟦dyspnoea|dx:dyspnea:negated⟧, no ⟦orthopnoea|dx:orthopnea:negated⟧. Good urine output",
        ],
        "O": [
            "Fluid status: euvolaemic",
            "JVP not raised, chest clear, trace pitting ⟦oedema|dx:edema:present⟧ to ankles",
            "⟦Renal US|pr:renal ultrasound⟧ today: both kidneys small, echogenic, no ⟦hydronephrosis|dx:hydronephrosis:negated⟧",
        ],
        "A": [
            "⟦CKD stage 3b|dx:chronic kidney disease:present⟧, stable",
            "⟦Hyperkalaemia|dx:hyperkalemia:present⟧ (K 5.8) - ACEi related",
            "Renal ⟦anaemia|dx:anemia:present⟧, Hb 10.1",
            "⟦AKI|dx:acute kidney injury:history⟧ in 2022, resolved",
            "No ⟦renal artery stenosis|dx:renal artery stenosis:negated⟧ on doppler",
            "⟦Proteinuria|dx:proteinuria:present⟧ - ?IgA nephropathy vs diabetic, consider biopsy if ACR rising",
        ],
        "P": [
            "Start ⟦dapagliflozin 10 mg|rx:dapagliflozin:started:10 mg⟧ od",
            "Switch ⟦ramipril|rx:ramipril:stopped:⟧ to ⟦losartan 50 mg|rx:losartan:started:50 mg⟧",
            "⟦Sodium bicarbonate 500 mg|rx:sodium bicarbonate:started:500 mg⟧ tds",
            "Continue ⟦furosemide 40mg|rx:furosemide:continued:40mg⟧ mane",
            "Avoid NSAIDs. Low K diet - ⟦refer dietitian|ref:dietitian⟧",
            "If K > 6, stop ramipril and recheck in 48h",
            "⟦Vascular surgery referral|ref:vascular surgery⟧ for fistula planning",
            "Repeat U&E, ACR in 3 months; ⟦renal US requested|pr:renal ultrasound:ordered⟧",
        ],
        "H": [
            "Background: ⟦T2DM|dx:type 2 diabetes:present⟧ since 2005, ⟦HTN|dx:hypertension:present⟧, ⟦gout|dx:gout:present⟧",
            "⟦CKD 3a|dx:chronic kidney disease:present⟧ (baseline creat 1.4 in 2023)",
            "h/o ⟦kidney stones|dx:kidney stones:history⟧ 2010",
            "Current meds: ⟦Ramipril 10mg|rx:ramipril:listed:10mg⟧ OD, ⟦allopurinol 100 mg|rx:allopurinol:listed:100 mg⟧, ⟦Lantus 24 units|rx:insulin glargine:listed:24 units⟧ at night",
            "Not on aspirin. Allergy: sulfa",
        ],
    },
    he={
        "S": [
            "מרגיש טוב, שולל ⟦בצקות|dx:edema:negated⟧",
            "מתלונן על ⟦גרד|dx:pruritus:present⟧ ו⟦עייפות|dx:fatigue:present⟧, ⟦השתנה לילית|dx:nocturia:present⟧",
            "הפסיק ⟦Advil|rx:ibuprofen:stopped:⟧ כפי שהומלץ, נוטל ⟦אקמול|rx:paracetamol:listed:⟧ לפי הצורך",
            "ללא ⟦קוצר נשימה|dx:dyspnea:negated⟧, ללא ⟦אורתופנאה|dx:orthopnea:negated⟧",
        ],
        "O": [
            "מאוזן מבחינת נוזלים",
            "ריאות נקיות, בצקת קלה בקרסוליים",
            "בוצעה ⟦אולטרסאונד כליות|pr:renal ultrasound⟧ במרפאה: כליות קטנות, ללא ⟦הידרונפרוזיס|dx:hydronephrosis:negated⟧",
        ],
        "A": [
            "⟦אי ספיקת כליות כרונית שלב 3b|dx:chronic kidney disease:present⟧, יציבה",
            "⟦היפרקלמיה|dx:hyperkalemia:present⟧ (אשלגן 5.7)",
            "⟦אנמיה|dx:anemia:present⟧, המוגלובין 10.2",
            "נשללה ⟦היצרות עורק כליה|dx:renal artery stenosis:negated⟧ בדופלר",
            "חשד לנפרופתיה IgA, לשקול ביופסיה",
        ],
        "P": [
            'הוחל טיפול ב-⟦Forxiga 10 מ"ג|rx:dapagliflozin:started:10 מ"ג⟧',
            'במקום ⟦Tritace|rx:ramipril:stopped:⟧ לעבור ל-⟦Ocsaar 50 מ"ג|rx:losartan:started:50 מ"ג⟧',
            'להמשיך ⟦Fusid 40 מ"ג|rx:furosemide:continued:40 מ"ג⟧ בבוקר',
            "⟦הפניה לדיאטנית|ref:dietitian⟧ - דיאטה דלת אשלגן",
            "אם אשלגן מעל 6 - להפסיק Tritace",
            "בדיקות דם ושתן בעוד 3 חודשים",
        ],
        "H": [
            'ברקע: ⟦סוכרת סוג 2|dx:type 2 diabetes:present⟧ משנת 2005, ⟦יל"ד|dx:hypertension:present⟧, ⟦גאוט|dx:gout:present⟧',
            "⟦אבנים בכליות|dx:kidney stones:history⟧ בעבר",
            'מקבל ⟦Tritace 10 מ"ג|rx:ramipril:listed:10 מ"ג⟧, ⟦Zyloric 100 מ"ג|rx:allopurinol:listed:100 מ"ג⟧, ⟦לנטוס 22 יח\'|rx:insulin glargine:listed:22 יח\'⟧ בערב',
            "רגישות לסולפה",
        ],
    },
)

RHEUMATOLOGY = Clinic(
    "rheumatology",
    en={
        "S": [
            "⟦Morning stiffness|dx:morning stiffness:present⟧ ~90 min, MCPs and wrists, on and off for 4 months",
            "Flare last week, now settling. No ⟦rash|dx:rash:negated⟧, no ⟦mouth ulcers|dx:mouth ulcers:negated⟧",
            "Stopped ⟦methotrexate|rx:methotrexate:stopped:⟧ herself 3 weeks ago because of side effects",
            "c/o ⟦dry eyes|dx:dry eyes:present⟧ and dry mouth, no ⟦Raynaud's|dx:raynaud's phenomenon:negated⟧",
            "Acute ⟦gout|dx:gout:present⟧ flare R 1st MTP since Sunday",
        ],
        "O": [
            "⟦Synovitis|dx:synovitis:present⟧ 2nd-3rd MCP bilat, 28-joint count: 6 tender, 4 swollen",
            "R 1st MTP hot, red, swollen",
            "⟦Steroid injection R knee|pr:joint injection⟧ under aseptic technique",
            "Schober 4 cm",
        ],
        "A": [
            "⟦Seropositive RA|dx:rheumatoid arthritis:present⟧, moderate activity",
            "⟦Sjögren's|dx:sjogren's syndrome:present⟧ - anti-Ro positive",
            "⟦Polymyalgia rheumatica|dx:polymyalgia rheumatica:history⟧ in remission, off steroids since May",
            "No ⟦headache|dx:headache:negated⟧, no ⟦jaw claudication|dx:jaw claudication:negated⟧",
            "?psoriatic arthritis - FHx psoriasis in father only",
            "⟦Gout|dx:gout:present⟧, urate 8.9",
        ],
        "P": [
            "Restart ⟦methotrexate 15 mg|rx:methotrexate:started:15 mg⟧ weekly with ⟦folic acid 5 mg|rx:folic acid:started:5 mg⟧ the day after",
            "Add ⟦hydroxychloroquine 200 mg|rx:hydroxychloroquine:started:200 mg⟧ bd. Baseline eye exam - ⟦ophthalmology referral|ref:ophthalmology⟧",
            "⟦Prednisolone|rx:prednisolone:continued:⟧ taper: 5 mg for 2 wks then 2.5 mg",
            "⟦Colchicine 0.5 mg|rx:colchicine:started:0.5 mg⟧ bd for the flare. ⟦Allopurinol|rx:allopurinol:continued:⟧ - no change",
            "Biologic discussed (adalimumab) - pt wants time to think",
            "Bloods (CBC, LFT) every 4 weeks for 3 months",
            "⟦Hand X-rays ordered|pr:x-ray:ordered⟧",
        ],
        "H": [
            "PMH: ⟦RA|dx:rheumatoid arthritis:present⟧ dx 2018, ⟦hypothyroidism|dx:hypothyroidism:present⟧",
            "⟦DVT 2020|dx:deep vein thrombosis:history⟧ on OCP",
            "Meds: ⟦MTX 15mg|rx:methotrexate:listed:15mg⟧ weekly, ⟦Plaquenil 200mg|rx:hydroxychloroquine:listed:200mg⟧ bid, ⟦levothyroxine 75 mcg|rx:levothyroxine:listed:75 mcg⟧",
            "Family history: mother RA, sister lupus",
            "Allergic to sulfasalazine (rash)",
        ],
    },
    he={
        "S": [
            "⟦נוקשות בוקר|dx:morning stiffness:present⟧ כשעה וחצי, בעיקר בפרקי כפות הידיים",
            "הפסיקה ⟦Methotrexate|rx:methotrexate:stopped:⟧ על דעת עצמה לפני 3 שבועות בגלל תופעות לוואי",
            "מתלוננת על ⟦יובש בעיניים|dx:dry eyes:present⟧ ובפה. שוללת ⟦תופעת ריינו|dx:raynaud's phenomenon:negated⟧",
            "⟦התקף גאוט|dx:gout:present⟧ בבוהן ימין מיום ראשון",
        ],
        "O": [
            "⟦סינוביטיס|dx:synovitis:present⟧ MCP 2-3 דו צדדי, 6 פרקים רגישים",
            "בוצעה ⟦הזרקת סטרואידים לברך ימין|pr:joint injection⟧ בתנאים אספטיים",
        ],
        "A": [
            "⟦דלקת מפרקים שגרונית|dx:rheumatoid arthritis:present⟧ בפעילות בינונית",
            "⟦סיוגרן|dx:sjogren's syndrome:present⟧, anti-Ro חיובי",
            "⟦PMR|dx:polymyalgia rheumatica:history⟧ ברמיסיה, ללא טיפול",
            "חשד לדלקת מפרקים פסוריאטית - לשלול",
        ],
        "P": [
            'לחדש ⟦מתוטרקסט 15 מ"ג|rx:methotrexate:started:15 מ"ג⟧ פעם בשבוע + ⟦Folex 5 מ"ג|rx:folic acid:started:5 מ"ג⟧',
            'הוספתי ⟦Plaquenil 200 מ"ג|rx:hydroxychloroquine:started:200 מ"ג⟧ פעמיים ביום, ⟦הפניה לרופא עיניים|ref:ophthalmology⟧',
            '⟦Colchicine 0.5 מ"ג|rx:colchicine:started:0.5 מ"ג⟧ פעמיים ביום',
            "הוצע טיפול ביולוגי (Humira), המטופלת מעוניינת לחשוב",
            "⟦הוזמן צילום כפות ידיים|pr:x-ray:ordered⟧",
        ],
        "H": [
            "רקע רפואי: ⟦RA|dx:rheumatoid arthritis:present⟧ משנת 2018, ⟦תת פעילות של בלוטת התריס|dx:hypothyroidism:present⟧",
            "⟦DVT ב-2020|dx:deep vein thrombosis:history⟧",
            'נוטלת ⟦MTX 15 מ"ג|rx:methotrexate:listed:15 מ"ג⟧ בשבוע, ⟦Eltroxin 75 מק"ג|rx:levothyroxine:listed:75 מק"ג⟧',
            "אמא חולת RA, אחות עם לופוס",
        ],
    },
)
