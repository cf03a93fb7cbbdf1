"""Written styles of the laboratory results and the questionnaire scores: per measure,
samplers by unit tag and (style, tag, template) per language."""

from __future__ import annotations

from bench.timeline.sets.holdout.base import CHOL_MMOL_TO_MG, CREAT_UMOL_PER_MG, GLUCOSE_MMOL_TO_MG
from bench.timeline.sets.holdout.samplers import Spec, ifcc, lipid_panel, single

LAB_SPECS: dict[str, Spec] = {
    "a1c": (
        {"v": single("a1c", 5.6, 10.8, 1), "ifcc": ifcc},
        {
            "en": [
                ("hba1c_pct", "v", "HbA1c {v}%"),
                ("a1c_bare", "v", "A1c {v}"),
                ("spaced", "v", "Hb A1c: {v} %"),
                ("ifcc", "ifcc", "HbA1c {v} mmol/mol"),
                ("glycated", "v", "glycated Hb {v}%"),
                ("sentence", "v", "last A1c was {v}%"),
                ("ifcc_with_pct", "ifcc", "HbA1c {v} mmol/mol ({pct}%)"),
                ("caps", "v", "A1C {v}%"),
            ],
            "he": [
                ("he_words", "v", "המוגלובין מסוכרר {v}%"),
                ("he_latin", "v", "HbA1c {v}%"),
                ("he_colon", "v", "A1C: {v}"),
                ("he_sentence", "v", "ההמוגלובין המסוכרר עומד על {v}%"),
                ("he_last", "v", "HbA1c אחרון: {v}%"),
            ],
        },
    ),
    "ldl": (
        {
            "mg": single("ldl", 62, 188),
            "mmol": single("ldl", 1.6, 4.9, 1, CHOL_MMOL_TO_MG),
            "panel_mmol": lipid_panel("mmol"),
            "panel_mg": lipid_panel("mg"),
        },
        {
            "en": [
                ("ldl_plain", "mg", "LDL {v}"),
                ("ldl_c_mmol", "mmol", "LDL-C {v} mmol/L"),
                ("mg_unit", "mg", "LDL: {v} mg/dL"),
                ("words_mmol", "mmol", "LDL cholesterol {v} mmol/l"),
                (
                    "panel_mmol",
                    "panel_mmol",
                    "Lipids (mmol/L): TC {tc}, LDL {ldl}, HDL {hdl}, TG {tg}",
                ),
                ("panel_mg", "panel_mg", "Lipid panel: TC {tc} / LDL {ldl} / HDL {hdl} / TG {tg}"),
                ("down_to", "mg", "LDL down to {v} mg/dl"),
            ],
            "he": [
                ("he_latin", "mg", "LDL {v}"),
                ("he_words", "mg", "כולסטרול LDL: {v}"),
                ("he_bad", "mg", "כולסטרול רע {v}"),
                ("he_sentence", "mg", "ה-LDL ירד ל-{v}"),
                (
                    "he_panel",
                    "panel_mg",
                    "פרופיל שומנים: כולסטרול {tc}, LDL {ldl}, HDL {hdl}, טריגליצרידים {tg}",
                ),
            ],
        },
    ),
    "hdl": (
        {"mg": single("hdl", 33, 82), "mmol": single("hdl", 0.8, 2.1, 1, CHOL_MMOL_TO_MG)},
        {
            "en": [
                ("hdl_plain", "mg", "HDL {v}"),
                ("hdl_c_mmol", "mmol", "HDL-C {v} mmol/L"),
                ("mg_unit", "mg", "HDL: {v} mg/dL"),
                ("words_mmol", "mmol", "HDL cholesterol {v} mmol/l"),
                ("good_chol", "mg", "HDL (good cholesterol) {v}"),
                ("sentence", "mg", "HDL was {v} mg/dl"),
            ],
            "he": [
                ("he_latin", "mg", "HDL {v}"),
                ("he_words", "mg", "כולסטרול HDL: {v}"),
                ("he_good", "mg", "כולסטרול טוב {v}"),
            ],
        },
    ),
    "total_cholesterol": (
        {
            "mg": single("total_cholesterol", 142, 284),
            "mmol": single("total_cholesterol", 3.6, 7.4, 1, CHOL_MMOL_TO_MG),
        },
        {
            "en": [
                ("tc_plain", "mg", "TC {v}"),
                ("words_mmol", "mmol", "total cholesterol {v} mmol/L"),
                ("chol_mg", "mg", "Chol {v} mg/dL"),
                ("t_chol_mmol", "mmol", "T.chol {v} mmol/l"),
                ("inverted", "mg", "cholesterol total {v}"),
                ("serum", "mg", "serum cholesterol {v} mg/dl"),
            ],
            "he": [
                ("he_total", "mg", "כולסטרול כללי {v}"),
                ("he_bare", "mg", "כולסטרול {v}"),
                ("he_colon", "mg", "כולסטרול טוטאלי: {v}"),
                ("he_latin", "mg", "TC {v}"),
            ],
        },
    ),
    "glucose": (
        {
            "mg": single("glucose", 82, 238),
            "mmol": single("glucose", 4.6, 13.4, 1, GLUCOSE_MMOL_TO_MG),
        },
        {
            "en": [
                ("fbg_mmol", "mmol", "FBG {v} mmol/L"),
                ("fasting_mg", "mg", "fasting glucose {v} mg/dL"),
                ("random", "mg", "random glucose {v}"),
                ("colon", "mg", "Glucose: {v}"),
                ("cbg_mmol", "mmol", "CBG {v} mmol/l"),
                ("fingerstick", "mg", "fingerstick {v} mg/dL"),
                ("blood_sugar", "mg", "blood sugar {v}"),
                ("fpg_mmol", "mmol", "FPG {v} mmol/L"),
            ],
            "he": [
                ("he_fasting", "mg", "סוכר בצום {v}"),
                ("he_glucose", "mg", "גלוקוזה {v}"),
                ("he_unit", "mg", 'סוכר {v} מג"ד'),
                ("he_latin", "mg", "Glucose {v}"),
                ("he_sentence", "mg", "רמת הסוכר בצום {v}"),
                ("he_she", "mg", "מדווחת שהסוכר בצום {v}"),
            ],
        },
    ),
    "creatinine": (
        {
            "mg": single("creatinine", 0.6, 2.1, 1),
            "umol": single("creatinine", 55, 180, 0, 1 / CREAT_UMOL_PER_MG),
        },
        {
            "en": [
                ("cr_plain", "mg", "Cr {v}"),
                ("umol", "umol", "creatinine {v} umol/L"),
                ("creat_mg", "mg", "Creat: {v} mg/dL"),
                ("micro_sign", "umol", "serum creatinine {v} µmol/L"),
                ("scr", "mg", "sCr {v}"),
                ("of", "mg", "creatinine of {v}"),
                ("greek_mu", "umol", "Creatinine {v} μmol/l"),
            ],
            "he": [
                ("he_words", "mg", "קראטינין {v}"),
                ("he_alt_spelling", "mg", "קריאטינין: {v}"),
                ("he_latin", "mg", "Creatinine {v}"),
                ("he_umol", "umol", "קראטינין {v} מיקרומול/ל"),
            ],
        },
    ),
    "egfr": (
        {"v": single("egfr", 31, 112)},
        {
            "en": [
                ("egfr_plain", "v", "eGFR {v}"),
                ("unit", "v", "eGFR {v} mL/min/1.73m2"),
                ("gfr", "v", "GFR {v}"),
                ("words", "v", "estimated GFR {v}"),
                ("ml_min", "v", "eGFR {v} ml/min"),
                ("colon", "v", "eGFR: {v}"),
                ("ckd_epi", "v", "eGFR (CKD-EPI) {v}"),
            ],
            "he": [
                ("he_latin", "v", "eGFR {v}"),
                ("he_words", "v", "GFR מחושב {v}"),
                ("he_kidney", "v", "תפקוד כליות: eGFR {v}"),
                ("he_vav", "v", "וה-eGFR {v}"),
            ],
        },
    ),
    "phq2": (
        {"v": single("phq2", 0, 6)},
        {
            "en": [
                ("phq2_plain", "v", "PHQ-2 {v}"),
                ("out_of_6", "v", "PHQ2: {v}/6"),
                ("score", "v", "PHQ-2 score {v}"),
                ("equals", "v", "PHQ 2 = {v}"),
                ("sentence", "v", "scored {v} on the PHQ-2"),
                ("colon", "v", "PHQ-2: {v}"),
            ],
            "he": [
                ("he_colon", "v", "PHQ-2: {v}"),
                ("he_dash", "v", "שאלון PHQ-2 - {v}"),
                ("he_sentence", "v", "בשאלון PHQ-2 ציון {v}"),
            ],
        },
    ),
    "phq9": (
        {"v": single("phq9", 2, 25)},
        {
            "en": [
                ("phq9_plain", "v", "PHQ-9 {v}"),
                ("out_of_27", "v", "PHQ9: {v}/27"),
                ("score_of", "v", "PHQ-9 score of {v}"),
                ("equals", "v", "PHQ 9 = {v}"),
                ("sentence", "v", "scored {v} on PHQ-9 today"),
                ("total", "v", "PHQ-9 total {v}"),
                ("paren_today", "v", "PHQ-9 (today) {v}"),
            ],
            "he": [
                ("he_colon", "v", "PHQ-9: {v}"),
                ("he_score", "v", "ציון PHQ9 של {v}"),
                ("he_sentence", "v", "בשאלון PHQ-9 קיבל {v}"),
                ("he_equals", "v", "PHQ-9 = {v}"),
            ],
        },
    ),
    "gad7": (
        {"v": single("gad7", 2, 19)},
        {
            "en": [
                ("gad7_plain", "v", "GAD-7 {v}"),
                ("out_of_21", "v", "GAD7: {v}/21"),
                ("score", "v", "GAD-7 score {v}"),
                ("equals", "v", "GAD 7 = {v}"),
                ("sentence", "v", "scored {v} on GAD-7"),
                ("colon", "v", "GAD-7: {v}"),
            ],
            "he": [
                ("he_colon", "v", "GAD-7: {v}"),
                ("he_score", "v", "ציון GAD7 {v}"),
                ("he_sentence", "v", "בשאלון GAD-7 ציון {v}"),
            ],
        },
    ),
}
