"""Atom feeds: parsed strictly and held to RFC 4287's rules; only what the public may read."""

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.test import Client

from awaz.petitions.models import Petition
from awaz.petitions.updates import update_post
from tests.factories import make_organization, make_petition

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HIDDEN = [
    Petition.Status.DRAFT,
    Petition.Status.PENDING,
    Petition.Status.REJECTED,
    Petition.Status.REMOVED,
]


def atom(client: Client, path: str) -> ET.Element:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)  # noqa: S314 - our own server's answer
    assert feed.tag == f"{ATOM}feed"
    check_atom_rules(feed, path)
    return feed


def check_atom_rules(feed: ET.Element, path: str) -> None:
    """The MUSTs of RFC 4287 that a generator can get wrong."""
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [f"http://127.0.0.1:8000{path}"]
    assert feed.findall(f"{ATOM}author/{ATOM}name")
    datetime.fromisoformat(feed.findtext(f"{ATOM}updated") or "")
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated") or "")
        alternate = [
            link for link in entry.findall(f"{ATOM}link") if link.get("rel") in (None, "alternate")
        ]
        assert len(alternate) == 1
        assert (alternate[0].get("href") or "").startswith("http://127.0.0.1:8000/")
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids)), "entry ids are unique"


def titles(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") or "" for entry in feed.findall(f"{ATOM}entry")]


def test_the_site_feed_lists_petitions_the_public_may_read(client: Client):
    make_petition(title="Open")
    make_petition(title="Closed", status=Petition.Status.CLOSED)
    for status in HIDDEN:
        make_petition(title=f"Hidden {status}", status=status)
    feed = atom(client, "/en/feeds/petitions.atom")
    assert sorted(titles(feed)) == ["Closed [en]", "Open [en]"]
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_an_entry_links_to_the_version_it_shows(client: Client):
    petition = make_petition(title="Only Uyghur", languages=("ug",))
    feed = atom(client, "/en/feeds/petitions.atom")
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == (  # type: ignore[union-attr]
        f"http://127.0.0.1:8000/ug/petitions/{petition.slug}/"
    )
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == petition.organization.name


def test_the_language_feed_lists_only_petitions_with_a_version_in_it(client: Client):
    make_petition(title="Both", languages=("en", "ug"))
    make_petition(title="English", languages=("en",))
    assert titles(atom(client, "/ug/feeds/language.atom")) == ["Both [ug]"]
    assert sorted(titles(atom(client, "/ug/feeds/petitions.atom"))) == ["Both [ug]", "English [en]"]


def test_the_organization_feed_lists_its_petitions(client: Client):
    organization = make_organization()
    make_petition(title="Ours", organization=organization)
    make_petition(title="Our draft", organization=organization, status=Petition.Status.DRAFT)
    make_petition(title="Theirs")
    feed = atom(client, f"/en/organizations/{organization.slug}/petitions.atom")
    assert titles(feed) == ["Ours [en]"]
    assert client.get("/en/organizations/nobody/petitions.atom").status_code == 404


def test_a_petitions_updates_feed_carries_its_updates(client: Client):
    petition = make_petition(title="Watched")
    update_post(petition=petition, by=None, language="en", title="Delivered", body="We **did** it.")
    feed = atom(client, f"/en/petitions/{petition.slug}/updates.atom")
    assert titles(feed) == ["Delivered"]
    (entry,) = feed.findall(f"{ATOM}entry")
    assert "<strong>did</strong>" in (entry.findtext(f"{ATOM}summary") or "")


@pytest.mark.parametrize("status", HIDDEN)
def test_a_hidden_petition_has_no_updates_feed(client: Client, status: str):
    petition = make_petition(status=status)
    assert client.get(f"/en/petitions/{petition.slug}/updates.atom").status_code == 404


def test_an_empty_feed_is_still_valid_atom(client: Client):
    assert titles(atom(client, "/en/feeds/petitions.atom")) == []


@pytest.mark.parametrize(
    "path",
    [
        "/en/feeds/petitions.atom?page=2",
        "/en/feeds/language.atom?format=rss",
        "/en/feeds/unknown.atom",
        "/en/petitions/nothing-here/updates.atom",
    ],
)
def test_unknown_feeds_and_parameters_answer_404(client: Client, path: str):
    make_petition()
    assert client.get(path).status_code == 404


def test_pages_advertise_their_feeds(client: Client):
    petition = make_petition()
    home = client.get("/en/").content.decode()
    assert 'type="application/atom+xml"' in home
    assert 'href="/en/feeds/petitions.atom"' in home
    assert 'href="/en/feeds/language.atom"' in home
    page = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert f'href="/en/petitions/{petition.slug}/updates.atom"' in page
    organization = client.get(f"/en/organizations/{petition.organization.slug}/").content.decode()
    assert f'href="/en/organizations/{petition.organization.slug}/petitions.atom"' in organization


TITLE_UG = "قازاقىستان ئۇيغۇرلىرى"


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        (Petition.CyrillicSpelling.KAZAKHSTAN, "Қазақстан уйғурлири [ug]"),
        (Petition.CyrillicSpelling.STANDARD, "Қазақистан уйғурлири [ug]"),
    ],
)
def test_the_cyrillic_feed_carries_the_petitions_spelling(client: Client, spelling, expected):
    from awaz.petitions.conversion import petition_texts_convert

    petition = make_petition(languages=("ug",), title=TITLE_UG, cyrillic_spelling=spelling)
    petition_texts_convert(source=petition.texts.get(language="ug"))
    update_post(petition=petition, by=None, language="ug", title=TITLE_UG, body="يىل")
    assert titles(atom(client, "/ug-cyrl/feeds/language.atom")) == [expected]
    updates = atom(client, f"/ug-cyrl/petitions/{petition.slug}/updates.atom")
    assert titles(updates) == [expected.removesuffix(" [ug]")]
