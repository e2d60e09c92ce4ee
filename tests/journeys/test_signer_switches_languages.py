"""A signer switches from English to Uyghur Latin and back; a reader on a phone sees the seed
petition in every language and script."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.demo import seed_demo
from tests.html import arabic_script_outside_ug_elements

SEED = "/{language}/petitions/save-serikzhan-bilash/"
TITLE_EN = "Let’s Honor Justice and Save Serikzhan Bilash"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def demo_content() -> None:
    seed_demo()


def chosen_language(page) -> str | None:
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    return cookies.get(settings.LANGUAGE_COOKIE_NAME)


def switch_to(visitor, name: str, *, check: str):
    visitor.page.locator(".languages").get_by_role("link", name=name, exact=True).click()
    visitor.check(name=check)
    return visitor.page


def test_a_signer_switches_from_english_to_uyghur_latin_and_back(visitor):
    page = visitor.open("/", name="switch-home-en")
    expect(page).to_have_url(visitor.base_url + "/en/")
    page.get_by_role("link", name=TITLE_EN).click()
    visitor.check(name="switch-petition-en")

    page = switch_to(visitor, "Uyghurche (Latin)", check="switch-petition-ug-latn")
    expect(page).to_have_url(visitor.base_url + SEED.format(language="ug-latn"))
    expect(page.locator("html")).to_have_attribute("lang", "ug-Latn")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_have_text("Adaletni hörmetleyli, Sérikjan Bilashni qutquzayli")
    expect(page.locator(".petition-meta time")).to_have_text("18-iyun 2019")
    expect(page.get_by_role("heading", name="Bu iltimasqa imza qoyung")).to_be_visible()
    expect(page.locator(".languages [aria-current]")).to_have_text("Uyghurche (Latin)")
    assert chosen_language(page) == "ug-latn"
    assert arabic_script_outside_ug_elements(page.content()) == []
    visitor.screenshot("switch-petition-ug-latn")

    # The choice is remembered: the site's bare address opens in Uyghur Latin.
    page = visitor.open("/", name="switch-home-remembered")
    expect(page).to_have_url(visitor.base_url + "/ug-latn/")
    expect(page.locator("h1")).to_have_text("Iltimaslar")

    page = switch_to(visitor, "ئۇيغۇرچە", check="switch-home-ug")
    expect(page).to_have_url(visitor.base_url + "/ug/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("ئىلتىماسلار")

    page = switch_to(visitor, "English", check="switch-home-en-again")
    expect(page).to_have_url(visitor.base_url + "/en/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    assert chosen_language(page) == "en"
    page = visitor.open("/", name="switch-home-remembered-en")
    expect(page).to_have_url(visitor.base_url + "/en/")


@pytest.mark.parametrize(
    ("language", "title", "direction"),
    [
        ("en", TITLE_EN, "ltr"),
        ("ug", "ئادالەتنى ھۆرمەتلەيلى، سېرىكجان بىلاشنى قۇتقۇزايلى", "rtl"),
        ("ug-latn", "Adaletni hörmetleyli, Sérikjan Bilashni qutquzayli", "ltr"),
        ("ug-cyrl", "Адаләтни һөрмәтләйли, Серикҗан Билашни қутқузайли", "ltr"),
        # No version of the petition in these languages yet: their interface, the closest
        # version (Cyrillic Uyghur for Kazakh, Latin for Turkish), else the English original.
        ("kk", "Адаләтни һөрмәтләйли, Серикҗан Билашни қутқузайли", "ltr"),
        ("ru", TITLE_EN, "ltr"),
        ("tr", "Adaletni hörmetleyli, Sérikjan Bilashni qutquzayli", "ltr"),
        ("zh-hans", TITLE_EN, "ltr"),
    ],
)
def test_a_reader_on_a_phone_sees_the_seed_petition_in_their_language(
    phone_visitor, language, title, direction
):
    page = phone_visitor.open(SEED.format(language=language), name=f"seed-phone-{language}")
    expect(page.locator("html")).to_have_attribute("dir", direction)
    expect(page.locator("h1")).to_have_text(title)
    html = page.content()
    if language in ("ug-latn", "ug-cyrl", "kk", "tr"):
        assert arabic_script_outside_ug_elements(html) == []
        expect(page.locator(".notice .conversion")).to_be_visible()
    # Every label of the form is translated: none is left in English.
    if language != "en":
        expect(page.locator(".sign-form")).not_to_contain_text(re.compile("Your name|Sign\\b"))
    phone_visitor.screenshot(f"seed-phone-{language}")
