import pytest
from hypothesis import given
from hypothesis import strategies as st

from awaz.i18n.collation import sort_key
from awaz.scripts.titlecase import proper_name_case
from awaz.signatures.countries import country_choices


def _sorted(words: list[str], language: str) -> list[str]:
    return sorted(words, key=lambda word: sort_key(word, language))


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ug-latn", ["Ottura", "Özbékistan", "Pakistan", "Zambiye"]),
        ("ug-latn", ["Ekwador", "Éfiyopiye", "Fransiye"]),
        ("ug-latn", ["Sudan", "Shiwétsiye", "Tayland"]),  # sh is a letter after s
        ("ug-latn", ["Ekwator", "Ekwator giwiniyesi"]),
        ("ug-cyrl", ["Курачав", "Қазақистан", "Лаос", "Япония"]),
        ("ug-cyrl", ["Америка", "Әзәрбәйҗан", "Бирма"]),
        ("tr", ["Cezayir", "Çin", "Danimarka", "Wallis", "Yemen"]),
        ("tr", ["Irak", "İran", "Japonya"]),
    ],
)
def test_words_sort_in_the_alphabet_of_their_language(language: str, words: list[str]):
    assert _sorted(list(reversed(words)), language) == words


@pytest.mark.parametrize(
    ("language", "first_after"),
    [("ug-latn", ("Özbékistan", "O")), ("ug-cyrl", ("Қазақстан", "К"))],  # Kazakhstan spelling
)
def test_the_country_list_places_uyghur_letters_in_their_alphabet(language, first_after):
    names = [name for _, name in country_choices(language)]
    name, letter = first_after
    before = names[names.index(name) - 1]
    assert before.startswith(letter), before


@pytest.mark.parametrize(
    ("name", "cased"),
    [
        ("Amérika qoshma ishtatliri", "Amérika Qoshma Ishtatliri"),
        ("Antigu'a we barbuda", "Antigu'a we Barbuda"),
        ("Антигуа вә барбуда", "Антигуа вә Барбуда"),
        ("AQSh tashqi aralliri", "AQSh Tashqi Aralliri"),
        ("Gwinéye-bissaw", "Gwinéye-Bissaw"),
    ],
)
def test_a_proper_name_capitalises_each_word(name: str, cased: str):
    assert proper_name_case(name) == cased


def test_the_converted_country_names_are_capitalised():
    names = dict(country_choices("ug-latn"))
    assert names["US"] == "Amérika Qoshma Ishtatliri"


@given(st.lists(st.text(max_size=12), max_size=8), st.sampled_from(["ug-latn", "ug-cyrl", "tr"]))
def test_sorting_is_total_and_stable_for_any_text(words: list[str], language: str):
    once = _sorted(words, language)
    assert _sorted(once, language) == once
