"""No real voice lost behind one shared network, and no mail cannon from one client."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from awaz.moderation.invalidations import Criteria, invalidation_run
from awaz.moderation.models import InvalidationAction
from awaz.moderation.services import invalidation_request
from awaz.signatures.counting import live_count
from awaz.signatures.models import Signature
from tests.factories import make_petition
from tests.organizers import make_user
from tests.security.one_network import community_signs, deliver, flood_from_one_client, post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick_puzzles(settings):
    settings.AWAZ_CHALLENGE_MAX_NUMBER = 1000
    cache.clear()


def test_a_community_behind_one_network_loses_no_voice():
    """40 people behind one NAT within seconds: the limits (1 a minute, 5 in five minutes) ask
    for the puzzle; those who solve it count, the others are held, none is dropped; released
    by a moderator, every one who confirmed counts, once."""
    petition = make_petition()
    figures = community_signs(petition, 40)
    assert figures.mailed == figures.confirmed == 40
    assert figures.dropped == 0
    assert figures.held == 20 and figures.counted == 20  # no-JavaScript half held, not lost
    invalidation = invalidation_request(
        criteria=Criteria(petition_id=petition.pk, status="suspect"),
        by=make_user(staff_role="moderator"),
        action=InvalidationAction.RELEASE,
    )
    assert invalidation_run(invalidation_id=invalidation.pk) == 20
    assert live_count(petition.pk) == 40 == Signature.objects.counted().count()


def test_a_flood_from_one_network_mails_at_most_the_cap_and_stores_a_bounded_number(settings):
    settings.AWAZ_MAIL_PER_NETWORK_PER_HOUR = 30
    settings.AWAZ_SIGN_STORED_PER_NETWORK_PER_HOUR = 60
    petition = make_petition()
    figures = flood_from_one_client(petition, 100)
    assert figures.answered_303 == 100  # the same answer whatever happened
    assert figures.enqueued == figures.mailed == 30
    assert figures.stored == 60
    # The same client comes back with the first addresses: still nothing more is mailed.
    assert flood_from_one_client(petition, 10).mailed == 0


def test_a_signer_whose_network_was_over_the_mail_cap_gets_mail_when_signing_again(
    settings, time_machine
):
    settings.AWAZ_MAIL_PER_NETWORK_PER_HOUR = 1
    settings.AWAZ_SIGN_BURST_LIMIT = 100
    settings.AWAZ_SIGN_SUSTAINED_LIMIT = 100
    petition = make_petition()
    client = Client()
    assert post(client, petition, "first@example.org", "203.0.113.5") == 303
    assert post(client, petition, "late@example.org", "203.0.113.6") == 303
    assert deliver() == 1
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=3700)
    time_machine.move_to(later)  # an hour later, the same person tries again
    assert post(client, petition, "late@example.org", "203.0.113.6") == 303
    assert deliver() == 1
    assert mail.outbox[-1].to == ["late@example.org"]


def test_the_domain_cap_stops_mail_to_one_domain_but_not_to_a_large_provider(settings):
    settings.AWAZ_MAIL_PER_DOMAIN_PER_HOUR = 5
    petition = make_petition()
    client = Client()
    for number in range(12):  # from twelve networks: the network cap does not apply
        address = f"192.0.{number}.9"
        post(client, petition, f"v{number}@victim.example", address)
        post(client, petition, f"g{number}@gmail.com", f"198.18.{number}.9")
    recipients = [message.to[0] for message in mail.outbox] if deliver() else []
    assert sum(r.endswith("@victim.example") for r in recipients) == 5
    assert sum(r.endswith("@gmail.com") for r in recipients) == 12
