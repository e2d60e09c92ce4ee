"""A moderator sees that one network gave a petition a burst of signatures, counts them, and
invalidates them: the public count drops by exactly that number."""

import re

import pytest
from playwright.sync_api import expect

from awaz.jobs.worker import Worker
from awaz.moderation.tasks import compute_trending
from awaz.signatures.counting import signature_counts_fold_all
from awaz.signatures.models import Signature, SiteSettings
from tests.factories import make_petition, make_signatures
from tests.journeys.moderation import log_in_staff
from tests.organizers import make_user

pytestmark = pytest.mark.django_db(transaction=True)
NETWORK = "5e" * 32


def test_moderator_invalidates_a_burst_from_one_network(visitor):
    SiteSettings.objects.create(trending_network_per_hour=20)
    petition = make_petition(slug="free-ilham-tohti", title="Free Ilham Tohti")
    make_signatures(petition, 30, country="DE")
    bots = make_signatures(petition, 25, country="KZ")
    Signature.objects.filter(pk__in=[bot.pk for bot in bots]).update(network_digest=NETWORK)
    compute_trending()  # the scheduled job, as the worker runs it

    page = visitor.open(f"/en/petitions/{petition.slug}/", name="burst-before-en")
    expect(page.locator(".counter")).to_contain_text("55")
    log_in_staff(visitor, make_user(staff_role="moderator"))
    page = visitor.open("/en/dashboard/moderation/trending/", name="moderation-trending-en")
    page.get_by_role("link", name="free-ilham-tohti").click()
    expect(page.locator("tr.spike")).to_have_count(1)
    visitor.check(name="moderation-trending-petition-en")
    visitor.screenshot("moderation-trending-petition-en")
    page.locator("tr.spike").get_by_role("link", name="Invalidate these…").click()
    expect(page.get_by_label("Network digest")).to_have_value(NETWORK)
    page.get_by_role("button", name="Count the matching signatures").click()
    expect(page.get_by_role("status")).to_have_text("25 signatures match.")
    visitor.check(name="moderation-invalidation-preview-en")
    visitor.screenshot("moderation-invalidation-preview-en")
    page.get_by_role("button", name="Invalidate 25 signatures").click()
    expect(page.locator(".message")).to_contain_text("Queued: 25 signatures")

    Worker(worker_id="journey", queues=["default"], idle_sleep=0).run(once=True)
    signature_counts_fold_all()  # the periodic job that publishes counts
    page = visitor.open("/en/dashboard/moderation/invalidations/", name="moderation-invalidated")
    expect(page.locator("table.listing tbody tr").first).to_contain_text(re.compile(r"done\s+25"))
    page = visitor.open(f"/en/petitions/{petition.slug}/", name="burst-after-en")
    expect(page.locator(".counter")).to_contain_text("30 have signed")
