"""Before signing, a signer follows the link beside the consent line and reads what is kept."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)


def test_signer_reads_how_signers_are_protected_before_signing(visitor, settings):
    settings.AWAZ_RETENTION_DAYS = 60
    petition = make_petition(slug="free-the-voices")
    page = visitor.open(f"/en/petitions/{petition.slug}/", name="petition-before-privacy")
    page.locator(".consent").get_by_role("link", name="How we protect signers").click()
    expect(page).to_have_url(f"{visitor.base_url}/en/privacy/")
    visitor.check(name="privacy-en")
    expect(page.locator("h1")).to_have_text("How we protect signers")
    expect(page.locator("#how-long + ul")).to_contain_text("at the latest 60 days after")
    visitor.screenshot("privacy-en")
