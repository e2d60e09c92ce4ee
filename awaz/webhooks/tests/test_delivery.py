"""Webhooks against a real HTTPS receiver started by the test (self-signed, on 127.0.0.1)."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from awaz.audit.models import AuditEntry
from awaz.jobs.worker import Worker
from awaz.organizations.models import Role
from awaz.petitions import lifecycle
from awaz.signatures.counting import signature_counts_fold
from awaz.signatures.paper import paper_batch_record
from awaz.webhooks import signing
from awaz.webhooks.models import Attempt, Delivery, Endpoint, Event
from awaz.webhooks.services import endpoint_register
from awaz.webhooks.tests.receiver import https_receiver
from tests.factories import make_petition
from tests.organizers import make_member, make_user

pytestmark = pytest.mark.django_db
DOCS = Path(__file__).resolve().parents[3] / "docs" / "webhooks.md"


def docs_snippet():
    """The receiver's check exactly as docs/webhooks.md shows it."""
    code = re.search(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert code is not None
    namespace: dict[str, object] = {}
    exec(code.group(1), namespace)  # noqa: S102 # our own documentation
    return namespace["awaz_message_is_genuine"]


def run_queue() -> int:
    return Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)


def retries_due() -> None:
    """The backoff has passed (instead of sleeping through it)."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


@pytest.fixture
def receiver(tmp_path, settings):
    with https_receiver(tmp_path) as receiver:
        settings.AWAZ_WEBHOOK_TEST_NETWORKS = ["127.0.0.0/8"]
        settings.AWAZ_WEBHOOK_CA_FILE = receiver.cafile
        yield receiver


@pytest.fixture
def owner():
    return make_member(Role.OWNER, email="owner@example.org")


def register(owner, receiver, events=tuple(Event.values)):
    return endpoint_register(
        organization=owner.organization, by=owner.user, url=receiver.url, events=list(events)
    )


def close(petition):
    lifecycle.petition_close(petition=petition, by=make_user(staff_role="moderator"))


def test_an_event_arrives_signed_and_the_documented_check_accepts_it(owner, receiver):
    endpoint, secret = register(owner, receiver)
    petition = make_petition(organization=owner.organization, slug="free-ilham-tohti")
    close(petition)
    run_queue()
    [message] = receiver.received
    assert message.path == "/hooks/awaz"
    assert message.headers["Awaz-Event"] == "petition.closed"
    body = json.loads(message.body)
    assert body["event"] == "petition.closed"
    assert body["petition"]["slug"] == "free-ilham-tohti"
    assert body["petition"]["status"] == "closed"
    assert set(body) == {"id", "event", "created", "petition"}  # no signer anywhere
    header = message.headers[signing.HEADER]
    genuine = docs_snippet()
    assert genuine(secret, header, message.body)
    assert not genuine("whsec_wrong", header, message.body)
    assert not genuine(secret, header, message.body.replace(b"closed", b"victory"))
    timestamp = int(header.split(",")[0].removeprefix("t="))
    assert signing.verify(secret=secret, header=header, body=message.body, now=timestamp + 300)
    assert not signing.verify(secret=secret, header=header, body=message.body, now=timestamp + 301)
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED
    assert Endpoint.objects.get(pk=endpoint.pk).secret == secret  # kept, encrypted at rest


def test_a_500_is_retried_and_the_log_shows_both_attempts(owner, receiver):
    receiver.answers = [500]
    register(owner, receiver)
    close(make_petition(organization=owner.organization))
    run_queue()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, len(receiver.received)) == ("pending", 1, 1)
    run_queue()
    assert len(receiver.received) == 1  # the backoff has not passed yet
    retries_due()
    run_queue()
    assert len(receiver.received) == 2
    assert (
        receiver.received[0].headers["Awaz-Delivery"]
        == receiver.received[1].headers["Awaz-Delivery"]
    )
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED
    assert list(Attempt.objects.order_by("at").values_list("status_code", flat=True)) == [500, 200]


def test_an_endpoint_that_keeps_failing_is_switched_off_and_its_owners_told(
    owner, receiver, settings, mailoutbox
):
    settings.AWAZ_WEBHOOK_FAILURES = 3
    settings.AWAZ_WEBHOOK_FAILING_SECONDS = 0
    receiver.otherwise = 500
    endpoint, _ = register(owner, receiver)
    petition = make_petition(organization=owner.organization)
    close(petition)
    for _attempt in range(5):
        run_queue()
        retries_due()
    assert len(receiver.received) == 3
    endpoint.refresh_from_db()
    assert endpoint.disabled_at is not None
    entry = AuditEntry.objects.get(action="webhook.disable")
    assert entry.actor is None and entry.details["failures"] == 3
    assert Delivery.objects.get().status == Delivery.Status.FAILED
    [email] = mailoutbox
    assert email.to == ["owner@example.org"] and "switched off" in email.subject
    assert receiver.url in email.body
    # Switched off: the next events are not even queued.
    lifecycle.petition_reopen(petition=petition, by=make_user(staff_role="moderator"))
    close(petition)
    assert Delivery.objects.count() == 1


def test_a_redirect_is_not_followed(owner, receiver):
    receiver.answers = [302]
    register(owner, receiver)
    close(make_petition(organization=owner.organization))
    run_queue()
    assert [message.path for message in receiver.received] == ["/hooks/awaz"]
    assert Attempt.objects.get().status_code == 302
    assert Delivery.objects.get().status == Delivery.Status.PENDING  # a failure, to retry


def test_the_address_is_checked_again_at_delivery_time(owner, receiver, settings):
    register(owner, receiver)
    settings.AWAZ_WEBHOOK_TEST_NETWORKS = []  # now it counts as what it is: loopback
    close(make_petition(organization=owner.organization))
    run_queue()
    assert receiver.received == []
    assert "public addresses" in Attempt.objects.get().error


def test_confirmations_are_coalesced_into_one_delivery_with_the_current_count(owner, receiver):
    register(owner, receiver, events=[Event.SIGNATURE_CONFIRMED])
    petition = make_petition(organization=owner.organization, first_goal=10_000)
    for _fold in range(3):
        paper_batch_record(petition=petition, by=owner.user, count=5)
        signature_counts_fold(petition_id=petition.pk)
    assert Delivery.objects.count() == 1
    run_queue()
    [message] = receiver.received
    assert json.loads(message.body)["petition"]["total_signatures"] == 15
    # The next one waits for the interval (AWAZ_WEBHOOK_COUNT_INTERVAL) after the last.
    paper_batch_record(petition=petition, by=owner.user, count=5)
    signature_counts_fold(petition_id=petition.pk)
    assert Delivery.objects.count() == 2
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.run_after >= Delivery.objects.earliest("created_at").created_at + (
        datetime.timedelta(seconds=59)
    )
    assert run_queue() == 0


def test_a_goal_reached_is_delivered_with_the_goal(owner, receiver):
    register(owner, receiver, events=[Event.GOAL_REACHED])
    petition = make_petition(organization=owner.organization, first_goal=100)
    paper_batch_record(petition=petition, by=owner.user, count=120)
    signature_counts_fold(petition_id=petition.pk)
    run_queue()
    [message] = receiver.received
    body = json.loads(message.body)
    assert (body["event"], body["goal"], body["petition"]["total_signatures"]) == (
        "petition.goal_reached",
        100,
        120,
    )


def test_another_organizations_petition_sends_nothing(owner, receiver):
    register(owner, receiver)
    close(make_petition())
    run_queue()
    assert receiver.received == []
