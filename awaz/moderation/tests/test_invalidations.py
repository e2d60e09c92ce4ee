import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from awaz.audit.models import AuditEntry
from awaz.jobs.worker import Worker
from awaz.moderation.invalidations import Criteria, invalidation_preview, invalidation_run
from awaz.moderation.models import Invalidation
from awaz.moderation.services import invalidation_request
from awaz.signatures.counting import live_count, signature_counts_fold_all
from awaz.signatures.models import Signature
from tests.factories import make_petition, make_signatures
from tests.organizers import make_user

pytestmark = pytest.mark.django_db
NETWORK = "f" * 64


def burst(petition, count, *, status="confirmed"):
    rows = make_signatures(petition, count, status=status)
    Signature.objects.filter(pk__in=[row.pk for row in rows]).update(
        network_digest=NETWORK, email_domain="burst.example"
    )
    return rows


def test_no_criteria_is_refused():
    with pytest.raises(ValidationError, match="at least one criterion"):
        invalidation_preview(criteria=Criteria())
    with pytest.raises(ValidationError):
        invalidation_request(criteria=Criteria(), by=make_user(staff_role="moderator"))
    assert not Invalidation.objects.exists()


def test_the_count_drops_by_exactly_the_counted_signatures_invalidated():
    moderator = make_user(staff_role="moderator")
    petition = make_petition()
    make_signatures(petition, 7)
    burst(petition, 5)
    burst(petition, 3, status="pending")
    other = make_petition()
    burst(other, 4)
    criteria = Criteria(petition_id=petition.pk, network_digest=NETWORK)
    assert invalidation_preview(criteria=criteria) == 8
    invalidation = invalidation_request(criteria=criteria, by=moderator)
    assert live_count(petition.pk) == 12
    assert Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True) == 1
    invalidation.refresh_from_db()
    assert (invalidation.status, invalidation.invalidated) == ("done", 8)
    assert live_count(petition.pk) == 7 and live_count(other.pk) == 4
    signature_counts_fold_all()
    petition.refresh_from_db()
    assert petition.signature_count == 7
    requested, done = AuditEntry.objects.filter(target=f"moderation.invalidation:{invalidation.pk}")
    assert {requested.action, done.action} == {
        "signatures.invalidation_requested",
        "signatures.invalidated",
    }
    logged = {entry.action: entry for entry in (requested, done)}
    assert logged["signatures.invalidated"].details["invalidated"] == 8
    assert logged["signatures.invalidated"].actor == moderator
    assert logged["signatures.invalidation_requested"].details["matching"] == 8
    assert invalidation_run(invalidation_id=invalidation.pk) == 8  # a second run: no change
    assert live_count(petition.pk) == 7


def test_criteria_combine_domain_window_and_status():
    petition = make_petition()
    burst(petition, 2)
    burst(petition, 2, status="pending")
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    assert invalidation_preview(criteria=Criteria(email_domain="burst.example")) == 4
    assert invalidation_preview(criteria=Criteria(email_domain="*.example")) == 4
    assert invalidation_preview(criteria=Criteria(email_domain="other.example")) == 0
    assert invalidation_preview(criteria=Criteria(status="pending", since=now - hour)) == 2
    assert invalidation_preview(criteria=Criteria(until=now - hour)) == 0
    round_trip = Criteria.from_json(Criteria(since=now, status="pending").as_json())
    assert round_trip == Criteria(since=now, status="pending")
