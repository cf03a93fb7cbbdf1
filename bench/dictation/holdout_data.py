"""The held-out dictation set's vocabulary (bench/dictation/holdout.py): the problems a
general practice, cardiology, respiratory or psychiatry visit is about, what the patient
says and what is found, and the drugs each is treated with, with the doses, units and
frequencies they are prescribed in. Written for this set alone, from the common generics
of those fields, not from the first set's scripts or from what the recogniser repairs."""

from __future__ import annotations

from typing import NamedTuple


class Drug(NamedTuple):
    unit: str  # as said: "milligrams", "micrograms", "units", "puffs"
    doses: tuple[str, ...]
    frequencies: tuple[str, ...]


_DAILY = ("once a day", "every morning", "daily")
_BD = ("twice a day", "twice daily", "morning and evening")
_NIGHT = ("at night", "at bedtime", "every night")
_MG = "milligrams"

DRUGS: dict[str, Drug] = {
    # cardiology
    "ramipril": Drug(_MG, ("2.5", "5", "10"), _DAILY),
    "candesartan": Drug(_MG, ("4", "8", "16"), _DAILY),
    "indapamide": Drug(_MG, ("1.5", "2.5"), ("every morning",)),
    "bisoprolol": Drug(_MG, ("1.25", "2.5", "5", "10"), _DAILY),
    "nifedipine": Drug(_MG, ("20", "30", "60"), ("once a day", "twice a day")),
    "doxazosin": Drug(_MG, ("1", "2", "4"), _NIGHT),
    "apixaban": Drug(_MG, ("2.5", "5"), _BD),
    "rivaroxaban": Drug(_MG, ("15", "20"), ("once a day with food",)),
    "edoxaban": Drug(_MG, ("30", "60"), ("once a day",)),
    "diltiazem": Drug(_MG, ("60", "90", "120"), ("twice a day", "three times a day")),
    "digoxin": Drug("micrograms", ("62.5", "125"), ("once a day",)),
    "metoprolol": Drug(_MG, ("25", "50", "100"), _BD),
    "bumetanide": Drug(_MG, ("1", "2"), ("every morning",)),
    "spironolactone": Drug(_MG, ("12.5", "25", "50"), ("once a day",)),
    "carvedilol": Drug(_MG, ("3.125", "6.25", "12.5"), ("twice a day",)),
    "dapagliflozin": Drug(_MG, ("10",), ("once a day",)),
    "clopidogrel": Drug(_MG, ("75",), ("once a day",)),
    "ticagrelor": Drug(_MG, ("90",), ("twice a day",)),
    "nicorandil": Drug(_MG, ("10", "20"), ("twice a day",)),
    "ranolazine": Drug(_MG, ("375", "500"), ("twice a day",)),
    "rosuvastatin": Drug(_MG, ("5", "10", "20"), (*_NIGHT, "once a day")),
    "ezetimibe": Drug(_MG, ("10",), ("once a day",)),
    "pravastatin": Drug(_MG, ("20", "40"), _NIGHT),
    "atorvastatin": Drug(_MG, ("20", "40", "80"), _NIGHT),
    # diabetes
    "gliclazide": Drug(_MG, ("40", "80", "160"), ("with breakfast", "twice a day")),
    "sitagliptin": Drug(_MG, ("50", "100"), ("once a day",)),
    "empagliflozin": Drug(_MG, ("10", "25"), ("every morning",)),
    "insulin glargine": Drug("units", ("10", "14", "18", "22"), ("at night", "every evening")),
    "semaglutide": Drug(_MG, ("0.25", "0.5", "1"), ("once a week",)),
    "pioglitazone": Drug(_MG, ("15", "30"), ("once a day",)),
    "metformin": Drug(_MG, ("500", "1000"), ("twice a day with meals",)),
    # respiratory and allergy
    "salbutamol": Drug("puffs", ("2",), ("as needed", "up to four times a day when wheezy")),
    "budesonide": Drug("micrograms", ("200", "400"), ("two puffs twice a day",)),
    "beclometasone": Drug("micrograms", ("100", "200"), ("twice a day",)),
    "fluticasone": Drug("micrograms", ("50", "125", "250"), ("twice a day",)),
    "tiotropium": Drug("micrograms", ("18", "2.5"), ("once a day",)),
    "montelukast": Drug(_MG, ("10",), ("at night",)),
    "prednisolone": Drug(_MG, ("30", "40"), ("every morning for five days",)),
    "doxycycline": Drug(_MG, ("100",), ("once a day for five days",)),
    "carbocisteine": Drug(_MG, ("375", "750"), ("three times a day",)),
    "cetirizine": Drug(_MG, ("10",), ("once a day", "as needed")),
    "mometasone": Drug("micrograms", ("50",), ("two sprays each nostril daily",)),
    # psychiatry and neurology
    "fluoxetine": Drug(_MG, ("20", "40"), ("every morning",)),
    "escitalopram": Drug(_MG, ("5", "10", "20"), ("once a day",)),
    "mirtazapine": Drug(_MG, ("15", "30", "45"), _NIGHT),
    "venlafaxine": Drug(_MG, ("75", "150", "225"), ("once a day", "every morning")),
    "duloxetine": Drug(_MG, ("30", "60"), ("once a day",)),
    "sertraline": Drug(_MG, ("50", "100"), ("every morning",)),
    "quetiapine": Drug(_MG, ("25", "50", "100", "300"), (*_NIGHT, "twice a day")),
    "olanzapine": Drug(_MG, ("2.5", "5", "10"), _NIGHT),
    "aripiprazole": Drug(_MG, ("5", "10", "15"), ("every morning",)),
    "risperidone": Drug(_MG, ("0.5", "1", "2"), ("twice a day", "at night")),
    "lithium carbonate": Drug(_MG, ("400", "600", "800"), ("at night",)),
    "lamotrigine": Drug(_MG, ("25", "50", "100"), ("once a day", "twice a day")),
    "propranolol": Drug(_MG, ("10", "40", "80"), ("up to three times a day", "twice a day")),
    "buspirone": Drug(_MG, ("5", "7.5", "10"), ("twice a day", "three times a day")),
    "pregabalin": Drug(_MG, ("25", "75", "150"), ("twice a day",)),
    "zopiclone": Drug(_MG, ("3.75", "7.5"), ("at night as needed",)),
    "trazodone": Drug(_MG, ("50", "100"), _NIGHT),
    "levetiracetam": Drug(_MG, ("250", "500", "750"), ("twice a day",)),
    "sumatriptan": Drug(_MG, ("50", "100"), ("at the start of a migraine",)),
    "topiramate": Drug(_MG, ("25", "50"), ("at night", "twice a day")),
    "amitriptyline": Drug(_MG, ("10", "20", "25"), _NIGHT),
    "methylphenidate": Drug(_MG, ("18", "36", "54"), ("every morning",)),
    # general practice
    "lansoprazole": Drug(_MG, ("15", "30"), ("every morning before breakfast",)),
    "pantoprazole": Drug(_MG, ("20", "40"), ("once a day",)),
    "omeprazole": Drug(_MG, ("20", "40"), ("once a day",)),
    "allopurinol": Drug(_MG, ("100", "200", "300"), ("once a day",)),
    "colchicine": Drug(_MG, ("0.5",), ("twice a day", "up to four times a day")),
    "nitrofurantoin": Drug(_MG, ("50", "100"), ("twice a day for three days",)),
    "trimethoprim": Drug(_MG, ("200",), ("twice a day for three days",)),
    "cefalexin": Drug(_MG, ("250", "500"), ("every eight hours",)),
    "tamsulosin": Drug("micrograms", ("400",), ("once a day", "at night")),
    "finasteride": Drug(_MG, ("5",), ("once a day",)),
    "alendronic acid": Drug(_MG, ("70",), ("once a week",)),
    "colecalciferol": Drug("units", ("800", "1000"), ("once a day",)),
    "methotrexate": Drug(_MG, ("7.5", "10", "15"), ("once a week",)),
    "folic acid": Drug(_MG, ("5",), ("once a week", "once a day")),
    "hydroxychloroquine": Drug(_MG, ("200", "400"), ("once a day",)),
    "paracetamol": Drug(_MG, ("500", "1000"), ("every six hours as needed", "four times a day")),
    "ibuprofen": Drug(_MG, ("200", "400"), ("three times a day with food",)),
    "codeine": Drug(_MG, ("15", "30"), ("every six hours as needed",)),
    "tramadol": Drug(_MG, ("50", "100"), ("every six hours as needed",)),
}


class Problem(NamedTuple):
    name: str  # as a chart lists it and an assessment names it
    complaints: tuple[str, ...]  # what the patient says, with {he}/{his}
    findings: tuple[str, ...]  # examination or results, beside the vital signs
    drugs: tuple[str, ...]


PROBLEMS: tuple[Problem, ...] = (
    Problem("hypertension", (
        "{His} home readings have been running high for a fortnight",
        "{He} gets headaches first thing in the morning",
        "{He} has been feeling dizzy when standing up",
    ), ("Potassium {k}, creatinine {cr}", "Fundi look normal"),
        ("ramipril", "candesartan", "indapamide", "nifedipine", "doxazosin", "bisoprolol")),
    Problem("atrial fibrillation", (
        "{He} has had palpitations on and off for a week",
        "{He} noticed {his} heart racing while gardening",
    ), ("Pulse is irregularly irregular", "The ECG shows atrial fibrillation at {p}"),
        ("apixaban", "rivaroxaban", "edoxaban", "bisoprolol", "diltiazem", "digoxin",
         "metoprolol")),
    Problem("heart failure", (
        "{His} ankles are more swollen by the evening",
        "{He} is short of breath lying flat and uses three pillows",
        "{He} has put on two kilos in a week",
    ), ("Crackles at both bases", "Pitting edema to the mid shin"),
        ("bumetanide", "spironolactone", "carvedilol", "dapagliflozin", "ramipril")),
    Problem("angina", (
        "{He} gets a tight chest walking uphill that settles with rest",
        "{He} has used {his} spray twice this week",
    ), ("Heart sounds normal, chest clear", "LDL {ldl}"),
        ("clopidogrel", "ticagrelor", "nicorandil", "ranolazine", "rosuvastatin",
         "bisoprolol")),
    Problem("high cholesterol", (
        "{He} is here to go over {his} cholesterol results",
        "{He} stopped {his} statin because of muscle aches",
    ), ("Total cholesterol {chol}, LDL {ldl}",),
        ("rosuvastatin", "ezetimibe", "pravastatin", "atorvastatin")),
    Problem("type 2 diabetes", (
        "{He} is thirsty and up at night to pass urine",
        "{His} sugars have been up to 14 before breakfast",
        "{He} has been struggling with {his} diet since Christmas",
    ), ("A1c {a1c}", "eGFR {egfr}", "Feet have normal sensation"),
        ("gliclazide", "sitagliptin", "empagliflozin", "insulin glargine", "semaglutide",
         "pioglitazone", "metformin")),
    Problem("asthma", (
        "{He} has been wheezy at night and using {his} reliever most days",
        "{He} coughs after exercise and in the cold",
    ), ("Scattered wheeze throughout", "Peak flow {pf} litres a minute"),
        ("salbutamol", "budesonide", "beclometasone", "montelukast", "prednisolone")),
    Problem("COPD", (
        "{He} is more breathless than usual with green sputum",
        "{He} can only walk about fifty yards before stopping",
    ), ("Reduced air entry at the left base", "Respiratory rate {rr}"),
        ("tiotropium", "salbutamol", "doxycycline", "prednisolone", "carbocisteine")),
    Problem("depression", (
        "{He} says {his} mood has been low since the spring",
        "{He} is sleeping badly and has lost interest in things",
        "{He} feels a bit better but still tearful some days",
    ), ("PHQ-9 score of {phq}", "No thoughts of self harm today"),
        ("fluoxetine", "escitalopram", "mirtazapine", "venlafaxine", "sertraline")),
    Problem("generalized anxiety", (
        "{He} feels on edge most of the day and worries about work",
        "{He} has had two panic attacks on the train",
    ), ("GAD-7 score of {gad}",),
        ("propranolol", "buspirone", "pregabalin", "escitalopram", "duloxetine")),
    Problem("bipolar disorder", (
        "{He} has been sleeping four hours a night and talking quickly",
        "{His} partner says {he} has been more irritable",
    ), ("Lithium level {li}", "TSH {tsh}"),
        ("lithium carbonate", "quetiapine", "olanzapine", "aripiprazole", "lamotrigine")),
    Problem("schizophrenia", (
        "{He} is hearing voices again at night",
        "{He} has missed two appointments with {his} care coordinator",
    ), ("Weight gain noted, prolactin {prl}",),
        ("risperidone", "aripiprazole", "olanzapine", "quetiapine")),
    Problem("insomnia", ("{He} takes an hour to fall asleep and wakes at four",),
        ("Sleep diary shows about five hours a night",), ("zopiclone", "trazodone",
                                                           "mirtazapine")),
    Problem("migraine", (
        "{He} is having three or four migraines a month with aura",
        "{He} has been off work twice this month with headaches",
    ), ("Neurological exam normal",),
        ("sumatriptan", "propranolol", "topiramate", "amitriptyline")),
    Problem("epilepsy", ("{He} had a seizure at home last Tuesday",),
        ("No new neurological signs",), ("levetiracetam", "lamotrigine")),
    Problem("ADHD", ("{He} cannot concentrate at school and {his} grades have dropped",),
        ("Height and weight on the chart",), ("methylphenidate",)),
    Problem("reflux", ("{He} has heartburn after meals and a sour taste at night",),
        ("Abdomen soft and nontender",), ("lansoprazole", "pantoprazole", "omeprazole")),
    Problem("gout", ("{His} right big toe is hot, red and too painful to touch",),
        ("Urate {urate}", "The first joint is swollen and tender"),
        ("allopurinol", "colchicine", "prednisolone")),
    Problem("urinary tract infection", ("{He} has burning when passing urine for three days",),
        ("Dipstick positive for nitrites and leukocytes",),
        ("nitrofurantoin", "trimethoprim", "cefalexin")),
    Problem("enlarged prostate", ("{He} gets up three times a night to pass urine",),
        ("PSA {psa}",), ("tamsulosin", "finasteride")),
    Problem("osteoporosis", ("{He} had a wrist fracture after a fall in January",),
        ("DEXA T score minus 2.8",), ("alendronic acid", "colecalciferol")),
    Problem("rheumatoid arthritis", ("{His} hands are stiff for two hours each morning",),
        ("Synovitis of both wrists", "CRP {crp}"),
        ("methotrexate", "folic acid", "hydroxychloroquine", "prednisolone")),
    Problem("low back pain", ("{He} hurt {his} back lifting boxes ten days ago",),
        ("Straight leg raise negative",),
        ("paracetamol", "ibuprofen", "codeine", "amitriptyline", "pregabalin")),
    Problem("allergic rhinitis", ("{He} has a blocked nose and itchy eyes every summer",),
        ("Nasal mucosa swollen",), ("cetirizine", "mometasone")),
    Problem("neuropathic pain", ("{He} has burning pain in both feet at night",),
        ("Reduced sensation to the ankles",),
        ("pregabalin", "duloxetine", "amitriptyline", "tramadol")),
)  # fmt: skip
