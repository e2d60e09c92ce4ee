"""Neighbours sign one after another from one network (an event's Wi-Fi, one NAT): nobody is
dropped. The form asks the busy network for the small puzzle; a browser that solves it counts;
one without JavaScript presses Sign again and is held for a moderator, who releases it."""

import re

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from playwright.sync_api import expect

from awaz.jobs.worker import Worker
from awaz.organizations.models import Role
from awaz.privacy.network import network_digest
from awaz.signatures.identity import email_digest
from awaz.signatures.models import Signature
from awaz.signatures.services import Origin, Signer, signature_sign
from tests.browser import DESKTOP, PHONE
from tests.factories import make_petition
from tests.journeys.moderation import log_in_staff
from tests.organizers import client_for, make_member, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def fill_and_send(visitor, email: str) -> None:
    page = visitor.page
    page.locator("input[name=name]").fill("Aygul Tursun")
    page.locator("input[name=email]").fill(email)
    page.locator("select[name=country]").select_option("TR")
    page.locator(".sign-form button[type=submit]").click()


def test_neighbours_behind_one_network_are_asked_for_the_puzzle_or_held_never_dropped(
    visitor, visitor_without_javascript, settings
):
    settings.AWAZ_CHALLENGE_MAX_NUMBER = 20_000
    owner = make_member(Role.OWNER)
    petition = make_petition(
        organization=owner.organization, title="Free them", languages=("en", "ug")
    )
    here = Origin(network_digest=network_digest("127.0.0.1", timezone.now()))
    neighbour = Signer(name="Ilham", email="ilham@example.org", country="DE")
    signature_sign(petition=petition, signer=neighbour, language="en", origin=here)

    # With JavaScript: the puzzle is asked, solved in the browser, and the signature counts.
    visitor.open(f"/en/petitions/{petition.slug}/", name="busy-network-form-en")
    fill_and_send(visitor, "aygul@example.org")
    page = visitor.page
    expect(page.get_by_role("status")).to_contain_text("Many people are signing from your network")
    visitor.check(name="busy-network-asked-en")
    visitor.screenshot("busy-network-asked-en-1280")
    page.set_viewport_size(PHONE)
    visitor.screenshot("busy-network-asked-en-390")
    page.set_viewport_size(DESKTOP)
    page.locator("input[name=name]").focus()  # focus starts the puzzle
    expect(page.locator("altcha-widget [data-state='verified']")).to_have_count(1, timeout=60_000)
    page.locator(".sign-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/check-your-inbox/$"))
    assert Signature.objects.get(email_digest=email_digest("aygul@example.org")).status == "pending"

    # The same page in Uyghur, right to left.
    visitor.open(f"/ug/petitions/{petition.slug}/", name="busy-network-form-ug")
    fill_and_send(visitor, "aygul2@example.org")
    expect(page.get_by_role("status")).to_be_visible()
    # The petition's own text is the factory's English; the page's words are Uyghur, RTL.
    visitor.check(name="busy-network-asked-ug")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("status")).to_contain_text("تورىڭىزدىن نۇرغۇن كىشى")
    visitor.screenshot("busy-network-asked-ug-1280")
    page.set_viewport_size(PHONE)
    visitor.screenshot("busy-network-asked-ug-390")
    page.set_viewport_size(DESKTOP)

    # Without JavaScript: Sign again, and the signature is held (mailed, not yet counted).
    plain = visitor_without_javascript
    plain.open(f"/en/petitions/{petition.slug}/", name="busy-network-form-nojs")
    fill_and_send(plain, "tor@example.org")
    expect(plain.page.get_by_role("status")).to_contain_text("press Sign again")
    plain.check(name="busy-network-asked-nojs")
    plain.page.locator(".sign-form button[type=submit]").click()
    expect(plain.page).to_have_url(re.compile(r"/check-your-inbox/$"))
    held = Signature.objects.get(email_digest=email_digest("tor@example.org"), status="suspect")
    assert held.hold_reason == "burst"

    # The organizer sees that one waits for review.
    session = client_for(owner.user).cookies[django_settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": session, "url": visitor.base_url}]
    )
    dashboard = f"/en/dashboard/organizations/{owner.organization.slug}/petitions/{petition.slug}/"
    visitor.open(dashboard, name="organizer-held-line-en")
    expect(page.locator(".notice")).to_contain_text("1 signature waiting for review")
    visitor.screenshot("organizer-held-line-en")
    page.context.clear_cookies()

    # A moderator sees the burst and releases it.
    log_in_staff(visitor, make_user(staff_role="moderator"))
    visitor.open("/en/dashboard/moderation/held/", name="moderation-held-en")
    page.get_by_role("link", name=petition.slug).click()
    expect(page.locator("table.listing tbody tr")).to_have_count(1)
    visitor.check(name="moderation-held-petition-en")
    visitor.screenshot("moderation-held-petition-en-1280")
    page.set_viewport_size(PHONE)
    visitor.screenshot("moderation-held-petition-en-390")
    page.set_viewport_size(DESKTOP)
    visitor.open(f"/ug/dashboard/moderation/held/{petition.pk}/", name="moderation-held-ug")
    visitor.screenshot("moderation-held-petition-ug-1280")
    page.set_viewport_size(PHONE)
    visitor.screenshot("moderation-held-petition-ug-390")
    page.set_viewport_size(DESKTOP)
    visitor.open(f"/en/dashboard/moderation/held/{petition.pk}/", name="moderation-held-en-again")
    page.locator("table.listing tbody tr").get_by_role("button", name="Release").click()
    expect(page.locator(".message")).to_contain_text("Queued: 1 held signatures")
    Worker(worker_id="journey", queues=["default"], idle_sleep=0).run(once=True)
    held.refresh_from_db()
    assert (held.status, held.hold_reason) == ("pending", "")  # counts once confirmed
