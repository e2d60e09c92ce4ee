"""An owner registers a webhook for her organization, copies its secret (shown once), and a
private address is refused with the reason; then she reads the same pages in Uyghur."""

import pytest
from playwright.sync_api import expect

from awaz.organizations.models import Role
from tests.browser import DESKTOP, PHONE
from tests.journeys.conftest import reads_in_uyghur
from tests.journeys.labels import field_label, shown
from tests.organizers import PASSWORD, make_member

pytestmark = pytest.mark.django_db(transaction=True)
OWNER = "aynur@example.org"


def _both_sizes(visitor, name):
    visitor.screenshot(f"{name}-1280")
    visitor.page.set_viewport_size(PHONE)
    visitor.screenshot(f"{name}-390")
    visitor.page.set_viewport_size(DESKTOP)


def _register(visitor, language, address):
    page = visitor.page
    page.get_by_label(field_label(language, "Address")).fill(address)
    page.get_by_role("button", name=shown(language, "Register"), exact=True).click()
    return page


def test_owner_registers_a_webhook(visitor):
    member = make_member(Role.OWNER, email=OWNER)
    org = member.organization.slug
    page = visitor.open("/en/accounts/login/", name="login-en")
    page.get_by_label(shown("en", "E-mail address")).fill(OWNER)
    page.get_by_label(shown("en", "Password") + shown("en", ":"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=shown("en", "Log in")).click()

    page = visitor.open(f"/en/dashboard/organizations/{org}/webhooks/", name="webhooks-en")
    _register(visitor, "en", "https://169.254.169.254/latest/meta-data/")
    expect(page.locator(".errorlist")).to_contain_text("webhooks go only to public addresses")
    visitor.check(name="webhooks-refused-en")
    # The refusal answers 400 (as every refused form does), which Chromium logs: that one only.
    assert visitor.console == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
    visitor.console.clear()
    _both_sizes(visitor, "webhooks-refused-en")

    _register(visitor, "en", "https://93.184.216.34/hooks/awaz")
    expect(page.locator(".secret")).to_contain_text("whsec_")
    visitor.check(name="webhook-created-en")
    _both_sizes(visitor, "webhook-created-en")
    page.get_by_role("link", name="Go to the webhook and its delivery log").click()
    expect(page.get_by_text("Nothing sent yet.")).to_be_visible()
    visitor.check(name="webhook-detail-en")
    _both_sizes(visitor, "webhook-detail-en")

    visitor.open(f"/ug/dashboard/organizations/{org}/webhooks/", name="webhooks-ug")
    reads_in_uyghur(visitor, "webhooks-ug")
    _both_sizes(visitor, "webhooks-ug")
    page.locator("table.listing a").first.click()
    reads_in_uyghur(visitor, "webhook-detail-ug")
    _both_sizes(visitor, "webhook-detail-ug")
