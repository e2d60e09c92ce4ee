"""A visitor finds the seed petition by searching, in Latin-script Uyghur and in Arabic script,
from the home page's search form (no JavaScript needed), on a phone and on a desktop."""

from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from tests.demo import seed_demo
from tests.journeys.conftest import reads_in_uyghur
from tests.journeys.labels import shown
from tests.journeys.moderation import expected_refusal

pytestmark = pytest.mark.django_db(transaction=True)

UG_TITLE = "ئادالەتنى ھۆرمەتلەيلى، سېرىكجان بىلاشنى قۇتقۇزايلى"
LATN_TITLE = "Adaletni hörmetleyli, Sérikjan Bilashni qutquzayli"


@pytest.fixture(autouse=True)
def demo_content() -> None:
    seed_demo()


def search_from_home(visitor, language: str, query: str, name: str):
    page = visitor.open(f"/{language}/", name=f"home-{name}")
    page.get_by_label(shown(language, "Search petitions")).fill(query)
    page.get_by_role("button", name=shown(language, "Search"), exact=True).click()
    expect(page).to_have_url(f"{visitor.base_url}/{language}/search/?{urlencode({'q': query})}")
    return page


def test_a_latin_query_on_the_uyghur_latin_site_finds_the_seed(visitor):
    page = search_from_home(visitor, "ug-latn", "adalet", "ug-latn")
    expect(page.locator(".petition-list a")).to_have_text([LATN_TITLE])
    visitor.check(name="search-ug-latn")
    visitor.screenshot("search-ug-latn-adalet")
    page.get_by_role("link", name=LATN_TITLE).click()
    expect(page.locator("h1")).to_have_text(LATN_TITLE)


def test_an_arabic_script_query_finds_it_in_uyghur(visitor, phone_visitor):
    page = search_from_home(visitor, "ug", "ئادالەت", "ug")
    expect(page.locator(".petition-list a")).to_have_text([UG_TITLE])
    reads_in_uyghur(visitor, "search-ug-arabic")
    phone = phone_visitor.open("/ug/search/?q=ئادالەت", name="search-ug-phone")
    expect(phone.locator(".petition-list a")).to_have_text([UG_TITLE])
    phone_visitor.screenshot("search-ug-arabic-phone")


def test_a_latin_query_on_the_arabic_script_site_finds_the_arabic_text(visitor):
    page = search_from_home(visitor, "ug", "Serikjan", "ug-from-latin")
    expect(page.locator(".petition-list a")).to_have_text([UG_TITLE])
    visitor.screenshot("search-ug-latin-query")


def test_junk_gets_an_answer_not_an_error(visitor_without_javascript):
    visitor = visitor_without_javascript
    page = visitor.open("/en/search/?q=%22+OR+1%3D1", name="search-junk")
    expect(page.locator("main")).to_contain_text("No petition matches")
    page = visitor.open("/en/search/?q=" + "x" * 300, name="search-too-long", status=400)
    expect(page.locator(".errorlist")).to_contain_text("Search for at most 200 characters")
    expected_refusal(visitor, 400)
