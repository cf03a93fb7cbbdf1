"""Names added for the clinics the first lexicons did not cover: geriatrics,
nephrology, rheumatology, women's health, sports medicine, occupational therapy, addiction
psychiatry, the diabetes nurse clinic and a telehealth GP. Merged into the tables of
`core.timeline.vocab.lexicon`: a key already there gains the names, a new key is a new name.
Data only, as the other lexicons are; lower case."""

from __future__ import annotations

DRUGS_MORE: dict[str, tuple[str, ...]] = {
    "buprenorphine": (
        *("subutex", "suboxone", "buvidal", "סובוטקס", "סובוקסון", "בופרנורפין"),
        "בופרנורפין תת לשוני",
    ),
    "naltrexone": ("revia", "adepend", "נלטרקסון"),
    "acamprosate": ("campral", "קמפרל", "אקמפרוסאט"),
    "methadone": ("מתדון",),
    "oxazepam": ("vaben", "ואבן", "אוקסזפאם"),
    "brotizolam": ("bondormin", "בונדורמין"),
    "zopiclone": ("imovane", "nocturno", "זופיקלון", "נוקטורנו"),
    "memantine": ("ebixa", "namenda", "אביקסה", "ממנטין"),
    "donepezil": ("aricept", "אריספט", "דונפזיל"),
    "rivastigmine": ("exelon", "אקסלון", "ריבסטיגמין"),
    "glucagon": ("glucagen", "gvoke", "גלוקגון", "גלוקגן"),
    "desogestrel": ("cerazette", "צרזט", "דסוגסטרל"),
    "progesterone": ("utrogestan", "micronised progesterone", "micronized progesterone"),
    "tranexamic acid": ("hexakapron", "cyklokapron", "הקסקפרון", "חומצה טרנקסמית"),
    "nitrofurantoin": ("macrodantin", "macrobid", "מקרודנטין", "ניטרופורנטואין"),
    "sulfasalazine": ("salazopyrin", "סלזופירין", "סולפסלזין"),
    "hydroxychloroquine": ("plaquenil", "פלקוניל", "הידרוקסיכלורוקין"),
    "leflunomide": ("arava", "ארבה"),
    "acetylcysteine": ("fluimucil", "פלואימוציל"),
}

# Names joined to a drug already in the table (a brand or a short form clinicians type).
DRUG_NAMES_MORE: dict[str, tuple[str, ...]] = {
    "methotrexate": ("mtx", "methotrexate sodium", "מטוטרקסט"),
    "insulin glargine": ("toujeo", "abasaglar", "טוג'או", "טוז'או"),
    "alendronate": ("fosalan", "פוסלן"),
    "estradiol": ("estrogel", "oestrogel", "estradiol gel", "אסטרוג'ל"),
    "ferrous sulfate": ("ferrograd", "ferro-gradumet", "פרוגרד"),
    "folic acid": ("folex", "פולקס"),
    "cholecalciferol": ("vit d", "vit d3", "ויטמין D3"),
    "doxazosin": ("קרדורה",),
}
