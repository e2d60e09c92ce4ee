"""An organizer wrote her petition in Uyghur (Arabic script) and in English. Reviewing the
generated Latin version, she sees Ürümchi and Qeshqer in lower case: the page offers both (one
because her English version writes Kashgar, one from the common Uyghur names), she adds one with
a click and it is capitalized at once; a line of markup in the list is refused with a reason.
Then the Cyrillic version, in the right-to-left Uyghur workspace. On a 390 px phone and a
1280 px desktop; every page is checked by the Nu HTML checker and axe-core."""

import pytest
from django.conf import settings
from playwright.sync_api import Browser, expect

from awaz.organizations.models import Role
from awaz.petitions.models import Petition
from awaz.petitions.writing import petition_start, petition_text_write
from tests.browser import DESKTOP, PHONE
from tests.journeys.conftest import _visitor, reads_in_uyghur
from tests.journeys.labels import field_label, shown
from tests.journeys.moderation import expected_refusal
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "ئۈرۈمچىدىكى ئائىلىلەرنى قوغدايلى"
BODY = "بىز قەشقەر ۋە ئۈرۈمچىدىكى ئائىلىلەر ئۈچۈن ئىمزا توپلايمىز."


def write_petition(owner) -> Petition:
    petition = petition_start(
        organization=owner.organization,
        by=owner.user,
        original_language="ug",
        title=TITLE,
        target="ب د ت",
        body=BODY,
        slug="families",
    )
    petition_text_write(
        petition=petition,
        language="en",
        by=owner.user,
        title="Protect the families",
        target="The UN",
        body="We collect signatures for the families in Kashgar.",
    )
    return petition


@pytest.mark.parametrize(("size", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_organizer_adds_a_suggested_name_to_the_latin_and_cyrillic_versions(
    browser: Browser, live_server, html_checker, size, viewport
):
    owner = make_member(Role.OWNER)
    petition = write_petition(owner)
    texts = f"dashboard/organizations/{owner.organization.slug}/petitions/{petition.slug}/texts"
    context = browser.new_context(viewport=viewport, is_mobile=size == "phone")
    session = client_for(owner.user).cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": str(live_server.url)}]
    )
    try:
        for visitor in _visitor(context.new_page(), live_server, html_checker):
            page = visitor.open(f"/en/{texts}/ug-latn/", name=f"names-latin-en-{size}")
            names = page.locator("#names")
            expect(names.get_by_role("button", name="Add Qeshqer")).to_be_visible()
            expect(names).to_contain_text("capitalized in the English version")
            expect(names.get_by_role("button", name="Add Ürümchi")).to_be_visible()
            expect(names).to_contain_text("a common Uyghur name")
            names.scroll_into_view_if_needed()
            visitor.screenshot(f"names-latin-en-{size}")

            names.get_by_role("button", name="Add Ürümchi").click()
            expect(page.locator(".message")).to_contain_text("“Ürümchi” is added to the names")
            expect(page.get_by_label("Text:", exact=True)).to_have_value(
                "Biz qeshqer we Ürümchidiki a'ililer üchün imza toplaymiz."
            )
            expect(names.get_by_role("button", name="Add Ürümchi")).to_have_count(0)
            expect(names.get_by_label("Names:", exact=True)).to_have_value("Ürümchi")
            visitor.check(name=f"names-added-en-{size}")

            names.get_by_label("Names:", exact=True).fill("Ürümchi\n<b>Qeshqer</b>")
            names.get_by_role("button", name="Save the names").click()
            expect(page.locator("#names .errorlist")).to_contain_text(
                "“<b>Qeshqer</b>” is not a name"
            )
            expected_refusal(visitor, 400)  # the form comes back with its errors
            visitor.check(name=f"names-refused-en-{size}")
            visitor.screenshot(f"names-refused-en-{size}")
            petition.refresh_from_db()
            assert petition.proper_nouns == "Ürümchi"

            page = visitor.open(f"/ug/{texts}/ug-cyrl/", name=f"names-cyrillic-ug-{size}")
            names = page.locator("#names")
            add = shown("ug", 'Add <span lang="%(lang)s">%(name)s</span>', lang="ug-Cyrl", name="")
            button = names.locator("button[name=add][value='Қәшқәр']")
            expect(button).to_contain_text(add.replace('<span lang="ug-Cyrl"></span>', "").strip())
            reads_in_uyghur(visitor, f"names-cyrillic-ug-{size}")
            button.click()
            expect(page.locator(".message")).to_contain_text("Қәшқәр")
            expect(page.get_by_label(field_label("ug", "Text"), exact=True)).to_have_value(
                "Биз Қәшқәр вә Үрүмчидики аилиләр үчүн имза топлаймиз."
            )
            reads_in_uyghur(visitor, f"names-added-ug-{size}")
    finally:
        context.close()
    petition.refresh_from_db()
    assert petition.proper_noun_list == ["Ürümchi", "Қәшқәр"]
