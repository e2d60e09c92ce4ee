"""Personal data of signatures is deleted on a schedule, whatever anyone forgets to do.

AWAZ_RETENTION_DAYS after a petition stopped taking signatures (`Petition.ENDED`: closed, won,
rejected or taken down; every move there sets `ended_at`, a database constraint insists), each
of its signatures keeps only what its count and its statistics need: country, language, status
and times. Name, comment, choices, the e-mail digest and domain, the encrypted address and the
network digest are erased; the digest is replaced by a value that cannot be linked to any
address, so "my signatures" no longer finds the row either.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils import timezone

from awaz.audit.services import audit_record
from awaz.petitions.models import Petition
from awaz.signatures.models import Signature

PURGED_PREFIX = "purged:"


def petitions_past_retention(now: datetime.datetime) -> list[int]:
    cutoff = now - datetime.timedelta(days=settings.AWAZ_RETENTION_DAYS)
    return list(Petition.objects.ended().filter(ended_at__lte=cutoff).values_list("pk", flat=True))


@transaction.atomic
def signatures_purge_personal_data(*, petition_id: int) -> int:
    """Erase everything personal from one petition's signatures; return how many rows changed.

    Audited as `signatures.purge` (by nobody) when it changed anything.
    """
    purged = (
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
    if purged:
        audit_record(
            actor=None,
            action="signatures.purge",
            target=f"petitions.petition:{petition_id}",
            details={"rows": purged},
            organization_pk=Petition.objects.filter(pk=petition_id)
            .values_list("organization_id", flat=True)
            .first(),
        )
    return purged


def purge_past_retention() -> int:
    """Periodic: purge every petition past its retention; return how many rows changed."""
    return sum(
        signatures_purge_personal_data(petition_id=petition_id)
        for petition_id in petitions_past_retention(timezone.now())
    )
