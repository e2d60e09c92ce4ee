"""Reads for the moderators' pages."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncHour

from awaz.audit.models import AuditEntry
from awaz.audit.services import audit_target
from awaz.moderation.models import (
    Invalidation,
    Report,
    ReportStatus,
    TrendingSource,
)
from awaz.moderation.publication import RejectionReason
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.selectors import text_preferred
from awaz.signatures.models import HoldReason, ListEntry, Signature, SiteSettings


@dataclass(frozen=True, slots=True)
class Entry:
    """A petition in a moderator's list, with its title in the moderator's language if any."""

    petition: Petition
    text: PetitionText | None


def _entries(petitions: Sequence[Petition], language: str) -> list[Entry]:
    return [
        Entry(
            petition,
            text_preferred(
                petition.texts.all(),
                language=language,
                original_language=petition.original_language,
            ),
        )
        for petition in petitions
    ]


def petitions_waiting(*, language: str) -> list[Entry]:
    """Petitions submitted for publication, the longest waiting first."""
    petitions = (
        Petition.objects.filter(status=Petition.Status.PENDING)
        .select_related("organization")
        .prefetch_related("texts")
        .order_by("created_at", "pk")
    )
    return _entries(list(petitions), language)


def petition_for_review(*, pk: int, language: str) -> Entry | None:
    petition = (
        Petition.objects.select_related("organization").prefetch_related("texts").filter(pk=pk)
    ).first()
    return _entries([petition], language)[0] if petition else None


def reports_open() -> list[Report]:
    """Reports waiting for a moderator, oldest first."""
    return list(
        Report.objects.filter(status=ReportStatus.OPEN)
        .select_related("petition", "signature")
        .order_by("created_at", "pk")[:200]
    )


def petitions_with_spikes() -> list[tuple[Petition, int]]:
    """Petitions with a spike in the last snapshot, and how many spikes."""
    rows = (
        Petition.objects.annotate(spikes=Count("trends", filter=Q(trends__is_spike=True)))
        .filter(spikes__gt=0)
        .order_by("-spikes", "slug")
    )
    return [(petition, int(petition.spikes)) for petition in rows]  # type: ignore[attr-defined]


def trending_of(*, petition: Petition) -> list[TrendingSource]:
    """The snapshot's sources for one petition, newest hour first, biggest first."""
    return list(
        TrendingSource.objects.filter(petition=petition).order_by("-hour", "-signatures", "key")
    )


def invalidations_recent(*, limit: int = 20) -> list[Invalidation]:
    return list(Invalidation.objects.select_related("created_by")[:limit])


def list_entries() -> list[ListEntry]:
    return list(ListEntry.objects.select_related("created_by"))


def site_settings() -> SiteSettings:
    return SiteSettings.objects.first() or SiteSettings()


@dataclass(frozen=True, slots=True)
class Rejection:
    reason: str  # the label of a RejectionReason, in the reader's language
    text: str


def rejection_of(*, petition: Petition) -> Rejection | None:
    """Why the moderators refused `petition`, from the audit log; None if it was not refused."""
    if petition.status != Petition.Status.REJECTED:
        return None
    entry = AuditEntry.objects.filter(action="petition.reject", target=audit_target(petition))
    details = entry.values_list("details", flat=True).first()
    if not isinstance(details, dict):
        return None
    code = str(details.get("reason", ""))
    label = RejectionReason(code).label if code in RejectionReason.values else ""
    return Rejection(reason=str(label), text=str(details.get("text", "")))


def petition_for_moderation(*, pk: int) -> Petition | None:
    """Any petition, in any state, as moderators look it up."""
    return Petition.objects.select_related("organization").filter(pk=pk).first()


def report_get(*, pk: int) -> Report | None:
    return Report.objects.filter(pk=pk).first()


@dataclass(frozen=True, slots=True)
class HeldPetition:
    petition: Petition
    held: int
    confirmed: int  # of the held, how many signers confirmed already


def petitions_with_held() -> list[HeldPetition]:
    """Petitions with signatures held for a moderator, the most held first."""
    rows = (
        Signature.objects.held()
        .values("petition_id")
        .annotate(held=Count("pk"), confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)))
        .order_by("-held", "petition_id")
    )
    counts = {row["petition_id"]: row for row in rows}
    petitions = Petition.objects.in_bulk(list(counts))
    return [
        HeldPetition(petitions[pk], int(row["held"]), int(row["confirmed"]))
        for pk, row in counts.items()
        if pk in petitions
    ]


@dataclass(frozen=True, slots=True)
class Burst:
    """Held signatures of one petition from one network in one hour, held for one reason."""

    network_digest: str  # "" once erased (after AWAZ_NETWORK_DIGEST_HOURS), or never known
    hour: datetime.datetime
    reason: str
    signatures: int
    confirmed: int
    first: datetime.datetime
    last: datetime.datetime

    @property
    def hour_end(self) -> datetime.datetime:
        return self.hour + datetime.timedelta(hours=1)

    @property
    def reason_label(self) -> str:
        return str(HoldReason(self.reason).label) if self.reason in HoldReason.values else ""


def bursts_held(*, petition: Petition, limit: int = 200) -> list[Burst]:
    """The petition's held signatures by burst (network, hour, reason), newest hour first."""
    rows = (
        Signature.objects.held()
        .filter(petition=petition)
        .annotate(hour=TruncHour("created_at"))
        .values("network_digest", "hour", "hold_reason")
        .annotate(
            signatures=Count("pk"),
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            first=Min("created_at"),
            last=Max("created_at"),
        )
        .order_by("-hour", "-signatures", "network_digest", "hold_reason")[:limit]
    )
    return [
        Burst(
            network_digest=row["network_digest"],
            hour=row["hour"],
            reason=row["hold_reason"],
            signatures=row["signatures"],
            confirmed=row["confirmed"],
            first=row["first"],
            last=row["last"],
        )
        for row in rows
    ]
