"""ICD-10 codes a note may write for a condition, each to its canonical name. The names
themselves are data: core/timeline/resources/{en,he}/conditions.toml."""

from __future__ import annotations

# ICD-10 codes (their first characters) to the condition they name, for a problem written
# as its code alone ("Dx: E11.9"). Where the name is written too, the name is read.
ICD10: dict[str, str] = {
    "E10": "type 1 diabetes",
    "E11": "type 2 diabetes",
    "R73.03": "prediabetes",
    "I10": "hypertension",
    "E78": "hyperlipidemia",
    "F32": "depression",
    "F33": "depression",
    "F41.0": "panic disorder",
    "F41": "anxiety",
    "F43.1": "ptsd",
    "F90": "adhd",
    "F31": "bipolar disorder",
    "F20": "schizophrenia",
    "G47.0": "insomnia",
    "G47.33": "obstructive sleep apnea",
    "J45": "asthma",
    "J44": "copd",
    "E03": "hypothyroidism",
    "E05": "hyperthyroidism",
    "E66": "obesity",
    "E55": "vitamin d deficiency",
    "D50": "anemia",
    "M15": "osteoarthritis",
    "M16": "osteoarthritis",
    "M17": "osteoarthritis",
    "M19": "osteoarthritis",
    "M10": "gout",
    "M81": "osteoporosis",
    "M54.5": "low back pain",
    "M54.2": "neck pain",
    "M54.1": "sciatica",
    "M54.3": "sciatica",
    "M54.4": "sciatica",
    "M79.7": "fibromyalgia",
    "M75.0": "frozen shoulder",
    "M75.1": "rotator cuff tendinopathy",
    "M77.1": "tennis elbow",
    "M72.2": "plantar fasciitis",
    "G56.0": "carpal tunnel syndrome",
    "G43": "migraine",
    "K21": "gerd",
    "K58": "irritable bowel syndrome",
    "I48": "atrial fibrillation",
    "I50": "heart failure",
    "I25": "coronary artery disease",
    "I21": "myocardial infarction",
    "I63": "stroke",
    "G45": "transient ischemic attack",
    "I26": "pulmonary embolism",
    "I82.4": "deep vein thrombosis",
    "I83": "varicose veins",
    "N18": "chronic kidney disease",
    "N39.0": "urinary tract infection",
    "J06": "upper respiratory tract infection",
    "J02": "viral pharyngitis",
    "J01": "sinusitis",
    "J18": "pneumonia",
    "R07": "chest pain",
    "R51": "headache",
    "R05": "cough",
    "R50": "fever",
    "L40": "psoriasis",
    "L20": "eczema",
    "B02": "shingles",
    "U07.1": "covid-19",
}


def named_by_code(code: str) -> str | None:
    """The condition an ICD-10 code names: its longest known beginning ("M54.5" before
    "M54")."""
    for n in range(len(code), 2, -1):
        name = ICD10.get(code[:n].rstrip("."))
        if name is not None:
            return name
    return None
