"""Other names that count as a label's name: abbreviations, spellings, synonyms and Hebrew
forms (the scorer matches diagnoses by word subsets and procedures by their words). Each
label also counts the words it spans as a name (markup.py)."""

from __future__ import annotations

_DX = """
copd: chronic obstructive pulmonary disease | מחלת ריאות חסימתית
dyspnoea: dyspnea | shortness of breath | sob | breathlessness | קוצר נשימה
haemoptysis: hemoptysis
fever: pyrexia | חום
daytime sleepiness: excessive daytime sleepiness | hypersomnolence
wheeze: wheezing | צפצופים
oedema: edema | ankle oedema | peripheral oedema | peripheral edema | swelling | בצקת
gerd: gord | gastro-oesophageal reflux disease | gastroesophageal reflux disease | reflux
asthma: גנחת | אסטמה
obstructive sleep apnoea: obstructive sleep apnea | osa | sleep apnoea | sleep apnea
pulmonary nodule: lung nodule | קשרית בריאה
hypertension: htn | high blood pressure | יתר לחץ דם | יל"ד
pulmonary embolism: pe | תסחיף ריאתי
type 2 diabetes: t2dm | dm2 | diabetes | type 2 diabetes mellitus | סוכרת | סכרת
melaena: melena
diarrhoea: diarrhea | loose stools | שלשול
rectal bleeding: pr bleeding | hematochezia | haematochezia | blood in stool
heartburn: pyrosis
oesophagitis: esophagitis | reflux oesophagitis | reflux esophagitis
hiatus hernia: hiatal hernia
ulcerative colitis: uc | colitis
iron deficiency anaemia: iron deficiency anemia | ida | anaemia | anemia | אנמיה
irritable bowel syndrome: ibs | ibs-c | מעי רגיז
coeliac disease: celiac disease | coeliac | celiac
fatty liver: masld | nafld | mafld | fatty liver disease | hepatic steatosis
crohn's disease: crohn disease | crohns | crohn | מחלת קרוהן
upper gi bleed: gi bleed | upper gastrointestinal bleeding | gastrointestinal bleeding
numbness: paraesthesia | paresthesia | נימולים
dysarthria: slurred speech
carpal tunnel syndrome: cts | carpal tunnel
medication overuse headache: moh
epilepsy: focal epilepsy | כפיון
seizure: seizures | פרכוס
migraine: מיגרנה | מיגרנות
peripheral neuropathy: neuropathy | polyneuropathy | sensory neuropathy | נוירופתיה
tia: transient ischaemic attack | transient ischemic attack
multiple sclerosis: ms | rrms
stroke: cva | cerebrovascular accident | ischaemic stroke | אירוע מוחי | שבץ
atrial fibrillation: af | afib | פרפור פרוזדורים
naevus: nevus | mole | atypical naevus | atypical nevus | שומה
acne: acne vulgaris
urticaria: hives | chronic urticaria | אורטיקריה
actinic keratosis: actinic keratoses | ak | solar keratosis
psoriasis: plaque psoriasis | ספחת
basal cell carcinoma: bcc
tinea pedis: athlete's foot | פטרת
onychomycosis: tinea unguium | fungal nail infection
seborrhoeic dermatitis: seborrheic dermatitis | seb derm
depression: major depressive disorder | mdd | דיכאון
nasal obstruction: nasal congestion | blocked nose
anosmia: loss of smell | hyposmia
post-nasal drip: postnasal drip
hoarseness: dysphonia
sensorineural hearing loss: snhl | hearing loss | ירידה בשמיעה
chronic rhinosinusitis with nasal polyps: crswnp | chronic rhinosinusitis | chronic sinusitis
otitis media with effusion: ome | glue ear | middle ear effusion | otitis media
vocal cord nodules: vocal fold nodules | vocal nodules
allergic rhinitis: hay fever
lower urinary tract symptoms: luts
haematuria: hematuria | visible haematuria | microscopic haematuria | המטוריה
renal colic: ureteric colic
erectile dysfunction: ed
bladder tumour: bladder tumor | tumour | tumor | bladder cancer
benign prostatic hyperplasia: bph | prostatic hypertrophy | enlarged prostate
kidney stones: kidney stone | nephrolithiasis | renal stone | urolithiasis | אבן בכליה
urinary tract infection: uti | utis | recurrent uti | דלקת בדרכי השתן
fatigue: tiredness
arthralgia: joint pain
nausea: בחילה
breast cancer: breast carcinoma | breast ca | סרטן השד
colon cancer: colorectal cancer | colon carcinoma
lung cancer: lung adenocarcinoma | nsclc
deep vein thrombosis: dvt
low back pain: lbp | back pain | כאב גב
headache: headaches | כאב ראש
radiculopathy: sciatica
disc herniation: disc prolapse | herniated disc | prolapsed disc
complex regional pain syndrome: crps
opioid misuse: opioid use disorder
osteoarthritis: oa | אוסטאוארתריטיס
loss of consciousness: loc
abdominal pain: rlq pain | right lower quadrant pain | כאב בטן
syncope: vasovagal syncope | faint
distal radius fracture: wrist fracture | radius fracture | fracture
pneumonia: community-acquired pneumonia | cap
acute coronary syndrome: acs
ischaemic heart disease: ihd | coronary artery disease | cad | ischemic heart disease
myocardial infarction: mi | heart attack | אוטם
leg ulcer: ulcer | wound | פצע
wound infection: infection
pressure ulcer: pressure injury | pressure sore | decubitus ulcer | bedsore
venous leg ulcer: leg ulcer | venous ulcer
heart failure: chf | congestive heart failure | hf | אי ספיקת לב
dementia: שיטיון
hip fracture: #nof | fractured neck of femur | neck of femur fracture | nof fracture
sore throat: pharyngitis
anxiety: anxiety disorder | חרדה
panic attacks: panic attack | panic disorder
ankle sprain: sprained ankle | sprain
infectious mononucleosis: mononucleosis | glandular fever | mono | ebv
stuttering: stammering | גמגום
hyperlipidaemia: hyperlipidemia | dyslipidaemia | dyslipidemia | high cholesterol
gestational diabetes: gdm | gestational diabetes mellitus
vomiting: הקאה
"""

_PX = """
6-minute walk test: 6mwt | six minute walk test | 6 minute walk test | walk test
ct chest: chest ct | ct thorax | ct
pulmonary function tests: pfts | pft | lung function tests | full pfts
gastroscopy: ogd | egd | upper endoscopy | oesophagogastroduodenoscopy
transient elastography: fibroscan | elastography
nerve conduction study: ncs | nerve conduction studies
mri brain: brain mri | mri head | mri
datscan: dat scan | spect
eeg: electroencephalogram
dermoscopy: dermatoscopy
skin biopsy: punch biopsy | biopsy
cryotherapy: cryo | liquid nitrogen
nasendoscopy: flexible nasendoscopy | nasal endoscopy | endoscopy
audiometry: audiogram | hearing test | pure tone audiometry
ct sinuses: ct sinus | ct paranasal sinuses | ct
mri internal auditory meatus: mri iams | mri iam | mri internal auditory canals | mri iac | mri
bladder scan: pvr | post-void residual | bladder ultrasound
cystoscopy: flexible cystoscopy | flexi cysto | cysto
urinalysis: urine dip | urine dipstick | dipstick
ct urogram: ct urography | ctu | ct
dexa: dxa | bone density scan | bone densitometry | bone density | dexa scan
ct chest abdomen pelvis: ct cap | ct | ct chest abdomen and pelvis
trigger point injection: trigger point injections | tpi
epidural steroid injection: epidural injection | esi | tfesi | epidural
ecg: ekg | electrocardiogram
chest x-ray: cxr | chest xray | x-ray
x-ray wrist: wrist x-ray | xr wrist | x-ray
ct abdomen: abdominal ct | ct
wound dressing: dressing change | dressing
urinary catheter change: catheter change | catheterisation | catheter
swallow assessment: bedside swallow assessment | swallow screen | bedside swallow
fees: fiberoptic endoscopic evaluation of swallowing
videofluoroscopy: vfss | videofluoroscopic swallow study | modified barium swallow
referral: counselling: counseling | psychology | student counselling
referral: diabetes education: diabetes educator | diabetes nurse | diabetes
referral: dietetics: dietitian | dietician | nutrition | nutritionist
referral: fracture clinic: orthopaedics | orthopedics | orthopaedic | orthopedic
referral: general practice: gp | family medicine | family physician | primary care
referral: hand surgery: hand surgeon | plastic surgery | orthopaedics
referral: mohs surgery: mohs | dermatologic surgery | dermatology surgery | plastic surgery
referral: orthopaedics: orthopedics | orthopaedic | orthopedic | fracture clinic
referral: pain psychology: psychology
referral: physiotherapy: physio | physical therapy
referral: psycho-oncology: psychooncology | psychology
referral: pulmonary rehabilitation: pulmonary rehab | rehabilitation
referral: speech therapy: speech and language therapy | slt | speech language pathology
"""


def _table(block: str, prefix_refs: bool) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in block.strip().splitlines():
        name, _, rest = (
            line.rpartition(": ") if line.startswith("referral") else line.partition(": ")
        )
        names = tuple(a.strip() for a in rest.split("|"))
        if prefix_refs and name.startswith("referral"):
            names = tuple(f"referral: {a}" for a in names)
        out[name] = names
    return out


ALIASES: dict[str, tuple[str, ...]] = {**_table(_DX, False), **_table(_PX, True)}


def aliases_of(name: str) -> tuple[str, ...]:
    return ALIASES.get(name, ())
