"""Names to suggest for a petition's Names list, and the built-in list of common names."""

import pytest

from awaz.scripts import convert
from awaz.scripts.casing import loose_key, name_key
from awaz.scripts.names import (
    Suggestion,
    capitalized_names,
    common_names,
    names_in_lower_case,
    suggest_names,
)


@pytest.mark.parametrize("common", common_names(), ids=lambda common: common.latin)
def test_the_converter_writes_each_common_name_as_the_list_does(common) -> None:
    names = [common.latin]
    assert convert(common.latin, source="ug-latn", target="ug") == common.arabic
    assert convert(common.arabic, source="ug", target="ug-latn", proper_nouns=names) == (
        common.latin
    )
    assert convert(common.arabic, source="ug", target="ug-cyrl", proper_nouns=names) == (
        common.cyrillic
    )
    assert convert(common.cyrillic, source="ug-cyrl", target="ug-latn") == common.latin
    assert name_key(common.cyrillic) == name_key(common.latin) == name_key(common.arabic)


def test_the_common_names_are_a_few_dozen_places_and_people_listed_once() -> None:
    names = common_names()
    kinds = {common.kind for common in names}
    assert kinds == {"place", "person"}
    assert len(names) >= 40
    for latin in ("Ürümchi", "Qeshqer", "Ghulja", "Turpan", "Xoten", "Ilham Toxti"):
        assert latin in {common.latin for common in names}
    keys = [name_key(common.latin) for common in names]
    assert len(set(keys)) == len(keys)


def test_an_arabic_text_with_urumchi_suggests_urumchi() -> None:
    suggestions = suggest_names("مەن ئۈرۈمچىدە تۇغۇلدۇم.", script="ug")
    assert suggestions == [Suggestion("Ürümchi", "")]


def test_a_cyrillic_text_is_offered_the_cyrillic_form() -> None:
    assert suggest_names("мән үрүмчидә туғулдум.", script="ug-cyrl") == [Suggestion("Үрүмчи", "")]


def test_an_english_kashgar_suggests_qeshqer_as_seen_in_english() -> None:
    english = ("en", "Families in Kashgar have not heard from them.")
    suggestions = suggest_names(
        "qeshqerdiki a'ililer ulardin xewer alalmidi.", script="ug-latn", others=[english]
    )
    assert suggestions == [Suggestion("Qeshqer", "en")]


def test_a_name_the_english_version_capitalizes_is_found_in_its_uyghur_spelling() -> None:
    english = ("en", "We stand with Dolkun and with Ilham Tohti.")
    suggestions = suggest_names(
        "biz dolqun we ilham toxti bilen bille turimiz.", script="ug-latn", others=[english]
    )
    assert suggestions == [Suggestion("Dolkun", "en"), Suggestion("Ilham Toxti", "en")]


def test_a_reviewed_latin_version_informs_the_cyrillic_one() -> None:
    latin = ("ug-latn", "Biz Gülnar üchün imza toplaymiz.")
    suggestions = suggest_names("Биз гүлнар үчүн имза топлаймиз.", script="ug-cyrl", others=[latin])
    assert suggestions == [Suggestion("Gülnar", "ug-latn")]


def test_names_already_listed_or_capitalized_are_not_suggested() -> None:
    text = "Ürümchi güzel. qeshqer we ghulja."
    assert suggest_names(text, script="ug-latn", listed=["Qeshqer", "غۇلجا"]) == []
    assert suggest_names("Ürümchi güzel.", script="ug-latn") == []


def test_a_common_name_absent_from_the_text_is_not_suggested() -> None:
    assert suggest_names("biz imza toplaymiz.", script="ug-latn") == []


def test_a_word_of_a_longer_name_is_not_suggested_alone() -> None:
    english = ("en", "Free Ilham Tohti. Tohti is a teacher.")
    suggestions = suggest_names("ilham toxti azad bolsun.", script="ug-latn", others=[english])
    assert suggestions == [Suggestion("Ilham Toxti", "en")]


def test_capitalized_names_skip_first_words_of_sentences_and_acronyms() -> None:
    text = "The UN met. Families in Kashgar wrote to Ilham Tohti: They wait.\nAll of Xinjiang"
    assert capitalized_names(text) == ["Kashgar", "Ilham Tohti", "Xinjiang"]


def test_names_in_lower_case_counts_any_lower_case_word_of_a_name() -> None:
    names = ["Ilham Toxti", "Ilham"]
    assert names_in_lower_case("Ilham toxti keldi.", script="ug-latn", names=names) == [
        "Ilham Toxti"
    ]
    assert names_in_lower_case("Ilham Toxti keldi.", script="ug-latn", names=names) == []


def test_names_match_loosely_like_the_converter() -> None:
    assert loose_key("Tohti") == loose_key("Toxti")
    assert names_in_lower_case("توختى", script="ug", names=["Tohti"]) == ["Tohti"]
