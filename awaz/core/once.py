"""Use-once claims for forms, links and puzzles (see UsedOnce)."""

import datetime
import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

from awaz.core.models import UsedOnce


def claim_once(purpose: str, value: str, *, valid_for: datetime.timedelta) -> bool:
    """True the first time (`purpose`, `value`) is claimed, False every time after."""
    key = hashlib.sha256(f"{purpose}\x00{value}".encode()).hexdigest()
    try:
        with transaction.atomic():
            UsedOnce.objects.create(key=key, expires_at=timezone.now() + valid_for)
    except IntegrityError:
        return False
    return True


def forget_expired() -> int:
    """Periodic: drop markers whose thing has expired anyway."""
    deleted, _ = UsedOnce.objects.filter(expires_at__lt=timezone.now()).delete()
    return deleted
