"""Which language a visitor gets: the address's prefix, their chosen one, the browser's, English."""

import re

import pytest
from django.conf import settings
from django.test import Client

from awaz.i18n.negotiation import language_for_tag
from tests.factories import make_petition

pytestmark = pytest.mark.django_db
COOKIE = settings.LANGUAGE_COOKIE_NAME


def root_for(client: Client, **headers: str) -> str:
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    return str(response["Location"])


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ug-Latn-CN,ug;q=0.8", "/ug-latn/"),
        ("ug-Latn", "/ug-latn/"),
        ("ug-Cyrl-KZ", "/ug-cyrl/"),
        ("ug-KZ", "/ug-cyrl/"),  # CLDR: Uyghur in Kazakhstan is written in Cyrillic
        ("ug-Arab-CN", "/ug/"),
        ("ug-CN", "/ug/"),
        ("uig", "/ug/"),  # ISO 639-2
        ("uig-Latn", "/ug-latn/"),
        ("kk-KZ,ru;q=0.8", "/kk/"),
        ("ru-RU", "/ru/"),
        ("tr", "/tr/"),
        ("zh-CN", "/zh-hans/"),
        ("de-DE,fr;q=0.9", "/en/"),  # nothing we serve: English
        ("ug;q=0, ru", "/ru/"),  # q=0 means "not this one"
        ("", "/en/"),
    ],
)
def test_the_browsers_language_chooses_when_the_address_names_none(client, header, expected):
    assert root_for(client, accept_language=header) == expected


def test_a_language_chosen_with_the_switcher_wins_over_the_browsers(client):
    client.cookies[COOKIE] = "ug-cyrl"
    assert root_for(client, accept_language="en-GB,en") == "/ug-cyrl/"


def test_the_address_wins_over_the_chosen_language(client):
    client.cookies[COOKIE] = "ug-cyrl"
    html = client.get("/ru/", headers={"accept-language": "tr"}).content.decode()
    assert '<html lang="ru" dir="ltr">' in html


@pytest.mark.parametrize(("cookie", "expected"), [("ug-Latn", "/ug-latn/"), ("nonsense!", "/en/")])
def test_a_cookie_in_another_spelling_is_understood_and_a_broken_one_ignored(
    client, cookie, expected
):
    client.cookies[COOKIE] = cookie
    assert root_for(client) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ug_Latn", "ug-latn"),
        ("UG-CYRL", "ug-cyrl"),
        ("ug-Arab", "ug"),
        ("zh-Hans-CN", "zh-hans"),
        ("en-US", "en"),
        ("xx", None),
        ("", None),
        ("ug-" + "x" * 200, None),
    ],
)
def test_tags_are_matched_whatever_their_spelling(tag, expected):
    assert language_for_tag(tag) == expected


@pytest.mark.parametrize(
    ("path", "headers", "expected"),
    [
        ("/xx/petitions/{slug}/", {"accept_language": "ru"}, "/ru/petitions/{slug}/"),
        ("/xx/petitions/{slug}/", {}, "/en/petitions/{slug}/"),
        ("/ug-arab/petitions/{slug}/", {}, "/ug/petitions/{slug}/"),
        ("/UG-LATN/petitions/{slug}/?ref=mail", {}, "/ug-latn/petitions/{slug}/?ref=mail"),
        ("/uig/", {}, "/ug/"),
        ("/de", {}, "/en/"),
        ("/en-us/petitions/{slug}", {}, "/en/petitions/{slug}/"),
    ],
)
def test_an_unknown_language_prefix_redirects_to_the_same_page_in_a_language_we_serve(
    client, path, headers, expected
):
    petition = make_petition()
    response = client.get(path.format(slug=petition.slug), headers=headers)
    assert response.status_code == 302
    assert response["Location"] == expected.format(slug=petition.slug)
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]
    assert client.get(response["Location"]).status_code == 200


def test_an_unknown_prefix_before_an_address_we_do_not_have_is_not_found(client):
    assert client.get("/xx/no-such-page/").status_code == 404


def test_a_missing_prefix_is_added(client):
    petition = make_petition()
    response = client.get(f"/petitions/{petition.slug}/", headers={"accept_language": "tr"})
    assert response["Location"] == f"/tr/petitions/{petition.slug}/"


def test_the_switcher_remembers_the_choice_and_shows_the_same_page_in_it(client):
    petition = make_petition(languages=("en", "ug-latn"))
    response = client.get("/language/ug-latn/", {"next": f"/en/petitions/{petition.slug}/?ref=x"})
    assert response.status_code == 302
    assert response["Location"] == f"/ug-latn/petitions/{petition.slug}/?ref=x"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "ug-latn"
    assert cookie["max-age"] == settings.LANGUAGE_COOKIE_AGE
    assert cookie["samesite"] == "Lax"
    assert "no-store" in response["Cache-Control"]
    assert root_for(client) == "/ug-latn/"  # remembered on the next visit


@pytest.mark.parametrize(
    "next_url",
    [
        "//evil.example/",
        "/\\evil.example/",
        "https://evil.example/",
        "javascript:alert(1)",
        "evil.example",
        "",
    ],
)
def test_the_switcher_never_sends_anyone_to_another_site(client, next_url):
    response = client.get("/language/ru/", {"next": next_url})
    assert response["Location"] == "/"
    assert response.cookies[COOKIE].value == "ru"


def test_the_switcher_goes_home_when_the_page_has_no_address_in_the_new_language(client):
    response = client.get("/language/tr/", {"next": "/en/no-such-page/"})
    assert response["Location"] == "/tr/"


def test_the_switcher_keeps_a_page_outside_the_language_prefixes(client):
    response = client.get("/language/ug-cyrl/", {"next": "/admin/login/"})
    assert response["Location"] == "/admin/login/"


def test_the_switcher_sets_no_cookie_for_a_language_we_do_not_serve(client):
    response = client.get("/language/xx/", {"next": "/ru/"})
    assert response["Location"] == "/ru/"
    assert COOKIE not in response.cookies


def test_every_page_links_each_language_through_the_switcher(client):
    petition = make_petition()
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    links = re.findall(r'<li><a href="([^"]+)" lang="([^"]+)" hreflang="\2"', html)
    assert len(links) == len(settings.LANGUAGES)
    assert (f"/language/ug-latn/?next=%2Fen%2Fpetitions%2F{petition.slug}%2F", "ug-Latn") in links
