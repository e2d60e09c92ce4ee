import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from awaz.petitions import lifecycle
from awaz.petitions.models import Petition
from awaz.petitions.services import petition_text_save
from tests.factories import make_petition
from tests.organizers import make_user

pytestmark = pytest.mark.django_db

Status = Petition.Status


@pytest.fixture
def organizer():
    return make_user()


@pytest.fixture
def staff():
    return make_user(is_staff=True, staff_role="moderator")


def test_a_draft_goes_to_review_then_staff_publish_it(organizer, staff):
    petition = make_petition(status=Status.DRAFT)
    lifecycle.petition_submit(petition=petition, by=organizer)
    assert petition.status == Status.PENDING
    with pytest.raises(PermissionDenied):
        lifecycle.petition_approve(petition=petition, by=organizer)
    lifecycle.petition_approve(petition=petition, by=staff)
    assert petition.status == Status.OPEN
    assert petition.published_at is not None


def test_a_submitted_petition_can_be_taken_back_to_draft(organizer):
    petition = make_petition(status=Status.PENDING)
    lifecycle.petition_withdraw(petition=petition, by=organizer)
    assert petition.status == Status.DRAFT


def test_a_draft_with_missing_or_unreviewed_versions_cannot_be_submitted(organizer):
    petition = make_petition(status=Status.DRAFT, languages=("ug",))
    petition.offered_languages = ["en"]
    petition.save()
    petition_text_save(
        petition=petition,
        language="ug-latn",
        title="T",
        target="T",
        body="B",
        origin="converted",
        converted_from="ug",
    )
    with pytest.raises(ValidationError) as error:
        lifecycle.petition_submit(petition=petition, by=organizer)
    assert "English" in str(error.value)
    assert "Uyghurche (Latin)" in str(error.value)
    assert Petition.objects.get(pk=petition.pk).status == Status.DRAFT


def test_closing_stops_signatures_and_reopening_resumes_them(organizer):
    petition = make_petition()
    lifecycle.petition_close(petition=petition, by=organizer)
    assert (petition.status, petition.is_signable) == (Status.CLOSED, False)
    assert petition.ended_at is not None
    lifecycle.petition_reopen(petition=petition, by=organizer)
    assert petition.status == Status.OPEN
    assert petition.ended_at is None


def test_a_petition_whose_closing_date_passed_reopens_only_with_a_new_date(organizer):
    petition = make_petition(closes_at=timezone.now() + datetime.timedelta(days=1))
    lifecycle.petition_close(petition=petition, by=organizer)
    later = timezone.now() + datetime.timedelta(days=2)
    with (
        time_machine.travel(later),
        pytest.raises(ValidationError, match="closing date has passed"),
    ):
        lifecycle.petition_reopen(petition=petition, by=organizer)
    assert Petition.objects.get(pk=petition.pk).status == Status.CLOSED


def test_victory_needs_a_statement_and_only_staff_undo_it(organizer, staff):
    petition = make_petition()
    with pytest.raises(ValidationError, match="what was won"):
        lifecycle.petition_declare_victory(petition=petition, by=organizer, statement="  ")
    lifecycle.petition_declare_victory(
        petition=petition, by=organizer, statement="Serikzhan Bilash is free."
    )
    assert (petition.status, petition.victory_statement) == (
        Status.VICTORY,
        "Serikzhan Bilash is free.",
    )
    with pytest.raises(ValidationError):
        lifecycle.petition_reopen(petition=petition, by=organizer)
    assert lifecycle.moves_allowed(petition) == []
    assert "reopen" in lifecycle.moves_allowed(petition, staff=True)
    lifecycle.petition_reopen(petition=petition, by=staff)
    assert (petition.status, petition.victory_statement) == (Status.OPEN, "")


@pytest.mark.parametrize("status", [Status.REJECTED, Status.REMOVED])
def test_a_rejected_or_removed_petition_cannot_be_revived_by_its_organizer(organizer, status):
    petition = make_petition(status=status)
    assert lifecycle.moves_allowed(petition) == []
    for move in (lifecycle.petition_reopen, lifecycle.petition_submit, lifecycle.petition_close):
        with pytest.raises(ValidationError):
            move(petition=petition, by=organizer)
    assert Petition.objects.get(pk=petition.pk).status == status


def test_staff_reject_and_remove(staff):
    pending = make_petition(status=Status.PENDING)
    lifecycle.petition_reject(petition=pending, by=staff)
    assert pending.status == Status.REJECTED
    open_one = make_petition()
    lifecycle.petition_remove(petition=open_one, by=staff)
    assert open_one.status == Status.REMOVED


def test_the_database_refuses_a_victory_without_a_statement():
    petition = make_petition()
    with pytest.raises(IntegrityError), transaction.atomic():
        Petition.objects.filter(pk=petition.pk).update(status=Status.VICTORY)


def test_a_move_from_a_stale_copy_is_judged_on_the_current_state(organizer):
    petition = make_petition()
    stale = Petition.objects.get(pk=petition.pk)
    lifecycle.petition_close(petition=petition, by=organizer)
    with pytest.raises(ValidationError):
        lifecycle.petition_close(petition=stale, by=organizer)
