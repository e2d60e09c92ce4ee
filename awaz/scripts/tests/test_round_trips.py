"""Arabic -> Latin -> Arabic and Arabic -> Cyrillic -> Arabic on clean text."""

import pytest

from awaz.scripts import CyrillicHamza, CyrillicSpelling, convert

PETITION = """\
# سېرىكجان بىلاشنى ئازاد قىلىڭ

ئۇيغۇر ۋە قازاق خەلقىنىڭ ھەق-ھوقۇقلىرىنى قوغداش ئۈچۈن بۇ ئىلتىماسقا ئىمزا قويۇڭ. 2019-يىلى \
مارتتا ئۇ ئالمۇتادا تۇتقۇن قىلىندى؛ ئۇنىڭ ئائىلىسى ۋە دوستلىرى ئەندىشە قىلماقتا.

- مائارىپ، مەدەنىيەت ۋە تىل ھوقۇقى
- ئادالەت ۋە ئەركىنلىك!

ب د ت ۋە خەلقئارا جەمئىيەت بۇ مەسىلىگە قاراپ تۇرامدۇ؟ «بىز ئۈنسىز قالمايمىز» دېدى ئۇلار.
تەپسىلاتى: https://example.org/petition?id=7 ، @AtajurtVolunteers #FreeSerikzhan
"""


def test_arabic_to_latin_to_arabic_is_identity_on_clean_text() -> None:
    latin = convert(PETITION, source="ug", target="ug-latn")
    assert convert(latin, source="ug-latn", target="ug") == PETITION


def test_arabic_to_cyrillic_with_apostrophe_to_arabic_is_identity() -> None:
    cyrillic = convert(
        PETITION, source="ug", target="ug-cyrl", cyrillic_hamza=CyrillicHamza.APOSTROPHE
    )
    assert convert(cyrillic, source="ug-cyrl", target="ug") == PETITION


def test_arabic_to_real_world_cyrillic_to_arabic_is_identity_without_hamza_after_consonant() -> (
    None
):
    # The petition's only hamza after a consonant is in listed words (خەلقئارا, جەمئىيەت).
    cyrillic = convert(PETITION, source="ug", target="ug-cyrl")
    assert "мәсилигә" in cyrillic and "хәлқара" in cyrillic
    assert convert(cyrillic, source="ug-cyrl", target="ug") == PETITION


@pytest.mark.parametrize("hamza", list(CyrillicHamza))
def test_arabic_to_kazakhstan_cyrillic_to_arabic_is_identity(hamza: CyrillicHamza) -> None:
    cyrillic = convert(
        PETITION,
        source="ug",
        target="ug-cyrl",
        cyrillic_hamza=hamza,
        cyrillic_spelling=CyrillicSpelling.KAZAKHSTAN,
    )
    assert "хәлиқара" in cyrillic and "2019-жили" in cyrillic and "қазақ хәлқиниң" in cyrillic
    assert convert(cyrillic, source="ug-cyrl", target="ug") == PETITION


def test_real_world_cyrillic_loses_an_unlisted_hamza_after_a_consonant() -> None:
    cyrillic = convert("ئىتئېيىق", source="ug", target="ug-cyrl")
    assert cyrillic == "Итейиқ"
    assert convert(cyrillic, source="ug-cyrl", target="ug") == "ئىتېيىق"


@pytest.mark.parametrize("hamza", list(CyrillicHamza))
def test_latin_to_cyrillic_to_latin_is_identity(hamza: CyrillicHamza) -> None:
    latin = convert(PETITION, source="ug", target="ug-latn")
    cyrillic = convert(latin, source="ug-latn", target="ug-cyrl", cyrillic_hamza=hamza)
    assert convert(cyrillic, source="ug-cyrl", target="ug-latn") == latin


def test_latin_and_cyrillic_of_the_petition_read_as_expected() -> None:
    latin = convert(PETITION, source="ug", target="ug-latn")
    assert latin.splitlines()[2].startswith(
        "Uyghur we qazaq xelqining heq-hoquqlirini qoghdash üchün bu iltimasqa imza qoyung. "
        "2019-yili martta u almutada tutqun qilindi; uning a'ilisi we dostliri endishe qilmaqta."
    )
    assert (
        "BDT we xelq'ara jem'iyet bu mesilige qarap turamdu? «Biz ünsiz qalmaymiz» dédi ular."
        in latin
    )
    assert "https://example.org/petition?id=7 , @AtajurtVolunteers #FreeSerikzhan" in latin
