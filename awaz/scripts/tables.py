"""Letter tables for the three Uyghur scripts (DB65/T 3690-2015 and DB65/T 3691-2015).

The Arabic script (UEY) is the pivot: every Uyghur word is first read into a string of UEY
letters, then written in the target script. So each table maps to or from UEY letters.
"""

from typing import Final

HAMZA: Final = "ئ"  # U+0626, not a letter: it marks a vowel that starts a syllable

# The 32 letters in UEY alphabetical order: (UEY, ULY, USY).
ALPHABET: Final[tuple[tuple[str, str, str], ...]] = (
    ("ا", "a", "а"),
    ("ە", "e", "ә"),
    ("ب", "b", "б"),
    ("پ", "p", "п"),
    ("ت", "t", "т"),
    ("ج", "j", "җ"),
    ("چ", "ch", "ч"),
    ("خ", "x", "х"),
    ("د", "d", "д"),
    ("ر", "r", "р"),
    ("ز", "z", "з"),
    ("ژ", "zh", "ж"),
    ("س", "s", "с"),
    ("ش", "sh", "ш"),
    ("غ", "gh", "ғ"),
    ("ف", "f", "ф"),
    ("ق", "q", "қ"),
    ("ك", "k", "к"),
    ("گ", "g", "г"),
    ("ڭ", "ng", "ң"),
    ("ل", "l", "л"),
    ("م", "m", "м"),
    ("ن", "n", "н"),
    ("ھ", "h", "һ"),
    ("و", "o", "о"),
    ("ۇ", "u", "у"),
    ("ۆ", "ö", "ө"),
    ("ۈ", "ü", "ү"),
    ("ۋ", "w", "в"),
    ("ې", "é", "е"),
    ("ى", "i", "и"),
    ("ي", "y", "й"),
)

UEY_LETTERS: Final = frozenset(row[0] for row in ALPHABET)
UEY_VOWELS: Final = frozenset("اەېىوۇۆۈ")
# Letters a UEY word may contain: the alphabet, the hamza, and joiners kept from the input.
UEY_WORD_CHARS: Final = UEY_LETTERS | {HAMZA, "\u200c", "\u200d"}

UEY_TO_ULY: Final[dict[str, str]] = {uey: uly for uey, uly, _ in ALPHABET}
UEY_TO_USY: Final[dict[str, str]] = {uey: usy for uey, _, usy in ALPHABET}
ULY_TO_UEY: Final[dict[str, str]] = {uly: uey for uey, uly, _ in ALPHABET}
ULY_DIGRAPHS: Final = frozenset(("ch", "zh", "sh", "gh", "ng"))
# [3690] prints ë for ې; real-world ULY writes é. Both are read, é is written.
ULY_TO_UEY["ë"] = "ې"

ULY_LOWER_LETTERS: Final = frozenset("abdefghijklmnopqrstuwxyzéëöü")

# USY: the 32 letters plus я ю and the Russian-loan letters ц щ э ы ъ ь ([3691] §6.2).
USY_TO_UEY: Final[dict[str, str]] = {usy: uey for uey, _, usy in ALPHABET}
USY_TO_UEY.update(
    {
        "я": "يا",
        "ю": "يۇ",
        "ё": "يو",  # not in [3691]; read as йо
        "э": "ې",
        "ы": "ى",
        "щ": "چ",  # [3691] §7: щ is read as ch by default
    }
)
USY_LOWER_LETTERS: Final = frozenset("".join(USY_TO_UEY) + "цъь")
USY_VOWEL_CHARS: Final = frozenset("аәеиоуөүэыяюё")

# Arabic script punctuation and its Latin/Cyrillic equivalents ([3690] tables 8/14).
ARABIC_PUNCTUATION_TO_ASCII: Final[dict[int, str]] = {
    ord("،"): ",",
    ord("؛"): ";",
    ord("؟"): "?",
}
ASCII_PUNCTUATION_TO_ARABIC: Final[dict[int, str]] = {
    ord(","): "،",
    ord(";"): "؛",
    ord("?"): "؟",
}
