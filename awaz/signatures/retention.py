"""Personal data of signatures is deleted on a schedule, whatever anyone forgets to do.

AWAZ_RETENTION_DAYS after a petition stopped taking signatures (closed, won, rejected or taken
down), each of its signatures keeps only what its count and its statistics need: country,
language, status and times. Name, comment, choices, the e-mail digest and domain, the
encrypted address and the network digest are erased; the digest is replaced by a value that
cannot be linked to any address, so "my signatures" no longer finds the row either.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat
from django.utils import timezone

from awaz.petitions.models import Petition
from awaz.signatures.models import Signature

ENDED = (
    Petition.Status.CLOSED,
    Petition.Status.VICTORY,
    Petition.Status.REJECTED,
    Petition.Status.REMOVED,
)
PURGED_PREFIX = "purged:"


def petitions_past_retention(now: datetime.datetime) -> list[int]:
    cutoff = now - datetime.timedelta(days=settings.AWAZ_RETENTION_DAYS)
    return list(
        Petition.objects.filter(status__in=ENDED)
        .filter(Q(ended_at__lte=cutoff) | Q(ended_at__isnull=True, closes_at__lte=cutoff))
        .values_list("pk", flat=True)
    )


@transaction.atomic
def signatures_purge_personal_data(*, petition_id: int) -> int:
    """Erase everything personal from one petition's signatures; return how many rows changed."""
    return (
        Signature.objects.filter(petition_id=petition_id)
        .exclude(email_digest__startswith=PURGED_PREFIX)
        .update(
            name="",
            comment="",
            is_public=False,
            wants_updates=False,
            contact_consent=False,
            email_encrypted="",
            email_domain="",
            network_digest="",
            email_digest=Concat(Value(PURGED_PREFIX), "id"),
        )
    )


def purge_past_retention() -> int:
    """Periodic: purge every petition past its retention; return how many rows changed."""
    return sum(
        signatures_purge_personal_data(petition_id=petition_id)
        for petition_id in petitions_past_retention(timezone.now())
    )
