"""An organizer whose organization has a logo reads what each edit of her Uyghur and English
petition changed, is offered the delivery document in both versions, and asks for one in a
language the petition lacks; readers see the logo on the organization's page and beside its
name on the petition. Every page, in English and in Uyghur, on a 390 px phone and a desktop,
passes the Nu HTML checker and axe-core, fits the screen, asks nothing of another origin, and
is photographed."""

import pytest
from django.conf import settings
from playwright.sync_api import Browser, expect

from awaz.organizations.models import Role
from awaz.organizations.services import organization_update
from awaz.petitions.services import petition_text_save
from tests.browser import DESKTOP, PHONE, screenshot
from tests.factories import make_organization, make_petition, make_signatures
from tests.journeys.conftest import _visitor
from tests.organizers import client_for, image_bytes, make_member, upload

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "ئىلھام توختىنى قويۇپ بېرىڭ"
TARGET = "خىتاي ھۆكۈمىتى"
BODY = "ئىلھام توختى **ئىقتىسادشۇناس**.\n\nئۇ 2014-يىلىدىن بۇيان قاماقتا."


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def edited_petition(owner):
    petition = make_petition(organization=owner.organization, slug="ilham", languages=("ug", "en"))
    for title, body in ((TITLE, BODY), (f"{TITLE} دەرھال", BODY.replace("قاماقتا", "تۈرمىدە"))):
        petition_text_save(
            petition=petition,
            language="ug",
            title=title,
            target=TARGET,
            body=body + "\n\n- [Ilham Tohti](https://example.org) Latin words, then ئۇيغۇرچە.",
            updated_by=owner.user,
        )
    petition_text_save(
        petition=petition,
        language="en",
        title="Free Ilham Tohti",
        target="the Government of China",
        body="Ilham Tohti is a *Uyghur* economist.\n\n- one\n- two",
        updated_by=owner.user,
    )
    return petition


@pytest.mark.parametrize(("size", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_edits_versions_and_logo_read_right_in_english_and_uyghur(
    browser: Browser, live_server, html_checker, size, viewport
):
    organization = make_organization(name="Torchlight Uyghur Group", slug="torchlight")
    owner = make_member(Role.OWNER, organization=organization)
    organization_update(
        organization=organization,
        name=organization.name,
        description="",
        website="",
        contact_email="",
        logo=upload(image_bytes(size=(600, 300), format="PNG"), "logo.png", "image/png"),
    )
    petition = edited_petition(owner)
    make_signatures(petition, 12)
    workspace = f"dashboard/organizations/torchlight/petitions/{petition.slug}"
    organizer = browser.new_context(viewport=viewport, is_mobile=size == "phone")
    session = client_for(owner.user).cookies[settings.SESSION_COOKIE_NAME].value
    organizer.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": str(live_server.url)}]
    )
    reader = browser.new_context(viewport=viewport, is_mobile=size == "phone")
    try:
        for visitor in _visitor(organizer.new_page(), live_server, html_checker):
            for language in ("en", "ug"):
                page = visitor.open(f"/{language}/{workspace}/history/", name="history")
                expect(page.locator("article.revision")).to_have_count(3)
                expect(page.locator("dd.diff[lang=ug]").first).to_have_attribute("dir", "rtl")
                expect(page.locator("dd.diff ins").first).to_be_visible()
                screenshot(page, f"history-{language}-{size}")
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport["width"]

                page = visitor.open(f"/{language}/{workspace}/", name="petition")
                versions = page.locator("ul.delivery-versions a")
                expect(versions).to_have_count(2)
                page.locator("ul.delivery-versions").scroll_into_view_if_needed()
                screenshot(page, f"delivery-links-{language}-{size}", full_page=False)

                page = visitor.open(
                    f"/{language}/{workspace}/delivery.pdf?language=ru", name="no-pdf", status=404
                )
                expect(page.locator("main a[hreflang]")).to_have_count(2)
                screenshot(page, f"delivery-unavailable-{language}-{size}")
            # The 404 above is what the page means to say, not a missing file.
            visitor.console[:] = [line for line in visitor.console if "404" not in line]
        for visitor in _visitor(reader.new_page(), live_server, html_checker):
            for language in ("en", "ug"):
                page = visitor.open(f"/{language}/organizations/torchlight/", name="org")
                logo = page.locator("img.organization-logo")
                expect(logo).to_have_attribute("width", "512")
                assert logo.evaluate("image => image.complete && image.naturalWidth") == 512
                screenshot(page, f"organization-logo-{language}-{size}")
                page = visitor.open(f"/{language}/petitions/{petition.slug}/", name="petition")
                beside = page.locator(".petition-meta img.starter-logo")
                expect(beside).to_be_visible()
                assert beside.evaluate("image => image.naturalWidth") == 512
                screenshot(page, f"petition-logo-{language}-{size}", full_page=False)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport["width"]
    finally:
        organizer.close()
        reader.close()
