"""Migration 0004: entries written before they knew their organization learn it."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from awaz.audit.models import AuditEntry
from awaz.organizations.models import Role
from tests.factories import make_petition
from tests.organizers import make_member

pytestmark = pytest.mark.django_db

backfill = importlib.import_module("awaz.audit.migrations.0004_entries_know_their_organization")


class _Editor:
    """What the migration uses of a schema editor: the connection, and executing SQL."""

    connection = connection

    def execute(self, sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)


def _old_entry(target: str, details: dict[str, object] | None = None) -> AuditEntry:
    # As 0003 left them: no organization.
    return AuditEntry.objects.create(action="test.old", target=target, details=details or {})


def test_old_entries_learn_their_organization_and_nothing_else_changes():
    owner = make_member(Role.OWNER)
    petition = make_petition(organization=owner.organization)
    about_petition = _old_entry(f"petitions.petition:{petition.pk}")
    about_member = _old_entry(f"organizations.membership:{owner.pk}")
    named = _old_entry("organizations.invitation:999999", {"organization": owner.organization_id})
    gone = _old_entry("petitions.petition:999999")
    person = _old_entry(f"accounts.user:{owner.user_id}")
    backfill.backfill(apps, _Editor())
    by_pk = AuditEntry.objects.in_bulk()
    for entry in (about_petition, about_member, named):
        assert by_pk[entry.pk].organization_pk == owner.organization_id
        assert (by_pk[entry.pk].target, by_pk[entry.pk].at) == (entry.target, entry.at)
    assert by_pk[gone.pk].organization_pk is None
    assert by_pk[person.pk].organization_pk is None
    # The log is append-only again afterwards (on PostgreSQL the trigger is back).
    with pytest.raises(Exception):  # noqa: B017 - AppendOnlyError, or the trigger's
        AuditEntry.objects.filter(pk=person.pk).update(action="rewritten")
