import pytest

from awaz.audit.models import AuditEntry
from awaz.petitions import lifecycle
from awaz.petitions.models import Petition
from tests.factories import make_petition
from tests.organizers import make_user
from tests.staff import staff_client

pytestmark = pytest.mark.django_db


def test_the_admin_cannot_change_a_petitions_state_and_sends_decisions_to_the_queue():
    staff = make_user(is_staff=True, is_superuser=True, staff_role="admin")
    pending = make_petition(status=Petition.Status.PENDING)
    client = staff_client(staff)
    page = client.get(f"/admin/petitions/petition/{pending.pk}/change/").content.decode()
    assert 'name="status"' not in page  # shown, never edited
    assert f"/dashboard/moderation/petitions/{pending.pk}/" in page
    listing = client.get("/admin/petitions/petition/").content.decode()
    assert 'value="approve"' not in listing and 'value="reject"' not in listing
    response = client.post(
        "/admin/petitions/petition/",
        {"action": "approve", "_selected_action": [pending.pk]},
        follow=True,
    )
    assert response.status_code == 200
    pending.refresh_from_db()
    assert pending.status == Petition.Status.PENDING
    assert not AuditEntry.objects.filter(action="petition.approve").exists()


def test_staff_take_a_petition_down_from_the_admin_and_the_move_is_audited():
    staff = make_user(is_staff=True, is_superuser=True, staff_role="admin")
    petition = make_petition()
    draft = make_petition(status=Petition.Status.DRAFT)
    response = staff_client(staff).post(
        "/admin/petitions/petition/",
        {"action": "remove", "_selected_action": [petition.pk, draft.pk]},
        follow=True,
    )
    petition.refresh_from_db()
    draft.refresh_from_db()
    assert (petition.status, draft.status) == (Petition.Status.REMOVED, Petition.Status.DRAFT)
    assert petition.ended_at is not None
    assert "cannot be changed this way" in response.content.decode()
    (entry,) = AuditEntry.objects.filter(action="petition.remove")
    assert (entry.actor, entry.target) == (staff, f"petitions.petition:{petition.pk}")
    assert entry.details == {"from": "open", "to": "removed", "via": "admin"}


def test_staff_undo_a_victory_from_the_admin():
    staff = make_user(is_staff=True, is_superuser=True, staff_role="admin")
    won = make_petition()
    lifecycle.petition_declare_victory(petition=won, by=staff, statement="Released.")
    staff_client(staff).post(
        "/admin/petitions/petition/", {"action": "reopen", "_selected_action": [won.pk]}
    )
    won.refresh_from_db()
    assert (won.status, won.victory_statement) == (Petition.Status.OPEN, "")
