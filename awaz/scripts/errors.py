"""Errors and options shared by every module of the converter."""

from enum import StrEnum
from typing import Final

SCRIPTS: Final = ("ug", "ug-latn", "ug-cyrl")
# Longest input accepted, in characters: a petition is a few thousand words; ten times the
# largest text we expect still converts in well under a second.
MAX_INPUT_CHARS: Final = 1_000_000


class ConversionError(ValueError):
    """The input cannot be converted (too long, lone surrogates, not a string)."""


class UnknownScriptError(ValueError):
    """A script code that is not one of ``SCRIPTS``."""


class CyrillicHamza(StrEnum):
    """How a hamza inside a word is written in Cyrillic Uyghur (USY).

    ``DROP`` is real-world Kazakhstan usage (маарип, мәсул); ``APOSTROPHE`` is the
    DB65/T 3691-2015 rule (ма'арип, мәс'ул). Either is read back on input.
    """

    DROP = "drop"
    APOSTROPHE = "apostrophe"


class CyrillicSpelling(StrEnum):
    """Which Cyrillic Uyghur (USY) spelling of native words is written; both are read back.

    ``STANDARD`` writes every word letter for letter by DB65/T 3691-2015, as RFA's Cyrillic
    edition prints it (йил, қазақистан, хәлқ, мәзкур). ``KAZAKHSTAN`` writes the Kazakhstan
    orthography of the Almaty press (Uyghur Avazi): ж for й before и at the start of a word
    (жил), -ивий for the adjective ending ىۋى (аммивий), and the word-level spellings of
    ``kazakhstan_spellings.tsv`` (қазақстан, хәлиқ, мәзкүр, екән). Russian loans keep their
    Russian spelling in both.
    """

    STANDARD = "standard"
    KAZAKHSTAN = "kazakhstan"
