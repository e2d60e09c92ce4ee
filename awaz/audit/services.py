"""Writing to the audit log (the only way in).

Each service that changes state or hands out personal data records its own entry, in its own
transaction (pretix's `log_action` habit): no caller has to remember to. The action names are
stable (awaz.audit.actions lists them); webhooks will read this stream.
"""

from typing import Any

from django.db import models

from awaz.audit.models import AuditEntry

ORGANIZATION = "organizations.organization"


def audit_target(instance: models.Model) -> str:
    return f"{instance._meta.label_lower}:{instance.pk}"


def _organization_of(target: models.Model | str) -> int | None:
    """The organization an entry's object belongs to: itself, its own, or its petition's."""
    if isinstance(target, str):
        return None
    if target._meta.label_lower == ORGANIZATION:
        return int(target.pk)
    own = getattr(target, "organization_id", None)
    if isinstance(own, int):
        return own
    petition = getattr(target, "petition", None)
    of_petition = getattr(petition, "organization_id", None)
    return of_petition if isinstance(of_petition, int) else None


def audit_record(
    *,
    actor: models.Model | None,
    action: str,
    target: models.Model | str = "",
    details: dict[str, Any] | None = None,
    organization_pk: int | None = None,
) -> AuditEntry:
    """Add one entry; call it in the transaction of the action it records.

    `actor` is the user who acted (None: the system, e.g. a scheduled job). The organization
    the entry concerns (its owners see it) is the target's, found here; pass `organization_pk`
    only for a target given as a string.
    """
    if organization_pk is None:
        organization_pk = _organization_of(target)
    return AuditEntry.objects.create(
        actor_id=None if actor is None else actor.pk,
        action=action,
        target=target if isinstance(target, str) else audit_target(target),
        details=details or {},
        organization_pk=organization_pk,
    )
