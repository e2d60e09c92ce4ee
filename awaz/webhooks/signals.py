"""Where events come from: the count's fold and the audit stream, in their own transactions."""

from typing import Any

from django.db.models.signals import post_save

from awaz.audit.models import AuditEntry
from awaz.petitions.models import Petition
from awaz.signatures.signals import count_published
from awaz.webhooks.models import Endpoint, Event
from awaz.webhooks.services import webhook_event

# Audit actions that are webhook events (the audit catalogue's names are stable).
FROM_AUDIT = {"petition.close": Event.CLOSED, "petition.victory": Event.VICTORY}


def _wanted(petition: Petition) -> bool:
    return Endpoint.objects.active().filter(organization_id=petition.organization_id).exists()


def _count_published(
    sender: type, petition: Petition, old: int, new: int, goals: list[int], **kwargs: Any
) -> None:
    if not _wanted(petition):
        return
    if new > old:
        webhook_event(event=Event.SIGNATURE_CONFIRMED, petition=petition)
    for goal in goals:
        webhook_event(event=Event.GOAL_REACHED, petition=petition, data={"goal": goal})


def _audited(sender: type, instance: AuditEntry, created: bool, **kwargs: Any) -> None:
    event = FROM_AUDIT.get(instance.action)
    if not created or event is None:
        return
    label, _, pk = instance.target.partition(":")
    if label != "petitions.petition":
        return
    petition = Petition.objects.filter(pk=int(pk)).first()
    if petition is not None and _wanted(petition):
        webhook_event(event=event, petition=petition)


def connect() -> None:
    count_published.connect(_count_published, dispatch_uid="webhooks-count")
    post_save.connect(_audited, sender=AuditEntry, dispatch_uid="webhooks-audit")
