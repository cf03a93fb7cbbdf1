"""How Hebrew notes write each measure, as Israeli clinicians type them: Hebrew names or the
English abbreviation, ל"ד, ק"ג, מ"ג/ד"ל with either quotation mark (" or ״), a joined
preposition, and what is written beside a value left unlabelled."""

from __future__ import annotations

from bench.timeline.sets.blind3.styles_en import Style

HE: list[Style] = [
    # blood pressure
    Style("bp_he_abbr", "O", lambda v: f'ל"ד {v.bp()}'),
    Style("bp_he_words", "O", lambda v: f"לחץ דם {v.bp()}"),
    Style("bp_he_unit", "O", lambda v: f"ל״ד: {v.bp('{s}/{d} ממ״כ')}"),
    Style("bp_he_al", "O", lambda v: f"לחץ דם של {v.bp('{s} על {d}')}"),
    Style("bp_he_home", "S", lambda v: f'מדידות ל"ד בבית סביב {v.bp()}'),
    Style("bp_he_target", "O", lambda v: f'ל"ד {v.bp()} (יעד מתחת ל-130/80)'),
    Style("bp_he_eng", "O", lambda v: f"BP {v.bp()} בישיבה"),
    # heart rate
    Style("hr_he_dofek", "O", lambda v: f"דופק {v.q('heart_rate')}"),
    Style("hr_he_min", "O", lambda v: f"דופק: {v.q('heart_rate', '{} לדקה')}"),
    Style("hr_he_sadir", "O", lambda v: f"דופק {v.q('heart_rate')} סדיר"),
    Style("hr_he_eng", "O", lambda v: f"HR {v.q('heart_rate')} סדיר"),
    Style("hr_he_bpm", "O", lambda v: f"דופק במנוחה {v.q('heart_rate', '{} bpm')}"),
    # weight
    Style("wt_he_kg", "O", lambda v: f"משקל {v.q('weight', '{} ק״ג')}"),
    Style("wt_he_quote", "O", lambda v: f'משקל: {v.q("weight", """{} ק"ג""", 0)}'),
    Style("wt_he_shokel", "S", lambda v: f'שוקל {v.q("weight", """{} ק"ג""", 0)}'),
    Style("wt_he_comma", "O", lambda v: f"משקל {v.q('weight', '{}', 0)} קג"),
    Style("wt_he_eng", "O", lambda v: f"Wt {v.q('weight', '{}kg')} (קודם {v.raw('weight')})"),
    # height
    Style("ht_he_cm", "O", lambda v: f'גובה {v.q("height", """{} ס"מ""")}'),
    Style("ht_he_m", "O", lambda v: f"גובה: {v.metres('{} מ׳')}"),
    Style("ht_he_colon", "O", lambda v: f"גובה: {v.q('height', '{} סמ')}"),
    Style("ht_he_eng", "O", lambda v: f"Ht {v.q('height', '{}')} ס״מ"),
    # BMI
    Style("bmi_he_bare", "OA", lambda v: f"BMI {v.q('bmi')}"),
    Style("bmi_he_unit", "O", lambda v: f'BMI: {v.q("bmi", """{} ק"ג/מ"ר""")}'),
    Style("bmi_he_words", "A", lambda v: f"מדד מסת גוף {v.q('bmi')}"),
    Style("bmi_he_joined", "A", lambda v: f"ה-BMI {v.q('bmi')}"),
    # temperature
    Style("t_he_hom", "O", lambda v: f"חום {v.q('temperature')}"),
    Style("t_he_maalot", "O", lambda v: f"חום גוף {v.q('temperature', '{} מעלות')}"),
    Style("t_he_temp", "O", lambda v: f"טמפ' {v.q('temperature', '{}°')}"),
    Style("t_he_home", "S", lambda v: f"מדדה חום בבית {v.q('temperature', '{}', 1, 37.6, 39.3)}"),
    # SpO2
    Style("o2_he_sat", "O", lambda v: f"סטורציה {v.q('spo2', '{}%')}"),
    Style("o2_he_air", "O", lambda v: f"סטורציה {v.q('spo2', '{}%')} באוויר חדר"),
    Style("o2_he_riv", "O", lambda v: f"ריווי חמצן {v.q('spo2', '{}%')}"),
    Style("o2_he_eng", "O", lambda v: f"SAT {v.q('spo2', '{}%')} בא״ח"),
    # pain
    Style("pain_he_ten", "S", lambda v: f"כאב {v.q('pain', '{}/10')}"),
    Style("pain_he_mitoch", "S", lambda v: f"עוצמת כאב {v.q('pain', '{} מתוך 10')}"),
    Style("pain_he_beotsma", "S", lambda v: f"כאב בעוצמה {v.q('pain', '{}/10')}"),
    Style("pain_he_vas", "O", lambda v: f"VAS {v.q('pain')} בתנועה"),
    # HbA1c
    Style("a1c_he_eng", "A", lambda v: f"HbA1c {v.q('a1c', '{}%')}"),
    Style("a1c_he_words", "A", lambda v: f"המוגלובין מסוכרר {v.q('a1c', '{}%')}"),
    Style("a1c_he_prev", "A", lambda v: f"A1C {v.q('a1c')} (קודם {v.raw('a1c')})"),
    Style("a1c_he_joined", "A", lambda v: f"ה-HbA1c ירד ל-{v.q('a1c', '{}%')}"),
    # LDL
    Style("ldl_he_eng", "A", lambda v: f"LDL {v.q('ldl')}"),
    Style("ldl_he_unit", "A", lambda v: f'LDL {v.q("ldl", """{} מ"ג/ד"ל""")}'),
    Style("ldl_he_words", "A", lambda v: f"כולסטרול LDL {v.q('ldl')}"),
    Style("ldl_he_target", "A", lambda v: f"LDL {v.q('ldl')}, היעד מתחת ל-70"),
    # HDL
    Style("hdl_he_eng", "A", lambda v: f"HDL {v.q('hdl')}"),
    Style("hdl_he_unit", "A", lambda v: f"HDL {v.q('hdl', '{} מ״ג/ד״ל')}"),
    Style("hdl_he_words", "A", lambda v: f"כולסטרול טוב HDL {v.q('hdl')}"),
    Style("hdl_he_colon", "O", lambda v: f"HDL: {v.q('hdl')}"),
    # total cholesterol
    Style("tc_he_klali", "A", lambda v: f"כולסטרול כללי {v.q('total_cholesterol')}"),
    Style("tc_he_total", "A", lambda v: f"כולסטרול טוטאלי {v.q('total_cholesterol')}"),
    Style("tc_he_eng", "A", lambda v: f"TC {v.q('total_cholesterol')} מ״ג/ד״ל"),
    Style("tc_he_chol", "O", lambda v: f"כולסטרול {v.q('total_cholesterol')}"),
    # glucose
    Style("glu_he_tsom", "A", lambda v: f"סוכר בצום {v.q('glucose')}"),
    Style("glu_he_gluc", "A", lambda v: f"גלוקוזה {v.q('glucose', '{} מ״ג/ד״ל')}"),
    Style("glu_he_home", "S", lambda v: f"סוכר בבוקר בבית {v.q('glucose')}"),
    Style("glu_he_eng", "O", lambda v: f"Glu {v.q('glucose')} בסטיק"),
    # creatinine
    Style("cr_he_kr", "A", lambda v: f"קריאטינין {v.q('creatinine')}"),
    Style("cr_he_unit", "A", lambda v: f'קראטינין {v.q("creatinine", """{} מ"ג/ד"ל""")}'),
    Style("cr_he_eng", "A", lambda v: f"Cr {v.q('creatinine')} (יציב)"),
    Style("cr_he_joined", "A", lambda v: f"הקריאטינין עלה ל-{v.q('creatinine')}"),
    # eGFR
    Style("gfr_he_eng", "A", lambda v: f"eGFR {v.q('egfr')}"),
    Style("gfr_he_calc", "A", lambda v: f"GFR מחושב {v.q('egfr')}"),
    Style("gfr_he_shel", "A", lambda v: f"eGFR של {v.q('egfr')} מ״ל/דקה"),
    Style("gfr_he_joined", "A", lambda v: f"ה-eGFR {v.q('egfr')}"),
    # PHQ-2
    Style("phq2_he_q", "S", lambda v: f"שאלון PHQ-2: {v.q('phq2')}"),
    Style("phq2_he_score", "A", lambda v: f"ציון PHQ-2 של {v.q('phq2')}"),
    Style("phq2_he_pts", "A", lambda v: f"PHQ2 {v.q('phq2')} נק'"),
    Style("phq2_he_six", "S", lambda v: f"PHQ-2 {v.q('phq2', '{}/6')}"),
    # PHQ-9
    Style("phq9_he_q", "S", lambda v: f"שאלון PHQ-9: {v.q('phq9')}"),
    Style("phq9_he_pts", "A", lambda v: f"PHQ-9 {v.q('phq9', '{} נקודות')}"),
    Style("phq9_he_score", "A", lambda v: f"ציון PHQ9 {v.q('phq9')}"),
    Style("phq9_he_was", "A", lambda v: f"PHQ-9 {v.q('phq9')} לעומת {v.raw('phq9')} בביקור הקודם"),
    # GAD-7
    Style("gad_he_q", "S", lambda v: f"שאלון GAD-7: {v.q('gad7')}"),
    Style("gad_he_pts", "A", lambda v: f"GAD-7 {v.q('gad7', '{} נק׳')}"),
    Style("gad_he_score", "A", lambda v: f"ציון GAD7 של {v.q('gad7')}"),
    Style("gad_he_21", "S", lambda v: f"GAD-7 {v.q('gad7', '{}/21')}"),
    # range of motion
    Style("rom_he_knee", "O", lambda v: f"כיפוף ברך ימין {v.q('rom', '{} מעלות', 0, 60, 135)}"),
    Style("rom_he_shoulder", "O", lambda v: f"הרחקת כתף שמאל {v.q('rom', '{}°')}"),
    Style("rom_he_eng", "O", lambda v: f"ROM כתף ימין flexion {v.q('rom', '{}°')}"),
    Style("rom_he_ankle", "O", lambda v: f"כיפוף גבי בקרסול {v.q('rom', '{}°', 0, 5, 25)}"),
    Style("rom_he_to", "O", lambda v: f"כיפוף מרפק עד {v.q('rom', '{} מעלות', 0, 90, 145)}"),
]
