"""More drugs and brands, each to its generic (INN) name, with Hebrew spellings: fertility
and gender-affirming hormones, eye drops, palliative and travel medicines, and Israeli and
British brands a note names instead of the generic. The maintained vocabulary
(`drug_vocab`) lacks some of them (testosterone, cyproterone) or names them otherwise
(rifampin, dimethicone); a name here is the lexicon's and wins over the vocabulary's.
Lower case; merged into `core.timeline.vocab.lexicon.DRUGS`."""

from __future__ import annotations

DRUG_BRANDS: dict[str, tuple[str, ...]] = {
    # Hormones
    "testosterone": (
        "nebido",
        "sustanon",
        "testogel",
        "androgel",
        "tostran",
        "testim",
        "טסטוסטרון",
        "נבידו",
        "סוסטנון",
        "טסטוג'ל",
        "אנדרוג'ל",
    ),
    "cyproterone": ("cyproterone acetate", "androcur", "אנדרוקור", "ציפרוטרון"),
    "progesterone": (
        "cyclogest",
        "crinone",
        "endometrin",
        "lubion",
        "פרוגסטרון",
        "סייקלוג'סט",
        "קרינון",
        "אנדומטרין",
        "אוטרוג'סטן",
    ),
    "cetrorelix": ("cetrotide", "צטרוטייד", "צטרוטיד"),
    "ganirelix": ("orgalutran", "fyremadel", "אורגלוטרן"),
    "follitropin alfa": ("gonal-f", "gonal f", "גונל-אף", "גונל אף", "גונל-F", "גונל F"),
    "follitropin beta": ("puregon", "פיורגון"),
    "menotropins": ("menopur", "מנופור"),
    "choriogonadotropin alfa": ("ovitrelle", "ovidrel", "אוביטרל"),
    # Eye drops
    "prednisolone": ("pred forte", "predforte", "פרד פורט", "פרד-פורט", "פרדפורט"),
    "latanoprost": ("xalatan", "monopost", "זלטן", "קסלטן", "לטנופרוסט"),
    "brimonidine": ("alphagan", "אלפגן", "ברימונידין"),
    "dorzolamide": ("trusopt", "טרוסופט", "דורזולמיד"),
    "chloramphenicol": ("chloromycetin", "synthomycine", "כלורמפניקול", "סינטומיצין"),
    # Palliative care, bowels
    "macrogol": (
        "polyethylene glycol",
        "movicol",
        "laxido",
        "miralax",
        "peg 3350",
        "מוביקול",
        "מקרוגול",
    ),
    "senna": ("sennosides", "senokot", "סנה", "סנוקוט"),
    "midazolam": ("dormicum", "buccolam", "מידזולם", "דורמיקום"),
    "fentanyl": ("durogesic", "פנטניל", "דורוג'סיק"),
    # Infections, travel
    "rifampicin": ("rifampin", "rifadin", "rifadine", "ריפמפיצין", "ריפדין"),
    "flucloxacillin": ("floxapen", "fluclox", "פלוקלוקסצילין"),
    "cefalexin": ("ceforal", "צפורל", "צפוראל"),
    "dimeticone": ("dimethicone", "hedrin", "הדרין", "דימטיקון"),
    # Clinicians' short forms ("pred" is left out: "FEV1 82% pred" is "predicted")
    "amoxicillin": ("amox",),
    "clarithromycin": ("clarith",),
    "doxycycline": ("doxy",),
    "azithromycin": ("azithro",),
    "amoxicillin-clavulanate": ("co-amox",),
    # Combinations by their British names
    "acetaminophen-codeine": ("co-codamol", "cocodamol", "solpadol", "zapain", "tylex"),
    "calcium carbonate-cholecalciferol": (
        "adcal-d3",
        "adcal d3",
        "calcichew d3",
        "calcichew-d3",
        "calcichew d3 forte",
        "accrete d3",
    ),
    # Oncology, ENT
    "letrozole": ("femara", "פמרה", "לטרוזול"),
    "anastrozole": ("arimidex", "ארימידקס", "אנסטרוזול"),
    "tamoxifen": ("nolvadex", "נולבדקס", "טמוקסיפן"),
    "xylometazoline": ("otrivin", "otrivine", "אוטריווין", "אוטריוין", "קסילומטזולין"),
    "oxymetazoline": ("afrin", "iliadin", "אפרין", "איליאדין"),
    # Brands written for drugs the lexicon already names
    "simvastatin": ("simvacor", "סימבקור"),
    "desloratadine": ("אריוס", "aerius"),
    "epinephrine": ("adrenaline", "epipen", "jext", "אפיפן", "אדרנלין", "אפינפרין"),
}
