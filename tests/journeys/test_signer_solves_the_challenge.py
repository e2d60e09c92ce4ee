"""Under a spam attack the organizer switches on the puzzle; a signer's browser solves it."""

import re

import pytest
from playwright.sync_api import expect

from awaz.signatures.models import Signature
from tests.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_signers_browser_solves_the_puzzle_and_the_signature_is_pending(visitor, settings):
    settings.AWAZ_CHALLENGE_MAX_NUMBER = 20_000
    petition = make_petition(challenge_required=True, title="Guarded")
    page = visitor.open(f"/en/petitions/{petition.slug}/", name="petition-challenge")
    page.get_by_label("Your name").fill("Aygul Tursun")
    widget = page.locator("altcha-widget")
    expect(widget).to_be_visible()
    page.get_by_label("Your e-mail address").fill("aygul@example.org")  # focus starts the puzzle
    page.get_by_label("Country where you live").select_option("TR")
    expect(widget.locator("[data-state='verified']")).to_have_count(1, timeout=60_000)
    visitor.check(name="petition-challenge-solved")
    visitor.screenshot("petition-challenge-solved")
    page.get_by_role("button", name="Sign").click()
    expect(page).to_have_url(re.compile(r"/check-your-inbox/$"))
    assert Signature.objects.get().status == "pending"
