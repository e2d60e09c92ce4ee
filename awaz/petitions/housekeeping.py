"""Periodic care of petitions, run by the worker (settings.AWAZ_SCHEDULE)."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from awaz.petitions.models import Petition


@transaction.atomic
def petitions_close_expired() -> int:
    """Close every open petition whose closing date has passed; return how many."""
    now = timezone.now()
    expired = Petition.objects.select_for_update().filter(
        status=Petition.Status.OPEN, closes_at__lte=now
    )
    return expired.update(status=Petition.Status.CLOSED, ended_at=F("closes_at"))
