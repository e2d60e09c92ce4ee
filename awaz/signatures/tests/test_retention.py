"""Nothing personal outlives the retention period; the counts do."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from awaz.audit.models import AuditEntry
from awaz.moderation.reports import report_create, report_resolve
from awaz.petitions import lifecycle
from awaz.petitions.housekeeping import petitions_close_expired
from awaz.petitions.models import Petition
from awaz.privacy import crypto
from awaz.signatures.access import signatures_of
from awaz.signatures.counting import signature_count_recount
from awaz.signatures.identity import email_digest
from awaz.signatures.models import Signature
from awaz.signatures.retention import purge_past_retention
from tests.factories import make_petition, make_signatures, petition_move_to
from tests.organizers import make_user

pytestmark = pytest.mark.django_db

PERSONAL = ["name", "comment", "email_encrypted", "email_domain", "network_digest"]


def with_signers(petition):
    """Three confirmed signers with everything personal a signature can hold."""
    make_signatures(petition, 3)
    first = Signature.objects.filter(petition=petition).order_by("pk")[:1].get()
    Signature.objects.filter(pk=first.pk).update(
        email_digest=email_digest(f"{petition.slug}@example.org")
    )
    Signature.objects.filter(petition=petition).update(
        email_encrypted=crypto.encrypt("someone@example.org"),
        email_domain="example.org",
        network_digest="n" * 64,
        wants_updates=True,
        contact_consent=True,
    )
    return petition


def ended(days_ago, *, status=Petition.Status.CLOSED):
    """A petition with signers that its lifecycle ended `days_ago` days ago."""
    petition = with_signers(make_petition())
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago)):
        petition_move_to(petition, status)
    return petition


def personal_data_left(petition):
    return Signature.objects.filter(petition=petition).exclude(name="").count()


def test_personal_data_is_erased_after_the_retention_period(settings):
    settings.AWAZ_RETENTION_DAYS = 90
    old = ended(91)
    recent = ended(10)
    won = ended(120, status=Petition.Status.VICTORY)
    assert purge_past_retention() == 6
    for signature in Signature.objects.filter(petition__in=[old, won]):
        assert [getattr(signature, field) for field in PERSONAL] == [""] * 5
        assert not (signature.is_public or signature.wants_updates or signature.contact_consent)
        assert signature.email_digest.startswith("purged:")
        assert signature.country == "KZ" and signature.status == "confirmed"
    assert Signature.objects.filter(petition=recent, name="").count() == 0
    assert purge_past_retention() == 0  # nothing left to do


def test_after_the_purge_the_database_holds_nothing_personal_at_all(settings):
    settings.AWAZ_RETENTION_DAYS = 1
    petition = ended(2)
    names = list(Signature.objects.filter(petition=petition).values_list("name", flat=True))
    purge_past_retention()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM signatures_signature WHERE petition_id = %s", [petition.pk])
        dump = repr(cursor.fetchall())
    for value in [*names, "example.org", "n" * 64, email_digest(f"{petition.slug}@example.org")]:
        assert value not in dump
    assert signatures_of(email_digest(f"{petition.slug}@example.org")) == []


def test_the_counts_survive_the_purge(settings):
    settings.AWAZ_RETENTION_DAYS = 1
    petition = ended(2)
    purge_past_retention()
    assert signature_count_recount(petition_id=petition.pk).drift == 0
    petition.refresh_from_db()
    assert petition.signature_count == 3


def test_an_open_petition_is_never_purged(settings):
    settings.AWAZ_RETENTION_DAYS = 1
    petition = make_petition()
    make_signatures(petition, 2)
    assert purge_past_retention() == 0


def test_petitions_close_on_their_closing_date_and_the_closing_is_audited():
    closes = timezone.now() + datetime.timedelta(days=1)
    petition = make_petition(closes_at=closes)
    still_open = make_petition()
    with time_machine.travel(closes + datetime.timedelta(minutes=5)):
        assert petitions_close_expired() == 1
    petition.refresh_from_db()
    assert petition.status == "closed" and petition.ended_at == closes
    still_open.refresh_from_db()
    assert still_open.status == "open"
    (entry,) = AuditEntry.objects.filter(action="petition.close")
    assert (entry.actor, entry.target) == (None, f"petitions.petition:{petition.pk}")


@pytest.mark.parametrize(
    "status",
    [
        Petition.Status.CLOSED,
        Petition.Status.VICTORY,
        Petition.Status.REJECTED,
        Petition.Status.REMOVED,
    ],
)
def test_every_ended_state_starts_the_retention_clock(settings, status):
    settings.AWAZ_RETENTION_DAYS = 30
    petition = with_signers(
        make_petition(status=Petition.Status.PENDING if status == "rejected" else "open")
    )
    petition_move_to(petition, status)
    petition.refresh_from_db()
    assert petition.ended_at is not None
    with time_machine.travel(petition.ended_at + datetime.timedelta(days=29)):
        assert purge_past_retention() == 0
    with time_machine.travel(petition.ended_at + datetime.timedelta(days=31)):
        assert purge_past_retention() == 3
    assert personal_data_left(petition) == 0


def test_a_petition_moderators_take_down_loses_its_signers_data_on_time(settings):
    """Issue 11: removal never set `ended_at`, so a removed petition's signers were kept forever."""
    settings.AWAZ_RETENTION_DAYS = 90
    moderator = make_user(staff_role="moderator")
    petition = with_signers(make_petition())
    taken_down = timezone.now()
    with time_machine.travel(taken_down, tick=False):
        report = report_create(petition=petition, reason="offensive", text="Hate.")
        report_resolve(report=report, by=moderator, action="remove")
    petition.refresh_from_db()
    assert (petition.status, petition.ended_at) == (Petition.Status.REMOVED, taken_down)
    with time_machine.travel(taken_down + datetime.timedelta(days=89)):
        assert purge_past_retention() == 0
    assert personal_data_left(petition) == 3
    with time_machine.travel(taken_down + datetime.timedelta(days=90, seconds=1)):
        assert purge_past_retention() == 3
    assert personal_data_left(petition) == 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM signatures_signature WHERE petition_id = %s", [petition.pk])
        dump = repr(cursor.fetchall())
    assert "example.org" not in dump and "n" * 64 not in dump


def test_reopening_stops_the_clock_and_a_new_end_restarts_it(settings):
    settings.AWAZ_RETENTION_DAYS = 30
    organizer = make_user()
    petition = ended(40)
    lifecycle.petition_reopen(petition=petition, by=organizer)
    assert petition.ended_at is None
    assert purge_past_retention() == 0
    closed = lifecycle.petition_close(petition=petition, by=organizer)
    assert purge_past_retention() == 0
    assert closed.ended_at is not None
    with time_machine.travel(closed.ended_at + datetime.timedelta(days=31)):
        assert purge_past_retention() == 3
