"""How English notes write each measure: one line per written style, with what clinicians
put beside a value (a target, last visit's value, a unit) left unlabelled.

A style is (id, fields, writer): `fields` are the note fields it is written in (S, O, A),
`writer` takes a Values and gives the marked words."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from bench.timeline.sets.blind3.values import Values


class Style(NamedTuple):
    id: str
    fields: str
    write: Callable[[Values], str]


EN: list[Style] = [
    # blood pressure
    Style("bp_en_bare", "O", lambda v: f"BP {v.bp()}"),
    Style("bp_en_unit", "O", lambda v: f"BP: {v.bp('{s}/{d} mmHg')} seated, L arm"),
    Style("bp_en_slashname", "O", lambda v: f"B/P {v.bp()} (target <130/80)"),
    Style("bp_en_words", "O", lambda v: f"blood pressure {v.bp('{s} over {d}')}"),
    Style("bp_en_home", "S", lambda v: f"home BP log avg {v.bp()} over the last 2 wks"),
    Style("bp_en_nospace", "O", lambda v: f"VS: BP{v.bp()} "),
    Style("bp_en_equals", "O", lambda v: f"BP={v.bp()}, last visit {v.bp_pair()[0]}/88"),
    Style("bp_en_recheck", "O", lambda v: f"BP {v.bp()} -> recheck {v.bp()} after 5 min rest"),
    Style("bp_en_run", "S", lambda v: f"her home cuff this morning read {v.bp()}"),
    # heart rate
    Style("hr_en_bare", "O", lambda v: f"HR {v.q('heart_rate')}"),
    Style("hr_en_pulse", "O", lambda v: f"P {v.q('heart_rate', '{} reg')}"),
    Style("hr_en_bpm", "O", lambda v: f"pulse {v.q('heart_rate', '{} bpm')}, regular"),
    Style("hr_en_min", "O", lambda v: f"HR: {v.q('heart_rate', '{}/min')}"),
    Style("hr_en_irreg", "O", lambda v: f"HR {v.q('heart_rate')} irregularly irregular"),
    Style("hr_en_rest", "O", lambda v: f"resting heart rate of {v.q('heart_rate')}"),
    Style("hr_en_watch", "S", lambda v: f"her watch shows resting HR ~{v.q('heart_rate')}"),
    # weight
    Style("wt_en_kg", "O", lambda v: f"Wt {v.q('weight', '{} kg')}"),
    Style("wt_en_colon", "O", lambda v: f"Weight: {v.q('weight', '{}kg', 1)}"),
    Style("wt_en_lb", "O", lambda v: f"wt {v.lb('{} lbs')}"),
    Style("wt_en_weighs", "S", lambda v: f"weighs {v.q('weight', '{} kg', 0)} on home scale"),
    Style("wt_en_down", "O", lambda v: f"weight {v.q('weight', '{}')} kg (was {v.raw('weight')})"),
    Style("wt_en_w", "O", lambda v: f"W {v.lb('{} lb')}"),
    Style("wt_en_today", "O", lambda v: f"Weight today {v.q('weight', '{} kg')}, goal 70 kg"),
    # height
    Style("ht_en_cm", "O", lambda v: f"Ht {v.q('height', '{} cm')}"),
    Style("ht_en_m", "O", lambda v: f"height {v.metres()}"),
    Style("ht_en_ftin", "O", lambda v: f"Height {v.feet()}"),
    Style("ht_en_in", "O", lambda v: f"ht {v.inches()}"),
    Style("ht_en_colon", "O", lambda v: f"Height: {v.q('height', '{}cm')}"),
    Style("ht_en_ftwords", "O", lambda v: f"stands {v.feet('{f} ft {i} in')}"),
    # BMI
    Style("bmi_en_bare", "OA", lambda v: f"BMI {v.q('bmi')}"),
    Style("bmi_en_unit", "OA", lambda v: f"BMI: {v.q('bmi', '{} kg/m2')}"),
    Style("bmi_en_sup", "O", lambda v: f"BMI {v.q('bmi', '{} kg/m²')}"),
    Style("bmi_en_of", "A", lambda v: f"BMI of {v.q('bmi', '{}', 0)} noted"),
    Style("bmi_en_eq", "O", lambda v: f"BMI={v.q('bmi')}"),
    Style("bmi_en_words", "A", lambda v: f"body mass index {v.q('bmi')}"),
    # temperature
    Style("t_en_t", "O", lambda v: f"T {v.q('temperature')}"),
    Style("t_en_c", "O", lambda v: f"Temp {v.q('temperature', '{} C')}"),
    Style("t_en_deg", "O", lambda v: f"temp {v.q('temperature', '{}°C')}"),
    Style("t_en_f", "O", lambda v: f"T: {v.fahrenheit('{}F')}"),
    Style("t_en_afeb", "O", lambda v: f"afebrile ({v.q('temperature', '{}', 1, 36.2, 37.3)})"),
    Style("t_en_home", "S", lambda v: f"measured temp at home {v.fahrenheit('{} °F')}"),
    Style("t_en_of", "O", lambda v: f"temperature of {v.q('temperature', '{} degrees')}"),
    # SpO2
    Style("o2_en_spo2", "O", lambda v: f"SpO2 {v.q('spo2', '{}%')}"),
    Style("o2_en_ra", "O", lambda v: f"sat {v.q('spo2', '{}% RA')}"),
    Style("o2_en_o2sat", "O", lambda v: f"O2 sat {v.q('spo2')}"),
    Style("o2_en_words", "O", lambda v: f"saturating {v.q('spo2', '{}%')} on room air"),
    Style("o2_en_sats", "O", lambda v: f"Sats {v.q('spo2', '{}%')}"),
    Style("o2_en_ox", "O", lambda v: f"pulse ox {v.q('spo2', '{}%')}"),
    Style("o2_en_colon", "O", lambda v: f"SpO2: {v.q('spo2')}"),
    # pain
    Style("pain_en_ten", "S", lambda v: f"pain {v.q('pain', '{}/10')}"),
    Style("pain_en_vas", "S", lambda v: f"VAS {v.q('pain', '{}/10')}"),
    Style("pain_en_nrs", "O", lambda v: f"NRS {v.q('pain')}"),
    Style("pain_en_rates", "S", lambda v: f"rates the pain {v.q('pain', '{} out of 10')}"),
    Style("pain_en_score", "S", lambda v: f"pain score {v.q('pain')} (was {v.raw('pain')})"),
    Style("pain_en_lead", "S", lambda v: f"{v.q('pain', '{}/10')} pain in the morning"),
    Style("pain_en_curr", "S", lambda v: f"current pain {v.q('pain', '{}/10')}, goal <3"),
    # HbA1c
    Style("a1c_en_pct", "A", lambda v: f"HbA1c {v.q('a1c', '{}%')}"),
    Style("a1c_en_bare", "A", lambda v: f"A1c {v.q('a1c')}"),
    Style("a1c_en_ifcc", "A", lambda v: f"HbA1c {v.ifcc()}"),
    Style("a1c_en_prev", "A", lambda v: f"A1C {v.q('a1c', '{} %')} (prev {v.raw('a1c')})"),
    Style("a1c_en_of", "A", lambda v: f"latest A1c of {v.q('a1c', '{}%')}, goal <7%"),
    Style("a1c_en_eq", "O", lambda v: f"HBA1C={v.q('a1c')}"),
    # LDL
    Style("ldl_en_bare", "A", lambda v: f"LDL {v.q('ldl')}"),
    Style("ldl_en_c", "A", lambda v: f"LDL-C {v.q('ldl', '{} mg/dl')}"),
    Style("ldl_en_mmol", "A", lambda v: f"LDL {v.mmol('ldl')}"),
    Style("ldl_en_target", "A", lambda v: f"LDL {v.q('ldl')} (target <70)"),
    Style("ldl_en_words", "O", lambda v: f"LDL cholesterol {v.q('ldl', '{} mg/dL')}"),
    Style("ldl_en_colon", "O", lambda v: f"LDL: {v.q('ldl')}"),
    # HDL
    Style("hdl_en_bare", "A", lambda v: f"HDL {v.q('hdl')}"),
    Style("hdl_en_c", "A", lambda v: f"HDL-C {v.q('hdl', '{} mg/dL')}"),
    Style("hdl_en_mmol", "A", lambda v: f"HDL {v.mmol('hdl', '{} mmol/l')}"),
    Style("hdl_en_colon", "O", lambda v: f"HDL: {v.q('hdl')}"),
    Style("hdl_en_words", "O", lambda v: f"HDL cholesterol {v.q('hdl')}"),
    Style("hdl_en_low", "A", lambda v: f"HDL remains {v.q('hdl')}"),
    # total cholesterol
    Style("tc_en_tc", "A", lambda v: f"TC {v.q('total_cholesterol')}"),
    Style("tc_en_chol", "A", lambda v: f"total chol {v.q('total_cholesterol')}"),
    Style("tc_en_mmol", "A", lambda v: f"cholesterol {v.mmol('total_cholesterol')}"),
    Style(
        "tc_en_words", "O", lambda v: f"total cholesterol {v.q('total_cholesterol', '{} mg/dL')}"
    ),
    Style("tc_en_short", "O", lambda v: f"Chol: {v.q('total_cholesterol')}"),
    Style("tc_en_t", "A", lambda v: f"T. chol {v.q('total_cholesterol')}"),
    # glucose
    Style("glu_en_fbg", "A", lambda v: f"FBG {v.q('glucose')}"),
    Style("glu_en_fasting", "A", lambda v: f"fasting glucose {v.q('glucose', '{} mg/dL')}"),
    Style("glu_en_mmol", "A", lambda v: f"BG {v.mmol('glucose')}"),
    Style("glu_en_cbg", "O", lambda v: f"CBG {v.q('glucose')}"),
    Style("glu_en_fs", "O", lambda v: f"finger stick glucose {v.q('glucose')}"),
    Style("glu_en_home", "S", lambda v: f"home glucose this am {v.q('glucose')}"),
    Style("glu_en_bsl", "O", lambda v: f"BSL {v.mmol('glucose', '{}')} mmol/l"),
    # creatinine
    Style("cr_en_cr", "A", lambda v: f"Cr {v.q('creatinine', '{}', 1)}"),
    Style("cr_en_creat", "A", lambda v: f"creat {v.q('creatinine', '{} mg/dL')}"),
    Style("cr_en_umol", "A", lambda v: f"creatinine {v.umol()}"),
    Style("cr_en_base", "A", lambda v: f"Cr {v.q('creatinine')} (baseline 1.2)"),
    Style("cr_en_scr", "O", lambda v: f"sCr {v.q('creatinine')}"),
    Style("cr_en_umol2", "O", lambda v: f"Creat {v.umol('{} µmol/L')}"),
    # eGFR
    Style("gfr_en_bare", "A", lambda v: f"eGFR {v.q('egfr')}"),
    Style("gfr_en_unit", "A", lambda v: f"eGFR {v.q('egfr', '{} mL/min/1.73m2')}"),
    Style("gfr_en_gfr", "A", lambda v: f"GFR {v.q('egfr')}"),
    Style("gfr_en_ml", "O", lambda v: f"eGFR: {v.q('egfr', '{} ml/min')}"),
    Style("gfr_en_epi", "A", lambda v: f"CKD-EPI eGFR {v.q('egfr')}"),
    Style("gfr_en_down", "A", lambda v: f"eGFR {v.q('egfr')} (prev {v.raw('egfr')})"),
    # PHQ-2
    Style("phq2_en_dash", "S", lambda v: f"PHQ-2 {v.q('phq2')}"),
    Style("phq2_en_six", "A", lambda v: f"PHQ2: {v.q('phq2', '{}/6')}"),
    Style("phq2_en_score", "S", lambda v: f"PHQ-2 score {v.q('phq2')}"),
    Style("phq2_en_eq", "A", lambda v: f"PHQ 2 = {v.q('phq2')}"),
    Style("phq2_en_scored", "S", lambda v: f"scored {v.q('phq2')} on the PHQ-2"),
    Style("phq2_en_screen", "A", lambda v: f"depression screen PHQ-2 {v.q('phq2')}"),
    # PHQ-9
    Style("phq9_en_dash", "S", lambda v: f"PHQ-9 {v.q('phq9')}"),
    Style("phq9_en_27", "A", lambda v: f"PHQ9: {v.q('phq9', '{}/27')}"),
    Style("phq9_en_sev", "A", lambda v: f"PHQ-9 score {v.q('phq9')} (moderate)"),
    Style("phq9_en_eq", "S", lambda v: f"PHQ 9 = {v.q('phq9')}"),
    Style("phq9_en_scored", "S", lambda v: f"scored {v.q('phq9')} on PHQ-9"),
    Style("phq9_en_was", "A", lambda v: f"PHQ-9 today {v.q('phq9')}, was {v.raw('phq9')}"),
    # GAD-7
    Style("gad_en_dash", "S", lambda v: f"GAD-7 {v.q('gad7')}"),
    Style("gad_en_21", "A", lambda v: f"GAD7: {v.q('gad7', '{}/21')}"),
    Style("gad_en_score", "A", lambda v: f"GAD-7 score {v.q('gad7')}"),
    Style("gad_en_eq", "S", lambda v: f"GAD 7 = {v.q('gad7')}"),
    Style("gad_en_scored", "S", lambda v: f"scored {v.q('gad7')} on the GAD-7"),
    Style("gad_en_was", "A", lambda v: f"GAD-7 {v.q('gad7')} today (prev {v.raw('gad7')})"),
    # range of motion
    Style("rom_en_knee", "O", lambda v: f"R knee flexion {v.q('rom', '{}°', 0, 60, 135)}"),
    Style("rom_en_deg", "O", lambda v: f"L shoulder abduction {v.q('rom', '{} deg')}"),
    Style("rom_en_arom", "O", lambda v: f"AROM shoulder flexion {v.q('rom', '{}°')}"),
    Style("rom_en_to", "O", lambda v: f"flexes the hip to {v.q('rom', '{} degrees', 0, 60, 120)}"),
    Style("rom_en_prom", "O", lambda v: f"PROM knee flex {v.q('rom', '{}°', 0, 70, 135)}"),
    Style("rom_en_colon", "O", lambda v: f"ROM: elbow flexion {v.q('rom', '{}°', 0, 90, 145)}"),
]
