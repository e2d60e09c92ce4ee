"""The search and browse pages: every bad input gets a clear answer, never a 500."""

import pytest
from django.test import Client

from awaz.petitions.models import Petition
from tests.factories import make_petition

pytestmark = pytest.mark.django_db


def test_search_lists_matching_petitions(client: Client):
    make_petition(title="Free the poets")
    make_petition(title="Save the river")
    response = client.get("/en/search/", {"q": "poets"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Free the poets [en]" in html
    assert "Save the river" not in html
    assert "1 petition matches" in html


@pytest.mark.parametrize("query", ["", "   ", '"', "*", "NEAR(", '" OR 1=1'])
def test_a_query_without_words_asks_for_one(client: Client, query: str):
    make_petition(title="Near the title")
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Type a word or two to search for." in html or "petition" in html


def test_an_empty_query_asks_for_a_word(client: Client):
    html = client.get("/en/search/", {"q": "  "}).content.decode()
    assert "Type a word or two to search for." in html


def test_a_very_long_query_is_refused_clearly(client: Client):
    response = client.get("/en/search/", {"q": "x" * 10_000})
    assert response.status_code == 400
    assert "Search for at most 200 characters (this has 10000)." in response.content.decode()


def test_no_match_says_so_in_the_readers_language(client: Client):
    html = client.get("/ru/search/", {"q": "nothing"}).content.decode()
    assert "nothing" in html
    assert 'lang="ru"' in html


def test_search_pages_link_to_the_next_page(client: Client):
    for number in range(25):
        make_petition(title=f"Common {number}")
    html = client.get("/en/search/", {"q": "common"}).content.decode()
    assert 'href="?q=common&amp;page=2"' in html
    second = client.get("/en/search/", {"q": "common", "page": "2"}).content.decode()
    assert second.count('class="count"') == 5


def test_a_bad_page_number_is_refused_clearly(client: Client):
    response = client.get("/en/search/", {"q": "x", "page": "zero"})
    assert response.status_code == 400


def test_browse_filters_by_state_and_language(client: Client):
    make_petition(title="Open both", languages=("en", "ug"))
    make_petition(title="Closed english", status=Petition.Status.CLOSED)
    make_petition(title="Draft", status=Petition.Status.DRAFT)
    html = client.get("/en/petitions/", {"status": "closed"}).content.decode()
    assert "Closed english" in html
    assert "Open both" not in html
    html = client.get("/en/petitions/", {"language": "ug"}).content.decode()
    assert "Open both [ug]" in html
    assert "Closed english" not in html
    assert "Draft" not in client.get("/en/petitions/").content.decode()


@pytest.mark.parametrize("query", [{"status": "draft"}, {"status": "removed"}, {"language": "xx"}])
def test_browse_refuses_states_and_languages_it_does_not_list(
    client: Client, query: dict[str, str]
):
    make_petition(title="Hidden", status=Petition.Status.DRAFT)
    response = client.get("/en/petitions/", query)
    assert response.status_code == 400
    assert "Hidden" not in response.content.decode()
