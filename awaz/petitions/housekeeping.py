"""Periodic care of petitions, run by the worker (settings.AWAZ_SCHEDULE)."""

from django.db import transaction
from django.utils import timezone

from awaz.audit.services import audit_record
from awaz.petitions.lifecycle import action_of
from awaz.petitions.models import Petition

Status = Petition.Status


@transaction.atomic
def petitions_close_expired() -> int:
    """Periodic: close every open petition whose closing date has passed; return how many.

    Each ends at its closing date (not when the job ran) and is audited as closed by nobody.
    """
    now = timezone.now()
    expired = list(
        Petition.objects.select_for_update()
        .filter(status=Status.OPEN, closes_at__lte=now)
        .only("pk", "closes_at")
    )
    for petition in expired:
        Petition.objects.filter(pk=petition.pk).update(
            status=Status.CLOSED, ended_at=petition.closes_at
        )
        audit_record(
            actor=None,
            action=action_of("close"),
            target=petition,
            details={"from": Status.OPEN, "to": Status.CLOSED, "reason": "closing date"},
        )
    return len(expired)
