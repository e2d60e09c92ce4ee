"""An owner opens her workspace on a 390 px phone, in English and in Uyghur: no page is wider
than the screen (tables reflow), the statistics chart has a scale and dates even for one day,
and her account page lets her choose the language of her mail. Then the same on a desktop."""

import pytest
from django.conf import settings
from playwright.sync_api import Browser

from awaz.organizations.models import Role
from awaz.organizations.services import invitation_create
from tests.browser import DESKTOP, PHONE, screenshot
from tests.factories import make_organization, make_petition, make_signatures
from tests.journeys.conftest import Visitor, _visitor
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def pages(organization: str, petition: str) -> dict[str, str]:
    workspace = f"dashboard/organizations/{organization}"
    return {
        "home": "dashboard/",
        "organization": f"{workspace}/",
        "members": f"{workspace}/members/",
        "petition": f"{workspace}/petitions/{petition}/",
        "petition-settings": f"{workspace}/petitions/{petition}/settings/",
        "history": f"{workspace}/petitions/{petition}/history/",
        "account": "accounts/",
    }


def document_width(visitor: Visitor) -> int:
    return int(visitor.page.evaluate("document.documentElement.scrollWidth"))


@pytest.mark.parametrize(("size", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_every_workspace_page_fits_the_screen_in_english_and_uyghur(
    browser: Browser, live_server, html_checker, size, viewport
):
    owner = make_member(Role.OWNER, organization=make_organization(name="Torchlight"))
    petition = make_petition(organization=owner.organization, slug="ilham", languages=("ug", "en"))
    make_signatures(petition, 1234)
    for email in ("a.very.long.address.for.a.member@example.org", "editor@example.org"):
        invitation_create(
            organization=owner.organization, email=email, role=Role.EDITOR, by=owner.user
        )
    context = browser.new_context(viewport=viewport, is_mobile=size == "phone")
    session = client_for(owner.user).cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": str(live_server.url)}]
    )
    try:
        for visitor in _visitor(context.new_page(), live_server, html_checker):
            for language in ("en", "ug"):
                for name, path in pages(owner.organization.slug, petition.slug).items():
                    shot = f"workspace-{name}-{language}-{size}"
                    visitor.open(f"/{language}/{path}", name=shot)
                    assert document_width(visitor) <= viewport["width"], f"{shot} is too wide"
                    screenshot(visitor.page, shot)
                    if name == "petition":
                        chart = visitor.page.locator("svg.chart-svg")
                        assert chart.locator("text").count() >= 3  # a scale and a date
    finally:
        context.close()
