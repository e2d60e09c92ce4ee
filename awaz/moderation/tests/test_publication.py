import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from awaz.accounts.models import User
from awaz.accounts.services import user_language_set
from awaz.audit.models import AuditEntry
from awaz.moderation.publication import petition_decide
from awaz.organizations.models import Role
from awaz.petitions.models import Petition
from tests.factories import make_organization, make_petition
from tests.mailqueue import deliver_queued_mail
from tests.organizers import make_member, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return make_user(staff_role="moderator")


@pytest.fixture
def pending():
    organization = make_organization()
    make_member(Role.OWNER, organization=organization, email="owner@example.org")
    make_member(Role.VIEWER, organization=organization, email="viewer@example.org")
    return make_petition(
        organization=organization, status=Petition.Status.PENDING, languages=("ug",), title="Azad"
    )


def test_approving_publishes_audits_and_tells_the_owners_in_their_language(
    moderator, pending, django_capture_on_commit_callbacks
):
    # The owner's own language decides, not the petition's.
    user_language_set(user=User.objects.get(email="owner@example.org"), language="ug")
    with django_capture_on_commit_callbacks(execute=True):
        assert petition_decide(petition=pending, by=moderator, decision="approve")
    pending.refresh_from_db()
    assert pending.status == Petition.Status.OPEN and pending.published_at is not None
    (entry,) = AuditEntry.objects.filter(action="petition.approve")
    assert entry.actor == moderator and entry.target == f"petitions.petition:{pending.pk}"
    deliver_queued_mail()
    (message,) = mail.outbox
    assert message.to == ["owner@example.org"]
    assert "Azad [ug]" in message.subject
    assert f"/ug/dashboard/organizations/{pending.organization.slug}/" in message.body


def test_rejecting_needs_a_reason_and_other_needs_words(moderator, pending):
    with pytest.raises(ValidationError):
        petition_decide(petition=pending, by=moderator, decision="reject")
    with pytest.raises(ValidationError):
        petition_decide(petition=pending, by=moderator, decision="reject", reason="other")
    pending.refresh_from_db()
    assert pending.status == Petition.Status.PENDING
    assert not AuditEntry.objects.exists()


def test_rejecting_records_the_reason_and_e_mails_it(
    moderator, pending, django_capture_on_commit_callbacks
):
    Petition.objects.filter(pk=pending.pk).update(original_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        assert petition_decide(
            petition=pending, by=moderator, decision="reject", reason="other", text="Too vague."
        )
    pending.refresh_from_db()
    assert pending.status == Petition.Status.REJECTED
    (entry,) = AuditEntry.objects.filter(action="petition.reject")
    assert entry.details == {
        "from": "pending",
        "to": "rejected",
        "reason": "other",
        "text": "Too vague.",
    }
    deliver_queued_mail()
    (message,) = mail.outbox
    assert "Your petition was not published" in message.subject
    assert "Too vague." in message.body and "Another reason" in message.body


def test_a_second_decision_changes_nothing(moderator, pending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert petition_decide(petition=pending, by=moderator, decision="approve")
        assert not petition_decide(petition=pending, by=moderator, decision="approve")
        assert not petition_decide(
            petition=pending, by=moderator, decision="reject", reason="duplicate"
        )
    pending.refresh_from_db()
    assert pending.status == Petition.Status.OPEN
    assert AuditEntry.objects.count() == 1
    deliver_queued_mail()
    assert len(mail.outbox) == 1


def test_an_organizer_cannot_decide(pending):
    owner = pending.organization.memberships.get(role=Role.OWNER).user
    with pytest.raises(PermissionDenied):
        petition_decide(petition=pending, by=owner, decision="approve")
