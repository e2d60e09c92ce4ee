import pytest
from django.db import DatabaseError, connection, transaction

from awaz.audit.models import AppendOnlyError, AuditEntry
from awaz.audit.services import audit_record
from tests.factories import make_petition

pytestmark = pytest.mark.django_db


def test_an_entry_records_who_what_and_about_what():
    petition = make_petition()
    entry = audit_record(actor=None, action="export.csv", target=petition, details={"rows": 3})
    assert entry.target == f"petitions.petition:{petition.pk}"
    assert AuditEntry.objects.get().details == {"rows": 3}


def test_an_entry_cannot_be_changed_or_deleted_through_the_code():
    entry = audit_record(actor=None, action="export.csv")
    entry.action = "nothing happened"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().action == "export.csv"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_itself_refuses_to_rewrite_the_log():
    entry = audit_record(actor=None, action="export.csv")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = 'x' WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
