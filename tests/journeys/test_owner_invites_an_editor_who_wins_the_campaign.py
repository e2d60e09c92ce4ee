"""An owner sets up her organization's page and invites an editor; the editor joins, fixes a
published petition (its history keeps the old wording), closes it, and declares victory.

Every workspace page on the way is checked by the Nu HTML checker and axe-core, including the
password reset pages, a forbidden page and the Uyghur (right-to-left) members page.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import FilePayload, Page, expect

from awaz.organizations.models import Role
from awaz.petitions.models import Petition
from tests.factories import make_organization, make_petition
from tests.journeys.conftest import Visitor
from tests.journeys.labels import for_version, shown
from tests.mailqueue import deliver_queued_mail
from tests.organizers import PASSWORD, image_bytes, make_user
from tests.organizers import make_member as add_member

pytestmark = pytest.mark.django_db(transaction=True)

OWNER = "owner@example.org"
EDITOR = "aziz@example.org"


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def path_of_link(body: str) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+)", body)
    assert match, body
    return match.group(1)


def log_in(visitor: Visitor, email: str, *, name: str) -> Page:
    page = visitor.open("/en/accounts/login/", name=name)
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


def test_owner_invites_an_editor_who_fixes_closes_and_wins_the_campaign(visitor, browser):
    organization = make_organization(name="Torchlight", slug="torchlight")
    owner = add_member(Role.OWNER, organization=organization, email=OWNER)
    petition = make_petition(organization=organization, slug="free-them", first_goal=100)
    add_member(Role.VIEWER, organization=organization)

    # The owner: settings, a logo, a description in Uyghur, then an invitation.
    page = log_in(visitor, OWNER, name="owner-login-en")
    expect(page.locator("h1")).to_have_text("Your organizations")
    page.get_by_role("link", name="Torchlight").click()
    visitor.check(name="owner-organization-en")
    page.locator(".tabs").get_by_role("link", name="Settings").click()
    visitor.check(name="owner-settings-en")
    logo: FilePayload = {"name": "logo.png", "mimeType": "image/png", "buffer": image_bytes()}
    page.get_by_label("Logo:", exact=True).set_input_files(files=logo)
    page.get_by_label("Contact e-mail address").fill("press@example.org")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message")).to_contain_text("settings are saved")
    expect(page.locator("img.logo")).to_be_visible()
    visitor.check(name="owner-settings-saved-en")
    visitor.screenshot("owner-settings-en")
    page.get_by_role("link", name=for_version("en", "Add", "ug")).click()
    visitor.check(name="owner-description-ug-en")
    page.get_by_label("Description").fill("بىز تۇتقۇن قىلىنغانلار ئۈچۈن ئاۋاز چىقىرىمىز.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message")).to_contain_text("description is saved")

    page.locator(".tabs").get_by_role("link", name="Members").click()
    expect(page).to_have_url(re.compile(r"/members/$"))
    visitor.check(name="owner-members-en")
    page.get_by_label("E-mail address").fill(EDITOR)
    page.get_by_label("Role:", exact=True).select_option("editor")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".message")).to_contain_text(f"Invitation sent to {EDITOR}")
    visitor.check(name="owner-members-invited-en")
    visitor.screenshot("owner-members-en")
    ug = visitor.open("/ug/dashboard/organizations/torchlight/members/", name="owner-members-ug")
    expect(ug.locator("html")).to_have_attribute("dir", "rtl")
    expect(ug.get_by_role("heading", name=shown("ug", "Invite someone"))).to_be_visible()
    expect(ug.get_by_role("button", name=shown("ug", "Send the invitation"))).to_be_visible()
    visitor.screenshot("owner-members-ug")
    deliver_queued_mail()
    invitation = path_of_link(str(mail.outbox[-1].body))

    # The editor, in another browser: signs in with the invited address and joins.
    context = browser.new_context()
    editor_page = context.new_page()
    editor = Visitor(page=editor_page, base_url=visitor.base_url, checker=visitor.checker)
    make_user(email=EDITOR)
    editor.open(invitation, name="editor-invitation-anonymous-en")
    editor_page.get_by_role("link", name="Log in to accept").click()
    editor_page.get_by_label("E-mail address").fill(EDITOR)
    editor_page.get_by_label("Password:", exact=True).fill(PASSWORD)
    editor_page.get_by_role("button", name="Log in").click()
    expect(editor_page.get_by_role("button", name="Accept the invitation")).to_be_visible()
    editor.check(name="editor-invitation-en")
    editor_page.get_by_role("button", name="Accept the invitation").click()
    expect(editor_page.locator(".message")).to_contain_text("Welcome to Torchlight")

    # Editors do not manage members: the page says so, politely.
    editor.open(
        "/en/dashboard/organizations/torchlight/members/", name="editor-forbidden-en", status=403
    )

    # The editor fixes the published text: the page says "edited", the history keeps the old.
    editor.open("/en/dashboard/organizations/torchlight/petitions/free-them/", name="e-pet-en")
    editor_page.get_by_role("link", name="Edit (English)").click()
    editor.check(name="editor-edit-en")
    editor_page.get_by_label("Title:", exact=True).fill("Free them all")
    editor_page.get_by_role("button", name="Save").click()
    expect(editor_page.locator(".message")).to_contain_text("English version is saved")
    editor_page.get_by_role("link", name="1 earlier version since publication").click()
    expect(editor_page.locator(".revision del")).to_contain_text("the voices [en]")
    expect(editor_page.locator(".revision ins")).to_contain_text("them all")
    editor.check(name="editor-history-en")

    editor.open(
        "/en/dashboard/organizations/torchlight/petitions/free-them/settings/",
        name="editor-petition-settings-en",
    )
    editor_page.get_by_label("First goal").fill("250")
    editor_page.get_by_role("button", name="Save").click()
    expect(editor_page.locator(".message")).to_contain_text("settings are saved")
    editor_page.get_by_role("link", name="Change the image").click()
    editor.check(name="editor-petition-image-en")

    editor.open("/en/dashboard/organizations/torchlight/petitions/free-them/", name="e-pet-en2")
    editor_page.get_by_role("button", name="Close the petition").click()
    expect(editor_page.locator(".status-badge")).to_have_text("closed")
    editor_page.get_by_role("link", name="Declare victory").click()
    editor.check(name="editor-victory-en")
    editor_page.get_by_role("button", name="Declare victory").click()
    expect(editor_page.locator(".errorlist")).to_contain_text("This field is required.")
    editor.check(name="editor-victory-error-en")
    editor_page.get_by_label("What was won").fill("All three were released on 1 May.")
    editor_page.get_by_role("button", name="Declare victory").click()
    expect(editor_page.locator(".status-badge")).to_have_text("victory")
    editor.check(name="editor-petition-victory-en")
    editor.screenshot("editor-petition-victory-en")
    context.close()

    public = visitor.open("/en/petitions/free-them/", name="public-victory-en")
    expect(public.locator(".victory")).to_contain_text("All three were released on 1 May.")
    expect(public.locator(".petition-meta")).to_contain_text("edited on")
    expect(public.locator("h1")).to_have_text("Free them all")
    visitor.screenshot("public-victory-en")
    assert Petition.objects.get(pk=petition.pk).status == Petition.Status.VICTORY
    assert owner.organization == organization


def test_someone_who_forgot_their_password_chooses_a_new_one(visitor):
    make_user(email=OWNER)
    page = visitor.open("/en/accounts/login/", name="reset-login-en")
    page.get_by_role("link", name="Forgot your password?").click()
    visitor.check(name="reset-request-en")
    page.get_by_label("E-mail address").fill(OWNER)
    page.get_by_role("button", name="Send the link").click()
    expect(page.locator("h1")).to_have_text("Check your inbox")
    deliver_queued_mail()
    page = visitor.open(path_of_link(str(mail.outbox[-1].body)), name="reset-form-en")
    page.get_by_label("New password:", exact=True).fill("a brand new passphrase")
    page.get_by_label("New password confirmation").fill("a brand new passphrase")
    page.get_by_role("button", name="Save the password").click()
    expect(page.locator(".message")).to_contain_text("Your new password is set")
    page = visitor.open("/ug/accounts/verify/again/", name="verify-again-ug")
    expect(page.locator("h1")).to_have_text(shown("ug", "A new confirmation link"))
    expect(page.get_by_label(shown("ug", "E-mail address") + shown("ug", ":"))).to_be_visible()
    visitor.screenshot("verify-again-ug")
