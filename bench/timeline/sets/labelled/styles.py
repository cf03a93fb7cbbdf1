"""The written styles of every measure, in English and Hebrew: at least ten a measure.

A style's id, "<group>/<lang>-<name>", is what the eval reports recall by. Templates write
`{v}` (or `{s}/{d}` for a blood pressure, `{ft}'{inch}"` for a height in feet and inches)
in the style's unit, a key of `measures.UNITS[group]`.
"""

from __future__ import annotations

from bench.timeline.kit.facts import Lang
from bench.timeline.sets.labelled.measures import Style


def _styles(group: str, lang: Lang, rows: list[tuple[str, str, str]]) -> list[Style]:
    return [Style(f"{group}/{lang}-{name}", group, lang, t, unit) for name, t, unit in rows]


_G = "״"  # gershayim, as in מ״ג; notes also use the ASCII quote
STYLES: list[Style] = [
    # -- blood pressure: {s}/{d} -----------------------------------------------------------
    *_styles("bp", "en", [
        ("abbr", "BP {s}/{d}", "mmHg"),
        ("words-over", "blood pressure {s} over {d}", "mmHg"),
        ("colon-unit", "BP: {s}/{d} mmHg", "mmHg"),
        ("slash-abbr", "B/P {s}/{d}", "mmHg"),
        ("was", "BP was {s}/{d}", "mmHg"),
        ("arm", "BP (R arm, seated) {s}/{d}", "mmHg"),
        ("words-unit", "blood pressure {s}/{d} mm Hg", "mmHg"),
        ("home", "home BP readings around {s}/{d}", "mmHg"),
        ("bare-unit", "{s}/{d} mmHg (repeat)", "mmHg"),
        ("sitting", "BP sitting {s}/{d}", "mmHg"),
    ]),
    *_styles("bp", "he", [
        ("words", "לחץ דם {s}/{d}", "mmHg"),
        ("abbr", "ל" + _G + "ד {s}/{d}", "mmHg"),
        ("colon-unit", 'לחץ דם: {s}/{d} מ"מ כספית', "mmHg"),
    ]),
    # -- heart rate ------------------------------------------------------------------------
    *_styles("heart_rate", "en", [
        ("hr", "HR {v}", "/min"),
        ("pulse-bpm", "pulse {v} bpm", "/min"),
        ("words", "heart rate {v}/min", "/min"),
        ("p", "P {v}", "/min"),
        ("colon-reg", "HR: {v} regular", "/min"),
        ("pulse-rate", "pulse rate {v}", "/min"),
        ("bpm-first", "heart rate of {v} beats per minute", "/min"),
        ("resting", "resting HR {v} bpm", "/min"),
    ]),
    *_styles("heart_rate", "he", [
        ("words", "דופק {v}", "/min"),
        ("per-min", "דופק: {v} לדקה", "/min"),
        ("beats", "דופק {v} פעימות לדקה", "/min"),
    ]),
    # -- weight ----------------------------------------------------------------------------
    *_styles("weight", "en", [
        ("wt-kg", "Wt {v}kg", "kg0"),
        ("words-kg", "weight {v} kg", "kg"),
        ("colon-kg", "Weight: {v} kg", "kg"),
        ("weighs", "weighs {v} kg", "kg0"),
        ("lb", "weight {v} lb", "lb"),
        ("wt-lbs", "wt: {v} lbs", "lb"),
        ("body", "body weight {v} kg", "kg"),
        ("today", "weight today {v} kilograms", "kg"),
        ("past", "reports she weighed {v} kg three months ago", "kg0"),
    ]),
    *_styles("weight", "he", [
        ("gershayim", "משקל {v} ק" + _G + "ג", "kg"),
        ("kilo", "משקל: {v} קילו", "kg0"),
        ("quote", 'שוקל {v} ק"ג', "kg0"),
    ]),
    # -- height ----------------------------------------------------------------------------
    *_styles("height", "en", [
        ("ht-cm", "Ht {v} cm", "cm"),
        ("words-cm", "height {v} cm", "cm"),
        ("ft-in", "Ht {ft}'{inch}\"", "ftin"),
        ("ft-in-words", "height {ft} ft {inch} in", "ftin"),
        ("m", "height {v} m", "m"),
        ("in", "height {v} in", "in"),
        ("colon", "Height: {v}cm", "cm"),
        ("stands", "stands {v} cm tall", "cm"),
    ]),
    *_styles("height", "he", [
        ("gershayim", "גובה {v} ס" + _G + "מ", "cm"),
        ("m", "גובה: {v} מ'", "m"),
        ("quote", 'גובה {v} ס"מ', "cm"),
    ]),
    # -- BMI -------------------------------------------------------------------------------
    *_styles("bmi", "en", [
        ("bmi", "BMI {v}", "kg/m2"),
        ("colon-unit", "BMI: {v} kg/m2", "kg/m2"),
        ("words", "body mass index {v}", "kg/m2"),
        ("is", "BMI is {v}", "kg/m2"),
        ("sup", "BMI {v} kg/m²", "kg/m2"),
        ("eq", "BMI={v}", "kg/m2"),
        ("calc", "calculated BMI of {v}", "kg/m2"),
        ("today", "BMI today {v}", "kg/m2"),
    ]),
    *_styles("bmi", "he", [
        ("bmi", "BMI {v}", "kg/m2"),
        ("words", "מדד מסת גוף {v}", "kg/m2"),
        ("paren", "מדד מסת הגוף (BMI): {v}", "kg/m2"),
    ]),
    # -- temperature -----------------------------------------------------------------------
    *_styles("temperature", "en", [
        ("t", "T {v}", "C"),
        ("temp-f", "temp {v}F", "F"),
        ("colon-c", "Temp: {v} °C", "C"),
        ("words", "temperature {v}", "C"),
        ("t-f", "T {v} F", "F"),
        ("oral", "Temp {v}C oral", "C"),
        ("degrees", "temperature of {v} degrees C", "C"),
        ("afebrile", "afebrile, T {v}", "C"),
        ("fahrenheit", "temperature {v} °F", "F"),
    ]),
    *_styles("temperature", "he", [
        ("words", "חום {v}", "C"),
        ("degrees", "חום: {v} מעלות", "C"),
        ("abbr", "טמפ' {v}", "C"),
    ]),
    # -- SpO2 ------------------------------------------------------------------------------
    *_styles("spo2", "en", [
        ("ra", "SpO2 {v}% RA", "%"),
        ("o2sat", "O2 sat {v}%", "%"),
        ("sat-room", "sat {v}% on room air", "%"),
        ("colon", "SpO2: {v} %", "%"),
        ("words", "oxygen saturation {v}%", "%"),
        ("pulse-ox", "pulse ox {v}%", "%"),
        ("sats", "sats {v}% RA", "%"),
        ("sao2", "SaO2 {v}%", "%"),
    ]),
    *_styles("spo2", "he", [
        ("saturation", "סטורציה {v}%", "%"),
        ("words", "רוויון חמצן {v}%", "%"),
        ("room-air", "סטורציה: {v}% באוויר החדר", "%"),
    ]),
    # -- pain ------------------------------------------------------------------------------
    *_styles("pain", "en", [
        ("slash10", "pain {v}/10", "/10"),
        ("score", "pain score {v}/10", "/10"),
        ("out-of", "rates pain {v} out of 10", "/10"),
        ("nrs", "NRS {v}/10", "/10"),
        ("colon", "Pain: {v}/10", "/10"),
        ("vas", "VAS pain {v}", "/10"),
        ("level", "pain level {v}", "/10"),
        ("reports", "reports {v}/10 pain", "/10"),
        ("past", "last month pain was {v}/10", "/10"),
    ]),
    *_styles("pain", "he", [
        ("slash10", "כאב {v}/10", "/10"),
        ("out-of", "עוצמת כאב {v} מתוך 10", "/10"),
        ("degree", "כאב בדרגה {v}", "/10"),
    ]),
    # -- HbA1c -----------------------------------------------------------------------------
    *_styles("a1c", "en", [
        ("a1c-pct", "A1c {v}%", "%"),
        ("hba1c", "HbA1c {v}", "%"),
        ("words", "hemoglobin A1c: {v} %", "%"),
        ("of", "A1C of {v}", "%"),
        ("hgb", "HgbA1c {v}%", "%"),
        ("glycated", "glycated hemoglobin {v}%", "%"),
        ("eq", "Hb A1c = {v}%", "%"),
        ("last", "last HbA1c {v}%", "%"),
    ]),
    *_styles("a1c", "he", [
        ("words", "המוגלובין A1c {v}%", "%"),
        ("hba1c", "HbA1c: {v}%", "%"),
        ("glycated", "המוגלובין מסוכרר {v}", "%"),
    ]),
    # -- lipids ----------------------------------------------------------------------------
    *_styles("ldl", "en", [
        ("mg", "LDL {v} mg/dL", "mg/dL"),
        ("mmol", "LDL {v} mmol/L", "mmol"),
        ("ldl-c", "LDL-C {v}", "mg/dL"),
        ("chol-words", "LDL cholesterol: {v} mg/dl", "mg/dL"),
        ("long", "low-density lipoprotein {v} mg/dL", "mg/dL"),
        ("mmol-lower", "LDL {v} mmol/l", "mmol"),
        ("eq", "LDL={v}", "mg/dL"),
        ("direct", "direct LDL {v} mg/dL", "mg/dL"),
    ]),
    *_styles("ldl", "he", [
        ("bare", "LDL {v}", "mg/dL"),
        ("words-mmol", 'כולסטרול LDL {v} ממול/ל', "mmol"),
        ("colon-mg", 'LDL: {v} מ"ג/ד"ל', "mg/dL"),
    ]),
    *_styles("hdl", "en", [
        ("mg", "HDL {v} mg/dL", "mg/dL"),
        ("mmol", "HDL {v} mmol/L", "mmol"),
        ("hdl-c", "HDL-C {v}", "mg/dL"),
        ("chol-words", "HDL cholesterol: {v} mg/dl", "mg/dL"),
        ("long", "high-density lipoprotein {v} mg/dL", "mg/dL"),
        ("eq", "HDL={v}", "mg/dL"),
        ("colon-mmol", "HDL: {v} mmol/l", "mmol"),
        ("plain", "HDL {v}", "mg/dL"),
    ]),
    *_styles("hdl", "he", [
        ("bare", "HDL {v}", "mg/dL"),
        ("words-mmol", 'כולסטרול HDL {v} ממול/ל', "mmol"),
        ("colon-mg", 'HDL: {v} מ"ג/ד"ל', "mg/dL"),
    ]),
    *_styles("total_cholesterol", "en", [
        ("words", "total cholesterol {v}", "mg/dL"),
        ("tc-mmol", "TC {v} mmol/L", "mmol"),
        ("chol-mg", "cholesterol {v} mg/dL", "mg/dL"),
        ("comma", "Cholesterol, total: {v}", "mg/dL"),
        ("t-chol", "T-chol {v} mg/dl", "mg/dL"),
        ("mmol", "total cholesterol {v} mmol/L", "mmol"),
        ("serum", "serum total cholesterol of {v} mg/dL", "mg/dL"),
        ("chol-mmol", "cholesterol {v} mmol/L", "mmol"),
    ]),
    *_styles("total_cholesterol", "he", [
        ("words", "כולסטרול כללי {v}", "mg/dL"),
        ("mmol", "כולסטרול כללי {v} ממול/ל", "mmol"),
        ("total", 'כולסטרול טוטאלי: {v} מ"ג/ד"ל', "mg/dL"),
    ]),
    # -- glucose, kidney -------------------------------------------------------------------
    *_styles("glucose", "en", [
        ("mmol", "glucose {v} mmol/L", "mmol"),
        ("fbg", "FBG {v} mg/dL", "mg/dL"),
        ("fasting", "fasting glucose {v}", "mg/dL"),
        ("sugar", "blood sugar {v}", "mg/dL"),
        ("bg-mmol", "BG {v} mmol/L", "mmol"),
        ("random", "random glucose {v} mg/dl", "mg/dL"),
        ("colon", "Glucose: {v} mg/dL", "mg/dL"),
        ("fpg", "FPG {v} mmol/l", "mmol"),
    ]),
    *_styles("glucose", "he", [
        ("fasting", "סוכר בצום {v}", "mg/dL"),
        ("mmol", "גלוקוז {v} ממול/ל", "mmol"),
        ("sugar-mg", 'סוכר {v} מ"ג/ד"ל', "mg/dL"),
    ]),
    *_styles("creatinine", "en", [
        ("umol", "creatinine {v} umol/L", "umol"),
        ("cr", "Cr {v}", "mg/dL"),
        ("creat-mg", "creat {v} mg/dL", "mg/dL"),
        ("colon", "creatinine: {v} mg/dl", "mg/dL"),
        ("micro", "Cr {v} µmol/L", "umol"),
        ("serum", "serum creatinine {v}", "mg/dL"),
        ("scr", "sCr {v} mg/dL", "mg/dL"),
        ("creat-umol", "creat {v} umol/l", "umol"),
    ]),
    *_styles("creatinine", "he", [
        ("words", "קריאטינין {v}", "mg/dL"),
        ("umol", "קריאטינין {v} מיקרומול/ל", "umol"),
        ("mg", 'קריאטינין {v} מ"ג/ד"ל', "mg/dL"),
    ]),
    *_styles("egfr", "en", [
        ("egfr", "eGFR {v}", "mL/min"),
        ("colon-unit", "eGFR: {v} mL/min/1.73m2", "mL/min"),
        ("estimated", "estimated GFR {v}", "mL/min"),
        ("gfr", "GFR {v}", "mL/min"),
        ("ml-min", "eGFR {v} ml/min", "mL/min"),
        ("of", "eGFR of {v}", "mL/min"),
        ("egfr-eq", "eGFR={v}", "mL/min"),
        ("ckd-epi", "eGFR (CKD-EPI) {v}", "mL/min"),
    ]),
    *_styles("egfr", "he", [
        ("egfr", "eGFR {v}", "mL/min"),
        ("estimated", "GFR מוערך {v}", "mL/min"),
        ("filtration", "סינון כליתי {v}", "mL/min"),
    ]),
    # -- questionnaires --------------------------------------------------------------------
    *_styles("phq2", "en", [
        ("colon", "PHQ-2: {v}", "score"),
        ("plain", "PHQ2 {v}", "score"),
        ("score", "PHQ-2 score {v}", "score"),
        ("eq", "PHQ-2 = {v}", "score"),
        ("of", "phq-2 score of {v}", "score"),
        ("out-of", "PHQ-2: {v}/6", "score"),
        ("screen", "PHQ-2 screen {v}", "score"),
        ("total", "PHQ-2 total {v}", "score"),
    ]),
    *_styles("phq2", "he", [
        ("colon", "PHQ-2: {v}", "score"),
        ("words", "שאלון PHQ-2 ציון {v}", "score"),
        ("score", "ציון PHQ-2 {v}", "score"),
    ]),
    *_styles("phq9", "en", [
        ("plain", "PHQ-9 {v}", "score"),
        ("colon", "PHQ9: {v}", "score"),
        ("score", "PHQ-9 score {v}", "score"),
        ("out-of", "PHQ-9 = {v}/27", "score"),
        ("of", "phq 9 of {v}", "score"),
        ("today", "PHQ-9 today {v}", "score"),
        ("scored", "scored {v} on the PHQ-9", "score"),
        ("total", "PHQ-9 total {v}", "score"),
    ]),
    *_styles("phq9", "he", [
        ("plain", "PHQ-9 {v}", "score"),
        ("score", "ציון PHQ-9: {v}", "score"),
        ("words", "שאלון דיכאון PHQ-9 בציון {v}", "score"),
    ]),
    *_styles("gad7", "en", [
        ("eq", "GAD-7 = {v}", "score"),
        ("plain", "GAD7 {v}", "score"),
        ("score", "GAD-7 score {v}", "score"),
        ("out-of", "GAD-7: {v}/21", "score"),
        ("of", "gad-7 of {v}", "score"),
        ("scored", "scored {v} on the GAD-7", "score"),
        ("today", "GAD-7 today {v}", "score"),
        ("total", "GAD-7 total score {v}", "score"),
    ]),
    *_styles("gad7", "he", [
        ("colon", "GAD-7: {v}", "score"),
        ("score", "ציון GAD-7 {v}", "score"),
        ("words", "שאלון חרדה GAD-7 בציון {v}", "score"),
    ]),
    # -- range of motion -------------------------------------------------------------------
    *_styles("rom", "en", [
        ("knee-deg", "knee flexion {v}°", "deg"),
        ("rom-degrees", "ROM: shoulder abduction {v} degrees", "deg"),
        ("flex-deg", "L knee flex {v} deg", "deg"),
        ("shoulder", "R shoulder flexion {v}°", "deg"),
        ("hip-to", "hip flexion to {v} degrees", "deg"),
        ("elbow", "elbow flexion {v}°", "deg"),
        ("active", "active knee flexion {v} deg", "deg"),
        ("abduction-to", "shoulder abduction to {v}°", "deg"),
    ]),
    *_styles("rom", "he", [
        ("knee", "כיפוף ברך {v}°", "deg"),
        ("rom", "טווח תנועה: הרחקת כתף {v} מעלות", "deg"),
        ("hip", "כיפוף ירך {v} מעלות", "deg"),
    ]),
]  # fmt: skip


# Styles that report an earlier value ("last month pain was 8/10"): facts of the note, but
# not a reading taken at the visit, so the patients of the questions do not use them.
REPORTED = frozenset({"bp/en-home", "weight/en-past", "pain/en-past", "a1c/en-last"})
# Of those, a value dated before the visit ("weighed 82 kg three months ago") is no fact:
# stored under this note's date it would be misdated (docs/timeline.md, "Not facts"; a fact
# until issue 27). A symptom over a window up to now ("last month pain was 8/10"), a home
# reading and the last result stay facts of the note.
EARLIER = frozenset({"weight/en-past"})


def styles_of(
    group: str, lang: Lang, *, canonical_only: bool = False, taken_now: bool = False
) -> list[Style]:
    return [
        s
        for s in STYLES
        if s.group == group
        and s.lang == lang
        and (s.canonical or not canonical_only)
        and not (taken_now and s.id in REPORTED)
    ]
