"""Nothing personal outlives the retention period; the counts do."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from awaz.core import crypto
from awaz.petitions.housekeeping import petitions_close_expired
from awaz.petitions.models import Petition
from awaz.signatures.access import signatures_of
from awaz.signatures.counting import signature_count_recount
from awaz.signatures.identity import email_digest
from awaz.signatures.models import Signature
from awaz.signatures.retention import purge_past_retention
from tests.factories import make_petition, make_signatures

pytestmark = pytest.mark.django_db

PERSONAL = ["name", "comment", "email_encrypted", "email_domain", "network_digest"]


def ended(days_ago, *, status=Petition.Status.CLOSED):
    petition = make_petition()
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
    Petition.objects.filter(pk=petition.pk).update(
        status=status,
        ended_at=timezone.now() - datetime.timedelta(days=days_ago),
        victory_statement="He is free." if status == Petition.Status.VICTORY else "",
    )
    return petition


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


def test_petitions_close_on_their_closing_date():
    petition = make_petition()
    closes = timezone.now() - datetime.timedelta(minutes=5)
    Petition.objects.filter(pk=petition.pk).update(closes_at=closes)
    still_open = make_petition()
    assert petitions_close_expired() == 1
    petition.refresh_from_db()
    assert petition.status == "closed" and petition.ended_at == closes
    still_open.refresh_from_db()
    assert still_open.status == "open"
