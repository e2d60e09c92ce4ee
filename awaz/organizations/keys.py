"""API keys of an organization: created, used and revoked here, each step audited.

A key reads `awaz_<prefix>_<secret>`: the prefix (8 characters) names the key to its owners
and in the audit log, the secret (43 characters, 256 bits) is never stored: only the SHA-256 of
the whole key is, so a copy of the database cannot be used to call the API. The key is shown
once, when it is made. A wrong, unknown or revoked key is refused the same way, so a caller
learns nothing about which organizations or keys exist. Nothing here logs a key.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from awaz.accounts.models import User
from awaz.audit.services import audit_record
from awaz.organizations.models import ApiKey, ApiKeyScope, Organization

KEY_START = "awaz_"
PREFIX_LENGTH = 8


@dataclass(frozen=True, slots=True)
class NewKey:
    key: ApiKey
    secret: str  # the whole key, to show once


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_key_create(*, organization: Organization, name: str, scope: str, by: User) -> NewKey:
    """A new key for `organization`; the returned secret is the only copy there will be."""
    if scope not in ApiKeyScope.values:
        raise ValueError(scope)
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    secret = f"{KEY_START}{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey.objects.create(
        organization=organization,
        name=name.strip(),
        scope=scope,
        prefix=prefix,
        digest=_digest(secret),
        created_by=by,
    )
    audit_record(
        actor=by,
        action="api_key.create",
        target=key,
        details={"organization": organization.slug, "prefix": prefix, "scope": scope},
    )
    return NewKey(key=key, secret=secret)


@transaction.atomic
def api_key_revoke(*, key: ApiKey, by: User) -> ApiKey:
    """Revoke `key` now; a revoked key is refused like a wrong one. Revoking twice is a no-op."""
    key = ApiKey.objects.select_for_update().get(pk=key.pk)
    if key.revoked_at is not None:
        return key
    key.revoked_at = timezone.now()
    key.save(update_fields=["revoked_at"])
    audit_record(
        actor=by,
        action="api_key.revoke",
        target=key,
        details={"organization": key.organization.slug, "prefix": key.prefix},
    )
    return key


def api_key_find(*, secret: str) -> ApiKey | None:
    """The active key whose secret this is, or None (wrong, unknown, revoked or malformed)."""
    if not secret.startswith(KEY_START) or len(secret) > 200:
        return None
    digest = _digest(secret)
    key = ApiKey.objects.active().select_related("organization").filter(digest=digest).first()
    # The lookup is by digest; compare again in constant time for good measure.
    if key is None or not hmac.compare_digest(key.digest, digest):
        return None
    return key


@transaction.atomic
def api_key_use(*, key: ApiKey, operation: str, target: str = "") -> None:
    """Record one use of `key` (every call with it is audited) and when it was last used."""
    now = timezone.now()
    ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    key.last_used_at = now
    audit_record(
        actor=None,
        action="api_key.use",
        target=key,
        details={
            "organization": key.organization.slug,
            "prefix": key.prefix,
            "operation": operation,
            **({"about": target} if target else {}),
        },
    )
