"""Creating an organization, describing it, inviting members and joining it."""

import datetime
import hashlib
import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from PIL import Image

from awaz.organizations.models import (
    Invitation,
    Membership,
    Organization,
    OrganizationDescription,
    Role,
)
from awaz.organizations.selectors import organization_description
from awaz.organizations.services import membership_remove, membership_role_change
from tests.factories import make_organization
from tests.mailqueue import deliver_queued_mail
from tests.organizers import client_for, image_bytes, make_member, make_user, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def organization_form(**fields: object) -> dict[str, object]:
    return {
        "name": "Uyghur Voices",
        "slug": "uyghur-voices",
        "description": "We speak up.",
        "website": "https://example.org/",
        "contact_email": "press@example.org",
        **fields,
    }


def test_a_person_creates_an_organization_and_owns_it():
    user = make_user()
    client = client_for(user)
    response = client.post(
        "/en/dashboard/new-organization/", organization_form(logo=upload(image_bytes()))
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/dashboard/organizations/uyghur-voices/"
    organization = Organization.objects.get(slug="uyghur-voices")
    assert Membership.objects.get(organization=organization).role == Role.OWNER
    assert organization.contact_email == "press@example.org"
    with Image.open(organization.logo.path) as logo:
        assert max(logo.size) <= settings.AWAZ_LOGO_MAX_SIDE
    assert "uyghur-voices" in client.get("/en/dashboard/").content.decode()


def test_the_contact_address_and_the_members_never_reach_the_public_page(client: Client):
    member = make_member(email="secret-member@example.org")
    organization = member.organization
    organization.contact_email = "hidden-contact@example.org"
    organization.save()
    html = client.get(f"/en/organizations/{organization.slug}/").content.decode()
    assert "hidden-contact" not in html
    assert "secret-member" not in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"slug": "taken"}, "Organization with this Address already exists."),
        ({"name": "TAKEN ORG"}, "Another organization already has this name."),
        ({"website": "javascript:alert(1)"}, "https://"),
        ({"logo": upload(b"%PDF-1.4 not an image", "logo.png", "image/png")}, "not an image"),
    ],
)
def test_creating_an_organization_refuses_bad_input_with_a_reason(fields, message):
    make_organization(slug="taken", name="Taken org")
    client = client_for(make_user())
    response = client.post("/en/dashboard/new-organization/", organization_form(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Organization.objects.count() == 1


def test_an_owner_writes_the_description_in_another_language():
    member = make_member()
    client = client_for(member.user)
    path = f"/en/dashboard/organizations/{member.organization.slug}/descriptions/ug/"
    assert client.post(path, {"text": "بىز ئاۋاز چىقىرىمىز."}).status_code == 302
    description = OrganizationDescription.objects.get()
    assert (description.language, description.updated_by) == ("ug", member.user)
    assert organization_description(organization=member.organization, language="ug") == (
        "بىز ئاۋاز چىقىرىمىز."
    )
    assert organization_description(organization=member.organization, language="ru") == (
        member.organization.description
    )
    settings_page = client.get(f"/en/dashboard/organizations/{member.organization.slug}/settings/")
    assert member.user.email in settings_page.content.decode()  # who changed it last
    assert client.post(path, {"text": ""}).status_code == 302
    assert not OrganizationDescription.objects.exists()


def test_an_unknown_language_has_no_description_page():
    member = make_member()
    path = f"/en/dashboard/organizations/{member.organization.slug}/descriptions/xx/"
    assert client_for(member.user).get(path).status_code == 404


def invite(client: Client, organization: Organization, email: str, role: str = "editor"):
    return client.post(
        f"/en/dashboard/organizations/{organization.slug}/members/invite/",
        {"email": email, "role": role},
    )


def invitation_path(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+)", str(message.body))
    assert match
    return match.group(1)


def test_an_invited_person_joins_with_the_invited_address(django_capture_on_commit_callbacks):
    owner = make_member()
    organization = owner.organization
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(client_for(owner.user), organization, "Aziz@example.org").status_code == 302
    deliver_queued_mail()
    [message] = mail.outbox
    assert message.to == ["Aziz@example.org"]
    path = invitation_path(message)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    stored = Invitation.objects.get()
    assert stored.token_digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Invitation.objects.values_list())

    someone_else = client_for(make_user(email="other@example.org"))
    assert "You are logged in as" in someone_else.get(path).content.decode()
    assert someone_else.post(path).status_code == 400
    assert not Membership.objects.filter(user__email="other@example.org").exists()

    invitee = client_for(make_user(email="aziz@example.org"))
    response = invitee.post(path)
    assert response.status_code == 302
    assert Membership.objects.get(user__email="aziz@example.org").role == Role.EDITOR
    assert invitee.post(path).status_code == 400  # single use
    assert "already been used" in invitee.get(path).content.decode()


def test_an_invitation_cannot_be_accepted_after_it_expires(django_capture_on_commit_callbacks):
    owner = make_member()
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(owner.user), owner.organization, "late@example.org")
    deliver_queued_mail()
    path = invitation_path(mail.outbox[0])
    late_user = make_user(email="late@example.org")
    days = settings.AWAZ_INVITATION_DAYS + 1
    with time_machine.travel(timezone.now() + datetime.timedelta(days=days)):
        late = client_for(late_user)
        assert late.post(path).status_code == 400
        assert "expired" in late.get(path).content.decode()
    assert not Membership.objects.filter(user__email="late@example.org").exists()


def test_a_withdrawn_invitation_no_longer_works(django_capture_on_commit_callbacks):
    owner = make_member()
    client = client_for(owner.user)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, owner.organization, "maybe@example.org")
    invitation = Invitation.objects.get()
    client.post(
        f"/en/dashboard/organizations/{owner.organization.slug}/invitations/{invitation.pk}/withdraw/"
    )
    deliver_queued_mail()
    path = invitation_path(mail.outbox[0])
    assert client_for(make_user(email="maybe@example.org")).get(path).status_code == 404


def test_a_stranger_with_the_link_is_asked_to_log_in(
    client: Client, django_capture_on_commit_callbacks
):
    owner = make_member()
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(owner.user), owner.organization, "new@example.org")
    deliver_queued_mail()
    path = invitation_path(mail.outbox[0])
    page = client.get(path).content.decode()
    assert "Log in to accept" in page
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_inviting_a_member_again_is_refused_and_inviting_twice_replaces_the_first():
    owner = make_member(email="owner@example.org")
    client = client_for(owner.user)
    response = invite(client, owner.organization, "OWNER@example.org")
    assert "already a member" in response.content.decode()
    invite(client, owner.organization, "new@example.org", "viewer")
    invite(client, owner.organization, "new@example.org", "editor")
    assert list(Invitation.objects.values_list("role", flat=True)) == ["editor"]


def test_an_organization_keeps_at_least_one_owner():
    owner = make_member(Role.OWNER)
    with pytest.raises(Exception, match="at least one owner"):
        membership_role_change(membership=owner, role=Role.VIEWER, by=owner.user)
    with pytest.raises(Exception, match="at least one owner"):
        membership_remove(membership=owner, by=owner.user)
    second = make_member(Role.EDITOR, organization=owner.organization)
    membership_role_change(membership=second, role=Role.OWNER, by=owner.user)
    membership_remove(membership=owner, by=second.user)
    assert list(Membership.objects.values_list("role", flat=True)) == [Role.OWNER]


def test_an_owner_changes_a_role_and_removes_a_member_through_the_page():
    owner = make_member()
    editor = make_member(Role.EDITOR, organization=owner.organization)
    client = client_for(owner.user)
    base = f"/en/dashboard/organizations/{owner.organization.slug}/members/{editor.pk}/"
    client.post(base, {f"m{editor.pk}-role": "viewer"})
    assert Membership.objects.get(pk=editor.pk).role == Role.VIEWER
    client.post(base, {"remove": "1"})
    assert not Membership.objects.filter(pk=editor.pk).exists()
    response = client.post(
        f"/en/dashboard/organizations/{owner.organization.slug}/members/{owner.pk}/",
        {"remove": "1"},
        follow=True,
    )
    assert "at least one owner" in response.content.decode()
    assert Membership.objects.filter(pk=owner.pk).exists()


def test_a_member_of_another_organization_cannot_touch_this_ones_members():
    owner = make_member()
    stranger = make_member()
    target = make_member(Role.EDITOR, organization=owner.organization)
    response = client_for(stranger.user).post(
        f"/en/dashboard/organizations/{stranger.organization.slug}/members/{target.pk}/",
        {"remove": "1"},
    )
    assert response.status_code == 404
    assert Membership.objects.filter(pk=target.pk).exists()


def test_an_owner_replaces_and_removes_the_logo():
    owner = make_member()
    client = client_for(owner.user)
    url = f"/en/dashboard/organizations/{owner.organization.slug}/settings/"
    form = {"name": owner.organization.name, "description": "", "website": "", "contact_email": ""}
    client.post(url, {**form, "logo": upload(image_bytes(size=(2000, 1000), exif=True))})
    organization = Organization.objects.get(pk=owner.organization.pk)
    with Image.open(organization.logo.path) as logo:
        assert logo.size == (512, 256)
        assert dict(logo.getexif()) == {}
    response = client.post(
        url, {**form, "name": "Renamed", "logo": upload(b"not an image", "x.png")}
    )
    assert "not an image we can use" in response.content.decode()
    unchanged = Organization.objects.get(pk=organization.pk)
    assert (unchanged.logo, unchanged.name) == (organization.logo, organization.name)
    client.post(url, {**form, "remove_logo": "on"})
    assert not Organization.objects.get(pk=organization.pk).logo
