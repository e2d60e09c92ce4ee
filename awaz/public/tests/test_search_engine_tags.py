"""What search engines read in a page's head: a description in the page's language, a canonical
address and the page's versions (`hreflang`), all absolute and built from SITE_URL."""

import re

import pytest
from django.test import Client

from tests.factories import make_petition
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db
SITE = "https://awaz.example"
LINK = re.compile(r'<link rel="(canonical|alternate)"(?: hreflang="([^"]+)")? href="([^"]+)">')


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["proxy.internal", "testserver"]


def addresses(html: str) -> tuple[str, dict[str, str]]:
    links = LINK.findall(html)
    (canonical,) = [href for rel, _tag, href in links if rel == "canonical"]
    return canonical, {tag: href for rel, tag, href in links if rel == "alternate" and tag}


def description(html: str) -> str:
    (found,) = re.findall(r'<meta name="description" content="([^"]*)">', html)
    return str(found)


def test_a_petition_names_its_versions_from_site_url_not_the_host_header():
    petition = make_petition(languages=("en", "ug"))
    # Reached through a proxy under another name: the page still names the public address.
    html = Client().get(f"/ug/petitions/{petition.slug}/", headers={"host": "proxy.internal"})
    canonical, versions = addresses(html.content.decode())
    assert canonical == f"{SITE}/ug/petitions/{petition.slug}/"
    assert versions == {
        "en": f"{SITE}/en/petitions/{petition.slug}/",
        "ug": f"{SITE}/ug/petitions/{petition.slug}/",
        "x-default": f"{SITE}/petitions/{petition.slug}/",
    }


def test_a_petition_read_in_a_language_it_lacks_names_the_version_shown_as_canonical():
    petition = make_petition(languages=("en",))
    html = Client().get(f"/ru/petitions/{petition.slug}/").content.decode()
    canonical, versions = addresses(html)
    assert canonical == f"{SITE}/en/petitions/{petition.slug}/"
    assert set(versions) == {"en", "x-default"}


def test_a_petitions_description_is_its_summary_in_the_version_shown():
    petition = make_petition(languages=("en",))
    html = Client().get(f"/en/petitions/{petition.slug}/").content.decode()
    assert description(html) == "A short summary."  # tests.factories.make_text


def test_the_home_page_has_every_language_and_a_description_in_its_own():
    make_petition()
    english = Client().get("/en/").content.decode()
    uyghur = Client().get("/ug/").content.decode()
    canonical, versions = addresses(uyghur)
    assert canonical == f"{SITE}/ug/"
    assert versions == {
        "en": f"{SITE}/en/",
        "ug": f"{SITE}/ug/",
        "ug-Latn": f"{SITE}/ug-latn/",
        "ug-Cyrl": f"{SITE}/ug-cyrl/",
        "kk": f"{SITE}/kk/",
        "ru": f"{SITE}/ru/",
        "tr": f"{SITE}/tr/",
        "zh-Hans": f"{SITE}/zh-hans/",
        "x-default": f"{SITE}/",
    }
    assert description(english).startswith("Read, sign and share petitions in Uyghur")
    # Uyghur in Arabic script (the catalog's translation), not the English sentence.
    assert re.search(r"[\u0600-\u06ff]{3}", description(uyghur)), description(uyghur)


@pytest.mark.parametrize(
    "path", ["/en/petitions/", "/en/privacy/", "/en/my-signatures/", "/en/search/"]
)
def test_every_public_page_has_a_description_and_a_canonical_address(path):
    make_petition()
    html = Client().get(path).content.decode()
    assert description(html)
    canonical, versions = addresses(html)
    assert canonical == SITE + path
    assert versions["x-default"] == SITE + path.removeprefix("/en")


def test_the_workspace_names_no_address_for_search_engines():
    member = make_member()
    html = client_for(member.user).get("/en/dashboard/").content.decode()
    assert 'rel="canonical"' not in html
    assert "hreflang=" not in html.split("<body")[0]


def test_a_uyghur_page_preloads_the_faces_it_shows_first():
    html = Client().get("/ug/").content.decode()
    preloaded = re.findall(r'<link rel="preload" href="/static/awaz/fonts/([a-z0-9-]+)\.', html)
    assert preloaded == [
        "noto-sans-arabic-ug-400",
        "noto-sans-arabic-ug-700",
        "noto-sans-latin-400",
        "noto-sans-latin-700",
    ]
    assert html.count('rel="stylesheet"') == 1  # one request holds the first paint
