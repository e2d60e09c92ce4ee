"""Character normalization: punctuation, digits, presentation forms, keyboard look-alikes."""

from awaz.scripts import convert


def test_arabic_punctuation_becomes_latin_punctuation_and_back() -> None:
    assert convert("ھەئە، ياق؛ نېمە؟", source="ug", target="ug-latn") == "He'e, yaq; néme?"
    assert convert("ھەئە، ياق؛ نېمە؟", source="ug", target="ug-cyrl") == "Һәә, яқ; немә?"
    assert convert("He'e, yaq; néme?", source="ug-latn", target="ug") == "ھەئە، ياق؛ نېمە؟"
    assert convert("Һәә, яқ; немә?", source="ug-cyrl", target="ug") == "ھەئە، ياق؛ نېمە؟"


def test_comma_inside_a_number_stays_ascii_in_arabic_output() -> None:
    assert convert("1,000 kishi, 2,5 ming", source="ug-latn", target="ug") == "1,000 كىشى، 2,5 مىڭ"
    assert convert("1,000 киши, 2,5 миң", source="ug-cyrl", target="ug") == "1,000 كىشى، 2,5 مىڭ"


def test_urdu_full_stop_used_as_hyphen_becomes_hyphen() -> None:
    assert convert("ئىززەت۔ھۆرمەت", source="ug", target="ug") == "ئىززەت-ھۆرمەت"
    assert convert("ئىززەت۔ھۆرمەت", source="ug", target="ug-latn") == "Izzet-hörmet"


def test_arabic_indic_digits_become_ascii() -> None:
    assert convert("٢٠٢٤-يىلى ۱۹۹۷", source="ug", target="ug-latn") == "2024-yili 1997"
    assert convert("٢٠٢٤-يىلى", source="ug", target="ug") == "2024-يىلى"


def test_arabic_percent_and_decimal_signs_become_ascii() -> None:
    assert convert("٥٠٪ ۋە ٣٫٥", source="ug", target="ug-latn") == "50% we 3.5"


def test_presentation_forms_become_base_letters() -> None:
    # ﺋﯘﻳﻐﯘﺭ is ئۇيغۇر in shaped glyphs; ﻻ is the lam-alef ligature.
    assert convert("ﺋﯘﻳﻐﯘﺭ", source="ug", target="ug") == "ئۇيغۇر"
    assert convert("ﺋﯘﻳﻐﯘﺭ ﺗﯩﻠﻰ", source="ug", target="ug-latn") == "Uyghur tili"
    assert convert("ﻻ", source="ug", target="ug") == "لا"


def test_hamza_vowel_ligatures_decompose() -> None:
    assert convert("\ufbea\ufbec", source="ug", target="ug") == "ئائە"


def test_tatweel_is_removed() -> None:
    assert convert("ئۇيـــغۇر", source="ug", target="ug") == "ئۇيغۇر"


def test_persian_and_arabic_keyboard_look_alikes_become_uyghur_letters() -> None:
    # ه (U+0647) for ە, ک (U+06A9) for ك, ی (U+06CC) for ى at a word's end and ي inside.
    assert convert("مه\u06a9تهپ", source="ug", target="ug") == "مەكتەپ"
    assert convert("ئه", source="ug", target="ug") == "ئە"
    assert convert("\u06cc\u0627\u062e\u0634\u06cc", source="ug", target="ug") == "ياخشى"


def test_zero_width_joiners_are_dropped_from_latin_and_cyrillic_output() -> None:
    assert convert("ئۇي\u200cغۇر\u200d", source="ug", target="ug-latn") == "Uyghur"
    assert convert("\u200cئۇيغۇر", source="ug", target="ug-cyrl") == "Уйғур"
    assert convert("ئۇي\u200cغۇر", source="ug", target="ug") == "ئۇي\u200cغۇر"


def test_zero_width_joiner_inside_an_emoji_sequence_is_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert convert(f"ئائىلە {family}", source="ug", target="ug-latn") == f"A'ile {family}"


def test_byte_order_mark_at_the_start_is_dropped() -> None:
    assert convert("\ufeffئۇيغۇر", source="ug", target="ug-latn") == "Uyghur"


def test_same_script_returns_the_normalized_text_without_converting_words() -> None:
    assert convert("maarip, Google!", source="ug-latn", target="ug-latn") == "maarip, Google!"
    assert convert("yëziq", source="ug-latn", target="ug-latn") == "yéziq"
