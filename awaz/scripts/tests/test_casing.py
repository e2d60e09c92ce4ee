"""Capitals in Latin and Cyrillic output, proper nouns, abbreviations, acronyms."""

from awaz.scripts import convert


def test_first_letter_of_text_and_of_each_sentence_is_capitalized() -> None:
    text = "بۇ ياخشى. ئۇ كەلدى! سىز كىم؟ مەن."
    assert convert(text, source="ug", target="ug-latn") == "Bu yaxshi. U keldi! Siz kim? Men."
    assert convert(text, source="ug", target="ug-cyrl") == "Бу яхши. У кәлди! Сиз ким? Мән."


def test_first_letter_after_a_line_break_is_capitalized() -> None:
    assert convert("بۇ\nئۇ\r\nسىز", source="ug", target="ug-latn") == "Bu\nU\r\nSiz"


def test_first_letter_inside_double_quotes_is_capitalized() -> None:
    text = 'ئۇ «ياق» دېدى ۋە "ھەئە" دېدى، “بولىدۇ” دېدى.'
    assert convert(text, source="ug", target="ug-latn") == (
        'U «Yaq» dédi we "He\'e" dédi, “Bolidu” dédi.'
    )


def test_closing_quote_does_not_capitalize_the_next_word() -> None:
    assert convert('«ياق» دېدى "ھەئە" ئۇ', source="ug", target="ug-latn") == '«Yaq» dédi "He\'e" u'


def test_sentence_start_after_a_number_keeps_the_suffix_lower_case() -> None:
    # RFA writes 2018-Yili; we treat the number as the first word of the sentence.
    assert convert("2024-يىلى ئۇ كەلدى.", source="ug", target="ug-latn") == "2024-yili u keldi."


def test_full_stop_inside_a_word_does_not_start_a_sentence() -> None:
    assert convert("b.d.t", source="ug-latn", target="ug-cyrl") == "Б.д.т"


def test_source_capitals_are_kept_between_latin_and_cyrillic() -> None:
    assert convert("bu Almuta we Ürümchi.", source="ug-latn", target="ug-cyrl") == (
        "Бу Алмута вә Үрүмчи."
    )
    assert convert("бу Алмута вә Үрүмчи.", source="ug-cyrl", target="ug-latn") == (
        "Bu Almuta we Ürümchi."
    )


def test_proper_nouns_are_capitalized_as_listed_in_any_script() -> None:
    text = "ئۇيغۇرلار سېرىكجان بىلاش ئۈچۈن ئالمۇتادا يىغىلدى."
    names = ["Uyghur", "Serikzhan Bilash", "ئالمۇتا"]
    assert convert(text, source="ug", target="ug-latn", proper_nouns=names) == (
        "Uyghurlar Sérikjan Bilash üchün Almutada yighildi."
    )
    cyrillic_names = ["Уйғур", "Серикжан Билаш", "Алмута"]
    assert convert(text, source="ug", target="ug-cyrl", proper_nouns=cyrillic_names) == (
        "Уйғурлар Серикҗан Билаш үчүн Алмутада йиғилди."
    )


def test_proper_noun_with_a_hamza_matches_its_spelling_without_one() -> None:
    # The text keeps its own spelling; the capital follows the list.
    assert convert("мәсуд кәлди", source="ug-cyrl", target="ug-latn", proper_nouns=["Mes'ud"]) == (
        "Mesud keldi"
    )


def test_proper_noun_in_english_spelling_matches_its_uly_form() -> None:
    text = "دولقۇن ئەيسا ۋە ئىلھام توختى"
    names = ["Dolkun Eysa", "Ilham Tohti"]
    assert convert(text, source="ug", target="ug-latn", proper_nouns=names) == (
        "Dolqun Eysa we Ilham Toxti"
    )


def test_proper_noun_does_not_capitalize_a_longer_unrelated_word() -> None:
    assert convert("ئالىپ ئالى", source="ug", target="ug-latn", proper_nouns=["Ali"]) == "Alip Ali"


def test_proper_noun_list_may_hold_foreign_names_which_are_ignored() -> None:
    assert convert("بۇ", source="ug", target="ug-latn", proper_nouns=["McDonald", ""]) == "Bu"


def test_arabic_abbreviation_of_spaced_letters_becomes_capitals() -> None:
    assert convert("ش ئۇ ئا ر ۋە ج ك پ", source="ug", target="ug-latn") == "ShUAR we JKP"
    assert convert("ش ئۇ ئا ر ۋە ج ك پ", source="ug", target="ug-cyrl") == "ШУАР вә ҖКП"
    assert convert("د ئۇ ق نىڭ رەئىسى", source="ug", target="ug-latn") == "DUQ ning re'isi"


def test_capitals_become_an_arabic_abbreviation_of_spaced_letters() -> None:
    assert convert("ShUAR we JKP", source="ug-latn", target="ug") == "ش ئۇ ئا ر ۋە ج ك پ"
    assert convert("ШУАР вә ҖКП", source="ug-cyrl", target="ug") == "ش ئۇ ئا ر ۋە ج ك پ"
    assert convert("ШУАР", source="ug-cyrl", target="ug-latn") == "ShUAR"
    assert convert("ShUAR", source="ug-latn", target="ug-cyrl") == "ШУАР"


def test_single_vowel_words_are_not_an_abbreviation() -> None:
    assert convert("ئۇ ئۇ", source="ug", target="ug-latn") == "U u"


def test_shouted_heading_in_capitals_is_not_an_abbreviation() -> None:
    assert convert("BIZ UYGHURLARMIZ", source="ug-latn", target="ug") == "بىز ئۇيغۇرلارمىز"
    assert convert("БИЗ УЙҒУРЛАРМИЗ", source="ug-cyrl", target="ug-latn") == "BIZ UYGHURLARMIZ"


def test_punctuation_between_two_foreign_words_or_inside_a_number_stays_latin() -> None:
    assert convert("Facebook, YouTube we 1,000", source="ug-latn", target="ug") == (
        "Facebook, YouTube ۋە 1,000"
    )


def test_listed_latin_acronyms_are_kept_verbatim() -> None:
    text = "UN, EU, WTO, BBC we DVD"
    assert convert(text, source="ug-latn", target="ug") == "UN، EU، WTO، BBC ۋە DVD"
    assert convert(text, source="ug-latn", target="ug-cyrl") == "UN, EU, WTO, BBC вә DVD"


def test_roman_numerals_are_kept_verbatim() -> None:
    assert convert("XXI esir, II bap", source="ug-latn", target="ug") == "XXI ئەسىر، II باپ"
