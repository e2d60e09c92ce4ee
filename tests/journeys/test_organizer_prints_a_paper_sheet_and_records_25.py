"""An organizer prints a paper signature sheet, takes it to a rally, and records a batch of 25
valid lines: the dashboard shows online and paper apart, and the public count includes them.
Then she reads the same page in Uyghur, on a phone too."""

import pypdfium2
import pytest
from playwright.sync_api import expect

from awaz.organizations.models import Role
from awaz.petitions.services import petition_text_save
from awaz.signatures.counting import signature_counts_fold_all
from tests.browser import ARTIFACTS, DESKTOP, PHONE
from tests.factories import make_petition, make_signatures
from tests.journeys.conftest import reads_in_uyghur
from tests.journeys.labels import field_label, shown
from tests.organizers import PASSWORD, make_member

pytestmark = pytest.mark.django_db(transaction=True)
ORGANIZER = "gulnar@example.org"
UG_TITLE = "ئىلھام توختىنى قويۇپ بېرىڭلار"


def _log_in(visitor, language):
    page = visitor.open(f"/{language}/accounts/login/", name=f"login-{language}")
    page.get_by_label(shown(language, "E-mail address")).fill(ORGANIZER)
    page.get_by_label(shown(language, "Password") + shown(language, ":"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=shown(language, "Log in")).click()
    return page


def _both_sizes(visitor, name):
    visitor.screenshot(f"{name}-1280")
    visitor.page.set_viewport_size(PHONE)
    visitor.screenshot(f"{name}-390")
    visitor.page.set_viewport_size(DESKTOP)


def test_organizer_prints_a_paper_sheet_and_records_a_batch_of_25(visitor):
    member = make_member(Role.EDITOR, email=ORGANIZER)
    petition = make_petition(
        organization=member.organization, slug="free-ilham-tohti", title="Free Ilham Tohti"
    )
    petition_text_save(
        petition=petition,
        language="ug",
        title=UG_TITLE,
        summary="ئىلھام توختى ئۆمۈرلۈك قاماققا ھۆكۈم قىلىندى.",
        body="ئۇنى قويۇپ بېرىڭلار.",
        target="خەلقئارا جامائەت",
        updated_by=member.user,
    )
    make_signatures(petition, 30)
    dashboard = f"/en/dashboard/organizations/{member.organization.slug}/petitions/{petition.slug}/"

    page = _log_in(visitor, "en")
    page = visitor.open(dashboard, name="dashboard-petition-en")
    page.get_by_role("link", name="Print sheets, record paper signatures").click()
    expect(page.locator(".paper-total")).to_have_text("30 online, 0 on paper.")
    visitor.check(name="paper-en")

    # The sheet, in each language the petition is written in.
    for code, title in [("en", "Free Ilham Tohti"), ("ug", UG_TITLE)]:
        href = page.locator(f'.flyers a[href$="language={code}"]').get_attribute("href")
        response = page.request.get(visitor.base_url + str(href))
        assert response.headers["content-type"] == "application/pdf"
        pdf = pypdfium2.PdfDocument(response.body())
        assert len(pdf) == 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pdf[0].render(scale=1.5).to_pil().save(ARTIFACTS / f"paper-sheet-journey-{code}.png")
        text = pdf[0].get_textpage().get_text_range()
        assert "20" in text and (title in text or code == "ug")

    page.get_by_label(field_label("en", "Valid signatures in this batch")).fill("25")
    page.get_by_label(field_label("en", "Note")).fill("Rally in Almaty, sheets 1 and 2")
    page.get_by_role("button", name="Add to the count").click()
    expect(page.locator(".message")).to_contain_text("25 paper signatures recorded.")
    expect(page.locator(".paper-total")).to_have_text("30 online, 25 on paper.")
    expect(page.locator("table.listing tbody tr")).to_have_count(1)
    visitor.check(name="paper-recorded-en")
    _both_sizes(visitor, "paper-recorded-en")

    signature_counts_fold_all()  # the periodic job that publishes counts
    page = visitor.open(f"/en/petitions/{petition.slug}/", name="petition-with-paper-en")
    expect(page.locator(".counter")).to_contain_text("55 have signed")

    page = visitor.open(dashboard.replace("/en/", "/ug/", 1) + "paper/", name="paper-ug")
    expect(page.locator(".paper-total")).to_contain_text("25")
    reads_in_uyghur(visitor, "paper-ug")
    _both_sizes(visitor, "paper-ug")
