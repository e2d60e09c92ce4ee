import pytest

from awaz.audit.models import AuditEntry
from awaz.petitions import lifecycle
from awaz.petitions.models import Petition
from tests.factories import make_petition
from tests.organizers import make_user
from tests.staff import staff_client

pytestmark = pytest.mark.django_db


def test_staff_approve_a_submitted_petition_from_the_admin():
    staff = make_user(is_staff=True, is_superuser=True, staff_role="admin")
    pending = make_petition(status=Petition.Status.PENDING)
    draft = make_petition(status=Petition.Status.DRAFT)
    response = staff_client(staff).post(
        "/admin/petitions/petition/",
        {"action": "approve", "_selected_action": [pending.pk, draft.pk]},
        follow=True,
    )
    assert response.status_code == 200
    pending.refresh_from_db()
    draft.refresh_from_db()
    assert pending.status == Petition.Status.OPEN
    assert pending.published_at is not None
    assert draft.status == Petition.Status.DRAFT  # only a submitted petition can be approved
    assert "cannot be changed this way" in response.content.decode()
    (entry,) = AuditEntry.objects.filter(action="petition.approve")
    assert (entry.actor, entry.target) == (staff, f"petitions.petition:{pending.pk}")


def test_staff_undo_a_victory_from_the_admin():
    staff = make_user(is_staff=True, is_superuser=True, staff_role="admin")
    won = make_petition()
    lifecycle.petition_declare_victory(petition=won, by=staff, statement="Released.")
    staff_client(staff).post(
        "/admin/petitions/petition/", {"action": "reopen", "_selected_action": [won.pk]}
    )
    won.refresh_from_db()
    assert (won.status, won.victory_statement) == (Petition.Status.OPEN, "")
