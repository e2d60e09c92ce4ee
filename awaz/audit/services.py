"""Writing to the audit log (the only way in).

Each service that changes state or hands out personal data records its own entry, in its own
transaction (pretix's `log_action` habit): no caller has to remember to. The action names are
stable (awaz.audit.actions lists them); webhooks will read this stream.
"""

from typing import Any

from django.db import models

from awaz.audit.models import AuditEntry


def audit_target(instance: models.Model) -> str:
    return f"{instance._meta.label_lower}:{instance.pk}"


def audit_record(
    *,
    actor: models.Model | None,
    action: str,
    target: models.Model | str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry; call it in the transaction of the action it records.

    `actor` is the user who acted (None: the system, e.g. a scheduled job).
    """
    return AuditEntry.objects.create(
        actor_id=None if actor is None else actor.pk,
        action=action,
        target=target if isinstance(target, str) else audit_target(target),
        details=details or {},
    )
