"""Input checks and character-level normalization, before any word is converted."""

import re
import unicodedata
from typing import Final

from awaz.scripts.errors import MAX_INPUT_CHARS, ConversionError

# Arabic-Indic (U+0660-0669) and Extended Arabic-Indic (U+06F0-06F9) digits, and the Arabic
# decimal, thousands and percent signs: all three scripts write European digits.
_DIGITS: Final[dict[int, str]] = {
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
    0x066A: "%",
    0x066B: ".",
    0x066C: ",",
}
_DIGIT_CHARS: Final = re.compile("[\u0660-\u066c\u06f0-\u06f9]")

# Arabic Presentation Forms-A and -B: shaped glyphs that some old converters and PDFs emit.
# NFKC restricted to these ranges gives back the base letters ([3690] §6.1.1); the ligatures
# FBEA-FBFB become hamza + vowel.
_PRESENTATION_FORMS: Final = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
_ARABIC_FIXES: Final = (
    ("\u0640", ""),  # tatweel only stretches a line ([3690] §6.8.4)
    ("\u06d4", "-"),  # some UEY text uses the Urdu full stop as a hyphen (ئىززەت۔ھۆرمەت)
    ("\u0647", "ە"),  # Arabic heh, typed on Arabic/Persian keyboards for ە (even CLDR has ئه)
    ("\u06a9", "ك"),  # Persian keheh
)
# Persian yeh: it shows dotless at the end of a word (so it was meant as ى) and dotted
# inside one (so it was meant as ي).
_PERSIAN_YEH: Final = re.compile("\u06cc(?=[\u0621-\u064a\u066e-\u06d3\u06d5])")

_LATIN_COMBINING: Final = (
    ("e\u0301", "é"),
    ("E\u0301", "É"),
    ("e\u0308", "é"),
    ("E\u0308", "É"),
    ("o\u0308", "ö"),
    ("O\u0308", "Ö"),
    ("u\u0308", "ü"),
    ("U\u0308", "Ü"),
)
_LATIN_LETTER: Final = "A-Za-z\u00c0-\u024f"
# Typographic apostrophes and a backtick between two letters are ULY apostrophes.
_LATIN_APOSTROPHES: Final = re.compile(
    f"(?<=[{_LATIN_LETTER}])[\u2019\u02bc`](?=[{_LATIN_LETTER}])"
)

_CYRILLIC_COMBINING: Final = (
    ("и\u0306", "й"),
    ("И\u0306", "Й"),
    ("е\u0308", "ё"),
    ("Е\u0308", "Ё"),
)
_CYRILLIC_APOSTROPHES: Final = re.compile("(?<=[\u0400-\u04ff])[\u2019\u02bc`](?=[\u0400-\u04ff])")
# Latin letters typed inside Cyrillic words because they look alike; even [3691] prints a
# Latin Ə in an example.
_CYRILLIC_LOOKALIKES: Final = str.maketrans(
    "aceopxyhkAEOPCXYHKMTBəƏɵƟ", "асеорхуһкАЕОРСХУҺКМТВәӘөӨ"
)
# Where a Latin letter touches a Cyrillic one: only such words need fixing, and there are few.
_SCRIPT_SEAM: Final = re.compile(
    "[\u0400-\u04ff][A-Za-z\u0259\u018f\u0275\u019f]|[A-Za-z\u0259\u018f\u0275\u019f][\u0400-\u04ff]"
)
_WORD_END: Final = re.compile("[A-Za-z\u0259\u018f\u0275\u019f\u0400-\u04ff]*")
_WORD_CHARS: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\u0259\u018f\u0275\u019f"
    + "".join(map(chr, range(0x0400, 0x0500)))
)


def check_input(text: object) -> str:
    """Return ``text`` if it can be converted, else raise ``ConversionError`` at once."""
    if not isinstance(text, str):
        raise ConversionError(f"text must be a str, not {type(text).__name__}")
    if len(text) > MAX_INPUT_CHARS:
        raise ConversionError(
            f"text is {len(text):,} characters long; the limit is {MAX_INPUT_CHARS:,}"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(text[error.start])
        raise ConversionError(
            f"text contains a lone surrogate U+{code:04X} at index {error.start}; "
            "decode the input as UTF-8 before converting it"
        ) from None
    return text


def normalize(text: str, source: str) -> str:
    """Normalize characters of a text written in ``source`` (one of ``SCRIPTS``).

    Digits become ASCII in every script. Arabic script: presentation forms become base letters,
    tatweel goes, keyboard look-alikes (ه ک ی) become Uyghur letters, ۔ becomes a hyphen.
    Latin: decomposed accents are composed, ë becomes é, typographic apostrophes inside words
    become '. Cyrillic: decomposed й is composed, Latin look-alikes inside Cyrillic words
    become Cyrillic. Nothing else (CJK, emoji, other scripts' words) is touched.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if _DIGIT_CHARS.search(text):
        text = text.translate(_DIGITS)
    if source == "ug":
        return _normalize_arabic(text)
    if source == "ug-latn":
        return _normalize_latin(text)
    return _normalize_cyrillic(text)


def _normalize_arabic(text: str) -> str:
    if _PRESENTATION_FORMS.search(text):
        text = _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    # str.replace is much faster than str.translate on long non-ASCII text.
    for wrong, right in _ARABIC_FIXES:
        if wrong in text:
            text = text.replace(wrong, right)
    if "\u06cc" in text:
        text = _PERSIAN_YEH.sub("ي", text).replace("\u06cc", "ى")
    return text


def _normalize_latin(text: str) -> str:
    if "\u0301" in text or "\u0308" in text:
        for decomposed, composed in _LATIN_COMBINING:
            text = text.replace(decomposed, composed)
    text = text.replace("ë", "é").replace("Ë", "É")
    return _LATIN_APOSTROPHES.sub("'", text)


def _normalize_cyrillic(text: str) -> str:
    if "\u0306" in text or "\u0308" in text:
        for decomposed, composed in _CYRILLIC_COMBINING:
            text = text.replace(decomposed, composed)
    text = _CYRILLIC_APOSTROPHES.sub("'", text)
    seam = _SCRIPT_SEAM.search(text)
    if seam is None:
        return text
    # Fix each word that mixes both scripts; a whole Latin word is a foreign word and stays.
    parts: list[str] = []
    done = 0
    while seam is not None:
        start = seam.start()
        while start > done and text[start - 1] in _WORD_CHARS:
            start -= 1
        word_end = _WORD_END.match(text, seam.end())
        end = word_end.end() if word_end else seam.end()
        parts.append(text[done:start])
        parts.append(text[start:end].translate(_CYRILLIC_LOOKALIKES))
        done = end
        seam = _SCRIPT_SEAM.search(text, done)
    parts.append(text[done:])
    return "".join(parts)
