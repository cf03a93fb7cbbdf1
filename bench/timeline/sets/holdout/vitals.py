"""Written styles of the vital signs, body measures, pain and range of motion: per
measure, samplers by unit tag and (style, tag, template) per language."""

from __future__ import annotations

from bench.timeline.sets.holdout.samplers import (
    Spec,
    bp,
    bp_twice,
    fahrenheit,
    ft_in,
    lb,
    metres,
    rom,
    rom_pair,
    single,
    tpr,
)

VITAL_SPECS: dict[str, Spec] = {
    "bp": (
        {"bp": bp, "twice": bp_twice},
        {
            "en": [
                ("bp_plain", "bp", "BP {s}/{d}"),
                ("bp_colon_unit", "bp", "BP: {s}/{d} mmHg"),
                ("value_first", "bp", "{s}/{d} BP"),
                ("sentence", "bp", "BP was {s}/{d} on arrival"),
                ("positional", "bp", "sitting BP: {s}/{d} mmHg"),
                ("b_slash_p", "bp", "B/P {s}/{d}"),
                ("words_over", "bp", "blood pressure {s} over {d}"),
                ("arm_site", "bp", "BP (R arm, seated) {s}/{d}"),
                ("glued", "bp", "BP{s}/{d}mmHg"),
                ("repeat", "twice", "BP {s}/{d}, repeat {s2}/{d2}"),
            ],
            "he": [
                ("he_words", "bp", "לחץ דם {s}/{d}"),
                ("he_abbrev", "bp", 'ל"ד {s}/{d}'),
                ("he_gershayim", "bp", "ל״ד: {s}/{d}"),
                ("he_unit", "bp", 'לחץ דם: {s}/{d} ממ"כ'),
                ("he_sentence", "bp", "לחץ הדם היום {s}/{d}"),
                ("he_vav", "bp", "ולחץ דם {s}/{d}"),
                ("he_latin", "bp", "BP {s}/{d}"),
                ("he_dots", "bp", "ל.ד. {s}/{d}"),
                ("he_she_home", "bp", "מדווח שלחץ הדם בבית {s}/{d}"),
            ],
        },
    ),
    "heart_rate": (
        {"v": single("heart_rate", 52, 112), "tpr": tpr},
        {
            "en": [
                ("hr_plain", "v", "HR {v}"),
                ("pulse_bpm", "v", "pulse {v} bpm"),
                ("value_unit", "v", "{v} bpm"),
                ("sentence", "v", "heart rate was {v}/min"),
                ("pulse_regular", "v", "pulse {v} and regular"),
                ("pr_reg", "v", "PR {v} reg"),
                ("beats_min", "v", "Heart rate: {v} beats/min"),
                ("tpr", "tpr", "T {t} P {p} R {r} BP {s}/{d}"),
            ],
            "he": [
                ("he_words", "v", "דופק {v}"),
                ("he_per_min", "v", "דופק: {v} לדקה"),
                ("he_vav_regular", "v", "ודופק {v} סדיר"),
                ("he_latin", "v", "HR {v}"),
                ("he_sentence", "v", "הדופק {v} בדקה"),
            ],
        },
    ),
    "weight": (
        {"kg": single("weight", 48, 128, 1), "lb": lb},
        {
            "en": [
                ("wt_kg", "kg", "Wt {v} kg"),
                ("glued_kg", "kg", "weight {v}kg"),
                ("lb", "lb", "Weight: {v} lb"),
                ("lbs_value_first", "lb", "{v} lbs"),
                ("verb", "kg", "weighs {v} kg"),
                ("w_colon", "kg", "W: {v}kg"),
                ("with_delta", "kg", "body weight {v} kg (down 2 kg since last visit)"),
                ("kgs_dot", "kg", "Wt. {v} kgs"),
            ],
            "he": [
                ("he_words", "kg", 'משקל {v} ק"ג'),
                ("he_colon", "kg", "משקל: {v} קג"),
                ("he_verb", "kg", "שוקל {v} ק״ג"),
                ("he_bet", "kg", "מטופלת במשקל {v} קילו"),
                ("he_latin", "kg", "Weight {v} kg"),
                ("he_delta", "kg", 'משקל {v} ק"ג (ירידה של 3 ק"ג)'),
            ],
        },
    ),
    "height": (
        {"cm": single("height", 150, 194), "m": metres, "ftin": ft_in},
        {
            "en": [
                ("ht_cm", "cm", "Ht {v} cm"),
                ("metres", "m", "height {v} m"),
                ("feet_inches", "ftin", "Height {ft}'{in}\""),
                ("ft_in_words", "ftin", "height {ft} ft {in} in"),
                ("colon_glued", "cm", "height: {v}cm"),
                ("h_abbrev", "cm", "H {v} cm"),
            ],
            "he": [
                ("he_cm", "cm", 'גובה {v} ס"מ'),
                ("he_metres", "m", "גובה: {v} מ'"),
                ("he_latin", "cm", "Height {v} cm"),
                ("he_vav", "cm", "וגובה {v} ס״מ"),
            ],
        },
    ),
    "bmi": (
        {"v": single("bmi", 18.6, 42.5, 1)},
        {
            "en": [
                ("bmi_plain", "v", "BMI {v}"),
                ("unit", "v", "BMI: {v} kg/m2"),
                ("equals", "v", "BMI = {v}"),
                ("words", "v", "body mass index {v}"),
                ("superscript", "v", "BMI {v} kg/m²"),
                ("of", "v", "BMI of {v}"),
                ("calculated", "v", "calculated BMI {v}"),
            ],
            "he": [
                ("he_latin", "v", "BMI {v}"),
                ("he_words", "v", "מדד מסת גוף {v}"),
                ("he_unit", "v", 'BMI: {v} ק"ג/מ"ר'),
                ("he_sentence", "v", "ה-BMI עומד על {v}"),
            ],
        },
    ),
    "temperature": (
        {"c": single("temperature", 36.1, 38.9, 1), "f": fahrenheit},
        {
            "en": [
                ("t_plain", "c", "T {v}"),
                ("temp_deg_c", "c", "temp {v}°C"),
                ("fahrenheit", "f", "T: {v} F"),
                ("afebrile", "c", "afebrile, T {v}"),
                ("temperature_c", "c", "temperature {v} C"),
                ("fahrenheit_deg", "f", "temp {v}°F"),
                ("spaced_deg", "c", "Temp {v} ° C"),
                ("tympanic", "c", "tympanic temp {v}"),
            ],
            "he": [
                ("he_words", "c", "חום {v}"),
                ("he_degrees", "c", "חום: {v} מעלות"),
                ("he_abbrev", "c", "טמפ' {v}"),
                ("he_latin", "c", "Temp {v}°C"),
            ],
        },
    ),
    "spo2": (
        {"v": single("spo2", 90, 100)},
        {
            "en": [
                ("spo2_plain", "v", "SpO2 {v}%"),
                ("sats_ra", "v", "sats {v}% RA"),
                ("o2_sat_room_air", "v", "O2 sat {v}% on room air"),
                ("spaced_pct", "v", "SpO2: {v} %"),
                ("verb", "v", "saturating {v}% on RA"),
                ("sat", "v", "Sat {v}%"),
                ("pulse_ox", "v", "pulse ox {v}%"),
            ],
            "he": [
                ("he_words", "v", "סטורציה {v}%"),
                ("he_room_air", "v", "סטורציה {v}% באוויר החדר"),
                ("he_latin", "v", "Sat {v}%"),
                ("he_oxygen", "v", "רוויון חמצן {v}%"),
                ("he_sentence", "v", "הסטורציה {v}%"),
            ],
        },
    ),
    "pain": (
        {"v": single("pain", 1, 9)},
        {
            "en": [
                ("slash10", "v", "pain {v}/10"),
                ("nrs", "v", "NRS {v}/10"),
                ("vas", "v", "VAS {v}/10"),
                ("score", "v", "pain score {v}"),
                ("out_of", "v", "rates pain {v} out of 10"),
                ("value_first", "v", "{v}/10 pain"),
                ("colon", "v", "Pain: {v}/10"),
            ],
            "he": [
                ("he_words", "v", "כאב {v}/10"),
                ("he_out_of", "v", "עוצמת כאב {v} מתוך 10"),
                ("he_vas", "v", "VAS {v}"),
                ("he_verb", "v", "מדרג את הכאב {v}/10"),
                ("he_nrs", "v", "NRS: {v}/10"),
            ],
        },
    ),
    "rom": (
        {
            "knee": rom("rom", 70, 140),
            "shoulder": rom("rom", 60, 175),
            "hip": rom("rom", 10, 45),
            "neck": rom("rom", 35, 80),
            "pair": rom_pair,
        },
        {
            "en": [
                ("knee_flexion_deg", "knee", "L knee flexion {v}°"),
                ("abduction_deg_word", "shoulder", "R shoulder abduction {v} deg"),
                ("arom", "shoulder", "AROM shoulder flex {v}°"),
                ("degrees", "hip", "hip IR {v} degrees"),
                ("cervical", "neck", "cervical rotation R {v}°"),
                ("flexion_to", "knee", "flexion to {v} degrees"),
                ("active_passive", "pair", "knee flexion AROM {a}°, PROM {p}°"),
            ],
            "he": [
                ("he_knee", "knee", "כפיפת ברך ימין {v} מעלות"),
                ("he_shoulder", "shoulder", "הרמת כתף שמאל {v}°"),
                ("he_rom", "shoulder", "טווח תנועה בכתף: אבדוקציה {v}°"),
                ("he_latin", "knee", "R knee flex {v}°"),
                ("he_until", "knee", "כיפוף ברך עד {v} מעלות"),
            ],
        },
    ),
}
