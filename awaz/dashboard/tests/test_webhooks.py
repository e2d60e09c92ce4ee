"""Owners register webhooks on the dashboard, see the secret once, read the delivery log."""

import pytest

from awaz.audit.models import AuditEntry
from awaz.organizations.models import Role
from awaz.webhooks.models import Attempt, Delivery, Endpoint
from tests.factories import make_petition
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db
PUBLIC = "https://93.184.216.34/hooks/awaz"


@pytest.fixture
def owner():
    return make_member(Role.OWNER)


def url(membership, tail=""):
    return f"/en/dashboard/organizations/{membership.organization.slug}/webhooks/{tail}"


def test_an_owner_registers_a_webhook_and_sees_its_secret_once(owner):
    client = client_for(owner.user)
    response = client.post(url(owner), {"url": PUBLIC, "events": ["petition.closed"]})
    assert response.status_code == 200
    endpoint = Endpoint.objects.get()
    page = response.content.decode()
    assert endpoint.secret in page and "shown only this once" in page
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    listing = client.get(url(owner)).content.decode()
    assert PUBLIC in listing and endpoint.secret not in listing
    assert endpoint.secret not in client.get(url(owner, f"{endpoint.pk}/")).content.decode()
    assert AuditEntry.objects.filter(action="webhook.register").count() == 1


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("http://93.184.216.34/", "must start with https://"),
        ("https://127.0.0.1/hook", "public addresses"),
        ("https://10.1.2.3/hook", "public addresses"),
        ("https://169.254.169.254/", "public addresses"),
        ("https://[::1]/hook", "public addresses"),
        ("https://localhost/hook", "public addresses"),
    ],
)
def test_unsafe_addresses_are_refused_with_a_reason(owner, address, message):
    response = client_for(owner.user).post(
        url(owner), {"url": address, "events": ["petition.closed"]}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Endpoint.objects.exists()


def test_the_log_shows_status_codes_and_times_and_the_owner_removes_it(owner):
    client = client_for(owner.user)
    client.post(url(owner), {"url": PUBLIC, "events": ["petition.closed"]})
    endpoint = Endpoint.objects.get()
    delivery = Delivery.objects.create(
        endpoint=endpoint,
        event="petition.closed",
        petition=make_petition(organization=owner.organization),
    )
    Attempt.objects.create(delivery=delivery, status_code=503, milliseconds=41)
    page = client.get(url(owner, f"{endpoint.pk}/")).content.decode()
    assert "503" in page and "41 ms" in page and "petition.closed" in page
    assert client.post(url(owner, f"{endpoint.pk}/remove/")).status_code == 302
    assert not Endpoint.objects.exists()
    assert AuditEntry.objects.filter(action="webhook.remove").count() == 1


def test_editors_and_strangers_cannot_manage_webhooks(owner):
    editor = make_member(Role.EDITOR, organization=owner.organization)
    assert client_for(editor.user).get(url(owner)).status_code == 403
    stranger = make_member(Role.OWNER)
    assert client_for(stranger.user).get(url(owner)).status_code == 404
