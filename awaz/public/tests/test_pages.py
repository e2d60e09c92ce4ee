import re

import pytest
from django.core.cache import cache
from django.test import Client

from awaz.petitions.models import Petition
from awaz.petitions.services import LinkInput
from awaz.public import pagecache
from awaz.signatures.policy import current_policy
from tests.factories import make_organization, make_petition, make_signatures
from tests.organizers import client_for, make_user

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    """The visible text of an HTML fragment, with whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_the_root_sends_a_visitor_to_their_language(client: Client):
    response = client.get("/", headers={"accept-language": "ug-CN,ug;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/ug/"


def test_home_lists_open_petitions_only(client: Client):
    make_petition(title="Open one")
    make_petition(title="A draft", status=Petition.Status.DRAFT)
    make_petition(title="Closed one", status=Petition.Status.CLOSED)
    html = client.get("/en/").content.decode()
    assert "Open one [en]" in html
    assert "A draft" not in html
    assert "Closed one" not in html


def test_a_new_petition_reads_zero_have_signed_and_its_first_goal(client: Client):
    petition = make_petition(first_goal=500)
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert "0 have signed. Let's get to 500!" in text_of(html)
    assert '<progress max="500" value="0"' in html


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 has signed. Let's get to 500!"),
        (2, "2 have signed. Let's get to 500!"),
        (500, "500 have signed. Let's get to 1,000!"),
        (1_204, "1,204 have signed. Let's get to 5,000!"),
        (2_345_678, "2,345,678 have signed. Let's get to 3,000,000!"),
    ],
)
def test_the_counter_uses_plurals_grouping_and_the_ladder(client: Client, count, expected):
    petition = make_petition(first_goal=500, signature_count=count)
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert expected in text_of(html)


def test_the_petition_page_shows_who_started_it_to_whom_and_when(client: Client):
    organization = make_organization(name="Torchlight Uyghur Group", slug="torchlight")
    petition = make_petition(organization=organization)
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert '<a href="/en/organizations/torchlight/">' in html
    assert "started this petition to the Government of Kazakhstan" in text_of(html)
    assert '<time datetime="2019-06-18">June 18, 2019</time>' in html
    assert "<p>First paragraph.</p>" in html


def test_links_are_listed_under_more_information(client: Client):
    petition = make_petition(links=(LinkInput("UHRP <b>report</b>", "https://uhrp.org/"),))
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert "You can find more information from the following sites:" in html
    assert '<a href="https://uhrp.org/" rel="nofollow noopener noreferrer">' in html
    assert "UHRP &lt;b&gt;report&lt;/b&gt;" in html


def test_the_organizations_other_petitions_are_listed_with_counts(client: Client):
    organization = make_organization(name="Torchlight Uyghur Group")
    petition = make_petition(organization=organization)
    make_petition(organization=organization, title="Older", signature_count=3_512)
    make_petition(organization=organization, title="Hidden", status=Petition.Status.DRAFT)
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    text = text_of(html)
    assert "Torchlight Uyghur Group's previous petitions" in text
    assert "Older [en] 3,512 signatures" in text
    assert "Hidden" not in text


def test_each_language_version_has_its_own_address_and_hreflang(client: Client, settings):
    settings.SITE_URL = "https://awaz.example"
    petition = make_petition(languages=("en", "ug", "ug-latn", "ug-cyrl"))
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    for code, tag in [("en", "en"), ("ug", "ug"), ("ug-latn", "ug-Latn"), ("ug-cyrl", "ug-Cyrl")]:
        assert (
            f'<link rel="alternate" hreflang="{tag}" '
            f'href="https://awaz.example/{code}/petitions/{petition.slug}/">'
        ) in html


@pytest.mark.parametrize(
    ("code", "tag", "direction"),
    [("ug", "ug", "rtl"), ("ug-latn", "ug-Latn", "ltr"), ("ug-cyrl", "ug-Cyrl", "ltr")],
)
def test_uyghur_pages_run_in_their_scripts_direction(client: Client, code, tag, direction):
    petition = make_petition(languages=("en", code))
    html = client.get(f"/{code}/petitions/{petition.slug}/").content.decode()
    assert f'<html lang="{tag}" dir="{direction}">' in html
    assert f'<div class="petition-body" lang="{tag}" dir="{direction}">' in html


def test_a_reader_whose_language_has_no_version_gets_the_original_with_a_notice(client: Client):
    petition = make_petition(languages=("en",))
    html = client.get(f"/tr/petitions/{petition.slug}/").content.decode()
    assert '<div class="petition-body" lang="en" dir="ltr">' in html
    assert 'class="notice"' in html


@pytest.mark.parametrize(
    "status", [Petition.Status.DRAFT, Petition.Status.PENDING, Petition.Status.REJECTED]
)
def test_a_petition_the_public_may_not_see_is_not_found(client: Client, status):
    petition = make_petition(status=status)
    assert client.get(f"/en/petitions/{petition.slug}/").status_code == 404


def test_a_removed_petition_says_it_was_removed_and_shows_nothing_of_it(client: Client):
    petition = make_petition(status=Petition.Status.REMOVED, title="Secret words")
    response = client.get(f"/en/petitions/{petition.slug}/")
    assert response.status_code == 410
    html = response.content.decode()
    assert "This petition was removed" in html
    assert "Secret words" not in html and "First paragraph" not in html


def test_an_unknown_petition_gets_a_not_found_page_in_the_readers_language(client: Client):
    response = client.get("/ug/petitions/no-such-petition/")
    assert response.status_code == 404
    assert '<html lang="ug" dir="rtl">' in response.content.decode()


def test_the_organization_page_shows_its_details_and_all_its_public_petitions(client: Client):
    organization = make_organization(
        name="Torchlight Uyghur Group", slug="torchlight", website="https://example.org/t"
    )
    make_petition(organization=organization, title="Open")
    make_petition(organization=organization, title="Closed", status=Petition.Status.CLOSED)
    make_petition(organization=organization, title="Draft", status=Petition.Status.DRAFT)
    html = client.get("/en/organizations/torchlight/").content.decode()
    assert "<h1" in html and "Torchlight Uyghur Group" in html
    assert "Campaigns for people detained in East Turkestan." in html
    assert 'href="https://example.org/t"' in html
    assert "Open [en]" in html and "Closed [en]" in html and "Draft" not in html


def test_an_unknown_organization_is_not_found(client: Client):
    assert client.get("/en/organizations/nobody/").status_code == 404


def test_the_petition_page_does_constant_work_whatever_the_count(
    client: Client, django_assert_num_queries, settings
):
    settings.AWAZ_PAGE_CACHE_SECONDS = 0  # measure the render itself
    organization = make_organization()
    small = make_petition(organization=organization, languages=("en", "ug"))
    big = make_petition(organization=organization, languages=("en", "ug"), signature_count=10**6)
    make_signatures(big, 300)
    make_petition(organization=organization)
    current_policy()  # the moderators' site-wide switches: read once per cache period, not here
    for petition in (small, big):
        # petition, what the previous petitions' list depends on, its organization, texts,
        # links, previous petitions, their titles, recent signers, updates (news, the response
        # and the victory at once), milestones
        with django_assert_num_queries(10):
            assert client.get(f"/en/petitions/{petition.slug}/").status_code == 200
        # From its skeleton (public/skeleton.py): the petition, the previous petitions' ids,
        # states, counts and versions, and the recent signers
        with django_assert_num_queries(3):
            assert client.get(f"/en/petitions/{petition.slug}/").status_code == 200


def test_pages_refuse_unsafe_methods(client: Client):
    petition = make_petition()
    assert client.post(f"/en/petitions/{petition.slug}/").status_code == 405


def test_anonymous_readers_get_the_page_from_the_cache_with_their_own_tokens(
    client: Client, django_assert_num_queries
):
    petition = make_petition()
    first = client.get(f"/en/petitions/{petition.slug}/")
    with django_assert_num_queries(0):
        second = Client().get(f"/en/petitions/{petition.slug}/")
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    stamp = re.compile(r'name="stamp" value="([^"]+)"')
    html_one, html_two = first.content.decode(), second.content.decode()
    assert token.findall(html_one) != token.findall(html_two)
    assert stamp.findall(html_one) != stamp.findall(html_two)
    assert "csrftoken" in second.cookies
    assert token.sub("", stamp.sub("", html_one)) == token.sub("", stamp.sub("", html_two))


def test_a_cached_page_still_takes_a_signature(client: Client, settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    petition = make_petition()
    Client().get(f"/en/petitions/{petition.slug}/")  # fills the cache
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    (token,) = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    (stamp,) = re.findall(r'name="stamp" value="([^"]+)"', html)
    data = {
        "csrfmiddlewaretoken": token,
        "stamp": stamp,
        "name": "Ayshe",
        "email": "ayshe@example.org",
        "country": "KZ",
    }
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.cookies = client.cookies
    response = csrf_client.post(f"/en/petitions/{petition.slug}/sign/", data)
    assert response.status_code == 303


@pytest.mark.parametrize("cached_before", [False, True])
def test_nginx_micro_cache_gets_the_page_with_holes_and_fills_them_per_reader(
    settings, cached_before
):
    settings.AWAZ_PAGE_CACHE_SECONDS = 7
    petition = make_petition()
    url = f"/en/petitions/{petition.slug}/"
    if cached_before:
        Client().get(url)
    edge = Client().get(url, headers={pagecache.EDGE_HEADER: "1"})
    html = edge.content.decode()
    assert edge["X-Accel-Expires"] == "7"
    assert f'name="csrfmiddlewaretoken" value="{pagecache.EDGE_CSRF}"' in html
    assert f'name="stamp" value="{pagecache.EDGE_STAMP}"' in html
    assert "X-Accel-Expires" not in Client().get(url)  # a reader's own page is never kept
    tokens = Client().get("/form-tokens/")
    assert tokens.status_code == 204
    assert tokens["X-Awaz-Csrf-Token"] and tokens["X-Awaz-Stamp"]
    assert "csrftoken" in tokens.cookies  # a new reader's CSRF cookie, for nginx to pass on


def test_a_reader_with_a_session_never_gets_holes(client: Client, settings):
    petition = make_petition()
    client.cookies["sessionid"] = "whatever"
    response = client.get(f"/en/petitions/{petition.slug}/", headers={pagecache.EDGE_HEADER: "1"})
    assert "X-Accel-Expires" not in response
    assert pagecache.EDGE_CSRF not in response.content.decode()


def _shared_page_marked(petition: Petition) -> str:
    url = f"/en/petitions/{petition.slug}/"
    Client().get(url)  # an anonymous reader fills the shared page
    key = pagecache.petition_key(petition.slug, "en")
    cache.set(key, cache.get(key).replace("Rendered [en]", "Shared [en]"))
    assert "Shared [en]" in Client().get(url).content.decode()  # what anonymous readers get
    return url


def test_signed_in_people_are_never_served_the_shared_page():
    petition = make_petition(title="Rendered")
    url = _shared_page_marked(petition)
    response = client_for(make_user()).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rendered [en]" in html
    assert "Shared [en]" not in html


def test_a_session_that_names_no_user_gets_the_shared_page(client: Client):
    """A reader with a session but not signed in is an anonymous reader (issue 15): no render."""
    petition = make_petition(title="Rendered")
    url = _shared_page_marked(petition)
    client.cookies["sessionid"] = "whatever"
    response = client.get(url)
    assert response.status_code == 200
    assert "Shared [en]" in response.content.decode()


def test_a_changed_petition_is_shown_at_once_to_anonymous_readers(client: Client):
    petition = make_petition(title="Before")
    assert "Before [en]" in client.get(f"/en/petitions/{petition.slug}/").content.decode()
    text = petition.texts.get()
    text.title = "After"
    text.save()
    assert "After" in Client().get(f"/en/petitions/{petition.slug}/").content.decode()
