"""Bulk invalidation (and release): take every signature matching some criteria out of the
counts, or let every held one matching them count.

A moderator sees how many signatures match, confirms, and a background task changes them one
by one through `signature_invalidate` (or `signature_release`), so each count moves by exactly
the number of counted signatures taken out (or released). Without any criterion the request is
refused: "everything" is never meant. The request itself is `services.invalidation_request`.
"""

import datetime
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from awaz.audit.services import audit_record
from awaz.moderation.models import Invalidation, InvalidationAction, InvalidationStatus
from awaz.signatures.models import Signature, SignatureQuerySet, SignatureStatus
from awaz.signatures.services import signature_invalidate, signature_release

BATCH = 500


@dataclass(frozen=True, slots=True)
class Criteria:
    """Which signatures; every criterion given must hold (an empty one is not a criterion)."""

    petition_id: int | None = None
    since: datetime.datetime | None = None
    until: datetime.datetime | None = None
    network_digest: str = ""
    email_domain: str = ""
    status: str = ""
    hold_reason: str = ""  # only held signatures held for this reason

    def is_empty(self) -> bool:
        return not any(asdict(self).values())

    def as_json(self) -> dict[str, object]:
        return {
            key: value.isoformat() if isinstance(value, datetime.datetime) else value
            for key, value in asdict(self).items()
            if value
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> "Criteria":
        def when(key: str) -> datetime.datetime | None:
            value = data.get(key)
            return datetime.datetime.fromisoformat(str(value)) if value else None

        petition = data.get("petition_id")
        return cls(
            petition_id=int(str(petition)) if petition else None,
            since=when("since"),
            until=when("until"),
            network_digest=str(data.get("network_digest", "")),
            email_domain=str(data.get("email_domain", "")),
            status=str(data.get("status", "")),
            hold_reason=str(data.get("hold_reason", "")),
        )


def signatures_matching(
    criteria: Criteria, action: str = InvalidationAction.INVALIDATE
) -> SignatureQuerySet:
    """The signatures the criteria select that the action would change: not invalidated yet,
    or, to release, held."""
    if criteria.is_empty():
        raise ValidationError(
            _("Give at least one criterion: invalidating every signature is never meant."),
            code="no_criteria",
        )
    if action == InvalidationAction.RELEASE:
        rows = Signature.objects.held()
    else:
        rows = Signature.objects.exclude(status=SignatureStatus.INVALIDATED)
    if criteria.petition_id is not None:
        rows = rows.filter(petition_id=criteria.petition_id)
    if criteria.since is not None:
        rows = rows.filter(created_at__gte=criteria.since)
    if criteria.until is not None:
        rows = rows.filter(created_at__lt=criteria.until)
    if criteria.network_digest:
        rows = rows.filter(network_digest=criteria.network_digest)
    domain = criteria.email_domain.lower()
    if domain.startswith("*."):
        rows = rows.filter(email_domain__endswith=domain[1:])
    elif domain:
        rows = rows.filter(email_domain=domain)
    if criteria.status:
        rows = rows.filter(status=criteria.status)
    if criteria.hold_reason:
        rows = rows.filter(status=SignatureStatus.SUSPECT, hold_reason=criteria.hold_reason)
    return rows


def invalidation_preview(*, criteria: Criteria, action: str = InvalidationAction.INVALIDATE) -> int:
    """How many signatures an invalidation (or release) with these criteria would change now."""
    return signatures_matching(criteria, action).count()


def invalidation_run(*, invalidation_id: int) -> int:
    """Invalidate (or release) what the request matches, in batches; safe to run again after a
    crash."""
    invalidation = Invalidation.objects.get(pk=invalidation_id)
    if invalidation.status == InvalidationStatus.DONE:
        return invalidation.invalidated
    release = invalidation.action == InvalidationAction.RELEASE
    change = signature_release if release else signature_invalidate
    rows = signatures_matching(Criteria.from_json(invalidation.criteria), invalidation.action)
    while batch := list(rows.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        changed = sum(change(signature_id=pk) for pk in batch)
        Invalidation.objects.filter(pk=invalidation_id).update(
            invalidated=F("invalidated") + changed
        )
    with transaction.atomic():
        invalidation = Invalidation.objects.select_for_update().get(pk=invalidation_id)
        if invalidation.status == InvalidationStatus.DONE:
            return invalidation.invalidated
        invalidation.status = InvalidationStatus.DONE
        invalidation.finished_at = timezone.now()
        invalidation.save(update_fields=["status", "finished_at"])
        details = {"criteria": invalidation.criteria, "invalidated": invalidation.invalidated}
        if release:
            audit_record(
                actor=invalidation.created_by,
                action="signatures.released",
                target=invalidation,
                details=details,
            )
        else:
            audit_record(
                actor=invalidation.created_by,
                action="signatures.invalidated",
                target=invalidation,
                details=details,
            )
    return invalidation.invalidated
