"""ULY digraphs, separators and apostrophes."""

import pytest

from awaz.scripts import convert


def test_latin_writes_separator_between_n_and_g() -> None:
    assert convert("نەمەنگان چەكلەنگەن", source="ug", target="ug-latn") == "Nemen'gan cheklen'gen"


def test_latin_writes_separator_between_n_and_gh() -> None:
    assert (
        convert("باشلانغۇچ ۋىجدانغا", source="ug", target="ug-latn") == "Bashlan'ghuch wijdan'gha"
    )


@pytest.mark.parametrize(
    ("uey", "uly"), [("ئىسھاق", "Is'haq"), ("ئەزھەر", "Ez'her"), ("ئىگھە", "Ig'he")]
)
def test_latin_writes_separator_before_h(uey: str, uly: str) -> None:
    assert convert(uey, source="ug", target="ug-latn") == uly
    assert convert(uly, source="ug-latn", target="ug") == uey


def test_latin_needs_no_separator_where_greedy_reading_is_right() -> None:
    assert convert("گاڭگىراپ", source="ug", target="ug-latn") == "Ganggirap"
    assert convert("ganggirap", source="ug-latn", target="ug") == "گاڭگىراپ"


def test_latin_reads_digraphs_greedily() -> None:
    assert convert("chong zhurnal shinjang ghulja", source="ug-latn", target="ug") == (
        "چوڭ ژۇرنال شىنجاڭ غۇلجا"
    )


def test_latin_reads_separators_back() -> None:
    assert convert("nemen'gan bashlan'ghuch is'haq", source="ug-latn", target="ug") == (
        "نەمەنگان باشلانغۇچ ئىسھاق"
    )


def test_latin_tolerates_missing_separator_in_n_gh() -> None:
    assert convert("qilinghan bashlanghuch", source="ug-latn", target="ug") == "قىلىنغان باشلانغۇچ"


def test_latin_reads_ng_without_separator_as_ng_letter() -> None:
    # Ambiguous: without n'g the standard reading is ڭ (real RFA text has this error).
    assert convert("cheklengen", source="ug-latn", target="ug") == "چەكلەڭەن"


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc", "`"])
def test_latin_accepts_typographic_apostrophes(apostrophe: str) -> None:
    assert convert(f"mes{apostrophe}ul nemen{apostrophe}gan", source="ug-latn", target="ug") == (
        "مەسئۇل نەمەنگان"
    )


def test_latin_normalizes_typographic_apostrophes_to_ascii() -> None:
    assert convert("mes\u2019ul", source="ug-latn", target="ug-latn") == "mes'ul"


def test_latin_keeps_other_apostrophes() -> None:
    # [3690] §7.5.1: an apostrophe that is neither a hamza nor a separator stays.
    assert convert("mö'min", source="ug-latn", target="ug") == "مۆ'مىن"


def test_latin_capitalizes_only_first_character_of_a_digraph() -> None:
    assert convert("شىنجاڭ", source="ug", target="ug-latn") == "Shinjang"
    assert convert("SHinjang", source="ug-latn", target="ug") == "شىنجاڭ"


def test_latin_composes_decomposed_accents() -> None:
    assert convert("ye\u0301ziq o\u0308z", source="ug-latn", target="ug") == "يېزىق ئۆز"
