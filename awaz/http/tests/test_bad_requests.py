"""Requests Awaz cannot read get a clear 400 or 413 page in the page's language, never a 500."""

import pytest
from django.test import Client

from tests.factories import make_petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition():
    return make_petition()


def _client() -> Client:
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("charset", ["utf-7", "latin-1", "iso-8859-1", "cp1252", "nonsense"])
@pytest.mark.parametrize("language", ["en", "ug"])
def test_a_form_in_another_charset_than_utf8_gets_400_in_the_page_language(
    petition, charset, language
):
    client = _client()
    client.get(f"/{language}/petitions/{petition.slug}/")
    response = client.generic(
        "POST",
        f"/{language}/petitions/{petition.slug}/sign/",
        b"name=Ann&email=ann%40example.org&country=DE",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    html = response.content.decode()
    if language == "en":
        assert "Your browser sent something we could not read" in html
        assert "Nothing was saved" in html
    else:
        assert 'dir="rtl"' in html
        assert "Your browser sent" not in html


def test_utf8_and_no_charset_are_read(petition):
    client = _client()
    for content_type in (
        "application/x-www-form-urlencoded; charset=UTF-8",
        "application/x-www-form-urlencoded",
    ):
        response = client.post(
            f"/en/petitions/{petition.slug}/sign/", data=b"name=Ann", content_type=content_type
        )
        # The sign form's own answer (its errors), not the page for what cannot be read.
        assert "could not read" not in response.content.decode()
        assert 'class="sign-form"' in response.content.decode()


def test_a_body_over_the_limit_gets_413_unread(petition, settings):
    settings.AWAZ_MAX_REQUEST_BYTES = 64 * 1024
    response = _client().post(
        f"/en/petitions/{petition.slug}/sign/",
        data=b"a" * (64 * 1024 + 1),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()


def test_form_fields_over_djangos_limit_get_413_not_400(petition, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = _client()
    client.get(f"/en/petitions/{petition.slug}/")
    response = client.post(
        f"/en/petitions/{petition.slug}/sign/", data={"comment": "x" * 2000, "name": "Ann"}
    )
    assert response.status_code == 413


@pytest.mark.parametrize("length", ["-5", "abc", "1e3"])
def test_a_malformed_content_length_gets_400(petition, length):
    response = _client().generic(
        "POST",
        f"/en/petitions/{petition.slug}/sign/",
        data=b"name=Ann",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=length,
    )
    assert response.status_code == 400
