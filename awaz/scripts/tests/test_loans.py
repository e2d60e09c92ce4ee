"""Russian loans in Kazakhstan-style Cyrillic: the generated table, suffixes, per-text lists."""

import re

import pytest

from awaz.scripts import build_loans, convert
from awaz.scripts.cyrillic import render_cyrillic, render_cyrillic_letters
from awaz.scripts.errors import CyrillicHamza
from awaz.scripts.loans import DATA, default_table
from awaz.scripts.pivot import parse_arabic

# Words of the project's own Uyghur texts that the loan table writes the Russian way: each one
# checked by hand to be a Russian loan (a standard's example, министр + possessive).
REVIEWED_IN_PROJECT_TEXTS = {"سارتسىن": "сарцин", "مىنىستىرى": "министри"}


@pytest.mark.parametrize(
    ("arabic", "cyrillic"),
    [
        ("كونستىتۇتسىيە", "конституция"),
        ("ئېنېرگىيە", "энергия"),
        ("كونتسېرت", "концерт"),
        ("دېموكراتىيە", "демократия"),
        ("مىنىستىر", "министр"),
        ("ئاۋىياتسىيە", "авиация"),
    ],
)
def test_russian_loans_keep_their_russian_spelling_in_cyrillic(arabic: str, cyrillic: str) -> None:
    assert convert(arabic, source="ug", target="ug-cyrl") == cyrillic.capitalize()
    assert convert(cyrillic, source="ug-cyrl", target="ug") == arabic
    latin = convert(arabic, source="ug", target="ug-latn")
    assert convert(latin, source="ug-latn", target="ug-cyrl") == cyrillic.capitalize()
    assert convert(cyrillic, source="ug-cyrl", target="ug-latn") == latin


def test_issue_examples_inside_a_sentence() -> None:
    arabic = "بىز كونستىتۇتسىيە ۋە ئېنېرگىيە ھەققىدە كونتسېرت بەردۇق."
    assert convert(arabic, source="ug", target="ug-cyrl") == (
        "Биз конституция вә энергия һәққидә концерт бәрдуқ."
    )


@pytest.mark.parametrize(
    ("arabic", "cyrillic"),
    [
        ("كونتسېرتنى", "концертни"),
        ("كونستىتۇتسىيەگە", "конституциягә"),
        ("كونستىتۇتسىيىسى", "конституцийиси"),
        ("كونستىتۇتسىيىسىدە", "конституцийисидә"),
        ("مىنىستىرلىكى", "министрлики"),
        ("تېئاتىرلىرى", "театрлири"),
    ],
)
def test_inflected_loans_keep_the_russian_stem(arabic: str, cyrillic: str) -> None:
    assert convert(arabic, source="ug", target="ug-cyrl") == cyrillic.capitalize()
    assert convert(cyrillic, source="ug-cyrl", target="ug") == arabic


def test_kazakhstan_possessive_after_an_unraised_stem_reads_as_the_raised_uyghur_form() -> None:
    # конституциясини (stem as in Russian) and конституцийисини (raised) are both written.
    for cyrillic in ("конституциясини", "конституцийисини"):
        assert convert(cyrillic, source="ug-cyrl", target="ug") == "كونستىتۇتسىيىسىنى"


def test_a_native_word_that_starts_like_a_loan_is_left_to_the_letter_rules() -> None:
    # The rest after the stem must be a chain of Uyghur suffixes.
    assert convert("كونتسېرتخانا", source="ug", target="ug-cyrl") == "Контсертхана"
    assert convert("ئادالەتسىزلىك", source="ug", target="ug-cyrl") == "Адаләтсизлик"


def test_no_native_word_of_the_projects_uyghur_texts_becomes_a_russian_loan() -> None:
    changed = {}
    for word in build_loans.native_words() | build_loans.REVIEWED_LOANS:
        parsed = parse_arabic(word)
        if parsed is None:
            continue
        with_table = render_cyrillic(parsed.pivot, CyrillicHamza.DROP)
        if with_table != render_cyrillic_letters(parsed.pivot, CyrillicHamza.DROP):
            changed[word] = with_table
    reviewed = {word for word in build_loans.REVIEWED_LOANS if word in changed}
    assert {w: c for w, c in changed.items() if w not in reviewed} == REVIEWED_IN_PROJECT_TEXTS


def test_project_texts_are_read_by_the_guard() -> None:
    assert len(build_loans.native_words()) > 1000


def test_generated_table_is_small_and_consistent() -> None:
    table = default_table()
    assert 1000 < len(table.to_cyrillic) < 5000
    assert DATA.stat().st_size < 200_000
    for uey, russian in table.to_cyrillic.items():
        assert re.fullmatch("[а-яё]+", russian), russian
        assert table.from_cyrillic.get(russian, uey) == uey


def test_generated_table_is_what_the_build_command_makes() -> None:
    if not build_loans.DICTIONARY.exists():
        pytest.skip("hunspell-ru is not installed (apt-get install hunspell-ru)")
    with build_loans.DICTIONARY.open(encoding="utf-8") as handle:
        rows, _ = build_loans.build(build_loans.lemmas(handle))
    committed = [
        tuple(line.rstrip("\n").split("\t"))
        for line in DATA.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert committed == rows


def test_adaptation_rules_of_the_standard() -> None:
    assert build_loans.adapt("конституция") == "كونستىتۇتسىيە"
    assert build_loans.adapt("энергия") == "ئېنېرگىيە"
    assert build_loans.adapt("радио") == "رادىئو"
    assert build_loans.adapt("социализм") == "سوتسىيالىزم"
    assert build_loans.adapt("театр") == "تېئاتىر"
    assert build_loans.adapt("цирк") == "سىرك"
    assert build_loans.adapt("ансамбль") == "ئانسامبىل"
    assert build_loans.adapt("факультет") == "فاكۇلتېت"


def test_loans_with_a_soft_l_are_lemmas_but_adjectives_and_verbs_are_not() -> None:
    dic = ["факультет/I", "ансамбль/I", "фильмовый/A", "сильный/A", "пальт"]
    words = set(build_loans.lemmas(dic))
    assert words == {"факультет", "ансамбль"}


def test_a_text_can_add_or_override_loans() -> None:
    loans = ["ئادالەت = адалет", "كونستىتۇتسىيە = конституциа", "Ilham Toxti"]
    text = "ئادالەت كونستىتۇتسىيە ئېنېرگىيە"
    assert convert(text, source="ug", target="ug-cyrl", loans=loans) == (
        "Адалет конституциа энергия"
    )
    assert convert("адалет", source="ug-cyrl", target="ug", loans=loans) == "ئادالەت"
    assert convert("kontsért", source="ug-latn", target="ug-cyrl", loans=[("kontsért", "концерт")])
    # Without the list, the default spellings; a name line is no loan and no name breaks.
    assert convert(text, source="ug", target="ug-cyrl") == "Адаләт конституция энергия"
    assert convert("ilham toxti", source="ug-latn", target="ug-cyrl", proper_nouns=loans) == (
        "Илһам Тохти"
    )
