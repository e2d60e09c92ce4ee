"""Writing to the audit log (the only way in)."""

from typing import Any

from django.db import models

from awaz.accounts.models import User
from awaz.audit.models import AuditEntry


def audit_target(instance: models.Model) -> str:
    return f"{instance._meta.label_lower}:{instance.pk}"


def audit_record(
    *,
    actor: User | None,
    action: str,
    target: models.Model | str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry; call it in the transaction of the action it records."""
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        target=target if isinstance(target, str) else audit_target(target),
        details=details or {},
    )
