"""Kazakhstan's Cyrillic spelling (CyrillicSpelling.KAZAKHSTAN): its two rules, its word list,
and the guard that no other word of the project's Uyghur texts is touched by either."""

import csv
from pathlib import Path

import pytest

from awaz.scripts import CyrillicSpelling, build_loans, convert
from awaz.scripts.cyrillic import parse_cyrillic, render_cyrillic, spell_cyrillic
from awaz.scripts.errors import CyrillicHamza
from awaz.scripts.kazakhstan import DATA, spellings
from awaz.scripts.pivot import parse_arabic

KAZAKHSTAN = CyrillicSpelling.KAZAKHSTAN
SOURCES = Path(__file__).parent / "data" / "sources.csv"


def kazakhstan(text: str) -> str:
    return convert(text, source="ug", target="ug-cyrl", cyrillic_spelling=KAZAKHSTAN)


def standard(text: str) -> str:
    return convert(text, source="ug", target="ug-cyrl")


def arabic(text: str) -> str:
    return convert(text, source="ug-cyrl", target="ug")


@pytest.mark.parametrize(
    ("uey", "written"),
    [
        ("يىل", "Жил"),
        ("يىللىق", "Жиллиқ"),
        ("يىغىن", "Жиғин"),
        ("يىگىت", "Жигит"),
        ("2014-يىلى", "2014-жили"),  # Uyghur Avazi (emirsaba-1)
        ("يېزا", "Йеза"),  # й before е stays
        ("ئىيۇل", "Июл"),
        ("بىيىل", "Бийил"),  # only at the start of a word
    ],
)
def test_kazakhstan_writes_zh_for_y_before_i_at_the_start_of_a_word(uey: str, written: str) -> None:
    assert kazakhstan(uey) == written
    assert arabic(written) == uey


def test_the_standard_spelling_keeps_y_before_i() -> None:
    assert standard("يىل يىغىن") == "Йил йиғин"
    assert arabic("йил жил") == "يىل يىل"


@pytest.mark.parametrize(
    ("uey", "written"),
    [("ئاممىۋى", "Аммивий"), ("مەنىۋى", "Мәнивий")],
)
def test_kazakhstan_writes_the_adjective_ending_iwi_as_iviy(uey: str, written: str) -> None:
    assert kazakhstan(uey) == written
    assert standard(uey) == written[:-1]
    assert arabic(written) == arabic(written[:-1]) == uey


def test_only_the_ending_after_i_takes_the_iy() -> None:
    assert kazakhstan("ئۆۋى") == "Өви"  # his hunt: ئوۋ + ى
    assert arabic("өви") == "ئۆۋى"


@pytest.mark.parametrize(
    ("uey", "written"),
    [
        ("خەلق", "хәлиқ"),
        ("خەلقنىڭ", "хәлиқниң"),
        ("خەلقلەرگە", "хәлиқләргә"),
        ("خەلقى", "хәлқи"),  # before a vowel the letters give it: no row needed
        ("خەلقىمىزنىڭ", "хәлқимизниң"),
        ("خەلقئارالىق", "хәлиқаралиқ"),
        ("قازاقىستانلىقلار", "қазақстанлиқлар"),
        ("مەزكۇر", "мәзкүр"),
        ("ئۆزبېكلەر", "өзбәкләр"),
        ("ئۆزبېكىستان", "өзбекистан"),  # not a suffix after the stem: the letters
        ("ئەمما", "амма"),
        ("تۇنجى", "тунҗа"),
        ("راۋاجلاندۇرۇش", "риваҗландуруш"),
        ("قەدىمىي", "қедимий"),
        ("مۇشۇ", "мошу"),
        ("دۇنياغا", "дунияға"),
        ("ئىكەنلىكىنى", "екәнликини"),
        ("ئىدى", "еди"),
        ("ئىدىش", "идиш"),  # a native word that starts like ئىدى: only the word itself
    ],
)
def test_listed_words_take_their_kazakhstan_spelling_with_their_suffixes(
    uey: str, written: str
) -> None:
    assert kazakhstan(f"ۋە {uey}") == f"Вә {written}"
    assert arabic(f"вә {written}") == f"ۋە {uey}"


def test_the_standard_spelling_ignores_the_list_but_reads_its_words() -> None:
    assert standard("قازاقىستان خەلقى مەزكۇر خەلق") == "Қазақистан хәлқи мәзкур хәлқ"
    assert arabic("қазақстан хәлиқ мәзкүр екән") == "قازاقىستان خەلق مەزكۇر ئىكەن"


def test_the_list_is_well_formed_with_known_sources() -> None:
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        known = {record["id"] for record in csv.DictReader(handle)}
    rows = spellings().rows
    assert 0 < len(rows) < 50  # a short list: prefer rules
    assert len({row.uey for row in rows}) == len({row.cyrillic for row in rows}) == len(rows)
    for row in rows:
        cyrillic_pages, arabic_pages = (part.split() for part in row.sources.split(";"))
        assert cyrillic_pages and arabic_pages, row
        assert set(cyrillic_pages) | set(arabic_pages) <= known, row
        # Each row is needed: the letter rules give something else in both directions.
        assert render_cyrillic(row.uey, CyrillicHamza.DROP) != row.cyrillic, row
        assert spell_cyrillic(row.cyrillic) != row.uey, row
    assert DATA.stat().st_size < 4000


def test_no_other_word_of_the_projects_uyghur_texts_changes_or_is_misread() -> None:
    """The guard the loans have (test_loans.py), for the Kazakhstan list and rules: over every
    word of the catalogs and demo texts, the Kazakhstan spelling differs from the standard one
    only by the list or the two rules, reads back to the same Arabic-script word, and no word's
    standard spelling is taken for a listed Kazakhstan spelling."""
    words = build_loans.native_words()
    assert len(words) > 1000
    changed = set()
    for word in words:
        parsed = parse_arabic(word)
        if parsed is None:
            continue
        pivot = parsed.pivot
        plain = render_cyrillic(pivot, CyrillicHamza.DROP)
        written = render_cyrillic(pivot, CyrillicHamza.DROP, spelling=KAZAKHSTAN)
        read = spellings().uey_stem(plain, spell_cyrillic)
        assert read is None or pivot.startswith(read[0].uey), (word, plain)
        if written == plain:
            continue
        changed.add(word)
        listed = spellings().cyrillic_stem(pivot) is not None
        assert listed or pivot.startswith("يى") or pivot.endswith("ىۋى"), (word, written)
        assert parse_cyrillic(written) == parse_cyrillic(plain), (word, written, plain)
    assert {"يىلى", "خەلق", "قازاقىستان", "ئاممىۋى"} <= changed
    assert len(changed) < 0.03 * len(words)
