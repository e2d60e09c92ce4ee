"""A signer signs in Uyghur, confirms from the e-mail, and shares the petition on Telegram from
the thank-you page: the link carries the petition's address and the text in their language."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.journeys.conftest import reads_in_uyghur
from tests.journeys.labels import shown
from tests.journeys.test_signer_signs_in_uyghur_latin import confirm_from_inbox, worker
from tests.smtp import SmtpServer

pytestmark = pytest.mark.django_db(transaction=True)

__all__ = ["worker"]  # the fixture, shared with the Latin-script signing journey
UG_TITLE = "ئادالەتنى ھۆرمەتلەيلى، سېرىكجان بىلاشنى قۇتقۇزايلى"


def test_signer_confirms_and_shares_on_telegram(visitor, smtp: SmtpServer, worker):
    page = visitor.open("/ug/petitions/save-serikzhan-bilash/", name="petition-ug")
    page.get_by_label(shown("ug", "Your name")).fill("Ayshe Tursun")
    page.get_by_label(shown("ug", "Your e-mail address")).fill("ayshe@example.org")
    page.get_by_label(shown("ug", "Country where you live")).select_option("DE")
    page.get_by_role("button", name=shown("ug", "Sign"), exact=True).click()
    page = confirm_from_inbox(visitor, smtp, "ayshe@example.org", language="ug")
    expect(page).to_have_url(f"{visitor.base_url}/ug/petitions/save-serikzhan-bilash/thank-you/")
    reads_in_uyghur(visitor, "thanks-share-ug")

    telegram = page.locator(".share-box").get_by_role("link", name="Telegram")
    query = parse_qs(urlsplit(telegram.get_attribute("href") or "").query)
    address = f"{settings.SITE_URL}/ug/petitions/save-serikzhan-bilash/"
    assert query["url"] == [address]
    assert query["text"] == [shown("ug", "Sign the petition “%(title)s”", title=UG_TITLE)]
    expect(page.locator("#share-url")).to_have_value(address)
    # Choosing the link is what leaves Awaz: nothing of Telegram loaded before (the visitor
    # fixture fails on any request to another origin).
    assert telegram.get_attribute("rel") == "noopener noreferrer"
