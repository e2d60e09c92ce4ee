"""Held signatures: the organizer sees how many wait for review; moderators see them by burst
and release or invalidate them in bulk."""

import re

import pytest
from django.utils import timezone

from awaz.audit.models import AuditEntry
from awaz.jobs.worker import Worker
from awaz.organizations.models import Role
from awaz.signatures.counting import live_count
from awaz.signatures.models import Signature
from tests.factories import make_petition, make_signatures
from tests.organizers import client_for, make_member, make_user
from tests.staff import staff_client

pytestmark = pytest.mark.django_db
NETWORK = "ab" * 32


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def held(petition, count, *, network=NETWORK, reason="burst", confirmed=True):
    rows = make_signatures(petition, count, status="suspect")
    Signature.objects.filter(pk__in=[row.pk for row in rows]).update(
        network_digest=network,
        hold_reason=reason,
        confirmed_at=timezone.now() if confirmed else None,
    )


def test_the_organizer_sees_how_many_signatures_wait_for_review():
    owner = make_member(Role.OWNER)
    petition = make_petition(organization=owner.organization)
    make_signatures(petition, 4)
    held(petition, 3)
    url = f"/en/dashboard/organizations/{owner.organization.slug}/petitions/{petition.slug}/"
    text = text_of(client_for(owner.user).get(url))
    assert "3 signatures waiting for review" in text
    assert "Confirmed 4" in text


def test_moderators_see_held_signatures_by_burst_and_release_one_burst():
    petition = make_petition()
    held(petition, 5)
    held(petition, 2, network="cd" * 32, reason="fast", confirmed=False)
    client = staff_client(make_user(staff_role="moderator"))
    overview = text_of(client.get("/en/dashboard/moderation/held/"))
    assert f"{petition.slug} 7 5" in overview
    page = client.get(f"/en/dashboard/moderation/held/{petition.pk}/")
    text = text_of(page)
    assert "more signatures from one network than the burst limit 5 5" in text
    assert "form sent seconds after the page was served 2 0" in text
    hour = re.search(r'name="hour" value="([^"]+)"', page.content.decode())
    assert hour is not None
    response = client.post(
        f"/en/dashboard/moderation/held/{petition.pk}/act/",
        {
            "action": "release",
            "network_digest": NETWORK,
            "hour": hour.group(1),
            "hold_reason": "burst",
        },
        follow=True,
    )
    assert "Queued: 5 held signatures will be released" in text_of(response)
    Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)
    assert live_count(petition.pk) == 5
    assert Signature.objects.held().count() == 2
    assert AuditEntry.objects.filter(action="signatures.released").count() == 1


def test_moderators_invalidate_every_held_signature_of_a_petition():
    petition = make_petition()
    make_signatures(petition, 2)
    held(petition, 4)
    client = staff_client(make_user(staff_role="moderator"))
    client.post(f"/en/dashboard/moderation/held/{petition.pk}/act/", {"action": "invalidate"})
    Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)
    assert Signature.objects.held().count() == 0
    assert Signature.objects.filter(status="invalidated").count() == 4
    assert live_count(petition.pk) == 2  # the counted ones were not touched
