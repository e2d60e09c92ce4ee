"""Before signing, a signer follows the link beside the consent line and reads what is kept."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_petition, make_signatures

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
    expect(page.locator("#stored + ul")).to_contain_text("both encrypted")
    visitor.screenshot("privacy-en")
    page = visitor.open("/ug/privacy/", name="privacy-ug")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    visitor.screenshot("privacy-ug")


def test_a_signer_on_a_phone_reads_in_uyghur_where_the_keys_are(phone_visitor):
    petition = make_petition(slug="free-the-voices", languages=("en", "ug"))
    make_signatures(petition, 10, country="DE", is_public=False)  # k signers: Germany is named
    make_signatures(petition, 1, country="IS", is_public=True)  # one: Iceland is not
    page = phone_visitor.open(f"/en/petitions/{petition.slug}/", name="petition-recent-k-en")
    recent = page.locator(".recent")
    expect(recent).to_contain_text("Someone from Germany")
    expect(recent).not_to_contain_text("Iceland")
    expect(recent).not_to_contain_text("Family")  # the first name only
    recent.scroll_into_view_if_needed()
    phone_visitor.screenshot("petition-recent-k-en-390")
    page = phone_visitor.open(f"/ug/petitions/{petition.slug}/", name="petition-recent-k-ug")
    expect(page.locator(".recent")).to_contain_text("بىر كىشى")
    page.locator(".recent").scroll_into_view_if_needed()
    phone_visitor.screenshot("petition-recent-k-ug-390")
    page = phone_visitor.open("/en/privacy/", name="privacy-en-phone")
    expect(page.locator("#who-sees + ul")).to_contain_text("kept in files on the same server")
    phone_visitor.screenshot("privacy-en-390")
    page = phone_visitor.open("/ug/privacy/", name="privacy-ug-phone")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    phone_visitor.screenshot("privacy-ug-390")
    expect(page.locator("#who-sees + ul")).to_contain_text("مۇلازىمېتىردىكى ھۆججەتلەردە")
