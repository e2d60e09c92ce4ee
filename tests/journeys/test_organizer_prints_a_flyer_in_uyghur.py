"""An organizer prints a flyer of the seed petition in Uyghur from her dashboard: one A4 page
with the Arabic-script title, the QR code and the short address, rendered to PNG and looked at."""

import pypdfium2
import pytest
from playwright.sync_api import expect

from awaz.organizations.models import Organization, Role
from tests.browser import ARTIFACTS
from tests.demo import seed_demo
from tests.journeys.labels import shown
from tests.organizers import PASSWORD, make_member

pytestmark = pytest.mark.django_db(transaction=True)
ORGANIZER = "gulnar@example.org"
UG_TITLE = "ئادالەتنى ھۆرمەتلەيلى، سېرىكجان بىلاشنى قۇتقۇزايلى"


def test_organizer_prints_a_flyer_in_uyghur(visitor):
    seed_demo()
    organization = Organization.objects.get(petitions__slug="save-serikzhan-bilash")
    make_member(Role.EDITOR, organization=organization, email=ORGANIZER)
    page = visitor.open("/ug/accounts/login/", name="login-ug")
    page.get_by_label(shown("ug", "E-mail address")).fill(ORGANIZER)
    page.get_by_label(shown("ug", "Password") + shown("ug", ":"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=shown("ug", "Log in")).click()
    page.get_by_role("link", name=organization.name).first.click()
    page.locator('a[href$="/petitions/save-serikzhan-bilash/"]').first.click()
    flyers = page.locator(".flyers li").filter(has_text="ئۇيغۇرچە")
    expect(flyers).to_have_count(1)
    visitor.check(name="dashboard-flyers-ug")

    href = flyers.get_by_role("link", name="A4").get_attribute("href") or ""
    assert href == "/ug/petitions/save-serikzhan-bilash/flyer-a4.pdf"
    response = page.request.get(visitor.base_url + href)
    assert response.headers["content-type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(response.body())
    assert len(pdf) == 1
    assert tuple(round(side) for side in pdf[0].get_size()) == (595, 842)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf[0].render(scale=1.5).to_pil().save(ARTIFACTS / "flyer-ug-a4.png")
    text = pdf[0].get_textpage().get_text_range()
    assert "save-serikzhan-bilash" in text  # the short address, typed by hand from paper
