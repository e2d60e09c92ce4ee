"""A visitor reads the seed petition in English and in Uyghur, on a phone and on a desktop."""

import pytest
from playwright.sync_api import expect

from tests.demo import seed_demo

SEED = "/{language}/petitions/save-serikzhan-bilash/"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def demo_content() -> None:
    seed_demo()


def test_visitor_reads_the_seed_petition_in_english(visitor, phone_visitor):
    page = visitor.open("/", name="home-en")
    page.get_by_role("link", name="Let’s Honor Justice and Save Serikzhan Bilash").click()
    expect(page).to_have_url(visitor.base_url + SEED.format(language="en"))
    expect(page.locator("h1")).to_have_text("Let’s Honor Justice and Save Serikzhan Bilash")
    expect(page.locator(".counter")).to_have_text("0 have signed. Let's get to 500!")
    expect(page.locator(".petition-meta")).to_contain_text(
        "Torchlight Uyghur Group started this petition to the Government of Kazakhstan"
    )
    expect(page.locator(".petition-meta time")).to_have_text("June 18, 2019")
    expect(page.locator(".petition-body p")).to_have_count(5)
    expect(
        page.get_by_role("heading", name="Torchlight Uyghur Group's previous petitions")
    ).to_be_visible()
    expect(page.locator(".previous li")).to_have_count(3)
    visitor.check(name="petition-en")
    visitor.screenshot("petition-en-desktop")

    phone_visitor.open(SEED.format(language="en"), name="petition-en-phone")
    phone_visitor.screenshot("petition-en-phone")

    page.get_by_role("link", name="Torchlight Uyghur Group", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("Torchlight Uyghur Group")
    expect(page.locator(".petition-list li")).to_have_count(4)
    visitor.check(name="organization-en")


def test_visitor_switches_to_the_uyghur_arabic_script_version(visitor, phone_visitor):
    page = visitor.open(SEED.format(language="en"), name="petition-en")
    page.locator(".versions").get_by_role("link", name="ئۇيغۇرچە").click()
    expect(page).to_have_url(visitor.base_url + SEED.format(language="ug"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ug")
    expect(page.locator("h1")).to_have_text("ئادالەتنى ھۆرمەتلەيلى، سېرىكجان بىلاشنى قۇتقۇزايلى")
    # The counter is the same one: one petition, one count, whatever the script.
    expect(page.locator("progress")).to_have_attribute("max", "500")
    visitor.check(name="petition-ug")
    visitor.screenshot("petition-ug-desktop")
    phone_visitor.open(SEED.format(language="ug"), name="petition-ug-phone")
    phone_visitor.screenshot("petition-ug-phone")
