"""Search, on SQLite's FTS5 and on PostgreSQL's tsvector alike (the suite runs on both)."""

import pytest
from django.db import connection, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from awaz.discovery.selectors import PER_PAGE, petitions_search
from awaz.discovery.services import search_document_refresh
from awaz.petitions.models import Petition
from awaz.petitions.services import petition_text_save
from tests.factories import make_petition

pytestmark = pytest.mark.django_db

UG_TITLE = "سېرىكجان بىلاشقا ئادالەت"  # "Justice for Serikzhan Bilash"


def titles(query: str, language: str = "en") -> list[str]:
    return [item.text.title for item in petitions_search(query=query, language=language).results]


def uyghur_petition() -> Petition:
    petition = make_petition(languages=("ug",))
    petition_text_save(
        petition=petition,
        language="ug",
        title=UG_TITLE,
        target="قازاقىستان ھۆكۈمىتى",
        summary="ئۇ ئۈرۈمچىدە تۇتۇلدى.",
        body="بىز ئادالەت تەلەپ قىلىمىز.",
        links=(),
    )
    return petition


def test_a_word_of_the_title_finds_the_petition_whatever_its_case():
    make_petition(title="Free the Detained Poets")
    make_petition(title="Save the river")
    assert titles("POETS") == ["Free the Detained Poets [en]"]
    assert titles("detained poets") == ["Free the Detained Poets [en]"]
    assert titles("poets river") == []  # every word must match


def test_diacritics_do_not_matter_where_the_language_allows():
    make_petition(title="Ürümchi'deki öğrenciler için adalet")
    assert titles("urumchi") == ["Ürümchi'deki öğrenciler için adalet [en]"]
    assert titles("ÖĞRENCİLER") == ["Ürümchi'deki öğrenciler için adalet [en]"]


def test_the_body_and_summary_are_searched_and_titles_rank_first():
    body_only = make_petition(title="First")
    make_petition(title="Second about rivers")
    petition_text_save(
        petition=body_only,
        language="en",
        title="First",
        target="Parliament",
        summary="The rivers are dying.",
        body="Text.",
        links=(),
    )
    assert titles("rivers") == ["Second about rivers [en]", "First"]


def test_a_latin_query_finds_a_petition_written_in_arabic_script():
    uyghur_petition()
    assert titles("adalet") == [UG_TITLE]
    assert titles("Ürümchide") == [UG_TITLE]


def test_an_arabic_script_query_finds_a_petition_written_in_latin():
    petition = make_petition(languages=("ug-latn",))
    petition_text_save(
        petition=petition,
        language="ug-latn",
        title="Adalet telep qilimiz",
        target="Hökümet",
        summary="",
        body="Tekst.",
        links=(),
    )
    assert titles("ئادالەت") == ["Adalet telep qilimiz"]


def test_a_cyrillic_query_finds_a_petition_written_in_arabic_script():
    uyghur_petition()
    assert titles("адаләт") == [UG_TITLE]


def test_a_russian_query_still_finds_russian_text():
    make_petition(title="Свободу заключённым", languages=("ru",))
    assert titles("заключенным") == ["Свободу заключённым [ru]"]


def test_chinese_is_found_by_its_characters():
    make_petition(title="释放被拘留的诗人", languages=("zh-hans",))
    assert titles("诗人") == ["释放被拘留的诗人 [zh-hans]"]


def test_results_show_the_readers_language_where_it_exists():
    make_petition(title="Justice", languages=("en", "ru"))
    assert titles("justice", language="ru") == ["Justice [ru]"]


@pytest.mark.parametrize(
    "status",
    [
        Petition.Status.DRAFT,
        Petition.Status.PENDING,
        Petition.Status.REJECTED,
        Petition.Status.REMOVED,
    ],
)
def test_a_petition_the_public_may_not_read_is_never_found(status: str):
    make_petition(title="Hidden words", status=status)
    assert titles("hidden") == []


def test_closed_petitions_are_found():
    make_petition(title="Closed words", status=Petition.Status.CLOSED)
    assert titles("closed") == ["Closed words [en]"]


def test_an_edit_is_found_at_once_and_the_old_words_are_gone():
    petition = make_petition(title="Old title")
    petition_text_save(
        petition=petition,
        language="en",
        title="New title",
        target="Parliament",
        summary="",
        body="Text.",
        links=(),
    )
    assert titles("old") == []
    assert titles("new") == ["New title"]


def test_results_come_in_pages():
    for number in range(PER_PAGE + 3):
        make_petition(title=f"Common {number}")
    first = petitions_search(query="common", language="en", page=1)
    second = petitions_search(query="common", language="en", page=2)
    assert (first.total, first.pages, len(first.results), len(second.results)) == (
        PER_PAGE + 3,
        2,
        PER_PAGE,
        3,
    )
    seen = {item.petition.pk for item in first.results + second.results}
    assert len(seen) == PER_PAGE + 3


@pytest.mark.parametrize(
    "query",
    [
        '" OR 1=1',
        "NEAR(",
        "*",
        '"unbalanced',
        "title:poets",
        "a AND OR NOT",
        "^poets",
        "-",
        "  ",
        "",
    ],
)
def test_operator_laden_queries_are_only_words(query: str):
    make_petition(title="Poets near the title")
    result = petitions_search(query=query, language="en")
    assert result.total == len(result.results) <= 1


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_no_query_breaks_the_engine(query: str):
    petitions_search(query=query, language="en")


def test_a_petition_without_text_has_no_document():
    petition = make_petition()
    petition.texts.all().delete()
    assert search_document_refresh(petition_id=petition.pk) is None
    assert titles("voices") == []


def test_counting_stops_past_the_last_page(monkeypatch: pytest.MonkeyPatch):
    from awaz.discovery import selectors

    monkeypatch.setattr(selectors, "MAX_RESULTS", 3)
    for number in range(5):
        make_petition(title=f"Many {number}")
    result = petitions_search(query="many", language="en")
    assert (result.total, result.more) == (4, True)


def test_a_long_query_is_read_only_for_its_first_words():
    make_petition(title="Poets in prison")
    assert titles("poets" + " " * 10_000 + "nowhere") == ["Poets in prison [en]"]
    assert titles("ئادالەت " * 2000) == []  # 16,000 characters to convert, were they all read


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_postgresql_finds_even_a_word_of_every_petition_through_the_index():
    """Else the planner scans, computing every row's words: a second on 10,000 petitions."""
    from django.test.utils import CaptureQueriesContext

    from awaz.discovery import selectors

    for number in range(3):
        make_petition(title=f"Everywhere {number}")
    with CaptureQueriesContext(connection) as queries:
        assert petitions_search(query="everywhere", language="en").total == 3
    search = next(q["sql"] for q in queries.captured_queries if "ts_rank" in q["sql"])
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(selectors._PG_INDEX_ONLY)
        cursor.execute(f"EXPLAIN {search}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "discovery_document_words" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's settings")
def test_the_planner_settings_are_put_back_for_an_enclosing_transaction():
    make_petition(title="Poets")
    with transaction.atomic(), connection.cursor() as cursor:
        assert petitions_search(query="poets", language="en").total == 1
        cursor.execute("SHOW enable_seqscan")
        seqscan = cursor.fetchone()
        cursor.execute("SHOW enable_indexscan")
        assert (seqscan, cursor.fetchone()) == (("on",), ("on",))


# Issue 16: Kazakhstan writes Cyrillic Uyghur its own way (қазақстан, жил, хәлиқара); a query
# in either Cyrillic spelling finds a text in any Uyghur script, and the reverse.
def kazakhstan_petition(language: str, title: str, body: str) -> Petition:
    petition = make_petition(languages=(language,))
    petition_text_save(
        petition=petition,
        language=language,
        title=title,
        target="—",
        summary="",
        body=body,
        links=(),
    )
    return petition


def test_a_query_in_kazakhstan_cyrillic_finds_a_petition_written_in_arabic_script():
    kazakhstan_petition("ug", "قازاقىستان ئۇيغۇرلىرى", "كونستىتۇتسىيە ھەققىدە بۇ يىل")
    for query in ("қазақстан", "конституция", "Қазақстан жил", "қазақистан йил"):
        assert titles(query) == ["قازاقىستان ئۇيغۇرلىرى"], query


def test_an_arabic_or_latin_query_finds_a_petition_written_in_kazakhstan_cyrillic():
    kazakhstan_petition("ug-cyrl", "Қазақстан уйғурлири", "Бу жил хәлиқара конституция һәққидә.")
    for query in ("قازاقىستان", "Qazaqistan", "يىل خەلقئارا", "كونستىتۇتسىيە", "қазақистан"):
        assert titles(query) == ["Қазақстан уйғурлири"], query
