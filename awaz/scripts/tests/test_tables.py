"""The 32-letter tables, both ways, in all three scripts."""

import pytest

from awaz.scripts import convert
from awaz.scripts.tables import ALPHABET, UEY_VOWELS

CONSONANTS = [row for row in ALPHABET if row[0] not in UEY_VOWELS]
VOWELS = [row for row in ALPHABET if row[0] in UEY_VOWELS]


def test_alphabet_has_32_letters_each_distinct_in_every_script() -> None:
    assert len(ALPHABET) == 32
    for column in range(3):
        assert len({row[column] for row in ALPHABET}) == 32


@pytest.mark.parametrize(("uey", "uly", "usy"), CONSONANTS)
def test_consonant_converts_both_ways_between_arabic_and_latin(
    uey: str, uly: str, usy: str
) -> None:
    # Inside a word (after ا) so that no hamza or capital is involved.
    assert convert(f"ا{uey}", source="ug", target="ug-latn") == f"A{uly}"
    assert convert(f"a{uly}", source="ug-latn", target="ug") == f"ئا{uey}"


@pytest.mark.parametrize(("uey", "uly", "usy"), CONSONANTS)
def test_consonant_converts_both_ways_between_arabic_and_cyrillic(
    uey: str, uly: str, usy: str
) -> None:
    assert convert(f"ئا{uey}", source="ug", target="ug-cyrl") == f"А{usy}"
    assert convert(f"а{usy}", source="ug-cyrl", target="ug") == f"ئا{uey}"


@pytest.mark.parametrize(("uey", "uly", "usy"), VOWELS)
def test_vowel_converts_both_ways_in_all_scripts(uey: str, uly: str, usy: str) -> None:
    assert convert(f"ب{uey}", source="ug", target="ug-latn") == f"B{uly}"
    assert convert(f"ب{uey}", source="ug", target="ug-cyrl") == f"Б{usy}"
    assert convert(f"b{uly}", source="ug-latn", target="ug") == f"ب{uey}"
    assert convert(f"б{usy}", source="ug-cyrl", target="ug") == f"ب{uey}"


def test_latin_writes_e_acute_for_e_and_reads_e_diaeresis_too() -> None:
    assert convert("يېزىق", source="ug", target="ug-latn") == "Yéziq"
    assert convert("yëziq", source="ug-latn", target="ug") == "يېزىق"
    assert convert("YËZIQ bar", source="ug-latn", target="ug-cyrl") == "ЙЕЗИҚ бар"


def test_cyrillic_writes_ya_and_yu_for_y_with_a_and_u() -> None:
    assert convert("يۇرت ياخشى دۇنيا", source="ug", target="ug-cyrl") == "Юрт яхши дуня"
    assert convert("юрт яхши дуня", source="ug-cyrl", target="ug") == "يۇرت ياخشى دۇنيا"


def test_cyrillic_writes_short_i_for_y_before_other_vowels() -> None:
    assert convert("يەنە يېڭى يىل يول يۆتەل يۈز", source="ug", target="ug-cyrl") == (
        "Йәнә йеңи йил йол йөтәл йүз"
    )


def test_latin_and_cyrillic_convert_into_each_other_letter_by_letter() -> None:
    latin = "ang gh sh ch zh j x q é ö ü w y"
    assert convert(latin, source="ug-latn", target="ug-cyrl") == "Аң ғ ш ч ж җ х қ е ө ү в й"
    assert convert("аң ғ ш ч ж җ х қ е ө ү в й", source="ug-cyrl", target="ug-latn") == (
        "Ang gh sh ch zh j x q é ö ü w y"
    )
