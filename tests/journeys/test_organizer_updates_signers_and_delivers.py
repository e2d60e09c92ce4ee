"""An organizer follows her open petition, posts an update that reaches a signer's inbox, and
downloads the delivery document for the decision maker (a page of which we look at)."""

import re

import pypdfium2
import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from awaz.organizations.models import Role
from awaz.privacy import crypto
from awaz.signatures.models import Signature
from tests.browser import ARTIFACTS
from tests.factories import make_organization, make_petition, make_signatures
from tests.journeys.conftest import Visitor
from tests.organizers import PASSWORD
from tests.organizers import make_member as add_member
from tests.processes import start_manage, stop

pytestmark = pytest.mark.django_db(transaction=True)
ORGANIZER = "gulnar@example.org"
SIGNER = "nurlan@example.org"


@pytest.fixture
def worker(smtp, live_server):
    process = start_manage(
        "run_worker", "--no-periodic", EMAIL_URL=smtp.url, SITE_URL=live_server.url
    )
    yield process
    stop(process)


@pytest.fixture
def petition():
    organization = make_organization(name="Torchlight Uyghur Group", slug="torchlight")
    add_member(Role.EDITOR, organization=organization, email=ORGANIZER)
    petition = make_petition(
        organization=organization,
        slug="free-ilham-tohti",
        title="Free Ilham Tohti",
        languages=("en", "ug"),
    )
    make_signatures(petition, 40, country="DE")
    make_signatures(petition, 25, country="TR")
    make_signatures(petition, 4, country="JP")
    (signer,) = make_signatures(petition, 1, country="KZ")
    Signature.objects.filter(pk=signer.pk).update(
        wants_updates=True, email_encrypted=crypto.encrypt(SIGNER), name="Nurlan Bekov"
    )
    return petition


def log_in(visitor: Visitor) -> Page:
    page = visitor.open("/en/accounts/login/", name="organizer-login-en")
    page.get_by_label("E-mail address").fill(ORGANIZER)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


def test_organizer_posts_an_update_that_reaches_a_signers_inbox(visitor, petition, smtp, worker):
    page = log_in(visitor)
    page.get_by_role("link", name="Torchlight Uyghur Group").click()
    page.get_by_role("link", name="Free Ilham Tohti [en]").click()
    expect(page.locator("#signatures-title")).to_be_visible()
    expect(page.locator("figure.chart svg rect")).not_to_have_count(0)
    visitor.check(name="organizer-statistics-en")
    visitor.screenshot("organizer-statistics-en")

    page.get_by_role("link", name="Post an update").click()
    visitor.check(name="organizer-update-new-en")
    page.get_by_label("Title").fill("We met the embassy")
    page.get_by_label("Text").fill("Thank you: **70 of you** signed in the first week.")
    page.get_by_role("button", name="Post the update").click()
    expect(page.locator(".message")).to_contain_text("The update is on the petition's page.")
    visitor.check(name="organizer-update-en")
    page.get_by_role("button", name="E-mail this update to them").click()
    expect(page.locator(".message")).to_contain_text("on its way to 1 signer")

    (message,) = smtp.sink.wait_for(1)
    assert message["To"] == SIGNER
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "We met the embassy" in body

    public = visitor.open("/en/petitions/free-ilham-tohti/", name="public-with-update-en")
    expect(public.locator(".updates")).to_contain_text("We met the embassy")

    # The signer clicks "no more updates" in the mail.
    link = re.search(r"https?://[^\s]+?(/en/signatures/unsubscribe/[^\s/]+/)", body)
    assert link, body
    page = visitor.open(link.group(1), name="unsubscribe-en")
    page.get_by_role("button", name="Send me no more updates").click()
    expect(page.locator("h1")).to_have_text("No more updates")
    assert Signature.objects.get(petition=petition, country="KZ").wants_updates is False


def test_organizer_downloads_the_delivery_document(visitor, petition):
    page = log_in(visitor)
    page.get_by_role("link", name="Torchlight Uyghur Group").click()
    page.get_by_role("link", name="Free Ilham Tohti [en]").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Delivery document (PDF): English").click()
    pdf = pypdfium2.PdfDocument(download.value.path())
    text = pdf[0].get_textpage().get_text_range()
    assert "Free Ilham Tohti" in text
    assert "70 people had signed" in text
    assert "Germany" in text and "Japan" not in text  # 4 signatures: below k
    image = pdf[0].render(scale=1.5).to_pil()
    path = ARTIFACTS / "screenshots" / "delivery-pdf-page-1.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    assert settings.AWAZ_K_ANONYMITY == 10

    # The petition's other version: its own PDF, in Uyghur from the first heading to the last.
    with page.expect_download() as download:
        page.get_by_role("link", name="Delivery document (PDF): ئۇيغۇرچە").click()
    assert download.value.suggested_filename.endswith("-ug.pdf")
    pdf = pypdfium2.PdfDocument(download.value.path())
    text = pdf[0].get_textpage().get_text_range()
    assert "Free Ilham Tohti [ug]" in text and "Free Ilham Tohti [en]" not in text
    pdf[0].render(scale=1.5).to_pil().save(path.with_name("delivery-pdf-ug-version-page-1.png"))
