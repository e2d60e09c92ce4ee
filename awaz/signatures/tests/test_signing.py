import datetime

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from awaz.petitions.models import Milestone, Petition
from awaz.privacy import crypto
from awaz.signatures.counting import (
    live_count,
    signature_count_recount,
    signature_counts_fold,
)
from awaz.signatures.models import CountShard, HoldReason, Signature
from awaz.signatures.services import (
    Confirmation,
    Origin,
    Outcome,
    PetitionNotSignableError,
    Signer,
    signature_confirm,
    signature_invalidate,
    signature_release,
    signature_remove,
    signature_sign,
)
from tests.factories import make_petition

pytestmark = pytest.mark.django_db

AYSHE = Signer(name="Ayshe Tursun", email="ayshe@example.org", country="KZ", comment="For him.")
HOME = Origin(network_digest="n" * 64)


def sign(petition, signer=AYSHE, origin=HOME, language="en"):
    return signature_sign(petition=petition, signer=signer, language=language, origin=origin)


def queued_emails():
    return [
        (row.args_kwargs["kwargs"]["kind"], row.args_kwargs["kwargs"]["signature_id"])
        for row in DBTaskResult.objects.order_by("enqueued_at")
    ]


def test_signing_stores_a_pending_signature_and_queues_its_confirmation():
    petition = make_petition()
    assert sign(petition) is Outcome.NEW
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.name == "Ayshe Tursun" and signature.country == "KZ"
    assert queued_emails() == [("confirm", signature.pk)]
    assert petition.signature_count == 0


def test_the_address_is_stored_only_as_a_digest_and_encrypted():
    sign(make_petition())
    signature = Signature.objects.get()
    assert "ayshe" not in signature.email_digest
    assert "ayshe" not in signature.email_encrypted
    assert crypto.decrypt(signature.email_encrypted) == "ayshe@example.org"
    task = DBTaskResult.objects.get()
    assert "ayshe" not in str(task.args_kwargs)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM signatures_signature")
        assert "ayshe@example.org" not in repr(cursor.fetchall())


def test_a_second_signature_with_the_same_address_is_a_reminder_not_a_row():
    petition = make_petition()
    sign(petition)
    outcome = sign(petition, Signer(name="Someone else", email="AYSHE+2@example.org", country="TR"))
    assert outcome is Outcome.REMINDED
    assert Signature.objects.count() == 1
    assert [kind for kind, _ in queued_emails()] == ["confirm", "confirm"]


def test_a_confirmed_signer_who_signs_again_is_told_they_already_signed():
    petition = make_petition()
    sign(petition)
    signature_confirm(signature_id=Signature.objects.get().pk)
    assert sign(petition) is Outcome.REMINDED
    assert [kind for kind, _ in queued_emails()] == ["confirm", "already_signed"]


def test_one_address_gets_at_most_a_few_emails_about_a_petition(settings):
    settings.AWAZ_MAX_EMAILS_PER_SIGNATURE = 3
    petition = make_petition()
    outcomes = [sign(petition) for _ in range(6)]
    assert outcomes == [Outcome.NEW] + [Outcome.REMINDED] * 2 + [Outcome.CAPPED] * 3
    assert len(queued_emails()) == 3


def test_signing_a_closed_petition_is_refused_and_changes_nothing():
    petition = make_petition(status=Petition.Status.CLOSED)
    with pytest.raises(PetitionNotSignableError):
        sign(petition)
    assert Signature.objects.count() == 0 and DBTaskResult.objects.count() == 0


def test_over_the_burst_limit_signatures_are_held_not_dropped(settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    first = sign(petition, Signer(name="A", email="a@example.org", country="KZ"))
    second = sign(petition, Signer(name="B", email="b@example.org", country="KZ"))
    assert (first, second) == (Outcome.NEW, Outcome.HELD)
    held = Signature.objects.held().get()
    assert (held.status, held.hold_reason) == ("suspect", "burst")
    # The held signer gets the same e-mail as anyone: nothing to learn from, and they confirm.
    assert [kind for kind, _ in queued_emails()] == ["confirm", "confirm"]


def test_a_held_signer_who_confirms_counts_once_released_and_only_once(settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    sign(petition, Signer(name="A", email="a@example.org", country="KZ"))
    sign(petition, Signer(name="B", email="b@example.org", country="KZ"))
    held = Signature.objects.held().get()
    assert signature_confirm(signature_id=held.pk) is Confirmation.CONFIRMED
    assert live_count(petition.pk) == 0  # confirmed, still held: not counted yet
    assert signature_release(signature_id=held.pk) is True
    assert signature_release(signature_id=held.pk) is False
    assert live_count(petition.pk) == 1
    held.refresh_from_db()
    assert (held.status, held.hold_reason) == ("confirmed", "")


def test_a_released_signature_not_yet_confirmed_counts_when_confirmed(settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    sign(petition, Signer(name="A", email="a@example.org", country="KZ"))
    sign(petition, Signer(name="B", email="b@example.org", country="KZ"))
    held = Signature.objects.held().get()
    signature_release(signature_id=held.pk)
    assert Signature.objects.get(pk=held.pk).status == "pending"
    signature_confirm(signature_id=held.pk)
    assert live_count(petition.pk) == 1


def test_an_invalidated_held_signature_never_counts(settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    sign(petition, Signer(name="A", email="a@example.org", country="KZ"))
    sign(petition, Signer(name="B", email="b@example.org", country="KZ"))
    held = Signature.objects.held().get()
    signature_confirm(signature_id=held.pk)
    assert signature_invalidate(signature_id=held.pk) is True
    assert signature_release(signature_id=held.pk) is False
    assert live_count(petition.pk) == 0


def test_the_sustained_limit_counts_a_longer_window(settings, time_machine):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    settings.AWAZ_SIGN_SUSTAINED_LIMIT = 2
    petition = make_petition()
    time_machine.move_to(datetime.datetime(2026, 11, 25, 10, 0, tzinfo=datetime.UTC))
    outcomes = []
    for minute in range(4):
        time_machine.move_to(datetime.datetime(2026, 11, 25, 10, minute, 1, tzinfo=datetime.UTC))
        email = f"s{minute}@example.org"
        outcomes.append(sign(petition, Signer(name="S", email=email, country="KZ")))
    assert outcomes == [Outcome.NEW, Outcome.NEW, Outcome.HELD, Outcome.HELD]
    reasons = Signature.objects.order_by("pk").values_list("hold_reason", flat=True)
    assert list(reasons) == ["", "", "sustained", "sustained"]


def test_an_allowed_network_is_never_rate_limited(settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    exit_node = Origin(network_digest="t" * 64, allowed_network=True)
    outcomes = [
        sign(petition, Signer(name="T", email=f"t{n}@example.org", country="DE"), exit_node)
        for n in range(5)
    ]
    assert outcomes == [Outcome.NEW] * 5


def test_an_automated_looking_form_is_held_for_a_moderator():
    petition = make_petition()
    origin = Origin(network_digest="", hold=HoldReason.HONEYPOT)
    assert sign(petition, origin=origin) is Outcome.HELD
    assert Signature.objects.get().hold_reason == "honeypot"


def test_a_solved_puzzle_lifts_the_network_limits(settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    solved = Origin(network_digest=HOME.network_digest, challenge_solved=True)
    outcomes = [
        sign(petition, Signer(name="S", email=f"s{n}@example.org", country="KZ"), solved)
        for n in range(3)
    ]
    assert outcomes == [Outcome.NEW] * 3


def test_confirming_counts_once_through_the_shards_and_the_fold_publishes_it():
    petition = make_petition()
    sign(petition)
    signature = Signature.objects.get()
    assert signature_confirm(signature_id=signature.pk) is Confirmation.CONFIRMED
    assert signature_confirm(signature_id=signature.pk) is Confirmation.ALREADY
    petition.refresh_from_db()
    assert petition.signature_count == 0 and live_count(petition.pk) == 1
    assert signature_counts_fold(petition_id=petition.pk) == 1
    petition.refresh_from_db()
    assert petition.signature_count == 1 and live_count(petition.pk) == 1


def test_the_live_count_reads_published_and_unfolded_in_one_snapshot(django_assert_num_queries):
    # Two statements let a fold commit between them and count its shards twice (a thank-you
    # page showed 2 for one signer while the worker folded).
    petition = make_petition()
    sign(petition)
    signature_confirm(signature_id=Signature.objects.get().pk)
    with django_assert_num_queries(1):
        assert live_count(petition.pk) == 1


def test_confirming_drops_the_address_unless_updates_were_asked_for():
    petition = make_petition()
    sign(petition)
    sign(
        petition,
        Signer(name="U", email="u@example.org", country="KZ", wants_updates=True),
        Origin(network_digest="m" * 64),
    )
    for signature in Signature.objects.all():
        signature_confirm(signature_id=signature.pk)
    kept = {s.name: bool(s.email_encrypted) for s in Signature.objects.all()}
    assert kept == {"Ayshe Tursun": False, "U": True}


def test_a_held_signature_looks_confirmed_but_is_not_counted_until_released():
    petition = make_petition()
    sign(petition, origin=Origin(network_digest="", hold=HoldReason.FAST))
    signature = Signature.objects.get()
    assert signature_confirm(signature_id=signature.pk) is Confirmation.CONFIRMED
    assert signature_confirm(signature_id=signature.pk) is Confirmation.ALREADY
    assert live_count(petition.pk) == 0
    assert Signature.objects.get().status == Signature.Status.SUSPECT


def test_removing_a_confirmed_signature_deletes_it_and_lowers_the_count():
    petition = make_petition()
    sign(petition)
    signature = Signature.objects.get()
    signature_confirm(signature_id=signature.pk)
    signature_counts_fold(petition_id=petition.pk)
    signature_remove(signature_id=signature.pk)
    assert Signature.objects.count() == 0
    assert live_count(petition.pk) == 0
    signature_counts_fold(petition_id=petition.pk)
    petition.refresh_from_db()
    assert petition.signature_count == 0


def test_removing_a_pending_signature_leaves_the_count_alone():
    petition = make_petition()
    sign(petition)
    signature_remove(signature_id=Signature.objects.get().pk)
    assert live_count(petition.pk) == 0 and not CountShard.objects.exclude(delta=0).exists()


def test_the_fold_records_each_goal_reached(settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1000
    settings.AWAZ_SIGN_SUSTAINED_LIMIT = 1000
    petition = make_petition(first_goal=2)
    for n in range(3):
        sign(petition, Signer(name="S", email=f"s{n}@example.org", country="KZ"))
    for signature in Signature.objects.all():
        signature_confirm(signature_id=signature.pk)
    signature_counts_fold(petition_id=petition.pk)
    assert list(Milestone.objects.values_list("goal", flat=True)) == [2]
    petition.refresh_from_db()
    assert petition.progress.goal == 100


def test_recount_reports_drift_and_repairs_it():
    petition = make_petition()
    sign(petition)
    signature_confirm(signature_id=Signature.objects.get().pk)
    Petition.objects.filter(pk=petition.pk).update(signature_count=41)  # someone edited it
    report = signature_count_recount(petition_id=petition.pk)
    assert (report.published, report.unfolded, report.confirmed_rows) == (41, 1, 1)
    assert report.drift == 41
    repaired = signature_count_recount(petition_id=petition.pk, repair=True)
    assert repaired.drift == 41
    petition.refresh_from_db()
    assert petition.signature_count == 1 and live_count(petition.pk) == 1
    assert signature_count_recount(petition_id=petition.pk).drift == 0
