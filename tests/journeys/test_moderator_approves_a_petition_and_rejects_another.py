"""A moderator works through the petitions waiting for publication: one is published, one is
refused for a reason its organizers read in their e-mail. We look at the queue in Uyghur too."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from awaz.organizations.models import Role
from awaz.petitions.models import Petition
from tests.factories import make_organization, make_petition
from tests.journeys.labels import field_label, shown
from tests.journeys.moderation import log_in_staff
from tests.mailqueue import deliver_queued_mail
from tests.organizers import make_member, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def waiting():
    organization = make_organization(name="Torchlight Uyghur Group", slug="torchlight")
    make_member(Role.OWNER, organization=organization, email="gulnar@example.org")
    good = make_petition(
        organization=organization,
        status=Petition.Status.PENDING,
        slug="free-ilham-tohti",
        title="Free Ilham Tohti",
    )
    copy = make_petition(
        organization=organization,
        status=Petition.Status.PENDING,
        slug="free-ilham-tohti-again",
        title="Free Ilham Tohti again",
    )
    return good, copy


def test_moderator_approves_a_petition_and_rejects_another(visitor, waiting):
    good, copy = waiting
    log_in_staff(visitor, make_user(staff_role="moderator", email="mod@example.org"))
    page = visitor.open("/en/dashboard/", name="moderator-dashboard-en")
    page.get_by_role("link", name="Moderation").click()
    expect(page.locator("h1")).to_have_text("Petitions waiting for publication")
    visitor.check(name="moderation-queue-en")
    visitor.screenshot("moderation-queue-en")

    page.get_by_role("link", name="Free Ilham Tohti [en]", exact=True).click()
    visitor.check(name="moderation-review-en")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".message")).to_contain_text("Published.")

    page.get_by_role("link", name="Free Ilham Tohti again [en]").click()
    page.get_by_label("Another reason (explained below).").check()
    page.get_by_role("button", name="Reject").click()
    expect(page.locator(".errorlist")).to_contain_text("Say why, for the organizers.")
    visitor.check(name="moderation-reject-error-en")
    page.get_by_label("It duplicates another petition.").check()
    page.get_by_role("button", name="Reject").click()
    expect(page.locator(".message")).to_contain_text("Rejected.")
    expect(page.get_by_text("No petition is waiting.")).to_be_visible()

    good.refresh_from_db()
    copy.refresh_from_db()
    assert (good.status, copy.status) == (Petition.Status.OPEN, Petition.Status.REJECTED)
    deliver_queued_mail()
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "Your petition is published: Free Ilham Tohti [en]",
        "Your petition was not published: Free Ilham Tohti again [en]",
    ]
    visitor.open(f"/en/petitions/{good.slug}/", name="approved-petition-en")

    # The same queue in Uyghur (right to left), with one petition waiting again.
    make_petition(organization=good.organization, status=Petition.Status.PENDING, languages=("ug",))
    page = visitor.open("/ug/dashboard/moderation/", name="moderation-queue-ug")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(shown("ug", "Petitions waiting for publication"))
    page.locator("table.listing a").first.click()
    expect(page.get_by_label(field_label("ug", "Explanation for the organizers"))).to_be_visible()
    visitor.check(name="moderation-review-ug")
    visitor.screenshot("moderation-review-ug")
