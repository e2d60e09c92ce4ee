"""USY: Russian-loan letters on input, ц on output, one script in the output."""

from awaz.scripts import convert


def test_cyrillic_reads_ts_letter_as_t_s_inside_a_word_and_s_at_its_start() -> None:
    assert convert("медицина", source="ug-cyrl", target="ug") == "مېدىتسىنا"
    assert convert("цирк", source="ug-cyrl", target="ug") == "سىرك"


def test_cyrillic_reads_russian_loan_letters() -> None:
    assert convert("поэзия", source="ug-cyrl", target="ug") == "پوئېزىيە"
    assert convert("выставка", source="ug-cyrl", target="ug-latn") == "Wistawka"
    assert convert("объект", source="ug-cyrl", target="ug-latn") == "Obyékt"
    assert convert("щетка", source="ug-cyrl", target="ug-latn") == "Chétka"
    assert convert("пьеса", source="ug-cyrl", target="ug") == "پيېسا"


def test_cyrillic_drops_soft_sign() -> None:
    assert convert("апрель", source="ug-cyrl", target="ug") == "ئاپرېل"


def test_cyrillic_writes_ts_letter_for_russian_loans_in_tsiya() -> None:
    assert convert("ئاسسىمىلياتسىيە", source="ug", target="ug-cyrl") == "Ассимиляция"
    assert convert("پوزىتسىيە", source="ug", target="ug-cyrl") == "Позиция"


def test_cyrillic_keeps_t_s_of_native_suffixes() -> None:
    assert convert("ئادالەتسىزلىك كەتسە كەتسۇن", source="ug", target="ug-cyrl") == (
        "Адаләтсизлик кәтсә кәтсун"
    )


def test_cyrillic_uses_the_standards_russian_spellings() -> None:
    assert convert("سارتسىن ئاۋىياتسىيە", source="ug", target="ug-cyrl") == "Сарцин авиация"
    assert convert("авиация", source="ug-cyrl", target="ug") == "ئاۋىياتسىيە"


def test_cyrillic_output_uses_only_cyrillic_letters_for_uyghur_words() -> None:
    text = "ئەركىنلىك ۋە ئادالەت ئۈچۈن ھەممە ئۇيغۇرلار بىرلىشىڭلار! مائارىپ، جەمئىيەت؟"
    output = convert(text, source="ug", target="ug-cyrl")
    letters = {char for char in output if char.isalpha()}
    assert letters
    assert all("\u0400" <= char <= "\u04ff" for char in letters), letters
    assert "ə" not in output and "a" not in output


def test_latin_output_uses_only_latin_letters_for_uyghur_words() -> None:
    text = "Ассимилияцийә, ШУАР, юрт вә яхши"
    output = convert(text, source="ug-cyrl", target="ug-latn")
    assert all(char.isascii() or char in "éöü" for char in output if char.isalpha()), output


def test_cyrillic_fixes_latin_look_alike_letters_inside_cyrillic_words() -> None:
    # Latin ə (U+0259) and a, e, o typed inside Cyrillic words.
    assert convert("мəдəнийəт", source="ug-cyrl", target="ug") == "مەدەنىيەت"
    assert convert("мaрип", source="ug-cyrl", target="ug-cyrl") == "марип"


def test_cyrillic_keeps_a_wholly_latin_word_in_cyrillic_text() -> None:
    assert convert("Google вә Facebook", source="ug-cyrl", target="ug") == "Google ۋە Facebook"


def test_cyrillic_composes_decomposed_short_i() -> None:
    assert convert("уи\u0306ғур", source="ug-cyrl", target="ug") == "ئۇيغۇر"
