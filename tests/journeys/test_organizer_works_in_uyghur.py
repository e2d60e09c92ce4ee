"""An owner does her organization's chores in the Uyghur workspace: she logs in, edits the
settings and a description, opens an open petition, its settings, image, history and victory
pages, meets an invitation meant for someone else and a page her role does not allow. Every page
runs right to left, passes the Nu HTML checker and axe-core, and says nothing in English.

The journey finds everything by what the page shows, asked of the catalog in Uyghur (never
written here in English or in Uyghur), so it follows the translation when it changes.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from awaz.organizations.models import Membership, Role
from awaz.organizations.services import invitation_create
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.services import petition_text_save
from tests.factories import make_organization, make_petition
from tests.journeys.conftest import Visitor, reads_in_uyghur
from tests.journeys.labels import field_label, for_version, shown
from tests.mailqueue import deliver_queued_mail
from tests.organizers import PASSWORD, make_member

pytestmark = pytest.mark.django_db(transaction=True)

OWNER = "gulnar@example.org"
DESCRIPTION = "بىز تۇتقۇن قىلىنغانلار ئۈچۈن ئاۋاز چىقىرىمىز."
TITLE = "ئىلھام توختىنى قويۇپ بېرىڭ"
TARGET = "خىتاي ھۆكۈمىتى"
SUMMARY = "ئۇيغۇر ئىقتىسادشۇناس ئىلھام توختى مۇددەتسىز قاماقتا."
BODY = "بىز ئۇنى دەرھال ۋە شەرتسىز قويۇپ بېرىشنى تەلەپ قىلىمىز."


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def in_uyghur(text: str, /, **values: object) -> str:
    return shown("ug", text, **values)


def refused(visitor: Visitor, status: int = 400) -> None:
    """A form sent back with errors (400) or a page not allowed (403): the browser logs it as a
    resource that failed to load, which is what the page means to say."""
    failed = f"the server responded with a status of {status} "
    visitor.console[:] = [line for line in visitor.console if failed not in line]


def as_text(html: str) -> str:
    """A translation with markup, as the page shows it."""
    return re.sub(r"<[^>]+>", "", html)


def an_open_petition_in_uyghur(owner: Membership) -> Petition:
    """Published, then corrected once: its history has an earlier version."""
    petition = make_petition(organization=owner.organization, slug="ilham", languages=("ug",))
    PetitionText.objects.filter(petition=petition).update(
        title=TITLE, target=TARGET, summary=SUMMARY, body=BODY
    )
    petition_text_save(
        petition=petition,
        language="ug",
        title=TITLE,
        target=TARGET,
        summary=SUMMARY,
        body=BODY + "\n\nئۇ 2014-يىلىدىن بۇيان قاماقتا.",
        updated_by=owner.user,
    )
    return petition


def test_an_owner_works_in_the_uyghur_workspace_and_it_all_reads_right_to_left(visitor):
    owner = make_member(Role.OWNER, organization=make_organization(name="Torchlight"), email=OWNER)
    organization = owner.organization
    an_open_petition_in_uyghur(owner)
    elsewhere = make_organization(name="Kökbayraq", slug="kokbayraq")
    Membership.objects.create(organization=elsewhere, user=owner.user, role=Role.VIEWER)

    # Before logging in: signing up, choosing a new password; then a wrong password.
    page = visitor.open("/ug/accounts/signup/", name="uyghur-signup")
    expect(page.locator("h1")).to_have_text(in_uyghur("Sign up"))
    reads_in_uyghur(visitor, "uyghur-signup")
    page.get_by_role("link", name=in_uyghur("Log in"), exact=True).last.click()
    page.get_by_role("link", name=in_uyghur("Forgot your password?")).click()
    expect(page.locator("h1")).to_have_text(in_uyghur("Choose a new password"))
    reads_in_uyghur(visitor, "uyghur-password-reset")
    page.go_back()
    page.get_by_label(field_label("ug", "E-mail address"), exact=True).fill(OWNER)
    page.get_by_label(field_label("ug", "Password"), exact=True).fill("not the password")
    page.get_by_role("button", name=in_uyghur("Log in")).click()
    expect(page.locator(".errorlist")).to_be_visible()
    refused(visitor)
    reads_in_uyghur(visitor, "uyghur-login-error")
    page.get_by_label(field_label("ug", "Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=in_uyghur("Log in")).click()

    # Her organizations, then one of them.
    expect(page.locator("h1")).to_have_text(in_uyghur("Your organizations"))
    reads_in_uyghur(visitor, "uyghur-home")
    page.get_by_role("link", name="Torchlight").click()
    reads_in_uyghur(visitor, "uyghur-organization")

    # Its settings, and a description in Uyghur that its public page then shows Uyghur readers.
    tabs = page.get_by_role("navigation", name=in_uyghur("Organization"))
    tabs.get_by_role("link", name=in_uyghur("Settings")).click()
    page.get_by_label(field_label("ug", "Contact e-mail address")).fill("press@example.org")
    page.get_by_role("button", name=in_uyghur("Save"), exact=True).click()
    expect(page.locator(".message")).to_have_text(
        in_uyghur("The organization's settings are saved.")
    )
    reads_in_uyghur(visitor, "uyghur-organization-settings")
    page.get_by_role("link", name=for_version("ug", "Add", "ug")).click()
    reads_in_uyghur(visitor, "uyghur-organization-description")
    page.get_by_label(field_label("ug", "Description")).fill(DESCRIPTION)
    page.get_by_role("button", name=in_uyghur("Save"), exact=True).click()
    expect(page.locator(".message")).to_have_text(in_uyghur("The description is saved."))
    tabs.get_by_role("link", name=in_uyghur("Public page")).click()
    expect(page.locator(".lead")).to_have_text(DESCRIPTION)
    expect(page.locator(".lead")).to_have_attribute("dir", "rtl")
    reads_in_uyghur(visitor, "uyghur-organization-public")
    page.go_back()

    # The open petition: its page, settings, image, history and victory.
    tabs.get_by_role("link", name=in_uyghur("Petitions")).click()
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator(".status-badge")).to_have_text(in_uyghur("open"))
    reads_in_uyghur(visitor, "uyghur-petition-open")
    page.get_by_role("link", name=in_uyghur("Change the settings")).click()
    expect(page.locator("h1")).to_have_text(in_uyghur("The petition's settings"))
    page.get_by_role("button", name=in_uyghur("Save"), exact=True).click()
    expect(page.locator(".message")).to_have_text(in_uyghur("The settings are saved."))
    page.get_by_role("link", name=in_uyghur("Change the image")).click()
    page.get_by_role("button", name=in_uyghur("Save"), exact=True).click()
    expect(page.locator(".errorlist")).to_have_text(
        in_uyghur("Choose an image, or tick “Remove the image”.")
    )
    refused(visitor)
    reads_in_uyghur(visitor, "uyghur-petition-image-error")
    page.go_back()
    page.go_back()
    history = re.compile(re.escape(in_uyghur("No changes since publication.")) + "|1")
    page.get_by_role("link", name=history).click()
    expect(page.locator("h1")).to_have_text(in_uyghur("History"))
    reads_in_uyghur(visitor, "uyghur-petition-history")
    page.go_back()
    page.get_by_role("link", name=in_uyghur("Declare victory")).click()
    page.get_by_role("button", name=in_uyghur("Declare victory")).click()
    expect(page.locator(".errorlist")).to_have_text(in_uyghur("This field is required."))
    refused(visitor)
    reads_in_uyghur(visitor, "uyghur-petition-victory-error")

    # An invitation for another address, opened while logged in as herself.
    invitation_create(
        organization=organization, email="aziz@example.org", role=Role.EDITOR, by=owner.user
    )
    deliver_queued_mail()
    link = re.search(r"https?://[^/\s]+/[\w-]+(/\S+)", str(mail.outbox[-1].body))
    assert link, mail.outbox[-1].body
    page = visitor.open(f"/ug{link.group(1)}", name="uyghur-invitation-for-someone-else")
    expect(page.locator("h1")).to_have_text(
        as_text(in_uyghur("Join <bdi>%(organization)s</bdi>", organization="Torchlight"))
    )
    logged_in_as = in_uyghur(
        "You are logged in as <bdi>%(email)s</bdi>. Log out, then open this link again and log in "
        "with the invited address.",
        email=OWNER,
    )
    expect(page.locator("main")).to_contain_text(as_text(logged_in_as))
    reads_in_uyghur(visitor, "uyghur-invitation-for-someone-else")

    # Where her role (viewer) does not let her in, and a new organization.
    visitor.open("/ug/dashboard/organizations/kokbayraq/members/", name="uyghur-403", status=403)
    expect(page.locator("h1")).to_have_text(in_uyghur("Not allowed"))
    refused(visitor, 403)
    reads_in_uyghur(visitor, "uyghur-403")
    page.get_by_role("link", name=in_uyghur("Back to your dashboard")).click()
    page.get_by_role("link", name=in_uyghur("Create an organization")).click()
    reads_in_uyghur(visitor, "uyghur-new-organization")
