"""Every view of an organization, for every role: owner, editor, viewer, and a stranger.

Owners may do everything; editors write, publish and close petitions; viewers only read; a
member of another organization learns nothing (404), whatever they try.
"""

from dataclasses import dataclass
from typing import Literal

import pytest
from django.test import Client

from awaz.organizations.models import Invitation, Membership, Organization, Role
from awaz.petitions.models import Petition, PetitionText
from tests.factories import make_organization, make_petition
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db

Who = Literal["owner", "editor", "viewer", "stranger"]
OWNERS: set[Who] = {"owner"}
EDITORS: set[Who] = {"owner", "editor"}
EVERYONE: set[Who] = {"owner", "editor", "viewer"}


@dataclass
class World:
    organization: Organization
    petition: Petition
    open_petition: Petition
    members: dict[str, Membership]
    invitation: Invitation
    clients: dict[Who, Client]


@pytest.fixture
def world() -> World:
    organization = make_organization(slug="torchlight", name="Torchlight")
    members = {role: make_member(role, organization=organization) for role in Role.values}
    petition = make_petition(
        organization=organization, status=Petition.Status.DRAFT, slug="free-them"
    )
    PetitionText.objects.create(
        petition=petition,
        language="ug-latn",
        title="Ularni qoyup béring",
        target="Xitay hökümiti",
        body="Text.",
        origin=PetitionText.Origin.CONVERTED,
        converted_from="ug",
    )
    open_petition = make_petition(organization=organization, slug="open-one")
    invitation = Invitation.objects.create(
        organization=organization,
        email="new@example.org",
        role=Role.VIEWER,
        token_digest="0" * 64,
        expires_at=petition.created_at.replace(year=petition.created_at.year + 1),
    )
    stranger = make_member(Role.OWNER, organization=make_organization())
    clients: dict[Who, Client] = {
        "owner": client_for(members["owner"].user),
        "editor": client_for(members["editor"].user),
        "viewer": client_for(members["viewer"].user),
        "stranger": client_for(stranger.user),
    }
    return World(organization, petition, open_petition, members, invitation, clients)


BASE = "/en/dashboard/organizations/torchlight"
PETITION = f"{BASE}/petitions/free-them"
OPEN = f"{BASE}/petitions/open-one"

READS: list[tuple[str, set[Who]]] = [
    (f"{BASE}/", EVERYONE),
    (f"{BASE}/settings/", OWNERS),
    (f"{BASE}/descriptions/ug/", OWNERS),
    (f"{BASE}/members/", OWNERS),
    (f"{BASE}/new-petition/", EDITORS),
    (f"{PETITION}/", EVERYONE),
    (f"{PETITION}/settings/", EDITORS),
    (f"{PETITION}/image/", EDITORS),
    (f"{PETITION}/victory/", EDITORS),
    (f"{PETITION}/history/", EVERYONE),
    (f"{PETITION}/texts/en/", EDITORS),
    (f"{PETITION}/texts/en/preview/", EVERYONE),
]


def expected(who: Who, allowed: set[Who]) -> int:
    if who == "stranger":
        return 404
    return 200 if who in allowed else 403


@pytest.mark.parametrize("who", ["owner", "editor", "viewer", "stranger"])
@pytest.mark.parametrize(("path", "allowed"), READS, ids=[path for path, _ in READS])
def test_each_role_may_open_exactly_its_pages(world: World, who: Who, path, allowed):
    response = world.clients[who].get(path)
    assert response.status_code == expected(who, allowed)
    if response.status_code == 200:
        assert b"Torchlight" in response.content


def _writes(world: World) -> dict[str, tuple[str, dict[str, object], set[Who]]]:
    """What each role tries, by view: address, form data, and who may do it."""
    viewer = world.members["viewer"].pk
    text = {"target": "Someone", "links-TOTAL_FORMS": 0, "links-INITIAL_FORMS": 0}
    return {
        "organization settings": (
            f"{BASE}/settings/",
            {"name": "Renamed", "description": "", "website": "", "contact_email": ""},
            OWNERS,
        ),
        "description": (f"{BASE}/descriptions/ug/", {"text": "چۈشەندۈرۈش"}, OWNERS),
        "invite": (f"{BASE}/members/invite/", {"email": "a@example.org", "role": "editor"}, OWNERS),
        "change a role": (f"{BASE}/members/{viewer}/", {f"m{viewer}-role": "editor"}, OWNERS),
        "remove a member": (f"{BASE}/members/{viewer}/", {"remove": "1"}, OWNERS),
        "withdraw an invitation": (
            f"{BASE}/invitations/{world.invitation.pk}/withdraw/",
            {},
            OWNERS,
        ),
        "start a petition": (
            f"{BASE}/new-petition/",
            {"original_language": "en", "title": "Other", "body": "B.", "first_goal": 9, **text},
            EDITORS,
        ),
        "petition settings": (f"{PETITION}/settings/", {"first_goal": 250}, EDITORS),
        "petition image": (f"{PETITION}/image/", {"remove": "on"}, EDITORS),
        "edit a version": (
            f"{PETITION}/texts/en/",
            {"title": "Changed", "body": "Changed.", **text},
            EDITORS,
        ),
        "submit": (f"{PETITION}/do/submit/", {}, EDITORS),
        "review a version": (f"{PETITION}/texts/ug-latn/review/", {}, EDITORS),
        "convert again": (f"{PETITION}/texts/ug-latn/convert-again/", {}, EDITORS),
        "close": (f"{OPEN}/do/close/", {}, EDITORS),
        "declare victory": (f"{OPEN}/victory/", {"statement": "They were released."}, EDITORS),
    }


WRITES = [
    "organization settings",
    "description",
    "invite",
    "change a role",
    "remove a member",
    "withdraw an invitation",
    "start a petition",
    "petition settings",
    "petition image",
    "edit a version",
    "submit",
    "review a version",
    "convert again",
    "close",
    "declare victory",
]


def _snapshot(world: World) -> tuple[object, ...]:
    organization = Organization.objects.get(pk=world.organization.pk)
    petition = Petition.objects.get(pk=world.petition.pk)
    return (
        organization.name,
        organization.descriptions.count(),
        Invitation.objects.filter(organization=organization).count(),
        sorted(Membership.objects.filter(organization=organization).values_list("role", flat=True)),
        Petition.objects.filter(organization=organization).count(),
        petition.first_goal,
        petition.status,
        petition.texts.get(language="en").title,
        petition.texts.get(language="ug-latn").origin,
        Petition.objects.get(pk=world.open_petition.pk).status,
    )


@pytest.mark.parametrize("who", ["owner", "editor", "viewer", "stranger"])
@pytest.mark.parametrize("name", WRITES)
def test_each_role_may_change_exactly_what_its_role_allows(world: World, who: Who, name):
    path, data, allowed = _writes(world)[name]
    before = _snapshot(world)
    response = world.clients[who].post(path, data)
    if who in allowed:
        assert response.status_code == 302, response.content.decode()[:3000]
    else:
        assert response.status_code == expected(who, allowed)
        assert _snapshot(world) == before


def test_a_viewer_sees_no_buttons_that_change_anything(world: World):
    html = world.clients["viewer"].get(f"{PETITION}/").content.decode()
    assert "Submit for publication" not in html
    assert f'{PETITION}/texts/en/"' not in html
    assert "Start a petition" not in world.clients["viewer"].get(f"{BASE}/").content.decode()


def test_an_owner_sees_the_members_tab_and_an_editor_does_not(world: World):
    assert f'href="{BASE}/members/"' in world.clients["owner"].get(f"{BASE}/").content.decode()
    assert f'href="{BASE}/members/"' not in world.clients["editor"].get(f"{BASE}/").content.decode()


def test_the_workspace_asks_a_stranger_to_log_in_first():
    response = Client().get(f"{BASE}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
