"""The home page's sections, the scheduled trend of counts, and the staff's picks."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from awaz.audit.models import AuditEntry
from awaz.discovery.models import CountSnapshot, Feature, Trend
from awaz.discovery.services import petition_feature, petition_unfeature, trending_refresh
from awaz.petitions.lifecycle import petition_close, petition_declare_victory, petition_remove
from awaz.petitions.models import Petition
from tests.factories import PUBLISHED, make_petition
from tests.organizers import make_user
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

START = PUBLISHED + datetime.timedelta(days=30)


def set_count(petition: Petition, count: int) -> None:
    # The published count as the folding job leaves it (no signature rows are needed here).
    Petition.objects.filter(pk=petition.pk).update(signature_count=count)


def test_trending_is_what_each_open_petition_gained_in_the_last_day():
    steady, surging = make_petition(title="Steady"), make_petition(title="Surging")
    set_count(steady, 1000)
    set_count(surging, 10)
    with time_machine.travel(START, tick=False):
        assert trending_refresh() == 0  # nothing to compare with yet
    set_count(steady, 1010)
    set_count(surging, 510)
    with time_machine.travel(START + datetime.timedelta(hours=12), tick=False):
        trending_refresh()
    assert dict(Trend.objects.values_list("petition_id", "gained")) == {
        steady.pk: 10,
        surging.pk: 500,
    }
    with time_machine.travel(START + datetime.timedelta(hours=30), tick=False):
        trending_refresh()  # the first snapshot is now older than a day: the 12 h one counts
    assert Trend.objects.count() == 0
    with time_machine.travel(START + datetime.timedelta(hours=60), tick=False):
        trending_refresh()
    kept = CountSnapshot.objects.values_list("taken_at", flat=True)
    assert min(kept) >= START + datetime.timedelta(hours=12)


def test_a_petition_published_within_the_day_trends_with_all_its_count():
    young = make_petition()
    Petition.objects.filter(pk=young.pk).update(published_at=START - datetime.timedelta(hours=2))
    set_count(young, 42)
    with time_machine.travel(START, tick=False):
        trending_refresh()
    assert Trend.objects.get().gained == 42
    assert Trend.objects.get().petition_id == young.pk


def test_running_the_job_twice_changes_nothing_shown():
    petition = make_petition()
    with time_machine.travel(START, tick=False):
        trending_refresh()
    set_count(petition, 7)
    with time_machine.travel(START + datetime.timedelta(hours=1), tick=False):
        trending_refresh()
        trending_refresh()
    assert list(Trend.objects.values_list("gained", flat=True)) == [7]


def test_the_home_page_shows_featured_trending_newest_and_victories(client: Client):
    featured = make_petition(title="Chosen")
    make_petition(title="Newest")
    moderator = make_user(staff_role="moderator")
    petition_declare_victory(petition=make_petition(title="Won"), by=moderator, statement="Freed.")
    petition_close(petition=make_petition(title="Ended"), by=moderator)
    petition_feature(petition=featured, by=moderator)
    Trend.objects.create(petition=featured, gained=5, computed_at=START)
    html = client.get("/en/").content.decode()
    for heading in ("Featured", "Growing fastest today", "Open petitions", "Recent victories"):
        assert f">{heading}</h2>" in html
    assert "Won [en]" in html
    assert "Ended [en]" not in html
    assert 'action="/en/search/"' in html


def test_a_featured_petition_taken_down_leaves_the_home_page(client: Client):
    petition, moderator = make_petition(title="Chosen"), make_user(staff_role="moderator")
    petition_feature(petition=petition, by=moderator)
    petition_remove(petition=petition, by=moderator)
    assert "Chosen" not in client.get("/en/").content.decode()


def test_featuring_is_audited_and_happens_once():
    petition, moderator = make_petition(), make_user()
    petition_feature(petition=petition, by=moderator)
    petition_feature(petition=petition, by=moderator)
    petition_unfeature(petition=petition, by=moderator)
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-2:] == ["petition.feature", "petition.unfeature"]
    assert actions.count("petition.feature") == 1
    assert not Feature.objects.exists()


def test_a_moderator_features_a_petition_from_its_review_page():
    petition = make_petition()
    client = staff_client(make_user(staff_role="moderator"))
    url = reverse("moderation:featured", kwargs={"pk": petition.pk})
    assert client.post(url, {"featured": "on"}).status_code == 302
    assert Feature.objects.filter(petition=petition).exists()
    page = client.get(reverse("moderation:petition", kwargs={"pk": petition.pk}))
    assert "Stop featuring it" in page.content.decode()
    client.post(url, {})
    assert not Feature.objects.exists()


def test_a_draft_cannot_be_featured():
    draft = make_petition(status=Petition.Status.DRAFT)
    client = staff_client(make_user(staff_role="moderator"))
    url = reverse("moderation:featured", kwargs={"pk": draft.pk})
    assert client.post(url, {"featured": "on"}).status_code == 404
