"""Which drugs treat which condition: common first-line and maintenance uses, by the
lexicon's generic names (core/timeline/vocab/lexicon.py) and condition names
(lexicon_conditions.py). "What was prescribed for gout?" is answered with the drugs the
notes record as prescribed that are used for gout: a note seldom says which drug is for
which problem, and the visit that started one often assessed another. Kept as data, a line
a condition (names separated by commas), so a clinic's additions are a line each."""

from __future__ import annotations

ANALGESICS = "acetaminophen, ibuprofen, naproxen, diclofenac, celecoxib, meloxicam, etoricoxib, \
dipyrone, tramadol, ketorolac"
RELAXANTS = "cyclobenzaprine, baclofen, tizanidine, orphenadrine"
NEUROPATHIC = "pregabalin, gabapentin, duloxetine, amitriptyline, nortriptyline"
ANTIDEPRESSANTS = "sertraline, citalopram, escitalopram, fluoxetine, paroxetine, venlafaxine, \
desvenlafaxine, duloxetine, mirtazapine, bupropion, trazodone, amitriptyline, nortriptyline, \
vortioxetine"
ANTIHYPERTENSIVES = "amlodipine, nifedipine, diltiazem, verapamil, lisinopril, enalapril, \
ramipril, losartan, valsartan, candesartan, hydrochlorothiazide, chlorthalidone, indapamide, \
atenolol, bisoprolol, metoprolol, carvedilol, propranolol, doxazosin, spironolactone"
INSULINS = "insulin, insulin glargine, insulin aspart, insulin lispro"
DIABETES = f"metformin, dapagliflozin, empagliflozin, sitagliptin, linagliptin, glipizide, \
gliclazide, glimepiride, pioglitazone, semaglutide, liraglutide, dulaglutide, tirzepatide, \
{INSULINS}"
LIPIDS = "atorvastatin, rosuvastatin, simvastatin, pravastatin, ezetimibe, fenofibrate"
ANTICOAGULANTS = "apixaban, rivaroxaban, edoxaban, dabigatran, warfarin, enoxaparin"
ANTIPLATELETS = "aspirin, clopidogrel, ticagrelor"
ACID = "omeprazole, esomeprazole, pantoprazole, famotidine"
INHALERS = "albuterol, ipratropium, tiotropium, budesonide, budesonide-formoterol, fluticasone, \
fluticasone-salmeterol, mometasone, montelukast"
STEROIDS = "prednisone, prednisolone, methylprednisolone, dexamethasone"
RESPIRATORY_ANTIBIOTICS = "amoxicillin, amoxicillin-clavulanate, azithromycin, clarithromycin, \
doxycycline, cefuroxime, penicillin"
ANTIHISTAMINES = "cetirizine, loratadine, fexofenadine, desloratadine, hydroxyzine"
ANTIPSYCHOTICS = "olanzapine, quetiapine, risperidone, aripiprazole, haloperidol"
SKIN_STEROIDS = "hydrocortisone, triamcinolone, clobetasol, mometasone"
PAIN = f"{ANALGESICS}, {RELAXANTS}"
CARDIAC = "bisoprolol, metoprolol, ramipril"

_TABLE: dict[str, str] = {
    "hypertension": ANTIHYPERTENSIVES,
    "type 2 diabetes": DIABETES,
    "type 1 diabetes": INSULINS,
    "gestational diabetes": f"metformin, {INSULINS}",
    "hyperlipidemia": LIPIDS,
    "hypertriglyceridemia": "fenofibrate, atorvastatin, rosuvastatin",
    "depression": ANTIDEPRESSANTS,
    "postpartum depression": ANTIDEPRESSANTS,
    "anxiety": "sertraline, citalopram, escitalopram, fluoxetine, paroxetine, venlafaxine, \
duloxetine, buspirone, pregabalin, hydroxyzine, alprazolam, clonazepam, diazepam, lorazepam",
    "panic disorder": "sertraline, escitalopram, paroxetine, fluoxetine, venlafaxine, \
alprazolam, clonazepam",
    "ptsd": "sertraline, paroxetine, venlafaxine",
    "ocd": "fluoxetine, sertraline, paroxetine, escitalopram",
    "insomnia": "zolpidem, zopiclone, trazodone, melatonin, mirtazapine",
    "adhd": "methylphenidate, atomoxetine, lisdexamfetamine",
    "bipolar disorder": f"lithium, lamotrigine, valproate, carbamazepine, {ANTIPSYCHOTICS}",
    "schizophrenia": ANTIPSYCHOTICS,
    "psychosis": ANTIPSYCHOTICS,
    "asthma": f"{INHALERS}, {STEROIDS}",
    "copd": f"{INHALERS}, {STEROIDS}",
    "heart failure": "furosemide, spironolactone, bisoprolol, carvedilol, metoprolol, \
enalapril, ramipril, lisinopril, losartan, valsartan, candesartan, dapagliflozin, \
empagliflozin, digoxin",
    "atrial fibrillation": f"{ANTICOAGULANTS}, bisoprolol, metoprolol, atenolol, diltiazem, \
verapamil, digoxin, amiodarone",
    "coronary artery disease": f"{ANTIPLATELETS}, {LIPIDS}, {CARDIAC}, nitroglycerin",
    "angina": f"{ANTIPLATELETS}, nitroglycerin, bisoprolol, metoprolol, amlodipine",
    "myocardial infarction": f"{ANTIPLATELETS}, {LIPIDS}, {CARDIAC}",
    "acute coronary syndrome": f"{ANTIPLATELETS}, {LIPIDS}, enoxaparin, nitroglycerin",
    "stroke": f"{ANTIPLATELETS}, {LIPIDS}, {ANTICOAGULANTS}",
    "transient ischemic attack": f"{ANTIPLATELETS}, {LIPIDS}",
    "peripheral artery disease": f"{ANTIPLATELETS}, {LIPIDS}",
    "deep vein thrombosis": ANTICOAGULANTS,
    "pulmonary embolism": ANTICOAGULANTS,
    "hypothyroidism": "levothyroxine",
    "osteoporosis": "alendronate, denosumab, cholecalciferol",
    "osteopenia": "alendronate, cholecalciferol",
    "gout": "allopurinol, colchicine",
    "familial mediterranean fever": "colchicine",
    "benign prostatic hyperplasia": "tamsulosin, finasteride, doxazosin, tadalafil",
    "overactive bladder": "solifenacin, mirabegron",
    "urinary incontinence": "solifenacin, mirabegron",
    "erectile dysfunction": "sildenafil, tadalafil",
    "fibromyalgia": "pregabalin, duloxetine, amitriptyline, gabapentin, cyclobenzaprine",
    "peripheral neuropathy": NEUROPATHIC,
    "sciatica": f"{NEUROPATHIC}, {ANALGESICS}",
    "cervical radiculopathy": f"{NEUROPATHIC}, {ANALGESICS}",
    "trigeminal neuralgia": f"carbamazepine, {NEUROPATHIC}",
    "chronic pain": f"{PAIN}, {NEUROPATHIC}",
    "migraine": f"sumatriptan, topiramate, propranolol, amitriptyline, {ANALGESICS}",
    "headache": "acetaminophen, ibuprofen, naproxen, dipyrone",
    "epilepsy": "levetiracetam, lamotrigine, valproate, carbamazepine, topiramate",
    "gerd": ACID,
    "heartburn": ACID,
    "gastritis": ACID,
    "peptic ulcer disease": ACID,
    "helicobacter pylori infection": f"amoxicillin, clarithromycin, metronidazole, {ACID}",
    "osteoarthritis": ANALGESICS,
    "low back pain": PAIN,
    "back pain": PAIN,
    "neck pain": PAIN,
    "muscle strain": PAIN,
    "knee pain": ANALGESICS,
    "joint pain": ANALGESICS,
    "sprain": ANALGESICS,
    "ankle sprain": ANALGESICS,
    "rheumatoid arthritis": f"methotrexate, hydroxychloroquine, adalimumab, {STEROIDS}",
    "psoriatic arthritis": "methotrexate, adalimumab",
    "psoriasis": "methotrexate, adalimumab, clobetasol",
    "lupus": "hydroxychloroquine",
    "polymyalgia rheumatica": STEROIDS,
    "urinary tract infection": "nitrofurantoin, ciprofloxacin, trimethoprim-sulfamethoxazole, \
cefalexin, amoxicillin-clavulanate",
    "pneumonia": f"{RESPIRATORY_ANTIBIOTICS}, ceftriaxone",
    "sinusitis": RESPIRATORY_ANTIBIOTICS,
    "otitis media": RESPIRATORY_ANTIBIOTICS,
    "tonsillitis": RESPIRATORY_ANTIBIOTICS,
    "bronchitis": RESPIRATORY_ANTIBIOTICS,
    "cellulitis": "cefalexin, amoxicillin-clavulanate, doxycycline",
    "allergic rhinitis": f"{ANTIHISTAMINES}, fluticasone, mometasone, montelukast",
    "urticaria": ANTIHISTAMINES,
    "eczema": SKIN_STEROIDS,
    "contact dermatitis": SKIN_STEROIDS,
    "acne": "isotretinoin, doxycycline",
    "tinea": "terbinafine, fluconazole",
    "onychomycosis": "terbinafine",
    "shingles": "acyclovir, valacyclovir",
    "herpes simplex": "acyclovir, valacyclovir",
    "influenza": "oseltamivir",
    "anemia": "ferrous sulfate, folic acid, cyanocobalamin",
    "vitamin d deficiency": "cholecalciferol",
    "vitamin b12 deficiency": "cyanocobalamin",
    "hypokalemia": "potassium chloride",
    "nausea": "ondansetron, metoclopramide, domperidone",
    "vomiting": "ondansetron, metoclopramide, domperidone",
    "constipation": "lactulose, macrogol",
    "diarrhea": "loperamide",
    "ulcerative colitis": f"mesalamine, adalimumab, {STEROIDS}",
    "crohn's disease": f"adalimumab, {STEROIDS}",
    "obesity": "semaglutide, liraglutide, tirzepatide",
    "tobacco use": "bupropion",
}

# condition: the drugs used for it, by generic name
TREATS: dict[str, frozenset[str]] = {
    condition: frozenset(n.strip() for n in names.split(",")) for condition, names in _TABLE.items()
}
