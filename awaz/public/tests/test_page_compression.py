"""gzip (awaz.http.compression) for pages every anonymous reader sees alike, not for secrets."""

import gzip

import pytest
from django.test import Client

from awaz.public.forms import form_stamp
from tests.factories import make_petition
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def test_an_anonymous_petition_page_is_compressed_and_its_token_changes_each_time():
    petition = make_petition(title="Compressed")
    pages = [Client().get(f"/en/petitions/{petition.slug}/", headers=GZIP) for _ in range(2)]
    for answer in pages:
        assert answer.status_code == 200
        assert answer["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in answer["Vary"]
    html = [gzip.decompress(answer.content).decode() for answer in pages]
    assert 'name="csrfmiddlewaretoken"' in html[0]
    assert "Compressed [en]" in html[0]
    # The one per-reader value of the page is never the same twice: no size can reveal it.
    tokens = [text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0] for text in html]
    assert tokens[0] != tokens[1]
    assert len(pages[0].content) < len(html[0]) / 2


def test_the_home_page_is_compressed():
    make_petition()
    answer = Client().get("/en/", headers=GZIP)
    assert answer["Content-Encoding"] == "gzip"


def test_a_page_whose_form_is_no_store_is_not_compressed():
    # The CSRF token makes it no-store (awaz.http.headers): a page only its reader should have.
    answer = Client().get("/en/my-signatures/", headers=GZIP)
    assert answer.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in answer.content.decode()
    assert "no-store" in answer["Cache-Control"]
    assert "Content-Encoding" not in answer


def test_the_answer_to_a_post_is_not_compressed(settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    petition = make_petition()
    typed = {"name": "x" * 300, "email": "not an address", "country": "KZ", "stamp": form_stamp()}
    answer = Client().post(f"/en/petitions/{petition.slug}/sign/", typed, headers=GZIP)
    assert answer.status_code == 400  # the form again, with what was typed
    assert "Content-Encoding" not in answer
    assert "x" * 300 in answer.content.decode()  # what was typed comes back: never compress


def test_a_signed_in_organizers_pages_are_not_compressed():
    member = make_member()
    client = client_for(member.user)
    petition = make_petition(organization=member.organization)
    for path in ("/en/dashboard/", f"/en/petitions/{petition.slug}/"):
        answer = client.get(path, headers=GZIP)
        assert answer.status_code == 200, path
        assert 'name="csrfmiddlewaretoken"' in answer.content.decode() or path == "/en/dashboard/"
        assert "Content-Encoding" not in answer, path


def test_nothing_is_compressed_for_a_client_that_does_not_ask():
    petition = make_petition()
    answer = Client().get(f"/en/petitions/{petition.slug}/")
    assert "Content-Encoding" not in answer
