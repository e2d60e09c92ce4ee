"""Writing, previewing, publishing and closing a petition through the workspace's pages."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone
from PIL import Image

from awaz.organizations.models import Role
from awaz.petitions import lifecycle
from awaz.petitions.models import Petition, PetitionRevision, PetitionText
from tests.factories import make_petition
from tests.organizers import client_for, image_bytes, make_member, make_user, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor():
    return make_member(Role.EDITOR)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def start_form(**fields: object) -> dict[str, object]:
    return {
        "original_language": "en",
        "title": "Free Ilham Tohti",
        "target": "the Government of China",
        "summary": "An economist, jailed for life.",
        "body": "Ilham Tohti is an economist.\n\nFree him.",
        "image_alt": "Ilham Tohti at his desk",
        "first_goal": 500,
        "closes_on": "",
        "offered_languages": ["ru"],
        "proper_nouns": "",
        "slug": "",
        "links-TOTAL_FORMS": 2,
        "links-INITIAL_FORMS": 0,
        "links-0-title": "Uyghur Human Rights Project",
        "links-0-url": "https://uhrp.org/",
        "links-1-title": "",
        "links-1-url": "",
        **fields,
    }


def new_petition_url(member) -> str:
    return f"/en/dashboard/organizations/{member.organization.slug}/new-petition/"


def petition_url(petition: Petition) -> str:
    return f"/en/dashboard/organizations/{petition.organization.slug}/petitions/{petition.slug}/"


def test_the_guided_form_saves_a_draft_nobody_else_can_see(editor, client: Client):
    dashboard = client_for(editor.user)
    response = dashboard.post(
        new_petition_url(editor), start_form(image=upload(image_bytes(exif=True)))
    )
    assert response.status_code == 302
    petition = Petition.objects.get()
    assert response["Location"] == petition_url(petition)
    assert (petition.slug, petition.status, petition.first_goal) == (
        "free-ilham-tohti",
        Petition.Status.DRAFT,
        500,
    )
    assert petition.offered_languages == ["ru"]
    text = petition.texts.get()
    assert [link.title for link in text.links.all()] == ["Uyghur Human Rights Project"]
    with Image.open(petition.image.path) as image:
        assert dict(image.getexif()) == {}
    assert client.get(f"/en/petitions/{petition.slug}/").status_code == 404
    page = dashboard.get(petition_url(petition)).content.decode()
    assert "Free Ilham Tohti" in page
    assert "Add the versions you offer" in text_of(page)  # Russian is offered, not written


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": "Hi <script>alert(1)</script>"}, "HTML tags such as"),
        ({"body": "[Read](javascript:alert(document.cookie))"}, "not javascript: links"),
        ({"links-0-url": "javascript:alert(1)"}, "starts with https:// or http://"),
        ({"slug": "taken"}, "Another petition already uses this address"),
        ({"closes_on": "2001-01-01"}, "This date has passed"),
        ({"title": ""}, "This field is required."),
        ({"first_goal": 0}, "greater than or equal to 1"),
        ({"image": upload(b"MZ\x90\x00 an executable", "cat.jpg")}, "not an image we can use"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_nothing_is_saved(editor, fields, message):
    make_petition(slug="taken")
    response = client_for(editor.user).post(new_petition_url(editor), start_form(**fields))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Petition.objects.count() == 1


def test_an_enormous_image_is_refused(editor, settings):
    settings.AWAZ_IMAGE_MAX_PIXELS = 100 * 100
    response = client_for(editor.user).post(
        new_petition_url(editor), start_form(image=upload(image_bytes(size=(2000, 2000))))
    )
    assert response.status_code == 400
    assert "This image is too large" in response.content.decode()
    assert not Petition.objects.exists()


def test_the_preview_is_the_public_page_with_the_unsaved_changes(editor):
    petition = make_petition(organization=editor.organization, status=Petition.Status.DRAFT)
    dashboard = client_for(editor.user)
    url = f"{petition_url(petition)}texts/en/"
    response = dashboard.post(
        url,
        {
            "title": "A title not saved yet",
            "target": "the United Nations",
            "summary": "",
            "body": "**Bold** words.",
            "image_alt": "",
            "links-TOTAL_FORMS": 0,
            "links-INITIAL_FORMS": 0,
            "action": "preview",
        },
    )
    assert response.status_code == 200
    assert [t.name for t in response.templates][:2] == [
        "dashboard/petition_preview.html",
        "public/petition_detail.html",
    ]
    html = response.content.decode()
    assert "<h1>A title not saved yet</h1>" in html
    assert "<strong>Bold</strong> words." in html
    assert "started this petition to the United Nations" in text_of(html)
    assert 'name="robots" content="noindex"' in html
    assert petition.texts.get().title != "A title not saved yet"  # nothing saved
    response = dashboard.post(
        url, {**dict(re.findall(r'name="([^"]+)" value="([^"]*)"', html)), "action": "save"}
    )
    assert response.status_code == 302
    assert petition.texts.get().title == "A title not saved yet"


def test_the_saved_preview_shows_a_draft_as_it_will_be_published(editor):
    petition = make_petition(organization=editor.organization, status=Petition.Status.DRAFT)
    html = client_for(editor.user).get(f"{petition_url(petition)}texts/en/preview/").content
    assert b"Free the voices [en]" in html
    assert b"This petition is closed" not in html


def test_a_published_edit_is_versioned_and_the_public_page_says_edited(editor, client: Client):
    petition = make_petition(organization=editor.organization)
    dashboard = client_for(editor.user)
    dashboard.post(
        f"{petition_url(petition)}texts/en/",
        {
            "title": "Free the voices, now",
            "target": "the Government of Kazakhstan",
            "summary": "A short summary.",
            "body": "First paragraph.\n\nSecond paragraph.",
            "links-TOTAL_FORMS": 0,
            "links-INITIAL_FORMS": 0,
        },
    )
    revision = PetitionRevision.objects.get()
    assert (revision.title, revision.edited_by) == ("Free the voices [en]", editor.user)
    public = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    today = timezone.now()
    assert f'edited on <time datetime="{today:%Y-%m-%d}">' in public
    history = dashboard.get(f"{petition_url(petition)}history/").content.decode()
    # A word diff: "Free the" kept, the words after it taken out and put in.
    assert re.search(r"Free the <del>.*voices \[en\].*</del><ins>.*voices, now.*</ins>", history)
    assert editor.user.email in history


def test_submit_then_staff_approve_then_close_and_declare_victory(editor, client: Client):
    petition = make_petition(organization=editor.organization, status=Petition.Status.DRAFT)
    dashboard = client_for(editor.user)
    dashboard.post(f"{petition_url(petition)}do/submit/")
    petition.refresh_from_db()
    assert petition.status == Petition.Status.PENDING
    lifecycle.petition_approve(
        petition=petition, by=make_user(is_staff=True, staff_role="moderator")
    )
    assert client.get(f"/en/petitions/{petition.slug}/").status_code == 200
    dashboard.post(f"{petition_url(petition)}do/close/")
    petition.refresh_from_db()
    assert petition.status == Petition.Status.CLOSED
    assert client.get(f"/en/petitions/{petition.slug}/").status_code == 200  # the page stays
    response = dashboard.post(f"{petition_url(petition)}victory/", {"statement": ""})
    assert "This field is required." in response.content.decode()
    dashboard.post(f"{petition_url(petition)}victory/", {"statement": "He was released."})
    public = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert "Victory!" in public and "He was released." in public
    response = dashboard.post(f"{petition_url(petition)}do/reopen/", follow=True)
    assert "cannot be changed this way" in response.content.decode()
    assert Petition.objects.get(pk=petition.pk).status == Petition.Status.VICTORY


def test_an_unknown_move_is_not_found(editor):
    petition = make_petition(organization=editor.organization)
    response = client_for(editor.user).post(f"{petition_url(petition)}do/approve/")
    assert response.status_code == 404
    assert Petition.objects.get(pk=petition.pk).status == Petition.Status.OPEN


def test_another_organizations_petition_is_not_found_by_changing_the_address(editor):
    theirs = make_petition(status=Petition.Status.DRAFT)
    dashboard = client_for(editor.user)
    forged = f"/en/dashboard/organizations/{editor.organization.slug}/petitions/{theirs.slug}/"
    assert dashboard.get(forged).status_code == 404
    response = dashboard.post(
        f"{forged}texts/en/",
        {
            "title": "Hijacked",
            "target": "x",
            "body": "x",
            "links-TOTAL_FORMS": 0,
            "links-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 404
    assert dashboard.post(f"{forged}do/submit/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.texts.get().title == "Free the voices [en]"
    assert theirs.status == Petition.Status.DRAFT


def test_a_post_without_the_csrf_token_changes_nothing(editor):
    petition = make_petition(organization=editor.organization, status=Petition.Status.DRAFT)
    dashboard = client_for(editor.user, enforce_csrf_checks=True)
    response = dashboard.post(f"{petition_url(petition)}do/submit/")
    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()
    response = dashboard.post(new_petition_url(editor), start_form())
    assert response.status_code == 403
    assert Petition.objects.get().status == Petition.Status.DRAFT


def test_the_image_is_replaced_and_removed(editor, client: Client):
    petition = make_petition(organization=editor.organization)
    dashboard = client_for(editor.user)
    url = f"{petition_url(petition)}image/"
    assert dashboard.post(url, {"image": upload(image_bytes(size=(3000, 2000)))}).status_code == 302
    petition.refresh_from_db()
    with Image.open(petition.image.path) as image:
        assert image.size == (1600, 1067)
    public = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert f'<img class="petition-image" src="/media/{petition.image.name}" alt="">' in public
    served = client.get(f"/media/{petition.image.name}")
    assert (served.status_code, served["Content-Type"]) == (200, "image/jpeg")
    assert b"".join(served.streaming_content).startswith(b"\xff\xd8")  # type: ignore[attr-defined]
    response = dashboard.post(url, {"image": upload(b"<svg onload=alert(1)>", "x.svg")})
    assert "not an image we can use" in response.content.decode()
    assert dashboard.post(url, {"remove": "on"}).status_code == 302
    assert not Petition.objects.get(pk=petition.pk).image


def test_settings_refuse_a_closing_date_in_the_past(editor):
    petition = make_petition(organization=editor.organization, status=Petition.Status.DRAFT)
    url = f"{petition_url(petition)}settings/"
    yesterday = (timezone.now() - datetime.timedelta(days=1)).date()
    response = client_for(editor.user).post(
        url, {"first_goal": 100, "closes_on": yesterday.isoformat()}
    )
    assert response.status_code == 400
    assert "This date has passed" in response.content.decode()
    assert Petition.objects.get(pk=petition.pk).closes_at is None
    next_month = (timezone.now() + datetime.timedelta(days=30)).date()
    client_for(editor.user).post(url, {"first_goal": 100, "closes_on": next_month.isoformat()})
    assert Petition.objects.get(pk=petition.pk).closes_at is not None


def test_the_dashboard_in_uyghur_runs_right_to_left(editor):
    petition = make_petition(organization=editor.organization, status=Petition.Status.DRAFT)
    html = client_for(editor.user).get(petition_url(petition).replace("/en/", "/ug/")).content
    assert b'<html lang="ug" dir="rtl">' in html


def test_a_converted_version_is_marked_reviewed_from_the_petition_page(editor):
    petition = make_petition(
        organization=editor.organization, status=Petition.Status.DRAFT, languages=("ug",)
    )
    PetitionText.objects.create(
        petition=petition,
        language="ug-latn",
        title="T",
        target="T",
        body="B",
        origin="converted",
        converted_from="ug",
    )
    dashboard = client_for(editor.user)
    page = dashboard.get(petition_url(petition)).content.decode()
    assert "not reviewed yet" in page
    assert "disabled" in page  # submitting waits for the review
    dashboard.post(f"{petition_url(petition)}texts/ug-latn/review/")
    assert petition.texts.get(language="ug-latn").origin == "reviewed"
    assert "not reviewed yet" not in dashboard.get(petition_url(petition)).content.decode()


def test_a_petition_under_review_keeps_its_image_and_settings(editor):
    petition = make_petition(organization=editor.organization, status=Petition.Status.PENDING)
    dashboard = client_for(editor.user)
    response = dashboard.post(f"{petition_url(petition)}image/", {"image": upload(image_bytes())})
    assert "cannot be changed" in response.content.decode()
    response = dashboard.post(f"{petition_url(petition)}settings/", {"first_goal": 7})
    assert "cannot be changed" in response.content.decode()
    response = dashboard.get(f"{petition_url(petition)}texts/en/", follow=True)
    assert "cannot be changed" in response.content.decode()
    petition.refresh_from_db()
    assert (bool(petition.image), petition.first_goal) == (False, 500)


def test_after_the_original_is_edited_the_public_generated_versions_follow_at_once(
    editor, client: Client
):
    from awaz.petitions.conversion import petition_texts_convert

    petition = make_petition(organization=editor.organization, languages=("ug",))
    petition_texts_convert(source=petition.texts.get(language="ug"))
    assert "ikkinchi" not in client.get(f"/ug-latn/petitions/{petition.slug}/").content.decode()
    client_for(editor.user).post(
        f"{petition_url(petition)}texts/ug/",
        {
            "title": "ئازادلىق",
            "target": "ھۆكۈمەت",
            "summary": "",
            "body": "ئىككىنچى ئابزاس.",
            "links-TOTAL_FORMS": 0,
            "links-INITIAL_FORMS": 0,
        },
    )
    assert petition.texts.get(language="ug-latn").origin == "converted"
    latin = client.get(f"/ug-latn/petitions/{petition.slug}/").content.decode()
    assert "ikkinchi" in latin.lower()
    cyrillic = client.get(f"/ug-cyrl/petitions/{petition.slug}/").content.decode()
    assert "иккинчи" in cyrillic.lower()
