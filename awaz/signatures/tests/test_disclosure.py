"""One k rule on every surface: a country with fewer than k signers is never named, not by the
statistics, not beside "Someone" in the recent signatures, not beside a public first name."""

import pytest
from django.test import Client

from awaz.petitions.models import Petition
from awaz.signatures import disclosure, selectors, statistics
from tests.factories import make_petition, make_signatures

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition(settings):
    settings.AWAZ_K_ANONYMITY = 3
    settings.AWAZ_PAGE_CACHE_SECONDS = 0
    petition = make_petition(private_signers=Petition.PrivateSigners.COUNTRY)
    make_signatures(petition, 3, country="DE", is_public=False)  # exactly k: shown
    make_signatures(petition, 5, country="IS", status="pending")  # not counted towards k
    make_signatures(petition, 1, country="IS", is_public=True)
    make_signatures(petition, 1, country="IS", is_public=False)
    return petition


def test_recent_signatures_name_only_countries_with_k_signers(petition):
    recent = selectors.signatures_recent(petition=petition)
    shown = [(row.first_name != "", row.country) for row in recent]
    assert shown == [(False, ""), (True, ""), (False, "DE"), (False, "DE"), (False, "DE")]


def test_the_page_says_someone_without_the_small_country(petition, client: Client):
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    recent = html.split('id="recent-title"', 1)[1].split("</section>", 1)[0]
    assert "Iceland" not in recent and "Someone from Germany" in recent
    assert "<li>Someone</li>" in recent
    assert "<li><bdi>Signer" in recent  # the public signer: the first name alone


def test_every_surface_agrees_with_the_statistics(petition):
    counts = statistics.counts_by_country(petition)
    assert counts.shown == [("DE", 3)] and counts.hidden == 2
    shown = disclosure.countries_shown(petition_id=petition.pk, countries={"DE", "IS", "TR"})
    assert shown == {code for code, _total in counts.shown}
    listed = {row.country for row in selectors.signatures_recent(petition=petition)} - {""}
    assert listed == shown


def test_a_country_is_named_once_it_reaches_k(petition):
    make_signatures(petition, 1, country="IS", is_public=False)
    recent = selectors.signatures_recent(petition=petition)
    assert recent[0].country == "IS" and recent[1].country == "IS"
    assert disclosure.countries_shown(petition_id=petition.pk, countries={"IS"}) == {"IS"}


def test_recent_signatures_take_one_query(petition, django_assert_num_queries):
    with django_assert_num_queries(1):
        selectors.signatures_recent(petition=petition)
