"""Small word lists where the letter rules alone cannot decide.

Each list is short on purpose: it covers the cases that [3690]/[3691] and real usage single out
(foreign words inside ULY text, Chinese loans with a true vowel sequence, a hamza after a
consonant that real-world USY drops, Russian loans spelt the Russian way). Extend them here.
"""

import re
from typing import Final

# Latin acronyms kept verbatim in every script ([3690] §7.8.5 names WTO, DVD and Roman numerals).
LATIN_ACRONYMS: Final = frozenset(
    [
        "AI",
        "AFP",
        "AP",
        "BBC",
        "CD",
        "CEO",
        "CNN",
        "CSV",
        "DVD",
        "EU",
        "FIFA",
        "GPS",
        "HRW",
        "HTML",
        "HTTP",
        "HTTPS",
        "ICC",
        "ICJ",
        "ID",
        "ILO",
        "IOC",
        "IT",
        "NATO",
        "NBA",
        "NGO",
        "NPR",
        "OHCHR",
        "OK",
        "OSCE",
        "PDF",
        "PhD",
        "RFA",
        "SMS",
        "TV",
        "UAE",
        "UHRP",
        "UK",
        "UN",
        "UNESCO",
        "UNHCR",
        "UNICEF",
        "URL",
        "USA",
        "USB",
        "VOA",
        "VPN",
        "WHO",
        "WTO",
        "WUC",
    ]
)
# Valid Roman numerals only (so that DIL or MIL, which are not numerals, are not taken for one).
ROMAN_NUMERAL: Final = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

# Foreign words that happen to use only ULY letters, compared in lower case.
FOREIGN_WORDS: Final = frozenset(
    [
        "google",
        "facebook",
        "twitter",
        "youtube",
        "instagram",
        "whatsapp",
        "telegram",
        "tiktok",
        "iphone",
        "android",
        "microsoft",
        "apple",
        "amazon",
        "reuters",
        "linkedin",
        "gmail",
        "netflix",
        "skype",
        "zoom",
        "wikipedia",
        "tesla",
        "spotify",
        "amnesty",
        "bbc",
        "cnn",
        "the",
        "and",
        "of",
        "for",
        "with",
        "from",
        "this",
        "that",
        "which",
        "are",
        "was",
        "were",
        "will",
        "would",
        "should",
        "could",
        "has",
        "have",
        "been",
        "your",
        "their",
        "there",
        "where",
        "what",
        "who",
        "when",
        "how",
        "not",
        "but",
        "you",
        "they",
        "please",
    ]
)
# Foreign names of several words, compared word by word in lower case.
FOREIGN_PHRASES: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(phrase.split())
    for phrase in (
        "human rights watch",
        "amnesty international",
        "world uyghur congress",
        "uyghur human rights project",
        "campaign for uyghurs",
        "radio free asia",
        "voice of america",
        "new york times",
        "washington post",
        "hong kong",
        "united nations",
        "european union",
    )
)
# Letter sequences that ULY words practically never contain but English words often do.
ENGLISH_SIGNALS: Final = re.compile(r"th|ph|wh|oo|[bdfgjklmnpqrstwxz]y$")

# Chinese loans with a true vowel sequence: no hamza between the vowels (umsc: jungxua).
# Keys are the UEY stems; a word that starts with one keeps it unchanged.
CHINESE_LOANS: Final[tuple[str, ...]] = ("جۇڭخۇا", "شىنخۇا", "چىڭخۇا")

# A hamza after a consonant, which real-world USY and careless ULY drop and the letter rules
# cannot restore: hamza-less stem -> stem with hamza (мәсул -> مەسئۇل).
HAMZA_STEMS: Final[dict[str, str]] = {
    "مەسۇل": "مەسئۇل",
    "جەمىي": "جەمئىي",
    "خەلقارا": "خەلقئارا",
    "ئەنەنە": "ئەنئەنە",
    "قەتىي": "قەتئىي",
    "سەنەت": "سەنئەت",
    "جۈرەت": "جۈرئەت",
}

# Stems whose hamza after a consonant Kazakhstan's Cyrillic writes ъ even where it drops the
# others (Uyghur Avazi: сәнъәт, сәнъити, but хәлқара, мәсул); [3691] §6.4 lists мәнъий.
USY_HARD_SIGN_STEMS: Final[tuple[str, ...]] = ("سەنئ", "مەنئ")

# Russian loans that [3691] spells the Russian way in USY (its own examples).
USY_LOANS: Final[dict[str, str]] = {
    "ئاۋىياتسىيە": "авиация",
    "سارتسىن": "сарцин",
}
USY_LOANS_REVERSED: Final[dict[str, str]] = {usy: uey for uey, usy in USY_LOANS.items()}

# Beginnings of case, plural and possessive suffixes (UEY): a listed proper noun followed by one
# of these is still that name (Uyghurlarning, Almutadin), so it keeps its capital.
PROPER_NOUN_SUFFIXES: Final[tuple[str, ...]] = (
    "لار",
    "لەر",
    "نىڭ",
    "نى",
    "غا",
    "گە",
    "قا",
    "كە",
    "دا",
    "دە",
    "تا",
    "تە",
    "دىن",
    "تىن",
    "دىكى",
    "تىكى",
    "چە",
    "چى",
    "لىق",
    "لىك",
    "لۇق",
    "لۈك",
    "مۇ",
    "لا",
    "ى",
    "سى",
    "ستان",
)
