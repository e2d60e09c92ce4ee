"""An organizer signs up, confirms her address, creates her organization, writes a petition in
Uyghur (Arabic script), reviews its Latin and Cyrillic versions and submits it; a moderator
approves it and the public page shows it. Every page is checked by the Nu HTML checker and
axe-core, in English and in the right-to-left Uyghur workspace."""

import re

import pytest
from django.core import mail
from playwright.sync_api import FilePayload, Locator, Page, expect

from awaz.i18n import languages
from awaz.petitions import lifecycle
from awaz.petitions.models import Petition
from tests.journeys.conftest import Visitor
from tests.journeys.labels import field_label, for_version, shown
from tests.mailqueue import deliver_queued_mail
from tests.organizers import image_bytes, make_user

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "gulnar@example.org"
PASSWORD = "tengritagh ustide ay nuri"
TITLE = "ئىلھام توختىنى قويۇپ بېرىڭ"
TARGET = "خىتاي ھۆكۈمىتى"
SUMMARY = "ئۇيغۇر ئىقتىسادشۇناس ئىلھام توختى 2014-يىلىدىن بۇيان مۇددەتسىز قاماقتا."
BODY = (
    "ئىلھام توختى ئۇيغۇرلار بىلەن خەنزۇلار ئارىسىدىكى دىئالوگنى تەشەببۇس قىلغان "
    "تىنچلىقپەرۋەر زىيالىي.\n\n"
    "بىز خىتاي ھۆكۈمىتىدىن ئۇنى دەرھال ۋە شەرتسىز قويۇپ بېرىشنى تەلەپ قىلىمىز."
)
LATIN_TITLE = "Ilham Toxtini qoyup béring"
CYRILLIC_TITLE = "Илһам Тохтини қоюп бериң"


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def path_of_link(body: str) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+)", body)
    assert match, body
    return match.group(1)


def sign_up_and_confirm(visitor: Visitor) -> Page:
    page = visitor.open("/en/", name="organizer-home-en")
    page.get_by_role("link", name="For organizers").click()
    page.get_by_role("link", name="Sign up").last.click()
    expect(page.locator("h1")).to_have_text("Sign up")
    visitor.check(name="organizer-signup-en")
    page.get_by_label("Your name").fill("Gülnar")
    page.get_by_label("E-mail address").fill(EMAIL)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password, again").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator("h1")).to_have_text("Check your inbox")
    visitor.check(name="organizer-check-inbox-en")

    deliver_queued_mail()
    [message] = mail.outbox
    assert message.to == [EMAIL]
    visitor.open(path_of_link(str(message.body)), name="organizer-verify-en")
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.locator(".message")).to_contain_text("Your e-mail address is confirmed")
    visitor.check(name="organizer-login-en")

    page.get_by_label("E-mail address").fill(EMAIL)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("Your organizations")
    visitor.check(name="organizer-dashboard-en")
    return page


def create_organization(visitor: Visitor, page: Page) -> None:
    page.get_by_role("link", name="Create an organization").click()
    visitor.check(name="organizer-new-organization-en")
    page.get_by_label("Name:", exact=True).fill("Uyghur Voices")
    page.get_by_label("Address:", exact=True).fill("uyghur-voices")
    page.get_by_label("Description").fill("Diaspora volunteers who speak up for the detained.")
    page.get_by_label("Website").fill("https://example.org/")
    page.get_by_label("Contact e-mail address").fill("press@example.org")
    page.get_by_role("button", name="Create the organization").click()
    expect(page.locator(".message")).to_contain_text("Your organization is ready.")
    visitor.check(name="organizer-organization-en")
    visitor.screenshot("organizer-organization-en")


def in_uyghur(text: str, /, **values: object) -> str:
    """A label, button or message as the Uyghur workspace shows it."""
    return shown("ug", text, **values)


def uyghur_field(within: Page | Locator, label: str) -> Locator:
    """A form field of the Uyghur workspace, by the label it shows ("ماۋزۇ:")."""
    return within.get_by_label(field_label("ug", label), exact=True)


def name_of(code: str) -> str:
    """A language or script named in itself, as the workspace's tables and messages name it."""
    return languages.get(code).name_local


def write_petition_in_uyghur(visitor: Visitor, page: Page) -> Petition:
    # The workspace in Uyghur: the header's language menu, then right to left.
    page.locator(".languages").get_by_role("link", name=name_of("ug")).click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page).to_have_url(re.compile(r"/ug/dashboard/organizations/uyghur-voices/$"))
    page.get_by_role("link", name=in_uyghur("Start a petition")).click()
    expect(page.locator("h1")).to_have_text(in_uyghur("Start a petition"))
    visitor.check(name="organizer-new-petition-ug")
    uyghur_field(page, "Written in").select_option("ug")
    uyghur_field(page, "Title").fill(TITLE)
    uyghur_field(page, "Decision maker").fill(TARGET)
    uyghur_field(page, "Summary").fill(SUMMARY)
    uyghur_field(page, "Text").fill(BODY)
    first_link = page.locator(".link-row").first
    uyghur_field(first_link, "Link text").fill("ئۇيغۇر كىشىلىك ھوقۇق قۇرۇلۇشى")
    uyghur_field(first_link, "Address").fill("https://uhrp.org/")
    photo: FilePayload = {
        "name": "ilham.jpg",
        "mimeType": "image/jpeg",
        "buffer": image_bytes(exif=True),
    }
    uyghur_field(page, "Image").set_input_files(files=photo)
    uyghur_field(page, "Image description").fill("ئىلھام توختىنىڭ سۈرىتى")
    uyghur_field(page, "First goal").fill("1000")
    uyghur_field(page, "Names").fill("Ilham Toxti")
    visitor.screenshot("organizer-new-petition-ug")
    page.get_by_role("button", name=in_uyghur("Save the draft")).click()
    expect(page.locator(".message")).to_contain_text(
        in_uyghur("Your draft is saved. Nobody else can see it yet.")
    )
    expect(page.locator("h1")).to_have_text(TITLE)
    visitor.check(name="organizer-petition-draft-ug")
    visitor.screenshot("organizer-petition-draft-ug")
    return Petition.objects.get()


def review_the_other_scripts(visitor: Visitor, page: Page, petition: Petition) -> None:
    versions = page.locator("section", has=page.locator("#versions-title"))
    expect(versions.locator(".needs-review")).to_have_count(2)
    submit = page.get_by_role("button", name=in_uyghur("Submit for publication"))
    expect(submit).to_be_disabled()

    # Latin: read in the real public page template, as its readers get it (left to right,
    # in Latin letters), under a banner in the workspace's language; then marked as reviewed.
    page.get_by_role("link", name=for_version("ug", "Preview", "ug-latn")).click()
    expect(page.locator("h1")).to_have_text(LATIN_TITLE)
    expect(page.locator("html")).to_have_attribute("lang", "ug-Latn")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator(".preview-banner")).to_have_attribute("dir", "rtl")
    expect(page.locator(".petition-body")).to_contain_text("Ilham Toxti uyghurlar bilen")
    visitor.check(name="organizer-preview-latin-ug")
    visitor.screenshot("organizer-preview-latin-ug")
    page.get_by_role("link", name=in_uyghur("Back to the petition")).click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_role("button", name=for_version("ug", "Mark as reviewed", "ug-latn")).click()
    expect(page.locator(".message")).to_have_text(
        in_uyghur("The %(language)s version is marked as reviewed.", language=name_of("ug-latn"))
    )

    # Cyrillic: corrected by hand (saving marks it reviewed), after a look at the preview.
    page.get_by_role("link", name=for_version("ug", "Edit", "ug-cyrl")).click()
    expect(page.locator("h1")).to_contain_text(name_of("ug-cyrl"))
    title = uyghur_field(page, "Title")
    expect(title).to_have_value(CYRILLIC_TITLE)
    expect(title).to_have_attribute("lang", "ug-Cyrl")
    visitor.check(name="organizer-edit-cyrillic-ug")
    visitor.screenshot("organizer-edit-cyrillic-ug")
    title.fill(CYRILLIC_TITLE + "!")
    page.get_by_role("button", name=in_uyghur("Preview"), exact=True).click()
    expect(page.locator("h1")).to_have_text(CYRILLIC_TITLE + "!")
    visitor.check(name="organizer-preview-unsaved-cyrillic-ug")
    page.get_by_role("button", name=in_uyghur("Save"), exact=True).click()
    expect(page.locator(".message")).to_have_text(
        in_uyghur("The %(language)s version is saved.", language=name_of("ug-cyrl"))
    )
    expect(versions.locator(".needs-review")).to_have_count(0)
    visitor.check(name="organizer-petition-reviewed-ug")

    submit.click()
    expect(page.locator(".message")).to_have_text(
        in_uyghur("Submitted: the moderators will review it, then it is published.")
    )
    expect(page.locator(".status-badge")).to_have_text(in_uyghur("waiting for review"))
    visitor.check(name="organizer-petition-pending-ug")
    visitor.screenshot("organizer-petition-pending-ug")


def test_organizer_writes_a_petition_in_uyghur_and_it_is_published(visitor, phone_visitor):
    page = sign_up_and_confirm(visitor)
    visitor.screenshot("organizer-dashboard-en")
    create_organization(visitor, page)
    petition = write_petition_in_uyghur(visitor, page)
    assert petition.slug == "ilham-toxtini-qoyup-bering"
    review_the_other_scripts(visitor, page, petition)

    # A moderator approves it (their side of the workspace is another story).
    lifecycle.petition_approve(petition=petition, by=make_user(staff_role="moderator"))

    page = visitor.open(f"/ug/petitions/{petition.slug}/", name="organizer-public-ug")
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator(".petition-body img")).to_have_attribute("alt", "ئىلھام توختىنىڭ سۈرىتى")
    expect(page.locator(".counter")).to_contain_text("1,000")
    visitor.screenshot("organizer-public-ug")
    page = visitor.open(f"/ug-cyrl/petitions/{petition.slug}/", name="organizer-public-ug-cyrl")
    expect(page.locator("h1")).to_have_text(CYRILLIC_TITLE + "!")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    # The same workspace in English, and on a phone.
    page = visitor.open(
        f"/en/dashboard/organizations/uyghur-voices/petitions/{petition.slug}/",
        name="organizer-petition-open-en",
    )
    expect(page.locator(".status-badge")).to_have_text("open")
    visitor.screenshot("organizer-petition-open-en")
    phone = phone_visitor.page
    phone.context.add_cookies(page.context.cookies())
    phone_visitor.open(
        f"/ug/dashboard/organizations/uyghur-voices/petitions/{petition.slug}/",
        name="organizer-petition-open-ug-phone",
    )
    phone_visitor.screenshot("organizer-petition-open-ug-phone")
