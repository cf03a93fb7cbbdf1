# ruff: noqa: E501 (each snippet on one line, as a clinician typed it and as it is labelled)
"""Women's health, sports medicine and occupational therapy (see clinics_a.py)."""

from __future__ import annotations

from bench.timeline.sets.blind3.clinic import Clinic

WOMENS_HEALTH = Clinic(
    "womens health",
    en={
        "S": [
            "LMP 3 weeks ago, cycles regular. c/o ⟦hot flushes|dx:hot flashes:present⟧ and ⟦night sweats|dx:night sweats:present⟧",
            "⟦Heavy menstrual bleeding|dx:heavy menstrual bleeding:present⟧ for 6 months, no ⟦pelvic pain|dx:pelvic pain:negated⟧",
            "Wants to discuss contraception, currently using condoms",
            "Stopped ⟦Cerazette|rx:desogestrel:stopped:⟧ in January, wants to conceive",
            "G2P2, 14 months postpartum, breastfeeding stopped. Denies ⟦dyspareunia|dx:dyspareunia:negated⟧",
        ],
        "O": [
            "Abdomen soft, non tender. Speculum: cervix healthy looking",
            "⟦Cervical smear taken|pr:pap smear⟧, HPV co-test",
            "⟦Mirena IUD inserted|pr:iud insertion⟧ without complication, strings cut at 3 cm",
            "Thyroid not enlarged",
        ],
        "A": [
            "⟦Perimenopause|dx:perimenopause:present⟧ with vasomotor symptoms",
            "⟦Iron deficiency anaemia|dx:iron deficiency anemia:present⟧, ferritin 6",
            "⟦PCOS|dx:polycystic ovary syndrome:present⟧, lifestyle measures so far",
            "Contraindication to combined pill: ⟦migraine with aura|dx:migraine:present⟧",
            "⟦Gestational diabetes|dx:gestational diabetes:history⟧ in 2021 pregnancy - needs yearly screening",
            "Fibroids vs adenomyosis - US will tell",
        ],
        "P": [
            "Start ⟦estradiol gel|rx:estradiol:started:⟧ 2 pumps daily with ⟦micronised progesterone 100 mg|rx:progesterone:started:100 mg⟧ nocte",
            "⟦Ferrous sulphate 200 mg|rx:ferrous sulfate:started:200 mg⟧ od, recheck ferritin in 3 months",
            "⟦Tranexamic acid 1 g|rx:tranexamic acid:started:1 g⟧ tds during menses",
            "⟦Pelvic US booked|pr:pelvic ultrasound:ordered⟧",
            "Refer gynaecology if US shows fibroids > 3 cm",
            "Mammogram due next year. Offered HRT, she prefers to wait",
            "Stop ⟦Provera|rx:medroxyprogesterone:stopped:⟧, switch to ⟦desogestrel 75 mcg|rx:desogestrel:started:75 mcg⟧ POP",
            "⟦DEXA requested|pr:dexa:ordered⟧ (mother had osteoporosis)",
        ],
        "H": [
            "PMH: ⟦hypothyroidism|dx:hypothyroidism:present⟧, ⟦endometriosis|dx:endometriosis:present⟧",
            "⟦Pre-eclampsia|dx:pre-eclampsia:history⟧ first pregnancy 2016",
            "Meds: ⟦Euthyrox 50 mcg|rx:levothyroxine:listed:50 mcg⟧, ⟦folic acid 0.4 mg|rx:folic acid:listed:0.4 mg⟧",
            "FHx: mother breast ca at 52, aunt ovarian ca",
            "No known drug allergies",
        ],
    },
    he={
        "S": [
            "וסת אחרונה לפני 3 שבועות. מתלוננת על ⟦גלי חום|dx:hot flashes:present⟧ ו⟦הזעות לילה|dx:night sweats:present⟧",
            "⟦דימום וסתי מוגבר|dx:heavy menstrual bleeding:present⟧ מזה חצי שנה, שוללת ⟦כאבי בטן תחתונה|dx:pelvic pain:negated⟧",
            "מעוניינת להתייעץ לגבי אמצעי מניעה",
            "הפסיקה ⟦Cerazette|rx:desogestrel:stopped:⟧ בינואר, מעוניינת להרות",
        ],
        "O": [
            "בטן רכה, לא רגישה",
            "⟦נלקח משטח צוואר הרחם|pr:pap smear⟧",
            "⟦הוכנס התקן תוך רחמי Mirena|pr:iud insertion⟧ ללא סיבוכים",
        ],
        "A": [
            "⟦פרימנופאוזה|dx:perimenopause:present⟧ עם תסמינים וזומוטוריים",
            "⟦אנמיה מחוסר ברזל|dx:iron deficiency anemia:present⟧",
            "⟦PCOS|dx:polycystic ovary syndrome:present⟧",
            "⟦סוכרת הריונית|dx:gestational diabetes:history⟧ בהריון הקודם",
            "אבחנה מבדלת: שרירנים לעומת אדנומיוזיס",
        ],
        "P": [
            'להתחיל ⟦Estrogel|rx:estradiol:started:⟧ 2 לחיצות ביום + ⟦Utrogestan 100 מ"ג|rx:progesterone:started:100 מ"ג⟧ בלילה',
            '⟦Ferrograd 105 מ"ג|rx:ferrous sulfate:started:105 מ"ג⟧ פעם ביום',
            "⟦הוזמנה אולטרסאונד אגן|pr:pelvic ultrasound:ordered⟧",
            "ממוגרפיה בשנה הבאה. הוצע טיפול הורמונלי, מעדיפה להמתין",
            "⟦הפניה לגינקולוג|ref:gynecology⟧",
            "⟦לבצע DEXA|pr:dexa:ordered⟧",
        ],
        "H": [
            "ברקע: ⟦תת פעילות בלוטת התריס|dx:hypothyroidism:present⟧, ⟦אנדומטריוזיס|dx:endometriosis:present⟧",
            "⟦רעלת הריון|dx:pre-eclampsia:history⟧ בהריון הראשון ב-2016",
            'נוטלת ⟦Euthyrox 50 מק"ג|rx:levothyroxine:listed:50 מק"ג⟧',
            "אמא - סרטן שד בגיל 52",
            "ללא רגישות לתרופות",
        ],
    },
)

SPORTS = Clinic(
    "sports medicine",
    en={
        "S": [
            "Twisted L ankle playing football Saturday, able to weight bear. ⟦Ankle pain|dx:ankle pain:present⟧ lateral",
            "Runner, 40 km/wk. ⟦Anterior knee pain|dx:knee pain:present⟧ going downhill for 2 months",
            "⟦Shoulder pain|dx:shoulder pain:present⟧ overhead, swimmer. No ⟦numbness|dx:numbness:negated⟧ or tingling",
            "Taking ⟦naproxen 500 mg|rx:naproxen:listed:500 mg⟧ bd from OTC for a week, helping",
            "⟦Concussion|dx:concussion:history⟧ last season, fully recovered, no ⟦headaches|dx:headache:negated⟧ since",
        ],
        "O": [
            "Tender ATFL, anterior drawer negative. Ottawa rules negative",
            "Patellar grind positive, no ⟦effusion|dx:effusion:negated⟧",
            "Hawkins +, Neer +, painful arc 70-120",
            "⟦Dry needling|pr:dry needling⟧ to upper trapezius trigger points",
            "Lachman negative, McMurray negative",
        ],
        "A": [
            "⟦Grade 2 lateral ankle sprain|dx:ankle sprain:present⟧",
            "⟦Patellofemoral pain syndrome|dx:patellofemoral pain syndrome:present⟧",
            "⟦Rotator cuff tendinopathy|dx:rotator cuff tendinopathy:present⟧ R",
            "⟦ACL tear|dx:acl tear:negated⟧ excluded clinically",
            "⟦Achilles tendinopathy|dx:achilles tendinopathy:present⟧, mid-portion",
        ],
        "P": [
            "Stop ⟦naproxen|rx:naproxen:stopped:⟧ now. ⟦Paracetamol 1 g|rx:paracetamol:started:1 g⟧ qid prn",
            "⟦Physio referral|ref:physiotherapy⟧ - eccentric loading programme",
            "⟦MRI knee requested|pr:mri:ordered⟧ to exclude meniscal tear",
            "Topical ⟦diclofenac gel|rx:diclofenac:started:⟧ tds",
            "Return to run protocol; if no better in 6 wks, consider PRP",
            "Subacromial injection offered, declined for now",
            "Return if swelling or locking",
        ],
        "H": [
            "ACL reconstruction R knee 2015, no issues since",
            "⟦Asthma|dx:asthma:present⟧ - exercise induced, uses ⟦Ventolin|rx:salbutamol:listed:⟧ before races",
            "h/o ⟦stress fracture|dx:stress fracture:history⟧ L 2nd metatarsal 2022",
            "No regular meds. NKDA",
        ],
    },
    he={
        "S": [
            "⟦נקע בקרסול|dx:ankle sprain:present⟧ שמאל בזמן משחק כדורגל, דורך. ⟦כאב בקרסול|dx:ankle pain:present⟧ לטרלי",
            'רץ 40 ק"מ בשבוע. ⟦כאבי ברך|dx:knee pain:present⟧ קדמיים בירידות',
            "⟦כאב בכתף|dx:shoulder pain:present⟧ ימין בהרמת יד, שולל ⟦נימול|dx:numbness:negated⟧",
            'נוטל ⟦Naxyn 500 מ"ג|rx:naproxen:listed:500 מ"ג⟧ פעמיים ביום מזה שבוע',
        ],
        "O": [
            "רגישות מעל ATFL, מגירה קדמית שלילית",
            "⟦דיקור יבש|pr:dry needling⟧ לטרפזיוס עליון",
            "Lachman שלילי, McMurray שלילי",
        ],
        "A": [
            "⟦נקע קרסול דרגה 2|dx:ankle sprain:present⟧",
            "⟦תסמונת כאב פטלופמורלי|dx:patellofemoral pain syndrome:present⟧",
            "⟦טנדינופתיה של השרוול המסובב|dx:rotator cuff tendinopathy:present⟧",
            "ללא עדות ל⟦שבר|dx:fracture:negated⟧",
        ],
        "P": [
            "להפסיק ⟦Naxyn|rx:naproxen:stopped:⟧",
            "⟦הפניה לפיזיותרפיה|ref:physiotherapy⟧",
            "⟦הוזמן MRI ברך|pr:mri:ordered⟧",
            "⟦וולטרן ג'ל|rx:diclofenac:started:⟧ 3 פעמים ביום",
            "אם אין שיפור תוך 6 שבועות - לשקול הזרקה",
        ],
        "H": [
            "⟦אסטמה|dx:asthma:present⟧ במאמץ, משתמש ב⟦ונטולין|rx:salbutamol:listed:⟧ לפני ריצה",
            "⟦שבר מאמץ|dx:stress fracture:history⟧ במטטרסל 2 ב-2022",
            "ללא תרופות קבועות",
        ],
    },
)

OCCUPATIONAL = Clinic(
    "occupational therapy",
    en={
        "S": [
            "Returned to desk work 3 days/wk. ⟦Wrist pain|dx:wrist pain:present⟧ after long typing",
            "Managing dressing independently, needs help with buttons. ⟦Hand numbness|dx:numbness:present⟧ at night",
            "Reports ⟦fatigue|dx:fatigue:present⟧ by midday; pacing diary brought in",
            "Denies ⟦low mood|dx:low mood:negated⟧. Goal: return to cooking",
        ],
        "O": [
            "Grip (Jamar) R 18 kg, L 26 kg",
            "9-hole peg test R 34 s",
            "⟦Oedema|dx:edema:present⟧ wrist minimal, figure-of-eight 17.5 cm",
            "⟦Custom thermoplastic wrist splint fabricated|pr:splint fabrication⟧ and fitted",
        ],
        "A": [
            "⟦Carpal tunnel syndrome|dx:carpal tunnel syndrome:present⟧ R, conservative management",
            "Post ⟦distal radius fracture|dx:distal radius fracture:history⟧ (ORIF 3 months ago), range improving",
            "⟦De Quervain's tenosynovitis|dx:de quervain tenosynovitis:present⟧ L",
        ],
        "P": [
            "Night splint, nerve gliding HEP",
            "Ergonomic assessment of workstation next week",
            "Refer hand surgeon if symptoms persist after 6 weeks of splinting",
            "Continue ⟦pregabalin 75 mg|rx:pregabalin:continued:75 mg⟧ as per GP",
            "⟦Letter to GP|ref:general practice⟧ re: nerve conduction studies",
        ],
        "H": [
            "⟦Stroke 2023|dx:stroke:history⟧ with residual ⟦R hemiparesis|dx:hemiparesis:present⟧",
            "⟦Multiple sclerosis|dx:multiple sclerosis:present⟧ (RRMS) since 2014",
            "Meds per GP list: ⟦baclofen 10 mg|rx:baclofen:listed:10 mg⟧ tds",
        ],
    },
    he={
        "S": [
            "חזרה לעבודה משרדית 3 ימים בשבוע. ⟦כאב בשורש כף היד|dx:wrist pain:present⟧ אחרי הקלדה",
            "מתלבשת עצמאית, זקוקה לעזרה בכפתורים. ⟦נימול בכף היד|dx:numbness:present⟧ בלילות",
            "מדווח על ⟦עייפות|dx:fatigue:present⟧ בצהריים",
        ],
        "O": [
            'כוח אחיזה (Jamar) ימין 18 ק"ג, שמאל 25 ק"ג',
            "⟦הותאם סד שורש כף יד|pr:splint fabrication⟧",
        ],
        "A": [
            "⟦תסמונת התעלה הקרפלית|dx:carpal tunnel syndrome:present⟧ מימין",
            "מצב לאחר ⟦שבר רדיוס דיסטלי|dx:distal radius fracture:history⟧ - ניתוח לפני 3 חודשים",
        ],
        "P": [
            "סד לילה, תרגילי גלישת עצב",
            "⟦הפניה לכירורג יד|ref:hand surgery⟧",
            'להמשיך ⟦Lyrica 75 מ"ג|rx:pregabalin:continued:75 מ"ג⟧ לפי רופא המשפחה',
        ],
        "H": [
            "⟦אירוע מוחי ב-2023|dx:stroke:history⟧ עם ⟦המיפרזיס|dx:hemiparesis:present⟧ ימני",
            "⟦טרשת נפוצה|dx:multiple sclerosis:present⟧ משנת 2014",
            'נוטלת ⟦Baclofen 10 מ"ג|rx:baclofen:listed:10 מ"ג⟧ שלוש פעמים ביום',
        ],
    },
)
