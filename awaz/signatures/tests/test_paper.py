import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awaz.audit.models import AuditEntry
from awaz.organizations.models import Role
from awaz.petitions.models import Milestone, Petition
from awaz.signatures.counting import live_count, signature_count_recount, signature_counts_fold
from awaz.signatures.models import CountShard, PaperBatch
from awaz.signatures.paper import paper_batch_record, paper_batch_undo
from awaz.signatures.selectors import paper_count
from tests.factories import make_petition, make_signatures
from tests.organizers import make_member

pytestmark = pytest.mark.django_db


def _world(**fields):
    member = make_member(Role.EDITOR)
    return member.user, make_petition(organization=member.organization, **fields)


def test_a_batch_joins_the_public_count_and_keeps_the_invariant():
    by, petition = _world(first_goal=100)
    make_signatures(petition, 3)
    batch = paper_batch_record(petition=petition, by=by, count=350, note="  Rally, 12 May  ")
    assert batch.note == "Rally, 12 May"
    assert live_count(petition.pk) == 353
    assert signature_counts_fold(petition_id=petition.pk) == 353
    assert Petition.objects.get(pk=petition.pk).signature_count == 353
    assert paper_count(petition.pk) == 350
    recount = signature_count_recount(petition_id=petition.pk)
    assert (recount.confirmed_rows, recount.paper, recount.drift) == (3, 350, 0)
    # Paper signatures reach goals like any others.
    assert set(Milestone.objects.filter(petition=petition).values_list("goal", flat=True)) == {100}
    entry = AuditEntry.objects.get(action="signatures.paper")
    assert entry.details == {"petition": petition.pk, "count": 350, "note": "Rally, 12 May"}


def test_undoing_a_batch_takes_it_out_of_the_count_once():
    by, petition = _world()
    make_signatures(petition, 2)
    batch = paper_batch_record(petition=petition, by=by, count=25)
    paper_batch_undo(batch=batch, by=by)
    assert live_count(petition.pk) == 2
    assert paper_count(petition.pk) == 0
    with pytest.raises(ValidationError, match="undone already"):
        paper_batch_undo(batch=batch, by=by)
    assert live_count(petition.pk) == 2
    assert AuditEntry.objects.filter(action="signatures.paper_undo").count() == 1
    assert signature_count_recount(petition_id=petition.pk).drift == 0


def test_recount_repair_includes_the_paper_batches():
    by, petition = _world()
    make_signatures(petition, 4)
    paper_batch_record(petition=petition, by=by, count=10)
    CountShard.objects.filter(petition=petition).update(delta=0)  # a lost fold, on purpose
    assert signature_count_recount(petition_id=petition.pk, repair=True).drift == -10
    assert Petition.objects.get(pk=petition.pk).signature_count == 14


@pytest.mark.parametrize(
    ("count", "note", "field", "message"),
    [
        (0, "", "count", "at least one"),
        (-5, "", "count", "at least one"),
        (100_001, "", "count", "at most 100,000"),
        (10**18, "", "count", "at most 100,000"),
        (5, "x" * 501, "note", "too long"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(count, note, field, message):
    by, petition = _world()
    with pytest.raises(ValidationError) as refused:
        paper_batch_record(petition=petition, by=by, count=count, note=note)
    assert message in " ".join(refused.value.message_dict[field])
    assert not PaperBatch.objects.exists()
    assert not CountShard.objects.exclude(delta=0).exists()
    assert not AuditEntry.objects.filter(action="signatures.paper").exists()


def test_a_draft_takes_no_paper_signatures():
    by, petition = _world(status=Petition.Status.DRAFT)
    with pytest.raises(ValidationError, match="published petition"):
        paper_batch_record(petition=petition, by=by, count=5)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.one_of(st.integers(min_value=-3, max_value=200_000), st.just("undo"), st.just("fold")),
        max_size=12,
    )
)
def test_any_mix_of_batches_undos_and_folds_keeps_the_count_exact(steps):
    by, petition = _world()
    make_signatures(petition, 1)
    kept: list[PaperBatch] = []
    for step in steps:
        if step == "fold":
            signature_counts_fold(petition_id=petition.pk)
        elif step == "undo":
            if kept:
                paper_batch_undo(batch=kept.pop(0), by=by)
        else:
            try:
                kept.append(paper_batch_record(petition=petition, by=by, count=step))
            except ValidationError:
                assert not 1 <= step <= 100_000
    assert live_count(petition.pk) == 1 + sum(batch.count for batch in kept)
    assert signature_count_recount(petition_id=petition.pk).drift == 0
