"""Owners make, see once, and revoke their organization's API keys; nobody else can."""

import pytest

from awaz.organizations.keys import api_key_find
from awaz.organizations.models import ApiKey, Role
from tests.factories import make_organization
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db


def page(organization):
    return f"/en/dashboard/organizations/{organization.slug}/settings/api-keys/"


def test_an_owner_makes_a_key_shown_once():
    owner = make_member(Role.OWNER)
    client = client_for(owner.user)
    response = client.post(page(owner.organization), {"name": "Coalition site", "scope": "write"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = response.context["created"].secret
    assert secret in response.content.decode()
    key = api_key_find(secret=secret)
    assert key is not None and key.can_write and key.created_by == owner.user
    again = client.get(page(owner.organization)).content.decode()
    assert secret not in again and key.prefix in again


def test_an_owner_revokes_a_key():
    owner = make_member(Role.OWNER)
    client = client_for(owner.user)
    secret = (
        client.post(page(owner.organization), {"name": "CRM", "scope": "read"})
        .context["created"]
        .secret
    )
    key = ApiKey.objects.get()
    response = client.post(page(owner.organization) + f"{key.pk}/revoke/")
    assert response.status_code == 302
    assert api_key_find(secret=secret) is None


@pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
def test_only_owners_manage_keys(role):
    member = make_member(role)
    client = client_for(member.user)
    assert client.get(page(member.organization)).status_code == 403
    assert (
        client.post(page(member.organization), {"name": "x", "scope": "write"}).status_code == 403
    )
    assert ApiKey.objects.count() == 0


def test_another_organizations_keys_are_not_found():
    owner = make_member(Role.OWNER)
    other = make_organization()
    assert client_for(owner.user).get(page(other)).status_code == 404
